/**
 * A probe run over any Prober. Every check is probed in the first round; a round reads the
 * probe pods' next iteration, so rounds follow the dataplane as it changes.
 *
 * What a round shows is evidence only once the dataplane has caught up with the change
 * being probed: when every check whose verdict the change flips shows its new verdict (the
 * change took effect), or else for a round asked once the profile's settle window has passed
 * since the run began (the change was applied just before; the probe pods are new too, and a
 * dataplane learns new pods late). A check that agrees in such a round is done; one that has
 * disagreed in `failAfter` consecutive rounds, the last of them such a round, fails, and the
 * run ends there (the failure decides the rollout), once every check that disagreed in the
 * round before is confirmed or cleared. A check that could not be made is
 * retried until the deadline.
 */
import { classify, countResults } from "./classify.js";
import { coverageNotes } from "./coverage.js";
import type {
  CheckResult,
  ObservedOutcome,
  ProbeCheck,
  ProbePlan,
  ProbeRunResult,
  ProbeTiming,
  Prober,
} from "./types.js";
import { readObservation } from "./types.js";

/** Time as the run sees it: the real clock is an adapter (`adapters/clock.ts`); tests pass a fake one. */
export interface Clock {
  /** Milliseconds. */
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * Rounds start at least this far apart. The live prober's rounds take an iteration of the
 * probe pods (the per-check timeout) anyway; a prober that answers at once is not asked more
 * often than this.
 */
const MIN_ROUND_MS = 1000;

const PLANNED: ObservedOutcome = {
  outcome: "cannot-check",
  evidence: "planned",
  message: "planned as cannot-check",
};

interface CheckState {
  check: ProbeCheck;
  observed?: ObservedOutcome;
  attempts: number;
  /** Consecutive disagreeing rounds. */
  streak: number;
  done: boolean;
}

export async function runProbes(
  prober: Prober,
  plan: ProbePlan,
  options: { clock: Clock; signal?: AbortSignal },
): Promise<ProbeRunResult> {
  const { clock, signal } = options;
  const denials = plan.dataplane.denials;
  const start = clock.now();
  const states = new Map<string, CheckState>(
    plan.checks
      .filter((c) => c.expect !== "cannot-check")
      .map((c) => [c.id, { check: c, attempts: 0, streak: 0, done: false }]),
  );
  // The change's own effect: every check whose expected verdict it flips.
  const changes = [...states.values()].filter(
    (s) => s.check.expectBefore !== "cannot-check" && s.check.expectBefore !== s.check.expect,
  );
  const seenOf = (s: CheckState) =>
    s.observed === undefined ? undefined : readObservation(s.observed, denials).seen;
  const warnings: string[] = [];
  let round = 0;
  let failed = false;
  const timing: ProbeTiming = { firstRoundMs: 0, endMs: 0 };
  const settleAt = start + plan.reprobe.settleSeconds * 1000;

  while (!signal?.aborted) {
    const pending = [...states.values()].filter((s) => !s.done);
    if (pending.length === 0) break;
    const askedAt = clock.now();
    round++;
    const seen = await prober.probe({
      plan,
      checkIds: pending.map((s) => s.check.id),
      round,
      ...(signal ? { signal } : {}),
    });
    if (signal?.aborted) break;
    warnings.push(...seen.warnings);
    for (const s of pending) {
      s.attempts++;
      const o = seen.outcomes.get(s.check.id);
      if (o) s.observed = o;
    }
    if (round === 1) timing.firstRoundMs = clock.now() - start;
    // Caught up: this round saw every change take effect, or it was asked after the window.
    if (timing.caughtUpMs === undefined) {
      if (changes.length > 0 && changes.every((s) => seenOf(s) === s.check.expect)) {
        timing.caughtUpMs = clock.now() - start;
        timing.caughtUpBy = "changes";
      } else if (askedAt >= settleAt) {
        timing.caughtUpMs = askedAt - start;
        timing.caughtUpBy = "settle-window";
      }
    }
    const evidence = timing.caughtUpMs !== undefined;
    for (const s of pending) {
      const v = seenOf(s);
      if (v === undefined || v === "cannot-check") continue;
      if (v === s.check.expect) {
        s.streak = 0;
        if (evidence) s.done = true;
      } else if (++s.streak >= plan.reprobe.failAfter && evidence) {
        s.done = true;
        failed = true;
      }
    }
    const waiting = [...states.values()].filter((s) => !s.done);
    // After a failure only a check that disagreed once is asked again: to confirm or clear it,
    // so no single round's glitch is reported as a failure.
    if (failed && !waiting.some((s) => s.streak > 0)) break;
    const onlyUnmade = waiting.every((s) => (seenOf(s) ?? "cannot-check") === "cannot-check");
    if (onlyUnmade && clock.now() - start >= plan.reprobe.deadlineSeconds * 1000) break;
    const wait = askedAt + MIN_ROUND_MS - clock.now();
    if (waiting.length > 0 && wait > 0) await clock.sleep(wait, signal);
  }
  timing.endMs = clock.now() - start;

  const results: CheckResult[] = plan.checks.map((check) => {
    const state = states.get(check.id);
    const o =
      check.expect === "cannot-check"
        ? PLANNED
        : (state?.observed ?? {
            outcome: "cannot-check" as const,
            evidence: signal?.aborted ? ("deadline" as const) : ("no-result-line" as const),
            message: signal?.aborted
              ? "the run was cancelled"
              : "the prober returned no result for the check",
          });
    const read = readObservation(o, denials);
    return {
      check,
      observed: o,
      seen: read.seen,
      ...(read.reading !== undefined ? { reading: read.reading } : {}),
      classification: classify(check, read.seen),
      attempts: state?.attempts ?? 0,
    };
  });
  return {
    environment: plan.environment,
    results,
    counts: countResults(results),
    rounds: round,
    warnings,
    coverage: coverageNotes(plan, results),
    timing,
  };
}
