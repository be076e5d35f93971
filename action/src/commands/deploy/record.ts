/**
 * Recording to the environment's deploy history: a proven deploy becomes the
 * last-known-good; every other ending is kept for the audit trail.
 */
import { bundleDigest } from "../../compile/bundle.js";
import type { HeldLock } from "../../ports/lock.js";
import type { ProbeRunResult } from "../../probe/types.js";
import { baselineFrom } from "../../rollout/decision.js";
import { appendEntry, type NewEntry, type ProvenEntry } from "../../rollout/last-known-good.js";
import { errorMessage } from "../../text/error-message.js";
import type { OutcomeLog } from "./outcome-log.js";
import type { Prepared } from "./preflight.js";
import type { RolloutDeps, RolloutRequest } from "./request.js";

export class Recorder {
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

  /** The target deployed and proven: the new last-known-good. False when it could not be written. */
  async proven(result: ProbeRunResult): Promise<boolean> {
    const target = this.item.target;
    return this.write({
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

  /** The automatic rollback to `lkg`, proven again by its re-probe or not. */
  async rollback(lkg: ProvenEntry, result: ProbeRunResult, proven: boolean, reason: string): Promise<void> {
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
      // The record belongs to whoever holds the run lock.
      await this.lock.confirm("record");
      const history = appendEntry(this.item.history, entry);
      await this.deps.history.write(history);
      this.item.history = history;
      this.log.note(
        "record",
        entry.proven ? "last-known-good" : "history",
        true,
        `${this.deps.history.describe(this.env)}: entry #${history.entries[0]?.seq}`,
      );
      return true;
    } catch (error) {
      this.log.note(
        "record",
        "history",
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
