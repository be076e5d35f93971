/**
 * The intent writer: a proposal (from `import` or `discover`) added to policies/. A new
 * environment gets its file; an existing one gets only what it lacks, as whole new lines
 * (splice.ts), so no line a person wrote changes. What it already has is listed as present;
 * a name taken by other labels gets a fresh one; what cannot be added (a port a declared
 * service lacks) is listed with the reason. The result is loaded again before it is returned:
 * the writer never hands back intent the loader refuses.
 */
import type { Protocol } from "../../k8s/types.js";
import { parseEnvironments, type IntentFile } from "../load.js";
import { formatIntentError, type Endpoint, type EnvironmentIntent } from "../model.js";
import type {
  Proposal,
  ProposedEndpoint,
  ProposedFlow,
  ProposedNamespace,
  ProposedPolicy,
  ProposedPort,
  ProposedService,
} from "./proposal.js";
import { flowItemLines, flowPortToken, policyLines, serviceLines, templateIncludeLines } from "./render.js";
import { Splicer, SpliceRefused } from "./splice.js";
import { fitTemplates, type TemplateUse } from "./templates.js";
import { commentLines, entryLines, flowText, key } from "./yaml-text.js";

export type * from "./proposal.js";

export interface WriteOptions {
  /** Every file under the policies directory now (paths as the loader takes them). */
  files: IntentFile[];
  /** The policies directory, relative to the repository root (default "policies"). */
  policiesDir?: string;
  /** The `$schema` of a new file's modeline; default: an existing environment file's, else ../schema.json. */
  schema?: string;
  /** Use templates/ where new services and flows fit one exactly. Default true. */
  templates?: boolean;
  /** Files written beside the environment file (a record `replaces:` names): part of the check that it loads. */
  alongside?: IntentFile[];
}

export interface WrittenFile {
  path: string;
  text: string;
  created: boolean;
}

export interface WriteReport {
  /** What was added, one line each ("service shop/api", "flow ops -> shop/api:8080"). */
  added: string[];
  /** Proposed items the intent already has. */
  present: string[];
  /** Proposed names that were taken by something else, and the name written instead. */
  renamed: string[];
  /** Proposed items not written, each with the reason. */
  skipped: { item: string; reason: string }[];
}

export type WriteResult =
  | { ok: true; files: WrittenFile[]; report: WriteReport; environment: EnvironmentIntent }
  /** The existing intent is invalid, or the additions cannot be made without rewriting a line. */
  | { ok: false; errors: string[] };

interface NsState {
  managed: boolean;
  defaultDeny: boolean;
  existing: boolean;
  proposal?: ProposedNamespace;
}

interface PortLike {
  port: number;
  endPort?: number;
  protocol: Protocol;
  name?: string;
}

interface SvcState {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  ports: PortLike[];
  existing: boolean;
  proposal?: ProposedService;
}

/** Adds `proposal` to the policies directory held in `options.files`. Pure: returns the files to write. */
export function writeIntent(proposal: Proposal, options: WriteOptions): WriteResult {
  const dir = (options.policiesDir ?? "policies").replace(/\/+$/, "");
  const under = (p: string): string => (dir === "" || dir === "." ? p : `${dir}/${p}`);
  const envPath = under(`environments/${proposal.environment}.yaml`);
  const envFile = options.files.find(
    (f) => f.path === envPath || f.path === envPath.replace(/\.yaml$/, ".yml"),
  );
  const before = parseEnvironments(options.files, { policiesDir: dir });
  const load = before.environments.find((e) => e.name === proposal.environment);
  if (envFile && (!load?.intent || load.errors.length > 0)) {
    return {
      ok: false,
      errors: (load?.errors ?? [])
        .map(formatIntentError)
        .concat(load?.errors.length ? [] : [`${envFile.path}: the environment does not load`]),
    };
  }
  const current = envFile ? load?.intent : undefined;
  const state = new WriterState(current, proposal);
  const report: WriteReport = { added: [], present: [], renamed: [], skipped: [] };
  state.merge(report);

  const templates =
    options.templates === false
      ? []
      : fitTemplates(
          state.newServices(),
          state.newFlows(),
          options.files,
          under("templates/"),
          (n) => state.namespaces.get(n)?.managed === false,
        );
  for (const use of templates) state.useTemplate(use, report);

  let text: string;
  const emptied: number[] = [];
  try {
    text = envFile
      ? state.splice(envFile.text, templates, report, emptied)
      : state.newFile(
          proposal,
          options,
          templates,
          report,
          before.environments.map((e) => e.intent?.order),
        );
  } catch (error) {
    if (!(error instanceof SpliceRefused)) throw error;
    return { ok: false, errors: [`${envFile?.path ?? envPath}: ${error.message}; add the proposal by hand`] };
  }
  if (envFile && !keepsEveryLine(envFile.text, text, emptied))
    throw new Error(`internal: the writer changed a line of ${envFile.path}`);

  const alongside = options.alongside ?? [];
  const files = options.files
    .filter((f) => f !== envFile && !alongside.some((a) => a.path === f.path))
    .concat(alongside, [{ path: envFile?.path ?? envPath, text }]);
  const after = parseEnvironments(files, { policiesDir: dir });
  const loaded = after.environments.find((e) => e.name === proposal.environment);
  if (!loaded?.intent) {
    return {
      ok: false,
      errors: [
        `the additions to ${envFile?.path ?? envPath} would not load:`,
        ...(loaded?.errors ?? after.errors).map(formatIntentError),
      ],
    };
  }
  return {
    ok: true,
    files: [{ path: envFile?.path ?? envPath, text, created: !envFile }],
    report,
    environment: loaded.intent,
  };
}

/**
 * Every line of `before` is a line of `after`, in the same order (the writer only inserts
 * lines), but for `emptied` (1-based): lines whose empty `[]` or `{}` gave way to a block.
 */
export function keepsEveryLine(before: string, after: string, emptied: readonly number[] = []): boolean {
  const a = before.split(/\r?\n/).filter((_, i) => !emptied.includes(i + 1));
  const b = after.split(/\r?\n/);
  // A last line without a line break may get one: compare it as a line.
  if (a[a.length - 1] === "") a.pop();
  let j = 0;
  for (const line of a) {
    while (j < b.length && b[j] !== line) j++;
    if (j === b.length) return false;
    j++;
  }
  return true;
}

class WriterState {
  readonly namespaces = new Map<string, NsState>();
  /** By namespace, then name. */
  readonly services = new Map<string, Map<string, SvcState>>();
  /** Proposed service (namespace/name) → the name it is written under. */
  private readonly alias = new Map<string, string>();
  /** Ports of a declared service the proposal needs but the file cannot gain: "ns/name" → tokens. */
  private readonly missingPorts = new Map<string, string[]>();
  readonly policies: ProposedPolicy[] = [];
  readonly flows: { flow: ProposedFlow; key: string; text: string }[] = [];
  private readonly existingPolicies = new Map<string, string>();
  private readonly existingFlowKeys = new Set<string>();
  private readonly existingNames = new Set<string>();
  private readonly templated = new Set<object>();
  /** Namespaces a template declares (a new one that holds nothing else needs no block of its own). */
  private readonly templatedNamespaces = new Set<string>();

  constructor(
    private readonly current: EnvironmentIntent | undefined,
    private readonly proposal: Proposal,
  ) {
    for (const ns of current?.namespaces ?? []) {
      this.namespaces.set(ns.name, { managed: ns.managed, defaultDeny: ns.defaultDeny, existing: true });
      this.existingNames.add(ns.name);
      const byName = new Map<string, SvcState>();
      for (const svc of ns.services) {
        byName.set(svc.name, { ...svc, ports: svc.ports.map(portLike), existing: true });
        this.existingNames.add(svc.name);
      }
      this.services.set(ns.name, byName);
      for (const p of ns.policies ?? [])
        this.existingPolicies.set(`${ns.name}/${p.name}`, canonicalJson(p.spec));
    }
    for (const flow of current?.flows ?? []) {
      this.existingFlowKeys.add(flowKey(endpointKey(flow.from), endpointKey(flow.to), flow.ports));
    }
  }

  merge(report: WriteReport): void {
    for (const ns of this.proposal.namespaces) this.addNamespace(ns, report);
    for (const svc of this.proposal.services) this.addService(svc, report);
    for (const p of this.proposal.policies) this.addPolicy(p, report);
    for (const f of this.proposal.flows) this.addFlow(f, report);
  }

  private addNamespace(ns: ProposedNamespace, report: WriteReport): void {
    const managed = ns.managed ?? true;
    const defaultDeny = ns.defaultDeny ?? managed;
    const have = this.namespaces.get(ns.name);
    if (have) {
      if (have.existing && (have.managed !== managed || have.defaultDeny !== defaultDeny)) {
        report.skipped.push({
          item: `namespace ${ns.name}`,
          reason: `the intent has it ${describeNs(have)}; the proposal ${describeNs({ managed, defaultDeny })}: kept as it is`,
        });
      } else if (have.existing) report.present.push(`namespace ${ns.name}`);
      return;
    }
    this.namespaces.set(ns.name, { managed, defaultDeny, existing: false, proposal: ns });
    this.services.set(ns.name, new Map());
    report.added.push(`namespace ${ns.name}${managed ? "" : " (managed: false)"}`);
  }

  /** A namespace a service or flow names that neither the intent nor the proposal declares: a peer. */
  private ensureNamespace(name: string, managed: boolean, report: WriteReport): NsState {
    const have = this.namespaces.get(name);
    if (have) return have;
    this.addNamespace({ name, managed }, report);
    return this.namespaces.get(name)!;
  }

  private addService(svc: ProposedService, report: WriteReport): void {
    this.ensureNamespace(svc.namespace, true, report);
    const byName = this.services.get(svc.namespace)!;
    const labels = canonicalJson(svc.labels);
    const ports = svc.ports.map((p) => portLike(p));
    const same = [...byName.values()].find((s) => canonicalJson(s.labels) === labels);
    const id = `${svc.namespace}/${svc.name}`;
    if (same) {
      this.alias.set(id, same.name);
      const missing = ports.filter((p) => !same.ports.some((q) => covers(q, p)));
      if (missing.length === 0) {
        if (same.existing) report.present.push(`service ${svc.namespace}/${same.name}`);
        return;
      }
      if (!same.existing) {
        same.ports.push(...missing);
        return;
      }
      this.missingPorts.set(
        `${svc.namespace}/${same.name}`,
        missing.map((p) => flowPortToken(p, true)),
      );
      report.skipped.push({
        item: `ports ${missing.map((p) => flowPortToken(p, true)).join(", ")} of service ${svc.namespace}/${same.name}`,
        reason: "the service is declared already: add the ports to its declaration by hand, then write again",
      });
      return;
    }
    // A name the intent uses already (here or in another namespace, where its flows may
    // name it bare) is not taken again: the namespace's name in front, else a number after.
    const taken = (n: string): boolean => byName.has(n) || this.existingNames.has(n);
    let name = svc.name;
    if (taken(name) && !byName.has(name))
      name = `${svc.namespace}-${svc.name}`.slice(0, 63).replace(/-+$/, "");
    for (let i = 2; taken(name); i++) name = `${svc.name}-${i}`;
    if (name !== svc.name) {
      report.renamed.push(
        `service ${id} → ${svc.namespace}/${name} (the name '${svc.name}' is taken in the intent)`,
      );
    }
    this.alias.set(id, name);
    byName.set(name, {
      namespace: svc.namespace,
      name,
      labels: svc.labels,
      ports,
      existing: false,
      proposal: svc,
    });
    report.added.push(`service ${svc.namespace}/${name}`);
  }

  private addPolicy(policy: ProposedPolicy, report: WriteReport): void {
    const ns = this.ensureNamespace(policy.namespace, true, report);
    if (!ns.managed) {
      report.skipped.push({
        item: `policy ${policy.namespace}/${policy.name}`,
        reason: `namespace ${policy.namespace} is not managed in the intent`,
      });
      return;
    }
    const spec = canonicalJson(policy.spec);
    let name = policy.name;
    for (let i = 2; ; i++) {
      const have = this.existingPolicies.get(`${policy.namespace}/${name}`);
      if (have === undefined) break;
      if (have === spec) {
        report.present.push(`policy ${policy.namespace}/${name}`);
        return;
      }
      name = `${policy.name}-${i}`;
    }
    if (name !== policy.name)
      report.renamed.push(
        `policy ${policy.namespace}/${policy.name} → ${name} (the name is taken by another spec)`,
      );
    this.existingPolicies.set(`${policy.namespace}/${name}`, spec);
    this.policies.push({ ...policy, name });
    report.added.push(`policy ${policy.namespace}/${name}`);
  }

  private addFlow(flow: ProposedFlow, report: WriteReport): void {
    const from = this.resolve(flow.from, report);
    const to = this.resolve(flow.to, report);
    const portsText = (flow.ports ?? []).map((p) => p.name ?? flowPortToken(portLike(p), false)).join(",");
    const label = `flow ${describeEndpoint(flow.from)} -> ${describeEndpoint(flow.to)}${portsText ? `:${portsText}` : ""}`;
    if (!from.ok || !to.ok) {
      report.skipped.push({ item: label, reason: (from.ok ? to : from).reason! });
      return;
    }
    const managed = (e: ProposedEndpoint): boolean =>
      (e.kind === "service" || e.kind === "namespace") &&
      (this.namespaces.get(e.namespace)?.managed ?? false);
    if (!managed(from.endpoint) && !managed(to.endpoint)) {
      report.skipped.push({ item: label, reason: "neither side is a managed service or namespace" });
      return;
    }
    const dest = to.endpoint.kind === "service" ? this.service(to.endpoint) : undefined;
    let ports: PortLike[];
    if (flow.ports === undefined) ports = dest ? dest.ports : [];
    else {
      ports = [];
      for (const p of flow.ports) {
        const resolved = dest
          ? dest.ports.find((q) => (p.name !== undefined ? q.name === p.name : covers(q, portLike(p))))
          : undefined;
        if (dest && !resolved) {
          const token = p.name ?? flowPortToken(portLike(p), true);
          const pending = this.missingPorts.get(`${dest.namespace}/${dest.name}`);
          report.skipped.push({
            item: label,
            reason: pending
              ? `service ${dest.namespace}/${dest.name} lacks port ${token} (see its ports above)`
              : `service ${dest.namespace}/${dest.name} declares no port ${token}`,
          });
          return;
        }
        const like = portLike(p);
        if (p.name !== undefined && resolved) ports.push({ ...resolved });
        else ports.push(like);
      }
    }
    const key = flowKey(
      endpointKey(asModelEndpoint(from.endpoint)),
      endpointKey(asModelEndpoint(to.endpoint)),
      ports,
    );
    if (this.existingFlowKeys.has(key)) {
      report.present.push(label);
      return;
    }
    this.existingFlowKeys.add(key);
    const resolved: ProposedFlow = { ...flow, from: from.endpoint, to: to.endpoint };
    if (flow.ports !== undefined) resolved.ports = flow.ports;
    this.flows.push({ flow: resolved, key, text: label });
  }

  private resolve(
    e: ProposedEndpoint,
    report: WriteReport,
  ): { ok: true; endpoint: ProposedEndpoint; reason?: undefined } | { ok: false; reason: string } {
    if (e.kind === "service") {
      const name = this.alias.get(`${e.namespace}/${e.service}`) ?? e.service;
      if (!this.services.get(e.namespace)?.has(name))
        return { ok: false, reason: `service ${e.namespace}/${e.service} is neither proposed nor declared` };
      return { ok: true, endpoint: { kind: "service", namespace: e.namespace, service: name } };
    }
    if (e.kind === "namespace") this.ensureNamespace(e.namespace, false, report);
    return { ok: true, endpoint: e };
  }

  private service(e: { namespace: string; service: string }): SvcState | undefined {
    return this.services.get(e.namespace)?.get(e.service);
  }

  newServices(): SvcState[] {
    return [...this.services.values()].flatMap((m) => [...m.values()]).filter((s) => !s.existing);
  }

  newFlows(): { flow: ProposedFlow; key: string }[] {
    return this.flows;
  }

  useTemplate(use: TemplateUse, report: WriteReport): void {
    for (const s of use.services) {
      this.templated.add(s);
      this.templatedNamespaces.add(s.namespace);
      const line = report.added.indexOf(`service ${s.namespace}/${s.name}`);
      if (line >= 0) report.added.splice(line, 1);
    }
    for (const f of use.flows) this.templated.add(f);
  }

  // --- text ---------------------------------------------------------------------------------

  /** How an endpoint is written in a flow line, given every name in the final intent. */
  private endpointText(e: ProposedEndpoint): string {
    const serviceNames = (this.serviceNameCounts ??= this.countServiceNames());
    switch (e.kind) {
      case "service":
        return serviceNames.get(e.service) === 1 && !this.namespaces.has(e.service)
          ? e.service
          : `${e.namespace}/${e.service}`;
      case "namespace":
        return serviceNames.has(e.namespace) ? `${e.namespace}/*` : e.namespace;
      case "cidr":
        return e.cidr.includes(":") ? `[${e.cidr}]` : e.cidr;
      case "fqdn":
        return e.fqdn;
    }
  }

  /** How many namespaces declare a service of each name, once every service is known. */
  private serviceNameCounts: Map<string, number> | undefined;

  private countServiceNames(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.services.values())
      for (const name of m.keys()) counts.set(name, (counts.get(name) ?? 0) + 1);
    return counts;
  }

  private flowLines(flow: ProposedFlow): string[] {
    const dest = flow.to.kind === "service" ? this.service(flow.to) : undefined;
    const tokens = (flow.ports ?? []).map((p) => {
      const like = portLike(p);
      // Without a protocol a port means every protocol the service declares on it.
      const other = dest?.ports.some(
        (q) => q.protocol !== like.protocol && covers(q, { ...like, protocol: q.protocol }),
      );
      return flowPortToken({ ...like, ...(p.name !== undefined ? { name: p.name } : {}) }, other === true);
    });
    const except =
      flow.to.kind === "cidr" ? flow.to.except : flow.from.kind === "cidr" ? flow.from.except : undefined;
    return flowItemLines(
      this.endpointText(flow.from),
      this.endpointText(flow.to),
      tokens,
      except,
      flow.comment,
    );
  }

  private serviceBlock(s: SvcState): string[] {
    return serviceLines(s.name, s.labels, s.ports.map(toProposedPort), s.proposal?.comment);
  }

  /** The block of a new namespace: its flags, services and policies. */
  private namespaceBlock(name: string, ns: NsState): string[] {
    const services = this.newServicesOf(name);
    const policies = this.policies.filter((p) => p.namespace === name);
    const flags: { [k: string]: boolean } = {};
    if (!ns.managed) flags["managed"] = false;
    if (ns.defaultDeny !== ns.managed) flags["defaultDeny"] = ns.defaultDeny;
    const podLabels = ns.proposal?.podLabels;
    const comment = commentLines(ns.proposal?.comment, 0);
    if (services.length === 0 && policies.length === 0) {
      const bare = Object.keys(flags).length === 0 && !podLabels && comment.length === 0;
      if (bare && this.templatedNamespaces.has(name)) return [];
      const value: { [k: string]: boolean | Record<string, string> } = { ...flags };
      if (podLabels) value["podLabels"] = podLabels;
      return [...comment, `${key(name)}: ${flowText(value)}`];
    }
    const lines = [...comment, `${key(name)}:`];
    for (const [k, v] of Object.entries(flags)) lines.push(`  ${k}: ${v}`);
    if (podLabels) lines.push(...entryLines("podLabels", podLabels, 2));
    if (services.length > 0)
      lines.push("  services:", ...services.flatMap((s) => indent(this.serviceBlock(s), 4)));
    if (policies.length > 0)
      lines.push(
        "  policies:",
        ...policies.flatMap((p) => indent(policyLines(p.name, p.spec, p.comment), 4)),
      );
    return lines;
  }

  private newServicesOf(namespace: string): SvcState[] {
    return [...(this.services.get(namespace)?.values() ?? [])].filter(
      (s) => !s.existing && !this.templated.has(s),
    );
  }

  private writtenFlows(): ProposedFlow[] {
    return this.flows.filter((f) => !this.templated.has(f)).map((f) => f.flow);
  }

  newFile(
    proposal: Proposal,
    options: WriteOptions,
    templates: TemplateUse[],
    report: WriteReport,
    orders: (number | undefined)[],
  ): string {
    const s = proposal.settings;
    const schema =
      options.schema ??
      options.files
        .filter((f) => /(^|\/)environments\/[^/]+\.ya?ml$/.test(f.path))
        .map((f) => /^# yaml-language-server: \$schema=(\S+)/.exec(f.text)?.[1])
        .find((m) => m !== undefined) ??
      "../schema.json";
    const used = orders.filter((o): o is number => o !== undefined);
    const promotion = s.promotion ?? (used.length > 0 ? Math.max(...used) + 1 : 1);
    const lines = [`# yaml-language-server: $schema=${schema}`];
    if (s.header && s.header.length > 0) lines.push("#", ...commentLines(s.header, 0));
    lines.push(`promotion: ${promotion}`, `cni: ${s.cni}`);
    if (s.dns) lines.push(...entryLines("dns", s.dns as { [k: string]: string }, 0));
    if (s.replaces !== undefined) lines.push(`replaces: ${key(s.replaces)}`);
    if (templates.length > 0) {
      lines.push(
        "include:",
        ...templates.flatMap((t) => indent(templateIncludeLines(t.template, t.params, t.comment), 2)),
      );
      for (const t of templates) report.added.push(`template ${t.template} (${t.describe})`);
    }
    const names = [...this.namespaces.keys()].filter((n) => !this.namespaces.get(n)!.existing).sort();
    if (names.length > 0) {
      lines.push("namespaces:");
      for (const n of names) lines.push(...indent(this.namespaceBlock(n, this.namespaces.get(n)!), 2));
      if (lines[lines.length - 1] === "namespaces:") lines.pop();
    }
    const flows = this.writtenFlows();
    if (flows.length > 0) lines.push("flows:", ...flows.flatMap((f) => indent(this.flowLines(f), 2)));
    for (const f of this.flows) if (!this.templated.has(f)) report.added.push(f.text);
    return `${lines.join("\n")}\n`;
  }

  splice(text: string, templates: TemplateUse[], report: WriteReport, emptied: number[]): string {
    const splicer = new Splicer(text);
    const replaces = this.proposal.settings.replaces;
    if (replaces !== undefined && !splicer.has(["replaces"])) {
      splicer.addTopLevel("replaces", key(replaces));
      report.added.push(`replaces: ${replaces}`);
    }
    if (templates.length > 0) {
      splicer.addItems(
        ["include"],
        templates.map((t) => templateIncludeLines(t.template, t.params, t.comment)),
      );
      for (const t of templates) report.added.push(`template ${t.template} (${t.describe})`);
    }
    // Namespaces the file itself declares get their additions in place; the others (new, or
    // declared only by an include) get a block under `namespaces:`.
    const blocks: string[][] = [];
    for (const [name, ns] of [...this.namespaces].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      const services = this.newServicesOf(name);
      const policies = this.policies.filter((p) => p.namespace === name);
      if (!ns.existing) {
        const block = this.namespaceBlock(name, ns);
        if (block.length > 0) blocks.push(block);
        continue;
      }
      if (services.length === 0 && policies.length === 0) continue;
      if (splicer.has(["namespaces", name])) {
        splicer.addEntries(
          ["namespaces", name, "services"],
          services.map((s) => this.serviceBlock(s)),
        );
        splicer.addEntries(
          ["namespaces", name, "policies"],
          policies.map((p) => policyLines(p.name, p.spec, p.comment)),
        );
      } else {
        const lines = [`${key(name)}:`];
        if (services.length > 0)
          lines.push("  services:", ...services.flatMap((s) => indent(this.serviceBlock(s), 4)));
        if (policies.length > 0)
          lines.push(
            "  policies:",
            ...policies.flatMap((p) => indent(policyLines(p.name, p.spec, p.comment), 4)),
          );
        blocks.push(lines);
      }
    }
    splicer.addEntries(["namespaces"], blocks);
    splicer.addItems(
      ["flows"],
      this.writtenFlows().map((f) => this.flowLines(f)),
    );
    for (const f of this.flows) if (!this.templated.has(f)) report.added.push(f.text);
    emptied.push(...splicer.emptiedLines);
    return splicer.result();
  }
}

/** JSON with every object's keys in sorted order: equal values, equal text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

function indent(lines: string[], by: number): string[] {
  const pad = " ".repeat(by);
  return lines.map((l) => (l === "" ? l : pad + l));
}

function portLike(p: ProposedPort | PortLike): PortLike {
  const out: PortLike = { port: p.port, protocol: p.protocol ?? "TCP" };
  if (p.endPort !== undefined && p.endPort !== p.port) out.endPort = p.endPort;
  if (p.name !== undefined) out.name = p.name;
  return out;
}

function toProposedPort(p: PortLike): ProposedPort {
  return { ...p };
}

/** Whether declared port `q` covers port (or range) `p` of the same protocol. */
function covers(q: PortLike, p: PortLike): boolean {
  return q.protocol === p.protocol && q.port <= p.port && (p.endPort ?? p.port) <= (q.endPort ?? q.port);
}

function describeNs(ns: { managed: boolean; defaultDeny: boolean }): string {
  return ns.managed ? (ns.defaultDeny ? "managed" : "managed without default-deny") : "unmanaged";
}

function describeEndpoint(e: ProposedEndpoint): string {
  switch (e.kind) {
    case "service":
      return `${e.namespace}/${e.service}`;
    case "namespace":
      return `${e.namespace}/*`;
    case "cidr":
      return e.except?.length ? `${e.cidr} except ${e.except.join(",")}` : e.cidr;
    case "fqdn":
      return e.fqdn;
  }
}

function asModelEndpoint(e: ProposedEndpoint): Endpoint {
  switch (e.kind) {
    case "service":
      return { kind: "service", namespace: e.namespace, service: e.service };
    case "namespace":
      return { kind: "namespace", namespace: e.namespace };
    case "cidr":
      return { kind: "cidr", cidr: e.cidr, except: e.except ?? [] };
    case "fqdn":
      return { kind: "fqdn", fqdn: e.fqdn.toLowerCase() };
  }
}

function endpointKey(e: Endpoint): string {
  switch (e.kind) {
    case "service":
      return `svc:${e.namespace}/${e.service}`;
    case "namespace":
      return `ns:${e.namespace}`;
    case "cidr":
      return `cidr:${e.cidr}|${[...e.except].sort().join(",")}`;
    case "fqdn":
      return `fqdn:${e.fqdn}`;
  }
}

function flowKey(
  from: string,
  to: string,
  ports: readonly { protocol: Protocol; port?: number; endPort?: number }[],
): string {
  const list = ports.map((p) => `${p.protocol}/${p.port ?? "*"}-${p.endPort ?? ""}`).sort();
  return JSON.stringify([from, to, list]);
}
