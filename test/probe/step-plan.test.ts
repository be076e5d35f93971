import { describe, expect, it } from "vitest";
import { compileEnvironment } from "../../action/src/compile/compile.js";
import { ENVIRONMENT_LABEL, MANAGED_BY_LABEL, MANAGED_BY_VALUE } from "../../action/src/compile/types.js";
import type { CiliumNetworkPolicy, NetworkPolicy } from "../../action/src/k8s/types.js";
import { managedBy, planStepProbes, policiesInForce } from "../../action/src/probe/step-plan.js";
import { liveInventory } from "./fixtures.js";
import { environment } from "./scenario.js";

function livePolicy(name: string, labels: Record<string, string> = {}): NetworkPolicy {
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name, namespace: "production", labels },
    spec: { podSelector: {}, policyTypes: ["Ingress"] },
  };
}

const ours = (environment: string) => ({
  [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
  [ENVIRONMENT_LABEL]: environment,
});

describe("the policies in force while a rollout step holds its bundle", () => {
  const env = environment();
  const bundle = { ...compileEnvironment(env), excludedNamespaces: [] };
  const cilium: CiliumNetworkPolicy = {
    apiVersion: "cilium.io/v2",
    kind: "CiliumNetworkPolicy",
    metadata: { name: "hand-written", namespace: "production" },
    spec: {},
  };

  it("replace this environment's own live policies with the bundle, and keep everyone else's", () => {
    const live = [
      livePolicy("old-allow", ours("production")),
      livePolicy("staging-allow", ours("staging")),
      livePolicy("hand-written"),
      cilium,
    ];
    expect(live.map((p) => managedBy(p, "production"))).toEqual([true, false, false, false]);
    const inForce = policiesInForce(live, "production", bundle);
    const nameOf = (p: object) =>
      ("policy" in p ? (p.policy as NetworkPolicy) : (p as NetworkPolicy)).metadata.name;
    const names = inForce.policies.map(nameOf);
    expect(names.slice(0, 2)).toEqual(["staging-allow", "hand-written"]);
    expect(names).not.toContain("old-allow");
    expect(names.length).toBe(2 + bundle.objects.filter((o) => o.manifest.kind === "NetworkPolicy").length);
    expect(inForce.ciliumPolicies?.map(nameOf)).toEqual(["hand-written"]);
  });

  it("plan the step's probes under the given run, judged before and after the step", () => {
    const inventory = liveInventory(env);
    const plan = planStepProbes(
      {
        environment: env,
        bundle,
        before: { ...bundle, objects: [] },
        cluster: { ...inventory, policies: [] },
      },
      { run: { id: "run-1-1", environment: env.name }, pods: { timeoutSeconds: 2 } },
    );
    expect(plan.environment).toBe("production");
    // Before the step nothing was isolated; after it the declared flow is allowed and an
    // undeclared pair is blocked, a change the step's own diff declares.
    const api = plan.checks.find((c) => c.id === "declared:production/frontend->production/api-0:8080/TCP");
    expect(api).toMatchObject({ expect: "allowed", expectBefore: "allowed" });
    const cut = plan.checks.filter((c) => c.kind === "negative" && c.expect === "blocked");
    expect(cut.length).toBeGreaterThan(0);
    expect(cut.every((c) => c.expectBefore === "allowed" && c.changeDeclared)).toBe(true);
    expect(plan.runObjects.every((o) => o.metadata.name === "netpol-probe-run-1-1")).toBe(true);
  });
});
