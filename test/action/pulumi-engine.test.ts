/**
 * The bundled Action with the real Pulumi CLI (built from Go modules by
 * test/e2e/tools/build.sh; skipped when it has not been built): the Automation API in the
 * Action's chunk drives `pulumi preview` on a local file backend and receives the engine
 * events over gRPC (the path Pulumi CLIs after 3.205 use).
 */
import { execFileSync, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = join(import.meta.dirname, "../..");

function e2eBin(): string | undefined {
  try {
    const dir = execFileSync("bash", [join(repoRoot, "test/e2e/tools/env.sh")], { encoding: "utf8" }).trim();
    return existsSync(join(dir, "pulumi")) && existsSync(join(dir, "pulumi-language-nodejs"))
      ? dir
      : undefined;
  } catch {
    return undefined;
  }
}

const bin = e2eBin();

let repo: string;
beforeAll(() => {
  if (!bin) return;
  repo = mkdtempSync(join(tmpdir(), "netpol-engine-"));
  cpSync(join(repoRoot, "policies"), join(repo, "policies"), { recursive: true });
  // A minimal Node.js Pulumi project; @pulumi/pulumi comes from this repository.
  const infra = join(repo, "infra");
  mkdirSync(join(infra, "node_modules/@pulumi"), { recursive: true });
  symlinkSync(join(repoRoot, "node_modules/@pulumi/pulumi"), join(infra, "node_modules/@pulumi/pulumi"));
  writeFileSync(join(infra, "Pulumi.yaml"), "name: engine-probe\nruntime: nodejs\n");
  writeFileSync(join(infra, "package.json"), '{ "name": "engine-probe", "main": "index.js" }\n');
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: repo });
}, 60_000);
afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

async function runAction(program: string): Promise<{ code: number | null; stdout: string; report: unknown }> {
  writeFileSync(join(repo, "infra/index.js"), program);
  const runner = mkdtempSync(join(tmpdir(), "netpol-engine-runner-"));
  try {
    mkdirSync(join(runner, "state"));
    const env: Record<string, string> = {
      PATH: `${bin ?? ""}${delimiter}${process.env.PATH ?? ""}`,
      HOME: runner,
      GITHUB_EVENT_NAME: "workflow_dispatch",
      GITHUB_REPOSITORY: "acme/netpol",
      GITHUB_WORKSPACE: repo,
      RUNNER_TEMP: runner,
      INPUT_COMMAND: "preview",
      INPUT_ENVIRONMENTS: "production",
      "INPUT_WORK-DIR": "infra",
      "INPUT_PULUMI-ENGINE": "auto",
      PULUMI_BACKEND_URL: `file://${join(runner, "state")}`,
      PULUMI_CONFIG_PASSPHRASE: "test passphrase",
      PULUMI_HOME: join(runner, ".pulumi"),
      PULUMI_SKIP_UPDATE_CHECK: "true",
    };
    const child = spawn(process.execPath, [join(repoRoot, "dist/index.js")], { cwd: repo, env });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stdout += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    const reportPath = join(runner, "netpol-rollout/preview-report.json");
    const report: unknown = existsSync(reportPath) ? JSON.parse(readFileSync(reportPath, "utf8")) : undefined;
    return { code, stdout, report };
  } finally {
    rmSync(runner, { recursive: true, force: true });
  }
}

const engineOf = (report: unknown) =>
  (report as { report: { environments: { name: string; engine: unknown }[] } }).report.environments.map(
    (e) => [e.name, e.engine],
  );

describe.skipIf(!bin)("the Action with the real Pulumi CLI", () => {
  it("previews the stack of each environment", { timeout: 180_000 }, async () => {
    const run = await runAction('require("@pulumi/pulumi");\nexports.ready = true;\n');
    expect(run.code, run.stdout).toBe(0);
    expect(engineOf(run.report)).toEqual([
      ["production", { status: "ok", stack: "production", operations: [] }],
    ]);
    // The passphrase is masked first thing, and never printed otherwise.
    expect(run.stdout.replace("::add-mask::test passphrase", "")).not.toContain("test passphrase");
  });

  it(
    "explains a failing program with the engine's diagnostics, received as events",
    { timeout: 180_000 },
    async () => {
      // An error diagnostic and a failed exit, as a program that refuses its input ends.
      // (An uncaught exception fails it too, but the Node.js runtime takes 30-50 s to report one.)
      const run = await runAction(
        'const pulumi = require("@pulumi/pulumi");\npulumi.log.error("the intent of production is invalid");\nprocess.exitCode = 1;\n',
      );
      expect(run.code).toBe(1);
      const [[, engine]] = engineOf(run.report) as [[string, { status: string; error: string }]];
      expect(engine.status).toBe("failed");
      expect(engine.error).toBe(
        "pulumi preview of stack production failed: the intent of production is invalid; an unhandled error occurred: Program exited with non-zero exit code: 1",
      );
      expect(run.stdout).toContain("::error::the Pulumi preview of production failed");
    },
  );
});
