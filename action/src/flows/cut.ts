/**
 * For the deploy's pre-flight: the observed traffic that enforcing a bundle would cut. A
 * namespace's first default-deny is the moment undeclared traffic stops; this lists the
 * flows that go through today and that the bundle, enforced, blocks at a namespace whose
 * default-deny is new, with the isolation that blocks each.
 */
import type { CniProfile } from "../cni/profiles.js";
import type { CompiledBundle } from "../compile/types.js";
import type { ContainerPort, Namespace } from "../k8s/types.js";
import { policiesOfBundle } from "../semantics/diff.js";
import type { CiliumPolicyInput, PolicyInput } from "../semantics/model.js";
import { explainVerdict } from "../semantics/explain.js";
import type { Verdict } from "../semantics/evaluate.js";
import { judgeFlows } from "./judge.js";
import type { Endpoint } from "./endpoints.js";
import type { ObservedFlow } from "./summary.js";
import { wentThrough } from "./gap.js";

export interface CutFlow {
  flow: ObservedFlow;
  verdict: Verdict;
  /** The namespaces whose new isolation blocks it (source's egress, destination's ingress). */
  namespaces: string[];
  /** One line: the isolation that blocks it. */
  explanation: string;
}

export interface CutInput {
  /** Observed flows (a FlowSummary's `flows`). */
  flows: readonly ObservedFlow[];
  /** The bundle about to be enforced, default-deny objects included. */
  bundle: CompiledBundle;
  profile: CniProfile;
  /** Namespaces whose default-deny this enforcement adds (none before it). */
  firstDeny: readonly string[];
  /** Namespace objects as the cluster labels them, when known. */
  namespaces?: Namespace[];
  /** Policies in force beside the bundle (a cluster's own, which the deploy leaves alone). */
  alsoInForce?: { policies: PolicyInput[]; ciliumPolicies: CiliumPolicyInput[] };
  /** Container ports of a pod side, for policies that name ports. */
  portsOf?: (endpoint: Endpoint) => ContainerPort[];
  /** Where a node's traffic comes from when a record gives no address. */
  nodeAddress?: string;
}

/**
 * The observed flows the first default-deny of `firstDeny` would cut: they go through today,
 * and under the enforced bundle they are blocked at the egress of a pod or the ingress of a
 * pod in one of those namespaces. Empty when nothing observed would stop.
 */
export function flowsCutByFirstDeny(input: CutInput): CutFlow[] {
  const first = new Set(input.firstDeny);
  const { policies, ciliumPolicies } = policiesOfBundle(input.bundle);
  const { judged } = judgeFlows({
    flows: input.flows.filter(wentThrough),
    policies: [...(input.alsoInForce?.policies ?? []), ...policies],
    ciliumPolicies: [...(input.alsoInForce?.ciliumPolicies ?? []), ...ciliumPolicies],
    profile: input.profile,
    ...(input.namespaces ? { namespaces: input.namespaces } : {}),
    ...(input.portsOf ? { portsOf: input.portsOf } : {}),
    ...(input.nodeAddress !== undefined ? { nodeAddress: input.nodeAddress } : {}),
  });
  const cut: CutFlow[] = [];
  for (const { flow, verdict } of judged) {
    if (!verdict || verdict.allowed) continue;
    const namespaces: string[] = [];
    if (!verdict.egress.allowed && flow.from.side.kind === "pod" && first.has(flow.from.side.namespace))
      namespaces.push(flow.from.side.namespace);
    if (!verdict.ingress.allowed && flow.to.side.kind === "pod" && first.has(flow.to.side.namespace))
      namespaces.push(flow.to.side.namespace);
    if (namespaces.length === 0) continue;
    cut.push({ flow, verdict, namespaces: [...new Set(namespaces)], explanation: explainVerdict(verdict) });
  }
  return cut;
}
