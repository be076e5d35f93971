/** Reading the intent at a git revision: the port and its error. */

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

/**
 * Fetches one commit by its full SHA from the checkout's `origin` (a one-commit checkout
 * lacks earlier revisions); true when the commit is there afterwards.
 */
export type CommitFetcher = (commit: string) => Promise<boolean>;

/** A git command failed for a reason other than "not found" (not a repository, git missing…). */
export class GitError extends Error {
  override name = "GitError";
  constructor(
    message: string,
    readonly args: string[],
    readonly stderr: string,
  ) {
    super(message);
  }
}
