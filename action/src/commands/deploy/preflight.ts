/**
 * Pre-flight: every check before the first change, for every environment. Any problem
 * refuses the whole rollout, so a refusal changes nothing anywhere.
 */
import type { CompiledBundle } from "../../compile/types.js";
import type { ProbePlan } from "../../probe/types.js";
import type { ClusterState } from "../../k8s/types.js";
import type { History } from "../../rollout/last-known-good.js";
import type { RolloutReport } from "../../rollout/outcome.js";
import { liveBundle } from "../../rollout/transitions.js";
import { formatSource } from "../../semantics/explain.js";
import { errorMessage } from "../../text/error-message.js";
import { blankOutcome, timelineEntry } from "./outcome-log.js";
import type { RolloutDeps, RolloutRequest, RolloutTarget } from "./request.js";

/** An environment that passed pre-flight, with what was read for it. */
export interface Prepared {
  target: RolloutTarget;
  /** The managed policies the cluster holds now, as a bundle. */
  live: CompiledBundle;
  history: History;
  cluster: ClusterState;
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
    if (problems.length > 0) {
      report.refusals.push(...problems.map((p) => `${env}: ${p}`));
      const outcome = blankOutcome(target, "refused", "pre-flight refused the deploy; nothing was changed");
      outcome.timeline.push(timelineEntry(deps.now(), "pre-flight", "check", false, problems.join("; ")));
      report.environments.push(outcome);
      continue;
    }
    prepared.push({ target, live, history: history as History, cluster });
  }
  return report.refusals.length > 0 ? undefined : prepared;
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
