/**
 * The flows graph of an environment: one node per endpoint of a declared flow, one edge
 * per (source, destination, status) with its ports. Built from the declared flows of both
 * revisions, with the semantic diff laid over them: a flow the diff reports as opened or
 * closed is marked so even when its declaration did not change (a label or a namespace
 * change can open or close a declared flow).
 */
import type { Endpoint, EnvironmentIntent, Flow, FlowPort } from "../intent/model.js";
import type { SemanticDiff } from "../semantics/contracts.js";
import type { EdgeStatus, FlowsGraph, GraphEdge, GraphNode } from "./types.js";

/** The endpoint as the semantic diff names it (see FlowChange.from/to). */
export function endpointKey(endpoint: Endpoint): string {
  switch (endpoint.kind) {
    case "service":
      return `${endpoint.namespace}/${endpoint.service}`;
    case "namespace":
      return `ns:${endpoint.namespace}`;
    case "cidr":
      return endpoint.cidr;
    case "fqdn":
      return endpoint.fqdn;
  }
}

/** "8080/TCP", "8000-8010/TCP", "*\/UDP" (every port of the protocol). */
export function portLabel(port: Pick<FlowPort, "port" | "endPort" | "protocol">): string {
  if (port.port === undefined) return `*/${port.protocol}`;
  const range = port.endPort !== undefined && port.endPort !== port.port ? `-${port.endPort}` : "";
  return `${port.port}${range}/${port.protocol}`;
}

interface Triple {
  from: string;
  to: string;
  port: string;
}

const SEP = "\u0000";
const tripleKey = (t: Triple): string => `${t.from}${SEP}${t.to}${SEP}${t.port}`;

function flowTriples(flows: Flow[], kinds: Map<string, GraphNode["kind"]>): Map<string, Triple> {
  const out = new Map<string, Triple>();
  for (const flow of flows) {
    const from = endpointKey(flow.from);
    const to = endpointKey(flow.to);
    kinds.set(from, flow.from.kind);
    kinds.set(to, flow.to.kind);
    const ports = flow.ports.length > 0 ? flow.ports : [{ protocol: "TCP" as const }];
    for (const port of ports) {
      const triple = { from, to, port: portLabel(port) };
      out.set(tripleKey(triple), triple);
    }
  }
  return out;
}

function comparePorts(a: string, b: string): number {
  const [pa = "", protoA = ""] = a.split("/");
  const [pb = "", protoB = ""] = b.split("/");
  const na = Number.parseInt(pa, 10);
  const nb = Number.parseInt(pb, 10);
  if (Number.isNaN(na) !== Number.isNaN(nb)) return Number.isNaN(na) ? 1 : -1;
  if (!Number.isNaN(na) && na !== nb) return na - nb;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return protoA < protoB ? -1 : protoA > protoB ? 1 : 0;
}

const STATUS_ORDER: Record<EdgeStatus, number> = { unchanged: 0, added: 1, removed: 2 };

/**
 * Builds the graph of `head`'s declared flows plus those removed since `base`. Either
 * side may be absent (a new or a removed environment). Deterministic: nodes sorted by
 * key, edges by source, destination, status.
 */
export function buildFlowsGraph(
  base: EnvironmentIntent | undefined,
  head: EnvironmentIntent | undefined,
  diff: SemanticDiff | undefined,
): FlowsGraph {
  const kinds = new Map<string, GraphNode["kind"]>();
  const baseTriples = flowTriples(base?.flows ?? [], kinds);
  const headTriples = flowTriples(head?.flows ?? [], kinds);

  const status = new Map<string, { triple: Triple; status: EdgeStatus }>();
  for (const [key, triple] of headTriples) {
    status.set(key, { triple, status: baseTriples.has(key) ? "unchanged" : "added" });
  }
  for (const [key, triple] of baseTriples) {
    if (!headTriples.has(key)) status.set(key, { triple, status: "removed" });
  }
  // The semantic verdict wins over the declaration: only between endpoints that are
  // declared flow endpoints, so DNS and probe-only addresses do not clutter the picture.
  for (const change of diff?.changes ?? []) {
    if (!kinds.has(change.from) || !kinds.has(change.to)) continue;
    const triple = { from: change.from, to: change.to, port: `${change.port}/${change.protocol}` };
    const key = tripleKey(triple);
    const known = status.get(key);
    if (change.change === "added") status.set(key, { triple: known?.triple ?? triple, status: "added" });
    else if (!known || known.status !== "added")
      status.set(key, { triple: known?.triple ?? triple, status: "removed" });
  }

  const headKeys = new Set<string>();
  for (const { triple, status: s } of status.values()) {
    if (s !== "removed") {
      headKeys.add(triple.from);
      headKeys.add(triple.to);
    }
  }
  const keys = [...new Set([...status.values()].flatMap(({ triple }) => [triple.from, triple.to]))].sort();
  const nodes: GraphNode[] = keys.map((key, index) => ({
    id: `n${index}`,
    key,
    kind: kinds.get(key) ?? "service",
    removed: !headKeys.has(key),
  }));
  const idOf = new Map(nodes.map((n) => [n.key, n.id]));

  const grouped = new Map<string, GraphEdge>();
  for (const { triple, status: s } of status.values()) {
    const from = idOf.get(triple.from) ?? "";
    const to = idOf.get(triple.to) ?? "";
    const key = `${triple.from}${SEP}${triple.to}${SEP}${s}`;
    const edge = grouped.get(key) ?? { from, to, ports: [], status: s };
    edge.ports.push(triple.port);
    grouped.set(key, edge);
  }
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const edges = [...grouped.values()].sort(
    (a, b) =>
      (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0) ||
      (order.get(a.to) ?? 0) - (order.get(b.to) ?? 0) ||
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
  );
  for (const edge of edges) edge.ports.sort(comparePorts);
  return { nodes, edges };
}
