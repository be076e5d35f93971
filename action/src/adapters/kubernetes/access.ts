/**
 * The access port over `@kubernetes/client-node`: SelfSubjectAccessReview and
 * SelfSubjectReview (every authenticated identity may create both), and creates with
 * dryRun=All. Same timeouts and bounded retries as the cluster adapter.
 */
import {
  AuthenticationV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  type KubeConfig,
  type V1ConfigMap,
  type V1Pod,
} from "@kubernetes/client-node";
import { ObjectSerializer } from "@kubernetes/client-node/dist/serializer.js";
import type { AccessAnswer, AccessQuestion, AccessReviewer } from "../../ports/access.js";
import type { ConfigMapObject, LivePod, PodManifest } from "../../ports/cluster.js";
import type { ClusterOperation } from "../../k8s/operation.js";
import { defaultRetryPolicy, withRetries, type RetryPolicy } from "./calls.js";
import { apiConfiguration, type KubeClusterOptions } from "./cluster.js";

const DRY_RUN = "All";

export class KubeAccessReviewer implements AccessReviewer {
  private readonly authorization: AuthorizationV1Api;
  private readonly authentication: AuthenticationV1Api;
  private readonly core: CoreV1Api;
  private readonly retry: RetryPolicy;

  constructor(kc: KubeConfig, options: KubeClusterOptions = {}) {
    const configuration = apiConfiguration(kc, options.timeoutMs ?? 30_000);
    this.authorization = new AuthorizationV1Api(configuration);
    this.authentication = new AuthenticationV1Api(configuration);
    this.core = new CoreV1Api(configuration);
    this.retry = { ...defaultRetryPolicy, ...options.retry };
  }

  async review(question: AccessQuestion): Promise<AccessAnswer> {
    const op: ClusterOperation = {
      verb: "create",
      group: "authorization.k8s.io",
      resource: "selfsubjectaccessreviews",
    };
    const review = await withRetries(op, this.retry, () =>
      this.authorization.createSelfSubjectAccessReview({
        body: {
          apiVersion: "authorization.k8s.io/v1",
          kind: "SelfSubjectAccessReview",
          spec: {
            resourceAttributes: {
              verb: question.verb,
              group: question.group,
              resource: question.resource,
              ...(question.subresource ? { subresource: question.subresource } : {}),
              ...(question.namespace ? { namespace: question.namespace } : {}),
              ...(question.name ? { name: question.name } : {}),
            },
          },
        },
      }),
    );
    const status = review.status;
    return {
      allowed: status?.allowed === true && status.denied !== true,
      ...(status?.reason ? { reason: status.reason } : {}),
    };
  }

  async whoAmI(): Promise<string | undefined> {
    const op: ClusterOperation = {
      verb: "create",
      group: "authentication.k8s.io",
      resource: "selfsubjectreviews",
    };
    try {
      const review = await withRetries(op, this.retry, () =>
        this.authentication.createSelfSubjectReview({
          body: { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" },
        }),
      );
      return review.status?.userInfo?.username || undefined;
    } catch {
      // Only a name for messages: an API server without the endpoint answers the reviews all the same.
      return undefined;
    }
  }

  async dryRunCreateConfigMap(configMap: ConfigMapObject): Promise<ConfigMapObject> {
    const { namespace, name } = configMap.metadata;
    const op: ClusterOperation = { verb: "create", group: "", resource: "configmaps", namespace, name };
    const body = { apiVersion: "v1", kind: "ConfigMap", ...configMap } as V1ConfigMap;
    const created = await withRetries(op, this.retry, () =>
      this.core.createNamespacedConfigMap({ namespace, body, dryRun: DRY_RUN }),
    );
    return plain<ConfigMapObject>(created, "V1ConfigMap");
  }

  async dryRunCreatePod(pod: PodManifest): Promise<LivePod> {
    const { namespace, name } = pod.metadata;
    const op: ClusterOperation = { verb: "create", group: "", resource: "pods", namespace, name };
    const created = await withRetries(op, this.retry, () =>
      this.core.createNamespacedPod({ namespace, body: pod as unknown as V1Pod, dryRun: DRY_RUN }),
    );
    return plain<LivePod>(created, "V1Pod");
  }
}

function plain<T>(value: unknown, type: string): T {
  return JSON.parse(JSON.stringify(ObjectSerializer.serialize(value, type))) as T;
}
