/** Input is judged and quoted as its author wrote it: line breaks of any convention, numbers digit for digit. */
import { describe, expect, it } from "vitest";
import { formatIntentError, parseIntent } from "../../action/src/intent/index.js";
import { parseKubeObjects } from "../../action/src/manifests/parse.js";
import { BASE, edit, ENV, env } from "./cases.js";

const errorsOf = (text: string): string[] => {
  const result = parseIntent(env(text));
  return result.ok ? [] : result.errors.map(formatIntentError);
};

describe("line breaks", () => {
  it("a file with CR-only line endings loads like the same file with LF", () => {
    const lf = parseIntent(env(BASE));
    const cr = parseIntent(env(BASE.replace(/\n/g, "\r")));
    expect(lf.ok).toBe(true);
    expect(cr).toEqual(lf);
  });

  it("errors in a CR-only file point at the right line", () => {
    const text = edit("labels: { app: database }", "labels: { app: database, tier: 3 }");
    expect(errorsOf(text.replace(/\n/g, "\r"))).toEqual(errorsOf(text));
    expect(errorsOf(text.replace(/\n/g, "\r"))[0]).toMatch(new RegExp(`^${ENV}:8:50: `));
  });

  it("cluster objects with CR-only line endings are read with their positions", () => {
    const yaml = [
      "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n",
      "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bad\n  labels: { a: 1 }\n",
    ].join("---\n");
    const lf = parseKubeObjects([{ path: "ns.yaml", text: yaml }]);
    const cr = parseKubeObjects([{ path: "ns.yaml", text: yaml.replace(/\n/g, "\r") }]);
    expect(cr.namespaces.map((n) => n.metadata.name)).toEqual(["shop"]);
    expect(cr.errors).toEqual(lf.errors);
    expect(cr.errors.map((e) => `${e.line}:${e.column}`)).toEqual(["10:16"]);
  });
});

describe("numbers are quoted as written", () => {
  it.each([
    ["9007199254740993", '"9007199254740993"'],
    ["100000000000000000000", '"100000000000000000000"'],
    ["1.10", '"1.10"'],
    ["0x1F", '"0x1F"'],
    ["true", '"true"'],
  ])("a label value %s is to be quoted as %s, not as the number YAML makes of it", (written, quoted) => {
    const result = parseIntent(
      env(edit("labels: { app: database }", `labels: { app: database, tier: ${written} }`)),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({
      message: "label 'tier' must be a string",
      hint: `quote it: ${quoted}`,
    });
  });
});
