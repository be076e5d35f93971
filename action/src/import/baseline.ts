/**
 * The baseline of an environment that replaces a cluster's own policies (`replaces:`):
 * those policies as the record holds them, as a bundle the semantic diff compares with. The
 * first pull request of an import is judged against what the cluster enforces, not against
 * nothing: an exact import shows no connectivity change.
 */
import type { CompiledBundle, CompiledObject } from "../compile/types.js";
import type { InputError } from "../manifests/input-error.js";
import type { EnvironmentIntent } from "../intent/model.js";
import type { PolicyObject } from "../k8s/types.js";
import { readReplaced } from "./record.js";

export type Baseline =
  { ok: true; bundle: CompiledBundle; policies: number } | { ok: false; errors: InputError[] };

/** The replaced policies of `env` from `files` (the files of its revision), as a bundle. */
export function replacedBaseline(
  env: EnvironmentIntent,
  files: { path: string; text: string }[],
): Baseline | undefined {
  if (!env.replaces) return undefined;
  const wanted = new Set(env.replaces.files);
  const record = readReplaced(files.filter((f) => wanted.has(f.path)));
  if (record.errors.length > 0) return { ok: false, errors: record.errors };
  const objects: CompiledObject[] = [];
  const add = (manifest: PolicyObject, rules: { ingress: number; egress: number }): void => {
    const source = record.sources.get(manifest);
    const origins = source ? [source] : [];
    objects.push({
      // What the cluster has is judged as it is; stages matter only to what deploys.
      stage: "allow",
      manifest,
      origins,
      ruleOrigins: {
        ingress: Array.from({ length: rules.ingress }, () => origins),
        egress: Array.from({ length: rules.egress }, () => origins),
      },
    });
  };
  for (const np of record.policies)
    add(np, { ingress: np.spec.ingress?.length ?? 0, egress: np.spec.egress?.length ?? 0 });
  // CiliumNetworkPolicies are enforced only where the CNI is Cilium.
  if (env.cni === "cilium") {
    for (const cnp of record.ciliumPolicies) {
      const spec = cnp.spec as { ingress?: unknown[]; egress?: unknown[] };
      add(cnp, { ingress: spec.ingress?.length ?? 0, egress: spec.egress?.length ?? 0 });
    }
  }
  return { ok: true, bundle: { environment: env.name, cni: env.cni, objects }, policies: objects.length };
}
