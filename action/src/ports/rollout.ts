/**
 * What the deploy, rollback and drift commands need besides the engine and the cluster:
 * the last-known-good store, the probe phase (plan + run to a confirmed result), and where
 * a step's bundle file is written for the engine.
 */
import type { CompiledBundle } from "../compile/types.js";
import type { EnvironmentIntent } from "../intent/model.js";
import type { Namespace, Pod, PolicyObject, ServiceObject } from "../k8s/types.js";
import type { ProbePlan, ProbeRunResult } from "../probe/types.js";
import type { History, RecordedBundle } from "../rollout/last-known-good.js";

/** The live state a rollout reads before it changes anything. */
export interface ClusterState {
  namespaces: Namespace[];
  pods: Pod[];
  services: ServiceObject[];
  /** Every NetworkPolicy (and CiliumNetworkPolicy, when read) in the cluster. */
  policies: PolicyObject[];
}

/** Reads and writes an environment's deploy history (see rollout/last-known-good.ts). */
export interface HistoryStore {
  /** The history, empty when none was recorded yet. Throws HistoryStoreError when it cannot be read. */
  read(environment: string): Promise<History>;
  /** Replaces the stored history (optimistic: fails when it changed since it was read). */
  write(history: History): Promise<void>;
  /** Where it is kept, for messages ("ConfigMap netpol-rollout/netpol-rollout-lkg-production"). */
  describe(environment: string): string;
}

export class HistoryStoreError extends Error {
  override name = "HistoryStoreError";
}

export interface PlanInput {
  environment: EnvironmentIntent;
  /** Exactly what the environment holds while the checks run. */
  bundle: CompiledBundle;
  /** What it held before this step (expected-before). */
  before: CompiledBundle;
  cluster: ClusterState;
}

/** Plans and runs probes; the live prober in the Action, the simulated one in tests. */
export interface ProbePhase {
  plan(input: PlanInput): ProbePlan;
  /** Runs a plan to its confirmed result (first round, re-probes of mismatches, confirmation). */
  run(plan: ProbePlan, signal?: AbortSignal): Promise<ProbeRunResult>;
}

/** Writes a step's exact object set where the engine reads it (`netpol-rollout:bundleFile`). */
export interface BundleFiles {
  write(environment: string, label: string, bundle: RecordedBundle): Promise<string>;
}
