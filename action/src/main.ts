/**
 * The Action: parse the settings once, run the command, report a failure once.
 * `run()` is exported for tests; `index.ts` only calls it.
 */
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { readFileSync } from "node:fs";
import * as core from "@actions/core";
import { parseSettings } from "./settings.js";
import type { Settings } from "./settings.js";
import {
  engineSkipReason,
  commentSkipReason,
  readHeadObjects,
  readWorkingTree,
  runActionPreview,
} from "./commands/action-preview.js";
import type { ActionIo, ActionPreviewDeps } from "./commands/action-preview.js";
import { createGitReader } from "./adapters/git.js";
import { createGitHubAdapter } from "./adapters/github.js";
import { checkAvailability, createPulumiEngine } from "./adapters/pulumi.js";
import {
  actionDirOf,
  chooseProgram,
  prepareShippedProgram,
  shippedProgramEngine,
} from "./adapters/pulumi-program.js";
import { stackName } from "./settings.js";

/** A command named in `command` that this version does not implement. */
export class CommandNotAvailableError extends Error {
  override name = "CommandNotAvailableError";
}

export interface RunOptions {
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
  io?: ActionIo;
}

/** Runs the Action. Never throws: a failure sets the step's failed status once. */
export async function run(options: RunOptions = {}): Promise<void> {
  const io = options.io ?? createActionsIo();
  try {
    const settings = parseSettings({
      env: options.env ?? process.env,
      cwd: options.cwd ?? process.cwd(),
      readFile: (path) => readFileSync(path, "utf8"),
      tmpdir: tmpdir(),
    });
    for (const secret of settings.secrets) core.setSecret(secret);
    io.info(`netpol-rollout ${settings.command}`);
    switch (settings.command) {
      case "preview":
        await runActionPreview(settings, previewDeps(settings, io), io);
        return;
      case "deploy":
      case "rollback":
      case "probe":
        throw new CommandNotAvailableError(
          `command "${settings.command}" is not available yet in this version of netpol-rollout; only "preview" is`,
        );
    }
  } catch (error) {
    // The stack trace only with step debug logging (ACTIONS_STEP_DEBUG); the message always.
    if (error instanceof Error && error.stack) core.debug(error.stack);
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}

/** The real adapters for the preview, chosen from the settings. */
export function previewDeps(
  settings: Settings,
  io: ActionIo,
  /** The Action's own directory, where the program it ships is. */
  actionDir: string = actionDirOf(import.meta.url),
): ActionPreviewDeps {
  const { workspace } = settings.runner;
  const git = createGitReader(workspace);
  const deps: ActionPreviewDeps = {
    git,
    // Under pull_request_target the checkout is the base: the head is read as git objects.
    readHead:
      settings.github.eventName === "pull_request_target"
        ? () => readHeadObjects(git, settings)
        : () => readWorkingTree(workspace, settings.policiesDir),
    engine: { skipReason: "" },
  };
  // Throws for a given work-dir without a Pulumi project, whether or not the engine runs.
  const program = chooseProgram({
    workspace,
    workDirInput: settings.workDirGiven ? relative(workspace, settings.workDir) || "." : "",
    project: settings.pulumiProject,
  });
  const skip = engineSkipReason(settings);
  if (skip !== undefined) {
    deps.engine = { skipReason: skip };
  } else {
    const availability = checkAvailability({
      workDir: program.kind === "project" ? program.workDir : undefined,
      workspace,
      env: settings.pulumi,
    });
    if (availability.available && program.kind === "shipped") {
      io.info(`Pulumi CLI: ${availability.cliPath}`);
      const log = (line: string) => io.info(line);
      deps.engine = {
        engine: shippedProgramEngine(
          () =>
            prepareShippedProgram({ actionDir, temp: settings.runner.temp, project: program.project, log }),
          (workDir) =>
            createPulumiEngine({
              workDir,
              workspace,
              env: settings.pulumi,
              stackTemplate: settings.stackTemplate,
              // The shipped project lives outside the repository: the intent by absolute path.
              policiesDir: join(workspace, settings.policiesDir),
              log,
            }),
          (environment) => stackName(settings.stackTemplate, environment),
        ),
      };
    } else if (availability.available && program.kind === "project") {
      io.info(`Pulumi CLI: ${availability.cliPath}`);
      deps.engine = {
        engine: createPulumiEngine({
          workDir: program.workDir,
          workspace,
          env: settings.pulumi,
          stackTemplate: settings.stackTemplate,
          policiesDir: settings.policiesDir,
          log: (line) => io.info(line),
        }),
      };
    } else if (!availability.available) {
      deps.engine = { skipReason: availability.reason };
    }
  }
  if ("skipReason" in deps.engine) io.info(`Pulumi part skipped: ${deps.engine.skipReason}`);
  if (commentSkipReason(settings) === undefined) {
    deps.github = createGitHubAdapter({
      token: settings.githubToken,
      apiUrl: settings.github.apiUrl,
      ...(settings.commentAuthor ? { commentAuthor: settings.commentAuthor } : {}),
    });
  }
  return deps;
}

/** The Actions runtime through @actions/core. */
export function createActionsIo(): ActionIo {
  return {
    info: (message) => core.info(message),
    warn: (message) => core.warning(message),
    error: (message, props) => core.error(message, props),
    warning: (message, props) => core.warning(message, props),
    notice: (message) => core.notice(message),
    setOutput: (name, value) => core.setOutput(name, value),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write();
    },
  };
}
