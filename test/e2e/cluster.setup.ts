/**
 * Global setup of the real-cluster tier: starts one cluster (test/e2e/tools/cluster.sh) before
 * the first file and gives every file its directory, kubeconfig and env (`inject("e2eCluster")`,
 * through shared-cluster.ts); after the last file, stops it and fails the run if anything was
 * left behind: a process, a mount, a network namespace, a cgroup, or a change to the host's
 * netfilter rules, sets or links.
 *
 * No cluster is started when the tier cannot run here (the files say why in one line) or when
 * the scenarios run on a cluster of their own (E2E_LOOP_KUBECONFIG: kind on GitHub).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { clusterAvailability, hostNetworkState, startCluster } from "./cluster-harness.js";
import "./shared-cluster.js";

function netnsList(): string {
  return execFileSync("ip", ["netns", "list"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

export default function setup(project: TestProject): (() => void) | undefined {
  if (process.env["E2E_LOOP_KUBECONFIG"]) {
    project.provide("e2eCluster", { skipped: "the scenarios run on the cluster of E2E_LOOP_KUBECONFIG" });
    return undefined;
  }
  const availability = clusterAvailability();
  if (!availability.ok) {
    project.provide("e2eCluster", { skipped: availability.reason });
    return undefined;
  }
  const hostBefore = hostNetworkState();
  const cluster = startCluster();
  const { stop, ...handle } = cluster;
  project.provide("e2eCluster", handle);
  console.log(`e2e real cluster: started once for every file in ${(handle.startMs / 1000).toFixed(1)} s`);

  return () => {
    const pids = readFileSync(join(handle.dir, "pids"), "utf8")
      .trim()
      .split("\n")
      .map((l) => Number(l.split(" ")[1]));
    const { ms } = stop();
    const left: string[] = [];
    for (const pid of pids) {
      if (existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, "utf8")))
        left.push(`process ${pid}`);
    }
    if (netnsList().includes(handle.env["NETNS"] ?? ""))
      left.push(`network namespace ${handle.env["NETNS"]}`);
    if (readFileSync("/proc/self/mountinfo", "utf8").includes(handle.dir))
      left.push(`mounts under ${handle.dir}`);
    for (const h of ["memory", "cpu", "pids", "systemd", "unified"]) {
      const cg = `/sys/fs/cgroup/${h}${handle.env["CGROUP_ROOT"]}`;
      if (existsSync(cg)) left.push(`cgroup ${cg}`);
    }
    const hostAfter = hostNetworkState();
    for (const [what, before] of Object.entries(hostBefore)) {
      if (hostAfter[what] !== before) left.push(`the host's ${what} changed`);
    }
    console.log(`e2e real cluster: stopped in ${(ms / 1000).toFixed(1)} s`);
    if (left.length > 0) {
      // Vitest reports an error thrown here but exits 0 for it: the exit code says it.
      process.exitCode = 1;
      throw new Error(`the real cluster left things behind: ${left.join("; ")}`);
    }
  };
}
