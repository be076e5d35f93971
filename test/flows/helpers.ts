import { join } from "node:path";
import { readFlowFiles } from "../../action/src/adapters/flow-files.js";
import { FlowReader, type FlowReaderOptions } from "../../action/src/flows/read.js";
import type { FlowSummary, ObservedFlow } from "../../action/src/flows/summary.js";

export const fixtures = join(import.meta.dirname, "fixtures");

/** Reads flow files (relative to the fixtures directory unless `cwd` says otherwise). */
export async function summarise(
  files: string[],
  options: FlowReaderOptions & { cwd?: string } = {},
): Promise<FlowSummary> {
  const reader = new FlowReader(options);
  await readFlowFiles(files, reader, { cwd: options.cwd ?? fixtures });
  return reader.finish();
}

/** A flow as one line: "from -> to:port/protocol allowed=N denied=N audit=N". */
export function line(f: ObservedFlow): string {
  const c = f.connections;
  return `${f.from.label} -> ${f.to.label}:${f.port}/${f.protocol} allowed=${c.allowed} denied=${c.denied} audit=${c.audit}`;
}
