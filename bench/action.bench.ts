/**
 * The Action's start-up: from spawning `node dist/index.js` (as the runner does) to its
 * first line on stdout. Every pull request pays it. Goal: under 300 ms.
 *
 * Also the whole preview of the shipped example on a pull request (no GitHub API: the
 * comment is turned off), for scale.
 */
import { execFileSync, spawn } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Spawns the bundle; resolves with the time to the first stdout line and to exit. */
function timeRun(
  cwd: string,
  env: Record<string, string>,
  args = [join(repoRoot, "dist/index.js")],
): Promise<{ firstLine: number; total: number; code: number | null }> {
  return new Promise((resolve) => {
    const start = performance.now();
    let firstLine = Number.NaN;
    const child = spawn(process.execPath, args, { cwd, env });
    child.stdout.on("data", (d: Buffer) => {
      if (Number.isNaN(firstLine) && d.includes(10)) firstLine = performance.now() - start;
    });
    child.stderr.resume();
    child.on("close", (code) => resolve({ firstLine, total: performance.now() - start, code }));
  });
}

export async function main(): Promise<void> {
  const repo = mkdtempSync(join(tmpdir(), "netpol-bench-"));
  try {
    cpSync(join(repoRoot, "policies"), join(repo, "policies"), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync("git", args, {
        cwd: repo,
        encoding: "utf8",
        env: {
          PATH: process.env.PATH ?? "",
          HOME: repo,
          GIT_AUTHOR_NAME: "b",
          GIT_AUTHOR_EMAIL: "b@x",
          GIT_COMMITTER_NAME: "b",
          GIT_COMMITTER_EMAIL: "b@x",
        },
      }).trim();
    git("init", "-q", "-b", "main");
    git("add", "policies");
    git("commit", "-q", "-m", "base");
    const base = git("rev-parse", "HEAD");
    appendFileSync(join(repo, "policies/environments/production.yaml"), "  - frontend -> database:5432\n");
    git("commit", "-q", "-am", "head");
    const eventPath = join(repo, "..", `${repo.split("/").pop() ?? "x"}-event.json`);
    writeFileSync(
      eventPath,
      JSON.stringify({
        pull_request: {
          number: 1,
          base: { sha: base, repo: { full_name: "a/b" } },
          head: { sha: git("rev-parse", "HEAD"), repo: { full_name: "a/b" } },
        },
      }),
    );
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: repo,
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: "a/b",
      GITHUB_WORKSPACE: repo,
      RUNNER_TEMP: repo,
      INPUT_COMMAND: "preview",
      "INPUT_COMMENT-ON-PR": "false",
      "INPUT_PULUMI-ENGINE": "off",
    };
    await timeRun(repo, env); // warm the file system cache
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await timeRun(repo, env));
    if (runs.some((r) => r.code !== 0))
      console.log(`warning: a run exited with ${runs.map((r) => r.code).join(",")}`);
    // The floor: a Node process that prints one line and exits, on this machine now.
    const bare = [];
    for (let i = 0; i < RUNS; i++) bare.push(await timeRun(repo, env, ["-e", "console.log(1)"]));
    const first = median(runs.map((r) => r.firstLine));
    console.log(
      `bare node start-up to first line: ${median(bare.map((r) => r.firstLine)).toFixed(0)} ms (median of ${RUNS}; the floor)`,
    );
    console.log(`start-up to first log line: ${first.toFixed(0)} ms (median of ${RUNS}; goal < 300 ms)`);
    console.log(
      `whole preview of the shipped example: ${median(runs.map((r) => r.total)).toFixed(0)} ms (median of ${RUNS})`,
    );
    rmSync(eventPath, { force: true });
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}
