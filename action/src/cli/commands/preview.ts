import { relative, resolve, sep } from "node:path";
import type { Command } from "commander";
import { addOutputOption } from "../options.js";
import { EXIT_INVALID, EXIT_OK, UsageError, type CliContext } from "../context.js";
import type { GitReader, PreviewEngine } from "../../ports/index.js";
import {
  BaseRefNotFoundError,
  NoGitRepositoryError,
  UnknownEnvironmentError,
  runPreview,
} from "../../commands/preview-pipeline.js";
import { renderComment, renderSummary } from "../../report/markdown.js";
import { renderText } from "../../report/text.js";
import { previewOutputs } from "../../report/types.js";

/** The branches tried, in order, for the default base: the merge base of HEAD with the first that exists. */
export const DEFAULT_BASE_CANDIDATES = ["origin/HEAD", "main", "master"];

export interface PreviewCliOptions {
  env: string[];
  /** A git ref; false with --no-base (everything shows as added). */
  base?: string | false;
  policiesDir: string;
  /** Print the job summary's full detail instead of the comment. */
  full?: boolean;
  /** markdown (the comment, default) or text (for a terminal). */
  output: string;
  /** An engine name for `engineFactory`, when the build provides one. */
  engine?: string;
}

/**
 * What the command reaches outside: git, and optionally an engine. `engineFactory`, when
 * given, adds an `--engine NAME` option whose engine previews each environment.
 */
export interface PreviewCliDeps {
  createGit?: (cwd: string) => GitReader;
  engineFactory?: {
    /** Help text for --engine, e.g. "pulumi: preview each stack with the Pulumi CLI". */
    description: string;
    create(name: string, cwd: string): Promise<PreviewEngine>;
  };
}

function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

interface Base {
  ref?: string;
  /** How to name the base in the report when `ref` is a computed merge base. */
  label?: string;
  /** Why there is none. */
  note?: string;
}

/** The default base: the merge base of HEAD with origin/HEAD, main or master; or none, and why. */
async function defaultBase(git: GitReader): Promise<Base> {
  let head: string | undefined;
  try {
    head = await git.resolve("HEAD");
  } catch (error) {
    return { note: `git is not usable here (${error instanceof Error ? error.message : String(error)})` };
  }
  if (head === undefined) return { note: "not in a git repository with commits" };
  for (const candidate of DEFAULT_BASE_CANDIDATES) {
    if ((await git.resolve(candidate)) === undefined) continue;
    const mergeBase = await git.mergeBase(candidate);
    if (mergeBase !== undefined) return { ref: mergeBase, label: `merge base with ${candidate}` };
  }
  return { note: `no default branch (${DEFAULT_BASE_CANDIDATES.join(", ")}) shares history with HEAD` };
}

function collect(value: string, previous: string[]): string[] {
  return [
    ...previous,
    ...value
      .split(",")
      .map((v) => v.trim())
      .filter((v) => v !== ""),
  ];
}

/** Runs `netpol-rollout preview` and returns its exit code; usage problems throw UsageError. */
export async function previewCommand(
  ctx: CliContext,
  options: PreviewCliOptions,
  deps: PreviewCliDeps = {},
): Promise<number> {
  const { io } = ctx;
  const { adapters } = ctx;
  const policiesAbs = resolve(io.cwd, options.policiesDir);
  if ((await adapters.pathKind(policiesAbs)) !== "directory") {
    throw new UsageError(`policies directory '${options.policiesDir}' not found (in ${io.cwd})`);
  }
  // Intent paths are relative to the work tree's root, as git reads the base revision's paths from it.
  const root = await adapters.workTreeRoot(resolve(io.cwd));
  const policiesDir = toPosix(relative(root, policiesAbs)) || ".";
  const git = deps.createGit ? deps.createGit(io.cwd) : adapters.git();

  let base: Base;
  if (options.base === false) base = { note: "--no-base was given" };
  else if (options.base !== undefined) base = { ref: options.base };
  else base = await defaultBase(git);

  let engine: PreviewEngine | undefined;
  if (options.engine !== undefined && deps.engineFactory) {
    engine = await deps.engineFactory.create(options.engine, io.cwd);
  }
  const engineSkipReason = deps.engineFactory
    ? "the CLI runs without an engine unless --engine is given; the Action runs it"
    : "the CLI runs without an engine; run the preview in the Action to include it";

  let report;
  try {
    report = await runPreview(
      {
        git,
        ...(engine ? { engine } : {}),
        readHead: () => adapters.readIntentFiles(root, policiesAbs),
      },
      {
        ...(base.ref !== undefined ? { baseRef: base.ref } : {}),
        ...(base.note !== undefined ? { baseNote: base.note } : {}),
        headRef: "working tree",
        environments: options.env,
        policiesDir,
        engineSkipReason,
      },
    );
  } catch (error) {
    // The message lists the environments and the one most likely meant.
    if (error instanceof UnknownEnvironmentError) throw new UsageError(error.message);
    if (error instanceof BaseRefNotFoundError || error instanceof NoGitRepositoryError) {
      throw new UsageError(error.message);
    }
    throw error;
  }
  if (base.label !== undefined) report.baseRef = base.label;

  if (options.output === "text") io.stdout(renderText(report));
  else io.stdout(options.full ? renderSummary(report) : renderComment(report));
  const outputs = previewOutputs(report);
  if (outputs.invalid) {
    io.stderr(
      `netpol-rollout preview: the intent is invalid (${outputs.intentErrors} errors, listed above)\n`,
    );
    return EXIT_INVALID;
  }
  return EXIT_OK;
}

export function register(program: Command, ctx: CliContext, deps: PreviewCliDeps = {}): void {
  const command = program
    .command("preview")
    .description(
      "Show what a change to the intent does: flows opened and closed per environment, lint findings and a flows diagram, as the pull request comment's markdown.",
    )
    .option("--env <name>", "only this environment (repeatable, or comma-separated)", collect, [])
    .option(
      "--base <ref>",
      `git ref to compare with (default: the merge base of HEAD with ${DEFAULT_BASE_CANDIDATES.join(", else ")}; none outside a git repository: everything shows as added)`,
    )
    .option("--no-base", "compare with nothing: every flow shows as added")
    .option("--policies-dir <dir>", "the intent directory", "policies")
    .option("--full", "with markdown: print the job summary's full detail instead of the comment");
  addOutputOption(command, ["markdown", "text"], "markdown");
  if (deps.engineFactory) command.option("--engine <name>", deps.engineFactory.description);
  command
    .addHelpText(
      "after",
      `
Compares the intent in the working tree with the base revision. No cluster and no
credentials are needed.

Examples:
  $ netpol-rollout preview
      the pull request comment's markdown, against the merge base with the default branch
  $ netpol-rollout preview --env production --base origin/main
  $ netpol-rollout preview --no-base --format text
      everything the intent opens, as if it were all new
  $ netpol-rollout preview --policies-dir infra/policies --full > preview.md
      the job summary's full detail

Exit codes: 0 previewed (changes are not failures), 1 invalid intent (errors as
file:line:col), 2 usage error (e.g. unknown environment or base ref).
`,
    )
    .action(async (options: PreviewCliOptions) => {
      ctx.exitCode = await previewCommand(ctx, options, deps);
    });
}
