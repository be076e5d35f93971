/**
 * Text, JSON and markdown renderings of analyses (verdicts, reachability matrices) and
 * semantic diffs, for the CLI. Pure string builders.
 */
import type { Protocol } from "../k8s/types.js";
import type { FlowChange, SemanticDiff } from "./contracts.js";
import type { Reachability } from "./reachability.js";
import { reachabilityOf, type Verdict } from "./verdict.js";
import { explainDirection, explainVerdict, formatRule, formatSource, ruleName } from "./explain.js";
import type { Matrix } from "./matrix.js";
import { escapeMarkdown, visible } from "../text/escape.js";

/** One line of `analyze --output json`. */
export interface AnalysisResult {
  from: string;
  to: string;
  port: number;
  protocol: Protocol;
  allowed: boolean;
  /** The verdict as the shared three-valued term; a probe that could not run would be `cannot-check`. */
  reachability: Reachability;
  explanation: string;
  /** With `--expect` (or `--fail-on-blocked`): the verdict this connection must have. */
  expected?: "allowed" | "blocked";
  /** Whether the verdict is the expected one; present with `expected`. */
  asExpected?: boolean;
}

export function toResult(v: Verdict, expected?: "allowed" | "blocked"): AnalysisResult {
  const result: AnalysisResult = {
    from: v.from,
    to: v.to,
    port: v.port,
    protocol: v.protocol,
    allowed: v.allowed,
    reachability: reachabilityOf(v),
    explanation: explainVerdict(v),
  };
  if (expected === undefined) return result;
  return { ...result, expected, asExpected: (expected === "allowed") === v.allowed };
}

/**
 * Exactly one JSON object: {"results": [...]}, one entry per verdict, in order; `expected`
 * holds, per verdict, the verdict it must have when one is expected.
 */
export function renderAnalysisJson(
  verdicts: Verdict[],
  expected: readonly ("allowed" | "blocked" | undefined)[] = [],
): string {
  return `${JSON.stringify({ results: verdicts.map((v, i) => toResult(v, expected[i])) }, null, 2)}\n`;
}

function directionLines(v: Verdict): string[] {
  const portText = `${v.port}/${v.protocol}`;
  const lines = [
    explainDirection(v.egress, v.from, v.to, portText),
    explainDirection(v.ingress, v.to, v.from, portText),
  ];
  for (const n of v.notes) lines.push(`note: ${n}`);
  return lines;
}

function summary(verdicts: Verdict[]): string {
  const allowed = verdicts.filter((v) => v.allowed).length;
  return `${verdicts.length} ${verdicts.length === 1 ? "connection" : "connections"}: ${allowed} allowed, ${verdicts.length - allowed} blocked`;
}

/** `  (expected X)` when the verdict is not the expected one. */
function unexpected(v: Verdict, expected: "allowed" | "blocked" | undefined): string {
  return expected === undefined || (expected === "allowed") === v.allowed ? "" : `  (expected ${expected})`;
}

/**
 * One block per verdict: the outcome, then why, direction by direction; a verdict other than
 * its expected one (`expected[i]`) says so on its first line.
 */
export function renderAnalysisText(
  verdicts: Verdict[],
  expected: readonly ("allowed" | "blocked" | undefined)[] = [],
): string {
  const out: string[] = [];
  for (const [i, v] of verdicts.entries()) {
    out.push(
      `${v.allowed ? "allowed" : "BLOCKED"}  ${v.from} -> ${v.to} ${v.port}/${v.protocol}${unexpected(v, expected[i])}`,
    );
    for (const line of directionLines(v)) out.push(`    ${line}`);
  }
  out.push(summary(verdicts));
  return `${out.map(visible).join("\n")}\n`;
}

export function renderAnalysisMarkdown(
  verdicts: Verdict[],
  expected: readonly ("allowed" | "blocked" | undefined)[] = [],
): string {
  const out = ["| verdict | from | to | port | why |", "| --- | --- | --- | --- | --- |"];
  for (const [i, v] of verdicts.entries()) {
    out.push(
      `| ${v.allowed ? "allowed" : "**blocked**"}${unexpected(v, expected[i])} | ${escapeMarkdown(v.from)} | ${escapeMarkdown(v.to)} | ${v.port}/${v.protocol} | ${escapeMarkdown(directionLines(v).join("; "))} |`,
    );
  }
  out.push("", summary(verdicts));
  return `${out.map(visible).join("\n")}\n`;
}

// --- matrices -----------------------------------------------------------------------------------

const LEGEND = "legend: . allowed, X blocked; rows are sources, numbered columns are destinations";

/** A truth table like the upstream e2e reachability tables, with numbered columns. */
export function renderMatrixText(m: Matrix): string {
  const width = String(Math.max(m.cols.length, 1)).length;
  const names = m.rows.map((r, i) => `${String(i + 1).padStart(width)} ${r}`);
  const nameWidth = Math.max(0, ...names.map((n) => n.length));
  const colIds = m.cols.map((_, j) => String(j + 1).padStart(width));
  const out = [
    `reachability on ${m.port}/${m.protocol} (${m.level}: ${m.rows.length} sources, ${m.cols.length} destinations)`,
    `${" ".repeat(nameWidth)}  ${colIds.join(" ")}`,
  ];
  m.rows.forEach((_, i) => {
    const row = m.cells[i] ?? [];
    out.push(
      `${(names[i] ?? "").padEnd(nameWidth)}  ${row.map((c) => (c ? "." : "X").padStart(width)).join(" ")}`,
    );
  });
  if (m.cols.length > 0) {
    out.push("destinations:");
    m.cols.forEach((c, j) => out.push(`${String(j + 1).padStart(width)} ${c}`));
  }
  out.push(LEGEND);
  return `${out.map(visible).join("\n")}\n`;
}

/** A matrix as JSON: rows and columns by name, cells as booleans (row = source). */
export function renderMatrixJson(matrices: Matrix[]): string {
  return `${JSON.stringify(
    {
      matrices: matrices.map((m) => ({
        port: m.port,
        protocol: m.protocol,
        level: m.level,
        rows: m.rows,
        cols: m.cols,
        cells: m.cells,
      })),
    },
    null,
    2,
  )}\n`;
}

export function renderMatrixMarkdown(m: Matrix): string {
  const out = [
    `**${m.port}/${m.protocol}** (${m.level}; \`.\` allowed, \`X\` blocked; rows are sources)`,
    "",
    `| from \\ to | ${m.cols.map(escapeMarkdown).join(" | ")} |`,
    `| --- | ${m.cols.map(() => ":-:").join(" | ")} |`,
  ];
  m.rows.forEach((r, i) => {
    out.push(`| ${escapeMarkdown(r)} | ${(m.cells[i] ?? []).map((c) => (c ? "." : "X")).join(" | ")} |`);
  });
  return `${out.map(visible).join("\n")}\n`;
}

// --- semantic diff ------------------------------------------------------------------------------

function changeLine(c: FlowChange): string {
  return `${c.from} -> ${c.to} ${c.port}/${c.protocol}`;
}

function ruleText(c: FlowChange): string {
  return c.rule ? formatRule(c.rule) : "no rule (isolation changed)";
}

function verdictLine(diff: SemanticDiff): string {
  const added = diff.changes.filter((c) => c.change === "added").length;
  const removed = diff.changes.length - added;
  if (diff.changes.length === 0 && diff.workloads.added.length + diff.workloads.removed.length === 0) {
    return `environment ${diff.environment}: no change in connectivity`;
  }
  return `environment ${diff.environment}: ${added} ${added === 1 ? "flow" : "flows"} opened, ${removed} closed`;
}

export function renderDiffText(diff: SemanticDiff): string {
  const out = [verdictLine(diff)];
  for (const c of diff.changes) {
    out.push(`${c.change === "added" ? "+" : "-"} ${changeLine(c)}  [${ruleText(c)}]`);
    out.push(`    ${c.explanation}`);
  }
  const list = (label: string, items: string[]): void => {
    if (items.length > 0) out.push(`${label}: ${items.join(", ")}`);
  };
  list("workloads added", diff.workloads.added);
  list("workloads removed", diff.workloads.removed);
  list("namespaces added", diff.namespaces.added);
  list("namespaces removed", diff.namespaces.removed);
  return `${out.map(visible).join("\n")}\n`;
}

export function renderDiffJson(diff: SemanticDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}

export function renderDiffMarkdown(diff: SemanticDiff): string {
  const out = [`### ${escapeMarkdown(verdictLine(diff))}`, ""];
  if (diff.changes.length > 0) {
    out.push("| | from | to | port | rule | source | why |", "| --- | --- | --- | --- | --- | --- | --- |");
    for (const c of diff.changes) {
      const rule = c.rule ? `${c.rule.namespace}/${c.rule.policy} ${ruleName(c.rule)}` : "—";
      const source = c.rule?.source ? formatSource(c.rule.source) : "";
      out.push(
        `| ${c.change === "added" ? "➕ opened" : "➖ closed"} | ${escapeMarkdown(c.from)} | ${escapeMarkdown(c.to)} | ${escapeMarkdown(`${c.port}/${c.protocol}`)} | ${escapeMarkdown(rule)} | ${escapeMarkdown(source)} | ${escapeMarkdown(c.explanation)} |`,
      );
    }
    out.push("");
  }
  const list = (label: string, items: string[]): void => {
    if (items.length > 0) out.push(`- ${label}: ${items.map(escapeMarkdown).join(", ")}`);
  };
  list("workloads added", diff.workloads.added);
  list("workloads removed", diff.workloads.removed);
  list("namespaces added", diff.namespaces.added);
  list("namespaces removed", diff.namespaces.removed);
  return `${out.join("\n").trimEnd()}\n`;
}
