import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  yaml
} from "./chunk-PTKHH53V.js";
import {
  isObject,
  require_dist,
  validateNamespace,
  validateNetworkPolicy,
  validatePod,
  validateService,
  validateWorkload,
  withLineFeeds
} from "./chunk-M3L5V6RZ.js";
import {
  __toESM
} from "./chunk-JYXQAFTB.js";

// action/src/import/record.ts
var import_yaml2 = __toESM(require_dist(), 1);

// action/src/manifests/parse.ts
var import_yaml = __toESM(require_dist(), 1);
var Locator = class {
  constructor(file, doc, lines) {
    this.file = file;
    this.doc = doc;
    this.lines = lines;
  }
  file;
  doc;
  lines;
  at(path) {
    let node = this.doc.contents;
    let best = node;
    for (const key of path) {
      if ((0, import_yaml.isMap)(node)) {
        const pair = node.items.find((p) => {
          const k = p.key;
          return k !== null && typeof k === "object" && String(k.value) === String(key);
        });
        if (!pair) break;
        node = pair.value ?? pair.key;
        if (pair.value === null) {
          best = pair.key;
          break;
        }
      } else if ((0, import_yaml.isSeq)(node) && typeof key === "number") {
        node = node.items[key];
      } else break;
      if (node && typeof node === "object" && "range" in node) best = node;
    }
    const offset = best?.range?.[0] ?? 0;
    const pos = this.lines.linePos(offset);
    return { file: this.file, line: pos.line, column: pos.col };
  }
};
function describe(v) {
  if (v === null || v === void 0) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${JSON.stringify(v)}`;
}
var FAST_PATH_CHARS = 256 * 1024;
var DocumentStart = class {
  constructor(file, line) {
    this.file = file;
    this.line = line;
  }
  file;
  line;
  at() {
    return { file: this.file, line: this.line, column: 1 };
  }
};
function fastDocuments(file) {
  const starts = [1];
  const lines = file.text.split("\n");
  lines.forEach((l, i) => {
    if (/^---(\s|$)/.test(l) && i > 0) starts.push(i + 2);
  });
  const trimmed = file.text.trimStart();
  let values;
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      values = [JSON.parse(file.text)];
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      return void 0;
    }
  } else {
    try {
      values = yaml.loadAll(file.text, void 0, { schema: yaml.CORE_SCHEMA, json: true });
    } catch (error) {
      if (!(error instanceof yaml.YAMLException)) throw error;
      return void 0;
    }
  }
  if (expandsBeyond(values, file.text.length + 16)) return void 0;
  const out = [];
  values.forEach((obj, i) => {
    if (obj === null || obj === void 0) return;
    out.push({ obj, path: [], locator: new DocumentStart(file.path, starts[i] ?? 1) });
  });
  return out;
}
function expandsBeyond(value, limit) {
  const stack = [value];
  let visited = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    if (++visited > limit) return true;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
    } else if (node !== null && typeof node === "object") {
      for (const key of Object.keys(node)) stack.push(node[key]);
    }
  }
  return false;
}
function withLineFeedsIn(file) {
  const text = withLineFeeds(file.text);
  return text === file.text ? file : { ...file, text };
}
function documents(files, errors) {
  const out = [];
  for (const file of files) {
    const lines = new import_yaml.LineCounter();
    let docs;
    try {
      docs = (0, import_yaml.parseAllDocuments)(file.text, { lineCounter: lines, uniqueKeys: false });
    } catch (error) {
      errors.push({
        file: file.path,
        line: 1,
        column: 1,
        message: `cannot parse: ${error instanceof Error ? error.message : String(error)}`
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
            message: `YAML: ${e.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "")}`
          });
        }
        continue;
      }
      let value;
      try {
        value = doc.toJS({ maxAliasCount: 1e3 });
      } catch (error) {
        errors.push({
          file: file.path,
          line: 1,
          column: 1,
          message: `YAML: ${error instanceof Error ? error.message : String(error)}`
        });
        continue;
      }
      if (value === null || value === void 0) continue;
      out.push({ obj: value, path: [], locator: new Locator(file.path, doc, lines) });
    }
  }
  return out;
}
function parseKubeObjects(inputFiles, options = {}) {
  const files = inputFiles.map(withLineFeedsIn);
  const result = {
    namespaces: [],
    pods: [],
    policies: [],
    ciliumPolicies: [],
    services: [],
    workloads: [],
    sources: /* @__PURE__ */ new Map(),
    skipped: [],
    errors: []
  };
  const report = (item, problems) => {
    for (const p of problems) {
      const at = item.locator.at([...item.path, ...p.path]);
      result.errors.push({ file: at.file, line: at.line, column: at.column, message: p.message });
    }
  };
  const handle = (item) => {
    const obj = item.obj;
    if (!isObject(obj)) {
      report(item, [
        {
          path: [],
          message: `expected a Kubernetes object (apiVersion, kind, metadata), got ${describe(obj)}`
        }
      ]);
      return;
    }
    const kind = obj["kind"];
    if (typeof kind !== "string") {
      report(item, [
        {
          path: [],
          message: "this object has no kind (expected Pod, Namespace, NetworkPolicy, Service or List)"
        }
      ]);
      return;
    }
    if (kind === "List" || kind.endsWith("List")) {
      const items = obj["items"];
      if (!Array.isArray(items)) {
        report(item, [
          { path: ["items"], message: `a ${kind} needs items: a list of objects, got ${describe(items)}` }
        ]);
        return;
      }
      items.forEach((o, i) => handle({ obj: o, path: [...item.path, "items", i], locator: item.locator }));
      return;
    }
    const source = item.locator.at(item.path);
    const metadata = isObject(obj["metadata"]) ? obj["metadata"] : {};
    const name = typeof metadata["name"] === "string" ? metadata["name"] : "?";
    const keep = (problems, list, value) => {
      if (problems.length > 0) report(item, problems);
      else {
        list.push(value);
        result.sources.set(value, source);
      }
    };
    switch (kind) {
      case "Namespace":
        keep(validateNamespace(obj), result.namespaces, obj);
        return;
      case "Pod":
        keep(validatePod(obj), result.pods, withNamespace(obj));
        return;
      case "Service":
        keep(validateService(obj), result.services, withNamespace(obj));
        return;
      case "Deployment":
      case "StatefulSet":
      case "DaemonSet":
      case "ReplicaSet":
        if (!options.workloads) {
          result.skipped.push({ source, kind, name });
          return;
        }
        keep(validateWorkload(obj), result.workloads, withNamespace(obj));
        return;
      case "NetworkPolicy": {
        const apiVersion = obj["apiVersion"];
        if (apiVersion !== void 0 && apiVersion !== "networking.k8s.io/v1") {
          report(item, [
            {
              path: ["apiVersion"],
              message: `NetworkPolicy apiVersion must be networking.k8s.io/v1, got ${describe(apiVersion)}`
            }
          ]);
          return;
        }
        keep(validateNetworkPolicy(obj), result.policies, withNamespace(obj));
        return;
      }
      case "CiliumNetworkPolicy":
        keep([], result.ciliumPolicies, withNamespace(obj));
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
        result.errors.length = before.errors;
        truncate(result, before.lists);
      }
    }
    for (const item of documents([file], result.errors)) handle(item);
  }
  return result;
}
var LISTS = [
  "namespaces",
  "pods",
  "policies",
  "ciliumPolicies",
  "services",
  "workloads",
  "skipped"
];
function counts(r) {
  return Object.fromEntries(LISTS.map((k) => [k, r[k].length]));
}
function truncate(r, to) {
  for (const k of LISTS) {
    for (const o of r[k].slice(to[k])) r.sources.delete(o);
    r[k].length = to[k];
  }
}
function withNamespace(obj) {
  const metadata = isObject(obj["metadata"]) ? obj["metadata"] : {};
  if (typeof metadata["namespace"] === "string" && metadata["namespace"] !== "") return obj;
  return { ...obj, metadata: { ...metadata, namespace: "default" } };
}

// action/src/import/record.ts
var NOISE = ["kubectl.kubernetes.io/last-applied-configuration"];
function recordedManifest(object) {
  const { name, namespace, labels, annotations } = object.metadata;
  const kept = Object.fromEntries(Object.entries(annotations ?? {}).filter(([k]) => !NOISE.includes(k)));
  const metadata = { name, namespace: namespace ?? "default" };
  if (labels && Object.keys(labels).length > 0) metadata.labels = labels;
  if (Object.keys(kept).length > 0) metadata.annotations = kept;
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    metadata,
    spec: structuredClone(object.spec)
  };
}
function readReplaced(files) {
  const parsed = parseKubeObjects(files.map((f) => ({ path: f.path, text: f.text })));
  const errors = [...parsed.errors];
  for (const s of parsed.skipped) {
    errors.push({
      ...s.source,
      message: `a ${s.kind} in a record of replaced policies (only NetworkPolicy and CiliumNetworkPolicy belong there)`
    });
  }
  for (const o of [...parsed.pods, ...parsed.namespaces, ...parsed.services]) {
    const at = parsed.sources.get(o);
    if (at)
      errors.push({
        ...at,
        message: "only NetworkPolicy and CiliumNetworkPolicy belong in a record of replaced policies"
      });
  }
  return {
    policies: parsed.policies,
    ciliumPolicies: parsed.ciliumPolicies,
    sources: parsed.sources,
    errors
  };
}

export {
  recordedManifest,
  readReplaced
};
