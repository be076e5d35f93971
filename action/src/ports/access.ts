/**
 * What the pre-flight asks the API server before a run changes anything: whether the
 * identity may do each thing the run needs (SelfSubjectAccessReview: the authorizer's own
 * answer, unlike SelfSubjectRulesReview, which may leave rules out), who the identity is
 * (SelfSubjectReview), and whether admission, Pod Security and quota accept the objects the
 * run will create (a server-side dry run: judged, never stored). The adapter over
 * `@kubernetes/client-node` is adapters/kubernetes/access.ts; failures are the cluster
 * port's typed errors.
 */
import type { ConfigMapObject, LivePod, PodManifest } from "./cluster.js";

/** One request the identity may or may not make (SelfSubjectAccessReview's resourceAttributes). */
export interface AccessQuestion {
  verb: string;
  /** "" for the core group. */
  group: string;
  resource: string;
  subresource?: string;
  /** Absent: cluster-wide (every namespace, for a namespaced resource). */
  namespace?: string;
  name?: string;
}

export interface AccessAnswer {
  allowed: boolean;
  /** The authorizer's reason, when it gave one. */
  reason?: string;
}

export interface AccessReviewer {
  review(question: AccessQuestion): Promise<AccessAnswer>;
  /** The identity's username as the API server authenticates it; undefined when it cannot say. */
  whoAmI(): Promise<string | undefined>;
  /** Creates nothing: admission, Pod Security and quota judge the object (dryRun=All). */
  dryRunCreateConfigMap(configMap: ConfigMapObject): Promise<ConfigMapObject>;
  dryRunCreatePod(pod: PodManifest): Promise<LivePod>;
}
