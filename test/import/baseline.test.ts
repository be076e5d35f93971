/**
 * The first pull request of an import: the preview compares the new environment with the
 * policies it replaces (`replaces:`), not with nothing, so an exact import reads "no
 * connectivity change" and a difference shows as a change with its rule.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPreview, type SourceFile } from "../../action/src/commands/preview-pipeline.js";
import { parseKubeObjects } from "../../action/src/manifests/parse.js";
import { importPolicies } from "../../action/src/import/index.js";
import { renderText } from "../../action/src/report/index.js";
import type { GitReader } from "../../action/src/ports/index.js";

const shop = readFileSync(join(import.meta.dirname, "fixtures/shop.yaml"), "utf8");

function imported(text: string): SourceFile[] {
  const objects = parseKubeObjects([{ path: "np.yaml", text }]);
  const result = importPolicies({
    environment: "prod",
    cni: "calico",
    policies: objects.policies,
    ciliumPolicies: [],
    sources: objects.sources,
    pods: [],
    namespaces: [],
    files: [],
  });
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.files.map((f) => ({ path: f.path, text: f.text }));
}

function git(files: SourceFile[]): GitReader {
  return {
    readTree: () => Promise.resolve(files),
    mergeBase: () => Promise.resolve("base"),
    resolve: (r) => Promise.resolve(r),
  };
}

describe("the first preview of an import", () => {
  it("compares with the replaced policies: an exact import shows no connectivity change", async () => {
    const head = imported(shop);
    const report = await runPreview(
      { git: git([]), readHead: () => Promise.resolve(head) },
      { baseRef: "base", policiesDir: "policies" },
    );
    const env = report.environments[0]!;
    expect(env.replaces).toEqual({ directory: "policies/imported/prod", policies: 8 });
    expect(env.diff.changes).toEqual([]);
    expect(env.defaultDeny).toBeUndefined();
    const text = renderText(report);
    expect(text).toContain("prod: takes over 8 policies from the cluster; no connectivity change\n");
    expect(text).toContain("Compared with the 8 policies it replaces (policies/imported/prod/");
  });

  it("shows what an edit of the import changes against the cluster, with its rule", async () => {
    const head = imported(shop).map((f) =>
      f.path.endsWith("environments/prod.yaml")
        ? { ...f, text: f.text.replace("  - api -> db:5432\n", "") }
        : f,
    );
    const report = await runPreview(
      { git: git([]), readHead: () => Promise.resolve(head) },
      { baseRef: "base", policiesDir: "policies" },
    );
    const changes = report.environments[0]!.diff.changes.map(
      (c) =>
        `${c.change} ${c.from} -> ${c.to}:${c.port}/${c.protocol} ${c.rule?.source?.file}:${c.rule?.source?.line}`,
    );
    // The rule is the replaced policy's, where the record holds it.
    expect(changes).toEqual(["removed shop/api -> shop/db:5432/TCP policies/imported/prod/shop.yaml:36"]);
  });

  it("reports a broken record at its line, and compares with nothing then", async () => {
    const head = imported(shop).map((f) =>
      f.path.endsWith("imported/prod/shop.yaml")
        ? { ...f, text: f.text.replace("kind: NetworkPolicy", "kind: Pod") }
        : f,
    );
    const report = await runPreview(
      { git: git([]), readHead: () => Promise.resolve(head) },
      { baseRef: "base", policiesDir: "policies" },
    );
    expect(report.intentErrors.map((e) => `${e.file}:${e.line}: ${e.message}`)[0]).toMatch(
      /^policies\/imported\/prod\/shop\.yaml:\d+: /,
    );
    expect(report.environments[0]!.replaces).toBeUndefined();
  });
});
