/**
 * The probe plan (pure, deterministic): what to check after a deploy and what each check
 * should show, from the environment's intent, the live inventory, the policies deployed
 * before and the policies being deployed.
 *
 * - every declared flow, to the callee's running pods, on each declared port (named ports
 *   resolved on the destination pod): the expected verdict is the semantics engine's;
 * - negative checks up to a cap, chosen in a fixed order and round-robin across their kinds:
 *   the reverse of declared flows, undeclared pairs inside and across managed namespaces, an
 *   undeclared port of a declared callee, probe targets no flow allows;
 * - DNS from every managed namespace to the cluster DNS, over UDP and over TCP;
 * - a check that cannot be made is kept, as `cannot-check` with its reason.
 *
 * Each check is judged on the live inventory plus the probe pods themselves (the caller's
 * namespace and labels), once with the policies being deployed and once with those before.
 */
import type { EnvironmentIntent, Endpoint, FlowPort, Protocol, Service } from "../intent/model.js";
import type { Namespace, NetworkPolicy, Pod, ServiceObject } from "../k8s/types.js";
import type { FlowChange, SemanticDiff } from "../semantics/contracts.js";
import type { CiliumPolicyInput, Model, PolicyInput } from "../semantics/model.js";
import type { CiliumNetworkPolicy } from "../k8s/types.js";
import type { Reachability } from "../semantics/reachability.js";
import { buildModel } from "../semantics/model.js";
import { evaluate, type DirectionVerdict, type Verdict } from "../semantics/evaluate.js";
import { formatPolicy } from "../semantics/explain.js";
import { cidrContains, parseCidr, parseIp, representativeAddress } from "../semantics/ip.js";
import { selectorMatches } from "../semantics/selector.js";
import {
  buildProbePod,
  buildRunObject,
  PROBE_LABEL,
  probePodLabels,
  type ProbeIdentity,
  type ProbeRun,
} from "./pod.js";
import {
  DEFAULT_REPROBE_POLICY,
  type CheckKind,
  type CheckSource,
  type CheckTarget,
  type PlanCaps,
  type PlannedCannotCheckReason,
  type ProbeCheck,
  type ProbePlan,
  type ProbePodOptions,
  type ReprobePolicy,
} from "./types.js";

export const DEFAULT_PLAN_CAPS: PlanCaps = { negative: 200, negativePerSource: 20 };

/** Running pods of a callee probed per declared port (distinct policy groups first). */
export const PODS_PER_DESTINATION = 2;

/** The name every DNS check resolves; any name the cluster DNS answers for will do. */
export const DEFAULT_DNS_NAME = "kubernetes.default.svc.cluster.local";

export interface PolicySetInput {
  policies: (NetworkPolicy | PolicyInput)[];
  ciliumPolicies?: (CiliumNetworkPolicy | CiliumPolicyInput)[];
}

export interface PlanInventory {
  namespaces: Namespace[];
  pods: Pod[];
  services: ServiceObject[];
}

export interface PlanInput {
  environment: EnvironmentIntent;
  /** The live inventory (or the intent's synthetic one, for a preview). */
  inventory: PlanInventory;
  /** The policies in force once the deploy is done. */
  after: PolicySetInput;
  /** The policies in force before it (the live ones). */
  before: PolicySetInput;
  /** The semantic diff of the change: a changed verdict it lists is an intended change. */
  diff?: SemanticDiff;
  run?: Partial<ProbeRun>;
  caps?: Partial<PlanCaps>;
  pods?: Partial<ProbePodOptions>;
  reprobe?: Partial<ReprobePolicy>;
  /** The name DNS checks resolve. Default DEFAULT_DNS_NAME. */
  dnsName?: string;
}

// --- inventory helpers ------------------------------------------------------------------------

interface LivePod {
  namespace: string;
  name: string;
  key: string;
  labels: Record<string, string>;
  address?: string;
  ports: { name?: string; containerPort: number; protocol: Protocol }[];
}

function phaseOf(pod: Pod): string | undefined {
  const status = pod.status as { phase?: unknown } | undefined;
  return typeof status?.phase === "string" ? status.phase : undefined;
}

/**
 * A pod that can answer: phase Running (or no phase, as in the intent's synthetic inventory),
 * not being deleted (a pod keeps phase Running through its grace period), and no probe pod:
 * probe pods carry their caller's labels, but answer on no port and go away with their run.
 */
function runningPods(pods: Pod[]): LivePod[] {
  const out: LivePod[] = [];
  for (const pod of pods) {
    const phase = phaseOf(pod);
    if (phase !== undefined && phase !== "Running") continue;
    if (pod.metadata?.deletionTimestamp) continue;
    if (pod.metadata?.labels?.[PROBE_LABEL] !== undefined) continue;
    const namespace = pod.metadata?.namespace;
    const name = pod.metadata?.name;
    if (!namespace || !name) continue;
    const ips = (pod.status?.podIPs ?? []).map((p) => p?.ip).filter((ip): ip is string => !!ip);
    const address = ips[0] ?? (pod.status?.podIP || undefined);
    const ports = (pod.spec?.containers ?? []).flatMap((c) =>
      (c?.ports ?? []).map((p) => ({
        ...(p.name !== undefined ? { name: p.name } : {}),
        containerPort: p.containerPort,
        protocol: p.protocol ?? "TCP",
      })),
    );
    out.push({
      namespace,
      name,
      key: `${namespace}/${name}`,
      labels: pod.metadata.labels ?? {},
      ...(address ? { address } : {}),
      ports,
    });
  }
  return out.sort((a, b) => cmp(a.key, b.key));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** FNV-1a, 32 bits, as 8 hex digits: short stable names. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

function labelsText(labels: Record<string, string>): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(",");
}

// --- identities -------------------------------------------------------------------------------

interface Identity extends ProbeIdentity {
  /** What reports and diffs call it: "ns/service" or "ns:namespace". */
  label: string;
  service?: string;
}

class Identities {
  private readonly byKey = new Map<string, Identity>();
  constructor(private readonly runId: string) {}

  get(namespace: string, labels: Record<string, string>, label: string, service?: string): Identity {
    const key = `${namespace}\u0000${labelsText(labels)}`;
    let id = this.byKey.get(key);
    if (!id) {
      const slug = (service ?? namespace)
        .replace(/[^a-z0-9-]/g, "-")
        .slice(0, 24)
        .replace(/-+$/, "");
      const pod = `np-probe-${slug}-${hash(`${this.runId}\u0000${key}`)}`;
      id = { namespace, labels, pod, label, ...(service !== undefined ? { service } : {}) };
      this.byKey.set(key, id);
    }
    return id;
  }

  all(): Identity[] {
    return [...this.byKey.values()].sort((a, b) => cmp(a.namespace, b.namespace) || cmp(a.pod, b.pod));
  }
}

// --- expectations -----------------------------------------------------------------------------

function reach(v: Verdict): Reachability {
  return v.allowed ? "allowed" : "blocked";
}

function directionWhy(d: DirectionVerdict): string | undefined {
  if (d.outcome === "allowed")
    return `${d.direction} allowed by ${d.allowedBy.map((r) => `${r.namespace}/${r.policy}[${r.ruleIndex}]`).join(", ")}`;
  if (d.outcome === "denied")
    return `${d.direction} isolated by ${d.isolatedBy.map(formatPolicy).join(", ")}`;
  return undefined;
}

/** The rule or isolation behind a verdict, one short line. */
function because(v: Verdict): string {
  const parts = v.allowed
    ? [directionWhy(v.egress), directionWhy(v.ingress)]
    : [
        v.egress.allowed ? undefined : directionWhy(v.egress),
        v.ingress.allowed ? undefined : directionWhy(v.ingress),
      ];
  const text = parts.filter((p): p is string => p !== undefined).join("; ");
  return text !== "" ? text : "no policy isolates either side";
}

function portCovers(label: string, port: number): boolean {
  if (label === "*") return true;
  const m = /^(\d+)(?:-(\d+))?$/.exec(label);
  if (!m) return false;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  return port >= lo && port <= hi;
}

/** Whether the diff lists this connection's change (added when it opens, removed when it closes). */
function changeListed(
  changes: FlowChange[],
  from: string,
  to: string[],
  port: number,
  protocol: Protocol,
  opens: boolean,
): boolean {
  return changes.some(
    (c) =>
      c.change === (opens ? "added" : "removed") &&
      c.from === from &&
      to.includes(c.to) &&
      c.protocol === protocol &&
      portCovers(c.port, port),
  );
}

// --- the planner ------------------------------------------------------------------------------

interface Draft {
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
  cannotCheck?: { reason: PlannedCannotCheckReason; message: string };
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

function checkId(d: Draft): string {
  return `${d.kind}:${sourceText(d)}->${targetText(d)}:${d.port}/${d.protocol}`;
}

const KIND_ORDER: Record<CheckKind, number> = { declared: 0, dns: 1, external: 2, negative: 3 };

/** Builds the plan. Deterministic: the same inputs give the same plan, byte for byte. */
export function buildProbePlan(input: PlanInput): ProbePlan {
  const env = input.environment;
  const profile = env.profile;
  const run: ProbeRun = {
    id: input.run?.id ?? "plan",
    environment: input.run?.environment ?? env.name,
  };
  const caps: PlanCaps = { ...DEFAULT_PLAN_CAPS, ...input.caps };
  const reprobe: ReprobePolicy = { ...DEFAULT_REPROBE_POLICY, ...input.reprobe };
  const dnsName = input.dnsName ?? DEFAULT_DNS_NAME;
  const warnings: string[] = [];

  const live = runningPods(input.inventory.pods);
  const podsByNamespace = new Map<string, LivePod[]>();
  for (const p of live) {
    const list = podsByNamespace.get(p.namespace);
    if (list) list.push(p);
    else podsByNamespace.set(p.namespace, [p]);
  }
  const existingNamespaces = new Set(
    input.inventory.namespaces.map((n) => n.metadata?.name).filter((n): n is string => !!n),
  );
  for (const p of input.inventory.pods)
    if (p.metadata?.namespace) existingNamespaces.add(p.metadata.namespace);
  const identities = new Identities(run.id);
  const managed = env.namespaces.filter((n) => n.managed);
  const servicesByKey = new Map<string, Service>();
  for (const ns of env.namespaces) for (const s of ns.services) servicesByKey.set(`${ns.name}/${s.name}`, s);

  const podsMemo = new Map<string, LivePod[]>();
  const podsOf = (namespace: string, labels: Record<string, string> | undefined): LivePod[] => {
    const key = `${namespace}\u0000${labels === undefined ? "*" : labelsText(labels)}`;
    let pods = podsMemo.get(key);
    if (!pods) {
      pods = (podsByNamespace.get(namespace) ?? []).filter(
        (p) => labels === undefined || selectorMatches({ matchLabels: labels }, p.labels),
      );
      podsMemo.set(key, pods);
    }
    return pods;
  };

  const identityOf = (e: Endpoint): Identity | undefined => {
    if (e.kind === "service") {
      const svc = servicesByKey.get(`${e.namespace}/${e.service}`);
      if (!svc) return undefined;
      return identities.get(e.namespace, svc.labels, `${e.namespace}/${e.service}`, e.service);
    }
    if (e.kind === "namespace") return identities.get(e.namespace, e.podLabels ?? {}, `ns:${e.namespace}`);
    return undefined;
  };

  const drafts: Draft[] = [];
  const fromOf = (id: Identity): CheckSource => ({
    namespace: id.namespace,
    labels: id.labels,
    pod: id.pod,
    ...(id.service !== undefined ? { service: id.service } : {}),
  });

  /** Up to PODS_PER_DESTINATION pods, one per distinct label set first. */
  const pickPods = (pods: LivePod[]): LivePod[] => {
    const seen = new Set<string>();
    const first: LivePod[] = [];
    const rest: LivePod[] = [];
    for (const p of pods) {
      const key = labelsText(p.labels);
      if (seen.has(key)) rest.push(p);
      else {
        seen.add(key);
        first.push(p);
      }
    }
    return [...first, ...rest].slice(0, PODS_PER_DESTINATION);
  };

  const podTarget = (p: LivePod, service?: string): CheckTarget => ({
    namespace: p.namespace,
    pod: p.name,
    ...(p.address !== undefined ? { address: p.address } : {}),
    ...(service !== undefined ? { service } : {}),
  });

  const protocolProblem = (protocol: Protocol): Draft["cannotCheck"] =>
    protocol === "SCTP" && !profile.sctpSupported
      ? {
          reason: "protocol-unsupported",
          message: `SCTP: ${profile.notes["sctp"] ?? `the ${profile.name} profile does not enforce SCTP`}`,
        }
      : undefined;

  // --- declared flows ---------------------------------------------------------------------------
  const declaredPairs = new Set<string>();
  for (const flow of env.flows) {
    const fromId = identityOf(flow.from);
    const toLabel =
      flow.to.kind === "service"
        ? `${flow.to.namespace}/${flow.to.service}`
        : flow.to.kind === "namespace"
          ? `ns:${flow.to.namespace}`
          : flow.to.kind === "cidr"
            ? flow.to.except.length > 0
              ? `${flow.to.cidr} except ${[...flow.to.except].sort().join(", ")}`
              : flow.to.cidr
            : flow.to.fqdn;
    if (fromId) declaredPairs.add(`${fromId.label}->${toLabel}`);
    const base = {
      kind: "declared" as CheckKind,
      reason: `declared: ${flow.text}`,
      source: flow.source,
    };
    const source: CheckSource | undefined = fromId
      ? fromOf(fromId)
      : flow.from.kind === "cidr"
        ? { namespace: "", labels: {}, outside: flow.from.cidr }
        : undefined;
    if (!source) continue;
    const sourceProblem: Draft["cannotCheck"] = fromId
      ? existingNamespaces.has(fromId.namespace)
        ? undefined
        : {
            reason: "no-source-namespace",
            message: `namespace ${fromId.namespace} does not exist in the cluster: no probe pod can run there`,
          }
      : {
          reason: "outside-source",
          message: `the flow comes from ${flow.from.kind === "cidr" ? flow.from.cidr : "outside"}; probes run inside the cluster`,
        };

    if (flow.to.kind === "cidr" || flow.to.kind === "fqdn") {
      const to = flow.to;
      for (const fp of flow.ports.length > 0 ? flow.ports : [{ protocol: "TCP" as Protocol }]) {
        const targets =
          to.kind === "cidr"
            ? targetsIn(env, to.cidr, to.except, fp)
            : ([] as { address: string; port: number; protocol: Protocol }[]);
        if (targets.length === 0) {
          const cidr = to.kind === "cidr" ? parseCidr(to.cidr) : undefined;
          const ip = cidr ? representativeAddress(cidr)?.text : undefined;
          drafts.push({
            ...base,
            kind: "external",
            ...(fromId ? { identity: fromId } : {}),
            from: source,
            to: to.kind === "cidr" ? { ip: ip ?? toLabel, cidr: toLabel } : { dns: to.fqdn },
            toLabels: [toLabel],
            port: fp.port ?? 0,
            protocol: fp.protocol,
            cannotCheck: sourceProblem ?? {
              reason: "no-probe-target",
              message:
                to.kind === "cidr"
                  ? `no probe target answers inside ${toLabel}${fp.port !== undefined ? ` on ${fp.port}/${fp.protocol}` : ""}: add one under probe: targets`
                  : `${to.fqdn} is a name outside the intent's addresses: FQDN egress is not probed`,
            },
          });
          continue;
        }
        for (const t of targets) {
          drafts.push({
            ...base,
            kind: "external",
            ...(fromId ? { identity: fromId } : {}),
            from: source,
            to: { ip: t.address, cidr: toLabel },
            toLabels: [toLabel],
            judgeTo: t.address,
            port: t.port,
            protocol: t.protocol,
            ...(sourceProblem || protocolProblem(t.protocol)
              ? { cannotCheck: (sourceProblem ?? protocolProblem(t.protocol))! }
              : {}),
          });
        }
      }
      continue;
    }

    // A service or a namespace as the callee.
    const callee =
      flow.to.kind === "service"
        ? {
            namespace: flow.to.namespace,
            labels: servicesByKey.get(toLabel)?.labels,
            service: flow.to.service,
          }
        : { namespace: flow.to.namespace, labels: flow.to.podLabels, service: undefined };
    const pods = pickPods(podsOf(callee.namespace, callee.labels));
    for (const fp of flow.ports.length > 0 ? flow.ports : [{ protocol: "TCP" as Protocol } as FlowPort]) {
      const problem = sourceProblem ?? protocolProblem(fp.protocol);
      if (pods.length === 0) {
        drafts.push({
          ...base,
          ...(fromId ? { identity: fromId } : {}),
          from: source,
          to: { namespace: callee.namespace, pod: `(no running pod of ${toLabel})` },
          toLabels: [toLabel],
          port: fp.port ?? 0,
          protocol: fp.protocol,
          ...(fp.name !== undefined ? { portName: fp.name } : {}),
          cannotCheck: problem ?? {
            reason: "no-running-pod",
            message: `no running pod of ${toLabel} in the cluster`,
          },
        });
        continue;
      }
      for (const pod of pods) {
        for (const port of resolvePorts(fp, pod)) {
          const udpProblem: Draft["cannotCheck"] =
            port.protocol === "UDP"
              ? {
                  reason: "udp-no-reply",
                  message: `UDP ${port.port}: ${toLabel} is not known to reply, and a UDP probe proves nothing without a reply`,
                }
              : undefined;
          const portProblem: Draft["cannotCheck"] =
            port.port === 0
              ? {
                  reason: "unresolved-port",
                  message: fp.name
                    ? `pod ${pod.key} declares no container port named ${fp.name}`
                    : `pod ${pod.key} declares no ${fp.protocol} container port to probe`,
                }
              : undefined;
          const cannot = problem ?? portProblem ?? udpProblem;
          drafts.push({
            ...base,
            ...(fromId ? { identity: fromId } : {}),
            from: source,
            to: podTarget(pod, callee.service),
            toLabels: [toLabel],
            judgeTo: pod.key,
            port: port.port,
            protocol: port.protocol,
            ...(port.name !== undefined ? { portName: port.name } : {}),
            ...(cannot ? { cannotCheck: cannot } : {}),
          });
        }
      }
    }
  }

  // --- DNS from every managed namespace -----------------------------------------------------------
  const dnsPods = podsOf(env.dns.namespace, env.dns.podLabels);
  const dnsPod = dnsPods[0];
  const dnsServer = dnsServiceAddress(input.inventory.services, env.dns.namespace, env.dns.podLabels);
  for (const ns of managed) {
    const svc = [...ns.services].sort((a, b) => cmp(a.name, b.name))[0];
    const id = svc
      ? identities.get(ns.name, svc.labels, `${ns.name}/${svc.name}`, svc.name)
      : identities.get(ns.name, {}, `ns:${ns.name}`);
    for (const protocol of ["UDP", "TCP"] as const) {
      const cannot: Draft["cannotCheck"] = !existingNamespaces.has(ns.name)
        ? {
            reason: "no-source-namespace",
            message: `namespace ${ns.name} does not exist in the cluster: no probe pod can run there`,
          }
        : !dnsPod
          ? {
              reason: "no-running-pod",
              message: `no running DNS pod (${labelsText(env.dns.podLabels)}) in ${env.dns.namespace}`,
            }
          : undefined;
      drafts.push({
        kind: "dns",
        identity: id,
        from: fromOf(id),
        to: { dns: dnsName, ...(dnsServer ? { server: dnsServer } : {}) },
        toLabels: [`${env.dns.namespace}/${env.dns.podLabels["k8s-app"] ?? "dns"}`],
        ...(dnsPod ? { judgeTo: dnsPod.key } : {}),
        port: 53,
        protocol,
        reason: `DNS over ${protocol} from ${ns.name} to the cluster DNS in ${env.dns.namespace}`,
        ...(cannot ? { cannotCheck: cannot } : {}),
        source: ns.source,
      });
    }
  }

  // --- negative candidates ----------------------------------------------------------------------
  const candidates: Draft[][] = [[], [], [], []];
  const managedServices = managed.flatMap((ns) =>
    [...ns.services]
      .sort((a, b) => cmp(a.name, b.name))
      .map((s) => ({
        ns: ns.name,
        svc: s,
        id: identities.get(ns.name, s.labels, `${ns.name}/${s.name}`, s.name),
      })),
  );
  const findService = (e: Endpoint): (typeof managedServices)[number] | undefined =>
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
    const pod = podsOf(target.ns, target.svc.labels)[0];
    if (!pod || !existingNamespaces.has(id.namespace)) return undefined;
    return {
      kind: "negative",
      identity: id,
      from: fromOf(id),
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
          identityOf(f.from)?.label === caller.id.label &&
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
      if (!existingNamespaces.has(m.ns)) continue;
      const declared = env.flows.some(
        (f) =>
          identityOf(f.from)?.label === m.id.label &&
          f.to.kind === "cidr" &&
          targetsIn(env, f.to.cidr, f.to.except, undefined).some((x) => x.address === t.address),
      );
      if (declared) continue;
      externalCandidates.push({
        kind: "external",
        identity: m.id,
        from: fromOf(m.id),
        to: { ip: t.address },
        toLabels: [],
        judgeTo: t.address,
        port: t.port,
        protocol: t.protocol,
        reason: `outside address ${t.address}: no flow of ${m.id.label} allows it`,
        source: t.source,
        ...(protocolProblem(t.protocol) ? { cannotCheck: protocolProblem(t.protocol)! } : {}),
      });
    }
  }
  candidates.push(externalCandidates);

  // --- judge --------------------------------------------------------------------------------------
  const identityList = identities.all();
  const probePods: Pod[] = identityList
    .filter((id) => existingNamespaces.has(id.namespace))
    .map((id) => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { namespace: id.namespace, name: id.pod, labels: probePodLabels(id, run) },
      spec: { containers: [{ name: "probe" }] },
    }));
  const modelOf = (set: PolicySetInput): Model =>
    buildModel({
      pods: [...input.inventory.pods, ...probePods],
      namespaces: input.inventory.namespaces,
      policies: set.policies,
      ciliumPolicies: (set.ciliumPolicies ?? []).map((p) =>
        (p as CiliumPolicyInput).policy ? (p as CiliumPolicyInput) : { policy: p as CiliumNetworkPolicy },
      ),
      profile,
    });
  const after = modelOf(input.after);
  const before = modelOf(input.before);
  const changes = input.diff?.changes ?? [];

  const judge = (d: Draft): ProbeCheck => {
    const base = {
      id: checkId(d),
      kind: d.kind,
      from: d.from,
      to: d.to,
      port: d.port,
      protocol: d.protocol,
      ...(d.portName !== undefined ? { portName: d.portName } : {}),
      ...(d.source ? { source: d.source } : {}),
    };
    if (d.cannotCheck || !d.identity || d.judgeTo === undefined) {
      const cannot = d.cannotCheck ?? { reason: "no-running-pod" as const, message: "nothing to connect to" };
      return {
        ...base,
        expect: "cannot-check",
        expectBefore: "cannot-check",
        changeDeclared: false,
        reason: `${d.reason}; cannot check: ${cannot.message}`,
        cannotCheck: cannot.reason,
      };
    }
    const probe = {
      from: `${d.identity.namespace}/${d.identity.pod}`,
      to: d.judgeTo,
      port: d.port,
      protocol: d.protocol,
    };
    const va = evaluate(after, probe);
    const vb = evaluate(before, probe);
    const expect = reach(va);
    const expectBefore = reach(vb);
    const changeDeclared =
      expect !== expectBefore &&
      changeListed(changes, d.identity.label, d.toLabels, d.port, d.protocol, expect === "allowed");
    return {
      ...base,
      expect,
      expectBefore,
      changeDeclared,
      reason: d.reason,
      because: because(va),
      judgedTo: d.judgeTo,
    };
  };

  const checks: ProbeCheck[] = [];
  const seen = new Set<string>();
  const pairKey = (d: Draft): string =>
    `${d.from.namespace}/${d.from.pod ?? d.from.outside}->${targetText(d)}:${d.port}/${d.protocol}`;
  const add = (d: Draft): ProbeCheck | undefined => {
    const key = pairKey(d);
    if (seen.has(key)) return undefined;
    seen.add(key);
    const c = judge(d);
    checks.push(c);
    return c;
  };
  for (const d of drafts) add(d);

  // Negatives: only those the policies being deployed block; round-robin across the kinds.
  const perSource = new Map<string, number>();
  let negatives = 0;
  let omitted = 0;
  // One cursor per kind (Array.shift would make this quadratic in the candidates).
  const cursors = candidates.map(() => 0);
  while (candidates.some((q, k) => (cursors[k] ?? 0) < q.length)) {
    for (let k = 0; k < candidates.length; k++) {
      const d = candidates[k]?.[cursors[k] ?? 0];
      cursors[k] = (cursors[k] ?? 0) + 1;
      if (!d) continue;
      if (seen.has(pairKey(d))) continue;
      const sourceKey = d.identity?.pod ?? "";
      if (negatives >= caps.negative || (perSource.get(sourceKey) ?? 0) >= caps.negativePerSource) {
        omitted++;
        continue;
      }
      const c = judge(d);
      if (c.expect !== "blocked") continue;
      seen.add(pairKey(d));
      checks.push(c);
      negatives++;
      perSource.set(sourceKey, (perSource.get(sourceKey) ?? 0) + 1);
    }
  }

  checks.sort(
    (a, b) =>
      cmp(a.from.namespace, b.from.namespace) ||
      cmp(a.from.pod ?? a.from.outside ?? "", b.from.pod ?? b.from.outside ?? "") ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      cmp(a.id, b.id),
  );

  // --- probe pods -----------------------------------------------------------------------------------
  const byPod = new Map<string, ProbeCheck[]>();
  for (const c of checks) {
    if (c.expect === "cannot-check" || c.from.pod === undefined) continue;
    const key = `${c.from.namespace}/${c.from.pod}`;
    const list = byPod.get(key);
    if (list) list.push(c);
    else byPod.set(key, [c]);
  }
  const pods = identityList
    .filter((id) => byPod.has(`${id.namespace}/${id.pod}`))
    .map((id) => buildProbePod(id, byPod.get(`${id.namespace}/${id.pod}`) ?? [], run, input.pods));
  // A probe pod drops the pod field of checks no pod runs.
  for (const c of checks) {
    if (c.from.pod !== undefined && !byPod.has(`${c.from.namespace}/${c.from.pod}`)) {
      const { pod: _pod, ...rest } = c.from;
      c.from = rest;
    }
  }
  const runNamespaces = [...new Set(pods.map((p) => p.metadata.namespace))].sort(cmp);
  for (const svc of input.inventory.services) {
    const spec = svc.spec as
      { selector?: Record<string, string>; publishNotReadyAddresses?: boolean } | undefined;
    if (!spec?.publishNotReadyAddresses || !spec.selector || Object.keys(spec.selector).length === 0)
      continue;
    for (const p of pods) {
      if (p.metadata.namespace !== svc.metadata.namespace) continue;
      if (selectorMatches({ matchLabels: spec.selector }, p.metadata.labels))
        warnings.push(
          `Service ${svc.metadata.namespace}/${svc.metadata.name} publishes not-ready addresses and selects probe pod ${p.metadata.name}: it receives the Service's traffic while it runs`,
        );
    }
  }

  return {
    environment: env.name,
    checks,
    pods,
    runObjects: runNamespaces.map((ns) => buildRunObject(run, ns)),
    cannotCheck: checks
      .filter((c) => c.cannotCheck !== undefined)
      .map((c) => ({ checkId: c.id, reason: c.cannotCheck!, message: c.reason })),
    caps,
    omittedNegative: omitted,
    reprobe,
    warnings,
  };
}

/** The container ports a flow port names on a pod: the named port resolved there, both ends of a range. */
function resolvePorts(fp: FlowPort, pod: LivePod): { port: number; protocol: Protocol; name?: string }[] {
  if (fp.name !== undefined) {
    const named = pod.ports.find((p) => p.name === fp.name && p.protocol === fp.protocol);
    return [{ port: named?.containerPort ?? 0, protocol: fp.protocol, name: fp.name }];
  }
  if (fp.port === undefined) {
    const declared = [
      ...new Set(pod.ports.filter((p) => p.protocol === fp.protocol).map((p) => p.containerPort)),
    ].sort((a, b) => a - b);
    return declared.length > 0
      ? declared.map((port) => ({ port, protocol: fp.protocol }))
      : [{ port: 0, protocol: fp.protocol }];
  }
  const ports = fp.endPort !== undefined && fp.endPort !== fp.port ? [fp.port, fp.endPort] : [fp.port];
  return ports.map((port) => ({ port, protocol: fp.protocol }));
}

/** The intent's probe targets inside a CIDR (outside its except ranges) matching a flow port. */
function targetsIn(
  env: EnvironmentIntent,
  cidrText: string,
  except: string[],
  fp: { protocol: Protocol; port?: number; endPort?: number } | undefined,
): { address: string; port: number; protocol: Protocol }[] {
  const cidr = parseCidr(cidrText);
  if (!cidr) return [];
  const excepts = except.map(parseCidr).filter((c) => c !== undefined);
  return (env.probeTargets ?? []).filter((t) => {
    const ip = parseIp(t.address);
    if (!ip || !cidrContains(cidr, ip) || excepts.some((e) => cidrContains(e, ip))) return false;
    if (!fp) return true;
    if (t.protocol !== fp.protocol) return false;
    return fp.port === undefined || (t.port >= fp.port && t.port <= (fp.endPort ?? fp.port));
  });
}

/** The ClusterIP of the Service in front of the DNS pods, when the inventory has it. */
function dnsServiceAddress(
  services: ServiceObject[],
  namespace: string,
  podLabels: Record<string, string>,
): string | undefined {
  const candidates = services
    .filter((s) => s.metadata?.namespace === namespace)
    .filter((s) => {
      const sel = s.spec?.selector;
      return (
        sel !== undefined && Object.keys(sel).length > 0 && selectorMatches({ matchLabels: sel }, podLabels)
      );
    })
    .sort((a, b) => cmp(a.metadata.name, b.metadata.name));
  for (const s of candidates) {
    const ip = (s.spec as { clusterIP?: unknown } | undefined)?.clusterIP;
    if (typeof ip === "string" && parseIp(ip)) return ip;
  }
  return undefined;
}
