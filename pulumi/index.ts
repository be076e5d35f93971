/**
 * Our program: the NetpolRollout component with its arguments from the stack config, and
 * the package's `netpol-rollout/pulumi` entry (the component and its types). Bundled by
 * scripts/build.mjs into dist/pulumi/index.js, which pulumi/main.mjs hands to the Pulumi
 * Node.js runtime (see pulumi/README.md). Its default export is the program: the runtime
 * calls it and records what it returns as the stack outputs.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { loadIntentFromDir } from "../action/src/wiring/intent.js";
import { CONFIG_NAMESPACE, parseStackConfig } from "../action/src/rollout/config.js";
import type { StackOutputs } from "../action/src/rollout/outputs.js";
import { loadStackInput, StackInputError } from "../action/src/rollout/stack.js";
import { NetpolRollout, prepareInput, runErrorOf } from "./component.js";

export { NETPOL_ROLLOUT_TYPE, NetpolRollout, PreparedRollout } from "./component.js";
export type {
  DeployStage,
  KyvernoAction,
  NetpolRolloutArgs,
  RecordedBundle,
  StackOutputs,
} from "./component.js";

/**
 * The repository root: the nearest directory holding package.json, from the Pulumi project
 * directory (pulumi/, which has none) or the working directory upwards.
 */
export function findRepoRoot(start: string, exists: (path: string) => boolean = existsSync): string {
  let dir = resolve(start);
  for (;;) {
    if (exists(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(start, "..");
    dir = parent;
  }
}

/** The `netpol-rollout:*` config values, keys without the namespace. */
function readConfig(): Record<string, string> {
  const raw: Record<string, string> = {};
  const prefix = `${CONFIG_NAMESPACE}:`;
  for (const [key, value] of Object.entries(pulumi.runtime.allConfig())) {
    if (key.startsWith(prefix)) raw[key.slice(prefix.length)] = value;
  }
  return raw;
}

/** The stack outputs as the program returns them: the cluster's uid resolves once kube-system is read. */
export type ProgramOutputs = Omit<StackOutputs, "clusterUid"> & { clusterUid: pulumi.Output<string> };

export interface ProgramRun {
  /** The component, named after the environment. */
  rollout: NetpolRollout;
  /** What the program returns as the stack outputs. */
  outputs: ProgramOutputs;
}

/**
 * Reads the config, loads and checks the bundle, then registers the component named after
 * the environment. Known failures are a RunError before anything is registered.
 */
export async function run(): Promise<ProgramRun> {
  const repoRoot = findRepoRoot(pulumi.runtime.getRootDirectory() || process.cwd());
  try {
    const parsed = parseStackConfig(readConfig(), repoRoot);
    if (!parsed.ok) {
      const n = parsed.errors.length;
      throw new StackInputError(
        `the stack configuration is invalid (${n} problem${n === 1 ? "" : "s"})`,
        parsed.errors,
      );
    }
    const input = await loadStackInput(parsed.settings, repoRoot, {
      readFile: (path) => readFile(path, "utf8"),
      loadIntent: (policiesDir, root) => loadIntentFromDir(policiesDir, root),
    });
    const prepared = prepareInput(input);
    const rollout = new NetpolRollout(input.environment, prepared);
    return { rollout, outputs: { ...prepared.plan.outputs, clusterUid: rollout.clusterUid } };
  } catch (error) {
    throw runErrorOf(error);
  }
}

/** The program as the Pulumi runtime calls it: its result becomes the stack outputs. */
export default async function main(): Promise<ProgramOutputs> {
  return (await run()).outputs;
}
