/**
 * Faults injected on a test cluster's node, each removable and proven removed.
 *
 * On the local cluster (cluster.sh): nftables rules in the node's own network namespace
 * (never the host's), in a table of their own, each deleted by its handle.
 * - `drop`: packets to one pod and port are dropped ahead of the NetworkPolicy dataplane
 *   (a forward hook before the filter priority): a flow the policies allow times out, as a
 *   broken dataplane would make it.
 * - `redirect`: connections to one pod on any other port are rewritten (DNAT, ahead of
 *   kube-proxy's) to one port of that pod. The dataplane judges the rewritten connection
 *   (NetworkPolicy applies after DNAT), so when the caller may reach that port, a check on a
 *   port the policies block connects: an over-open dataplane, as the caller sees it.
 *
 * On a kind node (a container; the GitHub workflow): `drop` is an iptables rule in the
 * destination pod's own network namespace (reached through the node container), which every
 * CNI delivers to after its policy verdict, eBPF datapaths included; `redirect` is a DNAT in
 * the node's nat table, which only a CNI that routes pod traffic through the node's
 * netfilter honours (Calico's iptables dataplane; not Cilium's eBPF one).
 */
import { execFileSync } from "node:child_process";
import type { V1Pod } from "@kubernetes/client-node";

export const FAULT_TABLE = "netpol_e2e_fault";

export interface Fault {
  /** What the fault does, for messages. */
  rule: string;
  remove(): void;
}

export interface FaultInjector {
  drop(pod: V1Pod, port: number): Fault;
  /** Every TCP connection to `pod` on another port than `toPort` goes to `toPort`. */
  redirect(pod: V1Pod, toPort: number): Fault;
  /** Whether `redirect` takes effect on this cluster's dataplane (or why not). */
  redirectSupported: true | string;
  /** The faults in force now, one line each. */
  list(): string[];
  /** Removes every fault left; proves none is. */
  clear(): void;
}

function podIp(pod: V1Pod): string {
  const ip = pod.status?.podIP;
  if (!ip || !/^[0-9.]+$/.test(ip)) throw new Error(`pod ${pod.metadata?.name} has no IPv4 address`);
  return ip;
}

/** The local cluster's node: nftables in network namespace `netns`. */
export function faultInjector(netns: string): FaultInjector {
  if (!/^netpol-e2e-[0-9a-f]+$/.test(netns)) throw new Error(`not a test cluster's namespace: ${netns}`);
  const nft = (args: string[]): string =>
    execFileSync("nsenter", [`--net=/var/run/netns/${netns}`, "nft", ...args], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
  let ready = false;
  const ensureTable = (): void => {
    if (ready) return;
    nft(["add", "table", "inet", FAULT_TABLE]);
    // Ahead of iptables' filter (0) and of kube-proxy's DNAT (-100).
    nft([
      "add",
      "chain",
      "inet",
      FAULT_TABLE,
      "forward",
      "{ type filter hook forward priority -10; policy accept; }",
    ]);
    nft([
      "add",
      "chain",
      "inet",
      FAULT_TABLE,
      "prerouting",
      "{ type nat hook prerouting priority -110; policy accept; }",
    ]);
    ready = true;
  };
  const list = (): string[] => {
    if (!ready) return [];
    const out = nft(["--handle", "list", "table", "inet", FAULT_TABLE]);
    const lines: string[] = [];
    let chain = "";
    for (const line of out.split("\n")) {
      const c = /^\s*chain (\S+) \{/.exec(line);
      if (c) chain = c[1] ?? "";
      else if (/# handle \d+$/.test(line) && !/^\s*(table|type)/.test(line))
        lines.push(`${chain}: ${line.trim()}`);
    }
    return lines;
  };
  const add = (chain: "forward" | "prerouting", rule: string): Fault => {
    ensureTable();
    // --echo --handle prints the rule as added, with its handle.
    const out = nft(["--echo", "--handle", "add", "rule", "inet", FAULT_TABLE, chain, ...rule.split(" ")]);
    const handle = /# handle (\d+)/.exec(out)?.[1];
    if (!handle) throw new Error(`nft printed no handle for "${rule}": ${out}`);
    return {
      rule: `${chain}: ${rule}`,
      remove() {
        nft(["delete", "rule", "inet", FAULT_TABLE, chain, "handle", handle]);
        const left = list().filter((l) => l.startsWith(`${chain}: `) && l.endsWith(`# handle ${handle}`));
        if (left.length > 0) throw new Error(`fault rule still present after delete: ${left.join("; ")}`);
      },
    };
  };
  return {
    drop(pod, port) {
      return add("forward", `ip daddr ${podIp(pod)} tcp dport ${port} drop`);
    },
    redirect(pod, toPort) {
      const ip = podIp(pod);
      return add("prerouting", `ip daddr ${ip} tcp dport != ${toPort} dnat ip to ${ip}:${toPort}`);
    },
    redirectSupported: true,
    list,
    clear() {
      if (!ready) return;
      nft(["delete", "table", "inet", FAULT_TABLE]);
      ready = false;
      const tables = nft(["list", "tables"]);
      if (tables.includes(FAULT_TABLE)) throw new Error(`table ${FAULT_TABLE} still present: ${tables}`);
    },
  };
}

/** A kind node (docker container `node`), for a cluster whose CNI is `cni`. */
export function kindFaultInjector(node: string, cni: string): FaultInjector {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(node)) throw new Error(`not a container name: ${node}`);
  const exec = (args: string[]): string =>
    execFileSync("docker", ["exec", node, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  /** The network namespace of a pod's sandbox, as a PID on the node. */
  const podPid = (pod: V1Pod): string => {
    const id = exec([
      "crictl",
      "pods",
      "--name",
      pod.metadata!.name!,
      "--namespace",
      pod.metadata!.namespace!,
      "-q",
    ])
      .trim()
      .split("\n")[0];
    if (!id) throw new Error(`no sandbox for pod ${pod.metadata?.name} on ${node}`);
    return exec(["crictl", "inspectp", "-o", "go-template", "--template", "{{.info.pid}}", id]).trim();
  };
  const active = new Map<string, { spec: string[]; where: string[] }>();
  const add = (where: string[], spec: string[]): Fault => {
    exec([...where, "iptables", "-I", ...spec]);
    const rule = `${where.join(" ")} iptables ${spec.join(" ")}`;
    active.set(rule, { spec, where });
    return {
      rule,
      remove() {
        exec([...where, "iptables", "-D", ...spec]);
        active.delete(rule);
        let still = true;
        try {
          exec([...where, "iptables", "-C", ...spec]);
        } catch {
          still = false;
        }
        if (still) throw new Error(`fault rule still present after delete: ${rule}`);
      },
    };
  };
  return {
    drop(pod, port) {
      return add(
        ["nsenter", "-t", podPid(pod), "-n"],
        ["INPUT", "-d", podIp(pod), "-p", "tcp", "--dport", String(port), "-j", "DROP"],
      );
    },
    redirect(pod, toPort) {
      const ip = podIp(pod);
      return add(
        [],
        [
          "PREROUTING",
          "-t",
          "nat",
          "-d",
          ip,
          "-p",
          "tcp",
          "!",
          "--dport",
          String(toPort),
          "-j",
          "DNAT",
          "--to-destination",
          `${ip}:${toPort}`,
        ],
      );
    },
    redirectSupported:
      cni === "cilium"
        ? "Cilium's eBPF datapath delivers pod-to-pod traffic past the node's netfilter"
        : true,
    list: () => [...active.keys()],
    clear() {
      for (const { where, spec } of active.values()) exec([...where, "iptables", "-D", ...spec]);
      active.clear();
    },
  };
}
