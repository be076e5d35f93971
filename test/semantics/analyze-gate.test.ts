import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { expectGolden } from "../helpers/golden.js";
import { runCli, tempDir } from "./cli-helpers.js";

const cluster = "test/semantics/fixtures/article-cluster.yaml";
const policies = "test/semantics/fixtures/article-policies.yaml";
const analyze = ["analyze", "--cluster", cluster, "--policies", policies];

// In the article's policies the frontend cannot call the api (no egress rule), the api
// reaches the database, and tools/debug does not.
const expectations = `# what must hold in production
- { from: production/api-5c6b7-fghij, to: production/database-0, port: 5432, expect: allowed }
- from: production/frontend-7d9f8-abcde
  to: production/api-5c6b7-fghij
  port: 8080
  expect: allowed
- { from: tools/debug, to: production/database-0, port: 5432, protocol: tcp, expect: Blocked }
`;

describe("analyze as a CI gate", () => {
  it("--expect exits 1 and lists each connection whose verdict differs, at its line, with why (golden)", async () => {
    const dir = tempDir({ "expect.yaml": expectations });
    const r = await runCli([...analyze, "--expect", join(dir, "expect.yaml")]);
    expect(r.code).toBe(1);
    const stderr = r.stderr.replaceAll(dir, "DIR");
    expect(stderr).toContain("1 of 3 connections does not have the expected verdict");
    expect(stderr).toContain(
      "DIR/expect.yaml:3:3: production/frontend-7d9f8-abcde -> production/api-5c6b7-fghij 8080/TCP: expected allowed, is blocked",
    );
    expect(stderr).not.toContain("database-0 5432/TCP: expected");
    expectGolden("test/semantics/golden/analyze-expect.stderr.txt", stderr);
    expectGolden("test/semantics/golden/analyze-expect.txt", r.stdout);
  });

  it("--expect exits 0 when every expected verdict holds", async () => {
    const dir = tempDir({
      "expect.yaml": expectations.replace("port: 8080\n  expect: allowed", "port: 8080\n  expect: blocked"),
    });
    const r = await runCli([...analyze, "--expect", join(dir, "expect.yaml")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("all 3 expected verdicts hold\n");
    expect(r.stdout).toContain("3 connections: 1 allowed, 2 blocked");
    expect(r.stdout).not.toContain("(expected");
  });

  it("--expect marks each result with its expected verdict in JSON", async () => {
    const dir = tempDir({ "expect.yaml": expectations });
    const r = await runCli([...analyze, "--expect", join(dir, "expect.yaml"), "--format", "json"]);
    expect(r.code).toBe(1);
    const results = (
      JSON.parse(r.stdout) as { results: { from: string; expected?: string; asExpected?: boolean }[] }
    ).results;
    expect(results.map((x) => [x.expected, x.asExpected])).toEqual([
      ["allowed", true],
      ["allowed", false],
      ["blocked", true],
    ]);
  });

  it("--fail-on-blocked exits 1 when a probe is blocked, and 0 when every probe connects", async () => {
    const probes = (list: object[]) => JSON.stringify({ probes: list });
    const dir = tempDir({
      "bad.json": probes([
        { from: "production/api-5c6b7-fghij", to: "production/database-0", port: 5432 },
        { from: "tools/debug", to: "production/database-0", port: 5432 },
      ]),
      "good.json": probes([{ from: "production/api-5c6b7-fghij", to: "production/database-0", port: 5432 }]),
    });
    const bad = await runCli([...analyze, "--probes", join(dir, "bad.json"), "--fail-on-blocked"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      "tools/debug -> production/database-0 5432/TCP: expected allowed, is blocked (--fail-on-blocked)",
    );
    expect(bad.stderr).toContain("no ingress rule allows tools/debug on 5432/TCP");
    const good = await runCli([...analyze, "--probes", join(dir, "good.json"), "--fail-on-blocked"]);
    expect(good.code).toBe(0);
    // Without the option a blocked probe is a result, not a failure.
    expect((await runCli([...analyze, "--probes", join(dir, "bad.json")])).code).toBe(0);
  });

  it("--fail-on-blocked without --probes is a usage error", async () => {
    const r = await runCli([...analyze, "--fail-on-blocked"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--fail-on-blocked judges the connections of --probes");
  });

  it("reports a malformed expectation file at the item and field (exit 1)", async () => {
    const dir = tempDir({
      "expect.yaml":
        "- { from: tools/debug, to: production/database-0, port: 5432, expect: maybe }\n" +
        "- { from: tools/debug, to: production/database-0, port: 5432 }\n" +
        "- { from: tools/debug, to: production/nobody, port: 5432, expect: blocked }\n",
      "map.yaml": "expect: []\n",
    });
    const r = await runCli([...analyze, "--expect", join(dir, "expect.yaml")]);
    expect(r.code).toBe(1);
    const stderr = r.stderr.replaceAll(dir, "DIR");
    expect(stderr).toContain(`DIR/expect.yaml:1:71: "expect" must be allowed or blocked, got string "maybe"`);
    expect(stderr).toContain(`DIR/expect.yaml:2:3: "expect" must be allowed or blocked, got nothing`);
    const map = await runCli([...analyze, "--expect", join(dir, "map.yaml")]);
    expect(map.code).toBe(1);
    expect(map.stderr).toContain("expected a list of connections");
  });

  it("names an unknown pod of an expectation at its line", async () => {
    const dir = tempDir({
      "expect.yaml": "- { from: tools/debug, to: production/nobody, port: 5432, expect: blocked }\n",
    });
    const r = await runCli([...analyze, "--expect", join(dir, "expect.yaml")]);
    expect(r.code).toBe(1);
    expect(r.stderr.replaceAll(dir, "DIR")).toContain('DIR/expect.yaml:1:3: unknown pod "production/nobody"');
  });
});
