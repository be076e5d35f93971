/**
 * Models of the same policy objects share their compilation (the diff, the lint and the probe
 * plan each build a model of one bundle): a model built after another one of the same
 * policies judges exactly like a model of fresh copies of them, whatever the pods, the rule
 * origins or the ipBlocks.
 */
import { describe, expect, it } from "vitest";
import { CNI_PROFILES } from "../../action/src/cni/profiles.js";
import type { NetworkPolicy } from "../../action/src/k8s/types.js";
import { buildModel, type PolicyInput } from "../../action/src/semantics/model.js";
import { evaluate } from "../../action/src/semantics/evaluate.js";
import { ns, pod, policy } from "./fixtures.js";

const namespaces = [ns("a", { env: "prod" }), ns("b", { env: "dev" })];
const ports = [{ containerPort: 80, name: "http" }, { containerPort: 85 }];
const podsOne = [
  pod("a/web", { app: "web" }, { ports, ip: "10.0.0.1" }),
  pod("b/api", { app: "api" }, { ports }),
];
const podsTwo = [
  pod("a/web", { app: "web", tier: "x" }, { ports: [{ containerPort: 81, name: "http" }], ip: "10.0.1.1" }),
  pod("b/api", { app: "api" }, { ports, ip: "10.0.0.2" }),
  pod("b/db", { app: "db" }, { ports, ip: "10.0.0.3" }),
  pod("a/tool", { app: "tool" }),
  // The same labels as b/api, another number for its named port.
  pod(
    "b/api2",
    { app: "api" },
    { ports: [{ containerPort: 81, name: "http" }, { containerPort: 85 }], ip: "10.0.0.4" },
  ),
];
const policies: NetworkPolicy[] = [
  policy("a/web", {
    podSelector: { matchLabels: { app: "web" } },
    policyTypes: ["Ingress"],
    ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: "dev" } } }], ports: [{ port: "http" }] }],
  }),
  policy("a/out", {
    podSelector: { matchExpressions: [{ key: "tier", operator: "Exists" }] },
    policyTypes: ["Egress"],
    egress: [{ to: [{ ipBlock: { cidr: "10.0.0.0/16", except: ["10.0.1.0/24"] } }] }],
  }),
  policy("b/api", {
    podSelector: { matchExpressions: [{ key: "tier", operator: "DoesNotExist" }] },
    ingress: [
      { from: [{ podSelector: {} }], ports: [{ port: 80, endPort: 90 }] },
      { from: [{ namespaceSelector: {} }], ports: [{ port: "http" }] },
    ],
  }),
  // A peer without selector or ipBlock: the API server would reject it; the model says so.
  policy("b/odd", {
    podSelector: { matchLabels: { app: "db" } },
    policyTypes: ["Egress"],
    egress: [{ to: [{}] }],
  }),
  policy("b/db", {
    podSelector: { matchLabels: { app: "db" } },
    ingress: [
      {
        from: [{ namespaceSelector: {}, podSelector: { matchLabels: { app: "web" } } }],
        ports: [{ port: 85 }],
      },
    ],
  }),
  policy("b/bad", { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: "nope" } }] }] }),
];
const origins = (p: NetworkPolicy): PolicyInput => ({
  policy: p,
  ruleOrigins: {
    ingress: (p.spec.ingress ?? []).map((_, i) => [
      { file: `${p.metadata.name}.yaml`, line: i + 1, column: 1 },
    ]),
    egress: (p.spec.egress ?? []).map((_, i) => [
      { file: `${p.metadata.name}.yaml`, line: 10 + i, column: 1 },
    ]),
  },
});

function verdicts(input: Parameters<typeof buildModel>[0]): unknown {
  const model = buildModel(input);
  const ends = [
    ...input.pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`),
    "10.0.0.9",
    "10.0.1.9",
  ];
  const out: unknown[] = [model.problems];
  for (const from of ends)
    for (const to of ends)
      for (const port of [80, 81, 85])
        if (from.includes("/") || to.includes("/")) out.push(evaluate(model, { from, to, port }));
  return out;
}

describe("models of the same policy objects", () => {
  it("judge like models of fresh copies, with other pods, origins and ipBlocks", () => {
    const profile = CNI_PROFILES.calico;
    // The first model compiles the policies; the later ones find them compiled.
    buildModel({ pods: podsOne, namespaces, policies, profile });
    buildModel({ pods: podsOne, namespaces, policies: policies.map(origins), profile });
    const copies = (): NetworkPolicy[] => structuredClone(policies);
    expect(verdicts({ pods: podsTwo, namespaces, policies, profile })).toEqual(
      verdicts({ pods: podsTwo, namespaces, policies: copies(), profile }),
    );
    expect(verdicts({ pods: podsTwo, namespaces, policies: policies.map(origins), profile })).toEqual(
      verdicts({ pods: podsTwo, namespaces, policies: copies().map(origins), profile }),
    );
    // Rule origins are the compilation's own: the same policy with and without them differs.
    const withOrigins = evaluate(
      buildModel({ pods: podsTwo, namespaces, policies: policies.map(origins), profile }),
      {
        from: "b/db",
        to: "b/api",
        port: 85,
      },
    );
    expect(withOrigins.ingress.allowedBy[0]?.source).toEqual({ file: "api.yaml", line: 1, column: 1 });
  });
});
