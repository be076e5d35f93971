/**
 * docs/getting-started.md, followed as a new user would, outside this repository: the npm
 * package packed from here, a scratch git repository holding only `policies/`, the CLI run
 * through `npx`, and the bundled Action run from a directory of its own (as the runner
 * lays out `uses: netpol-rollout/netpol-rollout@v1`) on a pull request, against the
 * HTTP-level GitHub fake.
 */
import { execFile, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub } from "../fakes/github-server.js";
import type { FakeGitHub } from "../fakes/github-server.js";

const run = promisify(execFile);
const repoRoot = join(import.meta.dirname, "../..");
const page = readFileSync(join(repoRoot, "docs/getting-started.md"), "utf8");
const packageJson = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
  version: string;
};
const MARKER = "<!-- netpol-rollout:preview -->";

let scratch: string;
let workspace: string;
let tarball: string;

/** A user's shell: no npm registry reachable, git with an identity, a home of its own. */
function userEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    HOME: scratch,
    npm_config_offline: "true",
    npm_config_cache: join(scratch, "npm-cache"),
    npm_config_update_notifier: "false",
    npm_config_audit: "false",
    npm_config_fund: "false",
    GIT_AUTHOR_NAME: "Ada",
    GIT_AUTHOR_EMAIL: "ada@example.com",
    GIT_COMMITTER_NAME: "Ada",
    GIT_COMMITTER_EMAIL: "ada@example.com",
    GIT_CONFIG_NOSYSTEM: "1",
  };
}

/** Runs a command of the page in the user's repository; rejects on a non-zero exit. */
async function sh(command: string, args: string[], cwd = workspace): Promise<string> {
  const { stdout } = await run(command, args, { cwd, env: userEnv(), maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

async function git(...args: string[]): Promise<string> {
  return (await sh("git", args)).trim();
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "netpol-getting-started-"));
  workspace = join(scratch, "my-network-policies");
  mkdirSync(workspace);
  // `npm pack` runs `prepack` (the type declarations) and takes dist/ as built.
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", scratch], {
    cwd: repoRoot,
    env: { ...process.env, npm_config_update_notifier: "false" },
    maxBuffer: 16 * 1024 * 1024,
  });
  const packed = JSON.parse(stdout) as { filename: string }[];
  tarball = join(scratch, packed[0]?.filename ?? "");
  // The repository holds only its intent: the shipped example's environments and templates.
  cpSync(join(repoRoot, "policies/environments"), join(workspace, "policies/environments"), {
    recursive: true,
  });
  cpSync(join(repoRoot, "policies/templates"), join(workspace, "policies/templates"), { recursive: true });
  await git("init", "-q", "-b", "main");
  await git("add", "policies");
  await git("commit", "-q", "-m", "Network intent");
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("getting started from an empty repository", () => {
  it("installs the packed package offline: no dependencies, the CLI and its version", async () => {
    expect(page).toContain("npm install --save-dev netpol-rollout");
    await sh("npm", ["install", "--save-dev", tarball]);
    // Nothing else was installed: the CLI and the library are self-contained bundles, and
    // the Pulumi SDK is an optional peer for `netpol-rollout/pulumi` only.
    const installed = readdirSync(join(workspace, "node_modules")).filter((n) => !n.startsWith("."));
    expect(installed).toEqual(["netpol-rollout"]);
    expect((await sh("npx", ["netpol-rollout", "--version"])).trim()).toBe(packageJson.version);
  });

  it("npx netpol-rollout validate checks the intent", async () => {
    expect(page).toContain("npx netpol-rollout validate");
    const out = await sh("npx", ["netpol-rollout", "validate"]);
    expect(out).toMatch(/^production \(promotion 3, cni cilium\): /m);
  });

  it("npx netpol-rollout preview on a branch names the flow it opens", async () => {
    expect(page).toContain("npx netpol-rollout preview --format text");
    await git("switch", "-q", "-c", "frontend-reads-database");
    const file = join(workspace, "policies/environments/production.yaml");
    writeFileSync(file, `${readFileSync(file, "utf8")}  - frontend -> database:5432\n`);
    await git("commit", "-q", "-am", "frontend reads the database");
    const out = await sh("npx", ["netpol-rollout", "preview", "--format", "text"]);
    expect(out).toMatch(/production\/frontend.*production\/database.*5432/);
  });

  it("the library and its types are importable from the package", async () => {
    const script = join(workspace, "count.mjs");
    writeFileSync(
      script,
      [
        'import { loadIntentFromDir, compileEnvironment, VERSION } from "netpol-rollout";',
        'const loaded = await loadIntentFromDir("policies", process.cwd());',
        "if (!loaded.ok) throw new Error('invalid');",
        "const env = loaded.intent.environments.find((e) => e.name === 'production');",
        "console.log(VERSION, compileEnvironment(env).objects.length > 0);",
      ].join("\n"),
    );
    expect((await sh("node", [script])).trim()).toBe(`${packageJson.version} true`);
    const types = join(workspace, "node_modules/netpol-rollout/types/action/src/lib.d.ts");
    expect(readFileSync(types, "utf8")).toContain("compileEnvironment");
  });

  describe("a Pulumi codebase of one's own", () => {
    const program = `
import * as pulumi from "@pulumi/pulumi";
const registered = [];
await pulumi.runtime.setMocks(
  {
    newResource(args) {
      // A read of an existing object (kube-system, for the cluster's uid): answered, not registered.
      if (args.id) return { id: args.id, state: { metadata: { name: args.id, uid: "mock-cluster-uid" } } };
      registered.push({ type: args.type, name: args.name, custom: args.custom });
      return { id: args.name + "-id", state: args.inputs };
    },
    call(args) { return args.inputs; },
  },
  "my-infrastructure", "production", false,
);
const { NetpolRollout } = await import("netpol-rollout/pulumi");
const rollout = new NetpolRollout("production", { environment: "production", stage: "allow" });
const resources = await rollout.resources;
const digest = await new Promise((r) => pulumi.all([rollout.urn, ...resources.map((x) => x.urn), rollout.digest]).apply((v) => r(v.at(-1))));
console.log(JSON.stringify({ registered, digest }));
process.exit(0);
`;

    beforeAll(() => {
      // A Pulumi codebase has the SDK already: the package names it as an optional peer.
      symlinkSync(join(repoRoot, "node_modules/@pulumi"), join(workspace, "node_modules/@pulumi"));
    });

    it("imports NetpolRollout from netpol-rollout/pulumi: under mocks it registers what render prints", async () => {
      expect(page).toContain('import { NetpolRollout } from "netpol-rollout/pulumi"');
      writeFileSync(join(workspace, "infra.mjs"), program);
      const result = JSON.parse((await sh("node", ["infra.mjs"])).trim().split("\n").pop() ?? "") as {
        registered: { type: string; name: string; custom: boolean }[];
        digest: string;
      };
      const rendered = (
        await sh("npx", ["netpol-rollout", "render", "--env", "production", "--format", "json"])
      ).trim();
      const objects = (
        JSON.parse(rendered) as { items: { metadata: { namespace: string; name: string } }[] }
      ).items
        .filter((o) => o.metadata.name !== "default-deny-all")
        .map((o) => `${o.metadata.namespace}/${o.metadata.name}`)
        .sort();
      expect(
        result.registered
          .filter((r) => r.custom)
          .map((r) => r.name)
          .sort(),
      ).toEqual(objects);
      expect(result.registered.filter((r) => !r.custom).map((r) => r.type)).toEqual([
        "netpol-rollout:index:NetpolRollout",
      ]);
      expect(result.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    });

    it("its types hold: typed arguments and outputs, a wrong stage is a type error", async () => {
      const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
      const flags = ["--noEmit", "--strict", "--skipLibCheck", "--module", "nodenext", "--target", "es2022"];
      const check = async (file: string, source: string): Promise<string> => {
        writeFileSync(join(workspace, file), source);
        return sh("node", [tsc, ...flags, "--typeRoots", join(repoRoot, "node_modules/@types"), file]).then(
          () => "",
          (error: { stdout?: string }) => error.stdout ?? String(error),
        );
      };
      const good = [
        'import type { Output } from "@pulumi/pulumi";',
        'import { NetpolRollout, type NetpolRolloutArgs } from "netpol-rollout/pulumi";',
        'const args: NetpolRolloutArgs = { environment: "production", stage: "allow", revision: "abc" };',
        'const rollout = new NetpolRollout("production", args);',
        "export const digest: Output<string> = rollout.digest;",
        "export const revision: Output<string | null> = rollout.revision;",
        "export const objects: Output<number> = rollout.bundle.objects.length;",
      ].join("\n");
      expect(await check("infra.mts", good)).toBe("");
      const bad = good.replace('stage: "allow"', 'stage: "sideways"');
      expect(await check("infra-bad.mts", bad)).toMatch(/infra-bad\.mts.*"sideways".*not assignable/);
    });
  });

  describe("the Action on a pull request", () => {
    let gh: FakeGitHub;
    let actionDir: string;
    let runnerTemp: string;

    beforeAll(async () => {
      gh = await startFakeGitHub();
      // The runner checks the Action's repository out under _actions/, apart from the workspace.
      actionDir = join(scratch, "_actions/netpol-rollout/netpol-rollout/v1");
      const tracked = (
        await run("git", ["ls-files", "-z"], { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 })
      ).stdout
        .split("\0")
        .filter((f) => f !== "" && existsSync(join(repoRoot, f)));
      for (const file of tracked) cpSync(join(repoRoot, file), join(actionDir, file));
      cpSync(join(repoRoot, "dist"), join(actionDir, "dist"), { recursive: true });
      runnerTemp = join(scratch, "_temp");
      mkdirSync(runnerTemp);
    });
    afterAll(async () => gh.close());

    async function runAction(): Promise<{ code: number | null; stdout: string }> {
      const base = await git("rev-parse", "main");
      const head = await git("rev-parse", "HEAD");
      const eventPath = join(runnerTemp, "event.json");
      writeFileSync(
        eventPath,
        JSON.stringify({
          action: "synchronize",
          number: 1,
          pull_request: {
            number: 1,
            html_url: "https://github.com/ada/my-network-policies/pull/1",
            base: { sha: base, ref: "main", repo: { full_name: "ada/my-network-policies" } },
            head: {
              sha: head,
              ref: "frontend-reads-database",
              repo: { full_name: "ada/my-network-policies" },
            },
          },
        }),
      );
      for (const f of ["output.txt", "summary.md"]) writeFileSync(join(runnerTemp, f), "");
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? "",
        HOME: scratch,
        GITHUB_ACTIONS: "true",
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: "ada/my-network-policies",
        GITHUB_API_URL: gh.url,
        GITHUB_SERVER_URL: "https://github.com",
        GITHUB_RUN_ID: "1",
        GITHUB_SHA: head,
        GITHUB_WORKSPACE: workspace,
        GITHUB_STEP_SUMMARY: join(runnerTemp, "summary.md"),
        GITHUB_OUTPUT: join(runnerTemp, "output.txt"),
        RUNNER_TEMP: runnerTemp,
        // What the page's workflow gives the step: `command: preview`, the rest defaults.
        INPUT_COMMAND: "preview",
        "INPUT_GITHUB-TOKEN": "ghs_getting_started",
      };
      const child = spawn(process.execPath, [join(actionDir, "dist/index.js")], { cwd: workspace, env });
      let stdout = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stdout += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      return { code, stdout };
    }

    it("posts one sticky comment naming the changed flow, updated in place on the next push", async () => {
      expect(page).toContain("uses: netpol-rollout/netpol-rollout@v1");
      const first = await runAction();
      expect(first.code, first.stdout).toBe(0);
      const second = await runAction();
      expect(second.code, second.stdout).toBe(0);
      const comments = gh.comments("ada", "my-network-policies", 1);
      expect(comments).toHaveLength(1);
      expect(comments[0]?.body.startsWith(MARKER)).toBe(true);
      expect(comments[0]?.body).toMatch(/production\/frontend.*production\/database.*5432/s);
    });
  });
});
