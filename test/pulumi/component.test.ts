/**
 * The NetpolRollout component under mocks (our program is the component with its arguments
 * from stack config): what it registers, in which order, under which parent and aliases,
 * and what it records. The mocks are installed before the component module is imported.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { ClusterPolicy } from "@kubernetes-models/kyverno/kyverno.io/v1/ClusterPolicy";
import { PrometheusRule } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule";
import { ClusterRole } from "kubernetes-models/rbac.authorization.k8s.io/v1";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import type { EnvironmentIntent } from "../../action/src/intent/model.js";
import { loadIntentFromDir } from "../../action/src/adapters/files/intent.js";
import { bundleDigest, compileEnvironment, renderYaml } from "../../action/src/compile/index.js";
import type { CompiledBundle } from "../../action/src/compile/types.js";
import { MANAGED_BY_LABEL } from "../../action/src/compile/types.js";
import type { Recorder, Registered } from "./harness.js";
import type * as ComponentModule from "../../pulumi/component.js";
import type * as PlanModule from "../../action/src/rollout/rollout-plan.js";
import type * as RecordedModule from "../../action/src/rollout/recorded.js";
import type * as StackModule from "../../action/src/rollout/stack.js";
import type { StackInput } from "../../action/src/rollout/stack.js";
import { installMocks, MOCK_CLUSTER_UID, settled } from "./harness.js";
import { buildEnvironment } from "../helpers/intent-builder.js";

const repoRoot = resolve(import.meta.dirname, "../..");

let recorder: Recorder;
let component: typeof ComponentModule;
let plan: typeof PlanModule;
let recorded: typeof RecordedModule;
let stack: typeof StackModule;
let environments: EnvironmentIntent[];
let scratch: string;

beforeAll(async () => {
  recorder = await installMocks();
  component = await import("../../pulumi/component.js");
  plan = await import("../../action/src/rollout/rollout-plan.js");
  recorded = await import("../../action/src/rollout/recorded.js");
  stack = await import("../../action/src/rollout/stack.js");
  const loaded = await loadIntentFromDir("policies", repoRoot);
  if (!loaded.ok) throw new Error(`shipped policies do not load: ${JSON.stringify(loaded.errors)}`);
  environments = loaded.intent.environments;
  scratch = mkdtempSync(join(tmpdir(), "netpol-pulumi-"));
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeEach(() => recorder.reset());

const off = {
  monitoring: { enabled: false, namespace: "monitoring", labels: {} },
  kyverno: { enabled: false, action: "Audit" as const },
};

function inputFor(bundle: CompiledBundle, overrides: Partial<StackInput> = {}): StackInput {
  return {
    environment: bundle.environment,
    stage: "enforce",
    revision: null,
    bundle,
    excludedNamespaces: [],
    from: "intent",
    origin: `the compiled intent of ${bundle.environment}`,
    ...off,
    ...overrides,
  };
}

/** Resolves to an Output's value (known under the mocks). */
function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => resolve(v)));
}

/** Deploys through the component; `registered` holds the cluster objects (its children). */
async function deploy(input: StackInput) {
  const rollout = new component.NetpolRollout(input.environment, component.prepareInput(input));
  const resources = await rollout.resources;
  await settled([rollout, ...resources]);
  const outputs = await valueOf(rollout.outputs);
  return { outputs, registered: recorder.registered.filter((r) => r.custom), rollout };
}

const POLICY_TYPES = new Set([
  "kubernetes:networking.k8s.io/v1:NetworkPolicy",
  "kubernetes:cilium.io/v2:CiliumNetworkPolicy",
]);

/** The Kubernetes object a registered policy resource describes. */
function manifestOf(r: Registered): Record<string, unknown> {
  const { apiVersion, kind, metadata, spec } = r.inputs;
  return JSON.parse(JSON.stringify({ apiVersion, kind, metadata, spec })) as Record<string, unknown>;
}

/**
 * The registered policies, by logical name. The mocks complete registrations asynchronously,
 * so arrival order means nothing; the dependencies carry the ordering.
 */
function policies(registered: Registered[]): Registered[] {
  return registered.filter((r) => POLICY_TYPES.has(r.type)).sort((a, b) => compare(a.name, b.name));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Manifests in logical-name order, as plain JSON. */
function sortedManifests(manifests: { metadata: { namespace?: string; name: string } }[]): unknown[] {
  return [...manifests]
    .sort((a, b) =>
      compare(`${a.metadata.namespace}/${a.metadata.name}`, `${b.metadata.namespace}/${b.metadata.name}`),
    )
    .map((m) => JSON.parse(JSON.stringify(m)) as unknown);
}

function logicalNames(bundle: CompiledBundle): string[] {
  return bundle.objects
    .map((o) => `${o.manifest.metadata.namespace}/${o.manifest.metadata.name}`)
    .sort(compare);
}

function namespaceOf(r: Registered): string {
  return ((r.inputs["metadata"] as { namespace?: string }).namespace ?? "") as string;
}

function compiled(name: string): CompiledBundle {
  const env = environments.find((e) => e.name === name);
  if (env === undefined) throw new Error(`no shipped environment ${name}`);
  return compileEnvironment(env);
}

describe("the component registers what the compiler produces", () => {
  it("ships the three environments", () => {
    expect(environments.map((e) => e.name).sort()).toEqual(["dev", "production", "staging"]);
  });

  it("for every shipped environment, the registered objects are exactly the compiled ones, which are what render prints", async () => {
    for (const env of environments) {
      recorder.reset();
      const bundle = compileEnvironment(env);
      const { registered } = await deploy(inputFor(bundle));
      const got = policies(registered).map(manifestOf);
      const rendered = sortedManifests(
        parseAllDocuments(renderYaml(bundle)).map((d) => d.toJS() as { metadata: { name: string } }),
      );
      const expected = sortedManifests(bundle.objects.map((o) => o.manifest));
      expect(got, env.name).toEqual(expected);
      expect(got, env.name).toEqual(rendered);
      expect(registered.length, `${env.name}: nothing but the policies without guards`).toBe(
        bundle.objects.length,
      );
    }
  });

  it("names each resource <namespace>/<name>", async () => {
    const bundle = compiled("production");
    const { registered } = await deploy(inputFor(bundle));
    expect(policies(registered).map((r) => r.name)).toEqual(logicalNames(bundle));
  });

  it("a CiliumNetworkPolicy (FQDN egress on cilium) is registered as a custom resource of its own kind, ordered like any allow", async () => {
    const bundle = compileEnvironment(
      buildEnvironment({
        name: "production",
        cni: "cilium",
        namespaces: { shop: { services: { api: { ports: [8080] }, web: { ports: [80] } } } },
        flows: ["web -> api:8080", "api -> api.stripe.com:443"],
      }),
    );
    const cilium = bundle.objects.filter((o) => o.manifest.kind === "CiliumNetworkPolicy");
    expect(cilium).toHaveLength(1);
    const { registered } = await deploy(inputFor(bundle));
    const cr = registered.filter((r) => r.type === "kubernetes:cilium.io/v2:CiliumNetworkPolicy");
    expect(cr.map(manifestOf)).toEqual(sortedManifests(cilium.map((o) => o.manifest)));
    const deny = registered.find((r) => r.name === "shop/default-deny-all");
    expect(deny?.dependsOn).toContain(cr[0]?.name);
  });

  it("every registered NetworkPolicy is valid against the Kubernetes schema", async () => {
    for (const env of environments) {
      recorder.reset();
      const { registered } = await deploy(inputFor(compileEnvironment(env)));
      for (const r of registered.filter((x) => x.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy")) {
        expect(() => new NetworkPolicy(manifestOf(r)).validate(), `${env.name} ${r.name}`).not.toThrow();
      }
    }
  });
});

describe("children of the component", () => {
  it("the component is named after the environment; every object is its child", async () => {
    const { registered } = await deploy(
      inputFor(compiled("production"), {
        monitoring: { enabled: true, namespace: "monitoring", labels: {} },
        kyverno: { enabled: true, action: "Audit" },
      }),
    );
    const components = recorder.registered.filter((r) => !r.custom);
    expect(components.map((r) => `${r.type} ${r.name}`)).toEqual([
      `${component.NETPOL_ROLLOUT_TYPE} production`,
    ]);
    expect(registered.some((r) => r.type === "kubernetes:kyverno.io/v1:ClusterPolicy")).toBe(true);
    for (const r of registered) {
      expect(r.parent, r.name).toMatch(/::netpol-rollout:index:NetpolRollout::production$/);
    }
  });

  it("every object is aliased to its URN as a top-level resource: same name and type, no parent", async () => {
    const { registered } = await deploy(
      inputFor(compiled("production"), { kyverno: { enabled: true, action: "Audit" } }),
    );
    expect(registered.length).toBeGreaterThan(0);
    for (const r of registered) {
      // Empty name and type: the resource's own; noParent: the stack root. (The Kubernetes
      // SDK adds aliases of its own to some kinds: a ClusterRole's older API versions.)
      expect(r.aliases, r.name).toContainEqual({ name: "", type: "", noParent: true, parentUrn: "" });
    }
  });

  it("outputs revision, digest and bundle of what it deployed", async () => {
    const bundle = compiled("staging");
    const { rollout } = await deploy(inputFor(bundle, { revision: "c0ffee" }));
    expect(await valueOf(rollout.revision)).toBe("c0ffee");
    expect(await valueOf(rollout.digest)).toBe(bundleDigest(bundle));
    expect((await valueOf(rollout.bundle)).objects).toEqual(bundle.objects);
  });
});

describe("staged rollout", () => {
  it("stage allow registers no default-deny, and every allow object", async () => {
    for (const env of environments) {
      recorder.reset();
      const bundle = compileEnvironment(env);
      expect(
        bundle.objects.some((o) => o.stage === "deny"),
        `${env.name} has a default-deny to leave out`,
      ).toBe(true);
      const { registered, outputs } = await deploy(inputFor(bundle, { stage: "allow" }));
      const names = policies(registered).map((r) => r.name);
      expect(
        names.filter((n) => n.endsWith("/default-deny-all")),
        env.name,
      ).toEqual([]);
      expect(names, env.name).toEqual(
        logicalNames({ ...bundle, objects: bundle.objects.filter((o) => o.stage === "allow") }),
      );
      for (const counts of Object.values(outputs.counts)) expect(counts.deny).toBe(0);
    }
  });

  it("every default-deny depends on all allow policies of its namespace, and on nothing else", async () => {
    for (const env of environments) {
      recorder.reset();
      const bundle = compileEnvironment(env);
      const { registered } = await deploy(inputFor(bundle));
      const denies = bundle.objects.filter((o) => o.stage === "deny");
      expect(denies.length, env.name).toBeGreaterThan(0);
      for (const deny of denies) {
        const ns = deny.manifest.metadata.namespace as string;
        const name = `${ns}/${deny.manifest.metadata.name}`;
        const resource = registered.find((r) => r.name === name);
        const allows = bundle.objects
          .filter((o) => o.stage === "allow" && o.manifest.metadata.namespace === ns)
          .map((o) => `${ns}/${o.manifest.metadata.name}`);
        expect(allows, `${env.name} ${name} has allows (allow-dns at least)`).toContain(`${ns}/allow-dns`);
        expect([...(resource?.dependsOn ?? [])].sort(), `${env.name} ${name}`).toEqual([...allows].sort());
      }
      for (const r of policies(registered).filter((x) => !x.name.endsWith("/default-deny-all"))) {
        expect(r.dependsOn, `${env.name} ${r.name} is an allow: it waits for nothing`).toEqual([]);
      }
    }
  });
});

describe("nothing is ever registered in kube-system", () => {
  it("for every environment, stage and guard setting", async () => {
    for (const env of environments) {
      for (const stage of ["allow", "enforce"] as const) {
        recorder.reset();
        const bundle = compileEnvironment(env);
        const { registered } = await deploy(
          inputFor(bundle, {
            stage,
            excludedNamespaces: [...env.excludedNamespaces],
            monitoring: { enabled: true, namespace: "monitoring", labels: {} },
            kyverno: { enabled: true, action: "Enforce" },
          }),
        );
        expect(registered.length).toBeGreaterThan(0);
        expect(registered.filter((r) => namespaceOf(r).startsWith("kube-")).map((r) => r.name)).toEqual([]);
      }
    }
  });

  it("a bundle with an object in kube-system is refused before anything is registered", async () => {
    const bundle = compiled("production");
    const first = bundle.objects[0];
    if (first === undefined) throw new Error("empty bundle");
    const bad: CompiledBundle = {
      ...bundle,
      objects: [
        ...bundle.objects,
        {
          ...first,
          manifest: { ...first.manifest, metadata: { ...first.manifest.metadata, namespace: "kube-system" } },
        },
      ],
    };
    expect(() => component.prepareInput(inputFor(bad))).toThrow(plan.RolloutRefusedError);
    expect(() => component.prepareInput(inputFor(bad))).toThrow(/kube-system is a kube-\* namespace/);
    expect(recorder.registered).toEqual([]);
  });

  it("an object in an excluded namespace, or without our managed-by label, is refused", async () => {
    const bundle = compiled("production");
    const [first, second] = bundle.objects;
    if (first === undefined || second === undefined) throw new Error("bundle too small");
    const unlabelled = {
      ...second,
      manifest: {
        ...second.manifest,
        metadata: { ...second.manifest.metadata, labels: { app: "x" } },
      },
    };
    const bad: CompiledBundle = { ...bundle, objects: [first, unlabelled] };
    let error: unknown;
    try {
      component.prepareInput(inputFor(bad, { excludedNamespaces: ["production"] }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(plan.RolloutRefusedError);
    const problems = (error as PlanModule.RolloutRefusedError).problems.join("\n");
    expect(problems).toMatch(/namespace production is in the environment's excludedNamespaces/);
    expect(problems).toMatch(new RegExp(`lacks the label ${MANAGED_BY_LABEL.replace(/[./]/g, "\\$&")}`));
    expect(recorder.registered).toEqual([]);
  });
});

describe("recorded revisions", () => {
  it("outputs hold the revision, the digest of what was deployed, and the bundle", async () => {
    const bundle = compiled("production");
    const { outputs } = await deploy(
      inputFor(bundle, { revision: "0123456789abcdef0123456789abcdef01234567" }),
    );
    expect(outputs.revision).toBe("0123456789abcdef0123456789abcdef01234567");
    expect(outputs.environment).toBe("production");
    expect(outputs.stage).toBe("enforce");
    expect(outputs.digest).toBe(bundleDigest(bundle));
    expect(outputs.sourceDigest).toBe(bundleDigest(bundle));
    expect(outputs.bundle.objects).toEqual(bundle.objects);
    expect(outputs.counts["production"]).toEqual({
      allow: bundle.objects.filter((o) => o.stage === "allow").length,
      deny: 1,
    });
  });

  it("for stage allow, the digest and bundle are of the allow objects, the source digest of the whole bundle", async () => {
    const bundle = compiled("production");
    const { outputs } = await deploy(inputFor(bundle, { stage: "allow" }));
    const allows = { ...bundle, objects: bundle.objects.filter((o) => o.stage === "allow") };
    expect(outputs.digest).toBe(bundleDigest(allows));
    expect(outputs.digest).not.toBe(bundleDigest(bundle));
    expect(outputs.sourceDigest).toBe(bundleDigest(bundle));
    expect(outputs.bundle.objects).toEqual(allows.objects);
  });

  it("outputs carry nothing secret: only policy objects, names, digests, the revision and the cluster's uid", async () => {
    const { outputs } = await deploy(inputFor(compiled("production"), { revision: "abc" }));
    expect(Object.keys(outputs).sort()).toEqual(
      [
        "bundle",
        "clusterUid",
        "counts",
        "digest",
        "environment",
        "from",
        "guards",
        "revision",
        "sourceDigest",
        "stage",
      ].sort(),
    );
  });

  it("reads the cluster's identity through its own provider, as its child, and changes nothing there", async () => {
    const { outputs, rollout } = await deploy(inputFor(compiled("production")));
    expect(recorder.reads).toEqual([
      {
        type: "kubernetes:core/v1:Namespace",
        name: "production:kube-system",
        id: "kube-system",
        parent: await valueOf(rollout.urn),
      },
    ]);
    expect(recorder.registered.some((r) => r.type === "kubernetes:core/v1:Namespace")).toBe(false);
    expect(outputs.clusterUid).toBe(MOCK_CLUSTER_UID);
    expect(await valueOf(rollout.clusterUid)).toBe(MOCK_CLUSTER_UID);
  });

  it("deploying a recorded bundle registers exactly its objects", async () => {
    for (const env of environments) {
      recorder.reset();
      const first = await deploy(inputFor(compileEnvironment(env), { revision: "r1" }));
      const file = join(scratch, `${env.name}.json`);
      writeFileSync(file, JSON.stringify(first.outputs.bundle, null, 2));
      recorder.reset();

      const input = await stack.loadStackInput(
        {
          environment: env.name,
          stage: "enforce",
          policiesDir: join(scratch, "no-policies-needed"),
          bundleFile: file,
          revision: "r1",
          ...off,
        },
        repoRoot,
        {
          readFile: (p) => import("node:fs/promises").then((fs) => fs.readFile(p, "utf8")),
          loadIntent: failLoad,
        },
      );
      expect(input.from).toBe("recorded");
      const again = await deploy(input);
      expect(policies(again.registered).map(manifestOf), env.name).toEqual(
        policies(first.registered).map(manifestOf),
      );
      expect(again.outputs.digest, env.name).toBe(first.outputs.digest);
    }
  });

  it("a kube-router environment that says how it denies deploys, and its recorded bundle again, denials kept", async () => {
    const env = buildEnvironment({
      name: "production",
      cni: "kube-router",
      namespaces: { production: { services: { web: { ports: [80] }, api: { ports: [8080] } } } },
      flows: ["web -> api:8080"],
    });
    const bundle = compileEnvironment({ ...env, denials: "reject" });
    expect(bundle).toMatchObject({ cni: "kube-router", denials: "reject" });
    recorder.reset();
    const first = await deploy(inputFor(bundle));
    expect(first.outputs.bundle).toMatchObject({ cni: "kube-router", denials: "reject" });
    const file = join(scratch, "kube-router.json");
    writeFileSync(file, JSON.stringify(first.outputs.bundle));
    recorder.reset();
    const input = await stack.loadStackInput(
      {
        environment: "production",
        stage: "enforce",
        policiesDir: scratch,
        bundleFile: file,
        revision: null,
        ...off,
      },
      repoRoot,
      {
        readFile: (p) => import("node:fs/promises").then((fs) => fs.readFile(p, "utf8")),
        loadIntent: failLoad,
      },
    );
    expect(input.bundle).toMatchObject({ cni: "kube-router", denials: "reject" });
    const again = await deploy(input);
    expect(again.outputs.digest).toBe(first.outputs.digest);
  });

  it("a recorded bundle from stage allow deployed with stage enforce stays without default-deny (verbatim)", async () => {
    const allowOnly = await deploy(inputFor(compiled("production"), { stage: "allow" }));
    recorder.reset();
    const parsed = recorded.parseRecordedBundle("allow.json", JSON.stringify(allowOnly.outputs.bundle));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const { excludedNamespaces: _excluded, ...bundle } = parsed.bundle;
    const again = await deploy(inputFor(bundle, { from: "recorded" }));
    expect(policies(again.registered).map((r) => r.name)).toEqual(
      policies(allowOnly.registered).map((r) => r.name),
    );
  });

  it("a recorded bundle with an object in kube-system is refused and nothing is registered", async () => {
    const first = await deploy(inputFor(compiled("production")));
    recorder.reset();
    const tampered = JSON.parse(JSON.stringify(first.outputs.bundle)) as CompiledBundle;
    const target = tampered.objects[0];
    if (target === undefined) throw new Error("empty bundle");
    target.manifest.metadata.namespace = "kube-system";
    const file = join(scratch, "tampered.json");
    writeFileSync(file, JSON.stringify(tampered));
    const input = await stack.loadStackInput(
      {
        environment: "production",
        stage: "enforce",
        policiesDir: scratch,
        bundleFile: file,
        revision: null,
        ...off,
      },
      repoRoot,
      {
        readFile: (p) => import("node:fs/promises").then((fs) => fs.readFile(p, "utf8")),
        loadIntent: failLoad,
      },
    );
    expect(() => component.prepareInput(input)).toThrow(
      /refusing to deploy the recorded bundle .*tampered\.json/,
    );
    expect(recorder.registered).toEqual([]);
  });

  it("a recorded bundle of another environment is refused", async () => {
    const first = await deploy(inputFor(compiled("staging")));
    recorder.reset();
    const { excludedNamespaces: _e, ...bundle } = first.outputs.bundle;
    expect(() => component.prepareInput(inputFor(bundle, { environment: "production" }))).toThrow(
      /of environment "staging" but this stack deploys "production"/,
    );
    expect(recorder.registered).toEqual([]);
  });
});

describe("guards", () => {
  it("appear only when switched on", async () => {
    for (const env of environments) {
      recorder.reset();
      const { registered, outputs } = await deploy(inputFor(compileEnvironment(env)));
      expect(
        registered.filter((r) => !POLICY_TYPES.has(r.type)).map((r) => r.type),
        env.name,
      ).toEqual([]);
      expect(outputs.guards).toEqual([]);
    }
  });

  it("monitoring registers a valid PrometheusRule with the policy-drop alert on cilium", async () => {
    const bundle = compiled("production");
    expect(bundle.cni).toBe("cilium");
    const { registered } = await deploy(
      inputFor(bundle, {
        monitoring: { enabled: true, namespace: "monitoring", labels: { release: "prom" } },
      }),
    );
    const rules = registered.filter((r) => r.type === "kubernetes:monitoring.coreos.com/v1:PrometheusRule");
    expect(rules.map((r) => r.name)).toEqual(["monitoring/netpol-rollout-production-policy-drops"]);
    const rule = manifestOf(rules[0] as Registered);
    expect(() => new PrometheusRule(rule as never).validate()).not.toThrow();
    const text = JSON.stringify(rule);
    expect(text).toContain('cilium_drop_count_total{reason=\\"Policy denied\\"}[5m]');
    expect(text).toContain('"for":"5m"');
    expect((rule["metadata"] as { labels: Record<string, string> }).labels["release"]).toBe("prom");
  });

  it("monitoring on calico or generic registers nothing and says why", () => {
    for (const name of ["staging", "dev"]) {
      const bundle = compiled(name);
      expect(bundle.cni).not.toBe("cilium");
      const planned = stack.planStack(
        inputFor(bundle, { monitoring: { enabled: true, namespace: "monitoring", labels: {} } }),
      );
      expect(planned.guards.resources).toEqual([]);
      expect(planned.guards.warnings.join("\n")).toMatch(
        new RegExp(`not available for profile ${bundle.cni}`),
      );
    }
  });

  it("kyverno registers valid ClusterPolicies and the ClusterRoles they need, roles first", async () => {
    const bundle = compiled("production");
    const { registered } = await deploy(
      inputFor(bundle, { kyverno: { enabled: true, action: "Enforce" }, excludedNamespaces: ["legacy"] }),
    );
    const policiesRegistered = registered.filter((r) => r.type === "kubernetes:kyverno.io/v1:ClusterPolicy");
    const roles = registered.filter((r) => r.type === "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole");
    expect(policiesRegistered.map((r) => r.name).sort()).toEqual([
      "netpol-rollout-production-default-deny-new-namespaces",
      "netpol-rollout-production-report-unselected-pods",
      "netpol-rollout-production-require-default-deny",
    ]);
    expect(roles).toHaveLength(2);
    for (const r of policiesRegistered) {
      expect(() => new ClusterPolicy(manifestOf(r) as never).validate(), r.name).not.toThrow();
      expect([...r.dependsOn].sort(), r.name).toEqual(roles.map((x) => x.name).sort());
    }
    for (const r of roles) {
      const { apiVersion, kind, metadata, rules } = r.inputs;
      expect(
        () => new ClusterRole({ apiVersion, kind, metadata, rules } as never).validate(),
        r.name,
      ).not.toThrow();
    }
  });
});

async function failLoad(): Promise<never> {
  throw new Error("the intent must not be read when a recorded bundle is deployed");
}
