/**
 * The access pre-flight of deploy, rollback and drift: before the first change, ask the API
 * server whether the identity may do each thing the run needs (access/needs.ts, one
 * SelfSubjectAccessReview per verb and object), then create one run object and one probe
 * pod per probe namespace as a server-side dry run, so admission (the probe policy, Pod
 * Security) and quota judge exactly what the run will create. Every problem is collected;
 * the caller refuses the run when there is any. Nothing is created.
 */
import type { EnvironmentIntent } from "../intent/model.js";
import { escapeMarkdown } from "../text/escape.js";
import type { AccessQuestion, AccessReviewer } from "../ports/access.js";
import { ClusterError, type ConfigMapObject } from "../ports/cluster.js";
import { buildProbePod, buildRunObject, runObjectName, withOwnerUid } from "../probe/pod.js";
import type { ProbePodOptions } from "../probe/types.js";
import {
  accessRequests,
  environmentGrants,
  probeNamespaces,
  probeSourceLabels,
  ruleText,
  type AccessRequest,
  type AccessRole,
  type AccessRule,
  type Grant,
} from "../access/needs.js";

export interface AccessPreflightDeps {
  reviewer: AccessReviewer;
  stateNamespace: string;
  /** The probe pods' settings, as the run will build them. */
  probePods: Partial<ProbePodOptions>;
  /** Names the dry-run objects (a DNS label, at most 40 characters). */
  runId: string;
  /** Reviews asked at once. Default 8. */
  concurrency?: number;
}

export interface AccessPreflightResult {
  /** The identity's username, when the API server said. */
  identity?: string;
  /** Access reviews asked. */
  asked: number;
  /** Namespaces where a probe pod and its run object were tried (dry run). */
  tried: string[];
  /** Each missing rule and each refusal, one line each. */
  problems: string[];
  /** What was not tried, and why. */
  notes: string[];
}

/** Checks what `role`'s runs of `environments` need. Never throws for a refusal: the result lists it. */
export async function checkAccess(
  environments: readonly EnvironmentIntent[],
  role: AccessRole,
  deps: AccessPreflightDeps,
): Promise<AccessPreflightResult> {
  const grants = environments.flatMap((env) =>
    environmentGrants(env, { stateNamespace: deps.stateNamespace }),
  );
  const requests = unique(accessRequests(grants, role));
  const result: AccessPreflightResult = { asked: requests.length, tried: [], problems: [], notes: [] };
  const [identity, answers] = await Promise.all([
    deps.reviewer.whoAmI(),
    mapLimit(requests, deps.concurrency ?? 8, async (request) => {
      try {
        return (await deps.reviewer.review(question(request))).allowed;
      } catch (error) {
        return error instanceof ClusterError ? error : Promise.reject(error);
      }
    }),
  ]);
  if (identity !== undefined) result.identity = identity;

  // One line per rule of a grant: the verbs and names it lacks.
  const missing = new Map<
    string,
    { grant: Grant; rule: AccessRule; verbs: Set<string>; names: Set<string> }
  >();
  const denied = new Set<string>();
  requests.forEach((request, i) => {
    const answer = answers[i];
    if (answer instanceof ClusterError) {
      result.problems.push(`cannot ask whether it may ${describe(request)}: ${answer.message}`);
      return;
    }
    if (answer) return;
    denied.add(key(request.verb, request.group, request.resource, request.namespace));
    const k = `${request.grant.namespace ?? ""}\0${request.grant.name}\0${ruleText(request.rule)}`;
    const entry = missing.get(k) ?? {
      grant: request.grant,
      rule: request.rule,
      verbs: new Set(),
      names: new Set(),
    };
    entry.verbs.add(request.verb);
    if (request.name !== undefined) entry.names.add(request.name);
    missing.set(k, entry);
  });
  for (const { grant, rule, verbs, names } of missing.values()) {
    const lacking: AccessRule = {
      ...rule,
      verbs: rule.verbs.filter((v) => verbs.has(v)),
      ...(rule.resourceNames ? { resourceNames: rule.resourceNames.filter((n) => names.has(n)) } : {}),
    };
    const where =
      grant.namespace === undefined ? "cluster-wide (a ClusterRole)" : `in namespace ${grant.namespace}`;
    result.problems.push(
      `missing ${ruleText(lacking)} ${where}, for ${grant.purpose} (${grant.namespace === undefined ? "ClusterRole" : "Role"} ${grant.name})`,
    );
  }

  // One run object and one probe pod per namespace probes start from, judged, not stored.
  const namespaces = new Map<string, EnvironmentIntent>();
  for (const env of environments)
    for (const ns of probeNamespaces(env)) if (!namespaces.has(ns)) namespaces.set(ns, env);
  const run = { id: deps.runId, environment: environments.map((e) => e.name).join(",") };
  await mapLimit([...namespaces], deps.concurrency ?? 8, async ([namespace, env]) => {
    if (
      denied.has(key("create", "", "configmaps", namespace)) ||
      denied.has(key("create", "", "pods", namespace))
    ) {
      result.notes.push(`no probe pod was tried in ${namespace}: the identity may not create it`);
      return;
    }
    const problem = await tryProbePod(
      deps,
      { ...run, environment: env.name },
      namespace,
      probeSourceLabels(env, namespace),
    );
    if (problem === "no-namespace") {
      result.notes.push(`namespace ${namespace} does not exist: its probes are planned as cannot-check`);
    } else if (problem !== undefined) {
      result.problems.push(problem);
    } else result.tried.push(namespace);
  });
  result.tried.sort();
  return result;
}

/** A dry-run create of a run object, then of a probe pod owned by it; what refused, if anything. */
async function tryProbePod(
  deps: AccessPreflightDeps,
  run: { id: string; environment: string },
  namespace: string,
  labels: Record<string, string>,
): Promise<string | undefined> {
  const runObject = buildRunObject(run, namespace);
  let owner: ConfigMapObject;
  try {
    owner = await deps.reviewer.dryRunCreateConfigMap(runObject);
  } catch (error) {
    return refusal(error, `a probe run object (ConfigMap ${runObject.metadata.name})`, namespace);
  }
  const pod = buildProbePod({ namespace, labels, pod: `${runObjectName(run)}-pod` }, [], run, deps.probePods);
  try {
    // A dry run stores nothing, but answers with the uid the object would have had.
    await deps.reviewer.dryRunCreatePod(withOwnerUid(pod, owner.metadata.uid || `${run.id}-owner`));
  } catch (error) {
    return refusal(error, `a probe pod (image ${imageOf(pod.spec)})`, namespace);
  }
  return undefined;
}

function refusal(error: unknown, what: string, namespace: string): string | "no-namespace" {
  if (!(error instanceof ClusterError)) throw error;
  if (error.name === "NotFoundError") return "no-namespace";
  const reason =
    error.name === "AdmissionError"
      ? (error as ClusterError & { serverMessage: string }).serverMessage
      : error.message;
  return `${error.name === "AdmissionError" ? "refused" : "failed"}: ${what} in namespace ${namespace} (server-side dry run, nothing was created): ${reason}`;
}

function imageOf(spec: Record<string, unknown>): string {
  return String((spec["containers"] as { image?: string }[] | undefined)?.[0]?.image ?? "");
}

function question(r: AccessRequest): AccessQuestion {
  return {
    verb: r.verb,
    group: r.group,
    resource: r.resource,
    ...(r.subresource ? { subresource: r.subresource } : {}),
    ...(r.namespace !== undefined ? { namespace: r.namespace } : {}),
    ...(r.name !== undefined ? { name: r.name } : {}),
  };
}

function describe(r: AccessRequest): string {
  const resource = r.subresource ? `${r.resource}/${r.subresource}` : r.resource;
  const where = r.namespace === undefined ? "in every namespace" : `in namespace ${r.namespace}`;
  return `${r.verb} ${resource}${r.name ? ` "${r.name}"` : ""} ${where}`;
}

function key(verb: string, group: string, resource: string, namespace: string | undefined): string {
  return `${verb}\0${group}\0${resource}\0${namespace ?? ""}`;
}

/** The same question asked for two environments (the shared ClusterRole, a shared namespace) once. */
function unique(requests: AccessRequest[]): AccessRequest[] {
  const seen = new Set<string>();
  return requests.filter((r) => {
    const k = `${key(r.verb, r.group, r.resource, r.namespace)}\0${r.subresource ?? ""}\0${r.name ?? ""}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** `fn` over `items`, at most `limit` at once, results in order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The refusal, for the job summary (markdown) and the step's error (text). */
export function accessRefusal(
  command: string,
  environments: readonly string[],
  result: AccessPreflightResult,
): { markdown: string; text: string } {
  const who = result.identity ? `the identity ${result.identity}` : "the kubeconfig's identity";
  const fix = environments.map((e) => `netpol-rollout rbac --env ${e}`).join(", ");
  const head = `${command} refused before any change: ${who} lacks what the run needs (${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}); ${fix} prints every grant it needs`;
  return {
    markdown: [
      `## netpol-rollout ${command}: ❌ refused, the identity lacks what the run needs`,
      "",
      `Nothing was changed. ${who[0]?.toUpperCase()}${who.slice(1)} was asked about ${result.asked} permissions (SelfSubjectAccessReview), and a probe pod and its run object were created as a server-side dry run in ${result.tried.length} namespace${result.tried.length === 1 ? "" : "s"}. \`${fix}\` prints what it needs.`,
      "",
      ...result.problems.map((p) => `- ${escapeMarkdown(p)}`),
      ...(result.notes.length > 0 ? ["", ...result.notes.map((n) => `- note: ${escapeMarkdown(n)}`)] : []),
    ].join("\n"),
    text: [head, ...result.problems.map((p) => `  - ${p}`)].join("\n"),
  };
}
