import type { Command } from "commander";
import { addOutputOption } from "../options.js";
import { EXIT_INVALID, EXIT_OK, type CliContext } from "../context.js";
import { formatIntentError, type EnvironmentIntent } from "../../intent/index.js";
import { plural } from "../../text/plural.js";

/** One line per environment: what a reviewer checks first after a change. */
export function summarizeEnvironment(env: EnvironmentIntent): string {
  const services = env.namespaces.reduce((n, ns) => n + ns.services.length, 0);
  const managed = env.namespaces.filter((ns) => ns.managed).length;
  return (
    `${env.name} (promotion ${env.order}, cni ${env.cni}): ` +
    `${plural(services, "service")}, ${plural(env.flows.length, "flow")}, ` +
    `${plural(managed, "managed namespace")}`
  );
}

export function register(program: Command, ctx: CliContext): void {
  const command = program
    .command("validate")
    .description(
      "Check the intent in the policies directory: syntax, shape and meaning; every error as file:line:col.",
    )
    .option("--policies-dir <dir>", "policies directory, relative to the current directory", "policies");
  addOutputOption(command, ["text", "json"], "text")
    .addHelpText(
      "after",
      `
Prints one line per environment (promotion, CNI, services, flows, managed namespaces), or
every error as file:line:col: message (hint), sorted by file and line. --format json prints
{ valid, environments: [{ name, promotion, cni, services, flows, managedNamespaces }],
errors: [{ file, line, column, message, hint }] } instead.

Examples:
  $ netpol-rollout validate
  $ netpol-rollout validate --policies-dir infra/policies
  $ netpol-rollout validate --format json | jq -r '.errors[].file'

Exit codes: 0 valid, 1 invalid intent, 2 usage error.
`,
    )
    .action(async (options: { policiesDir: string; output: "text" | "json" }) => {
      const result = await ctx.adapters.loadIntent(options.policiesDir);
      if (options.output === "json") {
        const report = result.ok
          ? {
              valid: true,
              environments: result.intent.environments.map((env) => ({
                name: env.name,
                promotion: env.order,
                cni: env.cni,
                services: env.namespaces.reduce((n, ns) => n + ns.services.length, 0),
                flows: env.flows.length,
                managedNamespaces: env.namespaces.filter((ns) => ns.managed).length,
              })),
              errors: [],
            }
          : { valid: false, environments: [], errors: result.errors };
        ctx.io.stdout(`${JSON.stringify(report, null, 2)}\n`);
        ctx.exitCode = result.ok ? EXIT_OK : EXIT_INVALID;
        return;
      }
      if (!result.ok) {
        for (const error of result.errors) ctx.io.stderr(`${formatIntentError(error)}\n`);
        const n = result.errors.length;
        ctx.io.stderr(`${n} error${n === 1 ? "" : "s"} in ${options.policiesDir}\n`);
        ctx.exitCode = EXIT_INVALID;
        return;
      }
      for (const env of result.intent.environments) ctx.io.stdout(`${summarizeEnvironment(env)}\n`);
      ctx.exitCode = EXIT_OK;
    });
}
