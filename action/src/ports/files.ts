/** Files the commands write for the workflow to pick up (the JSON reports). */

/** Writes `text` to `path`, creating the directories on the way; replaces a file already there. */
export type WriteFile = (path: string, text: string) => Promise<void>;
