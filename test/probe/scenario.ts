/** The environment most probe tests use: the three tiers behind an ingress controller. */
import { buildEnvironment, type EnvironmentSpec } from "../helpers/intent-builder.js";
import type { EnvironmentIntent } from "../../action/src/intent/model.js";
import { compileEnvironment } from "../../action/src/compile/compile.js";
import { policiesOfBundle } from "../../action/src/semantics/diff.js";
import { buildProbePlan, type PlanInput } from "../../action/src/probe/probe-plan.js";
import type { ProbePlan } from "../../action/src/probe/types.js";
import { liveInventory, type InventoryOptions } from "./fixtures.js";

export const THREE_TIERS: EnvironmentSpec = {
  name: "production",
  cni: "calico",
  namespaces: {
    production: {
      services: {
        frontend: { ports: [80] },
        api: { ports: [8080, { port: 9090, name: "metrics" }] },
        database: { ports: [5432] },
      },
    },
    "ingress-nginx": { managed: false, podLabels: { "app.kubernetes.io/name": "ingress-nginx" } },
  },
  flows: [
    "ingress-nginx -> frontend:80",
    "frontend -> api:8080",
    "api -> database:5432",
    "api -> 198.51.100.0/24:443",
  ],
};

export function environment(
  spec: EnvironmentSpec = THREE_TIERS,
  targets: string[] = ["198.51.100.10:443"],
): EnvironmentIntent {
  const env = buildEnvironment(spec);
  const probeTargets = targets.map((t, i) => {
    const [address, port] = t.split(/:(?=\d+$)/) as [string, string];
    return {
      address,
      port: Number(port),
      protocol: "TCP" as const,
      source: { file: `policies/environments/${env.name}.yaml`, line: 100 + i, column: 7 },
    };
  });
  return probeTargets.length > 0 ? { ...env, probeTargets } : env;
}

export function policiesOf(env: EnvironmentIntent | undefined): PlanInput["after"] {
  return env ? policiesOfBundle(compileEnvironment(env)) : { policies: [] };
}

/** A plan for deploying `env` onto a cluster running `before` (default: nothing). */
export function planFor(
  env: EnvironmentIntent,
  options: { before?: EnvironmentIntent; inventory?: InventoryOptions } & Partial<
    Omit<PlanInput, "before" | "inventory">
  > = {},
): ProbePlan {
  const { before, inventory, ...rest } = options;
  return buildProbePlan({
    environment: env,
    inventory: liveInventory(env, inventory),
    after: policiesOf(env),
    before: policiesOf(before),
    ...rest,
  });
}
