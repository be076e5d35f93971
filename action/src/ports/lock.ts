/**
 * The run lock as the commands see it: one lock per environment (per cluster of it, later)
 * that deploy, rollback and drift take before they read what they will change, prove they
 * still hold before every change, and release at the end. The adapter keeps it in a
 * coordination.k8s.io/v1 Lease of the state namespace (adapters/lease-lock.ts); the Lease
 * calls themselves go through `LeaseClient`.
 */
import type { LockHolder, LockScope } from "../rollout/lock.js";

export interface AcquireOptions {
  /** How long to wait for another holder to finish or to expire, in ms. */
  waitMs: number;
  /** Stops the wait (the job was cancelled): LockBusyError. */
  signal?: AbortSignal;
  /** Told when the lock is found held, and again whenever its holder changes. */
  onWait?: (holder: LockHolder, expiresInMs: number) => void;
}

/** The holder whose Lease expired and was taken over: a run that died without releasing it. */
export interface ExpiredHolder {
  holder: LockHolder;
  /** Its last renewTime, by its own clock (RFC 3339), when it wrote one. */
  renewTime?: string;
  /** What it was doing when it last proved it held the lock. */
  activity?: string;
  /** How long its Lease stood unchanged before it was taken, by our clock. */
  unchangedMs: number;
}

/** A lock this run holds. Renewed in the background until released or lost. */
export interface HeldLock {
  readonly scope: LockScope;
  /** "Lease netpol-rollout/netpol-rollout-lock-production". */
  readonly description: string;
  /** The holder taken over, when the lock was taken from a run whose Lease expired. */
  readonly previous?: ExpiredHolder;
  /** Aborted, with a LockLostError as its reason, once the lock is lost. */
  readonly lost: AbortSignal;
  /**
   * Proves with a compare-and-swap write that this run still holds the lock, and records
   * `activity` on it for whoever waits. Throws LockLostError when it does not.
   */
  confirm(activity: string): Promise<void>;
  /** Stops renewing and gives the lock up; never throws (an unreleased Lease expires). */
  release(): Promise<void>;
}

/** Takes locks for the runs of one command. */
export interface RunLocks {
  /** Takes the lock, waiting up to `waitMs`; throws LockBusyError naming the holder, or LockError. */
  acquire(scope: LockScope, options: AcquireOptions): Promise<HeldLock>;
  /** Where the lock of `scope` is kept, for messages. */
  describe(scope: LockScope): string;
}

/** The lock could not be read or written (no permission, the API server unavailable). */
export class LockError extends Error {
  override name = "LockError";
}

/** Another run holds the lock and did not let go (or expire) within the wait. */
export class LockBusyError extends LockError {
  override name = "LockBusyError";
  constructor(
    message: string,
    readonly holder: LockHolder,
    /** How long we waited, in ms. */
    readonly waitedMs: number,
  ) {
    super(message);
  }
}

/** This run no longer holds its lock: another run took it, it was deleted, or renewing failed too long. */
export class LockLostError extends LockError {
  override name = "LockLostError";
}

/** A Lease as plain JSON (the API's field names; MicroTime as RFC 3339 strings). */
export interface LeaseObject {
  apiVersion?: "coordination.k8s.io/v1";
  kind?: "Lease";
  metadata: {
    name: string;
    namespace: string;
    resourceVersion?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: {
    holderIdentity?: string;
    leaseDurationSeconds?: number;
    acquireTime?: string;
    renewTime?: string;
    leaseTransitions?: number;
  };
}

/**
 * The Lease calls the lock needs. Throws the cluster port's typed errors: ConflictError
 * (AlreadyExists on create, Conflict on a stale resourceVersion), ForbiddenError…
 */
export interface LeaseClient {
  get(namespace: string, name: string): Promise<LeaseObject | undefined>;
  create(lease: LeaseObject): Promise<LeaseObject>;
  /** Replaces the Lease at `metadata.resourceVersion` (compare-and-swap). */
  replace(lease: LeaseObject): Promise<LeaseObject>;
}

/** Time as the lock reads it; tests drive it by hand. */
export interface LockClock {
  /** Monotonic milliseconds: never jumps with the wall clock. */
  now(): number;
  /** The wall clock, for the renewTime written (reported, never trusted). */
  wall(): Date;
  /** Resolves after `ms`, or at once when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
