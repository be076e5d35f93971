/**
 * A synthetic cluster that stands for an environment's intent, so the engine can judge
 * compiled policies without a real cluster: one pod per declared service (its labels and
 * declared ports), the pods a namespace endpoint names, one pod per declared namespace that
 * no service selects, the pods hand-written policies select or name, one pod in a namespace
 * nobody declared, the DNS pods (synthetic-pods.ts, synthetic-hand-written.ts),
 * and one representative address per declared CIDR (and per `except` range), per node CIDR,
 * plus one "internet" address outside all of them (synthetic-addresses.ts), each probed on
 * the ports of synthetic-ports.ts.
 *
 * Built from the union of the base and head intents; every endpoint records on which side
 * it exists, so a service that appears in head is "new" rather than "was reachable".
 */
import type { EnvironmentIntent } from "../intent/model.js";
import type { Namespace } from "../k8s/types.js";
import { addressEndpoints } from "./synthetic-addresses.js";
import { handWrittenBlocks, handWrittenPolicies, handWrittenPorts } from "./synthetic-hand-written.js";
import { EndpointList, type SyntheticEndpoint, type Sides } from "./synthetic-endpoints.js";
import { namespaceObjects, podEndpoints } from "./synthetic-pods.js";
import { portPlan, type PortRange } from "./synthetic-ports.js";

export interface SyntheticInventory {
  endpoints: SyntheticEndpoint[];
  namespaces: { base: Namespace[]; head: Namespace[] };
}

/** One head intent's inventory, kept while the intent lives: the lint and the probe preview share it. */
const HEAD_ONLY = new WeakMap<EnvironmentIntent, SyntheticInventory>();

/**
 * Builds the synthetic inventory. `mentioned` lists the port ranges any compiled policy names
 * (so the "every other port" probe can avoid them); the intent's own ports are added here.
 * Callers read it and never change it.
 */
export function syntheticInventory(
  base: EnvironmentIntent | undefined,
  head: EnvironmentIntent | undefined,
  mentioned: PortRange[] = [],
): SyntheticInventory {
  const shared = base === undefined && head !== undefined && mentioned.length === 0;
  const known = shared ? HEAD_ONLY.get(head) : undefined;
  if (known) return known;
  const sides: Sides = [];
  if (base) sides.push(["base", base]);
  if (head) sides.push(["head", head]);
  const handWritten = handWrittenPolicies(sides);
  const ports = portPlan(
    sides.map(([, env]) => env),
    mentioned,
    handWrittenPorts(handWritten),
  );
  const namespaces = namespaceObjects(sides);
  const endpoints = new EndpointList();
  podEndpoints(endpoints, sides, namespaces, ports, handWritten);
  addressEndpoints(endpoints, sides, ports.externalPorts, handWrittenBlocks(handWritten));
  const inventory: SyntheticInventory = {
    endpoints: endpoints.list,
    namespaces: { base: [...namespaces.objects.base.values()], head: [...namespaces.objects.head.values()] },
  };
  if (shared) HEAD_ONLY.set(head, inventory);
  return inventory;
}
