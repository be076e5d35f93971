/**
 * The simulated prober: the semantics engine answers, with the same outcomes a live prober
 * reports. A destination pod "listens" on the container ports it declares (an allowed
 * connection to another port is refused: reached, nothing listens); a probe target answers;
 * the cluster DNS answers when the connection to its pod is allowed.
 *
 * The policies it judges with are its own (by default the ones the plan expects), so tests
 * can give it a cluster that disagrees with the plan.
 */
import type { CniProfile } from "../cni/profiles.js";
import type { CiliumNetworkPolicy, Pod } from "../k8s/types.js";
import { buildModel, type CiliumPolicyInput, type Model } from "../semantics/model.js";
import { evaluate } from "../semantics/evaluate.js";
import type { PlanInventory, PolicySetInput } from "./types.js";
import {
  isDnsTarget,
  isIpTarget,
  isPodTarget,
  type ObservedOutcome,
  type ProbeCheck,
  type ProbeObservations,
  type ProbePlan,
  type ProbeRequest,
  type Prober,
} from "./types.js";

export interface SimulatedCluster {
  inventory: PlanInventory;
  /** The policies actually in force. */
  policies: PolicySetInput;
  profile: CniProfile;
}

export class SimulatedProber implements Prober {
  readonly name = "simulated";
  private readonly models = new WeakMap<ProbePlan, Model>();

  constructor(private readonly cluster: SimulatedCluster) {}

  private modelFor(plan: ProbePlan): Model {
    let model = this.models.get(plan);
    if (!model) {
      // The probe pods as the API server would hold them: their namespace and labels.
      const probePods: Pod[] = plan.pods.map((p) => ({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { namespace: p.metadata.namespace, name: p.metadata.name, labels: p.metadata.labels },
        spec: { containers: [{ name: "probe" }] },
      }));
      model = buildModel({
        pods: [...this.cluster.inventory.pods, ...probePods],
        namespaces: this.cluster.inventory.namespaces,
        policies: this.cluster.policies.policies,
        ciliumPolicies: (this.cluster.policies.ciliumPolicies ?? []).map((p) =>
          (p as CiliumPolicyInput).policy ? (p as CiliumPolicyInput) : { policy: p as CiliumNetworkPolicy },
        ),
        profile: this.cluster.profile,
      });
      this.models.set(plan, model);
    }
    return model;
  }

  observe(plan: ProbePlan, check: ProbeCheck): ObservedOutcome {
    if (check.expect === "cannot-check")
      return { outcome: "cannot-check", evidence: "planned", message: check.reason };
    const model = this.modelFor(plan);
    const pod = check.from.pod;
    const to = check.judgedTo;
    if (pod === undefined || to === undefined || !model.podsByKey.has(`${check.from.namespace}/${pod}`))
      return { outcome: "cannot-check", evidence: "never-started", message: "no probe pod runs this check" };
    if (isPodTarget(check.to) || isDnsTarget(check.to)) {
      if (!model.podsByKey.has(to))
        return { outcome: "cannot-check", evidence: "no-result-line", message: `pod ${to} is gone` };
    }
    const verdict = evaluate(model, {
      from: `${check.from.namespace}/${pod}`,
      to,
      port: check.port,
      protocol: check.protocol,
    });
    if (isDnsTarget(check.to))
      return verdict.allowed
        ? { outcome: "allowed", detail: "connected" }
        : { outcome: "dns-failure", message: "DNS query timed out" };
    // A denial as the plan's dataplane shows it: refused where it rejects, else a timeout.
    if (!verdict.allowed)
      return plan.dataplane.denials === "reject"
        ? { outcome: "refused" }
        : { outcome: "blocked", detail: "timeout" };
    if (isIpTarget(check.to)) return { outcome: "allowed", detail: "connected" };
    const listening = model.podsByKey
      .get(to)
      ?.ports.some((p) => p.containerPort === check.port && (p.protocol ?? "TCP") === check.protocol);
    return listening ? { outcome: "allowed", detail: "connected" } : { outcome: "refused" };
  }

  probe(request: ProbeRequest): Promise<ProbeObservations> {
    const ids = request.checkIds ?? request.plan.checks.map((c) => c.id);
    const byId = new Map(request.plan.checks.map((c) => [c.id, c]));
    const outcomes = new Map<string, ObservedOutcome>();
    for (const id of ids) {
      const check = byId.get(id);
      if (check) outcomes.set(id, this.observe(request.plan, check));
    }
    return Promise.resolve({ outcomes, warnings: [] });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
