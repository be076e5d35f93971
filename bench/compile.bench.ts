// compileEnvironment and renderYaml on a large environment built in memory: 1,000 services
// across 20 namespaces and 3,000 flows (service → service within and across namespaces,
// plus external CIDRs and an ingress controller). Goal: compile under 100 ms.
import { performance } from "node:perf_hooks";
import { compileEnvironment } from "../action/src/compile/compile.js";
import { bundleDigest, renderYaml } from "../action/src/compile/bundle.js";
import type { EnvironmentIntent } from "../action/src/intent/model.js";
import {
  buildEnvironment,
  type EnvironmentSpec,
  type NamespaceSpec,
} from "../test/helpers/intent-builder.js";

const NAMESPACES = 20;
const SERVICES = 1_000;
const FLOWS = 3_000;

/** A deterministic pseudo-random sequence (mulberry32), so every run measures the same intent. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function largeEnvironment(): EnvironmentIntent {
  const next = random(42);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)] as T;
  const namespaces: Record<string, NamespaceSpec> = {
    "ingress-nginx": { managed: false, podLabels: { "app.kubernetes.io/name": "ingress-nginx" } },
  };
  const refs: { ref: string; ports: number[] }[] = [];
  for (let n = 0; n < NAMESPACES; n++) {
    const services: NamespaceSpec["services"] = {};
    for (let s = 0; s < SERVICES / NAMESPACES; s++) {
      const name = `svc-${n}-${s}`;
      const ports = [8000 + (s % 50), 9000 + (s % 7)];
      services[name] = { labels: { app: name, tier: pick(["web", "api", "data"]) }, ports };
      refs.push({ ref: `team-${n}/${name}`, ports });
    }
    namespaces[`team-${n}`] = { services, ...(n % 5 === 4 ? { defaultDeny: false } : {}) };
  }
  const flows: EnvironmentSpec["flows"] = [];
  for (let f = 0; f < FLOWS; f++) {
    const from = pick(refs);
    const roll = next();
    if (roll < 0.05) {
      flows.push(`${from.ref} -> 198.51.100.${Math.floor(next() * 256)}/32:443`);
    } else if (roll < 0.08) {
      flows.push(`ingress-nginx -> ${from.ref}:${from.ports[0]}`);
    } else {
      // Mostly within the namespace, sometimes across.
      const sameNs = refs.filter((r) => r.ref.split("/")[0] === from.ref.split("/")[0]);
      const to = roll < 0.7 ? pick(sameNs) : pick(refs);
      flows.push(`${from.ref} -> ${to.ref}:${pick(to.ports)}`);
    }
  }
  return buildEnvironment({ name: "large", cni: "generic", nodeCidrs: ["10.0.0.0/16"], namespaces, flows });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

interface Timing {
  /** Wall-clock milliseconds, median of the runs. */
  wall: number;
  /** Fastest run, wall clock: the figure closest to an idle machine. */
  min: number;
  /** CPU milliseconds of this process (user + system), median: less sensitive to a busy machine. */
  cpu: number;
}

function time(fn: () => void, runs = 5, warmup = 3): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), min: Math.min(...wall), cpu: median(cpu) };
}

function show(t: Timing): string {
  return `${t.wall.toFixed(1)} ms (median of 5; fastest ${t.min.toFixed(1)} ms; ${t.cpu.toFixed(1)} ms CPU)`;
}

export async function main(): Promise<void> {
  const env = largeEnvironment();
  const services = env.namespaces.reduce((n, ns) => n + ns.services.length, 0);
  const bundle = compileEnvironment(env);
  const yaml = renderYaml(bundle);
  console.log(
    `intent: ${services} services in ${env.namespaces.length} namespaces, ${env.flows.length} flows → ` +
      `${bundle.objects.length} objects, ${(yaml.length / 1024 / 1024).toFixed(1)} MiB of YAML`,
  );
  console.log(`compileEnvironment: ${show(time(() => compileEnvironment(env)))}; goal < 100 ms`);
  console.log(`renderYaml:         ${show(time(() => renderYaml(bundle)))}`);
  console.log(`bundleDigest:       ${show(time(() => bundleDigest(bundle)))}`);
}
