/**
 * The record of what runs: written after every change a run makes and at every ending, and
 * the source of the intent every probe phase plans from.
 */
import { describe, expect, it } from "vitest";
import { compileEnvironment } from "../../action/src/compile/index.js";
import { runRollback } from "../../action/src/commands/rollback.js";
import type { ProvenEntry } from "../../action/src/rollout/last-known-good.js";
import { imagePullFails, dnsBrokenUnderDeny } from "../fakes/rollout.js";
import {
  FLOWS_A,
  FLOWS_B,
  managed,
  production,
  REV_A,
  REV_B,
  setup,
  target,
} from "../helpers/rollout-scenario.js";

const provenances = (s: ReturnType<typeof setup>) => s.history.written.map((h) => h.running?.provenance);

describe("the running record", () => {
  it("records each step of a deploy as it is applied, then the proven deploy", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    expect(provenances(s)).toEqual(["expand", "contract", "deploy", "deploy"]);
    const running = (await s.history.read("production")).running!;
    expect(running).toMatchObject({
      provenance: "deploy",
      revision: REV_A,
      proven: true,
      outcome: { status: "deployed" },
    });
    expect(
      running.bundle.objects
        .map((o) => `${o.manifest.metadata.namespace}/${o.manifest.metadata.name}`)
        .sort(),
    ).toEqual(managed(s.cluster));
  });

  it("after on-inconclusive: fail it says what runs: the expand of two revisions, not proven", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    s.probes.deviations.push(imagePullFails("billing"));
    const report = await s.rollout([target(production(FLOWS_B), REV_B)]);
    expect(report.environments[0]?.status).toBe("failed");
    const running = (await s.history.read("production")).running!;
    expect(running).toMatchObject({
      provenance: "expand",
      revision: REV_B,
      from: { revision: REV_A },
      proven: false,
      outcome: { status: "failed" },
    });
    expect(running.bundle.objects.map((o) => o.manifest.metadata.name)).toContain("worker-egress");
  });

  it("a cancelled run that left a step applied records that step, and that it was cancelled", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    const controller = new AbortController();
    const ups = s.deployer.ups.length;
    s.deployer.onOperation = (up) => {
      if (up === ups + 1) controller.abort();
    };
    const report = await s.rollout([target(production(FLOWS_B), REV_B)], { signal: controller.signal });
    expect(report.environments[0]?.status).toBe("cancelled");
    expect((await s.history.read("production")).running).toMatchObject({
      provenance: "expand",
      revision: REV_B,
      outcome: { status: "cancelled" },
    });
  });

  it("an automatic rollback records the restored revision, rolled back from the failed one", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    s.probes.deviations.push((check, c) =>
      check.id === "declared/shop/frontend->shop/api:8080/TCP" &&
      c.policies.has("NetworkPolicy/shop/worker-egress")
        ? { outcome: "blocked", detail: "timeout" }
        : undefined,
    );
    await s.rollout([target(production(FLOWS_B), REV_B)]);
    expect((await s.history.read("production")).running).toMatchObject({
      provenance: "rollback",
      revision: REV_A,
      from: { revision: REV_B },
      proven: true,
      outcome: { status: "rolled-back" },
    });
  });

  it("break-glass records the namespaces left without their default-deny", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    s.probes.deviations.push(dnsBrokenUnderDeny("shop"));
    await s.rollout([target(production(FLOWS_B), REV_B)]);
    const running = (await s.history.read("production")).running!;
    expect(running).toMatchObject({
      provenance: "break-glass",
      revision: REV_A,
      breakGlass: ["shop"],
      proven: false,
      outcome: { status: "break-glass" },
    });
    expect(
      running.bundle.objects
        .map((o) => `${o.manifest.metadata.namespace}/${o.manifest.metadata.name}`)
        .sort(),
    ).toEqual(managed(s.cluster));
  });

  it("a step the engine left half-done is read back from the cluster and recorded", async () => {
    const s = setup();
    s.deployer.failAt = { up: 2, afterOperations: 1 };
    const report = await s.rollout([target(production(), REV_A)]);
    expect(report.environments[0]?.status).toBe("failed");
    const running = (await s.history.read("production")).running!;
    expect(running).toMatchObject({
      provenance: "read-back",
      revision: REV_A,
      outcome: { status: "failed" },
    });
    expect(
      running.bundle.objects
        .map((o) => `${o.manifest.metadata.namespace}/${o.manifest.metadata.name}`)
        .sort(),
    ).toEqual(managed(s.cluster));
  });
});

describe("probes plan from the revision that runs", () => {
  it("the re-probe after an automatic rollback plans the restored revision's own flows", async () => {
    const s = setup();
    // A declares worker -> ledger; B drops it and adds frontend -> ledger, which the CNI drops.
    await s.rollout([target(production(FLOWS_B), REV_A)]);
    s.probes.deviations.push((check) =>
      check.id === "declared/shop/frontend->billing/ledger:5432/TCP"
        ? { outcome: "blocked", detail: "timeout" }
        : undefined,
    );
    const report = await s.rollout([target(production([...FLOWS_A, "frontend -> ledger:5432"]), REV_B)]);
    const outcome = report.environments[0]!;
    expect(outcome.status).toBe("rolled-back");
    const reprobe = outcome.probes.find((p) => p.phase === "rollback")!;
    const ids = reprobe.plan.checks.map((c) => c.id);
    expect(ids).toContain("declared/shop/worker->billing/ledger:5432/TCP");
    expect(ids).not.toContain("declared/shop/frontend->billing/ledger:5432/TCP");
    expect(reprobe.result.counts.failed).toBe(0);
  });

  it("the re-probe after an automatic rollback tries the restored revision's public flow, which the failed one dropped", async () => {
    const s = setup();
    s.probes.namespaceCallers = true;
    await s.rollout([target(production(), REV_A)]);
    // B drops ingress-nginx -> frontend:80 and adds worker -> ledger, which the CNI drops.
    s.probes.deviations.push((check) =>
      check.id.startsWith("declared/shop/worker->") ? { outcome: "blocked", detail: "timeout" } : undefined,
    );
    const withoutPublic = FLOWS_B.filter((f) => f !== "ingress-nginx -> frontend:80");
    const report = await s.rollout([target(production(withoutPublic), REV_B)]);
    const outcome = report.environments[0]!;
    expect(outcome.status).toBe("rolled-back");
    const checks = (phase: string) =>
      outcome.probes.find((p) => p.phase === phase)!.plan.checks.map((c) => c.id);
    const publicFlow = "declared/ingress-nginx->shop/frontend:80/TCP";
    expect(checks("deploy")).not.toContain(publicFlow);
    expect(checks("rollback")).toContain(publicFlow);
    expect(outcome.probes.find((p) => p.phase === "rollback")!.result.counts.failed).toBe(0);
  });

  it("a manual rollback to a revision whose intent cannot be had refuses, and changes nothing", async () => {
    const s = setup();
    await s.rollout([target(production(), REV_A)]);
    await s.rollout([target(production(FLOWS_B), REV_B)]);
    // Entry A as an earlier version wrote it: no intent; its revision is not in the repository.
    const h = await s.history.read("production");
    const a = h.entries.find((e) => e.revision === REV_A) as ProvenEntry;
    delete a.intent;
    await s.history.write(h);
    const ups = s.deployer.ups.length;
    const report = await runRollback(
      {
        environment: production(FLOWS_B),
        target: REV_A.slice(0, 7),
        reason: "test",
        onInconclusive: "fail",
        run: { id: "9" },
      },
      { ...s.deps, compileAt: async () => undefined },
    );
    expect(report.refusals[0]).toMatch(
      /cannot be rolled back to: its revision aaaaaaa11111 cannot be found in the repository .*roll back to a git ref instead/,
    );
    expect(s.deployer.ups.length).toBe(ups);
    // With the revision in the repository, the rollback plans from its own intent.
    const ok = await runRollback(
      {
        environment: production(FLOWS_B),
        target: REV_A.slice(0, 7),
        reason: "test",
        onInconclusive: "fail",
        run: { id: "9" },
      },
      {
        ...s.deps,
        compileAt: async (ref) =>
          ref === REV_A
            ? {
                intent: production(),
                bundle: { ...compileEnvironment(production()), excludedNamespaces: [] },
                commit: REV_A,
              }
            : undefined,
      },
    );
    expect(ok.environments[0]?.status).toBe("deployed");
    expect(ok.environments[0]?.probes[0]?.plan.checks.map((c) => c.id)).not.toContain(
      "declared/shop/worker->billing/ledger:5432/TCP",
    );
  });
});
