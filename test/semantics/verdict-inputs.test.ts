/**
 * The semantic diff skips a connection whose source reads the same as a source, and whose
 * destination reads the same as a destination, on both sides (verdict-inputs.ts). Two
 * properties make that safe:
 * - on random clusters and policies, and a second side that changes some of them, such a
 *   connection is allowed on both sides or on neither, on every port;
 * - on random pairs of intents, the diff is the diff judged pair by pair (a CNI profile that
 *   differs in a note nobody reads turns the skipping off), explanations included.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CNI_PROFILES, type CniProfile } from "../../action/src/cni/profiles.js";
import type {
  LabelSelector,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  Protocol,
} from "../../action/src/k8s/types.js";
import { buildModel, type Model } from "../../action/src/semantics/model.js";
import { evaluate } from "../../action/src/semantics/evaluate.js";
import { diffEnvironments } from "../../action/src/semantics/diff.js";
import { VerdictInputs, type EndInputs } from "../../action/src/semantics/verdict-inputs.js";
import type { EnvironmentIntent } from "../../action/src/intent/model.js";
import { buildEnvironment, type EnvironmentSpec, type FlowSpec } from "../helpers/intent-builder.js";
import { ns, pod, policy } from "./fixtures.js";

// --- random clusters and policies ----------------------------------------------------------

const NS = ["a", "b", "c"];
const APPS = ["web", "api", "db"];
const PORTS: [number, Protocol][] = [
  [80, "TCP"],
  [81, "TCP"],
  [85, "TCP"],
  [53, "UDP"],
  [80, "SCTP"],
];
const OUTSIDE = ["192.0.2.10", "10.9.9.9"];

const labelsArb = fc
  .record({ app: fc.constantFrom(...APPS), tier: fc.option(fc.constantFrom("x", "y"), { nil: undefined }) })
  .map(({ app, tier }): Record<string, string> => (tier ? { app, tier } : { app }));

const podSpecArb = fc.record({
  ns: fc.integer({ min: 0, max: 2 }),
  labels: labelsArb,
  named: fc.boolean(),
  ip: fc.boolean(),
});

const selectorArb: fc.Arbitrary<LabelSelector> = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...APPS).map((app) => ({ matchLabels: { app } })),
  fc.constantFrom("In" as const, "NotIn" as const, "Exists" as const).map((operator) => ({
    matchExpressions: [{ key: "tier", operator, ...(operator === "Exists" ? {} : { values: ["x"] }) }],
  })),
);
const nsSelectorArb: fc.Arbitrary<LabelSelector> = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...NS).map((n) => ({ matchLabels: { "kubernetes.io/metadata.name": n } })),
  fc.constantFrom("prod", "dev").map((env) => ({ matchLabels: { env } })),
);
const peerArb: fc.Arbitrary<NetworkPolicyPeer> = fc.oneof(
  selectorArb.map((podSelector) => ({ podSelector })),
  fc.tuple(nsSelectorArb, selectorArb).map(([namespaceSelector, podSelector]) => ({
    namespaceSelector,
    podSelector,
  })),
  fc.constantFrom<NetworkPolicyPeer>(
    { ipBlock: { cidr: "10.0.0.0/16" } },
    { ipBlock: { cidr: "0.0.0.0/0", except: ["10.0.1.0/24"] } },
    { ipBlock: { cidr: "192.0.2.0/24" } },
  ),
);
const portArb: fc.Arbitrary<NetworkPolicyPort> = fc.constantFrom<NetworkPolicyPort>(
  { port: 80 },
  { port: "http" },
  { port: 80, endPort: 90 },
  { port: 53, protocol: "UDP" },
  { protocol: "SCTP" },
);
const ruleArb = fc.record({
  peers: fc.option(fc.array(peerArb, { maxLength: 2 }), { nil: undefined }),
  ports: fc.option(fc.array(portArb, { maxLength: 2 }), { nil: undefined }),
});
const policyArb = fc
  .record({
    ns: fc.constantFrom(...NS),
    podSelector: selectorArb,
    types: fc.constantFrom<NetworkPolicy["spec"]["policyTypes"]>(
      undefined,
      ["Ingress"],
      ["Egress"],
      ["Ingress", "Egress"],
    ),
    ingress: fc.array(ruleArb, { maxLength: 2 }),
    egress: fc.array(ruleArb, { maxLength: 2 }),
  })
  .map((p) => ({
    ns: p.ns,
    spec: {
      podSelector: p.podSelector,
      ...(p.types ? { policyTypes: p.types } : {}),
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

const sidesArb = fc.record({
  pods: fc.array(podSpecArb, { minLength: 2, maxLength: 6 }),
  env: fc.array(fc.constantFrom("prod", "dev"), { minLength: 3, maxLength: 3 }),
  policies: fc.array(policyArb, { maxLength: 5 }),
  // The other side: some policies kept, some added; one pod and one namespace relabelled.
  keep: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  added: fc.array(policyArb, { maxLength: 2 }),
  relabel: fc.option(fc.tuple(fc.nat(), labelsArb), { nil: undefined }),
  renv: fc.option(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.constantFrom("prod", "dev")), {
    nil: undefined,
  }),
  profile: fc.constantFrom<CniProfile>(CNI_PROFILES.generic, CNI_PROFILES.cilium, {
    ...CNI_PROFILES.calico,
    endPortSupported: false,
  }),
});

type SidesSpec = typeof sidesArb extends fc.Arbitrary<infer T> ? T : never;

/** The models of both sides, and the pods' keys (the same pods on both). */
function models(s: SidesSpec): { a: Model; b: Model; keys: string[] } {
  const side = (pods: SidesSpec["pods"], env: string[], policies: SidesSpec["policies"]): Model =>
    buildModel({
      pods: pods.map((p, i) =>
        pod(`${NS[p.ns]}/p${i}`, p.labels, {
          ports: [
            { containerPort: 80, name: p.named ? "http" : "web" },
            { containerPort: 85 },
            { containerPort: 53, protocol: "UDP" },
          ],
          ...(p.ip ? { ip: `10.0.${p.ns}.${i + 1}` } : {}),
        }),
      ),
      namespaces: NS.map((n, i) => ns(n, { env: env[i] as string })),
      policies: policies.map((p, i) => policy(`${p.ns}/np-${i}`, p.spec)),
      profile: s.profile,
    });
  const otherPods = s.pods.map((p, i) =>
    s.relabel && s.relabel[0] % s.pods.length === i ? { ...p, labels: s.relabel[1] } : p,
  );
  const otherEnv = s.env.map((e, i) => (s.renv && s.renv[0] === i ? s.renv[1] : e));
  const otherPolicies = [...s.policies.filter((_, i) => s.keep[i]), ...s.added];
  return {
    a: side(s.pods, s.env, s.policies),
    b: side(otherPods, otherEnv, otherPolicies),
    keys: s.pods.map((p, i) => `${NS[p.ns]}/p${i}`),
  };
}

describe("a connection between ends that read the same on both sides", () => {
  it("is allowed on both sides or on neither, on every port", () => {
    let alikePairs = 0;
    fc.assert(
      fc.property(sidesArb, (spec) => {
        const { a, b, keys } = models(spec);
        const inputs = new VerdictInputs();
        const read = (m: Model, key: string): EndInputs => inputs.pod(m, m.podsByKey.get(key)!);
        const ends = keys.map((key) => ({ key, a: read(a, key), b: read(b, key) }));
        const asSource = (e: (typeof ends)[number]) => e.a.what === e.b.what && e.a.egress === e.b.egress;
        const asDestination = (e: (typeof ends)[number]) =>
          e.a.what === e.b.what && e.a.ingress === e.b.ingress;
        const same = (from: string, to: string): void => {
          for (const [port, protocol] of PORTS) {
            const probe = { from, to, port, protocol };
            const [va, vb] = [evaluate(a, probe), evaluate(b, probe)];
            if (va.allowed !== vb.allowed)
              throw new Error(
                `${from} -> ${to}:${port}/${protocol}: ${va.allowed} on one side, ${vb.allowed} on the other`,
              );
          }
          alikePairs++;
        };
        for (const f of ends) {
          // An address outside the cluster reads the same everywhere.
          if (asSource(f)) for (const ip of OUTSIDE) same(f.key, ip);
          if (asDestination(f)) for (const ip of OUTSIDE) same(ip, f.key);
          for (const t of ends) if (asSource(f) && asDestination(t)) same(f.key, t.key);
        }
      }),
      { numRuns: 300 },
    );
    // The property is not vacuous: many pairs were alike.
    expect(alikePairs).toBeGreaterThan(1000);
  });
});

// --- random pairs of intents -----------------------------------------------------------------

const SERVICES = ["web", "api", "db", "worker"];
const CIDRS = ["203.0.113.0/24", "10.0.0.0/8"];

const intentArb = fc
  .record({
    cni: fc.constantFrom("calico" as const, "cilium" as const, "generic" as const),
    namespaces: fc.uniqueArray(
      fc.record({
        name: fc.constantFrom("shop", "billing", "ops"),
        defaultDeny: fc.boolean(),
        services: fc.subarray(SERVICES, { minLength: 1 }),
      }),
      { minLength: 1, maxLength: 3, selector: (n) => n.name },
    ),
    picks: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(80, 443, 8080)), { maxLength: 10 }),
    // Head: some flows dropped, some added, one namespace's default-deny turned over.
    drop: fc.array(fc.nat(), { maxLength: 3 }),
    add: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(80, 443, 8080)), { maxLength: 3 }),
    toggle: fc.option(fc.nat(), { nil: undefined }),
  })
  .map((s) => {
    const spec = (picks: typeof s.picks, toggle?: number): EnvironmentSpec => {
      const namespaces = Object.fromEntries(
        s.namespaces.map((n, i) => [
          n.name,
          {
            defaultDeny:
              toggle !== undefined && toggle % s.namespaces.length === i ? !n.defaultDeny : n.defaultDeny,
            services: Object.fromEntries(
              n.services.map((svc) => [`${n.name}-${svc}`, { ports: [80, 443, 8080] }]),
            ),
          },
        ]),
      );
      const services = s.namespaces.flatMap((n) => n.services.map((svc) => `${n.name}-${svc}`));
      const ends = [...services, ...s.namespaces.map((n) => n.name), ...CIDRS];
      const flows = new Set<string>();
      for (const [from, to, port] of picks) {
        const f = ends[from % ends.length] as string;
        const t = ends[to % ends.length] as string;
        if (f === t || (CIDRS.includes(f) && CIDRS.includes(t))) continue;
        flows.add(`${f} -> ${t}:${port}`);
      }
      return { name: "random", cni: s.cni, namespaces, flows: [...flows] as FlowSpec[] };
    };
    const kept = s.picks.filter((_, i) => !s.drop.some((d) => d % Math.max(1, s.picks.length) === i));
    return {
      base: buildEnvironment(spec(s.picks)),
      head: buildEnvironment(spec([...kept, ...s.add], s.toggle)),
    };
  });

/** The same intent under a profile no skipping applies across (a note no rule reads differs). */
function judgedPairByPair(env: EnvironmentIntent): EnvironmentIntent {
  return { ...env, profile: { ...env.profile, notes: { ...env.profile.notes, unread: "differs" } } };
}

describe("the semantic diff", () => {
  it("is the diff judged pair by pair, explanations included", () => {
    fc.assert(
      fc.property(intentArb, ({ base, head }) => {
        const skipping = diffEnvironments(base, head);
        const pairByPair = diffEnvironments(base, judgedPairByPair(head));
        expect(skipping).toEqual(pairByPair);
      }),
      { numRuns: 120 },
    );
  });
});
