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
 * block it, up to the caps in total and per source.
 */
import type { EnvironmentIntent, Endpoint, Protocol, Service } from "../intent/model.js";
import { compareStrings as cmp } from "../compile/canonical.js";
import { connectionKey, type Draft } from "./plan-draft.js";
import { sourceOf, type Identities, type Identity } from "./plan-identities.js";
import { podTarget, type LiveInventory } from "./plan-inventory.js";
import { protocolProblem, targetsIn } from "./plan-targets.js";
import type { PlanCaps, ProbeCheck } from "./types.js";

interface ManagedService {
  ns: string;
  svc: Service;
  id: Identity;
}

/** The candidates of each kind, in order. `declaredPairs`: "ns/a->ns/b" of declared flows. */
export function negativeCandidates(
  env: EnvironmentIntent,
  cluster: LiveInventory,
  identities: Identities,
  declaredPairs: Set<string>,
): Draft[][] {
  const candidates: Draft[][] = [[], [], [], []];
  const managedServices: ManagedService[] = env.namespaces
    .filter((n) => n.managed)
    .flatMap((ns) =>
      [...ns.services]
        .sort((a, b) => cmp(a.name, b.name))
        .map((s) => ({ ns: ns.name, svc: s, id: identities.ofService(ns.name, s) })),
    );
  const findService = (e: Endpoint): ManagedService | undefined =>
    e.kind === "service"
      ? managedServices.find((m) => m.ns === e.namespace && m.svc.name === e.service)
      : undefined;
  const firstPort = (s: Service): { port: number; protocol: Protocol } | undefined => {
    const p = s.ports.find((x) => x.protocol === "TCP");
    return p ? { port: p.port, protocol: "TCP" } : undefined;
  };
  const negativeTo = (
    target: { ns: string; svc: Service },
    port: number,
    reason: string,
    id: Identity,
  ): Draft | undefined => {
    const pod = cluster.podsOf(target.ns, target.svc.labels)[0];
    if (!pod || !cluster.namespaces.has(id.namespace)) return undefined;
    return {
      kind: "negative",
      identity: id,
      from: sourceOf(id),
      to: podTarget(pod, target.svc.name),
      toLabels: [`${target.ns}/${target.svc.name}`],
      judgeTo: pod.key,
      port,
      protocol: "TCP",
      reason,
      source: target.svc.source,
    };
  };
  // (0) the reverse of declared service-to-service flows
  for (const flow of env.flows) {
    if (flow.from.kind !== "service" || flow.to.kind !== "service") continue;
    const caller = findService(flow.from);
    const callee = findService(flow.to);
    if (!caller || !callee || caller === callee) continue;
    if (declaredPairs.has(`${callee.id.label}->${caller.id.label}`)) continue;
    const port = firstPort(caller.svc)?.port ?? flow.ports.find((p) => p.port !== undefined)?.port;
    if (port === undefined) continue;
    const d = negativeTo(caller, port, `reverse of declared ${flow.text}`, callee.id);
    if (d) candidates[0]!.push(d);
  }
  // (1) undeclared pairs inside a namespace, (2) across namespaces
  for (const a of managedServices) {
    for (const b of managedServices) {
      if (a === b || declaredPairs.has(`${a.id.label}->${b.id.label}`)) continue;
      const port = firstPort(b.svc)?.port;
      if (port === undefined) continue;
      const same = a.ns === b.ns;
      const d = negativeTo(
        b,
        port,
        same
          ? `undeclared: ${a.svc.name} -> ${b.svc.name} in ${a.ns}`
          : `undeclared: ${a.id.label} -> ${b.id.label}`,
        a.id,
      );
      if (d) candidates[same ? 1 : 2]!.push(d);
    }
  }
  // (3) an undeclared port of a declared callee
  const mentioned = new Set<number>();
  for (const ns of env.namespaces)
    for (const s of ns.services) for (const p of s.ports) mentioned.add(p.port);
  let spare = 81;
  while (mentioned.has(spare)) spare++;
  for (const flow of env.flows) {
    if (flow.from.kind !== "service" || flow.to.kind !== "service") continue;
    const caller = findService(flow.from);
    const callee = findService(flow.to);
    if (!caller || !callee) continue;
    const allowedPorts = env.flows
      .filter(
        (f) =>
          identities.ofEndpoint(f.from)?.label === caller.id.label &&
          f.to.kind === "service" &&
          `${f.to.namespace}/${f.to.service}` === callee.id.label,
      )
      .flatMap((f) => f.ports);
    const covered = (port: number): boolean =>
      allowedPorts.some(
        (p) =>
          p.protocol === "TCP" && (p.port === undefined || (port >= p.port && port <= (p.endPort ?? p.port))),
      );
    const other = callee.svc.ports.find((p) => p.protocol === "TCP" && !covered(p.port))?.port ?? spare;
    if (covered(other)) continue;
    const d = negativeTo(
      callee,
      other,
      `undeclared port ${other} of declared callee (${flow.text})`,
      caller.id,
    );
    if (d) candidates[3]!.push(d);
  }
  // (4) probe targets, from every managed service (their expectation decides declared or not)
  const externalCandidates: Draft[] = [];
  for (const t of env.probeTargets ?? []) {
    for (const m of managedServices) {
      if (!cluster.namespaces.has(m.ns)) continue;
      const declared = env.flows.some(
        (f) =>
          identities.ofEndpoint(f.from)?.label === m.id.label &&
          f.to.kind === "cidr" &&
          targetsIn(env, f.to.cidr, f.to.except, undefined).some((x) => x.address === t.address),
      );
      if (declared) continue;
      const cannot = protocolProblem(env.profile, t.protocol);
      externalCandidates.push({
        kind: "external",
        identity: m.id,
        from: sourceOf(m.id),
        to: { ip: t.address },
        toLabels: [],
        judgeTo: t.address,
        port: t.port,
        protocol: t.protocol,
        reason: `outside address ${t.address}: no flow of ${m.id.label} allows it`,
        source: t.source,
        ...(cannot ? { cannotCheck: cannot } : {}),
      });
    }
  }
  candidates.push(externalCandidates);
  return candidates;
}

/**
 * Takes candidates round-robin across the kinds: each connection not `planned` yet that the
 * policies being deployed block, up to the caps. Adds what it takes to `planned`; counts the
 * candidates the caps left out.
 */
export function pickNegatives(
  candidates: Draft[][],
  judge: (d: Draft) => ProbeCheck,
  planned: Set<string>,
  caps: PlanCaps,
): { checks: ProbeCheck[]; omitted: number } {
  const checks: ProbeCheck[] = [];
  const perSource = new Map<string, number>();
  let omitted = 0;
  // One cursor per kind (Array.shift would make this quadratic in the candidates).
  const cursors = candidates.map(() => 0);
  while (candidates.some((q, k) => (cursors[k] ?? 0) < q.length)) {
    for (let k = 0; k < candidates.length; k++) {
      const d = candidates[k]?.[cursors[k] ?? 0];
      cursors[k] = (cursors[k] ?? 0) + 1;
      if (!d) continue;
      if (planned.has(connectionKey(d))) continue;
      const sourceKey = d.identity?.pod ?? "";
      if (checks.length >= caps.negative || (perSource.get(sourceKey) ?? 0) >= caps.negativePerSource) {
        omitted++;
        continue;
      }
      const c = judge(d);
      if (c.expect !== "blocked") continue;
      planned.add(connectionKey(d));
      checks.push(c);
      perSource.set(sourceKey, (perSource.get(sourceKey) ?? 0) + 1);
    }
  }
  return { checks, omitted };
}
