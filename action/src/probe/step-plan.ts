/**
 * The probe plan of one rollout step. Expected verdicts come from the step's exact objects
 * (after) and the objects before it, each beside the live policies this environment does
 * not manage (they stay in force around its deploys); every verdict change between the two
 * is the step's own doing, so the step's semantic diff declares it.
 */
import type { CompiledBundle } from "../compile/types.js";
import { ENVIRONMENT_LABEL, MANAGED_BY_LABEL, MANAGED_BY_VALUE } from "../compile/types.js";
import type { EnvironmentIntent } from "../intent/model.js";
import type { CiliumNetworkPolicy, ClusterState, NetworkPolicy, PolicyObject } from "../k8s/types.js";
import { diffCompiled, policiesOfBundle } from "../semantics/diff.js";
import type { ProbeRun } from "./pod.js";
import { buildProbePlan } from "./probe-plan.js";
import type { PolicySetInput, ProbePlan, ProbePodOptions, ReprobePolicy } from "./types.js";

/** What a rollout step's probes are planned from. */
export interface StepProbeInput {
  environment: EnvironmentIntent;
  /** Exactly what the environment holds while the checks run. */
  bundle: CompiledBundle;
  /** What it held before this step (expected-before). */
  before: CompiledBundle;
  cluster: ClusterState;
}

/** Whether this environment's deploys own a live policy (they replace it with their bundle). */
export function managedBy(policy: PolicyObject, environment: string): boolean {
  const labels = policy.metadata?.labels ?? {};
  return labels[MANAGED_BY_LABEL] === MANAGED_BY_VALUE && labels[ENVIRONMENT_LABEL] === environment;
}

/** The policies in force while `environment` holds `bundle`: the live ones it does not manage, and the bundle's. */
export function policiesInForce(
  live: readonly PolicyObject[],
  environment: string,
  bundle: CompiledBundle,
): PolicySetInput {
  const kept = live.filter((p) => !managedBy(p, environment));
  const own = policiesOfBundle(bundle);
  return {
    policies: [...kept.filter((p): p is NetworkPolicy => p.kind === "NetworkPolicy"), ...own.policies],
    ciliumPolicies: [
      ...kept.filter((p): p is CiliumNetworkPolicy => p.kind === "CiliumNetworkPolicy"),
      ...own.ciliumPolicies,
    ],
  };
}

export function planStepProbes(
  input: StepProbeInput,
  options: { run: ProbeRun; pods: Partial<ProbePodOptions>; reprobe?: Partial<ReprobePolicy> },
): ProbePlan {
  const { environment, cluster } = input;
  return buildProbePlan({
    environment,
    inventory: { namespaces: cluster.namespaces, pods: cluster.pods, services: cluster.services },
    after: policiesInForce(cluster.policies, environment.name, input.bundle),
    before: policiesInForce(cluster.policies, environment.name, input.before),
    diff: diffCompiled({
      base: environment,
      head: environment,
      bundles: { base: input.before, head: input.bundle },
    }),
    run: options.run,
    pods: options.pods,
    ...(options.reprobe ? { reprobe: options.reprobe } : {}),
  });
}
