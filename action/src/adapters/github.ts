/**
 * The GitHub REST API as the Action uses it: one sticky pull request comment. Built on
 * `@actions/github`'s Octokit (proxy-aware fetch, the paginate plugin); tests run this
 * exact code against an in-process HTTP fake of the endpoints.
 */
import type { getOctokit } from "@actions/github";
import { visible } from "../text/escape.js";
import { systemClock } from "./clock.js";
import { GitHubApiError, GitHubPermissionError, GitHubRateLimitError } from "../ports/github.js";
import type { CommitPullRequest, GitHubAdapter, IssueRef, StickyCommentResult } from "../ports/github.js";

type Octokit = ReturnType<typeof getOctokit>;

export interface GitHubAdapterOptions {
  token: string;
  /** REST API base URL, e.g. https://api.github.com or https://ghe.example.com/api/v3. */
  apiUrl: string;
  /** The login that writes our comments (an App's `slug[bot]`); default: found out, see `identity()`. */
  commentAuthor?: string;
  /** Time bounds and retries; default `DEFAULT_REQUEST_POLICY`. */
  policy?: Partial<RequestPolicy>;
}

/** Comments per page: the maximum the API allows, so 250 comments take 3 requests. */
const PER_PAGE = 100;

/**
 * The author of the sticky comment when the token cannot say who it is: with the
 * workflow's GITHUB_TOKEN (and with GitHub App installation tokens) `GET /user` answers
 * 403, and comments are posted as this bot.
 */
export const DEFAULT_COMMENT_AUTHOR = "github-actions[bot]";

/**
 * The adapter over Octokit. `@actions/github` (Octokit and its fetch, about 1 MB of the
 * bundle) is loaded on the first request, so runs that post no comment never load it.
 * Every request is bounded in time and idempotent ones are retried (`RequestPolicy`).
 */
export function createGitHubAdapter(options: GitHubAdapterOptions): GitHubAdapter {
  const policy: RequestPolicy = { ...DEFAULT_REQUEST_POLICY, ...options.policy };
  let client: Promise<Octokit> | undefined;
  const connect = (): Promise<Octokit> =>
    (client ??= import("@actions/github").then(({ getOctokit }) =>
      getOctokit(options.token, { baseUrl: options.apiUrl }, requestPolicyPlugin(policy)),
    ));

  let author: Promise<string> | undefined;
  const identity = (): Promise<string> =>
    (author ??= options.commentAuthor
      ? Promise.resolve(options.commentAuthor)
      : connect().then(async (octokit) => {
          try {
            const { data } = await octokit.request("GET /user", { request: { retries: 0 } });
            const login = (data as { login?: unknown } | undefined)?.login;
            if (typeof login === "string" && login !== "") return login;
          } catch (error) {
            // 401/403/404: an installation token, which has no user; posts as the Actions bot.
            const status = numberField(error, "status") ?? 0;
            if (status !== 401 && status !== 403 && status !== 404)
              throw toGitHubError("find who the token is", error);
          }
          return DEFAULT_COMMENT_AUTHOR;
        }));

  /** Every comment on the issue by `login` whose body starts with the marker, oldest first. */
  const listOurs = async (octokit: Octokit, issue: IssueRef, marker: string, login: string) =>
    classify("list the pull request's comments", async () => {
      const ours: IssueComment[] = [];
      const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        owner: issue.owner,
        repo: issue.repo,
        issue_number: issue.number,
        per_page: PER_PAGE,
      });
      for await (const page of pages) {
        if (!Array.isArray(page.data))
          throw malformed("list the pull request's comments", "a list of comments");
        for (const raw of page.data as unknown[]) {
          const comment = issueComment(raw);
          if (!comment) throw malformed("list the pull request's comments", "a list of comments");
          if (comment.body.startsWith(marker) && sameLogin(comment.author, login)) ours.push(comment);
        }
      }
      return ours.sort((a, b) => a.id - b.id);
    });

  const update = async (octokit: Octokit, issue: IssueRef, id: number, body: string) =>
    classify("update the pull request comment", async () => {
      const { data } = await octokit.rest.issues.updateComment({
        owner: issue.owner,
        repo: issue.repo,
        comment_id: id,
        body,
      });
      return issueComment(data) ?? Promise.reject(malformed("update the pull request comment", "a comment"));
    });

  /** Deletes our duplicates; one already gone (another run removed it) is not an error. */
  const remove = async (octokit: Octokit, issue: IssueRef, comments: IssueComment[]) => {
    for (const comment of comments) {
      await classify("delete a duplicate pull request comment", async () => {
        try {
          await octokit.rest.issues.deleteComment({
            owner: issue.owner,
            repo: issue.repo,
            comment_id: comment.id,
          });
        } catch (error) {
          if (numberField(error, "status") !== 404) throw error;
        }
      });
    }
  };

  /**
   * Keeps the oldest of our comments with `body` and deletes the others. Every run keeps
   * the same one (the oldest), so runs that posted at the same time converge on it.
   */
  const converge = async (
    octokit: Octokit,
    issue: IssueRef,
    ours: IssueComment[],
    body: string,
  ): Promise<StickyCommentResult | undefined> => {
    const [keeper, ...duplicates] = ours;
    if (!keeper) return undefined;
    await remove(octokit, issue, duplicates);
    const removed = duplicates.length;
    if (keeper.body === body) return { action: "unchanged", url: keeper.url, id: keeper.id, removed };
    try {
      const updated = await update(octokit, issue, keeper.id, body);
      return { action: "updated", url: updated.url, id: updated.id, removed };
    } catch (error) {
      // Deleted meanwhile (by a person, or a run that kept another): start over.
      if (error instanceof GitHubApiError && error.status === 404) return undefined;
      throw error;
    }
  };

  return {
    identity,
    async pullRequestsOfCommit(repository, sha) {
      const octokit = await connect();
      return classify("find the pull request of the commit", async () => {
        const { data } = await octokit.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
          owner: repository.owner,
          repo: repository.repo,
          commit_sha: sha,
        });
        if (!Array.isArray(data))
          throw malformed("find the pull request of the commit", "a list of pull requests");
        return (data as unknown[]).map((raw) => {
          const pr = commitPullRequest(raw);
          if (!pr) throw malformed("find the pull request of the commit", "a list of pull requests");
          return pr;
        });
      });
    },
    async upsertStickyComment(issue, marker, body) {
      if (!body.startsWith(marker)) throw new Error("the sticky comment body must start with its marker");
      const octokit = await connect();
      let login = await identity();
      // Two rounds at most: the second only when our comment vanished while we updated it.
      for (let round = 0; round < 2; round++) {
        const existing = await converge(octokit, issue, await listOurs(octokit, issue, marker, login), body);
        if (existing) return existing;
        const created = await classify("create the pull request comment", async () => {
          const { data } = await octokit.rest.issues.createComment({
            owner: issue.owner,
            repo: issue.repo,
            issue_number: issue.number,
            body,
          });
          return (
            issueComment(data) ?? Promise.reject(malformed("create the pull request comment", "a comment"))
          );
        });
        // The author GitHub recorded is who we are, whatever /user said.
        login = created.author;
        author = Promise.resolve(login);
        // Another run may have posted at the same time: list again and keep one.
        const ours = await listOurs(octokit, issue, marker, login);
        if (!ours.some((c) => c.id === created.id)) ours.push(created);
        ours.sort((a, b) => a.id - b.id);
        const settled = await converge(octokit, issue, ours, body);
        if (!settled) continue;
        return settled.id === created.id ? { ...settled, action: "created" } : settled;
      }
      throw new GitHubApiError(
        "cannot keep one pull request comment: our comment was deleted twice while it was being updated",
        0,
        "update the pull request comment",
      );
    },
  };
}

function commitPullRequest(raw: unknown): CommitPullRequest | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const {
    number,
    merged_at: mergedAt,
    merge_commit_sha: mergeSha,
    html_url: url,
  } = raw as Record<string, unknown>;
  if (typeof number !== "number" || typeof url !== "string") return undefined;
  return {
    number,
    merged: typeof mergedAt === "string" && mergedAt !== "",
    ...(typeof mergeSha === "string" && mergeSha !== "" ? { mergeCommitSha: mergeSha } : {}),
    url,
  };
}

/** A comment as the adapter uses it, checked against what the API answered. */
interface IssueComment {
  id: number;
  body: string;
  url: string;
  author: string;
}

function issueComment(raw: unknown): IssueComment | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const { id, body, html_url: url, user } = raw as Record<string, unknown>;
  const login = typeof user === "object" && user !== null ? (user as { login?: unknown }).login : undefined;
  if (typeof id !== "number" || typeof url !== "string") return undefined;
  return {
    id,
    body: typeof body === "string" ? body : "",
    url,
    author: typeof login === "string" ? login : "",
  };
}

/** GitHub logins are case-insensitive. */
function sameLogin(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function malformed(operation: string, expected: string): GitHubApiError {
  return new GitHubApiError(`cannot ${operation}: GitHub's answer is not ${expected}`, 0, operation);
}

/**
 * How every request is bounded. An attempt that has no complete answer within `timeoutMs`
 * is abandoned; idempotent requests (GET, PUT, PATCH, DELETE) are tried again after a
 * 5xx, a lost connection, a timeout or an unreadable body, waiting `baseDelayMs`, then
 * twice that, up to `maxDelayMs`. A rate limit (429, or 403 with no quota left) is waited
 * out when GitHub says when (Retry-After, x-ratelimit-reset) and that is within
 * `maxRetryAfterMs`, for every method: the request was refused, not carried out. A POST
 * is otherwise never repeated, since it may have been carried out.
 */
export interface RequestPolicy {
  /** Time for one attempt, the response body included. Default 15 s. */
  timeoutMs: number;
  /** Attempts after the first. Default 3. */
  retries: number;
  /** Default 1 s. */
  baseDelayMs: number;
  /** Default 8 s. */
  maxDelayMs: number;
  /** Longest rate-limit wait honoured; a longer one fails at once. Default 60 s. */
  maxRetryAfterMs: number;
}

/** With the defaults a request gives up after at most 4 × 15 s + 1 + 2 + 4 s = 67 s. */
export const DEFAULT_REQUEST_POLICY: RequestPolicy = {
  timeoutMs: 15_000,
  retries: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"]);

/** A request option (`request: { retries: 0 }`) overriding the policy's retries for one call. */
interface RetryOption {
  retries?: number;
}

/**
 * An Octokit plugin (`getOctokit`'s additional plugins) wrapping every request, paginated
 * ones included, in the policy: a per-attempt timeout through the request's `signal`, and
 * bounded retries.
 */
export function requestPolicyPlugin(policy: RequestPolicy) {
  return (octokit: { hook: { wrap: Octokit["hook"]["wrap"] } }) => {
    octokit.hook.wrap("request", async (request, options) => {
      const method = String(options.method).toUpperCase();
      const retries = (options.request as RetryOption | undefined)?.retries ?? policy.retries;
      for (let attempt = 0; ; attempt++) {
        const signal = AbortSignal.timeout(policy.timeoutMs);
        let failure: unknown;
        try {
          // In place: the hooks inside this one were bound to this very options object.
          options.request = { ...options.request, signal };
          const response = await request(options);
          // Every endpoint we call answers a JSON object or list; anything else is a damaged body.
          if (response.status !== 204 && (typeof response.data !== "object" || response.data === null)) {
            failure = new MalformedResponseError(
              `GitHub answered HTTP ${response.status} with a body that is not JSON (${describeBody(response.data)})`,
            );
          } else {
            return response;
          }
        } catch (error) {
          failure = signal.aborted ? new RequestTimeoutError(policy.timeoutMs) : error;
        }
        const wait = retryDelay(failure, method, attempt, policy);
        if (attempt >= retries || wait === undefined) throw failure;
        await systemClock.sleep(wait);
      }
    });
  };
}

/** No complete answer within the policy's time. */
export class RequestTimeoutError extends Error {
  override name = "RequestTimeoutError";
  constructor(readonly timeoutMs: number) {
    super(`no complete answer within ${timeoutMs / 1000} s`);
  }
}

/** A 2xx answer whose body is not the JSON the API promises (a proxy's error page, a cut body). */
export class MalformedResponseError extends Error {
  override name = "MalformedResponseError";
}

function describeBody(data: unknown): string {
  if (typeof data !== "string") return typeof data;
  if (data === "") return "empty";
  return `${data.length} characters`;
}

/** Milliseconds to wait before trying again, or undefined when the failure is final. */
export function retryDelay(
  error: unknown,
  method: string,
  attempt: number,
  policy: RequestPolicy,
): number | undefined {
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const status = numberField(error, "status") ?? 0;
  const answered = hasResponse(error);
  if (answered && isRateLimit(status, headersOf(error), apiMessageOf(error))) {
    const waitMs = rateLimitWait(headersOf(error));
    if (waitMs === undefined) return backoff;
    return waitMs <= policy.maxRetryAfterMs ? waitMs : undefined;
  }
  if (!IDEMPOTENT.has(method)) return undefined;
  if (error instanceof RequestTimeoutError || error instanceof MalformedResponseError) return backoff;
  if (!answered) return backoff; // the connection failed or was reset
  return status >= 500 ? backoff : undefined;
}

function hasResponse(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && (error as { response?: unknown }).response !== undefined
  );
}

function isRateLimit(status: number, headers: Record<string, string>, message: string): boolean {
  return (
    status === 429 ||
    (status === 403 && (headers["x-ratelimit-remaining"] === "0" || /rate limit/i.test(message)))
  );
}

/** From Retry-After (seconds or an HTTP date), else x-ratelimit-reset (epoch seconds). */
function rateLimitWait(headers: Record<string, string>): number | undefined {
  const retryAfter = headers["retry-after"];
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - Date.now());
  }
  const reset = Number(headers["x-ratelimit-reset"]);
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - Date.now());
  return undefined;
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
  const headers = headersOf(error);
  const apiMessage = oneLine(apiMessageOf(error));
  const cannot = `cannot ${operation}`;
  if (error instanceof RequestTimeoutError) {
    return new GitHubApiError(
      `${cannot}: GitHub did not answer within ${error.timeoutMs / 1000} s`,
      0,
      operation,
    );
  }
  if (error instanceof MalformedResponseError)
    return new GitHubApiError(`${cannot}: ${error.message}`, 0, operation);
  if (numberField(error, "status") === undefined) {
    // Not a request error: Octokit choked on what GitHub answered (e.g. paginating an odd body).
    return new GitHubApiError(
      `${cannot}: GitHub's answer is not what its API describes (${apiMessage})`,
      0,
      operation,
    );
  }
  if (!hasResponse(error)) {
    return new GitHubApiError(
      `${cannot}: no answer from GitHub (${apiMessage || "the connection failed"})`,
      0,
      operation,
    );
  }
  const status = numberField(error, "status") ?? 0;
  const text = `${cannot}: HTTP ${status}${apiMessage ? ` (${apiMessage})` : ""}`;
  if (isRateLimit(status, headers, apiMessage)) {
    return new GitHubRateLimitError(text, status, operation, resetOf(headers));
  }
  if (status === 403) return new GitHubPermissionError(text, status, operation);
  if (status === 404) {
    return new GitHubApiError(
      `${text}: the repository or pull request does not exist, or the token cannot see it`,
      status,
      operation,
    );
  }
  if (status === 422)
    return new GitHubApiError(`${text}: GitHub refused the request as invalid`, status, operation);
  if (status >= 500) return new GitHubApiError(`${text}: GitHub failed to answer`, status, operation);
  return new GitHubApiError(text, status, operation);
}

/** One line of at most 200 characters, control characters shown as escapes. */
function oneLine(text: string): string {
  const line = visible((text.split(/\r?\n/)[0] ?? "").trim());
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
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
      if (typeof message === "string") return message;
    }
    const own = (error as { message?: unknown }).message;
    if (typeof own === "string") return own;
  }
  return String(error);
}
