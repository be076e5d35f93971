/**
 * The flows graph as a mermaid flowchart (rendered by GitHub in comments and job
 * summaries). Node ids are generated (`n0`, `n1`, …); every name is a quoted, entity-
 * encoded label, so nothing from the intent can end the code fence or alter the diagram.
 */
import { mermaidLabel } from "../text/escape.js";
import type { FlowsGraph, GraphEdge, GraphNode } from "./types.js";

/**
 * Mermaid refuses diagrams over `maxTextSize` (50,000 characters by default) and, since
 * v10.9, over `maxEdges` (500). Stay well below both; a larger graph is left out and the
 * report says so.
 */
export const MERMAID_MAX_EDGES = 300;
export const MERMAID_MAX_TEXT = 40_000;

const ADDED_STYLE = "stroke:#1a7f37,stroke-width:3px,color:#1a7f37";
const REMOVED_STYLE = "stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 5,color:#cf222e";

function nodeShape(node: GraphNode): string {
  const label = mermaidLabel(node.key);
  switch (node.kind) {
    case "service":
      return `${node.id}[${label}]`;
    case "namespace":
      return `${node.id}([${label}])`;
    case "cidr":
    case "fqdn":
      return `${node.id}{{${label}}}`;
  }
}

function edgeLine(edge: GraphEdge): string {
  const ports = edge.ports.join(", ");
  switch (edge.status) {
    case "unchanged":
      return `  ${edge.from} -->|${mermaidLabel(ports)}| ${edge.to}`;
    case "added":
      return `  ${edge.from} ==>|${mermaidLabel(`+ ${ports}`)}| ${edge.to}`;
    case "removed":
      return `  ${edge.from} -.->|${mermaidLabel(`- ${ports}`)}| ${edge.to}`;
  }
}

export type MermaidResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * The diagram as a ```mermaid block, or why it is left out (too many edges, too long,
 * nothing to draw). `maxEdges` defaults to MERMAID_MAX_EDGES.
 */
export function renderMermaid(graph: FlowsGraph, maxEdges = MERMAID_MAX_EDGES): MermaidResult {
  if (graph.edges.length === 0) return { ok: false, reason: "no flows to draw" };
  if (graph.edges.length > maxEdges) {
    return {
      ok: false,
      reason: `the graph has ${graph.edges.length} edges, more than the ${maxEdges} a diagram shows legibly`,
    };
  }
  const lines = ["```mermaid", "flowchart LR"];
  for (const node of graph.nodes) lines.push(`  ${nodeShape(node)}`);
  const added: number[] = [];
  const removed: number[] = [];
  graph.edges.forEach((edge, index) => {
    lines.push(edgeLine(edge));
    if (edge.status === "added") added.push(index);
    if (edge.status === "removed") removed.push(index);
  });
  if (added.length > 0) lines.push(`  linkStyle ${added.join(",")} ${ADDED_STYLE}`);
  if (removed.length > 0) lines.push(`  linkStyle ${removed.join(",")} ${REMOVED_STYLE}`);
  const removedNodes = graph.nodes.filter((n) => n.removed).map((n) => n.id);
  if (removedNodes.length > 0) {
    lines.push("  classDef gone stroke:#cf222e,stroke-dasharray:5 5");
    lines.push(`  class ${removedNodes.join(",")} gone`);
  }
  lines.push("```");
  const text = lines.join("\n");
  if (text.length > MERMAID_MAX_TEXT) {
    return { ok: false, reason: `the diagram would be ${text.length} characters, more than mermaid renders` };
  }
  return { ok: true, text };
}
