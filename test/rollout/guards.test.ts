/**
 * Guard specs on plain data: which namespaces each Kyverno rule covers or leaves alone,
 * what new namespaces get, and when the default-deny requirement can block.
 */
import { describe, expect, it } from "vitest";
import { ClusterPolicy } from "@kubernetes-models/kyverno/kyverno.io/v1/ClusterPolicy";
import { compileEnvironment } from "../../action/src/compile/index.js";
import type { CompiledBundle } from "../../action/src/compile/types.js";
import { buildEnvironment } from "../helpers/intent-builder.js";
import type { GuardOptions, GuardResource } from "../../action/src/rollout/guards.js";
import {
  CILIUM_POLICY_DROP_EXPR,
  planGuards,
  referencedNamespaces,
} from "../../action/src/rollout/guards.js";

const bundle: CompiledBundle = compileEnvironment(
  buildEnvironment({
    name: "production",
    cni: "cilium",
    excludedNamespaces: ["legacy"],
    namespaces: {
      shop: { services: { frontend: { ports: [80] }, api: { ports: [8080] } } },
      batch: { defaultDeny: false, services: { job: { ports: [9000] } } },
      "ingress-nginx": { managed: false },
      payments: { managed: false, services: { gateway: { ports: [443] } } },
    },
    flows: ["ingress-nginx -> frontend:80", "frontend -> api:8080", "api -> gateway:443", "job -> api:8080"],
  }),
);

function options(overrides: Partial<GuardOptions> = {}): GuardOptions {
  return {
    environment: "production",
    cni: "cilium",
    stage: "enforce",
    excludedNamespaces: ["legacy"],
    monitoring: { enabled: false, namespace: "monitoring", labels: {} },
    kyverno: { enabled: true, action: "Enforce" },
    ...overrides,
  };
}

function policy(resources: GuardResource[], suffix: string): Record<string, unknown> {
  const found = resources.find((r) => r.kind === "ClusterPolicy" && r.logicalName.endsWith(suffix));
  if (found === undefined) throw new Error(`no ClusterPolicy *${suffix}`);
  return found.manifest;
}

type Rule = Record<string, unknown> & { name: string };
function rules(manifest: Record<string, unknown>): Rule[] {
  return (manifest["spec"] as { rules: Rule[] }).rules;
}

describe("kyverno guards", () => {
  it("nothing is planned when both guards are off", () => {
    expect(planGuards(bundle, options({ kyverno: { enabled: false, action: "Audit" } }))).toEqual({
      resources: [],
      warnings: [],
      notes: [],
    });
  });

  it("the default-deny requirement covers exactly the namespaces this environment default-denies", () => {
    const plan = planGuards(bundle, options());
    const [rule] = rules(policy(plan.resources, "require-default-deny"));
    expect(JSON.stringify(rule?.["match"])).toBe(
      JSON.stringify({ any: [{ resources: { kinds: ["Namespace"], names: ["shop"] } }] }),
    );
    expect((rule?.["validate"] as { failureAction: string }).failureAction).toBe("Enforce");
  });

  it("stage allow registers the requirement in Audit mode and says so", () => {
    const plan = planGuards(bundle, options({ stage: "allow" }));
    const [rule] = rules(policy(plan.resources, "require-default-deny"));
    expect((rule?.["validate"] as { failureAction: string }).failureAction).toBe("Audit");
    expect(plan.notes.join("\n")).toMatch(/Audit mode for this deploy/);
  });

  it("new namespaces get allow-dns (the environment's own) before default-deny-all; known namespaces are left alone", () => {
    const plan = planGuards(bundle, options());
    const generate = rules(policy(plan.resources, "default-deny-new-namespaces"));
    expect(generate.map((r) => (r["generate"] as { name: string }).name)).toEqual([
      "allow-dns",
      "default-deny-all",
    ]);
    const allowDns = bundle.objects.find((o) => o.manifest.metadata.name === "allow-dns");
    const dnsData = (generate[0]?.["generate"] as { data: { spec: unknown } }).data.spec;
    expect(dnsData).toEqual(allowDns?.manifest.spec);
    for (const r of generate) {
      const g = r["generate"] as { synchronize: boolean; generateExisting: boolean; namespace: string };
      expect(g.synchronize).toBe(true);
      expect(g.generateExisting).toBe(false);
      expect(g.namespace).toBe("{{ request.object.metadata.name }}");
      const names = (r["exclude"] as { any: { resources: { names: string[] } }[] }).any[0]?.resources.names;
      expect(names).toEqual(["kube-*", "batch", "ingress-nginx", "legacy", "payments", "shop"]);
    }
  });

  it("pods no NetworkPolicy selects are reported, never blocked, outside kube-* and excluded namespaces", () => {
    const plan = planGuards(bundle, options());
    const report = policy(plan.resources, "report-unselected-pods");
    const [rule] = rules(report);
    expect((rule?.["validate"] as { failureAction: string }).failureAction).toBe("Audit");
    expect(JSON.stringify(rule?.["exclude"])).toContain('"namespaces":["kube-*","legacy"]');
    expect((report["metadata"] as { annotations: Record<string, string> }).annotations).toMatchObject({
      "pod-policies.kyverno.io/autogen-controllers": "none",
    });
  });

  it("every ClusterPolicy is valid against the Kyverno CRD schema", () => {
    const plan = planGuards(bundle, options());
    const policies = plan.resources.filter((r) => r.kind === "ClusterPolicy");
    expect(policies).toHaveLength(3);
    for (const p of policies)
      expect(() => new ClusterPolicy(p.manifest as never).validate(), p.logicalName).not.toThrow();
  });

  it("without any default-denied namespace there is no requirement (an empty names list would match every namespace)", () => {
    const open = compileEnvironment(
      buildEnvironment({
        name: "production",
        namespaces: {
          batch: { defaultDeny: false, services: { job: { ports: [9000] }, api: { ports: [80] } } },
        },
        flows: ["job -> api:80"],
      }),
    );
    const plan = planGuards(open, options());
    expect(plan.resources.some((r) => r.logicalName.endsWith("require-default-deny"))).toBe(false);
  });

  it("finds peer namespaces by their name labels anywhere in a spec", () => {
    expect(
      referencedNamespaces({
        egress: [
          { to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "payments" } } }] },
        ],
        ingress: [
          { fromEndpoints: [{ matchLabels: { "k8s:io.kubernetes.pod.namespace": "ingress-nginx" } }] },
        ],
      }),
    ).toEqual(["payments", "ingress-nginx"]);
  });
});

describe("monitoring guard", () => {
  it("uses Cilium's agent metric with its real reason label, not Hubble's spelling", () => {
    expect(CILIUM_POLICY_DROP_EXPR).toContain('cilium_drop_count_total{reason="Policy denied"}');
    expect(CILIUM_POLICY_DROP_EXPR).not.toContain("POLICY_DENIED");
  });

  it("on calico and generic registers nothing and warns once", () => {
    for (const cni of ["calico", "generic"] as const) {
      const plan = planGuards(bundle, {
        ...options({ cni, kyverno: { enabled: false, action: "Audit" } }),
        monitoring: { enabled: true, namespace: "monitoring", labels: {} },
      });
      expect(plan.resources).toEqual([]);
      expect(plan.warnings).toHaveLength(1);
      expect(plan.warnings[0]).toMatch(new RegExp(`not available for profile ${cni}`));
    }
  });
});
