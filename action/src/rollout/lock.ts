/**
 * The run lock's pure parts: which Lease keeps the runs of one environment apart (of one
 * environment on one cluster, once an environment spans several), who holds it, and when a
 * holder that stopped renewing counts as gone.
 *
 * Expiry follows the Lease API's own rule (leaseDurationSeconds "is measured against the
 * time of last observed renewTime") the way client-go's leader election reads it: a holder
 * is gone once its Lease has not changed for a whole lease duration as timed by the
 * observer's own monotonic clock, from when the observer first saw that version. The
 * renewTime a holder writes comes from its clock, which may be minutes off ours, so it is
 * reported but never decides anything. This tolerates any clock offset between runners,
 * not clocks running at different rates.
 */

/** Every lock Lease is named `netpol-rollout-lock-<environment>` (`-<cluster>` appended per cluster). */
export const LOCK_LEASE_PREFIX = "netpol-rollout-lock";

/** What one lock keeps apart: an environment, or one cluster of it. */
export interface LockScope {
  environment: string;
  /** The cluster's name within the environment; absent for a single-cluster environment. */
  cluster?: string;
}

/** The Lease's name in the state namespace. */
export function lockLeaseName(scope: LockScope): string {
  const parts = [LOCK_LEASE_PREFIX, scope.environment, ...(scope.cluster ? [scope.cluster] : [])];
  return parts.join("-").toLowerCase();
}

/** The command a run is, as the Lease records it. */
export type LockCommand = "deploy" | "rollback" | "probe" | "drift";

/** Who holds (or held) a lock: a run, as a person finds it again. */
export interface LockHolder {
  /** The Lease's holderIdentity: the run id, its attempt and a nonce, unique per acquisition. */
  identity: string;
  command?: string;
  /** GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_ACTOR and the run's URL. */
  runId?: string;
  attempt?: string;
  actor?: string;
  url?: string;
}

/** What a run tells the lock about itself. */
export interface LockRun {
  command: LockCommand;
  runId?: string;
  attempt?: string;
  actor?: string;
  url?: string;
}

/** The holderIdentity of one acquisition; `nonce` tells two acquisitions of one run attempt apart. */
export function holderIdentity(run: LockRun, nonce: string): string {
  return `${run.runId ?? "local"}-${run.attempt ?? "1"}-${nonce}`;
}

const ANNOTATION = "netpol-rollout.io/lock-";

/** The annotations naming the holder; the Lease keeps them after a release, for the audit. */
export function holderAnnotations(run: LockRun): Record<string, string> {
  const out: Record<string, string> = { [`${ANNOTATION}command`]: run.command };
  if (run.runId) out[`${ANNOTATION}run`] = run.runId;
  if (run.attempt) out[`${ANNOTATION}attempt`] = run.attempt;
  if (run.actor) out[`${ANNOTATION}actor`] = run.actor;
  if (run.url) out[`${ANNOTATION}url`] = run.url;
  return out;
}

/** The annotation that says what the holder was doing when it last proved it held the lock. */
export const ACTIVITY_ANNOTATION = `${ANNOTATION}activity`;
/** Set when a holder released the lock (its annotations then name the last holder). */
export const RELEASED_ANNOTATION = `${ANNOTATION}released`;

/**
 * The holder a Lease names. Anyone who may edit the state namespace may write these
 * values: they are shown, bounded and without control characters, and decide nothing.
 */
export function holderOf(identity: string, annotations: Readonly<Record<string, string>> = {}): LockHolder {
  const text = (key: string): string | undefined => {
    const value = annotations[`${ANNOTATION}${key}`];
    return value === undefined ? undefined : leaseText(value);
  };
  const holder: LockHolder = { identity: leaseText(identity) };
  const fields = {
    command: "command",
    runId: "run",
    attempt: "attempt",
    actor: "actor",
    url: "url",
  } as const;
  for (const [field, key] of Object.entries(fields) as [keyof typeof fields, string][]) {
    const value = text(key);
    if (value !== undefined) holder[field] = value;
  }
  return holder;
}

/** A value read from the Lease, as it may be shown: one line, at most 200 characters. */
export function leaseText(value: string): string {
  // eslint-disable-next-line no-control-regex
  const line = value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** "deploy run 123 attempt 2 by octocat (https://…)", or the bare identity when nothing else is known. */
export function describeHolder(holder: LockHolder): string {
  const what = holder.command ?? "a run";
  const run = holder.runId
    ? ` run ${holder.runId}${holder.attempt ? ` attempt ${holder.attempt}` : ""}`
    : ` (holder ${holder.identity})`;
  return `${what}${run}${holder.actor ? ` by ${holder.actor}` : ""}${holder.url ? ` (${holder.url})` : ""}`;
}

/** One reading of a lock Lease, as far as expiry is concerned. */
export interface LeaseReading {
  /** Changes with every write of the Lease: a live holder renewing, or anyone else. */
  resourceVersion: string;
  /** Empty or absent: nobody holds it (released, or never taken). */
  holderIdentity?: string;
  /** The holder's declared duration; absent or not positive counts as `fallbackSeconds`. */
  leaseDurationSeconds?: number;
}

export type LeaseState =
  | { state: "free" }
  | {
      state: "held";
      /** How long this observer has seen this version unchanged, by its own clock. */
      unchangedMs: number;
      /** How much longer it must stay unchanged before the holder counts as gone. */
      remainingMs: number;
    }
  | { state: "expired"; unchangedMs: number };

/**
 * Judges one Lease over successive readings by one observer. `now` is the observer's
 * monotonic clock in milliseconds; timestamps written in the Lease are never used.
 */
export class LeaseObserver {
  private seen: { resourceVersion: string; at: number } | undefined;

  constructor(private readonly fallbackSeconds: number) {}

  observe(reading: LeaseReading, now: number): LeaseState {
    if (!reading.holderIdentity) return { state: "free" };
    if (this.seen?.resourceVersion !== reading.resourceVersion) {
      this.seen = { resourceVersion: reading.resourceVersion, at: now };
    }
    const seconds =
      reading.leaseDurationSeconds !== undefined && reading.leaseDurationSeconds > 0
        ? reading.leaseDurationSeconds
        : this.fallbackSeconds;
    const unchangedMs = now - this.seen.at;
    const remainingMs = seconds * 1000 - unchangedMs;
    return remainingMs <= 0 ? { state: "expired", unchangedMs } : { state: "held", unchangedMs, remainingMs };
  }
}

/**
 * How a holder times its renewals within a lease of `durationSeconds`: it renews every
 * quarter of it, retries a failed renewal every twelfth, and gives the lock up (stops
 * before its next change) two thirds of a duration after its last renewal began. An
 * observer first sees that renewal no earlier than it began, and waits a whole duration
 * from then: a third of a duration lies between the holder stopping and anyone else
 * starting, for clock rate differences and slow answers.
 */
export function renewalTiming(durationSeconds: number): {
  renewEveryMs: number;
  retryEveryMs: number;
  deadlineMs: number;
} {
  const ms = durationSeconds * 1000;
  return {
    renewEveryMs: Math.round(ms / 4),
    retryEveryMs: Math.max(50, Math.round(ms / 12)),
    deadlineMs: Math.round((ms * 2) / 3),
  };
}

/** RFC 3339 with microseconds, the Lease's MicroTime (`2006-01-02T15:04:05.000000Z`). */
export function microTime(at: Date): string {
  return `${at.toISOString().slice(0, -1)}000Z`;
}
