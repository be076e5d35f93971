/**
 * gap: observed traffic against the shipped production intent (cilium): what it would block
 * with the isolation and the line that opens it, declared flows never observed, rules never
 * used; and the pre-flight's list of flows a first default-deny would cut.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, readFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type EnvironmentIntent } from "../../action/src/intent/index.js";
import { loadIntentFromDir } from "../../action/src/adapters/files/intent.js";
import { compileEnvironment } from "../../action/src/compile/index.js";
import { gapReport } from "../../action/src/flows/gap.js";
import { flowsCutByFirstDeny } from "../../action/src/flows/cut.js";
import { renderGapText } from "../../action/src/flows/render.js";
import { expectGolden } from "../helpers/golden.js";
import { repoRoot, runCli } from "../semantics/cli-helpers.js";
import { summarise } from "./helpers.js";

async function production(dir = join(repoRoot, "policies")): Promise<EnvironmentIntent> {
  const loaded = await loadIntentFromDir(dir, repoRoot);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join("\n"));
  const env = loaded.intent.environments.find((e) => e.name === "production");
  if (!env) throw new Error("no production");
  return env;
}

const scratch = mkdtempSync(join(tmpdir(), "netpol-gap-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("gap", () => {
  it("names each observed flow the intent would block, why, and the line that opens it", async () => {
    const env = await production();
    const summary = await summarise(["production-flows.jsonl"]);
    const report = gapReport(env, compileEnvironment(env), summary);
    expect(
      report.blocked.map((b) => [
        `${b.from.text} -> ${b.to.text}:${b.flow.port}/${b.flow.protocol}`,
        b.suggestion?.line,
        b.suggestion?.needs,
      ]),
    ).toEqual([
      [
        "monitoring/* (app=prometheus) -> production/api:9090/TCP",
        "monitoring/* -> production/api:9090",
        [
          "namespaces: monitoring: { managed: false }",
          "production/api declares no port 9090: add it to its ports",
        ],
      ],
      [
        "production/frontend -> production/database:5432/TCP",
        "production/frontend -> production/database:5432",
        [],
      ],
      [
        "production/* (app=batch) -> 203.0.113.9:443/TCP",
        "production/* -> 203.0.113.9/32:443",
        [
          "a service in production for the pods with { app: batch } would be narrower than the whole namespace",
        ],
      ],
    ]);
    const db = report.blocked[1];
    expect(db?.blockedBy).toEqual([
      "egress at production/frontend isolated by production/allow-dns, production/frontend-egress, production/default-deny-all; no egress rule allows production/database on 5432/TCP",
      "ingress at production/database isolated by production/database-ingress, production/default-deny-all; no ingress rule allows production/frontend on 5432/TCP",
    ]);
    // Every declared flow was seen; a denied-only flow (8081) is not traffic a deny would cut.
    expect(report.unobserved).toEqual([]);
    expect(report.judged).toBe(9);
    // The node's health checks: cilium admits them whatever the policies say.
    expect(report.notes).toEqual([
      "cilium: traffic from the local host is allowed by default, so kubelet probes pass",
    ]);
    expectGolden(
      "test/flows/golden/gap-production.txt",
      renderGapText(report, summary, { now: Date.parse("2026-01-05T13:09:00Z") }),
    );
  });

  it("a flow removed from the intent is named, with the line that put it back", async () => {
    const dir = join(scratch, "policies");
    cpSync(join(repoRoot, "policies"), dir, { recursive: true });
    const file = join(dir, "environments/production.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace("  - api -> 198.51.100.0/24:443 # payment processor\n", ""),
    );
    const env = await production(dir);
    const report = gapReport(env, compileEnvironment(env), await summarise(["production-flows.jsonl"]));
    const payment = report.blocked.find((b) => b.flow.port === 443 && b.from.text === "production/api");
    expect(payment?.suggestion?.line).toBe("production/api -> 198.51.100.7/32:443");
    expect(payment?.blockedBy).toEqual([
      "egress at production/api isolated by production/allow-dns, production/api-egress, production/default-deny-all; no egress rule allows 198.51.100.7 on 443/TCP",
    ]);
  });

  it("lists declared flows never observed and rules never used", async () => {
    const env = await production();
    const summary = await summarise(["production-flows.jsonl"]);
    const few = { ...summary, flows: summary.flows.filter((f) => f.port !== 5432) };
    const report = gapReport(env, compileEnvironment(env), few);
    expect(report.unobserved.map((f) => f.text)).toEqual(["production/api -> production/database:5432"]);
    const unused = report.unused.find((u) => u.namespace === "production");
    expect(unused?.rules.map((r) => `${r.policy} ${r.direction} ${r.ruleIndex}`)).toEqual([
      "api-egress egress 0",
      "database-ingress ingress 0",
    ]);
  });
});

describe("flowsCutByFirstDeny (the deploy pre-flight's question)", () => {
  it("lists the observed flows the first default-deny of a namespace would cut", async () => {
    const env = await production();
    const summary = await summarise(["production-flows.jsonl"]);
    const cut = flowsCutByFirstDeny({
      flows: summary.flows,
      bundle: compileEnvironment(env),
      profile: env.profile,
      firstDeny: ["production"],
    });
    expect(
      cut.map((c) => `${c.flow.from.label} -> ${c.flow.to.label}:${c.flow.port} [${c.namespaces.join(",")}]`),
    ).toEqual([
      "monitoring/app=prometheus -> production/app=api:9090 [production]",
      "production/app=batch -> 203.0.113.9:443 [production]",
      "production/app=frontend -> production/app=database:5432 [production]",
    ]);
    // A namespace already enforced is not a first default-deny: nothing of it is listed.
    expect(
      flowsCutByFirstDeny({
        flows: summary.flows,
        bundle: compileEnvironment(env),
        profile: env.profile,
        firstDeny: [],
      }),
    ).toEqual([]);
  });
});

describe("netpol-rollout gap", () => {
  it("exits 1 listing what would be blocked, 0 when nothing would", async () => {
    const flows = join(repoRoot, "test/flows/fixtures/production-flows.jsonl");
    const r = await runCli(["gap", "--env", "production", "--flows", flows, "--at", "2026-01-05T13:09:00Z"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("netpol-rollout gap: 3 observed flows would be blocked by production's intent\n");
    expect(r.stdout).toContain("monitoring/* -> production/api:9090");
    const declared = join(scratch, "declared.jsonl");
    writeFileSync(declared, readFileSync(flows, "utf8").split("\n").slice(0, 4).join("\n"));
    const ok = await runCli(["gap", "--env", "production", "--flows", declared, "--format", "json"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).blocked).toEqual([]);
    const strict = await runCli(["gap", "--env", "production", "--flows", declared, "--fail-on-unobserved"]);
    expect(strict.code).toBe(0);
  });

  it("refuses a bad record at file:line and judges nothing", async () => {
    mkdirSync(join(scratch, "bad"), { recursive: true });
    writeFileSync(
      join(scratch, "bad/f.jsonl"),
      '{"time":"2026-01-05T10:00:00Z","from":{"namespace":"a"},"to":{"ip":"1.2.3.4"},"port":70000,"verdict":"allowed"}\n',
    );
    const r = await runCli(["gap", "--env", "production", "--flows", join(scratch, "bad/f.jsonl")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      /f\.jsonl:1: port: expected an integer 1-65535, got 70000\nnetpol-rollout gap: invalid flow input; nothing judged\n$/,
    );
  });

  it("an unknown environment is a usage error naming the ones there are", async () => {
    const r = await runCli(["gap", "--env", "prod", "--flows", "x.jsonl"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("production");
  });
});
