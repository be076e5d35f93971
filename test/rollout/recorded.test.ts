/**
 * Reading a recorded bundle back: every shape problem points at file:line:column, bad
 * input never throws, and what a stack recorded reads back unchanged.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileEnvironment } from "../../action/src/compile/index.js";
import { formatIntentError } from "../../action/src/intent/model.js";
import { buildEnvironment } from "../helpers/intent-builder.js";
import { parseRecordedBundle } from "../../action/src/rollout/recorded.js";

const bundle = compileEnvironment(
  buildEnvironment({
    name: "production",
    cni: "cilium",
    namespaces: { production: { services: { frontend: { ports: [80] }, api: { ports: [8080] } } } },
    flows: ["frontend -> api:8080", "api -> api.stripe.com:443"],
  }),
);

describe("recorded bundles", () => {
  it("read back what a stack recorded, as the bundle output or inside the whole outputs object", () => {
    const recorded = { ...bundle, excludedNamespaces: ["legacy"] };
    const direct = parseRecordedBundle("b.json", JSON.stringify(recorded, null, 2));
    expect(direct).toEqual({ ok: true, bundle: recorded });
    const wrapped = parseRecordedBundle(
      "outputs.json",
      JSON.stringify({ digest: "sha256:x", bundle: recorded }),
    );
    expect(wrapped).toEqual({ ok: true, bundle: recorded });
    expect(bundle.objects.some((o) => o.manifest.kind === "CiliumNetworkPolicy")).toBe(true);
  });

  it("keeps how the dataplane denies, and reads a kube-router bundle", () => {
    const recorded = { ...bundle, cni: "kube-router" as const, denials: "reject" as const };
    expect(parseRecordedBundle("b.json", JSON.stringify(recorded))).toEqual({ ok: true, bundle: recorded });
    const text = JSON.stringify({ ...bundle, denials: "maybe" });
    const bad = parseRecordedBundle("b.json", text);
    // Columns count from 1.
    expect(bad.ok ? [] : bad.errors.map(formatIntentError)).toEqual([
      `b.json:1:${text.indexOf('"maybe"') + 1}: denials must be drop or reject`,
    ]);
  });

  it("points a JSON syntax error at its line and column", () => {
    const result = parseRecordedBundle("lkg.json", '{\n  "environment": "production",\n  "cni": cilium"\n}');
    expect(result.ok).toBe(false);
    const first = result.ok ? undefined : result.errors[0];
    expect(first?.file).toBe("lkg.json");
    expect(first?.line).toBe(3);
    expect(first?.message).toMatch(/not valid JSON or YAML/);
  });

  it("points each shape problem at the offending node", () => {
    const text = [
      "{",
      '  "environment": "production",',
      '  "cni": "weave",',
      '  "objects": [',
      '    { "stage": "later", "manifest": { "apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",',
      '      "metadata": { "name": "x", "labels": { "a": 1 } }, "spec": [] } },',
      '    "not an object"',
      "  ]",
      "}",
    ].join("\n");
    const result = parseRecordedBundle("bad.json", text);
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.errors.map(formatIntentError);
    expect(lines).toEqual([
      "bad.json:3:10: cni must be one of generic, calico, cilium, kube-router",
      "bad.json:5:16: objects[0].stage must be allow or deny",
      "bad.json:6:19: objects[0].manifest.metadata.namespace is missing",
      "bad.json:6:51: objects[0].manifest.metadata.labels.a must be a string",
      "bad.json:6:66: objects[0].manifest.spec must be an object",
      "bad.json:7:5: objects[1] must be an object with stage and manifest",
    ]);
  });

  it("says what is missing from an empty object", () => {
    const result = parseRecordedBundle("empty.json", "{}");
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      "environment is missing",
      "cni is missing",
      "objects is missing",
    ]);
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = parseRecordedBundle("fuzz.json", text);
        if (!result.ok) for (const e of result.errors) expect(e.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        parseRecordedBundle("fuzz.json", JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
  });
});
