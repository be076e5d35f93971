/** The commands' requests made from the Action's settings. */
import type { RolloutActionRequest } from "../commands/action-rollout.js";
import { runUrl } from "../commands/github-run.js";
import type { ClusterCommandSettings } from "./types.js";

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
