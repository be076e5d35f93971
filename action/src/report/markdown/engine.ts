/** The Pulumi engine's part of the preview as markdown: its operations, a failure, or why it was skipped. */
import type { ResourceOperation } from "../../rollout/engine.js";
import { clip, code, escapeMarkdown, escapePre } from "../../text/escape.js";
import { plural } from "../../text/plural.js";
import type { EnvironmentPreview, PreviewReport } from "../types.js";
import { table, type Detail } from "./detail.js";

/** The overview's Pulumi cell: "no change", "3 operations", "skipped", "❌ failed". */
export function engineCell(env: EnvironmentPreview): string {
  switch (env.engine.status) {
    case "skipped":
      return "skipped";
    case "failed":
      return "❌ failed";
    case "ok": {
      const n = changedOps(env).length;
      return n === 0 ? "no change" : plural(n, "operation");
    }
  }
}

export function engineSkippedSentence(reason: string): string {
  return `The Pulumi engine part was skipped: ${escapeMarkdown(reason.replace(/\.\s*$/, ""))}.`;
}

export function engineSection(env: EnvironmentPreview, report: PreviewReport, detail: Detail): string[] {
  const engine = env.engine;
  switch (engine.status) {
    case "skipped":
      // Said once at the top when it holds for every environment.
      return report.engineNote === engine.reason ? [] : ["", engineSkippedSentence(engine.reason)];
    case "failed":
      return [
        "",
        `**Pulumi** (stack ${code(engine.stack)}): the preview failed:`,
        "",
        "<pre>",
        escapePre(clip(engine.error, detail.audience === "comment" ? 1_500 : 20_000)),
        "</pre>",
      ];
    case "ok": {
      const ops = changedOps(env);
      const same = engine.operations.length - ops.length;
      if (ops.length === 0) {
        return [
          "",
          `**Pulumi** (stack ${code(engine.stack)}): no resource changes (${plural(same, "resource")} unchanged).`,
        ];
      }
      return [
        "",
        `**Pulumi** (stack ${code(engine.stack)}): ${plural(ops.length, "operation")}, ${same} unchanged.`,
        "",
        ...table(["op", "kind", "name", "changed keys"], opRows(ops), detail, "operations"),
      ];
    }
  }
}

function changedOps(env: EnvironmentPreview): ResourceOperation[] {
  return env.engine.status === "ok" ? env.engine.operations.filter((op) => op.op !== "same") : [];
}

function opRows(operations: ResourceOperation[]): string[][] {
  return operations.map((op) => [
    code(op.op),
    escapeMarkdown(op.kind),
    code(op.name),
    op.changedKeys.length > 0 ? op.changedKeys.map(code).join(", ") : "—",
  ]);
}
