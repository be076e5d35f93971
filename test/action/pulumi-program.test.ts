/**
 * Which Pulumi program the Action runs (the repository's project, or the one it ships), and
 * how the shipped one is prepared: the SDK at the pinned versions, installed once per job.
 */
import { spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  actionDirOf,
  chooseProgram,
  prepareShippedProgram,
  WorkDirError,
} from "../../action/src/adapters/pulumi-program.js";
import type { CommandRunner } from "../../action/src/adapters/pulumi-program.js";

const repoRoot = join(import.meta.dirname, "../..");

let workspace: string;
let temp: string;
beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), "netpol-ws-"));
  temp = mkdtempSync(join(tmpdir(), "netpol-temp-"));
  mkdirSync(join(workspace, "policies"));
});
afterEach(() => {
  rmSync(workspace, { recursive: true, force: true });
  rmSync(temp, { recursive: true, force: true });
});

describe("choosing the Pulumi program", () => {
  const choose = (workDirInput: string) => chooseProgram({ workspace, workDirInput, project: "netpol" });

  it("a repository with only policies/ gets the shipped program", () => {
    expect(choose("")).toEqual({ kind: "shipped", project: "netpol" });
  });

  it("pulumi/ with a Pulumi.yaml is the repository's own project", () => {
    mkdirSync(join(workspace, "pulumi"));
    writeFileSync(join(workspace, "pulumi/Pulumi.yaml"), "name: mine\nruntime: nodejs\n");
    expect(choose("")).toEqual({ kind: "project", workDir: join(workspace, "pulumi") });
  });

  it("an explicit work-dir is used as given", () => {
    mkdirSync(join(workspace, "infra/netpol"), { recursive: true });
    writeFileSync(join(workspace, "infra/netpol/Pulumi.yml"), "name: mine\nruntime: nodejs\n");
    expect(choose("infra/netpol")).toEqual({ kind: "project", workDir: join(workspace, "infra/netpol") });
  });

  it("an explicit work-dir without a Pulumi.yaml is an error, not a fallback to the shipped program", () => {
    mkdirSync(join(workspace, "infra"));
    expect(() => choose("infra")).toThrow(WorkDirError);
    expect(() => choose("infra")).toThrow(/work-dir: "infra" holds no Pulumi.yaml/);
    expect(() => choose("pulumi")).toThrow(/work-dir: "pulumi" holds no Pulumi.yaml/);
  });
});

describe("the Action's own directory", () => {
  it("is the nearest one holding action.yml above the running bundle or source file", () => {
    expect(actionDirOf(pathToFileURL(join(repoRoot, "dist/index.js")).href)).toBe(repoRoot);
    expect(actionDirOf(pathToFileURL(join(repoRoot, "dist/chunks/x.js")).href)).toBe(repoRoot);
    expect(actionDirOf(pathToFileURL(join(repoRoot, "action/src/wiring/preview-adapters.ts")).href)).toBe(
      repoRoot,
    );
  });
});

describe("the shipped program", () => {
  /** Stands in for npm: records the call and installs a package.json where npm ci would. */
  function fakeNpm(calls: { args: string[]; cwd: string }[]): CommandRunner {
    return async (command, args, cwd) => {
      calls.push({ args: [command, ...args], cwd });
      mkdirSync(join(cwd, "node_modules/@pulumi/pulumi"), { recursive: true });
      writeFileSync(join(cwd, "node_modules/@pulumi/pulumi/package.json"), "{}");
    };
  }

  it("installs the pinned SDK with npm ci once per job and lays out a project named by the input", async () => {
    const calls: { args: string[]; cwd: string }[] = [];
    const options = { actionDir: repoRoot, temp, project: "acme-netpol" };
    const dir = await prepareShippedProgram(options, fakeNpm(calls));
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args.slice(0, 2)).toEqual(["npm", "ci"]);
    expect(calls[0]?.args).toContain("--ignore-scripts");
    const sdkDir = calls[0]?.cwd ?? "";
    // The lock file the Action ships, next to the project (Node finds node_modules upwards).
    expect(readFileSync(join(sdkDir, "package-lock.json"), "utf8")).toBe(
      readFileSync(join(repoRoot, "pulumi/shipped/package-lock.json"), "utf8"),
    );
    expect(join(dir, "..")).toBe(sdkDir);
    const project = parse(readFileSync(join(dir, "Pulumi.yaml"), "utf8")) as Record<string, unknown>;
    expect(project).toMatchObject({ name: "acme-netpol", main: "index.mjs", runtime: { name: "nodejs" } });
    expect(readFileSync(join(dir, "program.mjs"))).toEqual(
      readFileSync(join(repoRoot, "dist/pulumi/index.js")),
    );

    // A second step of the same job reuses the install.
    const again = await prepareShippedProgram(options, fakeNpm(calls));
    expect(again).toBe(dir);
    expect(calls).toHaveLength(1);
  });

  it("pins the SDK at the versions the repository builds and tests with, ESM like the bundle", () => {
    const root = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
      devDependencies: Record<string, string>;
    };
    const shipped = JSON.parse(readFileSync(join(repoRoot, "pulumi/shipped/package.json"), "utf8")) as {
      type: string;
      dependencies: Record<string, string>;
    };
    const lock = JSON.parse(readFileSync(join(repoRoot, "pulumi/shipped/package-lock.json"), "utf8")) as {
      packages: Record<string, { version?: string }>;
    };
    expect(shipped.type).toBe("module");
    for (const name of ["@pulumi/pulumi", "@pulumi/kubernetes"]) {
      expect(shipped.dependencies[name]).toBe(root.devDependencies[name]);
      expect(lock.packages[`node_modules/${name}`]?.version).toBe(root.devDependencies[name]);
    }
  });

  it("a failed install says what failed", async () => {
    const failing: CommandRunner = async () => {
      throw new Error("npm ci failed: ENOTFOUND registry.npmjs.org");
    };
    await expect(prepareShippedProgram({ actionDir: repoRoot, temp, project: "p" }, failing)).rejects.toThrow(
      /ENOTFOUND/,
    );
    // Nothing is marked installed, so the next step tries again.
    const calls: { args: string[]; cwd: string }[] = [];
    await prepareShippedProgram({ actionDir: repoRoot, temp, project: "p" }, fakeNpm(calls));
    expect(calls).toHaveLength(1);
  });
});

/**
 * The Pulumi Node.js runtime's own program loader (`@pulumi/pulumi/cmd/run`, what the
 * language host starts) on the prepared project, the engine replaced by mocks: the layout
 * runs as a stack program (ESM from the parent's package.json, the SDK from its node_modules).
 */
const RUNTIME_HOST = `
import { createRequire } from "node:module";
import * as pulumi from "@pulumi/pulumi";
const require = createRequire(import.meta.url);
const [programDir, configJson] = process.argv.slice(2);
const registered = [];
await pulumi.runtime.setMocks(
  {
    newResource(args) {
      // A read of an existing object (kube-system, for the cluster's uid): answered, not registered.
      if (args.id) return { id: args.id, state: { metadata: { name: args.id, uid: "mock-cluster-uid" } } };
      registered.push(args.name);
      return { id: args.name + "-id", state: args.inputs };
    },
    call(args) { return args.inputs; },
  },
  "acme-netpol", "production", false,
);
pulumi.runtime.setAllConfig(JSON.parse(configJson));
process.env.PULUMI_NODEJS_TYPESCRIPT = "false";
process.on("beforeExit", () => {
  const stack = [...pulumi.runtime.getMonitor().resources.values()].find((r) => r.urn.endsWith("::acme-netpol-production"));
  const outputs = stack?.state?.toJavaScript ? stack.state.toJavaScript() : stack?.state;
  console.log(JSON.stringify({ ok: !process.exitCode, cwd: process.cwd(), outputs, registered }));
});
process.argv = [process.argv[0], "run", "--monitor", "mock", "--project", "acme-netpol", "--stack", "production", "--pwd", programDir, "index.mjs"];
require("@pulumi/pulumi/cmd/run");
`;

describe("the shipped program under the Pulumi runtime", () => {
  it("runs from the prepared project as a stack program, reading the checkout's intent by absolute path", async () => {
    const linkSdk: CommandRunner = async (_command, _args, cwd) => {
      symlinkSync(join(repoRoot, "node_modules"), join(cwd, "node_modules"), "dir");
    };
    const dir = await prepareShippedProgram({ actionDir: repoRoot, temp, project: "acme-netpol" }, linkSdk);
    const host = join(dir, "..", "runtime-host.mjs");
    writeFileSync(host, RUNTIME_HOST);
    const child = spawnSync(
      process.execPath,
      [
        host,
        dir,
        JSON.stringify({
          "netpol-rollout:environment": "production",
          "netpol-rollout:policiesDir": join(repoRoot, "policies"),
        }),
      ],
      { cwd: workspace, encoding: "utf8", timeout: 90_000 },
    );
    const last = child.stdout.trim().split("\n").pop() ?? "";
    expect(last.startsWith("{"), `${child.stderr}\n${child.stdout}`).toBe(true);
    const result = JSON.parse(last) as {
      ok: boolean;
      cwd: string;
      outputs: { environment: string; from: string };
      registered: string[];
    };
    expect(result.ok).toBe(true);
    expect(result.cwd).toBe(realpathSync(dir));
    expect(result.outputs).toMatchObject({ environment: "production", from: "intent" });
    expect(result.registered).toContain("production/default-deny-all");
  }, 120_000);
});
