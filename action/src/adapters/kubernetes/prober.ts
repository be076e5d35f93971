/**
 * The live prober: runs a probe plan's checks from probe pods in the cluster.
 *
 * A run, on its first round: collects, in the namespaces it acts in, the run objects of this
 * tool that earlier runs left (older than `staleAfterMs`) and their probe pods, creates one run object per namespace (a ConfigMap,
 * the controller owner of that namespace's probe pods: owner references cannot cross
 * namespaces) and one probe pod per source identity, and watches them until they run. Each
 * pod runs its checks concurrently, one iteration after another (pod-script.ts); a round
 * reads, from each pod's log, an iteration that started after the round was asked for (the
 * first iteration on the first round). `close()` deletes the run objects and the pods, also
 * after an error or a cancellation.
 *
 * Logs are read by pod name (the API has no read by uid), so every log read is bound to the
 * pod this run created: the create's answer gives the pod's uid, the first sight of it running
 * the probe container's id and restart count, and every log read is bracketed by reads of the
 * pod (before and after) that must show that uid and container, not restarted and not being
 * deleted. A uid names one object for its whole life and a
 * deleted pod never comes back, so a pod still showing our uid after the log read held that
 * name from its creation until then: the log was its own. A probe pod deleted, replaced by
 * another of the same name, or restarted makes its checks `cannot-check` from then on, never
 * a verdict. What remains (exec into the genuine pod) is in docs/probes.md.
 *
 * API requests grow with the number of pods (create, a few log reads per round, delete),
 * never with the number of checks.
 */
import { randomBytes } from "node:crypto";
import { systemClock } from "../clock.js";
import {
  ClusterError,
  type Cluster,
  type ConfigMapObject,
  type LivePod,
  type PodManifest,
  type PodWatch,
} from "../../ports/cluster.js";
import type {
  CannotCheckEvidence,
  ObservedOutcome,
  ProbeCheck,
  ProbeObservations,
  ProbePlan,
  ProbePodManifest,
  ProbeRequest,
  Prober,
} from "../../probe/types.js";
import { isDnsTarget } from "../../probe/types.js";
import {
  checkIdsOf,
  outcomeOf,
  parseProbeLog,
  PROBE_RUN_LABEL,
  scriptCheck,
  type ParsedLog,
} from "../../probe/pod-script.js";
import { PROBE_LABEL } from "../../probe/pod.js";

export interface LiveProberOptions {
  /** The per-check timeout the pods' scripts use, in seconds. Default 3. */
  timeoutSeconds?: number;
  /** How long a pod may take to run before its checks are cannot-check. Default 120 s. */
  startTimeoutMs?: number;
  /** Probe pods and run objects of other runs older than this are collected. Default 15 min. */
  staleAfterMs?: number;
  /** Time between log reads while a round waits. Default 1 s. */
  pollMs?: number;
  /** Extra time past an iteration's expected end before its missing lines count as absent. Default 5 s. */
  graceMs?: number;
  /** The run's id (the PROBE_RUN_LABEL value). Default random. */
  runId?: string;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** A pod of this run, as the prober tracks it. */
interface RunPod {
  /** The name the plan gave (CheckSource.pod). */
  planName: string;
  namespace: string;
  /** The name created in the cluster. */
  name: string;
  manifest: PodManifest;
  live?: LivePod;
  /** When the prober first saw it Running. */
  runningAt?: number;
  /** Why it cannot run, once known. */
  failed?: { evidence: CannotCheckEvidence; message: string };
  /** The iteration the previous round used. */
  lastIteration?: number;
  /** The uid the API server gave the pod this run created (the create's answer). */
  uid?: string;
  /** The uid of the first pod by this name the watch reported. */
  firstSeenUid?: string;
  /** The probe container's id and restart count when first seen running. */
  container?: { id: string; restarts: number };
  /** Why its log is no longer its own: deleted, replaced or restarted. Final. */
  lost?: { evidence: LostEvidence; message: string };
  /** Why the last log read could not be bound to the pod (the read was not used). */
  unbound?: string;
}

type LostEvidence = "pod-deleted" | "pod-replaced" | "pod-restarted";

/** Why a pod's log is no longer its own, read afresh (past awaits that may have changed it). */
const lostOf = (pod: RunPod) => pod.lost;

/** The container of a probe pod (the builder names it so). */
const PROBE_CONTAINER = "probe";

/** Waiting reasons of a container that will not start by itself. */
const PULL_FAILURES = new Set(["ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull"]);
const START_FAILURES = new Set([
  "CreateContainerConfigError",
  "CreateContainerError",
  "RunContainerError",
  "CrashLoopBackOff",
]);

export class AbortedError extends Error {
  override name = "AbortError";
  constructor() {
    super("the probe run was cancelled");
  }
}

export class LiveProber implements Prober {
  readonly name = "live";
  private id: string | undefined;
  /** Whether names come from the plan as they are (they carry the run id already). */
  private planNamed = false;
  private readonly timeoutMs: number;
  private readonly startTimeoutMs: number;
  private readonly staleAfterMs: number;
  private readonly pollMs: number;
  private readonly graceMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private pods = new Map<string, RunPod>();
  private runObjects: ConfigMapObject[] = [];
  private watch: PodWatch | undefined;
  private started: Promise<void> | undefined;
  private closing: Promise<void> | undefined;
  private warnings: string[] = [];
  /** Rounds waiting for a pod to change; every watch event wakes them all. */
  private waiters = new Set<() => void>();

  constructor(
    private readonly cluster: Cluster,
    options: LiveProberOptions = {},
  ) {
    this.id = options.runId;
    this.timeoutMs = (options.timeoutSeconds ?? 3) * 1000;
    this.startTimeoutMs = options.startTimeoutMs ?? 120_000;
    this.staleAfterMs = options.staleAfterMs ?? 15 * 60_000;
    this.pollMs = options.pollMs ?? 1000;
    this.graceMs = options.graceMs ?? 5000;
    this.now = options.now ?? systemClock.now;
    this.sleep = options.sleep ?? systemClock.sleep;
  }

  /** The run's id; known once the first round started. */
  get runId(): string {
    this.id ??= randomBytes(3).toString("hex");
    return this.id;
  }

  /** The manifests this run created, by plan pod name (for reproduction commands). */
  createdManifests(): Map<string, PodManifest> {
    return new Map([...this.pods.values()].map((p) => [p.planName, p.manifest]));
  }

  async probe(request: ProbeRequest): Promise<ProbeObservations> {
    const { plan, signal } = request;
    const askedAt = this.now();
    if (signal?.aborted) throw new AbortedError();
    try {
      this.started ??= this.start(plan, signal);
      await this.started;
      const ids = request.checkIds ? new Set(request.checkIds) : undefined;
      const checks = plan.checks.filter((c) => !ids || ids.has(c.id));
      const outcomes = new Map<string, ObservedOutcome>();
      const byPod = new Map<RunPod, ProbeCheck[]>();
      for (const check of checks) {
        if (check.expect === "cannot-check") {
          outcomes.set(check.id, {
            outcome: "cannot-check",
            evidence: "planned",
            message: check.reason || `planned cannot-check (${check.cannotCheck ?? "unknown"})`,
          });
          continue;
        }
        if (scriptCheck(check) === undefined) {
          // Nothing to connect to (a pod target without an address): no pod runs it.
          outcomes.set(check.id, {
            outcome: "cannot-check",
            evidence: "no-result-line",
            message: "the check has no address to connect to",
          });
          continue;
        }
        const pod = check.from.pod ? this.pods.get(`${check.from.namespace}/${check.from.pod}`) : undefined;
        if (!pod) {
          outcomes.set(check.id, {
            outcome: "cannot-check",
            evidence: "never-started",
            message: `no probe pod is planned for ${check.from.namespace} ${JSON.stringify(check.from.labels)}`,
          });
          continue;
        }
        const list = byPod.get(pod) ?? [];
        list.push(check);
        byPod.set(pod, list);
      }
      await Promise.all(
        [...byPod.entries()].map(async ([pod, podChecks]) => {
          for (const [id, o] of await this.round(pod, podChecks, request.round, askedAt, signal))
            outcomes.set(id, o);
        }),
      );
      if (signal?.aborted) throw new AbortedError();
      const warnings = this.warnings;
      this.warnings = [];
      return { outcomes, warnings };
    } catch (e) {
      // A failed or cancelled run leaves nothing behind.
      await this.close().catch(() => undefined);
      throw e;
    }
  }

  /** Stale collection, run objects, pods, and the watch that follows them. */
  private async start(plan: ProbePlan, signal: AbortSignal | undefined): Promise<void> {
    // A plan built for this run (its objects labelled with this run's id) keeps its names;
    // any other gets this run's id as a suffix, so concurrent runs never collide.
    this.planNamed = [...plan.pods, ...plan.runObjects].every(
      (o) => o.metadata.labels?.[PROBE_RUN_LABEL] === this.runId,
    );
    await this.collectStale(plan);
    if (signal?.aborted) throw new AbortedError();
    this.watch = await this.cluster.watchPods(
      undefined,
      { labelSelector: `${PROBE_RUN_LABEL}=${this.runId}` },
      (event) => {
        if (event.type === "RESYNC") return;
        const pod = this.pods.get(`${event.pod.metadata.namespace}/${event.pod.metadata.name}`);
        if (!pod) return;
        this.observe(pod, event.pod, event.type === "DELETED");
        for (const wake of [...this.waiters]) wake();
      },
      (error) => this.warnings.push(`the watch of probe pods ended: ${error.message}`),
    );
    // One run object per namespace with probe pods; the plan names them, else a default.
    const runObjects = new Map(plan.runObjects.map((ro) => [ro.metadata.namespace, ro]));
    for (const p of plan.pods) {
      const namespace = p.metadata.namespace;
      if (!runObjects.has(namespace)) {
        runObjects.set(namespace, {
          apiVersion: "v1",
          kind: "ConfigMap",
          metadata: {
            name: "netpol-probe-run",
            namespace,
            labels: { [PROBE_LABEL]: "run" },
            annotations: {},
          },
          data: {},
        });
      }
    }
    const owners = new Map<string, ConfigMapObject>();
    for (const ro of runObjects.values()) {
      if (signal?.aborted) throw new AbortedError();
      const created = await this.cluster.createConfigMap({
        ...ro,
        metadata: {
          ...ro.metadata,
          name: this.nameFor(ro.metadata.name),
          labels: { ...ro.metadata.labels, [PROBE_RUN_LABEL]: this.runId },
        },
      });
      this.runObjects.push(created);
      owners.set(ro.metadata.namespace, created);
    }
    await Promise.all(
      plan.pods.map(async (planned) => {
        if (signal?.aborted) return;
        const manifest = this.ownedManifest(
          planned,
          owners.get(planned.metadata.namespace) as ConfigMapObject,
        );
        const pod: RunPod = {
          planName: planned.metadata.name,
          namespace: planned.metadata.namespace,
          name: manifest.metadata.name,
          manifest,
        };
        // Keyed by the created name (watch events) and by the plan's name (checks).
        this.pods.set(`${pod.namespace}/${pod.name}`, pod);
        this.pods.set(`${pod.namespace}/${pod.planName}`, pod);
        try {
          const created = await this.cluster.createPod(manifest);
          this.bindCreated(pod, created);
        } catch (e) {
          if (!(e instanceof ClusterError)) throw e;
          // An admission refusal or a quota is this pod's evidence, not the run's end; a
          // missing RBAC rule ends the run (no pod could be created).
          if (e.name === "ForbiddenError") throw e;
          pod.failed = { evidence: "never-started", message: e.message };
        }
      }),
    );
    if (signal?.aborted) throw new AbortedError();
  }

  /**
   * Takes the create's answer as the pod's identity. The watch may have reported the pod
   * (Running, even) before the answer arrived: what it said of this uid is newer and stays;
   * what it said of another uid under this name means the pod was replaced at once.
   */
  private bindCreated(pod: RunPod, created: LivePod): void {
    const uid = created.metadata.uid;
    if (!uid) {
      pod.failed = {
        evidence: "never-started",
        message: `${this.where(pod)}: the create's answer has no uid`,
      };
      return;
    }
    pod.uid = uid;
    if (pod.firstSeenUid !== undefined && pod.firstSeenUid !== uid) {
      this.lose(
        pod,
        "pod-replaced",
        `${this.where(pod)} is not the pod this run created: the first pod of that name had uid ${pod.firstSeenUid}, the create answered ${uid}`,
      );
      return;
    }
    const seen = pod.live;
    delete pod.live;
    this.observe(pod, seen?.metadata.uid === uid ? seen : created, false);
  }

  /**
   * What a watch event or a read says of a pod of this run's name: a pod of another uid, a
   * delete (begun or done) or another container than the one first seen running loses it.
   */
  private observe(pod: RunPod, seen: LivePod, deleted: boolean): void {
    if (pod.lost) return;
    const uid = seen.metadata.uid;
    pod.firstSeenUid ??= uid;
    const where = this.where(pod);
    if (pod.uid !== undefined && uid !== pod.uid) {
      this.lose(
        pod,
        "pod-replaced",
        `${where} was replaced: a pod of uid ${uid ?? "(none)"} holds the name of the pod this run created (uid ${pod.uid}); its log is not this run's`,
      );
      return;
    }
    if (deleted || seen.metadata.deletionTimestamp !== undefined) {
      this.lose(pod, "pod-deleted", `${where} was deleted by someone else during the run`);
      return;
    }
    if (pod.uid === undefined) {
      // Before the create's answer: kept, and judged by bindCreated.
      pod.live = seen;
      return;
    }
    pod.live = seen;
    const status = seen.status?.containerStatuses?.find((c) => c.name === PROBE_CONTAINER);
    if (!status?.containerID) return;
    const restarts = status.restartCount ?? 0;
    if (pod.container === undefined) {
      if (status.state?.running !== undefined || seen.status?.phase === "Running")
        pod.container = { id: status.containerID, restarts };
      return;
    }
    if (status.containerID !== pod.container.id || restarts !== pod.container.restarts) {
      this.lose(
        pod,
        "pod-restarted",
        `${where} restarted its probe container (container ${status.containerID}, ${restarts} restarts; first seen as ${pod.container.id}, ${pod.container.restarts} restarts): its log is not the one this run read`,
      );
    }
  }

  private lose(pod: RunPod, evidence: LostEvidence, message: string): void {
    if (pod.lost) return;
    pod.lost = { evidence, message };
    this.warnings.push(`${message}; its checks are cannot-check from now on`);
  }

  private where(pod: RunPod): string {
    return `probe pod ${pod.namespace}/${pod.name}`;
  }

  /** The manifest with this run's label and name, owned by the namespace's run object. */
  private ownedManifest(planned: ProbePodManifest, owner: ConfigMapObject): PodManifest {
    // The run object is the only owner, and the controller: no ReplicaSet or StatefulSet
    // whose selector matches the caller's labels adopts a pod that has a controller.
    // blockOwnerDeletion is left unset: it needs the update permission on the owner's finalizers.
    const refs = [
      {
        apiVersion: "v1",
        kind: "ConfigMap",
        name: owner.metadata.name,
        uid: owner.metadata.uid as string,
        controller: true,
      },
    ];
    return {
      ...planned,
      metadata: {
        ...planned.metadata,
        name: this.nameFor(planned.metadata.name),
        labels: { ...planned.metadata.labels, [PROBE_RUN_LABEL]: this.runId },
        ownerReferences: refs.map((r) => ({ ...r })),
      },
    };
  }

  private nameFor(name: string): string {
    if (this.planNamed) return name;
    const suffix = `-${this.runId}`;
    return `${name.slice(0, 63 - suffix.length).replace(/[-.]+$/, "")}${suffix}`;
  }

  /**
   * Deletes what earlier runs left in the namespaces this run acts in: run objects older than
   * staleAfterMs and the probe pods they own. Only objects of this tool's shape count (see
   * `isRunObject`, `ownedProbePod`); anything else carrying the run label is a look-alike,
   * reported and left alone. Nothing here fails the run: collection is tidying, and a
   * namespace where it is refused or fails is a warning (a later run collects it).
   */
  private async collectStale(plan: ProbePlan): Promise<void> {
    const cutoff = this.now() - this.staleAfterMs;
    const old = (created: string | undefined) => created !== undefined && Date.parse(created) < cutoff;
    const selector = { labelSelector: PROBE_RUN_LABEL };
    const namespaces = new Set([
      ...plan.runObjects.map((r) => r.metadata.namespace),
      ...plan.pods.map((p) => p.metadata.namespace),
    ]);
    const lookAlikes: string[] = [];
    await Promise.all(
      [...namespaces].map(async (ns) => {
        try {
          const runObjects = new Map<string, ConfigMapObject>();
          for (const cm of await this.cluster.listConfigMaps(ns, selector)) {
            if (isRunObject(cm)) runObjects.set(cm.metadata.uid as string, cm);
            else lookAlikes.push(`ConfigMap ${ns}/${cm.metadata.name}`);
          }
          const stale = [...runObjects.values()].filter((ro) => old(ro.metadata.creationTimestamp));
          const pods = await this.cluster.listPods(ns, selector);
          for (const p of pods) {
            if (!ownedProbePod(p, runObjects)) lookAlikes.push(`pod ${ns}/${p.metadata.name}`);
          }
          // The run objects first: the garbage collector removes their pods; then each pod of
          // a stale run object directly, by uid.
          for (const ro of stale) {
            await this.cluster.deleteConfigMap(ns, ro.metadata.name, {
              propagationPolicy: "Background",
              uid: ro.metadata.uid as string,
            });
          }
          const staleUids = new Set(stale.map((ro) => ro.metadata.uid));
          for (const p of pods) {
            const owner = ownedProbePod(p, runObjects);
            if (owner && staleUids.has(owner.metadata.uid)) {
              await this.cluster.deletePod(ns, p.metadata.name, {
                gracePeriodSeconds: 0,
                ...(p.metadata.uid ? { uid: p.metadata.uid } : {}),
              });
            }
          }
        } catch (e) {
          if (!(e instanceof ClusterError)) throw e;
          this.warnings.push(
            `probe objects of earlier runs in namespace ${ns} were not collected (a later run collects them): ${e.message}`,
          );
        }
      }),
    );
    if (lookAlikes.length > 0) {
      this.warnings.push(
        `left alone, not made by netpol-rollout though labelled ${PROBE_RUN_LABEL} (no run object of this tool owns them): ${lookAlikes.sort().join(", ")}`,
      );
    }
  }

  /** One round for one pod: wait until it runs, then read the iteration the round needs. */
  private async round(
    pod: RunPod,
    checks: ProbeCheck[],
    roundNumber: number,
    askedAt: number,
    signal: AbortSignal | undefined,
  ): Promise<Map<string, ObservedOutcome>> {
    const out = new Map<string, ObservedOutcome>();
    const fail = (evidence: CannotCheckEvidence, message: string) => {
      for (const c of checks) out.set(c.id, { outcome: "cannot-check", evidence, message });
      return out;
    };
    const startDeadline = this.now() + this.startTimeoutMs;
    while (pod.runningAt === undefined && !pod.failed) {
      if (signal?.aborted) return out;
      this.judgeStart(pod, this.now() >= startDeadline);
      if (pod.runningAt !== undefined || pod.failed) break;
      await this.waitForChange(Math.min(this.pollMs, Math.max(0, startDeadline - this.now())), signal);
    }
    if (pod.failed) return fail(pod.failed.evidence, pod.failed.message);
    if (pod.lost) return fail(pod.lost.evidence, pod.lost.message);

    // The iteration this round reads. A new pod: its first. A later round of the same
    // phase: the next iteration after the one last read (it started once that one had
    // ended). A new phase (round 1 on a pod that exists): one that had not started when the
    // round was asked for.
    let log: ParsedLog = { started: [], results: new Map() };
    let latest = 0;
    let target: number;
    if (pod.lastIteration === undefined) target = 1;
    else if (roundNumber > 1) target = pod.lastIteration + 1;
    else {
      log = await this.readLog(pod);
      latest = log.started.at(-1) ?? 0;
      target = Math.max(latest, pod.lastIteration) + 1;
    }
    const runningAt = pod.runningAt as number;
    // Iteration k ends about k timeouts after the pod runs; allow one more for drift.
    const expectedEnd = Math.max(runningAt + target * this.timeoutMs, askedAt);
    const deadline =
      Math.max(expectedEnd, this.now() + (target - latest) * this.timeoutMs) + this.timeoutMs + this.graceMs;
    for (;;) {
      const results = log.results.get(target);
      const complete = log.started.some((i) => i > target);
      const have = checks.filter((c) => results?.has(c.id)).length;
      if (have === checks.length || complete || this.now() >= deadline || pod.lost || signal?.aborted) break;
      const untilEnd = expectedEnd + 50 - this.now();
      await this.sleep(Math.min(deadline - this.now(), untilEnd > 0 ? untilEnd : this.pollMs), signal);
      if (signal?.aborted) break;
      log = await this.readLog(pod);
    }
    pod.lastIteration = target;
    // Read again: the log reads above may have found the pod lost.
    const lost = lostOf(pod);
    if (lost) return fail(lost.evidence, lost.message);
    const results = log.results.get(target);
    for (const c of checks) {
      const line = results?.get(c.id);
      out.set(
        c.id,
        line
          ? outcomeOf(line, isDnsTarget(c.to))
          : {
              outcome: "cannot-check",
              evidence: "no-result-line",
              message: `${this.where(pod)} wrote no result for this check in iteration ${target}${pod.unbound ? ` that could be bound to it (${pod.unbound})` : ""}`,
            },
      );
    }
    return out;
  }

  /**
   * The pod's log, if reads of the pod just before and just after it both show the pod this
   * run created, with the container first seen running; else nothing (and the pod is lost
   * when either read shows it changed).
   */
  private async readLog(pod: RunPod): Promise<ParsedLog> {
    const nothing: ParsedLog = { started: [], results: new Map() };
    if (!(await this.bind(pod, "before"))) return nothing;
    let text: string;
    try {
      text = await this.cluster.podLogs(pod.namespace, pod.name, PROBE_CONTAINER);
    } catch (e) {
      if (e instanceof ClusterError && e.name !== "ForbiddenError") return nothing;
      throw e;
    }
    if (!(await this.bind(pod, "after"))) return nothing;
    delete pod.unbound;
    return parseProbeLog(text, checkIdsOf(pod.manifest));
  }

  /** Reads the pod and tells whether it is still the pod and container this run created. */
  private async bind(pod: RunPod, when: "before" | "after"): Promise<boolean> {
    let seen: LivePod | undefined;
    try {
      seen = await this.cluster.getPod(pod.namespace, pod.name);
    } catch (e) {
      if (!(e instanceof ClusterError) || e.name === "ForbiddenError") throw e;
      pod.unbound = `the pod could not be read ${when} its log: ${e.message}`;
      return false;
    }
    if (seen === undefined)
      this.lose(pod, "pod-deleted", `${this.where(pod)} was deleted by someone else during the run`);
    else this.observe(pod, seen, false);
    if (pod.lost) return false;
    if (pod.container === undefined) {
      pod.unbound = "its probe container shows no container id";
      return false;
    }
    return true;
  }

  /** Decides from the pod's status whether it runs, cannot start, or may still start. */
  private judgeStart(pod: RunPod, timedOut: boolean): void {
    const status = pod.live?.status;
    const where = this.where(pod);
    if (pod.lost) {
      pod.failed = { ...pod.lost };
      return;
    }
    if (status?.phase === "Running") {
      pod.runningAt = this.now();
      if (status.conditions?.some((c) => c.type === "Ready" && c.status === "True")) {
        this.warnings.push(
          `${where} turned Ready; a probe pod must never be Ready (check its readiness probe)`,
        );
      }
      return;
    }
    if (status?.phase === "Failed" || status?.phase === "Succeeded") {
      pod.failed = {
        evidence: "never-started",
        message: `${where} ended (${status.phase}${status.reason ? `: ${status.reason}` : ""}) before it ran its checks`,
      };
      return;
    }
    for (const cs of status?.containerStatuses ?? []) {
      const w = cs.state?.waiting;
      if (w?.reason && PULL_FAILURES.has(w.reason) && (w.reason !== "ErrImagePull" || timedOut)) {
        pod.failed = {
          evidence: "image-pull-error",
          message: `${where}: ${w.reason}${w.message ? `: ${w.message}` : ""}`,
        };
        return;
      }
      if (w?.reason && START_FAILURES.has(w.reason)) {
        pod.failed = {
          evidence: "never-started",
          message: `${where}: ${w.reason}${w.message ? `: ${w.message}` : ""}`,
        };
        return;
      }
    }
    if (!timedOut) return;
    const unschedulable = status?.conditions?.find((c) => c.type === "PodScheduled" && c.status === "False");
    if (unschedulable) {
      pod.failed = {
        evidence: "unschedulable",
        message: `${where} was not scheduled: ${unschedulable.reason ?? ""}${unschedulable.message ? `: ${unschedulable.message}` : ""}`,
      };
      return;
    }
    pod.failed = {
      evidence: "never-started",
      message: `${where} did not run within ${Math.round(this.startTimeoutMs / 1000)} s (phase ${status?.phase ?? "unknown"})`,
    };
  }

  /** Resolves on the next watch event, or after `ms`. */
  private waitForChange(ms: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.waiters.delete(done);
        resolve();
      };
      this.waiters.add(done);
      void this.sleep(ms, signal).then(done);
    });
  }

  /** Deletes this run's run objects and pods; safe to call twice. */
  close(): Promise<void> {
    this.closing ??= this.cleanup();
    return this.closing;
  }

  private async cleanup(): Promise<void> {
    await this.started?.catch(() => undefined);
    await this.watch?.stop().catch(() => undefined);
    const errors: string[] = [];
    const pods = new Set(this.pods.values());
    // The run objects first: the garbage collector removes their pods even if we are cut
    // short; then each pod directly, not waiting for the collector.
    await Promise.all(
      this.runObjects.map((ro) =>
        this.cluster
          .deleteConfigMap(ro.metadata.namespace, ro.metadata.name, { propagationPolicy: "Background" })
          .catch((e: unknown) => errors.push((e as Error).message)),
      ),
    );
    await Promise.all(
      [...pods].map((p) =>
        this.cluster
          // Only the pod this run created: a pod that took its name is its creator's.
          .deletePod(p.namespace, p.name, { gracePeriodSeconds: 0, ...(p.uid ? { uid: p.uid } : {}) })
          .catch((e: unknown) => errors.push((e as Error).message)),
      ),
    );
    if (errors.length > 0) {
      throw new Error(
        `probe cleanup left objects behind (label ${PROBE_RUN_LABEL}=${this.runId}; the next run collects them): ${errors.join("; ")}`,
      );
    }
  }
}

/** A run object of this tool: a ConfigMap with the probe label "run" and a run id. */
function isRunObject(cm: ConfigMapObject): boolean {
  const labels = cm.metadata.labels ?? {};
  return labels[PROBE_LABEL] === "run" && !!labels[PROBE_RUN_LABEL] && cm.metadata.uid !== undefined;
}

/**
 * The run object that owns a probe pod of this tool, if it is one: the probe label "pod", and
 * as its controller one of `runObjects` (by uid) of the same run id.
 */
function ownedProbePod(pod: LivePod, runObjects: Map<string, ConfigMapObject>): ConfigMapObject | undefined {
  const labels = pod.metadata.labels ?? {};
  if (labels[PROBE_LABEL] !== "pod") return undefined;
  const ref = pod.metadata.ownerReferences?.find((r) => r.controller === true);
  const owner = ref && ref.kind === "ConfigMap" ? runObjects.get(ref.uid) : undefined;
  return owner?.metadata.labels?.[PROBE_RUN_LABEL] === labels[PROBE_RUN_LABEL] ? owner : undefined;
}
