/**
 * What the deploy, rollback and drift commands need besides the engine and the cluster:
 * the last-known-good store, the probe phase (plan + run to a confirmed result), and where
 * a step's bundle file is written for the engine.
 */
import type { NetworkPolicy } from "../k8s/types.js";
import type { StepProbeInput } from "../probe/step-plan.js";
import type { ProbePlan, ProbeRunResult } from "../probe/types.js";
import type { History, RecordedBundle } from "../rollout/last-known-good.js";

/** Reads and writes an environment's deploy history (see rollout/last-known-good.ts). */
export interface HistoryStore {
  /** The history, empty when none was recorded yet. Throws HistoryStoreError when it cannot be read. */
  read(environment: string): Promise<History>;
  /** Replaces the stored history (optimistic: fails when it changed since it was read). */
  write(history: History): Promise<void>;
  /** Where it is kept, for messages ("ConfigMap netpol-rollout/netpol-rollout-lkg-production"). */
  describe(environment: string): string;
  /** Whether records are authenticated (a record key was given): a read refuses one that does not verify. */
  readonly keyed: boolean;
}

export class HistoryStoreError extends Error {
  override name = "HistoryStoreError";
}

/** Plans and runs probes; the live prober in the Action, the simulated one in tests. */
export interface ProbePhase {
  plan(input: StepProbeInput): ProbePlan;
  /** Runs a plan to its confirmed result (first round, re-probes of mismatches, confirmation). */
  run(plan: ProbePlan, signal?: AbortSignal): Promise<ProbeRunResult>;
}

/** Writes a step's exact object set where the engine reads it (`netpol-rollout:bundleFile`). */
export interface BundleFiles {
  write(environment: string, label: string, bundle: RecordedBundle): Promise<string>;
}

/**
 * The cluster's own NetworkPolicies, which no environment's stack owns: the first deploy of
 * an environment that replaces them (`replaces:`) removes them, and puts them back when the
 * environment without them fails its probes.
 */
export interface ForeignPolicies {
  /** Removes the policy only as it was read (its resourceVersion): one changed since is left alone (throws). */
  remove(policy: NetworkPolicy): Promise<void>;
  /** Creates the policy again, as it was read. */
  restore(policy: NetworkPolicy): Promise<void>;
}
