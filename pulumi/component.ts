/**
 * `NetpolRollout`: the Pulumi component that deploys one environment's policies in a stage,
 * for a Pulumi program of your own (`import { NetpolRollout } from "netpol-rollout/pulumi"`).
 * Our own program (index.ts) is this component with its arguments read from stack config.
 *
 * Everything that can be wrong (arguments, intent, a recorded bundle file, a refused object)
 * is found before anything is registered, the component included: a failed run registers
 * nothing and the engine changes nothing.
 */
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
import { readFile } from "node:fs/promises";
import { CompileError } from "../action/src/compile/index.js";
import { loadIntentFromDir } from "../action/src/wiring/intent.js";
import type { StackSettings } from "../action/src/rollout/config.js";
import { parseStackConfig } from "../action/src/rollout/config.js";
import type { KyvernoAction } from "../action/src/rollout/config.js";
import type { GuardResource } from "../action/src/rollout/guards.js";
import type { StackOutputs } from "../action/src/rollout/outputs.js";
import type { PlannedResource } from "../action/src/rollout/rollout-plan.js";
import { RolloutRefusedError } from "../action/src/rollout/rollout-plan.js";
import type { RecordedBundle } from "../action/src/rollout/recorded.js";
import type { DeployStage } from "../action/src/rollout/stages.js";
import type { StackInput, StackPlan, StackSources } from "../action/src/rollout/stack.js";
import { loadStackInput, planStack, StackInputError } from "../action/src/rollout/stack.js";

export type { DeployStage, KyvernoAction, RecordedBundle, StackOutputs };

/** The component's Pulumi type token. */
export const NETPOL_ROLLOUT_TYPE = "netpol-rollout:index:NetpolRollout";

/**
 * The arguments: the `netpol-rollout:*` stack config keys of our own program, by the same
 * names, as plain values (not Outputs: the plan is made before anything is registered).
 */
export interface NetpolRolloutArgs {
  /** The intent environment to deploy (`<policiesDir>/environments/<name>.yaml`). */
  environment: string;
  /** `allow`: DNS and service policies; `enforce`: also each namespace's default-deny. Default `enforce`. */
  stage?: DeployStage;
  /** The intent directory, relative to `rootDir` or absolute. Default `policies`. */
  policiesDir?: string;
  /** A recorded bundle (a `bundle` output saved as JSON) to deploy verbatim instead of the intent. */
  bundleFile?: string;
  /** The git commit being deployed, recorded in the outputs. Default none (`null`). */
  revision?: string;
  /** Registers the policy-drop PrometheusRule (cilium profile only). Default false. */
  monitoring?: boolean;
  /** Namespace of the PrometheusRule. Default `monitoring`. */
  monitoringNamespace?: string;
  /** Labels your Prometheus `ruleSelector` needs. Default none. */
  monitoringLabels?: Record<string, string>;
  /** Registers the Kyverno ClusterPolicies (and the ClusterRoles they need). Default false. */
  kyverno?: boolean;
  /** `Audit` or `Enforce` for the default-deny requirement. Default `Audit`. */
  kyvernoAction?: KyvernoAction;
  /**
   * Relative paths are resolved against it, and no intent file may be a link leaving it.
   * Default: the working directory (the Pulumi project's directory when Pulumi runs it).
   */
  rootDir?: string;
}

/** A rollout already loaded and checked by `NetpolRollout.prepare`: nothing left to fail. */
export class PreparedRollout {
  /** @internal */
  constructor(readonly plan: StackPlan) {}
}

const fileSources: StackSources = {
  readFile: (path) => readFile(path, "utf8"),
  loadIntent: (policiesDir, root) => loadIntentFromDir(policiesDir, root),
};

/** The stack settings the arguments describe; StackInputError lists every problem. */
export function settingsOf(args: NetpolRolloutArgs): StackSettings {
  const { rootDir, ...keys } = args;
  const raw: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(keys)) {
    if (value === undefined) continue;
    raw[key] = typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
  }
  const parsed = parseStackConfig(raw, rootDir ?? process.cwd(), (key) => key);
  if (!parsed.ok) {
    const n = parsed.errors.length;
    throw new StackInputError(
      `the NetpolRollout arguments are invalid (${n} problem${n === 1 ? "" : "s"})`,
      parsed.errors,
    );
  }
  return parsed.settings;
}

/** The plan of a stack input, for a bundle already in hand; throws RolloutRefusedError. */
export function prepareInput(input: StackInput): PreparedRollout {
  return new PreparedRollout(planStack(input));
}

/**
 * Known failures as the Pulumi runtime reports them: the message alone, without a stack.
 * The runtime prints a RunError's message only, but formats any error with a stack with a
 * coloured util.inspect first; on Node 20 that loops in its node_modules highlighting on
 * the runtime's frames (a Node.js bug, fixed upstream after Node 20's end of life) for ~15 s
 * and ~3 GB of heap.
 */
export function runErrorOf(error: unknown): unknown {
  if (
    error instanceof StackInputError ||
    error instanceof RolloutRefusedError ||
    error instanceof CompileError
  ) {
    const runError = new pulumi.RunError(`netpol-rollout: ${error.message}`);
    runError.stack = "";
    return runError;
  }
  return error;
}

/**
 * One environment's NetworkPolicies (and optional guards) deployed in a stage, each object a
 * child of this component, named `<namespace>/<name>` like our program's resources.
 *
 * Every child carries the alias of the URN it had as a top-level resource of our program's
 * stack (same name and type, the stack root as parent), so a stack that program deployed
 * keeps every object when it switches to the component: no AlreadyExists, no replacement.
 */
export class NetpolRollout extends pulumi.ComponentResource {
  /** The git commit deployed (`revision`), or null. */
  readonly revision: pulumi.Output<string | null>;
  /** `bundleDigest` of what this deploy registers (for stage allow: the allow objects only). */
  readonly digest: pulumi.Output<string>;
  /** The deployed bundle, as `bundleFile` reads it back for a rollback. */
  readonly bundle: pulumi.Output<RecordedBundle>;
  /**
   * The cluster the component's Kubernetes provider deploys to: the uid of its kube-system
   * namespace, read (never changed) through that provider. A cluster keeps it however it is
   * reached (two URLs, two contexts), and another cluster never has it.
   */
  readonly clusterUid: pulumi.Output<string>;
  /** All of our program's stack outputs (environment, stage, digests, counts, guards, clusterUid…). */
  readonly outputs: pulumi.Output<StackOutputs>;
  /** The children, policies in plan order (allows before the default-deny), then guards. */
  readonly resources: Promise<pulumi.Resource[]>;

  /**
   * Loads the bundle and plans the rollout without registering anything; throws a
   * pulumi.RunError naming every problem. `new NetpolRollout(name, await
   * NetpolRollout.prepare(args))` fails before the component exists; with the arguments
   * directly, the same checks fail the run once the program has finished constructing.
   */
  static async prepare(args: NetpolRolloutArgs): Promise<PreparedRollout> {
    try {
      const settings = settingsOf(args);
      const input = await loadStackInput(settings, args.rootDir ?? process.cwd(), fileSources);
      return prepareInput(input);
    } catch (error) {
      throw runErrorOf(error);
    }
  }

  constructor(
    name: string,
    args: NetpolRolloutArgs | PreparedRollout,
    opts: pulumi.ComponentResourceOptions = {},
  ) {
    const prepared = args instanceof PreparedRollout ? args : NetpolRollout.prepare(args);
    // Registration waits for the plan (an explicit dependency may be a promise): a refused
    // plan fails the component's own registration, so nothing at all is registered.
    const gated: pulumi.ComponentResourceOptions =
      prepared instanceof PreparedRollout
        ? opts
        : {
            ...opts,
            dependsOn: prepared.then(() => opts.dependsOn ?? []) as pulumi.Input<pulumi.Resource[]>,
          };
    super(NETPOL_ROLLOUT_TYPE, name, {}, gated);

    if (prepared instanceof PreparedRollout) {
      this.resources = Promise.resolve(registerPlan(prepared.plan, this));
    } else {
      this.resources = prepared.then((p) => registerPlan(p.plan, this));
    }
    const plan = Promise.resolve(prepared).then((p) => p.plan);
    // A child, so it goes through the component's provider like the policies do.
    const kubeSystem = k8s.core.v1.Namespace.get(`${name}:kube-system`, "kube-system", { parent: this });
    this.clusterUid = kubeSystem.metadata.uid;
    this.outputs = pulumi
      .all([plan.then((p) => p.outputs), this.clusterUid])
      .apply(([outputs, clusterUid]) => ({ ...outputs, clusterUid })) as pulumi.Output<StackOutputs>;
    this.revision = this.outputs.revision;
    this.digest = this.outputs.digest;
    this.bundle = this.outputs.bundle as pulumi.Output<RecordedBundle>;
  }
}

/** Registers what the plan says, policies then guards, as children of `parent`. */
function registerPlan(plan: StackPlan, parent: NetpolRollout): pulumi.Resource[] {
  const { rollout, guards } = plan;
  // `parent: rootStackResource` is the SDK's spelling of "no parent": the resource's URN
  // as a top-level resource of the stack, which is what our program registered before.
  const base: pulumi.CustomResourceOptions = {
    parent,
    aliases: [{ parent: pulumi.rootStackResource }],
  };

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

  for (const message of guards.notes) void pulumi.log.info(message, parent);
  for (const message of guards.warnings) void pulumi.log.warn(message, parent);
  const roles: pulumi.Resource[] = [];
  for (const guard of guards.resources) {
    const resource = registerGuard(
      guard,
      guard.kind === "ClusterPolicy" ? { ...base, dependsOn: roles } : base,
    );
    if (guard.kind === "ClusterRole") roles.push(resource);
    resources.push(resource);
  }
  return resources;
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
