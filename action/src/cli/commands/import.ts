import { isAbsolute, relative, resolve, sep } from "node:path";
import { Option, type Command } from "commander";
import { addOutputOption } from "../options.js";
import { EXIT_INVALID, EXIT_OK, UsageError, type CliContext } from "../context.js";
import { CNI_PROFILES, isCniProfileName, type CniProfileName } from "../../cni/profiles.js";
import { formatInputError } from "../../manifests/input-error.js";
import { parseKubeObjects, type InputFile } from "../../manifests/parse.js";
import { importPolicies, type ImportResult } from "../../import/index.js";
import { renderImportJson, renderImportText } from "../../import/report.js";
import { visible } from "../../text/escape.js";
import { InputMissing, readInputs } from "./analyze.js";

interface ImportOptions {
  env: string;
  policies?: string;
  cluster?: string;
  cni?: string;
  policiesDir: string;
  templates: boolean;
  dryRun?: boolean;
  output: "text" | "json";
}

const EXAMPLES = `
Reads NetworkPolicies (and, with --cni cilium, CiliumNetworkPolicies) and writes intent:
services and flows where a policy's rules name their peers in words the intent has, the
shipped templates where they fit, a namespace's default-deny and DNS allow recognised, and
every other policy as a hand-written policy with the reason. Every written item names the
object it came from. policies/imported/<env>/ records the replaced policies: the preview
compares with them until the first deploy, which replaces them in safe steps.

Then it proves the import: the compiled environment (with what it leaves in the cluster)
against the policies it replaces, on the dump's pods and a stand-in for every selector;
every connection whose verdict differs is printed with both explanations.

Writing into an existing environment adds only what is new, as whole lines, and never
changes a line already there.

Examples:
  $ kubectl get ns,pods,networkpolicies -A -o yaml > cluster.yaml
  $ netpol-rollout import --env production --cluster cluster.yaml --cni calico
  $ netpol-rollout import --env staging --policies k8s/network/ --cni cilium --dry-run
      manifests without a cluster: proven on stand-in pods

Exit codes: 0 imported and proven exact, 1 a difference (listed) or invalid input
(file:line:col), 2 usage error.
`;

export function register(program: Command, ctx: CliContext): void {
  const command = program
    .command("import")
    .description(
      "Turn the NetworkPolicies a cluster has into intent, prove the result equivalent, and record what it replaces.",
    )
    .requiredOption("--env <name>", "the environment to write (new, or one to add to)")
    .option(
      "--policies <path>",
      "NetworkPolicy manifests: a YAML/JSON file or a directory (multi-document, List kinds)",
    )
    .option(
      "--cluster <file>",
      "a cluster dump (kubectl get ns,pods,networkpolicies -A -o yaml): its pods prove the import; its policies are read when --policies is not given",
    )
    .addOption(
      new Option("--cni <profile>", "CNI profile (needed for a new environment)").choices(
        Object.keys(CNI_PROFILES),
      ),
    )
    .option("--policies-dir <dir>", "policies directory, relative to the current directory", "policies")
    .option("--no-templates", "write services and flows out, even where a template fits")
    .option("--dry-run", "write nothing; print what would be written");
  addOutputOption(command, ["text", "json"], "text")
    .addHelpText("after", EXAMPLES)
    .action(async (options: ImportOptions) => {
      ctx.exitCode = await runImport(options, ctx);
    });
}

async function runImport(options: ImportOptions, ctx: CliContext): Promise<number> {
  const { io, adapters } = ctx;
  if (options.policies === undefined && options.cluster === undefined)
    throw new UsageError(
      "give the policies to import: --policies PATH, or --cluster FILE (a dump holding them)",
    );
  if (options.cni !== undefined && !isCniProfileName(options.cni))
    throw new UsageError(`unknown CNI profile '${options.cni}'`);
  let policyFiles: InputFile[] = [];
  let clusterFiles: InputFile[] = [];
  try {
    if (options.policies !== undefined) policyFiles = await readInputs(ctx, options.policies, "--policies");
    if (options.cluster !== undefined) clusterFiles = await readInputs(ctx, options.cluster, "--cluster");
  } catch (error) {
    if (!(error instanceof InputMissing)) throw error;
    io.stderr(`netpol-rollout import: ${error.message}\n`);
    return EXIT_INVALID;
  }
  const cluster = parseKubeObjects(clusterFiles);
  const manifests = options.policies !== undefined ? parseKubeObjects(policyFiles) : cluster;
  const errors = options.policies !== undefined ? [...cluster.errors, ...manifests.errors] : cluster.errors;
  if (errors.length > 0) {
    for (const e of errors) io.stderr(`${formatInputError(e)}\n`);
    io.stderr(`${errors.length} error${errors.length === 1 ? "" : "s"} in the input; nothing imported\n`);
    return EXIT_INVALID;
  }
  if (manifests.policies.length + manifests.ciliumPolicies.length === 0) {
    io.stderr(
      `netpol-rollout import: no NetworkPolicy in ${options.policies ?? options.cluster}; nothing to import\n`,
    );
    return EXIT_INVALID;
  }

  const root = resolve(io.cwd);
  const base = resolve(root, options.policiesDir);
  const intentFiles = await adapters.readIntentFiles(root, base);
  const refused = intentFiles.filter((f) => f.problem !== undefined);
  if (refused.length > 0) {
    for (const f of refused) io.stderr(visible(`${f.path}: ${f.problem ?? ""}\n`));
    return EXIT_INVALID;
  }
  const rel = (abs: string): string => relative(root, abs).split(sep).join("/");
  const files = intentFiles.map((f) => ({ path: isAbsolute(f.path) ? rel(f.path) : f.path, text: f.text }));
  const policiesDir = rel(base);
  const result: ImportResult = importPolicies({
    environment: options.env,
    ...(options.cni !== undefined ? { cni: options.cni as CniProfileName } : {}),
    policies: manifests.policies,
    ciliumPolicies: manifests.ciliumPolicies,
    sources: manifests.sources,
    pods: cluster.pods,
    namespaces: cluster.namespaces,
    files,
    policiesDir,
    templates: options.templates,
    // Editors find the schema in the package when the repository does not hold one.
    ...((await adapters.pathKind(resolve(base, "schema.json"))) !== "missing"
      ? {}
      : { schema: "../../node_modules/netpol-rollout/policies/schema.json" }),
  });
  if (!result.ok) {
    for (const e of result.errors) io.stderr(`${visible(e)}\n`);
    io.stderr("nothing imported\n");
    return EXIT_INVALID;
  }
  if (!options.dryRun) {
    for (const f of result.files) await adapters.replaceFile(resolve(root, f.path), f.text);
  }
  io.stdout(
    options.output === "json"
      ? renderImportJson(result, options.dryRun === true)
      : renderImportText(result, options.dryRun === true),
  );
  return result.proof.differences.length === 0 ? EXIT_OK : EXIT_INVALID;
}
