import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DOCS_END, DOCS_START, renderActionDocs, updateReadme } from "../../scripts/docs.js";
import {
  EXAMPLE_END,
  EXAMPLE_GOLDEN,
  EXAMPLE_START,
  renderExampleSection,
  updateExample,
} from "../../scripts/readme-example.js";
import { MARKER } from "../../action/src/report/markdown.js";

const root = new URL("../../", import.meta.url);
const actionYml = readFileSync(new URL("action.yml", root), "utf8");
const readme = readFileSync(new URL("README.md", root), "utf8");

describe("README's action inputs and outputs", () => {
  it("are up to date with action.yml (run `npm run docs`)", () => {
    expect(updateReadme(readme, renderActionDocs(actionYml))).toBe(readme);
  });

  it("document every input and output of action.yml", () => {
    const meta = parse(actionYml) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
    const section = readme.slice(readme.indexOf(DOCS_START), readme.indexOf(DOCS_END));
    for (const name of [...Object.keys(meta.inputs), ...Object.keys(meta.outputs)]) {
      expect(section).toContain(`| \`${name}\` |`);
    }
  });

  it("a changed description makes the check fail", () => {
    const changed = actionYml.replace("The intent directory, relative", "The policies directory, relative");
    expect(changed).not.toBe(actionYml);
    expect(updateReadme(readme, renderActionDocs(changed))).not.toBe(readme);
  });

  it("keeps the rest of the README intact when updating", () => {
    const stale = readme.replace("| `changed` |", "| `changd` |");
    const updated = updateReadme(stale, renderActionDocs(actionYml));
    expect(updated).toBe(readme);
  });

  it("adds the section under an existing heading that lacks it", () => {
    const text = "# x\n\n## Action inputs and outputs\n\nIntro.\n\n## Later\n\nMore.\n";
    const updated = updateReadme(text, "<GEN>");
    expect(updated).toBe("# x\n\n## Action inputs and outputs\n\nIntro.\n\n<GEN>\n\n## Later\n\nMore.\n");
  });
});

describe("action.yml", () => {
  it("runs the bundled entry on node24", () => {
    const meta = parse(actionYml) as { runs: { using: string; main: string } };
    expect(meta.runs).toEqual({ using: "node24", main: "dist/index.js" });
  });
});

describe("README's example pull request comment", () => {
  const golden = readFileSync(new URL(EXAMPLE_GOLDEN, root), "utf8");

  it("is the golden comment of the example, as rendered now (run `npm run docs`)", () => {
    expect(readme).toContain(EXAMPLE_START);
    expect(updateExample(readme, renderExampleSection(golden))).toBe(readme);
  });

  it("is quoted whole, without the sticky comment's marker", () => {
    const section = readme.slice(readme.indexOf(EXAMPLE_START), readme.indexOf(EXAMPLE_END));
    expect(section).toContain("> ## Network policy preview");
    expect(section).toContain("> <details><summary>What the probes will check after merge</summary>");
    expect(section).not.toContain(MARKER);
  });

  it("a changed golden makes the check fail", () => {
    const changed = golden.replace("1 flow opened, 1 closed", "2 flows opened, 1 closed");
    expect(changed).not.toBe(golden);
    expect(updateExample(readme, renderExampleSection(changed))).not.toBe(readme);
  });
});
