import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  require_tunnel,
  require_undici
} from "./chunk-HGVL7XJF.js";
import {
  ARROW,
  BREAK_GLASS,
  CNI_PROFILES,
  DEFAULT_DENY_NAME,
  GitHubApiError,
  GitHubPermissionError,
  GitHubRateLimitError,
  HAND_WRITTEN_PREFIX,
  LAST_KNOWN_GOOD,
  ON_INCONCLUSIVE,
  RecordKeyError,
  SOURCE_ANNOTATION,
  buildModel,
  builtinLine,
  bundleDigest,
  canonicalJson,
  code,
  compileEnvironment,
  compileSelector,
  createScrubber,
  cutUtf16,
  diffEnvironments,
  dns1123LabelProblem,
  driftAcrossEnvironments,
  engineSection,
  engineSkippedSentence,
  environmentHeadline,
  environmentVerdict,
  escapeMarkdown,
  evaluateParties,
  flowRows,
  formatPolicy,
  gapReport,
  hasBase,
  headline,
  isCniProfileName,
  isDnsTarget,
  isIpTarget,
  isPodTarget,
  labelKeyProblem,
  labelValueProblem,
  lintSection,
  lookFirstLines,
  mermaidLabel,
  objectKey,
  observedSection,
  overview,
  parseEnvironments,
  parseIntent,
  parseRecordKeys,
  parseSourceAnnotation,
  planChecks,
  plural,
  policiesOfBundle,
  previewOutputs,
  replacesNote,
  require_mod,
  revisionLine,
  sortedOf,
  sourceLink,
  summaryPointer,
  syntheticInventory,
  table,
  unknownEnvironmentMessage,
  verdictOf,
  visible
} from "./chunk-WVRDPQLQ.js";
import {
  parseCidr,
  parseIp,
  require_dist
} from "./chunk-M3L5V6RZ.js";
import {
  __toESM
} from "./chunk-JYXQAFTB.js";

// action/src/commands/github-run.ts
function runUrl(github) {
  if (!github.runId) return void 0;
  const attempt = github.runAttempt && github.runAttempt !== "1" ? `/attempts/${github.runAttempt}` : "";
  return `${github.serverUrl.replace(/\/+$/, "")}/${github.owner}/${github.repo}/actions/runs/${github.runId}${attempt}`;
}

// action/src/rollout/config.ts
var import_fastest_levenshtein = __toESM(require_mod(), 1);

// action/src/rollout/stages.ts
var DEPLOY_STAGES = ["allow", "enforce"];

// action/src/rollout/config.ts
var CONFIG_NAMESPACE = "netpol-rollout";
function configKey(key2) {
  return `${CONFIG_NAMESPACE}:${key2}`;
}
function stackConfig(deploy) {
  const values = {
    environment: deploy.environment,
    stage: deploy.stage,
    policiesDir: deploy.policiesDir,
    bundleFile: deploy.bundleFile,
    revision: deploy.revision
  };
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [configKey(k), v]));
}
var ENV_PLACEHOLDER = "{env}";
function stackName(template, environment) {
  return template.split(ENV_PLACEHOLDER).join(environment);
}

// action/src/settings/requests.ts
function actionPreviewRequest(settings) {
  const { runner } = settings;
  return {
    policiesDir: settings.policiesDir,
    ...settings.environments ? { environments: [...settings.environments] } : {},
    ...settings.baseRef !== void 0 ? { baseRef: settings.baseRef } : {},
    baseRefSource: settings.baseRefSource,
    failOn: settings.failOn,
    commentOnPr: settings.commentOnPr,
    pulumiEngine: settings.pulumiEngine,
    flows: settings.flows.map((f) => ({ ...f })),
    flowsDetail: settings.flowsDetail,
    github: settings.github,
    runner: {
      temp: runner.temp,
      ...runner.stepSummaryPath ? { stepSummaryPath: runner.stepSummaryPath } : {}
    },
    secrets: [...settings.secrets]
  };
}
function rolloutActionRequest(settings) {
  const { github } = settings;
  const url = runUrl(github);
  return {
    command: settings.command,
    ...settings.environments ? { environments: [...settings.environments] } : {},
    target: settings.command === "rollback" ? settings.target : "",
    reason: settings.command === "rollback" ? settings.reason : "",
    onInconclusive: settings.command === "probe" ? "fail" : settings.onInconclusive,
    breakGlass: settings.command === "probe" ? "never" : settings.breakGlass,
    ...settings.command === "deploy" && settings.revision ? { revision: settings.revision } : {},
    run: {
      ...github.runId ? { id: github.runId } : {},
      ...github.runAttempt ? { attempt: github.runAttempt } : {},
      ...url ? { url } : {},
      ...github.actor ? { actor: github.actor } : {},
      ...github.eventName ? { event: github.eventName } : {}
    },
    temp: settings.runner.temp,
    hasSummary: settings.runner.stepSummaryPath !== void 0,
    secrets: [...settings.secrets],
    ...settings.lockWaitSeconds === void 0 ? {} : { lockWaitMs: settings.lockWaitSeconds * 1e3 },
    ...settings.command === "deploy" ? { observed: { detail: settings.flowsDetail, proceed: settings.enforceDespiteFlows } } : {}
  };
}

// action/src/settings/types.ts
var COMMANDS = ["preview", "deploy", "rollback", "probe"];
var PULUMI_ENGINE_MODES = ["auto", "off"];
var SettingsError = class extends Error {
  constructor(problems) {
    super(
      problems.length === 1 ? `Invalid input: ${problems[0]}` : `Invalid inputs:
${problems.map((p) => `  - ${p}`).join("\n")}`
    );
    this.problems = problems;
  }
  problems;
  name = "SettingsError";
};

// action/src/settings/parse.ts
import { isAbsolute, relative, resolve as resolve2, sep } from "node:path";

// action/src/commands/action-preview.ts
import { join } from "node:path";

// action/src/flows/observed-preview.ts
var WITHHELD = "an outside address";
function name(n, detail) {
  if (n.kind === "address" && detail === "services") return WITHHELD;
  if (n.kind === "node") return "a node";
  return n.text;
}
function key(b) {
  return `${b.flow.from.id} ${b.flow.to.id} ${b.flow.port} ${b.flow.protocol}`;
}
function observedPreview(input) {
  const { summary: summary2, detail } = input;
  const head = gapReport(input.head.env, input.head.bundle, summary2);
  const before = input.base ? new Set(gapReport(input.base.env, input.base.bundle, summary2).blocked.map(key)) : /* @__PURE__ */ new Set();
  const rows = /* @__PURE__ */ new Map();
  let alreadyBlocked = 0;
  for (const b of head.blocked) {
    if (before.has(key(b))) {
      alreadyBlocked++;
      continue;
    }
    const from = name(b.from, detail);
    const to = name(b.to, detail);
    const withheld = detail === "services" && (b.from.kind === "address" || b.to.kind === "address");
    const connections = b.flow.connections.allowed + b.flow.connections.audit;
    const rowKey = `${from}\0${to}\0${b.flow.port}\0${b.flow.protocol}`;
    const row = rows.get(rowKey);
    if (row) {
      row.connections += connections;
      row.lastSeen = Math.max(row.lastSeen, b.flow.lastSeen);
      continue;
    }
    rows.set(rowKey, {
      from,
      to,
      port: b.flow.port,
      protocol: b.flow.protocol,
      connections,
      lastSeen: b.flow.lastSeen,
      blockedBy: withheld ? b.blockedBy.map((line) => withholdAddresses(line, b)) : b.blockedBy,
      ...b.suggestion && !withheld ? { suggestion: b.suggestion.line } : {}
    });
  }
  return {
    records: summary2.records,
    files: summary2.files.length,
    lost: summary2.lost,
    ...summary2.firstSeen !== void 0 ? { oldest: summary2.firstSeen } : {},
    ...summary2.lastSeen !== void 0 ? { newest: summary2.lastSeen } : {},
    at: input.at,
    detail,
    blocked: [...rows.values()].sort((a, b) => b.connections - a.connections || a.from.localeCompare(b.from)),
    alreadyBlocked
  };
}
function withholdAddresses(line, b) {
  let out = line;
  for (const side3 of [b.from, b.to]) if (side3.kind === "address") out = out.split(side3.text).join(WITHHELD);
  return out;
}

// action/src/intent/comments.ts
function splitLines(text) {
  return text.split(/\r\n|\r|\n/);
}
function lineComment(lines, line) {
  const content = lines[line - 1];
  if (content === void 0) return void 0;
  let quote;
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (quote) {
      if (quote === '"' && ch === "\\") i++;
      else if (ch === quote) quote = void 0;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const before = content[i - 1];
      if (before === void 0 || /[\s\-:[{,]/.test(before)) quote = ch;
      continue;
    }
    if (ch === "#" && (i === 0 || /\s/.test(content[i - 1] ?? ""))) {
      if (content.slice(0, i).trim() === "") return void 0;
      const comment = content.slice(i + 1).trim();
      return comment === "" ? void 0 : comment;
    }
  }
  return void 0;
}

// action/src/semantics/lint-checks.ts
function report(ctx, severity, code2, message, source) {
  ctx.findings.push({
    severity,
    code: code2,
    message,
    ...ctx.environment !== void 0 ? { environment: ctx.environment } : {},
    ...source ? { source } : {}
  });
}
function sortFindings(list) {
  const seen = /* @__PURE__ */ new Set();
  const unique = list.filter((f) => {
    const k = `${f.code}|${f.message}|${f.source ? `${f.source.file}:${f.source.line}:${f.source.column}` : ""}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return unique.sort(
    (a, b) => (a.source?.file ?? "").localeCompare(b.source?.file ?? "") || (a.source?.line ?? 0) - (b.source?.line ?? 0) || (a.source?.column ?? 0) - (b.source?.column ?? 0) || a.code.localeCompare(b.code) || a.message.localeCompare(b.message)
  );
}
function labelText(labels) {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",");
}
function lintRolloutOrder(ctx, bundle) {
  for (const obj of bundle.objects) {
    if (obj.manifest.kind !== "NetworkPolicy") continue;
    const np = obj.manifest;
    const isDeny = (np.spec.ingress ?? []).length === 0 && (np.spec.egress ?? []).length === 0;
    const everyPod = isEmptySelector(np.spec.podSelector);
    const ns = np.metadata.namespace ?? "default";
    const name2 = formatPolicy({ namespace: ns, name: np.metadata.name });
    if (isDeny && obj.stage !== "deny") {
      report(
        ctx,
        "error",
        "rollout-order",
        everyPod ? `${name2} isolates every pod of ${ns} but is in the ${obj.stage} stage: it would apply before (or with) the allows` : `${name2} isolates pods of ${ns} and allows nothing, but is in the ${obj.stage} stage: it would apply before (or with) the allows`,
        obj.origins[0]
      );
    }
    if (!isDeny && obj.stage === "deny") {
      report(
        ctx,
        "error",
        "rollout-order",
        `${name2} allows traffic but is in the deny stage: pods of ${ns} would be isolated before it applies`,
        obj.origins[0]
      );
    }
  }
  const denyNamespaces = new Set(
    bundle.objects.filter((o) => o.stage === "deny" && isolatesEgress(o.manifest)).map((o) => o.manifest.metadata.namespace ?? "default")
  );
  for (const ns of denyNamespaces) {
    const hasDns = bundle.objects.some(
      (o) => o.stage === "allow" && o.manifest.kind === "NetworkPolicy" && o.manifest.metadata.namespace === ns && (o.manifest.spec.egress ?? []).some((r) => (r.ports ?? []).some((p) => p.port === 53))
    );
    if (!hasDns) {
      const deny = bundle.objects.find(
        (o) => o.stage === "deny" && o.manifest.metadata.namespace === ns && isolatesEgress(o.manifest)
      );
      report(
        ctx,
        "error",
        "rollout-order",
        `namespace ${ns} is default-denied with no DNS allow in an earlier stage`,
        deny?.origins[0]
      );
    }
  }
}
function isEmptySelector(sel) {
  return Object.keys(sel?.matchLabels ?? {}).length === 0 && (sel?.matchExpressions ?? []).length === 0;
}
function isolatesEgress(manifest) {
  if (manifest.kind !== "NetworkPolicy") return false;
  const types2 = manifest.spec.policyTypes ?? [];
  return types2.length === 0 ? (manifest.spec.egress ?? []).length > 0 : types2.includes("Egress");
}
function lintNamedPorts(ctx, policies, pods, namespaces, profile, sourceOf2) {
  const model = buildModel({ pods, namespaces, policies, profile });
  for (const policy of model.policies) {
    const np = policy.original;
    for (const dir of ["ingress", "egress"]) {
      for (const rule of policy[dir]) {
        for (const port of rule.ports ?? []) {
          if (port.name === void 0) continue;
          const candidates = dir === "ingress" ? model.pods.filter(
            (p) => p.namespace === policy.namespace && policy.podSelector.matches(p.labels)
          ) : model.pods.filter(
            (p) => (rule.peers ?? [
              {
                kind: "pods",
                policyNamespace: policy.namespace,
                namespaceSelector: compileSelector({})
              }
            ]).some(
              (peer) => peer.kind === "pods" && (peer.namespaceSelector ? peer.namespaceSelector.matches(p.group.namespace.labels) : p.namespace === peer.policyNamespace) && (peer.podSelector ? peer.podSelector.matches(p.labels) : true)
            )
          );
          const has = candidates.some(
            (p) => p.ports.some((cp) => cp.name === port.name && (cp.protocol ?? "TCP") === port.protocol)
          );
          if (candidates.length > 0 && !has) {
            report(
              ctx,
              "error",
              "named-port-missing",
              `${formatPolicy(policy)} ${dir} rule ${rule.index + 1} names port '${port.name}' (${port.protocol}), which no ${dir === "ingress" ? "selected" : "destination"} pod declares: the rule matches nothing on it`,
              sourceOf2(np)
            );
          }
        }
      }
    }
  }
}
function lintPolicySelection(ctx, policies, inventory, sourceOf2) {
  for (const input of policies) {
    const np = input.policy ?? input;
    const sel = compileSelector(np.spec.podSelector ?? {});
    const ns = np.metadata.namespace ?? "default";
    if (sel.matchesAll) continue;
    if (!inventory.pods.some((p) => p.metadata.namespace === ns && sel.matches(p.metadata.labels ?? {}))) {
      report(
        ctx,
        "warning",
        "policy-selects-nothing",
        `${formatPolicy({ namespace: ns, name: np.metadata.name })} selects no pod (podSelector ${sel.text} in ${ns}): it has no effect`,
        sourceOf2(np)
      );
    }
  }
}
function targetPortOn(pod, target, port, protocol) {
  if (target === void 0) return port;
  if (typeof target === "number") return target;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? [])
    for (const p of c.ports ?? [])
      if (p.name === target && (p.protocol ?? "TCP") === protocol) return p.containerPort;
  return void 0;
}
function lintServicePorts(ctx, policies, inventory, sourceOf2) {
  const services = inventory.services ?? [];
  const model = buildModel({
    pods: inventory.pods,
    namespaces: inventory.namespaces,
    policies,
    // Service ports vs target ports do not depend on CNI behaviour.
    profile: CNI_PROFILES.generic
  });
  for (const policy of model.policies) {
    const np = policy.original;
    policy.egress.forEach((rule) => {
      if (!rule.peers) return;
      const destinations = model.pods.filter(
        (p) => (rule.peers ?? []).some(
          (peer) => peer.kind === "pods" && (peer.namespaceSelector ? peer.namespaceSelector.matches(p.group.namespace.labels) : p.namespace === peer.policyNamespace) && (peer.podSelector ? peer.podSelector.matches(p.labels) : true)
        )
      );
      for (const port of rule.ports ?? []) {
        if (port.port === void 0) continue;
        for (const svc of services) {
          const selector = svc.spec?.selector;
          if (!selector || Object.keys(selector).length === 0) continue;
          const sel = compileSelector({ matchLabels: selector });
          const backends = destinations.filter(
            (d) => d.namespace === svc.metadata.namespace && sel.matches(d.labels)
          );
          const first = backends[0];
          if (!first) continue;
          for (const sp of svc.spec?.ports ?? []) {
            if (sp.port !== port.port || (sp.protocol ?? "TCP") !== port.protocol) continue;
            const podPod = inventory.pods.find(
              (p) => `${p.metadata.namespace}/${p.metadata.name}` === first.key
            );
            const target = podPod ? targetPortOn(podPod, sp.targetPort, sp.port, port.protocol) : void 0;
            if (target !== void 0 && target !== sp.port && !(rule.ports ?? []).some((q) => q.port === target)) {
              report(
                ctx,
                "error",
                "service-port-not-target-port",
                `${formatPolicy(policy)} egress rule ${rule.index + 1} allows port ${sp.port}, the port of Service ${svc.metadata.namespace}/${svc.metadata.name}; NetworkPolicy sees the pod's port ${target} (targetPort), so the connection is blocked: allow ${target}`,
                sourceOf2(np, "egress", rule.index, sp.port)
              );
            }
          }
        }
      }
    });
  }
}

// action/src/semantics/lint-policies.ts
function isAndMeantOr(peers) {
  const nsOnly = peers.some((p) => p.namespaceSelector && !p.podSelector && !p.ipBlock);
  const podOnly = peers.some(
    (p) => p.podSelector && !p.namespaceSelector && !p.ipBlock && !isEmpty(p.podSelector)
  );
  return nsOnly && podOnly;
}
function isEmpty(sel) {
  return !sel || Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0;
}
function orPeersMessage(policy, dir, index, field3, ns) {
  return `${policy} ${dir} rule ${index + 1} has a namespaceSelector and a podSelector as separate '${field3}' peers, which are ORed: every pod of the selected namespaces, OR the selected pods of ${ns}. To require both, put them in one peer (one list item)`;
}

// action/src/semantics/lint.ts
function selectsAny(selector, namespace, pods) {
  const sel = compileSelector({ matchLabels: selector });
  return pods.some((p) => p.metadata.namespace === namespace && sel.matches(p.metadata.labels ?? {}));
}
function lintEnvironment(env, bundle, inventory) {
  const ctx = { findings: [], environment: env.name };
  for (const ns of env.namespaces) {
    if (ns.managed && !ns.defaultDeny) {
      report(
        ctx,
        "warning",
        "missing-default-deny",
        `namespace ${ns.name} is managed without default-deny: pods no flow names keep all their connectivity (remove defaultDeny: false)`,
        ns.source
      );
    }
  }
  for (const flow of env.flows) {
    if (flow.to.kind === "cidr") {
      const c = parseCidr(flow.to.cidr);
      if (c && c.prefix === 0) {
        report(
          ctx,
          "warning",
          "egress-to-everywhere",
          `flow '${flow.text}' allows egress to every address${env.profile.ipBlockMatchesPodIps ? ", in-cluster pods included on this CNI" : ""}; name the destination's CIDR`,
          flow.source
        );
      }
    }
    if (flow.ports.length === 0 || flow.ports.some((p) => p.port === void 0)) {
      const what = flow.ports.length === 0 ? "every port of every protocol" : `every ${flow.ports.find((p) => p.port === void 0)?.protocol} port`;
      report(
        ctx,
        "warning",
        "every-port",
        `flow '${flow.text}' allows ${what}; list the ports it needs`,
        flow.source
      );
    }
  }
  for (const ns of env.namespaces) for (const policy of ns.policies ?? []) lintHandWritten(ctx, policy);
  lintDns(ctx, env, bundle, inventory);
  lintRolloutOrder(ctx, bundle);
  const { policies } = policiesOfBundle(bundle);
  const synthetic = syntheticInventory(void 0, env);
  const pods = inventory?.pods ?? synthetic.endpoints.flatMap((e) => e.pods.head ? [e.pods.head] : []);
  const namespaces = inventory?.namespaces ?? synthetic.namespaces.head;
  lintNamedPorts(ctx, policies, pods, namespaces, env.profile, (p) => originOf(bundle, p));
  if (inventory) {
    const present = new Set(inventory.namespaces.map((n) => n.metadata.name));
    for (const p of inventory.pods) present.add(p.metadata.namespace);
    for (const ns of env.namespaces) {
      if (!present.has(ns.name)) {
        report(
          ctx,
          "warning",
          "selector-matches-nothing",
          `namespace ${ns.name} does not exist in the cluster`,
          ns.source
        );
        continue;
      }
      for (const svc of ns.services) {
        if (!selectsAny(svc.labels, ns.name, inventory.pods)) {
          report(
            ctx,
            "warning",
            "selector-matches-nothing",
            `service ${ns.name}/${svc.name} selects no pod in the cluster (labels ${labelText(svc.labels)})`,
            svc.source
          );
        }
      }
    }
    for (const flow of env.flows) {
      for (const e of [flow.from, flow.to]) {
        if (e.kind === "namespace" && e.podLabels && present.has(e.namespace) && !selectsAny(e.podLabels, e.namespace, inventory.pods)) {
          report(
            ctx,
            "warning",
            "selector-matches-nothing",
            `no pod of ${e.namespace} has ${labelText(e.podLabels)} (flow '${flow.text}')`,
            flow.source
          );
        }
      }
    }
    if (!selectsAny(env.dns.podLabels, env.dns.namespace, inventory.pods)) {
      report(
        ctx,
        "warning",
        "selector-matches-nothing",
        `no DNS pod with ${labelText(env.dns.podLabels)} in ${env.dns.namespace}: the DNS allow matches nothing`,
        env.source
      );
    }
    lintPolicySelection(ctx, policies, inventory, (p) => originOf(bundle, p));
    for (const ns of env.namespaces.filter((n) => n.managed && n.defaultDeny)) {
      const selectors = ns.services.map((svc) => compileSelector({ matchLabels: svc.labels }));
      const podLabels = env.flows.flatMap((f) => [f.from, f.to]).filter((e) => e.kind === "namespace" && e.namespace === ns.name).map((e) => e.kind === "namespace" ? e.podLabels : void 0);
      const wholeNamespace = podLabels.some((l) => l === void 0 || Object.keys(l).length === 0);
      if (wholeNamespace) continue;
      const stray = inventory.pods.filter(
        (p) => p.metadata.namespace === ns.name && !selectors.some((sel) => sel.matches(p.metadata.labels ?? {}))
      );
      if (stray.length === 0) continue;
      const names = stray.slice(0, 3).map((p) => p.metadata.name);
      report(
        ctx,
        "warning",
        "undeclared-workload",
        `${stray.length} pod${stray.length === 1 ? "" : "s"} of ${ns.name} (${names.join(", ")}${stray.length > 3 ? ", \u2026" : ""}) ${stray.length === 1 ? "matches" : "match"} no declared service: default-deny leaves ${stray.length === 1 ? "it" : "them"} only DNS; declare the service and its flows`,
        ns.source
      );
    }
    if (inventory.services)
      lintServicePorts(
        ctx,
        policies,
        inventory,
        (p, dir, i, port) => ruleOriginOf(env, bundle, p, dir, i, port)
      );
  }
  return sortFindings(ctx.findings);
}
function lintHandWritten(ctx, policy) {
  const name2 = formatPolicy({ namespace: policy.namespace, name: `${HAND_WRITTEN_PREFIX}${policy.name}` });
  const { spec } = policy;
  const directions = [
    {
      dir: "ingress",
      field: "from",
      rules: (spec.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports }))
    },
    { dir: "egress", field: "to", rules: (spec.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports })) }
  ];
  for (const { dir, field: field3, rules } of directions) {
    rules.forEach((rule, i) => {
      const at = policy.ruleSources[dir][i] ?? policy.source;
      if (rule.peers && isAndMeantOr(rule.peers))
        report(ctx, "warning", "or-peers", orPeersMessage(name2, dir, i, field3, policy.namespace), at);
      for (const peer of dir === "egress" ? rule.peers ?? [] : []) {
        const c = peer.ipBlock ? parseCidr(peer.ipBlock.cidr) : void 0;
        if (c?.prefix === 0)
          report(
            ctx,
            "warning",
            "egress-to-everywhere",
            `${name2} egress rule ${i + 1} allows egress to ${peer.ipBlock?.cidr} (every address); name the destination's CIDR`,
            at
          );
      }
      if ((rule.ports ?? []).length === 0 && (rule.peers ?? []).length > 0)
        report(
          ctx,
          "warning",
          "every-port",
          `${name2} ${dir} rule ${i + 1} allows every port and protocol; list the ports`,
          at
        );
    });
  }
  const types2 = spec.policyTypes && spec.policyTypes.length > 0 ? spec.policyTypes : (spec.egress ?? []).length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
  const ruleCount = (t) => (t === "Ingress" ? spec.ingress : spec.egress)?.length ?? 0;
  const ruleless = types2.filter((t) => ruleCount(t) === 0);
  if (ruleless.length > 0 && ruleless.length < types2.length) {
    const cut = ruleless.map((t) => t.toLowerCase()).join(" and ");
    report(
      ctx,
      "warning",
      "isolates-with-allows",
      `${name2} isolates ${cut} without any ${cut} rule while it allows traffic: it goes out with the allows, before the default-deny, and cuts that ${cut} from then on; split it into a policy that allows and one that only isolates`,
      policy.source
    );
  }
}
function originOf(bundle, policy) {
  const obj = bundle.objects.find((o) => o.manifest === policy);
  return obj?.origins[0] ?? parseSourceAnnotation(policy.metadata.annotations?.[SOURCE_ANNOTATION]);
}
function ruleOriginOf(env, bundle, policy, dir, index, port) {
  const obj = bundle.objects.find((o) => o.manifest === policy);
  const origins = obj?.ruleOrigins?.[dir][index] ?? [];
  const byPort = origins.find(
    (o) => env.flows.some(
      (f) => f.source.file === o.file && f.source.line === o.line && f.source.column === o.column && f.ports.some(
        (p) => p.port !== void 0 && port !== void 0 && port >= p.port && port <= (p.endPort ?? p.port)
      )
    )
  );
  return byPort ?? origins[0] ?? originOf(bundle, policy);
}
function lintDns(ctx, env, bundle, inventory) {
  const synthetic = syntheticInventory(void 0, env);
  const { policies, ciliumPolicies } = policiesOfBundle(bundle);
  const dnsLabel = `${env.dns.namespace}/${env.dns.podLabels["k8s-app"] ?? "dns"}`;
  const dnsPod = synthetic.endpoints.find((e) => e.kind === "dns" || e.label === dnsLabel)?.pods.head;
  void inventory;
  if (!dnsPod) return;
  const model = buildModel({
    pods: synthetic.endpoints.flatMap((e) => e.pods.head ? [e.pods.head] : []),
    namespaces: synthetic.namespaces.head,
    policies,
    ciliumPolicies,
    profile: env.profile
  });
  const dnsInfo = model.podsByKey.get(`${dnsPod.metadata.namespace}/${dnsPod.metadata.name}`);
  if (!dnsInfo) return;
  const dnsParty = { kind: "pod", group: dnsInfo.group, name: dnsLabel, pod: dnsInfo };
  const managed = new Map(env.namespaces.filter((n) => n.managed).map((n) => [n.name, n]));
  for (const e of synthetic.endpoints) {
    const pod = e.pods.head;
    if (!pod || e.kind === "dns" || e.kind === "other-namespace") continue;
    const ns = managed.get(pod.metadata.namespace);
    if (!ns) continue;
    const info2 = model.podsByKey.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
    if (!info2) continue;
    const self = { kind: "pod", group: info2.group, name: e.label, pod: info2 };
    const udp = evaluateParties(model, self, dnsParty, 53, "UDP", void 0);
    const tcp = evaluateParties(model, self, dnsParty, 53, "TCP", void 0);
    const service = ns.services.find((s) => `${ns.name}/${s.name}` === e.label);
    const source = service?.source ?? ns.source;
    if (!udp.allowed && udp.egress.outcome === "denied") {
      report(
        ctx,
        "error",
        "egress-without-dns",
        `${e.description} is egress-isolated (by ${udp.egress.isolatedBy.map(formatPolicy).join(", ")}) but cannot reach DNS (${dnsLabel} on 53/UDP): every name lookup will fail${ns.defaultDeny ? "" : "; namespaces without default-deny get no allow-dns"}`,
        source
      );
    } else if (udp.allowed && !tcp.allowed && tcp.egress.outcome === "denied") {
      report(
        ctx,
        "error",
        "dns-tcp-blocked",
        `${e.description} reaches DNS on 53/UDP but not 53/TCP: answers too large for UDP will fail`,
        source
      );
    }
  }
}

// action/src/report/graph.ts
function endpointKey(endpoint) {
  switch (endpoint.kind) {
    case "service":
      return `${endpoint.namespace}/${endpoint.service}`;
    case "namespace":
      return `ns:${endpoint.namespace}`;
    case "cidr":
      return endpoint.cidr;
    case "fqdn":
      return endpoint.fqdn;
  }
}
function portLabel(port) {
  if (port.port === void 0) return `*/${port.protocol}`;
  const range2 = port.endPort !== void 0 && port.endPort !== port.port ? `-${port.endPort}` : "";
  return `${port.port}${range2}/${port.protocol}`;
}
var SEP = "\0";
var tripleKey = (t) => `${t.from}${SEP}${t.to}${SEP}${t.port}`;
function flowTriples(flows, kinds) {
  const out = /* @__PURE__ */ new Map();
  for (const flow of flows) {
    const from = endpointKey(flow.from);
    const to = endpointKey(flow.to);
    kinds.set(from, flow.from.kind);
    kinds.set(to, flow.to.kind);
    const ports = flow.ports.length > 0 ? flow.ports : [{ protocol: "TCP" }];
    for (const port of ports) {
      const triple = { from, to, port: portLabel(port) };
      out.set(tripleKey(triple), triple);
    }
  }
  return out;
}
function comparePorts(a, b) {
  const [pa = "", protoA = ""] = a.split("/");
  const [pb = "", protoB = ""] = b.split("/");
  const na = Number.parseInt(pa, 10);
  const nb = Number.parseInt(pb, 10);
  if (Number.isNaN(na) !== Number.isNaN(nb)) return Number.isNaN(na) ? 1 : -1;
  if (!Number.isNaN(na) && na !== nb) return na - nb;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return protoA < protoB ? -1 : protoA > protoB ? 1 : 0;
}
var STATUS_ORDER = { unchanged: 0, added: 1, removed: 2 };
function buildFlowsGraph(base, head, diff) {
  const kinds = /* @__PURE__ */ new Map();
  const baseTriples = flowTriples(base?.flows ?? [], kinds);
  const headTriples = flowTriples(head?.flows ?? [], kinds);
  const status = /* @__PURE__ */ new Map();
  for (const [key2, triple] of headTriples) {
    status.set(key2, { triple, status: baseTriples.has(key2) ? "unchanged" : "added" });
  }
  for (const [key2, triple] of baseTriples) {
    if (!headTriples.has(key2)) status.set(key2, { triple, status: "removed" });
  }
  for (const change of diff?.changes ?? []) {
    if (!kinds.has(change.from) || !kinds.has(change.to)) continue;
    const triple = { from: change.from, to: change.to, port: `${change.port}/${change.protocol}` };
    const key2 = tripleKey(triple);
    const known = status.get(key2);
    if (change.change === "added") status.set(key2, { triple: known?.triple ?? triple, status: "added" });
    else if (!known || known.status !== "added")
      status.set(key2, { triple: known?.triple ?? triple, status: "removed" });
  }
  const headKeys = /* @__PURE__ */ new Set();
  for (const { triple, status: s } of status.values()) {
    if (s !== "removed") {
      headKeys.add(triple.from);
      headKeys.add(triple.to);
    }
  }
  const keys = [...new Set([...status.values()].flatMap(({ triple }) => [triple.from, triple.to]))].sort();
  const nodes = keys.map((key2, index) => ({
    id: `n${index}`,
    key: key2,
    kind: kinds.get(key2) ?? "service",
    removed: !headKeys.has(key2)
  }));
  const idOf = new Map(nodes.map((n) => [n.key, n.id]));
  const grouped = /* @__PURE__ */ new Map();
  for (const { triple, status: s } of status.values()) {
    const from = idOf.get(triple.from) ?? "";
    const to = idOf.get(triple.to) ?? "";
    const key2 = `${triple.from}${SEP}${triple.to}${SEP}${s}`;
    const edge = grouped.get(key2) ?? { from, to, ports: [], status: s };
    edge.ports.push(triple.port);
    grouped.set(key2, edge);
  }
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const edges = [...grouped.values()].sort(
    (a, b) => (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0) || (order.get(a.to) ?? 0) - (order.get(b.to) ?? 0) || STATUS_ORDER[a.status] - STATUS_ORDER[b.status]
  );
  for (const edge of edges) edge.ports.sort(comparePorts);
  return { nodes, edges };
}

// action/src/compile/clusters.ts
function clusterEnvironment(env, cluster) {
  if (cluster.cni === void 0 && cluster.nodeCidrs === void 0) return env;
  const profile = cluster.cni === void 0 ? env.profile : CNI_PROFILES[cluster.cni];
  const out = {
    ...env,
    cni: profile.name,
    profile,
    dns: { ...env.dns, mode: cluster.dnsMode ?? env.dns.mode },
    nodeCidrs: cluster.nodeCidrs ?? env.nodeCidrs
  };
  if (cluster.nodeCidrs !== void 0) out.nodeCidrsSource = cluster.source;
  return out;
}
function clusterValues(env, cluster) {
  const own = clusterEnvironment(env, cluster);
  return { cni: own.cni, dnsMode: own.dns.mode, nodeCidrs: [...own.nodeCidrs].sort() };
}
function bundleVariants(env, compile) {
  const clusters = env.clusters ?? [];
  if (clusters.length === 0) {
    const bundle = compile(env);
    const values = { cni: env.cni, dnsMode: env.dns.mode, nodeCidrs: [...env.nodeCidrs].sort() };
    return [{ digest: bundleDigest(bundle), clusters: [], values, intent: env, bundle }];
  }
  const byValues = /* @__PURE__ */ new Map();
  const byDigest = /* @__PURE__ */ new Map();
  const out = [];
  for (const cluster of clusters) {
    const values = clusterValues(env, cluster);
    const key2 = canonicalJson(values);
    let variant = byValues.get(key2);
    if (!variant) {
      const intent = clusterEnvironment(env, cluster);
      const bundle = compile(intent);
      const digest = bundleDigest(bundle);
      variant = byDigest.get(digest);
      if (!variant) {
        variant = { digest, clusters: [], values, intent, bundle };
        byDigest.set(digest, variant);
        out.push(variant);
      }
      byValues.set(key2, variant);
    }
    variant.clusters.push(cluster.name);
  }
  return out;
}
function bundleDifference(from, to) {
  const before = new Map(from.objects.map((o) => [objectKey(o), canonicalJson(o.manifest)]));
  const after = new Map(to.objects.map((o) => [objectKey(o), canonicalJson(o.manifest)]));
  const out = { added: [], removed: [], changed: [] };
  for (const [key2, text] of after) {
    const old = before.get(key2);
    if (old === void 0) out.added.push(key2);
    else if (old !== text) out.changed.push(key2);
  }
  for (const key2 of before.keys()) if (!after.has(key2)) out.removed.push(key2);
  return out;
}

// action/src/report/clusters.ts
function clusterPreview(env, bundle, compile) {
  if (!env.clusters) return void 0;
  const clusters = env.clusters.map((c) => ({ name: c.name, canary: c.canary }));
  const variants = [];
  const own = bundleDigest(bundle);
  const reuse = (intent) => intent === env ? bundle : compile(intent);
  for (const variant of bundleVariants(env, reuse)) {
    if (variant.digest === own) continue;
    const difference = bundleDifference(bundle, variant.bundle);
    const nodeCidrs = variant.values.nodeCidrs;
    variants.push({
      clusters: variant.clusters,
      ...variant.values.cni !== env.cni ? { cni: variant.values.cni } : {},
      ...variant.values.dnsMode !== env.dns.mode ? { dnsMode: variant.values.dnsMode } : {},
      ...nodeCidrs.join(",") !== [...env.nodeCidrs].sort().join(",") ? { nodeCidrs } : {},
      ...difference
    });
  }
  return { clusters, variants };
}

// action/src/probe/probe-preview.ts
var PROBE_PREVIEW_CHANGES = 50;
var KIND_ORDER = { declared: 0, external: 1, dns: 2, negative: 3 };
function sourceLabel(c) {
  if (c.from.outside !== void 0) return `${c.from.outside} (outside)`;
  return c.from.service !== void 0 ? `${c.from.namespace}/${c.from.service}` : `ns:${c.from.namespace}`;
}
function targetLabel(c) {
  const t = c.to;
  if (isPodTarget(t))
    return t.service !== void 0 ? `${t.namespace}/${t.service}` : `${t.namespace}/${t.pod}`;
  if (isIpTarget(t)) return t.cidr && t.cidr !== t.ip ? `${t.ip} (${t.cidr})` : t.ip;
  if (isDnsTarget(t)) return "DNS";
  return "?";
}
function previewProbes(head, headBundle, baseBundle, diff, limit = PROBE_PREVIEW_CHANGES) {
  const inventory = syntheticInventory(void 0, head);
  const after = policiesOfBundle(headBundle);
  const plan = planChecks({
    environment: head,
    inventory: {
      pods: inventory.endpoints.flatMap((e) => e.pods.head ? [e.pods.head] : []),
      namespaces: inventory.namespaces.head,
      services: []
    },
    after,
    // The base's own bundle (an unchanged environment): the same policies, judged once.
    before: baseBundle === headBundle ? after : baseBundle ? policiesOfBundle(baseBundle) : { policies: [] },
    diff
  });
  const denied = (b) => new Set(
    (b?.objects ?? []).filter((o) => o.manifest.metadata.name === DEFAULT_DENY_NAME).map((o) => o.manifest.metadata.namespace ?? "")
  );
  const [denyBefore, denyAfter] = [denied(baseBundle), denied(headBundle)];
  const denyMoved = (ns) => ns !== void 0 && denyBefore.has(ns) !== denyAfter.has(ns);
  const why = (c) => {
    if (c.changeDeclared) return { kind: "diff" };
    const namespaces = [c.from.namespace, isPodTarget(c.to) ? c.to.namespace : void 0];
    const namespace = namespaces.find(denyMoved);
    return namespace !== void 0 ? { kind: "default-deny", namespace } : { kind: "unexplained" };
  };
  const expected = { allowed: 0, blocked: 0, "cannot-check": 0 };
  for (const c of plan.checks) expected[c.expect]++;
  const moved = plan.checks.filter(
    (c) => c.expect !== "cannot-check" && c.expectBefore !== "cannot-check" && c.expect !== c.expectBefore
  ).sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const closed = diff.changes.filter((f) => f.change === "removed" && f.builtin === void 0).map((f) => `${f.from} \u2192 ${f.to}:${f.port}/${f.protocol}`);
  const tried = new Set(
    closed.length === 0 ? [] : plan.checks.filter((c) => c.expect !== "cannot-check").map((c) => `${sourceLabel(c)} \u2192 ${targetLabel(c)}:${c.port}/${c.protocol}`)
  );
  const closedUnchecked = closed.filter((text) => !tried.has(text));
  return {
    closedUnchecked: closedUnchecked.slice(0, limit),
    checks: plan.checks.length,
    expected,
    changes: moved.slice(0, limit).map((c) => ({
      kind: c.kind,
      from: sourceLabel(c),
      to: targetLabel(c),
      port: `${c.port === 0 ? "*" : c.port}/${c.protocol}${c.portName ? ` (${c.portName})` : ""}`,
      before: c.expectBefore,
      after: c.expect,
      why: why(c)
    })),
    changesTotal: moved.length
  };
}

// action/src/commands/preview-pipeline.ts
var defaultPreviewCore = {
  parse: (files, policiesDir) => parseEnvironments(files, { policiesDir }),
  compile: compileEnvironment,
  diff: diffEnvironments,
  lint: lintEnvironment
};
var BaseRefNotFoundError = class extends Error {
  constructor(ref) {
    super(`base ref '${ref}' does not resolve to a commit`);
    this.ref = ref;
  }
  ref;
  name = "BaseRefNotFoundError";
};
var NoGitRepositoryError = class extends Error {
  constructor(ref) {
    super(`base ref '${ref}' was given, but there is no git repository to read it from`);
    this.ref = ref;
  }
  ref;
  name = "NoGitRepositoryError";
};
var UnknownEnvironmentError = class extends Error {
  constructor(environment, available) {
    super(unknownEnvironmentMessage(environment, available));
    this.environment = environment;
    this.available = available;
  }
  environment;
  available;
  name = "UnknownEnvironmentError";
};
var DEFAULT_ENGINE_SKIP_REASON = "no Pulumi engine was configured";
function trimDir(dir) {
  const posix2 = dir.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "");
  return posix2 === "" ? "." : posix2;
}
function environmentFileNames(files, policiesDir) {
  const prefix = policiesDir === "." ? "environments/" : `${policiesDir}/environments/`;
  const names = /* @__PURE__ */ new Set();
  for (const file of files) {
    if (!file.path.startsWith(prefix)) continue;
    const rest = file.path.slice(prefix.length);
    const match3 = /^([^/]+)\.ya?ml$/.exec(rest);
    if (match3?.[1]) names.add(match3[1]);
  }
  return [...names];
}
function tag(errors, side3) {
  return errors.map((e) => ({ ...e, side: side3 }));
}
function emptyDiff(environment) {
  return {
    environment,
    changes: [],
    workloads: { added: [], removed: [] },
    namespaces: { added: [], removed: [] }
  };
}
function sameIntent(base, head) {
  return base !== void 0 && head !== void 0 && JSON.stringify(base) === JSON.stringify(head);
}
async function enginePreview(engine, environment) {
  try {
    return await engine.preview(environment);
  } catch (error2) {
    return {
      status: "failed",
      stack: environment,
      error: error2 instanceof Error ? error2.message : String(error2)
    };
  }
}
function defaultDenyChanges(base, head) {
  const denied = (env) => new Set(env?.namespaces.filter((n) => n.defaultDeny).map((n) => n.name) ?? []);
  const b = denied(base);
  const h = denied(head);
  return {
    added: [...h].filter((n) => !b.has(n)).sort(),
    removed: [...b].filter((n) => !h.has(n)).sort()
  };
}
function attachComments(changes, files) {
  const lines = { base: /* @__PURE__ */ new Map(), head: /* @__PURE__ */ new Map() };
  const linesOf = (side3, path6) => {
    let list = lines[side3].get(path6);
    if (!list) {
      const file = files[side3].find((f) => f.path === path6);
      if (!file) return void 0;
      list = splitLines(file.text);
      lines[side3].set(path6, list);
    }
    return list;
  };
  for (const change of changes) {
    const source = change.rule?.source;
    if (!source) continue;
    const list = linesOf(change.change === "added" ? "head" : "base", source.file);
    const comment = list === void 0 ? void 0 : lineComment(list, source.line);
    if (comment) change.comment = comment;
  }
}
async function runPreview(deps, opts) {
  const core = deps.core ?? defaultPreviewCore;
  const policiesDir = trimDir(opts.policiesDir);
  const report2 = { policiesDir, environments: [], intentErrors: [] };
  if (opts.headRef !== void 0) report2.headRef = opts.headRef;
  if (opts.baseRef === void 0 && opts.baseNote !== void 0) report2.baseNote = opts.baseNote;
  let baseFiles = [];
  if (opts.baseRef !== void 0) {
    if (!deps.git) throw new NoGitRepositoryError(opts.baseRef);
    const sha = await deps.git.resolve(opts.baseRef);
    if (sha === void 0) throw new BaseRefNotFoundError(opts.baseRef);
    report2.baseRef = opts.baseRef;
    report2.baseSha = sha;
    baseFiles = await deps.git.readTree(sha, policiesDir);
    if (baseFiles.length === 0) report2.baseNote = `${policiesDir}/ does not exist at base`;
  }
  const headFiles = await deps.readHead();
  let baseEnvs = [];
  if (baseFiles.length > 0) {
    const base = core.parse(baseFiles, policiesDir);
    if (base.errors.length === 0) baseEnvs = base.environments.flatMap((e) => e.intent ? [e.intent] : []);
    else {
      report2.intentErrors.push(...tag(base.errors, "base"));
      report2.baseNote = "the intent at base is invalid";
    }
  }
  const head = core.parse(headFiles, policiesDir);
  report2.intentErrors.push(...tag(head.errors, "head"));
  const headValid = head.errors.length === 0;
  const headEnvs = head.environments.flatMap((e) => e.intent ? [e.intent] : []);
  const headInvalid = new Map(head.environments.filter((e) => !e.intent).map((e) => [e.name, e.errors]));
  const baseByName = new Map(baseEnvs.map((e) => [e.name, e]));
  const headByName = new Map(headEnvs.map((e) => [e.name, e]));
  const names = /* @__PURE__ */ new Set([...baseByName.keys(), ...headByName.keys(), ...headInvalid.keys()]);
  if (!headValid) for (const name2 of environmentFileNames(headFiles, policiesDir)) names.add(name2);
  const available = [...names].sort();
  let selected = available;
  if (opts.environments && opts.environments.length > 0) {
    for (const name2 of opts.environments) {
      if (!names.has(name2)) throw new UnknownEnvironmentError(name2, available);
    }
    const wanted = new Set(opts.environments);
    selected = available.filter((n) => wanted.has(n));
  }
  const orderOf = (name2) => headByName.get(name2)?.order ?? baseByName.get(name2)?.order ?? Number.MAX_SAFE_INTEGER;
  selected.sort((a, b) => orderOf(a) - orderOf(b) || (a < b ? -1 : a > b ? 1 : 0));
  const skipReason = headValid ? opts.engineSkipReason ?? DEFAULT_ENGINE_SKIP_REASON : "the intent at head has errors, and nothing deploys while any remains";
  if (!deps.engine || !headValid) report2.engineNote = skipReason;
  for (const name2 of selected) {
    const baseEnv = baseByName.get(name2);
    const headEnv = headByName.get(name2);
    const order = orderOf(name2) === Number.MAX_SAFE_INTEGER ? 0 : orderOf(name2);
    if (!headEnv && (headInvalid.has(name2) || !headValid && !baseEnv)) {
      const errors = headInvalid.get(name2) ?? head.errors;
      report2.environments.push({
        name: name2,
        order,
        presence: "unknown",
        verdict: {
          kind: "invalid",
          errors: errors.length,
          files: [...new Set(errors.map((e) => e.file))].sort()
        },
        diff: emptyDiff(name2),
        lint: [],
        engine: { status: "skipped", reason: skipReason },
        flowsGraph: { nodes: [], edges: [] }
      });
      continue;
    }
    const headBundle = headEnv ? core.compile(headEnv) : void 0;
    let diff;
    const baseline = !baseEnv && headEnv?.replaces ? (await import("./baseline-BNYPHXM6.js")).replacedBaseline(headEnv, headFiles) : void 0;
    if (baseline && !baseline.ok) {
      report2.intentErrors.push(...baseline.errors.map((e) => ({ ...e, side: "head" })));
    }
    const replaced = baseline?.ok ? baseline : void 0;
    let baseBundle = baseEnv && sameIntent(baseEnv, headEnv) ? headBundle : replaced?.bundle;
    if (replaced && headEnv && headBundle) {
      diff = core.diff(headEnv, headEnv, { base: replaced.bundle, head: headBundle });
    } else if (sameIntent(baseEnv, headEnv)) diff = emptyDiff(name2);
    else {
      const bundles = {};
      if (baseEnv) bundles.base = baseBundle = core.compile(baseEnv);
      if (headBundle) bundles.head = headBundle;
      diff = core.diff(baseEnv, headEnv, bundles);
    }
    attachComments(diff.changes, { base: baseFiles, head: headFiles });
    const lint = headEnv && headBundle ? core.lint(headEnv, headBundle) : [];
    let engine;
    if (!headEnv) engine = { status: "skipped", reason: "the environment is removed at head" };
    else if (deps.engine && headValid) engine = await enginePreview(deps.engine, name2);
    else engine = { status: "skipped", reason: skipReason };
    const compared = replaced ? headEnv : baseEnv;
    const preview = {
      name: name2,
      order,
      presence: baseEnv && headEnv ? "both" : headEnv ? "added" : "removed",
      verdict: verdictOf(diff),
      diff,
      lint,
      engine,
      flowsGraph: buildFlowsGraph(compared, headEnv, diff)
    };
    if (replaced && headEnv?.replaces)
      preview.replaces = { directory: headEnv.replaces.directory, policies: replaced.policies };
    const observed = opts.observed?.byEnvironment.get(name2) ?? opts.observed?.byEnvironment.get("*");
    if (opts.observed && observed && headEnv && headBundle) {
      preview.observed = observedPreview({
        summary: observed,
        head: { env: headEnv, bundle: headBundle },
        // An environment that replaces a cluster's policies: the base is what the cluster enforces.
        ...replaced && headEnv ? { base: { env: headEnv, bundle: replaced.bundle } } : baseEnv ? { base: { env: baseEnv, bundle: baseBundle ?? core.compile(baseEnv) } } : {},
        detail: opts.observed.detail,
        at: opts.observed.at
      });
    }
    if (headEnv && headBundle) preview.probes = previewProbes(headEnv, headBundle, baseBundle, diff);
    const clusters = headEnv && headBundle ? clusterPreview(headEnv, headBundle, core.compile) : void 0;
    if (clusters) preview.clusters = clusters;
    const defaultDeny = defaultDenyChanges(compared, headEnv);
    if (defaultDeny.added.length + defaultDeny.removed.length > 0) preview.defaultDeny = defaultDeny;
    report2.environments.push(preview);
  }
  return report2;
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

// action/src/report/markdown/clusters.ts
function clustersLines(preview, detail) {
  const n = preview.clusters.length;
  const names = preview.clusters.map((c) => c.canary ? `${code(c.name)} (canary)` : code(c.name));
  const lines = [
    "",
    `Reaches ${n} cluster${n === 1 ? "" : "s"}: ${capped(names, detail.maxRows)}.` + (preview.variants.length === 0 ? " Every cluster gets the same policies." : "")
  ];
  const shown = preview.variants.slice(0, detail.maxRows);
  for (const variant of shown) lines.push("", variantLine(variant, detail));
  const rest = preview.variants.length - shown.length;
  if (rest > 0)
    lines.push(
      "",
      `\u2026 and ${rest} more group${rest === 1 ? "" : "s"} of clusters with policies of their own.`
    );
  return lines;
}
function variantLine(v, detail) {
  const values = [
    ...v.cni ? [`cni ${code(v.cni)}`] : [],
    ...v.dnsMode ? [`DNS mode ${code(v.dnsMode)}`] : [],
    ...v.nodeCidrs ? [`nodeCidrs ${v.nodeCidrs.length > 0 ? v.nodeCidrs.map(code).join(", ") : "none"}`] : []
  ];
  const parts = [
    ...v.added.length > 0 ? [`${v.added.length} more (${capped(v.added.map(code), detail.maxRows)})`] : [],
    ...v.removed.length > 0 ? [`${v.removed.length} fewer (${capped(v.removed.map(code), detail.maxRows)})`] : [],
    ...v.changed.length > 0 ? [`${v.changed.length} changed (${capped(v.changed.map(code), detail.maxRows)})`] : []
  ];
  const clusters = capped(v.clusters.map(code), detail.maxRows);
  return `On ${clusters} (${values.join("; ")}) the policies differ from the environment's: ${parts.join(", ")}.`;
}
function capped(items, max) {
  const shown = items.slice(0, Math.max(max, 1));
  const rest = items.length - shown.length;
  return shown.join(", ") + (rest > 0 ? ` and ${rest} more` : "");
}

// action/src/report/markdown/environment.ts
function environmentSection(env, report2, detail) {
  const lines = ["", `### ${code(env.name)}: ${escapeMarkdown(environmentVerdict(env, hasBase(report2)))}`];
  if (env.verdict.kind === "invalid") {
    const files = env.verdict.files ?? [];
    const where = files.length > 0 ? ` in ${files.map(code).join(", ")}` : "";
    lines.push("", `Not compared: fix the errors${where} listed above.`);
    return lines;
  }
  const note = replacesNote(env);
  if (note) lines.push("", escapeMarkdown(note));
  const sorted = sortedOf(env, detail);
  const head = environmentHeadline(sorted);
  if (head) lines.push("", head);
  if (env.clusters) lines.push(...clustersLines(env.clusters, detail));
  lines.push(...lookFirstLines(env, sorted, detail));
  if (env.observed && env.observed.blocked.length === 0)
    lines.push("", ...observedSection(env.observed, detail.maxRows));
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
  lines.push(...engineSection(env, report2, detail));
  lines.push(...lintSection(env.lint, detail));
  lines.push(...diagramLines(env, detail));
  return lines;
}
function listNames(label, names, detail) {
  if (names.length === 0) return [];
  const shown = names.slice(0, detail.maxRows).map(code).join(", ");
  const rest = names.length > detail.maxRows ? ` and ${names.length - detail.maxRows} more` : "";
  return [`${label}: ${shown}${rest}.`];
}
function diagramLines(env, detail) {
  const wantDiagram = env.verdict.kind === "changed" || detail.mermaidForUnchanged;
  if (!wantDiagram || env.flowsGraph.edges.length === 0) return [];
  const diagram = detail.mermaidMaxEdges > 0 ? renderMermaid(env.flowsGraph, detail.mermaidMaxEdges) : { ok: false, reason: "diagrams are left out to keep the report short" };
  if (!diagram.ok) return ["", `The flows diagram is left out: ${escapeMarkdown(diagram.reason)}.`];
  return [
    "",
    env.flowsGraph.edges.some((e) => e.status !== "unchanged") ? "<details><summary>Flows: thick green = opened, dashed red = closed</summary>" : "<details><summary>Flows</summary>",
    "",
    diagram.text,
    "",
    "</details>"
  ];
}

// action/src/report/markdown/intent-errors.ts
function intentErrorLines(errors, detail) {
  const lines = [];
  for (const side3 of ["head", "base"]) {
    const list = errors.filter((e) => e.side === side3);
    if (list.length === 0) continue;
    lines.push(
      "",
      side3 === "head" ? `### Intent errors (${list.length})` : `### Intent errors at base (${list.length}): the base was not used`,
      ""
    );
    for (const e of list.slice(0, detail.maxRows)) {
      const hint = e.hint ? ` (${escapeMarkdown(e.hint)})` : "";
      lines.push(
        `- ${sourceLink(e.file, e.line, e.column, detail, side3)} ${escapeMarkdown(e.message)}${hint}`
      );
    }
    if (list.length > detail.maxRows) {
      const where = detail.audience === "comment" ? summaryPointer(detail) : "";
      lines.push("", `\u2026 and ${list.length - detail.maxRows} more errors${where}.`);
    }
  }
  return lines;
}

// action/src/report/markdown/legend.ts
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
function legend(report2) {
  const labels = /* @__PURE__ */ new Set();
  for (const env of report2.environments) {
    for (const c of env.diff.changes) {
      labels.add(c.from);
      labels.add(c.to);
      if (c.port === "*") labels.add("any other port");
    }
  }
  const entries = LEGEND.filter((e) => [...labels].some(e.test)).map((e) => e.text);
  return entries.length === 0 ? [] : ["", `<sub>${entries.join("; ")}.</sub>`];
}

// action/src/report/markdown/probe-checks.ts
var PROBE_CHANGE_ROWS = { comment: 10, summary: 50 };
function probeSection(report2, detail) {
  const envs = report2.environments.filter(
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
function denyVerb(env, namespace) {
  return env.defaultDeny?.removed.includes(namespace) ? "removed" : "added";
}

// action/src/report/markdown/tiers.ts
function firstFitting(attempts, fits, notice2) {
  let last = "";
  for (const attempt of attempts) {
    last = attempt.render();
    if (fits(last)) return { body: last, tier: attempt.tier };
  }
  return { body: withinLast(last, fits, notice2), tier: "summary" };
}
function withinLast(text, fits, notice2) {
  let budget = text.length;
  let out = text;
  while (!fits(out) && budget > 0) {
    budget = Math.floor(budget * 0.9);
    out = `${cutUtf16(text, budget)}

${notice2}
`;
  }
  return out;
}

// action/src/report/markdown.ts
var MARKER = "<!-- netpol-rollout:preview -->";
var GITHUB_COMMENT_LIMIT = 65536;
var DEFAULT_COMMENT_MAX_CHARS = 65e3;
var GITHUB_SUMMARY_LIMIT_BYTES = 1024 * 1024;
var DEFAULT_SUMMARY_MAX_BYTES = GITHUB_SUMMARY_LIMIT_BYTES - 16 * 1024;
function header(report2, detail) {
  const lines = [];
  if (detail.audience === "comment") lines.push(MARKER);
  lines.push("## Network policy preview", "", ...revisionLine(report2), "", headline(report2, detail));
  if (report2.environments.length > 0) lines.push("", ...overview(report2, detail));
  if (report2.engineNote !== void 0) lines.push("", engineSkippedSentence(report2.engineNote));
  return lines;
}
function renderDocument(report2, detail) {
  const lines = header(report2, detail);
  lines.push(...intentErrorLines(report2.intentErrors, detail));
  const allInvalid = report2.environments.every((e) => e.verdict.kind === "invalid");
  if (!allInvalid)
    for (const env of report2.environments) lines.push(...environmentSection(env, report2, detail));
  if (!allInvalid) lines.push(...probeSection(report2, detail));
  lines.push(...legend(report2));
  return `${lines.join("\n")}
`;
}
function renderSummaryOnly(report2, detail) {
  const lines = header(report2, detail);
  lines.push(...intentErrorLines(report2.intentErrors, detail));
  lines.push(
    "",
    detail.audience === "comment" ? `This report is shortened to fit a comment. Flow changes, Pulumi operations, lint findings and diagrams are${summaryPointer(detail)}.` : "This summary is shortened to fit GitHub's job summary limit; run `netpol-rollout preview` locally for every detail."
  );
  return `${lines.join("\n")}
`;
}
function renderCommentWithTier(report2, options = {}) {
  const max = Math.min(options.maxChars ?? DEFAULT_COMMENT_MAX_CHARS, GITHUB_COMMENT_LIMIT - 1);
  const base = {
    audience: "comment",
    summaryUrl: options.summaryUrl,
    summaryHoldsAll: options.summaryHoldsAll,
    sourceUrl: options.sourceUrl,
    baseSourceUrl: options.baseSourceUrl,
    drift: driftAcrossEnvironments(report2),
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
    render: () => renderDocument(report2, {
      ...base,
      maxRows,
      mermaidMaxEdges,
      mermaidForUnchanged: false,
      explanations: false
    })
  });
  const summary2 = (maxRows) => ({
    tier: "summary",
    render: () => renderSummaryOnly(report2, { ...full, maxRows, mermaidMaxEdges: 0, explanations: false })
  });
  return firstFitting(
    [
      { tier: "full", render: () => renderDocument(report2, full) },
      reduced(50, 80),
      reduced(20, 30),
      reduced(8, 0),
      summary2(Number.POSITIVE_INFINITY),
      summary2(30)
    ],
    (s) => s.length <= max,
    `\u2026 the comment is cut here to fit GitHub's limit; the full report is${summaryPointer({ ...full })}.`
  );
}
function renderComment(report2, options = {}) {
  return renderCommentWithTier(report2, options).body;
}
function renderSummaryWithTier(report2, options = {}) {
  const max = Math.min(options.maxBytes ?? DEFAULT_SUMMARY_MAX_BYTES, GITHUB_SUMMARY_LIMIT_BYTES - 1);
  const full = {
    audience: "summary",
    sourceUrl: options.sourceUrl,
    baseSourceUrl: options.baseSourceUrl,
    drift: driftAcrossEnvironments(report2),
    maxRows: Number.POSITIVE_INFINITY,
    mermaidMaxEdges: MERMAID_MAX_EDGES,
    mermaidForUnchanged: true,
    explanations: true,
    builtinRows: true
  };
  return firstFitting(
    [
      { tier: "full", render: () => renderDocument(report2, full) },
      {
        tier: "reduced",
        render: () => renderDocument(report2, { ...full, maxRows: 1e3, mermaidMaxEdges: 100 })
      },
      {
        tier: "reduced",
        render: () => renderDocument(report2, {
          ...full,
          maxRows: 200,
          mermaidMaxEdges: 0,
          explanations: false,
          builtinRows: false
        })
      },
      { tier: "summary", render: () => renderSummaryOnly(report2, { ...full, maxRows: 1e3 }) },
      { tier: "summary", render: () => renderSummaryOnly(report2, { ...full, maxRows: 50 }) }
    ],
    (s) => Buffer.byteLength(s, "utf8") <= max,
    "\u2026 the summary is cut here to fit GitHub's job summary limit."
  );
}

// action/src/report/annotations.ts
var ANNOTATIONS_PER_TYPE = 10;
function planAnnotations(intentErrors, lint, limit = ANNOTATIONS_PER_TYPE) {
  const candidates = [];
  let seq = 0;
  for (const e of intentErrors) {
    const source = { file: e.file, line: e.line, column: e.column };
    candidates.push({
      annotation: {
        level: "error",
        title: "Invalid intent",
        message: e.hint ? `${e.message} (${e.hint})` : e.message,
        ...position(source)
      },
      origin: 0,
      source,
      seq: seq++
    });
  }
  for (const f of lint) {
    const title = f.environment ? `${f.environment}: ${f.code}` : f.code;
    const candidate = {
      annotation: { level: f.severity, title, message: f.message, ...position(f.source) },
      origin: 1,
      seq: seq++
    };
    if (f.source) candidate.source = f.source;
    candidates.push(candidate);
  }
  candidates.sort(compareCandidates);
  const annotations = [];
  const omitted = { error: 0, warning: 0 };
  const shown = { error: 0, warning: 0 };
  const seen = /* @__PURE__ */ new Set();
  for (const { annotation } of candidates) {
    const key2 = JSON.stringify([
      annotation.level,
      annotation.file,
      annotation.startLine,
      annotation.startColumn,
      annotation.message
    ]);
    if (seen.has(key2)) continue;
    seen.add(key2);
    if (shown[annotation.level] < limit) {
      shown[annotation.level]++;
      annotations.push(annotation);
    } else {
      omitted[annotation.level]++;
    }
  }
  const plan = { annotations, omitted };
  const parts = [];
  if (omitted.error > 0) parts.push(`${omitted.error} more ${omitted.error === 1 ? "error" : "errors"}`);
  if (omitted.warning > 0)
    parts.push(`${omitted.warning} more ${omitted.warning === 1 ? "warning" : "warnings"}`);
  if (parts.length > 0) plan.notice = `${parts.join(" and ")} \u2014 see the job summary`;
  return plan;
}
function emitAnnotations(plan, sink) {
  for (const a of plan.annotations) {
    const props = { title: a.title };
    if (a.file !== void 0) props.file = a.file;
    if (a.startLine !== void 0) props.startLine = a.startLine;
    if (a.startColumn !== void 0) props.startColumn = a.startColumn;
    if (a.level === "error") sink.error(a.message, props);
    else sink.warning(a.message, props);
  }
  if (plan.notice) sink.notice(plan.notice);
}
function position(source) {
  if (!source) return {};
  return { file: source.file, startLine: source.line, startColumn: source.column };
}
function compareCandidates(a, b) {
  const level = (c) => c.annotation.level === "error" ? 0 : 1;
  if (level(a) !== level(b)) return level(a) - level(b);
  if (a.origin !== b.origin) return a.origin - b.origin;
  if (a.source && !b.source) return -1;
  if (!a.source && b.source) return 1;
  if (a.source && b.source) {
    if (a.source.file !== b.source.file) return a.source.file < b.source.file ? -1 : 1;
    if (a.source.line !== b.source.line) return a.source.line - b.source.line;
    if (a.source.column !== b.source.column) return a.source.column - b.source.column;
  }
  return a.seq - b.seq;
}

// action/src/commands/action-preview.ts
var FAIL_ON = ["error", "warning", "never"];
var FORK_SKIP_REASON = "fork pull request: secrets are not available";
var TARGET_SKIP_REASON = "pull_request_target: secrets are present and the head is untrusted, so the engine never runs on it";
var HeadNotFetchedError = class extends Error {
  name = "HeadNotFetchedError";
};
var PreviewFailedError = class extends Error {
  constructor(reasons) {
    super(reasons.length === 1 ? reasons[0] ?? "" : reasons.map((r) => `- ${r}`).join("\n"));
    this.reasons = reasons;
  }
  reasons;
  name = "PreviewFailedError";
};
var BaseNotFetchedError = class extends Error {
  name = "BaseNotFetchedError";
};
function commentSkipReason(request) {
  const pr = request.github.pullRequest;
  if (!pr) return `not a pull request (event ${request.github.eventName || "unknown"}): no comment`;
  if (pr.isFork && request.github.eventName !== "pull_request_target")
    return "fork pull request: the token is read-only, so no comment is posted";
  if (!request.commentOnPr) return "comment-on-pr is false: no comment";
  return void 0;
}
function engineSkipReason(request) {
  if (request.github.eventName === "pull_request_target") return TARGET_SKIP_REASON;
  if (request.github.pullRequest?.isFork) return FORK_SKIP_REASON;
  if (request.pulumiEngine === "off") return "the engine part is turned off (pulumi-engine: off)";
  return void 0;
}
async function runActionPreview(request, deps, io) {
  const baseLabel = request.baseRef === void 0 ? "no base (everything is new)" : `${request.baseRef} (${request.baseRefSource})`;
  io.info(`Previewing ${request.policiesDir}/ against ${baseLabel}`);
  let report2;
  try {
    const opts = { policiesDir: request.policiesDir };
    if (request.baseRef !== void 0) opts.baseRef = request.baseRef;
    if (request.environments) opts.environments = request.environments;
    const headSha = request.github.pullRequest?.headSha ?? request.github.sha;
    if (headSha) opts.headRef = headSha;
    if ("skipReason" in deps.engine) opts.engineSkipReason = deps.engine.skipReason;
    if (request.flows.length > 0 && deps.readObserved) {
      const byEnvironment = await deps.readObserved();
      const detail = request.github.pullRequest?.isFork ? "services" : request.flowsDetail;
      if (byEnvironment.size > 0) opts.observed = { byEnvironment, detail, at: deps.now() };
    }
    report2 = await runPreview(
      {
        git: deps.git,
        readHead: deps.readHead,
        ..."engine" in deps.engine ? { engine: deps.engine.engine } : {}
      },
      opts
    );
  } catch (error2) {
    const failure = error2 instanceof BaseRefNotFoundError ? new BaseNotFetchedError(
      `${error2.message}. The checkout must contain the base commit: use actions/checkout with fetch-depth: 0.`
    ) : error2;
    if (request.runner.stepSummaryPath) {
      const message = failure instanceof Error ? failure.message : String(failure);
      const scrub = createScrubber(request.secrets);
      await io.writeSummary(
        `## Network policy preview

The preview could not run: ${escapeMarkdown(scrub.scrub(message))}
`
      );
    }
    throw failure;
  }
  const scrubber = createScrubber(request.secrets);
  report2 = scrubber.scrubDeep(report2);
  const outputs = previewOutputs(report2);
  let summaryHoldsAll = true;
  if (request.runner.stepSummaryPath) {
    const summary2 = renderSummaryWithTier(report2, sourceLinks(request, report2));
    summaryHoldsAll = summary2.tier === "full";
    await io.writeSummary(scrubber.scrub(summary2.body));
  } else {
    io.info("No job summary file (GITHUB_STEP_SUMMARY is not set): the summary is not written.");
  }
  const headErrors = report2.intentErrors.filter((e) => e.side === "head");
  const lint = report2.environments.flatMap((e) => e.lint);
  emitAnnotations(planAnnotations(headErrors, lint), io);
  for (const env of report2.environments) {
    if (env.engine.status === "failed") io.warn(`Pulumi preview for ${env.name}: ${env.engine.error}`);
  }
  io.setOutput("changed", String(outputs.changed));
  io.setOutput("flows-added", String(outputs.flowsAdded));
  io.setOutput("flows-removed", String(outputs.flowsRemoved));
  io.setOutput("lint-errors", String(outputs.lintErrors));
  const reportPath = join(request.runner.temp, "netpol-rollout", "preview-report.json");
  const json = `${JSON.stringify({ schemaVersion: 1, outputs, report: report2 }, null, 2)}
`;
  await deps.writeReport(reportPath, scrubber.scrub(json));
  io.setOutput("report", reportPath);
  const failures = failureReasons(report2, outputs, request.failOn);
  let comment;
  const skip = commentSkipReason(request);
  const pr = request.github.pullRequest;
  if (skip !== void 0 || !pr) {
    io.info(skip ?? "no comment");
  } else if (!deps.github) {
    io.info("no GitHub client: no comment");
  } else {
    const summaryUrl = runUrl(request.github);
    const body = renderComment(report2, {
      ...summaryUrl ? { summaryUrl } : {},
      summaryHoldsAll,
      ...sourceLinks(request, report2)
    });
    try {
      comment = await deps.github.upsertStickyComment(
        { owner: request.github.owner, repo: request.github.repo, number: pr.number },
        MARKER,
        scrubber.scrub(body)
      );
      const removed = comment.removed > 0 ? ` (${plural(comment.removed, "duplicate")} from runs at the same time removed)` : "";
      io.info(`Pull request comment ${comment.action}: ${comment.url}${removed}`);
    } catch (error2) {
      if (error2 instanceof GitHubPermissionError) {
        io.warn(
          `Could not comment on pull request #${pr.number}: ${error2.message}. The token is read-only (a pull request from a fork, or the workflow lacks \`permissions: pull-requests: write\`); the report is in the job summary.`
        );
      } else if (error2 instanceof GitHubRateLimitError) {
        const reset = error2.resetAt ? ` until ${error2.resetAt.toISOString()}` : "";
        io.warn(
          `Could not comment on pull request #${pr.number}: rate limited${reset} (${error2.message}); the report is in the job summary.`
        );
      } else if (error2 instanceof GitHubApiError) {
        failures.push(
          `the pull request comment could not be posted: ${error2.message}. The report is in the job summary and in ${reportPath}; re-run the job to post it.`
        );
      } else {
        throw error2;
      }
    }
  }
  const result = { report: report2, outputs, reportPath, failures };
  if (comment) result.comment = comment;
  if (failures.length > 0) throw new PreviewFailedError(failures);
  io.info(
    outputs.changed ? `Preview: ${plural(outputs.flowsAdded, "flow")} opened, ${outputs.flowsRemoved} closed.` : "Preview: no change."
  );
  return result;
}
function failureReasons(report2, outputs, failOn) {
  const reasons = [];
  if (outputs.invalid) {
    reasons.push(
      `the intent is invalid: ${plural(outputs.intentErrors, "error")} (see the annotations and the job summary)`
    );
  }
  if (failOn === "never") return reasons;
  if (outputs.lintErrors > 0)
    reasons.push(`lint found ${plural(outputs.lintErrors, "error")} (fail-on: ${failOn})`);
  if (failOn === "warning" && outputs.lintWarnings > 0) {
    reasons.push(`lint found ${plural(outputs.lintWarnings, "warning")} (fail-on: warning)`);
  }
  for (const env of report2.environments) {
    if (env.engine.status === "failed")
      reasons.push(`the Pulumi preview of ${env.name} failed: ${env.engine.error}`);
  }
  return reasons;
}
function sourceLinks(request, report2) {
  const { github } = request;
  if (!github.owner) return {};
  const blob = (sha2) => `${github.serverUrl.replace(/\/+$/, "")}/${github.owner}/${github.repo}/blob/${sha2}/`;
  const sha = github.pullRequest?.headSha ?? github.sha;
  return {
    ...sha ? { sourceUrl: blob(sha) } : {},
    ...report2.baseSha ? { baseSourceUrl: blob(report2.baseSha) } : {}
  };
}
async function readHeadObjects(git2, request) {
  const pr = request.github.pullRequest;
  const head = pr?.headSha;
  if (!pr || !head) throw new HeadNotFetchedError("pull_request_target: the event names no head commit");
  const sha = await git2.resolve(head);
  if (!sha) {
    throw new HeadNotFetchedError(
      `pull_request_target: the head commit ${head} of pull request #${pr.number} is not in the checkout, which holds the base. Fetch it as git objects without checking it out, before this step: git fetch --no-tags origin +refs/pull/${pr.number}/head:refs/remotes/pull/${pr.number}/head`
    );
  }
  return git2.readTree(sha, request.policiesDir);
}

// action/src/settings/cluster.ts
import { resolve } from "node:path";
var NAMESPACE_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
var OBJECT_NAME = /^[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?$/;
var IMAGE_REF = /^[A-Za-z0-9][A-Za-z0-9._/:@-]*$/;
function parseClusterInputs(inputs, workspace) {
  const { problems } = inputs;
  const cluster = {
    stateNamespace: inputs.text("state-namespace") || "netpol-rollout",
    recordKeys: [],
    probe: { imagePullSecrets: [], timeoutSeconds: 3 }
  };
  try {
    cluster.recordKeys = parseRecordKeys(inputs.text("record-key"));
  } catch (error2) {
    if (!(error2 instanceof RecordKeyError)) throw error2;
    problems.push(error2.message);
  }
  if (!NAMESPACE_NAME.test(cluster.stateNamespace)) {
    problems.push(
      `state-namespace: "${cluster.stateNamespace}" is not a namespace name (lower-case letters, digits and -, at most 63)`
    );
  }
  const kubeconfig = inputs.text("kubeconfig");
  if (kubeconfig !== "") cluster.kubeconfig = resolve(workspace, kubeconfig);
  const context = inputs.text("context");
  if (context !== "") {
    if (/[\s\0]/.test(context)) problems.push(`context: "${context}" is not a kubeconfig context name`);
    cluster.context = context;
  }
  const image = inputs.text("probe-image");
  if (image !== "") {
    if (!IMAGE_REF.test(image)) problems.push(`probe-image: "${image}" is not an image reference`);
    cluster.probe.image = image;
  }
  for (const name2 of inputs.list("probe-image-pull-secrets")) {
    if (!OBJECT_NAME.test(name2)) problems.push(`probe-image-pull-secrets: "${name2}" is not a Secret name`);
    else cluster.probe.imagePullSecrets.push(name2);
  }
  const lockWait = inputs.text("lock-wait");
  if (lockWait !== "") {
    const seconds = Number(lockWait);
    if (!/^\d+$/.test(lockWait) || seconds > 21600) {
      problems.push(`lock-wait: "${lockWait}" is not a whole number of seconds from 0 to 21600`);
    } else {
      cluster.lockWaitSeconds = seconds;
    }
  }
  const timeout = inputs.text("probe-timeout");
  if (timeout !== "") {
    const seconds = Number(timeout);
    if (!/^\d+$/.test(timeout) || seconds < 1 || seconds > 30) {
      problems.push(`probe-timeout: "${timeout}" is not a whole number of seconds from 1 to 30`);
    } else {
      cluster.probe.timeoutSeconds = seconds;
    }
  }
  const settle = inputs.text("settle-seconds");
  if (settle !== "") {
    const seconds = Number(settle);
    if (!/^\d+$/.test(settle) || seconds > 300) {
      problems.push(`settle-seconds: "${settle}" is not a whole number of seconds from 0 to 300`);
    } else {
      cluster.probe.settleSeconds = seconds;
    }
  }
  return cluster;
}

// action/src/settings/flows.ts
var DETAILS = ["services", "full"];
var FOR_ENVIRONMENT = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?):\s+(\S.*)$/;
function parseFlowInputs(inputs) {
  const flows = [];
  for (const raw of inputs.text("flows").split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = FOR_ENVIRONMENT.exec(line);
    flows.push(m ? { environment: m[1], pattern: m[2] } : { pattern: line });
  }
  return { flows, flowsDetail: inputs.oneOf("flows-detail", DETAILS, "services") };
}

// action/src/settings/github.ts
var SHA_ZERO = /^0+$/;
function parseGitHubContext(source, problems) {
  const { env } = source;
  const eventName = env.GITHUB_EVENT_NAME ?? "";
  let owner = "";
  let repo = "";
  const repository = env.GITHUB_REPOSITORY ?? "";
  if (repository !== "") {
    const m = /^([^/\s]+)\/([^/\s]+)$/.exec(repository);
    if (m?.[1] && m[2]) {
      owner = m[1];
      repo = m[2];
    } else {
      problems.push(`GITHUB_REPOSITORY: "${repository}" is not "owner/repo"`);
    }
  }
  const apiUrl = (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, "");
  if (!/^https?:\/\//.test(apiUrl)) problems.push(`GITHUB_API_URL: "${apiUrl}" is not an http(s) URL`);
  const context = {
    eventName,
    owner,
    repo,
    apiUrl,
    serverUrl: env.GITHUB_SERVER_URL || "https://github.com"
  };
  if (env.GITHUB_RUN_ID) context.runId = env.GITHUB_RUN_ID;
  if (env.GITHUB_RUN_ATTEMPT) context.runAttempt = env.GITHUB_RUN_ATTEMPT;
  if (env.GITHUB_ACTOR) context.actor = env.GITHUB_ACTOR;
  if (env.GITHUB_SHA) context.sha = env.GITHUB_SHA;
  const eventPath = env.GITHUB_EVENT_PATH;
  if (!eventPath) return context;
  let payload;
  try {
    payload = JSON.parse(source.readFile(eventPath));
  } catch (error2) {
    problems.push(
      `GITHUB_EVENT_PATH: cannot read the event payload ${eventPath}: ${error2 instanceof Error ? error2.message : String(error2)}`
    );
    return context;
  }
  const pr = field(payload, "pull_request");
  if (pr !== void 0 && pr !== null) {
    const number = field(pr, "number");
    if (typeof number !== "number" || !Number.isInteger(number) || number <= 0) {
      problems.push(`GITHUB_EVENT_PATH: the pull_request in ${eventPath} has no number`);
    } else {
      const baseRepo = str(field(field(field(pr, "base"), "repo"), "full_name"));
      const headRepoObj = field(field(pr, "head"), "repo");
      const headRepo = str(field(headRepoObj, "full_name"));
      const pullRequest = {
        number,
        // A deleted head repository (null) is a fork that no longer exists: treat as a fork.
        isFork: headRepo === void 0 || baseRepo === void 0 || headRepo.toLowerCase() !== baseRepo.toLowerCase()
      };
      const baseSha = str(field(field(pr, "base"), "sha"));
      const headSha = str(field(field(pr, "head"), "sha"));
      const htmlUrl = str(field(pr, "html_url"));
      if (baseSha) pullRequest.baseSha = baseSha;
      if (headSha) pullRequest.headSha = headSha;
      if (baseRepo) pullRequest.baseRepo = baseRepo;
      if (headRepo) pullRequest.headRepo = headRepo;
      if (htmlUrl) pullRequest.htmlUrl = htmlUrl;
      context.pullRequest = pullRequest;
    }
  }
  const before = str(field(payload, "before"));
  if (eventName === "push" && before && !SHA_ZERO.test(before)) context.pushBefore = before;
  return context;
}
function field(value, key2) {
  return typeof value === "object" && value !== null ? value[key2] : void 0;
}
function str(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}

// action/src/settings/inputs.ts
function readInput(env, name2) {
  return (env[`INPUT_${name2.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
var TRUE = ["true", "True", "TRUE"];
var FALSE = ["false", "False", "FALSE"];
function readInputs(env) {
  const problems = [];
  const text = (name2) => readInput(env, name2);
  return {
    problems,
    text,
    oneOf(name2, allowed, fallback) {
      const value = text(name2);
      if (value === "") return fallback;
      if (allowed.includes(value)) return value;
      problems.push(`${name2}: "${value}" is not one of ${allowed.join(", ")}`);
      return fallback;
    },
    bool(name2, fallback) {
      const value = text(name2);
      if (value === "") return fallback;
      if (TRUE.includes(value)) return true;
      if (FALSE.includes(value)) return false;
      problems.push(`${name2}: "${value}" is not a boolean (true or false)`);
      return fallback;
    },
    list(name2) {
      return text(name2).split(/[,\n]/).map((s) => s.trim()).filter((s) => s !== "");
    }
  };
}

// action/src/settings/process-env.ts
var SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|PRIVATE_KEY|ACCESS_KEY|API_KEY|CREDENTIAL/i;
var PULUMI_SECRET_VARS = ["PULUMI_ACCESS_TOKEN", "PULUMI_CONFIG_PASSPHRASE"];
function secretsOf(env, githubToken) {
  return [
    ...new Set(
      [
        githubToken,
        env.PULUMI_ACCESS_TOKEN,
        env.PULUMI_CONFIG_PASSPHRASE,
        ...secretEnvironmentValues(env)
      ].filter((s) => typeof s === "string" && s !== "")
    )
  ];
}
function secretEnvironmentValues(env) {
  const values = [];
  for (const [name2, value] of Object.entries(env)) {
    if (name2.startsWith("INPUT_") || !SECRET_NAME.test(name2) || value === void 0) continue;
    const trimmed = value.trim();
    if (trimmed.length < 8 || /^(?:\d+|true|false)$/i.test(trimmed)) continue;
    values.push(value);
  }
  return values;
}
function runnerContextOf(env, workspace, tmpdir) {
  return {
    workspace,
    temp: env.RUNNER_TEMP || tmpdir,
    ...env.GITHUB_STEP_SUMMARY ? { stepSummaryPath: env.GITHUB_STEP_SUMMARY } : {},
    toolEnv: toolEnvOf(env)
  };
}
function pulumiEnvironmentOf(env, backendUrl) {
  const backend = backendUrl || env.PULUMI_BACKEND_URL;
  return {
    path: env.PATH ?? "",
    ...backend ? { backendUrl: backend } : {},
    accessTokenSet: Boolean(env.PULUMI_ACCESS_TOKEN),
    vars: pulumiVarsOf(env),
    secretVars: () => secretVarsOf(env)
  };
}
function pulumiVarsOf(env) {
  const vars = {};
  for (const [name2, value] of Object.entries(env)) {
    if (!name2.startsWith("PULUMI_") || PULUMI_SECRET_VARS.includes(name2)) continue;
    if (value !== void 0 && value !== "") vars[name2] = value;
  }
  return vars;
}
function secretVarsOf(env) {
  const vars = {};
  for (const name2 of PULUMI_SECRET_VARS) {
    const value = env[name2];
    if (value !== void 0 && value !== "") vars[name2] = value;
  }
  return vars;
}
function toolEnvOf(env) {
  const out = {};
  for (const [name2, value] of Object.entries(env)) {
    if (name2.startsWith("INPUT_") || PULUMI_SECRET_VARS.includes(name2)) continue;
    out[name2] = value;
  }
  return out;
}

// action/src/settings/parse.ts
var STACK_NAME = /^(?:[A-Za-z0-9_.-]+\/){0,2}[A-Za-z0-9_.-]+$/;
var ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
var PROJECT_NAME = /^[A-Za-z0-9_.-]+$/;
var LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/;
function parseSettings(source) {
  const { env } = source;
  const inputs = readInputs(env);
  const { problems } = inputs;
  const named = inputs.oneOf("command", [...COMMANDS, "drift"], "preview");
  const command = named === "drift" ? "probe" : named;
  const failOn = inputs.oneOf("fail-on", FAIL_ON, "error");
  const pulumiEngine = inputs.oneOf("pulumi-engine", PULUMI_ENGINE_MODES, "auto");
  const commentOnPr = inputs.bool("comment-on-pr", true);
  const environments = parseEnvironmentList(inputs);
  const workspace = resolve2(source.cwd, env.GITHUB_WORKSPACE || ".");
  const paths = parsePaths(inputs, workspace);
  const pulumi = parsePulumiInputs(inputs);
  const github = parseGitHubContext(source, problems);
  const githubToken = inputs.text("github-token");
  const commentAuthor = parseCommentAuthor(inputs);
  const onInconclusive = inputs.oneOf("on-inconclusive", ON_INCONCLUSIVE, "fail");
  const breakGlass = inputs.oneOf("break-glass", BREAK_GLASS, "auto");
  const cluster = parseClusterInputs(inputs, workspace);
  const rollback = parseRollbackInputs(inputs, command, environments);
  const base = parseBaseRef(inputs, github);
  const flows = parseFlowInputs(inputs);
  const enforceDespiteFlows = inputs.bool("enforce-despite-flows", false);
  const willComment = command === "preview" && commentOnPr && github.pullRequest && (!github.pullRequest.isFork || github.eventName === "pull_request_target");
  if (willComment && githubToken === "") {
    problems.push(
      "github-token: empty, but the pull request comment needs a token (pass ${{ github.token }} or set comment-on-pr: false)"
    );
  }
  if (problems.length > 0) throw new SettingsError(problems);
  const common = {
    ...paths,
    pulumiProject: pulumi.project,
    githubToken,
    stackTemplate: pulumi.stackTemplate,
    github,
    runner: runnerContextOf(env, workspace, source.tmpdir),
    pulumi: pulumiEnvironmentOf(env, pulumi.backendUrl),
    // The record keys as given: masked and scrubbed like every other secret.
    secrets: [...secretsOf(env, githubToken), ...inputs.list("record-key").flatMap((k) => k.split(/\s+/))]
  };
  if (environments) common.environments = environments;
  const author = commentAuthor !== "" ? { commentAuthor } : {};
  switch (command) {
    case "deploy": {
      const deploy = {
        ...common,
        ...cluster,
        command,
        onInconclusive,
        breakGlass,
        commentOnPr,
        ...author,
        ...flows,
        enforceDespiteFlows
      };
      if (github.sha) deploy.revision = github.sha;
      return deploy;
    }
    case "rollback":
      return {
        ...common,
        ...cluster,
        command,
        environments: [environments?.[0] ?? ""],
        ...rollback,
        onInconclusive,
        breakGlass
      };
    case "probe":
      return { ...common, ...cluster, command };
    case "preview": {
      const preview = {
        ...common,
        command,
        commentOnPr,
        ...base,
        failOn,
        pulumiEngine,
        ...flows,
        ...author
      };
      return preview;
    }
  }
}
function parseEnvironmentList(inputs) {
  const names = inputs.list("environments");
  for (const name2 of names) {
    if (!ENV_NAME.test(name2)) inputs.problems.push(`environments: "${name2}" is not an environment name`);
  }
  return names.length > 0 ? [...new Set(names)] : void 0;
}
function parsePaths(inputs, workspace) {
  const insideWorkspace = (name2, fallback) => {
    const value = inputs.text(name2) || fallback;
    const absolute = resolve2(workspace, value);
    const rel = relative(workspace, absolute);
    if (rel.startsWith("..") || isAbsolute(rel)) {
      inputs.problems.push(`${name2}: "${value}" is outside the repository (${workspace})`);
    }
    return absolute;
  };
  const policiesAbs = insideWorkspace("policies-dir", "policies");
  return {
    policiesDir: relative(workspace, policiesAbs).split(sep).join("/") || ".",
    workDir: insideWorkspace("work-dir", "pulumi"),
    workDirGiven: inputs.text("work-dir") !== ""
  };
}
function parsePulumiInputs(inputs) {
  const { problems } = inputs;
  const project = inputs.text("pulumi-project") || "netpol-rollout";
  if (!PROJECT_NAME.test(project)) {
    problems.push(`pulumi-project: "${project}" is not a Pulumi project name (letters, digits, - _ and .)`);
  }
  const backendUrl = inputs.text("pulumi-backend-url");
  if (backendUrl !== "" && !/^[a-z][a-z0-9+.-]*:\/\//i.test(backendUrl)) {
    problems.push(
      `pulumi-backend-url: "${backendUrl}" is not a backend URL (https://\u2026, s3://\u2026, gs://\u2026, azblob://\u2026, file://\u2026)`
    );
  }
  const stackTemplate = inputs.text("stack-template") || ENV_PLACEHOLDER;
  if (!stackTemplate.includes(ENV_PLACEHOLDER)) {
    problems.push(
      `stack-template: "${stackTemplate}" does not contain ${ENV_PLACEHOLDER}; every environment would share one stack`
    );
  } else if (!STACK_NAME.test(stackTemplate.split(ENV_PLACEHOLDER).join("env"))) {
    problems.push(
      `stack-template: "${stackTemplate}" does not make a valid stack name (letters, digits, - _ . and up to two "/" for org/project/stack)`
    );
  }
  return { project, ...backendUrl !== "" ? { backendUrl } : {}, stackTemplate };
}
function parseCommentAuthor(inputs) {
  const author = inputs.text("comment-author");
  if (author !== "" && !LOGIN.test(author)) {
    inputs.problems.push(`comment-author: "${author}" is not a GitHub login (like octocat or my-app[bot])`);
  }
  return author;
}
function parseRollbackInputs(inputs, command, environments) {
  const { problems } = inputs;
  const target = inputs.text("target") || LAST_KNOWN_GOOD;
  const reason = inputs.text("reason");
  if (command === "rollback") {
    if (environments?.length !== 1) {
      problems.push(
        `environments: a rollback acts on exactly one environment; got ${environments === void 0 ? "none (empty)" : environments.join(", ")}`
      );
    }
    if (reason === "")
      problems.push("reason: empty; a rollback needs a reason (it is recorded in the history)");
    if (target.startsWith("-") || /\s/.test(target)) {
      problems.push(`target: "${target}" is not ${LAST_KNOWN_GOOD}, a recorded revision or a git ref`);
    }
  }
  return { target, reason };
}
function parseBaseRef(inputs, github) {
  const given = inputs.text("base-ref");
  if (given !== "") {
    if (given.startsWith("-") || /\s/.test(given))
      inputs.problems.push(`base-ref: "${given}" is not a git revision`);
    return { baseRef: given, baseRefSource: "input" };
  }
  if (github.pullRequest?.baseSha)
    return { baseRef: github.pullRequest.baseSha, baseRefSource: "pull request base" };
  if (github.pushBefore) return { baseRef: github.pushBefore, baseRefSource: "push before" };
  return { baseRefSource: "none" };
}

// action/src/adapters/flow-patterns.ts
import { lstat as lstat3 } from "node:fs/promises";
import { isAbsolute as isAbsolute3, join as join3, relative as relative3 } from "node:path";

// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key2 in this.properties) {
        if (this.properties.hasOwnProperty(key2)) {
          const val = this.properties[key2];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key2}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key2, value) {
  const delimiter2 = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key2.includes(delimiter2)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter2}"`);
  }
  if (convertedValue.includes(delimiter2)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter2}"`);
  }
  return `${key2}<<${delimiter2}${os2.EOL}${convertedValue}${os2.EOL}${delimiter2}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/http-client/lib/index.js
var tunnel = __toESM(require_tunnel(), 1);
var import_undici = __toESM(require_undici(), 1);
var HttpCodes;
(function(HttpCodes2) {
  HttpCodes2[HttpCodes2["OK"] = 200] = "OK";
  HttpCodes2[HttpCodes2["MultipleChoices"] = 300] = "MultipleChoices";
  HttpCodes2[HttpCodes2["MovedPermanently"] = 301] = "MovedPermanently";
  HttpCodes2[HttpCodes2["ResourceMoved"] = 302] = "ResourceMoved";
  HttpCodes2[HttpCodes2["SeeOther"] = 303] = "SeeOther";
  HttpCodes2[HttpCodes2["NotModified"] = 304] = "NotModified";
  HttpCodes2[HttpCodes2["UseProxy"] = 305] = "UseProxy";
  HttpCodes2[HttpCodes2["SwitchProxy"] = 306] = "SwitchProxy";
  HttpCodes2[HttpCodes2["TemporaryRedirect"] = 307] = "TemporaryRedirect";
  HttpCodes2[HttpCodes2["PermanentRedirect"] = 308] = "PermanentRedirect";
  HttpCodes2[HttpCodes2["BadRequest"] = 400] = "BadRequest";
  HttpCodes2[HttpCodes2["Unauthorized"] = 401] = "Unauthorized";
  HttpCodes2[HttpCodes2["PaymentRequired"] = 402] = "PaymentRequired";
  HttpCodes2[HttpCodes2["Forbidden"] = 403] = "Forbidden";
  HttpCodes2[HttpCodes2["NotFound"] = 404] = "NotFound";
  HttpCodes2[HttpCodes2["MethodNotAllowed"] = 405] = "MethodNotAllowed";
  HttpCodes2[HttpCodes2["NotAcceptable"] = 406] = "NotAcceptable";
  HttpCodes2[HttpCodes2["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
  HttpCodes2[HttpCodes2["RequestTimeout"] = 408] = "RequestTimeout";
  HttpCodes2[HttpCodes2["Conflict"] = 409] = "Conflict";
  HttpCodes2[HttpCodes2["Gone"] = 410] = "Gone";
  HttpCodes2[HttpCodes2["TooManyRequests"] = 429] = "TooManyRequests";
  HttpCodes2[HttpCodes2["InternalServerError"] = 500] = "InternalServerError";
  HttpCodes2[HttpCodes2["NotImplemented"] = 501] = "NotImplemented";
  HttpCodes2[HttpCodes2["BadGateway"] = 502] = "BadGateway";
  HttpCodes2[HttpCodes2["ServiceUnavailable"] = 503] = "ServiceUnavailable";
  HttpCodes2[HttpCodes2["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function(Headers2) {
  Headers2["Accept"] = "accept";
  Headers2["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function(MediaTypes2) {
  MediaTypes2["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
var HttpRedirectCodes = [
  HttpCodes.MovedPermanently,
  HttpCodes.ResourceMoved,
  HttpCodes.SeeOther,
  HttpCodes.TemporaryRedirect,
  HttpCodes.PermanentRedirect
];
var HttpResponseRetryCodes = [
  HttpCodes.BadGateway,
  HttpCodes.ServiceUnavailable,
  HttpCodes.GatewayTimeout
];

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve6) {
      resolve6(value);
    });
  }
  return new (P || (P = Promise))(function(resolve6, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve6(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a2) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag2, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key2, value]) => ` ${key2}="${value}"`).join("");
    if (!content) {
      return `<${tag2}${htmlAttrs}>`;
    }
    return `<${tag2}${htmlAttrs}>${content}</${tag2}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text, addEOL = false) {
    this._buffer += text;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code2, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code2), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag2 = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag2, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header: header2, data, colspan, rowspan } = cell;
        const tag2 = header2 ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag2, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text, level) {
    const tag2 = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag2) ? tag2 : "h1";
    const element = this.wrap(allowedTag, text);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function setOutput(name2, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name2, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name: name2 }, toCommandValue(value));
}
function setFailed(message) {
  process.exitCode = ExitCode.Failure;
  error(message);
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function notice(message, properties = {}) {
  issueCommand("notice", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}

// node_modules/@actions/glob/lib/internal-globber.js
import * as fs3 from "fs";

// node_modules/@actions/glob/lib/internal-glob-options-helper.js
function getOptions(copy) {
  const result = {
    followSymbolicLinks: true,
    implicitDescendants: true,
    matchDirectories: true,
    omitBrokenSymbolicLinks: true,
    excludeHiddenFiles: false
  };
  if (copy) {
    if (typeof copy.followSymbolicLinks === "boolean") {
      result.followSymbolicLinks = copy.followSymbolicLinks;
      debug(`followSymbolicLinks '${result.followSymbolicLinks}'`);
    }
    if (typeof copy.implicitDescendants === "boolean") {
      result.implicitDescendants = copy.implicitDescendants;
      debug(`implicitDescendants '${result.implicitDescendants}'`);
    }
    if (typeof copy.matchDirectories === "boolean") {
      result.matchDirectories = copy.matchDirectories;
      debug(`matchDirectories '${result.matchDirectories}'`);
    }
    if (typeof copy.omitBrokenSymbolicLinks === "boolean") {
      result.omitBrokenSymbolicLinks = copy.omitBrokenSymbolicLinks;
      debug(`omitBrokenSymbolicLinks '${result.omitBrokenSymbolicLinks}'`);
    }
    if (typeof copy.excludeHiddenFiles === "boolean") {
      result.excludeHiddenFiles = copy.excludeHiddenFiles;
      debug(`excludeHiddenFiles '${result.excludeHiddenFiles}'`);
    }
  }
  return result;
}

// node_modules/@actions/glob/lib/internal-globber.js
import * as path5 from "path";

// node_modules/@actions/glob/lib/internal-path-helper.js
import * as path from "path";
import assert from "assert";
var IS_WINDOWS3 = process.platform === "win32";
function dirname2(p) {
  p = safeTrimTrailingSeparator(p);
  if (IS_WINDOWS3 && /^\\\\[^\\]+(\\[^\\]+)?$/.test(p)) {
    return p;
  }
  let result = path.dirname(p);
  if (IS_WINDOWS3 && /^\\\\[^\\]+\\[^\\]+\\$/.test(result)) {
    result = safeTrimTrailingSeparator(result);
  }
  return result;
}
function ensureAbsoluteRoot(root, itemPath) {
  assert(root, `ensureAbsoluteRoot parameter 'root' must not be empty`);
  assert(itemPath, `ensureAbsoluteRoot parameter 'itemPath' must not be empty`);
  if (hasAbsoluteRoot(itemPath)) {
    return itemPath;
  }
  if (IS_WINDOWS3) {
    if (itemPath.match(/^[A-Z]:[^\\/]|^[A-Z]:$/i)) {
      let cwd = process.cwd();
      assert(cwd.match(/^[A-Z]:\\/i), `Expected current directory to start with an absolute drive root. Actual '${cwd}'`);
      if (itemPath[0].toUpperCase() === cwd[0].toUpperCase()) {
        if (itemPath.length === 2) {
          return `${itemPath[0]}:\\${cwd.substr(3)}`;
        } else {
          if (!cwd.endsWith("\\")) {
            cwd += "\\";
          }
          return `${itemPath[0]}:\\${cwd.substr(3)}${itemPath.substr(2)}`;
        }
      } else {
        return `${itemPath[0]}:\\${itemPath.substr(2)}`;
      }
    } else if (normalizeSeparators(itemPath).match(/^\\$|^\\[^\\]/)) {
      const cwd = process.cwd();
      assert(cwd.match(/^[A-Z]:\\/i), `Expected current directory to start with an absolute drive root. Actual '${cwd}'`);
      return `${cwd[0]}:\\${itemPath.substr(1)}`;
    }
  }
  assert(hasAbsoluteRoot(root), `ensureAbsoluteRoot parameter 'root' must have an absolute root`);
  if (root.endsWith("/") || IS_WINDOWS3 && root.endsWith("\\")) {
  } else {
    root += path.sep;
  }
  return root + itemPath;
}
function hasAbsoluteRoot(itemPath) {
  assert(itemPath, `hasAbsoluteRoot parameter 'itemPath' must not be empty`);
  itemPath = normalizeSeparators(itemPath);
  if (IS_WINDOWS3) {
    return itemPath.startsWith("\\\\") || /^[A-Z]:\\/i.test(itemPath);
  }
  return itemPath.startsWith("/");
}
function hasRoot(itemPath) {
  assert(itemPath, `isRooted parameter 'itemPath' must not be empty`);
  itemPath = normalizeSeparators(itemPath);
  if (IS_WINDOWS3) {
    return itemPath.startsWith("\\") || /^[A-Z]:/i.test(itemPath);
  }
  return itemPath.startsWith("/");
}
function normalizeSeparators(p) {
  p = p || "";
  if (IS_WINDOWS3) {
    p = p.replace(/\//g, "\\");
    const isUnc = /^\\\\+[^\\]/.test(p);
    return (isUnc ? "\\" : "") + p.replace(/\\\\+/g, "\\");
  }
  return p.replace(/\/\/+/g, "/");
}
function safeTrimTrailingSeparator(p) {
  if (!p) {
    return "";
  }
  p = normalizeSeparators(p);
  if (!p.endsWith(path.sep)) {
    return p;
  }
  if (p === path.sep) {
    return p;
  }
  if (IS_WINDOWS3 && /^[A-Z]:\\$/i.test(p)) {
    return p;
  }
  return p.substr(0, p.length - 1);
}

// node_modules/@actions/glob/lib/internal-match-kind.js
var MatchKind;
(function(MatchKind2) {
  MatchKind2[MatchKind2["None"] = 0] = "None";
  MatchKind2[MatchKind2["Directory"] = 1] = "Directory";
  MatchKind2[MatchKind2["File"] = 2] = "File";
  MatchKind2[MatchKind2["All"] = 3] = "All";
})(MatchKind || (MatchKind = {}));

// node_modules/@actions/glob/lib/internal-pattern-helper.js
var IS_WINDOWS4 = process.platform === "win32";
function getSearchPaths(patterns) {
  patterns = patterns.filter((x) => !x.negate);
  const searchPathMap = {};
  for (const pattern of patterns) {
    const key2 = IS_WINDOWS4 ? pattern.searchPath.toUpperCase() : pattern.searchPath;
    searchPathMap[key2] = "candidate";
  }
  const result = [];
  for (const pattern of patterns) {
    const key2 = IS_WINDOWS4 ? pattern.searchPath.toUpperCase() : pattern.searchPath;
    if (searchPathMap[key2] === "included") {
      continue;
    }
    let foundAncestor = false;
    let tempKey = key2;
    let parent = dirname2(tempKey);
    while (parent !== tempKey) {
      if (searchPathMap[parent]) {
        foundAncestor = true;
        break;
      }
      tempKey = parent;
      parent = dirname2(tempKey);
    }
    if (!foundAncestor) {
      result.push(pattern.searchPath);
      searchPathMap[key2] = "included";
    }
  }
  return result;
}
function match(patterns, itemPath) {
  let result = MatchKind.None;
  for (const pattern of patterns) {
    if (pattern.negate) {
      result &= ~pattern.match(itemPath);
    } else {
      result |= pattern.match(itemPath);
    }
  }
  return result;
}
function partialMatch(patterns, itemPath) {
  return patterns.some((x) => !x.negate && x.partialMatch(itemPath));
}

// node_modules/@actions/glob/lib/internal-pattern.js
import * as os5 from "os";
import * as path4 from "path";
import assert3 from "assert";

// node_modules/balanced-match/dist/esm/index.js
var range = (a, b, str2) => {
  let begs, beg, left, right = void 0, result;
  let ai = str2.indexOf(a);
  let bi = str2.indexOf(b, ai + 1);
  let i = ai;
  if (ai >= 0 && bi > 0) {
    if (a === b) {
      return [ai, bi];
    }
    begs = [];
    left = str2.length;
    while (i >= 0 && !result) {
      if (i === ai) {
        begs.push(i);
        ai = str2.indexOf(a, i + 1);
      } else if (begs.length === 1) {
        const r = begs.pop();
        if (r !== void 0)
          result = [r, bi];
      } else {
        beg = begs.pop();
        if (beg !== void 0 && beg < left) {
          left = beg;
          right = bi;
        }
        bi = str2.indexOf(b, i + 1);
      }
      i = ai < bi && ai >= 0 ? ai : bi;
    }
    if (begs.length && right !== void 0) {
      result = [left, right];
    }
  }
  return result;
};

// node_modules/brace-expansion/dist/esm/index.js
var escSlash = "\0SLASH" + Math.random().toFixed(16) + "\0";
var escOpen = "\0OPEN" + Math.random().toFixed(16) + "\0";
var escClose = "\0CLOSE" + Math.random().toFixed(16) + "\0";
var escComma = "\0COMMA" + Math.random().toFixed(16) + "\0";
var escPeriod = "\0PERIOD" + Math.random().toFixed(16) + "\0";
var escSlashPattern = new RegExp(escSlash, "g");
var escOpenPattern = new RegExp(escOpen, "g");
var escClosePattern = new RegExp(escClose, "g");
var escCommaPattern = new RegExp(escComma, "g");
var escPeriodPattern = new RegExp(escPeriod, "g");
var slashPattern = /\\\\/g;
var openPattern = /\\{/g;
var closePattern = /\\}/g;
var commaPattern = /\\,/g;
var periodPattern = /\\\./g;
var EXPANSION_MAX = 1e5;
var EXPANSION_MAX_LENGTH = 4e6;
var EXPANSION_MAX_DEPTH = 1e3;
var EXPANSION_MAX_REWRITES = 1e3;
var EXPANSION_MAX_STEPS = 2e7;
var CALL_STEPS = 16;
function numeric(str2) {
  return !isNaN(str2) ? parseInt(str2, 10) : str2.charCodeAt(0);
}
function escapeBraces(str2) {
  return str2.replace(slashPattern, escSlash).replace(openPattern, escOpen).replace(closePattern, escClose).replace(commaPattern, escComma).replace(periodPattern, escPeriod);
}
function unescapeBraces(str2) {
  return str2.replace(escSlashPattern, "\\").replace(escOpenPattern, "{").replace(escClosePattern, "}").replace(escCommaPattern, ",").replace(escPeriodPattern, ".");
}
function pushAll(target, items) {
  for (let i = 0; i < items.length; i++) {
    target.push(items[i]);
  }
}
function balancedWithBudget(str2, masked, budget) {
  if (budget.remaining < 0) {
    return void 0;
  }
  const r = range("{", "}", masked);
  const unmatched = r !== void 0 && masked.indexOf("{") < r[0];
  budget.remaining -= r && !unmatched ? r[1] + 1 : str2.length;
  if (!r || budget.remaining < 0) {
    return void 0;
  }
  return {
    end: r[1],
    pre: str2.slice(0, r[0]),
    body: str2.slice(r[0] + 1, r[1]),
    post: str2.slice(r[1] + 1),
    unmatched
  };
}
function maskUnmatchedOpens(masked, budget) {
  budget.remaining -= masked.length;
  const open4 = [];
  for (let i = 0; i < masked.length; i++) {
    const c = masked.charCodeAt(i);
    if (c === 123) {
      open4.push(i);
    } else if (c === 125 && open4.length) {
      open4.pop();
    }
  }
  let out = "";
  let last = 0;
  for (let i = 0; i < open4.length; i++) {
    const at = open4[i];
    out += masked.slice(last, at) + "\0";
    last = at + 1;
  }
  return out + masked.slice(last);
}
function commaSetFollows(str2, budget) {
  budget.remaining -= str2.length;
  if (budget.remaining < 0) {
    return false;
  }
  let close = false;
  for (let i = str2.length - 1; i >= 0; i--) {
    const c = str2.charCodeAt(i);
    if (c === 125) {
      close = true;
    } else if (c === 10 || c === 13 || c === 8232 || c === 8233) {
      close = false;
    } else if (c === 44 && close && str2.charCodeAt(i + 1) !== 44) {
      return true;
    }
  }
  return false;
}
function parseCommaParts(str2, budget) {
  const parts = [];
  let carry = "";
  for (; ; ) {
    const m = balancedWithBudget(str2, str2, budget);
    if (budget.remaining < 0) {
      return void 0;
    }
    if (!m) {
      const tail = str2.split(",");
      tail[0] = carry + tail[0];
      pushAll(parts, tail);
      return parts;
    }
    const { pre, body, post } = m;
    const p = pre.split(",");
    p[0] = carry + p[0];
    p[p.length - 1] += "{" + body + "}";
    if (!post.length) {
      pushAll(parts, p);
      return parts;
    }
    carry = p.pop();
    pushAll(parts, p);
    str2 = post;
  }
}
function bound(value, fallback) {
  return value === void 0 || isNaN(value) ? fallback : value;
}
function expand(str2, options = {}) {
  if (!str2) {
    return [];
  }
  const max = bound(options.max, EXPANSION_MAX);
  const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
  const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
  const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
  const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
  if (str2.slice(0, 2) === "{}") {
    str2 = "\\{\\}" + str2.slice(2);
  }
  return expand_(escapeBraces(str2), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str2) {
  return "{" + str2 + "}";
}
function isPadded(el) {
  return /^-?0\d/.test(el);
}
function lte(i, y) {
  return i <= y;
}
function gte(i, y) {
  return i >= y;
}
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
  const out = [];
  let length = 0;
  let nonEmpty;
  outer: for (let a = 0; a < acc.length; a++) {
    const prefix = acc[a] + pre;
    let vs = values;
    if (dropEmpties && !prefix) {
      if (!nonEmpty)
        nonEmpty = values.filter((v) => v);
      vs = nonEmpty;
    }
    for (let v = 0; v < vs.length; v++) {
      if (out.length >= max)
        break outer;
      const expansion = prefix + vs[v];
      if (length + expansion.length > maxLength)
        break outer;
      out.push(expansion);
      length += expansion.length;
    }
  }
  budget.remaining -= out.length;
  return out;
}
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
  const n = body.split(/\.\./);
  const N = [];
  if (n[0] === void 0 || n[1] === void 0) {
    return N;
  }
  const x = numeric(n[0]);
  const y = numeric(n[1]);
  const width = Math.max(n[0].length, n[1].length);
  let incr = n.length === 3 && n[2] !== void 0 ? Math.max(Math.abs(numeric(n[2])), 1) : 1;
  let test = lte;
  const reverse = y < x;
  if (reverse) {
    incr *= -1;
    test = gte;
  }
  const pad = n.some(isPadded);
  const cost = pad ? width : 1;
  let length = 0;
  for (let i = x; test(i, y) && N.length < max; i += incr) {
    budget.remaining -= cost;
    if (budget.remaining < 0) {
      return void 0;
    }
    let c;
    if (isAlphaSequence) {
      c = String.fromCharCode(i);
      if (c === "\\") {
        c = "";
      }
    } else {
      c = String(i);
      if (pad) {
        const need = width - c.length;
        if (need > 0) {
          const z = new Array(need + 1).join("0");
          if (i < 0) {
            c = "-" + z + c.slice(1);
          } else {
            c = z + c;
          }
        }
      }
    }
    if (length + c.length > maxLength)
      break;
    N.push(c);
    length += c.length;
  }
  return N;
}
function expand_(str2, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
  budget.remaining -= CALL_STEPS;
  if (depth > maxDepth) {
    return [str2];
  }
  let acc = [""];
  let rewrites = 0;
  let dropEmpties = false;
  let firstGroup = true;
  let masked = str2;
  for (; ; ) {
    const m = balancedWithBudget(str2, masked, budget);
    if (!m) {
      return combine(acc, str2, [""], max, maxLength, dropEmpties, budget);
    }
    if (m.unmatched) {
      masked = maskUnmatchedOpens(masked, budget);
    }
    const pre = m.pre;
    const literal = () => combine(acc, pre + "{" + m.body + "}" + m.post, [""], max, maxLength, dropEmpties, budget);
    if (/\$$/.test(pre)) {
      acc = combine(acc, pre + "{" + m.body + "}", [""], max, maxLength, dropEmpties && !m.post.length, budget);
      firstGroup = false;
      if (!m.post.length)
        break;
      str2 = m.post;
      masked = masked.slice(m.end + 1);
      continue;
    }
    const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
    const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
    const isSequence = isNumericSequence || isAlphaSequence;
    const isOptions = m.body.indexOf(",") >= 0;
    if (!isSequence && !isOptions) {
      if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
        rewrites++;
        str2 = m.pre + "{" + m.body + escClose + m.post;
        masked = masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
        isTop = true;
        continue;
      }
      return literal();
    }
    if (firstGroup) {
      dropEmpties = isTop && !isSequence;
      firstGroup = false;
    }
    let values;
    if (isSequence) {
      values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
      if (!values) {
        return literal();
      }
    } else {
      let n = parseCommaParts(m.body, budget);
      if (!n) {
        return literal();
      }
      if (n.length === 1 && n[0] !== void 0) {
        n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
        if (budget.remaining < 0) {
          return literal();
        }
        if (n.length === 1) {
          const next2 = combine(acc, pre + n[0], [""], max, maxLength, dropEmpties && !m.post.length, budget);
          if (budget.remaining < 0) {
            return literal();
          }
          acc = next2;
          if (!m.post.length)
            break;
          str2 = m.post;
          masked = masked.slice(m.end + 1);
          continue;
        }
      }
      let dropsEmpties = dropEmpties && !m.post.length && !pre;
      for (let d = 0; dropsEmpties && d < acc.length; d++) {
        if (acc[d]) {
          dropsEmpties = false;
        }
      }
      values = [];
      let valuesLength = 0;
      outer: for (let j = 0; j < n.length; j++) {
        const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
        if (budget.remaining < 0) {
          return literal();
        }
        for (let k = 0; k < expanded.length; k++) {
          const v = expanded[k];
          if (dropsEmpties && !v)
            continue;
          if (values.length >= max || valuesLength + v.length > maxLength) {
            break outer;
          }
          values.push(v);
          valuesLength += v.length;
        }
      }
    }
    const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
    if (budget.remaining < 0) {
      return literal();
    }
    acc = next;
    if (!m.post.length)
      break;
    str2 = m.post;
    masked = masked.slice(m.end + 1);
  }
  return acc;
}

// node_modules/minimatch/dist/esm/assert-valid-pattern.js
var MAX_PATTERN_LENGTH = 1024 * 64;
var assertValidPattern = (pattern) => {
  if (typeof pattern !== "string") {
    throw new TypeError("invalid pattern");
  }
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new TypeError("pattern is too long");
  }
};

// node_modules/minimatch/dist/esm/brace-expressions.js
var posixClasses = {
  "[:alnum:]": ["\\p{L}\\p{Nl}\\p{Nd}", true],
  "[:alpha:]": ["\\p{L}\\p{Nl}", true],
  "[:ascii:]": ["\\x00-\\x7f", false],
  "[:blank:]": ["\\p{Zs}\\t", true],
  "[:cntrl:]": ["\\p{Cc}", true],
  "[:digit:]": ["\\p{Nd}", true],
  "[:graph:]": ["\\p{Z}\\p{C}", true, true],
  "[:lower:]": ["\\p{Ll}", true],
  "[:print:]": ["\\p{C}", true],
  "[:punct:]": ["\\p{P}", true],
  "[:space:]": ["\\p{Z}\\t\\r\\n\\v\\f", true],
  "[:upper:]": ["\\p{Lu}", true],
  "[:word:]": ["\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}", true],
  "[:xdigit:]": ["A-Fa-f0-9", false]
};
var braceEscape = (s) => s.replace(/[[\]\\-]/g, "\\$&");
var regexpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, "\\$&");
var rangesToString = (ranges) => ranges.join("");
var parseClass = (glob, position2) => {
  const pos = position2;
  if (glob.charAt(pos) !== "[") {
    throw new Error("not in a brace expression");
  }
  const ranges = [];
  const negs = [];
  let i = pos + 1;
  let sawStart = false;
  let uflag = false;
  let escaping = false;
  let negate = false;
  let endPos = pos;
  let rangeStart = "";
  WHILE: while (i < glob.length) {
    const c = glob.charAt(i);
    if ((c === "!" || c === "^") && i === pos + 1) {
      negate = true;
      i++;
      continue;
    }
    if (c === "]" && sawStart && !escaping) {
      endPos = i + 1;
      break;
    }
    sawStart = true;
    if (c === "\\") {
      if (!escaping) {
        escaping = true;
        i++;
        continue;
      }
    }
    if (c === "[" && !escaping) {
      for (const [cls, [unip, u, neg]] of Object.entries(posixClasses)) {
        if (glob.startsWith(cls, i)) {
          if (rangeStart) {
            return ["$.", false, glob.length - pos, true];
          }
          i += cls.length;
          if (neg)
            negs.push(unip);
          else
            ranges.push(unip);
          uflag = uflag || u;
          continue WHILE;
        }
      }
    }
    escaping = false;
    if (rangeStart) {
      if (c > rangeStart) {
        ranges.push(braceEscape(rangeStart) + "-" + braceEscape(c));
      } else if (c === rangeStart) {
        ranges.push(braceEscape(c));
      }
      rangeStart = "";
      i++;
      continue;
    }
    if (glob.startsWith("-]", i + 1)) {
      ranges.push(braceEscape(c + "-"));
      i += 2;
      continue;
    }
    if (glob.startsWith("-", i + 1)) {
      rangeStart = c;
      i += 2;
      continue;
    }
    ranges.push(braceEscape(c));
    i++;
  }
  if (endPos < i) {
    return ["", false, 0, false];
  }
  if (!ranges.length && !negs.length) {
    return ["$.", false, glob.length - pos, true];
  }
  if (negs.length === 0 && ranges.length === 1 && /^\\?.$/.test(ranges[0]) && !negate) {
    const r = ranges[0].length === 2 ? ranges[0].slice(-1) : ranges[0];
    return [regexpEscape(r), false, endPos - pos, false];
  }
  const sranges = "[" + (negate ? "^" : "") + rangesToString(ranges) + "]";
  const snegs = "[" + (negate ? "" : "^") + rangesToString(negs) + "]";
  const comb = ranges.length && negs.length ? "(" + sranges + "|" + snegs + ")" : ranges.length ? sranges : snegs;
  return [comb, uflag, endPos - pos, true];
};

// node_modules/minimatch/dist/esm/unescape.js
var unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true } = {}) => {
  if (magicalBraces) {
    return windowsPathsNoEscape ? s.replace(/\[([^/\\])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\])\]/g, "$1$2").replace(/\\([^/])/g, "$1");
  }
  return windowsPathsNoEscape ? s.replace(/\[([^/\\{}])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\{}])\]/g, "$1$2").replace(/\\([^/{}])/g, "$1");
};

// node_modules/minimatch/dist/esm/ast.js
var _a;
var types = /* @__PURE__ */ new Set(["!", "?", "+", "*", "@"]);
var isExtglobType = (c) => types.has(c);
var isExtglobAST = (c) => isExtglobType(c.type);
var adoptionMap = /* @__PURE__ */ new Map([
  ["!", ["@"]],
  ["?", ["?", "@"]],
  ["@", ["@"]],
  ["*", ["*", "+", "?", "@"]],
  ["+", ["+", "@"]]
]);
var adoptionWithSpaceMap = /* @__PURE__ */ new Map([
  ["!", ["?"]],
  ["@", ["?"]],
  ["+", ["?", "*"]]
]);
var adoptionAnyMap = /* @__PURE__ */ new Map([
  ["!", ["?", "@"]],
  ["?", ["?", "@"]],
  ["@", ["?", "@"]],
  ["*", ["*", "+", "?", "@"]],
  ["+", ["+", "@", "?", "*"]]
]);
var usurpMap = /* @__PURE__ */ new Map([
  ["!", /* @__PURE__ */ new Map([["!", "@"]])],
  [
    "?",
    /* @__PURE__ */ new Map([
      ["*", "*"],
      ["+", "*"]
    ])
  ],
  [
    "@",
    /* @__PURE__ */ new Map([
      ["!", "!"],
      ["?", "?"],
      ["@", "@"],
      ["*", "*"],
      ["+", "+"]
    ])
  ],
  [
    "+",
    /* @__PURE__ */ new Map([
      ["?", "*"],
      ["*", "*"]
    ])
  ]
]);
var startNoTraversal = "(?!(?:^|/)\\.\\.?(?:$|/))";
var startNoDot = "(?!\\.)";
var addPatternStart = /* @__PURE__ */ new Set(["[", "."]);
var justDots = /* @__PURE__ */ new Set(["..", "."]);
var reSpecials = new Set("().*{}+?[]^$\\!");
var regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, "\\$&");
var qmark = "[^/]";
var star = qmark + "*?";
var starNoEmpty = qmark + "+?";
var ID = 0;
var AST = class {
  type;
  #root;
  #hasMagic;
  #uflag = false;
  #parts = [];
  #parent;
  #parentIndex;
  #negs;
  #filledNegs = false;
  #options;
  #toString;
  // set to true if it's an extglob with no children
  // (which really means one child of '')
  #emptyExt = false;
  id = ++ID;
  get depth() {
    return (this.#parent?.depth ?? -1) + 1;
  }
  [/* @__PURE__ */ Symbol.for("nodejs.util.inspect.custom")]() {
    return {
      "@@type": "AST",
      id: this.id,
      type: this.type,
      root: this.#root.id,
      parent: this.#parent?.id,
      depth: this.depth,
      partsLength: this.#parts.length,
      parts: this.#parts
    };
  }
  constructor(type, parent, options = {}) {
    this.type = type;
    if (type)
      this.#hasMagic = true;
    this.#parent = parent;
    this.#root = this.#parent ? this.#parent.#root : this;
    this.#options = this.#root === this ? options : this.#root.#options;
    this.#negs = this.#root === this ? [] : this.#root.#negs;
    if (type === "!" && !this.#root.#filledNegs)
      this.#negs.push(this);
    this.#parentIndex = this.#parent ? this.#parent.#parts.length : 0;
  }
  get hasMagic() {
    if (this.#hasMagic !== void 0)
      return this.#hasMagic;
    for (const p of this.#parts) {
      if (typeof p === "string")
        continue;
      if (p.type || p.hasMagic)
        return this.#hasMagic = true;
    }
    return this.#hasMagic;
  }
  // reconstructs the pattern
  toString() {
    return this.#toString !== void 0 ? this.#toString : !this.type ? this.#toString = this.#parts.map((p) => String(p)).join("") : this.#toString = this.type + "(" + this.#parts.map((p) => String(p)).join("|") + ")";
  }
  #fillNegs() {
    if (this !== this.#root)
      throw new Error("should only call on root");
    if (this.#filledNegs)
      return this;
    this.toString();
    this.#filledNegs = true;
    let n;
    while (n = this.#negs.pop()) {
      if (n.type !== "!")
        continue;
      let p = n;
      let pp = p.#parent;
      while (pp) {
        for (let i = p.#parentIndex + 1; !pp.type && i < pp.#parts.length; i++) {
          for (const part of n.#parts) {
            if (typeof part === "string") {
              throw new Error("string part in extglob AST??");
            }
            part.copyIn(pp.#parts[i]);
          }
        }
        p = pp;
        pp = p.#parent;
      }
    }
    return this;
  }
  push(...parts) {
    for (const p of parts) {
      if (p === "")
        continue;
      if (typeof p !== "string" && !(p instanceof _a && p.#parent === this)) {
        throw new Error("invalid part: " + p);
      }
      this.#parts.push(p);
    }
  }
  toJSON() {
    const ret = this.type === null ? this.#parts.slice().map((p) => typeof p === "string" ? p : p.toJSON()) : [this.type, ...this.#parts.map((p) => p.toJSON())];
    if (this.isStart() && !this.type)
      ret.unshift([]);
    if (this.isEnd() && (this === this.#root || this.#root.#filledNegs && this.#parent?.type === "!")) {
      ret.push({});
    }
    return ret;
  }
  isStart() {
    if (this.#root === this)
      return true;
    if (!this.#parent?.isStart())
      return false;
    if (this.#parentIndex === 0)
      return true;
    const p = this.#parent;
    for (let i = 0; i < this.#parentIndex; i++) {
      const pp = p.#parts[i];
      if (!(pp instanceof _a && pp.type === "!")) {
        return false;
      }
    }
    return true;
  }
  isEnd() {
    if (this.#root === this)
      return true;
    if (this.#parent?.type === "!")
      return true;
    if (!this.#parent?.isEnd())
      return false;
    if (!this.type)
      return this.#parent?.isEnd();
    const pl = this.#parent ? this.#parent.#parts.length : 0;
    return this.#parentIndex === pl - 1;
  }
  copyIn(part) {
    if (typeof part === "string")
      this.push(part);
    else
      this.push(part.clone(this));
  }
  clone(parent) {
    const c = new _a(this.type, parent);
    for (const p of this.#parts) {
      c.copyIn(p);
    }
    return c;
  }
  static #parseAST(str2, ast, pos, opt, extDepth) {
    const maxDepth = opt.maxExtglobRecursion ?? 2;
    let escaping = false;
    let inBrace = false;
    let braceStart = -1;
    let braceNeg = false;
    if (ast.type === null) {
      let i2 = pos;
      let acc2 = "";
      while (i2 < str2.length) {
        const c = str2.charAt(i2++);
        if (escaping || c === "\\") {
          escaping = !escaping;
          acc2 += c;
          continue;
        }
        if (inBrace) {
          if (i2 === braceStart + 1) {
            if (c === "^" || c === "!") {
              braceNeg = true;
            }
          } else if (c === "]" && !(i2 === braceStart + 2 && braceNeg)) {
            inBrace = false;
          }
          acc2 += c;
          continue;
        } else if (c === "[") {
          inBrace = true;
          braceStart = i2;
          braceNeg = false;
          acc2 += c;
          continue;
        }
        const doRecurse = !opt.noext && isExtglobType(c) && str2.charAt(i2) === "(" && extDepth <= maxDepth;
        if (doRecurse) {
          ast.push(acc2);
          acc2 = "";
          const ext2 = new _a(c, ast);
          i2 = _a.#parseAST(str2, ext2, i2, opt, extDepth + 1);
          ast.push(ext2);
          continue;
        }
        acc2 += c;
      }
      ast.push(acc2);
      return i2;
    }
    let i = pos + 1;
    let part = new _a(null, ast);
    const parts = [];
    let acc = "";
    while (i < str2.length) {
      const c = str2.charAt(i++);
      if (escaping || c === "\\") {
        escaping = !escaping;
        acc += c;
        continue;
      }
      if (inBrace) {
        if (i === braceStart + 1) {
          if (c === "^" || c === "!") {
            braceNeg = true;
          }
        } else if (c === "]" && !(i === braceStart + 2 && braceNeg)) {
          inBrace = false;
        }
        acc += c;
        continue;
      } else if (c === "[") {
        inBrace = true;
        braceStart = i;
        braceNeg = false;
        acc += c;
        continue;
      }
      const doRecurse = !opt.noext && isExtglobType(c) && str2.charAt(i) === "(" && /* c8 ignore start - the maxDepth is sufficient here */
      (extDepth <= maxDepth || ast && ast.#canAdoptType(c));
      if (doRecurse) {
        const depthAdd = ast && ast.#canAdoptType(c) ? 0 : 1;
        part.push(acc);
        acc = "";
        const ext2 = new _a(c, part);
        part.push(ext2);
        i = _a.#parseAST(str2, ext2, i, opt, extDepth + depthAdd);
        continue;
      }
      if (c === "|") {
        part.push(acc);
        acc = "";
        parts.push(part);
        part = new _a(null, ast);
        continue;
      }
      if (c === ")") {
        if (acc === "" && ast.#parts.length === 0) {
          ast.#emptyExt = true;
        }
        part.push(acc);
        acc = "";
        ast.push(...parts, part);
        return i;
      }
      acc += c;
    }
    ast.type = null;
    ast.#hasMagic = void 0;
    ast.#parts = [str2.substring(pos - 1)];
    return i;
  }
  #canAdoptWithSpace(child) {
    return this.#canAdopt(child, adoptionWithSpaceMap);
  }
  #canAdopt(child, map = adoptionMap) {
    if (!child || typeof child !== "object" || child.type !== null || child.#parts.length !== 1 || this.type === null) {
      return false;
    }
    const gc = child.#parts[0];
    if (!gc || typeof gc !== "object" || gc.type === null) {
      return false;
    }
    return this.#canAdoptType(gc.type, map);
  }
  #canAdoptType(c, map = adoptionAnyMap) {
    return !!map.get(this.type)?.includes(c);
  }
  #adoptWithSpace(child, index) {
    const gc = child.#parts[0];
    const blank = new _a(null, gc, this.options);
    blank.#parts.push("");
    gc.push(blank);
    this.#adopt(child, index);
  }
  #adopt(child, index) {
    const gc = child.#parts[0];
    this.#parts.splice(index, 1, ...gc.#parts);
    for (const p of gc.#parts) {
      if (typeof p === "object")
        p.#parent = this;
    }
    this.#toString = void 0;
  }
  #canUsurpType(c) {
    const m = usurpMap.get(this.type);
    return !!m?.has(c);
  }
  #canUsurp(child) {
    if (!child || typeof child !== "object" || child.type !== null || child.#parts.length !== 1 || this.type === null || this.#parts.length !== 1) {
      return false;
    }
    const gc = child.#parts[0];
    if (!gc || typeof gc !== "object" || gc.type === null) {
      return false;
    }
    return this.#canUsurpType(gc.type);
  }
  #usurp(child) {
    const m = usurpMap.get(this.type);
    const gc = child.#parts[0];
    const nt = m?.get(gc.type);
    if (!nt)
      return false;
    this.#parts = gc.#parts;
    for (const p of this.#parts) {
      if (typeof p === "object") {
        p.#parent = this;
      }
    }
    this.type = nt;
    this.#toString = void 0;
    this.#emptyExt = false;
  }
  static fromGlob(pattern, options = {}) {
    const ast = new _a(null, void 0, options);
    _a.#parseAST(pattern, ast, 0, options, 0);
    return ast;
  }
  // returns the regular expression if there's magic, or the unescaped
  // string if not.
  toMMPattern() {
    if (this !== this.#root)
      return this.#root.toMMPattern();
    const glob = this.toString();
    const [re, body, hasMagic, uflag] = this.toRegExpSource();
    const anyMagic = hasMagic || this.#hasMagic || this.#options.nocase && !this.#options.nocaseMagicOnly && glob.toUpperCase() !== glob.toLowerCase();
    if (!anyMagic) {
      return body;
    }
    const flags = (this.#options.nocase ? "i" : "") + (uflag ? "u" : "");
    return Object.assign(new RegExp(`^${re}$`, flags), {
      _src: re,
      _glob: glob
    });
  }
  get options() {
    return this.#options;
  }
  // returns the string match, the regexp source, whether there's magic
  // in the regexp (so a regular expression is required) and whether or
  // not the uflag is needed for the regular expression (for posix classes)
  // TODO: instead of injecting the start/end at this point, just return
  // the BODY of the regexp, along with the start/end portions suitable
  // for binding the start/end in either a joined full-path makeRe context
  // (where we bind to (^|/), or a standalone matchPart context (where
  // we bind to ^, and not /).  Otherwise slashes get duped!
  //
  // In part-matching mode, the start is:
  // - if not isStart: nothing
  // - if traversal possible, but not allowed: ^(?!\.\.?$)
  // - if dots allowed or not possible: ^
  // - if dots possible and not allowed: ^(?!\.)
  // end is:
  // - if not isEnd(): nothing
  // - else: $
  //
  // In full-path matching mode, we put the slash at the START of the
  // pattern, so start is:
  // - if first pattern: same as part-matching mode
  // - if not isStart(): nothing
  // - if traversal possible, but not allowed: /(?!\.\.?(?:$|/))
  // - if dots allowed or not possible: /
  // - if dots possible and not allowed: /(?!\.)
  // end is:
  // - if last pattern, same as part-matching mode
  // - else nothing
  //
  // Always put the (?:$|/) on negated tails, though, because that has to be
  // there to bind the end of the negated pattern portion, and it's easier to
  // just stick it in now rather than try to inject it later in the middle of
  // the pattern.
  //
  // We can just always return the same end, and leave it up to the caller
  // to know whether it's going to be used joined or in parts.
  // And, if the start is adjusted slightly, can do the same there:
  // - if not isStart: nothing
  // - if traversal possible, but not allowed: (?:/|^)(?!\.\.?$)
  // - if dots allowed or not possible: (?:/|^)
  // - if dots possible and not allowed: (?:/|^)(?!\.)
  //
  // But it's better to have a simpler binding without a conditional, for
  // performance, so probably better to return both start options.
  //
  // Then the caller just ignores the end if it's not the first pattern,
  // and the start always gets applied.
  //
  // But that's always going to be $ if it's the ending pattern, or nothing,
  // so the caller can just attach $ at the end of the pattern when building.
  //
  // So the todo is:
  // - better detect what kind of start is needed
  // - return both flavors of starting pattern
  // - attach $ at the end of the pattern when creating the actual RegExp
  //
  // Ah, but wait, no, that all only applies to the root when the first pattern
  // is not an extglob. If the first pattern IS an extglob, then we need all
  // that dot prevention biz to live in the extglob portions, because eg
  // +(*|.x*) can match .xy but not .yx.
  //
  // So, return the two flavors if it's #root and the first child is not an
  // AST, otherwise leave it to the child AST to handle it, and there,
  // use the (?:^|/) style of start binding.
  //
  // Even simplified further:
  // - Since the start for a join is eg /(?!\.) and the start for a part
  // is ^(?!\.), we can just prepend (?!\.) to the pattern (either root
  // or start or whatever) and prepend ^ or / at the Regexp construction.
  toRegExpSource(allowDot) {
    const dot = allowDot ?? !!this.#options.dot;
    if (this.#root === this) {
      this.#flatten();
      this.#fillNegs();
    }
    if (!isExtglobAST(this)) {
      const noEmpty = this.isStart() && this.isEnd() && !this.#parts.some((s) => typeof s !== "string");
      const src = this.#parts.map((p) => {
        const [re, _, hasMagic, uflag] = typeof p === "string" ? _a.#parseGlob(p, this.#hasMagic, noEmpty) : p.toRegExpSource(allowDot);
        this.#hasMagic = this.#hasMagic || hasMagic;
        this.#uflag = this.#uflag || uflag;
        return re;
      }).join("");
      let start2 = "";
      if (this.isStart()) {
        if (typeof this.#parts[0] === "string") {
          const dotTravAllowed = this.#parts.length === 1 && justDots.has(this.#parts[0]);
          if (!dotTravAllowed) {
            const aps = addPatternStart;
            const needNoTrav = (
              // dots are allowed, and the pattern starts with [ or .
              dot && aps.has(src.charAt(0)) || // the pattern starts with \., and then [ or .
              src.startsWith("\\.") && aps.has(src.charAt(2)) || // the pattern starts with \.\., and then [ or .
              src.startsWith("\\.\\.") && aps.has(src.charAt(4))
            );
            const needNoDot = !dot && !allowDot && aps.has(src.charAt(0));
            start2 = needNoTrav ? startNoTraversal : needNoDot ? startNoDot : "";
          }
        }
      }
      let end = "";
      if (this.isEnd() && this.#root.#filledNegs && this.#parent?.type === "!") {
        end = "(?:$|\\/)";
      }
      const final2 = start2 + src + end;
      return [
        final2,
        unescape(src),
        this.#hasMagic = !!this.#hasMagic,
        this.#uflag
      ];
    }
    const repeated = this.type === "*" || this.type === "+";
    const start = this.type === "!" ? "(?:(?!(?:" : "(?:";
    let body = this.#partsToRegExp(dot);
    if (this.isStart() && this.isEnd() && !body && this.type !== "!") {
      const s = this.toString();
      const me = this;
      me.#parts = [s];
      me.type = null;
      me.#hasMagic = void 0;
      return [s, unescape(this.toString()), false, false];
    }
    let bodyDotAllowed = !repeated || allowDot || dot || !startNoDot ? "" : this.#partsToRegExp(true);
    if (bodyDotAllowed === body) {
      bodyDotAllowed = "";
    }
    if (bodyDotAllowed) {
      body = `(?:${body})(?:${bodyDotAllowed})*?`;
    }
    let final = "";
    if (this.type === "!" && this.#emptyExt) {
      final = (this.isStart() && !dot ? startNoDot : "") + starNoEmpty;
    } else {
      const close = this.type === "!" ? (
        // !() must match something,but !(x) can match ''
        "))" + (this.isStart() && !dot && !allowDot ? startNoDot : "") + star + ")"
      ) : this.type === "@" ? ")" : this.type === "?" ? ")?" : this.type === "+" && bodyDotAllowed ? ")" : this.type === "*" && bodyDotAllowed ? `)?` : `)${this.type}`;
      final = start + body + close;
    }
    return [
      final,
      unescape(body),
      this.#hasMagic = !!this.#hasMagic,
      this.#uflag
    ];
  }
  #flatten() {
    if (!isExtglobAST(this)) {
      for (const p of this.#parts) {
        if (typeof p === "object") {
          p.#flatten();
        }
      }
    } else {
      let iterations = 0;
      let done = false;
      do {
        done = true;
        for (let i = 0; i < this.#parts.length; i++) {
          const c = this.#parts[i];
          if (typeof c === "object") {
            c.#flatten();
            if (this.#canAdopt(c)) {
              done = false;
              this.#adopt(c, i);
            } else if (this.#canAdoptWithSpace(c)) {
              done = false;
              this.#adoptWithSpace(c, i);
            } else if (this.#canUsurp(c)) {
              done = false;
              this.#usurp(c);
            }
          }
        }
      } while (!done && ++iterations < 10);
    }
    this.#toString = void 0;
  }
  #partsToRegExp(dot) {
    return this.#parts.map((p) => {
      if (typeof p === "string") {
        throw new Error("string type in extglob ast??");
      }
      const [re, _, _hasMagic, uflag] = p.toRegExpSource(dot);
      this.#uflag = this.#uflag || uflag;
      return re;
    }).filter((p) => !(this.isStart() && this.isEnd()) || !!p).join("|");
  }
  static #parseGlob(glob, hasMagic, noEmpty = false) {
    let escaping = false;
    let re = "";
    let uflag = false;
    let inStar = false;
    for (let i = 0; i < glob.length; i++) {
      const c = glob.charAt(i);
      if (escaping) {
        escaping = false;
        re += (reSpecials.has(c) ? "\\" : "") + c;
        continue;
      }
      if (c === "*") {
        if (inStar)
          continue;
        inStar = true;
        re += noEmpty && /^[*]+$/.test(glob) ? starNoEmpty : star;
        hasMagic = true;
        continue;
      } else {
        inStar = false;
      }
      if (c === "\\") {
        if (i === glob.length - 1) {
          re += "\\\\";
        } else {
          escaping = true;
        }
        continue;
      }
      if (c === "[") {
        const [src, needUflag, consumed, magic] = parseClass(glob, i);
        if (consumed) {
          re += src;
          uflag = uflag || needUflag;
          i += consumed - 1;
          hasMagic = hasMagic || magic;
          continue;
        }
      }
      if (c === "?") {
        re += qmark;
        hasMagic = true;
        continue;
      }
      re += regExpEscape(c);
    }
    return [re, unescape(glob), !!hasMagic, uflag];
  }
};
_a = AST;

// node_modules/minimatch/dist/esm/escape.js
var escape = (s, { windowsPathsNoEscape = false, magicalBraces = false } = {}) => {
  if (magicalBraces) {
    return windowsPathsNoEscape ? s.replace(/[?*()[\]{}]/g, "[$&]") : s.replace(/[?*()[\]\\{}]/g, "\\$&");
  }
  return windowsPathsNoEscape ? s.replace(/[?*()[\]]/g, "[$&]") : s.replace(/[?*()[\]\\]/g, "\\$&");
};

// node_modules/minimatch/dist/esm/index.js
var minimatch = (p, pattern, options = {}) => {
  assertValidPattern(pattern);
  if (!options.nocomment && pattern.charAt(0) === "#") {
    return false;
  }
  return new Minimatch(pattern, options).match(p);
};
var starDotExtRE = /^\*+([^+@!?*[(]*)$/;
var starDotExtTest = (ext2) => (f) => !f.startsWith(".") && f.endsWith(ext2);
var starDotExtTestDot = (ext2) => (f) => f.endsWith(ext2);
var starDotExtTestNocase = (ext2) => {
  ext2 = ext2.toLowerCase();
  return (f) => !f.startsWith(".") && f.toLowerCase().endsWith(ext2);
};
var starDotExtTestNocaseDot = (ext2) => {
  ext2 = ext2.toLowerCase();
  return (f) => f.toLowerCase().endsWith(ext2);
};
var starDotStarRE = /^\*+\.\*+$/;
var starDotStarTest = (f) => !f.startsWith(".") && f.includes(".");
var starDotStarTestDot = (f) => f !== "." && f !== ".." && f.includes(".");
var dotStarRE = /^\.\*+$/;
var dotStarTest = (f) => f !== "." && f !== ".." && f.startsWith(".");
var starRE = /^\*+$/;
var starTest = (f) => f.length !== 0 && !f.startsWith(".");
var starTestDot = (f) => f.length !== 0 && f !== "." && f !== "..";
var qmarksRE = /^\?+([^+@!?*[(]*)?$/;
var qmarksTestNocase = ([$0, ext2 = ""]) => {
  const noext = qmarksTestNoExt([$0]);
  if (!ext2)
    return noext;
  ext2 = ext2.toLowerCase();
  return (f) => noext(f) && f.toLowerCase().endsWith(ext2);
};
var qmarksTestNocaseDot = ([$0, ext2 = ""]) => {
  const noext = qmarksTestNoExtDot([$0]);
  if (!ext2)
    return noext;
  ext2 = ext2.toLowerCase();
  return (f) => noext(f) && f.toLowerCase().endsWith(ext2);
};
var qmarksTestDot = ([$0, ext2 = ""]) => {
  const noext = qmarksTestNoExtDot([$0]);
  return !ext2 ? noext : (f) => noext(f) && f.endsWith(ext2);
};
var qmarksTest = ([$0, ext2 = ""]) => {
  const noext = qmarksTestNoExt([$0]);
  return !ext2 ? noext : (f) => noext(f) && f.endsWith(ext2);
};
var qmarksTestNoExt = ([$0]) => {
  const len = $0.length;
  return (f) => f.length === len && !f.startsWith(".");
};
var qmarksTestNoExtDot = ([$0]) => {
  const len = $0.length;
  return (f) => f.length === len && f !== "." && f !== "..";
};
var defaultPlatform = typeof process === "object" && process ? typeof process.env === "object" && process.env && process.env.__MINIMATCH_TESTING_PLATFORM__ || process.platform : "posix";
var path2 = {
  win32: { sep: "\\" },
  posix: { sep: "/" }
};
var sep3 = defaultPlatform === "win32" ? path2.win32.sep : path2.posix.sep;
minimatch.sep = sep3;
var GLOBSTAR = /* @__PURE__ */ Symbol("globstar **");
minimatch.GLOBSTAR = GLOBSTAR;
var qmark2 = "[^/]";
var star2 = qmark2 + "*?";
var twoStarDot = "(?:(?!(?:\\/|^)(?:\\.{1,2})($|\\/)).)*?";
var twoStarNoDot = "(?:(?!(?:\\/|^)\\.).)*?";
var filter = (pattern, options = {}) => (p) => minimatch(p, pattern, options);
minimatch.filter = filter;
var ext = (a, b = {}) => Object.assign({}, a, b);
var defaults = (def) => {
  if (!def || typeof def !== "object" || !Object.keys(def).length) {
    return minimatch;
  }
  const orig = minimatch;
  const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
  return Object.assign(m, {
    Minimatch: class Minimatch extends orig.Minimatch {
      constructor(pattern, options = {}) {
        super(pattern, ext(def, options));
      }
      static defaults(options) {
        return orig.defaults(ext(def, options)).Minimatch;
      }
    },
    AST: class AST extends orig.AST {
      /* c8 ignore start */
      constructor(type, parent, options = {}) {
        super(type, parent, ext(def, options));
      }
      /* c8 ignore stop */
      static fromGlob(pattern, options = {}) {
        return orig.AST.fromGlob(pattern, ext(def, options));
      }
    },
    unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
    escape: (s, options = {}) => orig.escape(s, ext(def, options)),
    filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
    defaults: (options) => orig.defaults(ext(def, options)),
    makeRe: (pattern, options = {}) => orig.makeRe(pattern, ext(def, options)),
    braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
    match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
    sep: orig.sep,
    GLOBSTAR
  });
};
minimatch.defaults = defaults;
var braceExpand = (pattern, options = {}) => {
  assertValidPattern(pattern);
  if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
    return [pattern];
  }
  return expand(pattern, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
var makeRe = (pattern, options = {}) => new Minimatch(pattern, options).makeRe();
minimatch.makeRe = makeRe;
var match2 = (list, pattern, options = {}) => {
  const mm = new Minimatch(pattern, options);
  list = list.filter((f) => mm.match(f));
  if (mm.options.nonull && !list.length) {
    list.push(pattern);
  }
  return list;
};
minimatch.match = match2;
var globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
var regExpEscape2 = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, "\\$&");
var Minimatch = class {
  options;
  set;
  pattern;
  windowsPathsNoEscape;
  nonegate;
  negate;
  comment;
  empty;
  preserveMultipleSlashes;
  partial;
  globSet;
  globParts;
  nocase;
  isWindows;
  platform;
  windowsNoMagicRoot;
  maxGlobstarRecursion;
  regexp;
  constructor(pattern, options = {}) {
    assertValidPattern(pattern);
    options = options || {};
    this.options = options;
    this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? 200;
    this.pattern = pattern;
    this.platform = options.platform || defaultPlatform;
    this.isWindows = this.platform === "win32";
    const awe = "allowWindowsEscape";
    this.windowsPathsNoEscape = !!options.windowsPathsNoEscape || options[awe] === false;
    if (this.windowsPathsNoEscape) {
      this.pattern = this.pattern.replace(/\\/g, "/");
    }
    this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
    this.regexp = null;
    this.negate = false;
    this.nonegate = !!options.nonegate;
    this.comment = false;
    this.empty = false;
    this.partial = !!options.partial;
    this.nocase = !!this.options.nocase;
    this.windowsNoMagicRoot = options.windowsNoMagicRoot !== void 0 ? options.windowsNoMagicRoot : !!(this.isWindows && this.nocase);
    this.globSet = [];
    this.globParts = [];
    this.set = [];
    this.make();
  }
  hasMagic() {
    if (this.options.magicalBraces && this.set.length > 1) {
      return true;
    }
    for (const pattern of this.set) {
      for (const part of pattern) {
        if (typeof part !== "string")
          return true;
      }
    }
    return false;
  }
  debug(..._) {
  }
  make() {
    const pattern = this.pattern;
    const options = this.options;
    if (!options.nocomment && pattern.charAt(0) === "#") {
      this.comment = true;
      return;
    }
    if (!pattern) {
      this.empty = true;
      return;
    }
    this.parseNegate();
    this.globSet = [...new Set(this.braceExpand())];
    if (options.debug) {
      this.debug = (...args) => console.error(...args);
    }
    this.debug(this.pattern, this.globSet);
    const rawGlobParts = this.globSet.map((s) => this.slashSplit(s));
    this.globParts = this.preprocess(rawGlobParts);
    this.debug(this.pattern, this.globParts);
    let set = this.globParts.map((s, _, __) => {
      if (this.isWindows && this.windowsNoMagicRoot) {
        const isUNC = s[0] === "" && s[1] === "" && (s[2] === "?" || !globMagic.test(s[2])) && !globMagic.test(s[3]);
        const isDrive = /^[a-z]:/i.test(s[0]);
        if (isUNC) {
          return [
            ...s.slice(0, 4),
            ...s.slice(4).map((ss) => this.parse(ss))
          ];
        } else if (isDrive) {
          return [s[0], ...s.slice(1).map((ss) => this.parse(ss))];
        }
      }
      return s.map((ss) => this.parse(ss));
    });
    this.debug(this.pattern, set);
    this.set = set.filter((s) => s.indexOf(false) === -1);
    if (this.isWindows) {
      for (let i = 0; i < this.set.length; i++) {
        const p = this.set[i];
        if (p[0] === "" && p[1] === "" && this.globParts[i][2] === "?" && typeof p[3] === "string" && /^[a-z]:$/i.test(p[3])) {
          p[2] = "?";
        }
      }
    }
    this.debug(this.pattern, this.set);
  }
  // various transforms to equivalent pattern sets that are
  // faster to process in a filesystem walk.  The goal is to
  // eliminate what we can, and push all ** patterns as far
  // to the right as possible, even if it increases the number
  // of patterns that we have to process.
  preprocess(globParts) {
    if (this.options.noglobstar) {
      for (const partset of globParts) {
        for (let j = 0; j < partset.length; j++) {
          if (partset[j] === "**") {
            partset[j] = "*";
          }
        }
      }
    }
    const { optimizationLevel = 1 } = this.options;
    if (optimizationLevel >= 2) {
      globParts = this.firstPhasePreProcess(globParts);
      globParts = this.secondPhasePreProcess(globParts);
    } else if (optimizationLevel >= 1) {
      globParts = this.levelOneOptimize(globParts);
    } else {
      globParts = this.adjascentGlobstarOptimize(globParts);
    }
    return globParts;
  }
  // just get rid of adjascent ** portions
  adjascentGlobstarOptimize(globParts) {
    return globParts.map((parts) => {
      let gs = -1;
      while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
        let i = gs;
        while (parts[i + 1] === "**") {
          i++;
        }
        if (i !== gs) {
          parts.splice(gs, i - gs);
        }
      }
      return parts;
    });
  }
  // get rid of adjascent ** and resolve .. portions
  levelOneOptimize(globParts) {
    return globParts.map((parts) => {
      parts = parts.reduce((set, part) => {
        const prev = set[set.length - 1];
        if (part === "**" && prev === "**") {
          return set;
        }
        if (part === "..") {
          if (prev && prev !== ".." && prev !== "." && prev !== "**") {
            set.pop();
            return set;
          }
        }
        set.push(part);
        return set;
      }, []);
      return parts.length === 0 ? [""] : parts;
    });
  }
  levelTwoFileOptimize(parts) {
    if (!Array.isArray(parts)) {
      parts = this.slashSplit(parts);
    }
    let didSomething = false;
    do {
      didSomething = false;
      if (!this.preserveMultipleSlashes) {
        for (let i = 1; i < parts.length - 1; i++) {
          const p = parts[i];
          if (i === 1 && p === "" && parts[0] === "")
            continue;
          if (p === "." || p === "") {
            didSomething = true;
            parts.splice(i, 1);
            i--;
          }
        }
        if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
          didSomething = true;
          parts.pop();
        }
      }
      let dd = 0;
      while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
        const p = parts[dd - 1];
        if (p && p !== "." && p !== ".." && p !== "**" && !(this.isWindows && /^[a-z]:$/i.test(p))) {
          didSomething = true;
          parts.splice(dd - 1, 2);
          dd -= 2;
        }
      }
    } while (didSomething);
    return parts.length === 0 ? [""] : parts;
  }
  // First phase: single-pattern processing
  // <pre> is 1 or more portions
  // <rest> is 1 or more portions
  // <p> is any portion other than ., .., '', or **
  // <e> is . or ''
  //
  // **/.. is *brutal* for filesystem walking performance, because
  // it effectively resets the recursive walk each time it occurs,
  // and ** cannot be reduced out by a .. pattern part like a regexp
  // or most strings (other than .., ., and '') can be.
  //
  // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
  // <pre>/<e>/<rest> -> <pre>/<rest>
  // <pre>/<p>/../<rest> -> <pre>/<rest>
  // **/**/<rest> -> **/<rest>
  //
  // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
  // this WOULD be allowed if ** did follow symlinks, or * didn't
  firstPhasePreProcess(globParts) {
    let didSomething = false;
    do {
      didSomething = false;
      for (let parts of globParts) {
        let gs = -1;
        while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
          let gss = gs;
          while (parts[gss + 1] === "**") {
            gss++;
          }
          if (gss > gs) {
            parts.splice(gs + 1, gss - gs);
          }
          let next = parts[gs + 1];
          const p = parts[gs + 2];
          const p2 = parts[gs + 3];
          if (next !== "..")
            continue;
          if (!p || p === "." || p === ".." || !p2 || p2 === "." || p2 === "..") {
            continue;
          }
          didSomething = true;
          parts.splice(gs, 1);
          const other = parts.slice(0);
          other[gs] = "**";
          globParts.push(other);
          gs--;
        }
        if (!this.preserveMultipleSlashes) {
          for (let i = 1; i < parts.length - 1; i++) {
            const p = parts[i];
            if (i === 1 && p === "" && parts[0] === "")
              continue;
            if (p === "." || p === "") {
              didSomething = true;
              parts.splice(i, 1);
              i--;
            }
          }
          if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
            didSomething = true;
            parts.pop();
          }
        }
        let dd = 0;
        while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
          const p = parts[dd - 1];
          if (p && p !== "." && p !== ".." && p !== "**") {
            didSomething = true;
            const needDot = dd === 1 && parts[dd + 1] === "**";
            const splin = needDot ? ["."] : [];
            parts.splice(dd - 1, 2, ...splin);
            if (parts.length === 0)
              parts.push("");
            dd -= 2;
          }
        }
      }
    } while (didSomething);
    return globParts;
  }
  // second phase: multi-pattern dedupes
  // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
  // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
  // {<pre>/**/<rest>,<pre>/<rest>} -> <pre>/**/<rest>
  //
  // {<pre>/**/<rest>,<pre>/**/<p>/<rest>} -> <pre>/**/<rest>
  // ^-- not valid because ** doens't follow symlinks
  secondPhasePreProcess(globParts) {
    for (let i = 0; i < globParts.length - 1; i++) {
      for (let j = i + 1; j < globParts.length; j++) {
        const matched = this.partsMatch(globParts[i], globParts[j], !this.preserveMultipleSlashes);
        if (matched) {
          globParts[i] = [];
          globParts[j] = matched;
          break;
        }
      }
    }
    return globParts.filter((gs) => gs.length);
  }
  partsMatch(a, b, emptyGSMatch = false) {
    let ai = 0;
    let bi = 0;
    let result = [];
    let which2 = "";
    while (ai < a.length && bi < b.length) {
      if (a[ai] === b[bi]) {
        result.push(which2 === "b" ? b[bi] : a[ai]);
        ai++;
        bi++;
      } else if (emptyGSMatch && a[ai] === "**" && b[bi] === a[ai + 1]) {
        result.push(a[ai]);
        ai++;
      } else if (emptyGSMatch && b[bi] === "**" && a[ai] === b[bi + 1]) {
        result.push(b[bi]);
        bi++;
      } else if (a[ai] === "*" && b[bi] && (this.options.dot || !b[bi].startsWith(".")) && b[bi] !== "**") {
        if (which2 === "b")
          return false;
        which2 = "a";
        result.push(a[ai]);
        ai++;
        bi++;
      } else if (b[bi] === "*" && a[ai] && (this.options.dot || !a[ai].startsWith(".")) && a[ai] !== "**") {
        if (which2 === "a")
          return false;
        which2 = "b";
        result.push(b[bi]);
        ai++;
        bi++;
      } else {
        return false;
      }
    }
    return a.length === b.length && result;
  }
  parseNegate() {
    if (this.nonegate)
      return;
    const pattern = this.pattern;
    let negate = false;
    let negateOffset = 0;
    for (let i = 0; i < pattern.length && pattern.charAt(i) === "!"; i++) {
      negate = !negate;
      negateOffset++;
    }
    if (negateOffset)
      this.pattern = pattern.slice(negateOffset);
    this.negate = negate;
  }
  // set partial to true to test if, for example,
  // "/a/b" matches the start of "/*/b/*/d"
  // Partial means, if you run out of file before you run
  // out of pattern, then that's fine, as long as all
  // the parts match.
  matchOne(file, pattern, partial = false) {
    let fileStartIndex = 0;
    let patternStartIndex = 0;
    if (this.isWindows) {
      const fileDrive = typeof file[0] === "string" && /^[a-z]:$/i.test(file[0]);
      const fileUNC = !fileDrive && file[0] === "" && file[1] === "" && file[2] === "?" && /^[a-z]:$/i.test(file[3]);
      const patternDrive = typeof pattern[0] === "string" && /^[a-z]:$/i.test(pattern[0]);
      const patternUNC = !patternDrive && pattern[0] === "" && pattern[1] === "" && pattern[2] === "?" && typeof pattern[3] === "string" && /^[a-z]:$/i.test(pattern[3]);
      const fdi = fileUNC ? 3 : fileDrive ? 0 : void 0;
      const pdi = patternUNC ? 3 : patternDrive ? 0 : void 0;
      if (typeof fdi === "number" && typeof pdi === "number") {
        const [fd, pd] = [
          file[fdi],
          pattern[pdi]
        ];
        if (fd.toLowerCase() === pd.toLowerCase()) {
          pattern[pdi] = fd;
          patternStartIndex = pdi;
          fileStartIndex = fdi;
        }
      }
    }
    const { optimizationLevel = 1 } = this.options;
    if (optimizationLevel >= 2) {
      file = this.levelTwoFileOptimize(file);
    }
    if (pattern.includes(GLOBSTAR)) {
      return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
  }
  #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
    const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
    const lastgs = pattern.lastIndexOf(GLOBSTAR);
    const [head, body, tail] = partial ? [
      pattern.slice(patternIndex, firstgs),
      pattern.slice(firstgs + 1),
      []
    ] : [
      pattern.slice(patternIndex, firstgs),
      pattern.slice(firstgs + 1, lastgs),
      pattern.slice(lastgs + 1)
    ];
    if (head.length) {
      const fileHead = file.slice(fileIndex, fileIndex + head.length);
      if (!this.#matchOne(fileHead, head, partial, 0, 0)) {
        return false;
      }
      fileIndex += head.length;
      patternIndex += head.length;
    }
    let fileTailMatch = 0;
    if (tail.length) {
      if (tail.length + fileIndex > file.length)
        return false;
      let tailStart = file.length - tail.length;
      if (this.#matchOne(file, tail, partial, tailStart, 0)) {
        fileTailMatch = tail.length;
      } else {
        if (file[file.length - 1] !== "" || fileIndex + tail.length === file.length) {
          return false;
        }
        tailStart--;
        if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
          return false;
        }
        fileTailMatch = tail.length + 1;
      }
    }
    if (!body.length) {
      let sawSome = !!fileTailMatch;
      for (let i2 = fileIndex; i2 < file.length - fileTailMatch; i2++) {
        const f = String(file[i2]);
        sawSome = true;
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return partial || sawSome;
    }
    const bodySegments = [[[], 0]];
    let currentBody = bodySegments[0];
    let nonGsParts = 0;
    const nonGsPartsSums = [0];
    for (const b of body) {
      if (b === GLOBSTAR) {
        nonGsPartsSums.push(nonGsParts);
        currentBody = [[], 0];
        bodySegments.push(currentBody);
      } else {
        currentBody[0].push(b);
        nonGsParts++;
      }
    }
    let i = bodySegments.length - 1;
    const fileLength = file.length - fileTailMatch;
    for (const b of bodySegments) {
      b[1] = fileLength - (nonGsPartsSums[i--] + b[0].length);
    }
    return !!this.#matchGlobStarBodySections(file, bodySegments, fileIndex, 0, partial, 0, !!fileTailMatch);
  }
  // return false for "nope, not matching"
  // return null for "not matching, cannot keep trying"
  #matchGlobStarBodySections(file, bodySegments, fileIndex, bodyIndex, partial, globStarDepth, sawTail) {
    const bs = bodySegments[bodyIndex];
    if (!bs) {
      for (let i = fileIndex; i < file.length; i++) {
        sawTail = true;
        const f = file[i];
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return sawTail;
    }
    const [body, after] = bs;
    while (fileIndex <= after) {
      const m = this.#matchOne(file.slice(0, fileIndex + body.length), body, partial, fileIndex, 0);
      if (m && globStarDepth < this.maxGlobstarRecursion) {
        const sub = this.#matchGlobStarBodySections(file, bodySegments, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail);
        if (sub !== false) {
          return sub;
        }
      }
      const f = file[fileIndex];
      if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
        return false;
      }
      fileIndex++;
    }
    return partial || null;
  }
  #matchOne(file, pattern, partial, fileIndex, patternIndex) {
    let fi;
    let pi;
    let pl;
    let fl;
    for (fi = fileIndex, pi = patternIndex, fl = file.length, pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
      this.debug("matchOne loop");
      let p = pattern[pi];
      let f = file[fi];
      this.debug(pattern, p, f);
      if (p === false || p === GLOBSTAR) {
        return false;
      }
      let hit;
      if (typeof p === "string") {
        hit = f === p;
        this.debug("string match", p, f, hit);
      } else {
        hit = p.test(f);
        this.debug("pattern match", p, f, hit);
      }
      if (!hit)
        return false;
    }
    if (fi === fl && pi === pl) {
      return true;
    } else if (fi === fl) {
      return partial;
    } else if (pi === pl) {
      return fi === fl - 1 && file[fi] === "";
    } else {
      throw new Error("wtf?");
    }
  }
  braceExpand() {
    return braceExpand(this.pattern, this.options);
  }
  parse(pattern) {
    assertValidPattern(pattern);
    const options = this.options;
    if (pattern === "**")
      return GLOBSTAR;
    if (pattern === "")
      return "";
    let m;
    let fastTest = null;
    if (m = pattern.match(starRE)) {
      fastTest = options.dot ? starTestDot : starTest;
    } else if (m = pattern.match(starDotExtRE)) {
      fastTest = (options.nocase ? options.dot ? starDotExtTestNocaseDot : starDotExtTestNocase : options.dot ? starDotExtTestDot : starDotExtTest)(m[1]);
    } else if (m = pattern.match(qmarksRE)) {
      fastTest = (options.nocase ? options.dot ? qmarksTestNocaseDot : qmarksTestNocase : options.dot ? qmarksTestDot : qmarksTest)(m);
    } else if (m = pattern.match(starDotStarRE)) {
      fastTest = options.dot ? starDotStarTestDot : starDotStarTest;
    } else if (m = pattern.match(dotStarRE)) {
      fastTest = dotStarTest;
    }
    const re = AST.fromGlob(pattern, this.options).toMMPattern();
    if (fastTest && typeof re === "object") {
      Reflect.defineProperty(re, "test", { value: fastTest });
    }
    return re;
  }
  makeRe() {
    if (this.regexp || this.regexp === false)
      return this.regexp;
    const set = this.set;
    if (!set.length) {
      this.regexp = false;
      return this.regexp;
    }
    const options = this.options;
    const twoStar = options.noglobstar ? star2 : options.dot ? twoStarDot : twoStarNoDot;
    const flags = new Set(options.nocase ? ["i"] : []);
    let re = set.map((pattern) => {
      const pp = pattern.map((p) => {
        if (p instanceof RegExp) {
          for (const f of p.flags.split(""))
            flags.add(f);
        }
        return typeof p === "string" ? regExpEscape2(p) : p === GLOBSTAR ? GLOBSTAR : p._src;
      });
      pp.forEach((p, i) => {
        const next = pp[i + 1];
        const prev = pp[i - 1];
        if (p !== GLOBSTAR || prev === GLOBSTAR) {
          return;
        }
        if (prev === void 0) {
          if (next !== void 0 && next !== GLOBSTAR) {
            pp[i + 1] = "(?:\\/|" + twoStar + "\\/)?" + next;
          } else {
            pp[i] = twoStar;
          }
        } else if (next === void 0) {
          pp[i - 1] = prev + "(?:\\/|\\/" + twoStar + ")?";
        } else if (next !== GLOBSTAR) {
          pp[i - 1] = prev + "(?:\\/|\\/" + twoStar + "\\/)" + next;
          pp[i + 1] = GLOBSTAR;
        }
      });
      const filtered = pp.filter((p) => p !== GLOBSTAR);
      if (this.partial && filtered.length >= 1) {
        const prefixes = [];
        for (let i = 1; i <= filtered.length; i++) {
          prefixes.push(filtered.slice(0, i).join("/"));
        }
        return "(?:" + prefixes.join("|") + ")";
      }
      return filtered.join("/");
    }).join("|");
    const [open4, close] = set.length > 1 ? ["(?:", ")"] : ["", ""];
    re = "^" + open4 + re + close + "$";
    if (this.partial) {
      re = "^(?:\\/|" + open4 + re.slice(1, -1) + close + ")$";
    }
    if (this.negate)
      re = "^(?!" + re + ").+$";
    try {
      this.regexp = new RegExp(re, [...flags].join(""));
    } catch {
      this.regexp = false;
    }
    return this.regexp;
  }
  slashSplit(p) {
    if (this.preserveMultipleSlashes) {
      return p.split("/");
    } else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
      return ["", ...p.split(/\/+/)];
    } else {
      return p.split(/\/+/);
    }
  }
  match(f, partial = this.partial) {
    this.debug("match", f, this.pattern);
    if (this.comment) {
      return false;
    }
    if (this.empty) {
      return f === "";
    }
    if (f === "/" && partial) {
      return true;
    }
    const options = this.options;
    if (this.isWindows) {
      f = f.split("\\").join("/");
    }
    const ff = this.slashSplit(f);
    this.debug(this.pattern, "split", ff);
    const set = this.set;
    this.debug(this.pattern, "set", set);
    let filename = ff[ff.length - 1];
    if (!filename) {
      for (let i = ff.length - 2; !filename && i >= 0; i--) {
        filename = ff[i];
      }
    }
    for (const pattern of set) {
      let file = ff;
      if (options.matchBase && pattern.length === 1) {
        file = [filename];
      }
      const hit = this.matchOne(file, pattern, partial);
      if (hit) {
        if (options.flipNegate) {
          return true;
        }
        return !this.negate;
      }
    }
    if (options.flipNegate) {
      return false;
    }
    return this.negate;
  }
  static defaults(def) {
    return minimatch.defaults(def).Minimatch;
  }
};
minimatch.AST = AST;
minimatch.Minimatch = Minimatch;
minimatch.escape = escape;
minimatch.unescape = unescape;

// node_modules/@actions/glob/lib/internal-path.js
import * as path3 from "path";
import assert2 from "assert";
var IS_WINDOWS5 = process.platform === "win32";
var Path = class {
  /**
   * Constructs a Path
   * @param itemPath Path or array of segments
   */
  constructor(itemPath) {
    this.segments = [];
    if (typeof itemPath === "string") {
      assert2(itemPath, `Parameter 'itemPath' must not be empty`);
      itemPath = safeTrimTrailingSeparator(itemPath);
      if (!hasRoot(itemPath)) {
        this.segments = itemPath.split(path3.sep);
      } else {
        let remaining = itemPath;
        let dir = dirname2(remaining);
        while (dir !== remaining) {
          const basename4 = path3.basename(remaining);
          this.segments.unshift(basename4);
          remaining = dir;
          dir = dirname2(remaining);
        }
        this.segments.unshift(remaining);
      }
    } else {
      assert2(itemPath.length > 0, `Parameter 'itemPath' must not be an empty array`);
      for (let i = 0; i < itemPath.length; i++) {
        let segment = itemPath[i];
        assert2(segment, `Parameter 'itemPath' must not contain any empty segments`);
        segment = normalizeSeparators(itemPath[i]);
        if (i === 0 && hasRoot(segment)) {
          segment = safeTrimTrailingSeparator(segment);
          assert2(segment === dirname2(segment), `Parameter 'itemPath' root segment contains information for multiple segments`);
          this.segments.push(segment);
        } else {
          assert2(!segment.includes(path3.sep), `Parameter 'itemPath' contains unexpected path separators`);
          this.segments.push(segment);
        }
      }
    }
  }
  /**
   * Converts the path to it's string representation
   */
  toString() {
    let result = this.segments[0];
    let skipSlash = result.endsWith(path3.sep) || IS_WINDOWS5 && /^[A-Z]:$/i.test(result);
    for (let i = 1; i < this.segments.length; i++) {
      if (skipSlash) {
        skipSlash = false;
      } else {
        result += path3.sep;
      }
      result += this.segments[i];
    }
    return result;
  }
};

// node_modules/@actions/glob/lib/internal-pattern.js
var IS_WINDOWS6 = process.platform === "win32";
var Pattern = class _Pattern {
  constructor(patternOrNegate, isImplicitPattern = false, segments, homedir2) {
    this.negate = false;
    let pattern;
    if (typeof patternOrNegate === "string") {
      pattern = patternOrNegate.trim();
    } else {
      segments = segments || [];
      assert3(segments.length, `Parameter 'segments' must not empty`);
      const root = _Pattern.getLiteral(segments[0]);
      assert3(root && hasAbsoluteRoot(root), `Parameter 'segments' first element must be a root path`);
      pattern = new Path(segments).toString().trim();
      if (patternOrNegate) {
        pattern = `!${pattern}`;
      }
    }
    while (pattern.startsWith("!")) {
      this.negate = !this.negate;
      pattern = pattern.substr(1).trim();
    }
    pattern = _Pattern.fixupPattern(pattern, homedir2);
    this.segments = new Path(pattern).segments;
    this.trailingSeparator = normalizeSeparators(pattern).endsWith(path4.sep);
    pattern = safeTrimTrailingSeparator(pattern);
    let foundGlob = false;
    const searchSegments = this.segments.map((x) => _Pattern.getLiteral(x)).filter((x) => !foundGlob && !(foundGlob = x === ""));
    this.searchPath = new Path(searchSegments).toString();
    this.rootRegExp = new RegExp(_Pattern.regExpEscape(searchSegments[0]), IS_WINDOWS6 ? "i" : "");
    this.isImplicitPattern = isImplicitPattern;
    const minimatchOptions = {
      dot: true,
      nobrace: true,
      nocase: IS_WINDOWS6,
      nocomment: true,
      noext: true,
      nonegate: true
    };
    pattern = IS_WINDOWS6 ? pattern.replace(/\\/g, "/") : pattern;
    this.minimatch = new Minimatch(pattern, minimatchOptions);
  }
  /**
   * Matches the pattern against the specified path
   */
  match(itemPath) {
    if (this.segments[this.segments.length - 1] === "**") {
      itemPath = normalizeSeparators(itemPath);
      if (!itemPath.endsWith(path4.sep) && this.isImplicitPattern === false) {
        itemPath = `${itemPath}${path4.sep}`;
      }
    } else {
      itemPath = safeTrimTrailingSeparator(itemPath);
    }
    if (this.minimatch.match(itemPath)) {
      return this.trailingSeparator ? MatchKind.Directory : MatchKind.All;
    }
    return MatchKind.None;
  }
  /**
   * Indicates whether the pattern may match descendants of the specified path
   */
  partialMatch(itemPath) {
    itemPath = safeTrimTrailingSeparator(itemPath);
    if (dirname2(itemPath) === itemPath) {
      return this.rootRegExp.test(itemPath);
    }
    return this.minimatch.matchOne(itemPath.split(IS_WINDOWS6 ? /\\+/ : /\/+/), this.minimatch.set[0], true);
  }
  /**
   * Escapes glob patterns within a path
   */
  static globEscape(s) {
    return (IS_WINDOWS6 ? s : s.replace(/\\/g, "\\\\")).replace(/(\[)(?=[^/]+\])/g, "[[]").replace(/\?/g, "[?]").replace(/\*/g, "[*]");
  }
  /**
   * Normalizes slashes and ensures absolute root
   */
  static fixupPattern(pattern, homedir2) {
    assert3(pattern, "pattern cannot be empty");
    const literalSegments = new Path(pattern).segments.map((x) => _Pattern.getLiteral(x));
    assert3(literalSegments.every((x, i) => (x !== "." || i === 0) && x !== ".."), `Invalid pattern '${pattern}'. Relative pathing '.' and '..' is not allowed.`);
    assert3(!hasRoot(pattern) || literalSegments[0], `Invalid pattern '${pattern}'. Root segment must not contain globs.`);
    pattern = normalizeSeparators(pattern);
    if (pattern === "." || pattern.startsWith(`.${path4.sep}`)) {
      pattern = _Pattern.globEscape(process.cwd()) + pattern.substr(1);
    } else if (pattern === "~" || pattern.startsWith(`~${path4.sep}`)) {
      homedir2 = homedir2 || os5.homedir();
      assert3(homedir2, "Unable to determine HOME directory");
      assert3(hasAbsoluteRoot(homedir2), `Expected HOME directory to be a rooted path. Actual '${homedir2}'`);
      pattern = _Pattern.globEscape(homedir2) + pattern.substr(1);
    } else if (IS_WINDOWS6 && (pattern.match(/^[A-Z]:$/i) || pattern.match(/^[A-Z]:[^\\]/i))) {
      let root = ensureAbsoluteRoot("C:\\dummy-root", pattern.substr(0, 2));
      if (pattern.length > 2 && !root.endsWith("\\")) {
        root += "\\";
      }
      pattern = _Pattern.globEscape(root) + pattern.substr(2);
    } else if (IS_WINDOWS6 && (pattern === "\\" || pattern.match(/^\\[^\\]/))) {
      let root = ensureAbsoluteRoot("C:\\dummy-root", "\\");
      if (!root.endsWith("\\")) {
        root += "\\";
      }
      pattern = _Pattern.globEscape(root) + pattern.substr(1);
    } else {
      pattern = ensureAbsoluteRoot(_Pattern.globEscape(process.cwd()), pattern);
    }
    return normalizeSeparators(pattern);
  }
  /**
   * Attempts to unescape a pattern segment to create a literal path segment.
   * Otherwise returns empty string.
   */
  static getLiteral(segment) {
    let literal = "";
    for (let i = 0; i < segment.length; i++) {
      const c = segment[i];
      if (c === "\\" && !IS_WINDOWS6 && i + 1 < segment.length) {
        literal += segment[++i];
        continue;
      } else if (c === "*" || c === "?") {
        return "";
      } else if (c === "[" && i + 1 < segment.length) {
        let set = "";
        let closed = -1;
        for (let i2 = i + 1; i2 < segment.length; i2++) {
          const c2 = segment[i2];
          if (c2 === "\\" && !IS_WINDOWS6 && i2 + 1 < segment.length) {
            set += segment[++i2];
            continue;
          } else if (c2 === "]") {
            closed = i2;
            break;
          } else {
            set += c2;
          }
        }
        if (closed >= 0) {
          if (set.length > 1) {
            return "";
          }
          if (set) {
            literal += set;
            i = closed;
            continue;
          }
        }
      }
      literal += c;
    }
    return literal;
  }
  /**
   * Escapes regexp special characters
   * https://javascript.info/regexp-escaping
   */
  static regExpEscape(s) {
    return s.replace(/[[\\^$.|?*+()]/g, "\\$&");
  }
};

// node_modules/@actions/glob/lib/internal-search-state.js
var SearchState = class {
  constructor(path6, level) {
    this.path = path6;
    this.level = level;
  }
};

// node_modules/@actions/glob/lib/internal-globber.js
var __awaiter2 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve6) {
      resolve6(value);
    });
  }
  return new (P || (P = Promise))(function(resolve6, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve6(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var __asyncValues = function(o) {
  if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
  var m = o[Symbol.asyncIterator], i;
  return m ? m.call(o) : (o = typeof __values === "function" ? __values(o) : o[Symbol.iterator](), i = {}, verb("next"), verb("throw"), verb("return"), i[Symbol.asyncIterator] = function() {
    return this;
  }, i);
  function verb(n) {
    i[n] = o[n] && function(v) {
      return new Promise(function(resolve6, reject) {
        v = o[n](v), settle(resolve6, reject, v.done, v.value);
      });
    };
  }
  function settle(resolve6, reject, d, v) {
    Promise.resolve(v).then(function(v2) {
      resolve6({ value: v2, done: d });
    }, reject);
  }
};
var __await = function(v) {
  return this instanceof __await ? (this.v = v, this) : new __await(v);
};
var __asyncGenerator = function(thisArg, _arguments, generator) {
  if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
  var g = generator.apply(thisArg, _arguments || []), i, q = [];
  return i = Object.create((typeof AsyncIterator === "function" ? AsyncIterator : Object).prototype), verb("next"), verb("throw"), verb("return", awaitReturn), i[Symbol.asyncIterator] = function() {
    return this;
  }, i;
  function awaitReturn(f) {
    return function(v) {
      return Promise.resolve(v).then(f, reject);
    };
  }
  function verb(n, f) {
    if (g[n]) {
      i[n] = function(v) {
        return new Promise(function(a, b) {
          q.push([n, v, a, b]) > 1 || resume(n, v);
        });
      };
      if (f) i[n] = f(i[n]);
    }
  }
  function resume(n, v) {
    try {
      step(g[n](v));
    } catch (e) {
      settle(q[0][3], e);
    }
  }
  function step(r) {
    r.value instanceof __await ? Promise.resolve(r.value.v).then(fulfill, reject) : settle(q[0][2], r);
  }
  function fulfill(value) {
    resume("next", value);
  }
  function reject(value) {
    resume("throw", value);
  }
  function settle(f, v) {
    if (f(v), q.shift(), q.length) resume(q[0][0], q[0][1]);
  }
};
var IS_WINDOWS7 = process.platform === "win32";
var DefaultGlobber = class _DefaultGlobber {
  constructor(options) {
    this.patterns = [];
    this.searchPaths = [];
    this.options = getOptions(options);
  }
  getSearchPaths() {
    return this.searchPaths.slice();
  }
  glob() {
    return __awaiter2(this, void 0, void 0, function* () {
      var _a2, e_1, _b, _c;
      const result = [];
      try {
        for (var _d = true, _e = __asyncValues(this.globGenerator()), _f; _f = yield _e.next(), _a2 = _f.done, !_a2; _d = true) {
          _c = _f.value;
          _d = false;
          const itemPath = _c;
          result.push(itemPath);
        }
      } catch (e_1_1) {
        e_1 = { error: e_1_1 };
      } finally {
        try {
          if (!_d && !_a2 && (_b = _e.return)) yield _b.call(_e);
        } finally {
          if (e_1) throw e_1.error;
        }
      }
      return result;
    });
  }
  globGenerator() {
    return __asyncGenerator(this, arguments, function* globGenerator_1() {
      const options = getOptions(this.options);
      const patterns = [];
      for (const pattern of this.patterns) {
        patterns.push(pattern);
        if (options.implicitDescendants && (pattern.trailingSeparator || pattern.segments[pattern.segments.length - 1] !== "**")) {
          patterns.push(new Pattern(pattern.negate, true, pattern.segments.concat("**")));
        }
      }
      const stack = [];
      for (const searchPath of getSearchPaths(patterns)) {
        debug(`Search path '${searchPath}'`);
        try {
          yield __await(fs3.promises.lstat(searchPath));
        } catch (err) {
          if (err.code === "ENOENT") {
            continue;
          }
          throw err;
        }
        stack.unshift(new SearchState(searchPath, 1));
      }
      const traversalChain = [];
      while (stack.length) {
        const item = stack.pop();
        const match3 = match(patterns, item.path);
        const partialMatch2 = !!match3 || partialMatch(patterns, item.path);
        if (!match3 && !partialMatch2) {
          continue;
        }
        const stats = yield __await(
          _DefaultGlobber.stat(item, options, traversalChain)
          // Broken symlink, or symlink cycle detected, or no longer exists
        );
        if (!stats) {
          continue;
        }
        if (options.excludeHiddenFiles && path5.basename(item.path).match(/^\./)) {
          continue;
        }
        if (stats.isDirectory()) {
          if (match3 & MatchKind.Directory && options.matchDirectories) {
            yield yield __await(item.path);
          } else if (!partialMatch2) {
            continue;
          }
          const childLevel = item.level + 1;
          const childItems = (yield __await(fs3.promises.readdir(item.path))).map((x) => new SearchState(path5.join(item.path, x), childLevel));
          stack.push(...childItems.reverse());
        } else if (match3 & MatchKind.File) {
          yield yield __await(item.path);
        }
      }
    });
  }
  /**
   * Constructs a DefaultGlobber
   */
  static create(patterns, options) {
    return __awaiter2(this, void 0, void 0, function* () {
      const result = new _DefaultGlobber(options);
      if (IS_WINDOWS7) {
        patterns = patterns.replace(/\r\n/g, "\n");
        patterns = patterns.replace(/\r/g, "\n");
      }
      const lines = patterns.split("\n").map((x) => x.trim());
      for (const line of lines) {
        if (!line || line.startsWith("#")) {
          continue;
        } else {
          result.patterns.push(new Pattern(line));
        }
      }
      result.searchPaths.push(...getSearchPaths(result.patterns));
      return result;
    });
  }
  static stat(item, options, traversalChain) {
    return __awaiter2(this, void 0, void 0, function* () {
      let stats;
      if (options.followSymbolicLinks) {
        try {
          stats = yield fs3.promises.stat(item.path);
        } catch (err) {
          if (err.code === "ENOENT") {
            if (options.omitBrokenSymbolicLinks) {
              debug(`Broken symlink '${item.path}'`);
              return void 0;
            }
            throw new Error(`No information found for the path '${item.path}'. This may indicate a broken symbolic link.`);
          }
          throw err;
        }
      } else {
        stats = yield fs3.promises.lstat(item.path);
      }
      if (stats.isDirectory() && options.followSymbolicLinks) {
        const realPath = yield fs3.promises.realpath(item.path);
        while (traversalChain.length >= item.level) {
          traversalChain.pop();
        }
        if (traversalChain.some((x) => x === realPath)) {
          debug(`Symlink cycle detected for path '${item.path}' and realpath '${realPath}'`);
          return void 0;
        }
        traversalChain.push(realPath);
      }
      return stats;
    });
  }
};

// node_modules/@actions/glob/lib/glob.js
var __awaiter3 = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve6) {
      resolve6(value);
    });
  }
  return new (P || (P = Promise))(function(resolve6, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve6(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
function create(patterns, options) {
  return __awaiter3(this, void 0, void 0, function* () {
    return yield DefaultGlobber.create(patterns, options);
  });
}

// action/src/flows/endpoints.ts
var PER_POD_LABELS = /* @__PURE__ */ new Set([
  "pod-template-hash",
  "controller-revision-hash",
  "pod-template-generation",
  "statefulset.kubernetes.io/pod-name",
  "apps.kubernetes.io/pod-index",
  "controller-uid",
  "batch.kubernetes.io/controller-uid",
  // A CronJob's Jobs get a new name every run.
  "job-name",
  "batch.kubernetes.io/job-name",
  "batch.kubernetes.io/job-completion-index"
]);
function namespaceProblem(namespace) {
  const p = dns1123LabelProblem(namespace);
  return p ? `namespace "${namespace}" ${p}` : void 0;
}
function workloadLabels(raw, maxLabels) {
  const keys = Object.keys(raw);
  if (keys.length > maxLabels) return { problem: `${keys.length} labels; at most ${maxLabels}` };
  const kept = [];
  for (const key2 of keys) {
    const value = raw[key2];
    if (typeof value !== "string") return { problem: `label "${key2}" must be a string` };
    const keyProblem = labelKeyProblem(key2);
    if (keyProblem) return { problem: `label key "${key2}": ${keyProblem}` };
    const valueProblem = labelValueProblem(value);
    if (valueProblem) return { problem: `label "${key2}" value "${value}" ${valueProblem}` };
    if (!PER_POD_LABELS.has(key2)) kept.push(key2);
  }
  kept.sort();
  const labels = /* @__PURE__ */ Object.create(null);
  for (const key2 of kept) labels[key2] = raw[key2];
  return { labels };
}
function sideKey(side3) {
  switch (side3.kind) {
    case "pod": {
      let key2 = `pod:${side3.namespace}`;
      for (const k in side3.labels) key2 += `\0${k}=${side3.labels[k]}`;
      return key2;
    }
    case "node":
      return "node";
    case "address":
      return side3.ip !== void 0 ? `ip:${side3.ip}` : `net:${side3.name ?? "unknown"}`;
  }
}
function sideLabel(side3) {
  switch (side3.kind) {
    case "pod": {
      const labels = Object.entries(side3.labels).map(([k, v]) => `${k}=${v}`);
      return `${side3.namespace}/${labels.length > 0 ? labels.join(",") : "*"}`;
    }
    case "node":
      return "node";
    case "address":
      return side3.ip ?? `${side3.name ?? "unknown"} (address not given)`;
  }
}
function canonicalIp(text) {
  const ip = parseIp(text);
  if (!ip) return { problem: `"${text}" is not an IP address` };
  return { ip: ip.text };
}
var SideTrie = class {
  constructor(max) {
    this.max = max;
  }
  max;
  root = {};
  nodes = 0;
  step(node, key2) {
    let next = node.next;
    if (!next) node.next = next = /* @__PURE__ */ new Map();
    let child = next.get(key2);
    if (!child) {
      if (this.nodes >= this.max) return void 0;
      this.nodes++;
      child = {};
      next.set(key2, child);
    }
    return child;
  }
};
var EndpointTable = class {
  constructor(max) {
    this.max = max;
    this.pods = new SideTrie(max * 16);
    this.podsOfWorkloads = new SideTrie(max * 16);
  }
  max;
  byRaw = /* @__PURE__ */ new Map();
  byKey = /* @__PURE__ */ new Map();
  list = [];
  /** Pod sides without and with a workload name, for readers that walk labels (SideTrie). */
  pods;
  podsOfWorkloads;
  /** Too many distinct sides (the trie is full). */
  get full() {
    return `more than ${this.max} distinct endpoints (namespace and labels, or address): the input is not flows of one cluster, or too wide a window`;
  }
  /** The endpoint a raw key was interned as, if it was. */
  get(raw) {
    return this.byRaw.get(raw);
  }
  /** The endpoint of `raw`, building it with `build` when new; a string is why it is refused. */
  intern(raw, build2) {
    const known = this.byRaw.get(raw);
    if (known) return known;
    const side3 = build2();
    if (typeof side3 === "string") return side3;
    return this.add(raw, side3);
  }
  /** Interns a side built for `raw`. */
  add(raw, side3) {
    const key2 = sideKey(side3);
    let endpoint = this.byKey.get(key2);
    if (!endpoint) {
      if (this.list.length >= this.max) return this.full;
      endpoint = { id: this.list.length, side: side3, label: sideLabel(side3) };
      this.byKey.set(key2, endpoint);
      this.list.push(endpoint);
    }
    if (this.byRaw.size >= this.max * 4)
      return `more than ${this.max * 4} distinct ways of writing ${this.max} endpoints`;
    this.byRaw.set(raw, endpoint);
    return endpoint;
  }
};

// action/src/flows/record.ts
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
var lastSecond = "";
var lastSecondMs = 0;
function parseTime(value) {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0 || value > 3250368e4) return "expected seconds since 1970";
    return value * 1e3;
  }
  if (typeof value !== "string")
    return `expected an RFC 3339 time ("2026-01-05T10:00:00Z") or seconds since 1970, got ${JSON.stringify(value)}`;
  const fast = fastUtc(value);
  if (fast !== void 0) return fast;
  if (/^\d{1,11}$/.test(value)) return parseTime(Number(value));
  if (!RFC3339.test(value))
    return `expected an RFC 3339 time with a zone ("2026-01-05T10:00:00Z"), got ${JSON.stringify(value)}`;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return `not a valid time: ${JSON.stringify(value)}`;
  return ms;
}
function fastUtc(value) {
  const n = value.length;
  if (n < 20 || value.charCodeAt(n - 1) !== 90 || !value.startsWith(lastSecond) || lastSecond === "") {
    return n >= 20 && value.charCodeAt(n - 1) === 90 ? remember(value) : void 0;
  }
  if (n === 20) return lastSecondMs;
  if (value.charCodeAt(19) !== 46 || n < 22 || n > 30) return void 0;
  let ms = 0;
  let scale = 100;
  for (let i = 20; i < n - 1; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return void 0;
    ms += d * scale;
    scale /= 10;
  }
  return lastSecondMs + Math.floor(ms);
}
function remember(value) {
  if (!RFC3339.test(value)) return void 0;
  const second = value.slice(0, 19);
  const ms = Date.parse(`${second}Z`);
  if (Number.isNaN(ms)) return void 0;
  lastSecond = second;
  lastSecondMs = ms;
  return fastUtc(value);
}
function field2(obj, snake, camel) {
  const v = obj[snake];
  return v !== void 0 ? v : obj[camel];
}
function int64(value) {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? value : void 0;
  if (typeof value === "string" && /^\d{1,15}$/.test(value)) return Number(value);
  if (value === void 0 || value === null) return 0;
  return void 0;
}
function labelList(list, keep) {
  if (list === void 0 || list === null) return {};
  if (!Array.isArray(list)) return 'labels: expected a list of "key=value"';
  const labels = /* @__PURE__ */ Object.create(null);
  for (const item of list) {
    if (typeof item !== "string") return 'labels: expected a list of "key=value"';
    const entry = keep(item);
    if (entry === void 0) continue;
    const eq = entry.indexOf("=");
    if (eq <= 0) labels[entry] = "";
    else labels[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return labels;
}

// action/src/flows/calico.ts
function goldmaneKey(value) {
  const flow = isObject(value["flow"]) ? value["flow"] : value;
  const key2 = flow["Key"] ?? flow["key"];
  return isObject(key2) ? key2 : void 0;
}
function isGoldmaneRecord(value) {
  return goldmaneKey(value) !== void 0;
}
function isEnterpriseRecord(value) {
  return "reporter" in value && ("num_flows_started" in value || "source_name_aggr" in value);
}
var PROTOCOL_NUMBERS = { "6": "TCP", "17": "UDP", "132": "SCTP" };
function protocolOf(value) {
  if (typeof value !== "string" && typeof value !== "number") return void 0;
  const text = String(value).toUpperCase();
  if (text === "TCP" || text === "UDP" || text === "SCTP") return text;
  return PROTOCOL_NUMBERS[text] ?? "other";
}
var GOLDMANE_TYPES = {
  WorkloadEndpoint: "pod",
  HostEndpoint: "node",
  NetworkSet: "set",
  Network: "net",
  "1": "pod",
  "2": "node",
  "3": "set",
  "4": "net"
};
var ENTERPRISE_TYPES = {
  wep: "pod",
  hep: "node",
  ns: "set",
  net: "net"
};
var REPORTERS = {
  Src: "source",
  Dst: "destination",
  src: "source",
  dst: "destination",
  "1": "source",
  "2": "destination"
};
var ACTIONS = {
  Allow: "allowed",
  Deny: "denied",
  Pass: "pass",
  allow: "allowed",
  deny: "denied",
  "1": "allowed",
  "2": "denied",
  "3": "pass"
};
function side(sink, input, where) {
  switch (input.type) {
    case void 0:
      return `${where}_type: expected WorkloadEndpoint, HostEndpoint, NetworkSet or Network`;
    case "node":
      return sink.endpoint("n", () => ({ kind: "node" }));
    case "pod": {
      const namespace = input.namespace;
      if (typeof namespace !== "string") return `${where}_namespace: expected the pod's namespace`;
      const labels = input.labels;
      if (typeof labels === "string") return `${where}_${labels}`;
      let raw = `p${namespace}`;
      for (const k in labels) raw += `\0${k}=${labels[k]}`;
      return sink.endpoint(raw, () => {
        const nsProblem = namespaceProblem(namespace);
        if (nsProblem) return `${where}_namespace: ${nsProblem}`;
        const checked = workloadLabels(labels, sink.limits.maxLabels);
        if ("problem" in checked) return `${where}_labels: ${checked.problem}`;
        return { kind: "pod", namespace, labels: checked.labels };
      });
    }
    case "set":
    case "net": {
      const ip = typeof input.ip === "string" && input.ip !== "" ? input.ip : void 0;
      if (ip !== void 0) {
        return sink.endpoint(`a${ip}`, () => {
          const checked = canonicalIp(ip);
          if ("problem" in checked) return `${where}_ip: ${checked.problem}`;
          return { kind: "address", ip: checked.ip };
        });
      }
      const name2 = typeof input.name === "string" && input.name !== "" ? input.name : "unknown";
      const qualified = typeof input.namespace === "string" && input.namespace !== "" && input.namespace !== "-" ? `${input.namespace}/${name2}` : name2;
      if (qualified.length > 253) return `${where}_name: longer than 253 characters`;
      return sink.endpoint(`s${qualified}`, () => ({ kind: "address", name: qualified }));
    }
  }
}
function count(sink, record, from, to) {
  if (typeof from === "string") return from;
  if (typeof to === "string") return to;
  return sink.record(record, from, to);
}
function readGoldmaneRecord(value, sink) {
  if (!isObject(value)) return "expected a JSON object (one Goldmane flow per line)";
  const flow = isObject(value["flow"]) ? value["flow"] : value;
  const key2 = goldmaneKey(value);
  if (!key2) return "expected a Goldmane Flow (with Key)";
  const protocol = protocolOf(key2["proto"]);
  if (protocol === void 0) return "Key.proto: expected TCP, UDP or SCTP";
  if (protocol === "other")
    return sink.skip(`protocol ${String(key2["proto"])} (NetworkPolicy has no rules for it)`);
  const action = ACTIONS[String(key2["action"])];
  if (action === void 0) return "Key.action: expected Allow or Deny";
  if (action === "pass") return sink.skip("action Pass (not a final verdict)");
  const reporter = REPORTERS[String(key2["reporter"])];
  if (reporter === void 0) return "Key.reporter: expected Src or Dst";
  const port = int64(field2(key2, "dest_port", "destPort"));
  if (port === void 0 || port < 1 || port > 65535) return "Key.dest_port: expected 1-65535";
  const start = parseTime(field2(flow, "start_time", "startTime"));
  if (typeof start === "string") return `start_time: ${start}`;
  const end = parseTime(field2(flow, "end_time", "endTime") ?? field2(flow, "start_time", "startTime"));
  if (typeof end === "string") return `end_time: ${end}`;
  const connections = int64(field2(flow, "num_connections_started", "numConnectionsStarted"));
  if (connections === void 0) return "num_connections_started: expected a count";
  let verdict = action;
  const pending = isObject(key2["policies"]) ? key2["policies"]["pending"] : void 0;
  if (verdict === "allowed" && Array.isArray(pending)) {
    const last = pending[pending.length - 1];
    if (isObject(last) && ACTIONS[String(last["action"])] === "denied") verdict = "audit";
  }
  const from = side(
    sink,
    {
      type: GOLDMANE_TYPES[String(field2(key2, "source_type", "sourceType"))],
      namespace: field2(key2, "source_namespace", "sourceNamespace"),
      name: field2(key2, "source_name", "sourceName"),
      labels: labelList(field2(flow, "source_labels", "sourceLabels"), (l) => l)
    },
    "source"
  );
  const to = side(
    sink,
    {
      type: GOLDMANE_TYPES[String(field2(key2, "dest_type", "destType"))],
      namespace: field2(key2, "dest_namespace", "destNamespace"),
      name: field2(key2, "dest_name", "destName"),
      labels: labelList(field2(flow, "dest_labels", "destLabels"), (l) => l)
    },
    "dest"
  );
  const fromName = field2(key2, "source_name", "sourceName");
  const toName = field2(key2, "dest_name", "destName");
  return count(
    sink,
    {
      from: typeof from === "string" ? { kind: "node" } : from.side,
      to: typeof to === "string" ? { kind: "node" } : to.side,
      port,
      protocol,
      verdict,
      connections,
      start,
      end: Math.max(start, end),
      reporter,
      ...typeof fromName === "string" && typeof from !== "string" && from.side.kind === "pod" ? { fromPod: fromName } : {},
      ...typeof toName === "string" && typeof to !== "string" && to.side.kind === "pod" ? { toPod: toName } : {}
    },
    from,
    to
  );
}
function enterpriseLabels(value) {
  const list = isObject(value) ? value["labels"] : value;
  return labelList(list, (l) => l);
}
function readEnterpriseRecord(value, sink) {
  if (!isObject(value)) return "expected a JSON object (one flow log per line)";
  const protocol = protocolOf(value["proto"]);
  if (protocol === void 0) return "proto: expected tcp, udp or sctp";
  if (protocol === "other")
    return sink.skip(`protocol ${String(value["proto"])} (NetworkPolicy has no rules for it)`);
  const action = ACTIONS[String(value["action"])];
  if (action === void 0 || action === "pass") return "action: expected allow or deny";
  const reporter = REPORTERS[String(value["reporter"])];
  if (reporter === void 0) return "reporter: expected src or dst";
  const port = int64(value["dest_port"]);
  if (port === void 0 || port < 1 || port > 65535) return "dest_port: expected 1-65535";
  const start = parseTime(value["start_time"]);
  if (typeof start === "string") return `start_time: ${start}`;
  const end = parseTime(value["end_time"] ?? value["start_time"]);
  if (typeof end === "string") return `end_time: ${end}`;
  const connections = int64(value["num_flows_started"]);
  if (connections === void 0) return "num_flows_started: expected a count";
  const name2 = (prefix) => {
    const n = value[`${prefix}_name`];
    return typeof n === "string" && n !== "-" ? n : value[`${prefix}_name_aggr`];
  };
  const from = side(
    sink,
    {
      type: ENTERPRISE_TYPES[String(value["source_type"])],
      namespace: value["source_namespace"],
      name: name2("source"),
      labels: enterpriseLabels(value["source_labels"]),
      ip: value["source_ip"]
    },
    "source"
  );
  const to = side(
    sink,
    {
      type: ENTERPRISE_TYPES[String(value["dest_type"])],
      namespace: value["dest_namespace"],
      name: name2("dest"),
      labels: enterpriseLabels(value["dest_labels"]),
      ip: value["dest_ip"]
    },
    "dest"
  );
  const fromPod = name2("source");
  const toPod = name2("dest");
  const fromIp = value["source_ip"];
  const toIp = value["dest_ip"];
  return count(
    sink,
    {
      from: typeof from === "string" ? { kind: "node" } : from.side,
      to: typeof to === "string" ? { kind: "node" } : to.side,
      port,
      protocol,
      verdict: action,
      connections,
      start,
      end: Math.max(start, end),
      reporter,
      ...typeof fromPod === "string" && typeof from !== "string" && from.side.kind === "pod" ? { fromPod } : {},
      ...typeof toPod === "string" && typeof to !== "string" && to.side.kind === "pod" ? { toPod } : {},
      ...typeof fromIp === "string" && fromIp !== "" ? { fromIp } : {},
      ...typeof toIp === "string" && toIp !== "" ? { toIp } : {}
    },
    from,
    to
  );
}

// action/src/flows/hubble.ts
function isHubbleRecord(value) {
  if (isObject(value["flow"]) || "lost_events" in value || "lostEvents" in value || "node_status" in value || "nodeStatus" in value)
    return true;
  return "verdict" in value && ("IP" in value || "l4" in value || "source" in value || "Type" in value);
}
var SAME_CONNECTION_MS = 12e4;
var POLICY_DROPS = /* @__PURE__ */ new Set(["POLICY_DENIED", "POLICY_DENY", 133, 181]);
var VERDICTS = {
  FORWARDED: "allowed",
  REDIRECTED: "allowed",
  TRACED: "allowed",
  TRANSLATED: "allowed",
  DROPPED: "dropped",
  AUDIT: "audit",
  "1": "allowed",
  "2": "dropped",
  "4": "audit",
  "5": "allowed",
  "6": "allowed",
  "7": "allowed"
};
var POLICY_VERDICT_EVENT = 5;
var HubbleReader = class {
  constructor(sink) {
    this.sink = sink;
  }
  sink;
  recent = /* @__PURE__ */ new Map();
  read(value) {
    if (!isObject(value)) return "expected a JSON object (one Hubble flow per line)";
    let flow = value;
    let outerTime;
    if ("flow" in value) {
      flow = value["flow"];
      outerTime = value["time"];
    } else {
      const lost = field2(value, "lost_events", "lostEvents");
      if (lost !== void 0) {
        const n = isObject(lost) ? int64(field2(lost, "num_events_lost", "numEventsLost")) : void 0;
        if (n === void 0) return "lost_events.num_events_lost: expected a count";
        this.sink.lost(n);
        return void 0;
      }
      if (field2(value, "node_status", "nodeStatus") !== void 0) {
        this.sink.skip("node status event");
        return void 0;
      }
    }
    if (!isObject(flow)) return "flow: expected an object";
    return this.flow(flow, outerTime);
  }
  flow(flow, outerTime) {
    const sink = this.sink;
    const type = flow["Type"] ?? flow["type"];
    if (type === "L7" || type === 2)
      return sink.skip("L7 record (its connection is counted from its L3/L4 record)");
    if (type === "SOCK" || type === 3) return sink.skip("socket translation event");
    const isReply = field2(flow, "is_reply", "isReply");
    if (isReply === true || flow["reply"] === true) return sink.skip("reply packet");
    const time = parseTime(flow["time"] ?? outerTime);
    if (typeof time === "string") return `time: ${time}`;
    const rawVerdict = VERDICTS[String(flow["verdict"])];
    if (rawVerdict === void 0) return sink.skip(`verdict ${String(flow["verdict"])}`);
    let verdict;
    if (rawVerdict === "dropped") {
      const reason = field2(flow, "drop_reason_desc", "dropReasonDesc") ?? field2(flow, "drop_reason", "dropReason");
      if (!POLICY_DROPS.has(reason))
        return sink.skip(`dropped for a reason other than policy (${String(reason)})`);
      verdict = "denied";
    } else verdict = rawVerdict;
    const l4 = flow["l4"];
    if (!isObject(l4)) return sink.skip("no layer-4 header");
    let protocol;
    let ports;
    if (isObject(l4["TCP"])) [protocol, ports] = ["TCP", l4["TCP"]];
    else if (isObject(l4["UDP"])) [protocol, ports] = ["UDP", l4["UDP"]];
    else if (isObject(l4["SCTP"])) [protocol, ports] = ["SCTP", l4["SCTP"]];
    else if ("ICMPv4" in l4 || "ICMPv6" in l4) return sink.skip("ICMP (NetworkPolicy has no ICMP rules)");
    else return sink.skip("no TCP, UDP or SCTP header");
    const port = int64(field2(ports, "destination_port", "destinationPort"));
    const sourcePort = int64(field2(ports, "source_port", "sourcePort"));
    if (port === void 0 || port < 1 || port > 65535) return "l4: destination_port must be 1-65535";
    let opens;
    if (protocol === "TCP") {
      const flags = ports["flags"];
      const syn = isObject(flags) && flags["SYN"] === true;
      const ack = isObject(flags) && flags["ACK"] === true;
      if (syn && ack) return sink.skip("reply packet");
      opens = syn;
    } else opens = true;
    const eventType = field2(flow, "event_type", "eventType");
    const known = isReply === false || verdict !== "allowed" || isObject(eventType) && eventType["type"] === POLICY_VERDICT_EVENT || protocol === "TCP" && opens;
    if (!known) return sink.skip("packet of unknown direction (no is_reply)");
    const ip = flow["IP"] ?? flow["ip"];
    const srcIp = isObject(ip) && typeof ip["source"] === "string" ? ip["source"] : void 0;
    const dstIp = isObject(ip) && typeof ip["destination"] === "string" ? ip["destination"] : void 0;
    const from = this.side(flow["source"], srcIp, "source");
    if (typeof from === "string") return from;
    if (from === null) return sink.skip("Cilium health check");
    const to = this.side(flow["destination"], dstIp, "destination");
    if (typeof to === "string") return to;
    if (to === null) return sink.skip("Cilium health check");
    const record = {
      from: from.endpoint.side,
      to: to.endpoint.side,
      port,
      protocol,
      verdict,
      connections: 0,
      start: time,
      end: time,
      ...from.pod ? { fromPod: from.pod } : {},
      ...to.pod ? { toPod: to.pod } : {},
      ...srcIp ? { fromIp: srcIp } : {},
      ...dstIp ? { toIp: dstIp } : {}
    };
    if (!opens) return sink.record(record, from.endpoint, to.endpoint);
    const tuple = `${protocol} ${srcIp ?? from.endpoint.id}:${sourcePort ?? 0} ${dstIp ?? to.endpoint.id}:${port}`;
    const seen = this.recent.get(tuple);
    if (seen && Math.abs(time - seen.at) <= SAME_CONNECTION_MS && seen.from === from.endpoint && seen.to === to.endpoint) {
      if (seen.verdict !== verdict && verdict !== "allowed") {
        sink.recount(seen.from, seen.to, port, protocol, seen.verdict, verdict);
        seen.verdict = verdict;
      }
      return sink.record(record, from.endpoint, to.endpoint);
    }
    if (seen) this.recent.delete(tuple);
    if (this.recent.size >= sink.limits.maxRecentConnections) {
      const oldest = this.recent.keys().next();
      if (!oldest.done) this.recent.delete(oldest.value);
    }
    this.recent.set(tuple, { from: from.endpoint, to: to.endpoint, verdict, at: time });
    return sink.record({ ...record, connections: 1 }, from.endpoint, to.endpoint);
  }
  /** A Hubble Endpoint as a side; null for Cilium's own health endpoint. */
  side(value, ip, where) {
    const sink = this.sink;
    const endpoint = isObject(value) ? value : {};
    const rawLabels = endpoint["labels"];
    if (rawLabels !== void 0 && !Array.isArray(rawLabels))
      return `${where}.labels: expected a list of "source:key=value"`;
    const reserved = Array.isArray(rawLabels) ? rawLabels.find((l) => typeof l === "string" && l.startsWith("reserved:")) : void 0;
    const namespace = endpoint["namespace"];
    const podName = field2(endpoint, "pod_name", "podName");
    const pod = typeof podName === "string" && podName !== "" ? podName : void 0;
    if (reserved === "reserved:health") return null;
    if (reserved === "reserved:host" || reserved === "reserved:remote-node") {
      const e2 = sink.endpoint("n", () => ({ kind: "node" }));
      return typeof e2 === "string" ? e2 : { endpoint: e2 };
    }
    if (typeof namespace === "string" && namespace !== "" && reserved === void 0) {
      const workloads = endpoint["workloads"];
      const first = Array.isArray(workloads) && isObject(workloads[0]) ? workloads[0] : void 0;
      const workload = first && typeof first["kind"] === "string" && typeof first["name"] === "string" ? `${first["kind"]}/${first["name"]}` : "";
      const raw = `p${namespace}\0${workload}\0${Array.isArray(rawLabels) ? rawLabels.join("\0") : ""}`;
      const e2 = sink.endpoint(raw, () => {
        const nsProblem = namespaceProblem(namespace);
        if (nsProblem) return `${where}: ${nsProblem}`;
        const labels = labelList(rawLabels, podLabel);
        if (typeof labels === "string") return `${where}.${labels}`;
        const checked = workloadLabels(labels, sink.limits.maxLabels);
        if ("problem" in checked) return `${where}.labels: ${checked.problem}`;
        return {
          kind: "pod",
          namespace,
          labels: checked.labels,
          ...workload ? { workload } : {}
        };
      });
      return typeof e2 === "string" ? e2 : { endpoint: e2, ...pod ? { pod } : {} };
    }
    if (ip === void 0) return `${where}: an endpoint outside the cluster needs IP.${where}`;
    const e = sink.endpoint(`a${ip}`, () => {
      const checked = canonicalIp(ip);
      if ("problem" in checked) return `IP.${where}: ${checked.problem}`;
      return { kind: "address", ip: checked.ip };
    });
    return typeof e === "string" ? e : { endpoint: e };
  }
};
function podLabel(entry) {
  if (!entry.startsWith("k8s:")) return void 0;
  const label = entry.slice(4);
  if (label.startsWith("io.kubernetes.pod.namespace=") || label.startsWith("io.cilium.")) return void 0;
  return label;
}

// action/src/flows/model.ts
var FlowInputError = class extends Error {
  constructor(position2, problem) {
    super(
      position2.line === void 0 ? `${position2.file}: ${problem}` : `${position2.file}:${position2.line}: ${problem}`
    );
    this.position = position2;
    this.problem = problem;
  }
  position;
  problem;
  name = "FlowInputError";
};
var FLOW_LIMITS = {
  /** Longest record: a Hubble flow with a few dozen labels is a few KB. */
  maxLineBytes: 1024 * 1024,
  /** All flow files of one run together. */
  maxTotalBytes: 4 * 1024 * 1024 * 1024,
  /** Files in one run. */
  maxFiles: 1e4,
  /** Distinct (source, destination, port, protocol). */
  maxFlows: 1e5,
  /** Distinct endpoints (namespace and labels, node, address). */
  maxEndpoints: 2e4,
  /** Labels on one endpoint (a Deployment's pods carry a handful). */
  maxLabels: 64,
  /** Recent connections remembered to count one connection seen at several points once. */
  maxRecentConnections: 2e5
};

// action/src/flows/plain.ts
var RECORD_KEYS = ["time", "from", "to", "port", "protocol", "verdict", "count"];
var SIDE_KEYS = ["namespace", "labels", "pod", "workload", "ip", "node"];
var VERDICTS2 = { allowed: "allowed", denied: "denied", audit: "audit" };
var PROTOCOLS = { TCP: "TCP", UDP: "UDP", SCTP: "SCTP" };
function isPlainRecord(value) {
  return "from" in value && "to" in value && "verdict" in value && "port" in value;
}
function readPlainRecord(value, sink) {
  if (!isObject(value)) return "expected a JSON object (one flow per line)";
  for (const key2 in value) {
    if (!RECORD_KEYS.includes(key2)) return `unknown key "${key2}" (expected ${RECORD_KEYS.join(", ")})`;
  }
  const time = parseTime(value["time"]);
  if (typeof time === "string") return `time: ${time}`;
  const port = value["port"];
  if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535)
    return `port: expected an integer 1-65535, got ${JSON.stringify(port)}`;
  const rawProtocol = value["protocol"] ?? "TCP";
  const protocol = typeof rawProtocol === "string" ? PROTOCOLS[rawProtocol] ?? PROTOCOLS[rawProtocol.toUpperCase()] : void 0;
  if (!protocol) return `protocol: expected TCP, UDP or SCTP, got ${JSON.stringify(rawProtocol)}`;
  const verdict = typeof value["verdict"] === "string" ? VERDICTS2[value["verdict"]] : void 0;
  if (!verdict) return `verdict: expected allowed, denied or audit, got ${JSON.stringify(value["verdict"])}`;
  const count2 = value["count"] ?? 1;
  if (typeof count2 !== "number" || !Number.isInteger(count2) || count2 < 0 || count2 > 1e12)
    return `count: expected a whole number of connections \u2265 0, got ${JSON.stringify(count2)}`;
  const fromValue = value["from"];
  const toValue = value["to"];
  const from = side2(fromValue, "from", sink);
  if (typeof from === "string") return from;
  const to = side2(toValue, "to", sink);
  if (typeof to === "string") return to;
  const record = {
    from: from.side,
    to: to.side,
    port,
    protocol,
    verdict,
    connections: count2,
    start: time,
    end: time
  };
  const f = fromValue;
  const t = toValue;
  if (typeof f["pod"] === "string") record.fromPod = f["pod"];
  if (typeof t["pod"] === "string") record.toPod = t["pod"];
  if (typeof f["ip"] === "string" && from.side.kind === "pod") record.fromIp = f["ip"];
  if (typeof t["ip"] === "string" && to.side.kind === "pod") record.toIp = t["ip"];
  return sink.record(record, from, to);
}
function side2(value, where, sink) {
  if (!isObject(value)) return `${where}: expected an object ({namespace, labels} or {ip})`;
  for (const key2 in value) {
    if (!SIDE_KEYS.includes(key2)) return `${where}: unknown key "${key2}" (expected ${SIDE_KEYS.join(", ")})`;
  }
  const namespace = value["namespace"];
  const labels = value["labels"];
  const workload = value["workload"];
  const ipText = value["ip"];
  const pod = value["pod"];
  if (ipText !== void 0 && typeof ipText !== "string") return `${where}.ip: expected a string`;
  if (pod !== void 0 && (typeof pod !== "string" || pod.length === 0 || pod.length > 253))
    return `${where}.pod: expected a pod name`;
  if (typeof namespace === "string") {
    if (labels !== void 0 && !isObject(labels)) return `${where}.labels: expected an object of strings`;
    const table2 = sink.endpoints;
    let node = typeof workload === "string" ? table2.podsOfWorkloads.step(table2.podsOfWorkloads.root, namespace) : table2.pods.step(table2.pods.root, namespace);
    if (node && typeof workload === "string") node = table2.podsOfWorkloads.step(node, workload);
    if (labels) {
      const trie = typeof workload === "string" ? table2.podsOfWorkloads : table2.pods;
      for (const k in labels) {
        if (node) node = trie.step(node, k);
        if (node) node = trie.step(node, labels[k]);
      }
    }
    if (!node) return table2.full;
    if (typeof ipText === "string" && "problem" in canonicalIp(ipText))
      return `${where}.ip: "${ipText}" is not an IP address`;
    if (node.endpoint) return node.endpoint;
    const built2 = build(value, where, sink);
    if (typeof built2 === "string") return built2;
    const endpoint = table2.add(`p${JSON.stringify(value)}`, built2);
    if (typeof endpoint !== "string") node.endpoint = endpoint;
    return endpoint;
  }
  const raw = value["node"] !== void 0 ? "n" : typeof ipText === "string" ? `a${ipText}` : "";
  const known = sink.known(raw);
  if (known) return known;
  const built = build(value, where, sink);
  if (typeof built === "string") return built;
  return sink.endpoint(raw, () => built);
}
function build(value, where, sink) {
  const { namespace, labels, workload, node, ip: ipText } = value;
  const ip = typeof ipText === "string" ? canonicalIp(ipText) : void 0;
  if (ip && "problem" in ip) return `${where}.ip: ${ip.problem}`;
  if (namespace !== void 0) {
    if (typeof namespace !== "string") return `${where}.namespace: expected a string`;
    if (node !== void 0) return `${where}: a pod (namespace) or a node, not both`;
    if (workload !== void 0 && typeof workload !== "string") return `${where}.workload: expected a string`;
    const nsProblem = namespaceProblem(namespace);
    if (nsProblem) return `${where}: ${nsProblem}`;
    const checked = workloadLabels(labels ?? {}, sink.limits.maxLabels);
    if ("problem" in checked) return `${where}.labels: ${checked.problem}`;
    return {
      kind: "pod",
      namespace,
      labels: checked.labels,
      ...typeof workload === "string" && workload !== "" ? { workload } : {}
    };
  }
  if (labels !== void 0 || workload !== void 0 || value["pod"] !== void 0)
    return `${where}: labels, workload and pod need a namespace`;
  if (node !== void 0) {
    if (typeof node !== "string") return `${where}.node: expected the node's name`;
    return { kind: "node" };
  }
  if (!ip) return `${where}: expected a namespace (a pod), a node, or an ip`;
  return { kind: "address", ip: ip.ip };
}

// action/src/flows/summary.ts
var PROTOCOLS2 = ["TCP", "UDP", "SCTP"];
var EXAMPLES = 3;
var VERDICT_INDEX = { allowed: 0, denied: 1, audit: 2 };
var REPORTER_INDEX = { source: 0, destination: 1 };
var FlowCounter = class {
  constructor(maxFlows, maxEndpoints) {
    this.maxFlows = maxFlows;
    if (maxEndpoints > 32768) throw new RangeError("at most 32,768 endpoints");
    this.endpoints = new EndpointTable(maxEndpoints);
  }
  maxFlows;
  endpoints;
  /** By source and destination ids (from * 32768 + to), then by port * 4 + protocol: small integers hash fast. */
  entries = /* @__PURE__ */ new Map();
  size = 0;
  records = 0;
  firstSeen = Infinity;
  lastSeen = -Infinity;
  skipped = /* @__PURE__ */ new Map();
  lost = 0;
  files = [];
  skip(reason) {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }
  /** Interns a side; a string is why it is refused. */
  endpoint(raw, build2) {
    return this.endpoints.intern(raw, build2);
  }
  /** Counts one record; returns why it cannot be counted (a cap), or undefined. */
  add(record, from, to) {
    const pair = from.id * 32768 + to.id;
    let byPort = this.entries.get(pair);
    if (!byPort) {
      byPort = /* @__PURE__ */ new Map();
      this.entries.set(pair, byPort);
    }
    const key2 = record.port * 4 + PROTOCOLS2.indexOf(record.protocol);
    let entry = byPort.get(key2);
    if (!entry) {
      if (this.size >= this.maxFlows)
        return `more than ${this.maxFlows} distinct flows (source, destination, port, protocol): narrow the window or the namespaces`;
      entry = {
        flow: {
          from,
          to,
          port: record.port,
          protocol: record.protocol,
          connections: { allowed: 0, denied: 0, audit: 0 },
          passed: false,
          dropped: false,
          records: 0,
          firstSeen: record.start,
          lastSeen: record.end,
          examples: { fromPods: [], toPods: [], fromIps: [], toIps: [] }
        },
        allowed: 0,
        denied: 0,
        audit: 0
      };
      byPort.set(key2, entry);
      this.size++;
    }
    const flow = entry.flow;
    flow.records++;
    if (record.verdict === "denied") flow.dropped = true;
    else if (record.connections === 0) flow.passed = true;
    if (record.reporter === void 0) entry[record.verdict] += record.connections;
    else {
      const counts = entry.byReporter ??= new Float64Array(6);
      const slot = REPORTER_INDEX[record.reporter] * 3 + VERDICT_INDEX[record.verdict];
      counts[slot] = (counts[slot] ?? 0) + record.connections;
    }
    if (record.start < flow.firstSeen) flow.firstSeen = record.start;
    if (record.end > flow.lastSeen) flow.lastSeen = record.end;
    if (record.start < this.firstSeen) this.firstSeen = record.start;
    if (record.end > this.lastSeen) this.lastSeen = record.end;
    const ex = flow.examples;
    if (record.fromPod !== void 0 && ex.fromPods.length < EXAMPLES && !ex.fromPods.includes(record.fromPod))
      ex.fromPods.push(record.fromPod);
    if (record.toPod !== void 0 && ex.toPods.length < EXAMPLES && !ex.toPods.includes(record.toPod))
      ex.toPods.push(record.toPod);
    if (record.fromIp !== void 0 && ex.fromIps.length < EXAMPLES && !ex.fromIps.includes(record.fromIp))
      ex.fromIps.push(record.fromIp);
    if (record.toIp !== void 0 && ex.toIps.length < EXAMPLES && !ex.toIps.includes(record.toIp))
      ex.toIps.push(record.toIp);
    this.records++;
    return void 0;
  }
  /** Moves one connection already counted from one verdict to another (seen dropped further on). */
  recount(from, to, port, protocol, was, now) {
    const entry = this.entries.get(from.id * 32768 + to.id)?.get(port * 4 + PROTOCOLS2.indexOf(protocol));
    if (!entry) return;
    entry[was] = Math.max(0, entry[was] - 1);
    entry[now] += 1;
    if (now === "denied") entry.flow.dropped = true;
  }
  /** The summary: connections reported by both ends counted once. */
  finish() {
    const flows = [];
    for (const entry of [...this.entries.values()].flatMap((m) => [...m.values()])) {
      const { flow } = entry;
      const c = entry.byReporter;
      const at = (i) => c?.[i] ?? 0;
      const srcAllowed = at(0);
      const srcDenied = at(1);
      const dstAllowed = at(3);
      const dstDenied = at(4);
      flow.connections = {
        allowed: entry.allowed + Math.max(srcAllowed - dstDenied, dstAllowed, 0),
        denied: entry.denied + srcDenied + dstDenied,
        audit: entry.audit + Math.max(at(2), at(5))
      };
      flows.push(flow);
    }
    flows.sort(
      (a, b) => a.from.label.localeCompare(b.from.label) || a.to.label.localeCompare(b.to.label) || a.port - b.port || a.protocol.localeCompare(b.protocol)
    );
    return {
      flows,
      endpoints: this.endpoints.list,
      records: this.records,
      skipped: this.skipped,
      lost: this.lost,
      ...this.records > 0 ? { firstSeen: this.firstSeen, lastSeen: this.lastSeen } : {},
      files: this.files
    };
  }
};

// action/src/flows/read.ts
function detect(value) {
  if (!isObject(value)) return void 0;
  if (isGoldmaneRecord(value)) return "goldmane";
  if (isHubbleRecord(value)) return "hubble";
  if (isEnterpriseRecord(value)) return "calico-enterprise";
  if (isPlainRecord(value)) return "plain";
  return void 0;
}
var FlowReader = class {
  constructor(options = {}) {
    this.options = options;
    this.limits = { ...FLOW_LIMITS, ...options.limits };
    this.counter = new FlowCounter(this.limits.maxFlows, this.limits.maxEndpoints);
    this.hubble = new HubbleReader(this);
  }
  options;
  limits;
  counter;
  hubble;
  file = "";
  format;
  fileEntry;
  /** Starts a file; lines that follow belong to it. */
  startFile(file) {
    if (this.counter.files.length >= this.limits.maxFiles)
      throw new FlowInputError({ file }, `not read: more than ${this.limits.maxFiles} flow files`);
    this.file = file;
    this.format = this.options.format;
    this.fileEntry = { file, format: this.format ?? "empty", records: 0 };
    this.counter.files.push(this.fileEntry);
  }
  /** Reads one line (without its line break); throws FlowInputError when it cannot. */
  line(text, line) {
    if (text.length === 0) return;
    let value;
    try {
      value = JSON.parse(text);
    } catch (error2) {
      if (/^\s*$/.test(text)) return;
      throw new FlowInputError(
        { file: this.file, line },
        `not JSON: ${error2.message} (one JSON object per line)`
      );
    }
    let format = this.format;
    if (format === void 0) {
      format = detect(value);
      if (format === void 0)
        throw new FlowInputError(
          { file: this.file, line },
          "not a flow record of a known format: expected the plain format ({time, from, to, port, protocol, verdict}), Hubble (a Flow, or {flow, node_name, time}), a Goldmane Flow (with Key) or a Calico Enterprise flow log"
        );
      this.format = format;
      if (this.fileEntry) this.fileEntry.format = format;
    }
    let problem;
    switch (format) {
      case "plain":
        problem = readPlainRecord(value, this);
        break;
      case "hubble":
        problem = this.hubble.read(value);
        break;
      case "goldmane":
        problem = readGoldmaneRecord(value, this);
        break;
      case "calico-enterprise":
        problem = readEnterpriseRecord(value, this);
        break;
    }
    if (problem !== void 0) throw new FlowInputError({ file: this.file, line }, problem);
  }
  finish() {
    return this.counter.finish();
  }
  // RecordSink: what the format readers call.
  endpoint(raw, build2) {
    return this.counter.endpoint(raw, build2);
  }
  get endpoints() {
    return this.counter.endpoints;
  }
  known(raw) {
    return this.counter.endpoints.get(raw);
  }
  record(record, from, to) {
    const problem = this.counter.add(record, from, to);
    if (problem === void 0 && this.fileEntry) this.fileEntry.records++;
    return problem;
  }
  recount(from, to, port, protocol, was, now) {
    this.counter.recount(from, to, port, protocol, was, now);
  }
  skip(reason) {
    this.counter.skip(reason);
    return void 0;
  }
  lost(events) {
    this.counter.lost += events;
  }
};

// action/src/adapters/flow-files.ts
import { isUtf8 } from "node:buffer";
import { constants as constants3 } from "node:fs";
import { lstat as lstat2, open as open2, realpath } from "node:fs/promises";
import { isAbsolute as isAbsolute2, relative as relative2, resolve as resolve3, sep as sep6 } from "node:path";
var CHUNK = 4 * 1024 * 1024;
var NEWLINE = 10;
async function readFlowFiles(paths, reader, options) {
  const repository = await realpath(options.repository ?? options.cwd).catch(
    () => resolve3(options.repository ?? options.cwd)
  );
  const budget = { left: reader.limits.maxTotalBytes };
  for (const path6 of paths) {
    const abs = resolve3(options.cwd, path6);
    const shown = display(options.cwd, abs);
    reader.startFile(shown);
    await readOne(abs, shown, repository, reader, budget);
  }
}
function display(cwd, abs) {
  const rel = relative2(cwd, abs);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute2(rel) ? rel.split(sep6).join("/") : abs;
}
function within(dir, path6) {
  const rel = relative2(dir, path6);
  return rel === "" || !rel.startsWith(`..${sep6}`) && rel !== ".." && !isAbsolute2(rel);
}
async function readOne(abs, file, repository, reader, budget) {
  const refuse = (problem) => new FlowInputError({ file }, problem);
  let real = abs;
  try {
    if ((await lstat2(abs)).isSymbolicLink()) {
      real = await realpath(abs);
      if (!within(repository, real))
        throw refuse("not read: a link to a place outside the repository (links may only point inside it)");
    }
  } catch (error2) {
    if (error2 instanceof FlowInputError) throw error2;
    const code2 = error2.code;
    throw refuse(code2 === "ENOENT" ? "no such file" : `cannot read: ${code2 ?? "error"}`);
  }
  let handle;
  try {
    handle = await open2(real, constants3.O_RDONLY | constants3.O_NONBLOCK | constants3.O_NOFOLLOW);
  } catch (error2) {
    throw refuse(`cannot read: ${error2.code ?? "error"}`);
  }
  try {
    const info2 = await handle.stat();
    if (info2.isDirectory()) throw refuse("a directory: name the flow files (a shell glob: dir/*.jsonl)");
    if (!info2.isFile()) throw refuse("not read: not a regular file (a FIFO, a socket or a device)");
    if (info2.size > budget.left)
      throw refuse(
        `not read: the flow files together exceed the ${reader.limits.maxTotalBytes} bytes allowed`
      );
    const maxLine = reader.limits.maxLineBytes;
    const buffer = Buffer.allocUnsafe(CHUNK + maxLine);
    let filled = 0;
    let line = 1;
    for (; ; ) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
      budget.left -= bytesRead;
      if (budget.left < 0)
        throw refuse(
          `not read: it grew past the ${reader.limits.maxTotalBytes} bytes allowed while being read`
        );
      filled += bytesRead;
      const eof = bytesRead === 0;
      const view = buffer.subarray(0, filled);
      const end = eof ? filled : view.lastIndexOf(NEWLINE) + 1;
      if (end > 0 && !isUtf8(view.subarray(0, end))) throw badUtf8(view.subarray(0, end), file, line);
      let start = 0;
      while (start < end) {
        let nl = view.indexOf(NEWLINE, start);
        if (nl === -1 || nl >= end) nl = end;
        if (nl - start > maxLine) throw tooLong(file, line, maxLine);
        let stop = nl;
        if (stop > start && view[stop - 1] === 13) stop--;
        if (line === 1 && view[0] === 239 && view[1] === 187 && view[2] === 191 && start === 0) start = 3;
        reader.line(view.toString("utf8", start, stop), line);
        line++;
        start = nl + 1;
      }
      if (eof) return;
      const rest = filled - end;
      if (rest > maxLine) throw tooLong(file, line, maxLine);
      buffer.copy(buffer, 0, end, filled);
      filled = rest;
    }
  } finally {
    await handle.close();
  }
}
function tooLong(file, line, max) {
  return new FlowInputError(
    { file, line },
    `a record longer than ${max} bytes: one flow per line, at most ${max} bytes each`
  );
}
function badUtf8(bytes, file, firstLine2) {
  let line = firstLine2;
  let start = 0;
  for (; ; ) {
    let nl = bytes.indexOf(NEWLINE, start);
    if (nl === -1) nl = bytes.length;
    if (!isUtf8(bytes.subarray(start, nl)) || nl === bytes.length) break;
    line++;
    start = nl + 1;
  }
  return new FlowInputError({ file, line }, "not UTF-8 text (save the flows as UTF-8)");
}

// action/src/adapters/flow-patterns.ts
async function readFlowPatterns(patterns, options) {
  const groups = /* @__PURE__ */ new Map();
  for (const p of patterns) {
    const key2 = p.environment ?? "*";
    const negated = p.pattern.startsWith("!");
    const body = negated ? p.pattern.slice(1) : p.pattern;
    const line = `${negated ? "!" : ""}${isAbsolute3(body) ? body : join3(options.workspace, body)}`;
    groups.set(key2, [...groups.get(key2) ?? [], line]);
  }
  const out = /* @__PURE__ */ new Map();
  for (const [key2, lines] of groups) {
    const globber = await create(lines.join("\n"), { followSymbolicLinks: false });
    const files = [];
    for (const path6 of await globber.glob()) {
      if ((await lstat3(path6)).isDirectory()) continue;
      files.push(path6);
    }
    files.sort();
    const where = key2 === "*" ? "" : ` (${key2})`;
    if (files.length === 0) {
      options.warn(
        `flows${where}: no file matches ${lines.map((l) => relative3(options.workspace, l) || l).join(", ")}; the preview has no observed traffic for it`
      );
      continue;
    }
    const reader = new FlowReader(options.format ? { format: options.format } : {});
    await readFlowFiles(files, reader, { cwd: options.workspace });
    out.set(key2, reader.finish());
  }
  return out;
}

// action/src/adapters/files/write.ts
import { mkdir as mkdir2, rename as rename2, writeFile as writeFile2 } from "node:fs/promises";
import { dirname as dirname3 } from "node:path";
var writeTextFile = async (path6, text) => {
  await mkdir2(dirname3(path6), { recursive: true });
  await writeFile2(path6, text, "utf8");
};

// action/src/adapters/git.ts
import { execFile, spawn } from "node:child_process";
import { existsSync as existsSync2 } from "node:fs";
import { posix } from "node:path";

// action/src/ports/git.ts
var GitError = class extends Error {
  constructor(message, args, stderr) {
    super(message);
    this.args = args;
    this.stderr = stderr;
  }
  args;
  stderr;
  name = "GitError";
};

// action/src/adapters/files/source-tree.ts
import { constants as constants4 } from "node:fs";
import { lstat as lstat4, open as open3, readdir as readdir2, realpath as realpath2, stat as stat2 } from "node:fs/promises";
import { isAbsolute as isAbsolute4, join as join4, relative as relative4, resolve as resolve4, sep as sep7 } from "node:path";
var MiB = 1024 * 1024;
var INTENT_READ_LIMITS = {
  maxFileBytes: 1 * MiB,
  maxTotalBytes: 8 * MiB,
  maxFiles: 2e3
};
var CLUSTER_READ_LIMITS = {
  maxFileBytes: 64 * MiB,
  maxTotalBytes: 256 * MiB,
  maxFiles: 1e4
};
var YAML_EXTENSIONS = [".yaml", ".yml"];
function skippedDirectory(name2) {
  return name2.startsWith(".") || name2 === "node_modules";
}
async function readSourceTree(options) {
  const { target, extensions, limits } = options;
  const relativeTo = options.relativeTo ?? options.repository;
  const repository = await realpathOr(options.repository);
  const show = (abs) => {
    const rel = relative4(relativeTo, abs);
    return rel !== "" && !rel.startsWith("..") && !isAbsolute4(rel) ? rel.split(sep7).join("/") : abs;
  };
  const files = [];
  const refuse = (abs, problem) => files.push({ path: show(abs), text: "", problem });
  let total = 0;
  let count2 = 0;
  let info2;
  try {
    info2 = await lstat4(target);
  } catch (error2) {
    if (isCode(error2, "ENOENT") || isCode(error2, "ENOTDIR"))
      return { exists: false, isDirectory: false, files };
    throw error2;
  }
  const start = info2.isSymbolicLink() ? await insideTarget(target, repository) : { real: target };
  if ("problem" in start) {
    refuse(target, start.problem);
    return { exists: true, isDirectory: false, files };
  }
  const boundary = within2(repository, start.real) ? repository : start.real;
  const startInfo = info2.isSymbolicLink() ? await stat2(start.real) : info2;
  const readOne2 = async (abs, real) => {
    if (count2 >= limits.maxFiles) {
      refuse(abs, `not read: more than ${limits.maxFiles} files`);
      return;
    }
    count2++;
    const read = await readRegularFile(real, limits, limits.maxTotalBytes - total);
    if ("problem" in read) {
      refuse(abs, read.problem);
      return;
    }
    total += read.bytes;
    files.push({ path: show(abs), text: read.text });
  };
  const matches = (name2) => extensions.some((ext2) => name2.toLowerCase().endsWith(ext2));
  if (!startInfo.isDirectory()) {
    if (!matches(target)) {
      refuse(target, `not read: only ${extensions.join(", ")} files are read`);
    } else {
      await readOne2(target, start.real);
    }
    return { exists: true, isDirectory: false, files };
  }
  const visited = /* @__PURE__ */ new Set();
  const walk = async (abs, real) => {
    if (visited.has(real)) return;
    visited.add(real);
    const entries = await readdir2(real, { withFileTypes: true });
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const entry of entries) {
      const path6 = join4(abs, entry.name);
      const entryReal = join4(real, entry.name);
      if (entry.isDirectory()) {
        if (!skippedDirectory(entry.name)) await walk(path6, entryReal);
        continue;
      }
      if (entry.isSymbolicLink()) {
        const resolved = await insideTarget(entryReal, boundary);
        if ("problem" in resolved) {
          if (matches(entry.name) || !await isFileLike(entryReal)) refuse(path6, resolved.problem);
          continue;
        }
        const targetInfo = await stat2(resolved.real);
        if (targetInfo.isDirectory()) {
          if (!skippedDirectory(entry.name)) await walk(path6, resolved.real);
        } else if (matches(entry.name)) {
          await readOne2(path6, resolved.real);
        }
        continue;
      }
      if (!matches(entry.name)) continue;
      await readOne2(path6, entryReal);
    }
  };
  await walk(target, start.real);
  files.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { exists: true, isDirectory: true, files };
}
async function insideTarget(path6, boundary) {
  let real;
  try {
    real = await realpath2(path6);
  } catch (error2) {
    if (isCode(error2, "ENOENT"))
      return { problem: "not read: a link to nothing (its target does not exist)" };
    if (isCode(error2, "ELOOP")) return { problem: "not read: a link that loops" };
    throw error2;
  }
  if (!within2(boundary, real)) {
    return { problem: "not read: a link to a place outside the repository (links may only point inside it)" };
  }
  return { real };
}
async function isFileLike(path6) {
  try {
    return !(await stat2(path6)).isDirectory();
  } catch {
    return true;
  }
}
function within2(dir, path6) {
  const rel = relative4(dir, path6);
  return rel === "" || !rel.startsWith(`..${sep7}`) && rel !== ".." && !isAbsolute4(rel);
}
async function realpathOr(path6) {
  try {
    return await realpath2(path6);
  } catch {
    return resolve4(path6);
  }
}
async function readRegularFile(path6, limits, budget) {
  const maxBytes = limits.maxFileBytes;
  let handle;
  try {
    handle = await open3(path6, constants4.O_RDONLY | constants4.O_NONBLOCK | constants4.O_NOFOLLOW);
  } catch (error2) {
    if (isCode(error2, "ELOOP")) return { problem: "not read: a link (links are resolved before reading)" };
    return { problem: `cannot read: ${error2.code ?? "error"}` };
  }
  try {
    const info2 = await handle.stat();
    if (!info2.isFile()) return { problem: `not read: ${kindOf(info2)}, not a regular file` };
    const limit = Math.min(maxBytes, budget);
    if (info2.size > maxBytes)
      return { problem: `not read: ${info2.size} bytes, more than the ${maxBytes} allowed per file` };
    if (info2.size > budget) {
      return { problem: `not read: the files together exceed the ${limits.maxTotalBytes} bytes allowed` };
    }
    const buffer = Buffer.alloc(Math.min(info2.size, limit) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limit)
      return { problem: `not read: it grew past the ${limit} bytes allowed while being read` };
    return decode(buffer.subarray(0, length));
  } finally {
    await handle.close();
  }
}
function kindOf(info2) {
  if (info2.isFIFO()) return "a FIFO";
  if (info2.isSocket()) return "a socket";
  if (info2.isCharacterDevice() || info2.isBlockDevice()) return "a device";
  if (info2.isDirectory()) return "a directory";
  return "a special file";
}
function decode(bytes) {
  if (bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255) {
    return { problem: "not read: the file is UTF-16 text; save it as UTF-8" };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, bytes: bytes.length };
  } catch {
    return { problem: "not read: the file is not UTF-8 text; save it as UTF-8" };
  }
}
function isCode(error2, code2) {
  return error2?.code === code2;
}

// action/src/adapters/git.ts
var MAX_BUFFER = 256 * 1024 * 1024;
function gitEnv(env) {
  return { ...env, GIT_TERMINAL_PROMPT: "0" };
}
function git(cwd, env, args) {
  return new Promise((resolve6, reject) => {
    execFile(
      "git",
      args,
      { cwd, maxBuffer: MAX_BUFFER, encoding: "utf8", env: gitEnv(env) },
      (error2, stdout, stderr) => {
        if (error2 && typeof error2.code === "string") {
          reject(new GitError(cannotRun(cwd, error2), args, String(stderr)));
          return;
        }
        const code2 = error2 ? Number(error2.code ?? 1) : 0;
        resolve6({ code: code2, stdout: String(stdout), stderr: String(stderr) });
      }
    );
  });
}
function cannotRun(cwd, error2) {
  if (error2.code === "ENOENT") {
    return existsSync2(cwd) ? "cannot run git: it is not installed (git not found on PATH)" : `cannot run git: the repository directory ${cwd} does not exist (set GITHUB_WORKSPACE to the checkout, or check the repository out first with actions/checkout)`;
  }
  return `cannot run git: ${error2.message}`;
}
function catFiles(cwd, env, ids) {
  return new Promise((resolve6, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], {
      cwd,
      env: gitEnv(env),
      stdio: ["pipe", "pipe", "pipe"]
    });
    const chunks = [];
    let stderr = "";
    child.stdout.on("data", (c) => chunks.push(c));
    child.stderr.on("data", (c) => stderr += c.toString());
    child.on("error", (e) => reject(new GitError(cannotRun(cwd, e), ["cat-file", "--batch"], stderr)));
    child.on("close", (code2) => {
      if (code2 !== 0) {
        reject(
          new GitError(`git cat-file failed (${code2}): ${stderr.trim()}`, ["cat-file", "--batch"], stderr)
        );
        return;
      }
      const all = Buffer.concat(chunks);
      const out = [];
      let at = 0;
      for (const id of ids) {
        const nl = all.indexOf(10, at);
        const header2 = all.subarray(at, nl).toString();
        const size = Number(header2.split(" ")[2]);
        if (!header2.startsWith(id) || !Number.isFinite(size)) {
          reject(
            new GitError(
              `unexpected git cat-file output for ${id}: ${header2}`,
              ["cat-file", "--batch"],
              stderr
            )
          );
          return;
        }
        out.push(all.subarray(nl + 1, nl + 1 + size));
        at = nl + 1 + size + 1;
      }
      resolve6(out);
    });
    child.stdin.end(ids.map((id) => `${id}
`).join(""));
  });
}
function createGitReader(cwd, env) {
  return {
    async resolve(ref) {
      if (ref.startsWith("-")) return void 0;
      const r = await git(cwd, env, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
      const sha = r.stdout.trim();
      return r.code === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : void 0;
    },
    async mergeBase(ref) {
      if (ref.startsWith("-")) return void 0;
      const r = await git(cwd, env, ["merge-base", "HEAD", ref]);
      const sha = r.stdout.trim();
      return r.code === 0 && sha !== "" ? sha : void 0;
    },
    async readTree(ref, dir) {
      if (ref.startsWith("-")) throw new GitError(`invalid ref "${ref}"`, [], "");
      const clean = dir.replace(/^\.\/+/, "").replace(/\/+$/, "");
      return readGitTree(cwd, env, ref, clean === "" ? "." : clean, INTENT_READ_LIMITS);
    }
  };
}
function createCommitFetcher(cwd, env) {
  return async (commit) => {
    if (!/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(commit)) return false;
    const r = await git(cwd, env, ["fetch", "--quiet", "--no-tags", "--depth=1", "origin", commit]);
    if (r.code !== 0) return false;
    const check = await git(cwd, env, ["rev-parse", "--verify", "--quiet", `${commit}^{commit}`]);
    return check.code === 0 && check.stdout.trim() === commit;
  };
}
async function lsTree(cwd, env, ref, path6, recursive) {
  const args = ["ls-tree", ...recursive ? ["-r"] : [], "-l", "-z", "--full-tree", ref, "--", path6];
  const r = await git(cwd, env, args);
  if (r.code !== 0)
    throw new GitError(`git ls-tree ${ref} failed: ${r.stderr.trim()}`, ["ls-tree", ref], r.stderr);
  return r.stdout.split("\0").filter((l) => l !== "").map((line) => {
    const tab = line.indexOf("	");
    const [mode = "", type = "", id = "", size = ""] = line.slice(0, tab).split(/ +/);
    return { mode, type, id, size: Number(size), path: line.slice(tab + 1) };
  });
}
var LINK_MODE = "120000";
var MAX_LINK_HOPS = 8;
async function readGitTree(cwd, env, ref, dir, limits) {
  const out = [];
  const wanted = [];
  const visitedTrees = /* @__PURE__ */ new Set();
  const isYaml = (name2) => YAML_EXTENSIONS.some((ext2) => name2.toLowerCase().endsWith(ext2));
  const outsideProblem = "not read: a link to a place outside the repository (links may only point inside it)";
  const addTree = async (treePath, shown, hops) => {
    if (visitedTrees.has(treePath)) return;
    visitedTrees.add(treePath);
    for (const entry of await lsTree(cwd, env, ref, treePath, true)) {
      const path6 = shown + entry.path.slice(treePath === "." ? 0 : treePath.length);
      await addEntry(entry, path6, hops);
    }
  };
  const addEntry = async (entry, path6, hops) => {
    if (entry.mode !== LINK_MODE) {
      if (entry.type === "blob" && isYaml(path6)) wanted.push({ path: path6, entry });
      return;
    }
    if (hops >= MAX_LINK_HOPS) {
      out.push({ path: path6, text: "", problem: "not read: a link that loops" });
      return;
    }
    const [target] = await catFiles(cwd, env, [entry.id]);
    const resolved = resolveLink(entry.path, (target ?? Buffer.alloc(0)).toString("utf8"));
    if (resolved === void 0) {
      if (isYaml(path6) || !/\.[^/]*$/.test(posix.basename(path6)))
        out.push({ path: path6, text: "", problem: outsideProblem });
      return;
    }
    const found = resolved === "." ? void 0 : (await lsTree(cwd, env, ref, resolved, false))[0];
    if (resolved === "." || found?.type === "tree") {
      await addTree(resolved, path6, hops + 1);
    } else if (!found || found.path !== resolved) {
      if (isYaml(path6))
        out.push({ path: path6, text: "", problem: "not read: a link to nothing (its target does not exist)" });
    } else {
      await addEntry(found, path6, hops + 1);
    }
  };
  await addTree(dir, dir === "." ? "" : dir, 0);
  let total = 0;
  const readable = [];
  for (const item of wanted) {
    const { size } = item.entry;
    let problem;
    if (readable.length >= limits.maxFiles) problem = `not read: more than ${limits.maxFiles} files`;
    else if (size > limits.maxFileBytes)
      problem = `not read: ${size} bytes, more than the ${limits.maxFileBytes} allowed per file`;
    else if (total + size > limits.maxTotalBytes)
      problem = `not read: the files together exceed the ${limits.maxTotalBytes} bytes allowed`;
    if (problem !== void 0) {
      out.push({ path: item.path, text: "", problem });
      continue;
    }
    total += size;
    readable.push(item);
  }
  const blobs = readable.length > 0 ? await catFiles(
    cwd,
    env,
    readable.map((r) => r.entry.id)
  ) : [];
  readable.forEach((item, i) => {
    const decoded = decode(blobs[i] ?? Buffer.alloc(0));
    out.push(
      "problem" in decoded ? { path: item.path, text: "", problem: decoded.problem } : { path: item.path, text: decoded.text }
    );
  });
  return out.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
function resolveLink(linkPath, target) {
  if (target === "" || target.startsWith("/") || target.includes("\0")) return void 0;
  const resolved = posix.normalize(posix.join(posix.dirname(linkPath), target));
  if (resolved === ".." || resolved.startsWith("../") || posix.isAbsolute(resolved)) return void 0;
  return resolved.replace(/\/+$/, "") || ".";
}

// action/src/adapters/clock.ts
var systemClock = {
  now: () => Date.now(),
  sleep: (ms, signal) => new Promise((resolve6) => {
    if (signal?.aborted) return resolve6();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve6();
    }
    signal?.addEventListener("abort", done, { once: true });
  })
};

// action/src/adapters/github.ts
var PER_PAGE = 100;
var DEFAULT_COMMENT_AUTHOR = "github-actions[bot]";
function createGitHubAdapter(options) {
  const policy = { ...DEFAULT_REQUEST_POLICY, ...options.policy };
  let client;
  const connect = () => client ??= import("./github-N3JEM5ZR.js").then(
    ({ getOctokit }) => getOctokit(options.token, { baseUrl: options.apiUrl }, requestPolicyPlugin(policy))
  );
  let author;
  const identity = () => author ??= options.commentAuthor ? Promise.resolve(options.commentAuthor) : connect().then(async (octokit) => {
    try {
      const { data } = await octokit.request("GET /user", { request: { retries: 0 } });
      const login = data?.login;
      if (typeof login === "string" && login !== "") return login;
    } catch (error2) {
      const status = numberField(error2, "status") ?? 0;
      if (status !== 401 && status !== 403 && status !== 404)
        throw toGitHubError("find who the token is", error2);
    }
    return DEFAULT_COMMENT_AUTHOR;
  });
  const listOurs = async (octokit, issue2, marker, login) => classify("list the pull request's comments", async () => {
    const ours = [];
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner: issue2.owner,
      repo: issue2.repo,
      issue_number: issue2.number,
      per_page: PER_PAGE
    });
    for await (const page of pages) {
      if (!Array.isArray(page.data))
        throw malformed("list the pull request's comments", "a list of comments");
      for (const raw of page.data) {
        const comment = issueComment(raw);
        if (!comment) throw malformed("list the pull request's comments", "a list of comments");
        if (comment.body.startsWith(marker) && sameLogin(comment.author, login)) ours.push(comment);
      }
    }
    return ours.sort((a, b) => a.id - b.id);
  });
  const update = async (octokit, issue2, id, body) => classify("update the pull request comment", async () => {
    const { data } = await octokit.rest.issues.updateComment({
      owner: issue2.owner,
      repo: issue2.repo,
      comment_id: id,
      body
    });
    return issueComment(data) ?? Promise.reject(malformed("update the pull request comment", "a comment"));
  });
  const remove = async (octokit, issue2, comments) => {
    for (const comment of comments) {
      await classify("delete a duplicate pull request comment", async () => {
        try {
          await octokit.rest.issues.deleteComment({
            owner: issue2.owner,
            repo: issue2.repo,
            comment_id: comment.id
          });
        } catch (error2) {
          if (numberField(error2, "status") !== 404) throw error2;
        }
      });
    }
  };
  const converge = async (octokit, issue2, ours, body) => {
    const [keeper, ...duplicates] = ours;
    if (!keeper) return void 0;
    await remove(octokit, issue2, duplicates);
    const removed = duplicates.length;
    if (keeper.body === body) return { action: "unchanged", url: keeper.url, id: keeper.id, removed };
    try {
      const updated = await update(octokit, issue2, keeper.id, body);
      return { action: "updated", url: updated.url, id: updated.id, removed };
    } catch (error2) {
      if (error2 instanceof GitHubApiError && error2.status === 404) return void 0;
      throw error2;
    }
  };
  return {
    identity,
    async pullRequestsOfCommit(repository, sha) {
      const octokit = await connect();
      return classify("find the pull request of the commit", async () => {
        const { data } = await octokit.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
          owner: repository.owner,
          repo: repository.repo,
          commit_sha: sha
        });
        if (!Array.isArray(data))
          throw malformed("find the pull request of the commit", "a list of pull requests");
        return data.map((raw) => {
          const pr = commitPullRequest(raw);
          if (!pr) throw malformed("find the pull request of the commit", "a list of pull requests");
          return pr;
        });
      });
    },
    async upsertStickyComment(issue2, marker, body) {
      if (!body.startsWith(marker)) throw new Error("the sticky comment body must start with its marker");
      const octokit = await connect();
      let login = await identity();
      for (let round = 0; round < 2; round++) {
        const existing = await converge(octokit, issue2, await listOurs(octokit, issue2, marker, login), body);
        if (existing) return existing;
        const created = await classify("create the pull request comment", async () => {
          const { data } = await octokit.rest.issues.createComment({
            owner: issue2.owner,
            repo: issue2.repo,
            issue_number: issue2.number,
            body
          });
          return issueComment(data) ?? Promise.reject(malformed("create the pull request comment", "a comment"));
        });
        login = created.author;
        author = Promise.resolve(login);
        const ours = await listOurs(octokit, issue2, marker, login);
        if (!ours.some((c) => c.id === created.id)) ours.push(created);
        ours.sort((a, b) => a.id - b.id);
        const settled = await converge(octokit, issue2, ours, body);
        if (!settled) continue;
        return settled.id === created.id ? { ...settled, action: "created" } : settled;
      }
      throw new GitHubApiError(
        "cannot keep one pull request comment: our comment was deleted twice while it was being updated",
        0,
        "update the pull request comment"
      );
    }
  };
}
function commitPullRequest(raw) {
  if (typeof raw !== "object" || raw === null) return void 0;
  const {
    number,
    merged_at: mergedAt,
    merge_commit_sha: mergeSha,
    html_url: url
  } = raw;
  if (typeof number !== "number" || typeof url !== "string") return void 0;
  return {
    number,
    merged: typeof mergedAt === "string" && mergedAt !== "",
    ...typeof mergeSha === "string" && mergeSha !== "" ? { mergeCommitSha: mergeSha } : {},
    url
  };
}
function issueComment(raw) {
  if (typeof raw !== "object" || raw === null) return void 0;
  const { id, body, html_url: url, user } = raw;
  const login = typeof user === "object" && user !== null ? user.login : void 0;
  if (typeof id !== "number" || typeof url !== "string") return void 0;
  return {
    id,
    body: typeof body === "string" ? body : "",
    url,
    author: typeof login === "string" ? login : ""
  };
}
function sameLogin(a, b) {
  return a.toLowerCase() === b.toLowerCase();
}
function malformed(operation, expected) {
  return new GitHubApiError(`cannot ${operation}: GitHub's answer is not ${expected}`, 0, operation);
}
var DEFAULT_REQUEST_POLICY = {
  timeoutMs: 15e3,
  retries: 3,
  baseDelayMs: 1e3,
  maxDelayMs: 8e3,
  maxRetryAfterMs: 6e4
};
var IDEMPOTENT = /* @__PURE__ */ new Set(["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"]);
function requestPolicyPlugin(policy) {
  return (octokit) => {
    octokit.hook.wrap("request", async (request, options) => {
      const method = String(options.method).toUpperCase();
      const retries = options.request?.retries ?? policy.retries;
      for (let attempt = 0; ; attempt++) {
        const signal = AbortSignal.timeout(policy.timeoutMs);
        let failure;
        try {
          options.request = { ...options.request, signal };
          const response = await request(options);
          if (response.status !== 204 && (typeof response.data !== "object" || response.data === null)) {
            failure = new MalformedResponseError(
              `GitHub answered HTTP ${response.status} with a body that is not JSON (${describeBody(response.data)})`
            );
          } else {
            return response;
          }
        } catch (error2) {
          failure = signal.aborted ? new RequestTimeoutError(policy.timeoutMs) : error2;
        }
        const wait = retryDelay(failure, method, attempt, policy);
        if (attempt >= retries || wait === void 0) throw failure;
        await systemClock.sleep(wait);
      }
    });
  };
}
var RequestTimeoutError = class extends Error {
  constructor(timeoutMs) {
    super(`no complete answer within ${timeoutMs / 1e3} s`);
    this.timeoutMs = timeoutMs;
  }
  timeoutMs;
  name = "RequestTimeoutError";
};
var MalformedResponseError = class extends Error {
  name = "MalformedResponseError";
};
function describeBody(data) {
  if (typeof data !== "string") return typeof data;
  if (data === "") return "empty";
  return `${data.length} characters`;
}
function retryDelay(error2, method, attempt, policy) {
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const status = numberField(error2, "status") ?? 0;
  const answered = hasResponse(error2);
  if (answered && isRateLimit(status, headersOf(error2), apiMessageOf(error2))) {
    const waitMs = rateLimitWait(headersOf(error2));
    if (waitMs === void 0) return backoff;
    return waitMs <= policy.maxRetryAfterMs ? waitMs : void 0;
  }
  if (!IDEMPOTENT.has(method)) return void 0;
  if (error2 instanceof RequestTimeoutError || error2 instanceof MalformedResponseError) return backoff;
  if (!answered) return backoff;
  return status >= 500 ? backoff : void 0;
}
function hasResponse(error2) {
  return typeof error2 === "object" && error2 !== null && error2.response !== void 0;
}
function isRateLimit(status, headers, message) {
  return status === 429 || status === 403 && (headers["x-ratelimit-remaining"] === "0" || /rate limit/i.test(message));
}
function rateLimitWait(headers) {
  const retryAfter = headers["retry-after"];
  if (retryAfter !== void 0) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1e3;
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - Date.now());
  }
  const reset = Number(headers["x-ratelimit-reset"]);
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1e3 - Date.now());
  return void 0;
}
async function classify(operation, fn) {
  try {
    return await fn();
  } catch (error2) {
    throw toGitHubError(operation, error2);
  }
}
function toGitHubError(operation, error2) {
  if (error2 instanceof GitHubApiError) return error2;
  const headers = headersOf(error2);
  const apiMessage = oneLine(apiMessageOf(error2));
  const cannot = `cannot ${operation}`;
  if (error2 instanceof RequestTimeoutError) {
    return new GitHubApiError(
      `${cannot}: GitHub did not answer within ${error2.timeoutMs / 1e3} s`,
      0,
      operation
    );
  }
  if (error2 instanceof MalformedResponseError)
    return new GitHubApiError(`${cannot}: ${error2.message}`, 0, operation);
  if (numberField(error2, "status") === void 0) {
    return new GitHubApiError(
      `${cannot}: GitHub's answer is not what its API describes (${apiMessage})`,
      0,
      operation
    );
  }
  if (!hasResponse(error2)) {
    return new GitHubApiError(
      `${cannot}: no answer from GitHub (${apiMessage || "the connection failed"})`,
      0,
      operation
    );
  }
  const status = numberField(error2, "status") ?? 0;
  const text = `${cannot}: HTTP ${status}${apiMessage ? ` (${apiMessage})` : ""}`;
  if (isRateLimit(status, headers, apiMessage)) {
    return new GitHubRateLimitError(text, status, operation, resetOf(headers));
  }
  if (status === 403) return new GitHubPermissionError(text, status, operation);
  if (status === 404) {
    return new GitHubApiError(
      `${text}: the repository or pull request does not exist, or the token cannot see it`,
      status,
      operation
    );
  }
  if (status === 422)
    return new GitHubApiError(`${text}: GitHub refused the request as invalid`, status, operation);
  if (status >= 500) return new GitHubApiError(`${text}: GitHub failed to answer`, status, operation);
  return new GitHubApiError(text, status, operation);
}
function oneLine(text) {
  const line = visible((text.split(/\r?\n/)[0] ?? "").trim());
  return line.length > 200 ? `${line.slice(0, 200)}\u2026` : line;
}
function resetOf(headers) {
  const reset = Number(headers["x-ratelimit-reset"]);
  if (Number.isFinite(reset) && reset > 0) return new Date(reset * 1e3);
  const retryAfter = Number(headers["retry-after"]);
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return new Date(Date.now() + retryAfter * 1e3);
  return void 0;
}
function numberField(value, key2) {
  if (typeof value !== "object" || value === null) return void 0;
  const v = value[key2];
  return typeof v === "number" ? v : void 0;
}
function headersOf(error2) {
  if (typeof error2 !== "object" || error2 === null) return {};
  const response = error2.response;
  if (typeof response !== "object" || response === null) return {};
  const headers = response.headers;
  if (typeof headers !== "object" || headers === null) return {};
  const out = {};
  for (const [k, v] of Object.entries(headers)) {
    if (typeof v === "string" || typeof v === "number") out[k.toLowerCase()] = String(v);
  }
  return out;
}
function apiMessageOf(error2) {
  if (typeof error2 === "object" && error2 !== null) {
    const data = error2.response?.data;
    if (typeof data === "object" && data !== null) {
      const message = data.message;
      if (typeof message === "string") return message;
    }
    const own = error2.message;
    if (typeof own === "string") return own;
  }
  return String(error2);
}

// action/src/ports/engine.ts
var PulumiEngineError = class extends Error {
  name = "PulumiEngineError";
};
var StackLockedError = class extends PulumiEngineError {
  name = "StackLockedError";
};
var PulumiStackNotFoundError = class extends PulumiEngineError {
  name = "PulumiStackNotFoundError";
};
var PulumiCliMissingError = class extends PulumiEngineError {
  name = "PulumiCliMissingError";
};
var PulumiPreviewError = class extends PulumiEngineError {
  name = "PulumiPreviewError";
};
var PulumiDeployError = class extends PulumiEngineError {
  constructor(message, sources = []) {
    super(message);
    this.sources = sources;
  }
  sources;
  name = "PulumiDeployError";
};

// action/src/adapters/pulumi-availability.ts
var import_yaml = __toESM(require_dist(), 1);
import { accessSync, constants as constants5, existsSync as existsSync3, readFileSync } from "node:fs";
import { delimiter, join as join5, relative as relative5 } from "node:path";

// action/src/adapters/pulumi-events.ts
var K8S_TYPE = /^kubernetes:[^:]+:([A-Za-z0-9]+)$/;
var OP_PRIORITY = {
  replace: 5,
  "create-replacement": 4,
  "delete-replaced": 3,
  "discard-replaced": 2,
  "import-replacement": 2,
  "read-replacement": 2
};
function operationsFromEvents(events) {
  const byUrn = /* @__PURE__ */ new Map();
  for (const event of events) {
    const metadata = event.resourcePreEvent?.metadata;
    if (!metadata) continue;
    const op = operationOf(metadata);
    if (!op) continue;
    const priority = OP_PRIORITY[op.op] ?? 1;
    const known = byUrn.get(metadata.urn);
    if (!known) {
      byUrn.set(metadata.urn, { op, priority });
    } else if (priority > known.priority) {
      byUrn.set(metadata.urn, {
        op: { ...op, changedKeys: union(known.op.changedKeys, op.changedKeys) },
        priority
      });
    } else {
      known.op.changedKeys = union(known.op.changedKeys, op.changedKeys);
    }
  }
  return [...byUrn.values()].map((v) => v.op);
}
function operationOf(m) {
  if (m.op === "refresh" || m.op === "read") return void 0;
  const type = m.type || typeFromUrn(m.urn);
  if (type === "pulumi:pulumi:Stack") return void 0;
  if (type.startsWith("pulumi:providers:") && (m.op === "same" || m.op === "create")) return void 0;
  const state = m.new ?? m.old;
  if (state && state.custom !== true && !type.startsWith("pulumi:providers:")) return void 0;
  const inputs = isRecord(state?.inputs) ? state.inputs : {};
  const k8sKind = K8S_TYPE.exec(type)?.[1];
  const kind = k8sKind ?? (typeof inputs.kind === "string" && inputs.kind !== "" ? inputs.kind : type);
  return { op: m.op, kind, name: nameOf(inputs, m.urn), changedKeys: changedKeysOf(m) };
}
var UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
function nameOf(inputs, urn) {
  const metadata = inputs.metadata;
  if (isRecord(metadata) && typeof metadata.name === "string" && metadata.name !== "" && metadata.name !== UNKNOWN) {
    return typeof metadata.namespace === "string" && metadata.namespace !== "" && metadata.namespace !== UNKNOWN ? `${metadata.namespace}/${metadata.name}` : metadata.name;
  }
  const logical = urn.split("::").pop();
  return logical && logical !== "" ? logical : urn;
}
function changedKeysOf(m) {
  const paths = m.detailedDiff ? Object.keys(m.detailedDiff) : m.diffs ?? [];
  return union(
    [],
    paths.map((p) => topLevelKey(p)).filter((k) => k !== "")
  );
}
function topLevelKey(path6) {
  const m = /^(?:\["((?:[^"\\]|\\.)*)"\]|([^.[]*))/.exec(path6);
  return m?.[1] ?? m?.[2] ?? path6;
}
function typeFromUrn(urn) {
  const parts = urn.split("::");
  const types2 = parts[2] ?? "";
  return types2.split("$").pop() ?? "";
}
function union(a, b) {
  return [.../* @__PURE__ */ new Set([...a, ...b])].sort();
}
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function completedSteps(events) {
  const out = [];
  for (const event of events) {
    const metadata = event.resOutputsEvent?.metadata;
    if (!metadata) continue;
    const op = operationOf(metadata);
    if (op) out.push({ op: op.op, kind: op.kind, name: op.name });
  }
  return out;
}
function sourceOf(inputs) {
  const metadata = inputs.metadata;
  const annotations = isRecord(metadata) ? metadata.annotations : void 0;
  const source = isRecord(annotations) ? annotations[SOURCE_ANNOTATION] : void 0;
  return typeof source === "string" && source !== "" ? source : void 0;
}
function resourceLabel(inputs, urn) {
  const kind = typeof inputs.kind === "string" && inputs.kind !== "" ? inputs.kind : typeFromUrn(urn);
  return `${kind} ${nameOf(inputs, urn)}`;
}
function stackOutputsOf(events) {
  let outputs = {};
  for (const event of events) {
    const m = event.resOutputsEvent?.metadata;
    if (!m || (m.type || typeFromUrn(m.urn)) !== "pulumi:pulumi:Stack") continue;
    if (isRecord(m.new?.outputs)) outputs = m.new.outputs;
  }
  return outputs;
}

// action/src/adapters/pulumi-availability.ts
var nodeProbes = {
  isExecutable(path6) {
    try {
      accessSync(path6, constants5.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  readText(path6) {
    return existsSync3(path6) ? readFileSync(path6, "utf8") : void 0;
  }
};
function findOnPath(path6, probes, name2 = "pulumi") {
  for (const dir of path6.split(delimiter)) {
    if (dir === "") continue;
    const candidate = join5(dir, name2);
    if (probes.isExecutable(candidate)) return candidate;
  }
  return void 0;
}
function checkAvailability(input, probes = nodeProbes) {
  const workDir = input.workDir;
  const projectFile = workDir === void 0 ? void 0 : ["Pulumi.yaml", "Pulumi.yml"].map((f) => join5(workDir, f)).find((f) => probes.readText(f) !== void 0);
  if (workDir !== void 0 && !projectFile) {
    const where = relative5(input.workspace, workDir) || ".";
    return { available: false, reason: `no Pulumi project in ${where} (Pulumi.yaml not found)` };
  }
  const cliPath = findOnPath(input.env.path, probes);
  if (!cliPath) return { available: false, reason: "the pulumi CLI is not installed (not found on PATH)" };
  if (!input.env.backendUrl && !input.env.accessTokenSet && !(projectFile && projectBackendUrl(probes.readText(projectFile)))) {
    return {
      available: false,
      reason: "no Pulumi backend is configured (set PULUMI_BACKEND_URL, or PULUMI_ACCESS_TOKEN for Pulumi Cloud)"
    };
  }
  return { available: true, cliPath };
}
function projectBackendUrl(text) {
  if (text === void 0) return void 0;
  try {
    const doc = (0, import_yaml.parse)(text);
    const backend = isRecord(doc) ? doc.backend : void 0;
    const url = isRecord(backend) ? backend.url : void 0;
    return typeof url === "string" && url !== "" ? url : void 0;
  } catch {
    return void 0;
  }
}

// action/src/adapters/pulumi.ts
var import_yaml3 = __toESM(require_dist(), 1);
import { basename as basename3, dirname as dirname4, join as join6 } from "node:path";

// action/src/adapters/pulumi-errors.ts
function classifyPulumiError(error2, stack, diagnostics = []) {
  if (error2 instanceof PulumiEngineError) return error2;
  const name2 = error2 instanceof Error ? error2.name : "";
  if (name2 === "ConcurrentUpdateError") {
    const holder = lockHolder(error2);
    return new StackLockedError(
      `stack ${stack} is locked by another update${holder ? ` (${holder})` : ""}; re-run the job when it has finished`
    );
  }
  if (name2 === "StackNotFoundError") return new PulumiStackNotFoundError(`stack ${stack} was not found`);
  if (isEnoent(error2)) return new PulumiCliMissingError("the pulumi CLI could not be started (not found)");
  const summary2 = diagnostics.length > 0 ? diagnostics.join("; ") : stderrSummary(error2);
  return new PulumiPreviewError(`pulumi preview of stack ${stack} failed: ${summary2}`);
}
function lockHolder(error2) {
  const result = commandResultOf(error2);
  const text = String(result ? result.stderr ?? "" : error2 instanceof Error ? error2.message : "");
  const m = /created by (\S+) \(pid (\d+)\) at (\S+)/.exec(text);
  return m ? `${m[1]}, pid ${m[2]}, since ${m[3]}` : void 0;
}
function isEnoent(error2) {
  if (typeof error2 !== "object" || error2 === null) return false;
  const code2 = error2.code;
  if (code2 === "ENOENT") return true;
  const inner = commandResultOf(error2)?.err;
  return typeof inner === "object" && inner !== null && inner.code === "ENOENT";
}
function commandResultOf(error2) {
  if (typeof error2 !== "object" || error2 === null) return void 0;
  const result = error2.commandResult;
  return typeof result === "object" && result !== null ? result : void 0;
}
function stderrSummary(error2) {
  const result = commandResultOf(error2);
  const stderr = result ? result.stderr ?? "" : error2 instanceof Error ? error2.message : String(error2);
  const lines = String(stderr).split("\n").map((l) => l.trim()).filter((l) => l !== "");
  const errors = lines.filter((l) => /^error:/i.test(l));
  const text = (errors.length > 0 ? errors : lines.slice(0, 1)).join("; ") || "unknown error";
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}
function classifyDeployError(error2, stack, events) {
  const classified = classifyPulumiError(error2, stack, []);
  if (classified instanceof StackLockedError || classified instanceof PulumiCliMissingError)
    return classified;
  if (classified instanceof PulumiStackNotFoundError) return classified;
  const inputsByUrn = /* @__PURE__ */ new Map();
  for (const event of events) {
    const metadata = event.resourcePreEvent?.metadata ?? event.resOpFailedEvent?.metadata;
    const inputs = metadata?.new?.inputs ?? metadata?.old?.inputs;
    if (metadata && isRecord(inputs)) inputsByUrn.set(metadata.urn, inputs);
  }
  const failedUrns = new Set(
    events.flatMap((e) => e.resOpFailedEvent ? [e.resOpFailedEvent.metadata.urn] : [])
  );
  const messages = [];
  const sources = [];
  const described = /* @__PURE__ */ new Set();
  for (const event of events) {
    const d = event.diagnosticEvent;
    if (!d || d.severity !== "error" || d.ephemeral) continue;
    const text = oneLine2(d.message);
    if (d.urn && inputsByUrn.has(d.urn) && !d.urn.includes("::pulumi:pulumi:Stack::")) {
      const inputs = inputsByUrn.get(d.urn) ?? {};
      const source = sourceOf(inputs);
      if (source) sources.push(source);
      described.add(d.urn);
      const reason = text.replace(/^resource "urn:[^"]*" /, "");
      const label = `${resourceLabel(inputs, d.urn)}${source ? ` (${source})` : ""}`;
      messages.push(reason === text ? `${label}: ${text}` : `${label} ${reason}`);
    } else {
      messages.push(text);
    }
  }
  for (const urn of failedUrns) {
    if (described.has(urn)) continue;
    const inputs = inputsByUrn.get(urn) ?? {};
    const source = sourceOf(inputs);
    if (source) sources.push(source);
    messages.unshift(`${resourceLabel(inputs, urn)}${source ? ` (${source})` : ""} failed`);
  }
  const summary2 = messages.length > 0 ? messages.join("; ") : stderrSummary(error2);
  return new PulumiDeployError(`pulumi up of stack ${stack} failed: ${summary2}`, [...new Set(sources)]);
}
var ANSI_SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");
function oneLine2(message) {
  const text = message.replace(ANSI_SGR, "").split("\n").filter((line) => !/^\s+at /.test(line)).join(" ").replace(/\s+/g, " ").trim();
  return text.length > 1e3 ? `${text.slice(0, 997)}...` : text;
}

// action/src/rollout/recorded.ts
var import_yaml2 = __toESM(require_dist(), 1);
function parseRecordedBundle(file, text) {
  const lineCounter = new import_yaml2.LineCounter();
  const doc = (0, import_yaml2.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: "json" });
  const at = (node, message, hint) => {
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col, message, ...hint === void 0 ? {} : { hint } };
  };
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          file,
          line: pos.line,
          column: pos.col,
          message: `not valid JSON or YAML: ${firstLine(e.message)}`
        };
      })
    };
  }
  let root = doc.contents;
  if (!(0, import_yaml2.isMap)(root)) {
    return {
      ok: false,
      errors: [at(root, "expected a recorded bundle: an object with environment, cni and objects")]
    };
  }
  const wrapped = root.get("bundle", true);
  if (!root.has("objects") && (0, import_yaml2.isMap)(wrapped)) root = wrapped;
  const map = root;
  const errors = [];
  const field3 = (parent, key2) => parent.get(key2, true);
  const requireString = (parent, key2, path6) => {
    const node = field3(parent, key2);
    if (node === void 0) errors.push(at(parent, `${path6} is missing`));
    else if (!(0, import_yaml2.isScalar)(node) || typeof node.value !== "string" || node.value === "")
      errors.push(at(node, `${path6} must be a non-empty string`));
  };
  const optionalStringMap = (parent, key2, path6) => {
    const node = field3(parent, key2);
    if (node === void 0) return;
    if (!(0, import_yaml2.isMap)(node)) {
      errors.push(at(node, `${path6} must be an object of strings`));
      return;
    }
    for (const pair of node.items) {
      if (!(0, import_yaml2.isScalar)(pair.value) || typeof pair.value.value !== "string") {
        errors.push(
          at(
            pair.value ?? node,
            `${path6}.${String(pair.key?.value)} must be a string`
          )
        );
      }
    }
  };
  requireString(map, "environment", "environment");
  const cni = field3(map, "cni");
  if (cni === void 0) errors.push(at(map, "cni is missing"));
  else if (!(0, import_yaml2.isScalar)(cni) || typeof cni.value !== "string" || !isCniProfileName(cni.value))
    errors.push(at(cni, `cni must be one of ${Object.keys(CNI_PROFILES).join(", ")}`));
  const denials = field3(map, "denials");
  if (denials !== void 0 && (!(0, import_yaml2.isScalar)(denials) || denials.value !== "drop" && denials.value !== "reject"))
    errors.push(at(denials, "denials must be drop or reject"));
  const excluded = field3(map, "excludedNamespaces");
  if (excluded !== void 0) {
    if (!(0, import_yaml2.isSeq)(excluded)) errors.push(at(excluded, "excludedNamespaces must be a list of namespace names"));
    else
      excluded.items.forEach((item, i) => {
        if (!(0, import_yaml2.isScalar)(item) || typeof item.value !== "string")
          errors.push(at(item, `excludedNamespaces[${i}] must be a string`));
      });
  }
  const objects = field3(map, "objects");
  if (objects === void 0) errors.push(at(map, "objects is missing"));
  else if (!(0, import_yaml2.isSeq)(objects)) errors.push(at(objects, "objects must be a list"));
  else {
    objects.items.forEach((item, i) => {
      const path6 = `objects[${i}]`;
      const node = item;
      if (!(0, import_yaml2.isMap)(node)) {
        errors.push(at(node, `${path6} must be an object with stage and manifest`));
        return;
      }
      const stage = field3(node, "stage");
      if (stage === void 0) errors.push(at(node, `${path6}.stage is missing`));
      else if (!(0, import_yaml2.isScalar)(stage) || stage.value !== "allow" && stage.value !== "deny")
        errors.push(at(stage, `${path6}.stage must be allow or deny`));
      const origins = field3(node, "origins");
      if (origins !== void 0 && !(0, import_yaml2.isSeq)(origins))
        errors.push(at(origins, `${path6}.origins must be a list`));
      const manifest = field3(node, "manifest");
      if (manifest === void 0) {
        errors.push(at(node, `${path6}.manifest is missing`));
        return;
      }
      if (!(0, import_yaml2.isMap)(manifest)) {
        errors.push(at(manifest, `${path6}.manifest must be a Kubernetes object`));
        return;
      }
      requireString(manifest, "apiVersion", `${path6}.manifest.apiVersion`);
      requireString(manifest, "kind", `${path6}.manifest.kind`);
      const metadata = field3(manifest, "metadata");
      if (metadata === void 0) errors.push(at(manifest, `${path6}.manifest.metadata is missing`));
      else if (!(0, import_yaml2.isMap)(metadata)) errors.push(at(metadata, `${path6}.manifest.metadata must be an object`));
      else {
        requireString(metadata, "name", `${path6}.manifest.metadata.name`);
        requireString(metadata, "namespace", `${path6}.manifest.metadata.namespace`);
        optionalStringMap(metadata, "labels", `${path6}.manifest.metadata.labels`);
        optionalStringMap(metadata, "annotations", `${path6}.manifest.metadata.annotations`);
      }
      const spec = field3(manifest, "spec");
      if (spec === void 0) errors.push(at(manifest, `${path6}.manifest.spec is missing`));
      else if (!(0, import_yaml2.isMap)(spec)) errors.push(at(spec, `${path6}.manifest.spec must be an object`));
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  const value = map.toJSON();
  const bundle = {
    environment: value.environment,
    cni: value.cni,
    ...value.denials === void 0 ? {} : { denials: value.denials },
    objects: value.objects.map((o) => ({ ...o, origins: o.origins ?? [] })),
    ...value.excludedNamespaces === void 0 ? {} : { excludedNamespaces: value.excludedNamespaces }
  };
  return { ok: true, bundle };
}
function firstLine(message) {
  return message.split("\n")[0] ?? message;
}

// action/src/rollout/outputs.ts
var StackOutputsError = class extends Error {
  constructor(problems) {
    super(`the stack outputs are not what netpol-rollout's program writes: ${problems.join("; ")}`);
    this.problems = problems;
  }
  problems;
  name = "StackOutputsError";
};
function readStackOutputs(raw) {
  const problems = [];
  const string = (name2) => {
    const value = raw[name2];
    if (typeof value === "string" && value !== "") return value;
    problems.push(`${name2} must be a non-empty string`);
    return "";
  };
  const environment = string("environment");
  const stage = DEPLOY_STAGES.find((s) => s === raw.stage);
  if (stage === void 0) problems.push(`stage must be one of ${DEPLOY_STAGES.join(", ")}`);
  const revision = raw.revision;
  if (revision !== null && typeof revision !== "string") problems.push("revision must be a string or null");
  const digest = string("digest");
  const clusterUid = string("clusterUid");
  const sourceDigest = string("sourceDigest");
  const from = raw.from === "intent" || raw.from === "recorded" ? raw.from : void 0;
  if (from === void 0) problems.push("from must be intent or recorded");
  const counts = countsOf(raw.counts, problems);
  const guards = raw.guards;
  const guardList = Array.isArray(guards) && guards.every((g) => typeof g === "string") ? guards : void 0;
  if (guardList === void 0) problems.push("guards must be a list of strings");
  let bundle;
  if (raw.bundle === void 0) problems.push("bundle is missing");
  else {
    const parsed = parseRecordedBundle("the bundle output", JSON.stringify(raw.bundle));
    if (parsed.ok) bundle = parsed.bundle;
    else problems.push(...parsed.errors.map((e) => `bundle: ${e.message}`));
  }
  if (problems.length > 0 || !stage || !from || !guardList || !bundle) throw new StackOutputsError(problems);
  return {
    environment,
    stage,
    revision: typeof revision === "string" ? revision : null,
    digest,
    sourceDigest,
    bundle,
    counts,
    from,
    guards: guardList,
    clusterUid
  };
}
function clusterUidOf(raw) {
  const uid = raw.clusterUid;
  return typeof uid === "string" && uid !== "" ? uid : void 0;
}
function countsOf(value, problems) {
  const out = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push("counts must be an object of namespaces");
    return out;
  }
  for (const [namespace, c] of Object.entries(value)) {
    const allow = c?.allow;
    const deny = c?.deny;
    if (typeof allow === "number" && typeof deny === "number") out[namespace] = { allow, deny };
    else problems.push(`counts.${namespace} must be { allow, deny } numbers`);
  }
  return out;
}

// action/src/adapters/pulumi.ts
function createPulumiEngine(options, runner) {
  const run = runner ?? automationRunner(options);
  return {
    async preview(environment) {
      const stack = stackName(options.stackTemplate, environment);
      const events = [];
      const diagnostics = [];
      options.log?.(`pulumi preview of stack ${stack} (${environment})`);
      try {
        await run.preview(stack, environment, (event) => {
          events.push(event);
          const d = event.diagnosticEvent;
          if (d && d.severity === "error" && !d.ephemeral) diagnostics.push(oneLine2(d.message));
        });
      } catch (error2) {
        const classified = classifyPulumiError(error2, stack, diagnostics);
        if (classified instanceof PulumiCliMissingError)
          return { status: "skipped", reason: classified.message };
        return { status: "failed", stack, error: classified.message };
      }
      return { status: "ok", stack, operations: operationsFromEvents(events) };
    }
  };
}
function engineEnvVars(env) {
  return {
    ...env.vars,
    ...env.secretVars?.(),
    PATH: env.path,
    ...env.backendUrl ? { PULUMI_BACKEND_URL: env.backendUrl } : {},
    PULUMI_SKIP_UPDATE_CHECK: "true"
  };
}
function stackOpener(workDir, env, cliPath = findOnPath(env.path, nodeProbes)) {
  let command;
  const envVars = engineEnvVars(env);
  return async (stackName2) => {
    const automation = await import("./automation-YOVQET5A.js");
    const { LocalWorkspace, PulumiCommand } = automation.default ?? automation;
    command ??= PulumiCommand.get(cliRoot(cliPath));
    const pulumiCommand = await command;
    return LocalWorkspace.createOrSelectStack({ stackName: stackName2, workDir }, { pulumiCommand, envVars });
  };
}
function cliRoot(cliPath) {
  if (cliPath === void 0 || basename3(cliPath) !== "pulumi") return void 0;
  const bin = dirname4(cliPath);
  return basename3(bin) === "bin" ? { root: dirname4(bin) } : void 0;
}
function automationRunner(options) {
  const openStack = stackOpener(options.workDir, options.env, options.cliPath);
  return {
    async preview(stackName2, environment, onEvent) {
      const stack = await openStack(stackName2);
      await ensureConfig(stack, stackName2, environment, options);
      await stack.preview({ onEvent, color: "never", suppressOutputs: true, suppressProgress: true });
    }
  };
}
async function ensureConfig(stack, stackName2, environment, options) {
  const short = stackName2.split("/").pop() ?? stackName2;
  const text = nodeProbes.readText(join6(options.workDir, `Pulumi.${short}.yaml`));
  let config = {};
  if (text !== void 0) {
    try {
      const doc = (0, import_yaml3.parse)(text);
      if (isRecord(doc) && isRecord(doc.config)) config = doc.config;
    } catch {
      config = {};
    }
  }
  if (config[configKey("environment")] === void 0) {
    await stack.setConfig(configKey("environment"), { value: environment });
  }
  if (options.policiesDir !== "policies" && config[configKey("policiesDir")] !== options.policiesDir) {
    await stack.setConfig(configKey("policiesDir"), { value: options.policiesDir });
  }
}
function createPulumiDeployer(options, runner) {
  const run = runner ?? automationUpRunner(options);
  const configOf = (environment, deploy) => {
    const policiesDir = deploy.policiesDir ?? options.policiesDir;
    return {
      ...stackConfig({
        environment,
        stage: deploy.stage,
        ...policiesDir === void 0 ? {} : { policiesDir },
        ...deploy.bundleFile === void 0 ? {} : { bundleFile: deploy.bundleFile },
        ...deploy.revision === void 0 ? {} : { revision: deploy.revision }
      }),
      ...options.providerConfig
    };
  };
  return {
    async target(environment, deploy) {
      const stack = stackName(options.stackTemplate, environment);
      const events = [];
      options.log?.(`pulumi preview of stack ${stack} (${environment}): which cluster it would deploy to`);
      try {
        await run.preview(stack, configOf(environment, deploy), (event) => events.push(event));
      } catch (error2) {
        throw classifyDeployError(error2, stack, events);
      }
      const uid = clusterUidOf(stackOutputsOf(events));
      return uid === void 0 ? {} : { clusterUid: uid };
    },
    async up(environment, deploy) {
      const stack = stackName(options.stackTemplate, environment);
      const config = configOf(environment, deploy);
      const events = [];
      options.log?.(`pulumi up of stack ${stack} (${environment}, stage ${deploy.stage})`);
      let outputs;
      try {
        outputs = await run.up(stack, config, (event) => events.push(event));
      } catch (error2) {
        throw classifyDeployError(error2, stack, events);
      }
      let read;
      try {
        read = readStackOutputs(outputs);
      } catch (error2) {
        if (error2 instanceof StackOutputsError)
          throw new PulumiDeployError(`pulumi up of stack ${stack}: ${error2.message}`);
        throw error2;
      }
      return {
        stack,
        operations: operationsFromEvents(events),
        completed: completedSteps(events),
        outputs: read
      };
    }
  };
}
function automationUpRunner(options) {
  const openStack = stackOpener(options.workDir, options.env, options.cliPath);
  const configured = async (stackName2, config) => {
    const stack = await openStack(stackName2);
    const set = {};
    const remove = [];
    for (const [key2, value] of Object.entries(config)) {
      if (value === void 0) remove.push(key2);
      else set[key2] = { value };
    }
    await stack.setAllConfig(set);
    if (remove.length > 0) await stack.removeAllConfig(remove);
    return stack;
  };
  return {
    async preview(stackName2, config, onEvent) {
      const stack = await configured(stackName2, config);
      await stack.preview({ onEvent, color: "never", suppressOutputs: true, suppressProgress: true });
    },
    async up(stackName2, config, onEvent) {
      const stack = await configured(stackName2, config);
      const result = await stack.up({
        onEvent,
        // The engine reads the live objects first: a policy deleted or edited by hand since
        // the last update is created or restored, never "updated" from a stale state.
        refresh: true,
        color: "never",
        suppressOutputs: true,
        suppressProgress: true
      });
      return Object.fromEntries(Object.entries(result.outputs).map(([k, v]) => [k, v.value]));
    }
  };
}

// action/src/adapters/pulumi-program.ts
import { execFile as execFile2 } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile as copyFile2, mkdir as mkdir3, readFile, writeFile as writeFile3 } from "node:fs/promises";
import { existsSync as existsSync4 } from "node:fs";
import { dirname as dirname5, join as join7, relative as relative6 } from "node:path";
import { fileURLToPath } from "node:url";
var PROJECT_FILES = ["Pulumi.yaml", "Pulumi.yml"];
var DEFAULT_WORK_DIR = "pulumi";
var WorkDirError = class extends Error {
  name = "WorkDirError";
};
function chooseProgram(input, exists2 = existsSync4) {
  const hasProject = (dir) => PROJECT_FILES.some((f) => exists2(join7(dir, f)));
  if (input.workDirInput !== "") {
    const workDir2 = join7(input.workspace, input.workDirInput);
    if (!hasProject(workDir2)) {
      throw new WorkDirError(
        `work-dir: "${input.workDirInput}" holds no Pulumi.yaml; give the directory of your Pulumi project, or leave work-dir empty to use the program the Action ships`
      );
    }
    return { kind: "project", workDir: workDir2 };
  }
  const workDir = join7(input.workspace, DEFAULT_WORK_DIR);
  if (hasProject(workDir)) return { kind: "project", workDir };
  return { kind: "shipped", project: input.project };
}
function actionDirOf(moduleUrl, exists2 = existsSync4) {
  const start = dirname5(fileURLToPath(moduleUrl));
  for (let dir = start; ; dir = dirname5(dir)) {
    if (exists2(join7(dir, "action.yml"))) return dir;
    if (dirname5(dir) === dir) return start;
  }
}
var execRunner = (command, args, cwd) => new Promise((resolve6, reject) => {
  execFile2(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error2, stdout, stderr) => {
    if (!error2) return resolve6();
    const output = `${stderr}
${stdout}`.trim().split("\n").slice(-20).join("\n");
    reject(new Error(`${command} ${args.join(" ")} failed (${error2.message.split("\n")[0]}):
${output}`));
  });
});
var ENTRY_MODULE = `// The netpol-rollout program (program.mjs, the Action's dist/pulumi/index.js).
export { default } from ${JSON.stringify("./program.mjs")};
`;
function shippedProjectYaml(project) {
  return [
    `name: ${project}`,
    "description: Kubernetes NetworkPolicies compiled from policies/ by the program netpol-rollout ships",
    "runtime:",
    "  name: nodejs",
    "  options:",
    "    typescript: false",
    "    packagemanager: npm",
    "main: index.mjs",
    ""
  ].join("\n");
}
async function prepareShippedProgram(options, run = execRunner) {
  const shipped = join7(options.actionDir, "pulumi/shipped");
  const bundle = join7(options.actionDir, "dist/pulumi/index.js");
  const manifest = await readFile(join7(shipped, "package.json"));
  const lock = await readFile(join7(shipped, "package-lock.json"));
  const key2 = createHash("sha256").update(manifest).update(lock).digest("hex").slice(0, 12);
  const root = join7(options.temp, `netpol-rollout-program-${key2}`);
  const installed = join7(root, ".installed");
  if (!existsSync4(installed)) {
    await mkdir3(root, { recursive: true });
    await writeFile3(join7(root, "package.json"), manifest);
    await writeFile3(join7(root, "package-lock.json"), lock);
    options.log?.(`Installing the Pulumi SDK for the shipped program (npm ci in ${root})`);
    await run("npm", ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"], root);
    await writeFile3(installed, `${(/* @__PURE__ */ new Date()).toISOString()}
`);
  } else {
    options.log?.(`Pulumi SDK for the shipped program already installed (${root})`);
  }
  const projectDir = join7(root, `project-${options.project.replace(/[^A-Za-z0-9_.-]/g, "_")}`);
  await mkdir3(projectDir, { recursive: true });
  await writeFile3(join7(projectDir, "Pulumi.yaml"), shippedProjectYaml(options.project));
  await copyFile2(bundle, join7(projectDir, "program.mjs"));
  await writeFile3(join7(projectDir, "index.mjs"), ENTRY_MODULE);
  options.log?.(
    `Pulumi program: the one netpol-rollout ships, as project ${options.project} (${relative6(options.temp, projectDir)} under RUNNER_TEMP)`
  );
  return projectDir;
}
function shippedProgramEngine(prepare, create2, stackOf) {
  let engine;
  return {
    async preview(environment) {
      engine ??= prepare().then(create2);
      let ready;
      try {
        ready = await engine;
      } catch (error2) {
        return {
          status: "failed",
          stack: stackOf(environment),
          error: `the program netpol-rollout ships could not be prepared: ${error2 instanceof Error ? error2.message : String(error2)}`
        };
      }
      return ready.preview(environment);
    }
  };
}
function shippedProgramDeployer(prepare, create2, stackOf) {
  let deployer;
  const ready = async (environment) => {
    deployer ??= prepare().then(create2);
    try {
      return await deployer;
    } catch (error2) {
      throw new PulumiDeployError(
        `stack ${stackOf(environment)}: the program netpol-rollout ships could not be prepared: ${error2 instanceof Error ? error2.message : String(error2)}`
      );
    }
  };
  return {
    async up(environment, options) {
      return (await ready(environment)).up(environment, options);
    },
    async target(environment, options) {
      return (await ready(environment)).target(environment, options);
    }
  };
}

// action/src/adapters/files/intent.ts
import { isAbsolute as isAbsolute5, join as join8, relative as relative7, resolve as resolve5, sep as sep8 } from "node:path";
async function loadIntentFromDir(policiesDir, repoRoot = process.cwd()) {
  const root = resolve5(repoRoot);
  const base = resolve5(root, policiesDir);
  const rel = (abs) => relative7(root, abs).split(sep8).join("/");
  const tree = await readIntentTree(root, base);
  const refused = tree.files.filter((f) => f.problem !== void 0);
  if (tree.exists && !tree.isDirectory && refused.length > 0) {
    return {
      ok: false,
      errors: refused.map((f) => ({ file: f.path, line: 1, column: 1, message: f.problem ?? "" }))
    };
  }
  if (!tree.exists || !tree.isDirectory) {
    const shown = rel(base) || ".";
    return {
      ok: false,
      errors: [
        {
          file: shown,
          line: 1,
          column: 1,
          message: tree.exists ? `policies directory '${shown}' is not a directory` : `policies directory '${shown}' does not exist`
        }
      ]
    };
  }
  const files = tree.files.map((f) => isAbsolute5(f.path) ? { ...f, path: rel(f.path) } : f);
  return parseIntent(files, { policiesDir: rel(base) });
}
async function readIntentTree(repository, dir) {
  return readSourceTree({ repository, target: dir, extensions: YAML_EXTENSIONS, limits: INTENT_READ_LIMITS });
}
async function readWorkingTree(workspace, dir) {
  const tree = await readIntentTree(workspace, join8(workspace, dir));
  return tree.files;
}

export {
  runUrl,
  commentSkipReason,
  engineSkipReason,
  runActionPreview,
  readHeadObjects,
  stackName,
  parseSettings,
  actionPreviewRequest,
  rolloutActionRequest,
  summary,
  setSecret,
  setOutput,
  setFailed,
  debug,
  error,
  warning,
  notice,
  info,
  readFlowPatterns,
  writeTextFile,
  systemClock,
  createGitReader,
  createCommitFetcher,
  createGitHubAdapter,
  PulumiCliMissingError,
  checkAvailability,
  createPulumiEngine,
  createPulumiDeployer,
  chooseProgram,
  actionDirOf,
  prepareShippedProgram,
  shippedProgramEngine,
  shippedProgramDeployer,
  loadIntentFromDir,
  readIntentTree,
  readWorkingTree
};
