/**
 * The size budgets of the comment and the job summary: each degrades tier by tier (fewer
 * details, then verdicts only) until it fits, and is cut, saying so, only as a last resort.
 */
import { describe, expect, it } from "vitest";
import {
  GITHUB_COMMENT_LIMIT,
  GITHUB_SUMMARY_LIMIT_BYTES,
  MARKER,
  renderCommentWithTier,
  renderSummary,
  renderSummaryWithTier,
} from "../../action/src/report/markdown.js";
import type { FlowsGraph, PreviewReport } from "../../action/src/report/types.js";
import { change, diffOf, env, expectTablesIntact } from "./fixtures.js";

function largeReport(services: number, environments = 3): PreviewReport {
  const envs = Array.from({ length: environments }, (_, e) => {
    const name = `env-${e}`;
    const changes = Array.from({ length: services }, (_, i) =>
      change(
        "added",
        `shop-${i % 20}/service-${i}`,
        `shop-${(i + 1) % 20}/service-${(i + 1) % services}`,
        "8080",
        i,
      ),
    );
    const graph: FlowsGraph = {
      nodes: Array.from({ length: services }, (_, i) => ({
        id: `n${i}`,
        key: `shop-${i % 20}/service-${i}`,
        kind: "service" as const,
        removed: false,
      })),
      edges: Array.from({ length: services }, (_, i) => ({
        from: `n${i}`,
        to: `n${(i + 1) % services}`,
        ports: ["8080/TCP"],
        status: "added" as const,
      })),
    };
    return env(name, e + 1, diffOf(name, changes, [`shop-0/service-${e}`]), {
      graph,
      lint: Array.from({ length: Math.floor(services / 5) }, (_, i) => ({
        severity: "warning" as const,
        code: "flow-allows-every-port",
        message: `service-${i} is reachable on every port`,
        source: { file: `policies/environments/${name}.yaml`, line: i + 2, column: 3 },
      })),
      engine: {
        status: "ok" as const,
        stack: name,
        operations: Array.from({ length: services * 2 }, (_, i) => ({
          op: "create",
          kind: "NetworkPolicy",
          name: `shop-${i % 20}/service-${i >> 1}-${i % 2 ? "egress" : "ingress"}`,
          changedKeys: [],
        })),
      },
    });
  });
  return { policiesDir: "policies", environments: envs, intentErrors: [] };
}

describe("size budget", () => {
  it("a 500-service report fits a comment by dropping details, not by cutting", () => {
    const report = largeReport(500);
    const full = renderSummary(report);
    expect(full.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT); // the budget matters here
    const { body, tier } = renderCommentWithTier(report, { summaryUrl: "https://example.test/summary" });
    expect(body.length).toBeLessThan(GITHUB_COMMENT_LIMIT);
    expect(body.length).toBeLessThanOrEqual(65_000);
    expect(tier).toBe("reduced");
    expect(body).toMatch(
      /… and 4\d\d more risky changes in the \[job summary\]\(https:\/\/example\.test\/summary\)\./,
    );
    expect(body).not.toContain("is cut here");
    expect(body.startsWith(`${MARKER}\n`)).toBe(true);
    expectTablesIntact(body);
  });

  it("a tight budget falls back to per-environment verdicts with a link to the job summary", () => {
    const report = largeReport(500);
    const { body, tier } = renderCommentWithTier(report, {
      maxChars: 4_000,
      summaryUrl: "https://example.test/s",
    });
    expect(tier).toBe("summary");
    expect(body.length).toBeLessThanOrEqual(4_000);
    expect(body).toContain(
      "| <code>env-2</code> | 500 flows opened, 0 closed; 1 workload added | ⚠️ 500 new exposures |",
    );
    expect(body).toContain("[job summary](https://example.test/s)");
    expect(body).not.toContain("```mermaid");
  });

  it("never exceeds the budget, even with thousands of environments", () => {
    const report = largeReport(3, 3_000);
    const { body, tier } = renderCommentWithTier(report);
    expect(tier).toBe("summary");
    expect(body.length).toBeLessThanOrEqual(65_000);
    expect(body.startsWith(MARKER)).toBe(true);
  });

  it("with 5,000 environments the comment does not promise what the shortened job summary leaves out", () => {
    const report = largeReport(3, 5_000);
    const summary = renderSummaryWithTier(report);
    expect(summary.tier).not.toBe("full");
    const { body } = renderCommentWithTier(report, {
      summaryUrl: "https://example.test/s",
      summaryHoldsAll: summary.tier === "full",
    });
    expect(body.length).toBeLessThanOrEqual(65_000);
    expect(body).not.toContain("[job summary](https://example.test/s)");
    expect(body).toContain("in the JSON report (the step's `report` output)");
  });

  it("counts UTF-16 code units, so astral characters cannot push the comment over the limit", () => {
    const report = largeReport(300);
    for (const e of report.environments) {
      for (const c of e.diff.changes) c.explanation = "🔥".repeat(40);
    }
    const { body } = renderCommentWithTier(report, { maxChars: 20_000 });
    expect(body.length).toBeLessThanOrEqual(20_000);
    // No lone surrogate from a cut in the middle of a pair.
    expect(body).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it("the job summary keeps every row for 500 services and stays under 1 MiB", () => {
    const report = largeReport(500);
    const { body, tier } = renderSummaryWithTier(report);
    expect(Buffer.byteLength(body)).toBeLessThan(GITHUB_SUMMARY_LIMIT_BYTES);
    expect(tier).toBe("full");
    expect(body).not.toContain(MARKER);
    expect(body).not.toContain("more flow changes");
    expect(body).toContain("shop-19/service-499 → shop-0/service-0");
    // 500 edges is more than a diagram shows: said, not drawn.
    expect(body).toContain("The flows diagram is left out: the graph has 500 edges");
  });

  it("the job summary degrades when it would exceed its byte budget", () => {
    const report = largeReport(500);
    const { body, tier } = renderSummaryWithTier(report, { maxBytes: 200_000 });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(200_000);
    expect(tier).not.toBe("full");
  });
});
