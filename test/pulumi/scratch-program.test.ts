/**
 * NetpolRollout used as a Pulumi codebase of one's own would: a scratch program in a
 * directory outside this repository imports `netpol-rollout/pulumi` (the package entry,
 * bundled the way scripts/build.mjs bundles it, @pulumi/* external and taken from the
 * program's own node_modules) and runs under `pulumi.runtime.setMocks` in plain Node. What
 * it registers is compared with what `netpol-rollout render` prints for the same intent.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { run as runCli } from "../../action/src/cli/run.js";

const repoRoot = resolve(import.meta.dirname, "../..");
let scratch: string;

/**
 * The scratch program. Its mocks record every registration; unhandled rejections are
 * collected the way the Pulumi runtime reports them (a RunError by its message alone).
 * Prints one JSON line: what was registered, the component's outputs, the errors.
 */
const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
const [argsJson, mode] = process.argv.slice(2);
const registered = [];
const errors = [];
process.on("unhandledRejection", (error) => {
  const message = pulumi.RunError.isInstance(error) ? error.message : String(error?.stack ?? error);
  if (!errors.includes(message)) errors.push(message);
});
await pulumi.runtime.setMocks(
  {
    newResource(args) {
      // A read of an existing object (kube-system, for the cluster's uid): answered, not registered.
      if (args.id) return { id: args.id, state: { metadata: { name: args.id, uid: "mock-cluster-uid" } } };
      registered.push({ type: args.type, name: args.name, custom: args.custom, inputs: args.inputs });
      return { id: args.name + "-id", state: args.inputs };
    },
    call(args) { return args.inputs; },
  },
  "my-infrastructure", "prod", false,
);
// Imported after the mocks, as a program's modules are.
const { NetpolRollout } = await import("netpol-rollout/pulumi");
const args = JSON.parse(argsJson);
let outputs = null;
try {
  const rollout =
    mode === "prepare"
      ? new NetpolRollout("prod", await NetpolRollout.prepare(args))
      : new NetpolRollout("prod", args);
  const resources = await rollout.resources;
  outputs = await new Promise((r) => pulumi.all([rollout.urn, ...resources.map((x) => x.urn), rollout.outputs]).apply((v) => r(v.at(-1))));
} catch (error) {
  const message = pulumi.RunError.isInstance(error) ? error.message : String(error?.stack ?? error);
  if (!errors.includes(message)) errors.push(message);
}
await new Promise((r) => setTimeout(r, 50));
console.log(JSON.stringify({ registered, outputs, errors }));
process.exit(0);
`;

interface ProgramResult {
  registered: { type: string; name: string; custom: boolean; inputs: Record<string, unknown> }[];
  outputs: {
    environment: string;
    stage: string;
    revision: string | null;
    digest: string;
    bundle: { objects: { manifest: { metadata: { namespace: string } } }[] };
  } | null;
  errors: string[];
}

function runProgram(args: Record<string, unknown>, mode: "args" | "prepare" = "args"): ProgramResult {
  const child = spawnSync(process.execPath, ["index.mjs", JSON.stringify(args), mode], {
    cwd: scratch,
    encoding: "utf8",
    timeout: 60_000,
  });
  const last = child.stdout.trim().split("\n").pop() ?? "";
  if (!last.startsWith("{"))
    throw new Error(`the program failed (${child.status}): ${child.stderr}\n${child.stdout}`);
  return JSON.parse(last) as ProgramResult;
}

/** What `netpol-rollout render --env <env>` prints, as objects, in the scratch directory. */
async function rendered(environment: string): Promise<Record<string, unknown>[]> {
  let out = "";
  const code = await runCli(["render", "--env", environment], {
    stdout: (t) => (out += t),
    stderr: () => undefined,
    cwd: scratch,
  });
  expect(code).toBe(0);
  return parseAllDocuments(out).map((d) => d.toJS() as Record<string, unknown>);
}

/** The Kubernetes objects a run registered, as plain JSON. */
function objects(result: ProgramResult): Record<string, unknown>[] {
  return result.registered
    .filter((r) => r.custom)
    .map((r) => {
      const { apiVersion, kind, metadata, spec } = r.inputs;
      return JSON.parse(JSON.stringify({ apiVersion, kind, metadata, spec })) as Record<string, unknown>;
    });
}

function byName(list: Record<string, unknown>[]): Record<string, unknown>[] {
  const key = (o: Record<string, unknown>) => {
    const m = o["metadata"] as { namespace?: string; name: string };
    return `${m.namespace}/${m.name}`;
  };
  return [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

beforeAll(async () => {
  // Outside the repository: nothing resolves from its node_modules by accident.
  scratch = mkdtempSync(join(tmpdir(), "netpol-scratch-program-"));
  const pkg = join(scratch, "node_modules", "netpol-rollout");
  mkdirSync(join(pkg, "dist", "pulumi"), { recursive: true });
  writeFileSync(
    join(pkg, "package.json"),
    JSON.stringify({
      name: "netpol-rollout",
      type: "module",
      exports: { "./pulumi": { default: "./dist/pulumi/index.js" } },
    }),
  );
  await build({
    entryPoints: [join(repoRoot, "pulumi", "index.ts")],
    outfile: join(pkg, "dist", "pulumi", "index.js"),
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
  // The program's own Pulumi SDK (a Pulumi codebase has it already).
  symlinkSync(join(repoRoot, "node_modules", "@pulumi"), join(scratch, "node_modules", "@pulumi"));
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "my-infrastructure", type: "module" }));
  writeFileSync(join(scratch, "index.mjs"), PROGRAM);
  cpSync(join(repoRoot, "policies"), join(scratch, "policies"), { recursive: true });
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("a Pulumi program of one's own using NetpolRollout", () => {
  it("registers exactly the objects render prints, for every shipped environment, under one component", async () => {
    for (const environment of ["dev", "staging", "production"]) {
      const result = runProgram({ environment, revision: "c0ffee" });
      expect(result.errors, environment).toEqual([]);
      expect(byName(objects(result)), environment).toEqual(byName(await rendered(environment)));
      expect(result.registered.filter((r) => !r.custom).map((r) => `${r.type} ${r.name}`)).toEqual([
        "netpol-rollout:index:NetpolRollout prod",
      ]);
      expect(result.outputs?.environment).toBe(environment);
      expect(result.outputs?.revision).toBe("c0ffee");
      expect(result.outputs?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
  });

  it("stage allow registers the rendered objects except each namespace's default-deny", async () => {
    const result = runProgram({ environment: "production", stage: "allow" });
    expect(result.errors).toEqual([]);
    const withoutDeny = (await rendered("production")).filter(
      (o) => (o["metadata"] as { name: string }).name !== "default-deny-all",
    );
    expect(byName(objects(result))).toEqual(byName(withoutDeny));
    expect(result.outputs?.stage).toBe("allow");
  });

  it("invalid arguments fail with every problem named, and nothing is registered, the component included", () => {
    const result = runProgram({ environment: "production", stage: "sideways", stag: "allow" });
    expect(result.registered).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/the NetpolRollout arguments are invalid \(2 problems\)/);
    expect(result.errors[0]).toMatch(/stage must be allow or enforce, not "sideways"/);
    expect(result.errors[0]).toMatch(/unknown argument stag \(did you mean stage\?\)/);
  });

  it("a bundle with an object in kube-system is refused before anything is registered", () => {
    const deployed = runProgram({ environment: "production" });
    const bundle = deployed.outputs?.bundle;
    const first = bundle?.objects[0];
    if (bundle === undefined || first === undefined) throw new Error("nothing deployed");
    first.manifest.metadata.namespace = "kube-system";
    writeFileSync(join(scratch, "tampered.json"), JSON.stringify(bundle));
    for (const mode of ["args", "prepare"] as const) {
      const result = runProgram({ environment: "production", bundleFile: "tampered.json" }, mode);
      expect(result.registered, mode).toEqual([]);
      expect(result.errors, mode).toHaveLength(1);
      expect(result.errors[0], mode).toMatch(/^netpol-rollout: /);
      expect(result.errors[0], mode).toMatch(/refusing to deploy the recorded bundle .*tampered\.json/);
      expect(result.errors[0], mode).toMatch(/namespace kube-system is a kube-\* namespace/);
    }
  });

  it("an unknown environment names the ones that exist", () => {
    const result = runProgram({ environment: "prod" }, "prepare");
    expect(result.registered).toEqual([]);
    expect(result.errors[0]).toMatch(/environment "prod" is not in .*policies/);
    expect(result.errors[0]).toMatch(/environments: dev, staging, production/);
  });
});
