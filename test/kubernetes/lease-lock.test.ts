/**
 * The run lock through the real `@kubernetes/client-node` Lease calls against the HTTP fake,
 * whose replace answers 409 Conflict on a stale resourceVersion like the API server. Time is
 * a hand-moved clock: expiry, renewal and deadlines are driven step by step.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadKubeConfig, resolveKubeSource } from "../../action/src/adapters/kubernetes/config.js";
import { KubeLeases } from "../../action/src/adapters/kubernetes/leases.js";
import { createLeaseLocks } from "../../action/src/adapters/lease-lock.js";
import {
  LockBusyError,
  LockError,
  LockLostError,
  type HeldLock,
  type RunLocks,
} from "../../action/src/ports/lock.js";
import { lockLeaseName, type LockRun } from "../../action/src/rollout/lock.js";
import { startFakeKube, type FakeKube, type FakeKubeOptions, type Json } from "../fakes/kube-server.js";
import { ManualClock } from "../helpers/manual-clock.js";

const NS = "netpol-rollout";
const DURATION = 60;
let fake: FakeKube | undefined;
const held: HeldLock[] = [];
afterEach(async () => {
  for (const h of held.splice(0)) await h.release();
  await fake?.close();
  fake = undefined;
});

async function start(options: FakeKubeOptions = {}): Promise<FakeKube> {
  fake = await startFakeKube(options);
  fake.seed("namespaces", [{ metadata: { name: NS } }]);
  return fake;
}

function leasesOf(f: FakeKube, timeoutMs = 2_000, attempts = 3): KubeLeases {
  const dir = mkdtempSync(join(tmpdir(), "lease-"));
  const kubeconfig = join(dir, "config");
  writeFileSync(kubeconfig, f.kubeconfig());
  const { config } = loadKubeConfig(resolveKubeSource({ kubeconfig }, {}));
  return new KubeLeases(config, {
    timeoutMs,
    retry: { attempts, baseDelayMs: 1, maxDelayMs: 1, sleep: () => Promise.resolve() },
  });
}

const deploy: LockRun = {
  command: "deploy",
  runId: "1001",
  attempt: "2",
  actor: "octocat",
  url: "https://github.com/acme/net/actions/runs/1001/attempts/2",
};
const drift: LockRun = { command: "drift", runId: "2002", attempt: "1", actor: "github-actions[bot]" };

function locks(f: FakeKube, run: LockRun, clock: ManualClock, lines: string[] = []): RunLocks {
  return createLeaseLocks(leasesOf(f), {
    namespace: NS,
    run,
    durationSeconds: DURATION,
    pollMs: 1_000,
    clock,
    log: (line) => lines.push(line),
  });
}

const production = { environment: "production" };
const leaseOf = (f: FakeKube, name = lockLeaseName(production)): Json | undefined =>
  f.get("leases", NS, name);
const spec = (lease: Json | undefined): Json => (lease?.spec ?? {}) as Json;
const annotations = (lease: Json | undefined): Record<string, string> =>
  ((lease?.metadata as Json | undefined)?.annotations ?? {}) as Record<string, string>;

/** Lets the lock's HTTP round trips finish after the clock moved. */
const settle = () => new Promise((r) => setTimeout(r, 30));

describe("the run lock in a Lease", () => {
  it("is one Lease per environment, one per cluster of it once named, in the state namespace", () => {
    expect(lockLeaseName({ environment: "production" })).toBe("netpol-rollout-lock-production");
    expect(lockLeaseName({ environment: "production", cluster: "eu-1" })).toBe(
      "netpol-rollout-lock-production-eu-1",
    );
  });

  it("is created naming the run, and a second run is refused naming run, attempt, actor and URL", async () => {
    const f = await start();
    const clock = new ManualClock();
    const mine = await locks(f, deploy, clock).acquire(production, { waitMs: 0 });
    held.push(mine);
    const lease = leaseOf(f);
    expect(spec(lease).holderIdentity).toMatch(/^1001-2-[0-9a-f]{8}$/);
    expect(spec(lease).leaseDurationSeconds).toBe(DURATION);
    expect(spec(lease).renewTime).toMatch(/^2026-03-01T12:00:00\.\d{6}Z$/);
    expect(annotations(lease)).toMatchObject({
      "netpol-rollout.io/lock-command": "deploy",
      "netpol-rollout.io/lock-run": "1001",
      "netpol-rollout.io/lock-attempt": "2",
      "netpol-rollout.io/lock-actor": "octocat",
      "netpol-rollout.io/lock-url": deploy.url,
    });

    const refused = await locks(f, drift, clock)
      .acquire(production, { waitMs: 0 })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LockBusyError);
    expect((refused as Error).message).toBe(
      `the run lock Lease ${NS}/netpol-rollout-lock-production is held by deploy run 1001 attempt 2 by octocat ` +
        `(${deploy.url}), at "acquired"; waited 0.0 s for it to be released (a holder that stops renewing loses it after 60 s)`,
    );
    // Another environment's lock is another Lease.
    held.push(await locks(f, drift, clock).acquire({ environment: "staging" }, { waitMs: 0 }));
  });

  it("lets exactly one of two runs that race for a free lock win, by compare-and-swap", async () => {
    const f = await start();
    const clock = new ManualClock();
    for (let round = 0; round < 5; round++) {
      const scope = { environment: `race-${round}` };
      if (round % 2 === 1) {
        // A released Lease: both replace the same resourceVersion, the API server keeps one.
        const first = await locks(f, drift, clock).acquire(scope, { waitMs: 0 });
        await first.release();
      }
      const results = await Promise.allSettled([
        locks(f, deploy, clock).acquire(scope, { waitMs: 0 }),
        locks(f, drift, clock).acquire(scope, { waitMs: 0 }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r) => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(LockBusyError);
      held.push((won[0] as PromiseFulfilledResult<HeldLock>).value);
    }
    const conflicts = f.requests.filter((r) => r.status === 409).length;
    expect(conflicts).toBeGreaterThan(0);
  });

  it("waits for a holder that releases, then takes it at once, without calling it expired", async () => {
    const f = await start();
    const clock = new ManualClock();
    const first = await locks(f, deploy, clock).acquire(production, { waitMs: 0 });
    const told: string[] = [];
    const waiting = locks(f, drift, clock).acquire(production, {
      waitMs: 120_000,
      onWait: (holder, expiresInMs) => told.push(`${holder.runId} ${expiresInMs}`),
    });
    await vi.waitFor(() => expect(told).toEqual(["1001 60000"]));
    await first.release();
    expect(spec(leaseOf(f)).holderIdentity).toBeUndefined();
    expect(annotations(leaseOf(f))["netpol-rollout.io/lock-released"]).toMatch(/^2026-/);
    clock.advance(1_000);
    const second = await waiting;
    held.push(second);
    expect(second.previous).toBeUndefined();
    expect(spec(leaseOf(f)).leaseTransitions).toBe(1);
    expect(annotations(leaseOf(f))["netpol-rollout.io/lock-run"]).toBe("2002");
    expect(annotations(leaseOf(f))["netpol-rollout.io/lock-released"]).toBeUndefined();
  });

  it("takes over from a holder that died only after its Lease stood unchanged for a whole duration by our clock, and says whose it was", async () => {
    const f = await start();
    // A run killed mid-deploy: its Lease stays, renewTime by its clock an hour AHEAD of ours.
    f.seed("leases", [
      {
        metadata: {
          name: "netpol-rollout-lock-production",
          namespace: NS,
          annotations: {
            "netpol-rollout.io/lock-command": "deploy",
            "netpol-rollout.io/lock-run": "999",
            "netpol-rollout.io/lock-attempt": "1",
            "netpol-rollout.io/lock-actor": "mona",
            "netpol-rollout.io/lock-url": "https://github.com/acme/net/actions/runs/999",
            "netpol-rollout.io/lock-activity": "deploy expand",
          },
        },
        spec: {
          holderIdentity: "999-1-deadbeef",
          leaseDurationSeconds: DURATION,
          renewTime: "2026-03-01T13:00:00.000000Z",
          leaseTransitions: 3,
        },
      },
    ]);
    const clock = new ManualClock();
    const lines: string[] = [];
    let taken: HeldLock | undefined;
    const waiting = locks(f, drift, clock, lines)
      .acquire(production, { waitMs: 600_000 })
      .then((h) => (taken = h));
    for (let t = 0; t < 59; t++) {
      await vi.waitFor(() => expect(clock.waiting).toBe(1));
      clock.advance(1_000);
      await settle();
    }
    expect(taken).toBeUndefined(); // 59 s unchanged: still the dead run's
    await vi.waitFor(() => expect(clock.waiting).toBe(1));
    clock.advance(1_000);
    await waiting;
    held.push(taken as HeldLock);
    expect(taken?.previous).toEqual({
      holder: {
        identity: "999-1-deadbeef",
        command: "deploy",
        runId: "999",
        attempt: "1",
        actor: "mona",
        url: "https://github.com/acme/net/actions/runs/999",
      },
      renewTime: "2026-03-01T13:00:00.000000Z",
      activity: "deploy expand",
      unchangedMs: 60_000,
    });
    expect(spec(leaseOf(f)).leaseTransitions).toBe(4);
    expect(lines.join("\n")).toContain(
      "taken over from deploy run 999 attempt 1 by mona (https://github.com/acme/net/actions/runs/999), whose Lease stood unchanged for 60 s",
    );
  });

  it("never takes a lock whose holder keeps renewing, however old its renewTime looks (its clock hours behind ours)", async () => {
    const f = await start();
    const holderClock = new ManualClock(Date.parse("2026-03-01T12:00:00Z"), -3 * 3600_000);
    const holder = await locks(f, deploy, holderClock).acquire(production, { waitMs: 0 });
    held.push(holder);
    const waiterClock = new ManualClock();
    let taken = false;
    const waiting = locks(f, drift, waiterClock)
      .acquire(production, { waitMs: 300_000 })
      .then(
        (h) => {
          taken = true;
          held.push(h);
        },
        (e: unknown) => e,
      );
    // Five minutes of a long `pulumi up`: both clocks move; the holder renews every 15 s.
    for (let s = 0; s < 300; s += 5) {
      holderClock.advance(5_000);
      waiterClock.advance(5_000);
      await settle();
    }
    waiterClock.advance(5_000);
    const refused = await waiting;
    expect(taken).toBe(false);
    expect(refused).toBeInstanceOf(LockBusyError);
    // Renewed all along, by the holder's clock three hours behind ours.
    expect(String(spec(leaseOf(f)).renewTime) > "2026-03-01T09:04:30").toBe(true);
    expect(String(spec(leaseOf(f)).renewTime) < "2026-03-01T09:05:01").toBe(true);
    expect(holder.lost.aborted).toBe(false);
    await holder.confirm("deploy contract");
    expect(annotations(leaseOf(f))["netpol-rollout.io/lock-activity"]).toBe("deploy contract");
  });

  it("stops a holder before its next change once another run took the Lease", async () => {
    const f = await start();
    const clock = new ManualClock();
    const mine = await locks(f, deploy, clock).acquire(production, { waitMs: 0 });
    await mine.confirm("deploy expand");
    // Someone who may edit the state namespace hands the Lease to another run.
    const lease = leaseOf(f) as Json;
    (lease.spec as Json).holderIdentity = "7-1-cafebabe";
    (lease.metadata as Json).annotations = {
      "netpol-rollout.io/lock-run": "7",
      "netpol-rollout.io/lock-command": "rollback",
    };
    f.seed("leases", [lease]);
    const error = await mine.confirm("deploy contract").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockLostError);
    expect((error as Error).message).toBe(
      `this run lost the run lock Lease ${NS}/netpol-rollout-lock-production: it is now held by rollback run 7`,
    );
    expect(mine.lost.aborted).toBe(true);
    await mine.release(); // not ours any more: left alone
    expect(spec(leaseOf(f)).holderIdentity).toBe("7-1-cafebabe");
  });

  it("loses the lock when renewing keeps failing past two thirds of a duration", async () => {
    const f = await start();
    const clock = new ManualClock();
    const lines: string[] = [];
    const mine = await locks(f, deploy, clock, lines).acquire(production, { waitMs: 0 });
    held.push(mine);
    f.fail({ method: "PUT", path: /leases/, status: 503, times: 1000 });
    clock.advance(15_000); // the first renewal fails (after the client's retries)
    await vi.waitFor(() => expect(lines.some((l) => l.includes("renewing failed"))).toBe(true));
    expect(mine.lost.aborted).toBe(false);
    clock.advance(24_000); // 39 s: still within the deadline
    await settle();
    expect(mine.lost.aborted).toBe(false);
    clock.advance(1_000); // 40 s: two thirds of 60
    await vi.waitFor(() => expect(mine.lost.aborted).toBe(true));
    expect((mine.lost.reason as Error).message).toMatch(
      /lost the run lock .*: it (was not renewed|could not be renewed) within|for 40 s/,
    );
    await expect(mine.confirm("deploy contract")).rejects.toBeInstanceOf(LockLostError);
  });

  it("loses the lock at the deadline while a renewal hangs on an unanswering API server", async () => {
    const f = await start();
    const clock = new ManualClock();
    const lock = createLeaseLocks(leasesOf(f, 1_000, 1), {
      namespace: NS,
      run: deploy,
      durationSeconds: DURATION,
      clock,
    });
    const mine = await lock.acquire(production, { waitMs: 0 });
    held.push(mine);
    f.fail({ method: "PUT", path: /leases/, status: 0, times: 1000 });
    clock.advance(15_000); // the renewal is sent and hangs
    await vi.waitFor(() => expect(f.requests.filter((r) => r.method === "PUT").length).toBe(1));
    clock.advance(25_000); // 40 s after the last renewal: lost, though the call has not returned
    await vi.waitFor(() => expect(mine.lost.aborted).toBe(true));
    expect(f.requests.filter((r) => r.method === "PUT" && r.status === undefined)).toHaveLength(1);
    expect((mine.lost.reason as Error).message).toMatch(/it was not renewed within 40 s$/);
  });

  it("keeps the lock when a renewal's answer is lost and its retry meets its own write (409 Conflict)", async () => {
    // The first answer to a Lease PUT arrives after the client's 300 ms timeout: the write took
    // effect, the client retries with the old resourceVersion and the server answers Conflict.
    let late = 1;
    const f = await start({
      lateAnswer: (method, path) =>
        method === "PUT" && path.includes("/leases/") && late-- > 0 ? 600 : undefined,
    });
    const clock = new ManualClock();
    const lock = createLeaseLocks(leasesOf(f, 300), {
      namespace: NS,
      run: deploy,
      durationSeconds: DURATION,
      clock,
    });
    const mine = await lock.acquire(production, { waitMs: 0 });
    held.push(mine);
    await mine.confirm("deploy expand");
    expect(f.requests.some((r) => r.method === "PUT" && r.status === 409)).toBe(true);
    expect(mine.lost.aborted).toBe(false);
    expect(annotations(leaseOf(f))["netpol-rollout.io/lock-activity"]).toBe("deploy expand");
  });

  it("says which RBAC rule is missing when the identity may not read Leases", async () => {
    const f = await start();
    f.deny({ verb: "get", resource: "leases", namespace: NS });
    const error = await locks(f, deploy, new ManualClock())
      .acquire(production, { waitMs: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockError);
    expect((error as Error).message).toContain(
      `cannot read the run lock Lease ${NS}/netpol-rollout-lock-production: forbidden: cannot get leases "netpol-rollout-lock-production" in namespace ${NS}; ` +
        `the identity needs { apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: ["get"] }`,
    );
  });

  it("stops waiting when the job is cancelled", async () => {
    const f = await start();
    const clock = new ManualClock();
    held.push(await locks(f, deploy, clock).acquire(production, { waitMs: 0 }));
    const controller = new AbortController();
    const waiting = locks(f, drift, clock)
      .acquire(production, { waitMs: 600_000, signal: controller.signal })
      .catch((e: unknown) => e);
    await vi.waitFor(() => expect(clock.waiting).toBeGreaterThan(2));
    controller.abort();
    const error = await waiting;
    expect(error).toBeInstanceOf(LockBusyError);
    expect((error as Error).message).toContain("the job was cancelled while waiting for it");
  });
});
