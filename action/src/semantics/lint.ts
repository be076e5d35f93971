/**
 * Lint: mistakes that are valid Kubernetes but rarely what was meant, each pointing at the
 * intent line (or policy file) it came from.
 *
 * | code                        | severity | what                                                        |
 * | --------------------------- | -------- | ----------------------------------------------------------- |
 * | missing-default-deny        | warning  | a managed namespace (or one with policies) without default-deny |
 * | egress-without-dns          | error    | egress-isolated pods that cannot reach DNS on 53/UDP        |
 * | dns-tcp-blocked             | error    | DNS on 53/UDP allowed but 53/TCP blocked (large answers fail) |
 * | selector-matches-nothing    | warning  | a service/namespace/DNS selector that matches no pod (inventory) |
 * | policy-selects-nothing      | warning  | a policy whose podSelector selects no pod (inventory)       |
 * | egress-to-everywhere        | warning  | egress to 0.0.0.0/0 or ::/0                                 |
 * | or-peers                    | warning  | namespaceSelector and podSelector as two peers of one rule (OR) where AND was likely meant |
 * | named-port-missing          | error    | a named port no selected destination pod has                |
 * | service-port-not-target-port| error    | an egress port equal to a Service's port but not its targetPort |
 * | rollout-order               | error    | a default-deny not staged after its namespace's allows      |
 * | every-port                  | warning  | a flow or rule that allows every port                        |
 * | undeclared-workload         | warning  | pods of a default-denied namespace that no service selects (inventory) |
 * | isolates-with-allows        | warning  | a hand-written policy that isolates a direction without rules and allows in another |
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
import type { EnvironmentIntent, SourceRef } from "../intent/model.js";
import type { NetworkPolicy, Pod } from "../k8s/types.js";
import { SOURCE_ANNOTATION, type CompiledBundle } from "../compile/types.js";
import type { LintFinding } from "./contracts.js";
import { buildModel, parseSourceAnnotation } from "./model.js";
import { evaluateParties, type Party } from "./evaluate.js";
import { compileSelector } from "./selector.js";
import { parseCidr } from "../k8s/ip.js";
import { syntheticInventory } from "./synthetic-inventory.js";
import { policiesOfBundle } from "./diff.js";
import { formatPolicy } from "./explain.js";
import { isAndMeantOr, orPeersMessage } from "./lint-policies.js";
import { HAND_WRITTEN_PREFIX } from "../intent/policies.js";
import type { HandWrittenPolicy } from "../intent/model.js";

function selectsAny(selector: Record<string, string>, namespace: string, pods: Pod[]): boolean {
  const sel = compileSelector({ matchLabels: selector });
  return pods.some((p) => p.metadata.namespace === namespace && sel.matches(p.metadata.labels ?? {}));
}

/**
 * Lints one environment: its intent, its compiled bundle and, when given, a real inventory
 * of pods, namespaces and Services. Findings are sorted by file, line, column.
 */
export function lintEnvironment(
  env: EnvironmentIntent,
  bundle: CompiledBundle,
  inventory?: LintInventory,
): LintFinding[] {
  const ctx: Ctx = { findings: [], environment: env.name };

  // missing-default-deny
  for (const ns of env.namespaces) {
    if (ns.managed && !ns.defaultDeny) {
      report(
        ctx,
        "warning",
        "missing-default-deny",
        `namespace ${ns.name} is managed without default-deny: pods no flow names keep all their connectivity (remove defaultDeny: false)`,
        ns.source,
      );
    }
  }

  // egress-to-everywhere and every-port, from the flows as written.
  for (const flow of env.flows) {
    if (flow.to.kind === "cidr") {
      const c = parseCidr(flow.to.cidr);
      if (c && c.prefix === 0) {
        report(
          ctx,
          "warning",
          "egress-to-everywhere",
          `flow '${flow.text}' allows egress to every address${env.profile.ipBlockMatchesPodIps ? ", in-cluster pods included on this CNI" : ""}; name the destination's CIDR`,
          flow.source,
        );
      }
    }
    if (flow.ports.length === 0 || flow.ports.some((p) => p.port === undefined)) {
      const what =
        flow.ports.length === 0
          ? "every port of every protocol"
          : `every ${flow.ports.find((p) => p.port === undefined)?.protocol} port`;
      report(
        ctx,
        "warning",
        "every-port",
        `flow '${flow.text}' allows ${what}; list the ports it needs`,
        flow.source,
      );
    }
  }

  for (const ns of env.namespaces) for (const policy of ns.policies ?? []) lintHandWritten(ctx, policy);

  // DNS reachability of every egress-isolated workload, judged by the engine.
  lintDns(ctx, env, bundle, inventory);

  // rollout-order on the staged bundle.
  lintRolloutOrder(ctx, bundle);

  // Checks on the compiled policies against the inventory (real, or the synthetic one).
  const { policies } = policiesOfBundle(bundle);
  const synthetic = syntheticInventory(undefined, env);
  const pods = inventory?.pods ?? synthetic.endpoints.flatMap((e) => (e.pods.head ? [e.pods.head] : []));
  const namespaces = inventory?.namespaces ?? synthetic.namespaces.head;
  lintNamedPorts(ctx, policies, pods, namespaces, env.profile, (p) => originOf(bundle, p));

  if (inventory) {
    const present = new Set(inventory.namespaces.map((n) => n.metadata.name));
    for (const p of inventory.pods) present.add(p.metadata.namespace);
    for (const ns of env.namespaces) {
      if (!present.has(ns.name)) {
        report(
          ctx,
          "warning",
          "selector-matches-nothing",
          `namespace ${ns.name} does not exist in the cluster`,
          ns.source,
        );
        continue;
      }
      for (const svc of ns.services) {
        if (!selectsAny(svc.labels, ns.name, inventory.pods)) {
          report(
            ctx,
            "warning",
            "selector-matches-nothing",
            `service ${ns.name}/${svc.name} selects no pod in the cluster (labels ${labelText(svc.labels)})`,
            svc.source,
          );
        }
      }
    }
    for (const flow of env.flows) {
      for (const e of [flow.from, flow.to]) {
        if (
          e.kind === "namespace" &&
          e.podLabels &&
          present.has(e.namespace) &&
          !selectsAny(e.podLabels, e.namespace, inventory.pods)
        ) {
          report(
            ctx,
            "warning",
            "selector-matches-nothing",
            `no pod of ${e.namespace} has ${labelText(e.podLabels)} (flow '${flow.text}')`,
            flow.source,
          );
        }
      }
    }
    if (!selectsAny(env.dns.podLabels, env.dns.namespace, inventory.pods)) {
      report(
        ctx,
        "warning",
        "selector-matches-nothing",
        `no DNS pod with ${labelText(env.dns.podLabels)} in ${env.dns.namespace}: the DNS allow matches nothing`,
        env.source,
      );
    }
    lintPolicySelection(ctx, policies, inventory, (p) => originOf(bundle, p));
    // Pods of a default-denied namespace that no declared service selects: only DNS is open to them.
    for (const ns of env.namespaces.filter((n) => n.managed && n.defaultDeny)) {
      const selectors = ns.services.map((svc) => compileSelector({ matchLabels: svc.labels }));
      const podLabels = env.flows
        .flatMap((f) => [f.from, f.to])
        .filter((e) => e.kind === "namespace" && e.namespace === ns.name)
        .map((e) => (e.kind === "namespace" ? e.podLabels : undefined));
      const wholeNamespace = podLabels.some((l) => l === undefined || Object.keys(l).length === 0);
      if (wholeNamespace) continue;
      const stray = inventory.pods.filter(
        (p) =>
          p.metadata.namespace === ns.name && !selectors.some((sel) => sel.matches(p.metadata.labels ?? {})),
      );
      if (stray.length === 0) continue;
      const names = stray.slice(0, 3).map((p) => p.metadata.name);
      report(
        ctx,
        "warning",
        "undeclared-workload",
        `${stray.length} pod${stray.length === 1 ? "" : "s"} of ${ns.name} (${names.join(", ")}${stray.length > 3 ? ", …" : ""}) ${stray.length === 1 ? "matches" : "match"} no declared service: default-deny leaves ${stray.length === 1 ? "it" : "them"} only DNS; declare the service and its flows`,
        ns.source,
      );
    }
    if (inventory.services)
      lintServicePorts(ctx, policies, inventory, (p, dir, i, port) =>
        ruleOriginOf(env, bundle, p, dir, i, port),
      );
  }
  return sortFindings(ctx.findings);
}

/** What lint says of policies written by hand, at the rule's own line. */
function lintHandWritten(ctx: Ctx, policy: HandWrittenPolicy): void {
  const name = formatPolicy({ namespace: policy.namespace, name: `${HAND_WRITTEN_PREFIX}${policy.name}` });
  const { spec } = policy;
  const directions = [
    {
      dir: "ingress",
      field: "from",
      rules: (spec.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports })),
    },
    { dir: "egress", field: "to", rules: (spec.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports })) },
  ] as const;
  for (const { dir, field, rules } of directions) {
    rules.forEach((rule, i) => {
      const at = policy.ruleSources[dir][i] ?? policy.source;
      if (rule.peers && isAndMeantOr(rule.peers))
        report(ctx, "warning", "or-peers", orPeersMessage(name, dir, i, field, policy.namespace), at);
      for (const peer of dir === "egress" ? (rule.peers ?? []) : []) {
        const c = peer.ipBlock ? parseCidr(peer.ipBlock.cidr) : undefined;
        if (c?.prefix === 0)
          report(
            ctx,
            "warning",
            "egress-to-everywhere",
            `${name} egress rule ${i + 1} allows egress to ${peer.ipBlock?.cidr} (every address); name the destination's CIDR`,
            at,
          );
      }
      if ((rule.ports ?? []).length === 0 && (rule.peers ?? []).length > 0)
        report(
          ctx,
          "warning",
          "every-port",
          `${name} ${dir} rule ${i + 1} allows every port and protocol; list the ports`,
          at,
        );
    });
  }
  // networking/v1 defaulting: Ingress always, Egress when there are egress rules.
  const types =
    spec.policyTypes && spec.policyTypes.length > 0
      ? spec.policyTypes
      : (spec.egress ?? []).length > 0
        ? ["Ingress", "Egress"]
        : ["Ingress"];
  const ruleCount = (t: string): number => (t === "Ingress" ? spec.ingress : spec.egress)?.length ?? 0;
  const ruleless = types.filter((t) => ruleCount(t) === 0);
  if (ruleless.length > 0 && ruleless.length < types.length) {
    const cut = ruleless.map((t) => t.toLowerCase()).join(" and ");
    report(
      ctx,
      "warning",
      "isolates-with-allows",
      `${name} isolates ${cut} without any ${cut} rule while it allows traffic: it goes out with the allows, before the default-deny, and cuts that ${cut} from then on; split it into a policy that allows and one that only isolates`,
      policy.source,
    );
  }
}

function originOf(bundle: CompiledBundle, policy: NetworkPolicy): SourceRef | undefined {
  const obj = bundle.objects.find((o) => o.manifest === policy);
  return obj?.origins[0] ?? parseSourceAnnotation(policy.metadata.annotations?.[SOURCE_ANNOTATION]);
}

/** The intent line behind a rule: the flow that names `port`, when several flows share the rule. */
function ruleOriginOf(
  env: EnvironmentIntent,
  bundle: CompiledBundle,
  policy: NetworkPolicy,
  dir: "ingress" | "egress",
  index: number,
  port?: number,
): SourceRef | undefined {
  const obj = bundle.objects.find((o) => o.manifest === policy);
  const origins = obj?.ruleOrigins?.[dir][index] ?? [];
  const byPort = origins.find((o) =>
    env.flows.some(
      (f) =>
        f.source.file === o.file &&
        f.source.line === o.line &&
        f.source.column === o.column &&
        f.ports.some(
          (p) =>
            p.port !== undefined && port !== undefined && port >= p.port && port <= (p.endPort ?? p.port),
        ),
    ),
  );
  return byPort ?? origins[0] ?? originOf(bundle, policy);
}

function lintDns(
  ctx: Ctx,
  env: EnvironmentIntent,
  bundle: CompiledBundle,
  inventory: LintInventory | undefined,
): void {
  const synthetic = syntheticInventory(undefined, env);
  const { policies, ciliumPolicies } = policiesOfBundle(bundle);
  const dnsLabel = `${env.dns.namespace}/${env.dns.podLabels["k8s-app"] ?? "dns"}`;
  const dnsPod = synthetic.endpoints.find((e) => e.kind === "dns" || e.label === dnsLabel)?.pods.head;
  // The synthetic pods stand for the workloads; the real inventory (when given) adds nothing
  // here because the verdict depends on labels and namespaces only, which the intent declares.
  void inventory;
  if (!dnsPod) return;
  const model = buildModel({
    pods: synthetic.endpoints.flatMap((e) => (e.pods.head ? [e.pods.head] : [])),
    namespaces: synthetic.namespaces.head,
    policies,
    ciliumPolicies,
    profile: env.profile,
  });
  const dnsInfo = model.podsByKey.get(`${dnsPod.metadata.namespace}/${dnsPod.metadata.name}`);
  if (!dnsInfo) return;
  const dnsParty: Party = { kind: "pod", group: dnsInfo.group, name: dnsLabel, pod: dnsInfo };
  const managed = new Map(env.namespaces.filter((n) => n.managed).map((n) => [n.name, n]));
  for (const e of synthetic.endpoints) {
    const pod = e.pods.head;
    if (!pod || e.kind === "dns" || e.kind === "other-namespace") continue;
    const ns = managed.get(pod.metadata.namespace);
    if (!ns) continue;
    const info = model.podsByKey.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
    if (!info) continue;
    const self: Party = { kind: "pod", group: info.group, name: e.label, pod: info };
    const udp = evaluateParties(model, self, dnsParty, 53, "UDP", undefined);
    const tcp = evaluateParties(model, self, dnsParty, 53, "TCP", undefined);
    const service = ns.services.find((s) => `${ns.name}/${s.name}` === e.label);
    const source = service?.source ?? ns.source;
    if (!udp.allowed && udp.egress.outcome === "denied") {
      report(
        ctx,
        "error",
        "egress-without-dns",
        `${e.description} is egress-isolated (by ${udp.egress.isolatedBy.map(formatPolicy).join(", ")}) but cannot reach DNS (${dnsLabel} on 53/UDP): every name lookup will fail${ns.defaultDeny ? "" : "; namespaces without default-deny get no allow-dns"}`,
        source,
      );
    } else if (udp.allowed && !tcp.allowed && tcp.egress.outcome === "denied") {
      // A connection this blocks is an error, not a warning (large DNS answers fail).
      report(
        ctx,
        "error",
        "dns-tcp-blocked",
        `${e.description} reaches DNS on 53/UDP but not 53/TCP: answers too large for UDP will fail`,
        source,
      );
    }
  }
}
