/**
 * Safe transitions: from what is live in an environment to a target bundle, the exact object
 * set each rollout step deploys. Pure: the steps are data, so the expected verdicts of every
 * step can be computed on exactly what the cluster will hold while it is probed.
 *
 * The rules (per namespace):
 * - not yet under default-deny: the allows and DNS first (the live allows kept alongside),
 *   probe, then the target set with its default-deny, probe;
 * - already under default-deny: the deny is kept throughout. **Expand** deploys the union of
 *   the live and the target allows, probe; **contract** deploys the target set, probe. A flow
 *   moved from one policy to another is allowed by one of them at every moment;
 * - **break-glass**: a bundle's allows without its default-deny, in chosen namespaces only.
 *
 * One step is one `pulumi up` of the whole environment. Within a step the engine creates a
 * namespace's allows before its deny and deletes the deny before the allows (the deny
 * depends on every allow of its namespace), and it runs every delete after every create and
 * update, so an object that a step replaces under another name is never missing.
 */
import { canonicalJson, compareStrings } from "../compile/canonical.js";
import { objectKey } from "../compile/bundle.js";
import type { CompiledBundle, CompiledObject, RolloutStage } from "../compile/types.js";
import {
  ENVIRONMENT_LABEL,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  SOURCE_ANNOTATION,
  STAGE_LABEL,
} from "../compile/types.js";
import type { PolicyObject } from "../k8s/types.js";
import type { SourceRef } from "../intent/model.js";
import { parseSourceAnnotation } from "../semantics/model.js";

/** What a step does to one namespace. */
export type NamespaceAction =
  /** Not under default-deny: the target allows and DNS, the live allows kept; no deny. */
  | "allows"
  /** Under default-deny: live ∪ target allows, the deny kept. */
  | "expand"
  /** Was not under default-deny: the target set, its deny created after its allows. */
  | "enforce"
  /** Was under default-deny and stays so: the target set (allows no longer wanted are removed). */
  | "contract"
  /** Was under default-deny and the target has none (or no objects at all here): the deny goes first. */
  | "lift"
  /** Break-glass: the allows stay, the default-deny is removed. */
  | "break-glass"
  /** Nothing changes in this namespace. */
  | "unchanged";

export type StepKind = "expand" | "contract" | "break-glass";

export interface NamespaceStep {
  namespace: string;
  action: NamespaceAction;
  /** Objects of this namespace in the step's set, per stage. */
  allow: number;
  deny: number;
}

export interface TransitionStep {
  kind: StepKind;
  /** The exact objects the environment holds once this step is deployed. */
  bundle: CompiledBundle;
  /** Every namespace the step or the live state has objects in, in name order. */
  namespaces: NamespaceStep[];
}

export interface TransitionPlan {
  environment: string;
  /** The steps to deploy in order; a step equal to the state before it is left out. */
  steps: TransitionStep[];
  /** Namespaces that are under default-deny before the transition. */
  enforcedBefore: string[];
}

/** Suffix of the name under which a target object waits when it cannot be merged with the live one. */
export const NEXT_SUFFIX = ".next";

/** The two objects cannot be merged into one (different kinds or selectors, or a name too long). */
export class TransitionError extends Error {
  override name = "TransitionError";
}

/** `namespace` of an object (always set for what netpol-rollout deploys). */
export function namespaceOf(object: CompiledObject): string {
  return object.manifest.metadata.namespace ?? "";
}

/** The namespaces that hold a deny object (a default-deny) in `bundle`. */
export function enforcedNamespaces(bundle: CompiledBundle): string[] {
  return unique(bundle.objects.filter((o) => o.stage === "deny").map(namespaceOf));
}

/**
 * The live objects an environment's stack manages, read back from the cluster, as a bundle:
 * only objects labelled managed-by netpol-rollout and of this environment; the stage comes
 * from the stage label; server-set metadata (uid, resourceVersion, managedFields, …) and
 * status are dropped; origins come from the source annotation.
 */
export function liveBundle(
  environment: string,
  cni: CompiledBundle["cni"],
  objects: readonly PolicyObject[],
): CompiledBundle {
  const out: CompiledObject[] = [];
  for (const object of objects) {
    const labels = object.metadata.labels ?? {};
    if (labels[MANAGED_BY_LABEL] !== MANAGED_BY_VALUE) continue;
    if (labels[ENVIRONMENT_LABEL] !== environment) continue;
    const stage: RolloutStage = labels[STAGE_LABEL] === "deny" ? "deny" : "allow";
    const { name, namespace, labels: l, annotations } = object.metadata;
    const manifest = {
      apiVersion: object.apiVersion,
      kind: object.kind,
      metadata: {
        name,
        ...(namespace === undefined ? {} : { namespace }),
        ...(l === undefined ? {} : { labels: { ...l } }),
        ...(annotations === undefined ? {} : { annotations: { ...annotations } }),
      },
      spec: structuredClone(object.spec),
    } as PolicyObject;
    const source = parseSourceAnnotation(annotations?.[SOURCE_ANNOTATION]);
    out.push({ stage, manifest, origins: source === undefined ? [] : [source] });
  }
  return { environment, cni, objects: sortObjects(out) };
}

/**
 * The steps from `live` to `target`. `target` must be deployable (checked by the rollout
 * plan); `live` is what the cluster holds now (see liveBundle), possibly nothing.
 *
 * Step 1 (`expand`): per namespace, live ∪ target allows; the deny where the namespace is
 * under default-deny now. Step 2 (`contract`): exactly `target`. Either is left out when it
 * would deploy what is already there.
 */
export function planTransition(live: CompiledBundle, target: CompiledBundle): TransitionPlan {
  const enforcedBefore = enforcedNamespaces(live);
  const enforcedAfter = new Set(enforcedNamespaces(target));
  const liveByKey = byKey(live.objects);
  const targetByKey = byKey(target.objects);

  const expanded: CompiledObject[] = [];
  for (const object of live.objects) {
    if (object.stage === "deny") {
      expanded.push(object);
      continue;
    }
    const wanted = targetByKey.get(objectKey(object));
    if (wanted === undefined || wanted.stage !== "allow" || sameManifest(object, wanted)) {
      expanded.push(object);
    } else if (mergeable(object, wanted)) {
      expanded.push(mergeObjects(object, wanted));
    } else {
      expanded.push(object, renamed(wanted, `${object.manifest.metadata.name}${NEXT_SUFFIX}`));
    }
  }
  for (const object of target.objects) {
    if (object.stage !== "allow") continue;
    const key = objectKey(object);
    if (!liveByKey.has(key)) expanded.push(object);
  }
  const expandBundle: CompiledBundle = { ...target, objects: sortObjects(dedupe(expanded)) };

  const steps: TransitionStep[] = [];
  if (!sameObjects(expandBundle, live)) {
    steps.push({
      kind: "expand",
      bundle: expandBundle,
      namespaces: describe(live, expandBundle, (ns, before, after) =>
        before === after ? "unchanged" : enforcedBefore.includes(ns) ? "expand" : "allows",
      ),
    });
  }
  const previous = steps.length > 0 ? expandBundle : live;
  if (!sameObjects(target, previous)) {
    steps.push({
      kind: "contract",
      bundle: { ...target, objects: sortObjects([...target.objects]) },
      namespaces: describe(previous, target, (ns, before, after) => {
        if (before === after) return "unchanged";
        const wasEnforced = enforcedBefore.includes(ns);
        if (enforcedAfter.has(ns)) return wasEnforced ? "contract" : "enforce";
        return wasEnforced ? "lift" : "allows";
      }),
    });
  }
  return { environment: target.environment, steps, enforcedBefore };
}

/**
 * Break-glass: `bundle` without the default-deny of `namespaces` (all namespaces when not
 * given); every allow stays, and denies of other namespaces stay.
 */
export function breakGlassStep(
  current: CompiledBundle,
  bundle: CompiledBundle,
  namespaces?: readonly string[],
): TransitionStep {
  const lifted = (o: CompiledObject) =>
    o.stage === "deny" && (namespaces === undefined || namespaces.includes(namespaceOf(o)));
  const result: CompiledBundle = {
    ...bundle,
    objects: sortObjects(bundle.objects.filter((o) => !lifted(o))),
  };
  return {
    kind: "break-glass",
    bundle: result,
    namespaces: describe(current, result, (ns, before, after) => {
      if (before === after) return "unchanged";
      return bundle.objects.some((o) => lifted(o) && namespaceOf(o) === ns) ? "break-glass" : "allows";
    }),
  };
}

/** Whether two bundles hold the same objects (manifests compared as canonical JSON; order ignored). */
export function sameObjects(a: CompiledBundle, b: CompiledBundle): boolean {
  if (a.objects.length !== b.objects.length) return false;
  const left = a.objects.map((o) => canonicalJson(o.manifest)).sort(compareStrings);
  const right = b.objects.map((o) => canonicalJson(o.manifest)).sort(compareStrings);
  return left.every((text, i) => text === right[i]);
}

// --- merging -------------------------------------------------------------------------------

const SELECTOR_FIELD: Record<string, string> = {
  NetworkPolicy: "podSelector",
  CiliumNetworkPolicy: "endpointSelector",
};

/**
 * Two versions of one object can be one object selecting the same pods: with the same
 * selector, a NetworkPolicy (or CiliumNetworkPolicy) allows the union of its rules, and the
 * union of two policies' policyTypes isolates exactly what the two side by side isolate.
 */
function mergeable(a: CompiledObject, b: CompiledObject): boolean {
  const field = SELECTOR_FIELD[a.manifest.kind];
  if (field === undefined || a.manifest.kind !== b.manifest.kind) return false;
  const specA = a.manifest.spec as Record<string, unknown>;
  const specB = b.manifest.spec as Record<string, unknown>;
  const keys = new Set([...Object.keys(specA), ...Object.keys(specB)]);
  // Only rule lists, policyTypes and the selector can be merged; anything else must agree.
  for (const key of keys) {
    if (key === "ingress" || key === "egress" || key === "policyTypes") continue;
    if (canonicalJson(specA[key]) !== canonicalJson(specB[key])) return false;
  }
  return true;
}

/** `live` with the rules of `wanted` it lacks appended; labels and annotations of `wanted`. */
function mergeObjects(live: CompiledObject, wanted: CompiledObject): CompiledObject {
  const a = live.manifest.spec as Record<string, unknown>;
  const b = wanted.manifest.spec as Record<string, unknown>;
  const spec: Record<string, unknown> = { ...b };
  const ruleOrigins = { ingress: [] as SourceRef[][], egress: [] as SourceRef[][] };
  for (const direction of ["ingress", "egress"] as const) {
    const left = asList(a[direction]);
    const right = asList(b[direction]);
    if (a[direction] === undefined && b[direction] === undefined) {
      delete spec[direction];
      continue;
    }
    const seen = new Set(left.map((r) => canonicalJson(r)));
    const merged = [...left];
    const origins = [...(live.ruleOrigins?.[direction] ?? left.map(() => []))];
    right.forEach((rule, i) => {
      const text = canonicalJson(rule);
      if (seen.has(text)) return;
      seen.add(text);
      merged.push(rule);
      origins.push(wanted.ruleOrigins?.[direction][i] ?? []);
    });
    spec[direction] = merged;
    ruleOrigins[direction] = origins;
  }
  if (live.manifest.kind === "NetworkPolicy") {
    const types = new Set([...policyTypesOf(a), ...policyTypesOf(b)]);
    spec["policyTypes"] = ["Ingress", "Egress"].filter((t) => types.has(t));
  }
  const manifest = { ...wanted.manifest, spec } as PolicyObject;
  const merged: CompiledObject = {
    stage: "allow",
    manifest,
    origins: unionSources(live.origins, wanted.origins),
  };
  if (live.ruleOrigins !== undefined || wanted.ruleOrigins !== undefined) merged.ruleOrigins = ruleOrigins;
  return merged;
}

/**
 * A NetworkPolicy's effective policyTypes: as given, else Ingress, plus Egress when the
 * policy has an egress section (the API reference's defaulting rule).
 */
function policyTypesOf(spec: Record<string, unknown>): unknown[] {
  if (Array.isArray(spec["policyTypes"])) return spec["policyTypes"];
  return spec["egress"] === undefined ? ["Ingress"] : ["Ingress", "Egress"];
}

function renamed(object: CompiledObject, name: string): CompiledObject {
  // Object names are DNS-1123 subdomains: at most 253 characters.
  if (name.length > 253) {
    throw new TransitionError(
      `cannot stage ${objectKey(object)} beside its live version: ${name} is longer than 253 characters`,
    );
  }
  return {
    ...object,
    manifest: { ...object.manifest, metadata: { ...object.manifest.metadata, name } } as PolicyObject,
  };
}

// --- helpers ----------------------------------------------------------------------------

function describe(
  before: CompiledBundle,
  after: CompiledBundle,
  action: (namespace: string, before: string, after: string) => NamespaceAction,
): NamespaceStep[] {
  const namespaces = unique([...before.objects.map(namespaceOf), ...after.objects.map(namespaceOf)]);
  return namespaces.map((namespace) => {
    const of = (b: CompiledBundle) => b.objects.filter((o) => namespaceOf(o) === namespace);
    const fingerprint = (objects: CompiledObject[]) =>
      objects
        .map((o) => canonicalJson(o.manifest))
        .sort(compareStrings)
        .join("\n");
    const objects = of(after);
    return {
      namespace,
      action: action(namespace, fingerprint(of(before)), fingerprint(objects)),
      allow: objects.filter((o) => o.stage === "allow").length,
      deny: objects.filter((o) => o.stage === "deny").length,
    };
  });
}

function byKey(objects: readonly CompiledObject[]): Map<string, CompiledObject> {
  return new Map(objects.map((o) => [objectKey(o), o]));
}

function sameManifest(a: CompiledObject, b: CompiledObject): boolean {
  return canonicalJson(a.manifest) === canonicalJson(b.manifest);
}

function dedupe(objects: CompiledObject[]): CompiledObject[] {
  const seen = new Map<string, CompiledObject>();
  for (const object of objects) seen.set(objectKey(object), object);
  return [...seen.values()];
}

/** Bundle order: by namespace, allows before denies, then by name (as the compiler orders). */
export function sortObjects(objects: CompiledObject[]): CompiledObject[] {
  return [...objects].sort(
    (a, b) =>
      compareStrings(namespaceOf(a), namespaceOf(b)) ||
      (a.stage === b.stage ? 0 : a.stage === "allow" ? -1 : 1) ||
      compareStrings(a.manifest.metadata.name, b.manifest.metadata.name) ||
      compareStrings(a.manifest.kind, b.manifest.kind),
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort(compareStrings);
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function unionSources(a: readonly SourceRef[], b: readonly SourceRef[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const s of [...a, ...b]) seen.set(`${s.file}:${s.line}:${s.column}`, s);
  return [...seen.values()];
}
