import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { parseIntent, type LoadResult } from "../../action/src/intent/index.js";
import { BASE } from "./cases.js";

const ENV = "policies/environments/fuzz.yaml";

/** Whatever the input, a LoadResult; when invalid, every error points somewhere real. */
function expectWellFormed(result: LoadResult, files: { path: string; text: string }[]): void {
  expect(typeof result.ok).toBe("boolean");
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  const paths = new Set(files.map((f) => f.path));
  for (const e of result.errors) {
    expect(paths.has(e.file) || e.file === "policies/environments").toBe(true);
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.column).toBeGreaterThanOrEqual(1);
    expect(e.message.length).toBeGreaterThan(0);
  }
}

// Characters YAML and the flow grammar care about, so that random text hits their edges.
const yamlish = fc.string({
  unit: fc.constantFrom(..."abc:-> \n\t[]{},/*&!|>'\"#%@`${}0123456789.?".split(""), "  ", "\n  - ", ": "),
  maxLength: 200,
});

describe("garbage in, errors out", () => {
  it("never throws on random text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), yamlish), (text) => {
        const files = [{ path: ENV, text }];
        expectWellFormed(parseIntent(files), files);
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on random YAML values in every position", () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    const env = fc.record(
      {
        promotion: fc.oneof(fc.integer(), value),
        cni: fc.oneof(fc.constantFrom("calico", "cilium", "generic"), value),
        dns: value,
        include: fc.oneof(
          value,
          fc.array(fc.oneof(fc.string(), fc.record({ template: fc.string(), with: value }))),
        ),
        namespaces: fc.oneof(
          value,
          fc.dictionary(
            fc.string({ maxLength: 8 }),
            fc.record(
              {
                managed: fc.oneof(fc.boolean(), value),
                services: fc.dictionary(
                  fc.string({ maxLength: 8 }),
                  fc.record(
                    {
                      labels: fc.oneof(value, fc.dictionary(fc.string(), fc.string())),
                      ports: fc.oneof(value, fc.array(fc.oneof(fc.integer(), fc.string(), value))),
                    },
                    { requiredKeys: [] },
                  ),
                ),
              },
              { requiredKeys: [] },
            ),
          ),
        ),
        flows: fc.oneof(value, fc.array(fc.oneof(fc.string(), yamlish, value))),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(env, (doc) => {
        const files = [{ path: ENV, text: stringify(doc) }];
        expectWellFormed(parseIntent(files), files);
      }),
      { numRuns: 120 },
    );
  });

  it("never throws on a valid intent with random edits", () => {
    const editOp = fc.record({ at: fc.nat(BASE.length), del: fc.nat(6), insert: yamlish });
    fc.assert(
      fc.property(fc.array(editOp, { minLength: 1, maxLength: 4 }), (ops) => {
        let text = BASE;
        for (const op of ops) text = text.slice(0, op.at) + op.insert + text.slice(op.at + op.del);
        const files = [{ path: ENV, text }];
        expectWellFormed(parseIntent(files), files);
      }),
      { numRuns: 400 },
    );
  });
});
