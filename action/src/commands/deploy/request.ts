/** What a deploy or rollback is asked to do, and the ports it runs over. */
import type { EnvironmentIntent } from "../../intent/model.js";
import type { PulumiDeployer } from "../../ports/engine.js";
import type { RunLocks } from "../../ports/lock.js";
import type { CiliumNetworkPolicy, ClusterState, NetworkPolicy } from "../../k8s/types.js";
import type { BundleFiles, ForeignPolicies, HistoryStore, ProbePhase } from "../../ports/rollout.js";
import type { BreakGlass } from "../../rollout/break-glass.js";
import type { OnInconclusive } from "../../rollout/decision.js";
import type { RecordedBundle, RunInfo } from "../../rollout/last-known-good.js";
import type { ObservedTraffic } from "./observed.js";
import type { CompiledAtRef } from "../../rollout/revision.js";

/**
 * Compiles an environment at a git ref of the repository (a full commit not in the checkout
 * is fetched by SHA): undefined when the ref does not exist or the environment is not
 * declared there; throws when the intent there is invalid (the message names file:line).
 */
export type CompileAtRef = (ref: string, environment: string) => Promise<CompiledAtRef | undefined>;

/** One environment to deploy: its intent (for probes and messages) and the bundle to reach. */
export interface RolloutTarget {
  intent: EnvironmentIntent;
  bundle: RecordedBundle;
  /** The git commit of `bundle`, or null. */
  revision: string | null;
  /** The cluster's own policies the environment replaces (`replaces:`), as recorded. */
  replaced?: { policies: NetworkPolicy[]; ciliumPolicies: CiliumNetworkPolicy[] };
}

export interface RolloutRequest {
  /** deploy: a new revision; rollback: a person asked for an earlier one. */
  action: "deploy" | "rollback";
  /** In promotion order; a failed environment stops the ones after it. */
  targets: RolloutTarget[];
  onInconclusive: OnInconclusive;
  /** Whether connectivity lost for a policy may lift default-denies (see rollout/break-glass.ts); default `auto`. */
  breakGlass?: BreakGlass;
  run: RunInfo;
  /** For a manual rollback: why (the dispatch form's reason). */
  reason?: string;
  /** SIGINT/SIGTERM: no new step starts; the probe phase cleans up. */
  signal?: AbortSignal;
  /**
   * Observed traffic (deploy only): the first default-deny of a namespace is refused while
   * flows that go through today would be blocked by it, unless `proceed`.
   */
  observed?: ObservedTraffic;
  /** How long to wait for another run to release an environment's run lock, in ms. Default 15 minutes. */
  lockWaitMs?: number;
}

/** The default wait for a run lock: a deploy of one environment, probes included, takes minutes. */
export const DEFAULT_LOCK_WAIT_MS = 15 * 60_000;

export interface RolloutDeps {
  engine: PulumiDeployer;
  /** Each environment's run lock: taken before anything is read, confirmed before every change. */
  locks: RunLocks;
  readCluster(): Promise<ClusterState>;
  history: HistoryStore;
  probes: ProbePhase;
  files: BundleFiles;
  /** A revision's intent from the repository, for records that do not hold it (an earlier version's). */
  compileAt: CompileAtRef;
  /** The cluster the probes run on, for messages ("https://10.0.0.1:6443 (context prod)"). */
  clusterName?: string;
  /** Removes (and puts back) the cluster's own policies an environment replaces. */
  foreign?: ForeignPolicies;
  now(): Date;
  log(line: string): void;
}
