/**
 * The subset of Kubernetes API object shapes the pure core works with, as plain JSON
 * (networking.k8s.io/v1 NetworkPolicy, core/v1 Pod and Namespace). Field names and
 * optionality follow the Kubernetes API reference: an absent list and an empty list mean
 * different things in NetworkPolicy rules, so optional fields stay optional here.
 */

export type Protocol = "TCP" | "UDP" | "SCTP";

export interface ObjectMeta {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  values?: string[];
}

/** An empty selector ({}) selects everything; see the LabelSelector API reference. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface IPBlock {
  cidr: string;
  except?: string[];
}

export interface NetworkPolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: IPBlock;
}

export interface NetworkPolicyPort {
  /** Defaults to TCP when absent. */
  protocol?: Protocol;
  /** A number or a named container port; absent means every port of the protocol. */
  port?: number | string;
  endPort?: number;
}

export interface NetworkPolicyIngressRule {
  from?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}

export interface NetworkPolicyEgressRule {
  to?: NetworkPolicyPeer[];
  ports?: NetworkPolicyPort[];
}

export type PolicyType = "Ingress" | "Egress";

export interface NetworkPolicySpec {
  podSelector: LabelSelector;
  policyTypes?: PolicyType[];
  ingress?: NetworkPolicyIngressRule[];
  egress?: NetworkPolicyEgressRule[];
}

export interface NetworkPolicy {
  apiVersion: "networking.k8s.io/v1";
  kind: "NetworkPolicy";
  metadata: ObjectMeta;
  spec: NetworkPolicySpec;
}

/** cilium.io/v2 CiliumNetworkPolicy, used only for FQDN egress on the cilium profile. */
export interface CiliumNetworkPolicy {
  apiVersion: "cilium.io/v2";
  kind: "CiliumNetworkPolicy";
  metadata: ObjectMeta;
  spec: Record<string, unknown>;
}

export type PolicyObject = NetworkPolicy | CiliumNetworkPolicy;

export interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: Protocol;
}

export interface Pod {
  apiVersion?: "v1";
  kind?: "Pod";
  /** `deletionTimestamp`: set once the pod is being deleted (it may still run through its grace period). */
  metadata: ObjectMeta & { namespace: string; deletionTimestamp?: string };
  spec?: { containers?: { name: string; ports?: ContainerPort[]; readinessProbe?: ReadinessProbe }[] };
  /** `phase`: a pod that has Succeeded or Failed holds no IP any more (its IP may be reused). */
  status?: {
    phase?: string;
    podIP?: string;
    podIPs?: { ip: string }[];
    /** `Ready`: the kubelet's readiness probes pass (the pod is a ready endpoint). */
    conditions?: { type: string; status: string }[];
  };
}

/** core/v1 Probe: the kubelet's readiness check, from the pod's own node. */
export interface ReadinessProbe {
  tcpSocket?: { port: number | string };
  httpGet?: { port: number | string };
  grpc?: { port: number };
  exec?: unknown;
}

export interface Namespace {
  apiVersion?: "v1";
  kind?: "Namespace";
  metadata: ObjectMeta;
}

export interface ServicePortSpec {
  name?: string;
  port: number;
  /** A number or a container port name; defaults to `port`. */
  targetPort?: number | string;
  protocol?: Protocol;
}

/** apps/v1 Deployment, StatefulSet, DaemonSet or ReplicaSet: what discover reads (whose pods it selects). */
export interface WorkloadObject {
  apiVersion?: string;
  kind: "Deployment" | "StatefulSet" | "DaemonSet" | "ReplicaSet";
  metadata: ObjectMeta & { namespace: string };
  spec: { selector: LabelSelector };
}

/** core/v1 Service: what the lint reads (the selector and the port → targetPort mapping). */
export interface ServiceObject {
  apiVersion?: "v1";
  kind?: "Service";
  metadata: ObjectMeta & { namespace: string };
  spec?: { selector?: Record<string, string>; ports?: ServicePortSpec[]; clusterIP?: string };
}

/** The objects of a cluster a rollout reads before it changes anything, and plans its probes on. */
export interface ClusterState {
  namespaces: Namespace[];
  pods: Pod[];
  services: ServiceObject[];
  /** Every NetworkPolicy (and CiliumNetworkPolicy, when read) in the cluster. */
  policies: PolicyObject[];
  /** The cluster's identity: the uid of its kube-system namespace; undefined when it cannot be read. */
  clusterUid?: string;
}
