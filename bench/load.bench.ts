// Loader cost on a large intent: 1,000 services in 50 namespaces and 3,000 flows, as YAML
// text in memory (no disk), through parseIntent. Prints the median of 5 timed runs after
// 2 warm-up runs.
import { performance } from "node:perf_hooks";
import { parseIntent, type IntentFile } from "../action/src/intent/index.js";

const NAMESPACES = 50;
const SERVICES_PER_NAMESPACE = 20;
const FLOWS_PER_SERVICE = 3;

export function generate(): IntentFile[] {
  const lines = ["promotion: 1", "cni: calico", "namespaces:", "  ingress-nginx: { managed: false }"];
  const flows: string[] = [];
  for (let n = 0; n < NAMESPACES; n++) {
    const ns = `team-${n}`;
    lines.push(`  ${ns}:`, "    services:");
    for (let s = 0; s < SERVICES_PER_NAMESPACE; s++) {
      lines.push(
        `      svc-${s}: { labels: { app: svc-${s}, tier: t${s % 4} }, ports: [${8000 + s}, ${9000 + s}/udp] }`,
      );
      for (let k = 1; k <= FLOWS_PER_SERVICE; k++) {
        // Within the namespace, and every third flow across to the next namespace.
        const to = (s + k) % SERVICES_PER_NAMESPACE;
        const toNs = k === 3 ? `team-${(n + 1) % NAMESPACES}` : ns;
        flows.push(`  - ${ns}/svc-${s} -> ${toNs}/svc-${to}:${8000 + to}`);
      }
    }
  }
  lines.push("flows:", ...flows);
  return [{ path: "policies/environments/big.yaml", text: `${lines.join("\n")}\n` }];
}

export async function main(): Promise<void> {
  const files = generate();
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  let services = 0;
  let flowCount = 0;
  for (let i = 0; i < 2; i++) {
    const r = parseIntent(files);
    if (!r.ok) throw new Error(`generated intent is invalid: ${r.errors[0]?.message ?? ""}`);
    const env = r.intent.environments[0]!;
    services = env.namespaces.reduce((n, ns) => n + ns.services.length, 0);
    flowCount = env.flows.length;
  }
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    parseIntent(files);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[2]!;
  console.log(
    `parseIntent: ${services} services, ${flowCount} flows, ${(bytes / 1024).toFixed(0)} KiB of YAML: ` +
      `median ${median.toFixed(1)} ms (min ${times[0]!.toFixed(1)}, max ${times[4]!.toFixed(1)})`,
  );
}
