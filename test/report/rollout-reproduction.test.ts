import { describe, expect, it } from "vitest";
import { reproduction } from "../../action/src/report/rollout.js";
import { reproduceCommand } from "../../action/src/report/probe-result.js";
import { escapePre } from "../../action/src/text/escape.js";
import type { CheckResult, ProbeCheck } from "../../action/src/probe/types.js";
import { fixturePlan } from "../helpers/probe-fixture.js";

describe("the rollout summary's reproduction of a wrong cell", () => {
  const plan = fixturePlan([
    {
      from: { namespace: "shop", labels: { app: "web" } },
      to: { namespace: "shop", pod: "api-1", address: "10.1.0.1" },
      port: 8080,
      expect: "allowed",
    },
  ]);
  const check = plan.checks[0] as ProbeCheck;
  const result: CheckResult = {
    check,
    observed: { outcome: "blocked", detail: "timeout" },
    seen: "blocked",
    classification: "deviation",
    attempts: 3,
  };

  it("is the probe report's command for that source's pod with this one check", () => {
    const command = reproduceCommand(check, plan.pods[0] as never, 3) as string;
    expect(command).toContain("create configmap");
    expect(reproduction(result, plan)).toBe(
      `shop/app=web -&gt; shop/api-1:8080/TCP: expected allowed, observed blocked\n\n<pre>${escapePre(command)}</pre>`,
    );
  });

  it("says how to connect by hand when no probe pod was planned for the source", () => {
    const text = reproduction(result, { ...plan, pods: [] });
    expect(text).toContain("No probe pod was planned for this source");
    expect(text).not.toContain("<pre>");
  });
});
