/**
 * The rollout plan of one stack: which compiled objects a deploy registers, in which stage,
 * and what each must wait for. Pure: no Pulumi, no I/O, so the rules that keep a rollout
 * safe are tested on plain data.
 *
 * The safety rules:
 * - every `deny` object (the namespace default-deny) depends on ALL `allow` objects of its
 *   namespace (allow-dns and the service policies), so on create the allows exist before
 *   pods are isolated, and on delete Pulumi removes the deny before any allow (the engine
 *   deletes dependents before their dependencies);
 * - stage `allow` leaves the deny objects out, so an existing default-deny is deleted while
 *   the allows stay;
 * - nothing is ever deployed in a `kube-*` or excluded namespace, and nothing that does not
 *   carry our managed-by label: the plan refuses the whole bundle before anything is
 *   registered, whatever produced it (the compiler or a recorded bundle file).
 */
import type { CompiledBundle, CompiledObject, RolloutStage } from "../compile/types.js";
import { ENVIRONMENT_LABEL, MANAGED_BY_LABEL, MANAGED_BY_VALUE, STAGE_LABEL } from "../compile/types.js";
import { isKubeNamespace } from "../intent/model.js";
import type { DeployStage } from "./stages.js";

/** The kinds a bundle may hold, by apiVersion. */
const ALLOWED_KINDS: Record<string, string> = {
  NetworkPolicy: "networking.k8s.io/v1",
  CiliumNetworkPolicy: "cilium.io/v2",
};

export interface PlannedResource {
  /** Pulumi logical name: `<namespace>/<name>` (stable across deploys). */
  logicalName: string;
  /** `<kind>/<namespace>/<name>`: unique in a plan. */
  key: string;
  kind: "NetworkPolicy" | "CiliumNetworkPolicy";
  stage: RolloutStage;
  object: CompiledObject;
  /** Keys of the resources that must exist before this one (for a deny: every allow of its namespace). */
  dependsOn: string[];
}

export interface StageCounts {
  allow: number;
  deny: number;
}

export interface RolloutPlan {
  environment: string;
  stage: DeployStage;
  /** The bundle as given (compiled from the intent or read from a recorded file). */
  source: CompiledBundle;
  /** What this deploy registers: `source` without its deny objects for stage allow. */
  deployed: CompiledBundle;
  /** Allows before denies within each namespace; namespaces in bundle order. */
  resources: PlannedResource[];
  /** Per namespace, how many objects of each stage are deployed. */
  counts: Record<string, StageCounts>;
}

/** The bundle cannot be deployed; nothing was registered. Every reason is listed. */
export class RolloutRefusedError extends Error {
  override name = "RolloutRefusedError";
  constructor(
    readonly problems: string[],
    readonly origin: string,
  ) {
    super(
      `refusing to deploy ${origin}: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n` +
        problems.map((p) => `  - ${p}`).join("\n"),
    );
  }
}

export interface PlanOptions {
  /** The stack's environment; the bundle must be of this environment. */
  environment: string;
  stage: DeployStage;
  /** Namespaces never to be touched besides `kube-*` (the environment's excludedNamespaces). */
  excludedNamespaces: readonly string[];
  /** Names the bundle in refusals, e.g. "the compiled intent of production" or a file path. */
  origin: string;
}

export function logicalNameOf(object: CompiledObject): string {
  return `${object.manifest.metadata.namespace ?? ""}/${object.manifest.metadata.name}`;
}

export function objectKeyOf(object: CompiledObject): string {
  return `${object.manifest.kind}/${logicalNameOf(object)}`;
}

/**
 * Every reason the bundle must not be deployed on a stack of `environment`, in bundle order.
 * Empty when it may be deployed.
 */
export function bundleProblems(
  bundle: CompiledBundle,
  environment: string,
  excludedNamespaces: readonly string[],
): string[] {
  const problems: string[] = [];
  if (bundle.environment !== environment) {
    problems.push(
      `the bundle is of environment "${bundle.environment}" but this stack deploys "${environment}"`,
    );
  }
  const seen = new Set<string>();
  bundle.objects.forEach((object, index) => {
    const manifest = object.manifest;
    const metadata = manifest.metadata;
    const where = `object ${index + 1} (${manifest.kind} ${metadata.namespace ?? "<no namespace>"}/${metadata.name})`;
    const expectedApiVersion = ALLOWED_KINDS[manifest.kind];
    if (expectedApiVersion === undefined) {
      problems.push(`${where}: kind ${manifest.kind} is not a network policy kind netpol-rollout deploys`);
    } else if (manifest.apiVersion !== expectedApiVersion) {
      problems.push(`${where}: apiVersion ${manifest.apiVersion} (expected ${expectedApiVersion})`);
    }
    const namespace = metadata.namespace;
    if (namespace === undefined || namespace === "") {
      problems.push(`${where}: has no namespace`);
    } else if (isKubeNamespace(namespace)) {
      problems.push(`${where}: namespace ${namespace} is a kube-* namespace, which is never managed`);
    } else if (excludedNamespaces.includes(namespace)) {
      problems.push(`${where}: namespace ${namespace} is in the environment's excludedNamespaces`);
    }
    const labels = metadata.labels ?? {};
    if (labels[MANAGED_BY_LABEL] !== MANAGED_BY_VALUE) {
      problems.push(
        `${where}: lacks the label ${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE}, so it is not ours to manage`,
      );
    }
    const envLabel = labels[ENVIRONMENT_LABEL];
    if (envLabel !== undefined && envLabel !== environment) {
      problems.push(
        `${where}: label ${ENVIRONMENT_LABEL}=${envLabel} does not match environment ${environment}`,
      );
    }
    if (object.stage !== "allow" && object.stage !== "deny") {
      problems.push(`${where}: stage ${String(object.stage)} is neither allow nor deny`);
    }
    const stageLabel = labels[STAGE_LABEL];
    if (stageLabel !== undefined && stageLabel !== object.stage) {
      problems.push(`${where}: label ${STAGE_LABEL}=${stageLabel} contradicts its stage ${object.stage}`);
    }
    const key = objectKeyOf(object);
    if (seen.has(key)) problems.push(`${where}: appears twice`);
    seen.add(key);
  });
  return problems;
}

/** The objects a stage deploys: stage allow drops every deny object. */
export function selectStage(bundle: CompiledBundle, stage: DeployStage): CompiledBundle {
  return stage === "enforce"
    ? bundle
    : { ...bundle, objects: bundle.objects.filter((o) => o.stage === "allow") };
}

/**
 * Plans the deploy of `bundle`, or throws RolloutRefusedError listing every problem. The
 * check covers the whole bundle (deny objects too) even for stage allow: a bundle that
 * would be refused later is refused now.
 */
export function planRollout(bundle: CompiledBundle, options: PlanOptions): RolloutPlan {
  const problems = bundleProblems(bundle, options.environment, options.excludedNamespaces);
  if (problems.length > 0) throw new RolloutRefusedError(problems, options.origin);

  const deployed = selectStage(bundle, options.stage);
  const namespaces: string[] = [];
  const byNamespace = new Map<string, CompiledObject[]>();
  for (const object of deployed.objects) {
    const namespace = object.manifest.metadata.namespace as string;
    let list = byNamespace.get(namespace);
    if (list === undefined) {
      list = [];
      byNamespace.set(namespace, list);
      namespaces.push(namespace);
    }
    list.push(object);
  }

  const resources: PlannedResource[] = [];
  const counts: Record<string, StageCounts> = {};
  for (const namespace of namespaces) {
    const objects = byNamespace.get(namespace) ?? [];
    const allows = objects.filter((o) => o.stage === "allow");
    const denies = objects.filter((o) => o.stage === "deny");
    const allowKeys = allows.map(objectKeyOf);
    for (const object of allows) resources.push(toResource(object, []));
    for (const object of denies) resources.push(toResource(object, allowKeys));
    counts[namespace] = { allow: allows.length, deny: denies.length };
  }
  return {
    environment: options.environment,
    stage: options.stage,
    source: bundle,
    deployed,
    resources,
    counts,
  };
}

function toResource(object: CompiledObject, dependsOn: string[]): PlannedResource {
  return {
    logicalName: logicalNameOf(object),
    key: objectKeyOf(object),
    kind: object.manifest.kind,
    stage: object.stage,
    object,
    dependsOn,
  };
}
