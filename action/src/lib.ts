/**
 * The library the npm package exports (`import … from "netpol-rollout"`): the engine the CLI
 * runs, for scripts and other tools. Pure functions over the intent, plus `runCli` to run a
 * CLI command in process. The Pulumi component is `netpol-rollout/pulumi`.
 */
export { VERSION } from "./cli/version.js";
export { run as runCli } from "./cli/run.js";
export type { CliIo } from "./cli/context.js";
export { EXIT_OK, EXIT_INVALID, EXIT_USAGE } from "./cli/context.js";

export { loadIntentFromDir } from "./wiring/intent.js";
export {
  parseIntent,
  formatIntentError,
  sortErrors,
  type IntentFile,
  type ParseOptions,
  type LoadResult,
  type Intent,
  type EnvironmentIntent,
  type IntentError,
} from "./intent/index.js";
export {
  compileEnvironment,
  CompileError,
  bundleDigest,
  renderYaml,
  renderJson,
  ALLOW_DNS_NAME,
  DEFAULT_DENY_NAME,
  type CompiledBundle,
  type CompiledObject,
} from "./compile/index.js";
export type { PolicyObject } from "./k8s/types.js";
export { diffEnvironments } from "./semantics/diff.js";
export type { SemanticDiff, FlowChange, LintFinding, Severity } from "./semantics/contracts.js";
export { lintEnvironment } from "./semantics/lint.js";
export { renderText, renderComment, renderSummary } from "./report/index.js";
