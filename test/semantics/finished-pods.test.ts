import { describe, expect, it } from "vitest";
import { CNI_PROFILES } from "../../action/src/cni/profiles.js";
import { buildModel } from "../../action/src/semantics/model.js";
import { evaluate } from "../../action/src/semantics/evaluate.js";
import type { Pod } from "../../action/src/k8s/types.js";
import { ns, pod, policy } from "./fixtures.js";

const finished = (p: Pod, phase: "Succeeded" | "Failed"): Pod => ({ ...p, status: { ...p.status, phase } });

/** api allows ingress from web only; a finished job once had web's IP. */
function model(pods: Pod[]) {
  return buildModel({
    namespaces: [ns("shop", { "kubernetes.io/metadata.name": "shop" })],
    pods,
    policies: [
      policy("shop/api-ingress", {
        podSelector: { matchLabels: { app: "api" } },
        policyTypes: ["Ingress"],
        ingress: [{ from: [{ podSelector: { matchLabels: { app: "web" } } }] }],
      }),
    ],
    profile: CNI_PROFILES.generic,
  });
}

describe("pods that have finished hold no IP", () => {
  it.each(["Succeeded", "Failed"] as const)(
    "a %s pod listing a reused IP does not take it from the running pod",
    (phase) => {
      const m = model([
        finished(pod("shop/job-1", { app: "job" }, { ip: "10.0.0.5" }), phase),
        pod("shop/web", { app: "web" }, { ip: "10.0.0.5" }),
        pod("shop/api", { app: "api" }, { ip: "10.0.0.9" }),
      ]);
      const v = evaluate(m, { from: "10.0.0.5", to: "shop/api", port: 80 });
      expect(v.from).toBe("shop/web");
      expect(v.allowed).toBe(true);
    },
  );

  it("an IP only a finished pod lists is outside the cluster, and the verdict says why", () => {
    const m = model([
      finished(pod("shop/job-1", { app: "web" }, { ip: "10.0.0.5" }), "Succeeded"),
      pod("shop/api", { app: "api" }, { ip: "10.0.0.9" }),
    ]);
    const v = evaluate(m, { from: "10.0.0.5", to: "shop/api", port: 80 });
    expect(v.allowed).toBe(false);
    expect(v.notes).toContainEqual(
      "10.0.0.5 is listed only by finished pod shop/job-1 (Succeeded), which holds no IP; no running pod has it, so it is judged as outside the cluster",
    );
  });
});
