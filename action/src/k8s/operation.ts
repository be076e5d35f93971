/**
 * A call to the Kubernetes API as RBAC sees it: the operation, how messages name it, and
 * the rule a Role or ClusterRole needs to allow it.
 */
/** What an API call was doing, for messages and for the RBAC rule it needs. */
export interface ClusterOperation {
  /** The RBAC verb: get, list, watch, create, update, delete. */
  verb: string;
  /** The API group ("" for core). */
  group: string;
  /** The resource, with its subresource when any: "pods", "pods/log". */
  resource: string;
  namespace?: string;
  name?: string;
}

/** The operation in words, e.g. `list pods in all namespaces`. */
export function describeOperation(op: ClusterOperation): string {
  const where = op.namespace
    ? ` in namespace ${op.namespace}`
    : op.verb === "list" || op.verb === "watch"
      ? " in all namespaces"
      : "";
  return `${op.verb} ${op.resource}${op.name ? ` "${op.name}"` : ""}${where}`;
}

/** The RBAC rule an operation needs, as a person writes it in a Role or ClusterRole. */
export function rbacRule(op: ClusterOperation): string {
  const [resource, sub] = op.resource.split("/");
  const resources = sub ? `${resource}/${sub}` : resource;
  const scope = op.namespace
    ? `a Role in namespace ${op.namespace} (or a ClusterRole bound there)`
    : "a ClusterRole bound with a ClusterRoleBinding";
  return `{ apiGroups: ["${op.group}"], resources: ["${resources}"], verbs: ["${op.verb}"] } in ${scope}`;
}
