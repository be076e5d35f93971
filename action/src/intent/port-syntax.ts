/**
 * Port syntax shared by service declarations and flows:
 *   8080          TCP 8080
 *   53/udp        with a protocol (tcp, udp, sctp; any case)
 *   8000-8010     a range (inclusive), optionally with /protocol
 *   http          (flows only) a port the destination service declares by that name
 *   { port, endPort, name, protocol }
 */
import type { Protocol } from "./model.js";
import type { PNode } from "./tree.js";

export type PortSpecResult =
  | { ok: true; port: number; endPort?: number; protocol?: Protocol; name?: string }
  | { ok: false; message: string; hint?: string };

const PROTOCOLS: Record<string, Protocol> = { tcp: "TCP", udp: "UDP", sctp: "SCTP" };

/** TCP, UDP or SCTP in any case, canonical upper case; undefined when unknown. */
export function parseProtocol(text: string): Protocol | undefined {
  return PROTOCOLS[text.trim().toLowerCase()];
}

export function portRangeProblem(port: number, endPort?: number): string | undefined {
  if (!Number.isInteger(port) || port < 1 || port > 65535) return `port ${port} is out of range 1-65535`;
  if (endPort !== undefined) {
    if (!Number.isInteger(endPort) || endPort < 1 || endPort > 65535)
      return `end port ${endPort} is out of range 1-65535`;
    if (endPort < port) return `end port ${endPort} is lower than port ${port}`;
  }
  return undefined;
}

/**
 * Parses one port token. `allowName` accepts a bare port name (flows); the protocol is left
 * undefined when the text does not give one, so the caller decides the default.
 */
export function parsePortText(raw: string, allowName: boolean): PortSpecResult {
  const text = raw.trim();
  const m = /^(\d+)(?:\s*-\s*(\d+))?(?:\s*\/\s*([A-Za-z]+))?$/.exec(text);
  if (m) {
    const port = Number(m[1]);
    const endPort = m[2] === undefined ? undefined : Number(m[2]);
    const problem = portRangeProblem(port, endPort);
    if (problem) return { ok: false, message: problem };
    let protocol: Protocol | undefined;
    if (m[3] !== undefined) {
      protocol = parseProtocol(m[3]);
      if (!protocol)
        return {
          ok: false,
          message: `unknown protocol '${m[3]}' in '${text}'`,
          hint: "expected tcp, udp or sctp",
        };
    }
    const out: PortSpecResult = { ok: true, port };
    if (endPort !== undefined && endPort !== port) out.endPort = endPort;
    if (protocol) out.protocol = protocol;
    return out;
  }
  if (allowName && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(text) && /[a-z]/.test(text)) {
    return { ok: true, port: 0, name: text };
  }
  if (/^[A-Za-z]+$/.test(text) && !allowName) {
    return {
      ok: false,
      message: `'${text}' is not a port number`,
      hint: "declare a port as a number, N/udp, N-M or {port: N, name: NAME}",
    };
  }
  return {
    ok: false,
    message: `'${text}' is not a port`,
    hint: allowName
      ? "expected a number, N/udp, N-M or a declared port name"
      : "expected a number, N/udp or N-M",
  };
}

export function formatPort(p: {
  port?: number;
  endPort?: number;
  protocol: Protocol;
  name?: string;
}): string {
  if (p.port === undefined) return `all/${p.protocol}`;
  const range = p.endPort !== undefined ? `${p.port}-${p.endPort}` : `${p.port}`;
  return `${range}/${p.protocol}${p.name ? ` named ${p.name}` : ""}`;
}

/** A port map's `port` or `endPort`: a number, or digits in quotes ("8080" reads as 8080). */
export function asPortNumber(node: PNode | undefined): number | undefined {
  if (node?.kind !== "scalar") return undefined;
  if (typeof node.value === "number") return node.value;
  return typeof node.value === "string" && /^\s*\d+\s*$/.test(node.value) ? Number(node.value) : undefined;
}
