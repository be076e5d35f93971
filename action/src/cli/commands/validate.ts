import type { Command } from "commander";
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
  program
    .command("validate")
    .description(
      "Check the intent in the policies directory: syntax, shape and meaning; every error as file:line:col.",
    )
    .option("--policies-dir <dir>", "policies directory, relative to the current directory", "policies")
    .addHelpText(
      "after",
      `
Prints one line per environment (promotion, CNI, services, flows, managed namespaces), or
every error as file:line:col: message (hint), sorted by file and line.

Examples:
  $ netpol-rollout validate
  $ netpol-rollout validate --policies-dir infra/policies

Exit codes: 0 valid, 1 invalid intent, 2 usage error.
`,
    )
    .action(async (options: { policiesDir: string }) => {
      const result = await ctx.adapters.loadIntent(options.policiesDir);
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
