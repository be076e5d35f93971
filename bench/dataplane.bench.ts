/**
 * How long the test cluster's dataplane (kube-router as it ships) takes to enforce a change,
 * measured on the real cluster of test/e2e/tools/cluster.sh:
 *
 * - a policy change: a server behind an ingress default-deny; an allow for a client is
 *   created, then deleted, 200 times; each change's latency runs from the API server's
 *   answer to the first connection attempt that shows it (the client connects every ~30 ms
 *   from inside its own pod and logs the attempt's start);
 * - a new pod: a client the allow already selects is created, 20 times; its latency runs
 *   from its first connection attempt (the container's start) to its first one that
 *   connects: how long the dataplane takes to learn a pod it has never seen (a probe pod is
 *   one).
 *
 * The CNI profile's settle window (action/src/cni/profiles.ts) rests on these figures.
 *
 * Runs only when named: `flock /work/locks/cluster.lock npm run bench -- dataplane` (root,
 * the cluster tools built; about 6 minutes). E2E_DATAPLANE_CHANGES and E2E_DATAPLANE_PODS
 * change the counts.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { readFileSync } from "node:fs";
import type { KubernetesObject, V1Pod } from "@kubernetes/client-node";
import {
  clusterAvailability,
  connectCluster,
  deleteNamespaces,
  startCluster,
  type Cluster,
} from "../test/e2e/cluster-harness.js";

const NS = "latency";
const AGNHOST = "registry.k8s.io/e2e-test-images/agnhost:2.59";
const RESTRICTED_POD = {
  runAsNonRoot: true,
  runAsUser: 65534,
  runAsGroup: 65534,
  seccompProfile: { type: "RuntimeDefault" },
};
const RESTRICTED_CONTAINER = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ["ALL"] },
};

/** Seconds since boot, as the pods' /proc/uptime says it (one kernel: one clock). */
function uptime(): number {
  return Number(readFileSync("/proc/uptime", "utf8").split(" ")[0]);
}

function pod(
  name: string,
  labels: Record<string, string>,
  args: string[],
  command?: string[],
): KubernetesObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: NS, labels },
    spec: {
      automountServiceAccountToken: false,
      terminationGracePeriodSeconds: 0,
      securityContext: RESTRICTED_POD,
      containers: [
        {
          name: "main",
          image: AGNHOST,
          imagePullPolicy: "Never",
          ...(command ? { command } : {}),
          args,
          securityContext: RESTRICTED_CONTAINER,
        },
      ],
    },
  } as KubernetesObject;
}

/** A client that tries SERVER:8080 for ever, one line per attempt: "<uptime at start> <exit>". */
function client(name: string, labels: Record<string, string>, server: string): KubernetesObject {
  const loop = `while :; do t=$(cut -d' ' -f1 /proc/uptime); /agnhost connect --timeout=1s ${server}:8080 >/dev/null 2>&1; echo "$t $?"; sleep 0.03; done`;
  return pod(name, labels, ["-c", loop], ["/bin/sh"]);
}

async function running(cluster: Cluster, name: string): Promise<V1Pod> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const p = await cluster.core.readNamespacedPod({ namespace: NS, name });
    if (p.status?.phase === "Running" && p.status.podIP) return p;
    if (Date.now() > deadline) throw new Error(`pod ${name} not running: ${p.status?.phase}`);
    await sleep(200);
  }
}

/** The attempts a client logged: [start, connected]. */
async function attempts(cluster: Cluster, name: string): Promise<[number, boolean][]> {
  // The last 30 s are enough: every change shows well within that.
  const log = await cluster.core.readNamespacedPodLog({ namespace: NS, name, sinceSeconds: 30 });
  return log
    .split("\n")
    .map((l) => l.trim().split(" "))
    .filter((p) => p.length === 2 && p[0] !== "")
    .map(([t, code]) => [Number(t), code === "0"]);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function describe(label: string, seconds: number[]): string {
  const s = [...seconds].sort((a, b) => a - b);
  const ms = (v: number) => `${Math.round(v * 1000)} ms`;
  return `${label}: n=${s.length}, p50 ${ms(percentile(s, 50))}, p90 ${ms(percentile(s, 90))}, p99 ${ms(percentile(s, 99))}, max ${ms(s.at(-1) ?? NaN)}`;
}

const allow = {
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { name: "allow-client", namespace: NS },
  spec: {
    podSelector: { matchLabels: { app: "server" } },
    policyTypes: ["Ingress"],
    ingress: [{ from: [{ podSelector: { matchLabels: { role: "client" } } }], ports: [{ port: 8080 }] }],
  },
} as KubernetesObject;

async function policyChanges(cluster: Cluster, server: string, count: number): Promise<number[]> {
  await cluster.objects.create(client("client", { role: "client" }, server));
  await running(cluster, "client");
  const latencies: number[] = [];
  let present = false;
  for (let i = 0; i < count; i++) {
    if (present)
      await cluster.networking.deleteNamespacedNetworkPolicy({ namespace: NS, name: "allow-client" });
    else await cluster.objects.create(allow);
    const changed = uptime();
    present = !present;
    // The first attempt started after the change that shows it, and every later one agrees.
    const deadline = Date.now() + 30_000;
    for (;;) {
      await sleep(100);
      const after = (await attempts(cluster, "client")).filter(([t]) => t >= changed);
      const first = after.findIndex(([, ok]) => ok === present);
      if (first >= 0 && after.length - first >= 3 && after.slice(first).every(([, ok]) => ok === present)) {
        latencies.push((after[first]?.[0] ?? changed) - changed);
        break;
      }
      if (Date.now() > deadline)
        throw new Error(`change ${i + 1} (${present ? "allow" : "deny"}) not seen in 30 s`);
    }
  }
  await cluster.core.deleteNamespacedPod({ namespace: NS, name: "client", gracePeriodSeconds: 0 });
  return latencies;
}

async function newPods(cluster: Cluster, server: string, count: number): Promise<number[]> {
  await cluster.objects.create(allow);
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const name = `new-${i}`;
    await cluster.objects.create(client(name, { role: "client" }, server));
    await running(cluster, name);
    const deadline = Date.now() + 30_000;
    for (;;) {
      await sleep(100);
      const seen = await attempts(cluster, name);
      const first = seen.findIndex(([, ok]) => ok);
      if (first >= 0 && seen.length - first >= 3) {
        latencies.push((seen[first]?.[0] ?? 0) - (seen[0]?.[0] ?? 0));
        break;
      }
      if (Date.now() > deadline) throw new Error(`new pod ${name} never connected in 30 s`);
    }
    await cluster.core.deleteNamespacedPod({ namespace: NS, name, gracePeriodSeconds: 0 });
  }
  return latencies;
}

export async function main(): Promise<void> {
  if (process.argv[2] !== "dataplane") {
    console.log(
      "skipped: runs only when named (npm run bench -- dataplane): a real cluster, about 6 minutes",
    );
    return;
  }
  const availability = clusterAvailability();
  if (!availability.ok) {
    console.log(`skipped: ${availability.reason}`);
    return;
  }
  const changes = Number(process.env["E2E_DATAPLANE_CHANGES"] ?? 200);
  const pods = Number(process.env["E2E_DATAPLANE_PODS"] ?? 20);
  const started = startCluster();
  try {
    const cluster = connectCluster(started);
    await cluster.core.createNamespace({ body: { metadata: { name: NS } } });
    await cluster.objects.create(pod("server", { app: "server" }, ["netexec", "--http-port=8080"]));
    const server = (await running(cluster, "server")).status?.podIP ?? "";
    await cluster.objects.create({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "deny-ingress", namespace: NS },
      spec: { podSelector: { matchLabels: { app: "server" } }, policyTypes: ["Ingress"] },
    } as KubernetesObject);
    const t0 = performance.now();
    const policy = await policyChanges(cluster, server, changes);
    const t1 = performance.now();
    const fresh = await newPods(cluster, server, pods);
    const t2 = performance.now();
    const load = readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
    console.log(`kube-router as it ships, on the test cluster (load average ${load}):`);
    console.log(`  ${describe("policy change enforced", policy)} (${((t1 - t0) / 1000).toFixed(0)} s)`);
    console.log(
      `  ${describe("new pod admitted by the policies selecting it", fresh)} (${((t2 - t1) / 1000).toFixed(0)} s)`,
    );
    await deleteNamespaces(cluster, [NS]);
  } finally {
    started.stop();
  }
}
