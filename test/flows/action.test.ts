/**
 * The Action's `flows` input: files expanded in the workspace by the real glob adapter, the
 * comment's "Real traffic this change would block" posted through Octokit to the GitHub
 * fake; addresses only with flows-detail: full, never on a fork; a bad record fails the job
 * at file:line; a pattern that matches nothing is a warning.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runActionPreview } from "../../action/src/commands/action-preview.js";
import { createGitHubAdapter } from "../../action/src/adapters/github.js";
import { parseSettings, type PreviewSettings } from "../../action/src/settings/index.js";
import { previewDeps } from "../../action/src/wiring/preview-adapters.js";
import type { GitReader } from "../../action/src/ports/index.js";
import { startFakeGitHub, type FakeGitHub } from "../fakes/github-server.js";
import { createFakeActionIo } from "../fakes/action-io.js";

const repoRoot = join(import.meta.dirname, "../..");
const BASE = "b".repeat(40);
const HEAD = "h".repeat(40);

function policies(): { path: string; text: string }[] {
  const dir = join(repoRoot, "policies");
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort()
    .map((f) => ({
      path: relative(repoRoot, join(dir, f)).split(sep).join("/"),
      text: readFileSync(join(dir, f), "utf8"),
    }));
}

/** The branch drops the payment processor's flow, which real traffic uses. */
const head = () =>
  policies().map((f) =>
    f.path === "policies/environments/production.yaml"
      ? { ...f, text: f.text.replace("  - api -> 198.51.100.0/24:443 # payment processor\n", "") }
      : f,
  );

const git: GitReader = {
  resolve: async (ref) => (ref === BASE ? ref : undefined),
  mergeBase: async (ref) => (ref === BASE ? ref : undefined),
  readTree: async (ref, dir) => (ref === BASE ? policies().filter((f) => f.path.startsWith(`${dir}/`)) : []),
};

let gh: FakeGitHub;
let temp: string;
beforeEach(async () => {
  gh = await startFakeGitHub();
  temp = mkdtempSync(join(tmpdir(), "netpol-flows-action-"));
});
afterEach(async () => {
  await gh.close();
  rmSync(temp, { recursive: true, force: true });
});

function settingsFor(inputs: Record<string, string>, fork = false): PreviewSettings {
  const event = {
    number: 12,
    pull_request: {
      number: 12,
      base: { sha: BASE, repo: { full_name: "acme/netpol" } },
      head: { sha: HEAD, repo: { full_name: fork ? "mallory/netpol" : "acme/netpol" } },
    },
  };
  const settings = parseSettings({
    env: {
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: "/event.json",
      GITHUB_REPOSITORY: "acme/netpol",
      GITHUB_API_URL: gh.url,
      GITHUB_RUN_ID: "555",
      GITHUB_WORKSPACE: repoRoot,
      GITHUB_STEP_SUMMARY: join(temp, "summary.md"),
      RUNNER_TEMP: temp,
      "INPUT_GITHUB-TOKEN": "ghs_test",
      INPUT_ENVIRONMENTS: "production",
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    },
    cwd: repoRoot,
    tmpdir: temp,
    readFile: () => JSON.stringify(event),
  });
  if (settings.command !== "preview") throw new Error("expected preview settings");
  return settings;
}

async function run(settings: PreviewSettings) {
  const io = createFakeActionIo();
  const deps = previewDeps(settings, io);
  deps.git = git;
  deps.readHead = async () => head();
  deps.engine = { skipReason: "no Pulumi backend is configured" };
  if (!settings.github.pullRequest?.isFork)
    deps.github = createGitHubAdapter({
      token: "ghs_test",
      apiUrl: gh.url,
      policy: { baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 2_000 },
    });
  const result = await runActionPreview(settings, deps, io).catch((error: unknown) => error);
  return { io, result };
}

describe("the Action's flows input", () => {
  it("adds the real traffic this change would block to the comment, with addresses under flows-detail: full", async () => {
    const { io } = await run(
      settingsFor({ flows: "production: test/flows/fixtures/production-*.jsonl", "flows-detail": "full" }),
    );
    const [comment] = gh.comments("acme", "netpol", 12);
    expect(comment?.body).toContain("Real traffic this change would block: 1 flow, 5 connections");
    expect(comment?.body).toContain("<code>production/api -&gt; 198.51.100.7/32:443</code>");
    expect(io.summary).toContain("Real traffic this change would block");
  });

  it("on a fork, services and counts only, whatever flows-detail says", async () => {
    const { io } = await run(
      settingsFor({ flows: "test/flows/fixtures/production-flows.jsonl", "flows-detail": "full" }, true),
    );
    expect(gh.requests).toEqual([]);
    expect(io.summary).toContain("Real traffic this change would block");
    expect(io.summary).toContain("an outside address");
    expect(io.summary).not.toMatch(/198\.51\.100\.7|10\.0\.1\.5|frontend-7d9f8/);
  });

  it("a pattern that matches nothing is a warning; a bad record fails the job at file:line", async () => {
    const missing = await run(settingsFor({ flows: "flows/none-*.jsonl" }));
    expect(missing.io.warnings.join("\n")).toContain("flows: no file matches flows/none-*.jsonl");
    expect(missing.result).not.toBeInstanceOf(Error);
    const bad = await run(settingsFor({ flows: "test/flows/fixtures/README.md" }));
    expect(bad.result).toBeInstanceOf(Error);
    expect((bad.result as Error).message).toMatch(/^test\/flows\/fixtures\/README\.md:1: not JSON/);
    expect(bad.io.summary).toContain("The preview could not run: test/flows/fixtures/README.md:1: not JSON");
  });
});
