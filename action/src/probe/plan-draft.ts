/**
 * A check before it is judged: who connects where, on which port, why it is planned, and
 * why it cannot be made when it cannot. Its id names it in reports; its connection key
 * says when two drafts try the same connection, which the plan checks once.
 */
import type { Protocol } from "../intent/model.js";
import type { Identity } from "./plan-identities.js";
import type { CheckKind, CheckSource, CheckTarget, PlannedCannotCheckReason, ProbeCheck } from "./types.js";

export interface CannotCheck {
  reason: PlannedCannotCheckReason;
  message: string;
}

export interface Draft {
  kind: CheckKind;
  identity?: Identity;
  from: CheckSource;
  to: CheckTarget;
  /** Diff labels of the destination ("ns/service", "ns:ns", the CIDR text). */
  toLabels: string[];
  /** What the engine judges: a pod key or an IP. */
  judgeTo?: string;
  port: number;
  protocol: Protocol;
  portName?: string;
  reason: string;
  cannotCheck?: CannotCheck;
  source?: ProbeCheck["source"];
}

function targetText(d: Draft): string {
  const t = d.to as { namespace?: string; pod?: string; ip?: string; dns?: string };
  if (t.pod !== undefined) return `${t.namespace}/${t.pod}`;
  if (t.ip !== undefined) return t.ip;
  return `dns:${t.dns}`;
}

function sourceText(d: Draft): string {
  return d.identity?.label ?? d.from.outside ?? `${d.from.namespace}`;
}

/** "declared:production/frontend->production/api-0:8080/TCP". */
export function checkId(d: Draft): string {
  return `${d.kind}:${sourceText(d)}->${targetText(d)}:${d.port}/${d.protocol}`;
}

/** The connection a draft tries, whatever its kind: source pod, target, port and protocol. */
export function connectionKey(d: Draft): string {
  return `${d.from.namespace}/${d.from.pod ?? d.from.outside}->${targetText(d)}:${d.port}/${d.protocol}`;
}
