/**
 * The rollout orchestration: deploy a revision to each environment in promotion order, in
 * safe steps proven by probes, rolling back to the last-known-good revision by itself when
 * the proof fails; also the manual rollback (the same machinery with another target).
 *
 * Over ports only: the engine (`pulumi up` of an exact object set per step), the cluster's
 * live state, the probe phase, the history store and the run locks. Each environment's run
 * lock is taken before anything is read (deploy/locks.ts) and confirmed before every
 * change. Everything is checked before the first change (deploy/preflight.ts); a refusal
 * changes nothing. Each environment then runs to its
 * outcome (deploy/environment-run.ts); one that does not end deployed stops the ones after it.
 *
 * Safety does not depend on this code finishing: within each engine run a namespace's
 * default-deny is created after its allows and deleted before them, so a run interrupted
 * anywhere (a cancelled job, a failed resource) never leaves a deny without its allows.
 */
import type { HeldLock } from "../ports/lock.js";
import type { EnvironmentOutcome, RolloutReport } from "../rollout/outcome.js";
import { runEnvironment } from "./deploy/environment-run.js";
import { releaseLocks, takeLocks } from "./deploy/locks.js";
import { blankOutcome } from "./deploy/outcome-log.js";
import { preflight } from "./deploy/preflight.js";
import type { RolloutDeps, RolloutRequest } from "./deploy/request.js";

/** Deploys (or rolls back) every target in order. Never throws for an expected failure: the report says. */
export async function runRollout(request: RolloutRequest, deps: RolloutDeps): Promise<RolloutReport> {
  const report: RolloutReport = {
    action: request.action,
    revision: request.targets[0]?.revision ?? null,
    ...(request.reason === undefined ? {} : { reason: request.reason }),
    run: request.run,
    refusals: [],
    environments: [],
    cancelled: false,
  };

  const locks = await takeLocks(request, deps, report);
  if (locks === undefined) return report;
  try {
    await runLocked(request, deps, report, locks);
  } finally {
    await releaseLocks(locks);
  }
  return report;
}

async function runLocked(
  request: RolloutRequest,
  deps: RolloutDeps,
  report: RolloutReport,
  locks: Map<string, HeldLock>,
): Promise<void> {
  const prepared = await preflight(request, deps, report);
  if (prepared === undefined) {
    for (const target of request.targets) {
      if (!report.environments.some((e) => e.environment === target.intent.name)) {
        report.environments.push(
          blankOutcome(target, "skipped", "pre-flight refused the deploy; nothing was changed"),
        );
      }
    }
    return;
  }

  let stopped: string | undefined;
  for (const item of prepared) {
    if (stopped !== undefined) {
      report.environments.push(blankOutcome(item.target, "skipped", stopped));
      continue;
    }
    if (request.signal?.aborted) {
      report.cancelled = true;
      report.environments.push(
        blankOutcome(item.target, "cancelled", "the job was cancelled before it started"),
      );
      stopped = "the job was cancelled";
      continue;
    }
    const outcome = await runEnvironment(request, deps, item, locks.get(item.target.intent.name) as HeldLock);
    report.environments.push(outcome);
    if (outcome.status === "cancelled") report.cancelled = true;
    stopped = stopReason(outcome);
  }
}

/** Why the environments after `outcome` are not run, or undefined when promotion goes on. */
function stopReason(outcome: EnvironmentOutcome): string | undefined {
  if (outcome.status === "deployed") return undefined;
  if (outcome.status === "cancelled") return "the job was cancelled";
  return `not promoted: ${outcome.environment} ${outcome.status === "refused" ? "was refused" : outcome.status}`;
}
