/**
 * What each check should show: the semantics engine's verdict on the live inventory plus the
 * probe pods themselves (each in its caller's namespace with its caller's labels), once with
 * the policies being deployed and once with those before. A verdict that changes is an
 * intended change when the semantic diff lists it.
 */
import type { EnvironmentIntent, Protocol } from "../intent/model.js";
import type { CiliumNetworkPolicy, Pod } from "../k8s/types.js";
import type { FlowChange, SemanticDiff } from "../semantics/contracts.js";
import { buildModel, type CiliumPolicyInput, type Model } from "../semantics/model.js";
import { evaluate, type DirectionVerdict, type Probe, type Verdict } from "../semantics/evaluate.js";
import { formatPolicy } from "../semantics/explain.js";
import type { Reachability } from "../semantics/reachability.js";
import { probePodLabels, type ProbeRun } from "./pod.js";
import { checkId, type Draft } from "./plan-draft.js";
import type { Identity } from "./plan-identities.js";
import type { PlanInventory, PolicySetInput, ProbeCheck } from "./types.js";

export interface ExpectationInput {
  environment: EnvironmentIntent;
  inventory: PlanInventory;
  /** Namespaces that exist: only there can a probe pod run. */
  namespaces: Set<string>;
  /** Every identity a check may run as. */
  identities: Identity[];
  run: ProbeRun;
  after: PolicySetInput;
  before: PolicySetInput;
  diff?: SemanticDiff;
}

function reach(v: Verdict): Reachability {
  return v.allowed ? "allowed" : "blocked";
}

function directionWhy(d: DirectionVerdict): string | undefined {
  if (d.outcome === "allowed")
    return `${d.direction} allowed by ${d.allowedBy.map((r) => `${r.namespace}/${r.policy}[${r.ruleIndex}]`).join(", ")}`;
  if (d.outcome === "denied")
    return `${d.direction} isolated by ${d.isolatedBy.map(formatPolicy).join(", ")}`;
  return undefined;
}

/** The rule or isolation behind a verdict, one short line. */
function because(v: Verdict): string {
  const parts = v.allowed
    ? [directionWhy(v.egress), directionWhy(v.ingress)]
    : [
        v.egress.allowed ? undefined : directionWhy(v.egress),
        v.ingress.allowed ? undefined : directionWhy(v.ingress),
      ];
  const text = parts.filter((p): p is string => p !== undefined).join("; ");
  return text !== "" ? text : "no policy isolates either side";
}

function portCovers(label: string, port: number): boolean {
  if (label === "*") return true;
  const m = /^(\d+)(?:-(\d+))?$/.exec(label);
  if (!m) return false;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  return port >= lo && port <= hi;
}

/** Whether the diff lists this connection's change (added when it opens, removed when it closes). */
function changeListed(
  changes: FlowChange[],
  from: string,
  to: string[],
  port: number,
  protocol: Protocol,
  opens: boolean,
): boolean {
  return changes.some(
    (c) =>
      c.change === (opens ? "added" : "removed") &&
      c.from === from &&
      to.includes(c.to) &&
      c.protocol === protocol &&
      portCovers(c.port, port),
  );
}

/**
 * The judge of drafts: the expected verdict after the deploy alone, and the whole check. The
 * same policies before and after (an unchanged environment) make one model, judged once.
 */
export function expectations(input: ExpectationInput): {
  expectAfter(d: Draft): Reachability;
  check(d: Draft): ProbeCheck;
} {
  const probePods: Pod[] = input.identities
    .filter((id) => input.namespaces.has(id.namespace))
    .map((id) => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { namespace: id.namespace, name: id.pod, labels: probePodLabels(id, input.run) },
      spec: { containers: [{ name: "probe" }] },
    }));
  const modelOf = (set: PolicySetInput): Model =>
    buildModel({
      pods: [...input.inventory.pods, ...probePods],
      namespaces: input.inventory.namespaces,
      policies: set.policies,
      ciliumPolicies: (set.ciliumPolicies ?? []).map((p) =>
        (p as CiliumPolicyInput).policy ? (p as CiliumPolicyInput) : { policy: p as CiliumNetworkPolicy },
      ),
      profile: input.environment.profile,
    });
  const after = modelOf(input.after);
  const before = input.before === input.after ? after : modelOf(input.before);
  const changes = input.diff?.changes ?? [];
  const judgeable = (d: Draft): d is Draft & { identity: Identity; judgeTo: string } =>
    !d.cannotCheck && d.identity !== undefined && d.judgeTo !== undefined;
  const probeOf = (d: Draft & { identity: Identity; judgeTo: string }): Probe => ({
    from: `${d.identity.namespace}/${d.identity.pod}`,
    to: d.judgeTo,
    port: d.port,
    protocol: d.protocol,
  });

  return {
    expectAfter: (d) => (judgeable(d) ? reach(evaluate(after, probeOf(d))) : "cannot-check"),
    check: (d) => {
      // Key by key, in the order of the plan's JSON (spreading optional keys costs more here).
      const base: Pick<
        ProbeCheck,
        "id" | "kind" | "from" | "to" | "port" | "protocol" | "portName" | "source"
      > = {
        id: checkId(d),
        kind: d.kind,
        from: d.from,
        to: d.to,
        port: d.port,
        protocol: d.protocol,
      };
      if (d.portName !== undefined) base.portName = d.portName;
      if (d.source) base.source = d.source;
      if (!judgeable(d)) {
        const cannot = d.cannotCheck ?? {
          reason: "no-running-pod" as const,
          message: "nothing to connect to",
        };
        return Object.assign(base, {
          expect: "cannot-check" as const,
          expectBefore: "cannot-check" as const,
          changeDeclared: false,
          reason: `${d.reason}; cannot check: ${cannot.message}`,
          cannotCheck: cannot.reason,
        });
      }
      const probe = probeOf(d);
      const va = evaluate(after, probe);
      const vb = before === after ? va : evaluate(before, probe);
      const expect = reach(va);
      const expectBefore = reach(vb);
      const changeDeclared =
        expect !== expectBefore &&
        changeListed(changes, d.identity.label, d.toLabels, d.port, d.protocol, expect === "allowed");
      return Object.assign(base, {
        expect,
        expectBefore,
        changeDeclared,
        ...(d.listens !== undefined ? { listens: d.listens } : {}),
        reason: d.reason,
        because: because(va),
        judgedTo: d.judgeTo,
      });
    },
  };
}
