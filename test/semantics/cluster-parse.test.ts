import { describe, expect, it } from "vitest";
import { formatInputError } from "../../action/src/manifests/input-error.js";
import { parseKubeObjects, parseProbes } from "../../action/src/manifests/parse.js";

const one = (text: string) => parseKubeObjects([{ path: "in.yaml", text }]);
const errorsOf = (text: string) => one(text).errors.map(formatInputError);

const policy = (spec: string): string =>
  [
    "apiVersion: networking.k8s.io/v1",
    "kind: NetworkPolicy",
    "metadata:",
    "  name: p",
    "  namespace: x",
    "spec:",
    spec,
  ].join("\n");

describe("reading Kubernetes objects", () => {
  it("reads a kubectl List of namespaces and pods, with IPs and ports", () => {
    const r = one(
      [
        "apiVersion: v1",
        "kind: List",
        "items:",
        "- apiVersion: v1",
        "  kind: Namespace",
        "  metadata: { name: x, labels: { team: a } }",
        "- apiVersion: v1",
        "  kind: Pod",
        "  metadata: { name: a, namespace: x, labels: { app: a } }",
        "  spec: { containers: [{ name: c, ports: [{ containerPort: 80, name: http }] }] }",
        "  status: { podIP: 10.0.0.1, podIPs: [{ ip: 10.0.0.1 }, { ip: 'fd00::1' }] }",
        "- apiVersion: apps/v1",
        "  kind: Deployment",
        "  metadata: { name: a, namespace: x }",
      ].join("\n"),
    );
    expect(r.errors).toEqual([]);
    expect(r.namespaces.map((n) => n.metadata.name)).toEqual(["x"]);
    expect(r.pods[0]?.status?.podIPs).toEqual([{ ip: "10.0.0.1" }, { ip: "fd00::1" }]);
    expect(r.skipped).toEqual([
      { kind: "Deployment", name: "a", source: { file: "in.yaml", line: 12, column: 3 } },
    ]);
    expect(r.sources.get(r.pods[0] as object)).toEqual({ file: "in.yaml", line: 7, column: 3 });
  });

  it("reads multi-document YAML and JSON, and puts objects without a namespace in default", () => {
    const yaml = one("kind: Namespace\nmetadata: { name: x }\n---\n---\nkind: Pod\nmetadata: { name: p }\n");
    expect(yaml.errors).toEqual([]);
    expect(yaml.pods[0]?.metadata.namespace).toBe("default");
    const json = parseKubeObjects([
      {
        path: "in.json",
        text: JSON.stringify({ kind: "List", items: [{ kind: "Namespace", metadata: { name: "y" } }] }),
      },
    ]);
    expect(json.namespaces.map((n) => n.metadata.name)).toEqual(["y"]);
  });

  const bad: [string, string, string][] = [
    [
      "YAML syntax error",
      "kind: Pod\nmetadata: { name: [a\n",
      "in.yaml:3:1: YAML: Flow sequence in block collection must be sufficiently indented",
    ],
    ["no kind", "metadata: { name: a }\n", "in.yaml:1:1: this object has no kind"],
    ["not a mapping", "- a\n- b\n", "in.yaml:1:1: expected a Kubernetes object"],
    ["List without items", "kind: List\nitems: 3\n", "in.yaml:2:8: a List needs items"],
    [
      "pod without name",
      "kind: Pod\nmetadata: { namespace: x }\n",
      "in.yaml:2:11: metadata.name is required",
    ],
    [
      "invalid pod IP",
      "kind: Pod\nmetadata: { name: a }\nstatus: { podIP: 10.0.0.300 }\n",
      "in.yaml:3:18: podIP must be an IP address",
    ],
    [
      "container port out of range",
      "kind: Pod\nmetadata: { name: a }\nspec:\n  containers:\n  - name: c\n    ports: [{ containerPort: 0 }]\n",
      "in.yaml:6:30: containerPort must be 1-65535, got number 0",
    ],
    [
      "policy without spec",
      "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: p }\n",
      "in.yaml:1:1: spec is required",
    ],
    [
      "policy without podSelector",
      policy("  policyTypes: [Ingress]"),
      "in.yaml:7:3: spec.podSelector is required",
    ],
    [
      "peer with ipBlock and podSelector",
      policy(
        "  podSelector: {}\n  ingress:\n  - from:\n    - ipBlock: { cidr: 10.0.0.0/8 }\n      podSelector: {}",
      ),
      "in.yaml:10:7: a peer with ipBlock may not also set",
    ],
    [
      "empty peer",
      policy("  podSelector: {}\n  ingress:\n  - from:\n    - {}"),
      "in.yaml:10:7: a peer must set podSelector, namespaceSelector or ipBlock",
    ],
    [
      "CIDR without mask",
      policy("  podSelector: {}\n  egress:\n  - to:\n    - ipBlock: { cidr: 10.0.0.1 }"),
      'in.yaml:10:24: ipBlock.cidr must be a CIDR like 10.0.0.0/8, got string "10.0.0.1" (did you mean 10.0.0.1/32?)',
    ],
    [
      "except outside the CIDR",
      policy(
        "  podSelector: {}\n  egress:\n  - to:\n    - ipBlock: { cidr: 10.0.0.0/16, except: [10.1.0.0/24] }",
      ),
      "in.yaml:10:46: except 10.1.0.0/24 must be a strict subset of cidr 10.0.0.0/16",
    ],
    [
      "except equal to the CIDR",
      policy(
        "  podSelector: {}\n  egress:\n  - to:\n    - ipBlock: { cidr: 10.0.0.0/16, except: [10.0.0.0/16] }",
      ),
      "must be a strict subset",
    ],
    [
      "port 0",
      policy("  podSelector: {}\n  ingress:\n  - ports: [{ port: 0 }]"),
      "in.yaml:9:21: port must be 1-65535, got 0",
    ],
    [
      "endPort below port",
      policy("  podSelector: {}\n  ingress:\n  - ports: [{ port: 90, endPort: 80 }]"),
      "in.yaml:9:34: endPort 80 must be greater than or equal to port 90",
    ],
    [
      "endPort with a named port",
      policy("  podSelector: {}\n  ingress:\n  - ports: [{ port: http, endPort: 80 }]"),
      "endPort needs a numeric port",
    ],
    [
      "lower-case protocol",
      policy("  podSelector: {}\n  ingress:\n  - ports: [{ protocol: tcp, port: 80 }]"),
      'protocol must be TCP, UDP or SCTP, got string "tcp" (write TCP)',
    ],
    [
      "bad named port",
      policy("  podSelector: {}\n  ingress:\n  - ports: [{ port: Web_Port }]"),
      'named port "Web_Port" must be an IANA service name',
    ],
    [
      "In without values",
      policy("  podSelector: { matchExpressions: [{ key: app, operator: In }] }"),
      "in.yaml:7:37: operator In needs at least one value",
    ],
    [
      "Exists with values",
      policy("  podSelector: { matchExpressions: [{ key: app, operator: Exists, values: [a] }] }"),
      "operator Exists takes no values",
    ],
    [
      "unknown operator",
      policy("  podSelector: { matchExpressions: [{ key: app, operator: Equals, values: [a] }] }"),
      "operator must be In, NotIn, Exists or DoesNotExist",
    ],
    [
      "unquoted boolean label",
      policy("  podSelector: { matchLabels: { enabled: true } }"),
      'label "enabled" must be a string, got boolean true (quote it)',
    ],
    [
      "bad policyType",
      policy("  podSelector: {}\n  policyTypes: [ingress]"),
      "policyTypes entries must be Ingress or Egress",
    ],
    [
      "from in an egress rule",
      policy("  podSelector: {}\n  egress:\n  - from: []"),
      'unknown field "from" in a rule (egress rules use to)',
    ],
    [
      "wrong apiVersion",
      "apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata: { name: p }\nspec: { podSelector: {} }\n",
      "in.yaml:1:13: NetworkPolicy apiVersion must be networking.k8s.io/v1",
    ],
  ];
  it.each(bad)("reports %s with file:line:column", (_name, text, expected) => {
    const errors = errorsOf(text);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toContain(expected);
  });

  it("gives large inputs (read by the fast path) the same objects and the same positioned errors", () => {
    const pods = Array.from({ length: 3000 }, (_, i) =>
      [
        `- apiVersion: v1`,
        `  kind: Pod`,
        `  metadata: { name: p-${i}, namespace: x, labels: { app: a${i % 7} } }`,
        `  spec: { containers: [{ name: c, ports: [{ containerPort: ${80 + (i % 3)}, name: http }] }] }`,
        `  status: { podIP: 10.0.${Math.floor(i / 250)}.${i % 250} }`,
      ].join("\n"),
    );
    const text = ["apiVersion: v1", "kind: List", "items:", ...pods].join("\n");
    expect(text.length).toBeGreaterThan(256 * 1024);
    const big = one(text);
    expect(big.errors).toEqual([]);
    expect(big.pods).toHaveLength(3000);
    expect(big.pods[2999]).toEqual({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p-2999", namespace: "x", labels: { app: "a3" } },
      spec: { containers: [{ name: "c", ports: [{ containerPort: 82, name: "http" }] }] },
      status: { podIP: "10.0.11.249" },
    });
    const broken = text.replace("podIP: 10.0.11.249", "podIP: 10.0.11.999");
    expect(errorsOf(broken)).toEqual([
      `in.yaml:${3 + 3000 * 5}:20: podIP must be an IP address, got string "10.0.11.999"`,
    ]);
  });
});

describe("reading probes", () => {
  const probes = (text: string) => parseProbes({ path: "p.json", text });

  it("reads probes, defaults TCP, accepts lower-case protocols, ignores extra fields", () => {
    const r = probes(
      JSON.stringify({
        version: 2,
        probes: [
          { from: "x/a", to: "10.0.0.1", port: 80, note: "hi" },
          { from: "x/a", to: "x/b", port: "53", protocol: "udp" },
        ],
      }),
    );
    expect(r.errors).toEqual([]);
    expect(r.probes.map(({ source: _s, ...p }) => p)).toEqual([
      { from: "x/a", to: "10.0.0.1", port: 80, protocol: "TCP" },
      { from: "x/a", to: "x/b", port: 53, protocol: "UDP" },
    ]);
  });

  it("points at the bad field", () => {
    const r = probes(
      '{\n  "probes": [\n    { "from": "x/a", "to": "x/b", "port": 70000 },\n    { "to": "x/b", "port": 80, "protocol": "ICMP" }\n  ]\n}\n',
    );
    expect(r.errors.map(formatInputError)).toEqual([
      'p.json:3:43: "port" must be a number 1-65535, got number 70000',
      'p.json:4:5: "from" must be "namespace/pod" or an IP address, got nothing',
      'p.json:4:44: "protocol" must be TCP, UDP or SCTP, got string "ICMP"',
    ]);
  });

  it("asks for the probes list when it is missing", () => {
    expect(probes('{"probe": []}').errors[0]?.message).toContain('expected {"probes": [');
  });
});

describe("bad input never crashes", () => {
  it("any YAML text gives objects or errors, and validated objects always evaluate", async () => {
    const fc = (await import("fast-check")).default;
    const { buildModel } = await import("../../action/src/semantics/model.js");
    const { evaluate } = await import("../../action/src/semantics/evaluate.js");
    const { CNI_PROFILES } = await import("../../action/src/cni/profiles.js");
    const fragment = fc.oneof(
      fc.constantFrom(
        "kind: NetworkPolicy",
        "kind: Pod",
        "kind: List",
        "items:",
        "  - ",
        "spec:",
        "  podSelector:",
        "  ingress:",
        "  - from:",
        "    - ipBlock: { cidr: 10.0.0.0/8 }",
        "  egress: [",
        "ports: [{ port: http }]",
        "metadata: { name: a, namespace: x }",
        "---",
        "status: { podIP: 10.0.0.1 }",
        "    matchExpressions: [{ key: a, operator: In }]",
        "  policyTypes: [Egress]",
      ),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 12 }), (lines) => {
        const r = parseKubeObjects([{ path: "f.yaml", text: lines.join("\n") }]);
        for (const e of r.errors) expect(e.line).toBeGreaterThanOrEqual(1);
        const model = buildModel({
          pods: r.pods,
          namespaces: r.namespaces,
          policies: r.policies,
          profile: CNI_PROFILES.generic,
        });
        for (const p of model.pods) evaluate(model, { from: p.key, to: p.key, port: 80 });
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = parseKubeObjects([
          {
            path: "f.json",
            text: JSON.stringify({
              apiVersion: "networking.k8s.io/v1",
              kind: "NetworkPolicy",
              metadata: { name: "p", namespace: "x" },
              spec: value,
            }),
          },
        ]);
        const model = buildModel({
          pods: [{ metadata: { name: "a", namespace: "x" } }],
          namespaces: [],
          policies: r.policies,
          profile: CNI_PROFILES.generic,
        });
        evaluate(model, { from: "x/a", to: "x/a", port: 80 });
        evaluate(model, { from: "1.2.3.4", to: "x/a", port: 80 });
      }),
      { numRuns: 300 },
    );
  });
});

describe("alias bombs on both parsers", () => {
  /** Nested aliases: each level nine times the one before; `pad` comment lines set the size. */
  const bomb = (pad: number) =>
    `${"# padding padding padding padding padding padding padding padding\n".repeat(pad)}` +
    'a: &a ["x","x","x","x","x","x","x","x","x"]\n' +
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n" +
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n" +
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";

  it.each([
    ["under 256 KB (the positioned parser)", 10],
    ["over 256 KB (the large-input fast path)", 4_800],
  ])("an alias bomb %s is refused at once", (_name, pad) => {
    const text = bomb(pad);
    const started = Date.now();
    const result = parseKubeObjects([{ path: "bomb.yaml", text }]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.errors.map((e) => e.message).join("\n")).toMatch(/alias/i);
    expect(result.pods).toEqual([]);
  });
});
