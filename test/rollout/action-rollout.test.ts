/**
 * The Action's deploy, rollback and probe commands from intent files to step outputs, over
 * the typed fakes of the rollout's ports.
 */
import { afterEach, describe, expect, it } from "vitest";
import { parseIntent, type IntentFile } from "../../action/src/intent/index.js";
import {
  runActionRollout,
  RolloutFailedError,
  type RolloutActionRequest,
  type RolloutIo,
} from "../../action/src/commands/action-rollout.js";
import type { RolloutDeps } from "../../action/src/commands/deploy/request.js";
import {
  FakeDeployer,
  FakeHistoryStore,
  FakeProbePhase,
  shopCluster,
  tempBundleFiles,
  fakeLocks,
} from "../fakes/rollout.js";

function envFile(name: string, promotion: number, prefix: string, extraFlow = ""): IntentFile {
  return {
    path: `policies/environments/${name}.yaml`,
    text: [
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
      ...(extraFlow === "" ? [] : [`  - ${extraFlow}`]),
      "",
    ].join("\n"),
  };
}

const STAGING = envFile("staging", 1, "staging-");
const PRODUCTION = envFile("production", 2, "");

function io() {
  const outputs: Record<string, string> = {};
  const summaries: string[] = [];
  const logs: string[] = [];
  const sink: RolloutIo = {
    info: (m) => logs.push(m),
    warn: (m) => logs.push(`warning: ${m}`),
    setOutput: (n, v) => {
      outputs[n] = v;
    },
    writeSummary: async (m) => {
      summaries.push(m);
    },
  };
  return { sink, outputs, summaries, logs };
}

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function setup(files: IntentFile[]) {
  const cluster = shopCluster({ prefixes: ["staging-", ""] });
  const deployer = new FakeDeployer(cluster);
  const probes = new FakeProbePhase(cluster);
  const history = new FakeHistoryStore();
  const bundleFiles = tempBundleFiles();
  cleanups.push(bundleFiles.cleanup);
  let clock = Date.parse("2026-11-30T08:00:00Z");
  const rollout: RolloutDeps = {
    engine: deployer,
    locks: fakeLocks(),
    readCluster: () => cluster.read(),
    history,
    probes,
    files: bundleFiles,
    compileAt: async () => undefined,
    now: () => new Date((clock += 1000)),
    log: () => undefined,
  };
  const reports: Record<string, string> = {};
  const deps = {
    readIntent: async () => parseIntent(files),
    rollout,
    writeReport: async (path: string, text: string) => {
      reports[path] = text;
    },
  };
  const settings = (over: Partial<RolloutActionRequest> = {}): RolloutActionRequest => ({
    command: "deploy",
    target: "last-known-good",
    reason: "",
    onInconclusive: "fail",
    breakGlass: "auto",
    revision: "c0ffee0000000000000000000000000000000000",
    run: { id: "11", actor: "alice", event: "push", url: "https://github.com/o/r/actions/runs/11" },
    temp: "/tmp/runner",
    hasSummary: true,
    secrets: ["s3cr3t-token-value"],
    ...over,
  });
  return { cluster, deployer, probes, history, deps, settings, reports };
}

describe("the deploy command", () => {
  it("deploys every environment in promotion order and sets the outputs", async () => {
    const s = setup([PRODUCTION, STAGING]);
    const out = io();
    await runActionRollout(s.settings(), s.deps, out.sink);
    expect(out.outputs).toMatchObject({
      "environments-deployed": "staging,production",
      "rolled-back": "false",
      "probe-failed": "0",
      revision: "c0ffee0000000000000000000000000000000000",
      drift: "false",
      report: "/tmp/runner/netpol-rollout/deploy-report.json",
    });
    expect(Number(out.outputs["probe-passed"])).toBeGreaterThan(0);
    expect(out.summaries[0]).toMatch(/^## netpol-rollout deploy: ✅ succeeded/);
    expect(JSON.parse(s.reports["/tmp/runner/netpol-rollout/deploy-report.json"]!).schemaVersion).toBe(1);
  });

  it("an invalid file in another environment refuses the deploy and changes nothing", async () => {
    const broken: IntentFile = { path: "policies/environments/dev.yaml", text: "promotion: 0\ncni: calco\n" };
    const s = setup([PRODUCTION, STAGING, broken]);
    const out = io();
    const run = runActionRollout(s.settings({ environments: ["production"] }), s.deps, out.sink);
    await expect(run).rejects.toThrow(RolloutFailedError);
    await expect(run).rejects.toThrow(
      /the intent is invalid.*nothing was deployed[\s\S]*policies\/environments\/dev\.yaml:2:/,
    );
    expect(out.summaries[0]).toMatch(/refused, the intent is invalid/);
    expect(s.deployer.ups).toEqual([]);
    expect(s.cluster.policies.size).toBe(0);
  });

  it("a rolled-back environment fails the step with one line saying so, and stops the promotion", async () => {
    const s = setup([PRODUCTION, STAGING]);
    await runActionRollout(s.settings(), s.deps, io().sink);
    s.probes.deviations.push((check, c) =>
      check.kind === "dns" && c.policies.has("NetworkPolicy/staging-shop/worker-egress")
        ? { outcome: "dns-failure", message: "timed out" }
        : undefined,
    );
    const changed = [PRODUCTION, envFile("staging", 1, "staging-", "worker -> ledger:5432")];
    const out = io();
    const deps = { ...s.deps, readIntent: async () => parseIntent(changed) };
    const run = runActionRollout(s.settings({ revision: "d00d" }), deps, out.sink);
    await expect(run).rejects.toThrow(/staging: rolled-back: .*rolled back to revision c0ffee000000/);
    expect(out.outputs).toMatchObject({ "rolled-back": "true", "environments-deployed": "" });
    expect(out.summaries[0]).toMatch(/\| production \| ⏭️ not started \|/);
  });

  it("an unknown environment is an error naming the known ones", async () => {
    const s = setup([PRODUCTION, STAGING]);
    await expect(runActionRollout(s.settings({ environments: ["prod"] }), s.deps, io().sink)).rejects.toThrow(
      /unknown environment 'prod'; environments: staging, production \(did you mean 'production'\?\)/,
    );
  });
});

describe("an environment that lists clusters", () => {
  const listed: IntentFile = {
    path: STAGING.path,
    text: `${STAGING.text}clusters:\n  - { name: eu-1, context: eu-1, canary: true }\n  - { name: eu-2, context: eu-2 }\n`,
  };

  it("is refused by deploy, rollback and probe before anything is read or changed", async () => {
    for (const command of ["deploy", "rollback", "probe"] as const) {
      const s = setup([PRODUCTION, listed]);
      const run = runActionRollout(
        s.settings({ command, environments: ["staging"], reason: "test" }),
        s.deps,
        io().sink,
      );
      await expect(run).rejects.toThrow(
        `staging: lists clusters (eu-1, eu-2), which ${command} does not roll out yet; nothing was changed`,
      );
      expect(s.deployer.ups).toEqual([]);
      expect(s.cluster.policies.size).toBe(0);
    }
  });

  it("leaves the environments without clusters to deploy as before", async () => {
    const s = setup([PRODUCTION, listed]);
    await runActionRollout(s.settings({ environments: ["production"] }), s.deps, io().sink);
    expect(s.cluster.policies.size).toBeGreaterThan(0);
  });
});

describe("the rollback command", () => {
  it("needs exactly one environment and a reason", async () => {
    const s = setup([PRODUCTION, STAGING]);
    await expect(
      runActionRollout(s.settings({ command: "rollback", reason: "x" }), s.deps, io().sink),
    ).rejects.toThrow(/exactly one environment; got staging, production/);
    await expect(
      runActionRollout(s.settings({ command: "rollback", environments: ["production"] }), s.deps, io().sink),
    ).rejects.toThrow(/needs a reason/);
  });

  it("refuses a target that does not exist", async () => {
    const s = setup([PRODUCTION, STAGING]);
    const out = io();
    await expect(
      runActionRollout(
        s.settings({ command: "rollback", environments: ["production"], reason: "test", target: "nope" }),
        s.deps,
        out.sink,
      ),
    ).rejects.toThrow(
      /target "nope" is not a recorded revision of production nor a git ref.*no revision is recorded yet/,
    );
    expect(s.deployer.ups).toEqual([]);
  });
});

describe("the probe command (drift watch)", () => {
  it("sets drift and fails the step when a policy was deleted by hand", async () => {
    const s = setup([PRODUCTION, STAGING]);
    await runActionRollout(s.settings(), s.deps, io().sink);
    s.cluster.remove("NetworkPolicy/billing/default-deny-all");
    const out = io();
    await expect(runActionRollout(s.settings({ command: "probe" }), s.deps, out.sink)).rejects.toThrow(
      /drift: production \(1 object changed by hand/,
    );
    expect(out.outputs["drift"]).toBe("true");
    expect(out.summaries[0]).toMatch(/\| deleted \| <code>NetworkPolicy\/billing\/default-deny-all<\/code>/);
  });

  it("passes without drift", async () => {
    const s = setup([PRODUCTION, STAGING]);
    await runActionRollout(s.settings(), s.deps, io().sink);
    const out = io();
    await runActionRollout(s.settings({ command: "probe" }), s.deps, out.sink);
    expect(out.outputs["drift"]).toBe("false");
  });
});
