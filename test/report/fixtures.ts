/**
 * Hand-made preview reports for renderer tests: they do not depend on the loader, the
 * compiler or the semantics engine.
 */
import { expect } from "vitest";
import type { FlowChange, LintFinding, SemanticDiff } from "../../action/src/semantics/contracts.js";
import type { EnginePreview } from "../../action/src/rollout/engine.js";
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
    summary: kind === "added" ? "an ingress rule now allows it" : "no ingress rule allows it now",
    fromKind: "service",
    toKind: "service",
    cause: "rules",
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

/** A source at `line` of the production file. */
function at(line: number): { file: string; line: number; column: number } {
  return { file: PROD, line, column: 5 };
}

/**
 * Production with every kind of risk: new exposure from the ingress controller and to
 * every address, the last caller of a queue closed, default-deny removed from a namespace,
 * a flow staging does not declare; an ordinary flow staging shares; DNS for a new service.
 */
export function riskyReport(): PreviewReport {
  const rule = (policy: string, direction: "ingress" | "egress", index: number, line: number) => ({
    namespace: "production",
    policy,
    direction,
    ruleIndex: index,
    source: at(line),
  });
  const changes: FlowChange[] = [
    {
      change: "added",
      from: "ns:ingress-nginx",
      to: "production/admin",
      port: "8443",
      protocol: "TCP",
      portName: "https",
      fromKind: "namespace",
      toKind: "service",
      cause: "endpoint",
      rule: rule("admin-ingress", "ingress", 0, 21),
      comment: "admin console, VPN only",
      summary: "new service production/admin",
      explanation:
        "now allowed: ingress at production/admin by production/admin-ingress ingress rule 1; before: service production/admin does not exist in base",
    },
    {
      change: "added",
      from: "production/admin",
      to: "kube-system/kube-dns",
      port: "53",
      protocol: "UDP",
      fromKind: "service",
      toKind: "dns",
      builtin: "dns",
      cause: "endpoint",
      rule: rule("allow-dns", "egress", 0, 9),
      summary: "new service production/admin",
      explanation: "now allowed: egress at production/admin by production/allow-dns egress rule 1",
    },
    {
      change: "added",
      from: "production/admin",
      to: "kube-system/kube-dns",
      port: "53",
      protocol: "TCP",
      fromKind: "service",
      toKind: "dns",
      builtin: "dns",
      cause: "endpoint",
      rule: rule("allow-dns", "egress", 0, 9),
      summary: "new service production/admin",
      explanation: "now allowed: egress at production/admin by production/allow-dns egress rule 1",
    },
    {
      change: "added",
      from: "production/api",
      to: "0.0.0.0/0",
      port: "443",
      protocol: "TCP",
      fromKind: "service",
      toKind: "external",
      cause: "rules",
      rule: rule("api-egress", "egress", 2, 24),
      summary: "an egress rule now allows it",
      explanation: "now allowed: egress at production/api by production/api-egress egress rule 3",
    },
    {
      change: "added",
      from: "production/api",
      to: "production/cache",
      port: "6379",
      protocol: "TCP",
      fromKind: "service",
      toKind: "service",
      cause: "rules",
      rule: rule("api-egress", "egress", 1, 23),
      summary: "egress and ingress rules now allow it",
      explanation: "now allowed: egress at production/api by production/api-egress egress rule 2",
    },
    {
      change: "added",
      from: "production/prometheus",
      to: "production/api",
      port: "9100",
      protocol: "TCP",
      portName: "metrics",
      fromKind: "service",
      toKind: "service",
      cause: "rules",
      rule: rule("api-ingress", "ingress", 1, 25),
      comment: "scrape",
      summary: "egress and ingress rules now allow it",
      explanation: "now allowed: ingress at production/api by production/api-ingress ingress rule 2",
    },
    {
      change: "removed",
      from: "production/worker",
      to: "production/queue",
      port: "5672",
      protocol: "TCP",
      fromKind: "service",
      toKind: "service",
      cause: "rules",
      rule: rule("worker-egress", "egress", 0, 30),
      summary: "no egress or ingress rule allows it now",
      explanation: "now blocked: egress at production/worker isolated by production/default-deny-all",
    },
  ];
  const graph = (declared: [string, string, string][]): FlowsGraph => {
    const keys = [...new Set(declared.flatMap(([f, t]) => [f, t]))].sort();
    const id = (k: string): string => `n${keys.indexOf(k)}`;
    return {
      nodes: keys.map((key) => ({
        id: id(key),
        key,
        kind: key.startsWith("ns:") ? "namespace" : key.includes("/0") ? "cidr" : "service",
        removed: false,
      })),
      edges: declared.map(([f, t, port]) => ({
        from: id(f),
        to: id(t),
        ports: [port],
        status: "unchanged" as const,
      })),
    };
  };
  const production = env("production", 3, diffOf("production", changes, ["production/admin"]), {
    graph: graph([
      ["ns:ingress-nginx", "production/admin", "8443/TCP"],
      ["production/api", "0.0.0.0/0", "443/TCP"],
      ["production/api", "production/cache", "6379/TCP"],
      ["production/prometheus", "production/api", "9100/TCP"],
      ["production/worker", "production/api", "8080/TCP"],
    ]),
  });
  production.defaultDeny = { added: [], removed: ["legacy"] };
  const staging = env("staging", 2, diffOf("staging", []), {
    graph: graph([
      ["staging/api", "staging/cache", "6379/TCP"],
      ["staging/prometheus", "staging/node", "9100/TCP"],
      ["staging/worker", "staging/api", "8080/TCP"],
      ["staging/prometheus", "staging/api", "9090/TCP"],
    ]),
  });
  return {
    baseRef: "origin/main",
    baseSha: "0123456789abcdef0123456789abcdef01234567",
    headRef: "fedcba9876543210fedcba9876543210fedcba98",
    policiesDir: "policies",
    environments: [staging, production],
    intentErrors: [],
  };
}

/** Markdown outside ```mermaid fences. */
export function outsideFences(markdown: string): string {
  return markdown.replace(/```mermaid\n[\s\S]*?\n```/g, "");
}

/** Every table row has as many cell separators as its header. */
export function expectTablesIntact(markdown: string): void {
  let columns = -1;
  for (const line of outsideFences(markdown).split("\n")) {
    if (!line.startsWith("|")) {
      columns = -1;
      continue;
    }
    const pipes = (line.match(/\|/g) ?? []).length;
    if (columns === -1) columns = pipes;
    expect(pipes, `row "${line}"`).toBe(columns);
  }
}
