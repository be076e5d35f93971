/**
 * What a deploy, rollback or drift run did, as data for the reports and the step outputs.
 * Pure.
 */
import type { CheckResult, ProbePlan, ProbeRunResult } from "../probe/types.js";
import type { Decision } from "./decision.js";
import type { RunInfo } from "./last-known-good.js";

export type EnvironmentStatus =
  /** Deployed, proven by probes, recorded as last-known-good. */
  | "deployed"
  /** A probe failed; the last-known-good was deployed again. The job fails. */
  | "rolled-back"
  /** Connectivity stayed lost: the default-deny of some namespaces was removed. The job fails. */
  | "break-glass"
  /** A probe or the engine failed; nothing was rolled back (see reason). */
  | "failed"
  /** Pre-flight refused; nothing was changed. */
  | "refused"
  /** Not attempted: an environment before it failed, or a refusal. */
  | "skipped"
  | "cancelled";

export interface TimelineEntry {
  /** ISO 8601. */
  at: string;
  phase: "pre-flight" | "deploy" | "rollback" | "break-glass" | "record";
  /** expand, contract, break-glass, verify, probe… */
  step: string;
  ok: boolean;
  detail: string;
}

/** One probe run and what was decided on it. */
export interface ProbeRecord {
  phase: "deploy" | "rollback" | "break-glass";
  step: string;
  plan: ProbePlan;
  result: ProbeRunResult;
  decision?: Decision["action"];
}

export interface EnvironmentOutcome {
  environment: string;
  status: EnvironmentStatus;
  revision: string | null;
  digest: string;
  timeline: TimelineEntry[];
  probes: ProbeRecord[];
  /** Why the status is not deployed, in one or two sentences. */
  reason?: string;
  /** Recovery advice (a locked stack). */
  recovery?: string;
  /** Failing checks that decided the outcome. */
  evidence: CheckResult[];
  /** The revision rolled back to. */
  rolledBackTo?: { revision: string | null; digest: string; seq: number };
  /** Namespaces whose default-deny was removed by break-glass. */
  breakGlass?: string[];
  /** Reported only (deviations the last-known-good also had, inconclusive ignored…). */
  notes: string[];
}

export interface RolloutReport {
  action: "deploy" | "rollback";
  revision: string | null;
  reason?: string;
  /** For a rollback: what was deployed, in words ("the last-known-good, revision …"). */
  target?: string;
  run: RunInfo;
  /** Pre-flight problems; when any, nothing was changed anywhere. */
  refusals: string[];
  environments: EnvironmentOutcome[];
  cancelled: boolean;
}

/** The step outputs of a deploy or rollback. */
export interface RolloutOutputs {
  "probe-passed": number;
  "probe-failed": number;
  "probe-inconclusive": number;
  "rolled-back": boolean;
  revision: string;
  "environments-deployed": string;
  /** Set by the drift watch only; false here. */
  drift: boolean;
}

export function rolloutOutputs(report: RolloutReport): RolloutOutputs {
  const deciding = report.environments.map(decidingProbe).filter((p) => p !== undefined);
  return {
    "probe-passed": sum(deciding, (p) => p.result.counts.passed),
    "probe-failed": sum(deciding, (p) => p.result.counts.failed),
    "probe-inconclusive": sum(deciding, (p) => p.result.counts.inconclusive),
    "rolled-back": report.environments.some((e) => e.status === "rolled-back" || e.status === "break-glass"),
    revision: report.revision ?? "",
    "environments-deployed": report.environments
      .filter((e) => e.status === "deployed")
      .map((e) => e.environment)
      .join(","),
    drift: false,
  };
}

/** The probe whose decision set the environment's outcome: the first that did not continue, else the last. */
export function decidingProbe(outcome: EnvironmentOutcome): ProbeRecord | undefined {
  return (
    outcome.probes.find((p) => p.decision !== undefined && p.decision !== "continue") ?? outcome.probes.at(-1)
  );
}

/** Whether the job passes. */
export function rolloutSucceeded(report: RolloutReport): boolean {
  return (
    report.refusals.length === 0 &&
    !report.cancelled &&
    report.environments.every((e) => e.status === "deployed")
  );
}

export function describeEntry(e: { revision: string | null; digest: string; seq: number }): string {
  return `${e.revision === null ? "an unknown revision" : `revision ${e.revision.slice(0, 12)}`} (${e.digest.slice(0, 19)}…, entry #${e.seq})`;
}

function sum<T>(items: T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

// --- the drift watch ---------------------------------------------------------------------

export interface DriftFinding {
  change: "deleted" | "edited" | "extra";
  /** `<kind>/<namespace>/<name>`. */
  object: string;
  detail: string;
}

/** A check of the running revision that failed: a declared flow (or DNS) blocked, or a must-stay-blocked one open. */
export interface DriftFailure {
  check: string;
  kind: string;
  expected: string;
  observed: string;
}

export interface DriftOutcome {
  environment: string;
  /** The last-known-good entry; undefined when nothing was proven yet. */
  lastKnownGood?: { revision: string | null; digest: string; seq: number };
  /** What the record says runs, which everything is judged against; undefined with no record. */
  running?: { revision: string | null; digest: string; describe: string };
  /** Objects changed by hand: the namespaces differ from the running objects. */
  findings: DriftFinding[];
  /** Checks of the running revision that failed. */
  failing: DriftFailure[];
  /** The checkout is ahead of the cluster: why (a deploy is pending). Not drift. */
  pending?: string;
  /** Nothing says what runs. */
  noRecord?: boolean;
  plan?: ProbePlan;
  probe?: ProbeRunResult;
  /** Objects differ from the record, a probe check failed, or objects run with no record. */
  drift: boolean;
  notes: string[];
  /** Why the environment was not checked (another run held its run lock past the wait). */
  skipped?: string;
}

export interface DriftReport {
  environments: DriftOutcome[];
  drift: boolean;
}
