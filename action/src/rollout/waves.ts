/**
 * The waves an environment's clusters deploy in: the canaries first, then the others in
 * listed order, `waveSize` at a time. Pure and deterministic: the same intent always gives
 * the same waves, so every job of a workflow run agrees on them.
 */
import type { EnvironmentIntent } from "../intent/model.js";

/** One cluster job, as a GitHub Actions matrix `include` entry. */
export interface WaveCluster {
  environment: string;
  /** The cluster's name; empty for an environment on one unnamed cluster. */
  cluster: string;
  /** 1-based. */
  wave: number;
  canary: boolean;
  /** The GitHub secret holding the cluster's kubeconfig; empty: the job's own kubeconfig. */
  kubeconfigSecret: string;
  /** The kubeconfig context; empty: its current-context (the Action's `context` input reads it so). */
  context: string;
}

/** A wave as a GitHub Actions matrix: only `include`, so `fromJSON` of it is a valid `strategy.matrix`. */
export interface Wave {
  include: WaveCluster[];
}

export interface ClusterMatrix {
  environment: string;
  waves: Wave[];
}

/** The environment's waves. Without `clusters:` one wave of one unnamed cluster. */
export function clusterWaves(env: EnvironmentIntent): ClusterMatrix {
  const clusters = env.clusters ?? [];
  if (clusters.length === 0) {
    const only: WaveCluster = {
      environment: env.name,
      cluster: "",
      wave: 1,
      canary: false,
      kubeconfigSecret: "",
      context: "",
    };
    return { environment: env.name, waves: [{ include: [only] }] };
  }
  const canaries = clusters.filter((c) => c.canary);
  const rest = clusters.filter((c) => !c.canary);
  const size = env.waveSize ?? Math.max(rest.length, 1);
  const groups = canaries.length > 0 ? [canaries] : [];
  for (let i = 0; i < rest.length; i += size) groups.push(rest.slice(i, i + size));
  return {
    environment: env.name,
    waves: groups.map((group, i) => ({
      include: group.map((c) => ({
        environment: env.name,
        cluster: c.name,
        wave: i + 1,
        canary: c.canary,
        kubeconfigSecret: c.kubeconfigSecret ?? "",
        context: c.context ?? "",
      })),
    })),
  };
}
