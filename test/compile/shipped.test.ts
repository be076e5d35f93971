/** The shipped environments in policies/, through the real loader and the compiler. */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { compileEnvironment } from "../../action/src/compile/compile.js";
import { bundleDigest, objectKey } from "../../action/src/compile/bundle.js";
import type { CompiledBundle } from "../../action/src/compile/types.js";
import { type EnvironmentIntent } from "../../action/src/intent/index.js";
import { loadIntentFromDir } from "../../action/src/adapters/files/intent.js";
import type { NetworkPolicy } from "../../action/src/k8s/types.js";
import { objectProblems } from "./validity.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
let environments: EnvironmentIntent[] = [];

beforeAll(async () => {
  const result = await loadIntentFromDir("policies", repoRoot);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join("\n"));
  environments = result.intent.environments;
});

function bundleOf(name: string): CompiledBundle {
  const env = environments.find((e) => e.name === name);
  if (!env) throw new Error(`no environment ${name}`);
  return compileEnvironment(env);
}

describe("shipped environments", () => {
  it("every rendered object of every shipped environment is valid against the Kubernetes OpenAPI schema", () => {
    expect(environments.length).toBeGreaterThan(0);
    for (const env of environments) {
      const bundle = compileEnvironment(env);
      expect(bundle.objects.length, env.name).toBeGreaterThan(0);
      expect(bundle.objects.flatMap(objectProblems), env.name).toEqual([]);
    }
  });

  it("every managed namespace gets default-deny (stage deny) and allow-dns; unmanaged ones get nothing", () => {
    for (const env of environments) {
      const keys = compileEnvironment(env).objects.map(objectKey);
      for (const ns of env.namespaces) {
        const inNs = keys.filter((k) => k.split("/")[1] === ns.name);
        if (!ns.managed) expect(inNs, `${env.name}/${ns.name}`).toEqual([]);
        else if (ns.defaultDeny) {
          expect(inNs).toContain(`NetworkPolicy/${ns.name}/default-deny-all`);
          expect(inNs).toContain(`NetworkPolicy/${ns.name}/allow-dns`);
        }
      }
    }
  });

  it("production fixes the article: the frontend may call the api under default-deny egress", () => {
    const bundle = bundleOf("production");
    const frontendEgress = bundle.objects.find(
      (o) => objectKey(o) === "NetworkPolicy/production/frontend-egress",
    );
    expect((frontendEgress?.manifest as NetworkPolicy | undefined)?.spec.egress).toEqual([
      { to: [{ podSelector: { matchLabels: { app: "api" } } }], ports: [{ protocol: "TCP", port: 8080 }] },
    ]);
    // allow-dns is one peer (AND), not the article's two list items (OR).
    const dns = bundle.objects.find((o) => objectKey(o) === "NetworkPolicy/production/allow-dns");
    expect((dns?.manifest as NetworkPolicy | undefined)?.spec.egress?.[0]?.to).toHaveLength(1);
  });

  it("staging and production differ only in their namespace, environment and CNI-driven parts", () => {
    // Same template, different namespace: the bundles have the same shape object for object.
    const shape = (b: CompiledBundle) =>
      b.objects.map((o) => `${o.stage} ${o.manifest.kind} ${o.manifest.metadata.name}`);
    expect(shape(bundleOf("staging"))).toEqual(shape(bundleOf("production")));
    expect(bundleDigest(bundleOf("staging"))).not.toBe(bundleDigest(bundleOf("production")));
  });
});
