import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../action/src/cli/run.js";
import { SimulatedProber } from "../../action/src/probe/simulated.js";
import { readObservation } from "../../action/src/probe/types.js";
import { renderObjectJson } from "../../action/src/compile/bundle.js";
import { compileEnvironment } from "../../action/src/compile/compile.js";
import { liveInventory } from "./fixtures.js";
import { environment, planFor, policiesOf, THREE_TIERS } from "./scenario.js";

const dir = mkdtempSync(join(tmpdir(), "probe-sim-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function analyze(
  args: string[],
): Promise<{ results: { from: string; to: string; port: number; allowed: boolean }[] }> {
  let stdout = "";
  let stderr = "";
  const code = await run(["analyze", ...args, "--output", "json"], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: dir,
  });
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout) as { results: { from: string; to: string; port: number; allowed: boolean }[] };
}

describe("the simulated prober", () => {
  it("agrees with analyze on every check of the plan", async () => {
    const before = environment({ ...THREE_TIERS, flows: ["ingress-nginx -> frontend:80"] });
    const env = environment();
    const plan = planFor(env, { before, inventory: { replicas: 2 } });
    const inventory = liveInventory(env, { replicas: 2 });
    const prober = new SimulatedProber({ inventory, policies: policiesOf(env), profile: env.profile });
    const seen = await prober.probe({ plan, round: 1 });

    // analyze sees the cluster as kubectl lists it: the inventory plus the probe pods.
    const cluster = {
      apiVersion: "v1",
      kind: "List",
      items: [...inventory.namespaces, ...inventory.pods, ...plan.pods],
    };
    writeFileSync(join(dir, "cluster.json"), JSON.stringify(cluster));
    const bundle = compileEnvironment(env);
    writeFileSync(
      join(dir, "policies.json"),
      JSON.stringify({
        apiVersion: "v1",
        kind: "List",
        items: bundle.objects.map((o) => JSON.parse(renderObjectJson(o.manifest)) as unknown),
      }),
    );
    const checks = plan.checks.filter((c) => c.expect !== "cannot-check");
    expect(checks.length).toBeGreaterThan(10);
    const probes = checks.map((c) => ({
      from: `${c.from.namespace}/${c.from.pod}`,
      to: c.judgedTo,
      port: c.port,
      protocol: c.protocol,
    }));
    writeFileSync(join(dir, "probes.json"), JSON.stringify({ probes }));
    const { results } = await analyze([
      "--cluster",
      "cluster.json",
      "--policies",
      "policies.json",
      "--probes",
      "probes.json",
      "--cni",
      env.cni,
    ]);
    expect(results).toHaveLength(checks.length);
    checks.forEach((c, i) => {
      const observed = seen.outcomes.get(c.id)!;
      expect(readObservation(observed, "drop").seen, c.id).toBe(results[i]!.allowed ? "allowed" : "blocked");
      expect(c.expect, c.id).toBe(results[i]!.allowed ? "allowed" : "blocked");
    });
    // Both kinds occur, so the agreement is not one-sided.
    expect(new Set(results.map((r) => r.allowed))).toEqual(new Set([true, false]));
  });

  it("reports refused where the destination does not listen, and planned cannot-checks as such", async () => {
    const env = environment(THREE_TIERS, []);
    const plan = planFor(env, { before: env });
    const prober = new SimulatedProber({
      inventory: liveInventory(env),
      policies: { policies: [] },
      profile: env.profile,
    });
    const seen = await prober.probe({ plan, round: 1 });
    const spare = plan.checks.find((c) => c.reason.startsWith("undeclared port 81"))!;
    expect(seen.outcomes.get(spare.id)).toEqual({ outcome: "refused" });
    const planned = plan.checks.find((c) => c.expect === "cannot-check")!;
    expect(seen.outcomes.get(planned.id)).toMatchObject({ outcome: "cannot-check", evidence: "planned" });
  });
});
