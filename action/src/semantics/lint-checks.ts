/**
 * What both lints share: the findings context and its ordering, and the checks that read
 * NetworkPolicies whatever wrote them (rollout order, named ports, policies selecting
 * nothing, Service ports). `lint.ts` lints the intent; `lint-policies.ts` hand-written policies.
 */
import type { SourceRef } from "../intent/model.js";
import type { LabelSelector, Namespace, NetworkPolicy, Pod, Protocol, ServiceObject } from "../k8s/types.js";
import { CNI_PROFILES, type CniProfile } from "../cni/profiles.js";
import { type CompiledBundle } from "../compile/types.js";
import type { LintFinding, Severity } from "./contracts.js";
import { buildModel, type PolicyInput } from "./model.js";
import { compileSelector } from "./selector.js";
import { formatPolicy } from "./explain.js";

export interface LintInventory {
  pods: Pod[];
  namespaces: Namespace[];
  services?: ServiceObject[];
}

export interface Ctx {
  findings: LintFinding[];
  environment?: string;
}

export function report(
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

export function sortFindings(list: LintFinding[]): LintFinding[] {
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

export function labelText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
}

export function lintRolloutOrder(ctx: Ctx, bundle: CompiledBundle): void {
  for (const obj of bundle.objects) {
    if (obj.manifest.kind !== "NetworkPolicy") continue;
    const np = obj.manifest;
    // A policy without rules only isolates: it belongs after the allows.
    const isDeny = (np.spec.ingress ?? []).length === 0 && (np.spec.egress ?? []).length === 0;
    const everyPod = isEmptySelector(np.spec.podSelector);
    const ns = np.metadata.namespace ?? "default";
    const name = formatPolicy({ namespace: ns, name: np.metadata.name });
    if (isDeny && obj.stage !== "deny") {
      report(
        ctx,
        "error",
        "rollout-order",
        everyPod
          ? `${name} isolates every pod of ${ns} but is in the ${obj.stage} stage: it would apply before (or with) the allows`
          : `${name} isolates pods of ${ns} and allows nothing, but is in the ${obj.stage} stage: it would apply before (or with) the allows`,
        obj.origins[0],
      );
    }
    if (!isDeny && obj.stage === "deny") {
      report(
        ctx,
        "error",
        "rollout-order",
        `${name} allows traffic but is in the deny stage: pods of ${ns} would be isolated before it applies`,
        obj.origins[0],
      );
    }
  }
  // Namespaces whose deny stage isolates egress need DNS allowed before it.
  const denyNamespaces = new Set(
    bundle.objects
      .filter((o) => o.stage === "deny" && isolatesEgress(o.manifest))
      .map((o) => o.manifest.metadata.namespace ?? "default"),
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
      const deny = bundle.objects.find(
        (o) => o.stage === "deny" && o.manifest.metadata.namespace === ns && isolatesEgress(o.manifest),
      );
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

function isEmptySelector(sel: LabelSelector | undefined): boolean {
  return Object.keys(sel?.matchLabels ?? {}).length === 0 && (sel?.matchExpressions ?? []).length === 0;
}

/** Whether a deny object isolates egress (policyTypes as the API server defaults them). */
function isolatesEgress(manifest: CompiledBundle["objects"][number]["manifest"]): boolean {
  if (manifest.kind !== "NetworkPolicy") return false;
  const types = manifest.spec.policyTypes ?? [];
  return types.length === 0 ? (manifest.spec.egress ?? []).length > 0 : types.includes("Egress");
}

/** A named port (ingress: on the selected pods; egress: on the peer pods) that no pod has. */
export function lintNamedPorts(
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

export function lintPolicySelection(
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

export function lintServicePorts(
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
