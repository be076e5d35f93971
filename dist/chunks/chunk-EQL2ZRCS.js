import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  CHECKS_ANNOTATION,
  DEFAULT_PROBE_POD_OPTIONS,
  ENVIRONMENT_LABEL,
  GitHubPermissionError,
  LAST_KNOWN_GOOD,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  METADATA_NAME_LABEL,
  PROBE_COMMAND,
  TransitionError,
  appendEntry,
  baselineFrom,
  baselineOf,
  breakGlassStep,
  buildModel,
  buildProbePlan,
  buildProbePod,
  buildRunObject,
  bundleDigest,
  canonicalJson,
  checkCallees,
  checkKey,
  clip,
  code,
  compileEnvironment,
  compileSelector,
  configMapName,
  createScrubber,
  decideAfterDeploy,
  decideAfterRollback,
  describeRunning,
  diffCompiled,
  emptyRecord,
  enforcedNamespaces,
  escapeMarkdown,
  escapePre,
  evaluateParties,
  explainDirection,
  explainVerdict,
  findEntry,
  formatIntentError,
  formatSource,
  formatTime,
  intentName,
  intentOf,
  isDnsTarget,
  isIpTarget,
  isPassed,
  isolatingPolicies,
  judgeFlows,
  lastKnownGood,
  liftableNamespaces,
  liveBundle,
  namespaceNamed,
  namespaceOf,
  objectKey,
  parseIntent,
  peerMatches,
  planTransition,
  policiesOfBundle,
  portsOf,
  probeArguments,
  provenEntries,
  recordIntent,
  representativeLabels,
  runObjectName,
  scriptCheck,
  suggest,
  unknownEnvironmentMessage,
  usage,
  visible,
  wentThrough,
  withOwnerUid,
  withProbe
} from "./chunk-WVRDPQLQ.js";
import {
  yaml
} from "./chunk-PTKHH53V.js";
import {
  cidrContains,
  parseCidr,
  parseIp,
  representativeAddress
} from "./chunk-M3L5V6RZ.js";

// action/src/commands/action-rollout.ts
import { join } from "node:path";

// action/src/rollout/outcome.ts
function rolloutOutputs(report) {
  const deciding = report.environments.map(decidingProbe).filter((p) => p !== void 0);
  const last = [...report.environments].reverse().find((e) => e.status !== "skipped");
  const rollback = report.environments.find((e) => e.rollback !== void 0)?.rollback;
  return {
    "probe-passed": sum(deciding, (p) => p.result.counts.passed),
    "probe-failed": sum(deciding, (p) => p.result.counts.failed),
    "probe-inconclusive": sum(deciding, (p) => p.result.counts.inconclusive),
    "rolled-back": report.environments.some((e) => e.status === "rolled-back" || e.status === "break-glass"),
    revision: last?.running?.revision ?? "",
    "rolled-back-from": rollback?.from ?? "",
    "rolled-back-to": rollback?.to ?? "",
    "environments-deployed": report.environments.filter((e) => e.status === "deployed").map((e) => e.environment).join(","),
    drift: false
  };
}
var OUTPUT_FORMATS = {
  revision: { pattern: /^(?:[0-9a-f]{40}|[0-9a-f]{64})?$/, what: "a commit" },
  "rolled-back-from": { pattern: /^(?:[0-9a-f]{40}|[0-9a-f]{64})?$/, what: "a commit" },
  "rolled-back-to": { pattern: /^(?:[0-9a-f]{40}|[0-9a-f]{64})?$/, what: "a commit" },
  "probe-passed": { pattern: /^\d+$/, what: "a count" },
  "probe-failed": { pattern: /^\d+$/, what: "a count" },
  "probe-inconclusive": { pattern: /^\d+$/, what: "a count" },
  "rolled-back": { pattern: /^(?:true|false)$/, what: "true or false" },
  drift: { pattern: /^(?:true|false)$/, what: "true or false" },
  "environments-deployed": {
    pattern: /^(?:[A-Za-z0-9][A-Za-z0-9_.-]*(?:,[A-Za-z0-9][A-Za-z0-9_.-]*)*)?$/,
    what: "environment names"
  }
};
function checkedOutputs(outputs) {
  const values = {};
  const checked = { ...outputs };
  const refused = [];
  for (const [name, raw] of Object.entries(outputs)) {
    const value = String(raw);
    const format = OUTPUT_FORMATS[name];
    if (format === void 0) throw new Error(`internal: output ${name} has no format`);
    if (format.pattern.test(value)) {
      values[name] = value;
    } else {
      values[name] = "";
      checked[name] = "";
      refused.push(`output ${name} was set empty: its value is not ${format.what}`);
    }
  }
  return { values, checked, refused };
}
function decidingProbe(outcome) {
  return outcome.probes.find((p) => p.decision !== void 0 && p.decision !== "continue") ?? outcome.probes.at(-1);
}
function rolloutSucceeded(report) {
  return report.refusals.length === 0 && !report.cancelled && report.environments.every((e) => e.status === "deployed");
}
function describeEntry(e) {
  return `${e.revision === null ? "an unknown revision" : `revision ${e.revision.slice(0, 12)}`} (${e.digest.slice(0, 19)}\u2026, entry #${e.seq})`;
}
function sum(items, value) {
  return items.reduce((total, item) => total + value(item), 0);
}

// action/src/report/probe-result.ts
function reproduceCommand(check, manifest, timeoutSeconds) {
  const one = scriptCheck(check);
  if (!one) return void 0;
  const { namespace } = manifest.metadata;
  const name = `${manifest.metadata.name.slice(0, 50).replace(/[-.]+$/, "")}-repro`;
  const spec = structuredClone(manifest.spec);
  for (const c of spec.containers ?? []) {
    if (c.command?.join("\0") === PROBE_COMMAND.join("\0")) c.args = probeArguments([one], timeoutSeconds);
  }
  const labels = { ...manifest.metadata.labels ?? {} };
  const annotations = {
    ...manifest.metadata.annotations ?? {},
    [CHECKS_ANNOTATION]: JSON.stringify([one.id])
  };
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace,
      labels,
      annotations,
      ownerReferences: [
        { apiVersion: "v1", kind: "ConfigMap", name, uid: "__OWNER_UID__", controller: true }
      ]
    },
    spec
  };
  const yaml2 = yaml.dump(pod, { lineWidth: -1, noRefs: true }).replace(/[\\$`]/g, (c) => `\\${c}`).replace("__OWNER_UID__", "${OWNER_UID}");
  const ns = shellWord(namespace);
  return [
    `OWNER_UID=$(kubectl -n ${ns} create configmap ${shellWord(name)} -o jsonpath='{.metadata.uid}')`,
    "kubectl create -f - <<EOF",
    yaml2.trimEnd(),
    "EOF",
    `kubectl -n ${ns} logs -f ${shellWord(name)}   # one JSON line per iteration; Ctrl-C to stop`,
    `kubectl -n ${ns} delete configmap ${shellWord(name)}   # deletes the pod too`
  ].join("\n");
}
function shellWord(s) {
  return /^[A-Za-z0-9._-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

// action/src/report/rollout.ts
var SUMMARY_BUDGET = 9e5;
var MAX_WRONG = 50;
var MAX_RIGHT = 30;
var MAX_REPRO = 10;
var STATUS = {
  deployed: "\u2705 deployed",
  "rolled-back": "\u21A9\uFE0F rolled back",
  "break-glass": "\u{1F6A8} BREAK-GLASS",
  failed: "\u274C failed",
  refused: "\u26D4 refused (nothing changed)",
  skipped: "\u23ED\uFE0F not started",
  cancelled: "\u23F9\uFE0F cancelled"
};
var CLASS = {
  "as-expected": "as expected",
  "intended-change": "intended change",
  surprise: "\u2757 surprise",
  deviation: "\u2757 deviation",
  inconclusive: "\u2754 inconclusive",
  "not-checked": "not checkable"
};
function renderRolloutSummary(report) {
  const ok = rolloutSucceeded(report);
  const title = report.action === "rollback" ? "rollback" : "deploy";
  const out = [];
  out.push(`## netpol-rollout ${title}: ${ok ? "\u2705 succeeded" : "\u274C failed"}`, "");
  const facts = [
    report.revision === null ? void 0 : `revision ${code(report.revision.slice(0, 12))}`,
    report.target === void 0 ? void 0 : `target: ${escapeMarkdown(report.target)}`,
    report.reason === void 0 ? void 0 : `reason: ${escapeMarkdown(report.reason)}`,
    report.run.actor === void 0 ? void 0 : `by ${code(report.run.actor)}`,
    report.run.url === void 0 ? void 0 : `[run](${report.run.url})`
  ].filter((f) => f !== void 0);
  if (facts.length > 0) out.push(facts.join(" \xB7 "), "");
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
        `| ${escapeMarkdown(e.environment)} | ${STATUS[e.status]} | ${escapeMarkdown(clip(e.reason ?? "", 300))} |`
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
function renderEnvironment(e) {
  const out = [`### ${escapeMarkdown(e.environment)}: ${STATUS[e.status]}`, ""];
  if (e.status === "rolled-back" || e.status === "break-glass") {
    out.push("> [!CAUTION]");
    out.push(`> ${escapeMarkdown(e.reason ?? "")}`);
    if (e.rolledBackTo) {
      out.push(
        `> Rolled back to revision ${code(e.rolledBackTo.revision?.slice(0, 12) ?? "unknown")} (entry #${e.rolledBackTo.seq}).`
      );
    }
    if (e.breakGlass) {
      out.push(
        `> The default-deny of ${e.breakGlass.map((n) => code(n)).join(", ")} was REMOVED (allows kept): these namespaces are not isolated until a fixed revision is deployed.`
      );
    }
    out.push("");
  } else if (e.reason !== void 0 && e.status !== "deployed") {
    out.push(`**Why:** ${escapeMarkdown(e.reason)}`, "");
  }
  if (e.recovery !== void 0) out.push(`**Recovery:** ${escapeMarkdown(e.recovery)}`, "");
  for (const n of e.notes) out.push(`- ${escapeMarkdown(n)}`);
  if (e.notes.length > 0) out.push("");
  const restore = timeToRestore(e);
  if (restore !== void 0) out.push(restore, "");
  out.push("| time (UTC) | s | phase | step | | detail |", "| --- | --- | --- | --- | --- | --- |");
  e.timeline.forEach((t, i) => {
    const before = i === 0 ? void 0 : e.timeline[i - 1];
    const took = before === void 0 ? "" : seconds(Date.parse(t.at) - Date.parse(before.at));
    out.push(
      `| ${t.at.slice(11, 19)} | ${took} | ${t.phase} | ${escapeMarkdown(t.step)} | ${t.ok ? "\u2705" : "\u274C"} | ${escapeMarkdown(clip(t.detail, 400))} |`
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
function seconds(ms) {
  return (ms / 1e3).toFixed(1);
}
function timeToRestore(e) {
  const at = (i) => Date.parse(e.timeline[i]?.at ?? "");
  const start = e.timeline.findIndex((t) => t.phase === "rollback" && t.step === "start");
  const end = e.timeline.findIndex((t) => t.phase === "rollback" && t.step === "probe re-probe");
  const failed = e.timeline.findLastIndex(
    (t, i) => i < start && t.phase === "deploy" && t.step.startsWith("probe") && !t.ok
  );
  if (failed < 1 || end < start || !e.timeline[end]?.ok) return void 0;
  const failing = at(failed) - at(failed - 1);
  const apply = at(end - 1) - at(failed);
  const reprobe = at(end) - at(end - 1);
  return `**Time to restore:** ${seconds(at(end) - at(failed - 1))} s (failing probe ${seconds(failing)} s, rollback deployed ${seconds(apply)} s, re-probe ${seconds(reprobe)} s).`;
}
function probeTiming(probe) {
  const t = probe.result.timing;
  if (t === void 0) return "";
  const caught = t.caughtUpMs === void 0 ? "never seen caught up" : `caught up at ${seconds(t.caughtUpMs)} s (${t.caughtUpBy === "changes" ? "its changes showed" : "settle window"})`;
  return ` (first round ${seconds(t.firstRoundMs)} s, ${caught}, ended ${seconds(t.endMs)} s)`;
}
function renderProbe(probe, open) {
  const c = probe.result.counts;
  const title = `Probe after ${probe.phase === "deploy" ? "" : `${probe.phase} `}${probe.step}: ${c.passed} passed, ${c.failed} failed, ${c.inconclusive} inconclusive, ${c.notChecked} not checkable${probe.decision ? ` \u2192 ${probe.decision}` : ""}${probeTiming(probe)}`;
  const wrong = probe.result.results.filter((r) => isWrong(r));
  const right = probe.result.results.filter((r) => !isWrong(r));
  const out = [`<details${open ? " open" : ""}><summary>${escapeMarkdown(title)}</summary>`, ""];
  for (const note of probe.result.coverage) out.push(`> ${escapeMarkdown(note)}`, "");
  out.push("| check | kind | expected | observed | classification |", "| --- | --- | --- | --- | --- |");
  for (const r of [...wrong.slice(0, MAX_WRONG), ...right.slice(0, MAX_RIGHT)]) {
    out.push(
      `| ${code(describeCheck(r.check))} | ${r.check.kind} | ${r.check.expect} | ${observedText(r)} | ${CLASS[r.classification]} |`
    );
  }
  const hidden = Math.max(0, wrong.length - MAX_WRONG) + Math.max(0, right.length - MAX_RIGHT);
  if (hidden > 0) out.push("", `${hidden} more checks are not shown (wrong cells first).`);
  out.push("", "</details>");
  return out;
}
function isWrong(r) {
  return r.classification === "deviation" || r.classification === "surprise" || r.classification === "inconclusive";
}
function observedText(r) {
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
function describeCheck(check) {
  const from = `${check.from.namespace}/${check.from.service ?? labelsText(check.from.labels)}`;
  const to = isDnsTarget(check.to) ? `DNS ${check.to.dns}` : isIpTarget(check.to) ? check.to.ip : `${check.to.namespace}/${check.to.service ?? check.to.pod}`;
  return `${from} -> ${to}:${check.port}/${check.protocol}`;
}
function labelsText(labels) {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",");
}
function reproductions(e) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
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
function reproduction(r, plan) {
  const check = r.check;
  const pod = plan.pods.find(
    (p) => p.metadata.name === check.from.pod && p.metadata.namespace === check.from.namespace
  );
  const header = `${escapeMarkdown(describeCheck(check))}: expected ${check.expect}, observed ${r.seen}${r.observed.outcome === "refused" ? " (refused)" : ""}`;
  const command = pod && reproduceCommand(check, pod, DEFAULT_PROBE_POD_OPTIONS.timeoutSeconds);
  if (command === void 0) {
    return `${header}. No probe pod was planned for this source: from a pod in namespace ${code(check.from.namespace)} with labels ${code(labelsText(check.from.labels))}, connect to ${code(describeCheck(check).split(" -> ")[1] ?? "")}.`;
  }
  return `${header}

<pre>${escapePre(command)}</pre>`;
}
function renderPullRequestResult(report, summaryUrl) {
  const ok = rolloutSucceeded(report);
  const lines = [
    `**netpol-rollout deploy of ${code(report.revision?.slice(0, 12) ?? "unknown revision")}: ${ok ? "\u2705 deployed" : "\u274C failed"}**`,
    ""
  ];
  for (const e of report.environments) {
    const probe = decidingProbe(e);
    const counts = probe ? ` (probes: ${probe.result.counts.passed} passed, ${probe.result.counts.failed} failed, ${probe.result.counts.inconclusive} inconclusive)` : "";
    lines.push(
      `- ${escapeMarkdown(e.environment)}: ${STATUS[e.status]}${counts}${e.reason && e.status !== "deployed" ? ` \u2014 ${escapeMarkdown(clip(e.reason, 200))}` : ""}`
    );
  }
  for (const r of report.refusals.slice(0, 5)) lines.push(`- refused: ${escapeMarkdown(clip(r, 200))}`);
  if (summaryUrl !== void 0) lines.push("", `[Full report in the job summary](${summaryUrl})`);
  return lines.join("\n");
}
function renderDriftSummary(report) {
  const unchecked = report.environments.filter((e) => e.skipped !== void 0).length;
  const headline = report.drift ? "\u2757 drift" : unchecked > 0 ? `\u23ED\uFE0F ${unchecked} environment${unchecked === 1 ? "" : "s"} not checked, no drift in the rest` : "\u2705 no drift";
  const out = [`## netpol-rollout drift watch: ${headline}`, ""];
  for (const e of report.environments) {
    if (e.skipped !== void 0) {
      out.push(`### ${escapeMarkdown(e.environment)}: \u23ED\uFE0F not checked`, "", escapeMarkdown(e.skipped), "");
      continue;
    }
    out.push(`### ${escapeMarkdown(e.environment)}: ${e.drift ? "\u2757 drift" : "\u2705 as recorded"}`, "");
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
        "| --- | --- | --- |"
      );
      for (const f of e.failing)
        out.push(`| ${code(f.check)} | ${f.expected} | ${escapeMarkdown(f.observed)} |`);
      out.push("");
    }
    if (e.pending !== void 0) out.push(`**Deploy pending**: ${escapeMarkdown(e.pending)}.`, "");
    for (const n of e.notes) out.push(`- ${escapeMarkdown(n)}`);
    if (e.probe && e.plan) {
      const record = { phase: "deploy", step: "drift", plan: e.plan, result: e.probe };
      out.push("", ...renderProbe(record, e.probe.counts.failed > 0));
    }
    out.push("");
  }
  return budgeted(out.join("\n"));
}
function budgeted(text) {
  return text.length <= SUMMARY_BUDGET ? text : `${clip(text, SUMMARY_BUDGET)}

(The report was cut at the job summary's size limit.)`;
}

// action/src/ports/lock.ts
var LockError = class extends Error {
  name = "LockError";
};
var LockBusyError = class extends LockError {
  constructor(message, holder, waitedMs) {
    super(message);
    this.holder = holder;
    this.waitedMs = waitedMs;
  }
  holder;
  waitedMs;
  name = "LockBusyError";
};
var LockLostError = class extends LockError {
  name = "LockLostError";
};

// action/src/rollout/lock.ts
var LOCK_LEASE_PREFIX = "netpol-rollout-lock";
function lockLeaseName(scope) {
  const parts = [LOCK_LEASE_PREFIX, scope.environment, ...scope.cluster ? [scope.cluster] : []];
  return parts.join("-").toLowerCase();
}
function holderIdentity(run, nonce) {
  return `${run.runId ?? "local"}-${run.attempt ?? "1"}-${nonce}`;
}
var ANNOTATION = "netpol-rollout.io/lock-";
function holderAnnotations(run) {
  const out = { [`${ANNOTATION}command`]: run.command };
  if (run.runId) out[`${ANNOTATION}run`] = run.runId;
  if (run.attempt) out[`${ANNOTATION}attempt`] = run.attempt;
  if (run.actor) out[`${ANNOTATION}actor`] = run.actor;
  if (run.url) out[`${ANNOTATION}url`] = run.url;
  return out;
}
var ACTIVITY_ANNOTATION = `${ANNOTATION}activity`;
var RELEASED_ANNOTATION = `${ANNOTATION}released`;
function holderOf(identity, annotations = {}) {
  const text = (key2) => {
    const value = annotations[`${ANNOTATION}${key2}`];
    return value === void 0 ? void 0 : leaseText(value);
  };
  const holder = { identity: leaseText(identity) };
  const fields = {
    command: "command",
    runId: "run",
    attempt: "attempt",
    actor: "actor",
    url: "url"
  };
  for (const [field, key2] of Object.entries(fields)) {
    const value = text(key2);
    if (value !== void 0) holder[field] = value;
  }
  return holder;
}
function leaseText(value) {
  const line = value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 199)}\u2026` : line;
}
function describeHolder(holder) {
  const what = holder.command ?? "a run";
  const run = holder.runId ? ` run ${holder.runId}${holder.attempt ? ` attempt ${holder.attempt}` : ""}` : ` (holder ${holder.identity})`;
  return `${what}${run}${holder.actor ? ` by ${holder.actor}` : ""}${holder.url ? ` (${holder.url})` : ""}`;
}
var LeaseObserver = class {
  constructor(fallbackSeconds) {
    this.fallbackSeconds = fallbackSeconds;
  }
  fallbackSeconds;
  seen;
  observe(reading, now) {
    if (!reading.holderIdentity) return { state: "free" };
    if (this.seen?.resourceVersion !== reading.resourceVersion) {
      this.seen = { resourceVersion: reading.resourceVersion, at: now };
    }
    const seconds2 = reading.leaseDurationSeconds !== void 0 && reading.leaseDurationSeconds > 0 ? reading.leaseDurationSeconds : this.fallbackSeconds;
    const unchangedMs = now - this.seen.at;
    const remainingMs = seconds2 * 1e3 - unchangedMs;
    return remainingMs <= 0 ? { state: "expired", unchangedMs } : { state: "held", unchangedMs, remainingMs };
  }
};
function renewalTiming(durationSeconds) {
  const ms = durationSeconds * 1e3;
  return {
    renewEveryMs: Math.round(ms / 4),
    retryEveryMs: Math.max(50, Math.round(ms / 12)),
    deadlineMs: Math.round(ms * 2 / 3)
  };
}
function microTime(at) {
  return `${at.toISOString().slice(0, -1)}000Z`;
}

// action/src/text/error-message.ts
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

// action/src/commands/deploy/outcome-log.ts
function blankOutcome(target, status, reason) {
  return {
    environment: target.intent.name,
    status,
    revision: target.revision,
    digest: bundleDigest(target.bundle),
    timeline: [],
    probes: [],
    ...reason === void 0 ? {} : { reason },
    evidence: [],
    notes: []
  };
}
function timelineEntry(now, phase, step, ok, detail) {
  return { at: now.toISOString(), phase, step, ok, detail };
}
var OutcomeLog = class {
  constructor(target, now) {
    this.now = now;
    this.outcome = blankOutcome(target, "deployed");
  }
  now;
  outcome;
  note(phase, step, ok, detail) {
    this.outcome.timeline.push(timelineEntry(this.now(), phase, step, ok, detail));
  }
  finish(status, reason) {
    this.outcome.status = status;
    if (reason !== void 0) this.outcome.reason = reason;
    return this.outcome;
  }
};

// action/src/commands/deploy/record.ts
var Recorder = class {
  constructor(item, request, deps, lkg, log, lock) {
    this.item = item;
    this.request = request;
    this.deps = deps;
    this.lkg = lkg;
    this.log = log;
    this.lock = lock;
  }
  item;
  request;
  deps;
  lkg;
  log;
  lock;
  /** What this run last said runs (undefined: the run changed nothing, so it leaves the record as it was). */
  latest;
  proven = false;
  get env() {
    return this.item.target.intent.name;
  }
  /** What runs now by the record: what this run last recorded, else what the record said when it started. */
  current() {
    return this.latest ?? this.item.history.running;
  }
  /** The environment holds `holding` now (a step applied, or read back): recorded at once. */
  async holds(holding) {
    this.proven = false;
    await this.write(void 0, this.running(holding));
  }
  /** The target deployed and proven: the new last-known-good. False when it could not be written. */
  async deployed(holding, result) {
    const target = this.item.target;
    this.proven = true;
    return this.write(
      {
        environment: this.env,
        action: this.request.action,
        proven: true,
        revision: target.revision,
        digest: bundleDigest(target.bundle),
        recordedAt: this.deps.now().toISOString(),
        run: this.request.run,
        ...this.auditFields(),
        probe: tally(result),
        bundle: target.bundle,
        intent: recordIntent(target.intent),
        ...checkIds(result)
      },
      this.running({ ...holding, provenance: this.request.action })
    );
  }
  /** The target was not proven (`result` is its last probe, if any). */
  async audit(result, reason) {
    const target = this.item.target;
    await this.write({
      environment: this.env,
      action: this.request.action,
      proven: false,
      revision: target.revision,
      digest: bundleDigest(target.bundle),
      recordedAt: this.deps.now().toISOString(),
      run: this.request.run,
      ...this.auditFields(reason),
      probe: result === void 0 ? { passed: 0, failed: 0, inconclusive: 0 } : tally(result)
    });
  }
  /** The automatic rollback to `restore`, proven again by its re-probe or not. */
  async rollback(restore, holding, result, proven, reason) {
    const lkg = restore.entry;
    const common = {
      environment: this.env,
      action: "rollback",
      revision: lkg.revision,
      digest: lkg.digest,
      recordedAt: this.deps.now().toISOString(),
      run: this.request.run,
      reason: `automatic: ${reason}`,
      from: { revision: this.item.target.revision, digest: bundleDigest(this.item.target.bundle) },
      probe: tally(result)
    };
    this.proven = proven;
    await this.write(
      proven ? {
        ...common,
        proven: true,
        bundle: lkg.bundle,
        intent: recordIntent(restore.intent),
        ...checkIds(result)
      } : { ...common, proven: false },
      this.running(holding)
    );
  }
  /**
   * How the run ended, on the running record, when the run changed what runs (a run that
   * changed nothing leaves the record as it was). Never throws: a failure is on the timeline.
   */
  async finish(outcome) {
    if (this.latest === void 0) return;
    await this.write(void 0, {
      ...this.latest,
      recordedAt: this.deps.now().toISOString(),
      outcome: {
        status: outcome.status,
        ...outcome.reason === void 0 ? {} : { reason: outcome.reason }
      }
    });
  }
  running(holding) {
    this.latest = {
      environment: this.env,
      provenance: holding.provenance,
      revision: holding.revision,
      digest: bundleDigest(holding.bundle),
      bundle: {
        ...holding.bundle,
        excludedNamespaces: [...this.item.target.intent.excludedNamespaces]
      },
      intent: recordIntent(holding.intent),
      ...holding.from === void 0 ? {} : { from: holding.from },
      ...holding.breakGlass === void 0 ? {} : { breakGlass: [...holding.breakGlass] },
      proven: this.proven,
      recordedAt: this.deps.now().toISOString(),
      action: this.request.action,
      run: this.request.run
    };
    return this.latest;
  }
  auditFields(reason) {
    const why = [this.request.reason, reason].filter((r) => r !== void 0 && r !== "").join("; ");
    const lkg = this.lkg;
    return {
      ...why === "" ? {} : { reason: why },
      ...this.request.action === "rollback" && lkg !== void 0 ? { from: { revision: lkg.revision, digest: lkg.digest } } : {}
    };
  }
  async write(entry, running) {
    try {
      await this.lock.confirm("record");
      let history = entry === void 0 ? this.item.history : appendEntry(this.item.history, entry);
      if (running !== void 0) history = { ...history, running };
      await this.deps.history.write(history);
      this.item.history = history;
      const where = this.deps.history.describe(this.env);
      if (entry === void 0)
        this.deps.log(`${this.env}: recorded in ${where}: ${describeRunning(running)}`);
      else
        this.log.note(
          "record",
          entry.proven ? "last-known-good" : "history",
          true,
          `${where}: entry #${history.entries[0]?.seq}`
        );
      return true;
    } catch (error) {
      this.log.note(
        "record",
        entry === void 0 ? "running" : "history",
        false,
        `${this.deps.history.describe(this.env)}: ${errorMessage(error)}`
      );
      return false;
    }
  }
};
function tally(result) {
  return {
    passed: result.counts.passed,
    failed: result.counts.failed,
    inconclusive: result.counts.inconclusive
  };
}
function checkIds(result) {
  const baseline = baselineFrom(result.results);
  return { passedChecks: [...baseline.passed], failedChecks: [...baseline.failed] };
}

// action/src/probe/inconclusive.ts
function inconclusiveResult(plan, why) {
  const results = plan.checks.map(
    (check) => check.expect === "cannot-check" ? {
      check,
      observed: { outcome: "cannot-check", evidence: "planned", message: check.reason },
      seen: "cannot-check",
      classification: "not-checked",
      attempts: 0
    } : {
      check,
      observed: { outcome: "cannot-check", evidence: "probe-error", message: why },
      seen: "cannot-check",
      classification: "inconclusive",
      attempts: 0
    }
  );
  const notChecked = results.filter((r) => r.classification === "not-checked").length;
  return {
    environment: plan.environment,
    results,
    counts: { passed: 0, failed: 0, inconclusive: results.length - notChecked, notChecked },
    rounds: 0,
    warnings: [why],
    coverage: []
  };
}

// action/src/commands/deploy/steps.ts
var Steps = class {
  constructor(item, deps, log, signal, lock, changed) {
    this.item = item;
    this.deps = deps;
    this.log = log;
    this.signal = signal;
    this.lock = lock;
    this.changed = changed;
    this.holding = {
      bundle: item.live,
      revision: item.target.revision,
      intent: item.target.intent,
      provenance: "deploy"
    };
    this.previous = item.live;
  }
  item;
  deps;
  log;
  signal;
  lock;
  changed;
  /** What the environment holds now. */
  holding;
  /** What it held before the last step applied. */
  previous;
  /** Steps applied so far. */
  applied = 0;
  get current() {
    return this.holding.bundle;
  }
  get env() {
    return this.item.target.intent.name;
  }
  /** Deploys one step's exact object set. Returns the error when the engine failed. */
  async apply(phase, step, toward) {
    const bundle = {
      ...step.bundle,
      excludedNamespaces: [...this.item.target.intent.excludedNamespaces]
    };
    const detail = step.namespaces.filter((n) => n.action !== "unchanged").map((n) => `${n.namespace}: ${n.action} (${n.allow} allow, ${n.deny} deny)`).join("; ");
    await this.lock.confirm(`${phase} ${step.kind}`);
    try {
      const file = await this.deps.files.write(this.env, `${phase}-${this.applied + 1}-${step.kind}`, bundle);
      this.deps.log(`${this.env}: ${phase} step ${step.kind}: ${detail || "no namespace changes"}`);
      await this.deps.engine.up(this.env, {
        stage: "enforce",
        bundleFile: file,
        ...toward.revision === null ? {} : { revision: toward.revision }
      });
    } catch (error) {
      this.log.note(phase, step.kind, false, `${detail}: ${errorMessage(error)}`);
      return error ?? new Error("unknown engine failure");
    }
    this.applied++;
    this.previous = this.current;
    this.holding = { ...toward, bundle: step.bundle };
    this.log.note(phase, step.kind, true, detail || "no namespace changes");
    await this.changed(this.holding);
    return void 0;
  }
  /**
   * Plans and runs the probes of what the environment holds now, from the intent of the
   * revision it holds, expecting `before` as what it held before. Undefined when cancelled.
   */
  async probe(phase, step, before) {
    await this.lock.confirm(`${phase} probe ${step}`);
    const plan = this.deps.probes.plan({
      environment: this.holding.intent,
      bundle: this.current,
      before,
      cluster: this.item.cluster
    });
    let result;
    try {
      result = await this.deps.probes.run(plan, this.signal);
    } catch (error) {
      if (this.signal.aborted) return this.stopped();
      result = inconclusiveResult(plan, `the probe run failed: ${errorMessage(error)}`);
    }
    if (this.signal.aborted) return this.stopped();
    const record = { phase, step, plan, result };
    this.log.outcome.probes.push(record);
    const c = result.counts;
    this.log.note(
      phase,
      `probe ${step}`,
      c.failed === 0 && c.inconclusive === 0,
      `${c.passed} passed, ${c.failed} failed, ${c.inconclusive} inconclusive, ${c.notChecked} not checkable`
    );
    return record;
  }
  /** Undefined for a cancelled job; a lost lock throws. */
  stopped() {
    if (this.lock.lost.aborted) throw this.lock.lost.reason;
    return void 0;
  }
  /** Reads back what the environment holds after a step the engine did not finish, and records it. */
  async readBack(toward) {
    const cluster = await this.deps.readCluster();
    this.holding = {
      ...toward,
      provenance: "read-back",
      bundle: liveBundle(this.env, this.item.target.bundle.cni, cluster.policies)
    };
    await this.changed(this.holding);
  }
};

// action/src/commands/deploy/environment-run.ts
function runEnvironment(request, deps, item, lock) {
  return new EnvironmentRun(request, deps, item, lock).execute();
}
var EnvironmentRun = class {
  constructor(request, deps, item, lock) {
    this.request = request;
    this.item = item;
    this.lock = lock;
    this.deps = deps;
    this.log = new OutcomeLog(item.target, deps.now);
    this.signal = request.signal ? AbortSignal.any([request.signal, lock.lost]) : lock.lost;
    this.restore = item.restore;
    this.baseline = this.restore === void 0 ? void 0 : baselineOf(this.restore.entry);
    this.record = new Recorder(item, request, deps, this.restore?.entry, this.log, lock);
    this.steps = new Steps(item, deps, this.log, this.signal, lock, (holding) => this.record.holds(holding));
  }
  request;
  item;
  lock;
  log;
  steps;
  deps;
  record;
  /** The last-known-good and the intent its re-probe plans from. */
  restore;
  baseline;
  /** The job's cancellation, or the run lock lost: either stops the run. */
  signal;
  get env() {
    return this.item.target.intent.name;
  }
  /** Runs the environment, then says on the running record how the run ended. */
  async execute() {
    try {
      this.log.outcome.notes.push(...this.item.notes);
      const outcome = await this.run();
      if (this.request.action === "rollback" && outcome.status === "deployed") {
        outcome.rollback = { from: this.liveRef().revision, to: this.item.target.revision, automatic: false };
      }
      await this.record.finish(outcome);
      const running = this.record.current();
      if (running !== void 0) {
        outcome.running = {
          revision: running.revision,
          digest: running.digest,
          provenance: running.provenance
        };
      }
      return outcome;
    } catch (error) {
      if (!(error instanceof LockLostError)) throw error;
      return this.log.finish(
        "failed",
        `${error.message}; stopped before its next change after ${this.steps.applied} applied step${this.steps.applied === 1 ? "" : "s"}, nothing was recorded`
      );
    }
  }
  /** What the environment held when the run started, by the record when it says so. */
  liveRef() {
    const digest = bundleDigest(this.item.live);
    const running = this.item.history.running;
    const lkg = this.restore?.entry;
    const revision = running?.digest === digest ? running.revision : lkg?.digest === digest ? lkg.revision : null;
    return { revision, digest };
  }
  /** Where the target's steps lead. */
  towardTarget(provenance) {
    const target = this.item.target;
    return { revision: target.revision, intent: target.intent, provenance, from: this.liveRef() };
  }
  /** Throws the lost lock's error when that is why the run's signal aborted. */
  stopIfLockLost() {
    if (this.lock.lost.aborted) throw this.lock.lost.reason;
  }
  async run() {
    const target = this.item.target;
    if (this.lock.previous) {
      const p = this.lock.previous;
      this.log.outcome.notes.push(
        `the run lock was taken over from ${describeHolder(p.holder)}, which stopped renewing it${p.activity ? ` at "${p.activity}"` : ""} (its Lease stood unchanged for ${Math.round(p.unchangedMs / 1e3)} s): that run ended without finishing`
      );
    }
    this.log.note("pre-flight", "check", true, this.lkgSummary());
    let steps;
    try {
      steps = planTransition(this.item.live, target.bundle).steps;
    } catch (error) {
      if (!(error instanceof TransitionError)) throw error;
      return this.log.finish("failed", `cannot plan a safe transition: ${error.message}`);
    }
    if (steps.length === 0)
      this.log.note("deploy", "apply", true, "the cluster already holds this revision's objects; probing it");
    let last;
    let decision;
    const todo = steps.length === 0 ? [void 0] : steps;
    for (const step of todo) {
      this.stopIfLockLost();
      if (this.signal.aborted) return this.log.finish("cancelled", "the job was cancelled between steps");
      if (step !== void 0) {
        const failure = await this.steps.apply("deploy", step, this.towardTarget(step.kind));
        if (failure !== void 0) return this.engineFailed(failure);
      }
      const before = step === void 0 ? this.steps.current : this.steps.previous;
      const probed = await this.steps.probe("deploy", step?.kind ?? "verify", before);
      if (probed === void 0) return this.log.finish("cancelled", "the job was cancelled while probing");
      last = probed.result;
      decision = decideAfterDeploy(last.results, this.baseline, this.request.onInconclusive);
      probed.decision = decision.action;
      this.log.outcome.notes.push(...decision.action === "continue" ? decision.notes : []);
      if (decision.action !== "continue") break;
    }
    if (decision === void 0 || last === void 0)
      return this.log.finish("failed", "internal: nothing was probed");
    if (decision.action === "continue" && (this.item.cutover?.remove.length ?? 0) > 0) {
      const replaced = await this.removeReplaced();
      if ("outcome" in replaced) return replaced.outcome;
      last = replaced.probe;
    }
    switch (decision.action) {
      case "continue":
        if (!await this.record.deployed(this.steps.holding, last))
          return this.log.finish(
            "failed",
            "deployed and proven, but the last-known-good record could not be written"
          );
        return this.log.finish("deployed");
      case "rollback":
        this.log.outcome.evidence = decision.triggers;
        return this.rollback(decision.reason);
      case "break-glass":
        this.log.outcome.evidence = decision.triggers;
        return this.breakGlass(decision.triggers, last.results, decision.reason);
      case "fail":
        this.log.outcome.evidence = decision.evidence;
        await this.record.audit(last, decision.reason);
        return this.log.finish("failed", `${decision.reason}; nothing was rolled back`);
    }
  }
  /**
   * The first deploy of an environment that replaces a cluster's own policies, deployed and
   * proven beside them: removes them (each only as read), and probes the environment without
   * them. When that fails, they are put back as they were and the deploy fails; the
   * environment stays deployed beside them, as proven before.
   */
  async removeReplaced() {
    const cutover = this.item.cutover;
    const foreign = this.deps.foreign;
    const removed = [];
    const names = (list2) => list2.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(", ");
    const putBack = async (why) => {
      const failed = [];
      for (const policy of removed) {
        try {
          await foreign.restore(policy);
        } catch (error) {
          failed.push(`${policy.metadata.namespace}/${policy.metadata.name} (${errorMessage(error)})`);
        }
      }
      this.log.note(
        "deploy",
        "restore replaced",
        failed.length === 0,
        failed.length === 0 ? `put back ${names(removed)}` : `could not put back ${failed.join(", ")}`
      );
      await this.record.audit(void 0, why);
      return this.log.finish(
        "failed",
        `${why}; ${failed.length === 0 ? `the replaced policies were put back (${names(removed)})` : `PUT BACK BY HAND: ${failed.join(", ")}`}; the environment stays deployed beside them`
      );
    };
    for (const policy of cutover.remove) {
      await this.lock.confirm(`deploy remove replaced ${policy.metadata.namespace}/${policy.metadata.name}`);
      try {
        await foreign.remove(policy);
        removed.push(policy);
      } catch (error) {
        return {
          outcome: await putBack(
            `removing the replaced policy ${policy.metadata.namespace}/${policy.metadata.name} failed: ${errorMessage(error)}`
          )
        };
      }
    }
    this.log.note("deploy", "remove replaced", true, `removed ${names(removed)}`);
    const gone = new Set(removed.map((p) => `${p.metadata.namespace}/${p.metadata.name}`));
    this.item.cluster = {
      ...this.item.cluster,
      policies: this.item.cluster.policies.filter(
        (p) => p.kind !== "NetworkPolicy" || !gone.has(`${p.metadata.namespace}/${p.metadata.name}`) || p.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY_VALUE
      )
    };
    const probed = await this.steps.probe("deploy", "without the replaced policies", this.steps.current);
    if (probed === void 0)
      return {
        outcome: this.log.finish(
          "cancelled",
          "the job was cancelled while probing without the replaced policies"
        )
      };
    const decision = decideAfterDeploy(probed.result.results, this.baseline, this.request.onInconclusive);
    probed.decision = decision.action;
    if (decision.action !== "continue") {
      this.log.outcome.evidence = decision.action === "fail" ? decision.evidence : decision.triggers;
      return { outcome: await putBack(`without the replaced policies: ${decision.reason}`) };
    }
    for (const byHand of cutover.byHand)
      this.log.outcome.notes.push(
        `${byHand} is replaced too: remove it by hand (kubectl delete), the deploy removes NetworkPolicies only`
      );
    return { probe: probed.result };
  }
  /** The engine failed mid-step: record what it left, and restore the last-known-good when there is one. */
  async engineFailed(error) {
    const locked = isLocked(error);
    if (locked && this.steps.applied === 0) {
      this.log.outcome.recovery = lockRecovery(stackOf(error) ?? this.env, this.lock);
      return this.log.finish("refused", `${errorMessage(error)}; nothing was changed`);
    }
    const reason = `the engine failed: ${errorMessage(error)}`;
    try {
      await this.steps.readBack(this.towardTarget("read-back"));
    } catch (readError) {
      await this.record.audit(void 0, reason);
      return this.log.finish(
        "failed",
        `${reason}; the cluster could not be read back${this.restore === void 0 || locked ? "" : " to roll back"}: ${errorMessage(readError)}`
      );
    }
    if (this.restore === void 0 || locked) {
      await this.record.audit(void 0, reason);
      return this.log.finish(
        "failed",
        `${reason}; ${locked ? "the stack is locked, so nothing else can be done" : "there is no last-known-good revision to restore"}`
      );
    }
    return this.rollback(reason);
  }
  /**
   * Deploys the last-known-good again (the same safe transitions), probes it as the revision
   * it is (its own intent), and decides.
   */
  async rollback(reason) {
    const restore = this.restore;
    if (restore === void 0)
      return this.log.finish("failed", `${reason}; there is no last-known-good revision`);
    const lkg = restore.entry;
    this.log.outcome.reason = reason;
    this.log.note("rollback", "start", true, `to ${describeEntry(lkg)} because ${reason}`);
    const failedSet = this.steps.current;
    const toward = {
      revision: lkg.revision,
      intent: restore.intent,
      provenance: "rollback",
      from: { revision: this.item.target.revision, digest: bundleDigest(this.item.target.bundle) }
    };
    let steps;
    try {
      steps = planTransition(this.steps.current, lkg.bundle).steps;
    } catch (error) {
      return this.log.finish("failed", `${reason}; the rollback cannot be planned: ${errorMessage(error)}`);
    }
    for (const step of steps) {
      const failure = await this.steps.apply("rollback", step, toward);
      if (failure !== void 0) {
        await this.recordReadBack(toward);
        await this.record.audit(void 0, `${reason}; the rollback failed`);
        return this.log.finish(
          "failed",
          `${reason}; the rollback to ${describeEntry(lkg)} failed: ${errorMessage(failure)}`
        );
      }
    }
    if (steps.length === 0) this.steps.holding = { ...toward, bundle: this.steps.current };
    this.log.outcome.rolledBackTo = { revision: lkg.revision, digest: lkg.digest, seq: lkg.seq };
    this.log.outcome.rollback = { from: this.item.target.revision, to: lkg.revision, automatic: true };
    const probed = await this.steps.probe("rollback", "re-probe", failedSet);
    if (probed === void 0)
      return this.log.finish("cancelled", "the job was cancelled while re-probing the rollback");
    const decision = decideAfterRollback(probed.result.results, baselineOf(lkg));
    probed.decision = decision.action;
    switch (decision.action) {
      case "continue":
        await this.record.rollback(restore, this.steps.holding, probed.result, true, reason);
        return this.log.finish(
          "rolled-back",
          `${reason}; rolled back to ${describeEntry(lkg)}, and its re-probe passed`
        );
      case "break-glass":
        await this.record.rollback(restore, this.steps.holding, probed.result, false, reason);
        return this.breakGlass(decision.triggers, probed.result.results, `${reason}; ${decision.reason}`);
      case "rollback":
      case "fail":
        this.log.outcome.evidence = decision.action === "fail" ? decision.evidence : decision.triggers;
        await this.record.rollback(restore, this.steps.holding, probed.result, false, reason);
        return this.log.finish(
          "rolled-back",
          `${reason}; rolled back to ${describeEntry(lkg)}, but its re-probe failed: ${decision.reason}`
        );
    }
  }
  /** After a failed engine run on the way back: what it left, recorded when it can be read. */
  async recordReadBack(toward) {
    try {
      await this.steps.readBack(toward);
    } catch (error) {
      this.log.note("record", "running", false, `the cluster could not be read back: ${errorMessage(error)}`);
    }
  }
  /**
   * Break-glass for `lost` (checks whose connectivity stays lost), only where a policy can be
   * the cause: each callee is checked first (break-glass.ts) and a lost check whose callee is
   * unreachable lifts nothing; the default-deny of the managed namespaces involved is removed
   * from what the environment holds (allows stay), and it is probed again as the revision it
   * holds. Unless every lost check it was lifted for connects then, the denies are restored
   * at once and the run fails: not a policy problem. Either way the run fails loudly.
   */
  async breakGlass(lost, results, reason) {
    this.log.outcome.reason = reason;
    if (this.request.breakGlass === "never")
      return this.log.finish(
        this.refused,
        `${reason}; break-glass is off (break-glass: never), every default-deny stays`
      );
    let cluster;
    try {
      cluster = await this.deps.readCluster();
    } catch (error) {
      return this.log.finish(
        this.refused,
        `${reason}; break-glass refused: the callees could not be checked (${errorMessage(error)}), every default-deny stays`
      );
    }
    const findings = checkCallees(lost, results, cluster);
    for (const f of findings)
      this.log.note(
        "break-glass",
        "callee",
        f.reachable,
        `${f.callee} ${f.reachable ? "reachable" : "unreachable"}: ${f.reason}`
      );
    const unreachable = findings.filter((f) => !f.reachable);
    const gone = unreachable.length === 0 ? "" : `; not a policy problem: ${unreachable.map((f) => `${f.callee} is unreachable (${f.reason})`).join("; ")}`;
    const policyCaused = findings.filter((f) => f.reachable).map((f) => f.result);
    const holding = this.steps.holding;
    const namespaces = liftableNamespaces(holding.bundle, policyCaused);
    if (namespaces.length === 0) {
      return this.log.finish(
        this.refused,
        `${reason}${gone || "; no managed namespace's default-deny is involved"}; break-glass refused, every default-deny stays`
      );
    }
    const step = breakGlassStep(this.steps.current, holding.bundle, namespaces);
    this.log.note(
      "break-glass",
      "start",
      true,
      `removing the default-deny of ${namespaces.join(", ")} because ${reason}`
    );
    const before = this.steps.current;
    const toward = {
      revision: holding.revision,
      intent: holding.intent,
      provenance: "break-glass",
      from: { revision: holding.revision, digest: bundleDigest(holding.bundle) },
      breakGlass: namespaces
    };
    const failure = await this.steps.apply("break-glass", step, toward);
    if (failure !== void 0) {
      await this.recordReadBack(toward);
      return this.log.finish("failed", `${reason}; break-glass failed: ${errorMessage(failure)}`);
    }
    this.log.outcome.breakGlass = namespaces;
    const probed = await this.steps.probe("break-glass", "probe", before);
    if (probed === void 0)
      return this.log.finish("cancelled", "the job was cancelled while probing after break-glass");
    const keys = new Set(policyCaused.map((r) => checkKey(r.check)));
    const again = probed.result.results.filter((r) => keys.has(checkKey(r.check)));
    const back = again.filter(isPassed).map((r) => checkKey(r.check));
    if (back.length < keys.size || again.some((r) => !isPassed(r)))
      return this.restoreDenies(holding, namespaces, reason);
    const c = probed.result.counts;
    return this.log.finish(
      "break-glass",
      `${reason}${gone}; BREAK-GLASS: the default-deny of ${namespaces.join(", ")} was removed (allows kept); probe after break-glass: ${c.passed} passed, ${c.failed} failed, ${c.inconclusive} inconclusive. The environment is not enforced until a fixed revision is deployed`
    );
  }
  /** The loss outlived the lifted denies: put back what was held before, at once, and fail. */
  async restoreDenies(held, namespaces, reason) {
    const persisted = `not a policy problem: the loss persisted with the default-deny of ${namespaces.join(", ")} lifted`;
    const notRestored = (error) => this.log.finish(
      "break-glass",
      `${reason}; ${persisted}, and restoring it failed: ${errorMessage(error)}. The default-deny of ${namespaces.join(", ")} is NOT in place`
    );
    const { bundle, ...toward } = held;
    let steps;
    try {
      steps = planTransition(this.steps.current, bundle).steps;
    } catch (error) {
      return notRestored(error);
    }
    for (const step of steps) {
      const failure = await this.steps.apply("break-glass", step, toward);
      if (failure !== void 0) {
        await this.recordReadBack(toward);
        return notRestored(failure);
      }
    }
    delete this.log.outcome.breakGlass;
    return this.log.finish(this.refused, `${reason}; ${persisted}, so it was restored at once`);
  }
  /** How a run that lifted no deny in the end ends: rolled back if it was, else failed. */
  get refused() {
    return this.log.outcome.rolledBackTo === void 0 ? "failed" : "rolled-back";
  }
  lkgSummary() {
    return this.restore === void 0 ? "no last-known-good revision yet (first deploy): connectivity lost falls back to the allows without the default-deny" : `last-known-good: ${describeEntry(this.restore.entry)} (its intent from the ${this.restore.via})`;
  }
};
function isLocked(error) {
  return error instanceof Error && error.name === "StackLockedError";
}
function stackOf(error) {
  const m = error instanceof Error ? /stack (\S+) is locked/.exec(error.message) : null;
  return m?.[1];
}
function lockRecovery(stack, lock) {
  const steps = `remove the lock with \`pulumi cancel --stack ${stack} --yes\` from a checkout logged in to the same backend, run \`pulumi refresh --stack ${stack} --yes\` to settle operations the interrupted update left pending, then re-run this job; never delete a lock while an update is running`;
  const previous = lock.previous;
  if (previous) {
    return `the stack lock was most likely left by ${describeHolder(previous.holder)}: it held this environment's run lock and stopped renewing it${previous.activity ? ` at "${previous.activity}"` : ""}, so it ended without finishing. Make sure that run and its \`pulumi\` process have ended (its page shows it finished or cancelled; a self-hosted runner may have left the process behind), then ${steps}`;
  }
  return `no run of netpol-rollout holds this environment's run lock (${lock.description} is ours), so the stack is locked by something else: a person running \`pulumi up\` by hand, another tool, or a run killed before this lock existed. If nothing is running, ${steps}`;
}

// action/src/commands/deploy/request.ts
var DEFAULT_LOCK_WAIT_MS = 15 * 6e4;

// action/src/commands/deploy/locks.ts
async function takeLocks(request, deps, report) {
  const held = /* @__PURE__ */ new Map();
  for (const target of request.targets) {
    const env = target.intent.name;
    try {
      const lock = await deps.locks.acquire(
        { environment: env },
        {
          waitMs: request.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS,
          ...request.signal === void 0 ? {} : { signal: request.signal },
          onWait: (holder, expiresInMs) => deps.log(
            `${env}: waiting for the run lock ${deps.locks.describe({ environment: env })}, held by ${describeHolder(holder)} (it counts as gone after ${Math.ceil(expiresInMs / 1e3)} s without a renewal)`
          )
        }
      );
      held.set(env, lock);
    } catch (error) {
      if (!(error instanceof LockError)) throw error;
      await releaseLocks(held);
      report.refusals.push(`${env}: ${error.message}`);
      for (const t of request.targets) {
        const mine = t === target;
        const outcome = blankOutcome(
          t,
          mine ? "refused" : "skipped",
          mine ? "another run holds this environment's run lock; nothing was changed" : "the run lock of another environment could not be taken; nothing was changed"
        );
        if (mine)
          outcome.timeline.push(timelineEntry(deps.now(), "pre-flight", "lock", false, error.message));
        report.environments.push(outcome);
      }
      return void 0;
    }
  }
  return held;
}
async function releaseLocks(held) {
  for (const lock of held.values()) await lock.release();
}

// action/src/import/originals.ts
function stripSource(key2) {
  return key2.startsWith("k8s:") || key2.startsWith("any:") ? key2.slice(4) : key2;
}
var CILIUM_NAMESPACE_KEY = "io.kubernetes.pod.namespace";
var METADATA_NAME = "kubernetes.io/metadata.name";
function fromNetworkPolicy(np, source) {
  const namespace = np.metadata.namespace ?? "default";
  const spec = np.spec;
  const ingress = spec.ingress ?? [];
  const egress = spec.egress ?? [];
  const types = spec.policyTypes ?? [];
  const isolates = types.length === 0 ? { ingress: true, egress: egress.length > 0 } : { ingress: types.includes("Ingress"), egress: types.includes("Egress") };
  const rule = (direction, index, peers, ports) => {
    const out = { direction, index };
    if (peers && peers.length > 0) out.peers = peers.map(npPeer);
    if (ports && ports.length > 0) out.ports = ports.map(npPort);
    return out;
  };
  return {
    kind: "NetworkPolicy",
    namespace,
    name: np.metadata.name,
    label: `NetworkPolicy ${namespace}/${np.metadata.name}`,
    ...source ? { source } : {},
    object: np,
    podSelector: spec.podSelector ?? {},
    isolates,
    rules: [
      ...(isolates.ingress ? ingress : []).map((r, i) => rule("ingress", i, r?.from, r?.ports)),
      ...(isolates.egress ? egress : []).map((r, i) => rule("egress", i, r?.to, r?.ports))
    ]
  };
}
function npPeer(p) {
  if (p.ipBlock) return { kind: "cidr", cidr: p.ipBlock.cidr, except: [...p.ipBlock.except ?? []] };
  const out = { kind: "pods" };
  if (p.namespaceSelector) out.namespaceSelector = p.namespaceSelector;
  if (p.podSelector) out.podSelector = p.podSelector;
  return out;
}
function npPort(p) {
  const out = { protocol: p.protocol ?? "TCP" };
  if (p.port !== void 0 && p.port !== null) out.port = p.port;
  if (typeof p.endPort === "number") out.endPort = p.endPort;
  return out;
}
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function list(v) {
  return Array.isArray(v) ? v : [];
}
function ciliumSelector(raw) {
  const sel = isObject(raw) ? raw : {};
  const matchLabels = {};
  let namespace;
  for (const [k, v] of Object.entries(isObject(sel["matchLabels"]) ? sel["matchLabels"] : {})) {
    const key2 = stripSource(k);
    if (key2 === CILIUM_NAMESPACE_KEY) namespace = String(v);
    else if (key2.startsWith("io.cilium.") || key2.startsWith("io.kubernetes."))
      return { pods: {}, unsaid: `selects by the Cilium label ${k}` };
    else matchLabels[key2] = String(v);
  }
  const expressions = list(sel["matchExpressions"]).filter(isObject).map((e) => ({
    key: stripSource(String(e["key"])),
    operator: String(e["operator"]),
    ...Array.isArray(e["values"]) ? { values: e["values"].map(String) } : {}
  }));
  if (expressions.some((e) => e.key === CILIUM_NAMESPACE_KEY))
    return { pods: {}, unsaid: "chooses namespaces with matchExpressions" };
  const pods = {};
  if (Object.keys(matchLabels).length > 0) pods.matchLabels = matchLabels;
  if (expressions.length > 0) pods.matchExpressions = expressions;
  return namespace === void 0 ? { pods } : { pods, namespace };
}
var CILIUM_RULE_KEYS = {
  ingress: /* @__PURE__ */ new Set(["fromEndpoints", "fromCIDR", "fromCIDRSet", "toPorts"]),
  egress: /* @__PURE__ */ new Set(["toEndpoints", "toCIDR", "toCIDRSet", "toFQDNs", "toPorts"])
};
function fromCiliumPolicy(cnp, source) {
  const namespace = cnp.metadata.namespace ?? "default";
  const base = {
    kind: "CiliumNetworkPolicy",
    namespace,
    name: cnp.metadata.name,
    label: `CiliumNetworkPolicy ${namespace}/${cnp.metadata.name}`,
    ...source ? { source } : {},
    object: cnp
  };
  const spec = isObject(cnp.spec) ? cnp.spec : void 0;
  const refuse = (why) => ({
    ...base,
    podSelector: {},
    isolates: { ingress: false, egress: false },
    rules: [],
    unsaid: why
  });
  if (!spec) return refuse("it has no spec (a specs list is not read)");
  for (const key2 of Object.keys(spec)) {
    if (!["endpointSelector", "ingress", "egress", "description"].includes(key2))
      return refuse(`spec.${key2} has no equivalent in a NetworkPolicy`);
  }
  const target = ciliumSelector(spec["endpointSelector"]);
  if (target.unsaid) return refuse(`its endpointSelector ${target.unsaid}`);
  const rules = [];
  for (const direction of ["ingress", "egress"]) {
    const section = spec[direction];
    if (section === void 0) continue;
    const prefix = direction === "ingress" ? "from" : "to";
    list(section).forEach((raw, index) => {
      const r = isObject(raw) ? raw : {};
      const rule = { direction, index };
      const unknown = Object.keys(r).find((k) => !CILIUM_RULE_KEYS[direction].has(k));
      if (unknown)
        rule.unsaid = `${direction} rule ${index + 1}: ${unknown} has no equivalent in a NetworkPolicy`;
      const peers = [];
      let restricted = false;
      for (const sel of list(r[`${prefix}Endpoints`])) {
        restricted = true;
        const s = ciliumSelector(sel);
        if (s.unsaid) rule.unsaid ??= `${direction} rule ${index + 1}: an endpoint ${s.unsaid}`;
        peers.push({
          kind: "pods",
          podSelector: s.pods,
          namespaceSelector: { matchLabels: { [METADATA_NAME]: s.namespace ?? namespace } }
        });
      }
      for (const cidr of list(r[`${prefix}CIDR`])) {
        restricted = true;
        peers.push({ kind: "cidr", cidr: String(cidr), except: [] });
      }
      for (const set of list(r[`${prefix}CIDRSet`]).filter(isObject)) {
        restricted = true;
        if (set["cidrGroupRef"] !== void 0) rule.unsaid ??= `${direction} rule ${index + 1}: a CIDR group`;
        peers.push({ kind: "cidr", cidr: String(set["cidr"]), except: list(set["except"]).map(String) });
      }
      for (const f of list(r["toFQDNs"]).filter(isObject)) {
        restricted = true;
        if (f["matchName"] === void 0)
          rule.unsaid ??= `${direction} rule ${index + 1}: toFQDNs matchPattern ${String(f["matchPattern"])} (the intent names each host)`;
        else peers.push({ kind: "fqdn", name: String(f["matchName"]).toLowerCase().replace(/\.$/, "") });
      }
      if (restricted) rule.peers = peers;
      const ports = [];
      for (const entry of list(r["toPorts"]).filter(isObject)) {
        const l7 = entry["rules"];
        if (isObject(l7)) {
          const dns = list(l7["dns"]);
          if (Object.keys(l7).length === 1 && dns.length > 0 && direction === "egress") rule.dnsProxy = true;
          else rule.unsaid ??= `${direction} rule ${index + 1}: L7 rules (${Object.keys(l7).join(", ")})`;
        }
        for (const p of list(entry["ports"]).filter(isObject)) {
          const protocolText = String(p["protocol"] ?? "ANY").toUpperCase();
          const protocols = protocolText === "ANY" ? ["TCP", "UDP"] : [protocolText];
          const portText = String(p["port"] ?? "0");
          for (const protocol of protocols) {
            if (portText === "0" || portText === "") ports.push({ protocol });
            else if (/^\d+$/.test(portText)) {
              const port = { protocol, port: Number(portText) };
              if (typeof p["endPort"] === "number") port.endPort = p["endPort"];
              ports.push(port);
            } else ports.push({ protocol, port: portText });
          }
        }
      }
      if (ports.length > 0) rule.ports = ports;
      rules.push(rule);
    });
  }
  return {
    ...base,
    podSelector: target.pods,
    // Cilium: an endpoint a rule section of a direction selects is default-deny there.
    isolates: { ingress: spec["ingress"] !== void 0, egress: spec["egress"] !== void 0 },
    rules
  };
}

// action/src/import/stand-ins.ts
var OTHER_NAMESPACE = "(other namespace)";
var INTERNET_V4 = ["203.0.113.77", "192.0.2.77", "198.18.0.77", "100.64.0.77", "8.8.4.77"];
var INTERNET_V6 = ["2001:db8:ffff::77", "3fff::77", "2001:4860::77", "fc00::77"];
var StandIns = class {
  pods = [];
  namespaces = /* @__PURE__ */ new Map();
  byKey = /* @__PURE__ */ new Map();
  cidrs = [];
  fqdns = /* @__PURE__ */ new Set();
  /** Pods of the dump (not stand-ins), by "namespace/name". */
  real = /* @__PURE__ */ new Set();
  constructor(dump) {
    for (const ns of dump.namespaces) this.namespaces.set(ns.metadata.name, ns);
    for (const pod of dump.pods) {
      this.pods.push(pod);
      this.real.add(`${pod.metadata.namespace}/${pod.metadata.name}`);
      this.namespace(pod.metadata.namespace);
    }
    this.namespace(OTHER_NAMESPACE);
    this.pod({ name: OTHER_NAMESPACE }, {});
  }
  /** The namespace a choice names (created when the dump lacks it). */
  namespaceOf(choice) {
    if ("name" in choice) {
      this.namespace(choice.name);
      return choice.name;
    }
    const sel = compileSelector(choice.selector);
    if (sel.matchesAll) return OTHER_NAMESPACE;
    const named = namespaceNamed(choice.selector);
    if (named !== void 0) return this.namespaceOf({ name: named });
    const name = `(${sel.text})`;
    if (!this.namespaces.has(name)) {
      this.namespaces.set(name, {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name, labels: { ...representativeLabels(choice.selector), [METADATA_NAME_LABEL]: name } }
      });
    }
    return name;
  }
  /**
   * The key ("namespace/name") of a stand-in pod with exactly the labels `selector` needs,
   * made on first use; `ports` are added to its container ports (named ports a rule uses).
   */
  pod(choice, selector, ports = []) {
    const namespace = this.namespaceOf(choice);
    const labels = representativeLabels(selector);
    const id = `${namespace}\0${JSON.stringify(Object.entries(labels).sort())}`;
    let pod = this.byKey.get(id);
    if (pod === void 0) {
      const text = compileSelector(selector).text;
      const name = `stand-in ${text === "{}" ? "(no labels)" : `(${text})`}`;
      pod = {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { namespace, name, labels },
        spec: { containers: [{ name: "main", ports: [] }] }
      };
      this.byKey.set(id, pod);
      this.pods.push(pod);
      if (text !== "{}") this.pod({ name: namespace }, {});
    }
    const own = pod.spec.containers[0].ports;
    for (const p of ports) {
      if (!own.some(
        (o) => o.name === p.name && o.containerPort === p.containerPort && (o.protocol ?? "TCP") === (p.protocol ?? "TCP")
      ))
        own.push(p);
    }
    return `${namespace}/${pod.metadata.name}`;
  }
  cidr(text, except) {
    const cidr = parseCidr(text);
    if (!cidr) return;
    const label = except.length > 0 ? `${cidr.text} except ${except.join(", ")}` : cidr.text;
    if (this.cidrs.some((c) => c.text === label)) return;
    this.cidrs.push({
      cidr,
      except: except.map(parseCidr).filter((c) => c !== void 0),
      text: label
    });
  }
  fqdn(name) {
    this.fqdns.add(name);
  }
  namespaceList() {
    return [...this.namespaces.values()];
  }
  /** One address inside each CIDR (outside its excepts), one inside each except, one outside all; the FQDNs. */
  addresses() {
    const out = [];
    const seen = /* @__PURE__ */ new Set();
    const add = (ip, label, fqdn) => {
      const key2 = `${ip}|${fqdn ?? ""}`;
      if (seen.has(key2)) return;
      seen.add(key2);
      out.push(fqdn === void 0 ? { ip, label } : { ip, label, fqdn });
    };
    for (const c of this.cidrs) {
      const rep = representativeAddress(c.cidr, c.except);
      if (rep) add(rep.text, `an address in ${c.text} (${rep.text})`);
      for (const e of c.except) {
        const inner = representativeAddress(e);
        if (inner) add(inner.text, `an address in ${e.text}, excepted from ${c.cidr.text} (${inner.text})`);
      }
    }
    const covered = (ip) => {
      const parsed = parseIp(ip);
      return parsed !== void 0 && this.cidrs.some((c) => cidrContains(c.cidr, parsed));
    };
    const v4 = INTERNET_V4.find((ip) => !covered(ip)) ?? INTERNET_V4[0];
    add(v4, `an address no policy names (${v4})`);
    if (this.cidrs.some((c) => c.cidr.family === 6)) {
      const v6 = INTERNET_V6.find((ip) => !covered(ip)) ?? INTERNET_V6[0];
      add(v6, `an IPv6 address no policy names (${v6})`);
    }
    for (const f of [...this.fqdns].sort()) add(v4, f, f);
    return out;
  }
  namespace(name) {
    if (this.namespaces.has(name)) return;
    const labels = emptyRecord();
    labels[METADATA_NAME_LABEL] = name;
    this.namespaces.set(name, { apiVersion: "v1", kind: "Namespace", metadata: { name, labels } });
  }
};

// action/src/import/prove.ts
var OTHER_PORT = 65e3;
function proveImport(input) {
  const standIns = new StandIns({ pods: input.pods, namespaces: input.namespaces });
  const namedPorts = namedPortNumbers(input.pods);
  const all = [...originalsOf(input.before), ...originalsOf(input.after)];
  for (const o of all) {
    const named = (rule, namespace, selector) => (rule.ports ?? []).flatMap(
      (p) => typeof p.port === "string" && !/^\d+$/.test(p.port) ? [{ name: p.port, containerPort: namedPorts(p.port, namespace, selector), protocol: p.protocol }] : []
    );
    standIns.pod(
      { name: o.namespace },
      o.podSelector,
      o.rules.filter((r) => r.direction === "ingress").flatMap((r) => named(r, o.namespace, o.podSelector))
    );
    for (const rule of o.rules) {
      for (const peer of rule.peers ?? []) {
        if (peer.kind === "cidr") standIns.cidr(peer.cidr, peer.except);
        else if (peer.kind === "fqdn") standIns.fqdn(peer.name);
        else {
          const choice = peer.namespaceSelector ? { selector: peer.namespaceSelector } : { name: o.namespace };
          const selector = peer.podSelector ?? {};
          const namespace = "name" in choice ? choice.name : void 0;
          standIns.pod(choice, selector, rule.direction === "egress" ? named(rule, namespace, selector) : []);
        }
      }
    }
  }
  standIns.pod({ name: input.dns.namespace }, { matchLabels: input.dns.podLabels }, [
    { name: "dns", containerPort: 53, protocol: "UDP" },
    { name: "dns-tcp", containerPort: 53, protocol: "TCP" }
  ]);
  const namespaces = standIns.namespaceList();
  const models = {
    before: buildModel({ pods: standIns.pods, namespaces, ...input.before, profile: input.profile }),
    after: buildModel({ pods: standIns.pods, namespaces, ...input.after, profile: input.profile })
  };
  const reference = input.reference ? buildModel({ pods: standIns.pods, namespaces, ...input.reference, profile: input.profile }) : void 0;
  const allowedByReference = (from, to, port) => {
    if (!reference) return void 0;
    const side = (key2) => {
      const pod = reference.podsByKey.get(key2);
      if (pod) return { kind: "pod", group: pod.group, name: key2, pod };
      const fqdn = addresses.find((a) => a.fqdn === key2);
      const ip = parseIp(fqdn?.ip ?? key2);
      return { kind: "external", ip, name: key2, ...fqdn ? { fqdn: key2 } : {} };
    };
    const f = side(from);
    const t = side(to);
    const family = f.kind === "external" ? f.ip.family : t.kind === "external" ? t.ip.family : void 0;
    return evaluateParties(reference, f, t, port.port, port.protocol, family).allowed;
  };
  const cells = [];
  const byPair = /* @__PURE__ */ new Map();
  for (const pod of models.before.pods) {
    const after = models.after.podsByKey.get(pod.key);
    const id = `${pod.group.id}/${after.group.id}`;
    const existing = byPair.get(id);
    if (existing) {
      if (!standIns.real.has(existing.key) && standIns.real.has(pod.key)) {
        existing.key = pod.key;
        existing.before = pod;
        existing.after = after;
      }
      continue;
    }
    const cell = { key: pod.key, before: pod, after, namespace: pod.namespace };
    byPair.set(id, cell);
    cells.push(cell);
  }
  const cellsByNamespace = /* @__PURE__ */ new Map();
  for (const c of cells) cellsByNamespace.set(c.namespace, [...cellsByNamespace.get(c.namespace) ?? [], c]);
  const unlabelled = /* @__PURE__ */ new Map();
  for (const c of cells)
    if (Object.keys(c.before.labels).length === 0 && !unlabelled.has(c.namespace))
      unlabelled.set(c.namespace, c);
  const addresses = standIns.addresses();
  const party = (side, c) => {
    const pod = side === "before" ? c.before : c.after;
    return { kind: "pod", group: pod.group, name: c.key, pod };
  };
  const external = (a) => ({
    kind: "external",
    ip: parseIp(a.ip),
    name: a.fqdn ?? a.ip,
    ...a.fqdn !== void 0 ? { fqdn: a.fqdn } : {}
  });
  const hits = /* @__PURE__ */ new Map();
  const cellsOf = (side, peer) => {
    let list2 = hits.get(peer);
    if (list2) return list2;
    list2 = [];
    if (peer.kind === "pods") {
      const model = models[side];
      for (const [ns, info] of model.namespaces) {
        const nsOk = peer.namespaceSelector ? peer.namespaceSelector.matches(info.labels) : ns === peer.policyNamespace;
        if (!nsOk) continue;
        for (const c of cellsByNamespace.get(ns) ?? [])
          if (peerMatches(peer, party(side, c), void 0, model, void 0)) list2.push(c);
      }
    }
    hits.set(peer, list2);
    return list2;
  };
  const differences = [];
  const seen = /* @__PURE__ */ new Set();
  let compared = 0;
  const other = unlabelled.get("(other namespace)");
  for (const x of cells) {
    for (const dir of ["ingress", "egress"]) {
      const iso = {
        before: isolatingPolicies(models.before, x.before.group)[dir],
        after: isolatingPolicies(models.after, x.after.group)[dir]
      };
      if (iso.before.length === 0 && iso.after.length === 0) continue;
      const peers = /* @__PURE__ */ new Set();
      const ips = /* @__PURE__ */ new Map();
      const ports = /* @__PURE__ */ new Map();
      const protocols = /* @__PURE__ */ new Set(["TCP", "UDP"]);
      for (const side of ["before", "after"]) {
        for (const policy of iso[side]) {
          for (const rule of rulesOf(policy, dir)) {
            for (const peer of rule.peers ?? []) {
              if (peer.kind === "pods") for (const c of cellsOf(side, peer)) peers.add(c);
              else
                for (const a of addresses)
                  if (matchesAddress(peer, a, models[side])) ips.set(`${a.ip}|${a.fqdn ?? ""}`, a);
            }
            if (rule.peers === void 0) {
              for (const c of cells) peers.add(c);
              for (const a of addresses) ips.set(`${a.ip}|${a.fqdn ?? ""}`, a);
            }
            for (const p of rule.ports ?? []) {
              protocols.add(p.protocol);
              if (p.port !== void 0) {
                for (const n of p.endPort !== void 0 && p.endPort > p.port ? [p.port, p.endPort, p.port + 1] : [p.port])
                  ports.set(`${n}/${p.protocol}`, { port: n, protocol: p.protocol });
              }
              if (p.name !== void 0)
                ports.set(`${namedPorts(p.name)}/${p.protocol}`, {
                  port: namedPorts(p.name),
                  protocol: p.protocol
                });
            }
          }
        }
      }
      if (!input.profile.sctpSupported) protocols.delete("SCTP");
      for (const [k, p] of ports) if (!protocols.has(p.protocol)) ports.delete(k);
      for (const protocol of protocols)
        ports.set(`${OTHER_PORT}/${protocol}`, { port: OTHER_PORT, protocol });
      if (iso.before.length === 0 || iso.after.length === 0) {
        const own = unlabelled.get(x.namespace);
        if (own) peers.add(own);
        if (other) peers.add(other);
        for (const a of addresses) if (a.fqdn === void 0) ips.set(`${a.ip}|`, a);
      }
      for (const port of ports.values()) {
        for (const y of peers) {
          compared++;
          const [from, to] = dir === "egress" ? [x, y] : [y, x];
          const b = evaluateParties(
            models.before,
            party("before", from),
            party("before", to),
            port.port,
            port.protocol,
            void 0
          );
          const a = evaluateParties(
            models.after,
            party("after", from),
            party("after", to),
            port.port,
            port.protocol,
            void 0
          );
          if (a.allowed === b.allowed) continue;
          record(from.key, to.key, port, a, b, !standIns.real.has(from.key) || !standIns.real.has(to.key));
        }
        for (const address of ips.values()) {
          compared++;
          const ext = { before: external(address), after: external(address) };
          const family = ext.before.kind === "external" ? ext.before.ip.family : 4;
          const [bf, bt] = dir === "egress" ? [party("before", x), ext.before] : [ext.before, party("before", x)];
          const [af, at] = dir === "egress" ? [party("after", x), ext.after] : [ext.after, party("after", x)];
          const b = evaluateParties(models.before, bf, bt, port.port, port.protocol, family);
          const a = evaluateParties(models.after, af, at, port.port, port.protocol, family);
          if (a.allowed === b.allowed) continue;
          const [fromKey, toKey] = dir === "egress" ? [x.key, address.fqdn ?? address.ip] : [address.ip, x.key];
          record(fromKey, toKey, port, a, b, !standIns.real.has(x.key));
        }
      }
    }
  }
  function record(from, to, port, after, before, standIn) {
    const id = `${from}|${to}|${port.port}|${port.protocol}`;
    if (seen.has(id)) return;
    seen.add(id);
    const byReference = allowedByReference(from, to, port);
    differences.push({
      change: after.allowed ? "opened" : "closed",
      from,
      to,
      port: port.port,
      protocol: port.protocol,
      standIn,
      before: explainVerdict(before),
      after: explainVerdict(after),
      ...byReference === void 0 ? {} : { reference: byReference }
    });
  }
  differences.sort(
    (a, b) => (a.change === b.change ? 0 : a.change === "closed" ? -1 : 1) || cmp(a.from, b.from) || cmp(a.to, b.to) || a.port - b.port || cmp(a.protocol, b.protocol)
  );
  return {
    differences,
    pods: standIns.pods.length,
    standIns: standIns.pods.length - standIns.real.size,
    compared
  };
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function rulesOf(policy, dir) {
  return dir === "ingress" ? policy.ingress : policy.egress;
}
function matchesAddress(peer, a, model) {
  const ip = parseIp(a.ip);
  if (!ip) return false;
  const party = {
    kind: "external",
    ip,
    name: a.ip,
    ...a.fqdn !== void 0 ? { fqdn: a.fqdn } : {}
  };
  return peerMatches(peer, party, ip.family, model, void 0);
}
function originalsOf(set) {
  return [
    ...set.policies.map(
      (p) => fromNetworkPolicy("policy" in p && !("spec" in p) ? p.policy : p, void 0)
    ),
    ...set.ciliumPolicies.map((p) => fromCiliumPolicy(p.policy, void 0))
  ];
}
function namedPortNumbers(pods) {
  const made = /* @__PURE__ */ new Map();
  const numberOf = (pod, name) => {
    for (const c of pod.spec?.containers ?? [])
      for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
    return void 0;
  };
  return (name, namespace, selector) => {
    const sel = selector ? compileSelector(selector) : void 0;
    const picked = pods.find(
      (p) => p.metadata.namespace === namespace && sel?.matches(p.metadata.labels ?? {}) === true && numberOf(p, name) !== void 0
    );
    const any = picked ?? pods.find((p) => numberOf(p, name) !== void 0);
    if (any) return numberOf(any, name);
    let n = made.get(name);
    if (n === void 0) {
      n = 4e4 + made.size;
      made.set(name, n);
    }
    return n;
  };
}

// action/src/import/cutover.ts
var NAMED = 10;
function planCutover(input) {
  const out = { remove: [], byHand: [], problems: [] };
  const key2 = (o) => `${o.kind} ${o.metadata.namespace ?? "default"}/${o.metadata.name}`;
  const foreign = new Map(
    input.live.filter((o) => o.metadata.labels?.[MANAGED_BY_LABEL] !== MANAGED_BY_VALUE).map((o) => [key2(o), o])
  );
  for (const recorded of input.replaced.policies) {
    const live = foreign.get(key2(recorded));
    if (!live || live.kind !== "NetworkPolicy") continue;
    if (specOf(live) !== specOf(recorded)) {
      out.problems.push(
        `${key2(recorded)} changed since netpol-rollout import recorded it; import again (or remove it yourself) before the first deploy replaces it`
      );
      continue;
    }
    out.remove.push(live);
  }
  for (const recorded of input.replaced.ciliumPolicies) {
    if (foreign.has(key2(recorded))) out.byHand.push(key2(recorded));
  }
  if (out.remove.length === 0 || out.problems.length > 0) return out;
  const removed = new Set(out.remove.map(key2));
  const own = new Set(input.current.objects.map((o) => key2(o.manifest)));
  const others = input.live.filter((o) => !own.has(key2(o)));
  const set = (objects, bundle) => {
    const compiled = policiesOfBundle(bundle);
    const cilium = input.profile.name === "cilium";
    return {
      policies: [
        ...objects.filter((o) => o.kind === "NetworkPolicy"),
        ...compiled.policies
      ],
      ciliumPolicies: cilium ? [
        ...objects.filter((o) => o.kind === "CiliumNetworkPolicy").map((policy) => ({ policy })),
        ...compiled.ciliumPolicies
      ] : []
    };
  };
  const allows = {
    ...input.target,
    objects: input.target.objects.filter((o) => o.stage === "allow")
  };
  const now = set(input.live);
  const end = set(
    others.filter((o) => !removed.has(key2(o))),
    input.target
  );
  const steps = [
    ["with the environment's allows beside the replaced policies", set(others, allows)],
    ["with the whole environment beside the replaced policies", set(others, input.target)]
  ];
  for (const [label, state] of steps) {
    const proof = proveImport({
      before: now,
      after: state,
      reference: end,
      pods: input.pods,
      namespaces: input.namespaces,
      profile: input.profile,
      dns: input.dns
    });
    const wrong = proof.differences.filter((d) => d.change === "opened" !== d.reference);
    if (wrong.length === 0) continue;
    const named = wrong.slice(0, NAMED).map(
      (d) => `${d.from} -> ${d.to} ${d.port}/${d.protocol} ${d.change === "opened" ? "opened" : "cut"} (${d.after})`
    );
    out.problems.push(
      `${label}, ${wrong.length} connection${wrong.length === 1 ? "" : "s"} would change that neither the replaced policies nor the environment change that way: ${named.join("; ")}${wrong.length > NAMED ? `; and ${wrong.length - NAMED} more` : ""}`
    );
  }
  return out;
}
function specOf(np) {
  const spec = np.spec;
  const types = spec.policyTypes && spec.policyTypes.length > 0 ? spec.policyTypes : (spec.egress ?? []).length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
  const rules = (list2) => (list2 ?? []).map((r) => r.ports ? { ...r, ports: r.ports.map((p) => ({ protocol: "TCP", ...p })) } : r);
  return canonicalJson({
    ...spec,
    policyTypes: types,
    ingress: rules(spec.ingress),
    egress: rules(spec.egress)
  });
}

// action/src/flows/cut.ts
function flowsCutByFirstDeny(input) {
  const first = new Set(input.firstDeny);
  const { policies, ciliumPolicies } = policiesOfBundle(input.bundle);
  const { judged } = judgeFlows({
    flows: input.flows.filter(wentThrough),
    policies: [...input.alsoInForce?.policies ?? [], ...policies],
    ciliumPolicies: [...input.alsoInForce?.ciliumPolicies ?? [], ...ciliumPolicies],
    profile: input.profile,
    ...input.namespaces ? { namespaces: input.namespaces } : {},
    ...input.portsOf ? { portsOf: input.portsOf } : {},
    ...input.nodeAddress !== void 0 ? { nodeAddress: input.nodeAddress } : {}
  });
  const cut = [];
  for (const { flow, verdict } of judged) {
    if (!verdict || verdict.allowed) continue;
    const namespaces = [];
    if (!verdict.egress.allowed && flow.from.side.kind === "pod" && first.has(flow.from.side.namespace))
      namespaces.push(flow.from.side.namespace);
    if (!verdict.ingress.allowed && flow.to.side.kind === "pod" && first.has(flow.to.side.namespace))
      namespaces.push(flow.to.side.namespace);
    if (namespaces.length === 0) continue;
    cut.push({ flow, verdict, namespaces: [...new Set(namespaces)], explanation: explainVerdict(verdict) });
  }
  return cut;
}

// action/src/probe/step-plan.ts
function managedBy(policy, environment) {
  const labels = policy.metadata?.labels ?? {};
  return labels[MANAGED_BY_LABEL] === MANAGED_BY_VALUE && labels[ENVIRONMENT_LABEL] === environment;
}
function policiesInForce(live, environment, bundle) {
  const kept = live.filter((p) => !managedBy(p, environment));
  const own = policiesOfBundle(bundle);
  return {
    policies: [...kept.filter((p) => p.kind === "NetworkPolicy"), ...own.policies],
    ciliumPolicies: [
      ...kept.filter((p) => p.kind === "CiliumNetworkPolicy"),
      ...own.ciliumPolicies
    ]
  };
}
function planStepProbes(input, options) {
  const { environment, cluster } = input;
  return buildProbePlan({
    environment,
    inventory: { namespaces: cluster.namespaces, pods: cluster.pods, services: cluster.services },
    after: policiesInForce(cluster.policies, environment.name, input.bundle),
    before: policiesInForce(cluster.policies, environment.name, input.before),
    diff: diffCompiled({
      base: environment,
      head: environment,
      bundles: { base: input.before, head: input.bundle }
    }),
    run: options.run,
    pods: options.pods,
    ...options.reprobe ? { reprobe: options.reprobe } : {}
  });
}

// action/src/commands/deploy/observed.ts
var LISTED = 20;
function checkObservedTraffic(intent, bundle, live, cluster, observed) {
  const summary = observed.byEnvironment.get(intent.name) ?? observed.byEnvironment.get("*");
  const none = { problems: [], notes: [] };
  if (summary === void 0) return none;
  const before = new Set(enforcedNamespaces(live));
  const firstDeny = enforcedNamespaces(bundle).filter((ns) => !before.has(ns));
  if (firstDeny.length === 0) return none;
  const kept = cluster.policies.filter((p) => !managedBy(p, intent.name));
  const nodeCidr = intent.nodeCidrs[0];
  const cut = flowsCutByFirstDeny({
    flows: summary.flows,
    bundle,
    profile: intent.profile,
    firstDeny,
    namespaces: cluster.namespaces,
    alsoInForce: {
      policies: kept.filter((p) => p.kind === "NetworkPolicy").map((policy) => ({ policy })),
      ciliumPolicies: kept.filter((p) => p.kind === "CiliumNetworkPolicy").map((policy) => ({ policy }))
    },
    portsOf: portsOf(intent),
    ...nodeCidr ? { nodeAddress: nodeCidr.split("/")[0] } : {}
  });
  if (cut.length === 0) return none;
  cut.sort((a, b) => connections(b) - connections(a) || b.flow.lastSeen - a.flow.lastSeen);
  const lines = cut.slice(0, LISTED).map((c) => describe(intent, c, observed.detail));
  if (cut.length > LISTED) lines.push(`and ${cut.length - LISTED} more observed flows`);
  const namespaces = [...new Set(cut.flatMap((c) => c.namespaces))].sort().join(", ");
  const count = `${cut.length} observed flow${cut.length === 1 ? "" : "s"}`;
  if (observed.proceed) {
    return {
      problems: [],
      notes: [
        `the first default-deny of ${namespaces} blocks ${count} that went through before it (enforce-despite-flows: true):`,
        ...lines
      ]
    };
  }
  return {
    problems: [
      ...lines,
      `the first default-deny of ${namespaces} would block ${count} that go${cut.length === 1 ? "es" : ""} through today: declare ${cut.length === 1 ? "it" : "them"} (netpol-rollout gap --env ${intent.name} --flows FILE\u2026 gives the lines), or set enforce-despite-flows: true to enforce anyway`
    ],
    notes: []
  };
}
function connections(c) {
  return c.flow.connections.allowed + c.flow.connections.audit;
}
function describe(intent, c, detail) {
  const { flow, verdict } = c;
  const from = intentName(intent, flow.from);
  const to = intentName(intent, flow.to);
  const hidden = detail === "services" && (from.kind === "address" || to.kind === "address");
  const shown = (n) => n.kind === "address" && detail === "services" ? "an outside address" : n.text;
  const port = `${flow.port}/${flow.protocol}`;
  const blockedBy = [];
  if (!verdict.egress.allowed) blockedBy.push(explainDirection(verdict.egress, shown(from), shown(to), port));
  if (!verdict.ingress.allowed)
    blockedBy.push(explainDirection(verdict.ingress, shown(to), shown(from), port));
  const s = suggest(intent, flow, from, to);
  const open = "line" in s && !hidden ? `; the flow line that opens it: ${s.line}` : "";
  return `observed ${shown(from)} -> ${shown(to)}:${port} (${usage(flow)}, last seen ${formatTime(flow.lastSeen)}) would be blocked: ${blockedBy.join("; ")}${open}`;
}

// action/src/commands/deploy/restore.ts
async function restorable(entry, authentication, compileAt) {
  const env = entry.environment;
  const unsigned = authentication.state === "unsigned";
  if (entry.intent !== void 0 && !unsigned) {
    try {
      return { ok: true, restore: { entry, intent: intentOf(entry.intent, env), via: "record" } };
    } catch (error) {
      return { ok: false, problem: errorMessage(error) };
    }
  }
  if (entry.revision === null) {
    return {
      ok: false,
      problem: unsigned ? "it carries no MAC and no revision, so nothing ties its objects to the repository" : "it was recorded by an earlier version without a revision, so the intent its probes need cannot be had"
    };
  }
  let compiled;
  try {
    compiled = await compileAt(entry.revision, env);
  } catch (error) {
    return { ok: false, problem: `its revision cannot be compiled: ${errorMessage(error)}` };
  }
  if (compiled === void 0) {
    return {
      ok: false,
      problem: `its revision ${entry.revision.slice(0, 12)} cannot be found in the repository (nor fetched), or does not declare ${env}`
    };
  }
  if (unsigned) {
    const recorded = bundleDigest(entry.bundle);
    const repository = bundleDigest(compiled.bundle);
    const restore = {
      entry: { ...entry, bundle: compiled.bundle, digest: repository },
      intent: compiled.intent,
      via: "repository"
    };
    if (recorded !== repository) {
      restore.note = `its recorded objects (${recorded.slice(0, 19)}\u2026) are not what revision ${entry.revision.slice(0, 12)} compiles to today (${repository.slice(0, 19)}\u2026: an earlier compiler wrote them, or someone edited them); the repository's are restored`;
    }
    return { ok: true, restore };
  }
  return { ok: true, restore: { entry, intent: compiled.intent, via: "repository" } };
}

// action/src/commands/deploy/preflight.ts
async function preflight(request, deps, report) {
  let cluster;
  try {
    cluster = await deps.readCluster();
  } catch (error) {
    report.refusals.push(`cannot read the cluster's live state: ${errorMessage(error)}`);
    return void 0;
  }
  const prepared = [];
  for (const target of request.targets) {
    const env = target.intent.name;
    const problems = missingNamespaces(target, cluster);
    let history;
    try {
      history = await deps.history.read(env);
    } catch (error) {
      problems.push(`cannot read the deploy history (${deps.history.describe(env)}): ${errorMessage(error)}`);
    }
    const live = liveBundle(env, target.bundle.cni, cluster.policies);
    const notes = [];
    let restore;
    if (history !== void 0) {
      const found = await lastRestorable(request, deps, history, live, problems, notes);
      restore = found;
    }
    if (problems.length === 0 && request.action === "deploy" && request.observed) {
      const observed = checkObservedTraffic(target.intent, target.bundle, live, cluster, request.observed);
      problems.push(...observed.problems);
      notes.push(...observed.notes);
    }
    if (problems.length === 0) problems.push(...await engineTargetProblems(target, deps, cluster));
    if (problems.length === 0) {
      try {
        const plan = deps.probes.plan({
          environment: target.intent,
          bundle: target.bundle,
          before: live,
          cluster
        });
        problems.push(...predictedBlocked(plan, request.action));
      } catch (error) {
        problems.push(`cannot plan the probes: ${errorMessage(error)}`);
      }
    }
    let cutover;
    if (problems.length === 0 && target.replaced && request.action === "deploy") {
      cutover = planCutover({
        replaced: target.replaced,
        live: cluster.policies,
        pods: cluster.pods,
        namespaces: cluster.namespaces,
        current: live,
        target: target.bundle,
        profile: target.intent.profile,
        dns: target.intent.dns
      });
      problems.push(...cutover.problems);
      if (cutover.remove.length > 0 && !deps.foreign)
        problems.push(
          "the replaced policies cannot be removed here (no access to the cluster's own policies)"
        );
    }
    if (problems.length > 0) {
      report.refusals.push(...problems.map((p) => `${env}: ${p}`));
      const outcome = blankOutcome(target, "refused", "pre-flight refused the deploy; nothing was changed");
      const running = history?.running;
      if (running !== void 0)
        outcome.running = {
          revision: running.revision,
          digest: running.digest,
          provenance: running.provenance
        };
      outcome.timeline.push(timelineEntry(deps.now(), "pre-flight", "check", false, problems.join("; ")));
      report.environments.push(outcome);
      continue;
    }
    prepared.push({
      target,
      live,
      history,
      cluster,
      ...restore === void 0 ? {} : { restore },
      notes,
      ...cutover ? { cutover } : {}
    });
  }
  return report.refusals.length > 0 ? void 0 : prepared;
}
async function lastRestorable(request, deps, history, live, problems, notes) {
  const trust = trustNote(history, deps.history.describe(history.environment));
  if (trust !== void 0) {
    notes.push(trust);
    deps.log(`${history.environment}: ${trust}`);
  }
  const lkg = lastKnownGood(history);
  if (lkg === void 0) {
    if (history.authentication.state === "none" && live.objects.length > 0 && deps.history.keyed) {
      const problem2 = `the cluster holds ${live.objects.length} objects netpol-rollout deployed for ${history.environment}, but ${deps.history.describe(history.environment)} does not exist: it was deleted, or state-namespace changed. Without it a failed deploy has nothing proven to go back to; a rollback by hand to a git ref starts a new record`;
      if (request.action === "deploy") problems.push(problem2);
      else notes.push(problem2);
    }
    return void 0;
  }
  const found = await restorable(lkg, history.authentication, deps.compileAt);
  if (found.ok) {
    if (found.restore.note !== void 0) {
      const note = `the last-known-good, ${describeEntry(lkg)}: ${found.restore.note}`;
      notes.push(note);
      deps.log(`${history.environment}: ${note}`);
    }
    return found.restore;
  }
  const problem = `the last-known-good, ${describeEntry(lkg)}, cannot be restored: ${found.problem}`;
  if (request.action === "deploy") {
    problems.push(
      `${problem}. A deploy needs a way back; a rollback by hand to a git ref deploys and records one`
    );
  } else {
    notes.push(`${problem}; this rollback has no last-known-good to compare with`);
  }
  return void 0;
}
function trustNote(history, where) {
  switch (history.authentication.state) {
    case "none":
    case "verified":
      return void 0;
    case "unkeyed":
      return `no record-key: ${where} is trusted as written${history.authentication.signed ? " (it carries a MAC this run cannot check)" : ""}; anyone who may update ConfigMaps there decides what a rollback deploys and which failures count as inherited`;
    case "unsigned":
      return `${where} carries no MAC (written by an earlier version, or stripped of it): its running record and failed checks are ignored, and a rollback to one of its revisions deploys what the repository compiles for it, never its recorded objects; the next write authenticates it`;
  }
}
async function engineTargetProblems(target, deps, cluster) {
  const env = target.intent.name;
  const probed = deps.clusterName ?? "the cluster of the kubeconfig and context inputs";
  if (cluster.clusterUid === void 0) {
    return [
      `cannot tell which cluster the probes run on (${probed}): its kube-system namespace could not be read; the identity needs get on namespaces`
    ];
  }
  let engine;
  try {
    const file = await deps.files.write(env, "target", target.bundle);
    engine = await deps.engine.target(env, {
      stage: "enforce",
      bundleFile: file,
      ...target.revision === null ? {} : { revision: target.revision }
    });
  } catch (error) {
    if (error instanceof Error && error.name === "StackLockedError") return [];
    return [
      `cannot tell which cluster the Pulumi engine would deploy to (its preview failed): ${errorMessage(error)}`
    ];
  }
  if (engine.clusterUid === void 0) {
    return [
      "the Pulumi program does not say which cluster it deploys to (no clusterUid stack output in its preview), so a deploy cannot be checked against the cluster the probes run on: return the NetpolRollout component's outputs as the stack outputs"
    ];
  }
  if (engine.clusterUid !== cluster.clusterUid) {
    return [
      `the Pulumi engine would deploy to another cluster than the one the probes run on: its Kubernetes provider reaches the cluster whose kube-system namespace has uid ${engine.clusterUid}, while the probes run on ${probed}, whose kube-system uid is ${cluster.clusterUid}; make the stack's kubernetes:* config (and any provider of the program) target the cluster of the kubeconfig and context inputs`
    ];
  }
  return [];
}
function missingNamespaces(target, cluster) {
  const existing = new Set(cluster.namespaces.map((n) => n.metadata.name));
  const needed = [...new Set(target.bundle.objects.map((o) => o.manifest.metadata.namespace ?? ""))].sort();
  return needed.filter((namespace) => !existing.has(namespace)).map((namespace) => {
    const declared = target.intent.namespaces.find((n) => n.name === namespace);
    return `${declared ? `${formatSource(declared.source)}: ` : ""}namespace ${namespace} does not exist in the cluster; create it (or remove it from the intent) before deploying`;
  });
}
function predictedBlocked(plan, action) {
  const problems = [];
  for (const check of plan.checks) {
    const judged = check.kind === "dns" || check.kind === "declared" && action === "deploy";
    if (judged && check.expect === "blocked") {
      const where = check.source ? `${formatSource(check.source)}: ` : "";
      problems.push(
        `${where}the analyzer predicts ${check.kind === "dns" ? "DNS" : "the declared flow"} ${check.id} blocked on this cluster with the new policies${check.because ? ` (${check.because})` : ""}`
      );
    }
  }
  return problems;
}

// action/src/commands/deploy.ts
async function runRollout(request, deps) {
  const report = {
    action: request.action,
    revision: request.targets[0]?.revision ?? null,
    ...request.reason === void 0 ? {} : { reason: request.reason },
    run: request.run,
    refusals: [],
    environments: [],
    cancelled: false
  };
  const locks = await takeLocks(request, deps, report);
  if (locks === void 0) return report;
  try {
    await runLocked(request, deps, report, locks);
  } finally {
    await releaseLocks(locks);
  }
  return report;
}
async function runLocked(request, deps, report, locks) {
  const prepared = await preflight(request, deps, report);
  if (prepared === void 0) {
    for (const target of request.targets) {
      if (!report.environments.some((e) => e.environment === target.intent.name)) {
        report.environments.push(
          blankOutcome(target, "skipped", "pre-flight refused the deploy; nothing was changed")
        );
      }
    }
    return;
  }
  let stopped;
  for (const item of prepared) {
    if (stopped !== void 0) {
      report.environments.push(blankOutcome(item.target, "skipped", stopped));
      continue;
    }
    if (request.signal?.aborted) {
      report.cancelled = true;
      report.environments.push(
        blankOutcome(item.target, "cancelled", "the job was cancelled before it started")
      );
      stopped = "the job was cancelled";
      continue;
    }
    const outcome = await runEnvironment(request, deps, item, locks.get(item.target.intent.name));
    report.environments.push(outcome);
    if (outcome.status === "cancelled") report.cancelled = true;
    stopped = stopReason(outcome);
  }
}
function stopReason(outcome) {
  if (outcome.status === "deployed") return void 0;
  if (outcome.status === "cancelled") return "the job was cancelled";
  return `not promoted: ${outcome.environment} ${outcome.status === "refused" ? "was refused" : outcome.status}`;
}

// action/src/manifests/input-error.ts
function formatInputError(e) {
  return visible(`${e.file}:${e.line}:${e.column}: ${e.message}`);
}

// action/src/commands/drift.ts
function compareWithRecord(recorded, live) {
  const managed = new Set(recorded.objects.map(namespaceOf));
  const liveByKey = new Map(live.map((p) => [objectKey(p), p]));
  const recordedKeys = new Set(recorded.objects.map((o) => objectKey(o)));
  const findings = [];
  for (const object of recorded.objects) {
    const key2 = objectKey(object);
    const found = liveByKey.get(key2);
    if (found === void 0) {
      findings.push({
        change: "deleted",
        object: key2,
        detail: "in the last-known-good bundle, missing from the cluster"
      });
    } else if (fingerprint(found) !== fingerprint(object.manifest)) {
      findings.push({
        change: "edited",
        object: key2,
        detail: "its spec or labels differ from the last-known-good bundle"
      });
    }
  }
  for (const policy of live) {
    const key2 = objectKey(policy);
    if (!managed.has(policy.metadata.namespace ?? "") || recordedKeys.has(key2)) continue;
    const ours = policy.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY_VALUE;
    findings.push({
      change: "extra",
      object: key2,
      detail: ours ? "labelled managed-by netpol-rollout but not in the last-known-good bundle (left by an interrupted deploy?)" : "not created by netpol-rollout, in a namespace it manages (it can only widen what is allowed)"
    });
  }
  return findings.sort((a, b) => a.object < b.object ? -1 : a.object > b.object ? 1 : 0);
}
var DEFAULT_DRIFT_LOCK_WAIT_MS = 5 * 6e4;
async function runDrift(environments, deps, signal) {
  const outcomes = [];
  const waitMs = deps.lockWaitMs ?? DEFAULT_DRIFT_LOCK_WAIT_MS;
  for (const intent of environments) {
    if (signal?.aborted) break;
    const scope = { environment: intent.name };
    let lock;
    try {
      lock = await deps.locks.acquire(scope, {
        waitMs,
        ...signal === void 0 ? {} : { signal },
        onWait: (holder) => deps.log(
          `${intent.name}: waiting up to ${Math.round(waitMs / 1e3)} s for the run lock ${deps.locks.describe(scope)}, held by ${describeHolder(holder)}`
        )
      });
    } catch (error) {
      if (!(error instanceof LockError)) throw error;
      outcomes.push(skipped(intent.name, `${error.message}; drift was not checked`));
      continue;
    }
    try {
      outcomes.push(await driftOf(intent, await deps.readCluster(), deps, lock, signal));
    } catch (error) {
      if (!(error instanceof LockLostError)) throw error;
      outcomes.push(skipped(intent.name, `${error.message}; drift was not checked`));
    } finally {
      await lock.release();
    }
  }
  return { environments: outcomes, drift: outcomes.some((o) => o.drift) };
}
function skipped(environment, reason) {
  return { environment, findings: [], failing: [], drift: false, notes: [], skipped: reason };
}
async function runningOf(history, deps) {
  const env = history.environment;
  const running = history.running;
  if (running !== void 0) {
    const base = {
      bundle: running.bundle,
      digest: running.digest,
      revision: running.revision,
      describe: `what runs by the record: ${describeRunning(running)}`
    };
    try {
      return { ...base, intent: intentOf(running.intent, env) };
    } catch (error) {
      return { ...base, problem: errorMessage(error) };
    }
  }
  const lkg = lastKnownGood(history);
  if (lkg === void 0) return void 0;
  const found = await restorable(lkg, history.authentication, deps.compileAt);
  const entry = found.ok ? found.restore.entry : lkg;
  return {
    bundle: entry.bundle,
    digest: entry.digest,
    revision: entry.revision,
    describe: `what runs by the record of an earlier version: its last-known-good, ${describeEntry(entry)}`,
    ...found.ok ? { intent: found.restore.intent } : { problem: found.problem }
  };
}
async function driftOf(intent, cluster, deps, lock, jobSignal) {
  const signal = jobSignal ? AbortSignal.any([jobSignal, lock.lost]) : lock.lost;
  const history = await deps.history.read(intent.name);
  const lkg = lastKnownGood(history);
  const live = liveBundle(intent.name, intent.cni, cluster.policies);
  const outcome = {
    environment: intent.name,
    findings: [],
    failing: [],
    drift: false,
    notes: []
  };
  if (lkg !== void 0) outcome.lastKnownGood = { revision: lkg.revision, digest: lkg.digest, seq: lkg.seq };
  const trust = trustNote(history, deps.history.describe(intent.name));
  if (trust !== void 0) {
    outcome.notes.push(trust);
    deps.log(`${intent.name}: ${trust}`);
  }
  const running = await runningOf(history, deps);
  if (running === void 0) {
    outcome.noRecord = true;
    outcome.drift = live.objects.length > 0;
    outcome.notes.push(
      live.objects.length > 0 ? `no record: the cluster holds ${live.objects.length} objects netpol-rollout deployed for ${intent.name}, but ${deps.history.describe(intent.name)} does not say what runs (deleted, or state-namespace changed): nothing is judged` : `no record: nothing was deployed to ${intent.name} yet`
    );
    return outcome;
  }
  outcome.running = { revision: running.revision, digest: running.digest, describe: running.describe };
  outcome.findings = compareWithRecord(running.bundle, cluster.policies);
  const checkout = bundleDigest(compileEnvironment(intent));
  if (checkout !== running.digest) {
    outcome.pending = `the checkout's intent compiles to other objects (${checkout.slice(0, 19)}\u2026) than the running ones (${running.digest.slice(0, 19)}\u2026): a deploy is pending`;
  }
  if (running.intent === void 0) {
    outcome.drift = outcome.findings.length > 0;
    outcome.notes.push(
      `the running revision's intent cannot be had (${running.problem ?? "unknown"}): its flows are not probed`
    );
    return outcome;
  }
  const plan = deps.probes.plan({
    environment: running.intent,
    bundle: running.bundle,
    before: live,
    cluster
  });
  await lock.confirm("drift probe");
  let probe;
  try {
    probe = await deps.probes.run(plan, signal);
  } catch (error) {
    probe = inconclusiveResult(
      plan,
      `the probe run failed: ${error instanceof Error ? error.message : String(error)}`
    );
  }
  if (lock.lost.aborted) throw lock.lost.reason;
  outcome.plan = plan;
  outcome.probe = probe;
  outcome.failing = probe.results.filter((r) => r.classification === "surprise" || r.classification === "deviation").map((r) => ({
    check: r.check.id,
    kind: r.check.kind,
    expected: r.check.expect,
    observed: r.observed.outcome
  }));
  outcome.drift = outcome.findings.length > 0 || probe.counts.failed > 0;
  if (lkg !== void 0 && outcome.findings.length === 0 && running.digest === lkg.digest) {
    await refreshRecord(history, lkg, probe, deps, outcome, lock);
  }
  return outcome;
}
async function refreshRecord(history, lkg, probe, deps, outcome, lock) {
  if (probe.counts.inconclusive > 0) {
    outcome.notes.push(
      `the probe was inconclusive: the record of ${describeEntry(lkg)} keeps its earlier probe`
    );
    return;
  }
  const baseline = baselineFrom(probe.results);
  const updated = withProbe(
    lkg,
    { passed: probe.counts.passed, failed: probe.counts.failed, inconclusive: 0 },
    [...baseline.passed],
    [...baseline.failed],
    deps.now().toISOString()
  );
  try {
    await lock.confirm("drift record");
    await deps.history.write({
      ...history,
      entries: history.entries.map((e) => e === lkg ? updated : e)
    });
    outcome.notes.push(`the last probe of ${describeEntry(lkg)} is now this one`);
  } catch (error) {
    outcome.notes.push(
      `the record could not be refreshed (${deps.history.describe(history.environment)}): ${error instanceof Error ? error.message : String(error)}`
    );
  }
}
function fingerprint(object) {
  const labels = object.metadata.labels ?? {};
  const ours = Object.fromEntries(
    Object.entries(labels).filter(([k]) => k.startsWith("netpol-rollout.io/") || k === MANAGED_BY_LABEL)
  );
  const spec = object.kind === "NetworkPolicy" ? defaulted(object.spec) : object.spec;
  return canonicalJson({ kind: object.kind, labels: ours, spec });
}
function defaulted(spec) {
  const out = { ...spec };
  out["policyTypes"] = Array.isArray(spec["policyTypes"]) ? spec["policyTypes"] : spec["egress"] === void 0 ? ["Ingress"] : ["Ingress", "Egress"];
  for (const direction of ["ingress", "egress"]) {
    const rules = spec[direction];
    if (!Array.isArray(rules)) continue;
    out[direction] = rules.map(
      (rule) => Array.isArray(rule["ports"]) ? {
        ...rule,
        ports: rule["ports"].map((p) => ({ protocol: "TCP", ...p }))
      } : rule
    );
  }
  return out;
}

// action/src/rollout/revision.ts
function compileRevision(files, at) {
  const loaded = parseIntent(files, { policiesDir: at.policiesDir });
  if (!loaded.ok) {
    throw new Error(
      `the intent at ${at.ref} (${at.commit.slice(0, 12)}) is invalid: ${loaded.errors.slice(0, 5).map(formatIntentError).join("; ")}`
    );
  }
  const intent = loaded.intent.environments.find((e) => e.name === at.environment);
  if (intent === void 0) return void 0;
  return {
    intent,
    bundle: { ...compileEnvironment(intent), excludedNamespaces: [...intent.excludedNamespaces] },
    commit: at.commit
  };
}

// action/src/commands/rollback.ts
function compileAtRef(git, policiesDir, fetchCommit) {
  return async (ref, environment) => {
    let commit = await git.resolve(ref);
    if (commit === void 0 && fetchCommit !== void 0 && /^[0-9a-f]{40}$/.test(ref) && await fetchCommit(ref))
      commit = ref;
    if (commit === void 0) return void 0;
    return compileRevision(await git.readTree(commit, policiesDir), {
      ref,
      commit,
      policiesDir,
      environment
    });
  };
}
async function resolveRollbackTarget(request, history, compileAt) {
  const env = request.environment.name;
  const target = request.target.trim();
  const entry = target === "" || target === LAST_KNOWN_GOOD ? lastKnownGood(history) : findEntry(history, target);
  if (entry !== void 0) {
    const found = await restorable(entry, history.authentication, compileAt);
    if (!found.ok) {
      return {
        ok: false,
        problem: `${describeEntry(entry)} cannot be rolled back to: ${found.problem}; roll back to a git ref instead (its intent is compiled from the repository)`
      };
    }
    return {
      ok: true,
      intent: found.restore.intent,
      bundle: found.restore.entry.bundle,
      revision: entry.revision,
      description: `${target === "" || target === LAST_KNOWN_GOOD ? "the last-known-good, " : "the recorded "}${describeEntry(entry)}${found.restore.note === void 0 ? "" : ` (${found.restore.note})`}`
    };
  }
  if (target === "" || target === LAST_KNOWN_GOOD) {
    return {
      ok: false,
      problem: `${env} has no last-known-good revision yet: nothing was ever deployed and proven`
    };
  }
  let compiled;
  try {
    compiled = await compileAt(target, env);
  } catch (error) {
    return {
      ok: false,
      problem: `the intent of ${env} at ${target} cannot be deployed: ${error instanceof Error ? error.message : String(error)}`
    };
  }
  if (compiled !== void 0) {
    return {
      ok: true,
      intent: compiled.intent,
      bundle: compiled.bundle,
      revision: compiled.commit,
      description: `git ref ${target} (commit ${compiled.commit.slice(0, 12)}), compiled`
    };
  }
  const recorded = provenEntries(history);
  return {
    ok: false,
    problem: `target "${target}" is not a recorded revision of ${env} nor a git ref in this checkout; ` + (recorded.length === 0 ? "no revision is recorded yet" : `recorded revisions: ${recorded.map((e) => `${e.revision?.slice(0, 12) ?? "unknown"} (#${e.seq}, ${e.recordedAt})`).join(", ")}; or "${LAST_KNOWN_GOOD}"`)
  };
}
async function runRollback(request, deps, history = deps.history) {
  const env = request.environment.name;
  let resolved;
  try {
    resolved = await resolveRollbackTarget(request, await history.read(env), deps.compileAt);
  } catch (error) {
    resolved = {
      ok: false,
      problem: `cannot read the deploy history (${history.describe(env)}): ${error instanceof Error ? error.message : String(error)}`
    };
  }
  if (!resolved.ok) {
    return {
      action: "rollback",
      revision: null,
      reason: request.reason,
      run: request.run,
      refusals: [`${env}: ${resolved.problem}`],
      environments: [],
      cancelled: false
    };
  }
  deps.log(`${env}: rolling back to ${resolved.description}`);
  const report = await runRollout(
    {
      action: "rollback",
      targets: [{ intent: resolved.intent, bundle: resolved.bundle, revision: resolved.revision }],
      onInconclusive: request.onInconclusive,
      ...request.breakGlass === void 0 ? {} : { breakGlass: request.breakGlass },
      run: request.run,
      reason: request.reason,
      ...request.signal === void 0 ? {} : { signal: request.signal },
      ...request.lockWaitMs === void 0 ? {} : { lockWaitMs: request.lockWaitMs }
    },
    deps
  );
  return { ...report, target: resolved.description };
}

// action/src/k8s/operation.ts
function describeOperation(op) {
  const where = op.namespace ? ` in namespace ${op.namespace}` : op.verb === "list" || op.verb === "watch" ? " in all namespaces" : "";
  return `${op.verb} ${op.resource}${op.name ? ` "${op.name}"` : ""}${where}`;
}
function rbacRule(op) {
  const [resource, sub] = op.resource.split("/");
  const resources = sub ? `${resource}/${sub}` : resource;
  const scope = op.namespace ? `a Role in namespace ${op.namespace} (or a ClusterRole bound there)` : "a ClusterRole bound with a ClusterRoleBinding";
  return `{ apiGroups: ["${op.group}"], resources: ["${resources}"], verbs: ["${op.verb}"] } in ${scope}`;
}

// action/src/ports/cluster.ts
var ClusterError = class extends Error {
  constructor(message, operation, status) {
    super(message);
    this.operation = operation;
    this.status = status;
  }
  operation;
  status;
  name = "ClusterError";
};
var ForbiddenError = class extends ClusterError {
  constructor(operation, rule, serverMessage) {
    super(
      `forbidden: cannot ${describeOperation(operation)}; the identity needs ${rule}` + (serverMessage ? ` (API server: ${serverMessage})` : ""),
      operation,
      403
    );
    this.rule = rule;
  }
  rule;
  name = "ForbiddenError";
};
var AdmissionError = class extends ClusterError {
  constructor(operation, status, serverMessage) {
    super(`refused: ${describeOperation(operation)}: ${serverMessage}`, operation, status);
    this.serverMessage = serverMessage;
  }
  serverMessage;
  name = "AdmissionError";
};
var NotFoundError = class extends ClusterError {
  name = "NotFoundError";
  constructor(operation, serverMessage) {
    super(`not found: ${describeOperation(operation)}: ${serverMessage}`, operation, 404);
  }
};
var ConflictError = class extends ClusterError {
  constructor(operation, reason, serverMessage) {
    super(
      `${reason === "AlreadyExists" ? "already exists" : "conflict"}: ${describeOperation(operation)}: ${serverMessage}`,
      operation,
      409
    );
    this.reason = reason;
  }
  reason;
  name = "ConflictError";
};
var ThrottledError = class extends ClusterError {
  constructor(operation, attempts, retryAfterSeconds) {
    super(
      `throttled: ${describeOperation(operation)}: the API server answered 429 Too Many Requests ${attempts} times` + (retryAfterSeconds !== void 0 ? ` (last Retry-After: ${retryAfterSeconds}s)` : ""),
      operation,
      429
    );
    this.attempts = attempts;
    this.retryAfterSeconds = retryAfterSeconds;
  }
  attempts;
  retryAfterSeconds;
  name = "ThrottledError";
};
var UnavailableError = class extends ClusterError {
  constructor(operation, attempts, detail, status) {
    super(
      `API server unavailable: ${describeOperation(operation)}: ${detail} (after ${attempts} attempts)`,
      operation,
      status
    );
    this.attempts = attempts;
  }
  attempts;
  name = "UnavailableError";
};
var RequestError = class extends ClusterError {
  name = "RequestError";
};
var KubeconfigError = class extends Error {
  name = "KubeconfigError";
};

// action/src/access/needs.ts
var READ_CLUSTER_ROLE = "netpol-rollout-read";
function rbacObjectName(environment, part) {
  return `netpol-rollout-${environment}-${part}`;
}
function probeNamespaces(env) {
  const names = new Set(env.namespaces.filter((n) => n.managed).map((n) => n.name));
  for (const flow of env.flows) {
    if (flow.from.kind === "service" || flow.from.kind === "namespace") names.add(flow.from.namespace);
  }
  return [...names].sort();
}
function probeSourceLabels(env, namespace) {
  const service = env.namespaces.find((n) => n.name === namespace)?.services[0];
  if (service) return { ...service.labels };
  for (const flow of env.flows) {
    if (flow.from.kind === "namespace" && flow.from.namespace === namespace)
      return { ...flow.from.podLabels };
  }
  return {};
}
function environmentGrants(env, options) {
  const name = (part) => rbacObjectName(env.name, part);
  const bundle = compileEnvironment(env);
  const policyNamespaces = /* @__PURE__ */ new Set();
  const ciliumNamespaces = /* @__PURE__ */ new Set();
  for (const object of bundle.objects) {
    const namespace = object.manifest.metadata.namespace ?? "";
    (object.manifest.kind === "CiliumNetworkPolicy" ? ciliumNamespaces : policyNamespaces).add(namespace);
  }
  for (const ns of env.namespaces) if (ns.managed) policyNamespaces.add(ns.name);
  const write = ["get", "create", "update", "patch", "delete"];
  const grants = [
    {
      name: READ_CLUSTER_ROLE,
      roles: ["deploy", "drift"],
      purpose: "the live inventory the probe plan and the semantics engine read (every namespace, pod, Service and NetworkPolicy), and the watch of probe pods",
      rules: [
        { apiGroup: "", resource: "namespaces", verbs: ["get", "list"] },
        { apiGroup: "", resource: "pods", verbs: ["get", "list", "watch"] },
        { apiGroup: "", resource: "services", verbs: ["list"] },
        { apiGroup: "networking.k8s.io", resource: "networkpolicies", verbs: ["list"] }
      ]
    }
  ];
  for (const namespace of [.../* @__PURE__ */ new Set([...policyNamespaces, ...ciliumNamespaces])].sort()) {
    const rules = [];
    if (policyNamespaces.has(namespace))
      rules.push({ apiGroup: "networking.k8s.io", resource: "networkpolicies", verbs: write });
    if (ciliumNamespaces.has(namespace))
      rules.push({ apiGroup: "cilium.io", resource: "ciliumnetworkpolicies", verbs: write });
    grants.push({
      name: name("policies"),
      namespace,
      roles: ["deploy"],
      purpose: "the policies the Pulumi engine creates, refreshes, updates and deletes in a managed namespace",
      rules
    });
  }
  for (const namespace of probeNamespaces(env)) {
    grants.push({
      name: name("probes"),
      namespace,
      roles: ["deploy", "drift"],
      purpose: "probe pods and their run objects (ConfigMaps that own them), the pods' logs, and run objects an earlier run left",
      rules: [
        { apiGroup: "", resource: "pods", verbs: ["create", "delete"] },
        { apiGroup: "", resource: "pods/log", verbs: ["get"] },
        { apiGroup: "", resource: "configmaps", verbs: ["get", "list", "create", "delete"] }
      ]
    });
  }
  const record = configMapName(env.name);
  const lock = lockLeaseName({ environment: env.name });
  const lockRules = [
    { apiGroup: "coordination.k8s.io", resource: "leases", verbs: ["get", "update"], resourceNames: [lock] },
    { apiGroup: "coordination.k8s.io", resource: "leases", verbs: ["create"] }
  ];
  grants.push(
    {
      name: name("deploy-state"),
      namespace: options.stateNamespace,
      roles: ["deploy"],
      purpose: `the environment's history (ConfigMap ${record}: read, created on the first deploy, updated) and its lock (Lease ${lock})`,
      rules: [
        { apiGroup: "", resource: "configmaps", verbs: ["get", "update"], resourceNames: [record] },
        { apiGroup: "", resource: "configmaps", verbs: ["create"] },
        ...lockRules
      ]
    },
    {
      name: name("drift-state"),
      namespace: options.stateNamespace,
      roles: ["drift"],
      purpose: `the environment's history (ConfigMap ${record}: read, the last probe of its last-known-good updated) and its lock (Lease ${lock})`,
      rules: [
        { apiGroup: "", resource: "configmaps", verbs: ["get", "update"], resourceNames: [record] },
        ...lockRules
      ]
    }
  );
  return grants;
}
function accessRequests(grants, role) {
  const out = [];
  for (const grant of grants) {
    if (!grant.roles.includes(role)) continue;
    for (const rule of grant.rules) {
      const [resource = "", subresource] = rule.resource.split("/");
      for (const verb of rule.verbs) {
        for (const name of rule.resourceNames ?? [void 0]) {
          out.push({
            verb,
            group: rule.apiGroup,
            resource,
            ...subresource ? { subresource } : {},
            ...grant.namespace !== void 0 ? { namespace: grant.namespace } : {},
            ...name !== void 0 ? { name } : {},
            grant,
            rule
          });
        }
      }
    }
  }
  return out;
}
function ruleText(rule) {
  const list2 = (items) => `[${items.map((i) => JSON.stringify(i)).join(", ")}]`;
  const names = rule.resourceNames ? `, resourceNames: ${list2(rule.resourceNames)}` : "";
  return `{ apiGroups: ${list2([rule.apiGroup])}, resources: ${list2([rule.resource])}, verbs: ${list2(rule.verbs)}${names} }`;
}

// action/src/commands/access-preflight.ts
async function checkAccess(environments, role, deps) {
  const grants = environments.flatMap(
    (env) => environmentGrants(env, { stateNamespace: deps.stateNamespace })
  );
  const requests = unique(accessRequests(grants, role));
  const result = { asked: requests.length, tried: [], problems: [], notes: [] };
  const [identity, answers] = await Promise.all([
    deps.reviewer.whoAmI(),
    mapLimit(requests, deps.concurrency ?? 8, async (request) => {
      try {
        return (await deps.reviewer.review(question(request))).allowed;
      } catch (error) {
        return error instanceof ClusterError ? error : Promise.reject(error);
      }
    })
  ]);
  if (identity !== void 0) result.identity = identity;
  const missing = /* @__PURE__ */ new Map();
  const denied = /* @__PURE__ */ new Set();
  requests.forEach((request, i) => {
    const answer = answers[i];
    if (answer instanceof ClusterError) {
      result.problems.push(`cannot ask whether it may ${describe2(request)}: ${answer.message}`);
      return;
    }
    if (answer) return;
    denied.add(key(request.verb, request.group, request.resource, request.namespace));
    const k = `${request.grant.namespace ?? ""}\0${request.grant.name}\0${ruleText(request.rule)}`;
    const entry = missing.get(k) ?? {
      grant: request.grant,
      rule: request.rule,
      verbs: /* @__PURE__ */ new Set(),
      names: /* @__PURE__ */ new Set()
    };
    entry.verbs.add(request.verb);
    if (request.name !== void 0) entry.names.add(request.name);
    missing.set(k, entry);
  });
  for (const { grant, rule, verbs, names } of missing.values()) {
    const lacking = {
      ...rule,
      verbs: rule.verbs.filter((v) => verbs.has(v)),
      ...rule.resourceNames ? { resourceNames: rule.resourceNames.filter((n) => names.has(n)) } : {}
    };
    const where = grant.namespace === void 0 ? "cluster-wide (a ClusterRole)" : `in namespace ${grant.namespace}`;
    result.problems.push(
      `missing ${ruleText(lacking)} ${where}, for ${grant.purpose} (${grant.namespace === void 0 ? "ClusterRole" : "Role"} ${grant.name})`
    );
  }
  const namespaces = /* @__PURE__ */ new Map();
  for (const env of environments)
    for (const ns of probeNamespaces(env)) if (!namespaces.has(ns)) namespaces.set(ns, env);
  const run = { id: deps.runId, environment: environments.map((e) => e.name).join(",") };
  await mapLimit([...namespaces], deps.concurrency ?? 8, async ([namespace, env]) => {
    if (denied.has(key("create", "", "configmaps", namespace)) || denied.has(key("create", "", "pods", namespace))) {
      result.notes.push(`no probe pod was tried in ${namespace}: the identity may not create it`);
      return;
    }
    const problem = await tryProbePod(
      deps,
      { ...run, environment: env.name },
      namespace,
      probeSourceLabels(env, namespace)
    );
    if (problem === "no-namespace") {
      result.notes.push(`namespace ${namespace} does not exist: its probes are planned as cannot-check`);
    } else if (problem !== void 0) {
      result.problems.push(problem);
    } else result.tried.push(namespace);
  });
  result.tried.sort();
  return result;
}
async function tryProbePod(deps, run, namespace, labels) {
  const runObject = buildRunObject(run, namespace);
  let owner;
  try {
    owner = await deps.reviewer.dryRunCreateConfigMap(runObject);
  } catch (error) {
    return refusal(error, `a probe run object (ConfigMap ${runObject.metadata.name})`, namespace);
  }
  const pod = buildProbePod({ namespace, labels, pod: `${runObjectName(run)}-pod` }, [], run, deps.probePods);
  try {
    await deps.reviewer.dryRunCreatePod(withOwnerUid(pod, owner.metadata.uid || `${run.id}-owner`));
  } catch (error) {
    return refusal(error, `a probe pod (image ${imageOf(pod.spec)})`, namespace);
  }
  return void 0;
}
function refusal(error, what, namespace) {
  if (!(error instanceof ClusterError)) throw error;
  if (error.name === "NotFoundError") return "no-namespace";
  const reason = error.name === "AdmissionError" ? error.serverMessage : error.message;
  return `${error.name === "AdmissionError" ? "refused" : "failed"}: ${what} in namespace ${namespace} (server-side dry run, nothing was created): ${reason}`;
}
function imageOf(spec) {
  return String(spec["containers"]?.[0]?.image ?? "");
}
function question(r) {
  return {
    verb: r.verb,
    group: r.group,
    resource: r.resource,
    ...r.subresource ? { subresource: r.subresource } : {},
    ...r.namespace !== void 0 ? { namespace: r.namespace } : {},
    ...r.name !== void 0 ? { name: r.name } : {}
  };
}
function describe2(r) {
  const resource = r.subresource ? `${r.resource}/${r.subresource}` : r.resource;
  const where = r.namespace === void 0 ? "in every namespace" : `in namespace ${r.namespace}`;
  return `${r.verb} ${resource}${r.name ? ` "${r.name}"` : ""} ${where}`;
}
function key(verb, group, resource, namespace) {
  return `${verb}\0${group}\0${resource}\0${namespace ?? ""}`;
}
function unique(requests) {
  const seen = /* @__PURE__ */ new Set();
  return requests.filter((r) => {
    const k = `${key(r.verb, r.group, r.resource, r.namespace)}\0${r.subresource ?? ""}\0${r.name ?? ""}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
function accessRefusal(command, environments, result) {
  const who = result.identity ? `the identity ${result.identity}` : "the kubeconfig's identity";
  const fix = environments.map((e) => `netpol-rollout rbac --env ${e}`).join(", ");
  const head = `${command} refused before any change: ${who} lacks what the run needs (${result.problems.length} problem${result.problems.length === 1 ? "" : "s"}); ${fix} prints every grant it needs`;
  return {
    markdown: [
      `## netpol-rollout ${command}: \u274C refused, the identity lacks what the run needs`,
      "",
      `Nothing was changed. ${who[0]?.toUpperCase()}${who.slice(1)} was asked about ${result.asked} permissions (SelfSubjectAccessReview), and a probe pod and its run object were created as a server-side dry run in ${result.tried.length} namespace${result.tried.length === 1 ? "" : "s"}. \`${fix}\` prints what it needs.`,
      "",
      ...result.problems.map((p) => `- ${escapeMarkdown(p)}`),
      ...result.notes.length > 0 ? ["", ...result.notes.map((n) => `- note: ${escapeMarkdown(n)}`)] : []
    ].join("\n"),
    text: [head, ...result.problems.map((p) => `  - ${p}`)].join("\n")
  };
}

// action/src/commands/action-rollout.ts
function pullRequestNotifier(github, repository, environments) {
  const marker = `<!-- netpol-rollout:deploy-result ${environments === void 0 ? "*" : [...environments].sort().join(",")} -->`;
  return {
    async post(commit, body) {
      let pulls;
      try {
        pulls = await github.pullRequestsOfCommit(repository, commit);
      } catch (error) {
        if (error instanceof GitHubPermissionError) {
          return {
            posted: false,
            reason: `the token may not read the pull requests of ${commit.slice(0, 12)}`
          };
        }
        throw error;
      }
      const pr = pulls.find((p) => p.merged && p.mergeCommitSha === commit) ?? pulls.find((p) => p.merged) ?? pulls[0];
      if (pr === void 0) {
        return { posted: false, reason: `no pull request holds ${commit.slice(0, 12)} (pushed directly)` };
      }
      try {
        const result = await github.upsertStickyComment(
          { ...repository, number: pr.number },
          marker,
          `${marker}
${body}`
        );
        return { posted: true, number: pr.number, url: result.url };
      } catch (error) {
        if (error instanceof GitHubPermissionError) {
          return {
            posted: false,
            reason: `the token may not comment on pull request #${pr.number} (the job needs permissions: pull-requests: write)`
          };
        }
        throw error;
      }
    }
  };
}
var RolloutFailedError = class extends Error {
  name = "RolloutFailedError";
};
async function runActionRollout(request, deps, io) {
  const scrubber = createScrubber(request.secrets);
  const loaded = await deps.readIntent();
  if (!loaded.ok) {
    const lines = loaded.errors.map(formatIntentError);
    if (request.hasSummary) {
      await io.writeSummary(
        scrubber.scrub(
          [
            `## netpol-rollout ${request.command}: \u274C refused, the intent is invalid`,
            "",
            "Nothing was deployed anywhere: every intent file must be valid.",
            "",
            ...lines.map((l) => `- ${escapeMarkdown(l)}`)
          ].join("\n")
        )
      );
    }
    throw new RolloutFailedError(
      `the intent is invalid (${lines.length} error${lines.length === 1 ? "" : "s"}); nothing was deployed:
${lines.join("\n")}`
    );
  }
  const environments = selectEnvironments(loaded.intent.environments, request.environments);
  refuseClusterLists(environments, request.command);
  if (deps.access) {
    const access = await deps.access(environments, request.command === "probe" ? "drift" : "deploy");
    if (access.problems.length > 0) {
      const refusal2 = accessRefusal(
        request.command,
        environments.map((e) => e.name),
        access
      );
      if (request.hasSummary) await io.writeSummary(scrubber.scrub(refusal2.markdown));
      throw new RolloutFailedError(scrubber.scrub(refusal2.text));
    }
    io.info(
      `Access pre-flight passed: ${access.asked} permissions asked${access.identity ? ` for ${access.identity}` : ""}; a probe pod and its run object admitted (dry run) in ${access.tried.join(", ") || "no namespace"}`
    );
    for (const note of access.notes) io.info(`Access pre-flight: ${note}`);
  }
  if (request.command === "probe") {
    const report2 = await runDrift(environments, driftDeps(deps.rollout, request.lockWaitMs), deps.signal);
    const safe2 = scrubber.scrubDeep(report2);
    for (const e of safe2.environments) {
      if (e.skipped !== void 0) io.warn(`${e.environment}: not checked for drift: ${e.skipped}`);
    }
    if (request.hasSummary) await io.writeSummary(scrubber.scrub(renderDriftSummary(safe2)));
    const probes = safe2.environments.map((e) => e.probe).filter((p) => p !== void 0);
    setOutputs(io, {
      drift: safe2.drift,
      "probe-passed": probes.reduce((n, p) => n + p.counts.passed, 0),
      "probe-failed": probes.reduce((n, p) => n + p.counts.failed, 0),
      "probe-inconclusive": probes.reduce((n, p) => n + p.counts.inconclusive, 0)
    });
    await writeJson(
      deps,
      request,
      "drift-report.json",
      scrubber.scrub(JSON.stringify({ schemaVersion: 1, report: safe2 }, null, 2)),
      io
    );
    if (safe2.drift) {
      throw new RolloutFailedError(
        `drift: ${safe2.environments.filter((e) => e.drift).map(
          (e) => e.noRecord ? `${e.environment} (no record of what runs)` : `${e.environment} (${e.findings.length} object${e.findings.length === 1 ? "" : "s"} changed by hand, ${e.failing.length} check${e.failing.length === 1 ? "" : "s"} of the running revision failed)`
        ).join(", ")}; see the job summary`
      );
    }
    return;
  }
  let report;
  if (request.command === "rollback") {
    if (environments.length !== 1) {
      throw new RolloutFailedError(
        `a rollback acts on exactly one environment; got ${environments.length === 0 ? "none" : environments.map((e) => e.name).join(", ")} (set the environment input)`
      );
    }
    if (request.reason.trim() === "") {
      throw new RolloutFailedError(
        "a rollback needs a reason (the reason input): it is recorded in the history"
      );
    }
    report = await runRollback(
      {
        environment: environments[0],
        target: request.target || LAST_KNOWN_GOOD,
        reason: request.reason,
        onInconclusive: request.onInconclusive,
        ...request.breakGlass === void 0 ? {} : { breakGlass: request.breakGlass },
        run: request.run,
        ...deps.signal === void 0 ? {} : { signal: deps.signal },
        ...request.lockWaitMs === void 0 ? {} : { lockWaitMs: request.lockWaitMs }
      },
      deps.rollout
    );
  } else {
    const byEnvironment = deps.readObserved ? await deps.readObserved() : void 0;
    const observed = byEnvironment && byEnvironment.size > 0 ? {
      byEnvironment,
      detail: request.observed?.detail ?? "services",
      proceed: request.observed?.proceed ?? false
    } : void 0;
    const targets = [];
    for (const intent of environments) {
      const target = {
        intent,
        bundle: { ...compileEnvironment(intent), excludedNamespaces: [...intent.excludedNamespaces] },
        revision: request.revision ?? null
      };
      if (intent.replaces && deps.readReplaced) {
        const replaced = await deps.readReplaced(intent);
        if (replaced.errors.length > 0)
          throw new RolloutFailedError(
            `the record of the policies ${intent.name} replaces is invalid; nothing was deployed:
${replaced.errors.map(formatInputError).join("\n")}`
          );
        target.replaced = { policies: replaced.policies, ciliumPolicies: replaced.ciliumPolicies };
      }
      targets.push(target);
    }
    report = await runRollout(
      {
        action: "deploy",
        targets,
        onInconclusive: request.onInconclusive,
        ...request.breakGlass === void 0 ? {} : { breakGlass: request.breakGlass },
        run: request.run,
        ...deps.signal === void 0 ? {} : { signal: deps.signal },
        ...request.lockWaitMs === void 0 ? {} : { lockWaitMs: request.lockWaitMs },
        ...observed ? { observed } : {}
      },
      deps.rollout
    );
  }
  const safe = scrubber.scrubDeep(report);
  if (request.hasSummary) await io.writeSummary(scrubber.scrub(renderRolloutSummary(safe)));
  else io.info(renderRolloutSummary(safe));
  const outputs = setOutputs(io, rolloutOutputs(safe));
  await writeJson(
    deps,
    request,
    `${request.command}-report.json`,
    scrubber.scrub(JSON.stringify({ schemaVersion: 1, outputs, report: safe }, null, 2)),
    io
  );
  if (request.command === "deploy" && deps.notifier && request.revision) {
    try {
      const result = await deps.notifier.post(
        request.revision,
        scrubber.scrub(renderPullRequestResult(safe, request.run.url))
      );
      io.info(
        result.posted ? `Result posted on pull request #${result.number}: ${result.url}` : `The result was not posted on a pull request: ${result.reason}`
      );
    } catch (error) {
      io.warn(
        `The result was not posted on the pull request: ${scrubber.scrub(error instanceof Error ? error.message : String(error))}`
      );
    }
  }
  if (!rolloutSucceeded(safe)) {
    const lines = [
      ...safe.refusals.map((r) => `refused (nothing was changed): ${r}`),
      ...safe.environments.filter((e) => e.status !== "deployed" && e.status !== "skipped").map(
        (e) => `${e.environment}: ${e.status}${e.reason ? `: ${e.reason}` : ""}${e.recovery ? `. Recovery: ${e.recovery}` : ""}`
      )
    ];
    if (safe.cancelled) lines.push("the job was cancelled");
    throw new RolloutFailedError(lines.join("\n"));
  }
}
function selectEnvironments(all, names) {
  const ordered = [...all].sort((a, b) => a.order - b.order || (a.name < b.name ? -1 : 1));
  if (names === void 0) return ordered;
  const unknown = names.filter((n) => !all.some((e) => e.name === n));
  if (unknown.length > 0) {
    throw new RolloutFailedError(
      unknown.map(
        (n) => unknownEnvironmentMessage(
          n,
          ordered.map((e) => e.name)
        )
      ).join("\n")
    );
  }
  return ordered.filter((e) => names.includes(e.name));
}
function setOutputs(io, outputs) {
  const { values, checked, refused } = checkedOutputs(outputs);
  for (const problem of refused) io.warn(problem);
  for (const [name, value] of Object.entries(values)) io.setOutput(name, value);
  return checked;
}
function refuseClusterLists(environments, command) {
  const listed = environments.filter((e) => e.clusters !== void 0);
  if (listed.length === 0) return;
  throw new RolloutFailedError(
    listed.map(
      (e) => `${e.name}: lists clusters (${e.clusters.map((c) => c.name).join(", ")}), which ${command} does not roll out yet; nothing was changed (docs/fleet.md says what works now)`
    ).join("\n")
  );
}
function driftDeps(deps, lockWaitMs) {
  return {
    readCluster: deps.readCluster,
    locks: deps.locks,
    ...lockWaitMs === void 0 ? {} : { lockWaitMs },
    history: deps.history,
    probes: deps.probes,
    compileAt: deps.compileAt,
    now: deps.now,
    log: deps.log
  };
}
async function writeJson(deps, request, name, text, io) {
  const path = join(request.temp, "netpol-rollout", name);
  await deps.writeReport(path, `${text}
`);
  io.setOutput("report", path);
}
async function checkStateNamespace(cluster, namespace) {
  const found = await cluster.inventory([namespace]);
  if (found.namespaces.length === 0) {
    const { server, context } = cluster.identity();
    throw new StateNamespaceMissingError(
      `state-namespace "${namespace}" does not exist in ${server} (context "${context}"); each environment's last-known-good is kept there in a ConfigMap: create it (kubectl create namespace ${namespace}) and let this identity get, create and update ConfigMaps in it, or set state-namespace to an existing one. Nothing was deployed`
    );
  }
}
var StateNamespaceMissingError = class extends Error {
  name = "StateNamespaceMissingError";
};

export {
  rbacRule,
  ClusterError,
  ForbiddenError,
  AdmissionError,
  NotFoundError,
  ConflictError,
  ThrottledError,
  UnavailableError,
  RequestError,
  KubeconfigError,
  lockLeaseName,
  holderIdentity,
  holderAnnotations,
  ACTIVITY_ANNOTATION,
  RELEASED_ANNOTATION,
  holderOf,
  leaseText,
  describeHolder,
  LeaseObserver,
  renewalTiming,
  microTime,
  checkAccess,
  LockError,
  LockBusyError,
  LockLostError,
  errorMessage,
  planStepProbes,
  compileAtRef,
  pullRequestNotifier,
  RolloutFailedError,
  runActionRollout,
  selectEnvironments,
  checkStateNamespace,
  StateNamespaceMissingError
};
