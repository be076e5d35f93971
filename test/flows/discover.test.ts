/** The proposal discover writes: services from workloads, built-ins, networks to narrow, refusals. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { discoverIntent, RefusedFlowError, type DiscoverOptions } from "../../action/src/flows/discover.js";
import { summarise } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "netpol-discover-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DNS: DiscoverOptions["dns"] = { namespace: "kube-system", podLabels: { "k8s-app": "kube-dns" } };

function record(from: object, to: object, port: number, extra: object = {}): string {
  return JSON.stringify({ time: "2026-01-05T10:00:00Z", from, to, port, verdict: "allowed", ...extra });
}

async function flows(lines: string[]) {
  const name = `f-${Math.random().toString(36).slice(2)}.jsonl`;
  writeFileSync(join(dir, name), `${lines.join("\n")}\n`);
  return summarise([name], { cwd: dir });
}

describe("discoverIntent", () => {
  it("takes a service's labels from its workload's selector, never pod-template-hash", async () => {
    const web = { namespace: "shop", labels: { app: "web", tier: "front", "pod-template-hash": "7d9f8" } };
    const api = { namespace: "shop", labels: { app: "api", version: "v2" } };
    const s = await flows([
      record(web, api, 8080, { count: 4 }),
      record(web, { ip: "198.51.100.7" }, 443),
      record(web, { ip: "198.51.100.20" }, 443),
    ]);
    const proposal = discoverIntent(s, {
      dns: DNS,
      workloads: [
        // A bare ReplicaSet's selector carries pod-template-hash: it is left out.
        {
          namespace: "shop",
          kind: "ReplicaSet",
          name: "web-7d9f8",
          selector: { app: "web", "pod-template-hash": "7d9f8" },
        },
        { namespace: "shop", kind: "Deployment", name: "api", selector: { app: "api" } },
      ],
    });
    expect(proposal.namespaces).toEqual([
      {
        name: "shop",
        managed: true,
        services: [
          {
            namespace: "shop",
            name: "web-7d9f8",
            labels: { app: "web" },
            ports: [],
            workload: "ReplicaSet/web-7d9f8",
          },
          {
            namespace: "shop",
            name: "api",
            labels: { app: "api" },
            ports: [{ port: 8080, protocol: "TCP" }],
            workload: "Deployment/api",
          },
        ],
      },
    ]);
    expect(proposal.flows.map((f) => [f.from, f.to, f.ports, f.connections])).toEqual([
      // Two addresses of one /24: one network that lists them, to narrow.
      [
        { kind: "service", namespace: "shop", service: "web-7d9f8" },
        { kind: "cidr", cidr: "198.51.100.0/24", addresses: ["198.51.100.20", "198.51.100.7"] },
        [{ port: 443, protocol: "TCP" }],
        2,
      ],
      [
        { kind: "service", namespace: "shop", service: "web-7d9f8" },
        { kind: "service", namespace: "shop", service: "api" },
        [{ port: 8080, protocol: "TCP" }],
        4,
      ],
    ]);
  });

  it("counts DNS and kubelet health checks as built-ins, not flows", async () => {
    const web = { namespace: "shop", labels: { app: "web" } };
    const s = await flows([
      record(web, { namespace: "kube-system", labels: { "k8s-app": "kube-dns" } }, 53, {
        protocol: "UDP",
        count: 9,
      }),
      record({ node: "worker-1", ip: "192.168.0.10" }, web, 8080, { count: 3 }),
    ]);
    const proposal = discoverIntent(s, { dns: DNS });
    expect(proposal.builtins).toEqual({ dns: 9, healthChecks: 3 });
    expect(proposal.flows).toEqual([]);
  });

  it("refuses a flow naming kube-system other than DNS, and proposes nothing", async () => {
    const s = await flows([
      record(
        { namespace: "shop", labels: { app: "web" } },
        { namespace: "shop", labels: { app: "api" } },
        8080,
      ),
      record(
        { namespace: "kube-system", labels: { component: "kube-apiserver" } },
        { namespace: "shop", labels: { app: "api" } },
        8080,
      ),
    ]);
    expect(() => discoverIntent(s, { dns: DNS })).toThrow(RefusedFlowError);
    expect(() => discoverIntent(s, { dns: DNS })).toThrow(
      "1 observed flow names a kube-* namespace: discover never proposes opening one",
    );
  });
});
