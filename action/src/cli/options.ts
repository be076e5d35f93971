/**
 * Options every command shares, spelled one way: `--format <format>` chooses what is
 * printed (text, json, markdown, yaml: each command lists its own), with `--output` kept as
 * an alias (the name the commands first had). `render --out <dir>` is a directory, not a
 * format.
 */
import { Option, type Command } from "commander";
import { UsageError } from "./context.js";

/**
 * Adds `--format <format>` (default `fallback`) and its alias `--output` to `command`; the
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
      new Option("--format <format>", "output format (alias: --output)").choices(choices).default(fallback),
    )
    .addOption(new Option("--output <format>", "alias of --format").choices(choices).hideHelp());
  command.hook("preAction", (_program, action) => {
    const format = action.getOptionValue("format") as T;
    const alias = action.getOptionValue("output") as T | undefined;
    if (alias !== undefined && action.getOptionValueSource("format") === "cli" && format !== alias)
      throw new UsageError(`--format ${format} and --output ${alias} disagree: give one of them`);
    action.setOptionValue("output", alias ?? format);
  });
  return command;
}
