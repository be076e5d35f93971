import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  actionDirOf,
  actionPreviewRequest,
  checkAvailability,
  chooseProgram,
  commentSkipReason,
  createGitHubAdapter,
  createGitReader,
  createPulumiEngine,
  debug,
  engineSkipReason,
  error,
  info,
  notice,
  parseSettings,
  prepareShippedProgram,
  readFlowPatterns,
  readHeadObjects,
  readWorkingTree,
  runActionPreview,
  setFailed,
  setOutput,
  setSecret,
  shippedProgramEngine,
  stackName,
  summary,
  systemClock,
  warning,
  writeTextFile
} from "./chunks/chunk-CBJI2FKV.js";
import "./chunks/chunk-HGVL7XJF.js";
import "./chunks/chunk-WVRDPQLQ.js";
import "./chunks/chunk-M3L5V6RZ.js";
import "./chunks/chunk-JYXQAFTB.js";

// action/src/adapters/actions.ts
function createActionsIo() {
  return {
    info: (message) => info(message),
    warn: (message) => warning(message),
    error: (message, props) => error(message, props),
    warning: (message, props) => warning(message, props),
    notice: (message) => notice(message),
    setOutput: (name, value) => setOutput(name, value),
    writeSummary: async (markdown) => {
      await summary.addRaw(markdown, true).write();
    }
  };
}
function createStepStatus() {
  return {
    mask: (value) => setSecret(value),
    debug: (message) => debug(message),
    fail: (message) => setFailed(message)
  };
}

// action/src/adapters/cancel.ts
import { setMaxListeners } from "node:events";
function cancelOnSignals(source, log) {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const handlers = ["SIGINT", "SIGTERM"].map((name) => {
    const handler = () => {
      if (!controller.signal.aborted) {
        log(`${name} received: cancelling; no further step starts and the probe pods are deleted`);
        controller.abort(new Error(`cancelled by ${name}`));
      } else {
        log(`${name} received again: still cleaning up`);
      }
    };
    source.on(name, handler);
    return { name, handler };
  });
  return {
    signal: controller.signal,
    dispose() {
      for (const { name, handler } of handlers) source.off(name, handler);
    }
  };
}

// action/src/adapters/runner.ts
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
function readTextFileSync(path) {
  return readFileSync(path, "utf8");
}
function osTempDir() {
  return tmpdir();
}

// action/src/wiring/action.ts
function actionIo() {
  return createActionsIo();
}
function stepStatus() {
  return createStepStatus();
}
function settingsSource(env, cwd) {
  return { env, cwd, readFile: readTextFileSync, tmpdir: osTempDir() };
}

// action/src/wiring/preview-adapters.ts
import { join, relative } from "node:path";
function previewDeps(settings, io, actionDir = actionDirOf(import.meta.url)) {
  const { workspace } = settings.runner;
  const git = createGitReader(workspace, settings.runner.toolEnv);
  const deps = {
    git,
    // Under pull_request_target the checkout is the base: the head is read as git objects.
    readHead: settings.github.eventName === "pull_request_target" ? () => readHeadObjects(git, settings) : () => readWorkingTree(workspace, settings.policiesDir),
    engine: { skipReason: "" },
    readObserved: () => readFlowPatterns(settings.flows, { workspace, warn: (m) => io.warn(m) }),
    writeReport: writeTextFile,
    now: systemClock.now
  };
  const program = chooseProgram({
    workspace,
    workDirInput: settings.workDirGiven ? relative(workspace, settings.workDir) || "." : "",
    project: settings.pulumiProject
  });
  const skip = engineSkipReason(settings);
  if (skip !== void 0) {
    deps.engine = { skipReason: skip };
  } else {
    const availability = checkAvailability({
      workDir: program.kind === "project" ? program.workDir : void 0,
      workspace,
      env: settings.pulumi
    });
    if (availability.available && program.kind === "shipped") {
      io.info(`Pulumi CLI: ${availability.cliPath}`);
      const log = (line) => io.info(line);
      deps.engine = {
        engine: shippedProgramEngine(
          () => prepareShippedProgram({ actionDir, temp: settings.runner.temp, project: program.project, log }),
          (workDir) => createPulumiEngine({
            workDir,
            workspace,
            env: settings.pulumi,
            cliPath: availability.cliPath,
            stackTemplate: settings.stackTemplate,
            // The shipped project lives outside the repository: the intent by absolute path.
            policiesDir: join(workspace, settings.policiesDir),
            log
          }),
          (environment) => stackName(settings.stackTemplate, environment)
        )
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
          log: (line) => io.info(line)
        })
      };
    } else if (!availability.available) {
      deps.engine = { skipReason: availability.reason };
    }
  }
  if ("skipReason" in deps.engine) io.info(`Pulumi part skipped: ${deps.engine.skipReason}`);
  if (commentSkipReason(settings) === void 0) {
    deps.github = createGitHubAdapter({
      token: settings.githubToken,
      apiUrl: settings.github.apiUrl,
      ...settings.commentAuthor ? { commentAuthor: settings.commentAuthor } : {}
    });
  }
  return deps;
}

// action/src/main.ts
async function run(options = {}) {
  const io = options.io ?? actionIo();
  const step = stepStatus();
  try {
    const settings = parseSettings(settingsSource(options.env ?? process.env, options.cwd ?? process.cwd()));
    for (const secret of settings.secrets) step.mask(secret);
    io.info(`netpol-rollout ${settings.command}`);
    switch (settings.command) {
      case "preview":
        await runActionPreview(actionPreviewRequest(settings), previewDeps(settings, io), io);
        return;
      case "deploy":
      case "rollback":
      case "probe": {
        const cancel = cancelOnSignals(options.signals ?? process, (line) => io.warn(line));
        try {
          const { rolloutWiring } = await import("./chunks/rollout-adapters-XB5E3LJ5.js");
          const { checkStateNamespace, runActionRollout } = await import("./chunks/action-rollout-BWM3BRS5.js");
          const wired = rolloutWiring(settings, io, { ...options.rollout, signal: cancel.signal });
          for (const secret of wired.secrets) step.mask(secret);
          if (settings.command !== "probe") await checkStateNamespace(wired.cluster, settings.stateNamespace);
          await runActionRollout(wired.request, wired.deps, io);
        } finally {
          cancel.dispose();
        }
        return;
      }
    }
  } catch (error2) {
    if (error2 instanceof Error && error2.stack) step.debug(error2.stack);
    step.fail(error2 instanceof Error ? error2.message : String(error2));
  }
}

// action/src/index.ts
await run();
