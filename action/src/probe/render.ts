/**
 * Renderings of a probe plan (pure string builders): JSON for tools (the field names of
 * ProbeCheck are a contract), text for a terminal and markdown for a comment. Text and
 * markdown group the checks by source and say why each was chosen.
 */
import { escapeMarkdown } from "../text/escape.js";
import type { ProbeCheck, ProbePlan } from "./types.js";
import { isDnsTarget, isIpTarget, isPodTarget } from "./types.js";
import { plural } from "../text/plural.js";

/** `{"environment","checks":[…],"pods":[…],…}`: every check and the complete probe pod manifests. */
export function renderPlanJson(plan: ProbePlan): string {
  return `${JSON.stringify(
    {
      environment: plan.environment,
      checks: plan.checks,
      pods: plan.pods,
      runObjects: plan.runObjects,
      cannotCheck: plan.cannotCheck,
      caps: plan.caps,
      omittedNegative: plan.omittedNegative,
      reprobe: plan.reprobe,
      warnings: plan.warnings,
    },
    null,
    2,
  )}\n`;
}

export interface PlanCounts {
  total: number;
  declared: number;
  negative: number;
  dns: number;
  external: number;
  cannotCheck: number;
  pods: number;
}

export function planCounts(plan: ProbePlan): PlanCounts {
  const n = (kind: ProbeCheck["kind"]): number => plan.checks.filter((c) => c.kind === kind).length;
  return {
    total: plan.checks.length,
    declared: n("declared"),
    negative: n("negative"),
    dns: n("dns"),
    external: n("external"),
    cannotCheck: plan.cannotCheck.length,
    pods: plan.pods.length,
  };
}

/** "14 checks (5 declared, 2 DNS, 3 outside, 4 negative); 1 cannot-check; 4 probe pods" */
export function planSummaryLine(plan: ProbePlan): string {
  const c = planCounts(plan);
  return `${plural(c.total, "check")} (${c.declared} declared, ${c.dns} DNS, ${c.external} outside, ${c.negative} negative); ${c.cannotCheck} cannot-check; ${plural(c.pods, "probe pod")}`;
}

export function targetLabel(c: ProbeCheck): string {
  const t = c.to;
  if (isPodTarget(t)) return `${t.namespace}/${t.pod}`;
  if (isIpTarget(t)) return t.cidr && t.cidr !== t.ip ? `${t.ip} (${t.cidr})` : t.ip;
  if (isDnsTarget(t)) return `DNS ${t.dns}${t.server ? ` @${t.server}` : ""}`;
  return "?";
}

function portLabel(c: ProbeCheck): string {
  const port = c.port === 0 ? "*" : String(c.port);
  return `${port}/${c.protocol}${c.portName ? ` (${c.portName})` : ""}`;
}

interface Group {
  title: string;
  checks: ProbeCheck[];
}

/** Checks grouped by source, in plan order (the plan is sorted by source). */
export function groupBySource(plan: ProbePlan): Group[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  for (const c of plan.checks) {
    const key =
      c.from.outside ?? `${c.from.namespace}\u0000${c.from.pod ?? ""}\u0000${JSON.stringify(c.from.labels)}`;
    let g = byKey.get(key);
    if (!g) {
      g = { title: sourceTitle(c), checks: [] };
      byKey.set(key, g);
      groups.push(g);
    }
    g.checks.push(c);
  }
  return groups;
}

function sourceTitle(c: ProbeCheck): string {
  if (c.from.outside !== undefined) return `${c.from.outside} (outside the cluster)`;
  const labels = Object.entries(c.from.labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
  const who = c.from.service ? `${c.from.namespace}/${c.from.service}` : `namespace ${c.from.namespace}`;
  const pod = c.from.pod ? `probe pod ${c.from.pod}` : "no probe pod";
  return `${who} (${labels === "" ? "no labels" : labels}; ${pod})`;
}

function why(c: ProbeCheck): string {
  const change =
    c.expect !== "cannot-check" && c.expect !== c.expectBefore
      ? ` [was ${c.expectBefore}; ${c.changeDeclared ? "the diff says so" : "not in the diff"}]`
      : "";
  return `${c.reason}${change}`;
}

/** How a refusal is read on the plan's dataplane. */
function dataplaneLine(plan: ProbePlan): string {
  const { cni, denials } = plan.dataplane;
  switch (denials) {
    case "drop":
      return `${cni} drops denied connections (they time out); a refused connection reached its pod`;
    case "reject":
      return `${cni} rejects denied connections (refused, as by a closed port); a refusal reads as blocked, and declared flows are checked on ports that listen`;
    case "unknown":
      return `${cni} may drop or reject denied connections; a refusal decides nothing`;
  }
}

/** When the run trusts what it sees, and when a disagreement fails. */
function reprobeLine(plan: ProbePlan): string {
  const r = plan.reprobe;
  return `evidence once the change's own flipped checks show it, or ${r.settleSeconds}s after the first round; a check fails after ${r.failAfter} disagreeing rounds from then; checks that could not be made are retried for ${r.deadlineSeconds}s`;
}

export function renderPlanText(plan: ProbePlan): string {
  const out = [`probe plan for ${plan.environment}: ${planSummaryLine(plan)}`];
  out.push(
    `negative checks: at most ${plan.caps.negative} (${plan.caps.negativePerSource} per source); ${plan.omittedNegative} more candidates left out`,
  );
  out.push(`dataplane: ${dataplaneLine(plan)}`, `re-probe: ${reprobeLine(plan)}`);
  for (const g of groupBySource(plan)) {
    out.push("", `from ${g.title}`);
    const rows = g.checks.map((c) => [c.expect, c.kind, targetLabel(c), portLabel(c), why(c)]);
    const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
    for (const r of rows)
      out.push(`  ${r.map((cell, i) => (i < 4 ? cell.padEnd(widths[i] ?? 0) : cell)).join("  ")}`.trimEnd());
  }
  if (plan.warnings.length > 0) out.push("", "warnings:", ...plan.warnings.map((w) => `  ${w}`));
  return `${out.join("\n")}\n`;
}

export function renderPlanMarkdown(plan: ProbePlan): string {
  const out = [
    `**Probe plan for ${escapeMarkdown(plan.environment)}**: ${planSummaryLine(plan)}.`,
    "",
    `Negative checks: at most ${plan.caps.negative} (${plan.caps.negativePerSource} per source); ${plan.omittedNegative} more candidates left out. Dataplane: ${escapeMarkdown(dataplaneLine(plan))}. Re-probe: ${escapeMarkdown(reprobeLine(plan))}.`,
  ];
  for (const g of groupBySource(plan)) {
    out.push(
      "",
      `From ${escapeMarkdown(g.title)}:`,
      "",
      "| expect | kind | to | port | why |",
      "| --- | --- | --- | --- | --- |",
    );
    for (const c of g.checks) {
      const expect =
        c.expect === "blocked" ? "**blocked**" : c.expect === "cannot-check" ? "_cannot-check_" : "allowed";
      out.push(
        `| ${expect} | ${c.kind} | ${escapeMarkdown(targetLabel(c))} | ${escapeMarkdown(portLabel(c))} | ${escapeMarkdown(why(c))} |`,
      );
    }
  }
  if (plan.warnings.length > 0)
    out.push("", "Warnings:", "", ...plan.warnings.map((w) => `- ${escapeMarkdown(w)}`));
  return `${out.join("\n")}\n`;
}
