/**
 * Observed traffic in the pull request preview: a folded "Real traffic this change would
 * block", first among the changes to look at, with the data's age; services and counts by
 * default, never pod names or addresses.
 */
import { describe, expect, it } from "vitest";
import { runPreview } from "../../action/src/commands/preview-pipeline.js";
import { renderComment } from "../../action/src/report/index.js";
import type { ObservedDetail } from "../../action/src/flows/observed-preview.js";
import { expectGolden } from "../helpers/golden.js";
import { edited, memoryGit, shippedFiles } from "../preview/helpers.js";
import { summarise } from "./helpers.js";

const AT = Date.parse("2026-01-05T13:09:00Z");

async function preview(detail: ObservedDetail) {
  const base = shippedFiles();
  // The branch drops the payment processor's flow: real traffic uses it.
  const head = edited(base, "policies/environments/production.yaml", (t) =>
    t.replace("  - api -> 198.51.100.0/24:443 # payment processor\n", ""),
  );
  const summary = await summarise(["production-flows.jsonl"]);
  return runPreview(
    { git: memoryGit({ base }), readHead: () => Promise.resolve(head) },
    {
      baseRef: "base",
      policiesDir: "policies",
      environments: ["production"],
      observed: { byEnvironment: new Map([["production", summary]]), detail, at: AT },
    },
  );
}

describe("observed traffic in the preview", () => {
  it("lists only what this change blocks, first, without pod names or addresses by default", async () => {
    const report = await preview("services");
    const observed = report.environments[0]?.observed;
    expect(observed?.blocked).toEqual([
      {
        from: "production/api",
        to: "an outside address",
        port: 443,
        protocol: "TCP",
        connections: 5,
        lastSeen: Date.parse("2026-01-05T10:03:00Z"),
        blockedBy: [
          "egress at production/api isolated by production/allow-dns, production/api-egress, production/default-deny-all; no egress rule allows an outside address on 443/TCP",
        ],
      },
    ]);
    // Blocked by base and head alike: not this change's doing.
    expect(observed?.alreadyBlocked).toBe(3);
    const comment = renderComment(report);
    expect(comment).not.toMatch(/198\.51\.100\.7|10\.0\.|frontend-7d9f8|database-0|ingress-nginx-controller/);
    const look = comment.indexOf("**⚠️ Look at these first**");
    const real = comment.indexOf("Real traffic this change would block");
    expect(look).toBeGreaterThan(0);
    expect(real).toBeGreaterThan(look);
    expect(comment).toContain("| ⚠️ 1 observed flow blocked |");
    expectGolden("test/flows/golden/preview-comment.md", comment);
  });

  it("names the address and the line that opens it when asked for full detail", async () => {
    const report = await preview("full");
    const blocked = report.environments[0]?.observed?.blocked[0];
    expect(blocked?.to).toBe("198.51.100.7");
    expect(blocked?.suggestion).toBe("production/api -> 198.51.100.7/32:443");
  });
});
