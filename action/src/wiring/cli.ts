/**
 * The adapters the CLI's commands run with, for one working directory and environment: the
 * intent and input files under the reading rules, `render --out`'s directory, git, and the
 * cluster with its live prober. The only place the CLI's adapters are chosen.
 */
import { loadIntentFromDir, readIntentTree } from "../adapters/files/intent.js";
import { readInputTree } from "../adapters/files/inputs.js";
import {
  MANIFEST,
  writeOwnedDirectory,
  type OutDirResult,
  type OwnedFile,
} from "../adapters/files/out-dir.js";
import { pathKind, workTreeRoot } from "../adapters/files/paths.js";
import { replaceTextFile } from "../adapters/files/write.js";
import type { ReadTreeResult, SourceEntry } from "../adapters/files/source-tree.js";
import { readFlowFiles, type LineSink } from "../adapters/flow-files.js";
import { createGitReader } from "../adapters/git.js";
import type { LiveProber, LiveProberOptions } from "../adapters/kubernetes/prober.js";
import type { LoadResult } from "../intent/model.js";
import type { Cluster, ClusterTarget } from "../ports/cluster.js";
import type { GitReader } from "../ports/git.js";
import type { ProbePlan, ProbeRunResult, Prober } from "../probe/types.js";
import { connectCluster, liveProber, runOnClock, type ConnectedCluster } from "./cluster-connection.js";

/** The name of the list of files `render --out` keeps in its directory. */
export const RENDER_MANIFEST = MANIFEST;

export interface CliAdapters {
  /** The intent under `policiesDir` (relative to the working directory, or absolute). */
  loadIntent(policiesDir: string): Promise<LoadResult>;
  /** The intent files under `dir` (absolute), their paths relative to `root`. */
  readIntentFiles(root: string, dir: string): Promise<SourceEntry[]>;
  /** A file, or the YAML and JSON files under a directory: cluster dumps, policies, probes. */
  readInputFiles(path: string): Promise<ReadTreeResult>;
  /** What is at `path`: "missing" when nothing is; throws when it cannot be looked at. */
  pathKind(path: string): Promise<"directory" | "other" | "missing">;
  /** The root of the git work tree holding `dir`, or `dir` outside a repository. */
  workTreeRoot(dir: string): Promise<string>;
  /** Writes a file whole (beside it, then renamed), its directories created. */
  replaceFile(path: string, text: string): Promise<void>;
  /** Writes `render --out`'s files into the directory it owns. */
  writeOwnedDirectory(dir: string, environment: string, files: OwnedFile[]): Promise<OutDirResult>;
  /** Streams the lines of flow record files into `sink`, under the reading rules. */
  readFlowFiles(paths: readonly string[], sink: LineSink): Promise<void>;
  /** The repository in the working directory, read with git. */
  git(): GitReader;
  /** Throws KubeconfigError when the kubeconfig cannot be used. */
  connectCluster(target: ClusterTarget): ConnectedCluster;
  liveProber(cluster: Cluster, options: LiveProberOptions): LiveProber;
  /** Runs a plan to its confirmed result on the real clock. */
  runProbes(prober: Prober, plan: ProbePlan, signal?: AbortSignal): Promise<ProbeRunResult>;
}

export function cliAdapters(cwd: string, env: Readonly<Record<string, string | undefined>>): CliAdapters {
  return {
    loadIntent: (policiesDir) => loadIntentFromDir(policiesDir, cwd),
    readIntentFiles: async (root, dir) => (await readIntentTree(root, dir)).files,
    readInputFiles: (path) => readInputTree(cwd, path),
    pathKind,
    workTreeRoot,
    replaceFile: replaceTextFile,
    writeOwnedDirectory,
    readFlowFiles: (paths, sink) => readFlowFiles(paths, sink, { cwd }),
    git: () => createGitReader(cwd, env),
    connectCluster: (target) => connectCluster(target, env),
    liveProber,
    runProbes: runOnClock,
  };
}
