/**
 * End to end: deploy and drift as the identities `netpol-rollout rbac` prints, through the
 * real Pulumi engine, the real Kubernetes provider and a real kube-apiserver with the
 * printed Roles and admission policy applied. The engine, the cluster adapter and the
 * pre-flight act as those identities (the admin impersonating them), so every verb the
 * provider and the adapters use must be in the printed grants: a deploy, an update (expand
 * and contract), the history record created and updated, the run lock's Lease taken and
 * released, and a drift run refreshing the record, each passing the pre-flight first. The control plane has no kubelet: probes are
 * judged by the semantics engine on the policies read back (test/fakes/rollout.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import jsyaml from "js-yaml";
import {
  KubeConfig,
  KubernetesObjectApi,
  NetworkingV1Api,
  RbacAuthorizationV1Api,
  type KubernetesObject,
} from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rbacObjects } from "../../action/src/access/render.js";
import { KubeAccessReviewer } from "../../action/src/adapters/kubernetes/access.js";
import { createCluster, type KubeCluster } from "../../action/src/adapters/kubernetes/cluster.js";
import { KubeLeases } from "../../action/src/adapters/kubernetes/leases.js";
import { createLeaseLocks } from "../../action/src/adapters/lease-lock.js";
import { createPulumiDeployer } from "../../action/src/adapters/pulumi.js";
import {
  clusterState,
  createBundleFiles,
  createHistoryStore,
} from "../../action/src/adapters/rollout-store.js";
import { checkAccess } from "../../action/src/commands/access-preflight.js";
import { runRollout } from "../../action/src/commands/deploy.js";
import type { RolloutDeps, RolloutTarget } from "../../action/src/commands/deploy/request.js";
import { runDrift } from "../../action/src/commands/drift.js";
import { compileEnvironment } from "../../action/src/compile/index.js";
import type { EnvironmentIntent } from "../../action/src/intent/model.js";
import type { ClusterState } from "../../action/src/k8s/types.js";
import { DEFAULT_PROBE_IMAGE } from "../../action/src/probe/pod.js";
import { lastKnownGood } from "../../action/src/rollout/last-known-good.js";
import { buildEnvironment } from "../helpers/intent-builder.js";
import { FakeProbePhase, shopCluster } from "../fakes/rollout.js";
import { e2eBinDir, startE2e, type E2e } from "./harness.js";

const bin = e2eBinDir();
if (!bin)
  console.log("e2e tier skipped: real engine tools not built (run test/e2e/tools/build.sh, ~40 min cold)");

const DEPLOY = "system:serviceaccount:netpol-rollout:netpol-rollout-production-deploy";
const DRIFT = "system:serviceaccount:netpol-rollout:netpol-rollout-production-drift";
const FLOWS_A = ["ingress-nginx -> frontend:80", "frontend -> api:8080", "api -> ledger:5432"];
const FLOWS_B = ["ingress-nginx -> frontend:80", "frontend -> api:8080", "worker -> ledger:5432"];

function intent(flows: string[]): EnvironmentIntent {
  return buildEnvironment({
    name: "production",
    cni: "calico",
    namespaces: {
      shop: { services: { frontend: { ports: [80] }, api: { ports: [8080] }, worker: { ports: [9000] } } },
      billing: { services: { ledger: { ports: [5432] } } },
      "ingress-nginx": { managed: false, podLabels: { "app.kubernetes.io/name": "ingress-nginx" } },
    },
    flows,
  });
}

function target(flows: string[], revision: string): RolloutTarget {
  const env = intent(flows);
  return { intent: env, bundle: { ...compileEnvironment(env), excludedNamespaces: [] }, revision };
}

let e2e: E2e;
const as: Record<"deploy" | "drift", { file: string; kc: KubeConfig; cluster: KubeCluster }> = {} as never;

/** A kubeconfig of the admin impersonating `username`. */
function impersonating(username: string, file: string): string {
  const doc = jsyaml.load(readFileSync(e2e.kubeconfig, "utf8")) as {
    users: { user: Record<string, unknown> }[];
  };
  for (const u of doc.users) u.user.as = username;
  writeFileSync(file, jsyaml.dump(doc));
  return file;
}

/** The rollout's ports as `identity`: the engine's provider, the cluster adapter and the history store. */
function depsAs(
  identity: "deploy" | "drift",
  probes: FakeProbePhase,
  readCluster: () => Promise<ClusterState>,
): RolloutDeps {
  const steps = join(e2e.dir, `steps-${identity}`);
  mkdirSync(steps, { recursive: true });
  return {
    // The deploys here start from an empty history: no recorded revision is compiled again.
    compileAt: async () => undefined,
    engine: createPulumiDeployer({
      workDir: e2e.workDir,
      stackTemplate: "{env}",
      env: { ...e2e.engineEnv, vars: { ...e2e.engineEnv.vars, KUBECONFIG: as[identity].file } },
    }),
    // The run lock in a Lease of the state namespace, taken and released as the identity.
    locks: createLeaseLocks(new KubeLeases(as[identity].kc), {
      namespace: "netpol-rollout",
      run: { command: identity, runId: "e2e" },
    }),
    readCluster,
    history: createHistoryStore(as[identity].cluster, "netpol-rollout"),
    probes,
    files: createBundleFiles(steps),
    now: () => new Date(),
    log: () => undefined,
  };
}

const preflight = (identity: "deploy" | "drift", env: EnvironmentIntent) =>
  checkAccess([env], identity, {
    reviewer: new KubeAccessReviewer(as[identity].kc, { timeoutMs: 10_000 }),
    stateNamespace: "netpol-rollout",
    probePods: {},
    runId: `e2e-${identity}`,
  });

beforeAll(async () => {
  if (!bin) return;
  e2e = await startE2e(bin);
  await e2e.ensureNamespaces("shop", "billing", "ingress-nginx");
  const admin = KubernetesObjectApi.makeApiClient(e2e.kube);
  const printed = rbacObjects(intent(FLOWS_A), {
    stateNamespace: "netpol-rollout",
    users: { deploy: DEPLOY, drift: DRIFT },
    probeImage: DEFAULT_PROBE_IMAGE,
    imagePullSecrets: [],
  });
  for (const { object } of printed) await admin.create(object as unknown as KubernetesObject);
  for (const [identity, user] of [
    ["deploy", DEPLOY],
    ["drift", DRIFT],
  ] as const) {
    const file = impersonating(user, join(e2e.dir, `${identity}.kubeconfig`));
    const kc = new KubeConfig();
    kc.loadFromFile(file);
    as[identity] = { file, kc, cluster: createCluster({ kubeconfig: file, env: {} }, { timeoutMs: 10_000 }) };
  }
}, 240_000);
afterAll(() => e2e?.stop());

async function serverNames(): Promise<string[]> {
  const all = [...(await e2e.listPolicies("shop")), ...(await e2e.listPolicies("billing"))];
  return all.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`).sort();
}

const names = (t: RolloutTarget) =>
  t.bundle.objects.map((o) => `${o.manifest.metadata.namespace}/${o.manifest.metadata.name}`).sort();

describe.skipIf(!bin)("deploy and drift as the identities rbac prints", () => {
  const pods = () => shopCluster().pods;
  const reader = (identity: "deploy" | "drift") => async (): Promise<ClusterState> => ({
    ...clusterState(await as[identity].cluster.inventory()),
    pods: pods(),
  });

  it("deploy: the pre-flight passes, then a first deploy and an update, the record created and updated", async () => {
    const before = await preflight("deploy", intent(FLOWS_A));
    expect(before.problems).toEqual([]);
    expect(before.tried).toEqual(["billing", "ingress-nginx", "shop"]);
    const probes = new FakeProbePhase({ read: reader("deploy"), probePods: new Set() });
    const deps = depsAs("deploy", probes, reader("deploy"));
    const run = (t: RolloutTarget) =>
      runRollout({ action: "deploy", targets: [t], onInconclusive: "fail", run: { id: "e2e" } }, deps);
    for (const [flows, revision] of [
      [FLOWS_A, "a1"],
      [FLOWS_B, "b2"],
    ] as const) {
      const t = target([...flows], revision);
      const report = await run(t);
      const outcome = report.environments[0];
      expect(outcome?.status, JSON.stringify([report.refusals, outcome?.timeline])).toBe("deployed");
      expect(await serverNames()).toEqual(names(t));
      expect(lastKnownGood(await deps.history.read("production"))?.revision).toBe(revision);
    }
  });

  it("drift: the pre-flight passes, the record's last probe is refreshed, and no NetworkPolicy can be written", async () => {
    expect((await preflight("drift", intent(FLOWS_B))).problems).toEqual([]);
    const probes = new FakeProbePhase({ read: reader("drift"), probePods: new Set() });
    const deps = depsAs("drift", probes, reader("drift"));
    const report = await runDrift([intent(FLOWS_B)], deps);
    const outcome = report.environments[0];
    expect(outcome?.drift, JSON.stringify(outcome)).toBe(false);
    expect(outcome?.notes.join("\n")).toContain("is now this one");
    const write = await as.drift.kc
      .makeApiClient(NetworkingV1Api)
      .createNamespacedNetworkPolicy({
        namespace: "shop",
        body: { metadata: { name: "allow-all" }, spec: { podSelector: {}, ingress: [{}] } },
      })
      .then(
        () => "created",
        (e: unknown) => String((e as { code?: number }).code),
      );
    expect(write).toBe("403");
  });

  it("the engine runs as the identity: without the Role in billing, the pre-flight names it and the engine is refused there", async () => {
    const rbac = e2e.kube.makeApiClient(RbacAuthorizationV1Api);
    await rbac.deleteNamespacedRoleBinding({
      namespace: "billing",
      name: "netpol-rollout-production-policies",
    });
    let problems = (await preflight("deploy", intent(FLOWS_A))).problems;
    for (let i = 0; i < 50 && problems.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      problems = (await preflight("deploy", intent(FLOWS_A))).problems;
    }
    expect(problems).toEqual([
      'missing { apiGroups: ["networking.k8s.io"], resources: ["networkpolicies"], verbs: ["get", "create", "update", "patch", "delete"] } in namespace billing, for the policies the Pulumi engine creates, refreshes, updates and deletes in a managed namespace (Role netpol-rollout-production-policies)',
    ]);
    const probes = new FakeProbePhase({ read: reader("deploy"), probePods: new Set() });
    const report = await runRollout(
      { action: "deploy", targets: [target(FLOWS_A, "a3")], onInconclusive: "fail", run: { id: "e2e" } },
      depsAs("deploy", probes, reader("deploy")),
    );
    expect(report.environments[0]?.status).not.toBe("deployed");
    expect(JSON.stringify(report)).toMatch(/forbidden/i);
  });
});
