/** The GitHub Actions runtime as the commands use it: logs, annotations, outputs, the job summary. */

/** Where annotations go: `@actions/core`'s error/warning/notice in the Action, an array in tests. */
export interface AnnotationSink {
  error(message: string, props: AnnotationProps): void;
  warning(message: string, props: AnnotationProps): void;
  notice(message: string): void;
}

export interface AnnotationProps {
  title: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

export interface ActionIo extends AnnotationSink {
  info(message: string): void;
  /** A warning without a file position. */
  warn(message: string): void;
  setOutput(name: string, value: string): void;
  /** Appends markdown to the job summary. */
  writeSummary(markdown: string): Promise<void>;
}
