/**
 * Policies a cluster has, turned into intent. Per namespace: default-deny on both sides
 * (podSelector {} policies isolating ingress and egress) becomes `defaultDeny: true`, and
 * a policy that allows only DNS beside it becomes the built-in DNS rule. Every other policy
 * becomes flows when each of its rules names its peer in words the intent has (a service by
 * its labels, a namespace by its name, a CIDR, an FQDN) on ports it can write, and when the
 * other side of each flow already allows it: a flow opens both sides, so a rule whose
 * partner the cluster's policies do not have would open more than the cluster does. A
 * NetworkPolicy that cannot become flows is kept as written (a hand-written policy), with
 * the reason; a CiliumNetworkPolicy that cannot is left in the cluster, with the reason.
 */
import type { CniProfile } from "../cni/profiles.js";
import type { DnsIntent, SourceRef } from "../intent/model.js";
import { parseCidr } from "../k8s/ip.js";
import type {
  CiliumNetworkPolicy,
  ContainerPort,
  LabelSelector,
  Namespace,
  NetworkPolicy,
  Pod,
  Protocol,
} from "../k8s/types.js";
import type {
  Proposal,
  ProposedEndpoint,
  ProposedFlow,
  ProposedNamespace,
  ProposedPolicy,
  ProposedPort,
  ProposedService,
  ProposedSettings,
} from "../intent/write/proposal.js";
import { buildModel, type Model, type Party } from "../semantics/model.js";
import { evaluateParties } from "../semantics/evaluate.js";
import { compileSelector, namespaceNamed } from "../semantics/selector.js";
import {
  fromCiliumPolicy,
  fromNetworkPolicy,
  type Original,
  type OriginalPort,
  type OriginalRule,
} from "./originals.js";
import { StandIns } from "./stand-ins.js";

export interface ImportInput {
  environment: string;
  profile: CniProfile;
  dns: DnsIntent;
  excludedNamespaces: string[];
  policies: NetworkPolicy[];
  ciliumPolicies: CiliumNetworkPolicy[];
  /** Where each object was read (file:line). */
  sources: ReadonlyMap<object, SourceRef>;
  /** The cluster dump's pods and namespaces (none for bare manifests). */
  pods: Pod[];
  namespaces: Namespace[];
}

/** What became of one original. */
export type Fate =
  | { kind: "flows"; flows: string[] }
  | { kind: "default-deny"; namespace: string }
  | { kind: "dns"; namespace: string }
  | { kind: "hand-written"; reason: string }
  | { kind: "kept"; reason: string };

export interface ImportPlan {
  proposal: Proposal;
  outcomes: { original: Original; fate: Fate }[];
}

/** One side of a flow, as the import names it. */
type Side =
  | { kind: "service"; namespace: string; labels: Record<string, string> }
  | { kind: "namespace"; namespace: string }
  | { kind: "cidr"; cidr: string; except: string[] }
  | { kind: "fqdn"; fqdn: string };

interface FlowPort {
  protocol: Protocol;
  port: number;
  endPort?: number;
  name?: string;
}

/** One rule's peer, as half of a flow: the side the original selects, and the other. */
interface Half {
  original: Original;
  rule: OriginalRule;
  target: Extract<Side, { kind: "service" | "namespace" }>;
  peer: Side;
  /** "all": every port and protocol. */
  ports: FlowPort[] | "all";
}

type Translated = { ok: true; halves: Half[] } | { ok: false; reason: string };

/** Ports a flow of every port is checked on (besides those the rules name). */
const SAMPLE_PORTS: { protocol: Protocol; port: number }[] = [
  { protocol: "TCP", port: 65000 },
  { protocol: "UDP", port: 65000 },
];

export function planImport(input: ImportInput): ImportPlan {
  const outcomes: { original: Original; fate: Fate }[] = [];
  const originals: Original[] = [];
  for (const np of input.policies) originals.push(fromNetworkPolicy(np, input.sources.get(np)));
  for (const cnp of input.ciliumPolicies) {
    const original = fromCiliumPolicy(cnp, input.sources.get(cnp));
    if (input.profile.name !== "cilium") {
      outcomes.push({
        original,
        fate: {
          kind: "kept",
          reason: `a CiliumNetworkPolicy, and the CNI profile is ${input.profile.name} (use --cni cilium)`,
        },
      });
      continue;
    }
    originals.push(original);
  }

  // Namespaces the intent can never manage keep their policies in the cluster.
  const active: Original[] = [];
  for (const o of originals) {
    const reason = o.namespace.startsWith("kube-")
      ? `namespace ${o.namespace}: kube-* namespaces are never managed`
      : input.excludedNamespaces.includes(o.namespace)
        ? `namespace ${o.namespace} is in excludedNamespaces`
        : o.unsaid
          ? o.unsaid
          : o.kind === "CiliumNetworkPolicy"
            ? o.rules.find((r) => r.unsaid)?.unsaid
            : undefined;
    if (reason !== undefined) outcomes.push({ original: o, fate: { kind: "kept", reason } });
    else active.push(o);
  }

  const managed = new Set(active.map((o) => o.namespace));
  const enforced = new Set<string>();
  for (const ns of managed) {
    if (ns === input.dns.namespace) continue; // the DNS pods must stay reachable
    const wide = active.filter((o) => o.namespace === ns && compileSelector(o.podSelector).matchesAll);
    if (wide.some((o) => o.isolates.ingress) && wide.some((o) => o.isolates.egress)) enforced.add(ns);
  }

  const state = new Translator(input, managed, enforced);
  const pending: { original: Original; translated: Translated }[] = [];
  for (const o of active) {
    const wide = compileSelector(o.podSelector).matchesAll;
    if (enforced.has(o.namespace) && o.rules.length === 0) {
      // In a default-denied namespace a policy that only isolates says nothing more.
      outcomes.push({ original: o, fate: { kind: "default-deny", namespace: o.namespace } });
      continue;
    }
    if (enforced.has(o.namespace) && wide && state.isDnsAllow(o)) {
      outcomes.push({ original: o, fate: { kind: "dns", namespace: o.namespace } });
      continue;
    }
    pending.push({ original: o, translated: state.translate(o) });
  }

  // The cluster's own policies judge whether the other side of each flow allows it.
  state.prepareModel(pending.flatMap((p) => (p.translated.ok ? p.translated.halves : [])));
  const emitted: Half[] = [];
  for (const { original, translated } of pending) {
    const reason = translated.ok ? state.unjustified(original, translated.halves) : translated.reason;
    if (reason === undefined && translated.ok) {
      emitted.push(...translated.halves);
      outcomes.push({ original, fate: { kind: "flows", flows: [] } });
      continue;
    }
    outcomes.push({
      original,
      fate:
        original.kind === "NetworkPolicy"
          ? { kind: "hand-written", reason: reason! }
          : { kind: "kept", reason: `${reason!} (a CiliumNetworkPolicy stays in the cluster)` },
    });
  }
  const proposal = state.proposal(emitted, outcomes);
  return { proposal, outcomes };
}

class Translator {
  private readonly standIns: StandIns;
  private model: Model | undefined;
  private readonly dnsPod: string;

  constructor(
    private readonly input: ImportInput,
    private readonly managed: Set<string>,
    private readonly enforced: Set<string>,
  ) {
    this.standIns = new StandIns({ pods: input.pods, namespaces: input.namespaces });
    this.dnsPod = this.standIns.pod({ name: input.dns.namespace }, { matchLabels: input.dns.podLabels }, [
      { name: "dns", containerPort: 53, protocol: "UDP" },
      { name: "dns-tcp", containerPort: 53, protocol: "TCP" },
    ]);
  }

  /** An egress-only policy for every pod whose rules all go to the DNS pods on port 53. */
  isDnsAllow(o: Original): boolean {
    if (o.isolates.ingress || !o.isolates.egress || o.rules.length === 0) return false;
    const dns = this.input.dns;
    return o.rules.every(
      (r) =>
        r.direction === "egress" &&
        r.peers !== undefined &&
        r.peers.every(
          (p) =>
            p.kind === "pods" &&
            p.namespaceSelector !== undefined &&
            namespaceNamed(p.namespaceSelector) === dns.namespace &&
            (p.podSelector === undefined ||
              compileSelector(p.podSelector).matchesAll ||
              sameLabels(p.podSelector, dns.podLabels)),
        ) &&
        r.ports !== undefined &&
        r.ports.every(
          (p) => p.port === 53 && p.endPort === undefined && (p.protocol === "UDP" || p.protocol === "TCP"),
        ),
    );
  }

  translate(o: Original): Translated {
    const target = this.targetOf(o);
    if (typeof target === "string") return { ok: false, reason: target };
    const halves: Half[] = [];
    // A namespace that is not default-denied: a policy that isolates a direction without any
    // rule for it only says what a hand-written policy can.
    for (const dir of ["ingress", "egress"] as const) {
      if (!o.isolates[dir] || this.enforced.has(o.namespace)) continue;
      if (!o.rules.some((r) => r.direction === dir))
        return {
          ok: false,
          reason: `it isolates ${dir} without any ${dir} rule, in a namespace without default-deny`,
        };
    }
    for (const rule of o.rules) {
      const where = `${rule.direction} rule ${rule.index + 1}`;
      if (rule.dnsProxy) continue; // the compiler writes the DNS-proxy rule for FQDN egress itself
      if (rule.peers === undefined)
        return {
          ok: false,
          reason: `${where} allows every ${rule.direction === "ingress" ? "source" : "destination"}: a flow names its peer`,
        };
      if (rule.peers.length === 0) continue;
      for (const peer of rule.peers) {
        const side = this.sideOf(peer, o.namespace);
        if (typeof side === "string") return { ok: false, reason: `${where}: ${side}` };
        const destination = rule.direction === "ingress" ? target : side;
        const ports = this.portsOf(rule.ports, destination, o.namespace);
        if (typeof ports === "string") return { ok: false, reason: `${where}: ${ports}` };
        if (side.kind === "fqdn" && rule.direction !== "egress")
          return { ok: false, reason: `${where}: an FQDN is only a destination` };
        halves.push({ original: o, rule, target, peer: side, ports });
      }
    }
    return { ok: true, halves };
  }

  private targetOf(o: Original): Half["target"] | string {
    const sel = o.podSelector;
    if (compileSelector(sel).matchesAll) return { kind: "namespace", namespace: o.namespace };
    if ((sel.matchExpressions ?? []).length > 0)
      return `its podSelector uses matchExpressions (${compileSelector(sel).text}): a service is a set of labels`;
    return { kind: "service", namespace: o.namespace, labels: { ...sel.matchLabels } };
  }

  private sideOf(peer: NonNullable<OriginalRule["peers"]>[number], policyNamespace: string): Side | string {
    if (peer.kind === "fqdn") {
      if (!this.input.profile.fqdnEgress) return `FQDN ${peer.name} needs a profile with FQDN egress`;
      return { kind: "fqdn", fqdn: peer.name };
    }
    if (peer.kind === "cidr") {
      const cidr = parseCidr(peer.cidr);
      if (!cidr) return `ipBlock ${peer.cidr} is not a CIDR`;
      const except: string[] = [];
      for (const e of peer.except) {
        const c = parseCidr(e);
        if (!c) return `except ${e} is not a CIDR`;
        except.push(c.text);
      }
      return { kind: "cidr", cidr: cidr.text, except: except.sort() };
    }
    let namespace = policyNamespace;
    if (peer.namespaceSelector) {
      const named = namespaceNamed(peer.namespaceSelector);
      const text = compileSelector(peer.namespaceSelector).text;
      if (named === undefined)
        return text === "{}"
          ? "a namespaceSelector of every namespace: a flow names its namespaces"
          : `namespaces chosen by their labels (${text}): a flow names a namespace by its name`;
      // A value no namespace name can have selects nothing.
      if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(named) || named.length > 63)
        return `a namespaceSelector of ${JSON.stringify(named)}, which no namespace can be named: it selects nothing`;
      namespace = named;
    }
    const pods = peer.podSelector;
    if (pods === undefined || compileSelector(pods).matchesAll) return { kind: "namespace", namespace };
    if ((pods.matchExpressions ?? []).length > 0)
      return `a podSelector with matchExpressions (${compileSelector(pods).text}): a service is a set of labels`;
    return { kind: "service", namespace, labels: { ...pods.matchLabels } };
  }

  private portsOf(
    ports: OriginalPort[] | undefined,
    destination: Side,
    namespace: string,
  ): FlowPort[] | "all" | string {
    if (ports === undefined) {
      if (destination.kind === "service")
        return "every port of a service: a flow to a service names the ports it declares";
      return "all";
    }
    const out: FlowPort[] = [];
    for (const p of ports) {
      if (p.protocol === "SCTP" && !this.input.profile.sctpSupported)
        return `SCTP, which the ${this.input.profile.name} profile does not support`;
      if (p.port === undefined) return `every ${p.protocol} port: a flow names its ports`;
      if (typeof p.port === "string") {
        if (/^\d+$/.test(p.port)) {
          out.push({ protocol: p.protocol, port: Number(p.port) });
          continue;
        }
        const resolved = this.namedPort(p.port, p.protocol, destination, namespace);
        if (typeof resolved === "string") return resolved;
        out.push(resolved);
        continue;
      }
      const port: FlowPort = { protocol: p.protocol, port: p.port };
      if (p.endPort !== undefined && p.endPort > p.port) {
        if (!this.input.profile.endPortSupported)
          return `the port range ${p.port}-${p.endPort}, which the ${this.input.profile.name} profile does not support`;
        port.endPort = p.endPort;
      }
      out.push(port);
    }
    return out;
  }

  /** A named port's number, from the dump's pods the destination selects (they must agree). */
  private namedPort(
    name: string,
    protocol: Protocol,
    destination: Side,
    namespace: string,
  ): FlowPort | string {
    if (destination.kind !== "service")
      return `the named port ${name} on a destination that is not a service`;
    void namespace;
    const sel = compileSelector({ matchLabels: destination.labels });
    const numbers = new Set<number>();
    for (const pod of this.input.pods) {
      if (pod.metadata.namespace !== destination.namespace || !sel.matches(pod.metadata.labels ?? {}))
        continue;
      for (const c of pod.spec?.containers ?? [])
        for (const cp of c.ports ?? [])
          if (cp.name === name && (cp.protocol ?? "TCP") === protocol) numbers.add(cp.containerPort);
    }
    if (numbers.size === 1) return { protocol, port: [...numbers][0]!, name };
    return numbers.size === 0
      ? `the named port ${name}: no pod of the dump tells its number`
      : `the named port ${name}: the pods disagree on its number (${[...numbers].sort((a, b) => a - b).join(", ")})`;
  }

  // --- the other side of each flow -------------------------------------------------------------

  private podOf(side: Side, ports: FlowPort[] | "all" = "all"): string | undefined {
    const named: ContainerPort[] =
      ports === "all"
        ? []
        : ports.flatMap((p) =>
            p.name !== undefined ? [{ name: p.name, containerPort: p.port, protocol: p.protocol }] : [],
          );
    if (side.kind === "service")
      return this.standIns.pod({ name: side.namespace }, { matchLabels: side.labels }, named);
    if (side.kind === "namespace") return this.standIns.pod({ name: side.namespace }, {});
    return undefined;
  }

  prepareModel(halves: Half[]): void {
    for (const h of halves) {
      this.podOf(h.target, h.rule.direction === "ingress" ? h.ports : "all");
      this.podOf(h.peer, h.rule.direction === "egress" ? h.ports : "all");
      if (h.peer.kind === "cidr") this.standIns.cidr(h.peer.cidr, h.peer.except);
      if (h.peer.kind === "fqdn") this.standIns.fqdn(h.peer.fqdn);
    }
    const policies = this.input.policies;
    const ciliumPolicies =
      this.input.profile.name === "cilium" ? this.input.ciliumPolicies.map((policy) => ({ policy })) : [];
    this.model = buildModel({
      pods: this.standIns.pods,
      namespaces: this.standIns.namespaceList(),
      policies,
      ciliumPolicies,
      profile: this.input.profile,
    });
  }

  private party(key: string): Party {
    const pod = this.model!.podsByKey.get(key)!;
    return { kind: "pod", group: pod.group, name: key, pod };
  }

  /**
   * Why the flows of these halves would open more than the cluster does, or undefined. A flow
   * opens its other side too: that side must allow it already (by a rule of the cluster's
   * policies), and where a namespace has no default-deny, an egress policy the flow makes also
   * gets DNS, which the cluster must allow there too.
   */
  unjustified(original: Original, halves: Half[]): string | undefined {
    const model = this.model!;
    for (const h of halves) {
      const where = `${h.rule.direction} rule ${h.rule.index + 1}`;
      const otherSide = h.peer;
      const source = h.rule.direction === "ingress" ? h.peer : h.target;
      const destination = h.rule.direction === "ingress" ? h.target : h.peer;
      const checks: { dir: "egress" | "ingress"; side: Side }[] = [];
      if (
        (otherSide.kind === "service" || otherSide.kind === "namespace") &&
        this.managed.has(otherSide.namespace)
      )
        checks.push({ dir: h.rule.direction === "ingress" ? "egress" : "ingress", side: otherSide });
      if (checks.length === 0 && !this.needsDns(h)) continue;
      const from = this.podOf(source);
      const to = this.podOf(destination);
      for (const { protocol, port } of this.samples(h.ports)) {
        for (const check of checks) {
          if (from === undefined || to === undefined) continue;
          const v = evaluateParties(model, this.party(from), this.party(to), port, protocol, undefined);
          if (v[check.dir].outcome !== "allowed") {
            const who = check.dir === "egress" ? describeSide(source) : describeSide(destination);
            return `${where}: ${check.dir} at ${who} does not allow ${port}/${protocol} ${check.dir === "egress" ? "to" : "from"} ${describeSide(check.dir === "egress" ? destination : source)} in the cluster's policies, and a flow opens both sides`;
          }
        }
      }
      for (const side of [h.target, h.peer]) {
        if (!this.egressGetsDns(h, side)) continue;
        const pod = this.podOf(side)!;
        for (const protocol of ["UDP", "TCP"] as const) {
          const v = evaluateParties(model, this.party(pod), this.party(this.dnsPod), 53, protocol, undefined);
          if (!v.egress.allowed)
            return `${where}: ${describeSide(side)} would get DNS (53/${protocol}) with its egress policy, which the cluster's policies do not allow it`;
        }
      }
    }
    void original;
    return undefined;
  }

  private needsDns(h: Half): boolean {
    return this.egressGetsDns(h, h.target) || this.egressGetsDns(h, h.peer);
  }

  /** Whether the flow of `h` makes an egress policy at `side` in a managed namespace without default-deny. */
  private egressGetsDns(h: Half, side: Side): boolean {
    if (side.kind !== "service" && side.kind !== "namespace") return false;
    if (!this.managed.has(side.namespace) || this.enforced.has(side.namespace)) return false;
    const isSource = h.rule.direction === "ingress" ? side === h.peer : side === h.target;
    return isSource;
  }

  private samples(ports: FlowPort[] | "all"): { protocol: Protocol; port: number }[] {
    if (ports === "all") return SAMPLE_PORTS;
    return ports.flatMap((p) =>
      p.endPort !== undefined
        ? [
            { protocol: p.protocol, port: p.port },
            { protocol: p.protocol, port: p.endPort },
          ]
        : [p],
    );
  }

  // --- the proposal --------------------------------------------------------------------------

  proposal(halves: Half[], outcomes: { original: Original; fate: Fate }[]): Proposal {
    const names = new ServiceNames();
    const services = new Map<string, ProposedService>();
    const byName = new Map<string, ProposedService>();
    const serviceOf = (side: Extract<Side, { kind: "service" }>, origin: Original): ProposedEndpoint => {
      const key = `${side.namespace}\u0000${canonicalLabels(side.labels)}`;
      let svc = services.get(key);
      if (!svc) {
        svc = {
          namespace: side.namespace,
          name: names.name(side.namespace, side.labels),
          labels: side.labels,
          ports: [],
          comment: [`named by ${origin.label}${at(origin.source)}`],
        };
        services.set(key, svc);
        byName.set(`${svc.namespace}/${svc.name}`, svc);
      }
      return { kind: "service", namespace: svc.namespace, service: svc.name };
    };
    const endpoint = (side: Side, origin: Original): ProposedEndpoint => {
      switch (side.kind) {
        case "service":
          return serviceOf(side, origin);
        case "namespace":
          return { kind: "namespace", namespace: side.namespace };
        case "cidr":
          return side.except.length > 0
            ? { kind: "cidr", cidr: side.cidr, except: side.except }
            : { kind: "cidr", cidr: side.cidr };
        case "fqdn":
          return { kind: "fqdn", fqdn: side.fqdn };
      }
    };
    // One flow per pair of endpoints, with every port its rules name.
    const flows = new Map<
      string,
      { flow: ProposedFlow; ports: FlowPort[] | "all"; from: string[]; originals: Set<Original> }
    >();
    for (const h of halves) {
      const src = endpoint(h.rule.direction === "ingress" ? h.peer : h.target, h.original);
      const dst = endpoint(h.rule.direction === "ingress" ? h.target : h.peer, h.original);
      const key = JSON.stringify([src, dst]);
      const origin = `${h.original.label} ${h.rule.direction} rule ${h.rule.index + 1}${h.original.source ? ` (${h.original.source.file}:${h.original.source.line})` : ""}`;
      let f = flows.get(key);
      if (!f) {
        f = { flow: { from: src, to: dst }, ports: [], from: [], originals: new Set() };
        flows.set(key, f);
      }
      if (!f.from.includes(origin)) f.from.push(origin);
      f.originals.add(h.original);
      f.ports = f.ports === "all" || h.ports === "all" ? "all" : mergePorts(f.ports, h.ports);
      if (dst.kind === "service" && h.ports !== "all") {
        const svc = byName.get(`${dst.namespace}/${dst.service}`)!;
        svc.ports = mergeServicePorts(svc.ports, h.ports);
      }
    }
    const proposedFlows: ProposedFlow[] = [];
    const fateOf = new Map(outcomes.map((o) => [o.original, o.fate]));
    for (const f of flows.values()) {
      const flow: ProposedFlow = { ...f.flow, comment: f.from.map((o) => `from ${o}`) };
      if (f.ports !== "all") flow.ports = f.ports.map(toProposedPort);
      proposedFlows.push(flow);
      const text = `${describeEndpoint(flow.from)} -> ${describeEndpoint(flow.to)}${f.ports === "all" ? "" : `:${f.ports.map(portToken).join(",")}`}`;
      for (const o of f.originals) {
        const fate = fateOf.get(o);
        if (fate?.kind === "flows") fate.flows.push(text);
      }
    }

    const namespaces: ProposedNamespace[] = [];
    for (const ns of [...this.managed].sort()) {
      const comment: string[] = [];
      for (const { original, fate } of outcomes) {
        if (original.namespace !== ns) continue;
        if (fate.kind === "default-deny")
          comment.push(`default-deny: ${original.label}${at(original.source)}`);
        if (fate.kind === "dns") comment.push(`DNS: ${original.label}${at(original.source)}`);
      }
      namespaces.push({
        name: ns,
        ...(this.enforced.has(ns) ? {} : { defaultDeny: false }),
        ...(comment.length > 0 ? { comment } : {}),
      });
    }
    const peers = new Set<string>();
    for (const f of proposedFlows)
      for (const e of [f.from, f.to])
        if ((e.kind === "service" || e.kind === "namespace") && !this.managed.has(e.namespace))
          peers.add(e.namespace);
    for (const ns of [...peers].sort()) namespaces.push({ name: ns, managed: false });

    const policies: ProposedPolicy[] = [];
    for (const { original, fate } of outcomes) {
      if (fate.kind !== "hand-written") continue;
      const np = original.object as NetworkPolicy;
      policies.push({
        namespace: original.namespace,
        name: original.name,
        spec: structuredClone(np.spec),
        comment: [`${original.label}${at(original.source)}: ${fate.reason}`],
      });
    }
    return {
      environment: this.input.environment,
      settings: settingsOf(this.input),
      namespaces,
      services: [...services.values()],
      flows: proposedFlows,
      policies,
    };
  }
}

function settingsOf(input: ImportInput): ProposedSettings {
  const settings: ProposedSettings = { cni: input.profile.name };
  const dns = input.dns;
  const defaults =
    dns.namespace === "kube-system" &&
    canonicalLabels(dns.podLabels) === canonicalLabels({ "k8s-app": "kube-dns" }) &&
    dns.mode === input.profile.dnsSelectorMode;
  if (!defaults) settings.dns = { namespace: dns.namespace, podLabels: dns.podLabels, mode: dns.mode };
  return settings;
}

/** Service names from labels: the value of the label that names the workload, unique per namespace. */
class ServiceNames {
  private readonly used = new Map<string, Set<string>>();

  name(namespace: string, labels: Record<string, string>): string {
    const used = this.used.get(namespace) ?? new Set<string>();
    this.used.set(namespace, used);
    const keys = [
      "app.kubernetes.io/name",
      "app",
      "name",
      "k8s-app",
      "app.kubernetes.io/component",
      "component",
      "role",
      "tier",
    ];
    const primary = keys.find((k) => labels[k] !== undefined);
    const values = Object.entries(labels)
      .sort(([a], [b]) => (a === primary ? -1 : b === primary ? 1 : a < b ? -1 : 1))
      .map(([, v]) => v);
    const candidates = [values[0] ?? "pods", values.join("-")];
    for (const c of candidates) {
      const name = dnsLabel(c);
      if (name !== "" && !used.has(name)) {
        used.add(name);
        return name;
      }
    }
    const base = dnsLabel(candidates[0]!) || "pods";
    for (let i = 2; ; i++) {
      const name = `${base.slice(0, 60)}-${i}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  }
}

/** A DNS label made of a label value: lower case, other characters as '-', at most 63. */
function dnsLabel(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 63)
    .replace(/-+$/, "");
}

function canonicalLabels(labels: Record<string, string>): string {
  return JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function sameLabels(sel: LabelSelector, labels: Record<string, string>): boolean {
  return (
    (sel.matchExpressions ?? []).length === 0 &&
    canonicalLabels(sel.matchLabels ?? {}) === canonicalLabels(labels)
  );
}

function mergePorts(a: FlowPort[], b: FlowPort[]): FlowPort[] {
  const out = [...a];
  for (const p of b) if (!out.some((q) => portToken(q) === portToken(p))) out.push(p);
  return out;
}

function mergeServicePorts(declared: ProposedPort[], ports: FlowPort[]): ProposedPort[] {
  const out = [...declared];
  for (const p of ports) {
    const covered = out.some(
      (q) =>
        (q.protocol ?? "TCP") === p.protocol &&
        q.port <= p.port &&
        (p.endPort ?? p.port) <= (q.endPort ?? q.port) &&
        (p.name === undefined || q.name === p.name),
    );
    if (covered) continue;
    // A name may be declared once: a second port of the same name keeps its number only.
    const named = p.name !== undefined && out.some((q) => q.name === p.name) ? { ...p, name: undefined } : p;
    out.push(toProposedPort(named));
  }
  return out;
}

function toProposedPort(
  p: FlowPort | (Omit<FlowPort, "name"> & { name?: string | undefined }),
): ProposedPort {
  const out: ProposedPort = { port: p.port, protocol: p.protocol };
  if (p.endPort !== undefined) out.endPort = p.endPort;
  if (p.name !== undefined) out.name = p.name;
  return out;
}

function portToken(p: FlowPort): string {
  if (p.name !== undefined) return p.name;
  const range = p.endPort !== undefined ? `${p.port}-${p.endPort}` : String(p.port);
  return p.protocol === "TCP" ? range : `${range}/${p.protocol.toLowerCase()}`;
}

function describeSide(side: Side): string {
  switch (side.kind) {
    case "service":
      return `${side.namespace}/(${Object.entries(side.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(",")})`;
    case "namespace":
      return `the pods of ${side.namespace}`;
    case "cidr":
      return side.cidr;
    case "fqdn":
      return side.fqdn;
  }
}

function describeEndpoint(e: ProposedEndpoint): string {
  switch (e.kind) {
    case "service":
      return `${e.namespace}/${e.service}`;
    case "namespace":
      return `${e.namespace}/*`;
    case "cidr":
      return e.except?.length ? `${e.cidr} except ${e.except.join(",")}` : e.cidr;
    case "fqdn":
      return e.fqdn;
  }
}

function at(source: SourceRef | undefined): string {
  return source ? ` (${source.file}:${source.line})` : "";
}
