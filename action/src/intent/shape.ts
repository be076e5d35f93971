/**
 * Shape validation against policies/schema.json (JSON Schema draft-07, via ajv), with ajv's
 * findings turned into human messages at the YAML position of the offending node.
 *
 * Division of labour: the schema decides types, known keys, required keys and enums. The
 * loader's own checks decide everything with a grammar or a meaning (flow lines, port
 * strings, label syntax, names, CIDRs). So ajv's `pattern` and `propertyNames` findings
 * are dropped here (the loader re-checks them with better messages), and so are findings
 * inside `anyOf` branches: the loader dispatches polymorphic items (a port is a number, a
 * string or a map) on their YAML type and validates the map form with `checkShape` itself.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { closest, distance } from "fastest-levenshtein";
import schema from "../../../policies/schema.json" with { type: "json" };
import type { IntentError } from "./model.js";
import { errorAt, nodeAtPointer, scalarText, toPlain, type PEntry, type PNode } from "./tree.js";
import { dedentedKey } from "./dedent.js";

export type ShapeName =
  | "environment"
  | "fragment"
  | "template"
  | "portObject"
  | "flowObject"
  | "templateInclude"
  | "handWrittenPolicy";

let ajv: Ajv | undefined;
const validators = new Map<ShapeName, ValidateFunction>();

function validator(name: ShapeName): ValidateFunction {
  let v = validators.get(name);
  if (!v) {
    ajv ??= (() => {
      const a = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
      a.addSchema(schema, "intent");
      return a;
    })();
    const compiled = ajv.getSchema(`intent#/definitions/${name}`);
    if (!compiled) throw new Error(`schema definition ${name} is missing from policies/schema.json`);
    v = compiled;
    validators.set(name, v);
  }
  return v;
}

/** Validates a node against one definition of the schema; returns human errors at YAML positions. */
export function checkShape(node: PNode, name: ShapeName): IntentError[] {
  const validate = validator(name);
  if (validate(toPlain(node))) return [];
  const out: IntentError[] = [];
  for (const e of validate.errors ?? []) {
    const err = humanize(node, e, name);
    if (err) out.push(err);
  }
  return out;
}

interface SchemaLike {
  title?: string;
  type?: string | string[];
  properties?: Record<string, unknown>;
}

/**
 * Un-indented blocks, repaired in place with one error each. `services:` left empty with
 * the services below it written at its own column makes them unknown keys of the namespace,
 * and every flow to them unknown: dozens of errors with one cause. A key left empty where
 * a map belongs, followed by keys that are unknown where they stand (or are keys of the
 * map it should hold), is that cause: those keys are moved under it and the error says so,
 * so the rest of the file is judged as the author meant it.
 */
export function repairUnindentedBlocks(root: PNode, name: ShapeName): IntentError[] {
  const validate = validator(name);
  if (validate(toPlain(root))) return [];
  const errors = validate.errors ?? [];
  const out: IntentError[] = [];
  for (const e of errors) {
    const schemaOf = (e.parentSchema ?? {}) as SchemaLike;
    if (e.keyword !== "type" || schemaOf.type !== "object") continue;
    const parts = e.instancePath.split("/");
    const key = parts.pop()?.replace(/~1/g, "/").replace(/~0/g, "~");
    const parentPath = parts.join("/");
    const parent = nodeAtPointer(root, parentPath).node;
    if (key === undefined || parent.kind !== "map") continue;
    const index = parent.entries.findIndex((x) => x.key === key);
    const empty = parent.entries[index];
    if (!empty || empty.value.kind !== "scalar" || empty.value.value !== null) continue;
    const unknownHere = new Set(
      errors
        .filter((x) => x.keyword === "additionalProperties" && x.instancePath === parentPath)
        .map((x) => String((x.params as { additionalProperty: string }).additionalProperty)),
    );
    const childKeys = new Set(Object.keys(schemaOf.properties ?? {}));
    const moved: PEntry[] = [];
    for (const sibling of parent.entries.slice(index + 1)) {
      if (!unknownHere.has(sibling.key) && !childKeys.has(sibling.key)) break;
      moved.push(sibling);
    }
    if (moved.length === 0) continue;
    parent.entries.splice(index + 1, moved.length);
    empty.value = { kind: "map", entries: moved, pos: moved[0]!.keyPos };
    const first = moved[0]!.keyPos.line;
    const last = moved[moved.length - 1]!.keyPos.line;
    const lines = first === last ? `line ${first}` : `lines ${first}–${last}`;
    const names = moved.map((m) => m.key).join(", ");
    out.push(
      errorAt(
        empty.keyPos,
        moved.length === 1
          ? `'${key}:' is empty, and the key below it (${names}; ${lines}) starts at its column, so YAML does not put it inside`
          : `'${key}:' is empty, and the keys below it (${names}; ${lines}) start at its column, so YAML does not put them inside`,
        `indent ${lines} two spaces more than '${key}:'`,
      ),
    );
  }
  return out;
}

/**
 * Polymorphic list items (a port is a number, a string or a map; a flow a line or a map; an
 * include a path or a template) and label maps are checked by the loader itself, which
 * knows which form was meant; ajv's findings there would only repeat it less clearly. So
 * is a protocol, which is case-insensitive (the schema's enum is for editor completion).
 */
const OWN_CHECKS = /\/(ports|flows|include)\/\d+(\/|$)|\/(labels|podLabels)\/|\/protocol$/;

function humanize(root: PNode, e: ErrorObject, shape: ShapeName): IntentError | undefined {
  if (e.keyword === "anyOf" || OWN_CHECKS.test(e.instancePath)) return undefined;
  if (e.keyword === "pattern" || e.keyword === "propertyNames" || e.schemaPath.includes("/propertyNames/"))
    return undefined;
  const parent = (e.parentSchema ?? {}) as SchemaLike;
  const { node, keyPos } = nodeAtPointer(root, e.instancePath);
  const title = parent.title ?? "a value";
  const where = lastKey(e.instancePath);
  // A key written too far left: said at its own line, with where it belongs.
  if (e.keyword === "additionalProperties" || (e.keyword === "type" && keyPos !== undefined)) {
    const parts = e.instancePath.split("/");
    const key =
      e.keyword === "additionalProperties"
        ? String((e.params as { additionalProperty: string }).additionalProperty)
        : (parts.pop() ?? "").replace(/~1/g, "/").replace(/~0/g, "~");
    const pointer = e.keyword === "additionalProperties" ? e.instancePath : parts.join("/");
    const dedented = dedentedKey(root, shape, pointer, key);
    if (dedented) return dedented;
  }
  switch (e.keyword) {
    case "type": {
      const noun = withArticle(title);
      const forKey = where && !title.toLowerCase().includes(where.toLowerCase()) ? ` for '${where}'` : "";
      return errorAt(node.pos, `expected ${noun}${forKey}, got ${describe(node)}`);
    }
    case "additionalProperties": {
      const prop = String((e.params as { additionalProperty: string }).additionalProperty);
      const child = nodeAtPointer(root, `${e.instancePath}/${escapePointer(prop)}`);
      const known = Object.keys(parent.properties ?? {});
      const pos = child.keyPos ?? child.node.pos;
      return errorAt(pos, `unknown key '${prop}'${where ? ` in '${where}'` : ""}`, suggest(prop, known));
    }
    case "required": {
      const prop = String((e.params as { missingProperty: string }).missingProperty);
      return errorAt(keyPos ?? node.pos, `missing required key '${prop}'${where ? ` in '${where}'` : ""}`);
    }
    case "enum": {
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      // Case-insensitive values (protocols) are listed once, as the schema writes them.
      const unique = allowed.filter(
        (a, i) => allowed.findIndex((b) => b.toLowerCase() === a.toLowerCase()) === i,
      );
      const value = node.kind === "scalar" ? scalarText(node) : describe(node);
      return errorAt(node.pos, `unknown ${where ?? title} '${value}'`, suggest(value, unique));
    }
    case "minimum":
    case "maximum": {
      const limit = (e.params as { limit: number }).limit;
      const value = node.kind === "scalar" ? scalarText(node) : describe(node);
      const bound = e.keyword === "minimum" ? `at least ${limit}` : `at most ${limit}`;
      return errorAt(
        node.pos,
        `${where ? `'${where}' ` : ""}${value} is out of range: ${title} must be ${bound}`,
      );
    }
    case "maxLength": {
      const limit = (e.params as { limit: number }).limit;
      return errorAt(node.pos, `${title} is too long: at most ${limit} characters`);
    }
    default:
      return errorAt(node.pos, `${where ? `'${where}' ` : ""}${e.message ?? "is invalid"}`);
  }
}

function lastKey(pointer: string): string | undefined {
  const parts = pointer.split("/").slice(1);
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i]!;
    if (!/^\d+$/.test(p)) return p.replace(/~1/g, "/").replace(/~0/g, "~");
  }
  return undefined;
}

function escapePointer(s: string): string {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

function withArticle(title: string): string {
  if (/^(a|an|the)\s/i.test(title)) return title;
  return `${/^[aeiouAEIOU]/.test(title) ? "an" : "a"} ${title}`;
}

/** How a node reads in a message: "nothing", "a list", the scalar itself. */
export function describe(node: PNode): string {
  if (node.kind === "map") return "a map";
  if (node.kind === "seq") return "a list";
  if (node.value === null) return "nothing";
  if (typeof node.value === "string") return `'${node.value}'`;
  return scalarText(node);
}

/** "did you mean 'x'?" when a known name is close enough, else the list of known names. */
export function suggest(value: string, known: string[]): string | undefined {
  if (known.length === 0) return undefined;
  if (isClose(value, known)) return `did you mean '${closest(value, known)}'?`;
  // Short enough to read: every key an environment file may have (14 today) is listed.
  if (known.length <= 16) return `expected one of: ${known.join(", ")}`;
  return undefined;
}

/** Only the close match, never the list (for names in a large environment). */
export function didYouMean(value: string, known: string[]): string | undefined {
  if (known.length === 0) return undefined;
  return isClose(value, known) ? `did you mean '${closest(value, known)}'?` : undefined;
}

/** The known name `value` is most likely a typo of, if one is close enough. */
export function closeMatch(value: string, known: string[]): string | undefined {
  return known.length > 0 && isClose(value, known) ? closest(value, known) : undefined;
}

/** Close enough to be a typo: one edit for short words, up to a third of the length for longer ones. */
function isClose(value: string, known: string[]): boolean {
  const best = closest(value, known);
  const limit = value.length <= 4 ? 1 : Math.max(2, Math.floor(value.length / 3));
  return distance(value.toLowerCase(), best.toLowerCase()) <= limit;
}
