/**
 * The shop scenario of the rollout command tests: two revisions of its intent, their targets,
 * and the typed fakes of every port a rollout runs over, with a clock that ticks a second a
 * call.
 */
import { onTestFinished } from "vitest";
import { compileEnvironment } from "../../action/src/compile/index.js";
import type { EnvironmentIntent } from "../../action/src/intent/model.js";
import { runRollout } from "../../action/src/commands/deploy.js";
import type { RolloutDeps, RolloutRequest, RolloutTarget } from "../../action/src/commands/deploy/request.js";
import type { ObservedTraffic } from "../../action/src/commands/deploy/observed.js";
import type { BreakGlass } from "../../action/src/rollout/break-glass.js";
import type { OnInconclusive } from "../../action/src/rollout/decision.js";
import { buildEnvironment } from "./intent-builder.js";
import {
  FakeDeployer,
  FakeHistoryStore,
  FakeProbePhase,
  shopCluster,
  tempBundleFiles,
  type FakeCluster,
  fakeLocks,
} from "../fakes/rollout.js";

export const REV_A = "aaaaaaa1111111111111111111111111111111111";
export const REV_B = "bbbbbbb2222222222222222222222222222222222";

/** Revision A: ingress → frontend → api → ledger. */
export const FLOWS_A = ["ingress-nginx -> frontend:80", "frontend -> api:8080", "api -> ledger:5432"];
/** Revision B: A plus worker → ledger (a new policy object, shop/worker-egress). */
export const FLOWS_B = [...FLOWS_A, "worker -> ledger:5432"];

export function intent(name: string, prefix: string, flows: string[], order = 1): EnvironmentIntent {
  return buildEnvironment({
    name,
    order,
    cni: "calico",
    namespaces: {
      [`${prefix}shop`]: {
        services: { frontend: { ports: [80] }, api: { ports: [8080] }, worker: { ports: [9000] } },
      },
      [`${prefix}billing`]: { services: { ledger: { ports: [5432] } } },
      "ingress-nginx": { managed: false, podLabels: { "app.kubernetes.io/name": "ingress-nginx" } },
    },
    flows,
  });
}

export function target(env: EnvironmentIntent, revision: string): RolloutTarget {
  return { intent: env, bundle: { ...compileEnvironment(env), excludedNamespaces: [] }, revision };
}

export function setup(cluster: FakeCluster = shopCluster()) {
  const deployer = new FakeDeployer(cluster);
  const probes = new FakeProbePhase(cluster);
  const history = new FakeHistoryStore();
  const files = tempBundleFiles();
  onTestFinished(files.cleanup);
  let clock = Date.parse("2026-11-30T07:00:00Z");
  const logs: string[] = [];
  const deps: RolloutDeps = {
    engine: deployer,
    locks: fakeLocks(),
    readCluster: () => cluster.read(),
    history,
    probes,
    files,
    // Every record of these runs holds its intent: nothing is compiled from a repository.
    compileAt: async () => undefined,
    now: () => new Date((clock += 1000)),
    log: (line) => logs.push(line),
  };
  const rollout = (
    targets: RolloutTarget[],
    options: {
      onInconclusive?: OnInconclusive;
      breakGlass?: BreakGlass;
      signal?: AbortSignal;
      action?: RolloutRequest["action"];
      lockWaitMs?: number;
      observed?: ObservedTraffic;
    } = {},
  ) =>
    runRollout(
      {
        action: options.action ?? "deploy",
        targets,
        onInconclusive: options.onInconclusive ?? "fail",
        breakGlass: options.breakGlass ?? "auto",
        run: { id: "7", attempt: "1", actor: "alice", event: "push" },
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        lockWaitMs: options.lockWaitMs ?? 0,
        ...(options.observed === undefined ? {} : { observed: options.observed }),
      },
      deps,
    );
  return { cluster, deployer, probes, history, deps, rollout, logs };
}

export const production = (flows = FLOWS_A) => intent("production", "", flows);

/** The policies netpol-rollout manages in the cluster, as "namespace/name". */
export function managed(cluster: FakeCluster): string[] {
  return [...cluster.policies.values()].map((p) => `${p.metadata.namespace}/${p.metadata.name}`).sort();
}

export function compiledNames(env: EnvironmentIntent): string[] {
  return compileEnvironment(env)
    .objects.map((o) => `${o.manifest.metadata.namespace}/${o.manifest.metadata.name}`)
    .sort();
}
