/**
 * Malformed intents for the bad-input suite: each case is a few in-memory files and the
 * one error that must be reported (file, line, column, a message substring, optionally a
 * hint substring). `env` builds an environment file from the base below with edits.
 */
import type { IntentFile } from "../../action/src/intent/index.js";

export const ENV = "policies/environments/shop.yaml";

/** A valid environment; cases replace parts of it. Line numbers below refer to this text. */
export const BASE = `promotion: 1
cni: calico
namespaces:
  shop:
    services:
      frontend: { labels: { app: frontend }, ports: [80] }
      api: { labels: { app: api }, ports: [8080, { port: 9090, name: metrics }] }
      database: { labels: { app: database }, ports: [5432] }
  ingress-nginx: { managed: false }
flows:
  - ingress-nginx -> frontend:80
  - frontend -> api:8080
  - api -> database:5432
`;

export function env(text: string, ...more: IntentFile[]): IntentFile[] {
  return [{ path: ENV, text }, ...more];
}

/** The base with `from` replaced by `to` (exactly once). */
export function edit(from: string, to: string): string {
  if (!BASE.includes(from)) throw new Error(`case edit not found in base: ${from}`);
  return BASE.replace(from, to);
}

/** The base with extra flows appended (each at line 14, 15, ...). */
export function withFlows(...flows: string[]): string {
  return BASE + flows.map((f) => `  - ${f}\n`).join("");
}

export interface BadCase {
  name: string;
  files: IntentFile[];
  error: { file?: string; line: number; column: number; message: string; hint?: string };
}

const TEMPLATE = `parameters:
  namespace: { description: "Namespace of the tiers" }
  api: { default: api }
namespaces:
  \${namespace}:
    services:
      \${api}:
        labels: { app: "\${api}" }
        ports:
          - 8080
`;

export const BAD_CASES: BadCase[] = [
  {
    name: "YAML syntax error",
    files: env(edit("  - api -> database:5432\n", "  - [api -> database:5432\n")),
    error: { line: 14, column: 1, message: "YAML syntax error" },
  },
  {
    name: "tab indentation",
    files: env(edit("  ingress-nginx: { managed: false }", "\tingress-nginx: { managed: false }")),
    error: { line: 9, column: 1, message: "tabs are not allowed" },
  },
  {
    name: "port as a word",
    files: env(edit("ports: [5432]", 'ports: ["eighty"]')),
    error: { line: 8, column: 54, message: "'eighty' is not a port number" },
  },
  {
    name: "wrong type: flows as a string",
    files: env(BASE.replace(/flows:\n[\s\S]*$/, "flows: frontend -> api:8080\n")),
    error: { line: 10, column: 8, message: "expected a list of flows" },
  },
  {
    name: "unknown top-level key",
    files: env(edit("flows:", "flow:")),
    error: { line: 10, column: 1, message: "unknown key 'flow'", hint: "did you mean 'flows'?" },
  },
  {
    name: "unknown service with did-you-mean",
    files: env(edit("frontend -> api:8080", "frontend -> apii:8080")),
    error: {
      line: 12,
      column: 5,
      message: "unknown service or namespace 'apii'",
      hint: "did you mean 'api'?",
    },
  },
  {
    name: "ambiguous bare name",
    files: env(
      edit(
        "  ingress-nginx: { managed: false }",
        "  ingress-nginx: { managed: false }\n  admin:\n    services:\n      api: { labels: { app: api }, ports: [8080] }",
      ),
    ),
    error: { line: 15, column: 5, message: "'api' is ambiguous", hint: "write admin/api or shop/api" },
  },
  {
    name: "duplicate service in one map",
    files: env(edit("      database:", "      api: { labels: { app: api2 } }\n      database:")),
    error: { line: 8, column: 7, message: "duplicate key 'api'" },
  },
  {
    name: "duplicate service across two includes",
    files: env(
      edit("cni: calico\n", "cni: calico\ninclude: [shared/a.yaml, shared/b.yaml]\n"),
      {
        path: "policies/shared/a.yaml",
        text: "namespaces:\n  shop:\n    services:\n      cache: { labels: { app: cache } }\n",
      },
      {
        path: "policies/shared/b.yaml",
        text: "namespaces:\n  shop:\n    services:\n      cache: { labels: { app: cache } }\n",
      },
    ),
    error: {
      file: "policies/shared/b.yaml",
      line: 4,
      column: 7,
      message: "service 'cache' in namespace 'shop' is already declared at policies/shared/a.yaml:4:7",
    },
  },
  {
    name: "duplicate flow",
    files: env(withFlows("frontend -> api:8080")),
    error: {
      line: 14,
      column: 5,
      message: "duplicate flow 'frontend -> api:8080': already declared at " + ENV + ":12:5",
    },
  },
  {
    name: "flow to an undeclared port",
    files: env(edit("frontend -> api:8080", "frontend -> api:8081")),
    error: {
      line: 12,
      column: 5,
      message: "service 'api' does not declare port 8081",
      hint: "declared: 8080/TCP, 9090/TCP named metrics",
    },
  },
  {
    name: "unknown port name",
    files: env(withFlows("frontend -> api:metric")),
    error: { line: 14, column: 5, message: "has no port named 'metric'", hint: "did you mean 'metrics'?" },
  },
  {
    name: "CIDR without prefix length",
    files: env(withFlows("api -> 10.0.0.1:443")),
    error: {
      line: 14,
      column: 5,
      message: "'10.0.0.1' is an address, not a CIDR",
      hint: "did you mean 10.0.0.1/32?",
    },
  },
  {
    name: "CIDR with host bits set",
    files: env(withFlows("api -> 10.0.0.5/24:443")),
    error: {
      line: 14,
      column: 5,
      message: "'10.0.0.5/24' has host bits set",
      hint: "did you mean 10.0.0.0/24?",
    },
  },
  {
    name: "CIDR prefix out of range",
    files: env(withFlows("api -> 10.0.0.0/33:443")),
    error: { line: 14, column: 5, message: "prefix length '33' in '10.0.0.0/33' must be 0-32" },
  },
  {
    name: "except outside the CIDR",
    files: env(withFlows("{ from: api, to: 10.0.0.0/8, except: [192.168.0.0/16], ports: [443] }")),
    error: { line: 14, column: 43, message: "except 192.168.0.0/16 is not inside 10.0.0.0/8" },
  },
  {
    name: "port 0",
    files: env(edit("ports: [80]", "ports: [0]")),
    error: { line: 6, column: 54, message: "port 0 is out of range 1-65535" },
  },
  {
    name: "port 70000",
    files: env(edit("ports: [5432]", "ports: [70000]")),
    error: { line: 8, column: 54, message: "port 70000 is out of range 1-65535" },
  },
  {
    name: "endPort below port",
    files: env(edit("ports: [5432]", "ports: [{ port: 5432, endPort: 5400 }]")),
    error: { line: 8, column: 77, message: "end port 5400 is lower than port 5432" },
  },
  {
    name: "unknown protocol in a port string",
    files: env(edit("ports: [5432]", 'ports: ["5432/icmp"]')),
    error: { line: 8, column: 54, message: "unknown protocol 'icmp'", hint: "expected tcp, udp or sctp" },
  },
  {
    name: "unknown protocol in a port map",
    files: env(edit("ports: [5432]", "ports: [{ port: 5432, protocol: ICMP }]")),
    error: {
      line: 8,
      column: 78,
      message: "unknown protocol 'ICMP'",
      hint: "expected TCP, UDP or SCTP",
    },
  },
  {
    name: "bad label key",
    files: env(edit("labels: { app: database }", "labels: { -app: database }")),
    error: { line: 8, column: 29, message: "label key '-app'" },
  },
  {
    name: "bad label value",
    files: env(edit("labels: { app: database }", 'labels: { app: "data base" }')),
    error: { line: 8, column: 34, message: "label value 'data base' for 'app'" },
  },
  {
    name: "label value that is a number",
    files: env(edit("labels: { app: database }", "labels: { app: database, tier: 3 }")),
    error: { line: 8, column: 50, message: "label 'tier' must be a string", hint: 'quote it: "3"' },
  },
  {
    name: "uppercase namespace name",
    files: env(edit("  shop:\n", "  Shop:\n")),
    error: { line: 4, column: 3, message: "namespace name 'Shop' must be lowercase", hint: "write 'shop'" },
  },
  {
    name: "FQDN destination on calico",
    files: env(withFlows("api -> api.stripe.com:443")),
    error: { line: 14, column: 5, message: "cni calico has no FQDN egress; use a CIDR or switch to cilium" },
  },
  {
    name: "default-deny on kube-system",
    files: env(
      edit("  ingress-nginx: { managed: false }", "  ingress-nginx: { managed: false }\n  kube-system: {}"),
    ),
    error: {
      line: 10,
      column: 3,
      message: "kube-system can never be default-denied",
      hint: "write managed: false",
    },
  },
  {
    name: "managed namespace that is excluded",
    files: env(
      edit("cni: calico\n", "cni: calico\nexcludedNamespaces: [legacy]\n") + "  - legacy -> api:8080\n",
    ).map((f) => ({
      ...f,
      text: f.text.replace("  ingress-nginx:", "  legacy: { managed: true }\n  ingress-nginx:"),
    })),
    error: { line: 10, column: 13, message: "legacy is in excludedNamespaces and can never be managed" },
  },
  {
    name: "defaultDeny on an unmanaged namespace",
    files: env(edit("{ managed: false }", "{ managed: false, defaultDeny: true }")),
    error: {
      line: 9,
      column: 36,
      message: "namespace 'ingress-nginx' is not managed, so it cannot be default-denied",
    },
  },
  {
    name: "unknown template",
    files: env(edit("cni: calico\n", "cni: calico\ninclude:\n  - template: three-tier\n"), {
      path: "policies/templates/frontend-api-db.yaml",
      text: TEMPLATE,
    }),
    error: { line: 4, column: 15, message: "unknown template 'three-tier'" },
  },
  {
    name: "missing template parameter",
    files: env(edit("cni: calico\n", "cni: calico\ninclude:\n  - template: tiers\n"), {
      path: "policies/templates/tiers.yaml",
      text: TEMPLATE,
    }),
    error: {
      line: 4,
      column: 5,
      message: "template 'tiers' needs parameter 'namespace'",
      hint: "Namespace of the tiers",
    },
  },
  {
    name: "unknown template parameter in with",
    files: env(
      edit(
        "cni: calico\n",
        "cni: calico\ninclude:\n  - template: tiers\n    with: { namespace: other, apii: x }\n",
      ),
      {
        path: "policies/templates/tiers.yaml",
        text: TEMPLATE,
      },
    ),
    error: {
      line: 5,
      column: 31,
      message: "template 'tiers' has no parameter 'apii'",
      hint: "did you mean 'api'?",
    },
  },
  {
    name: "undeclared parameter used inside a template",
    files: env(
      edit("cni: calico\n", "cni: calico\ninclude:\n  - template: tiers\n    with: { namespace: other }\n"),
      {
        path: "policies/templates/tiers.yaml",
        text: TEMPLATE.replace('app: "${api}"', 'app: "${apo}"'),
      },
    ),
    error: {
      file: "policies/templates/tiers.yaml",
      line: 8,
      column: 24,
      message: "unknown template parameter '${apo}' (in template tiers included by " + ENV + ":4:5)",
      hint: "did you mean 'api'?",
    },
  },
  {
    name: "error inside a template instance names the template line and the include",
    files: env(
      edit(
        "cni: calico\n",
        "cni: calico\ninclude:\n  - template: tiers\n    with: { namespace: other, api: other-api }\n",
      ),
      {
        path: "policies/templates/tiers.yaml",
        text: TEMPLATE.replace("- 8080", "- 80800"),
      },
    ),
    error: {
      file: "policies/templates/tiers.yaml",
      line: 10,
      column: 13,
      message: "port 80800 is out of range 1-65535 (in template tiers included by " + ENV + ":4:5)",
    },
  },
  {
    name: "include not found",
    files: env(edit("cni: calico\n", "cni: calico\ninclude: [shared/platfrom.yaml]\n"), {
      path: "policies/shared/platform.yaml",
      text: "namespaces: {}\n",
    }),
    error: {
      line: 3,
      column: 11,
      message: "include 'shared/platfrom.yaml' not found",
      hint: "did you mean 'shared/platform.yaml'?",
    },
  },
  {
    name: "unknown cni with suggestion",
    files: env(edit("cni: calico", "cni: calcio")),
    error: { line: 2, column: 6, message: "unknown cni 'calcio'", hint: "did you mean 'calico'?" },
  },
  {
    name: "missing required key",
    files: env(edit("cni: calico\n", "")),
    error: { line: 1, column: 1, message: "missing required key 'cni'" },
  },
  {
    name: "promotion as a string",
    files: env(edit("promotion: 1", 'promotion: "first"')),
    error: { line: 1, column: 12, message: "expected a promotion number, got 'first'" },
  },
  {
    name: "service with empty labels",
    files: env(edit("labels: { app: database }", "labels: {}")),
    error: {
      line: 8,
      column: 19,
      message: "service 'database' has no labels: it would select every pod in namespace 'shop'",
    },
  },
  {
    name: "duplicate promotion numbers",
    files: [...env(BASE), { path: "policies/environments/tienda.yaml", text: BASE }],
    error: {
      file: "policies/environments/tienda.yaml",
      line: 1,
      column: 12,
      message: "promotion 1 is already used by environment 'shop' (" + ENV + ":1)",
    },
  },
  {
    name: "flow from an FQDN",
    files: env(withFlows("api.stripe.com -> api:8080")),
    error: { line: 14, column: 5, message: "comes from an FQDN; an FQDN can only be a destination" },
  },
  {
    name: "flow with no managed side",
    files: env(withFlows("ingress-nginx -> 198.51.100.0/24:443")),
    error: { line: 14, column: 5, message: "has no managed side: it would emit nothing" },
  },
  {
    name: "malformed flow arrow",
    files: env(withFlows("frontend => api")),
    error: { line: 14, column: 5, message: "flow 'frontend => api' uses '=>' where '->' is expected" },
  },
  {
    name: "ports on the source",
    files: env(withFlows("frontend:80 -> api:8080")),
    error: { line: 14, column: 5, message: "ports belong to the destination" },
  },
  {
    name: "IPv6 CIDR with port and no brackets",
    files: env(withFlows("api -> 2001:db8::/32:443")),
    error: {
      line: 14,
      column: 5,
      message: "IPv6 CIDR '2001:db8::/32' with ports must be written in brackets",
      hint: "write [2001:db8::/32]:443",
    },
  },
  {
    name: "unknown namespace in a qualified name",
    files: env(withFlows("frontend -> shp/api:8080")),
    error: { line: 14, column: 5, message: "unknown namespace 'shp'", hint: "did you mean 'shop'?" },
  },
  {
    name: "SCTP on cilium",
    files: env(edit("cni: calico", "cni: cilium").replace("ports: [5432]", 'ports: [5432, "9999/sctp"]')),
    error: { line: 8, column: 60, message: "cni cilium does not support SCTP" },
  },
  {
    name: "two YAML documents in one file",
    files: env(BASE + "---\npromotion: 2\n"),
    error: { line: 14, column: 1, message: "one YAML document per file" },
  },
  {
    name: "conflicting namespace settings from two includes",
    files: env(
      edit("cni: calico\n", "cni: calico\ninclude: [shared/a.yaml, shared/b.yaml]\n"),
      { path: "policies/shared/a.yaml", text: "namespaces:\n  batch: { defaultDeny: false }\n" },
      { path: "policies/shared/b.yaml", text: "namespaces:\n  batch: { defaultDeny: true }\n" },
    ),
    error: {
      file: "policies/shared/b.yaml",
      line: 2,
      column: 12,
      message: "'defaultDeny' is also set differently",
    },
  },
  {
    name: "unknown key inside a long-form flow",
    files: env(withFlows("{ from: api, too: 10.0.0.0/8 }")),
    error: { line: 14, column: 18, message: "unknown key 'too'", hint: "did you mean 'to'?" },
  },
  {
    name: "default-deny on the namespace that runs cluster DNS",
    files: env(
      edit("cni: calico\n", "cni: calico\ndns: { namespace: dns }\n").replace(
        "  ingress-nginx:",
        "  dns: {}\n  ingress-nginx:",
      ),
    ),
    error: { line: 10, column: 3, message: "namespace 'dns' runs cluster DNS and cannot be default-denied" },
  },
  {
    name: "except beside a service",
    files: env(withFlows("{ from: api, to: database, except: [10.0.0.0/8] }")),
    error: { line: 14, column: 41, message: "'except' needs a CIDR endpoint" },
  },
  {
    name: "include that is neither a path nor a template",
    files: env(edit("cni: calico\n", "cni: calico\ninclude: [42]\n")),
    error: {
      line: 3,
      column: 11,
      message:
        "expected an include: a path like shared/platform.yaml or {template: NAME, with: {...}}, got 42",
    },
  },
  {
    name: "label key with an invalid prefix",
    files: env(edit("labels: { app: database }", "labels: { Example.COM/app: database }")),
    error: { line: 8, column: 29, message: "prefix 'Example.COM' must be lowercase" },
  },
  {
    name: "label value longer than 63 characters",
    files: env(edit("labels: { app: database }", `labels: { app: ${"d".repeat(64)} }`)),
    error: { line: 8, column: 34, message: "is 64 characters long; at most 63" },
  },
  {
    name: "YAML alias bomb",
    files: env(
      BASE +
        "x0: &a0 [a, a, a, a, a, a, a, a, a, a]\n" +
        Array.from(
          { length: 8 },
          (_, i) => `x${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(", ")}]\n`,
        ).join(""),
    ),
    error: { line: 15, column: 20, message: "YAML aliases expand more than 1000 times" },
  },
];
