/**
 * The rollback decision: from what the probes saw after a step, what the deploy does next.
 * Pure and exact: every rule below is one branch, tested on its own.
 *
 * - A check the last-known-good revision passed at its last probe and this revision fails
 *   (a regression) rolls the environment back to the last-known-good.
 * - A failing check the last-known-good also failed is reported; it does not roll back.
 * - A failing check the last-known-good never ran (a new flow dropped, a new negative
 *   that connects) also rolls back: the last-known-good is proven, this revision is not.
 * - After the rollback, if connectivity is still lost (a declared flow or DNS blocked that
 *   the last-known-good passed): break-glass, the default-deny of the namespaces involved
 *   removed, the allows kept. That is a request: break-glass.ts first checks that a policy
 *   can be the cause (the callee answers by another path), and undoes a lift that did not help.
 * - Break-glass never answers an over-open result (a check that must be blocked connects):
 *   that fails with the evidence, and no deny is removed.
 * - No last-known-good yet: connectivity lost → break-glass on the new allows; anything
 *   else failing → fail.
 * - Inconclusive (checks that should have run and could not): `on-inconclusive` decides;
 *   the default `fail` stops without a rollback.
 */
import type { CheckResult } from "../probe/types.js";
import type { ProbeCheck } from "../probe/types.js";
import { isDnsTarget, isIpTarget, isPodTarget } from "../probe/types.js";

export const ON_INCONCLUSIVE = ["fail", "rollback", "ignore"] as const;
/** What an inconclusive probe does: fail (default), roll back, or count as passed. */
export type OnInconclusive = (typeof ON_INCONCLUSIVE)[number];

/**
 * A check's identity across runs: kind, source (namespace and the caller's labels), target
 * (a callee by namespace and service, not by pod: pods are replaced between deploys; an
 * address; a DNS name), port and protocol. Plan ids name pods, so they are not used.
 */
export function checkKey(check: ProbeCheck): string {
  const labels = Object.keys(check.from.labels)
    .sort()
    .map((k) => `${k}=${check.from.labels[k]}`)
    .join(",");
  const to = isDnsTarget(check.to)
    ? `dns:${check.to.dns}`
    : isIpTarget(check.to)
      ? `ip:${check.to.ip}`
      : `${check.to.namespace}/${check.to.service ?? check.to.pod}`;
  return `${check.kind}|${check.from.namespace}|${labels}|${to}|${check.port}/${check.protocol}`;
}

/** What the last-known-good revision's last probe showed, by check key (see checkKey). */
export interface Baseline {
  passed: readonly string[];
  failed: readonly string[];
}

/** The probe results of one step, sorted into what the decision needs. */
export interface Assessment {
  /** Classified deviation or surprise. */
  failed: CheckResult[];
  /** Failed and blocked where a declared flow, DNS or an allowed external address should connect. */
  lostConnectivity: CheckResult[];
  /** Failed and connected where the check must be blocked. */
  overOpen: CheckResult[];
  /** Should have run and could not. */
  inconclusive: CheckResult[];
  /** Failed now, passed at the last-known-good's last probe. */
  regressions: CheckResult[];
  /** Failed now and at the last-known-good's last probe. */
  inherited: CheckResult[];
  /** Failed now; the last-known-good has no result for it (or there is none). */
  unproven: CheckResult[];
}

export type Decision =
  /** The step stands: probe the next step, or the environment is done. `notes` lists what is reported only. */
  | { action: "continue"; notes: string[]; assessment: Assessment }
  | { action: "rollback"; reason: string; triggers: CheckResult[]; assessment: Assessment }
  | {
      action: "break-glass";
      reason: string;
      /** Namespaces whose default-deny is removed (their allows stay). */
      namespaces: string[];
      triggers: CheckResult[];
      assessment: Assessment;
    }
  | { action: "fail"; reason: string; evidence: CheckResult[]; assessment: Assessment };

export function isFailed(r: CheckResult): boolean {
  return r.classification === "deviation" || r.classification === "surprise";
}

export function isPassed(r: CheckResult): boolean {
  return r.classification === "as-expected" || r.classification === "intended-change";
}

/**
 * A failing check that should connect and does not: a declared flow, DNS, or an allowed
 * external address seen blocked (a timeout, a DNS failure, a refusal where denials are rejected).
 */
export function losesConnectivity(r: CheckResult): boolean {
  return isFailed(r) && r.check.kind !== "negative" && r.seen === "blocked";
}

/** A failing check that connects although it must not. */
export function isOverOpen(r: CheckResult): boolean {
  return isFailed(r) && r.seen === "allowed";
}

export function assess(results: readonly CheckResult[], baseline?: Baseline): Assessment {
  const passed = new Set(baseline?.passed ?? []);
  const failedBefore = new Set(baseline?.failed ?? []);
  const failed = results.filter(isFailed);
  return {
    failed,
    lostConnectivity: failed.filter(losesConnectivity),
    overOpen: failed.filter(isOverOpen),
    inconclusive: results.filter((r) => r.classification === "inconclusive"),
    regressions: failed.filter((r) => passed.has(checkKey(r.check))),
    inherited: failed.filter((r) => !passed.has(checkKey(r.check)) && failedBefore.has(checkKey(r.check))),
    unproven: failed.filter((r) => !passed.has(checkKey(r.check)) && !failedBefore.has(checkKey(r.check))),
  };
}

/** The namespaces whose default-deny can cut a check: the caller's and, for a pod, the callee's. */
export function namespacesOf(results: readonly CheckResult[]): string[] {
  const out = new Set<string>();
  for (const r of results) {
    out.add(r.check.from.namespace);
    if (isPodTarget(r.check.to)) out.add(r.check.to.namespace);
  }
  return [...out].sort();
}

/**
 * After a deploy step's probe. `baseline` is the last-known-good's last probe, undefined
 * before the first proven deploy.
 */
export function decideAfterDeploy(
  results: readonly CheckResult[],
  baseline: Baseline | undefined,
  onInconclusive: OnInconclusive = "fail",
): Decision {
  const assessment = assess(results, baseline);
  const notes = inheritedNotes(assessment);

  if (baseline === undefined) {
    if (assessment.lostConnectivity.length > 0) {
      return {
        action: "break-glass",
        reason: `${count(assessment.lostConnectivity, "check")} lost connectivity and there is no last-known-good revision to restore`,
        namespaces: namespacesOf(assessment.lostConnectivity),
        triggers: assessment.lostConnectivity,
        assessment,
      };
    }
    if (assessment.failed.length > 0) return failOn(assessment, assessment.failed);
  } else {
    // The last-known-good is proven and this revision is not: any failure it did not
    // inherit (a regression, or a new check failing: a dropped new flow, an over-open new
    // negative) puts the proven revision back rather than leaving an unproven one live.
    const fresh = [...assessment.regressions, ...assessment.unproven];
    if (fresh.length > 0) {
      const parts: string[] = [];
      if (assessment.regressions.length > 0)
        parts.push(
          `${count(assessment.regressions, "check")} the last-known-good revision passed ${assessment.regressions.length === 1 ? "fails" : "fail"} now`,
        );
      if (assessment.unproven.length > 0)
        parts.push(
          `${count(assessment.unproven, "check")} new in this revision ${assessment.unproven.length === 1 ? "fails" : "fail"}`,
        );
      return { action: "rollback", reason: parts.join("; "), triggers: fresh, assessment };
    }
  }

  if (assessment.inconclusive.length > 0) {
    const what = `${count(assessment.inconclusive, "check")} could not be made (inconclusive)`;
    if (onInconclusive === "ignore") {
      return {
        action: "continue",
        notes: [...notes, `${what}; ignored (on-inconclusive: ignore)`],
        assessment,
      };
    }
    if (onInconclusive === "rollback" && baseline !== undefined) {
      return {
        action: "rollback",
        reason: `${what}; on-inconclusive: rollback`,
        triggers: assessment.inconclusive,
        assessment,
      };
    }
    return {
      action: "fail",
      reason:
        onInconclusive === "rollback"
          ? `${what}; on-inconclusive is rollback but there is no last-known-good revision to restore`
          : `${what}; nothing was rolled back (on-inconclusive: fail)`,
      evidence: assessment.inconclusive,
      assessment,
    };
  }
  return { action: "continue", notes, assessment };
}

/**
 * After the last-known-good was deployed again and probed. `continue` means the re-probe
 * passed (the environment still failed: it was rolled back).
 */
export function decideAfterRollback(results: readonly CheckResult[], baseline: Baseline): Decision {
  const assessment = assess(results, baseline);
  const stillLost = assessment.regressions.filter(losesConnectivity);
  if (stillLost.length > 0) {
    return {
      action: "break-glass",
      reason: `after the rollback ${count(stillLost, "check")} the last-known-good revision passed still ${stillLost.length === 1 ? "loses" : "lose"} connectivity`,
      namespaces: namespacesOf(stillLost),
      triggers: stillLost,
      assessment,
    };
  }
  if (assessment.regressions.length > 0) return failOn(assessment, assessment.regressions);
  if (assessment.inconclusive.length > 0) {
    return {
      action: "fail",
      reason: `after the rollback ${count(assessment.inconclusive, "check")} could not be made (inconclusive)`,
      evidence: assessment.inconclusive,
      assessment,
    };
  }
  return { action: "continue", notes: inheritedNotes(assessment), assessment };
}

/** A failure with its evidence; over-open results are named as such (they never remove a deny). */
function failOn(assessment: Assessment, evidence: CheckResult[]): Decision {
  const open = evidence.filter(isOverOpen);
  const lost = evidence.filter(losesConnectivity);
  const parts: string[] = [];
  if (open.length > 0)
    parts.push(
      `${count(open, "check")} that must be blocked ${open.length === 1 ? "connects" : "connect"} (over-open; no default-deny is removed for this)`,
    );
  if (lost.length > 0)
    parts.push(`${count(lost, "check")} that must connect ${lost.length === 1 ? "is" : "are"} blocked`);
  const other = evidence.length - open.length - lost.length;
  if (other > 0) parts.push(`${count({ length: other }, "other check")} failed`);
  return { action: "fail", reason: parts.join("; "), evidence, assessment };
}

function inheritedNotes(assessment: Assessment): string[] {
  return assessment.inherited.length === 0
    ? []
    : [
        `${count(assessment.inherited, "check")} also failed at the last-known-good revision's last probe: reported, not a reason to roll back`,
      ];
}

function count(items: { length: number }, noun: string): string {
  return `${items.length} ${noun}${items.length === 1 ? "" : "s"}`;
}

/**
 * The keys a run passed and failed, for the record. A key with several checks (two pods of
 * one callee) counts as passed only when none of them failed.
 */
export function baselineFrom(results: readonly CheckResult[]): Baseline {
  const failed = new Set(results.filter(isFailed).map((r) => checkKey(r.check)));
  const passed = new Set(
    results
      .filter(isPassed)
      .map((r) => checkKey(r.check))
      .filter((k) => !failed.has(k)),
  );
  return { passed: [...passed].sort(), failed: [...failed].sort() };
}
