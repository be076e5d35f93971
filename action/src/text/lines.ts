/**
 * The text with a lone CR (old Mac line endings) as LF: YAML counts CR, LF and CRLF as line
 * breaks, the parser only LF and CRLF. Same length, so offsets and positions are unchanged.
 */
export function withLineFeeds(text: string): string {
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
}
