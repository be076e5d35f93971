/** The workflow run as GitHub describes it (the GITHUB_* variables and the event), and the link to its page. */

/** A pull request as the event payload describes it. */
export interface PullRequestContext {
  number: number;
  /** The base commit of the pull request when the event fired. */
  baseSha?: string;
  headSha?: string;
  /** "owner/repo" of the base and the head repositories; head is undefined when the fork was deleted. */
  baseRepo?: string;
  headRepo?: string;
  /** True when the head repository is not the base repository: the token is read-only and secrets are absent. */
  isFork: boolean;
  htmlUrl?: string;
}

export interface GitHubContext {
  /** GITHUB_EVENT_NAME, e.g. "pull_request", "push", "workflow_dispatch". */
  eventName: string;
  owner: string;
  repo: string;
  /** REST API base URL (GITHUB_API_URL; https://api.github.com by default, differs on GHES). */
  apiUrl: string;
  /** Web URL (GITHUB_SERVER_URL; https://github.com by default). */
  serverUrl: string;
  runId?: string;
  runAttempt?: string;
  /** GITHUB_ACTOR: who triggered the run (the audit trail of a rollback). */
  actor?: string;
  /** GITHUB_SHA: the commit the workflow runs on (for a pull request, the test merge commit). */
  sha?: string;
  /** Present for pull_request and pull_request_target events. */
  pullRequest?: PullRequestContext;
  /** For a push event: the commit before the push (absent for a new branch). */
  pushBefore?: string;
}

/** The link to this run's page, where the job summary is shown. */
export function runUrl(github: GitHubContext): string | undefined {
  if (!github.runId) return undefined;
  const attempt = github.runAttempt && github.runAttempt !== "1" ? `/attempts/${github.runAttempt}` : "";
  return `${github.serverUrl.replace(/\/+$/, "")}/${github.owner}/${github.repo}/actions/runs/${github.runId}${attempt}`;
}
