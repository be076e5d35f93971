/**
 * The stack of one environment, planned without Pulumi: its input (compiled from the
 * intent or read from a recorded bundle), its rollout plan, its guards and its outputs.
 * The Pulumi program registers what `planStack` returns; nothing here touches Pulumi, so
 * a failed run registers nothing and the engine changes nothing.
 */
import { bundleDigest, compileEnvironment } from "../compile/index.js";
import type { CompiledBundle } from "../compile/types.js";
import type { LoadResult } from "../intent/model.js";
import { formatIntentError } from "../intent/model.js";
import type { StackSettings } from "./config.js";
import type { GuardPlan } from "./guards.js";
import { planGuards } from "./guards.js";
import type { PlannedOutputs } from "./outputs.js";
import type { RolloutPlan } from "./rollout-plan.js";
import { planRollout } from "./rollout-plan.js";
import { parseRecordedBundle } from "./recorded.js";
import type { DeployStage } from "./stages.js";
import { suggestEnvironment } from "../intent/environment-names.js";

/** Config, intent or bundle-file problems: the run stops before registering anything. */
export class StackInputError extends Error {
  override name = "StackInputError";
  constructor(
    readonly headline: string,
    readonly problems: string[],
  ) {
    super(`${headline}\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
}

/** Where the stack's bundle comes from; the entry passes the file system and the loader. */
export interface StackSources {
  readFile(path: string): Promise<string>;
  loadIntent(policiesDir: string, repoRoot: string): Promise<LoadResult>;
}

export interface StackInput {
  environment: string;
  stage: DeployStage;
  revision: string | null;
  /** The full bundle (every stage): compiled from the intent, or a recorded one. */
  bundle: CompiledBundle;
  excludedNamespaces: string[];
  /** "intent" or "recorded", and what to call the bundle in messages. */
  from: "intent" | "recorded";
  origin: string;
  monitoring: StackSettings["monitoring"];
  kyverno: StackSettings["kyverno"];
}

/** Reads the bundle the settings ask for. Throws StackInputError with file:line:column problems. */
export async function loadStackInput(
  settings: StackSettings,
  repoRoot: string,
  sources: StackSources,
): Promise<StackInput> {
  const common = {
    environment: settings.environment,
    stage: settings.stage,
    revision: settings.revision,
    monitoring: settings.monitoring,
    kyverno: settings.kyverno,
  };
  if (settings.bundleFile !== undefined) {
    const file = settings.bundleFile;
    let text: string;
    try {
      text = await sources.readFile(file);
    } catch (error) {
      throw new StackInputError(`cannot read the recorded bundle ${file} (netpol-rollout:bundleFile)`, [
        error instanceof Error ? error.message : String(error),
      ]);
    }
    const parsed = parseRecordedBundle(file, text);
    if (!parsed.ok) {
      throw new StackInputError(
        `the recorded bundle ${file} is not a bundle netpol-rollout recorded`,
        parsed.errors.map(formatIntentError),
      );
    }
    const { excludedNamespaces, ...bundle } = parsed.bundle;
    return {
      ...common,
      bundle,
      excludedNamespaces: excludedNamespaces ?? [],
      from: "recorded",
      origin: `the recorded bundle ${file}`,
    };
  }

  const loaded = await sources.loadIntent(settings.policiesDir, repoRoot);
  if (!loaded.ok) {
    throw new StackInputError(
      `the intent in ${settings.policiesDir} is invalid (${loaded.errors.length} error${loaded.errors.length === 1 ? "" : "s"})`,
      loaded.errors.map(formatIntentError),
    );
  }
  const env = loaded.intent.environments.find((e) => e.name === settings.environment);
  const didYouMean = (name: string, names: string[]): string => {
    const suggestion = suggestEnvironment(name, names);
    return suggestion === undefined ? "" : ` (did you mean '${suggestion}'?)`;
  };
  if (env === undefined) {
    const names = loaded.intent.environments.map((e) => e.name);
    throw new StackInputError(`environment "${settings.environment}" is not in ${settings.policiesDir}`, [
      names.length === 0
        ? "there are no environments (policies/environments/<name>.yaml)"
        : `environments: ${names.join(", ")}; set netpol-rollout:environment to one of them${didYouMean(settings.environment, names)}`,
    ]);
  }
  return {
    ...common,
    bundle: compileEnvironment(env),
    excludedNamespaces: [...env.excludedNamespaces],
    from: "intent",
    origin: `the compiled intent of environment ${env.name}`,
  };
}

/** Everything a stack will register, computed before registering any of it. */
export interface StackPlan {
  rollout: RolloutPlan;
  guards: GuardPlan;
  outputs: PlannedOutputs;
}

/** Plans the stack without touching Pulumi: throws RolloutRefusedError when the bundle is refused. */
export function planStack(input: StackInput): StackPlan {
  const rollout = planRollout(input.bundle, {
    environment: input.environment,
    stage: input.stage,
    excludedNamespaces: input.excludedNamespaces,
    origin: input.origin,
  });
  const guards = planGuards(input.bundle, {
    environment: input.environment,
    cni: input.bundle.cni,
    stage: input.stage,
    excludedNamespaces: input.excludedNamespaces,
    monitoring: input.monitoring,
    kyverno: input.kyverno,
  });
  const outputs: PlannedOutputs = {
    environment: input.environment,
    stage: input.stage,
    revision: input.revision,
    digest: bundleDigest(rollout.deployed),
    sourceDigest: bundleDigest(input.bundle),
    bundle: { ...rollout.deployed, excludedNamespaces: [...input.excludedNamespaces] },
    counts: rollout.counts,
    from: input.from,
    guards: guards.resources.map((r) => r.logicalName),
  };
  return { rollout, guards, outputs };
}
