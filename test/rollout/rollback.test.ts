/** The manual rollback to the last-known-good, a recorded revision or a git ref, over typed fakes. */
import { describe, expect, it } from "vitest";
import { compileEnvironment } from "../../action/src/compile/index.js";
import { runRollback } from "../../action/src/commands/rollback.js";
import { lastKnownGood } from "../../action/src/rollout/last-known-good.js";
import {
  compiledNames,
  FLOWS_B,
  intent,
  managed,
  production,
  REV_A,
  REV_B,
  setup,
  target,
} from "../helpers/rollout-scenario.js";

describe("manual rollback", () => {
  const compileAt = (refs: Record<string, string[]>) => async (ref: string, environment: string) => {
    const flows = refs[ref];
    if (flows === undefined) return undefined;
    const env = intent(environment, "", flows);
    return {
      intent: env,
      bundle: { ...compileEnvironment(env), excludedNamespaces: [] },
      commit: `${ref}0000000`,
    };
  };

  async function deployedTwice() {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    await s.rollout([target(production(FLOWS_B), REV_B)]);
    return s;
  }

  function request(targetName: string) {
    return {
      environment: production(FLOWS_B),
      target: targetName,
      reason: "ledger latency after the worker change",
      onInconclusive: "fail" as const,
      breakGlass: "auto" as const,
      run: { id: "9", actor: "carol", event: "workflow_dispatch" },
    };
  }

  it("to the last-known-good redeploys it, probes, and records who, why, from and to", async () => {
    const s = await deployedTwice();
    // Someone edited shop by hand since: the last-known-good (B) is put back.
    s.cluster.remove("NetworkPolicy/shop/worker-egress");
    const report = await runRollback(request("last-known-good"), { ...s.deps, compileAt: compileAt({}) });
    expect(report.environments[0]?.status).toBe("deployed");
    expect(report.target).toMatch(/the last-known-good, revision bbbbbbb22222/);
    expect(managed(s.cluster)).toEqual(compiledNames(production(FLOWS_B)));
    const entry = (await s.history.read("production")).entries[0];
    expect(entry).toMatchObject({
      action: "rollback",
      proven: true,
      revision: REV_B,
      reason: "ledger latency after the worker change",
      run: { actor: "carol" },
    });
  });

  it("to a recorded revision by commit prefix", async () => {
    const s = await deployedTwice();
    const report = await runRollback(request(REV_A.slice(0, 7)), { ...s.deps, compileAt: compileAt({}) });
    expect(report.environments[0]?.status).toBe("deployed");
    expect(managed(s.cluster)).toEqual(compiledNames(production()));
    const h = await s.history.read("production");
    expect(h.entries[0]).toMatchObject({ action: "rollback", revision: REV_A, from: { revision: REV_B } });
    expect(lastKnownGood(h)?.revision).toBe(REV_A);
    for (const state of s.cluster.states.slice(-3))
      expect(state.has("NetworkPolicy/shop/default-deny-all")).toBe(true);
  });

  it("to a git ref, compiled", async () => {
    const s = await deployedTwice();
    const report = await runRollback(request("v1.2.0"), {
      ...s.deps,
      compileAt: compileAt({ "v1.2.0": ["ingress-nginx -> frontend:80", "frontend -> api:8080"] }),
    });
    expect(report.environments[0]?.status).toBe("deployed");
    expect(report.target).toMatch(/git ref v1\.2\.0 \(commit v1\.2\.0000000\), compiled/);
    expect(s.cluster.names("billing")).toEqual(["allow-dns", "default-deny-all"]);
  });

  it("refuses a target that does not exist, listing the recorded revisions, and changes nothing", async () => {
    const s = await deployedTwice();
    const ups = s.deployer.ups.length;
    const report = await runRollback(request("deadbeef"), { ...s.deps, compileAt: compileAt({}) });
    expect(report.refusals.join()).toMatch(
      /target "deadbeef" is not a recorded revision of production nor a git ref in this checkout; recorded revisions: bbbbbbb22222 \(#2, .*\), aaaaaaa11111 \(#1, /,
    );
    expect(s.deployer.ups.length).toBe(ups);
  });
});
