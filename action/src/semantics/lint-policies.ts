/**
 * Lint of NetworkPolicies that did not come from the intent (a cluster's, a hand-written
 * file's); the codes are those of `lint.ts`.
 */
import {
  labelText,
  lintNamedPorts,
  lintPolicySelection,
  lintRolloutOrder,
  lintServicePorts,
  report,
  sortFindings,
  type Ctx,
  type LintInventory,
} from "./lint-checks.js";
import type { SourceRef } from "../intent/model.js";
import type { LabelSelector, Namespace, NetworkPolicy, NetworkPolicyPeer, Pod } from "../k8s/types.js";
import { type CniProfile } from "../cni/profiles.js";
import { SOURCE_ANNOTATION, STAGE_LABEL, type RolloutStage } from "../compile/types.js";
import type { LintFinding } from "./contracts.js";
import { buildModel, parseSourceAnnotation, type PolicyInput } from "./model.js";
import { evaluateParties, type Party } from "./evaluate.js";
import { compileSelector } from "./selector.js";
import { parseCidr } from "../k8s/ip.js";
import { formatPolicy } from "./explain.js";

export interface LintPoliciesOptions {
  profile: CniProfile;
  inventory?: LintInventory;
  /** Where each policy was read (file:line of its document). */
  sources?: ReadonlyMap<object, SourceRef>;
  /** DNS pods, when not `k8s-app=kube-dns` in kube-system. */
  dns?: { namespace: string; podLabels: Record<string, string> };
}

export function isAndMeantOr(peers: NetworkPolicyPeer[]): boolean {
  const nsOnly = peers.some((p) => p.namespaceSelector && !p.podSelector && !p.ipBlock);
  const podOnly = peers.some(
    (p) => p.podSelector && !p.namespaceSelector && !p.ipBlock && !isEmpty(p.podSelector),
  );
  return nsOnly && podOnly;
}

function isEmpty(sel: LabelSelector | undefined): boolean {
  return (
    !sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0)
  );
}

/**
 * Lints NetworkPolicies that did not come from the intent (a cluster's, a hand-written
 * file's). Uses the stage label (netpol-rollout.io/stage) for the rollout-order check when
 * present, and the inventory, when given, for the checks that need pods.
 */
export function lintPolicies(
  policies: (NetworkPolicy | PolicyInput)[],
  options: LintPoliciesOptions,
): LintFinding[] {
  const ctx: Ctx = { findings: [] };
  const nps = policies.map((p) => (p as PolicyInput).policy ?? (p as NetworkPolicy));
  const sourceOf = (np: NetworkPolicy): SourceRef | undefined =>
    options.sources?.get(np) ?? parseSourceAnnotation(np.metadata.annotations?.[SOURCE_ANNOTATION]);
  const name = (np: NetworkPolicy): string =>
    formatPolicy({ namespace: np.metadata.namespace ?? "default", name: np.metadata.name });

  const byNamespace = new Map<string, NetworkPolicy[]>();
  for (const np of nps) {
    const ns = np.metadata.namespace ?? "default";
    byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), np]);
  }

  for (const np of nps) {
    (np.spec.ingress ?? []).forEach((rule, i) => {
      if (rule.from && isAndMeantOr(rule.from)) {
        report(
          ctx,
          "warning",
          "or-peers",
          orPeersMessage(name(np), "ingress", i, "from", np.metadata.namespace ?? "default"),
          sourceOf(np),
        );
      }
      if (!rule.ports || rule.ports.length === 0) {
        if (rule.from && rule.from.length > 0)
          report(
            ctx,
            "warning",
            "every-port",
            `${name(np)} ingress rule ${i + 1} allows every port and protocol; list the ports`,
            sourceOf(np),
          );
      }
    });
    (np.spec.egress ?? []).forEach((rule, i) => {
      if (rule.to && isAndMeantOr(rule.to)) {
        report(
          ctx,
          "warning",
          "or-peers",
          orPeersMessage(name(np), "egress", i, "to", np.metadata.namespace ?? "default"),
          sourceOf(np),
        );
      }
      for (const peer of rule.to ?? []) {
        const c = peer.ipBlock ? parseCidr(peer.ipBlock.cidr) : undefined;
        if (c && c.prefix === 0) {
          report(
            ctx,
            "warning",
            "egress-to-everywhere",
            `${name(np)} egress rule ${i + 1} allows egress to ${peer.ipBlock?.cidr} (every address); name the destination's CIDR`,
            sourceOf(np),
          );
        }
      }
      if ((!rule.ports || rule.ports.length === 0) && rule.to && rule.to.length > 0) {
        report(
          ctx,
          "warning",
          "every-port",
          `${name(np)} egress rule ${i + 1} allows every port and protocol; list the ports`,
          sourceOf(np),
        );
      }
    });
  }

  // missing-default-deny: a namespace with policies but nothing isolating all its pods both ways.
  for (const [ns, list] of byNamespace) {
    const all = list.filter((np) => isEmpty(np.spec.podSelector));
    const types = new Set(all.flatMap((np) => effectiveTypes(np)));
    if (!types.has("Ingress") || !types.has("Egress")) {
      const missing = ["Ingress", "Egress"].filter((t) => !types.has(t)).join(" and ");
      report(
        ctx,
        "warning",
        "missing-default-deny",
        `namespace ${ns} has policies but no default-deny for ${missing}: pods no policy selects keep that connectivity`,
        sourceOf(list[0] as NetworkPolicy),
      );
    }
  }

  // rollout-order from the stage label.
  const stageOf = (np: NetworkPolicy): RolloutStage | undefined => {
    const s = np.metadata.labels?.[STAGE_LABEL];
    return s === "allow" || s === "deny" ? s : undefined;
  };
  if (nps.some((np) => stageOf(np) !== undefined)) {
    lintRolloutOrder(ctx, {
      environment: "",
      cni: options.profile.name,
      objects: nps.map((np) => {
        const src = sourceOf(np);
        return { stage: stageOf(np) ?? "allow", manifest: np, origins: src ? [src] : [] };
      }),
    });
  }

  // DNS reachability of egress-isolated pods.
  const dns = options.dns ?? { namespace: "kube-system", podLabels: { "k8s-app": "kube-dns" } };
  lintPoliciesDns(ctx, policies, options, dns, sourceOf);

  if (options.inventory) {
    lintPolicySelection(ctx, policies, options.inventory, sourceOf);
    lintNamedPorts(
      ctx,
      policies,
      options.inventory.pods,
      options.inventory.namespaces,
      options.profile,
      sourceOf,
    );
    if (options.inventory.services) lintServicePorts(ctx, policies, options.inventory, (np) => sourceOf(np));
  }
  return sortFindings(ctx.findings);
}

function effectiveTypes(np: NetworkPolicy): string[] {
  const types = np.spec.policyTypes ?? [];
  if (types.length > 0) return types;
  return (np.spec.egress ?? []).length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
}

export function orPeersMessage(
  policy: string,
  dir: string,
  index: number,
  field: string,
  ns: string,
): string {
  return `${policy} ${dir} rule ${index + 1} has a namespaceSelector and a podSelector as separate '${field}' peers, which are ORed: every pod of the selected namespaces, OR the selected pods of ${ns}. To require both, put them in one peer (one list item)`;
}

function lintPoliciesDns(
  ctx: Ctx,
  policies: (NetworkPolicy | PolicyInput)[],
  options: LintPoliciesOptions,
  dns: { namespace: string; podLabels: Record<string, string> },
  sourceOf: (np: NetworkPolicy) => SourceRef | undefined,
): void {
  const inventory = options.inventory;
  // Without an inventory: one pod per egress-isolating policy, with the labels its podSelector requires.
  const pods: Pod[] = inventory ? [...inventory.pods] : [];
  const namespaces: Namespace[] = inventory ? [...inventory.namespaces] : [];
  const nps = policies.map((p) => (p as PolicyInput).policy ?? (p as NetworkPolicy));
  if (!inventory) {
    nps.forEach((np, i) => {
      pods.push({
        metadata: {
          namespace: np.metadata.namespace ?? "default",
          name: `lint-${i}`,
          labels: { ...np.spec.podSelector?.matchLabels },
        },
      });
    });
  }
  let dnsPods = pods.filter(
    (p) =>
      p.metadata.namespace === dns.namespace &&
      compileSelector({ matchLabels: dns.podLabels }).matches(p.metadata.labels ?? {}),
  );
  if (dnsPods.length === 0) {
    const pod: Pod = {
      metadata: { namespace: dns.namespace, name: "lint-dns", labels: { ...dns.podLabels } },
    };
    pods.push(pod);
    dnsPods = [pod];
  }
  const model = buildModel({ pods, namespaces, policies, profile: options.profile });
  const dnsPod = dnsPods[0] as Pod;
  const dnsInfo = model.podsByKey.get(`${dnsPod.metadata.namespace}/${dnsPod.metadata.name}`);
  if (!dnsInfo) return;
  const dnsParty: Party = { kind: "pod", group: dnsInfo.group, name: dnsInfo.key, pod: dnsInfo };
  // Without a known DNS pod IP, assume the most favourable one: every ipBlock contains it.
  // The finding is then certain: no rule can reach DNS whatever its address.
  const ipUnknown = dnsInfo.ips.length === 0;
  if (ipUnknown) {
    dnsInfo.group.ipBlocksByFamily = {
      4: new Set(model.ipBlocks.filter((b) => b.cidr.family === 4).map((b) => b.id)),
      6: new Set(model.ipBlocks.filter((b) => b.cidr.family === 6).map((b) => b.id)),
    };
  }
  const reported = new Set<string>();
  for (const group of model.groups) {
    if (group === dnsInfo.group) continue;
    const member = group.members[0];
    if (!member) continue;
    const self: Party = { kind: "pod", group, name: member.key, pod: member };
    const udp = evaluateParties(model, self, dnsParty, 53, "UDP", ipUnknown ? 4 : undefined);
    if (udp.egress.outcome !== "denied") continue;
    if (ipUnknown && evaluateParties(model, self, dnsParty, 53, "UDP", 6).egress.outcome !== "denied")
      continue;
    const first = udp.egress.isolatedBy[0];
    const np = nps.find(
      (p) => p.metadata.name === first?.name && (p.metadata.namespace ?? "default") === first?.namespace,
    );
    const key = udp.egress.isolatedBy.map(formatPolicy).join(",");
    if (reported.has(key)) continue;
    reported.add(key);
    report(
      ctx,
      "error",
      "egress-without-dns",
      `pods like ${inventory ? member.key : `those of ${first ? formatPolicy(first) : "?"}`} are egress-isolated (by ${udp.egress.isolatedBy.map(formatPolicy).join(", ")}) but cannot reach DNS (${dns.namespace} ${labelText(dns.podLabels)} on 53/UDP)`,
      np ? sourceOf(np) : undefined,
    );
  }
}
