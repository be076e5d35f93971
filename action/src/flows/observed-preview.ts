/**
 * Observed traffic in the pull request preview: the flows that went through in the window,
 * that the head intent blocks and the base intent did not. By default (and always on a pull
 * request from a fork) sides are named as the intent names them (services, namespaces) with
 * counts, never pod names or addresses.
 */
import type { CompiledBundle } from "../compile/types.js";
import type { EnvironmentIntent } from "../intent/model.js";
import type { Protocol } from "../k8s/types.js";
import { gapReport, type BlockedFlow, type IntentName } from "./gap.js";
import type { FlowSummary } from "./summary.js";

/** services: sides as the intent names them, counts; full: addresses too. */
export type ObservedDetail = "services" | "full";

export interface ObservedBlock {
  from: string;
  to: string;
  port: number;
  protocol: Protocol;
  /** Connections in the window (allowed, or allowed only by audit mode). */
  connections: number;
  /** Milliseconds since the epoch. */
  lastSeen: number;
  /** The isolation that blocks it, direction by direction. */
  blockedBy: string[];
  /** The flow line that would open it, when one can. */
  suggestion?: string;
}

export interface ObservedPreview {
  records: number;
  files: number;
  /** Events the source lost: counts are lower bounds. */
  lost: number;
  /** Milliseconds since the epoch: the oldest and newest record. */
  oldest?: number;
  newest?: number;
  /** When the preview judged it (how old the data is, is `at - newest`). */
  at: number;
  detail: ObservedDetail;
  /** Traffic the head intent blocks that the base intent let through (all of it, without a base). */
  blocked: ObservedBlock[];
  /** Observed flows the base intent blocks already (not this change's doing). */
  alreadyBlocked: number;
}

export interface ObservedPreviewInput {
  summary: FlowSummary;
  head: { env: EnvironmentIntent; bundle: CompiledBundle };
  base?: { env: EnvironmentIntent; bundle: CompiledBundle };
  detail: ObservedDetail;
  at: number;
}

const WITHHELD = "an outside address";

function name(n: IntentName, detail: ObservedDetail): string {
  if (n.kind === "address" && detail === "services") return WITHHELD;
  if (n.kind === "node") return "a node";
  return n.text;
}

function key(b: BlockedFlow): string {
  return `${b.flow.from.id} ${b.flow.to.id} ${b.flow.port} ${b.flow.protocol}`;
}

export function observedPreview(input: ObservedPreviewInput): ObservedPreview {
  const { summary, detail } = input;
  const head = gapReport(input.head.env, input.head.bundle, summary);
  const before = input.base
    ? new Set(gapReport(input.base.env, input.base.bundle, summary).blocked.map(key))
    : new Set<string>();
  const rows = new Map<string, ObservedBlock>();
  let alreadyBlocked = 0;
  for (const b of head.blocked) {
    if (before.has(key(b))) {
      alreadyBlocked++;
      continue;
    }
    const from = name(b.from, detail);
    const to = name(b.to, detail);
    const withheld = detail === "services" && (b.from.kind === "address" || b.to.kind === "address");
    const connections = b.flow.connections.allowed + b.flow.connections.audit;
    const rowKey = `${from}\u0000${to}\u0000${b.flow.port}\u0000${b.flow.protocol}`;
    const row = rows.get(rowKey);
    if (row) {
      // Several addresses withheld behind one name: one row, counts added up.
      row.connections += connections;
      row.lastSeen = Math.max(row.lastSeen, b.flow.lastSeen);
      continue;
    }
    rows.set(rowKey, {
      from,
      to,
      port: b.flow.port,
      protocol: b.flow.protocol,
      connections,
      lastSeen: b.flow.lastSeen,
      blockedBy: withheld ? b.blockedBy.map((line) => withholdAddresses(line, b)) : b.blockedBy,
      ...(b.suggestion && !withheld ? { suggestion: b.suggestion.line } : {}),
    });
  }
  return {
    records: summary.records,
    files: summary.files.length,
    lost: summary.lost,
    ...(summary.firstSeen !== undefined ? { oldest: summary.firstSeen } : {}),
    ...(summary.lastSeen !== undefined ? { newest: summary.lastSeen } : {}),
    at: input.at,
    detail,
    blocked: [...rows.values()].sort((a, b) => b.connections - a.connections || a.from.localeCompare(b.from)),
    alreadyBlocked,
  };
}

/** An explanation with the flow's outside address replaced by words. */
function withholdAddresses(line: string, b: BlockedFlow): string {
  let out = line;
  for (const side of [b.from, b.to]) if (side.kind === "address") out = out.split(side.text).join(WITHHELD);
  return out;
}
