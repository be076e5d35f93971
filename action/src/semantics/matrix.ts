/**
 * Reachability matrices: for one port and protocol, which sources reach which destinations,
 * over pods or over groups (pods no policy can tell apart), like the truth tables of the
 * upstream conformance tests (kubernetes test/e2e/network/netpol).
 *
 * Computed direction by direction: for a destination, the ingress rules whose ports match are
 * found once, then each source is tested against their peers only. Same verdicts as
 * `evaluate`, a fraction of the cost on large clusters.
 */
import type { Protocol } from "../k8s/types.js";
import type { ContainerPort } from "../k8s/types.js";
import { isolatingPolicies, type CompiledPeer, type CompiledRule, type Group, type Model } from "./model.js";
import { peerMatches, portMatches, type Party } from "./evaluate.js";
import type { IpFamily } from "../k8s/ip.js";

export interface Matrix {
  port: number;
  protocol: Protocol;
  /** Row and column names: pods ("ns/name") or groups ("ns/first-pod (+N)"). */
  rows: string[];
  cols: string[];
  /** cells[row][col]: whether the row (source) reaches the column (destination). */
  cells: boolean[][];
  level: "pods" | "groups";
}

export interface MatrixOptions {
  level: "pods" | "groups";
  /** Only destinations with a container port of this number and protocol (default: every pod). */
  declaredOnly?: boolean;
}

export function groupName(g: Group): string {
  const first = g.members[0];
  const name = first ? first.key : `${g.namespace.name}/?`;
  return g.members.length > 1 ? `${name} (+${g.members.length - 1})` : name;
}

type PodParty = Party & { kind: "pod" };

function partyOf(g: Group): PodParty {
  const first = g.members[0];
  return { kind: "pod", group: g, name: first?.key ?? "", ...(first ? { pod: first } : {}) };
}

function familyOf(g: Group): IpFamily | undefined {
  return g.members[0]?.ips[0]?.family;
}

/** Which groups (by id) a selector peer matches; computed once per peer and model. */
function hits(model: Model, peer: CompiledPeer & { kind: "pods" }): Uint8Array {
  let memo = model.peerHits.get(peer);
  if (!memo) {
    memo = new Uint8Array(model.groups.length);
    for (const g of model.groups) {
      const ns = g.namespace;
      const nsOk = peer.namespaceSelector
        ? peer.namespaceSelector.matches(ns.labels)
        : ns.name === peer.policyNamespace;
      memo[g.id] = nsOk && (peer.podSelector ? peer.podSelector.matches(g.labels) : true) ? 1 : 0;
    }
    model.peerHits.set(peer, memo);
  }
  return memo;
}

function anyPeer(
  model: Model,
  peers: CompiledPeer[] | undefined,
  other: PodParty,
  family: IpFamily | undefined,
): boolean {
  if (!peers) return true;
  for (const p of peers) {
    if (p.kind === "pods") {
      if (hits(model, p)[other.group.id] === 1) return true;
    } else if (peerMatches(p, other, family, model, undefined)) return true;
  }
  return false;
}

/** The rules of one direction at a group whose ports match (named ports: against `destinationPorts`). */
function matchingRules(
  model: Model,
  rules: CompiledRule[],
  port: number,
  protocol: Protocol,
  destinationPorts: ContainerPort[] | undefined,
): CompiledRule[] {
  return rules.filter(
    (r) =>
      !r.ports || r.ports.some((e) => portMatches(e, port, protocol, destinationPorts, model, undefined)),
  );
}

/** The reachability of every source group to every destination group on one port. */
export function groupMatrix(
  model: Model,
  port: number,
  protocol: Protocol,
  groups: Group[] = model.groups,
  destinations: Group[] = groups,
): boolean[][] {
  const ingress = destinations.map((d) => {
    const policies = isolatingPolicies(model, d).ingress;
    return {
      isolated: policies.length > 0,
      rules: matchingRules(
        model,
        policies.flatMap((p) => p.ingress),
        port,
        protocol,
        d.ports,
      ),
    };
  });
  const dstParties = destinations.map(partyOf);
  const cells: boolean[][] = [];
  for (const src of groups) {
    const policies = isolatingPolicies(model, src).egress;
    const isolated = policies.length > 0;
    const all = policies.flatMap((p) => p.egress);
    // Without named ports, whether a rule's ports match does not depend on the destination.
    const named = all.some((r) => r.ports?.some((e) => e.name !== undefined));
    const fixed = named ? undefined : matchingRules(model, all, port, protocol, undefined);
    const srcParty = partyOf(src);
    const row = new Array<boolean>(destinations.length);
    for (let j = 0; j < destinations.length; j++) {
      const dst = destinations[j] as Group;
      const family = familyOf(dst) ?? familyOf(src);
      let ok = !isolated;
      if (!ok) {
        const rules = fixed ?? matchingRules(model, all, port, protocol, dst.ports);
        const dstParty = dstParties[j] as PodParty;
        for (let k = 0; k < rules.length && !ok; k++)
          ok = anyPeer(model, (rules[k] as CompiledRule).peers, dstParty, family);
      }
      if (ok) {
        const side = ingress[j] as { isolated: boolean; rules: CompiledRule[] };
        ok = !side.isolated;
        for (let k = 0; k < side.rules.length && !ok; k++)
          ok = anyPeer(model, (side.rules[k] as CompiledRule).peers, srcParty, family);
      }
      row[j] = ok;
    }
    cells.push(row);
  }
  return cells;
}

/** A matrix over pods or groups for one port and protocol. */
export function reachabilityMatrix(
  model: Model,
  port: number,
  protocol: Protocol,
  options: MatrixOptions,
): Matrix {
  const declares = (ports: { containerPort: number; protocol?: Protocol }[]): boolean =>
    ports.some((p) => p.containerPort === port && (p.protocol ?? "TCP") === protocol);
  if (options.level === "groups") {
    const groups = model.groups;
    const destinations = options.declaredOnly
      ? groups.filter((g) => g.members.some((m) => declares(m.ports)))
      : groups;
    return {
      port,
      protocol,
      rows: groups.map(groupName),
      cols: destinations.map(groupName),
      cells: groupMatrix(model, port, protocol, groups, destinations),
      level: "groups",
    };
  }
  const pods = model.pods;
  const dstPods = options.declaredOnly ? pods.filter((p) => declares(p.ports)) : pods;
  // Pod cells come from their groups' cells; the address family is per pod pair, so pods are
  // grouped by (group, primary family) to stay exact on dual-stack clusters.
  const groups = [...new Set(pods.map((p) => p.group))];
  const index = new Map(groups.map((g, i) => [g, i]));
  const gcells = groupMatrix(model, port, protocol, groups, groups);
  const sameFamily = pods.every((p) => p.ips[0]?.family === pods[0]?.ips[0]?.family);
  const cells = pods.map((src) =>
    dstPods.map((dst) => {
      if (sameFamily)
        return gcells[index.get(src.group) as number]?.[index.get(dst.group) as number] ?? false;
      const family = dst.ips[0]?.family ?? src.ips[0]?.family;
      return cellFor(model, src.group, dst.group, port, protocol, family);
    }),
  );
  return {
    port,
    protocol,
    rows: pods.map((p) => p.key),
    cols: dstPods.map((p) => p.key),
    cells,
    level: "pods",
  };
}

function cellFor(
  model: Model,
  src: Group,
  dst: Group,
  port: number,
  protocol: Protocol,
  family: IpFamily | undefined,
): boolean {
  const e = isolatingPolicies(model, src).egress;
  const dstParty = partyOf(dst);
  const egressOk =
    e.length === 0 ||
    matchingRules(
      model,
      e.flatMap((p) => p.egress),
      port,
      protocol,
      dst.ports,
    ).some((r) => anyPeer(model, r.peers, dstParty, family));
  if (!egressOk) return false;
  const i = isolatingPolicies(model, dst).ingress;
  const srcParty = partyOf(src);
  return (
    i.length === 0 ||
    matchingRules(
      model,
      i.flatMap((p) => p.ingress),
      port,
      protocol,
      dst.ports,
    ).some((r) => anyPeer(model, r.peers, srcParty, family))
  );
}
