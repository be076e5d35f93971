/**
 * Global setup of the e2e tier: prints, once and first, the version of every real component
 * the tier runs (or would run), and what it will skip and why.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { clusterAvailability, clusterVersions, repoRoot } from "./cluster-harness.js";
import { e2eBinDir } from "./harness.js";

function version(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "absent";
  }
}

export default function setup(): void {
  const bin = e2eBinDir();
  const parts: string[] = [`node ${process.version}`];
  if (bin) {
    parts.push(`pulumi ${version(join(bin, "pulumi"), ["version"])}`);
    parts.push(
      `pulumi-resource-kubernetes ${/k8sprov([0-9.]+)/.exec(basename(dirname(bin)))?.[1] ?? "unknown"}`,
    );
  }
  const v = clusterVersions();
  for (const [name, value] of Object.entries(v)) parts.push(`${name} ${value}`);
  if (!existsSync(join(repoRoot, "test/e2e/tools/cluster.sh"))) parts.push("cluster.sh absent");
  console.log(`e2e versions: ${parts.join(", ")}`);
  const cluster = clusterAvailability();
  const skipped = [
    ...(bin ? [] : ["real-engine tier (tools not built: test/e2e/tools/build.sh engine)"]),
    ...(cluster.ok ? [] : [`real-cluster tier (${cluster.reason})`]),
  ];
  if (skipped.length) console.log(`e2e skipped: ${skipped.join("; ")}`);
}
