/**
 * Probe targets: hosts outside the cluster known to answer, written ADDRESS:PORT[/udp]
 * (`[IPv6]:PORT` for IPv6). A probe needs a host that answers: a timeout against an address
 * nobody listens on proves nothing, so outside checks use only these hosts.
 */
import ipaddr from "ipaddr.js";
import type { Protocol } from "./model.js";
import { parsePortText } from "./port-syntax.js";

export type ProbeTargetResult =
  | { ok: true; address: string; port: number; protocol: Protocol }
  | { ok: false; message: string; hint?: string };

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function canonicalAddress(text: string): string | undefined {
  if (IPV4.test(text)) return ipaddr.IPv4.parse(text).toString();
  if (text.includes(":") && !text.includes("%") && ipaddr.IPv6.isValid(text))
    return ipaddr.IPv6.parse(text).toRFC5952String();
  return undefined;
}

/** The first host of a CIDR, for the fix-it of a CIDR written where one host is expected. */
function firstHost(cidrText: string): string | undefined {
  try {
    const [addr, prefix] = ipaddr.parseCIDR(cidrText);
    const bytes = addr.toByteArray();
    const bits = bytes.length * 8;
    const network = bytes.map(
      (b, i) => b & ((0xff << (8 - Math.max(0, Math.min(8, prefix - i * 8)))) & 0xff),
    );
    if (prefix < bits) network[network.length - 1] = (network[network.length - 1] ?? 0) | 1;
    const host = ipaddr.fromByteArray(network);
    return host.kind() === "ipv6" ? (host as ipaddr.IPv6).toRFC5952String() : host.toString();
  } catch {
    return undefined;
  }
}

export function parseProbeTarget(raw: string): ProbeTargetResult {
  const text = raw.trim();
  let hostText: string;
  let portText: string | undefined;
  let bracketed = false;
  if (text.startsWith("[")) {
    const close = text.indexOf("]");
    if (close < 0) return { ok: false, message: `probe target '${text}' has '[' without ']'` };
    hostText = text.slice(1, close);
    bracketed = true;
    const rest = text.slice(close + 1);
    if (rest !== "") {
      if (!rest.startsWith(":"))
        return { ok: false, message: `expected ':PORT' after ']' in probe target '${text}'` };
      portText = rest.slice(1);
    }
  } else {
    const colons = (text.match(/:/g) ?? []).length;
    if (colons > 1) {
      const last = text.lastIndexOf(":");
      const head = canonicalAddress(text.slice(0, last));
      const whole = canonicalAddress(text);
      return {
        ok: false,
        message: `IPv6 probe target '${text}' must be written in brackets with its port`,
        hint: head ? `write [${head}]:${text.slice(last + 1)}` : `write [${whole ?? text}]:PORT`,
      };
    }
    const at = text.indexOf(":");
    hostText = at < 0 ? text : text.slice(0, at);
    portText = at < 0 ? undefined : text.slice(at + 1);
  }

  if (hostText.includes("/")) {
    const host = firstHost(hostText);
    const suffix = portText !== undefined ? `:${portText}` : ":PORT";
    return {
      ok: false,
      message: `probe target '${text}' is a CIDR; a probe target is one host that answers`,
      ...(host ? { hint: `did you mean ${bracketed ? `[${host}]` : host}${suffix}?` } : {}),
    };
  }
  const address = canonicalAddress(hostText);
  if (!address) {
    const looksLikeName = /^[A-Za-z0-9.-]+$/.test(hostText) && /[A-Za-z]/.test(hostText);
    return {
      ok: false,
      message: looksLikeName
        ? `probe target '${text}' names a host; a probe target is an IP address`
        : `'${hostText}' in probe target '${text}' is not a valid IP address`,
      ...(looksLikeName
        ? {
            hint: "a name can resolve to other addresses inside the cluster: write the address it answers on",
          }
        : {}),
    };
  }
  const shown = address.includes(":") ? `[${address}]` : address;
  if (portText === undefined || portText === "") {
    return {
      ok: false,
      message: `probe target '${text}' has no port`,
      hint: `write ${shown}:PORT, e.g. ${shown}:443`,
    };
  }
  const port = parsePortText(portText, false);
  if (!port.ok)
    return {
      ok: false,
      message: `probe target '${text}': ${port.message}`,
      ...(port.hint ? { hint: port.hint } : {}),
    };
  if (port.endPort !== undefined) {
    return {
      ok: false,
      message: `probe target '${text}' has a port range; a probe connects to one port`,
      hint: `write ${shown}:${port.port}`,
    };
  }
  return { ok: true, address, port: port.port, protocol: port.protocol ?? "TCP" };
}
