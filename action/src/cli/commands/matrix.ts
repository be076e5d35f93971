import { Option, type Command } from "commander";
import { EXIT_INVALID, EXIT_OK, UsageError, type CliContext } from "../context.js";
import { formatIntentError } from "../../intent/index.js";
import { clusterWaves } from "../../rollout/waves.js";
import { selectEnvironment } from "./render.js";

interface MatrixOptions {
  env: string;
  policiesDir: string;
  wave?: number;
}

const EXAMPLES = `
Prints one line of JSON: {"environment", "waves": [{"include": [...]}, ...]}. Each wave is a
GitHub Actions matrix: one entry per cluster with environment, cluster, wave, canary,
kubeconfigSecret and context (empty strings when the intent leaves them out). The canary
clusters are the first wave; the others follow in listed order, waveSize at a time.

Examples:
  $ netpol-rollout matrix --env production
  $ echo "matrix=$(netpol-rollout matrix --env production)" >> "$GITHUB_OUTPUT"
      in a plan job; a wave job then runs its clusters in parallel with
        strategy:
          fail-fast: false
          matrix: \${{ fromJSON(needs.plan.outputs.matrix).waves[1] }}
        environment: production-\${{ matrix.cluster }}   # holds that cluster's KUBECONFIG
  $ netpol-rollout matrix --env production --wave 1
      only the first wave's matrix: {"include": [...]}

An environment without clusters: is one wave of one cluster whose name is empty.

Exit codes: 0 printed, 1 invalid intent (errors as file:line:col), 2 usage error (unknown
environment, a wave that does not exist).
`;

export function register(program: Command, ctx: CliContext): void {
  program
    .command("matrix")
    .description("Print the waves an environment's clusters deploy in, as JSON for a GitHub Actions matrix.")
    .requiredOption("--env <name>", "environment (a file name in <policies-dir>/environments/)")
    .option("--policies-dir <dir>", "policies directory, relative to the current directory", "policies")
    .addOption(new Option("--wave <n>", "print only wave n (1-based) as a matrix").argParser(waveNumber))
    .addHelpText("after", EXAMPLES)
    .action(async (options: MatrixOptions) => {
      ctx.exitCode = await matrix(options, ctx);
    });
}

function waveNumber(text: string): number {
  if (!/^[1-9][0-9]{0,5}$/.test(text))
    throw new UsageError(`--wave must be a wave number (1, 2, ...), got '${text}'`);
  return Number(text);
}

async function matrix(options: MatrixOptions, ctx: CliContext): Promise<number> {
  const { io } = ctx;
  const result = await ctx.adapters.loadIntent(options.policiesDir);
  if (!result.ok) {
    for (const error of result.errors) io.stderr(`${formatIntentError(error)}\n`);
    const n = result.errors.length;
    io.stderr(`${n} error${n === 1 ? "" : "s"} in ${options.policiesDir}; no matrix printed\n`);
    return EXIT_INVALID;
  }
  const waves = clusterWaves(selectEnvironment(result.intent.environments, options.env));
  if (options.wave === undefined) {
    io.stdout(`${JSON.stringify(waves)}\n`);
    return EXIT_OK;
  }
  const wave = waves.waves[options.wave - 1];
  if (!wave) {
    const n = waves.waves.length;
    throw new UsageError(
      `${waves.environment} has ${n} wave${n === 1 ? "" : "s"}; there is no wave ${options.wave}`,
    );
  }
  io.stdout(`${JSON.stringify(wave)}\n`);
  return EXIT_OK;
}
