/**
 * The real-cluster tier's one cluster, as a file sees it: cluster.setup.ts starts it before
 * the first file and stops it after the last, and provides its directory, kubeconfig and
 * env here. Each file creates its own namespaces and deletes them when it ends
 * (`deleteNamespaces`), so the next file starts from a clean cluster.
 */
import { inject } from "vitest";
import { connectCluster, type Cluster, type ClusterHandle } from "./cluster-harness.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The cluster the global setup started once for every file, or why there is none. */
    e2eCluster: ClusterHandle | { skipped: string };
  }
}

/** The run's one cluster, with clients; or why there is none (one line). */
export function sharedCluster(): { ok: true; cluster: Cluster } | { ok: false; reason: string } {
  const handle = inject("e2eCluster");
  if ("skipped" in handle) return { ok: false, reason: handle.skipped };
  return { ok: true, cluster: connectCluster(handle) };
}
