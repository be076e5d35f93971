/**
 * A recording ActionIo: what the Action would show on the runner (outputs, job summary,
 * annotations, log lines), kept as state for tests to assert on.
 */
import type { ActionIo } from "../../action/src/ports/index.js";
import type { AnnotationProps } from "../../action/src/report/annotations.js";

export interface RecordedAnnotation extends AnnotationProps {
  level: "error" | "warning" | "notice";
  message: string;
}

export interface FakeActionIo extends ActionIo {
  outputs: Record<string, string>;
  summary: string;
  annotations: RecordedAnnotation[];
  infos: string[];
  warnings: string[];
}

export function createFakeActionIo(): FakeActionIo {
  const io: FakeActionIo = {
    outputs: {},
    summary: "",
    annotations: [],
    infos: [],
    warnings: [],
    info: (m) => void io.infos.push(m),
    warn: (m) => void io.warnings.push(m),
    error: (message, props) => void io.annotations.push({ level: "error", message, ...props }),
    warning: (message, props) => void io.annotations.push({ level: "warning", message, ...props }),
    notice: (message) => void io.annotations.push({ level: "notice", message, title: "" }),
    setOutput: (name, value) => {
      io.outputs[name] = value;
    },
    writeSummary: async (markdown) => {
      io.summary += markdown;
    },
  };
  return io;
}
