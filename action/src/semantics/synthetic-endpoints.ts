/**
 * The endpoints of the synthetic inventory (see synthetic-inventory.ts): what each stands for,
 * on which side it exists, and the ports probed on it; listed once per label.
 */
import type { Endpoint, EnvironmentIntent } from "../intent/model.js";
import type { Pod } from "../k8s/types.js";
import type { EndpointKind } from "./contracts.js";
import type { PortProbe } from "./synthetic-ports.js";

export interface SyntheticEndpoint {
  /** What reports show: "production/api", "ns:ingress-nginx", "198.51.100.0/24", "internet". */
  label: string;
  kind: EndpointKind;
  /** In-cluster endpoints: the pod on each side where it exists. */
  pods: { base?: Pod; head?: Pod };
  /** Address endpoints: the representative address. */
  ip?: string;
  fqdn?: string;
  /** Whether the endpoint exists on each side. */
  exists: { base: boolean; head: boolean };
  /** Keys of the intent endpoints this one stands for (to find the flow behind a rule). */
  flowKeys: string[];
  /** Ports to probe when this endpoint is a destination. */
  ports: PortProbe[];
  /** A phrase for explanations: "a pod of production that no service selects". */
  description: string;
}

export type Side = "base" | "head";

/** The intents of the sides that exist, base first. */
export type Sides = [Side, EnvironmentIntent][];

/** The key of an intent endpoint, as stored in SyntheticEndpoint.flowKeys. */
export function endpointKey(e: Endpoint): string {
  switch (e.kind) {
    case "service":
      return `svc:${e.namespace}/${e.service}`;
    case "namespace":
      return `ns:${e.namespace}`;
    case "cidr":
      return `cidr:${e.cidr}${e.except.length > 0 ? ` except ${[...e.except].sort().join(",")}` : ""}`;
    case "fqdn":
      return `fqdn:${e.fqdn.toLowerCase()}`;
  }
}

/** The endpoints in the order added, one per label (the first added stays). */
export class EndpointList {
  readonly list: SyntheticEndpoint[] = [];
  private readonly byLabel = new Map<string, SyntheticEndpoint>();

  add(e: SyntheticEndpoint): void {
    if (this.byLabel.has(e.label)) return;
    this.byLabel.set(e.label, e);
    this.list.push(e);
  }

  get(label: string): SyntheticEndpoint | undefined {
    return this.byLabel.get(label);
  }
}
