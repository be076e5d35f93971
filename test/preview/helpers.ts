import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { PreviewCore, SourceFile } from "../../action/src/commands/preview.js";
import { defaultPreviewCore } from "../../action/src/commands/preview.js";
import type { EnvironmentIntent } from "../../action/src/intent/model.js";
import type { FlowChange, SemanticDiff } from "../../action/src/semantics/contracts.js";
import { endpointKey } from "../../action/src/report/graph.js";
import type { EnginePreview, GitReader, PreviewEngine } from "../../action/src/commands/ports.js";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The shipped policies/ as the loader sees them (repository-relative paths). */
export function shippedFiles(): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name)) {
        out.push({ path: relative(repoRoot, path).split("\\").join("/"), text: readFileSync(path, "utf8") });
      }
    }
  };
  walk(join(repoRoot, "policies"));
  return out;
}

/** The shipped files with one file's text changed. */
export function edited(files: SourceFile[], path: string, edit: (text: string) => string): SourceFile[] {
  let found = false;
  const out = files.map((f) => {
    if (f.path !== path) return f;
    found = true;
    return { path: f.path, text: edit(f.text) };
  });
  if (!found) throw new Error(`${path} is not among the files`);
  return out;
}

/** A git repository in memory: refs to file sets. */
export function memoryGit(
  revisions: Record<string, SourceFile[]>,
  mergeBases: Record<string, string> = {},
): GitReader {
  return {
    readTree: (ref, dir) =>
      Promise.resolve((revisions[ref] ?? []).filter((f) => dir === "." || f.path.startsWith(`${dir}/`))),
    mergeBase: (ref) => Promise.resolve(mergeBases[ref]),
    resolve: (ref) => Promise.resolve(ref in revisions ? ref : undefined),
  };
}

/** An engine that answers from a table, or throws for environments listed in `throws`. */
export function tableEngine(results: Record<string, EnginePreview>, throws: string[] = []): PreviewEngine {
  return {
    preview: (environment) => {
      if (throws.includes(environment)) return Promise.reject(new Error(`stack ${environment} is locked`));
      return Promise.resolve(results[environment] ?? { status: "ok", stack: environment, operations: [] });
    },
  };
}

/**
 * A diff of declared flows only (no policy semantics): fast enough for intents of
 * hundreds of services, where the tests are about the pipeline and the report's size,
 * not about verdicts.
 */
export function declaredFlowDiff(
  base: EnvironmentIntent | undefined,
  head: EnvironmentIntent | undefined,
): SemanticDiff {
  const flows = (env: EnvironmentIntent | undefined) => {
    const out = new Map<string, Omit<FlowChange, "change" | "explanation">>();
    for (const flow of env?.flows ?? []) {
      for (const port of flow.ports) {
        const entry = {
          from: endpointKey(flow.from),
          to: endpointKey(flow.to),
          port:
            port.port === undefined ? "*" : port.endPort ? `${port.port}-${port.endPort}` : String(port.port),
          protocol: port.protocol,
        };
        out.set(`${entry.from} ${entry.to} ${entry.port} ${entry.protocol}`, entry);
      }
    }
    return out;
  };
  const b = flows(base);
  const h = flows(head);
  const changes: FlowChange[] = [];
  for (const [key, f] of h)
    if (!b.has(key)) changes.push({ ...f, change: "added", explanation: "declared at head" });
  for (const [key, f] of b)
    if (!h.has(key)) changes.push({ ...f, change: "removed", explanation: "not declared at head" });
  return {
    environment: head?.name ?? base?.name ?? "",
    changes,
    workloads: { added: [], removed: [] },
    namespaces: { added: [], removed: [] },
  };
}

export const declaredFlowCore: PreviewCore = { ...defaultPreviewCore, diff: declaredFlowDiff };
