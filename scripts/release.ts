/**
 * Release checks and notes, run by .github/workflows/release.yml on a version tag:
 *   tsx scripts/release.ts check v1.2.3   fails unless the tag, package.json, the CHANGELOG
 *                                         and every `uses: netpol-rollout/netpol-rollout@vN`
 *                                         agree
 *   tsx scripts/release.ts notes v1.2.3   prints the CHANGELOG section of that version
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** A release tag: `v` and a semantic version without pre-release or build suffixes. */
const TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
/** How the docs and workflows name the Action; the ref is checked against the major version. */
const USES = /uses:\s*netpol-rollout\/netpol-rollout@([\w.-]+)/g;

export interface ReleaseInputs {
  tag: string;
  version: string;
  changelog: string;
  /** Files that mention the Action (README, docs, workflows), by path. */
  docs: Record<string, string>;
}

/** The CHANGELOG section of `version` (without its heading), or undefined when there is none. */
export function releaseNotes(changelog: string, version: string): string | undefined {
  const lines = changelog.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`## ${version} `) || l === `## ${version}`);
  if (start < 0) return undefined;
  const end = lines.findIndex((l, i) => i > start && l.startsWith("## "));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join("\n")
    .trim();
}

/** The major tag a release moves, e.g. "v1" for 1.4.2. */
export function majorTag(version: string): string {
  return `v${version.split(".")[0]}`;
}

/** Every `uses: netpol-rollout/netpol-rollout@REF` whose REF is not the major tag of `version`. */
export function staleUsesLines(docs: Record<string, string>, version: string): string[] {
  const problems: string[] = [];
  for (const [path, text] of Object.entries(docs)) {
    for (const m of text.matchAll(USES)) {
      if (m[1] !== majorTag(version)) {
        problems.push(`${path}: uses @${m[1]}, but this release is ${majorTag(version)}`);
      }
    }
  }
  return problems;
}

/** Everything that must hold before a tag is released; empty when it may be. */
export function releaseProblems(input: ReleaseInputs): string[] {
  const problems: string[] = [];
  const m = TAG.exec(input.tag);
  if (!m) problems.push(`tag ${input.tag} is not vMAJOR.MINOR.PATCH`);
  else if (input.tag.slice(1) !== input.version) {
    problems.push(`tag ${input.tag} does not match package.json version ${input.version}`);
  }
  const heading = input.changelog.split("\n").find((l) => l.startsWith(`## ${input.version}`));
  if (heading === undefined) problems.push(`CHANGELOG.md has no section "## ${input.version}"`);
  else if (/unreleased/i.test(heading)) {
    problems.push(`CHANGELOG.md still calls ${input.version} unreleased: give it the release date`);
  } else if (!releaseNotes(input.changelog, input.version)) {
    problems.push(`CHANGELOG.md's section for ${input.version} is empty`);
  }
  problems.push(...staleUsesLines(input.docs, input.version));
  return problems;
}

/** README.md, docs/*.md and the workflows: where users read the `uses:` line. */
export function readDocs(root: string): Record<string, string> {
  const files = [
    "README.md",
    ...readdirSync(join(root, "docs")).map((f) => `docs/${f}`),
    ...readdirSync(join(root, ".github/workflows")).map((f) => `.github/workflows/${f}`),
  ].filter((f) => /\.(md|ya?ml)$/.test(f));
  return Object.fromEntries(files.map((f) => [f, readFileSync(join(root, f), "utf8")]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, tag = ""] = process.argv.slice(2);
  const root = fileURLToPath(new URL("..", import.meta.url));
  const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string })
    .version;
  const changelog = readFileSync(join(root, "CHANGELOG.md"), "utf8");
  if (command === "check") {
    const problems = releaseProblems({ tag, version, changelog, docs: readDocs(root) });
    for (const p of problems) console.error(p);
    if (problems.length > 0) process.exit(1);
    console.log(`${tag} can be released (major tag ${majorTag(version)})`);
  } else if (command === "notes") {
    const notes = releaseNotes(changelog, tag.replace(/^v/, ""));
    if (notes === undefined) {
      console.error(`CHANGELOG.md has no section for ${tag}`);
      process.exit(1);
    }
    console.log(notes);
  } else {
    console.error("usage: tsx scripts/release.ts check|notes vX.Y.Z");
    process.exit(2);
  }
}
