/**
 * The drift watch: compare what each environment's namespaces hold with its last-known-good
 * bundle (a policy edited or deleted by hand, an extra policy in a managed namespace), and
 * probe what is deployed. Changes nothing in the cluster; when the cluster still holds
 * exactly the last-known-good and the probe passes, the record's last probe is refreshed
 * (the rollback decision compares with the last-known-good's LAST probe).
 */
import { objectKey } from "../compile/bundle.js";
import { canonicalJson } from "../compile/canonical.js";
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE, type CompiledBundle } from "../compile/types.js";
import type { EnvironmentIntent } from "../intent/model.js";
import type { PolicyObject } from "../k8s/types.js";
import { inconclusiveResult } from "../probe/inconclusive.js";
import type { ProbeRunResult } from "../probe/types.js";
import type { ClusterState, HistoryStore, ProbePhase } from "../ports/rollout.js";
import { lastKnownGood, withProbe, type History, type ProvenEntry } from "../rollout/last-known-good.js";
import { liveBundle, namespaceOf } from "../rollout/transitions.js";
import { baselineFrom } from "../rollout/decision.js";
import { describeEntry, type DriftFinding, type DriftOutcome, type DriftReport } from "../rollout/outcome.js";

export type { DriftFinding, DriftOutcome, DriftReport };

export interface DriftDeps {
  readCluster(): Promise<ClusterState>;
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

export async function runDrift(
  environments: EnvironmentIntent[],
  deps: DriftDeps,
  signal?: AbortSignal,
): Promise<DriftReport> {
  const outcomes: DriftOutcome[] = [];
  const cluster = await deps.readCluster();
  for (const intent of environments) {
    if (signal?.aborted) break;
    outcomes.push(await driftOf(intent, cluster, deps, signal));
  }
  return { environments: outcomes, drift: outcomes.some((o) => o.drift) };
}

async function driftOf(
  intent: EnvironmentIntent,
  cluster: ClusterState,
  deps: DriftDeps,
  signal: AbortSignal | undefined,
): Promise<DriftOutcome> {
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
  let probe: ProbeRunResult;
  try {
    probe = await deps.probes.run(plan, signal);
  } catch (error) {
    probe = inconclusiveResult(
      plan,
      `the probe run failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  outcome.plan = plan;
  outcome.probe = probe;
  outcome.drift = outcome.findings.length > 0 || probe.counts.failed > 0;
  if (lkg !== undefined && outcome.findings.length === 0) {
    await refreshRecord(history, lkg, probe, deps, outcome);
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
