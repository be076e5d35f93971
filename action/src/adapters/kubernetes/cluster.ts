/**
 * The cluster port over `@kubernetes/client-node`: every call has a timeout and bounded
 * retries (calls.ts), lists are paged, and objects come back as plain JSON.
 */
import {
  ApiException,
  CoreV1Api,
  NetworkingV1Api,
  ServerConfiguration,
  Watch,
  createConfiguration,
  type Configuration,
  type KubeConfig,
  type V1ConfigMap,
  type V1DeleteOptions,
  type V1NetworkPolicy,
  type V1Pod,
} from "@kubernetes/client-node";
import {
  ConflictError,
  NotFoundError,
  UnavailableError,
  type Cluster,
  type ClusterIdentity,
  type ClusterTarget,
  type ConfigMapObject,
  type DeleteOptions,
  type ListOptions,
  type LiveInventory,
  type LivePod,
  type PodEvent,
  type PodManifest,
  type PodWatch,
} from "../../ports/cluster.js";
import type { ClusterOperation } from "../../k8s/operation.js";
import type { Namespace, NetworkPolicy, ServiceObject } from "../../k8s/types.js";
// The client's own (de)serializer, not re-exported by its index; it maps model field names to the API's.
import { ObjectSerializer } from "@kubernetes/client-node/dist/serializer.js";
import { classify, defaultRetryPolicy, withRetries, type RetryPolicy } from "./calls.js";
import { loadKubeConfig, resolveKubeSource, type KubeSource } from "./config.js";
import { systemClock } from "../clock.js";

export interface KubeClusterOptions {
  /** Per request. Default 30 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Items per page of a list. Default 500. */
  pageSize?: number;
}

/**
 * The API's JSON of a client object: field names as the API spells them (the client's
 * models rename some, e.g. a NetworkPolicy rule's `from` is `_from`), Dates as RFC 3339
 * strings, class instances plain. `type` is the client's model name, e.g. "V1NetworkPolicy".
 */
function plain<T>(value: unknown, type: string): T {
  return JSON.parse(JSON.stringify(ObjectSerializer.serialize(value, type))) as T;
}

/** The same for a list's items. */
function plainList<T>(value: unknown, type: string): T[] {
  return plain<T[]>(value, `Array<${type}>`);
}

/** The generated clients' configuration: the kubeconfig's current cluster, every request bounded by `timeoutMs`. */
export function apiConfiguration(kc: KubeConfig, timeoutMs: number): Configuration {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error("the kubeconfig has no current cluster");
  return createConfiguration({
    baseServer: new ServerConfiguration(cluster.server, {}),
    authMethods: { default: kc },
    promiseMiddleware: [
      {
        // Every request ends by its deadline; a hung API server is retried, then reported.
        pre: (ctx) => {
          ctx.setSignal(AbortSignal.timeout(timeoutMs));
          return Promise.resolve(ctx);
        },
        post: (ctx) => Promise.resolve(ctx),
      },
    ],
  });
}

const CORE = "";
const NETWORKING = "networking.k8s.io";

export class KubeCluster implements Cluster {
  private readonly core: CoreV1Api;
  private readonly networking: NetworkingV1Api;
  private readonly retry: RetryPolicy;
  private readonly pageSize: number;

  constructor(
    private readonly kc: KubeConfig,
    private readonly id: ClusterIdentity,
    options: KubeClusterOptions = {},
  ) {
    const configuration = apiConfiguration(kc, options.timeoutMs ?? 30_000);
    this.core = new CoreV1Api(configuration);
    this.networking = new NetworkingV1Api(configuration);
    this.retry = { ...defaultRetryPolicy, ...options.retry };
    this.pageSize = options.pageSize ?? 500;
  }

  identity(): ClusterIdentity {
    return { ...this.id };
  }

  private call<T>(op: ClusterOperation, fn: (attempt: number) => Promise<T>): Promise<T> {
    return withRetries(op, this.retry, fn);
  }

  /** Reads every page of a list. */
  private async paged<I>(
    op: ClusterOperation,
    list: (
      cont: string | undefined,
      limit: number,
    ) => Promise<{ items: I[]; metadata?: { _continue?: string; resourceVersion?: string } }>,
  ): Promise<{ items: I[]; resourceVersion?: string }> {
    const items: I[] = [];
    let cont: string | undefined;
    let resourceVersion: string | undefined;
    do {
      const page = await this.call(op, () => list(cont, this.pageSize));
      items.push(...page.items);
      cont = page.metadata?._continue || undefined;
      resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
    } while (cont);
    return { items, ...(resourceVersion ? { resourceVersion } : {}) };
  }

  async inventory(namespaces?: readonly string[]): Promise<LiveInventory> {
    if (!namespaces) {
      const [ns, pods, services, policies] = await Promise.all([
        this.paged({ verb: "list", group: CORE, resource: "namespaces" }, (c, limit) =>
          this.core.listNamespace({ limit, ...(c ? { _continue: c } : {}) }),
        ),
        this.listPods(undefined),
        this.paged({ verb: "list", group: CORE, resource: "services" }, (c, limit) =>
          this.core.listServiceForAllNamespaces({ limit, ...(c ? { _continue: c } : {}) }),
        ),
        this.paged({ verb: "list", group: NETWORKING, resource: "networkpolicies" }, (c, limit) =>
          this.networking.listNetworkPolicyForAllNamespaces({ limit, ...(c ? { _continue: c } : {}) }),
        ),
      ]);
      return {
        namespaces: plainList<Namespace>(ns.items, "V1Namespace"),
        pods,
        services: plainList<ServiceObject>(services.items, "V1Service"),
        policies: plainList<NetworkPolicy>(policies.items, "V1NetworkPolicy").map(withKind),
      };
    }
    const parts = await Promise.all(
      namespaces.map(async (namespace) => {
        const ns = await this.call(
          { verb: "get", group: CORE, resource: "namespaces", name: namespace },
          () => this.core.readNamespace({ name: namespace }),
        ).catch((e: unknown) => (e instanceof NotFoundError ? undefined : Promise.reject(e)));
        if (!ns) return undefined;
        const [pods, services, policies] = await Promise.all([
          this.listPods(namespace),
          this.paged({ verb: "list", group: CORE, resource: "services", namespace }, (c, limit) =>
            this.core.listNamespacedService({ namespace, limit, ...(c ? { _continue: c } : {}) }),
          ),
          this.paged(
            { verb: "list", group: NETWORKING, resource: "networkpolicies", namespace },
            (c, limit) =>
              this.networking.listNamespacedNetworkPolicy({
                namespace,
                limit,
                ...(c ? { _continue: c } : {}),
              }),
          ),
        ]);
        return {
          ns: plain<Namespace>(ns, "V1Namespace"),
          pods,
          services: plainList<ServiceObject>(services.items, "V1Service"),
          policies: plainList<NetworkPolicy>(policies.items, "V1NetworkPolicy"),
        };
      }),
    );
    const found = parts.filter((p) => p !== undefined);
    return {
      namespaces: found.map((p) => p.ns),
      pods: found.flatMap((p) => p.pods),
      services: found.flatMap((p) => p.services),
      policies: found.flatMap((p) => p.policies).map(withKind),
    };
  }

  async listPods(namespace: string | undefined, options: ListOptions = {}): Promise<LivePod[]> {
    return (await this.listPodsAt(namespace, options)).pods;
  }

  private async listPodsAt(
    namespace: string | undefined,
    options: ListOptions,
  ): Promise<{ pods: LivePod[]; resourceVersion?: string }> {
    const selector = options.labelSelector ? { labelSelector: options.labelSelector } : {};
    const op: ClusterOperation = {
      verb: "list",
      group: CORE,
      resource: "pods",
      ...(namespace ? { namespace } : {}),
    };
    const r = await this.paged(op, (c, limit) =>
      namespace
        ? this.core.listNamespacedPod({ namespace, limit, ...selector, ...(c ? { _continue: c } : {}) })
        : this.core.listPodForAllNamespaces({ limit, ...selector, ...(c ? { _continue: c } : {}) }),
    );
    return {
      pods: plainList<LivePod>(r.items, "V1Pod"),
      ...(r.resourceVersion ? { resourceVersion: r.resourceVersion } : {}),
    };
  }

  async getPod(namespace: string, name: string): Promise<LivePod | undefined> {
    try {
      const pod = await this.call({ verb: "get", group: CORE, resource: "pods", namespace, name }, () =>
        this.core.readNamespacedPod({ namespace, name }),
      );
      return plain<LivePod>(pod, "V1Pod");
    } catch (e) {
      if (e instanceof NotFoundError) return undefined;
      throw e;
    }
  }

  async createPod(pod: PodManifest): Promise<LivePod> {
    const { namespace, name } = pod.metadata;
    const op: ClusterOperation = { verb: "create", group: CORE, resource: "pods", namespace, name };
    return plain<LivePod>(
      await this.createOnce(
        op,
        () => this.core.createNamespacedPod({ namespace, body: pod as unknown as V1Pod }),
        () => this.core.readNamespacedPod({ namespace, name }),
      ),
      "V1Pod",
    );
  }

  /**
   * A create retried after a 5xx or a timeout may have succeeded the first time: an
   * AlreadyExists on a later attempt returns the object (names of a run are unique).
   */
  private async createOnce<T>(
    op: ClusterOperation,
    create: () => Promise<T>,
    read: () => Promise<T>,
  ): Promise<T> {
    let retried = false;
    try {
      return await this.call(op, (attempt) => {
        retried = attempt > 1;
        return create();
      });
    } catch (e) {
      if (retried && e instanceof ConflictError && e.reason === "AlreadyExists") {
        return this.call({ ...op, verb: "get" }, read);
      }
      throw e;
    }
  }

  async deletePod(namespace: string, name: string, options: DeleteOptions = {}): Promise<boolean> {
    return this.deleted(
      this.call({ verb: "delete", group: CORE, resource: "pods", namespace, name }, () =>
        this.core.deleteNamespacedPod({ namespace, name, ...deleteParams(options) }),
      ),
      options,
    );
  }

  /** Whether it was deleted: not when there was none, nor (given a uid) none of that uid. */
  private async deleted(p: Promise<unknown>, options: DeleteOptions = {}): Promise<boolean> {
    try {
      await p;
      return true;
    } catch (e) {
      if (e instanceof NotFoundError) return false;
      if (options.uid !== undefined && e instanceof ConflictError && e.reason === "Conflict") return false;
      throw e;
    }
  }

  async deleteNetworkPolicy(namespace: string, name: string, resourceVersion: string): Promise<boolean> {
    return this.deleted(
      this.call({ verb: "delete", group: NETWORKING, resource: "networkpolicies", namespace, name }, () =>
        this.networking.deleteNamespacedNetworkPolicy({
          namespace,
          name,
          body: { preconditions: { resourceVersion } },
        }),
      ),
    );
  }

  async createNetworkPolicy(policy: NetworkPolicy): Promise<void> {
    const namespace = policy.metadata.namespace ?? "default";
    const name = policy.metadata.name;
    // The client's model spells a rule's `from` as `_from`: the API's JSON goes through it.
    const body = ObjectSerializer.deserialize(policy, "V1NetworkPolicy") as V1NetworkPolicy;
    await this.createOnce(
      { verb: "create", group: NETWORKING, resource: "networkpolicies", namespace, name },
      () => this.networking.createNamespacedNetworkPolicy({ namespace, body }),
      () => this.networking.readNamespacedNetworkPolicy({ namespace, name }),
    );
  }

  async podLogs(namespace: string, name: string, container?: string): Promise<string> {
    const text = await this.call({ verb: "get", group: CORE, resource: "pods/log", namespace, name }, () =>
      this.core.readNamespacedPodLog({ namespace, name, ...(container ? { container } : {}) }),
    );
    return typeof text === "string" ? text : "";
  }

  async watchPods(
    namespace: string | undefined,
    options: ListOptions,
    onEvent: (event: PodEvent) => void,
    onError: (error: Error) => void = () => undefined,
  ): Promise<PodWatch> {
    const path = namespace ? `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods` : "/api/v1/pods";
    const op: ClusterOperation = {
      verb: "watch",
      group: CORE,
      resource: "pods",
      ...(namespace ? { namespace } : {}),
    };
    const watch = new Watch(this.kc);
    let stopped = false;
    let controller: AbortController | undefined;
    let resourceVersion: string | undefined;
    let failures = 0;
    let finished: () => void = () => undefined;
    const closed = new Promise<void>((r) => (finished = r));

    const relist = async (resync: boolean) => {
      const listed = await this.listPodsAt(namespace, options);
      if (resync) onEvent({ type: "RESYNC" });
      for (const pod of listed.pods) onEvent({ type: "ADDED", pod });
      resourceVersion = listed.resourceVersion;
    };
    const fail = (e: Error) => {
      stopped = true;
      finished();
      onError(e);
    };

    const start = async (): Promise<void> => {
      let gone = false;
      let events = 0;
      const opened = Date.now();
      controller = await watch.watch(
        path,
        {
          ...(options.labelSelector ? { labelSelector: options.labelSelector } : {}),
          ...(resourceVersion ? { resourceVersion } : {}),
          allowWatchBookmarks: true,
        },
        (type: string, object: unknown) => {
          const obj = object as LivePod & { code?: number };
          if (type === "ERROR") {
            // 410 Gone: the resource version was compacted; list again.
            gone = obj.code === 410;
            return;
          }
          events++;
          const rv = obj.metadata?.resourceVersion;
          if (rv) resourceVersion = rv;
          if (type === "ADDED" || type === "MODIFIED" || type === "DELETED") onEvent({ type, pod: obj });
        },
        (err: unknown) => {
          if (stopped) {
            finished();
            return;
          }
          // The server ends watches (timeouts, restarts) and connections drop: re-establish
          // from the last version seen. Failing or empty short-lived watches count toward a bound.
          const status = (err as { statusCode?: number } | null)?.statusCode;
          if (status === 410) gone = true;
          if (err || (events === 0 && Date.now() - opened < 1000)) failures++;
          else failures = 0;
          if (failures > this.retry.attempts) {
            fail(new UnavailableError(op, failures, status ? `HTTP ${status}` : "the watch keeps closing"));
            return;
          }
          const wait =
            failures === 0
              ? 0
              : Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (failures - 1));
          void this.retry
            .sleep(wait)
            .then(async () => {
              if (stopped) return finished();
              if (gone) await relist(true);
              return start();
            })
            .catch((e: unknown) => fail(classify(op, e)));
        },
      );
    };

    await relist(false);
    await start();
    return {
      stop: async () => {
        if (stopped) return;
        stopped = true;
        controller?.abort();
        // The watch's end, or a second at most; the wait's timer goes either way.
        const waited = new AbortController();
        await Promise.race([closed, systemClock.sleep(1000, waited.signal)]);
        waited.abort();
      },
    };
  }

  async listConfigMaps(namespace: string | undefined, options: ListOptions = {}): Promise<ConfigMapObject[]> {
    const selector = options.labelSelector ? { labelSelector: options.labelSelector } : {};
    const op: ClusterOperation = {
      verb: "list",
      group: CORE,
      resource: "configmaps",
      ...(namespace ? { namespace } : {}),
    };
    const r = await this.paged(op, (c, limit) =>
      namespace
        ? this.core.listNamespacedConfigMap({ namespace, limit, ...selector, ...(c ? { _continue: c } : {}) })
        : this.core.listConfigMapForAllNamespaces({ limit, ...selector, ...(c ? { _continue: c } : {}) }),
    );
    return plainList<ConfigMapObject>(r.items, "V1ConfigMap");
  }

  async getConfigMap(namespace: string, name: string): Promise<ConfigMapObject | undefined> {
    try {
      return plain<ConfigMapObject>(
        await this.call({ verb: "get", group: CORE, resource: "configmaps", namespace, name }, () =>
          this.core.readNamespacedConfigMap({ namespace, name }),
        ),
        "V1ConfigMap",
      );
    } catch (e) {
      if (e instanceof NotFoundError) return undefined;
      throw e;
    }
  }

  async createConfigMap(configMap: ConfigMapObject): Promise<ConfigMapObject> {
    const { namespace, name } = configMap.metadata;
    const body = { apiVersion: "v1", kind: "ConfigMap", ...configMap } as V1ConfigMap;
    return plain<ConfigMapObject>(
      await this.createOnce(
        { verb: "create", group: CORE, resource: "configmaps", namespace, name },
        () => this.core.createNamespacedConfigMap({ namespace, body }),
        () => this.core.readNamespacedConfigMap({ namespace, name }),
      ),
      "V1ConfigMap",
    );
  }

  async putConfigMap(configMap: ConfigMapObject): Promise<ConfigMapObject> {
    const { namespace, name } = configMap.metadata;
    if (!configMap.metadata.resourceVersion) {
      // A create: a retry that finds it existing must not overwrite someone else's write.
      return plain<ConfigMapObject>(
        await this.call({ verb: "create", group: CORE, resource: "configmaps", namespace, name }, () =>
          this.core.createNamespacedConfigMap({
            namespace,
            body: { apiVersion: "v1", kind: "ConfigMap", ...configMap } as V1ConfigMap,
          }),
        ),
        "V1ConfigMap",
      );
    }
    const body = { apiVersion: "v1", kind: "ConfigMap", ...configMap } as V1ConfigMap;
    return plain<ConfigMapObject>(
      await this.call({ verb: "update", group: CORE, resource: "configmaps", namespace, name }, () =>
        this.core.replaceNamespacedConfigMap({ namespace, name, body }),
      ),
      "V1ConfigMap",
    );
  }

  async deleteConfigMap(namespace: string, name: string, options: DeleteOptions = {}): Promise<boolean> {
    return this.deleted(
      this.call({ verb: "delete", group: CORE, resource: "configmaps", namespace, name }, () =>
        this.core.deleteNamespacedConfigMap({ namespace, name, ...deleteParams(options) }),
      ),
      options,
    );
  }
}

/**
 * DeleteOptions as query parameters, or, with a uid precondition, all in the body: the API
 * server reads a DELETE's options from its body when it has one and then ignores the query.
 */
function deleteParams(options: DeleteOptions): {
  gracePeriodSeconds?: number;
  propagationPolicy?: string;
  body?: V1DeleteOptions;
} {
  const params = {
    ...(options.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: options.gracePeriodSeconds } : {}),
    ...(options.propagationPolicy ? { propagationPolicy: options.propagationPolicy } : {}),
  };
  return options.uid === undefined ? params : { body: { ...params, preconditions: { uid: options.uid } } };
}

/** List items carry no apiVersion/kind; the core's types expect them on a NetworkPolicy. */
function withKind(p: NetworkPolicy): NetworkPolicy {
  return { ...p, apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy" };
}

/** The factory: resolves where credentials come from, loads them, and connects. */
export function createCluster(
  source: ClusterTarget & { env: Readonly<Record<string, string | undefined>>; home?: string },
  options: KubeClusterOptions = {},
): KubeCluster {
  const resolved: KubeSource = resolveKubeSource(source, source.env, source.home);
  const { config, identity } = loadKubeConfig(resolved);
  return new KubeCluster(config, identity, options);
}

export { ApiException };
