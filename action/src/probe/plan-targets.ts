/**
 * The checks the intent asks for, with their targets:
 *
 * - every declared flow, from its caller's identity to the callee's running pods on each
 *   declared port (named ports resolved on the destination pod), or to the probe targets
 *   inside a declared CIDR;
 * - DNS from every managed namespace to the cluster DNS, over UDP and over TCP.
 *
 * A check that cannot be made is kept, with why.
 */
import type { Endpoint, EnvironmentIntent, FlowPort, Protocol, Service } from "../intent/model.js";
import type { CniProfile } from "../cni/profiles.js";
import { compareStrings as cmp } from "../compile/canonical.js";
import { cidrContains, parseCidr, parseIp, representativeAddress } from "../k8s/ip.js";
import type { CannotCheck, Draft } from "./plan-draft.js";
import { labelsText, sourceOf, type Identities } from "./plan-identities.js";
import { pickPods, podTarget, type LiveInventory, type LivePod } from "./plan-inventory.js";
import type { CheckKind, CheckSource, CheckTarget } from "./types.js";

/** The declared caller-callee pairs, by identity label ("ns/a", "ns:b") and destination label. */
export class DeclaredPairs {
  private readonly callees = new Map<string, Set<string>>();

  add(caller: string, callee: string): void {
    const set = this.callees.get(caller);
    if (set) set.add(callee);
    else this.callees.set(caller, new Set([callee]));
  }

  has(caller: string, callee: string): boolean {
    return this.callees.get(caller)?.has(callee) ?? false;
  }

  calleesOf(caller: string): ReadonlySet<string> | undefined {
    return this.callees.get(caller);
  }
}

/** The declared flows' checks, and their caller-callee pairs. */
export interface DeclaredChecks {
  drafts: Draft[];
  pairs: DeclaredPairs;
}

/** SCTP on a profile that does not enforce it cannot be checked. */
export function protocolProblem(profile: CniProfile, protocol: Protocol): CannotCheck | undefined {
  return protocol === "SCTP" && !profile.sctpSupported
    ? {
        reason: "protocol-unsupported",
        message: `SCTP: ${profile.notes["sctp"] ?? `the ${profile.name} profile does not enforce SCTP`}`,
      }
    : undefined;
}

export function noSourceNamespace(namespace: string): CannotCheck {
  return {
    reason: "no-source-namespace",
    message: `namespace ${namespace} does not exist in the cluster: no probe pod can run there`,
  };
}

export function declaredChecks(
  env: EnvironmentIntent,
  cluster: LiveInventory,
  identities: Identities,
): DeclaredChecks {
  const drafts: Draft[] = [];
  const pairs = new DeclaredPairs();
  for (const flow of env.flows) {
    const fromId = identities.ofEndpoint(flow.from);
    const toLabel = endpointLabel(flow.to);
    if (fromId) pairs.add(fromId.label, toLabel);
    const from: CheckSource | undefined = fromId
      ? sourceOf(fromId)
      : flow.from.kind === "cidr"
        ? { namespace: "", labels: {}, outside: flow.from.cidr }
        : undefined;
    if (!from) continue;
    const sourceProblem: CannotCheck | undefined = fromId
      ? cluster.namespaces.has(fromId.namespace)
        ? undefined
        : noSourceNamespace(fromId.namespace)
      : {
          reason: "outside-source",
          message: `the flow comes from ${flow.from.kind === "cidr" ? flow.from.cidr : "outside"}; probes run inside the cluster`,
        };
    /** A check of this flow; `judgeTo` absent or `cannot` given: it cannot be made. */
    const draft = (
      kind: CheckKind,
      to: CheckTarget,
      port: number,
      protocol: Protocol,
      judgeTo: string | undefined,
      cannot: CannotCheck | undefined,
      portName?: string,
    ): Draft => {
      const d: Draft = {
        kind,
        from,
        to,
        toLabels: [toLabel],
        port,
        protocol,
        reason: `declared: ${flow.text}`,
        source: flow.source,
      };
      if (fromId) d.identity = fromId;
      if (judgeTo !== undefined) d.judgeTo = judgeTo;
      if (portName !== undefined) d.portName = portName;
      if (cannot) d.cannotCheck = cannot;
      return d;
    };

    if (flow.to.kind === "cidr" || flow.to.kind === "fqdn") {
      const to = flow.to;
      for (const fp of flow.ports.length > 0 ? flow.ports : [{ protocol: "TCP" as Protocol }]) {
        const targets = to.kind === "cidr" ? targetsIn(env, to.cidr, to.except, fp) : [];
        if (targets.length === 0) {
          const cidr = to.kind === "cidr" ? parseCidr(to.cidr) : undefined;
          const ip = cidr ? representativeAddress(cidr)?.text : undefined;
          const target = to.kind === "cidr" ? { ip: ip ?? toLabel, cidr: toLabel } : { dns: to.fqdn };
          const noTarget: CannotCheck = {
            reason: "no-probe-target",
            message:
              to.kind === "cidr"
                ? `no probe target answers inside ${toLabel}${fp.port !== undefined ? ` on ${fp.port}/${fp.protocol}` : ""}: add one under probe: targets`
                : `${to.fqdn} is a name outside the intent's addresses: FQDN egress is not probed`,
          };
          drafts.push(
            draft("external", target, fp.port ?? 0, fp.protocol, undefined, sourceProblem ?? noTarget),
          );
          continue;
        }
        for (const t of targets) {
          const cannot = sourceProblem ?? protocolProblem(env.profile, t.protocol);
          const target = { ip: t.address, cidr: toLabel };
          const d = draft("external", target, t.port, t.protocol, t.address, cannot);
          d.listens = true;
          drafts.push(d);
        }
      }
      continue;
    }

    // A service or a namespace as the callee.
    const callee =
      flow.to.kind === "service"
        ? {
            namespace: flow.to.namespace,
            labels: identities.service(toLabel)?.labels,
            service: flow.to.service,
          }
        : { namespace: flow.to.namespace, labels: flow.to.podLabels, service: undefined };
    const calleeService = flow.to.kind === "service" ? identities.service(toLabel) : undefined;
    const pods = pickPods(cluster.podsOf(callee.namespace, callee.labels));
    for (const fp of flow.ports.length > 0 ? flow.ports : [{ protocol: "TCP" as Protocol } as FlowPort]) {
      const problem = sourceProblem ?? protocolProblem(env.profile, fp.protocol);
      if (pods.length === 0) {
        const target = { namespace: callee.namespace, pod: `(no running pod of ${toLabel})` };
        const noPod: CannotCheck = {
          reason: "no-running-pod",
          message: `no running pod of ${toLabel} in the cluster`,
        };
        drafts.push(
          draft("declared", target, fp.port ?? 0, fp.protocol, undefined, problem ?? noPod, fp.name),
        );
        continue;
      }
      for (const pod of pods) {
        const listening = listeningPorts(calleeService, pod);
        const rejects = env.profile.denials === "reject";
        for (const port of rejects
          ? aimAtListeners(fp, resolvePorts(fp, pod), listening)
          : resolvePorts(fp, pod)) {
          const listens = listening.has(`${port.port}/${port.protocol}`);
          const udpProblem: CannotCheck | undefined =
            port.protocol === "UDP"
              ? {
                  reason: "udp-no-reply",
                  message: `UDP ${port.port}: ${toLabel} is not known to reply, and a UDP probe proves nothing without a reply`,
                }
              : undefined;
          const portProblem: CannotCheck | undefined =
            port.port === 0
              ? {
                  reason: "unresolved-port",
                  message: fp.name
                    ? `pod ${pod.key} declares no container port named ${fp.name}`
                    : `pod ${pod.key} declares no ${fp.protocol} container port to probe`,
                }
              : undefined;
          // Where denials are rejected, a refusal is what a denial looks like: only a port
          // something listens on tells them apart.
          const listenerProblem: CannotCheck | undefined =
            rejects && !listens && port.port !== 0
              ? {
                  reason: "no-listener",
                  message: `nothing is declared to listen on ${port.port}/${port.protocol} at ${pod.key}: ${env.profile.name} rejects denied connections, so a refusal there cannot tell a denial from a closed port (declare the port on the service, or as a container port)`,
                }
              : undefined;
          const target = podTarget(pod, callee.service);
          const cannot = problem ?? portProblem ?? udpProblem ?? listenerProblem;
          const d = draft("declared", target, port.port, port.protocol, pod.key, cannot, port.name);
          d.listens = listens;
          drafts.push(d);
        }
      }
    }
  }
  return { drafts, pairs };
}

/** What reports and the diff call a flow's destination: "ns/service", "ns:ns", the CIDR, the name. */
function endpointLabel(e: Endpoint): string {
  switch (e.kind) {
    case "service":
      return `${e.namespace}/${e.service}`;
    case "namespace":
      return `ns:${e.namespace}`;
    case "cidr":
      return e.except.length > 0 ? `${e.cidr} except ${[...e.except].sort().join(", ")}` : e.cidr;
    case "fqdn":
      return e.fqdn;
  }
}

/** DNS over UDP and over TCP from every managed namespace, as its first service (by name). */
export function dnsChecks(
  env: EnvironmentIntent,
  cluster: LiveInventory,
  identities: Identities,
  dnsName: string,
): Draft[] {
  const drafts: Draft[] = [];
  const dnsPod = cluster.podsOf(env.dns.namespace, env.dns.podLabels)[0];
  const dnsServer = cluster.dnsServiceAddress(env.dns.namespace, env.dns.podLabels);
  for (const ns of env.namespaces.filter((n) => n.managed)) {
    const svc = [...ns.services].sort((a, b) => cmp(a.name, b.name))[0];
    const id = svc ? identities.ofService(ns.name, svc) : identities.get(ns.name, {}, `ns:${ns.name}`);
    for (const protocol of ["UDP", "TCP"] as const) {
      const cannot: CannotCheck | undefined = !cluster.namespaces.has(ns.name)
        ? noSourceNamespace(ns.name)
        : !dnsPod
          ? {
              reason: "no-running-pod",
              message: `no running DNS pod (${labelsText(env.dns.podLabels)}) in ${env.dns.namespace}`,
            }
          : undefined;
      drafts.push({
        kind: "dns",
        identity: id,
        from: sourceOf(id),
        to: { dns: dnsName, ...(dnsServer ? { server: dnsServer } : {}) },
        toLabels: [`${env.dns.namespace}/${env.dns.podLabels["k8s-app"] ?? "dns"}`],
        ...(dnsPod ? { judgeTo: dnsPod.key } : {}),
        port: 53,
        protocol,
        listens: true,
        reason: `DNS over ${protocol} from ${ns.name} to the cluster DNS in ${env.dns.namespace}`,
        ...(cannot ? { cannotCheck: cannot } : {}),
        source: ns.source,
      });
    }
  }
  return drafts;
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

/**
 * The ports something is declared to listen on at a pod, as "port/PROTOCOL": the single
 * ports its service declares in the intent, and the pod's container ports.
 */
export function listeningPorts(service: Service | undefined, pod: LivePod): Set<string> {
  const out = new Set<string>();
  for (const p of service?.ports ?? []) if (p.endPort === undefined) out.add(`${p.port}/${p.protocol}`);
  for (const p of pod.ports) out.add(`${p.containerPort}/${p.protocol}`);
  return out;
}

/**
 * The ports of a flow port range to check where denials are rejected: the lowest and the
 * highest port inside it that something listens on, instead of the range's ends (where
 * nothing may listen); the ends when none does (a planned cannot-check then says why).
 */
function aimAtListeners(
  fp: FlowPort,
  resolved: { port: number; protocol: Protocol; name?: string }[],
  listening: Set<string>,
): { port: number; protocol: Protocol; name?: string }[] {
  if (fp.port === undefined || fp.endPort === undefined || fp.endPort === fp.port) return resolved;
  const inside = [...listening]
    .map((key) => key.split("/"))
    .filter(([, protocol]) => protocol === fp.protocol)
    .map(([port]) => Number(port))
    .filter((port) => port >= (fp.port as number) && port <= (fp.endPort as number))
    .sort((a, b) => a - b);
  if (inside.length === 0) return resolved;
  return [...new Set([inside[0] as number, inside.at(-1) as number])].map((port) => ({
    port,
    protocol: fp.protocol,
  }));
}

/** The intent's probe targets inside a CIDR (outside its except ranges) matching a flow port. */
export function targetsIn(
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
