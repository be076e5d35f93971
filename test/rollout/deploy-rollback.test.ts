/**
 * The way back of a deploy: a failed probe or engine run restores the last-known-good, and
 * connectivity still lost after it is break-glass.
 */
import { describe, expect, it } from "vitest";
import { lastKnownGood } from "../../action/src/rollout/last-known-good.js";
import { rolloutOutputs, rolloutSucceeded } from "../../action/src/rollout/outcome.js";
import {
  compiledNames,
  FLOWS_A,
  FLOWS_B,
  intent,
  managed,
  production,
  REV_A,
  REV_B,
  setup,
  target,
} from "../helpers/rollout-scenario.js";
import { alwaysConnects, denyNeverWithoutAllows, dnsBrokenUnderDeny, shopCluster } from "../fakes/rollout.js";

describe("automatic rollback", () => {
  it("a probe failure rolls back to the last-known-good, the re-probe passes, the job fails saying so, and later environments are untouched", async () => {
    const cluster = shopCluster({ prefixes: ["staging-", ""] });
    const { deployer, probes, history, rollout } = setup(cluster);
    const staging = (flows: string[]) => intent("staging", "staging-", flows, 1);
    await rollout([target(staging(FLOWS_A), REV_A), target(production(), REV_A)]);
    const ups = deployer.ups.length;
    const productionBefore = managed(cluster).filter((n) => !n.startsWith("staging-"));
    // The CNI mishandles the new worker-egress policy: frontend can no longer reach api.
    probes.deviations.push((check, c) =>
      check.id === "declared/staging-shop/frontend->staging-shop/api:8080/TCP" &&
      c.policies.has("NetworkPolicy/staging-shop/worker-egress")
        ? { outcome: "blocked", detail: "timeout" }
        : undefined,
    );
    const report = await rollout([target(staging(FLOWS_B), REV_B), target(production(FLOWS_B), REV_B)]);

    const [s, p] = report.environments;
    expect(s?.status).toBe("rolled-back");
    expect(s?.reason).toMatch(
      /the last-known-good revision passed fails now.*rolled back to revision aaaaaaa11111.*re-probe passed/,
    );
    expect(s?.rolledBackTo?.revision).toBe(REV_A);
    expect(s?.evidence.map((e) => e.check.id)).toEqual([
      "declared/staging-shop/frontend->staging-shop/api:8080/TCP",
    ]);
    expect(p?.status).toBe("skipped");
    expect(rolloutSucceeded(report)).toBe(false);
    expect(rolloutOutputs(report)).toMatchObject({
      "rolled-back": true,
      "probe-failed": 1,
      "environments-deployed": "",
    });
    // staging is back on A; production never saw an engine run.
    expect(managed(cluster).filter((n) => n.startsWith("staging-"))).toEqual(compiledNames(staging(FLOWS_A)));
    expect(deployer.ups.slice(ups).every((u) => u.environment === "staging")).toBe(true);
    expect(managed(cluster).filter((n) => !n.startsWith("staging-"))).toEqual(productionBefore);
    // The history: the rollback re-proved A.
    const h = await history.read("staging");
    expect(h.entries[0]).toMatchObject({
      action: "rollback",
      proven: true,
      revision: REV_A,
      from: { revision: REV_B },
    });
    expect(lastKnownGood(h)?.revision).toBe(REV_A);
    expect(cluster.probePods.size).toBe(0);
  });

  it("when the rollback still loses connectivity, break-glass removes the default-deny of that namespace only and keeps the allows", async () => {
    const { cluster, probes, rollout } = setup();
    await rollout([target(production(), REV_A)]);
    // Later the CNI stops answering DNS from shop while it is default-denied.
    probes.deviations.push(dnsBrokenUnderDeny("shop"));
    const report = await rollout([target(production(FLOWS_B), REV_B)]);

    const outcome = report.environments[0]!;
    expect(outcome.status).toBe("break-glass");
    expect(outcome.breakGlass).toEqual(["shop"]);
    expect(outcome.reason).toMatch(/BREAK-GLASS: the default-deny of shop was removed \(allows kept\)/);
    expect(cluster.hasDeny("shop")).toBe(false);
    expect(cluster.hasDeny("billing")).toBe(true);
    expect(managed(cluster)).toEqual(
      compiledNames(production()).filter((n) => n !== "shop/default-deny-all"),
    );
    expect(outcome.probes.map((p) => [p.phase, p.decision ?? "-"])).toEqual([
      ["deploy", "rollback"],
      ["rollback", "break-glass"],
      ["break-glass", "-"],
    ]);
    expect(outcome.probes.at(-1)?.result.counts.failed).toBe(0);
    expect(rolloutSucceeded(report)).toBe(false);
  });

  it("an over-open result rolls back, removes no default-deny at any moment, and fails the job", async () => {
    const { cluster, probes, rollout } = setup();
    await rollout([target(production(), REV_A)]);
    const before = cluster.states.length;
    probes.deviations.push((check, c) =>
      c.policies.has("NetworkPolicy/shop/worker-egress")
        ? alwaysConnects("negative/shop/api->shop/frontend:8080/TCP")(check)
        : undefined,
    );
    const report = await rollout([target(production(FLOWS_B), REV_B)]);

    expect(report.environments[0]?.status).toBe("rolled-back");
    expect(report.environments[0]?.probes[0]?.decision).toBe("rollback");
    expect(
      report.environments[0]?.probes[0]?.result.results.find((r) => r.classification === "deviation")?.check
        .kind,
    ).toBe("negative");
    for (const state of cluster.states.slice(before)) {
      expect(state.has("NetworkPolicy/shop/default-deny-all")).toBe(true);
      expect(state.has("NetworkPolicy/billing/default-deny-all")).toBe(true);
    }
    expect(managed(cluster)).toEqual(compiledNames(production()));
    expect(rolloutSucceeded(report)).toBe(false);
  });

  it("an over-open result on a first deploy fails and removes no default-deny", async () => {
    const { cluster, probes, rollout, history } = setup();
    // Once shop is default-denied, the CNI lets api reach frontend anyway.
    probes.deviations.push((check, c) =>
      c.hasDeny("shop") ? alwaysConnects("negative/shop/api->shop/frontend:8080/TCP")(check) : undefined,
    );
    const report = await rollout([target(production(), REV_A)]);
    expect(report.environments[0]?.status).toBe("failed");
    expect(report.environments[0]?.reason).toMatch(/over-open; no default-deny is removed/);
    expect(cluster.hasDeny("shop")).toBe(true);
    expect(lastKnownGood(await history.read("production"))).toBeUndefined();
  });

  it("a first deploy that loses connectivity falls back to the allows without the default-deny", async () => {
    const { cluster, probes, rollout } = setup();
    probes.deviations.push(dnsBrokenUnderDeny("billing"));
    const report = await rollout([target(production(), REV_A)]);
    expect(report.environments[0]?.status).toBe("break-glass");
    expect(cluster.hasDeny("billing")).toBe(false);
    expect(cluster.hasDeny("shop")).toBe(true);
    expect(cluster.names("billing")).toEqual(["allow-dns", "ledger-ingress"]);
  });
});

describe("engine failures", () => {
  it("a failure mid-step restores the last-known-good from what the partial update left", async () => {
    const { cluster, deployer, rollout } = setup();
    await rollout([target(production(), REV_A)]);
    deployer.failAt = { up: deployer.ups.length + 1, afterOperations: 1 };
    const report = await rollout([target(production(FLOWS_B), REV_B)]);
    const outcome = report.environments[0]!;
    expect(outcome.status).toBe("rolled-back");
    expect(outcome.reason).toMatch(/the engine failed: pulumi up of stack production failed/);
    expect(managed(cluster)).toEqual(compiledNames(production()));
    expect(denyNeverWithoutAllows(cluster)).toEqual([]);
  });

  it("a failure on a first deploy leaves no default-deny without its allows and fails", async () => {
    const { cluster, deployer, rollout } = setup();
    deployer.failAt = { up: 2, afterOperations: 0 };
    const report = await rollout([target(production(), REV_A)]);
    expect(report.environments[0]?.status).toBe("failed");
    expect(report.environments[0]?.reason).toMatch(/no last-known-good revision to restore/);
    expect(cluster.hasDeny("shop")).toBe(false);
    expect(denyNeverWithoutAllows(cluster)).toEqual([]);
  });
});
