/**
 * Properties over generated intents: whatever the intent, the compiled objects are valid
 * Kubernetes objects, stay inside managed namespaces, and open both sides of every flow.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileEnvironment } from "../../action/src/compile/compile.js";
import { objectKey } from "../../action/src/compile/bundle.js";
import { canonicalJson } from "../../action/src/compile/canonical.js";
import type { CompiledBundle } from "../../action/src/compile/types.js";
import type { EnvironmentIntent, FlowPort } from "../../action/src/intent/model.js";
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from "../../action/src/k8s/types.js";
import {
  buildEnvironment,
  type EnvironmentSpec,
  type LongFlowSpec,
  type NamespaceSpec,
  type PortSpec,
} from "../helpers/intent-builder.js";
import { objectProblems } from "./validity.js";

const NAMESPACES = ["alpha", "beta", "gamma-1", "ingress-nginx", "kube-system", "legacy"];
const SERVICES = ["web", "api", "db", "worker", "cache"];
const CIDRS = ["203.0.113.0/24", "10.0.0.0/8", "2001:db8::/32"];
const FQDNS = ["api.stripe.com", "*.example.org"];

const labelValue = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/);
const labels = fc.dictionary(fc.constantFrom("app", "tier", "app.kubernetes.io/name", "team"), labelValue, {
  minKeys: 1,
  maxKeys: 3,
});
const portSpec: fc.Arbitrary<PortSpec> = fc.oneof(
  fc.integer({ min: 1, max: 65535 }),
  fc.integer({ min: 1, max: 65000 }).map((p) => `${p}/udp`),
  fc.integer({ min: 1, max: 60000 }).map((p) => `${p}-${p + 100}`),
  fc
    .integer({ min: 1, max: 65535 })
    .map((p) => ({ port: p, name: `p${p % 1000}`, protocol: "SCTP" as const })),
);
const namespaceSpec: fc.Arbitrary<NamespaceSpec> = fc.record({
  managed: fc.boolean(),
  defaultDeny: fc.boolean(),
  podLabels: fc.option(labels, { nil: undefined }),
  services: fc
    .uniqueArray(
      fc.record({
        name: fc.constantFrom(...SERVICES),
        labels,
        ports: fc.uniqueArray(portSpec, {
          maxLength: 3,
          selector: (p) => JSON.stringify(typeof p === "object" ? p.port : p),
        }),
      }),
      {
        maxLength: 3,
        selector: (s) => s.name,
      },
    )
    .map((list) => Object.fromEntries(list.map(({ name, ...rest }) => [name, rest]))),
});

const environmentSpec: fc.Arbitrary<EnvironmentSpec> = fc
  .record({
    cni: fc.constantFrom("calico" as const, "cilium" as const, "generic" as const),
    mode: fc.constantFrom("strict" as const, "safe" as const),
    nodeCidrs: fc.subarray(["10.250.0.0/16", "10.251.0.0/16"]),
    excluded: fc.subarray(["legacy"]),
    namespaces: fc.uniqueArray(fc.tuple(fc.constantFrom(...NAMESPACES), namespaceSpec), {
      minLength: 1,
      maxLength: 4,
      selector: ([n]) => n,
    }),
    picks: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.boolean()), { maxLength: 12 }),
  })
  .map(({ cni, mode, nodeCidrs, excluded, namespaces, picks }) => {
    const nsSpecs = Object.fromEntries(namespaces);
    // Qualified names: the builder resolves `ns/service`; namespaces by their bare name.
    const services = namespaces.flatMap(([ns, spec]) =>
      Object.entries(spec.services ?? {}).map(([svc, s]) => ({ ref: `${ns}/${svc}`, ports: s.ports ?? [] })),
    );
    const sources = [...services.map((s) => s.ref), ...namespaces.map(([ns]) => ns), ...CIDRS];
    const destinations = [
      ...services.map((s) => s.ref),
      ...namespaces.map(([ns]) => ns),
      ...CIDRS,
      ...(cni === "cilium" ? FQDNS : []),
    ];
    const flows: LongFlowSpec[] = [];
    for (const [a, b, c, allPorts] of picks) {
      const from = sources[a % sources.length] as string;
      const to = destinations[b % destinations.length] as string;
      const external = (x: string) => CIDRS.includes(x) || FQDNS.includes(x);
      if (external(from) && external(to)) continue;
      const svc = services.find((s) => s.ref === to);
      let ports: PortSpec[] | undefined;
      if (svc) {
        const declared = svc.ports;
        ports = allPorts || declared.length === 0 ? undefined : [declared[c % declared.length] as PortSpec];
      } else {
        ports = allPorts ? undefined : [[443, "53/udp", "8000-8080"][c % 3] as PortSpec];
      }
      flows.push({
        from,
        to,
        ...(ports ? { ports } : {}),
        ...(to === "10.0.0.0/8" ? { except: ["10.96.0.0/12"] } : {}),
      });
    }
    return {
      name: "random",
      cni,
      dns: { mode },
      nodeCidrs,
      excludedNamespaces: excluded,
      namespaces: nsSpecs,
      flows,
    };
  });

function emittable(env: EnvironmentIntent): Set<string> {
  return new Set(
    env.namespaces
      .filter((n) => n.managed && !n.name.startsWith("kube-") && !env.excludedNamespaces.includes(n.name))
      .map((n) => n.name),
  );
}

function covers(ports: NetworkPolicyPort[] | undefined, wanted: FlowPort): boolean {
  if (ports === undefined) return true;
  return ports.some(
    (p) =>
      (p.protocol ?? "TCP") === wanted.protocol &&
      (p.port === undefined || (p.port === wanted.port && p.endPort === wanted.endPort)),
  );
}

function policy(bundle: CompiledBundle, key: string): NetworkPolicy | undefined {
  return bundle.objects.find((o) => objectKey(o) === key)?.manifest as NetworkPolicy | undefined;
}

describe("generated intents", () => {
  it("every rendered object is valid against the Kubernetes OpenAPI schema (and the Cilium CRD fields)", () => {
    fc.assert(
      fc.property(environmentSpec, (spec) => {
        const bundle = compileEnvironment(buildEnvironment(spec));
        expect(bundle.objects.flatMap(objectProblems)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("nothing is ever emitted outside a managed, non-system, non-excluded namespace", () => {
    fc.assert(
      fc.property(environmentSpec, (spec) => {
        const env = buildEnvironment(spec);
        const allowed = emittable(env);
        for (const obj of compileEnvironment(env).objects) {
          expect(allowed.has(obj.manifest.metadata.namespace ?? "")).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("every service-to-service flow is open on each managed side, on each of its ports", () => {
    fc.assert(
      fc.property(environmentSpec, (spec) => {
        const env = buildEnvironment(spec);
        const bundle = compileEnvironment(env);
        const allowed = emittable(env);
        for (const flow of env.flows) {
          if (flow.from.kind !== "service" || flow.to.kind !== "service") continue;
          const { from, to } = flow;
          const label = (ns: string, svc: string) =>
            env.namespaces.find((n) => n.name === ns)?.services.find((s) => s.name === svc)?.labels;
          const peerFor = (ns: string, svc: string, policyNs: string): NetworkPolicyPeer =>
            ns === policyNs
              ? { podSelector: { matchLabels: label(ns, svc) ?? {} } }
              : {
                  namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": ns } },
                  podSelector: { matchLabels: label(ns, svc) ?? {} },
                };
          const wantedPorts: FlowPort[] = flow.ports.length > 0 ? flow.ports : [];
          if (allowed.has(from.namespace)) {
            const egress = policy(bundle, `NetworkPolicy/${from.namespace}/${from.service}-egress`);
            const peer = peerFor(to.namespace, to.service, from.namespace);
            const rules = (egress?.spec.egress ?? []).filter(
              (r) => canonicalJson(r.to) === canonicalJson([peer]),
            );
            expect(rules, flow.text).toHaveLength(1);
            for (const p of wantedPorts)
              expect(covers(rules[0]?.ports, p), `${flow.text} ${JSON.stringify(p)}`).toBe(true);
          }
          if (allowed.has(to.namespace)) {
            const ingress = policy(bundle, `NetworkPolicy/${to.namespace}/${to.service}-ingress`);
            const peer = peerFor(from.namespace, from.service, to.namespace);
            const rules = (ingress?.spec.ingress ?? []).filter(
              (r) => canonicalJson(r.from) === canonicalJson([peer]),
            );
            expect(rules, flow.text).toHaveLength(1);
            for (const p of wantedPorts)
              expect(covers(rules[0]?.ports, p), `${flow.text} ${JSON.stringify(p)}`).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
