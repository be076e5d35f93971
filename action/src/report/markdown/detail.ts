/**
 * How much one rendering shows (the comment and the job summary at each tier), and the
 * blocks every section builds with under it: tables cut at the row budget with a pointer
 * to where the rest is, and links to intent source lines.
 */
import type { FlowChange } from "../../semantics/contracts.js";
import { code } from "../../text/escape.js";
import type { RevisionSide } from "../types.js";

/** How much one rendering shows. */
export interface Detail {
  audience: "comment" | "summary";
  /** Rows per table before "… and K more". */
  maxRows: number;
  /** Largest graph drawn; 0 draws none. */
  mermaidMaxEdges: number;
  /** Whether unchanged environments get a diagram too. */
  mermaidForUnchanged: boolean;
  /** Whether each "why" folds the full explanation under its short form. */
  explanations: boolean;
  /** Whether the built-in (DNS, health-check) line folds the rows it stands for. */
  builtinRows: boolean;
  summaryUrl?: string;
  summaryHoldsAll?: boolean;
  sourceUrl?: string;
  baseSourceUrl?: string;
  /** Per environment: rule-caused changes another environment now declares differently. */
  drift?: Map<string, Map<FlowChange, string[]>>;
}

export function sourceLink(
  file: string,
  line: number,
  column: number | undefined,
  detail: Detail,
  side: RevisionSide = "head",
): string {
  const text = code(`${file}:${line}${column !== undefined ? `:${column}` : ""}`);
  const url = side === "base" ? detail.baseSourceUrl : detail.sourceUrl;
  if (!url) return text;
  const path = file
    .split("/")
    .map((segment) =>
      encodeURIComponent(segment).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`),
    )
    .join("/");
  return `[${text}](${url}${path}#L${line})`;
}

export function table(header: string[], rows: string[][], detail: Detail, what: string): string[] {
  if (rows.length === 0) return [];
  const shown = rows.slice(0, detail.maxRows);
  const lines = [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`];
  for (const row of shown) lines.push(`| ${row.join(" | ")} |`);
  const rest = rows.length - shown.length;
  if (rest > 0) {
    const where = detail.audience === "comment" ? summaryPointer(detail) : "";
    lines.push("", `… and ${rest} more ${what}${where}.`);
  }
  return lines;
}

/** Where a comment's left-out details are: " in the job summary", or the JSON report when that is shortened too. */
export function summaryPointer(detail: Detail): string {
  if (detail.summaryHoldsAll === false)
    return " in the JSON report (the step's `report` output) and in `netpol-rollout preview` run locally; the job summary is shortened too";
  return detail.summaryUrl ? ` in the [job summary](${detail.summaryUrl})` : " in the job summary";
}
