/**
 * End to end: a stack deployed by the program as it was before the NetpolRollout component
 * (every object a top-level resource, test/e2e/fixtures/top-level-program.ts) switches to
 * the program that registers them as the component's children. Through the real Pulumi
 * engine, the real Kubernetes provider and a real kube-apiserver, the switch previews no
 * change to any object (the children's aliases match their old URNs), and the update that
 * follows keeps every object as it was: same uid, same resourceVersion.
 */
import { copyFileSync, cpSync, mkdirSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import type { V1NetworkPolicy } from "@kubernetes/client-node";
import type { EngineEvent, OpType, Stack } from "@pulumi/pulumi/automation/index.js";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPulumiDeployer, createPulumiEngine, engineEnvVars } from "../../action/src/adapters/pulumi.js";
import { e2eBinDir, repoRoot, startE2e } from "./harness.js";
import type { E2e } from "./harness.js";
import type { RecordedBundle } from "../../action/src/rollout/recorded.js";

const bin = e2eBinDir();
if (!bin)
  console.log("e2e tier skipped: real engine tools not built (run test/e2e/tools/build.sh, ~40 min cold)");

const COMPONENT = "netpol-rollout:index:NetpolRollout";

let e2e: E2e;
/** The Pulumi project: pulumi/main.mjs runs dist/pulumi/index.js, which each phase replaces. */
let project: string;
let programs: { before: string; component: string };

/** Bundles a program entry the way scripts/build.mjs bundles dist/pulumi/index.js. */
async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
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
}

function useProgram(file: string): void {
  copyFileSync(file, join(project, "dist/pulumi/index.js"));
}

beforeAll(async () => {
  if (!bin) return;
  e2e = await startE2e(bin);
  await e2e.ensureNamespaces("production");
  project = join(e2e.dir, "switch");
  mkdirSync(join(project, "pulumi"), { recursive: true });
  mkdirSync(join(project, "dist/pulumi"), { recursive: true });
  copyFileSync(join(repoRoot, "package.json"), join(project, "package.json"));
  symlinkSync(join(repoRoot, "node_modules"), join(project, "node_modules"));
  for (const f of ["Pulumi.yaml", "Pulumi.production.yaml", "main.mjs"]) {
    copyFileSync(join(repoRoot, "pulumi", f), join(project, "pulumi", f));
  }
  cpSync(join(repoRoot, "policies"), join(project, "policies"), { recursive: true });
  programs = { before: join(e2e.dir, "before.js"), component: join(e2e.dir, "component.js") };
  await bundle(join(repoRoot, "test/e2e/fixtures/top-level-program.ts"), programs.before);
  await bundle(join(repoRoot, "pulumi/index.ts"), programs.component);
}, 240_000);
afterAll(() => e2e?.stop());

async function openStack(): Promise<Stack> {
  const { LocalWorkspace, PulumiCommand } = await import("@pulumi/pulumi/automation/index.js");
  const pulumiCommand = await PulumiCommand.get({ root: dirname(e2e.bin) });
  return LocalWorkspace.selectStack(
    { stackName: "production", workDir: join(project, "pulumi") },
    { pulumiCommand, envVars: engineEnvVars(e2e.engineEnv) },
  );
}

/** Every step the engine plans in a preview, as "op type name". */
async function previewSteps(): Promise<string[]> {
  const stack = await openStack();
  const steps: string[] = [];
  await stack.preview({
    color: "never",
    suppressOutputs: true,
    suppressProgress: true,
    onEvent: (event: EngineEvent) => {
      const m = event.resourcePreEvent?.metadata;
      if (m) steps.push(`${m.op as OpType} ${m.type} ${m.urn.slice(m.urn.lastIndexOf("::") + 2)}`);
    },
  });
  return steps.sort();
}

/** The objects in the namespace, by name, with what a replacement or a write would change. */
async function serverObjects(): Promise<Record<string, { uid: string; resourceVersion: string }>> {
  const items: V1NetworkPolicy[] = await e2e.listPolicies("production");
  return Object.fromEntries(
    items.map((p) => [
      p.metadata?.name ?? "",
      { uid: p.metadata?.uid ?? "", resourceVersion: p.metadata?.resourceVersion ?? "" },
    ]),
  );
}

describe.skipIf(!bin)("switching a deployed stack to the NetpolRollout component", () => {
  let deployed: Record<string, { uid: string; resourceVersion: string }>;
  let names: string[];

  it("the program before the component deploys the environment as top-level resources", async () => {
    useProgram(programs.before);
    // That program reported no clusterUid, which the deployer now requires: the engine runs it directly.
    const { LocalWorkspace, PulumiCommand } = await import("@pulumi/pulumi/automation/index.js");
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: "production", workDir: join(project, "pulumi") },
      {
        pulumiCommand: await PulumiCommand.get({ root: dirname(e2e.bin) }),
        envVars: engineEnvVars(e2e.engineEnv),
      },
    );
    await stack.setAllConfig({
      "netpol-rollout:stage": { value: "enforce" },
      "netpol-rollout:revision": { value: "r1" },
    });
    const result = await stack.up({ color: "never", suppressOutputs: true, suppressProgress: true });
    const bundle = result.outputs.bundle?.value as RecordedBundle;
    names = bundle.objects.map((o) => `production/${o.manifest.metadata.name}`).sort();
    expect(names).toContain("production/default-deny-all");
    deployed = await serverObjects();
    expect(
      Object.keys(deployed)
        .map((n) => `production/${n}`)
        .sort(),
    ).toEqual(names);
    const state = await (await openStack()).exportStack();
    const parents = (state.deployment as { resources: { type: string; parent?: string }[] }).resources
      .filter((r) => r.type.startsWith("kubernetes:networking"))
      .map((r) => r.parent ?? "");
    expect(parents.every((p) => p.endsWith("::pulumi:pulumi:Stack::netpol-rollout-production"))).toBe(true);
  });

  it("after the switch, the preview changes no object: every one is the same, the component alone is new", async () => {
    useProgram(programs.component);
    const steps = await previewSteps();
    const objects = steps.filter((s) => s.includes(" kubernetes:networking.k8s.io/v1:NetworkPolicy "));
    expect(objects).toEqual(names.map((n) => `same kubernetes:networking.k8s.io/v1:NetworkPolicy ${n}`));
    // Besides the stack and its provider (both unchanged), the only steps are the component's
    // own create (a grouping in the state) and its read of kube-system (the cluster's
    // identity): no object in the cluster changes.
    expect(steps.filter((s) => !s.startsWith("same "))).toEqual([
      `create ${COMPONENT} production`,
      `read kubernetes:core/v1:Namespace production:kube-system`,
    ]);

    // What the Action's preview reports for this stack: no operation but "same".
    const engine = createPulumiEngine({
      workDir: join(project, "pulumi"),
      workspace: project,
      stackTemplate: "{env}",
      policiesDir: "policies",
      env: e2e.engineEnv,
    });
    const preview = await engine.preview("production");
    expect(preview.status).toBe("ok");
    const ops = preview.status === "ok" ? preview.operations : [];
    expect(ops.filter((o) => o.op !== "same")).toEqual([]);
    expect(ops.map((o) => o.name).sort()).toEqual(names);
  });

  it("the update after the switch keeps every object (same uid and resourceVersion) and moves it under the component", async () => {
    const deployer = createPulumiDeployer({
      workDir: join(project, "pulumi"),
      stackTemplate: "{env}",
      env: e2e.engineEnv,
    });
    const result = await deployer.up("production", { stage: "enforce", revision: "r1" });
    expect(result.operations.filter((o) => o.op !== "same")).toEqual([]);
    expect(await serverObjects()).toEqual(deployed);

    const state = await (await openStack()).exportStack();
    const resources = (state.deployment as { resources: { urn: string; type: string; parent?: string }[] })
      .resources;
    const component = resources.find((r) => r.type === COMPONENT);
    expect(component?.urn).toMatch(/::netpol-rollout:index:NetpolRollout::production$/);
    const children = resources.filter((r) => r.type.startsWith("kubernetes:networking"));
    expect(children).toHaveLength(names.length);
    for (const child of children) {
      expect(child.parent, child.urn).toBe(component?.urn);
      expect(child.urn).toContain(`::${COMPONENT}$kubernetes:networking.k8s.io/v1:NetworkPolicy::`);
    }
    // And from now on, nothing at all to do but read the cluster's identity again.
    expect((await previewSteps()).filter((s) => !s.startsWith("same ") && !s.startsWith("read "))).toEqual(
      [],
    );
  });
});
