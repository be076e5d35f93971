/**
 * The run locks of a rollout: every target's, taken in promotion order before anything is
 * read for the rollout, held to the end. A lock that cannot be had refuses the whole
 * rollout before it reads or changes anything.
 */
import { LockError, type HeldLock } from "../../ports/lock.js";
import { describeHolder } from "../../rollout/lock.js";
import type { RolloutReport } from "../../rollout/outcome.js";
import { blankOutcome, timelineEntry } from "./outcome-log.js";
import { DEFAULT_LOCK_WAIT_MS, type RolloutDeps, type RolloutRequest } from "./request.js";

/** The held locks by environment, or undefined when one could not be taken (the report says why). */
export async function takeLocks(
  request: RolloutRequest,
  deps: RolloutDeps,
  report: RolloutReport,
): Promise<Map<string, HeldLock> | undefined> {
  const held = new Map<string, HeldLock>();
  for (const target of request.targets) {
    const env = target.intent.name;
    try {
      const lock = await deps.locks.acquire(
        { environment: env },
        {
          waitMs: request.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS,
          ...(request.signal === undefined ? {} : { signal: request.signal }),
          onWait: (holder, expiresInMs) =>
            deps.log(
              `${env}: waiting for the run lock ${deps.locks.describe({ environment: env })}, held by ${describeHolder(holder)} ` +
                `(it counts as gone after ${Math.ceil(expiresInMs / 1000)} s without a renewal)`,
            ),
        },
      );
      held.set(env, lock);
    } catch (error) {
      if (!(error instanceof LockError)) throw error;
      await releaseLocks(held);
      report.refusals.push(`${env}: ${error.message}`);
      for (const t of request.targets) {
        const mine = t === target;
        const outcome = blankOutcome(
          t,
          mine ? "refused" : "skipped",
          mine
            ? "another run holds this environment's run lock; nothing was changed"
            : "the run lock of another environment could not be taken; nothing was changed",
        );
        if (mine)
          outcome.timeline.push(timelineEntry(deps.now(), "pre-flight", "lock", false, error.message));
        report.environments.push(outcome);
      }
      return undefined;
    }
  }
  return held;
}

export async function releaseLocks(held: Map<string, HeldLock>): Promise<void> {
  for (const lock of held.values()) await lock.release();
}
