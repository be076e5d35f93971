import type { Command } from "commander";
import { addOutputOption } from "../options.js";
import { EXIT_INVALID, EXIT_OK, UsageError, type CliContext } from "../context.js";
import { formatIntentError } from "../../intent/index.js";
import { DEFAULT_PROBE_IMAGE } from "../../probe/pod.js";
import { defaultUsername, rbacObjects, renderRbacYaml, type RbacOptions } from "../../access/render.js";
import { selectEnvironment } from "./render.js";

interface RbacCliOptions {
  env: string;
  policiesDir: string;
  stateNamespace: string;
  deployUser?: string;
  driftUser?: string;
  probeImage: string;
  probeImagePullSecrets: string;
  output: "yaml" | "json";
}

const EXAMPLES = `
Examples:
  $ netpol-rollout rbac --env production > rbac-production.yaml
  $ kubectl apply -f rbac-production.yaml        # as a cluster administrator
  $ netpol-rollout rbac --env staging --deploy-user ci@example.com --drift-user system:serviceaccount:ci:drift

Prints, for one environment: a ServiceAccount per identity (unless given as users), the
ClusterRole to read the cluster, a Role in each managed namespace (NetworkPolicies), in each
namespace probes start from (ingress-nginx included: probe pods and their run objects) and
in the state namespace (the history ConfigMap and the lock Lease), and the admission policy
with this environment's parameters (probe image, pull secrets, usernames) and binding.
deploy/rollback and drift get separate identities; drift writes no NetworkPolicy.
Exit codes: 0 printed, 1 invalid intent (errors as file:line:col), 2 usage error.
`;

const NAMESPACE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IMAGE_REF = /^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/;
const SECRET_NAME = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;
const USERNAME = /^[^\s,]+$/;

export function register(program: Command, ctx: CliContext): void {
  const command = program
    .command("rbac")
    .description(
      "Print the RBAC and admission policy one environment's deploy, rollback and drift runs need, for kubectl apply.",
    )
    .requiredOption("--env <name>", "environment (a file name in <policies-dir>/environments/)")
    .option("--policies-dir <dir>", "policies directory, relative to the current directory", "policies")
    .option("--state-namespace <namespace>", "the Action's state-namespace input", "netpol-rollout")
    .option(
      "--deploy-user <username>",
      "the username deploy and rollback run as (system:serviceaccount:NS:NAME for a ServiceAccount); default a ServiceAccount netpol-rollout-<env>-deploy in the state namespace",
    )
    .option("--drift-user <username>", "the username drift runs as; default netpol-rollout-<env>-drift")
    .option(
      "--probe-image <ref>",
      "the Action's probe-image input (with @sha256:… to pin a digest)",
      DEFAULT_PROBE_IMAGE,
    )
    .option(
      "--probe-image-pull-secrets <names>",
      "the Action's probe-image-pull-secrets input (comma-separated)",
      "",
    );
  addOutputOption(command, ["yaml", "json"], "yaml")
    .addHelpText("after", EXAMPLES)
    .action(async (options: RbacCliOptions) => {
      ctx.exitCode = await rbac(options, ctx);
    });
}

async function rbac(options: RbacCliOptions, ctx: CliContext): Promise<number> {
  const { io } = ctx;
  if (!NAMESPACE.test(options.stateNamespace))
    throw new UsageError(`--state-namespace: "${options.stateNamespace}" is not a namespace name`);
  if (!IMAGE_REF.test(options.probeImage))
    throw new UsageError(`--probe-image: "${options.probeImage}" is not an image reference`);
  const pullSecrets = options.probeImagePullSecrets
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  for (const name of pullSecrets)
    if (!SECRET_NAME.test(name))
      throw new UsageError(`--probe-image-pull-secrets: "${name}" is not a Secret name`);
  for (const [flag, user] of [
    ["--deploy-user", options.deployUser],
    ["--drift-user", options.driftUser],
  ] as const) {
    if (user !== undefined && !USERNAME.test(user))
      throw new UsageError(`${flag}: "${user}" is not a username (no spaces or commas)`);
  }
  const result = await ctx.adapters.loadIntent(options.policiesDir);
  if (!result.ok) {
    for (const error of result.errors) io.stderr(`${formatIntentError(error)}\n`);
    const n = result.errors.length;
    io.stderr(`${n} error${n === 1 ? "" : "s"} in ${options.policiesDir}; nothing printed\n`);
    return EXIT_INVALID;
  }
  const env = selectEnvironment(result.intent.environments, options.env);
  const settings: RbacOptions = {
    stateNamespace: options.stateNamespace,
    users: {
      deploy: options.deployUser ?? defaultUsername(env.name, "deploy", options.stateNamespace),
      drift: options.driftUser ?? defaultUsername(env.name, "drift", options.stateNamespace),
    },
    probeImage: options.probeImage,
    imagePullSecrets: pullSecrets,
  };
  if (settings.users.deploy === settings.users.drift)
    throw new UsageError("--deploy-user and --drift-user name the same identity; drift gets its own");
  if (options.output === "json") {
    const items = rbacObjects(env, settings).map((o) => o.object);
    io.stdout(`${JSON.stringify({ apiVersion: "v1", kind: "List", items }, null, 2)}\n`);
  } else {
    io.stdout(renderRbacYaml(env, settings));
  }
  return EXIT_OK;
}
