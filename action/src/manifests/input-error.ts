/**
 * An error in a manifest a command reads, at its file:line:column. Kept apart from the
 * parser so that reporting one does not load the YAML readers.
 */
import { visible } from "../text/escape.js";

export interface InputError {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One line: control characters and line breaks in names and quoted input are shown as escapes. */
export function formatInputError(e: InputError): string {
  return visible(`${e.file}:${e.line}:${e.column}: ${e.message}`);
}
