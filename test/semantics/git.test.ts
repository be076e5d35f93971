/**
 * The git reader against a real temporary repository, and `netpol-rollout diff` between git
 * refs and directories.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createGitReader } from "../../action/src/adapters/git.js";
import { repoRoot, runCli, tempDir } from "./cli-helpers.js";

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.com",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.com",
    },
  }).trim();
}

describe("createGitReader", () => {
  let repo: string;
  let first: string;
  let second: string;
  beforeAll(() => {
    repo = tempDir();
    git(repo, "init", "-q", "-b", "main");
    mkdirSync(join(repo, "policies/environments"), { recursive: true });
    writeFileSync(join(repo, "policies/environments/a.yaml"), "one\n");
    writeFileSync(join(repo, "policies/odd name ü.yaml"), "two\n");
    writeFileSync(join(repo, "README.md"), "x\n");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "first");
    first = git(repo, "rev-parse", "HEAD");
    git(repo, "checkout", "-q", "-b", "feature");
    writeFileSync(join(repo, "policies/environments/a.yaml"), "changed\n");
    writeFileSync(join(repo, "policies/environments/b.yaml"), "");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "second");
    second = git(repo, "rev-parse", "HEAD");
    // The working tree differs from every commit: the reader must not look at it.
    writeFileSync(join(repo, "policies/environments/a.yaml"), "uncommitted\n");
  });

  it("reads a directory at a ref, with repository-relative paths, without the working tree", async () => {
    const reader = createGitReader(repo, process.env);
    expect(await reader.readTree("main", "policies")).toEqual([
      { path: "policies/environments/a.yaml", text: "one\n" },
      { path: "policies/odd name ü.yaml", text: "two\n" },
    ]);
    expect(await reader.readTree(second, "policies/environments/")).toEqual([
      { path: "policies/environments/a.yaml", text: "changed\n" },
      { path: "policies/environments/b.yaml", text: "" },
    ]);
  });

  it("works from a subdirectory of the repository", async () => {
    const reader = createGitReader(join(repo, "policies"), process.env);
    expect((await reader.readTree("main", "policies")).map((f) => f.path)).toEqual([
      "policies/environments/a.yaml",
      "policies/odd name ü.yaml",
    ]);
  });

  it("names a missing checkout directory, not a missing git", async () => {
    const reader = createGitReader(join(repo, "no-such-checkout"), process.env);
    await expect(reader.resolve("main")).rejects.toThrow(
      /the repository directory .*no-such-checkout does not exist \(set GITHUB_WORKSPACE to the checkout/,
    );
  });

  it("names a missing git, not a missing directory", async () => {
    const reader = createGitReader(repo, { PATH: join(repo, "no-bin") });
    await expect(reader.resolve("main")).rejects.toThrow(
      "cannot run git: it is not installed (git not found on PATH)",
    );
  });

  it("returns [] for a directory that does not exist at the ref", async () => {
    expect(await createGitReader(repo, process.env).readTree("main", "nowhere")).toEqual([]);
  });

  it("resolves refs and merge bases, undefined when there is none", async () => {
    const reader = createGitReader(repo, process.env);
    expect(await reader.resolve("main")).toBe(first);
    expect(await reader.resolve("HEAD")).toBe(second);
    expect(await reader.resolve("no-such-branch")).toBeUndefined();
    expect(await reader.resolve("--output=/tmp/x")).toBeUndefined();
    expect(await reader.mergeBase("main")).toBe(first);
    expect(await reader.mergeBase("no-such-branch")).toBeUndefined();
  });

  it("reports a failure to read a ref as an error", async () => {
    await expect(createGitReader(repo, process.env).readTree("no-such-branch", "policies")).rejects.toThrow(
      /git ls-tree no-such-branch failed/,
    );
  });

  it("says when the directory is not a repository", async () => {
    const reader = createGitReader(tempDir(), process.env);
    expect(await reader.resolve("HEAD")).toBeUndefined();
    expect(await reader.mergeBase("main")).toBeUndefined();
  });
});

describe("netpol-rollout diff", () => {
  let repo: string;
  beforeAll(() => {
    repo = tempDir();
    git(repo, "init", "-q", "-b", "main");
    cpSync(join(repoRoot, "policies"), join(repo, "policies"), { recursive: true });
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "policies");
    git(repo, "checkout", "-q", "-b", "open-db");
    const file = join(repo, "policies/environments/production.yaml");
    writeFileSync(file, `${readFileSync(file, "utf8").trimEnd()}\n  - frontend -> database:5432\n`);
    git(repo, "commit", "-q", "-am", "frontend reads the database");
  });

  it("compares two git refs: the pull request opens frontend -> database:5432", async () => {
    const r = await runCli(["diff", "--env", "production", "--base", "main", "--head", "HEAD"], repo);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("environment production: 1 flow opened, 0 closed");
    expect(r.stdout).toContain(
      "+ production/frontend -> production/database 5432/TCP  [production/frontend-egress egress rule ",
    );
    expect(r.stdout).toMatch(/\(policies\/environments\/production\.yaml:\d+:\d+\)\]/);
  });

  it("compares a ref with a directory (the working tree), as JSON and markdown", async () => {
    const json = await runCli(
      ["diff", "--env", "production", "--base", "main", "--head", "policies", "--output", "json"],
      repo,
    );
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as {
      changes: { change: string; from: string; to: string; port: string }[];
    };
    expect(parsed.changes.map((c) => `${c.change} ${c.from} -> ${c.to}:${c.port}`)).toEqual([
      "added production/frontend -> production/database:5432",
    ]);
    const md = await runCli(
      ["diff", "--env", "production", "--base", "main", "--head", "HEAD", "--output", "markdown"],
      repo,
    );
    // The markdown rendering itself has a golden file (diff.test.ts); here: the CLI prints it.
    expect(md.stdout.split("\n").slice(0, 4)).toEqual([
      "### environment production: 1 flow opened, 0 closed",
      "",
      "| | from | to | port | rule | source | why |",
      "| --- | --- | --- | --- | --- | --- | --- |",
    ]);
    expect(md.stdout).toContain(
      "| ➕ opened | production/frontend | production/database | 5432/TCP | production/frontend-egress egress rule 2 |",
    );
  });

  it("treats an environment missing on one side as all added, and says so", async () => {
    const other = tempDir();
    cpSync(join(repo, "policies"), join(other, "policies"), { recursive: true });
    rmSync(join(other, "policies/environments/production.yaml"));
    const r = await runCli(
      ["diff", "--env", "production", "--base", join(other, "policies"), "--head", "HEAD"],
      repo,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("does not exist in --base");
    expect(r.stdout).toMatch(/^environment production: \d+ flows opened, 0 closed/);
  });

  it("refuses an unknown environment (with a suggestion) and a base that is neither ref nor directory", async () => {
    const unknown = await runCli(["diff", "--env", "prod", "--base", "main", "--head", "HEAD"], repo);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      "unknown environment 'prod'; environments: dev, production, staging (did you mean 'production'?)",
    );
    const bad = await runCli(["diff", "--env", "production", "--base", "nope", "--head", "HEAD"], repo);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--base nope: neither a directory nor a git ref");
  });

  it("reports invalid intent at a ref with file:line:col and exit 1", async () => {
    const broken = tempDir();
    cpSync(join(repo, "policies"), join(broken, "policies"), { recursive: true });
    writeFileSync(
      join(broken, "policies/environments/production.yaml"),
      "promotion: 3\ncni: cilium\nflows:\n  - frontend => api\n",
    );
    const r = await runCli(
      ["diff", "--env", "production", "--base", "main", "--head", join(broken, "policies")],
      repo,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^invalid intent in --head .*:\n.*production\.yaml:4:\d+: /);
  });
});

describe("the git reader holds the working tree's link rule", () => {
  it("follows a link inside the repository in the same commit, refuses one leaving it, never reads it from disk", async () => {
    const repo = tempDir();
    git(repo, "init", "-q", "-b", "main");
    mkdirSync(join(repo, "policies/environments"), { recursive: true });
    mkdirSync(join(repo, "shared"));
    writeFileSync(join(repo, "shared/dev.yaml"), "dev: 1\n");
    writeFileSync(join(repo, "shared/common.yaml"), "common: 1\n");
    execFileSync("ln", ["-s", "../../shared/dev.yaml", join(repo, "policies/environments/dev.yaml")]);
    execFileSync("ln", ["-s", "/etc/passwd", join(repo, "policies/environments/prod.yaml")]);
    execFileSync("ln", ["-s", "../../../outside", join(repo, "policies/environments/escape")]);
    execFileSync("ln", ["-s", "../shared", join(repo, "policies/fragments")]);
    writeFileSync(join(repo, "policies/notes.txt"), "not intent\n");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "links");
    // The working tree changes after the commit: the reader reads the commit's objects only.
    writeFileSync(join(repo, "shared/dev.yaml"), "uncommitted\n");
    const outside = "not read: a link to a place outside the repository (links may only point inside it)";
    expect(await createGitReader(repo, process.env).readTree("HEAD", "policies")).toEqual([
      { path: "policies/environments/dev.yaml", text: "dev: 1\n" },
      { path: "policies/environments/escape", text: "", problem: outside },
      { path: "policies/environments/prod.yaml", text: "", problem: outside },
      { path: "policies/fragments/common.yaml", text: "common: 1\n" },
      { path: "policies/fragments/dev.yaml", text: "dev: 1\n" },
    ]);
  });
});
