/**
 * The run of one environment: its transition steps, each probed and decided on; on a failed
 * decision the way back (rollback to the last-known-good, then break-glass); then the record.
 * The environment's run lock is confirmed before every change; a lost lock stops the run
 * before its next change, whatever it was doing.
 */
import { bundleDigest } from "../../compile/bundle.js";
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from "../../compile/types.js";
import type { NetworkPolicy } from "../../k8s/types.js";
import { LockLostError, type HeldLock } from "../../ports/lock.js";
import type { ClusterState } from "../../k8s/types.js";
import type { CheckResult, ProbeRunResult } from "../../probe/types.js";
import { checkCallees, liftableNamespaces } from "../../rollout/break-glass.js";
import {
  checkKey,
  isPassed,
  decideAfterDeploy,
  decideAfterRollback,
  type Baseline,
  type Decision,
} from "../../rollout/decision.js";
import { baselineOf } from "../../rollout/last-known-good.js";
import { describeHolder } from "../../rollout/lock.js";
import { describeEntry, type EnvironmentOutcome } from "../../rollout/outcome.js";
import type { RevisionRef } from "../../rollout/running.js";
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
import type { Restorable } from "./restore.js";
import { Steps, type Holding, type Toward } from "./steps.js";

/** Runs one environment that passed pre-flight to its outcome. */
export function runEnvironment(
  request: RolloutRequest,
  deps: RolloutDeps,
  item: Prepared,
  lock: HeldLock,
): Promise<EnvironmentOutcome> {
  return new EnvironmentRun(request, deps, item, lock).execute();
}

class EnvironmentRun {
  private readonly log: OutcomeLog;
  private readonly steps: Steps;
  private readonly deps: RolloutDeps;
  private readonly record: Recorder;
  /** The last-known-good and the intent its re-probe plans from. */
  private readonly restore: Restorable | undefined;
  private readonly baseline: Baseline | undefined;
  /** The job's cancellation, or the run lock lost: either stops the run. */
  private readonly signal: AbortSignal;

  constructor(
    private readonly request: RolloutRequest,
    deps: RolloutDeps,
    private readonly item: Prepared,
    private readonly lock: HeldLock,
  ) {
    this.deps = deps;
    this.log = new OutcomeLog(item.target, deps.now);
    this.signal = request.signal ? AbortSignal.any([request.signal, lock.lost]) : lock.lost;
    this.restore = item.restore;
    this.baseline = this.restore === undefined ? undefined : baselineOf(this.restore.entry);
    this.record = new Recorder(item, request, deps, this.restore?.entry, this.log, lock);
    this.steps = new Steps(item, deps, this.log, this.signal, lock, (holding) => this.record.holds(holding));
  }

  private get env(): string {
    return this.item.target.intent.name;
  }

  /** Runs the environment, then says on the running record how the run ended. */
  async execute(): Promise<EnvironmentOutcome> {
    try {
      this.log.outcome.notes.push(...this.item.notes);
      const outcome = await this.run();
      if (this.request.action === "rollback" && outcome.status === "deployed") {
        outcome.rollback = { from: this.liveRef().revision, to: this.item.target.revision, automatic: false };
      }
      await this.record.finish(outcome);
      const running = this.record.current();
      if (running !== undefined) {
        outcome.running = {
          revision: running.revision,
          digest: running.digest,
          provenance: running.provenance,
        };
      }
      return outcome;
    } catch (error) {
      if (!(error instanceof LockLostError)) throw error;
      // Nothing is recorded either: the run that holds the lock now owns the record.
      return this.log.finish(
        "failed",
        `${error.message}; stopped before its next change after ${this.steps.applied} applied step${this.steps.applied === 1 ? "" : "s"}, nothing was recorded`,
      );
    }
  }

  /** What the environment held when the run started, by the record when it says so. */
  private liveRef(): RevisionRef {
    const digest = bundleDigest(this.item.live);
    const running = this.item.history.running;
    const lkg = this.restore?.entry;
    const revision =
      running?.digest === digest ? running.revision : lkg?.digest === digest ? lkg.revision : null;
    return { revision, digest };
  }

  /** Where the target's steps lead. */
  private towardTarget(provenance: Toward["provenance"]): Toward {
    const target = this.item.target;
    return { revision: target.revision, intent: target.intent, provenance, from: this.liveRef() };
  }

  /** Throws the lost lock's error when that is why the run's signal aborted. */
  private stopIfLockLost(): void {
    if (this.lock.lost.aborted) throw this.lock.lost.reason as LockLostError;
  }

  private async run(): Promise<EnvironmentOutcome> {
    const target = this.item.target;
    if (this.lock.previous) {
      const p = this.lock.previous;
      this.log.outcome.notes.push(
        `the run lock was taken over from ${describeHolder(p.holder)}, which stopped renewing it` +
          `${p.activity ? ` at "${p.activity}"` : ""} (its Lease stood unchanged for ${Math.round(p.unchangedMs / 1000)} s): that run ended without finishing`,
      );
    }
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
      this.stopIfLockLost();
      if (this.signal.aborted) return this.log.finish("cancelled", "the job was cancelled between steps");
      if (step !== undefined) {
        const failure = await this.steps.apply("deploy", step, this.towardTarget(step.kind));
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

    if (decision.action === "continue" && (this.item.cutover?.remove.length ?? 0) > 0) {
      const replaced = await this.removeReplaced();
      if ("outcome" in replaced) return replaced.outcome;
      last = replaced.probe;
    }
    switch (decision.action) {
      case "continue":
        if (!(await this.record.deployed(this.steps.holding, last)))
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
        return this.breakGlass(decision.triggers, last.results, decision.reason);
      case "fail":
        this.log.outcome.evidence = decision.evidence;
        await this.record.audit(last, decision.reason);
        return this.log.finish("failed", `${decision.reason}; nothing was rolled back`);
    }
  }

  /**
   * The first deploy of an environment that replaces a cluster's own policies, deployed and
   * proven beside them: removes them (each only as read), and probes the environment without
   * them. When that fails, they are put back as they were and the deploy fails; the
   * environment stays deployed beside them, as proven before.
   */
  private async removeReplaced(): Promise<{ outcome: EnvironmentOutcome } | { probe: ProbeRunResult }> {
    const cutover = this.item.cutover!;
    const foreign = this.deps.foreign!;
    const removed: NetworkPolicy[] = [];
    const names = (list: NetworkPolicy[]) =>
      list.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(", ");
    const putBack = async (why: string): Promise<EnvironmentOutcome> => {
      const failed: string[] = [];
      for (const policy of removed) {
        try {
          await foreign.restore(policy);
        } catch (error) {
          failed.push(`${policy.metadata.namespace}/${policy.metadata.name} (${errorMessage(error)})`);
        }
      }
      this.log.note(
        "deploy",
        "restore replaced",
        failed.length === 0,
        failed.length === 0 ? `put back ${names(removed)}` : `could not put back ${failed.join(", ")}`,
      );
      await this.record.audit(undefined, why);
      return this.log.finish(
        "failed",
        `${why}; ${failed.length === 0 ? `the replaced policies were put back (${names(removed)})` : `PUT BACK BY HAND: ${failed.join(", ")}`}; the environment stays deployed beside them`,
      );
    };
    for (const policy of cutover.remove) {
      // A removal is a change: only while the run lock is ours (putting back is not held up).
      await this.lock.confirm(`deploy remove replaced ${policy.metadata.namespace}/${policy.metadata.name}`);
      try {
        await foreign.remove(policy);
        removed.push(policy);
      } catch (error) {
        return {
          outcome: await putBack(
            `removing the replaced policy ${policy.metadata.namespace}/${policy.metadata.name} failed: ${errorMessage(error)}`,
          ),
        };
      }
    }
    this.log.note("deploy", "remove replaced", true, `removed ${names(removed)}`);
    // From now on the probes judge the cluster without them.
    const gone = new Set(removed.map((p) => `${p.metadata.namespace}/${p.metadata.name}`));
    this.item.cluster = {
      ...this.item.cluster,
      policies: this.item.cluster.policies.filter(
        (p) =>
          p.kind !== "NetworkPolicy" ||
          !gone.has(`${p.metadata.namespace}/${p.metadata.name}`) ||
          p.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY_VALUE,
      ),
    };
    const probed = await this.steps.probe("deploy", "without the replaced policies", this.steps.current);
    if (probed === undefined)
      return {
        outcome: this.log.finish(
          "cancelled",
          "the job was cancelled while probing without the replaced policies",
        ),
      };
    const decision = decideAfterDeploy(probed.result.results, this.baseline, this.request.onInconclusive);
    probed.decision = decision.action;
    if (decision.action !== "continue") {
      this.log.outcome.evidence = decision.action === "fail" ? decision.evidence : decision.triggers;
      return { outcome: await putBack(`without the replaced policies: ${decision.reason}`) };
    }
    for (const byHand of cutover.byHand)
      this.log.outcome.notes.push(
        `${byHand} is replaced too: remove it by hand (kubectl delete), the deploy removes NetworkPolicies only`,
      );
    return { probe: probed.result };
  }

  /** The engine failed mid-step: record what it left, and restore the last-known-good when there is one. */
  private async engineFailed(error: unknown): Promise<EnvironmentOutcome> {
    const locked = isLocked(error);
    if (locked && this.steps.applied === 0) {
      this.log.outcome.recovery = lockRecovery(stackOf(error) ?? this.env, this.lock);
      return this.log.finish("refused", `${errorMessage(error)}; nothing was changed`);
    }
    const reason = `the engine failed: ${errorMessage(error)}`;
    // What a partial update left is unknown here: read it back before anything else.
    try {
      await this.steps.readBack(this.towardTarget("read-back"));
    } catch (readError) {
      await this.record.audit(undefined, reason);
      return this.log.finish(
        "failed",
        `${reason}; the cluster could not be read back${this.restore === undefined || locked ? "" : " to roll back"}: ${errorMessage(readError)}`,
      );
    }
    if (this.restore === undefined || locked) {
      await this.record.audit(undefined, reason);
      return this.log.finish(
        "failed",
        `${reason}; ${locked ? "the stack is locked, so nothing else can be done" : "there is no last-known-good revision to restore"}`,
      );
    }
    return this.rollback(reason);
  }

  /**
   * Deploys the last-known-good again (the same safe transitions), probes it as the revision
   * it is (its own intent), and decides.
   */
  private async rollback(reason: string): Promise<EnvironmentOutcome> {
    const restore = this.restore;
    if (restore === undefined)
      return this.log.finish("failed", `${reason}; there is no last-known-good revision`);
    const lkg = restore.entry;
    this.log.outcome.reason = reason;
    this.log.note("rollback", "start", true, `to ${describeEntry(lkg)} because ${reason}`);
    const failedSet = this.steps.current;
    const toward: Toward = {
      revision: lkg.revision,
      intent: restore.intent,
      provenance: "rollback",
      from: { revision: this.item.target.revision, digest: bundleDigest(this.item.target.bundle) },
    };
    let steps: TransitionStep[];
    try {
      steps = planTransition(this.steps.current, lkg.bundle).steps;
    } catch (error) {
      return this.log.finish("failed", `${reason}; the rollback cannot be planned: ${errorMessage(error)}`);
    }
    for (const step of steps) {
      const failure = await this.steps.apply("rollback", step, toward);
      if (failure !== undefined) {
        await this.recordReadBack(toward);
        await this.record.audit(undefined, `${reason}; the rollback failed`);
        return this.log.finish(
          "failed",
          `${reason}; the rollback to ${describeEntry(lkg)} failed: ${errorMessage(failure)}`,
        );
      }
    }
    // Nothing to apply (the failure left the last-known-good's objects): it is what runs.
    if (steps.length === 0) this.steps.holding = { ...toward, bundle: this.steps.current };
    this.log.outcome.rolledBackTo = { revision: lkg.revision, digest: lkg.digest, seq: lkg.seq };
    this.log.outcome.rollback = { from: this.item.target.revision, to: lkg.revision, automatic: true };
    const probed = await this.steps.probe("rollback", "re-probe", failedSet);
    if (probed === undefined)
      return this.log.finish("cancelled", "the job was cancelled while re-probing the rollback");
    const decision = decideAfterRollback(probed.result.results, baselineOf(lkg));
    probed.decision = decision.action;
    switch (decision.action) {
      case "continue":
        await this.record.rollback(restore, this.steps.holding, probed.result, true, reason);
        return this.log.finish(
          "rolled-back",
          `${reason}; rolled back to ${describeEntry(lkg)}, and its re-probe passed`,
        );
      case "break-glass":
        await this.record.rollback(restore, this.steps.holding, probed.result, false, reason);
        return this.breakGlass(decision.triggers, probed.result.results, `${reason}; ${decision.reason}`);
      case "rollback":
      case "fail":
        this.log.outcome.evidence = decision.action === "fail" ? decision.evidence : decision.triggers;
        await this.record.rollback(restore, this.steps.holding, probed.result, false, reason);
        return this.log.finish(
          "rolled-back",
          `${reason}; rolled back to ${describeEntry(lkg)}, but its re-probe failed: ${decision.reason}`,
        );
    }
  }

  /** After a failed engine run on the way back: what it left, recorded when it can be read. */
  private async recordReadBack(toward: Toward): Promise<void> {
    try {
      await this.steps.readBack(toward);
    } catch (error) {
      this.log.note("record", "running", false, `the cluster could not be read back: ${errorMessage(error)}`);
    }
  }

  /**
   * Break-glass for `lost` (checks whose connectivity stays lost), only where a policy can be
   * the cause: each callee is checked first (break-glass.ts) and a lost check whose callee is
   * unreachable lifts nothing; the default-deny of the managed namespaces involved is removed
   * from what the environment holds (allows stay), and it is probed again as the revision it
   * holds. Unless every lost check it was lifted for connects then, the denies are restored
   * at once and the run fails: not a policy problem. Either way the run fails loudly.
   */
  private async breakGlass(
    lost: CheckResult[],
    results: readonly CheckResult[],
    reason: string,
  ): Promise<EnvironmentOutcome> {
    this.log.outcome.reason = reason;
    if (this.request.breakGlass === "never")
      return this.log.finish(
        this.refused,
        `${reason}; break-glass is off (break-glass: never), every default-deny stays`,
      );
    let cluster: ClusterState;
    try {
      cluster = await this.deps.readCluster();
    } catch (error) {
      return this.log.finish(
        this.refused,
        `${reason}; break-glass refused: the callees could not be checked (${errorMessage(error)}), every default-deny stays`,
      );
    }
    const findings = checkCallees(lost, results, cluster);
    for (const f of findings)
      this.log.note(
        "break-glass",
        "callee",
        f.reachable,
        `${f.callee} ${f.reachable ? "reachable" : "unreachable"}: ${f.reason}`,
      );
    const unreachable = findings.filter((f) => !f.reachable);
    const gone =
      unreachable.length === 0
        ? ""
        : `; not a policy problem: ${unreachable.map((f) => `${f.callee} is unreachable (${f.reason})`).join("; ")}`;
    const policyCaused = findings.filter((f) => f.reachable).map((f) => f.result);
    const holding: Holding = this.steps.holding;
    const namespaces = liftableNamespaces(holding.bundle, policyCaused);
    if (namespaces.length === 0) {
      return this.log.finish(
        this.refused,
        `${reason}${gone || "; no managed namespace's default-deny is involved"}; break-glass refused, every default-deny stays`,
      );
    }
    const step = breakGlassStep(this.steps.current, holding.bundle, namespaces);
    this.log.note(
      "break-glass",
      "start",
      true,
      `removing the default-deny of ${namespaces.join(", ")} because ${reason}`,
    );
    const before = this.steps.current;
    const toward: Toward = {
      revision: holding.revision,
      intent: holding.intent,
      provenance: "break-glass",
      from: { revision: holding.revision, digest: bundleDigest(holding.bundle) },
      breakGlass: namespaces,
    };
    const failure = await this.steps.apply("break-glass", step, toward);
    if (failure !== undefined) {
      await this.recordReadBack(toward);
      return this.log.finish("failed", `${reason}; break-glass failed: ${errorMessage(failure)}`);
    }
    this.log.outcome.breakGlass = namespaces;
    const probed = await this.steps.probe("break-glass", "probe", before);
    if (probed === undefined)
      return this.log.finish("cancelled", "the job was cancelled while probing after break-glass");
    const keys = new Set(policyCaused.map((r) => checkKey(r.check)));
    const again = probed.result.results.filter((r) => keys.has(checkKey(r.check)));
    const back = again.filter(isPassed).map((r) => checkKey(r.check));
    if (back.length < keys.size || again.some((r) => !isPassed(r)))
      return this.restoreDenies(holding, namespaces, reason);
    const c = probed.result.counts;
    return this.log.finish(
      "break-glass",
      `${reason}${gone}; BREAK-GLASS: the default-deny of ${namespaces.join(", ")} was removed (allows kept); ` +
        `probe after break-glass: ${c.passed} passed, ${c.failed} failed, ${c.inconclusive} inconclusive. ` +
        `The environment is not enforced until a fixed revision is deployed`,
    );
  }

  /** The loss outlived the lifted denies: put back what was held before, at once, and fail. */
  private async restoreDenies(
    held: Holding,
    namespaces: string[],
    reason: string,
  ): Promise<EnvironmentOutcome> {
    const persisted = `not a policy problem: the loss persisted with the default-deny of ${namespaces.join(", ")} lifted`;
    const notRestored = (error: unknown) =>
      this.log.finish(
        "break-glass",
        `${reason}; ${persisted}, and restoring it failed: ${errorMessage(error)}. The default-deny of ${namespaces.join(", ")} is NOT in place`,
      );
    const { bundle, ...toward } = held;
    let steps: TransitionStep[];
    try {
      steps = planTransition(this.steps.current, bundle).steps;
    } catch (error) {
      return notRestored(error);
    }
    for (const step of steps) {
      const failure = await this.steps.apply("break-glass", step, toward);
      if (failure !== undefined) {
        await this.recordReadBack(toward);
        return notRestored(failure);
      }
    }
    delete this.log.outcome.breakGlass;
    return this.log.finish(this.refused, `${reason}; ${persisted}, so it was restored at once`);
  }

  /** How a run that lifted no deny in the end ends: rolled back if it was, else failed. */
  private get refused(): "rolled-back" | "failed" {
    return this.log.outcome.rolledBackTo === undefined ? "failed" : "rolled-back";
  }

  private lkgSummary(): string {
    return this.restore === undefined
      ? "no last-known-good revision yet (first deploy): connectivity lost falls back to the allows without the default-deny"
      : `last-known-good: ${describeEntry(this.restore.entry)} (its intent from the ${this.restore.via})`;
  }
}

function isLocked(error: unknown): boolean {
  return error instanceof Error && error.name === "StackLockedError";
}

function stackOf(error: unknown): string | undefined {
  const m = error instanceof Error ? /stack (\S+) is locked/.exec(error.message) : null;
  return m?.[1];
}

/**
 * How to recover a stack whose lock outlived its update. This run holds the environment's
 * run lock, so no other run of netpol-rollout is changing the stack. The stack lock is not
 * removed here: a run whose run lock expired may still have a `pulumi up` running (a killed
 * job's engine process can outlive it, a partitioned runner keeps going), and removing the
 * lock under a running update lets two updates write one state. A person can check.
 */
function lockRecovery(stack: string, lock: HeldLock): string {
  const steps =
    `remove the lock with \`pulumi cancel --stack ${stack} --yes\` from a checkout logged in to the same backend, ` +
    `run \`pulumi refresh --stack ${stack} --yes\` to settle operations the interrupted update left pending, ` +
    `then re-run this job; never delete a lock while an update is running`;
  const previous = lock.previous;
  if (previous) {
    return (
      `the stack lock was most likely left by ${describeHolder(previous.holder)}: it held this environment's run lock ` +
      `and stopped renewing it${previous.activity ? ` at "${previous.activity}"` : ""}, so it ended without finishing. ` +
      `Make sure that run and its \`pulumi\` process have ended (its page shows it finished or cancelled; a self-hosted ` +
      `runner may have left the process behind), then ${steps}`
    );
  }
  return (
    `no run of netpol-rollout holds this environment's run lock (${lock.description} is ours), so the stack is locked by ` +
    `something else: a person running \`pulumi up\` by hand, another tool, or a run killed before this lock existed. ` +
    `If nothing is running, ${steps}`
  );
}
