/**
 * Which Pulumi program the Action runs, and the program it ships for repositories that
 * have none of their own.
 *
 * A repository with its own Pulumi project (`work-dir`, default `pulumi/` when it holds a
 * Pulumi.yaml) runs that project. A repository holding only `policies/` gets the program
 * the Action ships: the same bundle as this repository's `pulumi/` program
 * (`dist/pulumi/index.js`), in a project prepared under RUNNER_TEMP with the project name
 * from `pulumi-project`. Its Pulumi SDK packages are not shipped (230 packages, 138 MB):
 * they are installed once per job with `npm ci` from the lock file the Action ships
 * (`pulumi/shipped/`), at the versions this repository is built and tested with; npm's own
 * cache (~/.npm) makes a repeated install cheap.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { PulumiDeployError, type PreviewEngine, type PulumiDeployer } from "../ports/engine.js";
import { type DeployResult, type EnginePreview, type EngineTarget } from "../rollout/engine.js";

/** The project files a Pulumi project directory is recognised by. */
export const PROJECT_FILES = ["Pulumi.yaml", "Pulumi.yml"];

/** The default `work-dir`, used only when it holds a Pulumi project. */
export const DEFAULT_WORK_DIR = "pulumi";

/** An explicit `work-dir` holds no Pulumi project: a mistake, never a silent fallback. */
export class WorkDirError extends Error {
  override name = "WorkDirError";
}

export type ProgramChoice =
  /** The repository's own Pulumi project. */
  | { kind: "project"; workDir: string }
  /** The program the Action ships, run as project `project`. */
  | { kind: "shipped"; project: string };

export interface ProgramInput {
  workspace: string;
  /** `work-dir` as given (relative to the workspace); empty when not given. */
  workDirInput: string;
  /** `pulumi-project`: the project name of the shipped program. */
  project: string;
}

/**
 * The program to run: the project in `work-dir` when given (an error when it holds no
 * Pulumi.yaml), else `pulumi/` when it holds one, else the shipped program.
 */
export function chooseProgram(
  input: ProgramInput,
  exists: (path: string) => boolean = existsSync,
): ProgramChoice {
  const hasProject = (dir: string) => PROJECT_FILES.some((f) => exists(join(dir, f)));
  if (input.workDirInput !== "") {
    const workDir = join(input.workspace, input.workDirInput);
    if (!hasProject(workDir)) {
      throw new WorkDirError(
        `work-dir: "${input.workDirInput}" holds no Pulumi.yaml; give the directory of your Pulumi project, or leave work-dir empty to use the program the Action ships`,
      );
    }
    return { kind: "project", workDir };
  }
  const workDir = join(input.workspace, DEFAULT_WORK_DIR);
  if (hasProject(workDir)) return { kind: "project", workDir };
  return { kind: "shipped", project: input.project };
}

/**
 * The Action's own directory: the nearest one holding action.yml above `moduleUrl` (the
 * running bundle, `<action>/dist/…`, or this source file in a checkout).
 */
export function actionDirOf(moduleUrl: string, exists: (path: string) => boolean = existsSync): string {
  const start = dirname(fileURLToPath(moduleUrl));
  for (let dir = start; ; dir = dirname(dir)) {
    if (exists(join(dir, "action.yml"))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

/** Runs a command to completion; rejects with its output when it fails. */
export type CommandRunner = (command: string, args: string[], cwd: string) => Promise<void>;

export const execRunner: CommandRunner = (command, args, cwd) =>
  new Promise((resolve, reject) => {
    execFile(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve();
      const output = `${stderr}\n${stdout}`.trim().split("\n").slice(-20).join("\n");
      reject(new Error(`${command} ${args.join(" ")} failed (${error.message.split("\n")[0]}):\n${output}`));
    });
  });

export interface ShippedProgramOptions {
  /** The Action's own directory: action.yml, dist/pulumi/index.js, pulumi/shipped/. */
  actionDir: string;
  /** A directory kept for the job (RUNNER_TEMP). */
  temp: string;
  /** The Pulumi project name. */
  project: string;
  log?: (line: string) => void;
}

/**
 * The module Pulumi.yaml names: the bundle's default export alone, since the Node.js runtime
 * refuses an entry module with both a default and named exports (the bundle has both).
 */
// (The specifier is spliced in so the Action's bundle holds no import-like text of its own.)
export const ENTRY_MODULE = `// The netpol-rollout program (program.mjs, the Action's dist/pulumi/index.js).
export { default } from ${JSON.stringify("./program.mjs")};
`;

/** The Pulumi.yaml of the shipped program's project. */
export function shippedProjectYaml(project: string): string {
  return [
    `name: ${project}`,
    "description: Kubernetes NetworkPolicies compiled from policies/ by the program netpol-rollout ships",
    "runtime:",
    "  name: nodejs",
    "  options:",
    "    typescript: false",
    "    packagemanager: npm",
    "main: index.mjs",
    "",
  ].join("\n");
}

/**
 * Prepares the shipped program's project directory and returns it: the Pulumi SDK
 * installed by `npm ci` into `<temp>/netpol-rollout-program-<lock hash>/` (skipped when a
 * previous step of the job installed it), the program bundle as `program.mjs`, its entry
 * `index.mjs` and a Pulumi.yaml in `project-<name>/` below it, where Node finds the SDK (its node_modules
 * and its package.json with "type": "module" are in the parent).
 */
export async function prepareShippedProgram(
  options: ShippedProgramOptions,
  run: CommandRunner = execRunner,
): Promise<string> {
  const shipped = join(options.actionDir, "pulumi/shipped");
  const bundle = join(options.actionDir, "dist/pulumi/index.js");
  const manifest = await readFile(join(shipped, "package.json"));
  const lock = await readFile(join(shipped, "package-lock.json"));
  const key = createHash("sha256").update(manifest).update(lock).digest("hex").slice(0, 12);
  const root = join(options.temp, `netpol-rollout-program-${key}`);
  const installed = join(root, ".installed");
  if (!existsSync(installed)) {
    await mkdir(root, { recursive: true });
    await writeFile(join(root, "package.json"), manifest);
    await writeFile(join(root, "package-lock.json"), lock);
    options.log?.(`Installing the Pulumi SDK for the shipped program (npm ci in ${root})`);
    // --ignore-scripts: nothing in the SDK needs an install script to run the program.
    await run("npm", ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"], root);
    await writeFile(installed, `${new Date().toISOString()}\n`);
  } else {
    options.log?.(`Pulumi SDK for the shipped program already installed (${root})`);
  }
  const projectDir = join(root, `project-${options.project.replace(/[^A-Za-z0-9_.-]/g, "_")}`);
  await mkdir(projectDir, { recursive: true });
  await writeFile(join(projectDir, "Pulumi.yaml"), shippedProjectYaml(options.project));
  await copyFile(bundle, join(projectDir, "program.mjs"));
  await writeFile(join(projectDir, "index.mjs"), ENTRY_MODULE);
  options.log?.(
    `Pulumi program: the one netpol-rollout ships, as project ${options.project} (${relative(options.temp, projectDir)} under RUNNER_TEMP)`,
  );
  return projectDir;
}

/**
 * A preview engine over the shipped program, prepared on the first preview (so a job that
 * skips the Pulumi part never installs the SDK). A failed preparation fails each
 * environment's engine part with its reason, like a failed `pulumi preview` does.
 */
export function shippedProgramEngine(
  prepare: () => Promise<string>,
  create: (workDir: string) => PreviewEngine,
  stackOf: (environment: string) => string,
): PreviewEngine {
  let engine: Promise<PreviewEngine> | undefined;
  return {
    async preview(environment): Promise<EnginePreview> {
      engine ??= prepare().then(create);
      let ready: PreviewEngine;
      try {
        ready = await engine;
      } catch (error) {
        return {
          status: "failed",
          stack: stackOf(environment),
          error: `the program netpol-rollout ships could not be prepared: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      return ready.preview(environment);
    },
  };
}

/**
 * A deployer over the shipped program, prepared on the first deploy (so a run refused in
 * pre-flight never installs the SDK). A failed preparation fails the deploy with its reason.
 */
export function shippedProgramDeployer(
  prepare: () => Promise<string>,
  create: (workDir: string) => PulumiDeployer,
  stackOf: (environment: string) => string,
): PulumiDeployer {
  let deployer: Promise<PulumiDeployer> | undefined;
  const ready = async (environment: string): Promise<PulumiDeployer> => {
    deployer ??= prepare().then(create);
    try {
      return await deployer;
    } catch (error) {
      throw new PulumiDeployError(
        `stack ${stackOf(environment)}: the program netpol-rollout ships could not be prepared: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  return {
    async up(environment, options): Promise<DeployResult> {
      return (await ready(environment)).up(environment, options);
    },
    async target(environment, options): Promise<EngineTarget> {
      return (await ready(environment)).target(environment, options);
    },
  };
}
