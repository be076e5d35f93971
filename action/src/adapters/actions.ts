/**
 * The ActionIo port over `@actions/core`: logs, annotations, outputs and the job summary on
 * the runner; and the step's own status: masked values, debug lines, failure.
 */
import * as core from "@actions/core";
import type { ActionIo } from "../ports/actions.js";

export function createActionsIo(): ActionIo {
  return {
    info: (message) => core.info(message),
    warn: (message) => core.warning(message),
    error: (message, props) => core.error(message, props),
    warning: (message, props) => core.warning(message, props),
    notice: (message) => core.notice(message),
    setOutput: (name, value) => core.setOutput(name, value),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write();
    },
  };
}

/** What the Action's entry tells the runner about the step itself. */
export interface StepStatus {
  /** Masks `value` in every later log line. */
  mask(value: string): void;
  /** A line shown only with step debug logging (ACTIONS_STEP_DEBUG). */
  debug(message: string): void;
  /** Fails the step with `message`. */
  fail(message: string): void;
}

export function createStepStatus(): StepStatus {
  return {
    mask: (value) => core.setSecret(value),
    debug: (message) => core.debug(message),
    fail: (message) => core.setFailed(message),
  };
}
