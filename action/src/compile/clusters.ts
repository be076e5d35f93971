/**
 * An environment's intent per cluster. Every cluster gets the whole intent; a cluster's own
 * `cni`, DNS mode and `nodeCidrs` replace the environment's there, so clusters may get
 * different policies. Clusters are grouped by the bundle they get ("variants"), compiled once
 * per distinct set of per-cluster values, so everything that works per bundle (a preview, a
 * plan) runs once per variant, never once per cluster.
 */
import { CNI_PROFILES } from "../cni/profiles.js";
import type { ClusterIntent, EnvironmentIntent } from "../intent/model.js";
import { bundleDigest, objectKey } from "./bundle.js";
import { canonicalJson } from "./canonical.js";
import type { CompiledBundle } from "./types.js";

/** The environment's intent as it applies on `cluster`. The environment itself when nothing differs. */
export function clusterEnvironment(env: EnvironmentIntent, cluster: ClusterIntent): EnvironmentIntent {
  if (cluster.cni === undefined && cluster.nodeCidrs === undefined) return env;
  const profile = cluster.cni === undefined ? env.profile : CNI_PROFILES[cluster.cni];
  const out: EnvironmentIntent = {
    ...env,
    cni: profile.name,
    profile,
    dns: { ...env.dns, mode: cluster.dnsMode ?? env.dns.mode },
    nodeCidrs: cluster.nodeCidrs ?? env.nodeCidrs,
  };
  // The health-check rules point at the cluster that sets its own nodeCidrs.
  if (cluster.nodeCidrs !== undefined) out.nodeCidrsSource = cluster.source;
  return out;
}

/** The per-cluster values that decide a cluster's bundle, resolved against the environment's. */
export function clusterValues(env: EnvironmentIntent, cluster: ClusterIntent): ClusterValues {
  const own = clusterEnvironment(env, cluster);
  return { cni: own.cni, dnsMode: own.dns.mode, nodeCidrs: [...own.nodeCidrs].sort() };
}

export interface ClusterValues {
  cni: string;
  dnsMode: "strict" | "safe";
  nodeCidrs: string[];
}

export interface BundleVariant {
  digest: string;
  /** The clusters that get this bundle, in listed order; empty for an environment without clusters. */
  clusters: string[];
  /** The values of the first of them. */
  values: ClusterValues;
  intent: EnvironmentIntent;
  bundle: CompiledBundle;
}

/**
 * The distinct bundles of an environment's clusters, in the order their first cluster is
 * listed. `compile` runs once per distinct set of values; two sets of values that give the
 * same policies (nodeCidrs on a profile that does not use them) are one variant.
 */
export function bundleVariants(
  env: EnvironmentIntent,
  compile: (env: EnvironmentIntent) => CompiledBundle,
): BundleVariant[] {
  const clusters = env.clusters ?? [];
  if (clusters.length === 0) {
    const bundle = compile(env);
    const values = { cni: env.cni, dnsMode: env.dns.mode, nodeCidrs: [...env.nodeCidrs].sort() };
    return [{ digest: bundleDigest(bundle), clusters: [], values, intent: env, bundle }];
  }
  const byValues = new Map<string, BundleVariant>();
  const byDigest = new Map<string, BundleVariant>();
  const out: BundleVariant[] = [];
  for (const cluster of clusters) {
    const values = clusterValues(env, cluster);
    const key = canonicalJson(values);
    let variant = byValues.get(key);
    if (!variant) {
      const intent = clusterEnvironment(env, cluster);
      const bundle = compile(intent);
      const digest = bundleDigest(bundle);
      variant = byDigest.get(digest);
      if (!variant) {
        variant = { digest, clusters: [], values, intent, bundle };
        byDigest.set(digest, variant);
        out.push(variant);
      }
      byValues.set(key, variant);
    }
    variant.clusters.push(cluster.name);
  }
  return out;
}

/** What `to` has that `from` has not, by object: keys added, removed, and changed in content. */
export interface BundleDifference {
  added: string[];
  removed: string[];
  changed: string[];
}

export function bundleDifference(from: CompiledBundle, to: CompiledBundle): BundleDifference {
  const before = new Map(from.objects.map((o) => [objectKey(o), canonicalJson(o.manifest)]));
  const after = new Map(to.objects.map((o) => [objectKey(o), canonicalJson(o.manifest)]));
  const out: BundleDifference = { added: [], removed: [], changed: [] };
  for (const [key, text] of after) {
    const old = before.get(key);
    if (old === undefined) out.added.push(key);
    else if (old !== text) out.changed.push(key);
  }
  for (const key of before.keys()) if (!after.has(key)) out.removed.push(key);
  return out;
}
