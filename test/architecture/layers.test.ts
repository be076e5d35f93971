/**
 * The layout's two rules, checked on the real sources: no import cycle between folders of
 * action/src (and pulumi/), and a pure core (intent, compile, semantics, report, rollout, text,
 * probe) that imports no `@actions/*`, `@pulumi/*`, `@kubernetes/*` and nothing from
 * `adapters/`. A planted tree shows the check catches both.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { folderCycles, impureImports } from "./import-graph.js";
import type { SourceTree } from "./import-graph.js";

const repoRoot = join(import.meta.dirname, "../..");
const sources: SourceTree = { root: join(repoRoot, "action/src"), extraUnits: ["pulumi"], base: repoRoot };

describe("the source layout", () => {
  it("has no import cycle between folders of action/src and pulumi/", () => {
    expect(folderCycles(sources)).toEqual([]);
  });

  it("keeps the pure core free of SDKs and adapters", () => {
    expect(impureImports(sources)).toEqual([]);
  });
});

describe("the layout check", () => {
  const planted = mkdtempSync(join(tmpdir(), "netpol-layers-"));
  afterAll(() => rmSync(planted, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(planted, path)), { recursive: true });
    writeFileSync(join(planted, path), text);
  };
  // commands -> adapters -> commands, and a pure folder reaching an SDK and an adapter.
  write(
    "src/commands/run.ts",
    'import { fetchIt } from "../adapters/client.js";\nexport const run = fetchIt;\n',
  );
  write(
    "src/adapters/client.ts",
    'import type { Port } from "../commands/port.js";\nexport const fetchIt = 1;\n',
  );
  write("src/commands/port.ts", "export interface Port { x: number }\n");
  write(
    "src/semantics/eval.ts",
    'import * as pulumi from "@pulumi/pulumi";\nimport type { X } from "../adapters/client.js";\n',
  );
  write("src/intent/load.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n');
  const tree: SourceTree = { root: join(planted, "src"), base: planted };

  it("catches a planted folder cycle", () => {
    expect(folderCycles(tree)).toEqual([
      "adapters/ -> commands/ -> adapters/ (src/adapters/client.ts imports ../commands/port.js; src/commands/run.ts imports ../adapters/client.js)",
    ]);
  });

  it("catches a planted SDK import and a planted adapter import in the pure core", () => {
    expect(impureImports(tree)).toEqual([
      "src/semantics/eval.ts imports @pulumi/pulumi",
      "src/semantics/eval.ts imports ../adapters/client.js",
    ]);
  });
});
