/**
 * `netpol-rollout init` in a scratch repository: the workflows for the environments the
 * intent declares, in promotion order, with the shipped workflows' concurrency and lock rules;
 * a re-run updates what it wrote and says what changed, keeps a file edited by hand unless
 * forced; the setup commands it prints (rbac among them) work; actionlint accepts the files.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsyaml from "js-yaml";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../action/src/cli/run.js";
import { actionlintBinary, actionlintRequired, repoRoot } from "../helpers/actionlint.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A repository holding the shipped example's policies/, without the environments not named. */
function repository(environments = ["dev", "staging", "production"]): string {
  const dir = mkdtempSync(join(tmpdir(), "netpol-init-"));
  dirs.push(dir);
  cpSync(join(repoRoot, "policies"), join(dir, "policies"), { recursive: true });
  for (const env of ["dev", "staging", "production"])
    if (!environments.includes(env)) rmSync(join(dir, "policies/environments", `${env}.yaml`));
  return dir;
}

async function init(cwd: string, ...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(["init", ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd,
  });
  return { code, stdout, stderr };
}

const workflow = (dir: string, name: string) => join(dir, ".github/workflows", name);

interface Job {
  needs?: string;
  environment?: string;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  strategy?: { matrix: { environment: string[] } };
  steps: { run?: string; with?: Record<string, unknown> }[];
}
interface Workflow {
  on: { workflow_dispatch?: { inputs: { environment: { options: string[] } } } };
  jobs: Record<string, Job>;
}
const load = (dir: string, name: string) =>
  jsyaml.load(readFileSync(workflow(dir, name), "utf8")) as Workflow;

describe("netpol-rollout init", () => {
  it("writes the four workflows for the shipped example's environments, in promotion order", async () => {
    const dir = repository();
    const r = await init(dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Workflows for dev → staging → production:\n {2}created \.github\/workflows\/netpol-preview\.yml\n/,
    );

    const deploy = load(dir, "netpol-deploy.yml").jobs;
    expect(Object.keys(deploy)).toEqual(["dev", "staging", "production"]);
    expect(Object.values(deploy).map((j) => j.needs)).toEqual([undefined, "dev", "staging"]);
    for (const [env, job] of Object.entries(deploy)) {
      expect(job.environment).toBe(env);
      expect(job.concurrency).toEqual({ group: `netpol-rollout-deploy-${env}`, "cancel-in-progress": false });
      expect(job.steps.find((s) => s.with?.["command"] === "deploy")?.with?.["environments"]).toBe(env);
    }

    const rollback = load(dir, "netpol-rollback.yml");
    expect(rollback.on.workflow_dispatch?.inputs.environment.options).toEqual([
      "dev",
      "staging",
      "production",
    ]);
    // A group would let a queued job cancel a pending rollback.
    expect(rollback.jobs["rollback"]?.concurrency).toBeUndefined();

    const drift = load(dir, "netpol-drift.yml").jobs["drift"] as Job;
    expect(drift.strategy?.matrix.environment).toEqual(["dev", "staging", "production"]);
    expect(drift.environment).toBe("${{ matrix.environment }}-drift");
    expect(drift.concurrency).toEqual({
      group: "netpol-rollout-drift-${{ matrix.environment }}",
      "cancel-in-progress": false,
    });

    // Every record-reading run authenticates the record; no expression inside a script.
    for (const name of [
      "netpol-preview.yml",
      "netpol-deploy.yml",
      "netpol-rollback.yml",
      "netpol-drift.yml",
    ]) {
      for (const job of Object.values(load(dir, name).jobs)) {
        for (const step of job.steps) {
          expect(step.run ?? "").not.toContain("${{");
          if (["deploy", "rollback", "probe"].includes(String(step.with?.["command"])))
            expect(step.with?.["record-key"]).toBe("${{ secrets.NETPOL_RECORD_KEY }}");
        }
      }
    }
  });

  it("writes one deploy job and one rollback choice for a repository with production only", async () => {
    const dir = repository(["production"]);
    expect((await init(dir)).code).toBe(0);
    const deploy = load(dir, "netpol-deploy.yml").jobs;
    expect(Object.keys(deploy)).toEqual(["production"]);
    expect(deploy["production"]?.needs).toBeUndefined();
    expect(load(dir, "netpol-rollback.yml").on.workflow_dispatch?.inputs.environment.options).toEqual([
      "production",
    ]);
  });

  it("updates its files when an environment is added, and says so; a third run changes nothing", async () => {
    const dir = repository(["dev", "production"]);
    await init(dir);
    cpSync(
      join(repoRoot, "policies/environments/staging.yaml"),
      join(dir, "policies/environments/staging.yaml"),
    );
    const second = await init(dir);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(
      "updated .github/workflows/netpol-deploy.yml (environments added: staging)",
    );
    expect(Object.keys(load(dir, "netpol-deploy.yml").jobs)).toEqual(["dev", "staging", "production"]);
    const third = await init(dir);
    expect(third.stdout.match(/^ {2}unchanged /gm)).toHaveLength(4);
  });

  it("keeps a file edited by hand (exit 1) and replaces it with --force", async () => {
    const dir = repository();
    await init(dir);
    const edited = `${readFileSync(workflow(dir, "netpol-drift.yml"), "utf8").replace('"17 */4 * * *"', '"5 * * * *"')}`;
    writeFileSync(workflow(dir, "netpol-drift.yml"), edited);
    rmSync(join(dir, "policies/environments/dev.yaml"));

    const kept = await init(dir);
    expect(kept.code).toBe(1);
    expect(kept.stdout).toContain(
      "kept .github/workflows/netpol-drift.yml: edited by hand since init wrote it (or not written by init); --force replaces it",
    );
    expect(readFileSync(workflow(dir, "netpol-drift.yml"), "utf8")).toBe(edited);
    expect(Object.keys(load(dir, "netpol-deploy.yml").jobs)).toEqual(["staging", "production"]);

    const forced = await init(dir, "--force");
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("replaced .github/workflows/netpol-drift.yml, edited by hand (--force)");
    expect((load(dir, "netpol-drift.yml").jobs["drift"] as Job).strategy?.matrix.environment).toEqual([
      "staging",
      "production",
    ]);
  });

  it("writes nothing with --dry-run or from an invalid intent", async () => {
    const dir = repository();
    const dry = await init(dir, "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("would create .github/workflows/netpol-deploy.yml");
    expect(existsSync(join(dir, ".github"))).toBe(false);

    writeFileSync(join(dir, "policies/environments/dev.yaml"), "promotion: [\n");
    const bad = await init(dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^policies\/environments\/dev\.yaml:\d+:\d+: /);
    expect(existsSync(join(dir, ".github"))).toBe(false);
  });

  it("prints the state namespace, rbac, kubeconfig and GitHub commands, and the rbac ones run", async () => {
    const dir = repository(["production"]);
    const { stdout } = await init(dir, "--state-namespace", "platform-netpol");
    for (const line of [
      "kubectl create namespace platform-netpol",
      "npx netpol-rollout rbac --env production --policies-dir policies --state-namespace platform-netpol > rbac-production.yaml",
      "kubectl apply -f rbac-production.yaml",
      "    kubernetes.io/service-account.name: netpol-rollout-production-deploy",
      "    kubernetes.io/service-account.name: netpol-rollout-production-drift",
      'gh api -X PUT "repos/{owner}/{repo}/environments/production"',
      "gh secret set KUBECONFIG --env production < kubeconfig-production-deploy",
      "gh secret set KUBECONFIG --env production-drift < kubeconfig-production-drift",
      'gh secret set NETPOL_RECORD_KEY --env production --body "$key"',
      'gh secret set NETPOL_RECORD_KEY --env production-drift --body "$key"',
    ])
      expect(stdout.split("\n")).toContain(line);
    expect(load(dir, "netpol-deploy.yml").jobs["production"]?.steps.at(-2)?.with?.["state-namespace"]).toBe(
      "platform-netpol",
    );
    // The printed rbac command, run: the identities the kubeconfig commands use are its ServiceAccounts.
    const rbac = stdout.split("\n").find((l) => l.startsWith("npx netpol-rollout rbac")) as string;
    let printed = "";
    const code = await run(
      rbac
        .replace(/^npx netpol-rollout /, "")
        .replace(/ >.*$/, "")
        .split(" "),
      {
        stdout: (t) => (printed += t),
        stderr: () => undefined,
        cwd: dir,
      },
    );
    expect(code).toBe(0);
    expect(printed).toMatch(
      /kind: ServiceAccount\nmetadata:\n {2}name: netpol-rollout-production-deploy\n {2}namespace: platform-netpol/,
    );
    expect(printed).toMatch(/name: netpol-rollout-production-drift\n {2}namespace: platform-netpol/);
  });

  const bin = actionlintBinary();
  it.skipIf(bin === undefined && !actionlintRequired)("writes workflows actionlint accepts", async () => {
    expect(bin, "actionlint is required here (NETPOL_REQUIRE_ACTIONLINT=1) but not built").toBeDefined();
    const dir = repository();
    await init(dir, "--state-namespace", "platform-netpol");
    const files = ["netpol-preview.yml", "netpol-deploy.yml", "netpol-rollback.yml", "netpol-drift.yml"].map(
      (n) => workflow(dir, n),
    );
    const r = spawnSync(bin as string, ["-no-color", "-oneline", ...files], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
