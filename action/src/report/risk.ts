/**
 * What a reviewer should look at first: each flow change of an environment sorted into
 * risky, ordinary and built-in, with the reason it is risky. Pure over the report data.
 *
 * Risky, in this order:
 * - new exposure: an opened flow into a service from outside its namespace (another
 *   namespace, an ingress controller's pods, a CIDR, any address), or out to every address;
 * - last caller closed: a closed flow into a service that no declared flow reaches any more;
 * - default-deny added to or removed from a namespace (not a flow, listed beside them);
 * - differs across environments: after a rule change, another environment with the same
 *   endpoints declares the flow differently (opened here, not declared there; or closed
 *   here, still declared there).
 * Built-in: DNS and kubelet health-check rules; folded into one line unless a rule change
 * of their own moves them (then they are ordinary rows).
 */
import type { FlowChange } from "../semantics/contracts.js";
import type { EnvironmentPreview, PreviewReport } from "./types.js";
import { plural } from "../text/plural.js";

export type RiskKind = "new-exposure" | "last-caller-closed" | "differs-across-environments";

export interface RiskyChange {
  change: FlowChange;
  risk: RiskKind;
  /** A few words for the reviewer, e.g. "reachable from outside production". */
  reason: string;
}

export interface SortedChanges {
  risky: RiskyChange[];
  ordinary: FlowChange[];
  /** DNS and health-check changes that follow from an endpoint appearing or disappearing. */
  builtin: FlowChange[];
}

/** Environments named in a "differs" reason before the rest are counted. */
const DRIFT_NAMES = 3;

const RISK_ORDER: Record<RiskKind, number> = {
  "new-exposure": 0,
  "last-caller-closed": 1,
  "differs-across-environments": 2,
};

/** The namespace of a "namespace/service" or "ns:namespace" label; undefined for addresses. */
function namespaceOf(label: string, kind: FlowChange["fromKind"]): string | undefined {
  if (kind === "namespace") return label.startsWith("ns:") ? label.slice(3) : label.split("/")[0];
  if (kind === "service" || kind === "dns") return label.split("/")[0];
  return undefined;
}

/** Every address: an `internet` endpoint, or a declared /0 (with or without `except`). */
function everyAddress(change: FlowChange): boolean {
  return (
    change.toKind === "internet" || (change.toKind === "external" && /^(0\.0\.0\.0|::)\/0\b/.test(change.to))
  );
}

function exposure(change: FlowChange): string | undefined {
  if (change.change !== "added" || change.builtin) return undefined;
  if (everyAddress(change)) return "egress to every address";
  if (change.toKind !== "service") return undefined;
  const home = namespaceOf(change.to, "service");
  switch (change.fromKind) {
    case "external":
    case "internet":
      return `reachable from outside the cluster (${change.from})`;
    case "other-namespace":
      return `reachable from any namespace`;
    case "namespace":
    case "service": {
      const from = namespaceOf(change.from, change.fromKind);
      return from !== home ? `reachable from outside ${home} (${from})` : undefined;
    }
    default:
      return undefined;
  }
}

/** Services that a declared flow still reaches at head (from the flows graph). */
function calledAtHead(env: EnvironmentPreview): Set<string> {
  const keyOf = new Map(env.flowsGraph.nodes.map((n) => [n.id, n.key]));
  const called = new Set<string>();
  for (const edge of env.flowsGraph.edges) {
    if (edge.status !== "removed") called.add(keyOf.get(edge.to) ?? "");
  }
  return called;
}

/** A label as it would read in any environment: the environment's own namespace becomes "~". */
function generic(label: string, env: string): string {
  if (label.startsWith(`${env}/`)) return `~/${label.slice(env.length + 1)}`;
  return label === `ns:${env}` ? "ns:~" : label;
}

/**
 * For each environment, its rule-caused flow changes after which another environment that
 * has both endpoints differs on that flow (an opened flow the other does not declare, a
 * closed one it still declares), with the names of those environments. Only environments
 * present at base and head, with a valid intent, are compared.
 */
export function driftAcrossEnvironments(report: PreviewReport): Map<string, Map<FlowChange, string[]>> {
  const comparable = report.environments.filter((e) => e.presence === "both" && e.verdict.kind !== "invalid");
  // Which environments declare each endpoint and each flow at head, in generic form.
  const nodeEnvs = new Map<string, Set<string>>();
  const edgeEnvs = new Map<string, Set<string>>();
  const add = (index: Map<string, Set<string>>, key: string, env: string): void => {
    const set = index.get(key) ?? new Set<string>();
    set.add(env);
    index.set(key, set);
  };
  for (const env of comparable) {
    const keyOf = new Map(env.flowsGraph.nodes.map((n) => [n.id, generic(n.key, env.name)]));
    for (const n of env.flowsGraph.nodes) if (!n.removed) add(nodeEnvs, generic(n.key, env.name), env.name);
    for (const e of env.flowsGraph.edges) {
      if (e.status === "removed") continue;
      for (const port of e.ports) add(edgeEnvs, `${keyOf.get(e.from)}|${keyOf.get(e.to)}|${port}`, env.name);
    }
  }
  // Environments with both endpoints, per endpoint pair (the same pair recurs across environments).
  const withBoth = new Map<string, string[]>();
  const bothOf = (from: string, to: string): string[] => {
    const key = `${from}|${to}`;
    let list = withBoth.get(key);
    if (!list) {
      const b = nodeEnvs.get(to) ?? new Set<string>();
      list = [...(nodeEnvs.get(from) ?? [])].filter((name) => b.has(name));
      withBoth.set(key, list);
    }
    return list;
  };
  const out = new Map<string, Map<FlowChange, string[]>>();
  for (const env of comparable) {
    const drift = new Map<FlowChange, string[]>();
    for (const c of env.diff.changes) {
      if (c.builtin || c.cause === "endpoint") continue;
      const from = generic(c.from, env.name);
      const to = generic(c.to, env.name);
      const both = bothOf(from, to);
      const declaring = edgeEnvs.get(`${from}|${to}|${c.port}/${c.protocol}`) ?? new Set<string>();
      // A declared flow implies both endpoints: the others that declare it are a subset of `both`.
      const othersBoth = both.length - (both.includes(env.name) ? 1 : 0);
      const othersDeclaring = declaring.size - (declaring.has(env.name) ? 1 : 0);
      const differing = c.change === "added" ? othersBoth - othersDeclaring : othersDeclaring;
      if (differing === 0) continue;
      drift.set(
        c,
        both.filter((name) => name !== env.name && declaring.has(name) !== (c.change === "added")),
      );
    }
    out.set(env.name, drift);
  }
  return out;
}

/** Sorts an environment's flow changes for review; `drift` from driftAcrossEnvironments. */
export function sortChanges(
  env: EnvironmentPreview,
  drift: Map<FlowChange, string[]> = new Map(),
): SortedChanges {
  const called = calledAtHead(env);
  const risky: RiskyChange[] = [];
  const ordinary: FlowChange[] = [];
  const builtin: FlowChange[] = [];
  for (const change of env.diff.changes) {
    if (change.builtin && change.cause !== "rules") {
      builtin.push(change);
      continue;
    }
    const exposed = exposure(change);
    if (exposed) {
      risky.push({ change, risk: "new-exposure", reason: exposed });
      continue;
    }
    if (
      change.change === "removed" &&
      !change.builtin &&
      change.toKind === "service" &&
      env.presence !== "removed" &&
      !env.diff.workloads.removed.includes(change.to) &&
      !called.has(change.to)
    ) {
      risky.push({
        change,
        risk: "last-caller-closed",
        reason: `no declared flow reaches ${change.to} any more`,
      });
      continue;
    }
    const others = drift.get(change);
    if (others) {
      const names =
        others.length > DRIFT_NAMES
          ? `${others.slice(0, DRIFT_NAMES).join(", ")} and ${others.length - DRIFT_NAMES} more`
          : others.join(", ");
      risky.push({
        change,
        risk: "differs-across-environments",
        reason:
          change.change === "added"
            ? `${names} ${others.length === 1 ? "does" : "do"} not declare it`
            : `${names} still ${others.length === 1 ? "declares" : "declare"} it`,
      });
      continue;
    }
    ordinary.push(change);
  }
  risky.sort((a, b) => RISK_ORDER[a.risk] - RISK_ORDER[b.risk]);
  return { risky, ordinary, builtin };
}

/** One kind of built-in rule opened or closed in an environment, summed up. */
export interface BuiltinGroup {
  kind: "dns" | "node-cidrs";
  change: FlowChange["change"];
  /** "4 workloads and the other pods of 1 namespace". */
  who: string;
  /** The other side: the DNS pods, or the node CIDRs. */
  peers: string[];
  /** "53/UDP", "53/TCP". */
  ports: string[];
  /** One change per distinct source line, to point at the key that causes the rule. */
  sources: FlowChange[];
  count: number;
}

/** Built-in changes grouped by kind and direction of change, in a stable order. */
export function builtinGroups(builtin: FlowChange[]): BuiltinGroup[] {
  const groups: BuiltinGroup[] = [];
  for (const kind of ["dns", "node-cidrs"] as const) {
    for (const change of ["added", "removed"] as const) {
      const list = builtin.filter((c) => c.builtin === kind && c.change === change);
      if (list.length === 0) continue;
      // DNS is egress from the workloads; health checks are ingress to them.
      const subjects = new Set(list.map((c) => (kind === "dns" ? c.from : c.to)));
      const workloads = [...subjects].filter((s) => !s.startsWith("ns:") && !s.includes("(")).length;
      const others = subjects.size - workloads;
      const who = [
        workloads > 0 ? plural(workloads, "workload") : "",
        others > 0 ? `the other pods of ${plural(others, "namespace")}` : "",
      ]
        .filter((w) => w !== "")
        .join(" and ");
      const sources = new Map<string, FlowChange>();
      for (const c of list) {
        const s = c.rule?.source;
        if (s && !sources.has(`${s.file}:${s.line}`)) sources.set(`${s.file}:${s.line}`, c);
      }
      groups.push({
        kind,
        change,
        who,
        peers: [...new Set(list.map((c) => (kind === "dns" ? c.to : c.from)))],
        ports: [...new Set(list.map((c) => `${c.port}/${c.protocol}`))],
        sources: [...sources.values()],
        count: list.length,
      });
    }
  }
  return groups;
}

/** "DNS opened for 4 workloads to kube-system/kube-dns on 53/UDP, 53/TCP", without the sources. */
export function builtinText(g: BuiltinGroup, name: (s: string) => string = (s) => s): string {
  const verb = g.change === "added" ? "opened" : "closed";
  const peers = g.peers.map(name).join(", ");
  return g.kind === "dns"
    ? `DNS ${verb} for ${g.who} to ${peers} on ${g.ports.join(", ")}`
    : `kubelet health checks ${verb} from ${peers} to ${g.who} on ${g.ports.join(", ")}`;
}
