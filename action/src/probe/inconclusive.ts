/** The result of a probe run that could not run at all. */
import type { CheckResult, ProbePlan, ProbeRunResult } from "./types.js";

/** Every checkable check of the plan as inconclusive with `why` (the prober could not run). */
export function inconclusiveResult(plan: ProbePlan, why: string): ProbeRunResult {
  const results: CheckResult[] = plan.checks.map((check) =>
    check.expect === "cannot-check"
      ? {
          check,
          observed: { outcome: "cannot-check", evidence: "planned", message: check.reason },
          seen: "cannot-check",
          classification: "not-checked",
          attempts: 0,
        }
      : {
          check,
          observed: { outcome: "cannot-check", evidence: "probe-error", message: why },
          seen: "cannot-check",
          classification: "inconclusive",
          attempts: 0,
        },
  );
  const notChecked = results.filter((r) => r.classification === "not-checked").length;
  return {
    environment: plan.environment,
    results,
    counts: { passed: 0, failed: 0, inconclusive: results.length - notChecked, notChecked },
    rounds: 0,
    warnings: [why],
    coverage: [],
  };
}
