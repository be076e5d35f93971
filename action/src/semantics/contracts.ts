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
  /** Index of the rule in spec.ingress / spec.egress (0-based; reports say "rule N" from 1). */
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
  /** A few words: why, for a reviewer ("new service production/api", "declared flow removed"). */
  summary?: string;
  /** What kind of endpoint each side is (set by the intent diff). */
  fromKind?: EndpointKind;
  toKind?: EndpointKind;
  /**
   * A rule every environment gets rather than a declared flow: DNS (from `dns:` or its
   * default) or kubelet health checks (from `nodeCidrs:`).
   */
  builtin?: "dns" | "node-cidrs";
  /**
   * Whether the verdict changed because an endpoint exists on one side only (a new or
   * removed service, namespace or environment) rather than because a rule changed.
   */
  cause?: "rules" | "endpoint";
  /** The declared name of the destination port, e.g. "metrics" for 9100/TCP. */
  portName?: string;
  /** The author's comment on the line of the declaration behind `rule` ("# payment processor"). */
  comment?: string;
}

/**
 * service: a declared service; namespace: pods of a namespace (an ingress controller, or
 * pods no service selects); dns: the DNS pods; other-namespace: a pod in an undeclared
 * namespace; external: an address in a declared CIDR; internet: an address no CIDR declares;
 * fqdn: a DNS name.
 */
export type EndpointKind =
  "service" | "namespace" | "dns" | "other-namespace" | "external" | "internet" | "fqdn";

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
