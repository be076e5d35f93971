/** What the Action reads from the machine it runs on besides its variables: the event payload, the OS temporary directory. */
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";

/** A UTF-8 file read whole; throws when it cannot be read. */
export function readTextFileSync(path: string): string {
  return readFileSync(path, "utf8");
}

export function osTempDir(): string {
  return tmpdir();
}
