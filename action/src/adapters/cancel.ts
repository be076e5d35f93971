/**
 * Cancellation of a deploy, as the Actions runner does it: SIGINT, then SIGTERM 7.5 s
 * later, then SIGKILL 2.5 s after that. Without handlers Node exits at the first signal,
 * mid-step and with probe pods left behind; with them, the first signal aborts the run (no
 * new step starts, the probe phase deletes its pods) and the process ends on its own.
 * Nothing here can leave a default-deny without its allows: the engine orders those within
 * each update, however it is interrupted.
 */
import { setMaxListeners } from "node:events";
export interface SignalSource {
  on(signal: "SIGINT" | "SIGTERM", listener: () => void): unknown;
  off(signal: "SIGINT" | "SIGTERM", listener: () => void): unknown;
}

export interface Cancellation {
  signal: AbortSignal;
  /** Removes the handlers (the default behaviour comes back). */
  dispose(): void;
}

export function cancelOnSignals(source: SignalSource, log: (line: string) => void): Cancellation {
  const controller = new AbortController();
  // Every concurrent wait of a run listens on this one signal (a probe round per probe pod,
  // each removing its listener when it ends): more than Node's warning threshold of 10.
  setMaxListeners(0, controller.signal);
  const handlers = (["SIGINT", "SIGTERM"] as const).map((name) => {
    const handler = () => {
      if (!controller.signal.aborted) {
        log(`${name} received: cancelling; no further step starts and the probe pods are deleted`);
        controller.abort(new Error(`cancelled by ${name}`));
      } else {
        log(`${name} received again: still cleaning up`);
      }
    };
    source.on(name, handler);
    return { name, handler };
  });
  return {
    signal: controller.signal,
    dispose() {
      for (const { name, handler } of handlers) source.off(name, handler);
    },
  };
}
