/**
 * The author's comment on a line of an intent file, for reports: in
 * `- api -> 198.51.100.0/24:443 # payment processor` it is "payment processor". YAML
 * starts a comment at `#` after whitespace (or at the start of a line) outside quotes.
 */

/** The lines of a file, for lineComment. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The trailing comment of line `line` (1-based) of `lines`, trimmed; undefined when there is none. */
export function lineComment(lines: readonly string[], line: number): string | undefined {
  const content = lines[line - 1];
  if (content === undefined) return undefined;
  let quote: string | undefined;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (quote) {
      // In a single-quoted scalar '' is an escaped quote; in a double-quoted one, \\ escapes.
      if (quote === '"' && ch === "\\") i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const before = content[i - 1];
      // A quote only opens a quoted scalar at its start (after space, `-`, `:`, `[`, `{`, `,`).
      if (before === undefined || /[\s\-:[{,]/.test(before)) quote = ch;
      continue;
    }
    if (ch === "#" && (i === 0 || /\s/.test(content[i - 1] ?? ""))) {
      // A line that is only a comment annotates nothing on it.
      if (content.slice(0, i).trim() === "") return undefined;
      const comment = content.slice(i + 1).trim();
      return comment === "" ? undefined : comment;
    }
  }
  return undefined;
}
