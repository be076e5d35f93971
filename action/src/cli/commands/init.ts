import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Command } from "commander";
import { EXIT_INVALID, EXIT_OK, UsageError, type CliContext } from "../context.js";
import { formatIntentError } from "../../intent/index.js";
import { describePlan, planFiles, writes } from "../../init/files.js";
import { setupCommands } from "../../init/setup.js";
import { generateWorkflows } from "../../init/workflows.js";

interface InitOptions {
  policiesDir: string;
  workflowsDir: string;
  stateNamespace: string;
  action: string;
  force?: boolean;
  dryRun?: boolean;
}

const EXAMPLES = `
Writes netpol-preview.yml, netpol-deploy.yml, netpol-rollback.yml and netpol-drift.yml for
the environments the intent declares, in promotion order: a deploy job per environment, each
needing the one before; rollback's choices; a drift job per environment under the GitHub
environment <env>-drift. Concurrency as the shipped workflows: only each environment's deploys
share a group, the run lock in the cluster keeps deploy, rollback and drift apart.

Run it again after adding an environment: it updates the files it wrote and says what
changed. A file edited by hand since is kept (--force replaces it).

Then it prints what it cannot do itself, as commands: the state namespace, each
environment's RBAC (netpol-rollout rbac), a kubeconfig per identity, the GitHub
environments and their secrets (KUBECONFIG, NETPOL_RECORD_KEY, PULUMI_ACCESS_TOKEN).

Examples:
  $ netpol-rollout init
  $ netpol-rollout init --dry-run
  $ netpol-rollout init --state-namespace platform-netpol --force

Exit codes: 0 written (or nothing to do), 1 invalid intent or a file kept, 2 usage error.
`;

const NAMESPACE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const ACTION_REF = /^[A-Za-z0-9][A-Za-z0-9._/-]*(?:@[A-Za-z0-9._/-]+)?$/;

export function register(program: Command, ctx: CliContext): void {
  program
    .command("init")
    .description(
      "Write the preview, deploy, rollback and drift workflows for the environments of the intent, and print the cluster and GitHub setup commands.",
    )
    .option("--policies-dir <dir>", "policies directory, relative to the current directory", "policies")
    .option("--workflows-dir <dir>", "where the workflows go", ".github/workflows")
    .option("--state-namespace <namespace>", "the Action's state-namespace input", "netpol-rollout")
    .option("--action <ref>", "the Action the workflows use", "netpol-rollout/netpol-rollout@v1")
    .option("--force", "replace workflow files edited by hand")
    .option("--dry-run", "write nothing; say what would be written")
    .addHelpText("after", EXAMPLES)
    .action(async (options: InitOptions) => {
      ctx.exitCode = await init(options, ctx);
    });
}

async function init(options: InitOptions, ctx: CliContext): Promise<number> {
  const { io, adapters } = ctx;
  if (!NAMESPACE.test(options.stateNamespace))
    throw new UsageError(`--state-namespace: "${options.stateNamespace}" is not a namespace name`);
  if (!ACTION_REF.test(options.action))
    throw new UsageError(`--action: "${options.action}" is not an Action reference (owner/repo@ref)`);
  const root = resolve(io.cwd);
  const inside = (dir: string, flag: string): string => {
    const rel = relative(root, resolve(root, dir)).split(sep).join("/");
    if (rel === "" || rel.startsWith("..") || isAbsolute(rel))
      throw new UsageError(`${flag}: "${dir}" is not inside the current directory`);
    if (!/^[A-Za-z0-9._/-]+$/.test(rel))
      throw new UsageError(`${flag}: "${dir}" has characters a workflow path filter cannot hold`);
    return rel;
  };
  const policiesDir = inside(options.policiesDir, "--policies-dir");
  const workflowsDir = inside(options.workflowsDir, "--workflows-dir");

  const loaded = await adapters.loadIntent(policiesDir);
  if (!loaded.ok) {
    for (const error of loaded.errors) io.stderr(`${formatIntentError(error)}\n`);
    const n = loaded.errors.length;
    io.stderr(`${n} error${n === 1 ? "" : "s"} in ${policiesDir}; nothing written\n`);
    return EXIT_INVALID;
  }
  // Sorted by promotion order, then name.
  const environments = loaded.intent.environments.map((e) => e.name);
  if (environments.length === 0) {
    io.stderr(`no environment in ${policiesDir}/environments/; nothing written\n`);
    return EXIT_INVALID;
  }
  const workflows = generateWorkflows({
    environments,
    policiesDir,
    action: options.action,
    stateNamespace: options.stateNamespace,
  });
  const existing = new Map<string, string>();
  for (const w of workflows) {
    const read = await adapters.readInputFiles(`${workflowsDir}/${w.name}`);
    const file = read.files[0];
    if (!read.exists || file === undefined) continue;
    if (file.problem !== undefined) {
      io.stderr(`${workflowsDir}/${w.name}: ${file.problem}; nothing written\n`);
      return EXIT_INVALID;
    }
    existing.set(w.name, file.text);
  }
  const planned = planFiles(workflows, environments, existing, options.force === true);
  if (!options.dryRun) {
    for (const f of planned)
      if (writes(f.action)) await adapters.replaceFile(resolve(root, workflowsDir, f.name), f.text);
  }
  io.stdout(
    [
      `Workflows for ${environments.join(" → ")}:`,
      ...describePlan(workflowsDir, planned, options.dryRun === true).map((l) => `  ${l}`),
      "",
      "What init cannot do, as commands:",
      "",
      setupCommands({ environments, stateNamespace: options.stateNamespace, policiesDir }),
    ].join("\n"),
  );
  return planned.some((f) => f.action.kind === "kept") ? EXIT_INVALID : EXIT_OK;
}
