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
import { isolatingPolicies, type CompiledPeer, type CompiledRule, type Group, type Model } from "./model.js";
import { peerMatches, portMatches, type Party } from "./evaluate.js";
import type { IpFamily } from "./ip.js";

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

function partyOf(g: Group): Party {
  const first = g.members[0];
  return { kind: "pod", group: g, name: first?.key ?? "", ...(first ? { pod: first } : {}) };
}

function familyOf(g: Group): IpFamily | undefined {
  return g.members[0]?.ips[0]?.family;
}

interface Side {
  isolated: boolean;
  /** Peers of the rules whose ports match; undefined entry: a rule with no peers (matches all). */
  rules: { rule: CompiledRule; peers: CompiledPeer[] | undefined }[];
  /** Whether some rule names a port, so matching depends on the destination. */
  named: boolean;
}

function ingressSide(model: Model, dst: Group, port: number, protocol: Protocol): Side {
  const policies = isolatingPolicies(model, dst).ingress;
  const scratch: string[] = [];
  const rules: Side["rules"] = [];
  for (const p of policies) {
    for (const rule of p.ingress) {
      if (rule.ports && !rule.ports.some((e) => portMatches(e, port, protocol, dst.ports, model, scratch)))
        continue;
      rules.push({ rule, peers: rule.peers });
    }
  }
  return { isolated: policies.length > 0, rules, named: false };
}

function egressSide(model: Model, src: Group): { isolated: boolean; rules: CompiledRule[] } {
  const policies = isolatingPolicies(model, src).egress;
  return { isolated: policies.length > 0, rules: policies.flatMap((p) => p.egress) };
}

function anyPeer(
  peers: CompiledPeer[] | undefined,
  other: Party,
  family: IpFamily | undefined,
  model: Model,
): boolean {
  if (!peers) return true;
  const scratch: string[] = [];
  return peers.some((p) => peerMatches(p, other, family, model, scratch));
}

/** The reachability of every source group to every destination group on one port. */
export function groupMatrix(
  model: Model,
  port: number,
  protocol: Protocol,
  groups: Group[] = model.groups,
  destinations: Group[] = groups,
): boolean[][] {
  const scratch: string[] = [];
  const ingress = destinations.map((d) => ingressSide(model, d, port, protocol));
  const dstParties = destinations.map(partyOf);
  const cells: boolean[][] = [];
  for (const src of groups) {
    const egress = egressSide(model, src);
    // Egress rules whose ports match regardless of the destination (no named ports).
    const portOk = egress.rules.map((r) =>
      r.ports === undefined
        ? true
        : r.ports.some(
            (e) => e.name === undefined && portMatches(e, port, protocol, undefined, model, scratch),
          ),
    );
    const hasNamed = egress.rules.some((r) => r.ports?.some((e) => e.name !== undefined));
    const srcParty = partyOf(src);
    const row: boolean[] = new Array<boolean>(destinations.length);
    for (let j = 0; j < destinations.length; j++) {
      const dst = destinations[j] as Group;
      const family = familyOf(dst) ?? familyOf(src);
      const dstParty = dstParties[j] as Party;
      let out = !egress.isolated;
      if (!out) {
        for (let k = 0; k < egress.rules.length && !out; k++) {
          const rule = egress.rules[k] as CompiledRule;
          let ok = portOk[k] as boolean;
          if (!ok && hasNamed && rule.ports)
            ok = rule.ports.some((e) => portMatches(e, port, protocol, dst.ports, model, scratch));
          if (ok && anyPeer(rule.peers, dstParty, family, model)) out = true;
        }
      }
      if (!out) {
        row[j] = false;
        continue;
      }
      const side = ingress[j] as Side;
      let inn = !side.isolated;
      for (let k = 0; k < side.rules.length && !inn; k++) {
        if (anyPeer(side.rules[k]?.peers, srcParty, family, model)) inn = true;
      }
      row[j] = inn;
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
  const scratch: string[] = [];
  const e = isolatingPolicies(model, src).egress;
  const srcParty = partyOf(src);
  const dstParty = partyOf(dst);
  const egressOk =
    e.length === 0 ||
    e.some((p) =>
      p.egress.some(
        (r) =>
          (!r.ports || r.ports.some((x) => portMatches(x, port, protocol, dst.ports, model, scratch))) &&
          anyPeer(r.peers, dstParty, family, model),
      ),
    );
  if (!egressOk) return false;
  const i = isolatingPolicies(model, dst).ingress;
  return (
    i.length === 0 ||
    i.some((p) =>
      p.ingress.some(
        (r) =>
          (!r.ports || r.ports.some((x) => portMatches(x, port, protocol, dst.ports, model, scratch))) &&
          anyPeer(r.peers, srcParty, family, model),
      ),
    )
  );
}
