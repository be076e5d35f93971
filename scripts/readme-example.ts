/**
 * The README's example pull request, as a reviewer sees its comment: the golden file of
 * that comment (test/preview/golden/readme-example-comment.md, kept right by its test)
 * copied between markers, quoted. `npm run docs` rewrites it; a test fails when it is stale.
 */
import { MARKER } from "../action/src/report/markdown.js";

export const EXAMPLE_GOLDEN = "test/preview/golden/readme-example-comment.md";
export const EXAMPLE_START =
  "<!-- example-comment:start (generated from test/preview/golden/readme-example-comment.md by `npm run docs`; do not edit) -->";
export const EXAMPLE_END = "<!-- example-comment:end -->";

/** The generated section (markers included): the comment without its marker line, quoted. */
export function renderExampleSection(comment: string): string {
  const body = comment
    .split("\n")
    .filter((line) => line !== MARKER)
    .join("\n")
    .trimEnd();
  const quoted = body.split("\n").map((line) => (line === "" ? ">" : `> ${line}`));
  return [EXAMPLE_START, "", ...quoted, "", EXAMPLE_END].join("\n");
}

/** README with the section between the markers replaced; unchanged when the markers are absent. */
export function updateExample(readme: string, section: string): string {
  const start = readme.indexOf(EXAMPLE_START);
  const end = readme.indexOf(EXAMPLE_END);
  if (start < 0 || end < start) return readme;
  return readme.slice(0, start) + section + readme.slice(end + EXAMPLE_END.length);
}
