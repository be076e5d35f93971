/**
 * The intent read from a directory of the disk: the files under the reading rules of
 * `readSourceTree`, parsed by the pure loader (`intent/load.ts`).
 */
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { parseIntent } from "../../intent/load.js";
import type { LoadResult } from "../../intent/model.js";
import {
  INTENT_READ_LIMITS,
  readSourceTree,
  YAML_EXTENSIONS,
  type ReadTreeResult,
  type SourceEntry,
} from "./source-tree.js";

/**
 * Reads every *.yaml / *.yml under `policiesDir` and parses them. Paths in the result are
 * relative to `repoRoot` (default: the current directory), with POSIX separators. Files are
 * read under the rules of `readSourceTree`: no link leaving `repoRoot`, regular files only,
 * sizes bounded (`INTENT_READ_LIMITS`).
 */
export async function loadIntentFromDir(
  policiesDir: string,
  repoRoot: string = process.cwd(),
): Promise<LoadResult> {
  const root = resolve(repoRoot);
  const base = resolve(root, policiesDir);
  const rel = (abs: string): string => relative(root, abs).split(sep).join("/");
  const tree = await readIntentTree(root, base);
  const refused = tree.files.filter((f) => f.problem !== undefined);
  if (tree.exists && !tree.isDirectory && refused.length > 0) {
    return {
      ok: false,
      errors: refused.map((f) => ({ file: f.path, line: 1, column: 1, message: f.problem ?? "" })),
    };
  }
  if (!tree.exists || !tree.isDirectory) {
    const shown = rel(base) || ".";
    return {
      ok: false,
      errors: [
        {
          file: shown,
          line: 1,
          column: 1,
          message: tree.exists
            ? `policies directory '${shown}' is not a directory`
            : `policies directory '${shown}' does not exist`,
        },
      ],
    };
  }
  // A directory outside repoRoot (diff --base DIR) keeps relative paths, like its policiesDir.
  const files = tree.files.map((f) => (isAbsolute(f.path) ? { ...f, path: rel(f.path) } : f));
  return parseIntent(files, { policiesDir: rel(base) });
}

/** The intent files under `dir` (absolute), read under the rules of `readSourceTree`. */
export async function readIntentTree(repository: string, dir: string): Promise<ReadTreeResult> {
  return readSourceTree({ repository, target: dir, extensions: YAML_EXTENSIONS, limits: INTENT_READ_LIMITS });
}

/**
 * Reads the intent under `dir` of the working tree as the intent at head, with
 * repository-relative POSIX paths (like the git reader's), under the one rule of
 * `readSourceTree`: no link leaving the workspace, YAML regular files only, sizes bounded.
 * A missing directory is empty.
 */
export async function readWorkingTree(workspace: string, dir: string): Promise<SourceEntry[]> {
  const tree = await readIntentTree(workspace, join(workspace, dir));
  return tree.files;
}
