import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  formatIntentError,
  parseEnvironments,
  parseIntent,
  type EnvironmentIntent,
  type IntentFile,
  type LoadResult,
} from "../../action/src/intent/index.js";
import { loadIntentFromDir } from "../../action/src/adapters/files/intent.js";
import { compileEnvironment } from "../../action/src/compile/index.js";
import { expectGolden } from "../helpers/golden.js";
import { flowSummary, renderIntent } from "./render.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function ok(result: LoadResult) {
  if (!result.ok)
    throw new Error(`expected a valid intent:\n${result.errors.map(formatIntentError).join("\n")}`);
  return result.intent;
}

function one(text: string, more: IntentFile[] = []): EnvironmentIntent {
  const intent = ok(parseIntent([{ path: "policies/environments/test.yaml", text }, ...more]));
  expect(intent.environments).toHaveLength(1);
  return intent.environments[0]!;
}

/** 1-based line of the first line containing `needle` in a repository file. */
function lineOf(file: string, needle: string): number {
  const lines = readFileSync(resolve(repoRoot, file), "utf8").split("\n");
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${file}`);
  return i + 1;
}

// Loaded the way the CLI does it, from the repository's policies/ directory.
const shipped = await loadIntentFromDir("policies", repoRoot);

describe("shipped examples", () => {
  const intent = ok(shipped);
  const env = (name: string): EnvironmentIntent => {
    const e = intent.environments.find((x) => x.name === name);
    if (!e) throw new Error(`no environment ${name}`);
    return e;
  };

  it("are three environments in promotion order", () => {
    expect(intent.environments.map((e) => [e.name, e.order, e.cni])).toEqual([
      ["dev", 1, "generic"],
      ["staging", 2, "calico"],
      ["production", 3, "cilium"],
    ]);
  });

  it("production is the reference scenario exactly", () => {
    const prod = env("production");
    expect(prod.profile.name).toBe("cilium");
    expect(prod.dns).toEqual({
      namespace: "kube-system",
      podLabels: { "k8s-app": "kube-dns" },
      mode: "strict",
    });
    expect(prod.namespaces.map((n) => [n.name, n.managed, n.defaultDeny])).toEqual([
      ["ingress-nginx", false, false],
      ["production", true, true],
    ]);
    const production = prod.namespaces.find((n) => n.name === "production")!;
    expect(production.labels).toEqual({ "kubernetes.io/metadata.name": "production" });
    expect(
      production.services.map((s) => [s.name, s.labels, s.ports.map((p) => [p.port, p.protocol])]),
    ).toEqual([
      ["api", { app: "api" }, [[8080, "TCP"]]],
      ["database", { app: "database" }, [[5432, "TCP"]]],
      ["frontend", { app: "frontend" }, [[80, "TCP"]]],
    ]);
    expect(flowSummary(prod).sort()).toEqual(
      [
        "namespace ingress-nginx -> service production/frontend [TCP/80]",
        "service production/frontend -> service production/api [TCP/8080]",
        "service production/api -> service production/database [TCP/5432]",
        "service production/api -> cidr 198.51.100.0/24 [TCP/443]",
      ].sort(),
    );
  });

  it("staging has production's shape on calico", () => {
    const strip = (e: EnvironmentIntent) => flowSummary(e).map((l) => l.replaceAll(`${e.name}/`, "NS/"));
    expect(strip(env("staging"))).toEqual(strip(env("production")));
    expect(env("staging").dns.mode).toBe("strict");
  });

  it("dev adds a worker, lists node CIDRs and uses the generic profile's safe DNS mode", () => {
    const dev = env("dev");
    expect(dev.nodeCidrs).toEqual(["10.0.0.0/16"]);
    expect(dev.dns.mode).toBe("safe");
    expect(flowSummary(dev)).toContain("service dev/worker -> service dev/api [TCP/8080]");
  });

  it("points every declaration at the line that wrote it", () => {
    const prod = env("production");
    const payment = prod.flows.find((f) => f.to.kind === "cidr")!;
    expect(payment.text).toBe("api -> 198.51.100.0/24:443");
    expect(payment.source).toEqual({
      file: "policies/environments/production.yaml",
      line: lineOf("policies/environments/production.yaml", "api -> 198.51.100.0/24:443"),
      column: 5,
    });
    const tpl = "policies/templates/frontend-api-db.yaml";
    const api = prod.namespaces.flatMap((n) => n.services).find((s) => s.name === "api")!;
    expect(api.source).toEqual({ file: tpl, line: lineOf(tpl, "      ${api}:"), column: 7 });
    expect(prod.files).toEqual(["policies/environments/production.yaml", tpl]);
  });

  it("renders as in the golden file", () => {
    expectGolden("test/intent/golden/shipped.txt", renderIntent(intent));
  });

  it("every shipped YAML file starts with the schema modeline", () => {
    for (const e of intent.environments) {
      for (const f of e.files) {
        expect(readFileSync(resolve(repoRoot, f), "utf8").split("\n")[0]).toBe(
          "# yaml-language-server: $schema=../schema.json",
        );
      }
    }
  });
});

describe("loadIntentFromDir", () => {
  it("reports paths relative to the repository root with POSIX separators", async () => {
    const root = mkdtempSync(join(tmpdir(), "intent-"));
    try {
      mkdirSync(join(root, "net", "policies", "environments"), { recursive: true });
      writeFileSync(
        join(root, "net", "policies", "environments", "prod.yaml"),
        "promotion: 1\ncni: calcio\n",
      );
      const result = await loadIntentFromDir("net/policies", root);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.errors.map(formatIntentError)).toEqual([
          "net/policies/environments/prod.yaml:2:6: unknown cni 'calcio' (did you mean 'calico'?)",
        ]);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("says when the directory does not exist", async () => {
    const result = await loadIntentFromDir("no-such-dir", repoRoot);
    expect(result.ok ? [] : result.errors.map(formatIntentError)).toEqual([
      "no-such-dir:1:1: policies directory 'no-such-dir' does not exist",
    ]);
  });
});

describe("the model", () => {
  it("parses every port form and canonicalises protocols", () => {
    const e = one(`promotion: 1
cni: calico
namespaces:
  shop:
    services:
      api:
        labels: { app: api }
        ports: [8080, { port: 9090, name: metrics }, 53/udp, "54/UDP", 8000-8010, { port: 3868, protocol: sctp }, { port: 9000, endPort: 9009, protocol: Udp }]
      web: { labels: { app: web } }
flows:
  - web -> api:8080
`);
    const api = e.namespaces[0]!.services.find((s) => s.name === "api")!;
    expect(api.ports.map(({ source: _s, ...p }) => p)).toEqual([
      { port: 8080, protocol: "TCP" },
      { port: 9090, protocol: "TCP", name: "metrics" },
      { port: 53, protocol: "UDP" },
      { port: 54, protocol: "UDP" },
      { port: 8000, endPort: 8010, protocol: "TCP" },
      { port: 3868, protocol: "SCTP" },
      { port: 9000, endPort: 9009, protocol: "UDP" },
    ]);
  });

  it("resolves flow ports against the destination's declared ports", () => {
    const e = one(`promotion: 1
cni: calico
namespaces:
  shop:
    services:
      web: { labels: { app: web } }
      api: { labels: { app: api }, ports: [8080, 8443, { port: 9090, name: metrics }, 8000-8010] }
      dns: { labels: { app: dns }, ports: [53/udp, 53/tcp] }
flows:
  - web -> api
  - web -> api:metrics
  - web -> api:8080,8443
  - web -> api:8005
  - web -> api:8002-8004/tcp
  - web -> dns:53
  - api -> dns:53/udp
`);
    expect(flowSummary(e)).toEqual([
      "service shop/web -> service shop/api [TCP/8080 TCP/8443 TCP/9090 TCP/8000-8010]",
      "service shop/web -> service shop/api [TCP/9090(metrics)]",
      "service shop/web -> service shop/api [TCP/8080 TCP/8443]",
      "service shop/web -> service shop/api [TCP/8005]",
      "service shop/web -> service shop/api [TCP/8002-8004]",
      "service shop/web -> service shop/dns [UDP/53 TCP/53]",
      "service shop/api -> service shop/dns [UDP/53]",
    ]);
  });

  it("resolves names, qualified names, namespaces, CIDRs and FQDNs", () => {
    const e = one(`promotion: 1
cni: cilium
namespaces:
  shop:
    services:
      web: { labels: { app: web }, ports: [443] }
      api: { labels: { app: api }, ports: [8080] }
  billing:
    services:
      api: { labels: { app: billing-api }, ports: [8080] }
  ingress-nginx:
    managed: false
    podLabels: { app.kubernetes.io/name: ingress-nginx }
  monitoring:
    managed: false
flows:
  - ingress-nginx -> web:443
  - web -> shop/api:8080
  - shop/api -> billing/api:8080
  - monitoring/* -> billing/api
  - 203.0.113.0/24 -> web:443
  - billing/api -> [2001:db8::/32]:443
  - billing/api -> 2001:db8:1::/48
  - billing/api -> API.Stripe.com:443
  - from: billing/api
    to: 10.0.0.0/8
    except: [10.96.0.0/12, 10.1.2.3/32]
    ports: [443, 8443/tcp]
`);
    expect(flowSummary(e)).toEqual([
      "namespace ingress-nginx pods {app.kubernetes.io/name=ingress-nginx} -> service shop/web [TCP/443]",
      "service shop/web -> service shop/api [TCP/8080]",
      "service shop/api -> service billing/api [TCP/8080]",
      "namespace monitoring -> service billing/api [TCP/8080]",
      "cidr 203.0.113.0/24 -> service shop/web [TCP/443]",
      "service billing/api -> cidr 2001:db8::/32 [TCP/443]",
      "service billing/api -> cidr 2001:db8:1::/48 [all]",
      "service billing/api -> fqdn api.stripe.com [TCP/443]",
      "service billing/api -> cidr 10.0.0.0/8 except 10.96.0.0/12,10.1.2.3/32 [TCP/443 TCP/8443]",
    ]);
    expect(e.flows.map((f) => f.text)).toEqual([
      "ingress-nginx -> web:443",
      "web -> shop/api:8080",
      "shop/api -> billing/api:8080",
      "monitoring/* -> billing/api",
      "203.0.113.0/24 -> web:443",
      "billing/api -> [2001:db8::/32]:443",
      "billing/api -> 2001:db8:1::/48",
      "billing/api -> API.Stripe.com:443",
      "billing/api -> 10.0.0.0/8:443,8443/tcp except 10.96.0.0/12, 10.1.2.3/32",
    ]);
  });

  it("fills DNS and namespace labels with their defaults, and keeps overrides", () => {
    const e = one(`promotion: 1
cni: generic
dns: { namespace: dns-system, podLabels: { app: coredns }, mode: strict }
excludedNamespaces: [legacy]
namespaces:
  shop:
    labels: { team: payments }
    services:
      api: { labels: { app: api }, ports: [8080] }
  legacy: { managed: false }
  batch: { defaultDeny: false, services: { job: { labels: { app: job } } } }
flows:
  - legacy -> api:8080
  - job -> api
`);
    expect(e.dns).toEqual({ namespace: "dns-system", podLabels: { app: "coredns" }, mode: "strict" });
    expect(e.excludedNamespaces).toEqual(["legacy"]);
    expect(e.namespaces.map((n) => [n.name, n.managed, n.defaultDeny, n.labels])).toEqual([
      ["batch", true, false, { "kubernetes.io/metadata.name": "batch" }],
      ["legacy", false, false, { "kubernetes.io/metadata.name": "legacy" }],
      ["shop", true, true, { team: "payments", "kubernetes.io/metadata.name": "shop" }],
    ]);
    const generic = one("promotion: 1\ncni: generic\n");
    expect(generic.dns).toEqual({
      namespace: "kube-system",
      podLabels: { "k8s-app": "kube-dns" },
      mode: "safe",
    });
    expect(generic.profile.kubeletHealthCheckSource).toBe("node-cidrs");
  });

  it("sorts environments by promotion order, then name", () => {
    const env = (p: number) => `promotion: ${p}\ncni: calico\n`;
    const intent = ok(
      parseIntent([
        { path: "policies/environments/zeta.yaml", text: env(1) },
        { path: "policies/environments/prod.yaml", text: env(9) },
        { path: "policies/environments/alpha.yaml", text: env(2) },
      ]),
    );
    expect(intent.environments.map((e) => e.name)).toEqual(["zeta", "alpha", "prod"]);
  });

  it("finds environments, templates and fragments under the given policies directory only", () => {
    const files = (dir: string) => [
      { path: `${dir}environments/a.yaml`, text: "promotion: 1\ncni: calico\ninclude: [shared/s.yaml]\n" },
      {
        path: `${dir}shared/s.yaml`,
        text: "namespaces:\n  x:\n    services:\n      web: { labels: { app: web } }\n",
      },
    ];
    const atRoot = ok(parseIntent(files(""), { policiesDir: "." }));
    expect(atRoot.environments[0]!.files).toEqual(["environments/a.yaml", "shared/s.yaml"]);
    const nested = ok(
      parseIntent([...files("infra/net/"), ...files("other/")], { policiesDir: "infra/net/" }),
    );
    expect(nested.environments.map((e) => e.files)).toEqual([
      ["infra/net/environments/a.yaml", "infra/net/shared/s.yaml"],
    ]);
  });

  it("accepts Windows separators in paths and reports POSIX ones", () => {
    const result = parseIntent([
      { path: "policies\\environments\\win.yaml", text: "promotion: 1\ncni: nope\n" },
    ]);
    expect(result.ok ? [] : result.errors.map((e) => e.file)).toEqual(["policies/environments/win.yaml"]);
  });

  it("reports an empty policies directory and an empty environment file", () => {
    const none = parseIntent([]);
    expect(none.ok ? [] : none.errors.map(formatIntentError)).toEqual([
      "policies/environments:1:1: no environment files found in policies/environments/ (add one file per environment, e.g. environments/production.yaml)",
    ]);
    const empty = parseIntent([{ path: "policies/environments/x.yaml", text: "" }]);
    expect(empty.ok ? [] : empty.errors.map(formatIntentError)).toEqual([
      "policies/environments/x.yaml:1:1: missing required key 'cni'",
      "policies/environments/x.yaml:1:1: missing required key 'promotion'",
    ]);
  });

  it("reports all errors at once, sorted by file, line and column", () => {
    const result = parseIntent([
      {
        path: "policies/environments/b.yaml",
        text: "promotion: 1\ncni: calico\nflows:\n  - a -> b\n  - c => d\n",
      },
      { path: "policies/environments/a.yaml", text: "promotion: x\ncni: calico\n" },
    ]);
    expect(result.ok ? [] : result.errors.map((e) => `${e.file}:${e.line}:${e.column}`)).toEqual([
      "policies/environments/a.yaml:1:12",
      "policies/environments/b.yaml:4:5",
      "policies/environments/b.yaml:4:5",
      "policies/environments/b.yaml:5:5",
    ]);
  });
});

describe("policies/README.md", () => {
  const readme = readFileSync(resolve(repoRoot, "policies/README.md"), "utf8");
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it("its environment example is valid with the shipped templates", () => {
    const example = blocks.find((b) => b.includes("promotion: 3"))!;
    const templates = ["frontend-api-db", "worker-queue-db", "ingress-service"].map((t) => ({
      path: `policies/templates/${t}.yaml`,
      text: readFileSync(resolve(repoRoot, `policies/templates/${t}.yaml`), "utf8"),
    }));
    const e = ok(
      parseIntent([{ path: "policies/environments/production.yaml", text: example }, ...templates]),
    ).environments[0]!;
    expect(flowSummary(e)).toContain("service production/api -> cidr 198.51.100.0/24 [TCP/443]");
  });

  it("its namespaces example is valid", () => {
    const example = blocks.find((b) => b.startsWith("namespaces:\n  production:"))!;
    const e = one(`promotion: 1\ncni: calico\n${example}`);
    const api = e.namespaces.find((n) => n.name === "production")!.services.find((s) => s.name === "api")!;
    expect(api.ports.map((p) => [p.port, p.endPort, p.protocol, p.name])).toEqual([
      [8080, undefined, "TCP", undefined],
      [9090, undefined, "TCP", "metrics"],
      [53, undefined, "UDP", undefined],
      [8000, 8010, "TCP", undefined],
    ]);
  });
});

describe("shipped templates", () => {
  const read = (t: string) => ({
    path: `policies/templates/${t}.yaml`,
    text: readFileSync(resolve(repoRoot, `policies/templates/${t}.yaml`), "utf8"),
  });

  it.each([
    [
      "frontend-api-db",
      [
        "service jobs/frontend -> service jobs/api [TCP/8080]",
        "service jobs/api -> service jobs/database [TCP/5432]",
      ],
    ],
    [
      "worker-queue-db",
      [
        "service jobs/worker -> service jobs/queue [TCP/5672]",
        "service jobs/worker -> service jobs/database [TCP/5432]",
      ],
    ],
    ["ingress-service", ["namespace ingress-nginx -> service jobs/web [TCP/80]"]],
  ])("%s is valid with only the required parameters", (name, flows) => {
    const e = ok(
      parseIntent([
        {
          path: "policies/environments/t.yaml",
          text: `promotion: 1\ncni: calico\ninclude:\n  - template: ${name}\n    with: { namespace: jobs }\n`,
        },
        read(name),
      ]),
    ).environments[0]!;
    expect(flowSummary(e)).toEqual(flows);
  });
});

describe("each environment on its own (the preview)", () => {
  const env = (name: string, promotion: number, extra = ""): IntentFile => ({
    path: `policies/environments/${name}.yaml`,
    text: `promotion: ${promotion}\ncni: calico\n${extra}namespaces:\n  app:\n    services:\n      web: { labels: { app: web }, ports: [80] }\n`,
  });
  const fragment: IntentFile = {
    path: "policies/shared/broken.yaml",
    text: "namespaces:\n  app:\n    services:\n      db: { labels: { app: db }, ports: [99999] }\n",
  };

  it("an error in an included fragment marks only the environments that include it", () => {
    const files = [env("dev", 1), env("prod", 2, "include:\n  - shared/broken.yaml\n"), fragment];
    const { errors, environments } = parseEnvironments(files);
    expect(errors.map((e) => `${e.file}:${e.line}`)).toEqual(["policies/shared/broken.yaml:4"]);
    expect(environments.map((e) => [e.name, e.intent !== undefined, e.errors.length])).toEqual([
      ["dev", true, 0],
      ["prod", false, 1],
    ]);
    // Whatever deploys sees the whole intent: nothing while any error remains.
    expect(parseIntent(files).ok).toBe(false);
  });

  it("an error no environment's files hold leaves every environment usable, and is still an error", () => {
    const unused: IntentFile = {
      path: "policies/shared/unused.yaml",
      text: "namespaces:\n  app:\n    servics: {}\n",
    };
    const { errors, environments } = parseEnvironments([env("dev", 1), env("prod", 2), unused]);
    expect(errors).toHaveLength(1);
    expect(environments.every((e) => e.intent !== undefined)).toBe(true);
  });

  it("DNS and health-check rules point at the dns: and nodeCidrs: keys", () => {
    const intent = one(
      "promotion: 1\ncni: generic\nnodeCidrs: [10.0.0.0/16]\ndns: { mode: safe }\nnamespaces:\n  app:\n    services:\n      web: { labels: { app: web }, ports: [80] }\n",
    );
    expect(intent.nodeCidrsSource).toMatchObject({ line: 3, column: 1 });
    expect(intent.dnsSource).toMatchObject({ line: 4, column: 1 });
  });
});

describe("the dataplane an environment declares", () => {
  const env = (head: string) => `${head}
namespaces:
  shop:
    services:
      web: { labels: { app: web }, ports: [80] }
      api: { labels: { app: api }, ports: [8080] }
flows:
  - web -> api:8080
`;

  it("cni: kube-router loads its profile: denials rejected, as kube-router ships", () => {
    const e = one(env("promotion: 1\ncni: kube-router"));
    expect(e.cni).toBe("kube-router");
    expect(e.profile.denials).toBe("reject");
    expect(e.denials).toBeUndefined();
  });

  it("denials: reject declares a Calico whose FelixConfiguration rejects; the bundle records it", () => {
    const e = one(env("promotion: 1\ncni: calico\ndenials: reject"));
    expect(e.profile).toMatchObject({ name: "calico", denials: "reject" });
    expect(e.denials).toBe("reject");
    expect(compileEnvironment(e).denials).toBe("reject");
    expect(compileEnvironment(one(env("promotion: 1\ncni: calico"))).denials).toBeUndefined();
  });

  it("an unknown denials value is refused at its line, with the values it may take", () => {
    const result = parseIntent([
      { path: "policies/environments/test.yaml", text: env("promotion: 1\ncni: calico\ndenials: silently") },
    ]);
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.errors.map(formatIntentError);
    expect(lines.join("\n")).toMatch(/^policies\/environments\/test\.yaml:3:\d+: .*denials.*(drop|reject)/m);
  });
});
