/**
 * End to end: the shipped RBAC and ValidatingAdmissionPolicy (action/rbac/) on a real
 * kube-apiserver, with Pod Security "restricted" enforced on the namespace, and the
 * cluster adapter and the live prober running as the identity they confine. The control
 * plane has no kubelet or scheduler: pods stay Pending, so the prober's run ends in
 * cannot-check, and the garbage collector of kube-controller-manager is real.
 *
 * Needs only etcd, kube-apiserver and kube-controller-manager from test/e2e/tools.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsyaml from "js-yaml";
import { CoreV1Api, KubeConfig, KubernetesObjectApi, type KubernetesObject } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCluster, type KubeCluster } from "../../action/src/adapters/kubernetes/cluster.js";
import { LiveProber } from "../../action/src/adapters/kubernetes/prober.js";
import { AdmissionError, ForbiddenError } from "../../action/src/ports/cluster.js";
import { PROBE_RUN_LABEL } from "../../action/src/probe/pod-script.js";
import { fixturePlan, fixturePod } from "../helpers/probe-fixture.js";

const repoRoot = join(import.meta.dirname, "../..");
const tools = join(repoRoot, "test/e2e/tools");
const IDENTITY = "system:serviceaccount:netpol-rollout:netpol-rollout";

function controlPlaneBin(): string | undefined {
  try {
    const dir =
      execFileSync("bash", [join(tools, "env.sh")], { encoding: "utf8" })
        .trim()
        .split("\n")
        .pop() ?? "";
    return ["etcd", "kube-apiserver", "kube-controller-manager"].every((t) => existsSync(join(dir, t)))
      ? dir
      : undefined;
  } catch {
    return undefined;
  }
}

const bin = process.env.E2E_BIN_DIR ?? controlPlaneBin();
if (!bin)
  console.log(
    "probe admission e2e skipped: etcd/kube-apiserver/kube-controller-manager not built (test/e2e/tools/build.sh kube)",
  );

let dir = "";
let admin: KubeConfig;
let asIdentity: KubeCluster;
let stopped = false;
const stop = () => {
  if (stopped || !dir) return;
  stopped = true;
  execFileSync("bash", [join(tools, "control-plane.sh"), "stop", join(dir, "cp")], {
    stdio: "ignore",
    timeout: 60_000,
  });
  if (!process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true });
};

beforeAll(async () => {
  if (!bin) return;
  dir = mkdtempSync(join(tmpdir(), "netpol-probe-e2e-"));
  process.once("exit", stop);
  execFileSync("bash", [join(tools, "control-plane.sh"), "start", join(dir, "cp")], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, E2E_BIN_DIR: bin },
    timeout: 180_000,
  });
  const kubeconfig = join(dir, "cp", "kubeconfig");
  admin = new KubeConfig();
  admin.loadFromFile(kubeconfig);
  const core = admin.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: "netpol-rollout" } } });
  await core.createNamespace({
    body: { metadata: { name: "shop", labels: { "pod-security.kubernetes.io/enforce": "restricted" } } },
  });
  await core.createNamespace({ body: { metadata: { name: "ops" } } });
  await core.createNamespacedServiceAccount({
    namespace: "netpol-rollout",
    body: { metadata: { name: "netpol-rollout" } },
  });
  const client = KubernetesObjectApi.makeApiClient(admin);
  for (const file of ["clusterrole-read.yaml", "role-managed-namespace.yaml", "admission-policy.yaml"]) {
    for (const doc of jsyaml.loadAll(readFileSync(join(repoRoot, "action/rbac", file), "utf8"))) {
      if (doc) await client.create(doc as KubernetesObject);
    }
  }
  // The identity: the admin impersonating the Action's ServiceAccount.
  const doc = jsyaml.load(readFileSync(kubeconfig, "utf8")) as { users: { user: Record<string, unknown> }[] };
  for (const u of doc.users) u.user.as = IDENTITY;
  writeFileSync(join(dir, "identity.kubeconfig"), jsyaml.dump(doc));
  asIdentity = createCluster(
    { kubeconfig: join(dir, "identity.kubeconfig"), env: {} },
    { timeoutMs: 10_000 },
  );
  // The admission plugin loads a new policy within about a second: wait until it denies.
  for (let i = 0; i < 50; i++) {
    const refused = await asIdentity
      .createConfigMap({ metadata: { namespace: "shop", name: `policy-loaded-${i}` } })
      .then(() => false)
      .catch((e: unknown) => e instanceof AdmissionError);
    if (refused) break;
    await new Promise((r) => setTimeout(r, 200));
  }
}, 240_000);
afterAll(() => stop(), 120_000);

async function runObject(namespace: string, name: string) {
  return asIdentity.createConfigMap({
    metadata: {
      namespace,
      name,
      labels: { [PROBE_RUN_LABEL]: "e2e", "app.kubernetes.io/managed-by": "netpol-rollout" },
    },
  });
}

function probePod(namespace: string, name: string, ownerUid: string, ownerName: string) {
  const plan = fixturePlan([
    { from: { namespace, labels: { app: "web" } }, to: { ip: "10.0.0.1" }, port: 80, expect: "blocked" },
  ]);
  const pod = fixturePod(namespace, name, { app: "web", [PROBE_RUN_LABEL]: "e2e" }, plan.checks, 3);
  pod.metadata.ownerReferences = [
    { apiVersion: "v1", kind: "ConfigMap", name: ownerName, uid: ownerUid, controller: true },
  ];
  return pod;
}

describe.skipIf(!bin)("the shipped RBAC and admission policy on a real API server", () => {
  it("admits a restricted, never-Ready probe pod owned by its run object", async () => {
    const owner = await runObject("shop", "run-a");
    const pod = await asIdentity.createPod(
      probePod("shop", "probe-a", owner.metadata.uid as string, "run-a"),
    );
    expect(pod.metadata.uid).toBeTruthy();
    expect(pod.status?.phase).toBe("Pending");
  });

  it("refuses, through the admission policy, a pod that is not a probe pod", async () => {
    const owner = await runObject("shop", "run-b");
    const pod = probePod("shop", "not-a-probe", owner.metadata.uid as string, "run-b");
    delete pod.metadata.labels[PROBE_RUN_LABEL];
    const err = await asIdentity.createPod(pod).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdmissionError);
    expect((err as Error).message).toContain("netpol-rollout may only create probe pods");
  });

  it.each([
    [
      "a writable root file system",
      (spec: Record<string, unknown>) => {
        (
          (spec.containers as Record<string, Record<string, unknown>>[])[0]?.securityContext as Record<
            string,
            unknown
          >
        ).readOnlyRootFilesystem = false;
      },
      "read-only root file system",
    ],
    [
      "a readiness probe that can pass",
      (spec: Record<string, unknown>) => {
        ((spec.containers as Record<string, unknown>[])[0] as Record<string, unknown>).readinessProbe = {
          exec: { command: ["/bin/true"] },
        };
      },
      "never passes",
    ],
    [
      "a service-account token",
      (spec: Record<string, unknown>) => {
        spec.automountServiceAccountToken = true;
      },
      "no service-account token",
    ],
  ])("refuses a probe pod with %s", async (_name, mutate, message) => {
    const owner = await runObject("shop", `run-${message.length}`);
    const pod = probePod("shop", `bad-${message.length}`, owner.metadata.uid as string, owner.metadata.name);
    mutate(pod.spec);
    const err = await asIdentity.createPod(pod).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdmissionError);
    expect((err as Error).message).toContain(message);
  });

  it("Pod Security restricted refuses a root pod before anything else runs", async () => {
    const owner = await runObject("shop", "run-root");
    const pod = probePod("shop", "root", owner.metadata.uid as string, "run-root");
    (pod.spec.securityContext as Record<string, unknown>).runAsNonRoot = false;
    const err = await asIdentity.createPod(pod).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdmissionError);
  });

  it("names the missing RBAC rule in a namespace without the Role", async () => {
    const err = await asIdentity
      .createConfigMap({ metadata: { namespace: "ops", name: "run" } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    expect((err as Error).message).toContain(
      '{ apiGroups: [""], resources: ["configmaps"], verbs: ["create"] } in a Role in namespace ops',
    );
  });

  it("the garbage collector deletes the probe pods of a deleted run object", async () => {
    const owner = await runObject("shop", "run-gc");
    await asIdentity.createPod(probePod("shop", "probe-gc", owner.metadata.uid as string, "run-gc"));
    await asIdentity.deleteConfigMap("shop", "run-gc");
    let pod = await asIdentity.getPod("shop", "probe-gc");
    for (let i = 0; i < 100 && pod; i++) {
      await new Promise((r) => setTimeout(r, 200));
      pod = await asIdentity.getPod("shop", "probe-gc");
    }
    expect(pod).toBeUndefined();
  });

  it("the live prober runs as the identity, reports pods that never start, and leaves nothing behind", async () => {
    const plan = fixturePlan(
      [
        {
          from: { namespace: "shop", labels: { app: "web" } },
          to: { ip: "10.0.0.1" },
          port: 80,
          expect: "blocked",
        },
        {
          from: { namespace: "shop", labels: { app: "api" } },
          to: { ip: "10.0.0.2" },
          port: 80,
          expect: "blocked",
        },
      ],
      3,
    );
    for (const ro of plan.runObjects) ro.metadata.labels["app.kubernetes.io/managed-by"] = "netpol-rollout";
    const prober = new LiveProber(asIdentity, { timeoutSeconds: 3, startTimeoutMs: 2000, pollMs: 200 });
    const { outcomes } = await prober.probe({ plan, round: 1 });
    expect(
      [...outcomes.values()].map((o) => (o.outcome === "cannot-check" ? o.evidence : o.outcome)),
    ).toEqual(["never-started", "never-started"]);
    await prober.close();
    const left = (await asIdentity.listPods("shop", { labelSelector: `${PROBE_RUN_LABEL}=${prober.runId}` }))
      .length;
    expect(left).toBe(0);
    expect(
      (await asIdentity.listConfigMaps("shop", { labelSelector: `${PROBE_RUN_LABEL}=${prober.runId}` }))
        .length,
    ).toBe(0);
  });
});
