/**
 * Flow changes as markdown: the flow itself, the rule it compiles to with its source line,
 * why it changed; an environment's one-line headline; the built-in rules summed up.
 */
import type { FlowChange } from "../../semantics/contracts.js";
import { ruleName } from "../../semantics/explain.js";
import { code, escapeMarkdown } from "../../text/escape.js";
import { plural } from "../../text/plural.js";
import { builtinGroups, builtinText, type SortedChanges } from "../risk.js";
import type { RevisionSide } from "../types.js";
import { sourceLink, table, type Detail } from "./detail.js";

export const ARROW = "→";

/**
 * "production/frontend → production/database:5432/TCP", with the port's declared name
 * beside its number when there is one ("…/node-exporter:metrics (9100/TCP)"); IPv6
 * destinations in brackets.
 */
export function flowText(
  change: Pick<FlowChange, "from" | "to" | "port" | "protocol"> & { portName?: string },
): string {
  const to = change.to.includes(":") && !change.to.startsWith("ns:") ? `[${change.to}]` : change.to;
  const port = `${change.port === "*" ? "any other port" : change.port}/${change.protocol}`;
  return `${change.from} ${ARROW} ${to}:${change.portName ? `${change.portName} (${port})` : port}`;
}

/** The side a change's declaration is on: head for an opened flow, base for a closed one. */
function sideOf(change: FlowChange): RevisionSide {
  return change.change === "added" ? "head" : "base";
}

/** The flow, and the author's comment on its line as they wrote it. */
export function flowCell(change: FlowChange): string {
  const comment = change.comment ? ` ${escapeMarkdown(`# ${change.comment}`)}` : "";
  return `${code(flowText(change))}${comment}`;
}

/** Where the flow is declared (base for a closed flow, head for an opened one) and the rule it compiles to. */
export function ruleCell(change: FlowChange, detail: Detail): string {
  const rule = change.rule;
  if (!rule) return "—";
  const policy = `${code(`${rule.namespace}/${rule.policy}`)} ${ruleName(rule)}`;
  if (!rule.source) return policy;
  return `${sourceLink(rule.source.file, rule.source.line, undefined, detail, sideOf(change))}<br>${policy}`;
}

/** The short why; with explanations, the full one folded under it. */
export function whyCell(change: FlowChange, detail: Detail): string {
  const short = escapeMarkdown(change.summary ?? (change.change === "added" ? "now allowed" : "now blocked"));
  if (!detail.explanations) return short;
  return `<details><summary>${short}</summary>${escapeMarkdown(change.explanation)}</details>`;
}

export const CHANGE_MARK = { added: "➕ opens", removed: "➖ closes" } as const;

export function flowRows(changes: FlowChange[], detail: Detail): string[][] {
  return changes.map((change) => [
    CHANGE_MARK[change.change],
    flowCell(change),
    ruleCell(change, detail),
    whyCell(change, detail),
  ]);
}

/** Flows named in a headline before it switches to a count. */
const HEADLINE_FLOWS = 3;

/** "Opens `a → b:80/TCP`; closes 4 flows." What opens and what closes, built-ins left out. */
export function environmentHeadline(sorted: SortedChanges): string | undefined {
  const declared = [...sorted.risky.map((r) => r.change), ...sorted.ordinary];
  const part = (kind: FlowChange["change"], verb: string): string | undefined => {
    const list = declared.filter((c) => c.change === kind);
    if (list.length === 0) return undefined;
    if (list.length > HEADLINE_FLOWS) return `${verb} ${plural(list.length, "flow")}`;
    return `${verb} ${list.map((c) => code(flowText(c))).join(", ")}`;
  };
  const parts = [part("added", "opens"), part("removed", "closes")].filter(
    (p): p is string => p !== undefined,
  );
  if (parts.length === 0) return undefined;
  const text = parts.join("; ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Built-in rules, summed up in one line per environment ("DNS opened for 4 workloads …; kubelet health checks …"). */
export function builtinLine(builtin: FlowChange[], detail: Detail): string[] {
  if (builtin.length === 0) return [];
  const parts = builtinGroups(builtin).map((g) => {
    const links = g.sources.slice(0, 2).map((c) => {
      const s = c.rule?.source as NonNullable<NonNullable<FlowChange["rule"]>["source"]>;
      return sourceLink(s.file, s.line, undefined, detail, sideOf(c));
    });
    const more = g.sources.length > 2 ? ` and ${g.sources.length - 2} more` : "";
    const from = links.length > 0 ? ` (${links.join(", ")}${more})` : "";
    return `${builtinText(g, code)}${from}`;
  });
  const line = `**Built in** (${plural(builtin.length, "flow")}): ${parts.join("; ")}.`;
  if (!detail.builtinRows) return ["", line];
  return [
    "",
    "<details><summary>",
    "",
    line,
    "",
    "</summary>",
    "",
    ...table(["change", "flow", "rule", "why"], flowRows(builtin, detail), detail, "built-in flows"),
    "",
    "</details>",
  ];
}
