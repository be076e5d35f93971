/** Report files written to disk. */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { WriteFile } from "../../ports/files.js";

export const writeTextFile: WriteFile = async (path, text) => {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, "utf8");
};
