import { describe, expect, it } from "vitest";
import { buildEnvironment, type EnvironmentSpec } from "../helpers/intent-builder.js";
import { compileEnvironment } from "../../action/src/compile/compile.js";
import { lintEnvironment } from "../../action/src/semantics/lint.js";
import { lintPolicies } from "../../action/src/semantics/lint-policies.js";
import { CNI_PROFILES } from "../../action/src/cni/profiles.js";
import type { CompiledBundle } from "../../action/src/compile/types.js";
import type { LintFinding } from "../../action/src/semantics/contracts.js";
import type { NetworkPolicy, ServiceObject } from "../../action/src/k8s/types.js";
import { ns, pod, policy } from "./fixtures.js";
import { runCli } from "./cli-helpers.js";

const base: EnvironmentSpec = {
  name: "production",
  cni: "calico",
  namespaces: {
    production: {
      services: {
        frontend: { ports: [80] },
        api: { ports: [8080, { port: 9090, name: "metrics" }] },
        database: { ports: [5432] },
      },
    },
    "ingress-nginx": { managed: false, podLabels: { "app.kubernetes.io/name": "ingress-nginx" } },
  },
  flows: ["ingress-nginx -> frontend:80", "frontend -> api:8080", "api -> database:5432"],
};

const codes = (findings: LintFinding[]): string[] => findings.map((f) => `${f.severity} ${f.code}`);
const lint = (spec: EnvironmentSpec, mutate?: (b: CompiledBundle) => CompiledBundle) => {
  const env = buildEnvironment(spec);
  const bundle = compileEnvironment(env);
  return { env, findings: lintEnvironment(env, mutate ? mutate(bundle) : bundle) };
};

describe("lintEnvironment", () => {
  it("finds nothing wrong with the article's scenario", () => {
    expect(lint(base).findings).toEqual([]);
  });

  it("flags a managed namespace without default-deny, at the namespace's line", () => {
    const { env, findings } = lint({
      ...base,
      namespaces: {
        ...base.namespaces,
        production: { ...base.namespaces?.["production"], defaultDeny: false },
      },
    });
    const f = findings.find((x) => x.code === "missing-default-deny");
    expect(f).toMatchObject({
      severity: "warning",
      environment: "production",
      source: env.namespaces.find((n) => n.name === "production")?.source,
    });
    expect(f?.message).toContain("namespace production is managed without default-deny");
  });

  it("stays quiet about DNS without default-deny: the compiler puts DNS in every egress policy", () => {
    const { findings } = lint({
      ...base,
      namespaces: {
        ...base.namespaces,
        production: { ...base.namespaces?.["production"], defaultDeny: false },
      },
    });
    expect(codes(findings)).not.toContain("error egress-without-dns");
  });

  it("flags egress-isolated pods that cannot resolve names, at each service's line", () => {
    const { env, findings } = lint(base, (b) => ({
      ...b,
      objects: b.objects.filter((o) => o.manifest.metadata.name !== "allow-dns"),
    }));
    const dns = findings.filter((x) => x.code === "egress-without-dns");
    const services = env.namespaces.find((n) => n.name === "production")?.services ?? [];
    // database has no egress flow: only default-deny (and no DNS rule) isolates it.
    expect(dns.map((f) => f.source)).toEqual(expect.arrayContaining(services.map((s) => s.source)));
    expect(dns[0]).toMatchObject({ severity: "error" });
    expect(dns.map((f) => f.message).join("\n")).toContain(
      "service production/database is egress-isolated (by production/default-deny-all) but cannot reach DNS (kube-system/kube-dns on 53/UDP)",
    );
  });

  it("flags egress to 0.0.0.0/0 and flows that allow every port", () => {
    const { env, findings } = lint({ ...base, flows: [...(base.flows ?? []), "api -> 0.0.0.0/0"] });
    const flow = env.flows.find((f) => f.text === "api -> 0.0.0.0/0");
    expect(findings.filter((f) => f.source === flow?.source).map((f) => `${f.severity} ${f.code}`)).toEqual([
      "warning egress-to-everywhere",
      "warning every-port",
    ]);
  });

  it("flags a default-deny staged with the allows, and allows staged with the default-deny", () => {
    const { findings } = lint(base, (b) => ({
      ...b,
      objects: b.objects.map((o) => ({
        ...o,
        stage:
          o.manifest.metadata.name === "default-deny-all"
            ? "allow"
            : o.manifest.metadata.name === "api-ingress"
              ? "deny"
              : o.stage,
      })),
    }));
    const order = findings.filter((f) => f.code === "rollout-order").map((f) => f.message);
    expect(order).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          "production/default-deny-all isolates every pod of production but is in the allow stage",
        ),
        expect.stringContaining("production/api-ingress allows traffic but is in the deny stage"),
      ]),
    );
  });

  it("flags a default-denied namespace with no DNS allow before it", () => {
    const { findings } = lint(base, (b) => ({
      ...b,
      objects: b.objects.filter((o) => o.manifest.metadata.name !== "allow-dns"),
    }));
    expect(codes(findings)).toContain("error rollout-order");
    expect(codes(findings)).toContain("error egress-without-dns");
  });

  it("with an inventory: selectors that match no pod, namespaces that do not exist, Service port vs targetPort", () => {
    const env = buildEnvironment({ ...base, flows: [...(base.flows ?? []), "frontend -> api:9090"] });
    const services: ServiceObject[] = [
      {
        metadata: { name: "api", namespace: "production" },
        spec: { selector: { app: "api" }, ports: [{ port: 9090, targetPort: 19090 }] },
      },
    ];
    const findings = lintEnvironment(env, compileEnvironment(env), {
      namespaces: [ns("production")],
      pods: [
        pod("production/frontend-1", { app: "frontend" }, { ports: [{ containerPort: 80 }] }),
        pod(
          "production/api-1",
          { app: "api" },
          { ports: [{ containerPort: 8080 }, { containerPort: 19090, name: "metrics" }] },
        ),
      ],
      services,
    });
    const messages = findings.map((f) => `${f.code}: ${f.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          "selector-matches-nothing: service production/database selects no pod in the cluster (labels app=database)",
        ),
        expect.stringContaining(
          "selector-matches-nothing: namespace ingress-nginx does not exist in the cluster",
        ),
        expect.stringContaining("selector-matches-nothing: no DNS pod with k8s-app=kube-dns in kube-system"),
        expect.stringContaining("policy-selects-nothing: production/database-ingress selects no pod"),
        expect.stringContaining(
          "service-port-not-target-port: production/frontend-egress egress rule 1 allows port 9090, the port of Service production/api; NetworkPolicy sees the pod's port 19090 (targetPort)",
        ),
      ]),
    );
    const svcPort = findings.find((f) => f.code === "service-port-not-target-port");
    // It says the connection is blocked: an error, not a warning.
    expect(svcPort?.severity).toBe("error");
    expect(svcPort?.source).toEqual(env.flows.find((f) => f.text === "frontend -> api:9090")?.source);
  });

  it("with an inventory: pods of a default-denied namespace that no service selects", () => {
    const env = buildEnvironment(base);
    const findings = lintEnvironment(env, compileEnvironment(env), {
      namespaces: [ns("production"), ns("ingress-nginx"), ns("kube-system")],
      pods: [
        pod("production/frontend-1", { app: "frontend" }, { ports: [{ containerPort: 80 }] }),
        pod("production/newsvc-1", { app: "newsvc" }, { ports: [{ containerPort: 8080 }] }),
        pod("ingress-nginx/ctl", { "app.kubernetes.io/name": "ingress-nginx" }),
        pod("kube-system/dns", { "k8s-app": "kube-dns" }),
      ],
    });
    const f = findings.find((x) => x.code === "undeclared-workload");
    expect(f?.message).toBe(
      "1 pod of production (newsvc-1) matches no declared service: default-deny leaves it only DNS; declare the service and its flows",
    );
    expect(f?.source).toEqual(env.namespaces.find((n) => n.name === "production")?.source);
  });

  it("is sorted by file, line and column, and deterministic", () => {
    const spec = {
      ...base,
      namespaces: {
        ...base.namespaces,
        production: { ...base.namespaces?.["production"], defaultDeny: false },
      },
      flows: [...(base.flows ?? []), "api -> 0.0.0.0/0:443"],
    };
    const a = lint(spec).findings;
    expect(a).toEqual(lint(spec).findings);
    const lines = a.map((f) => f.source?.line ?? 0);
    expect(lines).toEqual([...lines].sort((x, y) => x - y));
  });
});

describe("lintPolicies", () => {
  const profile = CNI_PROFILES.calico;
  const articleDns = policy("production/allow-dns", {
    podSelector: {},
    policyTypes: ["Egress"],
    egress: [
      {
        to: [
          { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } } },
          { podSelector: { matchLabels: { "k8s-app": "kube-dns" } } },
        ],
        ports: [
          { protocol: "UDP", port: 53 },
          { protocol: "TCP", port: 53 },
        ],
      },
    ],
  });
  const denyAll = policy("production/default-deny-all", {
    podSelector: {},
    policyTypes: ["Ingress", "Egress"],
  });

  it("flags the article's allow-dns: namespaceSelector and podSelector as two peers are ORed", () => {
    const findings = lintPolicies([denyAll, articleDns], { profile });
    expect(findings.map((f) => `${f.severity} ${f.code}`)).toEqual(["warning or-peers"]);
    expect(findings[0]?.message).toContain(
      "every pod of the selected namespaces, OR the selected pods of production",
    );
  });

  it("does not flag the AND form", () => {
    const and = policy("production/allow-dns", {
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
            { protocol: "UDP", port: 53 },
            { protocol: "TCP", port: 53 },
          ],
        },
      ],
    });
    expect(lintPolicies([denyAll, and], { profile })).toEqual([]);
  });

  it("flags default-deny without any DNS allow, and a namespace without default-deny", () => {
    expect(codes(lintPolicies([denyAll], { profile }))).toEqual(["error egress-without-dns"]);
    const onlyIngress = policy("x/api", {
      podSelector: { matchLabels: { app: "api" } },
      ingress: [{ ports: [{ port: 80 }] }],
    });
    expect(codes(lintPolicies([onlyIngress], { profile }))).toEqual(["warning missing-default-deny"]);
  });

  it("flags 0.0.0.0/0 egress, rules that allow every port, and named ports no pod declares", () => {
    const wide: NetworkPolicy = policy("x/wide", {
      podSelector: {},
      policyTypes: ["Ingress", "Egress"],
      ingress: [{ from: [{ podSelector: {} }], ports: [{ port: "metrics" }] }],
      egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }] }],
    });
    const findings = lintPolicies([wide], {
      profile,
      inventory: {
        namespaces: [ns("x")],
        pods: [pod("x/a", { app: "a" }, { ports: [{ containerPort: 80, name: "http" }] })],
      },
    });
    expect(codes(findings)).toEqual([
      "warning egress-to-everywhere",
      "warning every-port",
      "error named-port-missing",
    ]);
  });

  it("flags rollout order from the stage labels", () => {
    const staged = (p: NetworkPolicy, stage: string): NetworkPolicy => ({
      ...p,
      metadata: { ...p.metadata, labels: { "netpol-rollout.io/stage": stage } },
    });
    const findings = lintPolicies([staged(denyAll, "allow"), staged(articleDns, "allow")], { profile });
    expect(codes(findings)).toContain("error rollout-order");
  });
});

describe("netpol-rollout lint", () => {
  it("lints the shipped environments: file:line:col: severity code: message, exit 0 without errors", async () => {
    const r = await runCli(["lint"]);
    expect(r.stderr).toMatch(/^(no findings|0 errors, \d+ warnings?)\n$/);
    expect(r.code).toBe(0);
    for (const line of r.stdout.split("\n").filter(Boolean))
      expect(line).toMatch(/^policies\/\S+:\d+:\d+: (error|warning) [a-z-]+: /);
  });

  it("--cluster without --env asks which environment the cluster runs, when there are several", async () => {
    const { tempDir } = await import("./cli-helpers.js");
    const { join } = await import("node:path");
    const dir = tempDir({ "cluster.yaml": "apiVersion: v1\nkind: List\nitems: []\n" });
    const r = await runCli(["lint", "--cluster", join(dir, "cluster.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "--cluster describes one cluster: name the environment it runs with --env (environments: dev, staging, production)",
    );
  });

  it("exits 1 when a finding is an error", async () => {
    const { tempDir } = await import("./cli-helpers.js");
    const { join } = await import("node:path");
    const dir = tempDir({
      "p.yaml":
        "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny, namespace: x }\nspec: { podSelector: {}, policyTypes: [Ingress, Egress] }\n",
    });
    const r = await runCli(["lint", "--policies", join(dir, "p.yaml")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/p\.yaml:1:1: error egress-without-dns: /);
    expect(r.stderr).toBe("1 error, 0 warnings\n");
  });
});
