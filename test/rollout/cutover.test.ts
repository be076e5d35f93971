/**
 * The first deploy of an environment that replaces a cluster's own policies: deployed and
 * proven beside them, then they are removed (each only as read) and the environment probed
 * without them; a failed probe puts them back. Refused before any change when a replaced
 * policy changed since it was recorded, or when a step would open or cut what neither side does.
 */
import { describe, expect, it } from "vitest";
import { compileEnvironment } from "../../action/src/compile/index.js";
import { MANAGED_BY_LABEL } from "../../action/src/compile/types.js";
import type { NetworkPolicy } from "../../action/src/k8s/types.js";
import type { ProbeCheck } from "../../action/src/probe/types.js";
import { denyNeverWithoutAllows, type PolicyView } from "../fakes/rollout.js";
import { managed, production, REV_A, setup, target } from "../helpers/rollout-scenario.js";

/** The cluster's own policies: production's, by other names, without netpol-rollout's labels. */
function originals(): NetworkPolicy[] {
  return compileEnvironment(production()).objects.map((o) => {
    const np = structuredClone(o.manifest) as NetworkPolicy;
    np.metadata = { name: `team-${np.metadata.name}`, namespace: np.metadata.namespace! };
    return np;
  });
}

function scenario() {
  const s = setup();
  const removed: string[] = [];
  const restored: string[] = [];
  const own = originals();
  for (const np of own) s.cluster.put(np);
  s.deps.foreign = {
    remove: async (policy) => {
      removed.push(`${policy.metadata.namespace}/${policy.metadata.name}`);
      s.cluster.remove(`NetworkPolicy/${policy.metadata.namespace}/${policy.metadata.name}`);
    },
    restore: async (policy) => {
      restored.push(`${policy.metadata.namespace}/${policy.metadata.name}`);
      s.cluster.put(policy);
    },
  };
  const replacing = { ...target(production(), REV_A), replaced: { policies: own, ciliumPolicies: [] } };
  return { ...s, removed, restored, replacing, own };
}

const foreignNames = (
  policies: Iterable<NetworkPolicy | { metadata: { name: string; labels?: Record<string, string> } }>,
) =>
  [...policies]
    .filter((p) => p.metadata.labels?.[MANAGED_BY_LABEL] === undefined)
    .map((p) => p.metadata.name)
    .sort();

describe("the first deploy of an import", () => {
  it("deploys beside the replaced policies, removes them, probes without them, and records the environment", async () => {
    const { cluster, rollout, replacing, removed, restored, own, history } = scenario();
    const report = await rollout([replacing]);
    const env = report.environments[0]!;
    expect(env.status).toBe("deployed");
    expect(removed.sort()).toEqual(own.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).sort());
    expect(restored).toEqual([]);
    expect(foreignNames(cluster.policies.values())).toEqual([]);
    expect(managed(cluster)).toEqual(
      compileEnvironment(production())
        .objects.map((o) => `${o.manifest.metadata.namespace}/${o.manifest.metadata.name}`)
        .sort(),
    );
    expect(env.timeline.map((t) => `${t.phase} ${t.step} ${t.ok}`)).toContain("deploy remove replaced true");
    expect(env.probes.map((p) => p.step)).toContain("without the replaced policies");
    // Every state on the way: the replaced policies stayed until the environment's deny was in place.
    const replacedAt = cluster.states.findIndex((st) => ![...st.keys()].some((k) => k.includes("/team-")));
    const denyAt = cluster.states.findIndex((st) => st.has("NetworkPolicy/shop/default-deny-all"));
    expect(denyAt).toBeGreaterThan(-1);
    expect(replacedAt).toBeGreaterThan(denyAt);
    expect(denyNeverWithoutAllows(cluster)).toEqual([]);
    expect((await history.read("production")).entries.length).toBeGreaterThan(0);
  });

  it("puts the replaced policies back when the environment without them fails its probe", async () => {
    const s = scenario();
    // A dataplane on which frontend -> api works only while a replaced policy is there.
    s.probes.deviations.push((check: ProbeCheck, view: PolicyView) =>
      check.id === "declared/shop/frontend->shop/api:8080/TCP" &&
      ![...view.policies.keys()].some((k) => k.includes("/team-"))
        ? { outcome: "blocked", detail: "timeout" }
        : undefined,
    );
    const report = await s.rollout([s.replacing]);
    const env = report.environments[0]!;
    expect(env.status).toBe("failed");
    expect(env.reason).toMatch(/^without the replaced policies: .*; the replaced policies were put back \(/);
    expect(s.restored.sort()).toEqual(s.removed.sort());
    expect(foreignNames(s.cluster.policies.values())).toEqual(s.own.map((p) => p.metadata.name).sort());
  });

  it("refuses before any change when a replaced policy changed since it was recorded", async () => {
    const s = scenario();
    const edited = structuredClone(s.own[0]!);
    edited.spec.policyTypes = ["Ingress"];
    s.cluster.put(edited);
    const before = s.cluster.states.length;
    const report = await s.rollout([s.replacing]);
    expect(report.environments[0]!.status).toBe("refused");
    expect(report.refusals.join("\n")).toContain(
      `NetworkPolicy ${edited.metadata.namespace}/${edited.metadata.name} changed since netpol-rollout import recorded it`,
    );
    expect(s.cluster.states.length).toBe(before);
    expect(s.deployer.ups).toEqual([]);
  });

  it("refuses a step that would open what neither the replaced policies nor the environment allow", async () => {
    const s = scenario();
    // The cluster's own policies also let api take worker's calls, which worker may not make.
    const fromWorker: NetworkPolicy = {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "team-api-from-worker", namespace: "shop" },
      spec: {
        podSelector: { matchLabels: { app: "api" } },
        ingress: [{ from: [{ podSelector: { matchLabels: { app: "worker" } } }], ports: [{ port: 8080 }] }],
      },
    };
    s.cluster.put(fromWorker);
    // The environment lets worker call api, which api does not take: blocked now (worker's
    // egress), blocked at the end (api's ingress), and open on the way, while the
    // environment's allows stand beside the replaced policies.
    const env = production();
    env.namespaces.find((n) => n.name === "shop")!.policies = [
      {
        name: "worker-to-api",
        namespace: "shop",
        spec: {
          podSelector: { matchLabels: { app: "worker" } },
          policyTypes: ["Egress"],
          egress: [{ to: [{ podSelector: { matchLabels: { app: "api" } } }], ports: [{ port: 8080 }] }],
        },
        ruleSources: { ingress: [], egress: [env.source] },
        source: env.source,
      },
    ];
    const before = s.cluster.states.length;
    const replaced = { policies: [...s.own, fromWorker], ciliumPolicies: [] };
    const report = await s.rollout([{ ...target(env, REV_A), replaced }]);
    expect(report.environments[0]!.status).toBe("refused");
    expect(report.refusals.join("\n")).toMatch(
      /with the environment's allows beside the replaced policies, \d+ connections? would change .*shop\/worker-0 -> shop\/api-0 8080\/TCP opened/,
    );
    expect(s.cluster.states.length).toBe(before);
    expect(s.deployer.ups).toEqual([]);
  });
});
