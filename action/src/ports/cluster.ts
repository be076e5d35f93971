/**
 * The cluster as the commands see it: the live inventory, the few objects a run creates
 * (probe pods and their run objects), pod logs and pod watches, a ConfigMap store for
 * records that must outlive the runner, and which cluster this is. The adapter over
 * `@kubernetes/client-node` is in `adapters/kubernetes/`; tests drive it against the HTTP
 * fake in `test/fakes/kube-server.ts`.
 *
 * Objects are plain JSON in the Kubernetes API's field names (timestamps as RFC 3339
 * strings), so the pure core can read them without the client library.
 */
import { describeOperation, type ClusterOperation } from "../k8s/operation.js";
import type { Namespace, NetworkPolicy, ObjectMeta, Pod, ServiceObject } from "../k8s/types.js";

/** Metadata the API server sets, as read back from the cluster. */
export interface LiveMeta extends ObjectMeta {
  uid?: string;
  resourceVersion?: string;
  /** RFC 3339. */
  creationTimestamp?: string;
  /** Set once a delete has been accepted and the object waits for finalizers or grace. */
  deletionTimestamp?: string;
  ownerReferences?: OwnerReference[];
}

/** metadata.ownerReferences[]: the owner must be in the dependent's namespace (or cluster-scoped). */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface PodCondition {
  type: string;
  status: "True" | "False" | "Unknown";
  reason?: string;
  message?: string;
}

export interface ContainerStatus {
  name: string;
  ready?: boolean;
  /** The runtime's id of the container instance ("containerd://…"); a restart changes it. */
  containerID?: string;
  restartCount?: number;
  state?: {
    waiting?: { reason?: string; message?: string };
    running?: { startedAt?: string };
    terminated?: { exitCode: number; reason?: string; message?: string };
  };
}

/** core/v1 PodStatus fields a run reads. */
export interface LivePodStatus {
  /** Pending, Running, Succeeded, Failed, Unknown. */
  phase?: string;
  podIP?: string;
  podIPs?: { ip: string }[];
  reason?: string;
  message?: string;
  conditions?: PodCondition[];
  containerStatuses?: ContainerStatus[];
}

/** A pod as read from the cluster: the core's Pod plus the live metadata and status. */
export type LivePod = Omit<Pod, "metadata" | "status" | "spec"> & {
  metadata: LiveMeta & { namespace: string };
  spec?: Record<string, unknown> & NonNullable<Pod["spec"]>;
  status?: LivePodStatus;
};

/** A pod to create: any core/v1 Pod manifest (the probe pod builder makes them). */
export interface PodManifest {
  apiVersion: "v1";
  kind: "Pod";
  metadata: LiveMeta & { namespace: string };
  spec: Record<string, unknown>;
}

export interface ConfigMapObject {
  apiVersion?: "v1";
  kind?: "ConfigMap";
  metadata: LiveMeta & { namespace: string };
  data?: Record<string, string>;
}

/** What is deployed now, as the semantics engine and the probe plan read it. */
export interface LiveInventory {
  namespaces: (Namespace & { metadata: LiveMeta })[];
  pods: LivePod[];
  services: ServiceObject[];
  policies: NetworkPolicy[];
}

export type PodEvent =
  | { type: "ADDED" | "MODIFIED" | "DELETED"; pod: LivePod }
  /** The watch was re-established after a drop; the current state follows as ADDED events. */
  | { type: "RESYNC" };

export interface PodWatch {
  /** Stops the watch; resolves once the connection is closed. */
  stop(): Promise<void>;
}

/**
 * Which cluster a run acts on, as the Action's inputs and the CLI's options name it; absent
 * parts fall back to KUBECONFIG, ~/.kube/config, then the pod's service account.
 */
export interface ClusterTarget {
  /** An explicit kubeconfig path; wins over the environment. */
  kubeconfig?: string;
  /** The context to use; default the kubeconfig's current-context. */
  context?: string;
}

/** Which cluster the adapter talks to; no credential is ever part of it. */
export interface ClusterIdentity {
  /** The kubeconfig context name ("in-cluster" inside a pod). */
  context: string;
  /** The kubeconfig cluster entry's name. */
  cluster: string;
  /** The API server URL. */
  server: string;
  /** The kubeconfig user entry's name (a name, never its credentials). */
  user: string;
  inCluster: boolean;
}

export interface ListOptions {
  /** A label selector in the API's string form, e.g. "app.kubernetes.io/managed-by=netpol-rollout". */
  labelSelector?: string;
}

export interface DeleteOptions {
  /** Seconds the kubelet gives the containers; 0 kills at once. Default: the pod's own. */
  gracePeriodSeconds?: number;
  /** How dependents are collected; the API's default for core objects is Background. */
  propagationPolicy?: "Background" | "Foreground" | "Orphan";
  /** Delete only the object of this uid (a precondition): another of the name is left alone. */
  uid?: string;
}

/** The narrow cluster interface. Every method throws the typed errors below. */
export interface Cluster {
  identity(): ClusterIdentity;
  /** Namespaces, pods, services and NetworkPolicies; every namespace, or only those named. */
  inventory(namespaces?: readonly string[]): Promise<LiveInventory>;
  /** Pods of one namespace, or of every namespace when `namespace` is undefined. */
  listPods(namespace: string | undefined, options?: ListOptions): Promise<LivePod[]>;
  getPod(namespace: string, name: string): Promise<LivePod | undefined>;
  createPod(pod: PodManifest): Promise<LivePod>;
  /** Deletes a pod; a pod already gone is not an error (resolves false). */
  deletePod(namespace: string, name: string, options?: DeleteOptions): Promise<boolean>;
  /** The pod's log (one container: the first when `container` is undefined); "" when empty. */
  podLogs(namespace: string, name: string, container?: string): Promise<string>;
  /**
   * Watches pods: the current ones arrive as ADDED, then changes. A dropped connection is
   * re-established from the last resource version seen; when the server has compacted that
   * version (410 Gone), a RESYNC event is followed by the current pods as ADDED. `onError`
   * gets the error that ends the watch (after the bounded reconnections).
   */
  watchPods(
    namespace: string | undefined,
    options: ListOptions,
    onEvent: (event: PodEvent) => void,
    onError?: (error: Error) => void,
  ): Promise<PodWatch>;
  listConfigMaps(namespace: string | undefined, options?: ListOptions): Promise<ConfigMapObject[]>;
  getConfigMap(namespace: string, name: string): Promise<ConfigMapObject | undefined>;
  createConfigMap(configMap: ConfigMapObject): Promise<ConfigMapObject>;
  /**
   * Creates the ConfigMap, or replaces it when `metadata.resourceVersion` is set (optimistic
   * concurrency: a ConflictError when someone wrote it since it was read).
   */
  putConfigMap(configMap: ConfigMapObject): Promise<ConfigMapObject>;
  /** Deletes a ConfigMap; one already gone is not an error (resolves false). */
  deleteConfigMap(namespace: string, name: string, options?: DeleteOptions): Promise<boolean>;
  /**
   * Deletes a NetworkPolicy only at `resourceVersion` (a ConflictError when it changed since);
   * one already gone is not an error (resolves false).
   */
  deleteNetworkPolicy(namespace: string, name: string, resourceVersion: string): Promise<boolean>;
  /** Creates a NetworkPolicy (one already there after a retried create is not an error). */
  createNetworkPolicy(policy: NetworkPolicy): Promise<void>;
}

/** Base class of every cluster error; `status` is the HTTP status when there was a response. */
export class ClusterError extends Error {
  override name = "ClusterError";
  constructor(
    message: string,
    readonly operation: ClusterOperation,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * 403 from RBAC: the identity lacks `rule`. A 403 from admission (Pod Security, a
 * ValidatingAdmissionPolicy, a webhook) is an AdmissionError instead.
 */
export class ForbiddenError extends ClusterError {
  override name = "ForbiddenError";
  constructor(
    operation: ClusterOperation,
    /** The missing RBAC rule, see rbacRule. */
    readonly rule: string,
    serverMessage: string,
  ) {
    super(
      `forbidden: cannot ${describeOperation(operation)}; the identity needs ${rule}` +
        (serverMessage ? ` (API server: ${serverMessage})` : ""),
      operation,
      403,
    );
  }
}

/** The request reached admission and was refused (403 or 422 with the admission's message). */
export class AdmissionError extends ClusterError {
  override name = "AdmissionError";
  constructor(
    operation: ClusterOperation,
    status: number,
    readonly serverMessage: string,
  ) {
    super(`refused: ${describeOperation(operation)}: ${serverMessage}`, operation, status);
  }
}

export class NotFoundError extends ClusterError {
  override name = "NotFoundError";
  constructor(operation: ClusterOperation, serverMessage: string) {
    super(`not found: ${describeOperation(operation)}: ${serverMessage}`, operation, 404);
  }
}

/** 409: the object already exists (reason AlreadyExists) or changed since it was read (Conflict). */
export class ConflictError extends ClusterError {
  override name = "ConflictError";
  constructor(
    operation: ClusterOperation,
    readonly reason: "AlreadyExists" | "Conflict",
    serverMessage: string,
  ) {
    super(
      `${reason === "AlreadyExists" ? "already exists" : "conflict"}: ${describeOperation(operation)}: ${serverMessage}`,
      operation,
      409,
    );
  }
}

/** 429 still returned after the bounded retries. */
export class ThrottledError extends ClusterError {
  override name = "ThrottledError";
  constructor(
    operation: ClusterOperation,
    readonly attempts: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(
      `throttled: ${describeOperation(operation)}: the API server answered 429 Too Many Requests ${attempts} times` +
        (retryAfterSeconds !== undefined ? ` (last Retry-After: ${retryAfterSeconds}s)` : ""),
      operation,
      429,
    );
  }
}

/** 5xx, a timeout or a connection failure, still so after the bounded retries. */
export class UnavailableError extends ClusterError {
  override name = "UnavailableError";
  constructor(
    operation: ClusterOperation,
    readonly attempts: number,
    detail: string,
    status?: number,
  ) {
    super(
      `API server unavailable: ${describeOperation(operation)}: ${detail} (after ${attempts} attempts)`,
      operation,
      status,
    );
  }
}

/** Any other refusal (400, 401, 422 validation…), with the server's message. */
export class RequestError extends ClusterError {
  override name = "RequestError";
}

/** The kubeconfig could not be read or names no usable context. Never quotes the file. */
export class KubeconfigError extends Error {
  override name = "KubeconfigError";
}
