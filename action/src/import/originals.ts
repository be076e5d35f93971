/**
 * The policies a cluster has, NetworkPolicies and CiliumNetworkPolicies alike, read into one
 * shape for the import: what each selects, which directions it isolates, and each rule's
 * peers and ports. What the intent has no words for is kept as a reason, never dropped.
 *
 * CiliumNetworkPolicy: the L3/L4 part the semantics engine evaluates (endpointSelector,
 * from/toEndpoints, from/toCIDR, from/toCIDRSet, toFQDNs matchName, toPorts) and the DNS
 * rule FQDN egress needs (toEndpoints with `rules: dns`). Anything else (L7 rules, entities,
 * services, deny sections, node selectors, `specs` lists) makes the whole object a reason.
 */
import type {
  CiliumNetworkPolicy,
  LabelSelector,
  LabelSelectorRequirement,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  Protocol,
} from "../k8s/types.js";
import type { SourceRef } from "../intent/model.js";

export type OriginalPeer =
  /** Pods: `namespaceSelector` absent means the policy's own namespace; `podSelector` absent, every pod. */
  | { kind: "pods"; namespaceSelector?: LabelSelector; podSelector?: LabelSelector }
  | { kind: "cidr"; cidr: string; except: string[] }
  | { kind: "fqdn"; name: string };

export interface OriginalPort {
  protocol: Protocol;
  /** A number, a named port, or absent: every port of the protocol. */
  port?: number | string;
  endPort?: number;
}

export interface OriginalRule {
  direction: "ingress" | "egress";
  /** 0-based, as written. */
  index: number;
  /** Absent: every peer. */
  peers?: OriginalPeer[];
  /** Absent: every port and protocol. */
  ports?: OriginalPort[];
  /** The rule FQDN egress needs on Cilium: DNS to the DNS pods through Cilium's DNS proxy. */
  dnsProxy?: boolean;
  /** Why this rule has no words in the intent. */
  unsaid?: string;
}

export interface Original {
  kind: "NetworkPolicy" | "CiliumNetworkPolicy";
  namespace: string;
  name: string;
  /** "NetworkPolicy shop/api-ingress". */
  label: string;
  source?: SourceRef;
  object: NetworkPolicy | CiliumNetworkPolicy;
  podSelector: LabelSelector;
  isolates: { ingress: boolean; egress: boolean };
  rules: OriginalRule[];
  /** Why the object as a whole has no words in the intent (Cilium only: L7 rules, deny sections…). */
  unsaid?: string;
}

/** "a=b" of a Cilium label key without its source prefix. */
function stripSource(key: string): string {
  return key.startsWith("k8s:") || key.startsWith("any:") ? key.slice(4) : key;
}

const CILIUM_NAMESPACE_KEY = "io.kubernetes.pod.namespace";
const METADATA_NAME = "kubernetes.io/metadata.name";

export function fromNetworkPolicy(np: NetworkPolicy, source: SourceRef | undefined): Original {
  const namespace = np.metadata.namespace ?? "default";
  const spec = np.spec;
  const ingress = spec.ingress ?? [];
  const egress = spec.egress ?? [];
  const types = spec.policyTypes ?? [];
  // networking/v1 defaulting: Ingress always, Egress when there are egress rules.
  const isolates =
    types.length === 0
      ? { ingress: true, egress: egress.length > 0 }
      : { ingress: types.includes("Ingress"), egress: types.includes("Egress") };
  const rule = (
    direction: "ingress" | "egress",
    index: number,
    peers: NetworkPolicyPeer[] | undefined,
    ports: NetworkPolicyPort[] | undefined,
  ): OriginalRule => {
    const out: OriginalRule = { direction, index };
    if (peers && peers.length > 0) out.peers = peers.map(npPeer);
    if (ports && ports.length > 0) out.ports = ports.map(npPort);
    return out;
  };
  return {
    kind: "NetworkPolicy",
    namespace,
    name: np.metadata.name,
    label: `NetworkPolicy ${namespace}/${np.metadata.name}`,
    ...(source ? { source } : {}),
    object: np,
    podSelector: spec.podSelector ?? {},
    isolates,
    rules: [
      ...(isolates.ingress ? ingress : []).map((r, i) => rule("ingress", i, r?.from, r?.ports)),
      ...(isolates.egress ? egress : []).map((r, i) => rule("egress", i, r?.to, r?.ports)),
    ],
  };
}

function npPeer(p: NetworkPolicyPeer): OriginalPeer {
  if (p.ipBlock) return { kind: "cidr", cidr: p.ipBlock.cidr, except: [...(p.ipBlock.except ?? [])] };
  const out: OriginalPeer = { kind: "pods" };
  if (p.namespaceSelector) out.namespaceSelector = p.namespaceSelector;
  if (p.podSelector) out.podSelector = p.podSelector;
  return out;
}

function npPort(p: NetworkPolicyPort): OriginalPort {
  const out: OriginalPort = { protocol: p.protocol ?? "TCP" };
  if (p.port !== undefined && p.port !== null) out.port = p.port;
  if (typeof p.endPort === "number") out.endPort = p.endPort;
  return out;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A Cilium endpoint selector as a pod selector and (from its namespace label) a namespace. */
function ciliumSelector(raw: unknown): { pods: LabelSelector; namespace?: string; unsaid?: string } {
  const sel = isObject(raw) ? raw : {};
  const matchLabels: Record<string, string> = {};
  let namespace: string | undefined;
  for (const [k, v] of Object.entries(isObject(sel["matchLabels"]) ? sel["matchLabels"] : {})) {
    const key = stripSource(k);
    if (key === CILIUM_NAMESPACE_KEY) namespace = String(v);
    else if (key.startsWith("io.cilium.") || key.startsWith("io.kubernetes."))
      return { pods: {}, unsaid: `selects by the Cilium label ${k}` };
    else matchLabels[key] = String(v);
  }
  const expressions: LabelSelectorRequirement[] = list(sel["matchExpressions"])
    .filter(isObject)
    .map((e) => ({
      key: stripSource(String(e["key"])),
      operator: String(e["operator"]) as LabelSelectorRequirement["operator"],
      ...(Array.isArray(e["values"]) ? { values: e["values"].map(String) } : {}),
    }));
  if (expressions.some((e) => e.key === CILIUM_NAMESPACE_KEY))
    return { pods: {}, unsaid: "chooses namespaces with matchExpressions" };
  const pods: LabelSelector = {};
  if (Object.keys(matchLabels).length > 0) pods.matchLabels = matchLabels;
  if (expressions.length > 0) pods.matchExpressions = expressions;
  return namespace === undefined ? { pods } : { pods, namespace };
}

/** The rule fields of each direction the import reads (the engine's L3/L4 subset). */
const CILIUM_RULE_KEYS = {
  ingress: new Set(["fromEndpoints", "fromCIDR", "fromCIDRSet", "toPorts"]),
  egress: new Set(["toEndpoints", "toCIDR", "toCIDRSet", "toFQDNs", "toPorts"]),
};

export function fromCiliumPolicy(cnp: CiliumNetworkPolicy, source: SourceRef | undefined): Original {
  const namespace = cnp.metadata.namespace ?? "default";
  const base = {
    kind: "CiliumNetworkPolicy" as const,
    namespace,
    name: cnp.metadata.name,
    label: `CiliumNetworkPolicy ${namespace}/${cnp.metadata.name}`,
    ...(source ? { source } : {}),
    object: cnp,
  };
  const spec = isObject(cnp.spec) ? cnp.spec : undefined;
  const refuse = (why: string): Original => ({
    ...base,
    podSelector: {},
    isolates: { ingress: false, egress: false },
    rules: [],
    unsaid: why,
  });
  if (!spec) return refuse("it has no spec (a specs list is not read)");
  for (const key of Object.keys(spec)) {
    if (!["endpointSelector", "ingress", "egress", "description"].includes(key))
      return refuse(`spec.${key} has no equivalent in a NetworkPolicy`);
  }
  const target = ciliumSelector(spec["endpointSelector"]);
  if (target.unsaid) return refuse(`its endpointSelector ${target.unsaid}`);
  const rules: OriginalRule[] = [];
  for (const direction of ["ingress", "egress"] as const) {
    const section = spec[direction];
    if (section === undefined) continue;
    const prefix = direction === "ingress" ? "from" : "to";
    list(section).forEach((raw, index) => {
      const r = isObject(raw) ? raw : {};
      const rule: OriginalRule = { direction, index };
      const unknown = Object.keys(r).find((k) => !CILIUM_RULE_KEYS[direction].has(k));
      if (unknown)
        rule.unsaid = `${direction} rule ${index + 1}: ${unknown} has no equivalent in a NetworkPolicy`;
      const peers: OriginalPeer[] = [];
      let restricted = false;
      for (const sel of list(r[`${prefix}Endpoints`])) {
        restricted = true;
        const s = ciliumSelector(sel);
        if (s.unsaid) rule.unsaid ??= `${direction} rule ${index + 1}: an endpoint ${s.unsaid}`;
        peers.push({
          kind: "pods",
          podSelector: s.pods,
          namespaceSelector: { matchLabels: { [METADATA_NAME]: s.namespace ?? namespace } },
        });
      }
      for (const cidr of list(r[`${prefix}CIDR`])) {
        restricted = true;
        peers.push({ kind: "cidr", cidr: String(cidr), except: [] });
      }
      for (const set of list(r[`${prefix}CIDRSet`]).filter(isObject)) {
        restricted = true;
        if (set["cidrGroupRef"] !== undefined) rule.unsaid ??= `${direction} rule ${index + 1}: a CIDR group`;
        peers.push({ kind: "cidr", cidr: String(set["cidr"]), except: list(set["except"]).map(String) });
      }
      for (const f of list(r["toFQDNs"]).filter(isObject)) {
        restricted = true;
        if (f["matchName"] === undefined)
          rule.unsaid ??= `${direction} rule ${index + 1}: toFQDNs matchPattern ${String(f["matchPattern"])} (the intent names each host)`;
        else peers.push({ kind: "fqdn", name: String(f["matchName"]).toLowerCase().replace(/\.$/, "") });
      }
      if (restricted) rule.peers = peers;
      const ports: OriginalPort[] = [];
      for (const entry of list(r["toPorts"]).filter(isObject)) {
        const l7 = entry["rules"];
        if (isObject(l7)) {
          const dns = list(l7["dns"]);
          if (Object.keys(l7).length === 1 && dns.length > 0 && direction === "egress") rule.dnsProxy = true;
          else rule.unsaid ??= `${direction} rule ${index + 1}: L7 rules (${Object.keys(l7).join(", ")})`;
        }
        for (const p of list(entry["ports"]).filter(isObject)) {
          const protocolText = String(p["protocol"] ?? "ANY").toUpperCase();
          const protocols: Protocol[] = protocolText === "ANY" ? ["TCP", "UDP"] : [protocolText as Protocol];
          const portText = String(p["port"] ?? "0");
          for (const protocol of protocols) {
            if (portText === "0" || portText === "") ports.push({ protocol });
            else if (/^\d+$/.test(portText)) {
              const port: OriginalPort = { protocol, port: Number(portText) };
              if (typeof p["endPort"] === "number") port.endPort = p["endPort"];
              ports.push(port);
            } else ports.push({ protocol, port: portText });
          }
        }
      }
      if (ports.length > 0) rule.ports = ports;
      rules.push(rule);
    });
  }
  return {
    ...base,
    podSelector: target.pods,
    // Cilium: an endpoint a rule section of a direction selects is default-deny there.
    isolates: { ingress: spec["ingress"] !== undefined, egress: spec["egress"] !== undefined },
    rules,
  };
}
