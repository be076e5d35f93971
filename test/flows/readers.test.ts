/**
 * Each source as it really comes, against fixtures written from its documented schema
 * (fixtures/README.md cites them): what the summary must count, and what it must not.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { line, summarise } from "./helpers.js";

describe("the plain format", () => {
  it("counts connections per workload, without per-pod labels, with first and last seen", async () => {
    const s = await summarise(["plain.jsonl"]);
    expect(s.flows.map(line)).toEqual([
      "node -> shop/app=api:8080/TCP allowed=0 denied=0 audit=0",
      "shop/app=api -> 203.0.113.10:443/TCP allowed=0 denied=2 audit=0",
      "shop/app=web -> kube-system/k8s-app=kube-dns:53/UDP allowed=0 denied=0 audit=1",
      "shop/app=web -> shop/app=api:8080/TCP allowed=4 denied=0 audit=0",
    ]);
    const web = s.flows.find((f) => f.port === 8080 && f.from.label === "shop/app=web");
    expect(web?.records).toBe(2);
    expect(new Date(web?.firstSeen ?? 0).toISOString()).toBe("2026-01-05T10:00:00.000Z");
    expect(new Date(web?.lastSeen ?? 0).toISOString()).toBe("2026-01-05T10:05:00.250Z");
    expect(web?.examples.fromPods).toEqual(["web-7d9f8-abcde", "web-7d9f8-fghij"]);
    expect(web?.examples.fromIps).toEqual(["10.0.1.5"]);
    // A connection opened before the window: seen, no new connection.
    expect(s.flows[0]?.passed).toBe(true);
    expect(s.files).toEqual([{ file: "plain.jsonl", format: "plain", records: 5 }]);
    expect(new Date(s.firstSeen ?? 0).toISOString()).toBe("2026-01-05T09:10:00.000Z");
    expect(new Date(s.lastSeen ?? 0).toISOString()).toBe("2026-01-05T10:20:00.000Z");
  });
});

describe("Hubble", () => {
  it("counts a TCP connection once by its SYN, wherever and however often it was seen", async () => {
    const s = await summarise(["hubble-exporter.jsonl", "hubble-node-b.jsonl"]);
    expect(s.flows.map(line)).toEqual([
      "node -> shop/app=api:8080/TCP allowed=1 denied=0 audit=0",
      "shop/app=web -> 203.0.113.10:443/TCP allowed=0 denied=1 audit=0",
      "shop/app=web -> kube-system/k8s-app=kube-dns:53/UDP allowed=1 denied=0 audit=0",
      // 41000: seen at the source, as a policy verdict and at the destination: one. 41002:
      // forwarded at the source, dropped by policy at the destination (twice): one, denied.
      "shop/app=web -> shop/app=api:8080/TCP allowed=1 denied=1 audit=0",
    ]);
    expect(s.lost).toBe(5);
    expect(Object.fromEntries(s.skipped)).toEqual({
      "reply packet": 2,
      "Cilium health check": 1,
      "dropped for a reason other than policy (CT_MISSING_TCP_ACK_FLAG)": 1,
      "ICMP (NetworkPolicy has no ICMP rules)": 1,
      "L7 record (its connection is counted from its L3/L4 record)": 1,
      "node status event": 1,
    });
    const web = s.flows.find((f) => f.port === 8080 && f.from.label === "shop/app=web");
    expect(web?.from.side).toEqual({
      kind: "pod",
      namespace: "shop",
      labels: { app: "web" },
      workload: "Deployment/web",
    });
    expect(s.files.map((f) => f.format)).toEqual(["hubble", "hubble"]);
    // Packets of an established connection went through.
    expect(web?.passed).toBe(true);
  });

  it("a SYN the source forwards and the destination drops by policy did not go through", async () => {
    const dir = mkdtempSync(join(tmpdir(), "netpol-hubble-"));
    try {
      const flow = (verdict: string, point: string, extra = {}) =>
        JSON.stringify({
          flow: {
            time: "2026-01-05T10:00:00Z",
            verdict,
            IP: { source: "10.0.1.5", destination: "10.0.2.7" },
            l4: { TCP: { source_port: 41000, destination_port: 5432, flags: { SYN: true } } },
            source: { namespace: "shop", labels: ["k8s:app=web"] },
            destination: { namespace: "shop", labels: ["k8s:app=db"] },
            Type: "L3_L4",
            trace_observation_point: point,
            is_reply: false,
            ...extra,
          },
        });
      writeFileSync(
        join(dir, "f.jsonl"),
        `${flow("FORWARDED", "FROM_ENDPOINT")}\n${flow("DROPPED", "TO_ENDPOINT", { drop_reason_desc: "POLICY_DENIED" })}\n`,
      );
      const s = await summarise(["f.jsonl"], { cwd: dir });
      expect(s.flows.map(line)).toEqual(["shop/app=web -> shop/app=db:5432/TCP allowed=0 denied=1 audit=0"]);
      expect(s.flows[0]?.passed).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads `hubble observe -o json` (the Flow itself, lowerCamelCase names) and audit verdicts", async () => {
    const s = await summarise(["hubble-observe-json.jsonl"]);
    expect(s.flows.map(line)).toEqual(["shop/app=api -> shop/app=db:5432/TCP allowed=1 denied=0 audit=1"]);
    expect(s.flows[0]?.examples.toPods).toEqual(["db-0"]);
  });
});

describe("Calico", () => {
  it("Goldmane: a connection both ends report is counted once; staged denials are audit", async () => {
    const s = await summarise(["goldmane.jsonl"]);
    expect(s.flows.map(line)).toEqual([
      "shop/app=api -> pub (address not given):443/TCP allowed=0 denied=2 audit=0",
      "shop/app=api -> shop/app=db:5432/TCP allowed=0 denied=0 audit=5",
      "shop/app=web -> kube-system/k8s-app=kube-dns:53/UDP allowed=6 denied=0 audit=0",
      // Src: 4 allowed; Dst: 3 allowed, 1 denied at ingress: 3 allowed and 1 denied.
      "shop/app=web -> shop/app=api:8080/TCP allowed=3 denied=1 audit=0",
    ]);
    expect(Object.fromEntries(s.skipped)).toEqual({ "protocol ICMP (NetworkPolicy has no rules for it)": 1 });
    expect(s.flows[3]?.examples.fromPods).toEqual(["web-7d9f8-*"]);
  });

  it("Enterprise flow logs: reports of both ends counted once", async () => {
    const s = await summarise(["calico-enterprise.jsonl"]);
    expect(s.flows.map(line)).toEqual([
      "shop/app=api -> 198.51.100.20:443/TCP allowed=3 denied=0 audit=0",
      "shop/app=web -> shop/app=api:8080/TCP allowed=5 denied=2 audit=0",
    ]);
    expect(s.files[0]?.format).toBe("calico-enterprise");
  });
});
