/**
 * Properties of the engine over random clusters and policies (fast-check):
 * - it agrees with a direct, unoptimised reading of the API reference (no grouping, no cache);
 * - grouping pods gives the same verdicts as evaluating every pod on its own;
 * - matrices agree with evaluate;
 * - adding an allow rule never removes a flow (policyTypes explicit);
 * - adding a policy never closes a flow in a direction where the pod was already isolated,
 *   and every flow it opens is allowed by one of its own rules;
 * - diff(a, a) is empty.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CNI_PROFILES, type CniProfile } from "../../action/src/cni/profiles.js";
import type {
  LabelSelector,
  Namespace,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  Pod,
  Protocol,
} from "../../action/src/k8s/types.js";
import { buildModel } from "../../action/src/semantics/model.js";
import { evaluate, type Probe } from "../../action/src/semantics/evaluate.js";
import { reachabilityMatrix } from "../../action/src/semantics/matrix.js";
import { diffEnvironments, diffPolicySets } from "../../action/src/semantics/diff.js";
import { cidrContains, parseCidr, parseIp } from "../../action/src/k8s/ip.js";
import { buildEnvironment } from "../helpers/intent-builder.js";

// --- a direct reading of the spec -----------------------------------------------------------

function selects(sel: LabelSelector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = k(labels, e.key);
    const val = labels[e.key];
    if (e.operator === "In" && !(has && (e.values ?? []).includes(val as string))) return false;
    if (e.operator === "NotIn" && has && (e.values ?? []).includes(val as string)) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}
const k = (o: Record<string, string>, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

interface End {
  pod?: Pod;
  ip?: string;
}

function naive(
  pods: Pod[],
  namespaces: Namespace[],
  policies: NetworkPolicy[],
  profile: CniProfile,
  from: End,
  to: End,
  port: number,
  protocol: Protocol,
): boolean {
  const nsLabels = (name: string): Record<string, string> => ({
    ...(namespaces.find((n) => n.metadata.name === name)?.metadata.labels ?? {}),
    "kubernetes.io/metadata.name": name,
  });
  const ipOf = (e: End): string | undefined => e.ip ?? e.pod?.status?.podIP;
  const peerOk = (peer: NetworkPolicyPeer, other: End, policyNs: string): boolean => {
    if (peer.ipBlock) {
      if (other.pod && !profile.ipBlockMatchesPodIps) return false;
      const ipText = ipOf(other);
      const ip = ipText ? parseIp(ipText) : undefined;
      const cidr = parseCidr(peer.ipBlock.cidr);
      if (!ip || !cidr || !cidrContains(cidr, ip)) return false;
      return !(peer.ipBlock.except ?? []).some((e) => {
        const c = parseCidr(e);
        return c !== undefined && cidrContains(c, ip);
      });
    }
    if (!other.pod) return false;
    if (!peer.podSelector && !peer.namespaceSelector) return false;
    const ns = other.pod.metadata.namespace;
    const nsOk = peer.namespaceSelector ? selects(peer.namespaceSelector, nsLabels(ns)) : ns === policyNs;
    return nsOk && (!peer.podSelector || selects(peer.podSelector, other.pod.metadata.labels ?? {}));
  };
  const portOk = (p: NetworkPolicyPort, dest: End): boolean => {
    if ((p.protocol ?? "TCP") !== protocol) return false;
    if (p.port === undefined) return true;
    if (typeof p.port === "string") {
      return (dest.pod?.spec?.containers ?? []).some((c) =>
        (c.ports ?? []).some(
          (cp) => cp.name === p.port && (cp.protocol ?? "TCP") === protocol && cp.containerPort === port,
        ),
      );
    }
    if (p.endPort !== undefined && profile.endPortSupported) return port >= p.port && port <= p.endPort;
    return port === p.port;
  };
  const side = (self: Pod, dir: "Ingress" | "Egress", other: End, dest: End): boolean => {
    const mine = policies.filter((p) => {
      if (
        p.metadata.namespace !== self.metadata.namespace ||
        !selects(p.spec.podSelector, self.metadata.labels ?? {})
      )
        return false;
      const types =
        p.spec.policyTypes && p.spec.policyTypes.length > 0
          ? p.spec.policyTypes
          : (p.spec.egress ?? []).length > 0
            ? ["Ingress", "Egress"]
            : ["Ingress"];
      return types.includes(dir);
    });
    if (mine.length === 0) return true;
    return mine.some((p) =>
      (dir === "Ingress"
        ? (p.spec.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports }))
        : (p.spec.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports }))
      ).some(
        (r) =>
          (!r.ports || r.ports.length === 0 || r.ports.some((x) => portOk(x, dest))) &&
          (!r.peers ||
            r.peers.length === 0 ||
            r.peers.some((x) => peerOk(x, other, p.metadata.namespace as string))),
      ),
    );
  };
  void pods;
  return (!from.pod || side(from.pod, "Egress", to, to)) && (!to.pod || side(to.pod, "Ingress", from, to));
}

// --- generators --------------------------------------------------------------------------------

const NS = ["x", "y", "z"];
const APPS = ["a", "b", "c"];
const PORTS: [number, Protocol][] = [
  [80, "TCP"],
  [81, "TCP"],
  [53, "UDP"],
];

const labelsArb = fc
  .record({
    app: fc.constantFrom(...APPS),
    tier: fc.option(fc.constantFrom("web", "db"), { nil: undefined }),
  })
  .map((l) => {
    const out: Record<string, string> = { app: l.app };
    if (l.tier) out["tier"] = l.tier;
    return out;
  });

const clusterArb = fc
  .record({
    nsEnv: fc.array(fc.constantFrom("prod", "dev"), { minLength: 3, maxLength: 3 }),
    pods: fc.array(
      fc.record({ ns: fc.integer({ min: 0, max: 2 }), labels: labelsArb, named: fc.boolean() }),
      { minLength: 2, maxLength: 7 },
    ),
  })
  .map(({ nsEnv, pods }) => {
    const namespaces: Namespace[] = NS.map((n, i) => ({
      metadata: { name: n, labels: { env: nsEnv[i] as string } },
    }));
    const podList: Pod[] = pods.map((p, i) => ({
      metadata: { namespace: NS[p.ns] as string, name: `p${i}`, labels: p.labels },
      spec: {
        containers: [
          {
            name: "c",
            ports: [
              { containerPort: 80, ...(p.named ? { name: "http" } : { name: "web" }) },
              { containerPort: 81 },
              { containerPort: 53, protocol: "UDP" as const, name: "dns" },
            ],
          },
        ],
      },
      status: { podIP: `10.0.${p.ns}.${i + 1}` },
    }));
    return { namespaces, pods: podList };
  });

const selectorArb: fc.Arbitrary<LabelSelector> = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...APPS).map((a) => ({ matchLabels: { app: a } })),
  fc
    .record({
      key: fc.constantFrom("app", "tier"),
      operator: fc.constantFrom("In", "NotIn", "Exists", "DoesNotExist" as const),
      values: fc.subarray(["a", "b", "web"], { minLength: 1 }),
    })
    .map((e) => ({
      matchExpressions: [
        {
          key: e.key,
          operator: e.operator,
          ...(e.operator === "In" || e.operator === "NotIn" ? { values: e.values } : {}),
        },
      ],
    })),
);
const nsSelectorArb: fc.Arbitrary<LabelSelector> = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...NS).map((n) => ({ matchLabels: { "kubernetes.io/metadata.name": n } })),
  fc.constantFrom("prod", "dev").map((e) => ({ matchLabels: { env: e } })),
);
const peerArb: fc.Arbitrary<NetworkPolicyPeer> = fc.oneof(
  selectorArb.map((s) => ({ podSelector: s })),
  nsSelectorArb.map((s) => ({ namespaceSelector: s })),
  fc.tuple(nsSelectorArb, selectorArb).map(([n, p]) => ({ namespaceSelector: n, podSelector: p })),
  fc.constantFrom<NetworkPolicyPeer>(
    { ipBlock: { cidr: "10.0.0.0/16" } },
    { ipBlock: { cidr: "10.0.1.0/24" } },
    { ipBlock: { cidr: "0.0.0.0/0", except: ["10.0.2.0/24"] } },
    { ipBlock: { cidr: "192.0.2.0/24" } },
  ),
);
const portArb: fc.Arbitrary<NetworkPolicyPort> = fc.constantFrom<NetworkPolicyPort>(
  {},
  { port: 80 },
  { port: 81, protocol: "TCP" },
  { port: "http" },
  { port: "dns", protocol: "UDP" },
  { protocol: "UDP" },
  { port: 80, endPort: 81 },
  { port: 53, protocol: "UDP" },
);
const ruleArb = fc.record({
  peers: fc.option(fc.array(peerArb, { maxLength: 2 }), { nil: undefined }),
  ports: fc.option(fc.array(portArb, { maxLength: 2 }), { nil: undefined }),
});
const policyArb = (explicitTypes: boolean): fc.Arbitrary<NetworkPolicy> =>
  fc
    .record({
      ns: fc.constantFrom(...NS),
      podSelector: selectorArb,
      types: explicitTypes
        ? fc.constantFrom<NetworkPolicy["spec"]["policyTypes"]>(
            ["Ingress"],
            ["Egress"],
            ["Ingress", "Egress"],
          )
        : fc.constantFrom<NetworkPolicy["spec"]["policyTypes"]>(
            undefined,
            ["Ingress"],
            ["Egress"],
            ["Ingress", "Egress"],
          ),
      ingress: fc.option(fc.array(ruleArb, { maxLength: 2 }), { nil: undefined }),
      egress: fc.option(fc.array(ruleArb, { maxLength: 2 }), { nil: undefined }),
    })
    .map((p) => ({
      apiVersion: "networking.k8s.io/v1" as const,
      kind: "NetworkPolicy" as const,
      metadata: { namespace: p.ns, name: "np" },
      spec: {
        podSelector: p.podSelector,
        ...(p.types ? { policyTypes: p.types } : {}),
        ...(p.ingress
          ? {
              ingress: p.ingress.map((r) => ({
                ...(r.peers ? { from: r.peers } : {}),
                ...(r.ports ? { ports: r.ports } : {}),
              })),
            }
          : {}),
        ...(p.egress
          ? {
              egress: p.egress.map((r) => ({
                ...(r.peers ? { to: r.peers } : {}),
                ...(r.ports ? { ports: r.ports } : {}),
              })),
            }
          : {}),
      },
    }));
const uniqueNames = (list: NetworkPolicy[]): NetworkPolicy[] =>
  list.map((p, i) => ({ ...p, metadata: { ...p.metadata, name: `np-${i}` } }));
const policiesArb = (explicit: boolean) => fc.array(policyArb(explicit), { maxLength: 5 }).map(uniqueNames);
const profileArb = fc.constantFrom(CNI_PROFILES.generic, CNI_PROFILES.cilium, {
  ...CNI_PROFILES.calico,
  endPortSupported: false,
});

function probesFor(pods: Pod[]): Probe[] {
  const keys = pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
  const out: Probe[] = [];
  for (const f of keys) {
    for (const t of keys) for (const [port, protocol] of PORTS) out.push({ from: f, to: t, port, protocol });
    out.push(
      { from: f, to: "192.0.2.10", port: 80 },
      { from: "192.0.2.10", to: f, port: 80 },
      { from: "10.0.9.9", to: f, port: 81 },
    );
  }
  return out;
}

/** A probe end as the engine reads it: "namespace/name", or an address (a pod IP names its pod). */
function endOf(pods: Pod[], text: string): End {
  const pod = pods.find(
    (p) => `${p.metadata.namespace}/${p.metadata.name}` === text || p.status?.podIP === text,
  );
  return pod ? { pod } : { ip: text };
}

const RUNS = { numRuns: 150 };

/** Throws at the first probe whose engine verdict differs from the direct reading of the spec. */
function expectSpecVerdicts(
  cluster: { pods: Pod[]; namespaces: Namespace[] },
  policies: NetworkPolicy[],
  profile: CniProfile,
  probes: Probe[],
): void {
  const model = buildModel({ ...cluster, policies, profile });
  for (const probe of probes) {
    const want = naive(
      cluster.pods,
      cluster.namespaces,
      policies,
      profile,
      endOf(cluster.pods, probe.from),
      endOf(cluster.pods, probe.to),
      probe.port,
      probe.protocol ?? "TCP",
    );
    const got = evaluate(model, probe).allowed;
    if (got !== want)
      throw new Error(
        `${probe.from} -> ${probe.to}:${probe.port}/${probe.protocol}: engine ${got}, spec ${want}`,
      );
  }
}

// A long allow-list: enough rules per direction that the engine looks candidates up by
// network instead of checking every rule (semantics/rule-index.ts).
const networkPeerArb: fc.Arbitrary<NetworkPolicyPeer> = fc
  .record({
    a: fc.integer({ min: 0, max: 3 }),
    b: fc.integer({ min: 0, max: 3 }),
    shape: fc.constantFrom("/16", "/24", "/28", "/32", "/0-except"),
  })
  .map(({ a, b, shape }) => {
    switch (shape) {
      case "/16":
        return { ipBlock: { cidr: `10.${a}.0.0/16` } };
      case "/24":
        return { ipBlock: { cidr: `10.${a}.${b}.0/24`, except: [`10.${a}.${b}.16/28`] } };
      case "/28":
        return { ipBlock: { cidr: `10.${a}.${b}.16/28` } };
      case "/32":
        return { ipBlock: { cidr: `10.${a}.${b}.5/32` } };
      default:
        return { ipBlock: { cidr: "0.0.0.0/0", except: [`10.${a}.0.0/16`] } };
    }
  });
const longRuleArb = fc.record({
  peers: fc.oneof(
    { weight: 8, arbitrary: fc.array(networkPeerArb, { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.array(peerArb, { minLength: 1, maxLength: 2 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  ),
  ports: fc.option(fc.array(portArb, { maxLength: 2 }), { nil: undefined }),
});
const longListPolicyArb: fc.Arbitrary<NetworkPolicy> = fc
  .record({
    ns: fc.constantFrom(...NS),
    podSelector: selectorArb,
    ingress: fc.array(longRuleArb, { minLength: 16, maxLength: 40 }),
    egress: fc.array(longRuleArb, { minLength: 16, maxLength: 40 }),
  })
  .map((p) => ({
    apiVersion: "networking.k8s.io/v1" as const,
    kind: "NetworkPolicy" as const,
    metadata: { namespace: p.ns, name: "np" },
    spec: {
      podSelector: p.podSelector,
      policyTypes: ["Ingress", "Egress"],
      ingress: p.ingress.map((r) => ({
        ...(r.peers ? { from: r.peers } : {}),
        ...(r.ports ? { ports: r.ports } : {}),
      })),
      egress: p.egress.map((r) => ({
        ...(r.peers ? { to: r.peers } : {}),
        ...(r.ports ? { ports: r.ports } : {}),
      })),
    },
  }));

function addressProbes(pods: Pod[]): Probe[] {
  const out: Probe[] = [];
  for (const pod of pods) {
    const f = `${pod.metadata.namespace}/${pod.metadata.name}`;
    for (let a = 0; a < 4; a++)
      for (const b of [0, 3])
        for (const c of [5, 17, 200])
          for (const [port, protocol] of PORTS) {
            out.push({ from: f, to: `10.${a}.${b}.${c}`, port, protocol });
            out.push({ from: `10.${a}.${b}.${c}`, to: f, port, protocol });
          }
  }
  return out;
}

describe("engine properties", () => {
  it("agrees with a direct reading of the API reference", () => {
    fc.assert(
      fc.property(clusterArb, policiesArb(false), profileArb, (cluster, policies, profile) =>
        expectSpecVerdicts(cluster, policies, profile, probesFor(cluster.pods)),
      ),
      RUNS,
    );
  });

  it("agrees with a direct reading of the API reference on long CIDR allow-lists (rules looked up by network)", () => {
    fc.assert(
      fc.property(
        clusterArb,
        fc.array(longListPolicyArb, { minLength: 1, maxLength: 2 }).map(uniqueNames),
        profileArb,
        (cluster, policies, profile) =>
          expectSpecVerdicts(cluster, policies, profile, [
            ...addressProbes(cluster.pods),
            ...probesFor(cluster.pods),
          ]),
      ),
      { numRuns: 60 },
    );
  });

  it("grouping pods gives the same verdicts as evaluating each pod alone, and matrices agree", () => {
    fc.assert(
      fc.property(clusterArb, policiesArb(false), profileArb, (cluster, policies, profile) => {
        const grouped = buildModel({ ...cluster, policies, profile });
        // A policy in a namespace without pods, reading a label every pod has a different value
        // of, splits every pod into its own group without changing any verdict.
        const alone = buildModel({
          pods: cluster.pods.map((p) => ({
            ...p,
            metadata: { ...p.metadata, labels: { ...p.metadata.labels, "unique-id": p.metadata.name } },
          })),
          namespaces: cluster.namespaces,
          policies: [
            ...policies,
            {
              apiVersion: "networking.k8s.io/v1",
              kind: "NetworkPolicy",
              metadata: { namespace: "empty", name: "split" },
              spec: { podSelector: { matchExpressions: [{ key: "unique-id", operator: "Exists" }] } },
            },
          ],
          profile,
        });
        expect(alone.groups.length).toBe(cluster.pods.length);
        for (const probe of probesFor(cluster.pods)) {
          expect(evaluate(grouped, probe).allowed).toBe(evaluate(alone, probe).allowed);
        }
        for (const [port, protocol] of PORTS) {
          const m = reachabilityMatrix(grouped, port, protocol, { level: "pods" });
          m.rows.forEach((from, i) =>
            m.cols.forEach((to, j) => {
              expect(m.cells[i]?.[j], `${from} -> ${to}:${port}/${protocol}`).toBe(
                evaluate(grouped, { from, to, port, protocol }).allowed,
              );
            }),
          );
        }
      }),
      RUNS,
    );
  });

  it("adding an allow rule to a policy never removes a flow (explicit policyTypes)", () => {
    fc.assert(
      fc.property(
        clusterArb,
        policiesArb(true).filter((l) => l.length > 0),
        ruleArb,
        fc.boolean(),
        fc.nat(),
        (cluster, policies, rule, ingress, pick) => {
          const i = pick % policies.length;
          const target = policies[i] as NetworkPolicy;
          const extended: NetworkPolicy = {
            ...target,
            spec: ingress
              ? {
                  ...target.spec,
                  ingress: [
                    ...(target.spec.ingress ?? []),
                    {
                      ...(rule.peers ? { from: rule.peers } : {}),
                      ...(rule.ports ? { ports: rule.ports } : {}),
                    },
                  ],
                }
              : {
                  ...target.spec,
                  egress: [
                    ...(target.spec.egress ?? []),
                    {
                      ...(rule.peers ? { to: rule.peers } : {}),
                      ...(rule.ports ? { ports: rule.ports } : {}),
                    },
                  ],
                },
          };
          const after = policies.map((p, j) => (j === i ? extended : p));
          const d = diffPolicySets(cluster, policies, after, {
            profile: CNI_PROFILES.generic,
            probes: probesFor(cluster.pods),
          });
          expect(d.changes.filter((c) => c.change === "removed")).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  it("but adding an egress rule to a policy without policyTypes isolates egress (defaulting)", () => {
    const cluster = {
      namespaces: [{ metadata: { name: "x" } }],
      pods: [
        {
          metadata: { namespace: "x", name: "a", labels: {} },
          spec: { containers: [{ name: "c", ports: [{ containerPort: 80 }] }] },
        },
      ],
    };
    const before: NetworkPolicy = {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { namespace: "x", name: "p" },
      spec: { podSelector: {}, ingress: [{}] },
    };
    const after: NetworkPolicy = {
      ...before,
      spec: { ...before.spec, egress: [{ ports: [{ port: 443 }] }] },
    };
    const d = diffPolicySets(cluster, [before], [after], {
      profile: CNI_PROFILES.generic,
      probes: [{ from: "x/a", to: "x/a", port: 80 }],
    });
    expect(d.changes.map((c) => c.change)).toEqual(["removed"]);
  });

  it("adding a policy never closes a flow where the pod was already isolated, and opens only through its own rules", () => {
    fc.assert(
      fc.property(
        clusterArb,
        policiesArb(false),
        policyArb(false),
        profileArb,
        (cluster, policies, extra, profile) => {
          const added = { ...extra, metadata: { ...extra.metadata, name: "added" } };
          const before = buildModel({ ...cluster, policies, profile });
          const after = buildModel({ ...cluster, policies: [...policies, added], profile });
          for (const probe of probesFor(cluster.pods)) {
            const b = evaluate(before, probe);
            const a = evaluate(after, probe);
            for (const dir of ["egress", "ingress"] as const) {
              if (b[dir].outcome === "allowed" || b[dir].outcome === "denied") {
                // Already isolated: the new policy can only add allows.
                if (b[dir].allowed) expect(a[dir].allowed).toBe(true);
              }
              if (!b[dir].allowed && a[dir].allowed) {
                expect(a[dir].allowedBy.some((r) => r.policy === "added")).toBe(true);
              }
            }
          }
        },
      ),
      RUNS,
    );
  });

  it("a policy without rules never opens anything", () => {
    fc.assert(
      fc.property(
        clusterArb,
        policiesArb(false),
        fc.constantFrom(...NS),
        selectorArb,
        (cluster, policies, ns, sel) => {
          const deny: NetworkPolicy = {
            apiVersion: "networking.k8s.io/v1",
            kind: "NetworkPolicy",
            metadata: { namespace: ns, name: "deny" },
            spec: { podSelector: sel, policyTypes: ["Ingress", "Egress"] },
          };
          const d = diffPolicySets(cluster, policies, [...policies, deny], {
            profile: CNI_PROFILES.generic,
            probes: probesFor(cluster.pods),
          });
          expect(d.changes.filter((c) => c.change === "added")).toEqual([]);
        },
      ),
      RUNS,
    );
  });

  it("diff(a, a) is empty, for policy sets and for intents", () => {
    fc.assert(
      fc.property(clusterArb, policiesArb(false), (cluster, policies) => {
        expect(
          diffPolicySets(cluster, policies, policies, { profile: CNI_PROFILES.generic }).changes,
        ).toEqual([]);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(80, 443)),
          { maxLength: 6 },
        ),
        fc.boolean(),
        (edges, defaultDeny) => {
          const env = buildEnvironment({
            name: "p",
            cni: "calico",
            namespaces: {
              shop: { defaultDeny, services: { s0: { ports: [80, 443] }, s1: { ports: [80, 443] } } },
              billing: { services: { s2: { ports: [80, 443] }, s3: { ports: [80, 443] } } },
            },
            flows: [
              ...new Set(edges.filter(([a, b]) => a !== b).map(([a, b, port]) => `s${a} -> s${b}:${port}`)),
            ],
          });
          expect(diffEnvironments(env, env).changes).toEqual([]);
        },
      ),
      { numRuns: 50 },
    );
  });
});
