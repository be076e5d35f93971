import { describe, expect, it } from "vitest";
import { buildEnvironment, type EnvironmentSpec } from "../helpers/intent-builder.js";
import { expectGolden } from "../helpers/golden.js";
import { diffEnvironments, diffPolicySets } from "../../action/src/semantics/diff.js";
import { renderDiffJson, renderDiffMarkdown, renderDiffText } from "../../action/src/semantics/render.js";
import { CNI_PROFILES } from "../../action/src/cni/profiles.js";
import type { FlowChange } from "../../action/src/semantics/contracts.js";
import { ns, pod, policy } from "./fixtures.js";

const production = (extra: Partial<EnvironmentSpec> = {}, flows: string[] = []): EnvironmentSpec => ({
  name: "production",
  cni: "cilium",
  namespaces: {
    production: {
      services: { frontend: { ports: [80] }, api: { ports: [8080] }, database: { ports: [5432] } },
    },
    "ingress-nginx": { managed: false, podLabels: { "app.kubernetes.io/name": "ingress-nginx" } },
  },
  flows: [
    "ingress-nginx -> frontend:80",
    "frontend -> api:8080",
    "api -> database:5432",
    "api -> 198.51.100.0/24:443",
    ...flows,
  ],
  ...extra,
});

const line = (c: FlowChange): string => `${c.change} ${c.from} -> ${c.to} ${c.port}/${c.protocol}`;

describe("diffEnvironments", () => {
  it("reports nothing when base and head are the same", () => {
    const env = buildEnvironment(production());
    const d = diffEnvironments(env, env);
    expect(d.changes).toEqual([]);
    expect(d.workloads).toEqual({ added: [], removed: [] });
  });

  it("a pull request adding frontend -> database:5432 opens exactly that flow, blamed on its line", () => {
    const base = buildEnvironment(production());
    const head = buildEnvironment(production({}, ["frontend -> database:5432"]));
    const d = diffEnvironments(base, head);
    expect(d.changes.map(line)).toEqual(["added production/frontend -> production/database 5432/TCP"]);
    const flowLine = head.flows.find((f) => f.text === "frontend -> database:5432")?.source;
    expect(d.changes[0]?.rule).toMatchObject({
      namespace: "production",
      policy: "frontend-egress",
      direction: "egress",
      source: flowLine,
    });
    expect(d.changes[0]?.explanation).toContain("before: blocked");
  });

  it("removing a flow closes it, blamed on the base rule", () => {
    const base = buildEnvironment(production({}, ["frontend -> database:5432"]));
    const head = buildEnvironment(production());
    const d = diffEnvironments(base, head);
    expect(d.changes.map(line)).toEqual(["removed production/frontend -> production/database 5432/TCP"]);
    expect(d.changes[0]?.rule?.source).toEqual(
      base.flows.find((f) => f.text === "frontend -> database:5432")?.source,
    );
  });

  it("a new environment: every flow its rules allow is added, nothing merely unisolated is listed", () => {
    const head = buildEnvironment(production());
    const d = diffEnvironments(undefined, head);
    const lines = d.changes.map(line);
    expect(lines).toContain("added production/frontend -> production/api 8080/TCP");
    expect(lines).toContain("added production/api -> production/database 5432/TCP");
    expect(lines).toContain("added ns:ingress-nginx -> production/frontend 80/TCP");
    expect(lines).toContain("added production/api -> 198.51.100.0/24 443/TCP");
    expect(lines).toContain("added production/api -> kube-system/kube-dns 53/UDP");
    expect(lines).toContain("added production/api -> kube-system/kube-dns 53/TCP");
    expect(d.changes.every((c) => c.change === "added" && c.rule !== undefined)).toBe(true);
    expect(lines.some((l) => l.includes("internet"))).toBe(false);
    expect(d.workloads.added).toEqual(["production/api", "production/database", "production/frontend"]);
    expect(d.namespaces.added).toEqual(["ingress-nginx", "production"]);
  });

  it("a removed environment: everything it allowed is removed", () => {
    const base = buildEnvironment(production());
    const d = diffEnvironments(base, undefined);
    expect(d.changes.length).toBeGreaterThan(5);
    expect(d.changes.every((c) => c.change === "removed")).toBe(true);
    expect(d.workloads.removed).toEqual(["production/api", "production/database", "production/frontend"]);
  });

  it("opening every port shows as the '*' port", () => {
    const base = buildEnvironment(production());
    const head = buildEnvironment(production({}, ["api -> 203.0.113.0/24"]));
    const d = diffEnvironments(base, head);
    // The builder reads a flow without ports as every TCP port (the loader: every port).
    // 443 is probed on every address because another flow names it.
    expect(d.changes.map(line)).toEqual([
      "added production/api -> 203.0.113.0/24 443/TCP",
      "added production/api -> 203.0.113.0/24 */TCP",
    ]);
  });

  it("turning off default-deny closes nothing declared but opens the unlisted paths, without a rule", () => {
    const base = buildEnvironment(production());
    const spec = production();
    const head = buildEnvironment({
      ...spec,
      namespaces: {
        ...spec.namespaces,
        production: { ...spec.namespaces?.["production"], defaultDeny: false },
      },
    });
    const d = diffEnvironments(base, head);
    expect(d.changes.length).toBeGreaterThan(0);
    expect(d.changes.every((c) => c.change === "added")).toBe(true);
    expect(d.changes.map(line)).toContain("added internet -> ns:production */TCP");
    expect(d.changes.find((c) => c.from === "internet" && c.to === "ns:production")?.rule).toBeUndefined();
  });

  it("FQDN egress on cilium: the flow opens through the CiliumNetworkPolicy, wildcards included", () => {
    const spec = (flows: string[]): EnvironmentSpec => ({
      name: "production",
      cni: "cilium",
      namespaces: { production: { services: { api: { ports: [8080] }, web: { ports: [80] } } } },
      flows: ["web -> api:8080", ...flows],
    });
    const d = diffEnvironments(
      buildEnvironment(spec([])),
      buildEnvironment(spec(["api -> api.stripe.com:443", "web -> *.example.com:443"])),
    );
    expect(d.changes.map(line)).toEqual([
      "added production/api -> api.stripe.com 443/TCP",
      "added production/web -> *.example.com 443/TCP",
    ]);
    expect(d.changes[0]?.rule).toMatchObject({ policy: "api-fqdn-egress", direction: "egress" });
  });

  it("FQDN egress isolates the pod's egress on cilium, even without default-deny: the diff says what closes", () => {
    const spec = (flows: string[]): EnvironmentSpec => ({
      name: "production",
      cni: "cilium",
      namespaces: {
        production: { defaultDeny: false, services: { api: { ports: [8080] }, web: { ports: [80] } } },
      },
      flows: ["web -> api:8080", ...flows],
    });
    const d = diffEnvironments(
      buildEnvironment(spec([])),
      buildEnvironment(spec(["api -> api.stripe.com:443"])),
    );
    const lines = d.changes.map(line);
    expect(lines).toContain("removed production/api -> production/web 80/TCP");
    expect(lines).toContain("removed production/api -> internet 443/TCP");
    expect(lines.some((l) => l.includes("kube-dns 53/"))).toBe(false);
    expect(d.changes.find((c) => c.to === "production/web")?.explanation).toContain(
      "isolated by production/api-fqdn-egress",
    );
  });

  it("is deterministic", () => {
    const base = buildEnvironment(production());
    const head = buildEnvironment(production({}, ["frontend -> database:5432", "api -> 203.0.113.0/24:443"]));
    expect(renderDiffJson(diffEnvironments(base, head))).toBe(renderDiffJson(diffEnvironments(base, head)));
  });

  it("renders text, JSON and markdown (golden files)", () => {
    const base = buildEnvironment(production());
    const head = buildEnvironment({
      ...production({}, ["frontend -> database:5432", "api -> 203.0.113.0/24:443"]),
      namespaces: {
        ...production().namespaces,
        production: {
          services: {
            frontend: { ports: [80] },
            api: { ports: [8080] },
            database: { ports: [5432] },
            worker: { ports: [9000] },
          },
        },
      },
    });
    const d = diffEnvironments(base, head);
    expectGolden("test/semantics/golden/diff.txt", renderDiffText(d));
    expectGolden("test/semantics/golden/diff.json", renderDiffJson(d));
    expectGolden("test/semantics/golden/diff.md", renderDiffMarkdown(d));
  });
});

describe("diffPolicySets", () => {
  const cluster = {
    namespaces: [ns("x"), ns("y")],
    pods: [
      pod("x/a", { app: "a" }, { ports: [{ containerPort: 80 }], ip: "10.0.0.1" }),
      pod("x/b", { app: "b" }, { ports: [{ containerPort: 80 }], ip: "10.0.0.2" }),
      pod("y/c", { app: "c" }, { ports: [{ containerPort: 80 }], ip: "10.0.0.3" }),
    ],
  };
  const denyX = policy("x/deny", { podSelector: {}, policyTypes: ["Ingress"] });
  const allowB = policy("x/allow-b", {
    podSelector: { matchLabels: { app: "a" } },
    ingress: [{ from: [{ podSelector: { matchLabels: { app: "b" } } }] }],
  });

  it("lists what a new default-deny closes, pod pair by pod pair", () => {
    const d = diffPolicySets(cluster, [], [denyX], { profile: CNI_PROFILES.generic });
    expect(d.changes.map(line).sort()).toEqual([
      "removed x/a -> x/a 80/TCP",
      "removed x/a -> x/b 80/TCP",
      "removed x/b -> x/a 80/TCP",
      "removed x/b -> x/b 80/TCP",
      "removed y/c -> x/a 80/TCP",
      "removed y/c -> x/b 80/TCP",
    ]);
    expect(d.policies).toEqual({ added: ["x/deny"], removed: [], changed: [] });
  });

  it("judges given probes in order and blames the head rule", () => {
    const d = diffPolicySets(cluster, [denyX], [denyX, allowB], {
      profile: CNI_PROFILES.generic,
      probes: [
        { from: "y/c", to: "x/a", port: 80 },
        { from: "x/b", to: "x/a", port: 80 },
      ],
    });
    expect(d.changes.map(line)).toEqual(["added x/b -> x/a 80/TCP"]);
    expect(d.changes[0]?.rule).toMatchObject({ policy: "allow-b", ruleIndex: 0, direction: "ingress" });
  });
});
