/**
 * A simulated dataplane for the fake API server: a probe pod runs the checks its
 * arguments name (as the constant probe script reads them) and each check is answered by the semantics engine from the pods
 * and NetworkPolicies stored in the fake at the moment the iteration runs. Connections
 * the policies allow connect (or are refused when the destination declares no such
 * container port); blocked ones time out after the script's timeout, as on a real node.
 *
 * Faults: `deviateOn` names one rule the "CNI" ignores (connections only that rule allows
 * are dropped), `settleAfterMs` makes every connection time out until then (policies not
 * yet converged).
 */
import type { Dataplane, FakeKube, Json, PodProcess } from "./kube-server.js";
import { buildModel, type Model } from "../../action/src/semantics/model.js";
import { evaluate, type DirectionVerdict } from "../../action/src/semantics/evaluate.js";
import { CNI_PROFILES, type CniProfile } from "../../action/src/cni/profiles.js";
import type { Namespace, NetworkPolicy, Pod, Protocol } from "../../action/src/k8s/types.js";
import { PROBE_COMMAND } from "../../action/src/probe/pod-script.js";

export interface RuleId {
  namespace: string;
  policy: string;
  direction: "ingress" | "egress";
  ruleIndex: number;
}

export interface ProbeDataplaneOptions {
  profile?: CniProfile;
  /** A rule the simulated CNI does not enforce: what only it allows is dropped. */
  deviateOn?: RuleId;
  /** Until this many ms after a pod starts, every check times out. */
  settleAfterMs?: number;
}

interface ScriptLine {
  /** The check's number as the script prints it: its position among the check arguments. */
  n: number;
  mode: string;
  host: string;
  port: number;
  name?: string;
}

/**
 * Reads the timeout and the checks back from a probe container's arguments, as the
 * constant script does; undefined when the container does not run the probe command.
 */
export function parseArguments(
  container: Json,
): { timeoutSeconds: number; checks: ScriptLine[] } | undefined {
  const command = (container.command as string[] | undefined) ?? [];
  if (command.join("\0") !== PROBE_COMMAND.join("\0")) return undefined;
  const [t, ...args] = (container.args as string[] | undefined) ?? [];
  const checks = args.map((arg, i): ScriptLine => {
    const [mode = "", host = "", port = "0", ...rest] = arg.split(",");
    return { n: i + 1, mode, host, port: Number(port), ...(rest.length > 0 ? { name: rest.join(",") } : {}) };
  });
  return { timeoutSeconds: Number(t ?? "3"), checks };
}

export function probeDataplane(options: ProbeDataplaneOptions = {}): Dataplane {
  const profile = options.profile ?? CNI_PROFILES.generic;
  let cached: { version: number; model: Model } | undefined;
  const modelOf = (fake: FakeKube): Model => {
    if (cached?.version === fake.version()) return cached.model;
    const model = buildModel({
      namespaces: fake.list("namespaces") as unknown as Namespace[],
      pods: (fake.list("pods") as unknown as Pod[]).filter((p) => p.status?.podIP),
      policies: fake.list("networkpolicies") as unknown as NetworkPolicy[],
      profile,
    });
    cached = { version: fake.version(), model };
    return model;
  };

  const enforced = (v: DirectionVerdict): boolean => {
    const d = options.deviateOn;
    if (!v.allowed || v.outcome !== "allowed" || !d || d.direction !== v.direction) return v.allowed;
    return v.allowedBy.some(
      (r) => !(r.namespace === d.namespace && r.policy === d.policy && r.ruleIndex === d.ruleIndex),
    );
  };

  /** connected | refused | timeout for one connection from the probe pod. */
  const connect = (fake: FakeKube, from: string, ip: string, port: number, protocol: Protocol): string => {
    const model = modelOf(fake);
    ip = ip.replace(/^\[(.*)\]$/, "$1");
    const target = model.podsByIp.get(ip);
    if (!target && ip.startsWith("10.244.")) return "timeout"; // a pod address nobody has
    const v = evaluate(model, { from, to: target ? target.key : ip, port, protocol });
    if (!enforced(v.egress) || !enforced(v.ingress)) return "timeout";
    if (!target) return "connected";
    const listens = target.ports.some((p) => p.containerPort === port && (p.protocol ?? "TCP") === protocol);
    return listens ? "connected" : "refused";
  };

  /** answered | timeout for a DNS query to a Service address (or the cluster DNS). */
  const query = (fake: FakeKube, from: string, server: string, port: number, protocol: Protocol): string => {
    const services = fake.list("services");
    const svc = services.find((s) =>
      server
        ? (s.spec as Json | undefined)?.clusterIP === server
        : (s.metadata as Json).namespace === "kube-system" && (s.metadata as Json).name === "kube-dns",
    );
    const spec = (svc?.spec ?? {}) as Json;
    const selector = (spec.selector ?? {}) as Record<string, string>;
    const servicePort = ((spec.ports ?? []) as Json[]).find(
      (p) => p.port === port && (p.protocol ?? "TCP") === protocol,
    );
    const targetPort = typeof servicePort?.targetPort === "number" ? servicePort.targetPort : port;
    const namespace = svc ? (svc.metadata as Json).namespace : undefined;
    const endpoints = svc
      ? fake
          .list("pods", namespace as string)
          .filter((p) =>
            Object.entries(selector).every(
              ([k, v]) => ((p.metadata as Json).labels as Json | undefined)?.[k] === v,
            ),
          )
          .map((p) => (p.status as Json | undefined)?.podIP as string | undefined)
          .filter((ip): ip is string => ip !== undefined)
      : server
        ? [server]
        : [];
    return endpoints.some((ip) => connect(fake, from, ip, targetPort, protocol) === "connected")
      ? "answered"
      : "timeout";
  };

  return {
    run(pod: Json, fake: FakeKube): PodProcess {
      const containers = ((pod.spec as Json | undefined)?.containers ?? []) as Json[];
      const parsed = containers.map(parseArguments).find((p) => p !== undefined);
      if (!parsed) return { logUntil: () => "" };
      const { timeoutSeconds, checks } = parsed;
      const meta = pod.metadata as Json;
      const self = `${String(meta.namespace)}/${String(meta.name)}`;
      const period = timeoutSeconds * 1000;
      const iterations: { start: number; lines: { at: number; line: string }[] }[] = [];
      const iteration = (k: number) => {
        let it = iterations[k - 1];
        if (it) return it;
        const start = (k - 1) * period;
        const settled = start >= (options.settleAfterMs ?? 0);
        const lines = checks.map((c) => {
          const protocol = (
            c.mode === "dns-tcp" ? "TCP" : c.mode === "dns-udp" ? "UDP" : c.mode.toUpperCase()
          ) as Protocol;
          const result = !settled
            ? "timeout"
            : c.mode.startsWith("dns-")
              ? query(fake, self, c.host, c.port, protocol)
              : connect(fake, self, c.host, c.port, protocol);
          const exit =
            result === "connected" || result === "answered"
              ? 0
              : result === "timeout" && c.mode.startsWith("dns-")
                ? 9
                : 1;
          return {
            at: start + (result === "timeout" ? period - 1 : 1),
            line: `{"i":${k},"check":${c.n},"result":"${result}","exit":${exit}}`,
          };
        });
        it = { start, lines: lines.sort((a, b) => a.at - b.at) };
        iterations[k - 1] = it;
        return it;
      };
      return {
        logUntil(elapsedMs: number): string {
          const out: string[] = [];
          for (let k = 1; (k - 1) * period <= elapsedMs; k++) {
            const it = iteration(k);
            out.push(`{"i":${k},"start":true}`);
            for (const l of it.lines) if (l.at <= elapsedMs) out.push(l.line);
          }
          return out.length > 0 ? out.join("\n") + "\n" : "";
        },
      };
    },
  };
}
