import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { addOutputOption } from "../options.js";
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError, type CliContext } from "../context.js";
import { formatIntentError } from "../../intent/index.js";
import { compileEnvironment } from "../../compile/compile.js";
import { formatInputError } from "../../manifests/input-error.js";
import { parseKubeObjects, type InputFile } from "../../manifests/parse.js";
import { ClusterError, KubeconfigError } from "../../ports/cluster.js";
import { runProbeCommand } from "../../commands/probe.js";
import { buildProbePlan } from "../../probe/probe-plan.js";
import { policiesInForce } from "../../probe/step-plan.js";
import { renderPlanJson, renderPlanMarkdown, renderPlanText } from "../../probe/render.js";
import { renderProbeJson, renderProbeMarkdown, renderProbeText } from "../../report/probe-result.js";
import { createScrubber } from "../../report/scrub.js";
import { InputMissing, readInputs } from "./analyze.js";
import { selectEnvironment } from "./render.js";

export type ProbeOutput = "text" | "json" | "markdown";

interface ProbeOptions {
  env: string;
  policiesDir: string;
  plan?: boolean;
  cluster?: string;
  runId?: string;
  kubeconfig?: string;
  context?: string;
  output: ProbeOutput;
  timeout: string;
  image?: string;
}

/** Exit code when the checks could not all be made (and nothing deviated). */
export const EXIT_INCONCLUSIVE = 3;

const EXAMPLES = `
Without --plan: runs the environment's probe plan in the cluster now: one probe pod per
caller identity (restricted, never Ready, owned by a run object of its namespace), every
check from it, re-probes of mismatches until the deadline, one confirmation; then deletes
everything, also on Ctrl-C. Expected verdicts come from the NetworkPolicies in force.

With --plan --cluster FILE: prints the plan and runs nothing. FILE is what is deployed
now, as \`kubectl get ns,pods,svc,networkpolicies -A -o yaml\` prints it: the inventory
(pods with labels, IPs, container ports and phase; Services) and the live NetworkPolicies.
The plan judges every check twice with the semantics engine: with the live policies
(before) and with the policies the deploy leaves in force (after: the live ones this
environment does not manage, plus its compiled bundle).

Examples:
  $ netpol-rollout probe --env production --context prod-admin
  $ netpol-rollout probe --env staging --kubeconfig ~/.kube/staging --format json > probe.json
  $ kubectl get ns,pods,svc,networkpolicies -A -o yaml > cluster.yaml
  $ netpol-rollout probe --env production --cluster cluster.yaml --plan
  $ netpol-rollout probe --env production --cluster cluster.yaml --plan --format json | jq '.checks[] | select(.expect=="cannot-check")'

Exit codes: 0 all as expected (--plan: planned), 1 a deviation or a surprise (or invalid
input, errors as file:line:col), 2 usage error (also a kubeconfig that cannot be used),
3 inconclusive (checks that could not be made, nothing wrong seen; also an API server
that could not be reached).
`;

export function register(program: Command, ctx: CliContext): void {
  const command = program
    .command("probe")
    .description(
      "Probe an environment's flows in the cluster: declared flows connect, chosen others do not, DNS resolves (--plan: print the plan only).",
    )
    .requiredOption("--env <name>", "environment to probe (a file name in <policies-dir>/environments/)")
    .option("--policies-dir <dir>", "policies directory, relative to the current directory", "policies")
    .option("--plan", "print the plan without running anything (needs --cluster)")
    .option("--cluster <file>", "with --plan: kubectl get ns,pods,svc,networkpolicies -A -o yaml output")
    .option(
      "--run-id <id>",
      "with --plan: the run id the probe pods and run objects are named after (default: plan)",
    )
    .option("--kubeconfig <path>", "kubeconfig file (default: KUBECONFIG, ~/.kube/config, or in-cluster)")
    .option("--context <name>", "kubeconfig context (default: its current-context)")
    .option("--timeout <seconds>", "per-check timeout", "3")
    .option("--image <image>", "probe image (default: the agnhost e2e image)");
  addOutputOption(command, ["text", "json", "markdown"], "text")
    .addHelpText("after", EXAMPLES)
    .action(async (options: ProbeOptions) => {
      ctx.exitCode = await (options.plan ? probePlan(options, ctx) : probeLive(options, ctx));
    });
}

function timeoutOf(options: ProbeOptions): number {
  const timeoutSeconds = Number(options.timeout);
  if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1 || timeoutSeconds > 60) {
    throw new UsageError(
      `--timeout must be a whole number of seconds from 1 to 60, not '${options.timeout}'`,
    );
  }
  return timeoutSeconds;
}

async function probeLive(options: ProbeOptions, ctx: CliContext): Promise<number> {
  const { io } = ctx;
  if (options.cluster !== undefined || options.runId !== undefined)
    throw new UsageError(
      "--cluster and --run-id are for --plan; the live probe reads the cluster through --kubeconfig/--context",
    );
  const timeoutSeconds = timeoutOf(options);
  const loaded = await ctx.adapters.loadIntent(options.policiesDir);
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
  let connected;
  try {
    connected = ctx.adapters.connectCluster(source);
  } catch (e) {
    if (e instanceof KubeconfigError) {
      io.stderr(`netpol-rollout: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  const { cluster, secrets } = connected;
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
        prober: () => ctx.adapters.liveProber(cluster, { timeoutSeconds, runId }),
        run: (plan, prober, signal) => ctx.adapters.runProbes(prober, plan, signal),
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

async function probePlan(options: ProbeOptions, ctx: CliContext): Promise<number> {
  const { io } = ctx;
  if (options.cluster === undefined)
    throw new UsageError("--plan needs --cluster FILE (kubectl get ns,pods,svc,networkpolicies -A -o yaml)");
  if (options.kubeconfig !== undefined || options.context !== undefined)
    throw new UsageError("--plan reads the cluster from --cluster FILE, not --kubeconfig/--context");
  const timeoutSeconds = timeoutOf(options);
  const runId = options.runId ?? "plan";
  if (!/^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/.test(runId))
    throw new UsageError(`--run-id '${runId}' must be a DNS label of at most 40 characters`);
  const loaded = await ctx.adapters.loadIntent(options.policiesDir);
  if (!loaded.ok) {
    for (const error of loaded.errors) io.stderr(`${formatIntentError(error)}\n`);
    io.stderr(
      `${loaded.errors.length} error${loaded.errors.length === 1 ? "" : "s"} in ${options.policiesDir}; nothing planned\n`,
    );
    return EXIT_INVALID;
  }
  const env = selectEnvironment(loaded.intent.environments, options.env);
  let files: InputFile[];
  try {
    files = await readInputs(ctx, options.cluster, "--cluster");
  } catch (error) {
    if (!(error instanceof InputMissing)) throw error;
    io.stderr(`netpol-rollout probe: ${error.message}\n`);
    return EXIT_INVALID;
  }
  const cluster = parseKubeObjects(files);
  if (cluster.errors.length > 0) {
    for (const e of cluster.errors) io.stderr(`${formatInputError(e)}\n`);
    io.stderr(
      `${cluster.errors.length} error${cluster.errors.length === 1 ? "" : "s"} in ${options.cluster}; nothing planned\n`,
    );
    return EXIT_INVALID;
  }
  const cilium = env.profile.name === "cilium";
  // The live policies (a CiliumNetworkPolicy counts only under cilium), and what the deploy leaves in force.
  const live = [...cluster.policies, ...(cilium ? cluster.ciliumPolicies : [])];
  const plan = buildProbePlan({
    environment: env,
    inventory: { namespaces: cluster.namespaces, pods: cluster.pods, services: cluster.services },
    before: { policies: cluster.policies, ...(cilium ? { ciliumPolicies: cluster.ciliumPolicies } : {}) },
    after: policiesInForce(live, env.name, compileEnvironment(env)),
    run: { id: runId },
    pods: { timeoutSeconds, ...(options.image !== undefined ? { image: options.image } : {}) },
  });
  io.stdout(
    options.output === "json"
      ? renderPlanJson(plan)
      : options.output === "markdown"
        ? renderPlanMarkdown(plan)
        : renderPlanText(plan),
  );
  return EXIT_OK;
}
