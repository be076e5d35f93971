/**
 * The one-line flow grammar: `SOURCE -> DESTINATION[:PORTS]`.
 *
 *   endpoint    = service | ns/service | namespace | ns/* | CIDR | [IPv6 CIDR] | FQDN
 *   PORTS       = port ("," port)*     (see port-syntax.ts)
 *
 * This module only splits and classifies text; names are resolved against the environment
 * by the loader.
 */
import { looksLikeIp, parseCidr } from "./cidr.js";
import { dns1123SubdomainProblem } from "./names.js";

export type RawEndpoint =
  /** A bare name (service or namespace), `ns/service`, or `ns/*` (the whole namespace). */
  | { kind: "name"; name: string; namespace?: string; wholeNamespace?: boolean }
  | { kind: "cidr"; cidr: string }
  | { kind: "fqdn"; fqdn: string };

export interface RawFlow {
  from: RawEndpoint;
  to: RawEndpoint;
  /** Port tokens after ':' in the destination, undefined when none are written. */
  ports?: string[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; hint?: string };

const FLOW_HINT = "write 'SOURCE -> DESTINATION[:PORTS]', e.g. 'frontend -> api:8080'";

export function parseFlowLine(text: string): Parsed<RawFlow> {
  const wrongArrow = /=>|<-+|→|-{2,}>|—>|->>/.exec(text);
  if (wrongArrow) {
    return {
      ok: false,
      message: `flow '${text}' uses '${wrongArrow[0]}' where '->' is expected`,
      hint: FLOW_HINT,
    };
  }
  const parts = text.split("->");
  if (parts.length > 2)
    return { ok: false, message: `flow '${text}' has more than one '->'`, hint: FLOW_HINT };
  if (parts.length < 2) return { ok: false, message: `flow '${text}' has no '->'`, hint: FLOW_HINT };
  const fromText = parts[0]!.trim();
  let toText = parts[1]!.trim();
  if (fromText === "" || toText === "") {
    return { ok: false, message: `flow '${text}' needs a source and a destination`, hint: FLOW_HINT };
  }
  if (/\s/.test(fromText) || /\s/.test(toText.replace(/,\s+/g, ","))) {
    return { ok: false, message: `flow '${text}' has spaces inside an endpoint`, hint: FLOW_HINT };
  }
  toText = toText.replace(/,\s+/g, ",");
  const from = parseSourceText(fromText);
  if (!from.ok) return from;
  const to = parseDestinationText(toText);
  if (!to.ok) return to;
  const flow: RawFlow = { from: from.value, to: to.value.endpoint };
  if (to.value.ports) flow.ports = to.value.ports;
  return { ok: true, value: flow };
}

/** A source, or a long-form endpoint: no ports allowed. */
export function parseSourceText(text: string): Parsed<RawEndpoint> {
  if (text.startsWith("[")) {
    const close = text.indexOf("]");
    if (close < 0) return { ok: false, message: `'${text}' has '[' without ']'` };
    if (close !== text.length - 1)
      return { ok: false, message: `ports belong to the destination, not the source '${text}'` };
    return classify(text.slice(1, close), true);
  }
  const colons = (text.match(/:/g) ?? []).length;
  if (colons === 1) {
    return {
      ok: false,
      message: `ports belong to the destination, not the source '${text}'`,
      hint: `write '${text.slice(0, text.indexOf(":"))} -> DESTINATION:PORTS'`,
    };
  }
  return classify(text, colons > 1);
}

/** A destination with optional `:PORTS`. */
export function parseDestinationText(text: string): Parsed<{ endpoint: RawEndpoint; ports?: string[] }> {
  let target = text;
  let portText: string | undefined;
  if (text.startsWith("[")) {
    const close = text.indexOf("]");
    if (close < 0) return { ok: false, message: `'${text}' has '[' without ']'` };
    const rest = text.slice(close + 1);
    target = text.slice(1, close);
    if (rest !== "") {
      if (!rest.startsWith(":")) return { ok: false, message: `expected ':PORTS' after ']' in '${text}'` };
      portText = rest.slice(1);
    }
    const endpoint = classify(target, true);
    if (!endpoint.ok) return endpoint;
    return withPorts(endpoint.value, portText, text);
  }
  const colons = (text.match(/:/g) ?? []).length;
  if (colons > 1) {
    // IPv6 without brackets: fine without ports, ambiguous with them.
    const whole = parseCidr(text);
    if (whole.ok || !/:(\d[\d,\-/a-zA-Z]*|[a-z][a-z0-9-]*)$/.test(text))
      return withPorts(classifyIp(text), undefined, text);
    const last = text.lastIndexOf(":");
    const head = text.slice(0, last);
    if (parseCidr(head).ok) {
      return {
        ok: false,
        message: `IPv6 CIDR '${head}' with ports must be written in brackets`,
        hint: `write [${head}]:${text.slice(last + 1)}`,
      };
    }
    return withPorts(classifyIp(text), undefined, text);
  }
  if (colons === 1) {
    const at = text.indexOf(":");
    target = text.slice(0, at);
    portText = text.slice(at + 1);
  }
  const endpoint = classify(target, false);
  if (!endpoint.ok) return endpoint;
  return withPorts(endpoint.value, portText, text);
}

function withPorts(
  endpoint: RawEndpoint,
  portText: string | undefined,
  text: string,
): Parsed<{ endpoint: RawEndpoint; ports?: string[] }> {
  if (portText === undefined) return { ok: true, value: { endpoint } };
  const ports = portText.split(",").map((p) => p.trim());
  if (ports.some((p) => p === ""))
    return { ok: false, message: `empty port in '${text}'`, hint: "write PORT,PORT" };
  return { ok: true, value: { endpoint, ports } };
}

function classifyIp(text: string): RawEndpoint {
  return { kind: "cidr", cidr: text };
}

function classify(text: string, ipOnly: boolean): Parsed<RawEndpoint> {
  if (ipOnly || looksLikeIp(text)) return { ok: true, value: { kind: "cidr", cidr: text } };
  const slashes = text.split("/");
  if (slashes.length === 2) {
    const [ns, name] = slashes as [string, string];
    if (ns === "" || name === "") return { ok: false, message: `'${text}' must be 'namespace/service'` };
    if (name === "*")
      return { ok: true, value: { kind: "name", name: ns, namespace: ns, wholeNamespace: true } };
    return { ok: true, value: { kind: "name", name, namespace: ns } };
  }
  if (slashes.length > 2)
    return { ok: false, message: `'${text}' has too many '/'`, hint: "write 'namespace/service'" };
  if (text.includes(".")) {
    // DNS names are case-insensitive (RFC 4343); the model keeps them lower case.
    const fqdn = (text.endsWith(".") ? text.slice(0, -1) : text).toLowerCase();
    if (fqdn.startsWith("*.")) {
      return { ok: false, message: `wildcard FQDN '${text}' is not supported`, hint: "name each host" };
    }
    const problem = dns1123SubdomainProblem(fqdn);
    if (problem) return { ok: false, message: `FQDN '${text}' ${problem}` };
    return { ok: true, value: { kind: "fqdn", fqdn } };
  }
  return { ok: true, value: { kind: "name", name: text } };
}

/** How an endpoint is written back in a flow's text. */
export function formatRawEndpoint(e: RawEndpoint): string {
  switch (e.kind) {
    case "name":
      return e.wholeNamespace ? `${e.name}/*` : e.namespace ? `${e.namespace}/${e.name}` : e.name;
    case "cidr":
      return e.cidr.includes(":") ? `[${e.cidr}]` : e.cidr;
    case "fqdn":
      return e.fqdn;
  }
}
