import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { expectGolden } from "../helpers/golden.js";
import { readFileSync } from "node:fs";
import { repoRoot, runCli, tempDir } from "./cli-helpers.js";
import { parseKubeObjects } from "../../action/src/manifests/parse.js";
import { buildModel } from "../../action/src/semantics/model.js";
import { reachabilityMatrix } from "../../action/src/semantics/matrix.js";
import { renderMatrixJson } from "../../action/src/semantics/render.js";
import { CNI_PROFILES } from "../../action/src/cni/profiles.js";

const cluster = "test/semantics/fixtures/article-cluster.yaml";
const policies = "test/semantics/fixtures/article-policies.yaml";

const probes = JSON.stringify({
  probes: [
    {
      from: "ingress-nginx/ingress-nginx-controller-8f7e6-pqrst",
      to: "production/frontend-7d9f8-abcde",
      port: 80,
    },
    { from: "production/frontend-7d9f8-abcde", to: "production/api-5c6b7-fghij", port: 8080 },
    { from: "production/api-5c6b7-fghij", to: "production/database-0", port: 5432 },
    { from: "production/api-5c6b7-fghij", to: "198.51.100.7", port: 443 },
    { from: "production/api-5c6b7-fghij", to: "kube-system/coredns-5d78c-uvwxy", port: 53, protocol: "UDP" },
    { from: "tools/debug", to: "production/database-0", port: 5432 },
  ],
});

describe("netpol-rollout analyze", () => {
  it("prints reachability matrices without probes (golden, text and markdown)", async () => {
    const text = await runCli(["analyze", "--cluster", cluster, "--policies", policies]);
    expect(text.code).toBe(0);
    expect(text.stderr).toBe("");
    expectGolden("test/semantics/golden/analyze-matrix.txt", text.stdout);
    const md = await runCli([
      "analyze",
      "--cluster",
      cluster,
      "--policies",
      policies,
      "--output",
      "markdown",
    ]);
    expectGolden("test/semantics/golden/analyze-matrix.md", md.stdout);
  });

  it("renders matrices as JSON (golden)", () => {
    const read = (p: string) => ({ path: p, text: readFileSync(join(repoRoot, p), "utf8") });
    const objects = parseKubeObjects([read(cluster), read(policies)]);
    const model = buildModel({
      pods: objects.pods,
      namespaces: objects.namespaces,
      policies: objects.policies,
      profile: CNI_PROFILES.generic,
    });
    const matrices = [
      reachabilityMatrix(model, 8080, "TCP", { level: "pods", declaredOnly: true }),
      reachabilityMatrix(model, 53, "UDP", { level: "groups" }),
    ];
    expectGolden("test/semantics/golden/matrix.json", renderMatrixJson(matrices));
  });

  it("groups pods into matrix rows on request", async () => {
    const r = await runCli(["analyze", "--cluster", cluster, "--policies", policies, "--matrix", "groups"]);
    expect(r.stdout).toContain("7 pods in 7 groups (pods that every policy treats alike share a row)");
    expect(r.stdout).toContain("reachability on 8080/TCP (groups: 7 sources, 2 destinations)");
  });

  it("judges probes (golden, text, JSON and markdown)", async () => {
    const dir = tempDir({ "probes.json": probes });
    const base = [
      "analyze",
      "--cluster",
      cluster,
      "--policies",
      policies,
      "--probes",
      join(dir, "probes.json"),
    ];
    const text = await runCli(base);
    expectGolden("test/semantics/golden/analyze-probes.txt", text.stdout);
    const json = await runCli([...base, "--output", "json"]);
    expectGolden("test/semantics/golden/analyze-probes.json", json.stdout);
    const md = await runCli([...base, "--output", "markdown"]);
    expectGolden("test/semantics/golden/analyze-probes.md", md.stdout);
  });

  it("lists every pod pair on every container port as JSON without probes", async () => {
    const r = await runCli(["analyze", "--cluster", cluster, "--policies", policies, "--output", "json"]);
    const results = (JSON.parse(r.stdout) as { results: unknown[] }).results;
    // 7 pods; destination ports: frontend 1, api 2, database 1, newsvc 1, controller 2, coredns 2, debug 0.
    expect(results).toHaveLength(7 * 9);
  });

  it("takes a directory of policies and notes skipped kinds on stderr, keeping stdout pure JSON", async () => {
    const dir = tempDir({
      "a.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c, namespace: x }\n",
      "b.yml":
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny, namespace: production }\nspec: { podSelector: {} }\n",
      "notes.txt": "not read",
    });
    const probeDir = tempDir({
      "probes.json": JSON.stringify({
        probes: [{ from: "tools/debug", to: "production/api-5c6b7-fghij", port: 8080 }],
      }),
    });
    const r = await runCli([
      "analyze",
      "--cluster",
      cluster,
      "--policies",
      dir,
      "--probes",
      join(probeDir, "probes.json"),
      "--output",
      "json",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^note: skipped 1 object of other kinds in .* \(ConfigMap\)\n$/);
    const result = (JSON.parse(r.stdout) as { results: { allowed: boolean; explanation: string }[] })
      .results[0];
    expect(result?.allowed).toBe(false);
    expect(result?.explanation).toContain(
      "ingress at production/api-5c6b7-fghij isolated by production/deny",
    );
  });

  it("reports malformed input with file:line:column and exit code 1, never a stack trace", async () => {
    const dir = tempDir({
      "cluster.yaml": "kind: Pod\nmetadata: { name: a, namespace: x }\nstatus: { podIP: not-an-ip }\n",
      "policies.yaml":
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: p, namespace: x }\nspec:\n  podSelector: {}\n  ingress:\n  - ports: [{ port: 99999 }]\n",
    });
    const r = await runCli(
      ["analyze", "--cluster", join(dir, "cluster.yaml"), "--policies", join(dir, "policies.yaml")],
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      [
        'cluster.yaml:3:18: podIP must be an IP address, got string "not-an-ip"',
        "policies.yaml:7:21: port must be 1-65535, got 99999",
        "2 errors in the input; nothing analyzed",
        "",
      ].join("\n"),
    );
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("points at the probe that names an unknown pod", async () => {
    const dir = tempDir({});
    writeFileSync(
      join(dir, "probes.json"),
      '{"probes": [\n  {"from": "production/nope", "to": "production/database-0", "port": 5432}\n]}\n',
    );
    const r = await runCli(
      [
        "analyze",
        "--cluster",
        join(repoRoot, cluster),
        "--policies",
        join(repoRoot, policies),
        "--probes",
        "probes.json",
      ],
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('probes.json:2:3: unknown pod "production/nope"');
  });

  it("rejects two outside addresses in one probe", async () => {
    const dir = tempDir({
      "p.json": JSON.stringify({ probes: [{ from: "1.1.1.1", to: "8.8.8.8", port: 53 }] }),
    });
    const r = await runCli([
      "analyze",
      "--cluster",
      cluster,
      "--policies",
      policies,
      "--probes",
      join(dir, "p.json"),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("at least one side must be a pod");
  });

  it("says which file is missing (exit 1) and refuses usage errors (exit 2)", async () => {
    const missing = await runCli(["analyze", "--cluster", "nope.yaml", "--policies", policies]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("netpol-rollout analyze: --cluster nope.yaml: no such file or directory\n");
    expect((await runCli(["analyze", "--policies", policies])).code).toBe(2);
    expect(
      (await runCli(["analyze", "--cluster", cluster, "--policies", policies, "--cni", "weave"])).code,
    ).toBe(2);
    expect(
      (await runCli(["analyze", "--cluster", cluster, "--policies", policies, "--output", "yaml"])).code,
    ).toBe(2);
  });
});
