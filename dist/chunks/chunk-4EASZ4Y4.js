import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  ALLOW_DNS_NAME,
  ARROW,
  CNI_PROFILES,
  DEFAULT_DENY_NAME,
  DEFAULT_REPROBE_POLICY,
  GitHubApiError,
  GitHubPermissionError,
  GitHubRateLimitError,
  LAST_KNOWN_GOOD,
  METADATA_NAME_LABEL,
  ON_INCONCLUSIVE,
  PROBE_LABEL,
  RecordKeyError,
  SOURCE_ANNOTATION,
  buildModel,
  buildProbePod,
  buildRunObject,
  builtinLine,
  cidrContains,
  code,
  compareStrings,
  compileEnvironment,
  compileSelector,
  createScrubber,
  cutUtf16,
  driftAcrossEnvironments,
  engineSection,
  engineSkippedSentence,
  environmentHeadline,
  environmentVerdict,
  escapeMarkdown,
  explainDirection,
  flowRows,
  formatPolicy,
  formatRule,
  hasBase,
  headline,
  ipBlockContains,
  isCniProfileName,
  isDnsTarget,
  isIpTarget,
  isPodTarget,
  isolatingPolicies,
  lintSection,
  lookFirstLines,
  mermaidLabel,
  observedSection,
  overview,
  parseCidr,
  parseEnvironments,
  parseIntent,
  parseIp,
  parseRecordKeys,
  parseSourceAnnotation,
  plural,
  previewOutputs,
  probePodLabels,
  representativeAddress,
  require_dist,
  require_mod,
  revisionLine,
  selectorMatches,
  sortedOf,
  sourceLink,
  summaryPointer,
  table,
  unknownEnvironmentMessage,
  verdictOf,
  visible
} from "./chunk-E33JMYOG.js";
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
function rolloutActionRequest(settings) {
  const { github } = settings;
  const url = runUrl(github);
  return {
    command: settings.command,
    ...settings.environments ? { environments: [...settings.environments] } : {},
    target: settings.command === "rollback" ? settings.target : "",
    reason: settings.command === "rollback" ? settings.reason : "",
    onInconclusive: settings.command === "probe" ? "fail" : settings.onInconclusive,
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
    ...settings.lockWaitSeconds === void 0 ? {} : { lockWaitMs: settings.lockWaitSeconds * 1e3 }
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

// action/src/semantics/rule-index.ts
var INDEXED_RULES_MIN = 16;
var INDEXES = /* @__PURE__ */ new WeakMap();
function buildIndex(rules) {
  const index = {
    always: [],
    ipOnly: [],
    networks: { 4: /* @__PURE__ */ new Map(), 6: /* @__PURE__ */ new Map() },
    prefixes: { 4: [], 6: [] }
  };
  rules.forEach((rule, i) => {
    const peers = rule.peers;
    const leavesNote = (rule.ports ?? []).some((p) => p.endPort !== void 0);
    if (!peers || leavesNote || peers.some((p) => p.kind !== "ipBlock")) {
      index.always.push(i);
      return;
    }
    index.ipOnly.push(i);
    for (const peer of peers) {
      if (peer.kind !== "ipBlock") continue;
      const { family, prefix, base } = peer.block.cidr;
      const key2 = `${prefix}/${base}`;
      const list = index.networks[family].get(key2);
      if (list === void 0) index.networks[family].set(key2, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
      if (!index.prefixes[family].includes(prefix)) index.prefixes[family].push(prefix);
    }
  });
  return index;
}
function networkOf(family, value, prefix) {
  if (family === 4) return prefix === 0 ? 0 : (value & -1 << 32 - prefix) >>> 0;
  const host = (1n << BigInt(128 - prefix)) - 1n;
  return value & ~host & (1n << 128n) - 1n;
}
function merge(a, b) {
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === void 0 || x !== void 0 && x < y) out.push(a[i++]);
    else if (x === void 0 || y < x) out.push(b[j++]);
    else {
      out.push(x);
      i++;
      j++;
    }
  }
  return out;
}
function holdsIpBlocks(group, family) {
  return family !== void 0 && group.ipBlocksByFamily[family].size > 0;
}
function candidateRules(rules, peer, family) {
  if (rules.length < INDEXED_RULES_MIN) return void 0;
  let index = INDEXES.get(rules);
  if (index === void 0) {
    index = buildIndex(rules);
    INDEXES.set(rules, index);
  }
  if (peer.kind === "pod")
    return holdsIpBlocks(peer.group, family) ? merge(index.always, index.ipOnly) : index.always;
  const ip = peer.ip;
  const hits = /* @__PURE__ */ new Set();
  for (const prefix of index.prefixes[ip.family]) {
    const list = index.networks[ip.family].get(`${prefix}/${networkOf(ip.family, ip.value, prefix)}`);
    if (list) for (const i of list) hits.add(i);
  }
  return hits.size === 0 ? index.always : merge(
    index.always,
    [...hits].sort((a, b) => a - b)
  );
}

// action/src/semantics/evaluate.ts
var EndpointError = class extends Error {
  name = "EndpointError";
};
function resolveParty(model, text) {
  const known = model.podsByKey.get(text);
  if (known)
    return known.resolved ??= { party: { kind: "pod", group: known.group, name: known.key, pod: known } };
  const ip = parseIp(text);
  if (ip) {
    const pod = model.podsByIp.get(ip.text);
    if (pod) return { party: { kind: "pod", group: pod.group, name: pod.key, pod }, ip };
    return { party: { kind: "external", ip, name: ip.text }, ip };
  }
  const hint = text.includes("/") ? "" : ' (write "namespace/pod" or an IP address)';
  throw new EndpointError(`unknown pod "${text}"${hint}`);
}
function primaryFamily(party2, given) {
  if (given) return given.family;
  if (party2.kind === "external") return party2.ip.family;
  return party2.pod?.ips[0]?.family;
}
function evaluate(model, probe) {
  const protocol = probe.protocol ?? "TCP";
  const src = resolveParty(model, probe.from);
  const dst = resolveParty(model, probe.to);
  const family = primaryFamily(dst.party, dst.ip) ?? primaryFamily(src.party, src.ip);
  const verdict = evaluateParties(model, src.party, dst.party, probe.port, protocol, family);
  const extra = [];
  for (const party2 of [src.party, dst.party]) {
    const finished = party2.kind === "external" ? model.finishedIps.get(party2.ip.text) : void 0;
    if (finished) {
      extra.push(
        `${party2.name} is listed only by finished pod ${finished.join(", ")}, which holds no IP; no running pod has it, so it is judged as outside the cluster`
      );
    }
  }
  return extra.length === 0 ? verdict : { ...verdict, notes: [...verdict.notes, ...extra] };
}
function evaluateParties(model, from, to, port, protocol, family) {
  if (from.kind === "external" && to.kind === "external") {
    throw new EndpointError(`${from.name} -> ${to.name}: at least one side must be a pod of the cluster`);
  }
  const egress = from.kind === "pod" ? direction(model, "egress", from.group, to, port, protocol, family) : EXTERNAL.egress;
  const ingress = to.kind === "pod" ? direction(model, "ingress", to.group, from, port, protocol, family) : EXTERNAL.ingress;
  const loopback = from.kind === "pod" && to.kind === "pod" && from.pod !== void 0 && from.pod === to.pod;
  const notes = egress.notes.length + ingress.notes.length === 0 && !loopback ? NO_NOTES : unique([...egress.notes, ...ingress.notes, ...loopback ? [LOOPBACK_NOTE] : []]);
  return {
    from: from.name,
    to: to.name,
    port,
    protocol,
    allowed: egress.allowed && ingress.allowed,
    egress,
    ingress,
    notes
  };
}
var NO_NOTES = [];
var LOOPBACK_NOTE = "a pod connecting to itself: NetworkPolicy leaves this undefined and CNIs differ (the upstream conformance tests ignore it); judged here like any other pair";
function isAllowed(model, from, to, port, protocol, family) {
  if (from.kind === "pod" && !direction(model, "egress", from.group, to, port, protocol, family).allowed)
    return false;
  return to.kind !== "pod" || direction(model, "ingress", to.group, from, port, protocol, family).allowed;
}
var EXTERNAL = {
  ingress: {
    direction: "ingress",
    outcome: "external",
    allowed: true,
    allowedBy: [],
    isolatedBy: [],
    notes: []
  },
  egress: {
    direction: "egress",
    outcome: "external",
    allowed: true,
    allowedBy: [],
    isolatedBy: [],
    notes: []
  }
};
function unique(list) {
  return [...new Set(list)];
}
var PROTOCOL_INDEX = { TCP: 0, UDP: 1, SCTP: 2 };
function direction(model, dir, self, peer, port, protocol, family) {
  const caches = self.verdicts ??= {
    ingress: /* @__PURE__ */ new Map(),
    egress: /* @__PURE__ */ new Map(),
    ingressExternal: /* @__PURE__ */ new Map(),
    egressExternal: /* @__PURE__ */ new Map()
  };
  const tail = (port * 3 + PROTOCOL_INDEX[protocol]) * 3 + (family === void 0 ? 0 : family === 4 ? 1 : 2);
  if (peer.kind === "pod") {
    const byTail = caches[dir];
    let cache2 = byTail.get(tail);
    if (!cache2) {
      cache2 = /* @__PURE__ */ new Map();
      byTail.set(tail, cache2);
    }
    let v2 = cache2.get(peer.group.id);
    if (!v2) {
      v2 = computeDirection(model, dir, self, peer, port, protocol, family);
      cache2.set(peer.group.id, v2);
    }
    return v2;
  }
  const cache = dir === "ingress" ? caches.ingressExternal : caches.egressExternal;
  const key2 = `${peer.ip.text}${peer.fqdn === void 0 ? "" : `@${peer.fqdn}`}|${tail}`;
  let v = cache.get(key2);
  if (!v) {
    v = computeDirection(model, dir, self, peer, port, protocol, family);
    cache.set(key2, v);
  }
  return v;
}
function policyRef(p) {
  return { namespace: p.namespace, name: p.name, ...p.source ? { source: p.source } : {} };
}
var NONE = Object.freeze([]);
var SCRATCH = [];
function computeDirection(model, dir, self, peer, port, protocol, family) {
  const isolating = isolatingPolicies(model, self)[dir];
  if (isolating.length === 0) {
    return {
      direction: dir,
      outcome: "not-isolated",
      allowed: true,
      allowedBy: NONE,
      isolatedBy: NONE,
      notes: NONE
    };
  }
  const destinationPorts = dir === "ingress" ? self.ports : peer.kind === "pod" ? peer.group.ports : void 0;
  const notes = SCRATCH;
  let allowedBy;
  let firm = false;
  let allowingNotes;
  let nearNotes;
  const judge = (policy, rule) => {
    notes.length = 0;
    const ports = rule.ports ? judgePorts(rule.ports, port, protocol, destinationPorts, model, notes) : "match";
    if (ports === "miss") return;
    const split = notes.length;
    const peers = rule.peers ? judgePeers(rule.peers, peer, family, model, notes) : "match";
    if (peers === "miss") return;
    if (ports !== "near" && peers !== "near") {
      (allowedBy ??= []).push(ruleRef(policy, rule, dir));
      if (notes.length === 0) firm = true;
      else if (!firm) (allowingNotes ??= []).push(...notes);
    } else if (allowedBy === void 0) {
      const from = ports === "near" ? 0 : split;
      const to = peers === "near" ? notes.length : split;
      for (let i = from; i < to; i++) (nearNotes ??= []).push(notes[i]);
    }
  };
  for (const policy of isolating) {
    const rules = dir === "ingress" ? policy.ingress : policy.egress;
    const candidates = candidateRules(rules, peer, family);
    if (candidates === void 0) for (const rule of rules) judge(policy, rule);
    else for (const i of candidates) judge(policy, rules[i]);
  }
  const ruleNotes = allowedBy ? firm ? void 0 : allowingNotes : nearNotes;
  const profile = model.profile;
  const sctp = protocol === "SCTP" && !profile.sctpSupported ? profile.notes["sctp"] ?? `${profile.name}: SCTP is not supported by this CNI` : void 0;
  return {
    direction: dir,
    outcome: allowedBy ? "allowed" : "denied",
    allowed: allowedBy !== void 0,
    allowedBy: allowedBy ?? NONE,
    isolatedBy: isolatingRefs(self, dir, isolating),
    notes: sctp !== void 0 ? unique([sctp, ...ruleNotes ?? []]) : ruleNotes === void 0 ? NONE : unique(ruleNotes)
  };
}
function fold(so, hit, notes, mark, before) {
  const noted = notes.length > before;
  if (hit && !noted) {
    notes.length = mark;
    return "match";
  }
  if (hit) {
    if (so !== "noted") {
      const note = notes[before];
      notes.length = mark;
      notes.push(note);
    }
    return "noted";
  }
  if (so === "noted") {
    notes.length = before;
    return so;
  }
  return noted ? "near" : so;
}
function judgePorts(ports, port, protocol, destinationPorts, model, notes) {
  const mark = notes.length;
  let so = "miss";
  for (let i = 0; i < ports.length && so !== "match"; i++) {
    const before = notes.length;
    const hit = portMatches(ports[i], port, protocol, destinationPorts, model, notes);
    so = fold(so, hit, notes, mark, before);
  }
  return so;
}
function judgePeers(peers, other, family, model, notes) {
  const mark = notes.length;
  let so = "miss";
  for (let i = 0; i < peers.length && so !== "match"; i++) {
    const before = notes.length;
    const hit = peerMatches(peers[i], other, family, model, notes);
    so = fold(so, hit, notes, mark, before);
  }
  return so;
}
function ruleRef(policy, rule, dir) {
  if (rule.ref) return rule.ref;
  const source = rule.origins[0] ?? policy.source;
  rule.ref = {
    namespace: policy.namespace,
    policy: policy.name,
    direction: dir,
    ruleIndex: rule.index,
    ...source ? { source } : {},
    ...rule.origins.length > 1 ? { origins: rule.origins } : {}
  };
  return rule.ref;
}
function isolatingRefs(group, dir, isolating) {
  const refs = group.isolatingRefs ??= {};
  return refs[dir] ??= isolating.map(policyRef);
}
function portMatches(entry, port, protocol, destinationPorts, model, notes) {
  if (entry.protocol !== protocol) return false;
  if (entry.name !== void 0) {
    return (destinationPorts ?? []).some(
      (cp) => cp.name === entry.name && (cp.protocol ?? "TCP") === protocol && cp.containerPort === port
    );
  }
  if (entry.port === void 0) return true;
  if (entry.endPort !== void 0 && entry.endPort > entry.port) {
    if (port === entry.port) return true;
    if (port < entry.port || port > entry.endPort) return false;
    const profile = model.profile;
    if (profile.endPortSupported) {
      notes?.push(
        profile.notes["endPort"] ?? `${profile.name}: port ${port} is allowed by the endPort range ${entry.port}-${entry.endPort}; a CNI without endPort support would match port ${entry.port} only`
      );
      return true;
    }
    notes?.push(
      profile.notes["endPort"] ?? `${profile.name}: endPort is not supported, so the range ${entry.port}-${entry.endPort} matches port ${entry.port} only`
    );
    return false;
  }
  return port === entry.port;
}
function peerMatches(peer, other, family, model, notes) {
  switch (peer.kind) {
    case "invalid":
      return false;
    case "fqdn": {
      if (other.kind !== "external" || other.fqdn === void 0) return false;
      const name2 = other.fqdn.toLowerCase().replace(/\.$/, "");
      return peer.patterns.some((p) => p.test(name2));
    }
    case "pods": {
      if (other.kind !== "pod") return false;
      const ns = other.group.namespace;
      const nsMatches = peer.namespaceSelector ? peer.namespaceSelector.matches(ns.labels) : ns.name === peer.policyNamespace;
      return nsMatches && (peer.podSelector ? peer.podSelector.matches(other.group.labels) : true);
    }
    case "ipBlock": {
      if (other.kind === "external") return ipBlockContains(peer.block, other.ip);
      if (family === void 0 || !other.group.ipBlocksByFamily[family].has(peer.block.id)) return false;
      const profile = model.profile;
      notes?.push(
        profile.notes["ipBlock"] ?? `${profile.name}: ipBlock ${profile.ipBlockMatchesPodIps ? "matches" : "does not match"} pod IPs`
      );
      return profile.ipBlockMatchesPodIps;
    }
  }
}

// action/src/semantics/synthetic-endpoints.ts
function endpointKey(e) {
  switch (e.kind) {
    case "service":
      return `svc:${e.namespace}/${e.service}`;
    case "namespace":
      return `ns:${e.namespace}`;
    case "cidr":
      return `cidr:${e.cidr}${e.except.length > 0 ? ` except ${[...e.except].sort().join(",")}` : ""}`;
    case "fqdn":
      return `fqdn:${e.fqdn.toLowerCase()}`;
  }
}
var EndpointList = class {
  list = [];
  byLabel = /* @__PURE__ */ new Map();
  add(e) {
    if (this.byLabel.has(e.label)) return;
    this.byLabel.set(e.label, e);
    this.list.push(e);
  }
  get(label) {
    return this.byLabel.get(label);
  }
};

// action/src/semantics/synthetic-addresses.ts
var INTERNET_V4 = ["203.0.113.77", "192.0.2.77", "198.18.0.77", "100.64.0.77", "8.8.4.77"];
var INTERNET_V6 = ["2001:db8:ffff::77", "3fff::77", "2001:4860::77", "fc00::77"];
function declaredAddresses(sides) {
  const cidrs = [];
  const seen = /* @__PURE__ */ new Set();
  const addCidr = (cidrText, except, key2) => {
    const cidr = parseCidr(cidrText);
    if (!cidr) return;
    const label = except.length > 0 ? `${cidrText} except ${[...except].sort().join(", ")}` : cidrText;
    if (seen.has(label)) return;
    seen.add(label);
    cidrs.push({
      label,
      cidr,
      except: except.map(parseCidr).filter((c) => c !== void 0),
      key: key2
    });
  };
  const fqdns = /* @__PURE__ */ new Map();
  for (const [, env] of sides) {
    for (const flow of env.flows) {
      for (const e of [flow.from, flow.to]) {
        if (e.kind === "cidr") addCidr(e.cidr, e.except, endpointKey(e));
        if (e.kind === "fqdn") fqdns.set(e.fqdn.toLowerCase(), endpointKey(e));
      }
    }
    for (const c of env.nodeCidrs) addCidr(c, [], `cidr:${c}`);
  }
  cidrs.sort((a, b) => a.label.localeCompare(b.label));
  return { cidrs, fqdns };
}
function addressEndpoints(endpoints, sides, externalPorts) {
  const exists = { base: sides.some(([s]) => s === "base"), head: sides.some(([s]) => s === "head") };
  const { cidrs, fqdns } = declaredAddresses(sides);
  const usedIps = /* @__PURE__ */ new Set();
  const addAddress = (label, ip, flowKeys, description, kind) => {
    if (usedIps.has(ip)) {
      const same = endpoints.list.find((e) => e.ip === ip);
      if (same) {
        for (const k of flowKeys) if (!same.flowKeys.includes(k)) same.flowKeys.push(k);
      }
      return;
    }
    usedIps.add(ip);
    endpoints.add({
      label,
      kind,
      pods: {},
      ip,
      exists: { ...exists },
      flowKeys,
      ports: externalPorts.list(),
      description
    });
  };
  for (const d of cidrs) {
    const rep = representativeAddress(d.cidr, d.except);
    if (rep) addAddress(d.label, rep.text, [d.key], `an address in ${d.label} (${rep.text})`, "external");
    for (const e of d.except) {
      const inner = representativeAddress(e);
      if (inner)
        addAddress(
          e.text,
          inner.text,
          [],
          `an address in ${e.text}, excepted from ${d.cidr.text} (${inner.text})`,
          "external"
        );
    }
  }
  const covered = (ip) => {
    const parsed = parseIp(ip);
    return parsed !== void 0 && cidrs.some((d) => cidrContains(d.cidr, parsed));
  };
  const internet4 = INTERNET_V4.find((ip) => !covered(ip)) ?? INTERNET_V4[0];
  addAddress("internet", internet4, [], `any address the intent does not declare (${internet4})`, "internet");
  if (cidrs.some((d) => d.cidr.family === 6)) {
    const internet6 = INTERNET_V6.find((ip) => !covered(ip)) ?? INTERNET_V6[0];
    addAddress(
      "internet (IPv6)",
      internet6,
      [],
      `any IPv6 address the intent does not declare (${internet6})`,
      "internet"
    );
  }
  for (const fqdn of [...fqdns.keys()].sort()) {
    endpoints.add({
      label: fqdn,
      kind: "fqdn",
      pods: {},
      ip: internet4,
      // A name the pattern covers: "*.example.com" stands for "wildcard.example.com".
      fqdn: fqdn.replace(/\*/g, "wildcard"),
      exists: { ...exists },
      flowKeys: [fqdns.get(fqdn)],
      ports: externalPorts.list(),
      description: `the addresses of ${fqdn}`
    });
  }
}

// action/src/semantics/synthetic-ports.ts
function portProbe(p) {
  if (p.port === void 0) return void 0;
  if (p.endPort !== void 0 && p.endPort > p.port) {
    return { protocol: p.protocol, ports: [p.port, p.endPort], label: `${p.port}-${p.endPort}` };
  }
  return { protocol: p.protocol, ports: [p.port], label: String(p.port) };
}
var PortSet = class {
  byKey = /* @__PURE__ */ new Map();
  add(p) {
    if (p) this.byKey.set(`${p.protocol}/${p.label}`, p);
  }
  list() {
    return [...this.byKey.values()].sort(
      (a, b) => (a.ports[0] ?? 0) - (b.ports[0] ?? 0) || a.protocol.localeCompare(b.protocol) || a.label.localeCompare(b.label)
    );
  }
};
function portPlan(present, mentioned) {
  const allRanges = [...mentioned, { protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }];
  for (const env of present) {
    for (const ns of env.namespaces) for (const svc of ns.services) allRanges.push(...svc.ports);
    for (const flow of env.flows) allRanges.push(...flow.ports);
  }
  const protocols = ["TCP", "UDP"];
  if (allRanges.some((r) => r.protocol === "SCTP")) protocols.push("SCTP");
  const otherPort = pickOtherPort(allRanges);
  const otherPorts = protocols.map((protocol) => ({ protocol, ports: [otherPort], label: "*" }));
  const externalPorts = new PortSet();
  for (const env of present) {
    for (const flow of env.flows) {
      if (flow.to.kind === "cidr" || flow.to.kind === "fqdn")
        for (const p of flow.ports) externalPorts.add(portProbe(p));
    }
  }
  for (const p of otherPorts) externalPorts.add(p);
  return { otherPorts, externalPorts };
}
function pickOtherPort(ranges) {
  const taken = (n) => ranges.some(
    (r) => r.port !== void 0 && n >= r.port && n <= (r.endPort !== void 0 && r.endPort > r.port ? r.endPort : r.port)
  );
  for (const candidate of [65e3, 64999, 6e4, 5e4, 4e4, 3e4, 2e4, 1e4, 5e3, 1e3, 100, 7]) {
    if (!taken(candidate)) return candidate;
  }
  for (let n = 65535; n >= 1; n--) if (!taken(n)) return n;
  return 65535;
}

// action/src/semantics/synthetic-pods.ts
function namespaceObject(name2, labels = {}) {
  return {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: name2, labels: { ...labels, [METADATA_NAME_LABEL]: name2 } }
  };
}
function namespaceObjects(sides) {
  const objects = { base: /* @__PURE__ */ new Map(), head: /* @__PURE__ */ new Map() };
  const declared = /* @__PURE__ */ new Set();
  for (const [side, env] of sides) {
    for (const ns of env.namespaces) {
      declared.add(ns.name);
      objects[side].set(ns.name, namespaceObject(ns.name, ns.labels));
    }
    if (!objects[side].has(env.dns.namespace))
      objects[side].set(env.dns.namespace, namespaceObject(env.dns.namespace));
  }
  let other = "other";
  for (let i = 1; declared.has(other); i++) other = `other-${i}`;
  for (const [side] of sides) objects[side].set(other, namespaceObject(other));
  return { objects, declared, other };
}
function makePod(namespace, name2, labels, ports) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { namespace, name: name2, labels },
    spec: { containers: [{ name: "main", ports }] }
  };
}
function containerPorts(ports) {
  return ports.map((p) => ({
    containerPort: p.port,
    protocol: p.protocol,
    ...p.name !== void 0 ? { name: p.name } : {}
  }));
}
function podEndpoints(endpoints, sides, namespaces, otherPorts) {
  serviceEndpoints(endpoints, sides, otherPorts);
  namespaceEndpoints(endpoints, sides, namespaces.declared, otherPorts);
  dnsEndpoints(endpoints, sides, otherPorts);
  const onSide = (side) => sides.some(([s]) => s === side);
  const pod = () => makePod(namespaces.other, "other", {}, []);
  endpoints.add({
    label: "(other namespace)",
    kind: "other-namespace",
    pods: { ...onSide("base") ? { base: pod() } : {}, ...onSide("head") ? { head: pod() } : {} },
    exists: { base: onSide("base"), head: onSide("head") },
    flowKeys: [],
    ports: otherPorts,
    description: "a pod in a namespace the intent does not declare"
  });
}
function serviceEndpoints(endpoints, sides, otherPorts) {
  const names = /* @__PURE__ */ new Set();
  for (const [, env] of sides)
    for (const ns of env.namespaces) for (const s of ns.services) names.add(`${ns.name}/${s.name}`);
  for (const key2 of [...names].sort()) {
    const [nsName, svcName] = key2.split("/");
    const pods = {};
    const ports = new PortSet();
    for (const [side, env] of sides) {
      const svc = env.namespaces.find((n) => n.name === nsName)?.services.find((s) => s.name === svcName);
      if (!svc) continue;
      pods[side] = makePod(nsName, `svc.${svcName}`, svc.labels, containerPorts(svc.ports));
      for (const p of svc.ports) ports.add(portProbe(p));
    }
    for (const p of otherPorts) ports.add(p);
    endpoints.add({
      label: key2,
      kind: "service",
      pods,
      exists: { base: pods.base !== void 0, head: pods.head !== void 0 },
      flowKeys: [`svc:${key2}`],
      ports: ports.list(),
      description: `service ${key2}`
    });
  }
}
function namespaceEndpoints(endpoints, sides, declared, otherPorts) {
  const flowPorts = /* @__PURE__ */ new Map();
  const podLabelsOf = /* @__PURE__ */ new Map();
  for (const [, env] of sides) {
    for (const flow of env.flows) {
      for (const e of [flow.from, flow.to]) {
        if (e.kind !== "namespace") continue;
        if (e.podLabels && Object.keys(e.podLabels).length > 0) podLabelsOf.set(e.namespace, e.podLabels);
      }
      if (flow.to.kind === "namespace") {
        const set = flowPorts.get(flow.to.namespace) ?? new PortSet();
        for (const p of flow.ports) set.add(portProbe(p));
        flowPorts.set(flow.to.namespace, set);
      }
    }
  }
  const envOf = (side) => sides.find(([s]) => s === side)?.[1];
  for (const nsName of [...declared].sort()) {
    const existsOn = (side) => envOf(side)?.namespaces.some((n) => n.name === nsName) ?? false;
    const exists = { base: existsOn("base"), head: existsOn("head") };
    const podsOn = (name2, labels) => ({
      ...exists.base ? { base: makePod(nsName, name2, labels, []) } : {},
      ...exists.head ? { head: makePod(nsName, name2, labels, []) } : {}
    });
    const ports = flowPorts.get(nsName) ?? new PortSet();
    for (const p of otherPorts) ports.add(p);
    const podLabels = podLabelsOf.get(nsName);
    if (podLabels) {
      endpoints.add({
        label: `ns:${nsName}`,
        kind: "namespace",
        pods: podsOn("ns.selected", podLabels),
        exists: { ...exists },
        flowKeys: [`ns:${nsName}`],
        ports: ports.list(),
        description: `the pods of ${nsName} with ${Object.entries(podLabels).map(([k, v]) => `${k}=${v}`).join(",")}`
      });
    }
    endpoints.add({
      label: podLabels ? `${nsName}/(other pods)` : `ns:${nsName}`,
      kind: "namespace",
      pods: podsOn("ns.other-pods", {}),
      exists: { ...exists },
      flowKeys: podLabels ? [] : [`ns:${nsName}`],
      ports: (podLabels ? new PortSet() : ports).list().concat(podLabels ? otherPorts : []),
      description: `a pod of ${nsName} that no declared service selects`
    });
  }
}
function dnsEndpoints(endpoints, sides, otherPorts) {
  for (const [side, env] of sides) {
    const label = `${env.dns.namespace}/${env.dns.podLabels["k8s-app"] ?? "dns"}`;
    const existing = endpoints.get(label);
    const pod = makePod(
      env.dns.namespace,
      "dns",
      env.dns.podLabels,
      ["UDP", "TCP"].map((protocol) => ({
        name: protocol === "UDP" ? "dns" : "dns-tcp",
        containerPort: 53,
        protocol
      }))
    );
    if (existing?.kind === "dns") {
      existing.pods[side] = pod;
      existing.exists[side] = true;
      continue;
    }
    if (existing) continue;
    endpoints.add({
      label,
      kind: "dns",
      pods: { [side]: pod },
      exists: { base: side === "base", head: side === "head" },
      flowKeys: [],
      ports: [
        { protocol: "UDP", ports: [53], label: "53" },
        { protocol: "TCP", ports: [53], label: "53" },
        ...otherPorts
      ],
      description: `the DNS pods in ${env.dns.namespace}`
    });
  }
}

// action/src/semantics/synthetic-inventory.ts
var HEAD_ONLY = /* @__PURE__ */ new WeakMap();
function syntheticInventory(base, head, mentioned = []) {
  const shared = base === void 0 && head !== void 0 && mentioned.length === 0;
  const known = shared ? HEAD_ONLY.get(head) : void 0;
  if (known) return known;
  const sides = [];
  if (base) sides.push(["base", base]);
  if (head) sides.push(["head", head]);
  const ports = portPlan(
    sides.map(([, env]) => env),
    mentioned
  );
  const namespaces = namespaceObjects(sides);
  const endpoints = new EndpointList();
  podEndpoints(endpoints, sides, namespaces, ports.otherPorts);
  addressEndpoints(endpoints, sides, ports.externalPorts);
  const inventory = {
    endpoints: endpoints.list,
    namespaces: { base: [...namespaces.objects.base.values()], head: [...namespaces.objects.head.values()] }
  };
  if (shared) HEAD_ONLY.set(head, inventory);
  return inventory;
}

// action/src/semantics/verdict-inputs.ts
function sortedEntries(record) {
  return Object.keys(record).sort().map((k) => [k, record[k]]);
}
var VerdictInputs = class {
  /** Policies by content (kind, namespace, spec), numbered in the order first read. */
  contents = /* @__PURE__ */ new Map();
  policies = /* @__PURE__ */ new Map();
  policyNumber(p) {
    let n = this.policies.get(p);
    if (n === void 0) {
      const text = JSON.stringify([p.original.kind, p.namespace, p.original.spec]);
      n = this.contents.get(text);
      if (n === void 0) {
        n = this.contents.size;
        this.contents.set(text, n);
      }
      this.policies.set(p, n);
    }
    return n;
  }
  /** What a verdict reads of a pod of `model`. */
  pod(model, pod) {
    const group = pod.group;
    const isolating = isolatingPolicies(model, group);
    const blocks = (family) => [...group.ipBlocksByFamily[family]].map((id) => model.ipBlocks[id]?.text ?? "").sort();
    return {
      what: JSON.stringify([
        group.namespace.name,
        sortedEntries(group.namespace.labels),
        sortedEntries(pod.labels),
        pod.ports.map((p) => [p.name ?? "", p.protocol ?? "TCP", p.containerPort]).sort(),
        blocks(4),
        blocks(6)
      ]),
      egress: isolating.egress.map((p) => this.policyNumber(p)).join(","),
      ingress: isolating.ingress.map((p) => this.policyNumber(p)).join(",")
    };
  }
  /** What a verdict reads of an address outside the cluster (no policy applies there). */
  address(ip, fqdn) {
    return { what: JSON.stringify([ip.text, fqdn ?? null]), egress: "", ingress: "" };
  }
};

// action/src/semantics/diff.ts
function policiesOfBundle(bundle) {
  const policies = [];
  const ciliumPolicies = [];
  for (const obj of bundle?.objects ?? []) {
    if (obj.manifest.kind === "NetworkPolicy") {
      policies.push({ policy: obj.manifest, ...obj.ruleOrigins ? { ruleOrigins: obj.ruleOrigins } : {} });
    } else if (obj.manifest.kind === "CiliumNetworkPolicy") {
      ciliumPolicies.push({
        policy: obj.manifest,
        ...obj.ruleOrigins ? { ruleOrigins: obj.ruleOrigins } : {}
      });
    }
  }
  return { policies, ciliumPolicies };
}
function mentionedPorts(bundles) {
  const out = [];
  for (const b of bundles) {
    for (const obj of b?.objects ?? []) {
      if (obj.manifest.kind !== "NetworkPolicy") continue;
      for (const rule of [...obj.manifest.spec.ingress ?? [], ...obj.manifest.spec.egress ?? []]) {
        for (const p of rule.ports ?? []) {
          if (typeof p.port === "number") {
            out.push({
              protocol: p.protocol ?? "TCP",
              port: p.port,
              ...p.endPort !== void 0 ? { endPort: p.endPort } : {}
            });
          }
        }
      }
    }
  }
  return out;
}
function allowed(s) {
  return s.kind === "judged" && s.verdict.allowed;
}
function merelyOpen(v) {
  return v.egress.allowedBy.length === 0 && v.ingress.allowedBy.length === 0;
}
function classify(j, pickSource, absentReason, absentSummary = absentReason) {
  const a = allowed(j.base);
  const b = allowed(j.head);
  if (a === b) return void 0;
  const change = b ? "added" : "removed";
  const now = change === "added" ? j.head : j.base;
  const before = change === "added" ? j.base : j.head;
  const nowSide = change === "added" ? "head" : "base";
  const beforeSide = change === "added" ? "base" : "head";
  if (before.kind === "absent" && merelyOpen(now.verdict)) return void 0;
  const rule = responsibleRule(now.verdict, before);
  const ruleRef2 = rule ? (() => {
    const source = pickSource(nowSide, rule);
    const { origins: _origins, ...rest } = rule;
    return { ...rest, ...source ? { source } : {} };
  })() : void 0;
  const portText2 = `${j.portLabel === "*" ? "any other port" : j.portLabel}/${j.protocol}`;
  const allowedText = describeAllowed(now.verdict, j.from, j.to, portText2, ruleRef2);
  const otherText = before.kind === "absent" ? absentReason(beforeSide) : describeBlocked(before.verdict, j.from, j.to, portText2);
  const explanation = change === "added" ? `now allowed: ${allowedText}; before: ${otherText}` : `now ${otherText}; before: allowed: ${allowedText}`;
  const cause = before.kind === "absent" ? "endpoint" : "rules";
  return {
    change,
    from: j.from,
    to: j.to,
    port: j.portLabel,
    protocol: j.protocol,
    ...ruleRef2 ? { rule: ruleRef2 } : {},
    explanation,
    summary: before.kind === "absent" ? absentSummary(beforeSide) : change === "added" ? allowedSummary(now.verdict, before.verdict) : blockedSummary(before.verdict),
    cause
  };
}
function allowedSummary(now, before) {
  const opened = [now.egress, now.ingress].filter((d) => d.allowedBy.length > 0 && !before[d.direction].allowed).map((d) => d.direction);
  if (opened.length === 0) return "no longer isolated";
  return opened.length === 1 ? `an ${opened[0]} rule now allows it` : `${opened.join(" and ")} rules now allow it`;
}
function blockedSummary(v) {
  const denied = [v.egress, v.ingress].filter((d) => !d.allowed).map((d) => d.direction);
  return `no ${denied.join(" or ")} rule allows it now`;
}
function responsibleRule(now, before) {
  const dirs = ["egress", "ingress"];
  for (const d of dirs) {
    const n = now[d];
    if (n.allowedBy.length === 0) continue;
    if (before.kind === "absent" || !before.verdict[d].allowed) return n.allowedBy[0];
  }
  for (const d of dirs) if (now[d].allowedBy.length > 0) return now[d].allowedBy[0];
  return void 0;
}
function describeAllowed(v, from, to, portText2, rule) {
  const parts = [];
  for (const d of [v.egress, v.ingress]) {
    if (d.outcome === "external") continue;
    const subject = d.direction === "egress" ? from : to;
    if (d.outcome === "allowed") {
      const shown = rule && rule.direction === d.direction ? rule : d.allowedBy[0];
      parts.push(`${d.direction} at ${subject} by ${shown ? formatRule(shown) : "a rule"}`);
    } else parts.push(explainDirection(d, subject, d.direction === "egress" ? to : from, portText2));
  }
  return parts.join(", ");
}
function describeBlocked(v, from, to, portText2) {
  const denied = [v.egress, v.ingress].filter((d) => !d.allowed);
  if (denied.length === 0) return "allowed";
  return `blocked: ${denied.map((d) => {
    const subject = d.direction === "egress" ? from : to;
    return `${d.direction} at ${subject} isolated by ${d.isolatedBy.map(formatPolicy).join(", ")} with no rule for ${portText2}`;
  }).join("; ")}`;
}
function endpointPhrase(e) {
  switch (e.kind) {
    case "service":
      return `service ${e.label}`;
    case "namespace":
      return `namespace ${e.label.replace(/^ns:/, "").replace(/\/\(other pods\)$/, "")}`;
    default:
      return e.description;
  }
}
function builtinOf(src, dst, c, envs) {
  if (dst.kind === "dns" || c.rule?.policy === ALLOW_DNS_NAME) return "dns";
  const nodeCidrs = /* @__PURE__ */ new Set([...envs.base?.nodeCidrs ?? [], ...envs.head?.nodeCidrs ?? []]);
  if (src.kind === "external" && nodeCidrs.has(src.label)) return "node-cidrs";
  return void 0;
}
function portNameOf(dst, c, envs) {
  if (dst.kind !== "service") return void 0;
  const [nsName, svcName] = dst.label.split("/");
  for (const side of c.change === "added" ? ["head", "base"] : ["base", "head"]) {
    const svc = envs[side]?.namespaces.find((n) => n.name === nsName)?.services.find((x) => x.name === svcName);
    const port = svc?.ports.find(
      (p) => p.name !== void 0 && p.protocol === c.protocol && (p.endPort !== void 0 && p.endPort !== p.port ? `${p.port}-${p.endPort}` : String(p.port)) === c.port
    );
    if (port?.name) return port.name;
  }
  return void 0;
}
function compareChanges(a, b) {
  const portNum = (p) => p === "*" ? 7e4 : Number(p.split("-")[0]);
  return (a.change === b.change ? 0 : a.change === "added" ? -1 : 1) || cmp(a.from, b.from) || cmp(a.to, b.to) || portNum(a.port) - portNum(b.port) || cmp(a.protocol, b.protocol) || cmp(a.port, b.port);
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function sourceKey(s) {
  return `${s.file}:${s.line}:${s.column}`;
}
function alikeOnBothSides(models, parties) {
  const { base, head } = models;
  const asSource = [];
  const asDestination = [];
  if (!base || !head || JSON.stringify(base.profile) !== JSON.stringify(head.profile))
    return { asSource, asDestination };
  const inputs = new VerdictInputs();
  const read = (model, party2) => {
    if (party2?.kind === "external") return inputs.address(party2.ip, party2.fqdn);
    return party2?.pod ? inputs.pod(model, party2.pod) : void 0;
  };
  parties.base.forEach((party2, i) => {
    const b = read(base, party2);
    const h = read(head, parties.head[i]);
    const same = b !== void 0 && h !== void 0 && b.what === h.what;
    asSource.push(same && b.egress === h.egress);
    asDestination.push(same && b.ingress === h.ingress);
  });
  return { asSource, asDestination };
}
function familyOf(from, to) {
  return from?.kind === "external" ? from.ip.family : to?.kind === "external" ? to.ip.family : void 0;
}
function allowedOn(model, [from, to], port, protocol) {
  return model !== void 0 && from !== void 0 && to !== void 0 && isAllowed(model, from, to, port, protocol, familyOf(from, to));
}
function diffEnvironments(base, head, compiled = {}) {
  const bundles = {
    base: base ? compiled.base ?? compileEnvironment(base) : void 0,
    head: head ? compiled.head ?? compileEnvironment(head) : void 0
  };
  return diffCompiled({ base, head, bundles });
}
function diffCompiled(input) {
  const { base, head, bundles } = input;
  const environment = head?.name ?? base?.name ?? "";
  const inventory = syntheticInventory(base, head, mentionedPorts([bundles.base, bundles.head]));
  const envs = { base, head };
  const models = { base: void 0, head: void 0 };
  for (const side of ["base", "head"]) {
    const env = envs[side];
    if (!env) continue;
    const { policies, ciliumPolicies } = policiesOfBundle(bundles[side]);
    models[side] = buildModel({
      pods: inventory.endpoints.map((e) => e.pods[side]).filter((p) => p !== void 0),
      namespaces: inventory.namespaces[side],
      policies,
      ciliumPolicies,
      profile: env.profile
    });
  }
  const flowsBySource = { base: /* @__PURE__ */ new Map(), head: /* @__PURE__ */ new Map() };
  for (const side of ["base", "head"])
    for (const f of envs[side]?.flows ?? []) flowsBySource[side].set(sourceKey(f.source), f);
  const party2 = (side, e) => {
    const model = models[side];
    if (!model || !e.exists[side]) return void 0;
    const pod = e.pods[side];
    if (pod) {
      const info = model.podsByKey.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
      return info ? { kind: "pod", group: info.group, name: e.label, pod: info } : void 0;
    }
    const ip = e.ip ? parseIp(e.ip) : void 0;
    if (!ip) return void 0;
    return { kind: "external", ip, name: e.label, ...e.fqdn !== void 0 ? { fqdn: e.fqdn } : {} };
  };
  const endpoints = inventory.endpoints;
  const parties = {
    base: endpoints.map((e) => party2("base", e)),
    head: endpoints.map((e) => party2("head", e))
  };
  const alike = alikeOnBothSides(models, parties);
  const changes = [];
  const everyIndex = endpoints.map((_, j) => j);
  const inClusterIndex = everyIndex.filter((j) => endpoints[j]?.ip === void 0);
  endpoints.forEach((src, i) => {
    if (src.kind === "fqdn") return;
    for (const j of src.ip !== void 0 ? inClusterIndex : everyIndex) {
      const dst = endpoints[j];
      if (src.ip !== void 0 && dst.ip !== void 0) continue;
      if (alike.asSource[i] && alike.asDestination[j]) continue;
      const pair = {
        base: [parties.base[i], parties.base[j]],
        head: [parties.head[i], parties.head[j]]
      };
      for (const probe of dst.ports) {
        let differs = false;
        for (const port of probe.ports)
          differs ||= allowedOn(models.base, pair.base, port, probe.protocol) !== allowedOn(models.head, pair.head, port, probe.protocol);
        if (!differs) continue;
        const state = (side, port) => {
          const [f, t] = pair[side];
          if (!f || !t) return { kind: "absent" };
          return {
            kind: "judged",
            verdict: evaluateParties(models[side], f, t, port, probe.protocol, familyOf(f, t))
          };
        };
        const judged = probe.ports.map((port) => ({
          from: src.label,
          to: dst.label,
          portLabel: String(port),
          protocol: probe.protocol,
          base: state("base", port),
          head: state("head", port)
        }));
        const first = judged[0];
        const agree = judged.every(
          (j2) => allowed(j2.base) === allowed(first.base) && allowed(j2.head) === allowed(first.head)
        );
        const list = agree ? [{ ...first, portLabel: probe.label }] : judged;
        const pickSource = (side, rule) => {
          const candidates = rule.origins ?? (rule.source ? [rule.source] : []);
          for (const c of candidates) {
            const flow = flowsBySource[side].get(sourceKey(c));
            if (flow && src.flowKeys.includes(endpointKey(flow.from)) && dst.flowKeys.includes(endpointKey(flow.to)))
              return c;
          }
          return candidates[0];
        };
        const absentReason = (side) => {
          if (!envs[side]) return `environment ${environment} does not exist in ${side}`;
          const missing = [src, dst].filter((e) => !e.exists[side]).map((e) => e.description);
          return `${missing.join(" and ")} ${missing.length > 1 ? "do" : "does"} not exist in ${side}`;
        };
        const absentSummary = (side) => {
          const gone = side === "base" ? "new" : "removed";
          if (!envs[side]) return `${gone} environment`;
          const missing = [src, dst].filter((e) => !e.exists[side]).map(endpointPhrase);
          return side === "base" ? `new ${missing.join(" and ")}` : `${missing.join(" and ")} removed`;
        };
        for (const j2 of list) {
          const c = classify(j2, pickSource, absentReason, absentSummary);
          if (!c) continue;
          c.fromKind = src.kind;
          c.toKind = dst.kind;
          const builtin = builtinOf(src, dst, c, envs);
          if (builtin) c.builtin = builtin;
          const portName = portNameOf(dst, c, envs);
          if (portName) c.portName = portName;
          changes.push(c);
        }
      }
    }
  });
  changes.sort(compareChanges);
  const services = (env) => new Set(env?.namespaces.flatMap((n) => n.services.map((s) => `${n.name}/${s.name}`)) ?? []);
  const namespaces = (env) => new Set(env?.namespaces.map((n) => n.name) ?? []);
  const added = (a, b) => [...b].filter((x) => !a.has(x)).sort();
  return {
    environment,
    changes,
    workloads: {
      added: added(services(base), services(head)),
      removed: added(services(head), services(base))
    },
    namespaces: {
      added: added(namespaces(base), namespaces(head)),
      removed: added(namespaces(head), namespaces(base))
    }
  };
}

// action/src/flows/judge.ts
var UNNAMED_PUBLIC = "203.0.113.77";
var UNNAMED_PRIVATE = "10.255.255.77";
function standInKey(endpoint) {
  return endpoint.side.kind === "pod" ? `${endpoint.side.namespace}/observed-${endpoint.id}` : void 0;
}
function judgeFlows(input) {
  const pods = [];
  const seen = /* @__PURE__ */ new Set();
  for (const flow of input.flows) {
    for (const endpoint of [flow.from, flow.to]) {
      if (endpoint.side.kind !== "pod" || seen.has(endpoint.id)) continue;
      seen.add(endpoint.id);
      pods.push({
        apiVersion: "v1",
        kind: "Pod",
        metadata: {
          namespace: endpoint.side.namespace,
          name: `observed-${endpoint.id}`,
          labels: { ...endpoint.side.labels }
        },
        spec: { containers: [{ name: "main", ports: input.portsOf?.(endpoint) ?? [] }] },
        status: { phase: "Running" }
      });
    }
  }
  const model = buildModel({
    pods,
    namespaces: input.namespaces ?? [],
    policies: input.policies,
    ...input.ciliumPolicies ? { ciliumPolicies: input.ciliumPolicies } : {},
    profile: input.profile
  });
  const judged = [];
  for (const flow of input.flows) {
    const notes = [];
    if (flow.from.side.kind === "node" && flow.to.side.kind === "pod" && input.profile.kubeletHealthCheckSource === "host") {
      notes.push(input.profile.notes["healthChecks"] ?? "the CNI admits traffic from a pod's own node");
      judged.push({ flow, notes });
      continue;
    }
    const from = party(flow.from, flow.examples.fromIps, input, notes);
    const to = party(flow.to, flow.examples.toIps, input, notes);
    try {
      judged.push({
        flow,
        verdict: evaluate(model, { from, to, port: flow.port, protocol: flow.protocol }),
        notes
      });
    } catch (error) {
      if (!(error instanceof EndpointError)) throw error;
      notes.push("neither side is a pod: no NetworkPolicy applies");
      judged.push({ flow, notes });
    }
  }
  return { judged, model };
}
function party(endpoint, ips, input, notes) {
  const side = endpoint.side;
  switch (side.kind) {
    case "pod":
      return standInKey(endpoint);
    case "address":
      if (side.ip !== void 0) return side.ip;
      notes.push(
        `the source gave no address for ${endpoint.label}: judged as ${side.name === "pvt" ? UNNAMED_PRIVATE : UNNAMED_PUBLIC}`
      );
      return side.name === "pvt" ? UNNAMED_PRIVATE : UNNAMED_PUBLIC;
    case "node": {
      const ip = ips[0] ?? input.nodeAddress;
      if (ip !== void 0) return ip;
      notes.push(`no address for the node: judged as ${UNNAMED_PRIVATE}, outside every nodeCidr`);
      return UNNAMED_PRIVATE;
    }
  }
}

// action/src/flows/gap.ts
function serviceFor(env, namespace, labels) {
  const ns = env.namespaces.find((n) => n.name === namespace);
  let best;
  for (const svc of ns?.services ?? []) {
    const keys = Object.keys(svc.labels);
    if (keys.length === 0 || !keys.every((k) => labels[k] === svc.labels[k])) continue;
    if (!best || keys.length > Object.keys(best.labels).length) best = svc;
  }
  return best;
}
function intentName(env, endpoint) {
  const side = endpoint.side;
  switch (side.kind) {
    case "pod": {
      const service = serviceFor(env, side.namespace, side.labels);
      if (service) return { kind: "service", service, text: `${service.namespace}/${service.name}` };
      const ns = env.namespaces.find((n) => n.name === side.namespace);
      const labels = Object.entries(side.labels).map(([k, v]) => `${k}=${v}`);
      return {
        kind: "namespace",
        namespace: side.namespace,
        declared: ns !== void 0,
        managed: ns?.managed ?? false,
        // The pods no service selects, by the labels they were seen with.
        text: `${side.namespace}/*${labels.length > 0 ? ` (${labels.join(",")})` : ""}`
      };
    }
    case "node":
      return { kind: "node", text: "node" };
    case "address":
      return { kind: "address", ...side.ip !== void 0 ? { ip: side.ip } : {}, text: endpoint.label };
  }
}
function portText(flow) {
  return flow.protocol === "TCP" ? `${flow.port}` : `${flow.port}/${flow.protocol.toLowerCase()}`;
}
function hostCidr(ip) {
  return ip.includes(":") ? `[${ip}/128]` : `${ip}/32`;
}
function suggest(env, flow, from, to) {
  const needs = [];
  const sideText = (name2, role) => {
    switch (name2.kind) {
      case "service":
        return name2.text;
      case "namespace":
        if (!name2.declared) needs.push(`namespaces: ${name2.namespace}: { managed: false }`);
        else if (name2.managed) {
          needs.push(
            `a service in ${name2.namespace} for the pods with ${labelsOf(role === "from" ? flow.from : flow.to)} would be narrower than the whole namespace`
          );
        }
        return `${name2.namespace}/*`;
      case "address":
        return name2.ip !== void 0 ? hostCidr(name2.ip) : void 0;
      case "node":
        return void 0;
    }
  };
  if (from.kind === "node" || to.kind === "node") {
    const ip = flow.examples.fromIps[0];
    if (from.kind === "node" && to.kind === "service" && ip)
      return {
        line: `nodeCidrs: [${ip}/32]`,
        file: env.source.file,
        needs: [`kubelet health checks come from the node: add its network to nodeCidrs`]
      };
    return {
      unexpressible: "traffic of a node (not a pod) is not a flow the intent declares; kubelet health checks come from nodeCidrs"
    };
  }
  const manageable = (n) => n.kind === "service" || n.kind === "namespace" && n.managed;
  if (!manageable(from) && !manageable(to))
    return {
      unexpressible: "neither side is a service or a managed namespace: no policy of this environment selects it"
    };
  const source = sideText(from, "from");
  const destination = sideText(to, "to");
  if (source === void 0 || destination === void 0)
    return { unexpressible: "the record gives no address for the outside side" };
  if (to.kind === "service" && !servicePortDeclared(to.service, flow))
    needs.push(`${to.text} declares no port ${portText(flow)}: add it to its ports`);
  return { line: `${source} -> ${destination}:${portText(flow)}`, file: env.source.file, needs };
}
function labelsOf(endpoint) {
  if (endpoint.side.kind !== "pod") return endpoint.label;
  const entries = Object.entries(endpoint.side.labels);
  return entries.length === 0 ? "no labels" : `{ ${entries.map(([k, v]) => `${k}: ${v}`).join(", ")} }`;
}
function servicePortDeclared(service, flow) {
  return service.ports.some(
    (p) => p.protocol === flow.protocol && p.port <= flow.port && flow.port <= (p.endPort ?? p.port)
  );
}
function endpointMatches(e, env, endpoint) {
  const side = endpoint.side;
  switch (e.kind) {
    case "service": {
      if (side.kind !== "pod" || side.namespace !== e.namespace) return false;
      const svc = env.namespaces.find((n) => n.name === e.namespace)?.services.find((s) => s.name === e.service);
      return svc !== void 0 && Object.entries(svc.labels).every(([k, v]) => side.labels[k] === v);
    }
    case "namespace":
      return side.kind === "pod" && side.namespace === e.namespace && Object.entries(e.podLabels ?? {}).every(([k, v]) => side.labels[k] === v);
    case "cidr": {
      if (side.kind !== "address" || side.ip === void 0) return false;
      const ip = parseIp(side.ip);
      const cidr = parseCidr(e.cidr);
      if (!ip || !cidr || !cidrContains(cidr, ip)) return false;
      return !e.except.some((x) => {
        const c = parseCidr(x);
        return c !== void 0 && cidrContains(c, ip);
      });
    }
    case "fqdn":
      return false;
  }
}
function portMatches2(ports, flow) {
  if (ports.length === 0) return true;
  return ports.some(
    (p) => p.protocol === flow.protocol && (p.port === void 0 || p.port <= flow.port && flow.port <= (p.endPort ?? p.port))
  );
}
function portsOf(env) {
  return (endpoint) => {
    if (endpoint.side.kind !== "pod") return [];
    const svc = serviceFor(env, endpoint.side.namespace, endpoint.side.labels);
    return (svc?.ports ?? []).map((p) => ({
      containerPort: p.port,
      protocol: p.protocol,
      ...p.name !== void 0 ? { name: p.name } : {}
    }));
  };
}
function intentNamespaces(env) {
  return env.namespaces.map((ns) => ({
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name: ns.name, labels: { ...ns.labels } }
  }));
}
function wentThrough(flow) {
  return flow.passed || flow.connections.allowed > 0 || flow.connections.audit > 0;
}
function gapReport(env, bundle, summary) {
  const passing = summary.flows.filter(wentThrough);
  const { policies, ciliumPolicies } = policiesOfBundle(bundle);
  const nodeCidr = env.nodeCidrs[0];
  const { judged } = judgeFlows({
    flows: passing,
    policies,
    ciliumPolicies,
    profile: env.profile,
    namespaces: intentNamespaces(env),
    portsOf: portsOf(env),
    ...nodeCidr ? { nodeAddress: nodeCidr.split("/")[0] } : {}
  });
  const notes = /* @__PURE__ */ new Set();
  const blocked = [];
  const used = /* @__PURE__ */ new Set();
  let allowed2 = 0;
  for (const j of judged) {
    for (const n of j.notes) notes.add(n);
    const v = j.verdict;
    if (!v) {
      allowed2++;
      continue;
    }
    for (const d of [v.egress, v.ingress])
      for (const r of d.allowedBy) used.add(`${r.namespace}/${r.policy}/${r.direction}/${r.ruleIndex}`);
    if (v.allowed) {
      allowed2++;
      continue;
    }
    blocked.push(blockedFlow(env, j, v));
  }
  blocked.sort(
    (a, b) => b.flow.connections.allowed + b.flow.connections.audit - (a.flow.connections.allowed + a.flow.connections.audit) || b.flow.records - a.flow.records
  );
  const unobserved = [];
  const unmatchable = [];
  for (const f of env.flows) {
    if (f.to.kind === "fqdn") {
      unmatchable.push(f);
      continue;
    }
    const seen = passing.some(
      (o) => endpointMatches(f.from, env, o.from) && endpointMatches(f.to, env, o.to) && portMatches2(f.ports, o)
    );
    if (!seen) unobserved.push(f);
  }
  const unused = [];
  for (const ns of env.namespaces.filter((n) => n.managed)) {
    const rules = [];
    for (const obj of bundle.objects) {
      const m = obj.manifest;
      if (m.metadata.namespace !== ns.name || m.kind !== "NetworkPolicy") continue;
      for (const direction2 of ["ingress", "egress"]) {
        (m.spec[direction2] ?? []).forEach((_, i) => {
          if (used.has(`${ns.name}/${m.metadata.name}/${direction2}/${i}`)) return;
          rules.push({
            policy: m.metadata.name,
            direction: direction2,
            ruleIndex: i,
            origins: obj.ruleOrigins?.[direction2][i] ?? obj.origins
          });
        });
      }
    }
    if (rules.length > 0) unused.push({ namespace: ns.name, rules });
  }
  return {
    environment: env.name,
    ...summary.firstSeen !== void 0 && summary.lastSeen !== void 0 ? { window: { first: summary.firstSeen, last: summary.lastSeen } } : {},
    blocked,
    unobserved,
    unmatchable,
    unused,
    judged: judged.length,
    allowed: allowed2,
    notes: [...notes]
  };
}
function blockedFlow(env, j, v) {
  const flow = j.flow;
  const from = intentName(env, flow.from);
  const to = intentName(env, flow.to);
  const portText2 = `${flow.port}/${flow.protocol}`;
  const blockedBy = [];
  if (!v.egress.allowed) blockedBy.push(explainDirection(v.egress, from.text, to.text, portText2));
  if (!v.ingress.allowed) blockedBy.push(explainDirection(v.ingress, to.text, from.text, portText2));
  const s = suggest(env, flow, from, to);
  return {
    flow,
    verdict: v,
    from,
    to,
    blockedBy,
    ..."line" in s ? { suggestion: s } : { unexpressible: s.unexpressible }
  };
}

// action/src/flows/preview.ts
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
  const { summary, detail } = input;
  const head = gapReport(input.head.env, input.head.bundle, summary);
  const before = input.base ? new Set(gapReport(input.base.env, input.base.bundle, summary).blocked.map(key)) : /* @__PURE__ */ new Set();
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
    records: summary.records,
    files: summary.files.length,
    lost: summary.lost,
    ...summary.firstSeen !== void 0 ? { oldest: summary.firstSeen } : {},
    ...summary.lastSeen !== void 0 ? { newest: summary.lastSeen } : {},
    at: input.at,
    detail,
    blocked: [...rows.values()].sort((a, b) => b.connections - a.connections || a.from.localeCompare(b.from)),
    alreadyBlocked
  };
}
function withholdAddresses(line, b) {
  let out = line;
  for (const side of [b.from, b.to]) if (side.kind === "address") out = out.split(side.text).join(WITHHELD);
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
  const unique2 = list.filter((f) => {
    const k = `${f.code}|${f.message}|${f.source ? `${f.source.file}:${f.source.line}:${f.source.column}` : ""}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return unique2.sort(
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
    const isDefaultDeny = Object.keys(np.spec.podSelector ?? {}).length === 0 && (np.spec.ingress ?? []).length === 0 && (np.spec.egress ?? []).length === 0;
    const ns = np.metadata.namespace ?? "default";
    if (isDefaultDeny && obj.stage !== "deny") {
      report(
        ctx,
        "error",
        "rollout-order",
        `${formatPolicy({ namespace: ns, name: np.metadata.name })} isolates every pod of ${ns} but is in the ${obj.stage} stage: it would apply before (or with) the allows`,
        obj.origins[0]
      );
    }
    if (!isDefaultDeny && obj.stage === "deny") {
      report(
        ctx,
        "error",
        "rollout-order",
        `${formatPolicy({ namespace: ns, name: np.metadata.name })} allows traffic but is in the deny stage: pods of ${ns} would be isolated before it applies`,
        obj.origins[0]
      );
    }
  }
  const denyNamespaces = new Set(
    bundle.objects.filter((o) => o.stage === "deny").map((o) => o.manifest.metadata.namespace ?? "default")
  );
  for (const ns of denyNamespaces) {
    const hasDns = bundle.objects.some(
      (o) => o.stage === "allow" && o.manifest.kind === "NetworkPolicy" && o.manifest.metadata.namespace === ns && (o.manifest.spec.egress ?? []).some((r) => (r.ports ?? []).some((p) => p.port === 53))
    );
    if (!hasDns) {
      const deny = bundle.objects.find((o) => o.stage === "deny" && o.manifest.metadata.namespace === ns);
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
function lintNamedPorts(ctx, policies, pods, namespaces, profile, sourceOf3) {
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
              sourceOf3(np)
            );
          }
        }
      }
    }
  }
}
function lintPolicySelection(ctx, policies, inventory, sourceOf3) {
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
        sourceOf3(np)
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
function lintServicePorts(ctx, policies, inventory, sourceOf3) {
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
                sourceOf3(np, "egress", rule.index, sp.port)
              );
            }
          }
        }
      }
    });
  }
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
    const info = model.podsByKey.get(`${pod.metadata.namespace}/${pod.metadata.name}`);
    if (!info) continue;
    const self = { kind: "pod", group: info.group, name: e.label, pod: info };
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
function endpointKey2(endpoint) {
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
  const range = port.endPort !== void 0 && port.endPort !== port.port ? `-${port.endPort}` : "";
  return `${port.port}${range}/${port.protocol}`;
}
var SEP = "\0";
var tripleKey = (t) => `${t.from}${SEP}${t.to}${SEP}${t.port}`;
function flowTriples(flows, kinds) {
  const out = /* @__PURE__ */ new Map();
  for (const flow of flows) {
    const from = endpointKey2(flow.from);
    const to = endpointKey2(flow.to);
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

// action/src/probe/plan-draft.ts
function targetText(d) {
  const t = d.to;
  if (t.pod !== void 0) return `${t.namespace}/${t.pod}`;
  if (t.ip !== void 0) return t.ip;
  return `dns:${t.dns}`;
}
function sourceText(d) {
  return d.identity?.label ?? d.from.outside ?? `${d.from.namespace}`;
}
function checkId(d) {
  return `${d.kind}:${sourceText(d)}->${targetText(d)}:${d.port}/${d.protocol}`;
}
function connectionSource(d) {
  return `${d.from.namespace}/${d.from.pod ?? d.from.outside}`;
}
function connectionTarget(d) {
  return `${targetText(d)}:${d.port}/${d.protocol}`;
}
var PlannedConnections = class {
  bySource = /* @__PURE__ */ new Map();
  has(source, target) {
    return this.bySource.get(source)?.has(target) ?? false;
  }
  /** The targets planned from a source so far (the set grows as the plan does). */
  targets(source) {
    return this.bySource.get(source);
  }
  /** Plans the connection; false when it was planned already. */
  add(source, target) {
    let targets = this.bySource.get(source);
    if (!targets) {
      targets = /* @__PURE__ */ new Set();
      this.bySource.set(source, targets);
    }
    if (targets.has(target)) return false;
    targets.add(target);
    return true;
  }
};

// action/src/probe/plan-expectations.ts
function reach(v) {
  return v.allowed ? "allowed" : "blocked";
}
function directionWhy(d) {
  if (d.outcome === "allowed")
    return `${d.direction} allowed by ${d.allowedBy.map((r) => `${r.namespace}/${r.policy}[${r.ruleIndex}]`).join(", ")}`;
  if (d.outcome === "denied")
    return `${d.direction} isolated by ${d.isolatedBy.map(formatPolicy).join(", ")}`;
  return void 0;
}
function because(v) {
  const parts = v.allowed ? [directionWhy(v.egress), directionWhy(v.ingress)] : [
    v.egress.allowed ? void 0 : directionWhy(v.egress),
    v.ingress.allowed ? void 0 : directionWhy(v.ingress)
  ];
  const text = parts.filter((p) => p !== void 0).join("; ");
  return text !== "" ? text : "no policy isolates either side";
}
function portCovers(label, port) {
  if (label === "*") return true;
  const m = /^(\d+)(?:-(\d+))?$/.exec(label);
  if (!m) return false;
  const lo = Number(m[1]);
  const hi = m[2] === void 0 ? lo : Number(m[2]);
  return port >= lo && port <= hi;
}
function changeListed(changes, from, to, port, protocol, opens) {
  return changes.some(
    (c) => c.change === (opens ? "added" : "removed") && c.from === from && to.includes(c.to) && c.protocol === protocol && portCovers(c.port, port)
  );
}
function expectations(input) {
  const probePods2 = input.identities.filter((id) => input.namespaces.has(id.namespace)).map((id) => ({
    apiVersion: "v1",
    kind: "Pod",
    metadata: { namespace: id.namespace, name: id.pod, labels: probePodLabels(id, input.run) },
    spec: { containers: [{ name: "probe" }] }
  }));
  const modelOf = (set) => buildModel({
    pods: [...input.inventory.pods, ...probePods2],
    namespaces: input.inventory.namespaces,
    policies: set.policies,
    ciliumPolicies: (set.ciliumPolicies ?? []).map(
      (p) => p.policy ? p : { policy: p }
    ),
    profile: input.environment.profile
  });
  const after = modelOf(input.after);
  const before = input.before === input.after ? after : modelOf(input.before);
  const changes = input.diff?.changes ?? [];
  const judgeable = (d) => !d.cannotCheck && d.identity !== void 0 && d.judgeTo !== void 0;
  const probeOf = (d) => ({
    from: `${d.identity.namespace}/${d.identity.pod}`,
    to: d.judgeTo,
    port: d.port,
    protocol: d.protocol
  });
  return {
    expectAfter: (d) => judgeable(d) ? reach(evaluate(after, probeOf(d))) : "cannot-check",
    check: (d) => {
      const base = {
        id: checkId(d),
        kind: d.kind,
        from: d.from,
        to: d.to,
        port: d.port,
        protocol: d.protocol
      };
      if (d.portName !== void 0) base.portName = d.portName;
      if (d.source) base.source = d.source;
      if (!judgeable(d)) {
        const cannot = d.cannotCheck ?? {
          reason: "no-running-pod",
          message: "nothing to connect to"
        };
        return Object.assign(base, {
          expect: "cannot-check",
          expectBefore: "cannot-check",
          changeDeclared: false,
          reason: `${d.reason}; cannot check: ${cannot.message}`,
          cannotCheck: cannot.reason
        });
      }
      const probe = probeOf(d);
      const va = evaluate(after, probe);
      const vb = before === after ? va : evaluate(before, probe);
      const expect = reach(va);
      const expectBefore = reach(vb);
      const changeDeclared = expect !== expectBefore && changeListed(changes, d.identity.label, d.toLabels, d.port, d.protocol, expect === "allowed");
      return Object.assign(base, {
        expect,
        expectBefore,
        changeDeclared,
        reason: d.reason,
        because: because(va),
        judgedTo: d.judgeTo
      });
    }
  };
}

// action/src/probe/plan-identities.ts
function labelsText(labels) {
  return Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(",");
}
function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
var Identities = class {
  constructor(runId, env) {
    this.runId = runId;
    for (const ns of env.namespaces)
      for (const s of ns.services) this.services.set(`${ns.name}/${s.name}`, s);
  }
  runId;
  byKey = /* @__PURE__ */ new Map();
  services = /* @__PURE__ */ new Map();
  byService = /* @__PURE__ */ new Map();
  get(namespace, labels, label, service) {
    const key2 = `${namespace}\0${labelsText(labels)}`;
    let id = this.byKey.get(key2);
    if (!id) {
      const slug = (service ?? namespace).replace(/[^a-z0-9-]/g, "-").slice(0, 24).replace(/-+$/, "");
      const pod = `np-probe-${slug}-${hash(`${this.runId}\0${key2}`)}`;
      id = { namespace, labels, pod, label, ...service !== void 0 ? { service } : {} };
      this.byKey.set(key2, id);
    }
    return id;
  }
  /** The identity of a declared service. */
  ofService(namespace, service) {
    let id = this.byService.get(service);
    if (!id) {
      id = this.get(namespace, service.labels, `${namespace}/${service.name}`, service.name);
      this.byService.set(service, id);
    }
    return id;
  }
  /** The declared service "namespace/name", if the intent has it. */
  service(key2) {
    return this.services.get(key2);
  }
  /** The identity a flow endpoint calls from; none for an address outside the cluster. */
  ofEndpoint(e) {
    if (e.kind === "service") {
      const svc = this.services.get(`${e.namespace}/${e.service}`);
      return svc ? this.ofService(e.namespace, svc) : void 0;
    }
    if (e.kind === "namespace") return this.get(e.namespace, e.podLabels ?? {}, `ns:${e.namespace}`);
    return void 0;
  }
  /** Every identity so far, by namespace and pod name. */
  all() {
    return [...this.byKey.values()].sort((a, b) => compareStrings(a.namespace, b.namespace) || compareStrings(a.pod, b.pod));
  }
};
function sourceOf(id) {
  const source = { namespace: id.namespace, labels: id.labels, pod: id.pod };
  if (id.service !== void 0) source.service = id.service;
  return source;
}

// action/src/probe/plan-inventory.ts
var PODS_PER_DESTINATION = 2;
function phaseOf(pod) {
  const status = pod.status;
  return typeof status?.phase === "string" ? status.phase : void 0;
}
function runningPods(pods) {
  const out = [];
  for (const pod of pods) {
    const phase = phaseOf(pod);
    if (phase !== void 0 && phase !== "Running") continue;
    if (pod.metadata?.deletionTimestamp) continue;
    if (pod.metadata?.labels?.[PROBE_LABEL] !== void 0) continue;
    const namespace = pod.metadata?.namespace;
    const name2 = pod.metadata?.name;
    if (!namespace || !name2) continue;
    const ips = (pod.status?.podIPs ?? []).map((p) => p?.ip).filter((ip) => !!ip);
    const address = ips[0] ?? (pod.status?.podIP || void 0);
    const ports = (pod.spec?.containers ?? []).flatMap(
      (c) => (c?.ports ?? []).map((p) => ({
        ...p.name !== void 0 ? { name: p.name } : {},
        containerPort: p.containerPort,
        protocol: p.protocol ?? "TCP"
      }))
    );
    out.push({
      namespace,
      name: name2,
      key: `${namespace}/${name2}`,
      labels: pod.metadata.labels ?? {},
      ...address ? { address } : {},
      ports
    });
  }
  return out.sort((a, b) => compareStrings(a.key, b.key));
}
var LiveInventory = class {
  constructor(inventory) {
    this.inventory = inventory;
    for (const p of runningPods(inventory.pods)) {
      append(this.podsByNamespace, p.namespace, p);
      for (const [k, v] of Object.entries(p.labels))
        append(this.podsByLabel, `${p.namespace}\0${k}\0${v}`, p);
    }
    for (const n of inventory.namespaces) if (n.metadata?.name) this.namespaces.add(n.metadata.name);
    for (const p of inventory.pods) if (p.metadata?.namespace) this.namespaces.add(p.metadata.namespace);
  }
  inventory;
  /** Namespaces that exist: listed, or holding a pod. */
  namespaces = /* @__PURE__ */ new Set();
  podsByNamespace = /* @__PURE__ */ new Map();
  /** Running pods by namespace and one label ("namespace\0key\0value"), by key. */
  podsByLabel = /* @__PURE__ */ new Map();
  selected = /* @__PURE__ */ new Map();
  /** The running pods of a namespace with these labels (absent: every pod), by key. */
  podsOf(namespace, labels) {
    const key2 = `${namespace}\0${labels === void 0 ? "*" : labelsText(labels)}`;
    let pods = this.selected.get(key2);
    if (!pods) {
      const wanted = labels ? Object.entries(labels) : [];
      const first = wanted[0];
      if (!first) pods = this.podsByNamespace.get(namespace) ?? [];
      else {
        const some = this.podsByLabel.get(`${namespace}\0${first[0]}\0${first[1]}`) ?? [];
        pods = some.filter((p) => wanted.every(([k, v]) => p.labels[k] === v && Object.hasOwn(p.labels, k)));
      }
      this.selected.set(key2, pods);
    }
    return pods;
  }
  /** The ClusterIP of the Service in front of the DNS pods, when the inventory has it. */
  dnsServiceAddress(namespace, podLabels) {
    const candidates = this.inventory.services.filter((s) => s.metadata?.namespace === namespace).filter((s) => {
      const sel = s.spec?.selector;
      return sel !== void 0 && Object.keys(sel).length > 0 && selectorMatches({ matchLabels: sel }, podLabels);
    }).sort((a, b) => compareStrings(a.metadata.name, b.metadata.name));
    for (const s of candidates) {
      const ip = s.spec?.clusterIP;
      if (typeof ip === "string" && parseIp(ip)) return ip;
    }
    return void 0;
  }
};
function append(map, key2, value) {
  const list = map.get(key2);
  if (list) list.push(value);
  else map.set(key2, [value]);
}
function pickPods(pods) {
  if (pods.length <= 1) return pods;
  const seen = /* @__PURE__ */ new Set();
  const first = [];
  const rest = [];
  for (const p of pods) {
    const key2 = labelsText(p.labels);
    if (seen.has(key2)) rest.push(p);
    else {
      seen.add(key2);
      first.push(p);
    }
  }
  return [...first, ...rest].slice(0, PODS_PER_DESTINATION);
}
function podTarget(p, service) {
  const target = { namespace: p.namespace, pod: p.name };
  if (p.address !== void 0) target.address = p.address;
  if (service !== void 0) target.service = service;
  return target;
}

// action/src/probe/plan-targets.ts
var DeclaredPairs = class {
  callees = /* @__PURE__ */ new Map();
  add(caller, callee) {
    const set = this.callees.get(caller);
    if (set) set.add(callee);
    else this.callees.set(caller, /* @__PURE__ */ new Set([callee]));
  }
  has(caller, callee) {
    return this.callees.get(caller)?.has(callee) ?? false;
  }
  calleesOf(caller) {
    return this.callees.get(caller);
  }
};
function protocolProblem(profile, protocol) {
  return protocol === "SCTP" && !profile.sctpSupported ? {
    reason: "protocol-unsupported",
    message: `SCTP: ${profile.notes["sctp"] ?? `the ${profile.name} profile does not enforce SCTP`}`
  } : void 0;
}
function noSourceNamespace(namespace) {
  return {
    reason: "no-source-namespace",
    message: `namespace ${namespace} does not exist in the cluster: no probe pod can run there`
  };
}
function declaredChecks(env, cluster, identities) {
  const drafts = [];
  const pairs = new DeclaredPairs();
  for (const flow of env.flows) {
    const fromId = identities.ofEndpoint(flow.from);
    const toLabel = endpointLabel(flow.to);
    if (fromId) pairs.add(fromId.label, toLabel);
    const from = fromId ? sourceOf(fromId) : flow.from.kind === "cidr" ? { namespace: "", labels: {}, outside: flow.from.cidr } : void 0;
    if (!from) continue;
    const sourceProblem = fromId ? cluster.namespaces.has(fromId.namespace) ? void 0 : noSourceNamespace(fromId.namespace) : {
      reason: "outside-source",
      message: `the flow comes from ${flow.from.kind === "cidr" ? flow.from.cidr : "outside"}; probes run inside the cluster`
    };
    const draft = (kind, to, port, protocol, judgeTo, cannot, portName) => {
      const d = {
        kind,
        from,
        to,
        toLabels: [toLabel],
        port,
        protocol,
        reason: `declared: ${flow.text}`,
        source: flow.source
      };
      if (fromId) d.identity = fromId;
      if (judgeTo !== void 0) d.judgeTo = judgeTo;
      if (portName !== void 0) d.portName = portName;
      if (cannot) d.cannotCheck = cannot;
      return d;
    };
    if (flow.to.kind === "cidr" || flow.to.kind === "fqdn") {
      const to = flow.to;
      for (const fp of flow.ports.length > 0 ? flow.ports : [{ protocol: "TCP" }]) {
        const targets = to.kind === "cidr" ? targetsIn(env, to.cidr, to.except, fp) : [];
        if (targets.length === 0) {
          const cidr = to.kind === "cidr" ? parseCidr(to.cidr) : void 0;
          const ip = cidr ? representativeAddress(cidr)?.text : void 0;
          const target = to.kind === "cidr" ? { ip: ip ?? toLabel, cidr: toLabel } : { dns: to.fqdn };
          const noTarget = {
            reason: "no-probe-target",
            message: to.kind === "cidr" ? `no probe target answers inside ${toLabel}${fp.port !== void 0 ? ` on ${fp.port}/${fp.protocol}` : ""}: add one under probe: targets` : `${to.fqdn} is a name outside the intent's addresses: FQDN egress is not probed`
          };
          drafts.push(
            draft("external", target, fp.port ?? 0, fp.protocol, void 0, sourceProblem ?? noTarget)
          );
          continue;
        }
        for (const t of targets) {
          const cannot = sourceProblem ?? protocolProblem(env.profile, t.protocol);
          const target = { ip: t.address, cidr: toLabel };
          drafts.push(draft("external", target, t.port, t.protocol, t.address, cannot));
        }
      }
      continue;
    }
    const callee = flow.to.kind === "service" ? {
      namespace: flow.to.namespace,
      labels: identities.service(toLabel)?.labels,
      service: flow.to.service
    } : { namespace: flow.to.namespace, labels: flow.to.podLabels, service: void 0 };
    const pods = pickPods(cluster.podsOf(callee.namespace, callee.labels));
    for (const fp of flow.ports.length > 0 ? flow.ports : [{ protocol: "TCP" }]) {
      const problem = sourceProblem ?? protocolProblem(env.profile, fp.protocol);
      if (pods.length === 0) {
        const target = { namespace: callee.namespace, pod: `(no running pod of ${toLabel})` };
        const noPod = {
          reason: "no-running-pod",
          message: `no running pod of ${toLabel} in the cluster`
        };
        drafts.push(
          draft("declared", target, fp.port ?? 0, fp.protocol, void 0, problem ?? noPod, fp.name)
        );
        continue;
      }
      for (const pod of pods) {
        for (const port of resolvePorts(fp, pod)) {
          const udpProblem = port.protocol === "UDP" ? {
            reason: "udp-no-reply",
            message: `UDP ${port.port}: ${toLabel} is not known to reply, and a UDP probe proves nothing without a reply`
          } : void 0;
          const portProblem = port.port === 0 ? {
            reason: "unresolved-port",
            message: fp.name ? `pod ${pod.key} declares no container port named ${fp.name}` : `pod ${pod.key} declares no ${fp.protocol} container port to probe`
          } : void 0;
          const target = podTarget(pod, callee.service);
          const cannot = problem ?? portProblem ?? udpProblem;
          drafts.push(draft("declared", target, port.port, port.protocol, pod.key, cannot, port.name));
        }
      }
    }
  }
  return { drafts, pairs };
}
function endpointLabel(e) {
  switch (e.kind) {
    case "service":
      return `${e.namespace}/${e.service}`;
    case "namespace":
      return `ns:${e.namespace}`;
    case "cidr":
      return e.except.length > 0 ? `${e.cidr} except ${[...e.except].sort().join(", ")}` : e.cidr;
    case "fqdn":
      return e.fqdn;
  }
}
function dnsChecks(env, cluster, identities, dnsName) {
  const drafts = [];
  const dnsPod = cluster.podsOf(env.dns.namespace, env.dns.podLabels)[0];
  const dnsServer = cluster.dnsServiceAddress(env.dns.namespace, env.dns.podLabels);
  for (const ns of env.namespaces.filter((n) => n.managed)) {
    const svc = [...ns.services].sort((a, b) => compareStrings(a.name, b.name))[0];
    const id = svc ? identities.ofService(ns.name, svc) : identities.get(ns.name, {}, `ns:${ns.name}`);
    for (const protocol of ["UDP", "TCP"]) {
      const cannot = !cluster.namespaces.has(ns.name) ? noSourceNamespace(ns.name) : !dnsPod ? {
        reason: "no-running-pod",
        message: `no running DNS pod (${labelsText(env.dns.podLabels)}) in ${env.dns.namespace}`
      } : void 0;
      drafts.push({
        kind: "dns",
        identity: id,
        from: sourceOf(id),
        to: { dns: dnsName, ...dnsServer ? { server: dnsServer } : {} },
        toLabels: [`${env.dns.namespace}/${env.dns.podLabels["k8s-app"] ?? "dns"}`],
        ...dnsPod ? { judgeTo: dnsPod.key } : {},
        port: 53,
        protocol,
        reason: `DNS over ${protocol} from ${ns.name} to the cluster DNS in ${env.dns.namespace}`,
        ...cannot ? { cannotCheck: cannot } : {},
        source: ns.source
      });
    }
  }
  return drafts;
}
function resolvePorts(fp, pod) {
  if (fp.name !== void 0) {
    const named = pod.ports.find((p) => p.name === fp.name && p.protocol === fp.protocol);
    return [{ port: named?.containerPort ?? 0, protocol: fp.protocol, name: fp.name }];
  }
  if (fp.port === void 0) {
    const declared = [
      ...new Set(pod.ports.filter((p) => p.protocol === fp.protocol).map((p) => p.containerPort))
    ].sort((a, b) => a - b);
    return declared.length > 0 ? declared.map((port) => ({ port, protocol: fp.protocol })) : [{ port: 0, protocol: fp.protocol }];
  }
  const ports = fp.endPort !== void 0 && fp.endPort !== fp.port ? [fp.port, fp.endPort] : [fp.port];
  return ports.map((port) => ({ port, protocol: fp.protocol }));
}
function targetsIn(env, cidrText, except, fp) {
  const cidr = parseCidr(cidrText);
  if (!cidr) return [];
  const excepts = except.map(parseCidr).filter((c) => c !== void 0);
  return (env.probeTargets ?? []).filter((t) => {
    const ip = parseIp(t.address);
    if (!ip || !cidrContains(cidr, ip) || excepts.some((e) => cidrContains(e, ip))) return false;
    if (!fp) return true;
    if (t.protocol !== fp.protocol) return false;
    return fp.port === void 0 || t.port >= fp.port && t.port <= (fp.endPort ?? fp.port);
  });
}

// action/src/probe/plan-negatives.ts
function negativeDraft(id, callee, pod, port, reason) {
  return {
    kind: "negative",
    identity: id,
    from: sourceOf(id),
    to: podTarget(pod, callee.svc.name),
    toLabels: [`${callee.svc.namespace}/${callee.svc.name}`],
    judgeTo: pod.key,
    port,
    protocol: "TCP",
    reason,
    source: callee.svc.source
  };
}
var ListCursor = class {
  constructor(list, key2, drafted) {
    this.list = list;
    this.key = key2;
    this.drafted = drafted;
  }
  list;
  key;
  drafted;
  i = -1;
  next() {
    return ++this.i < this.list.length;
  }
  get current() {
    return this.list[this.i];
  }
  source() {
    return this.key(this.current).source;
  }
  target() {
    return this.key(this.current).target;
  }
  pod() {
    return this.key(this.current).pod;
  }
  draft() {
    return this.drafted(this.current);
  }
  countUnplanned(planned) {
    let n = 0;
    while (this.next()) if (!planned.has(this.source(), this.target())) n++;
    return n;
  }
};
function serviceCursor(list) {
  return new ListCursor(
    list,
    (c) => ({ source: c.from.probeSource, target: `${c.to.pod.key}:${c.port}/TCP`, pod: c.from.id.pod }),
    (c) => negativeDraft(c.from.id, c.to, c.to.pod, c.port, c.reason)
  );
}
function draftCursor(drafts) {
  return new ListCursor(
    drafts,
    (d) => ({ source: connectionSource(d), target: connectionTarget(d), pod: d.identity?.pod ?? "" }),
    (d) => d
  );
}
var PairCursor = class {
  constructor(services, declared, sameNamespace) {
    this.services = services;
    this.declared = declared;
    this.sameNamespace = sameNamespace;
    const first = services[0];
    if (first) this.declaredCallees = declared.calleesOf(first.id.label);
  }
  services;
  declared;
  sameNamespace;
  a = 0;
  b = -1;
  /** Callees the current caller's identity declares. */
  declaredCallees;
  next() {
    const n = this.services.length;
    while (this.a < n) {
      this.b = this.nextCallee(this.b + 1);
      if (this.b >= n) {
        if (++this.a >= n) return false;
        this.b = -1;
        this.declaredCallees = this.declared.calleesOf(this.caller.id.label);
        continue;
      }
      const a = this.caller;
      const b = this.callee;
      if (a === b || a.probeSource === void 0 || b.pairTarget === void 0) continue;
      if (!this.declaredCallees?.has(b.id.label)) return true;
    }
    return false;
  }
  /** The first callee index from `b` on that is in (or out of) the caller's namespace. */
  nextCallee(b) {
    const { start, end } = this.caller.group;
    if (this.sameNamespace) return b < start ? start : b < end ? b : this.services.length;
    return b >= start && b < end ? end : b;
  }
  get caller() {
    return this.services[this.a];
  }
  get callee() {
    return this.services[this.b];
  }
  source() {
    return this.caller.probeSource;
  }
  target() {
    return this.callee.pairTarget;
  }
  pod() {
    return this.caller.id.pod;
  }
  draft() {
    const a = this.caller;
    const b = this.callee;
    const reason = this.sameNamespace ? `undeclared: ${a.svc.name} -> ${b.svc.name} in ${a.svc.namespace}` : `undeclared: ${a.id.label} -> ${b.id.label}`;
    return negativeDraft(a.id, b, b.pod, b.port, reason);
  }
  countUnplanned(planned) {
    let n = 0;
    let caller;
    let targets;
    while (this.next()) {
      if (this.caller !== caller) {
        caller = this.caller;
        targets = planned.targets(this.source());
      }
      if (!targets?.has(this.target())) n++;
    }
    return n;
  }
};
function managedServices(env, cluster, identities) {
  const services = [];
  for (const ns of env.namespaces.filter((n) => n.managed)) {
    const group = { start: services.length, end: services.length + ns.services.length };
    for (const svc of [...ns.services].sort((a, b) => compareStrings(a.name, b.name))) {
      const id = identities.ofService(ns.name, svc);
      const m = { svc, id, group };
      if (cluster.namespaces.has(id.namespace)) m.probeSource = `${id.namespace}/${id.pod}`;
      const pod = cluster.podsOf(ns.name, svc.labels)[0];
      if (pod) m.pod = pod;
      const port = svc.ports.find((p) => p.protocol === "TCP")?.port;
      if (port !== void 0) m.port = port;
      if (pod && port !== void 0) m.pairTarget = `${pod.key}:${port}/TCP`;
      services.push(m);
    }
  }
  return services;
}
function negativeCandidates(env, cluster, identities, declared) {
  const services = managedServices(env, cluster, identities);
  const byName = new Map(services.map((m) => [`${m.svc.namespace}/${m.svc.name}`, m]));
  const serviceOf = (e) => e.kind === "service" ? byName.get(`${e.namespace}/${e.service}`) : void 0;
  const serviceFlows = env.flows.flatMap((flow) => {
    const caller = serviceOf(flow.from);
    const callee = serviceOf(flow.to);
    return caller && callee ? [{ flow, caller, callee }] : [];
  });
  const candidate = (from, to, port, reason) => from.probeSource !== void 0 && to.pod !== void 0 ? [{ from, to, port, reason }] : [];
  const reverse = serviceFlows.flatMap(({ flow, caller, callee }) => {
    if (caller === callee || declared.has(callee.id.label, caller.id.label)) return [];
    const port = caller.port ?? flow.ports.find((p) => p.port !== void 0)?.port;
    return port === void 0 ? [] : candidate(callee, caller, port, `reverse of declared ${flow.text}`);
  });
  const allowed2 = /* @__PURE__ */ new Map();
  for (const f of env.flows) {
    const from = identities.ofEndpoint(f.from);
    if (!from || f.to.kind !== "service") continue;
    const key2 = `${from.label}\0${f.to.namespace}/${f.to.service}`;
    allowed2.set(key2, [...allowed2.get(key2) ?? [], ...f.ports]);
  }
  const mentioned = new Set(
    env.namespaces.flatMap((ns) => ns.services.flatMap((s) => s.ports.map((p) => p.port)))
  );
  let spare = 81;
  while (mentioned.has(spare)) spare++;
  const undeclaredPorts = serviceFlows.flatMap(({ flow, caller, callee }) => {
    const ports = allowed2.get(`${caller.id.label}\0${callee.id.label}`) ?? [];
    const covered = (port) => ports.some(
      (p) => p.protocol === "TCP" && (p.port === void 0 || port >= p.port && port <= (p.endPort ?? p.port))
    );
    const other = callee.svc.ports.find((p) => p.protocol === "TCP" && !covered(p.port))?.port ?? spare;
    if (covered(other)) return [];
    return candidate(caller, callee, other, `undeclared port ${other} of declared callee (${flow.text})`);
  });
  const reaches = /* @__PURE__ */ new Map();
  for (const f of env.flows) {
    const from = identities.ofEndpoint(f.from);
    if (!from || f.to.kind !== "cidr") continue;
    const set = reaches.get(from.label) ?? /* @__PURE__ */ new Set();
    for (const t of targetsIn(env, f.to.cidr, f.to.except, void 0)) set.add(t.address);
    reaches.set(from.label, set);
  }
  const outside = [];
  for (const t of env.probeTargets ?? []) {
    for (const m of services) {
      if (!cluster.namespaces.has(m.svc.namespace) || reaches.get(m.id.label)?.has(t.address)) continue;
      const d = {
        kind: "external",
        identity: m.id,
        from: sourceOf(m.id),
        to: { ip: t.address },
        toLabels: [],
        judgeTo: t.address,
        port: t.port,
        protocol: t.protocol,
        reason: `outside address ${t.address}: no flow of ${m.id.label} allows it`,
        source: t.source
      };
      const cannot = protocolProblem(env.profile, t.protocol);
      if (cannot) d.cannotCheck = cannot;
      outside.push(d);
    }
  }
  return [
    serviceCursor(reverse),
    new PairCursor(services, declared, true),
    new PairCursor(services, declared, false),
    serviceCursor(undeclaredPorts),
    draftCursor(outside)
  ];
}
function pickNegatives(kinds, judge, planned, caps) {
  const checks = [];
  const perSource = /* @__PURE__ */ new Map();
  let omitted = 0;
  const exhausted = /* @__PURE__ */ new Set();
  while (exhausted.size < kinds.length) {
    if (checks.length >= caps.negative) {
      for (const kind of kinds) if (!exhausted.has(kind)) omitted += kind.countUnplanned(planned);
      break;
    }
    for (const kind of kinds) {
      if (exhausted.has(kind)) continue;
      if (!kind.next()) {
        exhausted.add(kind);
        continue;
      }
      const source = kind.source();
      const target = kind.target();
      if (planned.has(source, target)) continue;
      const pod = kind.pod();
      if (checks.length >= caps.negative || (perSource.get(pod) ?? 0) >= caps.negativePerSource) {
        omitted++;
        continue;
      }
      const d = kind.draft();
      if (judge.expectAfter(d) !== "blocked") continue;
      planned.add(source, target);
      checks.push(judge.check(d));
      perSource.set(pod, (perSource.get(pod) ?? 0) + 1);
    }
  }
  return { checks, omitted };
}

// action/src/probe/plan-pods.ts
function probePods(checks, identities, run, services, options) {
  const byPod = /* @__PURE__ */ new Map();
  for (const c of checks) {
    if (c.expect === "cannot-check" || c.from.pod === void 0) continue;
    const key2 = `${c.from.namespace}/${c.from.pod}`;
    const list = byPod.get(key2);
    if (list) list.push(c);
    else byPod.set(key2, [c]);
  }
  const pods = identities.filter((id) => byPod.has(`${id.namespace}/${id.pod}`)).map((id) => buildProbePod(id, byPod.get(`${id.namespace}/${id.pod}`) ?? [], run, options));
  for (const c of checks) {
    if (c.from.pod !== void 0 && !byPod.has(`${c.from.namespace}/${c.from.pod}`)) {
      const { pod: _pod, ...rest } = c.from;
      c.from = rest;
    }
  }
  const runNamespaces = [...new Set(pods.map((p) => p.metadata.namespace))].sort(compareStrings);
  return {
    pods,
    runObjects: runNamespaces.map((ns) => buildRunObject(run, ns)),
    warnings: notReadyWarnings(services, pods)
  };
}
function notReadyWarnings(services, pods) {
  const warnings = [];
  for (const svc of services) {
    const spec = svc.spec;
    if (!spec?.publishNotReadyAddresses || !spec.selector || Object.keys(spec.selector).length === 0)
      continue;
    for (const p of pods) {
      if (p.metadata.namespace !== svc.metadata.namespace) continue;
      if (selectorMatches({ matchLabels: spec.selector }, p.metadata.labels))
        warnings.push(
          `Service ${svc.metadata.namespace}/${svc.metadata.name} publishes not-ready addresses and selects probe pod ${p.metadata.name}: it receives the Service's traffic while it runs`
        );
    }
  }
  return warnings;
}

// action/src/probe/probe-plan.ts
var DEFAULT_PLAN_CAPS = { negative: 200, negativePerSource: 20 };
var DEFAULT_DNS_NAME = "kubernetes.default.svc.cluster.local";
var KIND_ORDER = { declared: 0, dns: 1, external: 2, negative: 3 };
function planChecks(input) {
  const env = input.environment;
  const run = {
    id: input.run?.id ?? "plan",
    environment: input.run?.environment ?? env.name
  };
  const caps = { ...DEFAULT_PLAN_CAPS, ...input.caps };
  const cluster = new LiveInventory(input.inventory);
  const identities = new Identities(run.id, env);
  const declared = declaredChecks(env, cluster, identities);
  const dns = dnsChecks(env, cluster, identities, input.dnsName ?? DEFAULT_DNS_NAME);
  const candidates = negativeCandidates(env, cluster, identities, declared.pairs);
  const judge = expectations({
    environment: env,
    inventory: input.inventory,
    namespaces: cluster.namespaces,
    identities: identities.all(),
    run,
    after: input.after,
    before: input.before,
    ...input.diff ? { diff: input.diff } : {}
  });
  const checks = [];
  const planned = new PlannedConnections();
  for (const d of [...declared.drafts, ...dns])
    if (planned.add(connectionSource(d), connectionTarget(d))) checks.push(judge.check(d));
  const negatives = pickNegatives(candidates, judge, planned, caps);
  checks.push(...negatives.checks);
  checks.sort(
    (a, b) => compareStrings(a.from.namespace, b.from.namespace) || compareStrings(a.from.pod ?? a.from.outside ?? "", b.from.pod ?? b.from.outside ?? "") || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareStrings(a.id, b.id)
  );
  return { checks, identities: identities.all(), run, caps, omittedNegative: negatives.omitted };
}
function buildProbePlan(input) {
  const { checks, identities, run, caps, omittedNegative } = planChecks(input);
  const { pods, runObjects, warnings } = probePods(
    checks,
    identities,
    run,
    input.inventory.services,
    input.pods
  );
  return {
    environment: input.environment.name,
    checks,
    pods,
    runObjects,
    cannotCheck: checks.filter((c) => c.cannotCheck !== void 0).map((c) => ({ checkId: c.id, reason: c.cannotCheck, message: c.reason })),
    caps,
    omittedNegative,
    reprobe: { ...DEFAULT_REPROBE_POLICY, ...input.reprobe },
    warnings
  };
}

// action/src/probe/probe-preview.ts
var PROBE_PREVIEW_CHANGES = 50;
var KIND_ORDER2 = { declared: 0, external: 1, dns: 2, negative: 3 };
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
  ).sort((a, b) => KIND_ORDER2[a.kind] - KIND_ORDER2[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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

// action/src/commands/preview.ts
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
    const match = /^([^/]+)\.ya?ml$/.exec(rest);
    if (match?.[1]) names.add(match[1]);
  }
  return [...names];
}
function tag(errors, side) {
  return errors.map((e) => ({ ...e, side }));
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
  } catch (error) {
    return {
      status: "failed",
      stack: environment,
      error: error instanceof Error ? error.message : String(error)
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
  const linesOf = (side, path) => {
    let list = lines[side].get(path);
    if (!list) {
      const file = files[side].find((f) => f.path === path);
      if (!file) return void 0;
      list = splitLines(file.text);
      lines[side].set(path, list);
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
    let baseBundle = baseEnv && sameIntent(baseEnv, headEnv) ? headBundle : void 0;
    if (sameIntent(baseEnv, headEnv)) diff = emptyDiff(name2);
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
    const preview = {
      name: name2,
      order,
      presence: baseEnv && headEnv ? "both" : headEnv ? "added" : "removed",
      verdict: verdictOf(diff),
      diff,
      lint,
      engine,
      flowsGraph: buildFlowsGraph(baseEnv, headEnv, diff)
    };
    const observed = opts.observed?.byEnvironment.get(name2) ?? opts.observed?.byEnvironment.get("*");
    if (opts.observed && observed && headEnv && headBundle) {
      preview.observed = observedPreview({
        summary: observed,
        head: { env: headEnv, bundle: headBundle },
        ...baseEnv ? { base: { env: baseEnv, bundle: baseBundle ?? core.compile(baseEnv) } } : {},
        detail: opts.observed.detail,
        at: opts.observed.at
      });
    }
    if (headEnv && headBundle) preview.probes = previewProbes(headEnv, headBundle, baseBundle, diff);
    const defaultDeny = defaultDenyChanges(baseEnv, headEnv);
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

// action/src/report/markdown/environment.ts
function environmentSection(env, report2, detail) {
  const lines = ["", `### ${code(env.name)}: ${escapeMarkdown(environmentVerdict(env, hasBase(report2)))}`];
  if (env.verdict.kind === "invalid") {
    const files = env.verdict.files ?? [];
    const where = files.length > 0 ? ` in ${files.map(code).join(", ")}` : "";
    lines.push("", `Not compared: fix the errors${where} listed above.`);
    return lines;
  }
  const sorted = sortedOf(env, detail);
  const head = environmentHeadline(sorted);
  if (head) lines.push("", head);
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

// action/src/report/markdown/probe-plan.ts
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
function firstFitting(attempts, fits, notice) {
  let last = "";
  for (const attempt of attempts) {
    last = attempt.render();
    if (fits(last)) return { body: last, tier: attempt.tier };
  }
  return { body: withinLast(last, fits, notice), tier: "summary" };
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
  const summary = (maxRows) => ({
    tier: "summary",
    render: () => renderSummaryOnly(report2, { ...full, maxRows, mermaidMaxEdges: 0, explanations: false })
  });
  return firstFitting(
    [
      { tier: "full", render: () => renderDocument(report2, full) },
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
  } catch (error) {
    const failure = error instanceof BaseRefNotFoundError ? new BaseNotFetchedError(
      `${error.message}. The checkout must contain the base commit: use actions/checkout with fetch-depth: 0.`
    ) : error;
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
    const summary = renderSummaryWithTier(report2, sourceLinks(request, report2));
    summaryHoldsAll = summary.tier === "full";
    await io.writeSummary(scrubber.scrub(summary.body));
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
    } catch (error) {
      if (error instanceof GitHubPermissionError) {
        io.warn(
          `Could not comment on pull request #${pr.number}: ${error.message}. The token is read-only (a pull request from a fork, or the workflow lacks \`permissions: pull-requests: write\`); the report is in the job summary.`
        );
      } else if (error instanceof GitHubRateLimitError) {
        const reset = error.resetAt ? ` until ${error.resetAt.toISOString()}` : "";
        io.warn(
          `Could not comment on pull request #${pr.number}: rate limited${reset} (${error.message}); the report is in the job summary.`
        );
      } else if (error instanceof GitHubApiError) {
        failures.push(
          `the pull request comment could not be posted: ${error.message}. The report is in the job summary and in ${reportPath}; re-run the job to post it.`
        );
      } else {
        throw error;
      }
    }
  }
  const result = { report: report2, outputs, reportPath, failures };
  if (comment) result.comment = comment;
  if (failures.length > 0) throw new PreviewFailedError(failures);
  io.info(
    outputs.changed ? `Preview: ${outputs.flowsAdded} flows opened, ${outputs.flowsRemoved} closed.` : "Preview: no change."
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
  } catch (error) {
    if (!(error instanceof RecordKeyError)) throw error;
    problems.push(error.message);
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
  } catch (error) {
    problems.push(
      `GITHUB_EVENT_PATH: cannot read the event payload ${eventPath}: ${error instanceof Error ? error.message : String(error)}`
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
    oneOf(name2, allowed2, fallback) {
      const value = text(name2);
      if (value === "") return fallback;
      if (allowed2.includes(value)) return value;
      problems.push(`${name2}: "${value}" is not one of ${allowed2.join(", ")}`);
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
  const command = inputs.oneOf("command", COMMANDS, "preview");
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
  const cluster = parseClusterInputs(inputs, workspace);
  const rollback = parseRollbackInputs(inputs, command, environments);
  const base = parseBaseRef(inputs, github);
  const flows = parseFlowInputs(inputs);
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
        commentOnPr,
        ...author
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
        onInconclusive
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

// action/src/adapters/files/write.ts
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
var writeTextFile = async (path, text) => {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text, "utf8");
};

// action/src/adapters/git.ts
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
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
import { constants } from "node:fs";
import { lstat, open, readdir, realpath, stat } from "node:fs/promises";
import { isAbsolute as isAbsolute2, join as join2, relative as relative2, resolve as resolve3, sep as sep2 } from "node:path";
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
    const rel = relative2(relativeTo, abs);
    return rel !== "" && !rel.startsWith("..") && !isAbsolute2(rel) ? rel.split(sep2).join("/") : abs;
  };
  const files = [];
  const refuse = (abs, problem) => files.push({ path: show(abs), text: "", problem });
  let total = 0;
  let count = 0;
  let info;
  try {
    info = await lstat(target);
  } catch (error) {
    if (isCode(error, "ENOENT") || isCode(error, "ENOTDIR"))
      return { exists: false, isDirectory: false, files };
    throw error;
  }
  const start = info.isSymbolicLink() ? await insideTarget(target, repository) : { real: target };
  if ("problem" in start) {
    refuse(target, start.problem);
    return { exists: true, isDirectory: false, files };
  }
  const boundary = within(repository, start.real) ? repository : start.real;
  const startInfo = info.isSymbolicLink() ? await stat(start.real) : info;
  const readOne = async (abs, real) => {
    if (count >= limits.maxFiles) {
      refuse(abs, `not read: more than ${limits.maxFiles} files`);
      return;
    }
    count++;
    const read = await readRegularFile(real, limits, limits.maxTotalBytes - total);
    if ("problem" in read) {
      refuse(abs, read.problem);
      return;
    }
    total += read.bytes;
    files.push({ path: show(abs), text: read.text });
  };
  const matches = (name2) => extensions.some((ext) => name2.toLowerCase().endsWith(ext));
  if (!startInfo.isDirectory()) {
    if (!matches(target)) {
      refuse(target, `not read: only ${extensions.join(", ")} files are read`);
    } else {
      await readOne(target, start.real);
    }
    return { exists: true, isDirectory: false, files };
  }
  const visited = /* @__PURE__ */ new Set();
  const walk = async (abs, real) => {
    if (visited.has(real)) return;
    visited.add(real);
    const entries = await readdir(real, { withFileTypes: true });
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const entry of entries) {
      const path = join2(abs, entry.name);
      const entryReal = join2(real, entry.name);
      if (entry.isDirectory()) {
        if (!skippedDirectory(entry.name)) await walk(path, entryReal);
        continue;
      }
      if (entry.isSymbolicLink()) {
        const resolved = await insideTarget(entryReal, boundary);
        if ("problem" in resolved) {
          if (matches(entry.name) || !await isFileLike(entryReal)) refuse(path, resolved.problem);
          continue;
        }
        const targetInfo = await stat(resolved.real);
        if (targetInfo.isDirectory()) {
          if (!skippedDirectory(entry.name)) await walk(path, resolved.real);
        } else if (matches(entry.name)) {
          await readOne(path, resolved.real);
        }
        continue;
      }
      if (!matches(entry.name)) continue;
      await readOne(path, entryReal);
    }
  };
  await walk(target, start.real);
  files.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { exists: true, isDirectory: true, files };
}
async function insideTarget(path, boundary) {
  let real;
  try {
    real = await realpath(path);
  } catch (error) {
    if (isCode(error, "ENOENT"))
      return { problem: "not read: a link to nothing (its target does not exist)" };
    if (isCode(error, "ELOOP")) return { problem: "not read: a link that loops" };
    throw error;
  }
  if (!within(boundary, real)) {
    return { problem: "not read: a link to a place outside the repository (links may only point inside it)" };
  }
  return { real };
}
async function isFileLike(path) {
  try {
    return !(await stat(path)).isDirectory();
  } catch {
    return true;
  }
}
function within(dir, path) {
  const rel = relative2(dir, path);
  return rel === "" || !rel.startsWith(`..${sep2}`) && rel !== ".." && !isAbsolute2(rel);
}
async function realpathOr(path) {
  try {
    return await realpath(path);
  } catch {
    return resolve3(path);
  }
}
async function readRegularFile(path, limits, budget) {
  const maxBytes = limits.maxFileBytes;
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    if (isCode(error, "ELOOP")) return { problem: "not read: a link (links are resolved before reading)" };
    return { problem: `cannot read: ${error.code ?? "error"}` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { problem: `not read: ${kindOf(info)}, not a regular file` };
    const limit = Math.min(maxBytes, budget);
    if (info.size > maxBytes)
      return { problem: `not read: ${info.size} bytes, more than the ${maxBytes} allowed per file` };
    if (info.size > budget) {
      return { problem: `not read: the files together exceed the ${limits.maxTotalBytes} bytes allowed` };
    }
    const buffer = Buffer.alloc(Math.min(info.size, limit) + 1);
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
function kindOf(info) {
  if (info.isFIFO()) return "a FIFO";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  if (info.isDirectory()) return "a directory";
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
function isCode(error, code2) {
  return error?.code === code2;
}

// action/src/adapters/git.ts
var MAX_BUFFER = 256 * 1024 * 1024;
function gitEnv(env) {
  return { ...env, GIT_TERMINAL_PROMPT: "0" };
}
function git(cwd, env, args) {
  return new Promise((resolve5, reject) => {
    execFile(
      "git",
      args,
      { cwd, maxBuffer: MAX_BUFFER, encoding: "utf8", env: gitEnv(env) },
      (error, stdout, stderr) => {
        if (error && typeof error.code === "string") {
          reject(new GitError(cannotRun(cwd, error), args, String(stderr)));
          return;
        }
        const code2 = error ? Number(error.code ?? 1) : 0;
        resolve5({ code: code2, stdout: String(stdout), stderr: String(stderr) });
      }
    );
  });
}
function cannotRun(cwd, error) {
  if (error.code === "ENOENT") {
    return existsSync(cwd) ? "cannot run git: it is not installed (git not found on PATH)" : `cannot run git: the repository directory ${cwd} does not exist (set GITHUB_WORKSPACE to the checkout, or check the repository out first with actions/checkout)`;
  }
  return `cannot run git: ${error.message}`;
}
function catFiles(cwd, env, ids) {
  return new Promise((resolve5, reject) => {
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
      resolve5(out);
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
async function lsTree(cwd, env, ref, path, recursive) {
  const args = ["ls-tree", ...recursive ? ["-r"] : [], "-l", "-z", "--full-tree", ref, "--", path];
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
  const isYaml = (name2) => YAML_EXTENSIONS.some((ext) => name2.toLowerCase().endsWith(ext));
  const outsideProblem = "not read: a link to a place outside the repository (links may only point inside it)";
  const addTree = async (treePath, shown, hops) => {
    if (visitedTrees.has(treePath)) return;
    visitedTrees.add(treePath);
    for (const entry of await lsTree(cwd, env, ref, treePath, true)) {
      const path = shown + entry.path.slice(treePath === "." ? 0 : treePath.length);
      await addEntry(entry, path, hops);
    }
  };
  const addEntry = async (entry, path, hops) => {
    if (entry.mode !== LINK_MODE) {
      if (entry.type === "blob" && isYaml(path)) wanted.push({ path, entry });
      return;
    }
    if (hops >= MAX_LINK_HOPS) {
      out.push({ path, text: "", problem: "not read: a link that loops" });
      return;
    }
    const [target] = await catFiles(cwd, env, [entry.id]);
    const resolved = resolveLink(entry.path, (target ?? Buffer.alloc(0)).toString("utf8"));
    if (resolved === void 0) {
      if (isYaml(path) || !/\.[^/]*$/.test(posix.basename(path)))
        out.push({ path, text: "", problem: outsideProblem });
      return;
    }
    const found = resolved === "." ? void 0 : (await lsTree(cwd, env, ref, resolved, false))[0];
    if (resolved === "." || found?.type === "tree") {
      await addTree(resolved, path, hops + 1);
    } else if (!found || found.path !== resolved) {
      if (isYaml(path))
        out.push({ path, text: "", problem: "not read: a link to nothing (its target does not exist)" });
    } else {
      await addEntry(found, path, hops + 1);
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
    } catch (error) {
      const status = numberField(error, "status") ?? 0;
      if (status !== 401 && status !== 403 && status !== 404)
        throw toGitHubError("find who the token is", error);
    }
    return DEFAULT_COMMENT_AUTHOR;
  });
  const listOurs = async (octokit, issue, marker, login) => classify2("list the pull request's comments", async () => {
    const ours = [];
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
      owner: issue.owner,
      repo: issue.repo,
      issue_number: issue.number,
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
  const update = async (octokit, issue, id, body) => classify2("update the pull request comment", async () => {
    const { data } = await octokit.rest.issues.updateComment({
      owner: issue.owner,
      repo: issue.repo,
      comment_id: id,
      body
    });
    return issueComment(data) ?? Promise.reject(malformed("update the pull request comment", "a comment"));
  });
  const remove = async (octokit, issue, comments) => {
    for (const comment of comments) {
      await classify2("delete a duplicate pull request comment", async () => {
        try {
          await octokit.rest.issues.deleteComment({
            owner: issue.owner,
            repo: issue.repo,
            comment_id: comment.id
          });
        } catch (error) {
          if (numberField(error, "status") !== 404) throw error;
        }
      });
    }
  };
  const converge = async (octokit, issue, ours, body) => {
    const [keeper, ...duplicates] = ours;
    if (!keeper) return void 0;
    await remove(octokit, issue, duplicates);
    const removed = duplicates.length;
    if (keeper.body === body) return { action: "unchanged", url: keeper.url, id: keeper.id, removed };
    try {
      const updated = await update(octokit, issue, keeper.id, body);
      return { action: "updated", url: updated.url, id: updated.id, removed };
    } catch (error) {
      if (error instanceof GitHubApiError && error.status === 404) return void 0;
      throw error;
    }
  };
  return {
    identity,
    async pullRequestsOfCommit(repository, sha) {
      const octokit = await connect();
      return classify2("find the pull request of the commit", async () => {
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
    async upsertStickyComment(issue, marker, body) {
      if (!body.startsWith(marker)) throw new Error("the sticky comment body must start with its marker");
      const octokit = await connect();
      let login = await identity();
      for (let round = 0; round < 2; round++) {
        const existing = await converge(octokit, issue, await listOurs(octokit, issue, marker, login), body);
        if (existing) return existing;
        const created = await classify2("create the pull request comment", async () => {
          const { data } = await octokit.rest.issues.createComment({
            owner: issue.owner,
            repo: issue.repo,
            issue_number: issue.number,
            body
          });
          return issueComment(data) ?? Promise.reject(malformed("create the pull request comment", "a comment"));
        });
        login = created.author;
        author = Promise.resolve(login);
        const ours = await listOurs(octokit, issue, marker, login);
        if (!ours.some((c) => c.id === created.id)) ours.push(created);
        ours.sort((a, b) => a.id - b.id);
        const settled = await converge(octokit, issue, ours, body);
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
        } catch (error) {
          failure = signal.aborted ? new RequestTimeoutError(policy.timeoutMs) : error;
        }
        const wait = retryDelay(failure, method, attempt, policy);
        if (attempt >= retries || wait === void 0) throw failure;
        await new Promise((resolve5) => setTimeout(resolve5, wait));
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
function retryDelay(error, method, attempt, policy) {
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const status = numberField(error, "status") ?? 0;
  const answered = hasResponse(error);
  if (answered && isRateLimit(status, headersOf(error), apiMessageOf(error))) {
    const waitMs = rateLimitWait(headersOf(error));
    if (waitMs === void 0) return backoff;
    return waitMs <= policy.maxRetryAfterMs ? waitMs : void 0;
  }
  if (!IDEMPOTENT.has(method)) return void 0;
  if (error instanceof RequestTimeoutError || error instanceof MalformedResponseError) return backoff;
  if (!answered) return backoff;
  return status >= 500 ? backoff : void 0;
}
function hasResponse(error) {
  return typeof error === "object" && error !== null && error.response !== void 0;
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
async function classify2(operation, fn) {
  try {
    return await fn();
  } catch (error) {
    throw toGitHubError(operation, error);
  }
}
function toGitHubError(operation, error) {
  if (error instanceof GitHubApiError) return error;
  const headers = headersOf(error);
  const apiMessage = oneLine(apiMessageOf(error));
  const cannot = `cannot ${operation}`;
  if (error instanceof RequestTimeoutError) {
    return new GitHubApiError(
      `${cannot}: GitHub did not answer within ${error.timeoutMs / 1e3} s`,
      0,
      operation
    );
  }
  if (error instanceof MalformedResponseError)
    return new GitHubApiError(`${cannot}: ${error.message}`, 0, operation);
  if (numberField(error, "status") === void 0) {
    return new GitHubApiError(
      `${cannot}: GitHub's answer is not what its API describes (${apiMessage})`,
      0,
      operation
    );
  }
  if (!hasResponse(error)) {
    return new GitHubApiError(
      `${cannot}: no answer from GitHub (${apiMessage || "the connection failed"})`,
      0,
      operation
    );
  }
  const status = numberField(error, "status") ?? 0;
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
function headersOf(error) {
  if (typeof error !== "object" || error === null) return {};
  const response = error.response;
  if (typeof response !== "object" || response === null) return {};
  const headers = response.headers;
  if (typeof headers !== "object" || headers === null) return {};
  const out = {};
  for (const [k, v] of Object.entries(headers)) {
    if (typeof v === "string" || typeof v === "number") out[k.toLowerCase()] = String(v);
  }
  return out;
}
function apiMessageOf(error) {
  if (typeof error === "object" && error !== null) {
    const data = error.response?.data;
    if (typeof data === "object" && data !== null) {
      const message = data.message;
      if (typeof message === "string") return message;
    }
    const own = error.message;
    if (typeof own === "string") return own;
  }
  return String(error);
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
import { accessSync, constants as constants2, existsSync as existsSync2, readFileSync } from "node:fs";
import { delimiter, join as join3, relative as relative3 } from "node:path";

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
  if (m.op === "refresh") return void 0;
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
function topLevelKey(path) {
  const m = /^(?:\["((?:[^"\\]|\\.)*)"\]|([^.[]*))/.exec(path);
  return m?.[1] ?? m?.[2] ?? path;
}
function typeFromUrn(urn) {
  const parts = urn.split("::");
  const types = parts[2] ?? "";
  return types.split("$").pop() ?? "";
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
function sourceOf2(inputs) {
  const metadata = inputs.metadata;
  const annotations = isRecord(metadata) ? metadata.annotations : void 0;
  const source = isRecord(annotations) ? annotations[SOURCE_ANNOTATION] : void 0;
  return typeof source === "string" && source !== "" ? source : void 0;
}
function resourceLabel(inputs, urn) {
  const kind = typeof inputs.kind === "string" && inputs.kind !== "" ? inputs.kind : typeFromUrn(urn);
  return `${kind} ${nameOf(inputs, urn)}`;
}

// action/src/adapters/pulumi-availability.ts
var nodeProbes = {
  isExecutable(path) {
    try {
      accessSync(path, constants2.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  readText(path) {
    return existsSync2(path) ? readFileSync(path, "utf8") : void 0;
  }
};
function findOnPath(path, probes, name2 = "pulumi") {
  for (const dir of path.split(delimiter)) {
    if (dir === "") continue;
    const candidate = join3(dir, name2);
    if (probes.isExecutable(candidate)) return candidate;
  }
  return void 0;
}
function checkAvailability(input, probes = nodeProbes) {
  const workDir = input.workDir;
  const projectFile = workDir === void 0 ? void 0 : ["Pulumi.yaml", "Pulumi.yml"].map((f) => join3(workDir, f)).find((f) => probes.readText(f) !== void 0);
  if (workDir !== void 0 && !projectFile) {
    const where = relative3(input.workspace, workDir) || ".";
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
import { basename, dirname as dirname2, join as join4 } from "node:path";

// action/src/adapters/pulumi-errors.ts
function classifyPulumiError(error, stack, diagnostics = []) {
  if (error instanceof PulumiEngineError) return error;
  const name2 = error instanceof Error ? error.name : "";
  if (name2 === "ConcurrentUpdateError") {
    const holder = lockHolder(error);
    return new StackLockedError(
      `stack ${stack} is locked by another update${holder ? ` (${holder})` : ""}; re-run the job when it has finished`
    );
  }
  if (name2 === "StackNotFoundError") return new PulumiStackNotFoundError(`stack ${stack} was not found`);
  if (isEnoent(error)) return new PulumiCliMissingError("the pulumi CLI could not be started (not found)");
  const summary = diagnostics.length > 0 ? diagnostics.join("; ") : stderrSummary(error);
  return new PulumiPreviewError(`pulumi preview of stack ${stack} failed: ${summary}`);
}
function lockHolder(error) {
  const result = commandResultOf(error);
  const text = String(result ? result.stderr ?? "" : error instanceof Error ? error.message : "");
  const m = /created by (\S+) \(pid (\d+)\) at (\S+)/.exec(text);
  return m ? `${m[1]}, pid ${m[2]}, since ${m[3]}` : void 0;
}
function isEnoent(error) {
  if (typeof error !== "object" || error === null) return false;
  const code2 = error.code;
  if (code2 === "ENOENT") return true;
  const inner = commandResultOf(error)?.err;
  return typeof inner === "object" && inner !== null && inner.code === "ENOENT";
}
function commandResultOf(error) {
  if (typeof error !== "object" || error === null) return void 0;
  const result = error.commandResult;
  return typeof result === "object" && result !== null ? result : void 0;
}
function stderrSummary(error) {
  const result = commandResultOf(error);
  const stderr = result ? result.stderr ?? "" : error instanceof Error ? error.message : String(error);
  const lines = String(stderr).split("\n").map((l) => l.trim()).filter((l) => l !== "");
  const errors = lines.filter((l) => /^error:/i.test(l));
  const text = (errors.length > 0 ? errors : lines.slice(0, 1)).join("; ") || "unknown error";
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}
function classifyDeployError(error, stack, events) {
  const classified = classifyPulumiError(error, stack, []);
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
      const source = sourceOf2(inputs);
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
    const source = sourceOf2(inputs);
    if (source) sources.push(source);
    messages.unshift(`${resourceLabel(inputs, urn)}${source ? ` (${source})` : ""} failed`);
  }
  const summary = messages.length > 0 ? messages.join("; ") : stderrSummary(error);
  return new PulumiDeployError(`pulumi up of stack ${stack} failed: ${summary}`, [...new Set(sources)]);
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
  const field2 = (parent, key2) => parent.get(key2, true);
  const requireString = (parent, key2, path) => {
    const node = field2(parent, key2);
    if (node === void 0) errors.push(at(parent, `${path} is missing`));
    else if (!(0, import_yaml2.isScalar)(node) || typeof node.value !== "string" || node.value === "")
      errors.push(at(node, `${path} must be a non-empty string`));
  };
  const optionalStringMap = (parent, key2, path) => {
    const node = field2(parent, key2);
    if (node === void 0) return;
    if (!(0, import_yaml2.isMap)(node)) {
      errors.push(at(node, `${path} must be an object of strings`));
      return;
    }
    for (const pair of node.items) {
      if (!(0, import_yaml2.isScalar)(pair.value) || typeof pair.value.value !== "string") {
        errors.push(
          at(
            pair.value ?? node,
            `${path}.${String(pair.key?.value)} must be a string`
          )
        );
      }
    }
  };
  requireString(map, "environment", "environment");
  const cni = field2(map, "cni");
  if (cni === void 0) errors.push(at(map, "cni is missing"));
  else if (!(0, import_yaml2.isScalar)(cni) || typeof cni.value !== "string" || !isCniProfileName(cni.value))
    errors.push(at(cni, "cni must be calico, cilium or generic"));
  const excluded = field2(map, "excludedNamespaces");
  if (excluded !== void 0) {
    if (!(0, import_yaml2.isSeq)(excluded)) errors.push(at(excluded, "excludedNamespaces must be a list of namespace names"));
    else
      excluded.items.forEach((item, i) => {
        if (!(0, import_yaml2.isScalar)(item) || typeof item.value !== "string")
          errors.push(at(item, `excludedNamespaces[${i}] must be a string`));
      });
  }
  const objects = field2(map, "objects");
  if (objects === void 0) errors.push(at(map, "objects is missing"));
  else if (!(0, import_yaml2.isSeq)(objects)) errors.push(at(objects, "objects must be a list"));
  else {
    objects.items.forEach((item, i) => {
      const path = `objects[${i}]`;
      const node = item;
      if (!(0, import_yaml2.isMap)(node)) {
        errors.push(at(node, `${path} must be an object with stage and manifest`));
        return;
      }
      const stage = field2(node, "stage");
      if (stage === void 0) errors.push(at(node, `${path}.stage is missing`));
      else if (!(0, import_yaml2.isScalar)(stage) || stage.value !== "allow" && stage.value !== "deny")
        errors.push(at(stage, `${path}.stage must be allow or deny`));
      const origins = field2(node, "origins");
      if (origins !== void 0 && !(0, import_yaml2.isSeq)(origins))
        errors.push(at(origins, `${path}.origins must be a list`));
      const manifest = field2(node, "manifest");
      if (manifest === void 0) {
        errors.push(at(node, `${path}.manifest is missing`));
        return;
      }
      if (!(0, import_yaml2.isMap)(manifest)) {
        errors.push(at(manifest, `${path}.manifest must be a Kubernetes object`));
        return;
      }
      requireString(manifest, "apiVersion", `${path}.manifest.apiVersion`);
      requireString(manifest, "kind", `${path}.manifest.kind`);
      const metadata = field2(manifest, "metadata");
      if (metadata === void 0) errors.push(at(manifest, `${path}.manifest.metadata is missing`));
      else if (!(0, import_yaml2.isMap)(metadata)) errors.push(at(metadata, `${path}.manifest.metadata must be an object`));
      else {
        requireString(metadata, "name", `${path}.manifest.metadata.name`);
        requireString(metadata, "namespace", `${path}.manifest.metadata.namespace`);
        optionalStringMap(metadata, "labels", `${path}.manifest.metadata.labels`);
        optionalStringMap(metadata, "annotations", `${path}.manifest.metadata.annotations`);
      }
      const spec = field2(manifest, "spec");
      if (spec === void 0) errors.push(at(manifest, `${path}.manifest.spec is missing`));
      else if (!(0, import_yaml2.isMap)(spec)) errors.push(at(spec, `${path}.manifest.spec must be an object`));
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  const value = map.toJSON();
  const bundle = {
    environment: value.environment,
    cni: value.cni,
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
    guards: guardList
  };
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
      } catch (error) {
        const classified = classifyPulumiError(error, stack, diagnostics);
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
  if (cliPath === void 0 || basename(cliPath) !== "pulumi") return void 0;
  const bin = dirname2(cliPath);
  return basename(bin) === "bin" ? { root: dirname2(bin) } : void 0;
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
  const text = nodeProbes.readText(join4(options.workDir, `Pulumi.${short}.yaml`));
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
  return {
    async up(environment, deploy) {
      const stack = stackName(options.stackTemplate, environment);
      const policiesDir = deploy.policiesDir ?? options.policiesDir;
      const config = stackConfig({
        environment,
        stage: deploy.stage,
        ...policiesDir === void 0 ? {} : { policiesDir },
        ...deploy.bundleFile === void 0 ? {} : { bundleFile: deploy.bundleFile },
        ...deploy.revision === void 0 ? {} : { revision: deploy.revision }
      });
      const events = [];
      options.log?.(`pulumi up of stack ${stack} (${environment}, stage ${deploy.stage})`);
      let outputs;
      try {
        outputs = await run.up(
          stack,
          { ...config, ...options.providerConfig },
          (event) => events.push(event)
        );
      } catch (error) {
        throw classifyDeployError(error, stack, events);
      }
      let read;
      try {
        read = readStackOutputs(outputs);
      } catch (error) {
        if (error instanceof StackOutputsError)
          throw new PulumiDeployError(`pulumi up of stack ${stack}: ${error.message}`);
        throw error;
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
  return {
    async up(stackName2, config, onEvent) {
      const stack = await openStack(stackName2);
      const set = {};
      const remove = [];
      for (const [key2, value] of Object.entries(config)) {
        if (value === void 0) remove.push(key2);
        else set[key2] = { value };
      }
      await stack.setAllConfig(set);
      if (remove.length > 0) await stack.removeAllConfig(remove);
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
import { copyFile, mkdir as mkdir2, readFile, writeFile as writeFile2 } from "node:fs/promises";
import { existsSync as existsSync3 } from "node:fs";
import { dirname as dirname3, join as join5, relative as relative4 } from "node:path";
import { fileURLToPath } from "node:url";
var PROJECT_FILES = ["Pulumi.yaml", "Pulumi.yml"];
var DEFAULT_WORK_DIR = "pulumi";
var WorkDirError = class extends Error {
  name = "WorkDirError";
};
function chooseProgram(input, exists = existsSync3) {
  const hasProject = (dir) => PROJECT_FILES.some((f) => exists(join5(dir, f)));
  if (input.workDirInput !== "") {
    const workDir2 = join5(input.workspace, input.workDirInput);
    if (!hasProject(workDir2)) {
      throw new WorkDirError(
        `work-dir: "${input.workDirInput}" holds no Pulumi.yaml; give the directory of your Pulumi project, or leave work-dir empty to use the program the Action ships`
      );
    }
    return { kind: "project", workDir: workDir2 };
  }
  const workDir = join5(input.workspace, DEFAULT_WORK_DIR);
  if (hasProject(workDir)) return { kind: "project", workDir };
  return { kind: "shipped", project: input.project };
}
function actionDirOf(moduleUrl, exists = existsSync3) {
  const start = dirname3(fileURLToPath(moduleUrl));
  for (let dir = start; ; dir = dirname3(dir)) {
    if (exists(join5(dir, "action.yml"))) return dir;
    if (dirname3(dir) === dir) return start;
  }
}
var execRunner = (command, args, cwd) => new Promise((resolve5, reject) => {
  execFile2(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
    if (!error) return resolve5();
    const output = `${stderr}
${stdout}`.trim().split("\n").slice(-20).join("\n");
    reject(new Error(`${command} ${args.join(" ")} failed (${error.message.split("\n")[0]}):
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
  const shipped = join5(options.actionDir, "pulumi/shipped");
  const bundle = join5(options.actionDir, "dist/pulumi/index.js");
  const manifest = await readFile(join5(shipped, "package.json"));
  const lock = await readFile(join5(shipped, "package-lock.json"));
  const key2 = createHash("sha256").update(manifest).update(lock).digest("hex").slice(0, 12);
  const root = join5(options.temp, `netpol-rollout-program-${key2}`);
  const installed = join5(root, ".installed");
  if (!existsSync3(installed)) {
    await mkdir2(root, { recursive: true });
    await writeFile2(join5(root, "package.json"), manifest);
    await writeFile2(join5(root, "package-lock.json"), lock);
    options.log?.(`Installing the Pulumi SDK for the shipped program (npm ci in ${root})`);
    await run("npm", ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"], root);
    await writeFile2(installed, `${(/* @__PURE__ */ new Date()).toISOString()}
`);
  } else {
    options.log?.(`Pulumi SDK for the shipped program already installed (${root})`);
  }
  const projectDir = join5(root, `project-${options.project.replace(/[^A-Za-z0-9_.-]/g, "_")}`);
  await mkdir2(projectDir, { recursive: true });
  await writeFile2(join5(projectDir, "Pulumi.yaml"), shippedProjectYaml(options.project));
  await copyFile(bundle, join5(projectDir, "program.mjs"));
  await writeFile2(join5(projectDir, "index.mjs"), ENTRY_MODULE);
  options.log?.(
    `Pulumi program: the one netpol-rollout ships, as project ${options.project} (${relative4(options.temp, projectDir)} under RUNNER_TEMP)`
  );
  return projectDir;
}
function shippedProgramEngine(prepare, create, stackOf) {
  let engine;
  return {
    async preview(environment) {
      engine ??= prepare().then(create);
      let ready;
      try {
        ready = await engine;
      } catch (error) {
        return {
          status: "failed",
          stack: stackOf(environment),
          error: `the program netpol-rollout ships could not be prepared: ${error instanceof Error ? error.message : String(error)}`
        };
      }
      return ready.preview(environment);
    }
  };
}
function shippedProgramDeployer(prepare, create, stackOf) {
  let deployer;
  return {
    async up(environment, options) {
      deployer ??= prepare().then(create);
      let ready;
      try {
        ready = await deployer;
      } catch (error) {
        throw new PulumiDeployError(
          `stack ${stackOf(environment)}: the program netpol-rollout ships could not be prepared: ${error instanceof Error ? error.message : String(error)}`
        );
      }
      return ready.up(environment, options);
    }
  };
}

// action/src/adapters/files/intent.ts
import { isAbsolute as isAbsolute3, join as join6, relative as relative5, resolve as resolve4, sep as sep3 } from "node:path";
async function loadIntentFromDir(policiesDir, repoRoot = process.cwd()) {
  const root = resolve4(repoRoot);
  const base = resolve4(root, policiesDir);
  const rel = (abs) => relative5(root, abs).split(sep3).join("/");
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
  const files = tree.files.map((f) => isAbsolute3(f.path) ? { ...f, path: rel(f.path) } : f);
  return parseIntent(files, { policiesDir: rel(base) });
}
async function readIntentTree(repository, dir) {
  return readSourceTree({ repository, target: dir, extensions: YAML_EXTENSIONS, limits: INTENT_READ_LIMITS });
}
async function readWorkingTree(workspace, dir) {
  const tree = await readIntentTree(workspace, join6(workspace, dir));
  return tree.files;
}

// action/src/adapters/clock.ts
var systemClock = {
  now: () => Date.now(),
  sleep: (ms, signal) => new Promise((resolve5) => {
    if (signal?.aborted) return resolve5();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve5();
    }
    signal?.addEventListener("abort", done, { once: true });
  })
};

export {
  policiesOfBundle,
  diffCompiled,
  buildProbePlan,
  runUrl,
  commentSkipReason,
  engineSkipReason,
  runActionPreview,
  readHeadObjects,
  stackName,
  parseSettings,
  rolloutActionRequest,
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
  readWorkingTree
};
