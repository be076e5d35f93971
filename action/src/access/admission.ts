/**
 * The ValidatingAdmissionPolicy that confines the rollout identities to what the tool
 * makes (admissionregistration.k8s.io/v1, Kubernetes 1.30+). Pure builders of plain
 * objects; the `rbac` command prints them.
 *
 * RBAC says which verbs the identities have; this policy says which objects. For a request
 * by a username its parameters list, it admits:
 * - a pod only as the probe pod the planner builds (probe/pod.ts): the image the parameters
 *   name, the constant probe command with arguments of the probe's patterns, one container
 *   restricted at container level (init and ephemeral containers too, were there any), no
 *   volumes, environment, ports, hooks or token, nothing that places or ranks it, owned by
 *   its run object; never an update of a pod, never a subresource (binding, eviction,
 *   ephemeral containers);
 * - a ConfigMap only as a probe run object or a history record; a Lease only as a lock;
 * - a delete only of an object carrying the probe-run label (on DELETE `object` is null:
 *   the label is read from `oldObject`).
 *
 * One policy serves every environment: each environment's binding names its parameters (a
 * ConfigMap in the state namespace: the probe image, the pull secrets, the usernames) and
 * the namespaces its identities act in. A second policy guards those parameters: only who
 * may change the policy may change them (a state-namespace editor cannot widen the image).
 *
 * The binding refuses when its parameters are missing (parameterNotFoundAction: Deny): the
 * API server then refuses every matched request in those namespaces, whoever makes it, so
 * the parameters are created before the binding and only the guard's holders may delete them.
 */
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from "../compile/types.js";
import { LKG_CONFIGMAP_PREFIX } from "../rollout/last-known-good.js";
import { LOCK_LEASE_PREFIX } from "../rollout/lock.js";
import {
  CHECK_ARGUMENT_PATTERN,
  MAX_CHECKS_PER_POD,
  PROBE_COMMAND,
  PROBE_RUN_LABEL,
  TIMEOUT_ARGUMENT_PATTERN,
} from "../probe/pod-script.js";
import { PROBE_LABEL } from "../probe/pod.js";

export const PROBE_POLICY = "netpol-rollout-probes";
export const GUARD_POLICY = "netpol-rollout-admission-guard";
/** Every environment's parameters ConfigMap is named this plus the environment. */
export const PARAMETERS_PREFIX = "netpol-rollout-admission-";
/** The run objects' names start with it (probe/pod.ts runObjectName). */
export const RUN_OBJECT_PREFIX = "netpol-probe-";
/** The readiness probe of every probe container: it never passes. */
export const NEVER_READY_COMMAND: readonly string[] = ["/bin/sh", "-c", "exit 1"];
/** The API server's own tolerations (DefaultTolerationSeconds admission), the only ones a probe pod has. */
export const DEFAULT_TOLERATION_KEYS: readonly string[] = [
  "node.kubernetes.io/not-ready",
  "node.kubernetes.io/unreachable",
];

/** The keys of the parameters ConfigMap. */
export const PARAMETER_KEYS = {
  image: "image",
  imagePullSecrets: "imagePullSecrets",
  usernames: "usernames",
};

export interface AdmissionParameters {
  /** The probe image exactly as the pods name it (with its digest when the setting has one). */
  image: string;
  imagePullSecrets: readonly string[];
  /** The usernames the API server gives the deploy and drift identities. */
  usernames: readonly string[];
}

type Manifest = Record<string, unknown>;

const ours = { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE };

/** A CEL string literal (JSON's escapes are CEL's). */
const str = (s: string): string => JSON.stringify(s);
const list = (items: readonly string[]): string => `[${items.map(str).join(", ")}]`;
const lines = (...parts: string[]): string => parts.join("\n");

/** A `params.data` list: one item a line. */
const paramList = (key: string): string =>
  `(${str(key)} in variables.params ? variables.params[${str(key)}].split("\\n") : [])`;

/** Container-level restricted, for a container `c` of any of the pod's lists. */
const restricted = (c: string): string =>
  lines(
    `has(${c}.securityContext) && has(${c}.securityContext.runAsNonRoot) && ${c}.securityContext.runAsNonRoot`,
    `&& has(${c}.securityContext.runAsUser) && ${c}.securityContext.runAsUser > 0`,
    `&& has(${c}.securityContext.seccompProfile) && ${c}.securityContext.seccompProfile.type == 'RuntimeDefault'`,
    `&& has(${c}.securityContext.allowPrivilegeEscalation) && !${c}.securityContext.allowPrivilegeEscalation`,
    `&& (!has(${c}.securityContext.privileged) || !${c}.securityContext.privileged)`,
    `&& has(${c}.securityContext.capabilities) && has(${c}.securityContext.capabilities.drop)`,
    `&& 'ALL' in ${c}.securityContext.capabilities.drop`,
    `&& (!has(${c}.securityContext.capabilities.add) || size(${c}.securityContext.capabilities.add) == 0)`,
    `&& has(${c}.securityContext.readOnlyRootFilesystem) && ${c}.securityContext.readOnlyRootFilesystem`,
    `&& (!has(${c}.securityContext.procMount) || ${c}.securityContext.procMount == 'Default')`,
    `&& !has(${c}.securityContext.seLinuxOptions) && !has(${c}.securityContext.windowsOptions)`,
    `&& (!has(${c}.securityContext.appArmorProfile) || ${c}.securityContext.appArmorProfile.type == 'RuntimeDefault')`,
  );

/** The policy every environment's binding uses. */
export function probePolicy(): Manifest {
  const podCreate = "!variables.podCreate ||";
  const spec = "object.spec";
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicy",
    metadata: { name: PROBE_POLICY, labels: { ...ours } },
    spec: {
      failurePolicy: "Fail",
      paramKind: { apiVersion: "v1", kind: "ConfigMap" },
      matchConstraints: {
        resourceRules: [
          {
            apiGroups: [""],
            apiVersions: ["v1"],
            operations: ["CREATE", "UPDATE", "DELETE"],
            resources: ["pods", "pods/*", "configmaps"],
          },
          {
            apiGroups: ["coordination.k8s.io"],
            apiVersions: ["v1"],
            operations: ["CREATE", "UPDATE", "DELETE"],
            resources: ["leases"],
          },
        ],
      },
      matchConditions: [
        {
          name: "rollout-identity",
          expression: lines(
            `has(params.data) && ${str(PARAMETER_KEYS.usernames)} in params.data`,
            `&& request.userInfo.username in params.data[${str(PARAMETER_KEYS.usernames)}].split("\\n")`,
          ),
        },
      ],
      variables: [
        { name: "params", expression: "has(params.data) ? params.data : {}" },
        { name: "subject", expression: "request.operation == 'DELETE' ? oldObject : object" },
        {
          name: "labels",
          expression: "has(variables.subject.metadata.labels) ? variables.subject.metadata.labels : {}",
        },
        // An empty field of the request is absent, not "".
        { name: "subresource", expression: "has(request.subResource) ? request.subResource : ''" },
        { name: "pod", expression: "request.resource.group == '' && request.resource.resource == 'pods'" },
        {
          name: "podCreate",
          expression: "variables.pod && variables.subresource == '' && request.operation == 'CREATE'",
        },
        {
          name: "configMap",
          expression: "request.resource.group == '' && request.resource.resource == 'configmaps'",
        },
        { name: "lease", expression: "request.resource.group == 'coordination.k8s.io'" },
      ],
      validations: [
        {
          expression: "variables.subresource == ''",
          message:
            "netpol-rollout acts on pods, ConfigMaps and Leases themselves, never on a subresource (binding, eviction, ephemeral containers, status)",
        },
        {
          expression: `request.operation != 'DELETE' || (!variables.lease && ${str(PROBE_RUN_LABEL)} in variables.labels)`,
          message: `netpol-rollout deletes only the objects of a probe run (label ${PROBE_RUN_LABEL})`,
        },
        {
          expression: "!variables.pod || request.operation != 'UPDATE'",
          message: "netpol-rollout never changes a pod",
        },
        {
          expression: lines(
            "!variables.configMap || request.operation == 'DELETE'",
            `|| (request.operation == 'CREATE' && variables.subject.metadata.name.startsWith(${str(RUN_OBJECT_PREFIX)})`,
            `    && ${str(PROBE_RUN_LABEL)} in variables.labels)`,
            `|| (variables.subject.metadata.name.startsWith(${str(LKG_CONFIGMAP_PREFIX)})`,
            `    && ${str(MANAGED_BY_LABEL)} in variables.labels && variables.labels[${str(MANAGED_BY_LABEL)}] == ${str(MANAGED_BY_VALUE)})`,
          ),
          message: `a ConfigMap of netpol-rollout is a probe run object (named ${RUN_OBJECT_PREFIX}…, label ${PROBE_RUN_LABEL}, never changed) or a deploy history record (named ${LKG_CONFIGMAP_PREFIX}…, label ${MANAGED_BY_LABEL}: ${MANAGED_BY_VALUE})`,
        },
        {
          expression: `!variables.lease || request.operation == 'DELETE' || variables.subject.metadata.name.startsWith(${str(`${LOCK_LEASE_PREFIX}-`)})`,
          message: `a Lease of netpol-rollout is a run lock (named ${LOCK_LEASE_PREFIX}-…)`,
        },
        {
          expression: lines(
            podCreate,
            `(${str(PROBE_RUN_LABEL)} in variables.labels && ${str(PROBE_LABEL)} in variables.labels && variables.labels[${str(PROBE_LABEL)}] == 'pod'`,
            " && has(object.metadata.ownerReferences) && size(object.metadata.ownerReferences) == 1",
            " && object.metadata.ownerReferences.all(r, r.apiVersion == 'v1' && r.kind == 'ConfigMap'",
            `     && r.name.startsWith(${str(RUN_OBJECT_PREFIX)}) && has(r.controller) && r.controller))`,
          ),
          message: `a probe pod carries the labels ${PROBE_LABEL}=pod and ${PROBE_RUN_LABEL}, and has exactly one owner, its run object (a ConfigMap ${RUN_OBJECT_PREFIX}… of its namespace), as controller`,
        },
        {
          expression: lines(
            podCreate,
            `(size(${spec}.containers) == 1 && !has(${spec}.initContainers) && !has(${spec}.ephemeralContainers)`,
            ` && ${spec}.containers.all(c, c.name == 'probe'`,
            `   && ${str(PARAMETER_KEYS.image)} in variables.params && c.image == variables.params[${str(PARAMETER_KEYS.image)}]`,
            `   && has(c.command) && c.command == ${list(PROBE_COMMAND)}`,
            `   && has(c.args) && size(c.args) >= 1 && size(c.args) <= ${MAX_CHECKS_PER_POD + 1}`,
            `   && c.args[0].matches(${str(TIMEOUT_ARGUMENT_PATTERN)})`,
            `   && c.args.all(a, a.matches(${str(TIMEOUT_ARGUMENT_PATTERN)}) || a.matches(${str(CHECK_ARGUMENT_PATTERN)}))))`,
          ),
          message:
            "a probe pod has one container, probe, and no init or ephemeral containers; it runs the configured probe image and the probe command, its arguments the timeout and the checks (MODE,HOST,PORT[,NAME])",
        },
        {
          expression: lines(
            podCreate,
            `${spec}.containers.all(c, !has(c.env) && !has(c.envFrom) && !has(c.volumeMounts) && !has(c.volumeDevices)`,
            "  && !has(c.ports) && !has(c.lifecycle) && !has(c.livenessProbe) && !has(c.startupProbe)",
            `  && has(c.readinessProbe) && has(c.readinessProbe.exec) && c.readinessProbe.exec.command == ${list(NEVER_READY_COMMAND)})`,
          ),
          message:
            "a probe container takes no environment (no Secret or ConfigMap values), volume mounts or devices, ports, lifecycle hooks, liveness or startup probes, and its readiness probe never passes (exec sh -c 'exit 1'), so it never joins a Service",
        },
        {
          expression: lines(
            podCreate,
            `(${spec}.containers.all(c, ${restricted("c")})`,
            `&& (!has(${spec}.initContainers) || ${spec}.initContainers.all(c, ${restricted("c")}))`,
            `&& (!has(${spec}.ephemeralContainers) || ${spec}.ephemeralContainers.all(c, ${restricted("c")})))`,
          ),
          message:
            "every container, init container and ephemeral container of a probe pod is restricted at container level: runAsNonRoot with a non-zero runAsUser, seccomp RuntimeDefault, no privilege or privilege escalation, every capability dropped and none added, a read-only root file system, the default proc mount, no SELinux or Windows options",
        },
        {
          expression: lines(
            podCreate,
            `(has(${spec}.securityContext) && has(${spec}.securityContext.runAsNonRoot) && ${spec}.securityContext.runAsNonRoot`,
            ` && has(${spec}.securityContext.runAsUser) && ${spec}.securityContext.runAsUser > 0`,
            ` && has(${spec}.securityContext.seccompProfile) && ${spec}.securityContext.seccompProfile.type == 'RuntimeDefault'`,
            ` && !has(${spec}.securityContext.sysctls))`,
          ),
          message:
            "a probe pod runs as a numeric non-root user with the RuntimeDefault seccomp profile and no sysctls",
        },
        {
          expression: lines(
            podCreate,
            `((!has(${spec}.hostNetwork) || !${spec}.hostNetwork) && (!has(${spec}.hostPID) || !${spec}.hostPID)`,
            ` && (!has(${spec}.hostIPC) || !${spec}.hostIPC) && (!has(${spec}.shareProcessNamespace) || !${spec}.shareProcessNamespace)`,
            ` && (!has(${spec}.volumes) || size(${spec}.volumes) == 0)`,
            ` && has(${spec}.automountServiceAccountToken) && !${spec}.automountServiceAccountToken`,
            ` && (!has(${spec}.serviceAccountName) || ${spec}.serviceAccountName == 'default')`,
            ` && (!has(${spec}.imagePullSecrets) || ${spec}.imagePullSecrets.all(s, s.name in ${paramList(PARAMETER_KEYS.imagePullSecrets)})))`,
          ),
          message:
            "a probe pod shares no host namespace, has no volumes (no Secret, ConfigMap, projected token or host path), mounts no service-account token, runs as its namespace's default service account and pulls with the configured image pull secrets only",
        },
        {
          expression: lines(
            podCreate,
            `(!has(${spec}.nodeName) && !has(${spec}.nodeSelector) && !has(${spec}.affinity) && !has(${spec}.runtimeClassName)`,
            ` && !has(${spec}.dnsConfig) && (!has(${spec}.dnsPolicy) || ${spec}.dnsPolicy == 'ClusterFirst') && !has(${spec}.hostAliases)`,
            ` && (!has(${spec}.schedulerName) || ${spec}.schedulerName == 'default-scheduler') && !has(${spec}.resourceClaims)`,
            ` && (!has(${spec}.tolerations) || ${spec}.tolerations.all(t, has(t.key) && t.key in ${list(DEFAULT_TOLERATION_KEYS)}`,
            "      && has(t.operator) && t.operator == 'Exists' && has(t.effect) && t.effect == 'NoExecute'))",
            ` && (!has(${spec}.priorityClassName) || (has(${spec}.priority) && ${spec}.priority <= 0)))`,
          ),
          message:
            "a probe pod is placed and ranked like any pod: no nodeName, node selector, affinity, runtime class, DNS config or policy, host aliases, other scheduler, resource claims, tolerations beyond the API server's defaults, or a priority class above 0",
        },
        {
          expression: lines(
            podCreate,
            `(has(${spec}.restartPolicy) && ${spec}.restartPolicy == 'Never'`,
            ` && has(${spec}.activeDeadlineSeconds) && ${spec}.activeDeadlineSeconds <= 3600)`,
          ),
          message:
            "a probe pod never restarts and ends within an hour (restartPolicy Never, activeDeadlineSeconds at most 3600)",
        },
      ],
    },
  };
}

/** The guard: the parameters change only by someone who may change the policy itself. */
export function guardPolicy(): Manifest {
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicy",
    metadata: { name: GUARD_POLICY, labels: { ...ours } },
    spec: {
      failurePolicy: "Fail",
      matchConstraints: {
        resourceRules: [
          {
            apiGroups: [""],
            apiVersions: ["v1"],
            operations: ["CREATE", "UPDATE", "DELETE"],
            resources: ["configmaps"],
          },
        ],
      },
      matchConditions: [
        {
          name: "admission-parameters",
          expression: `(request.operation == 'DELETE' ? oldObject : object).metadata.name.startsWith(${str(PARAMETERS_PREFIX)})`,
        },
      ],
      validations: [
        {
          expression: lines(
            "authorizer.group('admissionregistration.k8s.io').resource('validatingadmissionpolicies')",
            `  .name(${str(PROBE_POLICY)}).check('update').allowed()`,
          ),
          message: `the parameters of the ${PROBE_POLICY} admission policy (ConfigMaps ${PARAMETERS_PREFIX}…) may be changed only by whoever may change the policy itself`,
        },
      ],
    },
  };
}

/** The guard's binding: every namespace (the parameters live in the state namespaces). */
export function guardBinding(): Manifest {
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicyBinding",
    metadata: { name: GUARD_POLICY, labels: { ...ours } },
    spec: { policyName: GUARD_POLICY, validationActions: ["Deny"] },
  };
}

export function parametersName(environment: string): string {
  return `${PARAMETERS_PREFIX}${environment}`;
}

/** One environment's parameters, in the state namespace. */
export function parametersConfigMap(
  environment: string,
  stateNamespace: string,
  parameters: AdmissionParameters,
): Manifest {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: parametersName(environment), namespace: stateNamespace, labels: { ...ours } },
    data: {
      [PARAMETER_KEYS.image]: parameters.image,
      [PARAMETER_KEYS.imagePullSecrets]: parameters.imagePullSecrets.join("\n"),
      [PARAMETER_KEYS.usernames]: parameters.usernames.join("\n"),
    },
  };
}

/** One environment's binding: its parameters, and the namespaces its identities act in. */
export function probeBinding(
  environment: string,
  bindingName: string,
  stateNamespace: string,
  namespaces: readonly string[],
): Manifest {
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicyBinding",
    metadata: { name: bindingName, labels: { ...ours } },
    spec: {
      policyName: PROBE_POLICY,
      paramRef: {
        name: parametersName(environment),
        namespace: stateNamespace,
        parameterNotFoundAction: "Deny",
      },
      matchResources: {
        namespaceSelector: {
          matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: [...namespaces] }],
        },
      },
      validationActions: ["Deny"],
    },
  };
}
