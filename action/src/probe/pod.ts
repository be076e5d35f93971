/**
 * Probe pod manifests (pure). One pod per source identity: the caller's namespace and
 * exactly the caller's labels, so every NetworkPolicy selects it as it selects the caller.
 *
 * Image contract (the default is the upstream agnhost e2e image; any image providing the
 * same can replace it): `/bin/sh` (POSIX), `/agnhost connect HOST:PORT --protocol=P
 * --timeout=Ns` (exit 0 when connected; otherwise TIMEOUT, REFUSED, DNS or OTHER on
 * stderr; UDP needs a reply), `dig` (bind-tools) for DNS queries over UDP and TCP, and
 * `tr`, `cut`. The container runs every check of the pod concurrently and writes one JSON
 * line per check to its log (see result-line.ts); nothing needs `exec` into the pod.
 */
import type { ProbeCheck, ProbePodManifest, ProbePodOptions, ProbeRunObject } from "./types.js";
import { isDnsTarget, isIpTarget, isPodTarget } from "./types.js";

/** The agnhost image of the upstream e2e tests (its `connect` is what the NetworkPolicy tests run). */
export const DEFAULT_PROBE_IMAGE = "registry.k8s.io/e2e-test-images/agnhost:2.52";

export const DEFAULT_PROBE_POD_OPTIONS: ProbePodOptions = {
  image: DEFAULT_PROBE_IMAGE,
  imagePullSecrets: [],
  tolerations: [],
  nodeSelector: {},
  runAsUser: 65534,
  activeDeadlineSeconds: 300,
  timeoutSeconds: 3,
};

/** Every probe pod and run object carries it (value: "pod" or "run"); stale collection selects on it. */
export const PROBE_LABEL = "netpol-rollout.io/probe";
/** The run a probe pod or run object belongs to. */
export const PROBE_RUN_LABEL = "netpol-rollout.io/probe-run";
export const CREATED_BY_ANNOTATION = "netpol-rollout.io/created-by";
export const ENVIRONMENT_ANNOTATION = "netpol-rollout.io/environment";
export const PROBE_SOURCE_ANNOTATION = "netpol-rollout.io/probe-source";

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

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function hostPort(address: string, port: number): string {
  return address.includes(":") ? `[${address}]:${port}` : `${address}:${port}`;
}

/**
 * The shell program of a probe pod: one background job per check, each printing one JSON
 * line {"netpolProbe":1,"id","result","detail"}; results: connected, refused, timeout,
 * dns-answered, dns-timeout, dns-error, no-address, other.
 */
export function probeScript(checks: ProbeCheck[], timeoutSeconds: number): string {
  const lines = [
    'r() { printf \'{"netpolProbe":1,"id":"%s","result":"%s","detail":"%s"}\\n\' "$1" "$2" "$3"; }',
    "clean() { printf '%s' \"$1\" | tr -dc 'A-Za-z0-9 .:_/=-' | cut -c1-200; }",
    "c() {",
    `  if out=$(/agnhost connect "$2" --protocol="$3" --timeout=${timeoutSeconds}s 2>&1); then r "$1" connected ""; return; fi`,
    '  case "$out" in',
    '    TIMEOUT*) r "$1" timeout "" ;;',
    '    REFUSED*) r "$1" refused "" ;;',
    '    DNS*) r "$1" dns-error "" ;;',
    '    *) r "$1" other "$(clean "$out")" ;;',
    "  esac",
    "}",
    "d() {",
    `  out=$(dig +time=${timeoutSeconds} +tries=1 $3 $2 "$4" A 2>&1)`,
    '  case "$out" in',
    '    *"status: "*) r "$1" dns-answered "" ;;',
    '    *"timed out"*|*"no servers could be reached"*) r "$1" dns-timeout "" ;;',
    '    *"connection refused"*) r "$1" refused "" ;;',
    '    *) r "$1" other "$(clean "$out")" ;;',
    "  esac",
    "}",
  ];
  for (const check of checks) {
    const id = shellQuote(check.id);
    const to = check.to;
    if (isDnsTarget(to)) {
      const server = to.server ? shellQuote(`@${to.server}`) : "''";
      const tcp = check.protocol === "TCP" ? "+tcp" : "+notcp";
      lines.push(`d ${id} ${server} ${tcp} ${shellQuote(to.dns)} &`);
    } else {
      const address = isPodTarget(to) ? to.address : isIpTarget(to) ? to.ip : undefined;
      if (address === undefined) lines.push(`r ${id} no-address "" &`);
      else
        lines.push(`c ${id} ${shellQuote(hostPort(address, check.port))} ${check.protocol.toLowerCase()} &`);
    }
  }
  lines.push("wait");
  return `${lines.join("\n")}\n`;
}

/**
 * The manifest of one probe pod, complete but for the owner's uid (PENDING_OWNER_UID until
 * the live prober has created the run object):
 * - Pod Security "restricted": non-root with an explicit numeric user (agnhost declares
 *   none, so runAsNonRoot alone is refused at start), no privilege escalation, every
 *   capability dropped, seccomp RuntimeDefault, read-only root filesystem, no host
 *   namespaces, ports or paths, no service-account token; small requests and limits;
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
        command: ["/bin/sh", "-c", probeScript(checks, o.timeoutSeconds)],
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
  if (o.tolerations.length > 0) spec["tolerations"] = o.tolerations;
  if (Object.keys(o.nodeSelector).length > 0) spec["nodeSelector"] = o.nodeSelector;
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
