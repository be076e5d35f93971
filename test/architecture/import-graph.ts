/**
 * The folder-level import graph of the sources, and the two rules the layout stands on:
 * no import cycle between folders, and a pure core that reaches no SDK and no adapter.
 * Imports are read with the TypeScript scanner (`ts.preProcessFile`: static imports,
 * re-exports and `import()` calls), so a type-only import counts like any other.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

/** Folders under the source root whose code is pure: no I/O SDKs, no adapters. */
export const PURE_FOLDERS = ["intent", "compile", "semantics", "report", "rollout", "probe", "text"];

/** Packages the pure core must not import (the I/O SDKs). */
export const SDK_PREFIXES = ["@actions/", "@pulumi/", "@kubernetes/"];

export interface SourceTree {
  /** The directory whose first-level folders are the units (e.g. action/src). */
  root: string;
  /** Further directories that are one unit each, named by their path relative to `base` (e.g. pulumi/). */
  extraUnits?: string[];
  /** The repository root: `extraUnits` and the paths in messages are relative to it. */
  base: string;
}

interface FileImports {
  file: string;
  unit: string;
  specifiers: string[];
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The unit of a file: its first folder under the root, a root-level file on its own, or an extra unit. */
function unitOf(tree: SourceTree, file: string): string | undefined {
  for (const extra of tree.extraUnits ?? []) {
    const dir = resolve(tree.base, extra);
    if (file === dir || file.startsWith(dir + sep)) return extra;
  }
  const rel = relative(tree.root, file);
  if (rel.startsWith("..")) return undefined;
  const parts = rel.split(sep);
  return parts.length === 1 ? parts[0] : `${parts[0]}/`;
}

function importsOf(tree: SourceTree): FileImports[] {
  const files = [tree.root, ...(tree.extraUnits ?? []).map((u) => resolve(tree.base, u))].flatMap(listTs);
  return files.map((file) => {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    return {
      file,
      unit: unitOf(tree, file) ?? file,
      specifiers: info.importedFiles.map((f) => f.fileName),
    };
  });
}

/** The file a relative specifier points at (`./x.js` is the source `./x.ts`). */
function target(from: string, specifier: string): string {
  return resolve(dirname(from), specifier.replace(/\.js$/, ".ts"));
}

export interface Edge {
  from: string;
  to: string;
  /** One file import behind the edge, for the message. */
  example: string;
}

/** Unit → unit edges (self edges left out). */
export function folderEdges(tree: SourceTree): Edge[] {
  const edges = new Map<string, Edge>();
  for (const f of importsOf(tree)) {
    for (const s of f.specifiers) {
      if (!s.startsWith(".")) continue;
      const to = unitOf(tree, target(f.file, s));
      if (to === undefined || to === f.unit) continue;
      const key = `${f.unit}\0${to}`;
      if (!edges.has(key))
        edges.set(key, { from: f.unit, to, example: `${relative(tree.base, f.file)} imports ${s}` });
    }
  }
  return [...edges.values()];
}

/** One cycle (the shortest back to its first folder) per folder that lies on one, named with its imports. */
export function folderCycles(tree: SourceTree): string[] {
  const edges = folderEdges(tree);
  const out = new Map<string, Edge[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  const cycles: string[] = [];
  const done = new Set<string>();
  for (const start of [...out.keys()].sort()) {
    if (done.has(start)) continue;
    // Breadth-first search for the shortest path back to `start`.
    const prev = new Map<string, Edge>();
    const queue = [start];
    let closing: Edge | undefined;
    while (queue.length > 0 && !closing) {
      const node = queue.shift() as string;
      for (const e of out.get(node) ?? []) {
        if (e.to === start) {
          closing = e;
          break;
        }
        if (!prev.has(e.to)) {
          prev.set(e.to, e);
          queue.push(e.to);
        }
      }
    }
    if (!closing) continue;
    const path: Edge[] = [closing];
    for (let e = prev.get(closing.from); e; e = prev.get(e.from)) path.unshift(e);
    for (const e of path) done.add(e.from);
    cycles.push(
      `${[start, ...path.map((e) => e.to)].join(" -> ")} (${path.map((e) => e.example).join("; ")})`,
    );
  }
  return cycles;
}

/** Imports of an SDK or of an adapter from the pure core, one line each. */
export function impureImports(tree: SourceTree): string[] {
  const problems: string[] = [];
  for (const f of importsOf(tree)) {
    if (!PURE_FOLDERS.some((p) => f.unit === `${p}/`)) continue;
    for (const s of f.specifiers) {
      const sdk = SDK_PREFIXES.some((p) => s.startsWith(p));
      const adapter = s.startsWith(".") && unitOf(tree, target(f.file, s)) === "adapters/";
      if (sdk || adapter) problems.push(`${relative(tree.base, f.file)} imports ${s}`);
    }
  }
  return problems;
}
