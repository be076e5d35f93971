/**
 * The Action's `preview` command: request → preview pipeline → job summary → sticky
 * pull request comment → annotations → outputs and a JSON report → pass or fail.
 *
 * The job summary, the annotations, the outputs and the JSON report are written first and
 * always, so they are there whatever becomes of the comment (a read-only token on a fork
 * pull request, GitHub failing). Every text written or posted is scrubbed of the secrets
 * the request names.
 */
import { join } from "node:path";
import type { ObservedDetail } from "../flows/observed-preview.js";
import type { FlowSummary } from "../flows/summary.js";
import { BaseRefNotFoundError, runPreview, type PreviewRequest } from "./preview-pipeline.js";
import type { SourceFile } from "./preview-pipeline.js";
import type { GitReader, PreviewEngine } from "../ports/index.js";
import { MARKER, previewOutputs, renderComment, renderSummaryWithTier } from "../report/index.js";
import type { PreviewOutputs, PreviewReport } from "../report/index.js";
import { emitAnnotations, planAnnotations } from "../report/annotations.js";
import { createScrubber } from "../report/scrub.js";
import { escapeMarkdown } from "../text/escape.js";
import { GitHubApiError, GitHubPermissionError, GitHubRateLimitError } from "../ports/github.js";
import type { ActionIo, GitHubAdapter, StickyCommentResult } from "../ports/index.js";
import type { WriteFile } from "../ports/files.js";
import { runUrl, type GitHubContext } from "./github-run.js";
import { plural } from "../text/plural.js";

/** Lint threshold that fails the job: `error` (default), `warning` (any finding) or `never`. */
export const FAIL_ON = ["error", "warning", "never"] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** A `flows` line: observed traffic files for one environment, or for every one. */
export interface FlowPattern {
  /** The environment the files were captured in; absent: every environment. */
  environment?: string;
  /** A file, directory or glob (`@actions/glob` syntax), relative to the workspace. */
  pattern: string;
}

/** What the Action's preview is asked to do: `settings/` parses the Action's inputs into it. */
export interface ActionPreviewRequest {
  /** The intent directory, relative to the workspace, POSIX separators. */
  policiesDir: string;
  /** Only these environments; undefined: all. */
  environments?: string[];
  /** The revision to compare with; absent means "no base" (everything is shown as added). */
  baseRef?: string;
  /** Where `baseRef` came from, for the log. */
  baseRefSource: "input" | "pull request base" | "push before" | "none";
  failOn: FailOn;
  /** Whether to post the sticky pull request comment. */
  commentOnPr: boolean;
  /** `off`: the engine part is skipped. */
  pulumiEngine: "auto" | "off";
  /** Observed traffic files or globs (`flows`); empty: none. */
  flows: FlowPattern[];
  /** How the comment names observed traffic (`flows-detail`); a fork always gets `services`. */
  flowsDetail: ObservedDetail;
  github: GitHubContext;
  /** Where the JSON report goes (`temp`), and the job summary file when there is one. */
  runner: { temp: string; stepSummaryPath?: string };
  /** Masked in everything written or posted. */
  secrets: string[];
}

/** The reason the engine part is skipped on a pull request from a fork. */
export const FORK_SKIP_REASON = "fork pull request: secrets are not available";

/**
 * The reason the engine part is skipped under pull_request_target: secrets are present
 * and the head is anyone's, so nothing of the head is ever run.
 */
export const TARGET_SKIP_REASON =
  "pull_request_target: secrets are present and the head is untrusted, so the engine never runs on it";

/** Under pull_request_target the checkout is the base: the head commit must be there as git objects. */
export class HeadNotFetchedError extends Error {
  override name = "HeadNotFetchedError";
}

export interface ActionPreviewDeps {
  git: GitReader;
  /** Reads the intent files at head (the checked-out working tree). */
  readHead: () => Promise<SourceFile[]>;
  /**
   * Reads the observed traffic of the `flows` input, per environment ("*": every one).
   * Throws FlowInputError for a file or record that cannot be read.
   */
  readObserved?: () => Promise<ReadonlyMap<string, FlowSummary>>;
  /** The time now, in milliseconds: how old observed traffic is. */
  now: () => number;
  /** The engine, or why there is none. */
  engine: { engine: PreviewEngine } | { skipReason: string };
  /** The GitHub API; absent when no comment is to be posted. */
  github?: GitHubAdapter;
  /** Writes the JSON report file. */
  writeReport: WriteFile;
}

export interface ActionPreviewResult {
  report: PreviewReport;
  outputs: PreviewOutputs;
  reportPath: string;
  comment?: StickyCommentResult;
  /** Why the job fails; empty when it passes. */
  failures: string[];
}

/** The job fails: the intent is invalid, lint found problems at the `fail-on` level, or an engine preview failed. */
export class PreviewFailedError extends Error {
  override name = "PreviewFailedError";
  constructor(readonly reasons: string[]) {
    super(reasons.length === 1 ? (reasons[0] ?? "") : reasons.map((r) => `- ${r}`).join("\n"));
  }
}

/** The base commit is not in the checkout (a shallow clone). */
export class BaseNotFetchedError extends Error {
  override name = "BaseNotFetchedError";
}

/** Why the comment is not posted, or undefined when it is. */
export function commentSkipReason(request: ActionPreviewRequest): string | undefined {
  const pr = request.github.pullRequest;
  if (!pr) return `not a pull request (event ${request.github.eventName || "unknown"}): no comment`;
  // pull_request_target runs with the base repository's token, which may write, fork or not.
  if (pr.isFork && request.github.eventName !== "pull_request_target")
    return "fork pull request: the token is read-only, so no comment is posted";
  if (!request.commentOnPr) return "comment-on-pr is false: no comment";
  return undefined;
}

/** Why the engine part is skipped before any availability check, or undefined. */
export function engineSkipReason(request: ActionPreviewRequest): string | undefined {
  if (request.github.eventName === "pull_request_target") return TARGET_SKIP_REASON;
  if (request.github.pullRequest?.isFork) return FORK_SKIP_REASON;
  if (request.pulumiEngine === "off") return "the engine part is turned off (pulumi-engine: off)";
  return undefined;
}

/**
 * Runs the preview and reports it. Returns the result when the job passes; throws
 * PreviewFailedError (after writing every report and output) when it fails.
 */
export async function runActionPreview(
  request: ActionPreviewRequest,
  deps: ActionPreviewDeps,
  io: ActionIo,
): Promise<ActionPreviewResult> {
  const baseLabel =
    request.baseRef === undefined
      ? "no base (everything is new)"
      : `${request.baseRef} (${request.baseRefSource})`;
  io.info(`Previewing ${request.policiesDir}/ against ${baseLabel}`);

  let report: PreviewReport;
  try {
    const opts: PreviewRequest = { policiesDir: request.policiesDir };
    if (request.baseRef !== undefined) opts.baseRef = request.baseRef;
    if (request.environments) opts.environments = request.environments;
    const headSha = request.github.pullRequest?.headSha ?? request.github.sha;
    if (headSha) opts.headRef = headSha;
    if ("skipReason" in deps.engine) opts.engineSkipReason = deps.engine.skipReason;
    if (request.flows.length > 0 && deps.readObserved) {
      const byEnvironment = await deps.readObserved();
      // A pull request from a fork never sees more than services and counts.
      const detail = request.github.pullRequest?.isFork ? "services" : request.flowsDetail;
      if (byEnvironment.size > 0) opts.observed = { byEnvironment, detail, at: deps.now() };
    }
    report = await runPreview(
      {
        git: deps.git,
        readHead: deps.readHead,
        ...("engine" in deps.engine ? { engine: deps.engine.engine } : {}),
      },
      opts,
    );
  } catch (error) {
    const failure =
      error instanceof BaseRefNotFoundError
        ? new BaseNotFetchedError(
            `${error.message}. The checkout must contain the base commit: use actions/checkout with fetch-depth: 0.`,
          )
        : error;
    // The job summary says why there is no preview, so a reader need not open the log.
    if (request.runner.stepSummaryPath) {
      const message = failure instanceof Error ? failure.message : String(failure);
      const scrub = createScrubber(request.secrets);
      await io.writeSummary(
        `## Network policy preview\n\nThe preview could not run: ${escapeMarkdown(scrub.scrub(message))}\n`,
      );
    }
    throw failure;
  }
  // Engine and cluster errors may quote a credential: nothing below sees an unscrubbed string.
  const scrubber = createScrubber(request.secrets);
  report = scrubber.scrubDeep(report);
  const outputs = previewOutputs(report);

  // 1. The job summary, always.
  let summaryHoldsAll = true;
  if (request.runner.stepSummaryPath) {
    const summary = renderSummaryWithTier(report, sourceLinks(request, report));
    summaryHoldsAll = summary.tier === "full";
    await io.writeSummary(scrubber.scrub(summary.body));
  } else {
    io.info("No job summary file (GITHUB_STEP_SUMMARY is not set): the summary is not written.");
  }

  // 2. Annotations: the most important ten of each type, then a notice for the rest.
  const headErrors = report.intentErrors.filter((e) => e.side === "head");
  const lint = report.environments.flatMap((e) => e.lint);
  emitAnnotations(planAnnotations(headErrors, lint), io);
  for (const env of report.environments) {
    if (env.engine.status === "failed") io.warn(`Pulumi preview for ${env.name}: ${env.engine.error}`);
  }

  // 3. Outputs and the JSON report.
  io.setOutput("changed", String(outputs.changed));
  io.setOutput("flows-added", String(outputs.flowsAdded));
  io.setOutput("flows-removed", String(outputs.flowsRemoved));
  io.setOutput("lint-errors", String(outputs.lintErrors));
  const reportPath = join(request.runner.temp, "netpol-rollout", "preview-report.json");
  const json = `${JSON.stringify({ schemaVersion: 1, outputs, report }, null, 2)}\n`;
  await deps.writeReport(reportPath, scrubber.scrub(json));
  io.setOutput("report", reportPath);

  // 4. The sticky comment, when there is a pull request we may write to.
  const failures = failureReasons(report, outputs, request.failOn);
  let comment: StickyCommentResult | undefined;
  const skip = commentSkipReason(request);
  const pr = request.github.pullRequest;
  if (skip !== undefined || !pr) {
    io.info(skip ?? "no comment");
  } else if (!deps.github) {
    io.info("no GitHub client: no comment");
  } else {
    const summaryUrl = runUrl(request.github);
    const body = renderComment(report, {
      ...(summaryUrl ? { summaryUrl } : {}),
      summaryHoldsAll,
      ...sourceLinks(request, report),
    });
    try {
      comment = await deps.github.upsertStickyComment(
        { owner: request.github.owner, repo: request.github.repo, number: pr.number },
        MARKER,
        scrubber.scrub(body),
      );
      const removed =
        comment.removed > 0
          ? ` (${plural(comment.removed, "duplicate")} from runs at the same time removed)`
          : "";
      io.info(`Pull request comment ${comment.action}: ${comment.url}${removed}`);
    } catch (error) {
      if (error instanceof GitHubPermissionError) {
        io.warn(
          `Could not comment on pull request #${pr.number}: ${error.message}. The token is read-only ` +
            "(a pull request from a fork, or the workflow lacks `permissions: pull-requests: write`); the report is in the job summary.",
        );
      } else if (error instanceof GitHubRateLimitError) {
        const reset = error.resetAt ? ` until ${error.resetAt.toISOString()}` : "";
        io.warn(
          `Could not comment on pull request #${pr.number}: rate limited${reset} (${error.message}); the report is in the job summary.`,
        );
      } else if (error instanceof GitHubApiError) {
        failures.push(
          `the pull request comment could not be posted: ${error.message}. The report is in the job summary and in ${reportPath}; re-run the job to post it.`,
        );
      } else {
        throw error;
      }
    }
  }

  // 5. Pass or fail.
  const result: ActionPreviewResult = { report, outputs, reportPath, failures };
  if (comment) result.comment = comment;
  if (failures.length > 0) throw new PreviewFailedError(failures);
  io.info(
    outputs.changed
      ? `Preview: ${plural(outputs.flowsAdded, "flow")} opened, ${outputs.flowsRemoved} closed.`
      : "Preview: no change.",
  );
  return result;
}

/** Why the job fails under `fail-on`; an invalid intent always fails. */
export function failureReasons(report: PreviewReport, outputs: PreviewOutputs, failOn: FailOn): string[] {
  const reasons: string[] = [];
  if (outputs.invalid) {
    reasons.push(
      `the intent is invalid: ${plural(outputs.intentErrors, "error")} (see the annotations and the job summary)`,
    );
  }
  if (failOn === "never") return reasons;
  if (outputs.lintErrors > 0)
    reasons.push(`lint found ${plural(outputs.lintErrors, "error")} (fail-on: ${failOn})`);
  if (failOn === "warning" && outputs.lintWarnings > 0) {
    reasons.push(`lint found ${plural(outputs.lintWarnings, "warning")} (fail-on: warning)`);
  }
  for (const env of report.environments) {
    if (env.engine.status === "failed")
      reasons.push(`the Pulumi preview of ${env.name} failed: ${env.engine.error}`);
  }
  return reasons;
}

/**
 * Links from the reports to the intent files: at the head commit for opened flows and
 * errors, at the base commit for closed flows (their lines exist only there).
 */
function sourceLinks(
  request: ActionPreviewRequest,
  report: PreviewReport,
): { sourceUrl?: string; baseSourceUrl?: string } {
  const { github } = request;
  if (!github.owner) return {};
  const blob = (sha: string): string =>
    `${github.serverUrl.replace(/\/+$/, "")}/${github.owner}/${github.repo}/blob/${sha}/`;
  const sha = github.pullRequest?.headSha ?? github.sha;
  return {
    ...(sha ? { sourceUrl: blob(sha) } : {}),
    ...(report.baseSha ? { baseSourceUrl: blob(report.baseSha) } : {}),
  };
}

/**
 * The intent at the pull request's head under pull_request_target, read as git objects:
 * the checkout there is the base commit, and the head (anyone's code, with secrets present)
 * is never checked out or run. Refuses when the head commit is not in the repository.
 */
export async function readHeadObjects(git: GitReader, request: ActionPreviewRequest): Promise<SourceFile[]> {
  const pr = request.github.pullRequest;
  const head = pr?.headSha;
  if (!pr || !head) throw new HeadNotFetchedError("pull_request_target: the event names no head commit");
  const sha = await git.resolve(head);
  if (!sha) {
    throw new HeadNotFetchedError(
      `pull_request_target: the head commit ${head} of pull request #${pr.number} is not in the checkout, which holds the base. ` +
        `Fetch it as git objects without checking it out, before this step: ` +
        `git fetch --no-tags origin +refs/pull/${pr.number}/head:refs/remotes/pull/${pr.number}/head`,
    );
  }
  return git.readTree(sha, request.policiesDir);
}
