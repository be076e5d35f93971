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
 */
import type { EnvironmentIntent, SourceRef } from "../intent/model.js";
import type {
  LabelSelector,
  Namespace,
  NetworkPolicy,
  NetworkPolicyPeer,
  Pod,
  Protocol,
  ServiceObject,
} from "../k8s/types.js";
import { CNI_PROFILES, type CniProfile } from "../cni/profiles.js";
import { STAGE_LABEL, type CompiledBundle, type RolloutStage } from "../compile/types.js";
import type { LintFinding, Severity } from "./contracts.js";
import { buildModel, parseSourceAnnotation, type PolicyInput } from "./model.js";
import { evaluateParties, type Party } from "./evaluate.js";
import { compileSelector } from "./selector.js";
import { parseCidr } from "./ip.js";
import { syntheticInventory } from "./inventory.js";
import { policiesOfBundle } from "./diff.js";
import { formatPolicy } from "./explain.js";

export interface LintInventory {
  pods: Pod[];
  namespaces: Namespace[];
  services?: ServiceObject[];
}

interface Ctx {
  findings: LintFinding[];
  environment?: string;
}

function report(
  ctx: Ctx,
  severity: Severity,
  code: string,
  message: string,
  source: SourceRef | undefined,
): void {
  ctx.findings.push({
    severity,
    code,
    message,
    ...(ctx.environment !== undefined ? { environment: ctx.environment } : {}),
    ...(source ? { source } : {}),
  });
}

function sortFindings(list: LintFinding[]): LintFinding[] {
  const seen = new Set<string>();
  const unique = list.filter((f) => {
    const k = `${f.code}|${f.message}|${f.source ? `${f.source.file}:${f.source.line}:${f.source.column}` : ""}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return unique.sort(
    (a, b) =>
      (a.source?.file ?? "").localeCompare(b.source?.file ?? "") ||
      (a.source?.line ?? 0) - (b.source?.line ?? 0) ||
      (a.source?.column ?? 0) - (b.source?.column ?? 0) ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
}

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

function originOf(bundle: CompiledBundle, policy: NetworkPolicy): SourceRef | undefined {
  const obj = bundle.objects.find((o) => o.manifest === policy);
  return obj?.origins[0] ?? parseSourceAnnotation(policy.metadata.annotations?.["netpol-rollout.io/source"]);
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

function lintRolloutOrder(ctx: Ctx, bundle: CompiledBundle): void {
  for (const obj of bundle.objects) {
    if (obj.manifest.kind !== "NetworkPolicy") continue;
    const np = obj.manifest;
    const isDefaultDeny =
      Object.keys(np.spec.podSelector ?? {}).length === 0 &&
      (np.spec.ingress ?? []).length === 0 &&
      (np.spec.egress ?? []).length === 0;
    const ns = np.metadata.namespace ?? "default";
    if (isDefaultDeny && obj.stage !== "deny") {
      report(
        ctx,
        "error",
        "rollout-order",
        `${formatPolicy({ namespace: ns, name: np.metadata.name })} isolates every pod of ${ns} but is in the ${obj.stage} stage: it would apply before (or with) the allows`,
        obj.origins[0],
      );
    }
    if (!isDefaultDeny && obj.stage === "deny") {
      report(
        ctx,
        "error",
        "rollout-order",
        `${formatPolicy({ namespace: ns, name: np.metadata.name })} allows traffic but is in the deny stage: pods of ${ns} would be isolated before it applies`,
        obj.origins[0],
      );
    }
  }
  const denyNamespaces = new Set(
    bundle.objects.filter((o) => o.stage === "deny").map((o) => o.manifest.metadata.namespace ?? "default"),
  );
  for (const ns of denyNamespaces) {
    const hasDns = bundle.objects.some(
      (o) =>
        o.stage === "allow" &&
        o.manifest.kind === "NetworkPolicy" &&
        o.manifest.metadata.namespace === ns &&
        (o.manifest.spec.egress ?? []).some((r) => (r.ports ?? []).some((p) => p.port === 53)),
    );
    if (!hasDns) {
      const deny = bundle.objects.find((o) => o.stage === "deny" && o.manifest.metadata.namespace === ns);
      report(
        ctx,
        "error",
        "rollout-order",
        `namespace ${ns} is default-denied with no DNS allow in an earlier stage`,
        deny?.origins[0],
      );
    }
  }
}

/** A named port (ingress: on the selected pods; egress: on the peer pods) that no pod has. */
function lintNamedPorts(
  ctx: Ctx,
  policies: (NetworkPolicy | PolicyInput)[],
  pods: Pod[],
  namespaces: Namespace[],
  profile: CniProfile,
  sourceOf: (p: NetworkPolicy) => SourceRef | undefined,
): void {
  const model = buildModel({ pods, namespaces, policies, profile });
  for (const policy of model.policies) {
    const np = policy.original as NetworkPolicy;
    for (const dir of ["ingress", "egress"] as const) {
      for (const rule of policy[dir]) {
        for (const port of rule.ports ?? []) {
          if (port.name === undefined) continue;
          const candidates =
            dir === "ingress"
              ? model.pods.filter(
                  (p) => p.namespace === policy.namespace && policy.podSelector.matches(p.labels),
                )
              : model.pods.filter((p) =>
                  (
                    rule.peers ?? [
                      {
                        kind: "pods" as const,
                        policyNamespace: policy.namespace,
                        namespaceSelector: compileSelector({}),
                      },
                    ]
                  ).some(
                    (peer) =>
                      peer.kind === "pods" &&
                      (peer.namespaceSelector
                        ? peer.namespaceSelector.matches(p.group.namespace.labels)
                        : p.namespace === peer.policyNamespace) &&
                      (peer.podSelector ? peer.podSelector.matches(p.labels) : true),
                  ),
                );
          const has = candidates.some((p) =>
            p.ports.some((cp) => cp.name === port.name && (cp.protocol ?? "TCP") === port.protocol),
          );
          if (candidates.length > 0 && !has) {
            report(
              ctx,
              "error",
              "named-port-missing",
              `${formatPolicy(policy)} ${dir} rule ${rule.index + 1} names port '${port.name}' (${port.protocol}), which no ${dir === "ingress" ? "selected" : "destination"} pod declares: the rule matches nothing on it`,
              sourceOf(np),
            );
          }
        }
      }
    }
  }
}

function lintPolicySelection(
  ctx: Ctx,
  policies: (NetworkPolicy | PolicyInput)[],
  inventory: LintInventory,
  sourceOf: (p: NetworkPolicy) => SourceRef | undefined,
): void {
  for (const input of policies) {
    const np = (input as PolicyInput).policy ?? (input as NetworkPolicy);
    const sel = compileSelector(np.spec.podSelector ?? {});
    const ns = np.metadata.namespace ?? "default";
    if (sel.matchesAll) continue;
    if (!inventory.pods.some((p) => p.metadata.namespace === ns && sel.matches(p.metadata.labels ?? {}))) {
      report(
        ctx,
        "warning",
        "policy-selects-nothing",
        `${formatPolicy({ namespace: ns, name: np.metadata.name })} selects no pod (podSelector ${sel.text} in ${ns}): it has no effect`,
        sourceOf(np),
      );
    }
  }
}

/** Resolves a Service's targetPort on a pod: a number, or a container port name. */
function targetPortOn(
  pod: Pod,
  target: number | string | undefined,
  port: number,
  protocol: Protocol,
): number | undefined {
  if (target === undefined) return port;
  if (typeof target === "number") return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? [])
    for (const p of c.ports ?? [])
      if (p.name === target && (p.protocol ?? "TCP") === protocol) return p.containerPort;
  return undefined;
}

function lintServicePorts(
  ctx: Ctx,
  policies: (NetworkPolicy | PolicyInput)[],
  inventory: LintInventory,
  sourceOf: (
    p: NetworkPolicy,
    dir: "ingress" | "egress",
    index: number,
    port: number,
  ) => SourceRef | undefined,
): void {
  const services = inventory.services ?? [];
  const model = buildModel({
    pods: inventory.pods,
    namespaces: inventory.namespaces,
    policies,
    // Service ports vs target ports do not depend on CNI behaviour.
    profile: CNI_PROFILES.generic,
  });
  for (const policy of model.policies) {
    const np = policy.original as NetworkPolicy;
    policy.egress.forEach((rule) => {
      if (!rule.peers) return;
      const destinations = model.pods.filter((p) =>
        (rule.peers ?? []).some(
          (peer) =>
            peer.kind === "pods" &&
            (peer.namespaceSelector
              ? peer.namespaceSelector.matches(p.group.namespace.labels)
              : p.namespace === peer.policyNamespace) &&
            (peer.podSelector ? peer.podSelector.matches(p.labels) : true),
        ),
      );
      for (const port of rule.ports ?? []) {
        if (port.port === undefined) continue;
        for (const svc of services) {
          const selector = svc.spec?.selector;
          if (!selector || Object.keys(selector).length === 0) continue;
          const sel = compileSelector({ matchLabels: selector });
          const backends = destinations.filter(
            (d) => d.namespace === svc.metadata.namespace && sel.matches(d.labels),
          );
          const first = backends[0];
          if (!first) continue;
          for (const sp of svc.spec?.ports ?? []) {
            if (sp.port !== port.port || (sp.protocol ?? "TCP") !== port.protocol) continue;
            const podPod = inventory.pods.find(
              (p) => `${p.metadata.namespace}/${p.metadata.name}` === first.key,
            );
            const target = podPod ? targetPortOn(podPod, sp.targetPort, sp.port, port.protocol) : undefined;
            if (
              target !== undefined &&
              target !== sp.port &&
              !(rule.ports ?? []).some((q) => q.port === target)
            ) {
              // The connection is blocked: an error, like every finding that says so.
              report(
                ctx,
                "error",
                "service-port-not-target-port",
                `${formatPolicy(policy)} egress rule ${rule.index + 1} allows port ${sp.port}, the port of Service ${svc.metadata.namespace}/${svc.metadata.name}; NetworkPolicy sees the pod's port ${target} (targetPort), so the connection is blocked: allow ${target}`,
                sourceOf(np, "egress", rule.index, sp.port),
              );
            }
          }
        }
      }
    });
  }
}

// --- hand-written policies ----------------------------------------------------------------------

export interface LintPoliciesOptions {
  profile: CniProfile;
  inventory?: LintInventory;
  /** Where each policy was read (file:line of its document). */
  sources?: ReadonlyMap<object, SourceRef>;
  /** DNS pods, when not `k8s-app=kube-dns` in kube-system. */
  dns?: { namespace: string; podLabels: Record<string, string> };
}

function isAndMeantOr(peers: NetworkPolicyPeer[]): boolean {
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
    options.sources?.get(np) ?? parseSourceAnnotation(np.metadata.annotations?.["netpol-rollout.io/source"]);
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

function orPeersMessage(policy: string, dir: string, index: number, field: string, ns: string): string {
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
