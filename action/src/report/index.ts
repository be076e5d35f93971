export * from "./types.js";
export { buildFlowsGraph, endpointKey, portLabel } from "./graph.js";
export { renderMermaid, MERMAID_MAX_EDGES, type MermaidResult } from "./mermaid.js";
export { code, escapeMarkdown, mermaidLabel } from "../text/escape.js";
export { renderText, terminalSafe } from "./text.js";
export {
  MARKER,
  GITHUB_COMMENT_LIMIT,
  GITHUB_SUMMARY_LIMIT_BYTES,
  DEFAULT_COMMENT_MAX_CHARS,
  DEFAULT_SUMMARY_MAX_BYTES,
  renderComment,
  renderCommentWithTier,
  renderSummary,
  renderSummaryWithTier,
  type RenderCommentOptions,
  type RenderSummaryOptions,
} from "./markdown.js";
export { environmentVerdict } from "./markdown/overview.js";
export { flowText } from "./markdown/flows.js";
export type { RenderTier } from "./markdown/tiers.js";
