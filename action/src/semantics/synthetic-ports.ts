/**
 * The ports the synthetic inventory probes: each declared port and port range, and one port
 * nobody declares, standing for "every other port" (per protocol in use). Addresses outside
 * the cluster are probed on the ports the flows to them declare, and on that other port. The
 * ports hand-written rules name are probed on every pod: those rules select pods by any label.
 */
import type { EnvironmentIntent } from "../intent/model.js";
import type { Protocol } from "../k8s/types.js";

/** A port to probe on a destination; `label` is what reports show ("8080", "8000-8010", "*"). */
export interface PortProbe {
  protocol: Protocol;
  /** The ports evaluated: one, or both ends of a range. */
  ports: number[];
  label: string;
}

export interface PortRange {
  protocol: Protocol;
  port?: number;
  endPort?: number;
}

/** The probe of a declared port or range; none for "every port" (no number). */
export function portProbe(p: PortRange): PortProbe | undefined {
  if (p.port === undefined) return undefined;
  if (p.endPort !== undefined && p.endPort > p.port) {
    return { protocol: p.protocol, ports: [p.port, p.endPort], label: `${p.port}-${p.endPort}` };
  }
  return { protocol: p.protocol, ports: [p.port], label: String(p.port) };
}

/** Probes without duplicates, listed by port, protocol and label. */
export class PortSet {
  private readonly byKey = new Map<string, PortProbe>();
  add(p: PortProbe | undefined): void {
    if (p) this.byKey.set(`${p.protocol}/${p.label}`, p);
  }
  list(): PortProbe[] {
    return [...this.byKey.values()].sort(
      (a, b) =>
        (a.ports[0] ?? 0) - (b.ports[0] ?? 0) ||
        a.protocol.localeCompare(b.protocol) ||
        a.label.localeCompare(b.label),
    );
  }
}

export interface PortPlan {
  /** "Every other port", once per protocol in use (TCP and UDP always, SCTP when declared). */
  otherPorts: PortProbe[];
  /** Probed on every pod besides its own ports: the other ports and those hand-written rules name. */
  podPorts: PortProbe[];
  /** Ports probed on addresses outside the cluster. */
  externalPorts: PortSet;
}

/**
 * The ports of the intents on both sides. `mentioned` lists the port ranges any compiled
 * policy names, so that the other port avoids them too; DNS (53) is always taken. `handWritten`
 * lists the ports the hand-written policies' rules name.
 */
export function portPlan(
  present: EnvironmentIntent[],
  mentioned: PortRange[],
  handWritten: PortRange[] = [],
): PortPlan {
  const allRanges: PortRange[] = [
    ...mentioned,
    ...handWritten,
    { protocol: "UDP", port: 53 },
    { protocol: "TCP", port: 53 },
  ];
  for (const env of present) {
    for (const ns of env.namespaces) for (const svc of ns.services) allRanges.push(...svc.ports);
    for (const flow of env.flows) allRanges.push(...flow.ports);
  }
  const protocols: Protocol[] = ["TCP", "UDP"];
  if (allRanges.some((r) => r.protocol === "SCTP")) protocols.push("SCTP");
  const otherPort = pickOtherPort(allRanges);
  const otherPorts: PortProbe[] = protocols.map((protocol) => ({ protocol, ports: [otherPort], label: "*" }));
  const externalPorts = new PortSet();
  for (const env of present) {
    for (const flow of env.flows) {
      if (flow.to.kind === "cidr" || flow.to.kind === "fqdn")
        for (const p of flow.ports) externalPorts.add(portProbe(p));
    }
  }
  for (const p of otherPorts) externalPorts.add(p);
  const podPorts = new PortSet();
  for (const p of handWritten) podPorts.add(portProbe(p));
  for (const p of otherPorts) podPorts.add(p);
  return { otherPorts, podPorts: podPorts.list(), externalPorts };
}

/** A port number no declared port, flow or policy names: it stands for "every other port". */
function pickOtherPort(ranges: PortRange[]): number {
  const taken = (n: number): boolean =>
    ranges.some(
      (r) =>
        r.port !== undefined &&
        n >= r.port &&
        n <= (r.endPort !== undefined && r.endPort > r.port ? r.endPort : r.port),
    );
  for (const candidate of [65000, 64999, 60000, 50000, 40000, 30000, 20000, 10000, 5000, 1000, 100, 7]) {
    if (!taken(candidate)) return candidate;
  }
  for (let n = 65535; n >= 1; n--) if (!taken(n)) return n;
  return 65535;
}
