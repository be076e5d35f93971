/**
 * Namespaces and services of one environment, merged across the environment file and what
 * it includes: the environment file's fields win; the same service in two includes, or a
 * namespace field set differently by two includes, is an error.
 */
import { emptyRecord, setEntry } from "../k8s/record.js";
import type { CniProfile } from "../cni/profiles.js";
import {
  isKubeNamespace,
  type NamespaceIntent,
  type Service,
  type ServicePort,
  type SourceRef,
} from "./model.js";
import { dns1123LabelProblem, labelKeyProblem, labelValueProblem, portNameProblem } from "./names.js";
import { asPortNumber, formatPort, parsePortText, parseProtocol, portRangeProblem } from "./port-syntax.js";
import { checkShape, describe } from "./shape.js";
import { readHandWrittenPolicies } from "./policies.js";
import {
  asBoolean,
  asMap,
  asSeq,
  asString,
  entry,
  get,
  toPlain,
  type PMap,
  type PNode,
  type Pos,
  scalarText,
} from "./tree.js";

const METADATA_NAME = "kubernetes.io/metadata.name";

/** One file's contribution to an environment. */
export interface Source {
  root: PMap;
  /** The environment file itself (its declarations win over included ones). */
  fromEnv: boolean;
}

export type Fail = (pos: Pos, message: string, hint?: string) => void;

export function ref(pos: Pos): SourceRef {
  return { file: pos.file, line: pos.line, column: pos.column };
}

export function readLabels(map: PMap, what: string, fail: Fail): Record<string, string> {
  const out = emptyRecord<string>();
  for (const e of map.entries) {
    const keyProblem = labelKeyProblem(e.key);
    if (keyProblem) fail(e.keyPos, `${what} key '${e.key}': ${keyProblem}`);
    const v = e.value;
    if (v.kind !== "scalar" || typeof v.value !== "string") {
      if (v.kind === "scalar" && v.value === null) {
        fail(v.pos, `${what} '${e.key}' has no value`, `write ${e.key}: "" for an empty value`);
      } else if (v.kind === "scalar") {
        fail(v.pos, `${what} '${e.key}' must be a string`, `quote it: "${scalarText(v)}"`);
      } else {
        fail(v.pos, `${what} '${e.key}' must be a string, got ${describe(v)}`);
      }
      continue;
    }
    const valueProblem = labelValueProblem(v.value);
    if (valueProblem) fail(v.pos, `${what} value '${v.value}' for '${e.key}' ${valueProblem}`);
    setEntry(out, e.key, v.value);
  }
  return out;
}

export interface BuiltNamespace {
  intent: NamespaceIntent;
  podLabels?: Record<string, string>;
  services: Map<string, Service>;
  /** Services whose port declarations had errors: flows to them are not checked against ports again. */
  incomplete: Set<string>;
}

export function buildNamespaces(
  sources: Source[],
  excluded: string[],
  profile: CniProfile | undefined,
  fail: Fail,
): Map<string, BuiltNamespace> {
  interface Decl {
    keyPos: Pos;
    node: PMap;
    fromEnv: boolean;
  }
  const decls = new Map<string, Decl[]>();
  for (const s of sources) {
    for (const e of asMap(get(s.root, "namespaces"))?.entries ?? []) {
      const node = asMap(e.value);
      if (!node) continue;
      const list = decls.get(e.key) ?? [];
      list.push({ keyPos: e.keyPos, node, fromEnv: s.fromEnv });
      decls.set(e.key, list);
    }
  }
  const out = new Map<string, BuiltNamespace>();
  for (const [name, list] of decls) {
    const main = list.find((d) => d.fromEnv) ?? list[0]!;
    const problem = dns1123LabelProblem(name);
    if (problem)
      fail(
        main.keyPos,
        `namespace name '${name}' ${problem}`,
        problem === "must be lowercase" ? `write '${name.toLowerCase()}'` : undefined,
      );

    // A namespace-level field comes from the environment file if it sets it, else from the one fragment that does.
    const field = (key: string): { node: PNode; pos: Pos } | undefined => {
      const envDecl = list.find((d) => d.fromEnv && entry(d.node, key));
      if (envDecl) {
        const e = entry(envDecl.node, key)!;
        return { node: e.value, pos: e.keyPos };
      }
      let found: { node: PNode; pos: Pos } | undefined;
      for (const d of list) {
        const e = entry(d.node, key);
        if (!e) continue;
        if (found && JSON.stringify(toPlain(found.node)) !== JSON.stringify(toPlain(e.value))) {
          fail(
            e.keyPos,
            `namespace '${name}': '${key}' is also set differently at ${found.pos.file}:${found.pos.line}`,
            "set it once, or set it in the environment file, which wins",
          );
        }
        found ??= { node: e.value, pos: e.keyPos };
      }
      return found;
    };
    const managedField = field("managed");
    const managed = asBoolean(managedField?.node) ?? true;
    const defaultDenyField = field("defaultDeny");
    const defaultDeny = asBoolean(defaultDenyField?.node) ?? managed;
    const isKube = isKubeNamespace(name);
    const isExcluded = excluded.includes(name);
    if ((isKube || isExcluded) && (managed || defaultDeny)) {
      const why = isKube
        ? `${name} can never be default-denied`
        : `${name} is in excludedNamespaces and can never be managed`;
      fail(managedField?.pos ?? defaultDenyField?.pos ?? main.keyPos, why, "write managed: false");
    } else if (defaultDeny && !managed) {
      fail(
        defaultDenyField?.pos ?? main.keyPos,
        `namespace '${name}' is not managed, so it cannot be default-denied`,
        "remove defaultDeny, or write managed: true",
      );
    }
    const labelsField = field("labels");
    const labels = emptyRecord<string>();
    const labelsMap = asMap(labelsField?.node);
    if (labelsMap) Object.assign(labels, readLabels(labelsMap, "namespace label", fail));
    if (labels[METADATA_NAME] !== undefined && labels[METADATA_NAME] !== name) {
      fail(
        labelsField!.pos,
        `namespace '${name}' cannot carry ${METADATA_NAME}=${labels[METADATA_NAME]}`,
        "the API server sets it to the namespace name",
      );
    }
    labels[METADATA_NAME] = name;
    const podLabelsField = field("podLabels");
    const podLabelsMap = asMap(podLabelsField?.node);
    const podLabels = podLabelsMap ? readLabels(podLabelsMap, "pod label", fail) : undefined;

    // Services: the same service in two includes is an error; the environment file's fields win over an include's.
    const services = new Map<string, Service>();
    const incomplete = new Set<string>();
    const svcDecls = new Map<string, { keyPos: Pos; node: PMap; fromEnv: boolean }[]>();
    for (const d of list) {
      for (const e of asMap(get(d.node, "services"))?.entries ?? []) {
        const node = asMap(e.value);
        if (!node) continue;
        const l = svcDecls.get(e.key) ?? [];
        l.push({ keyPos: e.keyPos, node, fromEnv: d.fromEnv });
        svcDecls.set(e.key, l);
      }
    }
    for (const [svcName, sl] of svcDecls) {
      const included = sl.filter((d) => !d.fromEnv);
      const own = sl.find((d) => d.fromEnv);
      for (const dup of included.slice(1)) {
        const first = included[0]!.keyPos;
        fail(
          dup.keyPos,
          `service '${svcName}' in namespace '${name}' is already declared at ${first.file}:${first.line}:${first.column}`,
          "declare it once; the environment file may redeclare it to override fields",
        );
      }
      const main = own ?? included[0]!;
      const pick = (key: string): { node: PNode; pos: Pos } | undefined => {
        for (const d of [own, included[0]]) {
          const e = d ? entry(d.node, key) : undefined;
          if (e) return { node: e.value, pos: e.keyPos };
        }
        return undefined;
      };
      const svcProblem = dns1123LabelProblem(svcName);
      if (svcProblem)
        fail(
          main.keyPos,
          `service name '${svcName}' ${svcProblem}`,
          svcProblem === "must be lowercase" ? `write '${svcName.toLowerCase()}'` : undefined,
        );
      const labelsPick = pick("labels");
      const svcLabelsMap = asMap(labelsPick?.node);
      const svcLabels = svcLabelsMap ? readLabels(svcLabelsMap, "label", fail) : {};
      if (!labelsPick || (svcLabelsMap && svcLabelsMap.entries.length === 0)) {
        fail(
          labelsPick?.pos ?? main.keyPos,
          `service '${svcName}' has no labels: it would select every pod in namespace '${name}'`,
          `add the pod labels, e.g. labels: { app: ${svcName} }`,
        );
      }
      const { ports, complete } = readServicePorts(pick("ports")?.node, svcName, profile, fail);
      if (!complete) incomplete.add(svcName);
      services.set(svcName, {
        name: svcName,
        namespace: name,
        labels: svcLabels,
        ports,
        source: ref(main.keyPos),
      });
    }
    const policies = readHandWrittenPolicies(list, name, managed, fail);
    const intent: NamespaceIntent = {
      name,
      managed,
      defaultDeny,
      labels,
      services: [...services.values()].sort((a, b) => a.name.localeCompare(b.name)),
      ...(policies.length > 0 ? { policies } : {}),
      source: ref(main.keyPos),
    };
    const built: BuiltNamespace = { intent, services, incomplete };
    if (podLabels) built.podLabels = podLabels;
    out.set(name, built);
  }
  return out;
}

/** The declared ports; `complete` is false when some declaration was wrong (and reported). */
function readServicePorts(
  node: PNode | undefined,
  service: string,
  profile: CniProfile | undefined,
  outerFail: Fail,
): { ports: ServicePort[]; complete: boolean } {
  const out: ServicePort[] = [];
  let complete = true;
  const fail: Fail = (pos, message, hint) => {
    complete = false;
    outerFail(pos, message, hint);
  };
  const seq = asSeq(node);
  if (!seq)
    return { ports: out, complete: node === undefined || (node.kind === "scalar" && node.value === null) };
  for (const item of seq.items) {
    let port: ServicePort | undefined;
    if (item.kind === "scalar" && typeof item.value === "number") {
      const problem = Number.isInteger(item.value)
        ? portRangeProblem(item.value)
        : `port ${item.value} is not a whole number`;
      if (problem) fail(item.pos, problem);
      else port = { port: item.value, protocol: "TCP", source: ref(item.pos) };
    } else if (item.kind === "scalar" && typeof item.value === "string") {
      const r = parsePortText(item.value, false);
      if (!r.ok) fail(item.pos, r.message, r.hint);
      else {
        port = { port: r.port, protocol: r.protocol ?? "TCP", source: ref(item.pos) };
        if (r.endPort !== undefined) port.endPort = r.endPort;
      }
    } else if (item.kind === "map") {
      const shape = checkShape(item, "portObject");
      for (const e of shape) fail({ file: e.file, line: e.line, column: e.column }, e.message, e.hint);
      const p = asPortNumber(get(item, "port"));
      const endPort = asPortNumber(get(item, "endPort"));
      const protoText = asString(get(item, "protocol"));
      const nameText = asString(get(item, "name"));
      if (shape.length === 0 && p !== undefined) {
        const problem = portRangeProblem(p, endPort);
        const protocol = protoText === undefined ? "TCP" : parseProtocol(protoText);
        if (problem) fail((get(item, "endPort") ?? item).pos, problem);
        else if (!protocol)
          fail(get(item, "protocol")!.pos, `unknown protocol '${protoText}'`, "expected TCP, UDP or SCTP");
        else {
          port = { port: p, protocol, source: ref(item.pos) };
          if (endPort !== undefined && endPort !== p) port.endPort = endPort;
          if (nameText !== undefined) {
            const nameProblem = portNameProblem(nameText);
            if (nameProblem) fail(get(item, "name")!.pos, `port name '${nameText}' ${nameProblem}`);
            else if (port.endPort !== undefined)
              fail(get(item, "name")!.pos, `a port range cannot have a name`);
            else port.name = nameText;
          }
        }
      }
    } else {
      fail(
        item.pos,
        `expected a port: a number, N/udp, N-M or {port, name, protocol}, got ${describe(item)}`,
      );
    }
    if (!port) continue;
    if (port.endPort !== undefined && profile && !profile.endPortSupported) {
      fail(
        item.pos,
        `cni ${profile.name} does not support port ranges (endPort)`,
        "declare the ports one by one",
      );
      continue;
    }
    if (port.protocol === "SCTP" && profile && !profile.sctpSupported) {
      fail(item.pos, `cni ${profile.name} does not support SCTP`, profile.notes["sctp"]);
      continue;
    }
    const clash = out.find(
      (o) =>
        o.protocol === port.protocol &&
        o.port <= (port.endPort ?? port.port) &&
        port.port <= (o.endPort ?? o.port),
    );
    if (clash) {
      fail(
        item.pos,
        `port ${formatPort(port)} of '${service}' overlaps ${formatPort(clash)} declared at line ${clash.source.line}`,
      );
      continue;
    }
    if (port.name !== undefined && out.some((o) => o.name === port.name)) {
      fail(item.pos, `port name '${port.name}' is used twice in '${service}'`);
      continue;
    }
    out.push(port);
  }
  return { ports: out, complete };
}
