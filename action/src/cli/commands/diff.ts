import { resolve } from "node:path";
import type { Command } from "commander";
import { addOutputOption } from "../options.js";
import { unknownEnvironmentMessage } from "../../intent/environment-names.js";
import { EXIT_INVALID, EXIT_OK, UsageError, type CliContext } from "../context.js";
import {
  formatIntentError,
  parseIntent,
  type EnvironmentIntent,
  type LoadResult,
} from "../../intent/index.js";
import { GitError } from "../../ports/git.js";
import { CompileError } from "../../compile/compile.js";
import { diffEnvironments } from "../../semantics/diff.js";
import { renderDiffJson, renderDiffMarkdown, renderDiffText } from "../../semantics/render.js";
import type { OutputFormat } from "./analyze.js";

interface DiffOptions {
  env: string;
  base: string;
  head: string;
  output: OutputFormat;
  policiesDir: string;
}

const EXAMPLES = `
BASE and HEAD are each a policies directory (when a directory exists at that path) or a git
ref of the repository in the current directory, read with git without touching the working
tree (<policies-dir> at that ref, relative to the repository root).

Examples:
  $ netpol-rollout diff --env production --base main --head HEAD
      what the current branch changes in production, flow by flow, with the rule responsible
  $ netpol-rollout diff --env staging --base origin/main --head policies --format markdown
      the committed main branch against the working tree

Exit codes: 0 compared (changes are not failures), 1 invalid intent, 2 usage error.
`;

export function register(program: Command, ctx: CliContext): void {
  const command = program
    .command("diff")
    .description(
      "Which connections a change opens or closes in one environment, and which rule is responsible.",
    )
    .requiredOption("--env <name>", "environment to compare")
    .requiredOption("--base <ref|dir>", "the intent before: a git ref or a policies directory")
    .option("--head <ref|dir>", "the intent after: a git ref or a policies directory", "policies");
  addOutputOption(command, ["text", "json", "markdown"], "text")
    .option("--policies-dir <dir>", "policies directory inside the repository, for git refs", "policies")
    .addHelpText("after", EXAMPLES)
    .action(async (options: DiffOptions) => {
      ctx.exitCode = await diff(options, ctx);
    });
}

/** Loads the intent of one side: a directory, else the policies directory at a git ref. */
export async function loadSide(
  ctx: CliContext,
  spec: string,
  policiesDir: string,
  role: string,
): Promise<LoadResult> {
  const { io, adapters } = ctx;
  const abs = resolve(io.cwd, spec);
  // Anything but a directory that can be looked at is read as a git ref.
  const kind = await adapters.pathKind(abs).catch(() => "missing" as const);
  if (kind === "directory") return adapters.loadIntent(abs);
  const git = adapters.git();
  let sha: string | undefined;
  try {
    sha = await git.resolve(spec);
  } catch (error) {
    if (error instanceof GitError)
      throw new UsageError(`--${role} ${spec}: not a directory, and git cannot read it (${error.message})`);
    throw error;
  }
  if (!sha)
    throw new UsageError(
      `--${role} ${spec}: neither a directory nor a git ref of the repository in ${io.cwd}`,
    );
  const files = await git.readTree(sha, policiesDir);
  return parseIntent(files, { policiesDir: policiesDir.replace(/^\.\/+/, "").replace(/\/+$/, "") });
}

async function diff(options: DiffOptions, ctx: CliContext): Promise<number> {
  const { io } = ctx;
  const sides = {
    base: await loadSide(ctx, options.base, options.policiesDir, "base"),
    head: await loadSide(ctx, options.head, options.policiesDir, "head"),
  };
  let invalid = false;
  for (const [role, result] of Object.entries(sides)) {
    if (result.ok) continue;
    invalid = true;
    io.stderr(`invalid intent in --${role} ${role === "base" ? options.base : options.head}:\n`);
    for (const e of result.errors) io.stderr(`${formatIntentError(e)}\n`);
  }
  if (invalid || !sides.base.ok || !sides.head.ok) return EXIT_INVALID;
  const find = (envs: EnvironmentIntent[]): EnvironmentIntent | undefined =>
    envs.find((e) => e.name === options.env);
  const base = find(sides.base.intent.environments);
  const head = find(sides.head.intent.environments);
  if (!base && !head) {
    const names = [
      ...new Set([...sides.base.intent.environments, ...sides.head.intent.environments].map((e) => e.name)),
    ].sort();
    if (names.length === 0)
      throw new UsageError(`unknown environment '${options.env}': neither side declares any environment`);
    throw new UsageError(unknownEnvironmentMessage(options.env, names));
  }
  let result;
  try {
    result = diffEnvironments(base, head);
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    io.stderr(`netpol-rollout diff: ${error.message}\n`);
    return EXIT_INVALID;
  }
  if (!base)
    io.stderr(
      `note: environment ${options.env} does not exist in --base ${options.base}: everything is new\n`,
    );
  if (!head)
    io.stderr(
      `note: environment ${options.env} does not exist in --head ${options.head}: everything is removed\n`,
    );
  switch (options.output) {
    case "json":
      io.stdout(renderDiffJson(result));
      break;
    case "markdown":
      io.stdout(renderDiffMarkdown(result));
      break;
    case "text":
      io.stdout(renderDiffText(result));
  }
  return EXIT_OK;
}
