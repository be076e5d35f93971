/**
 * Pre-flight with observed traffic: the first default-deny of a namespace is refused while
 * flows that go through today would be blocked by it (nothing changed, the flows listed),
 * unless the deploy is told to go ahead.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readFlowPatterns } from "../../action/src/adapters/flow-patterns.js";
import { runActionRollout, type RolloutIo } from "../../action/src/commands/action-rollout.js";
import type { ObservedTraffic } from "../../action/src/commands/deploy/observed.js";
import { FlowReader } from "../../action/src/flows/read.js";
import type { FlowSummary } from "../../action/src/flows/summary.js";
import { parseIntent } from "../../action/src/intent/index.js";
import { FLOWS_A, FLOWS_B, production, REV_A, REV_B, setup, target } from "../helpers/rollout-scenario.js";

const pod = (namespace: string, app: string) => ({ namespace, labels: { app } });

/** worker -> ledger:5432, which revision A does not declare, and declared traffic beside it. */
const RECORDS = [
  {
    time: "2026-11-30T06:00:00Z",
    from: pod("shop", "frontend"),
    to: pod("shop", "api"),
    port: 8080,
    verdict: "allowed",
    count: 40,
  },
  {
    time: "2026-11-30T06:10:00Z",
    from: pod("shop", "api"),
    to: pod("billing", "ledger"),
    port: 5432,
    verdict: "allowed",
    count: 9,
  },
  {
    time: "2026-11-30T06:20:00Z",
    from: pod("shop", "worker"),
    to: pod("billing", "ledger"),
    port: 5432,
    verdict: "allowed",
    count: 12,
  },
];

function summaryOf(records: object[]): FlowSummary {
  const reader = new FlowReader();
  reader.startFile("flows.jsonl");
  records.forEach((r, i) => reader.line(JSON.stringify(r), i + 1));
  return reader.finish();
}

function observed(records: object[] = RECORDS, over: Partial<ObservedTraffic> = {}): ObservedTraffic {
  return { byEnvironment: new Map([["*", summaryOf(records)]]), proceed: false, detail: "services", ...over };
}

describe("a first default-deny that would block observed traffic", () => {
  it("is refused, listing the flow, the isolation and the line that opens it; nothing changed", async () => {
    const { cluster, deployer, rollout } = setup();
    const report = await rollout([target(production(), REV_A)], { observed: observed() });
    expect(report.environments[0]?.status).toBe("refused");
    const text = report.refusals.join("\n");
    expect(text).toMatch(
      /production: observed shop\/worker -> billing\/ledger:5432\/TCP \(12 connections, last seen 2026-11-30 06:20:00 UTC\) would be blocked: /,
    );
    expect(text).toMatch(/the flow line that opens it: shop\/worker -> billing\/ledger:5432$/m);
    expect(text).toMatch(
      /production: the first default-deny of billing, shop would block 1 observed flow that goes through today: declare it .*enforce-despite-flows: true/,
    );
    // Declared traffic is not listed.
    expect(text).not.toMatch(/shop\/api -> billing\/ledger/);
    expect(deployer.ups).toEqual([]);
    expect(cluster.policies.size).toBe(0);
  });

  it("goes ahead when told to, and the outcome notes what it cut", async () => {
    const { cluster, rollout } = setup();
    const report = await rollout([target(production(), REV_A)], {
      observed: observed(RECORDS, { proceed: true }),
    });
    expect(report.refusals).toEqual([]);
    const outcome = report.environments[0]!;
    expect(outcome.status).toBe("deployed");
    expect(outcome.notes.join("\n")).toMatch(
      /first default-deny of billing, shop blocks 1 observed flow that went through before it[\s\S]*shop\/worker -> billing\/ledger:5432/,
    );
    expect(cluster.hasDeny("shop")).toBe(true);
  });

  it("passes when the intent declares everything observed", async () => {
    const { rollout } = setup();
    const report = await rollout([target(production(FLOWS_B), REV_B)], { observed: observed() });
    expect(report.refusals).toEqual([]);
    expect(report.environments[0]?.status).toBe("deployed");
  });

  it("passes when a namespace is already enforced: only a first default-deny is judged", async () => {
    const { rollout } = setup();
    expect((await rollout([target(production(), REV_A)])).environments[0]?.status).toBe("deployed");
    const again = await rollout([target(production([...FLOWS_A, "frontend -> worker:9000"]), REV_B)], {
      observed: observed(),
    });
    expect(again.refusals).toEqual([]);
    expect(again.environments[0]?.status).toBe("deployed");
  });

  it("counts a policy the cluster holds of its own, which stays in force beside the deploy", async () => {
    const { cluster, rollout } = setup();
    cluster.put({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { namespace: "shop", name: "worker-egress-by-hand" },
      spec: {
        podSelector: { matchLabels: { app: "worker" } },
        policyTypes: ["Egress"],
        egress: [{ to: [{ namespaceSelector: {}, podSelector: { matchLabels: { app: "ledger" } } }] }],
      },
    });
    cluster.put({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { namespace: "billing", name: "ledger-ingress-by-hand" },
      spec: {
        podSelector: { matchLabels: { app: "ledger" } },
        policyTypes: ["Ingress"],
        ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { app: "worker" } } }] }],
      },
    });
    const report = await rollout([target(production(), REV_A)], { observed: observed() });
    expect(report.refusals).toEqual([]);
    expect(report.environments[0]?.status).toBe("deployed");
  });

  it("withholds an outside address unless the detail is full", async () => {
    const out = [
      {
        time: "2026-11-30T06:30:00Z",
        from: pod("shop", "api"),
        to: { ip: "198.51.100.7" },
        port: 443,
        verdict: "allowed",
        count: 3,
      },
    ];
    const names = await setup().rollout([target(production(), REV_A)], { observed: observed(out) });
    expect(names.refusals.join("\n")).toMatch(/observed shop\/api -> an outside address:443\/TCP/);
    expect(names.refusals.join("\n")).not.toMatch(/198\.51\.100\.7/);
    const full = await setup().rollout([target(production(), REV_A)], {
      observed: observed(out, { detail: "full" }),
    });
    expect(full.refusals.join("\n")).toMatch(/observed shop\/api -> 198\.51\.100\.7:443\/TCP/);
  });

  it("does not hold back a rollback", async () => {
    const { rollout } = setup();
    const report = await rollout([target(production(), REV_A)], { action: "rollback", observed: observed() });
    expect(report.refusals).toEqual([]);
  });
});

describe("the deploy command's flows", () => {
  const workspace = mkdtempSync(join(tmpdir(), "netpol-deploy-flows-"));
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));
  const intentFile = {
    path: "policies/environments/production.yaml",
    text: [
      "promotion: 1",
      "cni: calico",
      "namespaces:",
      "  ingress-nginx: { managed: false, podLabels: { app.kubernetes.io/name: ingress-nginx } }",
      "  shop:",
      "    services:",
      "      frontend: { labels: { app: frontend }, ports: [80] }",
      "      api: { labels: { app: api }, ports: [8080] }",
      "      worker: { labels: { app: worker }, ports: [9000] }",
      "  billing:",
      "    services:",
      "      ledger: { labels: { app: ledger }, ports: [5432] }",
      "flows:",
      ...FLOWS_A.map((f) => `  - ${f}`),
      "",
    ].join("\n"),
  };
  const sink: RolloutIo = {
    info: () => undefined,
    warn: () => undefined,
    setOutput: () => undefined,
    writeSummary: async () => undefined,
  };

  function deploy(pattern: string) {
    const s = setup();
    const run = runActionRollout(
      {
        command: "deploy",
        target: "",
        reason: "",
        onInconclusive: "fail",
        run: { id: "1" },
        temp: workspace,
        hasSummary: false,
        secrets: [],
        observed: { detail: "services", proceed: false },
      },
      {
        readIntent: async () => parseIntent([intentFile]),
        rollout: s.deps,
        writeReport: async () => undefined,
        readObserved: () => readFlowPatterns([{ pattern }], { workspace, warn: () => undefined }),
      },
      sink,
    );
    return { run, s };
  }

  it("fails the step listing the flows, with nothing deployed", async () => {
    writeFileSync(join(workspace, "week.jsonl"), RECORDS.map((r) => JSON.stringify(r)).join("\n"));
    const { run, s } = deploy("*.jsonl");
    await expect(run).rejects.toThrow(
      /refused \(nothing was changed\): production: observed shop\/worker -> billing\/ledger:5432/,
    );
    expect(s.deployer.ups).toEqual([]);
  });

  it("a bad record fails the step at its file:line before the cluster is read", async () => {
    writeFileSync(join(workspace, "bad.json"), `${JSON.stringify(RECORDS[0])}\n{"time": 3}\n`);
    const { run, s } = deploy("bad.json");
    await expect(run).rejects.toThrow(/^bad\.json:2: /);
    expect(s.deployer.ups).toEqual([]);
  });
});
