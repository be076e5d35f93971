/**
 * A lock clock moved by hand: `now()` stands still until `advance`, which wakes every
 * sleeper whose time has come. `wall()` is `now()` plus a start date and a skew, so a test
 * can give one run a clock that is hours off another's.
 */
import type { LockClock } from "../../action/src/ports/lock.js";

export class ManualClock implements LockClock {
  private t = 0;
  private sleepers: { at: number; wake: () => void }[] = [];

  constructor(
    private readonly start = Date.parse("2026-03-01T12:00:00Z"),
    /** Added to the wall clock only (the monotonic clock has no date). */
    public skewMs = 0,
  ) {}

  now(): number {
    return this.t;
  }

  wall(): Date {
    return new Date(this.start + this.t + this.skewMs);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const sleeper = {
        at: this.t + Math.max(0, ms),
        wake: () => {
          this.sleepers = this.sleepers.filter((s) => s !== sleeper);
          signal?.removeEventListener("abort", sleeper.wake);
          resolve();
        },
      };
      this.sleepers.push(sleeper);
      signal?.addEventListener("abort", sleeper.wake, { once: true });
    });
  }

  /** Moves time on by `ms`, waking sleepers in time order. */
  advance(ms: number): void {
    this.t += ms;
    for (const s of [...this.sleepers].sort((a, b) => a.at - b.at)) if (s.at <= this.t) s.wake();
  }

  /** Sleepers waiting now. */
  get waiting(): number {
    return this.sleepers.length;
  }
}
