/** The GitHub Actions runtime as the commands use it: logs, annotations, outputs, the job summary. */
import type { AnnotationSink } from "../report/annotations.js";

export interface ActionIo extends AnnotationSink {
  info(message: string): void;
  /** A warning without a file position. */
  warn(message: string): void;
  setOutput(name: string, value: string): void;
  /** Appends markdown to the job summary. */
  writeSummary(markdown: string): Promise<void>;
}
