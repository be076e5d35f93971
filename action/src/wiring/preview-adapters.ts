/**
 * The real adapters the Action's `preview` command runs with, chosen from its settings.
 * One wiring module per command: this is the only place that knows which adapter
 * implements which port for the preview.
 */
import { readFlowPatterns } from "../adapters/flow-patterns.js";
import { join, relative } from "node:path";
import { writeTextFile } from "../adapters/files/write.js";
import { systemClock } from "../adapters/clock.js";
import { createGitReader } from "../adapters/git.js";
import { createGitHubAdapter } from "../adapters/github.js";
import { createPulumiEngine } from "../adapters/pulumi.js";
import { checkAvailability } from "../adapters/pulumi-availability.js";
import {
  actionDirOf,
  chooseProgram,
  prepareShippedProgram,
  shippedProgramEngine,
} from "../adapters/pulumi-program.js";
import { commentSkipReason, engineSkipReason, readHeadObjects } from "../commands/action-preview.js";
import { readWorkingTree } from "../adapters/files/intent.js";
import type { ActionPreviewDeps } from "../commands/action-preview.js";
import type { ActionIo } from "../ports/actions.js";
import { stackName } from "../rollout/config.js";
import type { PreviewSettings } from "../settings/index.js";

export function previewDeps(
  settings: PreviewSettings,
  io: ActionIo,
  /** The Action's own directory, where the program it ships is. */
  actionDir: string = actionDirOf(import.meta.url),
): ActionPreviewDeps {
  const { workspace } = settings.runner;
  const git = createGitReader(workspace, settings.runner.toolEnv);
  const deps: ActionPreviewDeps = {
    git,
    // Under pull_request_target the checkout is the base: the head is read as git objects.
    readHead:
      settings.github.eventName === "pull_request_target"
        ? () => readHeadObjects(git, settings)
        : () => readWorkingTree(workspace, settings.policiesDir),
    engine: { skipReason: "" },
    readObserved: () => readFlowPatterns(settings.flows, { workspace, warn: (m) => io.warn(m) }),
    writeReport: writeTextFile,
    now: systemClock.now,
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
              cliPath: availability.cliPath,
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
          cliPath: availability.cliPath,
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
