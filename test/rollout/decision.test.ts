/**
 * The rollback decision, one rule per test.
 */
import { describe, expect, it } from "vitest";
import type {
  CheckKind,
  CheckResult,
  Classification,
  ObservedOutcome,
  ProbeCheck,
} from "../../action/src/probe/types.js";
import { readObservation } from "../../action/src/probe/types.js";
import type { Reachability } from "../../action/src/semantics/reachability.js";
import {
  assess,
  decideAfterDeploy,
  baselineFrom,
  checkKey,
  decideAfterRollback,
  namespacesOf,
  type Baseline,
} from "../../action/src/rollout/decision.js";

const ALLOWED: ObservedOutcome = { outcome: "allowed", detail: "connected" };
const BLOCKED: ObservedOutcome = { outcome: "blocked", detail: "timeout" };
const DNS_FAIL: ObservedOutcome = { outcome: "dns-failure", message: "no answer" };
const CANNOT: ObservedOutcome = {
  outcome: "cannot-check",
  evidence: "image-pull-error",
  message: "ErrImagePull",
};

function check(id: string, kind: CheckKind, expect: Reachability, from = "shop", to = "shop"): ProbeCheck {
  return {
    id,
    kind,
    from: { namespace: from, labels: { app: "frontend" } },
    to: kind === "dns" ? { dns: "kubernetes.default.svc.cluster.local" } : { namespace: to, pod: "api-0" },
    port: kind === "dns" ? 53 : 8080,
    protocol: kind === "dns" ? "UDP" : "TCP",
    expect,
    expectBefore: expect,
    changeDeclared: false,
    reason: "test",
  };
}

function result(c: ProbeCheck, observed: ObservedOutcome, classification: Classification): CheckResult {
  return { check: c, observed, seen: readObservation(observed, "drop").seen, classification, attempts: 1 };
}

// The checks of one environment, and their usual good results.
const FLOW = check("declared/shop/frontend->api:8080/TCP", "declared", "allowed", "shop", "billing");
const DNS = check("dns/shop/udp", "dns", "allowed");
const NEG = check("negative/shop/api->frontend:80/TCP", "negative", "blocked");
const NEW_FLOW = check("declared/shop/frontend->worker:9000/TCP", "declared", "allowed");

const good = () => [
  result(FLOW, ALLOWED, "as-expected"),
  result(DNS, ALLOWED, "as-expected"),
  result(NEG, BLOCKED, "as-expected"),
];
const baseline: Baseline = { passed: [checkKey(FLOW), checkKey(DNS), checkKey(NEG)], failed: [] };

function replace(results: CheckResult[], replacement: CheckResult): CheckResult[] {
  return results.map((r) => (r.check.id === replacement.check.id ? replacement : r));
}

describe("after a deploy step, with a last-known-good", () => {
  it("all checks as expected: the step stands", () => {
    expect(decideAfterDeploy(good(), baseline).action).toBe("continue");
  });

  it("a declared flow the last-known-good passed is blocked now: roll back", () => {
    const d = decideAfterDeploy(replace(good(), result(FLOW, BLOCKED, "deviation")), baseline);
    expect(d.action).toBe("rollback");
    expect(d.action === "rollback" && d.triggers.map((t) => t.check.id)).toEqual([FLOW.id]);
  });

  it("DNS the last-known-good resolved fails now: roll back", () => {
    expect(decideAfterDeploy(replace(good(), result(DNS, DNS_FAIL, "deviation")), baseline).action).toBe(
      "rollback",
    );
  });

  it("an over-open result on a check the last-known-good passed: roll back (never break-glass)", () => {
    const d = decideAfterDeploy(replace(good(), result(NEG, ALLOWED, "deviation")), baseline);
    expect(d.action).toBe("rollback");
    expect(d.assessment.overOpen.map((r) => r.check.id)).toEqual([NEG.id]);
  });

  it("a surprise on a check the last-known-good passed is a failure too: roll back", () => {
    const surprise = result({ ...FLOW, expect: "blocked" }, BLOCKED, "surprise");
    expect(decideAfterDeploy(replace(good(), surprise), baseline).action).toBe("rollback");
  });

  it("a deviation the last-known-good also had does not roll back; it is reported", () => {
    const d = decideAfterDeploy(replace(good(), result(NEG, ALLOWED, "deviation")), {
      passed: [checkKey(FLOW), checkKey(DNS)],
      failed: [checkKey(NEG)],
    });
    expect(d.action).toBe("continue");
    expect(d.action === "continue" && d.notes.join()).toMatch(/also failed at the last-known-good/);
    expect(d.assessment.inherited.map((r) => r.check.id)).toEqual([NEG.id]);
  });

  it("a new flow that fails rolls back to the proven last-known-good", () => {
    const d = decideAfterDeploy([...good(), result(NEW_FLOW, BLOCKED, "deviation")], baseline);
    expect(d.action).toBe("rollback");
    expect(d.action === "rollback" && d.reason).toMatch(/1 check new in this revision fails/);
    expect(d.action === "rollback" && d.triggers.map((r) => r.check.id)).toEqual([NEW_FLOW.id]);
  });

  it("a regression wins over a new failure: roll back", () => {
    const results = [
      ...replace(good(), result(DNS, DNS_FAIL, "deviation")),
      result(NEW_FLOW, BLOCKED, "deviation"),
    ];
    expect(decideAfterDeploy(results, baseline).action).toBe("rollback");
  });

  it("a planned cannot-check is not inconclusive and changes nothing", () => {
    const planned = result(
      { ...NEW_FLOW, expect: "cannot-check", cannotCheck: "no-running-pod" },
      { outcome: "cannot-check", evidence: "planned", message: "no pod" },
      "not-checked",
    );
    expect(decideAfterDeploy([...good(), planned], baseline).action).toBe("continue");
  });
});

describe("inconclusive checks", () => {
  const inconclusive = () => replace(good(), result(FLOW, CANNOT, "inconclusive"));

  it("fail by default, without a rollback", () => {
    const d = decideAfterDeploy(inconclusive(), baseline);
    expect(d.action).toBe("fail");
    expect(d.action === "fail" && d.reason).toMatch(/nothing was rolled back/);
  });

  it("roll back with on-inconclusive: rollback", () => {
    expect(decideAfterDeploy(inconclusive(), baseline, "rollback").action).toBe("rollback");
  });

  it("on-inconclusive: rollback without a last-known-good fails instead", () => {
    const d = decideAfterDeploy(inconclusive(), undefined, "rollback");
    expect(d.action).toBe("fail");
    expect(d.action === "fail" && d.reason).toMatch(/no last-known-good/);
  });

  it("count as passed with on-inconclusive: ignore, and say so", () => {
    const d = decideAfterDeploy(inconclusive(), baseline, "ignore");
    expect(d.action).toBe("continue");
    expect(d.action === "continue" && d.notes.join()).toMatch(/ignored/);
  });

  it("never outweigh a regression", () => {
    const results = replace(inconclusive(), result(DNS, DNS_FAIL, "deviation"));
    expect(decideAfterDeploy(results, baseline, "ignore").action).toBe("rollback");
  });
});

describe("without a last-known-good (first deploy)", () => {
  it("lost connectivity: break-glass in the namespaces of the caller and the callee", () => {
    const d = decideAfterDeploy(replace(good(), result(FLOW, BLOCKED, "deviation")), undefined);
    expect(d.action).toBe("break-glass");
    expect(d.action === "break-glass" && d.namespaces).toEqual(["billing", "shop"]);
  });

  it("DNS failing: break-glass in the caller's namespace only", () => {
    const d = decideAfterDeploy(replace(good(), result(DNS, DNS_FAIL, "deviation")), undefined);
    expect(d.action === "break-glass" && d.namespaces).toEqual(["shop"]);
  });

  it("an over-open result fails and removes no default-deny", () => {
    const d = decideAfterDeploy(replace(good(), result(NEG, ALLOWED, "deviation")), undefined);
    expect(d.action).toBe("fail");
    expect(d.action === "fail" && d.reason).toMatch(/over-open; no default-deny is removed/);
  });

  it("all checks as expected: the step stands", () => {
    expect(decideAfterDeploy(good(), undefined).action).toBe("continue");
  });
});

describe("after the rollback's re-probe", () => {
  it("passing: continue (the deploy still failed: it was rolled back)", () => {
    expect(decideAfterRollback(good(), baseline).action).toBe("continue");
  });

  it("connectivity the last-known-good had is still lost: break-glass", () => {
    const d = decideAfterRollback(replace(good(), result(DNS, DNS_FAIL, "deviation")), baseline);
    expect(d.action).toBe("break-glass");
    expect(d.action === "break-glass" && d.namespaces).toEqual(["shop"]);
  });

  it("still over-open: fail with the evidence, no break-glass", () => {
    const d = decideAfterRollback(replace(good(), result(NEG, ALLOWED, "deviation")), baseline);
    expect(d.action).toBe("fail");
    expect(d.action === "fail" && d.evidence.map((e) => e.check.id)).toEqual([NEG.id]);
  });

  it("a connectivity loss the last-known-good also had does not break glass", () => {
    const d = decideAfterRollback(replace(good(), result(FLOW, BLOCKED, "deviation")), {
      passed: [checkKey(DNS), checkKey(NEG)],
      failed: [checkKey(FLOW)],
    });
    expect(d.action).toBe("continue");
  });

  it("inconclusive: fail, no break-glass", () => {
    expect(decideAfterRollback(replace(good(), result(FLOW, CANNOT, "inconclusive")), baseline).action).toBe(
      "fail",
    );
  });
});

describe("assessment", () => {
  it("sorts failures into lost connectivity and over-open, and by what the last-known-good saw", () => {
    const results = [
      result(FLOW, BLOCKED, "deviation"),
      result(DNS, ALLOWED, "as-expected"),
      result(NEG, ALLOWED, "deviation"),
      result(NEW_FLOW, BLOCKED, "deviation"),
    ];
    const a = assess(results, { passed: [checkKey(FLOW)], failed: [checkKey(NEG)] });
    const ids = (rs: CheckResult[]) => rs.map((r) => r.check.id);
    expect(ids(a.lostConnectivity)).toEqual([FLOW.id, NEW_FLOW.id]);
    expect(ids(a.overOpen)).toEqual([NEG.id]);
    expect(ids(a.regressions)).toEqual([FLOW.id]);
    expect(ids(a.inherited)).toEqual([NEG.id]);
    expect(ids(a.unproven)).toEqual([NEW_FLOW.id]);
  });

  it("a blocked negative check is never lost connectivity", () => {
    const surprise = result(NEG, BLOCKED, "surprise");
    expect(assess([surprise]).lostConnectivity).toEqual([]);
  });

  it("an external address is in no namespace: only the caller's deny can cut it", () => {
    const ext: ProbeCheck = { ...FLOW, id: "external/x", kind: "external", to: { ip: "198.51.100.7" } };
    expect(namespacesOf([result(ext, BLOCKED, "deviation")])).toEqual(["shop"]);
  });
});

describe("check keys", () => {
  it("name the callee by service, not by pod, so a replaced pod keeps the key", () => {
    const moved: ProbeCheck = {
      ...FLOW,
      id: "other-id",
      to: { namespace: "billing", pod: "api-7", service: "api" },
    };
    const before: ProbeCheck = { ...FLOW, to: { namespace: "billing", pod: "api-0", service: "api" } };
    expect(checkKey(moved)).toBe(checkKey(before));
  });

  it("a key with one failing check of two pods is failed, not passed", () => {
    const a: ProbeCheck = { ...FLOW, id: "a", to: { namespace: "billing", pod: "api-0", service: "api" } };
    const b: ProbeCheck = { ...FLOW, id: "b", to: { namespace: "billing", pod: "api-1", service: "api" } };
    const baseline = baselineFrom([result(a, ALLOWED, "as-expected"), result(b, BLOCKED, "deviation")]);
    expect(baseline).toEqual({ passed: [], failed: [checkKey(a)] });
  });
});
