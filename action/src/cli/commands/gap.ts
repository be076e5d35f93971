import { Option, type Command } from "commander";
import { addOutputOption } from "../options.js";
import { EXIT_INVALID, EXIT_OK, UsageError, type CliContext } from "../context.js";
import { formatIntentError } from "../../intent/index.js";
import { unknownEnvironmentMessage } from "../../intent/environment-names.js";
import { compileEnvironment, CompileError } from "../../compile/index.js";
import { FlowInputError } from "../../flows/model.js";
import { FLOW_FORMATS, FlowReader, type FlowFormat } from "../../flows/read.js";
import type { FlowSummary } from "../../flows/summary.js";
import { gapReport } from "../../flows/gap.js";
import { renderGapJson, renderGapMarkdown, renderGapText } from "../../flows/render.js";
import { visible } from "../../text/escape.js";
import { loadSide } from "./diff.js";
import type { OutputFormat } from "./analyze.js";

interface GapOptions {
  env: string;
  flows: string[];
  head: string;
  policiesDir: string;
  output: OutputFormat;
  flowsFormat: FlowFormat | "auto";
  failOnUnobserved?: boolean;
  showPods?: boolean;
  at?: string;
}

const EXAMPLES = `
Flow files (JSON lines, told apart by their first record; --flows-format to say which):
  plain      netpol-rollout's own format (schema: netpol-rollout/flows.schema.json):
             {"time":"2026-01-05T10:00:00Z","from":{"namespace":"shop","labels":{"app":"web"}},
              "to":{"namespace":"shop","labels":{"app":"api"}},"port":8080,"protocol":"TCP",
              "verdict":"allowed","count":3}
  hubble     the Hubble flow exporter's files, or hubble observe -o jsonpb / -o json (without
             --follow, hubble observe returns only each node's ring buffer: use the exporter
             for a window)
  goldmane   Calico 3.30+ flow logs API: grpcurl … goldmane.Flows/Stream | jq -c .
  calico-enterprise   Calico Enterprise / Cloud flows.log
Every file is streamed: at most 1 MiB per record, 4 GiB in all, 100,000 distinct flows and
20,000 distinct endpoints; a bad record stops the run at file:line.

Examples:
  $ netpol-rollout gap --env production --flows flows/*.jsonl
      observed traffic the production intent would block, declared flows never observed,
      and rules no observed flow used
  $ netpol-rollout gap --env production --flows hubble/events.log --head my-branch
      the same against a branch's intent (a git ref, or a policies directory)
  $ netpol-rollout gap --env staging --flows flows.jsonl --format json --fail-on-unobserved
      a CI gate that also fails when a declared flow was never seen

Exit codes: 0 no observed traffic would be blocked, 1 some would (or, with
--fail-on-unobserved, a declared flow was never observed) or invalid input (errors as
file:line), 2 usage error.
`;

export function register(program: Command, ctx: CliContext): void {
  const command = program
    .command("gap")
    .description(
      "Observed traffic the intent would block, declared flows never observed, and allowed flows never used.",
    )
    .requiredOption("--env <name>", "environment to judge")
    .requiredOption(
      "--flows <files...>",
      "flow files (JSON lines: plain, Hubble, Goldmane, Calico Enterprise)",
    )
    .option("--head <ref|dir>", "the intent: a git ref (a branch's head) or a policies directory", "policies")
    .option("--policies-dir <dir>", "policies directory inside the repository, for git refs", "policies")
    .addOption(
      new Option("--flows-format <format>", "the flow files' format")
        .choices(["auto", ...FLOW_FORMATS])
        .default("auto"),
    )
    .option("--fail-on-unobserved", "exit 1 also when a declared flow was never observed")
    .option("--show-pods", "show pod names and addresses seen on each side");
  addOutputOption(command, ["text", "json", "markdown"], "text")
    .option("--at <time>", "report how old the data is as of this RFC 3339 time (default: now)")
    .addHelpText("after", EXAMPLES)
    .action(async (options: GapOptions) => {
      ctx.exitCode = await gap(options, ctx);
    });
}

/** Reads flow files for a command; prints the error and returns undefined when one is bad. */
export async function readFlows(
  ctx: CliContext,
  files: string[],
  format: FlowFormat | "auto",
  command: string,
): Promise<FlowSummary | undefined> {
  const reader = new FlowReader(format === "auto" ? {} : { format });
  try {
    await ctx.adapters.readFlowFiles(files, reader);
  } catch (error) {
    if (!(error instanceof FlowInputError)) throw error;
    ctx.io.stderr(
      `${visible(error.message)}\nnetpol-rollout ${command}: invalid flow input; nothing judged\n`,
    );
    return undefined;
  }
  return reader.finish();
}

/** `--at` as milliseconds, or now. */
export function reportTime(at: string | undefined): number {
  if (at === undefined) return Date.now();
  const ms = Date.parse(at);
  if (Number.isNaN(ms))
    throw new UsageError(`--at ${at}: expected an RFC 3339 time ("2026-01-05T10:00:00Z")`);
  return ms;
}

async function gap(options: GapOptions, ctx: CliContext): Promise<number> {
  const { io } = ctx;
  const now = reportTime(options.at);
  const loaded = await loadSide(ctx, options.head, options.policiesDir, "head");
  if (!loaded.ok) {
    io.stderr(`invalid intent in ${options.head}:\n`);
    for (const e of loaded.errors) io.stderr(`${formatIntentError(e)}\n`);
    return EXIT_INVALID;
  }
  const env = loaded.intent.environments.find((e) => e.name === options.env);
  if (!env)
    throw new UsageError(
      unknownEnvironmentMessage(
        options.env,
        loaded.intent.environments.map((e) => e.name),
      ),
    );
  const summary = await readFlows(ctx, options.flows, options.flowsFormat, "gap");
  if (!summary) return EXIT_INVALID;
  let bundle;
  try {
    bundle = compileEnvironment(env);
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    io.stderr(`netpol-rollout gap: ${error.message}\n`);
    return EXIT_INVALID;
  }
  const report = gapReport(env, bundle, summary);
  const render = { now, ...(options.showPods ? { showPods: true } : {}) };
  switch (options.output) {
    case "json":
      io.stdout(renderGapJson(report, summary, render));
      break;
    case "markdown":
      io.stdout(renderGapMarkdown(report, summary, render));
      break;
    case "text":
      io.stdout(renderGapText(report, summary, render));
  }
  if (report.blocked.length > 0) {
    io.stderr(
      `netpol-rollout gap: ${report.blocked.length} observed flow${report.blocked.length === 1 ? "" : "s"} would be blocked by ${options.env}'s intent\n`,
    );
    return EXIT_INVALID;
  }
  if (options.failOnUnobserved && report.unobserved.length > 0) {
    io.stderr(
      `netpol-rollout gap: ${report.unobserved.length} declared flow${report.unobserved.length === 1 ? "" : "s"} never observed (--fail-on-unobserved)\n`,
    );
    return EXIT_INVALID;
  }
  return EXIT_OK;
}
