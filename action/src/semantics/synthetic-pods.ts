/**
 * The pods of the synthetic inventory and their namespaces: one pod per declared service
 * (its labels and declared ports); per declared namespace, the pods a namespace endpoint
 * names and one pod that no service selects; the pods hand-written policies select or name
 * (synthetic-hand-written.ts); the DNS pods; and one pod in a namespace nobody declared. Each exists on the sides whose intent declares it.
 */
import type { EnvironmentIntent, ServicePort } from "../intent/model.js";
import type { ContainerPort, Namespace, Pod } from "../k8s/types.js";
import { METADATA_NAME_LABEL } from "./model.js";
import type { EndpointList, Side, Sides, SyntheticEndpoint } from "./synthetic-endpoints.js";
import { handWrittenEndpoints, type SidePolicy } from "./synthetic-hand-written.js";
import { PortSet, portProbe, type PortPlan, type PortProbe } from "./synthetic-ports.js";

export interface NamespaceObjects {
  /** The Namespace objects of each side, by name. */
  objects: Record<Side, Map<string, Namespace>>;
  /** Names the intents declare, on either side. */
  declared: Set<string>;
  /** A namespace name neither intent declares. */
  other: string;
}

function namespaceObject(name: string, labels: Record<string, string> = {}): Namespace {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name, labels: { ...labels, [METADATA_NAME_LABEL]: name } },
  };
}

/** Each side's declared namespaces, its DNS namespace, and a namespace nobody declares. */
export function namespaceObjects(sides: Sides): NamespaceObjects {
  const objects: Record<Side, Map<string, Namespace>> = { base: new Map(), head: new Map() };
  const declared = new Set<string>();
  for (const [side, env] of sides) {
    for (const ns of env.namespaces) {
      declared.add(ns.name);
      objects[side].set(ns.name, namespaceObject(ns.name, ns.labels));
    }
    if (!objects[side].has(env.dns.namespace))
      objects[side].set(env.dns.namespace, namespaceObject(env.dns.namespace));
  }
  let other = "other";
  for (let i = 1; declared.has(other); i++) other = `other-${i}`;
  for (const [side] of sides) objects[side].set(other, namespaceObject(other));
  return { objects, declared, other };
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

function containerPorts(ports: ServicePort[]): ContainerPort[] {
  return ports.map((p) => ({
    containerPort: p.port,
    protocol: p.protocol,
    ...(p.name !== undefined ? { name: p.name } : {}),
  }));
}

/**
 * Adds the in-cluster endpoints: services, namespaces, the pods hand-written policies select
 * or name, the DNS pods, another namespace. Services and namespaces are probed on `podPorts`
 * besides their own; the DNS pods and the other namespace on `otherPorts`.
 */
export function podEndpoints(
  endpoints: EndpointList,
  sides: Sides,
  namespaces: NamespaceObjects,
  ports: Pick<PortPlan, "otherPorts" | "podPorts">,
  handWritten: readonly SidePolicy[],
): void {
  const { otherPorts, podPorts } = ports;
  serviceEndpoints(endpoints, sides, podPorts);
  namespaceEndpoints(endpoints, sides, namespaces.declared, podPorts);
  handWrittenEndpoints(endpoints, sides, namespaces, handWritten, podPorts);
  dnsEndpoints(endpoints, sides, otherPorts);
  const onSide = (side: Side): boolean => sides.some(([s]) => s === side);
  const pod = (): Pod => makePod(namespaces.other, "other", {}, []);
  endpoints.add({
    label: "(other namespace)",
    kind: "other-namespace",
    pods: { ...(onSide("base") ? { base: pod() } : {}), ...(onSide("head") ? { head: pod() } : {}) },
    exists: { base: onSide("base"), head: onSide("head") },
    flowKeys: [],
    ports: otherPorts,
    description: "a pod in a namespace the intent does not declare",
  });
}

/** One pod per declared service, on each side that declares it; its ports and `podPorts`. */
function serviceEndpoints(endpoints: EndpointList, sides: Sides, podPorts: PortProbe[]): void {
  const names = new Set<string>();
  for (const [, env] of sides)
    for (const ns of env.namespaces) for (const s of ns.services) names.add(`${ns.name}/${s.name}`);
  for (const key of [...names].sort()) {
    const [nsName, svcName] = key.split("/") as [string, string];
    const pods: SyntheticEndpoint["pods"] = {};
    const ports = new PortSet();
    for (const [side, env] of sides) {
      const svc = env.namespaces.find((n) => n.name === nsName)?.services.find((s) => s.name === svcName);
      if (!svc) continue;
      pods[side] = makePod(nsName, `svc.${svcName}`, svc.labels, containerPorts(svc.ports));
      for (const p of svc.ports) ports.add(portProbe(p));
    }
    for (const p of podPorts) ports.add(p);
    endpoints.add({
      label: key,
      kind: "service",
      pods,
      exists: { base: pods.base !== undefined, head: pods.head !== undefined },
      flowKeys: [`svc:${key}`],
      ports: ports.list(),
      description: `service ${key}`,
    });
  }
}

/**
 * Per declared namespace: the pods a namespace endpoint names (its pod labels, probed on the
 * ports flows to the namespace declare), and a pod no service selects. Without pod labels, the
 * latter stands for the namespace endpoint itself.
 */
function namespaceEndpoints(
  endpoints: EndpointList,
  sides: Sides,
  declared: Set<string>,
  podPorts: PortProbe[],
): void {
  const flowPorts = new Map<string, PortSet>();
  const podLabelsOf = new Map<string, Record<string, string>>();
  for (const [, env] of sides) {
    for (const flow of env.flows) {
      for (const e of [flow.from, flow.to]) {
        if (e.kind !== "namespace") continue;
        if (e.podLabels && Object.keys(e.podLabels).length > 0) podLabelsOf.set(e.namespace, e.podLabels);
      }
      if (flow.to.kind === "namespace") {
        const set = flowPorts.get(flow.to.namespace) ?? new PortSet();
        for (const p of flow.ports) set.add(portProbe(p));
        flowPorts.set(flow.to.namespace, set);
      }
    }
  }
  const envOf = (side: Side): EnvironmentIntent | undefined => sides.find(([s]) => s === side)?.[1];
  for (const nsName of [...declared].sort()) {
    const existsOn = (side: Side): boolean => envOf(side)?.namespaces.some((n) => n.name === nsName) ?? false;
    const exists = { base: existsOn("base"), head: existsOn("head") };
    const podsOn = (name: string, labels: Record<string, string>): SyntheticEndpoint["pods"] => ({
      ...(exists.base ? { base: makePod(nsName, name, labels, []) } : {}),
      ...(exists.head ? { head: makePod(nsName, name, labels, []) } : {}),
    });
    const ports = flowPorts.get(nsName) ?? new PortSet();
    for (const p of podPorts) ports.add(p);
    const podLabels = podLabelsOf.get(nsName);
    if (podLabels) {
      endpoints.add({
        label: `ns:${nsName}`,
        kind: "namespace",
        pods: podsOn("ns.selected", podLabels),
        exists: { ...exists },
        flowKeys: [`ns:${nsName}`],
        ports: ports.list(),
        description: `the pods of ${nsName} with ${Object.entries(podLabels)
          .map(([k, v]) => `${k}=${v}`)
          .join(",")}`,
      });
    }
    endpoints.add({
      label: podLabels ? `${nsName}/(other pods)` : `ns:${nsName}`,
      kind: "namespace",
      pods: podsOn("ns.other-pods", {}),
      exists: { ...exists },
      flowKeys: podLabels ? [] : [`ns:${nsName}`],
      ports: podLabels ? podPorts : ports.list(),
      description: `a pod of ${nsName} that no declared service selects`,
    });
  }
}

/** The DNS pods of each side (unless a declared service already stands for them). */
function dnsEndpoints(endpoints: EndpointList, sides: Sides, otherPorts: PortProbe[]): void {
  for (const [side, env] of sides) {
    const label = `${env.dns.namespace}/${env.dns.podLabels["k8s-app"] ?? "dns"}`;
    const existing = endpoints.get(label);
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
    if (existing?.kind === "dns") {
      existing.pods[side] = pod;
      existing.exists[side] = true;
      continue;
    }
    if (existing) continue; // a declared service already stands for these pods
    endpoints.add({
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
}
