/**
 * Pre-flight asks the engine where it would deploy (a preview through the program's own
 * provider) and refuses, before any change, a deploy or rollback whose engine reaches
 * another cluster than the probes, by kube-system uid.
 */
import { describe, expect, it } from "vitest";
import { runRollback } from "../../action/src/commands/rollback.js";
import { production, REV_A, setup, target } from "../helpers/rollout-scenario.js";

const OTHER = "1c9b7e44-0d2a-4f6e-b3c8-5a7d2e9f0b14";

describe("one cluster for the engine and the probes", () => {
  it("refuses a deploy whose engine reaches another cluster, naming both uids, before any change", async () => {
    const s = setup();
    s.deployer.targetUid = OTHER;
    s.deps.clusterName = "https://10.0.0.1:6443 (context prod)";
    const report = await s.rollout([target(production(), REV_A)]);
    expect(report.environments.map((e) => e.status)).toEqual(["refused"]);
    expect(report.refusals).toEqual([
      `production: the Pulumi engine would deploy to another cluster than the one the probes run on: its Kubernetes provider ` +
        `reaches the cluster whose kube-system namespace has uid ${OTHER}, while the probes run on https://10.0.0.1:6443 (context prod), ` +
        `whose kube-system uid is ${s.cluster.uid}; make the stack's kubernetes:* config (and any provider of the program) ` +
        `target the cluster of the kubeconfig and context inputs`,
    ]);
    expect(s.deployer.previews).toEqual(["production"]);
    expect(s.deployer.ups).toHaveLength(0);
    expect(s.probes.runs).toBe(0);
    expect(s.cluster.policies.size).toBe(0);
  });

  it("goes ahead when both see the same cluster", async () => {
    const s = setup();
    const report = await s.rollout([target(production(), REV_A)]);
    expect(report.environments.map((e) => e.status)).toEqual(["deployed"]);
    expect(s.deployer.previews).toEqual(["production"]);
  });

  it("refuses when the program does not say which cluster it deploys to", async () => {
    const s = setup();
    s.deployer.targetUid = null;
    const report = await s.rollout([target(production(), REV_A)]);
    expect(report.refusals[0]).toMatch(
      /^production: the Pulumi program does not say which cluster it deploys to \(no clusterUid stack output in its preview\)/,
    );
    expect(s.deployer.ups).toHaveLength(0);
  });

  it("refuses when the probes' cluster has no readable kube-system", async () => {
    const s = setup();
    s.cluster.uid = undefined;
    const report = await s.rollout([target(production(), REV_A)]);
    expect(report.refusals[0]).toMatch(/^production: cannot tell which cluster the probes run on/);
    expect(s.deployer.previews).toEqual([]);
    expect(s.deployer.ups).toHaveLength(0);
  });

  it("checks a manual rollback the same way", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    s.deployer.targetUid = OTHER;
    const ups = s.deployer.ups.length;
    const report = await runRollback(
      {
        environment: production(),
        target: "last-known-good",
        reason: "incident",
        onInconclusive: "fail",
        run: {},
        lockWaitMs: 0,
      },
      { ...s.deps, compileAt: async () => undefined },
    );
    expect(report.environments.map((e) => e.status)).toEqual(["refused"]);
    expect(report.refusals[0]).toMatch(/would deploy to another cluster/);
    expect(s.deployer.ups).toHaveLength(ups);
  });
});
