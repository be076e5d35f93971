/**
 * YAML text as a person writes it: small maps and lists in flow style on one line
 * (`{ labels: { app: api }, ports: [8080] }`), larger ones in block style, two spaces per
 * level, list items indented under their key. Strings are plain where YAML reads them back as
 * the same string (in flow context too), else double-quoted.
 */

/** The widest line the writer makes of a value in flow style before it goes to block style. */
const MAX_WIDTH = 100;

/** Plain scalars that are always strings: no indicator, no `: ` or ` #`, no flow punctuation. */
const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./-]*(?:[ -][A-Za-z0-9_./-]+)*$/;
/** Words YAML 1.1 readers take for booleans or null (YAML 1.2 reads them as strings). */
const RESERVED =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A scalar as YAML text. */
export function scalar(value: string | number | boolean | null): string {
  if (value === null) return "null";
  if (typeof value !== "string") return String(value);
  return PLAIN.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
}

/**
 * A list item in block context (a flow line: `api -> 10.0.0.0/8:443`): plain unless it starts
 * with an indicator (`[2001:db8::/32]:443 -> …`) or holds `: ` or ` #`.
 */
export function itemText(value: string): string {
  return /^[-?:,[\]{}#&*!|>'"%@`\s]/.test(value) || /: |\s#|\s$/.test(value) ? JSON.stringify(value) : value;
}

/** A map key as YAML text. */
export function key(name: string): string {
  return scalar(name);
}

/** The value on one line in flow style. */
export function flowText(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([k, v]) => `${key(k)}: ${flowText(v)}`).join(", ")} }`;
  }
  return scalar(value);
}

/**
 * `name: value` at `indent` spaces, as lines: on one line when it fits, else the value in
 * block style below the key.
 */
export function entryLines(name: string, value: Json, indent: number): string[] {
  const pad = " ".repeat(indent);
  const head = `${pad}${key(name)}:`;
  if (!isCollection(value) || isEmpty(value) || head.length + 1 + flowText(value).length <= MAX_WIDTH)
    return [`${head} ${flowText(value)}`];
  return [head, ...blockLines(value, indent + 2)];
}

/** A collection in block style at `indent` spaces. */
export function blockLines(value: Json, indent: number): string[] {
  const pad = " ".repeat(indent);
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (const item of value) {
      if (!isCollection(item) || isEmpty(item) || pad.length + 2 + flowText(item).length <= MAX_WIDTH) {
        out.push(`${pad}- ${flowText(item)}`);
        continue;
      }
      const lines = Array.isArray(item) ? blockLines(item, indent + 2) : mapLines(item, indent + 2);
      // The item's first line goes on the dash.
      out.push(`${pad}- ${lines[0]!.trimStart()}`, ...lines.slice(1));
    }
    return out;
  }
  return mapLines(value as { [key: string]: Json }, indent);
}

function mapLines(value: { [key: string]: Json }, indent: number): string[] {
  return Object.entries(value).flatMap(([k, v]) => entryLines(k, v, indent));
}

function isCollection(v: Json): v is Json[] | { [key: string]: Json } {
  return v !== null && typeof v === "object";
}

function isEmpty(v: Json): boolean {
  return Array.isArray(v) ? v.length === 0 : isCollection(v) && Object.keys(v).length === 0;
}

/** Comment lines at `indent` spaces ("# text"); control characters shown as spaces. */
export function commentLines(lines: readonly string[] | undefined, indent: number): string[] {
  return (lines ?? []).map((l) => `${" ".repeat(indent)}#${l === "" ? "" : ` ${oneLine(l)}`}`);
}

/** Text that cannot break out of a comment: line breaks and control characters become spaces. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, " ").trimEnd();
}
