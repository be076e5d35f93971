/**
 * End to end: what `netpol-rollout rbac --env production` prints for the shipped example
 * (action/rbac/production.yaml, applied as it is) on a real kube-apiserver, with Pod
 * Security "restricted" enforced in production, and the cluster adapter, the live prober and
 * the access pre-flight running as the identities it creates. The control plane has no
 * kubelet or scheduler: pods stay Pending, so the prober's runs end in cannot-check; the
 * garbage collector of kube-controller-manager is real.
 *
 * The admission policy is shown to hold where RBAC does not: the bypasses run in
 * ingress-nginx, where no Pod Security level is enforced, and where the shipped Roles do not
 * grant a verb, an extra Role grants it first (RBAC too broad), so each refusal is the
 * policy's own.
 *
 * Needs only etcd, kube-apiserver and kube-controller-manager from test/e2e/tools.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsyaml from "js-yaml";
import type { ApiException } from "@kubernetes/client-node";
import {
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  RbacAuthorizationV1Api,
  type KubernetesObject,
} from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KubeAccessReviewer } from "../../action/src/adapters/kubernetes/access.js";
import { createCluster, type KubeCluster } from "../../action/src/adapters/kubernetes/cluster.js";
import { LiveProber } from "../../action/src/adapters/kubernetes/prober.js";
import { checkAccess } from "../../action/src/commands/access-preflight.js";
import { loadIntentFromDir } from "../../action/src/adapters/files/intent.js";
import type { EnvironmentIntent } from "../../action/src/intent/model.js";
import { AdmissionError, ForbiddenError, type PodManifest } from "../../action/src/ports/cluster.js";
import { PROBE_RUN_LABEL } from "../../action/src/probe/pod-script.js";
import { buildRunObject, runObjectName } from "../../action/src/probe/pod.js";
import type { ProbePlan } from "../../action/src/probe/types.js";
import { fixturePod } from "../helpers/probe-fixture.js";
import { environment, planFor } from "../probe/scenario.js";

const repoRoot = join(import.meta.dirname, "../..");
const tools = join(repoRoot, "test/e2e/tools");
const DEPLOY = "system:serviceaccount:netpol-rollout:netpol-rollout-production-deploy";
const DRIFT = "system:serviceaccount:netpol-rollout:netpol-rollout-production-drift";
const EDITOR = "system:serviceaccount:netpol-rollout:state-editor";
const POLICY = "ValidatingAdmissionPolicy 'netpol-rollout-probes'";

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
let production: EnvironmentIntent;
const as: Record<string, { kc: KubeConfig; cluster: KubeCluster; objects: KubernetesObjectApi }> = {};
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

/** A kubeconfig of the admin impersonating `username`. */
function impersonating(kubeconfig: string, username: string, file: string): string {
  const doc = jsyaml.load(readFileSync(kubeconfig, "utf8")) as { users: { user: Record<string, unknown> }[] };
  for (const u of doc.users) u.user.as = username;
  writeFileSync(file, jsyaml.dump(doc));
  return file;
}

const adminObjects = () => KubernetesObjectApi.makeApiClient(admin);
const core = () => admin.makeApiClient(CoreV1Api);

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
  await core().createNamespace({
    body: {
      metadata: { name: "production", labels: { "pod-security.kubernetes.io/enforce": "restricted" } },
    },
  });
  await core().createNamespace({ body: { metadata: { name: "ingress-nginx" } } });
  await core().createNamespace({ body: { metadata: { name: "ops" } } });
  // What the placement bypasses name must exist, or other admission plugins refuse first.
  await adminObjects().create({
    apiVersion: "scheduling.k8s.io/v1",
    kind: "PriorityClass",
    metadata: { name: "netpol-e2e-high" },
    value: 1000,
  } as KubernetesObject);
  await adminObjects().create({
    apiVersion: "node.k8s.io/v1",
    kind: "RuntimeClass",
    metadata: { name: "netpol-e2e-other" },
    handler: "other",
  } as KubernetesObject);
  // The shipped file, as a cluster administrator applies it.
  for (const doc of jsyaml.loadAll(readFileSync(join(repoRoot, "action/rbac/production.yaml"), "utf8"))) {
    if (doc) await adminObjects().create(doc as KubernetesObject);
  }
  for (const [name, user] of Object.entries({ deploy: DEPLOY, drift: DRIFT, editor: EDITOR })) {
    const file = impersonating(kubeconfig, user, join(dir, `${name}.kubeconfig`));
    const kc = new KubeConfig();
    kc.loadFromFile(file);
    as[name] = {
      kc,
      cluster: createCluster({ kubeconfig: file, env: {} }, { timeoutMs: 10_000 }),
      objects: KubernetesObjectApi.makeApiClient(kc),
    };
  }
  const loaded = await loadIntentFromDir("policies", repoRoot);
  if (!loaded.ok) throw new Error("the shipped intent is invalid");
  production = loaded.intent.environments.find((e) => e.name === "production") as EnvironmentIntent;
  // The admission plugin loads a new policy and its parameters within about a second: wait until it denies.
  for (let i = 0; i < 100; i++) {
    const refused = await as
      .deploy!.cluster.createConfigMap({ metadata: { namespace: "production", name: `policy-loaded-${i}` } })
      .then(() => false)
      .catch((e: unknown) => e instanceof AdmissionError);
    if (refused) break;
    await new Promise((r) => setTimeout(r, 200));
  }
}, 240_000);
afterAll(() => stop(), 120_000);

const deploy = () => as.deploy!.cluster;

/** A run object of the identity, as the prober creates it. */
async function runObject(namespace: string, id: string) {
  return deploy().createConfigMap(buildRunObject({ id, environment: "production" }, namespace));
}

/** The probe pod the planner builds for one check, owned by a run object the identity created. */
async function probePod(namespace: string, id: string): Promise<PodManifest> {
  const owner = await runObject(namespace, id);
  const plan = planFor(environment(), { run: { id } });
  const check = plan.checks.find((c) => c.expect !== "cannot-check" && c.from.pod !== undefined)!;
  const pod = fixturePod(
    namespace,
    `${runObjectName({ id, environment: "production" })}-pod`,
    { app: "web" },
    [check],
    3,
    id,
  );
  pod.metadata.ownerReferences = [
    {
      apiVersion: "v1",
      kind: "ConfigMap",
      name: owner.metadata.name,
      uid: owner.metadata.uid as string,
      controller: true,
    },
  ];
  return pod as PodManifest;
}

async function refusal(p: Promise<unknown>): Promise<Error> {
  const err = await p.then(
    () => new Error("admitted"),
    (e: unknown) => e as Error,
  );
  return err;
}

type Spec = Record<string, unknown> & {
  containers: Record<string, unknown>[];
  securityContext: Record<string, unknown>;
};
const container = (spec: Spec) =>
  spec.containers[0] as Record<string, unknown> & { securityContext: Record<string, unknown> };

/** Grants `username` verbs the shipped Roles do not, so that only admission stands in the way. */
async function grantTooMuch(
  username: string,
  namespace: string,
  rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[],
) {
  const rbac = admin.makeApiClient(RbacAuthorizationV1Api);
  const name = `too-broad-${username.split(":").pop()}`;
  await rbac.createNamespacedRole({ namespace, body: { metadata: { name }, rules } });
  const [, , ns, sa] = username.split(":");
  await rbac.createNamespacedRoleBinding({
    namespace,
    body: {
      metadata: { name },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name },
      subjects: [{ kind: "ServiceAccount", name: sa as string, namespace: ns as string }],
    },
  });
}

describe.skipIf(!bin)("the shipped RBAC and admission policy on a real API server", () => {
  it("admits the probe pods the planner builds, for deploy and for drift, and lets the prober delete them", async () => {
    for (const identity of ["deploy", "drift"]) {
      const plan: ProbePlan = planFor(environment(), { run: { id: `e2e-${identity}` } });
      expect(new Set(plan.pods.map((p) => p.metadata.namespace))).toEqual(
        new Set(["ingress-nginx", "production"]),
      );
      const prober = new LiveProber(as[identity]!.cluster, {
        timeoutSeconds: 3,
        startTimeoutMs: 2000,
        pollMs: 200,
      });
      const { outcomes } = await prober.probe({ plan, round: 1 });
      const evidence = new Set(
        [...outcomes.values()].map((o) => (o.outcome === "cannot-check" ? o.evidence : o.outcome)),
      );
      // Every pod was admitted and stays Pending here (no kubelet): none was refused.
      expect(evidence).toEqual(new Set(["never-started"]));
      const created = [...prober.createdManifests().values()];
      expect(created.length).toBe(plan.pods.length);
      await prober.close();
      const selector = { labelSelector: `${PROBE_RUN_LABEL}=${prober.runId}` };
      for (const namespace of ["production", "ingress-nginx"]) {
        expect(await as[identity]!.cluster.listPods(namespace, selector)).toEqual([]);
        expect(await as[identity]!.cluster.listConfigMaps(namespace, selector)).toEqual([]);
      }
    }
  });

  it.each<[string, (spec: Spec, pod: PodManifest) => void, string]>([
    [
      "another image",
      (s) => void (container(s).image = "registry.example/tools:1"),
      "runs the configured probe image",
    ],
    [
      "another command",
      (s) => void (container(s).command = ["/bin/sh", "-c", "wget -qO- http://10.0.0.1/"]),
      "the probe command",
    ],
    [
      "an argument that is no check",
      (s) => void ((container(s).args as string[])[1] = "tcp,$(id),80"),
      "the probe command",
    ],
    [
      "a Secret volume",
      (s) => void (s.volumes = [{ name: "s", secret: { secretName: "db-password" } }]),
      "has no volumes",
    ],
    [
      "a projected token of another service account",
      (s) =>
        void Object.assign(s, {
          serviceAccountName: "builder",
          volumes: [
            {
              name: "t",
              projected: { sources: [{ serviceAccountToken: { path: "token", audience: "vault" } }] },
            },
          ],
        }),
      "has no volumes",
    ],
    ["an emptyDir volume", (s) => void (s.volumes = [{ name: "scratch", emptyDir: {} }]), "has no volumes"],
    [
      "a hostPath volume",
      (s) => void (s.volumes = [{ name: "h", hostPath: { path: "/" } }]),
      "has no volumes",
    ],
    [
      "a secretKeyRef environment variable",
      (s) =>
        void (container(s).env = [
          { name: "P", valueFrom: { secretKeyRef: { name: "db-password", key: "p" } } },
        ]),
      "takes no environment",
    ],
    [
      "a ConfigMap's environment",
      (s) => void (container(s).envFrom = [{ configMapRef: { name: "app" } }]),
      "takes no environment",
    ],
    [
      "a mounted service-account token",
      (s) => void (s.automountServiceAccountToken = true),
      "mounts no service-account token",
    ],
    ["another service account", (s) => void (s.serviceAccountName = "builder"), "default service account"],
    [
      "container-level runAsUser 0",
      (s) => void (container(s).securityContext.runAsUser = 0),
      "restricted at container level",
    ],
    [
      "container-level seccomp Unconfined",
      (s) => void (container(s).securityContext.seccompProfile = { type: "Unconfined" }),
      "restricted at container level",
    ],
    [
      "a privileged container",
      (s) =>
        void Object.assign(container(s).securityContext, {
          privileged: true,
          allowPrivilegeEscalation: true,
        }),
      "restricted at container level",
    ],
    [
      "an added capability",
      (s) => void (container(s).securityContext.capabilities = { drop: ["ALL"], add: ["NET_RAW"] }),
      "restricted at container level",
    ],
    [
      "a writable root file system",
      (s) => void (container(s).securityContext.readOnlyRootFilesystem = false),
      "restricted at container level",
    ],
    [
      "an init container",
      (s) => {
        const { readinessProbe: _never, ...init } = container(s);
        s.initContainers = [{ ...init, name: "init" }];
      },
      "no init or ephemeral containers",
    ],
    [
      "a second container",
      (s) => void s.containers.push({ ...container(s), name: "other" }),
      "has one container",
    ],
    [
      "a liveness probe that runs a command",
      (s) => void (container(s).livenessProbe = { exec: { command: ["/bin/sh", "-c", "id"] } }),
      "no environment",
    ],
    [
      "a readiness probe that can pass",
      (s) => void (container(s).readinessProbe = { exec: { command: ["/bin/true"] } }),
      "readiness probe never passes",
    ],
    ["nodeName", (s) => void (s.nodeName = "control-plane"), "no nodeName"],
    [
      "a toleration of its own",
      (s) => void (s.tolerations = [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists" }]),
      "tolerations beyond the API server's defaults",
    ],
    [
      "a priority class above 0",
      (s) => void (s.priorityClassName = "netpol-e2e-high"),
      "priority class above 0",
    ],
    [
      "a DNS config",
      (s) => void Object.assign(s, { dnsPolicy: "None", dnsConfig: { nameservers: ["10.0.0.53"] } }),
      "DNS config",
    ],
    ["a runtime class", (s) => void (s.runtimeClassName = "netpol-e2e-other"), "runtime class"],
    ["the host network", (s) => void (s.hostNetwork = true), "shares no host namespace"],
    [
      "a pull secret not in the parameters",
      (s) => void (s.imagePullSecrets = [{ name: "stolen" }]),
      "configured image pull secrets only",
    ],
    ["restartPolicy Always", (s) => void (s.restartPolicy = "Always"), "never restarts"],
    ["no run label", (_s, pod) => void delete pod.metadata.labels?.[PROBE_RUN_LABEL], "carries the labels"],
    [
      "an owner that is not a run object",
      (_s, pod) => void (pod.metadata.ownerReferences![0]!.name = "app-config"),
      "has exactly one owner",
    ],
  ])("refuses a probe pod with %s", async (_name, mutate, message) => {
    const id = `b${Math.random().toString(36).slice(2, 8)}`;
    const pod = await probePod("ingress-nginx", id);
    mutate(pod.spec as Spec, pod);
    const err = await refusal(deploy().createPod(pod));
    expect(err, err.message).toBeInstanceOf(AdmissionError);
    expect(err.message).toContain(POLICY);
    expect(err.message).toContain(message);
  });

  it("admits the unchanged pod of the bypass tests (each refusal above is the mutation's)", async () => {
    const pod = await probePod("ingress-nginx", "unchanged");
    const created = await deploy().createPod(pod);
    expect(created.metadata.uid).toBeTruthy();
  });

  it("Pod Security restricted in production refuses what the policy refuses too", async () => {
    const pod = await probePod("production", "root");
    container(pod.spec as Spec).securityContext.runAsUser = 0;
    expect(await refusal(deploy().createPod(pod))).toBeInstanceOf(AdmissionError);
  });

  it("deletes only what a probe run labelled: a tenant's pod and ConfigMap are refused, on DELETE by oldObject", async () => {
    await core().createNamespacedPod({
      namespace: "production",
      body: {
        metadata: { name: "tenant-db", labels: { app: "database" } },
        spec: {
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 1000,
            seccompProfile: { type: "RuntimeDefault" },
          },
          containers: [
            {
              name: "db",
              image: "postgres:16",
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
            },
          ],
        },
      },
    });
    await core().createNamespacedConfigMap({
      namespace: "production",
      body: { metadata: { name: "app-config" } },
    });
    for (const err of [
      await refusal(deploy().deletePod("production", "tenant-db")),
      await refusal(deploy().deleteConfigMap("production", "app-config")),
    ]) {
      expect(err).toBeInstanceOf(AdmissionError);
      expect(err.message).toContain("deletes only the objects of a probe run");
    }
    expect(await deploy().getPod("production", "tenant-db")).toBeDefined();
    // A run's own objects go (the prober's deletes above worked the same way).
    await runObject("production", "gone");
    expect(
      await deploy().deleteConfigMap("production", runObjectName({ id: "gone", environment: "production" })),
    ).toBe(true);
  });

  it("creates only run objects and history records as ConfigMaps, and only lock Leases", async () => {
    const refusedCm = await refusal(
      deploy().createConfigMap({ metadata: { namespace: "production", name: "app-config-2" } }),
    );
    expect(refusedCm.message).toContain("a ConfigMap of netpol-rollout is a probe run object");
    // The history record: created, read and updated by name.
    const record = await deploy().putConfigMap({
      metadata: {
        namespace: "netpol-rollout",
        name: "netpol-rollout-lkg-production",
        labels: { "app.kubernetes.io/managed-by": "netpol-rollout" },
      },
      data: { current: "none" },
    });
    const updated = await deploy().putConfigMap({ ...record, data: { current: "abc" } });
    expect(updated.data?.current).toBe("abc");
    expect(
      await refusal(deploy().deleteConfigMap("netpol-rollout", "netpol-rollout-lkg-production")),
    ).toBeInstanceOf(ForbiddenError);
    // The lock: the Lease named for the environment, nothing else.
    const lease = (name: string) => ({
      apiVersion: "coordination.k8s.io/v1",
      kind: "Lease",
      metadata: { name, namespace: "netpol-rollout" },
      spec: { holderIdentity: "e2e" },
    });
    await as.deploy!.objects.create(lease("netpol-rollout-lock-production"));
    const other = await refusal(as.drift!.objects.create(lease("someone-elses-lock")));
    expect((other as ApiException<string>).body).toContain("a Lease of netpol-rollout is a run lock");
  });

  it("its own parameters cannot be created by the identity, nor changed by a state-namespace editor", async () => {
    const created = await refusal(
      deploy().createConfigMap({
        metadata: { namespace: "netpol-rollout", name: "netpol-rollout-admission-staging" },
        data: { image: "registry.example/tools:1", usernames: DEPLOY },
      }),
    );
    expect(created).toBeInstanceOf(AdmissionError);
    await grantTooMuch(EDITOR, "netpol-rollout", [
      {
        apiGroups: [""],
        resources: ["configmaps"],
        verbs: ["get", "list", "create", "update", "patch", "delete"],
      },
    ]);
    const editor = as.editor!.cluster;
    const params = await editor.getConfigMap("netpol-rollout", "netpol-rollout-admission-production");
    expect(params?.data?.image).toBe("registry.k8s.io/e2e-test-images/agnhost:2.52");
    for (const err of [
      await refusal(
        editor.putConfigMap({ ...params!, data: { ...params!.data, image: "registry.example/tools:1" } }),
      ),
      await refusal(editor.deleteConfigMap("netpol-rollout", "netpol-rollout-admission-production")),
    ]) {
      expect(err).toBeInstanceOf(AdmissionError);
      expect(err.message).toContain("may be changed only by whoever may change the policy itself");
    }
    // An administrator may (the value written back unchanged).
    const asAdmin = createCluster({ kubeconfig: join(dir, "cp", "kubeconfig"), env: {} });
    await asAdmin.putConfigMap(params!);
  });

  it("never changes a pod nor touches a subresource, even where RBAC would let it", async () => {
    await grantTooMuch(DEPLOY, "ingress-nginx", [
      {
        apiGroups: [""],
        resources: ["pods", "pods/ephemeralcontainers", "pods/eviction"],
        verbs: ["get", "create", "update", "patch"],
      },
    ]);
    const pod = await probePod("ingress-nginx", "upd");
    await deploy().createPod(pod);
    const api = as.deploy!.kc.makeApiClient(CoreV1Api);
    const changed = await api.readNamespacedPod({ namespace: "ingress-nginx", name: pod.metadata.name });
    changed.spec!.containers[0]!.image = "registry.example/tools:1";
    const update = await refusal(
      api.replaceNamespacedPod({ namespace: "ingress-nginx", name: pod.metadata.name, body: changed }),
    );
    expect((update as ApiException<string>).body).toContain("never changes a pod");
    const debugged = await api.readNamespacedPod({ namespace: "ingress-nginx", name: pod.metadata.name });
    debugged.spec!.ephemeralContainers = [
      { name: "debug", image: "registry.example/tools:1", command: ["/bin/sh"] },
    ];
    const debug = await refusal(
      api.replaceNamespacedPodEphemeralcontainers({
        namespace: "ingress-nginx",
        name: pod.metadata.name,
        body: debugged,
      }),
    );
    expect((debug as ApiException<string>).body).toContain("never on a subresource");
  });

  it("the garbage collector deletes the probe pods of a deleted run object", async () => {
    const pod = await probePod("production", "gc");
    await deploy().createPod(pod);
    await deploy().deleteConfigMap("production", runObjectName({ id: "gc", environment: "production" }));
    let left = await deploy().getPod("production", pod.metadata.name);
    for (let i = 0; i < 100 && left; i++) {
      await new Promise((r) => setTimeout(r, 200));
      left = await deploy().getPod("production", pod.metadata.name);
    }
    expect(left).toBeUndefined();
  });

  it("names the missing RBAC rule in a namespace without a Role", async () => {
    const err = await refusal(
      deploy().createConfigMap({ metadata: { namespace: "ops", name: "netpol-probe-x" } }),
    );
    expect(err).toBeInstanceOf(ForbiddenError);
    expect(err.message).toContain(
      '{ apiGroups: [""], resources: ["configmaps"], verbs: ["create"] } in a Role in namespace ops',
    );
  });
});

describe.skipIf(!bin)("the access pre-flight on a real API server", () => {
  const preflight = (identity: string, image?: string) =>
    checkAccess([production], identity === "drift" ? "drift" : "deploy", {
      reviewer: new KubeAccessReviewer(as[identity]!.kc, { timeoutMs: 10_000 }),
      stateNamespace: "netpol-rollout",
      probePods: image ? { image } : {},
      runId: `preflight-${identity}`,
    });
  const leftovers = async () =>
    (
      await Promise.all(
        ["production", "ingress-nginx"].map(async (ns) => [
          ...(await deploy().listPods(ns, { labelSelector: "netpol-rollout.io/probe-run=preflight-deploy" })),
          ...(await deploy().listPods(ns, { labelSelector: "netpol-rollout.io/probe-run=preflight-drift" })),
        ]),
      )
    ).flat();

  it("passes for each identity with the shipped grants: every permission granted, a probe pod admitted in each probe namespace", async () => {
    for (const identity of ["deploy", "drift"]) {
      const result = await preflight(identity);
      expect(result.problems, identity).toEqual([]);
      expect(result.identity).toBe(identity === "deploy" ? DEPLOY : DRIFT);
      expect(result.tried).toEqual(["ingress-nginx", "production"]);
      expect(result.asked).toBeGreaterThan(20);
    }
    expect(await leftovers()).toEqual([]);
  });

  it("refuses up front, listing each missing rule, when ingress-nginx lacks its Role binding (the old docs' setup)", async () => {
    const rbac = admin.makeApiClient(RbacAuthorizationV1Api);
    const binding = await rbac.readNamespacedRoleBinding({
      namespace: "ingress-nginx",
      name: "netpol-rollout-production-probes",
    });
    await rbac.deleteNamespacedRoleBinding({
      namespace: "ingress-nginx",
      name: "netpol-rollout-production-probes",
    });
    try {
      // The authorizer learns of the deletion through its informer, within moments.
      let result = await preflight("drift");
      for (let i = 0; i < 50 && result.problems.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        result = await preflight("drift");
      }
      expect(result.problems).toEqual([
        'missing { apiGroups: [""], resources: ["pods"], verbs: ["create", "delete"] } in namespace ingress-nginx, for probe pods and their run objects (ConfigMaps that own them), the pods\' logs, and run objects an earlier run left (Role netpol-rollout-production-probes)',
        'missing { apiGroups: [""], resources: ["pods/log"], verbs: ["get"] } in namespace ingress-nginx, for probe pods and their run objects (ConfigMaps that own them), the pods\' logs, and run objects an earlier run left (Role netpol-rollout-production-probes)',
        'missing { apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "create", "delete"] } in namespace ingress-nginx, for probe pods and their run objects (ConfigMaps that own them), the pods\' logs, and run objects an earlier run left (Role netpol-rollout-production-probes)',
      ]);
      expect(result.tried).toEqual(["production"]);
    } finally {
      const { metadata, roleRef, subjects } = binding;
      await rbac.createNamespacedRoleBinding({
        namespace: "ingress-nginx",
        body: { metadata: { name: metadata?.name, namespace: "ingress-nginx" }, roleRef, subjects },
      });
      for (let i = 0; i < 50 && (await preflight("drift")).problems.length > 0; i++)
        await new Promise((r) => setTimeout(r, 100));
    }
  });

  it("refuses a probe image the admission parameters do not name: the dry run says why, nothing is created", async () => {
    const result = await preflight("deploy", "registry.example/agnhost:2.52");
    expect(result.problems).toHaveLength(2);
    for (const problem of result.problems) {
      expect(problem).toMatch(
        /^refused: a probe pod \(image registry\.example\/agnhost:2\.52\) in namespace (ingress-nginx|production) \(server-side dry run, nothing was created\): /,
      );
      expect(problem).toContain("runs the configured probe image");
    }
    expect(await leftovers()).toEqual([]);
  });
});
