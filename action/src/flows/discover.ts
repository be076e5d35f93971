/**
 * A first intent from observed traffic: what `discover` proposes, as data for the intent
 * writer. Pure.
 *
 * - A service is a workload: its labels are the owning workload's selector (a Deployment's,
 *   a StatefulSet's, a DaemonSet's; a bare ReplicaSet's without pod-template-hash), never a
 *   label Kubernetes sets per pod or per rollout. Without the cluster's workloads, the labels
 *   the flows carry (per-pod ones already dropped).
 * - Flows carry their connections and first and last seen.
 * - DNS and kubelet health checks are built-ins: counted, never written as flows.
 * - Outside addresses are grouped into networks (/24, /64) that list the addresses seen, so
 *   a reviewer can narrow them.
 * - A flow naming a kube-* namespace other than DNS is refused: those namespaces are never
 *   managed, and opening them is a decision for a person, not for traffic anyone in the
 *   cluster can make.
 */
import type { Protocol } from "../k8s/types.js";
import { dns1123LabelProblem } from "../intent/names.js";
import { formatIp, parseIp } from "../k8s/ip.js";
import type { Endpoint } from "./endpoints.js";
import { wentThrough } from "./gap.js";
import type { FlowSummary, ObservedFlow } from "./summary.js";

/** A workload of the cluster dump: whose pods a selector picks. */
export interface WorkloadInfo {
  namespace: string;
  kind: "Deployment" | "StatefulSet" | "DaemonSet" | "ReplicaSet";
  name: string;
  /** spec.selector.matchLabels (a selector with matchExpressions only cannot be a service). */
  selector: Record<string, string>;
}

export interface DiscoveredService {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  /** Destination ports observed (sorted). */
  ports: { port: number; protocol: Protocol }[];
  /** "Deployment/api", when a workload gave the labels. */
  workload?: string;
}

export type DiscoveredEndpoint =
  | { kind: "service"; namespace: string; service: string }
  /** Pods of a namespace no proposed service covers (a peer namespace, or unowned pods). */
  | { kind: "namespace"; namespace: string }
  | { kind: "cidr"; cidr: string; addresses: string[] };

export interface DiscoveredFlow {
  from: DiscoveredEndpoint;
  to: DiscoveredEndpoint;
  ports: { port: number; protocol: Protocol }[];
  connections: number;
  /** Milliseconds since the epoch. */
  firstSeen: number;
  lastSeen: number;
}

export interface Discovery {
  /** Namespaces with services to manage, and peers (namespaces only named by flows). */
  namespaces: { name: string; managed: boolean; services: DiscoveredService[] }[];
  flows: DiscoveredFlow[];
  builtins: { dns: number; healthChecks: number };
  /** Observed flows no intent line can hold, with why (both sides outside every managed namespace…). */
  left: { flow: ObservedFlow; reason: string }[];
}

/** A flow naming a namespace netpol-rollout never manages, other than DNS. */
export class RefusedFlowError extends Error {
  override name = "RefusedFlowError";
  constructor(readonly flows: ObservedFlow[]) {
    super(
      `${flows.length} observed flow${flows.length === 1 ? "" : "s"} name${flows.length === 1 ? "s" : ""} a kube-* namespace: discover never proposes opening one (declare such a flow by hand if you mean it)`,
    );
  }
}

export interface DiscoverOptions {
  /** Workloads of the cluster (`--cluster`): services take their selectors. */
  workloads?: WorkloadInfo[];
  /** The DNS pods: namespace and labels (an environment's `dns:`). */
  dns: { namespace: string; podLabels: Record<string, string> };
  /** Namespaces never managed besides kube-*. */
  excludedNamespaces?: string[];
}

const NAME_LABELS = [
  "app.kubernetes.io/name",
  "app",
  "k8s-app",
  "name",
  "app.kubernetes.io/component",
  "component",
];

function unmanageable(namespace: string, options: DiscoverOptions): boolean {
  return namespace.startsWith("kube-") || (options.excludedNamespaces ?? []).includes(namespace);
}

function isDns(endpoint: Endpoint, port: number, options: DiscoverOptions): boolean {
  const side = endpoint.side;
  return (
    port === 53 &&
    side.kind === "pod" &&
    side.namespace === options.dns.namespace &&
    Object.entries(options.dns.podLabels).every(([k, v]) => side.labels[k] === v)
  );
}

/** A DNS label from a workload or label value ("API_Server" → "api-server"). */
function dnsName(text: string): string {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return dns1123LabelProblem(name) === undefined ? name : "workload";
}

/** The outside network an address is grouped in: its /24 (IPv4) or /64 (IPv6). */
export function groupOf(ip: string): string {
  const parsed = parseIp(ip);
  if (!parsed) return ip;
  if (parsed.family === 4) {
    const v = Number(parsed.value) >>> 0;
    return `${formatIp(4, (v & 0xffffff00) >>> 0)}/24`;
  }
  const v = BigInt(parsed.value);
  return `${formatIp(6, (v >> 64n) << 64n)}/64`;
}

export function discoverIntent(summary: FlowSummary, options: DiscoverOptions): Discovery {
  const flows = summary.flows.filter(wentThrough);
  const refused = flows.filter((f) => {
    for (const e of [f.from, f.to]) {
      if (e.side.kind === "pod" && e.side.namespace.startsWith("kube-") && !isDns(f.to, f.port, options))
        return true;
    }
    return false;
  });
  if (refused.length > 0) throw new RefusedFlowError(refused);

  const builtins = { dns: 0, healthChecks: 0 };
  const left: Discovery["left"] = [];
  const services = new Map<string, DiscoveredService>();
  const serviceOf = new Map<number, DiscoveredService>();
  const namespaces = new Map<string, { name: string; managed: boolean; services: DiscoveredService[] }>();
  const namespace = (name: string, managed: boolean) => {
    let ns = namespaces.get(name);
    if (!ns) namespaces.set(name, (ns = { name, managed, services: [] }));
    else if (managed) ns.managed = true;
    return ns;
  };
  const serviceFor = (endpoint: Endpoint): DiscoveredService | undefined => {
    const side = endpoint.side;
    if (side.kind !== "pod" || unmanageable(side.namespace, options)) return undefined;
    const known = serviceOf.get(endpoint.id);
    if (known) return known;
    const owner = (options.workloads ?? []).find(
      (w) =>
        w.namespace === side.namespace &&
        Object.keys(w.selector).length > 0 &&
        Object.entries(w.selector).every(([k, v]) => k === "pod-template-hash" || side.labels[k] === v),
    );
    const labels = owner
      ? Object.fromEntries(Object.entries(owner.selector).filter(([k]) => k !== "pod-template-hash"))
      : side.labels;
    if (Object.keys(labels).length === 0) return undefined;
    const base = dnsName(
      owner?.name ??
        (side.workload?.split("/")[1] || NAME_LABELS.map((k) => side.labels[k]).find((v) => v) || "workload"),
    );
    const key = `${side.namespace}\u0000${JSON.stringify(Object.entries(labels).sort())}`;
    let svc = services.get(key);
    if (!svc) {
      const ns = namespace(side.namespace, true);
      let name = base;
      for (let i = 2; ns.services.some((s) => s.name === name); i++) name = `${base}-${i}`;
      svc = {
        namespace: side.namespace,
        name,
        labels,
        ports: [],
        ...(owner ? { workload: `${owner.kind}/${owner.name}` } : {}),
      };
      services.set(key, svc);
      ns.services.push(svc);
    }
    serviceOf.set(endpoint.id, svc);
    return svc;
  };
  const endpointOf = (endpoint: Endpoint): DiscoveredEndpoint | undefined => {
    const side = endpoint.side;
    if (side.kind === "pod") {
      const svc = serviceFor(endpoint);
      if (svc) return { kind: "service", namespace: svc.namespace, service: svc.name };
      namespace(side.namespace, false);
      return { kind: "namespace", namespace: side.namespace };
    }
    if (side.kind === "address" && side.ip !== undefined)
      return { kind: "cidr", cidr: groupOf(side.ip), addresses: [side.ip] };
    return undefined;
  };

  const byKey = new Map<string, DiscoveredFlow>();
  for (const f of flows) {
    if (isDns(f.to, f.port, options)) {
      builtins.dns += f.connections.allowed + f.connections.audit;
      continue;
    }
    if (f.from.side.kind === "node") {
      builtins.healthChecks += f.connections.allowed + f.connections.audit;
      continue;
    }
    const from = endpointOf(f.from);
    const to = endpointOf(f.to);
    if (!from || !to) {
      left.push({ flow: f, reason: "a side without an address or labels: nothing selects it" });
      continue;
    }
    const managed = (e: DiscoveredEndpoint) => e.kind === "service";
    if (!managed(from) && !managed(to)) {
      left.push({ flow: f, reason: "neither side is a workload of a namespace netpol-rollout can manage" });
      continue;
    }
    if (to.kind === "service") {
      const svc = [...services.values()].find((s) => s.namespace === to.namespace && s.name === to.service);
      if (svc && !svc.ports.some((p) => p.port === f.port && p.protocol === f.protocol))
        svc.ports.push({ port: f.port, protocol: f.protocol });
    }
    const key = `${JSON.stringify({ ...from, addresses: undefined })}>${JSON.stringify({ ...to, addresses: undefined })}`;
    const connections = f.connections.allowed + f.connections.audit;
    const existing = byKey.get(key);
    if (existing) {
      if (!existing.ports.some((p) => p.port === f.port && p.protocol === f.protocol))
        existing.ports.push({ port: f.port, protocol: f.protocol });
      existing.connections += connections;
      existing.firstSeen = Math.min(existing.firstSeen, f.firstSeen);
      existing.lastSeen = Math.max(existing.lastSeen, f.lastSeen);
      for (const [mine, theirs] of [
        [existing.from, from],
        [existing.to, to],
      ] as const) {
        if (mine.kind === "cidr" && theirs.kind === "cidr")
          for (const a of theirs.addresses) if (!mine.addresses.includes(a)) mine.addresses.push(a);
      }
      continue;
    }
    byKey.set(key, {
      from,
      to,
      ports: [{ port: f.port, protocol: f.protocol }],
      connections,
      firstSeen: f.firstSeen,
      lastSeen: f.lastSeen,
    });
  }
  const byPort = (a: { port: number; protocol: string }, b: { port: number; protocol: string }) =>
    a.port - b.port || a.protocol.localeCompare(b.protocol);
  for (const svc of services.values()) svc.ports.sort(byPort);
  const proposed = [...byKey.values()];
  for (const f of proposed) {
    f.ports.sort(byPort);
    for (const e of [f.from, f.to]) if (e.kind === "cidr") e.addresses.sort();
  }
  return {
    namespaces: [...namespaces.values()].sort((a, b) => a.name.localeCompare(b.name)),
    flows: proposed,
    builtins,
    left,
  };
}
