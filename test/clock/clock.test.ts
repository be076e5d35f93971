import { describe, expect, it } from "vitest";
import { systemClock } from "../../action/src/adapters/clock.js";
import { lockClock } from "../../action/src/adapters/lease-lock.js";

describe("the real clock's sleep", () => {
  it("ends at once when its signal aborts, and when the signal had aborted before it began", async () => {
    const controller = new AbortController();
    const started = performance.now();
    const sleeping = systemClock.sleep(60_000, controller.signal);
    controller.abort();
    await sleeping;
    await systemClock.sleep(60_000, controller.signal);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("is the run lock's sleep too", async () => {
    const controller = new AbortController();
    controller.abort();
    const started = performance.now();
    await lockClock.sleep(60_000, controller.signal);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
