/** The gap report as text (the CLI), JSON and markdown. Pure string builders. */
import { formatSource, ruleName } from "../semantics/explain.js";
import { code, escapeMarkdown, visible } from "../text/escape.js";
import { plural } from "../text/plural.js";
import type { BlockedFlow, GapReport } from "./gap.js";
import type { FlowSummary, ObservedFlow } from "./summary.js";

/** "2026-01-05 10:00:00 UTC" */
export function formatTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** "3 h", "20 min", "2 days": how long ago, or how long. */
export function formatDuration(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 1) return `${Math.max(0, Math.round(ms / 1000))} s`;
  if (min < 120) return `${min} min`;
  const h = Math.round(min / 60);
  if (h < 48) return `${h} h`;
  return `${Math.round(h / 24)} days`;
}

/** What was read: records, files, the window and how old its newest record is. */
export function describeData(summary: FlowSummary, now: number): string {
  const files = summary.files.length;
  let text = `${plural(summary.records, "record")} from ${plural(files, "file")}`;
  if (summary.firstSeen !== undefined && summary.lastSeen !== undefined) {
    text += `, ${formatTime(summary.firstSeen)} to ${formatTime(summary.lastSeen)} (${formatDuration(summary.lastSeen - summary.firstSeen)}; the newest record is ${formatDuration(now - summary.lastSeen)} old)`;
  }
  if (summary.lost > 0) text += `; the source lost ${plural(summary.lost, "event")}: counts are lower bounds`;
  return text;
}

/** "12 connections" or "traffic of a connection opened earlier". */
export function usage(flow: ObservedFlow): string {
  const n = flow.connections.allowed + flow.connections.audit;
  const audit =
    flow.connections.audit > 0 ? ` (${flow.connections.audit} only because a policy is in audit mode)` : "";
  if (n === 0) return "traffic of a connection opened before the window";
  return `${plural(n, "connection")}${audit}`;
}

function flowText(b: BlockedFlow): string {
  return `${b.from.text} -> ${b.to.text}:${b.flow.port}/${b.flow.protocol}`;
}

export interface RenderOptions {
  /** Pod names and addresses seen on each side (never by default: they identify people's pods). */
  showPods?: boolean;
  now: number;
}

export function renderGapText(report: GapReport, summary: FlowSummary, options: RenderOptions): string {
  const out: string[] = [];
  out.push(`gap in ${report.environment}: ${describeData(summary, options.now)}`);
  out.push(
    `  ${plural(report.judged, "observed flow")} went through; the intent allows ${report.allowed}, blocks ${report.blocked.length}`,
  );
  out.push("");
  if (report.blocked.length === 0) out.push("Observed traffic the intent would block: none");
  else {
    out.push(`Observed traffic the intent would block (${report.blocked.length}):`);
    for (const b of report.blocked) {
      out.push(
        `  ${flowText(b)}  ${usage(b.flow)}, first ${formatTime(b.flow.firstSeen)}, last ${formatTime(b.flow.lastSeen)}`,
      );
      if (options.showPods) {
        const e = b.flow.examples;
        const pods = [...e.fromPods, ...e.fromIps].join(", ") || "-";
        const peers = [...e.toPods, ...e.toIps].join(", ") || "-";
        out.push(`    seen: ${pods} -> ${peers}`);
      }
      for (const why of b.blockedBy) out.push(`    blocked: ${why}`);
      if (b.suggestion) {
        out.push(`    to open it, add to ${b.suggestion.file} under flows:`);
        out.push(`      - ${b.suggestion.line}`);
        for (const need of b.suggestion.needs) out.push(`      (${need})`);
      } else if (b.unexpressible) out.push(`    no intent line opens it: ${b.unexpressible}`);
    }
  }
  out.push("");
  if (report.unobserved.length === 0) out.push("Declared flows never observed: none");
  else {
    out.push(`Declared flows never observed in the window (${report.unobserved.length}):`);
    for (const f of report.unobserved) out.push(`  ${formatSource(f.source)}  ${f.text}`);
  }
  if (report.unmatchable.length > 0) {
    out.push(`Declared flows to DNS names, which flow records cannot show (${report.unmatchable.length}):`);
    for (const f of report.unmatchable) out.push(`  ${formatSource(f.source)}  ${f.text}`);
  }
  out.push("");
  if (report.unused.length === 0) out.push("Allowed but never used: none");
  else {
    out.push("Allowed but never used, per namespace:");
    for (const ns of report.unused) {
      out.push(`  ${ns.namespace}: ${plural(ns.rules.length, "rule")}`);
      for (const r of ns.rules) {
        const where = r.origins.map(formatSource).join(", ");
        out.push(`    ${ns.namespace}/${r.policy} ${ruleName(r)}${where ? ` (${where})` : ""}`);
      }
    }
  }
  if (report.notes.length > 0) {
    out.push("");
    out.push("Notes:");
    for (const n of report.notes) out.push(`  ${n}`);
  }
  return `${out.map(visible).join("\n")}\n`;
}

export function renderGapJson(report: GapReport, summary: FlowSummary, options: RenderOptions): string {
  const flow = (f: ObservedFlow) => ({
    from: f.from.label,
    to: f.to.label,
    port: f.port,
    protocol: f.protocol,
    connections: f.connections,
    records: f.records,
    firstSeen: new Date(f.firstSeen).toISOString(),
    lastSeen: new Date(f.lastSeen).toISOString(),
    ...(options.showPods ? { examples: f.examples } : {}),
  });
  return `${JSON.stringify(
    {
      environment: report.environment,
      data: {
        records: summary.records,
        files: summary.files,
        lost: summary.lost,
        ...(report.window
          ? {
              from: new Date(report.window.first).toISOString(),
              to: new Date(report.window.last).toISOString(),
            }
          : {}),
      },
      judged: report.judged,
      allowed: report.allowed,
      blocked: report.blocked.map((b) => ({
        flow: flow(b.flow),
        from: b.from.text,
        to: b.to.text,
        blockedBy: b.blockedBy,
        ...(b.suggestion ? { suggestion: b.suggestion } : {}),
        ...(b.unexpressible ? { unexpressible: b.unexpressible } : {}),
      })),
      unobserved: report.unobserved.map((f) => ({ flow: f.text, source: f.source })),
      unmatchable: report.unmatchable.map((f) => ({ flow: f.text, source: f.source })),
      unused: report.unused,
      notes: report.notes,
    },
    null,
    2,
  )}\n`;
}

export function renderGapMarkdown(report: GapReport, summary: FlowSummary, options: RenderOptions): string {
  const out: string[] = [];
  out.push(`### ${code(report.environment)}: observed traffic against the intent`);
  out.push("");
  out.push(escapeMarkdown(describeData(summary, options.now)));
  out.push("");
  if (report.blocked.length > 0) {
    out.push(`**${plural(report.blocked.length, "observed flow")} the intent would block**`);
    out.push("");
    out.push("| flow | used | blocked by | to open it |");
    out.push("| --- | --- | --- | --- |");
    for (const b of report.blocked) {
      const open = b.suggestion
        ? `${code(b.suggestion.line)} in ${code(b.suggestion.file)}`
        : escapeMarkdown(b.unexpressible ?? "");
      out.push(
        `| ${code(flowText(b))} | ${escapeMarkdown(usage(b.flow))} | ${b.blockedBy.map(escapeMarkdown).join("<br>")} | ${open} |`,
      );
    }
  } else out.push("No observed traffic would be blocked.");
  if (report.unobserved.length > 0) {
    out.push("");
    out.push(
      `**Declared flows never observed** (${report.unobserved.length}): ${report.unobserved.map((f) => `${code(f.text)} (${code(formatSource(f.source))})`).join(", ")}`,
    );
  }
  return `${out.join("\n")}\n`;
}
