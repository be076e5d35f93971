/**
 * Safe transitions on plain data: which objects each rollout step deploys, checked against
 * the semantics engine (a step never closes a flow the step before allowed, except the
 * flows the target closes on purpose).
 */
import { describe, expect, it } from "vitest";
import { compileEnvironment } from "../../action/src/compile/index.js";
import type { CompiledBundle } from "../../action/src/compile/types.js";
import type { EnvironmentIntent } from "../../action/src/intent/model.js";
import type { NetworkPolicy, PolicyObject } from "../../action/src/k8s/types.js";
import { diffCompiled } from "../../action/src/semantics/diff.js";
import {
  breakGlassStep,
  liveBundle,
  NEXT_SUFFIX,
  planTransition,
  sameObjects,
} from "../../action/src/rollout/transitions.js";
import { buildEnvironment, type EnvironmentSpec } from "../helpers/intent-builder.js";

const EMPTY: CompiledBundle = { environment: "production", cni: "calico", objects: [] };

function env(spec: Partial<EnvironmentSpec> = {}): EnvironmentIntent {
  return buildEnvironment({
    name: "production",
    cni: "calico",
    namespaces: {
      shop: { services: { frontend: { ports: [80] }, api: { ports: [8080] }, worker: { ports: [9000] } } },
      billing: { services: { ledger: { ports: [5432] } } },
      "ingress-nginx": { managed: false },
    },
    flows: ["ingress-nginx -> frontend:80", "frontend -> api:8080", "api -> ledger:5432"],
    ...spec,
  });
}

function names(bundle: CompiledBundle, namespace?: string): string[] {
  return bundle.objects
    .filter((o) => namespace === undefined || o.manifest.metadata.namespace === namespace)
    .map((o) => `${o.manifest.metadata.namespace}/${o.manifest.metadata.name}`)
    .sort();
}

function denies(bundle: CompiledBundle): string[] {
  return bundle.objects.filter((o) => o.stage === "deny").map((o) => o.manifest.metadata.namespace ?? "");
}

/** Flows (as "from -> to:port/protocol") the semantics engine says close between two object sets. */
function closed(
  intents: { base: EnvironmentIntent; head: EnvironmentIntent },
  from: CompiledBundle,
  to: CompiledBundle,
): string[] {
  return diffCompiled({ ...intents, bundles: { base: from, head: to } })
    .changes.filter((c) => c.change === "removed")
    .map((c) => `${c.from} -> ${c.to}:${c.port}/${c.protocol}`);
}

function opened(
  intents: { base: EnvironmentIntent; head: EnvironmentIntent },
  from: CompiledBundle,
  to: CompiledBundle,
): string[] {
  return diffCompiled({ ...intents, bundles: { base: from, head: to } })
    .changes.filter((c) => c.change === "added")
    .map((c) => `${c.from} -> ${c.to}:${c.port}/${c.protocol}`);
}

describe("transitions from nothing (first enforcement)", () => {
  it("deploys the allows and DNS first, without any default-deny, then the target set", () => {
    const target = compileEnvironment(env());
    const plan = planTransition(EMPTY, target);
    expect(plan.steps.map((s) => s.kind)).toEqual(["expand", "contract"]);
    const [first, second] = plan.steps;
    expect(denies(first!.bundle)).toEqual([]);
    expect(names(first!.bundle)).toContain("shop/allow-dns");
    expect(first!.namespaces.map((n) => [n.namespace, n.action])).toEqual([
      ["billing", "allows"],
      ["shop", "allows"],
    ]);
    expect(sameObjects(second!.bundle, target)).toBe(true);
    expect(second!.namespaces.map((n) => [n.namespace, n.action, n.deny])).toEqual([
      ["billing", "enforce", 1],
      ["shop", "enforce", 1],
    ]);
  });

  it("a namespace without default-deny in the intent gets its allows in one step", () => {
    const target = compileEnvironment(
      env({
        namespaces: {
          shop: { defaultDeny: false, services: { frontend: { ports: [80] }, api: { ports: [8080] } } },
        },
        flows: ["frontend -> api:8080"],
      }),
    );
    const plan = planTransition(EMPTY, target);
    expect(plan.steps.map((s) => s.kind)).toEqual(["expand"]);
    expect(sameObjects(plan.steps[0]!.bundle, target)).toBe(true);
  });
});

describe("transitions of an enforced environment (expand, then contract)", () => {
  const before = env();
  const after = env({
    // frontend -> api moves from port 8080 to 9000 on worker; api -> ledger stays.
    flows: ["ingress-nginx -> frontend:80", "frontend -> worker:9000", "api -> ledger:5432"],
  });
  const intents = { base: before, head: after };
  const live = compileEnvironment(before);
  const target = compileEnvironment(after);
  const plan = planTransition(live, target);

  it("keeps every default-deny in every step", () => {
    expect(plan.enforcedBefore).toEqual(["billing", "shop"]);
    for (const step of plan.steps) expect(denies(step.bundle).sort()).toEqual(["billing", "shop"]);
  });

  it("expand closes no flow that was open", () => {
    expect(plan.steps[0]!.kind).toBe("expand");
    expect(closed(intents, live, plan.steps[0]!.bundle)).toEqual([]);
  });

  it("expand already opens every flow the target opens", () => {
    expect(opened(intents, plan.steps[0]!.bundle, target)).toEqual([]);
    expect(opened(intents, live, plan.steps[0]!.bundle)).toEqual(opened(intents, live, target));
  });

  it("contract deploys exactly the target and closes only what the target closes", () => {
    const contract = plan.steps[1]!;
    expect(contract.kind).toBe("contract");
    expect(sameObjects(contract.bundle, target)).toBe(true);
    expect(closed(intents, plan.steps[0]!.bundle, contract.bundle)).toEqual(closed(intents, live, target));
    expect(closed(intents, live, target)).toEqual(["shop/frontend -> shop/api:8080/TCP"]);
    expect(contract.namespaces.find((n) => n.namespace === "shop")?.action).toBe("contract");
  });

  it("names the actions per namespace: expand where something changes, unchanged elsewhere", () => {
    expect(plan.steps[0]!.namespaces.map((n) => [n.namespace, n.action])).toEqual([
      ["billing", "unchanged"],
      ["shop", "expand"],
    ]);
  });
});

describe("merging two versions of one policy", () => {
  it("one object with both rule sets when the selector is the same", () => {
    const before = env({ flows: ["frontend -> api:8080"] });
    const after = env({ flows: ["worker -> api:8080"] });
    const plan = planTransition(compileEnvironment(before), compileEnvironment(after));
    const ingress = plan.steps[0]!.bundle.objects.find((o) => o.manifest.metadata.name === "api-ingress");
    const spec = (ingress!.manifest as NetworkPolicy).spec;
    const froms = (spec.ingress ?? [])
      .flatMap((r) => r.from ?? [])
      .map((p) => p.podSelector?.matchLabels?.["app"]);
    expect(froms.sort()).toEqual(["frontend", "worker"]);
    expect(names(plan.steps[0]!.bundle).filter((n) => n.endsWith(NEXT_SUFFIX))).toEqual([]);
    expect(ingress!.ruleOrigins?.ingress).toHaveLength(spec.ingress!.length);
  });

  it("the target version waits under a .next name when the selector changed", () => {
    const before = env();
    const after = env({
      namespaces: {
        shop: {
          services: {
            frontend: { ports: [80] },
            api: { labels: { app: "api", tier: "backend" }, ports: [8080] },
            worker: { ports: [9000] },
          },
        },
        billing: { services: { ledger: { ports: [5432] } } },
        "ingress-nginx": { managed: false },
      },
    });
    const live = compileEnvironment(before);
    const target = compileEnvironment(after);
    const plan = planTransition(live, target);
    const expand = plan.steps[0]!.bundle;
    expect(names(expand)).toContain(`shop/api-ingress${NEXT_SUFFIX}`);
    expect(names(expand)).toContain("shop/api-ingress");
    const liveIngress = live.objects.find((o) => o.manifest.metadata.name === "api-ingress");
    const kept = expand.objects.find((o) => o.manifest.metadata.name === "api-ingress");
    expect(kept!.manifest).toEqual(liveIngress!.manifest);
    expect(names(plan.steps[1]!.bundle)).not.toContain(`shop/api-ingress${NEXT_SUFFIX}`);
    expect(closed({ base: before, head: after }, live, expand)).toEqual([]);
  });

  it("a merged NetworkPolicy isolates the union of both versions' policyTypes", () => {
    const ingressOnly: PolicyObject = policy("shop", "x", { podSelector: {}, ingress: [{}] });
    const egressOnly: PolicyObject = policy("shop", "x", {
      podSelector: {},
      policyTypes: ["Egress"],
      egress: [{}],
    });
    const plan = planTransition(bundleOf([ingressOnly]), bundleOf([egressOnly]));
    const merged = plan.steps[0]!.bundle.objects[0]!.manifest as NetworkPolicy;
    expect(merged.spec.policyTypes).toEqual(["Ingress", "Egress"]);
    expect(merged.spec.ingress).toEqual([{}]);
    expect(merged.spec.egress).toEqual([{}]);
  });
});

describe("namespaces leaving default-deny or the intent", () => {
  it("the deny is kept while expanding and lifted in the last step when the intent drops it", () => {
    const before = env();
    const after = env({
      namespaces: {
        shop: {
          services: { frontend: { ports: [80] }, api: { ports: [8080] }, worker: { ports: [9000] } },
        },
        billing: { defaultDeny: false, services: { ledger: { ports: [5432] } } },
        "ingress-nginx": { managed: false },
      },
    });
    const plan = planTransition(compileEnvironment(before), compileEnvironment(after));
    for (const step of plan.steps.slice(0, -1))
      expect(denies(step.bundle).sort()).toEqual(["billing", "shop"]);
    expect(plan.steps.at(-1)!.namespaces.find((n) => n.namespace === "billing")?.action).toBe("lift");
    expect(denies(plan.steps.at(-1)!.bundle)).toEqual(["shop"]);
  });

  it("a namespace no longer in the intent keeps its objects until the last step, which removes them", () => {
    const before = env();
    const after = env({
      namespaces: {
        shop: {
          services: { frontend: { ports: [80] }, api: { ports: [8080] }, worker: { ports: [9000] } },
        },
        "ingress-nginx": { managed: false },
      },
      // frontend -> api moves to worker, so there is something to expand too.
      flows: ["ingress-nginx -> frontend:80", "frontend -> worker:9000"],
    });
    const live = compileEnvironment(before);
    const plan = planTransition(live, compileEnvironment(after));
    expect(plan.steps.map((s) => s.kind)).toEqual(["expand", "contract"]);
    expect(names(plan.steps[0]!.bundle, "billing")).toEqual(names(live, "billing"));
    expect(names(plan.steps.at(-1)!.bundle, "billing")).toEqual([]);
    expect(plan.steps.at(-1)!.namespaces.find((n) => n.namespace === "billing")).toMatchObject({
      action: "lift",
      allow: 0,
      deny: 0,
    });
  });
});

describe("no change", () => {
  it("plans no step when the live objects are the target", () => {
    const target = compileEnvironment(env());
    expect(planTransition(target, target).steps).toEqual([]);
  });

  it("plans only the contract when the target only removes objects", () => {
    const live = compileEnvironment(env());
    const target = compileEnvironment(
      env({ flows: ["ingress-nginx -> frontend:80", "frontend -> api:8080"] }),
    );
    const plan = planTransition(live, target);
    expect(plan.steps.map((s) => s.kind)).toEqual(["contract"]);
  });
});

describe("break-glass", () => {
  it("removes the default-deny of the named namespaces only and keeps every allow", () => {
    const bundle = compileEnvironment(env());
    const step = breakGlassStep(bundle, bundle, ["shop"]);
    expect(step.kind).toBe("break-glass");
    expect(denies(step.bundle)).toEqual(["billing"]);
    expect(step.bundle.objects.filter((o) => o.stage === "allow")).toHaveLength(
      bundle.objects.filter((o) => o.stage === "allow").length,
    );
    expect(step.namespaces.map((n) => [n.namespace, n.action])).toEqual([
      ["billing", "unchanged"],
      ["shop", "break-glass"],
    ]);
  });

  it("without namespaces, removes every default-deny", () => {
    const bundle = compileEnvironment(env());
    expect(denies(breakGlassStep(bundle, bundle).bundle)).toEqual([]);
  });
});

describe("live objects read back from the cluster", () => {
  it("keeps only this environment's managed objects, with the stage from its label and no server fields", () => {
    const compiled = compileEnvironment(env());
    const fromServer = compiled.objects.map((o) => ({
      ...o.manifest,
      metadata: { ...o.manifest.metadata, uid: "u", resourceVersion: "7", managedFields: [{}] },
    })) as PolicyObject[];
    const foreign = policy("shop", "hand-made", { podSelector: {} }, {});
    const otherEnv = policy(
      "shop",
      "other",
      { podSelector: {} },
      {
        "app.kubernetes.io/managed-by": "netpol-rollout",
        "netpol-rollout.io/environment": "staging",
      },
    );
    const live = liveBundle("production", "calico", [...fromServer, foreign, otherEnv]);
    expect(sameObjects(live, compiled)).toBe(true);
    expect(denies(live).sort()).toEqual(["billing", "shop"]);
    expect(live.objects[0]!.origins).toHaveLength(1);
    expect(planTransition(live, compiled).steps).toEqual([]);
  });
});

function policy(
  namespace: string,
  name: string,
  spec: NetworkPolicy["spec"],
  labels: Record<string, string> = {
    "app.kubernetes.io/managed-by": "netpol-rollout",
    "netpol-rollout.io/environment": "production",
    "netpol-rollout.io/stage": "allow",
  },
): NetworkPolicy {
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { name, namespace, labels },
    spec,
  };
}

function bundleOf(manifests: PolicyObject[]): CompiledBundle {
  return { ...EMPTY, objects: manifests.map((manifest) => ({ stage: "allow", manifest, origins: [] })) };
}
