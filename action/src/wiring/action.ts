/**
 * What the Action's entry takes from the runner: the runtime's logs, outputs and summary,
 * the step's status, where its settings come from, and cancellation on the runner's signals.
 */
import { createActionsIo, createStepStatus, type StepStatus } from "../adapters/actions.js";
import { cancelOnSignals, type SignalSource } from "../adapters/cancel.js";
import { osTempDir, readTextFileSync } from "../adapters/runner.js";
import type { ActionIo } from "../ports/actions.js";
import type { SettingsSource } from "../settings/index.js";

export { cancelOnSignals, type SignalSource, type StepStatus };

export function actionIo(): ActionIo {
  return createActionsIo();
}

export function stepStatus(): StepStatus {
  return createStepStatus();
}

/** The process's variables and working directory, the event payload read from disk, the OS temp directory. */
export function settingsSource(env: SettingsSource["env"], cwd: string): SettingsSource {
  return { env, cwd, readFile: readTextFileSync, tmpdir: osTempDir() };
}
