/**
 * Negative checks: connections no flow declares, which the policies being deployed must
 * block. The candidates come in a fixed order, by kind:
 *
 * 0. the reverse of a declared service-to-service flow;
 * 1. an undeclared pair of services inside a namespace;
 * 2. an undeclared pair of services across namespaces;
 * 3. an undeclared port of a declared callee;
 * 4. a probe target from a managed service no flow lets reach it (its expectation decides).
 *
 * They are taken round-robin across the kinds, each only when the policies being deployed
 * block it, up to the caps in total and per source; the candidates past the caps are counted.
 * Pairs of services grow with the square of the services while the caps stay fixed, so a
 * candidate is keyed by its connection without being drafted, and drafted only when judged.
 */
import type { EnvironmentIntent, Flow, FlowPort, Service } from "../intent/model.js";
import { compareStrings as cmp } from "../compile/canonical.js";
import type { Reachability } from "../semantics/reachability.js";
import { connectionSource, connectionTarget, type Draft, type PlannedConnections } from "./plan-draft.js";
import { sourceOf, type Identities, type Identity } from "./plan-identities.js";
import { podTarget, type LiveInventory, type LivePod } from "./plan-inventory.js";
import { listeningPorts, protocolProblem, targetsIn, type DeclaredPairs } from "./plan-targets.js";
import type { PlanCaps, ProbeCheck } from "./types.js";

/** A service of a managed namespace, as a caller and as a callee of negative checks. */
interface ManagedService {
  svc: Service;
  id: Identity;
  /** Where its namespace's services start and end in the list of managed services. */
  group: { start: number; end: number };
  /** Its identity's connection source ("namespace/probe-pod"), when its namespace exists. */
  probeSource?: string;
  /** Its first running pod, the target of checks to it. */
  pod?: LivePod;
  /** Its first TCP port, which undeclared pairs try. */
  port?: number;
  /** The connection target of an undeclared pair to it: its first pod on its first TCP port. */
  pairTarget?: string;
}

/** The candidates of one kind, in order. */
interface CandidateCursor {
  /** Moves to the next candidate; false past the last. */
  next(): boolean;
  /** The current candidate's connection (see connectionSource and connectionTarget). */
  source(): string;
  target(): string;
  /** The current candidate's probe pod (the per-source cap counts by it). */
  pod(): string;
  draft(): Draft;
  /** Moves past the last candidate, counting those on the way that are not planned. */
  countUnplanned(planned: PlannedConnections): number;
}

function negativeDraft(
  id: Identity,
  callee: ManagedService,
  pod: LivePod,
  port: number,
  reason: string,
): Draft {
  return {
    kind: "negative",
    identity: id,
    from: sourceOf(id),
    to: podTarget(pod, callee.svc.name),
    toLabels: [`${callee.svc.namespace}/${callee.svc.name}`],
    judgeTo: pod.key,
    port,
    protocol: "TCP",
    listens: listeningPorts(callee.svc, pod).has(`${port}/TCP`),
    reason,
    source: callee.svc.source,
  };
}

/** A candidate from one service's identity to another service's first pod. */
interface ServiceCandidate {
  from: ManagedService & { probeSource: string };
  to: ManagedService & { pod: LivePod };
  port: number;
  reason: string;
}

/** Candidates listed up front, with their connections; their number grows with the flows. */
class ListCursor<T> implements CandidateCursor {
  private i = -1;
  constructor(
    private readonly list: T[],
    private readonly key: (c: T) => { source: string; target: string; pod: string },
    private readonly drafted: (c: T) => Draft,
  ) {}
  next(): boolean {
    return ++this.i < this.list.length;
  }
  private get current(): T {
    return this.list[this.i] as T;
  }
  source(): string {
    return this.key(this.current).source;
  }
  target(): string {
    return this.key(this.current).target;
  }
  pod(): string {
    return this.key(this.current).pod;
  }
  draft(): Draft {
    return this.drafted(this.current);
  }
  countUnplanned(planned: PlannedConnections): number {
    let n = 0;
    while (this.next()) if (!planned.has(this.source(), this.target())) n++;
    return n;
  }
}

function serviceCursor(list: ServiceCandidate[]): CandidateCursor {
  return new ListCursor(
    list,
    (c) => ({ source: c.from.probeSource, target: `${c.to.pod.key}:${c.port}/TCP`, pod: c.from.id.pod }),
    (c) => negativeDraft(c.from.id, c.to, c.to.pod, c.port, c.reason),
  );
}

function draftCursor(drafts: Draft[]): CandidateCursor {
  return new ListCursor(
    drafts,
    (d) => ({ source: connectionSource(d), target: connectionTarget(d), pod: d.identity?.pod ?? "" }),
    (d) => d,
  );
}

/**
 * Undeclared pairs of services, caller by caller, callees inside the caller's namespace or
 * outside it (the list holds each namespace's services together). No text is built for a pair
 * until it is drafted.
 */
class PairCursor implements CandidateCursor {
  private a = 0;
  private b = -1;
  /** Callees the current caller's identity declares. */
  private declaredCallees: ReadonlySet<string> | undefined;

  constructor(
    private readonly services: ManagedService[],
    private readonly declared: DeclaredPairs,
    private readonly sameNamespace: boolean,
  ) {
    const first = services[0];
    if (first) this.declaredCallees = declared.calleesOf(first.id.label);
  }

  next(): boolean {
    const n = this.services.length;
    while (this.a < n) {
      this.b = this.nextCallee(this.b + 1);
      if (this.b >= n) {
        if (++this.a >= n) return false;
        this.b = -1;
        this.declaredCallees = this.declared.calleesOf(this.caller.id.label);
        continue;
      }
      const a = this.caller;
      const b = this.callee;
      if (a === b || a.probeSource === undefined || b.pairTarget === undefined) continue;
      if (!this.declaredCallees?.has(b.id.label)) return true;
    }
    return false;
  }
  /** The first callee index from `b` on that is in (or out of) the caller's namespace. */
  private nextCallee(b: number): number {
    const { start, end } = this.caller.group;
    if (this.sameNamespace) return b < start ? start : b < end ? b : this.services.length;
    return b >= start && b < end ? end : b;
  }
  private get caller(): ManagedService {
    return this.services[this.a] as ManagedService;
  }
  private get callee(): ManagedService {
    return this.services[this.b] as ManagedService;
  }
  source(): string {
    return this.caller.probeSource as string;
  }
  target(): string {
    return this.callee.pairTarget as string;
  }
  pod(): string {
    return this.caller.id.pod;
  }
  draft(): Draft {
    const a = this.caller;
    const b = this.callee;
    const reason = this.sameNamespace
      ? `undeclared: ${a.svc.name} -> ${b.svc.name} in ${a.svc.namespace}`
      : `undeclared: ${a.id.label} -> ${b.id.label}`;
    return negativeDraft(a.id, b, b.pod as LivePod, b.port as number, reason);
  }
  countUnplanned(planned: PlannedConnections): number {
    let n = 0;
    let caller: ManagedService | undefined;
    let targets: ReadonlySet<string> | undefined;
    while (this.next()) {
      if (this.caller !== caller) {
        caller = this.caller;
        targets = planned.targets(this.source());
      }
      if (!targets?.has(this.target())) n++;
    }
    return n;
  }
}

function managedServices(
  env: EnvironmentIntent,
  cluster: LiveInventory,
  identities: Identities,
): ManagedService[] {
  const services: ManagedService[] = [];
  for (const ns of env.namespaces.filter((n) => n.managed)) {
    const group = { start: services.length, end: services.length + ns.services.length };
    for (const svc of [...ns.services].sort((a, b) => cmp(a.name, b.name))) {
      const id = identities.ofService(ns.name, svc);
      const m: ManagedService = { svc, id, group };
      if (cluster.namespaces.has(id.namespace)) m.probeSource = `${id.namespace}/${id.pod}`;
      const pod = cluster.podsOf(ns.name, svc.labels)[0];
      if (pod) m.pod = pod;
      const port = svc.ports.find((p) => p.protocol === "TCP")?.port;
      if (port !== undefined) m.port = port;
      if (pod && port !== undefined) m.pairTarget = `${pod.key}:${port}/TCP`;
      services.push(m);
    }
  }
  return services;
}

/** The candidates of each kind, in order. */
export function negativeCandidates(
  env: EnvironmentIntent,
  cluster: LiveInventory,
  identities: Identities,
  declared: DeclaredPairs,
): CandidateCursor[] {
  const services = managedServices(env, cluster, identities);
  const byName = new Map(services.map((m) => [`${m.svc.namespace}/${m.svc.name}`, m]));
  const serviceOf = (e: Flow["from"]): ManagedService | undefined =>
    e.kind === "service" ? byName.get(`${e.namespace}/${e.service}`) : undefined;
  const serviceFlows = env.flows.flatMap((flow) => {
    const caller = serviceOf(flow.from);
    const callee = serviceOf(flow.to);
    return caller && callee ? [{ flow, caller, callee }] : [];
  });
  /** From `from`'s identity to `to`'s first pod, when its namespace exists and the pod does. */
  const candidate = (from: ManagedService, to: ManagedService, port: number, reason: string) =>
    from.probeSource !== undefined && to.pod !== undefined
      ? [{ from: from as ServiceCandidate["from"], to: to as ServiceCandidate["to"], port, reason }]
      : [];

  // (0) the reverse of declared service-to-service flows
  const reverse = serviceFlows.flatMap(({ flow, caller, callee }) => {
    if (caller === callee || declared.has(callee.id.label, caller.id.label)) return [];
    const port = caller.port ?? flow.ports.find((p) => p.port !== undefined)?.port;
    return port === undefined ? [] : candidate(callee, caller, port, `reverse of declared ${flow.text}`);
  });

  // (3) an undeclared port of a declared callee: one no flow of the caller's identity allows
  const allowed = new Map<string, FlowPort[]>();
  for (const f of env.flows) {
    const from = identities.ofEndpoint(f.from);
    if (!from || f.to.kind !== "service") continue;
    const key = `${from.label}\u0000${f.to.namespace}/${f.to.service}`;
    allowed.set(key, [...(allowed.get(key) ?? []), ...f.ports]);
  }
  const mentioned = new Set(
    env.namespaces.flatMap((ns) => ns.services.flatMap((s) => s.ports.map((p) => p.port))),
  );
  let spare = 81;
  while (mentioned.has(spare)) spare++;
  const undeclaredPorts = serviceFlows.flatMap(({ flow, caller, callee }) => {
    const ports = allowed.get(`${caller.id.label}\u0000${callee.id.label}`) ?? [];
    const covered = (port: number): boolean =>
      ports.some(
        (p) =>
          p.protocol === "TCP" && (p.port === undefined || (port >= p.port && port <= (p.endPort ?? p.port))),
      );
    const other = callee.svc.ports.find((p) => p.protocol === "TCP" && !covered(p.port))?.port ?? spare;
    if (covered(other)) return [];
    return candidate(caller, callee, other, `undeclared port ${other} of declared callee (${flow.text})`);
  });

  // (4) probe targets, from every managed service no flow lets reach them
  const reaches = new Map<string, Set<string>>();
  for (const f of env.flows) {
    const from = identities.ofEndpoint(f.from);
    if (!from || f.to.kind !== "cidr") continue;
    const set = reaches.get(from.label) ?? new Set<string>();
    for (const t of targetsIn(env, f.to.cidr, f.to.except, undefined)) set.add(t.address);
    reaches.set(from.label, set);
  }
  const outside: Draft[] = [];
  for (const t of env.probeTargets ?? []) {
    for (const m of services) {
      if (!cluster.namespaces.has(m.svc.namespace) || reaches.get(m.id.label)?.has(t.address)) continue;
      const d: Draft = {
        kind: "external",
        identity: m.id,
        from: sourceOf(m.id),
        to: { ip: t.address },
        toLabels: [],
        judgeTo: t.address,
        port: t.port,
        protocol: t.protocol,
        listens: true,
        reason: `outside address ${t.address}: no flow of ${m.id.label} allows it`,
        source: t.source,
      };
      const cannot = protocolProblem(env.profile, t.protocol);
      if (cannot) d.cannotCheck = cannot;
      outside.push(d);
    }
  }

  return [
    serviceCursor(reverse),
    new PairCursor(services, declared, true),
    new PairCursor(services, declared, false),
    serviceCursor(undeclaredPorts),
    draftCursor(outside),
  ];
}

/** What the picker asks of the judge: the verdict after the deploy, and the whole check. */
export interface NegativeJudge {
  expectAfter(d: Draft): Reachability;
  check(d: Draft): ProbeCheck;
}

/**
 * Takes candidates round-robin across the kinds: each connection not planned yet that the
 * policies being deployed block, up to the caps. Plans what it takes; counts the candidates
 * the caps left out.
 */
export function pickNegatives(
  kinds: CandidateCursor[],
  judge: NegativeJudge,
  planned: PlannedConnections,
  caps: PlanCaps,
): { checks: ProbeCheck[]; omitted: number } {
  const checks: ProbeCheck[] = [];
  const perSource = new Map<string, number>();
  let omitted = 0;
  const exhausted = new Set<CandidateCursor>();
  while (exhausted.size < kinds.length) {
    // Past the cap, every candidate not planned is left out: counted, no longer taken in turn.
    if (checks.length >= caps.negative) {
      for (const kind of kinds) if (!exhausted.has(kind)) omitted += kind.countUnplanned(planned);
      break;
    }
    for (const kind of kinds) {
      if (exhausted.has(kind)) continue;
      if (!kind.next()) {
        exhausted.add(kind);
        continue;
      }
      const source = kind.source();
      const target = kind.target();
      if (planned.has(source, target)) continue;
      const pod = kind.pod();
      if (checks.length >= caps.negative || (perSource.get(pod) ?? 0) >= caps.negativePerSource) {
        omitted++;
        continue;
      }
      const d = kind.draft();
      if (judge.expectAfter(d) !== "blocked") continue;
      planned.add(source, target);
      checks.push(judge.check(d));
      perSource.set(pod, (perSource.get(pod) ?? 0) + 1);
    }
  }
  return { checks, omitted };
}
