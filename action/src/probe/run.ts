/**
 * A probe run over any Prober: probe every check; re-probe only the checks whose observation
 * differs from the expectation until they match or the deadline passes (policies reach the
 * dataplane eventually); then probe every check once more to confirm. The confirmation's
 * observations are the run's result.
 */
import { classify, countResults } from "./classify.js";
import { coverageNotes } from "./coverage.js";
import type { CheckResult, ObservedOutcome, ProbePlan, ProbeRunResult, Prober } from "./types.js";
import { readObservation } from "./types.js";

/** Time as the run sees it: the real clock is an adapter (`adapters/clock.ts`); tests pass a fake one. */
export interface Clock {
  /** Milliseconds. */
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const PLANNED: ObservedOutcome = {
  outcome: "cannot-check",
  evidence: "planned",
  message: "planned as cannot-check",
};

export async function runProbes(
  prober: Prober,
  plan: ProbePlan,
  options: { clock: Clock; signal?: AbortSignal },
): Promise<ProbeRunResult> {
  const { clock, signal } = options;
  const checkable = plan.checks.filter((c) => c.expect !== "cannot-check");
  const byId = new Map(plan.checks.map((c) => [c.id, c]));
  const attempts = new Map<string, number>();
  const warnings: string[] = [];
  let round = 0;

  const probe = async (ids: string[]): Promise<Map<string, ObservedOutcome>> => {
    round++;
    const seen = await prober.probe({ plan, checkIds: ids, round, ...(signal ? { signal } : {}) });
    warnings.push(...seen.warnings);
    for (const id of ids) attempts.set(id, (attempts.get(id) ?? 0) + 1);
    return seen.outcomes;
  };
  // An observation read on the plan's dataplane (a refusal means what its denials make it).
  const matches = (id: string, o: ObservedOutcome | undefined): boolean =>
    o !== undefined && readObservation(o, plan.dataplane.denials).seen === byId.get(id)?.expect;

  const deadline = clock.now() + plan.reprobe.deadlineSeconds * 1000;
  let observed = await probe(checkable.map((c) => c.id));
  let mismatched = checkable.map((c) => c.id).filter((id) => !matches(id, observed.get(id)));
  while (mismatched.length > 0 && !signal?.aborted) {
    if (clock.now() + plan.reprobe.intervalSeconds * 1000 > deadline) break;
    await clock.sleep(plan.reprobe.intervalSeconds * 1000, signal);
    if (signal?.aborted) break;
    const again = await probe(mismatched);
    for (const [id, o] of again) observed.set(id, o);
    mismatched = mismatched.filter((id) => !matches(id, observed.get(id)));
  }
  for (let i = 0; i < plan.reprobe.confirmRounds && !signal?.aborted; i++) {
    observed = await probe(checkable.map((c) => c.id));
  }

  const results: CheckResult[] = plan.checks.map((check) => {
    const o =
      check.expect === "cannot-check"
        ? PLANNED
        : (observed.get(check.id) ?? {
            outcome: "cannot-check" as const,
            evidence: signal?.aborted ? ("deadline" as const) : ("no-result-line" as const),
            message: signal?.aborted
              ? "the run was cancelled"
              : "the prober returned no result for the check",
          });
    const read = readObservation(o, plan.dataplane.denials);
    return {
      check,
      observed: o,
      seen: read.seen,
      ...(read.reading !== undefined ? { reading: read.reading } : {}),
      classification: classify(check, read.seen),
      attempts: attempts.get(check.id) ?? 0,
    };
  });
  return {
    environment: plan.environment,
    results,
    counts: countResults(results),
    rounds: round,
    warnings,
    coverage: coverageNotes(plan, results),
  };
}
