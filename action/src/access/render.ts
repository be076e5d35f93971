/**
 * What `netpol-rollout rbac --env ENV` prints (pure): the identities of one environment,
 * the Roles and bindings its runs need (access/needs.ts) and the admission policy with the
 * environment's parameters and binding (access/admission.ts), in the order `kubectl apply`
 * needs (the parameters before the binding that refuses without them).
 */
import { Document, isScalar, visit } from "yaml";
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from "../compile/types.js";
import type { EnvironmentIntent } from "../intent/model.js";
import { environmentGrants, probeNamespaces, rbacObjectName, type AccessRole, type Grant } from "./needs.js";
import { guardBinding, guardPolicy, parametersConfigMap, probeBinding, probePolicy } from "./admission.js";

/** An identity as RBAC binds it; its username is what the API server authenticates. */
export type Subject =
  { kind: "ServiceAccount"; namespace: string; name: string } | { kind: "User"; name: string };

const SERVICE_ACCOUNT_USER = /^system:serviceaccount:([a-z0-9][a-z0-9-]*):([a-z0-9][a-z0-9.-]*)$/;

/** The subject a username names: a ServiceAccount for `system:serviceaccount:NS:NAME`, else a User. */
export function subjectOf(username: string): Subject {
  const m = SERVICE_ACCOUNT_USER.exec(username);
  return m
    ? { kind: "ServiceAccount", namespace: m[1] as string, name: m[2] as string }
    : { kind: "User", name: username };
}

export function usernameOf(subject: Subject): string {
  return subject.kind === "ServiceAccount"
    ? `system:serviceaccount:${subject.namespace}:${subject.name}`
    : subject.name;
}

/** The default identity of `role`: a ServiceAccount of the state namespace. */
export function defaultUsername(environment: string, role: AccessRole, stateNamespace: string): string {
  return `system:serviceaccount:${stateNamespace}:${rbacObjectName(environment, role)}`;
}

export interface RbacOptions {
  stateNamespace: string;
  /** The username of each identity. */
  users: Record<AccessRole, string>;
  probeImage: string;
  imagePullSecrets: readonly string[];
}

type Manifest = Record<string, unknown>;

const labelsFor = (environment: string) => ({
  [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
  "netpol-rollout.io/environment": environment,
});

function subjectEntry(subject: Subject): Manifest {
  return subject.kind === "ServiceAccount"
    ? { kind: "ServiceAccount", name: subject.name, namespace: subject.namespace }
    : { kind: "User", apiGroup: "rbac.authorization.k8s.io", name: subject.name };
}

function roleOf(grant: Grant, labels: Record<string, string>): Manifest {
  const rules = grant.rules.map((r) => ({
    apiGroups: [r.apiGroup],
    resources: [r.resource],
    ...(r.resourceNames ? { resourceNames: [...r.resourceNames] } : {}),
    verbs: [...r.verbs],
  }));
  return grant.namespace === undefined
    ? {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "ClusterRole",
        metadata: { name: grant.name, labels: { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE } },
        rules,
      }
    : {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "Role",
        metadata: { name: grant.name, namespace: grant.namespace, labels },
        rules,
      };
}

function bindingOf(
  grant: Grant,
  name: string,
  subjects: Subject[],
  labels: Record<string, string>,
): Manifest {
  const namespaced = grant.namespace !== undefined;
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: namespaced ? "RoleBinding" : "ClusterRoleBinding",
    metadata: { name, ...(namespaced ? { namespace: grant.namespace } : {}), labels },
    roleRef: {
      apiGroup: "rbac.authorization.k8s.io",
      kind: namespaced ? "Role" : "ClusterRole",
      name: grant.name,
    },
    subjects: subjects.map(subjectEntry),
  };
}

/** The objects, each with the comment printed above it. */
export function rbacObjects(
  env: EnvironmentIntent,
  options: RbacOptions,
): { comment: string; object: Manifest }[] {
  const labels = labelsFor(env.name);
  const subjects: Record<AccessRole, Subject> = {
    deploy: subjectOf(options.users.deploy),
    drift: subjectOf(options.users.drift),
  };
  const out: { comment: string; object: Manifest }[] = [
    {
      comment:
        "The state namespace: each environment's history ConfigMap, lock Lease and admission parameters.",
      object: { apiVersion: "v1", kind: "Namespace", metadata: { name: options.stateNamespace } },
    },
  ];
  for (const role of ["deploy", "drift"] as const) {
    const s = subjects[role];
    if (s.kind !== "ServiceAccount") continue;
    out.push({
      comment:
        role === "deploy"
          ? "The identity of deploy and rollback (its token goes into the deploy workflow's kubeconfig)."
          : "The identity of the drift watch: probes and refreshes the record, deploys nothing.",
      object: {
        apiVersion: "v1",
        kind: "ServiceAccount",
        metadata: { name: s.name, namespace: s.namespace, labels },
        automountServiceAccountToken: false,
      },
    });
  }
  for (const grant of environmentGrants(env, { stateNamespace: options.stateNamespace })) {
    const bound = (["deploy", "drift"] as const).filter((r) => grant.roles.includes(r));
    const where = grant.namespace === undefined ? "cluster-wide" : `in ${grant.namespace}`;
    out.push({
      comment: `${bound.join(" and ")}, ${where}: ${grant.purpose}.`,
      object: roleOf(grant, labels),
    });
    const bindingName = grant.namespace === undefined ? rbacObjectName(env.name, "read") : grant.name;
    out.push({
      comment: "",
      object: bindingOf(
        grant,
        bindingName,
        bound.map((r) => subjects[r]),
        labels,
      ),
    });
  }
  const namespaces = [...new Set([...probeNamespaces(env), options.stateNamespace])].sort();
  out.push(
    {
      comment:
        "What the admission policy admits from this environment's identities: the probe image (exactly this reference), the pull secrets, the usernames.",
      object: parametersConfigMap(env.name, options.stateNamespace, {
        image: options.probeImage,
        imagePullSecrets: options.imagePullSecrets,
        usernames: [options.users.deploy, options.users.drift],
      }),
    },
    {
      comment:
        "The admission policy (one for every environment): an identity listed in a binding's parameters may create only probe pods, run objects, history records and lock Leases, and delete only what a probe run labelled.",
      object: probePolicy(),
    },
    {
      comment: "Only who may change the policy may change its parameters.",
      object: guardPolicy(),
    },
    { comment: "", object: guardBinding() },
    {
      comment:
        "This environment's binding: its parameters and the namespaces its identities act in. Without the parameters it refuses every matched request there, so they are applied first.",
      object: probeBinding(env.name, rbacObjectName(env.name, "probes"), options.stateNamespace, namespaces),
    },
  );
  return out;
}

/** The YAML stream `rbac` prints. */
export function renderRbacYaml(env: EnvironmentIntent, options: RbacOptions): string {
  const header = [
    `# netpol-rollout rbac --env ${env.name}: what the runs of environment ${env.name} need.`,
    "# Apply it as a cluster administrator (kubectl apply -f). Kubernetes 1.30 or later.",
    `# deploy and rollback: ${options.users.deploy}`,
    `# drift:               ${options.users.drift}`,
    "",
  ].join("\n");
  const docs = rbacObjects(env, options).map(({ comment, object }) => {
    const doc = new Document(object, { aliasDuplicateObjects: false });
    // Lists of a few words (verbs, resources, operations) read best on one line.
    visit(doc, {
      Seq(_, node) {
        if (
          node.items.every(
            (i) => isScalar(i) && String(i.value).length <= 40 && !String(i.value).includes("\n"),
          )
        )
          node.flow = true;
      },
    });
    const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
    const lines = comment === "" ? [] : wrap(comment, 90).map((l) => `# ${l}`);
    return `---\n${lines.map((l) => `${l}\n`).join("")}${text}`;
  });
  return `${header}${docs.join("")}`;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") out.push(line);
  return out;
}
