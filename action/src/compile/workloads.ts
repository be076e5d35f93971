/**
 * Stand-in workloads: for every declared service of an environment, a Deployment whose pods
 * carry the service's labels and answer on its declared ports, and a Service in front of it.
 * Applied to a scratch cluster they let a rollout (and its probes) be rehearsed against the
 * very selectors and ports the intent declares.
 *
 * Each declared port is served over TCP and UDP (agnhost `serve-hostname --tcp --udp`, one
 * container per port: the server the upstream NetworkPolicy e2e tests use), so a check can
 * tell "the policy opens TCP only" from "the port is closed". A port range is served at its
 * two ends. SCTP ports are served as TCP+UDP too (the port number is what a policy selects).
 * The pods meet Pod Security "restricted".
 */
import { isKubeNamespace, type EnvironmentIntent, type Service } from "../intent/model.js";
import { ENVIRONMENT_LABEL } from "./types.js";

/** The upstream agnhost e2e image (the tag of k8s.io/kubernetes v1.35's test/images/agnhost/VERSION). */
export const DEFAULT_WORKLOAD_IMAGE = "registry.k8s.io/e2e-test-images/agnhost:2.59";

/** Marks every object this generator makes (not the pods: their labels are the intent's alone). */
export const WORKLOAD_LABEL = "netpol-rollout.io/stand-in";

export interface WorkloadOptions {
  image?: string;
  imagePullPolicy?: "Always" | "IfNotPresent" | "Never";
  replicas?: number;
}

export interface WorkloadObject {
  apiVersion: string;
  kind: "Namespace" | "Deployment" | "Service";
  metadata: { name: string; namespace?: string; labels: Record<string, string> };
  spec?: Record<string, unknown>;
}

/** The port numbers a service's pods answer on, ascending and unique (a range: both ends). */
export function servedPorts(service: Service): number[] {
  const ports = new Set<number>();
  for (const p of service.ports) {
    ports.add(p.port);
    if (p.endPort !== undefined) ports.add(p.endPort);
  }
  return [...ports].sort((a, b) => a - b);
}

/** Ports below this need `net.ipv4.ip_unprivileged_port_start` lowered for a non-root server. */
const FIRST_UNPRIVILEGED_PORT = 1024;

function deployment(service: Service, env: string, options: Required<WorkloadOptions>): WorkloadObject {
  const ports = servedPorts(service);
  const podSecurity: Record<string, unknown> = {
    runAsNonRoot: true,
    // agnhost's image declares no user: runAsNonRoot alone would be refused at start.
    runAsUser: 65534,
    runAsGroup: 65534,
    seccompProfile: { type: "RuntimeDefault" },
  };
  // A "safe" sysctl (allowed by restricted): lets uid 65534 bind ports below 1024 without
  // any capability.
  if (ports.some((p) => p < FIRST_UNPRIVILEGED_PORT)) {
    podSecurity["sysctls"] = [{ name: "net.ipv4.ip_unprivileged_port_start", value: "0" }];
  }
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: service.name, namespace: service.namespace, labels: objectLabels(env) },
    spec: {
      replicas: options.replicas,
      selector: { matchLabels: { ...service.labels } },
      template: {
        metadata: { labels: { ...service.labels } },
        spec: {
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          terminationGracePeriodSeconds: 2,
          securityContext: podSecurity,
          containers: ports.map((port) => ({
            name: `serve-${port}`,
            image: options.image,
            imagePullPolicy: options.imagePullPolicy,
            args: ["serve-hostname", "--tcp", "--udp", "--http=false", `--port=${port}`],
            ports: [
              { name: portName("t", port), containerPort: port, protocol: "TCP" },
              { name: portName("u", port), containerPort: port, protocol: "UDP" },
            ],
            securityContext: {
              allowPrivilegeEscalation: false,
              readOnlyRootFilesystem: true,
              capabilities: { drop: ["ALL"] },
            },
            resources: {
              requests: { cpu: "5m", memory: "16Mi" },
              limits: { cpu: "100m", memory: "64Mi" },
            },
          })),
        },
      },
    },
  };
}

/** A port name (at most 15 characters, an IANA_SVC_NAME): `t8080`, `u8080`. */
function portName(prefix: "t" | "u", port: number): string {
  return `${prefix}${port}`;
}

function serviceObject(service: Service, env: string): WorkloadObject {
  const ports = servedPorts(service).flatMap((port) => [
    { name: portName("t", port), port, targetPort: port, protocol: "TCP" },
    { name: portName("u", port), port, targetPort: port, protocol: "UDP" },
  ]);
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: service.name, namespace: service.namespace, labels: objectLabels(env) },
    spec: { selector: { ...service.labels }, ports },
  };
}

function objectLabels(env: string): Record<string, string> {
  return { [WORKLOAD_LABEL]: "true", [ENVIRONMENT_LABEL]: env };
}

/**
 * Namespaces (those that declare services, labelled as the intent says), then a
 * Deployment and a Service per declared service, in declaration order.
 */
export function generateWorkloads(env: EnvironmentIntent, options: WorkloadOptions = {}): WorkloadObject[] {
  const opts: Required<WorkloadOptions> = {
    image: options.image ?? DEFAULT_WORKLOAD_IMAGE,
    imagePullPolicy: options.imagePullPolicy ?? "IfNotPresent",
    replicas: options.replicas ?? 1,
  };
  const out: WorkloadObject[] = [];
  for (const ns of env.namespaces) {
    // kube-* namespaces exist in every cluster and are not ours to label.
    if (ns.services.length === 0 || isKubeNamespace(ns.name)) continue;
    out.push({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: {
        name: ns.name,
        labels: {
          ...ns.labels,
          ...objectLabels(env.name),
          "pod-security.kubernetes.io/enforce": "restricted",
        },
      },
    });
  }
  for (const ns of env.namespaces) {
    for (const service of ns.services) {
      out.push(deployment(service, env.name, opts), serviceObject(service, env.name));
    }
  }
  return out;
}
