/**
 * The bundled Action run the way GitHub runs it: `node dist/index.js` with INPUT_* and
 * GITHUB_* variables, in a checkout (a temporary git repository with a base and a head
 * commit), against the HTTP fake of the GitHub API.
 */
import { execFileSync, spawn } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeGitHub } from "../fakes/github-server.js";
import type { FakeGitHub } from "../fakes/github-server.js";

const repoRoot = join(import.meta.dirname, "../..");
const MARKER = "<!-- netpol-rollout:preview -->";

let repo: string;
let baseSha: string;
let headSha: string;

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH ?? "",
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.com",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.com",
      GIT_CONFIG_NOSYSTEM: "1",
      HOME: cwd,
    },
  }).trim();
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "netpol-checkout-"));
  cpSync(join(repoRoot, "policies"), join(repo, "policies"), { recursive: true });
  git(repo, "init", "-q", "-b", "main");
  git(repo, "add", "policies");
  git(repo, "commit", "-q", "-m", "base");
  baseSha = git(repo, "rev-parse", "HEAD");
  appendFileSync(join(repo, "policies/environments/production.yaml"), "  - frontend -> database:5432\n");
  git(repo, "commit", "-q", "-am", "frontend reads the database");
  headSha = git(repo, "rev-parse", "HEAD");
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

let gh: FakeGitHub;
let runner: string;
beforeEach(async () => {
  gh = await startFakeGitHub();
  runner = mkdtempSync(join(tmpdir(), "netpol-runner-"));
});
afterEach(async () => {
  await gh.close();
  rmSync(runner, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs dist/index.js like the runner does and collects what it left behind. */
async function runAction(
  inputs: Record<string, string>,
  event: unknown,
  extraEnv: Record<string, string> = {},
): Promise<Run> {
  const eventPath = join(runner, "event.json");
  const outputPath = join(runner, "output.txt");
  const summaryPath = join(runner, "summary.md");
  writeFileSync(eventPath, JSON.stringify(event));
  writeFileSync(outputPath, "");
  writeFileSync(summaryPath, "");
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: runner,
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: "acme/netpol",
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_RUN_ID: "4242",
    GITHUB_SHA: headSha,
    GITHUB_WORKSPACE: repo,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    RUNNER_TEMP: runner,
    ...extraEnv,
  };
  // The runner keeps dashes in input names: INPUT_GITHUB-TOKEN.
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [join(repoRoot, "dist/index.js")], { cwd: repo, env });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputPath, "utf8")),
    summary: readFileSync(summaryPath, "utf8"),
  };
}

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` blocks. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) if (m[1] && m[3] !== undefined) outputs[m[1]] = m[3];
  return outputs;
}

const prEvent = (headRepo = "acme/netpol") => ({
  action: "synchronize",
  number: 3,
  pull_request: {
    number: 3,
    html_url: "https://github.com/acme/netpol/pull/3",
    base: { sha: baseSha, ref: "main", repo: { full_name: "acme/netpol" } },
    head: { sha: headSha, ref: "feature", repo: { full_name: headRepo } },
  },
});

const DEFAULT_INPUTS = {
  command: "preview",
  "github-token": "ghs_dist_test",
  "comment-on-pr": "true",
  "policies-dir": "policies",
  "work-dir": "",
  "pulumi-project": "netpol-rollout",
  "pulumi-backend-url": "",
  "fail-on": "error",
  "stack-template": "{env}",
  "pulumi-engine": "auto",
  environments: "",
  "base-ref": "",
};

describe("node dist/index.js on a pull request", () => {
  it("comments, writes the summary and sets the outputs", async () => {
    const run = await runAction(DEFAULT_INPUTS, prEvent());
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);

    const comments = gh.comments("acme", "netpol", 3);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body.startsWith(MARKER)).toBe(true);
    expect(comments[0]?.body).toMatch(/production\/frontend.*production\/database.*5432/s);
    expect(gh.requests[0]?.authorization).toBe("token ghs_dist_test");

    expect(run.outputs.changed).toBe("true");
    expect(Number(run.outputs["flows-added"])).toBeGreaterThanOrEqual(1);
    expect(run.outputs["flows-removed"]).toBe("0");
    expect(run.outputs["lint-errors"]).toMatch(/^\d+$/);
    expect(JSON.parse(readFileSync(run.outputs.report ?? "", "utf8"))).toMatchObject({ schemaVersion: 1 });
    expect(run.summary).toContain("production");
    // The token is masked first thing, and never printed otherwise.
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("::add-mask::ghs_dist_test");
    expect(lines.slice(1).join("\n")).not.toContain("ghs_dist_test");
  });

  it("a second run updates the comment in place", async () => {
    await runAction(DEFAULT_INPUTS, prEvent());
    const run = await runAction({ ...DEFAULT_INPUTS, environments: "production" }, prEvent());
    expect(run.code).toBe(0);
    expect(gh.comments("acme", "netpol", 3)).toHaveLength(1);
    expect(run.stdout).toMatch(/Pull request comment updated/);
  });

  it("on a fork: no API request, the summary says why the engine part is missing", async () => {
    const run = await runAction(DEFAULT_INPUTS, prEvent("mallory/netpol"));
    expect(run.code).toBe(0);
    expect(gh.requests).toEqual([]);
    expect(run.summary).toContain("fork pull request: secrets are not available");
  });

  it("runs the Pulumi part through the bundled Automation API when a CLI and backend are there", async () => {
    const workDir = join(repo, "infra");
    mkdirSync(workDir, { recursive: true });
    writeFileSync(join(workDir, "Pulumi.yaml"), "name: netpol-rollout\nruntime: nodejs\n");
    const run = await runAction(
      { ...DEFAULT_INPUTS, "work-dir": "infra", environments: "production" },
      prEvent(),
      {
        // A stand-in CLI that replays recorded engine events (see test/fakes/pulumi/bin/pulumi).
        PATH: `${join(repoRoot, "test/fakes/pulumi/bin")}${delimiter}${process.env.PATH ?? ""}`,
        FAKE_PULUMI_EVENTS: join(repoRoot, "test/action/fixtures/pulumi/preview-production.events.json"),
        PULUMI_BACKEND_URL: `file://${runner}`,
        PULUMI_CONFIG_PASSPHRASE: "correct horse battery staple",
        PULUMI_HOME: join(runner, ".pulumi"),
      },
    );
    expect(run.stderr).toBe("");
    expect(run.code, run.stdout).toBe(0);
    const body = gh.comments("acme", "netpol", 3)[0]?.body ?? "";
    expect(body).toMatch(/update.*NetworkPolicy.*production\/database/);
    expect(body).toMatch(/replace.*NetworkPolicy.*production\/api/);
    const report = JSON.parse(readFileSync(run.outputs.report ?? "", "utf8")) as {
      report: { environments: { name: string; engine: { status: string } }[] };
    };
    expect(report.report.environments.map((e) => [e.name, e.engine.status])).toEqual([["production", "ok"]]);
    // The passphrase is masked before anything else is logged, and never printed.
    expect(run.stdout).toContain("::add-mask::correct horse battery staple");
    expect(run.stdout.replace("::add-mask::correct horse battery staple", "")).not.toContain("correct horse");
  });

  it("a repository without a Pulumi project previews through the program the Action ships", async () => {
    const npmLog = join(runner, "npm.log");
    const pulumiLog = join(runner, "pulumi.log");
    const run = await runAction(
      {
        ...DEFAULT_INPUTS,
        environments: "staging, production",
        "pulumi-project": "acme-netpol",
        "pulumi-backend-url": `file://${runner}`,
      },
      prEvent(),
      {
        // Stand-ins: npm links this repository's node_modules (the same pinned SDK) instead of
        // downloading it; pulumi replays recorded engine events.
        PATH: [
          join(repoRoot, "test/fakes/npm-bin"),
          join(repoRoot, "test/fakes/pulumi/bin"),
          process.env.PATH,
        ]
          .filter(Boolean)
          .join(delimiter),
        FAKE_NPM_LOG: npmLog,
        FAKE_NPM_NODE_MODULES: join(repoRoot, "node_modules"),
        FAKE_PULUMI_LOG: pulumiLog,
        FAKE_PULUMI_EVENTS: join(repoRoot, "test/action/fixtures/pulumi/preview-production.events.json"),
        PULUMI_CONFIG_PASSPHRASE: "correct horse battery staple",
        PULUMI_HOME: join(runner, ".pulumi"),
      },
    );
    expect(run.code, run.stdout).toBe(0);
    const report = JSON.parse(readFileSync(run.outputs.report ?? "", "utf8")) as {
      report: { environments: { name: string; engine: { status: string } }[] };
    };
    expect(report.report.environments.map((e) => [e.name, e.engine.status])).toEqual([
      ["staging", "ok"],
      ["production", "ok"],
    ]);
    // The SDK is installed once for the job, from the lock file the Action ships.
    const npmCalls = readFileSync(npmLog, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { args: string[]; cwd: string });
    expect(npmCalls.map((c) => c.args[0])).toEqual(["ci"]);
    // The engine ran in the prepared project, named by the input, outside the checkout.
    const pulumiCalls = readFileSync(pulumiLog, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { args: string[]; cwd: string });
    const projectDir = pulumiCalls.find((c) => c.args.includes("preview"))?.cwd ?? "";
    expect(projectDir.startsWith(runner)).toBe(true);
    expect(readFileSync(join(projectDir, "Pulumi.yaml"), "utf8")).toMatch(/^name: acme-netpol$/m);
    expect(readFileSync(join(projectDir, "program.mjs"))).toEqual(
      readFileSync(join(repoRoot, "dist/pulumi/index.js")),
    );
    // The program reads the checkout's intent by its absolute path.
    expect(
      pulumiCalls.some(
        (c) => c.args.includes("netpol-rollout:policiesDir") && c.args.includes(join(repo, "policies")),
      ),
    ).toBe(true);
    expect(run.stdout).toContain("the one netpol-rollout ships, as project acme-netpol");
  });

  it("a work-dir given without a Pulumi.yaml fails the step and says so", async () => {
    const run = await runAction({ ...DEFAULT_INPUTS, "work-dir": "infra/netpol" }, prEvent());
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::work-dir: "infra/netpol" holds no Pulumi.yaml');
    expect(gh.requests).toEqual([]);
  });

  it("a deploy without a cluster to act on fails with a clear message", async () => {
    const run = await runAction(
      { ...DEFAULT_INPUTS, command: "deploy" },
      { before: headSha },
      {
        GITHUB_EVENT_NAME: "push",
      },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "::error::no kubeconfig: give one (Action input kubeconfig, CLI --kubeconfig), set KUBECONFIG, or run inside a cluster",
    );
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });

  it("every bad input is reported in one error, without a stack trace", async () => {
    const run = await runAction(
      { ...DEFAULT_INPUTS, "fail-on": "sometimes", "comment-on-pr": "maybe" },
      prEvent(),
    );
    expect(run.code).toBe(1);
    const errors = run.stdout.split("\n").filter((l) => l.startsWith("::error::"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("fail-on");
    expect(errors[0]).toContain("comment-on-pr");
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });
});
