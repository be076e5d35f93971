/**
 * The two things a run does to an environment: apply one transition step's exact object set
 * through the engine, and probe what the environment then holds (probe pods are changes
 * too). Each first confirms the environment's run lock, and throws LockLostError when it is
 * lost. Keeps track of what the environment holds, as far as this run knows, and of the
 * revision whose intent its probes plan from; every change is recorded before anything
 * else happens (record.ts).
 */
import type { CompiledBundle } from "../../compile/types.js";
import type { EnvironmentIntent } from "../../intent/model.js";
import type { HeldLock, LockLostError } from "../../ports/lock.js";
import { inconclusiveResult } from "../../probe/inconclusive.js";
import type { ProbeRunResult } from "../../probe/types.js";
import type { RecordedBundle } from "../../rollout/last-known-good.js";
import type { ProbeRecord, TimelineEntry } from "../../rollout/outcome.js";
import type { Provenance, RevisionRef } from "../../rollout/running.js";
import { liveBundle, type TransitionStep } from "../../rollout/transitions.js";
import { errorMessage } from "../../text/error-message.js";
import type { OutcomeLog } from "./outcome-log.js";
import type { Prepared } from "./preflight.js";
import type { RolloutDeps } from "./request.js";

/** What the environment holds and where it came from. */
export interface Holding {
  bundle: CompiledBundle;
  /** The revision whose intent the probes of `bundle` plan from. */
  revision: string | null;
  intent: EnvironmentIntent;
  provenance: Provenance;
  from?: RevisionRef;
  breakGlass?: string[];
}

/** Where a step leads: the revision it deploys and how to name the result. */
export type Toward = Omit<Holding, "bundle">;

export class Steps {
  /** What the environment holds now. */
  holding: Holding;
  /** What it held before the last step applied. */
  previous: CompiledBundle;
  /** Steps applied so far. */
  applied = 0;

  constructor(
    private readonly item: Prepared,
    private readonly deps: RolloutDeps,
    private readonly log: OutcomeLog,
    private readonly signal: AbortSignal,
    private readonly lock: HeldLock,
    /** Called once a step is applied (or its partial result read back): records it. */
    private readonly changed: (holding: Holding) => Promise<void>,
  ) {
    // Nothing applied yet: the live objects, probed as the target's when they are its (no step).
    this.holding = {
      bundle: item.live,
      revision: item.target.revision,
      intent: item.target.intent,
      provenance: "deploy",
    };
    this.previous = item.live;
  }

  get current(): CompiledBundle {
    return this.holding.bundle;
  }

  private get env(): string {
    return this.item.target.intent.name;
  }

  /** Deploys one step's exact object set. Returns the error when the engine failed. */
  async apply(phase: TimelineEntry["phase"], step: TransitionStep, toward: Toward): Promise<unknown> {
    const bundle: RecordedBundle = {
      ...step.bundle,
      excludedNamespaces: [...this.item.target.intent.excludedNamespaces],
    };
    const detail = step.namespaces
      .filter((n) => n.action !== "unchanged")
      .map((n) => `${n.namespace}: ${n.action} (${n.allow} allow, ${n.deny} deny)`)
      .join("; ");
    await this.lock.confirm(`${phase} ${step.kind}`);
    try {
      const file = await this.deps.files.write(this.env, `${phase}-${this.applied + 1}-${step.kind}`, bundle);
      this.deps.log(`${this.env}: ${phase} step ${step.kind}: ${detail || "no namespace changes"}`);
      await this.deps.engine.up(this.env, {
        stage: "enforce",
        bundleFile: file,
        ...(toward.revision === null ? {} : { revision: toward.revision }),
      });
    } catch (error) {
      this.log.note(phase, step.kind, false, `${detail}: ${errorMessage(error)}`);
      return error ?? new Error("unknown engine failure");
    }
    this.applied++;
    this.previous = this.current;
    this.holding = { ...toward, bundle: step.bundle };
    this.log.note(phase, step.kind, true, detail || "no namespace changes");
    await this.changed(this.holding);
    return undefined;
  }

  /**
   * Plans and runs the probes of what the environment holds now, from the intent of the
   * revision it holds, expecting `before` as what it held before. Undefined when cancelled.
   */
  async probe(
    phase: ProbeRecord["phase"],
    step: string,
    before: CompiledBundle,
  ): Promise<ProbeRecord | undefined> {
    await this.lock.confirm(`${phase} probe ${step}`);
    const plan = this.deps.probes.plan({
      environment: this.holding.intent,
      bundle: this.current,
      before,
      cluster: this.item.cluster,
    });
    let result: ProbeRunResult;
    try {
      result = await this.deps.probes.run(plan, this.signal);
    } catch (error) {
      if (this.signal.aborted) return this.stopped();
      // The prober itself failed (the API unavailable after its retries): every check that
      // should have run could not; the decision treats that as inconclusive.
      result = inconclusiveResult(plan, `the probe run failed: ${errorMessage(error)}`);
    }
    if (this.signal.aborted) return this.stopped();
    const record: ProbeRecord = { phase, step, plan, result };
    this.log.outcome.probes.push(record);
    const c = result.counts;
    this.log.note(
      phase,
      `probe ${step}`,
      c.failed === 0 && c.inconclusive === 0,
      `${c.passed} passed, ${c.failed} failed, ${c.inconclusive} inconclusive, ${c.notChecked} not checkable`,
    );
    return record;
  }

  /** Undefined for a cancelled job; a lost lock throws. */
  private stopped(): undefined {
    if (this.lock.lost.aborted) throw this.lock.lost.reason as LockLostError;
    return undefined;
  }

  /** Reads back what the environment holds after a step the engine did not finish, and records it. */
  async readBack(toward: Toward): Promise<void> {
    const cluster = await this.deps.readCluster();
    this.holding = {
      ...toward,
      provenance: "read-back",
      bundle: liveBundle(this.env, this.item.target.bundle.cni, cluster.policies),
    };
    await this.changed(this.holding);
  }
}
