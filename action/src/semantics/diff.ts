/**
 * Semantic diff: which connections open or close between two sets of policies, and which
 * rule is responsible.
 *
 * - `diffEnvironments(base, head)` judges the compiled intents on a synthetic inventory
 *   (see synthetic-inventory.ts) — what a pull request changes, without a cluster.
 * - `diffPolicySets(cluster, base, head)` judges two sets of NetworkPolicies on a real
 *   inventory of pods and namespaces.
 *
 * A connection is listed when its verdict changes. An endpoint that exists on one side only
 * (a new service, a new environment) makes the other side "absent": its rule-allowed
 * connections are added (or removed), while connections that were merely never isolated
 * are not listed — nothing about them is the policies' doing.
 */
import type { EnvironmentIntent, Flow, SourceRef } from "../intent/model.js";
import type { CiliumNetworkPolicy, Namespace, NetworkPolicy, Pod, Protocol } from "../k8s/types.js";
import type { CniProfile } from "../cni/profiles.js";
import type { CompiledBundle } from "../compile/types.js";
import { ALLOW_DNS_NAME, compileEnvironment } from "../compile/compile.js";
import type { FlowChange, RuleRef, SemanticDiff } from "./contracts.js";
import { buildModel, type CiliumPolicyInput, type Model, type PolicyInput } from "./model.js";
import {
  evaluate,
  evaluateParties,
  isAllowed,
  type DirectionVerdict,
  type Party,
  type Probe,
  type Verdict,
} from "./evaluate.js";
import type { IpFamily } from "../k8s/ip.js";
import { explainDirection, formatPolicy, formatRule } from "./explain.js";
import { endpointKey, type SyntheticEndpoint } from "./synthetic-endpoints.js";
import { syntheticInventory } from "./synthetic-inventory.js";
import { parseIp } from "../k8s/ip.js";
import { VerdictInputs, type EndInputs } from "./verdict-inputs.js";

type Side = "base" | "head";

/** The NetworkPolicies (with rule origins) and CiliumNetworkPolicies of a compiled bundle. */
export function policiesOfBundle(bundle: CompiledBundle | undefined): {
  policies: PolicyInput[];
  ciliumPolicies: CiliumPolicyInput[];
} {
  const policies: PolicyInput[] = [];
  const ciliumPolicies: CiliumPolicyInput[] = [];
  for (const obj of bundle?.objects ?? []) {
    if (obj.manifest.kind === "NetworkPolicy") {
      policies.push({ policy: obj.manifest, ...(obj.ruleOrigins ? { ruleOrigins: obj.ruleOrigins } : {}) });
    } else if (obj.manifest.kind === "CiliumNetworkPolicy") {
      ciliumPolicies.push({
        policy: obj.manifest,
        ...(obj.ruleOrigins ? { ruleOrigins: obj.ruleOrigins } : {}),
      });
    }
  }
  return { policies, ciliumPolicies };
}

/** Port ranges every NetworkPolicy rule of the bundles names (for the "every other port" probe). */
function mentionedPorts(
  bundles: (CompiledBundle | undefined)[],
): { protocol: Protocol; port?: number; endPort?: number }[] {
  const out: { protocol: Protocol; port?: number; endPort?: number }[] = [];
  for (const b of bundles) {
    for (const obj of b?.objects ?? []) {
      if (obj.manifest.kind !== "NetworkPolicy") continue;
      for (const rule of [...(obj.manifest.spec.ingress ?? []), ...(obj.manifest.spec.egress ?? [])]) {
        for (const p of rule.ports ?? []) {
          if (typeof p.port === "number") {
            out.push({
              protocol: p.protocol ?? "TCP",
              port: p.port,
              ...(p.endPort !== undefined ? { endPort: p.endPort } : {}),
            });
          }
        }
      }
    }
  }
  return out;
}

/** The state of one connection on one side. */
type State = { kind: "absent" } | { kind: "judged"; verdict: Verdict };

function allowed(s: State): boolean {
  return s.kind === "judged" && s.verdict.allowed;
}

/** Allowed without any rule taking part: nothing isolates either side. */
function merelyOpen(v: Verdict): boolean {
  return v.egress.allowedBy.length === 0 && v.ingress.allowedBy.length === 0;
}

interface Judged {
  from: string;
  to: string;
  portLabel: string;
  protocol: Protocol;
  base: State;
  head: State;
}

/**
 * The change a pair of states makes, or undefined. `describe` names the endpoints for the
 * explanation and picks the intent line behind a rule.
 */
function classify(
  j: Judged,
  pickSource: (side: Side, rule: RuleRef) => SourceRef | undefined,
  absentReason: (side: Side) => string,
  absentSummary: (side: Side) => string = absentReason,
): FlowChange | undefined {
  const a = allowed(j.base);
  const b = allowed(j.head);
  if (a === b) return undefined;
  const change: "added" | "removed" = b ? "added" : "removed";
  const now = (change === "added" ? j.head : j.base) as State & { kind: "judged" };
  const before = change === "added" ? j.base : j.head;
  const nowSide: Side = change === "added" ? "head" : "base";
  const beforeSide: Side = change === "added" ? "base" : "head";
  if (before.kind === "absent" && merelyOpen(now.verdict)) return undefined;

  const rule = responsibleRule(now.verdict, before);
  const ruleRef: RuleRef | undefined = rule
    ? (() => {
        const source = pickSource(nowSide, rule);
        const { origins: _origins, ...rest } = rule;
        return { ...rest, ...(source ? { source } : {}) };
      })()
    : undefined;
  const portText = `${j.portLabel === "*" ? "any other port" : j.portLabel}/${j.protocol}`;
  const allowedText = describeAllowed(now.verdict, j.from, j.to, portText, ruleRef);
  const otherText =
    before.kind === "absent"
      ? absentReason(beforeSide)
      : describeBlocked(before.verdict, j.from, j.to, portText);
  const explanation =
    change === "added"
      ? `now allowed: ${allowedText}; before: ${otherText}`
      : `now ${otherText}; before: allowed: ${allowedText}`;
  const cause = before.kind === "absent" ? "endpoint" : "rules";
  return {
    change,
    from: j.from,
    to: j.to,
    port: j.portLabel,
    protocol: j.protocol,
    ...(ruleRef ? { rule: ruleRef } : {}),
    explanation,
    summary:
      before.kind === "absent"
        ? absentSummary(beforeSide)
        : change === "added"
          ? allowedSummary(now.verdict, before.verdict)
          : blockedSummary(before.verdict),
    cause,
  };
}

/** "an egress rule now allows it", "egress and ingress rules now allow it", "no longer isolated". */
function allowedSummary(now: Verdict, before: Verdict): string {
  const opened = [now.egress, now.ingress]
    .filter((d) => d.allowedBy.length > 0 && !before[d.direction].allowed)
    .map((d) => d.direction);
  if (opened.length === 0) return "no longer isolated";
  return opened.length === 1
    ? `an ${opened[0]} rule now allows it`
    : `${opened.join(" and ")} rules now allow it`;
}

/** "no egress rule allows it now", "no egress or ingress rule allows it now". */
function blockedSummary(v: Verdict): string {
  const denied = [v.egress, v.ingress].filter((d) => !d.allowed).map((d) => d.direction);
  return `no ${denied.join(" or ")} rule allows it now`;
}

/** The rule on the changed side: a direction allowed by a rule there that was not allowed before. */
function responsibleRule(now: Verdict, before: State): RuleRef | undefined {
  const dirs: ("egress" | "ingress")[] = ["egress", "ingress"];
  for (const d of dirs) {
    const n = now[d];
    if (n.allowedBy.length === 0) continue;
    if (before.kind === "absent" || !before.verdict[d].allowed) return n.allowedBy[0];
  }
  for (const d of dirs) if (now[d].allowedBy.length > 0) return now[d].allowedBy[0];
  return undefined;
}

function describeAllowed(
  v: Verdict,
  from: string,
  to: string,
  portText: string,
  rule: RuleRef | undefined,
): string {
  const parts: string[] = [];
  for (const d of [v.egress, v.ingress]) {
    if (d.outcome === "external") continue;
    const subject = d.direction === "egress" ? from : to;
    if (d.outcome === "allowed") {
      const shown = rule && rule.direction === d.direction ? rule : d.allowedBy[0];
      parts.push(`${d.direction} at ${subject} by ${shown ? formatRule(shown) : "a rule"}`);
    } else parts.push(explainDirection(d, subject, d.direction === "egress" ? to : from, portText));
  }
  return parts.join(", ");
}

function describeBlocked(v: Verdict, from: string, to: string, portText: string): string {
  const denied: DirectionVerdict[] = [v.egress, v.ingress].filter((d) => !d.allowed);
  if (denied.length === 0) return "allowed";
  return `blocked: ${denied
    .map((d) => {
      const subject = d.direction === "egress" ? from : to;
      return `${d.direction} at ${subject} isolated by ${d.isolatedBy.map(formatPolicy).join(", ")} with no rule for ${portText}`;
    })
    .join("; ")}`;
}

/** "service production/api", "namespace dev": what a new or removed endpoint is, briefly. */
function endpointPhrase(e: SyntheticEndpoint): string {
  switch (e.kind) {
    case "service":
      return `service ${e.label}`;
    case "namespace":
      return `namespace ${e.label.replace(/^ns:/, "").replace(/\/\(other pods\)$/, "")}`;
    default:
      return e.description;
  }
}

/** DNS rules and kubelet health-check rules are built in, not declared flows. */
function builtinOf(
  src: SyntheticEndpoint,
  dst: SyntheticEndpoint,
  c: FlowChange,
  envs: Record<Side, EnvironmentIntent | undefined>,
): FlowChange["builtin"] {
  if (dst.kind === "dns" || c.rule?.policy === ALLOW_DNS_NAME) return "dns";
  const nodeCidrs = new Set([...(envs.base?.nodeCidrs ?? []), ...(envs.head?.nodeCidrs ?? [])]);
  if (src.kind === "external" && nodeCidrs.has(src.label)) return "node-cidrs";
  return undefined;
}

/** The declared name of the destination port ("metrics" for 9100), on the side that allows it. */
function portNameOf(
  dst: SyntheticEndpoint,
  c: FlowChange,
  envs: Record<Side, EnvironmentIntent | undefined>,
): string | undefined {
  if (dst.kind !== "service") return undefined;
  const [nsName, svcName] = dst.label.split("/");
  for (const side of c.change === "added" ? (["head", "base"] as const) : (["base", "head"] as const)) {
    const svc = envs[side]?.namespaces
      .find((n) => n.name === nsName)
      ?.services.find((x) => x.name === svcName);
    const port = svc?.ports.find(
      (p) =>
        p.name !== undefined &&
        p.protocol === c.protocol &&
        (p.endPort !== undefined && p.endPort !== p.port ? `${p.port}-${p.endPort}` : String(p.port)) ===
          c.port,
    );
    if (port?.name) return port.name;
  }
  return undefined;
}

function compareChanges(a: FlowChange, b: FlowChange): number {
  const portNum = (p: string): number => (p === "*" ? 70000 : Number(p.split("-")[0]));
  return (
    (a.change === b.change ? 0 : a.change === "added" ? -1 : 1) ||
    cmp(a.from, b.from) ||
    cmp(a.to, b.to) ||
    portNum(a.port) - portNum(b.port) ||
    cmp(a.protocol, b.protocol) ||
    cmp(a.port, b.port)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sourceKey(s: SourceRef): string {
  return `${s.file}:${s.line}:${s.column}`;
}

/**
 * For each endpoint, whether a verdict reads the same of it on both sides as a source, and
 * as a destination (see verdict-inputs.ts); never with different CNI profiles. A change of a
 * few flows leaves most endpoints alike, and a connection between alike ends is not judged.
 */
function alikeOnBothSides(
  models: Record<Side, Model | undefined>,
  parties: Record<Side, (Party | undefined)[]>,
): { asSource: boolean[]; asDestination: boolean[] } {
  const { base, head } = models;
  const asSource: boolean[] = [];
  const asDestination: boolean[] = [];
  if (!base || !head || JSON.stringify(base.profile) !== JSON.stringify(head.profile))
    return { asSource, asDestination };
  const inputs = new VerdictInputs();
  const read = (model: Model, party: Party | undefined): EndInputs | undefined => {
    if (party?.kind === "external") return inputs.address(party.ip, party.fqdn);
    return party?.pod ? inputs.pod(model, party.pod) : undefined;
  };
  parties.base.forEach((party, i) => {
    const b = read(base, party);
    const h = read(head, parties.head[i]);
    const same = b !== undefined && h !== undefined && b.what === h.what;
    asSource.push(same && b.egress === h.egress);
    asDestination.push(same && b.ingress === h.ingress);
  });
  return { asSource, asDestination };
}

/** The address family of a connection: its outside end's, if any. */
function familyOf(from: Party | undefined, to: Party | undefined): IpFamily | undefined {
  return from?.kind === "external" ? from.ip.family : to?.kind === "external" ? to.ip.family : undefined;
}

type Ends = readonly [Party | undefined, Party | undefined];

/** Whether a connection is allowed on one side (no verdict is built). */
function allowedOn(model: Model | undefined, [from, to]: Ends, port: number, protocol: Protocol): boolean {
  return (
    model !== undefined &&
    from !== undefined &&
    to !== undefined &&
    isAllowed(model, from, to, port, protocol, familyOf(from, to))
  );
}

/**
 * The semantic diff of one environment between two intents. A missing side means the
 * environment does not exist there: everything it allows is added (or removed).
 */
export function diffEnvironments(
  base: EnvironmentIntent | undefined,
  head: EnvironmentIntent | undefined,
  /** Bundles the caller already compiled from these intents; the missing ones are compiled here. */
  compiled: { base?: CompiledBundle; head?: CompiledBundle } = {},
): SemanticDiff {
  const bundles = {
    base: base ? (compiled.base ?? compileEnvironment(base)) : undefined,
    head: head ? (compiled.head ?? compileEnvironment(head)) : undefined,
  };
  return diffCompiled({ base, head, bundles });
}

/** Like diffEnvironments, with bundles the caller already compiled (or recorded). */
export function diffCompiled(input: {
  base: EnvironmentIntent | undefined;
  head: EnvironmentIntent | undefined;
  bundles: { base: CompiledBundle | undefined; head: CompiledBundle | undefined };
}): SemanticDiff {
  const { base, head, bundles } = input;
  const environment = head?.name ?? base?.name ?? "";
  const inventory = syntheticInventory(base, head, mentionedPorts([bundles.base, bundles.head]));
  const envs: Record<Side, EnvironmentIntent | undefined> = { base, head };
  const models: Record<Side, Model | undefined> = { base: undefined, head: undefined };
  for (const side of ["base", "head"] as const) {
    const env = envs[side];
    if (!env) continue;
    const { policies, ciliumPolicies } = policiesOfBundle(bundles[side]);
    models[side] = buildModel({
      pods: inventory.endpoints.map((e) => e.pods[side]).filter((p): p is Pod => p !== undefined),
      namespaces: inventory.namespaces[side],
      policies,
      ciliumPolicies,
      profile: env.profile,
    });
  }

  const flowsBySource: Record<Side, Map<string, Flow>> = { base: new Map(), head: new Map() };
  for (const side of ["base", "head"] as const)
    for (const f of envs[side]?.flows ?? []) flowsBySource[side].set(sourceKey(f.source), f);

  const party = (side: Side, e: SyntheticEndpoint): Party | undefined => {
    const model = models[side];
    if (!model || !e.exists[side]) return undefined;
    const pod = e.pods[side];
    if (pod) {
      const info = model.podsByKey.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
      return info ? { kind: "pod", group: info.group, name: e.label, pod: info } : undefined;
    }
    const ip = e.ip ? parseIp(e.ip) : undefined;
    if (!ip) return undefined;
    return { kind: "external", ip, name: e.label, ...(e.fqdn !== undefined ? { fqdn: e.fqdn } : {}) };
  };

  const endpoints = inventory.endpoints;
  const parties: Record<Side, (Party | undefined)[]> = {
    base: endpoints.map((e) => party("base", e)),
    head: endpoints.map((e) => party("head", e)),
  };
  const alike = alikeOnBothSides(models, parties);
  const changes: FlowChange[] = [];
  // Two addresses outside the cluster are never a flow: an outside source pairs only with
  // in-cluster destinations, so a long CIDR allow-list costs sources × pods, not its square.
  const everyIndex = endpoints.map((_, j) => j);
  const inClusterIndex = everyIndex.filter((j) => endpoints[j]?.ip === undefined);
  endpoints.forEach((src, i) => {
    if (src.kind === "fqdn") return;
    for (const j of src.ip !== undefined ? inClusterIndex : everyIndex) {
      const dst = endpoints[j] as SyntheticEndpoint;
      if (src.ip !== undefined && dst.ip !== undefined) continue;
      // Source and destination read the same on both sides: no verdict changes.
      if (alike.asSource[i] && alike.asDestination[j]) continue;
      const pair: Record<Side, Ends> = {
        base: [parties.base[i], parties.base[j]],
        head: [parties.head[i], parties.head[j]],
      };
      for (const probe of dst.ports) {
        // Cheap first pass: only a port whose verdict differs between the sides is explained.
        let differs = false;
        for (const port of probe.ports)
          differs ||=
            allowedOn(models.base, pair.base, port, probe.protocol) !==
            allowedOn(models.head, pair.head, port, probe.protocol);
        if (!differs) continue;
        const state = (side: Side, port: number): State => {
          const [f, t] = pair[side];
          if (!f || !t) return { kind: "absent" };
          return {
            kind: "judged",
            verdict: evaluateParties(models[side] as Model, f, t, port, probe.protocol, familyOf(f, t)),
          };
        };
        const judged: Judged[] = probe.ports.map((port) => ({
          from: src.label,
          to: dst.label,
          portLabel: String(port),
          protocol: probe.protocol,
          base: state("base", port),
          head: state("head", port),
        }));
        // A range whose ends agree is reported once, under the range's label.
        const first = judged[0] as Judged;
        const agree = judged.every(
          (j) => allowed(j.base) === allowed(first.base) && allowed(j.head) === allowed(first.head),
        );
        const list = agree ? [{ ...first, portLabel: probe.label }] : judged;
        const pickSource = (side: Side, rule: RuleRef): SourceRef | undefined => {
          const candidates = rule.origins ?? (rule.source ? [rule.source] : []);
          for (const c of candidates) {
            const flow = flowsBySource[side].get(sourceKey(c));
            if (
              flow &&
              src.flowKeys.includes(endpointKey(flow.from)) &&
              dst.flowKeys.includes(endpointKey(flow.to))
            )
              return c;
          }
          return candidates[0];
        };
        const absentReason = (side: Side): string => {
          if (!envs[side]) return `environment ${environment} does not exist in ${side}`;
          const missing = [src, dst].filter((e) => !e.exists[side]).map((e) => e.description);
          return `${missing.join(" and ")} ${missing.length > 1 ? "do" : "does"} not exist in ${side}`;
        };
        const absentSummary = (side: Side): string => {
          const gone = side === "base" ? "new" : "removed";
          if (!envs[side]) return `${gone} environment`;
          const missing = [src, dst].filter((e) => !e.exists[side]).map(endpointPhrase);
          return side === "base" ? `new ${missing.join(" and ")}` : `${missing.join(" and ")} removed`;
        };
        for (const j of list) {
          const c = classify(j, pickSource, absentReason, absentSummary);
          if (!c) continue;
          c.fromKind = src.kind;
          c.toKind = dst.kind;
          const builtin = builtinOf(src, dst, c, envs);
          if (builtin) c.builtin = builtin;
          const portName = portNameOf(dst, c, envs);
          if (portName) c.portName = portName;
          changes.push(c);
        }
      }
    }
  });
  changes.sort(compareChanges);

  const services = (env: EnvironmentIntent | undefined): Set<string> =>
    new Set(env?.namespaces.flatMap((n) => n.services.map((s) => `${n.name}/${s.name}`)) ?? []);
  const namespaces = (env: EnvironmentIntent | undefined): Set<string> =>
    new Set(env?.namespaces.map((n) => n.name) ?? []);
  const added = <T>(a: Set<T>, b: Set<T>): T[] => [...b].filter((x) => !a.has(x)).sort();
  return {
    environment,
    changes,
    workloads: {
      added: added(services(base), services(head)),
      removed: added(services(head), services(base)),
    },
    namespaces: {
      added: added(namespaces(base), namespaces(head)),
      removed: added(namespaces(head), namespaces(base)),
    },
  };
}

// --- policies on a real inventory -------------------------------------------------------------

/** Up to this many pods, diffPolicySets lists every pod pair; above, pairs of pod classes. */
const EXPAND_PODS_LIMIT = 300;

export interface ClusterInventory {
  pods: Pod[];
  namespaces: Namespace[];
}

export interface PolicySet {
  policies: (NetworkPolicy | PolicyInput)[];
  ciliumPolicies?: (CiliumNetworkPolicy | CiliumPolicyInput)[];
}

export interface PolicySetDiff {
  changes: FlowChange[];
  /** "namespace/name" of NetworkPolicies only in head, only in base, or in both but different. */
  policies: { added: string[]; removed: string[]; changed: string[] };
}

function asCilium(p: CiliumNetworkPolicy | CiliumPolicyInput): CiliumPolicyInput {
  return (p as CiliumPolicyInput).policy ? (p as CiliumPolicyInput) : { policy: p as CiliumNetworkPolicy };
}

/**
 * Compares two policy sets on the same pods and namespaces. With `probes`, judges exactly
 * those connections (in their order); without, every pair of pods on every container port
 * of the destination, evaluated once per pair of groups (pods no policy of either side can
 * tell apart), named after the groups' first pods.
 */
export function diffPolicySets(
  cluster: ClusterInventory,
  base: PolicySet | (NetworkPolicy | PolicyInput)[],
  head: PolicySet | (NetworkPolicy | PolicyInput)[],
  options: { profile: CniProfile; probes?: Probe[] },
): PolicySetDiff {
  const sets = {
    base: Array.isArray(base) ? { policies: base } : base,
    head: Array.isArray(head) ? { policies: head } : head,
  };
  const models = {
    base: buildModel({
      ...cluster,
      policies: sets.base.policies,
      ciliumPolicies: (sets.base.ciliumPolicies ?? []).map(asCilium),
      profile: options.profile,
    }),
    head: buildModel({
      ...cluster,
      policies: sets.head.policies,
      ciliumPolicies: (sets.head.ciliumPolicies ?? []).map(asCilium),
      profile: options.profile,
    }),
  };
  const changes: FlowChange[] = [];
  const judge = (probe: Probe): void => {
    const protocol = probe.protocol ?? "TCP";
    const j: Judged = {
      from: probe.from,
      to: probe.to,
      portLabel: String(probe.port),
      protocol,
      base: { kind: "judged", verdict: evaluate(models.base, probe) },
      head: { kind: "judged", verdict: evaluate(models.head, probe) },
    };
    const c = classify(
      j,
      (_side, rule) => rule.source,
      () => "",
    );
    if (c) changes.push(c);
  };
  if (options.probes) {
    for (const p of options.probes) judge(p);
  } else {
    // Joint groups: pods that both models put in the same group behave alike on both sides.
    const joint = new Map<string, typeof models.base.pods>();
    for (const pod of models.base.pods) {
      const other = models.head.podsByKey.get(pod.key);
      const key = `${pod.group.id}:${other?.group.id ?? -1}`;
      const list = joint.get(key);
      if (list) list.push(pod);
      else joint.set(key, [pod]);
    }
    const classes = [...joint.values()];
    // Small clusters: every pod pair (each class evaluated once, its verdict shared by its
    // members). Large ones: one line per pair of classes, named after their first pods.
    const expand = models.base.pods.length <= EXPAND_PODS_LIMIT;
    const name = (members: typeof models.base.pods): string => {
      const first = members[0] as (typeof members)[number];
      return members.length > 1 ? `${first.key} (+${members.length - 1})` : first.key;
    };
    for (const srcClass of classes) {
      for (const dstClass of classes) {
        const src = srcClass[0] as (typeof srcClass)[number];
        const dst = dstClass[0] as (typeof dstClass)[number];
        const seen = new Set<string>();
        for (const cp of dst.ports) {
          const protocol = cp.protocol ?? "TCP";
          const k = `${cp.containerPort}/${protocol}`;
          if (seen.has(k)) continue;
          seen.add(k);
          const before = changes.length;
          judge({ from: src.key, to: dst.key, port: cp.containerPort, protocol });
          const change = changes[before];
          if (!change) continue;
          if (expand) {
            changes.pop();
            // Every pair of the classes changed alike; each is judged on its own (the group
            // verdicts are cached), so its explanation names its own pods and policies.
            for (const f of srcClass) {
              for (const t of dstClass) {
                const mine = t.ports.some(
                  (x) => x.containerPort === cp.containerPort && (x.protocol ?? "TCP") === protocol,
                );
                if (mine) judge({ from: f.key, to: t.key, port: cp.containerPort, protocol });
              }
            }
          } else changes[before] = { ...change, from: name(srcClass), to: name(dstClass) };
        }
      }
    }
    changes.sort(compareChanges);
  }
  const index = (list: (NetworkPolicy | PolicyInput)[]): Map<string, string> =>
    new Map(
      list.map((p) => {
        const np = (p as PolicyInput).policy ?? (p as NetworkPolicy);
        return [`${np.metadata.namespace ?? "default"}/${np.metadata.name}`, JSON.stringify(np.spec)];
      }),
    );
  const bi = index(sets.base.policies);
  const hi = index(sets.head.policies);
  return {
    changes,
    policies: {
      added: [...hi.keys()].filter((k) => !bi.has(k)).sort(),
      removed: [...bi.keys()].filter((k) => !hi.has(k)).sort(),
      changed: [...hi.keys()].filter((k) => bi.has(k) && bi.get(k) !== hi.get(k)).sort(),
    },
  };
}
