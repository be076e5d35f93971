/** Lint findings as markdown: the overview's count and an environment's findings table. */
import type { LintFinding } from "../../semantics/contracts.js";
import { code, escapeMarkdown } from "../../text/escape.js";
import { plural } from "../../text/plural.js";
import { sourceLink, table, type Detail } from "./detail.js";

/** "none", "1 error, 2 warnings". */
export function countLint(findings: LintFinding[]): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  if (findings.length === 0) return "none";
  const parts: string[] = [];
  if (errors > 0) parts.push(plural(errors, "error"));
  if (warnings > 0) parts.push(plural(warnings, "warning"));
  return parts.join(", ");
}

export function lintSection(findings: LintFinding[], detail: Detail): string[] {
  if (findings.length === 0) return [];
  return [
    "",
    `**Lint** (${countLint(findings)})`,
    "",
    ...table(["severity", "code", "message", "where"], lintRows(findings, detail), detail, "findings"),
  ];
}

function lintRows(findings: LintFinding[], detail: Detail): string[][] {
  return findings.map((f) => [
    f.severity === "error" ? "❌ error" : "⚠️ warning",
    code(f.code),
    escapeMarkdown(f.message),
    f.source ? sourceLink(f.source.file, f.source.line, f.source.column, detail) : "—",
  ]);
}
