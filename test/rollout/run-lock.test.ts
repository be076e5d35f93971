/**
 * Deploy, rollback and drift under the environment's run lock (the real lock over in-memory
 * Leases with compare-and-swap): taken before anything is read, confirmed before every
 * change, a lost lock stops the run before its next change, a busy lock refuses or skips
 * with the holder named, and a stack lock left by a run whose lock expired is traced to it.
 */
import { describe, expect, it } from "vitest";
import { runDrift } from "../../action/src/commands/drift.js";
import { runRollback } from "../../action/src/commands/rollback.js";
import { renderDriftSummary } from "../../action/src/report/rollout.js";
import { lastKnownGood } from "../../action/src/rollout/last-known-good.js";
import type { LeaseObject } from "../../action/src/ports/lock.js";
import { FakeLeases, fakeLocks } from "../fakes/rollout.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { FLOWS_B, production, REV_A, REV_B, setup, target } from "../helpers/rollout-scenario.js";

const LEASE = "netpol-rollout/netpol-rollout-lock-production";

/** Another run's Lease on production, as a running deploy leaves it. */
function heldBy(leases: FakeLeases, run: string, activity = "deploy expand"): LeaseObject {
  const lease: LeaseObject = {
    metadata: {
      name: "netpol-rollout-lock-production",
      namespace: "netpol-rollout",
      resourceVersion: "900",
      annotations: {
        "netpol-rollout.io/lock-command": "deploy",
        "netpol-rollout.io/lock-run": run,
        "netpol-rollout.io/lock-attempt": "1",
        "netpol-rollout.io/lock-actor": "mona",
        "netpol-rollout.io/lock-url": `https://github.com/acme/net/actions/runs/${run}`,
        "netpol-rollout.io/lock-activity": activity,
      },
    },
    spec: {
      holderIdentity: `${run}-1-0badf00d`,
      leaseDurationSeconds: 60,
      renewTime: "2026-11-30T06:59:00.000000Z",
    },
  };
  leases.leases.set(LEASE, lease);
  return lease;
}

/** The activities the run wrote on its Lease, in order (each a confirm before a change). */
function activities(leases: FakeLeases): string[] {
  const seen: string[] = [];
  const replace = leases.replace.bind(leases);
  leases.replace = async (lease) => {
    const activity = lease.metadata.annotations?.["netpol-rollout.io/lock-activity"];
    if (lease.spec?.holderIdentity && activity && seen.at(-1) !== activity) seen.push(activity);
    return replace(lease);
  };
  return seen;
}

describe("the run lock", () => {
  it("is confirmed before every step, every probe phase and the record, and released at the end", async () => {
    const s = setup();
    const leases = new FakeLeases();
    s.deps.locks = fakeLocks(leases);
    const seen = activities(leases);
    await s.rollout([target(production(), REV_A)]);
    await s.rollout([target(production(FLOWS_B), REV_B)]);
    expect(seen).toEqual([
      // The first deploy: allows, recorded as running, probe, then the default-deny,
      // recorded, probe, the record of the proven deploy.
      "deploy expand",
      "record",
      "deploy probe expand",
      "deploy contract",
      "record",
      "deploy probe contract",
      "record",
      // Released, then taken again by the second deploy (one step).
      "acquired",
      "deploy expand",
      "record",
      "deploy probe expand",
      "record",
    ]);
    expect(leases.leases.get(LEASE)?.spec?.holderIdentity).toBeUndefined();
    expect(leases.leases.get(LEASE)?.metadata.annotations?.["netpol-rollout.io/lock-released"]).toBeDefined();
  });

  it("refuses a deploy while another run holds the lock past the wait: nothing read, nothing changed, the holder named", async () => {
    const s = setup();
    const leases = new FakeLeases();
    heldBy(leases, "4242");
    s.deps.locks = fakeLocks(leases);
    let reads = 0;
    const read = s.deps.readCluster;
    s.deps.readCluster = () => (reads++, read());
    const report = await s.rollout([target(production(), REV_A)]);
    expect(reads).toBe(0);
    expect(s.deployer.ups).toHaveLength(0);
    expect(report.environments.map((e) => [e.environment, e.status])).toEqual([["production", "refused"]]);
    expect(report.refusals).toEqual([
      `production: the run lock Lease ${LEASE} is held by deploy run 4242 attempt 1 by mona (https://github.com/acme/net/actions/runs/4242), ` +
        `at "deploy expand"; waited 0.0 s for it to be released (a holder that stops renewing loses it after 60 s)`,
    ]);
    // The other run's Lease is untouched.
    expect(leases.leases.get(LEASE)?.spec?.holderIdentity).toBe("4242-1-0badf00d");
  });

  it("stops a deploy before its next change when another run took the lock during a step, and records nothing", async () => {
    const s = setup();
    const leases = new FakeLeases();
    s.deps.locks = fakeLocks(leases);
    await s.rollout([target(production(), REV_A)]);
    const up = s.deployer.up.bind(s.deployer);
    s.deps.engine = {
      target: (environment) => s.deployer.target(environment),
      async up(environment, options) {
        const result = await up(environment, options);
        // While the expand step ran, someone handed the Lease to a rollback run.
        const lease = leases.leases.get(LEASE) as LeaseObject;
        lease.spec = { ...lease.spec, holderIdentity: "77-1-feedface" };
        lease.metadata.annotations = {
          "netpol-rollout.io/lock-command": "rollback",
          "netpol-rollout.io/lock-run": "77",
        };
        lease.metadata.resourceVersion = "5000";
        return result;
      },
    };
    const before = (await s.history.read("production")).entries.length;
    const report = await s.rollout([target(production(FLOWS_B), REV_B)]);
    const outcome = report.environments[0];
    expect(outcome?.status).toBe("failed");
    expect(outcome?.reason).toBe(
      `this run lost the run lock Lease ${LEASE}: it is now held by rollback run 77; ` +
        "stopped before its next change after 1 applied step, nothing was recorded",
    );
    expect(s.deployer.ups).toHaveLength(3); // the first deploy's two steps, then the expand step only
    expect(s.probes.runs).toBe(2); // the first deploy's probes; none after the lost lock
    expect((await s.history.read("production")).entries).toHaveLength(before);
    expect(leases.leases.get(LEASE)?.spec?.holderIdentity).toBe("77-1-feedface"); // left alone on release
  });

  it("takes over from a run that died holding the lock, and traces the stack lock it left to that run", async () => {
    const s = setup();
    const leases = new FakeLeases();
    heldBy(leases, "999", "deploy contract");
    const clock = new ManualClock();
    s.deps.locks = fakeLocks(leases, { clock });
    s.deployer.lockedBy = "runner@fv-az9, pid 4711, since 2026-11-30T06:58:00Z";
    const running = s.rollout([target(production(), REV_A)], { lockWaitMs: 120_000 });
    // The dead run's Lease stands unchanged for a whole duration, as the waiting run sees it.
    for (let second = 0; second <= 60; second++) {
      await new Promise((r) => setTimeout(r, 1));
      clock.advance(1_000);
    }
    const report = await running;
    const outcome = report.environments[0];
    expect(outcome?.status).toBe("refused");
    expect(outcome?.notes[0]).toMatch(
      /^the run lock was taken over from deploy run 999 attempt 1 by mona \(https:\/\/github\.com\/acme\/net\/actions\/runs\/999\), which stopped renewing it at "deploy contract"/,
    );
    expect(outcome?.recovery).toMatch(
      /^the stack lock was most likely left by deploy run 999 attempt 1 by mona .*: it held this environment's run lock and stopped renewing it at "deploy contract", so it ended without finishing\. Make sure that run and its `pulumi` process have ended .*`pulumi cancel --stack production --yes`/,
    );
  });

  it("makes a manual rollback wait for and take the same lock", async () => {
    const s = setup();
    const leases = new FakeLeases();
    s.deps.locks = fakeLocks(leases);
    await s.rollout([target(production(), REV_A)]);
    heldBy(leases, "31337");
    const report = await runRollback(
      {
        environment: production(),
        target: "last-known-good",
        reason: "incident",
        onInconclusive: "fail",
        breakGlass: "auto",
        run: {},
        lockWaitMs: 0,
      },
      { ...s.deps, compileAt: async () => undefined },
    );
    expect(report.environments[0]?.status).toBe("refused");
    expect(report.refusals[0]).toMatch(/is held by deploy run 31337/);
  });
});

describe("drift under the run lock", () => {
  it("skips an environment whose lock another run holds past the wait, and says whose it was", async () => {
    const s = setup();
    const leases = new FakeLeases();
    s.deps.locks = fakeLocks(leases);
    await s.rollout([target(production(), REV_A)]);
    heldBy(leases, "4242");
    const runsBefore = s.probes.runs;
    const report = await runDrift([production()], { ...s.deps, lockWaitMs: 0 });
    expect(report.drift).toBe(false);
    expect(report.environments[0]?.skipped).toMatch(
      /^the run lock Lease .* is held by deploy run 4242 attempt 1 by mona .*; drift was not checked$/,
    );
    expect(s.probes.runs).toBe(runsBefore); // no probe pod
    expect(renderDriftSummary(report)).toMatch(
      /## netpol-rollout drift watch: ⏭️ 1 environment not checked, no drift in the rest\n\n### production: ⏭️ not checked/,
    );
  });

  it("probes and refreshes the record under the lock, then releases it", async () => {
    const s = setup();
    const leases = new FakeLeases();
    s.deps.locks = fakeLocks(leases, { run: { command: "drift", runId: "8" } });
    const seen = activities(leases);
    await s.rollout([target(production(), REV_A)]);
    const report = await runDrift([production()], s.deps);
    expect(report.environments[0]?.notes.join("\n")).toMatch(/the last probe of .* is now this one/);
    expect(seen.slice(-2)).toEqual(["drift probe", "drift record"]);
    expect(lastKnownGood(await s.history.read("production"))?.probedAt).toBeDefined();
    expect(leases.leases.get(LEASE)?.spec?.holderIdentity).toBeUndefined();
  });
});
