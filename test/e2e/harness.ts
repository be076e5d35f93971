/**
 * The end-to-end harness: the real Pulumi engine, the real Kubernetes provider plugin and
 * a real kube-apiserver (with etcd), all built from Go modules by test/e2e/tools.
 *
 * `startE2e()` starts a throwaway control plane in a temporary directory, sets up a
 * self-managed Pulumi backend (`file://<tmp>/state`) and a copy of the repository's Pulumi
 * project (so stack config written by the Automation API never touches the work tree),
 * and points this process's environment at all of it (the Action's dist, run as a child
 * process, and the engine's plugins inherit it); the adapters get it explicitly as
 * `engineEnv`. `stop()` always stops the control plane; so do exit and signal
 * handlers, should a run be cut short.
 */
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, join } from "node:path";
import { CoreV1Api, KubeConfig, NetworkingV1Api, VersionApi } from "@kubernetes/client-node";
import type { V1NetworkPolicy } from "@kubernetes/client-node";
import type { PulumiEnvironment } from "../../action/src/ports/index.js";

export const repoRoot = join(import.meta.dirname, "../..");
const tools = join(repoRoot, "test/e2e/tools");

const TOOLS = ["pulumi", "pulumi-language-nodejs", "pulumi-resource-kubernetes", "kube-apiserver", "etcd"];

/**
 * The bin dir of the real tools, or undefined when `env.sh --check` says one is missing.
 * `E2E_BIN_DIR` names another bin dir holding every tool (control-plane.sh honours it too).
 */
export function e2eBinDir(): string | undefined {
  const override = process.env.E2E_BIN_DIR;
  if (override) return TOOLS.every((t) => existsSync(join(override, t))) ? override : undefined;
  try {
    const out = execFileSync("bash", [join(tools, "env.sh"), "--check"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const dir = out.trim().split("\n").pop() ?? "";
    return dir !== "" && existsSync(join(dir, "pulumi")) ? dir : undefined;
  } catch {
    return undefined;
  }
}

export interface E2eVersions {
  pulumi: string;
  kubeApiserver: string;
  /** The provider plugin's label, from the tools' version key (the engine only checks the label). */
  kubernetesProvider: string;
  node: string;
}

export interface E2e {
  bin: string;
  /** The temporary directory holding everything (control plane, backend, project copy). */
  dir: string;
  kubeconfig: string;
  kube: KubeConfig;
  core: CoreV1Api;
  networking: NetworkingV1Api;
  /**
   * A copy of the repository for the engine: `package.json`, `pulumi/` (Pulumi.yaml,
   * main.mjs, the stack files) and `policies/` copied; `dist/` and `node_modules/` linked,
   * so the program is the built one and shares the repository's `@pulumi/pulumi`.
   */
  repo: string;
  workDir: string;
  /** The engine's environment (PATH with the tools first, the backend, PULUMI_HOME…), for the adapters. */
  engineEnv: PulumiEnvironment;
  versions: E2eVersions;
  /** Creates namespaces once (a deleted one would stay Terminating: no controllers). */
  ensureNamespaces(...names: string[]): Promise<void>;
  /** The NetworkPolicies of a namespace, by name. */
  listPolicies(namespace: string): Promise<V1NetworkPolicy[]>;
  stop(): void;
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

export async function startE2e(bin: string): Promise<E2e> {
  const dir = mkdtempSync(join(tmpdir(), "netpol-e2e-"));
  const cp = join(dir, "control-plane");
  let stopped = false;
  const stopControlPlane = (): void => {
    if (stopped) return;
    stopped = true;
    try {
      execFileSync("bash", [join(tools, "control-plane.sh"), "stop", cp], {
        stdio: "ignore",
        timeout: 60_000,
      });
    } catch {
      // Stopping is best effort at exit; control-plane.sh already escalates to SIGKILL.
      process.stderr.write(`e2e: could not stop the control plane in ${cp}\n`);
    }
  };
  stops.add(stopControlPlane);
  installExitHandlers();

  execFileSync("bash", [join(tools, "control-plane.sh"), "start", cp], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, E2E_BIN_DIR: bin },
    timeout: 180_000,
  });
  const kubeconfig = join(cp, "kubeconfig");

  // The Pulumi side: a self-managed backend, its own PULUMI_HOME, no plugin downloads.
  const state = join(dir, "state");
  mkdirSync(state);
  mkdirSync(join(dir, "home"));
  const savedEnv = { ...process.env };
  const engineVars = {
    PULUMI_HOME: join(dir, "home"),
    PULUMI_CONFIG_PASSPHRASE: "e2e",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    KUBECONFIG: kubeconfig,
  };
  const engineEnv: PulumiEnvironment = {
    path: `${bin}${delimiter}${process.env.PATH ?? ""}`,
    backendUrl: `file://${state}`,
    accessTokenSet: false,
    vars: engineVars,
  };
  Object.assign(process.env, {
    ...engineVars,
    PATH: engineEnv.path,
    PULUMI_BACKEND_URL: engineEnv.backendUrl,
  });

  const repo = join(dir, "repo");
  const workDir = join(repo, "pulumi");
  mkdirSync(workDir, { recursive: true });
  copyFileSync(join(repoRoot, "package.json"), join(repo, "package.json"));
  symlinkSync(join(repoRoot, "node_modules"), join(repo, "node_modules"));
  symlinkSync(join(repoRoot, "dist"), join(repo, "dist"));
  for (const f of readdirSync(join(repoRoot, "pulumi"))) {
    if (f === "Pulumi.yaml" || f === "main.mjs" || /^Pulumi\..+\.yaml$/.test(f)) {
      copyFileSync(join(repoRoot, "pulumi", f), join(workDir, f));
    }
  }
  cpSync(join(repoRoot, "policies"), join(repo, "policies"), { recursive: true });

  const kube = new KubeConfig();
  kube.loadFromFile(kubeconfig);
  const core = kube.makeApiClient(CoreV1Api);
  const networking = kube.makeApiClient(NetworkingV1Api);

  const apiVersion = await kube.makeApiClient(VersionApi).getCode();
  const pulumiVersion = execFileSync(join(bin, "pulumi"), ["version"], { encoding: "utf8" }).trim();
  const provider = /k8sprov([0-9.]+)/.exec(basename(dirname(bin)))?.[1] ?? "unknown";
  const versions: E2eVersions = {
    pulumi: pulumiVersion,
    kubeApiserver: apiVersion.gitVersion,
    kubernetesProvider: provider,
    node: process.version,
  };

  const created = new Set<string>();
  return {
    bin,
    dir,
    kubeconfig,
    kube,
    core,
    networking,
    repo,
    workDir,
    engineEnv,
    versions,
    async ensureNamespaces(...names) {
      for (const name of names) {
        if (created.has(name)) continue;
        await core.createNamespace({ body: { metadata: { name } } });
        created.add(name);
      }
    },
    async listPolicies(namespace) {
      const list = await networking.listNamespacedNetworkPolicy({ namespace });
      return list.items.sort((a, b) => (a.metadata?.name ?? "").localeCompare(b.metadata?.name ?? ""));
    },
    stop() {
      stopControlPlane();
      stops.delete(stopControlPlane);
      process.env = savedEnv;
      if (!process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true });
    },
  };
}
