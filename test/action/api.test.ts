/**
 * The package's exported API (`netpol-rollout` and `netpol-rollout/pulumi`: names,
 * signatures and the shape of every type they reach) is the committed snapshot, so an
 * export cannot change by accident. An intended change: `npm run api`, commit the snapshot,
 * and say so in CHANGELOG.md (a removed or narrowed export is a breaking change).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type ts from "typescript";
import { API_SNAPSHOT, apiProgram, apiText } from "../../scripts/api.js";

const root = join(import.meta.dirname, "../..");
const read = (path: string): string => readFileSync(join(root, path), "utf8");

let program: ts.Program;
let text: string;
beforeAll(() => {
  program = apiProgram(root);
  text = apiText(program, root);
}, 60_000);

/** The API text with some files replaced or added (the rest reused from the first program). */
const textWith = (overrides: Record<string, string>): string =>
  apiText(apiProgram(root, { overrides, oldProgram: program }), root);

describe("the exported API", () => {
  it("is the committed snapshot", () => {
    expect(
      text,
      `The package's exported API changed (${API_SNAPSHOT} is the accepted one). If the change is intended, run \`npm run api\`, commit ${API_SNAPSHOT}, and add a CHANGELOG.md line (a removed or changed export is a breaking change); if not, undo it.`,
    ).toBe(read(API_SNAPSHOT));
  });

  it("names no file, so moving code between files changes nothing", () => {
    expect(text).not.toMatch(/action\/src|pulumi\/|import\(|node_modules/);
    const lib = read("action/src/lib.ts");
    const moved = textWith({
      "action/src/lib.ts": lib.replace(
        'export { VERSION } from "./version.js";',
        'export { VERSION } from "./moved.js";',
      ),
      "action/src/moved.ts": 'export { VERSION } from "./version.js";\n',
    });
    expect(moved).toBe(text);
  });

  it("changes with a new export, a changed signature, or a changed type an export reaches", () => {
    const lib = read("action/src/lib.ts");
    const model = read("action/src/intent/model.ts");
    const pulumiIndex = read("pulumi/index.ts");
    const overrides = {
      "action/src/lib.ts": `${lib}export const EXTRA = 1;\n`,
      "action/src/intent/model.ts": model.replace("export interface SourceRef {", "$&\n  endLine?: number;"),
      "pulumi/index.ts": pulumiIndex.replace(
        "export function findRepoRoot(start: string,",
        "export function findRepoRoot(start: string | URL,",
      ),
    };
    const changed = textWith(overrides);
    expect(changed).toContain("\nexport const EXTRA: 1\n");
    expect(changed).toMatch(
      /\ninterface SourceRef \{\n {2}column: number\n {2}endLine\?: number \| undefined\n/,
    );
    expect(changed).toContain("\nexport function findRepoRoot(start: URL | string, ");
    const lines = (t: string): Set<string> => new Set(t.split("\n"));
    const before = lines(text);
    expect([...lines(changed)].filter((l) => !before.has(l))).toHaveLength(3);
  });

  it("refuses a type it did not read instead of listing it as any", () => {
    const lib = read("action/src/lib.ts");
    expect(() =>
      textWith({
        "action/src/lib.ts": `${lib}export function kubeConfig(config: import("@kubernetes/client-node").KubeConfig): void {\n  void config;\n}\n`,
      }),
    ).toThrow(/kubeConfig: a type the checker cannot resolve/);
  });
});
