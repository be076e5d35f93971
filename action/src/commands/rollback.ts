/**
 * The manual rollback: a person names an environment, a target and a reason; the target is
 * deployed with the same safe transitions and probes as a deploy, and the audit trail (who,
 * when, why, from which revision to which, the probe result) goes to the job summary and
 * the environment's recorded history.
 *
 * A target is `last-known-good`, a recorded revision (a commit prefix of at least 7
 * characters, a digest, or `#<entry>`), or a git ref whose intent is compiled. A target
 * that is none of these is refused, listing the recorded revisions.
 */
import type { EnvironmentIntent } from "../intent/model.js";
import type { CommitFetcher, GitReader } from "../ports/git.js";
import type { HistoryStore } from "../ports/rollout.js";
import type { OnInconclusive } from "../rollout/decision.js";
import {
  LAST_KNOWN_GOOD,
  findEntry,
  lastKnownGood,
  provenEntries,
  type History,
  type RecordedBundle,
  type RunInfo,
} from "../rollout/last-known-good.js";
import { describeEntry, type RolloutReport } from "../rollout/outcome.js";
import { compileRevision, type CompiledAtRef } from "../rollout/revision.js";
import { runRollout } from "./deploy.js";
import type { CompileAtRef, RolloutDeps } from "./deploy/request.js";
import { restorable } from "./deploy/restore.js";
import type { BreakGlass } from "../rollout/break-glass.js";

/**
 * Compiles an environment's intent as it was at a git ref of the checkout; a full commit
 * SHA the checkout lacks (`deploy.yml` checks out one commit) is fetched from origin first.
 */
export function compileAtRef(git: GitReader, policiesDir: string, fetchCommit?: CommitFetcher): CompileAtRef {
  return async (ref, environment) => {
    let commit = await git.resolve(ref);
    if (
      commit === undefined &&
      fetchCommit !== undefined &&
      /^[0-9a-f]{40}$/.test(ref) &&
      (await fetchCommit(ref))
    )
      commit = ref;
    if (commit === undefined) return undefined;
    return compileRevision(await git.readTree(commit, policiesDir), {
      ref,
      commit,
      policiesDir,
      environment,
    });
  };
}

export interface RollbackRequest {
  /** The environment as the checkout declares it (its name; its intent is never used to probe another revision). */
  environment: EnvironmentIntent;
  target: string;
  reason: string;
  onInconclusive: OnInconclusive;
  /** Default `auto`. */
  breakGlass?: BreakGlass;
  run: RunInfo;
  signal?: AbortSignal;
  /** How long to wait for another run's lock of the environment, in ms. */
  lockWaitMs?: number;
}

export type ResolvedTarget =
  | {
      ok: true;
      intent: EnvironmentIntent;
      bundle: RecordedBundle;
      revision: string | null;
      description: string;
    }
  | { ok: false; problem: string };

/** What `target` names, or why it names nothing (listing what exists). */
export async function resolveRollbackTarget(
  request: Pick<RollbackRequest, "environment" | "target">,
  history: History,
  compileAt: CompileAtRef,
): Promise<ResolvedTarget> {
  const env = request.environment.name;
  const target = request.target.trim();
  const entry =
    target === "" || target === LAST_KNOWN_GOOD ? lastKnownGood(history) : findEntry(history, target);
  if (entry !== undefined) {
    const found = await restorable(entry, history.authentication, compileAt);
    if (!found.ok) {
      return {
        ok: false,
        problem: `${describeEntry(entry)} cannot be rolled back to: ${found.problem}; roll back to a git ref instead (its intent is compiled from the repository)`,
      };
    }
    return {
      ok: true,
      intent: found.restore.intent,
      bundle: found.restore.entry.bundle,
      revision: entry.revision,
      description: `${target === "" || target === LAST_KNOWN_GOOD ? "the last-known-good, " : "the recorded "}${describeEntry(entry)}${found.restore.note === undefined ? "" : ` (${found.restore.note})`}`,
    };
  }
  if (target === "" || target === LAST_KNOWN_GOOD) {
    return {
      ok: false,
      problem: `${env} has no last-known-good revision yet: nothing was ever deployed and proven`,
    };
  }
  let compiled: CompiledAtRef | undefined;
  try {
    compiled = await compileAt(target, env);
  } catch (error) {
    return {
      ok: false,
      problem: `the intent of ${env} at ${target} cannot be deployed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (compiled !== undefined) {
    return {
      ok: true,
      intent: compiled.intent,
      bundle: compiled.bundle,
      revision: compiled.commit,
      description: `git ref ${target} (commit ${compiled.commit.slice(0, 12)}), compiled`,
    };
  }
  const recorded = provenEntries(history);
  return {
    ok: false,
    problem:
      `target "${target}" is not a recorded revision of ${env} nor a git ref in this checkout; ` +
      (recorded.length === 0
        ? "no revision is recorded yet"
        : `recorded revisions: ${recorded.map((e) => `${e.revision?.slice(0, 12) ?? "unknown"} (#${e.seq}, ${e.recordedAt})`).join(", ")}; or "${LAST_KNOWN_GOOD}"`),
  };
}

/** Resolves the target and deploys it; a target that does not exist is a refusal (nothing changed). */
export async function runRollback(
  request: RollbackRequest,
  deps: RolloutDeps,
  history: HistoryStore = deps.history,
): Promise<RolloutReport> {
  const env = request.environment.name;
  let resolved: ResolvedTarget;
  try {
    resolved = await resolveRollbackTarget(request, await history.read(env), deps.compileAt);
  } catch (error) {
    resolved = {
      ok: false,
      problem: `cannot read the deploy history (${history.describe(env)}): ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (!resolved.ok) {
    return {
      action: "rollback",
      revision: null,
      reason: request.reason,
      run: request.run,
      refusals: [`${env}: ${resolved.problem}`],
      environments: [],
      cancelled: false,
    };
  }
  deps.log(`${env}: rolling back to ${resolved.description}`);
  const report = await runRollout(
    {
      action: "rollback",
      targets: [{ intent: resolved.intent, bundle: resolved.bundle, revision: resolved.revision }],
      onInconclusive: request.onInconclusive,
      ...(request.breakGlass === undefined ? {} : { breakGlass: request.breakGlass }),
      run: request.run,
      reason: request.reason,
      ...(request.signal === undefined ? {} : { signal: request.signal }),
      ...(request.lockWaitMs === undefined ? {} : { lockWaitMs: request.lockWaitMs }),
    },
    deps,
  );
  return { ...report, target: resolved.description };
}
