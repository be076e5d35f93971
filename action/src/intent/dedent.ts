/**
 * A key written a level (or more) too far left. YAML reads it as a key of an outer map, where
 * it is unknown (`ports:` under a namespace) or a thing of the wrong kind (`ports:` among the
 * services, read as a service named "ports"); the schema's message then points at the wrong
 * place and suggests the wrong fix. The map just above it, down its last entries, that takes
 * the key (by name, or any key like a label map) is where it was meant to go: the error says
 * so at the key's own line, with the column to start it at.
 */
import schema from "../../../policies/schema.json" with { type: "json" };
import type { IntentError } from "./model.js";
import { errorAt, nodeAtPointer, type PEntry, type PNode } from "./tree.js";

interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
}

const definitions = (schema as { definitions: Record<string, SchemaNode> }).definitions;

function deref(node: SchemaNode | undefined): SchemaNode | undefined {
  let n = node;
  for (let i = 0; n?.$ref !== undefined && i < 16; i++) n = definitions[n.$ref.replace("#/definitions/", "")];
  return n;
}

/** The schema of the value at `parts` below `root` (a definition), or undefined. */
function schemaAt(root: SchemaNode, parts: string[]): SchemaNode | undefined {
  let node = deref(root);
  for (const part of parts) {
    if (!node) return undefined;
    if (node.properties?.[part]) node = deref(node.properties[part]);
    else if (typeof node.additionalProperties === "object") node = deref(node.additionalProperties);
    else if (node.items && /^\d+$/.test(part)) node = deref(node.items);
    else return undefined;
  }
  return node;
}

/** How well a map's schema takes `key` with `value`: by name (2), as any key (1), or not (0). */
function takes(map: SchemaNode | undefined, key: string, value: PNode): number {
  if (!map) return 0;
  if (map.properties?.[key]) return 2;
  const any = typeof map.additionalProperties === "object" ? deref(map.additionalProperties) : undefined;
  if (!any) return 0;
  const kind = value.kind === "map" ? "object" : value.kind === "seq" ? "array" : typeof value.value;
  const types = any.type === undefined ? undefined : [any.type].flat();
  return types === undefined || types.includes(kind) ? 1 : 0;
}

function decode(part: string): string {
  return part.replace(/~1/g, "/").replace(/~0/g, "~");
}

/**
 * When the entry `key` of the map at `pointer` reads as written a level too far left, the
 * error that says where it belongs; else undefined.
 */
export function dedentedKey(
  root: PNode,
  shape: string,
  pointer: string,
  key: string,
): IntentError | undefined {
  const top = definitions[shape];
  const parent = nodeAtPointer(root, pointer).node;
  if (!top || parent.kind !== "map") return undefined;
  const index = parent.entries.findIndex((e) => e.key === key);
  const entry = parent.entries[index];
  const previous = parent.entries[index - 1];
  if (!entry || !previous) return undefined;
  const parts = pointer.split("/").slice(1).map(decode);
  // Down the previous entry's last entries: the deepest map that takes the key by name wins,
  // else the first that takes it as any key.
  let best: { entry: PEntry; score: number } | undefined;
  let at: PEntry = previous;
  let path = [...parts, previous.key];
  for (let depth = 0; depth < 8 && at.value.kind === "map"; depth++) {
    const score = takes(schemaAt(top, path), key, entry.value);
    const first = at.value.entries[0];
    // A block map whose keys start right of the key: where it can be indented to.
    const deeper =
      first !== undefined && first.keyPos.line > at.keyPos.line && first.keyPos.column > entry.keyPos.column;
    if (score > 0 && deeper && (!best || score > best.score)) best = { entry: at, score };
    if (best?.score === 2) break;
    const last = at.value.entries[at.value.entries.length - 1];
    if (!last) break;
    at = last;
    path = [...path, last.key];
  }
  if (!best) return undefined;
  const target = best.entry;
  const column = (target.value as Extract<PNode, { kind: "map" }>).entries[0]!.keyPos.column;
  const spaces = column - entry.keyPos.column;
  return errorAt(
    entry.keyPos,
    `'${key}' is indented as ${parts.length > 0 ? `a key of '${parts[parts.length - 1]}'` : "a top-level key"}, but reads as belonging to '${target.key}' above it (line ${target.keyPos.line})`,
    `indent it ${spaces} space${spaces === 1 ? "" : "s"} more, to column ${column}, under '${target.key}'`,
  );
}
