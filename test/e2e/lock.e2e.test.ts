/**
 * End to end: the run lock on a real kube-apiserver (etcd, kube-apiserver and
 * kube-controller-manager from test/e2e/tools). Runs are separate processes
 * (fixtures/lock-run.ts) so they can race and be killed: two runs at once never both
 * change, a holder killed with SIGKILL is taken over once its Lease stood unchanged for a
 * whole duration (and the next run says whose it was), and a step longer than several
 * lease durations keeps the lock by background renewal. Prints the acquire, renew and
 * takeover latencies it measured.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CoordinationV1Api, CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKubeConfig, resolveKubeSource } from "../../action/src/adapters/kubernetes/config.js";
import { KubeLeases } from "../../action/src/adapters/kubernetes/leases.js";
import { createLeaseLocks } from "../../action/src/adapters/lease-lock.js";
import { LockBusyError, type RunLocks } from "../../action/src/ports/lock.js";

const repoRoot = join(import.meta.dirname, "../..");
const tools = join(repoRoot, "test/e2e/tools");
const NS = "netpol-rollout";

function controlPlaneBin(): string | undefined {
  try {
    const dir =
      execFileSync("bash", [join(tools, "env.sh")], { encoding: "utf8" })
        .trim()
        .split("\n")
        .pop() ?? "";
    return ["etcd", "kube-apiserver", "kube-controller-manager"].every((t) => existsSync(join(dir, t)))
      ? dir
      : undefined;
  } catch {
    return undefined;
  }
}

const bin = process.env.E2E_BIN_DIR ?? controlPlaneBin();
if (!bin)
  console.log(
    "lock e2e skipped: etcd/kube-apiserver/kube-controller-manager not built (test/e2e/tools/build.sh kube)",
  );

let dir = "";
let kubeconfig = "";
let admin: KubeConfig;
let stopped = false;
const children = new Set<ChildProcess>();
const stop = () => {
  for (const child of children) child.kill("SIGKILL");
  if (stopped || !dir) return;
  stopped = true;
  execFileSync("bash", [join(tools, "control-plane.sh"), "stop", join(dir, "cp")], {
    stdio: "ignore",
    timeout: 60_000,
  });
  if (!process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true });
};

beforeAll(async () => {
  if (!bin) return;
  dir = mkdtempSync(join(tmpdir(), "netpol-lock-e2e-"));
  process.once("exit", stop);
  execFileSync("bash", [join(tools, "control-plane.sh"), "start", join(dir, "cp")], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, E2E_BIN_DIR: bin },
    timeout: 180_000,
  });
  kubeconfig = join(dir, "cp", "kubeconfig");
  admin = new KubeConfig();
  admin.loadFromFile(kubeconfig);
  await admin.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: NS } } });
}, 240_000);
afterAll(() => stop(), 120_000);

interface Event {
  event: string;
  at: number;
  ms?: number;
  n?: number;
  holder?: string;
  name?: string;
  message?: string;
  previous?: { holder: { runId?: string; actor?: string }; unchangedMs: number; activity?: string };
}

/** A lock run in its own process; resolves with its events once it exits. */
function run(
  environment: string,
  runId: string,
  options: { duration: number; waitMs: number; steps: number; stepMs: number },
): { child: ChildProcess; events: Event[]; done: Promise<Event[]> } {
  // node itself with tsx as a loader: the tsx command would run the script in a grandchild
  // that a SIGKILL of the child leaves running.
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      join(repoRoot, "test/e2e/fixtures/lock-run.ts"),
      kubeconfig,
      NS,
      environment,
      runId,
      String(options.duration),
      String(options.waitMs),
      String(options.steps),
      String(options.stepMs),
    ],
    { stdio: ["ignore", "pipe", "inherit"], cwd: repoRoot },
  );
  children.add(child);
  const events: Event[] = [];
  let buffer = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    let i: number;
    while ((i = buffer.indexOf("\n")) >= 0) {
      events.push(JSON.parse(buffer.slice(0, i)) as Event);
      buffer = buffer.slice(i + 1);
    }
  });
  const done = new Promise<Event[]>((resolve) =>
    child.on("exit", () => {
      children.delete(child);
      resolve(events);
    }),
  );
  return { child, events, done };
}

const until = async (check: () => boolean, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** [start, end] of every change a run made. */
function changes(events: Event[]): [number, number][] {
  const starts = new Map(events.filter((e) => e.event === "change-start").map((e) => [e.n, e.at]));
  return events.filter((e) => e.event === "change-end").map((e) => [starts.get(e.n) as number, e.at]);
}

function locksAs(runId: string, duration: number): RunLocks {
  const { config } = loadKubeConfig(resolveKubeSource({ kubeconfig }, {}));
  return createLeaseLocks(new KubeLeases(config, { timeoutMs: 5_000 }), {
    namespace: NS,
    run: { command: "drift", runId, attempt: "1", actor: `actor-${runId}` },
    durationSeconds: duration,
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const max = (xs: number[]) => Math.max(...xs);

describe.skipIf(!bin)("the run lock on a real API server", () => {
  it("lets two runs started at once change one after the other, never both at once", async () => {
    const a = run("race", "101", { duration: 5, waitMs: 60_000, steps: 3, stepMs: 700 });
    const b = run("race", "202", { duration: 5, waitMs: 60_000, steps: 3, stepMs: 700 });
    const [ea, eb] = await Promise.all([a.done, b.done]);
    for (const events of [ea, eb]) expect(events.map((e) => e.event)).toContain("released");
    const first =
      ea.find((e) => e.event === "acquired")!.at < eb.find((e) => e.event === "acquired")!.at ? ea : eb;
    const second = first === ea ? eb : ea;
    // The second waited, named the first, and made its first change after the first's last.
    expect(second.find((e) => e.event === "waiting")?.holder).toBe(first === ea ? "101" : "202");
    const last = Math.max(...changes(first).map(([, end]) => end));
    for (const [start] of changes(second)) expect(start).toBeGreaterThanOrEqual(last);
    // Six changes in the ConfigMap, three of each.
    const map = await admin
      .makeApiClient(CoreV1Api)
      .readNamespacedConfigMap({ namespace: NS, name: "changes-race" });
    expect(Object.values(map.data ?? {}).sort()).toEqual(["101", "101", "101", "202", "202", "202"]);
  });

  it("refuses one of two runs that must not wait, naming the other", async () => {
    const a = run("refuse", "303", { duration: 5, waitMs: 0, steps: 2, stepMs: 1_500 });
    const b = run("refuse", "404", { duration: 5, waitMs: 0, steps: 2, stepMs: 1_500 });
    const [ea, eb] = await Promise.all([a.done, b.done]);
    const refused = [ea, eb].map((events) => events.find((e) => e.event === "refused"));
    expect(refused.filter((r) => r !== undefined)).toHaveLength(1);
    const loser = refused[0] ?? refused[1];
    expect(loser?.name).toBe("LockBusyError");
    expect(loser?.message).toMatch(/is held by deploy run (303|404) attempt 1 by actor-(303|404)/);
    const winner = refused[0] ? eb : ea;
    expect(changes(winner)).toHaveLength(2);
  });

  it("takes over from a holder killed mid-run once its Lease stood unchanged for a whole duration, saying whose it was", async () => {
    const duration = 4;
    const holder = run("killed", "505", { duration, waitMs: 0, steps: 1000, stepMs: 300 });
    await until(() => holder.events.some((e) => e.event === "change-end"));
    holder.child.kill("SIGKILL");
    const killedAt = Date.now();
    await holder.done;
    const started = performance.now();
    const held = await locksAs("606", duration).acquire({ environment: "killed" }, { waitMs: 30_000 });
    const tookMs = Date.now() - killedAt;
    const waitedMs = performance.now() - started;
    expect(held.previous?.holder).toMatchObject({
      runId: "505",
      attempt: "1",
      actor: "actor-505",
      command: "deploy",
    });
    expect(held.previous?.activity).toMatch(/^step \d+$/);
    expect(held.previous?.unchangedMs).toBeGreaterThanOrEqual(duration * 1000);
    expect(waitedMs).toBeGreaterThanOrEqual(duration * 1000);
    const lease = await admin
      .makeApiClient(CoordinationV1Api)
      .readNamespacedLease({ namespace: NS, name: "netpol-rollout-lock-killed" });
    expect(lease.spec?.leaseTransitions).toBe(1);
    expect(lease.metadata?.annotations?.["netpol-rollout.io/lock-run"]).toBe("606");
    await held.release();
    console.log(
      `lock e2e: a holder killed with SIGKILL was taken over ${(tookMs / 1000).toFixed(1)} s after the kill ` +
        `(lease ${duration} s; the next run waited ${(waitedMs / 1000).toFixed(1)} s, its Lease unchanged for ${((held.previous?.unchangedMs ?? 0) / 1000).toFixed(1)} s by our clock)`,
    );
  });

  it("keeps the lock over a step four lease durations long by renewing in the background", async () => {
    const duration = 3;
    const locks = locksAs("707", duration);
    const t0 = performance.now();
    const held = await locks.acquire({ environment: "long" }, { waitMs: 0 });
    const acquireMs = performance.now() - t0;
    const leases = admin.makeApiClient(CoordinationV1Api);
    const renewTimes = new Set<string>();
    const contender = run("long", "808", { duration, waitMs: 9_000, steps: 1, stepMs: 0 });
    const end = Date.now() + 4 * duration * 1000;
    while (Date.now() < end) {
      const lease = await leases.readNamespacedLease({ namespace: NS, name: "netpol-rollout-lock-long" });
      renewTimes.add(String(lease.spec?.renewTime));
      await new Promise((r) => setTimeout(r, 250));
    }
    const contended = await contender.done;
    expect(contended.find((e) => e.event === "refused")?.message).toMatch(
      /is held by drift run 707 attempt 1 by actor-707/,
    );
    expect(held.lost.aborted).toBe(false);
    expect(renewTimes.size).toBeGreaterThanOrEqual(10); // every quarter duration: ~16 in 12 s
    const confirms: number[] = [];
    for (let i = 0; i < 50; i++) {
      const c0 = performance.now();
      await held.confirm(`step ${i}`);
      confirms.push(performance.now() - c0);
    }
    await held.release();
    const creates: number[] = [acquireMs];
    for (let i = 0; i < 20; i++) {
      const c0 = performance.now();
      const h = await locks.acquire({ environment: `latency-${i}` }, { waitMs: 0 });
      creates.push(performance.now() - c0);
      await h.release();
    }
    const retakes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const c0 = performance.now();
      const h = await locks.acquire({ environment: `latency-${i}` }, { waitMs: 0 });
      retakes.push(performance.now() - c0);
      await h.release();
    }
    const fmt = (xs: number[]) =>
      `median ${median(xs).toFixed(1)} ms, max ${max(xs).toFixed(1)} ms (n=${xs.length})`;
    console.log(
      `lock e2e on kube-apiserver: acquire by create ${fmt(creates)}; acquire of a released Lease (get + replace) ${fmt(retakes)}; ` +
        `confirm (renew by compare-and-swap) ${fmt(confirms)}; ${renewTimes.size} renewals seen over a ${4 * duration} s step of a ${duration} s lease`,
    );
  });

  it("refuses a run waiting on a held lock with LockBusyError after its wait", async () => {
    const held = await locksAs("909", 5).acquire({ environment: "busy" }, { waitMs: 0 });
    const error = await locksAs("910", 5)
      .acquire({ environment: "busy" }, { waitMs: 1_000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockBusyError);
    await held.release();
  });
});
