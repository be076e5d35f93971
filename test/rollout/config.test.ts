/**
 * Stack configuration: defaults, paths, and every problem reported at once.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseStackConfig } from "../../action/src/rollout/config.js";

const root = "/repo";

describe("stack settings", () => {
  it("needs only the environment; everything else has its documented default", () => {
    const result = parseStackConfig({ environment: "production" }, root);
    expect(result).toEqual({
      ok: true,
      settings: {
        environment: "production",
        stage: "enforce",
        policiesDir: resolve(root, "policies"),
        revision: null,
        monitoring: { enabled: false, namespace: "monitoring", labels: {} },
        kyverno: { enabled: false, action: "Audit" },
      },
    });
  });

  it("resolves relative paths against the repository root and keeps absolute ones", () => {
    const result = parseStackConfig(
      { environment: "dev", policiesDir: "intent/policies", bundleFile: "/tmp/lkg/bundle.json" },
      root,
    );
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(result.settings.policiesDir).toBe(resolve(root, "intent/policies"));
    expect(result.settings.bundleFile).toBe("/tmp/lkg/bundle.json");
    const relative = parseStackConfig({ environment: "dev", bundleFile: "lkg.json" }, root);
    expect(relative.ok && relative.settings.bundleFile).toBe(resolve(root, "lkg.json"));
  });

  it("reads every switch", () => {
    const result = parseStackConfig(
      {
        environment: "production",
        stage: "allow",
        revision: "0123abc",
        monitoring: "true",
        monitoringNamespace: "observability",
        monitoringLabels: '{"release":"kube-prometheus-stack"}',
        kyverno: "true",
        kyvernoAction: "enforce",
      },
      root,
    );
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(result.settings.stage).toBe("allow");
    expect(result.settings.revision).toBe("0123abc");
    expect(result.settings.monitoring).toEqual({
      enabled: true,
      namespace: "observability",
      labels: { release: "kube-prometheus-stack" },
    });
    expect(result.settings.kyverno).toEqual({ enabled: true, action: "Enforce" });
  });

  it("reports every problem at once, an unknown key with a suggestion", () => {
    const result = parseStackConfig(
      {
        stag: "allow",
        stage: "half",
        monitoring: "yes",
        monitoringLabels: "[1]",
        kyvernoAction: "Block",
        monitoringNamespace: "Not_A_Namespace",
        revision: "two words",
      },
      root,
    );
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    const expected = [
      /unknown config key netpol-rollout:stag \(did you mean netpol-rollout:stage\?\)/,
      /netpol-rollout:environment is required/,
      /netpol-rollout:stage must be allow or enforce, not "half"/,
      /netpol-rollout:monitoring must be true or false, not "yes"/,
      /netpol-rollout:monitoringLabels must be a JSON object/,
      /netpol-rollout:kyvernoAction must be Audit or Enforce, not "Block"/,
      /netpol-rollout:monitoringNamespace must be a namespace name/,
      /netpol-rollout:revision must be a git commit/,
    ];
    for (const pattern of expected)
      expect(
        errors.some((e) => pattern.test(e)),
        `${pattern}\n${errors.join("\n")}`,
      ).toBe(true);
    expect(errors).toHaveLength(expected.length);
  });

  it("an unknown key far from any known one gets no suggestion but the list of keys", () => {
    const result = parseStackConfig({ environment: "dev", completelyDifferent: "x" }, root);
    expect(result.ok).toBe(false);
    const message = result.ok ? "" : (result.errors[0] ?? "");
    expect(message).not.toMatch(/did you mean/);
    expect(message).toMatch(/known keys: environment, stage, policiesDir/);
  });
});
