import { describe, expect, it } from "vitest";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "../../action/src/cli/run.js";
import { expectGolden } from "../helpers/golden.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: repoRoot });
  return { code, stdout, stderr };
}

const plan = (output: string): Promise<{ code: number; stdout: string; stderr: string }> =>
  cli(
    "probe",
    "--env",
    "production",
    "--cluster",
    "test/probe/fixtures/cluster.yaml",
    "--policies-dir",
    "test/probe/fixtures/policies",
    "--plan",
    "--output",
    output,
  );

describe("netpol-rollout probe --plan", () => {
  it("prints the checks and the complete probe pods as JSON, with the contract's field names", async () => {
    const { code, stdout, stderr } = await plan("json");
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout) as {
      checks: Record<string, unknown>[];
      pods: { kind: string; spec: unknown }[];
    };
    expect(out.checks.length).toBeGreaterThan(0);
    for (const c of out.checks) {
      expect(Object.keys(c)).toEqual(
        expect.arrayContaining(["id", "kind", "from", "to", "port", "protocol", "expect", "reason"]),
      );
      expect(["declared", "negative", "dns", "external"]).toContain(c["kind"]);
      expect(["allowed", "blocked", "cannot-check"]).toContain(c["expect"]);
      expect(Object.keys(c["from"] as object)).toEqual(expect.arrayContaining(["namespace", "labels"]));
      const to = c["to"] as Record<string, unknown>;
      expect("pod" in to ? ["namespace", "pod"].every((k) => k in to) : "ip" in to || "dns" in to).toBe(true);
    }
    expect(out.pods.every((p) => p.kind === "Pod" && p.spec !== undefined)).toBe(true);
    expectGolden("test/probe/golden/plan.json", stdout);
  });

  it("groups the checks by source in text and markdown, saying why each was chosen", async () => {
    const text = await plan("text");
    expect(text.code, text.stderr).toBe(0);
    expectGolden("test/probe/golden/plan.txt", text.stdout);
    const markdown = await plan("markdown");
    expect(markdown.code, markdown.stderr).toBe(0);
    expectGolden("test/probe/golden/plan.md", markdown.stdout);
  });

  it("reads a cluster file only with --plan, plans only from a cluster file, and names an unknown environment", async () => {
    const noPlan = await cli("probe", "--env", "production", "--cluster", "test/probe/fixtures/cluster.yaml");
    expect(noPlan.code).toBe(2);
    expect(noPlan.stdout).toBe("");
    expect(noPlan.stderr).toContain("--cluster and --run-id are for --plan");
    const noCluster = await cli("probe", "--env", "production", "--plan");
    expect(noCluster.code).toBe(2);
    expect(noCluster.stderr).toContain("--plan needs --cluster FILE");
    const withContext = await cli(
      "probe",
      "--env",
      "production",
      "--cluster",
      "test/probe/fixtures/cluster.yaml",
      "--plan",
      "--context",
      "prod-admin",
    );
    expect(withContext.code).toBe(2);
    expect(withContext.stderr).toContain("not --kubeconfig/--context");
    const unknown = await cli(
      "probe",
      "--env",
      "prod",
      "--cluster",
      "test/probe/fixtures/cluster.yaml",
      "--policies-dir",
      "test/probe/fixtures/policies",
      "--plan",
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("did you mean 'production'?");
  });

  it("points at file:line of a broken cluster file and plans nothing", async () => {
    const { code, stdout, stderr } = await cli(
      "probe",
      "--env",
      "production",
      "--cluster",
      "test/probe/fixtures/policies/environments/production.yaml",
      "--policies-dir",
      "test/probe/fixtures/policies",
      "--plan",
    );
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/production\.yaml:\d+:\d+: /);
  });
});
