export { compileEnvironment, CompileError, ALLOW_DNS_NAME, DEFAULT_DENY_NAME } from "./compile.js";
export {
  bundleDigest,
  objectKey,
  orderedManifest,
  renderJson,
  renderObjectJson,
  renderObjectYaml,
  renderYaml,
} from "./bundle.js";
export { canonicalJson } from "./canonical.js";
export * from "./types.js";
