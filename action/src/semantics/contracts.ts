/**
 * The data the semantics engine hands to reports (PR comment, job summary, CLI). Pure
 * data: renderers live elsewhere. The engine may add fields; it must not remove these.
 */
import type { Protocol, SourceRef } from "../intent/model.js";

/** The rule that allowed a direction of a connection. */
export interface RuleRef {
  namespace: string;
  policy: string;
  direction: "ingress" | "egress";
  /** Index of the rule in spec.ingress / spec.egress. */
  ruleIndex: number;
  /** The intent declaration that produced the policy or rule, when known. */
  source?: SourceRef;
  /** Every intent declaration behind the rule when several share it (source is one of them). */
  origins?: SourceRef[];
}

export interface FlowChange {
  change: "added" | "removed";
  /** "namespace/workload", a namespace ("ns:ingress-nginx"), or an address/CIDR/FQDN. */
  from: string;
  to: string;
  /** A number, "8000-8080", or "*" for every port of the protocol. */
  port: string;
  protocol: Protocol;
  /** The rule that allows the flow on the side that changed (head for added, base for removed). */
  rule?: RuleRef;
  /** One sentence: why the verdict changed. */
  explanation: string;
}

export interface SemanticDiff {
  environment: string;
  changes: FlowChange[];
  workloads: { added: string[]; removed: string[] };
  namespaces: { added: string[]; removed: string[] };
}

export type Severity = "error" | "warning";

export interface LintFinding {
  severity: Severity;
  /** Stable identifier, e.g. "missing-default-deny", "egress-without-dns". */
  code: string;
  message: string;
  environment?: string;
  source?: SourceRef;
}
