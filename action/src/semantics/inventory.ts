/**
 * A synthetic cluster that stands for an environment's intent, so the engine can judge
 * compiled policies without a real cluster: one pod per declared service (its labels and
 * declared ports), the pods a namespace endpoint names, one pod per declared namespace that
 * no service selects, one pod in a namespace nobody declared, the DNS pods, and one
 * representative address per declared CIDR (and per `except` range), per node CIDR, plus one
 * "internet" address outside all of them.
 *
 * Built from the union of the base and head intents; every endpoint records on which side
 * it exists, so a service that appears in head is "new" rather than "was reachable".
 */
import type { Endpoint, EnvironmentIntent, FlowPort, ServicePort } from "../intent/model.js";
import type { ContainerPort, Namespace, Pod, Protocol } from "../k8s/types.js";
import type { EndpointKind } from "./contracts.js";
import { METADATA_NAME_LABEL } from "./model.js";
import { cidrContains, parseCidr, parseIp, representativeAddress, type Cidr } from "./ip.js";

/** The endpoint kinds of the semantic diff (see EndpointKind). */
export type SyntheticKind = EndpointKind;

/** A port to probe on a destination; `label` is what reports show ("8080", "8000-8010", "*"). */
export interface PortProbe {
  protocol: Protocol;
  /** The ports evaluated: one, or both ends of a range. */
  ports: number[];
  label: string;
}

export interface SyntheticEndpoint {
  /** What reports show: "production/api", "ns:ingress-nginx", "198.51.100.0/24", "internet". */
  label: string;
  kind: SyntheticKind;
  /** In-cluster endpoints: the pod on each side where it exists. */
  pods: { base?: Pod; head?: Pod };
  /** Address endpoints: the representative address. */
  ip?: string;
  fqdn?: string;
  /** Whether the endpoint exists on each side. */
  exists: { base: boolean; head: boolean };
  /** Keys of the intent endpoints this one stands for (to find the flow behind a rule). */
  flowKeys: string[];
  /** Ports to probe when this endpoint is a destination. */
  ports: PortProbe[];
  /** A phrase for explanations: "a pod of production that no service selects". */
  description: string;
}

export interface SyntheticInventory {
  endpoints: SyntheticEndpoint[];
  namespaces: { base: Namespace[]; head: Namespace[] };
}

/** The key of an intent endpoint, as stored in SyntheticEndpoint.flowKeys. */
export function endpointKey(e: Endpoint): string {
  switch (e.kind) {
    case "service":
      return `svc:${e.namespace}/${e.service}`;
    case "namespace":
      return `ns:${e.namespace}`;
    case "cidr":
      return `cidr:${e.cidr}${e.except.length > 0 ? ` except ${[...e.except].sort().join(",")}` : ""}`;
    case "fqdn":
      return `fqdn:${e.fqdn.toLowerCase()}`;
  }
}

const INTERNET_V4 = ["203.0.113.77", "192.0.2.77", "198.18.0.77", "100.64.0.77", "8.8.4.77"];
const INTERNET_V6 = ["2001:db8:ffff::77", "3fff::77", "2001:4860::77", "fc00::77"];

type Side = "base" | "head";

interface PortRange {
  protocol: Protocol;
  port?: number;
  endPort?: number;
}

function portProbe(p: PortRange): PortProbe | undefined {
  if (p.port === undefined) return undefined;
  if (p.endPort !== undefined && p.endPort > p.port) {
    return { protocol: p.protocol, ports: [p.port, p.endPort], label: `${p.port}-${p.endPort}` };
  }
  return { protocol: p.protocol, ports: [p.port], label: String(p.port) };
}

function containerPorts(ports: ServicePort[]): ContainerPort[] {
  return ports.map((p) => ({
    containerPort: p.port,
    protocol: p.protocol,
    ...(p.name !== undefined ? { name: p.name } : {}),
  }));
}

function makePod(
  namespace: string,
  name: string,
  labels: Record<string, string>,
  ports: ContainerPort[],
): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { namespace, name, labels },
    spec: { containers: [{ name: "main", ports }] },
  };
}

class PortSet {
  private readonly byKey = new Map<string, PortProbe>();
  add(p: PortProbe | undefined): void {
    if (p) this.byKey.set(`${p.protocol}/${p.label}`, p);
  }
  list(): PortProbe[] {
    return [...this.byKey.values()].sort(
      (a, b) =>
        (a.ports[0] ?? 0) - (b.ports[0] ?? 0) ||
        a.protocol.localeCompare(b.protocol) ||
        a.label.localeCompare(b.label),
    );
  }
}

/**
 * Builds the synthetic inventory. `mentioned` lists the port numbers that any compiled policy
 * names (so the "every other port" probe can avoid them); the intent's own ports are added here.
 */
export function syntheticInventory(
  base: EnvironmentIntent | undefined,
  head: EnvironmentIntent | undefined,
  mentioned: PortRange[] = [],
): SyntheticInventory {
  const sides: [Side, EnvironmentIntent | undefined][] = [
    ["base", base],
    ["head", head],
  ];
  const present = sides.filter((s): s is [Side, EnvironmentIntent] => s[1] !== undefined);
  const envExists = { base: base !== undefined, head: head !== undefined };

  // --- ports --------------------------------------------------------------------------------
  const allRanges: PortRange[] = [...mentioned, { protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }];
  for (const [, env] of present) {
    for (const ns of env.namespaces) for (const svc of ns.services) allRanges.push(...svc.ports);
    for (const flow of env.flows) allRanges.push(...flow.ports);
  }
  const protocols: Protocol[] = ["TCP", "UDP"];
  if (allRanges.some((r) => r.protocol === "SCTP")) protocols.push("SCTP");
  const otherPort = pickOtherPort(allRanges);
  const otherPorts: PortProbe[] = protocols.map((protocol) => ({ protocol, ports: [otherPort], label: "*" }));
  const externalPorts = new PortSet();
  for (const [, env] of present) {
    for (const flow of env.flows) {
      if (flow.to.kind === "cidr" || flow.to.kind === "fqdn")
        for (const p of flow.ports) externalPorts.add(portProbe(p));
    }
  }
  for (const p of otherPorts) externalPorts.add(p);

  const endpoints: SyntheticEndpoint[] = [];
  const byLabel = new Map<string, SyntheticEndpoint>();
  const add = (e: SyntheticEndpoint): SyntheticEndpoint => {
    const existing = byLabel.get(e.label);
    if (existing) return existing;
    byLabel.set(e.label, e);
    endpoints.push(e);
    return e;
  };

  // --- namespaces ---------------------------------------------------------------------------
  const nsObjects: Record<Side, Map<string, Namespace>> = { base: new Map(), head: new Map() };
  const declaredNamespaces = new Set<string>();
  for (const [side, env] of present) {
    for (const ns of env.namespaces) {
      declaredNamespaces.add(ns.name);
      nsObjects[side].set(ns.name, {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name: ns.name, labels: { ...ns.labels, [METADATA_NAME_LABEL]: ns.name } },
      });
    }
    if (!nsObjects[side].has(env.dns.namespace)) {
      nsObjects[side].set(env.dns.namespace, {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name: env.dns.namespace, labels: { [METADATA_NAME_LABEL]: env.dns.namespace } },
      });
    }
  }
  let otherNamespace = "other";
  for (let i = 1; declaredNamespaces.has(otherNamespace); i++) otherNamespace = `other-${i}`;
  for (const [side] of present) {
    nsObjects[side].set(otherNamespace, {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: otherNamespace, labels: { [METADATA_NAME_LABEL]: otherNamespace } },
    });
  }

  // --- services -----------------------------------------------------------------------------
  const serviceNames = new Set<string>();
  for (const [, env] of present)
    for (const ns of env.namespaces) for (const s of ns.services) serviceNames.add(`${ns.name}/${s.name}`);
  for (const key of [...serviceNames].sort()) {
    const [nsName, svcName] = key.split("/") as [string, string];
    const pods: SyntheticEndpoint["pods"] = {};
    const ports = new PortSet();
    for (const [side, env] of present) {
      const svc = env.namespaces.find((n) => n.name === nsName)?.services.find((s) => s.name === svcName);
      if (!svc) continue;
      pods[side] = makePod(nsName, `svc.${svcName}`, svc.labels, containerPorts(svc.ports));
      for (const p of svc.ports) ports.add(portProbe(p));
    }
    for (const p of otherPorts) ports.add(p);
    add({
      label: key,
      kind: "service",
      pods,
      exists: { base: pods.base !== undefined, head: pods.head !== undefined },
      flowKeys: [`svc:${key}`],
      ports: ports.list(),
      description: `service ${key}`,
    });
  }

  // --- namespaces as endpoints (pods a namespace endpoint names, and pods no service selects) ---
  const namespaceFlowPorts = new Map<string, PortSet>();
  const namespacePodLabels = new Map<string, Record<string, string>>();
  for (const [, env] of present) {
    for (const flow of env.flows) {
      for (const e of [flow.from, flow.to]) {
        if (e.kind !== "namespace") continue;
        if (e.podLabels && Object.keys(e.podLabels).length > 0)
          namespacePodLabels.set(e.namespace, e.podLabels);
      }
      if (flow.to.kind === "namespace") {
        const set = namespaceFlowPorts.get(flow.to.namespace) ?? new PortSet();
        for (const p of flow.ports as FlowPort[]) set.add(portProbe(p));
        namespaceFlowPorts.set(flow.to.namespace, set);
      }
    }
  }
  for (const nsName of [...declaredNamespaces].sort()) {
    const existsOn = (side: Side): boolean =>
      (side === "base" ? base : head)?.namespaces.some((n) => n.name === nsName) ?? false;
    const ports = namespaceFlowPorts.get(nsName) ?? new PortSet();
    for (const p of otherPorts) ports.add(p);
    const podLabels = namespacePodLabels.get(nsName);
    if (podLabels) {
      const pods: SyntheticEndpoint["pods"] = {};
      for (const side of ["base", "head"] as const)
        if (existsOn(side)) pods[side] = makePod(nsName, "ns.selected", podLabels, []);
      add({
        label: `ns:${nsName}`,
        kind: "namespace",
        pods,
        exists: { base: existsOn("base"), head: existsOn("head") },
        flowKeys: [`ns:${nsName}`],
        ports: ports.list(),
        description: `the pods of ${nsName} with ${Object.entries(podLabels)
          .map(([k, v]) => `${k}=${v}`)
          .join(",")}`,
      });
    }
    const pods: SyntheticEndpoint["pods"] = {};
    for (const side of ["base", "head"] as const)
      if (existsOn(side)) pods[side] = makePod(nsName, "ns.other-pods", {}, []);
    add({
      label: podLabels ? `${nsName}/(other pods)` : `ns:${nsName}`,
      kind: "namespace",
      pods,
      exists: { base: existsOn("base"), head: existsOn("head") },
      flowKeys: podLabels ? [] : [`ns:${nsName}`],
      ports: (podLabels ? new PortSet() : ports).list().concat(podLabels ? otherPorts : []),
      description: `a pod of ${nsName} that no declared service selects`,
    });
  }

  // --- DNS pods and a namespace nobody declared ---------------------------------------------
  for (const [side, env] of present) {
    const dnsName = env.dns.podLabels["k8s-app"] ?? "dns";
    const label = `${env.dns.namespace}/${dnsName}`;
    const existing = byLabel.get(label);
    const pod = makePod(
      env.dns.namespace,
      "dns",
      env.dns.podLabels,
      (["UDP", "TCP"] as const).map((protocol) => ({
        name: protocol === "UDP" ? "dns" : "dns-tcp",
        containerPort: 53,
        protocol,
      })),
    );
    if (existing && existing.kind === "dns") {
      existing.pods[side] = pod;
      existing.exists[side] = true;
      continue;
    }
    if (existing) continue; // a declared service already stands for these pods
    add({
      label,
      kind: "dns",
      pods: { [side]: pod },
      exists: { base: side === "base", head: side === "head" },
      flowKeys: [],
      ports: [
        { protocol: "UDP", ports: [53], label: "53" },
        { protocol: "TCP", ports: [53], label: "53" },
        ...otherPorts,
      ],
      description: `the DNS pods in ${env.dns.namespace}`,
    });
  }
  add({
    label: "(other namespace)",
    kind: "other-namespace",
    pods: {
      ...(envExists.base ? { base: makePod(otherNamespace, "other", {}, []) } : {}),
      ...(envExists.head ? { head: makePod(otherNamespace, "other", {}, []) } : {}),
    },
    exists: envExists,
    flowKeys: [],
    ports: otherPorts,
    description: "a pod in a namespace the intent does not declare",
  });

  // --- addresses ----------------------------------------------------------------------------
  const declared: { label: string; cidr: Cidr; except: Cidr[]; key: string }[] = [];
  const seenCidr = new Set<string>();
  const addCidr = (cidrText: string, except: string[], key: string): void => {
    const cidr = parseCidr(cidrText);
    if (!cidr) return;
    const label = except.length > 0 ? `${cidrText} except ${[...except].sort().join(", ")}` : cidrText;
    if (seenCidr.has(label)) return;
    seenCidr.add(label);
    declared.push({
      label,
      cidr,
      except: except.map(parseCidr).filter((c): c is Cidr => c !== undefined),
      key,
    });
  };
  const fqdns = new Map<string, string>();
  for (const [, env] of present) {
    for (const flow of env.flows) {
      for (const e of [flow.from, flow.to]) {
        if (e.kind === "cidr") addCidr(e.cidr, e.except, endpointKey(e));
        if (e.kind === "fqdn") fqdns.set(e.fqdn.toLowerCase(), endpointKey(e));
      }
    }
    for (const c of env.nodeCidrs) addCidr(c, [], `cidr:${c}`);
  }
  declared.sort((a, b) => a.label.localeCompare(b.label));
  const usedIps = new Set<string>();
  const addAddress = (
    label: string,
    ip: string,
    flowKeys: string[],
    description: string,
    kind: SyntheticKind,
  ): void => {
    if (usedIps.has(ip)) {
      const same = endpoints.find((e) => e.ip === ip);
      if (same) for (const k of flowKeys) if (!same.flowKeys.includes(k)) same.flowKeys.push(k);
      return;
    }
    usedIps.add(ip);
    add({ label, kind, pods: {}, ip, exists: envExists, flowKeys, ports: externalPorts.list(), description });
  };
  for (const d of declared) {
    const rep = representativeAddress(d.cidr, d.except);
    if (rep) addAddress(d.label, rep.text, [d.key], `an address in ${d.label} (${rep.text})`, "external");
    for (const e of d.except) {
      const inner = representativeAddress(e);
      if (inner)
        addAddress(
          e.text,
          inner.text,
          [],
          `an address in ${e.text}, excepted from ${d.cidr.text} (${inner.text})`,
          "external",
        );
    }
  }
  const covered = (ip: string): boolean => {
    const parsed = parseIp(ip);
    return parsed !== undefined && declared.some((d) => cidrContains(d.cidr, parsed));
  };
  const internet4 = INTERNET_V4.find((ip) => !covered(ip)) ?? (INTERNET_V4[0] as string);
  addAddress("internet", internet4, [], `any address the intent does not declare (${internet4})`, "internet");
  if (declared.some((d) => d.cidr.family === 6)) {
    const internet6 = INTERNET_V6.find((ip) => !covered(ip)) ?? (INTERNET_V6[0] as string);
    addAddress(
      "internet (IPv6)",
      internet6,
      [],
      `any IPv6 address the intent does not declare (${internet6})`,
      "internet",
    );
  }
  for (const fqdn of [...fqdns.keys()].sort()) {
    add({
      label: fqdn,
      kind: "fqdn",
      pods: {},
      ip: internet4,
      // A name the pattern covers: "*.example.com" stands for "wildcard.example.com".
      fqdn: fqdn.replace(/\*/g, "wildcard"),
      exists: envExists,
      flowKeys: [fqdns.get(fqdn) as string],
      ports: externalPorts.list(),
      description: `the addresses of ${fqdn}`,
    });
  }

  return {
    endpoints,
    namespaces: { base: [...nsObjects.base.values()], head: [...nsObjects.head.values()] },
  };
}

/** A port number no declared port, flow or policy names: it stands for "every other port". */
function pickOtherPort(ranges: PortRange[]): number {
  const taken = (n: number): boolean =>
    ranges.some(
      (r) =>
        r.port !== undefined &&
        n >= r.port &&
        n <= (r.endPort !== undefined && r.endPort > r.port ? r.endPort : r.port),
    );
  for (const candidate of [65000, 64999, 60000, 50000, 40000, 30000, 20000, 10000, 5000, 1000, 100, 7]) {
    if (!taken(candidate)) return candidate;
  }
  for (let n = 65535; n >= 1; n--) if (!taken(n)) return n;
  return 65535;
}
