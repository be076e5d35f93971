/**
 * A small shop on the Kubernetes API fake, for the rollout commands run for real: the
 * namespaces, running pods and the cluster DNS the intent below names; a workspace with the
 * intent files and a Pulumi project for the stand-in engine; a kubeconfig file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { vi } from "vitest";
import type { SignalSource } from "../../action/src/adapters/cancel.js";
import { run } from "../../action/src/main.js";
import { createFakeActionIo, type FakeActionIo } from "../fakes/action-io.js";
import type { FakeKube, Json } from "../fakes/kube-server.js";
import { PROBE_RUN_LABEL } from "../../action/src/probe/pod-script.js";

/** The directory of the stand-in `pulumi` CLI. */
export const STAND_IN_PULUMI_BIN = join(dirname(fileURLToPath(import.meta.url)), "../fakes/pulumi/bin");

/** An environment file: a shop and a billing namespace (names prefixed), ingress from an unmanaged namespace. */
export function shopIntent(
  name: string,
  promotion: number,
  prefix: string,
  extraFlows: string[] = [],
): string {
  return [
    `promotion: ${promotion}`,
    "cni: calico",
    "namespaces:",
    "  ingress-nginx: { managed: false, podLabels: { app.kubernetes.io/name: ingress-nginx } }",
    `  ${prefix}shop:`,
    "    services:",
    "      frontend: { labels: { app: frontend }, ports: [80] }",
    "      api: { labels: { app: api }, ports: [8080] }",
    "      worker: { labels: { app: worker }, ports: [9000] }",
    `  ${prefix}billing:`,
    "    services:",
    "      ledger: { labels: { app: ledger }, ports: [5432] }",
    "flows:",
    "  - ingress-nginx -> frontend:80",
    "  - frontend -> api:8080",
    "  - api -> ledger:5432",
    ...extraFlows.map((f) => `  - ${f}`),
    "",
  ].join("\n");
}

/** Seeds the namespaces, running pods and kube-dns the shop intent needs, for each name prefix. */
export function seedShop(fake: FakeKube, prefixes: string[] = [""], stateNamespace = "netpol-rollout"): void {
  const namespaces = ["kube-system", "ingress-nginx", stateNamespace];
  for (const p of prefixes) namespaces.push(`${p}shop`, `${p}billing`);
  fake.seed(
    "namespaces",
    namespaces.map((name) => ({ metadata: { name, labels: { "kubernetes.io/metadata.name": name } } })),
  );
  let ip = 10;
  const pod = (namespace: string, name: string, labels: Json, ports: Json[]) => {
    const address = `10.1.0.${ip++}`;
    return {
      metadata: { namespace, name, labels },
      spec: { containers: [{ name: "main", image: "app", ports }] },
      status: { phase: "Running", podIP: address, podIPs: [{ ip: address }] },
    };
  };
  const pods: Json[] = [
    pod("ingress-nginx", "controller-1", { "app.kubernetes.io/name": "ingress-nginx" }, [
      { containerPort: 80 },
    ]),
    pod("kube-system", "coredns-1", { "k8s-app": "kube-dns" }, [
      { containerPort: 53, protocol: "UDP" },
      { containerPort: 53, protocol: "TCP" },
    ]),
  ];
  for (const p of prefixes) {
    pods.push(
      pod(`${p}shop`, "frontend-1", { app: "frontend" }, [{ containerPort: 80 }]),
      pod(`${p}shop`, "api-1", { app: "api" }, [{ containerPort: 8080 }]),
      pod(`${p}shop`, "worker-1", { app: "worker" }, [{ containerPort: 9000 }]),
      pod(`${p}billing`, "ledger-1", { app: "ledger" }, [{ containerPort: 5432 }]),
    );
  }
  fake.seed("pods", pods);
  fake.seed("services", [
    {
      metadata: { namespace: "kube-system", name: "kube-dns" },
      spec: {
        clusterIP: "10.96.0.10",
        selector: { "k8s-app": "kube-dns" },
        ports: [
          { port: 53, protocol: "UDP", targetPort: 53 },
          { port: 53, protocol: "TCP", targetPort: 53 },
        ],
      },
    },
  ]);
}

export interface Workspace {
  /** The repository checkout. */
  dir: string;
  /** RUNNER_TEMP. */
  temp: string;
  /** The kubeconfig file (outside the checkout, as a workflow writes it from a secret). */
  kubeconfig: string;
  /** The stand-in engine's state (stack config and outputs). */
  pulumiState: string;
  /** Writes (or replaces) an environment file. */
  writeEnvironment(name: string, text: string): void;
  cleanup(): void;
}

/** A checkout with a Pulumi project in `pulumi/` (run by the stand-in CLI) and the given environment files. */
export function createWorkspace(fake: FakeKube, environments: Record<string, string>): Workspace {
  const root = mkdtempSync(join(tmpdir(), "netpol-action-"));
  const dir = join(root, "repo");
  const temp = join(root, "runner-temp");
  mkdirSync(join(dir, "policies/environments"), { recursive: true });
  mkdirSync(join(dir, "pulumi"), { recursive: true });
  mkdirSync(temp, { recursive: true });
  writeFileSync(join(dir, "pulumi/Pulumi.yaml"), "name: netpol-rollout\nruntime: nodejs\n");
  const kubeconfig = join(root, "kubeconfig");
  writeFileSync(kubeconfig, fake.kubeconfig());
  const writeEnvironment = (name: string, text: string) =>
    writeFileSync(join(dir, "policies/environments", `${name}.yaml`), text);
  for (const [name, text] of Object.entries(environments)) writeEnvironment(name, text);
  return {
    dir,
    temp,
    kubeconfig,
    pulumiState: join(root, "pulumi-state"),
    writeEnvironment,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Probe pods and run objects still in the fake (after its garbage collector settled). */
export async function probeLeftovers(fake: FakeKube): Promise<string[]> {
  await fake.settle();
  return [...fake.list("pods"), ...fake.list("configmaps")]
    .filter((o) => ((o.metadata as Json).labels as Json | undefined)?.[PROBE_RUN_LABEL] !== undefined)
    .map((o) => `${String((o.metadata as Json).namespace)}/${String((o.metadata as Json).name)}`);
}

/** "namespace/name" of every NetworkPolicy in the fake, sorted. */
export function policyNames(fake: FakeKube): string[] {
  return fake
    .list("networkpolicies")
    .map((p) => `${String((p.metadata as Json).namespace)}/${String((p.metadata as Json).name)}`)
    .sort();
}

export interface ActionRun {
  io: FakeActionIo;
  /** The `::error::` line the step failed with, if it failed. */
  failure?: string;
  stdout: string;
}

/**
 * Runs the Action as the runner would (`run()` of main.ts), with these inputs, over the
 * workspace's kubeconfig and the stand-in engine; short waits suited to the fake.
 */
export async function runActionOn(
  w: Workspace,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  options: { signals?: SignalSource } = {},
): Promise<ActionRun> {
  const io = createFakeActionIo();
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await run({
      io,
      cwd: w.dir,
      env: {
        PATH: `${STAND_IN_PULUMI_BIN}:${process.env.PATH ?? ""}`,
        PULUMI_BACKEND_URL: `file://${w.pulumiState}`,
        GITHUB_WORKSPACE: w.dir,
        RUNNER_TEMP: w.temp,
        GITHUB_STEP_SUMMARY: join(w.temp, "summary.md"),
        GITHUB_REPOSITORY: "acme/netpol",
        GITHUB_RUN_ID: "77",
        GITHUB_ACTOR: "alice",
        GITHUB_EVENT_NAME: "push",
        INPUT_KUBECONFIG: w.kubeconfig,
        "INPUT_PROBE-TIMEOUT": "1",
        "INPUT_COMMENT-ON-PR": "false",
        ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
        ...env,
      },
      ...(options.signals ? { signals: options.signals } : {}),
      rollout: {
        clusterOptions: { timeoutMs: 2000, retry: { baseDelayMs: 5, maxDelayMs: 50 } },
        // Generous waits: a loaded machine must not turn a slow log read into an inconclusive check.
        proberOptions: { pollMs: 50, graceMs: 2000, startTimeoutMs: 10_000 },
        reprobe: { deadlineSeconds: 1, settleSeconds: 0.2 },
      },
    });
  } finally {
    spy.mockRestore();
  }
  const stdout = written.join("");
  const failure = stdout.split("\n").find((l) => l.startsWith("::error::"));
  process.exitCode = undefined;
  return { io, stdout, ...(failure ? { failure } : {}) };
}
