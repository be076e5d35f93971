/**
 * The data of one preview: what changes per environment between a base and a head
 * revision of the intent. Plain, JSON-serialisable data: the pipeline
 * (`commands/preview-pipeline.ts`) builds it, the renderers in this directory turn it into the PR
 * comment, the job summary and the CLI output, and the Action writes it as its JSON report.
 */
import type { IntentError } from "../intent/model.js";
import type { ProbePreview } from "../probe/probe-preview.js";
import type { ObservedPreview } from "../flows/observed-preview.js";
import type { LintFinding, SemanticDiff } from "../semantics/contracts.js";
import type { EnginePreview } from "../rollout/engine.js";
import { plural } from "../text/plural.js";

export type { EnginePreview };

/** Which revision an intent error belongs to. */
export type RevisionSide = "base" | "head";

export interface ReportIntentError extends IntentError {
  side: RevisionSide;
}

/**
 * The one-line verdict of an environment.
 * - no-change: no flow opens or closes, no workload or namespace appears or disappears;
 * - changed: `opened` flows open and `closed` close (either may be 0 when only workloads change);
 * - invalid: the environment's intent at head (its file, or a fragment or template it
 *   includes) has errors, so it could not be compared; `files` are where they are.
 */
export type Verdict =
  | { kind: "no-change" }
  | { kind: "changed"; opened: number; closed: number }
  | { kind: "invalid"; errors: number; files?: string[] };

/** A node of the flows graph: one endpoint of a declared flow. */
export interface GraphNode {
  /** A mermaid-safe identifier (`n0`, `n1`, …), stable for one report. */
  id: string;
  /** The endpoint as the semantic diff names it: "namespace/service", "ns:namespace", a CIDR or an FQDN. */
  key: string;
  kind: "service" | "namespace" | "cidr" | "fqdn";
  /** Whether the node exists only at base (every edge to or from it is removed). */
  removed: boolean;
}

export type EdgeStatus = "unchanged" | "added" | "removed";

/** Flows from one node to another with the same status; ports as "8080/TCP", "8000-8010/TCP", "*\/UDP". */
export interface GraphEdge {
  from: string;
  to: string;
  ports: string[];
  status: EdgeStatus;
}

/** The flows of the head environment, plus the flows removed since base. */
export interface FlowsGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface EnvironmentPreview {
  name: string;
  /** Promotion order (head, else base); environments are listed in this order. */
  order: number;
  /** Whether the environment exists at base and at head. */
  presence: "both" | "added" | "removed" | "unknown";
  verdict: Verdict;
  diff: SemanticDiff;
  /** Lint findings on the head environment (none for a removed environment). */
  lint: LintFinding[];
  engine: EnginePreview;
  flowsGraph: FlowsGraph;
  /** Namespaces that gain or lose `default-deny-all` between base and head. */
  defaultDeny?: { added: string[]; removed: string[] };
  /** What the probes will check after the merge (absent for a removed or invalid environment). */
  probes?: ProbePreview;
  /** Observed traffic judged against head and base, when the preview was given flows. */
  observed?: ObservedPreview;
  /**
   * Set when the environment is new at base and replaces a cluster's own policies
   * (`replaces:`): the diff compares with those policies, not with nothing.
   */
  replaces?: { directory: string; policies: number };
  /** The clusters the head environment spans, when it lists them. */
  clusters?: ClusterPreview;
}

/** The clusters a change reaches, and where per-cluster values make their policies differ. */
export interface ClusterPreview {
  /** In listed order. */
  clusters: { name: string; canary: boolean }[];
  /**
   * Groups of clusters whose policies differ from the environment's own (its cni and
   * nodeCidrs), one group per distinct bundle, each with its difference once.
   */
  variants: ClusterVariantPreview[];
}

export interface ClusterVariantPreview {
  clusters: string[];
  /** The group's values that differ from the environment's. */
  cni?: string;
  dnsMode?: string;
  nodeCidrs?: string[];
  /** Object keys (`NetworkPolicy/<namespace>/<name>`) added, removed and changed against the environment's bundle. */
  added: string[];
  removed: string[];
  changed: string[];
}

export interface PreviewReport {
  /** The base revision as asked for (a ref or SHA); absent when there is no base. */
  baseRef?: string;
  /** The commit the base ref resolved to. */
  baseSha?: string;
  /** The head revision as the caller names it (a SHA, "working tree"). */
  headRef?: string;
  /** The policies directory, repository-relative. */
  policiesDir: string;
  /** Why there is no usable base, when so: every flow is shown as added. */
  baseNote?: string;
  /** Sorted by promotion order, then name. */
  environments: EnvironmentPreview[];
  /**
   * Every intent error. A head error marks the environments whose files hold it invalid
   * (the others are still compared) and fails the preview; base errors are reported and
   * the base is ignored.
   */
  intentErrors: ReportIntentError[];
  /** One note about the engine part that holds for every environment (e.g. why it was skipped). */
  engineNote?: string;
}

export interface PreviewOutputs {
  /** Whether any environment opens or closes a flow, or gains or loses a workload or namespace. */
  changed: boolean;
  flowsAdded: number;
  flowsRemoved: number;
  lintErrors: number;
  lintWarnings: number;
  /** Whether the head intent is invalid. */
  invalid: boolean;
  intentErrors: number;
}

/** The figures the Action sets as its outputs. */
export function previewOutputs(report: PreviewReport): PreviewOutputs {
  let flowsAdded = 0;
  let flowsRemoved = 0;
  let lintErrors = 0;
  let lintWarnings = 0;
  let changed = false;
  for (const env of report.environments) {
    for (const change of env.diff.changes) {
      if (change.change === "added") flowsAdded++;
      else flowsRemoved++;
    }
    for (const finding of env.lint) {
      if (finding.severity === "error") lintErrors++;
      else lintWarnings++;
    }
    if (env.verdict.kind === "changed") changed = true;
  }
  const headErrors = report.intentErrors.filter((e) => e.side === "head").length;
  return {
    changed,
    flowsAdded,
    flowsRemoved,
    lintErrors,
    lintWarnings,
    invalid: headErrors > 0,
    intentErrors: headErrors,
  };
}

/** The verdict of one environment from its semantic diff. */
export function verdictOf(diff: SemanticDiff): Verdict {
  const opened = diff.changes.filter((c) => c.change === "added").length;
  const closed = diff.changes.length - opened;
  const other =
    diff.workloads.added.length +
    diff.workloads.removed.length +
    diff.namespaces.added.length +
    diff.namespaces.removed.length;
  return opened + closed + other === 0 ? { kind: "no-change" } : { kind: "changed", opened, closed };
}

/** "no change", "2 flows opened, 1 closed", "invalid intent (3 errors)". */
export function verdictText(verdict: Verdict): string {
  switch (verdict.kind) {
    case "no-change":
      return "no change";
    case "invalid":
      return `invalid intent (${plural(verdict.errors, "error")})`;
    case "changed":
      if (verdict.opened + verdict.closed === 0) return "no flow opened or closed";
      return `${plural(verdict.opened, "flow")} opened, ${verdict.closed} closed`;
  }
}
