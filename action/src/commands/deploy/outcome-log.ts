/**
 * One environment's outcome as it is assembled: the timeline of what was done, and the
 * final status with its reason.
 */
import { bundleDigest } from "../../compile/bundle.js";
import type { EnvironmentOutcome, EnvironmentStatus, TimelineEntry } from "../../rollout/outcome.js";
import type { RolloutTarget } from "./request.js";

/** An outcome with nothing done yet. */
export function blankOutcome(
  target: RolloutTarget,
  status: EnvironmentStatus,
  reason?: string,
): EnvironmentOutcome {
  return {
    environment: target.intent.name,
    status,
    revision: target.revision,
    digest: bundleDigest(target.bundle),
    timeline: [],
    probes: [],
    ...(reason === undefined ? {} : { reason }),
    evidence: [],
    notes: [],
  };
}

export function timelineEntry(
  now: Date,
  phase: TimelineEntry["phase"],
  step: string,
  ok: boolean,
  detail: string,
): TimelineEntry {
  return { at: now.toISOString(), phase, step, ok, detail };
}

/** The outcome of one environment's run, written to as the run goes. */
export class OutcomeLog {
  readonly outcome: EnvironmentOutcome;

  constructor(
    target: RolloutTarget,
    private readonly now: () => Date,
  ) {
    this.outcome = blankOutcome(target, "deployed");
  }

  note(phase: TimelineEntry["phase"], step: string, ok: boolean, detail: string): void {
    this.outcome.timeline.push(timelineEntry(this.now(), phase, step, ok, detail));
  }

  finish(status: EnvironmentStatus, reason?: string): EnvironmentOutcome {
    this.outcome.status = status;
    if (reason !== undefined) this.outcome.reason = reason;
    return this.outcome;
  }
}
