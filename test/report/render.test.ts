import { describe, expect, it } from "vitest";
import { expectGolden } from "../helpers/golden.js";
import {
  MARKER,
  renderComment,
  renderCommentWithTier,
  renderSummary,
} from "../../action/src/report/markdown.js";
import { previewOutputs, verdictOf, type PreviewReport } from "../../action/src/report/types.js";
import {
  change,
  diffOf,
  env,
  expectTablesIntact,
  handMadeReport,
  outsideFences,
  riskyReport,
} from "./fixtures.js";

describe("PR comment", () => {
  it("starts with the hidden marker line", () => {
    const body = renderComment(handMadeReport());
    expect(body.split("\n")[0]).toBe(MARKER);
    expect(MARKER).toBe("<!-- netpol-rollout:preview -->");
  });

  it("matches the golden file for a hand-made report", () => {
    const body = renderComment(handMadeReport(), { summaryUrl: "https://github.com/o/r/actions/runs/1" });
    expectGolden("test/report/golden/handmade-comment.md", body);
    expectTablesIntact(body);
  });

  it("lists each flow change with its rule and source line", () => {
    const body = renderComment(handMadeReport());
    expect(body).toContain(
      "| ➕ opens | <code>production/frontend → production/database:5432/TCP</code> | <code>policies/environments/production.yaml:17</code><br><code>production/database-ingress</code> ingress rule 1 |",
    );
    expect(body).toContain("➖ closes | <code>production/api → production/database:5433/TCP</code>");
    expect(body).toContain("**1 flow opened, 1 closed** in 1 of 2 environments.");
  });

  it("links an opened flow to its line at head and a closed one to its line at base", () => {
    const body = renderComment(handMadeReport(), {
      sourceUrl: "https://github.com/o/r/blob/HEADSHA/",
      baseSourceUrl: "https://github.com/o/r/blob/BASESHA/",
    });
    expect(body).toContain(
      "| ➕ opens | <code>production/frontend → production/database:5432/TCP</code> | [<code>policies/environments/production.yaml:17</code>](https://github.com/o/r/blob/HEADSHA/policies/environments/production.yaml#L17)",
    );
    expect(body).toContain(
      "| ➖ closes | <code>production/api → production/database:5433/TCP</code> | [<code>policies/environments/production.yaml:12</code>](https://github.com/o/r/blob/BASESHA/policies/environments/production.yaml#L12)",
    );
  });

  it("puts risky changes first, each with its reason, and matches the golden file", () => {
    const body = renderComment(riskyReport(), {
      sourceUrl: "https://github.com/o/r/blob/fedcba9876543210fedcba9876543210fedcba98/",
      baseSourceUrl: "https://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567/",
      summaryUrl: "https://github.com/o/r/actions/runs/1",
    });
    expectGolden("test/report/golden/risky-comment.md", body);
    expectTablesIntact(body);
    const production = body.slice(body.indexOf("### <code>production</code>"));
    const order = [
      "default-deny removed",
      "⚠️ new exposure: reachable from outside production (ingress-nginx)",
      "⚠️ new exposure: egress to every address",
      "⚠️ last caller closed: no declared flow reaches production/queue any more",
      "⚠️ environments differ: staging does not declare it",
      "**Other flow changes**",
      "<code>production/api → production/cache:6379/TCP</code>",
      "**Built in**",
    ].map((text) => production.indexOf(text));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("keeps the port name beside its number and the author's comment beside the flow", () => {
    const body = renderComment(riskyReport());
    expect(body).toContain(
      "<code>ns:ingress-nginx → production/admin:https (8443/TCP)</code> &#35; admin console, VPN only",
    );
    expect(body).toContain(
      "<code>production/prometheus → production/api:metrics (9100/TCP)</code> &#35; scrape",
    );
  });

  it("folds the full explanation under the short why", () => {
    const body = renderComment(riskyReport());
    expect(body).toContain(
      "<details><summary>an egress rule now allows it</summary>now allowed: egress at production/api by production/api-egress egress rule 3</details>",
    );
  });

  it("sums built-in DNS rules up in one line and explains ns: once in a legend", () => {
    const body = renderComment(riskyReport());
    expect(body.split("\n").filter((l) => l.includes("kube-dns"))).toEqual([
      "**Built in** (2 flows): DNS opened for 1 workload to <code>kube-system/kube-dns</code> on 53/UDP, 53/TCP (<code>policies/environments/production.yaml:9</code>).",
    ]);
    expect(body.match(/<code>ns:NAME<\/code> = /g)).toHaveLength(1);
  });

  it("matches the golden files of the reduced and summary-only tiers", () => {
    const report = riskyReport();
    const full = renderCommentWithTier(report);
    expect(full.tier).toBe("full");
    const reduced = renderCommentWithTier(report, {
      maxChars: full.body.length - 1,
      summaryUrl: "https://github.com/o/r/actions/runs/1",
    });
    expect(reduced.tier).toBe("reduced");
    expect(reduced.body).not.toContain("<details><summary>an egress rule");
    expectGolden("test/report/golden/risky-comment-reduced.md", reduced.body);
    const summary = renderCommentWithTier(report, {
      maxChars: 1_800,
      summaryUrl: "https://github.com/o/r/actions/runs/1",
    });
    expect(summary.tier).toBe("summary");
    expectGolden("test/report/golden/risky-comment-summary.md", summary.body);
  });

  it("shows the Pulumi operations without unchanged resources", () => {
    const body = renderComment(handMadeReport());
    expect(body).toContain(
      "| <code>update</code> | NetworkPolicy | <code>production/database-ingress</code> | <code>spec</code> |",
    );
    expect(body).not.toContain("production/default-deny-all");
    expect(body).toContain("2 operations, 1 unchanged");
  });

  it("says plainly why the engine part was skipped", () => {
    const report = handMadeReport();
    for (const e of report.environments)
      e.engine = { status: "skipped", reason: "fork pull request: secrets are not available" };
    report.engineNote = "fork pull request: secrets are not available";
    const body = renderComment(report);
    expect(body).toContain(
      "The Pulumi engine part was skipped: fork pull request: secrets are not available.",
    );
    // Said once, not per environment.
    expect(body.match(/engine part was skipped/g)).toHaveLength(1);
  });

  it("says when nothing changes anywhere", () => {
    const report: PreviewReport = {
      baseRef: "main",
      policiesDir: "policies",
      environments: [env("dev", 1, diffOf("dev", [])), env("production", 3, diffOf("production", []))],
      intentErrors: [],
    };
    const body = renderComment(report);
    expect(body).toContain("**No change.** No flow opens or closes");
    expect(body).not.toContain("```mermaid");
    expect(previewOutputs(report).changed).toBe(false);
  });

  it("lists intent errors with file:line:col and compares nothing", () => {
    const report: PreviewReport = {
      policiesDir: "policies",
      environments: [
        {
          ...env("production", 3, diffOf("production", [])),
          verdict: { kind: "invalid", errors: 1 },
        },
      ],
      intentErrors: [
        {
          side: "head",
          file: "policies/environments/production.yaml",
          line: 12,
          column: 7,
          message: "unknown service 'fronted'",
          hint: "did you mean 'frontend'?",
        },
      ],
    };
    const body = renderComment(report);
    expect(body).toContain("**The intent at head is invalid** (1 error)");
    expect(body).toContain(
      "- <code>policies/environments/production.yaml:12:7</code> unknown service 'fronted' (did you mean 'frontend'?)",
    );
    expect(body).toContain("invalid intent (1 error)");
    expect(previewOutputs(report)).toMatchObject({ invalid: true, intentErrors: 1, changed: false });
  });

  it("draws added edges thick and green, removed edges dashed and red", () => {
    const body = renderComment(handMadeReport());
    const mermaid = /```mermaid\n([\s\S]*?)\n```/.exec(body)?.[1] ?? "";
    expect(mermaid.split("\n")[0]).toBe("flowchart LR");
    expect(mermaid).toContain('n3 ==>|"+ 5432/TCP"| n2');
    expect(mermaid).toContain('n1 -.->|"- 5433/TCP"| n2');
    expect(mermaid).toContain("linkStyle 5 stroke:#1a7f37");
    expect(mermaid).toContain("linkStyle 2 stroke:#cf222e");
  });
});

describe("escaping names from the intent", () => {
  const evil = [
    "x|y",
    "<script>alert(1)</script>",
    "a-->b",
    "<!-- hidden",
    "```",
    "*bold* _it_",
    "[click](https://evil.example)",
    "@octo-org/security",
    "line\nbreak",
    "$x^2$",
    '"quoted" #35; &amp;',
    "\u202eevil",
  ];

  function hostileReport(): PreviewReport {
    const changes = evil.map((name, i) => ({
      ...change("added", `prod/${name}`, `prod/db${name}`, "5432", i + 1),
      explanation: `because ${name}`,
    }));
    const nodes = evil.flatMap((name, i) => [
      { id: `n${2 * i}`, key: `prod/${name}`, kind: "service" as const, removed: false },
      { id: `n${2 * i + 1}`, key: `prod/db${name}`, kind: "fqdn" as const, removed: true },
    ]);
    const edges = evil.map((_, i) => ({
      from: `n${2 * i}`,
      to: `n${2 * i + 1}`,
      ports: ["5432/TCP"],
      status: i % 2 ? ("added" as const) : ("removed" as const),
    }));
    const prod = env(evil.join(" "), 1, diffOf("prod", changes, evil), {
      graph: { nodes, edges },
      lint: evil.map((name, i) => ({
        severity: "error" as const,
        code: `code-${name}`,
        message: `message ${name}`,
        source: { file: `policies/${name}.yaml`, line: i + 1, column: 1 },
      })),
      engine: {
        status: "ok",
        stack: "prod",
        operations: evil.map((name) => ({
          op: "create",
          kind: name,
          name: `ns/${name}`,
          changedKeys: [name],
        })),
      },
    });
    return {
      baseRef: "main<!--",
      headRef: "head-->",
      policiesDir: "pol|icies",
      environments: [
        prod,
        {
          ...env("failing", 2, diffOf("failing", [])),
          engine: { status: "failed", stack: "s</pre><script>", error: "boom </pre><script>x</script>" },
        },
      ],
      intentErrors: evil.map((name, i) => ({
        side: "base" as const,
        file: `policies/${name}`,
        line: i,
        column: 1,
        message: name,
        hint: name,
      })),
      engineNote: "fork <b>pr</b>",
    };
  }

  it("no name can close the marker, open a comment, inject HTML, link or mention", () => {
    for (const body of [renderComment(hostileReport()), renderSummary(hostileReport())]) {
      const text = outsideFences(body);
      expect(body.match(/<!--/g) ?? []).toHaveLength(body.startsWith(MARKER) ? 1 : 0);
      expect(text.match(/-->/g) ?? []).toHaveLength(body.startsWith(MARKER) ? 1 : 0);
      expect(body).not.toMatch(/<script/i);
      expect(body).not.toContain("<b>");
      expect(body).not.toContain("](https://evil");
      expect(text).not.toMatch(/@octo-org/);
      expect(text).not.toMatch(/\*bold\*/);
      expect(text).not.toContain("$x");
      expect(body).not.toContain("\u202e");
      expect(body.match(/```/g)?.length ?? 0).toBe(2 * (body.match(/```mermaid/g)?.length ?? 0));
      expect(body.match(/<pre>/g)?.length).toBe(body.match(/<\/pre>/g)?.length);
      expectTablesIntact(body);
    }
  });

  it("mermaid labels are quoted and entity-encoded", () => {
    const body = renderSummary(hostileReport());
    const mermaid = /```mermaid\n([\s\S]*?)\n```/.exec(body)?.[1];
    expect(mermaid).toBeDefined();
    const label = '"[A-Za-z0-9 ./:,+=#;-]*"';
    for (const line of (mermaid ?? "").split("\n").slice(1)) {
      expect(line).toMatch(
        new RegExp(
          `^  (n\\d+(\\[${label}\\]|\\(\\[${label}\\]\\)|\\{\\{${label}\\}\\})` +
            `|n\\d+ (-->|==>|-\\.->)\\|${label}\\| n\\d+` +
            `|linkStyle [\\d,]+ [a-z:#0-9,\\- ]+|classDef gone [a-z:#0-9,\\- ]+|class [n\\d,]+ gone)$`,
        ),
      );
    }
    expect(mermaid).toContain('"prod/#60;script#62;alert#40;1#41;#60;/script#62;"');
    expect(mermaid).toContain('"prod/a--#62;b"');
  });
});

describe("outputs", () => {
  it("counts flows and lint findings over every environment", () => {
    expect(previewOutputs(handMadeReport())).toEqual({
      changed: true,
      flowsAdded: 1,
      flowsRemoved: 1,
      lintErrors: 0,
      lintWarnings: 1,
      invalid: false,
      intentErrors: 0,
    });
  });

  it("a workload appearing is a change even when no flow opens", () => {
    expect(verdictOf(diffOf("dev", [], ["dev/worker"]))).toEqual({ kind: "changed", opened: 0, closed: 0 });
    expect(verdictOf(diffOf("dev", []))).toEqual({ kind: "no-change" });
  });
});
