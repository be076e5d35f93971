/**
 * Canonical JSON: object keys sorted by UTF-16 code units at every level, no whitespace,
 * `undefined` members dropped (as JSON.stringify does). Two values that are equal as JSON
 * serialise to the same string whatever order their keys were built in.
 */
import { setEntry } from "../k8s/record.js";

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const text = JSON.stringify(value);
    // JSON.stringify(undefined) is undefined; inside arrays JSON uses null.
    return text === undefined ? "null" : text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(",")}]`;
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort(compareStrings)) {
    const member = record[key];
    if (member === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${parts.join(",")}}`;
}

/** Code-unit order, independent of the locale (unlike localeCompare). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy of `record` whose keys are inserted in sorted order (YAML and JSON keep it). */
export function sortedRecord(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  // Own properties, whatever the key (an assignment to `__proto__` would set the prototype).
  for (const key of Object.keys(record).sort(compareStrings)) setEntry(out, key, record[key] as string);
  return out;
}
