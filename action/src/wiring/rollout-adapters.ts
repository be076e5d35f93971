/**
 * The real adapters the Action's `deploy`, `rollback` and `probe` commands run with, chosen
 * from their settings: the cluster through `@kubernetes/client-node` (the `kubeconfig` and
 * `context` inputs, else KUBECONFIG, ~/.kube/config or in-cluster), the Pulumi engine through
 * the Automation API pointed at the same kubeconfig and context, probes planned from the
 * intent on the live inventory and run by probe pods, each environment's history in a
 * ConfigMap of `state-namespace`, step bundles under RUNNER_TEMP, and the git checkout for
 * rollbacks to a ref.
 */
import { delimiter, isAbsolute, join, relative, sep } from "node:path";
import type { KubeClusterOptions } from "../adapters/kubernetes/cluster.js";
import { checkAccess } from "../commands/access-preflight.js";
import { liveProbeRun, readClusterState } from "../adapters/kubernetes/probe-phase.js";
import type { LiveProberOptions } from "../adapters/kubernetes/prober.js";
import { createCommitFetcher, createGitReader } from "../adapters/git.js";
import { createGitHubAdapter } from "../adapters/github.js";
import { createPulumiDeployer } from "../adapters/pulumi.js";
import { checkAvailability } from "../adapters/pulumi-availability.js";
import {
  actionDirOf,
  chooseProgram,
  prepareShippedProgram,
  shippedProgramDeployer,
} from "../adapters/pulumi-program.js";
import { createBundleFiles, createHistoryStore } from "../adapters/rollout-store.js";
import { createLeaseLocks, type LeaseLockOptions } from "../adapters/lease-lock.js";
import { loadIntentFromDir, readIntentTree } from "../adapters/files/intent.js";
import { writeTextFile } from "../adapters/files/write.js";
import {
  pullRequestNotifier,
  type PullRequestNotifier,
  type RolloutActionDeps,
  type RolloutActionRequest,
} from "../commands/action-rollout.js";
import { runUrl } from "../commands/github-run.js";
import type { RolloutDeps } from "../commands/deploy/request.js";
import { compileAtRef } from "../commands/rollback.js";
import { readFlowPatterns } from "../adapters/flow-patterns.js";
import type { ActionIo } from "../ports/actions.js";
import type { Cluster } from "../ports/cluster.js";
import { PulumiCliMissingError, type PulumiDeployer } from "../ports/engine.js";
import type { ForeignPolicies, ProbePhase } from "../ports/rollout.js";
import { readReplaced, recordedManifest } from "../import/record.js";
import type { NetworkPolicy } from "../k8s/types.js";
import { PROBE_RUN_LABEL } from "../probe/pod-script.js";
import { planStepProbes } from "../probe/step-plan.js";
import type { ProbePodOptions, ReprobePolicy } from "../probe/types.js";
import { stackName } from "../rollout/config.js";
import {
  rolloutActionRequest,
  type ClusterCommandSettings,
  type DeploySettings,
  type RollbackSettings,
} from "../settings/index.js";
import { connectCluster } from "./cluster-connection.js";

/** The Action's rollout command, ready to run: its request, adapters and cluster. */
export interface RolloutWiring {
  request: RolloutActionRequest;
  deps: RolloutActionDeps;
  cluster: Cluster;
  /** The kubeconfig's credentials: masked in the log and scrubbed from everything written. */
  secrets: string[];
}

export interface RolloutWiringOptions {
  /** The Action's own directory, where the program it ships is. */
  actionDir?: string;
  /** Home directory for the ~/.kube/config fallback. */
  home?: string;
  signal?: AbortSignal;
  /** Timeouts and retries of the cluster client (tests shorten them). */
  clusterOptions?: KubeClusterOptions;
  /** The live prober's waits (tests shorten them); the per-check timeout is the setting's. */
  proberOptions?: Omit<LiveProberOptions, "timeoutSeconds" | "runId">;
  /** Re-probe policy of every plan (tests shorten it). */
  reprobe?: Partial<ReprobePolicy>;
  /** The run lock's lease duration and clock (tests shorten them). */
  lock?: Pick<LeaseLockOptions, "durationSeconds" | "clock">;
}

/** Chooses and connects every adapter; throws a clear error for a kubeconfig or engine that cannot be used. */
export function rolloutWiring(
  settings: ClusterCommandSettings,
  io: ActionIo,
  options: RolloutWiringOptions = {},
): RolloutWiring {
  const { workspace } = settings.runner;
  const log = (line: string) => io.info(line);
  const { cluster, leases, access, identity, secrets, kubeconfigPaths } = connectCluster(
    settings,
    settings.runner.toolEnv,
    {
      ...(options.home !== undefined ? { home: options.home } : {}),
      ...(options.clusterOptions ? { clusterOptions: options.clusterOptions } : {}),
    },
  );
  io.info(
    `Cluster: ${identity.server} (context "${identity.context}"${kubeconfigPaths.length > 0 ? `, kubeconfig ${kubeconfigPaths.join(", ")}` : ""})`,
  );

  const url = runUrl(settings.github);
  // Probe pods of one Action run carry its id; each probe phase adds a sequence number.
  const runId = `${settings.github.runId ?? "local"}-${settings.github.runAttempt ?? "1"}`;
  const git = createGitReader(workspace, settings.runner.toolEnv);
  const rollout: RolloutDeps = {
    engine:
      settings.command === "probe"
        ? noEngine("the probe command deploys nothing")
        : engineFor(settings, kubeconfigPaths, io, options.actionDir),
    readCluster: () => readClusterState(cluster),
    history: createHistoryStore(cluster, settings.stateNamespace, settings.recordKeys),
    locks: createLeaseLocks(leases, {
      namespace: settings.stateNamespace,
      run: {
        command: settings.command === "probe" ? "drift" : settings.command,
        ...(settings.github.runId ? { runId: settings.github.runId } : {}),
        ...(settings.github.runAttempt ? { attempt: settings.github.runAttempt } : {}),
        ...(settings.github.actor ? { actor: settings.github.actor } : {}),
        ...(url ? { url } : {}),
      },
      ...options.lock,
      log,
    }),
    probes: liveProbePhase(cluster, settings, runId, options),
    files: createBundleFiles(join(settings.runner.temp, "netpol-rollout", "steps")),
    compileAt: compileAtRef(
      git,
      settings.policiesDir,
      createCommitFetcher(workspace, settings.runner.toolEnv),
    ),
    clusterName: `${identity.server} (context "${identity.context}")`,
    foreign: foreignPolicies(cluster),
    now: () => new Date(),
    log,
  };
  const deps: RolloutActionDeps = {
    readIntent: () => loadIntentFromDir(settings.policiesDir, workspace),
    access: (environments, role) =>
      checkAccess(environments, role, {
        reviewer: access,
        stateNamespace: settings.stateNamespace,
        probePods: probePodOptions(settings),
        runId: `${runId}-preflight`
          .toLowerCase()
          .replace(/[^a-z0-9-]/g, "-")
          .slice(0, 40),
      }),
    readReplaced: async (env) => {
      const tree = await readIntentTree(workspace, join(workspace, settings.policiesDir));
      const wanted = new Set(env.replaces?.files ?? []);
      const files = tree.files
        .map((f) => ({
          path: (isAbsolute(f.path) ? relative(workspace, f.path) : f.path).split(sep).join("/"),
          text: f.text,
        }))
        .filter((f) => wanted.has(f.path));
      return readReplaced(files);
    },
    rollout,
    writeReport: writeTextFile,
    ...(options.signal ? { signal: options.signal } : {}),
  };
  if (settings.command === "deploy") {
    const notifier = notifierFor(settings, io);
    if (notifier) deps.notifier = notifier;
    const { flows } = settings;
    if (flows.length > 0)
      deps.readObserved = () => readFlowPatterns(flows, { workspace, warn: (m) => io.warn(m) });
  }
  const request = { ...rolloutActionRequest(settings), secrets: [...settings.secrets, ...secrets] };
  return { request, deps, cluster, secrets };
}

/**
 * The deployer of the repository's Pulumi project, or of the program the Action ships. The
 * engine's Kubernetes provider gets the same kubeconfig (KUBECONFIG) and context
 * (`kubernetes:context`) as the cluster adapter: deploy and probes act on one cluster.
 */
function engineFor(
  settings: DeploySettings | RollbackSettings,
  kubeconfigPaths: string[],
  io: ActionIo,
  actionDir: string = actionDirOf(import.meta.url),
): PulumiDeployer {
  const { workspace } = settings.runner;
  const program = chooseProgram({
    workspace,
    workDirInput: settings.workDirGiven ? relative(workspace, settings.workDir) || "." : "",
    project: settings.pulumiProject,
  });
  const availability = checkAvailability({
    workDir: program.kind === "project" ? program.workDir : undefined,
    workspace,
    env: settings.pulumi,
  });
  if (!availability.available) {
    throw new PulumiCliMissingError(`${settings.command} needs the Pulumi engine: ${availability.reason}`);
  }
  io.info(`Pulumi CLI: ${availability.cliPath}`);
  const log = (line: string) => io.info(line);
  const env = {
    ...settings.pulumi,
    vars: {
      ...settings.pulumi.vars,
      // The list form, as the cluster adapter read it (the provider merges the files alike).
      ...(kubeconfigPaths.length > 0 ? { KUBECONFIG: kubeconfigPaths.join(delimiter) } : {}),
    },
  };
  const providerConfig: Record<string, string> = settings.context
    ? { "kubernetes:context": settings.context }
    : {};
  if (program.kind === "project") {
    return createPulumiDeployer({
      workDir: program.workDir,
      stackTemplate: settings.stackTemplate,
      policiesDir: settings.policiesDir,
      env,
      cliPath: availability.cliPath,
      providerConfig,
      log,
    });
  }
  return shippedProgramDeployer(
    () => prepareShippedProgram({ actionDir, temp: settings.runner.temp, project: program.project, log }),
    (workDir) =>
      createPulumiDeployer({
        workDir,
        stackTemplate: settings.stackTemplate,
        // The shipped project lives outside the repository: the intent by absolute path.
        policiesDir: join(workspace, settings.policiesDir),
        env,
        cliPath: availability.cliPath,
        providerConfig,
        log,
      }),
    (environment) => stackName(settings.stackTemplate, environment),
  );
}

/** The merged pull request's result poster, when asked for and possible; else says why not. */
function notifierFor(settings: DeploySettings, io: ActionIo): PullRequestNotifier | undefined {
  if (!settings.commentOnPr) return undefined;
  const { owner, repo } = settings.github;
  const skip =
    settings.githubToken === ""
      ? "no github-token"
      : !settings.revision || owner === ""
        ? "not running on a GitHub runner (no GITHUB_SHA or GITHUB_REPOSITORY)"
        : undefined;
  if (skip !== undefined) {
    io.info(`The result will not be posted on a pull request: ${skip}`);
    return undefined;
  }
  const github = createGitHubAdapter({
    token: settings.githubToken,
    apiUrl: settings.github.apiUrl,
    ...(settings.commentAuthor ? { commentAuthor: settings.commentAuthor } : {}),
  });
  return pullRequestNotifier(github, { owner, repo }, settings.environments);
}

/** A deployer for a command that must never deploy. */
function noEngine(why: string): PulumiDeployer {
  return {
    up: () => Promise.reject(new Error(`internal: the engine was asked to deploy, but ${why}`)),
    target: () => Promise.reject(new Error(`internal: the engine was asked where it deploys, but ${why}`)),
  };
}

/** How probe pods are built, from the probe settings. */
export function probePodOptions(settings: Pick<ClusterCommandSettings, "probe">): Partial<ProbePodOptions> {
  return {
    timeoutSeconds: settings.probe.timeoutSeconds,
    ...(settings.probe.image ? { image: settings.probe.image } : {}),
    ...(settings.probe.imagePullSecrets.length > 0
      ? { imagePullSecrets: [...settings.probe.imagePullSecrets] }
      : {}),
  };
}

/**
 * Probes planned from the intent on the live inventory (`planStepProbes`). Each run uses a
 * new live prober whose pods and run objects are deleted when it ends, a cancelled run
 * included. The pods' per-check timeout and the prober's wait are one setting.
 */
export function liveProbePhase(
  cluster: Cluster,
  settings: Pick<ClusterCommandSettings, "probe">,
  runId: string,
  options: Pick<RolloutWiringOptions, "proberOptions" | "reprobe"> = {},
): ProbePhase {
  const timeoutSeconds = settings.probe.timeoutSeconds;
  const pods = probePodOptions(settings);
  let n = 0;
  return {
    plan: (input) =>
      planStepProbes(input, {
        run: { id: `${runId}-${++n}`, environment: input.environment.name },
        pods,
        reprobe: {
          ...options.reprobe,
          ...(settings.probe.settleSeconds !== undefined
            ? { settleSeconds: settings.probe.settleSeconds }
            : {}),
        },
      }),
    run(plan, signal) {
      // The prober runs under the plan's id, so the pods keep the names the plan gave them.
      const planned = plan.runObjects[0]?.metadata.labels?.[PROBE_RUN_LABEL];
      return liveProbeRun(cluster, {
        ...options.proberOptions,
        timeoutSeconds,
        ...(planned ? { runId: planned } : {}),
      })(plan, signal);
    },
  };
}

/** The cluster's own NetworkPolicies an import replaces: removed as read, put back as they were. */
function foreignPolicies(cluster: Cluster): ForeignPolicies {
  return {
    remove: async (policy) => {
      const resourceVersion = (policy.metadata as { resourceVersion?: string }).resourceVersion;
      if (resourceVersion === undefined)
        throw new Error(
          `NetworkPolicy ${policy.metadata.namespace}/${policy.metadata.name} was read without a resourceVersion`,
        );
      await cluster.deleteNetworkPolicy(
        policy.metadata.namespace ?? "default",
        policy.metadata.name,
        resourceVersion,
      );
    },
    restore: (policy) => cluster.createNetworkPolicy(recordedManifest(policy) as NetworkPolicy),
  };
}
