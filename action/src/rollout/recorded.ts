/**
 * Recorded bundles: what a stack's `bundle` output holds, read back from a file to deploy
 * it verbatim (rollback to a last-known-good revision). The reader checks the shape and
 * points every problem at file:line:column; it never throws on bad input. Whether the
 * objects may be deployed at all (namespaces, labels) is the rollout plan's decision.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Node as YamlNode, YAMLMap } from "yaml";
import type { CompiledBundle } from "../compile/types.js";
import type { IntentError } from "../intent/model.js";
import { CNI_PROFILES, isCniProfileName } from "../cni/profiles.js";

/** A compiled bundle as recorded in stack outputs, with what the plan needs to re-check it. */
export interface RecordedBundle extends CompiledBundle {
  /** The environment's excludedNamespaces when it was recorded. */
  excludedNamespaces?: string[];
}

export type RecordedResult = { ok: true; bundle: RecordedBundle } | { ok: false; errors: IntentError[] };

/**
 * Reads a recorded bundle. Accepts the `bundle` output itself (`pulumi stack output bundle
 * --json`) or the whole outputs object (`pulumi stack output --json`), JSON or YAML.
 * `file` names the file in errors.
 */
export function parseRecordedBundle(file: string, text: string): RecordedResult {
  const lineCounter = new LineCounter();
  // The JSON schema: a plain (unquoted) word is an error, as in JSON, not a YAML string.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: "json" });
  const at = (node: YamlNode | null | undefined, message: string, hint?: string): IntentError => {
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col, message, ...(hint === undefined ? {} : { hint }) };
  };

  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          file,
          line: pos.line,
          column: pos.col,
          message: `not valid JSON or YAML: ${firstLine(e.message)}`,
        };
      }),
    };
  }

  let root = doc.contents as YamlNode | null;
  if (!isMap(root)) {
    return {
      ok: false,
      errors: [at(root, "expected a recorded bundle: an object with environment, cni and objects")],
    };
  }
  const wrapped = root.get("bundle", true);
  if (!root.has("objects") && isMap(wrapped)) root = wrapped;
  const map = root as YAMLMap;

  const errors: IntentError[] = [];
  const field = (parent: YAMLMap, key: string) => parent.get(key, true) as YamlNode | undefined;
  const requireString = (parent: YAMLMap, key: string, path: string): void => {
    const node = field(parent, key);
    if (node === undefined) errors.push(at(parent, `${path} is missing`));
    else if (!isScalar(node) || typeof node.value !== "string" || node.value === "")
      errors.push(at(node, `${path} must be a non-empty string`));
  };
  const optionalStringMap = (parent: YAMLMap, key: string, path: string): void => {
    const node = field(parent, key);
    if (node === undefined) return;
    if (!isMap(node)) {
      errors.push(at(node, `${path} must be an object of strings`));
      return;
    }
    for (const pair of node.items) {
      if (!isScalar(pair.value) || typeof pair.value.value !== "string") {
        errors.push(
          at(
            (pair.value as YamlNode | null) ?? node,
            `${path}.${String((pair.key as { value?: unknown })?.value)} must be a string`,
          ),
        );
      }
    }
  };

  requireString(map, "environment", "environment");
  const cni = field(map, "cni");
  if (cni === undefined) errors.push(at(map, "cni is missing"));
  else if (!isScalar(cni) || typeof cni.value !== "string" || !isCniProfileName(cni.value))
    errors.push(at(cni, `cni must be one of ${Object.keys(CNI_PROFILES).join(", ")}`));
  const denials = field(map, "denials");
  if (
    denials !== undefined &&
    (!isScalar(denials) || (denials.value !== "drop" && denials.value !== "reject"))
  )
    errors.push(at(denials, "denials must be drop or reject"));

  const excluded = field(map, "excludedNamespaces");
  if (excluded !== undefined) {
    if (!isSeq(excluded)) errors.push(at(excluded, "excludedNamespaces must be a list of namespace names"));
    else
      excluded.items.forEach((item, i) => {
        if (!isScalar(item) || typeof item.value !== "string")
          errors.push(at(item as YamlNode, `excludedNamespaces[${i}] must be a string`));
      });
  }

  const objects = field(map, "objects");
  if (objects === undefined) errors.push(at(map, "objects is missing"));
  else if (!isSeq(objects)) errors.push(at(objects, "objects must be a list"));
  else {
    objects.items.forEach((item, i) => {
      const path = `objects[${i}]`;
      const node = item as YamlNode;
      if (!isMap(node)) {
        errors.push(at(node, `${path} must be an object with stage and manifest`));
        return;
      }
      const stage = field(node, "stage");
      if (stage === undefined) errors.push(at(node, `${path}.stage is missing`));
      else if (!isScalar(stage) || (stage.value !== "allow" && stage.value !== "deny"))
        errors.push(at(stage, `${path}.stage must be allow or deny`));
      const origins = field(node, "origins");
      if (origins !== undefined && !isSeq(origins))
        errors.push(at(origins, `${path}.origins must be a list`));
      const manifest = field(node, "manifest");
      if (manifest === undefined) {
        errors.push(at(node, `${path}.manifest is missing`));
        return;
      }
      if (!isMap(manifest)) {
        errors.push(at(manifest, `${path}.manifest must be a Kubernetes object`));
        return;
      }
      requireString(manifest, "apiVersion", `${path}.manifest.apiVersion`);
      requireString(manifest, "kind", `${path}.manifest.kind`);
      const metadata = field(manifest, "metadata");
      if (metadata === undefined) errors.push(at(manifest, `${path}.manifest.metadata is missing`));
      else if (!isMap(metadata)) errors.push(at(metadata, `${path}.manifest.metadata must be an object`));
      else {
        requireString(metadata, "name", `${path}.manifest.metadata.name`);
        requireString(metadata, "namespace", `${path}.manifest.metadata.namespace`);
        optionalStringMap(metadata, "labels", `${path}.manifest.metadata.labels`);
        optionalStringMap(metadata, "annotations", `${path}.manifest.metadata.annotations`);
      }
      const spec = field(manifest, "spec");
      if (spec === undefined) errors.push(at(manifest, `${path}.manifest.spec is missing`));
      else if (!isMap(spec)) errors.push(at(spec, `${path}.manifest.spec must be an object`));
    });
  }

  if (errors.length > 0) return { ok: false, errors };
  // Verbatim: every field of every object is kept (e.g. ruleOrigins), only origins defaulted.
  const value = map.toJSON() as RecordedBundle;
  const bundle: RecordedBundle = {
    environment: value.environment,
    cni: value.cni,
    ...(value.denials === undefined ? {} : { denials: value.denials }),
    objects: value.objects.map((o) => ({ ...o, origins: o.origins ?? [] })),
    ...(value.excludedNamespaces === undefined ? {} : { excludedNamespaces: value.excludedNamespaces }),
  };
  return { ok: true, bundle };
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
