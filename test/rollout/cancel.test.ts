/**
 * Cancellation as the runner signals it: SIGINT, then SIGTERM 7.5 s later.
 */
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { cancelOnSignals } from "../../action/src/adapters/cancel.js";

describe("cancellation", () => {
  it("the first signal aborts the run and the second does not end the process", () => {
    const source = new EventEmitter();
    const logs: string[] = [];
    const c = cancelOnSignals(source, (l) => logs.push(l));
    expect(c.signal.aborted).toBe(false);
    source.emit("SIGINT");
    expect(c.signal.aborted).toBe(true);
    source.emit("SIGTERM");
    expect(logs).toEqual([
      "SIGINT received: cancelling; no further step starts and the probe pods are deleted",
      "SIGTERM received again: still cleaning up",
    ]);
    c.dispose();
    expect(source.listenerCount("SIGINT") + source.listenerCount("SIGTERM")).toBe(0);
  });

  it("SIGTERM alone aborts too", () => {
    const source = new EventEmitter();
    const c = cancelOnSignals(source, () => undefined);
    source.emit("SIGTERM");
    expect(c.signal.aborted).toBe(true);
  });

  it("serves every concurrent wait of a run (one per probe pod) without a listener leak warning", async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on("warning", onWarning);
    const c = cancelOnSignals(new EventEmitter(), () => undefined);
    for (let i = 0; i < 50; i++) c.signal.addEventListener("abort", () => undefined);
    await new Promise((r) => setTimeout(r, 10));
    process.off("warning", onWarning);
    expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
    c.dispose();
  });
});
