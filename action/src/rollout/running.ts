/**
 * The record of what an environment runs. After every change a run makes (each step of a
 * deploy or a rollback, break-glass, a step the engine left unfinished) and at the end of
 * every run, it holds the exact managed objects now live, the revision whose intent the
 * probes of those objects plan from, and how they came to be there. It lives beside the
 * history in the environment's ConfigMap and is authenticated with it (last-known-good.ts).
 *
 * To build on it (drift, re-probes): read the history through the HistoryStore port;
 * `history.running` is the record as read and authenticated (`history.authentication` says
 * how far it is trusted), undefined when no run of this version changed the environment
 * yet; `intentOf(running.intent)` is the intent to plan probes from, and `running.bundle`
 * what the cluster should hold. Pure.
 */
import { CNI_PROFILES, isCniProfileName } from "../cni/profiles.js";
import type { EnvironmentIntent } from "../intent/model.js";
import type { RecordedBundle } from "./recorded.js";

/** A revision and the digest of the objects it deployed. */
export interface RevisionRef {
  /** The git commit, or null when the run did not know it. */
  revision: string | null;
  digest: string;
}

/**
 * How the environment came to hold its objects:
 * - `deploy`: a revision's objects, exactly (its last step applied);
 * - `expand`: the union of two revisions' allows (`from` and `revision`), a deploy's first step;
 * - `contract`: `revision`'s objects after an expand, its deploy not yet proven;
 * - `rollback`: an earlier revision put back (by hand, or automatically from `from`);
 * - `break-glass`: a revision's allows with the default-deny of `breakGlass` removed;
 * - `read-back`: a step the engine did not finish; the objects were read back from the cluster.
 */
export const PROVENANCES = ["deploy", "expand", "contract", "rollback", "break-glass", "read-back"] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** A revision's intent as the compiler read it (the parsed model; the CNI profile is looked up again when read). */
export interface RecordedIntent {
  version: 1;
  environment: Omit<EnvironmentIntent, "profile">;
}

/** What an environment runs, by the last run that changed it. */
export interface RunningRecord {
  environment: string;
  provenance: Provenance;
  /** The revision whose intent the probes plan from (for an expand: the one being deployed). */
  revision: string | null;
  /** bundleDigest of `bundle`. */
  digest: string;
  /** Exactly the managed objects the environment holds. */
  bundle: RecordedBundle;
  /** The intent of `revision`. */
  intent: RecordedIntent;
  /** What the environment held before the run changed it (expand, contract), or the revision rolled back from. */
  from?: RevisionRef;
  /** break-glass: the namespaces whose default-deny was removed. */
  breakGlass?: string[];
  /** Whether a probe of exactly these objects passed. */
  proven: boolean;
  /** How the run ended; absent while it is still going, or when it was killed before it could say. */
  outcome?: { status: string; reason?: string };
  /** ISO 8601, UTC. */
  recordedAt: string;
  /** The run that left it: deploy, or rollback (by hand). */
  action: "deploy" | "rollback";
  run: { id?: string; attempt?: string; url?: string; actor?: string; event?: string };
}

/** The intent as recorded (its CNI profile is data of this version, so it is not kept). */
export function recordIntent(intent: EnvironmentIntent): RecordedIntent {
  const { profile: _profile, ...environment } = intent;
  return { version: 1, environment: structuredClone(environment) };
}

/** The recorded intent cannot be used; says why. */
export class RecordedIntentError extends Error {
  override name = "RecordedIntentError";
}

/** The intent to plan probes from, with this version's CNI profile. Throws RecordedIntentError. */
export function intentOf(recorded: RecordedIntent, environment: string): EnvironmentIntent {
  const raw = recorded as unknown as { version?: unknown; environment?: Record<string, unknown> };
  if (raw.version !== 1 || typeof raw.environment !== "object" || raw.environment === null) {
    throw new RecordedIntentError(`the recorded intent has version ${String(raw.version)}, not 1`);
  }
  const env = raw.environment;
  const problems: string[] = [];
  if (env["name"] !== environment) problems.push(`it is the intent of ${String(env["name"])}`);
  if (typeof env["cni"] !== "string" || !isCniProfileName(env["cni"]))
    problems.push(`its cni ${String(env["cni"])} is not one this version knows`);
  for (const key of ["namespaces", "flows", "excludedNamespaces", "nodeCidrs", "files"]) {
    if (!Array.isArray(env[key])) problems.push(`${key} must be a list`);
  }
  if (typeof env["dns"] !== "object" || env["dns"] === null) problems.push("dns must be an object");
  if (problems.length > 0)
    throw new RecordedIntentError(`the recorded intent cannot be used: ${problems.join("; ")}`);
  const intent = structuredClone(env) as unknown as Omit<EnvironmentIntent, "profile">;
  return { ...intent, profile: CNI_PROFILES[intent.cni] };
}

/** One line for people (`data.running` of the ConfigMap, the job summary). */
export function describeRunning(r: RunningRecord): string {
  const revision = r.revision === null ? "an unknown revision" : r.revision.slice(0, 12);
  const what =
    r.provenance === "expand"
      ? `${revision} expanded over ${r.from?.revision?.slice(0, 12) ?? "the objects before"}`
      : r.provenance === "break-glass"
        ? `${revision} with the default-deny of ${(r.breakGlass ?? []).join(", ")} removed`
        : r.provenance === "read-back"
          ? `what a failed step toward ${revision} left`
          : r.provenance === "rollback"
            ? `${revision}, rolled back to`
            : revision;
  return `${r.provenance}: ${what} (${r.digest.slice(0, 19)}…, ${r.proven ? "proven" : "not proven"})`;
}
