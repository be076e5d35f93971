/** Small builders for pods, namespaces and policies in engine tests. */
import type {
  ContainerPort,
  Namespace,
  NetworkPolicy,
  NetworkPolicySpec,
  Pod,
} from "../../action/src/k8s/types.js";

export function ns(name: string, labels: Record<string, string> = {}): Namespace {
  return { apiVersion: "v1", kind: "Namespace", metadata: { name, labels } };
}

export function pod(
  key: string,
  labels: Record<string, string> = {},
  opts: { ports?: ContainerPort[]; ip?: string | string[] } = {},
): Pod {
  const [namespace, name] = key.split("/") as [string, string];
  const ips = opts.ip === undefined ? [] : Array.isArray(opts.ip) ? opts.ip : [opts.ip];
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { namespace, name, labels },
    spec: { containers: [{ name: "main", ...(opts.ports ? { ports: opts.ports } : {}) }] },
    status: ips.length > 0 ? { podIP: ips[0] as string, podIPs: ips.map((ip) => ({ ip })) } : {},
  };
}

export function policy(
  key: string,
  spec: NetworkPolicySpec,
  annotations?: Record<string, string>,
): NetworkPolicy {
  const [namespace, name] = key.split("/") as [string, string];
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { namespace, name, ...(annotations ? { annotations } : {}) },
    spec,
  };
}
