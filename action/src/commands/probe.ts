/**
 * The `probe` command: run an environment's probe plan against what is deployed now.
 * Expected verdicts come from the live NetworkPolicies (before = after = live), so a
 * deviation is the dataplane disagreeing with the policies in force. Orchestration over
 * the cluster port; the planner and the runner are injected (pure).
 */
import type { Cluster, ClusterIdentity, LiveInventory } from "../ports/cluster.js";
import type { ProbePlan, ProbeRunResult, Prober } from "../probe/types.js";
import type { EnvironmentIntent } from "../intent/model.js";
import { probeExitCode } from "../report/probe-result.js";

export interface ProbeCommandDeps {
  cluster: Cluster;
  /** Builds the plan from the intent and the live inventory (policies in force = live). */
  plan(input: { environment: EnvironmentIntent; inventory: LiveInventory }): ProbePlan;
  /** The prober for this run (the live prober over `cluster`). */
  prober(): Prober & {
    createdManifests?(): Map<
      string,
      { metadata: { name: string; namespace: string }; spec: Record<string, unknown> }
    >;
  };
  /** Runs a plan to its confirmed result. */
  run(plan: ProbePlan, prober: Prober, signal?: AbortSignal): Promise<ProbeRunResult>;
  /** The API server the Pulumi engine targets, when known: the prober must target the same. */
  engine?: ClusterIdentity;
}

/**
 * Whether two identities name the same API server. The Pulumi engine and the prober must
 * target the same cluster: a run that deploys to one and probes another proves nothing.
 * Returns the reason they differ, or undefined when they agree.
 */
export function clusterMismatch(engine: ClusterIdentity, prober: ClusterIdentity): string | undefined {
  const norm = (s: string) => s.trim().replace(/\/+$/, "").toLowerCase();
  if (norm(engine.server) !== norm(prober.server)) {
    return (
      `the Pulumi engine targets ${engine.server} (context "${engine.context}") but the prober ` +
      `targets ${prober.server} (context "${prober.context}"); give both the same kubeconfig and context`
    );
  }
  return undefined;
}

export class ClusterMismatchError extends Error {
  override name = "ClusterMismatchError";
}

export interface ProbeCommandResult {
  plan: ProbePlan;
  result: ProbeRunResult;
  /** The pod manifests as created, by plan pod name (for reproduction commands). */
  manifests: Map<string, { metadata: { name: string; namespace: string }; spec: Record<string, unknown> }>;
  /** 0 all as expected, 1 a deviation or a surprise, 3 inconclusive. */
  exitCode: 0 | 1 | 3;
}

export async function runProbeCommand(
  environment: EnvironmentIntent,
  deps: ProbeCommandDeps,
  signal?: AbortSignal,
): Promise<ProbeCommandResult> {
  if (deps.engine) {
    const mismatch = clusterMismatch(deps.engine, deps.cluster.identity());
    if (mismatch) throw new ClusterMismatchError(mismatch);
  }
  const inventory = await deps.cluster.inventory();
  const plan = deps.plan({ environment, inventory });
  const prober = deps.prober();
  let result: ProbeRunResult;
  try {
    result = await deps.run(plan, prober, signal);
  } finally {
    // Probe pods and run objects are deleted whatever happened, a cancellation included.
    await prober.close();
  }
  const manifests =
    prober.createdManifests?.() ?? new Map(plan.pods.map((p) => [p.metadata.name, p] as const));
  return { plan, result, manifests, exitCode: probeExitCode(result) };
}
