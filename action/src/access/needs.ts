/**
 * What an environment's runs need from the Kubernetes API, derived from its intent (pure):
 * the grants the `rbac` command renders as Roles and the pre-flight asks the API server
 * about, verb by verb. Two identities act on an environment:
 *
 * - deploy (deploy and rollback): reads the cluster; writes the NetworkPolicies (and
 *   CiliumNetworkPolicies) of the managed namespaces through the Pulumi engine; creates probe
 *   pods and their run objects in every namespace probes start from; reads, creates and
 *   updates the environment's history ConfigMap; takes the environment's lock Lease.
 * - drift: the same reads, probe pods and lock; updates the history record (the last probe
 *   of the last-known-good), never creates one; writes no NetworkPolicy.
 *
 * Probes start from every managed namespace (DNS and negative checks) and from the
 * namespace of every flow's source, an unmanaged one like ingress-nginx included.
 */
import { compileEnvironment } from "../compile/index.js";
import type { EnvironmentIntent } from "../intent/model.js";
import { configMapName } from "../rollout/last-known-good.js";
import { lockLeaseName } from "../rollout/lock.js";

/** Which identity a grant is for: deploy (deploy and rollback) or drift. */
export type AccessRole = "deploy" | "drift";
export const ACCESS_ROLES: readonly AccessRole[] = ["deploy", "drift"];

/** One rule of a Role or ClusterRole. */
export interface AccessRule {
  /** "" for the core group. */
  apiGroup: string;
  /** With its subresource when any: "pods/log". */
  resource: string;
  verbs: string[];
  /** Only these objects (never with create: a name is not known before the object exists). */
  resourceNames?: string[];
}

/** Rules granted together: one Role (in `namespace`) or the ClusterRole (no namespace). */
export interface Grant {
  /** The Role's name, unique in its namespace; the ClusterRole's name. */
  name: string;
  namespace?: string;
  /** The identities bound to it. */
  roles: AccessRole[];
  /** Why the runs need it, one line. */
  purpose: string;
  rules: AccessRule[];
}

export interface AccessOptions {
  /** Where the history ConfigMaps and the lock Leases live. */
  stateNamespace: string;
}

/** The ClusterRole every environment's identities share (its rules never depend on one). */
export const READ_CLUSTER_ROLE = "netpol-rollout-read";

/** `netpol-rollout-<environment>-<part>`: the name of an object `rbac` renders for one environment. */
export function rbacObjectName(environment: string, part: string): string {
  return `netpol-rollout-${environment}-${part}`;
}

/** The namespaces probe pods of `env` start from, sorted. */
export function probeNamespaces(env: EnvironmentIntent): string[] {
  const names = new Set(env.namespaces.filter((n) => n.managed).map((n) => n.name));
  for (const flow of env.flows) {
    if (flow.from.kind === "service" || flow.from.kind === "namespace") names.add(flow.from.namespace);
  }
  return [...names].sort();
}

/**
 * The labels of one caller in `namespace` (a probe pod there carries them): a declared
 * service's, else a flow source's pod labels, else none.
 */
export function probeSourceLabels(env: EnvironmentIntent, namespace: string): Record<string, string> {
  const service = env.namespaces.find((n) => n.name === namespace)?.services[0];
  if (service) return { ...service.labels };
  for (const flow of env.flows) {
    if (flow.from.kind === "namespace" && flow.from.namespace === namespace)
      return { ...flow.from.podLabels };
  }
  return {};
}

/** Every grant the runs of `env` need, cluster-wide first, then by namespace. */
export function environmentGrants(env: EnvironmentIntent, options: AccessOptions): Grant[] {
  const name = (part: string) => rbacObjectName(env.name, part);
  const bundle = compileEnvironment(env);
  const policyNamespaces = new Set<string>();
  const ciliumNamespaces = new Set<string>();
  for (const object of bundle.objects) {
    const namespace = object.manifest.metadata.namespace ?? "";
    (object.manifest.kind === "CiliumNetworkPolicy" ? ciliumNamespaces : policyNamespaces).add(namespace);
  }
  for (const ns of env.namespaces) if (ns.managed) policyNamespaces.add(ns.name);
  const write = ["get", "create", "update", "patch", "delete"];
  const grants: Grant[] = [
    {
      name: READ_CLUSTER_ROLE,
      roles: ["deploy", "drift"],
      purpose:
        "the live inventory the probe plan and the semantics engine read (every namespace, pod, Service and NetworkPolicy), and the watch of probe pods",
      rules: [
        { apiGroup: "", resource: "namespaces", verbs: ["get", "list"] },
        { apiGroup: "", resource: "pods", verbs: ["get", "list", "watch"] },
        { apiGroup: "", resource: "services", verbs: ["list"] },
        { apiGroup: "networking.k8s.io", resource: "networkpolicies", verbs: ["list"] },
      ],
    },
  ];
  for (const namespace of [...new Set([...policyNamespaces, ...ciliumNamespaces])].sort()) {
    const rules: AccessRule[] = [];
    if (policyNamespaces.has(namespace))
      rules.push({ apiGroup: "networking.k8s.io", resource: "networkpolicies", verbs: write });
    if (ciliumNamespaces.has(namespace))
      rules.push({ apiGroup: "cilium.io", resource: "ciliumnetworkpolicies", verbs: write });
    grants.push({
      name: name("policies"),
      namespace,
      roles: ["deploy"],
      purpose:
        "the policies the Pulumi engine creates, refreshes, updates and deletes in a managed namespace",
      rules,
    });
  }
  for (const namespace of probeNamespaces(env)) {
    grants.push({
      name: name("probes"),
      namespace,
      roles: ["deploy", "drift"],
      purpose:
        "probe pods and their run objects (ConfigMaps that own them), the pods' logs, and run objects an earlier run left",
      rules: [
        { apiGroup: "", resource: "pods", verbs: ["create", "delete"] },
        { apiGroup: "", resource: "pods/log", verbs: ["get"] },
        { apiGroup: "", resource: "configmaps", verbs: ["get", "list", "create", "delete"] },
      ],
    });
  }
  const record = configMapName(env.name);
  const lock = lockLeaseName({ environment: env.name });
  const lockRules: AccessRule[] = [
    { apiGroup: "coordination.k8s.io", resource: "leases", verbs: ["get", "update"], resourceNames: [lock] },
    { apiGroup: "coordination.k8s.io", resource: "leases", verbs: ["create"] },
  ];
  grants.push(
    {
      name: name("deploy-state"),
      namespace: options.stateNamespace,
      roles: ["deploy"],
      purpose: `the environment's history (ConfigMap ${record}: read, created on the first deploy, updated) and its lock (Lease ${lock})`,
      rules: [
        { apiGroup: "", resource: "configmaps", verbs: ["get", "update"], resourceNames: [record] },
        { apiGroup: "", resource: "configmaps", verbs: ["create"] },
        ...lockRules,
      ],
    },
    {
      name: name("drift-state"),
      namespace: options.stateNamespace,
      roles: ["drift"],
      purpose: `the environment's history (ConfigMap ${record}: read, the last probe of its last-known-good updated) and its lock (Lease ${lock})`,
      rules: [
        { apiGroup: "", resource: "configmaps", verbs: ["get", "update"], resourceNames: [record] },
        ...lockRules,
      ],
    },
  );
  return grants;
}

/** One question for the API server: may the identity do this? */
export interface AccessRequest {
  verb: string;
  group: string;
  /** Without the subresource. */
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  /** The grant that allows it. */
  grant: Grant;
  rule: AccessRule;
}

/** Every (verb, object) `role`'s runs need from `grants`, one request each, in grant order. */
export function accessRequests(grants: readonly Grant[], role: AccessRole): AccessRequest[] {
  const out: AccessRequest[] = [];
  for (const grant of grants) {
    if (!grant.roles.includes(role)) continue;
    for (const rule of grant.rules) {
      const [resource = "", subresource] = rule.resource.split("/");
      for (const verb of rule.verbs) {
        for (const name of rule.resourceNames ?? [undefined]) {
          out.push({
            verb,
            group: rule.apiGroup,
            resource,
            ...(subresource ? { subresource } : {}),
            ...(grant.namespace !== undefined ? { namespace: grant.namespace } : {}),
            ...(name !== undefined ? { name } : {}),
            grant,
            rule,
          });
        }
      }
    }
  }
  return out;
}

/** The rule as a person writes it in a Role: `{ apiGroups: [""], resources: ["pods"], verbs: ["create"] }`. */
export function ruleText(rule: AccessRule): string {
  const list = (items: readonly string[]) => `[${items.map((i) => JSON.stringify(i)).join(", ")}]`;
  const names = rule.resourceNames ? `, resourceNames: ${list(rule.resourceNames)}` : "";
  return `{ apiGroups: ${list([rule.apiGroup])}, resources: ${list([rule.resource])}, verbs: ${list(rule.verbs)}${names} }`;
}
