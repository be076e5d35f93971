import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  clip,
  code,
  cutUtf16,
  escapeMarkdown,
  escapePre,
  mermaidLabel,
  require_mod,
  ruleName
} from "./chunk-SCR74SC5.js";
import {
  __toESM
} from "./chunk-JYXQAFTB.js";

// action/src/intent/environment-names.ts
var import_fastest_levenshtein = __toESM(require_mod(), 1);
function suggestEnvironment(name, available) {
  if (available.length === 0) return void 0;
  const prefixed = available.filter((a) => a.startsWith(name) || name.startsWith(a));
  if (prefixed.length === 1) return prefixed[0];
  const candidate = (0, import_fastest_levenshtein.closest)(name, [...available]);
  return (0, import_fastest_levenshtein.distance)(name, candidate) <= Math.max(2, Math.floor(name.length / 3)) ? candidate : void 0;
}
function unknownEnvironmentMessage(name, available) {
  if (available.length === 0) return `unknown environment '${name}': the intent declares no environments`;
  const suggestion = suggestEnvironment(name, available);
  return `unknown environment '${name}'; environments: ${available.join(", ")}` + (suggestion !== void 0 ? ` (did you mean '${suggestion}'?)` : "");
}

// action/src/report/scrub.ts
var REDACTED = "***";
var MIN_SECRET_LENGTH = 4;
function createScrubber(secrets) {
  const values = /* @__PURE__ */ new Set();
  for (const secret of secrets) {
    if (typeof secret !== "string") continue;
    for (const value of [secret, secret.trim(), ...secret.split(/\r?\n/).map((l) => l.trim())]) {
      if (value.length >= MIN_SECRET_LENGTH) values.add(value);
    }
  }
  const forms = /* @__PURE__ */ new Set();
  for (const value of values) for (const form of formsOf(value)) forms.add(form);
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  const pattern = ordered.length > 0 ? new RegExp(ordered.map(escapeRegExp).join("|"), "g") : void 0;
  const scrub = (text) => pattern ? text.replace(pattern, REDACTED) : text;
  const scrubDeep = (value) => pattern ? mapStrings(value, scrub) : value;
  return {
    scrub,
    scrubDeep,
    leaks: (text) => pattern ? new RegExp(pattern.source).test(text) : false,
    size: values.size
  };
}
var NO_SECRETS = createScrubber([]);
function formsOf(value) {
  const forms = [value, escapeMarkdown(value), escapePre(value), JSON.stringify(value).slice(1, -1)];
  try {
    forms.push(encodeURIComponent(value));
  } catch {
  }
  forms.push(...base64Forms(value));
  return forms.filter((f) => f.length >= MIN_SECRET_LENGTH);
}
function base64Forms(value) {
  const bytes = Buffer.from(value, "utf8");
  const forms = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const encoded = padded.toString("base64").replace(/=+$/, "");
    const start = offset === 0 ? 0 : Math.ceil(offset * 8 / 6);
    const end = Math.floor((offset + bytes.length) * 8 / 6);
    const form = encoded.slice(start, end);
    if (form.length >= 8) forms.push(form);
  }
  return forms;
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
function mapStrings(value, fn) {
  if (typeof value === "string") return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value instanceof Date || value === null || typeof value !== "object") return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    Object.defineProperty(out, k, {
      value: mapStrings(v, fn),
      enumerable: true,
      writable: true,
      configurable: true
    });
  }
  return out;
}

// action/src/text/plural.ts
function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

// action/src/report/types.ts
function previewOutputs(report) {
  let flowsAdded = 0;
  let flowsRemoved = 0;
  let lintErrors = 0;
  let lintWarnings = 0;
  let changed = false;
  for (const env of report.environments) {
    for (const change of env.diff.changes) {
      if (change.change === "added") flowsAdded++;
      else flowsRemoved++;
    }
    for (const finding of env.lint) {
      if (finding.severity === "error") lintErrors++;
      else lintWarnings++;
    }
    if (env.verdict.kind === "changed") changed = true;
  }
  const headErrors = report.intentErrors.filter((e) => e.side === "head").length;
  return {
    changed,
    flowsAdded,
    flowsRemoved,
    lintErrors,
    lintWarnings,
    invalid: headErrors > 0,
    intentErrors: headErrors
  };
}
function verdictOf(diff) {
  const opened = diff.changes.filter((c) => c.change === "added").length;
  const closed = diff.changes.length - opened;
  const other = diff.workloads.added.length + diff.workloads.removed.length + diff.namespaces.added.length + diff.namespaces.removed.length;
  return opened + closed + other === 0 ? { kind: "no-change" } : { kind: "changed", opened, closed };
}
function verdictText(verdict) {
  switch (verdict.kind) {
    case "no-change":
      return "no change";
    case "invalid":
      return `invalid intent (${plural(verdict.errors, "error")})`;
    case "changed":
      if (verdict.opened + verdict.closed === 0) return "no flow opened or closed";
      return `${plural(verdict.opened, "flow")} opened, ${verdict.closed} closed`;
  }
}

// action/src/report/mermaid.ts
var MERMAID_MAX_EDGES = 300;
var MERMAID_MAX_TEXT = 4e4;
var ADDED_STYLE = "stroke:#1a7f37,stroke-width:3px,color:#1a7f37";
var REMOVED_STYLE = "stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 5,color:#cf222e";
function nodeShape(node) {
  const label = mermaidLabel(node.key);
  switch (node.kind) {
    case "service":
      return `${node.id}[${label}]`;
    case "namespace":
      return `${node.id}([${label}])`;
    case "cidr":
    case "fqdn":
      return `${node.id}{{${label}}}`;
  }
}
function edgeLine(edge) {
  const ports = edge.ports.join(", ");
  switch (edge.status) {
    case "unchanged":
      return `  ${edge.from} -->|${mermaidLabel(ports)}| ${edge.to}`;
    case "added":
      return `  ${edge.from} ==>|${mermaidLabel(`+ ${ports}`)}| ${edge.to}`;
    case "removed":
      return `  ${edge.from} -.->|${mermaidLabel(`- ${ports}`)}| ${edge.to}`;
  }
}
function renderMermaid(graph, maxEdges = MERMAID_MAX_EDGES) {
  if (graph.edges.length === 0) return { ok: false, reason: "no flows to draw" };
  if (graph.edges.length > maxEdges) {
    return {
      ok: false,
      reason: `the graph has ${graph.edges.length} edges, more than the ${maxEdges} a diagram shows legibly`
    };
  }
  const lines = ["```mermaid", "flowchart LR"];
  for (const node of graph.nodes) lines.push(`  ${nodeShape(node)}`);
  const added = [];
  const removed = [];
  graph.edges.forEach((edge, index) => {
    lines.push(edgeLine(edge));
    if (edge.status === "added") added.push(index);
    if (edge.status === "removed") removed.push(index);
  });
  if (added.length > 0) lines.push(`  linkStyle ${added.join(",")} ${ADDED_STYLE}`);
  if (removed.length > 0) lines.push(`  linkStyle ${removed.join(",")} ${REMOVED_STYLE}`);
  const removedNodes = graph.nodes.filter((n) => n.removed).map((n) => n.id);
  if (removedNodes.length > 0) {
    lines.push("  classDef gone stroke:#cf222e,stroke-dasharray:5 5");
    lines.push(`  class ${removedNodes.join(",")} gone`);
  }
  lines.push("```");
  const text = lines.join("\n");
  if (text.length > MERMAID_MAX_TEXT) {
    return { ok: false, reason: `the diagram would be ${text.length} characters, more than mermaid renders` };
  }
  return { ok: true, text };
}

// action/src/report/risk.ts
var DRIFT_NAMES = 3;
var RISK_ORDER = {
  "new-exposure": 0,
  "last-caller-closed": 1,
  "differs-across-environments": 2
};
function namespaceOf(label, kind) {
  if (kind === "namespace") return label.startsWith("ns:") ? label.slice(3) : label.split("/")[0];
  if (kind === "service" || kind === "dns") return label.split("/")[0];
  return void 0;
}
function everyAddress(change) {
  return change.toKind === "internet" || change.toKind === "external" && /^(0\.0\.0\.0|::)\/0\b/.test(change.to);
}
function exposure(change) {
  if (change.change !== "added" || change.builtin) return void 0;
  if (everyAddress(change)) return "egress to every address";
  if (change.toKind !== "service") return void 0;
  const home = namespaceOf(change.to, "service");
  switch (change.fromKind) {
    case "external":
    case "internet":
      return `reachable from outside the cluster (${change.from})`;
    case "other-namespace":
      return `reachable from any namespace`;
    case "namespace":
    case "service": {
      const from = namespaceOf(change.from, change.fromKind);
      return from !== home ? `reachable from outside ${home} (${from})` : void 0;
    }
    default:
      return void 0;
  }
}
function calledAtHead(env) {
  const keyOf = new Map(env.flowsGraph.nodes.map((n) => [n.id, n.key]));
  const called = /* @__PURE__ */ new Set();
  for (const edge of env.flowsGraph.edges) {
    if (edge.status !== "removed") called.add(keyOf.get(edge.to) ?? "");
  }
  return called;
}
function generic(label, env) {
  if (label.startsWith(`${env}/`)) return `~/${label.slice(env.length + 1)}`;
  return label === `ns:${env}` ? "ns:~" : label;
}
function driftAcrossEnvironments(report) {
  const comparable = report.environments.filter((e) => e.presence === "both" && e.verdict.kind !== "invalid");
  const nodeEnvs = /* @__PURE__ */ new Map();
  const edgeEnvs = /* @__PURE__ */ new Map();
  const add = (index, key, env) => {
    const set = index.get(key) ?? /* @__PURE__ */ new Set();
    set.add(env);
    index.set(key, set);
  };
  for (const env of comparable) {
    const keyOf = new Map(env.flowsGraph.nodes.map((n) => [n.id, generic(n.key, env.name)]));
    for (const n of env.flowsGraph.nodes) if (!n.removed) add(nodeEnvs, generic(n.key, env.name), env.name);
    for (const e of env.flowsGraph.edges) {
      if (e.status === "removed") continue;
      for (const port of e.ports) add(edgeEnvs, `${keyOf.get(e.from)}|${keyOf.get(e.to)}|${port}`, env.name);
    }
  }
  const withBoth = /* @__PURE__ */ new Map();
  const bothOf = (from, to) => {
    const key = `${from}|${to}`;
    let list = withBoth.get(key);
    if (!list) {
      const b = nodeEnvs.get(to) ?? /* @__PURE__ */ new Set();
      list = [...nodeEnvs.get(from) ?? []].filter((name) => b.has(name));
      withBoth.set(key, list);
    }
    return list;
  };
  const out = /* @__PURE__ */ new Map();
  for (const env of comparable) {
    const drift = /* @__PURE__ */ new Map();
    for (const c of env.diff.changes) {
      if (c.builtin || c.cause === "endpoint") continue;
      const from = generic(c.from, env.name);
      const to = generic(c.to, env.name);
      const both = bothOf(from, to);
      const declaring = edgeEnvs.get(`${from}|${to}|${c.port}/${c.protocol}`) ?? /* @__PURE__ */ new Set();
      const othersBoth = both.length - (both.includes(env.name) ? 1 : 0);
      const othersDeclaring = declaring.size - (declaring.has(env.name) ? 1 : 0);
      const differing = c.change === "added" ? othersBoth - othersDeclaring : othersDeclaring;
      if (differing === 0) continue;
      drift.set(
        c,
        both.filter((name) => name !== env.name && declaring.has(name) !== (c.change === "added"))
      );
    }
    out.set(env.name, drift);
  }
  return out;
}
function sortChanges(env, drift = /* @__PURE__ */ new Map()) {
  const called = calledAtHead(env);
  const risky = [];
  const ordinary = [];
  const builtin = [];
  for (const change of env.diff.changes) {
    if (change.builtin && change.cause !== "rules") {
      builtin.push(change);
      continue;
    }
    const exposed = exposure(change);
    if (exposed) {
      risky.push({ change, risk: "new-exposure", reason: exposed });
      continue;
    }
    if (change.change === "removed" && !change.builtin && change.toKind === "service" && env.presence !== "removed" && !env.diff.workloads.removed.includes(change.to) && !called.has(change.to)) {
      risky.push({
        change,
        risk: "last-caller-closed",
        reason: `no declared flow reaches ${change.to} any more`
      });
      continue;
    }
    const others = drift.get(change);
    if (others) {
      const names = others.length > DRIFT_NAMES ? `${others.slice(0, DRIFT_NAMES).join(", ")} and ${others.length - DRIFT_NAMES} more` : others.join(", ");
      risky.push({
        change,
        risk: "differs-across-environments",
        reason: change.change === "added" ? `${names} ${others.length === 1 ? "does" : "do"} not declare it` : `${names} still ${others.length === 1 ? "declares" : "declare"} it`
      });
      continue;
    }
    ordinary.push(change);
  }
  risky.sort((a, b) => RISK_ORDER[a.risk] - RISK_ORDER[b.risk]);
  return { risky, ordinary, builtin };
}
function builtinGroups(builtin) {
  const groups = [];
  for (const kind of ["dns", "node-cidrs"]) {
    for (const change of ["added", "removed"]) {
      const list = builtin.filter((c) => c.builtin === kind && c.change === change);
      if (list.length === 0) continue;
      const subjects = new Set(list.map((c) => kind === "dns" ? c.from : c.to));
      const workloads = [...subjects].filter((s) => !s.startsWith("ns:") && !s.includes("(")).length;
      const others = subjects.size - workloads;
      const who = [
        workloads > 0 ? plural(workloads, "workload") : "",
        others > 0 ? `the other pods of ${plural(others, "namespace")}` : ""
      ].filter((w) => w !== "").join(" and ");
      const sources = /* @__PURE__ */ new Map();
      for (const c of list) {
        const s = c.rule?.source;
        if (s && !sources.has(`${s.file}:${s.line}`)) sources.set(`${s.file}:${s.line}`, c);
      }
      groups.push({
        kind,
        change,
        who,
        peers: [...new Set(list.map((c) => kind === "dns" ? c.to : c.from))],
        ports: [...new Set(list.map((c) => `${c.port}/${c.protocol}`))],
        sources: [...sources.values()],
        count: list.length
      });
    }
  }
  return groups;
}
function builtinText(g, name = (s) => s) {
  const verb = g.change === "added" ? "opened" : "closed";
  const peers = g.peers.map(name).join(", ");
  return g.kind === "dns" ? `DNS ${verb} for ${g.who} to ${peers} on ${g.ports.join(", ")}` : `kubelet health checks ${verb} from ${peers} to ${g.who} on ${g.ports.join(", ")}`;
}

// action/src/report/markdown.ts
var MARKER = "<!-- netpol-rollout:preview -->";
var GITHUB_COMMENT_LIMIT = 65536;
var DEFAULT_COMMENT_MAX_CHARS = 65e3;
var GITHUB_SUMMARY_LIMIT_BYTES = 1024 * 1024;
var DEFAULT_SUMMARY_MAX_BYTES = GITHUB_SUMMARY_LIMIT_BYTES - 16 * 1024;
var ARROW = "\u2192";
function shortSha(sha) {
  return /^[0-9a-f]{40}$/i.test(sha) ? sha.slice(0, 7) : sha;
}
function sourceLink(file, line, column, detail, side = "head") {
  const text = code(`${file}:${line}${column !== void 0 ? `:${column}` : ""}`);
  const url = side === "base" ? detail.baseSourceUrl : detail.sourceUrl;
  if (!url) return text;
  const path = file.split("/").map(
    (segment) => encodeURIComponent(segment).replace(/[()!'*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)
  ).join("/");
  return `[${text}](${url}${path}#L${line})`;
}
function table(header2, rows, detail, what) {
  if (rows.length === 0) return [];
  const shown = rows.slice(0, detail.maxRows);
  const lines = [`| ${header2.join(" | ")} |`, `| ${header2.map(() => "---").join(" | ")} |`];
  for (const row of shown) lines.push(`| ${row.join(" | ")} |`);
  const rest = rows.length - shown.length;
  if (rest > 0) {
    const where = detail.audience === "comment" ? summaryPointer(detail) : "";
    lines.push("", `\u2026 and ${rest} more ${what}${where}.`);
  }
  return lines;
}
function summaryPointer(detail) {
  if (detail.summaryHoldsAll === false)
    return " in the JSON report (the step's `report` output) and in `netpol-rollout preview` run locally; the job summary is shortened too";
  return detail.summaryUrl ? ` in the [job summary](${detail.summaryUrl})` : " in the job summary";
}
function flowText(change) {
  const to = change.to.includes(":") && !change.to.startsWith("ns:") ? `[${change.to}]` : change.to;
  const port = `${change.port === "*" ? "any other port" : change.port}/${change.protocol}`;
  return `${change.from} ${ARROW} ${to}:${change.portName ? `${change.portName} (${port})` : port}`;
}
function sideOf(change) {
  return change.change === "added" ? "head" : "base";
}
function flowCell(change) {
  const comment = change.comment ? ` ${escapeMarkdown(`# ${change.comment}`)}` : "";
  return `${code(flowText(change))}${comment}`;
}
function ruleCell(change, detail) {
  const rule = change.rule;
  if (!rule) return "\u2014";
  const policy = `${code(`${rule.namespace}/${rule.policy}`)} ${ruleName(rule)}`;
  if (!rule.source) return policy;
  return `${sourceLink(rule.source.file, rule.source.line, void 0, detail, sideOf(change))}<br>${policy}`;
}
function whyCell(change, detail) {
  const short = escapeMarkdown(change.summary ?? (change.change === "added" ? "now allowed" : "now blocked"));
  if (!detail.explanations) return short;
  return `<details><summary>${short}</summary>${escapeMarkdown(change.explanation)}</details>`;
}
var CHANGE_MARK = { added: "\u2795 opens", removed: "\u2796 closes" };
function flowRows(changes, detail) {
  return changes.map((change) => [
    CHANGE_MARK[change.change],
    flowCell(change),
    ruleCell(change, detail),
    whyCell(change, detail)
  ]);
}
var RISK_LABEL = {
  "new-exposure": "\u26A0\uFE0F new exposure",
  "last-caller-closed": "\u26A0\uFE0F last caller closed",
  "differs-across-environments": "\u26A0\uFE0F environments differ"
};
var RISK_COUNT = {
  "new-exposure": (n) => plural(n, "new exposure", "new exposures"),
  "last-caller-closed": (n) => plural(n, "last caller closed", "last callers closed"),
  "differs-across-environments": (n) => plural(n, "difference between environments", "differences between environments")
};
function riskRows(risky, detail) {
  return risky.map(({ change, risk, reason }) => [
    `${RISK_LABEL[risk]}: ${escapeMarkdown(reason)}`,
    CHANGE_MARK[change.change],
    flowCell(change),
    ruleCell(change, detail),
    whyCell(change, detail)
  ]);
}
function opRows(operations) {
  return operations.map((op) => [
    code(op.op),
    escapeMarkdown(op.kind),
    code(op.name),
    op.changedKeys.length > 0 ? op.changedKeys.map(code).join(", ") : "\u2014"
  ]);
}
function lintRows(findings, detail) {
  return findings.map((f) => [
    f.severity === "error" ? "\u274C error" : "\u26A0\uFE0F warning",
    code(f.code),
    escapeMarkdown(f.message),
    f.source ? sourceLink(f.source.file, f.source.line, f.source.column, detail) : "\u2014"
  ]);
}
function countLint(findings) {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  if (findings.length === 0) return "none";
  const parts = [];
  if (errors > 0) parts.push(plural(errors, "error"));
  if (warnings > 0) parts.push(plural(warnings, "warning"));
  return parts.join(", ");
}
function changedOps(env) {
  return env.engine.status === "ok" ? env.engine.operations.filter((op) => op.op !== "same") : [];
}
function engineCell(env) {
  switch (env.engine.status) {
    case "skipped":
      return "skipped";
    case "failed":
      return "\u274C failed";
    case "ok": {
      const n = changedOps(env).length;
      return n === 0 ? "no change" : plural(n, "operation");
    }
  }
}
function environmentVerdict(env, hasBase2 = true) {
  const parts = [verdictText(env.verdict)];
  if (env.verdict.kind === "changed") {
    const { workloads, namespaces } = env.diff;
    const extra = [];
    if (workloads.added.length > 0) extra.push(`${plural(workloads.added.length, "workload")} added`);
    if (workloads.removed.length > 0) extra.push(`${plural(workloads.removed.length, "workload")} removed`);
    if (namespaces.added.length > 0) extra.push(`${plural(namespaces.added.length, "namespace")} added`);
    if (namespaces.removed.length > 0)
      extra.push(`${plural(namespaces.removed.length, "namespace")} removed`);
    if (extra.length > 0) parts.push(extra.join(", "));
  }
  if (env.presence === "added" && hasBase2) parts.unshift("new environment");
  if (env.presence === "removed") parts.unshift("environment removed");
  return parts.join("; ");
}
function hasBase(report) {
  return report.baseRef !== void 0 && report.baseNote === void 0;
}
function headErrorsOf(report) {
  return report.intentErrors.filter((e) => e.side === "head");
}
function sortedOf(env, detail) {
  return sortChanges(env, detail.drift?.get(env.name));
}
function riskSummary(env, sorted) {
  const counts = /* @__PURE__ */ new Map();
  for (const r of sorted.risky) counts.set(r.risk, (counts.get(r.risk) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => RISK_COUNT[kind](n));
  if (env.defaultDeny?.removed.length) parts.push("default-deny removed");
  if (env.defaultDeny?.added.length) parts.push("default-deny added");
  return parts.join(", ");
}
function riskCount(env, sorted) {
  return sorted.risky.length + (env.defaultDeny?.added.length ?? 0) + (env.defaultDeny?.removed.length ?? 0);
}
function headline(report, detail) {
  const headErrors = headErrorsOf(report);
  const invalid = report.environments.filter((e) => e.verdict.kind === "invalid");
  const refusal = "Nothing deploys until every error is fixed.";
  if (headErrors.length > 0 && invalid.length === report.environments.length) {
    return `**The intent at head is invalid** (${plural(headErrors.length, "error")}): nothing was compared. Fix the errors below. ${refusal}`;
  }
  if (headErrors.length > 0 && invalid.length > 0) {
    const names = invalid.map((e) => code(e.name)).join(", ");
    return `**The intent at head has ${plural(headErrors.length, "error")}**: ${names} ${invalid.length === 1 ? "is" : "are"} not compared; the other environments are. ${refusal}`;
  }
  const errorNote = headErrors.length > 0 ? ` **The intent at head has ${plural(headErrors.length, "error")}** in files no environment uses. ${refusal}` : "";
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
  const look = risky > 0 ? `; \u26A0\uFE0F ${plural(risky, "change")} to look at first` : "";
  return `**${plural(opened, "flow")} opened, ${closed} closed** in ${changed.length} of ${plural(report.environments.length, "environment")}${look}.${errorNote}`;
}
function revisionLine(report) {
  const head = report.headRef ? ` with head ${code(shortSha(report.headRef))}` : "";
  const dir = code(report.policiesDir);
  if (report.baseRef !== void 0 && hasBase(report)) {
    const ref = shortSha(report.baseRef);
    const sha = report.baseSha && shortSha(report.baseSha) !== ref ? ` (${code(shortSha(report.baseSha))})` : "";
    return [`Comparing ${dir} at base ${code(ref)}${sha}${head}.`];
  }
  const why = report.baseNote ?? "no base revision was given";
  return [
    `No base to compare with (${escapeMarkdown(why)}): every flow of ${dir}${head} is shown as opened.`
  ];
}
function overview(report, detail) {
  const rows = report.environments.map((env) => {
    const risk = env.verdict.kind === "changed" ? riskSummary(env, sortedOf(env, detail)) : "";
    return [
      code(env.name),
      escapeMarkdown(environmentVerdict(env, hasBase(report))),
      risk ? `\u26A0\uFE0F ${escapeMarkdown(risk)}` : "\u2014",
      env.verdict.kind === "invalid" ? "\u2014" : countLint(env.lint),
      engineCell(env)
    ];
  });
  return table(["environment", "change", "look first", "lint", "Pulumi"], rows, detail, "environments");
}
function intentErrorLines(errors, detail) {
  const lines = [];
  for (const side of ["head", "base"]) {
    const list = errors.filter((e) => e.side === side);
    if (list.length === 0) continue;
    lines.push(
      "",
      side === "head" ? `### Intent errors (${list.length})` : `### Intent errors at base (${list.length}): the base was not used`,
      ""
    );
    for (const e of list.slice(0, detail.maxRows)) {
      const hint = e.hint ? ` (${escapeMarkdown(e.hint)})` : "";
      lines.push(
        `- ${sourceLink(e.file, e.line, e.column, detail, side)} ${escapeMarkdown(e.message)}${hint}`
      );
    }
    if (list.length > detail.maxRows) {
      const where = detail.audience === "comment" ? summaryPointer(detail) : "";
      lines.push("", `\u2026 and ${list.length - detail.maxRows} more errors${where}.`);
    }
  }
  return lines;
}
function engineSkippedSentence(reason) {
  return `The Pulumi engine part was skipped: ${escapeMarkdown(reason.replace(/\.\s*$/, ""))}.`;
}
function engineSection(env, report, detail) {
  const engine = env.engine;
  switch (engine.status) {
    case "skipped":
      return report.engineNote === engine.reason ? [] : ["", engineSkippedSentence(engine.reason)];
    case "failed":
      return [
        "",
        `**Pulumi** (stack ${code(engine.stack)}): the preview failed:`,
        "",
        "<pre>",
        escapePre(clip(engine.error, detail.audience === "comment" ? 1500 : 2e4)),
        "</pre>"
      ];
    case "ok": {
      const ops = changedOps(env);
      const same = engine.operations.length - ops.length;
      if (ops.length === 0) {
        return [
          "",
          `**Pulumi** (stack ${code(engine.stack)}): no resource changes (${plural(same, "resource")} unchanged).`
        ];
      }
      return [
        "",
        `**Pulumi** (stack ${code(engine.stack)}): ${plural(ops.length, "operation")}, ${same} unchanged.`,
        "",
        ...table(["op", "kind", "name", "changed keys"], opRows(ops), detail, "operations")
      ];
    }
  }
}
function listNames(label, names, detail) {
  if (names.length === 0) return [];
  const shown = names.slice(0, detail.maxRows).map(code).join(", ");
  const rest = names.length > detail.maxRows ? ` and ${names.length - detail.maxRows} more` : "";
  return [`${label}: ${shown}${rest}.`];
}
var HEADLINE_FLOWS = 3;
function environmentHeadline(sorted) {
  const declared = [...sorted.risky.map((r) => r.change), ...sorted.ordinary];
  const part = (kind, verb) => {
    const list = declared.filter((c) => c.change === kind);
    if (list.length === 0) return void 0;
    if (list.length > HEADLINE_FLOWS) return `${verb} ${plural(list.length, "flow")}`;
    return `${verb} ${list.map((c) => code(flowText(c))).join(", ")}`;
  };
  const parts = [part("added", "opens"), part("removed", "closes")].filter(
    (p) => p !== void 0
  );
  if (parts.length === 0) return void 0;
  const text = parts.join("; ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
function defaultDenyLines(env) {
  const lines = [];
  const names = (list) => list.map(code).join(", ");
  const removed = env.defaultDeny?.removed ?? [];
  const added = env.defaultDeny?.added ?? [];
  if (removed.length > 0) {
    lines.push(
      `- \u26A0\uFE0F **default-deny removed** from ${names(removed)}: its pods accept and send any traffic no other policy restricts.`
    );
  }
  if (added.length > 0) {
    lines.push(
      `- \u26A0\uFE0F **default-deny added** to ${names(added)}: what is not declared is cut (it is applied last, after the allows).`
    );
  }
  return lines;
}
function builtinLine(builtin, detail) {
  if (builtin.length === 0) return [];
  const parts = builtinGroups(builtin).map((g) => {
    const links = g.sources.slice(0, 2).map((c) => {
      const s = c.rule?.source;
      return sourceLink(s.file, s.line, void 0, detail, sideOf(c));
    });
    const more = g.sources.length > 2 ? ` and ${g.sources.length - 2} more` : "";
    const from = links.length > 0 ? ` (${links.join(", ")}${more})` : "";
    return `${builtinText(g, code)}${from}`;
  });
  const line = `**Built in** (${plural(builtin.length, "flow")}): ${parts.join("; ")}.`;
  if (!detail.builtinRows) return ["", line];
  return [
    "",
    "<details><summary>",
    "",
    line,
    "",
    "</summary>",
    "",
    ...table(["change", "flow", "rule", "why"], flowRows(builtin, detail), detail, "built-in flows"),
    "",
    "</details>"
  ];
}
function environmentSection(env, report, detail) {
  const lines = ["", `### ${code(env.name)}: ${escapeMarkdown(environmentVerdict(env, hasBase(report)))}`];
  if (env.verdict.kind === "invalid") {
    const files = env.verdict.files ?? [];
    const where = files.length > 0 ? ` in ${files.map(code).join(", ")}` : "";
    lines.push("", `Not compared: fix the errors${where} listed above.`);
    return lines;
  }
  const sorted = sortedOf(env, detail);
  const head = environmentHeadline(sorted);
  if (head) lines.push("", head);
  const risks = defaultDenyLines(env);
  if (sorted.risky.length > 0 || risks.length > 0) {
    lines.push("", "**\u26A0\uFE0F Look at these first**");
    if (risks.length > 0) lines.push("", ...risks);
    if (sorted.risky.length > 0) {
      lines.push(
        "",
        ...table(
          ["risk", "change", "flow", "rule", "why"],
          riskRows(sorted.risky, detail),
          detail,
          "risky changes"
        )
      );
    }
  }
  const names = [
    ...listNames("Workloads added", env.diff.workloads.added, detail),
    ...listNames("Workloads removed", env.diff.workloads.removed, detail),
    ...listNames("Namespaces added", env.diff.namespaces.added, detail),
    ...listNames("Namespaces removed", env.diff.namespaces.removed, detail)
  ];
  if (names.length > 0) lines.push("", ...names.flatMap((n, i) => i === 0 ? [n] : ["", n]));
  if (sorted.ordinary.length > 0) {
    lines.push(
      "",
      ...sorted.risky.length > 0 ? ["**Other flow changes**", ""] : [],
      ...table(["change", "flow", "rule", "why"], flowRows(sorted.ordinary, detail), detail, "flow changes")
    );
  }
  lines.push(...builtinLine(sorted.builtin, detail));
  lines.push(...engineSection(env, report, detail));
  if (env.lint.length > 0) {
    lines.push(
      "",
      `**Lint** (${countLint(env.lint)})`,
      "",
      ...table(["severity", "code", "message", "where"], lintRows(env.lint, detail), detail, "findings")
    );
  }
  const wantDiagram = env.verdict.kind === "changed" || detail.mermaidForUnchanged;
  if (wantDiagram && env.flowsGraph.edges.length > 0) {
    const diagram = detail.mermaidMaxEdges > 0 ? renderMermaid(env.flowsGraph, detail.mermaidMaxEdges) : { ok: false, reason: "diagrams are left out to keep the report short" };
    if (diagram.ok) {
      lines.push(
        "",
        env.flowsGraph.edges.some((e) => e.status !== "unchanged") ? "<details><summary>Flows: thick green = opened, dashed red = closed</summary>" : "<details><summary>Flows</summary>",
        "",
        diagram.text,
        "",
        "</details>"
      );
    } else {
      lines.push("", `The flows diagram is left out: ${escapeMarkdown(diagram.reason)}.`);
    }
  }
  return lines;
}
function denyVerb(env, namespace) {
  return env.defaultDeny?.removed.includes(namespace) ? "removed" : "added";
}
var PROBE_CHANGE_ROWS = { comment: 10, summary: 50 };
function probeSection(report, detail) {
  const envs = report.environments.filter(
    (e) => e.probes !== void 0
  );
  if (envs.length === 0) return [];
  const counts = envs.map((e) => [
    code(e.name),
    String(e.probes.checks),
    String(e.probes.expected.allowed),
    String(e.probes.expected.blocked),
    String(e.probes.expected["cannot-check"]),
    String(e.probes.changesTotal)
  ]);
  const lines = [
    "",
    "<details><summary>What the probes will check after merge</summary>",
    "",
    "| environment | checks | expect allowed | expect blocked | cannot be checked | verdicts this change moves |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...counts.map((row) => `| ${row.join(" | ")} |`)
  ];
  const rowsDetail = {
    ...detail,
    maxRows: Math.min(detail.maxRows, PROBE_CHANGE_ROWS[detail.audience])
  };
  for (const env of envs) {
    const p = env.probes;
    if (p.closedUnchecked.length > 0) {
      const shown = p.closedUnchecked.slice(0, rowsDetail.maxRows).map(code);
      const more = p.closedUnchecked.length - shown.length;
      lines.push(
        "",
        `**${code(env.name)}**: no check tries ${p.closedUnchecked.length === 1 ? "the flow" : "the flows"} this change closes (the semantics engine alone says ${p.closedUnchecked.length === 1 ? "it is" : "they are"} blocked): ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}.`
      );
    }
    if (p.changesTotal === 0) continue;
    const rows = p.changes.map((c) => [
      c.kind,
      code(c.from),
      code(c.to),
      escapeMarkdown(c.port),
      `${c.before} ${ARROW} **${c.after}**`,
      c.why.kind === "diff" ? "a flow change above" : c.why.kind === "default-deny" ? `default-deny of ${code(c.why.namespace)} ${denyVerb(env, c.why.namespace)}` : "**nothing in this change**"
    ]);
    const table_ = table(
      ["check", "from", "to", "port", "verdict", "because of"],
      rows,
      rowsDetail,
      "checks"
    );
    const unlisted = p.changesTotal - p.changes.length;
    lines.push(
      "",
      `**${code(env.name)}**: ${plural(p.changesTotal, "check changes", "checks change")} verdict`,
      "",
      ...table_
    );
    if (unlisted > 0 && rows.length <= rowsDetail.maxRows) lines.push("", `\u2026 and ${unlisted} more checks.`);
  }
  lines.push(
    "",
    "<sub>Judged on one stand-in pod per declared service. After the deploy the probes run this plan against the pods in the cluster; `netpol-rollout probe --plan` prints it for a cluster.</sub>",
    "",
    "</details>"
  );
  return lines;
}
var LEGEND = [
  {
    test: (l) => l.startsWith("ns:"),
    text: "<code>ns:NAME</code> = the pods of namespace NAME that a flow names as a whole (an ingress controller), or that no declared service selects"
  },
  {
    test: (l) => l.endsWith("/(other pods)"),
    text: "<code>NAME/(other pods)</code> = the pods of NAME that neither a service nor a flow selects"
  },
  {
    test: (l) => l === "(other namespace)",
    text: "<code>(other namespace)</code> = a pod in a namespace the intent does not declare"
  },
  {
    test: (l) => l.startsWith("internet"),
    text: "<code>internet</code> = any address that no CIDR of the intent declares"
  },
  {
    test: (l) => l === "any other port",
    text: "<code>any other port</code> = a port no rule names"
  }
];
function legend(report) {
  const labels = /* @__PURE__ */ new Set();
  for (const env of report.environments) {
    for (const c of env.diff.changes) {
      labels.add(c.from);
      labels.add(c.to);
      if (c.port === "*") labels.add("any other port");
    }
  }
  const entries = LEGEND.filter((e) => [...labels].some(e.test)).map((e) => e.text);
  return entries.length === 0 ? [] : ["", `<sub>${entries.join("; ")}.</sub>`];
}
function header(report, detail) {
  const lines = [];
  if (detail.audience === "comment") lines.push(MARKER);
  lines.push("## Network policy preview", "", ...revisionLine(report), "", headline(report, detail));
  if (report.environments.length > 0) lines.push("", ...overview(report, detail));
  if (report.engineNote !== void 0) lines.push("", engineSkippedSentence(report.engineNote));
  return lines;
}
function renderDocument(report, detail) {
  const lines = header(report, detail);
  lines.push(...intentErrorLines(report.intentErrors, detail));
  const allInvalid = report.environments.every((e) => e.verdict.kind === "invalid");
  if (!allInvalid)
    for (const env of report.environments) lines.push(...environmentSection(env, report, detail));
  if (!allInvalid) lines.push(...probeSection(report, detail));
  lines.push(...legend(report));
  return `${lines.join("\n")}
`;
}
function renderSummaryOnly(report, detail) {
  const lines = header(report, detail);
  lines.push(...intentErrorLines(report.intentErrors, detail));
  lines.push(
    "",
    detail.audience === "comment" ? `This report is shortened to fit a comment. Flow changes, Pulumi operations, lint findings and diagrams are${summaryPointer(detail)}.` : "This summary is shortened to fit GitHub's job summary limit; run `netpol-rollout preview` locally for every detail."
  );
  return `${lines.join("\n")}
`;
}
function withinLast(text, fits, notice) {
  let budget = text.length;
  let out = text;
  while (!fits(out) && budget > 0) {
    budget = Math.floor(budget * 0.9);
    out = `${cutUtf16(text, budget)}

${notice}
`;
  }
  return out;
}
function firstFitting(attempts, fits, notice) {
  let last = "";
  for (const attempt of attempts) {
    last = attempt.render();
    if (fits(last)) return { body: last, tier: attempt.tier };
  }
  return { body: withinLast(last, fits, notice), tier: "summary" };
}
function renderCommentWithTier(report, options = {}) {
  const max = Math.min(options.maxChars ?? DEFAULT_COMMENT_MAX_CHARS, GITHUB_COMMENT_LIMIT - 1);
  const base = {
    audience: "comment",
    summaryUrl: options.summaryUrl,
    summaryHoldsAll: options.summaryHoldsAll,
    sourceUrl: options.sourceUrl,
    baseSourceUrl: options.baseSourceUrl,
    drift: driftAcrossEnvironments(report),
    // The comment sums built-in rules up in one line; the job summary lists them.
    builtinRows: false
  };
  const full = {
    ...base,
    maxRows: Number.POSITIVE_INFINITY,
    mermaidMaxEdges: MERMAID_MAX_EDGES,
    mermaidForUnchanged: false,
    explanations: true
  };
  const reduced = (maxRows, mermaidMaxEdges) => ({
    tier: "reduced",
    render: () => renderDocument(report, {
      ...base,
      maxRows,
      mermaidMaxEdges,
      mermaidForUnchanged: false,
      explanations: false
    })
  });
  const summary = (maxRows) => ({
    tier: "summary",
    render: () => renderSummaryOnly(report, { ...full, maxRows, mermaidMaxEdges: 0, explanations: false })
  });
  return firstFitting(
    [
      { tier: "full", render: () => renderDocument(report, full) },
      reduced(50, 80),
      reduced(20, 30),
      reduced(8, 0),
      summary(Number.POSITIVE_INFINITY),
      summary(30)
    ],
    (s) => s.length <= max,
    `\u2026 the comment is cut here to fit GitHub's limit; the full report is${summaryPointer({ ...full })}.`
  );
}
function renderComment(report, options = {}) {
  return renderCommentWithTier(report, options).body;
}
function renderSummaryWithTier(report, options = {}) {
  const max = Math.min(options.maxBytes ?? DEFAULT_SUMMARY_MAX_BYTES, GITHUB_SUMMARY_LIMIT_BYTES - 1);
  const full = {
    audience: "summary",
    sourceUrl: options.sourceUrl,
    baseSourceUrl: options.baseSourceUrl,
    drift: driftAcrossEnvironments(report),
    maxRows: Number.POSITIVE_INFINITY,
    mermaidMaxEdges: MERMAID_MAX_EDGES,
    mermaidForUnchanged: true,
    explanations: true,
    builtinRows: true
  };
  return firstFitting(
    [
      { tier: "full", render: () => renderDocument(report, full) },
      {
        tier: "reduced",
        render: () => renderDocument(report, { ...full, maxRows: 1e3, mermaidMaxEdges: 100 })
      },
      {
        tier: "reduced",
        render: () => renderDocument(report, {
          ...full,
          maxRows: 200,
          mermaidMaxEdges: 0,
          explanations: false,
          builtinRows: false
        })
      },
      { tier: "summary", render: () => renderSummaryOnly(report, { ...full, maxRows: 1e3 }) },
      { tier: "summary", render: () => renderSummaryOnly(report, { ...full, maxRows: 50 }) }
    ],
    (s) => Buffer.byteLength(s, "utf8") <= max,
    "\u2026 the summary is cut here to fit GitHub's job summary limit."
  );
}

export {
  unknownEnvironmentMessage,
  plural,
  previewOutputs,
  verdictOf,
  MARKER,
  renderComment,
  renderSummaryWithTier,
  createScrubber
};
