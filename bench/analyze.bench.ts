/**
 * The analyzer at cluster scale: 10,000 pods in 100 namespaces and 2,000 NetworkPolicies,
 * generated as YAML text (as `kubectl get -o yaml` prints them), parsed, then 100,000 probes
 * evaluated. Goal: analysis (model + probes) at most 2× the parse time. Also times the full
 * group reachability matrix.
 */
import { parseKubeObjects } from "../action/src/manifests/parse.js";
import { buildModel } from "../action/src/semantics/model.js";
import { evaluate, type Probe } from "../action/src/semantics/evaluate.js";
import { reachabilityMatrix } from "../action/src/semantics/matrix.js";
import { CNI_PROFILES } from "../action/src/cni/profiles.js";

const NAMESPACES = 100;
const APPS = 10;
const REPLICAS = 10;
const PROBES = 100_000;

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const appPort = (app: number): number => 8000 + (app % 4);

function clusterYaml(): string {
  const out: string[] = ["apiVersion: v1", "kind: List", "items:"];
  for (let n = 0; n < NAMESPACES; n++) {
    out.push(
      "- apiVersion: v1",
      "  kind: Namespace",
      "  metadata:",
      `    name: ns-${n}`,
      "    labels:",
      `      kubernetes.io/metadata.name: ns-${n}`,
      `      team: team-${n % 7}`,
      "  spec:",
      "    finalizers: [kubernetes]",
      "  status:",
      "    phase: Active",
    );
    for (let a = 0; a < APPS; a++) {
      for (let r = 0; r < REPLICAS; r++) {
        const ip = `10.${n}.${a}.${r + 10}`;
        out.push(
          "- apiVersion: v1",
          "  kind: Pod",
          "  metadata:",
          `    name: app-${a}-6d4cf56db6-${String(r).padStart(5, "x")}`,
          `    namespace: ns-${n}`,
          `    uid: 00000000-0000-4000-8000-${String(n * 1000 + a * 10 + r).padStart(12, "0")}`,
          '    creationTimestamp: "2024-05-01T12:00:00Z"',
          "    labels:",
          `      app: app-${a}`,
          `      tier: ${a < 3 ? "web" : a < 7 ? "backend" : "data"}`,
          "      pod-template-hash: 6d4cf56db6",
          "    ownerReferences:",
          "    - apiVersion: apps/v1",
          "      kind: ReplicaSet",
          `      name: app-${a}-6d4cf56db6`,
          "      controller: true",
          "  spec:",
          "    containers:",
          "    - name: main",
          `      image: registry.example.com/app-${a}:1.2.3`,
          "      ports:",
          `      - containerPort: ${appPort(a)}`,
          "        name: http",
          "        protocol: TCP",
          "      - containerPort: 9090",
          "        name: metrics",
          "        protocol: TCP",
          "      resources:",
          "        requests: { cpu: 100m, memory: 128Mi }",
          "    nodeName: node-" + String((n + a + r) % 50),
          "  status:",
          "    phase: Running",
          `    hostIP: 192.168.0.${(n + a + r) % 50}`,
          `    podIP: ${ip}`,
          "    podIPs:",
          `    - ip: ${ip}`,
          "    conditions:",
          "    - type: Ready",
          '      status: "True"',
        );
      }
    }
  }
  out.push(
    "- apiVersion: v1",
    "  kind: Namespace",
    "  metadata:",
    "    name: kube-system",
    "- apiVersion: v1",
    "  kind: Pod",
    "  metadata:",
    "    name: coredns-0",
    "    namespace: kube-system",
    "    labels: { k8s-app: kube-dns }",
    "  spec:",
    "    containers:",
    "    - name: coredns",
    "      ports: [{ containerPort: 53, protocol: UDP, name: dns }, { containerPort: 53, protocol: TCP, name: dns-tcp }]",
    "  status: { podIP: 10.200.0.2 }",
  );
  return `${out.join("\n")}\n`;
}

function policiesYaml(): string {
  const docs: string[] = [];
  const header = (ns: number, name: string): string[] => [
    "apiVersion: networking.k8s.io/v1",
    "kind: NetworkPolicy",
    "metadata:",
    `  name: ${name}`,
    `  namespace: ns-${ns}`,
    "  labels: { app.kubernetes.io/managed-by: netpol-rollout }",
  ];
  for (let n = 0; n < NAMESPACES; n++) {
    docs.push(
      [
        ...header(n, "default-deny-all"),
        "spec:",
        "  podSelector: {}",
        "  policyTypes: [Ingress, Egress]",
      ].join("\n"),
    );
    docs.push(
      [
        ...header(n, "allow-dns"),
        "spec:",
        "  podSelector: {}",
        "  policyTypes: [Egress]",
        "  egress:",
        "  - to:",
        "    - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: kube-system } }",
        "      podSelector: { matchLabels: { k8s-app: kube-dns } }",
        "    ports: [{ protocol: UDP, port: 53 }, { protocol: TCP, port: 53 }]",
      ].join("\n"),
    );
    for (let a = 0; a < APPS; a++) {
      docs.push(
        [
          ...header(n, `app-${a}-ingress`),
          "spec:",
          `  podSelector: { matchLabels: { app: app-${a} } }`,
          "  policyTypes: [Ingress]",
          "  ingress:",
          "  - from:",
          `    - podSelector: { matchLabels: { app: app-${(a + APPS - 1) % APPS} } }`,
          `    - namespaceSelector: { matchLabels: { team: team-${(n + 1) % 7} } }`,
          `      podSelector: { matchExpressions: [{ key: tier, operator: In, values: [web, backend] }] }`,
          `    ports: [{ port: http, protocol: TCP }]`,
          "  - from:",
          "    - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: monitoring } }",
          "    ports: [{ port: 9090 }]",
          "  - from:",
          "    - ipBlock: { cidr: 203.0.113.0/24, except: [203.0.113.128/25] }",
          `    ports: [{ port: ${appPort(a)}, endPort: ${appPort(a) + 10} }]`,
        ].join("\n"),
      );
      if (a < 8) {
        docs.push(
          [
            ...header(n, `app-${a}-egress`),
            "spec:",
            `  podSelector: { matchLabels: { app: app-${a} } }`,
            "  policyTypes: [Egress]",
            "  egress:",
            "  - to:",
            `    - podSelector: { matchLabels: { app: app-${a + 1} } }`,
            `    ports: [{ port: http }]`,
            "  - to:",
            `    - namespaceSelector: { matchLabels: { kubernetes.io/metadata.name: ns-${(n + 1) % NAMESPACES} } }`,
            `      podSelector: { matchLabels: { app: app-${a + 2} } }`,
            `    ports: [{ port: ${appPort(a + 2)} }]`,
            "  - to:",
            `    - ipBlock: { cidr: 198.51.${a}.0/24 }`,
            "    ports: [{ port: 443 }]",
          ].join("\n"),
        );
      }
    }
  }
  return `${docs.join("\n---\n")}\n`;
}

function probes(): Probe[] {
  const random = rng(42);
  const pick = (n: number): number => Math.floor(random() * n);
  const pod = (): { key: string; app: number } => {
    const n = pick(NAMESPACES);
    const a = pick(APPS);
    return { key: `ns-${n}/app-${a}-6d4cf56db6-${String(pick(REPLICAS)).padStart(5, "x")}`, app: a };
  };
  const out: Probe[] = [];
  for (let i = 0; i < PROBES; i++) {
    const from = pod();
    const roll = random();
    if (roll < 0.1) out.push({ from: from.key, to: `198.51.${pick(12)}.${1 + pick(250)}`, port: 443 });
    else if (roll < 0.15) out.push({ from: `203.0.113.${pick(256)}`, to: pod().key, port: 8000 + pick(12) });
    else if (roll < 0.2) out.push({ from: from.key, to: "kube-system/coredns-0", port: 53, protocol: "UDP" });
    else {
      const to = pod();
      out.push({ from: from.key, to: to.key, port: random() < 0.8 ? appPort(to.app) : 9090 });
    }
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function time<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const v = fn();
  return [performance.now() - t0, v];
}

export async function main(): Promise<void> {
  const clusterText = clusterYaml();
  const policyText = policiesYaml();
  const probeList = probes();
  const profile = CNI_PROFILES.generic;
  console.log(
    `input: ${(clusterText.length / 1e6).toFixed(1)} MB cluster YAML (${NAMESPACES * APPS * REPLICAS} pods, ${NAMESPACES} namespaces), ` +
      `${(policyText.length / 1e6).toFixed(1)} MB policy YAML (${NAMESPACES * (2 + APPS + 8)} policies), ${PROBES} probes`,
  );

  // Warm up both paths once.
  const warm = parseKubeObjects([
    { path: "cluster.yaml", text: clusterText },
    { path: "policies.yaml", text: policyText },
  ]);
  if (warm.errors.length > 0) throw new Error(`bench input invalid: ${warm.errors[0]?.message}`);
  const warmModel = buildModel({
    pods: warm.pods,
    namespaces: warm.namespaces,
    policies: warm.policies,
    profile,
  });
  for (const p of probeList.slice(0, 1000)) evaluate(warmModel, p);

  const parseRuns: number[] = [];
  let parsed = warm;
  for (let i = 0; i < 3; i++) {
    const [ms, v] = time(() =>
      parseKubeObjects([
        { path: "cluster.yaml", text: clusterText },
        { path: "policies.yaml", text: policyText },
      ]),
    );
    parseRuns.push(ms);
    parsed = v;
  }
  const modelRuns: number[] = [];
  const analysisRuns: number[] = [];
  let allowed = 0;
  let groups = 0;
  for (let i = 0; i < 5; i++) {
    const [msModel, model] = time(() =>
      buildModel({ pods: parsed.pods, namespaces: parsed.namespaces, policies: parsed.policies, profile }),
    );
    const [msProbes, n] = time(() => {
      let ok = 0;
      for (const p of probeList) if (evaluate(model, p).allowed) ok++;
      return ok;
    });
    modelRuns.push(msModel);
    analysisRuns.push(msModel + msProbes);
    allowed = n;
    groups = model.groups.length;
  }
  const parseMs = median(parseRuns);
  const analysisMs = median(analysisRuns);
  console.log(`parse (YAML → objects, validated):      ${parseMs.toFixed(0)} ms (median of 3)`);
  console.log(
    `analysis (model + ${PROBES} probes):   ${analysisMs.toFixed(0)} ms (median of 5; model ${median(modelRuns).toFixed(0)} ms; ${groups} groups; ${allowed} allowed)`,
  );
  console.log(`ratio analysis / parse:                 ${(analysisMs / parseMs).toFixed(2)} (goal ≤ 2)`);

  const model = buildModel({
    pods: parsed.pods,
    namespaces: parsed.namespaces,
    policies: parsed.policies,
    profile,
  });
  const ports = [
    { port: 8000, protocol: "TCP" as const },
    { port: 8001, protocol: "TCP" as const },
    { port: 8002, protocol: "TCP" as const },
    { port: 8003, protocol: "TCP" as const },
    { port: 9090, protocol: "TCP" as const },
  ];
  const [matrixMs, cells] = time(() => {
    let n = 0;
    for (const p of ports) {
      const m = reachabilityMatrix(model, p.port, p.protocol, { level: "groups" });
      n += m.rows.length * m.cols.length;
    }
    return n;
  });
  console.log(
    `group matrix (${model.groups.length}×${model.groups.length} groups, ${ports.length} ports, ${cells} cells): ${matrixMs.toFixed(0)} ms`,
  );
}
