/**
 * The layout's rules, checked on the real sources (action/src and pulumi/), and each shown
 * to catch a violation planted in a scratch tree.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  declarationsBesideTypes,
  importsOutside,
  ioGlobals,
  modulesReached,
  readSources,
  unitCycles,
  type SourceGraph,
} from "./import-graph.js";

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

/** The interfaces commands reach the outside through, and their errors; adapters implement them. */
const PORTS = ["ports/"];

/**
 * The modules the core may use, and why each does no I/O. Anything else (node:fs,
 * node:child_process, node:net, node:os, an SDK, an HTTP client…) is I/O or reaches it.
 */
const CORE_MODULES: Record<string, string> = {
  "node:crypto": "SHA-256 digests of bundles and names (createHash over strings in memory)",
  "node:zlib": "gzip of the recorded bundle kept in the last-known-good record, in memory",
  "node:path": "path arithmetic on strings; relative paths are resolved against a root the caller gives",
  yaml: "YAML parsing with source positions, and YAML output",
  "js-yaml": "YAML parsing of cluster dumps (the fast path for large files)",
  ajv: "the intent's JSON Schema check",
  "ipaddr.js": "IP address and CIDR arithmetic",
  "fastest-levenshtein": "the nearest name in did-you-mean hints",
};

const RULES = {
  "the core imports only the core": (g: SourceGraph) => importsOutside(g, CORE, CORE),
  "the core reaches no module but its own, however indirectly": (g: SourceGraph) =>
    modulesReached(g, CORE, Object.keys(CORE_MODULES)),
  "the core uses no global of the process, the clock, timers or the network": (g: SourceGraph) =>
    ioGlobals(g, CORE),
  "ports import only the core and ports": (g: SourceGraph) => importsOutside(g, PORTS, [...CORE, ...PORTS]),
  "ports reach no module beyond the core's": (g: SourceGraph) =>
    modulesReached(g, PORTS, Object.keys(CORE_MODULES)),
  "ports declare types only: interfaces, type aliases and error classes": (g: SourceGraph) =>
    declarationsBesideTypes(g, PORTS),
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
  // An SDK, and node:fs through another folder, reached from the core.
  write("src/semantics/eval.ts", 'import * as pulumi from "@pulumi/pulumi";\n');
  write("src/intent/load.ts", 'import { readTree } from "../files/tree.js";\n');
  write("src/files/tree.ts", 'export { readFile as readTree } from "node:fs/promises";\n');
  // An adapter's type, and the clock.
  write(
    "src/report/render.ts",
    'import type { X } from "../adapters/client.js";\nexport const at = Date.now();\n',
  );
  write("src/adapters/client.ts", "export interface X { x: number }\n");
  // A port reaching an adapter, a port reaching node:fs, a port with code.
  write(
    "src/ports/git.ts",
    'import type { X } from "../adapters/client.js";\nexport interface Git { x: X }\n',
  );
  write(
    "src/ports/files.ts",
    'import type { Stats } from "node:fs";\nexport interface Files { stat: Stats }\n',
  );
  write(
    "src/ports/cluster.ts",
    "export class ClusterError extends Error {}\nexport function describe() {}\n",
  );
  // The root's files are one unit: main.ts -> wiring/ -> commands/ -> settings.ts closes a cycle.
  write("src/main.ts", 'import { run } from "./wiring/run.js";\n');
  write("src/wiring/run.ts", 'import { preview } from "../commands/preview.js";\n');
  write("src/commands/preview.ts", 'import type { Settings } from "../settings.js";\n');
  write("src/settings.ts", "export interface Settings { x: number }\n");
  const tree = readSources({ root: join(planted, "src"), base: planted });
  const caught = Object.fromEntries(Object.entries(RULES).map(([name, check]) => [name, check(tree)]));

  it("catches each", () => {
    expect(caught).toEqual({
      "the core imports only the core": [
        "src/intent/load.ts imports ../files/tree.js (files/)",
        "src/report/render.ts imports ../adapters/client.js (adapters/)",
      ],
      "the core reaches no module but its own, however indirectly": [
        "src/intent/load.ts reaches node:fs/promises (src/intent/load.ts -> src/files/tree.ts -> node:fs/promises)",
        "src/semantics/eval.ts imports @pulumi/pulumi",
      ],
      "the core uses no global of the process, the clock, timers or the network": [
        "src/report/render.ts:2 uses Date.now",
      ],
      "ports import only the core and ports": ["src/ports/git.ts imports ../adapters/client.js (adapters/)"],
      "ports reach no module beyond the core's": ["src/ports/files.ts imports node:fs"],
      "ports declare types only: interfaces, type aliases and error classes": [
        "src/ports/cluster.ts:2 declares describe, which is not a type",
      ],
      "no import cycle between units": [
        "./ -> wiring/ -> commands/ -> ./ (src/main.ts imports ./wiring/run.js; src/wiring/run.ts imports ../commands/preview.js; src/commands/preview.ts imports ../settings.js)",
      ],
    });
  });
});
