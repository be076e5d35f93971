import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createCluster, type KubeCluster } from "../../action/src/adapters/kubernetes/cluster.js";
import { LiveProber, type LiveProberOptions } from "../../action/src/adapters/kubernetes/prober.js";
import { liveProbeRun, readClusterState } from "../../action/src/adapters/kubernetes/probe-phase.js";
import { PROBE_RUN_LABEL } from "../../action/src/probe/pod-script.js";
import { PROBE_LABEL } from "../../action/src/probe/pod.js";
import type { ObservedOutcome, ProbePlan } from "../../action/src/probe/types.js";
import {
  startFakeKube,
  type FakeKube,
  type FakeKubeOptions,
  type Json,
  type PodProcess,
} from "../fakes/kube-server.js";
import { probeDataplane, type ProbeDataplaneOptions } from "../fakes/probe-dataplane.js";
import { fixturePlan, type FixtureCheck } from "../helpers/probe-fixture.js";
import { restrictedViolations } from "../helpers/pod-security.js";

let fake: FakeKube | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const WEB = { namespace: "shop", labels: { app: "web" } };
const API = { namespace: "shop", labels: { app: "api" } };
const TOOL = { namespace: "ops", labels: { app: "tool" } };
const api = { namespace: "shop", pod: "api-1", address: "10.1.0.1" };
const web = { namespace: "shop", pod: "web-1", address: "10.1.0.2" };
const dns = { dns: "kubernetes.default.svc.cluster.local", server: "10.96.0.10" };

/** shop is default-denied with web -> api:8080,8081 and DNS allowed; ops has no policy. */
function seedWorld(f: FakeKube) {
  f.seed("namespaces", [
    { metadata: { name: "shop" } },
    { metadata: { name: "ops" } },
    { metadata: { name: "kube-system" } },
  ]);
  const pod = (namespace: string, name: string, labels: Json, ip: string, ports: Json[]) => ({
    metadata: { namespace, name, labels },
    spec: { containers: [{ name: "main", image: "app", ports }] },
    status: { phase: "Running", podIP: ip, podIPs: [{ ip }] },
  });
  f.seed("pods", [
    pod("shop", "api-1", { app: "api" }, "10.1.0.1", [{ containerPort: 8080 }]),
    pod("shop", "web-1", { app: "web" }, "10.1.0.2", [{ containerPort: 80 }]),
    pod("ops", "tool", { app: "tool" }, "10.1.0.3", []),
    pod("kube-system", "coredns", { "k8s-app": "kube-dns" }, "10.1.0.53", [
      { containerPort: 53, protocol: "UDP" },
      { containerPort: 53, protocol: "TCP" },
    ]),
  ]);
  f.seed("services", [
    {
      metadata: { namespace: "kube-system", name: "kube-dns" },
      spec: {
        clusterIP: "10.96.0.10",
        selector: { "k8s-app": "kube-dns" },
        ports: [
          { port: 53, protocol: "UDP", targetPort: 53 },
          { port: 53, protocol: "TCP", targetPort: 53 },
        ],
      },
    },
  ]);
  f.seed("networkpolicies", [
    {
      metadata: { namespace: "shop", name: "default-deny" },
      spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
    },
    {
      metadata: { namespace: "shop", name: "allow-dns" },
      spec: {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
          {
            to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } } }],
            ports: [
              { protocol: "UDP", port: 53 },
              { protocol: "TCP", port: 53 },
            ],
          },
        ],
      },
    },
    {
      metadata: { namespace: "shop", name: "web-to-api" },
      spec: {
        podSelector: { matchLabels: { app: "web" } },
        policyTypes: ["Egress"],
        egress: [
          { to: [{ podSelector: { matchLabels: { app: "api" } } }], ports: [{ port: 8080 }, { port: 8081 }] },
        ],
      },
    },
    {
      metadata: { namespace: "shop", name: "api-from-web" },
      spec: {
        podSelector: { matchLabels: { app: "api" } },
        policyTypes: ["Ingress"],
        ingress: [
          {
            from: [{ podSelector: { matchLabels: { app: "web" } } }],
            ports: [{ port: 8080 }, { port: 8081 }],
          },
        ],
      },
    },
  ]);
}

const CHECKS: FixtureCheck[] = [
  { from: WEB, to: api, port: 8080, expect: "allowed" },
  { from: WEB, to: api, port: 8081, expect: "allowed" }, // allowed, nothing listens: refused
  { from: API, to: web, port: 80, expect: "blocked" },
  { from: TOOL, to: api, port: 8080, expect: "blocked" },
  { from: WEB, to: dns, port: 53, protocol: "UDP", expect: "allowed" },
  { from: WEB, to: dns, port: 53, protocol: "TCP", expect: "allowed" },
  { from: TOOL, to: dns, port: 53, protocol: "UDP", expect: "allowed" },
  { from: WEB, to: { namespace: "shop", pod: "gone" }, port: 80, expect: "cannot-check" },
];

async function setup(
  options: {
    kube?: FakeKubeOptions;
    dataplane?: ProbeDataplaneOptions;
    prober?: LiveProberOptions;
    checks?: FixtureCheck[];
  } = {},
): Promise<{ fake: FakeKube; cluster: KubeCluster; prober: LiveProber; plan: ProbePlan }> {
  fake = await startFakeKube({
    podStartMs: 50,
    dataplane: probeDataplane(options.dataplane),
    ...options.kube,
  });
  seedWorld(fake);
  const dir = mkdtempSync(join(tmpdir(), "kube-"));
  writeFileSync(join(dir, "config"), fake.kubeconfig());
  const cluster = createCluster(
    { kubeconfig: join(dir, "config"), env: {} },
    { timeoutMs: 2000, retry: { baseDelayMs: 5, maxDelayMs: 50 } },
  );
  const prober = new LiveProber(cluster, {
    timeoutSeconds: 1,
    pollMs: 100,
    graceMs: 300,
    startTimeoutMs: 1500,
    ...options.prober,
  });
  return { fake, cluster, prober, plan: fixturePlan(options.checks ?? CHECKS, 1) };
}

/** The outcomes in plan order, one word each. */
const summary = (outcomes: Map<string, ObservedOutcome>, plan?: ProbePlan) =>
  (plan
    ? plan.checks.filter((c) => outcomes.has(c.id)).map((c) => outcomes.get(c.id) as ObservedOutcome)
    : [...outcomes.values()]
  ).map((o) =>
    o.outcome === "allowed"
      ? `allowed:${o.detail}`
      : o.outcome === "blocked"
        ? "blocked"
        : o.outcome === "cannot-check"
          ? `cannot-check:${o.evidence}`
          : o.outcome,
  );

async function leftovers(f: FakeKube): Promise<string[]> {
  await f.settle();
  return [...f.list("pods"), ...f.list("configmaps")]
    .filter((o) => ((o.metadata as Json).labels as Json | undefined)?.[PROBE_RUN_LABEL] !== undefined)
    .map((o) => `${String((o.metadata as Json).namespace)}/${String((o.metadata as Json).name)}`);
}

describe("the live prober on the fake API server", () => {
  it("observes every outcome the policies give, and leaves nothing behind", async () => {
    const { fake, prober, plan } = await setup();
    const { outcomes } = await prober.probe({ plan, round: 1 });
    expect(summary(outcomes, plan)).toEqual([
      "allowed:connected",
      "refused",
      "blocked",
      "blocked",
      "allowed:connected",
      "allowed:connected",
      "allowed:connected",
      "cannot-check:planned",
    ]);
    await prober.close();
    expect(await leftovers(fake)).toEqual([]);
  });

  it("runs one pod per source identity, owned by a run object in its own namespace, restricted and never Ready", async () => {
    const { fake, prober, plan } = await setup();
    await prober.probe({ plan, round: 1 });
    const pods = fake
      .list("pods")
      .filter((p) => ((p.metadata as Json).labels as Json)[PROBE_RUN_LABEL] === prober.runId);
    expect(pods).toHaveLength(3); // web and api in shop, tool in ops
    for (const p of pods) {
      const meta = p.metadata as Json;
      const refs = meta.ownerReferences as Json[];
      expect(refs).toHaveLength(1);
      expect(refs[0]).toMatchObject({ kind: "ConfigMap", controller: true });
      expect(refs[0]?.blockOwnerDeletion).toBeUndefined();
      const owner = fake
        .list("configmaps", meta.namespace as string)
        .find((c) => (c.metadata as Json).uid === refs[0]?.uid);
      expect(owner, "the owner lives in the pod's namespace").toBeDefined();
      expect(restrictedViolations(p)).toEqual([]);
      const status = p.status as Json;
      expect(status.phase).toBe("Running");
      expect((status.conditions as Json[]).find((c) => c.type === "Ready")?.status).toBe("False");
    }
    // The probe pods carry the callers' labels exactly (plus the run's own keys).
    const labels = pods.map((p) => {
      const l = { ...((p.metadata as Json).labels as Record<string, string>) };
      delete l[PROBE_RUN_LABEL];
      delete l[PROBE_LABEL];
      return l;
    });
    expect(labels).toEqual(expect.arrayContaining([{ app: "web" }, { app: "api" }, { app: "tool" }]));
    await prober.close();
  });

  it("a re-probe round reads a later iteration of the same pods, creating nothing new", async () => {
    const { fake, prober, plan } = await setup();
    const first = await prober.probe({ plan, round: 1 });
    const creates = fake.requests.filter((r) => r.method === "POST").length;
    const id = plan.checks[0]?.id as string;
    const second = await prober.probe({ plan, round: 2, checkIds: [id] });
    expect([...second.outcomes.keys()]).toEqual([id]);
    expect(second.outcomes.get(id)).toEqual(first.outcomes.get(id));
    expect(fake.requests.filter((r) => r.method === "POST").length).toBe(creates);
    await prober.close();
  });

  it("sees policies converge: a check that timed out connects on a later iteration", async () => {
    const { prober, plan } = await setup({
      dataplane: { settleAfterMs: 1000 },
      checks: [CHECKS[0] as FixtureCheck],
    });
    const first = await prober.probe({ plan, round: 1 });
    expect(summary(first.outcomes, plan)).toEqual(["blocked"]);
    const second = await prober.probe({ plan, round: 2 });
    expect(summary(second.outcomes, plan)).toEqual(["allowed:connected"]);
    await prober.close();
  });

  it("reports a dataplane that ignores one rule as the observation, not the expectation", async () => {
    const { prober, plan } = await setup({
      dataplane: {
        deviateOn: { namespace: "shop", policy: "api-from-web", direction: "ingress", ruleIndex: 0 },
      },
    });
    const { outcomes } = await prober.probe({ plan, round: 1 });
    expect(summary(outcomes, plan).slice(0, 2)).toEqual(["blocked", "blocked"]);
    expect(summary(outcomes, plan).slice(4, 7)).toEqual([
      "allowed:connected",
      "allowed:connected",
      "allowed:connected",
    ]);
    await prober.close();
  });
});

describe("the rollout's probe phase over the cluster", () => {
  it("runs a plan to its result and leaves nothing behind", async () => {
    const { fake, cluster, plan } = await setup();
    const state = await readClusterState(cluster);
    expect(state.pods.map((p) => p.metadata.name)).toEqual(["api-1", "web-1", "tool", "coredns"]);
    const result = await liveProbeRun(cluster, { timeoutSeconds: 1, pollMs: 100, graceMs: 300 })(plan);
    // No settle window (the fixture's): the first round is evidence, and everything agrees.
    expect(result.rounds).toBe(1);
    expect(result.counts).toEqual({ passed: 7, failed: 0, inconclusive: 0, notChecked: 1 });
    expect(await leftovers(fake)).toEqual([]);
  });
});

describe("faults end in their defined outcomes, and nothing is left behind", () => {
  const sourceIs = (labels: Json) => (pod: Json) =>
    ((pod.metadata as Json).labels as Json).app === labels.app;

  it.each([
    ["an unschedulable pod", { unschedulable: true }, "cannot-check:unschedulable"],
    ["an image that cannot be pulled", { imagePullError: true }, "cannot-check:image-pull-error"],
    ["a pod that prints nothing", { silent: true }, "cannot-check:no-result-line"],
  ])("%s: its checks are cannot-check with the evidence", async (_name, fault, expected) => {
    const { fake, prober, plan } = await setup({
      kube: { podFault: (p) => (sourceIs({ app: "web" })(p) ? fault : undefined) },
    });
    const { outcomes } = await prober.probe({ plan, round: 1 });
    const s = summary(outcomes, plan);
    // web's checks (0, 1, 4, 5) carry the evidence; the other pods are unaffected.
    expect([s[0], s[1], s[4], s[5]]).toEqual([expected, expected, expected, expected]);
    expect([s[2], s[3], s[6]]).toEqual(["blocked", "blocked", "allowed:connected"]);
    const message = outcomes.get(plan.checks[0]?.id as string);
    expect(message?.outcome === "cannot-check" && message.message).toMatch(/probe pod shop\/probe-0-/);
    await prober.close();
    expect(await leftovers(fake)).toEqual([]);
  });

  it("a slow start within the start timeout only delays the results", async () => {
    const { fake, prober, plan } = await setup({
      kube: { podFault: (p) => (sourceIs({ app: "web" })(p) ? { slowStartMs: 600 } : undefined) },
    });
    const { outcomes } = await prober.probe({ plan, round: 1 });
    expect(summary(outcomes, plan)[0]).toBe("allowed:connected");
    await prober.close();
    expect(await leftovers(fake)).toEqual([]);
  });

  it("a pod the watch saw running before the create's answer arrived is not taken back to Pending", async () => {
    const { fake, prober, plan } = await setup({
      kube: {
        podStartMs: 0,
        lateAnswer: (method, path) => (method === "POST" && path.endsWith("/pods") ? 200 : undefined),
      },
    });
    const { outcomes } = await prober.probe({ plan, round: 1 });
    expect(summary(outcomes, plan)[0]).toBe("allowed:connected");
    await prober.close();
    expect(await leftovers(fake)).toEqual([]);
  });

  it("throttling, server errors and a dropped watch are ridden out", async () => {
    const { fake, prober, plan } = await setup();
    fake.fail({ method: "POST", path: /\/pods$/, status: 429, headers: { "retry-after": "0" }, times: 2 });
    fake.fail({ method: "GET", path: /\/log$/, status: 500, times: 2 });
    setTimeout(() => fake.dropWatches(), 20);
    const { outcomes } = await prober.probe({ plan, round: 1 });
    expect(summary(outcomes, plan).slice(0, 4)).toEqual([
      "allowed:connected",
      "refused",
      "blocked",
      "blocked",
    ]);
    await prober.close();
    expect(await leftovers(fake)).toEqual([]);
  });

  it("a cancelled run stops and deletes its pods and run objects", async () => {
    const { fake, prober, plan } = await setup({ kube: { podStartMs: 5000 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    await expect(prober.probe({ plan, round: 1, signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(await leftovers(fake)).toEqual([]);
  });

  it("a missing RBAC rule ends the run with the rule named, and still cleans up", async () => {
    const { fake, prober, plan } = await setup();
    fake.deny({ verb: "create", resource: "pods", namespace: "ops" });
    await expect(prober.probe({ plan, round: 1 })).rejects.toThrow(
      /resources: \["pods"\], verbs: \["create"\] } in a Role in namespace ops/,
    );
    expect(await leftovers(fake)).toEqual([]);
  });

  /** A run object of an earlier run and the probe pod it owns, as this tool makes them. */
  const earlierRun = (namespace: string, id: string, created?: string) => {
    const uid = `run-${namespace}-${id}`;
    const at = created ? { creationTimestamp: created } : {};
    return {
      runObject: {
        metadata: {
          namespace,
          name: `netpol-rollout-probe-run-${id}`,
          uid,
          labels: { [PROBE_LABEL]: "run", [PROBE_RUN_LABEL]: id },
          ...at,
        },
      },
      pod: {
        metadata: {
          namespace,
          name: `probe-${id}`,
          labels: { app: "web", [PROBE_LABEL]: "pod", [PROBE_RUN_LABEL]: id },
          ownerReferences: [
            { apiVersion: "v1", kind: "ConfigMap", name: `run-${id}`, uid, controller: true },
          ],
          ...at,
        },
        spec: {},
      },
    };
  };

  it("collects run objects of earlier runs and the probe pods they own, by age, and keeps young ones", async () => {
    const { fake, prober, plan } = await setup();
    const old = new Date(Date.now() - 3600_000).toISOString();
    const stale = earlierRun("shop", "old", old);
    const young = earlierRun("ops", "young");
    fake.seed("configmaps", [stale.runObject, young.runObject]);
    fake.seed("pods", [stale.pod, young.pod]);
    const { warnings } = await prober.probe({ plan, round: 1 });
    await prober.close();
    expect((await leftovers(fake)).sort()).toEqual(["ops/netpol-rollout-probe-run-young", "ops/probe-young"]);
    expect(warnings.join("\n")).not.toMatch(/left alone|not collected/);
  });

  it("a labelled look-alike, here or in a namespace the run does not act in, is reported and left alone; collection never fails the run", async () => {
    const { fake, prober, plan } = await setup();
    const old = new Date(Date.now() - 3600_000).toISOString();
    fake.seed("namespaces", [{ metadata: { name: "elsewhere" } }]);
    const labelled = (namespace: string, name: string) => ({
      metadata: { namespace, name, labels: { [PROBE_RUN_LABEL]: "x" }, creationTimestamp: old },
      spec: {},
    });
    fake.seed("pods", [labelled("elsewhere", "tenant-app"), labelled("shop", "tenant-app")]);
    fake.seed("configmaps", [labelled("shop", "tenant-config")]);
    // The run may not delete anything in elsewhere, nor list ConfigMaps in ops.
    fake.deny({ verb: "delete", resource: "pods", namespace: "elsewhere" });
    fake.deny({ verb: "list", resource: "configmaps", namespace: "ops" });
    const { outcomes, warnings } = await prober.probe({ plan, round: 1 });
    expect(summary(outcomes, plan).slice(0, 4)).toEqual([
      "allowed:connected",
      "refused",
      "blocked",
      "blocked",
    ]);
    const text = warnings.join("\n");
    expect(text).toContain("left alone, not made by netpol-rollout");
    expect(text).toContain("ConfigMap shop/tenant-config, pod shop/tenant-app");
    expect(text).not.toContain("elsewhere");
    expect(text).toMatch(/namespace ops were not collected/);
    await prober.close();
    expect((await leftovers(fake)).sort()).toEqual([
      "elsewhere/tenant-app",
      "shop/tenant-app",
      "shop/tenant-config",
    ]);
  });
});

describe("a probe pod's log counts only while it is the pod this run created", () => {
  /** The genuine script's log with every timeout turned into a connection: a forged "allowed". */
  const forging = (genuine: PodProcess): PodProcess => ({
    logUntil: (ms) => genuine.logUntil(ms).replaceAll('"result":"timeout"', '"result":"connected"'),
  });
  const podOf = (f: FakeKube, app: string) =>
    f.list("pods", "shop").find((p) => {
      const labels = (p.metadata as Json).labels as Json;
      return labels.app === app && labels[PROBE_RUN_LABEL] !== undefined;
    }) as Json;
  const nameOf = (p: Json) => String((p.metadata as Json).name);
  const logOf = (p: Json) => `/api/v1/namespaces/shop/pods/${nameOf(p)}/log`;
  /** The api source's one check: api -> web:80, expected and observed blocked. */
  const apiCheck = (plan: ProbePlan) => plan.checks[2] as ProbePlan["checks"][number];

  /** A tenant's pod of the same name, labels and spec, printing what `process` writes. */
  function impostor(f: FakeKube, genuine: Json, process: PodProcess): Json {
    const m = genuine.metadata as Json;
    f.remove("pods", "shop", nameOf(genuine));
    return f.runPod(
      { metadata: { name: m.name, namespace: m.namespace, labels: m.labels }, spec: genuine.spec },
      process,
    );
  }

  it("a same-named pod printing forged lines decides nothing: its checks are cannot-check", async () => {
    const server: { fake?: FakeKube } = {};
    let replaced: Json | undefined;
    const dataplane = probeDataplane();
    const { fake, prober, plan } = await setup({
      kube: {
        onRequest: (method, path) => {
          const f = server.fake;
          const api = f && podOf(f, "api");
          if (!f || replaced || method !== "GET" || !api || path !== logOf(api)) return;
          // Between the run's reads: delete the probe pod, start a look-alike that says "connected".
          replaced = impostor(f, api, forging(dataplane.run(api, f)));
        },
      },
    });
    server.fake = fake;
    const { outcomes, warnings } = await prober.probe({ plan, round: 1 });
    expect(replaced).toBeDefined();
    const o = outcomes.get(apiCheck(plan).id);
    expect(o).toMatchObject({ outcome: "cannot-check" });
    expect(o?.outcome === "cannot-check" && o.evidence).toMatch(/^pod-(replaced|deleted)$/);
    expect(warnings.join("\n")).toMatch(/cannot-check from now on/);
    // The other pods' checks are unaffected.
    expect(summary(outcomes, plan).slice(0, 2)).toEqual(["allowed:connected", "refused"]);
    // A later round reads nothing from the look-alike either.
    const again = await prober.probe({ plan, round: 2, checkIds: [apiCheck(plan).id] });
    expect(again.outcomes.get(apiCheck(plan).id)).toMatchObject({ outcome: "cannot-check" });
    await prober.close();
  });

  it("a replacement between rounds leaves the earlier round's verdict and makes later ones cannot-check", async () => {
    const dataplane = probeDataplane();
    const { fake, prober, plan } = await setup();
    const first = await prober.probe({ plan, round: 1 });
    expect(summary(first.outcomes, plan)[2]).toBe("blocked");
    const api = podOf(fake, "api");
    const uid = String((api.metadata as Json).uid);
    const forged = impostor(fake, api, forging(dataplane.run(api, fake)));
    expect((forged.metadata as Json).uid).not.toBe(uid);
    const second = await prober.probe({ plan, round: 2, checkIds: [apiCheck(plan).id] });
    const o = second.outcomes.get(apiCheck(plan).id);
    expect(o?.outcome === "cannot-check" && o.evidence).toMatch(/^pod-(replaced|deleted)$/);
    expect(o?.outcome === "cannot-check" && o.message).toContain(nameOf(api));
    await prober.close();
    // The name is the look-alike's now: the run does not delete its pod.
    expect((fake.get("pods", "shop", nameOf(api))?.metadata as Json | undefined)?.uid).toBe(
      (forged.metadata as Json).uid,
    );
  });

  it("a replacement the watch did not report is caught by the reads around the log", async () => {
    const dataplane = probeDataplane();
    const { fake, prober, plan } = await setup();
    await prober.probe({ plan, round: 1 });
    fake.dropWatches();
    fake.compact();
    const api = podOf(fake, "api");
    impostor(fake, api, forging(dataplane.run(api, fake)));
    const second = await prober.probe({ plan, round: 2, checkIds: [apiCheck(plan).id] });
    const o = second.outcomes.get(apiCheck(plan).id);
    expect(o).toMatchObject({ outcome: "cannot-check" });
    await prober.close();
  });

  it("a probe pod deleted while the run reads it: its checks are cannot-check (pod-deleted)", async () => {
    const server: { fake?: FakeKube } = {};
    const { fake, prober, plan } = await setup({
      kube: {
        onRequest: (method, path) => {
          const f = server.fake;
          const api = f && podOf(f, "api");
          if (f && api && method === "GET" && path === logOf(api)) f.remove("pods", "shop", nameOf(api));
        },
      },
    });
    server.fake = fake;
    const { outcomes } = await prober.probe({ plan, round: 1 });
    expect(outcomes.get(apiCheck(plan).id)).toMatchObject({
      outcome: "cannot-check",
      evidence: "pod-deleted",
    });
    await prober.close();
  });

  it("a probe container that restarted: its checks are cannot-check (pod-restarted)", async () => {
    const server: { fake?: FakeKube } = {};
    let restarted = false;
    const { fake, prober, plan } = await setup({
      kube: {
        onRequest: (method, path) => {
          const f = server.fake;
          const api = f && podOf(f, "api");
          if (!f || restarted || !api || method !== "GET" || path !== logOf(api)) return;
          restarted = true;
          f.restartContainers("shop", nameOf(api));
        },
      },
    });
    server.fake = fake;
    const { outcomes } = await prober.probe({ plan, round: 1 });
    expect(restarted).toBe(true);
    expect(outcomes.get(apiCheck(plan).id)).toMatchObject({
      outcome: "cannot-check",
      evidence: "pod-restarted",
    });
    await prober.close();
  });
});
