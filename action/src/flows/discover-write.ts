/**
 * What discover found, as a proposal for the intent writer (the one `import` uses): every
 * service names the workload it came from, every flow its connections and when it was first
 * and last seen, every network the addresses seen in it, so a reviewer can narrow it. Pure.
 */
import type { CniProfileName } from "../cni/profiles.js";
import type {
  Proposal,
  ProposedEndpoint,
  ProposedFlow,
  ProposedNamespace,
  ProposedService,
} from "../intent/write/index.js";
import { plural } from "../text/plural.js";
import type { DiscoveredEndpoint, Discovery } from "./discover.js";
import { formatTime } from "./render.js";

export interface DiscoverySettings {
  environment: string;
  cni: CniProfileName;
  /** What was read, for the new file's header ("3 files, 2026-01-05 10:00 to 18:00 UTC"). */
  source: string;
}

/** Addresses listed on a network's comment; the count says how many more. */
const ADDRESSES_LISTED = 8;

export function writerProposal(discovery: Discovery, settings: DiscoverySettings): Proposal {
  const namespaces: ProposedNamespace[] = discovery.namespaces.map((ns) =>
    ns.managed
      ? { name: ns.name }
      : { name: ns.name, managed: false, comment: ["a peer: only the other side of observed flows"] },
  );
  const services: ProposedService[] = discovery.namespaces.flatMap((ns) =>
    ns.services.map((s) => ({
      namespace: s.namespace,
      name: s.name,
      labels: s.labels,
      ports: s.ports.map((p) => ({ port: p.port, protocol: p.protocol })),
      comment: [s.workload ? `the pods of ${s.workload}` : "labels as observed (no workload in --cluster)"],
    })),
  );
  const flows: ProposedFlow[] = discovery.flows.map((f) => {
    const comment = [
      `observed: ${plural(f.connections, "connection")}, ${formatTime(f.firstSeen)} to ${formatTime(f.lastSeen)}`,
    ];
    for (const e of [f.from, f.to]) {
      if (e.kind !== "cidr") continue;
      const listed = e.addresses.slice(0, ADDRESSES_LISTED).join(", ");
      const more =
        e.addresses.length > ADDRESSES_LISTED ? ` and ${e.addresses.length - ADDRESSES_LISTED} more` : "";
      comment.push(`seen in ${e.cidr}: ${listed}${more}; narrow it to what is needed`);
    }
    return {
      from: endpoint(f.from),
      to: endpoint(f.to),
      ports: f.ports.map((p) => ({ port: p.port, protocol: p.protocol })),
      comment,
    };
  });
  return {
    environment: settings.environment,
    settings: {
      cni: settings.cni,
      header: [
        `Proposed by netpol-rollout discover from observed traffic (${settings.source}).`,
        "Review every line: traffic seen is not traffic meant.",
      ],
    },
    namespaces,
    services,
    flows,
    policies: [],
  };
}

function endpoint(e: DiscoveredEndpoint): ProposedEndpoint {
  switch (e.kind) {
    case "service":
      return { kind: "service", namespace: e.namespace, service: e.service };
    case "namespace":
      return { kind: "namespace", namespace: e.namespace };
    case "cidr":
      return { kind: "cidr", cidr: e.cidr };
  }
}
