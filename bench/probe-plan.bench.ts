/**
 * The probe plan at scale: a 200-service environment (20 namespaces, about 400 flows) over
 * a 2,000-pod inventory (10 running pods per service), the live policies of the intent
 * before one flow per namespace was added; plan plus expected verdicts before and after.
 */
import { buildEnvironment } from "../test/helpers/intent-builder.js";
import { liveInventory } from "../test/probe/fixtures.js";
import { compileEnvironment } from "../action/src/compile/compile.js";
import { policiesOfBundle } from "../action/src/semantics/diff.js";
import { buildProbePlan } from "../action/src/probe/probe-plan.js";
import { planCounts } from "../action/src/probe/render.js";

const NAMESPACES = 20;
const PER_NAMESPACE = 10;

function spec(extra: boolean): Parameters<typeof buildEnvironment>[0] {
  const namespaces: Record<string, { services: Record<string, { ports: number[] }> }> = {};
  const flows: string[] = [];
  for (let n = 0; n < NAMESPACES; n++) {
    const services: Record<string, { ports: number[] }> = {};
    for (let s = 0; s < PER_NAMESPACE; s++) services[`svc-${n}-${s}`] = { ports: [8000 + s, 9000 + s] };
    namespaces[`ns-${n}`] = { services };
    for (let s = 0; s + 1 < PER_NAMESPACE; s++) flows.push(`svc-${n}-${s} -> svc-${n}-${s + 1}:${8001 + s}`);
    flows.push(`svc-${n}-0 -> svc-${(n + 1) % NAMESPACES}-0:8000`);
    flows.push(`svc-${n}-1 -> svc-${(n + 3) % NAMESPACES}-2:8002`);
    if (extra) flows.push(`svc-${n}-9 -> svc-${n}-0:8000`);
  }
  return { name: "bench", cni: "calico", namespaces, flows };
}

export async function main(): Promise<void> {
  const after = buildEnvironment(spec(true));
  const before = buildEnvironment(spec(false));
  const inventory = liveInventory(after, { replicas: 10 });
  const afterPolicies = policiesOfBundle(compileEnvironment(after));
  const beforePolicies = policiesOfBundle(compileEnvironment(before));
  const services = after.namespaces.reduce((n, ns) => n + ns.services.length, 0);
  console.log(
    `${services} services, ${after.flows.length} flows, ${inventory.pods.length} pods, ${afterPolicies.policies.length} policies after, ${beforePolicies.policies.length} before`,
  );
  const times: number[] = [];
  let counts;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const plan = buildProbePlan({
      environment: after,
      inventory,
      after: afterPolicies,
      before: beforePolicies,
    });
    times.push(performance.now() - t0);
    counts = planCounts(plan);
  }
  console.log(`plan: ${JSON.stringify(counts)}`);
  console.log(
    `plan + expected verdicts: ${times.map((t) => `${t.toFixed(0)} ms`).join(", ")} (best ${Math.min(...times).toFixed(0)} ms)`,
  );
  await Promise.resolve();
}
