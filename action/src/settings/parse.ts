/**
 * The Action's inputs and its GitHub runner context, parsed ONCE into a typed, validated
 * `Settings` object, one section of inputs at a time. Every input problem is collected
 * and reported together (`SettingsError.problems`), so a workflow author fixes them in one
 * round.
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import { FAIL_ON } from "../commands/action-preview.js";
import type { GitHubContext } from "../commands/github-run.js";
import { ENV_PLACEHOLDER } from "../rollout/config.js";
import { BREAK_GLASS } from "../rollout/break-glass.js";
import { ON_INCONCLUSIVE } from "../rollout/decision.js";
import { LAST_KNOWN_GOOD } from "../rollout/last-known-good.js";
import { parseClusterInputs } from "./cluster.js";
import { parseFlowInputs } from "./flows.js";
import { parseGitHubContext } from "./github.js";
import { readInputs, type Inputs } from "./inputs.js";
import { pulumiEnvironmentOf, runnerContextOf, secretsOf } from "./process-env.js";
import {
  COMMANDS,
  PULUMI_ENGINE_MODES,
  SettingsError,
  type Command,
  type CommonSettings,
  type DeploySettings,
  type PreviewSettings,
  type Settings,
  type SettingsSource,
} from "./types.js";

/** Pulumi stack names: letters, digits, `-`, `_`, `.`, optionally qualified as `org/name` or `org/project/name`. */
const STACK_NAME = /^(?:[A-Za-z0-9_.-]+\/){0,2}[A-Za-z0-9_.-]+$/;
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const PROJECT_NAME = /^[A-Za-z0-9_.-]+$/;
/** A user or bot login: letters, digits and single dashes, an App's bot ending in `[bot]`. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/;

/** Parses and validates every input and the runner context. Throws `SettingsError` listing all problems. */
export function parseSettings(source: SettingsSource): Settings {
  const { env } = source;
  const inputs = readInputs(env);
  const { problems } = inputs;

  // `drift` is the drift watch's name; `probe` stays its alias.
  const named = inputs.oneOf("command", [...COMMANDS, "drift"] as const, "preview");
  const command = named === "drift" ? "probe" : named;
  const failOn = inputs.oneOf("fail-on", FAIL_ON, "error");
  const pulumiEngine = inputs.oneOf("pulumi-engine", PULUMI_ENGINE_MODES, "auto");
  const commentOnPr = inputs.bool("comment-on-pr", true);
  const environments = parseEnvironmentList(inputs);
  const workspace = resolve(source.cwd, env.GITHUB_WORKSPACE || ".");
  const paths = parsePaths(inputs, workspace);
  const pulumi = parsePulumiInputs(inputs);
  const github = parseGitHubContext(source, problems);
  const githubToken = inputs.text("github-token");
  const commentAuthor = parseCommentAuthor(inputs);
  const onInconclusive = inputs.oneOf("on-inconclusive", ON_INCONCLUSIVE, "fail");
  const breakGlass = inputs.oneOf("break-glass", BREAK_GLASS, "auto");
  const cluster = parseClusterInputs(inputs, workspace);
  const rollback = parseRollbackInputs(inputs, command, environments);
  const base = parseBaseRef(inputs, github);
  const flows = parseFlowInputs(inputs);
  const enforceDespiteFlows = inputs.bool("enforce-despite-flows", false);
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

  const common: CommonSettings = {
    ...paths,
    pulumiProject: pulumi.project,
    githubToken,
    stackTemplate: pulumi.stackTemplate,
    github,
    runner: runnerContextOf(env, workspace, source.tmpdir),
    pulumi: pulumiEnvironmentOf(env, pulumi.backendUrl),
    // The record keys as given: masked and scrubbed like every other secret.
    secrets: [...secretsOf(env, githubToken), ...inputs.list("record-key").flatMap((k) => k.split(/\s+/))],
  };
  if (environments) common.environments = environments;
  const author = commentAuthor !== "" ? { commentAuthor } : {};
  switch (command) {
    case "deploy": {
      const deploy: DeploySettings = {
        ...common,
        ...cluster,
        command,
        onInconclusive,
        breakGlass,
        commentOnPr,
        ...author,
        ...flows,
        enforceDespiteFlows,
      };
      if (github.sha) deploy.revision = github.sha;
      return deploy;
    }
    case "rollback":
      return {
        ...common,
        ...cluster,
        command,
        environments: [environments?.[0] ?? ""],
        ...rollback,
        onInconclusive,
        breakGlass,
      };
    case "probe":
      return { ...common, ...cluster, command };
    case "preview": {
      const preview: PreviewSettings = {
        ...common,
        command,
        commentOnPr,
        ...base,
        failOn,
        pulumiEngine,
        ...flows,
        ...author,
      };
      return preview;
    }
  }
}

/** `environments`: names, comma- or newline-separated, duplicates dropped; undefined when empty. */
function parseEnvironmentList(inputs: Inputs): string[] | undefined {
  const names = inputs.list("environments");
  for (const name of names) {
    if (!ENV_NAME.test(name)) inputs.problems.push(`environments: "${name}" is not an environment name`);
  }
  return names.length > 0 ? [...new Set(names)] : undefined;
}

/** `policies-dir` and `work-dir`, both inside the workspace. */
function parsePaths(
  inputs: Inputs,
  workspace: string,
): Pick<CommonSettings, "policiesDir" | "workDir" | "workDirGiven"> {
  const insideWorkspace = (name: string, fallback: string): string => {
    const value = inputs.text(name) || fallback;
    const absolute = resolve(workspace, value);
    const rel = relative(workspace, absolute);
    if (rel.startsWith("..") || isAbsolute(rel)) {
      inputs.problems.push(`${name}: "${value}" is outside the repository (${workspace})`);
    }
    return absolute;
  };
  const policiesAbs = insideWorkspace("policies-dir", "policies");
  return {
    policiesDir: relative(workspace, policiesAbs).split(sep).join("/") || ".",
    workDir: insideWorkspace("work-dir", "pulumi"),
    workDirGiven: inputs.text("work-dir") !== "",
  };
}

/** `pulumi-project`, `pulumi-backend-url` and `stack-template`. */
function parsePulumiInputs(inputs: Inputs): { project: string; backendUrl?: string; stackTemplate: string } {
  const { problems } = inputs;
  const project = inputs.text("pulumi-project") || "netpol-rollout";
  if (!PROJECT_NAME.test(project)) {
    problems.push(`pulumi-project: "${project}" is not a Pulumi project name (letters, digits, - _ and .)`);
  }
  const backendUrl = inputs.text("pulumi-backend-url");
  if (backendUrl !== "" && !/^[a-z][a-z0-9+.-]*:\/\//i.test(backendUrl)) {
    problems.push(
      `pulumi-backend-url: "${backendUrl}" is not a backend URL (https://…, s3://…, gs://…, azblob://…, file://…)`,
    );
  }
  const stackTemplate = inputs.text("stack-template") || ENV_PLACEHOLDER;
  if (!stackTemplate.includes(ENV_PLACEHOLDER)) {
    problems.push(
      `stack-template: "${stackTemplate}" does not contain ${ENV_PLACEHOLDER}; every environment would share one stack`,
    );
  } else if (!STACK_NAME.test(stackTemplate.split(ENV_PLACEHOLDER).join("env"))) {
    problems.push(
      `stack-template: "${stackTemplate}" does not make a valid stack name (letters, digits, - _ . and up to two "/" for org/project/stack)`,
    );
  }
  return { project, ...(backendUrl !== "" ? { backendUrl } : {}), stackTemplate };
}

/** `comment-author`: a GitHub login, or "" when not given. */
function parseCommentAuthor(inputs: Inputs): string {
  const author = inputs.text("comment-author");
  if (author !== "" && !LOGIN.test(author)) {
    inputs.problems.push(`comment-author: "${author}" is not a GitHub login (like octocat or my-app[bot])`);
  }
  return author;
}

/** `target` and `reason`; checked only for a rollback, which also needs exactly one environment. */
function parseRollbackInputs(
  inputs: Inputs,
  command: Command,
  environments: string[] | undefined,
): { target: string; reason: string } {
  const { problems } = inputs;
  const target = inputs.text("target") || LAST_KNOWN_GOOD;
  const reason = inputs.text("reason");
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
  return { target, reason };
}

/** The preview's base: `base-ref`, else the pull request's base, else the commit before a push. */
function parseBaseRef(
  inputs: Inputs,
  github: GitHubContext,
): Pick<PreviewSettings, "baseRef" | "baseRefSource"> {
  const given = inputs.text("base-ref");
  if (given !== "") {
    if (given.startsWith("-") || /\s/.test(given))
      inputs.problems.push(`base-ref: "${given}" is not a git revision`);
    return { baseRef: given, baseRefSource: "input" };
  }
  if (github.pullRequest?.baseSha)
    return { baseRef: github.pullRequest.baseSha, baseRefSource: "pull request base" };
  if (github.pushBefore) return { baseRef: github.pushBefore, baseRefSource: "push before" };
  return { baseRefSource: "none" };
}
