/**
 * Explanations of a policy-set diff name real policies: every policy an explanation cites
 * exists and selects the pod it is cited for. Pods that no policy tells apart share one
 * evaluation, and their names may be prefixes of each other and of policy names
 * (`web`, `web-b`, `web-ingress`): each pod's explanation must still be its own.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CNI_PROFILES } from "../../action/src/cni/profiles.js";
import type { NetworkPolicy, Pod } from "../../action/src/k8s/types.js";
import { diffPolicySets } from "../../action/src/semantics/diff.js";

const NAMES = ["web", "web-b", "web-b-2", "api", "api-web"];
const APPS = ["web", "api"];

function pod(name: string, app: string, i: number): Pod {
  return {
    metadata: { namespace: "prod", name, labels: { app } },
    spec: { containers: [{ name: "c", ports: [{ containerPort: 80 }] }] },
    status: { podIP: `10.0.0.${i + 1}` },
  };
}

function policy(
  name: string,
  app: string | undefined,
  direction: "Ingress" | "Egress",
  peer: string | undefined,
) {
  const rule = peer === undefined ? undefined : [{ podSelector: { matchLabels: { app: peer } } }];
  const np: NetworkPolicy = {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: { namespace: "prod", name },
    spec: {
      podSelector: app === undefined ? {} : { matchLabels: { app } },
      policyTypes: [direction],
      ...(direction === "Ingress"
        ? { ingress: rule ? [{ from: rule, ports: [{ port: 80 }] }] : [] }
        : { egress: rule ? [{ to: rule, ports: [{ port: 80 }] }] : [] }),
    },
  };
  return np;
}

/** Each "<direction> at <pod> … by <policies>" clause of an explanation: the pod and the policies cited for it. */
function citations(explanation: string): { pod: string; policies: string[] }[] {
  const text = explanation.replace(/ \([^)]*\)/g, "");
  const clause =
    /(?:ingress|egress) at (\S+) (?:allowed by|isolated by|by) (.+?)(?= with no rule|;|, (?:ingress|egress) at |$)/g;
  const out: { pod: string; policies: string[] }[] = [];
  for (const m of text.matchAll(clause)) {
    const policies = (m[2] ?? "")
      .split(/, | and /)
      // A rule is named after its policy: "prod/web-ingress ingress rule 1".
      .map((p) => p.replace(/ (?:ingress|egress) rule \d+$/, "").trim())
      .filter((p) => p !== "");
    out.push({ pod: m[1] ?? "", policies });
  }
  return out;
}

function selects(np: NetworkPolicy, target: Pod): boolean {
  if (np.metadata.namespace !== target.metadata.namespace) return false;
  const labels = target.metadata.labels ?? {};
  return Object.entries(np.spec.podSelector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
}

/** Every citation names a policy of either side that selects the cited pod; returns the ones that do not. */
function wrongCitations(pods: Pod[], sides: NetworkPolicy[][], explanations: string[]): string[] {
  const wrong: string[] = [];
  for (const explanation of explanations) {
    for (const { pod: podKey, policies } of citations(explanation)) {
      const target = pods.find((p) => `${p.metadata.namespace}/${p.metadata.name}` === podKey);
      for (const cited of policies) {
        const found = sides.flat().filter((np) => `${np.metadata.namespace}/${np.metadata.name}` === cited);
        if (!target || !found.some((np) => selects(np, target)))
          wrong.push(`${cited} cited for ${podKey}: ${explanation}`);
      }
    }
  }
  return wrong;
}

describe("policy-set diff explanations", () => {
  it("prod/web and prod/web-b share labels: each row cites prod/web-ingress, which exists", () => {
    const pods = [pod("web", "web", 0), pod("web-b", "web", 1), pod("api", "api", 2)];
    const head = [policy("web-ingress", "web", "Ingress", "api")];
    const d = diffPolicySets({ pods, namespaces: [{ metadata: { name: "prod" } }] }, [], head, {
      profile: CNI_PROFILES.generic,
    });
    const rows = d.changes.map((c) => `${c.change} ${c.from} -> ${c.to}`).sort();
    expect(rows).toEqual([
      "removed prod/web -> prod/web",
      "removed prod/web -> prod/web-b",
      "removed prod/web-b -> prod/web",
      "removed prod/web-b -> prod/web-b",
    ]);
    const webB = d.changes.find((c) => c.from === "prod/web" && c.to === "prod/web-b");
    expect(webB?.explanation).toContain("ingress at prod/web-b isolated by prod/web-ingress");
    expect(d.changes.map((c) => c.explanation).join("\n")).not.toContain("web-b-ingress");
    expect(
      wrongCitations(
        pods,
        [[], head],
        d.changes.map((c) => c.explanation),
      ),
    ).toEqual([]);
  });

  it("every policy an explanation names exists and selects the pod it is cited for", () => {
    const podsArb = fc
      .uniqueArray(fc.record({ name: fc.constantFrom(...NAMES), app: fc.constantFrom(...APPS) }), {
        selector: (p) => p.name,
        minLength: 2,
        maxLength: NAMES.length,
      })
      .map((list) => list.map((p, i) => pod(p.name, p.app, i)));
    const policyArb = fc
      .record({
        // Named after a pod, so policy names and pod names share prefixes.
        owner: fc.constantFrom(...NAMES),
        direction: fc.constantFrom<"Ingress" | "Egress">("Ingress", "Egress"),
        app: fc.option(fc.constantFrom(...APPS), { nil: undefined }),
        peer: fc.option(fc.constantFrom(...APPS), { nil: undefined }),
      })
      .map((p) => policy(`${p.owner}-${p.direction.toLowerCase()}`, p.app, p.direction, p.peer));
    const setArb = fc.uniqueArray(policyArb, { selector: (p) => p.metadata.name, maxLength: 4 });
    fc.assert(
      fc.property(podsArb, setArb, setArb, (pods, base, head) => {
        const d = diffPolicySets({ pods, namespaces: [{ metadata: { name: "prod" } }] }, base, head, {
          profile: CNI_PROFILES.generic,
        });
        expect(
          wrongCitations(
            pods,
            [base, head],
            d.changes.map((c) => c.explanation),
          ),
        ).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
