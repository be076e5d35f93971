// What the preview benches share: a git reader over files in memory, and the project's
// core with the time each stage takes added up.
import {
  defaultPreviewCore,
  type PreviewCore,
  type SourceFile,
} from "../action/src/commands/preview-pipeline.js";
import type { GitReader } from "../action/src/ports/index.js";

export function memoryGit(files: SourceFile[]): GitReader {
  return {
    readTree: () => Promise.resolve(files),
    mergeBase: () => Promise.resolve("base"),
    resolve: (ref) => Promise.resolve(ref),
  };
}

export type StageTotals = Record<keyof PreviewCore, number>;

/** The project's core with the time spent in each stage added to `totals`. */
export function timedCore(totals: StageTotals): PreviewCore {
  const timed =
    <A extends unknown[], R>(stage: keyof PreviewCore, f: (...args: A) => R) =>
    (...args: A): R => {
      const t = performance.now();
      try {
        return f(...args);
      } finally {
        totals[stage] += performance.now() - t;
      }
    };
  return {
    parse: timed("parse", defaultPreviewCore.parse),
    compile: timed("compile", defaultPreviewCore.compile),
    diff: timed("diff", defaultPreviewCore.diff),
    lint: timed("lint", defaultPreviewCore.lint),
  };
}
