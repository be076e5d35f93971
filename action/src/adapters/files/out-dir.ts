/**
 * A directory that `render --out` owns: it keeps a list of the files it wrote there (the
 * manifest), removes those that no longer belong on the next run, and refuses a directory
 * holding anything it did not write. `kubectl apply -f DIR` applies every .yaml, .yml and
 * .json file in DIR, so a file left from an earlier rendering would re-open a closed flow.
 */
import { lstat, mkdir, readdir, readFile, rename, rmdir, unlink, writeFile } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
import { OutDirRefused } from "../../ports/files.js";

/**
 * The manifest's name: without a .yaml, .yml or .json extension, so `kubectl apply -f DIR`
 * (which reads only those in a directory) skips it.
 */
export const MANIFEST = ".netpol-rollout-render";

const HEADER =
  "# Written by `netpol-rollout render --out`: the files it wrote in this directory. The next\n" +
  "# run removes those that no longer belong. Do not edit.\n";

/** A file to write, its path relative to the directory with `/` separators. */
export interface OwnedFile {
  path: string;
  text: string;
}

interface Manifest {
  environment: string;
  files: string[];
}

export interface OutDirResult {
  written: number;
  /** Files of an earlier rendering that no longer belong, removed (relative paths, sorted). */
  removed: string[];
}

/**
 * Writes `files` into `dir` for `environment`: creates it when missing; refuses it when it
 * holds anything not listed in its manifest, or the rendering of another environment;
 * removes files of the previous rendering that are not in `files`. The manifest lists the
 * union before any file is touched, so an interrupted run leaves nothing unlisted.
 */
export async function writeOwnedDirectory(
  dir: string,
  environment: string,
  files: OwnedFile[],
): Promise<OutDirResult> {
  for (const f of files) {
    if (!isPlainRelative(f.path)) throw new Error(`not a plain relative path: ${f.path}`);
  }
  const stat = await lstat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (stat !== undefined && !stat.isDirectory())
    throw new OutDirRefused(`${dir} exists and is not a directory (a link is not followed)`);
  const found: Walked = stat === undefined ? { files: [], dirs: [], special: [] } : await walk(dir);
  if (found.special.length > 0) {
    throw new OutDirRefused(
      `${dir} holds links or special files render never writes: ${sample(found.special)}; choose another directory`,
    );
  }
  const manifest = found.files.includes(MANIFEST) ? await readManifest(join(dir, MANIFEST)) : undefined;
  // The manifest, and its temporary copy left by an interrupted run, are ours.
  const others = found.files.filter((f) => f !== MANIFEST && f !== `${MANIFEST}.tmp`);
  if (manifest === undefined && others.length > 0) {
    throw new OutDirRefused(
      `${dir} is not empty and was not written by render (no ${MANIFEST} in it): ${sample(others)}; ` +
        "kubectl apply -f would apply those files too. Choose an empty or new directory",
    );
  }
  if (manifest !== undefined && manifest.environment !== environment) {
    throw new OutDirRefused(
      `${dir} holds the rendering of environment '${manifest.environment}'; render each environment into a directory of its own`,
    );
  }
  const listed = new Set(manifest?.files ?? []);
  const foreign = others.filter((f) => !listed.has(f));
  if (foreign.length > 0) {
    throw new OutDirRefused(
      `${dir} holds files render did not write: ${sample(foreign)}; kubectl apply -f would apply them too. ` +
        "Move them elsewhere or choose another directory",
    );
  }

  const wanted = new Set(files.map((f) => f.path));
  const stale = [...listed].filter((f) => !wanted.has(f)).sort();
  await mkdir(dir, { recursive: true });
  await writeManifest(dir, { environment, files: [...new Set([...listed, ...wanted])].sort() });
  for (const f of files) {
    await mkdir(dirname(join(dir, f.path)), { recursive: true });
    await writeFile(join(dir, f.path), f.text);
  }
  const removed: string[] = [];
  for (const f of stale) {
    // Listed by the manifest and seen by the walk as a regular file: ours to remove.
    if (!others.includes(f)) continue;
    await unlink(join(dir, f));
    removed.push(f);
  }
  // Directories the removals emptied (a namespace no longer rendered), deepest first.
  const now = await walk(dir);
  const nonEmpty = new Set(now.files.flatMap((f) => ancestors(f)));
  for (const d of now.dirs.sort((a, b) => b.length - a.length)) {
    if (!nonEmpty.has(d)) await rmdir(join(dir, d));
  }
  await writeManifest(dir, { environment, files: [...wanted].sort() });
  return { written: files.length, removed };
}

/** A relative path made of plain names: no `..`, `.`, empty or absolute parts. */
function isPlainRelative(path: string): boolean {
  return (
    path !== "" && path.split("/").every((p) => p !== "" && p !== "." && p !== ".." && !p.includes("\\"))
  );
}

function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let d = posix.dirname(path); d !== "."; d = posix.dirname(d)) out.push(d);
  return out;
}

function sample(paths: string[]): string {
  const shown = paths.slice(0, 5).join(", ");
  return paths.length > 5 ? `${shown} and ${paths.length - 5} more` : shown;
}

/**
 * Every entry under `dir` that is not a directory (links are entries, never followed),
 * and every directory, as relative paths with `/`.
 */
async function walk(dir: string, prefix = ""): Promise<Walked> {
  const files: string[] = [];
  const dirs: string[] = [];
  const special: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) {
      dirs.push(rel);
      const inner = await walk(dir, rel);
      files.push(...inner.files);
      dirs.push(...inner.dirs);
      special.push(...inner.special);
    } else {
      files.push(rel);
      // A link, socket or device is never one render wrote (and a link is never written through).
      if (!entry.isFile()) special.push(rel);
    }
  }
  return { files: files.sort(), dirs, special };
}

interface Walked {
  files: string[];
  dirs: string[];
  special: string[];
}

async function readManifest(path: string): Promise<Manifest> {
  const stat = await lstat(path);
  if (!stat.isFile()) throw new OutDirRefused(`${path} is not a regular file`);
  const lines = (await readFile(path, "utf8")).split("\n").filter((l) => l !== "" && !l.startsWith("#"));
  const first = lines.shift() ?? "";
  const match = /^environment: (.+)$/.exec(first);
  const bad = lines.find((l) => !isPlainRelative(l) || l === MANIFEST);
  if (!match?.[1] || bad !== undefined) {
    throw new OutDirRefused(`${path} is not a manifest render wrote${bad !== undefined ? ` (${bad})` : ""}`);
  }
  return { environment: match[1], files: lines };
}

/** Written to a temporary name and renamed: a reader never sees half a manifest. */
async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  const text = `${HEADER}environment: ${manifest.environment}\n${manifest.files.map((f) => `${f}\n`).join("")}`;
  const tmp = join(dir, `${MANIFEST}.tmp`);
  await writeFile(tmp, text);
  await rename(tmp, join(dir, MANIFEST));
}
