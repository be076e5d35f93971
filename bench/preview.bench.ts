// The preview pipeline without the engine on a generated intent of 200 services (400+
// flows): base and head differ by a few flows. Goal: at most 500 ms. And the preview of an
// unchanged environment (base and head the same), the common case of a pull request.
import { loadavg } from "node:os";
import { renderComment, renderSummary } from "../action/src/report/markdown.js";
import { generateIntent } from "../test/preview/generate.js";
import { runPreview } from "../action/src/commands/preview-pipeline.js";
import { memoryGit, timedCore } from "./preview-harness.js";

const SERVICES = 200;
const RUNS = 5;
/** An unchanged environment is cheap: more runs make its median steadier. */
const SAME_RUNS = 21;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Wall time and this process's CPU time of `f`, in ms (CPU time is steadier on a busy machine). */
async function measure<T>(f: () => Promise<T>): Promise<{ wall: number; cpu: number; result: T }> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const result = await f();
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000, result };
}

export async function main(): Promise<void> {
  const base = generateIntent({ services: SERVICES });
  const head = generateIntent({
    services: SERVICES,
    dropFlows: [3, 40],
    extraFlows: [
      "ns-0/svc-0 -> ns-7/svc-7:9090",
      "ns-3/svc-13 -> ns-1/svc-151:8080",
      "ns-5/svc-5 -> ns-9/svc-99:8080",
    ],
  });
  const run = () =>
    runPreview(
      { git: memoryGit(base), readHead: () => Promise.resolve(head) },
      { baseRef: "base", policiesDir: "policies" },
    );

  const warm = await run(); // warm-up (JIT, module init)
  const changes = warm.environments.reduce((n, e) => n + e.diff.changes.length, 0);
  const pipeline: { wall: number; cpu: number }[] = [];
  const comment: number[] = [];
  const summary: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { result: report, ...times } = await measure(run);
    pipeline.push(times);
    let t = performance.now();
    renderComment(report);
    comment.push(performance.now() - t);
    t = performance.now();
    renderSummary(report);
    summary.push(performance.now() - t);
  }
  // An unchanged environment (most environments of most pull requests) skips the diff.
  const same: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < SAME_RUNS; i++) {
    same.push(
      await measure(() =>
        runPreview(
          { git: memoryGit(base), readHead: () => Promise.resolve(base) },
          { baseRef: "base", policiesDir: "policies" },
        ),
      ),
    );
  }
  const totals = { parse: 0, compile: 0, diff: 0, lint: 0 };
  for (let i = 0; i < RUNS; i++)
    await runPreview(
      { git: memoryGit(base), readHead: () => Promise.resolve(head), core: timedCore(totals) },
      { baseRef: "base", policiesDir: "policies" },
    );
  const flows = warm.environments[0]?.flowsGraph.edges.length ?? 0;
  console.log(`load average (1 min) while measuring: ${loadavg()[0]?.toFixed(1)}`);
  console.log(
    `intent: ${SERVICES} services, ${flows} graph edges, ${changes} flow changes between base and head`,
  );
  console.log(
    `preview pipeline (load both, compile, diff, lint, probes): median ${median(pipeline.map((m) => m.wall)).toFixed(1)} ms of ${RUNS} (goal <= 500 ms), CPU ${median(pipeline.map((m) => m.cpu)).toFixed(1)} ms`,
  );
  console.log(
    `  by stage, mean of ${RUNS} runs: parse (base + head) ${(totals.parse / RUNS).toFixed(0)} ms, compile ${(totals.compile / RUNS).toFixed(0)} ms, semantic diff ${(totals.diff / RUNS).toFixed(0)} ms, lint ${(totals.lint / RUNS).toFixed(0)} ms`,
  );
  console.log(
    `preview of an unchanged environment: median ${median(same.map((m) => m.wall)).toFixed(1)} ms of ${SAME_RUNS}, CPU ${median(same.map((m) => m.cpu)).toFixed(1)} ms`,
  );
  console.log(`renderComment: median ${median(comment).toFixed(2)} ms`);
  console.log(`renderSummary: median ${median(summary).toFixed(2)} ms`);
}
