import type { CliAdapters } from "../wiring/cli.js";

/** What a CLI command may touch: its output streams and working directory. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** The environment of the tools the CLI runs (git); default: this process's. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** The environment for the tools a command runs: the one given, else the CLI process's own. */
export function toolEnv(io: CliIo): Readonly<Record<string, string | undefined>> {
  return io.env ?? process.env;
}

/** Exit codes: 0 success, 1 invalid intent or failed check, 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** Thrown by a command for a usage problem the argument parser cannot see. */
export class UsageError extends Error {
  override name = "UsageError";
}

export interface CliContext {
  io: CliIo;
  /** Files, git and the cluster, for the working directory and environment of `io`. */
  adapters: CliAdapters;
  /** Set by a command's action; run() returns it. */
  exitCode: number;
}
