/**
 * Hostile and broken input to `netpol-rollout import`: every problem an error at its
 * file:line (or a refusal that says why), never a crash, never intent that does not load.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseKubeObjects } from "../../action/src/manifests/parse.js";
import { importPolicies } from "../../action/src/import/index.js";
import { runCli } from "../semantics/cli-helpers.js";

const shop = readFileSync(join(import.meta.dirname, "fixtures/shop.yaml"), "utf8");

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "netpol-import-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("import on the command line", () => {
  it("writes nothing and names file:line for input it cannot read", async () => {
    const dir = repo({
      "np.yaml": shop.replace(
        "podSelector: { matchLabels: { app: db } }",
        "podSelector: { matchLabels: { app: [db] } }",
      ),
    });
    const r = await runCli(["import", "--env", "prod", "--policies", "np.yaml", "--cni", "calico"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^np\.yaml:4\d:\d+: label "app" must be a string/m);
    expect(r.stderr).toContain("nothing imported");
    expect(existsSync(join(dir, "policies"))).toBe(false);
  });

  it("refuses a name the API server would refuse, at its line", async () => {
    const dir = repo({ "np.yaml": shop.replace("name: db, namespace: shop", "name: Db_1, namespace: shop") });
    const r = await runCli(["import", "--env", "prod", "--policies", "np.yaml", "--cni", "calico"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('np.yaml:48:19: metadata.name "Db_1" must be a DNS-1123 subdomain');
  });

  it("says what is missing: policies to import, the CNI of a new environment", async () => {
    const dir = repo({ "pods.yaml": "apiVersion: v1\nkind: Pod\nmetadata: { name: a, namespace: shop }\n" });
    expect((await runCli(["import", "--env", "prod"], dir)).code).toBe(2);
    const none = await runCli(["import", "--env", "prod", "--cluster", "pods.yaml", "--cni", "calico"], dir);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("no NetworkPolicy in pods.yaml; nothing to import");
    const noCni = await runCli(
      ["import", "--env", "prod", "--policies", "np.yaml"],
      repo({ "np.yaml": shop }),
    );
    expect(noCni.code).toBe(1);
    expect(noCni.stderr).toContain("environment prod is new: give its CNI profile with --cni");
  });

  it("--dry-run prints what it would write and writes nothing; then it writes, and proves", async () => {
    const dir = repo({ "np.yaml": shop });
    const dry = await runCli(
      ["import", "--env", "prod", "--policies", "np.yaml", "--cni", "calico", "--dry-run"],
      dir,
    );
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("would write (--dry-run):\n  policies/imported/prod/legacy.yaml (new)");
    expect(existsSync(join(dir, "policies"))).toBe(false);
    const real = await runCli(
      ["import", "--env", "prod", "--policies", "np.yaml", "--cni", "calico", "--format", "json"],
      dir,
    );
    expect(real.code).toBe(0);
    const report = JSON.parse(real.stdout) as { proof: { exact: boolean }; files: { path: string }[] };
    expect(report.proof.exact).toBe(true);
    for (const f of report.files) expect(existsSync(join(dir, f.path))).toBe(true);
    expect((await runCli(["validate"], dir)).stdout).toBe(
      "prod (promotion 1, cni calico): 3 services, 4 flows, 2 managed namespaces\n",
    );
  });
});

describe("import of mangled manifests", () => {
  it("gives errors at file:line, or intent that loads: never a crash (random edits)", () => {
    fc.assert(
      fc.property(fc.nat(shop.length), fc.string({ maxLength: 12 }), fc.nat(3), (at, insert, cut) => {
        const text = shop.slice(0, at) + insert + shop.slice(at + cut);
        const objects = parseKubeObjects([{ path: "np.yaml", text }]);
        if (objects.errors.length > 0) {
          for (const e of objects.errors) expect(e.line).toBeGreaterThan(0);
          return;
        }
        const result = importPolicies({
          environment: "prod",
          cni: "calico",
          policies: objects.policies,
          ciliumPolicies: objects.ciliumPolicies,
          sources: objects.sources,
          pods: [],
          namespaces: [],
          files: [],
        });
        if (!result.ok) throw new Error(result.errors.join("\n"));
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
