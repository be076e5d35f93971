/**
 * The deploy orchestration over typed fakes of its ports: outcome and final cluster state
 * of each scenario, in promotion order, step by step, probe by probe.
 */
import { describe, expect, it } from "vitest";
import { lastKnownGood } from "../../action/src/rollout/last-known-good.js";
import { rolloutOutputs, rolloutSucceeded } from "../../action/src/rollout/outcome.js";
import { expectGolden } from "../helpers/golden.js";
import { renderPullRequestResult, renderRolloutSummary } from "../../action/src/report/rollout.js";
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
import { denyNeverWithoutAllows, dnsBrokenUnderDeny, imagePullFails, shopCluster } from "../fakes/rollout.js";

describe("a first deploy", () => {
  it("deploys three environments in order, allows before each default-deny, and records each as last-known-good", async () => {
    const cluster = shopCluster({ prefixes: ["dev-", "staging-", ""] });
    const { deployer, history, rollout, probes } = setup(cluster);
    const envs = [intent("dev", "dev-", FLOWS_A, 1), intent("staging", "staging-", FLOWS_A, 2), production()];
    const report = await rollout(envs.map((e) => target(e, REV_A)));

    expect(report.environments.map((e) => [e.environment, e.status])).toEqual([
      ["dev", "deployed"],
      ["staging", "deployed"],
      ["production", "deployed"],
    ]);
    expect(rolloutSucceeded(report)).toBe(true);
    expect(deployer.ups.map((u) => u.environment)).toEqual([
      "dev",
      "dev",
      "staging",
      "staging",
      "production",
      "production",
    ]);
    for (const [i, up] of deployer.ups.entries()) {
      const denies = up.objects.filter((o) => o.endsWith("/default-deny-all"));
      expect(denies.length > 0).toBe(i % 2 === 1);
    }
    expect(managed(cluster)).toEqual(envs.flatMap(compiledNames).sort());
    for (const env of envs) {
      const lkg = lastKnownGood(await history.read(env.name));
      expect(lkg?.revision).toBe(REV_A);
      expect(lkg?.passedChecks.length).toBeGreaterThan(0);
    }
    expect(rolloutOutputs(report)).toMatchObject({
      "environments-deployed": "dev,staging,production",
      "rolled-back": false,
      "probe-failed": 0,
      revision: REV_A,
    });
    expect(denyNeverWithoutAllows(cluster)).toEqual([]);
    expect(cluster.probePods.size).toBe(0);
    expect(probes.runs).toBe(6);
  });
});

describe("an update of an enforced environment", () => {
  it("keeps every default-deny throughout: expand, probe, contract, probe", async () => {
    const { cluster, deployer, rollout } = setup();
    await rollout([target(production(), REV_A)]);
    const before = cluster.states.length;
    // frontend -> api moves to frontend -> worker.
    const moved = production([
      "ingress-nginx -> frontend:80",
      "frontend -> worker:9000",
      "api -> ledger:5432",
    ]);
    const report = await rollout([target(moved, REV_B)]);

    expect(report.environments[0]?.status).toBe("deployed");
    expect(report.environments[0]?.timeline.filter((t) => t.phase === "deploy").map((t) => t.step)).toEqual([
      "expand",
      "probe expand",
      "contract",
      "probe contract",
    ]);
    for (const state of cluster.states.slice(before)) {
      expect(state.has("NetworkPolicy/shop/default-deny-all")).toBe(true);
      expect(state.has("NetworkPolicy/billing/default-deny-all")).toBe(true);
    }
    const expand = deployer.ups[2]!.bundle;
    const frontendEgress = expand.objects.find((o) => o.manifest.metadata.name === "frontend-egress");
    expect(JSON.stringify(frontendEgress?.manifest)).toContain('"api"');
    expect(JSON.stringify(frontendEgress?.manifest)).toContain('"worker"');
    expect(managed(cluster)).toEqual(compiledNames(moved));
  });
});

describe("inconclusive probes", () => {
  it("fail the environment without a rollback by default", async () => {
    const { cluster, probes, rollout, history } = setup();
    await rollout([target(production(), REV_A)]);
    probes.deviations.push(imagePullFails("shop"));
    const report = await rollout([target(production(FLOWS_B), REV_B)]);
    expect(report.environments[0]?.status).toBe("failed");
    expect(report.environments[0]?.reason).toMatch(/inconclusive.*nothing was rolled back/);
    // B's expand step stays; nothing was rolled back, A is still the last-known-good.
    expect(cluster.names("shop")).toContain("worker-egress");
    expect(lastKnownGood(await history.read("production"))?.revision).toBe(REV_A);
    expect(rolloutOutputs(report)["probe-inconclusive"]).toBeGreaterThan(0);
  });

  it("roll back with on-inconclusive: rollback", async () => {
    const { cluster, probes, rollout } = setup();
    await rollout([target(production(), REV_A)]);
    probes.deviations.push(imagePullFails("shop"));
    const report = await rollout([target(production(FLOWS_B), REV_B)], { onInconclusive: "rollback" });
    expect(report.environments[0]?.status).toBe("rolled-back");
    expect(cluster.names("shop")).not.toContain("worker-egress");
  });

  it("a prober that fails (API 5xx after its retries) makes the run inconclusive, not passed", async () => {
    const { probes, rollout } = setup();
    await rollout([target(production(), REV_A)]);
    probes.failRun = probes.runs + 1;
    const report = await rollout([target(production(FLOWS_B), REV_B)]);
    expect(report.environments[0]?.status).toBe("failed");
    expect(report.environments[0]?.probes[0]?.result.warnings.join()).toMatch(/500 Internal Server Error/);
  });
});

describe("cancellation", () => {
  it("a cancel mid-deploy starts no further step, records nothing, leaves no deny without its allows and no probe pod", async () => {
    const { cluster, deployer, rollout, history } = setup();
    const controller = new AbortController();
    // SIGINT arrives during the enforce step; the engine finishes its in-flight update.
    deployer.onOperation = (up, op) => {
      if (up === 2 && op === 1) controller.abort();
    };
    const report = await rollout([target(production(), REV_A)], { signal: controller.signal });
    expect(report.cancelled).toBe(true);
    expect(report.environments[0]?.status).toBe("cancelled");
    expect(deployer.ups).toHaveLength(2);
    expect(denyNeverWithoutAllows(cluster)).toEqual([]);
    expect(cluster.probePods.size).toBe(0);
    expect((await history.read("production")).entries).toEqual([]);
  });

  it("the next run after a killed update names the stale lock and how to recover", async () => {
    const { deployer, rollout } = setup();
    deployer.lockedBy = "runner@fv-az123, pid 1777, since 2026-11-30T07:01:00Z";
    const report = await rollout([target(production(), REV_A)]);
    expect(report.environments[0]?.reason).toMatch(/runner@fv-az123, pid 1777/);
    // This run holds the environment's run lock, and took it from nobody: not a run of ours.
    expect(report.environments[0]?.recovery).toMatch(
      /no run of netpol-rollout holds this environment's run lock .* If nothing is running, remove the lock with `pulumi cancel --stack production --yes`/,
    );
  });
});

describe("reports", () => {
  it("the job summary of a rolled-back deploy: timeline, probe matrix with the wrong cell first, the rollback and its re-probe", async () => {
    const { probes, rollout } = setup();
    await rollout([target(production(), REV_A)]);
    probes.deviations.push((check, c) =>
      check.id === "declared/shop/frontend->shop/api:8080/TCP" &&
      c.policies.has("NetworkPolicy/shop/worker-egress")
        ? { outcome: "blocked", detail: "timeout" }
        : undefined,
    );
    const report = await rollout([target(production(FLOWS_B), REV_B)]);
    const summary = renderRolloutSummary(report);
    expect(summary).toMatch(/\| production \| ↩️ rolled back \|/);
    const matrix = summary.slice(summary.indexOf("Probe after expand"));
    expect(matrix.indexOf("❗ deviation")).toBeLessThan(matrix.indexOf("as expected"));
    expectGolden("test/rollout/golden/rolled-back.md", summary);
    expectGolden(
      "test/rollout/golden/rolled-back-pr.md",
      renderPullRequestResult(report, "https://github.com/o/r/actions/runs/7"),
    );
  });

  it("the job summary of a break-glass names the namespaces left without default-deny", async () => {
    const { probes, rollout } = setup();
    await rollout([target(production(), REV_A)]);
    probes.deviations.push(dnsBrokenUnderDeny("shop"));
    const summary = renderRolloutSummary(await rollout([target(production(FLOWS_B), REV_B)]));
    expect(summary).toContain("The default-deny of <code>shop</code> was REMOVED (allows kept)");
    expectGolden("test/rollout/golden/break-glass.md", summary);
  });
});
