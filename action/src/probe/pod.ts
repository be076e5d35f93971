/**
 * Probe pod manifests (pure). One pod per source identity: the caller's namespace and
 * exactly the caller's labels, so every NetworkPolicy selects it as it selects the caller.
 *
 * What the container runs, and the image contract (the default is the upstream agnhost e2e
 * image; any image providing the same binaries can replace it), is in pod-script.ts: one
 * constant script, the checks as its arguments, every check of the pod concurrently, once
 * per iteration, one JSON line per check to its log; nothing needs `exec` into the pod.
 */
import type { ProbeCheck, ProbePodManifest, ProbePodOptions, ProbeRunObject } from "./types.js";
import {
  CHECKS_ANNOTATION,
  PROBE_COMMAND,
  PROBE_RUN_LABEL,
  probeArguments,
  scriptCheck,
  type ScriptCheck,
} from "./pod-script.js";

/** The agnhost image of the upstream e2e tests (its `connect` is what the NetworkPolicy tests run). */
export const DEFAULT_PROBE_IMAGE = "registry.k8s.io/e2e-test-images/agnhost:2.52";

export const DEFAULT_PROBE_POD_OPTIONS: ProbePodOptions = {
  image: DEFAULT_PROBE_IMAGE,
  imagePullSecrets: [],
  runAsUser: 65534,
  activeDeadlineSeconds: 300,
  timeoutSeconds: 3,
};

/** Every probe pod and run object carries it (value: "pod" or "run"); stale collection selects on it. */
export const PROBE_LABEL = "netpol-rollout.io/probe";
/** The run a probe pod or run object belongs to (its value is the run's id). */
export { PROBE_RUN_LABEL };
export const CREATED_BY_ANNOTATION = "netpol-rollout.io/created-by";
export const ENVIRONMENT_ANNOTATION = "netpol-rollout.io/environment";
export const PROBE_SOURCE_ANNOTATION = "netpol-rollout.io/probe-source";
export { CHECKS_ANNOTATION };

/**
 * A sidecar proxy changes what a probe sees (it terminates or redirects the connection), so
 * probe pods opt out of the injectors that honour a pod annotation.
 */
export const SIDECAR_OPT_OUT: Readonly<Record<string, string>> = {
  "sidecar.istio.io/inject": "false",
  "linkerd.io/inject": "disabled",
  "kuma.io/sidecar-injection": "disabled",
  "consul.hashicorp.com/connect-inject": "false",
};

/**
 * Set by the live prober once the run object exists: an owner reference needs the owner's
 * uid, which only the API server assigns.
 */
export const PENDING_OWNER_UID = "";

/** Memory of one concurrent check (an agnhost or dig process); the limit grows with the checks. */
const MEMORY_PER_CHECK_MI = 8;
const BASE_MEMORY_LIMIT_MI = 64;

export interface ProbeRun {
  /** A DNS label (lowercase letters, digits, '-', at most 40 characters). */
  id: string;
  environment: string;
}

export function runObjectName(run: ProbeRun): string {
  return `netpol-probe-${run.id}`;
}

/** The run object of one namespace: owns that namespace's probe pods (owners cannot cross namespaces). */
export function buildRunObject(run: ProbeRun, namespace: string): ProbeRunObject {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: {
      name: runObjectName(run),
      namespace,
      labels: { [PROBE_LABEL]: "run", [PROBE_RUN_LABEL]: run.id },
      annotations: {
        [CREATED_BY_ANNOTATION]: "netpol-rollout probe",
        [ENVIRONMENT_ANNOTATION]: run.environment,
      },
    },
    data: { environment: run.environment, run: run.id },
  };
}

export interface ProbeIdentity {
  namespace: string;
  /** Exactly the caller's labels. */
  labels: Record<string, string>;
  /** The pod name. */
  pod: string;
}

/** The labels a probe pod carries: the caller's, plus the run's own keys. */
export function probePodLabels(identity: ProbeIdentity, run: ProbeRun): Record<string, string> {
  return { ...identity.labels, [PROBE_LABEL]: "pod", [PROBE_RUN_LABEL]: run.id };
}

/** The checks of a probe pod as its container runs them, in argument order. */
export function podScriptChecks(checks: readonly ProbeCheck[]): ScriptCheck[] {
  return checks.map(scriptCheck).filter((c) => c !== undefined);
}

/**
 * The manifest of one probe pod, complete but for the owner's uid (PENDING_OWNER_UID until
 * the live prober has created the run object):
 * - Pod Security "restricted": non-root with an explicit numeric user (agnhost declares
 *   none, so runAsNonRoot alone is refused at start), no privilege escalation, every
 *   capability dropped, seccomp RuntimeDefault, read-only root filesystem, no host
 *   namespaces, ports or paths, no service-account token, no volumes, no environment;
 *   small requests and limits; set on every container too, so nothing depends on the pod level;
 * - the constant probe command with the checks as validated arguments (pod-script.ts), the
 *   check ids in CHECKS_ANNOTATION;
 * - never Ready: a readiness check that always fails, so the pod never joins the endpoints
 *   of a Service that selects the caller's labels;
 * - owned by the run object of its own namespace (a controller reference, so no ReplicaSet or
 *   StatefulSet whose selector matches the labels adopts it; no blockOwnerDeletion, which
 *   needs extra RBAC);
 * - activeDeadlineSeconds, restartPolicy Never, sidecar injection opted out.
 */
export function buildProbePod(
  identity: ProbeIdentity,
  checks: ProbeCheck[],
  run: ProbeRun,
  options: Partial<ProbePodOptions> = {},
  ownerUid: string = PENDING_OWNER_UID,
): ProbePodManifest {
  const o: ProbePodOptions = { ...DEFAULT_PROBE_POD_OPTIONS, ...options };
  const scripted = podScriptChecks(checks);
  const sourceText = Object.entries(identity.labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
  const spec: Record<string, unknown> = {
    restartPolicy: "Never",
    activeDeadlineSeconds: o.activeDeadlineSeconds,
    terminationGracePeriodSeconds: 1,
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    hostNetwork: false,
    hostPID: false,
    hostIPC: false,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: o.runAsUser,
      runAsGroup: o.runAsUser,
      seccompProfile: { type: "RuntimeDefault" },
    },
    containers: [
      {
        name: "probe",
        image: o.image,
        imagePullPolicy: "IfNotPresent",
        command: [...PROBE_COMMAND],
        args: probeArguments(scripted, o.timeoutSeconds),
        securityContext: {
          runAsNonRoot: true,
          runAsUser: o.runAsUser,
          allowPrivilegeEscalation: false,
          privileged: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ["ALL"] },
          seccompProfile: { type: "RuntimeDefault" },
        },
        readinessProbe: {
          exec: { command: ["/bin/sh", "-c", "exit 1"] },
          periodSeconds: 5,
          failureThreshold: 1,
        },
        resources: {
          requests: { cpu: "10m", memory: "16Mi" },
          limits: {
            cpu: "200m",
            memory: `${BASE_MEMORY_LIMIT_MI + MEMORY_PER_CHECK_MI * checks.length}Mi`,
          },
        },
      },
    ],
  };
  if (o.imagePullSecrets.length > 0) spec["imagePullSecrets"] = o.imagePullSecrets.map((name) => ({ name }));
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: identity.pod,
      namespace: identity.namespace,
      labels: probePodLabels(identity, run),
      annotations: {
        ...SIDECAR_OPT_OUT,
        [CREATED_BY_ANNOTATION]: "netpol-rollout probe",
        [ENVIRONMENT_ANNOTATION]: run.environment,
        [PROBE_SOURCE_ANNOTATION]: `${identity.namespace} ${sourceText}`.trim(),
        [CHECKS_ANNOTATION]: JSON.stringify(scripted.map((c) => c.id)),
      },
      ownerReferences: [
        { apiVersion: "v1", kind: "ConfigMap", name: runObjectName(run), uid: ownerUid, controller: true },
      ],
    },
    spec,
  };
}

/** The same manifest owned by the run object with `uid` (what the live prober creates). */
export function withOwnerUid(pod: ProbePodManifest, uid: string): ProbePodManifest {
  return {
    ...pod,
    metadata: { ...pod.metadata, ownerReferences: pod.metadata.ownerReferences.map((r) => ({ ...r, uid })) },
  };
}
