/**
 * Pre-flight: every check before the first change, for every environment. Any problem
 * refuses the whole rollout, so a refusal changes nothing anywhere.
 *
 * One check asks the engine itself where it would deploy: a stack's own config or a
 * program's own provider may reach another cluster than the kubeconfig and context the
 * probes use, and only the engine knows. A preview (no refresh, nothing changed) reads
 * kube-system through the program's provider; its uid must be the one the probes see.
 */
import type { CompiledBundle } from "../../compile/types.js";
import type { ProbePlan } from "../../probe/types.js";
import type { ClusterState } from "../../k8s/types.js";
import type { EngineTarget } from "../../rollout/engine.js";
import { lastKnownGood, type History } from "../../rollout/last-known-good.js";
import { describeEntry, type RolloutReport } from "../../rollout/outcome.js";
import { liveBundle } from "../../rollout/transitions.js";
import { formatSource } from "../../semantics/explain.js";
import { planCutover, type Cutover } from "../../import/cutover.js";
import { errorMessage } from "../../text/error-message.js";
import { checkObservedTraffic } from "./observed.js";
import { blankOutcome, timelineEntry } from "./outcome-log.js";
import type { RolloutDeps, RolloutRequest, RolloutTarget } from "./request.js";
import { restorable, type Restorable } from "./restore.js";

/** An environment that passed pre-flight, with what was read for it. */
export interface Prepared {
  target: RolloutTarget;
  /** The managed policies the cluster holds now, as a bundle. */
  live: CompiledBundle;
  history: History;
  /** What the probes judge: the cluster as read, without the replaced policies once removed. */
  cluster: ClusterState;
  /** The last-known-good with the intent its re-probe plans from; undefined when there is none to restore. */
  restore?: Restorable;
  /**
   * Said in the outcome: what of the record is trusted, why a last-known-good is not used, and
   * observed traffic a first default-deny blocks when told to go ahead.
   */
  notes: string[];
  /** For an environment that replaces a cluster's own policies: what the deploy removes. */
  cutover?: Cutover;
}

/**
 * Checks every target; problems go to `report.refusals`, and a refused environment's outcome
 * to `report.environments`. Undefined when anything was refused.
 */
export async function preflight(
  request: RolloutRequest,
  deps: RolloutDeps,
  report: RolloutReport,
): Promise<Prepared[] | undefined> {
  let cluster: ClusterState;
  try {
    cluster = await deps.readCluster();
  } catch (error) {
    report.refusals.push(`cannot read the cluster's live state: ${errorMessage(error)}`);
    return undefined;
  }
  const prepared: Prepared[] = [];
  for (const target of request.targets) {
    const env = target.intent.name;
    const problems = missingNamespaces(target, cluster);
    let history: History | undefined;
    try {
      history = await deps.history.read(env);
    } catch (error) {
      problems.push(`cannot read the deploy history (${deps.history.describe(env)}): ${errorMessage(error)}`);
    }
    const live = liveBundle(env, target.bundle.cni, cluster.policies);
    const notes: string[] = [];
    let restore: Restorable | undefined;
    if (history !== undefined) {
      const found = await lastRestorable(request, deps, history, live, problems, notes);
      restore = found;
    }
    if (problems.length === 0 && request.action === "deploy" && request.observed) {
      const observed = checkObservedTraffic(target.intent, target.bundle, live, cluster, request.observed);
      problems.push(...observed.problems);
      notes.push(...observed.notes);
    }
    if (problems.length === 0) problems.push(...(await engineTargetProblems(target, deps, cluster)));
    if (problems.length === 0) {
      try {
        const plan = deps.probes.plan({
          environment: target.intent,
          bundle: target.bundle,
          before: live,
          cluster,
        });
        problems.push(...predictedBlocked(plan, request.action));
      } catch (error) {
        problems.push(`cannot plan the probes: ${errorMessage(error)}`);
      }
    }
    let cutover: Cutover | undefined;
    if (problems.length === 0 && target.replaced && request.action === "deploy") {
      cutover = planCutover({
        replaced: target.replaced,
        live: cluster.policies,
        pods: cluster.pods,
        namespaces: cluster.namespaces,
        current: live,
        target: target.bundle,
        profile: target.intent.profile,
        dns: target.intent.dns,
      });
      problems.push(...cutover.problems);
      if (cutover.remove.length > 0 && !deps.foreign)
        problems.push(
          "the replaced policies cannot be removed here (no access to the cluster's own policies)",
        );
    }
    if (problems.length > 0) {
      report.refusals.push(...problems.map((p) => `${env}: ${p}`));
      const outcome = blankOutcome(target, "refused", "pre-flight refused the deploy; nothing was changed");
      const running = history?.running;
      if (running !== undefined)
        outcome.running = {
          revision: running.revision,
          digest: running.digest,
          provenance: running.provenance,
        };
      outcome.timeline.push(timelineEntry(deps.now(), "pre-flight", "check", false, problems.join("; ")));
      report.environments.push(outcome);
      continue;
    }
    prepared.push({
      target,
      live,
      history: history as History,
      cluster,
      ...(restore === undefined ? {} : { restore }),
      notes,
      ...(cutover ? { cutover } : {}),
    });
  }
  return report.refusals.length > 0 ? undefined : prepared;
}

/**
 * The last-known-good a failed deploy goes back to, checked before the first change: a
 * deploy whose way back is not usable is refused. A rollback by hand goes on without it (its
 * target is chosen by a person) and says so.
 */
async function lastRestorable(
  request: RolloutRequest,
  deps: RolloutDeps,
  history: History,
  live: CompiledBundle,
  problems: string[],
  notes: string[],
): Promise<Restorable | undefined> {
  const trust = trustNote(history, deps.history.describe(history.environment));
  if (trust !== undefined) {
    notes.push(trust);
    deps.log(`${history.environment}: ${trust}`);
  }
  const lkg = lastKnownGood(history);
  if (lkg === undefined) {
    if (history.authentication.state === "none" && live.objects.length > 0 && deps.history.keyed) {
      const problem =
        `the cluster holds ${live.objects.length} objects netpol-rollout deployed for ${history.environment}, ` +
        `but ${deps.history.describe(history.environment)} does not exist: it was deleted, or state-namespace changed. ` +
        `Without it a failed deploy has nothing proven to go back to; a rollback by hand to a git ref starts a new record`;
      if (request.action === "deploy") problems.push(problem);
      else notes.push(problem);
    }
    return undefined;
  }
  const found = await restorable(lkg, history.authentication, deps.compileAt);
  if (found.ok) {
    if (found.restore.note !== undefined) {
      const note = `the last-known-good, ${describeEntry(lkg)}: ${found.restore.note}`;
      notes.push(note);
      deps.log(`${history.environment}: ${note}`);
    }
    return found.restore;
  }
  const problem = `the last-known-good, ${describeEntry(lkg)}, cannot be restored: ${found.problem}`;
  if (request.action === "deploy") {
    problems.push(
      `${problem}. A deploy needs a way back; a rollback by hand to a git ref deploys and records one`,
    );
  } else {
    notes.push(`${problem}; this rollback has no last-known-good to compare with`);
  }
  return undefined;
}

/** What of the record is trusted, when it is not authenticated. */
export function trustNote(history: History, where: string): string | undefined {
  switch (history.authentication.state) {
    case "none":
    case "verified":
      return undefined;
    case "unkeyed":
      return (
        `no record-key: ${where} is trusted as written${history.authentication.signed ? " (it carries a MAC this run cannot check)" : ""}; ` +
        `anyone who may update ConfigMaps there decides what a rollback deploys and which failures count as inherited`
      );
    case "unsigned":
      return (
        `${where} carries no MAC (written by an earlier version, or stripped of it): its running record and failed checks are ignored, ` +
        `and a rollback to one of its revisions deploys what the repository compiles for it, never its recorded objects; the next write authenticates it`
      );
  }
}

/** The cluster the engine would deploy to, unless it is the one the probes run on. */
async function engineTargetProblems(
  target: RolloutTarget,
  deps: RolloutDeps,
  cluster: ClusterState,
): Promise<string[]> {
  const env = target.intent.name;
  const probed = deps.clusterName ?? "the cluster of the kubeconfig and context inputs";
  if (cluster.clusterUid === undefined) {
    return [
      `cannot tell which cluster the probes run on (${probed}): its kube-system namespace could not be read; the identity needs get on namespaces`,
    ];
  }
  let engine: EngineTarget;
  try {
    const file = await deps.files.write(env, "target", target.bundle);
    engine = await deps.engine.target(env, {
      stage: "enforce",
      bundleFile: file,
      ...(target.revision === null ? {} : { revision: target.revision }),
    });
  } catch (error) {
    // A locked stack is refused by the first step, with how to recover.
    if (error instanceof Error && error.name === "StackLockedError") return [];
    return [
      `cannot tell which cluster the Pulumi engine would deploy to (its preview failed): ${errorMessage(error)}`,
    ];
  }
  if (engine.clusterUid === undefined) {
    return [
      "the Pulumi program does not say which cluster it deploys to (no clusterUid stack output in its preview), " +
        "so a deploy cannot be checked against the cluster the probes run on: return the NetpolRollout component's " +
        "outputs as the stack outputs",
    ];
  }
  if (engine.clusterUid !== cluster.clusterUid) {
    return [
      `the Pulumi engine would deploy to another cluster than the one the probes run on: its Kubernetes provider ` +
        `reaches the cluster whose kube-system namespace has uid ${engine.clusterUid}, while the probes run on ${probed}, ` +
        `whose kube-system uid is ${cluster.clusterUid}; make the stack's kubernetes:* config (and any provider of the ` +
        `program) target the cluster of the kubeconfig and context inputs`,
    ];
  }
  return [];
}

/** Namespaces the bundle deploys to that the cluster does not have. */
function missingNamespaces(target: RolloutTarget, cluster: ClusterState): string[] {
  const existing = new Set(cluster.namespaces.map((n) => n.metadata.name));
  const needed = [...new Set(target.bundle.objects.map((o) => o.manifest.metadata.namespace ?? ""))].sort();
  return needed
    .filter((namespace) => !existing.has(namespace))
    .map((namespace) => {
      const declared = target.intent.namespaces.find((n) => n.name === namespace);
      return `${declared ? `${formatSource(declared.source)}: ` : ""}namespace ${namespace} does not exist in the cluster; create it (or remove it from the intent) before deploying`;
    });
}

/** Checks the analyzer already predicts blocked with the new policies: the deploy would lose them. */
function predictedBlocked(plan: ProbePlan, action: RolloutRequest["action"]): string[] {
  const problems: string[] = [];
  for (const check of plan.checks) {
    // A rollback's target may predate flows declared since; DNS must work whatever the revision.
    const judged = check.kind === "dns" || (check.kind === "declared" && action === "deploy");
    if (judged && check.expect === "blocked") {
      const where = check.source ? `${formatSource(check.source)}: ` : "";
      problems.push(
        `${where}the analyzer predicts ${check.kind === "dns" ? "DNS" : "the declared flow"} ${check.id} blocked on this cluster with the new policies${check.because ? ` (${check.because})` : ""}`,
      );
    }
  }
  return problems;
}
