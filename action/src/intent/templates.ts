/**
 * Template instances: `${name}` replaced in every key and value of a template, keeping the
 * template's line and column on every node (and naming the include that pulled it in), so
 * an error inside an instance points at the template line that produced it.
 *
 * Rules:
 * - `$${` writes a literal `${`.
 * - An unquoted value that is exactly `${name}` takes the parameter's type after
 *   substitution (`port: ${port}` with port 8080 is the number 8080); anything else is text.
 * - A reference to a name that is not a declared parameter is an error at its line.
 */
import type { IntentError } from "./model.js";
import { didYouMean } from "./shape.js";
import { errorAt, type PEntry, type PNode, type Pos, type ScalarValue } from "./tree.js";

export type ParamValue = string | number | boolean;

const REF = /\$\$\{|\$\{([^}]*)\}/g;

export function instantiate(
  node: PNode,
  params: ReadonlyMap<string, ParamValue>,
  via: string,
): { node: PNode; errors: IntentError[] } {
  const errors: IntentError[] = [];
  const known = [...params.keys()];
  const relocate = (pos: Pos): Pos => ({ ...pos, via });
  const subst = (text: string, pos: Pos): string =>
    text.replace(REF, (match, name: string | undefined) => {
      if (match === "$${") return "${";
      const key = (name ?? "").trim();
      const value = params.get(key);
      if (value === undefined) {
        errors.push(errorAt(pos, `unknown template parameter '\${${key}}'`, didYouMean(key, known)));
        return match;
      }
      return String(value);
    });
  const walk = (n: PNode): PNode => {
    const pos = relocate(n.pos);
    switch (n.kind) {
      case "map": {
        const entries: PEntry[] = [];
        const seen = new Map<string, Pos>();
        for (const e of n.entries) {
          const keyPos = relocate(e.keyPos);
          const key = subst(e.key, keyPos);
          const first = seen.get(key);
          if (first) {
            errors.push(
              errorAt(keyPos, `duplicate key '${key}' after substitution (first at line ${first.line})`),
            );
            continue;
          }
          seen.set(key, keyPos);
          entries.push({ key, keyPos, value: walk(e.value) });
        }
        return { kind: "map", entries, pos };
      }
      case "seq":
        return { kind: "seq", items: n.items.map(walk), pos };
      case "scalar": {
        if (typeof n.value !== "string" || !n.value.includes("${")) return { ...n, pos };
        const whole = /^\$\{\s*([^}]*?)\s*\}$/.exec(n.value);
        if (whole && n.plain) {
          const value = params.get(whole[1]!);
          if (value !== undefined) return { kind: "scalar", value: typed(value), plain: true, pos };
        }
        return { kind: "scalar", value: subst(n.value, pos), plain: n.plain, pos };
      }
    }
  };
  return { node: walk(node), errors };
}

/** An unquoted `${x}` takes the type its value would have had if written there. */
function typed(value: ParamValue): ScalarValue {
  if (typeof value !== "string") return value;
  if (/^-?\d+$/.test(value)) return Number(value);
  if (value === "true" || value === "false") return value === "true";
  return value;
}

/** The same tree with every position naming the include that pulled it in (shared fragments). */
export function relocate(node: PNode, via: string): PNode {
  const pos = { ...node.pos, via };
  switch (node.kind) {
    case "map":
      return {
        kind: "map",
        entries: node.entries.map((e) => ({
          key: e.key,
          keyPos: { ...e.keyPos, via },
          value: relocate(e.value, via),
        })),
        pos,
      };
    case "seq":
      return { kind: "seq", items: node.items.map((i) => relocate(i, via)), pos };
    case "scalar":
      return { ...node, pos };
  }
}
