/**
 * What the verdict of a connection reads of its ends, as texts. Of each end, what it is: for
 * a pod, its namespace and the namespace's labels, its own labels and container ports, and
 * the ipBlocks its IPs fall in; for an address outside the cluster, the address and the name
 * it was reached by. Of the source, the policies isolating its egress; of the destination,
 * those isolating its ingress (kind, namespace and spec: every selector, rule, port and peer
 * the engine matches).
 *
 * Egress is judged at the source by its egress policies against what the destination is, and
 * ingress at the destination by its ingress policies against what the source is. So under one
 * CNI profile, a connection whose source reads the same as a source in two models, and whose
 * destination reads the same as a destination, is allowed in both or in neither, on every port.
 */
import type { Ip } from "../k8s/ip.js";
import { isolatingPolicies, type CompiledPolicy, type Model, type PodInfo } from "./model.js";

function sortedEntries(record: Readonly<Record<string, string>>): [string, string][] {
  return Object.keys(record)
    .sort()
    .map((k) => [k, record[k] as string]);
}

/**
 * What a verdict reads of one end: what it is, and the policies isolating it in each
 * direction, as the numbers their contents have in this VerdictInputs ("3,7"; "" for none).
 */
export interface EndInputs {
  what: string;
  egress: string;
  ingress: string;
}

export class VerdictInputs {
  /** Policies by content (kind, namespace, spec), numbered in the order first read. */
  private readonly contents = new Map<string, number>();
  private readonly policies = new Map<CompiledPolicy, number>();

  private policyNumber(p: CompiledPolicy): number {
    let n = this.policies.get(p);
    if (n === undefined) {
      const text = JSON.stringify([p.original.kind, p.namespace, p.original.spec]);
      n = this.contents.get(text);
      if (n === undefined) {
        n = this.contents.size;
        this.contents.set(text, n);
      }
      this.policies.set(p, n);
    }
    return n;
  }

  /** What a verdict reads of a pod of `model`. */
  pod(model: Model, pod: PodInfo): EndInputs {
    const group = pod.group;
    const isolating = isolatingPolicies(model, group);
    const blocks = (family: 4 | 6): string[] =>
      [...group.ipBlocksByFamily[family]].map((id) => model.ipBlocks[id]?.text ?? "").sort();
    return {
      what: JSON.stringify([
        group.namespace.name,
        sortedEntries(group.namespace.labels),
        sortedEntries(pod.labels),
        pod.ports.map((p) => [p.name ?? "", p.protocol ?? "TCP", p.containerPort]).sort(),
        blocks(4),
        blocks(6),
      ]),
      egress: isolating.egress.map((p) => this.policyNumber(p)).join(","),
      ingress: isolating.ingress.map((p) => this.policyNumber(p)).join(","),
    };
  }

  /** What a verdict reads of an address outside the cluster (no policy applies there). */
  address(ip: Ip, fqdn: string | undefined): EndInputs {
    return { what: JSON.stringify([ip.text, fqdn ?? null]), egress: "", ingress: "" };
  }
}
