/**
 * The access pre-flight through the real client (@kubernetes/client-node) against the
 * Kubernetes API fake: one SelfSubjectAccessReview per verb and object the runs need, a
 * dry-run probe pod and run object per probe namespace, every missing rule listed, nothing
 * created.
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { KubeConfig } from "@kubernetes/client-node";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { KubeAccessReviewer } from "../../action/src/adapters/kubernetes/access.js";
import { accessRequests, environmentGrants } from "../../action/src/access/needs.js";
import { checkAccess } from "../../action/src/commands/access-preflight.js";
import { loadIntentFromDir } from "../../action/src/adapters/files/intent.js";
import type { EnvironmentIntent } from "../../action/src/intent/model.js";
import { startFakeKube, type FakeKube, type FakeKubeOptions, type Json } from "../fakes/kube-server.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
let production: EnvironmentIntent;

beforeAll(async () => {
  const loaded = await loadIntentFromDir("policies", repoRoot);
  if (!loaded.ok) throw new Error("the shipped intent is invalid");
  production = loaded.intent.environments.find((e) => e.name === "production")!;
});

let fake: FakeKube | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(
  options: FakeKubeOptions = {},
  namespaces = ["production", "ingress-nginx", "netpol-rollout"],
) {
  fake = await startFakeKube(options);
  fake.seed(
    "namespaces",
    namespaces.map((name) => ({ metadata: { name } })),
  );
  const kc = new KubeConfig();
  kc.loadFromString(fake.kubeconfig());
  const reviewer = new KubeAccessReviewer(kc, { timeoutMs: 2000, retry: { baseDelayMs: 1, maxDelayMs: 5 } });
  const check = (role: "deploy" | "drift", image?: string) =>
    checkAccess([production], role, {
      reviewer,
      stateNamespace: "netpol-rollout",
      probePods: image ? { image } : {},
      runId: "preflight-1",
    });
  return { fake, check };
}

const stored = (f: FakeKube) =>
  [...f.list("pods"), ...f.list("configmaps")].map((o) => (o.metadata as Json).name);

describe("the access pre-flight", () => {
  it("asks about every verb and object the runs need, tries a probe pod where probes start, and creates nothing", async () => {
    const { fake, check } = await setup();
    const result = await check("deploy");
    expect(result.problems).toEqual([]);
    expect(result.identity).toBe("system:serviceaccount:ci:netpol-rollout");
    expect(result.tried).toEqual(["ingress-nginx", "production"]);
    const reviews = fake.requests.filter((r) => r.path.endsWith("/selfsubjectaccessreviews"));
    expect(reviews).toHaveLength(
      accessRequests(environmentGrants(production, { stateNamespace: "netpol-rollout" }), "deploy").length,
    );
    expect(result.asked).toBe(reviews.length);
    const dryRuns = fake.requests.filter((r) => r.method === "POST" && r.query["dryRun"] === "All");
    expect(dryRuns.map((r) => r.path).sort()).toEqual([
      "/api/v1/namespaces/ingress-nginx/configmaps",
      "/api/v1/namespaces/ingress-nginx/pods",
      "/api/v1/namespaces/production/configmaps",
      "/api/v1/namespaces/production/pods",
    ]);
    expect(stored(fake)).toEqual([]);
  });

  it("lists each missing rule, with the grant it belongs to, and tries no pod where it may not create one", async () => {
    const { fake, check } = await setup();
    fake.deny({ verb: "create", resource: "pods", namespace: "ingress-nginx" });
    fake.deny({ verb: "get", resource: "pods/log", namespace: "ingress-nginx" });
    fake.deny({
      verb: "update",
      resource: "leases",
      group: "coordination.k8s.io",
      name: "netpol-rollout-lock-production",
    });
    fake.deny({ verb: "watch", resource: "pods" });
    const result = await check("drift");
    expect(result.problems).toEqual([
      'missing { apiGroups: [""], resources: ["pods"], verbs: ["watch"] } cluster-wide (a ClusterRole), for the live inventory the probe plan and the semantics engine read (every namespace, pod, Service and NetworkPolicy), and the watch of probe pods (ClusterRole netpol-rollout-read)',
      'missing { apiGroups: [""], resources: ["pods"], verbs: ["create"] } in namespace ingress-nginx, for probe pods and their run objects (ConfigMaps that own them), the pods\' logs, and run objects an earlier run left (Role netpol-rollout-production-probes)',
      'missing { apiGroups: [""], resources: ["pods/log"], verbs: ["get"] } in namespace ingress-nginx, for probe pods and their run objects (ConfigMaps that own them), the pods\' logs, and run objects an earlier run left (Role netpol-rollout-production-probes)',
      'missing { apiGroups: ["coordination.k8s.io"], resources: ["leases"], verbs: ["update"], resourceNames: ["netpol-rollout-lock-production"] } in namespace netpol-rollout, for the environment\'s history (ConfigMap netpol-rollout-lkg-production: read, the last probe of its last-known-good updated) and its lock (Lease netpol-rollout-lock-production) (Role netpol-rollout-production-drift-state)',
    ]);
    expect(result.notes).toEqual(["no probe pod was tried in ingress-nginx: the identity may not create it"]);
    expect(result.tried).toEqual(["production"]);
    expect(stored(fake)).toEqual([]);
  });

  it("drift is never asked about NetworkPolicy writes or creating the record; deploy is", async () => {
    const { fake, check } = await setup();
    fake.deny({ verb: "patch", resource: "networkpolicies", namespace: "production" });
    fake.deny({ verb: "create", resource: "configmaps", namespace: "netpol-rollout" });
    expect((await check("drift")).problems).toEqual([]);
    const deploy = await check("deploy");
    expect(deploy.problems.map((p) => p.slice(0, p.indexOf(" in namespace")))).toEqual([
      'missing { apiGroups: ["networking.k8s.io"], resources: ["networkpolicies"], verbs: ["patch"] }',
      'missing { apiGroups: [""], resources: ["configmaps"], verbs: ["create"] }',
    ]);
  });

  it("an admission refusal of the dry-run probe pod is a problem, named with the server's reason", async () => {
    const { fake, check } = await setup({
      admit: (resource, object) =>
        resource === "pods" &&
        ((object.spec as Json).containers as Json[])[0]?.image !== "registry.example/agnhost:1"
          ? "ValidatingAdmissionPolicy 'netpol-rollout-probes' denied request: the configured probe image"
          : undefined,
    });
    const refused = await check("deploy");
    expect(refused.problems).toHaveLength(2);
    expect(refused.problems[0]).toBe(
      "refused: a probe pod (image registry.k8s.io/e2e-test-images/agnhost:2.52) in namespace ingress-nginx (server-side dry run, nothing was created): pods \"netpol-probe-preflight-1-pod\" is forbidden: ValidatingAdmissionPolicy 'netpol-rollout-probes' denied request: the configured probe image",
    );
    expect((await check("deploy", "registry.example/agnhost:1")).problems).toEqual([]);
    expect(stored(fake)).toEqual([]);
  });

  it("a probe namespace that does not exist is a note, not a refusal (its checks are planned as cannot-check)", async () => {
    const { check } = await setup({}, ["production", "netpol-rollout"]);
    const result = await check("deploy");
    expect(result.problems).toEqual([]);
    expect(result.notes).toEqual([
      "namespace ingress-nginx does not exist: its probes are planned as cannot-check",
    ]);
  });

  it("an API server that cannot answer a review is a problem, never a pass", async () => {
    const { fake, check } = await setup();
    fake.fail({ method: "POST", path: /selfsubjectaccessreviews$/, status: 503, times: 1000 });
    const result = await check("drift");
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems[0]).toMatch(
      /^cannot ask whether it may get namespaces in every namespace: API server unavailable/,
    );
  });
});
