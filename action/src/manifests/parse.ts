/**
 * Reads Kubernetes objects from YAML or JSON text, as `kubectl get ns,pods -A -o yaml`
 * prints them (a `List` with `items`) or as manifests (multi-document YAML). Pure: the
 * caller reads the files. Every object keeps the file:line:column where it starts, and every
 * problem points at the offending node.
 */
import jsyaml from "js-yaml";
import { LineCounter, parseAllDocuments, isMap, isSeq, type Document, type Node } from "yaml";
import type { SourceRef } from "../intent/model.js";
import type { InputError } from "./input-error.js";
import { withLineFeeds } from "../text/lines.js";
import type {
  CiliumNetworkPolicy,
  Namespace,
  NetworkPolicy,
  Pod,
  Protocol,
  ServiceObject,
  WorkloadObject,
} from "../k8s/types.js";
import type { Probe } from "../semantics/evaluate.js";
import {
  isObject,
  validateNamespace,
  validateNetworkPolicy,
  validatePod,
  validateService,
  validateWorkload,
  type Path,
  type Problem,
} from "../k8s/validate.js";

export interface InputFile {
  /** As shown in messages (relative to the working directory when possible). */
  path: string;
  text: string;
}

export interface KubeObjects {
  namespaces: Namespace[];
  pods: Pod[];
  policies: NetworkPolicy[];
  ciliumPolicies: CiliumNetworkPolicy[];
  services: ServiceObject[];
  /** Deployments, StatefulSets, DaemonSets and ReplicaSets: whose pods their selectors pick. */
  workloads: WorkloadObject[];
  /** Where each object starts. */
  sources: Map<object, SourceRef>;
  /** Objects of other kinds, skipped. */
  skipped: { source: SourceRef; kind: string; name: string }[];
  errors: InputError[];
}

type Json = Record<string, unknown>;

interface Locate {
  at(path: Path): SourceRef;
}

/** Maps a path inside a parsed document back to a line and column. */
class Locator implements Locate {
  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  at(path: Path): SourceRef {
    // Walk down as far as the path exists; point at the deepest node found.
    let node: unknown = this.doc.contents;
    let best: Node | undefined = node as Node | undefined;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => {
          const k = p.key as { value?: unknown } | null;
          return k !== null && typeof k === "object" && String(k.value) === String(key);
        });
        if (!pair) break;
        node = pair.value ?? pair.key;
        if (pair.value === null) {
          best = pair.key as Node;
          break;
        }
      } else if (isSeq(node) && typeof key === "number") {
        node = node.items[key];
      } else break;
      if (node && typeof node === "object" && "range" in (node as object)) best = node as Node;
    }
    const offset = best?.range?.[0] ?? 0;
    const pos = this.lines.linePos(offset);
    return { file: this.file, line: pos.line, column: pos.col };
  }
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${JSON.stringify(v)}`;
}

interface DocItem {
  obj: unknown;
  path: Path;
  locator: Locate;
}

/** Large inputs are read with js-yaml first (an order of magnitude faster than yaml's composer). */
const FAST_PATH_CHARS = 256 * 1024;

/** Positions for the fast path: the line where each document starts. */
class DocumentStart implements Locate {
  constructor(
    private readonly file: string,
    private readonly line: number,
  ) {}
  at(): SourceRef {
    return { file: this.file, line: this.line, column: 1 };
  }
}

/**
 * Reads a file without positions: JSON.parse for JSON, js-yaml (core schema, as the yaml
 * package reads YAML 1.2) otherwise. Undefined when it fails: the positioned path then
 * reports where.
 */
function fastDocuments(file: InputFile): DocItem[] | undefined {
  const starts = [1];
  const lines = file.text.split("\n");
  lines.forEach((l, i) => {
    if (/^---(\s|$)/.test(l) && i > 0) starts.push(i + 2);
  });
  const trimmed = file.text.trimStart();
  let values: unknown[];
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      values = [JSON.parse(file.text)];
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      return undefined;
    }
  } else {
    try {
      values = jsyaml.loadAll(file.text, undefined, { schema: jsyaml.CORE_SCHEMA, json: true });
    } catch (error) {
      if (!(error instanceof jsyaml.YAMLException)) throw error;
      return undefined;
    }
  }
  // js-yaml shares an anchor's value between its aliases instead of copying it, so nested
  // aliases (a "billion laughs" document) load at once but expand without end when walked.
  // Written out, a document has fewer nodes than characters: more means aliases multiply,
  // and the positioned parser (which caps alias expansion) says where.
  if (expandsBeyond(values, file.text.length + 16)) return undefined;
  const out: DocItem[] = [];
  values.forEach((obj, i) => {
    if (obj === null || obj === undefined) return;
    out.push({ obj, path: [], locator: new DocumentStart(file.path, starts[i] ?? 1) });
  });
  return out;
}

/** True when walking `value` (shared parts counted each time they are reached) visits more than `limit` nodes. */
function expandsBeyond(value: unknown, limit: number): boolean {
  const stack: unknown[] = [value];
  let visited = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    if (++visited > limit) return true;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
    } else if (node !== null && typeof node === "object") {
      for (const key of Object.keys(node)) stack.push((node as Record<string, unknown>)[key]);
    }
  }
  return false;
}

function withLineFeedsIn(file: InputFile): InputFile {
  const text = withLineFeeds(file.text);
  return text === file.text ? file : { ...file, text };
}

/** Parses every document of every file; YAML syntax errors are reported, never thrown. */
function documents(files: InputFile[], errors: InputError[]): DocItem[] {
  const out: DocItem[] = [];
  for (const file of files) {
    const lines = new LineCounter();
    let docs: Document.Parsed[];
    try {
      docs = parseAllDocuments(file.text, { lineCounter: lines, uniqueKeys: false }) as Document.Parsed[];
    } catch (error) {
      errors.push({
        file: file.path,
        line: 1,
        column: 1,
        message: `cannot parse: ${error instanceof Error ? error.message : String(error)}`,
      });
      continue;
    }
    if (!Array.isArray(docs)) docs = [docs];
    for (const doc of docs) {
      if (doc.errors.length > 0) {
        for (const e of doc.errors) {
          const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
          errors.push({
            file: file.path,
            line: pos.line,
            column: pos.col,
            message: `YAML: ${e.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "")}`,
          });
        }
        continue;
      }
      let value: unknown;
      try {
        value = doc.toJS({ maxAliasCount: 1000 });
      } catch (error) {
        errors.push({
          file: file.path,
          line: 1,
          column: 1,
          message: `YAML: ${error instanceof Error ? error.message : String(error)}`,
        });
        continue;
      }
      if (value === null || value === undefined) continue;
      out.push({ obj: value, path: [], locator: new Locator(file.path, doc, lines) });
    }
  }
  return out;
}

/**
 * Reads Namespaces, Pods, Services, NetworkPolicies and CiliumNetworkPolicies from the files.
 * `List` objects are flattened. Other kinds are skipped (listed in `skipped`).
 */
/**
 * `workloads`: read Deployments, StatefulSets, DaemonSets and ReplicaSets (their selectors
 * checked); otherwise they are skipped like every kind no command reads.
 */
export function parseKubeObjects(
  inputFiles: InputFile[],
  options: { workloads?: boolean } = {},
): KubeObjects {
  const files = inputFiles.map(withLineFeedsIn);
  const result: KubeObjects = {
    namespaces: [],
    pods: [],
    policies: [],
    ciliumPolicies: [],
    services: [],
    workloads: [],
    sources: new Map(),
    skipped: [],
    errors: [],
  };
  const report = (item: DocItem, problems: Problem[]): void => {
    for (const p of problems) {
      const at = item.locator.at([...item.path, ...p.path]);
      result.errors.push({ file: at.file, line: at.line, column: at.column, message: p.message });
    }
  };
  const handle = (item: DocItem): void => {
    const obj = item.obj;
    if (!isObject(obj)) {
      report(item, [
        {
          path: [],
          message: `expected a Kubernetes object (apiVersion, kind, metadata), got ${describe(obj)}`,
        },
      ]);
      return;
    }
    const kind = obj["kind"];
    if (typeof kind !== "string") {
      report(item, [
        {
          path: [],
          message: "this object has no kind (expected Pod, Namespace, NetworkPolicy, Service or List)",
        },
      ]);
      return;
    }
    if (kind === "List" || kind.endsWith("List")) {
      const items = obj["items"];
      if (!Array.isArray(items)) {
        report(item, [
          { path: ["items"], message: `a ${kind} needs items: a list of objects, got ${describe(items)}` },
        ]);
        return;
      }
      items.forEach((o, i) => handle({ obj: o, path: [...item.path, "items", i], locator: item.locator }));
      return;
    }
    const source = item.locator.at(item.path);
    const metadata = isObject(obj["metadata"]) ? obj["metadata"] : {};
    const name = typeof metadata["name"] === "string" ? metadata["name"] : "?";
    const keep = <T extends object>(problems: Problem[], list: T[], value: T): void => {
      if (problems.length > 0) report(item, problems);
      else {
        list.push(value);
        result.sources.set(value, source);
      }
    };
    switch (kind) {
      case "Namespace":
        keep(validateNamespace(obj), result.namespaces, obj as unknown as Namespace);
        return;
      case "Pod":
        keep(validatePod(obj), result.pods, withNamespace(obj) as unknown as Pod);
        return;
      case "Service":
        keep(validateService(obj), result.services, withNamespace(obj) as unknown as ServiceObject);
        return;
      case "Deployment":
      case "StatefulSet":
      case "DaemonSet":
      case "ReplicaSet":
        if (!options.workloads) {
          result.skipped.push({ source, kind, name });
          return;
        }
        keep(validateWorkload(obj), result.workloads, withNamespace(obj) as unknown as WorkloadObject);
        return;
      case "NetworkPolicy": {
        const apiVersion = obj["apiVersion"];
        if (apiVersion !== undefined && apiVersion !== "networking.k8s.io/v1") {
          report(item, [
            {
              path: ["apiVersion"],
              message: `NetworkPolicy apiVersion must be networking.k8s.io/v1, got ${describe(apiVersion)}`,
            },
          ]);
          return;
        }
        keep(validateNetworkPolicy(obj), result.policies, withNamespace(obj) as unknown as NetworkPolicy);
        return;
      }
      case "CiliumNetworkPolicy":
        keep([], result.ciliumPolicies, withNamespace(obj) as unknown as CiliumNetworkPolicy);
        return;
      default:
        result.skipped.push({ source, kind, name });
    }
  };
  for (const file of files) {
    if (file.text.length >= FAST_PATH_CHARS) {
      const fast = fastDocuments(file);
      if (fast) {
        const before = { errors: result.errors.length, lists: counts(result) };
        for (const item of fast) handle(item);
        if (result.errors.length === before.errors) continue;
        // Something is wrong in this file: read it again with positions to say exactly where.
        result.errors.length = before.errors;
        truncate(result, before.lists);
      }
    }
    for (const item of documents([file], result.errors)) handle(item);
  }
  return result;
}

type ListKey = "namespaces" | "pods" | "policies" | "ciliumPolicies" | "services" | "workloads" | "skipped";
const LISTS: ListKey[] = [
  "namespaces",
  "pods",
  "policies",
  "ciliumPolicies",
  "services",
  "workloads",
  "skipped",
];

function counts(r: KubeObjects): Record<ListKey, number> {
  return Object.fromEntries(LISTS.map((k) => [k, r[k].length])) as Record<ListKey, number>;
}

function truncate(r: KubeObjects, to: Record<ListKey, number>): void {
  for (const k of LISTS) {
    for (const o of r[k].slice(to[k])) r.sources.delete(o);
    r[k].length = to[k];
  }
}

/** Objects without metadata.namespace live in "default", as kubectl applies them. */
function withNamespace(obj: Json): Json {
  const metadata = isObject(obj["metadata"]) ? obj["metadata"] : {};
  if (typeof metadata["namespace"] === "string" && metadata["namespace"] !== "") return obj;
  return { ...obj, metadata: { ...metadata, namespace: "default" } };
}

// --- probes -------------------------------------------------------------------------------------

export interface ProbeInput extends Probe {
  protocol: Protocol;
  source: SourceRef;
}

/**
 * Reads `{"probes":[{"from":"NS/POD","to":"NS/POD" | IP,"port":80,"protocol":"TCP"}]}`.
 * Extra fields on probes and other top-level fields are ignored; protocol defaults to TCP
 * and is case-insensitive.
 */
export function parseProbes(inputFile: InputFile): { probes: ProbeInput[]; errors: InputError[] } {
  const file = withLineFeedsIn(inputFile);
  const errors: InputError[] = [];
  // Large input (100,000 probes on one JSON line) is read without positions first; only
  // when something is wrong is it read again with them, to say exactly where.
  if (file.text.length >= FAST_PATH_CHARS) {
    const fast = fastDocuments(file);
    if (fast) {
      const quick = probesFrom(file, fast);
      if (quick.errors.length === 0) return quick;
    }
  }
  return probesFrom(file, documents([file], errors), errors);
}

function probesFrom(
  file: InputFile,
  docs: DocItem[],
  errors: InputError[] = [],
): { probes: ProbeInput[]; errors: InputError[] } {
  const probes: ProbeInput[] = [];
  if (errors.length > 0) return { probes, errors };
  const doc = docs[0];
  const fail = (path: Path, message: string): void => {
    const at = doc ? doc.locator.at(path) : { file: file.path, line: 1, column: 1 };
    errors.push({ file: at.file, line: at.line, column: at.column, message });
  };
  if (!doc || !isObject(doc.obj) || !Array.isArray(doc.obj["probes"])) {
    fail(
      ["probes"],
      'expected {"probes": [{"from": "namespace/pod", "to": "namespace/pod" or an IP, "port": 80, "protocol": "TCP"}]}',
    );
    return { probes, errors };
  }
  doc.obj["probes"].forEach((p, i) => {
    const probe = probeAt(p, ["probes", i], doc.locator, fail);
    if (probe) probes.push(probe);
  });
  return { probes, errors };
}

/** Reads one connection `{from, to, port, protocol}` at `path`; undefined (and errors) when it is not one. */
function probeAt(
  p: unknown,
  path: Path,
  locator: Locate,
  fail: (path: Path, message: string) => void,
): ProbeInput | undefined {
  if (!isObject(p)) {
    fail(path, `expected a connection {from, to, port, protocol}, got ${describe(p)}`);
    return undefined;
  }
  const from = p["from"];
  const to = p["to"];
  const port = typeof p["port"] === "string" && /^\d+$/.test(p["port"]) ? Number(p["port"]) : p["port"];
  const protoText = p["protocol"] === undefined ? "TCP" : p["protocol"];
  const protocol = typeof protoText === "string" ? protoText.toUpperCase() : undefined;
  let ok = true;
  if (typeof from !== "string" || from === "") {
    fail([...path, "from"], `"from" must be "namespace/pod" or an IP address, got ${describe(from)}`);
    ok = false;
  }
  if (typeof to !== "string" || to === "") {
    fail([...path, "to"], `"to" must be "namespace/pod" or an IP address, got ${describe(to)}`);
    ok = false;
  }
  if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535) {
    fail([...path, "port"], `"port" must be a number 1-65535, got ${describe(p["port"])}`);
    ok = false;
  }
  if (protocol !== "TCP" && protocol !== "UDP" && protocol !== "SCTP") {
    fail([...path, "protocol"], `"protocol" must be TCP, UDP or SCTP, got ${describe(p["protocol"])}`);
    ok = false;
  }
  if (!ok) return undefined;
  return {
    from: from as string,
    to: to as string,
    port: port as number,
    protocol: protocol as Protocol,
    source: locator.at(path),
  };
}

// --- expectations -------------------------------------------------------------------------------

export type ExpectedVerdict = "allowed" | "blocked";

export interface Expectation extends ProbeInput {
  expect: ExpectedVerdict;
}

const EXPECT_SHAPE =
  "expected a list of connections, e.g. - { from: namespace/pod, to: namespace/pod or an IP, port: 80, protocol: TCP, expect: allowed }";

/**
 * Reads `--expect`: a YAML (or JSON) list of connections, each a probe with
 * `expect: allowed | blocked` (case-insensitive). Errors point at the item or field.
 */
export function parseExpectations(file: InputFile): { expectations: Expectation[]; errors: InputError[] } {
  const errors: InputError[] = [];
  const expectations: Expectation[] = [];
  const docs = documents([file], errors);
  if (errors.length > 0) return { expectations, errors };
  const doc = docs[0];
  const fail = (path: Path, message: string): void => {
    const at = doc ? doc.locator.at(path) : { file: file.path, line: 1, column: 1 };
    errors.push({ file: at.file, line: at.line, column: at.column, message });
  };
  if (!doc || !Array.isArray(doc.obj)) {
    fail([], `${EXPECT_SHAPE}; got ${describe(doc?.obj)}`);
    return { expectations, errors };
  }
  if (docs.length > 1) fail([], "expected one YAML document holding the list; this file has several");
  doc.obj.forEach((item, i) => {
    const probe = probeAt(item, [i], doc.locator, fail);
    const raw = isObject(item) ? item["expect"] : undefined;
    const verdict = typeof raw === "string" ? raw.toLowerCase() : undefined;
    if (isObject(item) && verdict !== "allowed" && verdict !== "blocked") {
      fail(
        raw === undefined ? [i] : [i, "expect"],
        `"expect" must be allowed or blocked, got ${describe(raw)}`,
      );
      return;
    }
    if (probe && (verdict === "allowed" || verdict === "blocked"))
      expectations.push({ ...probe, expect: verdict });
  });
  return { expectations, errors };
}
