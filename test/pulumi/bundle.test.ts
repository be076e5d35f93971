/**
 * The program as the Pulumi Node.js runtime loads it: pulumi/main.mjs, imported as ESM by
 * plain Node (no TypeScript, no vitest), running the esbuild bundle of pulumi/index.ts with
 * @pulumi/* external. Built here the way scripts/build.mjs builds dist/pulumi/index.js,
 * into a scratch copy of the layout (<dir>/pulumi/main.mjs, <dir>/dist/pulumi/index.js)
 * inside the repository so that @pulumi/* resolve from its node_modules.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = resolve(import.meta.dirname, "../..");
let scratch: string;

/** Runs main.mjs under Pulumi mocks in a child Node process; prints JSON on its last line. */
const HOST = `
import * as pulumi from "@pulumi/pulumi";
const [mainPath, configJson] = process.argv.slice(2);
const registered = [];
await pulumi.runtime.setMocks(
  {
    newResource(args) {
      // A read of an existing object (kube-system, for the cluster's uid): answered, not registered.
      if (args.id) return { id: args.id, state: { metadata: { name: args.id, uid: "mock-cluster-uid" } } };
      registered.push({ type: args.type, name: args.name, namespace: args.inputs.metadata?.namespace ?? null });
      return { id: args.name + "-id", state: args.inputs };
    },
    call(args) { return args.inputs; },
  },
  "netpol-rollout", "test", false,
);
pulumi.runtime.setAllConfig(JSON.parse(configJson));
const mod = await import(new URL(mainPath, "file://").href);
let result;
try {
  const outputs = await mod.default();
  const expected = Object.values(outputs.counts).reduce((n, c) => n + c.allow + c.deny, 0) + outputs.guards.length;
  for (let i = 0; i < 200 && registered.length < expected; i++) await new Promise((r) => setTimeout(r, 10));
  result = { ok: true, exports: Object.keys(mod), outputs, registered };
} catch (error) {
  result = { ok: false, name: error.constructor.name, isRunError: pulumi.RunError.isInstance(error), message: error.message };
}
console.log(JSON.stringify(result));
process.exit(0);
`;

/**
 * The same, through the Pulumi Node.js runtime's own program loader (`@pulumi/pulumi/cmd/run`,
 * what the language host starts): it changes to the program directory, finds the package
 * root, imports the entry point as ESM because of "type": "module", runs its default export
 * inside the root Stack resource and registers what it returns as the stack outputs. Only
 * the engine's gRPC monitor is replaced by the mocks (installed before the entry runs).
 */
const RUNTIME_HOST = `
import { createRequire } from "node:module";
import * as pulumi from "@pulumi/pulumi";
const require = createRequire(import.meta.url);
const [programDir, entryPoint, configJson] = process.argv.slice(2);
const registered = [];
await pulumi.runtime.setMocks(
  {
    newResource(args) {
      // A read of an existing object (kube-system, for the cluster's uid): answered, not registered.
      if (args.id) return { id: args.id, state: { metadata: { name: args.id, uid: "mock-cluster-uid" } } };
      registered.push({ type: args.type, name: args.name, namespace: args.inputs.metadata?.namespace ?? null });
      return { id: args.name + "-id", state: args.inputs };
    },
    call(args) { return args.inputs; },
  },
  "netpol-rollout", "test", false,
);
pulumi.runtime.setAllConfig(JSON.parse(configJson));
process.env.PULUMI_NODEJS_TYPESCRIPT = "false";
process.on("beforeExit", () => {
  const stack = [...pulumi.runtime.getMonitor().resources.values()].find((r) => r.urn.endsWith("::netpol-rollout-test"));
  const outputs = stack?.state?.toJavaScript ? stack.state.toJavaScript() : stack?.state;
  console.log(JSON.stringify({ ok: process.exitCode === undefined || process.exitCode === 0, cwd: process.cwd(), outputs, registered }));
});
// The arguments the language host passes (the monitor is the mocks'), then the runtime's entry.
process.argv = [process.argv[0], "run", "--monitor", "mock", "--project", "netpol-rollout", "--stack", "test", "--pwd", programDir, entryPoint];
require("@pulumi/pulumi/cmd/run");
`;

interface HostResult {
  ok: boolean;
  exports?: string[];
  outputs?: { environment: string; revision: string | null; digest: string; counts: Record<string, unknown> };
  registered?: { type: string; name: string; namespace: string | null }[];
  name?: string;
  isRunError?: boolean;
  message?: string;
}

function runHost(layout: string, config: Record<string, string>): HostResult {
  const result = spawnSync(
    process.execPath,
    [join(scratch, "host.mjs"), join(layout, "pulumi", "main.mjs"), JSON.stringify(config)],
    { cwd: repoRoot, encoding: "utf8", timeout: 60_000 },
  );
  const last = result.stdout.trim().split("\n").pop() ?? "";
  if (!last.startsWith("{"))
    throw new Error(`host failed (${result.status}): ${result.stderr}\n${result.stdout}`);
  return JSON.parse(last) as HostResult;
}

beforeAll(async () => {
  const cache = join(repoRoot, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  scratch = mkdtempSync(join(cache, "netpol-pulumi-bundle-"));
  writeFileSync(join(scratch, "host.mjs"), HOST);
  writeFileSync(join(scratch, "runtime-host.mjs"), RUNTIME_HOST);
  for (const layout of ["built", "unbuilt"]) {
    mkdirSync(join(scratch, layout, "pulumi"), { recursive: true });
    copyFileSync(join(repoRoot, "pulumi", "main.mjs"), join(scratch, layout, "pulumi", "main.mjs"));
  }
  await build({
    entryPoints: [join(repoRoot, "pulumi", "index.ts")],
    outfile: join(scratch, "built", "dist", "pulumi", "index.js"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    banner: {
      js: 'import { createRequire as __nrCreateRequire } from "node:module";\nconst require = __nrCreateRequire(import.meta.url);\n',
    },
    external: ["@pulumi/*"],
    logLevel: "error",
  });
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the bundled program under plain Node", () => {
  it("main.mjs runs the bundle and returns the stack outputs of the configured environment", () => {
    const result = runHost(join(scratch, "built"), {
      "netpol-rollout:environment": "production",
      "netpol-rollout:revision": "0123abc",
    });
    expect(result.ok, result.message).toBe(true);
    expect(result.exports).toEqual(["default"]);
    expect(result.outputs?.environment).toBe("production");
    expect(result.outputs?.revision).toBe("0123abc");
    expect(result.outputs?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const names = (result.registered ?? []).map((r) => r.name);
    expect(names).toContain("production/default-deny-all");
    expect(names).toContain("production/allow-dns");
    expect((result.registered ?? []).filter((r) => (r.namespace ?? "").startsWith("kube-"))).toEqual([]);
  });

  it("the Pulumi runtime's program loader runs main.mjs (Pulumi.yaml main) as the stack program", () => {
    const layout = join(scratch, "built");
    const child = spawnSync(
      process.execPath,
      [
        join(scratch, "runtime-host.mjs"),
        join(layout, "pulumi"),
        "main.mjs",
        JSON.stringify({ "netpol-rollout:environment": "dev", "netpol-rollout:stage": "allow" }),
      ],
      { cwd: repoRoot, encoding: "utf8", timeout: 60_000 },
    );
    const last = child.stdout.trim().split("\n").pop() ?? "";
    expect(last.startsWith("{"), `${child.stderr}\n${child.stdout}`).toBe(true);
    const result = JSON.parse(last) as {
      ok: boolean;
      cwd: string;
      outputs: {
        environment: string;
        stage: string;
        counts: Record<string, { allow: number; deny: number }>;
      };
      registered: { type: string; name: string }[];
    };
    expect(result.ok).toBe(true);
    // The real path: node_modules (where the layout is) may be a symlink.
    expect(result.cwd).toBe(realpathSync(join(layout, "pulumi")));
    expect(result.outputs.environment).toBe("dev");
    expect(result.outputs.stage).toBe("allow");
    expect(result.registered.map((r) => r.type)).toContain("pulumi:pulumi:Stack");
    const policies = result.registered.filter((r) => r.type.startsWith("kubernetes:"));
    const deployed = Object.values(result.outputs.counts).reduce((n, c) => n + c.allow + c.deny, 0);
    expect(policies).toHaveLength(deployed);
    expect(policies.some((r) => r.name.endsWith("/default-deny-all"))).toBe(false);
  });

  it("invalid config fails with one clean message listing every problem", () => {
    const result = runHost(join(scratch, "built"), {
      "netpol-rollout:stage": "sideways",
      "netpol-rollout:stag": "x",
    });
    expect(result.ok).toBe(false);
    expect(result.isRunError).toBe(true);
    expect(result.message).toMatch(/netpol-rollout:environment is required/);
    expect(result.message).toMatch(/netpol-rollout:stage must be allow or enforce/);
    expect(result.message).toMatch(/did you mean netpol-rollout:stage\?/);
  });

  it("says to build when the bundle is missing", () => {
    const result = runHost(join(scratch, "unbuilt"), { "netpol-rollout:environment": "production" });
    expect(result.ok).toBe(false);
    expect(result.isRunError).toBe(true);
    expect(result.message).toMatch(/does not exist; run `npm ci && npm run build`/);
  });

  it("main.mjs is what Pulumi.yaml names, and the runtime is told not to compile TypeScript", async () => {
    const { parse } = await import("yaml");
    const { readFileSync } = await import("node:fs");
    const project = parse(readFileSync(join(repoRoot, "pulumi", "Pulumi.yaml"), "utf8")) as {
      name: string;
      main: string;
      runtime: { name: string; options: { typescript: boolean } };
    };
    expect(project.name).toBe("netpol-rollout");
    expect(project.main).toBe("main.mjs");
    expect(project.runtime.name).toBe("nodejs");
    expect(project.runtime.options.typescript).toBe(false);
    expect(pathToFileURL(join(repoRoot, "pulumi", project.main)).href).toMatch(/pulumi\/main\.mjs$/);
    for (const env of ["dev", "staging", "production"]) {
      const stack = parse(readFileSync(join(repoRoot, "pulumi", `Pulumi.${env}.yaml`), "utf8")) as {
        config: Record<string, string>;
      };
      expect(stack.config["netpol-rollout:environment"]).toBe(env);
    }
  });
});
