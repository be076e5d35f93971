/** Intent errors as markdown: at head (nothing deploys) and at base (the base was not used). */
import { escapeMarkdown } from "../../text/escape.js";
import type { ReportIntentError } from "../types.js";
import { sourceLink, summaryPointer, type Detail } from "./detail.js";

export function intentErrorLines(errors: ReportIntentError[], detail: Detail): string[] {
  const lines: string[] = [];
  for (const side of ["head", "base"] as const) {
    const list = errors.filter((e) => e.side === side);
    if (list.length === 0) continue;
    lines.push(
      "",
      side === "head"
        ? `### Intent errors (${list.length})`
        : `### Intent errors at base (${list.length}): the base was not used`,
      "",
    );
    for (const e of list.slice(0, detail.maxRows)) {
      const hint = e.hint ? ` (${escapeMarkdown(e.hint)})` : "";
      lines.push(
        `- ${sourceLink(e.file, e.line, e.column, detail, side)} ${escapeMarkdown(e.message)}${hint}`,
      );
    }
    if (list.length > detail.maxRows) {
      const where = detail.audience === "comment" ? summaryPointer(detail) : "";
      lines.push("", `… and ${list.length - detail.maxRows} more errors${where}.`);
    }
  }
  return lines;
}
