/**
 * The rollout orchestration: deploy a revision to each environment in promotion order, in
 * safe steps proven by probes, rolling back to the last-known-good revision by itself when
 * the proof fails; also the manual rollback (the same machinery with another target).
 *
 * Over ports only: the engine (`pulumi up` of an exact object set per step), the cluster's
 * live state, the probe phase and the history store. Everything is checked before the first
 * change (pre-flight); a refusal changes nothing.
 *
 * Safety does not depend on this code finishing: within each engine run a namespace's
 * default-deny is created after its allows and deleted before them, so a run interrupted
 * anywhere (a cancelled job, a failed resource) never leaves a deny without its allows.
 */
import { bundleDigest } from "../compile/bundle.js";
import type { CompiledBundle } from "../compile/types.js";
import type { EnvironmentIntent } from "../intent/model.js";
import { formatSource } from "../semantics/explain.js";
import type { CheckResult, ProbePlan, ProbeRunResult } from "../probe/types.js";
import type { PulumiDeployer } from "../ports/engine.js";
import type { BundleFiles, ClusterState, HistoryStore, ProbePhase } from "../ports/rollout.js";
import {
  baselineFrom,
  decideAfterDeploy,
  decideAfterRollback,
  type Baseline,
  type Decision,
  type OnInconclusive,
} from "../rollout/decision.js";
import {
  decidingProbe,
  describeEntry,
  rolloutOutputs,
  rolloutSucceeded,
  type EnvironmentOutcome,
  type EnvironmentStatus,
  type ProbeRecord,
  type RolloutOutputs,
  type RolloutReport,
  type TimelineEntry,
} from "../rollout/outcome.js";
import {
  appendEntry,
  baselineOf,
  lastKnownGood,
  type History,
  type NewEntry,
  type ProvenEntry,
  type RecordedBundle,
  type RunInfo,
} from "../rollout/last-known-good.js";
import {
  breakGlassStep,
  liveBundle,
  planTransition,
  TransitionError,
  type TransitionStep,
} from "../rollout/transitions.js";

/** One environment to deploy: its intent (for probes and messages) and the bundle to reach. */
export interface RolloutTarget {
  intent: EnvironmentIntent;
  bundle: RecordedBundle;
  /** The git commit of `bundle`, or null. */
  revision: string | null;
}

export interface RolloutRequest {
  /** deploy: a new revision; rollback: a person asked for an earlier one. */
  action: "deploy" | "rollback";
  /** In promotion order; a failed environment stops the ones after it. */
  targets: RolloutTarget[];
  onInconclusive: OnInconclusive;
  run: RunInfo;
  /** For a manual rollback: why (the dispatch form's reason). */
  reason?: string;
  /** SIGINT/SIGTERM: no new step starts; the probe phase cleans up. */
  signal?: AbortSignal;
}

export interface RolloutDeps {
  engine: PulumiDeployer;
  readCluster(): Promise<ClusterState>;
  history: HistoryStore;
  probes: ProbePhase;
  files: BundleFiles;
  now(): Date;
  log(line: string): void;
}

/** How to recover a stack whose lock outlived its update (a cancelled job). */
export function lockRecovery(stack: string): string {
  return (
    `if no other deploy of this environment is running (a cancelled or killed job leaves its lock behind), ` +
    `remove the lock with \`pulumi cancel --stack ${stack} --yes\` from a checkout logged in to the same backend, ` +
    `run \`pulumi refresh --stack ${stack} --yes\` to settle operations the interrupted update left pending, ` +
    `then re-run this job; never delete a lock while an update is running`
  );
}

// ---------------------------------------------------------------------------------------

/** Deploys (or rolls back) every target in order. Never throws for an expected failure: the report says. */
export async function runRollout(request: RolloutRequest, deps: RolloutDeps): Promise<RolloutReport> {
  const report: RolloutReport = {
    action: request.action,
    revision: request.targets[0]?.revision ?? null,
    ...(request.reason === undefined ? {} : { reason: request.reason }),
    run: request.run,
    refusals: [],
    environments: [],
    cancelled: false,
  };

  const prepared = await preflight(request, deps, report);
  if (report.refusals.length > 0 || prepared === undefined) {
    for (const target of request.targets) {
      if (!report.environments.some((e) => e.environment === target.intent.name)) {
        report.environments.push(
          blankOutcome(target, "skipped", "pre-flight refused the deploy; nothing was changed"),
        );
      }
    }
    return report;
  }

  let stopped: string | undefined;
  for (const item of prepared) {
    if (stopped !== undefined) {
      report.environments.push(blankOutcome(item.target, "skipped", stopped));
      continue;
    }
    if (request.signal?.aborted) {
      report.cancelled = true;
      report.environments.push(
        blankOutcome(item.target, "cancelled", "the job was cancelled before it started"),
      );
      stopped = "the job was cancelled";
      continue;
    }
    const run = new EnvironmentRun(request, deps, item);
    const outcome = await run.execute();
    report.environments.push(outcome);
    if (outcome.status === "cancelled") {
      report.cancelled = true;
      stopped = "the job was cancelled";
    } else if (outcome.status !== "deployed") {
      stopped = `not promoted: ${outcome.environment} ${outcome.status === "refused" ? "was refused" : outcome.status}`;
    }
  }
  return report;
}

interface Prepared {
  target: RolloutTarget;
  live: CompiledBundle;
  history: History;
  cluster: ClusterState;
}

/** Every check before the first change, for every environment; problems go to report.refusals. */
async function preflight(
  request: RolloutRequest,
  deps: RolloutDeps,
  report: RolloutReport,
): Promise<Prepared[] | undefined> {
  let cluster: ClusterState;
  try {
    cluster = await deps.readCluster();
  } catch (error) {
    report.refusals.push(`cannot read the cluster's live state: ${message(error)}`);
    return undefined;
  }
  const existing = new Set(cluster.namespaces.map((n) => n.metadata.name));
  const prepared: Prepared[] = [];
  for (const target of request.targets) {
    const env = target.intent.name;
    const problems: string[] = [];
    const needed = [...new Set(target.bundle.objects.map((o) => o.manifest.metadata.namespace ?? ""))].sort();
    for (const namespace of needed) {
      if (existing.has(namespace)) continue;
      const declared = target.intent.namespaces.find((n) => n.name === namespace);
      problems.push(
        `${declared ? `${formatSource(declared.source)}: ` : ""}namespace ${namespace} does not exist in the cluster; create it (or remove it from the intent) before deploying`,
      );
    }
    let history: History | undefined;
    try {
      history = await deps.history.read(env);
    } catch (error) {
      problems.push(`cannot read the deploy history (${deps.history.describe(env)}): ${message(error)}`);
    }
    const live = liveBundle(env, target.bundle.cni, cluster.policies);
    if (problems.length === 0) {
      try {
        const plan = deps.probes.plan({
          environment: target.intent,
          bundle: target.bundle,
          before: live,
          cluster,
        });
        for (const check of plan.checks) {
          // A rollback's target may predate flows declared since; DNS must work whatever the revision.
          const judged = check.kind === "dns" || (check.kind === "declared" && request.action === "deploy");
          if (judged && check.expect === "blocked") {
            const where = check.source ? `${formatSource(check.source)}: ` : "";
            problems.push(
              `${where}the analyzer predicts ${check.kind === "dns" ? "DNS" : "the declared flow"} ${check.id} blocked on this cluster with the new policies${check.because ? ` (${check.because})` : ""}`,
            );
          }
        }
      } catch (error) {
        problems.push(`cannot plan the probes: ${message(error)}`);
      }
    }
    if (problems.length > 0) {
      report.refusals.push(...problems.map((p) => `${env}: ${p}`));
      const outcome = blankOutcome(target, "refused", "pre-flight refused the deploy; nothing was changed");
      outcome.timeline.push(entry(deps, "pre-flight", "check", false, problems.join("; ")));
      report.environments.push(outcome);
      continue;
    }
    prepared.push({ target, live, history: history as History, cluster });
  }
  return report.refusals.length > 0 ? undefined : prepared;
}

/** The state machine of one environment: steps, probes, decisions, rollback, break-glass, record. */
class EnvironmentRun {
  private readonly outcome: EnvironmentOutcome;
  private readonly lkg: ProvenEntry | undefined;
  private readonly baseline: Baseline | undefined;
  /** What the environment holds now, as far as this run knows. */
  private current: CompiledBundle;
  /** What it held before the last step applied. */
  private previous: CompiledBundle;
  private applied = 0;

  constructor(
    private readonly request: RolloutRequest,
    private readonly deps: RolloutDeps,
    private readonly item: Prepared,
  ) {
    this.outcome = blankOutcome(item.target, "deployed");
    this.lkg = lastKnownGood(item.history);
    this.baseline = this.lkg === undefined ? undefined : baselineOf(this.lkg);
    this.current = item.live;
    this.previous = item.live;
  }

  private get env(): string {
    return this.item.target.intent.name;
  }

  async execute(): Promise<EnvironmentOutcome> {
    const target = this.item.target;
    this.note("pre-flight", "check", true, this.lkgSummary());
    let steps: TransitionStep[];
    try {
      steps = planTransition(this.item.live, target.bundle).steps;
    } catch (error) {
      if (!(error instanceof TransitionError)) throw error;
      return this.finish("failed", `cannot plan a safe transition: ${error.message}`);
    }

    if (steps.length === 0)
      this.note("deploy", "apply", true, "the cluster already holds this revision's objects; probing it");
    let last: ProbeRunResult | undefined;
    let decision: Decision | undefined;
    const todo = steps.length === 0 ? [undefined] : steps;
    for (const step of todo) {
      if (this.request.signal?.aborted)
        return this.finish("cancelled", "the job was cancelled between steps");
      const label = step?.kind ?? "verify";
      if (step !== undefined) {
        const failure = await this.apply("deploy", step, target.revision);
        if (failure !== undefined) return this.engineFailed(failure);
      }
      const probed = await this.probe(
        "deploy",
        label,
        this.current,
        step === undefined ? this.current : this.previous,
      );
      if (probed === undefined) return this.finish("cancelled", "the job was cancelled while probing");
      last = probed.result;
      decision = decideAfterDeploy(last.results, this.baseline, this.request.onInconclusive);
      probed.decision = decision.action;
      this.outcome.notes.push(...(decision.action === "continue" ? decision.notes : []));
      if (decision.action !== "continue") break;
    }
    if (decision === undefined || last === undefined)
      return this.finish("failed", "internal: nothing was probed");

    switch (decision.action) {
      case "continue":
        return this.recordProven(last);
      case "rollback":
        this.outcome.evidence = decision.triggers;
        return this.rollback(decision.reason);
      case "break-glass":
        this.outcome.evidence = decision.triggers;
        return this.breakGlass(target.bundle, decision.namespaces, decision.reason);
      case "fail":
        this.outcome.evidence = decision.evidence;
        await this.recordAudit(last, decision.reason);
        return this.finish("failed", `${decision.reason}; nothing was rolled back`);
    }
  }

  /** Deploys one step's exact object set. Returns the error when the engine failed. */
  private async apply(
    phase: TimelineEntry["phase"],
    step: TransitionStep,
    revision: string | null,
  ): Promise<unknown> {
    const bundle: RecordedBundle = {
      ...step.bundle,
      excludedNamespaces: [...this.item.target.intent.excludedNamespaces],
    };
    const detail = step.namespaces
      .filter((n) => n.action !== "unchanged")
      .map((n) => `${n.namespace}: ${n.action} (${n.allow} allow, ${n.deny} deny)`)
      .join("; ");
    try {
      const file = await this.deps.files.write(this.env, `${phase}-${this.applied + 1}-${step.kind}`, bundle);
      this.deps.log(`${this.env}: ${phase} step ${step.kind}: ${detail || "no namespace changes"}`);
      await this.deps.engine.up(this.env, {
        stage: "enforce",
        bundleFile: file,
        ...(revision === null ? {} : { revision }),
      });
    } catch (error) {
      this.note(phase, step.kind, false, `${detail}: ${message(error)}`);
      return error ?? new Error("unknown engine failure");
    }
    this.applied++;
    this.previous = this.current;
    this.current = step.bundle;
    this.note(phase, step.kind, true, detail || "no namespace changes");
    return undefined;
  }

  /** Plans and runs the probes of what the environment holds now. Undefined when cancelled. */
  private async probe(
    phase: ProbeRecord["phase"],
    step: string,
    bundle: CompiledBundle,
    before: CompiledBundle,
  ): Promise<ProbeRecord | undefined> {
    const plan = this.deps.probes.plan({
      environment: this.item.target.intent,
      bundle,
      before,
      cluster: this.item.cluster,
    });
    let result: ProbeRunResult;
    try {
      result = await this.deps.probes.run(plan, this.request.signal);
    } catch (error) {
      if (this.request.signal?.aborted) return undefined;
      // The prober itself failed (the API unavailable after its retries): every check that
      // should have run could not; the decision treats that as inconclusive.
      result = inconclusiveResult(plan, `the probe run failed: ${message(error)}`);
    }
    if (this.request.signal?.aborted) return undefined;
    const record: ProbeRecord = { phase, step, plan, result };
    this.outcome.probes.push(record);
    const c = result.counts;
    this.note(
      phase,
      `probe ${step}`,
      c.failed === 0 && c.inconclusive === 0,
      `${c.passed} passed, ${c.failed} failed, ${c.inconclusive} inconclusive, ${c.notChecked} not checkable`,
    );
    return record;
  }

  /** The engine failed mid-step: restore the last-known-good when there is one. */
  private async engineFailed(error: unknown): Promise<EnvironmentOutcome> {
    const locked = isLocked(error);
    if (locked && this.applied === 0) {
      this.outcome.recovery = lockRecovery(stackOf(error) ?? this.env);
      return this.finish("refused", `${message(error)}; nothing was changed`);
    }
    const reason = `the engine failed: ${message(error)}`;
    if (this.lkg === undefined || locked) {
      await this.recordAudit(undefined, reason);
      return this.finish(
        "failed",
        `${reason}; ${locked ? "the stack is locked, so nothing else can be done" : "there is no last-known-good revision to restore"}`,
      );
    }
    // What a partial update left is unknown here: read it back before planning the way back.
    try {
      const cluster = await this.deps.readCluster();
      this.current = liveBundle(this.env, this.item.target.bundle.cni, cluster.policies);
    } catch (readError) {
      return this.finish(
        "failed",
        `${reason}; the cluster could not be read back to roll back: ${message(readError)}`,
      );
    }
    return this.rollback(reason);
  }

  /** Deploys the last-known-good again (the same safe transitions), probes, and decides. */
  private async rollback(reason: string): Promise<EnvironmentOutcome> {
    const lkg = this.lkg;
    if (lkg === undefined) return this.finish("failed", `${reason}; there is no last-known-good revision`);
    this.outcome.reason = reason;
    this.note("rollback", "start", true, `to ${describeEntry(lkg)} because ${reason}`);
    const failedSet = this.current;
    let steps: TransitionStep[];
    try {
      steps = planTransition(this.current, lkg.bundle).steps;
    } catch (error) {
      return this.finish("failed", `${reason}; the rollback cannot be planned: ${message(error)}`);
    }
    for (const step of steps) {
      const failure = await this.apply("rollback", step, lkg.revision);
      if (failure !== undefined) {
        await this.recordAudit(undefined, `${reason}; the rollback failed`);
        return this.finish(
          "failed",
          `${reason}; the rollback to ${describeEntry(lkg)} failed: ${message(failure)}`,
        );
      }
    }
    this.outcome.rolledBackTo = { revision: lkg.revision, digest: lkg.digest, seq: lkg.seq };
    const probed = await this.probe("rollback", "re-probe", this.current, failedSet);
    if (probed === undefined)
      return this.finish("cancelled", "the job was cancelled while re-probing the rollback");
    const decision = decideAfterRollback(probed.result.results, baselineOf(lkg));
    probed.decision = decision.action;
    switch (decision.action) {
      case "continue":
        await this.recordRollback(lkg, probed.result, true, reason);
        return this.finish(
          "rolled-back",
          `${reason}; rolled back to ${describeEntry(lkg)}, and its re-probe passed`,
        );
      case "break-glass":
        await this.recordRollback(lkg, probed.result, false, reason);
        return this.breakGlass(lkg.bundle, decision.namespaces, `${reason}; ${decision.reason}`);
      case "rollback":
      case "fail":
        this.outcome.evidence = decision.action === "fail" ? decision.evidence : decision.triggers;
        await this.recordRollback(lkg, probed.result, false, reason);
        return this.finish(
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
    this.outcome.reason = reason;
    const step = breakGlassStep(this.current, bundle, namespaces);
    this.note(
      "break-glass",
      "start",
      true,
      `removing the default-deny of ${namespaces.join(", ")} because ${reason}`,
    );
    const before = this.current;
    const failure = await this.apply("break-glass", step, null);
    if (failure !== undefined)
      return this.finish("failed", `${reason}; break-glass failed: ${message(failure)}`);
    this.outcome.breakGlass = namespaces;
    const probed = await this.probe("break-glass", "probe", this.current, before);
    if (probed === undefined)
      return this.finish("cancelled", "the job was cancelled while probing after break-glass");
    const c = probed.result.counts;
    return this.finish(
      "break-glass",
      `${reason}; BREAK-GLASS: the default-deny of ${namespaces.join(", ")} was removed (allows kept); ` +
        `probe after break-glass: ${c.passed} passed, ${c.failed} failed, ${c.inconclusive} inconclusive. ` +
        `The environment is not enforced until a fixed revision is deployed`,
    );
  }

  // --- recording ------------------------------------------------------------------------

  private async recordProven(result: ProbeRunResult): Promise<EnvironmentOutcome> {
    const target = this.item.target;
    const ok = await this.write({
      environment: this.env,
      action: this.request.action,
      proven: true,
      revision: target.revision,
      digest: bundleDigest(target.bundle),
      recordedAt: this.deps.now().toISOString(),
      run: this.request.run,
      ...this.auditFields(),
      probe: tally(result),
      bundle: target.bundle,
      ...checkIds(result),
    });
    if (!ok)
      return this.finish(
        "failed",
        "deployed and proven, but the last-known-good record could not be written",
      );
    return this.finish("deployed");
  }

  private async recordAudit(result: ProbeRunResult | undefined, reason: string): Promise<void> {
    const target = this.item.target;
    await this.write({
      environment: this.env,
      action: this.request.action,
      proven: false,
      revision: target.revision,
      digest: bundleDigest(target.bundle),
      recordedAt: this.deps.now().toISOString(),
      run: this.request.run,
      ...this.auditFields(reason),
      probe: result === undefined ? { passed: 0, failed: 0, inconclusive: 0 } : tally(result),
    });
  }

  private async recordRollback(
    lkg: ProvenEntry,
    result: ProbeRunResult,
    proven: boolean,
    reason: string,
  ): Promise<void> {
    const common = {
      environment: this.env,
      action: "rollback" as const,
      revision: lkg.revision,
      digest: lkg.digest,
      recordedAt: this.deps.now().toISOString(),
      run: this.request.run,
      reason: `automatic: ${reason}`,
      from: { revision: this.item.target.revision, digest: bundleDigest(this.item.target.bundle) },
      probe: tally(result),
    };
    await this.write(
      proven
        ? { ...common, proven: true, bundle: lkg.bundle, ...checkIds(result) }
        : { ...common, proven: false },
    );
  }

  private auditFields(reason?: string): {
    reason?: string;
    from?: { revision: string | null; digest: string };
  } {
    const why = [this.request.reason, reason].filter((r) => r !== undefined && r !== "").join("; ");
    const lkg = this.lkg;
    return {
      ...(why === "" ? {} : { reason: why }),
      ...(this.request.action === "rollback" && lkg !== undefined
        ? { from: { revision: lkg.revision, digest: lkg.digest } }
        : {}),
    };
  }

  private async write(entry: NewEntry): Promise<boolean> {
    try {
      const history = appendEntry(this.item.history, entry);
      await this.deps.history.write(history);
      this.item.history = history;
      this.note(
        "record",
        entry.proven ? "last-known-good" : "history",
        true,
        `${this.deps.history.describe(this.env)}: entry #${history.entries[0]?.seq}`,
      );
      return true;
    } catch (error) {
      this.note("record", "history", false, `${this.deps.history.describe(this.env)}: ${message(error)}`);
      return false;
    }
  }

  // --- report helpers ------------------------------------------------------------------

  private note(phase: TimelineEntry["phase"], step: string, ok: boolean, detail: string): void {
    this.outcome.timeline.push(entry(this.deps, phase, step, ok, detail));
  }

  private finish(status: EnvironmentStatus, reason?: string): EnvironmentOutcome {
    this.outcome.status = status;
    if (reason !== undefined) this.outcome.reason = reason;
    return this.outcome;
  }

  private lkgSummary(): string {
    return this.lkg === undefined
      ? "no last-known-good revision yet (first deploy): connectivity lost falls back to the allows without the default-deny"
      : `last-known-good: ${describeEntry(this.lkg)}`;
  }
}

// ---------------------------------------------------------------------------------------

function blankOutcome(target: RolloutTarget, status: EnvironmentStatus, reason?: string): EnvironmentOutcome {
  return {
    environment: target.intent.name,
    status,
    revision: target.revision,
    digest: bundleDigest(target.bundle),
    timeline: [],
    probes: [],
    ...(reason === undefined ? {} : { reason }),
    evidence: [],
    notes: [],
  };
}

function entry(
  deps: RolloutDeps,
  phase: TimelineEntry["phase"],
  step: string,
  ok: boolean,
  detail: string,
): TimelineEntry {
  return { at: deps.now().toISOString(), phase, step, ok, detail };
}

function tally(result: ProbeRunResult): { passed: number; failed: number; inconclusive: number } {
  return {
    passed: result.counts.passed,
    failed: result.counts.failed,
    inconclusive: result.counts.inconclusive,
  };
}

function checkIds(result: ProbeRunResult): { passedChecks: string[]; failedChecks: string[] } {
  const baseline = baselineFrom(result.results);
  return { passedChecks: [...baseline.passed], failedChecks: [...baseline.failed] };
}

/** Every checkable check of the plan as inconclusive with `why` (the prober could not run). */
export function inconclusiveResult(plan: ProbePlan, why: string): ProbeRunResult {
  const results: CheckResult[] = plan.checks.map((check) =>
    check.expect === "cannot-check"
      ? {
          check,
          observed: { outcome: "cannot-check", evidence: "planned", message: check.reason },
          classification: "not-checked",
          attempts: 0,
        }
      : {
          check,
          observed: { outcome: "cannot-check", evidence: "probe-error", message: why },
          classification: "inconclusive",
          attempts: 0,
        },
  );
  const notChecked = results.filter((r) => r.classification === "not-checked").length;
  return {
    environment: plan.environment,
    results,
    counts: { passed: 0, failed: 0, inconclusive: results.length - notChecked, notChecked },
    rounds: 0,
    warnings: [why],
  };
}

function isLocked(error: unknown): boolean {
  return error instanceof Error && error.name === "StackLockedError";
}

function stackOf(error: unknown): string | undefined {
  const m = error instanceof Error ? /stack (\S+) is locked/.exec(error.message) : null;
  return m?.[1];
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export { decidingProbe, describeEntry, rolloutOutputs, rolloutSucceeded };
export type {
  EnvironmentOutcome,
  EnvironmentStatus,
  ProbeRecord,
  RolloutOutputs,
  RolloutReport,
  TimelineEntry,
};
