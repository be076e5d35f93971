import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  readReplaced
} from "./chunk-OGXQOULH.js";
import "./chunk-PTKHH53V.js";
import "./chunk-M3L5V6RZ.js";
import "./chunk-JYXQAFTB.js";

// action/src/import/baseline.ts
function replacedBaseline(env, files) {
  if (!env.replaces) return void 0;
  const wanted = new Set(env.replaces.files);
  const record = readReplaced(files.filter((f) => wanted.has(f.path)));
  if (record.errors.length > 0) return { ok: false, errors: record.errors };
  const objects = [];
  const add = (manifest, rules) => {
    const source = record.sources.get(manifest);
    const origins = source ? [source] : [];
    objects.push({
      // What the cluster has is judged as it is; stages matter only to what deploys.
      stage: "allow",
      manifest,
      origins,
      ruleOrigins: {
        ingress: Array.from({ length: rules.ingress }, () => origins),
        egress: Array.from({ length: rules.egress }, () => origins)
      }
    });
  };
  for (const np of record.policies)
    add(np, { ingress: np.spec.ingress?.length ?? 0, egress: np.spec.egress?.length ?? 0 });
  if (env.cni === "cilium") {
    for (const cnp of record.ciliumPolicies) {
      const spec = cnp.spec;
      add(cnp, { ingress: spec.ingress?.length ?? 0, egress: spec.egress?.length ?? 0 });
    }
  }
  return { ok: true, bundle: { environment: env.name, cni: env.cni, objects }, policies: objects.length };
}
export {
  replacedBaseline
};
