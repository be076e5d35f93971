import { randomBytes } from "node:crypto";
import { Option, type Command } from "commander";
import { EXIT_INVALID, EXIT_USAGE, UsageError, type CliContext } from "../context.js";
import { formatIntentError, loadIntentFromDir } from "../../intent/index.js";
import { selectEnvironment } from "./render.js";
import { createCluster } from "../../adapters/kubernetes/cluster.js";
import { kubeconfigSecrets, loadKubeConfig, resolveKubeSource } from "../../adapters/kubernetes/config.js";
import { LiveProber } from "../../adapters/kubernetes/prober.js";
import { ClusterError, KubeconfigError } from "../../ports/cluster.js";
import { runProbeCommand } from "../../commands/probe.js";
import { buildProbePlan } from "../../probe/plan.js";
import { runProbes } from "../../probe/run.js";
import { renderProbeJson, renderProbeMarkdown, renderProbeText } from "../../report/probe-result.js";
import { createScrubber } from "../../report/scrub.js";

export type ProbeOutput = "text" | "json" | "markdown";

interface ProbeOptions {
  env: string;
  policiesDir: string;
  kubeconfig?: string;
  context?: string;
  output: ProbeOutput;
  timeout: string;
  image?: string;
}

/** Exit code when the checks could not all be made (and nothing deviated). */
export const EXIT_INCONCLUSIVE = 3;

const EXAMPLES = `
Runs the environment's probe plan in the cluster now: one probe pod per caller identity
(restricted, never Ready, owned by a run object of its namespace), every check from it,
re-probes of mismatches until the deadline, one confirmation; then deletes everything,
also on Ctrl-C. Expected verdicts come from the NetworkPolicies in force.

Examples:
  $ netpol-rollout probe --env production --context prod-admin
  $ netpol-rollout probe --env staging --kubeconfig ~/.kube/staging --output json > probe.json

Exit codes: 0 all as expected, 1 a deviation or a surprise (or an invalid intent),
2 usage error (also a kubeconfig that cannot be used), 3 inconclusive (checks that could
not be made, nothing wrong seen; also an API server that could not be reached).
`;

export function register(program: Command, ctx: CliContext): void {
  program
    .command("probe")
    .description(
      "Probe an environment's flows in the cluster: declared flows connect, chosen others do not, DNS resolves.",
    )
    .requiredOption("--env <name>", "environment to probe")
    .option("--policies-dir <dir>", "policies directory, relative to the current directory", "policies")
    .option("--kubeconfig <path>", "kubeconfig file (default: KUBECONFIG, ~/.kube/config, or in-cluster)")
    .option("--context <name>", "kubeconfig context (default: its current-context)")
    .addOption(
      new Option("--output <format>", "output format").choices(["text", "json", "markdown"]).default("text"),
    )
    .option("--timeout <seconds>", "per-check timeout", "3")
    .option("--image <image>", "probe image (default: the agnhost e2e image)")
    .addHelpText("after", EXAMPLES)
    .action(async (options: ProbeOptions) => {
      ctx.exitCode = await probe(options, ctx);
    });
}

async function probe(options: ProbeOptions, ctx: CliContext): Promise<number> {
  const { io } = ctx;
  const timeoutSeconds = Number(options.timeout);
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > 60) {
    throw new UsageError(
      `--timeout must be a whole number of seconds from 1 to 60, not '${options.timeout}'`,
    );
  }
  const loaded = await loadIntentFromDir(options.policiesDir, io.cwd);
  if (!loaded.ok) {
    for (const error of loaded.errors) io.stderr(`${formatIntentError(error)}\n`);
    io.stderr(`${loaded.errors.length} error(s) in ${options.policiesDir}; nothing probed\n`);
    return EXIT_INVALID;
  }
  const environment = selectEnvironment(loaded.intent.environments, options.env);
  const source = {
    ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
    ...(options.context ? { context: options.context } : {}),
  };
  let secrets: string[];
  let cluster;
  try {
    secrets = kubeconfigSecrets(loadKubeConfig(resolveKubeSource(source, process.env)).config);
    cluster = createCluster({ ...source, env: process.env });
  } catch (e) {
    if (e instanceof KubeconfigError) {
      io.stderr(`netpol-rollout: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  const scrubber = createScrubber(secrets);
  const pods = { timeoutSeconds, ...(options.image ? { image: options.image } : {}) };
  // One id for the plan's objects and the prober: names stay as planned, runs never collide.
  const runId = randomBytes(4).toString("hex");
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once("SIGINT", cancel);
  process.once("SIGTERM", cancel);
  try {
    const identity = cluster.identity();
    io.stderr(`probing ${environment.name} on ${identity.server} (context ${identity.context})\n`);
    const outcome = await runProbeCommand(
      environment,
      {
        cluster,
        plan: ({ inventory }) =>
          buildProbePlan({
            environment,
            inventory,
            after: { policies: inventory.policies },
            before: { policies: inventory.policies },
            pods,
            run: { id: runId, environment: environment.name },
          }),
        prober: () => new LiveProber(cluster, { timeoutSeconds, runId }),
        run: (plan, prober, signal) => runProbes(prober, plan, signal ? { signal } : {}),
      },
      controller.signal,
    );
    const report = { manifests: outcome.manifests, timeoutSeconds };
    const text =
      options.output === "json"
        ? renderProbeJson(outcome.result, report)
        : options.output === "markdown"
          ? renderProbeMarkdown(outcome.result, report)
          : renderProbeText(outcome.result, report);
    io.stdout(scrubber.scrub(text));
    if (controller.signal.aborted) {
      io.stderr("netpol-rollout: cancelled; the probe pods and run objects were deleted\n");
      return 130;
    }
    return outcome.exitCode;
  } catch (e) {
    if (e instanceof ClusterError || (e instanceof Error && e.name === "AbortError")) {
      io.stderr(`netpol-rollout: ${scrubber.scrub(e.message)}\n`);
      return e.name === "AbortError" ? 130 : EXIT_INCONCLUSIVE;
    }
    throw e;
  } finally {
    process.removeListener("SIGINT", cancel);
    process.removeListener("SIGTERM", cancel);
  }
}
