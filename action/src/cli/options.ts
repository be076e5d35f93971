/**
 * Options every command shares, spelled one way: `--output <format>` chooses what is
 * printed (text, json, markdown, yaml: each command lists its own), with `--format` kept as
 * an alias. `render --out <dir>` is a directory, not a format.
 */
import { Option, type Command } from "commander";
import { UsageError } from "./context.js";

/**
 * Adds `--output <format>` (default `fallback`) and its alias `--format` to `command`; the
 * action sees the choice as `options.output`. Giving both with different values is a usage
 * error.
 */
export function addOutputOption<T extends string>(
  command: Command,
  choices: readonly T[],
  fallback: T,
): Command {
  command
    .addOption(
      new Option("--output <format>", "output format (alias: --format)").choices(choices).default(fallback),
    )
    .addOption(new Option("--format <format>", "alias of --output").choices(choices).hideHelp());
  command.hook("preAction", (_program, action) => {
    const alias = action.getOptionValue("format") as T | undefined;
    if (alias === undefined) return;
    const output = action.getOptionValue("output") as T;
    if (action.getOptionValueSource("output") === "cli" && output !== alias)
      throw new UsageError(`--output ${output} and --format ${alias} disagree: give one of them`);
    action.setOptionValue("output", alias);
  });
  return command;
}
