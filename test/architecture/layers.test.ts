/**
 * The layout's rules, checked on the real sources (action/src and pulumi/), and each shown
 * to catch a violation planted in a scratch tree.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  declarationsBesideTypes,
  importersOutside,
  importsOutside,
  modulesImported,
  ROOT_UNIT,
  ioGlobals,
  modulesReached,
  reExports,
  timersOutside,
  readSources,
  unitCycles,
  type SourceGraph,
} from "./import-graph.js";

/** The pure core: no I/O, no SDK, no adapter, however indirectly. */
const CORE = [
  "intent/",
  "compile/",
  "semantics/",
  "manifests/",
  "cni/",
  "k8s/",
  "report/",
  "text/",
  "rollout/",
  "probe/",
  "flows/",
  "access/",
  "import/",
  "init/",
];

/** The interfaces commands reach the outside through, and their errors; adapters implement them. */
const PORTS = ["ports/"];
/** Orchestration over ports; each command's request type is its own. */
const COMMANDS = ["commands/"];
/** The Action's inputs parsed into settings and the commands' requests. */
const SETTINGS = ["settings/"];
/** The I/O behind the ports. */
const ADAPTERS = ["adapters/"];
/** The only place adapters are built and handed to the commands and the front doors. */
const WIRING = ["wiring/"];
/** The entries: the CLI, the Action's and the library's (main.ts, lib.ts, index.ts). */
const FRONT_DOORS = ["cli/", ROOT_UNIT];
/** The real clock, whose sleep every wait uses. */
const CLOCK = "adapters/clock.ts";
/** Everything that does no I/O of its own: it is given what it reads, and ports for the rest. */
const NO_IO = [...CORE, ...PORTS, ...COMMANDS, ...SETTINGS];

/**
 * The modules the core may use, and why each does no I/O. Anything else (node:fs,
 * node:child_process, node:net, node:os, an SDK, an HTTP client…) is I/O or reaches it.
 * Ports, commands and settings use no more than the core.
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
  "ports import only the core and ports": (g: SourceGraph) => importsOutside(g, PORTS, [...CORE, ...PORTS]),
  "commands import only the core, ports and commands": (g: SourceGraph) =>
    importsOutside(g, COMMANDS, [...CORE, ...PORTS, ...COMMANDS]),
  "commands re-export nothing: a name is imported from the file that defines it": (g: SourceGraph) =>
    reExports(g, COMMANDS),
  "settings import only the core, ports, commands and settings": (g: SourceGraph) =>
    importsOutside(g, SETTINGS, NO_IO),
  "the core, ports, commands and settings reach no module beyond the core's, however indirectly": (
    g: SourceGraph,
  ) => modulesReached(g, NO_IO, Object.keys(CORE_MODULES)),
  "the core, ports, commands and settings use no global of the process, the clock, timers or the network": (
    g: SourceGraph,
  ) => ioGlobals(g, NO_IO),
  "adapters import only the core, ports and adapters": (g: SourceGraph) =>
    importsOutside(g, ADAPTERS, [...CORE, ...PORTS, ...ADAPTERS]),
  "only wiring/ builds adapters: nothing else imports adapters/": (g: SourceGraph) =>
    importersOutside(g, ADAPTERS, [...ADAPTERS, ...WIRING]),
  "wiring imports no front door": (g: SourceGraph) =>
    importsOutside(g, WIRING, [...NO_IO, ...ADAPTERS, ...WIRING]),
  "front doors import no SDK and no I/O module: they get them from wiring/": (g: SourceGraph) =>
    modulesImported(g, FRONT_DOORS, [...Object.keys(CORE_MODULES), "commander"]),
  "ports declare types only: interfaces, type aliases and error classes": (g: SourceGraph) =>
    declarationsBesideTypes(g, PORTS),
  "only adapters/clock.ts starts a timer: every wait is its one sleep, which ends when its signal aborts": (
    g: SourceGraph,
  ) => timersOutside(g, [CLOCK]),
  "no import cycle between units": unitCycles,
};

const repoRoot = join(import.meta.dirname, "../..");
const sources = readSources({ root: join(repoRoot, "action/src"), extraUnits: ["pulumi"], base: repoRoot });

describe("the source layout", () => {
  it.each(Object.entries(RULES))("%s", (_name, check) => {
    expect(check(sources)).toEqual([]);
  });
});

/** The bullet lines of the README's "The layout's rules" section, by the text before their first colon. */
function readmeLayout(): { lines: string[] } {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const section = readme.split("\n### The layout's rules\n")[1]?.split(/\n#{2,3} /)[0] ?? "";
  return {
    lines: section
      .split("\n")
      .filter((l) => l.startsWith("- "))
      .map((l) => l.slice(2)),
  };
}

describe("the README's layout rules", () => {
  const { lines } = readmeLayout();
  const units = (line: string | undefined) => [...(line ?? "").matchAll(/`([^`]+\/)`/g)].map((m) => m[1]);

  it("name the core's units and the front doors as the checks do", () => {
    expect(units(lines.find((l) => l.startsWith("The core: ")))).toEqual(CORE);
    expect(units(lines.find((l) => l.startsWith("The front doors: ")))).toEqual(
      FRONT_DOORS.filter((u) => u !== ROOT_UNIT),
    );
  });

  it("state every rule that is checked, and no other", () => {
    expect(lines.filter((l) => !l.includes("`") && !l.startsWith("The "))).toEqual(Object.keys(RULES));
  });

  it("list the core's modules with the reason for each", () => {
    const listed = lines.filter((l) => /^`[^`]+`: /.test(l)).map((l) => l.split(/`: /) as [string, string]);
    expect(Object.fromEntries(listed.map(([m, why]) => [m.slice(1), why]))).toEqual(CORE_MODULES);
  });
});

describe("each rule, on a scratch tree with one planted violation of it", () => {
  const planted = mkdtempSync(join(tmpdir(), "netpol-layers-"));
  afterAll(() => rmSync(planted, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(planted, path)), { recursive: true });
    writeFileSync(join(planted, path), text);
  };
  // The core: SDKs (Pulumi in semantics/, Octokit in report/), node:child_process, node:fs
  // through another folder, an adapter's type, the clock.
  write("src/semantics/eval.ts", 'import * as pulumi from "@pulumi/pulumi";\n');
  write("src/semantics/solver.ts", 'import { execFile } from "node:child_process";\n');
  write("src/report/comment.ts", 'import { Octokit } from "@octokit/rest";\n');
  write("src/intent/load.ts", 'import { readTree } from "../files/tree.js";\n');
  write("src/files/tree.ts", 'export { readFile as readTree } from "node:fs/promises";\n');
  write(
    "src/report/render.ts",
    'import type { X } from "../adapters/client.js";\nexport const at = Date.now();\n',
  );
  write("src/adapters/client.ts", "export interface X { x: number }\n");
  // A sleep of its own in an adapter; the clock's own timer is allowed.
  write("src/adapters/retry.ts", "export const pause = () => new Promise((r) => setTimeout(r, 100));\n");
  write(
    "src/adapters/clock.ts",
    "export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));\n",
  );
  // Ports: one reaching an adapter, one reaching a command, one reaching node:fs, one with code.
  write(
    "src/ports/git.ts",
    'import type { X } from "../adapters/client.js";\nexport interface Git { x: X }\n',
  );
  write(
    "src/ports/files.ts",
    'import type { Stats } from "node:fs";\nexport interface Files { stat: Stats }\n',
  );
  write(
    "src/ports/engine.ts",
    'import type { DeployRequest } from "../commands/deploy.js";\nexport interface Engine { up(r: DeployRequest): void }\n',
  );
  write(
    "src/ports/cluster.ts",
    "export class ClusterError extends Error {}\nexport function describe() {}\n",
  );
  // A command building an adapter, one reaching wiring, one reading the process environment,
  // two re-exporting names of the core (a local export is no re-export);
  // settings reaching wiring.
  write("src/commands/deploy.ts", 'import { X } from "../adapters/client.js";\n');
  write("src/commands/drift.ts", "export const token = process.env.TOKEN;\n");
  write(
    "src/commands/rollback.ts",
    'import { rolloutWiring } from "../wiring/run.js";\nimport { LAST } from "../rollout/record.js";\nexport { LAST };\n',
  );
  write("src/commands/summary.ts", 'export type { Report } from "../rollout/outcome.js";\n');
  write("src/rollout/record.ts", 'export const LAST = "last";\nexport function local() {}\n');
  write("src/commands/probe.ts", "function run() {}\nexport { run };\n");
  write("src/settings/parse.ts", 'import "../wiring/run.js";\n');
  // An adapter reaching the CLI, a front door importing the SDK, wiring reaching the CLI.
  write("src/adapters/git.ts", 'import type { Io } from "../cli/io.js";\n');
  write("src/cli/probe.ts", 'import * as k8s from "@kubernetes/client-node";\n');
  write("src/wiring/cli.ts", 'import type { Io } from "../cli/io.js";\n');
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
      "ports import only the core and ports": [
        "src/ports/engine.ts imports ../commands/deploy.js (commands/)",
        "src/ports/git.ts imports ../adapters/client.js (adapters/)",
      ],
      "commands import only the core, ports and commands": [
        "src/commands/deploy.ts imports ../adapters/client.js (adapters/)",
        "src/commands/preview.ts imports ../settings.js (./)",
        "src/commands/rollback.ts imports ../wiring/run.js (wiring/)",
      ],
      "commands re-export nothing: a name is imported from the file that defines it": [
        "src/commands/rollback.ts:3 re-exports LAST",
        "src/commands/summary.ts:1 re-exports Report",
      ],
      "settings import only the core, ports, commands and settings": [
        "src/settings/parse.ts imports ../wiring/run.js (wiring/)",
      ],
      "the core, ports, commands and settings reach no module beyond the core's, however indirectly": [
        "src/intent/load.ts reaches node:fs/promises (src/intent/load.ts -> src/files/tree.ts -> node:fs/promises)",
        "src/ports/files.ts imports node:fs",
        "src/report/comment.ts imports @octokit/rest",
        "src/semantics/eval.ts imports @pulumi/pulumi",
        "src/semantics/solver.ts imports node:child_process",
      ],
      "the core, ports, commands and settings use no global of the process, the clock, timers or the network":
        ["src/commands/drift.ts:1 uses process", "src/report/render.ts:2 uses Date.now"],
      "adapters import only the core, ports and adapters": [
        "src/adapters/git.ts imports ../cli/io.js (cli/)",
      ],
      "only wiring/ builds adapters: nothing else imports adapters/": [
        "src/commands/deploy.ts imports ../adapters/client.js (adapters/)",
        "src/ports/git.ts imports ../adapters/client.js (adapters/)",
        "src/report/render.ts imports ../adapters/client.js (adapters/)",
      ],
      "wiring imports no front door": ["src/wiring/cli.ts imports ../cli/io.js (cli/)"],
      "front doors import no SDK and no I/O module: they get them from wiring/": [
        "src/cli/probe.ts imports @kubernetes/client-node",
      ],
      "ports declare types only: interfaces, type aliases and error classes": [
        "src/ports/cluster.ts:2 declares describe, which is not a type",
      ],
      "only adapters/clock.ts starts a timer: every wait is its one sleep, which ends when its signal aborts":
        ["src/adapters/retry.ts:1 uses setTimeout"],
      "no import cycle between units": [
        "./ -> wiring/ -> commands/ -> ./ (src/main.ts imports ./wiring/run.js; src/wiring/run.ts imports ../commands/preview.js; src/commands/preview.ts imports ../settings.js)",
      ],
    });
  });
});
