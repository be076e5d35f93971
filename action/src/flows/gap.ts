/**
 * The gap between observed traffic and an environment's intent:
 * - observed flows the intent would block, each with the isolation that blocks it and the
 *   intent line that would open it;
 * - declared flows no record shows in the window;
 * - per namespace, the allow rules no observed flow used.
 * Pure: the flows are read and the intent loaded and compiled by the caller.
 */
import type { CompiledBundle } from "../compile/types.js";
import type {
  Endpoint as IntentEndpoint,
  EnvironmentIntent,
  Flow,
  FlowPort,
  Service,
  SourceRef,
} from "../intent/model.js";
import type { ContainerPort, Namespace } from "../k8s/types.js";
import { policiesOfBundle } from "../semantics/diff.js";
import { explainDirection } from "../semantics/explain.js";
import { cidrContains, parseCidr, parseIp } from "../k8s/ip.js";
import type { Verdict } from "../semantics/evaluate.js";
import type { Endpoint } from "./endpoints.js";
import { judgeFlows, type JudgedFlow } from "./judge.js";
import type { FlowSummary, ObservedFlow } from "./summary.js";

/** How the intent names one observed side. */
export type IntentName =
  | { kind: "service"; service: Service; text: string }
  /** A pod no declared service selects: its namespace, declared (managed or not) or not at all. */
  | { kind: "namespace"; namespace: string; declared: boolean; managed: boolean; text: string }
  | { kind: "node"; text: string }
  | { kind: "address"; ip?: string; text: string };

/** What to add to the intent to open a blocked flow. */
export interface Suggestion {
  /** The flow line, as it goes under `flows:`. */
  line: string;
  /** The environment file to add it to. */
  file: string;
  /** What must be declared first for the line to be valid ("namespaces: kube-system: { managed: false }"). */
  needs: string[];
}

export interface BlockedFlow {
  flow: ObservedFlow;
  verdict: Verdict;
  from: IntentName;
  to: IntentName;
  /** The isolation that blocks it, direction by direction ("ingress at shop/api isolated by …"). */
  blockedBy: string[];
  /** Undefined when no intent line can open it (both sides never managed). */
  suggestion?: Suggestion;
  /** Why no suggestion. */
  unexpressible?: string;
}

export interface UnusedRule {
  policy: string;
  direction: "ingress" | "egress";
  /** 0-based. */
  ruleIndex: number;
  /** The intent declarations behind the rule. */
  origins: SourceRef[];
}

export interface GapReport {
  environment: string;
  /** Milliseconds since the epoch: the window the records cover. */
  window?: { first: number; last: number };
  /** Observed flows that go through today and the intent would block. */
  blocked: BlockedFlow[];
  /** Declared flows that no observed flow matches. */
  unobserved: Flow[];
  /** Declared flows to a DNS name: addresses in flow records cannot be matched to it. */
  unmatchable: Flow[];
  /** Per managed namespace, the allow rules no observed flow used. */
  unused: { namespace: string; rules: UnusedRule[] }[];
  /** Observed flows judged (went through at least once), and how many of them the intent allows. */
  judged: number;
  allowed: number;
  /** Notes the judgement rests on (addresses stood in for, the CNI's rules), each once. */
  notes: string[];
}

/** The declared service whose labels select a pod with `labels` (the most specific one). */
export function serviceFor(
  env: EnvironmentIntent,
  namespace: string,
  labels: Record<string, string>,
): Service | undefined {
  const ns = env.namespaces.find((n) => n.name === namespace);
  let best: Service | undefined;
  for (const svc of ns?.services ?? []) {
    const keys = Object.keys(svc.labels);
    if (keys.length === 0 || !keys.every((k) => labels[k] === svc.labels[k])) continue;
    if (!best || keys.length > Object.keys(best.labels).length) best = svc;
  }
  return best;
}

/** How the intent names a side. */
export function intentName(env: EnvironmentIntent, endpoint: Endpoint): IntentName {
  const side = endpoint.side;
  switch (side.kind) {
    case "pod": {
      const service = serviceFor(env, side.namespace, side.labels);
      if (service) return { kind: "service", service, text: `${service.namespace}/${service.name}` };
      const ns = env.namespaces.find((n) => n.name === side.namespace);
      const labels = Object.entries(side.labels).map(([k, v]) => `${k}=${v}`);
      return {
        kind: "namespace",
        namespace: side.namespace,
        declared: ns !== undefined,
        managed: ns?.managed ?? false,
        // The pods no service selects, by the labels they were seen with.
        text: `${side.namespace}/*${labels.length > 0 ? ` (${labels.join(",")})` : ""}`,
      };
    }
    case "node":
      return { kind: "node", text: "node" };
    case "address":
      return { kind: "address", ...(side.ip !== undefined ? { ip: side.ip } : {}), text: endpoint.label };
  }
}

function portText(flow: ObservedFlow): string {
  return flow.protocol === "TCP" ? `${flow.port}` : `${flow.port}/${flow.protocol.toLowerCase()}`;
}

function hostCidr(ip: string): string {
  return ip.includes(":") ? `[${ip}/128]` : `${ip}/32`;
}

/** The flow line (and declarations) that would open an observed flow. */
export function suggest(
  env: EnvironmentIntent,
  flow: ObservedFlow,
  from: IntentName,
  to: IntentName,
): Suggestion | { unexpressible: string } {
  const needs: string[] = [];
  const sideText = (name: IntentName, role: "from" | "to"): string | undefined => {
    switch (name.kind) {
      case "service":
        return name.text;
      case "namespace":
        if (!name.declared) needs.push(`namespaces: ${name.namespace}: { managed: false }`);
        else if (name.managed) {
          // A pod of a managed namespace that no service selects: the line opens the whole
          // namespace; declaring a service for it is narrower.
          needs.push(
            `a service in ${name.namespace} for the pods with ${labelsOf(role === "from" ? flow.from : flow.to)} would be narrower than the whole namespace`,
          );
        }
        return `${name.namespace}/*`;
      case "address":
        return name.ip !== undefined ? hostCidr(name.ip) : undefined;
      case "node":
        return undefined;
    }
  };
  if (from.kind === "node" || to.kind === "node") {
    const ip = flow.examples.fromIps[0];
    if (from.kind === "node" && to.kind === "service" && ip)
      return {
        line: `nodeCidrs: [${ip}/32]`,
        file: env.source.file,
        needs: [`kubelet health checks come from the node: add its network to nodeCidrs`],
      };
    return {
      unexpressible:
        "traffic of a node (not a pod) is not a flow the intent declares; kubelet health checks come from nodeCidrs",
    };
  }
  const manageable = (n: IntentName) => n.kind === "service" || (n.kind === "namespace" && n.managed);
  if (!manageable(from) && !manageable(to))
    return {
      unexpressible:
        "neither side is a service or a managed namespace: no policy of this environment selects it",
    };
  const source = sideText(from, "from");
  const destination = sideText(to, "to");
  if (source === undefined || destination === undefined)
    return { unexpressible: "the record gives no address for the outside side" };
  if (to.kind === "service" && !servicePortDeclared(to.service, flow))
    needs.push(`${to.text} declares no port ${portText(flow)}: add it to its ports`);
  return { line: `${source} -> ${destination}:${portText(flow)}`, file: env.source.file, needs };
}

function labelsOf(endpoint: Endpoint): string {
  if (endpoint.side.kind !== "pod") return endpoint.label;
  const entries = Object.entries(endpoint.side.labels);
  return entries.length === 0 ? "no labels" : `{ ${entries.map(([k, v]) => `${k}: ${v}`).join(", ")} }`;
}

function servicePortDeclared(service: Service, flow: ObservedFlow): boolean {
  return service.ports.some(
    (p) => p.protocol === flow.protocol && p.port <= flow.port && flow.port <= (p.endPort ?? p.port),
  );
}

/** Whether an observed side is one a declared flow endpoint names. */
export function endpointMatches(e: IntentEndpoint, env: EnvironmentIntent, endpoint: Endpoint): boolean {
  const side = endpoint.side;
  switch (e.kind) {
    case "service": {
      if (side.kind !== "pod" || side.namespace !== e.namespace) return false;
      const svc = env.namespaces
        .find((n) => n.name === e.namespace)
        ?.services.find((s) => s.name === e.service);
      return svc !== undefined && Object.entries(svc.labels).every(([k, v]) => side.labels[k] === v);
    }
    case "namespace":
      return (
        side.kind === "pod" &&
        side.namespace === e.namespace &&
        Object.entries(e.podLabels ?? {}).every(([k, v]) => side.labels[k] === v)
      );
    case "cidr": {
      if (side.kind !== "address" || side.ip === undefined) return false;
      const ip = parseIp(side.ip);
      const cidr = parseCidr(e.cidr);
      if (!ip || !cidr || !cidrContains(cidr, ip)) return false;
      return !e.except.some((x) => {
        const c = parseCidr(x);
        return c !== undefined && cidrContains(c, ip);
      });
    }
    case "fqdn":
      return false;
  }
}

function portMatches(ports: FlowPort[], flow: ObservedFlow): boolean {
  if (ports.length === 0) return true;
  return ports.some(
    (p) =>
      p.protocol === flow.protocol &&
      (p.port === undefined || (p.port <= flow.port && flow.port <= (p.endPort ?? p.port))),
  );
}

/** Container ports of an observed pod side: those of the declared service that selects it. */
export function portsOf(env: EnvironmentIntent): (endpoint: Endpoint) => ContainerPort[] {
  return (endpoint) => {
    if (endpoint.side.kind !== "pod") return [];
    const svc = serviceFor(env, endpoint.side.namespace, endpoint.side.labels);
    return (svc?.ports ?? []).map((p) => ({
      containerPort: p.port,
      protocol: p.protocol,
      ...(p.name !== undefined ? { name: p.name } : {}),
    }));
  };
}

/** The namespaces of an environment as the API server labels them. */
export function intentNamespaces(env: EnvironmentIntent): Namespace[] {
  return env.namespaces.map((ns) => ({
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: ns.name, labels: { ...ns.labels } },
  }));
}

/** A flow went through in the window (a connection, or traffic of one opened before it). */
export function wentThrough(flow: ObservedFlow): boolean {
  return flow.passed || flow.connections.allowed > 0 || flow.connections.audit > 0;
}

export function gapReport(env: EnvironmentIntent, bundle: CompiledBundle, summary: FlowSummary): GapReport {
  const passing = summary.flows.filter(wentThrough);
  const { policies, ciliumPolicies } = policiesOfBundle(bundle);
  const nodeCidr = env.nodeCidrs[0];
  const { judged } = judgeFlows({
    flows: passing,
    policies,
    ciliumPolicies,
    profile: env.profile,
    namespaces: intentNamespaces(env),
    portsOf: portsOf(env),
    ...(nodeCidr ? { nodeAddress: nodeCidr.split("/")[0] as string } : {}),
  });
  const notes = new Set<string>();
  const blocked: BlockedFlow[] = [];
  const used = new Set<string>();
  let allowed = 0;
  for (const j of judged) {
    for (const n of j.notes) notes.add(n);
    const v = j.verdict;
    if (!v) {
      allowed++;
      continue;
    }
    for (const d of [v.egress, v.ingress])
      for (const r of d.allowedBy) used.add(`${r.namespace}/${r.policy}/${r.direction}/${r.ruleIndex}`);
    if (v.allowed) {
      allowed++;
      continue;
    }
    blocked.push(blockedFlow(env, j, v));
  }
  blocked.sort(
    (a, b) =>
      b.flow.connections.allowed +
        b.flow.connections.audit -
        (a.flow.connections.allowed + a.flow.connections.audit) || b.flow.records - a.flow.records,
  );

  const unobserved: Flow[] = [];
  const unmatchable: Flow[] = [];
  for (const f of env.flows) {
    if (f.to.kind === "fqdn") {
      unmatchable.push(f);
      continue;
    }
    const seen = passing.some(
      (o) =>
        endpointMatches(f.from, env, o.from) && endpointMatches(f.to, env, o.to) && portMatches(f.ports, o),
    );
    if (!seen) unobserved.push(f);
  }

  const unused: GapReport["unused"] = [];
  for (const ns of env.namespaces.filter((n) => n.managed)) {
    const rules: UnusedRule[] = [];
    for (const obj of bundle.objects) {
      const m = obj.manifest;
      if (m.metadata.namespace !== ns.name || m.kind !== "NetworkPolicy") continue;
      for (const direction of ["ingress", "egress"] as const) {
        (m.spec[direction] ?? []).forEach((_, i) => {
          if (used.has(`${ns.name}/${m.metadata.name}/${direction}/${i}`)) return;
          rules.push({
            policy: m.metadata.name,
            direction,
            ruleIndex: i,
            origins: obj.ruleOrigins?.[direction][i] ?? obj.origins,
          });
        });
      }
    }
    if (rules.length > 0) unused.push({ namespace: ns.name, rules });
  }

  return {
    environment: env.name,
    ...(summary.firstSeen !== undefined && summary.lastSeen !== undefined
      ? { window: { first: summary.firstSeen, last: summary.lastSeen } }
      : {}),
    blocked,
    unobserved,
    unmatchable,
    unused,
    judged: judged.length,
    allowed,
    notes: [...notes],
  };
}

function blockedFlow(env: EnvironmentIntent, j: JudgedFlow, v: Verdict): BlockedFlow {
  const flow = j.flow;
  const from = intentName(env, flow.from);
  const to = intentName(env, flow.to);
  const portText = `${flow.port}/${flow.protocol}`;
  const blockedBy: string[] = [];
  if (!v.egress.allowed) blockedBy.push(explainDirection(v.egress, from.text, to.text, portText));
  if (!v.ingress.allowed) blockedBy.push(explainDirection(v.ingress, to.text, from.text, portText));
  const s = suggest(env, flow, from, to);
  return {
    flow,
    verdict: v,
    from,
    to,
    blockedBy,
    ...("line" in s ? { suggestion: s } : { unexpressible: s.unexpressible }),
  };
}
