/**
 * The Action's inputs and its GitHub runner context, parsed ONCE into a typed, validated
 * `Settings` object. Nothing below this module reads `core.getInput` or `process.env`:
 * commands and adapters receive what they need from here.
 *
 * Every input problem is collected and reported together (`SettingsError.problems`), so a
 * workflow author fixes them in one round.
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { PulumiEnvironment } from "./ports/engine.js";
import { ENV_PLACEHOLDER } from "./rollout/config.js";
import { ON_INCONCLUSIVE, type OnInconclusive } from "./rollout/decision.js";
import { LAST_KNOWN_GOOD } from "./rollout/last-known-good.js";

/** The Action's commands. */
export const COMMANDS = ["preview", "deploy", "rollback", "probe"] as const;
export type Command = (typeof COMMANDS)[number];

/** Lint threshold that fails the job: `error` (default), `warning` (any finding) or `never`. */
export const FAIL_ON = ["error", "warning", "never"] as const;
export type FailOn = (typeof FAIL_ON)[number];

export const PULUMI_ENGINE_MODES = ["auto", "off"] as const;
export type PulumiEngineMode = (typeof PULUMI_ENGINE_MODES)[number];

/** A pull request as the event payload describes it. */
export interface PullRequestContext {
  number: number;
  /** The base commit of the pull request when the event fired. */
  baseSha?: string;
  headSha?: string;
  /** "owner/repo" of the base and the head repositories; head is undefined when the fork was deleted. */
  baseRepo?: string;
  headRepo?: string;
  /** True when the head repository is not the base repository: the token is read-only and secrets are absent. */
  isFork: boolean;
  htmlUrl?: string;
}

export interface GitHubContext {
  /** GITHUB_EVENT_NAME, e.g. "pull_request", "push", "workflow_dispatch". */
  eventName: string;
  owner: string;
  repo: string;
  /** REST API base URL (GITHUB_API_URL; https://api.github.com by default, differs on GHES). */
  apiUrl: string;
  /** Web URL (GITHUB_SERVER_URL; https://github.com by default). */
  serverUrl: string;
  runId?: string;
  runAttempt?: string;
  /** GITHUB_ACTOR: who triggered the run (the audit trail of a rollback). */
  actor?: string;
  /** GITHUB_SHA: the commit the workflow runs on (for a pull request, the test merge commit). */
  sha?: string;
  /** Present for pull_request and pull_request_target events. */
  pullRequest?: PullRequestContext;
  /** For a push event: the commit before the push (absent for a new branch). */
  pushBefore?: string;
}

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
  /** `state-namespace`: where each environment's history ConfigMap lives. Default `netpol-rollout`. */
  stateNamespace: string;
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
}

/** `deploy`: roll the intent out in safe steps proven by probes, rolling back by itself. */
export interface DeploySettings extends CommonSettings, ClusterSettings {
  command: "deploy";
  onInconclusive: OnInconclusive;
  /** The commit deployed (GITHUB_SHA); absent outside a runner. */
  revision?: string;
  /** Whether to post the short result on the pull request the merge commit came from. */
  commentOnPr: boolean;
  /** The login whose comment is ours; absent: found out from the token. */
  commentAuthor?: string;
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
}

/** `probe`: the drift watch: probe what is deployed and compare it with the last-known-good. */
export interface ProbeSettings extends CommonSettings, ClusterSettings {
  command: "probe";
}

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

/**
 * The value of an input as the runner passes it: `INPUT_<NAME>` with spaces replaced by
 * underscores and upper-cased; dashes are kept (`INPUT_GITHUB-TOKEN`). Trimmed, like
 * `core.getInput`.
 */
export function readInput(env: SettingsSource["env"], name: string): string {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

const TRUE = ["true", "True", "TRUE"];
const FALSE = ["false", "False", "FALSE"];

/** Pulumi stack names: letters, digits, `-`, `_`, `.`, optionally qualified as `org/name` or `org/project/name`. */
const STACK_NAME = /^(?:[A-Za-z0-9_.-]+\/){0,2}[A-Za-z0-9_.-]+$/;
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** A Kubernetes namespace name (RFC 1123 label). */
const NAMESPACE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** A Kubernetes object name (RFC 1123 subdomain), for image pull Secrets. */
const OBJECT_NAME = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;
/** An image reference: no spaces, no shell or YAML specials. */
const IMAGE_REF = /^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/;
const PROJECT_NAME = /^[A-Za-z0-9_.-]+$/;
const SHA_ZERO = /^0+$/;

/** Parses and validates every input and the runner context. Throws `SettingsError` listing all problems. */
export function parseSettings(source: SettingsSource): Settings {
  const { env } = source;
  const problems: string[] = [];
  const input = (name: string): string => readInput(env, name);

  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = input(name);
    if (value === "") return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${name}: "${value}" is not one of ${allowed.join(", ")}`);
    return fallback;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const value = input(name);
    if (value === "") return fallback;
    if (TRUE.includes(value)) return true;
    if (FALSE.includes(value)) return false;
    problems.push(`${name}: "${value}" is not a boolean (true or false)`);
    return fallback;
  };

  const command = oneOf("command", COMMANDS, "preview");
  const failOn = oneOf("fail-on", FAIL_ON, "error");
  const pulumiEngine = oneOf("pulumi-engine", PULUMI_ENGINE_MODES, "auto");
  const commentOnPr = bool("comment-on-pr", true);

  let environments: string[] | undefined;
  const envList = input("environments");
  if (envList !== "") {
    const names = envList
      .split(/[,\n]/)
      .map((s) => s.trim())
      .filter((s) => s !== "");
    for (const name of names) {
      if (!ENV_NAME.test(name)) problems.push(`environments: "${name}" is not an environment name`);
    }
    environments = [...new Set(names)];
    if (environments.length === 0) environments = undefined;
  }

  const workspace = resolve(source.cwd, env.GITHUB_WORKSPACE || ".");
  const insideWorkspace = (name: string, fallback: string): string => {
    const value = input(name) || fallback;
    const absolute = resolve(workspace, value);
    const rel = relative(workspace, absolute);
    if (rel.startsWith("..") || isAbsolute(rel)) {
      problems.push(`${name}: "${value}" is outside the repository (${workspace})`);
    }
    return absolute;
  };
  const policiesAbs = insideWorkspace("policies-dir", "policies");
  const policiesDir = relative(workspace, policiesAbs).split(sep).join("/") || ".";
  const workDir = insideWorkspace("work-dir", "pulumi");
  const workDirGiven = input("work-dir") !== "";
  const pulumiProject = input("pulumi-project") || "netpol-rollout";
  if (!PROJECT_NAME.test(pulumiProject)) {
    problems.push(
      `pulumi-project: "${pulumiProject}" is not a Pulumi project name (letters, digits, - _ and .)`,
    );
  }
  const backendInput = input("pulumi-backend-url");
  if (backendInput !== "" && !/^[a-z][a-z0-9+.-]*:\/\//i.test(backendInput)) {
    problems.push(
      `pulumi-backend-url: "${backendInput}" is not a backend URL (https://…, s3://…, gs://…, azblob://…, file://…)`,
    );
  }
  const backendUrl = backendInput || env.PULUMI_BACKEND_URL;

  const stackTemplate = input("stack-template") || ENV_PLACEHOLDER;
  if (!stackTemplate.includes(ENV_PLACEHOLDER)) {
    problems.push(
      `stack-template: "${stackTemplate}" does not contain ${ENV_PLACEHOLDER}; every environment would share one stack`,
    );
  } else if (!STACK_NAME.test(stackTemplate.split(ENV_PLACEHOLDER).join("env"))) {
    problems.push(
      `stack-template: "${stackTemplate}" does not make a valid stack name (letters, digits, - _ . and up to two "/" for org/project/stack)`,
    );
  }

  const github = parseGitHubContext(source, problems);

  const githubToken = input("github-token");
  const commentAuthor = input("comment-author");
  if (commentAuthor !== "" && !LOGIN.test(commentAuthor)) {
    problems.push(`comment-author: "${commentAuthor}" is not a GitHub login (like octocat or my-app[bot])`);
  }
  const onInconclusive = oneOf("on-inconclusive", ON_INCONCLUSIVE, "fail");
  const cluster = parseClusterInputs(input, workspace, problems);
  const target = input("target") || LAST_KNOWN_GOOD;
  const reason = input("reason");
  if (command === "rollback") {
    if (environments?.length !== 1) {
      problems.push(
        `environments: a rollback acts on exactly one environment; got ${environments === undefined ? "none (empty)" : environments.join(", ")}`,
      );
    }
    if (reason === "")
      problems.push("reason: empty; a rollback needs a reason (it is recorded in the history)");
    if (target.startsWith("-") || /\s/.test(target)) {
      problems.push(`target: "${target}" is not ${LAST_KNOWN_GOOD}, a recorded revision or a git ref`);
    }
  }

  const baseInput = input("base-ref");
  let baseRef: string | undefined;
  let baseRefSource: PreviewSettings["baseRefSource"] = "none";
  if (baseInput !== "") {
    if (baseInput.startsWith("-") || /\s/.test(baseInput)) {
      problems.push(`base-ref: "${baseInput}" is not a git revision`);
    }
    baseRef = baseInput;
    baseRefSource = "input";
  } else if (github.pullRequest?.baseSha) {
    baseRef = github.pullRequest.baseSha;
    baseRefSource = "pull request base";
  } else if (github.pushBefore) {
    baseRef = github.pushBefore;
    baseRefSource = "push before";
  }

  const willComment =
    command === "preview" &&
    commentOnPr &&
    github.pullRequest &&
    (!github.pullRequest.isFork || github.eventName === "pull_request_target");
  if (willComment && githubToken === "") {
    problems.push(
      "github-token: empty, but the pull request comment needs a token (pass ${{ github.token }} or set comment-on-pr: false)",
    );
  }

  if (problems.length > 0) throw new SettingsError(problems);

  const secrets = [
    ...new Set(
      [
        githubToken,
        env.PULUMI_ACCESS_TOKEN,
        env.PULUMI_CONFIG_PASSPHRASE,
        ...secretEnvironmentValues(env),
      ].filter((s): s is string => typeof s === "string" && s !== ""),
    ),
  ];

  const common: CommonSettings = {
    policiesDir,
    workDir,
    workDirGiven,
    pulumiProject,
    githubToken,
    stackTemplate,
    github,
    runner: {
      workspace,
      temp: env.RUNNER_TEMP || source.tmpdir,
      ...(env.GITHUB_STEP_SUMMARY ? { stepSummaryPath: env.GITHUB_STEP_SUMMARY } : {}),
      toolEnv: toolEnvOf(env),
    },
    pulumi: {
      path: env.PATH ?? "",
      ...(backendUrl ? { backendUrl } : {}),
      accessTokenSet: Boolean(env.PULUMI_ACCESS_TOKEN),
      vars: pulumiVarsOf(env),
      secretVars: () => secretVarsOf(env),
    },
    secrets,
  };
  if (environments) common.environments = environments;
  switch (command) {
    case "deploy": {
      const deploy: DeploySettings = { ...common, ...cluster, command, onInconclusive, commentOnPr };
      if (github.sha) deploy.revision = github.sha;
      if (commentAuthor !== "") deploy.commentAuthor = commentAuthor;
      return deploy;
    }
    case "rollback":
      return {
        ...common,
        ...cluster,
        command,
        environments: [environments?.[0] ?? ""],
        target,
        reason,
        onInconclusive,
      };
    case "probe":
      return { ...common, ...cluster, command };
    case "preview":
      break;
  }
  const settings: PreviewSettings = {
    ...common,
    command,
    commentOnPr,
    baseRefSource,
    failOn,
    pulumiEngine,
  };
  if (baseRef !== undefined) settings.baseRef = baseRef;
  if (commentAuthor !== "") settings.commentAuthor = commentAuthor;
  return settings;
}

/** The inputs naming the cluster and how to probe it; problems are added to `problems`. */
function parseClusterInputs(
  input: (name: string) => string,
  workspace: string,
  problems: string[],
): ClusterSettings {
  const cluster: ClusterSettings = {
    stateNamespace: input("state-namespace") || "netpol-rollout",
    probe: { imagePullSecrets: [], timeoutSeconds: 3 },
  };
  if (!NAMESPACE_NAME.test(cluster.stateNamespace)) {
    problems.push(
      `state-namespace: "${cluster.stateNamespace}" is not a namespace name (lower-case letters, digits and -, at most 63)`,
    );
  }
  const kubeconfig = input("kubeconfig");
  if (kubeconfig !== "") cluster.kubeconfig = resolve(workspace, kubeconfig);
  const context = input("context");
  if (context !== "") {
    if (/[\s\0]/.test(context)) problems.push(`context: "${context}" is not a kubeconfig context name`);
    cluster.context = context;
  }
  const image = input("probe-image");
  if (image !== "") {
    if (!IMAGE_REF.test(image)) problems.push(`probe-image: "${image}" is not an image reference`);
    cluster.probe.image = image;
  }
  for (const name of input("probe-image-pull-secrets")
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "")) {
    if (!OBJECT_NAME.test(name)) problems.push(`probe-image-pull-secrets: "${name}" is not a Secret name`);
    else cluster.probe.imagePullSecrets.push(name);
  }
  const timeout = input("probe-timeout");
  if (timeout !== "") {
    const seconds = Number(timeout);
    if (!/^\d+$/.test(timeout) || seconds < 1 || seconds > 30) {
      problems.push(`probe-timeout: "${timeout}" is not a whole number of seconds from 1 to 30`);
    } else {
      cluster.probe.timeoutSeconds = seconds;
    }
  }
  return cluster;
}

/** A user or bot login: letters, digits and single dashes, an App's bot ending in `[bot]`. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/;

/** Environment variable names that hold a secret by convention (AWS_SECRET_ACCESS_KEY, ARM_CLIENT_SECRET…). */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|PRIVATE_KEY|ACCESS_KEY|API_KEY|CREDENTIAL/i;

/**
 * The values of environment variables whose names say they hold a secret: a workflow
 * passes its secrets to the step as `env:`, and an engine or cluster error may quote one.
 * Values shorter than 8 characters or plain numbers and booleans are not secrets worth
 * the name and would garble reports.
 */
export function secretEnvironmentValues(env: SettingsSource["env"]): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith("INPUT_") || !SECRET_NAME.test(name) || value === undefined) continue;
    const trimmed = value.trim();
    if (trimmed.length < 8 || /^(?:\d+|true|false)$/i.test(trimmed)) continue;
    values.push(value);
  }
  return values;
}

/** The Pulumi variables that hold secrets: passed to the engine, never kept as plain settings. */
const PULUMI_SECRET_VARS = ["PULUMI_ACCESS_TOKEN", "PULUMI_CONFIG_PASSPHRASE"];

/** Every PULUMI_* variable that is set and holds no secret (backend, home, plugin settings…). */
function pulumiVarsOf(env: SettingsSource["env"]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith("PULUMI_") || PULUMI_SECRET_VARS.includes(name)) continue;
    if (value !== undefined && value !== "") vars[name] = value;
  }
  return vars;
}

function secretVarsOf(env: SettingsSource["env"]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const name of PULUMI_SECRET_VARS) {
    const value = env[name];
    if (value !== undefined && value !== "") vars[name] = value;
  }
  return vars;
}

/** The runner's variables for tools, without the Action's inputs and the Pulumi secrets. */
function toolEnvOf(env: SettingsSource["env"]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith("INPUT_") || PULUMI_SECRET_VARS.includes(name)) continue;
    out[name] = value;
  }
  return out;
}

/** The link to this run's page, where the job summary is shown. */
export function runUrl(github: GitHubContext): string | undefined {
  if (!github.runId) return undefined;
  const attempt = github.runAttempt && github.runAttempt !== "1" ? `/attempts/${github.runAttempt}` : "";
  return `${github.serverUrl.replace(/\/+$/, "")}/${github.owner}/${github.repo}/actions/runs/${github.runId}${attempt}`;
}

function parseGitHubContext(source: SettingsSource, problems: string[]): GitHubContext {
  const { env } = source;
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  let owner = "";
  let repo = "";
  const repository = env.GITHUB_REPOSITORY ?? "";
  if (repository !== "") {
    const m = /^([^/\s]+)\/([^/\s]+)$/.exec(repository);
    if (m?.[1] && m[2]) {
      owner = m[1];
      repo = m[2];
    } else {
      problems.push(`GITHUB_REPOSITORY: "${repository}" is not "owner/repo"`);
    }
  }
  const apiUrl = (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  if (!/^https?:\/\//.test(apiUrl)) problems.push(`GITHUB_API_URL: "${apiUrl}" is not an http(s) URL`);
  const context: GitHubContext = {
    eventName,
    owner,
    repo,
    apiUrl,
    serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
  };
  if (env.GITHUB_RUN_ID) context.runId = env.GITHUB_RUN_ID;
  if (env.GITHUB_RUN_ATTEMPT) context.runAttempt = env.GITHUB_RUN_ATTEMPT;
  if (env.GITHUB_ACTOR) context.actor = env.GITHUB_ACTOR;
  if (env.GITHUB_SHA) context.sha = env.GITHUB_SHA;

  const eventPath = env.GITHUB_EVENT_PATH;
  if (!eventPath) return context;
  let payload: unknown;
  try {
    payload = JSON.parse(source.readFile(eventPath));
  } catch (error) {
    problems.push(
      `GITHUB_EVENT_PATH: cannot read the event payload ${eventPath}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return context;
  }
  const pr = field(payload, "pull_request");
  if (pr !== undefined && pr !== null) {
    const number = field(pr, "number");
    if (typeof number !== "number" || !Number.isInteger(number) || number <= 0) {
      problems.push(`GITHUB_EVENT_PATH: the pull_request in ${eventPath} has no number`);
    } else {
      const baseRepo = str(field(field(field(pr, "base"), "repo"), "full_name"));
      const headRepoObj = field(field(pr, "head"), "repo");
      const headRepo = str(field(headRepoObj, "full_name"));
      const pullRequest: PullRequestContext = {
        number,
        // A deleted head repository (null) is a fork that no longer exists: treat as a fork.
        isFork:
          headRepo === undefined ||
          baseRepo === undefined ||
          headRepo.toLowerCase() !== baseRepo.toLowerCase(),
      };
      const baseSha = str(field(field(pr, "base"), "sha"));
      const headSha = str(field(field(pr, "head"), "sha"));
      const htmlUrl = str(field(pr, "html_url"));
      if (baseSha) pullRequest.baseSha = baseSha;
      if (headSha) pullRequest.headSha = headSha;
      if (baseRepo) pullRequest.baseRepo = baseRepo;
      if (headRepo) pullRequest.headRepo = headRepo;
      if (htmlUrl) pullRequest.htmlUrl = htmlUrl;
      context.pullRequest = pullRequest;
    }
  }
  const before = str(field(payload, "before"));
  if (eventName === "push" && before && !SHA_ZERO.test(before)) context.pushBefore = before;
  return context;
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
