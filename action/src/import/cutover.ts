/**
 * The first deploy of an environment that replaces a cluster's own policies (`replaces:`).
 *
 * The environment is deployed beside them in its usual steps (allows, then the default-deny)
 * and probed; then the replaced policies the cluster still holds as recorded are removed and
 * the environment probed again. Before anything changes, the semantics engine judges every
 * state on the way (the cluster now, with the allows, with everything, without the replaced
 * policies): a step may only open what the end allows, and only cut what the end cuts. A
 * replaced policy edited since it was recorded is not the one the import proved equal: the
 * deploy refuses rather than remove it.
 */
import type { CniProfile } from "../cni/profiles.js";
import { canonicalJson } from "../compile/canonical.js";
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE, type CompiledBundle } from "../compile/types.js";
import type { DnsIntent } from "../intent/model.js";
import type { CiliumNetworkPolicy, Namespace, NetworkPolicy, Pod, PolicyObject } from "../k8s/types.js";
import { policiesOfBundle } from "../semantics/diff.js";
import { proveImport, type PolicySet } from "./prove.js";

export interface CutoverInput {
  /** The policies the environment replaces, as recorded. */
  replaced: { policies: NetworkPolicy[]; ciliumPolicies: CiliumNetworkPolicy[] };
  /** Every policy the cluster holds now, the environment's own included. */
  live: PolicyObject[];
  pods: Pod[];
  namespaces: Namespace[];
  /** The environment's own objects in the cluster now. */
  current: CompiledBundle;
  /** What the deploy reaches. */
  target: CompiledBundle;
  profile: CniProfile;
  dns: DnsIntent;
}

export interface Cutover {
  /** Replaced NetworkPolicies the cluster holds as recorded (the live objects): removed after the deploy is proven. */
  remove: NetworkPolicy[];
  /** Replaced CiliumNetworkPolicies the cluster still holds: for a person to remove once the deploy is proven. */
  byHand: string[];
  /** Why the deploy may not go ahead; nothing has changed. */
  problems: string[];
}

/** At most this many connections are named in a refusal; the count says how many more. */
const NAMED = 10;

export function planCutover(input: CutoverInput): Cutover {
  const out: Cutover = { remove: [], byHand: [], problems: [] };
  const key = (o: PolicyObject): string =>
    `${o.kind} ${o.metadata.namespace ?? "default"}/${o.metadata.name}`;
  const foreign = new Map(
    input.live
      .filter((o) => o.metadata.labels?.[MANAGED_BY_LABEL] !== MANAGED_BY_VALUE)
      .map((o) => [key(o), o]),
  );
  for (const recorded of input.replaced.policies) {
    const live = foreign.get(key(recorded));
    if (!live || live.kind !== "NetworkPolicy") continue;
    if (specOf(live) !== specOf(recorded)) {
      out.problems.push(
        `${key(recorded)} changed since netpol-rollout import recorded it; import again (or remove it yourself) before the first deploy replaces it`,
      );
      continue;
    }
    out.remove.push(live);
  }
  for (const recorded of input.replaced.ciliumPolicies) {
    if (foreign.has(key(recorded))) out.byHand.push(key(recorded));
  }
  if (out.remove.length === 0 || out.problems.length > 0) return out;

  // The states on the way, judged against the cluster now and the end.
  const removed = new Set(out.remove.map(key));
  const own = new Set(input.current.objects.map((o) => key(o.manifest)));
  const others = input.live.filter((o) => !own.has(key(o)));
  const set = (objects: PolicyObject[], bundle?: CompiledBundle): PolicySet => {
    const compiled = policiesOfBundle(bundle);
    const cilium = input.profile.name === "cilium";
    return {
      policies: [
        ...objects.filter((o): o is NetworkPolicy => o.kind === "NetworkPolicy"),
        ...compiled.policies,
      ],
      ciliumPolicies: cilium
        ? [
            ...objects
              .filter((o): o is CiliumNetworkPolicy => o.kind === "CiliumNetworkPolicy")
              .map((policy) => ({ policy })),
            ...compiled.ciliumPolicies,
          ]
        : [],
    };
  };
  const allows: CompiledBundle = {
    ...input.target,
    objects: input.target.objects.filter((o) => o.stage === "allow"),
  };
  const now = set(input.live);
  const end = set(
    others.filter((o) => !removed.has(key(o))),
    input.target,
  );
  const steps: [string, PolicySet][] = [
    ["with the environment's allows beside the replaced policies", set(others, allows)],
    ["with the whole environment beside the replaced policies", set(others, input.target)],
  ];
  for (const [label, state] of steps) {
    const proof = proveImport({
      before: now,
      after: state,
      reference: end,
      pods: input.pods,
      namespaces: input.namespaces,
      profile: input.profile,
      dns: input.dns,
    });
    // Opened on the way but not at the end, or cut on the way but open at the end.
    const wrong = proof.differences.filter((d) => (d.change === "opened") !== d.reference);
    if (wrong.length === 0) continue;
    const named = wrong
      .slice(0, NAMED)
      .map(
        (d) =>
          `${d.from} -> ${d.to} ${d.port}/${d.protocol} ${d.change === "opened" ? "opened" : "cut"} (${d.after})`,
      );
    out.problems.push(
      `${label}, ${wrong.length} connection${wrong.length === 1 ? "" : "s"} would change that neither the replaced policies nor the environment change that way: ${named.join("; ")}${wrong.length > NAMED ? `; and ${wrong.length - NAMED} more` : ""}`,
    );
  }
  return out;
}

/** A NetworkPolicy's spec after the API server's defaulting: a round trip is no change. */
function specOf(np: NetworkPolicy): string {
  const spec = np.spec;
  const types =
    spec.policyTypes && spec.policyTypes.length > 0
      ? spec.policyTypes
      : (spec.egress ?? []).length > 0
        ? ["Ingress", "Egress"]
        : ["Ingress"];
  const rules = (list: { ports?: { protocol?: string }[] }[] | undefined) =>
    (list ?? []).map((r) => (r.ports ? { ...r, ports: r.ports.map((p) => ({ protocol: "TCP", ...p })) } : r));
  return canonicalJson({
    ...spec,
    policyTypes: types,
    ingress: rules(spec.ingress),
    egress: rules(spec.egress),
  });
}
