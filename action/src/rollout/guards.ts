/**
 * Optional guards around the rollout, off by default. Pure builders of plain Kubernetes
 * objects; the program registers them.
 *
 * - monitoring: a PrometheusRule that alerts on packets dropped by policy. Only the cilium
 *   profile has such a metric in the open-source CNI: Cilium's agent counts drops in
 *   `cilium_drop_count_total` with the reason label `Policy denied` (the article's
 *   `reason="POLICY_DENIED"` is the spelling of Hubble's `hubble_drop_total`, so its alert
 *   never fires on the agent metric). Calico Open Source Felix exports no denied-packet
 *   metric (`calico_denied_packets` is a Calico Enterprise/Cloud feature), and the generic
 *   profile knows nothing of the CNI, so those get a warning instead of a rule.
 * - kyverno: ClusterPolicies that (a) require `default-deny-all` in every namespace this
 *   environment default-denies, (b) give new namespaces `allow-dns` + `default-deny-all`,
 *   and (c) report pods that no NetworkPolicy selects; plus the aggregated ClusterRoles
 *   Kyverno's controllers need to read and generate NetworkPolicies.
 */
import type { CompiledBundle } from "../compile/types.js";
import { ENVIRONMENT_LABEL, MANAGED_BY_LABEL, MANAGED_BY_VALUE } from "../compile/types.js";
import { ALLOW_DNS_NAME, DEFAULT_DENY_NAME } from "../compile/compile.js";
import type { CniProfileName } from "../cni/profiles.js";
import type { NetworkPolicySpec } from "../k8s/types.js";
import { isKubeNamespace } from "../intent/model.js";
import type { DeployStage } from "./stages.js";
import type { KyvernoAction } from "./config.js";

export interface GuardResource {
  /** Pulumi logical name: `<namespace>/<name>` or, for cluster-scoped objects, `<name>`. */
  logicalName: string;
  apiVersion: string;
  kind: string;
  manifest: { apiVersion: string; kind: string; metadata: GuardMetadata } & Record<string, unknown>;
}

interface GuardMetadata {
  name: string;
  namespace?: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface GuardPlan {
  resources: GuardResource[];
  /** Said with pulumi.log.warn: a guard that was asked for and cannot be provided. */
  warnings: string[];
  /** Said with pulumi.log.info. */
  notes: string[];
}

export interface GuardOptions {
  environment: string;
  cni: CniProfileName;
  stage: DeployStage;
  excludedNamespaces: readonly string[];
  monitoring: { enabled: boolean; namespace: string; labels: Record<string, string> };
  kyverno: { enabled: boolean; action: KyvernoAction };
}

export const GENERATED_BY_LABEL = "netpol-rollout.io/generated-by";

/** Cilium's agent metric of dropped packets, and its reason for a policy drop. */
export const CILIUM_POLICY_DROP_EXPR =
  'sum by (direction) (rate(cilium_drop_count_total{reason="Policy denied"}[5m])) > 0';

/** Plans the guards `source` (the full bundle, before stage selection) asks for. */
export function planGuards(source: CompiledBundle, options: GuardOptions): GuardPlan {
  const plan: GuardPlan = { resources: [], warnings: [], notes: [] };
  if (options.monitoring.enabled) addMonitoring(plan, options);
  if (options.kyverno.enabled) addKyverno(plan, source, options);
  return plan;
}

function ourLabels(environment: string): Record<string, string> {
  return { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE, [ENVIRONMENT_LABEL]: environment };
}

function addMonitoring(plan: GuardPlan, options: GuardOptions): void {
  if (options.cni !== "cilium") {
    const why =
      options.cni === "calico"
        ? "Calico Open Source exports no denied-packet metric (calico_denied_packets exists only in Calico Enterprise and Calico Cloud)"
        : options.cni === "kube-router"
          ? "kube-router exports no per-policy denied-packet metric"
          : "the generic profile does not know which CNI enforces the policies, so there is no metric to alert on";
    plan.warnings.push(
      `netpol-rollout:monitoring is on, but the policy-drop alert is not available for profile ${options.cni}: ${why}. No PrometheusRule was registered.`,
    );
    return;
  }
  const name = `netpol-rollout-${options.environment}-policy-drops`;
  const namespace = options.monitoring.namespace;
  plan.resources.push({
    logicalName: `${namespace}/${name}`,
    apiVersion: "monitoring.coreos.com/v1",
    kind: "PrometheusRule",
    manifest: {
      apiVersion: "monitoring.coreos.com/v1",
      kind: "PrometheusRule",
      metadata: {
        name,
        namespace,
        labels: { ...options.monitoring.labels, ...ourLabels(options.environment) },
      },
      spec: {
        groups: [
          {
            name: "netpol-rollout-network-policy",
            rules: [
              {
                alert: "NetworkPolicyDrop",
                expr: CILIUM_POLICY_DROP_EXPR,
                for: "5m",
                labels: { severity: "warning", environment: options.environment },
                annotations: {
                  summary: "Network policy is dropping {{ $labels.direction }} traffic",
                  description:
                    "Cilium has dropped packets for policy reasons for 5 minutes. A new service or dependency may need a flow in policies/; " +
                    "`hubble observe --verdict DROPPED` shows which pods. cilium_drop_count_total carries no namespace of the dropped packet; " +
                    'enable Hubble metrics (hubble_drop_total{reason="POLICY_DENIED"} with labelsContext) for per-namespace alerts.',
                },
              },
            ],
          },
        ],
      },
    },
  });
}

function addKyverno(plan: GuardPlan, source: CompiledBundle, options: GuardOptions): void {
  const env = options.environment;
  const labels = ourLabels(env);
  const denyNamespaces = unique(
    source.objects
      .filter((o) => o.manifest.metadata.name === DEFAULT_DENY_NAME)
      .map((o) => o.manifest.metadata.namespace ?? ""),
  ).filter((n) => n !== "");
  const known = unique([
    ...source.objects.map((o) => o.manifest.metadata.namespace ?? ""),
    ...source.objects.flatMap((o) => referencedNamespaces(o.manifest.spec)),
    ...options.excludedNamespaces,
  ])
    .filter((n) => n !== "" && !isKubeNamespace(n))
    .sort();

  // Kyverno's controllers read NetworkPolicies for the apiCall contexts and create them for
  // the generate rules; its default roles do not include them. Aggregated ClusterRoles are
  // how Kyverno expects extra permissions to be granted.
  plan.resources.push(
    clusterRole(`netpol-rollout-${env}-kyverno-read-networkpolicies`, labels, ["get", "list", "watch"], {
      "rbac.kyverno.io/aggregate-to-admission-controller": "true",
      "rbac.kyverno.io/aggregate-to-reports-controller": "true",
      "rbac.kyverno.io/aggregate-to-background-controller": "true",
    }),
    clusterRole(
      `netpol-rollout-${env}-kyverno-generate-networkpolicies`,
      labels,
      ["create", "update", "patch", "delete"],
      { "rbac.kyverno.io/aggregate-to-background-controller": "true" },
    ),
  );

  // (a) Require default-deny-all where this environment default-denies.
  if (denyNamespaces.length > 0) {
    const action: KyvernoAction = options.stage === "allow" ? "Audit" : options.kyverno.action;
    if (options.stage === "allow" && options.kyverno.action === "Enforce") {
      plan.notes.push(
        "stage allow removes default-deny-all on purpose, so the Kyverno default-deny requirement is registered in Audit mode for this deploy",
      );
    }
    plan.resources.push(
      clusterPolicy(
        `netpol-rollout-${env}-require-default-deny`,
        labels,
        {
          "policies.kyverno.io/title": "Require default-deny-all in default-denied namespaces",
          "policies.kyverno.io/subject": "Namespace, NetworkPolicy",
          "policies.kyverno.io/description": `Namespaces that netpol-rollout default-denies in environment ${env} must have the NetworkPolicy ${DEFAULT_DENY_NAME}. Reported by background scans; in Enforce mode, updates of such a namespace are refused while it is missing.`,
        },
        {
          background: true,
          rules: [
            {
              name: "require-default-deny-all",
              match: { any: [{ resources: { kinds: ["Namespace"], names: denyNamespaces } }] },
              // A namespace cannot hold policies before it exists: creation is never refused.
              preconditions: {
                any: [
                  {
                    key: "{{ request.operation || 'BACKGROUND' }}",
                    operator: "AnyIn",
                    value: ["UPDATE", "BACKGROUND"],
                  },
                ],
              },
              context: [
                {
                  name: "defaultDenyCount",
                  apiCall: {
                    urlPath:
                      "/apis/networking.k8s.io/v1/namespaces/{{ request.object.metadata.name }}/networkpolicies",
                    jmesPath: `items[?metadata.name == '${DEFAULT_DENY_NAME}'] | length(@)`,
                  },
                },
              ],
              validate: {
                failureAction: action,
                message: `Namespace {{ request.object.metadata.name }} is default-denied by netpol-rollout (environment ${env}) and must have the NetworkPolicy ${DEFAULT_DENY_NAME}; deploy the environment's enforce stage.`,
                deny: {
                  conditions: { any: [{ key: "{{ defaultDenyCount }}", operator: "LessThan", value: 1 }] },
                },
              },
            },
          ],
        },
      ),
    );
  }

  // (b) New namespaces get DNS and default-deny. DNS first: a default-deny without it breaks
  // name resolution for every pod in the namespace.
  const generatedLabels = { [GENERATED_BY_LABEL]: "kyverno", [ENVIRONMENT_LABEL]: env };
  const exclude = { any: [{ resources: { kinds: ["Namespace"], names: ["kube-*", ...known] } }] };
  const generateRule = (name: string, policyName: string, spec: NetworkPolicySpec) => ({
    name,
    match: { any: [{ resources: { kinds: ["Namespace"] } }] },
    exclude,
    generate: {
      generateExisting: false,
      synchronize: true,
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      name: policyName,
      namespace: "{{ request.object.metadata.name }}",
      data: { metadata: { labels: generatedLabels }, spec },
    },
  });
  plan.resources.push(
    clusterPolicy(
      `netpol-rollout-${env}-default-deny-new-namespaces`,
      labels,
      {
        "policies.kyverno.io/title": "Default-deny for new namespaces",
        "policies.kyverno.io/subject": "Namespace, NetworkPolicy",
        "policies.kyverno.io/description": `A namespace created after this policy gets ${ALLOW_DNS_NAME} and ${DEFAULT_DENY_NAME}. Namespaces named in the intent of environment ${env}, kube-* and excluded namespaces are left alone: netpol-rollout manages them, or they must stay open.`,
      },
      {
        rules: [
          generateRule("generate-allow-dns", ALLOW_DNS_NAME, allowDnsSpec(source)),
          generateRule("generate-default-deny-all", DEFAULT_DENY_NAME, {
            podSelector: {},
            policyTypes: ["Ingress", "Egress"],
          }),
        ],
      },
    ),
  );

  // (c) Report pods that no NetworkPolicy selects (all their traffic is allowed).
  plan.resources.push(
    clusterPolicy(
      `netpol-rollout-${env}-report-unselected-pods`,
      labels,
      {
        "policies.kyverno.io/title": "Report pods no NetworkPolicy selects",
        "policies.kyverno.io/subject": "Pod, NetworkPolicy",
        "policies.kyverno.io/description":
          "Audits pods that no NetworkPolicy of their namespace selects by matchLabels (a podSelector {} selects every pod). A selector with only matchExpressions is counted as selecting, so the report may miss a pod but never flags a selected one.",
        // The rule reads the Pod's own labels; Kyverno's rewrite for Deployments and other
        // controllers would point it at labels the rule does not use.
        "pod-policies.kyverno.io/autogen-controllers": "none",
      },
      {
        background: true,
        rules: [
          {
            name: "report-pods-without-networkpolicy",
            match: { any: [{ resources: { kinds: ["Pod"] } }] },
            exclude: { any: [{ resources: { namespaces: ["kube-*", ...options.excludedNamespaces] } }] },
            context: [
              {
                name: "selectingPolicies",
                apiCall: {
                  urlPath:
                    "/apis/networking.k8s.io/v1/namespaces/{{ request.object.metadata.namespace }}/networkpolicies",
                  jmesPath:
                    "items[?label_match(spec.podSelector.matchLabels || `{}`, `{{ request.object.metadata.labels || `{}` }}`)] | length(@)",
                },
              },
            ],
            validate: {
              failureAction: "Audit",
              message:
                "Pod {{ request.object.metadata.namespace }}/{{ request.object.metadata.name }} is not selected by any NetworkPolicy: all its traffic is allowed.",
              deny: {
                conditions: { any: [{ key: "{{ selectingPolicies }}", operator: "LessThan", value: 1 }] },
              },
            },
          },
        ],
      },
    ),
  );
}

function clusterPolicy(
  name: string,
  labels: Record<string, string>,
  annotations: Record<string, string>,
  spec: Record<string, unknown>,
): GuardResource {
  return {
    logicalName: name,
    apiVersion: "kyverno.io/v1",
    kind: "ClusterPolicy",
    manifest: {
      apiVersion: "kyverno.io/v1",
      kind: "ClusterPolicy",
      metadata: { name, labels, annotations },
      spec,
    },
  };
}

function clusterRole(
  name: string,
  labels: Record<string, string>,
  verbs: string[],
  aggregate: Record<string, string>,
): GuardResource {
  return {
    logicalName: name,
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRole",
    manifest: {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name, labels: { ...labels, ...aggregate } },
      rules: [{ apiGroups: ["networking.k8s.io"], resources: ["networkpolicies"], verbs }],
    },
  };
}

/** The environment's own allow-dns rule when the bundle has one, else DNS to kube-dns in kube-system. */
function allowDnsSpec(source: CompiledBundle): NetworkPolicySpec {
  for (const object of source.objects) {
    const m = object.manifest;
    if (m.kind === "NetworkPolicy" && m.metadata.name === ALLOW_DNS_NAME) return m.spec;
  }
  return {
    podSelector: {},
    policyTypes: ["Egress"],
    egress: [
      {
        to: [
          {
            namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } },
            podSelector: { matchLabels: { "k8s-app": "kube-dns" } },
          },
        ],
        ports: [
          { protocol: "UDP", port: 53 },
          { protocol: "TCP", port: 53 },
        ],
      },
    ],
  };
}

const NAMESPACE_LABEL_KEYS = new Set([
  "kubernetes.io/metadata.name",
  "k8s:io.kubernetes.pod.namespace",
  "io.kubernetes.pod.namespace",
]);

/** Namespaces a policy spec names as peers (by the namespace-name labels), anywhere in it. */
export function referencedNamespaces(value: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    if (v === null || typeof v !== "object") return;
    for (const [k, child] of Object.entries(v)) {
      if (NAMESPACE_LABEL_KEYS.has(k) && typeof child === "string") found.push(child);
      else walk(child);
    }
  };
  walk(value);
  return found;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
