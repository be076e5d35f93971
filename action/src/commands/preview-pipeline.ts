/**
 * The preview pipeline: read the intent at a base revision and at head, load both,
 * compare each environment semantically, lint head, ask the engine (when there is one)
 * what it would change, and return the report. Pure orchestration over ports: the
 * git reader, the engine and the head reader are passed in, so the Action, the CLI and
 * the tests drive the same code.
 */
import { observedPreview, type ObservedDetail } from "../flows/observed-preview.js";
import type { FlowSummary } from "../flows/summary.js";
import type { EnvironmentIntent, IntentError } from "../intent/model.js";
import type { CompiledBundle } from "../compile/types.js";
import type { FlowChange, LintFinding, SemanticDiff } from "../semantics/contracts.js";
import { parseEnvironments, type EnvironmentLoad } from "../intent/index.js";
import { lineComment, splitLines } from "../intent/comments.js";
import { unknownEnvironmentMessage } from "../intent/environment-names.js";
import { compileEnvironment } from "../compile/compile.js";
import { diffEnvironments } from "../semantics/diff.js";
import { lintEnvironment } from "../semantics/lint.js";
import type { GitReader, PreviewEngine } from "../ports/index.js";
import type { EnginePreview } from "../rollout/engine.js";
import { buildFlowsGraph } from "../report/graph.js";
import { clusterPreview } from "../report/clusters.js";
import { previewProbes } from "../probe/probe-preview.js";
import type { EnvironmentPreview, PreviewReport, ReportIntentError, RevisionSide } from "../report/types.js";
import { verdictOf } from "../report/types.js";

export interface SourceFile {
  /** Repository-relative, POSIX separators, e.g. "policies/environments/production.yaml". */
  path: string;
  text: string;
  /** Why the file was not read (a link leaving the repository, too large…); reported at the file. */
  problem?: string;
}

/** The pure pieces the pipeline composes; the defaults are the project's own. */
export interface PreviewCore {
  /** Every error, and each environment on its own (usable when none of its files has an error). */
  parse(files: SourceFile[], policiesDir: string): { errors: IntentError[]; environments: EnvironmentLoad[] };
  compile(env: EnvironmentIntent): CompiledBundle;
  /** `bundles`: the environments as `compile` made them, so nothing is compiled twice. */
  diff(
    base: EnvironmentIntent | undefined,
    head: EnvironmentIntent | undefined,
    bundles: { base?: CompiledBundle; head?: CompiledBundle },
  ): SemanticDiff;
  lint(env: EnvironmentIntent, bundle: CompiledBundle): LintFinding[];
}

export const defaultPreviewCore: PreviewCore = {
  parse: (files, policiesDir) => parseEnvironments(files, { policiesDir }),
  compile: compileEnvironment,
  diff: diffEnvironments,
  lint: lintEnvironment,
};

export interface PreviewDeps {
  /** Reads the base revision; required when `baseRef` is given. */
  git?: GitReader;
  /** The Pulumi engine; without it the engine part is skipped with `engineSkipReason`. */
  engine?: PreviewEngine;
  /** The intent files at head (the working tree or a checkout), repository-relative paths. */
  readHead: () => Promise<SourceFile[]>;
  core?: PreviewCore;
}

/** What to preview; the CLI makes it from its options, the Action from its request. */
export interface PreviewRequest {
  /** A git ref or SHA; absent means no base: every flow is shown as added. */
  baseRef?: string;
  /** Why there is no base, when `baseRef` is absent (e.g. "not in a git repository"); display only. */
  baseNote?: string;
  /** How the report names head (a SHA, "working tree"); display only. */
  headRef?: string;
  /** Only these environments (default: every environment of base and head). */
  environments?: string[];
  /** Repository-relative policies directory, e.g. "policies". */
  policiesDir: string;
  /** Why the engine part is skipped when `deps.engine` is absent; default "no Pulumi engine was configured". */
  engineSkipReason?: string;
  /** Observed traffic per environment name ("*": every environment), judged against head and base. */
  observed?: { byEnvironment: ReadonlyMap<string, FlowSummary>; detail: ObservedDetail; at: number };
}

/** The base ref does not resolve to a commit. */
export class BaseRefNotFoundError extends Error {
  override name = "BaseRefNotFoundError";
  constructor(readonly ref: string) {
    super(`base ref '${ref}' does not resolve to a commit`);
  }
}

/** A base ref was given but there is no git repository to read it from. */
export class NoGitRepositoryError extends Error {
  override name = "NoGitRepositoryError";
  constructor(readonly ref: string) {
    super(`base ref '${ref}' was given, but there is no git repository to read it from`);
  }
}

/** An environment was asked for that exists neither at base nor at head. */
export class UnknownEnvironmentError extends Error {
  override name = "UnknownEnvironmentError";
  constructor(
    readonly environment: string,
    readonly available: string[],
  ) {
    super(unknownEnvironmentMessage(environment, available));
  }
}

const DEFAULT_ENGINE_SKIP_REASON = "no Pulumi engine was configured";

function trimDir(dir: string): string {
  const posix = dir.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "");
  return posix === "" ? "." : posix;
}

/** Environment names from file names alone, for when the intent does not load. */
function environmentFileNames(files: SourceFile[], policiesDir: string): string[] {
  const prefix = policiesDir === "." ? "environments/" : `${policiesDir}/environments/`;
  const names = new Set<string>();
  for (const file of files) {
    if (!file.path.startsWith(prefix)) continue;
    const rest = file.path.slice(prefix.length);
    const match = /^([^/]+)\.ya?ml$/.exec(rest);
    if (match?.[1]) names.add(match[1]);
  }
  return [...names];
}

function tag(errors: IntentError[], side: RevisionSide): ReportIntentError[] {
  return errors.map((e) => ({ ...e, side }));
}

function emptyDiff(environment: string): SemanticDiff {
  return {
    environment,
    changes: [],
    workloads: { added: [], removed: [] },
    namespaces: { added: [], removed: [] },
  };
}

/**
 * Whether two revisions of an environment are identical, source positions included: the
 * diff of identical intents is empty, and most pull requests leave most environments
 * alone, so this skips the semantic engine's all-pairs evaluation for them.
 */
function sameIntent(base: EnvironmentIntent | undefined, head: EnvironmentIntent | undefined): boolean {
  return base !== undefined && head !== undefined && JSON.stringify(base) === JSON.stringify(head);
}

async function enginePreview(engine: PreviewEngine, environment: string): Promise<EnginePreview> {
  try {
    return await engine.preview(environment);
  } catch (error) {
    // The adapter reports its own failures as results; a throw is still one environment's
    // failure, not the whole preview's.
    return {
      status: "failed",
      stack: environment,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Namespaces that gain or lose default-deny-all (a namespace that appears or goes counts too). */
function defaultDenyChanges(
  base: EnvironmentIntent | undefined,
  head: EnvironmentIntent | undefined,
): { added: string[]; removed: string[] } {
  const denied = (env: EnvironmentIntent | undefined): Set<string> =>
    new Set(env?.namespaces.filter((n) => n.defaultDeny).map((n) => n.name) ?? []);
  const b = denied(base);
  const h = denied(head);
  return {
    added: [...h].filter((n) => !b.has(n)).sort(),
    removed: [...b].filter((n) => !h.has(n)).sort(),
  };
}

/** Adds the author's comment on the line of each change's declaration (head for opened, base for closed). */
function attachComments(changes: FlowChange[], files: Record<"base" | "head", SourceFile[]>): void {
  const lines = { base: new Map<string, string[]>(), head: new Map<string, string[]>() };
  const linesOf = (side: "base" | "head", path: string): string[] | undefined => {
    let list = lines[side].get(path);
    if (!list) {
      const file = files[side].find((f) => f.path === path);
      if (!file) return undefined;
      list = splitLines(file.text);
      lines[side].set(path, list);
    }
    return list;
  };
  for (const change of changes) {
    const source = change.rule?.source;
    if (!source) continue;
    const list = linesOf(change.change === "added" ? "head" : "base", source.file);
    const comment = list === undefined ? undefined : lineComment(list, source.line);
    if (comment) change.comment = comment;
  }
}

/**
 * Runs the preview. Throws BaseRefNotFoundError, NoGitRepositoryError or
 * UnknownEnvironmentError for unusable arguments; an invalid intent is not an exception
 * but a report with `intentErrors`: the environments whose files hold an error are
 * `invalid`, the others are compared as usual.
 */
export async function runPreview(deps: PreviewDeps, opts: PreviewRequest): Promise<PreviewReport> {
  const core = deps.core ?? defaultPreviewCore;
  const policiesDir = trimDir(opts.policiesDir);
  const report: PreviewReport = { policiesDir, environments: [], intentErrors: [] };
  if (opts.headRef !== undefined) report.headRef = opts.headRef;
  if (opts.baseRef === undefined && opts.baseNote !== undefined) report.baseNote = opts.baseNote;

  // Base.
  let baseFiles: SourceFile[] = [];
  if (opts.baseRef !== undefined) {
    if (!deps.git) throw new NoGitRepositoryError(opts.baseRef);
    const sha = await deps.git.resolve(opts.baseRef);
    if (sha === undefined) throw new BaseRefNotFoundError(opts.baseRef);
    report.baseRef = opts.baseRef;
    report.baseSha = sha;
    baseFiles = await deps.git.readTree(sha, policiesDir);
    if (baseFiles.length === 0) report.baseNote = `${policiesDir}/ does not exist at base`;
  }
  const headFiles = await deps.readHead();

  let baseEnvs: EnvironmentIntent[] = [];
  if (baseFiles.length > 0) {
    const base = core.parse(baseFiles, policiesDir);
    if (base.errors.length === 0) baseEnvs = base.environments.flatMap((e) => (e.intent ? [e.intent] : []));
    else {
      report.intentErrors.push(...tag(base.errors, "base"));
      report.baseNote = "the intent at base is invalid";
    }
  }
  const head = core.parse(headFiles, policiesDir);
  report.intentErrors.push(...tag(head.errors, "head"));
  const headValid = head.errors.length === 0;
  const headEnvs = head.environments.flatMap((e) => (e.intent ? [e.intent] : []));
  const headInvalid = new Map(head.environments.filter((e) => !e.intent).map((e) => [e.name, e.errors]));

  // Environments: the union of both sides, in promotion order.
  const baseByName = new Map(baseEnvs.map((e) => [e.name, e]));
  const headByName = new Map(headEnvs.map((e) => [e.name, e]));
  const names = new Set([...baseByName.keys(), ...headByName.keys(), ...headInvalid.keys()]);
  if (!headValid) for (const name of environmentFileNames(headFiles, policiesDir)) names.add(name);
  const available = [...names].sort();
  let selected = available;
  if (opts.environments && opts.environments.length > 0) {
    for (const name of opts.environments) {
      if (!names.has(name)) throw new UnknownEnvironmentError(name, available);
    }
    const wanted = new Set(opts.environments);
    selected = available.filter((n) => wanted.has(n));
  }
  const orderOf = (name: string): number =>
    headByName.get(name)?.order ?? baseByName.get(name)?.order ?? Number.MAX_SAFE_INTEGER;
  selected.sort((a, b) => orderOf(a) - orderOf(b) || (a < b ? -1 : a > b ? 1 : 0));

  // The Pulumi program loads the whole intent: with any error at head it cannot run at all.
  const skipReason = headValid
    ? (opts.engineSkipReason ?? DEFAULT_ENGINE_SKIP_REASON)
    : "the intent at head has errors, and nothing deploys while any remains";
  if (!deps.engine || !headValid) report.engineNote = skipReason;

  for (const name of selected) {
    const baseEnv = baseByName.get(name);
    const headEnv = headByName.get(name);
    const order = orderOf(name) === Number.MAX_SAFE_INTEGER ? 0 : orderOf(name);

    if (!headEnv && (headInvalid.has(name) || (!headValid && !baseEnv))) {
      const errors = headInvalid.get(name) ?? head.errors;
      report.environments.push({
        name,
        order,
        presence: "unknown",
        verdict: {
          kind: "invalid",
          errors: errors.length,
          files: [...new Set(errors.map((e) => e.file))].sort(),
        },
        diff: emptyDiff(name),
        lint: [],
        engine: { status: "skipped", reason: skipReason },
        flowsGraph: { nodes: [], edges: [] },
      });
      continue;
    }

    // Each side is compiled once, for both the diff and the lint.
    const headBundle = headEnv ? core.compile(headEnv) : undefined;
    let diff: SemanticDiff;
    // An environment new at base that replaces a cluster's own policies is compared with them.
    // Loaded only then: the record's reader brings the manifest parser (js-yaml) with it.
    const baseline =
      !baseEnv && headEnv?.replaces
        ? (await import("../import/baseline.js")).replacedBaseline(headEnv, headFiles)
        : undefined;
    if (baseline && !baseline.ok) {
      report.intentErrors.push(...baseline.errors.map((e): ReportIntentError => ({ ...e, side: "head" })));
    }
    const replaced = baseline?.ok ? baseline : undefined;
    // Same intent on both sides: the same policies before and after.
    let baseBundle = baseEnv && sameIntent(baseEnv, headEnv) ? headBundle : replaced?.bundle;
    if (replaced && headEnv && headBundle) {
      diff = core.diff(headEnv, headEnv, { base: replaced.bundle, head: headBundle });
    } else if (sameIntent(baseEnv, headEnv)) diff = emptyDiff(name);
    else {
      const bundles: { base?: CompiledBundle; head?: CompiledBundle } = {};
      if (baseEnv) bundles.base = baseBundle = core.compile(baseEnv);
      if (headBundle) bundles.head = headBundle;
      diff = core.diff(baseEnv, headEnv, bundles);
    }
    attachComments(diff.changes, { base: baseFiles, head: headFiles });
    const lint = headEnv && headBundle ? core.lint(headEnv, headBundle) : [];
    let engine: EnginePreview;
    if (!headEnv) engine = { status: "skipped", reason: "the environment is removed at head" };
    else if (deps.engine && headValid) engine = await enginePreview(deps.engine, name);
    else engine = { status: "skipped", reason: skipReason };

    const compared = replaced ? headEnv : baseEnv;
    const preview: EnvironmentPreview = {
      name,
      order,
      presence: baseEnv && headEnv ? "both" : headEnv ? "added" : "removed",
      verdict: verdictOf(diff),
      diff,
      lint,
      engine,
      flowsGraph: buildFlowsGraph(compared, headEnv, diff),
    };
    if (replaced && headEnv?.replaces)
      preview.replaces = { directory: headEnv.replaces.directory, policies: replaced.policies };
    const observed = opts.observed?.byEnvironment.get(name) ?? opts.observed?.byEnvironment.get("*");
    if (opts.observed && observed && headEnv && headBundle) {
      preview.observed = observedPreview({
        summary: observed,
        head: { env: headEnv, bundle: headBundle },
        // An environment that replaces a cluster's policies: the base is what the cluster enforces.
        ...(replaced && headEnv
          ? { base: { env: headEnv, bundle: replaced.bundle } }
          : baseEnv
            ? { base: { env: baseEnv, bundle: baseBundle ?? core.compile(baseEnv) } }
            : {}),
        detail: opts.observed.detail,
        at: opts.observed.at,
      });
    }
    // What the probes will check once merged: the head's plan on its synthetic inventory.
    if (headEnv && headBundle) preview.probes = previewProbes(headEnv, headBundle, baseBundle, diff);
    const clusters = headEnv && headBundle ? clusterPreview(headEnv, headBundle, core.compile) : undefined;
    if (clusters) preview.clusters = clusters;
    const defaultDeny = defaultDenyChanges(compared, headEnv);
    if (defaultDeny.added.length + defaultDeny.removed.length > 0) preview.defaultDeny = defaultDeny;
    report.environments.push(preview);
  }
  return report;
}
