import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { compileEnvironment, CompileError } from "../../action/src/compile/compile.js";
import { bundleDigest, objectKey, renderJson, renderYaml } from "../../action/src/compile/bundle.js";
import {
  ENVIRONMENT_LABEL,
  MANAGED_BY_LABEL,
  SOURCE_ANNOTATION,
  STAGE_LABEL,
  type CompiledBundle,
  type CompiledObject,
} from "../../action/src/compile/types.js";
import type { EnvironmentIntent } from "../../action/src/intent/model.js";
import type {
  CiliumNetworkPolicy,
  NetworkPolicy,
  NetworkPolicyEgressRule,
  NetworkPolicyIngressRule,
} from "../../action/src/k8s/types.js";
import { buildEnvironment, type EnvironmentSpec } from "../helpers/intent-builder.js";
import { expectGolden } from "../helpers/golden.js";
import { objectProblems } from "./validity.js";

/** The article's scenario, fixed: one namespace, three tiers, the ingress controller, a payment CIDR. */
function article(overrides: Partial<EnvironmentSpec> = {}): EnvironmentSpec {
  return {
    name: "production",
    cni: "calico",
    namespaces: {
      production: {
        services: {
          frontend: { labels: { app: "frontend" }, ports: [80] },
          api: { labels: { app: "api" }, ports: [8080] },
          database: { labels: { app: "database" }, ports: [5432] },
        },
      },
      "ingress-nginx": { managed: false, podLabels: { "app.kubernetes.io/name": "ingress-nginx" } },
    },
    flows: [
      "ingress-nginx -> frontend:80",
      "frontend -> api:8080",
      "api -> database:5432",
      "api -> 198.51.100.0/24:443",
    ],
    ...overrides,
  };
}

function compile(spec: EnvironmentSpec): CompiledBundle {
  return compileEnvironment(buildEnvironment(spec));
}

function find(
  bundle: CompiledBundle,
  namespace: string,
  name: string,
  kind = "NetworkPolicy",
): CompiledObject {
  const obj = bundle.objects.find((o) => objectKey(o) === `${kind}/${namespace}/${name}`);
  if (!obj) throw new Error(`no ${kind}/${namespace}/${name} in ${bundle.objects.map(objectKey).join(", ")}`);
  return obj;
}

function np(bundle: CompiledBundle, namespace: string, name: string): NetworkPolicy {
  return find(bundle, namespace, name).manifest as NetworkPolicy;
}

function keys(bundle: CompiledBundle): string[] {
  return bundle.objects.map(objectKey);
}

describe("compileEnvironment", () => {
  it("one flow opens caller egress and callee ingress", () => {
    const bundle = compile(article());
    const egress = np(bundle, "production", "frontend-egress");
    expect(egress.spec).toEqual({
      podSelector: { matchLabels: { app: "frontend" } },
      policyTypes: ["Egress"],
      egress: [
        { to: [{ podSelector: { matchLabels: { app: "api" } } }], ports: [{ protocol: "TCP", port: 8080 }] },
      ],
    });
    const ingress = np(bundle, "production", "api-ingress");
    expect(ingress.spec).toEqual({
      podSelector: { matchLabels: { app: "api" } },
      policyTypes: ["Ingress"],
      ingress: [
        {
          from: [{ podSelector: { matchLabels: { app: "frontend" } } }],
          ports: [{ protocol: "TCP", port: 8080 }],
        },
      ],
    });
  });

  it("a flow from an unmanaged namespace opens only the callee's ingress", () => {
    const bundle = compile(article());
    expect(keys(bundle).filter((k) => k.includes("ingress-nginx"))).toEqual([]);
    expect(np(bundle, "production", "frontend-ingress").spec.ingress).toEqual([
      {
        from: [
          {
            namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } },
            podSelector: { matchLabels: { "app.kubernetes.io/name": "ingress-nginx" } },
          },
        ],
        ports: [{ protocol: "TCP", port: 80 }],
      },
    ]);
  });

  it("a flow to an external CIDR opens only the caller's egress, as an ipBlock", () => {
    const bundle = compile(
      article({
        flows: [{ from: "api", to: "10.0.0.0/8", except: ["10.96.0.0/12", "10.0.0.0/16"], ports: [443] }],
      }),
    );
    expect(np(bundle, "production", "api-egress").spec.egress).toEqual([
      {
        to: [{ ipBlock: { cidr: "10.0.0.0/8", except: ["10.0.0.0/16", "10.96.0.0/12"] } }],
        ports: [{ protocol: "TCP", port: 443 }],
      },
    ]);
    expect(keys(bundle)).not.toContain("NetworkPolicy/production/api-ingress");
  });

  it("a flow from an external CIDR opens the callee's ingress from an ipBlock", () => {
    const bundle = compile(article({ flows: ["203.0.113.0/24 -> frontend:80"] }));
    expect(np(bundle, "production", "frontend-ingress").spec.ingress).toEqual([
      { from: [{ ipBlock: { cidr: "203.0.113.0/24" } }], ports: [{ protocol: "TCP", port: 80 }] },
    ]);
  });

  it("cross-namespace flow uses namespaceSelector AND podSelector in one peer", () => {
    const bundle = compile({
      namespaces: {
        shop: { services: { frontend: { ports: [80] } } },
        billing: { services: { api: { labels: { app: "billing-api", tier: "backend" }, ports: [8080] } } },
      },
      flows: ["shop/frontend -> billing/api:8080"],
    });
    const egressPeers = (np(bundle, "shop", "frontend-egress").spec.egress ?? []).map((r) => r.to);
    expect(egressPeers).toEqual([
      [
        {
          namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "billing" } },
          podSelector: { matchLabels: { app: "billing-api", tier: "backend" } },
        },
      ],
    ]);
    const ingressPeers = (np(bundle, "billing", "api-ingress").spec.ingress ?? []).map((r) => r.from);
    expect(ingressPeers).toEqual([
      [
        {
          namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "shop" } },
          podSelector: { matchLabels: { app: "frontend" } },
        },
      ],
    ]);
  });

  it("a same-namespace peer is a podSelector alone", () => {
    const bundle = compile(article());
    for (const obj of bundle.objects) {
      const spec = (obj.manifest as NetworkPolicy).spec;
      const peers = [
        ...(spec.ingress ?? []).flatMap((r) => r.from ?? []),
        ...(spec.egress ?? []).flatMap((r) => r.to ?? []),
      ];
      for (const peer of peers) {
        if (peer.podSelector?.matchLabels?.["app"] && !peer.namespaceSelector) {
          expect(["frontend", "api", "database"]).toContain(peer.podSelector.matchLabels["app"]);
        }
      }
    }
    expect(np(bundle, "production", "database-ingress").spec.ingress?.[0]?.from).toEqual([
      { podSelector: { matchLabels: { app: "api" } } },
    ]);
  });

  it("nothing is emitted in an unmanaged namespace", () => {
    const bundle = compile({
      excludedNamespaces: ["legacy"],
      namespaces: {
        app: { services: { web: { ports: [80] } } },
        "ingress-nginx": { managed: false, services: { controller: { ports: [443] } } },
        legacy: { services: { old: { ports: [8080] } } },
        "kube-system": {
          services: { "kube-dns": { labels: { "k8s-app": "kube-dns" }, ports: ["53/udp", 53] } },
        },
      },
      flows: [
        "ingress-nginx/controller -> web:80",
        "web -> legacy/old:8080",
        "legacy/old -> web:80",
        "web -> kube-system/kube-dns:53/udp",
      ],
    });
    const namespaces = new Set(bundle.objects.map((o) => o.manifest.metadata.namespace));
    expect([...namespaces]).toEqual(["app"]);
    // The unmanaged callers and callees are still peers on the managed side.
    expect(keys(bundle)).toEqual([
      "NetworkPolicy/app/allow-dns",
      "NetworkPolicy/app/web-egress",
      "NetworkPolicy/app/web-ingress",
      "NetworkPolicy/app/default-deny-all",
    ]);
  });

  it("refuses to emit in a kube-* or excluded namespace even when the intent says managed", () => {
    const env = buildEnvironment({ namespaces: { "kube-system": {}, app: {} } });
    const forced: EnvironmentIntent = {
      ...env,
      namespaces: env.namespaces.map((n) => ({ ...n, managed: true, defaultDeny: true })),
    };
    expect(() => compileEnvironment(forced)).toThrow(CompileError);
    expect(() => compileEnvironment(forced)).toThrow(/system namespace kube-system/);

    const excluded: EnvironmentIntent = {
      ...buildEnvironment({ namespaces: { app: {} } }),
      excludedNamespaces: ["app"],
    };
    expect(() => compileEnvironment(excluded)).toThrow(/excluded namespace app/);
  });

  it("default-deny is stage deny, everything else allow", () => {
    const bundle = compile({
      ...article(),
      cni: "cilium",
      flows: [...(article().flows ?? []), "api -> api.stripe.com:443"],
    });
    expect(bundle.objects.length).toBeGreaterThan(5);
    for (const obj of bundle.objects) {
      const expected = obj.manifest.metadata.name === "default-deny-all" ? "deny" : "allow";
      expect(obj.stage, objectKey(obj)).toBe(expected);
      expect(obj.manifest.metadata.labels?.[STAGE_LABEL]).toBe(expected);
    }
    expect(np(bundle, "production", "default-deny-all").spec).toEqual({
      podSelector: {},
      policyTypes: ["Ingress", "Egress"],
    });
  });

  it("objects are ordered by namespace, then allow before deny, then name", () => {
    const bundle = compile({
      namespaces: { zeta: { services: { a: { ports: [1] } } }, alpha: { services: { b: { ports: [2] } } } },
      flows: ["zeta/a -> alpha/b:2"],
    });
    expect(keys(bundle)).toEqual([
      "NetworkPolicy/alpha/allow-dns",
      "NetworkPolicy/alpha/b-ingress",
      "NetworkPolicy/alpha/default-deny-all",
      "NetworkPolicy/zeta/a-egress",
      "NetworkPolicy/zeta/allow-dns",
      "NetworkPolicy/zeta/default-deny-all",
    ]);
  });

  it("strict vs safe DNS", () => {
    const strict = np(compile(article({ dns: { mode: "strict" } })), "production", "allow-dns");
    expect(strict.spec).toEqual({
      podSelector: {},
      policyTypes: ["Egress"],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
              podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
            },
          ],
          ports: [
            { protocol: "TCP", port: 53 },
            { protocol: "UDP", port: 53 },
          ],
        },
      ],
    });
    const safe = np(compile(article({ dns: { mode: "safe" } })), "production", "allow-dns");
    expect(safe.spec.egress?.[0]?.to).toEqual([
      { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } } },
    ]);
    expect(safe.spec.egress?.[0]?.ports).toEqual(strict.spec.egress?.[0]?.ports);
  });

  it("DNS follows the intent's DNS namespace and pod labels", () => {
    const custom = np(
      compile(article({ dns: { namespace: "dns", podLabels: { app: "coredns" }, mode: "strict" } })),
      "production",
      "allow-dns",
    );
    expect(custom.spec.egress?.[0]?.to).toEqual([
      {
        namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "dns" } },
        podSelector: { matchLabels: { app: "coredns" } },
      },
    ]);
  });

  it("a managed namespace without default-deny gets no allow-dns; its egress policies carry DNS", () => {
    const bundle = compile({
      namespaces: {
        batch: { defaultDeny: false, services: { job: { ports: [9000] }, idle: { ports: [80] } } },
        data: { services: { db: { ports: [5432] } } },
      },
      flows: ["batch/job -> data/db:5432"],
    });
    expect(keys(bundle).filter((k) => k.includes("/batch/"))).toEqual(["NetworkPolicy/batch/job-egress"]);
    const egress = np(bundle, "batch", "job-egress").spec.egress ?? [];
    expect(egress).toHaveLength(2);
    expect(egress[1]).toEqual(np(bundle, "data", "allow-dns").spec.egress?.[0]);
  });

  it("FQDN only as CiliumNetworkPolicy on cilium", () => {
    const spec = article({
      cni: "cilium",
      flows: ["api -> api.stripe.com:443", "api -> *.s3.amazonaws.com:443", "frontend -> api:8080"],
    });
    const bundle = compile(spec);
    const cnp = find(bundle, "production", "api-fqdn-egress", "CiliumNetworkPolicy");
    expect(cnp.stage).toBe("allow");
    expect(cnp.manifest.spec).toEqual({
      endpointSelector: { matchLabels: { app: "api" } },
      egress: [
        {
          toEndpoints: [
            { matchLabels: { "k8s:io.kubernetes.pod.namespace": "kube-system", "k8s:k8s-app": "kube-dns" } },
          ],
          toPorts: [
            {
              ports: [
                { port: "53", protocol: "TCP" },
                { port: "53", protocol: "UDP" },
              ],
              rules: { dns: [{ matchPattern: "*" }] },
            },
          ],
        },
        {
          toFQDNs: [{ matchPattern: "*.s3.amazonaws.com" }],
          toPorts: [{ ports: [{ port: "443", protocol: "TCP" }] }],
        },
        {
          toFQDNs: [{ matchName: "api.stripe.com" }],
          toPorts: [{ ports: [{ port: "443", protocol: "TCP" }] }],
        },
      ],
    });
    // No NetworkPolicy mentions an FQDN, and the FQDN flows add no api-egress rule.
    const nps = bundle.objects.filter((o) => o.manifest.kind === "NetworkPolicy");
    expect(JSON.stringify(nps.map((o) => o.manifest))).not.toMatch(/stripe|amazonaws/);
    expect(keys(bundle)).not.toContain("NetworkPolicy/production/api-egress");

    for (const cni of ["calico", "generic"] as const) {
      expect(() => compile({ ...spec, cni })).toThrow(CompileError);
      expect(() => compile({ ...spec, cni })).toThrow(/FQDN egress/);
    }
  });

  it("merges the ports of every flow through the same peer into one rule", () => {
    const env = buildEnvironment({
      namespaces: {
        app: {
          services: {
            web: { ports: [80] },
            api: { ports: [8080, { port: 9090, name: "metrics" }, "8000-8010", "53/udp"] },
          },
        },
      },
      flows: [
        "web -> api:8080",
        "web -> api:metrics",
        "web -> api:8000-8010",
        "web -> api:53/udp",
        "web -> api:8080",
      ],
    });
    const bundle = compileEnvironment(env);
    const rules = np(bundle, "app", "api-ingress").spec.ingress ?? [];
    expect(rules).toEqual([
      {
        from: [{ podSelector: { matchLabels: { app: "web" } } }],
        ports: [
          { protocol: "TCP", port: 8000, endPort: 8010 },
          { protocol: "TCP", port: 8080 },
          { protocol: "TCP", port: 9090 },
          { protocol: "UDP", port: 53 },
        ],
      },
    ]);
    // The one rule remembers every flow that asked for it.
    expect(find(bundle, "app", "api-ingress").ruleOrigins?.ingress).toEqual([env.flows.map((f) => f.source)]);
  });

  it("every port of a protocol absorbs single ports of that protocol; no ports means every port", () => {
    const bundle = compile({
      namespaces: { app: { services: { web: { ports: [80] } } } },
      flows: [
        { from: "web", to: "192.0.2.0/24", ports: [443] },
        { from: "web", to: "192.0.2.0/24", ports: ["1-65535"] },
        { from: "web", to: "198.51.100.0/24", ports: [] },
      ],
    });
    expect(np(bundle, "app", "web-egress").spec.egress).toEqual([
      {
        to: [{ ipBlock: { cidr: "192.0.2.0/24" } }],
        ports: [
          { protocol: "TCP", port: 1, endPort: 65535 },
          { protocol: "TCP", port: 443 },
        ],
      },
      { to: [{ ipBlock: { cidr: "198.51.100.0/24" } }] },
    ]);
  });

  it("kubelet health checks are allowed from node CIDRs where the profile needs it", () => {
    const spec: EnvironmentSpec = {
      cni: "generic",
      nodeCidrs: ["10.1.0.0/16", "10.0.0.0/16"],
      namespaces: {
        app: { services: { web: { ports: [80, "9000/udp"] }, worker: { ports: [8081] }, noports: {} } },
        batch: { defaultDeny: false, services: { job: { ports: [7000] } } },
      },
      flows: ["web -> worker:8081"],
    };
    const bundle = compile(spec);
    const health = {
      from: [{ ipBlock: { cidr: "10.0.0.0/16" } }, { ipBlock: { cidr: "10.1.0.0/16" } }],
    };
    // A service without callers gets an ingress policy for the probes alone.
    expect(np(bundle, "app", "web-ingress").spec.ingress).toEqual([
      {
        ...health,
        ports: [
          { protocol: "TCP", port: 80 },
          { protocol: "UDP", port: 9000 },
        ],
      },
    ]);
    // A service with callers gets the probe rule after its flow rules.
    expect(np(bundle, "app", "worker-ingress").spec.ingress).toEqual([
      { from: [{ podSelector: { matchLabels: { app: "web" } } }], ports: [{ protocol: "TCP", port: 8081 }] },
      { ...health, ports: [{ protocol: "TCP", port: 8081 }] },
    ]);
    // Without default-deny a probe-only policy would isolate the pods: none is created.
    expect(keys(bundle).filter((k) => k.includes("/batch/"))).toEqual([]);
    // A service without declared ports has nothing to probe.
    expect(keys(bundle)).not.toContain("NetworkPolicy/app/noports-ingress");

    for (const cni of ["calico", "cilium"] as const) {
      const hostProfile = compile({ ...spec, cni });
      expect(keys(hostProfile)).not.toContain("NetworkPolicy/app/web-ingress");
      expect(np(hostProfile, "app", "worker-ingress").spec.ingress).toHaveLength(1);
    }
  });

  it("a namespace endpoint in a managed namespace gets policies for its pods", () => {
    const bundle = compile({
      namespaces: {
        monitoring: { podLabels: { app: "prometheus" } },
        tools: {},
        app: { services: { api: { ports: [9090] } } },
      },
      flows: ["monitoring -> api:9090", "tools -> api:9090"],
    });
    const names = keys(bundle);
    const monitoringEgress = names.find((k) =>
      /^NetworkPolicy\/monitoring\/pods\.[0-9a-f]{8}-egress$/.test(k),
    );
    expect(monitoringEgress, names.join(", ")).toBeDefined();
    expect(names).toContain("NetworkPolicy/tools/pods.all-egress");
    expect(np(bundle, "tools", "pods.all-egress").spec.podSelector).toEqual({});
    const monitoringPolicy = bundle.objects.find((o) => objectKey(o) === monitoringEgress)
      ?.manifest as NetworkPolicy;
    expect(monitoringPolicy.spec.podSelector).toEqual({ matchLabels: { app: "prometheus" } });
    expect(np(bundle, "app", "api-ingress").spec.ingress?.map((r) => r.from)).toEqual([
      [
        {
          namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } },
          podSelector: { matchLabels: { app: "prometheus" } },
        },
      ],
      [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "tools" } } }],
    ]);
  });

  it("labels every object and points it at the intent line that declared it", () => {
    const env = buildEnvironment(article());
    const bundle = compileEnvironment(env);
    const apiService = env.namespaces[0]?.services.find((s) => s.name === "api");
    const flowLine = (text: string) => env.flows.find((f) => f.text === text)?.source;
    for (const obj of bundle.objects) {
      expect(obj.manifest.metadata.labels).toEqual({
        [MANAGED_BY_LABEL]: "netpol-rollout",
        [ENVIRONMENT_LABEL]: "production",
        [STAGE_LABEL]: obj.stage,
      });
      expect(obj.manifest.metadata.annotations?.[SOURCE_ANNOTATION]).toMatch(
        /^policies\/environments\/production\.yaml:\d+$/,
      );
      expect(obj.origins.length).toBeGreaterThan(0);
    }
    const apiIngress = find(bundle, "production", "api-ingress");
    expect(apiIngress.manifest.metadata.annotations?.[SOURCE_ANNOTATION]).toBe(
      `policies/environments/production.yaml:${apiService?.source.line}`,
    );
    expect(apiIngress.origins).toEqual([flowLine("frontend -> api:8080")]);
    expect(find(bundle, "production", "api-egress").origins).toEqual([
      flowLine("api -> database:5432"),
      flowLine("api -> 198.51.100.0/24:443"),
    ]);
  });

  it("rule origins are index-aligned with the rules", () => {
    const bundle = compile({
      ...article(),
      cni: "cilium",
      flows: [...(article().flows ?? []), "api -> example.com:443"],
    });
    for (const obj of bundle.objects) {
      const spec = obj.manifest.spec as { ingress?: unknown[]; egress?: unknown[] };
      if (!spec.ingress && !spec.egress) {
        expect(obj.ruleOrigins).toBeUndefined();
        continue;
      }
      expect(obj.ruleOrigins?.ingress.length, objectKey(obj)).toBe(spec.ingress?.length ?? 0);
      expect(obj.ruleOrigins?.egress.length, objectKey(obj)).toBe(spec.egress?.length ?? 0);
      for (const origins of [...(obj.ruleOrigins?.ingress ?? []), ...(obj.ruleOrigins?.egress ?? [])]) {
        expect(origins.length).toBeGreaterThan(0);
      }
    }
  });

  it("output is deterministic", () => {
    const env = buildEnvironment(
      article({
        namespaces: {
          ...article().namespaces,
          billing: {
            services: { ledger: { labels: { tier: "backend", app: "ledger" }, ports: [9000, "53/udp"] } },
          },
        },
        flows: [...(article().flows ?? []), "api -> billing/ledger", "billing/ledger -> database:5432"],
      }),
    );
    const first = compileEnvironment(env);
    expect(renderYaml(compileEnvironment(env))).toBe(renderYaml(first));
    // The same intent with its lists in any order (declarations keep their lines): not one byte changes.
    fc.assert(
      fc.property(
        fc.shuffledSubarray(env.namespaces, { minLength: env.namespaces.length }),
        fc.shuffledSubarray(env.flows, { minLength: env.flows.length }),
        fc.infiniteStream(fc.nat()),
        (namespaces, flows, seeds) => {
          const shuffled: EnvironmentIntent = {
            ...env,
            namespaces: namespaces.map((n) => ({
              ...n,
              labels: Object.fromEntries(Object.entries(n.labels).reverse()),
              services: [...n.services]
                .sort(() => (seeds.next().value % 2 === 0 ? -1 : 1))
                .map((svc) => ({ ...svc, labels: Object.fromEntries(Object.entries(svc.labels).reverse()) })),
            })),
            flows,
          };
          const again = compileEnvironment(shuffled);
          expect(renderYaml(again)).toBe(renderYaml(first));
          expect(bundleDigest(again)).toBe(bundleDigest(first));
          expect(again.objects.map((o) => o.origins)).toEqual(first.objects.map((o) => o.origins));
        },
      ),
      { numRuns: 50 },
    );
  });

  it("rejects a service without labels, which would select every pod", () => {
    expect(() =>
      compile({
        namespaces: { app: { services: { web: { labels: {}, ports: [80] }, api: {} } } },
        flows: ["api -> web:80"],
      }),
    ).toThrow(/service web has no labels/);
  });
});

describe("bundle digest and rendering", () => {
  it("the digest is stable and changes when a port changes", () => {
    const a = compile(article());
    expect(bundleDigest(a)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(bundleDigest(compile(article()))).toBe(bundleDigest(a));
    const changed = article();
    const production = changed.namespaces?.["production"];
    const services = production?.services ?? {};
    services["api"] = { labels: { app: "api" }, ports: [8081] };
    changed.flows = [
      "ingress-nginx -> frontend:80",
      "frontend -> api:8081",
      "api -> database:5432",
      "api -> 198.51.100.0/24:443",
    ];
    expect(bundleDigest(compile(changed))).not.toBe(bundleDigest(a));
  });

  it("the digest ignores where the intent declared things, not what it declared", () => {
    const a = compile(article());
    const moved = compileEnvironment(buildEnvironment(article()));
    for (const obj of moved.objects) obj.origins = [{ file: "elsewhere.yaml", line: 99, column: 1 }];
    expect(bundleDigest(moved)).toBe(bundleDigest(a));
    const relabelled = compileEnvironment(buildEnvironment(article({ name: "staging" })));
    expect(bundleDigest(relabelled)).not.toBe(bundleDigest(a));
  });

  it("renders multi-document YAML that parses back to the manifests, in order", () => {
    const bundle = compile({
      ...article(),
      cni: "cilium",
      flows: [...(article().flows ?? []), "api -> example.com:443"],
    });
    const yaml = renderYaml(bundle);
    const docs = parseAllDocuments(yaml);
    expect(docs.map((d) => (Array.isArray(d) ? null : d.toJS()))).toEqual(
      bundle.objects.map((o) => o.manifest),
    );
    expect(
      yaml.startsWith("---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: "),
    ).toBe(true);
    // The Cilium port is a string and must stay one.
    expect(yaml).toContain('port: "443"');
  });

  it("puts apiVersion, kind, metadata, spec first whatever order the manifest has", () => {
    const bundle = compile(article());
    const first = bundle.objects[0] as CompiledObject;
    const { spec, metadata, kind, apiVersion } = first.manifest as NetworkPolicy;
    const scrambled: CompiledBundle = {
      ...bundle,
      objects: [{ ...first, manifest: { spec, metadata, kind, apiVersion } as NetworkPolicy }],
    };
    const yaml = renderYaml(scrambled);
    expect(yaml.split("\n").slice(1, 4)).toEqual([
      "apiVersion: networking.k8s.io/v1",
      "kind: NetworkPolicy",
      "metadata:",
    ]);
  });

  it("renders a v1 List as JSON", () => {
    const bundle = compile(article());
    const list = JSON.parse(renderJson(bundle)) as { apiVersion: string; kind: string; items: unknown[] };
    expect(list.apiVersion).toBe("v1");
    expect(list.kind).toBe("List");
    expect(list.items).toEqual(bundle.objects.map((o) => o.manifest));
  });

  it("objectKey names kind, namespace and name", () => {
    const bundle = compile(article());
    expect(objectKey(find(bundle, "production", "api-ingress"))).toBe("NetworkPolicy/production/api-ingress");
    expect(objectKey(find(bundle, "production", "api-ingress").manifest)).toBe(
      "NetworkPolicy/production/api-ingress",
    );
  });

  it("the article scenario renders as in the golden file", () => {
    expectGolden("test/compile/golden/article.yaml", renderYaml(compile(article())));
  });
});

describe("schema validity", () => {
  it("every object of the article scenario is valid on every profile", () => {
    for (const cni of ["calico", "cilium", "generic"] as const) {
      const flows = [...(article().flows ?? []), ...(cni === "cilium" ? ["api -> *.example.com:443"] : [])];
      const bundle = compile({ ...article(), cni, nodeCidrs: ["10.0.0.0/16"], flows });
      expect(bundle.objects.flatMap(objectProblems)).toEqual([]);
    }
  });

  it("the validity check itself rejects a broken NetworkPolicy and a broken CiliumNetworkPolicy", () => {
    const bundle = compile({ ...article(), cni: "cilium", flows: ["api -> example.com:443"] });
    const policy = find(bundle, "production", "allow-dns");
    const broken: CompiledObject = {
      ...policy,
      manifest: {
        ...(policy.manifest as NetworkPolicy),
        spec: {
          podSelector: {},
          policyTypes: ["Outbound" as "Egress"],
          egress: [{ ports: [{ port: true as unknown as number }] } as NetworkPolicyEgressRule],
        },
      },
    };
    expect(objectProblems(broken).join("\n")).toMatch(/policyTypes|port/);
    const cnp = find(bundle, "production", "api-fqdn-egress", "CiliumNetworkPolicy");
    const brokenCnp: CompiledObject = {
      ...cnp,
      manifest: {
        ...(cnp.manifest as CiliumNetworkPolicy),
        spec: {
          endpointSelector: {},
          egress: [{ toFQDNs: [{ matchName: "bad name" }], toPorts: [{ ports: [{ port: 443 }] }] }],
        },
      },
    };
    expect(objectProblems(brokenCnp)).toHaveLength(2);
    const badName: CompiledObject = {
      ...policy,
      manifest: { ...policy.manifest, metadata: { ...policy.manifest.metadata, name: "Bad_Name" } },
    };
    expect(objectProblems(badName).join("\n")).toMatch(/DNS-1123/);
  });

  it("ingress rules never carry `to` and egress rules never carry `from`", () => {
    const bundle = compile(article());
    for (const obj of bundle.objects) {
      const spec = (obj.manifest as NetworkPolicy).spec;
      for (const r of spec.ingress ?? [])
        expect(Object.keys(r as NetworkPolicyIngressRule)).not.toContain("to");
      for (const r of spec.egress ?? [])
        expect(Object.keys(r as NetworkPolicyEgressRule)).not.toContain("from");
    }
  });
});
