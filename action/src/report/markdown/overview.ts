/**
 * The top of the preview: which revisions are compared, the headline over every
 * environment, and one overview row per environment.
 */
import { code, escapeMarkdown } from "../../text/escape.js";
import { plural } from "../../text/plural.js";
import { verdictText, type EnvironmentPreview, type PreviewReport } from "../types.js";
import { table, type Detail } from "./detail.js";
import { engineCell } from "./engine.js";
import { countLint } from "./lint.js";
import { riskCount, riskSummary, sortedOf } from "./risk.js";

/** The verdict plus workload and namespace changes, e.g. "1 flow opened, 0 closed; workloads +1". */
export function environmentVerdict(env: EnvironmentPreview, hasBase = true): string {
  const parts = [verdictText(env.verdict)];
  if (env.verdict.kind === "changed") {
    const { workloads, namespaces } = env.diff;
    const extra: string[] = [];
    if (workloads.added.length > 0) extra.push(`${plural(workloads.added.length, "workload")} added`);
    if (workloads.removed.length > 0) extra.push(`${plural(workloads.removed.length, "workload")} removed`);
    if (namespaces.added.length > 0) extra.push(`${plural(namespaces.added.length, "namespace")} added`);
    if (namespaces.removed.length > 0)
      extra.push(`${plural(namespaces.removed.length, "namespace")} removed`);
    if (extra.length > 0) parts.push(extra.join(", "));
  }
  if (env.replaces) {
    if (env.verdict.kind === "no-change") parts[0] = "no connectivity change";
    parts.unshift(`takes over ${plural(env.replaces.policies, "policy", "policies")} from the cluster`);
  } else if (env.presence === "added" && hasBase) parts.unshift("new environment");
  if (env.presence === "removed") parts.unshift("environment removed");
  return parts.join("; ");
}

/** What an environment that takes over a cluster's policies is compared with. */
export function replacesNote(env: EnvironmentPreview): string | undefined {
  if (!env.replaces) return undefined;
  return `Compared with the ${plural(env.replaces.policies, "policy", "policies")} it replaces (${env.replaces.directory}/, as netpol-rollout import recorded them from the cluster), not with nothing; the first deploy replaces them in safe steps.`;
}

/** Whether a base revision was compared with. */
export function hasBase(report: PreviewReport): boolean {
  return report.baseRef !== undefined && report.baseNote === undefined;
}

export function revisionLine(report: PreviewReport): string[] {
  const head = report.headRef ? ` with head ${code(shortSha(report.headRef))}` : "";
  const dir = code(report.policiesDir);
  if (report.baseRef !== undefined && hasBase(report)) {
    const ref = shortSha(report.baseRef);
    const sha =
      report.baseSha && shortSha(report.baseSha) !== ref ? ` (${code(shortSha(report.baseSha))})` : "";
    return [`Comparing ${dir} at base ${code(ref)}${sha}${head}.`];
  }
  const why = report.baseNote ?? "no base revision was given";
  const replacing = report.environments.some((e) => e.replaces);
  return [
    replacing
      ? `No base to compare with (${escapeMarkdown(why)}): an environment that replaces a cluster's policies is compared with them; every other flow of ${dir}${head} is shown as opened.`
      : `No base to compare with (${escapeMarkdown(why)}): every flow of ${dir}${head} is shown as opened.`,
  ];
}

export function headline(report: PreviewReport, detail: Detail): string {
  const headErrors = report.intentErrors.filter((e) => e.side === "head");
  const invalid = report.environments.filter((e) => e.verdict.kind === "invalid");
  const refusal = "Nothing deploys until every error is fixed.";
  if (headErrors.length > 0 && invalid.length === report.environments.length) {
    return `**The intent at head is invalid** (${plural(headErrors.length, "error")}): nothing was compared. Fix the errors below. ${refusal}`;
  }
  if (headErrors.length > 0 && invalid.length > 0) {
    const names = invalid.map((e) => code(e.name)).join(", ");
    return `**The intent at head has ${plural(headErrors.length, "error")}**: ${names} ${invalid.length === 1 ? "is" : "are"} not compared; the other environments are. ${refusal}`;
  }
  const errorNote =
    headErrors.length > 0
      ? ` **The intent at head has ${plural(headErrors.length, "error")}** in files no environment uses. ${refusal}`
      : "";
  if (report.environments.length === 0) return `**No environments** were found in the intent.${errorNote}`;
  const changed = report.environments.filter((e) => e.verdict.kind === "changed");
  if (changed.length === 0) {
    return `**No change.** No flow opens or closes, and no workload appears or disappears, in any environment.${errorNote}`;
  }
  let opened = 0;
  let closed = 0;
  let risky = 0;
  for (const env of changed) {
    for (const c of env.diff.changes) {
      if (c.change === "added") opened++;
      else closed++;
    }
    risky += riskCount(env, sortedOf(env, detail));
  }
  const look = risky > 0 ? `; ⚠️ ${plural(risky, "change")} to look at first` : "";
  return `**${plural(opened, "flow")} opened, ${closed} closed** in ${changed.length} of ${plural(report.environments.length, "environment")}${look}.${errorNote}`;
}

export function overview(report: PreviewReport, detail: Detail): string[] {
  const rows = report.environments.map((env) => {
    const risk = env.verdict.kind === "changed" ? riskSummary(env, sortedOf(env, detail)) : "";
    return [
      code(env.name),
      escapeMarkdown(environmentVerdict(env, hasBase(report))),
      risk ? `⚠️ ${escapeMarkdown(risk)}` : "—",
      env.verdict.kind === "invalid" ? "—" : countLint(env.lint),
      engineCell(env),
    ];
  });
  return table(["environment", "change", "look first", "lint", "Pulumi"], rows, detail, "environments");
}

function shortSha(sha: string): string {
  return /^[0-9a-f]{40}$/i.test(sha) ? sha.slice(0, 7) : sha;
}
