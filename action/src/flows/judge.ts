/**
 * Observed flows judged by the semantics engine against a set of policies: each distinct pod
 * side becomes one stand-in pod (its namespace and labels, and the container ports a policy
 * may name), addresses stay addresses, and every verdict carries the rule that allows it or
 * the isolation that denies it.
 */
import type { CniProfile } from "../cni/profiles.js";
import type { ContainerPort, Namespace, Pod } from "../k8s/types.js";
import { buildModel, type CiliumPolicyInput, type Model, type PolicyInput } from "../semantics/model.js";
import { EndpointError, evaluate, type Verdict } from "../semantics/evaluate.js";
import type { Endpoint } from "./endpoints.js";
import type { ObservedFlow } from "./summary.js";

/** Stands for an outside address a source did not give (Calico's "pub"): TEST-NET-3. */
const UNNAMED_PUBLIC = "203.0.113.77";
/** Stands for a private address a source did not give (Calico's "pvt"). */
const UNNAMED_PRIVATE = "10.255.255.77";

export interface JudgeInput {
  flows: readonly ObservedFlow[];
  policies: PolicyInput[];
  ciliumPolicies?: CiliumPolicyInput[];
  profile: CniProfile;
  /** Namespaces with their labels (namespaceSelectors read them); others get only their name. */
  namespaces?: Namespace[];
  /** Container ports of a pod side, for policies that name ports. Default: none. */
  portsOf?: (endpoint: Endpoint) => ContainerPort[];
  /** Where a node's traffic comes from when the record gives no address (a nodeCidrs address). */
  nodeAddress?: string;
}

export interface JudgedFlow {
  flow: ObservedFlow;
  /** Undefined when the engine cannot judge it (both sides outside the pod network). */
  verdict?: Verdict;
  /** What the judgement rests on beyond the policies (an address stood in for, the CNI's rule). */
  notes: string[];
}

export interface Judgement {
  judged: JudgedFlow[];
  model: Model;
}

/** The stand-in pod's key for a pod side. */
export function standInKey(endpoint: Endpoint): string | undefined {
  return endpoint.side.kind === "pod" ? `${endpoint.side.namespace}/observed-${endpoint.id}` : undefined;
}

export function judgeFlows(input: JudgeInput): Judgement {
  const pods: Pod[] = [];
  const seen = new Set<number>();
  for (const flow of input.flows) {
    for (const endpoint of [flow.from, flow.to]) {
      if (endpoint.side.kind !== "pod" || seen.has(endpoint.id)) continue;
      seen.add(endpoint.id);
      pods.push({
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
          namespace: endpoint.side.namespace,
          name: `observed-${endpoint.id}`,
          labels: { ...endpoint.side.labels },
        },
        spec: { containers: [{ name: "main", ports: input.portsOf?.(endpoint) ?? [] }] },
        status: { phase: "Running" },
      });
    }
  }
  const model = buildModel({
    pods,
    namespaces: input.namespaces ?? [],
    policies: input.policies,
    ...(input.ciliumPolicies ? { ciliumPolicies: input.ciliumPolicies } : {}),
    profile: input.profile,
  });
  const judged: JudgedFlow[] = [];
  for (const flow of input.flows) {
    const notes: string[] = [];
    if (
      flow.from.side.kind === "node" &&
      flow.to.side.kind === "pod" &&
      input.profile.kubeletHealthCheckSource === "host"
    ) {
      // The CNI admits a node's traffic to its own pods whatever the policies say.
      notes.push(input.profile.notes["healthChecks"] ?? "the CNI admits traffic from a pod's own node");
      judged.push({ flow, notes });
      continue;
    }
    const from = party(flow.from, flow.examples.fromIps, input, notes);
    const to = party(flow.to, flow.examples.toIps, input, notes);
    try {
      judged.push({
        flow,
        verdict: evaluate(model, { from, to, port: flow.port, protocol: flow.protocol }),
        notes,
      });
    } catch (error) {
      if (!(error instanceof EndpointError)) throw error;
      notes.push("neither side is a pod: no NetworkPolicy applies");
      judged.push({ flow, notes });
    }
  }
  return { judged, model };
}

function party(endpoint: Endpoint, ips: string[], input: JudgeInput, notes: string[]): string {
  const side = endpoint.side;
  switch (side.kind) {
    case "pod":
      return standInKey(endpoint) as string;
    case "address":
      if (side.ip !== undefined) return side.ip;
      notes.push(
        `the source gave no address for ${endpoint.label}: judged as ${side.name === "pvt" ? UNNAMED_PRIVATE : UNNAMED_PUBLIC}`,
      );
      return side.name === "pvt" ? UNNAMED_PRIVATE : UNNAMED_PUBLIC;
    case "node": {
      const ip = ips[0] ?? input.nodeAddress;
      if (ip !== undefined) return ip;
      notes.push(`no address for the node: judged as ${UNNAMED_PRIVATE}, outside every nodeCidr`);
      return UNNAMED_PRIVATE;
    }
  }
}
