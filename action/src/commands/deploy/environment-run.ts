/**
 * The run of one environment: its transition steps, each probed and decided on; on a failed
 * decision the way back (rollback to the last-known-good, then break-glass); then the record.
 */
import type { CompiledBundle } from "../../compile/types.js";
import type { ProbeRunResult } from "../../probe/types.js";
import {
  decideAfterDeploy,
  decideAfterRollback,
  type Baseline,
  type Decision,
} from "../../rollout/decision.js";
import { baselineOf, lastKnownGood, type ProvenEntry } from "../../rollout/last-known-good.js";
import { describeEntry, type EnvironmentOutcome } from "../../rollout/outcome.js";
import {
  breakGlassStep,
  planTransition,
  TransitionError,
  type TransitionStep,
} from "../../rollout/transitions.js";
import { errorMessage } from "../../text/error-message.js";
import { OutcomeLog } from "./outcome-log.js";
import type { Prepared } from "./preflight.js";
import { Recorder } from "./record.js";
import type { RolloutDeps, RolloutRequest } from "./request.js";
import { Steps } from "./steps.js";

/** Runs one environment that passed pre-flight to its outcome. */
export function runEnvironment(
  request: RolloutRequest,
  deps: RolloutDeps,
  item: Prepared,
): Promise<EnvironmentOutcome> {
  return new EnvironmentRun(request, deps, item).execute();
}

class EnvironmentRun {
  private readonly log: OutcomeLog;
  private readonly steps: Steps;
  private readonly record: Recorder;
  private readonly lkg: ProvenEntry | undefined;
  private readonly baseline: Baseline | undefined;

  constructor(
    private readonly request: RolloutRequest,
    deps: RolloutDeps,
    private readonly item: Prepared,
  ) {
    this.log = new OutcomeLog(item.target, deps.now);
    this.steps = new Steps(item, deps, this.log, request.signal);
    this.lkg = lastKnownGood(item.history);
    this.baseline = this.lkg === undefined ? undefined : baselineOf(this.lkg);
    this.record = new Recorder(item, request, deps, this.lkg, this.log);
  }

  private get env(): string {
    return this.item.target.intent.name;
  }

  async execute(): Promise<EnvironmentOutcome> {
    const target = this.item.target;
    this.log.note("pre-flight", "check", true, this.lkgSummary());
    let steps: TransitionStep[];
    try {
      steps = planTransition(this.item.live, target.bundle).steps;
    } catch (error) {
      if (!(error instanceof TransitionError)) throw error;
      return this.log.finish("failed", `cannot plan a safe transition: ${error.message}`);
    }

    if (steps.length === 0)
      this.log.note("deploy", "apply", true, "the cluster already holds this revision's objects; probing it");
    let last: ProbeRunResult | undefined;
    let decision: Decision | undefined;
    const todo = steps.length === 0 ? [undefined] : steps;
    for (const step of todo) {
      if (this.request.signal?.aborted)
        return this.log.finish("cancelled", "the job was cancelled between steps");
      if (step !== undefined) {
        const failure = await this.steps.apply("deploy", step, target.revision);
        if (failure !== undefined) return this.engineFailed(failure);
      }
      const before = step === undefined ? this.steps.current : this.steps.previous;
      const probed = await this.steps.probe("deploy", step?.kind ?? "verify", before);
      if (probed === undefined) return this.log.finish("cancelled", "the job was cancelled while probing");
      last = probed.result;
      decision = decideAfterDeploy(last.results, this.baseline, this.request.onInconclusive);
      probed.decision = decision.action;
      this.log.outcome.notes.push(...(decision.action === "continue" ? decision.notes : []));
      if (decision.action !== "continue") break;
    }
    if (decision === undefined || last === undefined)
      return this.log.finish("failed", "internal: nothing was probed");

    switch (decision.action) {
      case "continue":
        if (!(await this.record.proven(last)))
          return this.log.finish(
            "failed",
            "deployed and proven, but the last-known-good record could not be written",
          );
        return this.log.finish("deployed");
      case "rollback":
        this.log.outcome.evidence = decision.triggers;
        return this.rollback(decision.reason);
      case "break-glass":
        this.log.outcome.evidence = decision.triggers;
        return this.breakGlass(target.bundle, decision.namespaces, decision.reason);
      case "fail":
        this.log.outcome.evidence = decision.evidence;
        await this.record.audit(last, decision.reason);
        return this.log.finish("failed", `${decision.reason}; nothing was rolled back`);
    }
  }

  /** The engine failed mid-step: restore the last-known-good when there is one. */
  private async engineFailed(error: unknown): Promise<EnvironmentOutcome> {
    const locked = isLocked(error);
    if (locked && this.steps.applied === 0) {
      this.log.outcome.recovery = lockRecovery(stackOf(error) ?? this.env);
      return this.log.finish("refused", `${errorMessage(error)}; nothing was changed`);
    }
    const reason = `the engine failed: ${errorMessage(error)}`;
    if (this.lkg === undefined || locked) {
      await this.record.audit(undefined, reason);
      return this.log.finish(
        "failed",
        `${reason}; ${locked ? "the stack is locked, so nothing else can be done" : "there is no last-known-good revision to restore"}`,
      );
    }
    // What a partial update left is unknown here: read it back before planning the way back.
    try {
      await this.steps.readBack();
    } catch (readError) {
      return this.log.finish(
        "failed",
        `${reason}; the cluster could not be read back to roll back: ${errorMessage(readError)}`,
      );
    }
    return this.rollback(reason);
  }

  /** Deploys the last-known-good again (the same safe transitions), probes, and decides. */
  private async rollback(reason: string): Promise<EnvironmentOutcome> {
    const lkg = this.lkg;
    if (lkg === undefined)
      return this.log.finish("failed", `${reason}; there is no last-known-good revision`);
    this.log.outcome.reason = reason;
    this.log.note("rollback", "start", true, `to ${describeEntry(lkg)} because ${reason}`);
    const failedSet = this.steps.current;
    let steps: TransitionStep[];
    try {
      steps = planTransition(this.steps.current, lkg.bundle).steps;
    } catch (error) {
      return this.log.finish("failed", `${reason}; the rollback cannot be planned: ${errorMessage(error)}`);
    }
    for (const step of steps) {
      const failure = await this.steps.apply("rollback", step, lkg.revision);
      if (failure !== undefined) {
        await this.record.audit(undefined, `${reason}; the rollback failed`);
        return this.log.finish(
          "failed",
          `${reason}; the rollback to ${describeEntry(lkg)} failed: ${errorMessage(failure)}`,
        );
      }
    }
    this.log.outcome.rolledBackTo = { revision: lkg.revision, digest: lkg.digest, seq: lkg.seq };
    const probed = await this.steps.probe("rollback", "re-probe", failedSet);
    if (probed === undefined)
      return this.log.finish("cancelled", "the job was cancelled while re-probing the rollback");
    const decision = decideAfterRollback(probed.result.results, baselineOf(lkg));
    probed.decision = decision.action;
    switch (decision.action) {
      case "continue":
        await this.record.rollback(lkg, probed.result, true, reason);
        return this.log.finish(
          "rolled-back",
          `${reason}; rolled back to ${describeEntry(lkg)}, and its re-probe passed`,
        );
      case "break-glass":
        await this.record.rollback(lkg, probed.result, false, reason);
        return this.breakGlass(lkg.bundle, decision.namespaces, `${reason}; ${decision.reason}`);
      case "rollback":
      case "fail":
        this.log.outcome.evidence = decision.action === "fail" ? decision.evidence : decision.triggers;
        await this.record.rollback(lkg, probed.result, false, reason);
        return this.log.finish(
          "rolled-back",
          `${reason}; rolled back to ${describeEntry(lkg)}, but its re-probe failed: ${decision.reason}`,
        );
    }
  }

  /** Removes the default-deny of `namespaces` (allows stay), probes, and fails loudly. */
  private async breakGlass(
    bundle: CompiledBundle,
    namespaces: string[],
    reason: string,
  ): Promise<EnvironmentOutcome> {
    this.log.outcome.reason = reason;
    const step = breakGlassStep(this.steps.current, bundle, namespaces);
    this.log.note(
      "break-glass",
      "start",
      true,
      `removing the default-deny of ${namespaces.join(", ")} because ${reason}`,
    );
    const before = this.steps.current;
    const failure = await this.steps.apply("break-glass", step, null);
    if (failure !== undefined)
      return this.log.finish("failed", `${reason}; break-glass failed: ${errorMessage(failure)}`);
    this.log.outcome.breakGlass = namespaces;
    const probed = await this.steps.probe("break-glass", "probe", before);
    if (probed === undefined)
      return this.log.finish("cancelled", "the job was cancelled while probing after break-glass");
    const c = probed.result.counts;
    return this.log.finish(
      "break-glass",
      `${reason}; BREAK-GLASS: the default-deny of ${namespaces.join(", ")} was removed (allows kept); ` +
        `probe after break-glass: ${c.passed} passed, ${c.failed} failed, ${c.inconclusive} inconclusive. ` +
        `The environment is not enforced until a fixed revision is deployed`,
    );
  }

  private lkgSummary(): string {
    return this.lkg === undefined
      ? "no last-known-good revision yet (first deploy): connectivity lost falls back to the allows without the default-deny"
      : `last-known-good: ${describeEntry(this.lkg)}`;
  }
}

function isLocked(error: unknown): boolean {
  return error instanceof Error && error.name === "StackLockedError";
}

function stackOf(error: unknown): string | undefined {
  const m = error instanceof Error ? /stack (\S+) is locked/.exec(error.message) : null;
  return m?.[1];
}

/** How to recover a stack whose lock outlived its update (a cancelled job). */
function lockRecovery(stack: string): string {
  return (
    `if no other deploy of this environment is running (a cancelled or killed job leaves its lock behind), ` +
    `remove the lock with \`pulumi cancel --stack ${stack} --yes\` from a checkout logged in to the same backend, ` +
    `run \`pulumi refresh --stack ${stack} --yes\` to settle operations the interrupted update left pending, ` +
    `then re-run this job; never delete a lock while an update is running`
  );
}
