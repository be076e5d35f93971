/**
 * A compiled bundle as bytes: its digest (what a deploy records as last-known-good) and its
 * YAML and JSON renderings (what `netpol-rollout render` prints and what kubectl applies).
 */
import { createHash } from "node:crypto";
import { stringify } from "yaml";
import type { PolicyObject } from "../k8s/types.js";
import { canonicalJson } from "./canonical.js";
import type { CompiledBundle, CompiledObject } from "./types.js";

/**
 * `sha256:<hex>` of the canonical JSON (sorted keys, no whitespace) of the manifests in
 * bundle order. Stages and environment are in the manifests' labels; origins are not part
 * of it, so moving a flow to another line of the intent does not change the digest.
 */
export function bundleDigest(bundle: CompiledBundle): string {
  const text = canonicalJson(bundle.objects.map((o) => o.manifest));
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}

/** `<kind>/<namespace>/<name>`, e.g. `NetworkPolicy/production/api-ingress`. */
export function objectKey(obj: CompiledObject | PolicyObject): string {
  const manifest = "manifest" in obj ? obj.manifest : obj;
  return `${manifest.kind}/${manifest.metadata.namespace ?? ""}/${manifest.metadata.name}`;
}

/**
 * The manifest with the conventional top-level key order (apiVersion, kind, metadata, spec)
 * and metadata order (name, namespace, labels, annotations), whatever order it was built or
 * parsed in. Nested keys keep their order: the compiler builds them sorted.
 */
export function orderedManifest(manifest: PolicyObject): Record<string, unknown> {
  const { apiVersion, kind, metadata, spec, ...rest } = manifest as PolicyObject & Record<string, unknown>;
  const { name, namespace, labels, annotations, ...metaRest } = metadata;
  const orderedMeta: Record<string, unknown> = { name };
  if (namespace !== undefined) orderedMeta["namespace"] = namespace;
  if (labels !== undefined) orderedMeta["labels"] = labels;
  if (annotations !== undefined) orderedMeta["annotations"] = annotations;
  return { apiVersion, kind, metadata: { ...orderedMeta, ...metaRest }, spec, ...rest };
}

/** One manifest as a YAML document (no leading `---`), kubectl style (sequences not indented). */
export function renderObjectYaml(manifest: PolicyObject): string {
  // lineWidth 0: never fold long strings (annotations, CIDR lists) across lines.
  // aliasDuplicateObjects false: a value object reused in two places is written out twice,
  // never as a YAML anchor and alias (which kubectl accepts but reviewers should not meet).
  return stringify(orderedManifest(manifest), {
    indentSeq: false,
    lineWidth: 0,
    aliasDuplicateObjects: false,
  });
}

/** Multi-document YAML, one document per object in bundle order, separated by `---`. */
export function renderYaml(bundle: CompiledBundle): string {
  return bundle.objects.map((o) => `---\n${renderObjectYaml(o.manifest)}`).join("");
}

/** One manifest as pretty JSON with a trailing newline. */
export function renderObjectJson(manifest: PolicyObject): string {
  return `${JSON.stringify(orderedManifest(manifest), null, 2)}\n`;
}

/** A `v1` List of every manifest, as `kubectl apply -f` accepts it. */
export function renderJson(bundle: CompiledBundle): string {
  const list = {
    apiVersion: "v1",
    kind: "List",
    items: bundle.objects.map((o) => orderedManifest(o.manifest)),
  };
  return `${JSON.stringify(list, null, 2)}\n`;
}
