/**
 * The intent writer: a new environment file, additions to an existing one that leave every
 * line a person wrote as it was, what is present already, names taken, templates that fit,
 * and what cannot be added without rewriting a line.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIntent, type IntentFile } from "../../action/src/intent/index.js";
import { keepsEveryLine, writeIntent, type Proposal } from "../../action/src/intent/write/index.js";
import { repoRoot } from "../semantics/cli-helpers.js";

function shipped(): IntentFile[] {
  const out: IntentFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name))
        out.push({ path: relative(repoRoot, path), text: readFileSync(path, "utf8") });
    }
  };
  walk(join(repoRoot, "policies"));
  return out;
}

const svc = (namespace: string, service: string) => ({ kind: "service" as const, namespace, service });

function shop(environment = "shop"): Proposal {
  return {
    environment,
    settings: { cni: "calico", header: ["imported from cluster.yaml"] },
    namespaces: [
      { name: "shop", comment: ["NetworkPolicies shop/*"] },
      { name: "ingress-nginx", managed: false },
    ],
    services: [
      {
        namespace: "shop",
        name: "web",
        labels: { app: "web" },
        ports: [{ port: 80 }],
        comment: ["NetworkPolicy shop/web (cluster.yaml:3)"],
      },
      {
        namespace: "shop",
        name: "api",
        labels: { app: "api", version: "2" },
        ports: [{ port: 8080 }, { port: 9100, name: "metrics" }, { port: 53, protocol: "UDP" }],
      },
    ],
    flows: [
      {
        from: { kind: "namespace", namespace: "ingress-nginx" },
        to: svc("shop", "web"),
        ports: [{ port: 80 }],
      },
      {
        from: svc("shop", "web"),
        to: svc("shop", "api"),
        ports: [{ port: 8080 }],
        comment: ["seen 1,234 times"],
      },
      {
        from: svc("shop", "api"),
        to: { kind: "cidr", cidr: "10.0.0.0/8", except: ["10.96.0.0/12"] },
        ports: [{ port: 443 }],
      },
      { from: svc("shop", "api"), to: { kind: "cidr", cidr: "2001:db8::/32" }, ports: [{ port: 443 }] },
    ],
    policies: [
      {
        namespace: "shop",
        name: "from-monitoring",
        spec: {
          podSelector: { matchLabels: { app: "api" } },
          ingress: [
            {
              from: [{ namespaceSelector: { matchLabels: { team: "monitoring" } } }],
              ports: [{ port: "metrics" }],
            },
          ],
        },
        comment: ["a namespace chosen by its labels"],
      },
    ],
  };
}

function loads(files: IntentFile[]): void {
  const result = parseIntent(files);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join("\n"));
}

describe("a new environment file", () => {
  it("holds every proposed item, commented, in the format a person writes", () => {
    const result = writeIntent(shop(), { files: [] });
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(result.files).toHaveLength(1);
    expect(result.files[0]!.path).toBe("policies/environments/shop.yaml");
    expect(result.files[0]!.text).toBe(`# yaml-language-server: $schema=../schema.json
#
# imported from cluster.yaml
promotion: 1
cni: calico
namespaces:
  ingress-nginx: { managed: false }
  # NetworkPolicies shop/*
  shop:
    services:
      # NetworkPolicy shop/web (cluster.yaml:3)
      web: { labels: { app: web }, ports: [80] }
      api: { labels: { app: api, version: "2" }, ports: [8080, { port: 9100, name: metrics }, "53/udp"] }
    policies:
      # a namespace chosen by its labels
      from-monitoring:
        podSelector: { matchLabels: { app: api } }
        ingress:
          - from: [{ namespaceSelector: { matchLabels: { team: monitoring } } }]
            ports: [{ port: metrics }]
flows:
  - ingress-nginx -> web:80
  - web -> api:8080 # seen 1,234 times
  - from: api
    to: "10.0.0.0/8"
    except: ["10.96.0.0/12"]
    ports: [443]
  - api -> [2001:db8::/32]:443
`);
    loads(result.files);
  });

  it("uses a template that declares exactly some of the services and flows", () => {
    const proposal: Proposal = {
      environment: "qa",
      settings: { cni: "calico" },
      namespaces: [{ name: "qa" }, { name: "ingress-nginx", managed: false }],
      services: [
        { namespace: "qa", name: "frontend", labels: { app: "frontend" }, ports: [{ port: 80 }] },
        {
          namespace: "qa",
          name: "api",
          labels: { app: "api" },
          ports: [{ port: 9000 }],
          comment: ["from qa/api-ingress"],
        },
        { namespace: "qa", name: "database", labels: { app: "database" }, ports: [{ port: 5432 }] },
      ],
      flows: [
        {
          from: { kind: "namespace", namespace: "ingress-nginx" },
          to: svc("qa", "frontend"),
          ports: [{ port: 80 }],
        },
        { from: svc("qa", "frontend"), to: svc("qa", "api"), ports: [{ port: 9000 }] },
        { from: svc("qa", "api"), to: svc("qa", "database"), ports: [{ port: 5432 }] },
      ],
      policies: [],
    };
    const files = shipped();
    const result = writeIntent(proposal, { files });
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const text = result.files[0]!.text;
    expect(text).toContain(`include:
  # qa/api: from qa/api-ingress
  - template: frontend-api-db
    with: { namespace: qa, apiPort: 9000 }
`);
    expect(text).not.toContain("database:");
    expect(text).toContain("  - ingress-nginx -> frontend:80\n");
    expect(result.report.added).toContain(
      "template frontend-api-db (qa/frontend, qa/api, qa/database and 2 flows)",
    );
    expect(text).toContain("promotion: 4\n");
    loads([...files, ...result.files]);
  });
});

describe("additions to an existing environment file", () => {
  const odd = [
    "promotion: 1",
    "cni: calico   # my cni",
    "namespaces:",
    "  shop:   # the shop",
    "    services:",
    "      api: {labels: {app: api},   ports: [8080]}",
    "",
    "",
    "      web:",
    "        labels:",
    '          app: "web"',
    "        ports:",
    "        - 80",
    "  # trailing comment in namespaces",
    "flows: []   # none yet",
  ].join("\r\n");
  const file = { path: "policies/environments/shop.yaml", text: odd };

  it("adds whole lines at each block's indentation and leaves every line written before as it was", () => {
    const result = writeIntent(shop(), { files: [file] });
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const text = result.files[0]!.text;
    expect(keepsEveryLine(odd, text, [15])).toBe(true);
    expect(text.split("\r\n").slice(0, 14)).toEqual(
      odd.split("\r\n").slice(0, 13).concat(text.split("\r\n")[13]!),
    );
    expect(text).toContain("\r\nflows:   # none yet\r\n  - ingress-nginx -> web:80\r\n");
    expect(text).toContain('        - 80\r\n      api-2:\r\n        labels: { app: api, version: "2" }\r\n');
    expect(text).not.toMatch(/[^\r]\n/);
    expect(result.report.present).toEqual(["namespace shop", "service shop/web"]);
    expect(result.report.renamed).toEqual([
      "service shop/api → shop/api-2 (the name 'api' is taken in the intent)",
    ]);
    loads(result.files);
  });

  it("adds nothing the second time", () => {
    const first = writeIntent(shop(), { files: [file] });
    if (!first.ok) throw new Error(first.errors.join("\n"));
    const second = writeIntent(shop(), { files: first.files });
    if (!second.ok) throw new Error(second.errors.join("\n"));
    expect(second.report.added).toEqual([]);
    expect(second.files[0]!.text).toBe(first.files[0]!.text);
  });

  it("lists a port a declared service lacks, and the flows that need it, instead of rewriting its line", () => {
    const proposal = shop();
    proposal.services[1] = {
      namespace: "shop",
      name: "api",
      labels: { app: "api" },
      ports: [{ port: 8080 }, { port: 9090 }],
    };
    proposal.flows = [{ from: svc("shop", "web"), to: svc("shop", "api"), ports: [{ port: 9090 }] }];
    proposal.policies = [];
    const result = writeIntent(proposal, { files: [file] });
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(result.report.skipped).toEqual([
      {
        item: "ports 9090/tcp of service shop/api",
        reason: "the service is declared already: add the ports to its declaration by hand, then write again",
      },
      {
        item: "flow shop/web -> shop/api:9090",
        reason: "service shop/api lacks port 9090/tcp (see its ports above)",
      },
    ]);
  });

  it("refuses a map written in flow style on its line, and an environment that does not load", () => {
    const flowStyle = {
      path: file.path,
      text: "promotion: 1\ncni: calico\nnamespaces: { shop: { services: { api: { labels: { app: api } } } } }\n",
    };
    const refused = writeIntent(shop(), { files: [flowStyle] });
    expect(refused).toEqual({
      ok: false,
      errors: [
        "policies/environments/shop.yaml: 'namespaces.shop.services' is written in flow style ({…}) on its line; add the proposal by hand",
      ],
    });
    const broken = writeIntent(shop(), { files: [{ path: file.path, text: "promotion: 1\ncni: calco\n" }] });
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.errors[0]).toMatch(
      /^policies\/environments\/shop\.yaml:2:6: unknown cni 'calco'/,
    );
  });

  it("writes into the shipped production file without touching a line, qualifying names that clash", () => {
    const files = shipped();
    const production = files.find((f) => f.path.endsWith("environments/production.yaml"))!;
    const proposal: Proposal = {
      environment: "production",
      settings: { cni: "cilium" },
      namespaces: [{ name: "billing" }],
      services: [{ namespace: "billing", name: "api", labels: { app: "billing" }, ports: [{ port: 9000 }] }],
      flows: [{ from: svc("production", "api"), to: svc("billing", "api"), ports: [{ port: 9000 }] }],
      policies: [],
    };
    const result = writeIntent(proposal, { files });
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const text = result.files[0]!.text;
    expect(keepsEveryLine(production.text, text)).toBe(true);
    expect(text).toContain(
      "  billing:\n    services:\n      billing-api: { labels: { app: billing }, ports: [9000] }\n",
    );
    expect(text).toContain("  - api -> billing-api:9000\n");
    loads([...files.filter((f) => f !== production), ...result.files]);
  });
});

describe("hostile text", () => {
  it("keeps comments comments and quotes what YAML would read as something else", () => {
    const proposal = shop();
    proposal.services[0]!.comment = ["line one\nflows: [evil -> everything]", "\u001b[31mred"];
    proposal.services[0]!.labels = { app: "web", flag: "true", colon: "a: b".replace(": ", "-"), num: "010" };
    proposal.flows[0]!.comment = ["# not a key: value"];
    const result = writeIntent(proposal, { files: [] });
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const text = result.files[0]!.text;
    expect(text).toContain("      # line one flows: [evil -> everything]\n      #  [31mred\n");
    expect(text).toContain('web: { labels: { app: web, flag: "true", colon: a-b, num: "010" }');
    loads(result.files);
  });

  it("always gives intent that loads, and never changes a line written before (random proposals)", () => {
    const files = shipped();
    const production = files.find((f) => f.path.endsWith("environments/production.yaml"))!;
    const name = fc.constantFrom("api", "web", "db", "queue", "frontend", "worker", "x-1");
    const ns = fc.constantFrom("production", "billing", "ops", "ingress-nginx");
    fc.assert(
      fc.property(
        fc.array(fc.record({ ns, name, port: fc.integer({ min: 1, max: 65535 }), label: name }), {
          maxLength: 6,
        }),
        fc.array(fc.record({ from: fc.nat(5), to: fc.nat(5), comment: fc.string({ maxLength: 80 }) }), {
          maxLength: 6,
        }),
        (services, flows) => {
          const proposal: Proposal = {
            environment: "production",
            settings: { cni: "cilium" },
            namespaces: [],
            services: services.map((s) => ({
              namespace: s.ns,
              name: s.name,
              labels: { app: s.label },
              ports: [{ port: s.port }],
            })),
            flows: flows
              .filter((f) => services[f.from] && services[f.to])
              .map((f) => ({
                from: svc(services[f.from]!.ns, services[f.from]!.name),
                to: svc(services[f.to]!.ns, services[f.to]!.name),
                ports: [{ port: services[f.to]!.port }],
                comment: [f.comment],
              })),
            policies: [],
          };
          const result = writeIntent(proposal, { files });
          if (!result.ok) return; // a refusal is an answer; a wrong file is not
          expect(keepsEveryLine(production.text, result.files[0]!.text)).toBe(true);
          loads([...files.filter((f) => f !== production), ...result.files]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
