/**
 * Denials look different on different dataplanes: a refusal is read as the profile says, the
 * plan aims declared flows at ports that listen where denials are rejected, and the report
 * says what that costs.
 */
import { describe, expect, it } from "vitest";
import { CNI_PROFILES } from "../../action/src/cni/profiles.js";
import { runProbes, type Clock } from "../../action/src/probe/run.js";
import { SimulatedProber } from "../../action/src/probe/simulated.js";
import { buildProbePlan } from "../../action/src/probe/probe-plan.js";
import type { ObservedOutcome, PlanInventory, ProbePlan, Prober } from "../../action/src/probe/types.js";
import { readObservation } from "../../action/src/probe/types.js";
import type { EnvironmentIntent } from "../../action/src/intent/model.js";
import { liveInventory } from "./fixtures.js";
import { environment, planFor, policiesOf, THREE_TIERS } from "./scenario.js";

const fakeClock = (): Clock => {
  let t = 0;
  return { now: () => t, sleep: (ms) => Promise.resolve(void (t += ms)) };
};

const REFUSED: ObservedOutcome = { outcome: "refused" };

function simulated(env: EnvironmentIntent): Prober {
  return new SimulatedProber({
    inventory: liveInventory(env),
    policies: policiesOf(env),
    profile: env.profile,
  });
}

/** The environment on another profile, as an intent declaring it would load. */
function on(env: EnvironmentIntent, cni: keyof typeof CNI_PROFILES): EnvironmentIntent {
  return { ...env, cni, profile: CNI_PROFILES[cni] };
}

describe("a refusal, read on each dataplane", () => {
  it("is a connection that reached its pod where denials are dropped", () => {
    expect(readObservation(REFUSED, "drop").seen).toBe("allowed");
  });

  it("is blocked where denials are rejected, as kube-router does", () => {
    expect(CNI_PROFILES["kube-router"].denials).toBe("reject");
    expect(readObservation(REFUSED, "reject")).toMatchObject({
      seen: "blocked",
      reading: expect.stringMatching(/rejects denied connections/),
    });
  });

  it("decides nothing where the profile does not say (generic), and says how to declare it", () => {
    expect(CNI_PROFILES.generic.denials).toBe("unknown");
    expect(readObservation(REFUSED, "unknown")).toMatchObject({
      seen: "cannot-check",
      reading: expect.stringMatching(/declare denials: drop or reject/),
    });
  });

  it("a timeout is blocked and a connection allowed on every dataplane", () => {
    for (const d of ["drop", "reject", "unknown"] as const) {
      expect(readObservation({ outcome: "blocked", detail: "timeout" }, d).seen).toBe("blocked");
      expect(readObservation({ outcome: "allowed", detail: "connected" }, d).seen).toBe("allowed");
    }
  });
});

describe("a probe run on a dataplane that rejects denied connections", () => {
  const env = on(environment(), "kube-router");

  it("counts the refused must-stay-blocked checks as blocked, and the report says what that costs", async () => {
    const plan = planFor(env, { before: env });
    expect(plan.dataplane).toEqual({ cni: "kube-router", denials: "reject" });
    const result = await runProbes(simulated(env), plan, { clock: fakeClock() });
    const negatives = result.results.filter((r) => r.check.kind === "negative");
    expect(negatives.length).toBeGreaterThan(0);
    expect(negatives.every((r) => r.observed.outcome === "refused" && r.seen === "blocked")).toBe(true);
    expect(result.counts).toMatchObject({ failed: 0, inconclusive: 0 });
    const spare = negatives.filter((r) => r.check.listens === false);
    expect(spare.length).toBeGreaterThan(0);
    // Outside addresses no flow allows are refused too, and counted with them.
    const refused = result.results.filter(
      (r) => r.check.expect === "blocked" && r.observed.outcome === "refused",
    );
    expect(result.coverage).toEqual([
      expect.stringMatching(
        new RegExp(
          `^kube-router rejects denied connections: ${refused.length} checks that must stay blocked were refused and counted as blocked\\. ${spare.length} of them go(es)? to a port where nothing is declared to listen`,
        ),
      ),
    ]);
  });

  it("the same refusals on an environment declared as dropping its denials are over-open deviations", async () => {
    const declaredDrop = on(environment(), "calico");
    const plan = planFor(declaredDrop, { before: declaredDrop });
    // The cluster really rejects: the simulation of the kube-router plan's dataplane.
    const rejecting = simulated(env);
    const result = await runProbes(
      {
        name: "rejecting",
        probe: (req) =>
          rejecting.probe({
            ...req,
            plan: { ...req.plan, dataplane: { cni: "kube-router", denials: "reject" } },
          }),
        close: () => Promise.resolve(),
      },
      plan,
      { clock: fakeClock() },
    );
    const negatives = result.results.filter((r) => r.check.kind === "negative");
    expect(negatives.every((r) => r.seen === "allowed" && r.classification === "deviation")).toBe(true);
  });
});

describe("the plan on a dataplane that rejects denied connections", () => {
  const spec = {
    ...THREE_TIERS,
    namespaces: {
      ...THREE_TIERS.namespaces,
      production: {
        services: {
          frontend: { ports: [80] },
          api: { ports: ["8000-8999", "9000-9100"] },
          database: { ports: [5432] },
        },
      },
    },
    flows: ["ingress-nginx -> frontend:80", "frontend -> api:8000-8999", "api -> database:5432"],
  };
  /** The cluster: api's pods listen on 8080 and 8443 (their container ports), inside the first range. */
  const inventory = (env: EnvironmentIntent): PlanInventory => {
    const inv = liveInventory(env);
    return {
      ...inv,
      pods: inv.pods.map((p) =>
        p.metadata.labels?.["app"] === "api"
          ? {
              ...p,
              spec: {
                containers: [
                  {
                    name: "api",
                    ports: [
                      { containerPort: 8080, protocol: "TCP" },
                      { containerPort: 8443, protocol: "TCP" },
                    ],
                  },
                ],
              },
            }
          : p,
      ),
    };
  };
  const plan = (env: EnvironmentIntent) =>
    buildProbePlan({
      environment: env,
      inventory: inventory(env),
      after: policiesOf(env),
      before: policiesOf(undefined),
    });
  const declared = (plan: ProbePlan, flow: string) =>
    plan.checks.filter((c) => c.reason === `declared: ${flow}` || c.reason.startsWith(`declared: ${flow};`));

  it("aims a port range at the ports inside it that listen, instead of its ends", () => {
    const env = on(environment(spec, []), "kube-router");
    expect(
      declared(plan(env), "frontend -> api:8000-8999").map((c) => [c.port, c.expect, c.listens]),
    ).toEqual([
      [8080, "allowed", true],
      [8443, "allowed", true],
    ]);
  });

  it("where denials are dropped, a refusal proves the flow: the range's ends are checked", () => {
    const env = on(environment(spec, []), "calico");
    expect(declared(plan(env), "frontend -> api:8000-8999").map((c) => [c.port, c.expect])).toEqual([
      [8000, "allowed"],
      [8999, "allowed"],
    ]);
  });

  it("a range where nothing listens is not checked, and says why", () => {
    const env = on(
      environment({ ...spec, flows: ["frontend -> api:9000-9100", "api -> database:5432"] }, []),
      "kube-router",
    );
    const p = plan(env);
    const checks = declared(p, "frontend -> api:9000-9100");
    expect(checks.length).toBeGreaterThan(0);
    for (const c of checks) {
      expect(c.expect).toBe("cannot-check");
      expect(c.cannotCheck).toBe("no-listener");
      expect(c.reason).toMatch(
        /nothing is declared to listen on 9(000|100)\/TCP .* kube-router rejects denied connections/,
      );
    }
    expect(p.cannotCheck.map((c) => c.reason)).toContain("no-listener");
  });

  it("marks whether each checked port has a declared listener", () => {
    const env = on(environment(spec, ["198.51.100.10:443"]), "kube-router");
    const checkable = plan(env).checks.filter((c) => c.expect !== "cannot-check");
    expect(checkable.every((c) => c.listens !== undefined)).toBe(true);
    // The undeclared port of a declared callee (81: nothing listens there) is kept, flagged.
    expect(checkable.filter((c) => c.listens === false).map((c) => `${c.kind} ${c.port}`)).toEqual(
      expect.arrayContaining(["negative 81"]),
    );
  });
});

describe("a probe run where the profile does not say how denials look", () => {
  it("a refused must-stay-blocked check is inconclusive, with how to declare the dataplane", async () => {
    const env = on(environment(), "generic");
    const plan = planFor(env, { before: env });
    const spare = plan.checks.find((c) => c.kind === "negative" && c.listens === false)!;
    const base = simulated(env);
    const prober: Prober = {
      name: "refusing",
      async probe(req) {
        const seen = await base.probe(req);
        if (seen.outcomes.has(spare.id)) seen.outcomes.set(spare.id, REFUSED);
        return seen;
      },
      close: () => Promise.resolve(),
    };
    const result = await runProbes(
      prober,
      { ...plan, reprobe: { ...plan.reprobe, deadlineSeconds: 3 } },
      {
        clock: fakeClock(),
      },
    );
    const r = result.results.find((x) => x.check.id === spare.id)!;
    expect(r.classification).toBe("inconclusive");
    expect(r.reading).toMatch(/decides nothing/);
    expect(result.coverage.join("\n")).toMatch(/Declare denials: drop or reject .*iptablesFilterDenyAction/);
  });
});
