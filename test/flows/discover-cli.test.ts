/**
 * netpol-rollout discover: observed traffic into intent through the intent writer, checked by
 * the semantics engine; adding to an existing environment never changes a person's line;
 * hostile input gets a clear error and nothing written.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadIntentFromDir } from "../../action/src/adapters/files/intent.js";
import { runCli } from "../semantics/cli-helpers.js";

const scratch = mkdtempSync(join(tmpdir(), "netpol-discover-cli-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let n = 0;
function workspace(files: Record<string, string | Buffer>): string {
  const dir = join(scratch, `w${n++}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const pod = (namespace: string, labels: Record<string, string>) => ({ namespace, labels });
function record(from: object, to: object, port: number, extra: object = {}): string {
  return JSON.stringify({ time: "2026-01-05T10:00:00Z", from, to, port, verdict: "allowed", ...extra });
}

const WEB = pod("shop", { app: "web", "pod-template-hash": "7d9f8" });
const API = pod("shop", { app: "api", version: "v2" });
const LEDGER = pod("billing", { app: "ledger", "statefulset.kubernetes.io/pod-name": "ledger-0" });
const FLOWS = [
  record(WEB, API, 8080, { count: 30 }),
  record(API, LEDGER, 5432, { count: 20, time: "2026-01-05T11:00:00Z" }),
  record(API, { ip: "198.51.100.7" }, 443, { count: 5 }),
  record(API, { ip: "198.51.100.20" }, 443, { count: 2 }),
  record(WEB, pod("kube-system", { "k8s-app": "kube-dns" }), 53, { protocol: "UDP", count: 80 }),
  record({ node: "node-1", ip: "192.168.0.10" }, API, 8080, { count: 7 }),
].join("\n");

const CLUSTER = `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: ReplicaSet
    metadata: { name: web-7d9f8, namespace: shop }
    spec: { selector: { matchLabels: { app: web, pod-template-hash: 7d9f8 } } }
  - apiVersion: apps/v1
    kind: Deployment
    metadata: { name: web, namespace: shop }
    spec: { selector: { matchLabels: { app: web } } }
  - apiVersion: apps/v1
    kind: Deployment
    metadata: { name: api, namespace: shop }
    spec: { selector: { matchLabels: { app: api } } }
  - apiVersion: apps/v1
    kind: StatefulSet
    metadata: { name: ledger, namespace: billing }
    spec: { selector: { matchLabels: { app: ledger } } }
`;

async function discover(dir: string, ...args: string[]) {
  return runCli(["discover", "--env", "production", "--flows", "flows.jsonl", ...args], dir);
}

describe("discover", () => {
  it("writes services from workloads, flows with counts, networks to narrow; checked", async () => {
    const dir = workspace({ "flows.jsonl": FLOWS, "cluster.yaml": CLUSTER });
    const r = await discover(dir, "--cluster", "cluster.yaml", "--cni", "calico");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, "policies/environments/production.yaml"), "utf8");
    expect(text).toContain("# the pods of Deployment/web\n      web: { labels: { app: web } }");
    expect(text).toContain("api: { labels: { app: api }, ports: [8080] }");
    expect(text).toContain("ledger: { labels: { app: ledger }, ports: [5432] }");
    expect(text).not.toContain("pod-template-hash");
    expect(text).toMatch(
      /# observed: 30 connections, 2026-01-05 10:00:00 UTC to 2026-01-05 10:00:00 UTC\n {2}- web -> api:8080/,
    );
    expect(text).toMatch(
      /# seen in 198\.51\.100\.0\/24: 198\.51\.100\.20, 198\.51\.100\.7; narrow it to what is needed\n {2}- api -> 198\.51\.100\.0\/24:443/,
    );
    // DNS and the kubelet's checks are built-ins: counted, not written.
    expect(text).not.toMatch(/kube-system|:53|192\.168/);
    expect(r.stdout).toMatch(/built-ins: 80 DNS connections, 7 kubelet health checks/);
    expect(r.stdout).toMatch(
      /checked: the compiled environment allows every observed flow that went through/,
    );
    expect(r.stdout).toMatch(/it also opens[\s\S]*198\.51\.100\.0\/24 opens 256 addresses; 2 were seen/);
    const loaded = await loadIntentFromDir("policies", dir);
    expect(loaded.ok).toBe(true);
  });

  it("reports what else the proposal opens, by the semantics engine", async () => {
    // A pod without labels in monitoring calls api:9090: the flow is the whole namespace's,
    // so grafana (a workload of monitoring) reaches api:9090 too, which nobody observed.
    const flows = [
      record(WEB, API, 8080),
      record(pod("monitoring", {}), API, 9090),
      record(pod("monitoring", { app: "grafana" }), WEB, 3000),
    ].join("\n");
    const dir = workspace({ "flows.jsonl": flows, "cluster.yaml": CLUSTER });
    const r = await discover(dir, "--cluster", "cluster.yaml", "--cni", "calico", "--format", "json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.check.allowsEveryObservedFlow).toBe(true);
    expect(json.check.alsoOpens).toContain("monitoring/grafana -> shop/api:9090/TCP");
    expect(json.check.alsoOpens).not.toContain("shop/web -> shop/api:8080/TCP");
    expect(json.check.wider).toContain("every pod of namespace monitoring, not only the ones seen");
  });

  it("adds only what is new to an existing environment, never changing a person's line", async () => {
    const dir = workspace({ "flows.jsonl": FLOWS, "cluster.yaml": CLUSTER });
    expect((await discover(dir, "--cluster", "cluster.yaml", "--cni", "calico")).code).toBe(0);
    const path = join(dir, "policies/environments/production.yaml");
    const mine = readFileSync(path, "utf8").replace(
      "- web -> api:8080",
      "- web -> api:8080   # checkout calls",
    );
    writeFileSync(path, mine);
    writeFileSync(join(dir, "flows.jsonl"), `${FLOWS}\n${record(WEB, LEDGER, 5432, { count: 3 })}\n`);
    const r = await discover(dir, "--cluster", "cluster.yaml");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/added: flow shop\/web -> billing\/ledger:5432/);
    expect(r.stdout).toMatch(/already in the intent: .*flow shop\/web -> shop\/api:8080/);
    const after = readFileSync(path, "utf8");
    // Every line of the person's file is still there, in order; one flow is added.
    const kept = after.split("\n").filter((l) => mine.split("\n").includes(l));
    expect(kept).toEqual(mine.split("\n"));
    expect(after).toContain("  - web -> ledger:5432");

    // Again: nothing to write.
    const again = await discover(dir, "--cluster", "cluster.yaml");
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/nothing to write: the intent has all of it already/);
    expect(readFileSync(path, "utf8")).toBe(after);
  });

  it("writes nothing when the compiled proposal would block an observed flow", async () => {
    // On the generic profile the kubelet's checks pass only from nodeCidrs, which traffic cannot say.
    const dir = workspace({ "flows.jsonl": FLOWS });
    const r = await discover(dir, "--cni", "generic");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/not written \(the check failed\)/);
    expect(r.stdout).toMatch(
      /CHECK FAILED: the compiled proposal blocks 1 observed flow:\n {2}node -> shop\/api:8080\/TCP: .*\n {4}the kubelet's health checks come from the nodes: on cni generic, declare the nodes' network under nodeCidrs:\n/,
    );
    expect(r.stderr).toMatch(/the proposal would block 1 observed flow; nothing written/);
    expect(existsSync(join(dir, "policies"))).toBe(false);
  });

  it("--dry-run writes nothing", async () => {
    const dir = workspace({ "flows.jsonl": FLOWS });
    const r = await discover(dir, "--cni", "cilium", "--dry-run");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /would write \(--dry-run\):\n {2}policies\/environments\/production\.yaml \(new\)/,
    );
    // Without --cluster the labels are the flows' own, per-pod ones dropped.
    expect(r.stdout).toMatch(/added: service shop\/api/);
    expect(existsSync(join(dir, "policies"))).toBe(false);
  });

  it("a new environment needs --cni", async () => {
    const r = await discover(workspace({ "flows.jsonl": FLOWS }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/environment production is new: say its CNI with --cni/);
  });
});

describe("discover refuses hostile input clearly, writing nothing", () => {
  async function refused(files: Record<string, string | Buffer>, ...args: string[]) {
    const dir = workspace(files);
    const r = await discover(dir, "--cni", "calico", ...args);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(existsSync(join(dir, "policies"))).toBe(false);
    return r.stderr;
  }

  it("a huge line", async () => {
    const huge = `{"time":"2026-01-05T10:00:00Z","x":"${"a".repeat(2 * 1024 * 1024)}"}`;
    expect(await refused({ "flows.jsonl": `${record(WEB, API, 80)}\n${huge}\n` })).toMatch(
      /^flows\.jsonl:2: a record longer than 1048576 bytes/,
    );
  });

  it("bad UTF-8", async () => {
    const bad = Buffer.concat([
      Buffer.from(`${record(WEB, API, 80)}\n`),
      Buffer.from([0x7b, 0xc3, 0x28, 0x7d, 0x0a]),
    ]);
    expect(await refused({ "flows.jsonl": bad })).toMatch(/^flows\.jsonl:2: not UTF-8 text/);
  });

  it("10^6 distinct labels: on one record, and across records", async () => {
    const labels: Record<string, string> = {};
    for (let i = 0; i < 1_000_000; i++) labels[`k${i}`] = "v";
    // A million labels on one side do not fit one record.
    expect(await refused({ "flows.jsonl": record(pod("shop", labels), API, 80) })).toMatch(
      /^flows\.jsonl:1: a record longer than/,
    );
    // Distinct workloads past the cap: refused at the record that passes it.
    const lines: string[] = [];
    for (let i = 0; i < 20_010; i++) lines.push(record(pod("shop", { app: `web-${i}` }), API, 80));
    expect(await refused({ "flows.jsonl": lines.join("\n") })).toMatch(/^flows\.jsonl:\d+: .*20000/);
  });

  it("a flow naming kube-system (other than DNS)", async () => {
    const stderr = await refused({
      "flows.jsonl": [
        record(WEB, API, 8080),
        record(pod("kube-system", { component: "kube-apiserver" }), API, 8080),
      ].join("\n"),
    });
    expect(stderr).toMatch(
      /1 observed flow names a kube-\* namespace: discover never proposes opening one.*\n {2}kube-system\/component=kube-apiserver -> shop\/app=api,version=v2:8080\/TCP\n/,
    );
    expect(stderr).toMatch(/nothing written/);
  });

  it("a bad cluster dump, at its file:line:col", async () => {
    const stderr = await refused(
      {
        "flows.jsonl": record(WEB, API, 8080),
        "cluster.yaml":
          "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web, namespace: shop }\nspec: { replicas: 1 }\n",
      },
      "--cluster",
      "cluster.yaml",
    );
    expect(stderr).toMatch(/^cluster\.yaml:\d+:\d+: spec\.selector is required/);
  });
});
