/**
 * The clusters part of an environment's preview: which clusters the change reaches, and
 * each group of clusters whose own values give policies other than the environment's, with
 * that difference once.
 */
import { bundleDigest } from "../compile/bundle.js";
import { bundleDifference, bundleVariants } from "../compile/clusters.js";
import type { CompiledBundle } from "../compile/types.js";
import type { EnvironmentIntent } from "../intent/model.js";
import type { ClusterPreview, ClusterVariantPreview } from "./types.js";

/** Undefined for an environment without `clusters:`. `bundle` is the environment's own, compiled already. */
export function clusterPreview(
  env: EnvironmentIntent,
  bundle: CompiledBundle,
  compile: (env: EnvironmentIntent) => CompiledBundle,
): ClusterPreview | undefined {
  if (!env.clusters) return undefined;
  const clusters = env.clusters.map((c) => ({ name: c.name, canary: c.canary }));
  const variants: ClusterVariantPreview[] = [];
  const own = bundleDigest(bundle);
  // A cluster with no values of its own gets the environment's bundle: compiled already.
  const reuse = (intent: EnvironmentIntent): CompiledBundle => (intent === env ? bundle : compile(intent));
  for (const variant of bundleVariants(env, reuse)) {
    if (variant.digest === own) continue;
    const difference = bundleDifference(bundle, variant.bundle);
    const nodeCidrs = variant.values.nodeCidrs;
    variants.push({
      clusters: variant.clusters,
      ...(variant.values.cni !== env.cni ? { cni: variant.values.cni } : {}),
      ...(variant.values.dnsMode !== env.dns.mode ? { dnsMode: variant.values.dnsMode } : {}),
      ...(nodeCidrs.join(",") !== [...env.nodeCidrs].sort().join(",") ? { nodeCidrs } : {}),
      ...difference,
    });
  }
  return { clusters, variants };
}
