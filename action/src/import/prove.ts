/**
 * The proof of an import: the cluster's policies and the compiled import (with what the
 * import left in the cluster) judged by the semantics engine on the same pods, and every
 * connection whose verdict differs listed with both explanations.
 *
 * The pods are the dump's, plus a stand-in for every selector either side uses (stand-ins.ts),
 * so manifests without a cluster are proven too, and so is a pod that does not exist yet but
 * a selector names. A connection can differ only where a direction's verdict differs at one
 * of its ends, and a direction's verdict can differ only for a peer some rule of either side
 * names, or for any peer where one side isolates and the other does not: those are the pairs
 * judged, on every port a rule names and one port none does.
 */
import type { CniProfile } from "../cni/profiles.js";
import type { DnsIntent } from "../intent/model.js";
import { parseIp, type IpFamily } from "../k8s/ip.js";
import type {
  CiliumNetworkPolicy,
  ContainerPort,
  LabelSelector,
  Namespace,
  NetworkPolicy,
  Pod,
  Protocol,
} from "../k8s/types.js";
import { evaluateParties, peerMatches } from "../semantics/evaluate.js";
import { compileSelector } from "../semantics/selector.js";
import { explainVerdict } from "../semantics/explain.js";
import {
  buildModel,
  isolatingPolicies,
  type CiliumPolicyInput,
  type CompiledPeer,
  type CompiledPolicy,
  type Model,
  type Party,
  type PodInfo,
  type PolicyInput,
} from "../semantics/model.js";
import { fromCiliumPolicy, fromNetworkPolicy, type Original } from "./originals.js";
import { StandIns, type NamespaceChoice } from "./stand-ins.js";

export interface PolicySet {
  policies: (NetworkPolicy | PolicyInput)[];
  ciliumPolicies: CiliumPolicyInput[];
}

export interface ProofInput {
  /** The cluster's policies. */
  before: PolicySet;
  /** The compiled import and the policies it leaves in the cluster. */
  after: PolicySet;
  /** A third set each difference is also judged by (`Difference.reference`): where a change should lead. */
  reference?: PolicySet;
  pods: Pod[];
  namespaces: Namespace[];
  profile: CniProfile;
  dns: DnsIntent;
}

export interface Difference {
  /** opened: the import allows what the cluster blocks; closed: the reverse. */
  change: "opened" | "closed";
  from: string;
  to: string;
  port: number;
  protocol: Protocol;
  /** A side is a stand-in pod (a selector's, no pod of the dump). */
  standIn: boolean;
  before: string;
  after: string;
  /** With `reference`: whether the reference set allows the connection. */
  reference?: boolean;
}

export interface Proof {
  differences: Difference[];
  /** Pods judged (the dump's and the stand-ins), and connections compared. */
  pods: number;
  standIns: number;
  compared: number;
}

/** A port number no rule names, per protocol: it stands for every other port. */
const OTHER_PORT = 65000;

interface Cell {
  /** The pod that stands for the cell (a dump pod when the cell has one). */
  key: string;
  before: PodInfo;
  after: PodInfo;
  namespace: string;
}

export function proveImport(input: ProofInput): Proof {
  const standIns = new StandIns({ pods: input.pods, namespaces: input.namespaces });
  const namedPorts = namedPortNumbers(input.pods);
  const all = [...originalsOf(input.before), ...originalsOf(input.after)];
  for (const o of all) {
    // A named port is resolved on the destination: the policy's pods for ingress, the peer's for egress.
    const named = (
      rule: Original["rules"][number],
      namespace: string | undefined,
      selector: LabelSelector,
    ): ContainerPort[] =>
      (rule.ports ?? []).flatMap((p) =>
        typeof p.port === "string" && !/^\d+$/.test(p.port)
          ? [{ name: p.port, containerPort: namedPorts(p.port, namespace, selector), protocol: p.protocol }]
          : [],
      );
    standIns.pod(
      { name: o.namespace },
      o.podSelector,
      o.rules.filter((r) => r.direction === "ingress").flatMap((r) => named(r, o.namespace, o.podSelector)),
    );
    for (const rule of o.rules) {
      for (const peer of rule.peers ?? []) {
        if (peer.kind === "cidr") standIns.cidr(peer.cidr, peer.except);
        else if (peer.kind === "fqdn") standIns.fqdn(peer.name);
        else {
          const choice: NamespaceChoice = peer.namespaceSelector
            ? { selector: peer.namespaceSelector }
            : { name: o.namespace };
          const selector = peer.podSelector ?? {};
          const namespace = "name" in choice ? choice.name : undefined;
          standIns.pod(choice, selector, rule.direction === "egress" ? named(rule, namespace, selector) : []);
        }
      }
    }
  }
  standIns.pod({ name: input.dns.namespace }, { matchLabels: input.dns.podLabels }, [
    { name: "dns", containerPort: 53, protocol: "UDP" },
    { name: "dns-tcp", containerPort: 53, protocol: "TCP" },
  ]);
  const namespaces = standIns.namespaceList();
  const models = {
    before: buildModel({ pods: standIns.pods, namespaces, ...input.before, profile: input.profile }),
    after: buildModel({ pods: standIns.pods, namespaces, ...input.after, profile: input.profile }),
  };
  const reference = input.reference
    ? buildModel({ pods: standIns.pods, namespaces, ...input.reference, profile: input.profile })
    : undefined;
  /** The reference set's verdict on a connection, by pod key or address. */
  const allowedByReference = (
    from: string,
    to: string,
    port: { port: number; protocol: Protocol },
  ): boolean | undefined => {
    if (!reference) return undefined;
    const side = (key: string): Party => {
      const pod = reference.podsByKey.get(key);
      if (pod) return { kind: "pod", group: pod.group, name: key, pod };
      const fqdn = addresses.find((a) => a.fqdn === key);
      const ip = parseIp(fqdn?.ip ?? key)!;
      return { kind: "external", ip, name: key, ...(fqdn ? { fqdn: key } : {}) };
    };
    const f = side(from);
    const t = side(to);
    const family = f.kind === "external" ? f.ip.family : t.kind === "external" ? t.ip.family : undefined;
    return evaluateParties(reference, f, t, port.port, port.protocol, family).allowed;
  };

  // Cells: pods every policy of both sides treats alike.
  const cells: Cell[] = [];
  const byPair = new Map<string, Cell>();
  for (const pod of models.before.pods) {
    const after = models.after.podsByKey.get(pod.key)!;
    const id = `${pod.group.id}/${after.group.id}`;
    const existing = byPair.get(id);
    if (existing) {
      if (!standIns.real.has(existing.key) && standIns.real.has(pod.key)) {
        existing.key = pod.key;
        existing.before = pod;
        existing.after = after;
      }
      continue;
    }
    const cell: Cell = { key: pod.key, before: pod, after, namespace: pod.namespace };
    byPair.set(id, cell);
    cells.push(cell);
  }
  const cellsByNamespace = new Map<string, Cell[]>();
  for (const c of cells) cellsByNamespace.set(c.namespace, [...(cellsByNamespace.get(c.namespace) ?? []), c]);
  const unlabelled = new Map<string, Cell>();
  for (const c of cells)
    if (Object.keys(c.before.labels).length === 0 && !unlabelled.has(c.namespace))
      unlabelled.set(c.namespace, c);
  const addresses = standIns.addresses();

  const party = (side: "before" | "after", c: Cell): Party => {
    const pod = side === "before" ? c.before : c.after;
    return { kind: "pod", group: pod.group, name: c.key, pod };
  };
  const external = (a: { ip: string; label: string; fqdn?: string }): Party => ({
    kind: "external",
    ip: parseIp(a.ip)!,
    name: a.fqdn ?? a.ip,
    ...(a.fqdn !== undefined ? { fqdn: a.fqdn } : {}),
  });

  // Which cells a rule's peer names, per side (memoized per compiled peer).
  const hits = new Map<CompiledPeer, Cell[]>();
  const cellsOf = (side: "before" | "after", peer: CompiledPeer): Cell[] => {
    let list = hits.get(peer);
    if (list) return list;
    list = [];
    if (peer.kind === "pods") {
      const model = models[side];
      for (const [ns, info] of model.namespaces) {
        const nsOk = peer.namespaceSelector
          ? peer.namespaceSelector.matches(info.labels)
          : ns === peer.policyNamespace;
        if (!nsOk) continue;
        for (const c of cellsByNamespace.get(ns) ?? [])
          if (peerMatches(peer, party(side, c), undefined, model, undefined)) list.push(c);
      }
    }
    hits.set(peer, list);
    return list;
  };

  const differences: Difference[] = [];
  const seen = new Set<string>();
  let compared = 0;
  const other = unlabelled.get("(other namespace)");
  for (const x of cells) {
    for (const dir of ["ingress", "egress"] as const) {
      const iso = {
        before: isolatingPolicies(models.before, x.before.group)[dir],
        after: isolatingPolicies(models.after, x.after.group)[dir],
      };
      if (iso.before.length === 0 && iso.after.length === 0) continue;
      const peers = new Set<Cell>();
      const ips = new Map<string, { ip: string; label: string; fqdn?: string }>();
      const ports = new Map<string, { port: number; protocol: Protocol }>();
      const protocols = new Set<Protocol>(["TCP", "UDP"]);
      for (const side of ["before", "after"] as const) {
        for (const policy of iso[side]) {
          for (const rule of rulesOf(policy, dir)) {
            for (const peer of rule.peers ?? []) {
              if (peer.kind === "pods") for (const c of cellsOf(side, peer)) peers.add(c);
              else
                for (const a of addresses)
                  if (matchesAddress(peer, a, models[side])) ips.set(`${a.ip}|${a.fqdn ?? ""}`, a);
            }
            if (rule.peers === undefined) {
              for (const c of cells) peers.add(c);
              for (const a of addresses) ips.set(`${a.ip}|${a.fqdn ?? ""}`, a);
            }
            for (const p of rule.ports ?? []) {
              protocols.add(p.protocol);
              if (p.port !== undefined) {
                for (const n of p.endPort !== undefined && p.endPort > p.port
                  ? [p.port, p.endPort, p.port + 1]
                  : [p.port])
                  ports.set(`${n}/${p.protocol}`, { port: n, protocol: p.protocol });
              }
              if (p.name !== undefined)
                ports.set(`${namedPorts(p.name)}/${p.protocol}`, {
                  port: namedPorts(p.name),
                  protocol: p.protocol,
                });
            }
          }
        }
      }
      // SCTP only where the profile enforces policy on it: elsewhere its verdicts mean nothing.
      if (!input.profile.sctpSupported) protocols.delete("SCTP");
      for (const [k, p] of ports) if (!protocols.has(p.protocol)) ports.delete(k);
      for (const protocol of protocols)
        ports.set(`${OTHER_PORT}/${protocol}`, { port: OTHER_PORT, protocol });
      // Where only one side isolates, every peer no rule names differs alike: one stands for them.
      if (iso.before.length === 0 || iso.after.length === 0) {
        const own = unlabelled.get(x.namespace);
        if (own) peers.add(own);
        if (other) peers.add(other);
        for (const a of addresses) if (a.fqdn === undefined) ips.set(`${a.ip}|`, a);
      }
      for (const port of ports.values()) {
        for (const y of peers) {
          compared++;
          const [from, to] = dir === "egress" ? [x, y] : [y, x];
          const b = evaluateParties(
            models.before,
            party("before", from),
            party("before", to),
            port.port,
            port.protocol,
            undefined,
          );
          const a = evaluateParties(
            models.after,
            party("after", from),
            party("after", to),
            port.port,
            port.protocol,
            undefined,
          );
          if (a.allowed === b.allowed) continue;
          record(from.key, to.key, port, a, b, !standIns.real.has(from.key) || !standIns.real.has(to.key));
        }
        for (const address of ips.values()) {
          compared++;
          const ext = { before: external(address), after: external(address) };
          const family: IpFamily = ext.before.kind === "external" ? ext.before.ip.family : 4;
          const [bf, bt] =
            dir === "egress" ? [party("before", x), ext.before] : [ext.before, party("before", x)];
          const [af, at] = dir === "egress" ? [party("after", x), ext.after] : [ext.after, party("after", x)];
          const b = evaluateParties(models.before, bf, bt, port.port, port.protocol, family);
          const a = evaluateParties(models.after, af, at, port.port, port.protocol, family);
          if (a.allowed === b.allowed) continue;
          const [fromKey, toKey] =
            dir === "egress" ? [x.key, address.fqdn ?? address.ip] : [address.ip, x.key];
          record(fromKey, toKey, port, a, b, !standIns.real.has(x.key));
        }
      }
    }
  }

  function record(
    from: string,
    to: string,
    port: { port: number; protocol: Protocol },
    after: ReturnType<typeof evaluateParties>,
    before: ReturnType<typeof evaluateParties>,
    standIn: boolean,
  ): void {
    const id = `${from}|${to}|${port.port}|${port.protocol}`;
    if (seen.has(id)) return;
    seen.add(id);
    const byReference = allowedByReference(from, to, port);
    differences.push({
      change: after.allowed ? "opened" : "closed",
      from,
      to,
      port: port.port,
      protocol: port.protocol,
      standIn,
      before: explainVerdict(before),
      after: explainVerdict(after),
      ...(byReference === undefined ? {} : { reference: byReference }),
    });
  }

  differences.sort(
    (a, b) =>
      (a.change === b.change ? 0 : a.change === "closed" ? -1 : 1) ||
      cmp(a.from, b.from) ||
      cmp(a.to, b.to) ||
      a.port - b.port ||
      cmp(a.protocol, b.protocol),
  );
  return {
    differences,
    pods: standIns.pods.length,
    standIns: standIns.pods.length - standIns.real.size,
    compared,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rulesOf(policy: CompiledPolicy, dir: "ingress" | "egress") {
  return dir === "ingress" ? policy.ingress : policy.egress;
}

function matchesAddress(peer: CompiledPeer, a: { ip: string; fqdn?: string }, model: Model): boolean {
  const ip = parseIp(a.ip);
  if (!ip) return false;
  const party: Party = {
    kind: "external",
    ip,
    name: a.ip,
    ...(a.fqdn !== undefined ? { fqdn: a.fqdn } : {}),
  };
  return peerMatches(peer, party, ip.family, model, undefined);
}

function originalsOf(set: PolicySet): Original[] {
  return [
    ...set.policies.map((p) =>
      fromNetworkPolicy("policy" in p && !("spec" in p) ? p.policy : (p as NetworkPolicy), undefined),
    ),
    ...set.ciliumPolicies.map((p) => fromCiliumPolicy(p.policy as CiliumNetworkPolicy, undefined)),
  ];
}

/**
 * The number a named port has on a stand-in pod: what the dump's pods its selector picks in
 * its namespace give that name (as the import resolved it), else what any pod gives it, else
 * one of its own.
 */
function namedPortNumbers(
  pods: Pod[],
): (name: string, namespace?: string, selector?: LabelSelector) => number {
  const made = new Map<string, number>();
  const numberOf = (pod: Pod, name: string): number | undefined => {
    for (const c of pod.spec?.containers ?? [])
      for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
    return undefined;
  };
  return (name, namespace, selector) => {
    const sel = selector ? compileSelector(selector) : undefined;
    const picked = pods.find(
      (p) =>
        p.metadata.namespace === namespace &&
        sel?.matches(p.metadata.labels ?? {}) === true &&
        numberOf(p, name) !== undefined,
    );
    const any = picked ?? pods.find((p) => numberOf(p, name) !== undefined);
    if (any) return numberOf(any, name)!;
    let n = made.get(name);
    if (n === undefined) {
      n = 40000 + made.size;
      made.set(name, n);
    }
    return n;
  };
}
