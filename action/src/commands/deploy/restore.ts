/**
 * What a run may put back: a recorded revision's objects, and the intent the probes of a
 * rollback to it plan from, taken from the record only as far as the record is trusted.
 *
 * - A record authenticated with the record key, or any record when no key is given (trusted
 *   as written), gives its objects and the intent it recorded.
 * - An entry of an earlier version holds no intent: its revision is compiled from the
 *   repository (fetched by SHA when the checkout lacks it).
 * - With a key, an entry without a MAC (an earlier version's, or one stripped of its MAC)
 *   gives only its revision: what is restored is that revision compiled from the repository
 *   today, never the objects the ConfigMap holds (an earlier compiler may have written them
 *   differently; anyone may have). An entry without a revision cannot be tied to anything
 *   and is refused.
 *
 * A revision whose probes cannot be planned is refused: it is never probed with another
 * revision's intent.
 */
import { bundleDigest } from "../../compile/bundle.js";
import type { EnvironmentIntent } from "../../intent/model.js";
import type { ProvenEntry, RecordAuthentication } from "../../rollout/last-known-good.js";
import { intentOf } from "../../rollout/running.js";
import { errorMessage } from "../../text/error-message.js";
import type { CompileAtRef } from "./request.js";

export interface Restorable {
  entry: ProvenEntry;
  /** The intent of the entry's revision. */
  intent: EnvironmentIntent;
  /** Where the intent came from, for the log. */
  via: "record" | "repository";
  /** Set when the objects restored are not the ones the record holds: why. */
  note?: string;
}

export type RestoreResult = { ok: true; restore: Restorable } | { ok: false; problem: string };

export async function restorable(
  entry: ProvenEntry,
  authentication: RecordAuthentication,
  compileAt: CompileAtRef,
): Promise<RestoreResult> {
  const env = entry.environment;
  const unsigned = authentication.state === "unsigned";
  if (entry.intent !== undefined && !unsigned) {
    try {
      return { ok: true, restore: { entry, intent: intentOf(entry.intent, env), via: "record" } };
    } catch (error) {
      return { ok: false, problem: errorMessage(error) };
    }
  }
  if (entry.revision === null) {
    return {
      ok: false,
      problem: unsigned
        ? "it carries no MAC and no revision, so nothing ties its objects to the repository"
        : "it was recorded by an earlier version without a revision, so the intent its probes need cannot be had",
    };
  }
  let compiled;
  try {
    compiled = await compileAt(entry.revision, env);
  } catch (error) {
    return { ok: false, problem: `its revision cannot be compiled: ${errorMessage(error)}` };
  }
  if (compiled === undefined) {
    return {
      ok: false,
      problem: `its revision ${entry.revision.slice(0, 12)} cannot be found in the repository (nor fetched), or does not declare ${env}`,
    };
  }
  if (unsigned) {
    // The repository's objects, not the ConfigMap's: the record is not authenticated.
    const recorded = bundleDigest(entry.bundle);
    const repository = bundleDigest(compiled.bundle);
    const restore: Restorable = {
      entry: { ...entry, bundle: compiled.bundle, digest: repository },
      intent: compiled.intent,
      via: "repository",
    };
    if (recorded !== repository) {
      restore.note =
        `its recorded objects (${recorded.slice(0, 19)}…) are not what revision ${entry.revision.slice(0, 12)} ` +
        `compiles to today (${repository.slice(0, 19)}…: an earlier compiler wrote them, or someone edited them); ` +
        `the repository's are restored`;
    }
    return { ok: true, restore };
  }
  return { ok: true, restore: { entry, intent: compiled.intent, via: "repository" } };
}
