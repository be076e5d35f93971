/**
 * The preview as markdown: the sticky PR comment and the job summary, built by one
 * renderer at different levels of detail (markdown/detail.ts). Both have hard size limits
 * on GitHub, so each degrades in tiers (full → fewer details → summary only) until it fits
 * (markdown/tiers.ts).
 *
 * The document, top to bottom: the overview (markdown/overview.ts), intent errors, a
 * section per environment (markdown/environment.ts), what the probes will check
 * (markdown/probe-checks.ts), and the legend.
 */
import { MERMAID_MAX_EDGES } from "./mermaid.js";
import { driftAcrossEnvironments } from "./risk.js";
import type { PreviewReport } from "./types.js";
import { summaryPointer, type Detail } from "./markdown/detail.js";
import { engineSkippedSentence } from "./markdown/engine.js";
import { environmentSection } from "./markdown/environment.js";
import { intentErrorLines } from "./markdown/intent-errors.js";
import { legend } from "./markdown/legend.js";
import { headline, overview, revisionLine } from "./markdown/overview.js";
import { probeSection } from "./markdown/probe-checks.js";
import { firstFitting, type Attempt, type RenderTier } from "./markdown/tiers.js";

/** The first line of every preview comment; the Action finds its sticky comment by it. */
export const MARKER = "<!-- netpol-rollout:preview -->";

/** GitHub rejects issue comment bodies over 65,536 characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** The default comment budget, with room below GitHub's limit. */
export const DEFAULT_COMMENT_MAX_CHARS = 65_000;
/** GitHub refuses a step's job summary over 1 MiB. */
export const GITHUB_SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** The default job summary budget, with room below GitHub's limit. */
export const DEFAULT_SUMMARY_MAX_BYTES = GITHUB_SUMMARY_LIMIT_BYTES - 16 * 1024;

export interface RenderCommentOptions {
  /** Budget in UTF-16 code units; default 65,000; never more than GitHub's 65,536. */
  maxChars?: number;
  /** Link to this run's job summary, offered when the comment leaves details out. */
  summaryUrl?: string;
  /**
   * False when the job summary itself had to be shortened (thousands of environments or
   * rows): the comment then points at the JSON report instead of promising the summary.
   */
  summaryHoldsAll?: boolean;
  /** Prefix of links to intent files at head, e.g. "https://github.com/o/r/blob/<sha>/". */
  sourceUrl?: string;
  /** Prefix of links to intent files at the base commit: closed flows point there. */
  baseSourceUrl?: string;
}

export interface RenderSummaryOptions {
  /** Budget in UTF-8 bytes; default 1 MiB minus 16 KiB. */
  maxBytes?: number;
  sourceUrl?: string;
  baseSourceUrl?: string;
}

function header(report: PreviewReport, detail: Detail): string[] {
  const lines: string[] = [];
  if (detail.audience === "comment") lines.push(MARKER);
  lines.push("## Network policy preview", "", ...revisionLine(report), "", headline(report, detail));
  if (report.environments.length > 0) lines.push("", ...overview(report, detail));
  if (report.engineNote !== undefined) lines.push("", engineSkippedSentence(report.engineNote));
  return lines;
}

function renderDocument(report: PreviewReport, detail: Detail): string {
  const lines = header(report, detail);
  lines.push(...intentErrorLines(report.intentErrors, detail));
  const allInvalid = report.environments.every((e) => e.verdict.kind === "invalid");
  // With every environment invalid, the overview says all there is.
  if (!allInvalid)
    for (const env of report.environments) lines.push(...environmentSection(env, report, detail));
  if (!allInvalid) lines.push(...probeSection(report, detail));
  lines.push(...legend(report));
  return `${lines.join("\n")}\n`;
}

function renderSummaryOnly(report: PreviewReport, detail: Detail): string {
  const lines = header(report, detail);
  lines.push(...intentErrorLines(report.intentErrors, detail));
  lines.push(
    "",
    detail.audience === "comment"
      ? `This report is shortened to fit a comment. Flow changes, Pulumi operations, lint findings and diagrams are${summaryPointer(detail)}.`
      : "This summary is shortened to fit GitHub's job summary limit; run `netpol-rollout preview` locally for every detail.",
  );
  return `${lines.join("\n")}\n`;
}

/**
 * The sticky PR comment and the tier it was rendered at. Starts with MARKER. Tries full
 * detail, then shorter tables without explanations and smaller diagrams, then per-
 * environment verdicts only, until the body fits `maxChars` UTF-16 code units (default
 * 65,000; capped at GitHub's 65,536 − 1).
 */
export function renderCommentWithTier(
  report: PreviewReport,
  options: RenderCommentOptions = {},
): { body: string; tier: RenderTier } {
  const max = Math.min(options.maxChars ?? DEFAULT_COMMENT_MAX_CHARS, GITHUB_COMMENT_LIMIT - 1);
  const base = {
    audience: "comment" as const,
    summaryUrl: options.summaryUrl,
    summaryHoldsAll: options.summaryHoldsAll,
    sourceUrl: options.sourceUrl,
    baseSourceUrl: options.baseSourceUrl,
    drift: driftAcrossEnvironments(report),
    // The comment sums built-in rules up in one line; the job summary lists them.
    builtinRows: false,
  };
  const full: Detail = {
    ...base,
    maxRows: Number.POSITIVE_INFINITY,
    mermaidMaxEdges: MERMAID_MAX_EDGES,
    mermaidForUnchanged: false,
    explanations: true,
  };
  const reduced = (maxRows: number, mermaidMaxEdges: number): Attempt => ({
    tier: "reduced",
    render: () =>
      renderDocument(report, {
        ...base,
        maxRows,
        mermaidMaxEdges,
        mermaidForUnchanged: false,
        explanations: false,
      }),
  });
  const summary = (maxRows: number): Attempt => ({
    tier: "summary",
    render: () => renderSummaryOnly(report, { ...full, maxRows, mermaidMaxEdges: 0, explanations: false }),
  });
  return firstFitting(
    [
      { tier: "full", render: () => renderDocument(report, full) },
      reduced(50, 80),
      reduced(20, 30),
      reduced(8, 0),
      summary(Number.POSITIVE_INFINITY),
      summary(30),
    ],
    (s) => s.length <= max,
    `… the comment is cut here to fit GitHub's limit; the full report is${summaryPointer({ ...full })}.`,
  );
}

/** The sticky PR comment markdown; see renderCommentWithTier. */
export function renderComment(report: PreviewReport, options: RenderCommentOptions = {}): string {
  return renderCommentWithTier(report, options).body;
}

/**
 * The job summary with full detail (every row, explanations, a diagram per environment)
 * and the tier it was rendered at; degrades like the comment until it fits `maxBytes`
 * UTF-8 bytes (default 1 MiB − 16 KiB).
 */
export function renderSummaryWithTier(
  report: PreviewReport,
  options: RenderSummaryOptions = {},
): { body: string; tier: RenderTier } {
  const max = Math.min(options.maxBytes ?? DEFAULT_SUMMARY_MAX_BYTES, GITHUB_SUMMARY_LIMIT_BYTES - 1);
  const full: Detail = {
    audience: "summary",
    sourceUrl: options.sourceUrl,
    baseSourceUrl: options.baseSourceUrl,
    drift: driftAcrossEnvironments(report),
    maxRows: Number.POSITIVE_INFINITY,
    mermaidMaxEdges: MERMAID_MAX_EDGES,
    mermaidForUnchanged: true,
    explanations: true,
    builtinRows: true,
  };
  return firstFitting(
    [
      { tier: "full", render: () => renderDocument(report, full) },
      {
        tier: "reduced",
        render: () => renderDocument(report, { ...full, maxRows: 1_000, mermaidMaxEdges: 100 }),
      },
      {
        tier: "reduced",
        render: () =>
          renderDocument(report, {
            ...full,
            maxRows: 200,
            mermaidMaxEdges: 0,
            explanations: false,
            builtinRows: false,
          }),
      },
      { tier: "summary", render: () => renderSummaryOnly(report, { ...full, maxRows: 1_000 }) },
      { tier: "summary", render: () => renderSummaryOnly(report, { ...full, maxRows: 50 }) },
    ],
    (s) => Buffer.byteLength(s, "utf8") <= max,
    "… the summary is cut here to fit GitHub's job summary limit.",
  );
}

/** The job summary markdown; see renderSummaryWithTier. */
export function renderSummary(report: PreviewReport, options: RenderSummaryOptions = {}): string {
  return renderSummaryWithTier(report, options).body;
}
