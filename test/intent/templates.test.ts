import { describe, expect, it } from "vitest";
import {
  formatIntentError,
  parseIntent,
  type EnvironmentIntent,
  type IntentFile,
} from "../../action/src/intent/index.js";
import { flowSummary } from "./render.js";

const ENV = "policies/environments/test.yaml";

function load(envText: string, ...more: IntentFile[]) {
  return parseIntent([{ path: ENV, text: envText }, ...more]);
}

function env(envText: string, ...more: IntentFile[]): EnvironmentIntent {
  const r = load(envText, ...more);
  if (!r.ok) throw new Error(r.errors.map(formatIntentError).join("\n"));
  return r.intent.environments[0]!;
}

function errors(envText: string, ...more: IntentFile[]): string[] {
  const r = load(envText, ...more);
  return r.ok ? [] : r.errors.map(formatIntentError);
}

const WEB = {
  path: "policies/templates/web.yaml",
  text: `parameters:
  namespace: { description: "where" }
  name: { default: web }
  port: { default: 8080 }
namespaces:
  \${namespace}:
    labels: { owner: "team-\${namespace}" }
    services:
      \${name}:
        labels: { app: "\${name}", port: "\${port}" }
        ports:
          - \${port}
          - "\${port}/udp"
flows:
  - \${namespace}/\${name} -> \${namespace}/\${name}:\${port}
`,
};

describe("templates", () => {
  it("substitutes parameters in keys and values, with defaults", () => {
    const e = env(
      `promotion: 1
cni: calico
include:
  - template: web
    with: { namespace: shop, port: 9000 }
`,
      WEB,
    );
    const shop = e.namespaces.find((n) => n.name === "shop")!;
    expect(shop.labels).toEqual({ owner: "team-shop", "kubernetes.io/metadata.name": "shop" });
    const web = shop.services[0]!;
    expect(web.name).toBe("web");
    // A quoted "${port}" stays text (a label value); an unquoted one becomes the number.
    expect(web.labels).toEqual({ app: "web", port: "9000" });
    expect(web.ports.map((p) => [p.port, p.protocol])).toEqual([
      [9000, "TCP"],
      [9000, "UDP"],
    ]);
  });

  it("keeps the template's lines and columns on the instance", () => {
    const e = env(
      `promotion: 1
cni: calico
include:
  - template: web
    with: { namespace: shop, port: 80 }
`,
      WEB,
    );
    const web = e.namespaces.find((n) => n.name === "shop")!.services[0]!;
    expect(web.source).toEqual({ file: WEB.path, line: 9, column: 7 });
    expect(web.ports[0]!.source).toEqual({ file: WEB.path, line: 12, column: 13 });
    expect(e.flows[0]!.source).toEqual({ file: WEB.path, line: 15, column: 5 });
    expect(e.flows[0]!.text).toBe("shop/web -> shop/web:80");
    expect(e.files).toEqual([ENV, WEB.path]);
  });

  it("is instantiated once per include, with different parameters", () => {
    const e = env(
      `promotion: 1
cni: calico
include:
  - template: web
    with: { namespace: shop, port: 80 }
  - template: web
    with: { namespace: blog, name: site, port: 81 }
`,
      WEB,
    );
    expect(flowSummary(e)).toEqual([
      // No protocol in the flow: every protocol the service declares on that port.
      "service shop/web -> service shop/web [TCP/80 UDP/80]",
      "service blog/site -> service blog/site [TCP/81 UDP/81]",
    ]);
    expect(e.files).toEqual([ENV, WEB.path]);
  });

  it("writes $${ as a literal ${", () => {
    const t = {
      path: "policies/templates/lit.yaml",
      text: `parameters: { ns: {} }
namespaces:
  \${ns}:
    labels: { note: "$\${x}" }
`,
    };
    const r = load("promotion: 1\ncni: calico\ninclude: [{ template: lit, with: { ns: a } }]\n", t);
    // "${x}" is not a valid label value, which proves the text came through literally.
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([
      "namespace label value '${x}' for 'note' must be letters, digits, '-', '_' and '.', starting and ending with a letter or digit (in template lit included by policies/environments/test.yaml:3:11)",
    ]);
  });

  it("reports an instance's errors at the template line, naming the include", () => {
    expect(
      errors(
        `promotion: 1
cni: calico
include:
  - template: web
    with: { namespace: Shop }
`,
        WEB,
      ),
    ).toEqual([
      // (team-Shop is a valid label value: values may be upper case, names may not.)
      "policies/templates/web.yaml:6:3: namespace name 'Shop' must be lowercase (in template web included by policies/environments/test.yaml:4:5) (write 'shop')",
    ]);
  });

  it("checks templates nobody includes, using their defaults", () => {
    const t = {
      path: "policies/templates/lonely.yaml",
      text: "parameters: { ns: { default: a } }\nnamespace:\n  ${ns}: {}\n",
    };
    expect(errors("promotion: 1\ncni: calico\n", t)).toEqual([
      "policies/templates/lonely.yaml:2:1: unknown key 'namespace' (in template lonely with its defaults) (did you mean 'namespaces'?)",
    ]);
  });
});

describe("overlays and merge rules", () => {
  const BASE_FRAGMENT = {
    path: "policies/shared/base.yaml",
    text: `namespaces:
  ingress-nginx: { managed: false }
  shop:
    defaultDeny: false
    services:
      api: { labels: { app: api }, ports: [8080] }
      web: { labels: { app: web }, ports: [80] }
flows:
  - ingress-nginx -> web:80
  - web -> api
`,
  };

  it("adds up services and flows, includes first", () => {
    const e = env(
      `promotion: 1
cni: calico
include: [shared/base.yaml]
namespaces:
  shop:
    services:
      db: { labels: { app: db }, ports: [5432] }
flows:
  - api -> db
`,
      BASE_FRAGMENT,
    );
    expect(e.namespaces.find((n) => n.name === "shop")!.services.map((s) => s.name)).toEqual([
      "api",
      "db",
      "web",
    ]);
    expect(flowSummary(e)).toEqual([
      "namespace ingress-nginx -> service shop/web [TCP/80]",
      "service shop/web -> service shop/api [TCP/8080]",
      "service shop/api -> service shop/db [TCP/5432]",
    ]);
    expect(e.files).toEqual([ENV, BASE_FRAGMENT.path]);
  });

  it("lets the environment file redeclare an included service; its fields win", () => {
    const e = env(
      `promotion: 1
cni: calico
include: [shared/base.yaml]
namespaces:
  shop:
    services:
      api: { ports: [8080, 9090] }
flows:
  - web -> api:9090
`,
      BASE_FRAGMENT,
    );
    const api = e.namespaces.find((n) => n.name === "shop")!.services.find((s) => s.name === "api")!;
    expect(api.labels).toEqual({ app: "api" }); // from the fragment
    expect(api.ports.map((p) => p.port)).toEqual([8080, 9090]); // from the environment file
    expect(api.source.file).toBe(ENV);
    // "web -> api" in the fragment now resolves against the overriding ports.
    expect(flowSummary(e)[1]).toBe("service shop/web -> service shop/api [TCP/8080 TCP/9090]");
  });

  it("lets the environment file override namespace settings from an include", () => {
    const e = env(
      `promotion: 1
cni: calico
include: [shared/base.yaml]
namespaces:
  shop: { defaultDeny: true }
  ingress-nginx: { podLabels: { app: controller } }
`,
      BASE_FRAGMENT,
    );
    expect(e.namespaces.find((n) => n.name === "shop")!.defaultDeny).toBe(true);
    expect(e.namespaces.find((n) => n.name === "ingress-nginx")!.managed).toBe(false);
    expect(e.flows[0]!.from).toEqual({
      kind: "namespace",
      namespace: "ingress-nginx",
      podLabels: { app: "controller" },
    });
  });

  it("resolves a shared fragment's names in each environment that includes it", () => {
    const r = parseIntent([
      {
        path: "policies/environments/a.yaml",
        text: "promotion: 1\ncni: calico\ninclude: [shared/base.yaml]\n",
      },
      {
        path: "policies/environments/b.yaml",
        text: "promotion: 2\ncni: calico\ninclude: [shared/base.yaml]\nnamespaces:\n  other:\n    services:\n      api: { labels: { app: api } }\n",
      },
      BASE_FRAGMENT,
    ]);
    // In b, "api" is ambiguous; the error names the fragment line and the include from b.
    expect(r.ok ? [] : r.errors.map(formatIntentError)).toEqual([
      "policies/shared/base.yaml:10:5: flow 'web -> api': 'api' is ambiguous: a service of that name exists in 2 namespaces (in shared/base.yaml included by policies/environments/b.yaml:3:11) (write other/api or shop/api)",
    ]);
  });

  it("rejects the same fragment included twice", () => {
    expect(
      errors("promotion: 1\ncni: calico\ninclude: [shared/base.yaml, shared/base.yaml]\n", BASE_FRAGMENT),
    ).toEqual(["policies/environments/test.yaml:3:29: 'shared/base.yaml' is already included at line 3"]);
  });

  it("rejects environment-level keys in a shared fragment", () => {
    expect(
      errors("promotion: 1\ncni: calico\ninclude: [shared/x.yaml]\n", {
        path: "policies/shared/x.yaml",
        text: "cni: cilium\n",
      }),
    ).toEqual(["policies/shared/x.yaml:1:1: unknown key 'cni' (expected one of: namespaces, flows)"]);
  });
});
