/**
 * End to end: the deploy orchestration through the real Pulumi engine, the real Kubernetes
 * provider and a real kube-apiserver: a first deploy, an update of an enforced environment
 * (expand then contract, the default-deny never deleted), a probe failure rolled back to
 * the last-known-good, and a locked stack refused. The history is a real ConfigMap. This
 * control plane has no kubelet, so the dataplane is simulated: the semantics engine judges
 * the NetworkPolicies read back from the API server (with injected deviations).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPulumiDeployer } from "../../action/src/adapters/pulumi.js";
import { KubeLeases } from "../../action/src/adapters/kubernetes/leases.js";
import { createLeaseLocks } from "../../action/src/adapters/lease-lock.js";
import { createCluster } from "../../action/src/adapters/kubernetes/cluster.js";
import {
  clusterState,
  createBundleFiles,
  createHistoryStore,
} from "../../action/src/adapters/rollout-store.js";
import { runRollout } from "../../action/src/commands/deploy.js";
import type { RolloutDeps, RolloutTarget } from "../../action/src/commands/deploy/request.js";
import { compileEnvironment } from "../../action/src/compile/index.js";
import type { EnvironmentIntent } from "../../action/src/intent/model.js";
import type { ClusterState } from "../../action/src/k8s/types.js";
import { lastKnownGood } from "../../action/src/rollout/last-known-good.js";
import { buildEnvironment } from "../helpers/intent-builder.js";
import { FakeProbePhase, shopCluster } from "../fakes/rollout.js";
import { e2eBinDir, startE2e, type E2e } from "./harness.js";

const bin = e2eBinDir();
if (!bin)
  console.log("e2e tier skipped: real engine tools not built (run test/e2e/tools/build.sh, ~40 min cold)");

const FLOWS_A = ["ingress-nginx -> frontend:80", "frontend -> api:8080", "api -> ledger:5432"];
const FLOWS_B = [...FLOWS_A, "worker -> ledger:5432"];

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
let deps: RolloutDeps;
let probes: FakeProbePhase;

beforeAll(async () => {
  if (!bin) return;
  e2e = await startE2e(bin);
  await e2e.ensureNamespaces("shop", "billing", "ingress-nginx", "netpol-rollout");
  // Pods exist only as data for the simulated dataplane (no kubelet runs them).
  const pods = shopCluster().pods;
  // The real cluster adapter reads the inventory and keeps the history in a real ConfigMap.
  const cluster = createCluster({ kubeconfig: e2e.kubeconfig, env: {} });
  const readCluster = async (): Promise<ClusterState> => ({
    ...clusterState(await cluster.inventory()),
    pods,
  });
  const history = createHistoryStore(cluster, "netpol-rollout");
  probes = new FakeProbePhase({ read: readCluster, probePods: new Set() });
  const steps = join(e2e.dir, "steps");
  mkdirSync(steps, { recursive: true });
  deps = {
    engine: createPulumiDeployer({ workDir: e2e.workDir, stackTemplate: "{env}", env: e2e.engineEnv }),
    // The run lock in a real Lease of the state namespace.
    locks: createLeaseLocks(new KubeLeases(e2e.kube), {
      namespace: "netpol-rollout",
      run: { command: "deploy", runId: "e2e" },
    }),
    readCluster,
    history,
    probes,
    files: createBundleFiles(steps),
    compileAt: async () => undefined,
    now: () => new Date(),
    log: () => undefined,
  };
}, 240_000);
afterAll(() => e2e?.stop());

const run = (t: RolloutTarget) =>
  runRollout(
    { action: "deploy", targets: [t], onInconclusive: "fail", breakGlass: "auto", run: { id: "e2e" } },
    deps,
  );

async function serverNames(): Promise<string[]> {
  const all = [...(await e2e.listPolicies("shop")), ...(await e2e.listPolicies("billing"))];
  return all.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`).sort();
}

function names(t: RolloutTarget): string[] {
  return t.bundle.objects.map((o) => `${o.manifest.metadata.namespace}/${o.manifest.metadata.name}`).sort();
}

async function denyUids(): Promise<string[]> {
  const all = [...(await e2e.listPolicies("shop")), ...(await e2e.listPolicies("billing"))];
  return all.filter((p) => p.metadata?.name === "default-deny-all").map((p) => p.metadata?.uid ?? "");
}

describe.skipIf(!bin)("deploy through the real engine and API server", () => {
  it("a first deploy: allows first, then the default-deny; recorded as last-known-good in a ConfigMap", async () => {
    const report = await run(target(FLOWS_A, "a1"));
    expect(report.environments[0]?.status, JSON.stringify(report.environments[0]?.timeline)).toBe("deployed");
    expect(await serverNames()).toEqual(names(target(FLOWS_A, "a1")));
    const history = await deps.history.read("production");
    expect(lastKnownGood(history)?.revision).toBe("a1");
  });

  it("an update of the enforced environment expands then contracts; the default-deny objects are never recreated", async () => {
    const before = await denyUids();
    expect(before).toHaveLength(2);
    const report = await run(target(FLOWS_B, "b2"));
    const outcome = report.environments[0]!;
    expect(outcome.status, JSON.stringify(outcome.timeline)).toBe("deployed");
    expect(outcome.timeline.filter((t) => t.phase === "deploy").map((t) => t.step)[0]).toBe("expand");
    expect(await denyUids()).toEqual(before);
    expect(await serverNames()).toEqual(names(target(FLOWS_B, "b2")));
  });

  it("a probe failure rolls back to the last-known-good through the engine", async () => {
    probes.deviations.push((check, view) =>
      check.kind === "dns" &&
      view.policies.has("NetworkPolicy/shop/frontend-egress") &&
      check.from.namespace === "shop" &&
      JSON.stringify(view.policies.get("NetworkPolicy/shop/frontend-egress")).includes("worker")
        ? { outcome: "dns-failure", message: "timed out" }
        : undefined,
    );
    const moved = [
      "ingress-nginx -> frontend:80",
      "frontend -> worker:9000",
      "api -> ledger:5432",
      "worker -> ledger:5432",
    ];
    const report = await run(target(moved, "c3"));
    const outcome = report.environments[0]!;
    expect(outcome.status, JSON.stringify(outcome.timeline)).toBe("rolled-back");
    expect(outcome.rolledBackTo?.revision).toBe("b2");
    expect(await serverNames()).toEqual(names(target(FLOWS_B, "b2")));
    probes.deviations = [];
  });

  it("a locked stack is refused with its holder and nothing changes", async () => {
    const locks = join(e2e.dir, "state/.pulumi/locks/organization/netpol-rollout/production");
    mkdirSync(locks, { recursive: true });
    writeFileSync(
      join(locks, "8c1d3c9e-0000-4000-8000-000000000002.json"),
      JSON.stringify({ pid: 777, username: "ci", hostname: "runner-9", timestamp: new Date().toISOString() }),
    );
    const before = await serverNames();
    const report = await run(target(FLOWS_A, "d4"));
    const outcome = report.environments[0]!;
    expect(outcome.status).toBe("refused");
    expect(outcome.reason).toMatch(/ci@runner-9, pid 777/);
    expect(outcome.recovery).toMatch(/pulumi cancel --stack production --yes/);
    expect(await serverNames()).toEqual(before);
  });
});
