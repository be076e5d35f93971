/**
 * The Action's `deploy`, `rollback` and `probe` (drift watch) commands: load and check the
 * whole intent, run the rollout over the ports, then the job summary, the outputs, the JSON
 * report and the short result on the merged pull request; fail the step when anything did
 * not end deployed (or when drift was found).
 *
 * An invalid intent file anywhere (any environment) stops everything before the cluster is
 * read: nothing is deployed from invalid input.
 */
import { join } from "node:path";
import { compileEnvironment } from "../compile/index.js";
import type { EnvironmentIntent, LoadResult } from "../intent/model.js";
import { formatIntentError } from "../intent/model.js";
import { createScrubber } from "../report/scrub.js";
import { escapeMarkdown } from "../text/escape.js";
import type { ObservedDetail } from "../flows/observed-preview.js";
import type { FlowSummary } from "../flows/summary.js";
import { renderDriftSummary, renderPullRequestResult, renderRolloutSummary } from "../report/rollout.js";
import type { BreakGlass } from "../rollout/break-glass.js";
import type { OnInconclusive } from "../rollout/decision.js";
import { checkedOutputs, rolloutOutputs, rolloutSucceeded, type RolloutReport } from "../rollout/outcome.js";
import type { Cluster } from "../ports/cluster.js";
import type { WriteFile } from "../ports/files.js";
import { GitHubPermissionError, type GitHubAdapter } from "../ports/github.js";
import { runRollout } from "./deploy.js";
import type { RolloutDeps, RolloutTarget } from "./deploy/request.js";
import { formatInputError } from "../manifests/input-error.js";
import type { ReplacedPolicies } from "../import/record.js";
import { runDrift, type DriftDeps } from "./drift.js";
import { LAST_KNOWN_GOOD, type RunInfo } from "../rollout/last-known-good.js";
import { runRollback } from "./rollback.js";
import { unknownEnvironmentMessage } from "../intent/environment-names.js";
import type { AccessRole } from "../access/needs.js";
import { accessRefusal, type AccessPreflightResult } from "./access-preflight.js";

/** The Actions runtime as these commands use it. */
export interface RolloutIo {
  info(message: string): void;
  warn(message: string): void;
  setOutput(name: string, value: string): void;
  writeSummary(markdown: string): Promise<void>;
}

/** What the Action's deploy, rollback and probe are asked to do: `settings/` parses the Action's inputs into it. */
export interface RolloutActionRequest {
  command: "deploy" | "rollback" | "probe";
  /** Environments to act on; undefined: all, in promotion order. A rollback needs exactly one. */
  environments?: string[];
  /** rollback: `last-known-good` (default), a recorded revision, or a git ref. */
  target: string;
  /** rollback: why; recorded in the history and the job summary. */
  reason: string;
  onInconclusive: OnInconclusive;
  /** Default `auto`. */
  breakGlass?: BreakGlass;
  /** The commit being deployed (GITHUB_SHA), or undefined. */
  revision?: string;
  run: RunInfo;
  /** Where the JSON report goes (RUNNER_TEMP). */
  temp: string;
  /** Whether a job summary file exists. */
  hasSummary: boolean;
  secrets: string[];
  /** How long to wait for another run's lock of an environment, in ms; default per command. */
  lockWaitMs?: number;
  /** deploy: how a refusal for observed traffic names it, and whether to enforce anyway. */
  observed?: { detail: ObservedDetail; proceed: boolean };
}

/** What became of the short result for the merged pull request. */
export type NotifyResult =
  | { posted: true; number: number; url: string }
  /** Nothing to post to, or the token may not: a log line, never a failure. */
  | { posted: false; reason: string };

/** Posts the short result on the pull request a merge commit came from, when the token allows. */
export interface PullRequestNotifier {
  post(commit: string, body: string): Promise<NotifyResult>;
}

/**
 * The notifier over the GitHub port: the pull request merged as `commit` (else the one
 * whose head it is), one comment per run of these environments (its own sticky marker, so a
 * re-run updates it and staging's job never edits production's), under the comment
 * ownership rules of the preview comment: only a comment written by our identity is ours.
 */
export function pullRequestNotifier(
  github: GitHubAdapter,
  repository: { owner: string; repo: string },
  environments: readonly string[] | undefined,
): PullRequestNotifier {
  const marker = `<!-- netpol-rollout:deploy-result ${environments === undefined ? "*" : [...environments].sort().join(",")} -->`;
  return {
    async post(commit, body) {
      let pulls;
      try {
        pulls = await github.pullRequestsOfCommit(repository, commit);
      } catch (error) {
        if (error instanceof GitHubPermissionError) {
          return {
            posted: false,
            reason: `the token may not read the pull requests of ${commit.slice(0, 12)}`,
          };
        }
        throw error;
      }
      const pr =
        pulls.find((p) => p.merged && p.mergeCommitSha === commit) ?? pulls.find((p) => p.merged) ?? pulls[0];
      if (pr === undefined) {
        return { posted: false, reason: `no pull request holds ${commit.slice(0, 12)} (pushed directly)` };
      }
      try {
        const result = await github.upsertStickyComment(
          { ...repository, number: pr.number },
          marker,
          `${marker}\n${body}`,
        );
        return { posted: true, number: pr.number, url: result.url };
      } catch (error) {
        if (error instanceof GitHubPermissionError) {
          return {
            posted: false,
            reason: `the token may not comment on pull request #${pr.number} (the job needs permissions: pull-requests: write)`,
          };
        }
        throw error;
      }
    },
  };
}

export interface RolloutActionDeps {
  /** Every intent file of the checkout, loaded and checked. */
  readIntent(): Promise<LoadResult>;
  /** The access pre-flight (commands/access-preflight.ts); a problem refuses the run before any change. */
  access?: (environments: EnvironmentIntent[], role: AccessRole) => Promise<AccessPreflightResult>;
  /** The policies an environment replaces (`replaces:`), as its record in the checkout holds them. */
  readReplaced?(env: EnvironmentIntent): Promise<ReplacedPolicies>;
  rollout: RolloutDeps;
  notifier?: PullRequestNotifier;
  /** Writes the JSON report file. */
  writeReport: WriteFile;
  signal?: AbortSignal;
  /** deploy: the `flows` input's observed traffic per environment ("*": every one). */
  readObserved?: () => Promise<ReadonlyMap<string, FlowSummary>>;
}

/** The step fails; the reports and outputs are written. */
export class RolloutFailedError extends Error {
  override name = "RolloutFailedError";
}

export async function runActionRollout(
  request: RolloutActionRequest,
  deps: RolloutActionDeps,
  io: RolloutIo,
): Promise<void> {
  const scrubber = createScrubber(request.secrets);
  const loaded = await deps.readIntent();
  if (!loaded.ok) {
    const lines = loaded.errors.map(formatIntentError);
    if (request.hasSummary) {
      await io.writeSummary(
        scrubber.scrub(
          [
            `## netpol-rollout ${request.command}: ❌ refused, the intent is invalid`,
            "",
            "Nothing was deployed anywhere: every intent file must be valid.",
            "",
            ...lines.map((l) => `- ${escapeMarkdown(l)}`),
          ].join("\n"),
        ),
      );
    }
    throw new RolloutFailedError(
      `the intent is invalid (${lines.length} error${lines.length === 1 ? "" : "s"}); nothing was deployed:\n${lines.join("\n")}`,
    );
  }
  const environments = selectEnvironments(loaded.intent.environments, request.environments);
  refuseClusterLists(environments, request.command);
  if (deps.access) {
    const access = await deps.access(environments, request.command === "probe" ? "drift" : "deploy");
    if (access.problems.length > 0) {
      const refusal = accessRefusal(
        request.command,
        environments.map((e) => e.name),
        access,
      );
      if (request.hasSummary) await io.writeSummary(scrubber.scrub(refusal.markdown));
      throw new RolloutFailedError(scrubber.scrub(refusal.text));
    }
    io.info(
      `Access pre-flight passed: ${access.asked} permissions asked${access.identity ? ` for ${access.identity}` : ""}; a probe pod and its run object admitted (dry run) in ${access.tried.join(", ") || "no namespace"}`,
    );
    for (const note of access.notes) io.info(`Access pre-flight: ${note}`);
  }

  if (request.command === "probe") {
    const report = await runDrift(environments, driftDeps(deps.rollout, request.lockWaitMs), deps.signal);
    const safe = scrubber.scrubDeep(report);
    for (const e of safe.environments) {
      if (e.skipped !== undefined) io.warn(`${e.environment}: not checked for drift: ${e.skipped}`);
    }
    if (request.hasSummary) await io.writeSummary(scrubber.scrub(renderDriftSummary(safe)));
    const probes = safe.environments.map((e) => e.probe).filter((p) => p !== undefined);
    setOutputs(io, {
      drift: safe.drift,
      "probe-passed": probes.reduce((n, p) => n + p.counts.passed, 0),
      "probe-failed": probes.reduce((n, p) => n + p.counts.failed, 0),
      "probe-inconclusive": probes.reduce((n, p) => n + p.counts.inconclusive, 0),
    });
    await writeJson(
      deps,
      request,
      "drift-report.json",
      scrubber.scrub(JSON.stringify({ schemaVersion: 1, report: safe }, null, 2)),
      io,
    );
    if (safe.drift) {
      throw new RolloutFailedError(
        `drift: ${safe.environments
          .filter((e) => e.drift)
          .map((e) =>
            e.noRecord
              ? `${e.environment} (no record of what runs)`
              : `${e.environment} (${e.findings.length} object${e.findings.length === 1 ? "" : "s"} changed by hand, ${e.failing.length} check${e.failing.length === 1 ? "" : "s"} of the running revision failed)`,
          )
          .join(", ")}; see the job summary`,
      );
    }
    return;
  }

  let report: RolloutReport;
  if (request.command === "rollback") {
    if (environments.length !== 1) {
      throw new RolloutFailedError(
        `a rollback acts on exactly one environment; got ${environments.length === 0 ? "none" : environments.map((e) => e.name).join(", ")} (set the environment input)`,
      );
    }
    if (request.reason.trim() === "") {
      throw new RolloutFailedError(
        "a rollback needs a reason (the reason input): it is recorded in the history",
      );
    }
    report = await runRollback(
      {
        environment: environments[0] as EnvironmentIntent,
        target: request.target || LAST_KNOWN_GOOD,
        reason: request.reason,
        onInconclusive: request.onInconclusive,
        ...(request.breakGlass === undefined ? {} : { breakGlass: request.breakGlass }),
        run: request.run,
        ...(deps.signal === undefined ? {} : { signal: deps.signal }),
        ...(request.lockWaitMs === undefined ? {} : { lockWaitMs: request.lockWaitMs }),
      },
      deps.rollout,
    );
  } else {
    // Read before the cluster is: a bad flow record fails the step at its file:line, nothing changed.
    const byEnvironment = deps.readObserved ? await deps.readObserved() : undefined;
    const observed =
      byEnvironment && byEnvironment.size > 0
        ? {
            byEnvironment,
            detail: request.observed?.detail ?? "services",
            proceed: request.observed?.proceed ?? false,
          }
        : undefined;
    const targets: RolloutTarget[] = [];
    for (const intent of environments) {
      const target: RolloutTarget = {
        intent,
        bundle: { ...compileEnvironment(intent), excludedNamespaces: [...intent.excludedNamespaces] },
        revision: request.revision ?? null,
      };
      if (intent.replaces && deps.readReplaced) {
        const replaced = await deps.readReplaced(intent);
        if (replaced.errors.length > 0)
          throw new RolloutFailedError(
            `the record of the policies ${intent.name} replaces is invalid; nothing was deployed:\n${replaced.errors.map(formatInputError).join("\n")}`,
          );
        target.replaced = { policies: replaced.policies, ciliumPolicies: replaced.ciliumPolicies };
      }
      targets.push(target);
    }
    report = await runRollout(
      {
        action: "deploy",
        targets,
        onInconclusive: request.onInconclusive,
        ...(request.breakGlass === undefined ? {} : { breakGlass: request.breakGlass }),
        run: request.run,
        ...(deps.signal === undefined ? {} : { signal: deps.signal }),
        ...(request.lockWaitMs === undefined ? {} : { lockWaitMs: request.lockWaitMs }),
        ...(observed ? { observed } : {}),
      },
      deps.rollout,
    );
  }

  // Engine and cluster errors may quote a credential: nothing below sees an unscrubbed string.
  const safe = scrubber.scrubDeep(report);
  if (request.hasSummary) await io.writeSummary(scrubber.scrub(renderRolloutSummary(safe)));
  else io.info(renderRolloutSummary(safe));
  const outputs = setOutputs(io, rolloutOutputs(safe));
  await writeJson(
    deps,
    request,
    `${request.command}-report.json`,
    scrubber.scrub(JSON.stringify({ schemaVersion: 1, outputs, report: safe }, null, 2)),
    io,
  );

  if (request.command === "deploy" && deps.notifier && request.revision) {
    try {
      const result = await deps.notifier.post(
        request.revision,
        scrubber.scrub(renderPullRequestResult(safe, request.run.url)),
      );
      io.info(
        result.posted
          ? `Result posted on pull request #${result.number}: ${result.url}`
          : `The result was not posted on a pull request: ${result.reason}`,
      );
    } catch (error) {
      // The result is in the job summary either way; GitHub failing never fails the deploy.
      io.warn(
        `The result was not posted on the pull request: ${scrubber.scrub(error instanceof Error ? error.message : String(error))}`,
      );
    }
  }

  if (!rolloutSucceeded(safe)) {
    const lines = [
      ...safe.refusals.map((r) => `refused (nothing was changed): ${r}`),
      ...safe.environments
        .filter((e) => e.status !== "deployed" && e.status !== "skipped")
        .map(
          (e) =>
            `${e.environment}: ${e.status}${e.reason ? `: ${e.reason}` : ""}${e.recovery ? `. Recovery: ${e.recovery}` : ""}`,
        ),
    ];
    if (safe.cancelled) lines.push("the job was cancelled");
    throw new RolloutFailedError(lines.join("\n"));
  }
}

/** The named environments (all when undefined), in promotion order. Unknown names are an error listing the known ones. */
export function selectEnvironments(all: EnvironmentIntent[], names?: string[]): EnvironmentIntent[] {
  const ordered = [...all].sort((a, b) => a.order - b.order || (a.name < b.name ? -1 : 1));
  if (names === undefined) return ordered;
  const unknown = names.filter((n) => !all.some((e) => e.name === n));
  if (unknown.length > 0) {
    throw new RolloutFailedError(
      unknown
        .map((n) =>
          unknownEnvironmentMessage(
            n,
            ordered.map((e) => e.name),
          ),
        )
        .join("\n"),
    );
  }
  return ordered.filter((e) => names.includes(e.name));
}

/** Sets the step outputs, each checked against its format; a refused one is set empty with a warning. */
function setOutputs<T extends object>(io: RolloutIo, outputs: T): T {
  const { values, checked, refused } = checkedOutputs(outputs);
  for (const problem of refused) io.warn(problem);
  for (const [name, value] of Object.entries(values)) io.setOutput(name, value);
  return checked;
}

/**
 * An environment that lists `clusters:` is not rolled out yet: one stack and one record per
 * environment would mix its clusters, and the environment's bundle is not each cluster's when
 * a cluster has its own cni or nodeCidrs. Refused before any lock or cluster is touched.
 */
function refuseClusterLists(environments: EnvironmentIntent[], command: string): void {
  const listed = environments.filter((e) => e.clusters !== undefined);
  if (listed.length === 0) return;
  throw new RolloutFailedError(
    listed
      .map(
        (e) =>
          `${e.name}: lists clusters (${e.clusters!.map((c) => c.name).join(", ")}), which ${command} does not roll out yet; nothing was changed (docs/fleet.md says what works now)`,
      )
      .join("\n"),
  );
}

function driftDeps(deps: RolloutDeps, lockWaitMs: number | undefined): DriftDeps {
  return {
    readCluster: deps.readCluster,
    locks: deps.locks,
    ...(lockWaitMs === undefined ? {} : { lockWaitMs }),
    history: deps.history,
    probes: deps.probes,
    compileAt: deps.compileAt,
    now: deps.now,
    log: deps.log,
  };
}

async function writeJson(
  deps: RolloutActionDeps,
  request: RolloutActionRequest,
  name: string,
  text: string,
  io: RolloutIo,
): Promise<void> {
  const path = join(request.temp, "netpol-rollout", name);
  await deps.writeReport(path, `${text}\n`);
  io.setOutput("report", path);
}

/**
 * The history ConfigMaps' namespace must exist before anything is deployed: a proven
 * deploy that cannot record itself would leave the next run without a last-known-good.
 */
export async function checkStateNamespace(cluster: Cluster, namespace: string): Promise<void> {
  const found = await cluster.inventory([namespace]);
  if (found.namespaces.length === 0) {
    const { server, context } = cluster.identity();
    throw new StateNamespaceMissingError(
      `state-namespace "${namespace}" does not exist in ${server} (context "${context}"); ` +
        `each environment's last-known-good is kept there in a ConfigMap: create it ` +
        `(kubectl create namespace ${namespace}) and let this identity get, create and update ConfigMaps in it, ` +
        `or set state-namespace to an existing one. Nothing was deployed`,
    );
  }
}

export class StateNamespaceMissingError extends Error {
  override name = "StateNamespaceMissingError";
}
