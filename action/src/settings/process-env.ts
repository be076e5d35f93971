/**
 * What the Action takes from its process environment besides its inputs: the values to
 * mask, the runner's directories, the engine's variables (its secrets apart) and the
 * environment of the tools it runs.
 */
import type { PulumiEnvironment } from "../ports/engine.js";
import type { RunnerContext, SettingsSource } from "./types.js";

type Env = SettingsSource["env"];

/** Environment variable names that hold a secret by convention (AWS_SECRET_ACCESS_KEY, ARM_CLIENT_SECRET…). */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|PRIVATE_KEY|ACCESS_KEY|API_KEY|CREDENTIAL/i;

/** The Pulumi variables that hold secrets: passed to the engine, never kept as plain settings. */
const PULUMI_SECRET_VARS = ["PULUMI_ACCESS_TOKEN", "PULUMI_CONFIG_PASSPHRASE"];

/**
 * The values masked in every log line and scrubbed from everything written or posted: the
 * GitHub token, the Pulumi credentials and every variable whose name says it is a secret.
 */
export function secretsOf(env: Env, githubToken: string): string[] {
  return [
    ...new Set(
      [
        githubToken,
        env.PULUMI_ACCESS_TOKEN,
        env.PULUMI_CONFIG_PASSPHRASE,
        ...secretEnvironmentValues(env),
      ].filter((s): s is string => typeof s === "string" && s !== ""),
    ),
  ];
}

/**
 * The values of environment variables whose names say they hold a secret: a workflow
 * passes its secrets to the step as `env:`, and an engine or cluster error may quote one.
 * Values shorter than 8 characters or plain numbers and booleans are not secrets worth
 * the name and would garble reports.
 */
function secretEnvironmentValues(env: Env): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith("INPUT_") || !SECRET_NAME.test(name) || value === undefined) continue;
    const trimmed = value.trim();
    if (trimmed.length < 8 || /^(?:\d+|true|false)$/i.test(trimmed)) continue;
    values.push(value);
  }
  return values;
}

/** The runner's directories and the tools' environment; `workspace` is absolute. */
export function runnerContextOf(env: Env, workspace: string, tmpdir: string): RunnerContext {
  return {
    workspace,
    temp: env.RUNNER_TEMP || tmpdir,
    ...(env.GITHUB_STEP_SUMMARY ? { stepSummaryPath: env.GITHUB_STEP_SUMMARY } : {}),
    toolEnv: toolEnvOf(env),
  };
}

/** What the engine adapters get: PATH, the backend (`backendUrl`, else PULUMI_BACKEND_URL), the PULUMI_* variables. */
export function pulumiEnvironmentOf(env: Env, backendUrl: string | undefined): PulumiEnvironment {
  const backend = backendUrl || env.PULUMI_BACKEND_URL;
  return {
    path: env.PATH ?? "",
    ...(backend ? { backendUrl: backend } : {}),
    accessTokenSet: Boolean(env.PULUMI_ACCESS_TOKEN),
    vars: pulumiVarsOf(env),
    secretVars: () => secretVarsOf(env),
  };
}

/** Every PULUMI_* variable that is set and holds no secret (backend, home, plugin settings…). */
function pulumiVarsOf(env: Env): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith("PULUMI_") || PULUMI_SECRET_VARS.includes(name)) continue;
    if (value !== undefined && value !== "") vars[name] = value;
  }
  return vars;
}

function secretVarsOf(env: Env): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const name of PULUMI_SECRET_VARS) {
    const value = env[name];
    if (value !== undefined && value !== "") vars[name] = value;
  }
  return vars;
}

/** The runner's variables for tools, without the Action's inputs and the Pulumi secrets. */
function toolEnvOf(env: Env): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith("INPUT_") || PULUMI_SECRET_VARS.includes(name)) continue;
    out[name] = value;
  }
  return out;
}
