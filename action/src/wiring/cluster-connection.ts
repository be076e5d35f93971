/**
 * The cluster a run acts on, connected for the Action and the CLI alike: the kubeconfig and
 * context asked for, else KUBECONFIG, ~/.kube/config or the pod's service account; and the
 * live prober that probes it.
 */
import { KubeAccessReviewer } from "../adapters/kubernetes/access.js";
import { KubeCluster, type KubeClusterOptions } from "../adapters/kubernetes/cluster.js";
import { kubeconfigSecrets, loadKubeConfig, resolveKubeSource } from "../adapters/kubernetes/config.js";
import { KubeLeases } from "../adapters/kubernetes/leases.js";
import { LiveProber, type LiveProberOptions } from "../adapters/kubernetes/prober.js";
import { systemClock } from "../adapters/clock.js";
import type { AccessReviewer } from "../ports/access.js";
import type { Cluster, ClusterIdentity, ClusterTarget } from "../ports/cluster.js";
import type { LeaseClient } from "../ports/lock.js";
import { runProbes } from "../probe/run.js";
import type { ProbePlan, ProbeRunResult, Prober } from "../probe/types.js";

export interface ConnectedCluster {
  cluster: Cluster;
  /** The run locks' Leases, on the same API server. */
  leases: LeaseClient;
  /** Access reviews and dry-run creates as the run's identity, on the same API server. */
  access: AccessReviewer;
  identity: ClusterIdentity;
  /** The kubeconfig's credentials: masked in the log and scrubbed from everything written. */
  secrets: string[];
  /** The kubeconfig files read, in KUBECONFIG's order; empty in-cluster. */
  kubeconfigPaths: string[];
}

/** Reads the kubeconfig (throws KubeconfigError when it cannot be used); no request is made yet. */
export function connectCluster(
  target: ClusterTarget,
  env: Readonly<Record<string, string | undefined>>,
  options: { home?: string; clusterOptions?: KubeClusterOptions } = {},
): ConnectedCluster {
  const source = resolveKubeSource(target, env, options.home);
  const { config, identity } = loadKubeConfig(source);
  return {
    cluster: new KubeCluster(config, identity, options.clusterOptions),
    // Lock calls fail faster than the others: a renewal must land within its deadline.
    leases: new KubeLeases(config, { ...options.clusterOptions, timeoutMs: 10_000 }),
    access: new KubeAccessReviewer(config, options.clusterOptions),
    identity,
    secrets: kubeconfigSecrets(config),
    kubeconfigPaths: source.kind === "file" ? source.paths : [],
  };
}

/** A live prober: probe pods in the cluster, deleted by its `close()`. */
export function liveProber(cluster: Cluster, options: LiveProberOptions): LiveProber {
  return new LiveProber(cluster, options);
}

/** Runs a plan to its confirmed result on the real clock. */
export function runOnClock(prober: Prober, plan: ProbePlan, signal?: AbortSignal): Promise<ProbeRunResult> {
  return runProbes(prober, plan, { clock: systemClock, ...(signal ? { signal } : {}) });
}
