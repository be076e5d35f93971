import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  BaseNotFetchedError,
  FORK_SKIP_REASON,
  HeadNotFetchedError,
  PreviewFailedError,
  TARGET_SKIP_REASON,
  runActionPreview,
} from "../../action/src/commands/action-preview.js";
import type { ActionPreviewDeps } from "../../action/src/commands/action-preview.js";
import type { GitReader, PreviewEngine } from "../../action/src/ports/index.js";
import type { EnginePreview } from "../../action/src/rollout/engine.js";
import { createGitHubAdapter } from "../../action/src/adapters/github.js";
import { writeTextFile } from "../../action/src/adapters/files/write.js";
import { parseSettings } from "../../action/src/settings/index.js";
import { previewDeps } from "../../action/src/wiring/preview-adapters.js";
import type { PreviewSettings } from "../../action/src/settings/index.js";
import { MARKER } from "../../action/src/report/index.js";
import { startFakeGitHub } from "../fakes/github-server.js";
import type { FakeGitHub } from "../fakes/github-server.js";
import { createFakeActionIo } from "../fakes/action-io.js";

const repoRoot = join(import.meta.dirname, "../..");
const BASE_SHA = "b".repeat(40);
const HEAD_SHA = "h".repeat(40);
const ADDED_FLOW = "  - frontend -> database:5432 # reporting shortcut\n";

/** The shipped policies/ as {path, text}, repository-relative. */
function shippedPolicies(): { path: string; text: string }[] {
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

function withAddedFlow(files: { path: string; text: string }[]): { path: string; text: string }[] {
  return files.map((f) =>
    f.path === "policies/environments/production.yaml"
      ? { ...f, text: `${f.text.trimEnd()}\n${ADDED_FLOW}` }
      : f,
  );
}

/** A git repository in memory: one commit per ref. */
function memoryGit(commits: Record<string, { path: string; text: string }[]>): GitReader {
  return {
    resolve: async (ref) => (ref in commits ? ref : undefined),
    mergeBase: async (ref) => (ref in commits ? ref : undefined),
    readTree: async (ref, dir) => (commits[ref] ?? []).filter((f) => f.path.startsWith(`${dir}/`)),
  };
}

const PR_EVENT = {
  number: 12,
  pull_request: {
    number: 12,
    base: { sha: BASE_SHA, repo: { full_name: "acme/netpol" } },
    head: { sha: HEAD_SHA, repo: { full_name: "acme/netpol" } },
  },
};

let gh: FakeGitHub;
let temp: string;
beforeEach(async () => {
  gh = await startFakeGitHub();
  temp = mkdtempSync(join(tmpdir(), "netpol-action-"));
});
afterEach(async () => {
  await gh.close();
  rmSync(temp, { recursive: true, force: true });
});

function settingsFor(
  event: unknown,
  inputs: Record<string, string> = {},
  extraEnv: Record<string, string> = {},
): PreviewSettings {
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
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      ...extraEnv,
    },
    cwd: repoRoot,
    tmpdir: temp,
    readFile: () => JSON.stringify(event),
  });
  if (settings.command !== "preview") throw new Error(`expected preview settings, got ${settings.command}`);
  return settings;
}

function depsFor(
  settings: PreviewSettings,
  head: { path: string; text: string }[],
  engine: ActionPreviewDeps["engine"] = { skipReason: "no Pulumi backend is configured" },
): ActionPreviewDeps {
  const deps: ActionPreviewDeps = {
    git: memoryGit({ [BASE_SHA]: shippedPolicies() }),
    readHead: async () => head,
    engine,
    writeReport: writeTextFile,
    now: Date.now,
  };
  if (settings.github.pullRequest && !settings.github.pullRequest.isFork) {
    deps.github = createGitHubAdapter({
      token: settings.githubToken,
      apiUrl: settings.github.apiUrl,
      policy: FAST,
    });
  }
  return deps;
}

const comments = () => gh.comments("acme", "netpol", 12);
/** Retries in milliseconds; the adapter's own tests cover the real time bounds. */
const FAST = { baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 2_000 };

describe("the Action's preview on a pull request", () => {
  it("writes the summary, the sticky comment, the outputs and the JSON report", async () => {
    const settings = settingsFor(PR_EVENT);
    const io = createFakeActionIo();
    const result = await runActionPreview(settings, depsFor(settings, withAddedFlow(shippedPolicies())), io);

    expect(io.summary).toContain("production");
    expect(io.summary).toMatch(/frontend.*database/s);
    const [comment] = comments();
    expect(comments()).toHaveLength(1);
    expect(comment?.body.startsWith(MARKER)).toBe(true);
    expect(comment?.body).toMatch(/production\/frontend.*production\/database/s);
    expect(comment?.body).toContain("no Pulumi backend is configured");
    expect(result.comment?.action).toBe("created");

    expect(io.outputs.changed).toBe("true");
    expect(Number(io.outputs["flows-added"])).toBeGreaterThanOrEqual(1);
    expect(io.outputs["flows-removed"]).toBe("0");
    expect(io.outputs.report).toBe(join(temp, "netpol-rollout", "preview-report.json"));
    const json = JSON.parse(readFileSync(io.outputs.report ?? "", "utf8")) as {
      schemaVersion: number;
      outputs: { flowsAdded: number };
      report: { baseSha: string; environments: { name: string }[] };
    };
    expect(json.schemaVersion).toBe(1);
    expect(json.outputs.flowsAdded).toBe(Number(io.outputs["flows-added"]));
    expect(json.report.baseSha).toBe(BASE_SHA);
    // One flow reads as one flow.
    expect(io.outputs["flows-added"]).toBe("1");
    expect(io.infos).toContain("Preview: 1 flow opened, 0 closed.");
  });

  it("updates the same comment on the next push instead of adding one", async () => {
    const settings = settingsFor(PR_EVENT);
    await runActionPreview(
      settings,
      depsFor(settings, withAddedFlow(shippedPolicies())),
      createFakeActionIo(),
    );
    const first = comments()[0];
    const firstBody = first?.body;
    const again = await runActionPreview(
      settings,
      depsFor(settings, shippedPolicies()),
      createFakeActionIo(),
    );
    expect(again.comment).toMatchObject({ action: "updated", id: first?.id });
    expect(comments()).toHaveLength(1);
    expect(comments()[0]?.body).not.toBe(firstBody);
    expect(again.outputs.changed).toBe(false);
  });

  it("does not re-post an unchanged report", async () => {
    const settings = settingsFor(PR_EVENT);
    const head = withAddedFlow(shippedPolicies());
    await runActionPreview(settings, depsFor(settings, head), createFakeActionIo());
    const writes = () => gh.requests.filter((r) => r.method !== "GET").length;
    expect(writes()).toBe(1);
    const again = await runActionPreview(settings, depsFor(settings, head), createFakeActionIo());
    expect(again.comment?.action).toBe("unchanged");
    expect(writes()).toBe(1);
  });

  it("on a fork: no request to GitHub, engine skipped with the reason, summary written", async () => {
    const fork = structuredClone(PR_EVENT);
    fork.pull_request.head.repo.full_name = "mallory/netpol";
    const settings = settingsFor(fork);
    const io = createFakeActionIo();
    // The Action's own choice of adapters: no engine (no secrets on a fork), no GitHub client.
    const deps = previewDeps(settings, io);
    expect(deps.engine).toEqual({ skipReason: FORK_SKIP_REASON });
    expect(deps.github).toBeUndefined();
    deps.git = memoryGit({ [BASE_SHA]: shippedPolicies() });
    deps.readHead = async () => withAddedFlow(shippedPolicies());
    // Even with a client at hand, a fork pull request is not commented on.
    deps.github = createGitHubAdapter({ token: "ghs_test", apiUrl: gh.url });
    const result = await runActionPreview(settings, deps, io);
    expect(gh.requests).toEqual([]);
    expect(result.report.environments.map((e) => e.engine)).toContainEqual({
      status: "skipped",
      reason: FORK_SKIP_REASON,
    });
    expect(io.summary).toContain(FORK_SKIP_REASON);
    expect(io.infos.join("\n")).toContain("fork pull request");
    expect(result.outputs.flowsAdded).toBeGreaterThanOrEqual(1);
  });

  it("pulumi-engine off, or no backend, skips the engine part with the reason", () => {
    const off = settingsFor(PR_EVENT, { "pulumi-engine": "off" });
    expect(previewDeps(off, createFakeActionIo()).engine).toEqual({
      skipReason: "the engine part is turned off (pulumi-engine: off)",
    });
    // This repository's pulumi/ is its own project; this process has no pulumi CLI on PATH.
    const auto = settingsFor(PR_EVENT, { "pulumi-engine": "auto" });
    expect(previewDeps(auto, createFakeActionIo()).engine).toEqual({
      skipReason: "the pulumi CLI is not installed (not found on PATH)",
    });
  });

  it("a work-dir given without a Pulumi.yaml is an error, not a fallback to the shipped program", () => {
    const missing = settingsFor(PR_EVENT, { "work-dir": "test/action/fixtures/no-such-project" });
    expect(() => previewDeps(missing, createFakeActionIo())).toThrow(
      'work-dir: "test/action/fixtures/no-such-project" holds no Pulumi.yaml',
    );
  });

  it("403 on create: a warning, the summary still written, the job passes", async () => {
    gh.fail({ method: "POST", status: 403, message: "Resource not accessible by integration" });
    const settings = settingsFor(PR_EVENT);
    const io = createFakeActionIo();
    const result = await runActionPreview(settings, depsFor(settings, withAddedFlow(shippedPolicies())), io);
    expect(result.failures).toEqual([]);
    expect(comments()).toHaveLength(0);
    expect(io.summary).toContain("production");
    expect(io.warnings).toHaveLength(1);
    expect(io.warnings[0]).toContain("Could not comment on pull request #12");
    expect(io.warnings[0]).toContain("the report is in the job summary");
  });

  it("a server error while commenting fails the step after the summary is written", async () => {
    gh.fail({ method: "POST", status: 500, message: "boom" });
    const settings = settingsFor(PR_EVENT);
    const io = createFakeActionIo();
    await expect(
      runActionPreview(settings, depsFor(settings, withAddedFlow(shippedPolicies())), io),
    ).rejects.toThrow("cannot create the pull request comment: HTTP 500 (boom)");
    expect(io.summary).not.toBe("");
  });

  it("shows the engine's operations when an engine runs", async () => {
    const settings = settingsFor(PR_EVENT);
    const seen: string[] = [];
    const engine: PreviewEngine = {
      preview: async (environment): Promise<EnginePreview> => {
        seen.push(environment);
        return {
          status: "ok",
          stack: environment,
          operations: [
            { op: "update", kind: "NetworkPolicy", name: "production/database", changedKeys: ["spec"] },
          ],
        };
      },
    };
    const io = createFakeActionIo();
    await runActionPreview(settings, depsFor(settings, withAddedFlow(shippedPolicies()), { engine }), io);
    expect(seen).toEqual(["dev", "staging", "production"]);
    expect(comments()[0]?.body).toMatch(/update.*NetworkPolicy.*production\/database/);
  });
});

describe("pass or fail", () => {
  it("an invalid head intent fails the job, with annotations and outputs", async () => {
    const settings = settingsFor(PR_EVENT);
    const head = shippedPolicies().map((f) =>
      f.path === "policies/environments/production.yaml"
        ? { ...f, text: `${f.text.trimEnd()}\n  - frontend -> databse:5432\n` }
        : f,
    );
    const io = createFakeActionIo();
    const error = await runActionPreview(settings, depsFor(settings, head), io).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreviewFailedError);
    expect((error as Error).message).toMatch(/^the intent is invalid: \d+ errors?/);
    const annotation = io.annotations.find((a) => a.level === "error");
    expect(annotation?.file).toBe("policies/environments/production.yaml");
    expect(annotation?.title).toBe("Invalid intent");
    expect(io.outputs.changed).toBe("false");
    expect(io.summary).not.toBe("");
  });

  it("fail-on never passes whatever lint finds; an engine failure fails under fail-on error", async () => {
    const failing: PreviewEngine = {
      preview: async (env) => ({
        status: "failed",
        stack: env,
        error: `stack ${env} is locked by another update`,
      }),
    };
    const never = settingsFor(PR_EVENT, { "fail-on": "never" });
    await expect(
      runActionPreview(never, depsFor(never, shippedPolicies(), { engine: failing }), createFakeActionIo()),
    ).resolves.toMatchObject({ failures: [] });

    const strict = settingsFor(PR_EVENT);
    const error = await runActionPreview(
      strict,
      depsFor(strict, shippedPolicies(), { engine: failing }),
      createFakeActionIo(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreviewFailedError);
    expect((error as PreviewFailedError).reasons).toContain(
      "the Pulumi preview of production failed: stack production is locked by another update",
    );
  });

  it("a base commit missing from a shallow checkout says how to fix it", async () => {
    const settings = settingsFor(PR_EVENT, { "base-ref": "c".repeat(40) });
    const io = createFakeActionIo();
    const error = await runActionPreview(settings, depsFor(settings, shippedPolicies()), io).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BaseNotFetchedError);
    expect((error as Error).message).toContain("fetch-depth: 0");
    // The job summary says so too: a reader of the run need not open the log.
    expect(io.summary).toContain("The preview could not run:");
    expect(io.summary).toContain("fetch-depth: 0");
  });
});

describe("hostile pull requests and failing services", () => {
  it("a marker comment by another user is left alone and does not stop ours", async () => {
    gh.seed("acme", "netpol", 12, [`${MARKER}\nAll clear, merge away!`], "mallory");
    const settings = settingsFor(PR_EVENT);
    const result = await runActionPreview(
      settings,
      depsFor(settings, withAddedFlow(shippedPolicies())),
      createFakeActionIo(),
    );
    expect(result.comment?.action).toBe("created");
    expect(comments().map((c) => c.user.login)).toEqual(["mallory", "github-actions[bot]"]);
    expect(comments()[0]?.body).toBe(`${MARKER}\nAll clear, merge away!`);
  });

  it("secrets quoted in an engine error are scrubbed from the comment, summary, report file and log", async () => {
    const token = "ghs_16C7e42F292c6912E7710c838347Ae178B4a";
    const passphrase = "correct horse battery staple";
    const awsKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    const settings = settingsFor(
      PR_EVENT,
      { "github-token": token },
      { PULUMI_CONFIG_PASSPHRASE: passphrase, AWS_SECRET_ACCESS_KEY: awsKey },
    );
    const leaky: PreviewEngine = {
      preview: async (env) => ({
        status: "failed",
        stack: env,
        error:
          `cannot decrypt with passphrase "${passphrase}" (token ${token}); ` +
          `s3 signature for ${awsKey}; kubeconfig client-key-data: ${Buffer.from(`key:${passphrase}`).toString("base64")}`,
      }),
    };
    const io = createFakeActionIo();
    const error = await runActionPreview(
      settings,
      depsFor(settings, shippedPolicies(), { engine: leaky }),
      io,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreviewFailedError);
    const written = [
      comments()[0]?.body ?? "",
      io.summary,
      readFileSync(io.outputs.report ?? "", "utf8"),
      ...io.warnings,
      (error as Error).message,
    ];
    expect(written[0]).toContain("***");
    const forms = [
      token,
      passphrase,
      awsKey,
      "ghs&#95;16C7e42F",
      Buffer.from(passphrase).toString("base64").slice(4, 20),
    ];
    for (const text of written) for (const form of forms) expect(text).not.toContain(form);
  });

  it("GitHub failing after its retries: outputs, annotations and the report file are there, the failure in plain words", async () => {
    gh.fail({ method: "GET", path: /\/comments$/, status: 502, message: "Bad Gateway" });
    const settings = settingsFor(PR_EVENT);
    const io = createFakeActionIo();
    const error = await runActionPreview(
      settings,
      depsFor(settings, withAddedFlow(shippedPolicies())),
      io,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreviewFailedError);
    expect((error as PreviewFailedError).reasons).toEqual([
      `the pull request comment could not be posted: cannot list the pull request's comments: HTTP 502 (Bad Gateway): GitHub failed to answer. The report is in the job summary and in ${join(temp, "netpol-rollout", "preview-report.json")}; re-run the job to post it.`,
    ]);
    expect(io.outputs).toMatchObject({ changed: "true", "flows-added": "1", "flows-removed": "0" });
    expect(JSON.parse(readFileSync(io.outputs.report ?? "", "utf8"))).toMatchObject({ schemaVersion: 1 });
    expect(gh.requests.filter((r) => r.path.endsWith("/comments"))).toHaveLength(4);
  });
});

describe("pull_request_target", () => {
  const gitIn = (cwd: string, ...args: string[]) =>
    execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: "t",
        GIT_AUTHOR_EMAIL: "t@e",
        GIT_COMMITTER_NAME: "t",
        GIT_COMMITTER_EMAIL: "t@e",
      },
    }).trim();

  /** A repository checked out at the base, as actions/checkout does under pull_request_target. */
  function targetCheckout(): { repo: string; base: string; head: string } {
    const repo = join(temp, "checkout");
    mkdirSync(repo);
    gitIn(repo, "init", "-q", "-b", "main");
    for (const f of shippedPolicies()) {
      mkdirSync(join(repo, f.path, ".."), { recursive: true });
      writeFileSync(join(repo, f.path), f.text);
    }
    gitIn(repo, "add", ".");
    gitIn(repo, "commit", "-q", "-m", "base");
    const base = gitIn(repo, "rev-parse", "HEAD");
    for (const f of withAddedFlow(shippedPolicies())) writeFileSync(join(repo, f.path), f.text);
    gitIn(repo, "commit", "-q", "-am", "head from a fork");
    const head = gitIn(repo, "rev-parse", "HEAD");
    gitIn(repo, "checkout", "-q", base);
    return { repo, base, head };
  }

  const targetEvent = (base: string, head: string) => ({
    pull_request: {
      number: 12,
      base: { sha: base, repo: { full_name: "acme/netpol" } },
      head: { sha: head, repo: { full_name: "mallory/netpol" } },
    },
  });

  it("previews the head read as git objects (not the base checkout), never runs the engine, and comments", async () => {
    const { repo, base, head } = targetCheckout();
    const settings = settingsFor(
      targetEvent(base, head),
      {},
      { GITHUB_EVENT_NAME: "pull_request_target", GITHUB_WORKSPACE: repo },
    );
    const io = createFakeActionIo();
    const deps = previewDeps(settings, io);
    expect(deps.engine).toEqual({ skipReason: TARGET_SKIP_REASON });
    const result = await runActionPreview(settings, deps, io);
    expect(result.outputs).toMatchObject({ changed: true, flowsAdded: 1 });
    expect(result.comment?.action).toBe("created");
    // The working tree is still the base: nothing was checked out.
    expect(gitIn(repo, "rev-parse", "HEAD")).toBe(base);
  });

  it("refuses clearly when the head commit is not in the checkout", async () => {
    const { repo, base } = targetCheckout();
    const missing = "f".repeat(40);
    const settings = settingsFor(
      targetEvent(base, missing),
      {},
      {
        GITHUB_EVENT_NAME: "pull_request_target",
        GITHUB_WORKSPACE: repo,
      },
    );
    const io = createFakeActionIo();
    const error = await runActionPreview(settings, previewDeps(settings, io), io).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HeadNotFetchedError);
    expect((error as Error).message).toContain(
      `the head commit ${missing} of pull request #12 is not in the checkout`,
    );
    expect((error as Error).message).toContain(
      "git fetch --no-tags origin +refs/pull/12/head:refs/remotes/pull/12/head",
    );
    expect(comments()).toHaveLength(0);
  });
});
