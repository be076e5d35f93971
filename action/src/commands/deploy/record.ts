/**
 * Recording to the environment's record: after every step, what the environment runs now
 * (the running record); at the end of the run, how it ended, and the history entry (a proven
 * deploy becomes the last-known-good; every other ending is kept for the audit trail).
 */
import { bundleDigest } from "../../compile/bundle.js";
import type { HeldLock } from "../../ports/lock.js";
import type { ProbeRunResult } from "../../probe/types.js";
import { baselineFrom } from "../../rollout/decision.js";
import { appendEntry, type NewEntry, type ProvenEntry } from "../../rollout/last-known-good.js";
import type { EnvironmentOutcome } from "../../rollout/outcome.js";
import { describeRunning, recordIntent, type RunningRecord } from "../../rollout/running.js";
import { errorMessage } from "../../text/error-message.js";
import type { OutcomeLog } from "./outcome-log.js";
import type { Prepared } from "./preflight.js";
import type { RolloutDeps, RolloutRequest } from "./request.js";
import type { Restorable } from "./restore.js";
import type { Holding } from "./steps.js";

export class Recorder {
  /** What this run last said runs (undefined: the run changed nothing, so it leaves the record as it was). */
  private latest: RunningRecord | undefined;
  private proven = false;

  constructor(
    private readonly item: Prepared,
    private readonly request: RolloutRequest,
    private readonly deps: RolloutDeps,
    /** The last-known-good when the run started. */
    private readonly lkg: ProvenEntry | undefined,
    private readonly log: OutcomeLog,
    private readonly lock: HeldLock,
  ) {}

  private get env(): string {
    return this.item.target.intent.name;
  }

  /** What runs now by the record: what this run last recorded, else what the record said when it started. */
  current(): RunningRecord | undefined {
    return this.latest ?? this.item.history.running;
  }

  /** The environment holds `holding` now (a step applied, or read back): recorded at once. */
  async holds(holding: Holding): Promise<void> {
    this.proven = false;
    await this.write(undefined, this.running(holding));
  }

  /** The target deployed and proven: the new last-known-good. False when it could not be written. */
  async deployed(holding: Holding, result: ProbeRunResult): Promise<boolean> {
    const target = this.item.target;
    this.proven = true;
    return this.write(
      {
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
        intent: recordIntent(target.intent),
        ...checkIds(result),
      },
      this.running({ ...holding, provenance: this.request.action }),
    );
  }

  /** The target was not proven (`result` is its last probe, if any). */
  async audit(result: ProbeRunResult | undefined, reason: string): Promise<void> {
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

  /** The automatic rollback to `restore`, proven again by its re-probe or not. */
  async rollback(
    restore: Restorable,
    holding: Holding,
    result: ProbeRunResult,
    proven: boolean,
    reason: string,
  ): Promise<void> {
    const lkg = restore.entry;
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
    this.proven = proven;
    await this.write(
      proven
        ? {
            ...common,
            proven: true,
            bundle: lkg.bundle,
            intent: recordIntent(restore.intent),
            ...checkIds(result),
          }
        : { ...common, proven: false },
      this.running(holding),
    );
  }

  /**
   * How the run ended, on the running record, when the run changed what runs (a run that
   * changed nothing leaves the record as it was). Never throws: a failure is on the timeline.
   */
  async finish(outcome: EnvironmentOutcome): Promise<void> {
    if (this.latest === undefined) return;
    await this.write(undefined, {
      ...this.latest,
      recordedAt: this.deps.now().toISOString(),
      outcome: {
        status: outcome.status,
        ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
      },
    });
  }

  private running(holding: Holding): RunningRecord {
    this.latest = {
      environment: this.env,
      provenance: holding.provenance,
      revision: holding.revision,
      digest: bundleDigest(holding.bundle),
      bundle: {
        ...holding.bundle,
        excludedNamespaces: [...this.item.target.intent.excludedNamespaces],
      },
      intent: recordIntent(holding.intent),
      ...(holding.from === undefined ? {} : { from: holding.from }),
      ...(holding.breakGlass === undefined ? {} : { breakGlass: [...holding.breakGlass] }),
      proven: this.proven,
      recordedAt: this.deps.now().toISOString(),
      action: this.request.action,
      run: this.request.run,
    };
    return this.latest;
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

  private async write(entry: NewEntry | undefined, running?: RunningRecord): Promise<boolean> {
    try {
      // The record belongs to whoever holds the run lock.
      await this.lock.confirm("record");
      let history = entry === undefined ? this.item.history : appendEntry(this.item.history, entry);
      if (running !== undefined) history = { ...history, running };
      await this.deps.history.write(history);
      this.item.history = history;
      const where = this.deps.history.describe(this.env);
      if (entry === undefined)
        this.deps.log(`${this.env}: recorded in ${where}: ${describeRunning(running!)}`);
      else
        this.log.note(
          "record",
          entry.proven ? "last-known-good" : "history",
          true,
          `${where}: entry #${history.entries[0]?.seq}`,
        );
      return true;
    } catch (error) {
      this.log.note(
        "record",
        entry === undefined ? "running" : "history",
        false,
        `${this.deps.history.describe(this.env)}: ${errorMessage(error)}`,
      );
      return false;
    }
  }
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
