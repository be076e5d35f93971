/**
 * Real traffic between real pods, compared with the semantics engine.
 *
 * A connectivity matrix as the upstream NetworkPolicy e2e tests measure it: from every
 * source pod, `agnhost connect HOST:PORT --protocol=tcp|udp` (a UDP check needs the
 * server's reply), run inside the source pod's own container, every check of one source
 * concurrently in one exec. DNS over UDP is checked with a real query (`dig`, as the probe
 * pods do), since a DNS server does not answer agnhost's payload.
 *
 * Each cell's outcome is compared with `evaluate` on a model built from the live inventory
 * (namespaces, pods and NetworkPolicies read back from the API server).
 */
import { Writable } from "node:stream";
import { Exec, type KubeConfig, type V1NetworkPolicy, type V1Pod } from "@kubernetes/client-node";
import { CNI_PROFILES, type CniProfile } from "../../action/src/cni/profiles.js";
import { buildModel } from "../../action/src/semantics/model.js";
import { evaluate } from "../../action/src/semantics/evaluate.js";
import { explainVerdict } from "../../action/src/semantics/explain.js";
import type { Namespace, NetworkPolicy, Pod } from "../../action/src/k8s/types.js";
import type { Cluster } from "./cluster-harness.js";

export type Outcome = "allowed" | "blocked";

export interface Target {
  /** "namespace/pod", or the IP of a host outside the cluster. */
  name: string;
  ip: string;
  port: number;
  protocol: "TCP" | "UDP";
  /** dns: a DNS query (dig) instead of agnhost's payload. */
  check: "connect" | "dns";
}

export interface Cell {
  from: string;
  to: string;
  port: number;
  protocol: "TCP" | "UDP";
  observed: Outcome;
  /** What agnhost or dig said when the check failed. */
  evidence: string;
}

export interface Disagreement extends Cell {
  expected: Outcome;
  explanation: string;
}

/** "namespace/pod" of a live pod. */
export function podKey(p: V1Pod): string {
  return `${p.metadata?.namespace}/${p.metadata?.name}`;
}

/** The shell script one source runs: every check in the background, one line per check. */
export function checkScript(targets: Target[], timeoutSeconds = 2): string {
  const lines = [
    'check() { id=$1; shift; if out=$("$@" 2>&1); then echo "$id ok"; else echo "$id fail $(echo $out | tr "\\n" " ")"; fi; }',
  ];
  targets.forEach((t, i) => {
    const cmd =
      t.check === "dns"
        ? `dig +notcp +time=${timeoutSeconds} +tries=1 -p ${t.port} @${t.ip} kubernetes.default.svc.cluster.local`
        : `/agnhost connect --timeout=${timeoutSeconds}s --protocol=${t.protocol.toLowerCase()} ${t.ip.includes(":") ? `[${t.ip}]` : t.ip}:${t.port}`;
    lines.push(`check ${i} ${cmd} &`);
  });
  lines.push("wait");
  return lines.join("\n");
}

/** Runs a command in a pod's first container (through the API server and kubelet) and returns stdout. */
export async function execIn(kube: KubeConfig, pod: V1Pod, command: string[]): Promise<string> {
  const exec = new Exec(kube);
  let out = "";
  let err = "";
  const stdout = new Writable({
    write(chunk: Buffer, _enc, cb) {
      out += chunk.toString();
      cb();
    },
  });
  const stderr = new Writable({
    write(chunk: Buffer, _enc, cb) {
      err += chunk.toString();
      cb();
    },
  });
  const container = pod.spec?.containers[0]?.name ?? "";
  await new Promise<void>((resolve, reject) => {
    exec
      .exec(
        pod.metadata!.namespace!,
        pod.metadata!.name!,
        container,
        command,
        stdout,
        stderr,
        null,
        false,
        (status) => {
          if (status.status === "Success") resolve();
          else reject(new Error(`exec in ${podKey(pod)} failed: ${JSON.stringify(status)} ${err}`));
        },
      )
      .then((ws) => ws.on("error", reject))
      .catch(reject);
  });
  return out;
}

/** Runs the checks of every source concurrently; one cell per (source, target), self pairs left out. */
export async function measure(
  kube: KubeConfig,
  sources: V1Pod[],
  targets: Target[],
  only?: (from: string, t: Target) => boolean,
): Promise<Cell[]> {
  const perSource = await Promise.all(
    sources.map(async (src) => {
      const from = podKey(src);
      const mine = targets.filter((t) => t.name !== from && (only?.(from, t) ?? true));
      if (mine.length === 0) return [];
      const out = await execIn(kube, src, ["/bin/sh", "-c", checkScript(mine)]);
      const results = new Map<number, string>();
      for (const line of out.split("\n")) {
        const m = /^(\d+) (ok|fail)(.*)$/.exec(line.trim());
        if (m) results.set(Number(m[1]), `${m[2]}${m[3]}`);
      }
      return mine.map((t, i): Cell => {
        const r = results.get(i) ?? "fail (no result line)";
        return {
          from,
          to: t.name,
          port: t.port,
          protocol: t.protocol,
          observed: r === "ok" ? "allowed" : "blocked",
          evidence: r === "ok" ? "" : r.replace(/^fail ?/, "").trim(),
        };
      });
    }),
  );
  return perSource.flat();
}

/** Plain JSON of a client-node object (dates as strings), typed as the engine's input. */
function plain<T>(o: unknown): T {
  return JSON.parse(JSON.stringify(o)) as T;
}

/** The engine's verdict on every cell, from the live namespaces, pods and NetworkPolicies. */
export async function judge(
  cluster: Cluster,
  cells: Cell[],
  profile: CniProfile = CNI_PROFILES.generic,
): Promise<Disagreement[]> {
  const [namespaces, pods, policies] = await Promise.all([
    cluster.core.listNamespace(),
    cluster.core.listPodForAllNamespaces(),
    cluster.networking.listNetworkPolicyForAllNamespaces(),
  ]);
  const model = buildModel({
    namespaces: plain<Namespace[]>(namespaces.items),
    pods: plain<Pod[]>(pods.items.filter((p) => p.status?.phase === "Running")),
    policies: plain<NetworkPolicy[]>(policies.items as V1NetworkPolicy[]),
    profile,
  });
  const out: Disagreement[] = [];
  for (const c of cells) {
    const verdict = evaluate(model, { from: c.from, to: c.to, port: c.port, protocol: c.protocol });
    const expected: Outcome = verdict.allowed ? "allowed" : "blocked";
    if (expected !== c.observed) out.push({ ...c, expected, explanation: explainVerdict(verdict) });
  }
  return out;
}

export function formatCell(c: Cell | Disagreement): string {
  const exp = "expected" in c ? ` (analyze: ${c.expected})` : "";
  return `${c.from} -> ${c.to}:${c.port}/${c.protocol}: ${c.observed}${c.evidence ? ` [${c.evidence}]` : ""}${exp}`;
}

/**
 * Measures and compares; cells that disagree are measured again every `interval` until they
 * agree or `settleMs` has passed (the dataplane learns of new pods and policies a few
 * seconds late). Returns every cell as finally observed and the disagreements that stayed.
 */
export async function compareUntilSettled(
  cluster: Cluster,
  sources: V1Pod[],
  targets: Target[],
  options: { settleMs?: number; intervalMs?: number; profile?: CniProfile } = {},
): Promise<{ cells: Cell[]; disagreements: Disagreement[]; rounds: number }> {
  const settleMs = options.settleMs ?? 30_000;
  const intervalMs = options.intervalMs ?? 2_000;
  let cells = await measure(cluster.kube, sources, targets);
  let disagreements = await judge(cluster, cells, options.profile);
  let rounds = 1;
  const deadline = Date.now() + settleMs;
  while (disagreements.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, intervalMs));
    const pending = new Set(disagreements.map((d) => `${d.from} ${d.to} ${d.port} ${d.protocol}`));
    const again = await measure(cluster.kube, sources, targets, (from, t) =>
      pending.has(`${from} ${t.name} ${t.port} ${t.protocol}`),
    );
    const byKey = new Map(again.map((c) => [`${c.from} ${c.to} ${c.port} ${c.protocol}`, c]));
    cells = cells.map((c) => byKey.get(`${c.from} ${c.to} ${c.port} ${c.protocol}`) ?? c);
    disagreements = await judge(cluster, cells, options.profile);
    rounds++;
  }
  return { cells, disagreements, rounds };
}
