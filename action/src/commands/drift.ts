/**
 * The drift watch judges each environment against its record of what runs (the running
 * record; for a record of an earlier version, its last-known-good), never against the live
 * policies or the checkout:
 * - objects changed by hand: what the namespaces hold compared with the recorded objects (a
 *   policy edited or deleted by hand, an extra policy in a managed namespace);
 * - declared flows that fail: the probes plan from the running revision's intent, and expect
 *   what its recorded objects allow, so a policy emptied by hand fails its flows' checks;
 * - a deploy pending: the checkout's intent compiles to other objects than the running ones;
 * - no record: nothing says what runs, so nothing is judged.
 * Changes no NetworkPolicy; when the cluster still holds exactly the last-known-good and the
 * probe passes, the record's last probe is refreshed (the rollback decision compares with
 * the last-known-good's LAST probe).
 *
 * Not read-only, then: it creates probe pods and writes the record, so it takes each
 * environment's run lock like a deploy, waiting a bounded time. An environment whose lock
 * another run holds past the wait is skipped, and the report says so and whose it was.
 */
import { bundleDigest, objectKey } from "../compile/bundle.js";
import { compileEnvironment } from "../compile/compile.js";
import { canonicalJson } from "../compile/canonical.js";
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE, type CompiledBundle } from "../compile/types.js";
import type { EnvironmentIntent } from "../intent/model.js";
import type { PolicyObject } from "../k8s/types.js";
import { inconclusiveResult } from "../probe/inconclusive.js";
import type { ProbeRunResult } from "../probe/types.js";
import type { HistoryStore, ProbePhase } from "../ports/rollout.js";
import type { ClusterState } from "../k8s/types.js";
import { LockError, LockLostError, type HeldLock, type RunLocks } from "../ports/lock.js";
import { describeHolder } from "../rollout/lock.js";
import { lastKnownGood, withProbe, type History, type ProvenEntry } from "../rollout/last-known-good.js";
import { liveBundle, namespaceOf } from "../rollout/transitions.js";
import { baselineFrom } from "../rollout/decision.js";
import {
  describeEntry,
  type DriftFailure,
  type DriftFinding,
  type DriftOutcome,
  type DriftReport,
} from "../rollout/outcome.js";
import { describeRunning, intentOf } from "../rollout/running.js";
import type { RecordedBundle } from "../rollout/recorded.js";
import { errorMessage } from "../text/error-message.js";
import type { CompileAtRef } from "./deploy/request.js";
import { trustNote } from "./deploy/preflight.js";
import { restorable } from "./deploy/restore.js";

export interface DriftDeps {
  readCluster(): Promise<ClusterState>;
  locks: RunLocks;
  /** How long to wait for another run's lock before skipping an environment, in ms. Default 5 minutes. */
  lockWaitMs?: number;
  history: HistoryStore;
  probes: ProbePhase;
  /** A revision's intent from the repository, for a record of an earlier version (no intent). */
  compileAt: CompileAtRef;
  now(): Date;
  log(line: string): void;
}

/**
 * How `live` differs from `recorded` in the namespaces the record manages. Specs are
 * compared after the API server's defaulting (policyTypes, port protocol TCP), so a
 * round trip through the API server is not drift.
 */
export function compareWithRecord(recorded: CompiledBundle, live: readonly PolicyObject[]): DriftFinding[] {
  const managed = new Set(recorded.objects.map(namespaceOf));
  const liveByKey = new Map(live.map((p) => [objectKey(p), p]));
  const recordedKeys = new Set(recorded.objects.map((o) => objectKey(o)));
  const findings: DriftFinding[] = [];
  for (const object of recorded.objects) {
    const key = objectKey(object);
    const found = liveByKey.get(key);
    if (found === undefined) {
      findings.push({
        change: "deleted",
        object: key,
        detail: "in the last-known-good bundle, missing from the cluster",
      });
    } else if (fingerprint(found) !== fingerprint(object.manifest)) {
      findings.push({
        change: "edited",
        object: key,
        detail: "its spec or labels differ from the last-known-good bundle",
      });
    }
  }
  for (const policy of live) {
    const key = objectKey(policy);
    if (!managed.has(policy.metadata.namespace ?? "") || recordedKeys.has(key)) continue;
    const ours = policy.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY_VALUE;
    findings.push({
      change: "extra",
      object: key,
      detail: ours
        ? "labelled managed-by netpol-rollout but not in the last-known-good bundle (left by an interrupted deploy?)"
        : "not created by netpol-rollout, in a namespace it manages (it can only widen what is allowed)",
    });
  }
  return findings.sort((a, b) => (a.object < b.object ? -1 : a.object > b.object ? 1 : 0));
}

/** A scheduled check can come back later: it waits less than a deploy would. */
export const DEFAULT_DRIFT_LOCK_WAIT_MS = 5 * 60_000;

export async function runDrift(
  environments: EnvironmentIntent[],
  deps: DriftDeps,
  signal?: AbortSignal,
): Promise<DriftReport> {
  const outcomes: DriftOutcome[] = [];
  const waitMs = deps.lockWaitMs ?? DEFAULT_DRIFT_LOCK_WAIT_MS;
  for (const intent of environments) {
    if (signal?.aborted) break;
    const scope = { environment: intent.name };
    let lock: HeldLock;
    try {
      lock = await deps.locks.acquire(scope, {
        waitMs,
        ...(signal === undefined ? {} : { signal }),
        onWait: (holder) =>
          deps.log(
            `${intent.name}: waiting up to ${Math.round(waitMs / 1000)} s for the run lock ${deps.locks.describe(scope)}, held by ${describeHolder(holder)}`,
          ),
      });
    } catch (error) {
      if (!(error instanceof LockError)) throw error;
      outcomes.push(skipped(intent.name, `${error.message}; drift was not checked`));
      continue;
    }
    try {
      // Read under the lock: a deploy that held it may have changed the environment.
      outcomes.push(await driftOf(intent, await deps.readCluster(), deps, lock, signal));
    } catch (error) {
      if (!(error instanceof LockLostError)) throw error;
      outcomes.push(skipped(intent.name, `${error.message}; drift was not checked`));
    } finally {
      await lock.release();
    }
  }
  return { environments: outcomes, drift: outcomes.some((o) => o.drift) };
}

function skipped(environment: string, reason: string): DriftOutcome {
  return { environment, findings: [], failing: [], drift: false, notes: [], skipped: reason };
}

/** What the record says runs: its objects, and the intent of their revision. */
interface Running {
  bundle: RecordedBundle;
  digest: string;
  revision: string | null;
  intent?: EnvironmentIntent;
  /** Why the intent cannot be had (the objects are still compared). */
  problem?: string;
  describe: string;
}

async function runningOf(history: History, deps: DriftDeps): Promise<Running | undefined> {
  const env = history.environment;
  const running = history.running;
  if (running !== undefined) {
    const base = {
      bundle: running.bundle,
      digest: running.digest,
      revision: running.revision,
      describe: `what runs by the record: ${describeRunning(running)}`,
    };
    try {
      return { ...base, intent: intentOf(running.intent, env) };
    } catch (error) {
      return { ...base, problem: errorMessage(error) };
    }
  }
  const lkg = lastKnownGood(history);
  if (lkg === undefined) return undefined;
  const found = await restorable(lkg, history.authentication, deps.compileAt);
  const entry = found.ok ? found.restore.entry : lkg;
  return {
    bundle: entry.bundle,
    digest: entry.digest,
    revision: entry.revision,
    describe: `what runs by the record of an earlier version: its last-known-good, ${describeEntry(entry)}`,
    ...(found.ok ? { intent: found.restore.intent } : { problem: found.problem }),
  };
}

async function driftOf(
  intent: EnvironmentIntent,
  cluster: ClusterState,
  deps: DriftDeps,
  lock: HeldLock,
  jobSignal: AbortSignal | undefined,
): Promise<DriftOutcome> {
  const signal = jobSignal ? AbortSignal.any([jobSignal, lock.lost]) : lock.lost;
  const history = await deps.history.read(intent.name);
  const lkg = lastKnownGood(history);
  const live = liveBundle(intent.name, intent.cni, cluster.policies);
  const outcome: DriftOutcome = {
    environment: intent.name,
    findings: [],
    failing: [],
    drift: false,
    notes: [],
  };
  if (lkg !== undefined) outcome.lastKnownGood = { revision: lkg.revision, digest: lkg.digest, seq: lkg.seq };
  // Drift is judged against the record: say how far it is trusted.
  const trust = trustNote(history, deps.history.describe(intent.name));
  if (trust !== undefined) {
    outcome.notes.push(trust);
    deps.log(`${intent.name}: ${trust}`);
  }
  const running = await runningOf(history, deps);
  if (running === undefined) {
    outcome.noRecord = true;
    outcome.drift = live.objects.length > 0;
    outcome.notes.push(
      live.objects.length > 0
        ? `no record: the cluster holds ${live.objects.length} objects netpol-rollout deployed for ${intent.name}, ` +
            `but ${deps.history.describe(intent.name)} does not say what runs (deleted, or state-namespace changed): nothing is judged`
        : `no record: nothing was deployed to ${intent.name} yet`,
    );
    return outcome;
  }
  outcome.running = { revision: running.revision, digest: running.digest, describe: running.describe };
  outcome.findings = compareWithRecord(running.bundle, cluster.policies);
  const checkout = bundleDigest(compileEnvironment(intent));
  if (checkout !== running.digest) {
    outcome.pending = `the checkout's intent compiles to other objects (${checkout.slice(0, 19)}…) than the running ones (${running.digest.slice(0, 19)}…): a deploy is pending`;
  }
  if (running.intent === undefined) {
    outcome.drift = outcome.findings.length > 0;
    outcome.notes.push(
      `the running revision's intent cannot be had (${running.problem ?? "unknown"}): its flows are not probed`,
    );
    return outcome;
  }
  // Expected verdicts from the running revision's intent and recorded objects: a policy
  // changed by hand fails the checks of the flows it served.
  const plan = deps.probes.plan({
    environment: running.intent,
    bundle: running.bundle,
    before: live,
    cluster,
  });
  await lock.confirm("drift probe");
  let probe: ProbeRunResult;
  try {
    probe = await deps.probes.run(plan, signal);
  } catch (error) {
    probe = inconclusiveResult(
      plan,
      `the probe run failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (lock.lost.aborted) throw lock.lost.reason as LockLostError;
  outcome.plan = plan;
  outcome.probe = probe;
  outcome.failing = probe.results
    .filter((r) => r.classification === "surprise" || r.classification === "deviation")
    .map((r): DriftFailure => ({
      check: r.check.id,
      kind: r.check.kind,
      expected: r.check.expect,
      observed: r.observed.outcome,
    }));
  outcome.drift = outcome.findings.length > 0 || probe.counts.failed > 0;
  if (lkg !== undefined && outcome.findings.length === 0 && running.digest === lkg.digest) {
    await refreshRecord(history, lkg, probe, deps, outcome, lock);
  }
  return outcome;
}

/** The cluster holds the last-known-good: its last probe is this one. */
async function refreshRecord(
  history: History,
  lkg: ProvenEntry,
  probe: ProbeRunResult,
  deps: DriftDeps,
  outcome: DriftOutcome,
  lock: HeldLock,
): Promise<void> {
  if (probe.counts.inconclusive > 0) {
    outcome.notes.push(
      `the probe was inconclusive: the record of ${describeEntry(lkg)} keeps its earlier probe`,
    );
    return;
  }
  const baseline = baselineFrom(probe.results);
  const updated = withProbe(
    lkg,
    { passed: probe.counts.passed, failed: probe.counts.failed, inconclusive: 0 },
    [...baseline.passed],
    [...baseline.failed],
    deps.now().toISOString(),
  );
  try {
    await lock.confirm("drift record");
    await deps.history.write({
      ...history,
      entries: history.entries.map((e) => (e === lkg ? updated : e)),
    });
    outcome.notes.push(`the last probe of ${describeEntry(lkg)} is now this one`);
  } catch (error) {
    outcome.notes.push(
      `the record could not be refreshed (${deps.history.describe(history.environment)}): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Spec and our labels after the API server's defaulting. */
function fingerprint(object: PolicyObject): string {
  const labels = object.metadata.labels ?? {};
  const ours = Object.fromEntries(
    Object.entries(labels).filter(([k]) => k.startsWith("netpol-rollout.io/") || k === MANAGED_BY_LABEL),
  );
  const spec =
    object.kind === "NetworkPolicy"
      ? defaulted(object.spec as unknown as Record<string, unknown>)
      : object.spec;
  return canonicalJson({ kind: object.kind, labels: ours, spec });
}

function defaulted(spec: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...spec };
  out["policyTypes"] = Array.isArray(spec["policyTypes"])
    ? spec["policyTypes"]
    : spec["egress"] === undefined
      ? ["Ingress"]
      : ["Ingress", "Egress"];
  for (const direction of ["ingress", "egress"]) {
    const rules = spec[direction];
    if (!Array.isArray(rules)) continue;
    out[direction] = rules.map((rule: Record<string, unknown>) =>
      Array.isArray(rule["ports"])
        ? {
            ...rule,
            ports: (rule["ports"] as Record<string, unknown>[]).map((p) => ({ protocol: "TCP", ...p })),
          }
        : rule,
    );
  }
  return out;
}
