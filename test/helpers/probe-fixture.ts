/**
 * Small hand-made probe plans for the live prober's tests: a few sources and checks with
 * their expectations written out, and probe pods that run `probeScript`.
 */
import type {
  CheckTarget,
  ProbeCheck,
  ProbePlan,
  ProbePodManifest,
  Reachability,
} from "../../action/src/probe/types.js";
import { DEFAULT_REPROBE_POLICY } from "../../action/src/probe/types.js";
import { probeScript, scriptCheck } from "../../action/src/probe/pod-script.js";
import type { Protocol } from "../../action/src/k8s/types.js";

export interface FixtureCheck {
  from: { namespace: string; labels: Record<string, string> };
  to: CheckTarget;
  port: number;
  protocol?: Protocol;
  expect: Reachability;
  kind?: ProbeCheck["kind"];
}

/** A restricted, never-Ready probe pod manifest running the given checks. */
export function fixturePod(
  namespace: string,
  name: string,
  labels: Record<string, string>,
  checks: ProbeCheck[],
  timeoutSeconds: number,
): ProbePodManifest {
  const script = probeScript(
    checks.map(scriptCheck).filter((c) => c !== undefined),
    timeoutSeconds,
  );
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace,
      labels: { ...labels },
      annotations: { "sidecar.istio.io/inject": "false" },
      ownerReferences: [
        { apiVersion: "v1", kind: "ConfigMap", name: "probe-run", uid: "", controller: true },
      ],
    },
    spec: {
      restartPolicy: "Never",
      activeDeadlineSeconds: 300,
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 65534,
        runAsGroup: 65534,
        seccompProfile: { type: "RuntimeDefault" },
      },
      containers: [
        {
          name: "probe",
          image: "registry.k8s.io/e2e-test-images/agnhost:2.53",
          command: ["/bin/sh", "-c", script],
          readinessProbe: {
            exec: { command: ["/bin/sh", "-c", "exit 1"] },
            periodSeconds: 5,
            failureThreshold: 1,
          },
          securityContext: {
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ["ALL"] },
          },
          resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { cpu: "100m", memory: "64Mi" } },
        },
      ],
    },
  };
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
    runObjects: namespaces.map((namespace) => ({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "probe-run", namespace, labels: {}, annotations: {} },
      data: {},
    })),
    cannotCheck: [],
    caps: { negative: 200, negativePerSource: 20 },
    omittedNegative: 0,
    reprobe: DEFAULT_REPROBE_POLICY,
    warnings: [],
  };
}
