import { Command, CommanderError } from "commander";
import { EXIT_OK, EXIT_USAGE, UsageError, toolEnv, type CliContext, type CliIo } from "./context.js";
import { cliAdapters } from "../wiring/cli.js";
import * as validate from "./commands/validate.js";
import * as render from "./commands/render.js";
import * as analyze from "./commands/analyze.js";
import * as diff from "./commands/diff.js";
import * as lint from "./commands/lint.js";
import * as preview from "./commands/preview.js";
import * as probe from "./commands/probe.js";
import { VERSION } from "./version.js";
import { terminalText } from "../text/escape.js";
import * as workloads from "./commands/workloads.js";
import * as gap from "./commands/gap.js";
import * as rbac from "./commands/rbac.js";
import * as importCommand from "./commands/import.js";
import * as init from "./commands/init.js";
import * as matrix from "./commands/matrix.js";
import * as discover from "./commands/discover.js";

const PROGRAM_HELP = `
Every command that prints a report takes --format <format> (--output is the same option);
\`netpol-rollout <command> --help\` shows its formats, examples and exit codes.

Examples:
  $ netpol-rollout validate
  $ netpol-rollout preview --no-base --format text
  $ netpol-rollout render --env production --out rendered/production
  $ netpol-rollout gap --env production --flows flows/*.jsonl
  $ netpol-rollout matrix --env production
  $ netpol-rollout discover --env production --flows flows/*.jsonl --cluster cluster.yaml --cni calico

Exit codes: 0 success, 1 invalid input or a failed check, 2 usage error; probe also
3 inconclusive.
`;

const COMMANDS = [
  validate,
  render,
  analyze,
  diff,
  lint,
  preview,
  probe,
  workloads,
  gap,
  rbac,
  importCommand,
  init,
  matrix,
  discover,
];

/** Runs the CLI with `args` (without node and script) and returns the exit code. */
export async function run(args: string[], rawIo: CliIo): Promise<number> {
  // Nothing printed can carry a terminal escape sequence or a carriage return: the lines
  // are ours, and the strings from input in them are escaped where they are formatted.
  const io: CliIo = {
    ...rawIo,
    stdout: (text) => rawIo.stdout(terminalText(text)),
    stderr: (text) => rawIo.stderr(terminalText(text)),
  };
  const ctx: CliContext = { io, adapters: cliAdapters(io.cwd, toolEnv(io)), exitCode: EXIT_OK };
  const program = new Command("netpol-rollout")
    .description("Compile declared network intent into Kubernetes NetworkPolicies, and check it.")
    .version(VERSION, "-V, --version", "print the version (the npm package's, the Action's release)")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError()
    .addHelpText("after", PROGRAM_HELP);
  for (const command of COMMANDS) command.register(program, ctx);
  try {
    await program.parseAsync(args, { from: "user" });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version surface as CommanderError with exit code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      io.stderr(`netpol-rollout: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
