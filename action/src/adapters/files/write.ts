/** Report files written to disk. */
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { WriteFile } from "../../ports/files.js";

export const writeTextFile: WriteFile = async (path, text) => {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, "utf8");
};

/** Writes beside the file, then renames: a file is never left half-written. */
export const replaceTextFile: WriteFile = async (path, text) => {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(`${path}.tmp`, text, "utf8");
  await rename(`${path}.tmp`, path);
};
