import { describe, expect, it } from "vitest";
import { buildProbePlan } from "../../action/src/probe/probe-plan.js";
import { diffEnvironments } from "../../action/src/semantics/diff.js";
import { SimulatedProber } from "../../action/src/probe/simulated.js";
import { runProbes, type Clock } from "../../action/src/probe/run.js";
import { classify } from "../../action/src/probe/classify.js";
import type {
  ObservedOutcome,
  ProbeCheck,
  ProbePlan,
  Prober,
  ProbeRequest,
} from "../../action/src/probe/types.js";
import { isPodTarget } from "../../action/src/probe/types.js";
import { CNI_PROFILES } from "../../action/src/cni/profiles.js";
import { buildEnvironment } from "../helpers/intent-builder.js";
import { liveInventory } from "./fixtures.js";
import { environment, planFor, policiesOf, THREE_TIERS } from "./scenario.js";

const fakeClock = (): Clock => {
  let t = 0;
  return { now: () => t, sleep: (ms) => Promise.resolve(void (t += ms)) };
};

describe("the probe plan", () => {
  it("checks every declared flow, to the callee's running pods on each declared port", () => {
    const env = environment();
    const plan = planFor(env, { inventory: { replicas: 3 } });
    for (const flow of env.flows) {
      const checks = plan.checks.filter((c) => c.reason.startsWith(`declared: ${flow.text}`));
      expect(checks.length, flow.text).toBeGreaterThan(0);
      expect(checks.every((c) => c.expect === "allowed")).toBe(true);
    }
    const toApi = plan.checks.filter(
      (c) => c.kind === "declared" && c.reason === "declared: frontend -> api:8080",
    );
    // Two of the three replicas (the destination cap), each on the declared port.
    expect(toApi.map((c) => (isPodTarget(c.to) ? `${c.to.pod}:${c.port}` : ""))).toEqual([
      "api-0:8080",
      "api-1:8080",
    ]);
    expect(toApi[0]?.from).toMatchObject({
      namespace: "production",
      labels: { app: "frontend" },
      service: "frontend",
    });
  });

  it("resolves a named port on the destination pod", () => {
    const env = environment({ ...THREE_TIERS, flows: ["frontend -> api:metrics"] }, []);
    const inv = liveInventory(env);
    // The running pod declares "metrics" on another number than the intent: the pod decides.
    for (const p of inv.pods)
      if (p.metadata.name === "api-0")
        p.spec = { containers: [{ name: "main", ports: [{ name: "metrics", containerPort: 9100 }] }] };
    const plan = buildProbePlan({
      environment: env,
      inventory: inv,
      after: policiesOf(env),
      before: { policies: [] },
    });
    const check = plan.checks.find((c) => c.kind === "declared");
    // The compiled policy allows 9090, the intent's number: the engine judges the pod as it runs.
    expect(check).toMatchObject({ port: 9100, portName: "metrics", expect: "blocked" });
  });

  it("is deterministic: the same inputs in another order give the same plan", () => {
    const env = environment();
    const a = planFor(env, { inventory: { replicas: 2 } });
    const inv = liveInventory(env, { replicas: 2 });
    const b = buildProbePlan({
      environment: env,
      inventory: { ...inv, pods: [...inv.pods].reverse(), namespaces: [...inv.namespaces].reverse() },
      after: policiesOf(env),
      before: { policies: [] },
    });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(new Set(a.checks.map((c) => c.id)).size).toBe(a.checks.length);
  });

  it("plans DNS over UDP and over TCP from every managed namespace to the cluster DNS", () => {
    const env = environment({
      ...THREE_TIERS,
      namespaces: { ...THREE_TIERS.namespaces, batch: { services: { worker: { ports: [] } } }, empty: {} },
    });
    const plan = planFor(env);
    const dns = plan.checks.filter((c) => c.kind === "dns");
    const got = dns.map((c) => `${c.from.namespace} ${c.protocol} ${c.port} ${c.expect}`).sort();
    expect(got).toEqual([
      "batch TCP 53 allowed",
      "batch UDP 53 allowed",
      "empty TCP 53 allowed",
      "empty UDP 53 allowed",
      "production TCP 53 allowed",
      "production UDP 53 allowed",
    ]);
    expect(dns[0]?.to).toEqual({ dns: "kubernetes.default.svc.cluster.local", server: "10.96.0.10" });
    // A real query over TCP, not only a connect: the pod runs dig +tcp.
    const args = plan.pods.flatMap((p) => (p.spec["containers"] as { args: string[] }[])[0]!.args);
    expect(args).toContain("dns-tcp,10.96.0.10,53,kubernetes.default.svc.cluster.local");
    expect(args).toContain("dns-udp,10.96.0.10,53,kubernetes.default.svc.cluster.local");
  });

  it("caps negative checks in total and per source, and says how many it left out", () => {
    const services: Record<string, { ports: number[] }> = {};
    for (let i = 0; i < 30; i++) services[`svc-${i}`] = { ports: [8000 + i] };
    const env = buildEnvironment({
      name: "big",
      namespaces: { a: { services } },
      flows: Array.from({ length: 29 }, (_, i) => `svc-${i} -> svc-${i + 1}:${8001 + i}`),
    });
    const plan = planFor(env, { caps: { negative: 40, negativePerSource: 3 } });
    const negatives = plan.checks.filter((c) => c.kind === "negative");
    expect(negatives).toHaveLength(40);
    expect(negatives.every((c) => c.expect === "blocked")).toBe(true);
    const perSource = new Map<string, number>();
    for (const c of negatives) perSource.set(c.from.pod ?? "", (perSource.get(c.from.pod ?? "") ?? 0) + 1);
    expect(Math.max(...perSource.values())).toBeLessThanOrEqual(3);
    expect(plan.omittedNegative).toBeGreaterThan(0);
    // Every kind of negative is represented, not only the first one in order.
    const kinds = new Set(negatives.map((c) => c.reason.split(/[: ]/)[0]));
    expect([...kinds].sort()).toEqual(["reverse", "undeclared"]);
    expect(negatives.some((c) => c.reason.startsWith("undeclared port"))).toBe(true);
    // Declared flows and DNS are never capped.
    expect(plan.checks.filter((c) => c.kind === "declared")).toHaveLength(29);
  });

  it("checks outside addresses only against probe targets, and plans cannot-check without one", () => {
    const withTarget = planFor(environment());
    const ext = withTarget.checks.filter((c) => c.kind === "external");
    expect(ext.map((c) => `${c.from.service} ${c.expect}`).sort()).toEqual([
      "api allowed",
      "database blocked",
      "frontend blocked",
    ]);
    const without = planFor(environment(THREE_TIERS, []));
    const planned = without.checks.filter((c) => c.kind === "external");
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatchObject({ expect: "cannot-check", cannotCheck: "no-probe-target" });
    expect(planned[0]?.reason).toContain("add one under probe: targets");
    expect(without.cannotCheck.map((c) => c.reason)).toEqual(["no-probe-target"]);
  });

  it("plans cannot-check with its reason instead of dropping a check", () => {
    const env = environment(
      {
        name: "edge",
        cni: "calico",
        namespaces: {
          app: {
            services: {
              web: { ports: [80] },
              api: { ports: [8080, "5353/udp", "3868/sctp"] },
              gone: { ports: [9000] },
            },
          },
          later: { services: { job: { ports: [] } } },
        },
        flows: [
          "web -> api:8080",
          "web -> api:5353/udp",
          "web -> api:3868/sctp",
          "web -> gone:9000",
          "job -> api:8080",
          "203.0.113.0/24 -> web:80",
        ],
      },
      [],
    );
    const plan = planFor(env, { inventory: { missing: ["app/gone"], absentNamespaces: ["later"] } });
    const reasonOf = (text: string): string | undefined =>
      plan.checks.find((c) => c.reason.startsWith(`declared: ${text}`))?.cannotCheck;
    expect(reasonOf("web -> api:8080")).toBeUndefined();
    expect(reasonOf("web -> api:5353/udp")).toBe("udp-no-reply");
    expect(reasonOf("web -> gone:9000")).toBe("no-running-pod");
    expect(reasonOf("job -> api:8080")).toBe("no-source-namespace");
    expect(reasonOf("203.0.113.0/24 -> web:80")).toBe("outside-source");
    // SCTP is enforced on calico; not on cilium.
    expect(reasonOf("web -> api:3868/sctp")).toBeUndefined();
    const cilium = planFor(
      { ...env, cni: "cilium", profile: CNI_PROFILES.cilium },
      {
        inventory: { missing: ["app/gone"], absentNamespaces: ["later"] },
      },
    );
    expect(cilium.checks.find((c) => c.protocol === "SCTP")?.cannotCheck).toBe("protocol-unsupported");
    // Every planned cannot-check is listed with its message, and no pod runs it.
    expect(plan.cannotCheck.map((c) => c.checkId).sort()).toEqual(
      plan.checks
        .filter((c) => c.expect === "cannot-check")
        .map((c) => c.id)
        .sort(),
    );
    const scripts = JSON.stringify(plan.pods);
    const inScript = (id: string): boolean =>
      scripts.includes(JSON.stringify(JSON.stringify(id)).slice(1, -1));
    for (const c of plan.cannotCheck) expect(inScript(c.checkId), c.checkId).toBe(false);
    for (const c of plan.checks) if (c.expect !== "cannot-check") expect(inScript(c.id), c.id).toBe(true);
  });

  it("never sends a check to a pod being deleted or to another run's probe pod, though they carry the callee's labels", () => {
    const env = environment();
    const inv = liveInventory(env);
    const api = inv.pods.find((p) => p.metadata.name === "api-0")!;
    // Through its grace period a deleted pod keeps phase Running and its address.
    const terminating = structuredClone(api);
    terminating.metadata.name = "api-terminating";
    terminating.metadata.deletionTimestamp = "2026-11-30T09:00:00Z";
    terminating.status = { phase: "Running", podIP: "10.9.9.1" };
    // A probe pod of an earlier (or concurrent) run has the caller's labels and no server.
    const probe = structuredClone(api);
    probe.metadata.name = "np-probe-api-0a1b2c3d";
    probe.metadata.labels = {
      ...api.metadata.labels,
      "netpol-rollout.io/probe": "pod",
      "netpol-rollout.io/probe-run": "old",
    };
    probe.status = { phase: "Running", podIP: "10.9.9.2" };
    inv.pods.unshift(terminating, probe);
    const plan = buildProbePlan({
      environment: env,
      inventory: inv,
      after: policiesOf(env),
      before: { policies: [] },
    });
    const targets = plan.checks.flatMap((c) => (isPodTarget(c.to) ? [c.to.pod] : []));
    expect(targets).toContain("api-0");
    expect(targets.filter((t) => t === "api-terminating" || t.startsWith("np-probe-api-0a1b"))).toEqual([]);
  });

  it("warns when a Service publishing not-ready addresses selects a probe pod", () => {
    const env = environment();
    const inv = liveInventory(env);
    inv.services.push({
      apiVersion: "v1",
      kind: "Service",
      metadata: { namespace: "production", name: "api-headless" },
      spec: { selector: { app: "api" }, publishNotReadyAddresses: true } as never,
    });
    const plan = buildProbePlan({
      environment: env,
      inventory: inv,
      after: policiesOf(env),
      before: { policies: [] },
    });
    expect(plan.warnings.join("\n")).toMatch(
      /Service production\/api-headless publishes not-ready addresses and selects probe pod np-probe-api-/,
    );
  });
});

describe("classification", () => {
  const before = environment({
    ...THREE_TIERS,
    flows: ["ingress-nginx -> frontend:80", "frontend -> api:8080"],
  });
  const after = environment();
  const flowCheck = (plan: ProbePlan): ProbeCheck =>
    plan.checks.find((c) => c.reason === "declared: api -> database:5432")!;

  it("a verdict that did not change and is observed is as expected", async () => {
    const plan = planFor(after, { before: after });
    const prober = new SimulatedProber({
      inventory: liveInventory(after),
      policies: policiesOf(after),
      profile: after.profile,
    });
    const result = await runProbes(prober, plan, { clock: fakeClock() });
    expect(
      result.results.every((r) => r.classification === "as-expected" || r.classification === "not-checked"),
    ).toBe(true);
    expect(result.counts.failed).toBe(0);
  });

  it("a changed verdict that the diff lists is an intended change", async () => {
    const plan = planFor(after, { before, diff: diffEnvironments(before, after) });
    const check = flowCheck(plan);
    expect(check).toMatchObject({ expect: "allowed", expectBefore: "blocked", changeDeclared: true });
    expect(classify(check, "allowed")).toBe("intended-change");
  });

  it("a changed verdict that the diff does not list is a surprise", () => {
    const plan = planFor(after, { before, diff: diffEnvironments(after, after) });
    const check = flowCheck(plan);
    expect(check.changeDeclared).toBe(false);
    expect(classify(check, "allowed")).toBe("surprise");
  });

  it("an observation that differs from the expectation is a deviation, whatever the diff says", async () => {
    const plan = planFor(after, { before, diff: diffEnvironments(before, after) });
    // The cluster still runs the old policies: the new flow does not connect.
    const prober = new SimulatedProber({
      inventory: liveInventory(after),
      policies: policiesOf(before),
      profile: after.profile,
    });
    const result = await runProbes(prober, plan, { clock: fakeClock() });
    const r = result.results.find((x) => x.check.id === flowCheck(plan).id)!;
    expect(r.observed).toEqual({ outcome: "blocked", detail: "timeout" });
    expect(r.classification).toBe("deviation");
    expect(classify(flowCheck(plan), "blocked")).toBe("deviation");
  });

  it("an observation that could not be made is inconclusive; a planned cannot-check is not", () => {
    const plan = planFor(environment(THREE_TIERS, []));
    const planned = plan.checks.find((c) => c.expect === "cannot-check")!;
    const checkable = plan.checks.find((c) => c.expect !== "cannot-check")!;
    expect(classify(checkable, "cannot-check")).toBe("inconclusive");
    expect(classify(planned, "cannot-check")).toBe("not-checked");
  });
});

describe("a probe run", () => {
  /** A prober over the simulated one that rewrites some outcomes, recording each request. */
  function prober(
    env: ReturnType<typeof environment>,
    policiesEnv: ReturnType<typeof environment>,
    rewrite: (round: number, id: string) => ObservedOutcome | undefined,
  ): Prober & { requests: { round: number; ids: readonly string[] }[] } {
    const simulated = new SimulatedProber({
      inventory: liveInventory(env),
      policies: policiesOf(policiesEnv),
      profile: env.profile,
    });
    const requests: { round: number; ids: readonly string[] }[] = [];
    return {
      name: "rewriting",
      requests,
      async probe(req: ProbeRequest) {
        requests.push({ round: req.round, ids: req.checkIds ?? [] });
        const seen = await simulated.probe(req);
        for (const id of seen.outcomes.keys()) {
          const o = rewrite(req.round, id);
          if (o) seen.outcomes.set(id, o);
        }
        return seen;
      },
      close: () => Promise.resolve(),
    };
  }
  const TIMEOUT: ObservedOutcome = { outcome: "blocked", detail: "timeout" };

  it("ends after one round when the change's own flipped checks show it and everything agrees", async () => {
    const before = environment({ ...THREE_TIERS, flows: ["ingress-nginx -> frontend:80"] });
    const after = environment();
    const plan = planFor(after, { before, diff: diffEnvironments(before, after) });
    expect(plan.checks.some((c) => c.expect !== "cannot-check" && c.expect !== c.expectBefore)).toBe(true);
    const p = prober(after, after, () => undefined);
    const result = await runProbes(p, plan, { clock: fakeClock() });
    expect(result.rounds).toBe(1);
    expect(result.counts).toMatchObject({ failed: 0, inconclusive: 0 });
    expect(result.timing).toMatchObject({ caughtUpBy: "changes", caughtUpMs: 0 });
  });

  it("a check that disagrees once the change took effect fails after two rounds, and the run ends there", async () => {
    const before = environment({ ...THREE_TIERS, flows: ["ingress-nginx -> frontend:80"] });
    const after = environment();
    const plan = planFor(after, { before, diff: diffEnvironments(before, after) });
    // A flow of both revisions is lost; the change's new flows connect.
    const lost = plan.checks.find((c) => c.reason === "declared: ingress-nginx -> frontend:80")!;
    const p = prober(after, after, (_round, id) => (id === lost.id ? TIMEOUT : undefined));
    const clock = fakeClock();
    const result = await runProbes(p, plan, { clock });
    expect(result.rounds).toBe(2);
    expect(p.requests[1]!.ids).toEqual([lost.id]);
    expect(result.results.find((r) => r.check.id === lost.id)?.classification).toBe("deviation");
    expect(result.counts.failed).toBe(1);
    // Two rounds a second apart: far inside the profile's settle window.
    expect(clock.now()).toBeLessThan(plan.reprobe.settleSeconds * 1000);
  });

  it("a failure ends the run once a check that disagreed in that round alone is cleared, not counted", async () => {
    const env = environment();
    const plan = planFor(env, { before: env, reprobe: { settleSeconds: 1 } });
    const [lost, glitch] = plan.checks.filter((c) => c.kind === "declared" && c.expect === "allowed");
    // Rounds at 0 and 1 s: the lost flow times out in both (the second is evidence, the window
    // having passed); another flow only in the second, the round that confirms the loss.
    const p = prober(env, env, (round, id) =>
      id === lost!.id || (id === glitch!.id && round === 2) ? TIMEOUT : undefined,
    );
    const result = await runProbes(p, plan, { clock: fakeClock() });
    expect(result.rounds).toBe(3);
    expect(p.requests[2]!.ids).toEqual([glitch!.id]);
    expect(result.results.find((r) => r.check.id === glitch!.id)?.classification).toBe("as-expected");
    expect(result.results.find((r) => r.check.id === lost!.id)?.classification).toBe("deviation");
    expect(result.counts.failed).toBe(1);
  });

  it("while the change has not shown, a disagreement is not evidence until the settle window has passed", async () => {
    const env = environment();
    const plan = planFor(env, { before: env, reprobe: { settleSeconds: 3 } });
    const late = plan.checks.find((c) => c.kind === "declared" && c.expect === "allowed")!;
    // The dataplane applies one allow late: the first three rounds time out on it.
    const p = prober(env, env, (round, id) => (id === late.id && round <= 3 ? TIMEOUT : undefined));
    const result = await runProbes(p, plan, { clock: fakeClock() });
    const checkable = plan.checks.filter((c) => c.expect !== "cannot-check").length;
    // Rounds at 0, 1, 2 and 3 s: every check again until the fourth, asked 3 s after the first.
    expect(p.requests.map((r) => r.ids.length)).toEqual([checkable, checkable, checkable, checkable]);
    expect(result.counts).toMatchObject({ failed: 0, inconclusive: 0 });
    expect(result.timing).toMatchObject({ caughtUpBy: "settle-window", caughtUpMs: 3000 });
  });

  it("a check that never agrees fails in the first round asked after the settle window", async () => {
    const env = environment();
    const plan = planFor(env, { before: env, reprobe: { settleSeconds: 3 } });
    const broken = plan.checks.find((c) => c.kind === "declared" && c.expect === "allowed")!;
    const p = prober(env, env, (_round, id) => (id === broken.id ? TIMEOUT : undefined));
    const clock = fakeClock();
    const result = await runProbes(p, plan, { clock });
    // Rounds at 0, 1, 2 and 3 s: it disagreed in all, the last one asked 3 s after the start.
    expect(result.rounds).toBe(4);
    expect(clock.now()).toBe(3000);
    expect(result.results.find((r) => r.check.id === broken.id)?.classification).toBe("deviation");
    expect(result.counts.failed).toBe(1);
  });

  it("one disagreeing round between agreeing ones is no failure", async () => {
    const env = environment();
    const plan = planFor(env, { before: env, reprobe: { settleSeconds: 0 } });
    const flaky = plan.checks.find((c) => c.kind === "declared" && c.expect === "allowed")!;
    const p = prober(env, env, (round, id) => (id === flaky.id && round === 1 ? TIMEOUT : undefined));
    const result = await runProbes(p, plan, { clock: fakeClock() });
    expect(result.rounds).toBe(2);
    expect(result.counts).toMatchObject({ failed: 0, inconclusive: 0 });
  });

  it("a check that could not be made is retried until the deadline, then inconclusive", async () => {
    const env = environment();
    const plan = planFor(env, { before: env, reprobe: { settleSeconds: 0, deadlineSeconds: 5 } });
    const unmade = plan.checks.find((c) => c.kind === "declared" && c.expect === "allowed")!;
    const p = prober(env, env, (_round, id) =>
      id === unmade.id
        ? { outcome: "cannot-check", evidence: "never-started", message: "pending" }
        : undefined,
    );
    const clock = fakeClock();
    const result = await runProbes(p, plan, { clock });
    expect(clock.now()).toBe(5000);
    expect(result.results.find((r) => r.check.id === unmade.id)?.classification).toBe("inconclusive");
    expect(result.counts).toMatchObject({ failed: 0, inconclusive: 1 });
  });
});
