import { describe, expect, it } from "vitest";
import { emitAnnotations, planAnnotations } from "../../action/src/report/annotations.js";
import type { AnnotationProps, AnnotationSink } from "../../action/src/report/annotations.js";
import type { IntentError } from "../../action/src/intent/model.js";
import type { LintFinding } from "../../action/src/semantics/contracts.js";

function recorder() {
  const lines: string[] = [];
  const fmt = (p: AnnotationProps) =>
    `${p.file ?? "-"}:${p.startLine ?? "-"}:${p.startColumn ?? "-"} [${p.title}]`;
  const sink: AnnotationSink = {
    error: (m, p) => lines.push(`error ${fmt(p)} ${m}`),
    warning: (m, p) => lines.push(`warning ${fmt(p)} ${m}`),
    notice: (m) => lines.push(`notice ${m}`),
  };
  return { sink, lines };
}

const intentError = (file: string, line: number, message = "bad"): IntentError => ({
  file,
  line,
  column: 3,
  message,
});
const lint = (
  severity: "error" | "warning",
  file: string | undefined,
  line: number,
  code = "c",
): LintFinding => ({
  severity,
  code,
  message: `${code} at ${line}`,
  environment: "production",
  ...(file ? { source: { file, line, column: 1 } } : {}),
});

describe("planAnnotations", () => {
  it("emits intent errors with position, title and hint", () => {
    const { sink, lines } = recorder();
    emitAnnotations(
      planAnnotations(
        [
          {
            file: "policies/environments/dev.yaml",
            line: 4,
            column: 7,
            message: "unknown service 'apx'",
            hint: "did you mean 'api'?",
          },
        ],
        [],
      ),
      sink,
    );
    expect(lines).toEqual([
      "error policies/environments/dev.yaml:4:7 [Invalid intent] unknown service 'apx' (did you mean 'api'?)",
    ]);
  });

  it("keeps the 10 most important of each type and says how many more there are", () => {
    const errors = Array.from({ length: 8 }, (_, i) => intentError("policies/b.yaml", 20 - i));
    const findings = [
      ...Array.from({ length: 6 }, (_, i) => lint("error", "policies/a.yaml", i + 1, "lint-error")),
      ...Array.from({ length: 13 }, (_, i) =>
        lint("warning", i % 2 ? "policies/a.yaml" : undefined, i + 1, "lint-warning"),
      ),
    ];
    const plan = planAnnotations(errors, findings);
    const { sink, lines } = recorder();
    emitAnnotations(plan, sink);

    const errorLines = lines.filter((l) => l.startsWith("error"));
    expect(errorLines).toHaveLength(10);
    // Intent errors first, in file order (line ascending), then lint errors.
    expect(errorLines.slice(0, 8).map((l) => l.split(" ")[1])).toEqual(
      [13, 14, 15, 16, 17, 18, 19, 20].map((n) => `policies/b.yaml:${n}:3`),
    );
    expect(errorLines.slice(8).map((l) => l.split(" ")[1])).toEqual([
      "policies/a.yaml:1:1",
      "policies/a.yaml:2:1",
    ]);

    const warningLines = lines.filter((l) => l.startsWith("warning"));
    expect(warningLines).toHaveLength(10);
    // Positioned findings before unpositioned ones.
    expect(warningLines.slice(0, 6).every((l) => l.includes("policies/a.yaml"))).toBe(true);
    expect(warningLines[6]).toContain("-:-:- [production: lint-warning]");

    expect(plan.omitted).toEqual({ error: 4, warning: 3 });
    expect(lines.at(-1)).toBe("notice 4 more errors and 3 more warnings — see the job summary");
  });

  it("gives no notice when everything fits", () => {
    const plan = planAnnotations([intentError("x.yaml", 1)], [lint("warning", "x.yaml", 2)]);
    expect(plan.notice).toBeUndefined();
    expect(plan.annotations).toHaveLength(2);
  });

  it("collapses the same finding at the same place", () => {
    const twice = [
      lint("warning", "policies/shared/dns.yaml", 3, "dns"),
      lint("warning", "policies/shared/dns.yaml", 3, "dns"),
    ];
    expect(planAnnotations([], twice).annotations).toHaveLength(1);
  });
});
