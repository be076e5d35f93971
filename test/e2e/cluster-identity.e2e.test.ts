/**
 * End to end, with two real API servers: the engine deploys where the probes look, or
 * nothing happens. The probes (the cluster adapter) use cluster A. A stack whose own config
 * points the Kubernetes provider at cluster B is refused before any change, naming both
 * kube-system uids: no NetworkPolicy appears on either cluster and the stack's state gains
 * nothing. Cluster A reached by another address (localhost instead of 127.0.0.1) is still
 * cluster A, and the deploy goes through. The real Pulumi engine, provider and
 * kube-apiservers; the dataplane is simulated (no kubelet), as in deploy.e2e.test.ts.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CoreV1Api, KubeConfig, NetworkingV1Api } from "@kubernetes/client-node";
import type { Stack } from "@pulumi/pulumi/automation/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster } from "../../action/src/adapters/kubernetes/cluster.js";
import { KubeLeases } from "../../action/src/adapters/kubernetes/leases.js";
import { createLeaseLocks } from "../../action/src/adapters/lease-lock.js";
import { createPulumiDeployer, engineEnvVars } from "../../action/src/adapters/pulumi.js";
import {
  clusterState,
  createBundleFiles,
  createHistoryStore,
} from "../../action/src/adapters/rollout-store.js";
import { runRollout } from "../../action/src/commands/deploy.js";
import type { RolloutDeps, RolloutTarget } from "../../action/src/commands/deploy/request.js";
import { compileEnvironment } from "../../action/src/compile/index.js";
import type { ClusterState } from "../../action/src/k8s/types.js";
import { buildEnvironment } from "../helpers/intent-builder.js";
import { FakeProbePhase, shopCluster } from "../fakes/rollout.js";
import { e2eBinDir, repoRoot, startE2e, type E2e } from "./harness.js";

const bin = e2eBinDir();
if (!bin)
  console.log("e2e tier skipped: real engine tools not built (run test/e2e/tools/build.sh, ~40 min cold)");

const NAMESPACES = ["shop", "billing", "ingress-nginx", "netpol-rollout"];

function target(revision: string): RolloutTarget {
  const env = buildEnvironment({
    name: "production",
    cni: "calico",
    namespaces: {
      shop: { services: { frontend: { ports: [80] }, api: { ports: [8080] } } },
      billing: { services: { ledger: { ports: [5432] } } },
      "ingress-nginx": { managed: false, podLabels: { "app.kubernetes.io/name": "ingress-nginx" } },
    },
    flows: ["ingress-nginx -> frontend:80", "frontend -> api:8080", "api -> ledger:5432"],
  });
  return { intent: env, bundle: { ...compileEnvironment(env), excludedNamespaces: [] }, revision };
}

let e2e: E2e;
let other: { dir: string; kubeconfig: string; kube: KubeConfig } | undefined;
let deps: RolloutDeps;
const log: string[] = [];

async function kubeSystemUid(kube: KubeConfig): Promise<string> {
  return (await kube.makeApiClient(CoreV1Api).readNamespace({ name: "kube-system" })).metadata?.uid ?? "";
}

async function policyCount(kube: KubeConfig): Promise<number> {
  return (await kube.makeApiClient(NetworkingV1Api).listNetworkPolicyForAllNamespaces()).items.length;
}

async function openStack(): Promise<Stack> {
  const { LocalWorkspace, PulumiCommand } = await import("@pulumi/pulumi/automation/index.js");
  return LocalWorkspace.createOrSelectStack(
    { stackName: "production", workDir: e2e.workDir },
    {
      pulumiCommand: await PulumiCommand.get({ root: join(e2e.bin, "..") }),
      envVars: engineEnvVars(e2e.engineEnv),
    },
  );
}

/** The stack's own provider config, as a user sets it: `pulumi config set kubernetes:kubeconfig …`. */
async function stackKubeconfig(path: string | undefined): Promise<void> {
  const stack = await openStack();
  if (path === undefined) await stack.removeConfig("kubernetes:kubeconfig");
  else await stack.setConfig("kubernetes:kubeconfig", { value: path });
}

beforeAll(async () => {
  if (!bin) return;
  e2e = await startE2e(bin);
  await e2e.ensureNamespaces(...NAMESPACES);
  // Cluster B: another control plane, with the same namespaces.
  const dir = join(e2e.dir, "cluster-b");
  // A free port can be taken by an outgoing connection before etcd binds it: start again.
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync("bash", [join(repoRoot, "test/e2e/tools/control-plane.sh"), "start", dir], {
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, E2E_BIN_DIR: bin },
        timeout: 180_000,
      });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  const kube = new KubeConfig();
  kube.loadFromFile(join(dir, "kubeconfig"));
  other = { dir, kubeconfig: join(dir, "kubeconfig"), kube };
  for (const name of NAMESPACES) {
    await kube.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name } } });
  }

  const pods = shopCluster().pods;
  const cluster = createCluster({ kubeconfig: e2e.kubeconfig, env: {} });
  const readCluster = async (): Promise<ClusterState> => ({
    ...clusterState(await cluster.inventory()),
    pods,
  });
  const steps = join(e2e.dir, "steps");
  mkdirSync(steps, { recursive: true });
  deps = {
    engine: createPulumiDeployer({
      workDir: e2e.workDir,
      stackTemplate: "{env}",
      env: e2e.engineEnv,
      log: (line) => log.push(`${Date.now()} ${line}`),
    }),
    locks: createLeaseLocks(new KubeLeases(e2e.kube), {
      namespace: "netpol-rollout",
      run: { command: "deploy" },
    }),
    readCluster,
    history: createHistoryStore(cluster, "netpol-rollout"),
    probes: new FakeProbePhase({ read: readCluster, probePods: new Set() }),
    files: createBundleFiles(steps),
    clusterName: "cluster A (the kubeconfig input)",
    compileAt: async () => undefined,
    now: () => new Date(),
    log: () => undefined,
  };
}, 240_000);
afterAll(() => {
  if (other) {
    execFileSync("bash", [join(repoRoot, "test/e2e/tools/control-plane.sh"), "stop", other.dir], {
      stdio: "ignore",
      timeout: 60_000,
    });
  }
  e2e?.stop();
}, 120_000);

const deploy = (revision: string) =>
  runRollout(
    {
      action: "deploy",
      targets: [target(revision)],
      onInconclusive: "fail",
      run: { id: "e2e" },
      lockWaitMs: 0,
    },
    deps,
  );

describe.skipIf(!bin)("one cluster for the engine and the probes, by kube-system uid", () => {
  it("refuses a stack whose own config targets another cluster before any change, naming both clusters", async () => {
    const a = await kubeSystemUid(e2e.kube);
    const b = await kubeSystemUid(other!.kube);
    expect(a).not.toBe(b);
    await stackKubeconfig(other!.kubeconfig);

    const started = Date.now();
    const report = await deploy("r1");
    const checkMs = Date.now() - started;
    expect(report.environments.map((e) => e.status)).toEqual(["refused"]);
    expect(report.refusals).toEqual([
      `production: the Pulumi engine would deploy to another cluster than the one the probes run on: its Kubernetes provider ` +
        `reaches the cluster whose kube-system namespace has uid ${b}, while the probes run on cluster A (the kubeconfig input), ` +
        `whose kube-system uid is ${a}; make the stack's kubernetes:* config (and any provider of the program) target the ` +
        `cluster of the kubeconfig and context inputs`,
    ]);
    // Nothing anywhere: no policy on either cluster, nothing in the stack's state.
    expect(await policyCount(e2e.kube)).toBe(0);
    expect(await policyCount(other!.kube)).toBe(0);
    const state = (await (await openStack()).exportStack()).deployment as { resources?: unknown[] };
    expect(state.resources ?? []).toEqual([]);
    console.log(
      `cluster identity e2e: the mismatch was refused ${(checkMs / 1000).toFixed(1)} s after the run began (the preview included)`,
    );
  });

  it("deploys when the stack reaches the same cluster by another address", async () => {
    // Cluster A's kubeconfig with localhost for 127.0.0.1: another URL, the same cluster.
    const viaLocalhost = join(e2e.dir, "a-via-localhost.kubeconfig");
    writeFileSync(
      viaLocalhost,
      readFileSync(e2e.kubeconfig, "utf8").replace("https://127.0.0.1:", "https://localhost:"),
    );
    await stackKubeconfig(viaLocalhost);
    const report = await deploy("r2");
    expect(report.refusals).toEqual([]);
    expect(report.environments[0]?.status, JSON.stringify(report.environments[0]?.timeline)).toBe("deployed");
    expect(await policyCount(e2e.kube)).toBe(target("r2").bundle.objects.length);
    expect(await policyCount(other!.kube)).toBe(0);
    const previews = log.filter((l) => l.includes("which cluster it would deploy to"));
    expect(previews.length).toBeGreaterThanOrEqual(2);
    await stackKubeconfig(undefined);
  });
});
