/**
 * Small hand-made probe plans for the live prober's tests: a few sources and checks with
 * their expectations written out, and the probe pods and run objects the planner builds.
 */
import type {
  CheckTarget,
  ProbeCheck,
  ProbePlan,
  ProbePodManifest,
  Reachability,
} from "../../action/src/probe/types.js";
import { DEFAULT_REPROBE_POLICY } from "../../action/src/probe/types.js";
import { buildProbePod, buildRunObject } from "../../action/src/probe/pod.js";
import type { Protocol } from "../../action/src/k8s/types.js";

export interface FixtureCheck {
  from: { namespace: string; labels: Record<string, string> };
  to: CheckTarget;
  port: number;
  protocol?: Protocol;
  expect: Reachability;
  kind?: ProbeCheck["kind"];
}

/** The probe pod the planner builds for these checks (buildProbePod), under run `runId`. */
export function fixturePod(
  namespace: string,
  name: string,
  labels: Record<string, string>,
  checks: ProbeCheck[],
  timeoutSeconds: number,
  runId = "fixture",
): ProbePodManifest {
  return buildProbePod(
    { namespace, labels, pod: name },
    checks,
    { id: runId, environment: "test" },
    { timeoutSeconds },
  );
}

/** A plan with one probe pod per source (namespace + labels), in the given order. */
export function fixturePlan(checks: FixtureCheck[], timeoutSeconds = 1): ProbePlan {
  const sources = new Map<
    string,
    { namespace: string; labels: Record<string, string>; name: string; checks: ProbeCheck[] }
  >();
  const all: ProbeCheck[] = checks.map((c, i) => {
    const key = `${c.from.namespace}/${JSON.stringify(c.from.labels)}`;
    let s = sources.get(key);
    if (!s) {
      s = { namespace: c.from.namespace, labels: c.from.labels, name: `probe-${sources.size}`, checks: [] };
      sources.set(key, s);
    }
    const protocol = c.protocol ?? "TCP";
    const check: ProbeCheck = {
      id: `check-${i}/${c.from.namespace}->${"pod" in c.to ? c.to.pod : "ip" in c.to ? c.to.ip : c.to.dns}:${c.port}/${protocol}`,
      kind: c.kind ?? ("dns" in c.to ? "dns" : c.expect === "blocked" ? "negative" : "declared"),
      from: { namespace: c.from.namespace, labels: c.from.labels, pod: s.name },
      to: c.to,
      port: c.port,
      protocol,
      expect: c.expect,
      expectBefore: c.expect,
      changeDeclared: false,
      reason: "fixture",
      ...(c.expect === "cannot-check" ? { cannotCheck: "no-running-pod" as const } : {}),
    };
    s.checks.push(check);
    return check;
  });
  const pods = [...sources.values()].map((s) =>
    fixturePod(s.namespace, s.name, s.labels, s.checks, timeoutSeconds),
  );
  const namespaces = [...new Set(pods.map((p) => p.metadata.namespace))];
  return {
    environment: "test",
    checks: all,
    pods,
    runObjects: namespaces.map((namespace) =>
      buildRunObject({ id: "fixture", environment: "test" }, namespace),
    ),
    cannotCheck: [],
    caps: { negative: 200, negativePerSource: 20 },
    omittedNegative: 0,
    reprobe: { ...DEFAULT_REPROBE_POLICY, settleSeconds: 0 },
    dataplane: { cni: "generic", denials: "drop" },
    warnings: [],
  };
}
