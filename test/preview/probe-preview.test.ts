import { describe, expect, it } from "vitest";
import { runPreview, type SourceFile } from "../../action/src/commands/preview-pipeline.js";
import { renderComment, renderSummary } from "../../action/src/report/markdown.js";
import { expectGolden } from "../helpers/golden.js";
import { edited, memoryGit, shippedFiles } from "./helpers.js";
import { generateIntent } from "./generate.js";
import { EXAMPLE_GOLDEN } from "../../scripts/readme-example.js";
import { parseEnvironments } from "../../action/src/intent/index.js";
import { compileEnvironment } from "../../action/src/compile/compile.js";
import { previewProbes } from "../../action/src/probe/probe-preview.js";

const PRODUCTION = "policies/environments/production.yaml";
const SHA = "1111111111111111111111111111111111111111";

/**
 * The example pull request of the README: the ingress controller now reaches the API
 * directly, and the frontend no longer through it.
 */
export function exampleChange(text: string): string {
  return text.replace("  - ingress-nginx -> frontend:80\n", "  - ingress-nginx -> api:8080 # public API\n");
}

async function preview(base: SourceFile[] | undefined, head: SourceFile[]) {
  return runPreview(
    { ...(base ? { git: memoryGit({ [SHA]: base }) } : {}), readHead: () => Promise.resolve(head) },
    { ...(base ? { baseRef: SHA } : {}), headRef: "head", policiesDir: "policies" },
  );
}

/** The folded probe section of a rendering. */
function probeSection(markdown: string): string {
  const start = markdown.indexOf("<details><summary>What the probes will check after merge</summary>");
  expect(start).toBeGreaterThanOrEqual(0);
  return markdown.slice(start, markdown.indexOf("</details>", start) + "</details>".length);
}

describe("what the probes will check after merge", () => {
  it("counts the checks by expected verdict and lists the ones a new and a closed flow move (golden)", async () => {
    const base = shippedFiles();
    const head = edited(base, PRODUCTION, exampleChange);
    const report = await preview(base, head);
    const production = report.environments.find((e) => e.name === "production")?.probes;
    expect(production?.expected).toEqual({ allowed: 5, blocked: 6, "cannot-check": 1 });
    expect(production?.changes).toEqual([
      {
        kind: "declared",
        from: "ns:ingress-nginx",
        to: "production/api",
        port: "8080/TCP",
        before: "blocked",
        after: "allowed",
        why: { kind: "diff" },
      },
    ]);
    // The closed flow: no check tries it, and the section says so.
    expect(production?.closedUnchecked).toEqual(["ns:ingress-nginx → production/frontend:80/TCP"]);
    // The unchanged environments plan checks too, and nothing of theirs moves.
    for (const env of report.environments.filter((e) => e.name !== "production"))
      expect(env.probes?.changesTotal).toBe(0);
    const section = probeSection(renderComment(report));
    expect(section).toContain("| <code>production</code> | 12 | 5 | 6 | 1 | 1 |");
    expect(section).toContain("no check tries the flow this change closes");
    expectGolden("test/preview/golden/probes-new-and-closed-flow.md", section);
  });

  it("renders the README's example pull request as its reviewer sees it (golden, copied into the README)", async () => {
    const base = shippedFiles();
    const report = await runPreview(
      {
        git: memoryGit({ [SHA]: base }),
        readHead: () => Promise.resolve(edited(base, PRODUCTION, exampleChange)),
      },
      { baseRef: SHA, headRef: "2222222222222222222222222222222222222222", policiesDir: "policies" },
    );
    const comment = renderComment(report);
    expect(comment).toContain("**1 flow opened, 1 closed**");
    expectGolden(EXAMPLE_GOLDEN, comment);
  });

  it("says a verdict that moves because a default-deny is added is explained by it", async () => {
    const report = await preview(undefined, shippedFiles());
    const production = report.environments.find((e) => e.name === "production")?.probes;
    expect(production?.changesTotal).toBeGreaterThan(0);
    expect(production?.changes.every((c) => c.why.kind === "default-deny")).toBe(true);
    expect(probeSection(renderComment(report))).toContain("default-deny of <code>production</code> added");
  });

  it("keeps the comment's list bounded: ten rows per environment, then how many more", async () => {
    const head = generateIntent({ services: 40, namespaces: 2 });
    const report = await preview(undefined, head);
    const env = report.environments[0]?.probes;
    expect(env?.changesTotal).toBeGreaterThan(10);
    const section = probeSection(renderComment(report));
    const rows = section
      .split("\n")
      .filter((l) => l.startsWith("| negative ") || l.startsWith("| declared "));
    expect(rows).toHaveLength(10);
    expect(section).toMatch(/… and \d+ more checks/);
    // The job summary shows more of them.
    const summaryRows = probeSection(renderSummary(report))
      .split("\n")
      .filter((l) => l.startsWith("| negative ") || l.startsWith("| declared "));
    expect(summaryRows.length).toBeGreaterThan(10);
    expect(summaryRows.length).toBeLessThanOrEqual(50);
  });

  it("judges an unchanged environment once, as it would judge its base and head apart", async () => {
    const base = shippedFiles();
    const report = await preview(base, edited(base, PRODUCTION, exampleChange));
    const env = (await preview(base, base)).environments.find((e) => e.name === "staging");
    const head = parseEnvironments(base, { policiesDir: "policies" }).environments.find(
      (e) => e.name === "staging",
    )?.intent;
    if (!head || !env?.probes) throw new Error("staging is in the shipped intent");
    const bundle = compileEnvironment(head);
    // The base's bundle itself (one model, one judgement) and a copy of it (two of each).
    const once = previewProbes(head, bundle, bundle, env.diff);
    const twice = previewProbes(head, bundle, structuredClone(bundle), env.diff);
    expect(once).toEqual(twice);
    expect(env.probes).toEqual(once);
    expect(report.environments.find((e) => e.name === "staging")?.probes).toEqual(once);
  });

  it("is left out of an environment whose intent is invalid", async () => {
    const head = edited(shippedFiles(), PRODUCTION, (t) => t.replace("cni: cilium", "cni: nope"));
    const report = await preview(undefined, head);
    expect(report.environments.find((e) => e.name === "production")?.probes).toBeUndefined();
    expect(report.environments.find((e) => e.name === "dev")?.probes).toBeDefined();
  });
});
