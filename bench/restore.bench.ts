/**
 * Time to restore on the real cluster (kube-router as it ships, the real Pulumi engine, the
 * bundled Action as the runner runs it): a deploy whose new flow the dataplane drops (a
 * fault on the node) is rolled back to the last-known-good, whose re-probe passes. The
 * figure runs from the start of the failing step's probe (its pods' start included) to the
 * end of the re-probe of what was restored: the failing probe, the rollback's `pulumi up`
 * (with its refresh) and the re-probe. Goal: at most 30 s.
 *
 * Every run also deploys the new revision without the fault and then the previous one again:
 * neither may roll back (no false rollback), and the faulted deploy must fail on the faulted
 * check alone.
 *
 * Runs only when named: `flock /work/locks/cluster.lock npm run bench -- restore` (root, the
 * cluster and engine tools built; about 10 minutes). E2E_RESTORE_RUNS changes the count
 * (default 5).
 */
import type { V1Pod } from "@kubernetes/client-node";
import { clusterAvailability, connectCluster, startCluster } from "../test/e2e/cluster-harness.js";
import { e2eBinDir } from "../test/e2e/harness.js";
import { startLoop, type ActionRun, type Loop, type RunReport } from "../test/e2e/loop-harness.js";

const FILE = "policies/environments/production.yaml";

function production(o: { apiPorts: number[]; extraFlows?: string[] }): string {
  return `promotion: 3
cni: kube-router
namespaces:
  production:
    services:
      frontend: { labels: { app: frontend }, ports: [80] }
      api: { labels: { app: api }, ports: [${o.apiPorts.join(", ")}] }
      database: { labels: { app: database }, ports: [5432] }
  ingress-nginx: { managed: false }
flows:
  - ingress-nginx -> production/frontend:80
  - production/frontend -> production/api:8080
  - production/api -> production/database:5432
${(o.extraFlows ?? []).map((f) => `  - ${f}\n`).join("")}`;
}

const STAND_INS = `promotion: 3
cni: kube-router
namespaces:
  production:
    services:
      frontend: { labels: { app: frontend }, ports: [80] }
      api: { labels: { app: api }, ports: [8080, 9090] }
      database: { labels: { app: database }, ports: [5432] }
`;

type Env = RunReport["environments"][number];

function envOf(run: ActionRun): Env {
  const env = run.report?.report.environments.find((e) => e.environment === "production");
  if (!env)
    throw new Error(`no report (exit ${run.code}): ${run.errors.join("\n")}\n${run.stdout.slice(-2000)}`);
  return env;
}

/** Seconds between two timeline entries. */
function between(env: Env, from: number, to: number): number {
  return (Date.parse(env.timeline[to]?.at ?? "") - Date.parse(env.timeline[from]?.at ?? "")) / 1000;
}

interface Restore {
  total: number;
  failing: number;
  apply: number;
  reprobe: number;
}

/** The restore's parts, from the timeline (as the job summary computes them). */
function restoreOf(env: Env): Restore {
  const start = env.timeline.findIndex((t) => t.phase === "rollback" && t.step === "start");
  const end = env.timeline.findIndex((t) => t.phase === "rollback" && t.step === "probe re-probe");
  const failed = env.timeline.findLastIndex(
    (t, i) => i < start && t.phase === "deploy" && t.step.startsWith("probe") && !t.ok,
  );
  if (failed < 1 || end < start)
    throw new Error(`no rollback in the timeline: ${JSON.stringify(env.timeline)}`);
  return {
    total: between(env, failed - 1, end),
    failing: between(env, failed - 1, failed),
    apply: between(env, failed, end - 1),
    reprobe: between(env, end - 1, end),
  };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
}

async function deployed(loop: Loop, sha: string, what: string): Promise<number> {
  const run = await loop.action({ command: "deploy", environments: "production" }, sha);
  const env = envOf(run);
  if (env.status !== "deployed" || run.code !== 0)
    throw new Error(
      `false rollback or failure on ${what}: ${env.status}: ${env.reason ?? ""} ${run.errors.join("; ")}`,
    );
  return run.seconds;
}

export async function main(): Promise<void> {
  if (process.argv[2] !== "restore") {
    console.log("skipped: runs only when named (npm run bench -- restore): a real cluster, about 10 minutes");
    return;
  }
  const availability = clusterAvailability();
  const engineBin = e2eBinDir();
  if (!availability.ok || engineBin === undefined) {
    console.log(`skipped: ${availability.ok ? "real engine tools not built" : availability.reason}`);
    return;
  }
  const runs = Number(process.env["E2E_RESTORE_RUNS"] ?? 5);
  const started = startCluster();
  let loop: Loop | undefined;
  try {
    loop = await startLoop({ engineBin, standIns: STAND_INS, cluster: connectCluster(started) });
    const pods: Map<string, V1Pod> = await loop.standIns();
    const b = loop.commit({ [FILE]: production({ apiPorts: [8080] }) }, "production: B");
    const c = loop.commit(
      {
        [FILE]: production({
          apiPorts: [8080, 9090],
          extraFlows: ["production/frontend -> production/api:9090"],
        }),
      },
      "production: C, frontend -> api:9090",
    );
    await deployed(loop, b, "the first deploy of B");
    const restores: Restore[] = [];
    const clean: number[] = [];
    for (let i = 0; i < runs; i++) {
      const fault = loop.faults.drop(pods.get("api")!, 9090);
      let run: ActionRun;
      try {
        run = await loop.action({ command: "deploy", environments: "production" }, c);
      } finally {
        fault.remove();
      }
      const env = envOf(run);
      const failed = env.probes[0]?.result.results.filter((r) =>
        ["deviation", "surprise"].includes(r.classification),
      );
      const reprobe = env.probes.find((p) => p.phase === "rollback");
      if (
        env.status !== "rolled-back" ||
        failed?.map((r) => r.check.port).join(",") !== "9090" ||
        reprobe?.result.counts.failed !== 0 ||
        reprobe.result.counts.inconclusive !== 0
      ) {
        throw new Error(
          `run ${i + 1}: expected a rollback on frontend -> api:9090 alone and a passing re-probe; got ${env.status} (${env.reason ?? ""}), failed: ${failed?.map((r) => r.check.id).join(", ")}`,
        );
      }
      const r = restoreOf(env);
      restores.push(r);
      console.log(
        `run ${i + 1}: restored in ${r.total.toFixed(1)} s (failing probe ${r.failing.toFixed(1)} s, rollback deployed ${r.apply.toFixed(1)} s, re-probe ${r.reprobe.toFixed(1)} s); whole job ${run.seconds.toFixed(1)} s`,
      );
      clean.push(await deployed(loop, c, `C without the fault (run ${i + 1})`));
      clean.push(await deployed(loop, b, `B again (run ${i + 1})`));
    }
    const totals = restores.map((r) => r.total);
    console.log(
      `time to restore over ${runs} runs: median ${median(totals).toFixed(1)} s, max ${Math.max(...totals).toFixed(1)} s ` +
        `(failing probe median ${median(restores.map((r) => r.failing)).toFixed(1)} s, rollback deployed ${median(restores.map((r) => r.apply)).toFixed(1)} s, re-probe ${median(restores.map((r) => r.reprobe)).toFixed(1)} s); ` +
        `${clean.length} deploys without a fault, none rolled back (median ${median(clean).toFixed(1)} s each)`,
    );
  } finally {
    if (loop) await loop.stop().catch((e: unknown) => console.error(`loop clean-up: ${String(e)}`));
    started.stop();
  }
}
