/**
 * Break-glass, only for a loss a policy caused. Before it lifts a default-deny for a lost
 * check: does its callee answer at all?
 * A deny can only be the cause when the callee is up and reachable by some path; a hung or
 * gone callee times out with or without the deny, and lifting it would open the namespace
 * for nothing.
 *
 * A callee is reachable when both hold:
 * - it has a ready endpoint: the pod the check aims at (for DNS, a pod of the cluster DNS
 *   Service) exists, is not being deleted, and is Ready;
 * - a control path that no policy blocks reaches it: another check of the same run
 *   connected to the same callee and port (the policies in force let that path through), or
 *   the ready pod has a readiness probe on that port (tcpSocket, httpGet or grpc): the
 *   kubelet sends it from the pod's own node, and NetworkPolicy never applies to traffic
 *   from that node, so Ready says the port answered moments ago.
 * Anything else calls the callee unreachable, with the reason. Pure.
 */
import type { CompiledBundle } from "../compile/types.js";
import type { ClusterState, Pod, ServiceObject } from "../k8s/types.js";
import type { CheckResult, CheckTarget } from "../probe/types.js";
import { isDnsTarget, isIpTarget } from "../probe/types.js";
import { namespacesOf } from "./decision.js";
import { enforcedNamespaces } from "./transitions.js";

export const BREAK_GLASS = ["auto", "never"] as const;
/**
 * Whether a deploy may lift default-denies when connectivity stays lost after a rollback (or
 * on a first deploy): `auto` (default) under the checks here, `never` keeps every deny.
 */
export type BreakGlass = (typeof BREAK_GLASS)[number];

/**
 * The namespaces whose default-deny break-glass may lift for `lost`: the callers' and
 * callees' namespaces that hold a default-deny in `bundle`. A namespace the environment does
 * not manage (ingress-nginx, kube-system) holds none, so it is never named.
 */
export function liftableNamespaces(bundle: CompiledBundle, lost: readonly CheckResult[]): string[] {
  const enforced = new Set(enforcedNamespaces(bundle));
  return namespacesOf(lost).filter((ns) => enforced.has(ns));
}

export interface CalleeFinding {
  result: CheckResult;
  /** The callee as people name it: "billing/ledger-0:5432", "cluster DNS", "198.51.100.7:443". */
  callee: string;
  reachable: boolean;
  /** What showed it reachable, or why it is called unreachable. */
  reason: string;
}

/** One finding per lost check, in order. */
export function checkCallees(
  lost: readonly CheckResult[],
  results: readonly CheckResult[],
  cluster: ClusterState,
): CalleeFinding[] {
  return lost.map((r) => judge(r, results, cluster));
}

function judge(r: CheckResult, results: readonly CheckResult[], cluster: ClusterState): CalleeFinding {
  const { to, port, protocol } = r.check;
  const callee = describeCallee(to, port);
  const found = (reachable: boolean, reason: string): CalleeFinding => ({
    result: r,
    callee,
    reachable,
    reason,
  });
  const control = results.find(
    (o) =>
      o !== r &&
      calleeKey(o.check.to) === calleeKey(to) &&
      o.check.port === port &&
      o.check.protocol === protocol &&
      connected(o),
  );
  if (isIpTarget(to)) {
    return control
      ? found(true, `${o(control)} reached it in the same run`)
      : found(false, "no other check of this run reached that address");
  }
  const endpoints = isDnsTarget(to) ? dnsPods(to.server, cluster) : podsNamed(to.namespace, to.pod, cluster);
  const ready = endpoints.filter(isReady);
  if (ready.length === 0) {
    return found(
      false,
      endpoints.length === 0
        ? "it has no pod: nothing there to answer"
        : `it has no ready endpoint (${endpoints.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(", ")} not Ready)`,
    );
  }
  if (control) return found(true, `it has a ready endpoint, and ${o(control)} reached it in the same run`);
  const probed = ready.find((p) => readinessOnPort(p, port));
  if (probed) {
    return found(
      true,
      `${probed.metadata.namespace}/${probed.metadata.name} is Ready by a readiness probe on port ${port}, which the kubelet sends from the pod's own node (never subject to NetworkPolicy)`,
    );
  }
  return found(
    false,
    `it has a ready endpoint, but no path that no policy blocks shows it answering on port ${port} (no other check of this run reached it, and no readiness probe targets that port)`,
  );
}

function o(r: CheckResult): string {
  return `check ${r.check.id}`;
}

/** An answer: a connection, or a DNS reply. A refusal is not (a reject dataplane refuses). */
function connected(r: CheckResult): boolean {
  return r.observed.outcome === "allowed";
}

function calleeKey(to: CheckTarget): string {
  if (isDnsTarget(to)) return `dns:${to.server ?? ""}`;
  if (isIpTarget(to)) return `ip:${to.ip}`;
  return `pod:${to.namespace}/${to.pod}`;
}

function describeCallee(to: CheckTarget, port: number): string {
  if (isDnsTarget(to)) return `cluster DNS${to.server ? ` (${to.server})` : ""}`;
  if (isIpTarget(to)) return `${to.ip}:${port}`;
  return `${to.namespace}/${to.pod}:${port}`;
}

function podsNamed(namespace: string, name: string, cluster: ClusterState): Pod[] {
  return cluster.pods.filter((p) => p.metadata.namespace === namespace && p.metadata.name === name);
}

/** The pods of the cluster DNS Service: the one at `server`, else kube-system/kube-dns. */
function dnsPods(server: string | undefined, cluster: ClusterState): Pod[] {
  const service =
    (server ? cluster.services.find((s) => s.spec?.clusterIP === server) : undefined) ??
    cluster.services.find((s) => s.metadata.namespace === "kube-system" && s.metadata.name === "kube-dns");
  return service ? selected(service, cluster.pods) : [];
}

function selected(service: ServiceObject, pods: readonly Pod[]): Pod[] {
  const selector = service.spec?.selector;
  if (!selector || Object.keys(selector).length === 0) return [];
  return pods.filter(
    (p) =>
      p.metadata.namespace === service.metadata.namespace &&
      Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v),
  );
}

function isReady(p: Pod): boolean {
  return (
    p.metadata.deletionTimestamp === undefined &&
    (p.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True")
  );
}

/** Whether a container's readiness probe connects to `port` (by number or by its port's name). */
function readinessOnPort(p: Pod, port: number): boolean {
  return (p.spec?.containers ?? []).some((c) => {
    const probe = c.readinessProbe;
    const target = probe?.tcpSocket?.port ?? probe?.httpGet?.port ?? probe?.grpc?.port;
    if (target === undefined) return false;
    if (typeof target === "number") return target === port;
    return (c.ports ?? []).some((cp) => cp.name === target && cp.containerPort === port);
  });
}
