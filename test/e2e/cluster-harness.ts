/**
 * The real-cluster harness: a single-node Kubernetes cluster (kubelet, containerd, runc,
 * kube-proxy, kube-router as the NetworkPolicy dataplane, CoreDNS) started by
 * test/e2e/tools/cluster.sh in network namespaces of its own, and stopped by PID.
 *
 * `clusterAvailability()` says whether this machine can run it and, if not, why (one line).
 * `startCluster()` starts one in a temporary directory (the tier's global setup does, once per
 * run: cluster.setup.ts); `stop()` stops it and reports what was left behind. Exit and signal
 * handlers stop it too. Files reach it through shared-cluster.ts.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  NetworkingV1Api,
} from "@kubernetes/client-node";

export const repoRoot = join(import.meta.dirname, "../..");
const tools = join(repoRoot, "test/e2e/tools");

function quiet(cmd: string, args: string[]): { ok: boolean; out: string } {
  try {
    return {
      ok: true,
      out: execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }),
    };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, out: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

/** Whether the real-cluster tier can run here; otherwise the reason, in one line. */
export function clusterAvailability(): { ok: true } | { ok: false; reason: string } {
  if (process.env["E2E_CLUSTER"] === "0") return { ok: false, reason: "E2E_CLUSTER=0" };
  if (process.getuid?.() !== 0)
    return { ok: false, reason: "needs root (network namespaces, cgroups, containerd)" };
  // E2E_CLUSTER_DIR names another dir holding bin/ and images/ (cluster.sh honours it too).
  const dir = process.env["E2E_CLUSTER_DIR"];
  const built = dir
    ? ["kubelet", "kube-scheduler", "kube-proxy", "kube-router", "agnhost"].every((t) =>
        existsSync(join(dir, "bin", t)),
      ) && ["agnhost", "pause", "coredns"].every((i) => existsSync(join(dir, "images", `${i}.tar`)))
    : quiet("bash", [join(tools, "build.sh"), "--check-cluster"]).ok;
  if (!built) return { ok: false, reason: "cluster tools not built (run test/e2e/tools/build.sh cluster)" };
  const bin = quiet("bash", [join(tools, "env.sh")]).out.trim();
  for (const t of ["etcd", "kube-apiserver", "kube-controller-manager"]) {
    if (!existsSync(join(bin, t)))
      return { ok: false, reason: `${t} not built (run test/e2e/tools/build.sh kube)` };
  }
  const deps = quiet("bash", [join(tools, "install-deps.sh"), "--check"]);
  if (!deps.ok) return { ok: false, reason: deps.out.trim() };
  return { ok: true };
}

/** `cluster.sh versions`: every real component of the cluster and its version. */
export function clusterVersions(): Record<string, string> {
  const out = quiet("bash", [join(tools, "cluster.sh"), "versions"]).out;
  const versions: Record<string, string> = {};
  for (const line of out.trim().split("\n")) {
    const [name, ...rest] = line.split(" ");
    if (name) versions[name] = rest.join(" ");
  }
  return versions;
}

/** What the global setup hands every file: a running cluster (cluster.sh start DIR). */
export interface ClusterHandle {
  dir: string;
  kubeconfig: string;
  /** DIR/env of cluster.sh: NETNS, OUTSIDE_NETNS, NODE_IP, OUTSIDE_IP, POD_CIDR, ... */
  env: Record<string, string>;
  /** How long `cluster.sh start` took. */
  startMs: number;
}

/** A running cluster and clients for it. */
export interface Cluster extends ClusterHandle {
  kube: KubeConfig;
  core: CoreV1Api;
  apps: AppsV1Api;
  networking: NetworkingV1Api;
  objects: KubernetesObjectApi;
}

const stops = new Set<() => void>();
let handlersInstalled = false;
function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("exit", () => {
    for (const stop of stops) stop();
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      for (const stop of stops) stop();
      process.exit(130);
    });
  }
}

function runStop(dir: string): void {
  execFileSync("bash", [join(tools, "cluster.sh"), "stop", dir], {
    stdio: ["ignore", "ignore", "pipe"],
    timeout: 120_000,
  });
}

/**
 * Starts a cluster in a new temporary directory (the e2e tier's global setup does, once per
 * run). `stop()` stops it and returns how long that took; it throws with cluster.sh's words
 * when anything was left. Exit and signal handlers of this process stop it too.
 */
export function startCluster(): ClusterHandle & { stop(): { ms: number } } {
  const dir = mkdtempSync(join(tmpdir(), "netpol-cluster-"));
  let stopped = false;
  const emergencyStop = (): void => {
    if (stopped) return;
    stopped = true;
    try {
      runStop(dir);
    } catch {
      process.stderr.write(`e2e: could not stop the cluster in ${dir}\n`);
    }
  };
  stops.add(emergencyStop);
  installExitHandlers();

  const started = performance.now();
  try {
    execFileSync("bash", [join(tools, "cluster.sh"), "start", dir], {
      stdio: ["ignore", "ignore", "inherit"],
      timeout: 300_000,
    });
  } catch (error) {
    emergencyStop();
    stops.delete(emergencyStop);
    throw error;
  }
  const startMs = Math.round(performance.now() - started);
  const env: Record<string, string> = {};
  for (const line of readFileSync(join(dir, "env"), "utf8").split("\n")) {
    const i = line.indexOf("=");
    if (i > 0) env[line.slice(0, i)] = line.slice(i + 1);
  }
  return {
    dir,
    kubeconfig: join(dir, "kubeconfig"),
    env,
    startMs,
    stop() {
      if (stopped) return { ms: 0 };
      stopped = true;
      stops.delete(emergencyStop);
      const t = performance.now();
      try {
        runStop(dir);
      } catch (error) {
        const e = error as { stderr?: Buffer | string };
        throw new Error(`cluster.sh stop ${dir} failed: ${String(e.stderr ?? error)}`);
      }
      const ms = Math.round(performance.now() - t);
      if (!process.env["E2E_KEEP"]) rmSync(dir, { recursive: true, force: true });
      return { ms };
    },
  };
}

/** Clients for a running cluster. */
export function connectCluster(handle: ClusterHandle): Cluster {
  const kube = new KubeConfig();
  kube.loadFromFile(handle.kubeconfig);
  return {
    ...handle,
    kube,
    core: kube.makeApiClient(CoreV1Api),
    apps: kube.makeApiClient(AppsV1Api),
    networking: kube.makeApiClient(NetworkingV1Api),
    objects: KubernetesObjectApi.makeApiClient(kube),
  };
}

/** Deletes namespaces and waits until they are gone (their pods with them). */
export async function deleteNamespaces(
  cluster: Cluster,
  names: string[],
  timeoutMs = 120_000,
): Promise<void> {
  const gone = async (name: string): Promise<boolean> => {
    try {
      await cluster.core.readNamespace({ name });
      return false;
    } catch (error) {
      if ((error as { code?: number }).code === 404) return true;
      throw error;
    }
  };
  for (const name of names) {
    if (await gone(name)) continue;
    // 404: gone meanwhile; 409: already being deleted.
    await cluster.core.deleteNamespace({ name, gracePeriodSeconds: 0 }).catch((error: unknown) => {
      if (![404, 409].includes((error as { code?: number }).code ?? 0)) throw error;
    });
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left: string[] = [];
    for (const name of names) if (!(await gone(name))) left.push(name);
    if (left.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(`namespaces not deleted after ${timeoutMs} ms: ${left.join(", ")}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Host-side state a cluster must not change: netfilter rules and sets, namespaces, mounts. */
export function hostNetworkState(): Record<string, string> {
  return {
    iptables: quiet("iptables-save", []).out.replace(/^#.*\n/gm, ""),
    nft: quiet("nft", ["list", "ruleset"]).out,
    ipset: quiet("ipset", ["list", "-n"]).out,
    links: quiet("ip", ["-o", "link", "show"])
      .out.split("\n")
      .map((l) => l.replace(/^\d+: /, "").split(":")[0])
      .sort()
      .join("\n"),
  };
}
