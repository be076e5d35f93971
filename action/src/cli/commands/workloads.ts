import { Option, type Command } from "commander";
import { addOutputOption } from "../options.js";
import { stringify } from "yaml";
import { EXIT_INVALID, EXIT_OK, UsageError, type CliContext } from "../context.js";
import { formatIntentError } from "../../intent/index.js";
import { DEFAULT_WORKLOAD_IMAGE, generateWorkloads } from "../../compile/workloads.js";
import { selectEnvironment } from "./render.js";

interface WorkloadsOptions {
  env: string;
  policiesDir: string;
  image: string;
  imagePullPolicy: "Always" | "IfNotPresent" | "Never";
  replicas: string;
  output: "yaml" | "json";
}

const EXAMPLES = `
Examples:
  $ netpol-rollout workloads --env staging | kubectl apply -f -
      stand-in pods for every declared service of staging, in a scratch cluster
  $ netpol-rollout workloads --env dev --image-pull-policy Never --format json
      for a cluster whose images are imported locally

Each declared port is served over TCP and UDP by agnhost (serve-hostname); the pods carry
exactly the labels the intent declares and meet Pod Security "restricted".
Exit codes: 0 printed, 1 invalid intent (errors as file:line:col), 2 usage error.
`;

export function register(program: Command, ctx: CliContext): void {
  const command = program
    .command("workloads")
    .description(
      "Print stand-in workloads for one environment: per declared service, a Deployment answering on its ports (TCP and UDP) and a Service.",
    )
    .requiredOption("--env <name>", "environment (a file name in <policies-dir>/environments/)")
    .option("--policies-dir <dir>", "policies directory, relative to the current directory", "policies")
    .option("--image <ref>", "the agnhost image", DEFAULT_WORKLOAD_IMAGE)
    .addOption(
      new Option("--image-pull-policy <policy>", "imagePullPolicy of the containers")
        .choices(["Always", "IfNotPresent", "Never"])
        .default("IfNotPresent"),
    )
    .option("--replicas <n>", "replicas per Deployment", "1");
  addOutputOption(command, ["yaml", "json"], "yaml")
    .addHelpText("after", EXAMPLES)
    .action(async (options: WorkloadsOptions) => {
      ctx.exitCode = await workloads(options, ctx);
    });
}

async function workloads(options: WorkloadsOptions, ctx: CliContext): Promise<number> {
  const { io } = ctx;
  const replicas = Number(options.replicas);
  if (!Number.isInteger(replicas) || replicas < 0 || replicas > 100) {
    throw new UsageError(`--replicas: expected a whole number from 0 to 100, got '${options.replicas}'`);
  }
  const result = await ctx.adapters.loadIntent(options.policiesDir);
  if (!result.ok) {
    for (const error of result.errors) io.stderr(`${formatIntentError(error)}\n`);
    const n = result.errors.length;
    io.stderr(`${n} error${n === 1 ? "" : "s"} in ${options.policiesDir}; nothing printed\n`);
    return EXIT_INVALID;
  }
  const env = selectEnvironment(result.intent.environments, options.env);
  const objects = generateWorkloads(env, {
    image: options.image,
    imagePullPolicy: options.imagePullPolicy,
    replicas,
  });
  if (options.output === "json") {
    io.stdout(`${JSON.stringify({ apiVersion: "v1", kind: "List", items: objects }, null, 2)}\n`);
  } else {
    io.stdout(
      objects
        .map((o) => `---\n${stringify(o, { indentSeq: false, lineWidth: 0, aliasDuplicateObjects: false })}`)
        .join(""),
    );
  }
  return EXIT_OK;
}
