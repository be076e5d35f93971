/**
 * The probe pods of a plan: one per identity that runs at least one check, a run object per
 * namespace that has any, and a warning for each Service that would send its traffic to a
 * probe pod (it publishes not-ready addresses and selects the pod's labels). A check whose
 * identity runs no pod (every check of it is cannot-check) names no pod.
 */
import { compareStrings as cmp } from "../compile/canonical.js";
import type { ServiceObject } from "../k8s/types.js";
import { selectorMatches } from "../semantics/selector.js";
import { buildProbePod, buildRunObject, type ProbeRun } from "./pod.js";
import type { Identity } from "./plan-identities.js";
import type { ProbeCheck, ProbePodManifest, ProbePodOptions, ProbeRunObject } from "./types.js";

export interface PlanPods {
  pods: ProbePodManifest[];
  runObjects: ProbeRunObject[];
  warnings: string[];
}

/** Builds the pods for `checks` (and drops the pod of the checks no pod runs). */
export function probePods(
  checks: ProbeCheck[],
  identities: Identity[],
  run: ProbeRun,
  services: ServiceObject[],
  options: Partial<ProbePodOptions> | undefined,
): PlanPods {
  const byPod = new Map<string, ProbeCheck[]>();
  for (const c of checks) {
    if (c.expect === "cannot-check" || c.from.pod === undefined) continue;
    const key = `${c.from.namespace}/${c.from.pod}`;
    const list = byPod.get(key);
    if (list) list.push(c);
    else byPod.set(key, [c]);
  }
  const pods = identities
    .filter((id) => byPod.has(`${id.namespace}/${id.pod}`))
    .map((id) => buildProbePod(id, byPod.get(`${id.namespace}/${id.pod}`) ?? [], run, options));
  for (const c of checks) {
    if (c.from.pod !== undefined && !byPod.has(`${c.from.namespace}/${c.from.pod}`)) {
      const { pod: _pod, ...rest } = c.from;
      c.from = rest;
    }
  }
  const runNamespaces = [...new Set(pods.map((p) => p.metadata.namespace))].sort(cmp);
  return {
    pods,
    runObjects: runNamespaces.map((ns) => buildRunObject(run, ns)),
    warnings: notReadyWarnings(services, pods),
  };
}

function notReadyWarnings(services: ServiceObject[], pods: ProbePodManifest[]): string[] {
  const warnings: string[] = [];
  for (const svc of services) {
    const spec = svc.spec as
      { selector?: Record<string, string>; publishNotReadyAddresses?: boolean } | undefined;
    if (!spec?.publishNotReadyAddresses || !spec.selector || Object.keys(spec.selector).length === 0)
      continue;
    for (const p of pods) {
      if (p.metadata.namespace !== svc.metadata.namespace) continue;
      if (selectorMatches({ matchLabels: spec.selector }, p.metadata.labels))
        warnings.push(
          `Service ${svc.metadata.namespace}/${svc.metadata.name} publishes not-ready addresses and selects probe pod ${p.metadata.name}: it receives the Service's traffic while it runs`,
        );
    }
  }
  return warnings;
}
