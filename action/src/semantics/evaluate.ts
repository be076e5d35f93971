/**
 * Exact NetworkPolicy v1 verdicts with reasons.
 *
 * A connection from A to B on port/protocol is allowed when egress is allowed at A AND
 * ingress is allowed at B. A direction is allowed when no policy selecting the pod isolates
 * it in that direction, or when at least one rule of those policies matches (allows are the
 * union over all policies). An address outside the cluster has no policies: a connection
 * from or to it is judged on the pod's side only.
 */
import type { Protocol } from "../k8s/types.js";
import type { RuleRef } from "./contracts.js";
import {
  ipBlockContains,
  isolatingPolicies,
  type CompiledPeer,
  type CompiledPolicy,
  type CompiledPort,
  type CompiledRule,
  type Group,
  type Model,
  type Party,
} from "./model.js";
import type { DirectionVerdict, PolicyRef, Verdict } from "./verdict.js";
import { parseIp, type Ip, type IpFamily } from "../k8s/ip.js";
import { candidateRules } from "./rule-index.js";
import type { ContainerPort } from "../k8s/types.js";

export type { DirectionOutcome, DirectionVerdict, PolicyRef, Verdict } from "./verdict.js";
export type { Party } from "./model.js";

/** A connection to check. `from`/`to`: "namespace/pod" or an IP address (a pod IP names its pod). */
export interface Probe {
  from: string;
  to: string;
  port: number;
  /** Default TCP. */
  protocol?: Protocol;
}

/** A probe names a pod the model does not know, or two addresses outside the cluster. */
export class EndpointError extends Error {
  override name = "EndpointError";
}

export function resolveParty(model: Model, text: string): { party: Party; ip?: Ip } {
  const known = model.podsByKey.get(text);
  if (known)
    return (known.resolved ??= { party: { kind: "pod", group: known.group, name: known.key, pod: known } });
  const ip = parseIp(text);
  if (ip) {
    const pod = model.podsByIp.get(ip.text);
    if (pod) return { party: { kind: "pod", group: pod.group, name: pod.key, pod }, ip };
    return { party: { kind: "external", ip, name: ip.text }, ip };
  }
  const hint = text.includes("/") ? "" : ' (write "namespace/pod" or an IP address)';
  throw new EndpointError(`unknown pod "${text}"${hint}`);
}

function primaryFamily(party: Party, given: Ip | undefined): IpFamily | undefined {
  if (given) return given.family;
  if (party.kind === "external") return party.ip.family;
  return party.pod?.ips[0]?.family;
}

/** Evaluates one probe. Throws EndpointError for an unknown pod or two external sides. */
export function evaluate(model: Model, probe: Probe): Verdict {
  const protocol = probe.protocol ?? "TCP";
  const src = resolveParty(model, probe.from);
  const dst = resolveParty(model, probe.to);
  // The address family of the connection: the destination's address decides (as a client
  // connecting to it would), else the source's.
  const family = primaryFamily(dst.party, dst.ip) ?? primaryFamily(src.party, src.ip);
  const verdict = evaluateParties(model, src.party, dst.party, probe.port, protocol, family);
  const extra: string[] = [];
  for (const party of [src.party, dst.party]) {
    const finished = party.kind === "external" ? model.finishedIps.get(party.ip.text) : undefined;
    if (finished) {
      extra.push(
        `${party.name} is listed only by finished pod ${finished.join(", ")}, which holds no IP; no running pod has it, so it is judged as outside the cluster`,
      );
    }
  }
  // Verdicts share their notes arrays: a new one, never a push.
  return extra.length === 0 ? verdict : { ...verdict, notes: [...verdict.notes, ...extra] };
}

/** Evaluates a connection between resolved parties (groups or external addresses). */
export function evaluateParties(
  model: Model,
  from: Party,
  to: Party,
  port: number,
  protocol: Protocol,
  family: IpFamily | undefined,
): Verdict {
  if (from.kind === "external" && to.kind === "external") {
    throw new EndpointError(`${from.name} -> ${to.name}: at least one side must be a pod of the cluster`);
  }
  const egress =
    from.kind === "pod"
      ? direction(model, "egress", from.group, to, port, protocol, family)
      : EXTERNAL.egress;
  const ingress =
    to.kind === "pod"
      ? direction(model, "ingress", to.group, from, port, protocol, family)
      : EXTERNAL.ingress;
  const loopback = from.kind === "pod" && to.kind === "pod" && from.pod !== undefined && from.pod === to.pod;
  const notes =
    egress.notes.length + ingress.notes.length === 0 && !loopback
      ? NO_NOTES
      : unique([...egress.notes, ...ingress.notes, ...(loopback ? [LOOPBACK_NOTE] : [])]);
  return {
    from: from.name,
    to: to.name,
    port,
    protocol,
    allowed: egress.allowed && ingress.allowed,
    egress,
    ingress,
    notes,
  };
}

const NO_NOTES: string[] = [];

/** kubernetes/kubernetes#95879: the upstream conformance tests ignore a pod's connections to itself. */
const LOOPBACK_NOTE =
  "a pod connecting to itself: NetworkPolicy leaves this undefined and CNIs differ (the upstream conformance tests ignore it); judged here like any other pair";

/** Like evaluateParties(...).allowed, without building the verdict (for bulk comparisons). */
export function isAllowed(
  model: Model,
  from: Party,
  to: Party,
  port: number,
  protocol: Protocol,
  family: IpFamily | undefined,
): boolean {
  if (from.kind === "pod" && !direction(model, "egress", from.group, to, port, protocol, family).allowed)
    return false;
  return to.kind !== "pod" || direction(model, "ingress", to.group, from, port, protocol, family).allowed;
}

const EXTERNAL: Record<"ingress" | "egress", DirectionVerdict> = {
  ingress: {
    direction: "ingress",
    outcome: "external",
    allowed: true,
    allowedBy: [],
    isolatedBy: [],
    notes: [],
  },
  egress: {
    direction: "egress",
    outcome: "external",
    allowed: true,
    allowedBy: [],
    isolatedBy: [],
    notes: [],
  },
};

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

const PROTOCOL_INDEX: Record<Protocol, number> = { TCP: 0, UDP: 1, SCTP: 2 };

/**
 * The verdict for one direction at `self` (the pod whose policies apply), cached per group:
 * for a pod peer by (port, protocol, family) then peer group, for an address by a string key.
 */
function direction(
  model: Model,
  dir: "ingress" | "egress",
  self: Group,
  peer: Party,
  port: number,
  protocol: Protocol,
  family: IpFamily | undefined,
): DirectionVerdict {
  const caches = (self.verdicts ??= {
    ingress: new Map(),
    egress: new Map(),
    ingressExternal: new Map(),
    egressExternal: new Map(),
  });
  const tail = (port * 3 + PROTOCOL_INDEX[protocol]) * 3 + (family === undefined ? 0 : family === 4 ? 1 : 2);
  if (peer.kind === "pod") {
    const byTail = caches[dir];
    let cache = byTail.get(tail);
    if (!cache) {
      cache = new Map();
      byTail.set(tail, cache);
    }
    let v = cache.get(peer.group.id);
    if (!v) {
      v = computeDirection(model, dir, self, peer, port, protocol, family);
      cache.set(peer.group.id, v);
    }
    return v;
  }
  const cache = dir === "ingress" ? caches.ingressExternal : caches.egressExternal;
  const key = `${peer.ip.text}${peer.fqdn === undefined ? "" : `@${peer.fqdn}`}|${tail}`;
  let v = cache.get(key);
  if (!v) {
    v = computeDirection(model, dir, self, peer, port, protocol, family);
    cache.set(key, v);
  }
  return v;
}

function policyRef(p: CompiledPolicy): PolicyRef {
  return { namespace: p.namespace, name: p.name, ...(p.source ? { source: p.source } : {}) };
}

// Shared by verdicts that allow nothing or are not isolated; frozen, since verdicts are cached and shared.
const NONE = Object.freeze([]) as unknown as never[];

/** Notes of the rule being judged (reused: computeDirection does not nest; verdicts get copies). */
const SCRATCH: string[] = [];

/**
 * How a rule's ports, or its peers, judged a connection. match: an entry matches on every CNI;
 * noted: only entries whose match depends on the CNI (their notes say how); near: none matches,
 * but one would on a CNI that behaves the other way (their notes say why not); miss: none
 * matches on any CNI.
 */
type Judgement = "match" | "noted" | "near" | "miss";

/**
 * Notes are those of the rules the outcome rests on: when a rule allows on every CNI, none;
 * else, if allowed, those of every allowing rule; if denied, those of the rules that only
 * CNI behaviour kept from matching. A CNI without SCTP policy support adds its note where a
 * policy isolates SCTP traffic; a direction no policy isolates has no notes.
 */
function computeDirection(
  model: Model,
  dir: "ingress" | "egress",
  self: Group,
  peer: Party,
  port: number,
  protocol: Protocol,
  family: IpFamily | undefined,
): DirectionVerdict {
  const isolating = isolatingPolicies(model, self)[dir];
  if (isolating.length === 0) {
    return {
      direction: dir,
      outcome: "not-isolated",
      allowed: true,
      allowedBy: NONE,
      isolatedBy: NONE,
      notes: NONE,
    };
  }
  // Named ports resolve against the destination pod: the pod itself for ingress, the peer for
  // egress (an address outside the cluster has no named ports).
  const destinationPorts =
    dir === "ingress" ? self.ports : peer.kind === "pod" ? peer.group.ports : undefined;
  const notes = SCRATCH;
  let allowedBy: RuleRef[] | undefined;
  /** Some rule allows on every CNI. */
  let firm = false;
  let allowingNotes: string[] | undefined;
  let nearNotes: string[] | undefined;
  const judge = (policy: CompiledPolicy, rule: CompiledRule): void => {
    notes.length = 0;
    const ports = rule.ports
      ? judgePorts(rule.ports, port, protocol, destinationPorts, model, notes)
      : "match";
    if (ports === "miss") return;
    const split = notes.length;
    const peers = rule.peers ? judgePeers(rule.peers, peer, family, model, notes) : "match";
    if (peers === "miss") return;
    if (ports !== "near" && peers !== "near") {
      (allowedBy ??= []).push(ruleRef(policy, rule, dir));
      if (notes.length === 0) firm = true;
      else if (!firm) (allowingNotes ??= []).push(...notes);
    } else if (allowedBy === undefined) {
      // Only the near part speaks: it alone kept the rule from matching.
      const from = ports === "near" ? 0 : split;
      const to = peers === "near" ? notes.length : split;
      for (let i = from; i < to; i++) (nearNotes ??= []).push(notes[i] as string);
    }
  };
  for (const policy of isolating) {
    const rules = dir === "ingress" ? policy.ingress : policy.egress;
    // Many rules (a long allow-list of CIDRs): only those that can match this peer.
    const candidates = candidateRules(rules, peer, family);
    if (candidates === undefined) for (const rule of rules) judge(policy, rule);
    else for (const i of candidates) judge(policy, rules[i] as CompiledRule);
  }
  const ruleNotes = allowedBy ? (firm ? undefined : allowingNotes) : nearNotes;
  const profile = model.profile;
  const sctp =
    protocol === "SCTP" && !profile.sctpSupported
      ? (profile.notes["sctp"] ?? `${profile.name}: SCTP is not supported by this CNI`)
      : undefined;
  return {
    direction: dir,
    outcome: allowedBy ? "allowed" : "denied",
    allowed: allowedBy !== undefined,
    allowedBy: allowedBy ?? NONE,
    isolatedBy: isolatingRefs(self, dir, isolating),
    notes:
      sctp !== undefined
        ? unique([sctp, ...(ruleNotes ?? [])])
        : ruleNotes === undefined
          ? NONE
          : unique(ruleNotes),
  };
}

/**
 * Folds one more entry into a list's judgement `so`. The entry left at most one note, at
 * notes[before]; from `mark` on, `notes` holds the notes of the judgement returned.
 */
function fold(so: Judgement, hit: boolean, notes: string[], mark: number, before: number): Judgement {
  const noted = notes.length > before;
  if (hit && !noted) {
    notes.length = mark;
    return "match";
  }
  if (hit) {
    if (so !== "noted") {
      const note = notes[before] as string;
      notes.length = mark;
      notes.push(note);
    }
    return "noted";
  }
  if (so === "noted") {
    notes.length = before;
    return so;
  }
  return noted ? "near" : so;
}

function judgePorts(
  ports: CompiledPort[],
  port: number,
  protocol: Protocol,
  destinationPorts: ContainerPort[] | undefined,
  model: Model,
  notes: string[],
): Judgement {
  const mark = notes.length;
  let so: Judgement = "miss";
  for (let i = 0; i < ports.length && so !== "match"; i++) {
    const before = notes.length;
    const hit = portMatches(ports[i] as CompiledPort, port, protocol, destinationPorts, model, notes);
    so = fold(so, hit, notes, mark, before);
  }
  return so;
}

function judgePeers(
  peers: CompiledPeer[],
  other: Party,
  family: IpFamily | undefined,
  model: Model,
  notes: string[],
): Judgement {
  const mark = notes.length;
  let so: Judgement = "miss";
  for (let i = 0; i < peers.length && so !== "match"; i++) {
    const before = notes.length;
    const hit = peerMatches(peers[i] as CompiledPeer, other, family, model, notes);
    so = fold(so, hit, notes, mark, before);
  }
  return so;
}

/** The RuleRef of a rule, built once per rule. */
function ruleRef(policy: CompiledPolicy, rule: CompiledRule, dir: "ingress" | "egress"): RuleRef {
  if (rule.ref) return rule.ref;
  const source = rule.origins[0] ?? policy.source;
  rule.ref = {
    namespace: policy.namespace,
    policy: policy.name,
    direction: dir,
    ruleIndex: rule.index,
    ...(source ? { source } : {}),
    ...(rule.origins.length > 1 ? { origins: rule.origins } : {}),
  };
  return rule.ref;
}

function isolatingRefs(group: Group, dir: "ingress" | "egress", isolating: CompiledPolicy[]): PolicyRef[] {
  const refs = (group.isolatingRefs ??= {});
  return (refs[dir] ??= isolating.map(policyRef));
}

/**
 * Whether a port entry matches. When the answer depends on the CNI, pushes one note to
 * `notes` saying so (a match or a miss); never more than one.
 */
export function portMatches(
  entry: CompiledPort,
  port: number,
  protocol: Protocol,
  destinationPorts: ContainerPort[] | undefined,
  model: Model,
  notes: string[] | undefined,
): boolean {
  if (entry.protocol !== protocol) return false;
  if (entry.name !== undefined) {
    // A named port matches when the destination pod has a container port with that name and
    // protocol whose number is the traffic's port.
    return (destinationPorts ?? []).some(
      (cp) => cp.name === entry.name && (cp.protocol ?? "TCP") === protocol && cp.containerPort === port,
    );
  }
  if (entry.port === undefined) return true;
  if (entry.endPort !== undefined && entry.endPort > entry.port) {
    if (port === entry.port) return true;
    if (port < entry.port || port > entry.endPort) return false;
    const profile = model.profile;
    if (profile.endPortSupported) {
      // Some CNIs accepted endPort without enforcing it (cilium/cilium#28684): say it mattered.
      notes?.push(
        profile.notes["endPort"] ??
          `${profile.name}: port ${port} is allowed by the endPort range ${entry.port}-${entry.endPort}; a CNI without endPort support would match port ${entry.port} only`,
      );
      return true;
    }
    // Kubernetes docs: a plugin without endPort support applies the policy to `port` only.
    notes?.push(
      profile.notes["endPort"] ??
        `${profile.name}: endPort is not supported, so the range ${entry.port}-${entry.endPort} matches port ${entry.port} only`,
    );
    return false;
  }
  return port === entry.port;
}

/** Whether a peer matches; like portMatches, one note when the answer depends on the CNI. */
export function peerMatches(
  peer: CompiledPeer,
  other: Party,
  family: IpFamily | undefined,
  model: Model,
  notes: string[] | undefined,
): boolean {
  switch (peer.kind) {
    case "invalid":
      return false;
    case "fqdn": {
      if (other.kind !== "external" || other.fqdn === undefined) return false;
      const name = other.fqdn.toLowerCase().replace(/\.$/, "");
      return peer.patterns.some((p) => p.test(name));
    }
    case "pods": {
      if (other.kind !== "pod") return false;
      const ns = other.group.namespace;
      const nsMatches = peer.namespaceSelector
        ? peer.namespaceSelector.matches(ns.labels)
        : ns.name === peer.policyNamespace;
      return nsMatches && (peer.podSelector ? peer.podSelector.matches(other.group.labels) : true);
    }
    case "ipBlock": {
      if (other.kind === "external") return ipBlockContains(peer.block, other.ip);
      if (family === undefined || !other.group.ipBlocksByFamily[family].has(peer.block.id)) return false;
      const profile = model.profile;
      notes?.push(
        profile.notes["ipBlock"] ??
          `${profile.name}: ipBlock ${profile.ipBlockMatchesPodIps ? "matches" : "does not match"} pod IPs`,
      );
      return profile.ipBlockMatchesPodIps;
    }
  }
}
