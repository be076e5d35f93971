/**
 * The Pulumi engine through the Automation API, as the preview uses it: one stack per
 * environment in the Pulumi project directory (`work-dir`), `pulumi preview` with engine
 * events, and the resource operations those events describe.
 *
 * Only `@pulumi/pulumi/automation` is imported: the package's main entry pulls in the
 * TypeScript compiler and the whole resource runtime, which the Action does not need
 * (see scripts/pulumi-inline-stubs.mjs for how the bundle stays lean). It is loaded when
 * a preview runs, so runs without the engine part never load it (gRPC, protobuf).
 *
 * Nothing here prints the engine's standard output (it can show stack outputs and
 * history); errors are summarised from the engine's diagnostics.
 */
import { basename, dirname, join } from "node:path";
import { parse as parseYaml } from "yaml";
import type { EngineEvent, PulumiCommand, Stack } from "@pulumi/pulumi/automation/index.js";
import { PulumiCliMissingError, PulumiDeployError } from "../ports/engine.js";
import type { DeployOptions, PreviewEngine, PulumiDeployer, PulumiEnvironment } from "../ports/engine.js";
import type { DeployResult, EnginePreview, EngineTarget } from "../rollout/engine.js";
import { findOnPath, nodeProbes } from "./pulumi-availability.js";
import type { AvailabilityInput } from "./pulumi-availability.js";
import { classifyDeployError, classifyPulumiError, oneLine } from "./pulumi-errors.js";
import { completedSteps, isRecord, operationsFromEvents, stackOutputsOf } from "./pulumi-events.js";
import { configKey, stackConfig, stackName as stackNameOf } from "../rollout/config.js";
import { clusterUidOf, readStackOutputs, StackOutputsError } from "../rollout/outputs.js";
import type { StackOutputs } from "../rollout/outputs.js";

export interface PulumiEngineOptions extends AvailabilityInput {
  /** The Pulumi project directory (absolute). */
  workDir: string;
  /** Stack name per environment (`{env}` replaced). */
  stackTemplate: string;
  /** The intent directory relative to the repository root, passed to the program when not `policies`. */
  policiesDir: string;
  /** Progress lines for the log (never the engine's own output). */
  log?: (line: string) => void;
  /** The CLI `checkAvailability` found; default: the first `pulumi` on `env.path`. */
  cliPath?: string;
}

/** What the engine does with one stack; the Automation API in the Action, a fake in tests. */
export interface StackRunner {
  preview(stack: string, environment: string, onEvent: (event: EngineEvent) => void): Promise<void>;
}

/**
 * A PreviewEngine over the Automation API. Call `checkAvailability` first; this assumes
 * the CLI and backend are there and reports what goes wrong per environment.
 */
export function createPulumiEngine(options: PulumiEngineOptions, runner?: StackRunner): PreviewEngine {
  const run = runner ?? automationRunner(options);
  return {
    async preview(environment): Promise<EnginePreview> {
      const stack = stackNameOf(options.stackTemplate, environment);
      const events: EngineEvent[] = [];
      const diagnostics: string[] = [];
      options.log?.(`pulumi preview of stack ${stack} (${environment})`);
      try {
        await run.preview(stack, environment, (event) => {
          events.push(event);
          const d = event.diagnosticEvent;
          if (d && d.severity === "error" && !d.ephemeral) diagnostics.push(oneLine(d.message));
        });
      } catch (error) {
        const classified = classifyPulumiError(error, stack, diagnostics);
        if (classified instanceof PulumiCliMissingError)
          return { status: "skipped", reason: classified.message };
        return { status: "failed", stack, error: classified.message };
      }
      return { status: "ok", stack, operations: operationsFromEvents(events) };
    },
  };
}

/** The variables the engine's processes get, passed explicitly to the Automation API. */
export function engineEnvVars(env: PulumiEnvironment): Record<string, string> {
  return {
    ...env.vars,
    ...env.secretVars?.(),
    PATH: env.path,
    ...(env.backendUrl ? { PULUMI_BACKEND_URL: env.backendUrl } : {}),
    PULUMI_SKIP_UPDATE_CHECK: "true",
  };
}

/**
 * Opens (selecting or creating) a stack of the local project in `workDir` through the
 * Automation API, loaded on first use, with the CLI at `cliPath` (default: found on
 * `env.path`) and the engine's variables passed explicitly. The CLI is checked once per opener.
 */
function stackOpener(
  workDir: string,
  env: PulumiEnvironment,
  cliPath = findOnPath(env.path, nodeProbes),
): (stackName: string) => Promise<Stack> {
  let command: Promise<PulumiCommand> | undefined;
  const envVars = engineEnvVars(env);
  return async (stackName) => {
    // A CommonJS module: Node and the bundle's chunk give its exports as `default`; some
    // loaders (tsx) give only the named exports.
    const automation = await import("@pulumi/pulumi/automation/index.js");
    const { LocalWorkspace, PulumiCommand } =
      (automation.default as typeof automation | undefined) ?? automation;
    // The SDK takes an installation root holding `bin/pulumi`; a CLI elsewhere is looked up by
    // name. Runs `pulumi version` once and checks the SDK's minimum CLI version.
    command ??= PulumiCommand.get(cliRoot(cliPath));
    const pulumiCommand = await command;
    return LocalWorkspace.createOrSelectStack({ stackName, workDir }, { pulumiCommand, envVars });
  };
}

/** The installation root of a CLI at `<root>/bin/pulumi`, as `PulumiCommand.get` takes it. */
function cliRoot(cliPath: string | undefined): { root: string } | undefined {
  if (cliPath === undefined || basename(cliPath) !== "pulumi") return undefined;
  const bin = dirname(cliPath);
  return basename(bin) === "bin" ? { root: dirname(bin) } : undefined;
}

function automationRunner(options: PulumiEngineOptions): StackRunner {
  const openStack = stackOpener(options.workDir, options.env, options.cliPath);
  return {
    async preview(stackName, environment, onEvent) {
      const stack = await openStack(stackName);
      await ensureConfig(stack, stackName, environment, options);
      await stack.preview({ onEvent, color: "never", suppressOutputs: true, suppressProgress: true });
    },
  };
}

/**
 * The program needs `netpol-rollout:environment`; the shipped stack files set it. A stack
 * named by a custom template may not have a stack file yet, so it is set when missing, and
 * the policies directory when it is not the default. (This writes Pulumi.<stack>.yaml in
 * the job's checkout only.)
 */
async function ensureConfig(
  stack: Stack,
  stackName: string,
  environment: string,
  options: PulumiEngineOptions,
): Promise<void> {
  const short = stackName.split("/").pop() ?? stackName;
  const text = nodeProbes.readText(join(options.workDir, `Pulumi.${short}.yaml`));
  let config: Record<string, unknown> = {};
  if (text !== undefined) {
    try {
      const doc: unknown = parseYaml(text);
      if (isRecord(doc) && isRecord(doc.config)) config = doc.config;
    } catch {
      // The CLI reports a broken stack file itself when the preview runs.
      config = {};
    }
  }
  if (config[configKey("environment")] === undefined) {
    await stack.setConfig(configKey("environment"), { value: environment });
  }
  if (options.policiesDir !== "policies" && config[configKey("policiesDir")] !== options.policiesDir) {
    await stack.setConfig(configKey("policiesDir"), { value: options.policiesDir });
  }
}

// ---------------------------------------------------------------------------------------
// Deploying: `pulumi up` of one stage

/** What the deployer does with one stack; the Automation API, or a fake in tests. */
export interface UpRunner {
  up(
    stack: string,
    config: Record<string, string | undefined>,
    onEvent: (event: EngineEvent) => void,
  ): Promise<Record<string, unknown>>;
  /** A preview with this config, without a refresh: nothing is changed, not even the stack's state. */
  preview(
    stack: string,
    config: Record<string, string | undefined>,
    onEvent: (event: EngineEvent) => void,
  ): Promise<void>;
}

export interface PulumiDeployerOptions {
  /** The Pulumi project directory (absolute): the repository's `pulumi/`. */
  workDir: string;
  /** Stack name per environment (`{env}` replaced). */
  stackTemplate: string;
  /** The intent directory (relative to the repository root or absolute); unset: the program's default. */
  policiesDir?: string;
  log?: (line: string) => void;
  /** The environment the engine runs with (PATH, backend, PULUMI_* variables). */
  env: PulumiEnvironment;
  /** The `pulumi` CLI; default: the first on `env.path`. */
  cliPath?: string;
  /**
   * Provider settings set on every deploy, e.g. `kubernetes:context`, so the engine acts on
   * the cluster the probes check.
   */
  providerConfig?: Readonly<Record<string, string>>;
}

/**
 * Deploys one stage of an environment with `pulumi up`. The stack's `netpol-rollout:` config
 * is set for each call (written to `Pulumi.<stack>.yaml` in `workDir`); `bundleFile` and
 * `revision` are removed when not given, so an earlier call's never leaks into this one.
 * Throws StackLockedError, PulumiCliMissingError, PulumiStackNotFoundError or
 * PulumiDeployError (naming the intent lines behind the resources the cluster refused).
 */
export function createPulumiDeployer(options: PulumiDeployerOptions, runner?: UpRunner): PulumiDeployer {
  const run = runner ?? automationUpRunner(options);
  const configOf = (environment: string, deploy: DeployOptions) => {
    const policiesDir = deploy.policiesDir ?? options.policiesDir;
    return {
      ...stackConfig({
        environment,
        stage: deploy.stage,
        ...(policiesDir === undefined ? {} : { policiesDir }),
        ...(deploy.bundleFile === undefined ? {} : { bundleFile: deploy.bundleFile }),
        ...(deploy.revision === undefined ? {} : { revision: deploy.revision }),
      }),
      ...options.providerConfig,
    };
  };
  return {
    async target(environment, deploy): Promise<EngineTarget> {
      const stack = stackNameOf(options.stackTemplate, environment);
      const events: EngineEvent[] = [];
      options.log?.(`pulumi preview of stack ${stack} (${environment}): which cluster it would deploy to`);
      try {
        await run.preview(stack, configOf(environment, deploy), (event) => events.push(event));
      } catch (error) {
        throw classifyDeployError(error, stack, events);
      }
      const uid = clusterUidOf(stackOutputsOf(events));
      return uid === undefined ? {} : { clusterUid: uid };
    },
    async up(environment, deploy): Promise<DeployResult> {
      const stack = stackNameOf(options.stackTemplate, environment);
      const config = configOf(environment, deploy);
      const events: EngineEvent[] = [];
      options.log?.(`pulumi up of stack ${stack} (${environment}, stage ${deploy.stage})`);
      let outputs: Record<string, unknown>;
      try {
        outputs = await run.up(stack, config, (event) => events.push(event));
      } catch (error) {
        throw classifyDeployError(error, stack, events);
      }
      let read: StackOutputs;
      try {
        read = readStackOutputs(outputs);
      } catch (error) {
        // The update went through; what it reported back cannot be trusted for a later rollback.
        if (error instanceof StackOutputsError)
          throw new PulumiDeployError(`pulumi up of stack ${stack}: ${error.message}`);
        throw error;
      }
      return {
        stack,
        operations: operationsFromEvents(events),
        completed: completedSteps(events),
        outputs: read,
      };
    },
  };
}

function automationUpRunner(options: PulumiDeployerOptions): UpRunner {
  const openStack = stackOpener(options.workDir, options.env, options.cliPath);
  /** Opens the stack with exactly `config` of ours set (the keys left undefined removed). */
  const configured = async (stackName: string, config: Record<string, string | undefined>) => {
    const stack = await openStack(stackName);
    const set: Record<string, { value: string }> = {};
    const remove: string[] = [];
    for (const [key, value] of Object.entries(config)) {
      if (value === undefined) remove.push(key);
      else set[key] = { value };
    }
    await stack.setAllConfig(set);
    if (remove.length > 0) await stack.removeAllConfig(remove);
    return stack;
  };
  return {
    async preview(stackName, config, onEvent) {
      const stack = await configured(stackName, config);
      await stack.preview({ onEvent, color: "never", suppressOutputs: true, suppressProgress: true });
    },
    async up(stackName, config, onEvent) {
      const stack = await configured(stackName, config);
      const result = await stack.up({
        onEvent,
        // The engine reads the live objects first: a policy deleted or edited by hand since
        // the last update is created or restored, never "updated" from a stale state.
        refresh: true,
        color: "never",
        suppressOutputs: true,
        suppressProgress: true,
      });
      return Object.fromEntries(Object.entries(result.outputs).map(([k, v]) => [k, v.value as unknown]));
    },
  };
}
