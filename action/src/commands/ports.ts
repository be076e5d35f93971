/**
 * The narrow interfaces the commands use to reach the outside world. Adapters in
 * `action/src/adapters/` implement them; tests use typed fakes or HTTP-level fakes.
 */

/** One resource operation from a Pulumi preview or update (from engine events). */
export interface ResourceOperation {
  /** Pulumi's op: create, update, delete, replace, create-replacement, delete-replaced, same, read… */
  op: string;
  /** Kubernetes kind, e.g. "NetworkPolicy"; the Pulumi type token when not a Kubernetes resource. */
  kind: string;
  /** "namespace/name" as the resource is named in the cluster, or the Pulumi logical name. */
  name: string;
  /** Top-level input keys that differ (from the step's diffs/detailedDiff), e.g. ["spec"]. */
  changedKeys: string[];
}

export type EnginePreview =
  | { status: "ok"; stack: string; operations: ResourceOperation[] }
  /** The engine part could not run here (no CLI, no credentials, a fork): say why. */
  | { status: "skipped"; reason: string }
  | { status: "failed"; stack: string; error: string };

/** The Pulumi engine as the preview sees it. */
export interface PreviewEngine {
  preview(environment: string): Promise<EnginePreview>;
}

/** Reads the files of a directory of the repository at a git ref. */
export interface GitReader {
  /**
   * The YAML files under `dir` (repo-relative, POSIX) at `ref`, read as git objects; [] when
   * the directory does not exist there. A file that breaks the reading rules (a link out of
   * the repository, too large, not UTF-8) comes back with a `problem` and no text.
   */
  readTree(ref: string, dir: string): Promise<{ path: string; text: string; problem?: string }[]>;
  /** The merge base of HEAD with `ref`, or undefined when there is none. */
  mergeBase(ref: string): Promise<string | undefined>;
  /** Resolves a ref to a commit SHA, or undefined when it does not exist. */
  resolve(ref: string): Promise<string | undefined>;
}
