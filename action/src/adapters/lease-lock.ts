/**
 * The run lock in a coordination.k8s.io/v1 Lease of the state namespace, one per lock
 * scope (rollout/lock.ts names it).
 *
 * - Taking it: create the Lease, or replace it at the resourceVersion read (compare and
 *   swap) when nobody holds it or its holder's Lease stood unchanged for a whole lease
 *   duration by our own clock (LeaseObserver). Two runs racing for it: one write wins, the
 *   other meets Conflict and reads again.
 * - Holding it: renewed (a compare-and-swap write of renewTime) every quarter duration in
 *   the background, a long `pulumi up` included; `confirm` writes once more before every
 *   change. A write that meets another holder, a deleted Lease, or no successful renewal
 *   within two thirds of a duration (a watchdog, so a hung API call cannot stretch it) loses
 *   the lock for good: `lost` aborts and `confirm` throws.
 * - Giving it up: the holder identity is cleared (the annotations keep who held it last), so
 *   the next run takes it at once. A run killed before that leaves a Lease that expires.
 */
import { randomBytes } from "node:crypto";
import { systemClock } from "./clock.js";
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from "../compile/types.js";
import { ConflictError, NotFoundError } from "../ports/cluster.js";
import {
  LockBusyError,
  LockError,
  LockLostError,
  type AcquireOptions,
  type ExpiredHolder,
  type HeldLock,
  type LeaseClient,
  type LeaseObject,
  type LockClock,
  type RunLocks,
} from "../ports/lock.js";
import {
  ACTIVITY_ANNOTATION,
  LeaseObserver,
  RELEASED_ANNOTATION,
  describeHolder,
  holderAnnotations,
  holderIdentity,
  holderOf,
  leaseText,
  lockLeaseName,
  microTime,
  renewalTiming,
  type LockRun,
  type LockScope,
} from "../rollout/lock.js";
import { errorMessage } from "../text/error-message.js";

/** The default lease duration: long enough for a runner's slow minute, short enough to wait out. */
export const DEFAULT_LEASE_SECONDS = 60;

export interface LeaseLockOptions {
  /** The state namespace. */
  namespace: string;
  /** Who takes the locks (recorded on each Lease). */
  run: LockRun;
  /** Seconds. Default DEFAULT_LEASE_SECONDS. */
  durationSeconds?: number;
  /** How often a waiting run reads the Lease, in ms. Default: a twelfth of the duration, at most 5 s. */
  pollMs?: number;
  clock?: LockClock;
  /** The holder identity's unique part. Default 8 random hex digits. */
  nonce?: () => string;
  log?: (line: string) => void;
}

export const lockClock: LockClock = {
  now: () => performance.now(),
  wall: () => new Date(),
  sleep: (ms, signal) => systemClock.sleep(Math.max(0, ms), signal),
};

export function createLeaseLocks(client: LeaseClient, options: LeaseLockOptions): RunLocks {
  const duration = options.durationSeconds ?? DEFAULT_LEASE_SECONDS;
  const clock = options.clock ?? lockClock;
  const pollMs = options.pollMs ?? Math.min(5_000, Math.round((duration * 1000) / 12));
  const nonce = options.nonce ?? (() => randomBytes(4).toString("hex"));
  const log = options.log ?? (() => undefined);
  const { namespace, run } = options;
  const describe = (scope: LockScope) => `Lease ${namespace}/${lockLeaseName(scope)}`;

  return {
    describe,
    async acquire(scope: LockScope, acquire: AcquireOptions): Promise<HeldLock> {
      const name = lockLeaseName(scope);
      const description = describe(scope);
      const identity = holderIdentity(run, nonce());
      const observer = new LeaseObserver(duration);
      const started = clock.now();
      let told: string | undefined;
      const fail = (error: unknown, doing: string): LockError =>
        new LockError(`cannot ${doing} the run lock ${description}: ${errorMessage(error)}`);

      for (;;) {
        let lease: LeaseObject | undefined;
        try {
          lease = await client.get(namespace, name);
        } catch (error) {
          throw fail(error, "read");
        }
        if (lease === undefined) {
          try {
            const created = await client.create(fresh(name, namespace, identity, run, duration, clock));
            return new LeaseHold(client, created, scope, description, identity, duration, clock, log);
          } catch (error) {
            if (error instanceof ConflictError) continue; // created meanwhile (by us or another run): read it
            throw fail(error, "create");
          }
        }
        const holder = lease.spec?.holderIdentity;
        if (holder === identity) {
          // Our own write, whose answer was lost and whose retry met AlreadyExists or Conflict.
          return new LeaseHold(client, lease, scope, description, identity, duration, clock, log);
        }
        const state = observer.observe(
          {
            resourceVersion: lease.metadata.resourceVersion ?? "",
            ...(holder ? { holderIdentity: holder } : {}),
            ...(lease.spec?.leaseDurationSeconds === undefined
              ? {}
              : { leaseDurationSeconds: lease.spec.leaseDurationSeconds }),
          },
          clock.now(),
        );
        if (state.state !== "held") {
          const previous = state.state === "expired" ? expiredHolder(lease, state.unchangedMs) : undefined;
          try {
            const taken = await client.replace(takeOver(lease, identity, run, duration, clock));
            if (previous) {
              log(
                `${description}: taken over from ${describeHolder(previous.holder)}, whose Lease stood unchanged for ` +
                  `${seconds(previous.unchangedMs)} s (a whole lease of ${duration} s by our clock; its last renewTime ` +
                  `${previous.renewTime ?? "unknown"} is by its own clock)${previous.activity ? `; it was at "${previous.activity}"` : ""}: ` +
                  `that run ended without releasing it`,
              );
            }
            return new LeaseHold(client, taken, scope, description, identity, duration, clock, log, previous);
          } catch (error) {
            if (error instanceof ConflictError) continue; // another run wrote first: read again
            throw fail(error, "take over");
          }
        }
        const current = holderOf(holder ?? "", lease.metadata.annotations);
        const activity = lease.metadata.annotations?.[ACTIVITY_ANNOTATION];
        if (told !== current.identity) {
          told = current.identity;
          acquire.onWait?.(current, state.remainingMs);
        }
        const waited = clock.now() - started;
        if (waited >= acquire.waitMs || acquire.signal?.aborted) {
          throw new LockBusyError(
            `the run lock ${description} is held by ${describeHolder(current)}` +
              `${activity ? `, at "${leaseText(activity)}"` : ""}; ` +
              (acquire.signal?.aborted
                ? "the job was cancelled while waiting for it"
                : `waited ${seconds(waited)} s for it to be released (a holder that stops renewing loses it after ${duration} s)`),
            current,
            waited,
          );
        }
        await clock.sleep(Math.min(pollMs, acquire.waitMs - waited), acquire.signal);
      }
    },
  };
}

/** A lock this run holds: renewed in the background, confirmed before every change. */
class LeaseHold implements HeldLock {
  readonly lost: AbortSignal;
  private readonly lose: AbortController = new AbortController();
  private readonly stopped = new AbortController();
  private readonly timing: ReturnType<typeof renewalTiming>;
  private lastRenewAt: number;
  private writes: Promise<void> = Promise.resolve();
  private readonly background: Promise<void>;

  constructor(
    private readonly client: LeaseClient,
    private lease: LeaseObject,
    readonly scope: LockScope,
    readonly description: string,
    private readonly identity: string,
    private readonly duration: number,
    private readonly clock: LockClock,
    private readonly log: (line: string) => void,
    readonly previous?: ExpiredHolder,
  ) {
    this.lost = this.lose.signal;
    this.timing = renewalTiming(duration);
    // The write that took the lock began no earlier than this; counting from here is on the safe side.
    this.lastRenewAt = clock.now();
    this.background = Promise.all([this.renewLoop(), this.watchdog()]).then(() => undefined);
  }

  private get done(): boolean {
    return this.stopped.signal.aborted || this.lost.aborted;
  }

  async confirm(activity: string): Promise<void> {
    if (this.lost.aborted) throw this.lost.reason as LockLostError;
    await this.serial(() => this.renew(activity));
    if (this.lost.aborted) throw this.lost.reason as LockLostError;
  }

  async release(): Promise<void> {
    if (this.stopped.signal.aborted) return;
    this.stopped.abort();
    await this.background;
    await this.writes;
    let current: LeaseObject | undefined = this.lease;
    for (let attempt = 0; attempt < 3 && current?.spec?.holderIdentity === this.identity; attempt++) {
      const spec = { ...current.spec };
      delete spec.holderIdentity;
      try {
        await this.client.replace({
          ...current,
          metadata: {
            ...current.metadata,
            annotations: {
              ...current.metadata.annotations,
              [RELEASED_ANNOTATION]: microTime(this.clock.wall()),
            },
          },
          spec: { ...spec, renewTime: microTime(this.clock.wall()) },
        });
        return;
      } catch (error) {
        if (!(error instanceof ConflictError)) {
          if (!(error instanceof NotFoundError)) {
            this.log(
              `${this.description} could not be released (${errorMessage(error)}); it expires ${this.duration} s after its last renewal`,
            );
          }
          return;
        }
        current = await this.client
          .get(this.lease.metadata.namespace, this.lease.metadata.name)
          .catch(() => undefined);
      }
    }
  }

  /** One write at a time: the background renewal and `confirm` share the resourceVersion. */
  private serial(write: () => Promise<void>): Promise<void> {
    const next = this.writes.then(write, write);
    this.writes = next.catch(() => undefined);
    return next;
  }

  private async renewLoop(): Promise<void> {
    while (!this.done) {
      await this.clock.sleep(this.timing.renewEveryMs, this.stopped.signal);
      if (this.done) return;
      await this.serial(() => this.renew(undefined));
    }
  }

  /** Loses the lock once no renewal succeeded within the deadline, even while a write hangs. */
  private async watchdog(): Promise<void> {
    while (!this.done) {
      const due = this.lastRenewAt + this.timing.deadlineMs - this.clock.now();
      if (due <= 0) {
        this.loseWith(`it was not renewed within ${seconds(this.timing.deadlineMs)} s`);
        return;
      }
      await this.clock.sleep(due, this.stopped.signal);
    }
  }

  /** Writes renewTime (and the activity) at the resourceVersion held, until it is written or lost. */
  private async renew(activity: string | undefined): Promise<void> {
    while (!this.lost.aborted) {
      const began = this.clock.now();
      const current = this.lease;
      try {
        this.lease = await this.client.replace({
          ...current,
          metadata: {
            ...current.metadata,
            annotations: {
              ...current.metadata.annotations,
              ...(activity === undefined ? {} : { [ACTIVITY_ANNOTATION]: activity }),
            },
          },
          spec: { ...current.spec, renewTime: microTime(this.clock.wall()) },
        });
        if (!this.lost.aborted) this.lastRenewAt = began;
        return;
      } catch (error) {
        if (error instanceof ConflictError || error instanceof NotFoundError) {
          let now: LeaseObject | undefined;
          try {
            now = await this.client.get(current.metadata.namespace, current.metadata.name);
          } catch (readError) {
            if (await this.retryLater(readError)) continue;
            return;
          }
          if (now === undefined) return this.loseWith("its Lease was deleted");
          if (now.spec?.holderIdentity !== this.identity) {
            const by = now.spec?.holderIdentity
              ? describeHolder(holderOf(now.spec.holderIdentity, now.metadata.annotations))
              : "nobody (someone cleared its holder)";
            return this.loseWith(`it is now held by ${by}`);
          }
          // Still ours: the Lease moved on (our own earlier write whose answer was lost, or
          // someone editing it); write again on the version read, within the deadline.
          this.lease = now;
          if (this.clock.now() - this.lastRenewAt >= this.timing.deadlineMs) {
            return this.loseWith(`it was not renewed within ${seconds(this.timing.deadlineMs)} s`);
          }
          continue;
        }
        if (!(await this.retryLater(error))) return;
      }
    }
  }

  /** After a failed write: waits to try again, or loses the lock once the deadline has passed. */
  private async retryLater(error: unknown): Promise<boolean> {
    if (this.clock.now() - this.lastRenewAt >= this.timing.deadlineMs) {
      this.loseWith(
        `it could not be renewed for ${seconds(this.timing.deadlineMs)} s: ${errorMessage(error)}`,
      );
      return false;
    }
    this.log(`${this.description}: renewing failed, trying again: ${errorMessage(error)}`);
    await this.clock.sleep(this.timing.retryEveryMs, this.stopped.signal);
    return !this.stopped.signal.aborted;
  }

  private loseWith(reason: string): void {
    if (this.lost.aborted) return;
    const error = new LockLostError(`this run lost the run lock ${this.description}: ${reason}`);
    this.log(error.message);
    this.lose.abort(error);
  }
}

function fresh(
  name: string,
  namespace: string,
  identity: string,
  run: LockRun,
  duration: number,
  clock: LockClock,
): LeaseObject {
  const now = microTime(clock.wall());
  return {
    metadata: {
      name,
      namespace,
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE },
      annotations: { ...holderAnnotations(run), [ACTIVITY_ANNOTATION]: "acquired" },
    },
    spec: {
      holderIdentity: identity,
      leaseDurationSeconds: duration,
      acquireTime: now,
      renewTime: now,
      leaseTransitions: 0,
    },
  };
}

/** The Lease, now ours: our annotations replace the last holder's, one more transition. */
function takeOver(
  lease: LeaseObject,
  identity: string,
  run: LockRun,
  duration: number,
  clock: LockClock,
): LeaseObject {
  const now = microTime(clock.wall());
  const others = Object.fromEntries(
    Object.entries(lease.metadata.annotations ?? {}).filter(
      ([k]) => !k.startsWith("netpol-rollout.io/lock-"),
    ),
  );
  return {
    ...lease,
    metadata: {
      ...lease.metadata,
      labels: { ...lease.metadata.labels, [MANAGED_BY_LABEL]: MANAGED_BY_VALUE },
      annotations: { ...others, ...holderAnnotations(run), [ACTIVITY_ANNOTATION]: "acquired" },
    },
    spec: {
      holderIdentity: identity,
      leaseDurationSeconds: duration,
      acquireTime: now,
      renewTime: now,
      leaseTransitions: (lease.spec?.leaseTransitions ?? 0) + 1,
    },
  };
}

function expiredHolder(lease: LeaseObject, unchangedMs: number): ExpiredHolder {
  const annotations = lease.metadata.annotations ?? {};
  const activity = annotations[ACTIVITY_ANNOTATION];
  return {
    holder: holderOf(lease.spec?.holderIdentity ?? "", annotations),
    ...(lease.spec?.renewTime ? { renewTime: leaseText(lease.spec.renewTime) } : {}),
    ...(activity ? { activity: leaseText(activity) } : {}),
    unchangedMs,
  };
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(ms < 10_000 ? 1 : 0);
}
