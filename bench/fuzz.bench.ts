// Hostile input, in bulk: 100,000 generated intent documents and 100,000 generated
// cluster/policy documents (FUZZ_RUNS=N for another count, FUZZ_SEED=N for another
// sequence). Each must give objects or errors that point at file:line:column; nothing may
// throw, no case may take more than FUZZ_BOUND_MS (default 2,000 ms), and the process's
// memory is sampled throughout. Prints the counts, the peak memory and the slowest case.
//
// Documents are mutations of valid seeds (the shipped intent, a kubectl dump) with the
// tokens that break parsers: aliases and alias bombs, tags, deep nesting, `__proto__`, huge
// and odd numbers, control characters, bidirectional overrides, lone surrogates, CR-only
// line endings, duplicated and truncated lines.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseIntent, type IntentFile, type LoadResult } from "../action/src/intent/index.js";
import type { InputError } from "../action/src/manifests/input-error.js";
import { parseKubeObjects, parseProbes } from "../action/src/manifests/parse.js";
import { buildModel } from "../action/src/semantics/model.js";
import { evaluate, EndpointError } from "../action/src/semantics/evaluate.js";
import { CNI_PROFILES } from "../action/src/cni/profiles.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const BOUND_MS = Number(process.env.FUZZ_BOUND_MS ?? 2_000);

const repoRoot = join(fileURLToPath(import.meta.url), "../..");

/** A small deterministic PRNG (mulberry32), so a failing case can be found again by its number. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BOMB =
  'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n';

/** What breaks parsers: inserted at random places. */
const TOKENS = [
  "__proto__",
  "__proto__: { cni: cilium }",
  "constructor",
  "toString: 1",
  "&a ",
  "*a",
  "<<: *a",
  "!!binary aGVsbG8=",
  "!!js/function 'f(){}'",
  "!custom",
  "9007199254740993",
  "1e+20",
  "-0",
  ".nan",
  ".inf",
  "0x1F",
  "0o17",
  "1_000",
  "\u0000",
  "\u0007",
  "\u001b[2J",
  "\u202e",
  "\u2028",
  "\ufeff",
  "\ud800",
  "😀",
  "é",
  "\r",
  "\r\n",
  "\t",
  "---\n",
  "...\n",
  "? ",
  ": ",
  "- ",
  "{",
  "}",
  "[",
  "]",
  ",",
  "->",
  "<-",
  " -> ",
  ":",
  "/",
  "0.0.0.0/0",
  "::/0",
  "10.0.0.1/33",
  "fe80::1%eth0",
  "65536",
  "0",
  "-1",
  "'",
  '"',
  "#",
  "|",
  ">-",
  "%YAML 1.1\n",
  "~",
  "null",
  "yes",
  "on",
  "${{ secrets.X }}",
  "::warning ::x\n",
  "[".repeat(200),
  "{a: ".repeat(100),
  "x".repeat(5000),
  BOMB,
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

/** 1–4 random edits of `text`: insert a token, cut a span, repeat, swap, re-indent or cut a line. */
function mutate(rand: () => number, text: string): string {
  let out = text;
  const edits = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rand() * (out.length + 1));
    const lines = out.split("\n");
    const line = Math.floor(rand() * lines.length);
    switch (Math.floor(rand() * 8)) {
      case 0:
      case 1:
      case 2:
        out = out.slice(0, at) + pick(rand, TOKENS) + out.slice(at);
        break;
      case 3:
        out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rand() * 40));
        break;
      case 4:
        lines.splice(line, 0, lines[line] ?? "");
        out = lines.join("\n");
        break;
      case 5: {
        const other = Math.floor(rand() * lines.length);
        [lines[line], lines[other]] = [lines[other] ?? "", lines[line] ?? ""];
        out = lines.join("\n");
        break;
      }
      case 6:
        lines[line] = rand() < 0.5 ? `  ${lines[line] ?? ""}` : (lines[line] ?? "").replace(/^ {1,2}/, "");
        out = lines.join("\n");
        break;
      default:
        out = out.slice(0, at);
    }
  }
  return out;
}

interface Tally {
  cases: number;
  objects: number;
  errors: number;
  unpositioned: number;
  crashes: number;
  overBound: number;
  slowestMs: number;
  slowestCase: number;
  slowestExcerpt: string;
  firstCrash?: string;
}

const tally = (): Tally => ({
  cases: 0,
  objects: 0,
  errors: 0,
  unpositioned: 0,
  crashes: 0,
  overBound: 0,
  slowestMs: 0,
  slowestCase: -1,
  slowestExcerpt: "",
});

let peakRss = 0;
let peakHeap = 0;
function sampleMemory(): void {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}

function excerpt(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 60)}… (${text.length} chars)` : text;
  return JSON.stringify(short);
}

/** Runs `check` on `RUNS` generated documents, timing each. */
function campaign(
  generate: (rand: () => number, i: number) => string,
  check: (text: string) => boolean | undefined,
  seed: number,
): Tally {
  const t = tally();
  const rand = prng(seed);
  for (let i = 0; i < RUNS; i++) {
    const text = generate(rand, i);
    const started = performance.now();
    let outcome: boolean | undefined;
    try {
      outcome = check(text);
    } catch (error) {
      t.crashes++;
      t.firstCrash ??= `case ${i}: ${error instanceof Error ? error.message : String(error)} on ${excerpt(text)}`;
    }
    const ms = performance.now() - started;
    t.cases++;
    if (outcome === true) t.objects++;
    else if (outcome === false) t.errors++;
    if (ms > BOUND_MS) t.overBound++;
    if (ms > t.slowestMs) {
      t.slowestMs = ms;
      t.slowestCase = i;
      t.slowestExcerpt = excerpt(text);
    }
    if (i % 1000 === 0) sampleMemory();
  }
  sampleMemory();
  return t;
}

// --- intent --------------------------------------------------------------------------------

const ENV = "policies/environments/fuzz.yaml";

function intentSeeds(): string[] {
  const dir = join(repoRoot, "policies", "environments");
  const shipped = readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => readFileSync(join(dir, f), "utf8"));
  return [
    ...shipped,
    "promotion: 1\ncni: calico\nnamespaces:\n  shop:\n    services:\n      web: { labels: { app: web }, ports: [80, 9090/udp] }\n      db: { labels: { app: db }, ports: [{ port: 5432, name: pg }] }\n  ingress-nginx: { managed: false }\nflows:\n  - ingress-nginx -> web:80\n  - web -> db:5432\n  - web -> 198.51.100.0/24:443\n  - web -> api.example.com:443\n",
  ];
}

function positioned(
  errors: { file: string; line: number; column: number; message: string }[],
  files: Set<string>,
): boolean {
  return errors.every(
    (e) =>
      (files.has(e.file) || e.file.startsWith("policies")) &&
      Number.isInteger(e.line) &&
      e.line >= 1 &&
      Number.isInteger(e.column) &&
      e.column >= 1 &&
      e.message.length > 0,
  );
}

function runIntent(): Tally {
  const seeds = intentSeeds();
  let unpositioned = 0;
  const t = campaign(
    (rand) => mutate(rand, pick(rand, seeds)),
    (text) => {
      const files: IntentFile[] = [{ path: ENV, text }];
      const result: LoadResult = parseIntent(files);
      if (result.ok) return true;
      if (result.errors.length === 0 || !positioned(result.errors, new Set([ENV]))) unpositioned++;
      return false;
    },
    SEED,
  );
  t.unpositioned = unpositioned;
  return t;
}

// --- cluster and policies ------------------------------------------------------------------

const CLUSTER_YAML = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Namespace
  metadata: { name: shop, labels: { kubernetes.io/metadata.name: shop, team: a } }
- apiVersion: v1
  kind: Pod
  metadata: { name: web-1, namespace: shop, labels: { app: web } }
  spec: { containers: [{ name: c, ports: [{ containerPort: 80, name: http }] }] }
  status: { phase: Running, podIP: 10.0.0.1, podIPs: [{ ip: 10.0.0.1 }] }
- apiVersion: v1
  kind: Pod
  metadata: { name: db-1, namespace: shop, labels: { app: db } }
  spec: { containers: [{ name: c, ports: [{ containerPort: 5432 }] }] }
  status: { phase: Succeeded, podIP: 10.0.0.2 }
- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: { name: db, namespace: shop }
  spec:
    podSelector: { matchLabels: { app: db } }
    policyTypes: [Ingress, Egress]
    ingress:
    - from:
      - podSelector: { matchExpressions: [{ key: app, operator: In, values: [web] }] }
        namespaceSelector: {}
      - ipBlock: { cidr: 10.0.0.0/8, except: [10.1.0.0/16] }
      ports: [{ port: http, protocol: TCP }, { port: 5432, endPort: 5440 }]
    egress: [{}]
`;

function clusterSeeds(): string[] {
  const asJson = JSON.stringify(
    {
      apiVersion: "v1",
      kind: "List",
      items: [
        { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } },
        {
          apiVersion: "v1",
          kind: "Pod",
          metadata: { name: "api", namespace: "shop", labels: { app: "api" } },
          status: { podIP: "10.0.0.3" },
        },
      ],
    },
    null,
    1,
  );
  return [CLUSTER_YAML, asJson, '{"probes":[{"from":"shop/web-1","to":"10.0.0.2","port":5432}]}'];
}

function runCluster(): Tally {
  const seeds = clusterSeeds();
  let unpositioned = 0;
  const files = new Set(["cluster.yaml"]);
  const t = campaign(
    (rand) => mutate(rand, pick(rand, seeds)),
    (text) => {
      const input = [{ path: "cluster.yaml", text }];
      if (text.includes('"probes"')) {
        const parsed = parseProbes(input[0]!);
        if (parsed.errors.length > 0 && !positioned(parsed.errors as InputError[], files)) unpositioned++;
        return parsed.errors.length === 0;
      }
      const parsed = parseKubeObjects(input);
      if (parsed.errors.length > 0) {
        if (!positioned(parsed.errors, files)) unpositioned++;
        return false;
      }
      const model = buildModel({
        pods: parsed.pods,
        namespaces: parsed.namespaces,
        policies: parsed.policies,
        profile: CNI_PROFILES.generic,
      });
      const [a, b] = model.pods;
      if (a && b) {
        try {
          evaluate(model, { from: a.key, to: b.key, port: 80 });
          evaluate(model, { from: "10.0.0.2", to: a.key, port: 5432 });
        } catch (error) {
          if (!(error instanceof EndpointError)) throw error;
        }
      }
      return true;
    },
    SEED + 1,
  );
  t.unpositioned = unpositioned;
  return t;
}

function print(name: string, t: Tally, ms: number): void {
  console.log(
    `${name}: ${t.cases} documents in ${(ms / 1000).toFixed(1)} s: ${t.objects} gave objects, ${t.errors} gave errors ` +
      `(${t.unpositioned} without file:line:column), ${t.crashes} crashes, ${t.overBound} over ${BOUND_MS} ms`,
  );
  console.log(`  slowest: case ${t.slowestCase}, ${t.slowestMs.toFixed(1)} ms, ${t.slowestExcerpt}`);
  if (t.firstCrash) console.log(`  first crash: ${t.firstCrash}`);
}

export async function main(): Promise<void> {
  console.log(`fuzz: ${RUNS} documents per campaign, seed ${SEED}, bound ${BOUND_MS} ms per case`);
  let started = performance.now();
  const intent = runIntent();
  print("intent", intent, performance.now() - started);
  started = performance.now();
  const cluster = runCluster();
  print("cluster/policies/probes", cluster, performance.now() - started);
  console.log(
    `memory: peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB, peak heap ${(peakHeap / 2 ** 20).toFixed(0)} MiB`,
  );
  const bad =
    intent.crashes +
    cluster.crashes +
    intent.overBound +
    cluster.overBound +
    intent.unpositioned +
    cluster.unpositioned;
  if (bad > 0) process.exitCode = 1;
}
