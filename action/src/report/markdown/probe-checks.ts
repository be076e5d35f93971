/**
 * "What the probes will check after merge", folded: per environment the checks by expected
 * verdict, then the checks whose verdict this change moves (bounded), each with what
 * explains it: a flow change, a default-deny added or removed, or nothing (a probe would
 * call it a surprise).
 */
import type { ProbePreview } from "../../probe/probe-preview.js";
import { code, escapeMarkdown } from "../../text/escape.js";
import { plural } from "../../text/plural.js";
import type { EnvironmentPreview, PreviewReport } from "../types.js";
import { table, type Detail } from "./detail.js";
import { ARROW } from "./flows.js";

/** Rows of changed probe verdicts per environment in the comment (the job summary shows more). */
const PROBE_CHANGE_ROWS = { comment: 10, summary: 50 } as const;

export function probeSection(report: PreviewReport, detail: Detail): string[] {
  const envs = report.environments.filter(
    (e): e is EnvironmentPreview & { probes: ProbePreview } => e.probes !== undefined,
  );
  if (envs.length === 0) return [];
  const counts = envs.map((e) => [
    code(e.name),
    String(e.probes.checks),
    String(e.probes.expected.allowed),
    String(e.probes.expected.blocked),
    String(e.probes.expected["cannot-check"]),
    String(e.probes.changesTotal),
  ]);
  const lines = [
    "",
    "<details><summary>What the probes will check after merge</summary>",
    "",
    "| environment | checks | expect allowed | expect blocked | cannot be checked | verdicts this change moves |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...counts.map((row) => `| ${row.join(" | ")} |`),
  ];
  const rowsDetail: Detail = {
    ...detail,
    maxRows: Math.min(detail.maxRows, PROBE_CHANGE_ROWS[detail.audience]),
  };
  for (const env of envs) {
    const p = env.probes;
    if (p.closedUnchecked.length > 0) {
      const shown = p.closedUnchecked.slice(0, rowsDetail.maxRows).map(code);
      const more = p.closedUnchecked.length - shown.length;
      lines.push(
        "",
        `**${code(env.name)}**: no check tries ${p.closedUnchecked.length === 1 ? "the flow" : "the flows"} this change closes (the semantics engine alone says ${p.closedUnchecked.length === 1 ? "it is" : "they are"} blocked): ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}.`,
      );
    }
    if (p.changesTotal === 0) continue;
    const rows = p.changes.map((c) => [
      c.kind,
      code(c.from),
      code(c.to),
      escapeMarkdown(c.port),
      `${c.before} ${ARROW} **${c.after}**`,
      c.why.kind === "diff"
        ? "a flow change above"
        : c.why.kind === "default-deny"
          ? `default-deny of ${code(c.why.namespace)} ${denyVerb(env, c.why.namespace)}`
          : "**nothing in this change**",
    ]);
    const table_ = table(
      ["check", "from", "to", "port", "verdict", "because of"],
      rows,
      rowsDetail,
      "checks",
    );
    // The preview keeps a bounded list; say how many it left out beyond the rows shown.
    const unlisted = p.changesTotal - p.changes.length;
    lines.push(
      "",
      `**${code(env.name)}**: ${plural(p.changesTotal, "check changes", "checks change")} verdict`,
      "",
      ...table_,
    );
    if (unlisted > 0 && rows.length <= rowsDetail.maxRows) lines.push("", `… and ${unlisted} more checks.`);
  }
  lines.push(
    "",
    "<sub>Judged on one stand-in pod per declared service. After the deploy the probes run this plan against the pods in the cluster; `netpol-rollout probe --plan` prints it for a cluster.</sub>",
    "",
    "</details>",
  );
  return lines;
}

function denyVerb(env: EnvironmentPreview, namespace: string): string {
  return env.defaultDeny?.removed.includes(namespace) ? "removed" : "added";
}
