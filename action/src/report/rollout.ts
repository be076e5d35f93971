/**
 * Reports of a deploy, a rollback and a drift watch: the job summary (a timeline per
 * environment and step, the probe matrix with classifications, what was rolled back and
 * the re-probe, a reproduction command for every wrong cell) and the short result posted
 * on a merged pull request. Pure string builders.
 */
import type { CheckResult, ProbeCheck, ProbePlan } from "../probe/types.js";
import { isDnsTarget, isIpTarget } from "../probe/types.js";
import type { EnvironmentOutcome, ProbeRecord, RolloutReport } from "../rollout/outcome.js";
import { decidingProbe, rolloutSucceeded } from "../rollout/outcome.js";
import type { DriftReport } from "../rollout/outcome.js";
import { DEFAULT_PROBE_POD_OPTIONS } from "../probe/pod.js";
import { reproduceCommand } from "./probe-result.js";
import { clip, code, escapeMarkdown, escapePre } from "../text/escape.js";

/** GitHub's job summary takes at most 1 MiB per step; a deploy report stays far below. */
export const SUMMARY_BUDGET = 900_000;
/** Wrong cells shown per probe, and right cells (wrong cells are always first). */
const MAX_WRONG = 50;
const MAX_RIGHT = 30;
/** Reproduction commands per environment. */
const MAX_REPRO = 10;

const STATUS: Record<EnvironmentOutcome["status"], string> = {
  deployed: "✅ deployed",
  "rolled-back": "↩️ rolled back",
  "break-glass": "🚨 BREAK-GLASS",
  failed: "❌ failed",
  refused: "⛔ refused (nothing changed)",
  skipped: "⏭️ not started",
  cancelled: "⏹️ cancelled",
};

const CLASS: Record<CheckResult["classification"], string> = {
  "as-expected": "as expected",
  "intended-change": "intended change",
  surprise: "❗ surprise",
  deviation: "❗ deviation",
  inconclusive: "❔ inconclusive",
  "not-checked": "not checkable",
};

export function renderRolloutSummary(report: RolloutReport): string {
  const ok = rolloutSucceeded(report);
  const title = report.action === "rollback" ? "rollback" : "deploy";
  const out: string[] = [];
  out.push(`## netpol-rollout ${title}: ${ok ? "✅ succeeded" : "❌ failed"}`, "");
  const facts = [
    report.revision === null ? undefined : `revision ${code(report.revision.slice(0, 12))}`,
    report.target === undefined ? undefined : `target: ${escapeMarkdown(report.target)}`,
    report.reason === undefined ? undefined : `reason: ${escapeMarkdown(report.reason)}`,
    report.run.actor === undefined ? undefined : `by ${code(report.run.actor)}`,
    report.run.url === undefined ? undefined : `[run](${report.run.url})`,
  ].filter((f) => f !== undefined);
  if (facts.length > 0) out.push(facts.join(" · "), "");
  if (report.cancelled) out.push("> [!WARNING]", "> The job was cancelled: no further step was started.", "");
  if (report.refusals.length > 0) {
    out.push("### Refused before any change", "", "Nothing was deployed anywhere:", "");
    for (const r of report.refusals) out.push(`- ${escapeMarkdown(r)}`);
    out.push("");
  }
  if (report.environments.length > 0) {
    out.push("| environment | result | why |", "| --- | --- | --- |");
    for (const e of report.environments) {
      out.push(
        `| ${escapeMarkdown(e.environment)} | ${STATUS[e.status]} | ${escapeMarkdown(clip(e.reason ?? "", 300))} |`,
      );
    }
    out.push("");
  }
  for (const e of report.environments) {
    if (e.timeline.length === 0 && e.probes.length === 0) continue;
    out.push(...renderEnvironment(e), "");
  }
  return budgeted(out.join("\n"));
}

function renderEnvironment(e: EnvironmentOutcome): string[] {
  const out: string[] = [`### ${escapeMarkdown(e.environment)}: ${STATUS[e.status]}`, ""];
  if (e.status === "rolled-back" || e.status === "break-glass") {
    out.push("> [!CAUTION]");
    out.push(`> ${escapeMarkdown(e.reason ?? "")}`);
    if (e.rolledBackTo) {
      out.push(
        `> Rolled back to revision ${code(e.rolledBackTo.revision?.slice(0, 12) ?? "unknown")} (entry #${e.rolledBackTo.seq}).`,
      );
    }
    if (e.breakGlass) {
      out.push(
        `> The default-deny of ${e.breakGlass.map((n) => code(n)).join(", ")} was REMOVED (allows kept): these namespaces are not isolated until a fixed revision is deployed.`,
      );
    }
    out.push("");
  } else if (e.reason !== undefined && e.status !== "deployed") {
    out.push(`**Why:** ${escapeMarkdown(e.reason)}`, "");
  }
  if (e.recovery !== undefined) out.push(`**Recovery:** ${escapeMarkdown(e.recovery)}`, "");
  for (const n of e.notes) out.push(`- ${escapeMarkdown(n)}`);
  if (e.notes.length > 0) out.push("");

  const restore = timeToRestore(e);
  if (restore !== undefined) out.push(restore, "");
  // Seconds: since the entry before, i.e. how long that step, probe or record took.
  out.push("| time (UTC) | s | phase | step | | detail |", "| --- | --- | --- | --- | --- | --- |");
  e.timeline.forEach((t, i) => {
    const before = i === 0 ? undefined : e.timeline[i - 1];
    const took = before === undefined ? "" : seconds(Date.parse(t.at) - Date.parse(before.at));
    out.push(
      `| ${t.at.slice(11, 19)} | ${took} | ${t.phase} | ${escapeMarkdown(t.step)} | ${t.ok ? "✅" : "❌"} | ${escapeMarkdown(clip(t.detail, 400))} |`,
    );
  });
  out.push("");

  const deciding = decidingProbe(e);
  for (const probe of e.probes) {
    const open = probe === deciding || probe.phase !== "deploy" || probe.result.counts.failed > 0;
    out.push(...renderProbe(probe, open), "");
  }
  const repro = reproductions(e);
  if (repro.length > 0) {
    out.push("<details open><summary>Reproduce the wrong cells</summary>", "");
    for (const r of repro) out.push(r, "");
    out.push("</details>");
  }
  return out;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

/**
 * After an automatic rollback whose re-probe passed: how long from the step whose probe
 * failed to the end of that re-probe, and its three parts.
 */
function timeToRestore(e: EnvironmentOutcome): string | undefined {
  const at = (i: number) => Date.parse(e.timeline[i]?.at ?? "");
  const start = e.timeline.findIndex((t) => t.phase === "rollback" && t.step === "start");
  const end = e.timeline.findIndex((t) => t.phase === "rollback" && t.step === "probe re-probe");
  // The failing probe is the last failed probe before the rollback began; it started when the
  // entry before it ended.
  const failed = e.timeline.findLastIndex(
    (t, i) => i < start && t.phase === "deploy" && t.step.startsWith("probe") && !t.ok,
  );
  if (failed < 1 || end < start || !e.timeline[end]?.ok) return undefined;
  const failing = at(failed) - at(failed - 1);
  const apply = at(end - 1) - at(failed);
  const reprobe = at(end) - at(end - 1);
  return `**Time to restore:** ${seconds(at(end) - at(failed - 1))} s (failing probe ${seconds(failing)} s, rollback deployed ${seconds(apply)} s, re-probe ${seconds(reprobe)} s).`;
}

/** When a probe's pods first ran, when the dataplane was seen to have caught up, and when it ended. */
function probeTiming(probe: ProbeRecord): string {
  const t = probe.result.timing;
  if (t === undefined) return "";
  const caught =
    t.caughtUpMs === undefined
      ? "never seen caught up"
      : `caught up at ${seconds(t.caughtUpMs)} s (${t.caughtUpBy === "changes" ? "its changes showed" : "settle window"})`;
  return ` (first round ${seconds(t.firstRoundMs)} s, ${caught}, ended ${seconds(t.endMs)} s)`;
}

function renderProbe(probe: ProbeRecord, open: boolean): string[] {
  const c = probe.result.counts;
  const title = `Probe after ${probe.phase === "deploy" ? "" : `${probe.phase} `}${probe.step}: ${c.passed} passed, ${c.failed} failed, ${c.inconclusive} inconclusive, ${c.notChecked} not checkable${probe.decision ? ` → ${probe.decision}` : ""}${probeTiming(probe)}`;
  const wrong = probe.result.results.filter((r) => isWrong(r));
  const right = probe.result.results.filter((r) => !isWrong(r));
  const out = [`<details${open ? " open" : ""}><summary>${escapeMarkdown(title)}</summary>`, ""];
  for (const note of probe.result.coverage) out.push(`> ${escapeMarkdown(note)}`, "");
  out.push("| check | kind | expected | observed | classification |", "| --- | --- | --- | --- | --- |");
  for (const r of [...wrong.slice(0, MAX_WRONG), ...right.slice(0, MAX_RIGHT)]) {
    out.push(
      `| ${code(describeCheck(r.check))} | ${r.check.kind} | ${r.check.expect} | ${observedText(r)} | ${CLASS[r.classification]} |`,
    );
  }
  const hidden = Math.max(0, wrong.length - MAX_WRONG) + Math.max(0, right.length - MAX_RIGHT);
  if (hidden > 0) out.push("", `${hidden} more checks are not shown (wrong cells first).`);
  out.push("", "</details>");
  return out;
}

function isWrong(r: CheckResult): boolean {
  return (
    r.classification === "deviation" || r.classification === "surprise" || r.classification === "inconclusive"
  );
}

function observedText(r: CheckResult): string {
  const o = r.observed;
  switch (o.outcome) {
    case "allowed":
      return `allowed (${o.detail})`;
    case "refused":
      return `${r.seen} (${escapeMarkdown(r.reading ?? "refused")})`;
    case "blocked":
      return "blocked (timeout)";
    case "dns-failure":
      return `DNS failure: ${escapeMarkdown(clip(o.message, 120))}`;
    case "cannot-check":
      return `cannot-check: ${o.evidence}, ${escapeMarkdown(clip(o.message, 120))}`;
  }
}

export function describeCheck(check: ProbeCheck): string {
  const from = `${check.from.namespace}/${check.from.service ?? labelsText(check.from.labels)}`;
  const to = isDnsTarget(check.to)
    ? `DNS ${check.to.dns}`
    : isIpTarget(check.to)
      ? check.to.ip
      : `${check.to.namespace}/${check.to.service ?? check.to.pod}`;
  return `${from} -> ${to}:${check.port}/${check.protocol}`;
}

function labelsText(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
}

/**
 * For every wrong cell, what a person pastes to see it again: that source's probe pod with
 * this one check, owned by a ConfigMap created first (deleting it deletes the pod), its log.
 */
function reproductions(e: EnvironmentOutcome): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const probe of e.probes) {
    for (const r of probe.result.results) {
      if (!isWrong(r) || out.length >= MAX_REPRO) continue;
      const text = reproduction(r, probe.plan);
      if (seen.has(text)) continue;
      seen.add(text);
      out.push(text);
    }
  }
  return out;
}

export function reproduction(r: CheckResult, plan: ProbePlan): string {
  const check = r.check;
  const pod = plan.pods.find(
    (p) => p.metadata.name === check.from.pod && p.metadata.namespace === check.from.namespace,
  );
  const header = `${escapeMarkdown(describeCheck(check))}: expected ${check.expect}, observed ${r.seen}${r.observed.outcome === "refused" ? " (refused)" : ""}`;
  const command = pod && reproduceCommand(check, pod, DEFAULT_PROBE_POD_OPTIONS.timeoutSeconds);
  if (command === undefined) {
    return `${header}. No probe pod was planned for this source: from a pod in namespace ${code(check.from.namespace)} with labels ${code(labelsText(check.from.labels))}, connect to ${code(describeCheck(check).split(" -> ")[1] ?? "")}.`;
  }
  return `${header}\n\n<pre>${escapePre(command)}</pre>`;
}

/** The short result on the merged pull request. */
export function renderPullRequestResult(report: RolloutReport, summaryUrl?: string): string {
  const ok = rolloutSucceeded(report);
  const lines = [
    `**netpol-rollout deploy of ${code(report.revision?.slice(0, 12) ?? "unknown revision")}: ${ok ? "✅ deployed" : "❌ failed"}**`,
    "",
  ];
  for (const e of report.environments) {
    const probe = decidingProbe(e);
    const counts = probe
      ? ` (probes: ${probe.result.counts.passed} passed, ${probe.result.counts.failed} failed, ${probe.result.counts.inconclusive} inconclusive)`
      : "";
    lines.push(
      `- ${escapeMarkdown(e.environment)}: ${STATUS[e.status]}${counts}${e.reason && e.status !== "deployed" ? ` — ${escapeMarkdown(clip(e.reason, 200))}` : ""}`,
    );
  }
  for (const r of report.refusals.slice(0, 5)) lines.push(`- refused: ${escapeMarkdown(clip(r, 200))}`);
  if (summaryUrl !== undefined) lines.push("", `[Full report in the job summary](${summaryUrl})`);
  return lines.join("\n");
}

export function renderDriftSummary(report: DriftReport): string {
  const unchecked = report.environments.filter((e) => e.skipped !== undefined).length;
  const headline = report.drift
    ? "❗ drift"
    : unchecked > 0
      ? `⏭️ ${unchecked} environment${unchecked === 1 ? "" : "s"} not checked, no drift in the rest`
      : "✅ no drift";
  const out = [`## netpol-rollout drift watch: ${headline}`, ""];
  for (const e of report.environments) {
    if (e.skipped !== undefined) {
      out.push(`### ${escapeMarkdown(e.environment)}: ⏭️ not checked`, "", escapeMarkdown(e.skipped), "");
      continue;
    }
    out.push(`### ${escapeMarkdown(e.environment)}: ${e.drift ? "❗ drift" : "✅ as recorded"}`, "");
    if (e.noRecord) out.push("**No record** of what runs: nothing was judged.", "");
    if (e.running) out.push(`Judged against ${escapeMarkdown(e.running.describe)}.`, "");
    if (e.findings.length > 0) {
      out.push("**Objects changed by hand**", "", "| change | object | detail |", "| --- | --- | --- |");
      for (const f of e.findings)
        out.push(`| ${f.change} | ${code(f.object)} | ${escapeMarkdown(f.detail)} |`);
      out.push("");
    }
    if (e.failing.length > 0) {
      out.push(
        "**Checks of the running revision that fail**",
        "",
        "| check | expected | observed |",
        "| --- | --- | --- |",
      );
      for (const f of e.failing)
        out.push(`| ${code(f.check)} | ${f.expected} | ${escapeMarkdown(f.observed)} |`);
      out.push("");
    }
    if (e.pending !== undefined) out.push(`**Deploy pending**: ${escapeMarkdown(e.pending)}.`, "");
    for (const n of e.notes) out.push(`- ${escapeMarkdown(n)}`);
    if (e.probe && e.plan) {
      const record: ProbeRecord = { phase: "deploy", step: "drift", plan: e.plan, result: e.probe };
      out.push("", ...renderProbe(record, e.probe.counts.failed > 0));
    }
    out.push("");
  }
  return budgeted(out.join("\n"));
}

function budgeted(text: string): string {
  return text.length <= SUMMARY_BUDGET
    ? text
    : `${clip(text, SUMMARY_BUDGET)}\n\n(The report was cut at the job summary's size limit.)`;
}
