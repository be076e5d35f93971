import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CommandError, ConcurrentUpdateError, StackNotFoundError } from "@pulumi/pulumi/automation/index.js";
import type { EngineEvent } from "@pulumi/pulumi/automation/index.js";
import { createPulumiEngine } from "../../action/src/adapters/pulumi.js";
import type { StackRunner } from "../../action/src/adapters/pulumi.js";
import { checkAvailability } from "../../action/src/adapters/pulumi-availability.js";
import type { AvailabilityProbes } from "../../action/src/adapters/pulumi-availability.js";
import { classifyPulumiError } from "../../action/src/adapters/pulumi-errors.js";
import { operationsFromEvents, topLevelKey } from "../../action/src/adapters/pulumi-events.js";
import { PulumiPreviewError, StackLockedError } from "../../action/src/ports/index.js";

const fixture = (name: string): EngineEvent[] =>
  JSON.parse(readFileSync(new URL(`./fixtures/pulumi/${name}`, import.meta.url), "utf8")) as EngineEvent[];

/** A CommandError as the Automation API builds it from a failed CLI run. */
function commandError<T extends Error>(
  cls: abstract new (...args: never[]) => T,
  stderr: string,
  err?: unknown,
): T {
  const result = { stdout: "", stderr, code: 255, err, toString: () => `code: 255\n stderr: ${stderr}` };
  return new (cls as unknown as new (r: unknown) => T)(result);
}

describe("operationsFromEvents", () => {
  it("maps a recorded preview to one operation per resource", () => {
    expect(operationsFromEvents(fixture("preview-production.events.json"))).toEqual([
      { op: "same", kind: "NetworkPolicy", name: "production/allow-dns", changedKeys: [] },
      { op: "update", kind: "NetworkPolicy", name: "production/database", changedKeys: ["spec"] },
      { op: "update", kind: "NetworkPolicy", name: "production/frontend", changedKeys: ["metadata", "spec"] },
      { op: "create", kind: "NetworkPolicy", name: "payments/default-deny-all", changedKeys: [] },
      // create-replacement, replace and delete-replaced of one URN are one replace.
      { op: "replace", kind: "NetworkPolicy", name: "production/api", changedKeys: ["spec"] },
      { op: "delete", kind: "NetworkPolicy", name: "production/legacy", changedKeys: [] },
      // The name is unknown until the update: the logical name stands in.
      { op: "create", kind: "CiliumNetworkPolicy", name: "production/api-fqdn", changedKeys: [] },
    ]);
  });

  it("keeps a provider change, which can replace everything", () => {
    const urn = "urn:pulumi:dev::netpol-rollout::pulumi:providers:kubernetes::default";
    const events: EngineEvent[] = [
      {
        sequence: 1,
        timestamp: 1,
        resourcePreEvent: {
          metadata: {
            op: "update",
            urn,
            type: "pulumi:providers:kubernetes",
            provider: "",
            diffs: ["kubeconfig"],
            new: {
              type: "pulumi:providers:kubernetes",
              urn,
              custom: true,
              id: "x",
              parent: "",
              inputs: {},
              outputs: {},
              provider: "",
            },
          },
        },
      },
    ];
    expect(operationsFromEvents(events)).toEqual([
      { op: "update", kind: "pulumi:providers:kubernetes", name: "default", changedKeys: ["kubeconfig"] },
    ]);
  });

  it("leaves out the provider a new stack creates, which is no cluster object", () => {
    const urn = "urn:pulumi:dev::netpol-rollout::pulumi:providers:kubernetes::default_4_34_2";
    const state = {
      type: "pulumi:providers:kubernetes",
      urn,
      custom: true,
      id: "",
      parent: "",
      inputs: {},
      outputs: {},
      provider: "",
    };
    const events: EngineEvent[] = [
      {
        sequence: 1,
        timestamp: 1,
        resourcePreEvent: {
          metadata: { op: "create", urn, type: "pulumi:providers:kubernetes", provider: "", new: state },
        },
      },
    ];
    expect(operationsFromEvents(events)).toEqual([]);
  });

  it("reduces property paths to their top-level key", () => {
    expect(topLevelKey("spec.ingress[0].from")).toBe("spec");
    expect(topLevelKey('metadata.labels["app.kubernetes.io/name"]')).toBe("metadata");
    expect(topLevelKey('["odd.key"].x')).toBe("odd.key");
    expect(topLevelKey("data")).toBe("data");
  });
});

describe("createPulumiEngine", () => {
  const options = {
    workDir: "/repo/pulumi",
    workspace: "/repo",
    env: { path: "/usr/bin", accessTokenSet: true },
    stackTemplate: "acme/{env}",
    policiesDir: "policies",
  };
  const replaying = (events: EngineEvent[], error?: unknown): StackRunner => ({
    preview(_stack, _env, onEvent) {
      for (const e of events) onEvent(e);
      return error === undefined ? Promise.resolve() : Promise.reject(error);
    },
  });

  it("previews the stack named by the template and returns its operations", async () => {
    const seen: string[] = [];
    const runner: StackRunner = {
      async preview(stack, environment, onEvent) {
        seen.push(`${stack} ${environment}`);
        for (const e of fixture("preview-production.events.json")) onEvent(e);
      },
    };
    const result = await createPulumiEngine(options, runner).preview("production");
    expect(seen).toEqual(["acme/production production"]);
    expect(result.status).toBe("ok");
    if (result.status === "ok") {
      expect(result.stack).toBe("acme/production");
      expect(result.operations).toHaveLength(7);
    }
  });

  it("a locked stack says so plainly", async () => {
    const locked = commandError(
      ConcurrentUpdateError,
      "error: [409] Conflict: Another update is currently in progress.\n",
    );
    const result = await createPulumiEngine(options, replaying([], locked)).preview("staging");
    expect(result).toEqual({
      status: "failed",
      stack: "acme/staging",
      error: "stack acme/staging is locked by another update; re-run the job when it has finished",
    });
  });

  it("a failed program is explained by the engine's error diagnostics, not raw output", async () => {
    const failed = commandError(CommandError, "error: preview failed\nsome progress output\n");
    const result = await createPulumiEngine(
      options,
      replaying(fixture("preview-failed.events.json"), failed),
    ).preview("staging");
    expect(result).toEqual({
      status: "failed",
      stack: "acme/staging",
      error:
        "pulumi preview of stack acme/staging failed: Running program '/work/repo/pulumi' failed with an unhandled exception: StackInputError: the intent in policies is invalid (2 errors)",
    });
  });

  it("drops the JavaScript stack frames of a program's exception", async () => {
    const diagnostic: EngineEvent = {
      sequence: 1,
      timestamp: 1,
      diagnosticEvent: {
        message:
          "Running program '/repo/pulumi/index.js' failed with an unhandled exception:\nError: boom\n    at Object.<anonymous> (/repo/pulumi/index.js:2:7)\n    at Module._compile (node:internal/modules/cjs/loader:1521:14)\n",
        color: "never",
        severity: "error",
      },
    };
    const failed = commandError(CommandError, "error: preview failed\n");
    const result = await createPulumiEngine(options, replaying([diagnostic], failed)).preview("dev");
    expect(result).toMatchObject({
      status: "failed",
      error:
        "pulumi preview of stack acme/dev failed: Running program '/repo/pulumi/index.js' failed with an unhandled exception: Error: boom",
    });
  });

  it("without diagnostics, the error lines of stderr are used", async () => {
    const failed = commandError(
      CommandError,
      "Previewing update (dev)\nerror: passphrase must be set with PULUMI_CONFIG_PASSPHRASE\n",
    );
    const result = await createPulumiEngine(options, replaying([], failed)).preview("dev");
    expect(result).toMatchObject({
      status: "failed",
      error: expect.stringContaining("error: passphrase must be set"),
    });
  });

  it("a CLI that cannot be started skips the engine part", async () => {
    const missing = Object.assign(new Error("spawn pulumi ENOENT"), { code: "ENOENT" });
    const result = await createPulumiEngine(options, replaying([], missing)).preview("dev");
    expect(result).toEqual({ status: "skipped", reason: "the pulumi CLI could not be started (not found)" });
  });
});

describe("classifyPulumiError", () => {
  it("maps the Automation API's typed errors", () => {
    expect(
      classifyPulumiError(
        commandError(ConcurrentUpdateError, "the stack is currently locked by 1 lock(s)"),
        "dev",
      ),
    ).toBeInstanceOf(StackLockedError);
    expect(
      classifyPulumiError(commandError(StackNotFoundError, "no stack named 'dev' found"), "dev").message,
    ).toBe("stack dev was not found");
    expect(classifyPulumiError(new Error("boom"), "dev")).toBeInstanceOf(PulumiPreviewError);
  });
});

describe("checkAvailability", () => {
  function probes(files: Record<string, string>, executables: string[]): AvailabilityProbes {
    return { isExecutable: (p) => executables.includes(p), readText: (p) => files[p] };
  }
  const project = { "/repo/pulumi/Pulumi.yaml": "name: netpol-rollout\nruntime: nodejs\n" };
  const input = (env: Partial<{ path: string; backendUrl: string; accessTokenSet: boolean }>) => ({
    workDir: "/repo/pulumi",
    workspace: "/repo",
    env: { path: "/usr/local/bin:/usr/bin", accessTokenSet: false, ...env },
  });

  it("needs a Pulumi project in work-dir", () => {
    expect(checkAvailability(input({ backendUrl: "file:///x" }), probes({}, ["/usr/bin/pulumi"]))).toEqual({
      available: false,
      reason: "no Pulumi project in pulumi (Pulumi.yaml not found)",
    });
  });

  it("needs the pulumi CLI on PATH, and never installs it", () => {
    expect(checkAvailability(input({ backendUrl: "file:///x" }), probes(project, []))).toEqual({
      available: false,
      reason: "the pulumi CLI is not installed (not found on PATH)",
    });
  });

  it("needs a backend", () => {
    expect(checkAvailability(input({}), probes(project, ["/usr/bin/pulumi"]))).toEqual({
      available: false,
      reason:
        "no Pulumi backend is configured (set PULUMI_BACKEND_URL, or PULUMI_ACCESS_TOKEN for Pulumi Cloud)",
    });
  });

  it("is available with the CLI and any of the backend settings", () => {
    const cli = ["/usr/bin/pulumi"];
    expect(checkAvailability(input({ backendUrl: "s3://state" }), probes(project, cli))).toEqual({
      available: true,
      cliPath: "/usr/bin/pulumi",
    });
    expect(checkAvailability(input({ accessTokenSet: true }), probes(project, cli)).available).toBe(true);
    const withBackend = {
      "/repo/pulumi/Pulumi.yaml": "name: x\nruntime: nodejs\nbackend:\n  url: file://~\n",
    };
    expect(checkAvailability(input({}), probes(withBackend, cli)).available).toBe(true);
  });

  it("finds the first pulumi on PATH", () => {
    const result = checkAvailability(
      input({ accessTokenSet: true }),
      probes(project, ["/usr/local/bin/pulumi", "/usr/bin/pulumi"]),
    );
    expect(result).toEqual({ available: true, cliPath: "/usr/local/bin/pulumi" });
  });
});
