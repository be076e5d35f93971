/** What is at a path of the disk, and the git work tree a directory belongs to. */
import { stat } from "node:fs/promises";
import { dirname, join } from "node:path";

/** "missing" when nothing is there; any other failure to look (EACCES…) throws. */
export async function pathKind(path: string): Promise<"directory" | "other" | "missing"> {
  try {
    return (await stat(path)).isDirectory() ? "directory" : "other";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
}

/**
 * The root of the git work tree containing `dir` (where `.git` is, a directory or, in a
 * worktree or submodule, a file), or `dir` itself outside a repository.
 */
export async function workTreeRoot(dir: string): Promise<string> {
  for (let at = dir; ; at = dirname(at)) {
    if ((await pathKind(join(at, ".git"))) !== "missing") return at;
    if (dirname(at) === at) return dir;
  }
}
