/**
 * The sources as a graph of files and the imports between them, and the checks the layout
 * rules are made of. Imports are read with the TypeScript scanner (`ts.preProcessFile`:
 * static imports, re-exports and `import()` calls), so a type-only import counts like any
 * other; globals are found in each file's syntax tree.
 */
import { builtinModules } from "node:module";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

export interface SourceTree {
  /** The directory whose first-level folders are the units (e.g. action/src). */
  root: string;
  /** Further directories that are one unit each, named by their path relative to `base` (e.g. pulumi/). */
  extraUnits?: string[];
  /** The repository root: `extraUnits` and the paths in messages are relative to it. */
  base: string;
}

/** The unit of every file directly in the root (main.ts, lib.ts…): one unit, like a folder. */
export const ROOT_UNIT = "./";

interface SourceFile {
  /** Relative to the tree's base, POSIX separators. */
  path: string;
  unit: string;
  /** Imports of other source files, by their path. */
  files: { specifier: string; path: string; unit: string }[];
  /** Imports of modules: node built-ins as `node:x`, packages by their name. */
  modules: { specifier: string; module: string }[];
  text: string;
}

export type SourceGraph = Map<string, SourceFile>;

function listTs(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The unit of a file: its first folder under the root (`intent/`), the root's own files (`./`), or an extra unit. */
function unitOf(tree: SourceTree, file: string): string | undefined {
  for (const extra of tree.extraUnits ?? []) {
    const dir = resolve(tree.base, extra);
    if (file === dir || file.startsWith(dir + sep)) return extra;
  }
  const rel = relative(tree.root, file);
  if (rel.startsWith("..")) return undefined;
  const parts = rel.split(sep);
  return parts.length === 1 ? ROOT_UNIT : `${parts[0]}/`;
}

const BUILTINS = new Set(builtinModules);

/** `node:fs/promises` for `fs/promises` or `node:fs/promises`; a package's name for a package import. */
export function moduleName(specifier: string): string {
  if (specifier.startsWith("node:")) return specifier;
  if (BUILTINS.has(specifier)) return `node:${specifier}`;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

export function readSources(tree: SourceTree): SourceGraph {
  const files = [tree.root, ...(tree.extraUnits ?? []).map((u) => resolve(tree.base, u))].flatMap(listTs);
  const graph: SourceGraph = new Map();
  const show = (abs: string) => relative(tree.base, abs).split(sep).join("/");
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const info = ts.preProcessFile(text, true, true);
    const entry: SourceFile = {
      path: show(file),
      unit: unitOf(tree, file) ?? show(file),
      files: [],
      modules: [],
      text,
    };
    for (const { fileName: specifier } of info.importedFiles) {
      if (!specifier.startsWith(".")) {
        entry.modules.push({ specifier, module: moduleName(specifier) });
        continue;
      }
      // `./x.js` is the source `./x.ts`; a JSON file or anything outside the tree is data.
      const target = resolve(dirname(file), specifier.replace(/\.js$/, ".ts"));
      const unit = unitOf(tree, target);
      if (unit === undefined || !target.endsWith(".ts")) continue;
      entry.files.push({ specifier, path: show(target), unit });
    }
    graph.set(entry.path, entry);
  }
  return graph;
}

function inUnits(units: readonly string[], unit: string): boolean {
  return units.includes(unit);
}

/** One cycle (the shortest back to its first unit) per unit that lies on one, named with its imports. */
export function unitCycles(graph: SourceGraph): string[] {
  const out = new Map<string, Map<string, string>>();
  for (const f of graph.values()) {
    for (const i of f.files) {
      if (i.unit === f.unit) continue;
      const edges = out.get(f.unit) ?? new Map<string, string>();
      if (!edges.has(i.unit)) edges.set(i.unit, `${f.path} imports ${i.specifier}`);
      out.set(f.unit, edges);
    }
  }
  const cycles: string[] = [];
  const done = new Set<string>();
  for (const start of [...out.keys()].sort()) {
    if (done.has(start)) continue;
    // Breadth-first search for the shortest path back to `start`.
    const prev = new Map<string, string>();
    const queue = [start];
    let closing: string | undefined;
    while (queue.length > 0 && closing === undefined) {
      const node = queue.shift() as string;
      for (const to of out.get(node)?.keys() ?? []) {
        if (to === start) {
          closing = node;
          break;
        }
        if (!prev.has(to)) {
          prev.set(to, node);
          queue.push(to);
        }
      }
    }
    if (closing === undefined) continue;
    const path = [start];
    for (let at: string | undefined = closing; at !== undefined && at !== start; at = prev.get(at)) {
      path.splice(1, 0, at);
    }
    path.push(start);
    for (const unit of path) done.add(unit);
    const examples = path.slice(1).map((to, i) => out.get(path[i] as string)?.get(to));
    cycles.push(`${path.join(" -> ")} (${examples.join("; ")})`);
  }
  return cycles;
}

/** Imports from `from` units of source files outside `allowed` units, one line each. */
export function importsOutside(
  graph: SourceGraph,
  from: readonly string[],
  allowed: readonly string[],
): string[] {
  const lines: string[] = [];
  for (const f of graph.values()) {
    if (!inUnits(from, f.unit)) continue;
    for (const i of f.files) {
      if (!inUnits(allowed, i.unit)) lines.push(`${f.path} imports ${i.specifier} (${i.unit})`);
    }
  }
  return lines;
}

/** Imports into `into` units from any unit outside `allowed`, one line each. */
export function importersOutside(
  graph: SourceGraph,
  into: readonly string[],
  allowed: readonly string[],
): string[] {
  const lines: string[] = [];
  for (const f of graph.values()) {
    if (inUnits(allowed, f.unit)) continue;
    for (const i of f.files) {
      if (inUnits(into, i.unit)) lines.push(`${f.path} imports ${i.specifier} (${i.unit})`);
    }
  }
  return lines;
}

/** Modules outside `allowed` that files of `from` units import themselves, one line each. */
export function modulesImported(
  graph: SourceGraph,
  from: readonly string[],
  allowed: readonly string[],
): string[] {
  const lines: string[] = [];
  for (const f of graph.values()) {
    if (!inUnits(from, f.unit)) continue;
    for (const m of f.modules) if (!allowed.includes(m.module)) lines.push(`${f.path} imports ${m.module}`);
  }
  return lines;
}

/**
 * Modules outside `allowed` that files of `from` units reach, directly or through any chain
 * of source files in any unit: one line per file and module, with the shortest chain.
 */
export function modulesReached(
  graph: SourceGraph,
  from: readonly string[],
  allowed: readonly string[],
): string[] {
  const lines: string[] = [];
  for (const start of graph.values()) {
    if (!inUnits(from, start.unit)) continue;
    const prev = new Map<string, string>([[start.path, ""]]);
    const queue = [start.path];
    const found = new Map<string, string[]>();
    while (queue.length > 0) {
      const at = graph.get(queue.shift() as string);
      if (!at) continue;
      for (const m of at.modules) {
        if (allowed.includes(m.module) || found.has(m.module)) continue;
        const chain = [m.specifier];
        for (let p = at.path; p !== ""; p = prev.get(p) ?? "") chain.unshift(p);
        found.set(m.module, chain);
      }
      for (const i of at.files) {
        if (prev.has(i.path)) continue;
        prev.set(i.path, at.path);
        queue.push(i.path);
      }
    }
    for (const [module, chain] of found) {
      lines.push(
        chain.length === 2
          ? `${start.path} imports ${module}`
          : `${start.path} reaches ${module} (${chain.join(" -> ")})`,
      );
    }
  }
  return lines;
}

/**
 * Globals that reach outside the program or read the clock: the process, timers, the
 * network, the console, `Date.now()` and `new Date()` without an argument.
 */
export const IO_GLOBALS = [
  "process",
  "setTimeout",
  "setInterval",
  "setImmediate",
  "fetch",
  "console",
  "require",
] as const;

/** Uses of `IO_GLOBALS`, `Date.now` and an argument-less `new Date()` in files of `from` units. */
export function ioGlobals(graph: SourceGraph, from: readonly string[]): string[] {
  return globalUses(
    [...graph.values()].filter((f) => inUnits(from, f.unit)),
    IO_GLOBALS,
    true,
  );
}

/** The globals that start a timer. */
export const TIMERS = ["setTimeout", "setInterval", "setImmediate"] as const;

/** Uses of `TIMERS` in every file but those whose path ends with one of `except`. */
export function timersOutside(graph: SourceGraph, except: readonly string[]): string[] {
  return globalUses(
    [...graph.values()].filter((f) => !except.some((e) => f.path.endsWith(`/${e}`))),
    TIMERS,
    false,
  );
}

/** Uses of the global `names` (and with `clock`, `Date.now` and `new Date()`) in `files`. */
function globalUses(files: SourceFile[], names: readonly string[], clock: boolean): string[] {
  const lines: string[] = [];
  const mentioned = new RegExp(`\\b(?:${[...names, ...(clock ? ["Date"] : [])].join("|")})\\b`);
  for (const f of files) {
    if (!mentioned.test(f.text)) continue;
    const source = ts.createSourceFile(f.path, f.text, ts.ScriptTarget.Latest, true);
    const report = (node: ts.Node, what: string) => {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      lines.push(`${f.path}:${line + 1} uses ${what}`);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && names.includes(node.text) && isGlobalUse(node)) {
        report(node, node.text);
      } else if (
        clock &&
        ts.isPropertyAccessExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === "Date" &&
        node.name.text === "now"
      ) {
        report(node, "Date.now");
      } else if (
        clock &&
        ts.isNewExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === "Date" &&
        (node.arguments?.length ?? 0) === 0
      ) {
        report(node, "new Date()");
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return lines;
}

/** Whether an identifier is a reference to a variable (not a property name, a key or a declaration). */
function isGlobalUse(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) && parent.name === node)
    return false;
  if (ts.isMethodDeclaration(parent) || ts.isMethodSignature(parent) || ts.isPropertyDeclaration(parent))
    return parent.name !== node;
  if (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent))
    return parent.name !== node;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) return false;
  return !ts.isTypeReferenceNode(parent) && !ts.isQualifiedName(parent);
}

/**
 * Declarations in files of `from` units other than types: interfaces, type aliases and
 * error classes (a class that extends another) are allowed; a function, a variable, an
 * enum or a class of its own is code and is reported.
 */
export function declarationsBesideTypes(graph: SourceGraph, from: readonly string[]): string[] {
  const lines: string[] = [];
  for (const f of graph.values()) {
    if (!inUnits(from, f.unit)) continue;
    const source = ts.createSourceFile(f.path, f.text, ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (
        ts.isImportDeclaration(statement) ||
        ts.isExportDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        (ts.isClassDeclaration(statement) &&
          statement.heritageClauses?.some((h) => h.token === ts.SyntaxKind.ExtendsKeyword))
      ) {
        continue;
      }
      const { line } = source.getLineAndCharacterOfPosition(statement.getStart(source));
      const name =
        (ts.isFunctionDeclaration(statement) ||
          ts.isClassDeclaration(statement) ||
          ts.isEnumDeclaration(statement)) &&
        statement.name
          ? ` ${statement.name.text}`
          : ts.isVariableStatement(statement)
            ? ` ${statement.declarationList.declarations.map((d) => d.name.getText(source)).join(", ")}`
            : "";
      lines.push(`${f.path}:${line + 1} declares${name}, which is not a type`);
    }
  }
  return lines;
}

/** Re-exports (`export … from`, or `export { name }` of an imported name) in files of `from` units. */
export function reExports(graph: SourceGraph, from: readonly string[]): string[] {
  const lines: string[] = [];
  for (const f of graph.values()) {
    if (!inUnits(from, f.unit) || !/\bexport\s*(?:type\s*)?[{*]/.test(f.text)) continue;
    const source = ts.createSourceFile(f.path, f.text, ts.ScriptTarget.Latest, true);
    const imported = new Set<string>();
    for (const s of source.statements) {
      const bindings = ts.isImportDeclaration(s) ? s.importClause : undefined;
      if (bindings?.name) imported.add(bindings.name.text);
      const named = bindings?.namedBindings;
      if (named && ts.isNamespaceImport(named)) imported.add(named.name.text);
      if (named && ts.isNamedImports(named)) for (const e of named.elements) imported.add(e.name.text);
    }
    for (const s of source.statements) {
      if (!ts.isExportDeclaration(s)) continue;
      const names =
        s.exportClause && ts.isNamedExports(s.exportClause)
          ? s.exportClause.elements.map((e) => (e.propertyName ?? e.name).text)
          : ["*"];
      const again = s.moduleSpecifier ? names : names.filter((n) => imported.has(n));
      if (again.length === 0) continue;
      const { line } = source.getLineAndCharacterOfPosition(s.getStart(source));
      lines.push(`${f.path}:${line + 1} re-exports ${again.join(", ")}`);
    }
  }
  return lines;
}
