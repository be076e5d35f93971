/**
 * Hand-written policies (`namespaces: NS: policies: NAME: <NetworkPolicy spec>`): the escape
 * hatch for what a flow cannot say. Each is checked as the API server would check the
 * NetworkPolicy it becomes (k8s/validate.ts), every problem at its line.
 */
import { validateNetworkPolicy } from "../k8s/validate.js";
import type { NetworkPolicySpec } from "../k8s/types.js";
import type { HandWrittenPolicy, SourceRef } from "./model.js";
import { dns1123SubdomainProblem } from "./names.js";
import { checkShape } from "./shape.js";
import { asMap, asSeq, get, nodeAtPointer, type PMap, type PNode, type Pos } from "./tree.js";

/** The prefix of a hand-written policy's object name: it never meets a compiled name or a cluster's own. */
export const HAND_WRITTEN_PREFIX = "custom.";

/** Kubernetes object names are DNS-1123 subdomains of at most 253 characters. */
const MAX_NAME = 253 - HAND_WRITTEN_PREFIX.length;

interface Decl {
  node: PMap;
  fromEnv: boolean;
}

type Fail = (pos: Pos, message: string, hint?: string) => void;

function ref(pos: Pos): SourceRef {
  return { file: pos.file, line: pos.line, column: pos.column };
}

/**
 * The hand-written policies of one namespace, merged like services: the same name in two
 * includes is an error; the environment file may redeclare an included policy, replacing it.
 */
export function readHandWrittenPolicies(
  decls: readonly Decl[],
  namespace: string,
  managed: boolean,
  fail: Fail,
): HandWrittenPolicy[] {
  const byName = new Map<string, { keyPos: Pos; node: PNode; fromEnv: boolean }[]>();
  for (const d of decls) {
    for (const e of asMap(get(d.node, "policies"))?.entries ?? []) {
      const list = byName.get(e.key) ?? [];
      list.push({ keyPos: e.keyPos, node: e.value, fromEnv: d.fromEnv });
      byName.set(e.key, list);
    }
  }
  const out: HandWrittenPolicy[] = [];
  for (const [name, list] of byName) {
    const included = list.filter((d) => !d.fromEnv);
    for (const dup of included.slice(1)) {
      const first = included[0]!.keyPos;
      fail(
        dup.keyPos,
        `hand-written policy '${name}' in namespace '${namespace}' is already declared at ${first.file}:${first.line}:${first.column}`,
        "declare it once; the environment file may redeclare it to replace it",
      );
    }
    const main = list.find((d) => d.fromEnv) ?? included[0]!;
    const problem = dns1123SubdomainProblem(name);
    if (problem) {
      fail(main.keyPos, `policy name '${name}' ${problem}`);
      continue;
    }
    if (name.length > MAX_NAME) {
      fail(main.keyPos, `policy name '${name}' is ${name.length} characters long; at most ${MAX_NAME}`);
      continue;
    }
    if (!managed) {
      fail(
        main.keyPos,
        `namespace '${namespace}' is not managed, so hand-written policy '${name}' would be created nowhere`,
        "write managed: true for the namespace, or remove the policy",
      );
      continue;
    }
    const policy = readPolicy(name, namespace, main.node, main.keyPos, fail);
    if (policy) out.push(policy);
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function readPolicy(
  name: string,
  namespace: string,
  node: PNode,
  keyPos: Pos,
  fail: Fail,
): HandWrittenPolicy | undefined {
  const map = asMap(node);
  if (!map) return undefined; // the environment's shape check reports it
  // What the schema finds, the environment's shape check reports; the API server's own
  // checks (CIDRs, label syntax, port names, operators' values) are added where they say
  // something else.
  const shape = checkShape(map, "handWrittenPolicy");
  // Lines the schema already speaks of (the policy's own first line stands for its key's).
  const reported = new Set(
    shape.flatMap((e) => (e.line === map.pos.line ? [e.line, keyPos.line] : [e.line])),
  );
  const spec = plainJson(map) as unknown as NetworkPolicySpec;
  const problems = validateNetworkPolicy({ metadata: { name: `${HAND_WRITTEN_PREFIX}${name}` }, spec });
  let ok = shape.length === 0;
  for (const p of problems) {
    if (p.path[0] !== "spec") continue;
    const pointer = p.path
      .slice(1)
      .map((k) => `/${String(k).replace(/~/g, "~0").replace(/\//g, "~1")}`)
      .join("");
    const at = nodeAtPointer(map, pointer);
    const pos = at.node === map ? keyPos : (at.keyPos ?? at.node.pos);
    ok = false;
    if (!reported.has(pos.line)) fail(pos, `policy '${name}': ${p.message}`);
  }
  if (!ok) return undefined;
  const sources = (key: string): SourceRef[] =>
    (asSeq(get(map, key))?.items ?? []).map((item) => ref(item.pos));
  return {
    name,
    namespace,
    spec,
    ruleSources: { ingress: sources("ingress"), egress: sources("egress") },
    source: ref(keyPos),
  };
}

/** The tree as ordinary JSON (schema-checked already: keys are the API's field names and labels). */
function plainJson(node: PNode): unknown {
  switch (node.kind) {
    case "map": {
      const out: Record<string, unknown> = {};
      for (const e of node.entries) {
        Object.defineProperty(out, e.key, {
          value: plainJson(e.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    case "seq":
      return node.items.map(plainJson);
    case "scalar":
      return node.value;
  }
}
