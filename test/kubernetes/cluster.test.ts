import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createCluster, type KubeCluster } from "../../action/src/adapters/kubernetes/cluster.js";
import { loadKubeConfig, resolveKubeSource } from "../../action/src/adapters/kubernetes/config.js";
import {
  AdmissionError,
  ConflictError,
  ForbiddenError,
  KubeconfigError,
  ThrottledError,
  UnavailableError,
  type PodEvent,
} from "../../action/src/ports/cluster.js";
import { clusterMismatch } from "../../action/src/commands/probe.js";
import { startFakeKube, type FakeKube, type FakeKubeOptions } from "../fakes/kube-server.js";

let fake: FakeKube | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const sleeps: number[] = [];
async function connect(
  options: FakeKubeOptions = {},
  pageSize?: number,
): Promise<{ fake: FakeKube; cluster: KubeCluster; kubeconfig: string }> {
  fake = await startFakeKube(options);
  const dir = mkdtempSync(join(tmpdir(), "kube-"));
  const kubeconfig = join(dir, "config");
  writeFileSync(kubeconfig, fake.kubeconfig());
  sleeps.length = 0;
  const cluster = createCluster(
    { kubeconfig, env: {} },
    {
      timeoutMs: 300,
      ...(pageSize ? { pageSize } : {}),
      retry: {
        attempts: 4,
        baseDelayMs: 1,
        maxDelayMs: 10_000,
        sleep: (ms) => (sleeps.push(ms), Promise.resolve()),
      },
    },
  );
  return { fake, cluster, kubeconfig };
}

const pod = (
  namespace: string,
  name: string,
  labels: Record<string, string> = {},
  extra: Record<string, unknown> = {},
) => ({
  apiVersion: "v1" as const,
  kind: "Pod" as const,
  metadata: { namespace, name, labels, ...extra },
  spec: {
    containers: [
      {
        name: "main",
        image: "registry.k8s.io/e2e-test-images/agnhost:2.53",
        ports: [{ containerPort: 8080 }],
      },
    ],
  },
});

function seedInventory(f: FakeKube) {
  f.seed("namespaces", [
    { metadata: { name: "shop", labels: { team: "a" } } },
    { metadata: { name: "ops" } },
  ]);
  f.seed("pods", [
    { ...pod("shop", "api-1", { app: "api" }), status: { phase: "Running", podIP: "10.0.0.1" } },
    { ...pod("shop", "api-2", { app: "api" }), status: { phase: "Running", podIP: "10.0.0.2" } },
    { ...pod("shop", "web-1", { app: "web" }), status: { phase: "Pending" } },
    { ...pod("ops", "tool", { app: "tool" }), status: { phase: "Running", podIP: "10.0.0.9" } },
  ]);
  f.seed("services", [
    {
      metadata: { namespace: "shop", name: "api" },
      spec: { selector: { app: "api" }, ports: [{ port: 80, targetPort: 8080 }] },
    },
  ]);
  f.seed("networkpolicies", [
    { metadata: { namespace: "shop", name: "deny" }, spec: { podSelector: {}, policyTypes: ["Ingress"] } },
  ]);
}

describe("cluster adapter over client-node", () => {
  it("reads the live inventory of every namespace, page by page", async () => {
    const { fake, cluster } = await connect({}, 2);
    seedInventory(fake);
    const inv = await cluster.inventory();
    expect(inv.namespaces.map((n) => n.metadata.name)).toEqual(["shop", "ops"]);
    expect(inv.pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}:${p.status?.phase}`)).toEqual([
      "shop/api-1:Running",
      "shop/api-2:Running",
      "shop/web-1:Pending",
      "ops/tool:Running",
    ]);
    expect(inv.pods[0]?.status?.podIP).toBe("10.0.0.1");
    expect(inv.pods[0]?.spec?.containers?.[0]?.ports).toEqual([{ containerPort: 8080 }]);
    expect(inv.services[0]?.spec?.ports?.[0]?.targetPort).toBe(8080);
    expect(inv.policies[0]).toMatchObject({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      spec: { policyTypes: ["Ingress"] },
    });
    // Pages of 2: the 4 pods took 2 list requests.
    expect(fake.requests.filter((r) => r.path === "/api/v1/pods").length).toBe(2);
  });

  it("reads NetworkPolicies with the API's field names: an ingress rule's peers stay under `from`", async () => {
    const { fake, cluster } = await connect();
    const rule = {
      from: [
        { namespaceSelector: { matchLabels: { team: "web" } }, podSelector: { matchLabels: { app: "web" } } },
      ],
      ports: [{ protocol: "TCP", port: 8080 }],
    };
    fake.seed("namespaces", [{ metadata: { name: "shop" } }]);
    fake.seed("networkpolicies", [
      {
        metadata: { namespace: "shop", name: "api-ingress" },
        spec: { podSelector: { matchLabels: { app: "api" } }, policyTypes: ["Ingress"], ingress: [rule] },
      },
    ]);
    for (const inv of [await cluster.inventory(), await cluster.inventory(["shop"])]) {
      // Read as `_from` (the client's model name), the rule would admit every peer.
      expect(inv.policies[0]?.spec.ingress).toEqual([rule]);
    }
  });

  it("reads only the namespaces named, and skips one that does not exist", async () => {
    const { fake, cluster } = await connect();
    seedInventory(fake);
    const inv = await cluster.inventory(["ops", "missing"]);
    expect(inv.namespaces.map((n) => n.metadata.name)).toEqual(["ops"]);
    expect(inv.pods.map((p) => p.metadata.name)).toEqual(["tool"]);
    expect(inv.policies).toEqual([]);
  });

  it("creates a pod, sees it run through a watch, and reads its log", async () => {
    const { fake, cluster } = await connect({
      podStartMs: 20,
      dataplane: {
        run: (p) => ({ logUntil: () => `hello from ${String((p.metadata as { name: string }).name)}\n` }),
      },
    });
    fake.seed("namespaces", [{ metadata: { name: "shop" } }]);
    const events: PodEvent[] = [];
    const running = new Promise<void>((resolve) => {
      void cluster
        .watchPods("shop", { labelSelector: "run=1" }, (e) => {
          events.push(e);
          if (e.type !== "RESYNC" && e.pod.status?.phase === "Running") resolve();
        })
        .then((w) => running.finally(() => w.stop()));
    });
    const created = await cluster.createPod(pod("shop", "probe-a", { run: "1" }));
    expect(created.metadata.uid).toBeTruthy();
    await running;
    expect(await cluster.podLogs("shop", "probe-a")).toBe("hello from probe-a\n");
    expect(await cluster.deletePod("shop", "probe-a")).toBe(true);
    expect(await cluster.deletePod("shop", "probe-a")).toBe(false);
    expect(events.some((e) => e.type === "ADDED")).toBe(true);
  });

  it("deletes by uid only the pod of that uid, with the grace period and propagation asked for", async () => {
    const { fake, cluster } = await connect();
    fake.seed("namespaces", [{ metadata: { name: "shop" } }]);
    const created = await cluster.createPod(pod("shop", "probe-a", { run: "1" }));
    expect(await cluster.deletePod("shop", "probe-a", { uid: "another-uid", gracePeriodSeconds: 0 })).toBe(
      false,
    );
    expect(fake.get("pods", "shop", "probe-a")).toBeDefined();
    const uid = created.metadata.uid as string;
    expect(
      await cluster.deletePod("shop", "probe-a", {
        uid,
        gracePeriodSeconds: 0,
        propagationPolicy: "Background",
      }),
    ).toBe(true);
    // The API server reads a DELETE's options from its body alone when it has one.
    expect(fake.requests.filter((r) => r.method === "DELETE").at(-1)?.deleteOptions).toEqual({
      gracePeriodSeconds: 0,
      propagationPolicy: "Background",
      preconditions: { uid },
    });
  });

  it("waits as long as Retry-After says on 429, then succeeds", async () => {
    const { fake, cluster } = await connect();
    seedInventory(fake);
    fake.fail({
      method: "GET",
      path: /\/pods$/,
      status: 429,
      reason: "TooManyRequests",
      headers: { "retry-after": "3" },
      times: 2,
    });
    const pods = await cluster.listPods("shop");
    expect(pods).toHaveLength(3);
    expect(sleeps).toEqual([3000, 3000]);
  });

  it("gives up on persistent throttling with a ThrottledError after the bound", async () => {
    const { fake, cluster } = await connect();
    seedInventory(fake);
    fake.fail({ method: "GET", path: /\/pods$/, status: 429, headers: { "retry-after": "1" }, times: 100 });
    await expect(cluster.listPods("shop")).rejects.toBeInstanceOf(ThrottledError);
    expect(fake.requests.filter((r) => r.path.endsWith("/pods")).length).toBe(4);
  });

  it("retries 5xx and timeouts with backoff, and reports a server that stays down", async () => {
    const { fake, cluster } = await connect();
    seedInventory(fake);
    fake.fail({ method: "GET", path: /\/pods\/api-1$/, status: 500, times: 1 });
    fake.fail({ method: "GET", path: /\/pods\/api-1$/, status: 0, times: 1 }); // hangs: the 300 ms timeout ends it
    expect((await cluster.getPod("shop", "api-1"))?.metadata.name).toBe("api-1");
    expect(sleeps).toEqual([1, 2]);
    fake.fail({ method: "GET", path: /\/pods\/api-2$/, status: 503, times: 10 });
    const err = await cluster.getPod("shop", "api-2").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnavailableError);
    expect((err as Error).message).toMatch(/get pods "api-2" in namespace shop: HTTP 503.*after 4 attempts/);
  });

  it("a create retried after a lost answer returns the object instead of AlreadyExists", async () => {
    const { fake, cluster } = await connect();
    fake.seed("namespaces", [{ metadata: { name: "shop" } }]);
    // The first create is stored, but its answer is a 500 (as when a response is lost).
    const created = await cluster.createConfigMap({
      metadata: { namespace: "shop", name: "first" },
      data: { a: "1" },
    });
    fake.fail({ method: "POST", path: /configmaps$/, status: 500, times: 1 });
    const cm = await cluster.createConfigMap({
      metadata: { namespace: "shop", name: "second" },
      data: { a: "2" },
    });
    expect(cm.data).toEqual({ a: "2" });
    expect(created.metadata.uid).not.toBe(cm.metadata.uid);
    await expect(
      cluster.createConfigMap({ metadata: { namespace: "shop", name: "second" } }),
    ).rejects.toMatchObject({
      name: "ConflictError",
      reason: "AlreadyExists",
    });
  });

  it("names the missing RBAC rule when a verb is forbidden", async () => {
    const { fake, cluster } = await connect();
    fake.seed("namespaces", [{ metadata: { name: "shop" } }]);
    fake.deny({ verb: "create", resource: "pods", namespace: "shop" });
    fake.deny({ verb: "get", resource: "pods/log" });
    const err = await cluster.createPod(pod("shop", "p")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    expect((err as Error).message).toContain(
      '{ apiGroups: [""], resources: ["pods"], verbs: ["create"] } in a Role in namespace shop',
    );
    const logErr = await cluster.podLogs("shop", "p").catch((e: unknown) => e);
    expect((logErr as Error).message).toContain('resources: ["pods/log"], verbs: ["get"]');
  });

  it("tells an admission refusal apart from RBAC", async () => {
    const { fake, cluster } = await connect({
      admit: () => 'violates PodSecurity "restricted:latest": runAsNonRoot != true',
    });
    fake.seed("namespaces", [{ metadata: { name: "shop" } }]);
    const err = await cluster.createPod(pod("shop", "p")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdmissionError);
    expect((err as Error).message).toContain("violates PodSecurity");
  });

  it("stores a record in a ConfigMap with optimistic concurrency", async () => {
    const { fake, cluster } = await connect();
    fake.seed("namespaces", [{ metadata: { name: "ci" } }]);
    expect(await cluster.getConfigMap("ci", "lkg")).toBeUndefined();
    const v1 = await cluster.putConfigMap({ metadata: { namespace: "ci", name: "lkg" }, data: { ref: "a" } });
    const v2 = await cluster.putConfigMap({ ...v1, data: { ref: "b" } });
    expect((await cluster.getConfigMap("ci", "lkg"))?.data).toEqual({ ref: "b" });
    // A writer holding the first version loses.
    await expect(cluster.putConfigMap({ ...v1, data: { ref: "c" } })).rejects.toBeInstanceOf(ConflictError);
    expect(v2.metadata.resourceVersion).not.toBe(v1.metadata.resourceVersion);
    expect(await cluster.deleteConfigMap("ci", "lkg")).toBe(true);
  });

  it("a watch survives a dropped connection and a compacted history", async () => {
    const { fake, cluster } = await connect();
    fake.seed("namespaces", [{ metadata: { name: "shop" } }]);
    const seen: string[] = [];
    let resolveNext: () => void = () => undefined;
    const next = () => new Promise<void>((r) => (resolveNext = r));
    const watch = await cluster.watchPods("shop", {}, (e) => {
      seen.push(e.type === "RESYNC" ? "RESYNC" : `${e.type} ${e.pod.metadata.name}`);
      resolveNext();
    });
    let got = next();
    fake.seed("pods", [pod("shop", "a")]);
    await got;
    fake.dropWatches();
    got = next();
    fake.seed("pods", [pod("shop", "b")]);
    await got;
    fake.dropWatches();
    fake.compact();
    got = next();
    fake.seed("pods", [pod("shop", "c")]);
    await got;
    await watch.stop();
    expect(seen.slice(0, 2)).toEqual(["ADDED a", "ADDED b"]);
    // After the compaction the adapter listed again: the state follows a RESYNC.
    expect(seen.slice(2)).toEqual(expect.arrayContaining(["RESYNC", "ADDED c"]));
  });
});

describe("the cluster's own NetworkPolicies (what the first deploy of an import replaces)", () => {
  const policy = {
    apiVersion: "networking.k8s.io/v1" as const,
    kind: "NetworkPolicy" as const,
    metadata: { namespace: "shop", name: "team-api" },
    spec: {
      podSelector: { matchLabels: { app: "api" } },
      policyTypes: ["Ingress" as const],
      ingress: [
        {
          from: [{ podSelector: { matchLabels: { app: "web" } } }],
          ports: [{ protocol: "TCP" as const, port: 8080 }],
        },
      ],
    },
  };

  it("are removed only as read, and put back with every field (a rule's from included)", async () => {
    const { fake, cluster } = await connect();
    fake.seed("namespaces", [{ metadata: { name: "shop" } }]);
    fake.seed("networkpolicies", [structuredClone(policy)]);
    const read = (await cluster.inventory()).policies.find((p) => p.metadata.name === "team-api")!;
    const resourceVersion = (read.metadata as { resourceVersion?: string }).resourceVersion!;
    // Someone edits it after it was read: the removal refuses.
    fake.seed("networkpolicies", [{ ...structuredClone(policy), spec: { ...policy.spec, ingress: [] } }]);
    await expect(cluster.deleteNetworkPolicy("shop", "team-api", resourceVersion)).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(fake.get("networkpolicies", "shop", "team-api")).toBeDefined();
    const current = (
      fake.get("networkpolicies", "shop", "team-api")!["metadata"] as { resourceVersion: string }
    ).resourceVersion;
    expect(await cluster.deleteNetworkPolicy("shop", "team-api", current)).toBe(true);
    expect(fake.get("networkpolicies", "shop", "team-api")).toBeUndefined();
    await cluster.createNetworkPolicy(policy);
    expect(fake.get("networkpolicies", "shop", "team-api")?.["spec"]).toEqual(policy.spec);
  });
});

describe("the fake API server's garbage collector", () => {
  it("deleting a run object collects the pods it controls", async () => {
    const { fake, cluster } = await connect();
    fake.seed("namespaces", [{ metadata: { name: "shop" } }]);
    const run = await cluster.createConfigMap({ metadata: { namespace: "shop", name: "run" } });
    const owner = {
      apiVersion: "v1",
      kind: "ConfigMap",
      name: "run",
      uid: run.metadata.uid as string,
      controller: true,
    };
    await cluster.createPod(pod("shop", "p1", {}, { ownerReferences: [owner] }));
    await fake.settle();
    expect(fake.get("pods", "shop", "p1")).toBeDefined();
    await cluster.deleteConfigMap("shop", "run");
    await fake.settle();
    expect(fake.list("pods", "shop")).toEqual([]);
  });

  it("treats an owner in another namespace as absent and deletes the dependent", async () => {
    const { fake, cluster } = await connect();
    fake.seed("namespaces", [{ metadata: { name: "shop" } }, { metadata: { name: "ci" } }]);
    const run = await cluster.createConfigMap({ metadata: { namespace: "ci", name: "run" } });
    const owner = {
      apiVersion: "v1",
      kind: "ConfigMap",
      name: "run",
      uid: run.metadata.uid as string,
      controller: true,
    };
    await cluster.createPod(pod("shop", "p1", {}, { ownerReferences: [owner] }));
    await fake.settle();
    expect(fake.get("pods", "shop", "p1")).toBeUndefined();
  });
});

describe("kubeconfig", () => {
  it("selects the context asked for, and names the contexts there are when it is unknown", async () => {
    const { kubeconfig, fake } = await connect();
    const other = loadKubeConfig(resolveKubeSource({ kubeconfig, context: "other" }, {}));
    expect(other.identity).toMatchObject({
      context: "other",
      cluster: "other",
      server: "http://127.0.0.1:9",
      user: "ci",
    });
    const err = (() => {
      try {
        loadKubeConfig(resolveKubeSource({ kubeconfig, context: "prod" }, {}));
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(KubeconfigError);
    expect(err?.message).toContain("its contexts: fake, other");
    expect(err?.message).not.toContain(fake.token);
  });

  it("refuses when the engine and the prober target different clusters", async () => {
    const { kubeconfig } = await connect();
    const a = loadKubeConfig(resolveKubeSource({ kubeconfig, context: "fake" }, {})).identity;
    const b = loadKubeConfig(resolveKubeSource({ kubeconfig, context: "other" }, {})).identity;
    expect(clusterMismatch(a, a)).toBeUndefined();
    expect(clusterMismatch(a, b)).toMatch(
      /targets http:\/\/127\.0\.0\.1:\d+ \(context "fake"\) but the prober targets http:\/\/127\.0\.0\.1:9/,
    );
  });

  it("never quotes a kubeconfig that is not valid YAML (it may hold a token)", () => {
    const dir = mkdtempSync(join(tmpdir(), "kube-"));
    const path = join(dir, "config");
    writeFileSync(path, "users:\n- name: ci\n  user:\n    token: s3cr3t-t0ken\n   bad: [\n");
    const err = (() => {
      try {
        loadKubeConfig(resolveKubeSource({ kubeconfig: path }, {}));
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err).toBeInstanceOf(KubeconfigError);
    expect(err?.message).toMatch(/is not a valid kubeconfig \(YAML error at line \d+\)/);
    expect(err?.message).not.toContain("s3cr3t");
  });

  it("uses the pod's service account when there is no kubeconfig inside a cluster", () => {
    const home = mkdtempSync(join(tmpdir(), "home-"));
    expect(
      resolveKubeSource({}, { KUBERNETES_SERVICE_HOST: "10.96.0.1", KUBERNETES_SERVICE_PORT: "443" }, home),
    ).toEqual({
      kind: "in-cluster",
    });
    expect(() => resolveKubeSource({}, {}, home)).toThrow(/no kubeconfig/);
    expect(resolveKubeSource({}, { KUBECONFIG: "/a:/b" }, home)).toEqual({
      kind: "file",
      paths: ["/a", "/b"],
    });
  });

  it("keeps the token out of every error message", async () => {
    const { fake, cluster } = await connect();
    fake.fail({ status: 500, times: 100 });
    const errors: unknown[] = await Promise.all([
      cluster.listPods(undefined).catch((e: unknown) => e as Error),
      cluster.getConfigMap("x", "y").catch((e: unknown) => e as Error),
    ]);
    for (const e of errors) {
      expect(e).toBeInstanceOf(UnavailableError);
      const err = e as Error;
      expect(`${err.message} ${err.stack ?? ""} ${JSON.stringify(err)}`).not.toContain(fake.token);
    }
  });
});
