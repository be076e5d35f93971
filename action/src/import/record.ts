/**
 * The record of what an import replaces: the cluster's policies as they were, one v1 List
 * per namespace under policies/imported/<environment>/ (`replaces:` names the directory).
 * The preview compares with them until the first deploy, the deploy replaces them in safe
 * steps, and the drift watch knows them for what they are.
 */
import { stringify } from "yaml";
import type { InputError } from "../manifests/input-error.js";
import { parseKubeObjects } from "../manifests/parse.js";
import type { IntentFile } from "../intent/load.js";
import type { SourceRef } from "../intent/model.js";
import type { CiliumNetworkPolicy, NetworkPolicy, PolicyObject } from "../k8s/types.js";

/** Annotations the API server or kubectl add, which say nothing about the policy. */
const NOISE = ["kubectl.kubernetes.io/last-applied-configuration"];

/** An object as the record keeps it: kind, name, namespace, labels, annotations and spec. */
export function recordedManifest(object: PolicyObject): PolicyObject {
  const { name, namespace, labels, annotations } = object.metadata;
  const kept = Object.fromEntries(Object.entries(annotations ?? {}).filter(([k]) => !NOISE.includes(k)));
  const metadata: PolicyObject["metadata"] = { name, namespace: namespace ?? "default" };
  if (labels && Object.keys(labels).length > 0) metadata.labels = labels;
  if (Object.keys(kept).length > 0) metadata.annotations = kept;
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    metadata,
    spec: structuredClone(object.spec),
  } as PolicyObject;
}

/** The record files of `objects`, one per namespace, paths under `directory` (repository-relative). */
export function recordFiles(
  objects: { object: PolicyObject; source?: SourceRef }[],
  directory: string,
  environment: string,
): IntentFile[] {
  const byNamespace = new Map<string, { object: PolicyObject; source?: SourceRef }[]>();
  for (const o of objects) {
    const ns = o.object.metadata.namespace ?? "default";
    byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), o]);
  }
  const files: IntentFile[] = [];
  for (const [ns, list] of [...byNamespace].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    list.sort((a, b) => (key(a.object) < key(b.object) ? -1 : 1));
    const header = [
      `# The policies of namespace ${ns} that environment ${environment} replaces, as they were`,
      "# in the cluster when netpol-rollout import read them. The preview compares with them",
      "# until the first deploy, which replaces them. Written by netpol-rollout import; not read",
      "# as intent.",
      ...list.flatMap((o) => (o.source ? [`#   ${key(o.object)}: ${o.source.file}:${o.source.line}`] : [])),
    ];
    const body = stringify(
      { apiVersion: "v1", kind: "List", items: list.map((o) => recordedManifest(o.object)) },
      { lineWidth: 0, aliasDuplicateObjects: false },
    );
    files.push({ path: `${directory}/${ns}.yaml`, text: `${header.join("\n")}\n${body}` });
  }
  return files;
}

function key(o: PolicyObject): string {
  return `${o.kind} ${o.metadata.namespace ?? "default"}/${o.metadata.name}`;
}

export interface ReplacedPolicies {
  policies: NetworkPolicy[];
  ciliumPolicies: CiliumNetworkPolicy[];
  sources: ReadonlyMap<object, SourceRef>;
  errors: InputError[];
}

/** Reads a record back (the files `replaces:` names): its NetworkPolicies and CiliumNetworkPolicies. */
export function readReplaced(files: IntentFile[]): ReplacedPolicies {
  const parsed = parseKubeObjects(files.map((f) => ({ path: f.path, text: f.text })));
  const errors = [...parsed.errors];
  for (const s of parsed.skipped) {
    errors.push({
      ...s.source,
      message: `a ${s.kind} in a record of replaced policies (only NetworkPolicy and CiliumNetworkPolicy belong there)`,
    });
  }
  for (const o of [...parsed.pods, ...parsed.namespaces, ...parsed.services]) {
    const at = parsed.sources.get(o);
    if (at)
      errors.push({
        ...at,
        message: "only NetworkPolicy and CiliumNetworkPolicy belong in a record of replaced policies",
      });
  }
  return {
    policies: parsed.policies,
    ciliumPolicies: parsed.ciliumPolicies,
    sources: parsed.sources,
    errors,
  };
}
