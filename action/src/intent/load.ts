/**
 * The intent loader: policies/ (environments, shared fragments, templates) → Intent.
 *
 * Pure over in-memory files: the files are read by an adapter (`adapters/files/intent.ts`
 * from a directory, the git reader at a revision).
 * Every error carries file:line:column; all errors are reported at once, sorted; nothing
 * partial is returned when there is any error.
 */
import { CNI_PROFILES, isCniProfileName, type CniProfile } from "../cni/profiles.js";
import type { DnsIntent, EnvironmentIntent, IntentError, LoadResult, ProbeTargetIntent } from "./model.js";
import { parseCidr } from "./cidr.js";
import { checkClusterCapabilities, readClusters } from "./clusters.js";
import { buildFlows } from "./flows.js";
import { buildNamespaces, readLabels, ref, type Source } from "./namespaces.js";
import { dns1123LabelProblem } from "./names.js";
import { parseProbeTarget } from "./probe-targets.js";
import { checkShape, describe, repairUnindentedBlocks, suggest } from "./shape.js";
import { instantiate, relocate, type ParamValue } from "./templates.js";
import {
  asMap,
  asNumber,
  asSeq,
  asString,
  entry,
  errorAt,
  get,
  parseYamlFile,
  type ParsedFile,
  type PNode,
  type Pos,
} from "./tree.js";

export interface IntentFile {
  /** Relative to the repository root, POSIX separators (policies/environments/production.yaml). */
  path: string;
  text: string;
  /** Why the file could not be read (a link leaving the repository, too large…): an error at it. */
  problem?: string;
}

export interface ParseOptions {
  /** The policies directory relative to the repository root. Default: inferred from `environments/`, else "policies". */
  policiesDir?: string;
}

const DEFAULT_DNS_NAMESPACE = "kube-system";
const DEFAULT_DNS_LABELS = { "k8s-app": "kube-dns" } as const;

/** Parses and validates the intent held in `files`. Pure: no I/O. */
export function parseIntent(files: IntentFile[], options: ParseOptions = {}): LoadResult {
  const { errors, environments } = parseEnvironments(files, options);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, intent: { environments: environments.flatMap((e) => (e.intent ? [e.intent] : [])) } };
}

/** One environment as parseEnvironments sees it. */
export interface EnvironmentLoad {
  name: string;
  /** Present when the environment and every file it uses are free of errors. */
  intent?: EnvironmentIntent;
  /** The errors in the environment file and in the fragments and templates it includes. */
  errors: IntentError[];
}

/**
 * Parses the intent and judges each environment on its own: an environment is usable when
 * neither its file nor a fragment or template it includes has an error. For the preview,
 * which shows the environments a broken file does not touch; everything that deploys uses
 * parseIntent, which returns nothing while any error remains. `errors` holds every error,
 * including those no environment's files contain (an unused template, a promotion clash is
 * the second environment's). Environments are sorted by promotion order, then name.
 */
export function parseEnvironments(
  files: IntentFile[],
  options: ParseOptions = {},
): { errors: IntentError[]; environments: EnvironmentLoad[] } {
  const errors: IntentError[] = [];
  const parsed = new Map<string, ParsedFile>();
  for (const f of files) {
    const path = normalizePath(f.path);
    if (!/\.ya?ml$/i.test(path)) continue;
    if (f.problem !== undefined) {
      errors.push({ file: path, line: 1, column: 1, message: f.problem });
      continue;
    }
    const p = parseYamlFile(path, f.text);
    parsed.set(path, p);
    errors.push(...p.errors);
  }

  const envPattern = /^(?:(.*)\/)?environments\/([^/]+)\.ya?ml$/;
  let dir = options.policiesDir === undefined ? undefined : normalizePath(options.policiesDir);
  if (dir === undefined) {
    // The shallowest directory that has an environments/ folder.
    const dirs = [...parsed.keys()]
      .map((p) => envPattern.exec(p))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => m[1] ?? "")
      .sort((a, b) => a.length - b.length || a.localeCompare(b));
    dir = dirs[0] ?? "policies";
  }
  const policiesDir = dir.replace(/\/+$/, "") === "." ? "" : dir.replace(/\/+$/, "");
  const under = (p: string): string => (policiesDir === "" ? p : `${policiesDir}/${p}`);
  /** The path relative to the policies directory, or undefined when it lies outside. */
  const inDir = (p: string): string | undefined =>
    policiesDir === "" ? p : p.startsWith(`${policiesDir}/`) ? p.slice(policiesDir.length + 1) : undefined;
  const relToDir = (p: string): string => inDir(p) ?? p;

  const envFiles = [...parsed.keys()]
    .filter((p) => /^environments\/[^/]+\.ya?ml$/.test(inDir(p) ?? ""))
    .sort();
  if (envFiles.length === 0) {
    errors.push({
      file: under("environments"),
      line: 1,
      column: 1,
      message: `no environment files found in ${under("environments/")}`,
      hint: "add one file per environment, e.g. environments/production.yaml",
    });
  }

  const templates = new Map<string, ParsedFile>();
  const shared: string[] = [];
  for (const [path, p] of parsed) {
    const rel = inDir(path);
    if (rel === undefined) continue;
    const t = /^templates\/([^/]+)\.ya?ml$/.exec(rel);
    if (t) templates.set(t[1]!, p);
    if (/^shared\/.+\.ya?ml$/.test(rel)) shared.push(path);
  }

  const ctx: LoadContext = {
    parsed,
    templates,
    shared,
    under,
    relToDir,
    shapeChecked: new Set(),
    usedTemplates: new Set(),
    errors,
  };
  const built: BuiltEnvironment[] = [];
  const promotions = new Map<number, { name: string; pos: Pos }>();
  for (const file of envFiles) {
    const env = buildEnvironment(file, ctx);
    built.push(env);
    if (env.promotion !== undefined) {
      const first = promotions.get(env.promotion.order);
      if (first) {
        errors.push(
          errorAt(
            env.promotion.pos,
            `promotion ${env.promotion.order} is already used by environment '${first.name}' (${first.pos.file}:${first.pos.line})`,
            "give every environment its own place in the promotion order",
          ),
        );
      } else {
        promotions.set(env.promotion.order, { name: env.name, pos: env.promotion.pos });
      }
    }
  }

  // Fragments and templates nobody includes are still checked for shape.
  for (const path of shared.sort()) {
    const root = parsed.get(path)?.root;
    if (root && !ctx.shapeChecked.has(path)) {
      ctx.shapeChecked.add(path);
      errors.push(...checkShape(root, "fragment"));
    }
  }
  for (const [name, p] of [...templates].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (!p.root || ctx.usedTemplates.has(name)) continue;
    const params = templateParameters(p.root, errors);
    if (!params) continue;
    const values = new Map<string, ParamValue>();
    let complete = true;
    for (const [k, v] of params) {
      if (v.default === undefined) complete = false;
      else values.set(k, v.default);
    }
    if (!complete) continue;
    const inst = instantiate(p.root, values, `template ${name} with its defaults`);
    errors.push(...inst.errors, ...checkShape(inst.node, "template"));
  }

  const all = sortErrors(errors);
  const environments = built.map((env): EnvironmentLoad => {
    const own = all.filter((e) => env.files.includes(e.file));
    return own.length === 0 && env.intent
      ? { name: env.name, intent: env.intent, errors: [] }
      : { name: env.name, errors: own };
  });
  const order = (e: EnvironmentLoad): number => e.intent?.order ?? Number.MAX_SAFE_INTEGER;
  environments.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
  return { errors: all, environments };
}

function normalizePath(p: string): string {
  return p.replace(/\\/g, "/").replace(/^\.\//, "");
}

/** Sorted by file, line, column, message; exact duplicates removed. */
export function sortErrors(errors: IntentError[]): IntentError[] {
  const seen = new Set<string>();
  const out: IntentError[] = [];
  for (const e of errors) {
    const key = `${e.file}\0${e.line}\0${e.column}\0${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

interface LoadContext {
  parsed: Map<string, ParsedFile>;
  templates: Map<string, ParsedFile>;
  /** Paths of shared fragments (relative to the repository root). */
  shared: string[];
  under: (p: string) => string;
  relToDir: (p: string) => string;
  shapeChecked: Set<string>;
  usedTemplates: Set<string>;
  errors: IntentError[];
}

interface BuiltEnvironment {
  name: string;
  promotion?: { order: number; pos: Pos };
  intent?: EnvironmentIntent;
  /** Every file the environment names: its own, and the fragments and templates it includes. */
  files: string[];
}

function buildEnvironment(file: string, ctx: LoadContext): BuiltEnvironment {
  const name = file.replace(/^.*\//, "").replace(/\.ya?ml$/i, "");
  const parsedFile = ctx.parsed.get(file);
  const root = parsedFile?.root;
  // Every file the environment names, found or not, well-formed or not.
  const touched = [file];
  if (!root) return { name, files: touched };
  const errors: IntentError[] = [];
  const fail = (pos: Pos, message: string, hint?: string): void => {
    errors.push(errorAt(pos, message, hint));
  };
  errors.push(...repairUnindentedBlocks(root, "environment"), ...checkShape(root, "environment"));
  const env = asMap(root);
  if (!env) {
    ctx.errors.push(...errors);
    return { name, files: touched };
  }
  const nameProblem = dns1123LabelProblem(name);
  if (nameProblem) {
    fail(env.pos, `environment name '${name}' (the file name) ${nameProblem}`, "rename the file");
  }

  const promotionEntry = entry(env, "promotion");
  const order = asNumber(promotionEntry?.value);
  const built: BuiltEnvironment = { name, files: touched };
  if (promotionEntry && order !== undefined && Number.isInteger(order)) {
    built.promotion = { order, pos: promotionEntry.value.pos };
  }

  const cniNode = get(env, "cni");
  const cniName = asString(cniNode);
  const baseProfile: CniProfile | undefined =
    cniName !== undefined && isCniProfileName(cniName) ? CNI_PROFILES[cniName] : undefined;
  // `denials:` says how this cluster's dataplane denies (Calico can be set to reject).
  const denialsText = asString(get(env, "denials"));
  const denials = denialsText === "drop" || denialsText === "reject" ? denialsText : undefined;
  const profile: CniProfile | undefined =
    baseProfile && denials !== undefined ? { ...baseProfile, denials } : baseProfile;

  // Includes → sources, in order; the environment file last so that its flows follow.
  const files = [file];
  const sources: Source[] = [];
  const includes = asSeq(get(env, "include"));
  const seenIncludes = new Map<string, Pos>();
  for (const item of includes?.items ?? []) {
    const via = (what: string): string => `${what} included by ${file}:${item.pos.line}:${item.pos.column}`;
    if (item.kind === "scalar" && typeof item.value === "string") {
      const relPath = item.value.trim().replace(/^\.\//, "");
      const path = ctx.under(relPath);
      const again = seenIncludes.get(path);
      if (again) {
        fail(item.pos, `'${relPath}' is already included at line ${again.line}`);
        continue;
      }
      seenIncludes.set(path, item.pos);
      if (!touched.includes(path)) touched.push(path);
      const target = ctx.parsed.get(path);
      if (!target) {
        const known = ctx.shared.map(ctx.relToDir);
        fail(item.pos, `include '${relPath}' not found (looked for ${path})`, suggest(relPath, known));
        continue;
      }
      if (!target.root) continue; // its syntax errors are reported already
      if (!ctx.shapeChecked.has(path)) {
        ctx.shapeChecked.add(path);
        ctx.errors.push(...checkShape(target.root, "fragment"));
      }
      const fragment = asMap(relocate(target.root, via(relPath)));
      if (fragment) sources.push({ root: fragment, fromEnv: false });
      if (!files.includes(path)) files.push(path);
    } else if (item.kind === "map") {
      const shapeErrors = checkShape(item, "templateInclude");
      errors.push(...shapeErrors);
      const templateName = asString(get(item, "template"));
      if (templateName === undefined) continue;
      const template = ctx.templates.get(templateName);
      const templateNode = entry(item, "template")!.value;
      if (!template) {
        fail(
          templateNode.pos,
          `unknown template '${templateName}'`,
          suggest(templateName, [...ctx.templates.keys()].sort()) ??
            `add ${ctx.under(`templates/${templateName}.yaml`)}`,
        );
        continue;
      }
      ctx.usedTemplates.add(templateName);
      if (!touched.includes(template.file)) touched.push(template.file);
      if (!template.root) continue;
      const declared = templateParameters(template.root, ctx.errors);
      if (!declared) continue;
      const values = new Map<string, ParamValue>();
      let ok = shapeErrors.length === 0;
      const withMap = asMap(get(item, "with"));
      for (const e of withMap?.entries ?? []) {
        if (!declared.has(e.key)) {
          ok = false;
          fail(
            e.keyPos,
            `template '${templateName}' has no parameter '${e.key}'`,
            suggest(e.key, [...declared.keys()]),
          );
          continue;
        }
        const v = e.value;
        if (v.kind === "scalar" && v.value !== null) values.set(e.key, v.value);
      }
      for (const [param, spec] of declared) {
        if (values.has(param)) continue;
        if (spec.default !== undefined) values.set(param, spec.default);
        else {
          ok = false;
          fail(
            item.pos,
            `template '${templateName}' needs parameter '${param}'`,
            `add it under 'with'${spec.description ? `: ${spec.description}` : ""}`,
          );
        }
      }
      if (!ok) continue;
      const inst = instantiate(template.root, values, via(`template ${templateName}`));
      errors.push(...inst.errors);
      const shape = checkShape(inst.node, "template");
      errors.push(...shape);
      const fragment = asMap(inst.node);
      if (fragment && inst.errors.length === 0) sources.push({ root: fragment, fromEnv: false });
      if (!files.includes(template.file)) files.push(template.file);
    } else {
      fail(
        item.pos,
        `expected an include: a path like shared/platform.yaml or {template: NAME, with: {...}}, got ${describe(item)}`,
      );
    }
  }
  sources.push({ root: env, fromEnv: true });

  // Environment-level settings.
  const excludedNamespaces: string[] = [];
  for (const item of asSeq(get(env, "excludedNamespaces"))?.items ?? []) {
    const ns = asString(item);
    if (ns === undefined) continue;
    const problem = dns1123LabelProblem(ns);
    if (problem) fail(item.pos, `excluded namespace '${ns}' ${problem}`);
    excludedNamespaces.push(ns);
  }
  const nodeCidrs: string[] = [];
  for (const item of asSeq(get(env, "nodeCidrs"))?.items ?? []) {
    const text = asString(item);
    if (text === undefined) continue;
    const c = parseCidr(text.trim());
    if (!c.ok) fail(item.pos, `node CIDR: ${c.message}`, c.hint);
    else nodeCidrs.push(c.cidr.text);
  }
  const probeTargets: ProbeTargetIntent[] = [];
  const probeMap = asMap(get(env, "probe"));
  const seenTargets = new Map<string, Pos>();
  for (const item of asSeq(probeMap ? get(probeMap, "targets") : undefined)?.items ?? []) {
    const text = asString(item);
    if (text === undefined) continue; // the schema reports the type
    const t = parseProbeTarget(text);
    if (!t.ok) {
      fail(item.pos, t.message, t.hint);
      continue;
    }
    const key = `${t.address}:${t.port}/${t.protocol}`;
    const first = seenTargets.get(key);
    if (first) {
      fail(item.pos, `probe target '${text.trim()}' is already listed at line ${first.line}`);
      continue;
    }
    seenTargets.set(key, item.pos);
    probeTargets.push({ address: t.address, port: t.port, protocol: t.protocol, source: ref(item.pos) });
  }
  let replaces: EnvironmentIntent["replaces"];
  const replacesEntry = entry(env, "replaces");
  const replacesText = asString(replacesEntry?.value)?.trim().replace(/^\.\//, "").replace(/\/+$/, "");
  if (replacesEntry && replacesText !== undefined) {
    const directory = ctx.under(replacesText);
    const inside = [...ctx.parsed.keys()].filter((p) => p.startsWith(`${directory}/`)).sort();
    if (replacesText === "" || replacesText.startsWith("/") || replacesText.split("/").includes("..")) {
      fail(
        replacesEntry.value.pos,
        `replaces '${replacesText}' must be a directory inside the policies directory`,
        "e.g. imported/production",
      );
    } else if (inside.length === 0) {
      fail(
        replacesEntry.value.pos,
        `replaces '${replacesText}': no YAML file in ${directory}`,
        "netpol-rollout import writes them",
      );
    } else {
      replaces = { directory, files: inside, source: ref(replacesEntry.value.pos) };
      for (const path of inside) {
        if (!touched.includes(path)) touched.push(path);
        if (!files.includes(path)) files.push(path);
      }
    }
  }
  const dnsMap = asMap(get(env, "dns"));
  const dnsNamespace = asString(dnsMap ? get(dnsMap, "namespace") : undefined) ?? DEFAULT_DNS_NAMESPACE;
  if (dnsMap) {
    const nsNode = get(dnsMap, "namespace");
    const problem = dns1123LabelProblem(dnsNamespace);
    if (nsNode && problem) fail(nsNode.pos, `DNS namespace '${dnsNamespace}' ${problem}`);
  }
  const dnsLabelsNode = asMap(dnsMap ? get(dnsMap, "podLabels") : undefined);
  const dnsLabels = dnsLabelsNode
    ? readLabels(dnsLabelsNode, "DNS pod label", fail)
    : { ...DEFAULT_DNS_LABELS };
  if (dnsLabelsNode && Object.keys(dnsLabels).length === 0) {
    fail(
      dnsLabelsNode.pos,
      "DNS podLabels must not be empty",
      "leave podLabels out for {k8s-app: kube-dns}, or write dns.mode: safe",
    );
  }
  const dnsModeText = asString(dnsMap ? get(dnsMap, "mode") : undefined);
  const dnsMode = dnsModeText === "strict" || dnsModeText === "safe" ? dnsModeText : profile?.dnsSelectorMode;

  // Namespaces and services, merged across sources.
  const namespaces = buildNamespaces(sources, excludedNamespaces, profile, fail);
  const dnsNs = namespaces.get(dnsNamespace);
  if (dnsNs?.intent.defaultDeny) {
    // The DNS pods' own ingress would be denied: every pod's allow-dns egress would lead nowhere.
    fail(
      dnsNs.intent.source,
      `namespace '${dnsNamespace}' runs cluster DNS and cannot be default-denied`,
      "write managed: false or defaultDeny: false for it",
    );
  }

  // Flows.
  const flows = buildFlows(sources, namespaces, profile, cniName ?? "", fail);

  // Clusters: how many, how each is reached, and what differs on each.
  const { clusters, waveSize } = readClusters(env, dnsModeText !== undefined, fail);
  const namespaceList = [...namespaces.values()]
    .map((n) => n.intent)
    .sort((a, b) => a.name.localeCompare(b.name));
  if (clusters) checkClusterCapabilities(env, clusters, namespaceList, flows, fail);

  ctx.errors.push(...errors);
  if (errors.length > 0 || order === undefined || !profile || !dnsMode || !built.promotion) return built;

  const dns: DnsIntent = { namespace: dnsNamespace, podLabels: dnsLabels, mode: dnsMode };
  built.intent = {
    name,
    order,
    cni: profile.name,
    profile,
    ...(denials !== undefined ? { denials } : {}),
    dns,
    nodeCidrs,
    excludedNamespaces,
    ...(probeTargets.length > 0 ? { probeTargets } : {}),
    ...(replaces ? { replaces } : {}),
    namespaces: namespaceList,
    flows,
    ...(clusters ? { clusters } : {}),
    ...(waveSize !== undefined ? { waveSize } : {}),
    files,
    source: ref(env.pos),
  };
  const dnsKey = entry(env, "dns");
  if (dnsKey) built.intent.dnsSource = ref(dnsKey.keyPos);
  const nodeCidrsKey = entry(env, "nodeCidrs");
  if (nodeCidrsKey) built.intent.nodeCidrsSource = ref(nodeCidrsKey.keyPos);
  return built;
}

interface TemplateParameter {
  description?: string;
  default?: ParamValue;
}

/** The declared parameters of a template, or undefined when the declaration is unusable. */
function templateParameters(root: PNode, errors: IntentError[]): Map<string, TemplateParameter> | undefined {
  const out = new Map<string, TemplateParameter>();
  const map = asMap(root);
  if (!map) return undefined;
  const params = get(map, "parameters");
  if (!params) return out;
  const pm = asMap(params);
  if (!pm) return undefined; // shape error reported by the template check
  for (const e of pm.entries) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(e.key)) {
      errors.push(errorAt(e.keyPos, `template parameter name '${e.key}' must be letters, digits and '_'`));
      continue;
    }
    const spec: TemplateParameter = {};
    const sm = asMap(e.value);
    if (sm) {
      const d = get(sm, "default");
      if (d?.kind === "scalar" && d.value !== null) spec.default = d.value;
      const desc = asString(get(sm, "description"));
      if (desc !== undefined) spec.description = desc;
    } else if (!(e.value.kind === "scalar" && e.value.value === null)) {
      errors.push(
        errorAt(
          e.value.pos,
          `expected a template parameter {description, default}, got ${describe(e.value)}`,
        ),
      );
    }
    out.set(e.key, spec);
  }
  return out;
}
