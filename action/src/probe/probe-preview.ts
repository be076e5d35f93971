/**
 * What the probes will check after a merge, for the preview: the probe plan of the head
 * intent on its synthetic inventory (one pod per declared service, as the semantic diff
 * judges), with the head's compiled policies after the deploy and the base's before it.
 * The counts of checks by expected verdict, and the checks whose verdict this change
 * moves, each marked as predicted by the diff or not.
 */
import type { EnvironmentIntent } from "../intent/model.js";
import type { CompiledBundle } from "../compile/types.js";
import type { SemanticDiff } from "../semantics/contracts.js";
import { policiesOfBundle } from "../semantics/diff.js";
import { syntheticInventory } from "../semantics/synthetic-inventory.js";
import type { Reachability } from "../semantics/reachability.js";
import { planChecks } from "./probe-plan.js";
import { DEFAULT_DENY_NAME } from "../compile/compile.js";
import { isDnsTarget, isIpTarget, isPodTarget, type ProbeCheck, type CheckKind } from "./types.js";

/** One check whose expected verdict differs before and after the change. */
export interface ProbeVerdictChange {
  kind: CheckKind;
  /** "production/frontend", "namespace ingress-nginx", "198.51.100.0/24 (outside)". */
  from: string;
  /** "production/api", "198.51.100.1 (198.51.100.0/24)", "DNS". */
  to: string;
  /** "8080/TCP", "9100/TCP (metrics)". */
  port: string;
  before: Reachability;
  after: Reachability;
  /**
   * What explains the change: a flow change of the semantic diff, `default-deny-all` added
   * to (or removed from) a namespace of the check, or nothing (the probes would call it a surprise).
   */
  why: { kind: "diff" } | { kind: "default-deny"; namespace: string } | { kind: "unexplained" };
}

export interface ProbePreview {
  checks: number;
  /** Checks by expected verdict after the merge. */
  expected: Record<Reachability, number>;
  /** The checks whose verdict moves, declared flows first; at most `limit` of them. */
  changes: ProbeVerdictChange[];
  /** How many checks change in all (more than `changes.length` when bounded). */
  changesTotal: number;
  /**
   * Flows this change closes that no check tries ("ns:ingress-nginx → production/frontend:80/TCP"):
   * the plan checks declared flows and chosen undeclared pairs, so a reviewer knows which
   * closings only the semantics engine vouches for. At most `limit`.
   */
  closedUnchecked: string[];
}

/** At most this many changed checks are kept per environment (the report bounds it further). */
export const PROBE_PREVIEW_CHANGES = 50;

const KIND_ORDER: Record<CheckKind, number> = { declared: 0, external: 1, dns: 2, negative: 3 };

function sourceLabel(c: ProbeCheck): string {
  if (c.from.outside !== undefined) return `${c.from.outside} (outside)`;
  return c.from.service !== undefined ? `${c.from.namespace}/${c.from.service}` : `ns:${c.from.namespace}`;
}

function targetLabel(c: ProbeCheck): string {
  const t = c.to;
  if (isPodTarget(t))
    return t.service !== undefined ? `${t.namespace}/${t.service}` : `${t.namespace}/${t.pod}`;
  if (isIpTarget(t)) return t.cidr && t.cidr !== t.ip ? `${t.ip} (${t.cidr})` : t.ip;
  if (isDnsTarget(t)) return "DNS";
  return "?";
}

/**
 * The probe preview of one environment at head. `base` is the base bundle (absent: nothing
 * deployed before, every policy is new).
 */
export function previewProbes(
  head: EnvironmentIntent,
  headBundle: CompiledBundle,
  baseBundle: CompiledBundle | undefined,
  diff: SemanticDiff,
  limit = PROBE_PREVIEW_CHANGES,
): ProbePreview {
  const inventory = syntheticInventory(undefined, head);
  const after = policiesOfBundle(headBundle);
  const plan = planChecks({
    environment: head,
    inventory: {
      pods: inventory.endpoints.flatMap((e) => (e.pods.head ? [e.pods.head] : [])),
      namespaces: inventory.namespaces.head,
      services: [],
    },
    after,
    // The base's own bundle (an unchanged environment): the same policies, judged once.
    before: baseBundle === headBundle ? after : baseBundle ? policiesOfBundle(baseBundle) : { policies: [] },
    diff,
  });
  // Namespaces whose default-deny this change adds or removes.
  const denied = (b: CompiledBundle | undefined): Set<string> =>
    new Set(
      (b?.objects ?? [])
        .filter((o) => o.manifest.metadata.name === DEFAULT_DENY_NAME)
        .map((o) => o.manifest.metadata.namespace ?? ""),
    );
  const [denyBefore, denyAfter] = [denied(baseBundle), denied(headBundle)];
  const denyMoved = (ns: string | undefined): boolean =>
    ns !== undefined && denyBefore.has(ns) !== denyAfter.has(ns);
  const why = (c: ProbeCheck): ProbeVerdictChange["why"] => {
    if (c.changeDeclared) return { kind: "diff" };
    const namespaces = [c.from.namespace, isPodTarget(c.to) ? c.to.namespace : undefined];
    const namespace = namespaces.find(denyMoved);
    return namespace !== undefined ? { kind: "default-deny", namespace } : { kind: "unexplained" };
  };
  const expected: Record<Reachability, number> = { allowed: 0, blocked: 0, "cannot-check": 0 };
  for (const c of plan.checks) expected[c.expect]++;
  const moved = plan.checks
    .filter(
      (c) => c.expect !== "cannot-check" && c.expectBefore !== "cannot-check" && c.expect !== c.expectBefore,
    )
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const closed = diff.changes
    .filter((f) => f.change === "removed" && f.builtin === undefined)
    .map((f) => `${f.from} → ${f.to}:${f.port}/${f.protocol}`);
  const tried = new Set(
    closed.length === 0
      ? []
      : plan.checks
          .filter((c) => c.expect !== "cannot-check")
          .map((c) => `${sourceLabel(c)} → ${targetLabel(c)}:${c.port}/${c.protocol}`),
  );
  const closedUnchecked = closed.filter((text) => !tried.has(text));
  return {
    closedUnchecked: closedUnchecked.slice(0, limit),
    checks: plan.checks.length,
    expected,
    changes: moved.slice(0, limit).map((c) => ({
      kind: c.kind,
      from: sourceLabel(c),
      to: targetLabel(c),
      port: `${c.port === 0 ? "*" : c.port}/${c.protocol}${c.portName ? ` (${c.portName})` : ""}`,
      before: c.expectBefore,
      after: c.expect,
      why: why(c),
    })),
    changesTotal: moved.length,
  };
}
