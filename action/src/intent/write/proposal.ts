/**
 * What `import` (from NetworkPolicies) and `discover` (from observed traffic) propose, for the
 * intent writer to add to policies/: plain data, no positions. Comments are lines of text
 * written as YAML comments next to what they describe (the source object, observed counts).
 */
import type { CniProfileName } from "../../cni/profiles.js";
import type { NetworkPolicySpec, Protocol } from "../../k8s/types.js";

/** A port a service declares, or a flow names. */
export interface ProposedPort {
  port: number;
  /** Last port of a range (inclusive). */
  endPort?: number;
  /** Default TCP. */
  protocol?: Protocol;
  /** Services: the container port's name. Flows: refer to the destination's port by this name. */
  name?: string;
}

/** One side of a proposed flow. */
export type ProposedEndpoint =
  /** A service, proposed or already declared (by its namespace and name). */
  | { kind: "service"; namespace: string; service: string }
  /** Every pod of a namespace (or its `podLabels`, when the namespace declares them). */
  | { kind: "namespace"; namespace: string }
  | { kind: "cidr"; cidr: string; except?: string[] }
  /** Only as a destination, on a profile with FQDN egress. */
  | { kind: "fqdn"; fqdn: string };

export interface ProposedNamespace {
  name: string;
  /** Default true. A peer the environment only references is `false`. */
  managed?: boolean;
  /** Default: the value of managed. */
  defaultDeny?: boolean;
  /** When the namespace is a flow endpoint: only these pods (an ingress controller's). */
  podLabels?: Record<string, string>;
  comment?: string[];
}

export interface ProposedService {
  namespace: string;
  /** A DNS label; the writer renames it (`api-2`) when the name is taken by other labels. */
  name: string;
  labels: Record<string, string>;
  ports: ProposedPort[];
  comment?: string[];
}

export interface ProposedFlow {
  from: ProposedEndpoint;
  to: ProposedEndpoint;
  /**
   * The destination ports. Absent: every port the destination service declares (any other
   * destination: every port and protocol). A port without protocol is TCP.
   */
  ports?: ProposedPort[];
  /** Written on the flow's line when short (one line of at most 60 characters), else above it. */
  comment?: string[];
}

/** A hand-written NetworkPolicy spec (`policies:` under a managed namespace). */
export interface ProposedPolicy {
  namespace: string;
  /** A DNS-1123 subdomain; deployed as `custom.<name>`. */
  name: string;
  spec: NetworkPolicySpec;
  comment?: string[];
}

/** Environment-level settings, used when the environment file does not exist yet. */
export interface ProposedSettings {
  /** Default: one more than the highest promotion number in use. */
  promotion?: number;
  cni: CniProfileName;
  dns?: { namespace?: string; podLabels?: Record<string, string>; mode?: "strict" | "safe" };
  /** `replaces:`, the file holding the NetworkPolicies this environment takes over. */
  replaces?: string;
  /** Comment lines at the top of the file, after the schema modeline. */
  header?: string[];
}

export interface Proposal {
  /** The environment name (the file environments/<environment>.yaml). */
  environment: string;
  settings: ProposedSettings;
  namespaces: ProposedNamespace[];
  services: ProposedService[];
  flows: ProposedFlow[];
  policies: ProposedPolicy[];
}
