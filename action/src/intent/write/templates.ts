/**
 * Templates where they fit: a template of policies/templates/ is used for new services and
 * flows when some choice of its parameters makes it declare exactly some of them (the same
 * names, labels and ports, and exactly its flows). Templates holding anything else (hand-
 * written policies, namespace labels) are not tried. The loader checks the result again.
 */
import type { IntentFile } from "../load.js";
import { asMap, asSeq, get, parseYamlFile, scalarText, type PNode } from "../tree.js";
import type { ProposedEndpoint, ProposedFlow, ProposedPort } from "./proposal.js";
import { flowPortToken, servicePortJson } from "./render.js";

/** A new service as the writer holds it. */
export interface FitService {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  ports: { port: number; endPort?: number; protocol: "TCP" | "UDP" | "SCTP"; name?: string }[];
  proposal?: { comment?: string[] };
}

export interface FitFlow {
  flow: ProposedFlow;
}

export interface TemplateUse {
  template: string;
  /** The `with:` of the include: required parameters and those that differ from their default. */
  params: Record<string, string | number>;
  services: FitService[];
  flows: FitFlow[];
  /** "shop/frontend, shop/api, shop/database and 2 flows". */
  describe: string;
  comment?: string[];
}

interface Pattern {
  namespace: string;
  name: string;
  labels: [string, string][];
  ports: string[];
}

interface Template {
  name: string;
  params: Map<string, string | number | undefined>;
  services: Pattern[];
  /** Namespaces the template declares `managed: false`. */
  peers: string[];
  flows: string[];
}

/** The templates that fit, each used once per set of services it fits, in template-name order. */
export function fitTemplates(
  services: FitService[],
  flows: FitFlow[],
  files: IntentFile[],
  templatesPrefix: string,
  isPeer: (namespace: string) => boolean,
): TemplateUse[] {
  const templates = files
    .filter((f) => f.path.startsWith(templatesPrefix) && /\.ya?ml$/.test(f.path))
    .map((f) => readTemplate(f, templatesPrefix))
    .filter((t): t is Template => t !== undefined)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const free = new Set<FitService>(services);
  const freeFlows = new Set<FitFlow>(flows);
  const uses: TemplateUse[] = [];
  for (const t of templates) {
    if (t.services.length === 0) continue;
    for (;;) {
      const match = matchTemplate(t, [...free], [...freeFlows], isPeer);
      if (!match) break;
      for (const s of match.services) free.delete(s);
      for (const f of match.flows) freeFlows.delete(f);
      uses.push(match);
    }
  }
  return uses;
}

function readTemplate(file: IntentFile, prefix: string): Template | undefined {
  const parsed = parseYamlFile(file.path, file.text);
  const root = asMap(parsed.root);
  if (!root || parsed.errors.length > 0) return undefined;
  const allowed = new Set(["parameters", "namespaces", "flows"]);
  if (root.entries.some((e) => !allowed.has(e.key))) return undefined;
  const params = new Map<string, string | number | undefined>();
  for (const e of asMap(get(root, "parameters"))?.entries ?? []) {
    const d = asMap(e.value) ? get(asMap(e.value)!, "default") : undefined;
    params.set(
      e.key,
      d?.kind === "scalar" && (typeof d.value === "string" || typeof d.value === "number")
        ? d.value
        : undefined,
    );
  }
  const services: Pattern[] = [];
  const peers: string[] = [];
  for (const ns of asMap(get(root, "namespaces"))?.entries ?? []) {
    const nsMap = asMap(ns.value);
    if (!nsMap) return undefined;
    for (const e of nsMap.entries) {
      if (e.key === "managed" && e.value.kind === "scalar" && e.value.value === false) peers.push(ns.key);
      else if (e.key !== "services") return undefined;
    }
    for (const s of asMap(get(nsMap, "services"))?.entries ?? []) {
      const svc = asMap(s.value);
      if (!svc || svc.entries.some((x) => x.key !== "labels" && x.key !== "ports")) return undefined;
      const labels = (asMap(get(svc, "labels"))?.entries ?? []).map(
        (l) => [l.key, text(l.value)] as [string, string],
      );
      const ports = (asSeq(get(svc, "ports"))?.items ?? []).map(text);
      services.push({ namespace: ns.key, name: s.key, labels, ports });
    }
  }
  const flows = (asSeq(get(root, "flows"))?.items ?? []).map(text);
  if (flows.some((f) => f === "")) return undefined;
  return {
    name: file.path.slice(prefix.length).replace(/\.ya?ml$/, ""),
    params,
    services,
    peers,
    flows,
  };
}

function text(node: PNode): string {
  return node.kind === "scalar" && node.value !== null ? scalarText(node) : "";
}

type Bindings = Map<string, string>;

/** Binds the `${…}` of `pattern` so that it reads `value`; undefined when it cannot. */
function unify(pattern: string, value: string, bindings: Bindings): Bindings | undefined {
  const names: string[] = [];
  let source = "^";
  let last = 0;
  const re = /\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/g;
  for (let m = re.exec(pattern); m; m = re.exec(pattern)) {
    source += escape(pattern.slice(last, m.index));
    const name = m[1]!;
    const bound = bindings.get(name);
    if (bound !== undefined) source += escape(bound);
    else if (names.includes(name)) source += `\\k<p${names.indexOf(name)}>`;
    else {
      source += `(?<p${names.length}>[^/:\\s,]+?)`;
      names.push(name);
    }
    last = m.index + m[0].length;
  }
  source += `${escape(pattern.slice(last))}$`;
  const match = new RegExp(source).exec(value);
  if (!match) return undefined;
  const out = new Map(bindings);
  names.forEach((n, i) => out.set(n, match.groups![`p${i}`]!));
  return out;
}

/** The pattern with its parameters replaced; undefined when one is unbound. */
function substitute(pattern: string, bindings: Bindings): string | undefined {
  let unbound = false;
  const out = pattern.replace(/\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/g, (_, name: string) => {
    const v = bindings.get(name);
    if (v === undefined) unbound = true;
    return v ?? "";
  });
  return unbound ? undefined : out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function portText(p: FitService["ports"][number]): string {
  const json = servicePortJson(p as ProposedPort);
  return typeof json === "object" ? "" : String(json);
}

function matchTemplate(
  t: Template,
  services: FitService[],
  flows: FitFlow[],
  isPeer: (namespace: string) => boolean,
): TemplateUse | undefined {
  const chosen: FitService[] = [];
  const search = (i: number, bindings: Bindings): Bindings | undefined => {
    if (i === t.services.length) return bindings;
    const pattern = t.services[i]!;
    for (const svc of services) {
      if (chosen.includes(svc)) continue;
      let b: Bindings | undefined = unify(pattern.namespace, svc.namespace, bindings);
      b = b && unify(pattern.name, svc.name, b);
      const labels = Object.entries(svc.labels);
      if (!b || labels.length !== pattern.labels.length) continue;
      for (const [k, v] of pattern.labels) {
        const value = svc.labels[k];
        b = b && value !== undefined ? unify(v, value, b) : undefined;
      }
      if (!b || svc.ports.length !== pattern.ports.length) continue;
      pattern.ports.forEach((p, j) => {
        b = b && unify(p, portText(svc.ports[j]!), b);
      });
      if (!b) continue;
      chosen.push(svc);
      const done = search(i + 1, b);
      if (done) return done;
      chosen.pop();
    }
    return undefined;
  };
  let bindings = search(0, new Map());
  if (!bindings) return undefined;
  // Every template flow must be exactly one of the new flows.
  const used: FitFlow[] = [];
  for (const pattern of t.flows) {
    const hit = flows.find((f) => {
      if (used.includes(f)) return false;
      const b = unify(pattern, qualifiedText(f.flow), bindings!);
      if (b) bindings = b;
      return b !== undefined;
    });
    if (!hit) return undefined;
    used.push(hit);
  }
  // Namespaces the template declares unmanaged must be peers here too.
  for (const peer of t.peers) {
    const name = substitute(peer, bindings);
    if (name === undefined || !isPeer(name)) return undefined;
  }
  const params: Record<string, string | number> = {};
  for (const [name, def] of t.params) {
    const value = bindings.get(name);
    if (value === undefined) {
      if (def === undefined) return undefined;
      continue;
    }
    if (def !== undefined && String(def) === value) continue;
    params[name] = /^\d+$/.test(value) ? Number(value) : value;
  }
  const names = chosen.map((s) => `${s.namespace}/${s.name}`);
  const describe = `${names.join(", ")}${used.length > 0 ? ` and ${used.length} flow${used.length === 1 ? "" : "s"}` : ""}`;
  const comment = [
    ...chosen.flatMap((s) => (s.proposal?.comment ?? []).map((c) => `${s.namespace}/${s.name}: ${c}`)),
    ...used.flatMap((f) => (f.flow.comment ?? []).map((c) => `${qualifiedText(f.flow)}: ${c}`)),
  ];
  return {
    template: t.name,
    params,
    services: chosen,
    flows: used,
    describe,
    ...(comment.length > 0 ? { comment } : {}),
  };
}

/** A flow written with qualified names and bare TCP ports, as templates write theirs. */
function qualifiedText(flow: ProposedFlow): string {
  const side = (e: ProposedEndpoint): string => {
    switch (e.kind) {
      case "service":
        return `${e.namespace}/${e.service}`;
      case "namespace":
        return e.namespace;
      case "cidr":
        return e.cidr.includes(":") ? `[${e.cidr}]` : e.cidr;
      case "fqdn":
        return e.fqdn;
    }
  };
  const ports = (flow.ports ?? []).map((p) =>
    flowPortToken(
      {
        port: p.port,
        ...(p.endPort !== undefined ? { endPort: p.endPort } : {}),
        protocol: p.protocol ?? "TCP",
        ...(p.name !== undefined ? { name: p.name } : {}),
      },
      false,
    ),
  );
  return `${side(flow.from)} -> ${side(flow.to)}${ports.length > 0 ? `:${ports.join(",")}` : ""}`;
}
