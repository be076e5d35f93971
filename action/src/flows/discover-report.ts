/**
 * What `netpol-rollout discover` prints: what was read, what was written (added, already
 * there, renamed, not written), the built-ins and the flows no line can hold, and the
 * semantics engine's check: observed flows the proposal blocks (none, or nothing is written)
 * and what else it opens. Pure string builders.
 */
import type { WriteResult } from "../intent/write/index.js";
import { visible } from "../text/escape.js";
import { plural } from "../text/plural.js";
import type { DiscoverCheck } from "./discover-check.js";
import type { Discovery } from "./discover.js";
import { describeData } from "./render.js";
import type { FlowSummary } from "./summary.js";

export interface DiscoverReport {
  discovery: Discovery;
  written: Extract<WriteResult, { ok: true }>;
  check: DiscoverCheck;
  summary: FlowSummary;
  dryRun: boolean;
  /** When the report is made (how old the data is). */
  now: number;
}

/** The most "also opens" lines printed; the count says how many more. */
const LISTED = 30;

export function renderDiscoverText(r: DiscoverReport): string {
  const { discovery, written, check, summary } = r;
  const lines: string[] = [];
  const env = written.environment;
  lines.push(`discover ${env.name} (cni ${env.cni}): ${describeData(summary, r.now)}`);
  lines.push(
    `  ${plural(discovery.flows.length, "flow")} proposed; built-ins: ${plural(discovery.builtins.dns, "DNS connection")}, ${plural(discovery.builtins.healthChecks, "kubelet health check")} (connections from nodes)`,
  );
  for (const l of discovery.left)
    lines.push(
      `  not proposed: ${l.flow.from.label} -> ${l.flow.to.label}:${l.flow.port}/${l.flow.protocol}: ${l.reason}`,
    );
  lines.push("");
  const blocked = check.blocked.length > 0;
  if (written.files.length === 0) lines.push("nothing to write: the intent has all of it already");
  else
    lines.push(
      blocked ? "not written (the check failed):" : r.dryRun ? "would write (--dry-run):" : "wrote:",
    );
  for (const f of written.files) lines.push(`  ${f.path}${f.created ? " (new)" : ""}`);
  const w = written.report;
  for (const a of w.added) lines.push(`  added: ${a}`);
  if (w.present.length > 0) lines.push(`  already in the intent: ${w.present.join(", ")}`);
  for (const n of w.renamed) lines.push(`  renamed: ${n}`);
  for (const s of w.skipped) lines.push(`  not written: ${s.item}: ${s.reason}`);
  lines.push("");
  if (blocked) {
    lines.push(
      `CHECK FAILED: the compiled proposal blocks ${plural(check.blocked.length, "observed flow")}:`,
    );
    for (const b of check.blocked) {
      lines.push(
        `  ${b.from.text} -> ${b.to.text}:${b.flow.port}/${b.flow.protocol}: ${b.blockedBy.join("; ")}`,
      );
      if (b.from.kind === "node")
        lines.push(
          `    the kubelet's health checks come from the nodes: on cni ${env.cni}, declare the nodes' network under nodeCidrs:`,
        );
    }
  } else {
    lines.push("checked: the compiled environment allows every observed flow that went through");
  }
  if (check.alsoOpens.length > 0 || check.wider.length > 0) {
    lines.push("", "it also opens (never observed; narrow what is not needed):");
    for (const o of check.alsoOpens.slice(0, LISTED)) lines.push(`  ${o}`);
    if (check.alsoOpens.length > LISTED) lines.push(`  and ${check.alsoOpens.length - LISTED} more`);
    for (const o of check.wider) lines.push(`  ${o}`);
  }
  if (check.notEvaluated > 0)
    lines.push(
      `  (${plural(check.notEvaluated, "connection")} between services not evaluated: too many to list)`,
    );
  return `${lines.map(visible).join("\n")}\n`;
}

export function renderDiscoverJson(r: DiscoverReport): string {
  const { discovery, written, check, summary } = r;
  return `${JSON.stringify(
    {
      environment: written.environment.name,
      cni: written.environment.cni,
      dryRun: r.dryRun,
      records: summary.records,
      window:
        summary.firstSeen !== undefined && summary.lastSeen !== undefined
          ? {
              first: new Date(summary.firstSeen).toISOString(),
              last: new Date(summary.lastSeen).toISOString(),
            }
          : null,
      builtins: discovery.builtins,
      notProposed: discovery.left.map((l) => ({
        from: l.flow.from.label,
        to: l.flow.to.label,
        port: l.flow.port,
        protocol: l.flow.protocol,
        reason: l.reason,
      })),
      written: check.blocked.length === 0 && !r.dryRun,
      files: written.files.map((f) => ({ path: f.path, created: f.created })),
      write: written.report,
      check: {
        allowsEveryObservedFlow: check.blocked.length === 0,
        blocked: check.blocked.map((b) => ({
          from: b.from.text,
          to: b.to.text,
          port: b.flow.port,
          protocol: b.flow.protocol,
          blockedBy: b.blockedBy,
        })),
        alsoOpens: check.alsoOpens,
        wider: check.wider,
        notEvaluated: check.notEvaluated,
      },
    },
    null,
    2,
  )}\n`;
}
