/** An environment's intent as a revision of the repository holds it, compiled. */
import { compileEnvironment } from "../compile/compile.js";
import { parseIntent, type IntentFile } from "../intent/load.js";
import { formatIntentError, type EnvironmentIntent } from "../intent/model.js";
import type { RecordedBundle } from "./last-known-good.js";

/** The intent of an environment compiled at a git ref. */
export interface CompiledAtRef {
  intent: EnvironmentIntent;
  bundle: RecordedBundle;
  /** The commit the ref resolved to. */
  commit: string;
}

/**
 * Compiles `environment` from the intent files of `commit` (what `ref` resolved to):
 * undefined when the environment is not there; throws when the intent there is invalid
 * (the message names file:line).
 */
export function compileRevision(
  files: IntentFile[],
  at: { ref: string; commit: string; policiesDir: string; environment: string },
): CompiledAtRef | undefined {
  const loaded = parseIntent(files, { policiesDir: at.policiesDir });
  if (!loaded.ok) {
    throw new Error(
      `the intent at ${at.ref} (${at.commit.slice(0, 12)}) is invalid: ${loaded.errors.slice(0, 5).map(formatIntentError).join("; ")}`,
    );
  }
  const intent = loaded.intent.environments.find((e) => e.name === at.environment);
  if (intent === undefined) return undefined;
  return {
    intent,
    bundle: { ...compileEnvironment(intent), excludedNamespaces: [...intent.excludedNamespaces] },
    commit: at.commit,
  };
}
