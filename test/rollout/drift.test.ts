/**
 * The drift watch over typed fakes, judged against the record of what runs: objects changed
 * by hand, declared flows that fail, a deploy pending, no record; and the record's refreshed
 * probe.
 */
import { describe, expect, it } from "vitest";
import { runDrift } from "../../action/src/commands/drift.js";
import { lastKnownGood } from "../../action/src/rollout/last-known-good.js";
import { expectGolden } from "../helpers/golden.js";
import { renderDriftSummary } from "../../action/src/report/rollout.js";
import { FLOWS_B, production, REV_A, REV_B, setup, target } from "../helpers/rollout-scenario.js";

describe("drift watch", () => {
  it("a policy deleted by hand is drift, and the record is not refreshed", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    s.cluster.remove("NetworkPolicy/billing/ledger-ingress");
    const report = await runDrift([production()], s.deps);
    expect(report.drift).toBe(true);
    expect(report.environments[0]?.findings).toEqual([
      {
        change: "deleted",
        object: "NetworkPolicy/billing/ledger-ingress",
        detail: expect.stringMatching(/missing from the cluster/),
      },
    ]);
    expect(s.cluster.probePods.size).toBe(0);
  });

  it("an edited policy and an extra policy in a managed namespace are drift", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    const edited = structuredClone(s.cluster.policies.get("NetworkPolicy/shop/api-ingress")!);
    (edited.spec as { ingress: unknown[] }).ingress = [{}];
    s.cluster.put(edited);
    s.cluster.put({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "allow-all", namespace: "shop" },
      spec: { podSelector: {}, ingress: [{}] },
    });
    const report = await runDrift([production()], s.deps);
    expect(report.environments[0]?.findings.map((f) => [f.change, f.object])).toEqual([
      ["extra", "NetworkPolicy/shop/allow-all"],
      ["edited", "NetworkPolicy/shop/api-ingress"],
    ]);
    expect(report.drift).toBe(true);
  });

  it("no drift: the last-known-good's last probe is refreshed", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    const report = await runDrift([production()], s.deps);
    expect(report.drift).toBe(false);
    const lkg = lastKnownGood(await s.history.read("production"));
    expect(lkg?.probedAt).toBeDefined();
    expect(report.environments[0]?.notes.join()).toMatch(/last probe of revision aaaaaaa11111/);
  });

  it("an object the API server defaulted (port protocol, policyTypes) is not drift", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    const defaulted = structuredClone(s.cluster.policies.get("NetworkPolicy/billing/ledger-ingress")!);
    const spec = defaulted.spec as { ingress: { ports?: { protocol?: string }[] }[] };
    for (const rule of spec.ingress) for (const port of rule.ports ?? []) delete port.protocol;
    s.cluster.put(defaulted);
    expect((await runDrift([production()], s.deps)).environments[0]?.findings).toEqual([]);
  });
});

describe("drift is judged against the revision that runs", () => {
  it("a policy emptied by hand fails the declared flow it served, from the running revision's intent", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    const emptied = structuredClone(s.cluster.policies.get("NetworkPolicy/billing/ledger-ingress")!);
    (emptied.spec as { ingress: unknown[] }).ingress = [];
    s.cluster.put(emptied);
    const report = await runDrift([production()], s.deps);
    const e = report.environments[0]!;
    expect(report.drift).toBe(true);
    expect(e.findings.map((f) => [f.change, f.object])).toEqual([
      ["edited", "NetworkPolicy/billing/ledger-ingress"],
    ]);
    expect(e.failing).toContainEqual({
      check: "declared/shop/api->billing/ledger:5432/TCP",
      kind: "declared",
      expected: "allowed",
      observed: "blocked",
    });
    expect(e.running?.revision).toBe(REV_A);
  });

  it("after an automatic rollback it judges the restored revision, and says the checkout is ahead", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    s.probes.deviations.push((check, c) =>
      check.id === "declared/shop/frontend->shop/api:8080/TCP" &&
      c.policies.has("NetworkPolicy/shop/worker-egress")
        ? { outcome: "blocked", detail: "timeout" }
        : undefined,
    );
    await s.rollout([target(production(FLOWS_B), REV_B)]);
    s.probes.deviations.length = 0;
    // The checkout declares B; the cluster runs A, rolled back to.
    const report = await runDrift([production(FLOWS_B)], s.deps);
    const e = report.environments[0]!;
    expect(e.running).toMatchObject({ revision: REV_A, describe: expect.stringMatching(/rollback/) });
    expect(e.findings).toEqual([]);
    expect(e.failing).toEqual([]);
    expect(e.plan?.checks.map((c) => c.id)).not.toContain("declared/shop/worker->billing/ledger:5432/TCP");
    expect(e.pending).toMatch(/a deploy is pending/);
    expect(report.drift).toBe(false);
  });

  it("the checkout as deployed is not pending", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    const e = (await runDrift([production()], s.deps)).environments[0]!;
    expect(e.pending).toBeUndefined();
  });

  it("no record: objects netpol-rollout deployed with nothing saying what runs are reported, and nothing is judged", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    s.history.maps.clear();
    const report = await runDrift([production()], s.deps);
    const e = report.environments[0]!;
    expect(e.noRecord).toBe(true);
    expect(report.drift).toBe(true);
    expect(e.notes.join()).toMatch(/^no record: the cluster holds \d+ objects/);
    expect(e.plan).toBeUndefined();
    expect(s.probes.runs).toBe(2);
  });

  it("without a record key it says the record it judges against is trusted as written", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    const e = (await runDrift([production()], s.deps)).environments[0]!;
    expect(e.notes.join("\n")).toMatch(/^no record-key: .* is trusted as written/m);
    expect(s.logs.join("\n")).toMatch(/production: no record-key/);
  });

  it("no record and nothing deployed is not drift", async () => {
    const s = setup();
    const report = await runDrift([production()], s.deps);
    expect(report.environments[0]).toMatchObject({ noRecord: true, drift: false });
  });
});

describe("reports", () => {
  it("the drift summary lists what changed by hand", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    s.cluster.remove("NetworkPolicy/billing/ledger-ingress");
    expectGolden("test/rollout/golden/drift.md", renderDriftSummary(await runDrift([production()], s.deps)));
  });
});
