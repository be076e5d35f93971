import { describe, expect, it } from "vitest";
import { formatIntentError, parseIntent } from "../../action/src/intent/index.js";
import { expectGolden } from "../helpers/golden.js";
import { BAD_CASES, BASE, ENV, env } from "./cases.js";

describe("bad input", () => {
  it("the base of the cases is valid", () => {
    const result = parseIntent(env(BASE));
    expect(result.ok ? [] : result.errors.map(formatIntentError)).toEqual([]);
  });

  it("has at least 30 cases", () => {
    expect(BAD_CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(BAD_CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const result = parseIntent(c.files);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const want = c.error;
    const match = result.errors.find(
      (e) =>
        e.file === (want.file ?? ENV) &&
        e.line === want.line &&
        e.column === want.column &&
        e.message.includes(want.message) &&
        (want.hint === undefined || (e.hint ?? "").includes(want.hint)),
    );
    expect(match, `errors were:\n${result.errors.map(formatIntentError).join("\n")}`).toBeDefined();
  });

  it("reports every case's errors as in the golden file", () => {
    const text = BAD_CASES.map((c) => {
      const result = parseIntent(c.files);
      const lines = result.ok ? ["(no errors)"] : result.errors.map(formatIntentError);
      return `## ${c.name}\n${lines.join("\n")}\n`;
    }).join("\n");
    expectGolden("test/intent/golden/bad-input.txt", text);
  });
});
