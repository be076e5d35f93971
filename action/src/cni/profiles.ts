/**
 * CNI behaviour that the NetworkPolicy API leaves to the implementation, kept as data so
 * the compiler, the semantics engine and the reports agree on it and can say so.
 */

export type CniProfileName = "calico" | "cilium" | "generic";

export interface CniProfile {
  name: CniProfileName;
  /** strict: DNS peer is namespaceSelector AND podSelector; safe: namespaceSelector only. */
  dnsSelectorMode: "strict" | "safe";
  /**
   * host: the CNI always admits traffic from the pod's own node, so kubelet probes pass;
   * node-cidrs: probes must be allowed as ingress from the environment's nodeCidrs.
   */
  kubeletHealthCheckSource: "host" | "node-cidrs";
  /** Whether an ipBlock peer also matches in-cluster pod IPs (upstream conformance: yes). */
  ipBlockMatchesPodIps: boolean;
  endPortSupported: boolean;
  sctpSupported: boolean;
  /** Whether FQDN egress exists (CiliumNetworkPolicy toFQDNs). */
  fqdnEgress: boolean;
  /** One sentence per behaviour above, quoted in explanations. */
  notes: Record<string, string>;
}

export const CNI_PROFILES: Record<CniProfileName, CniProfile> = {
  generic: {
    name: "generic",
    dnsSelectorMode: "safe",
    kubeletHealthCheckSource: "node-cidrs",
    ipBlockMatchesPodIps: true,
    endPortSupported: true,
    sctpSupported: true,
    fqdnEgress: false,
    notes: {
      dns: "generic: DNS is allowed to every pod of the DNS namespace on port 53, which every CNI enforces the same way",
      healthChecks:
        "generic: kubelet probes are allowed from the environment's nodeCidrs, since some CNIs do not exempt node traffic",
      ipBlock: "generic: ipBlock matches pod IPs too, as in the upstream conformance tests",
    },
  },
  calico: {
    name: "calico",
    dnsSelectorMode: "strict",
    kubeletHealthCheckSource: "host",
    ipBlockMatchesPodIps: true,
    endPortSupported: true,
    sctpSupported: true,
    fqdnEgress: false,
    notes: {
      dns: "calico: namespaceSelector AND podSelector in one peer are enforced together",
      healthChecks: "calico: traffic from the pod's own host is allowed by default, so kubelet probes pass",
      ipBlock: "calico: ipBlock matches pod IPs as well as external addresses",
      fqdn: "calico: standard Calico has no FQDN egress in NetworkPolicy",
    },
  },
  cilium: {
    name: "cilium",
    dnsSelectorMode: "strict",
    kubeletHealthCheckSource: "host",
    ipBlockMatchesPodIps: false,
    endPortSupported: true,
    sctpSupported: false,
    fqdnEgress: true,
    notes: {
      dns: "cilium: namespaceSelector AND podSelector in one peer are enforced together",
      healthChecks: "cilium: traffic from the local host is allowed by default, so kubelet probes pass",
      ipBlock:
        "cilium: CIDR rules do not select traffic between cluster-managed endpoints, so ipBlock does not match pod IPs",
      sctp: "cilium: SCTP policy support is off by default",
      fqdn: "cilium: FQDN egress via CiliumNetworkPolicy toFQDNs (needs the DNS proxy)",
    },
  },
};

export function isCniProfileName(name: string): name is CniProfileName {
  return Object.hasOwn(CNI_PROFILES, name);
}
