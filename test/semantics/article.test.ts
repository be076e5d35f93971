/**
 * The article's scenario through `netpol-rollout analyze`: the shipped production intent,
 * rendered by the compiler, judged on the article's cluster (fixtures/article-cluster.yaml).
 * And the article's own policies, which this project corrects.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { loadIntentFromDir } from "../../action/src/adapters/files/intent.js";
import { compileEnvironment } from "../../action/src/compile/compile.js";
import { renderYaml } from "../../action/src/compile/bundle.js";
import { repoRoot, runCli, tempDir } from "./cli-helpers.js";

const cluster = join(repoRoot, "test/semantics/fixtures/article-cluster.yaml");
const articlePolicies = join(repoRoot, "test/semantics/fixtures/article-policies.yaml");

const FRONTEND = "production/frontend-7d9f8-abcde";
const API = "production/api-5c6b7-fghij";
const DB = "production/database-0";
const NEW = "production/newsvc-6f5d4-klmno";
const NGINX = "ingress-nginx/ingress-nginx-controller-8f7e6-pqrst";
const DNS = "kube-system/coredns-5d78c-uvwxy";
const DEBUG = "tools/debug";

type P = [from: string, to: string, port: number, protocol: "TCP" | "UDP", allowed: boolean, why: string];

const expectations: P[] = [
  // Declared flows.
  [FRONTEND, API, 8080, "TCP", true, "frontend -> api:8080"],
  [API, DB, 5432, "TCP", true, "api -> database:5432"],
  [NGINX, FRONTEND, 80, "TCP", true, "ingress-nginx -> frontend:80"],
  // Reverse paths.
  [API, FRONTEND, 80, "TCP", false, "reverse of frontend -> api"],
  [DB, API, 8080, "TCP", false, "reverse of api -> database"],
  [FRONTEND, NGINX, 443, "TCP", false, "reverse of ingress-nginx -> frontend"],
  [FRONTEND, NGINX, 80, "TCP", false, "reverse of ingress-nginx -> frontend"],
  // Undeclared pairs and ports.
  [FRONTEND, DB, 5432, "TCP", false, "frontend -> database is not declared"],
  [FRONTEND, API, 9090, "TCP", false, "api's metrics port is not declared"],
  [NGINX, API, 8080, "TCP", false, "ingress-nginx reaches only the frontend"],
  [NGINX, FRONTEND, 443, "TCP", false, "only port 80 is declared"],
  [API, DB, 5433, "TCP", false, "only 5432"],
  [API, DB, 5432, "UDP", false, "TCP only"],
  // DNS from every pod, UDP and TCP.
  ...[FRONTEND, API, DB, NEW].flatMap((pod): P[] => [
    [pod, DNS, 53, "UDP", true, "DNS over UDP"],
    [pod, DNS, 53, "TCP", true, "DNS over TCP"],
  ]),
  // External egress: the payment processor only, from api only, on 443 only.
  [API, "198.51.100.10", 443, "TCP", true, "payment processor"],
  [API, "198.51.100.254", 443, "TCP", true, "payment processor range"],
  [API, "198.51.100.10", 80, "TCP", false, "payment processor on another port"],
  [API, "203.0.113.5", 443, "TCP", false, "other external address"],
  [API, "8.8.8.8", 53, "UDP", false, "external DNS"],
  [FRONTEND, "198.51.100.10", 443, "TCP", false, "only api reaches the payment processor"],
  [DB, "203.0.113.5", 443, "TCP", false, "database has no external egress"],
  // A new service without declared flows has no connectivity (default-deny catches it).
  [NEW, API, 8080, "TCP", false, "new service -> api"],
  [FRONTEND, NEW, 8080, "TCP", false, "frontend -> new service"],
  [NGINX, NEW, 8080, "TCP", false, "ingress -> new service"],
  [NEW, "203.0.113.5", 443, "TCP", false, "new service -> internet"],
  // A pod in another namespace cannot reach the database, even with the api's labels.
  [DEBUG, DB, 5432, "TCP", false, "other namespace -> database"],
  [DEBUG, API, 8080, "TCP", false, "other namespace -> api"],
  ["203.0.113.5", FRONTEND, 80, "TCP", false, "the internet does not reach the frontend directly"],
];

function probesJson(list: P[]): string {
  return JSON.stringify({
    comment: "extra top-level fields are ignored",
    probes: list.map(([from, to, port, protocol, , why]) => ({ from, to, port, protocol, why })),
  });
}

describe("the article's scenario, analyzed from the shipped production intent", () => {
  let dir: string;
  beforeAll(async () => {
    const loaded = await loadIntentFromDir("policies", repoRoot);
    if (!loaded.ok) throw new Error(`shipped intent is invalid: ${JSON.stringify(loaded.errors)}`);
    const production = loaded.intent.environments.find((e) => e.name === "production");
    if (!production) throw new Error("no production environment");
    dir = tempDir({
      "production.yaml": renderYaml(compileEnvironment(production)),
      "probes.json": probesJson(expectations),
    });
  });

  it("gives the expected verdict for every probe, in probe order, as exactly one JSON object", async () => {
    const r = await runCli([
      "analyze",
      "--cluster",
      cluster,
      "--policies",
      join(dir, "production.yaml"),
      "--probes",
      join(dir, "probes.json"),
      "--cni",
      "cilium",
      "--output",
      "json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout) as {
      results: {
        from: string;
        to: string;
        port: number;
        allowed: boolean;
        reachability: string;
        explanation: string;
      }[];
    };
    expect(Object.keys(parsed)).toEqual(["results"]);
    const got = parsed.results.map(
      (x) => `${x.from} -> ${x.to}:${x.port} ${x.allowed ? "allowed" : "blocked"}`,
    );
    const want = expectations.map(([f, t, p, , a]) => `${f} -> ${t}:${p} ${a ? "allowed" : "blocked"}`);
    expect(got).toEqual(want);
    for (const x of parsed.results) {
      expect(Object.keys(x).sort()).toEqual([
        "allowed",
        "explanation",
        "from",
        "port",
        "protocol",
        "reachability",
        "to",
      ]);
      expect(x.reachability).toBe(x.allowed ? "allowed" : "blocked");
    }
  });

  it("explains an allowed flow by the rules on both sides, with the intent line", async () => {
    const probes = join(dir, "one.json");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(probes, JSON.stringify({ probes: [{ from: FRONTEND, to: API, port: 8080 }] }));
    const r = await runCli([
      "analyze",
      "--cluster",
      cluster,
      "--policies",
      join(dir, "production.yaml"),
      "--probes",
      probes,
      "--cni",
      "cilium",
      "--output",
      "json",
    ]);
    const explanation =
      (JSON.parse(r.stdout) as { results: { explanation: string }[] }).results[0]?.explanation ?? "";
    expect(explanation).toMatch(
      /^allowed: egress at production\/frontend-7d9f8-abcde allowed by production\/frontend-egress egress rule 1 \(policies\/templates\/frontend-api-db\.yaml:\d+:\d+\)/,
    );
    expect(explanation).toMatch(
      /ingress at production\/api-5c6b7-fghij allowed by production\/api-ingress ingress rule 1/,
    );
  });
});

describe("the article's own policies", () => {
  const analyze = async (list: P[]) => {
    const dir = tempDir({ "probes.json": probesJson(list) });
    const r = await runCli([
      "analyze",
      "--cluster",
      cluster,
      "--policies",
      articlePolicies,
      "--probes",
      join(dir, "probes.json"),
      "--output",
      "json",
    ]);
    expect(r.code).toBe(0);
    return (JSON.parse(r.stdout) as { results: { allowed: boolean; explanation: string }[] }).results;
  };

  it("block frontend -> api under their own default-deny: the frontend has no egress rule", async () => {
    const [v] = await analyze([[FRONTEND, API, 8080, "TCP", false, ""]]);
    expect(v?.allowed).toBe(false);
    expect(v?.explanation).toContain(
      "egress at production/frontend-7d9f8-abcde isolated by production/default-deny-all, production/allow-dns",
    );
  });

  it("open every pod of kube-system on port 53, not just the DNS pods (two peers are ORed)", async () => {
    const dir = tempDir({
      "extra.yaml": [
        "apiVersion: v1",
        "kind: Pod",
        "metadata: { name: metrics-server, namespace: kube-system, labels: { k8s-app: metrics-server } }",
        "spec: { containers: [{ name: m, ports: [{ containerPort: 53, protocol: UDP }] }] }",
      ].join("\n"),
      "probes.json": JSON.stringify({
        probes: [{ from: FRONTEND, to: "kube-system/metrics-server", port: 53, protocol: "UDP" }],
      }),
    });
    const { readFileSync } = await import("node:fs");
    const clusterPlus = join(dir, "cluster.yaml");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      clusterPlus,
      `${readFileSync(cluster, "utf8")}\n---\n${readFileSync(join(dir, "extra.yaml"), "utf8")}\n`,
    );
    const r = await runCli([
      "analyze",
      "--cluster",
      clusterPlus,
      "--policies",
      articlePolicies,
      "--probes",
      join(dir, "probes.json"),
      "--output",
      "json",
    ]);
    const v = (JSON.parse(r.stdout) as { results: { allowed: boolean; explanation: string }[] }).results[0];
    expect(v?.allowed).toBe(true);
    expect(v?.explanation).toContain("production/allow-dns egress rule 1");
  });

  it("are flagged by lint: the allow-dns peers are ORed where AND was meant", async () => {
    const r = await runCli(["lint", "--policies", articlePolicies]);
    expect(r.stdout).toMatch(
      /^test\/semantics\/fixtures\/article-policies\.yaml:14:1: warning or-peers: production\/allow-dns egress rule 1 has a namespaceSelector and a podSelector as separate 'to' peers, which are ORed/m,
    );
  });
});
