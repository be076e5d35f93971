/**
 * The verdict types of the analysis: what was decided for a connection and why, direction
 * by direction. Data only, shared by the model (which caches direction verdicts) and the
 * evaluator (which builds them).
 */
import type { Protocol } from "../k8s/types.js";
import type { SourceRef } from "../intent/model.js";
import type { RuleRef } from "./contracts.js";
import type { Reachability } from "./reachability.js";

export interface PolicyRef {
  namespace: string;
  name: string;
  source?: SourceRef;
}

/**
 * external: the side is outside the cluster, nothing is enforced there;
 * not-isolated: no policy selects the pod for this direction;
 * allowed: isolated, and at least one rule matched;
 * denied: isolated, and no rule matched.
 */
export type DirectionOutcome = "external" | "not-isolated" | "allowed" | "denied";

export interface DirectionVerdict {
  direction: "ingress" | "egress";
  outcome: DirectionOutcome;
  allowed: boolean;
  /** Every rule that matched (policy order, then rule order). */
  allowedBy: RuleRef[];
  /** The policies that isolate the pod in this direction. */
  isolatedBy: PolicyRef[];
  /**
   * CNI-dependent behaviour the outcome rests on, quoted from the profile: none when a rule
   * allows on every CNI and none where no policy isolates; never another connection's.
   */
  notes: string[];
}

export interface Verdict {
  /** "namespace/pod" or an IP address. */
  from: string;
  to: string;
  port: number;
  protocol: Protocol;
  allowed: boolean;
  egress: DirectionVerdict;
  ingress: DirectionVerdict;
  notes: string[];
}

/** A verdict as the three-valued reachability term: the analysis always decides, so never `cannot-check`. */
export function reachabilityOf(verdict: { allowed: boolean }): Reachability {
  return verdict.allowed ? "allowed" : "blocked";
}
