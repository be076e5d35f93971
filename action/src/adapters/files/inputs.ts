/** The CLI's input files: cluster dumps, NetworkPolicies, probes and expectations. */
import { resolve } from "node:path";
import {
  CLUSTER_READ_LIMITS,
  readSourceTree,
  YAML_OR_JSON_EXTENSIONS,
  type ReadTreeResult,
} from "./source-tree.js";

/**
 * A file, or every *.yaml/*.yml/*.json under a directory (sorted), under the rules of
 * `readSourceTree` (`CLUSTER_READ_LIMITS`); the repository, and the base of the paths in
 * the result, is the working directory `cwd`.
 */
export function readInputTree(cwd: string, path: string): Promise<ReadTreeResult> {
  return readSourceTree({
    repository: cwd,
    target: resolve(cwd, path),
    extensions: YAML_OR_JSON_EXTENSIONS,
    limits: CLUSTER_READ_LIMITS,
    relativeTo: cwd,
  });
}
