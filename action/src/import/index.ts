/**
 * `netpol-rollout import`, pure: a cluster's policies turned into intent (translate.ts),
 * written into policies/ (intent/write), recorded for the cutover (record.ts), and proven
 * (prove.ts): the compiled environment, with what the import leaves in the cluster, against
 * the policies it replaces, on the dump's pods and a stand-in for every selector.
 */
import { CNI_PROFILES, type CniProfile, type CniProfileName } from "../cni/profiles.js";
import { compileEnvironment } from "../compile/compile.js";
import { parseEnvironments, type IntentFile } from "../intent/load.js";
import {
  formatIntentError,
  type DnsIntent,
  type EnvironmentIntent,
  type SourceRef,
} from "../intent/model.js";
import { writeIntent, type WriteReport, type WrittenFile } from "../intent/write/index.js";
import type { CiliumNetworkPolicy, Namespace, NetworkPolicy, Pod, PolicyObject } from "../k8s/types.js";
import { policiesOfBundle } from "../semantics/diff.js";
import { compileSelector, namespaceNamed } from "../semantics/selector.js";
import { proveImport, type Proof } from "./prove.js";
import { readReplaced, recordFiles } from "./record.js";
import { planImport, type ImportPlan } from "./translate.js";

export type { Difference, Proof } from "./prove.js";
export type { Fate, ImportPlan } from "./translate.js";
export type { Original } from "./originals.js";
export { readReplaced, recordFiles, type ReplacedPolicies } from "./record.js";

export interface ImportRequest {
  environment: string;
  /** The CNI profile; required for a new environment, else it must be the environment's. */
  cni?: CniProfileName;
  policies: NetworkPolicy[];
  ciliumPolicies: CiliumNetworkPolicy[];
  /** Where each object was read (file:line). */
  sources: ReadonlyMap<object, SourceRef>;
  /** The cluster dump's pods and namespaces (none for bare manifests). */
  pods: Pod[];
  namespaces: Namespace[];
  /** Every file under the policies directory now. */
  files: IntentFile[];
  /** Relative to the repository root. Default "policies". */
  policiesDir?: string;
  /** Use templates/ where they fit. Default true. */
  templates?: boolean;
  /** The `$schema` of a new environment file's modeline. */
  schema?: string;
}

export type ImportResult =
  | { ok: false; errors: string[] }
  | {
      ok: true;
      plan: ImportPlan;
      write: WriteReport;
      /** Files to write: the environment file and the record of replaced policies. */
      files: WrittenFile[];
      environment: EnvironmentIntent;
      proof: Proof;
      /** Milliseconds per stage. */
      timings: { translate: number; write: number; compile: number; proof: number };
    };

export function importPolicies(req: ImportRequest): ImportResult {
  const dir = (req.policiesDir ?? "policies").replace(/\/+$/, "");
  const under = (p: string): string => (dir === "" || dir === "." ? p : `${dir}/${p}`);
  const before = parseEnvironments(req.files, { policiesDir: dir });
  const envFile = req.files.find((f) =>
    new RegExp(`(^|/)environments/${escape(req.environment)}\\.ya?ml$`).test(f.path),
  );
  const load = before.environments.find((e) => e.name === req.environment);
  if (envFile && !load?.intent)
    return {
      ok: false,
      errors: [...(load?.errors ?? []).map(formatIntentError), `${envFile.path} does not load: fix it first`],
    };
  const current = envFile ? load?.intent : undefined;
  if (current && req.cni !== undefined && req.cni !== current.cni)
    return {
      ok: false,
      errors: [`environment ${req.environment} has cni ${current.cni}; --cni ${req.cni} contradicts it`],
    };
  const cni = current?.cni ?? req.cni;
  if (cni === undefined)
    return {
      ok: false,
      errors: [
        `environment ${req.environment} is new: give its CNI profile with --cni (calico, cilium or generic)`,
      ],
    };
  const profile = CNI_PROFILES[cni];
  const dns = current?.dns ?? inferDns(req.policies, profile);

  const started = performance.now();
  const plan = planImport({
    environment: req.environment,
    profile,
    dns,
    excludedNamespaces: current?.excludedNamespaces ?? [],
    policies: req.policies,
    ciliumPolicies: req.ciliumPolicies,
    sources: req.sources,
    pods: req.pods,
    namespaces: req.namespaces,
  });

  const translated = performance.now();
  // The record of what the import replaces, merged with an earlier one.
  const recordDir = current?.replaces?.directory ?? under(`imported/${req.environment}`);
  const previous = req.files.filter((f) => f.path.startsWith(`${recordDir}/`));
  const replaced = new Map<string, { object: PolicyObject; source?: SourceRef }>();
  const old = readReplaced(previous);
  for (const o of [...old.policies, ...old.ciliumPolicies]) replaced.set(keyOf(o), { object: o });
  for (const { original, fate } of plan.outcomes) {
    if (fate.kind === "kept") continue;
    replaced.set(keyOf(original.object), {
      object: original.object,
      ...(original.source ? { source: original.source } : {}),
    });
  }
  const record = recordFiles([...replaced.values()], recordDir, req.environment);
  plan.proposal.settings.replaces = dir === "" || dir === "." ? recordDir : recordDir.slice(dir.length + 1);

  const written = writeIntent(plan.proposal, {
    files: req.files,
    // The writer's check that the environment loads needs the record's files to exist, not
    // to be read again: they are this function's own, written from parsed objects.
    alongside: record.map((f) => ({ path: f.path, text: "# a record of replaced policies\n" })),
    policiesDir: dir,
    ...(req.templates === false ? { templates: false } : {}),
    ...(req.schema !== undefined ? { schema: req.schema } : {}),
  });
  if (!written.ok) return written;
  const wrote = performance.now();
  const environment = written.environment;

  const compiled = policiesOfBundle(compileEnvironment(environment));
  const compiledAt = performance.now();
  const kept = plan.outcomes.filter((o) => o.fate.kind === "kept").map((o) => o.original.object);
  const cilium = profile.name === "cilium";
  const proof = proveImport({
    before: {
      policies: req.policies,
      ciliumPolicies: cilium ? req.ciliumPolicies.map((policy) => ({ policy })) : [],
    },
    after: {
      policies: [...compiled.policies, ...kept.filter((k): k is NetworkPolicy => k.kind === "NetworkPolicy")],
      ciliumPolicies: cilium
        ? [
            ...compiled.ciliumPolicies,
            ...kept
              .filter((k): k is CiliumNetworkPolicy => k.kind === "CiliumNetworkPolicy")
              .map((policy) => ({ policy })),
          ]
        : [],
    },
    pods: req.pods,
    namespaces: req.namespaces,
    profile,
    dns: environment.dns,
  });
  const proven = performance.now();
  // Only what changes is written.
  const now = new Map(req.files.map((f) => [f.path, f.text]));
  const out: WrittenFile[] = [
    ...record.map((f) => ({ path: f.path, text: f.text, created: !now.has(f.path) })),
    ...written.files,
  ].filter((f) => now.get(f.path) !== f.text);
  const timings = {
    translate: translated - started,
    write: wrote - translated,
    compile: compiledAt - wrote,
    proof: proven - compiledAt,
  };
  return { ok: true, plan, write: written.report, files: out, environment, proof, timings };
}

function keyOf(o: PolicyObject): string {
  return `${o.kind}/${o.metadata.namespace ?? "default"}/${o.metadata.name}`;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Where the cluster's policies send DNS: the namespace and pod labels of the peers of egress
 * rules on port 53 only, the most common first; the profile's defaults when none says.
 */
export function inferDns(policies: NetworkPolicy[], profile: CniProfile): DnsIntent {
  const counts = new Map<string, { namespace: string; podLabels?: Record<string, string>; n: number }>();
  for (const np of policies) {
    for (const rule of np.spec.egress ?? []) {
      const ports = rule?.ports ?? [];
      if (ports.length === 0 || !ports.every((p) => p.port === 53)) continue;
      for (const peer of rule?.to ?? []) {
        const ns = peer.namespaceSelector ? namespaceNamed(peer.namespaceSelector) : undefined;
        if (ns === undefined || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(ns) || ns.length > 63) continue;
        const pod = peer.podSelector;
        const labels =
          pod && !compileSelector(pod).matchesAll && (pod.matchExpressions ?? []).length === 0
            ? pod.matchLabels
            : undefined;
        const key = JSON.stringify([ns, Object.entries(labels ?? {}).sort()]);
        const c = counts.get(key) ?? { namespace: ns, ...(labels ? { podLabels: { ...labels } } : {}), n: 0 };
        c.n++;
        counts.set(key, c);
      }
    }
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  if (!best)
    return { namespace: "kube-system", podLabels: { "k8s-app": "kube-dns" }, mode: profile.dnsSelectorMode };
  return best.podLabels
    ? { namespace: best.namespace, podLabels: best.podLabels, mode: "strict" }
    : { namespace: best.namespace, podLabels: { "k8s-app": "kube-dns" }, mode: "safe" };
}
