/** The GitHub context of a run: the GITHUB_* variables and the event payload. */
import type { GitHubContext, PullRequestContext } from "../commands/github-run.js";
import type { SettingsSource } from "./types.js";

const SHA_ZERO = /^0+$/;

/** The GITHUB_* variables and, from GITHUB_EVENT_PATH, the pull request or push; problems are added to `problems`. */
export function parseGitHubContext(source: SettingsSource, problems: string[]): GitHubContext {
  const { env } = source;
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  let owner = "";
  let repo = "";
  const repository = env.GITHUB_REPOSITORY ?? "";
  if (repository !== "") {
    const m = /^([^/\s]+)\/([^/\s]+)$/.exec(repository);
    if (m?.[1] && m[2]) {
      owner = m[1];
      repo = m[2];
    } else {
      problems.push(`GITHUB_REPOSITORY: "${repository}" is not "owner/repo"`);
    }
  }
  const apiUrl = (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  if (!/^https?:\/\//.test(apiUrl)) problems.push(`GITHUB_API_URL: "${apiUrl}" is not an http(s) URL`);
  const context: GitHubContext = {
    eventName,
    owner,
    repo,
    apiUrl,
    serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
  };
  if (env.GITHUB_RUN_ID) context.runId = env.GITHUB_RUN_ID;
  if (env.GITHUB_RUN_ATTEMPT) context.runAttempt = env.GITHUB_RUN_ATTEMPT;
  if (env.GITHUB_ACTOR) context.actor = env.GITHUB_ACTOR;
  if (env.GITHUB_SHA) context.sha = env.GITHUB_SHA;

  const eventPath = env.GITHUB_EVENT_PATH;
  if (!eventPath) return context;
  let payload: unknown;
  try {
    payload = JSON.parse(source.readFile(eventPath));
  } catch (error) {
    problems.push(
      `GITHUB_EVENT_PATH: cannot read the event payload ${eventPath}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return context;
  }
  const pr = field(payload, "pull_request");
  if (pr !== undefined && pr !== null) {
    const number = field(pr, "number");
    if (typeof number !== "number" || !Number.isInteger(number) || number <= 0) {
      problems.push(`GITHUB_EVENT_PATH: the pull_request in ${eventPath} has no number`);
    } else {
      const baseRepo = str(field(field(field(pr, "base"), "repo"), "full_name"));
      const headRepoObj = field(field(pr, "head"), "repo");
      const headRepo = str(field(headRepoObj, "full_name"));
      const pullRequest: PullRequestContext = {
        number,
        // A deleted head repository (null) is a fork that no longer exists: treat as a fork.
        isFork:
          headRepo === undefined ||
          baseRepo === undefined ||
          headRepo.toLowerCase() !== baseRepo.toLowerCase(),
      };
      const baseSha = str(field(field(pr, "base"), "sha"));
      const headSha = str(field(field(pr, "head"), "sha"));
      const htmlUrl = str(field(pr, "html_url"));
      if (baseSha) pullRequest.baseSha = baseSha;
      if (headSha) pullRequest.headSha = headSha;
      if (baseRepo) pullRequest.baseRepo = baseRepo;
      if (headRepo) pullRequest.headRepo = headRepo;
      if (htmlUrl) pullRequest.htmlUrl = htmlUrl;
      context.pullRequest = pullRequest;
    }
  }
  const before = str(field(payload, "before"));
  if (eventName === "push" && before && !SHA_ZERO.test(before)) context.pushBefore = before;
  return context;
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
