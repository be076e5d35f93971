/**
 * Streams flow files into a FlowReader, line by line, in bounded memory: a 4 MiB window
 * plus the longest record allowed, whatever the file's size. The rules of every input file
 * hold: a link may not lead outside the repository, only regular files are opened (never a
 * FIFO or a device), the files together are bounded, and text must be UTF-8 (checked on
 * every line; a bad byte is an error at its line).
 */
import { isUtf8 } from "node:buffer";
import { constants } from "node:fs";
import { lstat, open, realpath } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { FlowInputError } from "../flows/model.js";
import type { FlowLimits } from "../flows/model.js";

const CHUNK = 4 * 1024 * 1024;
const NEWLINE = 10;

export interface FlowFilesOptions {
  /** Paths are relative to this directory, and shown relative to it. */
  cwd: string;
  /** No link may lead outside it. Default: `cwd`. */
  repository?: string;
}

/** What lines go to: a FlowReader. */
export interface LineSink {
  readonly limits: FlowLimits;
  startFile(file: string): void;
  line(text: string, line: number): void;
}

/** Reads every file into `reader`; throws FlowInputError at the first bad file or record. */
export async function readFlowFiles(
  paths: readonly string[],
  reader: LineSink,
  options: FlowFilesOptions,
): Promise<void> {
  const repository = await realpath(options.repository ?? options.cwd).catch(() =>
    resolve(options.repository ?? options.cwd),
  );
  const budget = { left: reader.limits.maxTotalBytes };
  for (const path of paths) {
    const abs = resolve(options.cwd, path);
    const shown = display(options.cwd, abs);
    reader.startFile(shown);
    await readOne(abs, shown, repository, reader, budget);
  }
}

function display(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split(sep).join("/") : abs;
}

function within(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

async function readOne(
  abs: string,
  file: string,
  repository: string,
  reader: LineSink,
  budget: { left: number },
): Promise<void> {
  const refuse = (problem: string) => new FlowInputError({ file }, problem);
  let real = abs;
  try {
    if ((await lstat(abs)).isSymbolicLink()) {
      real = await realpath(abs);
      if (!within(repository, real))
        throw refuse("not read: a link to a place outside the repository (links may only point inside it)");
    }
  } catch (error) {
    if (error instanceof FlowInputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw refuse(code === "ENOENT" ? "no such file" : `cannot read: ${code ?? "error"}`);
  }
  let handle;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    throw refuse(`cannot read: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw refuse("a directory: name the flow files (a shell glob: dir/*.jsonl)");
    if (!info.isFile()) throw refuse("not read: not a regular file (a FIFO, a socket or a device)");
    if (info.size > budget.left)
      throw refuse(
        `not read: the flow files together exceed the ${reader.limits.maxTotalBytes} bytes allowed`,
      );
    const maxLine = reader.limits.maxLineBytes;
    const buffer = Buffer.allocUnsafe(CHUNK + maxLine);
    let filled = 0;
    let line = 1;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      budget.left -= bytesRead;
      if (budget.left < 0)
        throw refuse(
          `not read: it grew past the ${reader.limits.maxTotalBytes} bytes allowed while being read`,
        );
      filled += bytesRead;
      const eof = bytesRead === 0;
      const view = buffer.subarray(0, filled);
      // Complete lines end at the last line feed (at the end of the file, the last byte).
      const end = eof ? filled : view.lastIndexOf(NEWLINE) + 1;
      if (end > 0 && !isUtf8(view.subarray(0, end))) throw badUtf8(view.subarray(0, end), file, line);
      let start = 0;
      while (start < end) {
        let nl = view.indexOf(NEWLINE, start);
        if (nl === -1 || nl >= end) nl = end;
        if (nl - start > maxLine) throw tooLong(file, line, maxLine);
        let stop = nl;
        if (stop > start && view[stop - 1] === 13) stop--;
        if (line === 1 && view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf && start === 0) start = 3;
        reader.line(view.toString("utf8", start, stop), line);
        line++;
        start = nl + 1;
      }
      if (eof) return;
      const rest = filled - end;
      if (rest > maxLine) throw tooLong(file, line, maxLine);
      buffer.copy(buffer, 0, end, filled);
      filled = rest;
    }
  } finally {
    await handle.close();
  }
}

function tooLong(file: string, line: number, max: number): FlowInputError {
  return new FlowInputError(
    { file, line },
    `a record longer than ${max} bytes: one flow per line, at most ${max} bytes each`,
  );
}

/** The line of the first byte that is not UTF-8. */
function badUtf8(bytes: Buffer, file: string, firstLine: number): FlowInputError {
  let line = firstLine;
  let start = 0;
  for (;;) {
    let nl = bytes.indexOf(NEWLINE, start);
    if (nl === -1) nl = bytes.length;
    if (!isUtf8(bytes.subarray(start, nl)) || nl === bytes.length) break;
    line++;
    start = nl + 1;
  }
  return new FlowInputError({ file, line }, "not UTF-8 text (save the flows as UTF-8)");
}
