/**
 * GitReader over the `git` command line (child_process.execFile: no shell, arguments passed
 * as a list). Reads a directory of the repository at any ref without touching the working
 * tree: `git ls-tree` lists the files, `git cat-file --batch` reads them in one process.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { posix } from "node:path";
import { GitError } from "../ports/git.js";
import type { CommitFetcher, GitReader } from "../ports/git.js";
import { decode, INTENT_READ_LIMITS, YAML_EXTENSIONS, type ReadLimits } from "./files/source-tree.js";

/** Environment variables for a child process. */
export type ProcessEnv = Readonly<Record<string, string | undefined>>;

const MAX_BUFFER = 256 * 1024 * 1024;

/** The environment of the git processes: the caller's, with terminal prompts turned off (never wait for credentials). */
function gitEnv(env: ProcessEnv): ProcessEnv {
  return { ...env, GIT_TERMINAL_PROMPT: "0" };
}

function git(
  cwd: string,
  env: ProcessEnv,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      args,
      { cwd, maxBuffer: MAX_BUFFER, encoding: "utf8", env: gitEnv(env) },
      (error, stdout, stderr) => {
        if (error && typeof (error as NodeJS.ErrnoException).code === "string") {
          // ENOENT (git not installed, or no such directory), EACCES…: not an exit status.
          reject(new GitError(cannotRun(cwd, error), args, String(stderr)));
          return;
        }
        const code = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/**
 * Why git could not be started. Node reports a missing working directory as the command
 * missing ("spawn git ENOENT"): the two are told apart here.
 */
function cannotRun(cwd: string, error: Error): string {
  if ((error as NodeJS.ErrnoException).code === "ENOENT") {
    return existsSync(cwd)
      ? "cannot run git: it is not installed (git not found on PATH)"
      : `cannot run git: the repository directory ${cwd} does not exist (set GITHUB_WORKSPACE to the checkout, or check the repository out first with actions/checkout)`;
  }
  return `cannot run git: ${error.message}`;
}

/** Reads blobs by object id through one `git cat-file --batch` process. */
function catFiles(cwd: string, env: ProcessEnv, ids: string[]): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], {
      cwd,
      env: gitEnv(env),
      stdio: ["pipe", "pipe", "pipe"],
    });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", (e) => reject(new GitError(cannotRun(cwd, e), ["cat-file", "--batch"], stderr)));
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

/**
 * A GitReader for the repository that contains `cwd`. `env` is the environment git runs
 * with (PATH to find it, HOME for the user's config such as `safe.directory`); the caller
 * passes it explicitly.
 */
export function createGitReader(cwd: string, env: ProcessEnv): GitReader {
  return {
    async resolve(ref: string): Promise<string | undefined> {
      if (ref.startsWith("-")) return undefined;
      const r = await git(cwd, env, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
      const sha = r.stdout.trim();
      return r.code === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
    },

    async mergeBase(ref: string): Promise<string | undefined> {
      if (ref.startsWith("-")) return undefined;
      const r = await git(cwd, env, ["merge-base", "HEAD", ref]);
      const sha = r.stdout.trim();
      return r.code === 0 && sha !== "" ? sha : undefined;
    },

    async readTree(ref: string, dir: string): Promise<{ path: string; text: string; problem?: string }[]> {
      if (ref.startsWith("-")) throw new GitError(`invalid ref "${ref}"`, [], "");
      const clean = dir.replace(/^\.\/+/, "").replace(/\/+$/, "");
      return readGitTree(cwd, env, ref, clean === "" ? "." : clean, INTENT_READ_LIMITS);
    },
  };
}

/**
 * Fetches a commit by SHA into the repository that contains `cwd`, from its `origin` with
 * the credentials the checkout left (actions/checkout keeps the token for the job). GitHub
 * serves any commit reachable from a ref by SHA; depth 1 fetches that commit's tree only.
 */
export function createCommitFetcher(cwd: string, env: ProcessEnv): CommitFetcher {
  return async (commit) => {
    if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(commit)) return false;
    const r = await git(cwd, env, ["fetch", "--quiet", "--no-tags", "--depth=1", "origin", commit]);
    if (r.code !== 0) return false;
    const check = await git(cwd, env, ["rev-parse", "--verify", "--quiet", `${commit}^{commit}`]);
    return check.code === 0 && check.stdout.trim() === commit;
  };
}

/** One `git ls-tree -l` line. */
interface TreeEntry {
  mode: string;
  type: string;
  id: string;
  size: number;
  path: string;
}

async function lsTree(
  cwd: string,
  env: ProcessEnv,
  ref: string,
  path: string,
  recursive: boolean,
): Promise<TreeEntry[]> {
  // -z: NUL-separated, no quoting of unusual file names. -l: blob sizes. Paths are repository-relative.
  const args = ["ls-tree", ...(recursive ? ["-r"] : []), "-l", "-z", "--full-tree", ref, "--", path];
  const r = await git(cwd, env, args);
  if (r.code !== 0)
    throw new GitError(`git ls-tree ${ref} failed: ${r.stderr.trim()}`, ["ls-tree", ref], r.stderr);
  return r.stdout
    .split("\0")
    .filter((l) => l !== "")
    .map((line) => {
      const tab = line.indexOf("\t");
      const [mode = "", type = "", id = "", size = ""] = line.slice(0, tab).split(/ +/);
      return { mode, type, id, size: Number(size), path: line.slice(tab + 1) };
    });
}

/** A link's mode in a git tree. */
const LINK_MODE = "120000";
/** Links followed one after another before giving up (as the kernel's own limit is 40, ours is smaller). */
const MAX_LINK_HOPS = 8;

/**
 * The files under `dir` at `ref`, read as git objects only (nothing is checked out), under
 * the rule of the working-tree reader: a link is followed only when it stays inside the
 * repository, only YAML files are read, and sizes are bounded. Link targets are resolved
 * in the same commit.
 */
async function readGitTree(
  cwd: string,
  env: ProcessEnv,
  ref: string,
  dir: string,
  limits: ReadLimits,
): Promise<{ path: string; text: string; problem?: string }[]> {
  const out: { path: string; text: string; problem?: string }[] = [];
  const wanted: { path: string; entry: TreeEntry }[] = [];
  const visitedTrees = new Set<string>();
  const isYaml = (name: string) => YAML_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));
  const outsideProblem =
    "not read: a link to a place outside the repository (links may only point inside it)";

  /** Adds the entries of `tree` (a directory at ref) under the display prefix `shown`. */
  const addTree = async (treePath: string, shown: string, hops: number): Promise<void> => {
    if (visitedTrees.has(treePath)) return;
    visitedTrees.add(treePath);
    for (const entry of await lsTree(cwd, env, ref, treePath, true)) {
      const path = shown + entry.path.slice(treePath === "." ? 0 : treePath.length);
      await addEntry(entry, path, hops);
    }
  };

  const addEntry = async (entry: TreeEntry, path: string, hops: number): Promise<void> => {
    if (entry.mode !== LINK_MODE) {
      if (entry.type === "blob" && isYaml(path)) wanted.push({ path, entry });
      return;
    }
    if (hops >= MAX_LINK_HOPS) {
      out.push({ path, text: "", problem: "not read: a link that loops" });
      return;
    }
    const [target] = await catFiles(cwd, env, [entry.id]);
    const resolved = resolveLink(entry.path, (target ?? Buffer.alloc(0)).toString("utf8"));
    if (resolved === undefined) {
      // Reported when it could have held intent: a YAML file, or a directory (no extension).
      if (isYaml(path) || !/\.[^/]*$/.test(posix.basename(path)))
        out.push({ path, text: "", problem: outsideProblem });
      return;
    }
    const found = resolved === "." ? undefined : (await lsTree(cwd, env, ref, resolved, false))[0];
    if (resolved === "." || found?.type === "tree") {
      await addTree(resolved, path, hops + 1);
    } else if (!found || found.path !== resolved) {
      if (isYaml(path))
        out.push({ path, text: "", problem: "not read: a link to nothing (its target does not exist)" });
    } else {
      await addEntry(found, path, hops + 1);
    }
  };

  await addTree(dir, dir === "." ? "" : dir, 0);

  let total = 0;
  const readable: { path: string; entry: TreeEntry }[] = [];
  for (const item of wanted) {
    const { size } = item.entry;
    let problem: string | undefined;
    if (readable.length >= limits.maxFiles) problem = `not read: more than ${limits.maxFiles} files`;
    else if (size > limits.maxFileBytes)
      problem = `not read: ${size} bytes, more than the ${limits.maxFileBytes} allowed per file`;
    else if (total + size > limits.maxTotalBytes)
      problem = `not read: the files together exceed the ${limits.maxTotalBytes} bytes allowed`;
    if (problem !== undefined) {
      out.push({ path: item.path, text: "", problem });
      continue;
    }
    total += size;
    readable.push(item);
  }
  const blobs =
    readable.length > 0
      ? await catFiles(
          cwd,
          env,
          readable.map((r) => r.entry.id),
        )
      : [];
  readable.forEach((item, i) => {
    const decoded = decode(blobs[i] ?? Buffer.alloc(0));
    out.push(
      "problem" in decoded
        ? { path: item.path, text: "", problem: decoded.problem }
        : { path: item.path, text: decoded.text },
    );
  });
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * The repository-relative path a link at `linkPath` points at, or undefined when it leaves
 * the repository (an absolute target, or one climbing above the root).
 */
export function resolveLink(linkPath: string, target: string): string | undefined {
  if (target === "" || target.startsWith("/") || target.includes("\0")) return undefined;
  const resolved = posix.normalize(posix.join(posix.dirname(linkPath), target));
  if (resolved === ".." || resolved.startsWith("../") || posix.isAbsolute(resolved)) return undefined;
  return resolved.replace(/\/+$/, "") || ".";
}
