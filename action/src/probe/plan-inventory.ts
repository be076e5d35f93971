/**
 * The cluster as the planner reads it: the namespaces that exist, the pods that can answer
 * a check, the pods of a caller or callee, and the address of the cluster DNS Service.
 */
import type { Protocol } from "../intent/model.js";
import type { Pod } from "../k8s/types.js";
import { compareStrings as cmp } from "../compile/canonical.js";
import { parseIp } from "../k8s/ip.js";
import { selectorMatches } from "../semantics/selector.js";
import { PROBE_LABEL } from "./pod.js";
import { labelsText } from "./plan-identities.js";
import type { PlanInventory, PodTarget } from "./types.js";

/** Running pods of a callee probed per declared port (distinct policy groups first). */
const PODS_PER_DESTINATION = 2;

export interface LivePod {
  namespace: string;
  name: string;
  key: string;
  labels: Record<string, string>;
  address?: string;
  ports: { name?: string; containerPort: number; protocol: Protocol }[];
}

function phaseOf(pod: Pod): string | undefined {
  const status = pod.status as { phase?: unknown } | undefined;
  return typeof status?.phase === "string" ? status.phase : undefined;
}

/**
 * A pod that can answer: phase Running (or no phase, as in the intent's synthetic inventory),
 * not being deleted (a pod keeps phase Running through its grace period), and no probe pod:
 * probe pods carry their caller's labels, but answer on no port and go away with their run.
 */
function runningPods(pods: Pod[]): LivePod[] {
  const out: LivePod[] = [];
  for (const pod of pods) {
    const phase = phaseOf(pod);
    if (phase !== undefined && phase !== "Running") continue;
    if (pod.metadata?.deletionTimestamp) continue;
    if (pod.metadata?.labels?.[PROBE_LABEL] !== undefined) continue;
    const namespace = pod.metadata?.namespace;
    const name = pod.metadata?.name;
    if (!namespace || !name) continue;
    const ips = (pod.status?.podIPs ?? []).map((p) => p?.ip).filter((ip): ip is string => !!ip);
    const address = ips[0] ?? (pod.status?.podIP || undefined);
    const ports = (pod.spec?.containers ?? []).flatMap((c) =>
      (c?.ports ?? []).map((p) => ({
        ...(p.name !== undefined ? { name: p.name } : {}),
        containerPort: p.containerPort,
        protocol: p.protocol ?? "TCP",
      })),
    );
    out.push({
      namespace,
      name,
      key: `${namespace}/${name}`,
      labels: pod.metadata.labels ?? {},
      ...(address ? { address } : {}),
      ports,
    });
  }
  return out.sort((a, b) => cmp(a.key, b.key));
}

export class LiveInventory {
  /** Namespaces that exist: listed, or holding a pod. */
  readonly namespaces = new Set<string>();
  private readonly podsByNamespace = new Map<string, LivePod[]>();
  /** Running pods by namespace and one label ("namespace\0key\0value"), by key. */
  private readonly podsByLabel = new Map<string, LivePod[]>();
  private readonly selected = new Map<string, LivePod[]>();

  constructor(private readonly inventory: PlanInventory) {
    for (const p of runningPods(inventory.pods)) {
      append(this.podsByNamespace, p.namespace, p);
      for (const [k, v] of Object.entries(p.labels))
        append(this.podsByLabel, `${p.namespace}\0${k}\0${v}`, p);
    }
    for (const n of inventory.namespaces) if (n.metadata?.name) this.namespaces.add(n.metadata.name);
    for (const p of inventory.pods) if (p.metadata?.namespace) this.namespaces.add(p.metadata.namespace);
  }

  /** The running pods of a namespace with these labels (absent: every pod), by key. */
  podsOf(namespace: string, labels: Record<string, string> | undefined): LivePod[] {
    const key = `${namespace}\0${labels === undefined ? "*" : labelsText(labels)}`;
    let pods = this.selected.get(key);
    if (!pods) {
      const wanted = labels ? Object.entries(labels) : [];
      const first = wanted[0];
      if (!first) pods = this.podsByNamespace.get(namespace) ?? [];
      else {
        // Those with one of the labels, then those with all of them (matchLabels).
        const some = this.podsByLabel.get(`${namespace}\0${first[0]}\0${first[1]}`) ?? [];
        pods = some.filter((p) => wanted.every(([k, v]) => p.labels[k] === v && Object.hasOwn(p.labels, k)));
      }
      this.selected.set(key, pods);
    }
    return pods;
  }

  /** The ClusterIP of the Service in front of the DNS pods, when the inventory has it. */
  dnsServiceAddress(namespace: string, podLabels: Record<string, string>): string | undefined {
    const candidates = this.inventory.services
      .filter((s) => s.metadata?.namespace === namespace)
      .filter((s) => {
        const sel = s.spec?.selector;
        return (
          sel !== undefined && Object.keys(sel).length > 0 && selectorMatches({ matchLabels: sel }, podLabels)
        );
      })
      .sort((a, b) => cmp(a.metadata.name, b.metadata.name));
    for (const s of candidates) {
      const ip = (s.spec as { clusterIP?: unknown } | undefined)?.clusterIP;
      if (typeof ip === "string" && parseIp(ip)) return ip;
    }
    return undefined;
  }
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Up to PODS_PER_DESTINATION pods, one per distinct label set first. */
export function pickPods(pods: LivePod[]): LivePod[] {
  if (pods.length <= 1) return pods;
  const seen = new Set<string>();
  const first: LivePod[] = [];
  const rest: LivePod[] = [];
  for (const p of pods) {
    const key = labelsText(p.labels);
    if (seen.has(key)) rest.push(p);
    else {
      seen.add(key);
      first.push(p);
    }
  }
  return [...first, ...rest].slice(0, PODS_PER_DESTINATION);
}

/** A running pod as the target of a check. */
export function podTarget(p: LivePod, service?: string): PodTarget {
  const target: PodTarget = { namespace: p.namespace, pod: p.name };
  if (p.address !== undefined) target.address = p.address;
  if (service !== undefined) target.service = service;
  return target;
}
