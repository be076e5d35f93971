/**
 * What the compiler produces for one environment: plain Kubernetes objects, each tagged
 * with its rollout stage and the intent lines it came from.
 */
import type { PolicyObject } from "../k8s/types.js";
import type { SourceRef } from "../intent/model.js";
import type { CniProfileName } from "../cni/profiles.js";

/**
 * allow: DNS and service policies, applied first and removed last;
 * deny: the namespace default-deny, applied last and removed first.
 */
export type RolloutStage = "allow" | "deny";

export interface CompiledObject {
  stage: RolloutStage;
  manifest: PolicyObject;
  /** The intent declarations that produced this object. */
  origins: SourceRef[];
  /**
   * The intent declarations behind each rule, index-aligned with `spec.ingress` and
   * `spec.egress` (for a CiliumNetworkPolicy, its `spec.egress`): the flows a rule allows,
   * or the key that causes a built-in rule (`dns:` or the namespace for DNS, `nodeCidrs:` for
   * kubelet health checks). Absent on objects
   * without rules (default-deny) and on bundles recorded before it existed.
   */
  ruleOrigins?: { ingress: SourceRef[][]; egress: SourceRef[][] };
}

export interface CompiledBundle {
  environment: string;
  cni: CniProfileName;
  /** How the dataplane denies, when the intent declares it (`denials:`); else the profile's. */
  denials?: "drop" | "reject";
  /** Deterministic order: by namespace, then stage (allow before deny), then name. */
  objects: CompiledObject[];
}

export const MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
export const MANAGED_BY_VALUE = "netpol-rollout";
export const ENVIRONMENT_LABEL = "netpol-rollout.io/environment";
export const STAGE_LABEL = "netpol-rollout.io/stage";
export const SOURCE_ANNOTATION = "netpol-rollout.io/source";
