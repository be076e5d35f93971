/**
 * What the Pulumi engine's events say happened: the resource operations of a preview, the
 * steps an update completed, and how a resource is named in messages (kind, namespace/name,
 * its intent line from the source annotation).
 */
import type { EngineEvent } from "@pulumi/pulumi/automation/index.js";
import type { CompletedStep, ResourceOperation } from "../rollout/engine.js";
import { SOURCE_ANNOTATION } from "../compile/types.js";

/** Kubernetes type tokens are `kubernetes:<group>/<version>:<Kind>` (core is `kubernetes:core/v1:…`). */
const K8S_TYPE = /^kubernetes:[^:]+:([A-Za-z0-9]+)$/;

/** When one URN has several steps (a replacement), the one that names the whole change wins. */
const OP_PRIORITY: Record<string, number> = {
  replace: 5,
  "create-replacement": 4,
  "delete-replaced": 3,
  "discard-replaced": 2,
  "import-replacement": 2,
  "read-replacement": 2,
};

type StepMetadata = NonNullable<EngineEvent["resourcePreEvent"]>["metadata"];

/**
 * The resource operations a preview's engine events describe, one per resource, in the
 * order the engine first mentioned them. The stack resource and unchanged or newly created
 * providers are left out (they are Pulumi's bookkeeping, not cluster objects).
 */
export function operationsFromEvents(events: readonly EngineEvent[]): ResourceOperation[] {
  const byUrn = new Map<string, { op: ResourceOperation; priority: number }>();
  for (const event of events) {
    const metadata = event.resourcePreEvent?.metadata;
    if (!metadata) continue;
    const op = operationOf(metadata);
    if (!op) continue;
    const priority = OP_PRIORITY[op.op] ?? 1;
    const known = byUrn.get(metadata.urn);
    if (!known) {
      byUrn.set(metadata.urn, { op, priority });
    } else if (priority > known.priority) {
      byUrn.set(metadata.urn, {
        op: { ...op, changedKeys: union(known.op.changedKeys, op.changedKeys) },
        priority,
      });
    } else {
      known.op.changedKeys = union(known.op.changedKeys, op.changedKeys);
    }
  }
  return [...byUrn.values()].map((v) => v.op);
}

export function operationOf(m: StepMetadata): ResourceOperation | undefined {
  // The refresh an update starts with reads each object from the cluster, and the program
  // reads objects it does not manage (kube-system, for the cluster's identity): no change.
  if (m.op === "refresh" || m.op === "read") return undefined;
  const type = m.type || typeFromUrn(m.urn);
  if (type === "pulumi:pulumi:Stack") return undefined;
  // A provider is bookkeeping when unchanged or first created with a new stack; a provider
  // update or replace stays listed, since it can replace every object it manages.
  if (type.startsWith("pulumi:providers:") && (m.op === "same" || m.op === "create")) return undefined;
  const state = m.new ?? m.old;
  // Component resources (custom is omitted when false) group others; they are no cluster object.
  if (state && state.custom !== true && !type.startsWith("pulumi:providers:")) return undefined;
  const inputs: Record<string, unknown> = isRecord(state?.inputs) ? state.inputs : {};
  const k8sKind = K8S_TYPE.exec(type)?.[1];
  const kind = k8sKind ?? (typeof inputs.kind === "string" && inputs.kind !== "" ? inputs.kind : type);
  return { op: m.op, kind, name: nameOf(inputs, m.urn), changedKeys: changedKeysOf(m) };
}

/** What the engine puts in place of a value it cannot know during a preview. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * "namespace/name" from inputs.metadata, "name" for cluster-scoped objects, else the
 * logical name (also when the name is unknown until the update, e.g. auto-naming).
 */
export function nameOf(inputs: Record<string, unknown>, urn: string): string {
  const metadata = inputs.metadata;
  if (
    isRecord(metadata) &&
    typeof metadata.name === "string" &&
    metadata.name !== "" &&
    metadata.name !== UNKNOWN
  ) {
    return typeof metadata.namespace === "string" &&
      metadata.namespace !== "" &&
      metadata.namespace !== UNKNOWN
      ? `${metadata.namespace}/${metadata.name}`
      : metadata.name;
  }
  const logical = urn.split("::").pop();
  return logical && logical !== "" ? logical : urn;
}

/**
 * Top-level input keys that differ: from `detailedDiff` (property paths like
 * `spec.ingress[0].from` or `metadata.labels["app"]`) when present, else from `diffs`.
 */
function changedKeysOf(m: StepMetadata): string[] {
  const paths = m.detailedDiff ? Object.keys(m.detailedDiff) : (m.diffs ?? []);
  return union(
    [],
    paths.map((p) => topLevelKey(p)).filter((k) => k !== ""),
  );
}

export function topLevelKey(path: string): string {
  const m = /^(?:\["((?:[^"\\]|\\.)*)"\]|([^.[]*))/.exec(path);
  return m?.[1] ?? m?.[2] ?? path;
}

export function typeFromUrn(urn: string): string {
  // urn:pulumi:<stack>::<project>::<parent types$>type::<name>
  const parts = urn.split("::");
  const types = parts[2] ?? "";
  return types.split("$").pop() ?? "";
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * The resource steps the engine completed (ResOutputs events), in order; the stack itself
 * left out, and the refresh that reads the cluster before an update (it changes nothing).
 */
export function completedSteps(events: readonly EngineEvent[]): CompletedStep[] {
  const out: CompletedStep[] = [];
  for (const event of events) {
    const metadata = event.resOutputsEvent?.metadata;
    if (!metadata) continue;
    const op = operationOf(metadata);
    if (op) out.push({ op: op.op, kind: op.kind, name: op.name });
  }
  return out;
}

export function sourceOf(inputs: Record<string, unknown>): string | undefined {
  const metadata = inputs.metadata;
  const annotations = isRecord(metadata) ? metadata.annotations : undefined;
  const source = isRecord(annotations) ? annotations[SOURCE_ANNOTATION] : undefined;
  return typeof source === "string" && source !== "" ? source : undefined;
}

export function resourceLabel(inputs: Record<string, unknown>, urn: string): string {
  const kind = typeof inputs.kind === "string" && inputs.kind !== "" ? inputs.kind : typeFromUrn(urn);
  return `${kind} ${nameOf(inputs, urn)}`;
}

/** The stack's outputs as the engine reported them (a preview reports those it already knows). */
export function stackOutputsOf(events: readonly EngineEvent[]): Record<string, unknown> {
  let outputs: Record<string, unknown> = {};
  for (const event of events) {
    const m = event.resOutputsEvent?.metadata;
    if (!m || (m.type || typeFromUrn(m.urn)) !== "pulumi:pulumi:Stack") continue;
    if (isRecord(m.new?.outputs)) outputs = m.new.outputs;
  }
  return outputs;
}
