/**
 * The Pulumi adapter through the real Automation API, with a stand-in `pulumi` CLI on
 * PATH (test/fakes/pulumi-bin/pulumi) that replays recorded engine events.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPulumiEngine } from "../../action/src/adapters/pulumi.js";

const fakeBin = join(import.meta.dirname, "../fakes/pulumi-bin");
const events = join(import.meta.dirname, "fixtures/pulumi/preview-production.events.json");

let dir: string;
let saved: NodeJS.ProcessEnv;
beforeEach(() => {
  saved = { ...process.env };
  dir = mkdtempSync(join(tmpdir(), "netpol-pulumi-"));
  writeFileSync(join(dir, "Pulumi.yaml"), "name: netpol-rollout\nruntime: nodejs\n");
  writeFileSync(join(dir, "Pulumi.production.yaml"), "config:\n  netpol-rollout:environment: production\n");
  // The Automation API runs `pulumi` from PATH with this process's environment.
  process.env.PATH = `${fakeBin}${delimiter}${process.env.PATH ?? ""}`;
  process.env.FAKE_PULUMI_LOG = join(dir, "calls.log");
  process.env.FAKE_PULUMI_EVENTS = events;
  process.env.PULUMI_HOME = join(dir, ".pulumi");
});
afterEach(() => {
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

const calls = (): string[][] =>
  readFileSync(join(dir, "calls.log"), "utf8")
    .trim()
    .split("\n")
    .map((l) => (JSON.parse(l) as { args: string[] }).args);

const engine = (stackTemplate = "{env}", policiesDir = "policies") =>
  createPulumiEngine({
    workDir: dir,
    workspace: join(dir, ".."),
    env: { path: process.env.PATH ?? "", backendUrl: "file://~", accessTokenSet: false },
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

  it("a locked stack is reported as such", async () => {
    process.env.FAKE_PULUMI_FAIL = "locked";
    expect(await engine().preview("production")).toEqual({
      status: "failed",
      stack: "production",
      error: "stack production is locked by another update; re-run the job when it has finished",
    });
  });
});
