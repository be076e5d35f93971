/** The GitHub REST API as the Action uses it: the port, its data and its typed errors. */

/** The issue (a pull request is an issue) a comment goes to. */
export interface IssueRef {
  owner: string;
  repo: string;
  number: number;
}

export interface StickyCommentResult {
  /** `unchanged`: a comment with exactly this body already exists and was left alone. */
  action: "created" | "updated" | "unchanged";
  url: string;
  id: number;
  /** Duplicates of our comment deleted (left by runs that posted at the same time). */
  removed: number;
}

/** A pull request a commit belongs to, as `GET /repos/{o}/{r}/commits/{sha}/pulls` lists it. */
export interface CommitPullRequest {
  number: number;
  /** Whether it was merged (`merged_at` set). */
  merged: boolean;
  /** The commit its merge produced, when merged. */
  mergeCommitSha?: string;
  url: string;
}

/** The GitHub operations the Action needs. */
export interface GitHubAdapter {
  /**
   * The pull requests `sha` belongs to: the one it was merged by, or whose head it is
   * (`GET /repos/{owner}/{repo}/commits/{sha}/pulls`). Empty for a commit pushed directly.
   */
  pullRequestsOfCommit(
    repository: { owner: string; repo: string },
    sha: string,
  ): Promise<CommitPullRequest[]>;
  /**
   * Keeps exactly one comment of ours whose body starts with `marker`, holding `body`:
   * updates it in place, or creates it. Only comments written by our identity count: a
   * comment by anyone else is never read as ours nor edited, whatever it says. Duplicates
   * of ours (two runs at once) are deleted, keeping the oldest. A body equal to the
   * existing one is not re-posted. `body` must start with `marker`.
   */
  upsertStickyComment(issue: IssueRef, marker: string, body: string): Promise<StickyCommentResult>;
  /**
   * The login our comments are written as: `commentAuthor` when given, else the token's
   * `GET /user` login, else `github-actions[bot]` (that endpoint answers 403 to the
   * workflow's GITHUB_TOKEN and to App tokens).
   */
  identity(): Promise<string>;
}

/** A GitHub API request failed; `status` is the HTTP status (0 when no response arrived). */
export class GitHubApiError extends Error {
  override name = "GitHubApiError";
  constructor(
    message: string,
    readonly status: number,
    readonly operation: string,
  ) {
    super(message);
  }
}

/**
 * 403 without a rate limit: the token may not do this (a read-only token on a pull request
 * from a fork, or a workflow without `permissions: pull-requests: write`).
 */
export class GitHubPermissionError extends GitHubApiError {
  override name = "GitHubPermissionError";
}

/** 429, or 403 with `x-ratelimit-remaining: 0` or a secondary rate limit message. */
export class GitHubRateLimitError extends GitHubApiError {
  override name = "GitHubRateLimitError";
  constructor(
    message: string,
    status: number,
    operation: string,
    /** When the limit resets (from `x-ratelimit-reset` or `retry-after`), when known. */
    readonly resetAt?: Date,
  ) {
    super(message, status, operation);
  }
}
