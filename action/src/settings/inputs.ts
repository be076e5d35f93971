/**
 * Reading the Action's inputs as the runner passes them, each problem collected instead of
 * thrown, so that every invalid input is reported at once.
 */
import type { SettingsSource } from "./types.js";

/**
 * The value of an input as the runner passes it: `INPUT_<NAME>` with spaces replaced by
 * underscores and upper-cased; dashes are kept (`INPUT_GITHUB-TOKEN`). Trimmed, like
 * `core.getInput`.
 */
export function readInput(env: SettingsSource["env"], name: string): string {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

const TRUE = ["true", "True", "TRUE"];
const FALSE = ["false", "False", "FALSE"];

/** The inputs of one run, read into typed values; a value that does not parse adds a problem and gives the fallback. */
export interface Inputs {
  /** The trimmed value; "" when not given. */
  text(name: string): string;
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T;
  /** YAML 1.2 core booleans, as `core.getBooleanInput` reads them. */
  bool(name: string, fallback: boolean): boolean;
  /** The values of a comma- or newline-separated list, trimmed, empty ones left out. */
  list(name: string): string[];
  /** Every problem found so far. */
  readonly problems: string[];
}

export function readInputs(env: SettingsSource["env"]): Inputs {
  const problems: string[] = [];
  const text = (name: string): string => readInput(env, name);
  return {
    problems,
    text,
    oneOf(name, allowed, fallback) {
      const value = text(name);
      if (value === "") return fallback;
      if ((allowed as readonly string[]).includes(value)) return value as typeof fallback;
      problems.push(`${name}: "${value}" is not one of ${allowed.join(", ")}`);
      return fallback;
    },
    bool(name, fallback) {
      const value = text(name);
      if (value === "") return fallback;
      if (TRUE.includes(value)) return true;
      if (FALSE.includes(value)) return false;
      problems.push(`${name}: "${value}" is not a boolean (true or false)`);
      return fallback;
    },
    list(name) {
      return text(name)
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter((s) => s !== "");
    },
  };
}
