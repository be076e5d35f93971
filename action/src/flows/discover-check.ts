/**
 * The semantics engine's check of what discover wrote: every observed flow that went through
 * must be allowed by the compiled environment, and the report says what else it opens:
 * connections between the environment's services (and the other pods of its namespaces) on
 * their declared ports that no observed flow used, and the networks and namespaces a flow
 * opens as a whole. Pure.
 */
import type { CompiledBundle } from "../compile/types.js";
import type { EnvironmentIntent } from "../intent/model.js";
import type { Pod } from "../k8s/types.js";
import { policiesOfBundle } from "../semantics/diff.js";
import { evaluate } from "../semantics/evaluate.js";
import { buildModel } from "../semantics/model.js";
import { plural } from "../text/plural.js";
import type { Discovery } from "./discover.js";
import { gapReport, intentName, intentNamespaces, type BlockedFlow } from "./gap.js";
import type { FlowSummary } from "./summary.js";

export interface DiscoverCheck {
  /** Observed flows that went through and the written environment blocks: must be none. */
  blocked: BlockedFlow[];
  /** Connections the environment allows that no observed flow used ("shop/web -> shop/api:9090/TCP"). */
  alsoOpens: string[];
  /** Pairs the check did not evaluate, past its bound (0: every pair was). */
  notEvaluated: number;
  /** Flows that open more than what was seen: whole networks, every pod of a namespace. */
  wider: string[];
}

/** The most connections evaluated for "also opens": services² × ports stays bounded. */
const MAX_EVALUATIONS = 200_000;

export function checkDiscovery(
  env: EnvironmentIntent,
  bundle: CompiledBundle,
  summary: FlowSummary,
  discovery: Discovery,
): DiscoverCheck {
  const blocked = gapReport(env, bundle, summary).blocked;

  // Who talks to whom, as the environment names the sides: "ns/service" or "ns/*".
  const seen = new Set<string>();
  for (const f of summary.flows) {
    const from = groupName(intentName(env, f.from));
    const to = groupName(intentName(env, f.to));
    if (from && to) seen.add(`${from} ${to} ${f.port}/${f.protocol}`);
  }

  // One stand-in pod per service, and one for the other pods of each namespace.
  const pods: Pod[] = [];
  const groups: { key: string; name: string; ports: { port: number; protocol: string }[] }[] = [];
  for (const ns of env.namespaces) {
    for (const svc of ns.services) {
      const key = `${ns.name}/svc-${groups.length}`;
      pods.push(standIn(ns.name, key, svc.labels, svc.ports));
      groups.push({
        key,
        name: `${ns.name}/${svc.name}`,
        ports: svc.ports
          .filter((p) => p.endPort === undefined)
          .map((p) => ({ port: p.port, protocol: p.protocol })),
      });
    }
    const key = `${ns.name}/other-${groups.length}`;
    pods.push(standIn(ns.name, key, { "netpol-rollout.io/stand-in": "other-pods" }, []));
    groups.push({ key, name: `${ns.name}/*`, ports: [] });
  }
  const { policies, ciliumPolicies } = policiesOfBundle(bundle);
  const model = buildModel({
    pods,
    namespaces: intentNamespaces(env),
    policies,
    ciliumPolicies,
    profile: env.profile,
  });
  const alsoOpens: string[] = [];
  let evaluations = 0;
  let notEvaluated = 0;
  for (const to of groups) {
    for (const port of to.ports) {
      for (const from of groups) {
        if (from === to) continue;
        if (evaluations >= MAX_EVALUATIONS) {
          notEvaluated++;
          continue;
        }
        evaluations++;
        const id = `${from.name} ${to.name} ${port.port}/${port.protocol}`;
        if (seen.has(id)) continue;
        const v = evaluate(model, {
          from: from.key,
          to: to.key,
          port: port.port,
          protocol: port.protocol as "TCP",
        });
        if (v.allowed) alsoOpens.push(`${from.name} -> ${to.name}:${port.port}/${port.protocol}`);
      }
    }
  }

  const wider: string[] = [];
  for (const f of discovery.flows) {
    for (const e of [f.from, f.to]) {
      if (e.kind === "cidr") {
        const size = cidrSize(e.cidr);
        if (size > e.addresses.length)
          wider.push(
            `${e.cidr} opens ${size === Infinity ? "2^64" : size} addresses; ${plural(e.addresses.length, "was", "were")} seen`,
          );
      }
      if (e.kind === "namespace") wider.push(`every pod of namespace ${e.namespace}, not only the ones seen`);
    }
  }
  return { blocked, alsoOpens, notEvaluated, wider: [...new Set(wider)] };
}

function standIn(
  namespace: string,
  key: string,
  labels: Record<string, string>,
  ports: { port: number; protocol: string; name?: string }[],
): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { namespace, name: key.slice(namespace.length + 1), labels: { ...labels } },
    spec: {
      containers: [
        {
          name: "main",
          ports: ports.map((p) => ({
            containerPort: p.port,
            protocol: p.protocol as "TCP",
            ...(p.name !== undefined ? { name: p.name } : {}),
          })),
        },
      ],
    },
    status: { phase: "Running" },
  };
}

function groupName(n: ReturnType<typeof intentName>): string | undefined {
  if (n.kind === "service") return n.text;
  if (n.kind === "namespace") return `${n.namespace}/*`;
  return undefined;
}

function cidrSize(cidr: string): number {
  const [ip, bits] = cidr.split("/");
  const prefix = Number(bits);
  const width = (ip ?? "").includes(":") ? 128 : 32;
  const host = width - prefix;
  return host > 53 ? Infinity : 2 ** host;
}
