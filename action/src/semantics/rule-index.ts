/**
 * Which rules of one policy direction can match a peer, found without checking them all.
 *
 * An address outside the cluster can match a rule whose peers are all ipBlocks only when
 * one of its CIDRs contains the address: those rules are indexed by network (prefix length
 * and network address), and an address looks up each prefix length in use. A pod can match
 * such a rule only through an ipBlock holding one of its IPs (precomputed per group), so a
 * pod in no ipBlock skips them. Every other rule (no peers, selector or FQDN peers, or a
 * port range, whose check leaves a note) is a candidate for every peer. Candidates are
 * checked in rule order, so verdicts, rule references and notes are those of a full scan.
 */
import type { CompiledRule, Group, Party } from "./model.js";
import type { IpFamily } from "../k8s/ip.js";

/** Below this many rules a scan is cheaper than a lookup. */
export const INDEXED_RULES_MIN = 16;

interface RuleIndex {
  /** Rules checked for every peer, ascending. */
  always: number[];
  /** Rules whose peers are all ipBlocks, ascending. */
  ipOnly: number[];
  /** Per family: "prefix/network" → ipOnly rules with a CIDR of that network. */
  networks: Record<IpFamily, Map<string, number[]>>;
  /** Per family: the prefix lengths in use. */
  prefixes: Record<IpFamily, number[]>;
}

const INDEXES = new WeakMap<readonly CompiledRule[], RuleIndex>();

function buildIndex(rules: readonly CompiledRule[]): RuleIndex {
  const index: RuleIndex = {
    always: [],
    ipOnly: [],
    networks: { 4: new Map(), 6: new Map() },
    prefixes: { 4: [], 6: [] },
  };
  rules.forEach((rule, i) => {
    const peers = rule.peers;
    const leavesNote = (rule.ports ?? []).some((p) => p.endPort !== undefined);
    if (!peers || leavesNote || peers.some((p) => p.kind !== "ipBlock")) {
      index.always.push(i);
      return;
    }
    index.ipOnly.push(i);
    for (const peer of peers) {
      if (peer.kind !== "ipBlock") continue;
      const { family, prefix, base } = peer.block.cidr;
      const key = `${prefix}/${base}`;
      const list = index.networks[family].get(key);
      if (list === undefined) index.networks[family].set(key, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
      if (!index.prefixes[family].includes(prefix)) index.prefixes[family].push(prefix);
    }
  });
  return index;
}

function networkOf(family: IpFamily, value: number | bigint, prefix: number): number | bigint {
  if (family === 4) return prefix === 0 ? 0 : ((value as number) & (-1 << (32 - prefix))) >>> 0;
  const host = (1n << BigInt(128 - prefix)) - 1n;
  return (value as bigint) & ~host & ((1n << 128n) - 1n);
}

/** Ascending union of two ascending lists. */
function merge(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x < y)) out.push(a[i++] as number);
    else if (x === undefined || y < x) out.push(b[j++] as number);
    else {
      out.push(x);
      i++;
      j++;
    }
  }
  return out;
}

function holdsIpBlocks(group: Group, family: IpFamily | undefined): boolean {
  return family !== undefined && group.ipBlocksByFamily[family].size > 0;
}

/**
 * The indices of the rules that can match `peer`, ascending; undefined when every rule is
 * to be checked (few rules).
 */
export function candidateRules(
  rules: readonly CompiledRule[],
  peer: Party,
  family: IpFamily | undefined,
): readonly number[] | undefined {
  if (rules.length < INDEXED_RULES_MIN) return undefined;
  let index = INDEXES.get(rules);
  if (index === undefined) {
    index = buildIndex(rules);
    INDEXES.set(rules, index);
  }
  if (peer.kind === "pod")
    return holdsIpBlocks(peer.group, family) ? merge(index.always, index.ipOnly) : index.always;
  const ip = peer.ip;
  const hits = new Set<number>();
  for (const prefix of index.prefixes[ip.family]) {
    const list = index.networks[ip.family].get(`${prefix}/${networkOf(ip.family, ip.value, prefix)}`);
    if (list) for (const i of list) hits.add(i);
  }
  return hits.size === 0
    ? index.always
    : merge(
        index.always,
        [...hits].sort((a, b) => a - b),
      );
}
