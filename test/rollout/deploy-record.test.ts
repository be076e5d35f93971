/** What a deploy records in the environment's history, and a record that cannot be written. */
import { describe, expect, it } from "vitest";
import { production, REV_A, setup, target } from "../helpers/rollout-scenario.js";

describe("recording", () => {
  it("a deploy that cannot write its last-known-good record fails the job", async () => {
    const { history, rollout } = setup();
    history.failWrites = true;
    const report = await rollout([target(production(), REV_A)]);
    expect(report.environments[0]?.status).toBe("failed");
    expect(report.environments[0]?.reason).toMatch(/could not be written/);
  });

  it("a redeploy of what is live probes it and records it again", async () => {
    const { deployer, rollout, history } = setup();
    await rollout([target(production(), REV_A)]);
    const ups = deployer.ups.length;
    const report = await rollout([target(production(), REV_A)]);
    expect(report.environments[0]?.status).toBe("deployed");
    expect(deployer.ups.length).toBe(ups);
    expect((await history.read("production")).entries).toHaveLength(2);
  });
});
