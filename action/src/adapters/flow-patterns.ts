/**
 * The Action's `flows` input: patterns expanded in the workspace, each environment's files
 * read into one summary. Only the Action uses it (the CLI takes files its shell expanded).
 */
import { lstat } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import * as glob from "@actions/glob";
import { FlowReader, type FlowFormat } from "../flows/read.js";
import type { FlowSummary } from "../flows/summary.js";
import { readFlowFiles } from "./flow-files.js";

/** Where observed traffic comes from: a file, directory or glob, for one environment or all. */
export interface FlowFilePattern {
  /** Absent: every environment. */
  environment?: string;
  pattern: string;
}

/**
 * Expands the `flows` input's patterns in the workspace (`@actions/glob`: the syntax of
 * `hashFiles` and the artifact actions; a directory means every file under it) and reads each
 * environment's files into one summary, keyed by environment ("*": every environment). A
 * pattern that matches nothing is a warning (the first run of a scheduled export has no
 * artifact yet); a file or record that cannot be read throws FlowInputError.
 */
export async function readFlowPatterns(
  patterns: readonly FlowFilePattern[],
  options: { workspace: string; warn: (message: string) => void; format?: FlowFormat },
): Promise<Map<string, FlowSummary>> {
  const groups = new Map<string, string[]>();
  for (const p of patterns) {
    const key = p.environment ?? "*";
    const negated = p.pattern.startsWith("!");
    const body = negated ? p.pattern.slice(1) : p.pattern;
    const line = `${negated ? "!" : ""}${isAbsolute(body) ? body : join(options.workspace, body)}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  const out = new Map<string, FlowSummary>();
  for (const [key, lines] of groups) {
    const globber = await glob.create(lines.join("\n"), { followSymbolicLinks: false });
    const files: string[] = [];
    for (const path of await globber.glob()) {
      if ((await lstat(path)).isDirectory()) continue;
      files.push(path);
    }
    files.sort();
    const where = key === "*" ? "" : ` (${key})`;
    if (files.length === 0) {
      options.warn(
        `flows${where}: no file matches ${lines.map((l) => relative(options.workspace, l) || l).join(", ")}; the preview has no observed traffic for it`,
      );
      continue;
    }
    const reader = new FlowReader(options.format ? { format: options.format } : {});
    await readFlowFiles(files, reader, { cwd: options.workspace });
    out.set(key, reader.finish());
  }
  return out;
}
