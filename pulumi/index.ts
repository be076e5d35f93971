/**
 * The program's entry: reads the stack config once, loads the bundle, registers the stack.
 * Bundled by scripts/build.mjs into dist/pulumi/index.js, which pulumi/main.mjs hands to
 * the Pulumi Node.js runtime (see pulumi/README.md). Its default export is the program:
 * the runtime calls it and records what it returns as the stack outputs.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { loadIntentFromDir } from "../action/src/intent/index.js";
import { CompileError } from "../action/src/compile/index.js";
import { CONFIG_NAMESPACE, parseStackConfig } from "../action/src/rollout/config.js";
import type { StackOutputs } from "../action/src/rollout/outputs.js";
import { RolloutRefusedError } from "../action/src/rollout/plan.js";
import { loadStackInput, StackInputError } from "../action/src/rollout/stack.js";
import type { StackSources } from "../action/src/rollout/stack.js";
import type { DefinedStack } from "./program.js";
import { defineStack } from "./program.js";

const fileSources: StackSources = {
  readFile: (path) => readFile(path, "utf8"),
  loadIntent: (policiesDir, repoRoot) => loadIntentFromDir(policiesDir, repoRoot),
};

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

/** Reads the config, loads the bundle and registers the stack. */
export async function run(): Promise<DefinedStack> {
  const projectRoot = pulumi.runtime.getRootDirectory() || process.cwd();
  const repoRoot = findRepoRoot(projectRoot);
  try {
    const parsed = parseStackConfig(readConfig(), repoRoot);
    if (!parsed.ok) {
      throw new StackInputError(
        `the stack configuration is invalid (${parsed.errors.length} problem${parsed.errors.length === 1 ? "" : "s"})`,
        parsed.errors,
      );
    }
    const input = await loadStackInput(parsed.settings, repoRoot, fileSources);
    return defineStack(input);
  } catch (error) {
    // Known failures are reported as their message alone: no stack trace, nothing registered.
    if (
      error instanceof StackInputError ||
      error instanceof RolloutRefusedError ||
      error instanceof CompileError
    ) {
      const runError = new pulumi.RunError(`netpol-rollout: ${error.message}`);
      // The runtime prints only a RunError's message, but it also formats the error with
      // util.inspect(err, { colors: true }) unless it has no stack. On Node 20 that coloured
      // inspect loops in its node_modules highlighting on the runtime's stack frames (a
      // Node.js bug, fixed upstream after Node 20's end of life) until the heap reaches ~3 GB
      // and it throws after ~15 s: a run with an invalid intent failed 15 s late.
      // Without a stack the runtime uses the message.
      runError.stack = "";
      throw runError;
    }
    throw error;
  }
}

/** The program as the Pulumi runtime calls it: its result becomes the stack outputs. */
export default async function main(): Promise<StackOutputs> {
  return (await run()).outputs;
}
