/**
 * Generates the README's "Action inputs and outputs" section from action.yml, so the two
 * never disagree, and its example pull request comment from that comment's golden file. `npm run docs` rewrites the section between the markers; `--check`
 * fails when README.md is out of date (a test runs the same check).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { EXAMPLE_GOLDEN, renderExampleSection, updateExample } from "./readme-example.js";

export const DOCS_START =
  "<!-- action-docs:start (generated from action.yml by `npm run docs`; do not edit) -->";
export const DOCS_END = "<!-- action-docs:end -->";
const HEADING = "## Action inputs and outputs";

interface ActionInput {
  description?: string;
  required?: boolean;
  default?: string;
}
interface ActionMetadata {
  inputs?: Record<string, ActionInput>;
  outputs?: Record<string, { description?: string }>;
  runs?: { using?: string; main?: string };
}

function cell(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(/\|/g, "\\|");
}

function defaultCell(value: string | undefined): string {
  if (value === undefined || value === "") return "_(empty)_";
  // Backticks inside a code span need a longer fence.
  const fence = value.includes("`") ? "``" : "`";
  return `${fence}${value.replace(/\|/g, "\\|")}${fence}`;
}

/** The generated section (markers included) for an action.yml text. */
export function renderActionDocs(actionYml: string): string {
  const meta = parse(actionYml) as ActionMetadata;
  const lines: string[] = [DOCS_START, ""];
  lines.push(
    `Runs on \`${meta.runs?.using ?? "?"}\` from \`${meta.runs?.main ?? "?"}\`.`,
    "",
    "| Input | Required | Default | Description |",
    "| --- | --- | --- | --- |",
  );
  for (const [name, input] of Object.entries(meta.inputs ?? {})) {
    lines.push(
      `| \`${name}\` | ${input.required ? "yes" : "no"} | ${defaultCell(input.default)} | ${cell(input.description ?? "")} |`,
    );
  }
  lines.push("", "| Output | Description |", "| --- | --- |");
  for (const [name, output] of Object.entries(meta.outputs ?? {})) {
    lines.push(`| \`${name}\` | ${cell(output.description ?? "")} |`);
  }
  lines.push("", DOCS_END);
  return lines.join("\n");
}

/**
 * README with the generated section replaced; when the markers are absent, the section is
 * added at the end of the heading's section (the heading is added at the end if absent).
 */
export function updateReadme(readme: string, section: string): string {
  const start = readme.indexOf(DOCS_START);
  const end = readme.indexOf(DOCS_END);
  if (start >= 0 && end > start) {
    return readme.slice(0, start) + section + readme.slice(end + DOCS_END.length);
  }
  const heading = readme.indexOf(`\n${HEADING}\n`);
  if (heading >= 0) {
    const next = readme.indexOf("\n## ", heading + HEADING.length + 1);
    const at = next >= 0 ? next + 1 : readme.length;
    const before = readme.slice(0, at).replace(/\n*$/, "\n\n");
    return `${before}${section}\n${next >= 0 ? "\n" : ""}${readme.slice(at)}`;
  }
  const sep = readme.endsWith("\n") ? "\n" : "\n\n";
  return `${readme}${sep}${HEADING}\n\n${section}\n`;
}

function main(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const readmePath = `${root}README.md`;
  const readme = readFileSync(readmePath, "utf8");
  const withActionDocs = updateReadme(readme, renderActionDocs(readFileSync(`${root}action.yml`, "utf8")));
  // The example pull request comment, from its golden file.
  const next = updateExample(
    withActionDocs,
    renderExampleSection(readFileSync(`${root}${EXAMPLE_GOLDEN}`, "utf8")),
  );
  if (process.argv.includes("--check")) {
    if (next !== readme) {
      console.error(
        "README.md's action inputs and outputs or example comment are out of date: run `npm run docs`.",
      );
      process.exit(1);
    }
    console.log("README.md's action inputs and outputs and example comment are up to date.");
    return;
  }
  if (next !== readme) writeFileSync(readmePath, next);
  console.log(next !== readme ? "README.md updated." : "README.md already up to date.");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
