// The preview pipeline without the engine on a generated intent of 200 services (400+
// flows): base and head differ by a few flows. Goal: under 3 s.
import { loadavg } from "node:os";
import { renderComment, renderSummary } from "../action/src/report/markdown.js";
import { generateIntent } from "../test/preview/generate.js";
import { runPreview } from "../action/src/commands/preview.js";
import { memoryGit, timedCore } from "./preview-harness.js";

const SERVICES = 200;
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
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
  const pipeline: number[] = [];
  const comment: number[] = [];
  const summary: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    const report = await run();
    pipeline.push(performance.now() - t);
    t = performance.now();
    renderComment(report);
    comment.push(performance.now() - t);
    t = performance.now();
    renderSummary(report);
    summary.push(performance.now() - t);
  }
  // An unchanged environment (most environments of most pull requests) skips the diff.
  const same: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await runPreview(
      { git: memoryGit(base), readHead: () => Promise.resolve(base) },
      { baseRef: "base", policiesDir: "policies" },
    );
    same.push(performance.now() - t);
  }
  const totals = { parse: 0, compile: 0, diff: 0, lint: 0 };
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
    `preview pipeline (load both, compile, diff, lint): median ${median(pipeline).toFixed(1)} ms of ${RUNS} (goal < 3000 ms)`,
  );
  console.log(
    `  one run by stage: parse (base + head) ${totals.parse.toFixed(0)} ms, compile ${totals.compile.toFixed(0)} ms, semantic diff ${totals.diff.toFixed(0)} ms, lint ${totals.lint.toFixed(0)} ms`,
  );
  console.log(`preview of an unchanged environment: median ${median(same).toFixed(1)} ms`);
  console.log(`renderComment: median ${median(comment).toFixed(2)} ms`);
  console.log(`renderSummary: median ${median(summary).toFixed(2)} ms`);
}
