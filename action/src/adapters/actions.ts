/** The ActionIo port over `@actions/core`: logs, annotations, outputs and the job summary on the runner. */
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
