/**
 * The contract between the Pulumi program and the Action's Pulumi adapter: the config the
 * adapter writes is what the program reads, and the outputs the program returns are what
 * the adapter reads back, type for type and value for value, including a rollback through
 * the recorded `bundle` output. The engine in between is stood in for by the program's own
 * pure part (parse the config, load the bundle, plan the stack) over a JSON round trip.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, expectTypeOf, it } from "vitest";
import { createPulumiDeployer } from "../../action/src/adapters/pulumi.js";
import type { UpRunner } from "../../action/src/adapters/pulumi.js";
import { loadIntentFromDir } from "../../action/src/adapters/files/intent.js";
import type { DeployResult } from "../../action/src/rollout/engine.js";
import { PulumiDeployError } from "../../action/src/ports/index.js";
import { CONFIG_NAMESPACE, parseStackConfig } from "../../action/src/rollout/config.js";
import type { StackOutputs } from "../../action/src/rollout/outputs.js";
import { loadStackInput, planStack } from "../../action/src/rollout/stack.js";
import type { Output } from "@pulumi/pulumi";
import type { EngineEvent } from "@pulumi/pulumi/automation/index.js";
import type * as ProgramEntry from "../../pulumi/index.js";

const repoRoot = join(import.meta.dirname, "../..");
const scratch = mkdtempSync(join(tmpdir(), "netpol-contract-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The uid the stand-in program "reads" from kube-system. */
const CLUSTER_UID = "4f7c2a3e-9d1b-4c55-8e0a-2b6f1d3c9e71";

/** The program as the engine runs it, without registering resources: config in, outputs out (as JSON). */
const program: UpRunner = {
  async preview(stack, config, onEvent) {
    const outputs = await program.up(stack, config, () => undefined);
    const urn = `urn:pulumi:${stack}::netpol-rollout::pulumi:pulumi:Stack::netpol-rollout-${stack}`;
    // What the engine reports for the stack in a preview: the outputs it already knows.
    onEvent({
      sequence: 1,
      timestamp: 0,
      resOutputsEvent: {
        metadata: {
          op: "same",
          urn,
          type: "pulumi:pulumi:Stack",
          provider: "",
          new: { type: "pulumi:pulumi:Stack", urn, custom: false, outputs },
        },
      },
    } as EngineEvent);
  },
  async up(_stack, config) {
    const raw: Record<string, string> = {};
    for (const [key, value] of Object.entries(config)) {
      // The adapter removes the keys it leaves undefined; the program never sees them.
      if (value !== undefined) raw[key.slice(`${CONFIG_NAMESPACE}:`.length)] = value;
    }
    const parsed = parseStackConfig(raw, repoRoot);
    if (!parsed.ok) throw new Error(parsed.errors.join("; "));
    const input = await loadStackInput(parsed.settings, repoRoot, {
      readFile: (path) => readFile(path, "utf8"),
      loadIntent: (dir, root) => loadIntentFromDir(dir, root),
    });
    // Stack outputs travel through the engine as JSON.
    return JSON.parse(JSON.stringify({ ...planStack(input).outputs, clusterUid: CLUSTER_UID })) as Record<
      string,
      unknown
    >;
  },
};

const deployer = createPulumiDeployer(
  { workDir: join(repoRoot, "pulumi"), stackTemplate: "{env}", env: { path: "", accessTokenSet: false } },
  program,
);

async function programOutputs(environment: string, stage: "allow" | "enforce"): Promise<StackOutputs> {
  const parsed = parseStackConfig({ environment, stage }, repoRoot);
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  const input = await loadStackInput(parsed.settings, repoRoot, {
    readFile: (path) => readFile(path, "utf8"),
    loadIntent: (dir, root) => loadIntentFromDir(dir, root),
  });
  return { ...planStack(input).outputs, clusterUid: CLUSTER_UID };
}

describe("the program and the adapter share one contract", () => {
  it("has one type for the outputs the program returns and the adapter reads", () => {
    // The program returns the uid as an Output (read while deploying); otherwise the very type.
    expectTypeOf<
      Awaited<ReturnType<typeof ProgramEntry.default>>
    >().toEqualTypeOf<ProgramEntry.ProgramOutputs>();
    expectTypeOf<ProgramEntry.ProgramRun["outputs"]>().toEqualTypeOf<ProgramEntry.ProgramOutputs>();
    expectTypeOf<Omit<ProgramEntry.ProgramOutputs, "clusterUid">>().toEqualTypeOf<
      Omit<StackOutputs, "clusterUid">
    >();
    expectTypeOf<ProgramEntry.ProgramOutputs["clusterUid"]>().toEqualTypeOf<Output<string>>();
    expectTypeOf<ProgramEntry.NetpolRollout["outputs"]>().toEqualTypeOf<Output<StackOutputs>>();
    expectTypeOf<DeployResult["outputs"]>().toEqualTypeOf<StackOutputs>();
  });

  it("reads back exactly what the program returned", async () => {
    for (const stage of ["allow", "enforce"] as const) {
      const result = await deployer.up("production", { stage, revision: "abc123" });
      const expected = { ...(await programOutputs("production", stage)), revision: "abc123" };
      expect(result.outputs).toEqual(expected);
    }
  });

  it("redeploys a recorded bundle output to the same objects (a rollback)", async () => {
    const first = await deployer.up("staging", { stage: "enforce", revision: "v1" });
    const file = join(scratch, "staging-v1.json");
    // What a workflow saves: `pulumi stack output bundle --json`.
    writeFileSync(file, JSON.stringify(first.outputs.bundle, null, 2));
    const again = await deployer.up("staging", { stage: "enforce", bundleFile: file, revision: "v1" });
    expect(again.outputs.from).toBe("recorded");
    expect(first.outputs.from).toBe("intent");
    expect(again.outputs.digest).toBe(first.outputs.digest);
    expect(again.outputs.sourceDigest).toBe(first.outputs.sourceDigest);
    expect(again.outputs.bundle).toEqual(first.outputs.bundle);
    expect(again.outputs.counts).toEqual(first.outputs.counts);
  });

  it("refuses outputs that are not what the program writes", async () => {
    const broken = createPulumiDeployer(
      { workDir: "/repo/pulumi", stackTemplate: "{env}", env: { path: "", accessTokenSet: false } },
      { up: () => Promise.resolve({ digest: "sha256:x", stage: "later" }), preview: () => Promise.resolve() },
    );
    const error = await broken.up("production", { stage: "allow" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PulumiDeployError);
    expect((error as Error).message).toMatch(/^pulumi up of stack production: the stack outputs are not/);
    expect((error as Error).message).toContain("stage must be one of allow, enforce");
    expect((error as Error).message).toContain("bundle is missing");
    expect((error as Error).message).toContain("clusterUid must be a non-empty string");
  });
});
