/**
 * Pre-flight for observed traffic: a namespace's first default-deny is the moment undeclared
 * traffic stops. When the deploy enforces one and observed flows that go through today would
 * be blocked by it, the deploy is refused (nothing changed) listing them, unless the request
 * says to go ahead; then they are listed in the environment's notes.
 */
import type { CompiledBundle } from "../../compile/types.js";
import { flowsCutByFirstDeny, type CutFlow } from "../../flows/cut.js";
import { intentName, portsOf, suggest, type IntentName } from "../../flows/gap.js";
import type { ObservedDetail } from "../../flows/observed-preview.js";
import { formatTime, usage } from "../../flows/render.js";
import type { FlowSummary } from "../../flows/summary.js";
import type { EnvironmentIntent } from "../../intent/model.js";
import type { CiliumNetworkPolicy, ClusterState, NetworkPolicy } from "../../k8s/types.js";
import { managedBy } from "../../probe/step-plan.js";
import { enforcedNamespaces } from "../../rollout/transitions.js";
import { explainDirection } from "../../semantics/explain.js";

/** Observed traffic for the deploy's pre-flight. */
export interface ObservedTraffic {
  /** Per environment; "*" stands for every environment without files of its own. */
  byEnvironment: ReadonlyMap<string, FlowSummary>;
  /** Go ahead even when a first default-deny would block observed flows (they are noted). */
  proceed: boolean;
  /** services: outside addresses withheld; full: named. */
  detail: ObservedDetail;
}

/** The most flows one refusal lists; the count says how many more there are. */
const LISTED = 20;

export interface ObservedCheck {
  /** Refusal lines (empty: nothing observed would stop, or the request goes ahead). */
  problems: string[];
  /** What goes on with the deploy when the request goes ahead anyway. */
  notes: string[];
}

/** The observed flows this deploy's first default-denies would cut, as refusals or notes. */
export function checkObservedTraffic(
  intent: EnvironmentIntent,
  bundle: CompiledBundle,
  live: CompiledBundle,
  cluster: ClusterState,
  observed: ObservedTraffic,
): ObservedCheck {
  const summary = observed.byEnvironment.get(intent.name) ?? observed.byEnvironment.get("*");
  const none: ObservedCheck = { problems: [], notes: [] };
  if (summary === undefined) return none;
  const before = new Set(enforcedNamespaces(live));
  const firstDeny = enforcedNamespaces(bundle).filter((ns) => !before.has(ns));
  if (firstDeny.length === 0) return none;
  const kept = cluster.policies.filter((p) => !managedBy(p, intent.name));
  const nodeCidr = intent.nodeCidrs[0];
  const cut = flowsCutByFirstDeny({
    flows: summary.flows,
    bundle,
    profile: intent.profile,
    firstDeny,
    namespaces: cluster.namespaces,
    alsoInForce: {
      policies: kept
        .filter((p): p is NetworkPolicy => p.kind === "NetworkPolicy")
        .map((policy) => ({ policy })),
      ciliumPolicies: kept
        .filter((p): p is CiliumNetworkPolicy => p.kind === "CiliumNetworkPolicy")
        .map((policy) => ({ policy })),
    },
    portsOf: portsOf(intent),
    ...(nodeCidr ? { nodeAddress: nodeCidr.split("/")[0] as string } : {}),
  });
  if (cut.length === 0) return none;
  cut.sort((a, b) => connections(b) - connections(a) || b.flow.lastSeen - a.flow.lastSeen);
  const lines = cut.slice(0, LISTED).map((c) => describe(intent, c, observed.detail));
  if (cut.length > LISTED) lines.push(`and ${cut.length - LISTED} more observed flows`);
  const namespaces = [...new Set(cut.flatMap((c) => c.namespaces))].sort().join(", ");
  const count = `${cut.length} observed flow${cut.length === 1 ? "" : "s"}`;
  if (observed.proceed) {
    return {
      problems: [],
      notes: [
        `the first default-deny of ${namespaces} blocks ${count} that went through before it (enforce-despite-flows: true):`,
        ...lines,
      ],
    };
  }
  return {
    problems: [
      ...lines,
      `the first default-deny of ${namespaces} would block ${count} that go${cut.length === 1 ? "es" : ""} through today: declare ${cut.length === 1 ? "it" : "them"} (netpol-rollout gap --env ${intent.name} --flows FILE… gives the lines), or set enforce-despite-flows: true to enforce anyway`,
    ],
    notes: [],
  };
}

function connections(c: CutFlow): number {
  return c.flow.connections.allowed + c.flow.connections.audit;
}

/** "observed shop/frontend -> billing/ledger:5432/TCP (12 connections, last seen …): egress at …; to open it: …" */
function describe(intent: EnvironmentIntent, c: CutFlow, detail: ObservedDetail): string {
  const { flow, verdict } = c;
  const from = intentName(intent, flow.from);
  const to = intentName(intent, flow.to);
  const hidden = detail === "services" && (from.kind === "address" || to.kind === "address");
  const shown = (n: IntentName) =>
    n.kind === "address" && detail === "services" ? "an outside address" : n.text;
  const port = `${flow.port}/${flow.protocol}`;
  const blockedBy: string[] = [];
  if (!verdict.egress.allowed) blockedBy.push(explainDirection(verdict.egress, shown(from), shown(to), port));
  if (!verdict.ingress.allowed)
    blockedBy.push(explainDirection(verdict.ingress, shown(to), shown(from), port));
  const s = suggest(intent, flow, from, to);
  const open = "line" in s && !hidden ? `; the flow line that opens it: ${s.line}` : "";
  return `observed ${shown(from)} -> ${shown(to)}:${port} (${usage(flow)}, last seen ${formatTime(flow.lastSeen)}) would be blocked: ${blockedBy.join("; ")}${open}`;
}
