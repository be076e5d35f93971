/**
 * The Pulumi adapter through the real Automation API, with a stand-in `pulumi` CLI
 * (test/fakes/pulumi/bin/pulumi) that replays recorded engine events. The adapter gets the
 * CLI and the engine's environment explicitly; this process's environment is not touched.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPulumiDeployer, createPulumiEngine } from "../../action/src/adapters/pulumi.js";

const fakeCli = join(import.meta.dirname, "../fakes/pulumi/bin/pulumi");
const events = join(import.meta.dirname, "fixtures/pulumi/preview-production.events.json");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "netpol-pulumi-"));
  writeFileSync(join(dir, "Pulumi.yaml"), "name: netpol-rollout\nruntime: nodejs\n");
  writeFileSync(join(dir, "Pulumi.production.yaml"), "config:\n  netpol-rollout:environment: production\n");
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const calls = (): string[][] =>
  readFileSync(join(dir, "calls.log"), "utf8")
    .trim()
    .split("\n")
    .map((l) => (JSON.parse(l) as { args: string[] }).args);

const engine = (stackTemplate = "{env}", policiesDir = "policies", extra: Record<string, string> = {}) =>
  createPulumiEngine({
    workDir: dir,
    workspace: join(dir, ".."),
    // Only what is passed here reaches the stand-in CLI's stack operations.
    env: {
      path: "/usr/bin:/bin",
      backendUrl: "file://~",
      accessTokenSet: false,
      vars: {
        FAKE_PULUMI_LOG: join(dir, "calls.log"),
        FAKE_PULUMI_EVENTS: events,
        PULUMI_HOME: join(dir, ".pulumi"),
        ...extra,
      },
    },
    cliPath: fakeCli,
    stackTemplate,
    policiesDir,
  });

describe("the Pulumi adapter over the Automation API", () => {
  it("selects the stack, previews it and maps the engine events", async () => {
    const result = await engine().preview("production");
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.stack).toBe("production");
    expect(result.operations.map((o) => `${o.op} ${o.kind} ${o.name}`)).toEqual([
      "same NetworkPolicy production/allow-dns",
      "update NetworkPolicy production/database",
      "update NetworkPolicy production/frontend",
      "create NetworkPolicy payments/default-deny-all",
      "replace NetworkPolicy production/api",
      "delete NetworkPolicy production/legacy",
      "create CiliumNetworkPolicy production/api-fqdn",
    ]);
    const commands = calls().map((args) => args.filter((a) => !a.startsWith("--") || a === "--create"));
    expect(commands.some((c) => c[0] === "stack" && c[1] === "select" && c.includes("production"))).toBe(
      true,
    );
    const preview = calls().find((args) => args[0] === "preview");
    expect(preview).toContain("--suppress-outputs");
    // The environment is already in the stack file: no config is written.
    expect(calls().some((args) => args[0] === "config")).toBe(false);
  });

  it("sets the environment on a stack that has no stack file, and a non-default policies dir", async () => {
    const result = await engine("acme/{env}-net", "infra/policies").preview("staging");
    expect(result).toMatchObject({ status: "ok", stack: "acme/staging-net" });
    const config = calls().filter((args) => args[0] === "config");
    expect(config).toHaveLength(2);
    expect(config[0]).toEqual(
      expect.arrayContaining(["set", "netpol-rollout:environment", "--stack", "acme/staging-net", "staging"]),
    );
    expect(config[1]).toEqual(
      expect.arrayContaining([
        "set",
        "netpol-rollout:policiesDir",
        "--stack",
        "acme/staging-net",
        "infra/policies",
      ]),
    );
  });

  it("a deploy refreshes the stack from the cluster first, so objects deleted or edited by hand are put back", async () => {
    const deployer = createPulumiDeployer({
      workDir: dir,
      stackTemplate: "{env}",
      env: {
        path: "/usr/bin:/bin",
        backendUrl: "file://~",
        accessTokenSet: false,
        vars: { FAKE_PULUMI_LOG: join(dir, "calls.log"), PULUMI_HOME: join(dir, ".pulumi") },
      },
      cliPath: fakeCli,
    });
    // Only the command line matters here; what the stand-in CLI answers does not.
    await deployer.up("production", { stage: "enforce" }).catch(() => undefined);
    const up = calls().find((args) => args[0] === "up");
    expect(up).toEqual(expect.arrayContaining(["--refresh", "--yes"]));
  });

  it("a locked stack is reported as such", async () => {
    expect(await engine("{env}", "policies", { FAKE_PULUMI_FAIL: "locked" }).preview("production")).toEqual({
      status: "failed",
      stack: "production",
      error: "stack production is locked by another update; re-run the job when it has finished",
    });
  });
});
