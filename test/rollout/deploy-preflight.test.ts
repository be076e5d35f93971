/** Pre-flight: what refuses a deploy before its first change, and that a refusal changes nothing. */
import { describe, expect, it } from "vitest";
import { FLOWS_A, intent, production, REV_A, setup, target } from "../helpers/rollout-scenario.js";
import { shopCluster } from "../fakes/rollout.js";

describe("pre-flight refusals change nothing", () => {
  it("a namespace of the intent that does not exist", async () => {
    const { cluster, deployer, rollout } = setup(shopCluster({ missing: ["billing"] }));
    const report = await rollout([target(production(), REV_A)]);
    expect(report.environments[0]?.status).toBe("refused");
    expect(report.refusals.join("\n")).toMatch(
      /production: policies\/environments\/production\.yaml:\d+:1: namespace billing does not exist in the cluster/,
    );
    expect(deployer.ups).toEqual([]);
    expect(cluster.policies.size).toBe(0);
  });

  it("a DNS selector that matches no DNS pod of this cluster", async () => {
    const { cluster, deployer, rollout } = setup(shopCluster({ dnsLabels: { "k8s-app": "coredns" } }));
    const report = await rollout([target(production(), REV_A)]);
    expect(report.refusals.join("\n")).toMatch(/the analyzer predicts DNS dns\/shop\/udp blocked/);
    expect(deployer.ups).toEqual([]);
    expect(cluster.policies.size).toBe(0);
  });

  it("a locked stack, naming the holder and the recovery", async () => {
    const { cluster, deployer, rollout, history } = setup(shopCluster({ prefixes: ["", "dr-"] }));
    deployer.lockedBy = "ci@runner-1, pid 4242, since 2026-11-30T06:58:00Z";
    const report = await rollout([
      target(production(), REV_A),
      target(intent("dr", "dr-", FLOWS_A, 9), REV_A),
    ]);
    const outcome = report.environments[0]!;
    expect(outcome.status).toBe("refused");
    expect(outcome.reason).toMatch(/locked by another update \(ci@runner-1, pid 4242.*nothing was changed/);
    expect(outcome.recovery).toMatch(/pulumi cancel --stack production --yes/);
    expect(report.environments[1]?.status).toBe("skipped");
    expect(cluster.policies.size).toBe(0);
    expect((await history.read("production")).entries).toEqual([]);
  });

  it("a deploy history that cannot be read", async () => {
    const { deployer, rollout, history } = setup();
    history.maps.set("production", {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "netpol-rollout-lkg-production" },
      data: { "history.json": "{" },
    });
    const report = await rollout([target(production(), REV_A)]);
    expect(report.refusals.join()).toMatch(
      /cannot read the deploy history \(ConfigMap netpol-rollout\/netpol-rollout-lkg-production\)/,
    );
    expect(deployer.ups).toEqual([]);
  });
});
