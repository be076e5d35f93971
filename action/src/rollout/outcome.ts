/**
 * What a deploy, rollback or drift run did, as data for the reports and the step outputs.
 * Pure.
 */
import type { CheckResult, ProbePlan, ProbeRunResult } from "../probe/types.js";
import type { Decision } from "./decision.js";
import type { RunInfo } from "./last-known-good.js";
import type { Provenance } from "./running.js";

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
  /** A rollback that ended with its target running: automatic (from the revision that failed) or by hand (from what ran). */
  rollback?: { from: string | null; to: string | null; automatic: boolean };
  /** What runs when the run ends, by the record; undefined when nothing says. */
  running?: { revision: string | null; digest: string; provenance: Provenance };
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
  /** The revision running when the run ends, in the last environment it acted on (after a rollback: the restored one). */
  revision: string;
  /** The revision a rollback left (the one that failed, or what ran before a rollback by hand); "" without a rollback. */
  "rolled-back-from": string;
  /** The revision a rollback restored; "" without a rollback. */
  "rolled-back-to": string;
  "environments-deployed": string;
  /** Set by the drift watch only; false here. */
  drift: boolean;
}

export function rolloutOutputs(report: RolloutReport): RolloutOutputs {
  const deciding = report.environments.map(decidingProbe).filter((p) => p !== undefined);
  const last = [...report.environments].reverse().find((e) => e.status !== "skipped");
  const rollback = report.environments.find((e) => e.rollback !== undefined)?.rollback;
  return {
    "probe-passed": sum(deciding, (p) => p.result.counts.passed),
    "probe-failed": sum(deciding, (p) => p.result.counts.failed),
    "probe-inconclusive": sum(deciding, (p) => p.result.counts.inconclusive),
    "rolled-back": report.environments.some((e) => e.status === "rolled-back" || e.status === "break-glass"),
    revision: last?.running?.revision ?? "",
    "rolled-back-from": rollback?.from ?? "",
    "rolled-back-to": rollback?.to ?? "",
    "environments-deployed": report.environments
      .filter((e) => e.status === "deployed")
      .map((e) => e.environment)
      .join(","),
    drift: false,
  };
}

/** What a step output may hold; a value read from the cluster that is anything else is refused. */
const OUTPUT_FORMATS: Record<string, { pattern: RegExp; what: string }> = {
  revision: { pattern: /^(?:[0-9a-f]{40}|[0-9a-f]{64})?$/, what: "a commit" },
  "rolled-back-from": { pattern: /^(?:[0-9a-f]{40}|[0-9a-f]{64})?$/, what: "a commit" },
  "rolled-back-to": { pattern: /^(?:[0-9a-f]{40}|[0-9a-f]{64})?$/, what: "a commit" },
  "probe-passed": { pattern: /^\d+$/, what: "a count" },
  "probe-failed": { pattern: /^\d+$/, what: "a count" },
  "probe-inconclusive": { pattern: /^\d+$/, what: "a count" },
  "rolled-back": { pattern: /^(?:true|false)$/, what: "true or false" },
  drift: { pattern: /^(?:true|false)$/, what: "true or false" },
  "environments-deployed": {
    pattern: /^(?:[A-Za-z0-9][A-Za-z0-9_.-]*(?:,[A-Za-z0-9][A-Za-z0-9_.-]*)*)?$/,
    what: "environment names",
  },
};

/**
 * The outputs as the step sets them: every value checked against its format (a commit is
 * hex, a count a number); one that fails is set empty and named in `refused` (never quoted:
 * it may come from a record anyone who may edit the state namespace wrote).
 */
export function checkedOutputs<T extends object>(
  outputs: T,
): { values: Record<string, string>; checked: T; refused: string[] } {
  const values: Record<string, string> = {};
  const checked = { ...outputs } as Record<string, unknown>;
  const refused: string[] = [];
  for (const [name, raw] of Object.entries(outputs)) {
    const value = String(raw);
    const format = OUTPUT_FORMATS[name];
    if (format === undefined) throw new Error(`internal: output ${name} has no format`);
    if (format.pattern.test(value)) {
      values[name] = value;
    } else {
      values[name] = "";
      checked[name] = "";
      refused.push(`output ${name} was set empty: its value is not ${format.what}`);
    }
  }
  return { values, checked: checked as T, refused };
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
