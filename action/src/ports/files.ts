/** Files written for the workflow or the user to pick up: the JSON reports, `render --out`. */

/** Writes `text` to `path`, creating the directories on the way; replaces a file already there. */
export type WriteFile = (path: string, text: string) => Promise<void>;

/** `render --out`: the directory cannot be written without touching what render did not write. */
export class OutDirRefused extends Error {
  override name = "OutDirRefused";
}
