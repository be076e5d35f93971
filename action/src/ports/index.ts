/**
 * The one home of the interfaces the commands use to reach the outside world (git, GitHub,
 * the Actions runtime, the Pulumi engine) and their error classes. Adapters in
 * `action/src/adapters/` implement them and import from here; nothing here imports an
 * adapter or an SDK, and the data they carry is the core's. Tests use typed fakes
 * (test/fakes/) or HTTP-level fakes.
 */
export type { ActionIo } from "./actions.js";
export type { DeployOptions, PreviewEngine, PulumiDeployer, PulumiEnvironment } from "./engine.js";
export {
  PulumiCliMissingError,
  PulumiDeployError,
  PulumiEngineError,
  PulumiPreviewError,
  PulumiStackNotFoundError,
  StackLockedError,
} from "./engine.js";
export type { GitReader } from "./git.js";
export { GitError } from "./git.js";
export type { CommitPullRequest, GitHubAdapter, IssueRef, StickyCommentResult } from "./github.js";
export { GitHubApiError, GitHubPermissionError, GitHubRateLimitError } from "./github.js";
