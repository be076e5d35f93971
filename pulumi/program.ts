/**
 * The Pulumi program: one stack deploys one environment's compiled bundle in a stage, plus
 * the optional guards, and records what it deployed in its outputs.
 *
 * Everything that can be wrong (config, intent, a recorded bundle file, a refused object)
 * is found before the first resource is registered, so a failed run registers nothing and
 * the engine changes nothing.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { bundleDigest, compileEnvironment } from "../action/src/compile/index.js";
import type { CompiledBundle } from "../action/src/compile/types.js";
import type { LoadResult } from "../action/src/intent/model.js";
import { formatIntentError } from "../action/src/intent/model.js";
import type { DeployStage, PlannedResource, RolloutPlan, StageCounts } from "./plan.js";
import { planRollout } from "./plan.js";
import type { GuardPlan, GuardResource } from "./guards.js";
import { planGuards } from "./guards.js";
import type { RecordedBundle } from "./recorded.js";
import { parseRecordedBundle } from "./recorded.js";
import type { StackSettings } from "./settings.js";

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

/** The stack outputs. Nothing secret: policy objects, names, a commit and digests. */
export interface StackOutputs {
  environment: string;
  stage: DeployStage;
  /** The git commit deployed, or null when it was not given. */
  revision: string | null;
  /** bundleDigest of what this deploy registered (for stage allow: the allow objects only). */
  digest: string;
  /** bundleDigest of the full bundle before stage selection: the same for both stages of one revision. */
  sourceDigest: string;
  /** What was deployed, as `netpol-rollout:bundleFile` reads it back for a rollback. */
  bundle: RecordedBundle;
  /** Per namespace, the objects deployed per stage. */
  counts: Record<string, StageCounts>;
  /** intent: compiled from policies/; recorded: read from netpol-rollout:bundleFile. */
  from: "intent" | "recorded";
  /** Logical names of the guard resources registered. */
  guards: string[];
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
  if (env === undefined) {
    const names = loaded.intent.environments.map((e) => e.name);
    throw new StackInputError(`environment "${settings.environment}" is not in ${settings.policiesDir}`, [
      names.length === 0
        ? "there are no environments (policies/environments/<name>.yaml)"
        : `environments: ${names.join(", ")}; set netpol-rollout:environment to one of them`,
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

export interface DefineOptions {
  /** An explicit Kubernetes provider; default: the default provider (kubernetes:kubeconfig, kubernetes:context, KUBECONFIG). */
  provider?: pulumi.ProviderResource;
}

/** Everything a stack will register, computed before registering any of it. */
export interface StackPlan {
  rollout: RolloutPlan;
  guards: GuardPlan;
  outputs: StackOutputs;
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
  const outputs: StackOutputs = {
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

export interface DefinedStack {
  outputs: StackOutputs;
  /** Every resource registered, policies first (in plan order), then guards. */
  resources: pulumi.Resource[];
}

/** Registers the stack's resources; `outputs` are what the program returns as stack outputs. */
export function defineStack(input: StackInput, options: DefineOptions = {}): DefinedStack {
  const { rollout, guards, outputs } = planStack(input);
  const base: pulumi.CustomResourceOptions =
    options.provider === undefined ? {} : { provider: options.provider };

  const resources: pulumi.Resource[] = [];
  const registered = new Map<string, pulumi.Resource>();
  for (const planned of rollout.resources) {
    const dependsOn = planned.dependsOn.map((key) => {
      const dependency = registered.get(key);
      // The plan lists allows before the denies that depend on them.
      if (dependency === undefined)
        throw new Error(`internal: ${planned.key} depends on unregistered ${key}`);
      return dependency;
    });
    const resource = registerPolicy(planned, { ...base, dependsOn });
    registered.set(planned.key, resource);
    resources.push(resource);
  }

  for (const message of guards.notes) void pulumi.log.info(message);
  for (const message of guards.warnings) void pulumi.log.warn(message);
  const roles: pulumi.Resource[] = [];
  for (const guard of guards.resources) {
    const resource = registerGuard(
      guard,
      guard.kind === "ClusterPolicy" ? { ...base, dependsOn: roles } : base,
    );
    if (guard.kind === "ClusterRole") roles.push(resource);
    resources.push(resource);
  }
  return { outputs, resources };
}

function registerPolicy(planned: PlannedResource, opts: pulumi.CustomResourceOptions): pulumi.Resource {
  const manifest = planned.object.manifest;
  if (manifest.kind === "NetworkPolicy") {
    return new k8s.networking.v1.NetworkPolicy(
      planned.logicalName,
      { metadata: manifest.metadata, spec: manifest.spec as k8s.types.input.networking.v1.NetworkPolicySpec },
      opts,
    );
  }
  return new k8s.apiextensions.CustomResource(
    planned.logicalName,
    {
      apiVersion: manifest.apiVersion,
      kind: manifest.kind,
      metadata: manifest.metadata,
      spec: manifest.spec,
    },
    opts,
  );
}

function registerGuard(guard: GuardResource, opts: pulumi.CustomResourceOptions): pulumi.Resource {
  const { apiVersion, kind, metadata, ...rest } = guard.manifest;
  if (kind === "ClusterRole") {
    return new k8s.rbac.v1.ClusterRole(
      guard.logicalName,
      { metadata, rules: rest["rules"] as k8s.types.input.rbac.v1.PolicyRule[] },
      opts,
    );
  }
  return new k8s.apiextensions.CustomResource(
    guard.logicalName,
    { apiVersion, kind, metadata, ...rest },
    opts,
  );
}
