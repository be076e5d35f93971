/**
 * The rollout plan on plain data: stage selection, ordering dependencies, refusals.
 */
import { describe, expect, it } from "vitest";
import { compileEnvironment } from "../../action/src/compile/index.js";
import type { CompiledBundle, CompiledObject } from "../../action/src/compile/types.js";
import { buildEnvironment } from "../helpers/intent-builder.js";
import {
  bundleProblems,
  planRollout,
  RolloutRefusedError,
  selectStage,
} from "../../action/src/rollout/rollout-plan.js";

/** Two managed namespaces (one cross-namespace flow), an unmanaged ingress, one without default-deny. */
function twoNamespaces(): CompiledBundle {
  return compileEnvironment(
    buildEnvironment({
      name: "production",
      cni: "calico",
      excludedNamespaces: ["legacy"],
      namespaces: {
        shop: { services: { frontend: { ports: [80] }, api: { ports: [8080] } } },
        billing: { services: { ledger: { ports: [5432] } } },
        batch: { defaultDeny: false, services: { job: { ports: [9000] } } },
        "ingress-nginx": { managed: false },
      },
      flows: [
        "ingress-nginx -> frontend:80",
        "frontend -> api:8080",
        "api -> ledger:5432",
        "job -> api:8080",
      ],
    }),
  );
}

const options = { environment: "production", excludedNamespaces: ["legacy"], origin: "test bundle" };

function names(objects: { manifest: CompiledObject["manifest"] }[]): string[] {
  return objects.map((o) => `${o.manifest.metadata.namespace}/${o.manifest.metadata.name}`);
}

describe("rollout plan", () => {
  it("each default-deny depends on exactly the allow objects of its own namespace", () => {
    const bundle = twoNamespaces();
    const plan = planRollout(bundle, { ...options, stage: "enforce" });
    const denies = plan.resources.filter((r) => r.stage === "deny");
    expect(denies.map((d) => d.logicalName).sort()).toEqual([
      "billing/default-deny-all",
      "shop/default-deny-all",
    ]);
    for (const deny of denies) {
      const ns = deny.logicalName.split("/")[0];
      const allows = plan.resources.filter((r) => r.stage === "allow" && r.logicalName.startsWith(`${ns}/`));
      expect(allows.length).toBeGreaterThan(1);
      expect(deny.dependsOn.sort()).toEqual(allows.map((a) => a.key).sort());
    }
    for (const allow of plan.resources.filter((r) => r.stage === "allow"))
      expect(allow.dependsOn).toEqual([]);
  });

  it("lists every allow before the deny that depends on it", () => {
    const plan = planRollout(twoNamespaces(), { ...options, stage: "enforce" });
    const seen = new Set<string>();
    for (const r of plan.resources) {
      for (const d of r.dependsOn) expect(seen.has(d), `${r.key} after ${d}`).toBe(true);
      seen.add(r.key);
    }
  });

  it("stage allow drops every deny object and nothing else", () => {
    const bundle = twoNamespaces();
    const plan = planRollout(bundle, { ...options, stage: "allow" });
    expect(names(plan.deployed.objects)).toEqual(names(bundle.objects.filter((o) => o.stage === "allow")));
    expect(plan.resources.every((r) => r.stage === "allow")).toBe(true);
    expect(plan.source).toBe(bundle);
    expect(selectStage(bundle, "enforce")).toBe(bundle);
  });

  it("counts deployed objects per namespace and stage", () => {
    const bundle = twoNamespaces();
    const enforce = planRollout(bundle, { ...options, stage: "enforce" });
    const allow = planRollout(bundle, { ...options, stage: "allow" });
    const count = (ns: string, stage: string) =>
      bundle.objects.filter((o) => o.manifest.metadata.namespace === ns && o.stage === stage).length;
    for (const ns of ["shop", "billing", "batch"]) {
      expect(enforce.counts[ns]).toEqual({ allow: count(ns, "allow"), deny: count(ns, "deny") });
      expect(allow.counts[ns]).toEqual({ allow: count(ns, "allow"), deny: 0 });
    }
    expect(enforce.counts["batch"]?.deny).toBe(0);
    expect(enforce.counts["ingress-nginx"]).toBeUndefined();
  });

  it("a compiled bundle of a shipped shape has no problems", () => {
    expect(bundleProblems(twoNamespaces(), "production", ["legacy"])).toEqual([]);
  });
});

describe("refusals", () => {
  function withObject(mutate: (o: CompiledObject) => CompiledObject): CompiledBundle {
    const bundle = twoNamespaces();
    const first = bundle.objects[0] as CompiledObject;
    return { ...bundle, objects: [...bundle.objects, mutate(structuredClone(first))] };
  }

  const cases: { rule: string; bundle: () => CompiledBundle; problem: RegExp }[] = [
    {
      rule: "an object in kube-system",
      bundle: () =>
        withObject((o) => ({
          ...o,
          manifest: { ...o.manifest, metadata: { ...o.manifest.metadata, namespace: "kube-system" } },
        })),
      problem: /namespace kube-system is a kube-\* namespace/,
    },
    {
      rule: "an object in any kube-* namespace",
      bundle: () =>
        withObject((o) => ({
          ...o,
          manifest: { ...o.manifest, metadata: { ...o.manifest.metadata, namespace: "kube-public" } },
        })),
      problem: /namespace kube-public is a kube-\* namespace/,
    },
    {
      rule: "an object in an excluded namespace",
      bundle: () =>
        withObject((o) => ({
          ...o,
          manifest: { ...o.manifest, metadata: { ...o.manifest.metadata, namespace: "legacy" } },
        })),
      problem: /namespace legacy is in the environment's excludedNamespaces/,
    },
    {
      rule: "an object without a namespace",
      bundle: () =>
        withObject((o) => {
          const { namespace: _ns, ...metadata } = o.manifest.metadata;
          return { ...o, manifest: { ...o.manifest, metadata: { ...metadata, name: "other" } } };
        }),
      problem: /has no namespace/,
    },
    {
      rule: "an object without our managed-by label",
      bundle: () =>
        withObject((o) => ({
          ...o,
          manifest: {
            ...o.manifest,
            metadata: { ...o.manifest.metadata, name: "foreign", labels: { app: "x" } },
          },
        })),
      problem: /lacks the label app\.kubernetes\.io\/managed-by=netpol-rollout/,
    },
    {
      rule: "an object labelled for another environment",
      bundle: () =>
        withObject((o) => ({
          ...o,
          manifest: {
            ...o.manifest,
            metadata: {
              ...o.manifest.metadata,
              name: "elsewhere",
              labels: { ...o.manifest.metadata.labels, "netpol-rollout.io/environment": "staging" },
            },
          },
        })),
      problem: /label netpol-rollout\.io\/environment=staging does not match environment production/,
    },
    {
      rule: "an object whose stage label contradicts its stage",
      bundle: () =>
        withObject((o) => ({
          ...o,
          stage: o.stage === "allow" ? "deny" : "allow",
          manifest: { ...o.manifest, metadata: { ...o.manifest.metadata, name: "confused" } },
        })),
      problem: /contradicts its stage/,
    },
    {
      rule: "the same object twice",
      bundle: () => withObject((o) => o),
      problem: /appears twice/,
    },
    {
      rule: "a kind that is not a network policy",
      bundle: () =>
        withObject((o) => ({
          ...o,
          manifest: {
            ...o.manifest,
            kind: "ConfigMap",
            metadata: { ...o.manifest.metadata, name: "cm" },
          } as unknown as CompiledObject["manifest"],
        })),
      problem: /kind ConfigMap is not a network policy kind/,
    },
    {
      rule: "a bundle of another environment",
      bundle: () => ({ ...twoNamespaces(), environment: "staging" }),
      problem: /of environment "staging" but this stack deploys "production"/,
    },
  ];

  for (const c of cases) {
    it(`refuses ${c.rule}, for either stage`, () => {
      for (const stage of ["allow", "enforce"] as const) {
        let error: unknown;
        try {
          planRollout(c.bundle(), { ...options, stage });
        } catch (e) {
          error = e;
        }
        expect(error, stage).toBeInstanceOf(RolloutRefusedError);
        const refused = error as RolloutRefusedError;
        expect(
          refused.problems.some((p) => c.problem.test(p)),
          refused.message,
        ).toBe(true);
        expect(refused.message).toMatch(/^refusing to deploy test bundle: /);
      }
    });
  }

  it("lists every problem at once", () => {
    const bundle = twoNamespaces();
    const [a, b] = bundle.objects as [CompiledObject, CompiledObject];
    const bad: CompiledBundle = {
      ...bundle,
      objects: [
        { ...a, manifest: { ...a.manifest, metadata: { ...a.manifest.metadata, namespace: "kube-system" } } },
        { ...b, manifest: { ...b.manifest, metadata: { ...b.manifest.metadata, labels: {} } } },
      ],
    };
    expect(bundleProblems(bad, "production", [])).toHaveLength(2);
  });
});
