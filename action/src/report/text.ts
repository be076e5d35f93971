/**
 * The preview as plain text for a terminal: the same content as the comment without
 * markdown, HTML entities or diagrams, in the same order: risky changes first (marked
 * `!` with the reason), then the others, then one line for built-in rules. Control characters from the intent are made
 * visible so that a name cannot move the cursor or recolour the terminal.
 */
import { visible } from "../text/escape.js";
import type { FlowChange, LintFinding } from "../semantics/contracts.js";
import { flowText } from "./markdown/flows.js";
import { environmentVerdict, hasBase, replacesNote } from "./markdown/overview.js";
import { builtinGroups, builtinText, driftAcrossEnvironments, sortChanges } from "./risk.js";
import type { EnvironmentPreview, PreviewReport } from "./types.js";

/** Text from the intent, safe to print: escape sequences and line breaks become visible. */
export const terminalSafe = visible;

function where(source: { file: string; line: number; column?: number } | undefined): string {
  if (!source) return "";
  return terminalSafe(
    `${source.file}:${source.line}${source.column !== undefined ? `:${source.column}` : ""}`,
  );
}

function lintLine(f: LintFinding): string {
  const at = where(f.source);
  return `    ${at ? `${at}: ` : ""}${f.severity} ${terminalSafe(f.code)}: ${terminalSafe(f.message)}`;
}

function changeLine(c: FlowChange, mark = ""): string {
  const rule = c.rule?.source ? `  (${c.change === "removed" ? "base " : ""}${where(c.rule.source)})` : "";
  const comment = c.comment ? `  # ${terminalSafe(c.comment)}` : "";
  return `  ${c.change === "added" ? "+" : "-"} ${terminalSafe(flowText(c))}${rule}${comment}${mark}`;
}

function environmentText(
  env: EnvironmentPreview,
  report: PreviewReport,
  drift: Map<string, Map<FlowChange, string[]>>,
): string[] {
  const lines = ["", `${terminalSafe(env.name)}: ${environmentVerdict(env, hasBase(report))}`];
  if (env.verdict.kind === "invalid") {
    const files = env.verdict.files ?? [];
    if (files.length > 0) lines.push(`  not compared: errors in ${files.map(terminalSafe).join(", ")}`);
    return lines;
  }
  const note = replacesNote(env);
  if (note) lines.push(`  ${terminalSafe(note)}`);
  const sorted = sortChanges(env, drift.get(env.name));
  for (const ns of env.defaultDeny?.removed ?? [])
    lines.push(`  ! default-deny removed from ${terminalSafe(ns)}`);
  for (const ns of env.defaultDeny?.added ?? []) lines.push(`  ! default-deny added to ${terminalSafe(ns)}`);
  for (const r of sorted.risky) lines.push(changeLine(r.change, `  ! ${terminalSafe(r.reason)}`));
  for (const c of sorted.ordinary) lines.push(changeLine(c));
  for (const g of builtinGroups(sorted.builtin)) {
    const sources = g.sources.slice(0, 2).map((c) => where(c.rule?.source));
    const more = g.sources.length > 2 ? ` and ${g.sources.length - 2} more` : "";
    const from = sources.length > 0 ? `  (${sources.join(", ")}${more})` : "";
    lines.push(`  built in: ${terminalSafe(builtinText(g))}${from}`);
  }
  const engine = env.engine;
  if (engine.status === "failed") {
    lines.push(`  Pulumi (stack ${terminalSafe(engine.stack)}) failed: ${terminalSafe(engine.error)}`);
  } else if (engine.status === "ok") {
    const ops = engine.operations.filter((op) => op.op !== "same");
    lines.push(`  Pulumi (stack ${terminalSafe(engine.stack)}): ${ops.length} operations`);
    for (const op of ops) {
      const keys = op.changedKeys.length > 0 ? ` [${op.changedKeys.map(terminalSafe).join(", ")}]` : "";
      lines.push(`    ${terminalSafe(op.op)} ${terminalSafe(op.kind)} ${terminalSafe(op.name)}${keys}`);
    }
  } else if (report.engineNote !== engine.reason) {
    lines.push(`  Pulumi engine part skipped: ${terminalSafe(engine.reason)}`);
  }
  if (env.lint.length > 0) {
    lines.push("  lint:");
    for (const f of env.lint) lines.push(lintLine(f));
  }
  return lines;
}

/** The whole preview as terminal text. */
export function renderText(report: PreviewReport): string {
  const lines: string[] = [];
  const short = (ref: string): string => (/^[0-9a-f]{40}$/i.test(ref) ? ref.slice(0, 12) : terminalSafe(ref));
  const head = report.headRef ? ` with ${short(report.headRef)}` : "";
  if (report.baseRef !== undefined && hasBase(report)) {
    const sha = report.baseSha && report.baseSha !== report.baseRef ? ` (${short(report.baseSha)})` : "";
    lines.push(`Comparing ${terminalSafe(report.policiesDir)} at ${short(report.baseRef)}${sha}${head}.`);
  } else {
    lines.push(
      `No base to compare with (${terminalSafe(report.baseNote ?? "no base revision was given")}): ${report.environments.some((e) => e.replaces) ? "an environment that replaces a cluster's policies is compared with them; every other flow is shown as opened" : "every flow is shown as opened"}.`,
    );
  }
  const headErrors = report.intentErrors.filter((e) => e.side === "head");
  for (const side of ["head", "base"] as const) {
    const errors = report.intentErrors.filter((e) => e.side === side);
    if (errors.length === 0) continue;
    lines.push(
      "",
      side === "head" ? "The intent is invalid:" : "The intent at base is invalid; the base was not used:",
    );
    for (const e of errors) {
      lines.push(`  ${where(e)}: ${terminalSafe(e.message)}${e.hint ? ` (${terminalSafe(e.hint)})` : ""}`);
    }
  }
  if (headErrors.length === 0 && report.environments.every((e) => e.verdict.kind === "no-change")) {
    lines.push("", "No change: no flow opens or closes in any environment.");
  }
  const drift = driftAcrossEnvironments(report);
  for (const env of report.environments) lines.push(...environmentText(env, report, drift));
  if (report.engineNote !== undefined)
    lines.push("", `Pulumi engine part skipped: ${terminalSafe(report.engineNote)}`);
  return `${lines.join("\n")}\n`;
}
