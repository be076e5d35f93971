/**
 * Live inventories for probe tests and benchmarks: the pods a cluster would run for an
 * environment's services (labels, container ports, IPs, phase), the cluster DNS pods and
 * their Service, as `kubectl get ns,pods,svc -A -o yaml` would list them.
 */
import type { EnvironmentIntent } from "../../action/src/intent/model.js";
import type { Namespace, Pod, ServiceObject } from "../../action/src/k8s/types.js";
import type { PlanInventory } from "../../action/src/probe/types.js";

export interface InventoryOptions {
  /** Running pods per service. Default 1. */
  replicas?: number;
  /** Services ("ns/name") without any running pod. */
  missing?: string[];
  /** Namespaces left out of the cluster. */
  absentNamespaces?: string[];
  /** Pods of unmanaged namespace endpoints (e.g. the ingress controller), by namespace. */
  extraPods?: Pod[];
}

export const DNS_SERVICE_IP = "10.96.0.10";

function pod(
  namespace: string,
  name: string,
  labels: Record<string, string>,
  ip: string,
  ports: { name?: string; containerPort: number; protocol?: "TCP" | "UDP" | "SCTP" }[],
  phase = "Running",
): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { namespace, name, labels },
    spec: { containers: [{ name: "main", ports }] },
    status: { podIP: ip, podIPs: [{ ip }], phase } as Pod["status"],
  };
}

export function liveInventory(env: EnvironmentIntent, options: InventoryOptions = {}): PlanInventory {
  const replicas = options.replicas ?? 1;
  const absent = new Set(options.absentNamespaces ?? []);
  const missing = new Set(options.missing ?? []);
  const namespaces: Namespace[] = [];
  const pods: Pod[] = [];
  const names = new Set([...env.namespaces.map((n) => n.name), env.dns.namespace]);
  [...names].sort().forEach((name, n) => {
    if (absent.has(name)) return;
    const intent = env.namespaces.find((x) => x.name === name);
    namespaces.push({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name, labels: { ...intent?.labels, "kubernetes.io/metadata.name": name } },
    });
    (intent?.services ?? []).forEach((svc, s) => {
      if (missing.has(`${name}/${svc.name}`)) return;
      for (let r = 0; r < replicas; r++) {
        pods.push(
          pod(
            name,
            `${svc.name}-${r}`,
            svc.labels,
            `10.${(n % 200) + 1}.${Math.floor(s / 50)}.${(s % 50) * 5 + r + 1}`,
            svc.ports.map((p) => ({
              ...(p.name !== undefined ? { name: p.name } : {}),
              containerPort: p.port,
              protocol: p.protocol,
            })),
          ),
        );
      }
    });
  });
  if (!absent.has(env.dns.namespace)) {
    pods.push(
      pod(env.dns.namespace, "coredns-0", env.dns.podLabels, "10.250.0.2", [
        { name: "dns", containerPort: 53, protocol: "UDP" },
        { name: "dns-tcp", containerPort: 53, protocol: "TCP" },
      ]),
    );
  }
  pods.push(...(options.extraPods ?? []));
  const services: ServiceObject[] = [
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { namespace: env.dns.namespace, name: "kube-dns" },
      spec: {
        selector: env.dns.podLabels,
        ports: [{ port: 53, protocol: "UDP" }],
        clusterIP: DNS_SERVICE_IP,
      } as ServiceObject["spec"],
    },
  ];
  return { namespaces, pods, services };
}

export { pod as makePod };
