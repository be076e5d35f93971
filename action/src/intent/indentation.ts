/**
 * Indentation mistakes said in words. YAML reports a misplaced line as a syntax error at a
 * neighbouring position ("all mapping items must start at the same column"), or not at all:
 * a list item indented one space more than the items above it is read as the rest of the
 * item before it. This reads the lines as a reader would (blocks open after `key:` or
 * `- `, siblings share a column) and names the first line that breaks that.
 */
import type { IntentError } from "./model.js";

interface Line {
  number: number;
  indent: number;
  text: string;
}

/** The lines that hold YAML content: no blank or comment-only lines, no block scalar bodies or multi-line flow collections. */
function contentLines(text: string): Line[] {
  const out: Line[] = [];
  let scalarIndent: number | undefined;
  let flowDepth = 0;
  text.split(/\r?\n/).forEach((raw, i) => {
    const body = raw.trimStart();
    const indent = raw.length - body.length;
    if (body === "" || body.startsWith("#")) return;
    if (scalarIndent !== undefined) {
      if (indent > scalarIndent) return;
      scalarIndent = undefined;
    }
    if (flowDepth > 0) {
      flowDepth = Math.max(0, flowDepth + depthChange(body));
      return;
    }
    out.push({ number: i + 1, indent, text: body });
    flowDepth = Math.max(0, depthChange(body));
    // `key: |` or `- >-` opens a block scalar: its body lines are text, not structure.
    if (/(^|[:-]\s+)[|>][-+0-9]*\s*(#.*)?$/.test(body)) scalarIndent = indent;
  });
  return out;
}

/** Open minus closed brackets outside quotes and comments. */
function depthChange(text: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) break;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
  }
  return depth;
}

/** Where the content of a line's block starts: after `- ` (nested) for list items. */
function itemContentColumn(line: Line): number | undefined {
  const m = /^(-\s+)+/.exec(line.text);
  return m ? line.indent + m[0].length : undefined;
}

/** Whether a line opens a block below it: `key:` with nothing after it, or a lone `-`. */
function opensBlock(line: Line): boolean {
  const text = line.text.replace(/\s+#.*$/, "");
  return /:$/.test(text) || /^-$/.test(text);
}

const WORDS = ["no", "one", "two", "three", "four"];

function spaces(n: number): string {
  return `${WORDS[n] ?? String(n)} space${n === 1 ? "" : "s"}`;
}

function noun(line: Line): string {
  return line.text.startsWith("-") ? "item" : "key";
}

/**
 * The first line whose indentation fits no open block, as an error at that line with the
 * fix in words; undefined when the indentation reads consistently. `file` names the file.
 */
export function indentationMistake(file: string, text: string): IntentError | undefined {
  const lines = contentLines(text);
  // Columns of the open blocks, outermost first, with the line that set each.
  const open: { column: number; line: Line }[] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    const top = open[open.length - 1];
    if (!previous || !top) {
      open.push({ column: line.indent, line });
      previous = line;
      continue;
    }
    if (line.indent > top.column) {
      const itemColumn = itemContentColumn(previous);
      // A deeper line is fine under `key:`, or as the next key of a `- key: value` item.
      const fits = opensBlock(previous) || (itemColumn !== undefined && line.indent === itemColumn);
      if (!fits) {
        const n = line.indent - top.column;
        const what = noun(line);
        return {
          file,
          line: line.number,
          column: line.indent + 1,
          message: `this ${what} is indented ${spaces(n)} more than the ${what}s above it (line ${top.line.number})`,
          hint:
            what === "item" && top.line.text.startsWith("-")
              ? `YAML reads it as the rest of the item on line ${previous.number}; start it at column ${top.column + 1}`
              : `start it at column ${top.column + 1}, like line ${top.line.number}`,
        };
      }
      open.push({ column: line.indent, line });
    } else {
      while (open.length > 1 && open[open.length - 1]!.column > line.indent) open.pop();
      const now = open[open.length - 1]!;
      if (now.column !== line.indent) {
        // Between two levels: closer to the inner one it left, or the outer one it meets.
        const inner = open.find((o) => o.column > line.indent) ?? top;
        const n = inner.column - line.indent;
        const what = noun(line);
        return {
          file,
          line: line.number,
          column: line.indent + 1,
          message: `this ${what} is indented ${spaces(n)} less than the ${what}s above it (line ${inner.line.number})`,
          hint: `start it at column ${inner.column + 1} to stay in the same block, or at column ${now.column + 1} to close it`,
        };
      }
      open[open.length - 1] = { column: line.indent, line };
    }
    previous = line;
  }
  return undefined;
}

/**
 * A list item YAML read as part of the item before it: a plain item whose text runs onto a
 * line starting with `- `. Valid YAML, and never what an intent file means.
 */
export function itemReadAsText(file: string, text: string): IntentError | undefined {
  const lines = contentLines(text);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const previous = lines[i - 1]!;
    if (!line.text.startsWith("- ") || !previous.text.startsWith("- ")) continue;
    if (line.indent <= previous.indent) continue;
    // Only a plain scalar item continues as text; a `- key: value` item or a quoted one does not.
    const item = previous.text.replace(/^-\s+/, "").replace(/\s+#.*$/, "");
    if (/^["'{[|>&*!-]/.test(item) || /:(\s|$)/.test(item)) continue;
    const n = line.indent - previous.indent;
    return {
      file,
      line: line.number,
      column: line.indent + 1,
      message: `this item is indented ${spaces(n)} more than the items above it (line ${previous.number})`,
      hint: `YAML reads it as the rest of the item on line ${previous.number}; start it at column ${previous.indent + 1}`,
    };
  }
  return undefined;
}
