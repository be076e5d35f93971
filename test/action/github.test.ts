import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createGitHubAdapter,
  GitHubApiError,
  GitHubPermissionError,
  GitHubRateLimitError,
} from "../../action/src/adapters/github.js";
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

const adapter = () => createGitHubAdapter({ token: "ghs_test", apiUrl: gh.url });

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
    bodies[230] = `${MARKER}\nold report`;
    gh.seed("acme", "netpol", 7, bodies);
    const result = await adapter().upsertStickyComment(PR, MARKER, `${MARKER}\nnew report`);
    expect(result.action).toBe("updated");
    const comments = gh.comments("acme", "netpol", 7);
    expect(comments).toHaveLength(250);
    expect(comments[230]?.body).toBe(`${MARKER}\nnew report`);
    const pages = gh.requests
      .filter((r) => r.method === "GET")
      .map((r) => [r.query.per_page, r.query.page ?? "1"]);
    expect(pages).toEqual([
      ["100", "1"],
      ["100", "2"],
      ["100", "3"],
    ]);
  });

  it("stops reading pages once the marker is found", async () => {
    const bodies = Array.from({ length: 250 }, (_, i) => (i === 5 ? `${MARKER}\nx` : `c${i}`));
    gh.seed("acme", "netpol", 7, bodies);
    await adapter().upsertStickyComment(PR, MARKER, `${MARKER}\ny`);
    expect(gh.requests.filter((r) => r.method === "GET")).toHaveLength(1);
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
      const result = await createGitHubAdapter({ token: "t", apiUrl: ghes.url }).upsertStickyComment(
        PR,
        MARKER,
        `${MARKER}\nghes`,
      );
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
    gh.seed("acme", "netpol", 7, [`${MARKER}\nold`]);
    const error = await adapter()
      .upsertStickyComment(PR, MARKER, `${MARKER}\nnew`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).not.toBeInstanceOf(GitHubPermissionError);
    expect((error as GitHubApiError).status).toBe(502);
    expect(gh.comments("acme", "netpol", 7)[0]?.body).toBe(`${MARKER}\nold`);
  });
});
