/**
 * The answer to an environment name that does not exist, one wording for the CLI, the
 * Action and the Pulumi program: the environments there are, and the one most likely meant.
 */
import { closest, distance } from "fastest-levenshtein";

/**
 * The environment a mistyped name most likely meant: the one name it begins or that begins
 * it ("prod" → "production"), else the nearest spelling within a third of its length
 * (at least 2 edits); undefined when none is close.
 */
export function suggestEnvironment(name: string, available: readonly string[]): string | undefined {
  if (available.length === 0) return undefined;
  const prefixed = available.filter((a) => a.startsWith(name) || name.startsWith(a));
  if (prefixed.length === 1) return prefixed[0];
  const candidate = closest(name, [...available]);
  return distance(name, candidate) <= Math.max(2, Math.floor(name.length / 3)) ? candidate : undefined;
}

/**
 * `unknown environment 'prod'; environments: dev, staging, production (did you mean
 * 'production'?)`, or that none is declared.
 */
export function unknownEnvironmentMessage(name: string, available: readonly string[]): string {
  if (available.length === 0) return `unknown environment '${name}': the intent declares no environments`;
  const suggestion = suggestEnvironment(name, available);
  return (
    `unknown environment '${name}'; environments: ${available.join(", ")}` +
    (suggestion !== undefined ? ` (did you mean '${suggestion}'?)` : "")
  );
}
