import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../action/src/cli/run.js";
import type { CliIo } from "../../action/src/cli/context.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

async function cli(args: string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

const scratch = mkdtempSync(join(tmpdir(), "validate-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function writeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(scratch, "repo-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("netpol-rollout validate", () => {
  it("prints one summary line per environment for the shipped policies and exits 0", async () => {
    const r = await cli(["validate"], repoRoot);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split("\n")).toEqual([
      "dev (promotion 1, cni generic): 4 services, 5 flows, 1 managed namespace",
      "staging (promotion 2, cni calico): 3 services, 4 flows, 1 managed namespace",
      "production (promotion 3, cni cilium): 3 services, 4 flows, 1 managed namespace",
    ]);
  });

  it("prints every error as file:line:col, a count, no stack trace, and exits 1", async () => {
    const root = writeTree({
      "net/environments/prod.yaml": "promotion: 1\ncni: calcio\nflows:\n  - a => b\n",
      "net/environments/dev.yaml": "promotion: 1\ncni: generic\nflow: []\n",
      "net/shared/broken.yaml": "namespaces: [\n",
    });
    const r = await cli(["validate", "--policies-dir", "net"], root);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toEqual([
      "net/environments/dev.yaml:3:1: unknown key 'flow' (did you mean 'flows'?)",
      "net/environments/prod.yaml:1:12: promotion 1 is already used by environment 'dev' (net/environments/dev.yaml:1) (give every environment its own place in the promotion order)",
      "net/environments/prod.yaml:2:6: unknown cni 'calcio' (did you mean 'calico'?)",
      "net/environments/prod.yaml:4:5: flow 'a => b' uses '=>' where '->' is expected (write 'SOURCE -> DESTINATION[:PORTS]', e.g. 'frontend -> api:8080')",
      expect.stringMatching(/^net\/shared\/broken\.yaml:2:1: YAML syntax error/),
      "5 errors in net",
    ]);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^[^\s:]+:\d+:\d+: \S/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("exits 1 with one error when the directory does not exist", async () => {
    const r = await cli(["validate", "--policies-dir", "missing"], scratch);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("missing:1:1: policies directory 'missing' does not exist\n1 error in missing\n");
  });

  it("exits 2 on an unknown option and 0 on --help", async () => {
    const bad = await cli(["validate", "--bogus"], repoRoot);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown option '--bogus'");
    const help = await cli(["validate", "--help"], repoRoot);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--policies-dir <dir>");
  });
});
