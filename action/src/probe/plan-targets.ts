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
import type { EnvironmentIntent, FlowPort, Protocol } from "../intent/model.js";
import type { CniProfile } from "../cni/profiles.js";
import { compareStrings as cmp } from "../compile/canonical.js";
import { cidrContains, parseCidr, parseIp, representativeAddress } from "../semantics/ip.js";
import type { CannotCheck, Draft } from "./plan-draft.js";
import { labelsText, sourceOf, type Identities } from "./plan-identities.js";
import { pickPods, podTarget, type LiveInventory, type LivePod } from "./plan-inventory.js";
import type { CheckKind, CheckSource } from "./types.js";

/** The declared flows' checks, and the declared caller-callee pairs ("ns/a->ns/b"). */
export interface DeclaredChecks {
  drafts: Draft[];
  pairs: Set<string>;
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
  const pairs = new Set<string>();
  for (const flow of env.flows) {
    const fromId = identities.ofEndpoint(flow.from);
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
    if (fromId) pairs.add(`${fromId.label}->${toLabel}`);
    const base = {
      kind: "declared" as CheckKind,
      reason: `declared: ${flow.text}`,
      source: flow.source,
    };
    const source: CheckSource | undefined = fromId
      ? sourceOf(fromId)
      : flow.from.kind === "cidr"
        ? { namespace: "", labels: {}, outside: flow.from.cidr }
        : undefined;
    if (!source) continue;
    const sourceProblem: CannotCheck | undefined = fromId
      ? cluster.namespaces.has(fromId.namespace)
        ? undefined
        : noSourceNamespace(fromId.namespace)
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
          const cannot = sourceProblem ?? protocolProblem(env.profile, t.protocol);
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
            ...(cannot ? { cannotCheck: cannot } : {}),
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
            labels: identities.service(toLabel)?.labels,
            service: flow.to.service,
          }
        : { namespace: flow.to.namespace, labels: flow.to.podLabels, service: undefined };
    const pods = pickPods(cluster.podsOf(callee.namespace, callee.labels));
    for (const fp of flow.ports.length > 0 ? flow.ports : [{ protocol: "TCP" as Protocol } as FlowPort]) {
      const problem = sourceProblem ?? protocolProblem(env.profile, fp.protocol);
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
  return { drafts, pairs };
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
