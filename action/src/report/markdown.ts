/**
 * The preview as markdown: the sticky PR comment and the job summary, built by one
 * renderer at different levels of detail. Both have hard size limits on GitHub, so each
 * degrades in tiers (full → fewer details → summary only) until it fits.
 */
import type { FlowChange, LintFinding } from "../semantics/contracts.js";
import { ruleName } from "../semantics/explain.js";
import type { ResourceOperation } from "../ports/engine.js";
import { clip, code, cutUtf16, escapeMarkdown, escapePre } from "../text/escape.js";
import { MERMAID_MAX_EDGES, renderMermaid } from "./mermaid.js";
import {
  builtinGroups,
  builtinText,
  driftAcrossEnvironments,
  sortChanges,
  type RiskKind,
  type RiskyChange,
  type SortedChanges,
} from "./risk.js";
import type { EnvironmentPreview, PreviewReport, ReportIntentError, RevisionSide } from "./types.js";
import type { ProbePreview } from "../probe/probe-preview.js";
import { verdictText } from "./types.js";
import { plural } from "../text/plural.js";

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

/** How much one rendering shows. */
interface Detail {
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

const ARROW = "→";

function shortSha(sha: string): string {
  return /^[0-9a-f]{40}$/i.test(sha) ? sha.slice(0, 7) : sha;
}

function sourceLink(
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
  if (detail.summaryHoldsAll === false)
    return " in the JSON report (the step's `report` output) and in `netpol-rollout preview` run locally; the job summary is shortened too";
  return detail.summaryUrl ? ` in the [job summary](${detail.summaryUrl})` : " in the job summary";
}

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
function flowCell(change: FlowChange): string {
  const comment = change.comment ? ` ${escapeMarkdown(`# ${change.comment}`)}` : "";
  return `${code(flowText(change))}${comment}`;
}

/** Where the flow is declared (base for a closed flow, head for an opened one) and the rule it compiles to. */
function ruleCell(change: FlowChange, detail: Detail): string {
  const rule = change.rule;
  if (!rule) return "—";
  const policy = `${code(`${rule.namespace}/${rule.policy}`)} ${ruleName(rule)}`;
  if (!rule.source) return policy;
  return `${sourceLink(rule.source.file, rule.source.line, undefined, detail, sideOf(change))}<br>${policy}`;
}

/** The short why; with explanations, the full one folded under it. */
function whyCell(change: FlowChange, detail: Detail): string {
  const short = escapeMarkdown(change.summary ?? (change.change === "added" ? "now allowed" : "now blocked"));
  if (!detail.explanations) return short;
  return `<details><summary>${short}</summary>${escapeMarkdown(change.explanation)}</details>`;
}

const CHANGE_MARK = { added: "➕ opens", removed: "➖ closes" } as const;

function flowRows(changes: FlowChange[], detail: Detail): string[][] {
  return changes.map((change) => [
    CHANGE_MARK[change.change],
    flowCell(change),
    ruleCell(change, detail),
    whyCell(change, detail),
  ]);
}

const RISK_LABEL: Record<RiskKind, string> = {
  "new-exposure": "⚠️ new exposure",
  "last-caller-closed": "⚠️ last caller closed",
  "differs-across-environments": "⚠️ environments differ",
};

const RISK_COUNT: Record<RiskKind, (n: number) => string> = {
  "new-exposure": (n) => plural(n, "new exposure", "new exposures"),
  "last-caller-closed": (n) => plural(n, "last caller closed", "last callers closed"),
  "differs-across-environments": (n) =>
    plural(n, "difference between environments", "differences between environments"),
};

function riskRows(risky: RiskyChange[], detail: Detail): string[][] {
  return risky.map(({ change, risk, reason }) => [
    `${RISK_LABEL[risk]}: ${escapeMarkdown(reason)}`,
    CHANGE_MARK[change.change],
    flowCell(change),
    ruleCell(change, detail),
    whyCell(change, detail),
  ]);
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

function headErrorsOf(report: PreviewReport): ReportIntentError[] {
  return report.intentErrors.filter((e) => e.side === "head");
}

/** The risky changes of every environment, sorted once per rendering. */
function sortedOf(env: EnvironmentPreview, detail: Detail): SortedChanges {
  return sortChanges(env, detail.drift?.get(env.name));
}

/** "2 new exposure, 1 last caller closed, default-deny removed"; "" when nothing is risky. */
function riskSummary(env: EnvironmentPreview, sorted: SortedChanges): string {
  const counts = new Map<RiskKind, number>();
  for (const r of sorted.risky) counts.set(r.risk, (counts.get(r.risk) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => RISK_COUNT[kind](n));
  if (env.defaultDeny?.removed.length) parts.push("default-deny removed");
  if (env.defaultDeny?.added.length) parts.push("default-deny added");
  return parts.join(", ");
}

function riskCount(env: EnvironmentPreview, sorted: SortedChanges): number {
  return sorted.risky.length + (env.defaultDeny?.added.length ?? 0) + (env.defaultDeny?.removed.length ?? 0);
}

function headline(report: PreviewReport, detail: Detail): string {
  const headErrors = headErrorsOf(report);
  const invalid = report.environments.filter((e) => e.verdict.kind === "invalid");
  const refusal = "Nothing deploys until every error is fixed.";
  if (headErrors.length > 0 && invalid.length === report.environments.length) {
    return `**The intent at head is invalid** (${plural(headErrors.length, "error")}): nothing was compared. Fix the errors below. ${refusal}`;
  }
  if (headErrors.length > 0 && invalid.length > 0) {
    const names = invalid.map((e) => code(e.name)).join(", ");
    return `**The intent at head has ${plural(headErrors.length, "error")}**: ${names} ${invalid.length === 1 ? "is" : "are"} not compared; the other environments are. ${refusal}`;
  }
  const errorNote =
    headErrors.length > 0
      ? ` **The intent at head has ${plural(headErrors.length, "error")}** in files no environment uses. ${refusal}`
      : "";
  if (report.environments.length === 0) return `**No environments** were found in the intent.${errorNote}`;
  const changed = report.environments.filter((e) => e.verdict.kind === "changed");
  if (changed.length === 0) {
    return `**No change.** No flow opens or closes, and no workload appears or disappears, in any environment.${errorNote}`;
  }
  let opened = 0;
  let closed = 0;
  let risky = 0;
  for (const env of changed) {
    for (const c of env.diff.changes) {
      if (c.change === "added") opened++;
      else closed++;
    }
    risky += riskCount(env, sortedOf(env, detail));
  }
  const look = risky > 0 ? `; ⚠️ ${plural(risky, "change")} to look at first` : "";
  return `**${plural(opened, "flow")} opened, ${closed} closed** in ${changed.length} of ${plural(report.environments.length, "environment")}${look}.${errorNote}`;
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
  const rows = report.environments.map((env) => {
    const risk = env.verdict.kind === "changed" ? riskSummary(env, sortedOf(env, detail)) : "";
    return [
      code(env.name),
      escapeMarkdown(environmentVerdict(env, hasBase(report))),
      risk ? `⚠️ ${escapeMarkdown(risk)}` : "—",
      env.verdict.kind === "invalid" ? "—" : countLint(env.lint),
      engineCell(env),
    ];
  });
  return table(["environment", "change", "look first", "lint", "Pulumi"], rows, detail, "environments");
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

/** Flows named in a headline before it switches to a count. */
const HEADLINE_FLOWS = 3;

/** "Opens `a → b:80/TCP`; closes 4 flows." What opens and what closes, built-ins left out. */
function environmentHeadline(sorted: SortedChanges): string | undefined {
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

function defaultDenyLines(env: EnvironmentPreview): string[] {
  const lines: string[] = [];
  const names = (list: string[]): string => list.map(code).join(", ");
  const removed = env.defaultDeny?.removed ?? [];
  const added = env.defaultDeny?.added ?? [];
  if (removed.length > 0) {
    lines.push(
      `- ⚠️ **default-deny removed** from ${names(removed)}: its pods accept and send any traffic no other policy restricts.`,
    );
  }
  if (added.length > 0) {
    lines.push(
      `- ⚠️ **default-deny added** to ${names(added)}: what is not declared is cut (it is applied last, after the allows).`,
    );
  }
  return lines;
}

/** Built-in rules, summed up in one line per environment ("DNS opened for 4 workloads …; kubelet health checks …"). */
function builtinLine(builtin: FlowChange[], detail: Detail): string[] {
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

function environmentSection(env: EnvironmentPreview, report: PreviewReport, detail: Detail): string[] {
  const lines = ["", `### ${code(env.name)}: ${escapeMarkdown(environmentVerdict(env, hasBase(report)))}`];
  if (env.verdict.kind === "invalid") {
    const files = env.verdict.files ?? [];
    const where = files.length > 0 ? ` in ${files.map(code).join(", ")}` : "";
    lines.push("", `Not compared: fix the errors${where} listed above.`);
    return lines;
  }
  const sorted = sortedOf(env, detail);
  const head = environmentHeadline(sorted);
  if (head) lines.push("", head);

  const risks = defaultDenyLines(env);
  if (sorted.risky.length > 0 || risks.length > 0) {
    lines.push("", "**⚠️ Look at these first**");
    if (risks.length > 0) lines.push("", ...risks);
    if (sorted.risky.length > 0) {
      lines.push(
        "",
        ...table(
          ["risk", "change", "flow", "rule", "why"],
          riskRows(sorted.risky, detail),
          detail,
          "risky changes",
        ),
      );
    }
  }

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

function denyVerb(env: EnvironmentPreview, namespace: string): string {
  return env.defaultDeny?.removed.includes(namespace) ? "removed" : "added";
}

/** Rows of changed probe verdicts per environment in the comment (the job summary shows more). */
const PROBE_CHANGE_ROWS = { comment: 10, summary: 50 } as const;

/**
 * "What the probes will check after merge", folded: per environment the checks by expected
 * verdict, then the checks whose verdict this change moves (bounded), each with what
 * explains it: a flow change, a default-deny added or removed, or nothing (a probe would
 * call it a surprise).
 */
function probeSection(report: PreviewReport, detail: Detail): string[] {
  const envs = report.environments.filter(
    (e): e is EnvironmentPreview & { probes: ProbePreview } => e.probes !== undefined,
  );
  if (envs.length === 0) return [];
  const counts = envs.map((e) => [
    code(e.name),
    String(e.probes.checks),
    String(e.probes.expected.allowed),
    String(e.probes.expected.blocked),
    String(e.probes.expected["cannot-check"]),
    String(e.probes.changesTotal),
  ]);
  const lines = [
    "",
    "<details><summary>What the probes will check after merge</summary>",
    "",
    "| environment | checks | expect allowed | expect blocked | cannot be checked | verdicts this change moves |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...counts.map((row) => `| ${row.join(" | ")} |`),
  ];
  const rowsDetail: Detail = {
    ...detail,
    maxRows: Math.min(detail.maxRows, PROBE_CHANGE_ROWS[detail.audience]),
  };
  for (const env of envs) {
    const p = env.probes;
    if (p.closedUnchecked.length > 0) {
      const shown = p.closedUnchecked.slice(0, rowsDetail.maxRows).map(code);
      const more = p.closedUnchecked.length - shown.length;
      lines.push(
        "",
        `**${code(env.name)}**: no check tries ${p.closedUnchecked.length === 1 ? "the flow" : "the flows"} this change closes (the semantics engine alone says ${p.closedUnchecked.length === 1 ? "it is" : "they are"} blocked): ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}.`,
      );
    }
    if (p.changesTotal === 0) continue;
    const rows = p.changes.map((c) => [
      c.kind,
      code(c.from),
      code(c.to),
      escapeMarkdown(c.port),
      `${c.before} ${ARROW} **${c.after}**`,
      c.why.kind === "diff"
        ? "a flow change above"
        : c.why.kind === "default-deny"
          ? `default-deny of ${code(c.why.namespace)} ${denyVerb(env, c.why.namespace)}`
          : "**nothing in this change**",
    ]);
    const table_ = table(
      ["check", "from", "to", "port", "verdict", "because of"],
      rows,
      rowsDetail,
      "checks",
    );
    // The preview keeps a bounded list; say how many it left out beyond the rows shown.
    const unlisted = p.changesTotal - p.changes.length;
    lines.push(
      "",
      `**${code(env.name)}**: ${plural(p.changesTotal, "check changes", "checks change")} verdict`,
      "",
      ...table_,
    );
    if (unlisted > 0 && rows.length <= rowsDetail.maxRows) lines.push("", `… and ${unlisted} more checks.`);
  }
  lines.push(
    "",
    "<sub>Judged on one stand-in pod per declared service. After the deploy the probes run this plan against the pods in the cluster; `netpol-rollout probe --plan` prints it for a cluster.</sub>",
    "",
    "</details>",
  );
  return lines;
}

/** Pseudo-endpoints a reader may not know, explained once, when the report shows one. */
const LEGEND: { test: (label: string) => boolean; text: string }[] = [
  {
    test: (l) => l.startsWith("ns:"),
    text: "<code>ns:NAME</code> = the pods of namespace NAME that a flow names as a whole (an ingress controller), or that no declared service selects",
  },
  {
    test: (l) => l.endsWith("/(other pods)"),
    text: "<code>NAME/(other pods)</code> = the pods of NAME that neither a service nor a flow selects",
  },
  {
    test: (l) => l === "(other namespace)",
    text: "<code>(other namespace)</code> = a pod in a namespace the intent does not declare",
  },
  {
    test: (l) => l.startsWith("internet"),
    text: "<code>internet</code> = any address that no CIDR of the intent declares",
  },
  {
    test: (l) => l === "any other port",
    text: "<code>any other port</code> = a port no rule names",
  },
];

function legend(report: PreviewReport): string[] {
  const labels = new Set<string>();
  for (const env of report.environments) {
    for (const c of env.diff.changes) {
      labels.add(c.from);
      labels.add(c.to);
      if (c.port === "*") labels.add("any other port");
    }
  }
  const entries = LEGEND.filter((e) => [...labels].some(e.test)).map((e) => e.text);
  return entries.length === 0 ? [] : ["", `<sub>${entries.join("; ")}.</sub>`];
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
