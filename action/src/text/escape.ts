/**
 * Escaping of intent-supplied text (service and namespace names, file paths, FQDNs,
 * messages) for the places reports put it. Names come from a pull request, i.e. from
 * anyone who can open one: nothing they write may format, link, mention, inject HTML,
 * close the comment's hidden marker, or break a table or a mermaid diagram.
 */

/**
 * Characters that mean something to GitHub-flavoured markdown or HTML, as numeric
 * entities. A table row is split on literal `|` before inline parsing, so `&#124;` stays
 * inside its cell; entities are decoded after emphasis, links, code spans and math
 * (`$`) are recognised, so none of them can form.
 */
const MARKDOWN_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  "|": "&#124;",
  "`": "&#96;",
  "*": "&#42;",
  _: "&#95;",
  "[": "&#91;",
  "]": "&#93;",
  "\\": "&#92;",
  "~": "&#126;",
  "#": "&#35;",
  $: "&#36;",
  // A zero-width space after @ keeps "@org/team" in a name from notifying anyone.
  "@": "@&#8203;",
};

const MARKDOWN_SPECIAL = /[&<>|`*_[\]\\~#$@]/g;

/**
 * Line breaks end a table row or a list item, and bidirectional overrides can make a
 * name read differently from what it is: both become visible escapes.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Control characters, line breaks and invisible or direction-changing characters as
 * visible `\uXXXX` escapes: nothing in the text can break a line, a table row or a log
 * line, or read differently from what it is.
 */
export function visible(text: string): string {
  return text.replace(INVISIBLE, escapeChar);
}

const INVISIBLE_BUT_LINES =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Like `visible`, but keeps line feeds and tabs: for whole blocks of terminal output, whose
 * lines are ours. Terminal escape sequences (ESC), carriage returns and direction overrides
 * in anything printed become visible escapes.
 */
export function terminalText(text: string): string {
  return text.replace(INVISIBLE_BUT_LINES, escapeChar);
}

function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/**
 * Escapes text for inline markdown, table cells and HTML element content. Brackets are
 * escaped, so no link can form; "://" and "www." are broken up so that GitHub's extended
 * autolinks do not turn a name into a link either.
 */
export function escapeMarkdown(text: string): string {
  return visible(text)
    .replace(MARKDOWN_SPECIAL, (c) => MARKDOWN_ENTITIES[c] ?? c)
    .replace(/:\/\//g, "&#58;//")
    .replace(/\b(www)\./gi, "$1&#46;");
}

/** Text in a `<code>` element: monospace, escaped; mentions and references are not linked in code. */
export function code(text: string): string {
  return `<code>${escapeMarkdown(text)}</code>`;
}

/** Escapes text for an HTML `<pre>` block: only `&`, `<`, `>` mean something there. */
export function escapePre(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/**
 * A quoted mermaid label: `"…"` with every character outside a small safe set written as
 * a mermaid entity code (`#quot;`, `#60;`): mermaid decodes `#NNN;` in labels, and the
 * quotes keep brackets, arrows and keywords from being read as syntax. Backticks and
 * asterisks are encoded too, since GitHub renders markdown inside mermaid labels.
 */
export function mermaidLabel(text: string): string {
  let out = "";
  for (const ch of visible(text)) {
    if (/[A-Za-z0-9 ./:,+=-]/.test(ch)) out += ch;
    else if (ch === '"') out += "#quot;";
    else out += `#${ch.codePointAt(0) ?? 63};`;
  }
  return `"${out}"`;
}

/** Cuts `text` to at most `max` UTF-16 code units without splitting a surrogate pair. */
export function cutUtf16(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

/** Shortens long free text (an engine error) for a report, saying how much was left out. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${cutUtf16(text, max)}… (${text.length - max} more characters)`;
}
