/**
 * The notes of a verdict (CNI-dependent behaviour that mattered) are exact:
 * - they come only from the rules that decided: a rule whose port range or ipBlock took part
 *   but that did not match, or that another rule made unnecessary, leaves none;
 * - a direction that no policy isolates has none (SCTP included: nothing is enforced there);
 * - they depend on the connection alone, never on which connections were evaluated before it.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CNI_PROFILES, type CniProfile } from "../../action/src/cni/profiles.js";
import type {
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicySpec,
  Protocol,
} from "../../action/src/k8s/types.js";
import { buildModel, type Model } from "../../action/src/semantics/model.js";
import { evaluate, type Probe, type Verdict } from "../../action/src/semantics/evaluate.js";
import { explainVerdict } from "../../action/src/semantics/explain.js";
import { ns, pod, policy } from "./fixtures.js";

const SCTP_NOTE = CNI_PROFILES.cilium.notes["sctp"] as string;
const rangeNote = (port: number, from: number, to: number, profile = "generic"): string =>
  `${profile}: port ${port} is allowed by the endPort range ${from}-${to}; a CNI without endPort support would match port ${from} only`;

const noEndPort: CniProfile = { ...CNI_PROFILES.generic, endPortSupported: false };

const ports = [
  { name: "http", containerPort: 80 },
  { containerPort: 85 },
  { name: "sctp", containerPort: 85, protocol: "SCTP" as const },
];
const namespaces = [ns("x", { env: "prod" }), ns("y", { env: "dev" })];
const pods = [
  pod("x/a", { app: "a" }, { ports, ip: "10.0.1.1" }),
  pod("x/b", { app: "b" }, { ports, ip: "10.0.1.2" }),
  pod("x/c", { app: "c" }, { ports, ip: "10.0.1.3" }),
  pod("y/a", { app: "a" }, { ports, ip: "10.0.2.1" }),
];

const ingress = (key: string, rules: NetworkPolicySpec["ingress"], app = "a"): NetworkPolicy =>
  policy(key, { podSelector: { matchLabels: { app } }, policyTypes: ["Ingress"], ingress: rules });
const fromApp = (app: string): NetworkPolicyPeer => ({ podSelector: { matchLabels: { app } } });

function engine(policies: NetworkPolicy[], profile: CniProfile = CNI_PROFILES.generic): Model {
  return buildModel({ pods, namespaces, policies, profile });
}

describe("notes come only from the rules that decided", () => {
  const range = { port: 80, endPort: 90 };

  it("a range whose peer did not match leaves no note on the blocked verdict", () => {
    const v = evaluate(engine([ingress("x/p", [{ from: [fromApp("b")], ports: [range] }])]), {
      from: "x/c",
      to: "x/a",
      port: 85,
    });
    expect(v.allowed).toBe(false);
    expect(v.notes).toEqual([]);
    expect(explainVerdict(v)).not.toContain("endPort");
  });

  it("a range whose peer did not match leaves no note when another rule allowed", () => {
    const v = evaluate(
      engine([
        ingress("x/p", [
          { from: [fromApp("b")], ports: [range] },
          { from: [fromApp("c")], ports: [{ port: 85 }] },
        ]),
      ]),
      { from: "x/c", to: "x/a", port: 85 },
    );
    expect(v.ingress.allowedBy.map((r) => r.ruleIndex)).toEqual([1]);
    expect(v.notes).toEqual([]);
  });

  it("a range that allowed the connection on its own carries its note", () => {
    const v = evaluate(engine([ingress("x/p", [{ from: [fromApp("c")], ports: [range] }])]), {
      from: "x/c",
      to: "x/a",
      port: 85,
    });
    expect(v.allowed).toBe(true);
    expect(v.notes).toEqual([rangeNote(85, 80, 90)]);
  });

  it("a range that another rule made unnecessary leaves no note (the verdict did not rest on it)", () => {
    const model = engine([
      ingress("x/p", [
        { from: [fromApp("c")], ports: [range] },
        { from: [fromApp("c")], ports: [{ port: 85 }] },
      ]),
    ]);
    const v = evaluate(model, { from: "x/c", to: "x/a", port: 85 });
    expect(v.ingress.allowedBy.map((r) => r.ruleIndex)).toEqual([0, 1]);
    expect(v.notes).toEqual([]);
    // Within one rule too: a plain entry for the port makes the range unnecessary.
    const one = engine([ingress("x/p", [{ from: [fromApp("c")], ports: [range, { port: 85 }] }])]);
    expect(evaluate(one, { from: "x/c", to: "x/a", port: 85 }).notes).toEqual([]);
  });

  it("without endPort support, the range note explains a denial only when the rule's peer matched", () => {
    const model = engine([ingress("x/p", [{ from: [fromApp("b")], ports: [range] }])], noEndPort);
    const note = "generic: endPort is not supported, so the range 80-90 matches port 80 only";
    expect(evaluate(model, { from: "x/b", to: "x/a", port: 85 }).notes).toEqual([note]);
    expect(evaluate(model, { from: "x/c", to: "x/a", port: 85 }).notes).toEqual([]);
    // Another rule allowed: the unsupported range did not decide.
    const allowed = engine(
      [ingress("x/p", [{ from: [fromApp("b")], ports: [range] }, { from: [fromApp("b")] }])],
      noEndPort,
    );
    expect(evaluate(allowed, { from: "x/b", to: "x/a", port: 85 }).notes).toEqual([]);
  });

  it("an ipBlock holding a pod IP speaks only when the rule's ports matched and it decided", () => {
    const block: NetworkPolicyPeer = { ipBlock: { cidr: "10.0.1.0/24" } };
    const cilium = engine([ingress("x/p", [{ from: [block], ports: [{ port: 80 }] }])], CNI_PROFILES.cilium);
    expect(evaluate(cilium, { from: "x/b", to: "x/a", port: 80 }).notes).toEqual([
      CNI_PROFILES.cilium.notes["ipBlock"],
    ]);
    expect(evaluate(cilium, { from: "x/b", to: "x/a", port: 81 }).notes).toEqual([]);
    // Generic: the ipBlock matches pod IPs, but a selector peer of the same rule matches too.
    const generic = engine([ingress("x/p", [{ from: [block, fromApp("b")] }])]);
    expect(evaluate(generic, { from: "x/b", to: "x/a", port: 80 }).notes).toEqual([]);
    expect(evaluate(generic, { from: "x/c", to: "x/a", port: 80 }).notes).toEqual([
      CNI_PROFILES.generic.notes["ipBlock"],
    ]);
  });
});

describe("the SCTP note", () => {
  it("is absent when no policy touches the connection", () => {
    const v = evaluate(engine([], CNI_PROFILES.cilium), {
      from: "x/a",
      to: "x/b",
      port: 85,
      protocol: "SCTP",
    });
    expect(v.allowed).toBe(true);
    expect(v.notes).toEqual([]);
    expect(v.egress.notes).toEqual([]);
    expect(v.ingress.notes).toEqual([]);
  });

  it("is present where a policy isolates the SCTP traffic, and only in that direction", () => {
    const model = engine(
      [ingress("x/p", [{ ports: [{ port: 85, protocol: "SCTP" }] }])],
      CNI_PROFILES.cilium,
    );
    const v = evaluate(model, { from: "x/b", to: "x/a", port: 85, protocol: "SCTP" });
    expect(v.ingress.notes).toEqual([SCTP_NOTE]);
    expect(v.egress.notes).toEqual([]);
    expect(v.notes).toEqual([SCTP_NOTE]);
  });
});

describe("notes do not leak between connections", () => {
  it("an SCTP note never reaches TCP traffic evaluated earlier or later", () => {
    const model = engine([], CNI_PROFILES.cilium);
    const tcp: Probe = { from: "x/a", to: "x/b", port: 85 };
    const first = explainVerdict(evaluate(model, tcp));
    evaluate(model, { ...tcp, protocol: "SCTP" });
    expect(explainVerdict(evaluate(model, tcp))).toBe(first);
    expect(evaluate(model, tcp).notes).toEqual([]);
  });

  it("the same probe twice gets one explanation, whatever was evaluated between", () => {
    const model = engine([ingress("y/p", [{ ports: [{ port: 80, endPort: 90 }] }])]);
    const open: Probe = { from: "x/a", to: "x/b", port: 85 };
    const before = evaluate(model, open);
    // Another pair, whose ingress rests on the range.
    expect(evaluate(model, { from: "x/a", to: "y/a", port: 85 }).notes).toEqual([rangeNote(85, 80, 90)]);
    const after = evaluate(model, open);
    expect(after.notes).toEqual([]);
    expect(explainVerdict(after)).toBe(explainVerdict(before));
  });

  it("another pair's ipBlock note stays with that pair", () => {
    const model = engine([ingress("y/p", [{ from: [{ ipBlock: { cidr: "10.0.1.0/24" } }] }])]);
    const open: Probe = { from: "x/b", to: "x/c", port: 80 };
    evaluate(model, open);
    expect(evaluate(model, { from: "x/b", to: "y/a", port: 80 }).notes).toEqual([
      CNI_PROFILES.generic.notes["ipBlock"],
    ]);
    expect(evaluate(model, open).notes).toEqual([]);
  });
});

// --- properties over random policy sets ---------------------------------------------------------

const peerArb: fc.Arbitrary<NetworkPolicyPeer> = fc.oneof(
  fc.constantFrom("a", "b", "c").map(fromApp),
  fc.constantFrom("prod", "dev").map((env) => ({ namespaceSelector: { matchLabels: { env } } })),
  fc.constantFrom<NetworkPolicyPeer>(
    { ipBlock: { cidr: "10.0.0.0/16" } },
    { ipBlock: { cidr: "10.0.1.0/24", except: ["10.0.1.2/32"] } },
    { ipBlock: { cidr: "192.0.2.0/24" } },
  ),
);
const portArb: fc.Arbitrary<NetworkPolicyPort> = fc.constantFrom<NetworkPolicyPort>(
  { port: 80, endPort: 90 },
  { port: 84, endPort: 86 },
  { port: 85 },
  { port: 80 },
  { port: "http" },
  { port: 85, protocol: "SCTP" },
  { port: 80, endPort: 90, protocol: "SCTP" },
  { protocol: "SCTP" },
);
const ruleArb = fc.record({
  peers: fc.option(fc.array(peerArb, { minLength: 1, maxLength: 2 }), { nil: undefined }),
  ports: fc.option(fc.array(portArb, { minLength: 1, maxLength: 2 }), { nil: undefined }),
});
const policyArb = fc
  .record({
    ns: fc.constantFrom("x", "y"),
    app: fc.option(fc.constantFrom("a", "b", "c"), { nil: undefined }),
    types: fc.constantFrom<("Ingress" | "Egress")[]>(["Ingress"], ["Egress"], ["Ingress", "Egress"]),
    ingress: fc.array(ruleArb, { maxLength: 3 }),
    egress: fc.array(ruleArb, { maxLength: 3 }),
  })
  .map((p) =>
    policy(`${p.ns}/np`, {
      podSelector: p.app === undefined ? {} : { matchLabels: { app: p.app } },
      policyTypes: p.types,
      ingress: p.ingress.map((r) => ({
        ...(r.peers ? { from: r.peers } : {}),
        ...(r.ports ? { ports: r.ports } : {}),
      })),
      egress: p.egress.map((r) => ({
        ...(r.peers ? { to: r.peers } : {}),
        ...(r.ports ? { ports: r.ports } : {}),
      })),
    }),
  );
const policiesArb = fc
  .array(policyArb, { maxLength: 4 })
  .map((list) => list.map((p, i) => ({ ...p, metadata: { ...p.metadata, name: `np-${i}` } })));
const profileArb = fc.constantFrom(
  CNI_PROFILES.generic,
  CNI_PROFILES.calico,
  CNI_PROFILES.cilium,
  noEndPort,
  { ...CNI_PROFILES.cilium, endPortSupported: false },
);

const ENDS = [...pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`), "192.0.2.10"];
const PROBES: Probe[] = ENDS.flatMap((from) =>
  ENDS.filter((to) => to !== from && (from.includes("/") || to.includes("/"))).flatMap((to) =>
    [80, 85, 91].flatMap((port) =>
      (["TCP", "SCTP"] as Protocol[]).map((protocol) => ({ from, to, port, protocol })),
    ),
  ),
);
/** Probes in a random order, some of them more than once. */
const runArb = fc.array(fc.nat({ max: PROBES.length - 1 }), { minLength: 2, maxLength: 60 });

function pretty(v: Verdict): string {
  return `${v.from} -> ${v.to}:${v.port}/${v.protocol}: ${explainVerdict(v)}`;
}

/** The behaviours a profile note is about, flipped: what a CNI doing the other thing would judge. */
function flipped(profile: CniProfile, notes: readonly string[]): CniProfile {
  const endPort = notes.some((n) => n.includes("endPort"));
  const ipBlock = notes.some((n) => n.includes("ipBlock") || n.includes("CIDR rules"));
  return {
    ...profile,
    endPortSupported: endPort ? !profile.endPortSupported : profile.endPortSupported,
    ipBlockMatchesPodIps: ipBlock ? !profile.ipBlockMatchesPodIps : profile.ipBlockMatchesPodIps,
  };
}
const EVERY_BEHAVIOUR = ["endPort", "ipBlock"];

describe("note properties", () => {
  it("each explanation is the one the connection gets alone in a fresh engine, in any probe order", () => {
    fc.assert(
      fc.property(policiesArb, profileArb, runArb, (policies, profile, run) => {
        const shared = buildModel({ pods, namespaces, policies, profile });
        for (const i of run) {
          const probe = PROBES[i] as Probe;
          const got = evaluate(shared, probe);
          const alone = evaluate(buildModel({ pods, namespaces, policies, profile }), probe);
          expect(pretty(got)).toBe(pretty(alone));
          expect([got.egress.notes, got.ingress.notes]).toEqual([alone.egress.notes, alone.ingress.notes]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a direction's notes name exactly the behaviour its outcome rests on", () => {
    fc.assert(
      fc.property(policiesArb, profileArb, (policies, profile) => {
        const model = buildModel({ pods, namespaces, policies, profile });
        for (const probe of PROBES) {
          const v = evaluate(model, probe);
          for (const d of [v.egress, v.ingress]) {
            const where = `${pretty(v)} (${d.direction})`;
            if (d.outcome === "external" || d.outcome === "not-isolated") {
              expect(d.notes, where).toEqual([]);
              continue;
            }
            const notes = d.notes.filter((n) => n !== SCTP_NOTE);
            // A note says the outcome would differ on a CNI that behaves the other way; no note
            // says no such CNI judges this direction differently.
            const other = buildModel({
              pods,
              namespaces,
              policies,
              profile: flipped(profile, notes.length > 0 ? notes : EVERY_BEHAVIOUR),
            });
            const w = evaluate(other, probe)[d.direction];
            expect(w.allowed, `${where}; on the other CNI: ${w.outcome}`).toBe(
              notes.length > 0 ? !d.allowed : d.allowed,
            );
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
