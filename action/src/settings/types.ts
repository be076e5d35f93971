/**
 * The Action's settings: one typed shape per command, made once from the inputs and the
 * runner's context by `parseSettings`. Nothing below the settings reads `core.getInput` or
 * `process.env`: commands and adapters receive what they need from here.
 */
import type { FlowPattern } from "../commands/action-preview.js";
import type { ObservedDetail } from "../flows/observed-preview.js";
import type { PulumiEnvironment } from "../ports/engine.js";
import type { BreakGlass } from "../rollout/break-glass.js";
import type { OnInconclusive } from "../rollout/decision.js";
import type { FailOn } from "../commands/action-preview.js";
import type { GitHubContext } from "../commands/github-run.js";
import type { RecordKey } from "../rollout/record-key.js";

/** The Action's commands. */
export const COMMANDS = ["preview", "deploy", "rollback", "probe"] as const;
export type Command = (typeof COMMANDS)[number];

export const PULUMI_ENGINE_MODES = ["auto", "off"] as const;
export type PulumiEngineMode = (typeof PULUMI_ENGINE_MODES)[number];

export interface RunnerContext {
  /** The checked-out repository (GITHUB_WORKSPACE, else the working directory). Absolute. */
  workspace: string;
  /** A directory for temporary files that is emptied after the job (RUNNER_TEMP, else the OS temp dir). */
  temp: string;
  /** The job summary file (GITHUB_STEP_SUMMARY); absent when not running on a runner. */
  stepSummaryPath?: string;
  /**
   * The environment for the tools the Action runs (git): the runner's variables without
   * the Action's inputs (INPUT_*, which hold the token) and the Pulumi secrets.
   */
  toolEnv: Readonly<Record<string, string | undefined>>;
}

/** What every command's settings hold. */
export interface CommonSettings {
  /** Environments to act on, in the order given; undefined means all, in promotion order. */
  environments?: string[];
  /** The intent directory, relative to the workspace, POSIX separators. Default `policies`. */
  policiesDir: string;
  /** The Pulumi project directory, absolute. Default `<workspace>/pulumi`. */
  workDir: string;
  /**
   * Whether `work-dir` was given. A given one must hold a Pulumi project; without it the
   * Action runs `pulumi/` when that holds one, else the program it ships.
   */
  workDirGiven: boolean;
  /** `pulumi-project`: the project name the shipped program runs as. Default `netpol-rollout`. */
  pulumiProject: string;
  /** The token for the GitHub API (default `${{ github.token }}`). */
  githubToken: string;
  /** Pulumi stack name per environment, `{env}` replaced by the environment name. Default `{env}`. */
  stackTemplate: string;
  github: GitHubContext;
  runner: RunnerContext;
  /** What the engine adapters get, explicitly: PATH, the backend, the PULUMI_* variables. */
  pulumi: PulumiEnvironment;
  /**
   * Values masked in every log line and scrubbed from everything written or posted: the
   * token, the Pulumi credentials, and every environment variable whose name says it holds
   * a secret (`secretEnvironmentValues`).
   */
  secrets: string[];
}

/** `preview`: the pull request's semantic diff, lint, Pulumi preview, comment and job summary. */
export interface PreviewSettings extends CommonSettings {
  command: "preview";
  /** Whether to post the sticky pull request comment. Default true. */
  commentOnPr: boolean;
  /** The login whose comment is ours (`comment-author`); absent: found out from the token. */
  commentAuthor?: string;
  /** The revision to compare with; absent means "no base" (everything is shown as added). */
  baseRef?: string;
  /** Where `baseRef` came from, for the log. */
  baseRefSource: "input" | "pull request base" | "push before" | "none";
  failOn: FailOn;
  pulumiEngine: PulumiEngineMode;
  /** `flows`: observed traffic files or globs, per environment or for all; empty: none. */
  flows: FlowPattern[];
  /** `flows-detail`: how the comment names observed traffic (a fork always gets `services`). */
  flowsDetail: ObservedDetail;
}

/** Which cluster the commands that reach one act on, and how they probe it. */
export interface ClusterSettings {
  /**
   * `kubeconfig`: an absolute path (a relative one is resolved in the workspace). Absent:
   * KUBECONFIG, then ~/.kube/config, then the pod's service account (in-cluster).
   */
  kubeconfig?: string;
  /** `context`: the kubeconfig context; absent: its current-context. */
  context?: string;
  /** `state-namespace`: where each environment's history ConfigMap and run lock Lease live. Default `netpol-rollout`. */
  stateNamespace: string;
  /**
   * `lock-wait`: seconds to wait for another run to release an environment's run lock.
   * Absent: 900 for deploy and rollback; 300 for probe, which then skips the environment.
   */
  lockWaitSeconds?: number;
  /**
   * `record-key`: the keys that authenticate the records (the first signs, each verifies);
   * empty: records are trusted as written.
   */
  recordKeys: RecordKey[];
  probe: ProbeRunSettings;
}

/** How probe pods are run. */
export interface ProbeRunSettings {
  /** `probe-image`; absent: the agnhost e2e test image. */
  image?: string;
  /** `probe-image-pull-secrets`: names of Secrets in each probed namespace. */
  imagePullSecrets: string[];
  /** `probe-timeout`: seconds per connection attempt (the pods' and the prober's). Default 3. */
  timeoutSeconds: number;
  /** `settle-seconds`: the dataplane's settle window; absent: the CNI profile's. */
  settleSeconds?: number;
}

/** `deploy`: roll the intent out in safe steps proven by probes, rolling back by itself. */
export interface DeploySettings extends CommonSettings, ClusterSettings {
  command: "deploy";
  onInconclusive: OnInconclusive;
  /** `break-glass`: `auto` (default) or `never`. */
  breakGlass: BreakGlass;
  /** The commit deployed (GITHUB_SHA); absent outside a runner. */
  revision?: string;
  /** Whether to post the short result on the pull request the merge commit came from. */
  commentOnPr: boolean;
  /** The login whose comment is ours; absent: found out from the token. */
  commentAuthor?: string;
  /** `flows`: observed traffic for the pre-flight, per environment or for all; empty: none. */
  flows: FlowPattern[];
  /** `flows-detail`: how the refusal names observed traffic. */
  flowsDetail: ObservedDetail;
  /** `enforce-despite-flows`: enforce a first default-deny even though observed traffic would stop. */
  enforceDespiteFlows: boolean;
}

/** `rollback`: deploy an earlier revision of one environment by hand. */
export interface RollbackSettings extends CommonSettings, ClusterSettings {
  command: "rollback";
  /** Exactly one. */
  environments: [string];
  /** `last-known-good`, a recorded revision (commit prefix, digest, `#<entry>`) or a git ref. */
  target: string;
  /** Why; recorded in the history and the job summary. */
  reason: string;
  onInconclusive: OnInconclusive;
  /** `break-glass`: `auto` (default) or `never`. */
  breakGlass: BreakGlass;
}

/** `probe`: the drift watch: probe what is deployed and compare it with the last-known-good. */
export interface ProbeSettings extends CommonSettings, ClusterSettings {
  command: "probe";
}

/** The commands that reach a cluster. */
export type ClusterCommandSettings = DeploySettings | RollbackSettings | ProbeSettings;

/** One shape per command, told apart by `command`. */
export type Settings = PreviewSettings | DeploySettings | RollbackSettings | ProbeSettings;

/** One or more inputs are invalid; `problems` lists every one of them. */
export class SettingsError extends Error {
  override name = "SettingsError";
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? `Invalid input: ${problems[0]}`
        : `Invalid inputs:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
  }
}

/** Where settings come from: the process environment, the working directory and a file reader. */
export interface SettingsSource {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Reads a text file (the event payload). Throws when it cannot. */
  readFile: (path: string) => string;
  /** The OS temporary directory, when RUNNER_TEMP is not set. */
  tmpdir: string;
}
