/**
 * Golden files: `expectGolden("test/compile/golden/production.yaml", text)` compares `text`
 * with the file (path relative to the repository root). Run the tests with UPDATE_GOLDEN=1
 * to (re)write the files instead; a missing golden file fails the test until then.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export function expectGolden(relPath: string, actual: string): void {
  const path = resolve(repoRoot, relPath);
  if (process.env["UPDATE_GOLDEN"]) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`golden file ${relPath} is missing; run the test with UPDATE_GOLDEN=1 to create it`);
  }
  expect(actual, `differs from golden file ${relPath} (UPDATE_GOLDEN=1 rewrites it)`).toBe(
    readFileSync(path, "utf8"),
  );
}
