import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../action/src/cli/run.js";
import { MARKER } from "../../action/src/report/markdown.js";
import { repoRoot } from "./helpers.js";

async function cli(args: string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.test",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.test",
      GIT_CONFIG_NOSYSTEM: "1",
      HOME: cwd,
    },
  });
}

const PRODUCTION = "policies/environments/production.yaml";
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "netpol-preview-"));
  dirs.push(dir);
  return dir;
}

function withPolicies(dir: string): string {
  cpSync(join(repoRoot, "policies"), join(dir, "policies"), { recursive: true });
  return dir;
}

function addFlow(dir: string, flow: string): void {
  const path = join(dir, PRODUCTION);
  writeFileSync(path, readFileSync(path, "utf8").replace(/^flows:\n/m, `flows:\n  - ${flow}\n`));
}

let repo = "";

beforeAll(() => {
  // A repository whose main has the shipped policies, on a branch that adds a flow.
  repo = withPolicies(tempDir());
  git(repo, "init", "-q", "-b", "main");
  git(repo, "add", "policies");
  git(repo, "commit", "-q", "-m", "policies");
  git(repo, "checkout", "-q", "-b", "feature");
  addFlow(repo, "frontend -> database:5432");
  git(repo, "commit", "-q", "-am", "frontend to database");
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("netpol-rollout preview", () => {
  it("compares the branch with its merge base with main and prints the comment markdown", async () => {
    const { code, stdout, stderr } = await cli(["preview"], repo);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.startsWith(`${MARKER}\n`)).toBe(true);
    expect(stdout).toMatch(
      /at base <code>merge base with main<\/code> \(<code>[0-9a-f]{7}<\/code>\) with head <code>working tree<\/code>/,
    );
    expect(stdout).toContain("production/frontend → production/database:5432/TCP");
    expect(stdout).toContain("**1 flow opened, 0 closed** in 1 of 3 environments");
    expect(stdout).toContain("The Pulumi engine part was skipped: the CLI runs without an engine");
  });

  it("works from a subdirectory of the repository, with paths relative to its root", async () => {
    const { code, stdout } = await cli(["preview", "--policies-dir", "."], join(repo, "policies"));
    expect(code).toBe(0);
    expect(stdout).toContain("**1 flow opened, 0 closed** in 1 of 3 environments");
    expect(stdout).toContain("<code>policies/environments/production.yaml:");
  });

  it("compares with an explicit base ref and only the environments asked for", async () => {
    const { code, stdout } = await cli(["preview", "--base", "HEAD", "--env", "production"], repo);
    expect(code).toBe(0);
    expect(stdout).toContain("**No change.**");
    expect(stdout).not.toContain("<code>dev</code>");
  });

  it("--no-base compares with nothing, even inside a repository: every flow is opened", async () => {
    const { code, stdout } = await cli(["preview", "--no-base", "--env", "production"], repo);
    expect(code).toBe(0);
    expect(stdout).toContain("No base to compare with (--no-base was given)");
    expect(stdout).toContain("production/frontend → production/database:5432/TCP");
    expect(stdout).toContain("production/api → production/database:5432/TCP");
  });

  it("outside a git repository everything is added, and it says so", async () => {
    const dir = withPolicies(tempDir());
    const { code, stdout } = await cli(["preview", "--env", "production"], dir);
    expect(code).toBe(0);
    expect(stdout).toContain("No base to compare with (not in a git repository");
    expect(stdout).toContain("production/api → production/database:5432/TCP");
  });

  it("an invalid intent exits 1 and lists the errors with file:line:col, without a stack trace", async () => {
    const dir = withPolicies(tempDir());
    addFlow(dir, "frontend -> databse:5432");
    const { code, stdout, stderr } = await cli(["preview"], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/<code>policies\/environments\/production\.yaml:\d+:\d+<\/code>/);
    expect(stderr).toContain("the intent is invalid");
    expect(stdout + stderr).not.toMatch(/\n\s+at /);
  });

  it("an unknown environment is a usage error with a suggestion", async () => {
    const { code, stderr } = await cli(["preview", "--env", "prod"], repo);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown environment 'prod'");
    expect(stderr).toContain("did you mean 'production'?");
  });

  it("a base ref that does not exist is a usage error", async () => {
    const { code, stderr } = await cli(["preview", "--base", "no-such-branch"], repo);
    expect(code).toBe(2);
    expect(stderr).toContain("no-such-branch");
  });

  it("a missing policies directory is a usage error", async () => {
    const { code, stderr } = await cli(["preview", "--policies-dir", "nowhere"], repo);
    expect(code).toBe(2);
    expect(stderr).toContain("policies directory 'nowhere' not found");
  });

  it("--full prints the job summary's detail", async () => {
    const { code, stdout } = await cli(["preview", "--full"], repo);
    expect(code).toBe(0);
    expect(stdout).not.toContain(MARKER);
    expect(stdout).toContain("```mermaid");
  });

  it("--format text prints terminal text without markdown", async () => {
    const { code, stdout } = await cli(["preview", "--format", "text"], repo);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "  + production/frontend → production/database:5432/TCP  (policies/environments/production.yaml:",
    );
    expect(stdout).not.toContain("<code>");
    expect(stdout).not.toContain(MARKER);
  });

  it("an unknown --format is a usage error", async () => {
    const { code, stderr } = await cli(["preview", "--format", "html"], repo);
    expect(code).toBe(2);
    expect(stderr).toContain("Allowed choices are markdown, text");
  });

  it("--format and its alias --output are one option; two different values are a usage error", async () => {
    const viaOutput = await cli(["preview", "--output", "text"], repo);
    const viaFormat = await cli(["preview", "--format", "text"], repo);
    expect(viaOutput.code).toBe(0);
    expect(viaOutput.stdout).toBe(viaFormat.stdout);
    const both = await cli(["preview", "--output", "text", "--format", "markdown"], repo);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--format markdown and --output text disagree");
  });

  it("every command's --help has examples and exit codes", async () => {
    for (const command of ["validate", "render", "preview", "diff", "lint", "analyze", "workloads"]) {
      const { code, stdout } = await cli([command, "--help"], repo);
      expect(code, command).toBe(0);
      expect(stdout, command).toContain("Examples:");
      expect(stdout, command).toMatch(/Exit codes: 0 /);
    }
  });
});
