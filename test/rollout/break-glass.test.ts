/**
 * Break-glass only for a loss a policy caused: the callee is checked before any deny is
 * lifted, a loss that outlives the lifted denies puts them back at once, unmanaged
 * namespaces are never named, and `break-glass: never` keeps every deny.
 */
import { describe, expect, it } from "vitest";
import { compileEnvironment } from "../../action/src/compile/index.js";
import type { CheckResult, ObservedOutcome, ProbeCheck } from "../../action/src/probe/types.js";
import { checkCallees, liftableNamespaces } from "../../action/src/rollout/break-glass.js";
import { rolloutSucceeded } from "../../action/src/rollout/outcome.js";
import { dnsBrokenUnderDeny, shopCluster } from "../fakes/rollout.js";
import {
  compiledNames,
  FLOWS_B,
  managed,
  production,
  REV_A,
  REV_B,
  setup,
  target,
} from "../helpers/rollout-scenario.js";

/** The callee stops answering: every connection to it times out, whatever the policies say. */
const hung = (namespace: string, pod: string) => (check: ProbeCheck) =>
  "pod" in check.to && check.to.namespace === namespace && check.to.pod === pod
    ? ({ outcome: "blocked", detail: "timeout" } as const)
    : undefined;

describe("break-glass only for a loss a policy caused", () => {
  it("a callee that hangs during a deploy of an unrelated flow: the rollback stands, no deny is lifted at any moment", async () => {
    const { cluster, probes, rollout } = setup();
    await rollout([target(production(), REV_A)]);
    const before = cluster.states.length;
    probes.deviations.push(hung("billing", "ledger-0"));
    const report = await rollout([target(production(FLOWS_B), REV_B)]);

    const outcome = report.environments[0]!;
    expect(outcome.status).toBe("rolled-back");
    expect(outcome.reason).toMatch(/not a policy problem: billing\/ledger-0:5432 is unreachable/);
    expect(outcome.reason).toMatch(/break-glass refused, every default-deny stays/);
    expect(outcome.breakGlass).toBeUndefined();
    for (const state of cluster.states.slice(before)) {
      expect(state.has("NetworkPolicy/shop/default-deny-all")).toBe(true);
      expect(state.has("NetworkPolicy/billing/default-deny-all")).toBe(true);
    }
    expect(managed(cluster)).toEqual(compiledNames(production()));
    expect(rolloutSucceeded(report)).toBe(false);
  });

  it("a callee whose readiness still passes but the loss outlives the lifted denies: they are restored at once", async () => {
    const { cluster, probes, rollout } = setup();
    await rollout([target(production(), REV_A)]);
    // The kubelet's readiness probe on 5432 still passes, so the callee counts as reachable.
    cluster.probeReadiness("billing", "ledger-0", 5432);
    probes.deviations.push(hung("billing", "ledger-0"));
    const report = await rollout([target(production(FLOWS_B), REV_B)]);

    const outcome = report.environments[0]!;
    expect(outcome.status).toBe("rolled-back");
    expect(outcome.reason).toMatch(
      /not a policy problem: the loss persisted with the default-deny of billing, shop lifted, so it was restored at once/,
    );
    expect(outcome.breakGlass).toBeUndefined();
    expect(outcome.probes.map((p) => [p.phase, p.decision ?? "-"])).toEqual([
      ["deploy", "rollback"],
      ["rollback", "break-glass"],
      ["break-glass", "-"],
    ]);
    expect(cluster.hasDeny("shop")).toBe(true);
    expect(cluster.hasDeny("billing")).toBe(true);
    expect(managed(cluster)).toEqual(compiledNames(production()));
  });

  it("a callee with no ready endpoint is unreachable: nothing is lifted", async () => {
    const { cluster, probes, rollout } = setup();
    await rollout([target(production(), REV_A)]);
    cluster.probeReadiness("billing", "ledger-0", 5432);
    cluster.setReady("billing", "ledger-0", false);
    probes.deviations.push(hung("billing", "ledger-0"));
    const report = await rollout([target(production(FLOWS_B), REV_B)]);
    expect(report.environments[0]?.reason).toMatch(
      /billing\/ledger-0:5432 is unreachable \(it has no ready endpoint/,
    );
    expect(cluster.hasDeny("billing")).toBe(true);
  });

  it("break-glass: never keeps every default-deny, and says so", async () => {
    const { cluster, probes, rollout } = setup();
    await rollout([target(production(), REV_A)]);
    probes.deviations.push(dnsBrokenUnderDeny("shop"));
    const report = await rollout([target(production(FLOWS_B), REV_B)], { breakGlass: "never" });
    const outcome = report.environments[0]!;
    expect(outcome.status).toBe("rolled-back");
    expect(outcome.reason).toMatch(/break-glass is off \(break-glass: never\), every default-deny stays/);
    expect(cluster.hasDeny("shop")).toBe(true);
    expect(outcome.breakGlass).toBeUndefined();
  });
});

describe("what break-glass may name and what shows a callee up", () => {
  const check = (over: Partial<ProbeCheck>): ProbeCheck => ({
    id: "c",
    kind: "declared",
    from: { namespace: "shop", labels: { app: "api" } },
    to: { namespace: "billing", pod: "ledger-0", service: "ledger" },
    port: 5432,
    protocol: "TCP",
    expect: "allowed",
    expectBefore: "allowed",
    changeDeclared: false,
    reason: "declared flow",
    ...over,
  });
  const result = (c: ProbeCheck, observed: ObservedOutcome): CheckResult => ({
    check: c,
    observed,
    seen: observed.outcome === "allowed" ? "allowed" : "blocked",
    classification: observed.outcome === "allowed" ? "as-expected" : "deviation",
    attempts: 1,
  });
  const timeout: ObservedOutcome = { outcome: "blocked", detail: "timeout" };

  it("an unmanaged namespace (ingress-nginx) holds no default-deny of the bundle, so it is never named", () => {
    const lost = result(
      check({
        from: { namespace: "ingress-nginx", labels: { "app.kubernetes.io/name": "ingress-nginx" } },
        to: { namespace: "shop", pod: "frontend-0", service: "frontend" },
        port: 80,
      }),
      timeout,
    );
    expect(liftableNamespaces(compileEnvironment(production()), [lost])).toEqual(["shop"]);
  });

  it("another check of the run that reached the callee is a control path; a refusal is not", async () => {
    const state = await shopCluster().read();
    const lost = result(check({}), timeout);
    const other = (observed: ObservedOutcome) =>
      result(check({ id: "other", from: { namespace: "billing", labels: { app: "x" } } }), observed);
    const reached = checkCallees([lost], [lost, other({ outcome: "allowed", detail: "connected" })], state);
    expect(reached[0]).toMatchObject({ reachable: true, callee: "billing/ledger-0:5432" });
    const refused = checkCallees([lost], [lost, other({ outcome: "refused" })], state);
    expect(refused[0]?.reachable).toBe(false);
  });

  it("a readiness probe on the port by its name counts; one on another port does not", async () => {
    const cluster = shopCluster();
    const ledger = cluster.pods.find((p) => p.metadata.name === "ledger-0")!;
    const container = ledger.spec!.containers![0]!;
    container.ports = [{ name: "pg", containerPort: 5432 }];
    const lost = result(check({}), timeout);
    container.readinessProbe = { tcpSocket: { port: "pg" } };
    expect(checkCallees([lost], [lost], await cluster.read())[0]?.reachable).toBe(true);
    container.readinessProbe = { httpGet: { port: 8080 } };
    expect(checkCallees([lost], [lost], await cluster.read())[0]?.reachable).toBe(false);
  });

  it("DNS: the cluster DNS Service's pods must be Ready, and another namespace's query answered", async () => {
    const cluster = shopCluster();
    const dns = (ns: string, observed: ObservedOutcome) =>
      result(
        check({
          id: `dns/${ns}`,
          kind: "dns",
          from: { namespace: ns, labels: {} },
          to: { dns: "kubernetes.default.svc.cluster.local" },
          port: 53,
          protocol: "UDP",
        }),
        observed,
      );
    const lost = dns("shop", { outcome: "dns-failure", message: "no answer" });
    const answered = dns("billing", { outcome: "allowed", detail: "connected" });
    expect(checkCallees([lost], [lost, answered], await cluster.read())[0]?.reachable).toBe(true);
    cluster.setReady("kube-system", "coredns-0", false);
    expect(checkCallees([lost], [lost, answered], await cluster.read())[0]).toMatchObject({
      reachable: false,
      reason: expect.stringContaining("no ready endpoint") as string,
    });
  });
});
