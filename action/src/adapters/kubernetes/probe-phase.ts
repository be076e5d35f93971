/**
 * The rollout's view of the cluster over the cluster port: the live state a rollout reads,
 * and probe runs that use the live prober (and always clean up after it).
 */
import type { Cluster } from "../../ports/cluster.js";
import type { ClusterState } from "../../k8s/types.js";
import type { ProbePlan, ProbeRunResult } from "../../probe/types.js";
import { runProbes } from "../../probe/run.js";
import { systemClock } from "../clock.js";
import { LiveProber, type LiveProberOptions } from "./prober.js";
import { clusterState } from "../rollout-store.js";

/** Namespaces, pods, services and NetworkPolicies of the whole cluster. */
export async function readClusterState(cluster: Cluster): Promise<ClusterState> {
  return clusterState(await cluster.inventory());
}

/** Runs a plan with a new live prober; its pods and run objects are gone when it resolves or rejects. */
export function liveProbeRun(
  cluster: Cluster,
  options: LiveProberOptions = {},
): (plan: ProbePlan, signal?: AbortSignal) => Promise<ProbeRunResult> {
  return async (plan, signal) => {
    const prober = new LiveProber(cluster, options);
    try {
      return await runProbes(prober, plan, { clock: systemClock, ...(signal ? { signal } : {}) });
    } finally {
      await prober.close();
    }
  };
}
