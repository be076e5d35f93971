// How the preview's cost grows with the input: one environment whose api service calls N
// distinct outside CIDRs (the shape of a large egress allow-list), previewed against a base
// without the last flow. Each stage's time is printed per size; the ratio between sizes
// shows whether growth is near-linear (doubling N should about double the time).
import { loadavg } from "node:os";
import { runPreview, type SourceFile } from "../action/src/commands/preview-pipeline.js";
import { memoryGit, timedCore } from "./preview-harness.js";

const SIZES = (process.env.SCALE_SIZES ?? "2500,5000,10000,20000").split(",").map(Number);

function cidrIntent(flows: number): SourceFile[] {
  const lines = [
    "promotion: 1",
    "cni: calico",
    "namespaces:",
    "  shop:",
    "    services:",
    "      api: { labels: { app: api }, ports: [8080] }",
    "      web: { labels: { app: web }, ports: [80] }",
    "flows:",
    "  - web -> api:8080",
  ];
  for (let i = 0; i < flows; i++) {
    const a = 1 + (i >> 16);
    const b = (i >> 8) & 255;
    const c = i & 255;
    lines.push(`  - api -> ${a}.${b}.${c}.0/24:443`);
  }
  return [{ path: "policies/environments/scale.yaml", text: `${lines.join("\n")}\n` }];
}

export async function main(): Promise<void> {
  console.log(`load average (1 min) at start: ${loadavg()[0]?.toFixed(1)}`);
  let previous: number | undefined;
  for (const n of SIZES) {
    const head = cidrIntent(n);
    const base = cidrIntent(n - 1);
    const totals = { parse: 0, compile: 0, diff: 0, lint: 0 };
    const t = performance.now();
    const report = await runPreview(
      { git: memoryGit(base), readHead: () => Promise.resolve(head), core: timedCore(totals) },
      { baseRef: "base", policiesDir: "policies" },
    );
    const ms = performance.now() - t;
    const changes = report.environments[0]?.diff.changes.length ?? 0;
    const bytes = Buffer.byteLength(head[0]?.text ?? "");
    const ratio = previous === undefined ? "" : ` (×${(ms / previous).toFixed(2)} for ×2 input)`;
    previous = ms;
    console.log(
      `${n} CIDR flows (${(bytes / 1e6).toFixed(2)} MB): preview ${(ms / 1000).toFixed(2)} s${ratio}; parse ${totals.parse.toFixed(0)} ms, compile ${totals.compile.toFixed(0)} ms, diff ${totals.diff.toFixed(0)} ms, lint ${totals.lint.toFixed(0)} ms; ${changes} change(s)`,
    );
  }
}
