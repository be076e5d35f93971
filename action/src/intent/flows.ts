/**
 * Flows of one environment: each line or long form parsed, its endpoints resolved against
 * the environment's namespaces and services, its ports against the destination's declared
 * ports, and the rules every flow must meet checked (see policies/README.md, "Flows").
 */
import type { CniProfile } from "../cni/profiles.js";
import type { Endpoint, Flow, FlowPort, Protocol, Service } from "./model.js";
import { isStrictSubnet, parseCidr, type Cidr } from "./cidr.js";
import { formatRawEndpoint, parseFlowLine, parseSourceText, type RawEndpoint } from "./flow-syntax.js";
import { ref, type BuiltNamespace, type Fail, type Source } from "./namespaces.js";
import { asPortNumber, formatPort, parsePortText, parseProtocol, portRangeProblem } from "./port-syntax.js";
import { checkShape, closeMatch, describe, didYouMean } from "./shape.js";
import { asMap, asSeq, asString, get, toPlain, type PNode, type Pos } from "./tree.js";

interface ResolvedEndpoint {
  endpoint: Endpoint;
  managed: boolean;
  service?: Service;
  /** The service's port declarations had errors (already reported). */
  portsIncomplete?: boolean;
  cidr?: Cidr;
}

export function buildFlows(
  sources: Source[],
  namespaces: Map<string, BuiltNamespace>,
  profile: CniProfile | undefined,
  cniName: string,
  fail: Fail,
): Flow[] {
  const byName = new Map<string, Service[]>();
  for (const ns of namespaces.values()) {
    for (const svc of ns.services.values()) {
      const l = byName.get(svc.name) ?? [];
      l.push(svc);
      byName.set(svc.name, l);
    }
  }
  const allNames = [...new Set([...byName.keys(), ...namespaces.keys()])].sort();
  // Services some flow names, and names no service or namespace has (with where they are used).
  const used = new Set<Service>();
  const unknown = new Map<string, { pos: Pos; text: string }[]>();

  const resolveEndpoint = (raw: RawEndpoint, pos: Pos, text: string): ResolvedEndpoint | undefined => {
    switch (raw.kind) {
      case "cidr": {
        const c = parseCidr(raw.cidr);
        if (!c.ok) {
          fail(pos, `flow '${text}': ${c.message}`, c.hint);
          return undefined;
        }
        return { endpoint: { kind: "cidr", cidr: c.cidr.text, except: [] }, managed: false, cidr: c.cidr };
      }
      case "fqdn":
        return { endpoint: { kind: "fqdn", fqdn: raw.fqdn }, managed: false };
      case "name": {
        if (raw.namespace !== undefined) {
          const ns = namespaces.get(raw.namespace);
          if (!ns) {
            fail(
              pos,
              `flow '${text}': unknown namespace '${raw.namespace}'`,
              didYouMean(raw.namespace, [...namespaces.keys()]) ??
                `declare it under namespaces (managed: false if it is only a peer)`,
            );
            return undefined;
          }
          if (raw.wholeNamespace) return namespaceEndpoint(raw.namespace, ns);
          const svc = ns.services.get(raw.name);
          if (!svc) {
            fail(
              pos,
              `flow '${text}': namespace '${raw.namespace}' has no service '${raw.name}'`,
              didYouMean(raw.name, [...ns.services.keys()]),
            );
            return undefined;
          }
          used.add(svc);
          return serviceEndpoint(svc, ns);
        }
        const svcs = byName.get(raw.name) ?? [];
        const ns = namespaces.get(raw.name);
        if (svcs.length > 1) {
          fail(
            pos,
            `flow '${text}': '${raw.name}' is ambiguous: a service of that name exists in ${svcs.length} namespaces`,
            `write ${svcs
              .map((s) => `${s.namespace}/${s.name}`)
              .sort()
              .join(" or ")}`,
          );
          return undefined;
        }
        if (svcs.length === 1 && ns) {
          fail(
            pos,
            `flow '${text}': '${raw.name}' is both a service and a namespace`,
            `write ${svcs[0]!.namespace}/${raw.name} for the service or ${raw.name}/* for the namespace`,
          );
          return undefined;
        }
        if (svcs.length === 1) {
          used.add(svcs[0]!);
          return serviceEndpoint(svcs[0]!, namespaces.get(svcs[0]!.namespace)!);
        }
        if (ns) return namespaceEndpoint(raw.name, ns);
        const misses = unknown.get(raw.name) ?? [];
        misses.push({ pos, text });
        unknown.set(raw.name, misses);
        return undefined;
      }
    }
  };

  const flows: Flow[] = [];
  const seen = new Map<string, Pos>();
  for (const s of sources) {
    for (const item of asSeq(get(s.root, "flows"))?.items ?? []) {
      let rawFrom: RawEndpoint | undefined;
      let rawTo: RawEndpoint | undefined;
      let portItems: { text?: string; node?: PNode; pos: Pos }[] | undefined;
      let exceptItems: PNode[] = [];
      let text: string;
      if (item.kind === "scalar" && typeof item.value === "string") {
        text = item.value.trim();
        const r = parseFlowLine(text);
        if (!r.ok) {
          fail(item.pos, r.message, r.hint);
          continue;
        }
        rawFrom = r.value.from;
        rawTo = r.value.to;
        if (r.value.ports) portItems = r.value.ports.map((p) => ({ text: p, pos: item.pos }));
      } else if (item.kind === "map") {
        const shape = checkShape(item, "flowObject");
        for (const e of shape) fail({ file: e.file, line: e.line, column: e.column }, e.message, e.hint);
        const fromNode = get(item, "from");
        const toNode = get(item, "to");
        const fromText = asString(fromNode)?.trim();
        const toText = asString(toNode)?.trim();
        if (fromText === undefined || toText === undefined) continue;
        const f = parseSourceText(fromText);
        const t = parseSourceText(toText);
        if (!f.ok) fail(fromNode!.pos, f.message, f.hint);
        if (!t.ok) {
          const ports = /^([^:[\]]+):(.+)$/.exec(toText);
          if (ports)
            fail(
              toNode!.pos,
              `'to' takes no ports in the long form`,
              `write to: ${ports[1]} and ports: [${ports[2]}]`,
            );
          else fail(toNode!.pos, t.message, t.hint);
        }
        if (!f.ok || !t.ok || shape.length > 0) continue;
        rawFrom = f.value;
        rawTo = t.value;
        const portsSeq = asSeq(get(item, "ports"));
        if (portsSeq) {
          portItems = portsSeq.items.map((p) =>
            p.kind === "scalar" && (typeof p.value === "string" || typeof p.value === "number")
              ? { text: String(p.value), pos: p.pos }
              : { node: p, pos: p.pos },
          );
        }
        exceptItems = asSeq(get(item, "except"))?.items ?? [];
        const portsText = portItems
          ?.map((p) => p.text ?? (p.node ? JSON.stringify(toPlain(p.node)) : ""))
          .join(",");
        text = `${formatRawEndpoint(rawFrom)} -> ${formatRawEndpoint(rawTo)}${portsText ? `:${portsText}` : ""}`;
        if (exceptItems.length > 0)
          text += ` except ${exceptItems.map((e) => String(toPlain(e))).join(", ")}`;
      } else {
        fail(
          item.pos,
          `expected a flow: 'SOURCE -> DESTINATION[:PORTS]' or {from, to, ports}, got ${describe(item)}`,
        );
        continue;
      }

      let bad = false;
      if (rawFrom.kind === "fqdn") {
        fail(
          item.pos,
          `flow '${text}' comes from an FQDN; an FQDN can only be a destination`,
          "use a CIDR as the source",
        );
        bad = true;
      }
      if (rawTo.kind === "fqdn" && profile && !profile.fqdnEgress) {
        fail(item.pos, `flow '${text}': cni ${cniName} has no FQDN egress; use a CIDR or switch to cilium`);
        bad = true;
      }
      const from = resolveEndpoint(rawFrom, item.pos, text);
      const to = resolveEndpoint(rawTo, item.pos, text);
      if (!from || !to || bad) continue;

      // except: only beside a CIDR, strictly inside it.
      if (exceptItems.length > 0) {
        const side = to.cidr ? to : from.cidr ? from : undefined;
        if (!side || !side.cidr) {
          fail(exceptItems[0]!.pos, `flow '${text}': 'except' needs a CIDR endpoint`);
          continue;
        }
        const except: string[] = [];
        for (const e of exceptItems) {
          const et = asString(e);
          if (et === undefined) continue;
          const c = parseCidr(et.trim());
          if (!c.ok) fail(e.pos, `except: ${c.message}`, c.hint);
          else if (!isStrictSubnet(c.cidr, side.cidr)) {
            fail(
              e.pos,
              `except ${c.cidr.text} is not inside ${side.cidr.text}`,
              "an except must be a smaller network inside the CIDR",
            );
          } else except.push(c.cidr.text);
        }
        if (side.endpoint.kind === "cidr") side.endpoint.except = except;
      }

      if (!from.managed && !to.managed) {
        fail(
          item.pos,
          `flow '${text}' has no managed side: it would emit nothing`,
          "one endpoint must be a service or namespace that is managed",
        );
        continue;
      }

      // Ports of a service whose declarations were wrong would only repeat that error.
      const portFail: Fail = to.portsIncomplete ? () => undefined : fail;
      const ports = resolveFlowPorts(portItems, item.pos, to, text, profile, portFail);
      if (!ports) continue;
      const flow: Flow = { from: from.endpoint, to: to.endpoint, ports, text, source: ref(item.pos) };
      const key = JSON.stringify([
        flow.from,
        flow.to,
        [...ports].map((p) => `${p.protocol}/${p.port ?? "*"}-${p.endPort ?? ""}`).sort(),
      ]);
      const first = seen.get(key);
      if (first) {
        fail(
          item.pos,
          `duplicate flow '${text}': already declared at ${first.file}:${first.line}:${first.column}`,
        );
        continue;
      }
      seen.set(key, item.pos);
      flows.push(flow);
    }
  }
  reportUnknownNames(unknown, byName, used, allNames, fail);
  return flows;
}

/**
 * Names flows use that no service or namespace has. When one is a close spelling of a
 * service no flow names, the typo is most likely in the declaration: one error there, not
 * one per flow. Otherwise each flow is an error with the closest name.
 */
function reportUnknownNames(
  unknown: Map<string, { pos: Pos; text: string }[]>,
  byName: Map<string, Service[]>,
  used: Set<Service>,
  allNames: string[],
  fail: Fail,
): void {
  const unused = [...byName].filter(([, svcs]) => svcs.length === 1 && !used.has(svcs[0]!)).map(([n]) => n);
  for (const [name, misses] of unknown) {
    const match = closeMatch(name, unused);
    const declared = match === undefined ? undefined : byName.get(match)?.[0];
    if (declared && match !== undefined) {
      const lines = [...new Set(misses.map((m) => m.pos.line))];
      const where = `${lines.length === 1 ? "line" : "lines"} ${lines.join(", ")}`;
      const n = misses.length;
      fail(
        { file: declared.source.file, line: declared.source.line, column: declared.source.column },
        `service '${match}' is named by no flow, while ${n} flow${n === 1 ? "" : "s"} name '${name}', which is not declared (${where})`,
        `rename the service to '${name}'`,
      );
      continue;
    }
    for (const m of misses) {
      fail(
        m.pos,
        `flow '${m.text}': unknown service or namespace '${name}'`,
        didYouMean(name, allNames) ?? "declare it under namespaces",
      );
    }
  }
}

function serviceEndpoint(svc: Service, ns: BuiltNamespace): ResolvedEndpoint {
  return {
    endpoint: { kind: "service", namespace: svc.namespace, service: svc.name },
    managed: ns.intent.managed,
    service: svc,
    portsIncomplete: ns.incomplete.has(svc.name),
  };
}

function namespaceEndpoint(name: string, ns: BuiltNamespace): ResolvedEndpoint {
  const endpoint: Endpoint = ns.podLabels
    ? { kind: "namespace", namespace: name, podLabels: ns.podLabels }
    : { kind: "namespace", namespace: name };
  return { endpoint, managed: ns.intent.managed };
}

function resolveFlowPorts(
  items: { text?: string; node?: PNode; pos: Pos }[] | undefined,
  flowPos: Pos,
  to: ResolvedEndpoint,
  text: string,
  profile: CniProfile | undefined,
  fail: Fail,
): FlowPort[] | undefined {
  const svc = to.service;
  const declaredList = svc ? svc.ports.map((p) => formatPort(p)).join(", ") : "";
  const out: FlowPort[] = [];
  let ok = true;
  const add = (p: FlowPort, pos: Pos): void => {
    if (p.endPort !== undefined && profile && !profile.endPortSupported) {
      fail(pos, `flow '${text}': cni ${profile.name} does not support port ranges (endPort)`);
      ok = false;
      return;
    }
    if (p.protocol === "SCTP" && profile && !profile.sctpSupported) {
      fail(pos, `flow '${text}': cni ${profile.name} does not support SCTP`, profile.notes["sctp"]);
      ok = false;
      return;
    }
    if (out.some((o) => o.protocol === p.protocol && o.port === p.port && o.endPort === p.endPort)) {
      fail(pos, `flow '${text}' lists port ${formatPort(p)} twice`);
      ok = false;
      return;
    }
    out.push(p);
  };
  if (!items) {
    if (!svc) return [];
    if (svc.ports.length === 0) {
      fail(
        flowPos,
        `flow '${text}': service '${svc.name}' declares no ports`,
        "declare its ports, or name them in the flow",
      );
      return undefined;
    }
    for (const p of svc.ports) {
      const fp: FlowPort = { protocol: p.protocol, port: p.port };
      if (p.endPort !== undefined) fp.endPort = p.endPort;
      out.push(fp);
    }
    return out;
  }
  for (const item of items) {
    if (item.node) {
      // {port, protocol, endPort} in the long form
      const map = asMap(item.node);
      if (!map) {
        fail(item.pos, `expected a port, got ${describe(item.node)}`);
        ok = false;
        continue;
      }
      const shape = checkShape(map, "portObject");
      for (const e of shape) fail({ file: e.file, line: e.line, column: e.column }, e.message, e.hint);
      const p = asPortNumber(get(map, "port"));
      if (shape.length > 0 || p === undefined) {
        ok = false;
        continue;
      }
      const endPort = asPortNumber(get(map, "endPort"));
      const problem = portRangeProblem(p, endPort);
      const protoText = asString(get(map, "protocol"));
      const protocol = protoText === undefined ? undefined : parseProtocol(protoText);
      if (problem || (protoText !== undefined && !protocol)) {
        fail(item.pos, problem ?? `unknown protocol '${protoText}'`);
        ok = false;
        continue;
      }
      const spec: { port: number; endPort?: number; protocol?: Protocol } = { port: p };
      if (endPort !== undefined && endPort !== p) spec.endPort = endPort;
      if (protocol) spec.protocol = protocol;
      const resolved = matchPort(spec, svc, text, declaredList, item.pos, fail);
      if (!resolved) ok = false;
      else for (const r of resolved) add(r, item.pos);
      continue;
    }
    const r = parsePortText(item.text ?? "", true);
    if (!r.ok) {
      fail(item.pos, `flow '${text}': ${r.message}`, r.hint);
      ok = false;
      continue;
    }
    if (r.name !== undefined) {
      if (!svc) {
        fail(
          item.pos,
          `flow '${text}': port name '${r.name}' needs a service destination that declares it`,
          "write the port number",
        );
        ok = false;
        continue;
      }
      const named = svc.ports.find((p) => p.name === r.name);
      if (!named) {
        const names = svc.ports.flatMap((p) => (p.name ? [p.name] : []));
        fail(
          item.pos,
          `flow '${text}': service '${svc.name}' has no port named '${r.name}' (declared: ${declaredList || "none"})`,
          didYouMean(r.name, names),
        );
        ok = false;
        continue;
      }
      add({ protocol: named.protocol, port: named.port, name: named.name! }, item.pos);
      continue;
    }
    const spec: { port: number; endPort?: number; protocol?: Protocol } = { port: r.port };
    if (r.endPort !== undefined) spec.endPort = r.endPort;
    if (r.protocol) spec.protocol = r.protocol;
    const resolved = matchPort(spec, svc, text, declaredList, item.pos, fail);
    if (!resolved) ok = false;
    else for (const p of resolved) add(p, item.pos);
  }
  return ok ? out : undefined;
}

/**
 * A flow port against the destination's declared ports. Without a protocol, a number
 * means every declared protocol on it (53 on a DNS service that declares 53/udp and
 * 53/tcp opens both); toward a non-service destination it means TCP.
 */
function matchPort(
  spec: { port: number; endPort?: number; protocol?: Protocol },
  svc: Service | undefined,
  text: string,
  declaredList: string,
  pos: Pos,
  fail: Fail,
): FlowPort[] | undefined {
  const one = (protocol: Protocol): FlowPort => {
    const fp: FlowPort = { protocol, port: spec.port };
    if (spec.endPort !== undefined) fp.endPort = spec.endPort;
    return fp;
  };
  if (!svc) return [one(spec.protocol ?? "TCP")];
  const last = spec.endPort ?? spec.port;
  const covering = svc.ports.filter(
    (p) =>
      (spec.protocol === undefined || p.protocol === spec.protocol) &&
      p.port <= spec.port &&
      last <= (p.endPort ?? p.port),
  );
  if (covering.length === 0) {
    const written = `${spec.endPort !== undefined ? `${spec.port}-${spec.endPort}` : spec.port}${spec.protocol ? `/${spec.protocol}` : ""}`;
    fail(
      pos,
      `flow '${text}': service '${svc.name}' does not declare port ${written}`,
      svc.ports.length > 0
        ? `declared: ${declaredList}`
        : `'${svc.name}' declares no ports; add ports: [${spec.port}]`,
    );
    return undefined;
  }
  const protocols = [...new Set(covering.map((p) => p.protocol))];
  return protocols.map(one);
}
