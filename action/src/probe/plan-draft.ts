/**
 * A check before it is judged: who connects where, on which port, why it is planned, and
 * why it cannot be made when it cannot. Its id names it in reports; its connection (source
 * and target) says when two drafts try the same connection, which the plan checks once.
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
  /** Whether the destination declares something listening on the port (see ProbeCheck.listens). */
  listens?: boolean;
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

/** Where a draft's connection starts: "namespace/probe-pod", or the outside address. */
export function connectionSource(d: Draft): string {
  return `${d.from.namespace}/${d.from.pod ?? d.from.outside}`;
}

/** Where a draft's connection goes, whatever its kind: "namespace/pod:8080/TCP", "192.0.2.1:443/TCP". */
export function connectionTarget(d: Draft): string {
  return `${targetText(d)}:${d.port}/${d.protocol}`;
}

/** The connections planned so far, by source then target. */
export class PlannedConnections {
  private readonly bySource = new Map<string, Set<string>>();

  has(source: string, target: string): boolean {
    return this.bySource.get(source)?.has(target) ?? false;
  }

  /** The targets planned from a source so far (the set grows as the plan does). */
  targets(source: string): ReadonlySet<string> | undefined {
    return this.bySource.get(source);
  }

  /** Plans the connection; false when it was planned already. */
  add(source: string, target: string): boolean {
    let targets = this.bySource.get(source);
    if (!targets) {
      targets = new Set();
      this.bySource.set(source, targets);
    }
    if (targets.has(target)) return false;
    targets.add(target);
    return true;
  }
}
