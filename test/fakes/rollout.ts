/**
 * Typed in-memory fakes of the rollout's ports: a cluster holding namespaces, pods and
 * policies; a Pulumi deployer that applies a step's bundle file to it in the engine's order
 * (creates and updates with allows before denies, then deletes with denies first) and can
 * fail at a chosen operation or report a locked stack; a probe phase whose dataplane is the
 * semantics engine on the policies the cluster holds, with injectable deviations; a history
 * store that keeps the ConfigMap the real store would write; Leases with resourceVersion
 * compare-and-swap, under the real run lock.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { objectKey } from "../../action/src/compile/bundle.js";
import type { CompiledBundle } from "../../action/src/compile/types.js";
import type { EnvironmentIntent } from "../../action/src/intent/model.js";
import type {
  Namespace,
  NetworkPolicy,
  Pod,
  PolicyObject,
  ServiceObject,
} from "../../action/src/k8s/types.js";
import {
  PulumiDeployError,
  StackLockedError,
  type DeployOptions,
  type PulumiDeployer,
} from "../../action/src/ports/index.js";
import type { DeployResult, EngineTarget } from "../../action/src/rollout/engine.js";
import type { BundleFiles, HistoryStore, ProbePhase } from "../../action/src/ports/rollout.js";
import type { StepProbeInput } from "../../action/src/probe/step-plan.js";
import type { ClusterState } from "../../action/src/k8s/types.js";
import type {
  CheckResult,
  Classification,
  ObservedOutcome,
  ProbeCheck,
  ProbePlan,
  ProbeRunResult,
} from "../../action/src/probe/types.js";
import { DEFAULT_REPROBE_POLICY, readObservation } from "../../action/src/probe/types.js";
import { CNI_PROFILES } from "../../action/src/cni/profiles.js";
import { buildModel } from "../../action/src/semantics/model.js";
import { evaluate } from "../../action/src/semantics/evaluate.js";
import { policiesOfBundle } from "../../action/src/semantics/diff.js";
import type { Reachability } from "../../action/src/semantics/reachability.js";
import {
  emptyHistory,
  fromConfigMap,
  toConfigMap,
  type ConfigMapObject,
  type History,
} from "../../action/src/rollout/last-known-good.js";
import type { RecordKey } from "../../action/src/rollout/record-key.js";

import { createLeaseLocks, type LeaseLockOptions } from "../../action/src/adapters/lease-lock.js";
import { ConflictError, NotFoundError } from "../../action/src/ports/cluster.js";
import { type ClusterOperation } from "../../action/src/k8s/operation.js";
import type { LeaseClient, LeaseObject, RunLocks } from "../../action/src/ports/lock.js";

const DENY_LABEL = "netpol-rollout.io/stage";

// --- the run lock -------------------------------------------------------------------------

/** Leases in memory, with the API server's create and compare-and-swap replace answers. */
export class FakeLeases implements LeaseClient {
  readonly leases = new Map<string, LeaseObject>();
  private version = 0;

  async get(namespace: string, name: string): Promise<LeaseObject | undefined> {
    const lease = this.leases.get(`${namespace}/${name}`);
    return lease && structuredClone(lease);
  }

  async create(lease: LeaseObject): Promise<LeaseObject> {
    const key = `${lease.metadata.namespace}/${lease.metadata.name}`;
    if (this.leases.has(key)) throw new ConflictError(op("create", lease), "AlreadyExists", "already exists");
    return this.store(key, lease);
  }

  async replace(lease: LeaseObject): Promise<LeaseObject> {
    const key = `${lease.metadata.namespace}/${lease.metadata.name}`;
    const current = this.leases.get(key);
    if (!current) throw new NotFoundError(op("update", lease), "not found");
    if (current.metadata.resourceVersion !== lease.metadata.resourceVersion)
      throw new ConflictError(op("update", lease), "Conflict", "the object has been modified");
    return this.store(key, lease);
  }

  private store(key: string, lease: LeaseObject): LeaseObject {
    const stored = structuredClone(lease);
    stored.metadata.resourceVersion = String(++this.version);
    this.leases.set(key, stored);
    return structuredClone(stored);
  }
}

function op(verb: string, lease: LeaseObject): ClusterOperation {
  return { verb, group: "coordination.k8s.io", resource: "leases", ...lease.metadata };
}

/** The real run lock over FakeLeases, as a deploy run takes it. */
export function fakeLocks(
  leases = new FakeLeases(),
  options: Partial<LeaseLockOptions> = {},
): RunLocks & { leases: FakeLeases } {
  const locks = createLeaseLocks(leases, {
    namespace: "netpol-rollout",
    run: { command: "deploy", runId: "7", attempt: "1", actor: "alice" },
    ...options,
  });
  return Object.assign(locks, { leases });
}

// --- the cluster --------------------------------------------------------------------------

export class FakeCluster {
  /** The uid of its kube-system namespace: who it is. */
  uid: string | undefined = "8d3e6f52-1a7c-4b90-a5e2-7c4d9b1f0e36";
  namespaces: Namespace[] = [];
  pods: Pod[] = [];
  services: ServiceObject[] = [];
  readonly policies = new Map<string, PolicyObject>();
  /** Every state the policies went through, one per operation. */
  readonly states: Map<string, PolicyObject>[] = [];
  /** Probe pods alive now (created by the probe phase, deleted when its run ends). */
  readonly probePods = new Set<string>();
  readFailures = 0;

  addNamespace(name: string, labels: Record<string, string> = {}): void {
    this.namespaces.push({ metadata: { name, labels: { ...labels, "kubernetes.io/metadata.name": name } } });
  }

  addPod(namespace: string, name: string, labels: Record<string, string>, ip: string, ports: number[]): void {
    this.pods.push({
      metadata: { namespace, name, labels },
      spec: {
        containers: [
          {
            name: "main",
            ports: ports.flatMap((p) =>
              p === 53
                ? [
                    { containerPort: 53, protocol: "UDP" as const },
                    { containerPort: 53, protocol: "TCP" as const },
                  ]
                : [{ containerPort: p }],
            ),
          },
        ],
      },
      status: { podIP: ip, conditions: [{ type: "Ready", status: "True" }] },
    });
  }

  /** The pod's Ready condition, as the kubelet's readiness probes set it. */
  setReady(namespace: string, name: string, ready: boolean): void {
    const pod = this.pods.find((p) => p.metadata.namespace === namespace && p.metadata.name === name);
    if (!pod?.status) throw new Error(`no pod ${namespace}/${name}`);
    pod.status.conditions = [{ type: "Ready", status: ready ? "True" : "False" }];
  }

  /** A readiness probe on `port` for the pod's container (tcpSocket). */
  probeReadiness(namespace: string, name: string, port: number): void {
    const pod = this.pods.find((p) => p.metadata.namespace === namespace && p.metadata.name === name);
    const container = pod?.spec?.containers?.[0];
    if (!container) throw new Error(`no pod ${namespace}/${name}`);
    container.readinessProbe = { tcpSocket: { port } };
  }

  /** A policy applied by hand (drift, or an existing object). */
  put(object: PolicyObject): void {
    this.policies.set(objectKey(object), structuredClone(object));
    this.states.push(new Map(this.policies));
  }

  remove(key: string): void {
    this.policies.delete(key);
    this.states.push(new Map(this.policies));
  }

  async read(): Promise<ClusterState> {
    if (this.readFailures > 0) {
      this.readFailures--;
      throw new Error("the API server answered 503 Service Unavailable");
    }
    return structuredClone({
      namespaces: this.namespaces,
      pods: this.pods,
      services: this.services,
      policies: [...this.policies.values()],
      ...(this.uid === undefined ? {} : { clusterUid: this.uid }),
    });
  }

  /** Names of the policies in a namespace, sorted. */
  names(namespace: string): string[] {
    return [...this.policies.values()]
      .filter((p) => p.metadata.namespace === namespace)
      .map((p) => p.metadata.name)
      .sort();
  }

  hasDeny(namespace: string): boolean {
    return this.policies.has(`NetworkPolicy/${namespace}/default-deny-all`);
  }
}

/**
 * The shop example on a cluster: namespaces shop and billing (managed), ingress-nginx, and
 * kube-system with the DNS pods.
 */
export function shopCluster(
  extra: { dnsLabels?: Record<string, string>; missing?: string[]; prefixes?: string[] } = {},
): FakeCluster {
  const cluster = new FakeCluster();
  for (const ns of ["ingress-nginx", "kube-system"]) cluster.addNamespace(ns);
  let ip = 10;
  for (const prefix of extra.prefixes ?? [""]) {
    for (const ns of ["shop", "billing"]) {
      if (!(extra.missing ?? []).includes(`${prefix}${ns}`)) cluster.addNamespace(`${prefix}${ns}`);
    }
    cluster.addPod(`${prefix}shop`, "frontend-0", { app: "frontend" }, `10.0.1.${ip++}`, [80]);
    cluster.addPod(`${prefix}shop`, "api-0", { app: "api" }, `10.0.1.${ip++}`, [8080]);
    cluster.addPod(`${prefix}shop`, "worker-0", { app: "worker" }, `10.0.1.${ip++}`, [9000]);
    cluster.addPod(`${prefix}billing`, "ledger-0", { app: "ledger" }, `10.0.2.${ip++}`, [5432]);
  }
  cluster.addPod(
    "ingress-nginx",
    "controller-0",
    { "app.kubernetes.io/name": "ingress-nginx" },
    "10.0.3.10",
    [80],
  );
  cluster.addPod("kube-system", "coredns-0", extra.dnsLabels ?? { "k8s-app": "kube-dns" }, "10.0.0.10", [53]);
  cluster.services.push({
    apiVersion: "v1",
    kind: "Service",
    metadata: { namespace: "kube-system", name: "kube-dns" },
    spec: { selector: extra.dnsLabels ?? { "k8s-app": "kube-dns" }, clusterIP: "10.96.0.10" },
  });
  return cluster;
}

/** What a deviation may look at: the policies the cluster holds while probed. */
export class PolicyView {
  readonly policies: Map<string, PolicyObject>;
  constructor(policies: readonly PolicyObject[]) {
    this.policies = new Map(policies.map((p) => [objectKey(p), p]));
  }
  hasDeny(namespace: string): boolean {
    return this.policies.has(`NetworkPolicy/${namespace}/default-deny-all`);
  }
}

// --- the engine ---------------------------------------------------------------------------

export interface RecordedUp {
  environment: string;
  revision?: string;
  /** `namespace/name` of every object in the bundle deployed. */
  objects: string[];
  bundle: CompiledBundle;
}

export class FakeDeployer implements PulumiDeployer {
  readonly ups: RecordedUp[] = [];
  /** Fail the n-th up (1-based) after this many operations. */
  failAt?: { up: number; afterOperations: number; message?: string };
  /** Every up throws StackLockedError naming this holder. */
  lockedBy?: string;
  /** Called after each operation, with the up number and the operation count (cancellation tests). */
  onOperation?: (up: number, operation: number) => void;
  /** The kube-system uid the program would read; default the cluster's own; null: it reports none. */
  targetUid?: string | null;
  /** Previews run for `target`, by environment. */
  readonly previews: string[] = [];

  constructor(private readonly cluster: FakeCluster) {}

  async target(environment: string): Promise<EngineTarget> {
    this.previews.push(environment);
    const uid = this.targetUid === undefined ? this.cluster.uid : this.targetUid;
    return uid === null || uid === undefined ? {} : { clusterUid: uid };
  }

  async up(environment: string, options: DeployOptions): Promise<DeployResult> {
    if (this.lockedBy !== undefined) {
      throw new StackLockedError(
        `stack ${environment} is locked by another update (${this.lockedBy}); re-run the job when it has finished`,
      );
    }
    if (options.bundleFile === undefined) throw new Error("the fake deploys bundle files only");
    const bundle = JSON.parse(readFileSync(options.bundleFile, "utf8")) as CompiledBundle;
    const n = this.ups.length + 1;
    this.ups.push({
      environment,
      ...(options.revision === undefined ? {} : { revision: options.revision }),
      objects: bundle.objects.map((o) => `${o.manifest.metadata.namespace}/${o.manifest.metadata.name}`),
      bundle,
    });
    const wanted = new Map(bundle.objects.map((o) => [objectKey(o), o.manifest]));
    const mine = (p: PolicyObject) =>
      p.metadata.labels?.["netpol-rollout.io/environment"] === environment &&
      p.metadata.labels?.["app.kubernetes.io/managed-by"] === "netpol-rollout";
    const isDeny = (p: PolicyObject) => p.metadata.labels?.[DENY_LABEL] === "deny";
    // The engine's order: creates and updates, allows before the denies that depend on them;
    // then deletes, each deny before the allows of its namespace.
    const upserts = [...wanted.values()].sort((a, b) => Number(isDeny(a)) - Number(isDeny(b)));
    const deletes = [...this.cluster.policies.values()]
      .filter((p) => mine(p) && !wanted.has(objectKey(p)))
      .sort((a, b) => Number(isDeny(b)) - Number(isDeny(a)));
    let operations = 0;
    const step = (apply: () => void) => {
      if (this.failAt && this.failAt.up === n && operations >= this.failAt.afterOperations) {
        throw new PulumiDeployError(
          `pulumi up of stack ${environment} failed: ${this.failAt.message ?? "NetworkPolicy shop/api-ingress: the server refused the object"}`,
        );
      }
      apply();
      operations++;
      this.onOperation?.(n, operations);
    };
    for (const manifest of upserts) {
      const key = objectKey(manifest);
      const existing = this.cluster.policies.get(key);
      if (existing !== undefined && JSON.stringify(existing) === JSON.stringify(manifest)) continue;
      step(() => this.cluster.put(manifest));
    }
    for (const manifest of deletes) step(() => this.cluster.remove(objectKey(manifest)));
    return { stack: environment, operations: [], completed: [], outputs: {} as DeployResult["outputs"] };
  }
}

export function tempBundleFiles(): BundleFiles & { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "netpol-rollout-steps-"));
  let n = 0;
  return {
    dir,
    async write(environment, label, bundle) {
      const file = join(dir, `${environment}-${++n}-${label}.json`);
      writeFileSync(file, JSON.stringify(bundle));
      return file;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

// --- the history store --------------------------------------------------------------------

export class FakeHistoryStore implements HistoryStore {
  readonly maps = new Map<string, ConfigMapObject>();
  failWrites = false;
  /** Writes that succeeded, in order (every step of a run writes the running record). */
  readonly written: History[] = [];

  /** `keys`: the record keys of the run (the first signs), as the `record-key` input gives them. */
  constructor(public keys: RecordKey[] = []) {}

  async read(environment: string): Promise<History> {
    const map = this.maps.get(environment);
    return map === undefined
      ? emptyHistory(environment)
      : fromConfigMap(structuredClone(map), environment, this.keys);
  }

  async write(history: History): Promise<void> {
    if (this.failWrites) throw new Error("configmaps is forbidden");
    this.maps.set(
      history.environment,
      toConfigMap(history, "netpol-rollout", this.keys[0] === undefined ? {} : { key: this.keys[0] }),
    );
    this.written.push(history);
  }

  describe(environment: string): string {
    return `ConfigMap netpol-rollout/netpol-rollout-lkg-${environment}`;
  }

  get keyed(): boolean {
    return this.keys.length > 0;
  }
}

// --- probes -------------------------------------------------------------------------------

interface FakeCheck {
  check: ProbeCheck;
  from: string;
  to: string;
}

/**
 * Plans declared flows between pods (from the intent's flows), their reverse as negative
 * checks, and DNS (UDP) from each managed namespace; expectations from the semantics engine
 * on the step's exact objects. The dataplane answers from the policies the cluster holds,
 * unless a deviation says otherwise.
 */
export class FakeProbePhase implements ProbePhase {
  /** Observed outcome overrides: (check, cluster) → outcome, or undefined for the engine's answer. */
  deviations: ((check: ProbeCheck, cluster: PolicyView) => ObservedOutcome | undefined)[] = [];
  /** The n-th run (1-based) throws, as a prober whose API calls fail after their retries. */
  failRun?: number;
  runs = 0;
  /** Also plans flows whose caller is a namespace (an ingress controller's pods), from its first matching pod. */
  namespaceCallers = false;
  readonly plans: ProbePlan[] = [];
  private readonly sides = new Map<string, { from: string; to: string }>();

  /**
   * `cluster`: the in-memory cluster, or any reader of a cluster's state (the real API
   * server of the e2e tier) with a set of probe pods to account for.
   */
  constructor(private readonly cluster: { read(): Promise<ClusterState>; probePods: Set<string> }) {}

  plan(input: StepProbeInput): ProbePlan {
    const env = input.environment;
    const pods = input.cluster.pods;
    const podOf = (namespace: string, labels: Record<string, string>) =>
      pods.find(
        (p) =>
          p.metadata.namespace === namespace &&
          Object.entries(labels).every(([k, v]) => p.metadata.labels?.[k] === v),
      );
    const checks: FakeCheck[] = [];
    const serviceOf = (namespace: string, name: string) =>
      env.namespaces.find((n) => n.name === namespace)?.services.find((svc) => svc.name === name);
    for (const flow of env.flows) {
      if (this.namespaceCallers && flow.from.kind === "namespace" && flow.to.kind === "service") {
        const caller = flow.from;
        const labels = caller.podLabels ?? {};
        const src = podOf(caller.namespace, labels);
        const to = serviceOf(flow.to.namespace, flow.to.service);
        const dst = to && podOf(to.namespace, to.labels);
        for (const port of src && to && dst ? flow.ports : []) {
          checks.push({
            check: {
              id: `declared/${caller.namespace}->${to!.namespace}/${to!.name}:${port.port ?? 0}/${port.protocol}`,
              kind: "declared",
              from: { namespace: caller.namespace, labels },
              to: { namespace: to!.namespace, pod: dst!.metadata.name, service: to!.name },
              port: port.port ?? 0,
              protocol: port.protocol,
              expect: "allowed",
              expectBefore: "allowed",
              changeDeclared: false,
              reason: "declared flow",
              source: flow.source,
            },
            from: `${src!.metadata.namespace}/${src!.metadata.name}`,
            to: `${dst!.metadata.namespace}/${dst!.metadata.name}`,
          });
        }
      }
      if (flow.from.kind !== "service" || flow.to.kind !== "service") continue;
      const from = serviceOf(flow.from.namespace, flow.from.service);
      const to = serviceOf(flow.to.namespace, flow.to.service);
      if (!from || !to) continue;
      const src = podOf(from.namespace, from.labels);
      const dst = podOf(to.namespace, to.labels);
      if (!src || !dst) continue;
      for (const port of flow.ports) {
        const p = port.port ?? 0;
        const base = {
          port: p,
          protocol: port.protocol,
          expectBefore: "allowed" as Reachability,
          changeDeclared: false,
          source: flow.source,
        };
        checks.push({
          check: {
            ...base,
            id: `declared/${from.namespace}/${from.name}->${to.namespace}/${to.name}:${p}/${port.protocol}`,
            kind: "declared",
            from: { namespace: from.namespace, labels: from.labels, service: from.name },
            to: { namespace: to.namespace, pod: dst.metadata.name, service: to.name },
            expect: "allowed",
            reason: "declared flow",
          },
          from: `${src.metadata.namespace}/${src.metadata.name}`,
          to: `${dst.metadata.namespace}/${dst.metadata.name}`,
        });
        checks.push({
          check: {
            ...base,
            id: `negative/${to.namespace}/${to.name}->${from.namespace}/${from.name}:${p}/${port.protocol}`,
            kind: "negative",
            from: { namespace: to.namespace, labels: to.labels },
            to: { namespace: from.namespace, pod: src.metadata.name },
            expect: "blocked",
            reason: "reverse of a declared flow",
          },
          from: `${dst.metadata.namespace}/${dst.metadata.name}`,
          to: `${src.metadata.namespace}/${src.metadata.name}`,
        });
      }
    }
    const dnsPod = pods.find((p) => p.metadata.namespace === "kube-system");
    for (const ns of env.namespaces.filter((n) => n.managed)) {
      const src = pods.find((p) => p.metadata.namespace === ns.name);
      if (!src || !dnsPod) continue;
      checks.push({
        check: {
          id: `dns/${ns.name}/udp`,
          kind: "dns",
          from: { namespace: ns.name, labels: src.metadata.labels ?? {} },
          to: { dns: "kubernetes.default.svc.cluster.local" },
          port: 53,
          protocol: "UDP",
          expect: "allowed",
          expectBefore: "allowed",
          changeDeclared: false,
          reason: "DNS from a managed namespace",
        },
        from: `${src.metadata.namespace}/${src.metadata.name}`,
        to: `kube-system/${dnsPod.metadata.name}`,
      });
    }
    const judge = (bundle: CompiledBundle) => {
      const model = buildModel({
        pods,
        namespaces: input.cluster.namespaces,
        ...policiesOfBundle(bundle),
        profile: env.profile,
      });
      return (c: FakeCheck): Reachability =>
        evaluate(model, { from: c.from, to: c.to, port: c.check.port, protocol: c.check.protocol }).allowed
          ? "allowed"
          : "blocked";
    };
    const after = judge(input.bundle);
    const before = judge(input.before);
    const planned = checks.map((c) => {
      this.sides.set(c.check.id, { from: c.from, to: c.to });
      const expect = after(c);
      const expectBefore = before(c);
      return { ...c.check, expect, expectBefore, changeDeclared: expect !== expectBefore };
    });
    const plan: ProbePlan = {
      environment: env.name,
      checks: planned,
      pods: [],
      runObjects: [],
      cannotCheck: [],
      caps: { negative: 200, negativePerSource: 20 },
      omittedNegative: 0,
      reprobe: { ...DEFAULT_REPROBE_POLICY, settleSeconds: CNI_PROFILES.calico.settleSeconds },
      dataplane: { cni: "calico", denials: "drop" },
      warnings: [],
    };
    this.plans.push(plan);
    return plan;
  }

  async run(plan: ProbePlan, signal?: AbortSignal): Promise<ProbeRunResult> {
    this.runs++;
    const podName = `probe-${this.runs}`;
    this.cluster.probePods.add(podName);
    try {
      if (this.failRun === this.runs)
        throw new Error("the API server answered 500 Internal Server Error 5 times");
      if (signal?.aborted) throw new Error("cancelled");
      const state = await this.cluster.read();
      const view = new PolicyView(state.policies);
      const model = buildModel({
        pods: state.pods,
        namespaces: state.namespaces,
        policies: state.policies.filter((p): p is NetworkPolicy => p.kind === "NetworkPolicy"),
        profile: CNI_PROFILES.calico,
      });
      const results: CheckResult[] = plan.checks.map((check) => {
        const sides = this.sides.get(check.id);
        let observed: ObservedOutcome | undefined;
        for (const deviation of this.deviations) observed ??= deviation(check, view);
        if (observed === undefined && sides !== undefined) {
          const allowed = evaluate(model, {
            from: sides.from,
            to: sides.to,
            port: check.port,
            protocol: check.protocol,
          }).allowed;
          observed = allowed
            ? { outcome: "allowed", detail: "connected" }
            : check.kind === "dns"
              ? { outcome: "dns-failure", message: "no answer" }
              : { outcome: "blocked", detail: "timeout" };
        }
        observed ??= { outcome: "cannot-check", evidence: "no-result-line", message: "no result" };
        const seen = readObservation(observed, plan.dataplane.denials).seen;
        return { check, observed, seen, classification: classify(check, seen), attempts: 1 };
      });
      const count = (c: Classification[]) => results.filter((r) => c.includes(r.classification)).length;
      return {
        environment: plan.environment,
        results,
        counts: {
          passed: count(["as-expected", "intended-change"]),
          failed: count(["deviation", "surprise"]),
          inconclusive: count(["inconclusive"]),
          notChecked: count(["not-checked"]),
        },
        rounds: 1,
        warnings: [],
        coverage: [],
      };
    } finally {
      this.cluster.probePods.delete(podName);
    }
  }
}

function classify(check: ProbeCheck, seen: Reachability): Classification {
  if (check.expect === "cannot-check") return "not-checked";
  if (seen === "cannot-check") return "inconclusive";
  if (seen !== check.expect) return "deviation";
  if (check.expect === check.expectBefore) return "as-expected";
  return check.changeDeclared ? "intended-change" : "surprise";
}

/** A deviation: DNS from `namespace` fails while it is under default-deny (a DNS selector the CNI reads differently). */
export function dnsBrokenUnderDeny(namespace: string) {
  return (check: ProbeCheck, cluster: PolicyView): ObservedOutcome | undefined =>
    check.kind === "dns" && check.from.namespace === namespace && cluster.hasDeny(namespace)
      ? { outcome: "dns-failure", message: "connection timed out; no servers could be reached" }
      : undefined;
}

/** A deviation: `id` connects whatever the policies say (the CNI does not enforce a rule). */
export function alwaysConnects(id: string) {
  return (check: ProbeCheck): ObservedOutcome | undefined =>
    check.id === id ? { outcome: "allowed", detail: "connected" } : undefined;
}

/** A fault: every check of the namespace cannot be made (the probe image cannot be pulled there). */
export function imagePullFails(namespace: string) {
  return (check: ProbeCheck): ObservedOutcome | undefined =>
    check.from.namespace === namespace
      ? { outcome: "cannot-check", evidence: "image-pull-error", message: "ErrImagePull" }
      : undefined;
}

/** Whether, in every state the cluster went through, each namespace with a default-deny had its allow-dns. */
export function denyNeverWithoutAllows(cluster: FakeCluster): string[] {
  const problems: string[] = [];
  cluster.states.forEach((state, i) => {
    for (const key of state.keys()) {
      const m = /^NetworkPolicy\/([^/]+)\/default-deny-all$/.exec(key);
      if (m && !state.has(`NetworkPolicy/${m[1]}/allow-dns`))
        problems.push(`state ${i}: ${m[1]} denied without allow-dns`);
    }
  });
  return problems;
}

export type { EnvironmentIntent };
