/**
 * The negative checks of a plan over an environment whose undeclared pairs far outnumber the
 * caps: which candidates are taken, in which turn, and how many the caps leave out. The
 * golden file pins them; the candidates are keyed without being drafted, so a change in how
 * they are listed must not change the plan.
 */
import { describe, expect, it } from "vitest";
import { buildEnvironment } from "../helpers/intent-builder.js";
import { expectGolden } from "../helpers/golden.js";
import { planFor } from "./scenario.js";
import type { ProbePlan } from "../../action/src/probe/types.js";

/**
 * Three namespaces (one not in the cluster yet), services sharing labels (one identity runs
 * for both), an ingress controller whose pods carry a service's labels, and probe targets.
 */
function environment() {
  const services = (prefix: string, n: number) =>
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => [
        `${prefix}-${i}`,
        { ports: [8000 + i, 9000 + i], ...(i % 4 === 3 ? { labels: { app: `${prefix}-shared` } } : {}) },
      ]),
    );
  const env = buildEnvironment({
    name: "wide",
    namespaces: {
      shop: { services: services("shop", 9) },
      billing: { services: services("billing", 7) },
      late: { services: services("late", 3) },
      edge: { managed: false, podLabels: { app: "shop-shared" } },
    },
    flows: [
      "edge -> shop-0:8000",
      ...Array.from({ length: 8 }, (_, i) => `shop-${i} -> shop-${i + 1}:${8001 + i}`),
      ...Array.from({ length: 6 }, (_, i) => `billing-${i} -> billing-${i + 1}:${9001 + i}`),
      "shop-2 -> billing-4:8004",
      "billing-0 -> shop-7:9007",
      "late-0 -> shop-1:8001",
      { from: "shop-5", to: "203.0.113.0/24", ports: [443] },
    ],
  });
  return {
    ...env,
    probeTargets: ["203.0.113.9", "198.51.100.4"].map((address, i) => ({
      address,
      port: 443,
      protocol: "TCP" as const,
      source: { file: "policies/environments/wide.yaml", line: 90 + i, column: 7 },
    })),
  };
}

function negatives(plan: ProbePlan): string {
  const lines = plan.checks
    .filter((c) => c.kind === "negative" || c.kind === "external")
    .map((c) => `${c.id} ${c.expect} (${c.reason})`);
  return [...lines, `omitted: ${plan.omittedNegative}`, ""].join("\n");
}

describe("negative checks past the caps", () => {
  const env = environment();
  const plan = (negative: number, negativePerSource: number): ProbePlan =>
    planFor(env, {
      inventory: { replicas: 2, absentNamespaces: ["late"] },
      caps: { negative, negativePerSource },
    });

  it("takes candidates round-robin by kind and counts the ones left out (golden)", () => {
    const capped = plan(24, 3);
    const all = plan(1000, 1000);
    const none = plan(0, 3);
    expect(capped.omittedNegative).toBeGreaterThan(0);
    expect(all.omittedNegative).toBe(0);
    expect(none.checks.filter((c) => c.kind === "negative")).toEqual([]);
    expectGolden(
      "test/probe/golden/negatives.txt",
      [
        "# caps 24 in all, 3 per source",
        negatives(capped),
        "# caps out of the way",
        negatives(all),
        "# cap 0",
        negatives(none),
      ].join("\n"),
    );
  });
});
