import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  createScrubber,
  unknownEnvironmentMessage
} from "./chunk-DOK4HXFC.js";
import {
  bundleDigest,
  objectKey,
  yaml
} from "./chunk-NFVNEHW5.js";
import {
  DEFAULT_PROBE_POD_OPTIONS,
  ENVIRONMENT_LABEL,
  LAST_KNOWN_GOOD,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  SOURCE_ANNOTATION,
  STAGE_LABEL,
  appendEntry,
  baselineFrom,
  baselineOf,
  canonicalJson,
  clip,
  code,
  compareStrings,
  compileEnvironment,
  decideAfterDeploy,
  decideAfterRollback,
  escapeMarkdown,
  escapePre,
  findEntry,
  formatIntentError,
  formatSource,
  isDnsTarget,
  isIpTarget,
  lastKnownGood,
  observedReachability,
  parseSourceAnnotation,
  probeScript,
  provenEntries,
  scriptCheck,
  withProbe
} from "./chunk-SCR74SC5.js";
import "./chunk-JYXQAFTB.js";

// action/src/commands/action-rollout.ts
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

// action/src/rollout/outcome.ts
function rolloutOutputs(report) {
  const deciding = report.environments.map(decidingProbe).filter((p) => p !== void 0);
  return {
    "probe-passed": sum(deciding, (p) => p.result.counts.passed),
    "probe-failed": sum(deciding, (p) => p.result.counts.failed),
    "probe-inconclusive": sum(deciding, (p) => p.result.counts.inconclusive),
    "rolled-back": report.environments.some((e) => e.status === "rolled-back" || e.status === "break-glass"),
    revision: report.revision ?? "",
    "environments-deployed": report.environments.filter((e) => e.status === "deployed").map((e) => e.environment).join(","),
    drift: false
  };
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
    for (const list of [c.command, c.args]) {
      if (!list) continue;
      const i = list.findIndex((part) => part.includes("probe() {"));
      if (i >= 0) list[i] = probeScript([one], timeoutSeconds);
    }
  }
  const labels = { ...manifest.metadata.labels ?? {} };
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace,
      labels,
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
  out.push("| time (UTC) | phase | step | | detail |", "| --- | --- | --- | --- | --- |");
  for (const t of e.timeline) {
    out.push(
      `| ${t.at.slice(11, 19)} | ${t.phase} | ${escapeMarkdown(t.step)} | ${t.ok ? "\u2705" : "\u274C"} | ${escapeMarkdown(clip(t.detail, 400))} |`
    );
  }
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
function renderProbe(probe, open) {
  const c = probe.result.counts;
  const title = `Probe after ${probe.phase === "deploy" ? "" : `${probe.phase} `}${probe.step}: ${c.passed} passed, ${c.failed} failed, ${c.inconclusive} inconclusive, ${c.notChecked} not checkable${probe.decision ? ` \u2192 ${probe.decision}` : ""}`;
  const wrong = probe.result.results.filter((r) => isWrong(r));
  const right = probe.result.results.filter((r) => !isWrong(r));
  const out = [`<details${open ? " open" : ""}><summary>${escapeMarkdown(title)}</summary>`, ""];
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
  const header = `${escapeMarkdown(describeCheck(check))}: expected ${check.expect}, observed ${observedReachability(r.observed)}`;
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
  const out = [`## netpol-rollout drift watch: ${report.drift ? "\u2757 drift" : "\u2705 no drift"}`, ""];
  for (const e of report.environments) {
    out.push(`### ${escapeMarkdown(e.environment)}: ${e.drift ? "\u2757 drift" : "\u2705 as recorded"}`, "");
    if (e.lastKnownGood) {
      out.push(
        `Compared with the last-known-good revision ${code(e.lastKnownGood.revision?.slice(0, 12) ?? "unknown")} (entry #${e.lastKnownGood.seq}).`,
        ""
      );
    }
    if (e.findings.length > 0) {
      out.push("| change | object | detail |", "| --- | --- | --- |");
      for (const f of e.findings)
        out.push(`| ${f.change} | ${code(f.object)} | ${escapeMarkdown(f.detail)} |`);
      out.push("");
    }
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

// action/src/rollout/transitions.ts
var NEXT_SUFFIX = ".next";
var TransitionError = class extends Error {
  name = "TransitionError";
};
function namespaceOf(object) {
  return object.manifest.metadata.namespace ?? "";
}
function enforcedNamespaces(bundle) {
  return unique(bundle.objects.filter((o) => o.stage === "deny").map(namespaceOf));
}
function liveBundle(environment, cni, objects) {
  const out = [];
  for (const object of objects) {
    const labels = object.metadata.labels ?? {};
    if (labels[MANAGED_BY_LABEL] !== MANAGED_BY_VALUE) continue;
    if (labels[ENVIRONMENT_LABEL] !== environment) continue;
    const stage = labels[STAGE_LABEL] === "deny" ? "deny" : "allow";
    const { name, namespace, labels: l, annotations } = object.metadata;
    const manifest = {
      apiVersion: object.apiVersion,
      kind: object.kind,
      metadata: {
        name,
        ...namespace === void 0 ? {} : { namespace },
        ...l === void 0 ? {} : { labels: { ...l } },
        ...annotations === void 0 ? {} : { annotations: { ...annotations } }
      },
      spec: structuredClone(object.spec)
    };
    const source = parseSourceAnnotation(annotations?.[SOURCE_ANNOTATION]);
    out.push({ stage, manifest, origins: source === void 0 ? [] : [source] });
  }
  return { environment, cni, objects: sortObjects(out) };
}
function planTransition(live, target) {
  const enforcedBefore = enforcedNamespaces(live);
  const enforcedAfter = new Set(enforcedNamespaces(target));
  const liveByKey = byKey(live.objects);
  const targetByKey = byKey(target.objects);
  const expanded = [];
  for (const object of live.objects) {
    if (object.stage === "deny") {
      expanded.push(object);
      continue;
    }
    const wanted = targetByKey.get(objectKey(object));
    if (wanted === void 0 || wanted.stage !== "allow" || sameManifest(object, wanted)) {
      expanded.push(object);
    } else if (mergeable(object, wanted)) {
      expanded.push(mergeObjects(object, wanted));
    } else {
      expanded.push(object, renamed(wanted, `${object.manifest.metadata.name}${NEXT_SUFFIX}`));
    }
  }
  for (const object of target.objects) {
    if (object.stage !== "allow") continue;
    const key = objectKey(object);
    if (!liveByKey.has(key)) expanded.push(object);
  }
  const expandBundle = { ...target, objects: sortObjects(dedupe(expanded)) };
  const steps = [];
  if (!sameObjects(expandBundle, live)) {
    steps.push({
      kind: "expand",
      bundle: expandBundle,
      namespaces: describe(
        live,
        expandBundle,
        (ns, before, after) => before === after ? "unchanged" : enforcedBefore.includes(ns) ? "expand" : "allows"
      )
    });
  }
  const previous = steps.length > 0 ? expandBundle : live;
  if (!sameObjects(target, previous)) {
    steps.push({
      kind: "contract",
      bundle: { ...target, objects: sortObjects([...target.objects]) },
      namespaces: describe(previous, target, (ns, before, after) => {
        if (before === after) return "unchanged";
        const wasEnforced = enforcedBefore.includes(ns);
        if (enforcedAfter.has(ns)) return wasEnforced ? "contract" : "enforce";
        return wasEnforced ? "lift" : "allows";
      })
    });
  }
  return { environment: target.environment, steps, enforcedBefore };
}
function breakGlassStep(current, bundle, namespaces) {
  const lifted = (o) => o.stage === "deny" && (namespaces === void 0 || namespaces.includes(namespaceOf(o)));
  const result = {
    ...bundle,
    objects: sortObjects(bundle.objects.filter((o) => !lifted(o)))
  };
  return {
    kind: "break-glass",
    bundle: result,
    namespaces: describe(current, result, (ns, before, after) => {
      if (before === after) return "unchanged";
      return bundle.objects.some((o) => lifted(o) && namespaceOf(o) === ns) ? "break-glass" : "allows";
    })
  };
}
function sameObjects(a, b) {
  if (a.objects.length !== b.objects.length) return false;
  const left = a.objects.map((o) => canonicalJson(o.manifest)).sort(compareStrings);
  const right = b.objects.map((o) => canonicalJson(o.manifest)).sort(compareStrings);
  return left.every((text, i) => text === right[i]);
}
var SELECTOR_FIELD = {
  NetworkPolicy: "podSelector",
  CiliumNetworkPolicy: "endpointSelector"
};
function mergeable(a, b) {
  const field = SELECTOR_FIELD[a.manifest.kind];
  if (field === void 0 || a.manifest.kind !== b.manifest.kind) return false;
  const specA = a.manifest.spec;
  const specB = b.manifest.spec;
  const keys = /* @__PURE__ */ new Set([...Object.keys(specA), ...Object.keys(specB)]);
  for (const key of keys) {
    if (key === "ingress" || key === "egress" || key === "policyTypes") continue;
    if (canonicalJson(specA[key]) !== canonicalJson(specB[key])) return false;
  }
  return true;
}
function mergeObjects(live, wanted) {
  const a = live.manifest.spec;
  const b = wanted.manifest.spec;
  const spec = { ...b };
  const ruleOrigins = { ingress: [], egress: [] };
  for (const direction of ["ingress", "egress"]) {
    const left = asList(a[direction]);
    const right = asList(b[direction]);
    if (a[direction] === void 0 && b[direction] === void 0) {
      delete spec[direction];
      continue;
    }
    const seen = new Set(left.map((r) => canonicalJson(r)));
    const merged2 = [...left];
    const origins = [...live.ruleOrigins?.[direction] ?? left.map(() => [])];
    right.forEach((rule, i) => {
      const text = canonicalJson(rule);
      if (seen.has(text)) return;
      seen.add(text);
      merged2.push(rule);
      origins.push(wanted.ruleOrigins?.[direction][i] ?? []);
    });
    spec[direction] = merged2;
    ruleOrigins[direction] = origins;
  }
  if (live.manifest.kind === "NetworkPolicy") {
    const types = /* @__PURE__ */ new Set([...policyTypesOf(a), ...policyTypesOf(b)]);
    spec["policyTypes"] = ["Ingress", "Egress"].filter((t) => types.has(t));
  }
  const manifest = { ...wanted.manifest, spec };
  const merged = {
    stage: "allow",
    manifest,
    origins: unionSources(live.origins, wanted.origins)
  };
  if (live.ruleOrigins !== void 0 || wanted.ruleOrigins !== void 0) merged.ruleOrigins = ruleOrigins;
  return merged;
}
function policyTypesOf(spec) {
  if (Array.isArray(spec["policyTypes"])) return spec["policyTypes"];
  return spec["egress"] === void 0 ? ["Ingress"] : ["Ingress", "Egress"];
}
function renamed(object, name) {
  if (name.length > 253) {
    throw new TransitionError(
      `cannot stage ${objectKey(object)} beside its live version: ${name} is longer than 253 characters`
    );
  }
  return {
    ...object,
    manifest: { ...object.manifest, metadata: { ...object.manifest.metadata, name } }
  };
}
function describe(before, after, action) {
  const namespaces = unique([...before.objects.map(namespaceOf), ...after.objects.map(namespaceOf)]);
  return namespaces.map((namespace) => {
    const of = (b) => b.objects.filter((o) => namespaceOf(o) === namespace);
    const fingerprint2 = (objects2) => objects2.map((o) => canonicalJson(o.manifest)).sort(compareStrings).join("\n");
    const objects = of(after);
    return {
      namespace,
      action: action(namespace, fingerprint2(of(before)), fingerprint2(objects)),
      allow: objects.filter((o) => o.stage === "allow").length,
      deny: objects.filter((o) => o.stage === "deny").length
    };
  });
}
function byKey(objects) {
  return new Map(objects.map((o) => [objectKey(o), o]));
}
function sameManifest(a, b) {
  return canonicalJson(a.manifest) === canonicalJson(b.manifest);
}
function dedupe(objects) {
  const seen = /* @__PURE__ */ new Map();
  for (const object of objects) seen.set(objectKey(object), object);
  return [...seen.values()];
}
function sortObjects(objects) {
  return [...objects].sort(
    (a, b) => compareStrings(namespaceOf(a), namespaceOf(b)) || (a.stage === b.stage ? 0 : a.stage === "allow" ? -1 : 1) || compareStrings(a.manifest.metadata.name, b.manifest.metadata.name) || compareStrings(a.manifest.kind, b.manifest.kind)
  );
}
function unique(values) {
  return [...new Set(values)].sort(compareStrings);
}
function asList(value) {
  return Array.isArray(value) ? value : [];
}
function unionSources(a, b) {
  const seen = /* @__PURE__ */ new Map();
  for (const s of [...a, ...b]) seen.set(`${s.file}:${s.line}:${s.column}`, s);
  return [...seen.values()];
}

// action/src/commands/deploy.ts
function lockRecovery(stack) {
  return `if no other deploy of this environment is running (a cancelled or killed job leaves its lock behind), remove the lock with \`pulumi cancel --stack ${stack} --yes\` from a checkout logged in to the same backend, run \`pulumi refresh --stack ${stack} --yes\` to settle operations the interrupted update left pending, then re-run this job; never delete a lock while an update is running`;
}
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
  const prepared = await preflight(request, deps, report);
  if (report.refusals.length > 0 || prepared === void 0) {
    for (const target of request.targets) {
      if (!report.environments.some((e) => e.environment === target.intent.name)) {
        report.environments.push(
          blankOutcome(target, "skipped", "pre-flight refused the deploy; nothing was changed")
        );
      }
    }
    return report;
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
    const run = new EnvironmentRun(request, deps, item);
    const outcome = await run.execute();
    report.environments.push(outcome);
    if (outcome.status === "cancelled") {
      report.cancelled = true;
      stopped = "the job was cancelled";
    } else if (outcome.status !== "deployed") {
      stopped = `not promoted: ${outcome.environment} ${outcome.status === "refused" ? "was refused" : outcome.status}`;
    }
  }
  return report;
}
async function preflight(request, deps, report) {
  let cluster;
  try {
    cluster = await deps.readCluster();
  } catch (error) {
    report.refusals.push(`cannot read the cluster's live state: ${message(error)}`);
    return void 0;
  }
  const existing = new Set(cluster.namespaces.map((n) => n.metadata.name));
  const prepared = [];
  for (const target of request.targets) {
    const env = target.intent.name;
    const problems = [];
    const needed = [...new Set(target.bundle.objects.map((o) => o.manifest.metadata.namespace ?? ""))].sort();
    for (const namespace of needed) {
      if (existing.has(namespace)) continue;
      const declared = target.intent.namespaces.find((n) => n.name === namespace);
      problems.push(
        `${declared ? `${formatSource(declared.source)}: ` : ""}namespace ${namespace} does not exist in the cluster; create it (or remove it from the intent) before deploying`
      );
    }
    let history;
    try {
      history = await deps.history.read(env);
    } catch (error) {
      problems.push(`cannot read the deploy history (${deps.history.describe(env)}): ${message(error)}`);
    }
    const live = liveBundle(env, target.bundle.cni, cluster.policies);
    if (problems.length === 0) {
      try {
        const plan = deps.probes.plan({
          environment: target.intent,
          bundle: target.bundle,
          before: live,
          cluster
        });
        for (const check of plan.checks) {
          const judged = check.kind === "dns" || check.kind === "declared" && request.action === "deploy";
          if (judged && check.expect === "blocked") {
            const where = check.source ? `${formatSource(check.source)}: ` : "";
            problems.push(
              `${where}the analyzer predicts ${check.kind === "dns" ? "DNS" : "the declared flow"} ${check.id} blocked on this cluster with the new policies${check.because ? ` (${check.because})` : ""}`
            );
          }
        }
      } catch (error) {
        problems.push(`cannot plan the probes: ${message(error)}`);
      }
    }
    if (problems.length > 0) {
      report.refusals.push(...problems.map((p) => `${env}: ${p}`));
      const outcome = blankOutcome(target, "refused", "pre-flight refused the deploy; nothing was changed");
      outcome.timeline.push(entry(deps, "pre-flight", "check", false, problems.join("; ")));
      report.environments.push(outcome);
      continue;
    }
    prepared.push({ target, live, history, cluster });
  }
  return report.refusals.length > 0 ? void 0 : prepared;
}
var EnvironmentRun = class {
  constructor(request, deps, item) {
    this.request = request;
    this.deps = deps;
    this.item = item;
    this.outcome = blankOutcome(item.target, "deployed");
    this.lkg = lastKnownGood(item.history);
    this.baseline = this.lkg === void 0 ? void 0 : baselineOf(this.lkg);
    this.current = item.live;
    this.previous = item.live;
  }
  request;
  deps;
  item;
  outcome;
  lkg;
  baseline;
  /** What the environment holds now, as far as this run knows. */
  current;
  /** What it held before the last step applied. */
  previous;
  applied = 0;
  get env() {
    return this.item.target.intent.name;
  }
  async execute() {
    const target = this.item.target;
    this.note("pre-flight", "check", true, this.lkgSummary());
    let steps;
    try {
      steps = planTransition(this.item.live, target.bundle).steps;
    } catch (error) {
      if (!(error instanceof TransitionError)) throw error;
      return this.finish("failed", `cannot plan a safe transition: ${error.message}`);
    }
    if (steps.length === 0)
      this.note("deploy", "apply", true, "the cluster already holds this revision's objects; probing it");
    let last;
    let decision;
    const todo = steps.length === 0 ? [void 0] : steps;
    for (const step of todo) {
      if (this.request.signal?.aborted)
        return this.finish("cancelled", "the job was cancelled between steps");
      const label = step?.kind ?? "verify";
      if (step !== void 0) {
        const failure = await this.apply("deploy", step, target.revision);
        if (failure !== void 0) return this.engineFailed(failure);
      }
      const probed = await this.probe(
        "deploy",
        label,
        this.current,
        step === void 0 ? this.current : this.previous
      );
      if (probed === void 0) return this.finish("cancelled", "the job was cancelled while probing");
      last = probed.result;
      decision = decideAfterDeploy(last.results, this.baseline, this.request.onInconclusive);
      probed.decision = decision.action;
      this.outcome.notes.push(...decision.action === "continue" ? decision.notes : []);
      if (decision.action !== "continue") break;
    }
    if (decision === void 0 || last === void 0)
      return this.finish("failed", "internal: nothing was probed");
    switch (decision.action) {
      case "continue":
        return this.recordProven(last);
      case "rollback":
        this.outcome.evidence = decision.triggers;
        return this.rollback(decision.reason);
      case "break-glass":
        this.outcome.evidence = decision.triggers;
        return this.breakGlass(target.bundle, decision.namespaces, decision.reason);
      case "fail":
        this.outcome.evidence = decision.evidence;
        await this.recordAudit(last, decision.reason);
        return this.finish("failed", `${decision.reason}; nothing was rolled back`);
    }
  }
  /** Deploys one step's exact object set. Returns the error when the engine failed. */
  async apply(phase, step, revision) {
    const bundle = {
      ...step.bundle,
      excludedNamespaces: [...this.item.target.intent.excludedNamespaces]
    };
    const detail = step.namespaces.filter((n) => n.action !== "unchanged").map((n) => `${n.namespace}: ${n.action} (${n.allow} allow, ${n.deny} deny)`).join("; ");
    try {
      const file = await this.deps.files.write(this.env, `${phase}-${this.applied + 1}-${step.kind}`, bundle);
      this.deps.log(`${this.env}: ${phase} step ${step.kind}: ${detail || "no namespace changes"}`);
      await this.deps.engine.up(this.env, {
        stage: "enforce",
        bundleFile: file,
        ...revision === null ? {} : { revision }
      });
    } catch (error) {
      this.note(phase, step.kind, false, `${detail}: ${message(error)}`);
      return error ?? new Error("unknown engine failure");
    }
    this.applied++;
    this.previous = this.current;
    this.current = step.bundle;
    this.note(phase, step.kind, true, detail || "no namespace changes");
    return void 0;
  }
  /** Plans and runs the probes of what the environment holds now. Undefined when cancelled. */
  async probe(phase, step, bundle, before) {
    const plan = this.deps.probes.plan({
      environment: this.item.target.intent,
      bundle,
      before,
      cluster: this.item.cluster
    });
    let result;
    try {
      result = await this.deps.probes.run(plan, this.request.signal);
    } catch (error) {
      if (this.request.signal?.aborted) return void 0;
      result = inconclusiveResult(plan, `the probe run failed: ${message(error)}`);
    }
    if (this.request.signal?.aborted) return void 0;
    const record = { phase, step, plan, result };
    this.outcome.probes.push(record);
    const c = result.counts;
    this.note(
      phase,
      `probe ${step}`,
      c.failed === 0 && c.inconclusive === 0,
      `${c.passed} passed, ${c.failed} failed, ${c.inconclusive} inconclusive, ${c.notChecked} not checkable`
    );
    return record;
  }
  /** The engine failed mid-step: restore the last-known-good when there is one. */
  async engineFailed(error) {
    const locked = isLocked(error);
    if (locked && this.applied === 0) {
      this.outcome.recovery = lockRecovery(stackOf(error) ?? this.env);
      return this.finish("refused", `${message(error)}; nothing was changed`);
    }
    const reason = `the engine failed: ${message(error)}`;
    if (this.lkg === void 0 || locked) {
      await this.recordAudit(void 0, reason);
      return this.finish(
        "failed",
        `${reason}; ${locked ? "the stack is locked, so nothing else can be done" : "there is no last-known-good revision to restore"}`
      );
    }
    try {
      const cluster = await this.deps.readCluster();
      this.current = liveBundle(this.env, this.item.target.bundle.cni, cluster.policies);
    } catch (readError) {
      return this.finish(
        "failed",
        `${reason}; the cluster could not be read back to roll back: ${message(readError)}`
      );
    }
    return this.rollback(reason);
  }
  /** Deploys the last-known-good again (the same safe transitions), probes, and decides. */
  async rollback(reason) {
    const lkg = this.lkg;
    if (lkg === void 0) return this.finish("failed", `${reason}; there is no last-known-good revision`);
    this.outcome.reason = reason;
    this.note("rollback", "start", true, `to ${describeEntry(lkg)} because ${reason}`);
    const failedSet = this.current;
    let steps;
    try {
      steps = planTransition(this.current, lkg.bundle).steps;
    } catch (error) {
      return this.finish("failed", `${reason}; the rollback cannot be planned: ${message(error)}`);
    }
    for (const step of steps) {
      const failure = await this.apply("rollback", step, lkg.revision);
      if (failure !== void 0) {
        await this.recordAudit(void 0, `${reason}; the rollback failed`);
        return this.finish(
          "failed",
          `${reason}; the rollback to ${describeEntry(lkg)} failed: ${message(failure)}`
        );
      }
    }
    this.outcome.rolledBackTo = { revision: lkg.revision, digest: lkg.digest, seq: lkg.seq };
    const probed = await this.probe("rollback", "re-probe", this.current, failedSet);
    if (probed === void 0)
      return this.finish("cancelled", "the job was cancelled while re-probing the rollback");
    const decision = decideAfterRollback(probed.result.results, baselineOf(lkg));
    probed.decision = decision.action;
    switch (decision.action) {
      case "continue":
        await this.recordRollback(lkg, probed.result, true, reason);
        return this.finish(
          "rolled-back",
          `${reason}; rolled back to ${describeEntry(lkg)}, and its re-probe passed`
        );
      case "break-glass":
        await this.recordRollback(lkg, probed.result, false, reason);
        return this.breakGlass(lkg.bundle, decision.namespaces, `${reason}; ${decision.reason}`);
      case "rollback":
      case "fail":
        this.outcome.evidence = decision.action === "fail" ? decision.evidence : decision.triggers;
        await this.recordRollback(lkg, probed.result, false, reason);
        return this.finish(
          "rolled-back",
          `${reason}; rolled back to ${describeEntry(lkg)}, but its re-probe failed: ${decision.reason}`
        );
    }
  }
  /** Removes the default-deny of `namespaces` (allows stay), probes, and fails loudly. */
  async breakGlass(bundle, namespaces, reason) {
    this.outcome.reason = reason;
    const step = breakGlassStep(this.current, bundle, namespaces);
    this.note(
      "break-glass",
      "start",
      true,
      `removing the default-deny of ${namespaces.join(", ")} because ${reason}`
    );
    const before = this.current;
    const failure = await this.apply("break-glass", step, null);
    if (failure !== void 0)
      return this.finish("failed", `${reason}; break-glass failed: ${message(failure)}`);
    this.outcome.breakGlass = namespaces;
    const probed = await this.probe("break-glass", "probe", this.current, before);
    if (probed === void 0)
      return this.finish("cancelled", "the job was cancelled while probing after break-glass");
    const c = probed.result.counts;
    return this.finish(
      "break-glass",
      `${reason}; BREAK-GLASS: the default-deny of ${namespaces.join(", ")} was removed (allows kept); probe after break-glass: ${c.passed} passed, ${c.failed} failed, ${c.inconclusive} inconclusive. The environment is not enforced until a fixed revision is deployed`
    );
  }
  // --- recording ------------------------------------------------------------------------
  async recordProven(result) {
    const target = this.item.target;
    const ok = await this.write({
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
      ...checkIds(result)
    });
    if (!ok)
      return this.finish(
        "failed",
        "deployed and proven, but the last-known-good record could not be written"
      );
    return this.finish("deployed");
  }
  async recordAudit(result, reason) {
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
  async recordRollback(lkg, result, proven, reason) {
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
    await this.write(
      proven ? { ...common, proven: true, bundle: lkg.bundle, ...checkIds(result) } : { ...common, proven: false }
    );
  }
  auditFields(reason) {
    const why = [this.request.reason, reason].filter((r) => r !== void 0 && r !== "").join("; ");
    const lkg = this.lkg;
    return {
      ...why === "" ? {} : { reason: why },
      ...this.request.action === "rollback" && lkg !== void 0 ? { from: { revision: lkg.revision, digest: lkg.digest } } : {}
    };
  }
  async write(entry2) {
    try {
      const history = appendEntry(this.item.history, entry2);
      await this.deps.history.write(history);
      this.item.history = history;
      this.note(
        "record",
        entry2.proven ? "last-known-good" : "history",
        true,
        `${this.deps.history.describe(this.env)}: entry #${history.entries[0]?.seq}`
      );
      return true;
    } catch (error) {
      this.note("record", "history", false, `${this.deps.history.describe(this.env)}: ${message(error)}`);
      return false;
    }
  }
  // --- report helpers ------------------------------------------------------------------
  note(phase, step, ok, detail) {
    this.outcome.timeline.push(entry(this.deps, phase, step, ok, detail));
  }
  finish(status, reason) {
    this.outcome.status = status;
    if (reason !== void 0) this.outcome.reason = reason;
    return this.outcome;
  }
  lkgSummary() {
    return this.lkg === void 0 ? "no last-known-good revision yet (first deploy): connectivity lost falls back to the allows without the default-deny" : `last-known-good: ${describeEntry(this.lkg)}`;
  }
};
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
function entry(deps, phase, step, ok, detail) {
  return { at: deps.now().toISOString(), phase, step, ok, detail };
}
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
function inconclusiveResult(plan, why) {
  const results = plan.checks.map(
    (check) => check.expect === "cannot-check" ? {
      check,
      observed: { outcome: "cannot-check", evidence: "planned", message: check.reason },
      classification: "not-checked",
      attempts: 0
    } : {
      check,
      observed: { outcome: "cannot-check", evidence: "probe-error", message: why },
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
    warnings: [why]
  };
}
function isLocked(error) {
  return error instanceof Error && error.name === "StackLockedError";
}
function stackOf(error) {
  const m = error instanceof Error ? /stack (\S+) is locked/.exec(error.message) : null;
  return m?.[1];
}
function message(error) {
  return error instanceof Error ? error.message : String(error);
}

// action/src/commands/drift.ts
function compareWithRecord(recorded, live) {
  const managed = new Set(recorded.objects.map(namespaceOf));
  const liveByKey = new Map(live.map((p) => [objectKey(p), p]));
  const recordedKeys = new Set(recorded.objects.map((o) => objectKey(o)));
  const findings = [];
  for (const object of recorded.objects) {
    const key = objectKey(object);
    const found = liveByKey.get(key);
    if (found === void 0) {
      findings.push({
        change: "deleted",
        object: key,
        detail: "in the last-known-good bundle, missing from the cluster"
      });
    } else if (fingerprint(found) !== fingerprint(object.manifest)) {
      findings.push({
        change: "edited",
        object: key,
        detail: "its spec or labels differ from the last-known-good bundle"
      });
    }
  }
  for (const policy of live) {
    const key = objectKey(policy);
    if (!managed.has(policy.metadata.namespace ?? "") || recordedKeys.has(key)) continue;
    const ours = policy.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY_VALUE;
    findings.push({
      change: "extra",
      object: key,
      detail: ours ? "labelled managed-by netpol-rollout but not in the last-known-good bundle (left by an interrupted deploy?)" : "not created by netpol-rollout, in a namespace it manages (it can only widen what is allowed)"
    });
  }
  return findings.sort((a, b) => a.object < b.object ? -1 : a.object > b.object ? 1 : 0);
}
async function runDrift(environments, deps, signal) {
  const outcomes = [];
  const cluster = await deps.readCluster();
  for (const intent of environments) {
    if (signal?.aborted) break;
    outcomes.push(await driftOf(intent, cluster, deps, signal));
  }
  return { environments: outcomes, drift: outcomes.some((o) => o.drift) };
}
async function driftOf(intent, cluster, deps, signal) {
  const history = await deps.history.read(intent.name);
  const lkg = lastKnownGood(history);
  const live = liveBundle(intent.name, intent.cni, cluster.policies);
  const outcome = { environment: intent.name, findings: [], drift: false, notes: [] };
  if (lkg === void 0) {
    outcome.notes.push(
      "no last-known-good revision is recorded yet: the objects are not compared, only probed"
    );
  } else {
    outcome.lastKnownGood = { revision: lkg.revision, digest: lkg.digest, seq: lkg.seq };
    outcome.findings = compareWithRecord(lkg.bundle, cluster.policies);
  }
  const plan = deps.probes.plan({ environment: intent, bundle: live, before: live, cluster });
  let probe;
  try {
    probe = await deps.probes.run(plan, signal);
  } catch (error) {
    probe = inconclusiveResult(
      plan,
      `the probe run failed: ${error instanceof Error ? error.message : String(error)}`
    );
  }
  outcome.plan = plan;
  outcome.probe = probe;
  outcome.drift = outcome.findings.length > 0 || probe.counts.failed > 0;
  if (lkg !== void 0 && outcome.findings.length === 0) {
    await refreshRecord(history, lkg, probe, deps, outcome);
  }
  return outcome;
}
async function refreshRecord(history, lkg, probe, deps, outcome) {
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

// action/src/commands/rollback.ts
async function resolveRollbackTarget(request, history, compileAt) {
  const env = request.environment.name;
  const target = request.target.trim();
  const intentAt = async (revision) => {
    if (revision === null) return request.environment;
    try {
      return (await compileAt(revision, env))?.intent ?? request.environment;
    } catch {
      return request.environment;
    }
  };
  const entry2 = target === "" || target === LAST_KNOWN_GOOD ? lastKnownGood(history) : findEntry(history, target);
  if (entry2 !== void 0) {
    return {
      ok: true,
      intent: await intentAt(entry2.revision),
      bundle: entry2.bundle,
      revision: entry2.revision,
      description: `${target === "" || target === LAST_KNOWN_GOOD ? "the last-known-good, " : "the recorded "}${describeEntry(entry2)}`
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
      run: request.run,
      reason: request.reason,
      ...request.signal === void 0 ? {} : { signal: request.signal }
    },
    deps
  );
  return { ...report, target: resolved.description };
}

// action/src/commands/action-rollout.ts
var RolloutFailedError = class extends Error {
  name = "RolloutFailedError";
};
async function runActionRollout(settings, deps, io) {
  const scrubber = createScrubber(settings.secrets);
  const loaded = await deps.readIntent();
  if (!loaded.ok) {
    const lines = loaded.errors.map(formatIntentError);
    if (settings.hasSummary) {
      await io.writeSummary(
        scrubber.scrub(
          [
            `## netpol-rollout ${settings.command}: \u274C refused, the intent is invalid`,
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
  const environments = selectEnvironments(loaded.intent.environments, settings.environments);
  if (settings.command === "probe") {
    const report2 = await runDrift(environments, driftDeps(deps.rollout), deps.signal);
    const safe2 = scrubber.scrubDeep(report2);
    if (settings.hasSummary) await io.writeSummary(scrubber.scrub(renderDriftSummary(safe2)));
    const probes = safe2.environments.map((e) => e.probe).filter((p) => p !== void 0);
    io.setOutput("drift", String(safe2.drift));
    io.setOutput("probe-passed", String(probes.reduce((n, p) => n + p.counts.passed, 0)));
    io.setOutput("probe-failed", String(probes.reduce((n, p) => n + p.counts.failed, 0)));
    io.setOutput("probe-inconclusive", String(probes.reduce((n, p) => n + p.counts.inconclusive, 0)));
    await writeJson(
      deps,
      settings,
      "drift-report.json",
      scrubber.scrub(JSON.stringify({ schemaVersion: 1, report: safe2 }, null, 2)),
      io
    );
    if (safe2.drift) {
      throw new RolloutFailedError(
        `drift: ${safe2.environments.filter((e) => e.drift).map(
          (e) => `${e.environment} (${e.findings.length} object${e.findings.length === 1 ? "" : "s"} changed by hand, ${e.probe?.counts.failed ?? 0} probe check${e.probe?.counts.failed === 1 ? "" : "s"} failed)`
        ).join(", ")}; see the job summary`
      );
    }
    return;
  }
  let report;
  if (settings.command === "rollback") {
    if (environments.length !== 1) {
      throw new RolloutFailedError(
        `a rollback acts on exactly one environment; got ${environments.length === 0 ? "none" : environments.map((e) => e.name).join(", ")} (set the environment input)`
      );
    }
    if (settings.reason.trim() === "") {
      throw new RolloutFailedError(
        "a rollback needs a reason (the reason input): it is recorded in the history"
      );
    }
    report = await runRollback(
      {
        environment: environments[0],
        target: settings.target || LAST_KNOWN_GOOD,
        reason: settings.reason,
        onInconclusive: settings.onInconclusive,
        run: settings.run,
        ...deps.signal === void 0 ? {} : { signal: deps.signal }
      },
      { ...deps.rollout, compileAt: deps.compileAt }
    );
  } else {
    report = await runRollout(
      {
        action: "deploy",
        targets: environments.map((intent) => ({
          intent,
          bundle: { ...compileEnvironment(intent), excludedNamespaces: [...intent.excludedNamespaces] },
          revision: settings.revision ?? null
        })),
        onInconclusive: settings.onInconclusive,
        run: settings.run,
        ...deps.signal === void 0 ? {} : { signal: deps.signal }
      },
      deps.rollout
    );
  }
  const safe = scrubber.scrubDeep(report);
  if (settings.hasSummary) await io.writeSummary(scrubber.scrub(renderRolloutSummary(safe)));
  else io.info(renderRolloutSummary(safe));
  const outputs = rolloutOutputs(safe);
  for (const [name, value] of Object.entries(outputs)) io.setOutput(name, String(value));
  await writeJson(
    deps,
    settings,
    `${settings.command}-report.json`,
    scrubber.scrub(JSON.stringify({ schemaVersion: 1, outputs, report: safe }, null, 2)),
    io
  );
  if (settings.command === "deploy" && deps.notifier && settings.revision) {
    try {
      const url = await deps.notifier.post(
        settings.revision,
        scrubber.scrub(renderPullRequestResult(safe, settings.run.url))
      );
      io.info(`Result posted on the merged pull request: ${url}`);
    } catch (error) {
      io.warn(
        `The result was not posted on the pull request: ${error instanceof Error ? error.message : String(error)}`
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
function driftDeps(deps) {
  return {
    readCluster: deps.readCluster,
    history: deps.history,
    probes: deps.probes,
    now: deps.now,
    log: deps.log
  };
}
async function writeJson(deps, settings, name, text, io) {
  const path = join(settings.temp, "netpol-rollout", name);
  await (deps.writeReport ?? writeReportFile)(path, `${text}
`);
  io.setOutput("report", path);
}
async function writeReportFile(path, text) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, "utf8");
}
export {
  RolloutFailedError,
  runActionRollout,
  selectEnvironments
};
