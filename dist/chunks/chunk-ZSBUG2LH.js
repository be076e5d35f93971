import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  canonicalJson,
  require_dist
} from "./chunk-7G6QWUD4.js";
import {
  __toESM
} from "./chunk-JYXQAFTB.js";

// action/src/compile/bundle.ts
var import_yaml = __toESM(require_dist(), 1);
import { createHash } from "node:crypto";
function bundleDigest(bundle) {
  const text = canonicalJson(bundle.objects.map((o) => o.manifest));
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}
function objectKey(obj) {
  const manifest = "manifest" in obj ? obj.manifest : obj;
  return `${manifest.kind}/${manifest.metadata.namespace ?? ""}/${manifest.metadata.name}`;
}

export {
  bundleDigest,
  objectKey
};
