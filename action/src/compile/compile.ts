/**
 * The compiler: one environment's intent → the NetworkPolicies (and, on cilium, the
 * CiliumNetworkPolicies for FQDN egress) that enforce it. Pure and deterministic: the same
 * intent gives byte-identical objects, whatever order the intent listed things in.
 *
 * What it emits, per managed namespace:
 * - `default-deny-all` (stage deny) when the namespace has defaultDeny;
 * - `allow-dns` (stage allow) in the same namespaces: egress to the DNS pods on 53/UDP+TCP
 *   (a namespace without default-deny gets the DNS rule inside each egress policy instead);
 * - `<service>-ingress` / `<service>-egress` (stage allow) from the declared flows. One flow
 *   opens both sides: the caller's egress (where the caller's namespace is managed) and the
 *   callee's ingress (where the callee's namespace is managed);
 * - `<service>-fqdn-egress` (CiliumNetworkPolicy, stage allow) for FQDN destinations;
 * - `pods.all-…` / `pods.<hash>-…` for a namespace endpoint (its podLabels) in a managed
 *   namespace (the dot keeps these names apart from service names, which are DNS labels);
 * - kubelet health-check ingress from nodeCidrs where the profile needs it;
 * - `custom.<name>` for each hand-written policy, its spec as written with policyTypes spelled
 *   out as the API server defaults them (stage deny when it has no rule at all, else allow).
 *
 * Nothing is ever emitted in an unmanaged, `kube-*` or excluded namespace.
 */
import { createHash } from "node:crypto";
import {
  isKubeNamespace,
  type Endpoint,
  type EnvironmentIntent,
  type Flow,
  type FlowPort,
  type HandWrittenPolicy,
  type NamespaceIntent,
  type Service,
  type SourceRef,
} from "../intent/model.js";
import { HAND_WRITTEN_PREFIX } from "../intent/policies.js";
import type {
  CiliumNetworkPolicy,
  LabelSelector,
  NetworkPolicy,
  NetworkPolicyEgressRule,
  NetworkPolicyIngressRule,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  ObjectMeta,
  PolicyObject,
  PolicyType,
} from "../k8s/types.js";
import { canonicalJson, compareStrings, sortedRecord } from "./canonical.js";
import {
  ENVIRONMENT_LABEL,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  SOURCE_ANNOTATION,
  STAGE_LABEL,
  type CompiledBundle,
  type CompiledObject,
  type RolloutStage,
} from "./types.js";

/**
 * The compiler was handed an intent the loader should have refused (an FQDN on a profile
 * without FQDN egress, a managed kube-* namespace, a flow naming an undeclared service).
 * Internal: valid loader output never raises it.
 */
export class CompileError extends Error {
  override name = "CompileError";
}

export const DEFAULT_DENY_NAME = "default-deny-all";
export const ALLOW_DNS_NAME = "allow-dns";
const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
/** Cilium puts the pod's namespace in this label; `k8s:` says the label comes from Kubernetes. */
const CILIUM_NAMESPACE_LABEL = "k8s:io.kubernetes.pod.namespace";
/** The CiliumNetworkPolicy CRD caps `toPorts[].ports` at 40 items. */
const CILIUM_MAX_PORTS_PER_RULE = 40;
const DNS_PORTS: NetworkPolicyPort[] = [
  { protocol: "TCP", port: 53 },
  { protocol: "UDP", port: 53 },
];
/** RFC 1123 subdomain, as Kubernetes validates object names (at most 253 characters). */
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A label value: at most 63 characters, alphanumeric at both ends, `-_.` inside. */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Where a port list is absent: every port of every protocol. */
type Ports = NetworkPolicyPort[] | "all";

interface RuleEntry {
  /** The other side of the flow, selected from a policy in `policyNamespace`. */
  endpoint: Endpoint;
  policyNamespace: string;
  flow: Flow;
  /** canonicalJson of the peer: rules group by it and sort by it. */
  peerKey: string;
  /** Peer kind order: same-namespace pods, pods of another namespace, namespaces, CIDRs. */
  rank: number;
  ports: Ports;
}

interface FqdnEntry {
  fqdn: string;
  ports: Ports;
  origin: SourceRef;
}

/** The pods a policy is attached to: a service, or the pods a namespace endpoint names. */
interface Target {
  namespace: NamespaceIntent;
  /** "api" for a service; "pods.all" / "pods.<hash>" for a namespace endpoint's pods. */
  baseName: string;
  labels: Record<string, string>;
  service?: Service;
  source: SourceRef;
  ingress: RuleEntry[];
  egress: RuleEntry[];
  fqdn: FqdnEntry[];
}

interface BuiltRule<R> {
  rule: R;
  origins: SourceRef[];
}

export function compileEnvironment(env: EnvironmentIntent): CompiledBundle {
  return new Compiler(env).compile();
}

class Compiler {
  private readonly namespaces = new Map<string, NamespaceIntent>();
  /** Services by namespace, then name. */
  private readonly services = new Map<string, Map<string, Service>>();
  private readonly targets = new Map<string, Target>();
  /** canonicalJson of service peers, by "ns/service" ("@" suffix: seen from another namespace). */
  private readonly peerKeys = new Map<string, string>();
  /** Services that get an ingress rule for kubelet health checks. */
  private readonly healthTargets = new Set<Target>();
  private readonly excluded: Set<string>;
  /** env.nodeCidrs deduplicated and sorted, once. */
  private nodeCidrs: string[] | undefined;

  constructor(private readonly env: EnvironmentIntent) {
    this.excluded = new Set(env.excludedNamespaces);
    if (!LABEL_VALUE.test(env.name) || env.name.length > 63) {
      throw new CompileError(`environment name "${env.name}" is not a valid label value`);
    }
    for (const ns of env.namespaces) {
      this.namespaces.set(ns.name, ns);
      if (ns.managed) this.assertEmittable(ns.name);
      const byName = new Map<string, Service>();
      for (const svc of ns.services) byName.set(svc.name, svc);
      this.services.set(ns.name, byName);
    }
  }

  compile(): CompiledBundle {
    for (const flow of this.env.flows) this.addFlow(flow);
    const objects: CompiledObject[] = [];
    for (const ns of this.env.namespaces) {
      if (!ns.managed) continue;
      if (ns.defaultDeny) {
        objects.push(this.defaultDeny(ns), this.allowDns(ns));
      }
      for (const svc of ns.services) this.addHealthChecks(ns, svc);
      for (const policy of ns.policies ?? []) objects.push(this.handWritten(ns, policy));
    }
    for (const target of this.targets.values()) objects.push(...this.targetPolicies(target));
    objects.sort(compareObjects);
    for (let i = 1; i < objects.length; i++) {
      if (compareObjects(objects[i - 1] as CompiledObject, objects[i] as CompiledObject) === 0) {
        const { kind, metadata } = (objects[i] as CompiledObject).manifest;
        throw new CompileError(`two objects named ${kind}/${metadata.namespace ?? ""}/${metadata.name}`);
      }
    }
    return {
      environment: this.env.name,
      cni: this.env.cni,
      ...(this.env.denials !== undefined ? { denials: this.env.denials } : {}),
      objects,
    };
  }

  // --- flows → rule entries -------------------------------------------------------------

  private addFlow(flow: Flow): void {
    const ports = flowPorts(flow.ports);
    const fromTarget = this.targetOf(flow.from, flow);
    if (fromTarget) {
      if (flow.to.kind === "fqdn") {
        if (!this.env.profile.fqdnEgress) {
          throw new CompileError(
            `${at(flow.source)}: FQDN destination ${flow.to.fqdn} needs a CNI profile with FQDN egress; ${this.env.cni} has none`,
          );
        }
        fromTarget.fqdn.push({ fqdn: flow.to.fqdn, ports, origin: flow.source });
      } else {
        fromTarget.egress.push(this.entry(flow.to, fromTarget.namespace.name, flow, ports));
      }
    }
    const toTarget = this.targetOf(flow.to, flow);
    if (toTarget) {
      if (flow.from.kind === "fqdn") {
        throw new CompileError(`${at(flow.source)}: an FQDN cannot be the source of a flow`);
      }
      toTarget.ingress.push(this.entry(flow.from, toTarget.namespace.name, flow, ports));
    }
  }

  /** The target a flow endpoint attaches a policy to, or undefined when it gets none. */
  private targetOf(endpoint: Endpoint, flow: Flow): Target | undefined {
    if (endpoint.kind === "cidr" || endpoint.kind === "fqdn") return undefined;
    const ns = this.namespaces.get(endpoint.namespace);
    if (endpoint.kind === "service") {
      const svc = this.service(endpoint.namespace, endpoint.service, flow);
      if (!ns?.managed) return undefined;
      return this.serviceTarget(ns, svc);
    }
    if (!ns?.managed) return undefined;
    const podLabels = endpoint.podLabels ?? {};
    const hasLabels = Object.keys(podLabels).length > 0;
    const baseName = hasLabels ? `pods.${shortHash(canonicalJson(podLabels))}` : "pods.all";
    const key = `${ns.name}/${baseName}`;
    let target = this.targets.get(key);
    if (!target) {
      target = {
        namespace: ns,
        baseName,
        labels: podLabels,
        source: ns.source,
        ingress: [],
        egress: [],
        fqdn: [],
      };
      this.targets.set(key, target);
    }
    return target;
  }

  private serviceTarget(ns: NamespaceIntent, svc: Service): Target {
    const key = `${ns.name}/${svc.name}`;
    let target = this.targets.get(key);
    if (!target) {
      if (Object.keys(svc.labels).length === 0) {
        // An empty podSelector selects every pod of the namespace: never what a service means.
        throw new CompileError(`${at(svc.source)}: service ${svc.name} has no labels`);
      }
      target = {
        namespace: ns,
        baseName: svc.name,
        labels: svc.labels,
        service: svc,
        source: svc.source,
        ingress: [],
        egress: [],
        fqdn: [],
      };
      this.targets.set(key, target);
    }
    return target;
  }

  private service(namespace: string, name: string, flow: Flow): Service {
    const svc = this.services.get(namespace)?.get(name);
    if (!svc)
      throw new CompileError(`${at(flow.source)}: flow names undeclared service ${namespace}/${name}`);
    return svc;
  }

  /** A rule entry; the canonical key of a service peer is computed once per side. */
  private entry(endpoint: Endpoint, policyNamespace: string, flow: Flow, ports: Ports): RuleEntry {
    let peerKey: string | undefined;
    let rank: number;
    if (endpoint.kind === "service") {
      const same = endpoint.namespace === policyNamespace;
      rank = same ? 0 : 1;
      const cacheKey = `${endpoint.namespace}/${endpoint.service}${same ? "" : "@"}`;
      peerKey = this.peerKeys.get(cacheKey);
      if (peerKey === undefined) {
        peerKey = canonicalJson(this.peerFor(endpoint, policyNamespace, flow));
        this.peerKeys.set(cacheKey, peerKey);
      }
    } else {
      rank = endpoint.kind === "namespace" ? 2 : 3;
      peerKey = canonicalJson(this.peerFor(endpoint, policyNamespace, flow));
    }
    return { endpoint, policyNamespace, flow, peerKey, rank, ports };
  }

  /**
   * One rule per distinct peer, with the union of the ports of every flow through it, so each
   * rule reads as "this caller, these ports". Rules sort by peer kind, then by the peer's
   * canonical JSON.
   */
  private rules(entries: RuleEntry[]): { peer: NetworkPolicyPeer; ports: Ports; origins: SourceRef[] }[] {
    const byPeer = new Map<string, { first: RuleEntry; ports: Ports; origins: SourceRef[] }>();
    for (const entry of entries) {
      const seen = byPeer.get(entry.peerKey);
      if (!seen)
        byPeer.set(entry.peerKey, { first: entry, ports: entry.ports, origins: [entry.flow.source] });
      else {
        seen.ports = mergePorts(seen.ports, entry.ports);
        seen.origins.push(entry.flow.source);
      }
    }
    return [...byPeer.values()]
      .sort((a, b) => a.first.rank - b.first.rank || compareStrings(a.first.peerKey, b.first.peerKey))
      .map(({ first, ports, origins }) => ({
        peer: this.peerFor(first.endpoint, first.policyNamespace, first.flow),
        ports: ports === "all" ? "all" : normalizePorts(ports),
        origins: sortSources(origins),
      }));
  }

  /**
   * The peer that selects `endpoint` from a policy in `policyNamespace`. A namespaceSelector
   * and a podSelector in ONE peer are ANDed (pods with these labels in that namespace); a
   * podSelector alone selects pods of the policy's own namespace only.
   */
  private peerFor(endpoint: Endpoint, policyNamespace: string, flow: Flow): NetworkPolicyPeer {
    switch (endpoint.kind) {
      case "service": {
        const svc = this.service(endpoint.namespace, endpoint.service, flow);
        if (svc.namespace === policyNamespace) return { podSelector: selector(svc.labels) };
        return { namespaceSelector: namespaceSelector(svc.namespace), podSelector: selector(svc.labels) };
      }
      case "namespace": {
        const peer: NetworkPolicyPeer = { namespaceSelector: namespaceSelector(endpoint.namespace) };
        if (endpoint.podLabels && Object.keys(endpoint.podLabels).length > 0) {
          peer.podSelector = selector(endpoint.podLabels);
        }
        return peer;
      }
      case "cidr": {
        const except = [...new Set(endpoint.except)].sort(compareStrings);
        return { ipBlock: except.length > 0 ? { cidr: endpoint.cidr, except } : { cidr: endpoint.cidr } };
      }
      case "fqdn":
        throw new CompileError(`${at(flow.source)}: FQDN ${endpoint.fqdn} can only be an egress destination`);
    }
  }

  /**
   * Kubelet probes come from the node, and on profiles whose CNI does not exempt node
   * traffic they must be allowed as ingress from the node CIDRs on the service's ports. A
   * service that no flow reaches gets an ingress policy for them only where default-deny
   * already isolates it: elsewhere a new policy would isolate the pods and cut their traffic.
   */
  private addHealthChecks(ns: NamespaceIntent, svc: Service): void {
    if (this.env.profile.kubeletHealthCheckSource !== "node-cidrs") return;
    if (this.env.nodeCidrs.length === 0 || svc.ports.length === 0) return;
    const existing = this.targets.get(`${ns.name}/${svc.name}`);
    if (!existing && !ns.defaultDeny) return;
    // targetPolicies appends the health-check rule after the flow rules; see healthRule.
    this.healthTargets.add(existing ?? this.serviceTarget(ns, svc));
  }

  // --- objects ----------------------------------------------------------------------------

  private defaultDeny(ns: NamespaceIntent): CompiledObject {
    return this.networkPolicy(
      ns.name,
      DEFAULT_DENY_NAME,
      "deny",
      ns.source,
      { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
      [ns.source],
    );
  }

  private allowDns(ns: NamespaceIntent): CompiledObject {
    const obj = this.networkPolicy(
      ns.name,
      ALLOW_DNS_NAME,
      "allow",
      ns.source,
      { podSelector: {}, policyTypes: ["Egress"], egress: [this.dnsRule()] },
      [ns.source],
    );
    obj.ruleOrigins = { ingress: [], egress: [[this.dnsOrigin(ns)]] };
    return obj;
  }

  /** What causes a namespace's DNS rule: the `dns:` key, or (the default) the namespace itself. */
  private dnsOrigin(ns: NamespaceIntent): SourceRef {
    return this.env.dnsSource ?? ns.source;
  }

  /** Egress to the DNS pods on 53/TCP and 53/UDP, shaped by the DNS selector mode. */
  private dnsRule(): NetworkPolicyEgressRule {
    const peer: NetworkPolicyPeer = { namespaceSelector: namespaceSelector(this.env.dns.namespace) };
    // strict: namespaceSelector AND podSelector in ONE peer (two list items would be an OR,
    // letting every pod of every namespace answer on port 53). safe: the namespace only.
    if (this.env.dns.mode === "strict") peer.podSelector = selector(this.env.dns.podLabels);
    return { to: [peer], ports: DNS_PORTS.map((p) => ({ ...p })) };
  }

  /**
   * A hand-written policy as written. A policy without any rule only isolates: it is a deny
   * and goes with the default-deny, after the allows.
   */
  private handWritten(ns: NamespaceIntent, policy: HandWrittenPolicy): CompiledObject {
    const { podSelector, policyTypes, ingress, egress } = policy.spec;
    // networking/v1 defaulting: Ingress always, Egress when there are egress rules.
    const types: PolicyType[] =
      policyTypes && policyTypes.length > 0
        ? [...policyTypes]
        : egress && egress.length > 0
          ? ["Ingress", "Egress"]
          : ["Ingress"];
    const spec: NetworkPolicy["spec"] = { podSelector: structuredClone(podSelector), policyTypes: types };
    if (ingress !== undefined) spec.ingress = structuredClone(ingress);
    if (egress !== undefined) spec.egress = structuredClone(egress);
    const stage: RolloutStage = (ingress?.length ?? 0) + (egress?.length ?? 0) === 0 ? "deny" : "allow";
    const obj = this.networkPolicy(
      ns.name,
      `${HAND_WRITTEN_PREFIX}${policy.name}`,
      stage,
      policy.source,
      spec,
      [policy.source],
    );
    obj.ruleOrigins = {
      ingress: policy.ruleSources.ingress.map((s) => [s]),
      egress: policy.ruleSources.egress.map((s) => [s]),
    };
    return obj;
  }

  private targetPolicies(target: Target): CompiledObject[] {
    const ns = target.namespace;
    const out: CompiledObject[] = [];

    const ingress = this.rules(target.ingress).map(({ peer, ports, origins }) => ({
      rule: withPorts<NetworkPolicyIngressRule>({ from: [peer] }, ports),
      origins,
    }));
    if (this.healthTargets.has(target) && target.service) ingress.push(this.healthRule(target.service));
    if (ingress.length > 0) {
      const obj = this.networkPolicy(
        ns.name,
        `${target.baseName}-ingress`,
        "allow",
        target.source,
        {
          podSelector: selector(target.labels),
          policyTypes: ["Ingress"],
          ingress: ingress.map((r) => r.rule),
        },
        ingress.flatMap((r) => r.origins),
      );
      obj.ruleOrigins = { ingress: ingress.map((r) => r.origins), egress: [] };
      out.push(obj);
    }

    const egress: BuiltRule<NetworkPolicyEgressRule>[] = this.rules(target.egress).map(
      ({ peer, ports, origins }) => ({
        rule: withPorts<NetworkPolicyEgressRule>({ to: [peer] }, ports),
        origins,
      }),
    );
    // Without default-deny there is no allow-dns in the namespace (its podSelector {} would
    // egress-isolate every pod); the pods this policy isolates still need DNS, so it gets the
    // DNS rule itself.
    if (egress.length > 0 && !ns.defaultDeny)
      egress.push({ rule: this.dnsRule(), origins: [this.dnsOrigin(ns)] });
    if (egress.length > 0) {
      const obj = this.networkPolicy(
        ns.name,
        `${target.baseName}-egress`,
        "allow",
        target.source,
        { podSelector: selector(target.labels), policyTypes: ["Egress"], egress: egress.map((r) => r.rule) },
        egress.flatMap((r) => r.origins),
      );
      obj.ruleOrigins = { ingress: [], egress: egress.map((r) => r.origins) };
      out.push(obj);
    }

    if (target.fqdn.length > 0) out.push(this.fqdnPolicy(target));
    return out;
  }

  private healthRule(svc: Service): BuiltRule<NetworkPolicyIngressRule> {
    this.nodeCidrs ??= [...new Set(this.env.nodeCidrs)].sort(compareStrings);
    const cidrs = this.nodeCidrs;
    const declared = flowPorts(svc.ports);
    const ports = declared === "all" ? declared : normalizePorts(declared);
    return {
      rule: withPorts<NetworkPolicyIngressRule>(
        { from: cidrs.map((cidr) => ({ ipBlock: { cidr } })) },
        ports,
      ),
      origins: [this.env.nodeCidrsSource ?? this.env.source],
    };
  }

  /**
   * FQDN egress as a CiliumNetworkPolicy. Cilium learns the addresses behind a name only
   * from DNS answers its DNS proxy sees, and DNS goes through the proxy only where an L7 DNS
   * rule selects it: hence the rule to the DNS pods with `dns: [{matchPattern: "*"}]`
   * (allows every query, so it restricts nothing beyond allow-dns). toFQDNs rules may carry
   * toPorts but no other L3 selector, so each name gets its own rule.
   */
  private fqdnPolicy(target: Target): CompiledObject {
    const dnsEndpoint: Record<string, string> = { [CILIUM_NAMESPACE_LABEL]: this.env.dns.namespace };
    if (this.env.dns.mode === "strict") {
      for (const [k, v] of Object.entries(this.env.dns.podLabels)) dnsEndpoint[`k8s:${k}`] = v;
    }
    const rules: BuiltRule<Record<string, unknown>>[] = [
      {
        rule: {
          toEndpoints: [{ matchLabels: sortedRecord(dnsEndpoint) }],
          toPorts: [
            {
              ports: DNS_PORTS.map((p) => ({ port: String(p.port), protocol: p.protocol })),
              rules: { dns: [{ matchPattern: "*" }] },
            },
          ],
        },
        origins: [this.dnsOrigin(target.namespace)],
      },
    ];
    const byName = new Map<string, { ports: Ports; origins: SourceRef[] }>();
    for (const entry of target.fqdn) {
      const seen = byName.get(entry.fqdn);
      if (!seen) byName.set(entry.fqdn, { ports: entry.ports, origins: [entry.origin] });
      else
        byName.set(entry.fqdn, {
          ports: mergePorts(seen.ports, entry.ports),
          origins: [...seen.origins, entry.origin],
        });
    }
    for (const fqdn of [...byName.keys()].sort(compareStrings)) {
      const { ports, origins } = byName.get(fqdn) as { ports: Ports; origins: SourceRef[] };
      const rule: Record<string, unknown> = {
        toFQDNs: [fqdn.includes("*") ? { matchPattern: fqdn } : { matchName: fqdn }],
      };
      if (ports !== "all") rule["toPorts"] = ciliumPortRules(normalizePorts(ports));
      rules.push({ rule, origins: sortSources(origins) });
    }
    const ns = target.namespace;
    const name = `${target.baseName}-fqdn-egress`;
    const manifest: CiliumNetworkPolicy = {
      apiVersion: "cilium.io/v2",
      kind: "CiliumNetworkPolicy",
      metadata: this.metadata(ns.name, name, "allow", target.source),
      spec: { endpointSelector: selector(target.labels), egress: rules.map((r) => r.rule) },
    };
    return this.compiled(
      manifest,
      "allow",
      rules.flatMap((r) => r.origins),
      {
        ingress: [],
        egress: rules.map((r) => r.origins),
      },
    );
  }

  private networkPolicy(
    namespace: string,
    name: string,
    stage: RolloutStage,
    source: SourceRef,
    spec: NetworkPolicy["spec"],
    origins: SourceRef[],
  ): CompiledObject {
    const manifest: NetworkPolicy = {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: this.metadata(namespace, name, stage, source),
      spec,
    };
    return this.compiled(manifest, stage, origins);
  }

  private compiled(
    manifest: PolicyObject,
    stage: RolloutStage,
    origins: SourceRef[],
    ruleOrigins?: CompiledObject["ruleOrigins"],
  ): CompiledObject {
    this.assertEmittable(manifest.metadata.namespace ?? "");
    const name = manifest.metadata.name;
    if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
      throw new CompileError(`object name "${name}" is not a valid DNS-1123 subdomain`);
    }
    const obj: CompiledObject = { stage, manifest, origins: sortSources(origins) };
    if (ruleOrigins) obj.ruleOrigins = ruleOrigins;
    return obj;
  }

  private metadata(namespace: string, name: string, stage: RolloutStage, source: SourceRef): ObjectMeta {
    return {
      name,
      namespace,
      // Already in key order: app.kubernetes.io/… < netpol-rollout.io/environment < …/stage.
      labels: {
        [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
        [ENVIRONMENT_LABEL]: this.env.name,
        [STAGE_LABEL]: stage,
      },
      annotations: { [SOURCE_ANNOTATION]: `${source.file}:${source.line}` },
    };
  }

  /** Defence in depth: the loader refuses these namespaces; the compiler refuses them again. */
  private assertEmittable(namespace: string): void {
    const ns = this.namespaces.get(namespace);
    if (isKubeNamespace(namespace)) {
      throw new CompileError(`refusing to emit policies in system namespace ${namespace}`);
    }
    if (this.excluded.has(namespace)) {
      throw new CompileError(`refusing to emit policies in excluded namespace ${namespace}`);
    }
    if (!ns?.managed) throw new CompileError(`refusing to emit policies in unmanaged namespace ${namespace}`);
  }
}

// --- rules and ports ----------------------------------------------------------------------

function withPorts<R extends { ports?: NetworkPolicyPort[] }>(rule: R, ports: Ports): R {
  // An absent `ports` list matches every port and protocol.
  if (ports !== "all") rule.ports = ports;
  return rule;
}

function mergePorts(a: Ports, b: Ports): Ports {
  return a === "all" || b === "all" ? "all" : [...a, ...b];
}

/** Flow ports as NetworkPolicy ports; an empty list (every port of every protocol) → "all". */
function flowPorts(ports: readonly FlowPort[]): Ports {
  if (ports.length === 0) return "all";
  return ports.map((p) => {
    const out: NetworkPolicyPort = { protocol: p.protocol };
    // Numbers where the intent resolved them; a name only when it did not (resolved on the
    // destination pod by the CNI).
    const port = p.port ?? p.name;
    if (port !== undefined) out.port = port;
    if (p.endPort !== undefined && typeof port === "number" && p.endPort > port) out.endPort = p.endPort;
    return out;
  });
}

/**
 * Dedupe and sort (protocol, then all-ports first, numbers, names); an entry without a port
 * covers the whole protocol, so it absorbs every other entry of that protocol.
 */
function normalizePorts(ports: NetworkPolicyPort[]): NetworkPolicyPort[] {
  const wholeProtocol = new Set(ports.filter((p) => p.port === undefined).map((p) => p.protocol ?? "TCP"));
  const byKey = new Map<string, NetworkPolicyPort>();
  for (const p of ports) {
    const protocol = p.protocol ?? "TCP";
    if (wholeProtocol.has(protocol) && p.port !== undefined) continue;
    const normalized: NetworkPolicyPort = { protocol };
    if (p.port !== undefined) normalized.port = p.port;
    if (p.endPort !== undefined) normalized.endPort = p.endPort;
    byKey.set(`${protocol}|${String(p.port)}|${String(p.endPort)}`, normalized);
  }
  return [...byKey.values()].sort(comparePorts);
}

function comparePorts(a: NetworkPolicyPort, b: NetworkPolicyPort): number {
  const byProtocol = compareStrings(a.protocol ?? "TCP", b.protocol ?? "TCP");
  if (byProtocol !== 0) return byProtocol;
  const rank = (p: NetworkPolicyPort) => (p.port === undefined ? 0 : typeof p.port === "number" ? 1 : 2);
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  if (typeof a.port === "number" && typeof b.port === "number" && a.port !== b.port) return a.port - b.port;
  if (typeof a.port === "string" && typeof b.port === "string") return compareStrings(a.port, b.port);
  return (a.endPort ?? 0) - (b.endPort ?? 0);
}

/** Cilium PortProtocol: port as a string ("0" = every port of the protocol), ≤40 per rule. */
function ciliumPortRules(ports: NetworkPolicyPort[]): { ports: Record<string, unknown>[] }[] {
  const converted = ports.map((p) => {
    const out: Record<string, unknown> = { port: String(p.port ?? 0), protocol: p.protocol ?? "TCP" };
    if (p.endPort !== undefined) out["endPort"] = p.endPort;
    return out;
  });
  const rules: { ports: Record<string, unknown>[] }[] = [];
  for (let i = 0; i < converted.length; i += CILIUM_MAX_PORTS_PER_RULE) {
    rules.push({ ports: converted.slice(i, i + CILIUM_MAX_PORTS_PER_RULE) });
  }
  return rules;
}

// --- small helpers ------------------------------------------------------------------------

function selector(labels: Record<string, string>): LabelSelector {
  return Object.keys(labels).length > 0 ? { matchLabels: sortedRecord(labels) } : {};
}

function namespaceSelector(namespace: string): LabelSelector {
  return { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } };
}

function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}

function at(source: SourceRef): string {
  return `${source.file}:${source.line}:${source.column}`;
}

function compareSources(a: SourceRef, b: SourceRef): number {
  return compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column;
}

function sortSources(sources: SourceRef[]): SourceRef[] {
  const copy = (s: SourceRef): SourceRef => ({ file: s.file, line: s.line, column: s.column });
  if (sources.length === 1) return [copy(sources[0] as SourceRef)];
  const sorted = [...sources].sort(compareSources);
  return sorted.filter((s, i) => i === 0 || compareSources(s, sorted[i - 1] as SourceRef) !== 0).map(copy);
}

const STAGE_ORDER: Record<RolloutStage, number> = { allow: 0, deny: 1 };

function compareObjects(a: CompiledObject, b: CompiledObject): number {
  return (
    compareStrings(a.manifest.metadata.namespace ?? "", b.manifest.metadata.namespace ?? "") ||
    STAGE_ORDER[a.stage] - STAGE_ORDER[b.stage] ||
    compareStrings(a.manifest.metadata.name, b.manifest.metadata.name) ||
    compareStrings(a.manifest.kind, b.manifest.kind)
  );
}
