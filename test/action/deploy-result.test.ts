/**
 * The deploy's short result on the merged pull request: the real Octokit adapter against
 * the GitHub HTTP fake, through the notifier `deploy` uses.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGitHubAdapter } from "../../action/src/adapters/github.js";
import { pullRequestNotifier } from "../../action/src/commands/action-rollout.js";
import { startFakeGitHub, type FakeGitHub } from "../fakes/github-server.js";

const REPO = { owner: "acme", repo: "netpol" };
const MERGE = "a1".repeat(20);
const FAST = { baseDelayMs: 5, maxDelayMs: 20, timeoutMs: 2_000, maxRetryAfterMs: 1_500 };

let gh: FakeGitHub;
beforeEach(async () => {
  gh = await startFakeGitHub();
});
afterEach(async () => {
  await gh.close();
});

const notifier = (environments?: string[], author?: string) =>
  pullRequestNotifier(
    createGitHubAdapter({
      token: "ghs_test",
      apiUrl: gh.url,
      policy: FAST,
      ...(author ? { commentAuthor: author } : {}),
    }),
    REPO,
    environments,
  );

describe("the result on the merged pull request", () => {
  it("finds the pull request the commit was merged by and posts the result there", async () => {
    gh.seedCommitPulls("acme", "netpol", MERGE, [
      { number: 3, merged: false },
      { number: 12, merged: true },
    ]);
    const result = await notifier(["staging"]).post(MERGE, "**deployed**");
    expect(result).toMatchObject({ posted: true, number: 12 });
    expect(gh.comments("acme", "netpol", 12).map((c) => c.body)).toEqual([
      "<!-- netpol-rollout:deploy-result staging -->\n**deployed**",
    ]);
    expect(gh.comments("acme", "netpol", 3)).toEqual([]);
    expect(gh.requests[0]).toMatchObject({
      method: "GET",
      path: `/repos/acme/netpol/commits/${MERGE}/pulls`,
    });
  });

  it("a re-run updates its own comment; another environment's job keeps its own", async () => {
    gh.seedCommitPulls("acme", "netpol", MERGE, [{ number: 12, merged: true }]);
    await notifier(["staging"]).post(MERGE, "staging: failed");
    await notifier(["production"]).post(MERGE, "production: deployed");
    await notifier(["staging"]).post(MERGE, "staging: deployed");
    expect(gh.comments("acme", "netpol", 12).map((c) => c.body)).toEqual([
      "<!-- netpol-rollout:deploy-result staging -->\nstaging: deployed",
      "<!-- netpol-rollout:deploy-result production -->\nproduction: deployed",
    ]);
  });

  it("a comment by someone else carrying our marker is left alone", async () => {
    gh.seedCommitPulls("acme", "netpol", MERGE, [{ number: 12, merged: true }]);
    gh.seed("acme", "netpol", 12, ["<!-- netpol-rollout:deploy-result staging -->\nfake result"], "mallory");
    await notifier(["staging"]).post(MERGE, "staging: deployed");
    const comments = gh.comments("acme", "netpol", 12);
    expect(comments.map((c) => [c.user.login, c.body])).toEqual([
      ["mallory", "<!-- netpol-rollout:deploy-result staging -->\nfake result"],
      ["github-actions[bot]", "<!-- netpol-rollout:deploy-result staging -->\nstaging: deployed"],
    ]);
  });

  it("a commit pushed directly has no pull request: nothing is posted, and says so", async () => {
    const result = await notifier().post(MERGE, "x");
    expect(result).toEqual({
      posted: false,
      reason: `no pull request holds ${MERGE.slice(0, 12)} (pushed directly)`,
    });
    expect(gh.requests.filter((r) => r.method === "POST")).toEqual([]);
  });

  it("a read-only token is a reason, not an error", async () => {
    gh.seedCommitPulls("acme", "netpol", MERGE, [{ number: 12, merged: true }]);
    gh.fail({ method: "POST", path: /\/comments$/, status: 403 });
    const result = await notifier(["production"]).post(MERGE, "x");
    expect(result).toEqual({
      posted: false,
      reason:
        "the token may not comment on pull request #12 (the job needs permissions: pull-requests: write)",
    });
  });

  it("a token that may not even list the commit's pull requests is a reason too", async () => {
    gh.fail({ method: "GET", path: /\/pulls$/, status: 403 });
    expect(await notifier().post(MERGE, "x")).toEqual({
      posted: false,
      reason: `the token may not read the pull requests of ${MERGE.slice(0, 12)}`,
    });
  });
});
