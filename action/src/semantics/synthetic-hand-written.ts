/**
 * What hand-written policies (a namespace's `policies:`) add to the synthetic inventory: the
 * ports their rules name, probed on every pod (they select pods by any label); one pod for
 * each selector they use that no declared service or namespace stands for, in the namespace
 * it names (a namespace chosen by labels gets a stand-in namespace with those labels); and
 * the CIDRs of their ipBlocks.
 */
import type { HandWrittenPolicy } from "../intent/model.js";
import type { LabelSelector, NetworkPolicyPeer, Pod } from "../k8s/types.js";
import { METADATA_NAME_LABEL } from "./model.js";
import { compileSelector, namespaceNamed, representativeLabels } from "./selector.js";
import type { EndpointList, Side, Sides, SyntheticEndpoint } from "./synthetic-endpoints.js";
import type { NamespaceObjects } from "./synthetic-pods.js";
import type { PortProbe, PortRange } from "./synthetic-ports.js";

export interface SidePolicy {
  side: Side;
  policy: HandWrittenPolicy;
}

/** The hand-written policies of each side. */
export function handWrittenPolicies(sides: Sides): SidePolicy[] {
  return sides.flatMap(([side, env]) =>
    env.namespaces.flatMap((ns) => (ns.policies ?? []).map((policy) => ({ side, policy }))),
  );
}

/** The numbered ports and ranges their rules name (a named port is resolved on the pod). */
export function handWrittenPorts(policies: readonly SidePolicy[]): PortRange[] {
  const ranges: PortRange[] = [];
  for (const { policy } of policies) {
    for (const rule of [...(policy.spec.ingress ?? []), ...(policy.spec.egress ?? [])]) {
      for (const p of rule.ports ?? []) {
        if (typeof p.port !== "number") continue;
        ranges.push({
          protocol: p.protocol ?? "TCP",
          port: p.port,
          ...(p.endPort !== undefined ? { endPort: p.endPort } : {}),
        });
      }
    }
  }
  return ranges;
}

function peersOf(policy: HandWrittenPolicy): NetworkPolicyPeer[] {
  return [
    ...(policy.spec.ingress ?? []).flatMap((r) => r.from ?? []),
    ...(policy.spec.egress ?? []).flatMap((r) => r.to ?? []),
  ];
}

/** The ipBlocks of their peers, as declared addresses: [cidr, except]. */
export function handWrittenBlocks(policies: readonly SidePolicy[]): [string, string[]][] {
  return policies.flatMap(({ policy }) =>
    peersOf(policy).flatMap((peer): [string, string[]][] =>
      peer.ipBlock ? [[peer.ipBlock.cidr, peer.ipBlock.except ?? []]] : [],
    ),
  );
}

function makePod(namespace: string, name: string, labels: Record<string, string>): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { namespace, name, labels },
    spec: { containers: [{ name: "main", ports: [] }] },
  };
}

const canonicalLabels = (labels: Record<string, string>): string =>
  JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * Adds a pod for each selector of the hand-written policies (the pods a policy selects and
 * the pods its peers name), probed on `podPorts`, unless a declared service with those very
 * labels, or a declared namespace's own pod for "every pod", already stands for it.
 */
export function handWrittenEndpoints(
  endpoints: EndpointList,
  sides: Sides,
  namespaces: NamespaceObjects,
  policies: readonly SidePolicy[],
  podPorts: PortProbe[],
): void {
  const serviceLabels = new Set(
    sides.flatMap(([, env]) =>
      env.namespaces.flatMap((ns) => ns.services.map((svc) => `${ns.name}/${canonicalLabels(svc.labels)}`)),
    ),
  );
  const standIns = new Map<string, Record<string, string>>();
  const addSelected = (side: Side, namespace: string, selector: LabelSelector, why: string): void => {
    const sel = compileSelector(selector);
    const labels = representativeLabels(selector);
    if (sel.matchesAll && namespaces.declared.has(namespace)) return;
    if (serviceLabels.has(`${namespace}/${canonicalLabels(labels)}`)) return;
    const label = sel.matchesAll ? `ns:${namespace}` : `${namespace}/(${sel.text})`;
    let endpoint = endpoints.get(label);
    if (!endpoint) {
      endpoint = {
        label,
        kind: "namespace",
        pods: {},
        exists: { base: false, head: false },
        flowKeys: [],
        ports: podPorts,
        description: `the pods of ${namespace} with ${sel.text} (${why})`,
      } satisfies SyntheticEndpoint;
      endpoints.add(endpoint);
    }
    if (endpoint.pods[side]) return;
    endpoint.pods[side] = makePod(namespace, `sel.${endpoints.list.indexOf(endpoint)}`, labels);
    endpoint.exists[side] = true;
  };
  for (const { side, policy } of policies) {
    const why = `hand-written policy ${policy.namespace}/${policy.name}`;
    addSelected(side, policy.namespace, policy.spec.podSelector, why);
    for (const peer of peersOf(policy)) {
      if (peer.ipBlock) continue; // addresses: handWrittenBlocks
      let namespace = policy.namespace;
      const nsSelector = peer.namespaceSelector;
      if (nsSelector) {
        const named = namespaceNamed(nsSelector);
        const nsSel = compileSelector(nsSelector);
        namespace = named ?? (nsSel.matchesAll ? namespaces.other : `(${nsSel.text})`);
        if (named === undefined && !nsSel.matchesAll)
          standIns.set(namespace, representativeLabels(nsSelector));
        if (named !== undefined && !namespaces.objects[side].has(named)) standIns.set(named, {});
      }
      addSelected(side, namespace, peer.podSelector ?? {}, why);
    }
  }
  for (const [name, labels] of standIns) {
    for (const [side] of sides) {
      if (namespaces.objects[side].has(name)) continue;
      namespaces.objects[side].set(name, {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name, labels: { ...labels, [METADATA_NAME_LABEL]: name } },
      });
    }
  }
}
