/**
 * `clusters:` and `waveSize:` of an environment file: the clusters an environment spans, how
 * each is reached, which go first, and the per-cluster values that replace the environment's.
 * The schema has checked types and keys; this checks names, reach and meaning.
 */
import { CNI_PROFILES, isCniProfileName, type CniProfile } from "../cni/profiles.js";
import { parseCidr } from "./cidr.js";
import type { ClusterIntent, Flow, NamespaceIntent } from "./model.js";
import { dns1123LabelProblem } from "./names.js";
import { ref, type Fail } from "./namespaces.js";
import { asBoolean, asMap, asNumber, asSeq, asString, entry, get, type PMap } from "./tree.js";

export interface ClusterSettings {
  clusters?: ClusterIntent[];
  waveSize?: number;
}

/**
 * GitHub's rule for secret names: letters, digits and '_', not starting with a digit, and
 * not starting with GITHUB_ (names are case-insensitive).
 */
export function secretNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    return "must be letters, digits and '_', not starting with a digit (GitHub's rule for secret names)";
  if (/^github_/i.test(name)) return "must not start with GITHUB_ (GitHub reserves it)";
  return undefined;
}

/**
 * Reads `clusters:` and `waveSize:`. `dnsModeSet` says whether the environment fixes the DNS
 * mode itself; if not, a cluster's own `cni` decides it on that cluster.
 */
export function readClusters(env: PMap, dnsModeSet: boolean, fail: Fail): ClusterSettings {
  const out: ClusterSettings = {};
  const clustersEntry = entry(env, "clusters");
  const waveEntry = entry(env, "waveSize");
  const waveSize = asNumber(waveEntry?.value);
  if (waveEntry && waveSize !== undefined && Number.isInteger(waveSize) && waveSize >= 1) {
    if (!clustersEntry) {
      fail(waveEntry.keyPos, "waveSize needs clusters: it sets how many clusters deploy at once");
    } else out.waveSize = waveSize;
  }
  const seq = asSeq(clustersEntry?.value);
  if (!clustersEntry || !seq) return out;
  if (seq.items.length === 0) {
    fail(
      clustersEntry.keyPos,
      "clusters: is empty",
      "list the clusters, or leave the key out for one cluster",
    );
    return out;
  }

  const clusters: ClusterIntent[] = [];
  const names = new Map<string, number>();
  const reaches = new Map<string, { name: string; line: number }>();
  for (const item of seq.items) {
    const map = asMap(item);
    if (!map) continue; // the schema reports the type
    const name = asString(get(map, "name"));
    if (name === undefined) continue; // the schema reports it missing
    const nameNode = get(map, "name")!;
    const problem = dns1123LabelProblem(name);
    if (problem) fail(nameNode.pos, `cluster name '${name}' ${problem}`);
    const again = names.get(name);
    if (again !== undefined) fail(nameNode.pos, `cluster '${name}' is already listed at line ${again}`);
    names.set(name, nameNode.pos.line);

    const secretNode = get(map, "kubeconfigSecret");
    const kubeconfigSecret = asString(secretNode);
    if (kubeconfigSecret !== undefined) {
      const p = secretNameProblem(kubeconfigSecret);
      if (p) fail(secretNode!.pos, `kubeconfigSecret '${kubeconfigSecret}' ${p}`);
    }
    const contextNode = get(map, "context");
    const context = asString(contextNode);
    if (context !== undefined && (context.trim() === "" || /[\p{Cc}]/u.test(context))) {
      fail(contextNode!.pos, "context must be a kubeconfig context name: not empty, no control characters");
    }
    if (kubeconfigSecret === undefined && context === undefined) {
      fail(
        map.pos,
        `cluster '${name}' says nowhere how to reach it`,
        "give kubeconfigSecret (the GitHub secret holding its kubeconfig), context, or both",
      );
    } else {
      // GitHub secret names are case-insensitive: SECRET and secret are one secret.
      const reach = `${kubeconfigSecret?.toUpperCase() ?? ""}\0${context ?? ""}`;
      const first = reaches.get(reach);
      if (first) {
        fail(
          map.pos,
          `cluster '${name}' is reached exactly as cluster '${first.name}' (line ${first.line}): both would be one cluster`,
          "give each cluster its own kubeconfigSecret or context",
        );
      } else reaches.set(reach, { name, line: map.pos.line });
    }

    const cluster: ClusterIntent = {
      name,
      canary: asBoolean(get(map, "canary")) ?? false,
      source: ref(map.pos),
    };
    if (kubeconfigSecret !== undefined) cluster.kubeconfigSecret = kubeconfigSecret;
    if (context !== undefined) cluster.context = context;
    const cni = asString(get(map, "cni"));
    if (cni !== undefined && isCniProfileName(cni)) {
      cluster.cni = cni;
      if (!dnsModeSet) cluster.dnsMode = CNI_PROFILES[cni].dnsSelectorMode;
    }
    const cidrs = asSeq(get(map, "nodeCidrs"));
    if (cidrs) {
      cluster.nodeCidrs = [];
      for (const c of cidrs.items) {
        const text = asString(c);
        if (text === undefined) continue;
        const parsed = parseCidr(text.trim());
        if (!parsed.ok) fail(c.pos, `node CIDR of cluster '${name}': ${parsed.message}`, parsed.hint);
        else cluster.nodeCidrs.push(parsed.cidr.text);
      }
    }
    clusters.push(cluster);
  }
  if (clusters.length > 1 && !clusters.some((c) => c.canary)) {
    fail(
      clustersEntry.keyPos,
      `none of the ${clusters.length} clusters is a canary`,
      "write canary: true on the cluster that deploys and is probed before the others",
    );
  }
  out.clusters = clusters;
  return out;
}

/**
 * A cluster with its own `cni` must support everything the environment declares: a port
 * range, SCTP or an FQDN destination its profile lacks is an error at the cluster's `cni:`,
 * naming the first declaration that needs it.
 */
export function checkClusterCapabilities(
  env: PMap,
  clusters: ClusterIntent[],
  namespaces: NamespaceIntent[],
  flows: Flow[],
  fail: Fail,
): void {
  const items = asSeq(get(env, "clusters"))?.items ?? [];
  clusters.forEach((cluster, i) => {
    if (!cluster.cni) return;
    const profile = CNI_PROFILES[cluster.cni];
    const item = asMap(items[i]);
    const at = (item ? get(item, "cni")?.pos : undefined) ?? cluster.source;
    for (const need of unsupported(profile, namespaces, flows)) {
      fail(
        at,
        `cluster '${cluster.name}' runs cni ${profile.name}, which does not support ${need.what}, needed by ${need.by} (${need.source.file}:${need.source.line})`,
        need.note,
      );
    }
  });
}

interface Need {
  what: string;
  by: string;
  source: { file: string; line: number };
  note?: string;
}

/** The first declaration needing each capability `profile` lacks. */
function unsupported(profile: CniProfile, namespaces: NamespaceIntent[], flows: Flow[]): Need[] {
  const needs = new Map<string, Need>();
  const add = (what: string, need: Omit<Need, "what">): void => {
    if (!needs.has(what)) needs.set(what, { what, ...need });
  };
  for (const ns of namespaces) {
    for (const svc of ns.services) {
      for (const p of svc.ports) {
        const by = `service '${ns.name}/${svc.name}'`;
        if (p.endPort !== undefined && !profile.endPortSupported)
          add("port ranges (endPort)", { by, source: p.source });
        if (p.protocol === "SCTP" && !profile.sctpSupported) {
          const note = profile.notes["sctp"];
          add("SCTP", { by, source: p.source, ...(note ? { note } : {}) });
        }
      }
    }
  }
  for (const f of flows) {
    const by = `flow '${f.text}'`;
    if (f.to.kind === "fqdn" && !profile.fqdnEgress) {
      const note = profile.notes["fqdn"];
      add("FQDN egress", { by, source: f.source, ...(note ? { note } : {}) });
    }
    for (const p of f.ports) {
      if (p.endPort !== undefined && !profile.endPortSupported)
        add("port ranges (endPort)", { by, source: f.source });
      if (p.protocol === "SCTP" && !profile.sctpSupported) add("SCTP", { by, source: f.source });
    }
  }
  return [...needs.values()];
}
