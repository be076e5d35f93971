/**
 * The GitHub REST API as the Action uses it: one sticky pull request comment. Built on
 * `@actions/github`'s Octokit (proxy-aware fetch, the paginate plugin); tests run this
 * exact code against an in-process HTTP fake of the endpoints.
 */
import type { getOctokit } from "@actions/github";

type Octokit = ReturnType<typeof getOctokit>;

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
}

/** The GitHub operations the Action needs. */
export interface GitHubAdapter {
  /**
   * Finds the comment whose body starts with `marker` (searching every page of the issue's
   * comments), updates it in place, or creates it. A body equal to the existing one is not
   * re-posted. `body` must start with `marker`.
   */
  upsertStickyComment(issue: IssueRef, marker: string, body: string): Promise<StickyCommentResult>;
}

export interface GitHubAdapterOptions {
  token: string;
  /** REST API base URL, e.g. https://api.github.com or https://ghe.example.com/api/v3. */
  apiUrl: string;
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

/** Comments per page: the maximum the API allows, so 250 comments take 3 requests. */
const PER_PAGE = 100;

/**
 * The adapter over Octokit. `@actions/github` (Octokit and its fetch, about 1 MB of the
 * bundle) is loaded on the first request, so runs that post no comment never load it.
 */
export function createGitHubAdapter(options: GitHubAdapterOptions): GitHubAdapter {
  let client: Promise<Octokit> | undefined;
  const connect = (): Promise<Octokit> =>
    (client ??= import("@actions/github").then(({ getOctokit }) =>
      getOctokit(options.token, { baseUrl: options.apiUrl }),
    ));

  return {
    async upsertStickyComment(issue, marker, body) {
      if (!body.startsWith(marker)) throw new Error("the sticky comment body must start with its marker");
      const octokit = await connect();
      const params = { owner: issue.owner, repo: issue.repo, issue_number: issue.number };
      const existing = await classify("list pull request comments", async () => {
        // Stop at the first page that holds the marker: no need to read further pages.
        let found: { id: number; body?: string; html_url: string } | undefined;
        await octokit.paginate(
          octokit.rest.issues.listComments,
          { ...params, per_page: PER_PAGE },
          (response, done) => {
            found = response.data.find((c) => (c.body ?? "").startsWith(marker));
            if (found) done();
            return [];
          },
        );
        return found;
      });
      if (existing) {
        if (existing.body === body) return { action: "unchanged", url: existing.html_url, id: existing.id };
        const updated = await classify("update the pull request comment", () =>
          octokit.rest.issues.updateComment({
            owner: issue.owner,
            repo: issue.repo,
            comment_id: existing.id,
            body,
          }),
        );
        return { action: "updated", url: updated.data.html_url, id: updated.data.id };
      }
      const created = await classify("create the pull request comment", () =>
        octokit.rest.issues.createComment({ ...params, body }),
      );
      return { action: "created", url: created.data.html_url, id: created.data.id };
    },
  };
}

/** Runs one API operation and turns Octokit's errors into the typed errors above. */
async function classify<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toGitHubError(operation, error);
  }
}

/** Classifies an error thrown by Octokit (a RequestError carries `status` and `response.headers`). */
export function toGitHubError(operation: string, error: unknown): GitHubApiError {
  if (error instanceof GitHubApiError) return error;
  const status = numberField(error, "status") ?? 0;
  const headers = headersOf(error);
  const apiMessage = apiMessageOf(error);
  const text = `cannot ${operation}: ${status > 0 ? `HTTP ${status}` : "no response"}${apiMessage ? ` (${apiMessage})` : ""}`;
  const remaining = headers["x-ratelimit-remaining"];
  const secondary = /secondary rate limit|rate limit exceeded/i.test(apiMessage);
  if (status === 429 || (status === 403 && (remaining === "0" || secondary))) {
    return new GitHubRateLimitError(text, status, operation, resetOf(headers));
  }
  if (status === 403) return new GitHubPermissionError(text, status, operation);
  return new GitHubApiError(text, status, operation);
}

function resetOf(headers: Record<string, string>): Date | undefined {
  const reset = Number(headers["x-ratelimit-reset"]);
  if (Number.isFinite(reset) && reset > 0) return new Date(reset * 1000);
  const retryAfter = Number(headers["retry-after"]);
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return new Date(Date.now() + retryAfter * 1000);
  return undefined;
}

function numberField(value: unknown, key: string): number | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === "number" ? v : undefined;
}

function headersOf(error: unknown): Record<string, string> {
  if (typeof error !== "object" || error === null) return {};
  const response = (error as { response?: unknown }).response;
  if (typeof response !== "object" || response === null) return {};
  const headers = (response as { headers?: unknown }).headers;
  if (typeof headers !== "object" || headers === null) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (typeof v === "string" || typeof v === "number") out[k.toLowerCase()] = String(v);
  }
  return out;
}

/** The `message` GitHub put in the error body, else the error's own message, one line. */
function apiMessageOf(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const data = (error as { response?: { data?: unknown } }).response?.data;
    if (typeof data === "object" && data !== null) {
      const message = (data as { message?: unknown }).message;
      if (typeof message === "string") return message.split("\n")[0] ?? "";
    }
    const own = (error as { message?: unknown }).message;
    if (typeof own === "string") return own.split("\n")[0] ?? "";
  }
  return String(error);
}
