/**
 * The validated intent of one repository: what the loader produces from policies/ and
 * what the compiler, the semantics engine and the reports consume. Every element keeps
 * the place it was declared so that errors, lint findings and PR comments can point back
 * at file:line:column.
 */
import { visible } from "../text/escape.js";
import type { NetworkPolicySpec, Protocol } from "../k8s/types.js";
import type { CniProfile, CniProfileName } from "../cni/profiles.js";

export type { Protocol };

/** A position in an intent file. `file` is relative to the repository root, POSIX separators. */
export interface SourceRef {
  file: string;
  line: number;
  column: number;
}

export interface ServicePort {
  port: number;
  /** Set for a port range (port..endPort inclusive). */
  endPort?: number;
  /** The container port name, when the intent gives one. */
  name?: string;
  protocol: Protocol;
  source: SourceRef;
}

/** A workload: the pods of one namespace that carry `labels`. */
export interface Service {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  ports: ServicePort[];
  source: SourceRef;
}

export interface NamespaceIntent {
  name: string;
  /**
   * Whether netpol-rollout owns policies in this namespace. An unmanaged namespace (an
   * ingress controller's, kube-system) is only referenced as a peer: nothing is emitted in it.
   */
  managed: boolean;
  /** Whether the namespace gets `default-deny-all`. Never true for kube-* or excluded namespaces. */
  defaultDeny: boolean;
  /** Labels that select this namespace; always includes kubernetes.io/metadata.name. */
  labels: Record<string, string>;
  services: Service[];
  /** Hand-written NetworkPolicies of the namespace (`policies:`), by name; absent: none. */
  policies?: HandWrittenPolicy[];
  source: SourceRef;
}

/**
 * A NetworkPolicy written by hand in the intent, for what a flow cannot say. Deployed as
 * `custom.<name>` in its namespace, exactly as written.
 */
export interface HandWrittenPolicy {
  /** The key under `policies:` (a DNS-1123 subdomain). */
  name: string;
  namespace: string;
  spec: NetworkPolicySpec;
  /** Where each rule was written, index-aligned with spec.ingress and spec.egress. */
  ruleSources: { ingress: SourceRef[]; egress: SourceRef[] };
  source: SourceRef;
}

/**
 * Whether a namespace is one of the cluster's own (`kube-system`, `kube-public`,
 * `kube-node-lease`…): never managed, labelled or default-denied.
 */
export function isKubeNamespace(name: string): boolean {
  return name.startsWith("kube-");
}

/** One side of a declared flow. */
export type Endpoint =
  | { kind: "service"; namespace: string; service: string }
  /** Every pod of a namespace, or the pods with `podLabels` in it (e.g. an ingress controller). */
  | { kind: "namespace"; namespace: string; podLabels?: Record<string, string> }
  | { kind: "cidr"; cidr: string; except: string[] }
  /** Only as a destination, and only where the CNI profile has FQDN egress. */
  | { kind: "fqdn"; fqdn: string };

/** A port selection on a flow; `port` absent means every port of the protocol. */
export interface FlowPort {
  protocol: Protocol;
  port?: number;
  endPort?: number;
  /** The declared name of the destination port, when the flow referred to it by name. */
  name?: string;
}

export interface Flow {
  from: Endpoint;
  to: Endpoint;
  /** Resolved against the destination's declared ports; never empty for a service destination. */
  ports: FlowPort[];
  /** The flow as written, for reports ("frontend -> api:8080"). */
  text: string;
  source: SourceRef;
}

export interface DnsIntent {
  namespace: string;
  podLabels: Record<string, string>;
  /** strict: namespaceSelector AND podSelector in one peer; safe: namespaceSelector only. */
  mode: "strict" | "safe";
}

/**
 * A host outside the cluster known to answer on a port (`probe: targets:`). Probes connect to
 * it to prove an allowed external CIDR reachable, or an outside address blocked: without a
 * host that answers, neither a connection nor a timeout proves anything.
 */
export interface ProbeTargetIntent {
  /** Canonical IP address text (RFC 5952 for IPv6). */
  address: string;
  port: number;
  protocol: Protocol;
  source: SourceRef;
}

/**
 * One cluster of an environment that spans several (`clusters:`). The environment's intent
 * applies to each; `cni` and `nodeCidrs` replace the environment's on this cluster only.
 */
export interface ClusterIntent {
  /** A DNS label, unique in the environment. */
  name: string;
  /** The GitHub secret that holds this cluster's kubeconfig file. */
  kubeconfigSecret?: string;
  /** The kubeconfig context; absent: the kubeconfig's current-context. */
  context?: string;
  /** Canary clusters deploy and are probed before every other cluster. */
  canary: boolean;
  cni?: CniProfileName;
  /** The DNS selector mode on this cluster, when its `cni` decides it (the environment sets no `dns.mode`). */
  dnsMode?: "strict" | "safe";
  nodeCidrs?: string[];
  source: SourceRef;
}

export interface EnvironmentIntent {
  name: string;
  /** Position in the promotion order; lower deploys first. */
  order: number;
  cni: CniProfileName;
  /** The profile, with `denials` as the environment declares it. */
  profile: CniProfile;
  /** The `denials:` key, when the environment declares how its dataplane denies. */
  denials?: "drop" | "reject";
  dns: DnsIntent;
  /** Sources of kubelet health checks, allowed as ingress where the profile needs it. */
  nodeCidrs: string[];
  /** The `dns:` key, when the environment sets one (the DNS rules point at it). */
  dnsSource?: SourceRef;
  /** The `nodeCidrs:` key, when present (the health-check rules point at it). */
  nodeCidrsSource?: SourceRef;
  excludedNamespaces: string[];
  /** Outside hosts the probes may use (`probe: targets:`); absent: none. */
  probeTargets?: ProbeTargetIntent[];
  /**
   * `replaces:`: the directory recording the cluster's own policies this environment takes
   * over, its files (relative to the repository root, like `files`), and where the key is.
   */
  replaces?: { directory: string; files: string[]; source: SourceRef };
  namespaces: NamespaceIntent[];
  flows: Flow[];
  /** The clusters the environment spans (`clusters:`), in listed order; absent: one cluster, unnamed. */
  clusters?: ClusterIntent[];
  /** How many non-canary clusters deploy at once (`waveSize:`); absent: all of them in one wave. */
  waveSize?: number;
  /** Every file that contributed to this environment (the environment file first). */
  files: string[];
  source: SourceRef;
}

export interface Intent {
  /** Sorted by promotion order, then name. */
  environments: EnvironmentIntent[];
}

/** An intent error: where, what is wrong, and what was expected. */
export interface IntentError {
  file: string;
  line: number;
  column: number;
  message: string;
  /** A fix-it, e.g. "did you mean 10.0.0.1/32?" */
  hint?: string;
}

export type LoadResult = { ok: true; intent: Intent } | { ok: false; errors: IntentError[] };

/** One line: control characters and line breaks in names and quoted input are shown as escapes. */
export function formatIntentError(e: IntentError): string {
  return visible(`${e.file}:${e.line}:${e.column}: ${e.message}${e.hint ? ` (${e.hint})` : ""}`);
}
