/**
 * The deployer's error mapping and step order, over engine events recorded from a real
 * `pulumi up` (test/e2e tools: pulumi 3.274.1, pulumi-resource-kubernetes 4.34.2,
 * kube-apiserver 1.35.4) whose environment's namespace did not exist in the cluster.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { EngineEvent } from "@pulumi/pulumi/automation/index.js";
import { describe, expect, it } from "vitest";
import { createPulumiDeployer } from "../../action/src/adapters/pulumi.js";
import { classifyDeployError } from "../../action/src/adapters/pulumi-errors.js";
import { completedSteps } from "../../action/src/adapters/pulumi-events.js";
import { PulumiCliMissingError, PulumiDeployError, StackLockedError } from "../../action/src/ports/index.js";
import type { UpRunner } from "../../action/src/adapters/pulumi.js";
import { compileEnvironment } from "../../action/src/compile/index.js";
import { planStack } from "../../action/src/rollout/stack.js";
import { buildEnvironment } from "../helpers/intent-builder.js";

const ENV = { path: "/usr/bin", accessTokenSet: false };

const fixture = (name: string): EngineEvent[] =>
  JSON.parse(readFileSync(join(import.meta.dirname, "fixtures/pulumi", name), "utf8")) as EngineEvent[];

/** What the Automation API throws for a failed `pulumi up` (a CommandError with the CLI's stderr). */
function commandError(name: string, stderr: string): Error {
  const error = new Error(`code: 255\n stderr: ${stderr}`);
  error.name = name;
  Object.assign(error, { commandResult: { stderr, stdout: "", code: 255 } });
  return error;
}

describe("deploy errors", () => {
  it("a resource the API server refuses is named with its intent line", () => {
    const error = classifyDeployError(
      commandError("CommandError", "error: update failed\n"),
      "staging",
      fixture("up-namespace-missing.events.json"),
    );
    expect(error).toBeInstanceOf(PulumiDeployError);
    expect(error.message).toBe(
      "pulumi up of stack staging failed: " +
        'NetworkPolicy staging/allow-dns (policies/templates/frontend-api-db.yaml:27) was not successfully created by the Kubernetes API server: namespaces "staging" not found; ' +
        'NetworkPolicy staging/api-egress (policies/templates/frontend-api-db.yaml:33) was not successfully created by the Kubernetes API server: namespaces "staging" not found; ' +
        "update failed",
    );
    expect((error as PulumiDeployError).sources).toEqual([
      "policies/templates/frontend-api-db.yaml:27",
      "policies/templates/frontend-api-db.yaml:33",
    ]);
  });

  it("a failed resource without a diagnostic of its own is still named", () => {
    const events = fixture("up-namespace-missing.events.json").filter(
      (e) =>
        !(e.diagnosticEvent?.severity === "error" && e.diagnosticEvent.urn?.endsWith("staging/api-egress")),
    );
    const error = classifyDeployError(
      commandError("CommandError", "error: update failed\n"),
      "staging",
      events,
    );
    expect(error.message).toContain(
      "pulumi up of stack staging failed: NetworkPolicy staging/api-egress (policies/templates/frontend-api-db.yaml:33) failed; ",
    );
    expect((error as PulumiDeployError).sources).toContain("policies/templates/frontend-api-db.yaml:33");
  });

  it("without engine events, the CLI's error lines explain the failure", () => {
    const error = classifyDeployError(
      commandError("CommandError", "Updating (dev):\nerror: could not load plugin kubernetes\n"),
      "dev",
      [],
    );
    expect(error).toBeInstanceOf(PulumiDeployError);
    expect(error.message).toBe("pulumi up of stack dev failed: error: could not load plugin kubernetes");
    expect((error as PulumiDeployError).sources).toEqual([]);
  });

  it("a locked stack and a missing CLI keep their own types", () => {
    const locked = classifyDeployError(
      commandError("ConcurrentUpdateError", "error: the stack is currently locked by 1 lock(s)."),
      "production",
      [],
    );
    expect(locked).toBeInstanceOf(StackLockedError);
    expect(locked.message).toBe(
      "stack production is locked by another update; re-run the job when it has finished",
    );
    const missing = classifyDeployError(
      Object.assign(new Error("spawn pulumi ENOENT"), { code: "ENOENT" }),
      "p",
      [],
    );
    expect(missing).toBeInstanceOf(PulumiCliMissingError);
  });

  it("a self-managed backend's lock names its holder", () => {
    const locked = classifyDeployError(
      commandError(
        "ConcurrentUpdateError",
        "error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.\n" +
          "  file:///state/.pulumi/locks/organization/netpol-rollout/production/8c1d.json: created by ci@runner-1 (pid 4242) at 2026-11-26T13:41:19Z",
      ),
      "production",
      [],
    );
    expect(locked.message).toBe(
      "stack production is locked by another update (ci@runner-1, pid 4242, since 2026-11-26T13:41:19Z); re-run the job when it has finished",
    );
  });
});

describe("the deployer", () => {
  const recording = (outcome: (onEvent: (e: EngineEvent) => void) => Promise<Record<string, unknown>>) => {
    const configs: Record<string, string | undefined>[] = [];
    const previews: Record<string, string | undefined>[] = [];
    let previewEvents: EngineEvent[] = [];
    const runner: UpRunner = {
      up(_stack, config, onEvent) {
        configs.push(config);
        return outcome(onEvent);
      },
      async preview(_stack, config, onEvent) {
        previews.push(config);
        for (const e of previewEvents) onEvent(e);
      },
    };
    return {
      runner,
      configs,
      previews,
      reportInPreview: (events: EngineEvent[]) => (previewEvents = events),
    };
  };

  it("sets the stage, and clears a bundle file and revision not given this time", async () => {
    const outputs = planStack({
      environment: "production",
      stage: "allow",
      revision: null,
      bundle: compileEnvironment(
        buildEnvironment({
          name: "production",
          namespaces: { shop: { services: { web: { ports: [80] } } } },
        }),
      ),
      excludedNamespaces: [],
      from: "intent",
      origin: "the compiled intent of environment production",
      monitoring: { enabled: false, namespace: "monitoring", labels: {} },
      kyverno: { enabled: false, action: "Audit" },
    }).outputs;
    const { runner, configs } = recording(() =>
      Promise.resolve(JSON.parse(JSON.stringify({ ...outputs, clusterUid: "c54eb4e3" }))),
    );
    const deployer = createPulumiDeployer(
      { workDir: "/repo/pulumi", stackTemplate: "acme/{env}", env: ENV },
      runner,
    );
    await deployer.up("production", { stage: "enforce", bundleFile: "/lkg/p.json", revision: "abc" });
    const result = await deployer.up("production", { stage: "allow" });
    expect(result.stack).toBe("acme/production");
    expect(result.outputs).toEqual({ ...outputs, clusterUid: "c54eb4e3" });
    expect(configs).toEqual([
      {
        "netpol-rollout:environment": "production",
        "netpol-rollout:stage": "enforce",
        "netpol-rollout:policiesDir": undefined,
        "netpol-rollout:bundleFile": "/lkg/p.json",
        "netpol-rollout:revision": "abc",
      },
      {
        "netpol-rollout:environment": "production",
        "netpol-rollout:stage": "allow",
        "netpol-rollout:policiesDir": undefined,
        "netpol-rollout:bundleFile": undefined,
        "netpol-rollout:revision": undefined,
      },
    ]);
  });

  it("maps the events of a failed run to the refused resources", async () => {
    const { runner } = recording((onEvent) => {
      for (const e of fixture("up-namespace-missing.events.json")) onEvent(e);
      return Promise.reject(commandError("CommandError", "error: update failed\n"));
    });
    const deployer = createPulumiDeployer(
      { workDir: "/repo/pulumi", stackTemplate: "{env}", env: ENV },
      runner,
    );
    await expect(deployer.up("staging", { stage: "allow" })).rejects.toThrow(
      /^pulumi up of stack staging failed: NetworkPolicy staging\/allow-dns \(policies\/templates\/frontend-api-db\.yaml:27\) /,
    );
  });

  it("completed steps keep the engine's order and leave out the stack", () => {
    const step = (
      op: string,
      name: string,
      type = "kubernetes:networking.k8s.io/v1:NetworkPolicy",
    ): EngineEvent =>
      ({
        sequence: 0,
        timestamp: 0,
        resOutputsEvent: {
          metadata: {
            op,
            urn: `urn:pulumi:p::netpol-rollout::${type}::${name}`,
            type,
            provider: "",
            new: {
              type,
              urn: "",
              custom: true,
              inputs: { metadata: { name: name.split("/")[1], namespace: name.split("/")[0] } },
              outputs: {},
            },
          },
        },
      }) as unknown as EngineEvent;
    expect(
      completedSteps([
        // The refresh before the update reads each object; it is no step of the update.
        step("refresh", "production/allow-dns"),
        step("create", "production/allow-dns"),
        step("same", "netpol-rollout-production", "pulumi:pulumi:Stack"),
        step("create", "production/default-deny-all"),
      ]),
    ).toEqual([
      { op: "create", kind: "NetworkPolicy", name: "production/allow-dns" },
      { op: "create", kind: "NetworkPolicy", name: "production/default-deny-all" },
    ]);
  });
});
