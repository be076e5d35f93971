/**
 * The config-reading entry (pulumi/index.ts) in process: config in, resources and outputs
 * out; bad input fails with a clean message before anything is registered.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type * as EntryModule from "../../pulumi/index.js";
import type { Recorder } from "./harness.js";
import { installMocks, settled } from "./harness.js";

let recorder: Recorder;
let entry: typeof EntryModule;
let scratch: string;

beforeAll(async () => {
  recorder = await installMocks();
  entry = await import("../../pulumi/index.js");
  scratch = mkdtempSync(join(tmpdir(), "netpol-entry-"));
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

beforeEach(() => recorder.reset());

async function failure(config: Record<string, string>): Promise<Error> {
  pulumi.runtime.setAllConfig(config);
  try {
    await entry.run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("the program did not fail");
}

describe("the config-reading entry", () => {
  it("deploys the environment named by netpol-rollout:environment, in the configured stage", async () => {
    pulumi.runtime.setAllConfig({ "netpol-rollout:environment": "staging", "netpol-rollout:stage": "allow" });
    const defined = await entry.run();
    await settled([defined.rollout, ...(await defined.rollout.resources)]);
    expect(defined.outputs.environment).toBe("staging");
    expect(defined.outputs.stage).toBe("allow");
    expect(defined.outputs.from).toBe("intent");
    const names = recorder.registered.filter((r) => r.custom).map((r) => r.name);
    expect(names.length).toBeGreaterThan(0);
    // One component, named after the environment, holds them.
    expect(recorder.registered.filter((r) => !r.custom).map((r) => `${r.type} ${r.name}`)).toEqual([
      "netpol-rollout:index:NetpolRollout staging",
    ]);
    expect(names.every((n) => !n.endsWith("/default-deny-all"))).toBe(true);
  });

  it("an unknown environment is a clean error naming the ones that exist", async () => {
    const error = await failure({ "netpol-rollout:environment": "prod" });
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/environment "prod" is not in .*policies/);
    expect(error.message).toMatch(/environments: dev, staging, production/);
    // No stack: the runtime's coloured formatting of a stack takes ~15 s on Node 20 (index.ts).
    expect(error.stack).toBe("");
    expect(recorder.registered).toEqual([]);
  });

  it("invalid intent fails with file:line:column errors and registers nothing", async () => {
    const dir = join(scratch, "policies");
    mkdirSync(join(dir, "environments"), { recursive: true });
    writeFileSync(
      join(dir, "environments", "production.yaml"),
      "promotion: 1\ncni: cilium\nnamespaces:\n  shop:\n    services:\n      api: { labels: { app: api }, ports: [8080] }\nflows:\n  - api -> databse:5432\n",
    );
    const error = await failure({
      "netpol-rollout:environment": "production",
      "netpol-rollout:policiesDir": dir,
    });
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/the intent in .* is invalid/);
    expect(error.message).toMatch(/environments\/production\.yaml:8:\d+: /);
    expect(error.message).not.toMatch(/\n\s+at /);
    expect(recorder.registered).toEqual([]);
  });

  it("an unreadable recorded bundle file is a clean error", async () => {
    const error = await failure({
      "netpol-rollout:environment": "production",
      "netpol-rollout:bundleFile": join(scratch, "missing.json"),
    });
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/cannot read the recorded bundle .*missing\.json/);
    expect(recorder.registered).toEqual([]);
  });
});

describe("repository root", () => {
  it("is the nearest directory with package.json above the Pulumi project", () => {
    const files = new Set(["/work/repo/package.json"]);
    expect(entry.findRepoRoot("/work/repo/pulumi", (p) => files.has(p))).toBe("/work/repo");
    expect(entry.findRepoRoot("/work/repo", (p) => files.has(p))).toBe("/work/repo");
  });
});
