/** The commands' requests made from the Action's settings. */
import type { ActionPreviewRequest } from "../commands/action-preview.js";
import type { RolloutActionRequest } from "../commands/action-rollout.js";
import { runUrl } from "../commands/github-run.js";
import type { ClusterCommandSettings, PreviewSettings } from "./types.js";

/** What the preview is asked to do: no token, no Pulumi variables (the adapters get those). */
export function actionPreviewRequest(settings: PreviewSettings): ActionPreviewRequest {
  const { runner } = settings;
  return {
    policiesDir: settings.policiesDir,
    ...(settings.environments ? { environments: [...settings.environments] } : {}),
    ...(settings.baseRef !== undefined ? { baseRef: settings.baseRef } : {}),
    baseRefSource: settings.baseRefSource,
    failOn: settings.failOn,
    commentOnPr: settings.commentOnPr,
    pulumiEngine: settings.pulumiEngine,
    flows: settings.flows.map((f) => ({ ...f })),
    flowsDetail: settings.flowsDetail,
    github: settings.github,
    runner: {
      temp: runner.temp,
      ...(runner.stepSummaryPath ? { stepSummaryPath: runner.stepSummaryPath } : {}),
    },
    secrets: [...settings.secrets],
  };
}

/** What deploy, rollback or probe is asked to do; the kubeconfig's secrets join `secrets` once it is read. */
export function rolloutActionRequest(settings: ClusterCommandSettings): RolloutActionRequest {
  const { github } = settings;
  const url = runUrl(github);
  return {
    command: settings.command,
    ...(settings.environments ? { environments: [...settings.environments] } : {}),
    target: settings.command === "rollback" ? settings.target : "",
    reason: settings.command === "rollback" ? settings.reason : "",
    onInconclusive: settings.command === "probe" ? "fail" : settings.onInconclusive,
    breakGlass: settings.command === "probe" ? "never" : settings.breakGlass,
    ...(settings.command === "deploy" && settings.revision ? { revision: settings.revision } : {}),
    run: {
      ...(github.runId ? { id: github.runId } : {}),
      ...(github.runAttempt ? { attempt: github.runAttempt } : {}),
      ...(url ? { url } : {}),
      ...(github.actor ? { actor: github.actor } : {}),
      ...(github.eventName ? { event: github.eventName } : {}),
    },
    temp: settings.runner.temp,
    hasSummary: settings.runner.stepSummaryPath !== undefined,
    secrets: [...settings.secrets],
    ...(settings.lockWaitSeconds === undefined ? {} : { lockWaitMs: settings.lockWaitSeconds * 1000 }),
    ...(settings.command === "deploy"
      ? { observed: { detail: settings.flowsDetail, proceed: settings.enforceDespiteFlows } }
      : {}),
  };
}
