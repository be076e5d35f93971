/**
 * A YAML document as a small positioned tree: every map entry, list item and scalar keeps
 * the file, line and column it was written at, so that every later check (schema shape,
 * meaning, template instances) can point back at the exact place.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar } from "yaml";
import { withLineFeeds } from "../text/lines.js";
import type { Document, Node as YamlNode } from "yaml";
import type { IntentError } from "./model.js";
import { recordFrom } from "../k8s/record.js";
import { indentationMistake, itemReadAsText } from "./indentation.js";

/** Where a node was written. `via` names the include that pulled a template or fragment in. */
export interface Pos {
  file: string;
  line: number;
  column: number;
  via?: string;
}

export type ScalarValue = string | number | boolean | null;

export interface PEntry {
  key: string;
  keyPos: Pos;
  value: PNode;
}

export type PNode =
  | { kind: "map"; entries: PEntry[]; pos: Pos }
  | { kind: "seq"; items: PNode[]; pos: Pos }
  /**
   * `plain` is true for an unquoted scalar (only those may turn into numbers after
   * substitution). `source` is the text as written when it read as a number or boolean
   * (9007199254740993 or 1.10 are not the numbers YAML makes of them): messages quote it.
   */
  | { kind: "scalar"; value: ScalarValue; plain: boolean; pos: Pos; source?: string };

export type PMap = Extract<PNode, { kind: "map" }>;
export type PSeq = Extract<PNode, { kind: "seq" }>;
export type PScalar = Extract<PNode, { kind: "scalar" }>;

export interface ParsedFile {
  file: string;
  /** Absent when the file has YAML syntax errors. An empty file is an empty map. */
  root?: PNode;
  errors: IntentError[];
}

export function errorAt(pos: Pos, message: string, hint?: string): IntentError {
  const full = pos.via ? `${message} (in ${pos.via})` : message;
  return hint === undefined
    ? { file: pos.file, line: pos.line, column: pos.column, message: full }
    : { file: pos.file, line: pos.line, column: pos.column, message: full, hint };
}

const MAX_ALIAS_EXPANSIONS = 1000;

const MESSAGES: Record<string, string> = {
  TAB_AS_INDENT: "tabs are not allowed as indentation in YAML",
  MULTIPLE_DOCS: "one YAML document per file: remove the '---' separator",
};

/** Parses one YAML file. Syntax errors come back as IntentErrors with line:column. */
export function parseYamlFile(file: string, rawText: string): ParsedFile {
  const text = withLineFeeds(rawText);
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true });
  } catch (error) {
    // The yaml package reports problems as doc.errors; a throw here is unexpected input.
    const message = error instanceof Error ? error.message : String(error);
    return { file, errors: [{ file, line: 1, column: 1, message: `cannot parse YAML: ${message}` }] };
  }
  const at = (offset: number): Pos => {
    const lp = lineCounter.linePos(offset);
    return { file, line: lp.line, column: lp.col };
  };
  if (doc.errors.length > 0) {
    // A misplaced line makes YAML report errors around it; the line itself, said in words,
    // is the one cause to fix.
    const lastLine = Math.max(...doc.errors.map((e) => at(e.pos[0]).line));
    const mistake = doc.errors.some((e) => e.code === "TAB_AS_INDENT")
      ? undefined
      : indentationMistake(file, text);
    if (mistake && mistake.line <= lastLine + 1) return { file, errors: [mistake] };
    const errors = doc.errors.map((e) => {
      const pos = at(e.pos[0]);
      const message = MESSAGES[e.code] ?? `YAML syntax error: ${lowerFirst(e.message.split("\n")[0] ?? "")}`;
      return errorAt(pos, message);
    });
    return { file, errors };
  }
  const asText = itemReadAsText(file, text);
  if (asText) return { file, errors: [asText] };
  const errors: IntentError[] = [];
  let aliases = 0;
  const convert = (node: unknown, fallback: Pos, depth: number): PNode => {
    if (depth > 64) {
      errors.push(errorAt(fallback, "YAML nesting is too deep"));
      return { kind: "scalar", value: null, plain: true, pos: fallback };
    }
    if (isAlias(node)) {
      const pos = node.range ? at(node.range[0]) : fallback;
      // Each alias copies its anchor's content; nested aliases multiply (a "billion laughs"
      // document), so expansions are capped like the yaml package's own maxAliasCount.
      if (++aliases > MAX_ALIAS_EXPANSIONS) {
        if (aliases === MAX_ALIAS_EXPANSIONS + 1) {
          errors.push(
            errorAt(
              pos,
              `YAML aliases expand more than ${MAX_ALIAS_EXPANSIONS} times`,
              "write the values out",
            ),
          );
        }
        return { kind: "scalar", value: null, plain: true, pos };
      }
      const target = node.resolve(doc);
      if (!target) {
        errors.push(errorAt(pos, `unknown YAML alias *${node.source}`));
        return { kind: "scalar", value: null, plain: true, pos };
      }
      // An alias points at its anchor's content; errors inside it point at the anchor.
      return convert(target, pos, depth + 1);
    }
    const pos = isNodeWithRange(node) && node.range ? at(node.range[0]) : fallback;
    if (isMap(node)) {
      const entries: PEntry[] = [];
      const seen = new Map<string, Pos>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key;
        const keyPos = isNodeWithRange(keyNode) && keyNode.range ? at(keyNode.range[0]) : pos;
        if (!isScalar(keyNode) || (keyNode.value !== null && typeof keyNode.value === "object")) {
          errors.push(errorAt(keyPos, "map keys must be plain strings"));
          continue;
        }
        const key = keyNode.value === null ? "" : String(keyNode.value);
        const first = seen.get(key);
        if (first) {
          errors.push(errorAt(keyPos, `duplicate key '${key}' (first written at line ${first.line})`));
          continue;
        }
        seen.set(key, keyPos);
        const value =
          pair.value === null || pair.value === undefined
            ? ({ kind: "scalar", value: null, plain: true, pos: keyPos } as const)
            : convert(pair.value, keyPos, depth + 1);
        entries.push({ key, keyPos, value });
      }
      return { kind: "map", entries, pos };
    }
    if (isSeq(node)) {
      return { kind: "seq", items: node.items.map((item) => convert(item, pos, depth + 1)), pos };
    }
    if (isScalar(node)) {
      const v: unknown = node.value;
      const value: ScalarValue =
        v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean"
          ? v
          : typeof v === "bigint"
            ? Number(v)
            : String(v);
      const plain = node.type === Scalar.PLAIN || node.type === undefined;
      const source = (node as { source?: unknown }).source;
      return typeof value === "number" || typeof value === "boolean"
        ? typeof source === "string"
          ? { kind: "scalar", value, plain, pos, source }
          : { kind: "scalar", value, plain, pos }
        : { kind: "scalar", value, plain, pos };
    }
    return { kind: "scalar", value: null, plain: true, pos };
  };
  const start: Pos = { file, line: 1, column: 1 };
  const root: PNode =
    doc.contents === null ? { kind: "map", entries: [], pos: start } : convert(doc.contents, start, 0);
  return errors.length > 0 ? { file, root, errors } : { file, root, errors: [] };
}

/** The scalar as its author wrote it: the source text of a number or boolean, else its value. */
export function scalarText(node: PScalar): string {
  return node.source ?? String(node.value);
}

function isNodeWithRange(node: unknown): node is YamlNode {
  return typeof node === "object" && node !== null && "range" in node;
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** The tree as plain JSON, for the schema validator. */
export function toPlain(node: PNode): unknown {
  switch (node.kind) {
    case "map": {
      // Own properties whatever the key: `__proto__` is an unknown key to the schema, not a prototype.
      return recordFrom(node.entries.map((e) => [e.key, toPlain(e.value)] as const));
    }
    case "seq":
      return node.items.map(toPlain);
    case "scalar":
      return node.value;
  }
}

export function entry(map: PMap, key: string): PEntry | undefined {
  return map.entries.find((e) => e.key === key);
}

export function get(map: PMap, key: string): PNode | undefined {
  return entry(map, key)?.value;
}

export function asMap(node: PNode | undefined): PMap | undefined {
  return node?.kind === "map" ? node : undefined;
}

export function asSeq(node: PNode | undefined): PSeq | undefined {
  return node?.kind === "seq" ? node : undefined;
}

export function asString(node: PNode | undefined): string | undefined {
  return node?.kind === "scalar" && typeof node.value === "string" ? node.value : undefined;
}

export function asNumber(node: PNode | undefined): number | undefined {
  return node?.kind === "scalar" && typeof node.value === "number" ? node.value : undefined;
}

export function asBoolean(node: PNode | undefined): boolean | undefined {
  return node?.kind === "scalar" && typeof node.value === "boolean" ? node.value : undefined;
}

/** Follows a JSON pointer (as ajv reports it) and returns the node and, for a map key, the key's position. */
export function nodeAtPointer(root: PNode, pointer: string): { node: PNode; keyPos?: Pos } {
  if (pointer === "") return { node: root };
  const parts = pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node: PNode = root;
  let keyPos: Pos | undefined;
  for (const part of parts) {
    if (node.kind === "map") {
      const e = entry(node, part);
      if (!e) break;
      node = e.value;
      keyPos = e.keyPos;
    } else if (node.kind === "seq") {
      const item = node.items[Number(part)];
      if (!item) break;
      node = item;
      keyPos = undefined;
    } else {
      break;
    }
  }
  return keyPos ? { node, keyPos } : { node };
}
