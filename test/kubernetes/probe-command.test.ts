import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createCluster } from "../../action/src/adapters/kubernetes/cluster.js";
import { LiveProber } from "../../action/src/adapters/kubernetes/prober.js";
import { buildProbePlan } from "../../action/src/probe/probe-plan.js";
import { runProbes } from "../../action/src/probe/run.js";
import { systemClock } from "../../action/src/adapters/clock.js";
import { SimulatedProber } from "../../action/src/probe/simulated.js";
import { CNI_PROFILES } from "../../action/src/cni/profiles.js";
import { loadIntentFromDir } from "../../action/src/adapters/files/intent.js";
import { run } from "../../action/src/cli/run.js";
import { runProbeCommand } from "../../action/src/commands/probe.js";
import { renderProbeText } from "../../action/src/report/probe-result.js";
import { PROBE_RUN_LABEL } from "../../action/src/probe/pod.js";
import { startFakeKube, type FakeKube, type Json } from "../fakes/kube-server.js";
import { probeDataplane, type ProbeDataplaneOptions } from "../fakes/probe-dataplane.js";
import { environment, policiesOf } from "../probe/scenario.js";
import { liveInventory } from "../probe/fixtures.js";
import type { EnvironmentIntent } from "../../action/src/intent/model.js";

let fake: FakeKube | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A fake cluster running `env` with its compiled policies in force. */
async function clusterFor(env: EnvironmentIntent, dataplane: ProbeDataplaneOptions = {}) {
  fake = await startFakeKube({
    podStartMs: 20,
    dataplane: probeDataplane({ profile: CNI_PROFILES[env.cni], ...dataplane }),
  });
  const inventory = liveInventory(env);
  fake.seed("namespaces", inventory.namespaces as unknown as Json[]);
  fake.seed("pods", inventory.pods as unknown as Json[]);
  fake.seed("services", inventory.services as unknown as Json[]);
  // Compiled policies carry their rule origins beside them: the cluster holds the objects.
  const objects = policiesOf(env).policies.map((p) => ("policy" in p ? p.policy : p));
  fake.seed("networkpolicies", objects as unknown as Json[]);
  const dir = mkdtempSync(join(tmpdir(), "kube-"));
  const kubeconfig = join(dir, "config");
  writeFileSync(kubeconfig, fake.kubeconfig());
  return { fake, inventory, kubeconfig };
}

describe("the probe command against a cluster", () => {
  it("the live prober on the fake agrees with the simulated prober on every check", async () => {
    const env = environment();
    const { kubeconfig, inventory } = await clusterFor(env);
    const cluster = createCluster({ kubeconfig, env: {} }, { timeoutMs: 5000 });
    const plan = buildProbePlan({
      environment: env,
      inventory,
      after: policiesOf(env),
      before: policiesOf(env),
      run: { id: "agree", environment: env.name },
      pods: { timeoutSeconds: 1 },
    });
    const live = new LiveProber(cluster, { timeoutSeconds: 1, runId: "agree", pollMs: 100, graceMs: 300 });
    const liveResult = await runProbes(live, plan, { clock: systemClock });
    await live.close();
    const simulated = await runProbes(
      new SimulatedProber({ inventory, policies: policiesOf(env), profile: CNI_PROFILES[env.cni] }),
      plan,
      { clock: systemClock },
    );
    const seen = (r: typeof liveResult) => r.results.map((x) => `${x.check.id} ${x.seen}`);
    expect(seen(liveResult)).toEqual(seen(simulated));
    expect(liveResult.counts.failed).toBe(0);
    expect(liveResult.results.filter((r) => r.check.kind === "dns").length).toBeGreaterThan(0);
  }, 60_000); // a request the loaded machine stalls is retried after its 5 s timeout

  it("netpol-rollout probe exits 0 when the cluster does what its policies say, and leaves nothing behind", async () => {
    const loaded = await loadIntentFromDir("policies", process.cwd());
    if (!loaded.ok) throw new Error("the shipped intent does not load");
    const env = loaded.intent.environments.find((e) => e.name === "production") as EnvironmentIntent;
    const { kubeconfig, fake: f } = await clusterFor(env);
    const out: string[] = [];
    const err: string[] = [];
    const code = await run(["probe", "--env", "production", "--kubeconfig", kubeconfig, "--timeout", "1"], {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      cwd: process.cwd(),
    });
    const text = out.join("");
    expect(err.join("")).toContain(`probing production on ${f.url}`);
    expect(code, text).toBe(0);
    expect(text).toMatch(/^probe production: \d+ passed, 0 failed, 0 inconclusive/);
    expect(text + err.join("")).not.toContain(f.token);
    await f.settle();
    const left = [...f.list("pods"), ...f.list("configmaps")].filter(
      (o) => ((o.metadata as Json).labels as Json | undefined)?.[PROBE_RUN_LABEL] !== undefined,
    );
    expect(left).toEqual([]);
  }, 60_000); // the whole CLI run, with probe pods polled on a loaded machine

  it("exits 1 on a deviation, with a reproduction for the wrong cell", async () => {
    const env = environment();
    // The simulated CNI ignores the rule of api's ingress policy (frontend -> api:8080).
    const { kubeconfig } = await clusterFor(env, {
      deviateOn: { namespace: "production", policy: "api-ingress", direction: "ingress", ruleIndex: 0 },
    });
    const cluster = createCluster({ kubeconfig, env: {} }, { timeoutMs: 5000 });
    const outcome = await runProbeCommand(env, {
      cluster,
      plan: ({ inventory }) =>
        buildProbePlan({
          environment: env,
          inventory,
          after: { policies: inventory.policies },
          before: { policies: inventory.policies },
          run: { id: "deviate", environment: env.name },
          pods: { timeoutSeconds: 1 },
          reprobe: { deadlineSeconds: 1, settleSeconds: 1 },
        }),
      prober: () =>
        new LiveProber(cluster, { timeoutSeconds: 1, runId: "deviate", pollMs: 100, graceMs: 300 }),
      run: (plan, prober) => runProbes(prober, plan, { clock: systemClock }),
    });
    expect(outcome.exitCode).toBe(1);
    const wrong = outcome.result.results.filter((r) => r.classification === "deviation");
    expect(wrong.length).toBeGreaterThan(0);
    expect(wrong.every((r) => r.check.expect === "allowed" && r.observed.outcome === "blocked")).toBe(true);
    const text = renderProbeText(outcome.result, { manifests: outcome.manifests, timeoutSeconds: 1 });
    expect(text.split("\n")[2]).toBe("WRONG");
    expect(text).toContain("kubectl create -f - <<EOF");
  });
});
