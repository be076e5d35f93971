import { describe, expect, it } from "vitest";
import { expectGolden } from "../helpers/golden.js";
import {
  BaseRefNotFoundError,
  defaultPreviewCore,
  NoGitRepositoryError,
  UnknownEnvironmentError,
  runPreview,
  type SourceFile,
} from "../../action/src/commands/preview-pipeline.js";
import {
  MARKER,
  renderComment,
  renderCommentWithTier,
  renderSummary,
  renderSummaryWithTier,
} from "../../action/src/report/markdown.js";
import { flowText } from "../../action/src/report/markdown/flows.js";
import { previewOutputs, type PreviewReport } from "../../action/src/report/types.js";
import { edited, memoryGit, shippedFiles, tableEngine } from "./helpers.js";
import { generateIntent } from "./generate.js";

const PRODUCTION = "policies/environments/production.yaml";
const SHA_BASE = "1111111111111111111111111111111111111111";
const SHA_HEAD = "2222222222222222222222222222222222222222";

/** Inserts a flow line as the first item of the top-level `flows:` list. */
function addFlow(text: string, flow: string): string {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => /^flows:\s*(#.*)?$/.test(l));
  if (at === -1) return `${text.replace(/\n?$/, "\n")}flows:\n  - ${flow}\n`;
  const next = lines.slice(at + 1).find((l) => /^\s*-/.test(l));
  const indent = next ? (/^(\s*)-/.exec(next)?.[1] ?? "  ") : "  ";
  lines.splice(at + 1, 0, `${indent}- ${flow}`);
  return lines.join("\n");
}

async function preview(
  base: SourceFile[] | undefined,
  head: SourceFile[],
  extra: Partial<Parameters<typeof runPreview>[1]> = {},
) {
  return runPreview(
    {
      ...(base ? { git: memoryGit({ [SHA_BASE]: base }) } : {}),
      readHead: () => Promise.resolve(head),
    },
    { ...(base ? { baseRef: SHA_BASE } : {}), headRef: SHA_HEAD, policiesDir: "policies", ...extra },
  );
}

function flowsOf(report: PreviewReport, env: string): string[] {
  return (report.environments.find((e) => e.name === env)?.diff.changes ?? []).map(
    (c) => `${c.change} ${flowText(c)}`,
  );
}

describe("preview of the shipped examples", () => {
  it("compiles each side of an environment once, and diffs and lints those bundles", async () => {
    const base = shippedFiles();
    const head = edited(base, PRODUCTION, (t) => addFlow(t, "frontend -> database:5432"));
    const compiled: { env: string; bundle: object }[] = [];
    const used = new Set<object>();
    const report = await runPreview(
      {
        git: memoryGit({ [SHA_BASE]: base }),
        readHead: () => Promise.resolve(head),
        core: {
          ...defaultPreviewCore,
          compile: (env) => {
            const bundle = defaultPreviewCore.compile(env);
            compiled.push({ env: env.name, bundle });
            return bundle;
          },
          diff: (b, h, bundles) => {
            if (bundles.base) used.add(bundles.base);
            if (bundles.head) used.add(bundles.head);
            return defaultPreviewCore.diff(b, h, bundles);
          },
          lint: (env, bundle) => {
            used.add(bundle);
            return defaultPreviewCore.lint(env, bundle);
          },
        },
      },
      { baseRef: SHA_BASE, policiesDir: "policies" },
    );
    expect(flowsOf(report, "production")).toEqual([
      "added production/frontend → production/database:5432/TCP",
    ]);
    // Unchanged environments: head once (for lint); production: base and head once each.
    expect(compiled.map((c) => c.env).sort()).toEqual(["dev", "production", "production", "staging"]);
    expect(compiled.every((c) => used.has(c.bundle))).toBe(true);
  });

  it("without a base, every flow of every environment is opened", async () => {
    const report = await preview(undefined, shippedFiles());
    expect(report.environments.map((e) => e.name)).toEqual(["dev", "staging", "production"]);
    for (const env of report.environments) {
      expect(env.verdict.kind).toBe("changed");
      expect(env.diff.changes.every((c) => c.change === "added")).toBe(true);
      expect(env.presence).toBe("added");
    }
    expect(flowsOf(report, "production")).toEqual(
      expect.arrayContaining([
        "added production/frontend → production/api:8080/TCP",
        "added production/api → production/database:5432/TCP",
      ]),
    );
    const comment = renderComment(report);
    expect(comment).toContain("No base to compare with");
    expect(comment).toContain("The Pulumi engine part was skipped: no Pulumi engine was configured.");
    expectGolden("test/preview/golden/no-base-comment.md", comment);
    expectGolden("test/preview/golden/no-base-summary.md", renderSummary(report));
  });

  it("a pull request adding frontend -> database:5432 in production opens exactly that flow there", async () => {
    const base = shippedFiles();
    const head = edited(base, PRODUCTION, (t) => addFlow(t, "frontend -> database:5432"));
    const report = await preview(base, head);
    expect(flowsOf(report, "production")).toEqual([
      "added production/frontend → production/database:5432/TCP",
    ]);
    const production = report.environments.find((e) => e.name === "production");
    expect(production?.verdict).toEqual({ kind: "changed", opened: 1, closed: 0 });
    expect(production?.diff.changes[0]?.rule?.source?.file).toBe(PRODUCTION);
    for (const env of report.environments.filter((e) => e.name !== "production")) {
      expect(env.verdict).toEqual({ kind: "no-change" });
    }
    const added = production?.flowsGraph.edges.filter((e) => e.status === "added") ?? [];
    expect(added.map((e) => e.ports)).toEqual([["5432/TCP"]]);
    expect(previewOutputs(report)).toMatchObject({
      changed: true,
      flowsAdded: 1,
      flowsRemoved: 0,
      invalid: false,
    });

    const comment = renderComment(report);
    expect(comment).toContain("**1 flow opened, 0 closed** in 1 of 3 environments");
    // dev and staging share the template but not this flow: the environments now differ.
    expect(comment).toContain("⚠️ environments differ: dev, staging do not declare it");
    expectGolden("test/preview/golden/frontend-database-comment.md", comment);
    expectGolden("test/preview/golden/frontend-database-summary.md", renderSummary(report));
  });

  it("removing the flow again closes it", async () => {
    const head = shippedFiles();
    const base = edited(head, PRODUCTION, (t) => addFlow(t, "frontend -> database:5432"));
    const report = await preview(base, head);
    expect(flowsOf(report, "production")).toEqual([
      "removed production/frontend → production/database:5432/TCP",
    ]);
    const removed = report.environments
      .find((e) => e.name === "production")
      ?.flowsGraph.edges.filter((e) => e.status === "removed");
    expect(removed).toHaveLength(1);
  });

  it("no change says so plainly", async () => {
    const files = shippedFiles();
    const report = await preview(files, files);
    for (const env of report.environments) expect(env.verdict).toEqual({ kind: "no-change" });
    expect(previewOutputs(report).changed).toBe(false);
    const comment = renderComment(report);
    expect(comment).toContain("**No change.**");
    expectGolden("test/preview/golden/no-change-comment.md", comment);
    expectGolden("test/preview/golden/no-change-summary.md", renderSummary(report));
  });

  it("only the environments asked for, in promotion order", async () => {
    const report = await preview(undefined, shippedFiles(), { environments: ["production", "dev"] });
    expect(report.environments.map((e) => e.name)).toEqual(["dev", "production"]);
  });
});

describe("environments on one side only", () => {
  it("an environment missing at head is all-removed, not an error", async () => {
    const base = shippedFiles();
    const head = base.filter((f) => f.path !== "policies/environments/staging.yaml");
    const report = await preview(base, head);
    const staging = report.environments.find((e) => e.name === "staging");
    expect(staging?.presence).toBe("removed");
    expect(staging?.diff.changes.length).toBeGreaterThan(0);
    expect(staging?.diff.changes.every((c) => c.change === "removed")).toBe(true);
    expect(staging?.engine).toEqual({ status: "skipped", reason: "the environment is removed at head" });
    expect(staging?.lint).toEqual([]);
    expect(renderComment(report)).toContain("environment removed");
  });

  it("an environment new at head is all-added", async () => {
    const head = shippedFiles();
    const base = head.filter((f) => f.path !== PRODUCTION);
    const report = await preview(base, head);
    const production = report.environments.find((e) => e.name === "production");
    expect(production?.presence).toBe("added");
    expect(production?.diff.changes.every((c) => c.change === "added")).toBe(true);
    expect(renderComment(report)).toContain("new environment");
  });
});

describe("reading order", () => {
  it("a new environment of 15 services shows at most one DNS line and puts new exposure at the top", async () => {
    const base = shippedFiles();
    const qa = generateIntent({ services: 15, namespaces: 1, environment: "qa" }).map((f) => ({
      ...f,
      text: f.text.replace("promotion: 1", "promotion: 4"),
    }));
    const report = await preview(base, [...base, ...qa]);
    const env = report.environments.find((e) => e.name === "qa");
    expect(env?.presence).toBe("added");
    // 15 services and the namespace's other pods, each on 53/UDP and 53/TCP.
    expect(env?.diff.changes.filter((c) => c.builtin === "dns").length).toBeGreaterThanOrEqual(30);
    const comment = renderComment(report);
    const section = comment.slice(comment.indexOf("### <code>qa</code>"));
    const lines = section.split("\n");
    expect(lines.filter((l) => /\bDNS\b|kube-dns/.test(l))).toHaveLength(1);
    const firstRow = lines.find(
      (l) => l.startsWith("| ") && !l.startsWith("| risk") && !l.startsWith("| ---"),
    );
    expect(firstRow).toContain("⚠️ new exposure: reachable from outside ns-0 (ingress-nginx)");
    expect(firstRow).toContain("<code>ns:ingress-nginx → ns-0/svc-0:8080/TCP</code>");
  });
});

describe("invalid intent", () => {
  const broken = (files: SourceFile[]) =>
    edited(files, PRODUCTION, (t) => addFlow(t, "frontend -> databse:5432"));

  it("an invalid environment file marks only that environment invalid; the others are compared", async () => {
    const base = shippedFiles();
    const head = edited(broken(base), "policies/environments/dev.yaml", (t) =>
      addFlow(t, "worker -> database:5432"),
    );
    const report = await preview(base, head);
    expect(report.intentErrors.length).toBeGreaterThan(0);
    expect(report.intentErrors.every((e) => e.side === "head" && e.file === PRODUCTION && e.line > 0)).toBe(
      true,
    );
    expect(report.environments.map((e) => [e.name, e.verdict.kind])).toEqual([
      ["dev", "changed"],
      ["staging", "no-change"],
      ["production", "invalid"],
    ]);
    expect(report.environments[2]?.verdict).toMatchObject({ files: [PRODUCTION] });
    expect(flowsOf(report, "dev")).toEqual(["added dev/worker → dev/database:5432/TCP"]);
    // Nothing deploys while any error remains: the preview fails, and the engine part does not run.
    expect(previewOutputs(report)).toMatchObject({ invalid: true, changed: true });
    const comment = renderComment(report);
    expect(comment).toContain("**The intent at head has 1 error**: <code>production</code> is not compared");
    expect(comment).toContain("Nothing deploys until every error is fixed.");
    expect(comment).toMatch(/<code>policies\/environments\/production\.yaml:\d+:\d+<\/code> .*databse/);
    expect(comment).toContain("<code>dev/worker → dev/database:5432/TCP</code>");
    expectGolden("test/preview/golden/invalid-head-comment.md", comment);
  });

  it("an error in a shared template marks every environment that includes it invalid", async () => {
    const base = shippedFiles();
    const head = edited(base, "policies/templates/frontend-api-db.yaml", (t) =>
      t.replace(
        "  - ${namespace}/${api} -> ${namespace}/${database}:${databasePort}",
        "  - ${namespace}/${api} -> ${namespace}/databse:${databasePort}",
      ),
    );
    expect(head).not.toEqual(base);
    const report = await preview(base, head);
    expect(report.environments.map((e) => e.verdict.kind)).toEqual(["invalid", "invalid", "invalid"]);
    expect(renderComment(report)).toContain("**The intent at head is invalid**");
  });

  it("an invalid head without a base still names the environments from their files", async () => {
    const report = await preview(undefined, broken(shippedFiles()));
    expect(report.environments.map((e) => e.name).sort()).toEqual(["dev", "production", "staging"]);
  });

  it("an invalid base is reported and ignored: everything shows as added", async () => {
    const head = shippedFiles();
    const report = await preview(broken(head), head);
    expect(report.baseNote).toBe("the intent at base is invalid");
    expect(report.intentErrors.every((e) => e.side === "base")).toBe(true);
    expect(report.environments.every((e) => e.diff.changes.every((c) => c.change === "added"))).toBe(true);
    expect(previewOutputs(report).invalid).toBe(false);
    expect(renderComment(report)).toContain("Intent errors at base");
  });

  it("messages quoting hostile text are escaped in the comment", async () => {
    const head = edited(shippedFiles(), PRODUCTION, (t) =>
      addFlow(t, '"<!-- x --> | `y` <script>alert(1)</script> [a](https://e.example) @org/team *b* -> api"'),
    );
    const report = await preview(undefined, head);
    expect(report.intentErrors.length).toBeGreaterThan(0);
    const comment = renderComment(report);
    expect(comment.match(/<!--/g)).toHaveLength(1);
    expect(comment.match(/-->/g)).toHaveLength(1);
    expect(comment).not.toMatch(/<script/);
    expect(comment).not.toContain("](https://e.example)");
    expect(comment).not.toContain("@org/team");
    expect(comment).toContain("&lt;script&gt;");
  });
});

describe("arguments", () => {
  it("an unknown environment is a typed error listing the environments", async () => {
    const error = await preview(undefined, shippedFiles(), { environments: ["prod"] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnknownEnvironmentError);
    expect((error as UnknownEnvironmentError).available).toEqual(["dev", "production", "staging"]);
  });

  it("a base ref that does not resolve is a typed error", async () => {
    const error = await runPreview(
      { git: memoryGit({}), readHead: () => Promise.resolve(shippedFiles()) },
      { baseRef: "nope", policiesDir: "policies" },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BaseRefNotFoundError);
  });

  it("a base ref without git is a typed error", async () => {
    const error = await runPreview(
      { readHead: () => Promise.resolve(shippedFiles()) },
      { baseRef: "main", policiesDir: "policies" },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoGitRepositoryError);
  });

  it("a base without the policies directory means everything is added, and says why", async () => {
    const report = await runPreview(
      { git: memoryGit({ [SHA_BASE]: [] }), readHead: () => Promise.resolve(shippedFiles()) },
      { baseRef: SHA_BASE, policiesDir: "policies/" },
    );
    expect(report.baseNote).toBe("policies/ does not exist at base");
    expect(renderComment(report)).toContain("No base to compare with (policies/ does not exist at base)");
  });
});

describe("engine part", () => {
  it("reports each environment's operations, and a throwing engine as that environment's failure", async () => {
    const files = shippedFiles();
    const engine = tableEngine(
      {
        production: {
          status: "ok",
          stack: "production",
          operations: [
            {
              op: "update",
              kind: "NetworkPolicy",
              name: "production/database-ingress",
              changedKeys: ["spec"],
            },
          ],
        },
      },
      ["staging"],
    );
    const report = await runPreview(
      { git: memoryGit({ [SHA_BASE]: files }), engine, readHead: () => Promise.resolve(files) },
      { baseRef: SHA_BASE, policiesDir: "policies" },
    );
    const byName = Object.fromEntries(report.environments.map((e) => [e.name, e.engine]));
    expect(byName["staging"]).toEqual({
      status: "failed",
      stack: "staging",
      error: "stack staging is locked",
    });
    expect(byName["production"]?.status).toBe("ok");
    expect(report.engineNote).toBeUndefined();
    const comment = renderComment(report);
    expect(comment).toContain("<code>production/database-ingress</code> | <code>spec</code>");
    expect(comment).toContain("stack staging is locked");
  });

  it("without an engine, the caller's reason is given once", async () => {
    const report = await preview(undefined, shippedFiles(), {
      engineSkipReason: "fork pull request: secrets are not available",
    });
    expect(report.engineNote).toBe("fork pull request: secrets are not available");
    expect(renderComment(report).match(/engine part was skipped/g)).toHaveLength(1);
  });
});

// The real semantic diff, about a second per 500-service environment here.
describe("large intents", () => {
  it("500 services in three environments: the comment fits by dropping details", async () => {
    const files = ["dev", "staging", "production"].flatMap((environment, i) =>
      generateIntent({ services: 500, environment }).map((f) => ({
        ...f,
        text: f.text.replace("promotion: 1", `promotion: ${i + 1}`),
      })),
    );
    const report = await preview(undefined, files);
    expect(report.intentErrors).toEqual([]);
    expect(report.environments.every((e) => e.diff.changes.length >= 1000)).toBe(true);
    const { body, tier } = renderCommentWithTier(report, { summaryUrl: "https://example.test/summary" });
    expect(body.length).toBeLessThan(65_536);
    expect(tier).toBe("reduced");
    expect(body).toMatch(/… and \d+ more (risky|flow) changes in the \[job summary\]/);
    const summary = renderSummaryWithTier(report);
    expect(Buffer.byteLength(summary.body)).toBeLessThan(1024 * 1024);
    // Three 500-service diffs: a few seconds alone, far more on a busy shared CI machine.
  }, 120_000);

  it("a few changed flows among 500 services keep the comment at full detail", async () => {
    const base = generateIntent({ services: 500 });
    const head = generateIntent({
      services: 500,
      extraFlows: ["ns-0/svc-0 -> ns-7/svc-7:9090"],
      dropFlows: [5],
    });
    const report = await preview(base, head);
    expect(report.environments[0]?.diff.changes).toHaveLength(2);
    const { body, tier } = renderCommentWithTier(report);
    expect(tier).toBe("full");
    expect(body).toContain("ns-0/svc-0 → ns-7/svc-7:9090/TCP");
    expect(body).toContain(MARKER);
    // A 500-service diff and probe plan: seconds alone, far more on a busy shared machine.
  }, 120_000);
});
