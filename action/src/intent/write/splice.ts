/**
 * Additions to a YAML file that leave every line of it as it was: new map entries and list
 * items are inserted as whole lines after the last entry or item of a block collection (at
 * its indentation), missing keys are created, and nothing else is touched. The yaml
 * package's parser finds the places; the text is never re-serialised (its round trip
 * reflows flow maps, comments and indentation). Two edits change a character of a line:
 * an empty `[]` or `{}` after a key becomes the block written below it, and a last line
 * without a line break gets one.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from "yaml";

/** Where a new top-level key goes: before the first present key that follows it here. */
const TOP_ORDER = [
  "promotion",
  "cni",
  "dns",
  "nodeCidrs",
  "excludedNamespaces",
  "probe",
  "replaces",
  "include",
  "namespaces",
  "flows",
];

interface Insertion {
  offset: number;
  text: string;
  /** Characters removed at `offset` first (an empty `[]`). */
  remove?: number;
}

/** Why an addition could not be made without rewriting a line. */
export class SpliceRefused extends Error {
  override name = "SpliceRefused";
}

export class Splicer {
  private readonly doc;
  private readonly lines = new LineCounter();
  private readonly insertions: Insertion[] = [];
  private readonly eol: string;
  /** Lines (1-based) whose empty `[]` or `{}` gave way to a block. */
  readonly emptiedLines: number[] = [];
  /** Paths already added to: one addition per path (the caller gathers what goes there). */
  private readonly done = new Set<string>();

  constructor(private readonly text: string) {
    this.doc = parseDocument(text, { lineCounter: this.lines, keepSourceTokens: false });
    if (this.doc.errors.length > 0)
      throw new SpliceRefused(`the file has YAML errors: ${this.doc.errors[0]!.message}`);
    this.eol = text.includes("\r\n") ? "\r\n" : "\n";
  }

  /**
   * Adds `entries` (each a list of lines indented from column 0: `name: …` and what follows,
   * comments above it included) to the map at `path`, creating the keys of `path` that are
   * missing. Throws SpliceRefused when the map is written in flow style on its lines.
   */
  addEntries(path: string[], entries: string[][]): void {
    if (entries.length > 0) this.add(path, entries, false);
  }

  /** Adds list items (each lines from column 0, the first starting with `- `) to the list at `path`. */
  addItems(path: string[], items: string[][]): void {
    if (items.length > 0) this.add(path, items, true);
  }

  /** Adds `key: value` (value as YAML text) to the top-level map, where TOP_ORDER puts it. */
  addTopLevel(key: string, value: string): void {
    if (this.has([key])) throw new Error(`internal: ${key} is there already`);
    const root = this.doc.contents;
    const line = `${key}: ${value}`;
    if (isMap(root) && root.items.length > 0) {
      if (root.flow) throw new SpliceRefused("the file is one map in flow style ({…})");
      this.insertTopLevel(key, root.items as Pair[], [line], []);
    } else this.insertAtEnd([line], []);
  }

  /** Whether the file holds the map key at `path`. */
  has(path: string[]): boolean {
    let node: unknown = this.doc.contents;
    for (const k of path) {
      if (!isMap(node)) return false;
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === k);
      if (!pair) return false;
      node = pair.value;
    }
    return true;
  }

  /** The text with every addition. Every line of the original is in it, in order. */
  result(): string {
    let out = this.text;
    const sorted = [...this.insertions]
      .map((x, i) => ({ ...x, i }))
      .sort((a, b) => b.offset - a.offset || b.i - a.i);
    for (const ins of sorted) {
      out = out.slice(0, ins.offset) + ins.text + out.slice(ins.offset + (ins.remove ?? 0));
    }
    return out;
  }

  private add(path: string[], blocks: string[][], seq: boolean): void {
    const pathKey = path.join(".");
    if (this.done.has(pathKey)) throw new Error(`internal: two additions to ${pathKey}`);
    this.done.add(pathKey);
    // Walk down as far as the path exists.
    let node: unknown = this.doc.contents;
    let parentPair: Pair | undefined;
    let depth = 0;
    const ancestors: { node: unknown; pair?: Pair }[] = [];
    for (; depth < path.length; depth++) {
      if (node === null || node === undefined) break;
      if (!isMap(node))
        throw new SpliceRefused(`'${path.slice(0, depth).join(".") || "the file"}' is not a map`);
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === path[depth]);
      if (!pair) break;
      ancestors.push({ node, pair });
      parentPair = pair;
      node = pair.value;
    }
    const where = path.slice(0, depth).join(".") || "the file";
    if (depth === path.length) {
      // The collection exists (or the key is there with nothing, or an empty [] / {}).
      if (node === null || node === undefined || (isScalar(node) && node.value === null)) {
        this.belowKey(parentPair, blocks);
        return;
      }
      const collection = node as Node;
      if (seq ? !isSeq(collection) : !isMap(collection))
        throw new SpliceRefused(`'${where}' is not a ${seq ? "list" : "map"}`);
      const items = (collection as { items: unknown[] }).items;
      if ((collection as { flow?: boolean }).flow) {
        if (items.length > 0)
          throw new SpliceRefused(`'${where}' is written in flow style (${seq ? "[…]" : "{…}"}) on its line`);
        this.replaceEmpty(parentPair, collection, blocks);
        return;
      }
      const first = items[0];
      const firstStart = seq
        ? collection.range![0]
        : (first as Pair).key !== null
          ? rangeOf((first as Pair).key)![0]
          : collection.range![0];
      const column = this.column(firstStart);
      const last = items[items.length - 1];
      const end = seq ? rangeOf(last)![1] : endOfPair(last as Pair);
      this.insertAfterLine(
        end,
        blocks.flatMap((b) => indent(b, column)),
      );
      return;
    }
    // Create the missing keys under the deepest existing map.
    const missing = path.slice(depth);
    const container = depth === 0 ? this.doc.contents : node;
    if (
      container !== null &&
      container !== undefined &&
      !isMap(container) &&
      !(isScalar(container) && container.value === null)
    )
      throw new SpliceRefused(`'${where}' is not a map`);
    const nested = (col: number): { lines: string[]; inner: number } => {
      const lines: string[] = [];
      let c = col;
      for (const k of missing) {
        lines.push(`${" ".repeat(c)}${k}:`);
        c += 2;
      }
      return { lines, inner: c };
    };
    if (
      depth === 0 &&
      (this.doc.contents === null || !isMap(this.doc.contents) || this.doc.contents.items.length === 0)
    ) {
      const { lines, inner } = nested(0);
      const body = blocks.flatMap((b) => indent(b, inner));
      this.insertAtEnd(lines, body);
      return;
    }
    if (isMap(container) && container.items.length > 0) {
      if (container.flow) throw new SpliceRefused(`'${where}' is written in flow style ({…}) on its line`);
      const column = this.column(rangeOf(container.items[0]!.key)![0]);
      const { lines, inner } = nested(column);
      const body = blocks.flatMap((b) => indent(b, inner));
      if (depth === 0) this.insertTopLevel(missing[0]!, container.items as Pair[], lines, body);
      else
        this.insertAfterLine(endOfPair(container.items[container.items.length - 1] as Pair), [
          ...lines,
          ...body,
        ]);
      return;
    }
    // The parent key holds nothing: the new keys go below it.
    const parent = ancestors[ancestors.length - 1]?.pair;
    const column = parent ? this.column(rangeOf(parent.key)![0]) + 2 : 0;
    const { lines, inner } = nested(column);
    const body = blocks.flatMap((b) => indent(b, inner));
    this.insertAfterLine(parent ? endOfPair(parent) : this.text.length, [...lines, ...body]);
  }

  /** `key:` with nothing after it: the entries go below it, indented one level. */
  private belowKey(pair: Pair | undefined, blocks: string[][]): void {
    const column = pair ? this.column(rangeOf(pair.key)![0]) + 2 : 0;
    const body = blocks.flatMap((b) => indent(b, column));
    this.insertAfterLine(pair ? rangeOf(pair.key)![1] : this.text.length, body);
  }

  /** `key: []` (or `{}`): the empty collection gives way to the block below the key. */
  private replaceEmpty(pair: Pair | undefined, collection: Node, blocks: string[][]): void {
    const [start, end] = collection.range!;
    const from = this.text[start - 1] === " " ? start - 1 : start;
    this.insertions.push({ offset: from, text: "", remove: end - from });
    this.emptiedLines.push(this.lines.linePos(start).line);
    const column = pair ? this.column(rangeOf(pair.key)![0]) + 2 : 0;
    this.insertAfterLine(
      end,
      blocks.flatMap((b) => indent(b, column)),
    );
  }

  /** A new top-level key before the first present key that follows it in TOP_ORDER, else at the end. */
  private insertTopLevel(name: string, pairs: Pair[], head: string[], body: string[]): void {
    const rank = TOP_ORDER.indexOf(name);
    const next = pairs.find((p) => {
      const r = TOP_ORDER.indexOf(isScalar(p.key) ? String(p.key.value) : "");
      return rank >= 0 && r > rank;
    });
    if (!next) {
      this.insertAtEnd(head, body);
      return;
    }
    // Before the key's line, and before the comment lines that lead into it.
    let lineStart = this.lineStart(rangeOf(next.key)![0]);
    for (;;) {
      const prev = this.lineStart(Math.max(0, lineStart - 1));
      if (prev === lineStart) break;
      const line = this.text.slice(prev, lineStart).trim();
      if (!line.startsWith("#")) break;
      lineStart = prev;
    }
    this.insertions.push({ offset: lineStart, text: [...head, ...body].map((l) => l + this.eol).join("") });
  }

  private insertAtEnd(head: string[], body: string[]): void {
    const needsBreak = this.text.length > 0 && !this.text.endsWith("\n");
    this.insertions.push({
      offset: this.text.length,
      text: (needsBreak ? this.eol : "") + [...head, ...body].map((l) => l + this.eol).join(""),
    });
  }

  /** Inserts whole lines after the line that holds `offset`. */
  private insertAfterLine(offset: number, lines: string[]): void {
    const newline = this.text.indexOf("\n", Math.max(0, offset - 1));
    if (newline < 0) {
      this.insertions.push({
        offset: this.text.length,
        text: this.eol + lines.map((l) => l + this.eol).join(""),
      });
      return;
    }
    this.insertions.push({ offset: newline + 1, text: lines.map((l) => l + this.eol).join("") });
  }

  private column(offset: number): number {
    return this.lines.linePos(offset).col - 1;
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf("\n", offset - 1) + 1;
  }
}

function rangeOf(node: unknown): [number, number, number] | undefined {
  return node !== null && typeof node === "object" && "range" in node
    ? ((node as { range?: [number, number, number] }).range ?? undefined)
    : undefined;
}

/** Where a map entry's content ends (its value's, else its key's). */
function endOfPair(pair: Pair): number {
  return rangeOf(pair.value)?.[1] ?? rangeOf(pair.key)![1];
}

function indent(lines: string[], by: number): string[] {
  const pad = " ".repeat(by);
  return lines.map((l) => (l === "" ? l : pad + l));
}
