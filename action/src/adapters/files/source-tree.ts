/**
 * The one reader of input files from disk, for the CLI and the Action alike: the intent
 * directory, cluster dumps, policy and probe files. A pull request controls what is on
 * disk, so the reader holds one rule everywhere:
 *
 * - links may point anywhere inside the repository, never outside it (a link to
 *   /proc/self/environ, /etc/passwd or /usr is refused, not followed);
 * - only files of the format's extensions are read (YAML; JSON where the command takes it);
 * - only regular files: never a FIFO, a socket or a device (which would block or never end);
 * - each file and all files together are bounded in size, and so is their number;
 * - text must be UTF-8 (a UTF-16 file is refused with a fix, not echoed).
 *
 * A file that breaks a rule comes back with a `problem` and no text: callers report it at
 * the file, and nothing of its contents is ever shown.
 */
import { constants } from "node:fs";
import { lstat, open, readdir, realpath, stat } from "node:fs/promises";
import type { Stats } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";

export interface ReadLimits {
  /** Largest file read, in bytes. */
  maxFileBytes: number;
  /** Largest sum of the files read, in bytes. */
  maxTotalBytes: number;
  /** Most files read from a directory. */
  maxFiles: number;
}

const MiB = 1024 * 1024;

/**
 * The intent: 1 MiB per file, 8 MiB and 2,000 files in all. The largest shipped
 * environment is a few KB; a 500-service intent is about 100 KB.
 */
export const INTENT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 1 * MiB,
  maxTotalBytes: 8 * MiB,
  maxFiles: 2_000,
};

/**
 * Cluster dumps, NetworkPolicy and probe files (`analyze`, `lint --cluster`): 64 MiB per
 * file, 256 MiB and 10,000 files in all. `kubectl get pods -A -o yaml` of a 10,000-pod
 * cluster is about 60 MB.
 */
export const CLUSTER_READ_LIMITS: ReadLimits = {
  maxFileBytes: 64 * MiB,
  maxTotalBytes: 256 * MiB,
  maxFiles: 10_000,
};

export const YAML_EXTENSIONS = [".yaml", ".yml"] as const;
export const YAML_OR_JSON_EXTENSIONS = [".yaml", ".yml", ".json"] as const;

export interface SourceEntry {
  /** Relative to `relativeTo` with POSIX separators; absolute when outside it. */
  path: string;
  /** The file's text; empty when there is a problem. */
  text: string;
  /** Why the file was not read (a link leaving the repository, too large, a FIFO…). */
  problem?: string;
}

export interface ReadTreeOptions {
  /** The repository: no link may lead outside it. Absolute. */
  repository: string;
  /** The file or directory to read, absolute. */
  target: string;
  extensions: readonly string[];
  limits: ReadLimits;
  /** Paths in the result are relative to this directory. Default: `repository`. */
  relativeTo?: string;
}

export interface ReadTreeResult {
  /** False when `target` does not exist. */
  exists: boolean;
  isDirectory: boolean;
  /** Sorted by path. */
  files: SourceEntry[];
}

/** Directories skipped in a walk: hidden ones (.git) and node_modules. */
function skippedDirectory(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

/** Reads `target` (a file, or every matching file under a directory) under the rules above. */
export async function readSourceTree(options: ReadTreeOptions): Promise<ReadTreeResult> {
  const { target, extensions, limits } = options;
  const relativeTo = options.relativeTo ?? options.repository;
  const repository = await realpathOr(options.repository);
  const show = (abs: string): string => {
    const rel = relative(relativeTo, abs);
    return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split(sep).join("/") : abs;
  };
  const files: SourceEntry[] = [];
  const refuse = (abs: string, problem: string) => files.push({ path: show(abs), text: "", problem });
  let total = 0;
  let count = 0;

  let info: Stats;
  try {
    info = await lstat(target);
  } catch (error) {
    if (isCode(error, "ENOENT") || isCode(error, "ENOTDIR"))
      return { exists: false, isDirectory: false, files };
    throw error;
  }
  // A named path that is itself a link must stay inside the repository too.
  const start = info.isSymbolicLink() ? await insideTarget(target, repository) : { real: target };
  if ("problem" in start) {
    refuse(target, start.problem);
    return { exists: true, isDirectory: false, files };
  }
  // A directory outside the repository (a dump in /tmp) bounds its own links.
  const boundary = within(repository, start.real) ? repository : start.real;
  const startInfo = info.isSymbolicLink() ? await stat(start.real) : info;

  const readOne = async (abs: string, real: string): Promise<void> => {
    if (count >= limits.maxFiles) {
      refuse(abs, `not read: more than ${limits.maxFiles} files`);
      return;
    }
    count++;
    const read = await readRegularFile(real, limits, limits.maxTotalBytes - total);
    if ("problem" in read) {
      refuse(abs, read.problem);
      return;
    }
    total += read.bytes;
    files.push({ path: show(abs), text: read.text });
  };

  const matches = (name: string) => extensions.some((ext) => name.toLowerCase().endsWith(ext));

  if (!startInfo.isDirectory()) {
    if (!matches(target)) {
      refuse(target, `not read: only ${extensions.join(", ")} files are read`);
    } else {
      await readOne(target, start.real);
    }
    return { exists: true, isDirectory: false, files };
  }

  const visited = new Set<string>();
  const walk = async (abs: string, real: string): Promise<void> => {
    if (visited.has(real)) return; // a link back to a directory already read
    visited.add(real);
    const entries = await readdir(real, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(abs, entry.name);
      const entryReal = join(real, entry.name);
      if (entry.isDirectory()) {
        if (!skippedDirectory(entry.name)) await walk(path, entryReal);
        continue;
      }
      if (entry.isSymbolicLink()) {
        const resolved = await insideTarget(entryReal, boundary);
        if ("problem" in resolved) {
          if (matches(entry.name) || !(await isFileLike(entryReal))) refuse(path, resolved.problem);
          continue;
        }
        const targetInfo = await stat(resolved.real);
        if (targetInfo.isDirectory()) {
          if (!skippedDirectory(entry.name)) await walk(path, resolved.real);
        } else if (matches(entry.name)) {
          await readOne(path, resolved.real);
        }
        continue;
      }
      if (!matches(entry.name)) continue;
      await readOne(path, entryReal);
    }
  };
  await walk(target, start.real);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { exists: true, isDirectory: true, files };
}

/** The real path of the link `path`, or why it is refused. */
async function insideTarget(path: string, boundary: string): Promise<{ real: string } | { problem: string }> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    if (isCode(error, "ENOENT"))
      return { problem: "not read: a link to nothing (its target does not exist)" };
    if (isCode(error, "ELOOP")) return { problem: "not read: a link that loops" };
    throw error;
  }
  if (!within(boundary, real)) {
    return { problem: "not read: a link to a place outside the repository (links may only point inside it)" };
  }
  return { real };
}

/** True when the link points at a directory (refusing it is reported only for files that matter). */
async function isFileLike(path: string): Promise<boolean> {
  try {
    return !(await stat(path)).isDirectory();
  } catch {
    return true;
  }
}

function within(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

async function realpathOr(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

/**
 * Reads a regular file of at most `maxBytes` (and `budget` left of the total). Opened
 * without following a link and without blocking, then checked on the open descriptor, so
 * a FIFO or device swapped in after the directory was listed is still refused unread.
 */
async function readRegularFile(
  path: string,
  limits: ReadLimits,
  budget: number,
): Promise<{ text: string; bytes: number } | { problem: string }> {
  const maxBytes = limits.maxFileBytes;
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    if (isCode(error, "ELOOP")) return { problem: "not read: a link (links are resolved before reading)" };
    return { problem: `cannot read: ${(error as NodeJS.ErrnoException).code ?? "error"}` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { problem: `not read: ${kindOf(info)}, not a regular file` };
    const limit = Math.min(maxBytes, budget);
    if (info.size > maxBytes)
      return { problem: `not read: ${info.size} bytes, more than the ${maxBytes} allowed per file` };
    if (info.size > budget) {
      return { problem: `not read: the files together exceed the ${limits.maxTotalBytes} bytes allowed` };
    }
    // Read at most one byte past the limit: a file growing while read is still bounded.
    const buffer = Buffer.alloc(Math.min(info.size, limit) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limit)
      return { problem: `not read: it grew past the ${limit} bytes allowed while being read` };
    return decode(buffer.subarray(0, length));
  } finally {
    await handle.close();
  }
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return "a FIFO";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  if (info.isDirectory()) return "a directory";
  return "a special file";
}

/** UTF-8 text (a UTF-8 byte order mark dropped); anything else is refused with the fix. */
export function decode(bytes: Uint8Array): { text: string; bytes: number } | { problem: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: "not read: the file is UTF-16 text; save it as UTF-8" };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, bytes: bytes.length };
  } catch {
    return { problem: "not read: the file is not UTF-8 text; save it as UTF-8" };
  }
}

function isCode(error: unknown, code: string): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === code;
}
