/**
 * Hand-written policies (`policies:` under a namespace): loaded with every problem at its
 * line, compiled as `custom.<name>` exactly as written, judged by the engine (preview diff,
 * lint) like every compiled object.
 */
import { describe, expect, it } from "vitest";
import {
  formatIntentError,
  parseIntent,
  type EnvironmentIntent,
  type IntentFile,
} from "../../action/src/intent/index.js";
import { compileEnvironment } from "../../action/src/compile/index.js";
import { diffEnvironments } from "../../action/src/semantics/diff.js";
import { lintEnvironment } from "../../action/src/semantics/lint.js";

const FILE = "policies/environments/prod.yaml";

function load(text: string, more: IntentFile[] = []): EnvironmentIntent {
  const result = parseIntent([{ path: FILE, text }, ...more]);
  if (!result.ok) throw new Error(result.errors.map(formatIntentError).join("\n"));
  return result.intent.environments[0]!;
}

function errors(text: string, more: IntentFile[] = []): string[] {
  const result = parseIntent([{ path: FILE, text }, ...more]);
  return result.ok ? [] : result.errors.map(formatIntentError);
}

const BASE = `promotion: 1
cni: calico
namespaces:
  ops: { managed: false }
  shop:
    services:
      api: { labels: { app: api }, ports: [8080] }
flows:
  - ops -> api:8080
`;

const WITH_POLICIES = `promotion: 1
cni: calico
namespaces:
  ops: { managed: false }
  shop:
    services:
      api: { labels: { app: api }, ports: [8080] }
    policies:
      from-monitoring:
        podSelector: { matchLabels: { app: api } }
        ingress:
          - from:
              - namespaceSelector: { matchLabels: { team: monitoring } }
            ports: [{ port: 9090 }]
      deny-db:
        podSelector: { matchExpressions: [{ key: app, operator: In, values: [db] }] }
        policyTypes: [Ingress]
flows:
  - ops -> api:8080
`;

describe("hand-written policies", () => {
  it("load with the line of each rule", () => {
    const env = load(WITH_POLICIES);
    const shop = env.namespaces.find((n) => n.name === "shop")!;
    expect(
      shop.policies?.map((p) => [p.name, p.source.line, p.ruleSources.ingress.map((s) => s.line)]),
    ).toEqual([
      ["deny-db", 15, []],
      ["from-monitoring", 9, [12]],
    ]);
  });

  it("compile as custom.<name>, policyTypes spelled out, a policy without rules in the deny stage", () => {
    const bundle = compileEnvironment(load(WITH_POLICIES));
    const custom = bundle.objects.filter((o) => o.manifest.metadata.name.startsWith("custom."));
    expect(custom.map((o) => [o.manifest.metadata.name, o.stage, o.manifest.spec["policyTypes"]])).toEqual([
      ["custom.from-monitoring", "allow", ["Ingress"]],
      ["custom.deny-db", "deny", ["Ingress"]],
    ]);
    const from = custom[0]!;
    expect(from.manifest.spec["ingress"]).toEqual([
      { from: [{ namespaceSelector: { matchLabels: { team: "monitoring" } } }], ports: [{ port: 9090 }] },
    ]);
    expect(from.ruleOrigins?.ingress).toEqual([[{ file: FILE, line: 12, column: 13 }]]);
    expect(from.manifest.metadata.annotations?.["netpol-rollout.io/source"]).toBe(`${FILE}:9`);
  });

  it("show in the preview's diff at the rule's line, on pods the selectors name", () => {
    const diff = diffEnvironments(load(BASE), load(WITH_POLICIES));
    const opened = diff.changes.filter((c) => c.change === "added" && c.port === "9090");
    expect(opened.map((c) => [c.from, c.to, c.rule?.source?.line])).toEqual([
      ["ns:(team=monitoring)", "shop/api", 12],
    ]);
    // The pod deny-db isolates keeps only DNS: the other pods of shop reached it before.
    expect(diff.changes.some((c) => c.change === "removed" && c.to === "shop/(app in (db))")).toBe(false);
  });

  it("are linted at the rule's line", () => {
    const text = WITH_POLICIES.replace(
      "              - namespaceSelector: { matchLabels: { team: monitoring } }\n",
      "              - namespaceSelector: { matchLabels: { team: monitoring } }\n              - podSelector: { matchLabels: { app: prometheus } }\n",
    ).replace(
      "        policyTypes: [Ingress]\n",
      "        policyTypes: [Ingress, Egress]\n        ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 5432 }] }]\n",
    );
    const env = load(text);
    const findings = lintEnvironment(env, compileEnvironment(env)).map((f) => `${f.source?.line}: ${f.code}`);
    expect(findings).toContain("12: or-peers");
    expect(findings).toContain("16: isolates-with-allows");
  });
});

describe("hand-written policy errors", () => {
  it("say what the schema says, with the closest key", () => {
    expect(
      errors(BASE.replace("    services:", "    policies:\n      x:\n        podSelectr: {}\n    services:")),
    ).toEqual([
      `${FILE}:7:7: missing required key 'podSelector' in 'x'`,
      `${FILE}:8:9: unknown key 'podSelectr' in 'x' (did you mean 'podSelector'?)`,
    ]);
  });

  it("say what the API server would refuse, at the value", () => {
    const text = BASE.replace(
      "    services:",
      `    policies:
      x:
        podSelector: { matchExpressions: [{ key: app, operator: Exists, values: [a] }] }
        egress:
          - to: [{ ipBlock: { cidr: 10.0.0.1 } }]
            ports: [{ port: "8080" }, { protocol: udp }]
    services:`,
    );
    expect(errors(text)).toEqual([
      `${FILE}:8:73: policy 'x': operator Exists takes no values`,
      `${FILE}:10:31: policy 'x': ipBlock.cidr must be a CIDR like 10.0.0.0/8, got string "10.0.0.1" (did you mean 10.0.0.1/32?)`,
      `${FILE}:11:23: policy 'x': named port "8080" must be an IANA service name (at most 15 lowercase letters, digits and '-', with a letter; a number is written without quotes)`,
      `${FILE}:11:41: policy 'x': protocol must be TCP, UDP or SCTP, got string "udp" (write UDP)`,
    ]);
  });

  it("refuse a policy in an unmanaged namespace, a bad name, and the same policy in two includes", () => {
    const policy = "    policies:\n      Allow_All:\n        podSelector: {}\n";
    expect(
      errors(
        BASE.replace(
          "  ops: { managed: false }\n",
          `  ops:\n    managed: false\n${policy.replace("Allow_All", "x")}`,
        ),
      ),
    ).toEqual([
      `${FILE}:7:7: namespace 'ops' is not managed, so hand-written policy 'x' would be created nowhere (write managed: true for the namespace, or remove the policy)`,
    ]);
    expect(errors(BASE.replace("    services:", `${policy}    services:`))).toEqual([
      `${FILE}:7:7: policy name 'Allow_All' must be dot-separated lowercase letters, digits and '-'`,
    ]);
    const shared = (name: string): IntentFile => ({
      path: `policies/shared/${name}.yaml`,
      text: "namespaces:\n  shop:\n    policies:\n      x:\n        podSelector: {}\n        policyTypes: [Ingress]\n",
    });
    expect(
      errors(BASE.replace("namespaces:", "include: [shared/a.yaml, shared/b.yaml]\nnamespaces:"), [
        shared("a"),
        shared("b"),
      ]),
    ).toEqual([
      "policies/shared/b.yaml:4:7: hand-written policy 'x' in namespace 'shop' is already declared at policies/shared/a.yaml:4:7 (in shared/b.yaml included by policies/environments/prod.yaml:3:26) (declare it once; the environment file may redeclare it to replace it)",
    ]);
  });
});
