/**
 * The drift watch: compare what each environment's namespaces hold with its last-known-good
 * bundle (a policy edited or deleted by hand, an extra policy in a managed namespace), and
 * probe what is deployed. Changes no NetworkPolicy; when the cluster still holds exactly the
 * last-known-good and the probe passes, the record's last probe is refreshed (the rollback
 * decision compares with the last-known-good's LAST probe).
 *
 * Not read-only, then: it creates probe pods and writes the record, so it takes each
 * environment's run lock like a deploy, waiting a bounded time. An environment whose lock
 * another run holds past the wait is skipped, and the report says so and whose it was.
 */
import { objectKey } from "../compile/bundle.js";
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
import { describeEntry, type DriftFinding, type DriftOutcome, type DriftReport } from "../rollout/outcome.js";

export interface DriftDeps {
  readCluster(): Promise<ClusterState>;
  locks: RunLocks;
  /** How long to wait for another run's lock before skipping an environment, in ms. Default 5 minutes. */
  lockWaitMs?: number;
  history: HistoryStore;
  probes: ProbePhase;
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
  return { environment, findings: [], drift: false, notes: [], skipped: reason };
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
  const outcome: DriftOutcome = { environment: intent.name, findings: [], drift: false, notes: [] };
  if (lkg === undefined) {
    outcome.notes.push(
      "no last-known-good revision is recorded yet: the objects are not compared, only probed",
    );
  } else {
    outcome.lastKnownGood = { revision: lkg.revision, digest: lkg.digest, seq: lkg.seq };
    outcome.findings = compareWithRecord(lkg.bundle, cluster.policies);
  }
  // Expected verdicts from what is deployed now: a probe failure is the dataplane disagreeing.
  const plan = deps.probes.plan({ environment: intent, bundle: live, before: live, cluster });
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
  outcome.drift = outcome.findings.length > 0 || probe.counts.failed > 0;
  if (lkg !== undefined && outcome.findings.length === 0) {
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
