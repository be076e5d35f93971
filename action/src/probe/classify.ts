/**
 * Three-way verdicts: an observation against the expectation after the deploy, and the
 * expectation after against the one before (PRODUCT: core idea 4).
 */
import type { Reachability } from "../semantics/reachability.js";
import type { CheckResult, Classification, ProbeCheck, ProbeCounts } from "./types.js";

/** Classifies what a check showed, read on the plan's dataplane (`readObservation`). */
export function classify(check: ProbeCheck, seen: Reachability): Classification {
  if (check.expect === "cannot-check") return "not-checked";
  if (seen === "cannot-check") return "inconclusive";
  if (seen !== check.expect) return "deviation";
  if (check.expect === check.expectBefore) return "as-expected";
  return check.changeDeclared ? "intended-change" : "surprise";
}

/** Whether a result fails a run (a rollback reason): a deviation or a surprise. */
export function isFailure(c: Classification): boolean {
  return c === "deviation" || c === "surprise";
}

export function countResults(results: readonly CheckResult[]): ProbeCounts {
  const counts: ProbeCounts = { passed: 0, failed: 0, inconclusive: 0, notChecked: 0 };
  for (const r of results) {
    if (r.classification === "as-expected" || r.classification === "intended-change") counts.passed++;
    else if (isFailure(r.classification)) counts.failed++;
    else if (r.classification === "inconclusive") counts.inconclusive++;
    else counts.notChecked++;
  }
  return counts;
}
