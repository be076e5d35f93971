/**
 * The Pulumi engine as the commands see it: previewing a stack, deploying one rollout
 * stage of it, and the typed errors the adapter classifies into. What both return is core
 * data (`rollout/engine.ts`).
 */
import type { DeployConfig } from "../rollout/config.js";
import type { DeployResult, EnginePreview, EngineTarget } from "../rollout/engine.js";

/** The Pulumi engine as the preview sees it. */
export interface PreviewEngine {
  preview(environment: string): Promise<EnginePreview>;
}

/** What one deploy sets: the stage, and optionally a recorded bundle, the revision, the intent directory. */
export type DeployOptions = Omit<DeployConfig, "environment">;

/** Deploys one rollout stage of an environment's stack (`pulumi up`). */
export interface PulumiDeployer {
  up(environment: string, options: DeployOptions): Promise<DeployResult>;
  /**
   * Runs the program as `up` would, with the same config, as a `pulumi preview` without a
   * refresh (nothing in the cluster or the stack's state changes), and says which cluster it
   * would deploy to. Throws like `up`.
   */
  target(environment: string, options: DeployOptions): Promise<EngineTarget>;
}

/** Why the engine part could not produce a preview or a deploy. */
export class PulumiEngineError extends Error {
  override name = "PulumiEngineError";
}
/** Another update holds the stack's lock (Pulumi Cloud 409, or a self-managed backend's lock file). */
export class StackLockedError extends PulumiEngineError {
  override name = "StackLockedError";
}
export class PulumiStackNotFoundError extends PulumiEngineError {
  override name = "PulumiStackNotFoundError";
}
/** The `pulumi` executable is not there (or vanished between the check and the run). */
export class PulumiCliMissingError extends PulumiEngineError {
  override name = "PulumiCliMissingError";
}
export class PulumiPreviewError extends PulumiEngineError {
  override name = "PulumiPreviewError";
}
/** `pulumi up` failed for a reason other than a locked stack or a missing CLI. */
export class PulumiDeployError extends PulumiEngineError {
  override name = "PulumiDeployError";
  constructor(
    message: string,
    /** `file:line` of the intent declarations behind the resources that failed. */
    readonly sources: string[] = [],
  ) {
    super(message);
  }
}

/**
 * What the engine adapters need to know about the environment they run in. The engine's
 * processes get these variables explicitly; nothing under `adapters/` reads `process.env`.
 */
export interface PulumiEnvironment {
  /** PATH, for looking up the `pulumi` CLI and, by the engine, its language host and plugins. */
  path: string;
  /** PULUMI_BACKEND_URL, when set (a self-managed backend: s3://, file://, …). */
  backendUrl?: string;
  /** Whether PULUMI_ACCESS_TOKEN is set (Pulumi Cloud). */
  accessTokenSet: boolean;
  /** Further variables for the engine (PULUMI_HOME, KUBECONFIG…). Default none. */
  vars?: Readonly<Record<string, string>>;
  /**
   * The engine's secrets (PULUMI_ACCESS_TOKEN, PULUMI_CONFIG_PASSPHRASE), read when the
   * engine starts: a function, so they never show when settings are logged or serialised.
   */
  secretVars?: () => Readonly<Record<string, string>>;
}
