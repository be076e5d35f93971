/**
 * `netpol-rollout import`: NetworkPolicies (and, on cilium, CiliumNetworkPolicies) turned
 * into intent that names each source object, what the intent cannot say kept as
 * hand-written policies with the reason, the replaced policies recorded, and the result
 * proven by the semantics engine against the originals.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseKubeObjects } from "../../action/src/manifests/parse.js";
import type { CniProfileName } from "../../action/src/cni/profiles.js";
import { importPolicies, type ImportResult } from "../../action/src/import/index.js";
import type { IntentFile } from "../../action/src/intent/index.js";
import type {
  LabelSelector,
  NetworkPolicy,
  NetworkPolicyPeer,
  NetworkPolicyPort,
} from "../../action/src/k8s/types.js";

const fixtures = join(import.meta.dirname, "fixtures");

function run(
  text: string,
  cni: CniProfileName = "calico",
  files: IntentFile[] = [],
  cluster?: string,
): Extract<ImportResult, { ok: true }> {
  const objects = parseKubeObjects([{ path: "np.yaml", text }]);
  expect(objects.errors).toEqual([]);
  const dump =
    cluster === undefined ? undefined : parseKubeObjects([{ path: "cluster.yaml", text: cluster }]);
  const result = importPolicies({
    environment: "prod",
    cni,
    policies: objects.policies,
    ciliumPolicies: objects.ciliumPolicies,
    sources: objects.sources,
    pods: dump?.pods ?? [],
    namespaces: dump?.namespaces ?? [],
    files,
  });
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result;
}

function fate(result: Extract<ImportResult, { ok: true }>, name: string): string {
  const o = result.plan.outcomes.find((x) => x.original.label.endsWith(`/${name}`));
  if (!o) throw new Error(`no outcome for ${name}`);
  const f = o.fate;
  return f.kind === "flows"
    ? `flows: ${f.flows.join("; ")}`
    : f.kind === "hand-written" || f.kind === "kept"
      ? `${f.kind}: ${f.reason}`
      : f.kind;
}

const shop = readFileSync(join(fixtures, "shop.yaml"), "utf8");

describe("import of manifests", () => {
  const result = run(shop);
  const env = result.files.find((f) => f.path.endsWith("environments/prod.yaml"))!.text;

  it("turns policies whose rules name their peers into flows, the default-deny and DNS into the namespace's", () => {
    expect(fate(result, "default-deny")).toBe("default-deny");
    expect(fate(result, "allow-dns")).toBe("dns");
    expect(fate(result, "web")).toBe("flows: ingress-nginx/* -> shop/web:80; shop/web -> shop/api:8080");
    expect(fate(result, "db")).toBe("flows: shop/api -> shop/db:5432");
    expect(env).toContain(`  # default-deny: NetworkPolicy shop/default-deny (np.yaml:1)
  # DNS: NetworkPolicy shop/allow-dns (np.yaml:6)
  shop:
    services:
      # named by NetworkPolicy shop/web (np.yaml:18)
      web: { labels: { app: web }, ports: [80] }
`);
    expect(env).toContain(`  # from NetworkPolicy shop/web egress rule 1 (np.yaml:18)
  # from NetworkPolicy shop/api ingress rule 1 (np.yaml:31)
  - web -> api:8080
`);
    expect(env).toContain(
      "  - api -> 198.51.100.0/24:443 # from NetworkPolicy shop/api egress rule 2 (np.yaml:31)\n",
    );
    expect(env).toContain("replaces: imported/prod\n");
  });

  it("keeps what the intent cannot say as hand-written policies, each with the reason", () => {
    expect(fate(result, "metrics")).toBe(
      "hand-written: ingress rule 1: namespaces chosen by their labels (team=monitoring): a flow names a namespace by its name",
    );
    expect(fate(result, "deny-ingress")).toBe(
      "hand-written: it isolates ingress without any ingress rule, in a namespace without default-deny",
    );
    // A rule whose partner the cluster does not have: a flow would open the caller's egress too.
    expect(fate(result, "from-web")).toBe(
      "hand-written: ingress rule 1: egress at shop/(app=web) does not allow 8000/TCP to legacy/(app=old) in the cluster's policies, and a flow opens both sides",
    );
    expect(env)
      .toContain(`      # NetworkPolicy shop/metrics (np.yaml:55): ingress rule 1: namespaces chosen by their labels (team=monitoring): a flow names a namespace by its name
      metrics:
        podSelector: { matchLabels: { app: api } }
`);
  });

  it("records every replaced policy, one List per namespace", () => {
    expect(result.files.map((f) => [f.path, f.created])).toEqual([
      ["policies/imported/prod/legacy.yaml", true],
      ["policies/imported/prod/shop.yaml", true],
      ["policies/environments/prod.yaml", true],
    ]);
    const record = parseKubeObjects(result.files.filter((f) => f.path.includes("imported")));
    expect(record.errors).toEqual([]);
    expect(record.policies.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).sort()).toEqual([
      "legacy/deny-ingress",
      "legacy/from-web",
      "shop/allow-dns",
      "shop/api",
      "shop/db",
      "shop/default-deny",
      "shop/metrics",
      "shop/web",
    ]);
  });

  it("is proven exact on stand-in pods", () => {
    expect(result.proof.differences).toEqual([]);
    expect(result.proof.standIns).toBeGreaterThan(5);
  });

  it("adds nothing and writes nothing the second time", () => {
    const again = run(shop, "calico", result.files);
    expect(again.files).toEqual([]);
    expect(again.write.added).toEqual([]);
  });
});

describe("the proof", () => {
  it("lists every connection the import opens or closes, with both explanations", () => {
    // No DNS allow beside the default-deny: the intent's built-in DNS rule opens it.
    const text = shop.replace(
      /---\napiVersion: networking.k8s.io\/v1\nkind: NetworkPolicy\nmetadata: \{ name: allow-dns[\s\S]*?(?=---)/,
      "",
    );
    const result = run(text);
    const opened = result.proof.differences.map(
      (d) => `${d.change} ${d.from} -> ${d.to} ${d.port}/${d.protocol}`,
    );
    expect(opened).toContain(
      "opened shop/stand-in (app=api) -> kube-system/stand-in (k8s-app=kube-dns) 53/UDP",
    );
    expect(result.proof.differences.every((d) => d.change === "opened" && d.port === 53)).toBe(true);
    const d = result.proof.differences[0]!;
    expect(d.before).toMatch(/^blocked: egress at .* isolated by shop\/default-deny/);
    expect(d.after).toMatch(/^allowed: egress at .* allowed by shop\/allow-dns egress rule 1/);
  });

  it("judges a cluster dump's own pods, and resolves a named port from them", () => {
    const cluster = readFileSync(join(fixtures, "cluster.yaml"), "utf8");
    const objects = parseKubeObjects([{ path: "cluster.yaml", text: cluster }]);
    const result = run(
      cluster
        .split("\n---\n")
        .filter((d) => d.includes("kind: NetworkPolicy"))
        .join("\n---\n"),
      "calico",
      [],
      cluster,
    );
    expect(objects.pods.length).toBeGreaterThan(0);
    expect(fate(result, "api")).toBe("flows: shop/web -> shop/api:http");
    const env = result.files.find((f) => f.path.endsWith("prod.yaml"))!.text;
    expect(env).toContain("api: { labels: { app: api }, ports: [{ port: 8080, name: http }] }");
    expect(result.proof.differences).toEqual([]);
    expect(result.proof.pods - result.proof.standIns).toBe(objects.pods.length);
  });
});

describe("CiliumNetworkPolicies", () => {
  const cnp = readFileSync(join(fixtures, "cilium.yaml"), "utf8");

  it("on cilium: FQDN egress and endpoint rules become flows; L7 rules and entities stay in the cluster", () => {
    const result = run(cnp, "cilium");
    expect(fate(result, "api-egress")).toBe(
      "flows: shop/api -> shop/db:5432; shop/api -> api.stripe.com:443",
    );
    expect(fate(result, "l7")).toBe("kept: ingress rule 1: L7 rules (http)");
    expect(fate(result, "world")).toBe(
      "kept: egress rule 1: toEntities has no equivalent in a NetworkPolicy",
    );
    expect(result.proof.differences).toEqual([]);
  });

  it("elsewhere: left in the cluster, saying which profile reads them", () => {
    const result = run(cnp, "calico");
    expect(fate(result, "api-egress")).toBe(
      "kept: a CiliumNetworkPolicy, and the CNI profile is calico (use --cni cilium)",
    );
  });
});

describe("writing into an existing intent", () => {
  it("refuses a CNI that contradicts the environment's, and an environment that does not load", () => {
    const files = [{ path: "policies/environments/prod.yaml", text: "promotion: 1\ncni: cilium\n" }];
    const objects = parseKubeObjects([{ path: "np.yaml", text: shop }]);
    const base = {
      environment: "prod",
      policies: objects.policies,
      ciliumPolicies: [],
      sources: objects.sources,
      pods: [],
      namespaces: [],
    };
    expect(importPolicies({ ...base, cni: "calico", files })).toEqual({
      ok: false,
      errors: ["environment prod has cni cilium; --cni calico contradicts it"],
    });
    expect(importPolicies({ ...base, files: [] })).toEqual({
      ok: false,
      errors: ["environment prod is new: give its CNI profile with --cni (calico, cilium or generic)"],
    });
    const broken = importPolicies({
      ...base,
      files: [{ path: files[0]!.path, text: "promotion: x\ncni: calico\n" }],
    });
    expect(broken.ok).toBe(false);
  });
});

// --- random policies: whatever the import makes of them, only the DNS rule it adds differs ---

const NS = ["x", "y"];
const APPS = ["a", "b", "c"];
const selector: fc.Arbitrary<LabelSelector> = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...APPS).map((a) => ({ matchLabels: { app: a } })),
  fc
    .constantFrom(...APPS)
    .map((a) => ({ matchExpressions: [{ key: "app", operator: "In" as const, values: [a] }] })),
);
const peer: fc.Arbitrary<NetworkPolicyPeer> = fc.oneof(
  selector.map((s) => ({ podSelector: s })),
  fc
    .constantFrom(...NS)
    .map((n) => ({ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": n } } })),
  fc.tuple(fc.constantFrom(...NS), selector).map(([n, s]) => ({
    namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": n } },
    podSelector: s,
  })),
  fc.constant({ namespaceSelector: { matchLabels: { team: "ops" } } }),
  fc.constantFrom<NetworkPolicyPeer>(
    { ipBlock: { cidr: "192.0.2.0/24" } },
    { ipBlock: { cidr: "0.0.0.0/0", except: ["10.0.0.0/8"] } },
  ),
);
const port: fc.Arbitrary<NetworkPolicyPort> = fc.constantFrom<NetworkPolicyPort>(
  { port: 80 },
  { port: 81, protocol: "TCP" },
  { port: 53, protocol: "UDP" },
  { port: 8000, endPort: 8010 },
  { protocol: "UDP" },
);
const rule = fc.record({
  peers: fc.option(fc.array(peer, { minLength: 1, maxLength: 2 }), { nil: undefined, freq: 6 }),
  ports: fc.option(fc.array(port, { minLength: 1, maxLength: 2 }), { nil: undefined }),
});
const policy = fc
  .record({
    ns: fc.constantFrom(...NS),
    podSelector: selector,
    types: fc.constantFrom<NetworkPolicy["spec"]["policyTypes"]>(
      undefined,
      ["Ingress"],
      ["Egress"],
      ["Ingress", "Egress"],
    ),
    ingress: fc.array(rule, { maxLength: 2 }),
    egress: fc.array(rule, { maxLength: 2 }),
  })
  .map((p): NetworkPolicy => ({
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { namespace: p.ns, name: "np" },
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
const denyAll = (ns: string): NetworkPolicy => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { namespace: ns, name: "deny" },
  spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
});

describe("random policies", () => {
  it("import into intent that loads, and differ from the originals at most by the DNS the intent always allows", () => {
    fc.assert(
      fc.property(fc.array(policy, { minLength: 1, maxLength: 6 }), fc.subarray(NS), (list, denied) => {
        const policies = [
          ...list.map((p, i) => ({ ...p, metadata: { ...p.metadata, name: `np-${i}` } })),
          ...denied.map(denyAll),
        ];
        const result = importPolicies({
          environment: "prod",
          cni: "calico",
          policies,
          ciliumPolicies: [],
          sources: new Map(),
          pods: [],
          namespaces: [],
          files: [],
        });
        if (!result.ok) throw new Error(result.errors.join("\n"));
        const dns = result.environment.dns.namespace;
        const other = result.proof.differences.filter(
          (d) => !(d.change === "opened" && d.port === 53 && d.to.startsWith(`${dns}/`)),
        );
        expect(other).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
