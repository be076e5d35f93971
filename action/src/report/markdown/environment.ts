/**
 * One environment's section of the preview, in reading order: what opens and closes, what
 * to look at first, workloads and namespaces that come and go, the other flow changes, the
 * built-in rules, the engine's part, lint, and the flows diagram.
 */
import { code, escapeMarkdown } from "../../text/escape.js";
import { renderMermaid } from "../mermaid.js";
import type { EnvironmentPreview, PreviewReport } from "../types.js";
import { table, type Detail } from "./detail.js";
import { engineSection } from "./engine.js";
import { builtinLine, environmentHeadline, flowRows } from "./flows.js";
import { lintSection } from "./lint.js";
import { environmentVerdict, hasBase, replacesNote } from "./overview.js";
import { lookFirstLines, sortedOf } from "./risk.js";
import { observedSection } from "./observed.js";
import { clustersLines } from "./clusters.js";

export function environmentSection(env: EnvironmentPreview, report: PreviewReport, detail: Detail): string[] {
  const lines = ["", `### ${code(env.name)}: ${escapeMarkdown(environmentVerdict(env, hasBase(report)))}`];
  if (env.verdict.kind === "invalid") {
    const files = env.verdict.files ?? [];
    const where = files.length > 0 ? ` in ${files.map(code).join(", ")}` : "";
    lines.push("", `Not compared: fix the errors${where} listed above.`);
    return lines;
  }
  const note = replacesNote(env);
  if (note) lines.push("", escapeMarkdown(note));
  const sorted = sortedOf(env, detail);
  const head = environmentHeadline(sorted);
  if (head) lines.push("", head);
  if (env.clusters) lines.push(...clustersLines(env.clusters, detail));

  lines.push(...lookFirstLines(env, sorted, detail));
  // Observed traffic this change blocks none of: one line with the data's age.
  if (env.observed && env.observed.blocked.length === 0)
    lines.push("", ...observedSection(env.observed, detail.maxRows));

  const names = [
    ...listNames("Workloads added", env.diff.workloads.added, detail),
    ...listNames("Workloads removed", env.diff.workloads.removed, detail),
    ...listNames("Namespaces added", env.diff.namespaces.added, detail),
    ...listNames("Namespaces removed", env.diff.namespaces.removed, detail),
  ];
  if (names.length > 0) lines.push("", ...names.flatMap((n, i) => (i === 0 ? [n] : ["", n])));

  if (sorted.ordinary.length > 0) {
    lines.push(
      "",
      ...(sorted.risky.length > 0 ? ["**Other flow changes**", ""] : []),
      ...table(["change", "flow", "rule", "why"], flowRows(sorted.ordinary, detail), detail, "flow changes"),
    );
  }
  lines.push(...builtinLine(sorted.builtin, detail));
  lines.push(...engineSection(env, report, detail));
  lines.push(...lintSection(env.lint, detail));
  lines.push(...diagramLines(env, detail));
  return lines;
}

function listNames(label: string, names: string[], detail: Detail): string[] {
  if (names.length === 0) return [];
  const shown = names.slice(0, detail.maxRows).map(code).join(", ");
  const rest = names.length > detail.maxRows ? ` and ${names.length - detail.maxRows} more` : "";
  return [`${label}: ${shown}${rest}.`];
}

/** The flows diagram, folded; or a sentence saying why it is left out. */
function diagramLines(env: EnvironmentPreview, detail: Detail): string[] {
  const wantDiagram = env.verdict.kind === "changed" || detail.mermaidForUnchanged;
  if (!wantDiagram || env.flowsGraph.edges.length === 0) return [];
  const diagram =
    detail.mermaidMaxEdges > 0
      ? renderMermaid(env.flowsGraph, detail.mermaidMaxEdges)
      : ({ ok: false, reason: "diagrams are left out to keep the report short" } as const);
  if (!diagram.ok) return ["", `The flows diagram is left out: ${escapeMarkdown(diagram.reason)}.`];
  return [
    "",
    env.flowsGraph.edges.some((e) => e.status !== "unchanged")
      ? "<details><summary>Flows: thick green = opened, dashed red = closed</summary>"
      : "<details><summary>Flows</summary>",
    "",
    diagram.text,
    "",
    "</details>",
  ];
}
