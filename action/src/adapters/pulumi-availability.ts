/**
 * Whether the engine part can run here: a Pulumi project, the `pulumi` CLI on PATH, a
 * backend. Checked before anything is loaded or started; nothing is ever installed.
 */
import { accessSync, constants, existsSync, readFileSync } from "node:fs";
import { delimiter, join, relative } from "node:path";
import { parse as parseYaml } from "yaml";
import type { PulumiEnvironment } from "../ports/engine.js";
import { isRecord } from "./pulumi-events.js";

export type PulumiAvailability = { available: true; cliPath: string } | { available: false; reason: string };

export interface AvailabilityInput {
  /** The Pulumi project directory (absolute); undefined for the shipped program, prepared later. */
  workDir?: string;
  /** The repository root, to name `workDir` relatively in messages. */
  workspace: string;
  env: PulumiEnvironment;
}

/** File-system probes, replaceable in tests. */
export interface AvailabilityProbes {
  isExecutable(path: string): boolean;
  readText(path: string): string | undefined;
}

export const nodeProbes: AvailabilityProbes = {
  isExecutable(path) {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  readText(path) {
    return existsSync(path) ? readFileSync(path, "utf8") : undefined;
  },
};

/** Finds `pulumi` on PATH, like the shell would. */
export function findOnPath(path: string, probes: AvailabilityProbes, name = "pulumi"): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === "") continue;
    const candidate = join(dir, name);
    if (probes.isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Whether the engine part can run here, cheapest checks first: a Pulumi project in
 * `work-dir`, the `pulumi` CLI on PATH, and a backend (PULUMI_BACKEND_URL,
 * PULUMI_ACCESS_TOKEN for Pulumi Cloud, or `backend.url` in Pulumi.yaml). The CLI is
 * never installed here: installing downloads from the internet.
 */
export function checkAvailability(
  input: AvailabilityInput,
  probes: AvailabilityProbes = nodeProbes,
): PulumiAvailability {
  const workDir = input.workDir;
  const projectFile =
    workDir === undefined
      ? undefined
      : ["Pulumi.yaml", "Pulumi.yml"]
          .map((f) => join(workDir, f))
          .find((f) => probes.readText(f) !== undefined);
  if (workDir !== undefined && !projectFile) {
    const where = relative(input.workspace, workDir) || ".";
    return { available: false, reason: `no Pulumi project in ${where} (Pulumi.yaml not found)` };
  }
  const cliPath = findOnPath(input.env.path, probes);
  if (!cliPath) return { available: false, reason: "the pulumi CLI is not installed (not found on PATH)" };
  if (
    !input.env.backendUrl &&
    !input.env.accessTokenSet &&
    !(projectFile && projectBackendUrl(probes.readText(projectFile)))
  ) {
    return {
      available: false,
      reason:
        "no Pulumi backend is configured (set PULUMI_BACKEND_URL, or PULUMI_ACCESS_TOKEN for Pulumi Cloud)",
    };
  }
  return { available: true, cliPath };
}

function projectBackendUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const doc: unknown = parseYaml(text);
    const backend = isRecord(doc) ? doc.backend : undefined;
    const url = isRecord(backend) ? backend.url : undefined;
    return typeof url === "string" && url !== "" ? url : undefined;
  } catch {
    // An unreadable Pulumi.yaml is the CLI's to report when it runs; here it only means "no backend in it".
    return undefined;
  }
}
