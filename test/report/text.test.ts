import { describe, expect, it } from "vitest";
import { expectGolden } from "../helpers/golden.js";
import { renderText } from "../../action/src/report/text.js";
import { change, diffOf, env, handMadeReport, riskyReport } from "./fixtures.js";

describe("terminal text", () => {
  it("matches the golden file for a hand-made report", () => {
    expectGolden("test/report/golden/handmade.txt", renderText(handMadeReport()));
  });

  it("lists risky changes first with their reason, and built-in rules in one line", () => {
    const text = renderText(riskyReport());
    expectGolden("test/report/golden/risky.txt", text);
    expect(text.split("\n").filter((l) => l.includes("DNS"))).toHaveLength(1);
  });

  it("makes escape sequences and line breaks from the intent visible", () => {
    const hostile = "evil\u001b[2J\nname\u202e";
    const text = renderText({
      policiesDir: "policies",
      environments: [env(hostile, 1, diffOf(hostile, [change("added", `ns/${hostile}`, "ns/db", "5432")]))],
      intentErrors: [],
    });
    expect(text.includes("\u001b") || text.includes("\u202e")).toBe(false);
    expect(text).toContain("evil\\u001b[2J\\u000aname\\u202e: 1 flow opened, 0 closed");
    expect(text).toContain(
      "  + ns/evil\\u001b[2J\\u000aname\\u202e → ns/db:5432/TCP  (policies/environments/production.yaml:10:5)",
    );
  });

  it("says when nothing changes", () => {
    const text = renderText({
      baseRef: "main",
      policiesDir: "policies",
      environments: [env("dev", 1, diffOf("dev", []))],
      intentErrors: [],
    });
    expect(text).toContain("No change: no flow opens or closes in any environment.");
  });
});
