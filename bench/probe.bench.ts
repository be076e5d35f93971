/**
 * The live probe phase on the fake API server: 50 services in one default-denied namespace,
 * each calling the next; every service probes every service (2,500 checks, 50 expected
 * allowed, 2,450 blocked) from one probe pod per source identity. Pods start 3 s after
 * creation, a blocked check times out after 3 s. Goal: the phase (first round +
 * confirmation) within pod start + 2 × timeout (about 9 s), and API requests that grow with
 * the number of source identities, not with the number of checks (each log read is bracketed
 * by two reads of its pod, which bind it to the pod the run created).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCluster } from "../action/src/adapters/kubernetes/cluster.js";
import { LiveProber } from "../action/src/adapters/kubernetes/prober.js";
import { runProbes } from "../action/src/probe/run.js";
import { systemClock } from "../action/src/adapters/clock.js";
import type { Prober } from "../action/src/probe/types.js";
import { startFakeKube, type Json } from "../test/fakes/kube-server.js";
import { probeDataplane } from "../test/fakes/probe-dataplane.js";
import { fixturePlan, type FixtureCheck } from "../test/helpers/probe-fixture.js";

const POD_START_MS = 3000;
const TIMEOUT_S = 3;

async function phase(services: number, targetsPerSource: number) {
  const fake = await startFakeKube({ podStartMs: POD_START_MS, dataplane: probeDataplane() });
  try {
    fake.seed("namespaces", [{ metadata: { name: "bench" } }]);
    const pods: Json[] = [];
    const policies: Json[] = [
      {
        metadata: { namespace: "bench", name: "default-deny" },
        spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
      },
    ];
    for (let i = 0; i < services; i++) {
      const next = (i + 1) % services;
      pods.push({
        metadata: { namespace: "bench", name: `svc-${i}-0`, labels: { app: `svc-${i}` } },
        spec: { containers: [{ name: "main", image: "app", ports: [{ containerPort: 8080 }] }] },
        status: { phase: "Running", podIP: `10.1.${Math.floor(i / 200)}.${(i % 200) + 1}` },
      });
      policies.push({
        metadata: { namespace: "bench", name: `svc-${i}-to-svc-${next}` },
        spec: {
          podSelector: { matchLabels: { app: `svc-${i}` } },
          policyTypes: ["Egress"],
          egress: [
            { to: [{ podSelector: { matchLabels: { app: `svc-${next}` } } }], ports: [{ port: 8080 }] },
          ],
        },
      });
      policies.push({
        metadata: { namespace: "bench", name: `svc-${next}-from-svc-${i}` },
        spec: {
          podSelector: { matchLabels: { app: `svc-${next}` } },
          policyTypes: ["Ingress"],
          ingress: [
            { from: [{ podSelector: { matchLabels: { app: `svc-${i}` } } }], ports: [{ port: 8080 }] },
          ],
        },
      });
    }
    fake.seed("pods", pods);
    fake.seed("networkpolicies", policies);
    const checks: FixtureCheck[] = [];
    for (let i = 0; i < services; i++) {
      for (let k = 0; k < targetsPerSource; k++) {
        const j = (i + 1 + k) % services;
        checks.push({
          from: { namespace: "bench", labels: { app: `svc-${i}` } },
          to: {
            namespace: "bench",
            pod: `svc-${j}-0`,
            address: `10.1.${Math.floor(j / 200)}.${(j % 200) + 1}`,
          },
          port: 8080,
          expect: k === 0 ? "allowed" : "blocked",
        });
      }
    }
    const plan = fixturePlan(checks, TIMEOUT_S);
    const dir = mkdtempSync(join(tmpdir(), "probe-bench-"));
    writeFileSync(join(dir, "config"), fake.kubeconfig());
    const cluster = createCluster({ kubeconfig: join(dir, "config"), env: {} });
    const prober = new LiveProber(cluster, { timeoutSeconds: TIMEOUT_S, pollMs: 1000 });
    const before = fake.requests.length;
    const started = performance.now();
    const roundsAt: number[] = [];
    // When each round ended, seen from outside the prober.
    const timed: Prober = {
      name: prober.name,
      probe: async (request) => {
        const observations = await prober.probe(request);
        roundsAt.push(performance.now() - started);
        return observations;
      },
      close: () => prober.close(),
    };
    const result = await runProbes(timed, plan, { clock: systemClock });
    const ms = performance.now() - started;
    await prober.close();
    const requests = fake.requests.slice(before);
    const by = (re: RegExp, method = "GET") =>
      requests.filter((r) => r.method === method && re.test(r.path)).length;
    return {
      services,
      checks: plan.checks.length,
      ms,
      roundsAt,
      rounds: result.rounds,
      counts: result.counts,
      requests: requests.length,
      creates: requests.filter((r) => r.method === "POST").length,
      logs: by(/\/log$/),
      podReads: by(/\/pods\/[^/]+$/),
      deletes: requests.filter((r) => r.method === "DELETE").length,
    };
  } finally {
    await fake.close();
  }
}

export async function main(): Promise<void> {
  const goal = POD_START_MS + 2 * TIMEOUT_S * 1000;
  for (const [services, targets] of [
    [50, 50],
    [50, 10],
    [25, 25],
  ] as const) {
    const r = await phase(services, targets);
    console.log(
      `${r.services} sources × ${targets} targets = ${r.checks} checks: phase ${(r.ms / 1000).toFixed(2)} s ` +
        `(goal ≤ ~${goal / 1000} s: pod start + 2 × timeout; rounds ended at ${r.roundsAt.map((t) => (t / 1000).toFixed(2)).join(", ")} s), ` +
        `${r.counts.passed} passed / ${r.counts.failed} failed / ${r.counts.inconclusive} inconclusive; ` +
        `API requests ${r.requests} (${r.creates} creates, ${r.logs} log reads, ${r.podReads} pod reads binding them, ${r.deletes} deletes)`,
    );
  }
}
