/**
 * The deploy orchestration over typed fakes of its ports: outcome and final cluster state
 * of each scenario.
 */
import { afterEach, describe, expect, it } from "vitest";
import { compileEnvironment } from "../../action/src/compile/index.js";
import type { EnvironmentIntent } from "../../action/src/intent/model.js";
import {
  rolloutOutputs,
  rolloutSucceeded,
  runRollout,
  type RolloutDeps,
  type RolloutRequest,
  type RolloutTarget,
} from "../../action/src/commands/deploy.js";
import { runRollback } from "../../action/src/commands/rollback.js";
import { runDrift } from "../../action/src/commands/drift.js";
import { lastKnownGood } from "../../action/src/rollout/last-known-good.js";
import type { OnInconclusive } from "../../action/src/rollout/decision.js";
import { buildEnvironment } from "../helpers/intent-builder.js";
import { expectGolden } from "../helpers/golden.js";
import {
  renderDriftSummary,
  renderPullRequestResult,
  renderRolloutSummary,
} from "../../action/src/report/rollout.js";
import type { FakeCluster } from "../fakes/rollout.js";
import {
  alwaysConnects,
  denyNeverWithoutAllows,
  dnsBrokenUnderDeny,
  FakeDeployer,
  FakeHistoryStore,
  FakeProbePhase,
  imagePullFails,
  shopCluster,
  tempBundleFiles,
} from "../fakes/rollout.js";

const REV_A = "aaaaaaa1111111111111111111111111111111111";
const REV_B = "bbbbbbb2222222222222222222222222222222222";

/** Revision A: ingress → frontend → api → ledger. */
const FLOWS_A = ["ingress-nginx -> frontend:80", "frontend -> api:8080", "api -> ledger:5432"];
/** Revision B: A plus worker → ledger (a new policy object, shop/worker-egress). */
const FLOWS_B = [...FLOWS_A, "worker -> ledger:5432"];

function intent(name: string, prefix: string, flows: string[], order = 1): EnvironmentIntent {
  const q = (s: string) => s.replace(/\b(frontend|api|worker|ledger)\b/g, (m) => m);
  return buildEnvironment({
    name,
    order,
    cni: "calico",
    namespaces: {
      [`${prefix}shop`]: {
        services: { frontend: { ports: [80] }, api: { ports: [8080] }, worker: { ports: [9000] } },
      },
      [`${prefix}billing`]: { services: { ledger: { ports: [5432] } } },
      "ingress-nginx": { managed: false, podLabels: { "app.kubernetes.io/name": "ingress-nginx" } },
    },
    flows: flows.map(q),
  });
}

function target(env: EnvironmentIntent, revision: string): RolloutTarget {
  return { intent: env, bundle: { ...compileEnvironment(env), excludedNamespaces: [] }, revision };
}

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function setup(cluster: FakeCluster = shopCluster()) {
  const deployer = new FakeDeployer(cluster);
  const probes = new FakeProbePhase(cluster);
  const history = new FakeHistoryStore();
  const files = tempBundleFiles();
  cleanups.push(files.cleanup);
  let clock = Date.parse("2026-11-30T07:00:00Z");
  const logs: string[] = [];
  const deps: RolloutDeps = {
    engine: deployer,
    readCluster: () => cluster.read(),
    history,
    probes,
    files,
    now: () => new Date((clock += 1000)),
    log: (line) => logs.push(line),
  };
  const rollout = (
    targets: RolloutTarget[],
    options: {
      onInconclusive?: OnInconclusive;
      signal?: AbortSignal;
      action?: RolloutRequest["action"];
    } = {},
  ) =>
    runRollout(
      {
        action: options.action ?? "deploy",
        targets,
        onInconclusive: options.onInconclusive ?? "fail",
        run: { id: "7", attempt: "1", actor: "alice", event: "push" },
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      },
      deps,
    );
  return { cluster, deployer, probes, history, deps, rollout, logs };
}

const production = (flows = FLOWS_A) => intent("production", "", flows);

/** The policies netpol-rollout manages in the cluster, as "namespace/name". */
function managed(cluster: FakeCluster): string[] {
  return [...cluster.policies.values()].map((p) => `${p.metadata.namespace}/${p.metadata.name}`).sort();
}

function compiledNames(env: EnvironmentIntent): string[] {
  return compileEnvironment(env)
    .objects.map((o) => `${o.manifest.metadata.namespace}/${o.manifest.metadata.name}`)
    .sort();
}

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
    expect(report.environments[0]?.recovery).toMatch(/cancelled or killed job leaves its lock behind/);
  });
});

describe("recording", () => {
  it("a deploy that cannot write its last-known-good record fails the job", async () => {
    const { history, rollout } = setup();
    history.failWrites = true;
    const report = await rollout([target(production(), REV_A)]);
    expect(report.environments[0]?.status).toBe("failed");
    expect(report.environments[0]?.reason).toMatch(/could not be written/);
  });

  it("a redeploy of what is live probes it and records it again", async () => {
    const { deployer, rollout, history } = setup();
    await rollout([target(production(), REV_A)]);
    const ups = deployer.ups.length;
    const report = await rollout([target(production(), REV_A)]);
    expect(report.environments[0]?.status).toBe("deployed");
    expect(deployer.ups.length).toBe(ups);
    expect((await history.read("production")).entries).toHaveLength(2);
  });
});

describe("manual rollback", () => {
  const compileAt = (refs: Record<string, string[]>) => async (ref: string, environment: string) => {
    const flows = refs[ref];
    if (flows === undefined) return undefined;
    const env = intent(environment, "", flows);
    return {
      intent: env,
      bundle: { ...compileEnvironment(env), excludedNamespaces: [] },
      commit: `${ref}0000000`,
    };
  };

  async function deployedTwice() {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    await s.rollout([target(production(FLOWS_B), REV_B)]);
    return s;
  }

  function request(targetName: string) {
    return {
      environment: production(FLOWS_B),
      target: targetName,
      reason: "ledger latency after the worker change",
      onInconclusive: "fail" as const,
      run: { id: "9", actor: "carol", event: "workflow_dispatch" },
    };
  }

  it("to the last-known-good redeploys it, probes, and records who, why, from and to", async () => {
    const s = await deployedTwice();
    // Someone edited shop by hand since: the last-known-good (B) is put back.
    s.cluster.remove("NetworkPolicy/shop/worker-egress");
    const report = await runRollback(request("last-known-good"), { ...s.deps, compileAt: compileAt({}) });
    expect(report.environments[0]?.status).toBe("deployed");
    expect(report.target).toMatch(/the last-known-good, revision bbbbbbb22222/);
    expect(managed(s.cluster)).toEqual(compiledNames(production(FLOWS_B)));
    const entry = (await s.history.read("production")).entries[0];
    expect(entry).toMatchObject({
      action: "rollback",
      proven: true,
      revision: REV_B,
      reason: "ledger latency after the worker change",
      run: { actor: "carol" },
    });
  });

  it("to a recorded revision by commit prefix", async () => {
    const s = await deployedTwice();
    const report = await runRollback(request(REV_A.slice(0, 7)), { ...s.deps, compileAt: compileAt({}) });
    expect(report.environments[0]?.status).toBe("deployed");
    expect(managed(s.cluster)).toEqual(compiledNames(production()));
    const h = await s.history.read("production");
    expect(h.entries[0]).toMatchObject({ action: "rollback", revision: REV_A, from: { revision: REV_B } });
    expect(lastKnownGood(h)?.revision).toBe(REV_A);
    for (const state of s.cluster.states.slice(-3))
      expect(state.has("NetworkPolicy/shop/default-deny-all")).toBe(true);
  });

  it("to a git ref, compiled", async () => {
    const s = await deployedTwice();
    const report = await runRollback(request("v1.2.0"), {
      ...s.deps,
      compileAt: compileAt({ "v1.2.0": ["ingress-nginx -> frontend:80", "frontend -> api:8080"] }),
    });
    expect(report.environments[0]?.status).toBe("deployed");
    expect(report.target).toMatch(/git ref v1\.2\.0 \(commit v1\.2\.0000000\), compiled/);
    expect(s.cluster.names("billing")).toEqual(["allow-dns", "default-deny-all"]);
  });

  it("refuses a target that does not exist, listing the recorded revisions, and changes nothing", async () => {
    const s = await deployedTwice();
    const ups = s.deployer.ups.length;
    const report = await runRollback(request("deadbeef"), { ...s.deps, compileAt: compileAt({}) });
    expect(report.refusals.join()).toMatch(
      /target "deadbeef" is not a recorded revision of production nor a git ref in this checkout; recorded revisions: bbbbbbb22222 \(#2, .*\), aaaaaaa11111 \(#1, /,
    );
    expect(s.deployer.ups.length).toBe(ups);
  });
});

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

  it("the drift summary lists what changed by hand", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    s.cluster.remove("NetworkPolicy/billing/ledger-ingress");
    expectGolden("test/rollout/golden/drift.md", renderDriftSummary(await runDrift([production()], s.deps)));
  });
});
