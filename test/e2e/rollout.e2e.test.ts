/**
 * End to end: the preview, the staged rollout, a changed intent, a rollback to a recorded
 * bundle, a refused object and a locked stack, through the real Pulumi engine, the real
 * Kubernetes provider and a real kube-apiserver. `npm run test:e2e`; skipped (with one
 * line) when the tools of test/e2e/tools are not built.
 *
 * One control plane for the whole file; one stack per scenario.
 */
import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { V1NetworkPolicy } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPulumiDeployer } from "../../action/src/adapters/pulumi.js";
import { PulumiDeployError, StackLockedError } from "../../action/src/ports/index.js";
import type { ActionIo } from "../../action/src/ports/index.js";
import type { DeployResult } from "../../action/src/rollout/engine.js";
import { runActionPreview } from "../../action/src/commands/action-preview.js";
import { previewDeps } from "../../action/src/wiring/preview-adapters.js";
import { parseSettings } from "../../action/src/settings/index.js";
import { bundleDigest, compileEnvironment, SOURCE_ANNOTATION } from "../../action/src/compile/index.js";
import type { CompiledBundle, CompiledObject } from "../../action/src/compile/index.js";
import { loadIntentFromDir } from "../../action/src/adapters/files/intent.js";
import { e2eBinDir, startE2e } from "./harness.js";
import type { E2e } from "./harness.js";

const bin = e2eBinDir();
if (!bin) {
  console.log("e2e tier skipped: real engine tools not built (run test/e2e/tools/build.sh, ~40 min cold)");
}

let e2e: E2e;
let orphan: Promise<{ allowSources: string[]; error: unknown }>;
beforeAll(async () => {
  if (!bin) return;
  const started = performance.now();
  e2e = await startE2e(bin);
  const v = e2e.versions;
  console.log(
    `e2e: pulumi ${v.pulumi}, kube-apiserver ${v.kubeApiserver}, pulumi-resource-kubernetes ${v.kubernetesProvider}, node ${v.node}; control plane up in ${Math.round(performance.now() - started)} ms`,
  );
  await e2e.ensureNamespaces("production", "staging");
  orphan = deployOrphan().catch((error: unknown) => ({ allowSources: [], error }));
}, 240_000);
afterAll(async () => {
  // The refused-namespace deploy may still run when tests are filtered (-t): let it settle
  // before its control plane and backend go away.
  await orphan;
  e2e?.stop();
}, 240_000);

/** The intent of `environment` under `policiesDir` of the engine's repository copy, compiled. */
async function compiled(environment: string, policiesDir = "policies"): Promise<CompiledBundle> {
  const loaded = await loadIntentFromDir(policiesDir, e2e.repo);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join("\n"));
  const env = loaded.intent.environments.find((e) => e.name === environment);
  if (!env) throw new Error(`no environment ${environment}`);
  return compileEnvironment(env);
}

/**
 * Deploys an environment whose namespace is not in the cluster; settles with the error.
 * It runs alongside the other scenarios (its own stack and namespace): the provider retries
 * a missing namespace with backoff for about a minute before it gives up.
 */
async function deployOrphan(): Promise<{ allowSources: string[]; error: unknown }> {
  const dir = join(e2e.repo, "policies-orphan");
  cpSync(join(e2e.repo, "policies"), dir, { recursive: true });
  writeFileSync(
    join(dir, "environments/orphan.yaml"),
    [
      "promotion: 9",
      "cni: generic",
      "namespaces:",
      "  orphan:",
      "    services:",
      "      web: { labels: { app: web }, ports: [8080] }",
      "flows:",
      "  - web -> 203.0.113.0/24:443",
      "",
    ].join("\n"),
  );
  const bundle = await compiled("orphan", "policies-orphan");
  const allowSources = bundle.objects
    .filter((o) => o.stage === "allow")
    .map((o) => o.manifest.metadata.annotations?.[SOURCE_ANNOTATION] ?? "");
  const deployer = createPulumiDeployer({ workDir: e2e.workDir, stackTemplate: "{env}", env: e2e.engineEnv });
  const error = await deployer.up("orphan", { stage: "allow", policiesDir: dir }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { allowSources, error };
}

/** What the server holds that the compiler decides: name, namespace, labels, annotations, spec. */
function comparable(manifest: unknown): unknown {
  const m = manifest as { metadata?: Record<string, unknown>; spec?: unknown };
  return {
    name: m.metadata?.name,
    namespace: m.metadata?.namespace,
    labels: m.metadata?.labels ?? {},
    annotations: withoutPulumiAnnotations(m.metadata?.annotations),
    spec: m.spec,
  };
}

function withoutPulumiAnnotations(annotations: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries((annotations ?? {}) as Record<string, unknown>)) {
    if (!k.startsWith("pulumi.com/") && k !== "kubectl.kubernetes.io/last-applied-configuration") out[k] = v;
  }
  return out;
}

/** The server's objects as the wire JSON (the client's models name `from` `_from`). */
function wire(policy: V1NetworkPolicy): unknown {
  return JSON.parse(
    JSON.stringify(policy),
    function (this: Record<string, unknown>, key: string, value: unknown) {
      if (key === "_from") {
        this.from = value;
        return undefined;
      }
      return value;
    },
  ) as unknown;
}

async function serverState(namespace: string): Promise<unknown[]> {
  return (await e2e.listPolicies(namespace)).map((p) => comparable(wire(p)));
}

function expected(objects: readonly CompiledObject[]): unknown[] {
  return objects
    .map((o) => comparable(JSON.parse(JSON.stringify(o.manifest))))
    .sort((a, b) => ((a as { name: string }).name < (b as { name: string }).name ? -1 : 1));
}

const opsOf = (result: DeployResult): string[] => result.operations.map((o) => `${o.op} ${o.kind} ${o.name}`);

describe.skipIf(!bin)("netpol-rollout through the real Pulumi engine and kube-apiserver", () => {
  it(
    "the Action's preview lists every rendered object of production as a create",
    { timeout: 240_000 },
    async () => {
      // The pull request: a base commit without policies, the head with them.
      const git = (...args: string[]) =>
        execFileSync("git", args, {
          cwd: e2e.repo,
          encoding: "utf8",
          env: {
            ...process.env,
            GIT_AUTHOR_NAME: "e2e",
            GIT_AUTHOR_EMAIL: "e2e@example.com",
            GIT_COMMITTER_NAME: "e2e",
            GIT_COMMITTER_EMAIL: "e2e@example.com",
          },
        }).trim();
      git("init", "-q", "-b", "main");
      writeFileSync(join(e2e.repo, ".gitignore"), "node_modules\ndist\n");
      git("add", ".gitignore");
      git("commit", "-q", "-m", "base");
      const baseSha = git("rev-parse", "HEAD");
      git("add", "policies", "pulumi", "package.json");
      git("commit", "-q", "-m", "policies");
      const headSha = git("rev-parse", "HEAD");

      const runner = join(e2e.dir, "runner");
      mkdirSync(runner);
      const eventPath = join(runner, "event.json");
      writeFileSync(
        eventPath,
        JSON.stringify({
          pull_request: {
            number: 7,
            base: { sha: baseSha, ref: "main", repo: { full_name: "acme/netpol" } },
            head: { sha: headSha, ref: "policies", repo: { full_name: "acme/netpol" } },
          },
        }),
      );
      const parsed = parseSettings({
        env: {
          ...process.env,
          GITHUB_EVENT_NAME: "pull_request",
          GITHUB_EVENT_PATH: eventPath,
          GITHUB_REPOSITORY: "acme/netpol",
          GITHUB_WORKSPACE: e2e.repo,
          RUNNER_TEMP: runner,
          INPUT_COMMAND: "preview",
          INPUT_ENVIRONMENTS: "production",
          "INPUT_GITHUB-TOKEN": "token",
          "INPUT_WORK-DIR": "pulumi",
        },
        cwd: e2e.repo,
        readFile: (path) => readFileSync(path, "utf8"),
        tmpdir: tmpdir(),
      });
      if (parsed.command !== "preview") throw new Error("expected preview settings");
      const settings = parsed;
      const logs: string[] = [];
      const io: ActionIo = {
        info: (m) => logs.push(m),
        warn: (m) => logs.push(`warning: ${m}`),
        error: (m) => logs.push(`error: ${m}`),
        warning: (m) => logs.push(`warning: ${m}`),
        notice: (m) => logs.push(`notice: ${m}`),
        setOutput: () => undefined,
        writeSummary: () => Promise.resolve(),
      };
      const deps = previewDeps(settings, io);
      expect("engine" in deps.engine, logs.join("\n")).toBe(true);
      // The GitHub API is not under test: the comment is captured where it would be posted.
      const comments: string[] = [];
      deps.github = {
        identity: () => Promise.resolve("github-actions[bot]"),
        pullRequestsOfCommit: () => Promise.resolve([]),
        upsertStickyComment: (_issue, _marker, body) => {
          comments.push(body);
          return Promise.resolve({
            action: "created",
            id: 1,
            url: "https://github.com/acme/netpol/pull/7#c1",
            removed: 0,
          });
        },
      };
      const result = await runActionPreview(settings, deps, io);

      const env = result.report.environments.find((e) => e.name === "production");
      expect(env?.engine, logs.join("\n")).toMatchObject({ status: "ok", stack: "production" });
      const bundle = await compiled("production");
      const creates = bundle.objects.map(
        (o) => `create NetworkPolicy ${o.manifest.metadata.namespace}/${o.manifest.metadata.name}`,
      );
      const ops = env?.engine.status === "ok" ? env.engine.operations.filter((o) => o.op !== "same") : [];
      expect(ops.map((o) => `${o.op} ${o.kind} ${o.name}`).sort()).toEqual(creates.sort());

      // The operations table of the comment: one row per object, each a create.
      expect(comments).toHaveLength(1);
      const comment = comments[0] ?? "";
      writeFileSync(join(e2e.dir, "comment.md"), comment);
      for (const o of bundle.objects) {
        const row = `| <code>create</code> | NetworkPolicy | <code>${o.manifest.metadata.namespace}/${o.manifest.metadata.name}</code> |`;
        expect(
          comment.split("\n").some((line) => line.startsWith(row)),
          `${row}\n${comment}`,
        ).toBe(true);
      }
      // A preview changes nothing in the cluster.
      expect(await e2e.listPolicies("production")).toEqual([]);
    },
  );

  let firstBundleFile = "";
  let firstObjects: CompiledObject[] = [];

  it(
    "deploys stage allow, then enforce: allows first, the default-deny after them",
    { timeout: 240_000 },
    async () => {
      const deployer = createPulumiDeployer({
        workDir: e2e.workDir,
        stackTemplate: "{env}",
        env: e2e.engineEnv,
      });
      const bundle = await compiled("production");
      const allows = bundle.objects.filter((o) => o.stage === "allow");
      const denies = bundle.objects.filter((o) => o.stage === "deny");
      expect(denies).toHaveLength(1);

      const allow = await deployer.up("production", { stage: "allow", revision: "r1" });
      expect(await serverState("production")).toEqual(expected(allows));
      expect(
        opsOf(allow)
          .filter((o) => !o.includes("pulumi:providers:"))
          .sort(),
      ).toEqual(allows.map((o) => `create NetworkPolicy production/${o.manifest.metadata.name}`).sort());
      expect(allow.outputs).toMatchObject({ stage: "allow", environment: "production", revision: "r1" });
      expect(allow.outputs.digest).toBe(bundleDigest({ ...bundle, objects: allows }));
      expect(allow.outputs.sourceDigest).toBe(bundleDigest(bundle));

      const enforce = await deployer.up("production", { stage: "enforce", revision: "r1" });
      expect(await serverState("production")).toEqual(expected(bundle.objects));
      expect(opsOf(enforce).filter((o) => !o.startsWith("same "))).toEqual([
        "create NetworkPolicy production/default-deny-all",
      ]);
      expect(enforce.outputs).toMatchObject({
        stage: "enforce",
        environment: "production",
        revision: "r1",
        from: "intent",
        digest: bundleDigest(bundle),
        sourceDigest: bundleDigest(bundle),
      });
      // The recorded bundle is the compiled one.
      const recorded = enforce.outputs.bundle as CompiledBundle;
      expect(recorded.objects.map((o) => o.manifest)).toEqual(bundle.objects.map((o) => o.manifest));

      // The default-deny arrived after every allow of its namespace (etcd's revision order).
      const rv = new Map(
        (await e2e.listPolicies("production")).map((p) => [
          p.metadata?.name ?? "",
          Number(p.metadata?.resourceVersion),
        ]),
      );
      const denyRv = rv.get("default-deny-all") ?? 0;
      for (const o of allows) expect(rv.get(o.manifest.metadata.name) ?? Infinity).toBeLessThan(denyRv);

      firstBundleFile = join(e2e.dir, "production-r1.json");
      writeFileSync(firstBundleFile, JSON.stringify(enforce.outputs.bundle));
      firstObjects = bundle.objects;
    },
  );

  it("deploys a changed intent, then the earlier recorded bundle back", { timeout: 240_000 }, async () => {
    expect(firstBundleFile).not.toBe("");
    const deployer = createPulumiDeployer({
      workDir: e2e.workDir,
      stackTemplate: "{env}",
      env: e2e.engineEnv,
    });
    cpSync(join(e2e.repo, "policies"), join(e2e.repo, "policies-v2"), { recursive: true });
    appendFileSync(
      join(e2e.repo, "policies-v2/environments/production.yaml"),
      "  - frontend -> database:5432\n",
    );
    const changed = await compiled("production", "policies-v2");
    const before = new Map(
      firstObjects.map((o) => [o.manifest.metadata.name, JSON.stringify(o.manifest.spec)]),
    );
    const differing = changed.objects
      .filter((o) => before.get(o.manifest.metadata.name) !== JSON.stringify(o.manifest.spec))
      .map((o) => o.manifest.metadata.name)
      .sort();
    expect(differing).toEqual(["database-ingress", "frontend-egress"]);

    const v2 = await deployer.up("production", {
      stage: "enforce",
      revision: "r2",
      policiesDir: join(e2e.repo, "policies-v2"),
    });
    expect(await serverState("production")).toEqual(expected(changed.objects));
    // Two policies change their rules; the others only their source annotation (the intent now
    // lives in policies-v2/).
    const specChanges = v2.operations
      .filter((o) => o.changedKeys.includes("spec"))
      .map((o) => `${o.op} ${o.name}`)
      .sort();
    expect(specChanges, JSON.stringify(v2.operations)).toEqual([
      "update production/database-ingress",
      "update production/frontend-egress",
    ]);
    for (const o of v2.operations) expect(["update", "same"]).toContain(o.op);
    expect(v2.outputs).toMatchObject({ revision: "r2", digest: bundleDigest(changed), from: "intent" });
    // The new rule is in the server: the database admits the frontend on 5432.
    const db = (await e2e.listPolicies("production")).find((p) => p.metadata?.name === "database-ingress");
    expect(JSON.stringify(wire(db ?? {}))).toContain('"app":"frontend"');

    const back = await deployer.up("production", {
      stage: "enforce",
      revision: "r1",
      bundleFile: firstBundleFile,
    });
    expect(await serverState("production")).toEqual(expected(firstObjects));
    expect(back.outputs).toMatchObject({
      revision: "r1",
      from: "recorded",
      digest: bundleDigest({ ...changed, objects: firstObjects }),
    });
  });

  it(
    "one enforce deploy creates the default-deny after the allows; stage allow then removes it first",
    { timeout: 240_000 },
    async () => {
      const deployer = createPulumiDeployer({
        workDir: e2e.workDir,
        stackTemplate: "{env}",
        env: e2e.engineEnv,
      });
      const bundle = await compiled("staging");
      const allows = bundle.objects.filter((o) => o.stage === "allow");

      const enforce = await deployer.up("staging", { stage: "enforce" });
      expect(await serverState("staging")).toEqual(expected(bundle.objects));
      // The engine finished every allow before it created the default-deny.
      const created = enforce.completed
        .filter((s) => s.kind === "NetworkPolicy")
        .map((s) => `${s.op} ${s.name}`);
      expect(created).toHaveLength(bundle.objects.length);
      expect(created.at(-1)).toBe("create staging/default-deny-all");
      const rv = new Map(
        (await e2e.listPolicies("staging")).map((p) => [
          p.metadata?.name ?? "",
          Number(p.metadata?.resourceVersion),
        ]),
      );
      for (const o of allows)
        expect(rv.get(o.manifest.metadata.name) ?? Infinity).toBeLessThan(rv.get("default-deny-all") ?? 0);

      // Break-glass: back to stage allow deletes the default-deny and keeps every allow.
      const allow = await deployer.up("staging", { stage: "allow" });
      expect(opsOf(allow).filter((o) => !o.startsWith("same "))).toEqual([
        "delete NetworkPolicy staging/default-deny-all",
      ]);
      expect(await serverState("staging")).toEqual(expected(allows));
      expect(allow.outputs).toMatchObject({
        stage: "allow",
        digest: bundleDigest({ ...bundle, objects: allows }),
      });
    },
  );

  it(
    "an invalid intent fails the deploy with its file:line:column and changes nothing",
    { timeout: 240_000 },
    async () => {
      const dir = join(e2e.repo, "policies-invalid");
      cpSync(join(e2e.repo, "policies"), dir, { recursive: true });
      appendFileSync(join(dir, "environments/production.yaml"), "  - frontend -> nowhere:5432\n");
      const loaded = await loadIntentFromDir("policies-invalid", e2e.repo);
      expect(loaded.ok).toBe(false);
      const first = loaded.ok ? undefined : loaded.errors[0];
      const before = await serverState("production");

      const deployer = createPulumiDeployer({
        workDir: e2e.workDir,
        stackTemplate: "{env}",
        env: e2e.engineEnv,
      });
      const error = await deployer.up("production", { stage: "enforce", policiesDir: dir }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PulumiDeployError);
      const message = (error as Error).message;
      expect(message).toContain(`${first?.file}:${first?.line}:${first?.column}`);
      expect(message).toContain(first?.message ?? "?");
      expect(message).not.toMatch(/\sat \S+ \(/);
      expect(await serverState("production")).toEqual(before);
    },
  );

  it("an update of a locked stack is reported as locked", { timeout: 240_000 }, async () => {
    // Another update holds the stack: the self-managed backend's lock file, as `pulumi up` writes it.
    const locks = join(e2e.dir, "state/.pulumi/locks/organization/netpol-rollout/production");
    mkdirSync(locks, { recursive: true });
    writeFileSync(
      join(locks, "8c1d3c9e-0000-4000-8000-000000000001.json"),
      JSON.stringify({
        pid: 4242,
        username: "ci",
        hostname: "runner-1",
        timestamp: new Date().toISOString(),
      }),
    );
    const deployer = createPulumiDeployer({
      workDir: e2e.workDir,
      stackTemplate: "{env}",
      env: e2e.engineEnv,
    });
    const error = await deployer.up("production", { stage: "enforce" }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StackLockedError);
    expect((error as Error).message).toMatch(
      /^stack production is locked by another update \(ci@runner-1, pid 4242, since [0-9T:-]+Z\); re-run the job when it has finished$/,
    );
    // Nothing changed in the cluster.
    expect(await serverState("production")).toEqual(expected(firstObjects));
  });

  it("an object the API server refuses names its intent line", { timeout: 240_000 }, async () => {
    // Started in beforeAll: the provider retries a missing namespace for about a minute first.
    const { allowSources, error } = await orphan;
    expect(allowSources.length).toBeGreaterThan(0);
    for (const s of allowSources) expect(s).toMatch(/^policies-orphan\/environments\/orphan\.yaml:\d+$/);
    expect(error).toBeInstanceOf(PulumiDeployError);
    const message = (error as PulumiDeployError).message;
    expect(message).toContain('namespaces "orphan" not found');
    for (const s of allowSources) expect(message).toContain(`(${s})`);
    expect([...(error as PulumiDeployError).sources].sort()).toEqual([...new Set(allowSources)].sort());
    // Nothing of it reached the cluster.
    expect(await e2e.listPolicies("orphan")).toEqual([]);
  });
});
