/**
 * Proposed intent as lines of YAML, in the format policies/README.md describes: a service
 * on one line, a flow as one line (the long form only for `except`), a hand-written policy
 * as its spec, comments above what they describe (a short one on a flow's own line).
 */
import type { NetworkPolicySpec, Protocol } from "../../k8s/types.js";
import type { ProposedPort } from "./proposal.js";
import { commentLines, entryLines, flowText, itemText, key, oneLine, type Json } from "./yaml-text.js";

/** A comment this short goes on the flow's own line. */
const TRAILING_COMMENT = 60;

/** A declared port as the format writes it: 8080, "53/udp", "8000-8010", or a map with its name. */
export function servicePortJson(p: ProposedPort): Json {
  const protocol = p.protocol ?? "TCP";
  if (p.name !== undefined) {
    const out: { [k: string]: Json } = { port: p.port, name: p.name };
    if (protocol !== "TCP") out["protocol"] = protocol;
    return out;
  }
  const range = p.endPort !== undefined && p.endPort !== p.port ? `${p.port}-${p.endPort}` : undefined;
  if (protocol === "TCP") return range ?? p.port;
  return `${range ?? p.port}/${protocol.toLowerCase()}`;
}

/** `api: { labels: { app: api }, ports: [8080] }` and its comment, at column 0. */
export function serviceLines(
  name: string,
  labels: Record<string, string>,
  ports: ProposedPort[],
  comment: string[] | undefined,
): string[] {
  const value: { [k: string]: Json } = { labels };
  if (ports.length > 0) value["ports"] = ports.map(servicePortJson);
  return [...commentLines(comment, 0), ...entryLines(name, value, 0)];
}

/** `name:` and the spec below it, each field compact. */
export function policyLines(name: string, spec: NetworkPolicySpec, comment: string[] | undefined): string[] {
  const fields = Object.entries(spec as unknown as { [k: string]: Json }).filter(([, v]) => v !== undefined);
  return [...commentLines(comment, 0), `${key(name)}:`, ...fields.flatMap(([k, v]) => entryLines(k, v, 2))];
}

/** A flow's port token: 8080, 53/udp, 8000-8010, or a declared port's name. */
export function flowPortToken(
  p: { port?: number; endPort?: number; protocol: Protocol; name?: string },
  explicitTcp: boolean,
): string {
  if (p.name !== undefined) return p.name;
  const range = p.endPort !== undefined && p.endPort !== p.port ? `${p.port}-${p.endPort}` : String(p.port);
  if (p.protocol === "TCP" && !explicitTcp) return range;
  return `${range}/${p.protocol.toLowerCase()}`;
}

/** A flow as a list item: `- FROM -> TO:PORTS # comment`, or the long form when it has `except`. */
export function flowItemLines(
  from: string,
  to: string,
  ports: string[],
  except: string[] | undefined,
  comment: string[] | undefined,
): string[] {
  const lines = comment ?? [];
  const trailing = lines.length === 1 && oneLine(lines[0]!).length <= TRAILING_COMMENT;
  const above = trailing ? [] : commentLines(lines, 0);
  const tail = trailing ? ` # ${oneLine(lines[0]!)}` : "";
  if (except !== undefined && except.length > 0) {
    const long: { [k: string]: Json } = { from, to: to.replace(/^\[(.*)\]$/, "$1"), except };
    if (ports.length > 0) long["ports"] = ports.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const entries = Object.entries(long).map(([k, v]) => `${key(k)}: ${flowText(v)}`);
    return [...above, `- ${entries[0]}${tail}`, ...entries.slice(1).map((e) => `  ${e}`)];
  }
  const target = ports.length > 0 ? `${to}:${ports.join(",")}` : to;
  return [...above, `- ${itemText(`${from} -> ${target}`)}${tail}`];
}

/** An include of a template: `- template: NAME` and its parameters. */
export function templateIncludeLines(
  name: string,
  params: Record<string, string | number>,
  comment?: string[],
): string[] {
  const lines = [...commentLines(comment, 0), `- template: ${key(name)}`];
  if (Object.keys(params).length > 0) lines.push(`  with: ${flowText(params)}`);
  return lines;
}
