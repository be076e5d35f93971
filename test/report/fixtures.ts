/**
 * Hand-made preview reports for renderer tests: they do not depend on the loader, the
 * compiler or the semantics engine.
 */
import type { FlowChange, LintFinding, SemanticDiff } from "../../action/src/semantics/contracts.js";
import type { EnginePreview } from "../../action/src/commands/ports.js";
import type { EnvironmentPreview, FlowsGraph, PreviewReport } from "../../action/src/report/types.js";
import { verdictOf } from "../../action/src/report/types.js";

const PROD = "policies/environments/production.yaml";

export function change(
  kind: "added" | "removed",
  from: string,
  to: string,
  port: string,
  line = 10,
  policy = "database-ingress",
): FlowChange {
  return {
    change: kind,
    from,
    to,
    port,
    protocol: "TCP",
    rule: {
      namespace: "production",
      policy,
      direction: "ingress",
      ruleIndex: 0,
      source: { file: PROD, line, column: 5 },
    },
    explanation:
      kind === "added"
        ? `${policy} ingress rule 1 now admits ${from}`
        : `no rule admits ${from} any more; ${to} is isolated for ingress`,
  };
}

export function diffOf(
  environment: string,
  changes: FlowChange[],
  workloadsAdded: string[] = [],
): SemanticDiff {
  return {
    environment,
    changes,
    workloads: { added: workloadsAdded, removed: [] },
    namespaces: { added: [], removed: [] },
  };
}

export function env(
  name: string,
  order: number,
  diff: SemanticDiff,
  extra: { lint?: LintFinding[]; engine?: EnginePreview; graph?: FlowsGraph } = {},
): EnvironmentPreview {
  return {
    name,
    order,
    presence: "both",
    verdict: verdictOf(diff),
    diff,
    lint: extra.lint ?? [],
    engine: extra.engine ?? { status: "skipped", reason: "no Pulumi engine was configured" },
    flowsGraph: extra.graph ?? { nodes: [], edges: [] },
  };
}

/** Production opens frontend → database:5432 and closes api → database:5433; staging unchanged. */
export function handMadeReport(): PreviewReport {
  const prodDiff = diffOf("production", [
    change("added", "production/frontend", "production/database", "5432", 17),
    change("removed", "production/api", "production/database", "5433", 12),
  ]);
  const graph: FlowsGraph = {
    nodes: [
      { id: "n0", key: "ns:ingress-nginx", kind: "namespace", removed: false },
      { id: "n1", key: "production/api", kind: "service", removed: false },
      { id: "n2", key: "production/database", kind: "service", removed: false },
      { id: "n3", key: "production/frontend", kind: "service", removed: false },
      { id: "n4", key: "198.51.100.0/24", kind: "cidr", removed: false },
    ],
    edges: [
      { from: "n0", to: "n3", ports: ["80/TCP"], status: "unchanged" },
      { from: "n1", to: "n2", ports: ["5432/TCP"], status: "unchanged" },
      { from: "n1", to: "n2", ports: ["5433/TCP"], status: "removed" },
      { from: "n1", to: "n4", ports: ["443/TCP"], status: "unchanged" },
      { from: "n3", to: "n1", ports: ["8080/TCP"], status: "unchanged" },
      { from: "n3", to: "n2", ports: ["5432/TCP"], status: "added" },
    ],
  };
  return {
    baseRef: "origin/main",
    baseSha: "0123456789abcdef0123456789abcdef01234567",
    headRef: "fedcba9876543210fedcba9876543210fedcba98",
    policiesDir: "policies",
    environments: [
      env("staging", 2, diffOf("staging", []), {
        engine: {
          status: "ok",
          stack: "staging",
          operations: [
            { op: "same", kind: "NetworkPolicy", name: "staging/default-deny-all", changedKeys: [] },
          ],
        },
      }),
      env("production", 3, prodDiff, {
        graph,
        lint: [
          {
            severity: "warning",
            code: "database-reachable-from-frontend",
            message: "frontend reaches the database directly; was api meant?",
            environment: "production",
            source: { file: PROD, line: 17, column: 5 },
          },
        ],
        engine: {
          status: "ok",
          stack: "production",
          operations: [
            {
              op: "update",
              kind: "NetworkPolicy",
              name: "production/database-ingress",
              changedKeys: ["spec"],
            },
            {
              op: "update",
              kind: "NetworkPolicy",
              name: "production/frontend-egress",
              changedKeys: ["spec"],
            },
            { op: "same", kind: "NetworkPolicy", name: "production/default-deny-all", changedKeys: [] },
          ],
        },
      }),
    ],
    intentErrors: [],
  };
}
