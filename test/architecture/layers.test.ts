/**
 * The layout's rules, checked on the real sources (action/src and pulumi/), and each shown
 * to catch a violation planted in a scratch tree.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importsOutside, modulesReached, readSources, unitCycles, type SourceGraph } from "./import-graph.js";

/** The pure core: no I/O, no SDK, no adapter, however indirectly. */
const CORE = [
  "intent/",
  "compile/",
  "semantics/",
  "cluster/",
  "cni/",
  "k8s/",
  "report/",
  "text/",
  "rollout/",
  "probe/",
  "flows/",
];

/** The SDKs that do I/O; only adapters use them. */
const SDKS = [
  "@actions/core",
  "@actions/github",
  "@kubernetes/client-node",
  "@pulumi/pulumi",
  "@pulumi/kubernetes",
];

const RULES = {
  "the core imports no SDK": (g: SourceGraph) =>
    modulesReached(g, CORE, []).filter((line) => SDKS.some((sdk) => line.includes(` ${sdk}`))),
  "the core imports nothing from adapters/": (g: SourceGraph) =>
    importsOutside(g, CORE, CORE).filter((line) => line.endsWith("(adapters/)")),
  "no import cycle between units": unitCycles,
};

const repoRoot = join(import.meta.dirname, "../..");
const sources = readSources({ root: join(repoRoot, "action/src"), extraUnits: ["pulumi"], base: repoRoot });

describe("the source layout", () => {
  it.each(Object.entries(RULES))("%s", (_name, check) => {
    expect(check(sources)).toEqual([]);
  });
});

describe("each rule, on a scratch tree with one planted violation of it", () => {
  const planted = mkdtempSync(join(tmpdir(), "netpol-layers-"));
  afterAll(() => rmSync(planted, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(planted, path)), { recursive: true });
    writeFileSync(join(planted, path), text);
  };
  write("src/semantics/eval.ts", 'import * as pulumi from "@pulumi/pulumi";\n');
  write("src/report/render.ts", 'import type { X } from "../adapters/client.js";\n');
  write("src/adapters/client.ts", "export interface X { x: number }\n");
  // The root's files are one unit: main.ts -> wiring/ -> commands/ -> settings.ts closes a cycle.
  write("src/main.ts", 'import { run } from "./wiring/run.js";\n');
  write("src/wiring/run.ts", 'import { preview } from "../commands/preview.js";\n');
  write("src/commands/preview.ts", 'import type { Settings } from "../settings.js";\n');
  write("src/settings.ts", "export interface Settings { x: number }\n");
  const tree = readSources({ root: join(planted, "src"), base: planted });
  const caught = Object.fromEntries(Object.entries(RULES).map(([name, check]) => [name, check(tree)]));

  it("catches each", () => {
    expect(caught).toEqual({
      "the core imports no SDK": ["src/semantics/eval.ts imports @pulumi/pulumi"],
      "the core imports nothing from adapters/": [
        "src/report/render.ts imports ../adapters/client.js (adapters/)",
      ],
      "no import cycle between units": [
        "./ -> wiring/ -> commands/ -> ./ (src/main.ts imports ./wiring/run.js; src/wiring/run.ts imports ../commands/preview.js; src/commands/preview.ts imports ../settings.js)",
      ],
    });
  });
});
