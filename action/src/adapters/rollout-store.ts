/**
 * Where a rollout keeps what must outlive the step: each step's bundle file for the engine
 * (under RUNNER_TEMP) and each environment's deploy history (a ConfigMap in the cluster,
 * see rollout/last-known-good.ts for why there).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Cluster, LiveInventory } from "../ports/cluster.js";
import type { BundleFiles, HistoryStore } from "../ports/rollout.js";
import type { ClusterState } from "../k8s/types.js";
import { HistoryStoreError } from "../ports/rollout.js";
import {
  configMapName,
  emptyHistory,
  fromConfigMap,
  toConfigMap,
  type History,
} from "../rollout/last-known-good.js";
import type { RecordKey } from "../rollout/record-key.js";

/** Step bundles as JSON files in `dir`, named by environment, sequence and step. */
export function createBundleFiles(dir: string): BundleFiles {
  let n = 0;
  return {
    async write(environment, label, bundle) {
      await mkdir(dir, { recursive: true });
      const file = join(dir, `${environment}-${String(++n).padStart(2, "0")}-${label}.json`);
      await writeFile(file, `${JSON.stringify(bundle, null, 2)}\n`, "utf8");
      return file;
    },
  };
}

/** The ConfigMap calls the history needs (a subset of the cluster port). */
export type ConfigMapClient = Pick<Cluster, "getConfigMap" | "putConfigMap">;

/**
 * The history of each environment in ConfigMap `netpol-rollout-lkg-<env>` of `namespace`.
 * A write replaces the version read (optimistic concurrency): a run that raced another
 * fails instead of dropping the other's entry. With `keys`, a read verifies the record's
 * MAC (any key) and a write signs it (the first key).
 */
export function createHistoryStore(
  client: ConfigMapClient,
  namespace: string,
  keys: readonly RecordKey[] = [],
): HistoryStore {
  const versions = new Map<string, string | undefined>();
  return {
    async read(environment): Promise<History> {
      let map;
      try {
        map = await client.getConfigMap(namespace, configMapName(environment));
      } catch (error) {
        throw new HistoryStoreError(error instanceof Error ? error.message : String(error));
      }
      versions.set(environment, map?.metadata.resourceVersion);
      if (map === undefined) return emptyHistory(environment);
      return fromConfigMap({ ...map, apiVersion: "v1", kind: "ConfigMap" }, environment, keys);
    },
    async write(history): Promise<void> {
      const map = toConfigMap(history, namespace, keys[0] === undefined ? {} : { key: keys[0] });
      const version = versions.get(history.environment);
      const result = await client.putConfigMap({
        ...map,
        metadata: {
          ...map.metadata,
          namespace,
          ...(version === undefined ? {} : { resourceVersion: version }),
        },
      });
      const written = (result as { metadata?: { resourceVersion?: string } } | undefined)?.metadata
        ?.resourceVersion;
      versions.set(history.environment, written);
    },
    describe(environment) {
      return `ConfigMap ${namespace}/${configMapName(environment)}`;
    },
    keyed: keys.length > 0,
  };
}

/** The rollout's view of the live inventory: every namespace, pod, Service and NetworkPolicy, and the cluster's uid. */
export function clusterState(inventory: LiveInventory): ClusterState {
  const uid = inventory.namespaces.find((n) => n.metadata.name === "kube-system")?.metadata.uid;
  return {
    namespaces: inventory.namespaces,
    pods: inventory.pods as ClusterState["pods"],
    services: inventory.services,
    policies: inventory.policies,
    ...(uid ? { clusterUid: uid } : {}),
  };
}
