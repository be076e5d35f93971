/**
 * The closed-loop harness: the tier's one real cluster (shared-cluster.ts), or a cluster of
 * its own (kind on GitHub), the real Pulumi engine on a `file://` backend pointed at that cluster's kubeconfig, a git
 * work tree holding the intent (one commit per revision, as a repository would), the
 * stand-in workloads the CLI prints (`netpol-rollout workloads`), the faults of faults.ts,
 * and the Action run as the runner runs it: `node dist/index.js` with INPUT_* variables,
 * GITHUB_* variables, RUNNER_TEMP, an output file and a job summary file.
 *
 * After every run, `leftovers()` lists what a run must never leave: probe pods and run
 * objects (anything labelled with a probe run).
 */
import { execFile, execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { parseAllDocuments } from "yaml";
import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  NetworkingV1Api,
  type KubernetesObject,
  type V1Pod,
} from "@kubernetes/client-node";
import { prepareShippedProgram } from "../../action/src/adapters/pulumi-program.js";
import { DEFAULT_PROBE_IMAGE } from "../../action/src/probe/pod.js";
import { PROBE_RUN_LABEL } from "../../action/src/probe/pod-script.js";
import { DEFAULT_WORKLOAD_IMAGE } from "../../action/src/compile/workloads.js";
import { deleteNamespaces, repoRoot, type Cluster } from "./cluster-harness.js";
import { faultInjector, kindFaultInjector, type FaultInjector } from "./faults.js";

export interface ActionRun {
  /** The step's exit code (1 when core.setFailed was called). */
  code: number;
  /** The failure message(s) the step printed (`::error::` lines). */
  errors: string[];
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  /** The JSON report the `report` output names, when written. */
  report?: { outputs?: Record<string, unknown>; report: RunReport };
  seconds: number;
}

/** The parts of the rollout report the scenarios read (action/src/rollout/outcome.ts). */
export interface RunReport {
  action?: string;
  drift?: boolean;
  environments: {
    environment: string;
    status: string;
    reason?: string;
    timeline: { at: string; phase: string; step: string; ok: boolean; detail: string }[];
    probes: {
      phase: string;
      step: string;
      decision?: string;
      result: {
        counts: { passed: number; failed: number; inconclusive: number; notChecked: number };
        rounds: number;
        coverage: string[];
        timing?: { firstRoundMs: number; caughtUpMs?: number; caughtUpBy?: string; endMs: number };
        results: {
          check: { id: string; kind: string; port: number; protocol: string; expect: string };
          observed: { outcome: string; detail?: string; evidence?: string; message?: string };
          classification: string;
        }[];
      };
    }[];
    rolledBackTo?: { revision: string | null };
    breakGlass?: string[];
    findings?: unknown[];
    drift?: boolean;
    probe?: { counts: { passed: number; failed: number; inconclusive: number } };
  }[];
}

export interface Loop {
  cluster: Cluster;
  faults: FaultInjector;
  /** The git work tree (GITHUB_WORKSPACE). */
  workspace: string;
  /** RUNNER_TEMP. */
  temp: string;
  /** The engine's variables: PATH with the real tools first, the file backend, PULUMI_HOME… */
  engineEnv: Record<string, string>;
  /** Commits the intent files given (paths under the work tree) and returns the commit. */
  commit(files: Record<string, string>, message: string): string;
  /** Runs the bundled Action with these inputs (names as in action.yml) at `sha`. */
  action(inputs: Record<string, string>, sha: string): Promise<ActionRun>;
  /** Probe pods and run objects anywhere in the cluster (there must be none between runs). */
  leftovers(): Promise<string[]>;
  /** Running stand-in pods by service name (app label). */
  standIns(): Promise<Map<string, V1Pod>>;
  /** Removes every fault, deletes the loop's namespaces (waiting until they are gone) and its files. */
  stop(): Promise<{ ms: number }>;
}

/** The namespaces a loop creates: the stand-ins', the probes' peer and the state namespace. */
export const LOOP_NAMESPACES = ["production", "ingress-nginx", "netpol-rollout"];

function git(cwd: string, args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "e2e",
      GIT_AUTHOR_EMAIL: "e2e@example.test",
      GIT_COMMITTER_NAME: "e2e",
      GIT_COMMITTER_EMAIL: "e2e@example.test",
    },
  }).trim();
}

/** Parses the runner's output file (`name<<DELIMITER` … `DELIMITER`, or `name=value`). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i] ?? "");
      out[name!] = value.join("\n");
    } else if (line.includes("=")) {
      out[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
    }
  }
  return out;
}

/** A cluster this harness does not start: kind on GitHub (see .github/workflows/e2e-kind.yml). */
export interface ExternalCluster {
  kubeconfig: string;
  /** The node's container, where faults are injected. */
  node: string;
  /** The CNI the cluster runs (calico, cilium). */
  cni: string;
}

/** E2E_LOOP_KUBECONFIG, E2E_LOOP_NODE and E2E_LOOP_CNI, when set: the scenarios run on that cluster. */
export function externalCluster(): ExternalCluster | undefined {
  const kubeconfig = process.env["E2E_LOOP_KUBECONFIG"];
  if (!kubeconfig) return undefined;
  return {
    kubeconfig,
    node: process.env["E2E_LOOP_NODE"] ?? "kind-control-plane",
    cni: process.env["E2E_LOOP_CNI"] ?? "unknown",
  };
}

/** The directory of the `pulumi` CLI on PATH, if any. */
export function pulumiOnPath(): string | undefined {
  for (const dir of (process.env["PATH"] ?? "").split(delimiter)) {
    if (dir && existsSync(join(dir, "pulumi"))) return dir;
  }
  return undefined;
}

/** The scenarios' view of a cluster they did not start: the same clients. */
function attach(external: ExternalCluster): Cluster {
  const kube = new KubeConfig();
  kube.loadFromFile(external.kubeconfig);
  return {
    dir: "",
    kubeconfig: external.kubeconfig,
    env: { CLUSTER_DNS: "10.96.0.10", CNI: external.cni },
    kube,
    core: kube.makeApiClient(CoreV1Api),
    apps: kube.makeApiClient(AppsV1Api),
    networking: kube.makeApiClient(NetworkingV1Api),
    objects: KubernetesObjectApi.makeApiClient(kube),
    startMs: 0,
  };
}

/**
 * Sets up everything around a running cluster: the tier's one cluster (`cluster`) or
 * `external`. `standIns` is an environment file for `production` declaring every service and
 * port any revision of the scenarios uses: the stand-ins are printed from it by the CLI and
 * applied once. A failed set-up removes what it made.
 */
export async function startLoop(
  options: { engineBin: string; standIns: string } & (
    { cluster: Cluster; external?: undefined } | { external: ExternalCluster; cluster?: undefined }
  ),
): Promise<Loop> {
  const cluster = options.external ? attach(options.external) : options.cluster;
  const dir = mkdtempSync(join(tmpdir(), "netpol-loop-"));
  const cleanUp = async (): Promise<void> => {
    await deleteNamespaces(cluster, LOOP_NAMESPACES);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    return await setUp(cluster, dir, options, cleanUp);
  } catch (error) {
    await cleanUp().catch(() => undefined);
    throw error;
  }
}

async function setUp(
  cluster: Cluster,
  dir: string,
  options: { engineBin: string; standIns: string; external?: ExternalCluster },
  cleanUp: () => Promise<void>,
): Promise<Loop> {
  if (!options.external) {
    const ctr = (args: string[]) =>
      execFileSync(
        "ctr",
        ["--address", join(cluster.dir, "containerd/containerd.sock"), "-n", "k8s.io", ...args],
        { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
      );
    // The cluster holds one agnhost image, never pulled; the probe pods name the product's default tag.
    if ((DEFAULT_PROBE_IMAGE as string) !== DEFAULT_WORKLOAD_IMAGE)
      ctr(["images", "tag", "--force", DEFAULT_WORKLOAD_IMAGE, DEFAULT_PROBE_IMAGE]);
  }

  // The work tree: the shipped intent as the first commit.
  const workspace = join(dir, "workspace");
  mkdirSync(workspace);
  git(workspace, ["init", "-q", "-b", "main"]);
  cpSync(join(repoRoot, "policies"), join(workspace, "policies"), { recursive: true });
  git(workspace, ["add", "-A"]);
  git(workspace, ["commit", "-q", "-m", "The shipped intent"]);

  // The runner's temp dir, with the shipped program's SDK already installed (as a previous
  // step of the job would have): the repository's node_modules, never a download.
  const temp = join(dir, "runner-temp");
  mkdirSync(temp);
  await prepareShippedProgram(
    { actionDir: repoRoot, temp, project: "netpol-rollout" },
    async (_cmd, _args, cwd) => {
      symlinkSync(join(repoRoot, "node_modules"), join(cwd, "node_modules"));
    },
  );

  // The engine: a file backend next to the cluster, never any plugin download.
  const state = join(dir, "pulumi-state");
  mkdirSync(state);
  mkdirSync(join(dir, "pulumi-home"));
  const engineEnv: Record<string, string> = {
    PATH: `${options.engineBin}${delimiter}${process.env["PATH"] ?? ""}`,
    PULUMI_BACKEND_URL: `file://${state}`,
    PULUMI_CONFIG_PASSPHRASE: "e2e",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    // Locally the provider plugin is built, never downloaded; on GitHub the workflow installs it.
    ...(options.external
      ? {}
      : { PULUMI_HOME: join(dir, "pulumi-home"), PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true" }),
  };

  // The peer namespace the probes call from and the state namespace (the stand-ins' comes
  // with them).
  for (const name of ["ingress-nginx", "netpol-rollout"])
    await cluster.core.createNamespace({ body: { metadata: { name } } });
  const standIns = join(dir, "stand-ins");
  mkdirSync(join(standIns, "policies/environments"), { recursive: true });
  writeFileSync(join(standIns, "policies/environments/production.yaml"), options.standIns);
  const printed = execFileSync(
    process.execPath,
    [
      join(repoRoot, "dist/cli.js"),
      "workloads",
      "--env",
      "production",
      "--image-pull-policy",
      options.external ? "IfNotPresent" : "Never",
    ],
    { encoding: "utf8", cwd: standIns },
  );
  for (const doc of parseAllDocuments(printed)) {
    const obj = doc.toJS() as KubernetesObject | null;
    if (obj) await cluster.objects.create(obj);
  }

  // kube-router as it ships: a denied connection is rejected (the client sees it refused).
  const faults: FaultInjector = options.external
    ? kindFaultInjector(options.external.node, options.external.cni)
    : faultInjector(cluster.env["NETNS"] ?? "");
  let runs = 0;

  const loop: Loop = {
    cluster,
    faults,
    workspace,
    temp,
    engineEnv,
    commit(files, message) {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(workspace, path, ".."), { recursive: true });
        writeFileSync(join(workspace, path), text);
      }
      git(workspace, ["add", "-A"]);
      git(workspace, ["commit", "-q", "--allow-empty", "-m", message]);
      return git(workspace, ["rev-parse", "HEAD"]);
    },
    async action(inputs, sha) {
      runs++;
      const output = join(temp, `output-${runs}`);
      const summary = join(temp, `summary-${runs}`);
      const event = join(temp, `event-${runs}.json`);
      writeFileSync(output, "");
      writeFileSync(summary, "");
      writeFileSync(event, JSON.stringify({ after: sha, head_commit: { id: sha } }));
      git(workspace, ["checkout", "-q", "--detach", sha]);
      const env: Record<string, string> = {
        // What the runner passes to a node24 action, and nothing of this process's own.
        HOME: process.env["HOME"] ?? "/root",
        ...engineEnv,
        GITHUB_ACTIONS: "true",
        CI: "true",
        GITHUB_WORKSPACE: workspace,
        GITHUB_SHA: sha,
        GITHUB_REF: "refs/heads/main",
        GITHUB_EVENT_NAME: inputs["command"] === "deploy" ? "push" : "workflow_dispatch",
        GITHUB_EVENT_PATH: event,
        GITHUB_REPOSITORY: "example/netpol",
        GITHUB_REPOSITORY_OWNER: "example",
        GITHUB_RUN_ID: String(1000 + runs),
        GITHUB_RUN_ATTEMPT: "1",
        GITHUB_ACTOR: "e2e",
        GITHUB_WORKFLOW: "e2e",
        GITHUB_JOB: "deploy",
        // No GitHub API in this test: a closed loopback port, and no token.
        GITHUB_SERVER_URL: "http://127.0.0.1:9",
        GITHUB_API_URL: "http://127.0.0.1:9",
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
        RUNNER_TEMP: temp,
        RUNNER_OS: "Linux",
        "INPUT_GITHUB-TOKEN": "",
        INPUT_KUBECONFIG: cluster.kubeconfig,
      };
      for (const [name, value] of Object.entries(inputs))
        env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = value;
      const started = performance.now();
      const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
        execFile(
          process.execPath,
          [join(repoRoot, "dist/index.js")],
          { cwd: workspace, env, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 },
          (error, out, err) => {
            const c = error ? (typeof error.code === "number" ? error.code : 1) : 0;
            resolve({ code: c, stdout: `${out}${err}` });
          },
        );
      });
      const seconds = (performance.now() - started) / 1000;
      const outputs = parseOutputFile(readFileSync(output, "utf8"));
      const reportPath = outputs["report"];
      const errors = stdout
        .split("\n")
        .filter((l) => l.startsWith("::error"))
        .map((l) =>
          l
            .replace(/^::error[^:]*::/, "")
            .replace(/%0A/g, "\n")
            .replace(/%25/g, "%"),
        );
      return {
        code,
        errors,
        stdout,
        outputs,
        summary: readFileSync(summary, "utf8"),
        ...(reportPath && existsSync(reportPath)
          ? { report: JSON.parse(readFileSync(reportPath, "utf8")) as ActionRun["report"] }
          : {}),
        seconds,
      };
    },
    async leftovers() {
      const selector = { labelSelector: PROBE_RUN_LABEL };
      const [pods, maps] = await Promise.all([
        cluster.core.listPodForAllNamespaces(selector),
        cluster.core.listConfigMapForAllNamespaces(selector),
      ]);
      return [
        ...pods.items.map((p) => `pod ${p.metadata?.namespace}/${p.metadata?.name}`),
        ...maps.items.map((m) => `configmap ${m.metadata?.namespace}/${m.metadata?.name}`),
      ];
    },
    async standIns() {
      const deadline = Date.now() + 120_000;
      for (;;) {
        const pods = (await cluster.core.listNamespacedPod({ namespace: "production" })).items.filter(
          (p) =>
            !p.metadata?.labels?.[PROBE_RUN_LABEL] &&
            !p.metadata?.deletionTimestamp &&
            p.status?.phase === "Running" &&
            (p.status.containerStatuses ?? []).every((c) => c.ready),
        );
        const byApp = new Map(pods.map((p) => [p.metadata?.labels?.["app"] ?? "", p]));
        if (byApp.size >= 3) return byApp;
        if (Date.now() > deadline) throw new Error(`stand-ins not running: ${[...byApp.keys()].join(", ")}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    },
    async stop() {
      const t = performance.now();
      faults.clear();
      await cleanUp();
      return { ms: Math.round(performance.now() - t) };
    },
  };
  return loop;
}
