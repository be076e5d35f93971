/**
 * End to end on a real single-node cluster (kubelet, containerd, runc, kube-proxy,
 * kube-router as the NetworkPolicy dataplane, CoreDNS), isolated in network namespaces of
 * its own: it comes up Ready with DNS answering, routes nothing off the machine, enforces
 * Pod Security "restricted", judges real traffic as `analyze` does (the shipped production
 * example and random policy sets), and stops leaving nothing behind.
 *
 * `npm run test:e2e`; skipped (with one line saying why) when the tools are not built,
 * the Debian packages are missing or the run is not root. The cluster is the tier's one
 * cluster (cluster.setup.ts, which also proves it stops leaving nothing behind); this file's
 * namespaces are deleted when it ends.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import fc from "fast-check";
import type { KubernetesObject, V1Pod } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileEnvironment } from "../../action/src/compile/index.js";
import { generateWorkloads } from "../../action/src/compile/workloads.js";
import { PROBE_BINARIES } from "../../action/src/probe/pod-script.js";
import type { EnvironmentIntent } from "../../action/src/intent/model.js";
import { loadIntentFromDir } from "../../action/src/adapters/files/intent.js";
import type {
  LabelSelector,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
} from "../../action/src/k8s/types.js";
import { deleteNamespaces, repoRoot, type Cluster } from "./cluster-harness.js";
import { sharedCluster } from "./shared-cluster.js";
import { compareUntilSettled, execIn, formatCell, podKey, type Target } from "./traffic.js";

const shared = sharedCluster();
const availability = shared.ok ? { ok: true as const } : shared;
if (!shared.ok) console.log(`e2e real-cluster tier skipped: ${shared.reason}`);
/** Every namespace this file creates; deleted when it ends. */
const NAMESPACES = ["production", "ingress-nginx", "elsewhere", "psa-check"];

/** Figures for the notes: printed at the end of the file. */
const figures: string[] = [];
const AGNHOST = "registry.k8s.io/e2e-test-images/agnhost:2.59";
const RESTRICTED = {
  pod: {
    runAsNonRoot: true,
    runAsUser: 65534,
    runAsGroup: 65534,
    seccompProfile: { type: "RuntimeDefault" },
  },
  container: {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ["ALL"] },
  },
};

let cluster: Cluster;
let production: EnvironmentIntent;

beforeAll(async () => {
  if (!shared.ok) return;
  cluster = shared.cluster;
  const loaded = await loadIntentFromDir("policies", repoRoot);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join("; "));
  production = loaded.intent.environments.find((e) => e.name === "production")!;
}, 300_000);

afterAll(async () => {
  if (!shared.ok) return;
  try {
    const t = performance.now();
    await deleteNamespaces(cluster, NAMESPACES);
    figures.push(`namespaces deleted ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    if (figures.length) console.log(`e2e real cluster: ${figures.join("; ")}`);
  }
}, 180_000);

function ip(args: string[]): string {
  // stderr kept quiet: `ip -d link` warns about every pod veth whose peer namespace it cannot name.
  return execFileSync("ip", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

async function create(obj: KubernetesObject): Promise<void> {
  await cluster.objects.create(obj);
}

/** Waits until every pod of `namespaces` runs with all containers ready; returns them. */
async function runningPods(namespaces: string[], count: number, timeoutMs = 120_000): Promise<V1Pod[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pods = (
      await Promise.all(namespaces.map((namespace) => cluster.core.listNamespacedPod({ namespace })))
    )
      .flatMap((l) => l.items)
      .filter((p) => !p.metadata?.deletionTimestamp);
    const ready = pods.filter(
      (p) => p.status?.phase === "Running" && (p.status.containerStatuses ?? []).every((c) => c.ready),
    );
    if (ready.length === count && pods.length === count) return ready;
    if (Date.now() > deadline) {
      throw new Error(
        `pods not running after ${timeoutMs} ms: ${pods.map((p) => `${podKey(p)} ${p.status?.phase} ${JSON.stringify(p.status?.containerStatuses?.map((c) => c.state))}`).join("; ")}`,
      );
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

function clientPod(namespace: string, name: string, labels: Record<string, string>): KubernetesObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace, labels },
    spec: {
      automountServiceAccountToken: false,
      terminationGracePeriodSeconds: 0,
      securityContext: RESTRICTED.pod,
      containers: [
        {
          name: "client",
          image: AGNHOST,
          imagePullPolicy: "Never",
          args: ["pause"],
          securityContext: RESTRICTED.container,
        },
      ],
    },
  } as KubernetesObject;
}

describe.skipIf(!availability.ok)("a real single-node cluster", () => {
  it("runs a Ready node with every component, and its DNS answers for a pod", async () => {
    const nodes = await cluster.core.listNode();
    expect(nodes.items.map((n) => n.metadata?.name)).toEqual([cluster.env["NODE_NAME"]]);
    const ready = nodes.items[0]!.status?.conditions?.find((c) => c.type === "Ready");
    expect(ready?.status).toBe("True");
    expect(nodes.items[0]!.status?.nodeInfo?.containerRuntimeVersion).toMatch(/^containerd:\/\/1\./);
    const status = execFileSync(
      "bash",
      [join(repoRoot, "test/e2e/tools/cluster.sh"), "status", cluster.dir],
      {
        encoding: "utf8",
      },
    );
    expect(status).toBe("");
    const dns = await cluster.core.listNamespacedPod({
      namespace: "kube-system",
      labelSelector: "k8s-app=kube-dns",
    });
    expect(dns.items.map((p) => p.status?.phase)).toEqual(["Running"]);
  });

  it("keeps the node's network in its own namespaces: no default route leaves them", () => {
    const node = cluster.env["NETNS"]!;
    const outside = cluster.env["OUTSIDE_NETNS"]!;
    // The node's only way out is the outside host's namespace...
    expect(ip(["-n", node, "route", "show", "default"]).trim()).toBe(`default via 192.0.2.1 dev eth0`);
    expect(ip(["-n", node, "route", "get", "192.0.2.200"])).toContain("dev eth0");
    // ...which has no default route and no route to anything but the node and the pods.
    expect(ip(["-n", outside, "route", "show", "default"]).trim()).toBe("");
    expect(() =>
      execFileSync("ip", ["-n", outside, "route", "get", "192.0.2.200"], { stdio: "pipe" }),
    ).not.toThrow();
    expect(() => execFileSync("ip", ["-n", outside, "route", "get", "8.8.8.8"], { stdio: "pipe" })).toThrow();
    expect(() =>
      execFileSync("ip", ["-n", outside, "route", "get", "10.0.0.1"], { stdio: "pipe" }),
    ).toThrow();
    // No interface of the host's namespace is linked to ours: both ends of every veth are inside.
    const ids = new Set(
      (JSON.parse(ip(["-j", "netns", "list"])) as { name: string; id?: number }[])
        .filter((n) => n.name === node || n.name === outside)
        .map((n) => n.id)
        .filter((id) => id !== undefined),
    );
    const hostLinks = JSON.parse(ip(["-j", "-d", "link", "show"])) as {
      ifname: string;
      link_netnsid?: number;
    }[];
    expect(hostLinks.filter((l) => l.link_netnsid !== undefined && ids.has(l.link_netnsid))).toEqual([]);
    for (const l of JSON.parse(ip(["-n", outside, "-j", "link", "show"])) as { ifname: string }[]) {
      expect(["lo", "eth0"]).toContain(l.ifname);
    }
  });

  it("refuses a privileged pod in a test namespace (Pod Security restricted, real admission)", async () => {
    await cluster.core.createNamespace({ body: { metadata: { name: "psa-check" } } });
    const privileged = {
      metadata: { name: "root", namespace: "psa-check" },
      spec: { containers: [{ name: "c", image: AGNHOST, securityContext: { privileged: true } }] },
    };
    await expect(
      cluster.core.createNamespacedPod({ namespace: "psa-check", body: privileged }),
    ).rejects.toThrow(/violates PodSecurity \W*restricted:latest/);
    const fine = clientPod("psa-check", "fine", { app: "fine" }) as unknown as V1Pod;
    await expect(
      cluster.core.createNamespacedPod({ namespace: "psa-check", body: fine }),
    ).resolves.toBeDefined();
    await cluster.core.deleteNamespace({ name: "psa-check" });
  });

  describe("real traffic against the semantics engine", () => {
    let sources: V1Pod[];
    let targets: Target[];
    const namespaces = ["production", "ingress-nginx", "elsewhere"];

    beforeAll(async () => {
      if (!availability.ok) return;
      const t0 = performance.now();
      for (const obj of generateWorkloads(production, { image: AGNHOST, imagePullPolicy: "Never" })) {
        await create(obj as unknown as KubernetesObject);
      }
      await cluster.core.createNamespace({ body: { metadata: { name: "ingress-nginx" } } });
      await cluster.core.createNamespace({ body: { metadata: { name: "elsewhere" } } });
      await create(clientPod("ingress-nginx", "controller", { "app.kubernetes.io/name": "ingress-nginx" }));
      await create(clientPod("elsewhere", "intruder", { app: "intruder" }));
      const services = production.namespaces.flatMap((n) => n.services);
      sources = await runningPods(namespaces, services.length + 2);
      const dns = (
        await cluster.core.listNamespacedPod({ namespace: "kube-system", labelSelector: "k8s-app=kube-dns" })
      ).items[0];
      targets = [];
      for (const s of services) {
        const pod = sources.find(
          (p) => p.metadata?.namespace === s.namespace && p.metadata?.labels?.["app"] === s.labels["app"],
        )!;
        for (const port of s.ports) {
          for (const protocol of ["TCP", "UDP"] as const) {
            targets.push({
              name: podKey(pod),
              ip: pod.status!.podIP!,
              port: port.port,
              protocol,
              check: "connect",
            });
          }
        }
      }
      for (const protocol of ["TCP", "UDP"] as const) {
        // Absent only when the cluster runs without DNS (E2E_CLUSTER_DNS=0, for debugging).
        if (dns)
          targets.push({
            name: podKey(dns),
            ip: dns.status!.podIP!,
            port: 53,
            protocol,
            check: protocol === "UDP" ? "dns" : "connect",
          });
        targets.push({
          name: cluster.env["OUTSIDE_IP"]!,
          ip: cluster.env["OUTSIDE_IP"]!,
          port: 443,
          protocol,
          check: "connect",
        });
      }
      figures.push(`workloads running in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }, 240_000);

    it("the local agnhost image honours the probe image contract (binaries, dig's exit codes)", async () => {
      const client = sources.find((p) => p.metadata?.name === "intruder")!;
      const dns = cluster.env["CLUSTER_DNS"]!;
      const script = [
        `for b in ${PROBE_BINARIES.join(" ")}; do command -v "$b" >/dev/null || echo "missing $b"; done`,
        `dig +notcp +time=2 +tries=1 -p 53 @${dns} kubernetes.default.svc.cluster.local >/dev/null; echo "udp $?"`,
        `dig +tcp +time=2 +tries=1 -p 53 @${dns} kubernetes.default.svc.cluster.local >/dev/null; echo "tcp $?"`,
        `dig +notcp +time=2 +tries=1 -p 53 @${dns} nowhere.invalid >/dev/null; echo "nxdomain $?"`,
        // The outside host serves no DNS: no reply.
        `dig +notcp +time=1 +tries=1 -p 53 @${cluster.env["OUTSIDE_IP"]} kubernetes.default >/dev/null; echo "none $?"`,
      ].join("\n");
      const out = await execIn(cluster.kube, client, ["/bin/sh", "-c", script]);
      expect(out.trim().split("\n")).toEqual(["udp 0", "tcp 0", "nxdomain 0", "none 9"]);
    });

    it("before any policy, every cell is allowed, as analyze says", async () => {
      const t0 = performance.now();
      const { cells, disagreements } = await compareUntilSettled(cluster, sources, targets);
      expect(disagreements.map(formatCell)).toEqual([]);
      expect(cells.every((c) => c.observed === "allowed")).toBe(true);
      figures.push(
        `no-policy matrix ${cells.length} cells in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    });

    it("the shipped production example: every cell agrees with analyze", async () => {
      const t0 = performance.now();
      const bundle = compileEnvironment(production);
      const policies = bundle.objects.map((o) => o.manifest);
      expect(policies.every((p) => p.kind === "NetworkPolicy")).toBe(true);
      for (const p of policies) await create(p as unknown as KubernetesObject);
      const { cells, disagreements, rounds } = await compareUntilSettled(cluster, sources, targets);
      expect(disagreements.map(formatCell)).toEqual([]);
      // The example both opens and closes paths: the matrix is not trivially uniform.
      expect(cells.some((c) => c.observed === "allowed")).toBe(true);
      expect(cells.some((c) => c.observed === "blocked")).toBe(true);
      figures.push(
        `production: ${policies.length} policies, ${cells.length} cells (${cells.filter((c) => c.observed === "allowed").length} allowed) agree, ${rounds} round(s), ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      for (const ns of namespaces)
        await cluster.networking.deleteCollectionNamespacedNetworkPolicy({ namespace: ns });
    });

    it("random policy sets: every cell agrees with analyze", async () => {
      const t0 = performance.now();
      const sets = fc.sample(policySetArb(namespaces), { numRuns: randomSetCount(), seed: randomSeed() });
      let total = 0;
      const failures: string[] = [];
      for (const [i, set] of sets.entries()) {
        for (const p of set) await create(p as unknown as KubernetesObject);
        const { cells, disagreements } = await compareUntilSettled(cluster, sources, targets, {
          settleMs: 20_000,
        });
        total += cells.length;
        if (disagreements.length) {
          failures.push(
            `set ${i}:\n${JSON.stringify(set)}\n${disagreements.map((d) => `${formatCell(d)}\n  ${d.explanation}`).join("\n")}`,
          );
        }
        for (const ns of namespaces)
          await cluster.networking.deleteCollectionNamespacedNetworkPolicy({ namespace: ns });
      }
      expect(failures).toEqual([]);
      figures.push(
        `random: ${sets.length} sets (seed ${randomSeed()}), ${total} cells agree, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    });
  });
});

function randomSetCount(): number {
  return Number(process.env["E2E_RANDOM_SETS"] ?? 10);
}
function randomSeed(): number {
  return Number(process.env["E2E_RANDOM_SEED"] ?? 20261130);
}

/** Random NetworkPolicy sets over the matrix's namespaces and labels (1 to 3 policies each). */
function policySetArb(namespaces: string[]): fc.Arbitrary<NetworkPolicy[]> {
  const apps = ["frontend", "api", "database", "intruder"];
  const podSel: fc.Arbitrary<LabelSelector> = fc.oneof(
    fc.constant({}),
    fc.constantFrom(...apps).map((a) => ({ matchLabels: { app: a } })),
    fc
      .subarray(apps, { minLength: 1, maxLength: 2 })
      .map((v) => ({ matchExpressions: [{ key: "app", operator: "In" as const, values: v }] })),
    fc.constant<LabelSelector>({ matchExpressions: [{ key: "app", operator: "DoesNotExist" }] }),
  );
  const nsSel: fc.Arbitrary<LabelSelector> = fc.oneof(
    fc.constant({}),
    fc
      .constantFrom(...namespaces, "kube-system")
      .map((n) => ({ matchLabels: { "kubernetes.io/metadata.name": n } })),
  );
  const peer: fc.Arbitrary<NetworkPolicyPeer> = fc.oneof(
    podSel.map((p) => ({ podSelector: p })),
    nsSel.map((n) => ({ namespaceSelector: n })),
    fc.tuple(nsSel, podSel).map(([n, p]) => ({ namespaceSelector: n, podSelector: p })),
    fc.constantFrom<NetworkPolicyPeer>(
      { ipBlock: { cidr: "198.51.100.0/24" } },
      { ipBlock: { cidr: "198.51.100.0/24", except: ["198.51.100.10/32"] } },
      { ipBlock: { cidr: "10.244.0.0/24" } },
      { ipBlock: { cidr: "0.0.0.0/0" } },
    ),
  );
  const port: fc.Arbitrary<NetworkPolicyPort> = fc.constantFrom<NetworkPolicyPort>(
    { protocol: "TCP", port: 80 },
    { protocol: "UDP", port: 80 },
    { protocol: "TCP", port: 8080 },
    { port: 5432 },
    { protocol: "TCP", port: "t8080" },
    { protocol: "UDP", port: "u5432" },
    { protocol: "TCP", port: 400, endPort: 9000 },
    { protocol: "UDP", port: 53 },
    { protocol: "TCP", port: 443 },
    { protocol: "UDP" },
  );
  const rule = fc.record({
    peers: fc.option(fc.array(peer, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    ports: fc.option(fc.array(port, { minLength: 1, maxLength: 2 }), { nil: undefined }),
  });
  const policy = fc
    .record({
      namespace: fc.constantFrom(...namespaces),
      podSelector: podSel,
      types: fc.constantFrom<("Ingress" | "Egress")[]>(["Ingress"], ["Egress"], ["Ingress", "Egress"]),
      ingress: fc.array(rule, { maxLength: 2 }),
      egress: fc.array(rule, { maxLength: 2 }),
    })
    .map(
      ({
        namespace,
        podSelector,
        types,
        ingress,
        egress,
      }): Omit<NetworkPolicy, "metadata"> & { metadata: { namespace: string } } => ({
        apiVersion: "networking.k8s.io/v1",
        kind: "NetworkPolicy",
        metadata: { namespace },
        spec: {
          podSelector,
          policyTypes: types,
          ...(types.includes("Ingress")
            ? {
                ingress: ingress.map((r) => ({
                  ...(r.peers ? { from: r.peers } : {}),
                  ...(r.ports ? { ports: r.ports } : {}),
                })),
              }
            : {}),
          ...(types.includes("Egress")
            ? {
                egress: egress.map((r) => ({
                  ...(r.peers ? { to: r.peers } : {}),
                  ...(r.ports ? { ports: r.ports } : {}),
                })),
              }
            : {}),
        },
      }),
    );
  return fc
    .array(policy, { minLength: 1, maxLength: 3 })
    .map((ps) =>
      ps.map((p, i) => ({ ...p, metadata: { ...p.metadata, name: `random-${i}` } }) as NetworkPolicy),
    );
}
