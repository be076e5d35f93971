/**
 * GitReader over the `git` command line (child_process.execFile: no shell, arguments passed
 * as a list). Reads a directory of the repository at any ref without touching the working
 * tree: `git ls-tree` lists the files, `git cat-file --batch` reads them in one process.
 */
import { execFile, spawn } from "node:child_process";
import type { GitReader } from "../commands/ports.js";

/** A git command failed for a reason other than "not found" (not a repository, git missing…). */
export class GitError extends Error {
  override name = "GitError";
  constructor(
    message: string,
    readonly args: string[],
    readonly stderr: string,
  ) {
    super(message);
  }
}

const MAX_BUFFER = 256 * 1024 * 1024;

function git(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      args,
      { cwd, maxBuffer: MAX_BUFFER, encoding: "utf8", env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } },
      (error, stdout, stderr) => {
        if (error && typeof (error as NodeJS.ErrnoException).code === "string") {
          // ENOENT (git not installed), EACCES…: not an exit status.
          reject(new GitError(`cannot run git: ${error.message}`, args, String(stderr)));
          return;
        }
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** Reads blobs by object id through one `git cat-file --batch` process. */
function catFiles(cwd: string, ids: string[]): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", (e) =>
      reject(new GitError(`cannot run git: ${e.message}`, ["cat-file", "--batch"], stderr)),
    );
    child.on("close", (code) => {
      if (code !== 0) {
        reject(
          new GitError(`git cat-file failed (${code}): ${stderr.trim()}`, ["cat-file", "--batch"], stderr),
        );
        return;
      }
      const all = Buffer.concat(chunks);
      const out: Buffer[] = [];
      let at = 0;
      for (const id of ids) {
        const nl = all.indexOf(10, at);
        const header = all.subarray(at, nl).toString();
        const size = Number(header.split(" ")[2]);
        if (!header.startsWith(id) || !Number.isFinite(size)) {
          reject(
            new GitError(
              `unexpected git cat-file output for ${id}: ${header}`,
              ["cat-file", "--batch"],
              stderr,
            ),
          );
          return;
        }
        out.push(all.subarray(nl + 1, nl + 1 + size));
        at = nl + 1 + size + 1; // content, then a newline
      }
      resolve(out);
    });
    child.stdin.end(ids.map((id) => `${id}\n`).join(""));
  });
}

/** A GitReader for the repository that contains `cwd`. */
export function createGitReader(cwd: string): GitReader {
  return {
    async resolve(ref: string): Promise<string | undefined> {
      if (ref.startsWith("-")) return undefined;
      const r = await git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
      const sha = r.stdout.trim();
      return r.code === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
    },

    async mergeBase(ref: string): Promise<string | undefined> {
      if (ref.startsWith("-")) return undefined;
      const r = await git(cwd, ["merge-base", "HEAD", ref]);
      const sha = r.stdout.trim();
      return r.code === 0 && sha !== "" ? sha : undefined;
    },

    async readTree(ref: string, dir: string): Promise<{ path: string; text: string }[]> {
      if (ref.startsWith("-")) throw new GitError(`invalid ref "${ref}"`, [], "");
      const clean = dir.replace(/^\.\/+/, "").replace(/\/+$/, "");
      // -z: NUL-separated, no quoting of unusual file names. Paths are relative to the repository root.
      const r = await git(cwd, ["ls-tree", "-r", "-z", "--full-tree", ref, "--", clean === "" ? "." : clean]);
      if (r.code !== 0) {
        throw new GitError(`git ls-tree ${ref} failed: ${r.stderr.trim()}`, ["ls-tree", ref], r.stderr);
      }
      const entries = r.stdout
        .split("\0")
        .filter((l) => l !== "")
        .map((line) => {
          const tab = line.indexOf("\t");
          const [, type, id] = line.slice(0, tab).split(" ");
          return { type, id: id ?? "", path: line.slice(tab + 1) };
        })
        .filter((e) => e.type === "blob");
      if (entries.length === 0) return [];
      const blobs = await catFiles(
        cwd,
        entries.map((e) => e.id),
      );
      return entries.map((e, i) => ({ path: e.path, text: (blobs[i] ?? Buffer.alloc(0)).toString("utf8") }));
    },
  };
}
