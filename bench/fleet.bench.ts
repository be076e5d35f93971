// Several clusters per environment at scale: 3 environments, every one on 50 clusters (one
// canary, waves of 10; some clusters with their own nodeCidrs or cni). Measures the matrix
// (through the CLI, so loading the intent counts) and the per-cluster plan (bundles per
// distinct cluster values) at 2,000 services per environment, and the preview (engine left
// out) with the comment's size against GitHub's 65,536-character limit at PREVIEW_SERVICES
// (default 200: the whole preview pipeline at 2,000 services runs for more than 30 minutes
// on a loaded machine, clusters or not).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { run } from "../action/src/cli/run.js";
import { runPreview, type SourceFile } from "../action/src/commands/preview-pipeline.js";
import { compileEnvironment } from "../action/src/compile/compile.js";
import { bundleVariants } from "../action/src/compile/clusters.js";
import { parseIntent } from "../action/src/intent/index.js";
import { renderCommentWithTier } from "../action/src/report/markdown.js";
import { generateIntent } from "../test/preview/generate.js";
import { memoryGit } from "./preview-harness.js";

const SERVICES = Number(process.env["FLEET_SERVICES"] ?? 2_000);
const PREVIEW_SERVICES = Number(process.env["PREVIEW_SERVICES"] ?? 200);
const CLUSTERS = 50;
const ENVIRONMENTS = ["dev", "staging", "production"];
const RUNS = 3;
const LIMIT = 65_536;

/** 50 clusters: c-0 the canary; every 10th has nodeCidrs of its own, every 25th runs calico. */
function clusterLines(): string[] {
  const lines = ["clusters:"];
  for (let i = 0; i < CLUSTERS; i++) {
    const own = [
      ...(i === 0 ? ["canary: true"] : []),
      ...(i % 10 === 5 ? [`nodeCidrs: [10.${100 + i}.0.0/16]`] : []),
      ...(i % 25 === 24 ? ["cni: calico"] : []),
    ];
    lines.push(
      `  - { name: c-${i}, kubeconfigSecret: KUBECONFIG_C_${i}${own.map((o) => `, ${o}`).join("")} }`,
    );
  }
  lines.push("waveSize: 10");
  return lines;
}

function fleet(changed: boolean, services = SERVICES): SourceFile[] {
  return ENVIRONMENTS.flatMap((environment, i) =>
    generateIntent({
      services,
      namespaces: 40,
      environment,
      ...(changed ? { dropFlows: [3, 40], extraFlows: ["ns-0/svc-0 -> ns-7/svc-7:9090"] } : {}),
    }).map((f) => ({
      path: f.path,
      text:
        f.text
          .replace("promotion: 1", `promotion: ${i + 1}`)
          .replace("cni: calico", "cni: generic\nnodeCidrs: [10.0.0.0/16]") +
        `${clusterLines().join("\n")}\n`,
    })),
  );
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function time<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const out = await f();
  return [out, performance.now() - t];
}

export async function main(): Promise<void> {
  const head = fleet(true);
  console.log(`load average (1 min) at start: ${loadavg()[0]?.toFixed(1)}`);
  console.log(
    `intent: ${ENVIRONMENTS.length} environments × ${SERVICES} services, ${CLUSTERS} clusters each (${head.reduce((n, f) => n + f.text.length, 0)} bytes of YAML)`,
  );

  const previewBase = fleet(false, PREVIEW_SERVICES);
  const previewHead = fleet(true, PREVIEW_SERVICES);
  const preview = () =>
    runPreview(
      { git: memoryGit(previewBase), readHead: () => Promise.resolve(previewHead) },
      { baseRef: "base", policiesDir: "policies" },
    );
  await preview(); // warm-up
  const previews: number[] = [];
  let report = await preview();
  for (let i = 0; i < RUNS; i++) {
    const [r, ms] = await time(preview);
    report = r;
    previews.push(ms);
  }
  const [rendered, renderMs] = await time(() => renderCommentWithTier(report));
  const variants = report.environments.map((e) => `${e.name} ${(e.clusters?.variants.length ?? 0) + 1}`);
  console.log(
    `preview at ${PREVIEW_SERVICES} services × ${ENVIRONMENTS.length} environments × ${CLUSTERS} clusters (load base and head, compile, diff, lint, per-cluster variants; no engine): median ${median(previews).toFixed(0)} ms of ${RUNS}`,
  );
  console.log(
    `comment: ${rendered.body.length} characters (limit ${LIMIT}), tier ${rendered.tier}, rendered in ${renderMs.toFixed(0)} ms; ${rendered.body.length < LIMIT ? "under" : "OVER"} the limit`,
  );
  console.log(`distinct bundles (one Pulumi preview each at most): ${variants.join(", ")}`);

  // The matrix through the CLI: reading and checking the whole intent dominates.
  const dir = mkdtempSync(join(tmpdir(), "fleet-bench-"));
  try {
    for (const f of head) {
      mkdirSync(join(dir, dirname(f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.text);
    }
    const matrices: number[] = [];
    let out = "";
    for (let i = 0; i < RUNS; i++) {
      out = "";
      const [, ms] = await time(() =>
        run(["matrix", "--env", "production"], {
          stdout: (t) => (out += t),
          stderr: () => undefined,
          cwd: dir,
        }),
      );
      matrices.push(ms);
    }
    const waves = (JSON.parse(out) as { waves: unknown[] }).waves.length;
    console.log(
      `matrix --env production (CLI, in process): median ${median(matrices).toFixed(0)} ms of ${RUNS}; ${waves} waves, ${out.length} bytes of JSON`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The per-cluster plan: every cluster's bundle, compiled once per distinct set of values.
  const parsed = parseIntent(head);
  if (!parsed.ok) throw new Error("the generated intent is invalid");
  for (const env of parsed.intent.environments) {
    let compiles = 0;
    const counting = (e: typeof env) => {
      compiles++;
      return compileEnvironment(e);
    };
    const [vs, ms] = await time(() => bundleVariants(env, counting));
    const [, one] = await time(() => compileEnvironment(env));
    console.log(
      `per-cluster plan, ${env.name}: ${ms.toFixed(0)} ms for ${CLUSTERS} clusters (${(ms / CLUSTERS).toFixed(1)} ms per cluster), ${compiles} compiles, ${vs.length} distinct bundles; one compile ${one.toFixed(0)} ms, so one per cluster would be about ${((one * CLUSTERS) / 1000).toFixed(1)} s`,
    );
  }
}
