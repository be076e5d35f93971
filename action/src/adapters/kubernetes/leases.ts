/**
 * The Lease calls of the run lock over `@kubernetes/client-node` (coordination.k8s.io/v1):
 * get, create and replace at a resourceVersion, with the cluster adapter's timeout, bounded
 * retries and typed errors.
 */
import { CoordinationV1Api, type KubeConfig, type V1Lease } from "@kubernetes/client-node";
// The client's own (de)serializer, not re-exported by its index; it maps model field names to the API's.
import { ObjectSerializer } from "@kubernetes/client-node/dist/serializer.js";
import { NotFoundError } from "../../ports/cluster.js";
import { type ClusterOperation } from "../../k8s/operation.js";
import type { LeaseClient, LeaseObject } from "../../ports/lock.js";
import { defaultRetryPolicy, withRetries, type RetryPolicy } from "./calls.js";
import { apiConfiguration, type KubeClusterOptions } from "./cluster.js";

const GROUP = "coordination.k8s.io";

export class KubeLeases implements LeaseClient {
  private readonly api: CoordinationV1Api;
  private readonly retry: RetryPolicy;

  constructor(kc: KubeConfig, options: Pick<KubeClusterOptions, "timeoutMs" | "retry"> = {}) {
    this.api = new CoordinationV1Api(apiConfiguration(kc, options.timeoutMs ?? 30_000));
    this.retry = { ...defaultRetryPolicy, ...options.retry };
  }

  private op(verb: string, namespace: string, name: string): ClusterOperation {
    return { verb, group: GROUP, resource: "leases", namespace, name };
  }

  async get(namespace: string, name: string): Promise<LeaseObject | undefined> {
    try {
      return plain(
        await withRetries(this.op("get", namespace, name), this.retry, () =>
          this.api.readNamespacedLease({ namespace, name }),
        ),
      );
    } catch (e) {
      if (e instanceof NotFoundError) return undefined;
      throw e;
    }
  }

  /**
   * Not retried as a whole: a create whose answer was lost and that is sent again meets
   * AlreadyExists, which the lock reads by getting the Lease (the holder tells whose it is).
   */
  async create(lease: LeaseObject): Promise<LeaseObject> {
    const { namespace, name } = lease.metadata;
    return plain(
      await withRetries(this.op("create", namespace, name), this.retry, () =>
        this.api.createNamespacedLease({ namespace, body: body(lease) }),
      ),
    );
  }

  /**
   * A replace sent again after a lost answer meets Conflict (its own first write moved the
   * resourceVersion on); the lock re-reads the Lease and sees itself as the holder.
   */
  async replace(lease: LeaseObject): Promise<LeaseObject> {
    const { namespace, name, resourceVersion } = lease.metadata;
    if (!resourceVersion) throw new Error("internal: a Lease is only replaced at a resourceVersion");
    return plain(
      await withRetries(this.op("update", namespace, name), this.retry, () =>
        this.api.replaceNamespacedLease({ namespace, name, body: body(lease) }),
      ),
    );
  }
}

/** MicroTime fields go out as the strings they are (the client passes unknown types through). */
function body(lease: LeaseObject): V1Lease {
  return { ...lease, apiVersion: "coordination.k8s.io/v1", kind: "Lease" } as V1Lease;
}

function plain(lease: V1Lease): LeaseObject {
  return JSON.parse(JSON.stringify(ObjectSerializer.serialize(lease, "V1Lease"))) as LeaseObject;
}
