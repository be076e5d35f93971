/**
 * The analysis model: pods, namespaces and NetworkPolicies (networking.k8s.io/v1) compiled
 * once for fast, exact evaluation.
 *
 * Scale: pods that no policy can tell apart share a group: same namespace, same values for
 * every label key some podSelector reads, same named container ports that some policy
 * names, and the same set of ipBlocks their IPs fall in. Verdicts are computed per group
 * and cached, so a cluster of 10,000 pods with a few hundred workloads costs a few hundred
 * distinct evaluations per port.
 */
import { emptyRecord, setEntry } from "../k8s/record.js";
import type {
  CiliumNetworkPolicy,
  ContainerPort,
  IPBlock,
  LabelSelector,
  LabelSelectorRequirement,
  Namespace,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  Pod,
  Protocol,
} from "../k8s/types.js";
import type { CniProfile } from "../cni/profiles.js";
import type { SourceRef } from "../intent/model.js";
import { SOURCE_ANNOTATION } from "../compile/types.js";
import type { RuleRef } from "./contracts.js";
import type { DirectionVerdict, PolicyRef } from "./verdict.js";
import { compileSelector, type CompiledSelector, type Labels } from "./selector.js";
import { cidrContains, parseCidr, parseIp, type Cidr, type Ip, type IpFamily } from "../k8s/ip.js";

export const METADATA_NAME_LABEL = "kubernetes.io/metadata.name";

/** One side of a connection, resolved. */
export type Party =
  | { kind: "pod"; group: Group; name: string; pod?: PodInfo }
  /** `fqdn`: the destination was named by DNS (its address stands for any address of the name). */
  | { kind: "external"; ip: Ip; name: string; fqdn?: string };

/** A policy with what the compiler knows about where its rules came from. */
export interface PolicyInput {
  policy: NetworkPolicy;
  /** Index-aligned with spec.ingress / spec.egress: the intent declarations behind each rule. */
  ruleOrigins?: { ingress: SourceRef[][]; egress: SourceRef[][] };
}

export interface ModelInput {
  pods: Pod[];
  namespaces: Namespace[];
  policies: (NetworkPolicy | PolicyInput)[];
  profile: CniProfile;
  /**
   * CiliumNetworkPolicies (cilium profile only): their L3/L4 part is evaluated together with
   * the NetworkPolicies, as Cilium does (toEndpoints, toFQDNs, toCIDR, toCIDRSet, toPorts);
   * L7 rules are ignored.
   */
  ciliumPolicies?: CiliumPolicyInput[];
}

export interface CiliumPolicyInput {
  policy: CiliumNetworkPolicy;
  ruleOrigins?: { ingress: SourceRef[][]; egress: SourceRef[][] };
}

export interface NamespaceInfo {
  name: string;
  /** Labels as given, plus kubernetes.io/metadata.name (the API server always sets it). */
  labels: Labels;
}

export interface PodInfo {
  namespace: string;
  name: string;
  /** "namespace/name". */
  key: string;
  labels: Labels;
  ports: ContainerPort[];
  /** Pod IPs in status order (the first is the primary IP). */
  ips: Ip[];
  group: Group;
  /** Built on first use (evaluate.ts): this pod as one side of a connection. */
  resolved?: { party: Party };
}

/** Pods that every policy treats alike. */
export interface Group {
  id: number;
  namespace: NamespaceInfo;
  /** Labels of the first member (members agree on every key a selector reads). */
  labels: Labels;
  /** Container ports of the first member (members agree on every port name a policy uses). */
  ports: ContainerPort[];
  members: PodInfo[];
  /** Ids of the ipBlocks (see Model.ipBlocks) that contain the members' IP, per family. */
  ipBlocksByFamily: Record<IpFamily, ReadonlySet<number>>;
  /** Filled on first use: the policies selecting the group, by direction they isolate. */
  isolating?: { ingress: CompiledPolicy[]; egress: CompiledPolicy[] };
  /** Filled on first use (evaluate.ts): references to the isolating policies. */
  isolatingRefs?: { ingress?: PolicyRef[]; egress?: PolicyRef[] };
  /** Verdict caches of evaluate.ts, per direction judged at this group. */
  verdicts?: {
    ingress: Map<number, Map<number, DirectionVerdict>>;
    egress: Map<number, Map<number, DirectionVerdict>>;
    ingressExternal: Map<string, DirectionVerdict>;
    egressExternal: Map<string, DirectionVerdict>;
  };
}

export interface CompiledPort {
  protocol: Protocol;
  /** Absent: every port of the protocol. */
  port?: number;
  endPort?: number;
  /** A named port, resolved against the destination pod's container ports. */
  name?: string;
}

export type CompiledPeer =
  | {
      kind: "pods";
      /** Absent: the policy's own namespace. */
      namespaceSelector?: CompiledSelector;
      /** Absent: every pod of the selected namespaces. */
      podSelector?: CompiledSelector;
      policyNamespace: string;
    }
  | { kind: "ipBlock"; block: IpBlockInfo }
  /** CiliumNetworkPolicy toFQDNs: matches a destination named by DNS (see fqdn in Party). */
  | { kind: "fqdn"; patterns: RegExp[]; text: string }
  /** A peer with no selector and no ipBlock; the API server rejects it, it matches nothing. */
  | { kind: "invalid" };

export interface IpBlockInfo {
  id: number;
  cidr: Cidr;
  except: Cidr[];
  text: string;
}

export interface CompiledRule {
  index: number;
  /** undefined: every peer (from/to absent or empty). */
  peers?: CompiledPeer[];
  /** undefined: every port and protocol (ports absent or empty). */
  ports?: CompiledPort[];
  origins: SourceRef[];
  /** Built on first use (evaluate.ts). */
  ref?: RuleRef;
}

export interface CompiledPolicy {
  namespace: string;
  name: string;
  podSelector: CompiledSelector;
  /** After defaulting: Ingress always when policyTypes is absent; Egress when egress rules exist. */
  isolatesIngress: boolean;
  isolatesEgress: boolean;
  /** Whether policyTypes was absent or empty and came from the defaulting rule. */
  policyTypesDefaulted: boolean;
  ingress: CompiledRule[];
  egress: CompiledRule[];
  source?: SourceRef;
  original: NetworkPolicy | CiliumNetworkPolicy;
}

export interface ModelProblem {
  object: string;
  message: string;
}

export interface Model {
  profile: CniProfile;
  namespaces: Map<string, NamespaceInfo>;
  pods: PodInfo[];
  podsByKey: Map<string, PodInfo>;
  /** Pod IPs that belong to exactly one pod. */
  podsByIp: Map<string, PodInfo>;
  /** Addresses still listed by finished pods (Succeeded, Failed), which hold no IP: ip → pod keys. */
  finishedIps: Map<string, string[]>;
  groups: Group[];
  policies: CompiledPolicy[];
  policiesByNamespace: Map<string, CompiledPolicy[]>;
  ipBlocks: IpBlockInfo[];
  /** Things the API server would have rejected or that the model had to skip. */
  problems: ModelProblem[];
  /** Per-peer memo of matrix.ts: which groups (by id) a selector peer matches. */
  peerHits: Map<CompiledPeer, Uint8Array>;
}

/** Parses a `netpol-rollout.io/source` annotation: "file:line" or "file:line:column". */
export function parseSourceAnnotation(value: string | undefined): SourceRef | undefined {
  if (!value) return undefined;
  const m = /^(.+?):(\d+)(?::(\d+))?$/.exec(value.trim());
  if (!m) return undefined;
  return { file: m[1] as string, line: Number(m[2]), column: m[3] === undefined ? 1 : Number(m[3]) };
}

function isPolicyInput(p: NetworkPolicy | PolicyInput): p is PolicyInput {
  return (p as PolicyInput).policy !== undefined && (p as NetworkPolicy).spec === undefined;
}

function compilePort(p: NetworkPolicyPort): CompiledPort {
  const protocol = p.protocol ?? "TCP";
  if (p.port === undefined || p.port === null) return { protocol };
  if (typeof p.port === "string") {
    // An all-digit string is how YAML users sometimes write a number; the API would store an int.
    if (/^\d+$/.test(p.port)) return { protocol, port: Number(p.port), ...endPortOf(p) };
    return { protocol, name: p.port };
  }
  return { protocol, port: p.port, ...endPortOf(p) };
}

function endPortOf(p: NetworkPolicyPort): { endPort?: number } {
  return typeof p.endPort === "number" ? { endPort: p.endPort } : {};
}

/**
 * What compiling one policy gives a model: the policy, and the label keys, port names and
 * problems it adds. Kept per policy object and rule origins, so that the models of one bundle
 * (the diff's, the lint's, the probe plan's) compile each policy once; not kept for a policy
 * with an ipBlock, since each model numbers its own blocks. Compiled policies are never
 * changed: what evaluation caches on a rule (its RuleRef) is the same in every model.
 */
interface PolicyCompilation {
  policy: CompiledPolicy | undefined;
  podKeys: string[];
  portNames: string[];
  problems: ModelProblem[];
}

const COMPILED = new WeakMap<object, Map<object | undefined, PolicyCompilation>>();

class Builder {
  readonly problems: ModelProblem[] = [];
  readonly cilium = new CiliumTranslator(this);
  readonly ipBlocks: IpBlockInfo[] = [];
  private readonly blockIds = new Map<string, number>();
  readonly podKeys = new Set<string>();
  readonly portNames = new Set<string>();
  /** What the policy being compiled adds, while one is. */
  private recording: { podKeys: Set<string>; portNames: Set<string>; blocks: number } | undefined;

  /** Compiles a policy, or takes its compilation by an earlier model (see COMPILED). */
  once(
    manifest: object,
    origins: object | undefined,
    compile: () => CompiledPolicy | undefined,
  ): CompiledPolicy | undefined {
    const known = COMPILED.get(manifest)?.get(origins);
    if (known) {
      for (const k of known.podKeys) this.podKeys.add(k);
      for (const n of known.portNames) this.portNames.add(n);
      for (const p of known.problems) this.problems.push({ ...p });
      return known.policy;
    }
    const recording = { podKeys: new Set<string>(), portNames: new Set<string>(), blocks: 0 };
    const firstProblem = this.problems.length;
    this.recording = recording;
    const policy = compile();
    this.recording = undefined;
    if (recording.blocks === 0) {
      const byOrigins = COMPILED.get(manifest) ?? new Map<object | undefined, PolicyCompilation>();
      byOrigins.set(origins, {
        policy,
        podKeys: [...recording.podKeys],
        portNames: [...recording.portNames],
        problems: this.problems.slice(firstProblem).map((p) => ({ ...p })),
      });
      COMPILED.set(manifest, byOrigins);
    }
    return policy;
  }

  ipBlock(block: IPBlock, object: string): CompiledPeer {
    if (this.recording) this.recording.blocks++;
    const cidr = parseCidr(String(block.cidr ?? ""));
    if (!cidr) {
      this.problems.push({ object, message: `ipBlock.cidr "${String(block.cidr)}" is not a valid CIDR` });
      return { kind: "invalid" };
    }
    const except: Cidr[] = [];
    for (const e of block.except ?? []) {
      const c = parseCidr(String(e));
      if (!c) this.problems.push({ object, message: `ipBlock.except "${String(e)}" is not a valid CIDR` });
      else except.push(c);
    }
    const text =
      except.length > 0 ? `${cidr.text} except ${except.map((e) => e.text).join(", ")}` : cidr.text;
    let id = this.blockIds.get(text);
    if (id === undefined) {
      id = this.ipBlocks.length;
      this.blockIds.set(text, id);
      this.ipBlocks.push({ id, cidr, except, text });
    }
    return { kind: "ipBlock", block: this.ipBlocks[id] as IpBlockInfo };
  }

  peer(peer: NetworkPolicyPeer, policyNamespace: string, object: string): CompiledPeer {
    if (peer.ipBlock) return this.ipBlock(peer.ipBlock, object);
    if (!peer.podSelector && !peer.namespaceSelector) {
      this.problems.push({ object, message: "a peer must set podSelector, namespaceSelector or ipBlock" });
      return { kind: "invalid" };
    }
    const podSelector = peer.podSelector ? this.selector(peer.podSelector) : undefined;
    return {
      kind: "pods",
      policyNamespace,
      ...(peer.namespaceSelector ? { namespaceSelector: compileSelector(peer.namespaceSelector) } : {}),
      ...(podSelector ? { podSelector } : {}),
    };
  }

  selector(sel: LabelSelector): CompiledSelector {
    const c = compileSelector(sel);
    for (const k of c.keys) {
      this.podKeys.add(k);
      this.recording?.podKeys.add(k);
    }
    return c;
  }

  rule(
    rule: { peers?: NetworkPolicyPeer[]; ports?: NetworkPolicyPort[] },
    index: number,
    namespace: string,
    object: string,
    origins: SourceRef[],
  ): CompiledRule {
    const peers =
      rule.peers && rule.peers.length > 0
        ? rule.peers.map((p) => this.peer(p ?? {}, namespace, object))
        : undefined;
    const ports =
      rule.ports && rule.ports.length > 0 ? rule.ports.map((p) => compilePort(p ?? {})) : undefined;
    for (const p of ports ?? []) {
      if (p.name === undefined) continue;
      this.portNames.add(p.name);
      this.recording?.portNames.add(p.name);
    }
    return { index, ...(peers ? { peers } : {}), ...(ports ? { ports } : {}), origins };
  }

  policy(input: NetworkPolicy | PolicyInput): CompiledPolicy | undefined {
    const policy = isPolicyInput(input) ? input.policy : input;
    const ruleOrigins = isPolicyInput(input) ? input.ruleOrigins : undefined;
    const namespace = policy.metadata?.namespace ?? "default";
    const name = policy.metadata?.name ?? "(unnamed)";
    const object = `NetworkPolicy ${namespace}/${name}`;
    const spec = policy.spec;
    if (!spec || typeof spec !== "object") {
      this.problems.push({ object, message: "spec is missing" });
      return undefined;
    }
    const ingressRules = Array.isArray(spec.ingress) ? spec.ingress : [];
    const egressRules = Array.isArray(spec.egress) ? spec.egress : [];
    const types = Array.isArray(spec.policyTypes) ? spec.policyTypes : [];
    // Defaulting (networking/v1 SetDefaults_NetworkPolicy): with no policyTypes, every policy
    // affects Ingress, and Egress too when it has at least one egress rule.
    const policyTypesDefaulted = types.length === 0;
    const isolatesIngress = policyTypesDefaulted || types.includes("Ingress");
    const isolatesEgress = policyTypesDefaulted ? egressRules.length > 0 : types.includes("Egress");
    const source = parseSourceAnnotation(policy.metadata?.annotations?.[SOURCE_ANNOTATION]);
    const fallback = source ? [source] : [];
    return {
      namespace,
      name,
      podSelector: this.selector(spec.podSelector ?? {}),
      isolatesIngress,
      isolatesEgress,
      policyTypesDefaulted,
      ingress: ingressRules.map((r, i) =>
        this.rule(
          { ...(r?.from ? { peers: r.from } : {}), ...(r?.ports ? { ports: r.ports } : {}) },
          i,
          namespace,
          object,
          ruleOrigins?.ingress[i] ?? fallback,
        ),
      ),
      egress: egressRules.map((r, i) =>
        this.rule(
          { ...(r?.to ? { peers: r.to } : {}), ...(r?.ports ? { ports: r.ports } : {}) },
          i,
          namespace,
          object,
          ruleOrigins?.egress[i] ?? fallback,
        ),
      ),
      ...(source ? { source } : {}),
      original: policy,
    };
  }
}

function podIps(pod: Pod): string[] {
  const list = (pod.status?.podIPs ?? [])
    .map((p) => p?.ip)
    .filter((ip): ip is string => typeof ip === "string");
  if (list.length > 0) return list;
  return typeof pod.status?.podIP === "string" && pod.status.podIP !== "" ? [pod.status.podIP] : [];
}

function containerPorts(pod: Pod): ContainerPort[] {
  const out: ContainerPort[] = [];
  for (const c of pod.spec?.containers ?? []) for (const p of c?.ports ?? []) if (p) out.push(p);
  return out;
}

function ipBlockContains(block: IpBlockInfo, ip: Ip): boolean {
  return cidrContains(block.cidr, ip) && !block.except.some((e) => cidrContains(e, ip));
}

export { ipBlockContains };

/**
 * Compiles pods, namespaces and policies. Never throws on odd input: what the API server
 * would reject is recorded in `problems` and matches nothing.
 */
export function buildModel(input: ModelInput): Model {
  const b = new Builder();
  const policies: CompiledPolicy[] = [];
  for (const p of input.policies) {
    const c = isPolicyInput(p)
      ? b.once(p.policy, p.ruleOrigins, () => b.policy(p))
      : b.once(p, undefined, () => b.policy(p));
    if (c) policies.push(c);
  }
  for (const p of input.ciliumPolicies ?? []) {
    const c = b.once(p.policy, p.ruleOrigins, () => b.cilium.policy(p));
    if (c) policies.push(c);
  }
  const policiesByNamespace = new Map<string, CompiledPolicy[]>();
  for (const p of policies) {
    const list = policiesByNamespace.get(p.namespace);
    if (list) list.push(p);
    else policiesByNamespace.set(p.namespace, [p]);
  }

  const namespaces = new Map<string, NamespaceInfo>();
  for (const ns of input.namespaces) {
    const name = ns.metadata?.name;
    if (!name) continue;
    namespaces.set(name, { name, labels: { ...ns.metadata.labels, [METADATA_NAME_LABEL]: name } });
  }
  const namespaceOf = (name: string): NamespaceInfo => {
    let ns = namespaces.get(name);
    if (!ns) {
      ns = { name, labels: { [METADATA_NAME_LABEL]: name } };
      namespaces.set(name, ns);
    }
    return ns;
  };

  const podKeys = [...b.podKeys].sort();
  const portNames = b.portNames;
  const groupsByKey = new Map<string, Group>();
  const groups: Group[] = [];
  const pods: PodInfo[] = [];
  const podsByKey = new Map<string, PodInfo>();
  const podsByIp = new Map<string, PodInfo>();
  const finishedIps = new Map<string, string[]>();
  const sharedIps = new Set<string>();
  const blocksByFamily: Record<IpFamily, IpBlockInfo[]> = {
    4: b.ipBlocks.filter((x) => x.cidr.family === 4),
    6: b.ipBlocks.filter((x) => x.cidr.family === 6),
  };

  for (const pod of input.pods) {
    const namespace = pod.metadata?.namespace;
    const name = pod.metadata?.name;
    if (!namespace || !name) {
      b.problems.push({
        object: `Pod ${namespace ?? "?"}/${name ?? "?"}`,
        message: "pod without name or namespace",
      });
      continue;
    }
    const key = `${namespace}/${name}`;
    if (podsByKey.has(key)) {
      b.problems.push({ object: `Pod ${key}`, message: "duplicate pod; the first one is used" });
      continue;
    }
    const labels: Labels = pod.metadata.labels ?? {};
    const ports = containerPorts(pod);
    const ips: Ip[] = [];
    // A pod that has finished holds no IP: the address it still lists may be another pod's now.
    const finished = pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
    for (const text of finished ? [] : podIps(pod)) {
      const ip = parseIp(text);
      if (ip) ips.push(ip);
      else b.problems.push({ object: `Pod ${key}`, message: `pod IP "${text}" is not a valid IP address` });
    }
    const byFamily: Record<IpFamily, number[]> = { 4: [], 6: [] };
    for (const fam of [4, 6] as const) {
      const ip = ips.find((i) => i.family === fam);
      if (!ip) continue;
      for (const block of blocksByFamily[fam]) if (ipBlockContains(block, ip)) byFamily[fam].push(block.id);
    }
    const groupKey = [
      namespace,
      podKeys.map((k) => (Object.hasOwn(labels, k) ? `${k}=${labels[k]}` : `!${k}`)).join(","),
      ports
        .filter((p) => p.name !== undefined && portNames.has(p.name))
        .map((p) => `${p.name}/${p.protocol ?? "TCP"}/${p.containerPort}`)
        .sort()
        .join(","),
      byFamily[4].join(","),
      byFamily[6].join(","),
    ].join("\u0000");
    let group = groupsByKey.get(groupKey);
    if (!group) {
      group = {
        id: groups.length,
        namespace: namespaceOf(namespace),
        labels,
        ports,
        members: [],
        ipBlocksByFamily: { 4: new Set(byFamily[4]), 6: new Set(byFamily[6]) },
      };
      groups.push(group);
      groupsByKey.set(groupKey, group);
    }
    const info: PodInfo = { namespace, name, key, labels, ports, ips, group };
    group.members.push(info);
    pods.push(info);
    podsByKey.set(key, info);
    for (const ip of ips) {
      if (!podsByIp.has(ip.text)) podsByIp.set(ip.text, info);
      // Host-network pods share their node's IP: such an address names no single pod.
      else if (podsByIp.get(ip.text) !== info) sharedIps.add(ip.text);
    }
  }
  for (const ip of sharedIps) podsByIp.delete(ip);
  for (const pod of input.pods) {
    const phase = pod.status?.phase;
    if (phase !== "Succeeded" && phase !== "Failed") continue;
    for (const text of podIps(pod)) {
      const ip = parseIp(text);
      if (!ip) continue;
      const keys = finishedIps.get(ip.text) ?? [];
      keys.push(`${pod.metadata.namespace}/${pod.metadata.name} (${phase})`);
      finishedIps.set(ip.text, keys);
    }
  }

  return {
    profile: input.profile,
    namespaces,
    pods,
    podsByKey,
    podsByIp,
    finishedIps,
    groups,
    policies,
    policiesByNamespace,
    ipBlocks: b.ipBlocks,
    problems: b.problems,
    peerHits: new Map(),
  };
}

/** The policies that select the group's pods, split by the direction they isolate. */
export function isolatingPolicies(
  model: Model,
  group: Group,
): { ingress: CompiledPolicy[]; egress: CompiledPolicy[] } {
  if (group.isolating) return group.isolating;
  const ingress: CompiledPolicy[] = [];
  const egress: CompiledPolicy[] = [];
  // A policy's podSelector selects pods in the policy's own namespace only.
  for (const p of model.policiesByNamespace.get(group.namespace.name) ?? []) {
    if (!p.podSelector.matches(group.labels)) continue;
    if (p.isolatesIngress) ingress.push(p);
    if (p.isolatesEgress) egress.push(p);
  }
  group.isolating = { ingress, egress };
  return group.isolating;
}

// --- CiliumNetworkPolicy (L3/L4 subset) -----------------------------------------------------

const CILIUM_NAMESPACE_KEY = "io.kubernetes.pod.namespace";

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Cilium label keys may carry a source prefix ("k8s:app"); Kubernetes labels are "k8s:" or none. */
function stripSource(key: string): string {
  return key.startsWith("k8s:") ? key.slice(4) : key.startsWith("any:") ? key.slice(4) : key;
}

/**
 * A DNS pattern as Cilium reads it: "*" alone matches every name; otherwise "*" matches
 * within one DNS label. Names compare case-insensitively, with or without the final dot.
 */
export function fqdnPattern(pattern: string): RegExp {
  const p = pattern.toLowerCase().replace(/\.$/, "");
  if (p === "*") return /^.*$/;
  const body = p
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join("[-a-z0-9_]*");
  return new RegExp(`^${body}$`);
}

class CiliumTranslator {
  constructor(private readonly b: Builder) {}

  private selector(
    raw: unknown,
    policyNamespace: string,
  ): { namespace?: CompiledSelector; pods: CompiledSelector } {
    const sel = isObject(raw) ? raw : {};
    const podLabels = emptyRecord<string>();
    const nsLabels = emptyRecord<string>();
    for (const [k, v] of Object.entries(isObject(sel["matchLabels"]) ? sel["matchLabels"] : {})) {
      const key = stripSource(k);
      if (key === CILIUM_NAMESPACE_KEY) nsLabels[METADATA_NAME_LABEL] = String(v);
      else setEntry(podLabels, key, String(v));
    }
    const expressions: LabelSelectorRequirement[] = list(sel["matchExpressions"])
      .filter(isObject)
      .map((e) => ({
        key: stripSource(String(e["key"])),
        operator: String(e["operator"]) as LabelSelectorRequirement["operator"],
        ...(Array.isArray(e["values"]) ? { values: e["values"].map(String) } : {}),
      }));
    const pods = this.b.selector({ matchLabels: podLabels, matchExpressions: expressions });
    // Without a namespace label, a namespaced policy's endpoint selector stays in its namespace.
    const namespace = compileSelector({
      matchLabels: Object.keys(nsLabels).length > 0 ? nsLabels : { [METADATA_NAME_LABEL]: policyNamespace },
    });
    return { namespace, pods };
  }

  private ports(raw: unknown): CompiledPort[] | undefined {
    const out: CompiledPort[] = [];
    for (const entry of list(raw).filter(isObject)) {
      for (const p of list(entry["ports"]).filter(isObject)) {
        const protocolText = String(p["protocol"] ?? "ANY").toUpperCase();
        const protocols: Protocol[] =
          protocolText === "ANY" ? ["TCP", "UDP", "SCTP"] : [protocolText as Protocol];
        const portText = String(p["port"] ?? "0");
        const port = /^\d+$/.test(portText) ? Number(portText) : undefined;
        const endPort = typeof p["endPort"] === "number" ? p["endPort"] : undefined;
        for (const protocol of protocols) {
          if (port === 0 || portText === "") out.push({ protocol });
          else if (port === undefined) out.push({ protocol, name: portText });
          else out.push({ protocol, port, ...(endPort !== undefined ? { endPort } : {}) });
        }
      }
    }
    return out.length > 0 ? out : undefined;
  }

  private rule(
    raw: Json,
    index: number,
    dir: "ingress" | "egress",
    ns: string,
    object: string,
    origins: SourceRef[],
  ): CompiledRule {
    const prefix = dir === "ingress" ? "from" : "to";
    const peers: CompiledPeer[] = [];
    let restricted = false;
    for (const sel of list(raw[`${prefix}Endpoints`])) {
      restricted = true;
      const { namespace, pods } = this.selector(sel, ns);
      peers.push({
        kind: "pods",
        policyNamespace: ns,
        ...(namespace ? { namespaceSelector: namespace } : {}),
        podSelector: pods,
      });
    }
    for (const cidr of list(raw[`${prefix}CIDR`])) {
      restricted = true;
      peers.push(this.b.ipBlock({ cidr: String(cidr) }, object));
    }
    for (const set of list(raw[`${prefix}CIDRSet`]).filter(isObject)) {
      restricted = true;
      peers.push(
        this.b.ipBlock({ cidr: String(set["cidr"]), except: list(set["except"]).map(String) }, object),
      );
    }
    const fqdns = list(raw["toFQDNs"]).filter(isObject);
    if (dir === "egress" && fqdns.length > 0) {
      restricted = true;
      const texts = fqdns.map((f) => String(f["matchName"] ?? f["matchPattern"] ?? ""));
      const patterns = fqdns.map((f) =>
        f["matchName"] !== undefined
          ? new RegExp(
              `^${String(f["matchName"])
                .toLowerCase()
                .replace(/\.$/, "")
                .replace(/[.+?^${}()|[\]\\*]/g, "\\$&")}$`,
            )
          : fqdnPattern(String(f["matchPattern"] ?? "")),
      );
      peers.push({ kind: "fqdn", patterns, text: texts.join(", ") });
    }
    for (const key of [
      `${prefix}Entities`,
      `${prefix}Services`,
      `${prefix}Groups`,
      `${prefix}Requires`,
      `${prefix}Nodes`,
    ]) {
      if (list(raw[key]).length > 0) {
        restricted = true;
        this.b.problems.push({
          object,
          message: `${dir} rule ${index + 1}: ${key} is not evaluated (matches nothing here)`,
        });
        peers.push({ kind: "invalid" });
      }
    }
    const ports = this.ports(raw["toPorts"] ?? raw["fromPorts"]);
    return { index, ...(restricted ? { peers } : {}), ...(ports ? { ports } : {}), origins };
  }

  policy(input: CiliumPolicyInput): CompiledPolicy | undefined {
    const policy = input.policy;
    const namespace = policy.metadata?.namespace ?? "default";
    const name = policy.metadata?.name ?? "(unnamed)";
    const object = `CiliumNetworkPolicy ${namespace}/${name}`;
    const spec = isObject(policy.spec) ? policy.spec : undefined;
    if (!spec) {
      this.b.problems.push({ object, message: "spec is missing (specs lists are not evaluated)" });
      return undefined;
    }
    const source = parseSourceAnnotation(policy.metadata?.annotations?.[SOURCE_ANNOTATION]);
    const fallback = source ? [source] : [];
    const ingress = Array.isArray(spec["ingress"]) ? spec["ingress"].filter(isObject) : undefined;
    const egress = Array.isArray(spec["egress"]) ? spec["egress"].filter(isObject) : undefined;
    const { pods } = this.selector(spec["endpointSelector"], namespace);
    return {
      namespace,
      name,
      podSelector: pods,
      // Cilium: an endpoint selected by a rule section of a direction is default-deny there.
      isolatesIngress: ingress !== undefined,
      isolatesEgress: egress !== undefined,
      policyTypesDefaulted: false,
      ingress: (ingress ?? []).map((r, i) =>
        this.rule(r, i, "ingress", namespace, object, input.ruleOrigins?.ingress[i] ?? fallback),
      ),
      egress: (egress ?? []).map((r, i) =>
        this.rule(r, i, "egress", namespace, object, input.ruleOrigins?.egress[i] ?? fallback),
      ),
      ...(source ? { source } : {}),
      original: policy,
    };
  }
}
