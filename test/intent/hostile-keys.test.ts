import { describe, expect, it } from "vitest";
import { formatIntentError, parseIntent } from "../../action/src/intent/index.js";
import { BASE, ENV, env } from "./cases.js";

const errorsOf = (text: string): string[] => {
  const result = parseIntent(env(text));
  return result.ok ? [] : result.errors.map(formatIntentError);
};

describe("keys that name Object.prototype's members are keys like any other", () => {
  it("a top-level __proto__ key is an unknown key, not a silently ignored one", () => {
    expect(errorsOf(`${BASE}__proto__:\n  cni: cilium\n`)).toContainEqual(
      expect.stringMatching(new RegExp(`^${ENV}:14:1: unknown key '__proto__'`)),
    );
  });

  it("an environment written under __proto__ does not vanish: its keys are unknown, its required keys missing", () => {
    const indented = BASE.split("\n")
      .map((l) => (l === "" ? l : `  ${l}`))
      .join("\n");
    const errors = errorsOf(`__proto__:\n${indented}`);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toContain("unknown key '__proto__'");
  });

  it.each(["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"])(
    "'%s' as a key of a namespace, a service or a port object is an error",
    (key) => {
      for (const text of [
        BASE.replace("  ingress-nginx: { managed: false }", `  ingress-nginx: { managed: false, ${key}: 1 }`),
        BASE.replace(
          "frontend: { labels: { app: frontend }, ports: [80] }",
          `frontend: { labels: { app: frontend }, ports: [80], ${key}: 1 }`,
        ),
        BASE.replace("{ port: 9090, name: metrics }", `{ port: 9090, name: metrics, ${key}: 1 }`),
      ]) {
        expect(errorsOf(text).join("\n")).toMatch(new RegExp(`unknown key '${key}'`));
      }
    },
  );

  it("a label named __proto__ is reported as an invalid label key and kept apart from the map's prototype", () => {
    const errors = errorsOf(
      BASE.replace("labels: { app: frontend }", "labels: { app: frontend, __proto__: x }"),
    );
    expect(errors.join("\n")).toMatch(/label key '__proto__'/);
  });
});
