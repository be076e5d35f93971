// `netpol-rollout import` at the size of a large cluster: 2,000 NetworkPolicies in 100
// namespaces (a default-deny and a DNS allow each, and an ingress and an egress policy per
// workload: calls inside the namespace, to the next namespace, to an outside CIDR, from the
// ingress controller, and from namespaces chosen by label, which stay hand-written), with a
// dump of 1,800 pods. Prints each stage's time: reading the YAML, translating, writing the
// intent, loading and compiling it, and the proof. Target: import and proof within 5 s.
import { loadavg } from "node:os";
import { stringify } from "yaml";
import { parseKubeObjects } from "../action/src/manifests/parse.js";
import { importPolicies } from "../action/src/import/index.js";
import type { NetworkPolicy, Pod } from "../action/src/k8s/types.js";

const NAMESPACES = Number(process.env.IMPORT_NAMESPACES ?? 100);
const APPS = ["web", "api", "db", "cache", "worker", "queue", "metrics", "auth", "search"];
const PORT: Record<string, number> = {
  web: 80,
  api: 8080,
  db: 5432,
  cache: 6379,
  worker: 7000,
  queue: 5672,
  metrics: 9090,
  auth: 9000,
  search: 9200,
};
/** Calls inside a namespace: caller → callee. */
const CALLS: [string, string][] = [
  ["web", "api"],
  ["api", "db"],
  ["api", "cache"],
  ["api", "auth"],
  ["api", "queue"],
  ["worker", "queue"],
  ["worker", "db"],
  ["web", "search"],
];

function np(namespace: string, name: string, spec: NetworkPolicy["spec"]): NetworkPolicy {
  return { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name, namespace }, spec };
}

function cluster(): { policies: string; dump: string; count: number } {
  const policies: NetworkPolicy[] = [];
  const pods: Pod[] = [];
  for (let i = 0; i < NAMESPACES; i++) {
    const ns = `team-${String(i).padStart(3, "0")}`;
    const next = `team-${String((i + 1) % NAMESPACES).padStart(3, "0")}`;
    policies.push(np(ns, "default-deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] }));
    policies.push(
      np(ns, "allow-dns", {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
          {
            to: [
              {
                namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
                podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
              },
            ],
            ports: [
              { protocol: "UDP", port: 53 },
              { protocol: "TCP", port: 53 },
            ],
          },
        ],
      }),
    );
    for (const app of APPS) {
      const callers = CALLS.filter(([, callee]) => callee === app).map(([caller]) => caller);
      const callees = CALLS.filter(([caller]) => caller === app).map(([, callee]) => callee);
      const ingress: NonNullable<NetworkPolicy["spec"]["ingress"]> = callers.map((c) => ({
        from: [{ podSelector: { matchLabels: { app: c } } }],
        ports: [{ port: app === "api" ? "http" : PORT[app] }],
      }));
      const egress: NonNullable<NetworkPolicy["spec"]["egress"]> = callees.map((c) => ({
        to: [{ podSelector: { matchLabels: { app: c } } }],
        ports: [{ port: c === "api" ? "http" : PORT[c] }],
      }));
      if (app === "web")
        ingress.push({
          from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ingress-nginx" } } }],
          ports: [{ port: 80 }],
        });
      if (app === "metrics")
        ingress.push({
          from: [{ namespaceSelector: { matchLabels: { team: "monitoring" } } }],
          ports: [{ port: 9090 }],
        });
      if (app === "auth")
        ingress.push({
          from: [
            {
              namespaceSelector: {
                matchLabels: {
                  "kubernetes.io/metadata.name": `team-${String((i + NAMESPACES - 1) % NAMESPACES).padStart(3, "0")}`,
                },
              },
              podSelector: { matchLabels: { app: "api" } },
            },
          ],
          ports: [{ port: 9000 }],
        });
      if (app === "api") {
        egress.push({
          to: [{ ipBlock: { cidr: "10.20.0.0/16", except: ["10.20.9.0/24"] } }],
          ports: [{ port: 443 }],
        });
        egress.push({
          to: [
            {
              namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": next } },
              podSelector: { matchLabels: { app: "auth" } },
            },
          ],
          ports: [{ port: 9000 }],
        });
      }
      policies.push(
        np(ns, `${app}-ingress`, {
          podSelector: { matchLabels: { app } },
          policyTypes: ["Ingress"],
          ingress,
        }),
      );
      policies.push(
        np(ns, `${app}-egress`, { podSelector: { matchLabels: { app } }, policyTypes: ["Egress"], egress }),
      );
      for (let r = 0; r < 2; r++) {
        pods.push({
          apiVersion: "v1",
          kind: "Pod",
          metadata: { namespace: ns, name: `${app}-${r}`, labels: { app, "pod-template-hash": `h${r}` } },
          spec: {
            containers: [
              { name: app, ports: [{ containerPort: PORT[app]!, name: app === "api" ? "http" : app }] },
            ],
          },
          status: { podIP: `10.${100 + Math.floor(i / 250)}.${i % 250}.${APPS.indexOf(app) * 2 + r + 1}` },
        });
      }
    }
  }
  const docs = (items: object[]): string => items.map((o) => `---\n${stringify(o)}`).join("");
  return { policies: docs(policies), dump: docs(pods), count: policies.length };
}

export async function main(): Promise<void> {
  console.log(`load average (1 min) at start: ${loadavg()[0]?.toFixed(1)}`);
  const { policies, dump, count } = cluster();
  const t0 = performance.now();
  const objects = parseKubeObjects([{ path: "policies.yaml", text: policies }]);
  const pods = parseKubeObjects([{ path: "cluster.yaml", text: dump }]);
  const t1 = performance.now();
  const result = importPolicies({
    environment: "large",
    cni: "calico",
    policies: objects.policies,
    ciliumPolicies: [],
    sources: objects.sources,
    pods: pods.pods,
    namespaces: pods.namespaces,
    files: [],
  });
  const t2 = performance.now();
  if (!result.ok) throw new Error(result.errors.join("\n"));
  const fates = new Map<string, number>();
  for (const o of result.plan.outcomes) fates.set(o.fate.kind, (fates.get(o.fate.kind) ?? 0) + 1);
  const bytes = result.files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const largest = result.files.reduce((a, f) =>
    Buffer.byteLength(f.text) > Buffer.byteLength(a.text) ? f : a,
  );
  const t = result.timings;
  console.log(
    `${count} policies (${(Buffer.byteLength(policies) / 1e6).toFixed(2)} MB) and ${pods.pods.length} pods: read ${(t1 - t0).toFixed(0)} ms; ` +
      `import and proof ${((t2 - t1) / 1000).toFixed(2)} s (translate ${t.translate.toFixed(0)} ms, write ${t.write.toFixed(0)} ms, ` +
      `load and compile ${t.compile.toFixed(0)} ms, proof ${t.proof.toFixed(0)} ms) — target 5 s`,
  );
  console.log(
    `  ${[...fates].map(([k, n]) => `${n} ${k}`).join(", ")}; ${result.files.length} files, ${(bytes / 1e6).toFixed(2)} MB (largest ${largest.path}, ${(Buffer.byteLength(largest.text) / 1e6).toFixed(2)} MB); ` +
      `proof: ${result.proof.differences.length} differences over ${result.proof.pods} pods (${result.proof.standIns} stand-ins), ${result.proof.compared} connections compared`,
  );
}
