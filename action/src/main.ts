/**
 * The Action: parse the settings once, run the command, report a failure once.
 * `run()` is exported for tests; `index.ts` only calls it.
 */
import { actionPreviewRequest, parseSettings } from "./settings/index.js";
import { runActionPreview } from "./commands/action-preview.js";
import type { ActionIo } from "./ports/actions.js";
import { actionIo, cancelOnSignals, settingsSource, stepStatus, type SignalSource } from "./wiring/action.js";
import { previewDeps } from "./wiring/preview-adapters.js";
import type { RolloutWiringOptions } from "./wiring/rollout-adapters.js";

export interface RunOptions {
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
  io?: ActionIo;
  /** Where SIGINT and SIGTERM come from (the process). */
  signals?: SignalSource;
  /** Adapter options of deploy, rollback and probe (tests shorten timeouts). */
  rollout?: RolloutWiringOptions;
}

/** Runs the Action. Never throws: a failure sets the step's failed status once. */
export async function run(options: RunOptions = {}): Promise<void> {
  const io = options.io ?? actionIo();
  const step = stepStatus();
  try {
    const settings = parseSettings(settingsSource(options.env ?? process.env, options.cwd ?? process.cwd()));
    for (const secret of settings.secrets) step.mask(secret);
    io.info(`netpol-rollout ${settings.command}`);
    switch (settings.command) {
      case "preview":
        await runActionPreview(actionPreviewRequest(settings), previewDeps(settings, io), io);
        return;
      case "deploy":
      case "rollback":
      case "probe": {
        // The runner cancels with SIGINT, then SIGTERM: no new step starts, probe pods are deleted.
        const cancel = cancelOnSignals(options.signals ?? process, (line) => io.warn(line));
        try {
          // Loaded on first use: the Kubernetes client is of no use to a preview.
          const { rolloutWiring } = await import("./wiring/rollout-adapters.js");
          const { checkStateNamespace, runActionRollout } = await import("./commands/action-rollout.js");
          const wired = rolloutWiring(settings, io, { ...options.rollout, signal: cancel.signal });
          for (const secret of wired.secrets) step.mask(secret);
          if (settings.command !== "probe") await checkStateNamespace(wired.cluster, settings.stateNamespace);
          await runActionRollout(wired.request, wired.deps, io);
        } finally {
          cancel.dispose();
        }
        return;
      }
    }
  } catch (error) {
    // The stack trace only with step debug logging (ACTIONS_STEP_DEBUG); the message always.
    if (error instanceof Error && error.stack) step.debug(error.stack);
    step.fail(error instanceof Error ? error.message : String(error));
  }
}
