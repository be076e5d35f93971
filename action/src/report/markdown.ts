/**
 * The preview as markdown: the sticky PR comment and the job summary, built by one
 * renderer at different levels of detail. Both have hard size limits on GitHub, so each
 * degrades in tiers (full → fewer details → summary only) until it fits.
 */
import type { FlowChange, LintFinding, RuleRef } from "../semantics/contracts.js";
import type { ResourceOperation } from "../commands/ports.js";
import { clip, code, cutUtf16, escapeMarkdown, escapePre } from "./escape.js";
import { MERMAID_MAX_EDGES, renderMermaid } from "./mermaid.js";
import type { EnvironmentPreview, PreviewReport, ReportIntentError } from "./types.js";
import { verdictText } from "./types.js";

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

export type RenderTier = "full" | "reduced" | "summary";

export interface RenderCommentOptions {
  /** Budget in UTF-16 code units; default 65,000; never more than GitHub's 65,536. */
  maxChars?: number;
  /** Link to this run's job summary, offered when the comment leaves details out. */
  summaryUrl?: string;
  /** Prefix of links to intent files at head, e.g. "https://github.com/o/r/blob/<sha>/". */
  sourceUrl?: string;
}

export interface RenderSummaryOptions {
  /** Budget in UTF-8 bytes; default 1 MiB minus 16 KiB. */
  maxBytes?: number;
  sourceUrl?: string;
}

/** How much one rendering shows. */
interface Detail {
  audience: "comment" | "summary";
  /** Rows per table before "… and K more". */
  maxRows: number;
  /** Largest graph drawn; 0 draws none. */
  mermaidMaxEdges: number;
  /** Whether unchanged environments get a diagram too. */
  mermaidForUnchanged: boolean;
  explanations: boolean;
  summaryUrl?: string;
  sourceUrl?: string;
}

const ARROW = "→";

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function shortSha(sha: string): string {
  return /^[0-9a-f]{40}$/i.test(sha) ? sha.slice(0, 7) : sha;
}

function sourceLink(file: string, line: number, column: number | undefined, detail: Detail): string {
  const text = code(`${file}:${line}${column !== undefined ? `:${column}` : ""}`);
  if (!detail.sourceUrl) return text;
  const path = file
    .split("/")
    .map((segment) =>
      encodeURIComponent(segment).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`),
    )
    .join("/");
  return `[${text}](${detail.sourceUrl}${path}#L${line})`;
}

function table(header: string[], rows: string[][], detail: Detail, what: string): string[] {
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

function summaryPointer(detail: Detail): string {
  return detail.summaryUrl ? ` in the [job summary](${detail.summaryUrl})` : " in the job summary";
}

/** "production/frontend → production/database:5432/TCP"; IPv6 destinations in brackets. */
export function flowText(change: Pick<FlowChange, "from" | "to" | "port" | "protocol">): string {
  const to = change.to.includes(":") && !change.to.startsWith("ns:") ? `[${change.to}]` : change.to;
  return `${change.from} ${ARROW} ${to}:${change.port}/${change.protocol}`;
}

function ruleCell(rule: RuleRef | undefined, detail: Detail): string {
  if (!rule) return "—";
  const policy = `${code(`${rule.namespace}/${rule.policy}`)} ${rule.direction} rule ${rule.ruleIndex + 1}`;
  if (!rule.source) return policy;
  return `${sourceLink(rule.source.file, rule.source.line, undefined, detail)} (${policy})`;
}

function flowRows(env: EnvironmentPreview, detail: Detail): string[][] {
  return env.diff.changes.map((change) => {
    const row = [
      change.change === "added" ? "➕ opened" : "➖ closed",
      code(flowText(change)),
      ruleCell(change.rule, detail),
    ];
    if (detail.explanations) row.push(escapeMarkdown(change.explanation));
    return row;
  });
}

function opRows(operations: ResourceOperation[]): string[][] {
  return operations.map((op) => [
    code(op.op),
    escapeMarkdown(op.kind),
    code(op.name),
    op.changedKeys.length > 0 ? op.changedKeys.map(code).join(", ") : "—",
  ]);
}

function lintRows(findings: LintFinding[], detail: Detail): string[][] {
  return findings.map((f) => [
    f.severity === "error" ? "❌ error" : "⚠️ warning",
    code(f.code),
    escapeMarkdown(f.message),
    f.source ? sourceLink(f.source.file, f.source.line, f.source.column, detail) : "—",
  ]);
}

function countLint(findings: LintFinding[]): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  if (findings.length === 0) return "none";
  const parts: string[] = [];
  if (errors > 0) parts.push(plural(errors, "error"));
  if (warnings > 0) parts.push(plural(warnings, "warning"));
  return parts.join(", ");
}

function changedOps(env: EnvironmentPreview): ResourceOperation[] {
  return env.engine.status === "ok" ? env.engine.operations.filter((op) => op.op !== "same") : [];
}

function engineCell(env: EnvironmentPreview): string {
  switch (env.engine.status) {
    case "skipped":
      return "skipped";
    case "failed":
      return "❌ failed";
    case "ok": {
      const n = changedOps(env).length;
      return n === 0 ? "no change" : plural(n, "operation");
    }
  }
}

/** The verdict plus workload and namespace changes, e.g. "1 flow opened, 0 closed; workloads +1". */
export function environmentVerdict(env: EnvironmentPreview, hasBase = true): string {
  const parts = [verdictText(env.verdict)];
  if (env.verdict.kind === "changed") {
    const { workloads, namespaces } = env.diff;
    const extra: string[] = [];
    if (workloads.added.length > 0) extra.push(`${plural(workloads.added.length, "workload")} added`);
    if (workloads.removed.length > 0) extra.push(`${plural(workloads.removed.length, "workload")} removed`);
    if (namespaces.added.length > 0) extra.push(`${plural(namespaces.added.length, "namespace")} added`);
    if (namespaces.removed.length > 0)
      extra.push(`${plural(namespaces.removed.length, "namespace")} removed`);
    if (extra.length > 0) parts.push(extra.join(", "));
  }
  if (env.presence === "added" && hasBase) parts.unshift("new environment");
  if (env.presence === "removed") parts.unshift("environment removed");
  return parts.join("; ");
}

function hasBase(report: PreviewReport): boolean {
  return report.baseRef !== undefined && report.baseNote === undefined;
}

function headline(report: PreviewReport): string {
  const headErrors = report.intentErrors.filter((e) => e.side === "head");
  if (headErrors.length > 0) {
    return `**The intent at head is invalid** (${plural(headErrors.length, "error")}): nothing was compared. Fix the errors below.`;
  }
  if (report.environments.length === 0) return "**No environments** were found in the intent.";
  const changed = report.environments.filter((e) => e.verdict.kind === "changed");
  if (changed.length === 0) {
    return `**No change.** No flow opens or closes, and no workload appears or disappears, in any environment.`;
  }
  let opened = 0;
  let closed = 0;
  for (const env of changed) {
    for (const c of env.diff.changes) {
      if (c.change === "added") opened++;
      else closed++;
    }
  }
  return `**${plural(opened, "flow")} opened, ${closed} closed** in ${changed.length} of ${plural(report.environments.length, "environment")}.`;
}

function revisionLine(report: PreviewReport): string[] {
  const head = report.headRef ? ` with head ${code(shortSha(report.headRef))}` : "";
  const dir = code(report.policiesDir);
  if (report.baseRef !== undefined && hasBase(report)) {
    const ref = shortSha(report.baseRef);
    const sha =
      report.baseSha && shortSha(report.baseSha) !== ref ? ` (${code(shortSha(report.baseSha))})` : "";
    return [`Comparing ${dir} at base ${code(ref)}${sha}${head}.`];
  }
  const why = report.baseNote ?? "no base revision was given";
  return [
    `No base to compare with (${escapeMarkdown(why)}): every flow of ${dir}${head} is shown as opened.`,
  ];
}

function overview(report: PreviewReport, detail: Detail): string[] {
  const rows = report.environments.map((env) => [
    code(env.name),
    escapeMarkdown(environmentVerdict(env, hasBase(report))),
    env.verdict.kind === "invalid" ? "—" : countLint(env.lint),
    engineCell(env),
  ]);
  return table(["environment", "verdict", "lint", "Pulumi"], rows, detail, "environments");
}

function intentErrorLines(errors: ReportIntentError[], detail: Detail): string[] {
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
      lines.push(`- ${sourceLink(e.file, e.line, e.column, detail)} ${escapeMarkdown(e.message)}${hint}`);
    }
    if (list.length > detail.maxRows) {
      const where = detail.audience === "comment" ? summaryPointer(detail) : "";
      lines.push("", `… and ${list.length - detail.maxRows} more errors${where}.`);
    }
  }
  return lines;
}

function engineSkippedSentence(reason: string): string {
  return `The Pulumi engine part was skipped: ${escapeMarkdown(reason.replace(/\.\s*$/, ""))}.`;
}

function engineSection(env: EnvironmentPreview, report: PreviewReport, detail: Detail): string[] {
  const engine = env.engine;
  switch (engine.status) {
    case "skipped":
      // Said once at the top when it holds for every environment.
      return report.engineNote === engine.reason ? [] : ["", engineSkippedSentence(engine.reason)];
    case "failed":
      return [
        "",
        `**Pulumi** (stack ${code(engine.stack)}): the preview failed:`,
        "",
        "<pre>",
        escapePre(clip(engine.error, detail.audience === "comment" ? 1_500 : 20_000)),
        "</pre>",
      ];
    case "ok": {
      const ops = changedOps(env);
      const same = engine.operations.length - ops.length;
      if (ops.length === 0) {
        return [
          "",
          `**Pulumi** (stack ${code(engine.stack)}): no resource changes (${plural(same, "resource")} unchanged).`,
        ];
      }
      return [
        "",
        `**Pulumi** (stack ${code(engine.stack)}): ${plural(ops.length, "operation")}, ${same} unchanged.`,
        "",
        ...table(["op", "kind", "name", "changed keys"], opRows(ops), detail, "operations"),
      ];
    }
  }
}

function listNames(label: string, names: string[], detail: Detail): string[] {
  if (names.length === 0) return [];
  const shown = names.slice(0, detail.maxRows).map(code).join(", ");
  const rest = names.length > detail.maxRows ? ` and ${names.length - detail.maxRows} more` : "";
  return [`${label}: ${shown}${rest}.`];
}

function environmentSection(env: EnvironmentPreview, report: PreviewReport, detail: Detail): string[] {
  const lines = ["", `### ${code(env.name)}: ${escapeMarkdown(environmentVerdict(env, hasBase(report)))}`];
  if (env.verdict.kind === "invalid") return lines;

  const names = [
    ...listNames("Workloads added", env.diff.workloads.added, detail),
    ...listNames("Workloads removed", env.diff.workloads.removed, detail),
    ...listNames("Namespaces added", env.diff.namespaces.added, detail),
    ...listNames("Namespaces removed", env.diff.namespaces.removed, detail),
  ];
  if (names.length > 0) lines.push("", ...names.flatMap((n, i) => (i === 0 ? [n] : ["", n])));

  if (env.diff.changes.length > 0) {
    const header = ["change", "flow", "rule"];
    if (detail.explanations) header.push("why");
    lines.push("", ...table(header, flowRows(env, detail), detail, "flow changes"));
  }

  lines.push(...engineSection(env, report, detail));

  if (env.lint.length > 0) {
    lines.push(
      "",
      `**Lint** (${countLint(env.lint)})`,
      "",
      ...table(["severity", "code", "message", "where"], lintRows(env.lint, detail), detail, "findings"),
    );
  }

  const wantDiagram = env.verdict.kind === "changed" || detail.mermaidForUnchanged;
  if (wantDiagram && env.flowsGraph.edges.length > 0) {
    const diagram =
      detail.mermaidMaxEdges > 0
        ? renderMermaid(env.flowsGraph, detail.mermaidMaxEdges)
        : ({ ok: false, reason: "diagrams are left out to keep the report short" } as const);
    if (diagram.ok) {
      lines.push(
        "",
        env.flowsGraph.edges.some((e) => e.status !== "unchanged")
          ? "<details><summary>Flows: thick green = opened, dashed red = closed</summary>"
          : "<details><summary>Flows</summary>",
        "",
        diagram.text,
        "",
        "</details>",
      );
    } else {
      lines.push("", `The flows diagram is left out: ${escapeMarkdown(diagram.reason)}.`);
    }
  }
  return lines;
}

function header(report: PreviewReport, detail: Detail): string[] {
  const lines: string[] = [];
  if (detail.audience === "comment") lines.push(MARKER);
  lines.push("## Network policy preview", "", ...revisionLine(report), "", headline(report));
  if (report.environments.length > 0) lines.push("", ...overview(report, detail));
  if (report.engineNote !== undefined) lines.push("", engineSkippedSentence(report.engineNote));
  return lines;
}

function renderDocument(report: PreviewReport, detail: Detail): string {
  const lines = header(report, detail);
  lines.push(...intentErrorLines(report.intentErrors, detail));
  // An invalid intent has nothing per environment beyond the overview's verdict.
  for (const env of report.environments) {
    if (env.verdict.kind !== "invalid") lines.push(...environmentSection(env, report, detail));
  }
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

function withinLast(text: string, fits: (s: string) => boolean, notice: string): string {
  // Last resort (thousands of environments or errors): cut, and say so.
  let budget = text.length;
  let out = text;
  while (!fits(out) && budget > 0) {
    budget = Math.floor(budget * 0.9);
    out = `${cutUtf16(text, budget)}\n\n${notice}\n`;
  }
  return out;
}

interface Attempt {
  tier: RenderTier;
  render: () => string;
}

function firstFitting(attempts: Attempt[], fits: (s: string) => boolean, notice: string) {
  let last = "";
  for (const attempt of attempts) {
    last = attempt.render();
    if (fits(last)) return { body: last, tier: attempt.tier };
  }
  return { body: withinLast(last, fits, notice), tier: "summary" as const };
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
  const base = { audience: "comment" as const, summaryUrl: options.summaryUrl, sourceUrl: options.sourceUrl };
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
    maxRows: Number.POSITIVE_INFINITY,
    mermaidMaxEdges: MERMAID_MAX_EDGES,
    mermaidForUnchanged: true,
    explanations: true,
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
          renderDocument(report, { ...full, maxRows: 200, mermaidMaxEdges: 0, explanations: false }),
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
