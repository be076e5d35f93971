/**
 * The probe contract: what a probe plan checks, what each check is expected to show, what a
 * prober observed, and how an observation is classified. One vocabulary for the plan, the
 * simulated and the live prober, the deploy's rollback decision and every report.
 *
 * Pure data and interfaces only: no I/O. Field names of ProbeCheck are also the JSON of
 * `netpol-rollout probe --plan --output json`; fields may be added, never renamed.
 */
import type {
  CiliumNetworkPolicy,
  Namespace,
  NetworkPolicy,
  Pod,
  Protocol,
  ServiceObject,
} from "../k8s/types.js";
import type { CiliumPolicyInput, PolicyInput } from "../semantics/model.js";
import type { SourceRef } from "../intent/model.js";
import type { Reachability } from "../semantics/reachability.js";
import type { CniProfileName, DenialAction } from "../cni/profiles.js";

export type { Reachability };

// --- Checks ---------------------------------------------------------------------------------

/**
 * declared: a declared flow, expected allowed;
 * negative: a chosen undeclared connection (reverse of a flow, an undeclared pair, an
 *   undeclared port of a declared callee), expected blocked;
 * dns: a DNS query from a managed namespace to the cluster DNS, over UDP or TCP;
 * external: an address outside the cluster (a `probe:` target of the intent).
 */
export type CheckKind = "declared" | "negative" | "dns" | "external";

/**
 * The source of a check: a probe pod created in `namespace` with exactly `labels` (the
 * caller's labels), so every policy selects it as it selects the caller.
 */
export interface CheckSource {
  namespace: string;
  labels: Record<string, string>;
  /** Name of the probe pod that runs the check; absent when no probe pod is planned for it. */
  pod?: string;
  /** The intent name of the caller ("api", or "ingress-nginx" for a namespace peer). */
  service?: string;
  /** A source outside the cluster (the flow's CIDR); such a check is always cannot-check. */
  outside?: string;
}

/** A running pod of the cluster; the probe connects to its primary IP. */
export interface PodTarget {
  namespace: string;
  pod: string;
  /** The pod's primary IP when the inventory has one (what the prober connects to). */
  address?: string;
  /** The intent name of the callee. */
  service?: string;
}

/**
 * An address outside the cluster (a probe target). For an outside CIDR without a probe
 * target (a planned cannot-check), `ip` is the CIDR's first address and nothing is sent.
 */
export interface IpTarget {
  ip: string;
  /** The intent CIDR this address stands for ("198.51.100.0/24"). */
  cidr?: string;
}

/** A DNS query: resolve `dns` at the cluster DNS. */
export interface DnsTarget {
  /** The name to resolve, e.g. "kubernetes.default.svc.cluster.local". */
  dns: string;
  /** The cluster DNS service address, when known; absent: the pod's resolv.conf nameserver. */
  server?: string;
}

export type CheckTarget = PodTarget | IpTarget | DnsTarget;

export function isPodTarget(t: CheckTarget): t is PodTarget {
  return "pod" in t;
}
export function isIpTarget(t: CheckTarget): t is IpTarget {
  return "ip" in t;
}
export function isDnsTarget(t: CheckTarget): t is DnsTarget {
  return "dns" in t;
}

/**
 * Why a check is planned as `cannot-check` (it is listed, never silently dropped, and does
 * not by itself make a run inconclusive):
 * - no-running-pod: the destination has no running pod with an IP;
 * - protocol-unsupported: the CNI profile says the protocol (SCTP) is not enforced;
 * - udp-no-reply: UDP to a server not known to reply (a UDP "connect" proves nothing without a reply);
 * - no-probe-target: an outside CIDR without a `probe:` host known to answer;
 * - unresolved-port: a named port (or any port) the destination pods do not declare;
 * - outside-source: the flow comes from outside the cluster, where no probe pod can run;
 * - no-source-namespace: the source's namespace does not exist in the cluster yet;
 * - no-listener: on a dataplane that rejects denied connections, the destination declares
 *   nothing listening on the port, so a refusal could not tell a denial from a closed port.
 */
export type PlannedCannotCheckReason =
  | "no-listener"
  | "outside-source"
  | "no-source-namespace"
  | "no-running-pod"
  | "protocol-unsupported"
  | "udp-no-reply"
  | "no-probe-target"
  | "unresolved-port";

/** One connection to try. */
export interface ProbeCheck {
  /** Stable within a plan and across plans of the same inputs, e.g. "declared/production/frontend->api:8080/TCP". */
  id: string;
  kind: CheckKind;
  from: CheckSource;
  to: CheckTarget;
  port: number;
  protocol: Protocol;
  /**
   * Expected verdict after the deploy (the semantics engine on the live inventory with the
   * policies being deployed); `cannot-check` when the check cannot be made (see cannotCheck).
   */
  expect: Reachability;
  /** Why the check was chosen, or why it cannot be made; one sentence for reports. */
  reason: string;
  /** Expected verdict with the policies deployed before (the live NetworkPolicies). */
  expectBefore: Reachability;
  /**
   * Whether the semantic diff of this change predicted a change of this check's verdict
   * (only meaningful when expect ≠ expectBefore).
   */
  changeDeclared: boolean;
  /** The named container port the check resolved, when the flow named one. */
  portName?: string;
  /** Set exactly when expect is `cannot-check`. */
  cannotCheck?: PlannedCannotCheckReason;
  /**
   * Whether the destination declares something listening on the port: a service port of the
   * intent or a container port of the pod, a probe target, the cluster DNS. Absent for a
   * planned cannot-check.
   */
  listens?: boolean;
  /** The intent declaration behind the check (a flow, a `probe:` target), when there is one. */
  source?: SourceRef;
  /** The rule or isolation behind the expected verdict, one line ("production/allow-api rule 0"). */
  because?: string;
  /**
   * What the expectation was judged against: the destination pod ("namespace/name"), the
   * DNS pod behind the cluster DNS, or the outside address. Absent for a planned cannot-check.
   */
  judgedTo?: string;
}

/** A check the plan lists as cannot-check, with its reason. */
export interface PlannedCannotCheck {
  checkId: string;
  reason: PlannedCannotCheckReason;
  message: string;
}

// --- Probe pods -----------------------------------------------------------------------------

/**
 * A core/v1 Pod manifest as the probe pod builder emits it (the fields it sets). Complete:
 * `kubectl create -f` of it reproduces a check.
 */
export interface ProbePodManifest {
  apiVersion: "v1";
  kind: "Pod";
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
    ownerReferences: {
      apiVersion: string;
      kind: string;
      name: string;
      uid: string;
      controller: true;
      blockOwnerDeletion?: boolean;
    }[];
  };
  spec: Record<string, unknown>;
}

/** The object a run creates in each namespace it probes from; it owns that namespace's probe pods. */
export interface ProbeRunObject {
  apiVersion: "v1";
  kind: "ConfigMap";
  metadata: {
    name: string;
    namespace: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
  };
  data: Record<string, string>;
}

/** Settings of probe pods; every field has a default (see the builder). */
export interface ProbePodOptions {
  /** Default: the agnhost e2e test image (see DEFAULT_PROBE_IMAGE in the builder). */
  image: string;
  imagePullSecrets: string[];
  /** Numeric user the probe runs as (restricted PSS needs one; agnhost declares none). Default 65534. */
  runAsUser: number;
  /** The pod's activeDeadlineSeconds. Default 300. */
  activeDeadlineSeconds: number;
  /** Per-connection timeout passed to each check, in seconds. Default 3. */
  timeoutSeconds: number;
}

// --- Re-probing -----------------------------------------------------------------------------

/**
 * How a run settles (probe/run.ts): a round is evidence once the dataplane has caught up
 * with the change: every check whose verdict the change flips shows its new verdict, or the
 * round was asked `settleSeconds` after the run began. A check is final once it agrees in
 * such a round; it fails once it has disagreed in `failAfter` consecutive rounds, the last of
 * them such a round. Checks that could not be made are retried until `deadlineSeconds`.
 */
export interface ReprobePolicy {
  /** Seconds after the run began the dataplane may take to catch up. Default: the CNI profile's. */
  settleSeconds: number;
  /** Consecutive disagreeing rounds that make a failure, the last one evidence. Default 2. */
  failAfter: number;
  /** Seconds after the first round during which checks that could not be made are retried. Default 60. */
  deadlineSeconds: number;
}

export const DEFAULT_REPROBE_POLICY: Omit<ReprobePolicy, "settleSeconds"> = {
  failAfter: 2,
  deadlineSeconds: 60,
};

/** The dataplane facts a plan was made for: how a denial looks, and how it is read. */
export interface PlanDataplane {
  cni: CniProfileName;
  denials: DenialAction;
}

// --- The plan -------------------------------------------------------------------------------

/** What the planner reads of the cluster: namespaces, pods and Services. */
export interface PlanInventory {
  namespaces: Namespace[];
  pods: Pod[];
  services: ServiceObject[];
}

/** A set of policies in force: NetworkPolicies, and CiliumNetworkPolicies on cilium. */
export interface PolicySetInput {
  policies: (NetworkPolicy | PolicyInput)[];
  ciliumPolicies?: (CiliumNetworkPolicy | CiliumPolicyInput)[];
}

/** Upper bounds on the negative checks; declared flows and DNS checks are never capped. */
export interface PlanCaps {
  /** Negative checks in total. Default 200. */
  negative: number;
  /** Negative checks from one source identity. Default 20. */
  negativePerSource: number;
}

export interface ProbePlan {
  environment: string;
  /** Sorted by source (namespace, pod), then id. Deterministic for the same inputs. */
  checks: ProbeCheck[];
  /** One probe pod per source identity; what the live prober creates. */
  pods: ProbePodManifest[];
  /** One run object per namespace that has probe pods; owns them. */
  runObjects: ProbeRunObject[];
  /** The checks planned as cannot-check, with reasons. */
  cannotCheck: PlannedCannotCheck[];
  caps: PlanCaps;
  /** Negative candidates left out by the caps. */
  omittedNegative: number;
  reprobe: ReprobePolicy;
  dataplane: PlanDataplane;
  /** Things the planner noticed (a Service publishing not-ready addresses of a probe pod's labels). */
  warnings: string[];
}

// --- Observations ---------------------------------------------------------------------------

/**
 * What a prober saw for one check, as the client saw it (what it means depends on the
 * dataplane: see `readObservation`):
 * - allowed: connected (or a DNS server answered);
 * - refused: the connection was refused: nothing listens on the port, or a dataplane that
 *   rejects denied connections denied it;
 * - blocked: timed out;
 * - dns-failure: a DNS check's query got no answer (for a DNS check, reachability blocked);
 * - cannot-check: the check could not be made; `evidence` says why.
 */
export type ObservedOutcome =
  | { outcome: "allowed"; detail: "connected" }
  | { outcome: "refused" }
  | { outcome: "blocked"; detail: "timeout" }
  | { outcome: "dns-failure"; message: string }
  | { outcome: "cannot-check"; evidence: CannotCheckEvidence; message: string };

/**
 * Why a check could not be made at run time:
 * - planned: the plan already marked it cannot-check (see ProbeCheck.cannotCheck);
 * - unschedulable: the probe pod was never scheduled;
 * - image-pull-error: the probe image could not be pulled;
 * - never-started: the pod was scheduled but its container never ran;
 * - no-result-line: the pod ran but printed no result for the check;
 * - deadline: the run's deadline passed before a result arrived;
 * - probe-error: the probe reported an error that is not a verdict (agnhost "OTHER");
 * - pod-deleted, pod-replaced, pod-restarted: the probe pod this run created was deleted, a
 *   pod of another uid took its name, or its container restarted: its log is no longer
 *   bound to the pod that ran the checks, so nothing read from it counts.
 */
export type CannotCheckEvidence =
  | "planned"
  | "unschedulable"
  | "image-pull-error"
  | "never-started"
  | "no-result-line"
  | "deadline"
  | "probe-error"
  | "pod-deleted"
  | "pod-replaced"
  | "pod-restarted";

/** An observation read on a dataplane: the reachability it shows, and why when that needs saying. */
export interface Reading {
  seen: Reachability;
  /** How a refusal was read, one sentence for reports. */
  reading?: string;
}

/**
 * The reachability an observation shows on a dataplane whose denials are `denials`. A
 * refusal: on a dropping dataplane the packet reached the pod (allowed); on a rejecting one
 * it is what a denial looks like (blocked), and the plan aimed positive checks at ports that
 * listen; where the dataplane is unknown it decides nothing. An "allowed" never rests on an
 * answer a denial could also give.
 */
export function readObservation(o: ObservedOutcome, denials: DenialAction): Reading {
  switch (o.outcome) {
    case "allowed":
      return { seen: "allowed" };
    case "blocked":
    case "dns-failure":
      return { seen: "blocked" };
    case "cannot-check":
      return { seen: "cannot-check" };
    case "refused":
      switch (denials) {
        case "drop":
          return {
            seen: "allowed",
            reading: "refused: the connection reached the pod and nothing listens (denials are dropped here)",
          };
        case "reject":
          return {
            seen: "blocked",
            reading:
              "refused, read as blocked: the dataplane rejects denied connections, and a port where nothing listens answers the same",
          };
        case "unknown":
          return {
            seen: "cannot-check",
            reading:
              "refused, which decides nothing: a denial or a port where nothing listens (declare denials: drop or reject)",
          };
      }
  }
}

// --- Classification -------------------------------------------------------------------------

/**
 * How an observation compares with the expectations (PRODUCT: three-way verdicts):
 * - as-expected: observed = expected after, and after = before;
 * - intended-change: observed = expected after ≠ before, and the diff said so;
 * - surprise: observed = expected after ≠ before, and the diff did not say so;
 * - deviation: observed ≠ expected after (the CNI or something outside NetworkPolicy disagrees);
 * - inconclusive: observed cannot-check on a check that was planned checkable;
 * - not-checked: planned cannot-check (listed; not by itself inconclusive).
 */
export type Classification =
  "as-expected" | "intended-change" | "surprise" | "deviation" | "inconclusive" | "not-checked";

export interface CheckResult {
  check: ProbeCheck;
  observed: ObservedOutcome;
  /** The reachability the observation was read as on the plan's dataplane. */
  seen: Reachability;
  /** How a refusal was read, when the observation was one. */
  reading?: string;
  classification: Classification;
  /** Probe rounds that included this check (first round, re-probes, confirmation). */
  attempts: number;
}

/** Counts for the `probe-passed`, `probe-failed`, `probe-inconclusive` outputs. */
export interface ProbeCounts {
  /** as-expected + intended-change. */
  passed: number;
  /** deviation + surprise. */
  failed: number;
  inconclusive: number;
  notChecked: number;
}

/** What a whole run concluded. */
export interface ProbeRunResult {
  environment: string;
  /** In plan order. */
  results: CheckResult[];
  counts: ProbeCounts;
  /** Rounds probed in total. */
  rounds: number;
  warnings: string[];
  /** What the dataplane's way of denying cost this run's evidence, one sentence each. */
  coverage: string[];
  /** How the run settled, for reports; absent for a run that could not run. */
  timing?: ProbeTiming;
}

/** How long a run took to settle, in milliseconds from its start. */
export interface ProbeTiming {
  /** When the first round's observations were in (the probe pods ran a first time). */
  firstRoundMs: number;
  /** When the dataplane was seen to have caught up, and by what. */
  caughtUpMs?: number;
  caughtUpBy?: "changes" | "settle-window";
  /** When the run ended. */
  endMs: number;
}

// --- The prober -----------------------------------------------------------------------------

export interface ProbeRequest {
  plan: ProbePlan;
  /** Only these checks (a re-probe round); absent: every check of the plan. */
  checkIds?: readonly string[];
  /** 1 for the first round, increasing with every re-probe and the confirmation. */
  round: number;
  /** Cancellation (SIGINT/SIGTERM): the prober stops and cleans up. */
  signal?: AbortSignal;
}

export interface ProbeObservations {
  /** One outcome per requested check id; a planned cannot-check gets evidence "planned". */
  outcomes: Map<string, ObservedOutcome>;
  /** Things the prober noticed that are not outcomes. */
  warnings: string[];
}

/**
 * Runs checks of a plan and reports what it saw. Two implementations run the same plan:
 * the simulated prober (the semantics engine answers) and the live prober (probe pods).
 */
export interface Prober {
  readonly name: string;
  probe(request: ProbeRequest): Promise<ProbeObservations>;
  /** Releases what the prober created (probe pods, run objects); safe to call twice. */
  close(): Promise<void>;
}
