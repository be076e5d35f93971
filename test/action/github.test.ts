import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGitHubAdapter } from "../../action/src/adapters/github.js";
import type { GitHubAdapterOptions } from "../../action/src/adapters/github.js";
import { GitHubApiError, GitHubPermissionError, GitHubRateLimitError } from "../../action/src/ports/index.js";
import { startFakeGitHub } from "../fakes/github-server.js";
import type { FakeGitHub } from "../fakes/github-server.js";

const MARKER = "<!-- netpol-rollout:preview -->";
const PR = { owner: "acme", repo: "netpol", number: 7 };

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await startFakeGitHub();
});
afterEach(async () => {
  await gh.close();
});

const BOT = "github-actions[bot]";
/** Short waits so retries run in milliseconds; the time bounds are tested on their own. */
const FAST = { baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 2_000, maxRetryAfterMs: 1_500 };
const adapter = (options: Partial<GitHubAdapterOptions> = {}) =>
  createGitHubAdapter({ token: "ghs_test", apiUrl: gh.url, policy: FAST, ...options });

describe("upsertStickyComment", () => {
  it("creates the comment on the first run", async () => {
    const result = await adapter().upsertStickyComment(PR, MARKER, `${MARKER}\nfirst`);
    expect(result.action).toBe("created");
    const comments = gh.comments("acme", "netpol", 7);
    expect(comments.map((c) => c.body)).toEqual([`${MARKER}\nfirst`]);
    expect(result.url).toBe(comments[0]?.html_url);
    expect(gh.requests.every((r) => r.authorization === "token ghs_test")).toBe(true);
  });

  it("updates the same comment on a second run instead of adding one", async () => {
    gh.seed("acme", "netpol", 7, ["LGTM"]);
    const first = await adapter().upsertStickyComment(PR, MARKER, `${MARKER}\nfirst`);
    gh.seed("acme", "netpol", 7, ["another remark"]);
    const second = await adapter().upsertStickyComment(PR, MARKER, `${MARKER}\nsecond`);
    expect(second).toMatchObject({ action: "updated", id: first.id });
    const bodies = gh.comments("acme", "netpol", 7).map((c) => c.body);
    expect(bodies).toEqual(["LGTM", `${MARKER}\nsecond`, "another remark"]);
  });

  it("finds the marker on page 3 of 250 comments", async () => {
    const bodies = Array.from({ length: 250 }, (_, i) => `comment ${i}`);
    gh.seed("acme", "netpol", 7, bodies.slice(0, 230));
    gh.seed("acme", "netpol", 7, [`${MARKER}\nold report`], BOT);
    gh.seed("acme", "netpol", 7, bodies.slice(231));
    const result = await adapter().upsertStickyComment(PR, MARKER, `${MARKER}\nnew report`);
    expect(result.action).toBe("updated");
    const comments = gh.comments("acme", "netpol", 7);
    expect(comments).toHaveLength(250);
    expect(comments[230]?.body).toBe(`${MARKER}\nnew report`);
    const pages = gh.requests
      .filter((r) => r.method === "GET" && r.path !== "/user")
      .map((r) => [r.query.per_page, r.query.page ?? "1"]);
    expect(pages).toEqual([
      ["100", "1"],
      ["100", "2"],
      ["100", "3"],
    ]);
  });

  it("reads every page, so a duplicate of ours on a later page is found and removed", async () => {
    gh.seed("acme", "netpol", 7, [`${MARKER}\nx`], BOT);
    gh.seed(
      "acme",
      "netpol",
      7,
      Array.from({ length: 150 }, (_, i) => `c${i}`),
    );
    gh.seed("acme", "netpol", 7, [`${MARKER}\nduplicate`], BOT);
    const result = await adapter().upsertStickyComment(PR, MARKER, `${MARKER}\ny`);
    expect(result).toMatchObject({ action: "updated", removed: 1 });
    const ours = gh.comments("acme", "netpol", 7).filter((c) => c.body.startsWith(MARKER));
    expect(ours.map((c) => c.body)).toEqual([`${MARKER}\ny`]);
  });

  it("does not re-post a comment whose content is unchanged", async () => {
    await adapter().upsertStickyComment(PR, MARKER, `${MARKER}\nsame`);
    const before = gh.comments("acme", "netpol", 7)[0]?.updated_at;
    const result = await adapter().upsertStickyComment(PR, MARKER, `${MARKER}\nsame`);
    expect(result.action).toBe("unchanged");
    expect(gh.requests.filter((r) => r.method === "PATCH" || r.method === "POST")).toHaveLength(1);
    expect(gh.comments("acme", "netpol", 7)[0]?.updated_at).toBe(before);
  });

  it("ignores comments that mention the marker later in the body", async () => {
    gh.seed("acme", "netpol", 7, [`quoting the bot:\n${MARKER}`]);
    const result = await adapter().upsertStickyComment(PR, MARKER, `${MARKER}\nreport`);
    expect(result.action).toBe("created");
    expect(gh.comments("acme", "netpol", 7)).toHaveLength(2);
  });

  it("works under a GitHub Enterprise Server base path", async () => {
    const ghes = await startFakeGitHub({ basePath: "/api/v3" });
    try {
      const result = await createGitHubAdapter({
        token: "t",
        apiUrl: ghes.url,
        policy: FAST,
      }).upsertStickyComment(PR, MARKER, `${MARKER}\nghes`);
      expect(result.action).toBe("created");
      expect(ghes.comments("acme", "netpol", 7)).toHaveLength(1);
    } finally {
      await ghes.close();
    }
  });
});

describe("errors are typed", () => {
  it("403 on create is a permission error", async () => {
    gh.fail({ method: "POST", status: 403, message: "Resource not accessible by integration" });
    const error = await adapter()
      .upsertStickyComment(PR, MARKER, `${MARKER}\nx`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubPermissionError);
    expect((error as Error).message).toBe(
      "cannot create the pull request comment: HTTP 403 (Resource not accessible by integration)",
    );
    expect(gh.comments("acme", "netpol", 7)).toHaveLength(0);
  });

  it("403 with no remaining quota is a rate limit error with the reset time", async () => {
    gh.fail({
      method: "GET",
      status: 403,
      message: "API rate limit exceeded for installation ID 1.",
      headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1714564800" },
    });
    const error = await adapter()
      .upsertStickyComment(PR, MARKER, `${MARKER}\nx`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubRateLimitError);
    expect((error as GitHubRateLimitError).resetAt?.toISOString()).toBe("2024-05-01T12:00:00.000Z");
  });

  it("429 is a rate limit error", async () => {
    gh.fail({
      status: 429,
      message: "You have exceeded a secondary rate limit",
      headers: { "retry-after": "60" },
    });
    const error = await adapter()
      .upsertStickyComment(PR, MARKER, `${MARKER}\nx`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubRateLimitError);
  });

  it("a server error is a plain API error with its status", async () => {
    gh.fail({ method: "PATCH", status: 502, message: "Bad Gateway" });
    gh.seed("acme", "netpol", 7, [`${MARKER}\nold`], BOT);
    const error = await adapter()
      .upsertStickyComment(PR, MARKER, `${MARKER}\nnew`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).not.toBeInstanceOf(GitHubPermissionError);
    expect((error as GitHubApiError).status).toBe(502);
    expect(gh.comments("acme", "netpol", 7)[0]?.body).toBe(`${MARKER}\nold`);
  });
});

describe("only our own comment is the sticky comment", () => {
  it("a comment by another user carrying the marker is never edited: ours is posted beside it", async () => {
    gh.seed("acme", "netpol", 7, [`${MARKER}\nfake report by mallory`], "mallory");
    const result = await adapter().upsertStickyComment(PR, MARKER, `${MARKER}\nreal report`);
    expect(result.action).toBe("created");
    const comments = gh.comments("acme", "netpol", 7);
    expect(comments.map((c) => [c.user.login, c.body])).toEqual([
      ["mallory", `${MARKER}\nfake report by mallory`],
      [BOT, `${MARKER}\nreal report`],
    ]);
    expect(gh.requests.filter((r) => r.method === "PATCH" || r.method === "DELETE")).toEqual([]);
  });

  it("GET /user answers 403 to the workflow token, so ours is github-actions[bot]", async () => {
    await expect(adapter().identity()).resolves.toBe(BOT);
    expect(gh.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /user"]);
  });

  it("with a personal token the /user login is ours, and the Actions bot's comment is not", async () => {
    const pat = await startFakeGitHub({ userLogin: "octocat", login: "octocat" });
    try {
      pat.seed("acme", "netpol", 7, [`${MARKER}\nby the bot`], BOT);
      const result = await createGitHubAdapter({
        token: "ghp_x",
        apiUrl: pat.url,
        policy: FAST,
      }).upsertStickyComment(PR, MARKER, `${MARKER}\nby octocat`);
      expect(result.action).toBe("created");
      expect(pat.comments("acme", "netpol", 7).map((c) => c.body)).toEqual([
        `${MARKER}\nby the bot`,
        `${MARKER}\nby octocat`,
      ]);
    } finally {
      await pat.close();
    }
  });

  it("comment-author names ours (an App's bot) without asking /user", async () => {
    const app = await startFakeGitHub({ login: "netpol-app[bot]" });
    try {
      app.seed("acme", "netpol", 7, [`${MARKER}\nold`], "netpol-app[bot]");
      const result = await createGitHubAdapter({
        token: "ghs_app",
        apiUrl: app.url,
        commentAuthor: "netpol-app[bot]",
        policy: FAST,
      }).upsertStickyComment(PR, MARKER, `${MARKER}\nnew`);
      expect(result.action).toBe("updated");
      expect(app.requests.some((r) => r.path === "/user")).toBe(false);
    } finally {
      await app.close();
    }
  });
});

describe("two runs at once", () => {
  it("two runs that both find no comment converge to one sticky comment, and the next run updates it", async () => {
    // Both runs list the comments before either posts: each creates one.
    gh.hold({ method: "GET", path: /\/comments$/, count: 2 });
    const [a, b] = await Promise.all([
      adapter().upsertStickyComment(PR, MARKER, `${MARKER}\nrun A`),
      adapter().upsertStickyComment(PR, MARKER, `${MARKER}\nrun B`),
    ]);
    expect(gh.requests.filter((r) => r.method === "POST")).toHaveLength(2);
    const ours = () => gh.comments("acme", "netpol", 7).filter((c) => c.body.startsWith(MARKER));
    expect(ours()).toHaveLength(1);
    expect([a.id, b.id]).toContain(ours()[0]?.id);
    await adapter().upsertStickyComment(PR, MARKER, `${MARKER}\nrun C`);
    expect(ours().map((c) => c.body)).toEqual([`${MARKER}\nrun C`]);
  });
});

describe("failures of the API are bounded and retried", () => {
  const listing = /\/issues\/7\/comments$/;

  it("a 502 while listing is retried and the comment is posted", async () => {
    gh.fail({ method: "GET", path: listing, status: 502, message: "Bad Gateway", times: 2 });
    const result = await adapter().upsertStickyComment(PR, MARKER, `${MARKER}\nx`);
    expect(result.action).toBe("created");
    expect(
      gh.requests.filter((r) => r.method === "GET" && listing.test(r.path)).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it("a reset connection is retried", async () => {
    gh.fail({ method: "GET", path: listing, kind: "reset", times: 1 });
    await expect(adapter().upsertStickyComment(PR, MARKER, `${MARKER}\nx`)).resolves.toMatchObject({
      action: "created",
    });
  });

  it("a connection that never answers is abandoned after the time bound and tried again", async () => {
    gh.fail({ method: "GET", path: listing, kind: "hang", times: 1 });
    const started = Date.now();
    const result = await adapter({ policy: { ...FAST, timeoutMs: 300 } }).upsertStickyComment(
      PR,
      MARKER,
      `${MARKER}\nx`,
    );
    expect(result.action).toBe("created");
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("a GitHub that never answers fails in bounded time, in plain words", async () => {
    gh.fail({ method: "GET", path: listing, kind: "hang" });
    const started = Date.now();
    const error = await adapter({ policy: { ...FAST, timeoutMs: 150, retries: 2 } })
      .upsertStickyComment(PR, MARKER, `${MARKER}\nx`)
      .catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as Error).message).toBe(
      "cannot list the pull request's comments: GitHub did not answer within 0.15 s",
    );
    expect(elapsed).toBeGreaterThanOrEqual(3 * 150 - 10);
    expect(elapsed).toBeLessThan(3 * 150 + 1_000);
  });

  it("a body that is not JSON is retried, then reported as such (not as a TypeError)", async () => {
    gh.fail({ method: "GET", path: listing, kind: "malformed" });
    const error = await adapter()
      .upsertStickyComment(PR, MARKER, `${MARKER}\nx`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as Error).message).toMatch(
      /^cannot list the pull request's comments: GitHub answered HTTP 200 with a body that is not JSON/,
    );
    expect(gh.requests.filter((r) => listing.test(r.path))).toHaveLength(4);
  });

  it("a well-formed body of the wrong shape is reported as such", async () => {
    gh.fail({ method: "GET", path: listing, kind: "json", body: { comments: "lots" }, times: 1 });
    const error = await adapter()
      .upsertStickyComment(PR, MARKER, `${MARKER}\nx`)
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      "cannot list the pull request's comments: GitHub's answer is not a list of comments",
    );
    gh.fail({ method: "GET", path: listing, kind: "json", body: { total_count: "lots" } });
    const odd = await adapter()
      .upsertStickyComment(PR, MARKER, `${MARKER}\nx`)
      .catch((e: unknown) => e);
    expect((odd as Error).message).toMatch(
      /^cannot list the pull request's comments: GitHub's answer is not what its API describes \(/,
    );
  });

  it("Retry-After is waited out on a rate limit, for a POST too", async () => {
    gh.fail({
      method: "POST",
      status: 429,
      message: "secondary rate limit",
      headers: { "retry-after": "1" },
      times: 1,
    });
    const started = Date.now();
    const result = await adapter().upsertStickyComment(PR, MARKER, `${MARKER}\nx`);
    expect(result.action).toBe("created");
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(gh.requests.filter((r) => r.method === "POST")).toHaveLength(2);
  });

  it("a rate limit longer than the bound fails at once", async () => {
    gh.fail({
      method: "GET",
      path: listing,
      status: 429,
      message: "secondary rate limit",
      headers: { "retry-after": "3600" },
    });
    const error = await adapter()
      .upsertStickyComment(PR, MARKER, `${MARKER}\nx`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubRateLimitError);
    expect(gh.requests.filter((r) => listing.test(r.path))).toHaveLength(1);
  });

  it("a POST that fails with 502 is not repeated (it may have been carried out)", async () => {
    gh.fail({ method: "POST", status: 502, message: "Bad Gateway", times: 1 });
    const error = await adapter()
      .upsertStickyComment(PR, MARKER, `${MARKER}\nx`)
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      "cannot create the pull request comment: HTTP 502 (Bad Gateway): GitHub failed to answer",
    );
    expect(gh.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("404 is final and says what it means", async () => {
    gh.fail({ method: "GET", path: listing, status: 404, message: "Not Found" });
    const error = await adapter()
      .upsertStickyComment(PR, MARKER, `${MARKER}\nx`)
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      "cannot list the pull request's comments: HTTP 404 (Not Found): the repository or pull request does not exist, or the token cannot see it",
    );
    expect(gh.requests.filter((r) => listing.test(r.path))).toHaveLength(1);
  });
});
