/**
 * The deploy history in a ConfigMap, through the real client-node calls against the HTTP
 * fake of the Kubernetes API.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createCluster } from "../../action/src/adapters/kubernetes/cluster.js";
import { clusterState, createHistoryStore } from "../../action/src/adapters/rollout-store.js";
import { compileEnvironment } from "../../action/src/compile/index.js";
import { appendEntry, lastKnownGood, type NewEntry } from "../../action/src/rollout/last-known-good.js";
import { buildEnvironment } from "../helpers/intent-builder.js";
import { startFakeKube, type FakeKube } from "../fakes/kube-server.js";

let fake: FakeKube | undefined;
let dir: string | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function setup() {
  fake = await startFakeKube();
  fake.seed("namespaces", [{ metadata: { name: "netpol-rollout" } }, { metadata: { name: "shop" } }]);
  dir = mkdtempSync(join(tmpdir(), "kube-"));
  writeFileSync(join(dir, "config"), fake.kubeconfig());
  const cluster = createCluster(
    { kubeconfig: join(dir, "config"), env: {} },
    { timeoutMs: 2000, retry: { baseDelayMs: 5, maxDelayMs: 50 } },
  );
  return { fake, cluster };
}

const bundle = compileEnvironment(
  buildEnvironment({ name: "production", namespaces: { shop: { services: { api: { ports: [8080] } } } } }),
);
const entry: NewEntry = {
  environment: "production",
  action: "deploy",
  proven: true,
  revision: "1234567abcdef",
  digest: "sha256:0123456789abcdef",
  recordedAt: "2026-11-30T08:00:00Z",
  run: { id: "1" },
  probe: { passed: 2, failed: 0, inconclusive: 0 },
  bundle,
  passedChecks: ["dns|shop||dns:kubernetes.default.svc.cluster.local|53/UDP"],
  failedChecks: [],
};

describe("the history store on the Kubernetes API", () => {
  it("is empty before the first record, then reads back what was written", async () => {
    const { fake, cluster } = await setup();
    const store = createHistoryStore(cluster, "netpol-rollout");
    const empty = await store.read("production");
    expect(empty.entries).toEqual([]);
    await store.write(appendEntry(empty, entry));
    expect(fake.get("configmaps", "netpol-rollout", "netpol-rollout-lkg-production")).toBeDefined();
    const again = createHistoryStore(cluster, "netpol-rollout");
    const back = await again.read("production");
    expect(lastKnownGood(back)?.bundle).toEqual(bundle);
    await again.write(appendEntry(back, { ...entry, revision: "7654321" }));
    expect((await again.read("production")).entries.map((e) => e.revision)).toEqual([
      "7654321",
      "1234567abcdef",
    ]);
  });

  it("refuses to overwrite a history someone else wrote since it was read", async () => {
    const { cluster } = await setup();
    const a = createHistoryStore(cluster, "netpol-rollout");
    const b = createHistoryStore(cluster, "netpol-rollout");
    await a.write(appendEntry(await a.read("production"), entry));
    const seenByA = await a.read("production");
    const seenByB = await b.read("production");
    await b.write(appendEntry(seenByB, { ...entry, revision: "bbbbbbb" }));
    await expect(a.write(appendEntry(seenByA, { ...entry, revision: "aaaaaaa" }))).rejects.toThrow(
      /conflict/,
    );
  });

  it("a forbidden read names the RBAC rule the identity needs", async () => {
    const { fake, cluster } = await setup();
    fake.deny({ verb: "get", resource: "configmaps", namespace: "netpol-rollout" });
    await expect(createHistoryStore(cluster, "netpol-rollout").read("production")).rejects.toThrow(
      /resources: \["configmaps"\], verbs: \["get"\]/,
    );
  });

  it("the live inventory becomes the rollout's cluster state", async () => {
    const { fake, cluster } = await setup();
    fake.seed("networkpolicies", [{ metadata: { namespace: "shop", name: "x" }, spec: { podSelector: {} } }]);
    const state = clusterState(await cluster.inventory());
    expect(state.namespaces.map((n) => n.metadata.name).sort()).toEqual(["netpol-rollout", "shop"]);
    expect(state.policies.map((p) => `${p.kind} ${p.metadata.namespace}/${p.metadata.name}`)).toEqual([
      "NetworkPolicy shop/x",
    ]);
  });
});
