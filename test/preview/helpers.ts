import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SourceFile } from "../../action/src/commands/preview-pipeline.js";
import type { GitReader, PreviewEngine } from "../../action/src/ports/index.js";
import type { EnginePreview } from "../../action/src/rollout/engine.js";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The shipped policies/ as the loader sees them (repository-relative paths). */
export function shippedFiles(): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name)) {
        out.push({ path: relative(repoRoot, path).split("\\").join("/"), text: readFileSync(path, "utf8") });
      }
    }
  };
  walk(join(repoRoot, "policies"));
  return out;
}

/** The shipped files with one file's text changed. */
export function edited(files: SourceFile[], path: string, edit: (text: string) => string): SourceFile[] {
  let found = false;
  const out = files.map((f) => {
    if (f.path !== path) return f;
    found = true;
    return { path: f.path, text: edit(f.text) };
  });
  if (!found) throw new Error(`${path} is not among the files`);
  return out;
}

/** A git repository in memory: refs to file sets. */
export function memoryGit(
  revisions: Record<string, SourceFile[]>,
  mergeBases: Record<string, string> = {},
): GitReader {
  return {
    readTree: (ref, dir) =>
      Promise.resolve((revisions[ref] ?? []).filter((f) => dir === "." || f.path.startsWith(`${dir}/`))),
    mergeBase: (ref) => Promise.resolve(mergeBases[ref]),
    resolve: (ref) => Promise.resolve(ref in revisions ? ref : undefined),
  };
}

/** An engine that answers from a table, or throws for environments listed in `throws`. */
export function tableEngine(results: Record<string, EnginePreview>, throws: string[] = []): PreviewEngine {
  return {
    preview: (environment) => {
      if (throws.includes(environment)) return Promise.reject(new Error(`stack ${environment} is locked`));
      return Promise.resolve(results[environment] ?? { status: "ok", stack: environment, operations: [] });
    },
  };
}
