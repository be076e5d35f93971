/**
 * The probe plan (pure, deterministic): what to check after a deploy and what each check
 * should show, from the environment's intent, the live inventory, the policies deployed
 * before and the policies being deployed. A pipeline of stages over plain data:
 *
 * 1. the inventory as the planner reads it (plan-inventory.ts);
 * 2. the identities checks run as (plan-identities.ts);
 * 3. the checks the intent asks for: declared flows and DNS (plan-targets.ts);
 * 4. the negative candidates (plan-negatives.ts);
 * 5. each check judged after and before (plan-expectations.ts), every connection once,
 *    the negatives picked round-robin up to the caps;
 * 6. the probe pods that run them (plan-pods.ts).
 *
 * planChecks is stages 1 to 5, what a preview needs; buildProbePlan adds stage 6.
 */
import type { EnvironmentIntent } from "../intent/model.js";
import type { SemanticDiff } from "../semantics/contracts.js";
import { compareStrings as cmp } from "../compile/canonical.js";
import type { ProbeRun } from "./pod.js";
import { connectionSource, connectionTarget, PlannedConnections } from "./plan-draft.js";
import { expectations } from "./plan-expectations.js";
import { Identities, type Identity } from "./plan-identities.js";
import { LiveInventory } from "./plan-inventory.js";
import { negativeCandidates, pickNegatives } from "./plan-negatives.js";
import { probePods } from "./plan-pods.js";
import { declaredChecks, dnsChecks } from "./plan-targets.js";
import {
  DEFAULT_REPROBE_POLICY,
  type CheckKind,
  type PlanCaps,
  type PlanInventory,
  type PolicySetInput,
  type ProbeCheck,
  type ProbePlan,
  type ProbePodOptions,
  type ReprobePolicy,
} from "./types.js";

const DEFAULT_PLAN_CAPS: PlanCaps = { negative: 200, negativePerSource: 20 };

/** The name every DNS check resolves; any name the cluster DNS answers for will do. */
const DEFAULT_DNS_NAME = "kubernetes.default.svc.cluster.local";

export interface PlanInput {
  environment: EnvironmentIntent;
  /** The live inventory (or the intent's synthetic one, for a preview). */
  inventory: PlanInventory;
  /** The policies in force once the deploy is done. */
  after: PolicySetInput;
  /** The policies in force before it (the live ones); `after` itself when nothing changes. */
  before: PolicySetInput;
  /** The semantic diff of the change: a changed verdict it lists is an intended change. */
  diff?: SemanticDiff;
  run?: Partial<ProbeRun>;
  caps?: Partial<PlanCaps>;
  pods?: Partial<ProbePodOptions>;
  /** Default: DEFAULT_REPROBE_POLICY, with the settle window of the environment's CNI profile. */
  reprobe?: Partial<ReprobePolicy>;
  /** The name DNS checks resolve. Default DEFAULT_DNS_NAME. */
  dnsName?: string;
}

const KIND_ORDER: Record<CheckKind, number> = { declared: 0, dns: 1, external: 2, negative: 3 };

/** The checks of a plan, judged, before any pod is planned to run them. */
export interface PlannedChecks {
  /** Sorted by source (namespace, probe pod), then kind, then id. */
  checks: ProbeCheck[];
  /** Every identity a check may run as, by namespace and pod name. */
  identities: Identity[];
  run: ProbeRun;
  caps: PlanCaps;
  omittedNegative: number;
}

/** Stages 1 to 5: the checks, without their pods (what a preview counts). Deterministic. */
export function planChecks(input: PlanInput): PlannedChecks {
  const env = input.environment;
  const run: ProbeRun = {
    id: input.run?.id ?? "plan",
    environment: input.run?.environment ?? env.name,
  };
  const caps: PlanCaps = { ...DEFAULT_PLAN_CAPS, ...input.caps };

  const cluster = new LiveInventory(input.inventory);
  // Identities are named by the first caller that asks: declared flows, then DNS, then negatives.
  const identities = new Identities(run.id, env);
  const declared = declaredChecks(env, cluster, identities);
  const dns = dnsChecks(env, cluster, identities, input.dnsName ?? DEFAULT_DNS_NAME);
  const candidates = negativeCandidates(env, cluster, identities, declared.pairs);

  const judge = expectations({
    environment: env,
    inventory: input.inventory,
    namespaces: cluster.namespaces,
    identities: identities.all(),
    run,
    after: input.after,
    before: input.before,
    ...(input.diff ? { diff: input.diff } : {}),
  });
  const checks: ProbeCheck[] = [];
  const planned = new PlannedConnections();
  for (const d of [...declared.drafts, ...dns])
    if (planned.add(connectionSource(d), connectionTarget(d))) checks.push(judge.check(d));
  const negatives = pickNegatives(candidates, judge, planned, caps);
  checks.push(...negatives.checks);
  checks.sort(
    (a, b) =>
      cmp(a.from.namespace, b.from.namespace) ||
      cmp(a.from.pod ?? a.from.outside ?? "", b.from.pod ?? b.from.outside ?? "") ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      cmp(a.id, b.id),
  );
  return { checks, identities: identities.all(), run, caps, omittedNegative: negatives.omitted };
}

/** Builds the plan: its checks, and the probe pods that run them. Deterministic, byte for byte. */
export function buildProbePlan(input: PlanInput): ProbePlan {
  const { checks, identities, run, caps, omittedNegative } = planChecks(input);
  const { pods, runObjects, warnings } = probePods(
    checks,
    identities,
    run,
    input.inventory.services,
    input.pods,
  );
  return {
    environment: input.environment.name,
    checks,
    pods,
    runObjects,
    cannotCheck: checks
      .filter((c) => c.cannotCheck !== undefined)
      .map((c) => ({ checkId: c.id, reason: c.cannotCheck!, message: c.reason })),
    caps,
    omittedNegative,
    reprobe: {
      ...DEFAULT_REPROBE_POLICY,
      settleSeconds: input.environment.profile.settleSeconds,
      ...input.reprobe,
    },
    dataplane: { cni: input.environment.cni, denials: input.environment.profile.denials },
    warnings,
  };
}
