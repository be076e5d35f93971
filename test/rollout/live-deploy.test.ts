/**
 * The deploy as the Action runs it, over the Kubernetes API fake with the live prober and
 * the fake's simulated dataplane, and the stand-in engine: a cancel mid-deploy as the runner
 * sends it (SIGINT, then SIGTERM 7.5 s later), the API throttling and failing during
 * probing, an engine failure mid-step. Every scenario ends with no probe pod or run object
 * left and no namespace holding a default-deny without its allows.
 */
import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startFakeKube, type FakeKube, type Json } from "../fakes/kube-server.js";
import { probeDataplane } from "../fakes/probe-dataplane.js";
import {
  createWorkspace,
  policyNames,
  probeLeftovers,
  runActionOn,
  seedShop,
  shopIntent,
  type Workspace,
} from "../helpers/live-shop.js";
import { PROBE_RUN_LABEL } from "../../action/src/probe/pod-script.js";

const SHA_A = "a1".repeat(20);
const SHA_B = "b2".repeat(20);

let fake: FakeKube | undefined;
let ws: Workspace | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await fake?.close();
  ws?.cleanup();
  fake = undefined;
  ws = undefined;
});

async function setup() {
  fake = await startFakeKube({ podStartMs: 20, dataplane: probeDataplane() });
  seedShop(fake);
  ws = createWorkspace(fake, { production: shopIntent("production", 1, "") });
  return { fake, ws };
}

/** Namespaces holding a default-deny without the allows deployed beside it (DNS at least). */
function denyWithoutAllows(f: FakeKube): string[] {
  const names = policyNames(f);
  return names
    .filter((n) => n.endsWith("/default-deny-all"))
    .map((n) => n.split("/")[0] as string)
    .filter(
      (ns) => !names.includes(`${ns}/allow-dns`) || names.filter((n) => n.startsWith(`${ns}/`)).length < 3,
    );
}

const probePods = (f: FakeKube) =>
  f
    .list("pods")
    .filter((p) => ((p.metadata as Json).labels as Json | undefined)?.[PROBE_RUN_LABEL] !== undefined);

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("a cancelled deploy (SIGINT, then SIGTERM 7.5 s later)", () => {
  it("stops before its next step, deletes its probe pods, and leaves no default-deny without its allows", async () => {
    const { fake, ws } = await setup();
    const signals = new EventEmitter();
    const running = runActionOn(ws, { command: "deploy" }, { GITHUB_SHA: SHA_A }, { signals });
    // Cancelled while the first step's probe pods run: the allows are in, the deny is not yet.
    await until(() => probePods(fake).length > 0, 30_000);
    const cancelledAt = Date.now();
    signals.emit("SIGINT");
    const sigterm = setTimeout(() => signals.emit("SIGTERM"), 7_500);
    const r = await running;
    clearTimeout(sigterm);
    // It ended by itself before the runner's SIGKILL (2.5 s after the SIGTERM).
    expect(Date.now() - cancelledAt).toBeLessThan(10_000);
    expect(r.failure).toMatch(/cancelled/);
    expect(r.io.warnings).toContain(
      "SIGINT received: cancelling; no further step starts and the probe pods are deleted",
    );
    const names = policyNames(fake);
    expect(names).toContain("shop/allow-dns");
    expect(names.filter((n) => n.endsWith("/default-deny-all"))).toEqual([]);
    expect(denyWithoutAllows(fake)).toEqual([]);
    expect(await probeLeftovers(fake)).toEqual([]);
    // Nothing was recorded as proven.
    const history = fake.get("configmaps", "netpol-rollout", "netpol-rollout-lkg-production");
    expect(JSON.stringify(history ?? {})).not.toContain('"proven": true');
  }, 60_000);

  it("cancelled while an update of an enforced environment is probed, every default-deny keeps its allows", async () => {
    const { fake, ws } = await setup();
    const first = await runActionOn(ws, { command: "deploy" }, { GITHUB_SHA: SHA_A });
    expect(first.failure, first.io.summary).toBeUndefined();
    ws.writeEnvironment("production", shopIntent("production", 1, "", ["worker -> ledger:5432"]));
    const signals = new EventEmitter();
    const running = runActionOn(ws, { command: "deploy" }, { GITHUB_SHA: SHA_B }, { signals });
    await until(() => probePods(fake).length > 0, 30_000);
    signals.emit("SIGINT");
    const sigterm = setTimeout(() => signals.emit("SIGTERM"), 7_500);
    const r = await running;
    clearTimeout(sigterm);
    expect(r.failure).toMatch(/cancelled/);
    // Expanded (old and new allows) under the deny that never left.
    expect(policyNames(fake)).toContain("billing/default-deny-all");
    expect(denyWithoutAllows(fake)).toEqual([]);
    expect(await probeLeftovers(fake)).toEqual([]);
  }, 90_000);
});

describe("the API server failing during probing", () => {
  it("throttling (429 with Retry-After) and 5xx on probe pod calls are ridden out: deployed, nothing left", async () => {
    const { fake, ws } = await setup();
    fake.fail({ method: "POST", path: /\/pods$/, status: 429, headers: { "retry-after": "0" }, times: 2 });
    fake.fail({ method: "GET", path: /\/log$/, status: 500, times: 3 });
    fake.fail({ method: "DELETE", path: /\/pods\//, status: 503, times: 1 });
    const r = await runActionOn(ws, { command: "deploy" }, { GITHUB_SHA: SHA_A });
    expect(r.failure, r.io.summary).toBeUndefined();
    expect(r.io.outputs["environments-deployed"]).toBe("production");
    expect(fake.requests.filter((q) => q.status === 429 || (q.status ?? 0) >= 500).length).toBe(6);
    expect(await probeLeftovers(fake)).toEqual([]);
  }, 60_000);

  it("an API server that keeps failing probe pod creation makes the probe inconclusive: failed, no rollback, nothing left", async () => {
    const { fake, ws } = await setup();
    // From the first real create on: the pre-flight's dry runs still pass.
    fake.fail({ method: "POST", path: /\/pods$/, status: 500, times: 1000, dryRun: false });
    const r = await runActionOn(ws, { command: "deploy" }, { GITHUB_SHA: SHA_A });
    expect(r.failure).toMatch(/production: failed: .*inconclusive/);
    expect(r.io.outputs["rolled-back"]).toBe("false");
    expect(Number(r.io.outputs["probe-inconclusive"])).toBeGreaterThan(0);
    // The first step's allows stay; the default-deny was never applied.
    expect(policyNames(fake).filter((n) => n.endsWith("/default-deny-all"))).toEqual([]);
    expect(await probeLeftovers(fake)).toEqual([]);
  }, 60_000);
});

describe("the engine failing mid-step", () => {
  it("an update that fails after its allows leaves no default-deny without them and no probe pod", async () => {
    const { fake, ws } = await setup();
    // The second engine run (the step adding the default-denies) fails before any deny.
    vi.stubEnv("FAKE_PULUMI_FAIL_UP", "2");
    const r = await runActionOn(ws, { command: "deploy" }, { GITHUB_SHA: SHA_A });
    expect(r.failure).toMatch(
      /production: failed: the engine failed: .*NetworkPolicy billing\/default-deny-all: the API server refused it \(injected\); there is no last-known-good revision to restore/,
    );
    expect(r.io.summary).toContain("the API server refused it (injected)");
    expect(denyWithoutAllows(fake)).toEqual([]);
    expect(await probeLeftovers(fake)).toEqual([]);
  }, 60_000);
});

describe("pre-flight refusals change nothing in the cluster", () => {
  it("a namespace of the intent missing from the cluster", async () => {
    const { fake, ws } = await setup();
    ws.writeEnvironment(
      "production",
      shopIntent("production", 1, "").replace(
        "flows:",
        "  payments:\n    services:\n      psp: { labels: { app: psp }, ports: [443] }\nflows:",
      ),
    );
    const r = await runActionOn(ws, { command: "deploy" }, { GITHUB_SHA: SHA_A });
    expect(r.failure).toMatch(
      /refused \(nothing was changed\): production: policies\/environments\/production\.yaml:\d+:\d+: namespace payments does not exist in the cluster/,
    );
    expect(r.io.summary).toMatch(/refused/);
    expect(policyNames(fake)).toEqual([]);
    expect(probePods(fake)).toEqual([]);
  }, 30_000);

  it("an invalid file in another environment", async () => {
    const { fake, ws } = await setup();
    ws.writeEnvironment("dev", "promotion: 0\ncni: calco\n");
    const r = await runActionOn(ws, { command: "deploy", environments: "production" }, { GITHUB_SHA: SHA_A });
    expect(r.failure).toMatch(/the intent is invalid.*nothing was deployed/);
    expect(r.io.summary).toMatch(/policies\/environments\/dev\.yaml:2/);
    expect(policyNames(fake)).toEqual([]);
  }, 30_000);

  it("a locked stack, naming how to recover", async () => {
    const { fake, ws } = await setup();
    vi.stubEnv("FAKE_PULUMI_FAIL", "locked");
    const r = await runActionOn(ws, { command: "deploy" }, { GITHUB_SHA: SHA_A });
    expect(r.failure).toMatch(
      /production: refused: .*locked.*Recovery: .*pulumi cancel --stack production --yes/,
    );
    expect(policyNames(fake)).toEqual([]);
    expect(await probeLeftovers(fake)).toEqual([]);
  }, 30_000);
});

describe("the access pre-flight", () => {
  it("a deploy whose identity may not start probe pods in a probe-source namespace is refused before any change, listing the rule", async () => {
    const { fake, ws } = await setup();
    // As the Roles of a managed namespace alone leave it: nothing in ingress-nginx.
    fake.deny({ verb: "create", resource: "pods", namespace: "ingress-nginx" });
    fake.deny({ verb: "create", resource: "configmaps", namespace: "ingress-nginx" });
    const r = await runActionOn(ws, { command: "deploy" }, { GITHUB_SHA: SHA_A });
    expect(r.failure).toContain(
      "deploy refused before any change: the identity system:serviceaccount:ci:netpol-rollout lacks what the run needs (2 problems); netpol-rollout rbac --env production prints every grant it needs",
    );
    expect(r.failure).toContain(
      'missing { apiGroups: [""], resources: ["pods"], verbs: ["create"] } in namespace ingress-nginx',
    );
    expect(r.io.summary).toMatch(
      /^## netpol-rollout deploy: ❌ refused, the identity lacks what the run needs/,
    );
    expect(policyNames(fake)).toEqual([]);
    expect(
      fake.requests.filter((q) => q.method !== "GET" && q.query["dryRun"] === undefined).map((q) => q.path),
    ).toEqual(
      fake.requests.filter((q) => q.method === "POST" && /selfsubject/.test(q.path)).map((q) => q.path),
    );
  }, 60_000);

  it("drift asks for its own needs: a missing lock rule refuses it, NetworkPolicy writes are never asked for", async () => {
    const { fake, ws } = await setup();
    fake.deny({ verb: "update", resource: "networkpolicies" });
    fake.deny({ verb: "update", resource: "leases", group: "coordination.k8s.io" });
    const r = await runActionOn(ws, { command: "probe" });
    expect(r.failure).toContain("probe refused before any change");
    expect(r.failure).toContain('resources: ["leases"], verbs: ["update"]');
    expect(r.failure).not.toContain("networkpolicies");
    expect(probePods(fake)).toEqual([]);
  }, 60_000);
});
