/** The drift watch over typed fakes: what changed by hand, and the record's refreshed probe. */
import { describe, expect, it } from "vitest";
import { runDrift } from "../../action/src/commands/drift.js";
import { lastKnownGood } from "../../action/src/rollout/last-known-good.js";
import { expectGolden } from "../helpers/golden.js";
import { renderDriftSummary } from "../../action/src/report/rollout.js";
import { production, REV_A, setup, target } from "../helpers/rollout-scenario.js";

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

describe("reports", () => {
  it("the drift summary lists what changed by hand", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    s.cluster.remove("NetworkPolicy/billing/ledger-ingress");
    expectGolden("test/rollout/golden/drift.md", renderDriftSummary(await runDrift([production()], s.deps)));
  });
});
