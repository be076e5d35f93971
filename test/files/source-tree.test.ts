import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  INTENT_READ_LIMITS,
  readSourceTree,
  YAML_EXTENSIONS,
  type ReadLimits,
} from "../../action/src/adapters/files/source-tree.js";
import { loadIntentFromDir } from "../../action/src/adapters/files/intent.js";
import { cliAdapters } from "../../action/src/wiring/cli.js";
import { readWorkingTree } from "../../action/src/adapters/files/intent.js";

let scratch: string;
let repo: string;
let outside: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "netpol-tree-"));
  repo = join(scratch, "repo");
  outside = join(scratch, "outside");
  mkdirSync(join(repo, "policies", "environments"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, "secret.yaml"), "password: hunter2-outside\n");
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

const ENV =
  "promotion: 1\ncni: generic\nnamespaces:\n  shop:\n    services:\n      web: { labels: { app: web }, ports: [80] }\n";

const read = (target = join(repo, "policies"), limits: ReadLimits = INTENT_READ_LIMITS) =>
  readSourceTree({ repository: repo, target, extensions: YAML_EXTENSIONS, limits });

describe("the one tree reader", () => {
  it("refuses a link leaving the repository, and never reads what it points at", async () => {
    writeFileSync(join(repo, "policies", "environments", "dev.yaml"), ENV);
    symlinkSync(join(outside, "secret.yaml"), join(repo, "policies", "environments", "prod.yaml"));
    const tree = await read();
    expect(tree.files.map((f) => [f.path, f.problem ?? "read"])).toEqual([
      ["policies/environments/dev.yaml", "read"],
      [
        "policies/environments/prod.yaml",
        "not read: a link to a place outside the repository (links may only point inside it)",
      ],
    ]);
    expect(JSON.stringify(tree)).not.toContain("hunter2");
  });

  it("follows links that stay inside the repository, to files and to directories", async () => {
    mkdirSync(join(repo, "shared"));
    writeFileSync(join(repo, "shared", "dev.yaml"), ENV);
    writeFileSync(join(repo, "shared", "common.yaml"), "x: 1\n");
    symlinkSync("../../shared/dev.yaml", join(repo, "policies", "environments", "dev.yaml"));
    symlinkSync("../shared", join(repo, "policies", "fragments"));
    const tree = await read();
    expect(tree.files.map((f) => [f.path, f.problem ?? f.text.length])).toEqual([
      ["policies/environments/dev.yaml", ENV.length],
      ["policies/fragments/common.yaml", 5],
      ["policies/fragments/dev.yaml", ENV.length],
    ]);
  });

  it("refuses a policies directory that is itself a link out of the repository (to /usr: at once)", async () => {
    rmSync(join(repo, "policies"), { recursive: true });
    symlinkSync("/usr", join(repo, "policies"));
    const started = Date.now();
    const tree = await read();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(tree.files).toEqual([
      {
        path: "policies",
        text: "",
        problem: "not read: a link to a place outside the repository (links may only point inside it)",
      },
    ]);
  });

  it("never reads a FIFO (which would block) or a device, named or found", async () => {
    execFileSync("mkfifo", [join(repo, "policies", "environments", "pipe.yaml")]);
    const tree = await read();
    expect(tree.files).toEqual([
      { path: "policies/environments/pipe.yaml", text: "", problem: "not read: a FIFO, not a regular file" },
    ]);
    const device = await readSourceTree({
      repository: repo,
      target: "/dev/zero",
      extensions: ["zero"],
      limits: INTENT_READ_LIMITS,
    });
    expect(device.files[0]?.problem).toBe("not read: a device, not a regular file");
  });

  it("bounds each file and all files together", async () => {
    const limits = { maxFileBytes: 100, maxTotalBytes: 150, maxFiles: 10 };
    writeFileSync(join(repo, "policies", "a.yaml"), "a: 1\n".repeat(16)); // 80 bytes
    writeFileSync(join(repo, "policies", "b.yaml"), "b: 1\n".repeat(30)); // 150 bytes
    writeFileSync(join(repo, "policies", "c.yaml"), "c: 1\n".repeat(16)); // 80 bytes
    const tree = await read(join(repo, "policies"), limits);
    expect(tree.files.map((f) => [f.path, f.problem ?? "read"])).toEqual([
      ["policies/a.yaml", "read"],
      ["policies/b.yaml", "not read: 150 bytes, more than the 100 allowed per file"],
      ["policies/c.yaml", "not read: the files together exceed the 150 bytes allowed"],
    ]);
    const many = await read(join(repo, "policies"), { ...INTENT_READ_LIMITS, maxFiles: 1 });
    expect(many.files.map((f) => f.problem ?? "read")).toEqual([
      "read",
      "not read: more than 1 files",
      "not read: more than 1 files",
    ]);
  });

  it("reads only YAML files: others under the directory are skipped, a named one is refused", async () => {
    writeFileSync(join(repo, "policies", "notes.txt"), "not yaml");
    writeFileSync(join(repo, "policies", "dev.YML"), ENV);
    expect((await read()).files.map((f) => f.path)).toEqual(["policies/dev.YML"]);
    const named = await read(join(repo, "policies", "notes.txt"));
    expect(named.files[0]?.problem).toBe("not read: only .yaml, .yml files are read");
  });

  it("refuses UTF-16 and non-UTF-8 text with the fix, without echoing it", async () => {
    writeFileSync(join(repo, "policies", "u16.yaml"), Buffer.from(`\ufeff${ENV}`, "utf16le"));
    writeFileSync(join(repo, "policies", "latin1.yaml"), Buffer.from("name: caf\xe9\n", "latin1"));
    writeFileSync(join(repo, "policies", "bom.yaml"), `\ufeff${ENV}`);
    const tree = await read();
    expect(tree.files.map((f) => [f.path, f.problem ?? f.text])).toEqual([
      ["policies/bom.yaml", ENV],
      ["policies/latin1.yaml", "not read: the file is not UTF-8 text; save it as UTF-8"],
      ["policies/u16.yaml", "not read: the file is UTF-16 text; save it as UTF-8"],
    ]);
  });

  it("survives a link loop and a link to itself", async () => {
    symlinkSync("..", join(repo, "policies", "environments", "up"));
    symlinkSync("self.yaml", join(repo, "policies", "self.yaml"));
    writeFileSync(join(repo, "policies", "environments", "dev.yaml"), ENV);
    const tree = await read();
    expect(tree.files.map((f) => [f.path, f.problem ?? "read"])).toEqual([
      ["policies/environments/dev.yaml", "read"],
      ["policies/self.yaml", "not read: a link that loops"],
    ]);
  });

  it("the CLI's loader and the Action's head reader apply the same rule to the same tree", async () => {
    writeFileSync(join(repo, "policies", "environments", "dev.yaml"), ENV);
    symlinkSync(join(outside, "secret.yaml"), join(repo, "policies", "environments", "prod.yaml"));
    const cli = await loadIntentFromDir("policies", repo);
    expect(cli.ok).toBe(false);
    const cliErrors = cli.ok ? [] : cli.errors;
    expect(cliErrors).toEqual([
      {
        file: "policies/environments/prod.yaml",
        line: 1,
        column: 1,
        message: "not read: a link to a place outside the repository (links may only point inside it)",
      },
    ]);
    const action = await readWorkingTree(repo, "policies");
    expect(action.filter((f) => f.problem).map((f) => [f.path, f.problem])).toEqual(
      cliErrors.map((e) => [e.file, e.message]),
    );
  });
});

/** A CLI context in `cwd`, with the CLI's own adapters. */
function cliContext(cwd: string) {
  return {
    io: { cwd, stdout: () => undefined, stderr: () => undefined },
    adapters: cliAdapters(cwd, {}),
    exitCode: 0,
  };
}

describe("analyze's inputs", () => {
  it("a cluster file linking to /proc/self/environ is refused, and the environment is never printed", async () => {
    const { readInputs, InputMissing } = await import("../../action/src/cli/commands/analyze.js");
    symlinkSync("/proc/self/environ", join(repo, "cluster.yaml"));
    const error = await readInputs(cliContext(repo), "cluster.yaml", "--cluster").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputMissing);
    expect((error as Error).message).toBe(
      "--cluster cluster.yaml: not read: a link to a place outside the repository (links may only point inside it)",
    );
  });

  it("a dump named outside the repository is read, a link inside that directory may not leave it", async () => {
    const { readInputs, InputMissing } = await import("../../action/src/cli/commands/analyze.js");
    const dumps = join(scratch, "dumps");
    mkdirSync(dumps);
    writeFileSync(join(dumps, "pods.yaml"), "kind: List\nitems: []\n");
    const ctx = cliContext(repo);
    expect((await readInputs(ctx, dumps, "--cluster")).map((f) => f.path)).toEqual([
      join(dumps, "pods.yaml"),
    ]);
    symlinkSync(join(outside, "secret.yaml"), join(dumps, "more.yaml"));
    await expect(readInputs(ctx, dumps, "--cluster")).rejects.toBeInstanceOf(InputMissing);
  });
});
