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
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import { basename, delimiter, dirname, join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import type { EngineEvent, PulumiCommand, Stack } from "@pulumi/pulumi/automation/index.js";
import {
  PulumiCliMissingError,
  PulumiDeployError,
  PulumiEngineError,
  PulumiPreviewError,
  PulumiStackNotFoundError,
  StackLockedError,
} from "../ports/engine.js";
import type {
  CompletedStep,
  DeployResult,
  EnginePreview,
  PreviewEngine,
  PulumiDeployer,
  PulumiEnvironment,
  ResourceOperation,
} from "../ports/engine.js";
import { SOURCE_ANNOTATION } from "../compile/types.js";
import { configKey, stackConfig, stackName as stackNameOf } from "../rollout/config.js";
import { readStackOutputs, StackOutputsError } from "../rollout/outputs.js";
import type { StackOutputs } from "../rollout/outputs.js";

/**
 * Classifies what the Automation API threw. `diagnostics` are the engine's error
 * diagnostics seen during the run; they explain a failure better than the raw stderr.
 * The SDK's error classes are recognised by the `name` each sets (ConcurrentUpdateError,
 * StackNotFoundError), so classifying does not load the SDK.
 */
export function classifyPulumiError(
  error: unknown,
  stack: string,
  diagnostics: readonly string[] = [],
): PulumiEngineError {
  if (error instanceof PulumiEngineError) return error;
  const name = error instanceof Error ? error.name : "";
  if (name === "ConcurrentUpdateError") {
    const holder = lockHolder(error);
    return new StackLockedError(
      `stack ${stack} is locked by another update${holder ? ` (${holder})` : ""}; re-run the job when it has finished`,
    );
  }
  if (name === "StackNotFoundError") return new PulumiStackNotFoundError(`stack ${stack} was not found`);
  if (isEnoent(error)) return new PulumiCliMissingError("the pulumi CLI could not be started (not found)");
  const summary = diagnostics.length > 0 ? diagnostics.join("; ") : stderrSummary(error);
  return new PulumiPreviewError(`pulumi preview of stack ${stack} failed: ${summary}`);
}

/**
 * Who holds a self-managed backend's lock, as the CLI names it ("…/<id>.json: created by
 * ci@runner-1 (pid 4242) at 2026-11-26T13:41:19Z"): "ci@runner-1, pid 4242, since …".
 * Undefined for Pulumi Cloud, whose 409 does not say.
 */
function lockHolder(error: unknown): string | undefined {
  const result = commandResultOf(error);
  const text = String(result ? (result.stderr ?? "") : error instanceof Error ? error.message : "");
  const m = /created by (\S+) \(pid (\d+)\) at (\S+)/.exec(text);
  return m ? `${m[1]}, pid ${m[2]}, since ${m[3]}` : undefined;
}

function isEnoent(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return true;
  const inner = commandResultOf(error)?.err;
  return typeof inner === "object" && inner !== null && (inner as { code?: unknown }).code === "ENOENT";
}

/**
 * The CLI run behind the SDK's CommandError (and its subclasses): the SDK keeps it in a
 * field its typings mark private. Undefined for any other error.
 */
function commandResultOf(error: unknown): { stderr?: unknown; err?: unknown } | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const result = (error as { commandResult?: unknown }).commandResult;
  return typeof result === "object" && result !== null
    ? (result as { stderr?: unknown; err?: unknown })
    : undefined;
}

/** The useful lines of a CommandError's stderr ("error: …"), else its first line, at most 500 characters. */
function stderrSummary(error: unknown): string {
  const result = commandResultOf(error);
  const stderr = result ? (result.stderr ?? "") : error instanceof Error ? error.message : String(error);
  const lines = String(stderr)
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const errors = lines.filter((l) => /^error:/i.test(l));
  const text = (errors.length > 0 ? errors : lines.slice(0, 1)).join("; ") || "unknown error";
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}

// ---------------------------------------------------------------------------------------
// Engine events → resource operations

/** Kubernetes type tokens are `kubernetes:<group>/<version>:<Kind>` (core is `kubernetes:core/v1:…`). */
const K8S_TYPE = /^kubernetes:[^:]+:([A-Za-z0-9]+)$/;

/** When one URN has several steps (a replacement), the one that names the whole change wins. */
const OP_PRIORITY: Record<string, number> = {
  replace: 5,
  "create-replacement": 4,
  "delete-replaced": 3,
  "discard-replaced": 2,
  "import-replacement": 2,
  "read-replacement": 2,
};

type StepMetadata = NonNullable<EngineEvent["resourcePreEvent"]>["metadata"];

/**
 * The resource operations a preview's engine events describe, one per resource, in the
 * order the engine first mentioned them. The stack resource and unchanged or newly created
 * providers are left out (they are Pulumi's bookkeeping, not cluster objects).
 */
export function operationsFromEvents(events: readonly EngineEvent[]): ResourceOperation[] {
  const byUrn = new Map<string, { op: ResourceOperation; priority: number }>();
  for (const event of events) {
    const metadata = event.resourcePreEvent?.metadata;
    if (!metadata) continue;
    const op = operationOf(metadata);
    if (!op) continue;
    const priority = OP_PRIORITY[op.op] ?? 1;
    const known = byUrn.get(metadata.urn);
    if (!known) {
      byUrn.set(metadata.urn, { op, priority });
    } else if (priority > known.priority) {
      byUrn.set(metadata.urn, {
        op: { ...op, changedKeys: union(known.op.changedKeys, op.changedKeys) },
        priority,
      });
    } else {
      known.op.changedKeys = union(known.op.changedKeys, op.changedKeys);
    }
  }
  return [...byUrn.values()].map((v) => v.op);
}

function operationOf(m: StepMetadata): ResourceOperation | undefined {
  const type = m.type || typeFromUrn(m.urn);
  if (type === "pulumi:pulumi:Stack") return undefined;
  // A provider is bookkeeping when unchanged or first created with a new stack; a provider
  // update or replace stays listed, since it can replace every object it manages.
  if (type.startsWith("pulumi:providers:") && (m.op === "same" || m.op === "create")) return undefined;
  const state = m.new ?? m.old;
  // Component resources (custom is omitted when false) group others; they are no cluster object.
  if (state && state.custom !== true && !type.startsWith("pulumi:providers:")) return undefined;
  const inputs: Record<string, unknown> = isRecord(state?.inputs) ? state.inputs : {};
  const k8sKind = K8S_TYPE.exec(type)?.[1];
  const kind = k8sKind ?? (typeof inputs.kind === "string" && inputs.kind !== "" ? inputs.kind : type);
  return { op: m.op, kind, name: nameOf(inputs, m.urn), changedKeys: changedKeysOf(m) };
}

/** What the engine puts in place of a value it cannot know during a preview. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * "namespace/name" from inputs.metadata, "name" for cluster-scoped objects, else the
 * logical name (also when the name is unknown until the update, e.g. auto-naming).
 */
function nameOf(inputs: Record<string, unknown>, urn: string): string {
  const metadata = inputs.metadata;
  if (
    isRecord(metadata) &&
    typeof metadata.name === "string" &&
    metadata.name !== "" &&
    metadata.name !== UNKNOWN
  ) {
    return typeof metadata.namespace === "string" &&
      metadata.namespace !== "" &&
      metadata.namespace !== UNKNOWN
      ? `${metadata.namespace}/${metadata.name}`
      : metadata.name;
  }
  const logical = urn.split("::").pop();
  return logical && logical !== "" ? logical : urn;
}

/**
 * Top-level input keys that differ: from `detailedDiff` (property paths like
 * `spec.ingress[0].from` or `metadata.labels["app"]`) when present, else from `diffs`.
 */
function changedKeysOf(m: StepMetadata): string[] {
  const paths = m.detailedDiff ? Object.keys(m.detailedDiff) : (m.diffs ?? []);
  return union(
    [],
    paths.map((p) => topLevelKey(p)).filter((k) => k !== ""),
  );
}

export function topLevelKey(path: string): string {
  const m = /^(?:\["((?:[^"\\]|\\.)*)"\]|([^.[]*))/.exec(path);
  return m?.[1] ?? m?.[2] ?? path;
}

function typeFromUrn(urn: string): string {
  // urn:pulumi:<stack>::<project>::<parent types$>type::<name>
  const parts = urn.split("::");
  const types = parts[2] ?? "";
  return types.split("$").pop() ?? "";
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------
// Availability

export type PulumiAvailability = { available: true; cliPath: string } | { available: false; reason: string };

export interface AvailabilityInput {
  /** The Pulumi project directory (absolute); undefined for the shipped program, prepared later. */
  workDir?: string;
  /** The repository root, to name `workDir` relatively in messages. */
  workspace: string;
  env: PulumiEnvironment;
}

/** File-system probes, replaceable in tests. */
export interface AvailabilityProbes {
  isExecutable(path: string): boolean;
  readText(path: string): string | undefined;
}

export const nodeProbes: AvailabilityProbes = {
  isExecutable(path) {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  readText(path) {
    return existsSync(path) ? readFileSync(path, "utf8") : undefined;
  },
};

/** Finds `pulumi` on PATH, like the shell would. */
export function findOnPath(path: string, probes: AvailabilityProbes, name = "pulumi"): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, name);
    if (probes.isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Whether the engine part can run here, cheapest checks first: a Pulumi project in
 * `work-dir`, the `pulumi` CLI on PATH, and a backend (PULUMI_BACKEND_URL,
 * PULUMI_ACCESS_TOKEN for Pulumi Cloud, or `backend.url` in Pulumi.yaml). The CLI is
 * never installed here: installing downloads from the internet.
 */
export function checkAvailability(
  input: AvailabilityInput,
  probes: AvailabilityProbes = nodeProbes,
): PulumiAvailability {
  const workDir = input.workDir;
  const projectFile =
    workDir === undefined
      ? undefined
      : ["Pulumi.yaml", "Pulumi.yml"]
          .map((f) => join(workDir, f))
          .find((f) => probes.readText(f) !== undefined);
  if (workDir !== undefined && !projectFile) {
    const where = relative(input.workspace, workDir) || ".";
    return { available: false, reason: `no Pulumi project in ${where} (Pulumi.yaml not found)` };
  }
  const cliPath = findOnPath(input.env.path, probes);
  if (!cliPath) return { available: false, reason: "the pulumi CLI is not installed (not found on PATH)" };
  if (
    !input.env.backendUrl &&
    !input.env.accessTokenSet &&
    !(projectFile && projectBackendUrl(probes.readText(projectFile)))
  ) {
    return {
      available: false,
      reason:
        "no Pulumi backend is configured (set PULUMI_BACKEND_URL, or PULUMI_ACCESS_TOKEN for Pulumi Cloud)",
    };
  }
  return { available: true, cliPath };
}

function projectBackendUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const doc: unknown = parseYaml(text);
    const backend = isRecord(doc) ? doc.backend : undefined;
    const url = isRecord(backend) ? backend.url : undefined;
    return typeof url === "string" && url !== "" ? url : undefined;
  } catch {
    // An unreadable Pulumi.yaml is the CLI's to report when it runs; here it only means "no backend in it".
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------
// The engine

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

/** ANSI colour sequences (ESC [ … m). */
const ANSI_SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

function oneLine(message: string): string {
  // Engine diagnostics carry ANSI colour codes unless color is "never", trailing newlines,
  // and for a program's exception its JavaScript stack frames ("    at …"): dropped.
  const text = message
    .replace(ANSI_SGR, "")
    .split("\n")
    .filter((line) => !/^\s+at /.test(line))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 1000 ? `${text.slice(0, 997)}...` : text;
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
  return {
    async up(environment, deploy): Promise<DeployResult> {
      const stack = stackNameOf(options.stackTemplate, environment);
      const policiesDir = deploy.policiesDir ?? options.policiesDir;
      const config = stackConfig({
        environment,
        stage: deploy.stage,
        ...(policiesDir === undefined ? {} : { policiesDir }),
        ...(deploy.bundleFile === undefined ? {} : { bundleFile: deploy.bundleFile }),
        ...(deploy.revision === undefined ? {} : { revision: deploy.revision }),
      });
      const events: EngineEvent[] = [];
      options.log?.(`pulumi up of stack ${stack} (${environment}, stage ${deploy.stage})`);
      let outputs: Record<string, unknown>;
      try {
        outputs = await run.up(stack, { ...config, ...options.providerConfig }, (event) =>
          events.push(event),
        );
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

/**
 * What a failed `pulumi up` means. A locked stack and a missing CLI keep their types; any
 * other failure becomes a PulumiDeployError whose message leads with each refused
 * resource, its intent line (`file:line`, from the resource's `netpol-rollout.io/source`
 * annotation in the engine events) and the engine's reason.
 */
export function classifyDeployError(
  error: unknown,
  stack: string,
  events: readonly EngineEvent[],
): PulumiEngineError {
  const classified = classifyPulumiError(error, stack, []);
  if (classified instanceof StackLockedError || classified instanceof PulumiCliMissingError)
    return classified;
  if (classified instanceof PulumiStackNotFoundError) return classified;
  const inputsByUrn = new Map<string, Record<string, unknown>>();
  for (const event of events) {
    const metadata = event.resourcePreEvent?.metadata ?? event.resOpFailedEvent?.metadata;
    const inputs = metadata?.new?.inputs ?? metadata?.old?.inputs;
    if (metadata && isRecord(inputs)) inputsByUrn.set(metadata.urn, inputs);
  }
  const failedUrns = new Set(
    events.flatMap((e) => (e.resOpFailedEvent ? [e.resOpFailedEvent.metadata.urn] : [])),
  );
  const messages: string[] = [];
  const sources: string[] = [];
  const described = new Set<string>();
  for (const event of events) {
    const d = event.diagnosticEvent;
    if (!d || d.severity !== "error" || d.ephemeral) continue;
    const text = oneLine(d.message);
    if (d.urn && inputsByUrn.has(d.urn) && !d.urn.includes("::pulumi:pulumi:Stack::")) {
      const inputs = inputsByUrn.get(d.urn) ?? {};
      const source = sourceOf(inputs);
      if (source) sources.push(source);
      described.add(d.urn);
      // The provider's message repeats the URN ("resource \"urn:…\" was not successfully created …").
      const reason = text.replace(/^resource "urn:[^"]*" /, "");
      const label = `${resourceLabel(inputs, d.urn)}${source ? ` (${source})` : ""}`;
      messages.push(reason === text ? `${label}: ${text}` : `${label} ${reason}`);
    } else {
      messages.push(text);
    }
  }
  // A failed resource without its own diagnostic is still named.
  for (const urn of failedUrns) {
    if (described.has(urn)) continue;
    const inputs = inputsByUrn.get(urn) ?? {};
    const source = sourceOf(inputs);
    if (source) sources.push(source);
    messages.unshift(`${resourceLabel(inputs, urn)}${source ? ` (${source})` : ""} failed`);
  }
  const summary = messages.length > 0 ? messages.join("; ") : stderrSummary(error);
  return new PulumiDeployError(`pulumi up of stack ${stack} failed: ${summary}`, [...new Set(sources)]);
}

function sourceOf(inputs: Record<string, unknown>): string | undefined {
  const metadata = inputs.metadata;
  const annotations = isRecord(metadata) ? metadata.annotations : undefined;
  const source = isRecord(annotations) ? annotations[SOURCE_ANNOTATION] : undefined;
  return typeof source === "string" && source !== "" ? source : undefined;
}

function resourceLabel(inputs: Record<string, unknown>, urn: string): string {
  const kind = typeof inputs.kind === "string" && inputs.kind !== "" ? inputs.kind : typeFromUrn(urn);
  return `${kind} ${nameOf(inputs, urn)}`;
}

/** The resource steps the engine completed (ResOutputs events), in order; the stack itself left out. */
export function completedSteps(events: readonly EngineEvent[]): CompletedStep[] {
  const out: CompletedStep[] = [];
  for (const event of events) {
    const metadata = event.resOutputsEvent?.metadata;
    if (!metadata) continue;
    const op = operationOf(metadata);
    if (op) out.push({ op: op.op, kind: op.kind, name: op.name });
  }
  return out;
}

function automationUpRunner(options: PulumiDeployerOptions): UpRunner {
  const openStack = stackOpener(options.workDir, options.env, options.cliPath);
  return {
    async up(stackName, config, onEvent) {
      const stack = await openStack(stackName);
      const set: Record<string, { value: string }> = {};
      const remove: string[] = [];
      for (const [key, value] of Object.entries(config)) {
        if (value === undefined) remove.push(key);
        else set[key] = { value };
      }
      await stack.setAllConfig(set);
      if (remove.length > 0) await stack.removeAllConfig(remove);
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
