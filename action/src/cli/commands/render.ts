import { posix, relative, resolve } from "node:path";
import { OutDirRefused } from "../../ports/files.js";
import { RENDER_MANIFEST } from "../../wiring/cli.js";
import type { Command } from "commander";
import { addOutputOption } from "../options.js";
import { unknownEnvironmentMessage } from "../../intent/environment-names.js";
import { EXIT_INVALID, EXIT_OK, UsageError, type CliContext } from "../context.js";
import { formatIntentError, type EnvironmentIntent } from "../../intent/index.js";
import { compileEnvironment, CompileError } from "../../compile/compile.js";
import { renderJson, renderObjectJson, renderObjectYaml, renderYaml } from "../../compile/bundle.js";
import type { CompiledBundle, CompiledObject } from "../../compile/types.js";

export type RenderFormat = "yaml" | "json";

interface RenderOptions {
  env: string;
  policiesDir: string;
  out?: string;
  output: RenderFormat;
}

const EXAMPLES = `
Examples:
  $ netpol-rollout render --env production
      print the production policies as multi-document YAML
  $ netpol-rollout render --env staging --format json | kubectl apply --dry-run=server -f -
      check them against a cluster's API server
  $ netpol-rollout render --env dev --out rendered/dev && kubectl apply -f rendered/dev -R
      write rendered/dev/<namespace>/<kind>-<name>.yaml, one file per object; run again, it
      removes the files of objects that no longer exist (listed in rendered/dev/${RENDER_MANIFEST}),
      so a closed flow's policy is not applied again. A directory holding files render did
      not write, or another environment's rendering, is refused.

Exit codes: 0 rendered, 1 invalid intent (errors as file:line:col) or an --out directory
refused, 2 usage error (e.g. unknown environment).
`;

/** The file an object is written to under --out: `<namespace>/<kind-lower>-<name>.<ext>`. */
export function outputPath(obj: CompiledObject, format: RenderFormat): string {
  const { kind, metadata } = obj.manifest;
  return posix.join(metadata.namespace ?? "_cluster", `${kind.toLowerCase()}-${metadata.name}.${format}`);
}

/** Picks the environment by name, or explains which ones exist (a usage error). */
export function selectEnvironment(environments: EnvironmentIntent[], name: string): EnvironmentIntent {
  const found = environments.find((e) => e.name === name);
  if (found) return found;
  throw new UsageError(
    unknownEnvironmentMessage(
      name,
      environments.map((e) => e.name),
    ),
  );
}

export function register(program: Command, ctx: CliContext): void {
  const command = program
    .command("render")
    .description("Compile one environment's intent into the NetworkPolicies it deploys, as YAML or JSON.")
    .requiredOption("--env <name>", "environment to render (a file name in <policies-dir>/environments/)")
    .option("--policies-dir <dir>", "policies directory, relative to the current directory", "policies")
    .option(
      "--out <dir>",
      "write one file per object under <dir>/<namespace>/ instead of printing; removes files of an earlier rendering that no longer belong",
    );
  addOutputOption(command, ["yaml", "json"], "yaml")
    .addHelpText("after", EXAMPLES)
    .action(async (options: RenderOptions) => {
      ctx.exitCode = await render(options, ctx);
    });
}

async function render(options: RenderOptions, ctx: CliContext): Promise<number> {
  const { io } = ctx;
  const result = await ctx.adapters.loadIntent(options.policiesDir);
  if (!result.ok) {
    for (const error of result.errors) io.stderr(`${formatIntentError(error)}\n`);
    const n = result.errors.length;
    io.stderr(`${n} error${n === 1 ? "" : "s"} in ${options.policiesDir}; nothing rendered\n`);
    return EXIT_INVALID;
  }
  const env = selectEnvironment(result.intent.environments, options.env);
  let bundle: CompiledBundle;
  try {
    bundle = compileEnvironment(env);
  } catch (error) {
    // The loader refuses what the compiler refuses; reaching this is a loader gap, not a crash.
    if (!(error instanceof CompileError)) throw error;
    io.stderr(`netpol-rollout render: ${error.message}\n`);
    return EXIT_INVALID;
  }

  if (options.out === undefined) {
    io.stdout(options.output === "json" ? renderJson(bundle) : renderYaml(bundle));
    return EXIT_OK;
  }

  const outDir = resolve(io.cwd, options.out);
  const shown = relative(io.cwd, outDir) || ".";
  const files = bundle.objects.map((obj) => ({
    path: outputPath(obj, options.output),
    text: options.output === "json" ? renderObjectJson(obj.manifest) : renderObjectYaml(obj.manifest),
  }));
  let removed: string[];
  try {
    ({ removed } = await ctx.adapters.writeOwnedDirectory(outDir, env.name, files));
  } catch (error) {
    if (!(error instanceof OutDirRefused)) throw error;
    io.stderr(`netpol-rollout render: ${error.message.replaceAll(outDir, shown)}; nothing written\n`);
    return EXIT_INVALID;
  }
  for (const path of removed) io.stderr(`removed ${shown}/${path} (no longer rendered)\n`);
  const namespaces = new Set(bundle.objects.map((o) => o.manifest.metadata.namespace)).size;
  io.stderr(
    `${env.name}: wrote ${files.length} object${files.length === 1 ? "" : "s"} in ` +
      `${namespaces} namespace${namespaces === 1 ? "" : "s"} to ${shown}/\n`,
  );
  return EXIT_OK;
}
