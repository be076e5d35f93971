/**
 * The Action's `deploy`, `rollback` and `probe` commands run by `run()` of main.ts from
 * INPUT_* variables, over the real adapters: the cluster through @kubernetes/client-node
 * against the Kubernetes API fake (probe pods answered by its simulated dataplane), the
 * engine through the Automation API and the stand-in `pulumi` CLI, which applies each
 * step's bundle to the same fake over HTTP.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { join } from "node:path";
import { startFakeKube, type FakeKube, type Json } from "../fakes/kube-server.js";
import { probeDataplane, type ProbeDataplaneOptions } from "../fakes/probe-dataplane.js";
import { startFakeGitHub, type FakeGitHub } from "../fakes/github-server.js";
import {
  runActionOn,
  createWorkspace,
  policyNames,
  probeLeftovers,
  seedShop,
  shopIntent,
  type Workspace,
} from "../helpers/live-shop.js";

const SHA_A = "a1".repeat(20);
const SHA_B = "b2".repeat(20);

let fake: FakeKube | undefined;
let ws: Workspace | undefined;
let gh: FakeGitHub | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await gh?.close();
  gh = undefined;
  await fake?.close();
  ws?.cleanup();
  fake = undefined;
  ws = undefined;
  process.exitCode = undefined;
});

async function setup(dataplane: ProbeDataplaneOptions = {}) {
  fake = await startFakeKube({ podStartMs: 20, dataplane: probeDataplane(dataplane) });
  seedShop(fake, ["staging-", ""]);
  ws = createWorkspace(fake, {
    staging: shopIntent("staging", 1, "staging-"),
    production: shopIntent("production", 2, ""),
  });
  return { fake, ws };
}

/** Runs the Action as the runner would, with these inputs, on the current workspace. */
const runAction = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  runActionOn(ws!, inputs, { GITHUB_SHA: SHA_A, ...env });

const managed = (f: FakeKube, namespace: string) =>
  policyNames(f).filter((n) => n.startsWith(`${namespace}/`));

describe("the Action's deploy command", () => {
  it("deploys every environment in promotion order, proves it with probe pods, records it and tells the merged pull request", async () => {
    const { fake, ws } = await setup();
    gh = await startFakeGitHub();
    gh.seedCommitPulls("acme", "netpol", SHA_A, [{ number: 12, merged: true }]);
    const r = await runAction(
      { command: "deploy", "comment-on-pr": "true", "github-token": "ghs_deploytoken" },
      { GITHUB_API_URL: gh.url },
    );
    expect(r.failure, r.io.summary).toBeUndefined();
    expect(r.io.outputs).toMatchObject({
      "environments-deployed": "staging,production",
      "rolled-back": "false",
      "probe-failed": "0",
      "probe-inconclusive": "0",
      revision: SHA_A,
      report: join(ws.temp, "netpol-rollout/deploy-report.json"),
    });
    expect(Number(r.io.outputs["probe-passed"])).toBeGreaterThan(0);
    expect(r.io.summary).toMatch(/^## netpol-rollout deploy: ✅ succeeded/);
    // Every namespace of both environments holds its allows and its default-deny.
    for (const ns of ["staging-shop", "staging-billing", "shop", "billing"]) {
      expect(managed(fake, ns)).toContain(`${ns}/default-deny-all`);
      expect(managed(fake, ns).length).toBeGreaterThan(1);
    }
    // The history ConfigMaps name the revision as last-known-good.
    const history = fake.get("configmaps", "netpol-rollout", "netpol-rollout-lkg-production");
    expect(JSON.stringify(history)).toContain(SHA_A);
    // The probe pods ran in the fake (created through the API) and none is left.
    expect(fake.requests.some((q) => q.method === "POST" && q.path.endsWith("/pods"))).toBe(true);
    expect(await probeLeftovers(fake)).toEqual([]);
    // The merged pull request got the short result, once.
    const comments = gh.comments("acme", "netpol", 12);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toMatch(
      /^<!-- netpol-rollout:deploy-result \* -->\n\*\*netpol-rollout deploy of <code>a1a1a1a1a1a1<\/code>: ✅ deployed/,
    );
    expect(r.io.infos).toContain(`Result posted on pull request #12: ${comments[0]?.html_url}`);
    // The kubeconfig's token is masked for the log and appears in nothing written.
    expect(r.stdout).toContain(`::add-mask::${fake.token}`);
    expect(r.io.summary).not.toContain(fake.token);
  }, 60_000);

  it("a new flow the CNI does not enforce rolls the first environment back and stops the promotion", async () => {
    const dataplane: ProbeDataplaneOptions = {};
    const { fake, ws } = await setup(dataplane);
    const deployed = await runAction({ command: "deploy", environments: "staging" });
    expect(deployed.failure, deployed.io.summary).toBeUndefined();
    const proven = managed(fake, "staging-billing");
    // The CNI ignores the staging ledger's new ingress rule (the one for worker).
    dataplane.deviateOn = {
      namespace: "staging-billing",
      policy: "ledger-ingress",
      direction: "ingress",
      ruleIndex: 1,
    };
    ws.writeEnvironment("staging", shopIntent("staging", 1, "staging-", ["worker -> ledger:5432"]));
    ws.writeEnvironment("production", shopIntent("production", 2, "", ["worker -> ledger:5432"]));
    const r = await runAction({ command: "deploy" }, { GITHUB_SHA: SHA_B });
    expect(r.failure).toMatch(
      new RegExp(`staging: rolled-back: .*rolled back to revision ${SHA_A.slice(0, 12)}.*re-probe passed`),
    );
    expect(r.io.outputs).toMatchObject({ "environments-deployed": "", "rolled-back": "true" });
    expect(r.io.summary).toContain("rolled back");
    // Staging holds its proven objects again, default-deny included; production was never started.
    expect(managed(fake, "staging-billing")).toEqual(proven);
    expect(managed(fake, "billing")).toEqual([]);
    expect(managed(fake, "shop")).toEqual([]);
    expect(await probeLeftovers(fake)).toEqual([]);
  }, 60_000);

  it("a missing state namespace fails before anything is deployed, saying how to fix it", async () => {
    const { fake } = await setup();
    const r = await runAction({ command: "deploy", "state-namespace": "netpol-state" });
    expect(r.failure).toMatch(
      /state-namespace "netpol-state" does not exist in http:\/\/127\.0\.0\.1:\d+ \(context "fake"\).*kubectl create namespace netpol-state.*Nothing was deployed/,
    );
    expect(policyNames(fake)).toEqual([]);
  });

  it("an unknown context fails the step listing the kubeconfig's contexts", async () => {
    const { fake } = await setup();
    const r = await runAction({ command: "deploy", context: "prod" });
    expect(r.failure).toMatch(/context "prod" is not in .*kubeconfig; its contexts: fake, other/);
    expect(r.stdout).not.toContain(fake.token);
    expect(policyNames(fake)).toEqual([]);
  });

  it("without a Pulumi backend a deploy fails before it reads the cluster, naming what to set", async () => {
    const { fake } = await setup();
    const r = await runAction({ command: "deploy" }, { PULUMI_BACKEND_URL: "" });
    expect(r.failure).toMatch(/deploy needs the Pulumi engine: no Pulumi backend is configured/);
    expect(fake.requests).toEqual([]);
  });
});

describe("the Action's drift command (alias probe)", () => {
  it("finds a policy deleted by hand: output drift, the step fails", async () => {
    const { fake } = await setup();
    const deployed = await runAction({ command: "deploy", environments: "production" });
    expect(deployed.failure, deployed.io.summary).toBeUndefined();
    const deleted = fake
      .list("networkpolicies", "billing")
      .find((p) => (p.metadata as Json).name === "ledger-ingress");
    expect(deleted).toBeDefined();
    await fetch(`${fake.url}/apis/networking.k8s.io/v1/namespaces/billing/networkpolicies/ledger-ingress`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${fake.token}` },
    });
    const r = await runAction({ command: "drift", environments: "production" });

    expect(r.io.outputs["drift"]).toBe("true");
    expect(r.failure).toMatch(/drift: production/);
    expect(r.io.summary).toContain("NetworkPolicy/billing/ledger-ingress");
    expect(await probeLeftovers(fake)).toEqual([]);
  }, 60_000);
});

describe("the Action's rollback command", () => {
  it("rolls one environment back to a recorded revision, with who and why in its history", async () => {
    const { fake, ws } = await setup();
    const deployed = await runAction({ command: "deploy", environments: "production" });
    expect(deployed.failure, deployed.io.summary).toBeUndefined();
    const first = policyNames(fake);
    ws.writeEnvironment("production", shopIntent("production", 2, "", ["worker -> ledger:5432"]));
    const second = await runAction({ command: "deploy", environments: "production" }, { GITHUB_SHA: SHA_B });
    expect(second.failure, second.io.infos.join("\n")).toBeUndefined();
    expect(policyNames(fake)).not.toEqual(first);

    const r = await runAction(
      {
        command: "rollback",
        environments: "production",
        target: SHA_A.slice(0, 8),
        reason: "worker traffic must wait for the audit",
      },
      { GITHUB_EVENT_NAME: "workflow_dispatch", GITHUB_ACTOR: "bob", GITHUB_RUN_ID: "78" },
    );
    expect(r.failure, r.io.infos.join("\n")).toBeUndefined();
    expect(r.io.outputs["environments-deployed"]).toBe("production");
    // Production holds the first revision's objects again.
    expect(policyNames(fake)).toEqual(first);
    expect(r.io.summary).toContain("worker traffic must wait for the audit");
    const history = JSON.stringify(fake.get("configmaps", "netpol-rollout", "netpol-rollout-lkg-production"));
    expect(history).toContain("worker traffic must wait for the audit");
    expect(history).toContain("bob");
    expect(await probeLeftovers(fake)).toEqual([]);
  }, 90_000);

  it("a rollback without a reason is refused before anything runs", async () => {
    const { fake } = await setup();
    const r = await runAction({ command: "rollback", environments: "production" });
    expect(r.failure).toMatch(/reason: empty; a rollback needs a reason/);
    expect(fake.requests).toEqual([]);
  });
});
