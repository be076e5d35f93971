import { visible } from "../../text/escape.js";
import { Option, type Command } from "commander";
import { EXIT_INVALID, EXIT_OK, UsageError, type CliContext, type CliIo } from "../context.js";
import { addOutputOption } from "../options.js";
import { CNI_PROFILES, isCniProfileName, type CniProfile } from "../../cni/profiles.js";
import { formatIntentError } from "../../intent/index.js";
import { compileEnvironment, CompileError } from "../../compile/compile.js";
import { formatInputError } from "../../manifests/input-error.js";
import { parseKubeObjects } from "../../manifests/parse.js";
import { lintEnvironment } from "../../semantics/lint.js";
import type { LintInventory } from "../../semantics/lint-checks.js";
import { lintPolicies } from "../../semantics/lint-policies.js";
import type { LintFinding } from "../../semantics/contracts.js";
import { InputMissing, readInputs } from "./analyze.js";
import { selectEnvironment } from "./render.js";

interface LintOptions {
  output: "text" | "json";
  env?: string;
  cluster?: string;
  policiesDir: string;
  policies?: string;
  cni: string;
}

const EXAMPLES = `
Findings print as file:line:col: severity code: message, sorted by file and line; --format
json prints { findings: [{ severity, code, message, file, line, column, environment }],
errors, warnings } instead.

Examples:
  $ netpol-rollout lint
      every environment of policies/
  $ kubectl get ns,pods,services -A -o yaml > cluster.yaml
  $ netpol-rollout lint --env production --cluster cluster.yaml
      (--cluster needs --env when there are several environments: one cluster, one environment)
      also: selectors that match no pod, named ports no pod declares, Service port vs targetPort
  $ netpol-rollout lint --policies hand-written/ --cni calico
      NetworkPolicies written by hand (e.g. a namespaceSelector and a podSelector as two peers)

Exit codes: 0 no errors (warnings allowed), 1 at least one error or invalid input, 2 usage error.
`;

export function register(program: Command, ctx: CliContext): void {
  const command = program
    .command("lint")
    .description(
      "Find policy mistakes that Kubernetes accepts: missing default-deny or DNS, OR-ed peers, selectors matching nothing, unsafe rollout order.",
    )
    .option("--env <name>", "lint one environment (default: all)")
    .option(
      "--cluster <file>",
      "namespaces, pods and Services (kubectl get ns,pods,services -A -o yaml) for inventory checks",
    )
    .option("--policies-dir <dir>", "policies directory", "policies")
    .option("--policies <path>", "lint these NetworkPolicy files (or a directory) instead of the intent")
    .addOption(
      new Option("--cni <profile>", "CNI profile for --policies")
        .choices(Object.keys(CNI_PROFILES))
        .default("generic"),
    );
  addOutputOption(command, ["text", "json"], "text")
    .addHelpText("after", EXAMPLES)
    .action(async (options: LintOptions) => {
      ctx.exitCode = await lint(options, ctx);
    });
}

export function formatFinding(f: LintFinding): string {
  const where = f.source
    ? `${f.source.file}:${f.source.line}:${f.source.column}`
    : `environment ${f.environment ?? "?"}`;
  return visible(`${where}: ${f.severity} ${f.code}: ${f.message}`);
}

async function lint(options: LintOptions, ctx: CliContext): Promise<number> {
  const { io } = ctx;
  let inventory: LintInventory | undefined;
  try {
    if (options.cluster !== undefined) {
      const parsed = parseKubeObjects(await readInputs(ctx, options.cluster, "--cluster"));
      if (parsed.errors.length > 0) {
        for (const e of parsed.errors) io.stderr(`${formatInputError(e)}\n`);
        io.stderr(
          `${parsed.errors.length} error${parsed.errors.length === 1 ? "" : "s"} in --cluster; nothing linted\n`,
        );
        return EXIT_INVALID;
      }
      inventory = { pods: parsed.pods, namespaces: parsed.namespaces, services: parsed.services };
    }
    if (options.policies !== undefined) {
      const profile: CniProfile = CNI_PROFILES[isCniProfileName(options.cni) ? options.cni : "generic"];
      const parsed = parseKubeObjects(await readInputs(ctx, options.policies, "--policies"));
      if (parsed.errors.length > 0) {
        for (const e of parsed.errors) io.stderr(`${formatInputError(e)}\n`);
        io.stderr(
          `${parsed.errors.length} error${parsed.errors.length === 1 ? "" : "s"} in --policies; nothing linted\n`,
        );
        return EXIT_INVALID;
      }
      return report(
        io,
        options.output,
        lintPolicies(parsed.policies, {
          profile,
          ...(inventory ? { inventory } : {}),
          sources: parsed.sources,
        }),
      );
    }
  } catch (error) {
    if (!(error instanceof InputMissing)) throw error;
    io.stderr(`netpol-rollout lint: ${error.message}\n`);
    return EXIT_INVALID;
  }

  const result = await ctx.adapters.loadIntent(options.policiesDir);
  if (!result.ok) {
    for (const e of result.errors) io.stderr(`${formatIntentError(e)}\n`);
    io.stderr(
      `${result.errors.length} error${result.errors.length === 1 ? "" : "s"} in ${options.policiesDir}; nothing linted\n`,
    );
    return EXIT_INVALID;
  }
  const all = result.intent.environments;
  // A cluster file describes one cluster: judging every environment against it would report
  // the other environments' workloads as missing.
  if (inventory && options.env === undefined && all.length > 1) {
    throw new UsageError(
      `--cluster describes one cluster: name the environment it runs with --env (environments: ${all.map((e) => e.name).join(", ")})`,
    );
  }
  const envs = options.env !== undefined ? [selectEnvironment(all, options.env)] : all;
  const findings: LintFinding[] = [];
  for (const env of envs) {
    try {
      findings.push(...lintEnvironment(env, compileEnvironment(env), inventory));
    } catch (error) {
      if (!(error instanceof CompileError)) throw error;
      io.stderr(`netpol-rollout lint: ${error.message}\n`);
      return EXIT_INVALID;
    }
  }
  return report(io, options.output, findings);
}

function report(io: CliIo, output: "text" | "json", findings: LintFinding[]): number {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  if (output === "json") {
    const list = findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      message: f.message,
      ...(f.source ? { file: f.source.file, line: f.source.line, column: f.source.column } : {}),
      ...(f.environment !== undefined ? { environment: f.environment } : {}),
    }));
    io.stdout(`${JSON.stringify({ findings: list, errors, warnings }, null, 2)}\n`);
    return errors > 0 ? EXIT_INVALID : EXIT_OK;
  }
  for (const f of findings) io.stdout(`${formatFinding(f)}\n`);
  io.stderr(
    findings.length === 0
      ? "no findings\n"
      : `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}\n`,
  );
  return errors > 0 ? EXIT_INVALID : EXIT_OK;
}
