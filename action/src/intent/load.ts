/**
 * The intent loader: policies/ (environments, shared fragments, templates) → Intent.
 *
 * `parseIntent` is pure over in-memory files; `loadIntentFromDir` is the thin I/O wrapper.
 * Every error carries file:line:column; all errors are reported at once, sorted; nothing
 * partial is returned when there is any error.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { CNI_PROFILES, isCniProfileName, type CniProfile } from "../cni/profiles.js";
import type {
  DnsIntent,
  Endpoint,
  EnvironmentIntent,
  Flow,
  FlowPort,
  Intent,
  IntentError,
  LoadResult,
  NamespaceIntent,
  Protocol,
  Service,
  ServicePort,
  SourceRef,
} from "./model.js";
import { isStrictSubnet, parseCidr, type Cidr } from "./cidr.js";
import { formatRawEndpoint, parseFlowLine, parseSourceText, type RawEndpoint } from "./flow-syntax.js";
import { dns1123LabelProblem, labelKeyProblem, labelValueProblem, portNameProblem } from "./names.js";
import { formatPort, parsePortText, parseProtocol, portRangeProblem } from "./ports.js";
import { checkShape, describe, didYouMean, suggest } from "./shape.js";
import { instantiate, relocate, type ParamValue } from "./templates.js";
import {
  asBoolean,
  asMap,
  asNumber,
  asSeq,
  asString,
  entry,
  errorAt,
  get,
  parseYamlFile,
  toPlain,
  type ParsedFile,
  type PMap,
  type PNode,
  type Pos,
} from "./tree.js";

export interface IntentFile {
  /** Relative to the repository root, POSIX separators (policies/environments/production.yaml). */
  path: string;
  text: string;
}

export interface ParseOptions {
  /** The policies directory relative to the repository root. Default: inferred from `environments/`, else "policies". */
  policiesDir?: string;
}

const DEFAULT_DNS_NAMESPACE = "kube-system";
const DEFAULT_DNS_LABELS = { "k8s-app": "kube-dns" } as const;
const METADATA_NAME = "kubernetes.io/metadata.name";

/** Parses and validates the intent held in `files`. Pure: no I/O. */
export function parseIntent(files: IntentFile[], options: ParseOptions = {}): LoadResult {
  const errors: IntentError[] = [];
  const parsed = new Map<string, ParsedFile>();
  for (const f of files) {
    const path = normalizePath(f.path);
    if (!/\.ya?ml$/i.test(path)) continue;
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
  const environments: EnvironmentIntent[] = [];
  const promotions = new Map<number, { name: string; pos: Pos }>();
  for (const file of envFiles) {
    const env = buildEnvironment(file, ctx);
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
    if (env.intent) environments.push(env.intent);
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

  if (errors.length > 0) return { ok: false, errors: sortErrors(errors) };
  environments.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  const intent: Intent = { environments };
  return { ok: true, intent };
}

/**
 * Reads every *.yaml / *.yml under `policiesDir` and parses them. Paths in the result are
 * relative to `repoRoot` (default: the current directory), with POSIX separators.
 */
export async function loadIntentFromDir(
  policiesDir: string,
  repoRoot: string = process.cwd(),
): Promise<LoadResult> {
  const root = resolve(repoRoot);
  const base = resolve(root, policiesDir);
  const rel = (abs: string): string => relative(root, abs).split(sep).join("/");
  let paths: string[];
  try {
    paths = await listYaml(base);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      errors: [
        {
          file: rel(base) || ".",
          line: 1,
          column: 1,
          message:
            code === "ENOENT"
              ? `policies directory '${rel(base) || "."}' does not exist`
              : `cannot read policies directory: ${(error as Error).message}`,
        },
      ],
    };
  }
  const files: IntentFile[] = [];
  const errors: IntentError[] = [];
  for (const abs of paths.sort()) {
    try {
      files.push({ path: rel(abs), text: await readFile(abs, "utf8") });
    } catch (error) {
      errors.push({
        file: rel(abs),
        line: 1,
        column: 1,
        message: `cannot read file: ${(error as Error).message}`,
      });
    }
  }
  const result = parseIntent(files, { policiesDir: rel(base) });
  if (errors.length === 0) return result;
  return { ok: false, errors: sortErrors([...errors, ...(result.ok ? [] : result.errors)]) };
}

async function listYaml(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(dir, { withFileTypes: true })) {
    const abs = join(dir, d.name);
    if (d.isDirectory()) {
      if (d.name === "node_modules" || d.name.startsWith(".")) continue;
      out.push(...(await listYaml(abs)));
    } else if (/\.ya?ml$/i.test(d.name)) {
      out.push(abs);
    }
  }
  return out;
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

interface Source {
  root: PMap;
  /** The environment file itself (its declarations win over included ones). */
  fromEnv: boolean;
}

interface BuiltEnvironment {
  name: string;
  promotion?: { order: number; pos: Pos };
  intent?: EnvironmentIntent;
}

function ref(pos: Pos): SourceRef {
  return { file: pos.file, line: pos.line, column: pos.column };
}

function buildEnvironment(file: string, ctx: LoadContext): BuiltEnvironment {
  const name = file.replace(/^.*\//, "").replace(/\.ya?ml$/i, "");
  const parsedFile = ctx.parsed.get(file);
  const root = parsedFile?.root;
  if (!root) return { name };
  const errors: IntentError[] = [];
  const fail = (pos: Pos, message: string, hint?: string): void => {
    errors.push(errorAt(pos, message, hint));
  };
  errors.push(...checkShape(root, "environment"));
  const env = asMap(root);
  if (!env) {
    ctx.errors.push(...errors);
    return { name };
  }
  const nameProblem = dns1123LabelProblem(name);
  if (nameProblem) {
    fail(env.pos, `environment name '${name}' (the file name) ${nameProblem}`, "rename the file");
  }

  const promotionEntry = entry(env, "promotion");
  const order = asNumber(promotionEntry?.value);
  const built: BuiltEnvironment = { name };
  if (promotionEntry && order !== undefined && Number.isInteger(order)) {
    built.promotion = { order, pos: promotionEntry.value.pos };
  }

  const cniNode = get(env, "cni");
  const cniName = asString(cniNode);
  const profile: CniProfile | undefined =
    cniName !== undefined && isCniProfileName(cniName) ? CNI_PROFILES[cniName] : undefined;

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

  ctx.errors.push(...errors);
  if (errors.length > 0 || order === undefined || !profile || !dnsMode || !built.promotion) return built;

  const dns: DnsIntent = { namespace: dnsNamespace, podLabels: dnsLabels, mode: dnsMode };
  built.intent = {
    name,
    order,
    cni: profile.name,
    profile,
    dns,
    nodeCidrs,
    excludedNamespaces,
    namespaces: [...namespaces.values()].map((n) => n.intent).sort((a, b) => a.name.localeCompare(b.name)),
    flows,
    files,
    source: ref(env.pos),
  };
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

type Fail = (pos: Pos, message: string, hint?: string) => void;

function readLabels(map: PMap, what: string, fail: Fail): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of map.entries) {
    const keyProblem = labelKeyProblem(e.key);
    if (keyProblem) fail(e.keyPos, `${what} key '${e.key}': ${keyProblem}`);
    const v = e.value;
    if (v.kind !== "scalar" || typeof v.value !== "string") {
      if (v.kind === "scalar" && v.value === null) {
        fail(v.pos, `${what} '${e.key}' has no value`, `write ${e.key}: "" for an empty value`);
      } else if (v.kind === "scalar") {
        fail(v.pos, `${what} '${e.key}' must be a string`, `quote it: "${String(v.value)}"`);
      } else {
        fail(v.pos, `${what} '${e.key}' must be a string, got ${describe(v)}`);
      }
      continue;
    }
    const valueProblem = labelValueProblem(v.value);
    if (valueProblem) fail(v.pos, `${what} value '${v.value}' for '${e.key}' ${valueProblem}`);
    out[e.key] = v.value;
  }
  return out;
}

interface BuiltNamespace {
  intent: NamespaceIntent;
  podLabels?: Record<string, string>;
  services: Map<string, Service>;
  /** Services whose port declarations had errors: flows to them are not checked against ports again. */
  incomplete: Set<string>;
}

function buildNamespaces(
  sources: Source[],
  excluded: string[],
  profile: CniProfile | undefined,
  fail: Fail,
): Map<string, BuiltNamespace> {
  interface Decl {
    keyPos: Pos;
    node: PMap;
    fromEnv: boolean;
  }
  const decls = new Map<string, Decl[]>();
  for (const s of sources) {
    for (const e of asMap(get(s.root, "namespaces"))?.entries ?? []) {
      const node = asMap(e.value);
      if (!node) continue;
      const list = decls.get(e.key) ?? [];
      list.push({ keyPos: e.keyPos, node, fromEnv: s.fromEnv });
      decls.set(e.key, list);
    }
  }
  const out = new Map<string, BuiltNamespace>();
  for (const [name, list] of decls) {
    const main = list.find((d) => d.fromEnv) ?? list[0]!;
    const problem = dns1123LabelProblem(name);
    if (problem)
      fail(
        main.keyPos,
        `namespace name '${name}' ${problem}`,
        problem === "must be lowercase" ? `write '${name.toLowerCase()}'` : undefined,
      );

    // A namespace-level field comes from the environment file if it sets it, else from the one fragment that does.
    const field = (key: string): { node: PNode; pos: Pos } | undefined => {
      const envDecl = list.find((d) => d.fromEnv && entry(d.node, key));
      if (envDecl) {
        const e = entry(envDecl.node, key)!;
        return { node: e.value, pos: e.keyPos };
      }
      let found: { node: PNode; pos: Pos } | undefined;
      for (const d of list) {
        const e = entry(d.node, key);
        if (!e) continue;
        if (found && JSON.stringify(toPlain(found.node)) !== JSON.stringify(toPlain(e.value))) {
          fail(
            e.keyPos,
            `namespace '${name}': '${key}' is also set differently at ${found.pos.file}:${found.pos.line}`,
            "set it once, or set it in the environment file, which wins",
          );
        }
        found ??= { node: e.value, pos: e.keyPos };
      }
      return found;
    };
    const managedField = field("managed");
    const managed = asBoolean(managedField?.node) ?? true;
    const defaultDenyField = field("defaultDeny");
    const defaultDeny = asBoolean(defaultDenyField?.node) ?? managed;
    const isKube = name.startsWith("kube-");
    const isExcluded = excluded.includes(name);
    if ((isKube || isExcluded) && (managed || defaultDeny)) {
      const why = isKube
        ? `${name} can never be default-denied`
        : `${name} is in excludedNamespaces and can never be managed`;
      fail(managedField?.pos ?? defaultDenyField?.pos ?? main.keyPos, why, "write managed: false");
    } else if (defaultDeny && !managed) {
      fail(
        defaultDenyField?.pos ?? main.keyPos,
        `namespace '${name}' is not managed, so it cannot be default-denied`,
        "remove defaultDeny, or write managed: true",
      );
    }
    const labelsField = field("labels");
    const labels: Record<string, string> = {};
    const labelsMap = asMap(labelsField?.node);
    if (labelsMap) Object.assign(labels, readLabels(labelsMap, "namespace label", fail));
    if (labels[METADATA_NAME] !== undefined && labels[METADATA_NAME] !== name) {
      fail(
        labelsField!.pos,
        `namespace '${name}' cannot carry ${METADATA_NAME}=${labels[METADATA_NAME]}`,
        "the API server sets it to the namespace name",
      );
    }
    labels[METADATA_NAME] = name;
    const podLabelsField = field("podLabels");
    const podLabelsMap = asMap(podLabelsField?.node);
    const podLabels = podLabelsMap ? readLabels(podLabelsMap, "pod label", fail) : undefined;

    // Services: the same service in two includes is an error; the environment file's fields win over an include's.
    const services = new Map<string, Service>();
    const incomplete = new Set<string>();
    const svcDecls = new Map<string, { keyPos: Pos; node: PMap; fromEnv: boolean }[]>();
    for (const d of list) {
      for (const e of asMap(get(d.node, "services"))?.entries ?? []) {
        const node = asMap(e.value);
        if (!node) continue;
        const l = svcDecls.get(e.key) ?? [];
        l.push({ keyPos: e.keyPos, node, fromEnv: d.fromEnv });
        svcDecls.set(e.key, l);
      }
    }
    for (const [svcName, sl] of svcDecls) {
      const included = sl.filter((d) => !d.fromEnv);
      const own = sl.find((d) => d.fromEnv);
      for (const dup of included.slice(1)) {
        const first = included[0]!.keyPos;
        fail(
          dup.keyPos,
          `service '${svcName}' in namespace '${name}' is already declared at ${first.file}:${first.line}:${first.column}`,
          "declare it once; the environment file may redeclare it to override fields",
        );
      }
      const main = own ?? included[0]!;
      const pick = (key: string): { node: PNode; pos: Pos } | undefined => {
        for (const d of [own, included[0]]) {
          const e = d ? entry(d.node, key) : undefined;
          if (e) return { node: e.value, pos: e.keyPos };
        }
        return undefined;
      };
      const svcProblem = dns1123LabelProblem(svcName);
      if (svcProblem)
        fail(
          main.keyPos,
          `service name '${svcName}' ${svcProblem}`,
          svcProblem === "must be lowercase" ? `write '${svcName.toLowerCase()}'` : undefined,
        );
      const labelsPick = pick("labels");
      const svcLabelsMap = asMap(labelsPick?.node);
      const svcLabels = svcLabelsMap ? readLabels(svcLabelsMap, "label", fail) : {};
      if (!labelsPick || (svcLabelsMap && svcLabelsMap.entries.length === 0)) {
        fail(
          labelsPick?.pos ?? main.keyPos,
          `service '${svcName}' has no labels: it would select every pod in namespace '${name}'`,
          `add the pod labels, e.g. labels: { app: ${svcName} }`,
        );
      }
      const { ports, complete } = readServicePorts(pick("ports")?.node, svcName, profile, fail);
      if (!complete) incomplete.add(svcName);
      services.set(svcName, {
        name: svcName,
        namespace: name,
        labels: svcLabels,
        ports,
        source: ref(main.keyPos),
      });
    }
    const intent: NamespaceIntent = {
      name,
      managed,
      defaultDeny,
      labels,
      services: [...services.values()].sort((a, b) => a.name.localeCompare(b.name)),
      source: ref(main.keyPos),
    };
    const built: BuiltNamespace = { intent, services, incomplete };
    if (podLabels) built.podLabels = podLabels;
    out.set(name, built);
  }
  return out;
}

/** The declared ports; `complete` is false when some declaration was wrong (and reported). */
function readServicePorts(
  node: PNode | undefined,
  service: string,
  profile: CniProfile | undefined,
  outerFail: Fail,
): { ports: ServicePort[]; complete: boolean } {
  const out: ServicePort[] = [];
  let complete = true;
  const fail: Fail = (pos, message, hint) => {
    complete = false;
    outerFail(pos, message, hint);
  };
  const seq = asSeq(node);
  if (!seq)
    return { ports: out, complete: node === undefined || (node.kind === "scalar" && node.value === null) };
  for (const item of seq.items) {
    let port: ServicePort | undefined;
    if (item.kind === "scalar" && typeof item.value === "number") {
      const problem = Number.isInteger(item.value)
        ? portRangeProblem(item.value)
        : `port ${item.value} is not a whole number`;
      if (problem) fail(item.pos, problem);
      else port = { port: item.value, protocol: "TCP", source: ref(item.pos) };
    } else if (item.kind === "scalar" && typeof item.value === "string") {
      const r = parsePortText(item.value, false);
      if (!r.ok) fail(item.pos, r.message, r.hint);
      else {
        port = { port: r.port, protocol: r.protocol ?? "TCP", source: ref(item.pos) };
        if (r.endPort !== undefined) port.endPort = r.endPort;
      }
    } else if (item.kind === "map") {
      const shape = checkShape(item, "portObject");
      for (const e of shape) fail({ file: e.file, line: e.line, column: e.column }, e.message, e.hint);
      const p = asNumber(get(item, "port"));
      const endPort = asNumber(get(item, "endPort"));
      const protoText = asString(get(item, "protocol"));
      const nameText = asString(get(item, "name"));
      if (shape.length === 0 && p !== undefined) {
        const problem = portRangeProblem(p, endPort);
        const protocol = protoText === undefined ? "TCP" : parseProtocol(protoText);
        if (problem) fail((get(item, "endPort") ?? item).pos, problem);
        else if (!protocol)
          fail(get(item, "protocol")!.pos, `unknown protocol '${protoText}'`, "expected TCP, UDP or SCTP");
        else {
          port = { port: p, protocol, source: ref(item.pos) };
          if (endPort !== undefined && endPort !== p) port.endPort = endPort;
          if (nameText !== undefined) {
            const nameProblem = portNameProblem(nameText);
            if (nameProblem) fail(get(item, "name")!.pos, `port name '${nameText}' ${nameProblem}`);
            else if (port.endPort !== undefined)
              fail(get(item, "name")!.pos, `a port range cannot have a name`);
            else port.name = nameText;
          }
        }
      }
    } else {
      fail(
        item.pos,
        `expected a port: a number, N/udp, N-M or {port, name, protocol}, got ${describe(item)}`,
      );
    }
    if (!port) continue;
    if (port.endPort !== undefined && profile && !profile.endPortSupported) {
      fail(
        item.pos,
        `cni ${profile.name} does not support port ranges (endPort)`,
        "declare the ports one by one",
      );
      continue;
    }
    if (port.protocol === "SCTP" && profile && !profile.sctpSupported) {
      fail(item.pos, `cni ${profile.name} does not support SCTP`, profile.notes["sctp"]);
      continue;
    }
    const clash = out.find(
      (o) =>
        o.protocol === port.protocol &&
        o.port <= (port.endPort ?? port.port) &&
        port.port <= (o.endPort ?? o.port),
    );
    if (clash) {
      fail(
        item.pos,
        `port ${formatPort(port)} of '${service}' overlaps ${formatPort(clash)} declared at line ${clash.source.line}`,
      );
      continue;
    }
    if (port.name !== undefined && out.some((o) => o.name === port.name)) {
      fail(item.pos, `port name '${port.name}' is used twice in '${service}'`);
      continue;
    }
    out.push(port);
  }
  return { ports: out, complete };
}

interface ResolvedEndpoint {
  endpoint: Endpoint;
  managed: boolean;
  service?: Service;
  /** The service's port declarations had errors (already reported). */
  portsIncomplete?: boolean;
  cidr?: Cidr;
}

function buildFlows(
  sources: Source[],
  namespaces: Map<string, BuiltNamespace>,
  profile: CniProfile | undefined,
  cniName: string,
  fail: Fail,
): Flow[] {
  const byName = new Map<string, Service[]>();
  for (const ns of namespaces.values()) {
    for (const svc of ns.services.values()) {
      const l = byName.get(svc.name) ?? [];
      l.push(svc);
      byName.set(svc.name, l);
    }
  }
  const allNames = [...new Set([...byName.keys(), ...namespaces.keys()])].sort();

  const resolveEndpoint = (raw: RawEndpoint, pos: Pos, text: string): ResolvedEndpoint | undefined => {
    switch (raw.kind) {
      case "cidr": {
        const c = parseCidr(raw.cidr);
        if (!c.ok) {
          fail(pos, `flow '${text}': ${c.message}`, c.hint);
          return undefined;
        }
        return { endpoint: { kind: "cidr", cidr: c.cidr.text, except: [] }, managed: false, cidr: c.cidr };
      }
      case "fqdn":
        return { endpoint: { kind: "fqdn", fqdn: raw.fqdn }, managed: false };
      case "name": {
        if (raw.namespace !== undefined) {
          const ns = namespaces.get(raw.namespace);
          if (!ns) {
            fail(
              pos,
              `flow '${text}': unknown namespace '${raw.namespace}'`,
              didYouMean(raw.namespace, [...namespaces.keys()]) ??
                `declare it under namespaces (managed: false if it is only a peer)`,
            );
            return undefined;
          }
          if (raw.wholeNamespace) return namespaceEndpoint(raw.namespace, ns);
          const svc = ns.services.get(raw.name);
          if (!svc) {
            fail(
              pos,
              `flow '${text}': namespace '${raw.namespace}' has no service '${raw.name}'`,
              didYouMean(raw.name, [...ns.services.keys()]),
            );
            return undefined;
          }
          return serviceEndpoint(svc, ns);
        }
        const svcs = byName.get(raw.name) ?? [];
        const ns = namespaces.get(raw.name);
        if (svcs.length > 1) {
          fail(
            pos,
            `flow '${text}': '${raw.name}' is ambiguous: a service of that name exists in ${svcs.length} namespaces`,
            `write ${svcs
              .map((s) => `${s.namespace}/${s.name}`)
              .sort()
              .join(" or ")}`,
          );
          return undefined;
        }
        if (svcs.length === 1 && ns) {
          fail(
            pos,
            `flow '${text}': '${raw.name}' is both a service and a namespace`,
            `write ${svcs[0]!.namespace}/${raw.name} for the service or ${raw.name}/* for the namespace`,
          );
          return undefined;
        }
        if (svcs.length === 1) return serviceEndpoint(svcs[0]!, namespaces.get(svcs[0]!.namespace)!);
        if (ns) return namespaceEndpoint(raw.name, ns);
        fail(
          pos,
          `flow '${text}': unknown service or namespace '${raw.name}'`,
          didYouMean(raw.name, allNames) ?? "declare it under namespaces",
        );
        return undefined;
      }
    }
  };

  const flows: Flow[] = [];
  const seen = new Map<string, Pos>();
  for (const s of sources) {
    for (const item of asSeq(get(s.root, "flows"))?.items ?? []) {
      let rawFrom: RawEndpoint | undefined;
      let rawTo: RawEndpoint | undefined;
      let portItems: { text?: string; node?: PNode; pos: Pos }[] | undefined;
      let exceptItems: PNode[] = [];
      let text: string;
      if (item.kind === "scalar" && typeof item.value === "string") {
        text = item.value.trim();
        const r = parseFlowLine(text);
        if (!r.ok) {
          fail(item.pos, r.message, r.hint);
          continue;
        }
        rawFrom = r.value.from;
        rawTo = r.value.to;
        if (r.value.ports) portItems = r.value.ports.map((p) => ({ text: p, pos: item.pos }));
      } else if (item.kind === "map") {
        const shape = checkShape(item, "flowObject");
        for (const e of shape) fail({ file: e.file, line: e.line, column: e.column }, e.message, e.hint);
        const fromNode = get(item, "from");
        const toNode = get(item, "to");
        const fromText = asString(fromNode)?.trim();
        const toText = asString(toNode)?.trim();
        if (fromText === undefined || toText === undefined) continue;
        const f = parseSourceText(fromText);
        const t = parseSourceText(toText);
        if (!f.ok) fail(fromNode!.pos, f.message, f.hint);
        if (!t.ok) {
          const ports = /^([^:[\]]+):(.+)$/.exec(toText);
          if (ports)
            fail(
              toNode!.pos,
              `'to' takes no ports in the long form`,
              `write to: ${ports[1]} and ports: [${ports[2]}]`,
            );
          else fail(toNode!.pos, t.message, t.hint);
        }
        if (!f.ok || !t.ok || shape.length > 0) continue;
        rawFrom = f.value;
        rawTo = t.value;
        const portsSeq = asSeq(get(item, "ports"));
        if (portsSeq) {
          portItems = portsSeq.items.map((p) =>
            p.kind === "scalar" && (typeof p.value === "string" || typeof p.value === "number")
              ? { text: String(p.value), pos: p.pos }
              : { node: p, pos: p.pos },
          );
        }
        exceptItems = asSeq(get(item, "except"))?.items ?? [];
        const portsText = portItems
          ?.map((p) => p.text ?? (p.node ? JSON.stringify(toPlain(p.node)) : ""))
          .join(",");
        text = `${formatRawEndpoint(rawFrom)} -> ${formatRawEndpoint(rawTo)}${portsText ? `:${portsText}` : ""}`;
        if (exceptItems.length > 0)
          text += ` except ${exceptItems.map((e) => String(toPlain(e))).join(", ")}`;
      } else {
        fail(
          item.pos,
          `expected a flow: 'SOURCE -> DESTINATION[:PORTS]' or {from, to, ports}, got ${describe(item)}`,
        );
        continue;
      }

      let bad = false;
      if (rawFrom.kind === "fqdn") {
        fail(
          item.pos,
          `flow '${text}' comes from an FQDN; an FQDN can only be a destination`,
          "use a CIDR as the source",
        );
        bad = true;
      }
      if (rawTo.kind === "fqdn" && profile && !profile.fqdnEgress) {
        fail(item.pos, `flow '${text}': cni ${cniName} has no FQDN egress; use a CIDR or switch to cilium`);
        bad = true;
      }
      const from = resolveEndpoint(rawFrom, item.pos, text);
      const to = resolveEndpoint(rawTo, item.pos, text);
      if (!from || !to || bad) continue;

      // except: only beside a CIDR, strictly inside it.
      if (exceptItems.length > 0) {
        const side = to.cidr ? to : from.cidr ? from : undefined;
        if (!side || !side.cidr) {
          fail(exceptItems[0]!.pos, `flow '${text}': 'except' needs a CIDR endpoint`);
          continue;
        }
        const except: string[] = [];
        for (const e of exceptItems) {
          const et = asString(e);
          if (et === undefined) continue;
          const c = parseCidr(et.trim());
          if (!c.ok) fail(e.pos, `except: ${c.message}`, c.hint);
          else if (!isStrictSubnet(c.cidr, side.cidr)) {
            fail(
              e.pos,
              `except ${c.cidr.text} is not inside ${side.cidr.text}`,
              "an except must be a smaller network inside the CIDR",
            );
          } else except.push(c.cidr.text);
        }
        if (side.endpoint.kind === "cidr") side.endpoint.except = except;
      }

      if (!from.managed && !to.managed) {
        fail(
          item.pos,
          `flow '${text}' has no managed side: it would emit nothing`,
          "one endpoint must be a service or namespace that is managed",
        );
        continue;
      }

      // Ports of a service whose declarations were wrong would only repeat that error.
      const portFail: Fail = to.portsIncomplete ? () => undefined : fail;
      const ports = resolveFlowPorts(portItems, item.pos, to, text, profile, portFail);
      if (!ports) continue;
      const flow: Flow = { from: from.endpoint, to: to.endpoint, ports, text, source: ref(item.pos) };
      const key = JSON.stringify([
        flow.from,
        flow.to,
        [...ports].map((p) => `${p.protocol}/${p.port ?? "*"}-${p.endPort ?? ""}`).sort(),
      ]);
      const first = seen.get(key);
      if (first) {
        fail(
          item.pos,
          `duplicate flow '${text}': already declared at ${first.file}:${first.line}:${first.column}`,
        );
        continue;
      }
      seen.set(key, item.pos);
      flows.push(flow);
    }
  }
  return flows;
}

function serviceEndpoint(svc: Service, ns: BuiltNamespace): ResolvedEndpoint {
  return {
    endpoint: { kind: "service", namespace: svc.namespace, service: svc.name },
    managed: ns.intent.managed,
    service: svc,
    portsIncomplete: ns.incomplete.has(svc.name),
  };
}

function namespaceEndpoint(name: string, ns: BuiltNamespace): ResolvedEndpoint {
  const endpoint: Endpoint = ns.podLabels
    ? { kind: "namespace", namespace: name, podLabels: ns.podLabels }
    : { kind: "namespace", namespace: name };
  return { endpoint, managed: ns.intent.managed };
}

function resolveFlowPorts(
  items: { text?: string; node?: PNode; pos: Pos }[] | undefined,
  flowPos: Pos,
  to: ResolvedEndpoint,
  text: string,
  profile: CniProfile | undefined,
  fail: Fail,
): FlowPort[] | undefined {
  const svc = to.service;
  const declaredList = svc ? svc.ports.map((p) => formatPort(p)).join(", ") : "";
  const out: FlowPort[] = [];
  let ok = true;
  const add = (p: FlowPort, pos: Pos): void => {
    if (p.endPort !== undefined && profile && !profile.endPortSupported) {
      fail(pos, `flow '${text}': cni ${profile.name} does not support port ranges (endPort)`);
      ok = false;
      return;
    }
    if (p.protocol === "SCTP" && profile && !profile.sctpSupported) {
      fail(pos, `flow '${text}': cni ${profile.name} does not support SCTP`, profile.notes["sctp"]);
      ok = false;
      return;
    }
    if (out.some((o) => o.protocol === p.protocol && o.port === p.port && o.endPort === p.endPort)) {
      fail(pos, `flow '${text}' lists port ${formatPort(p)} twice`);
      ok = false;
      return;
    }
    out.push(p);
  };
  if (!items) {
    if (!svc) return [];
    if (svc.ports.length === 0) {
      fail(
        flowPos,
        `flow '${text}': service '${svc.name}' declares no ports`,
        "declare its ports, or name them in the flow",
      );
      return undefined;
    }
    for (const p of svc.ports) {
      const fp: FlowPort = { protocol: p.protocol, port: p.port };
      if (p.endPort !== undefined) fp.endPort = p.endPort;
      out.push(fp);
    }
    return out;
  }
  for (const item of items) {
    if (item.node) {
      // {port, protocol, endPort} in the long form
      const map = asMap(item.node);
      if (!map) {
        fail(item.pos, `expected a port, got ${describe(item.node)}`);
        ok = false;
        continue;
      }
      const shape = checkShape(map, "portObject");
      for (const e of shape) fail({ file: e.file, line: e.line, column: e.column }, e.message, e.hint);
      const p = asNumber(get(map, "port"));
      if (shape.length > 0 || p === undefined) {
        ok = false;
        continue;
      }
      const endPort = asNumber(get(map, "endPort"));
      const problem = portRangeProblem(p, endPort);
      const protoText = asString(get(map, "protocol"));
      const protocol = protoText === undefined ? undefined : parseProtocol(protoText);
      if (problem || (protoText !== undefined && !protocol)) {
        fail(item.pos, problem ?? `unknown protocol '${protoText}'`);
        ok = false;
        continue;
      }
      const spec: { port: number; endPort?: number; protocol?: Protocol } = { port: p };
      if (endPort !== undefined && endPort !== p) spec.endPort = endPort;
      if (protocol) spec.protocol = protocol;
      const resolved = matchPort(spec, svc, text, declaredList, item.pos, fail);
      if (!resolved) ok = false;
      else for (const r of resolved) add(r, item.pos);
      continue;
    }
    const r = parsePortText(item.text ?? "", true);
    if (!r.ok) {
      fail(item.pos, `flow '${text}': ${r.message}`, r.hint);
      ok = false;
      continue;
    }
    if (r.name !== undefined) {
      if (!svc) {
        fail(
          item.pos,
          `flow '${text}': port name '${r.name}' needs a service destination that declares it`,
          "write the port number",
        );
        ok = false;
        continue;
      }
      const named = svc.ports.find((p) => p.name === r.name);
      if (!named) {
        const names = svc.ports.flatMap((p) => (p.name ? [p.name] : []));
        fail(
          item.pos,
          `flow '${text}': service '${svc.name}' has no port named '${r.name}' (declared: ${declaredList || "none"})`,
          didYouMean(r.name, names),
        );
        ok = false;
        continue;
      }
      add({ protocol: named.protocol, port: named.port, name: named.name! }, item.pos);
      continue;
    }
    const spec: { port: number; endPort?: number; protocol?: Protocol } = { port: r.port };
    if (r.endPort !== undefined) spec.endPort = r.endPort;
    if (r.protocol) spec.protocol = r.protocol;
    const resolved = matchPort(spec, svc, text, declaredList, item.pos, fail);
    if (!resolved) ok = false;
    else for (const p of resolved) add(p, item.pos);
  }
  return ok ? out : undefined;
}

/**
 * A flow port against the destination's declared ports. Without a protocol, a number
 * means every declared protocol on it (53 on a DNS service that declares 53/udp and
 * 53/tcp opens both); toward a non-service destination it means TCP.
 */
function matchPort(
  spec: { port: number; endPort?: number; protocol?: Protocol },
  svc: Service | undefined,
  text: string,
  declaredList: string,
  pos: Pos,
  fail: Fail,
): FlowPort[] | undefined {
  const one = (protocol: Protocol): FlowPort => {
    const fp: FlowPort = { protocol, port: spec.port };
    if (spec.endPort !== undefined) fp.endPort = spec.endPort;
    return fp;
  };
  if (!svc) return [one(spec.protocol ?? "TCP")];
  const last = spec.endPort ?? spec.port;
  const covering = svc.ports.filter(
    (p) =>
      (spec.protocol === undefined || p.protocol === spec.protocol) &&
      p.port <= spec.port &&
      last <= (p.endPort ?? p.port),
  );
  if (covering.length === 0) {
    const written = `${spec.endPort !== undefined ? `${spec.port}-${spec.endPort}` : spec.port}${spec.protocol ? `/${spec.protocol}` : ""}`;
    fail(
      pos,
      `flow '${text}': service '${svc.name}' does not declare port ${written}`,
      svc.ports.length > 0
        ? `declared: ${declaredList}`
        : `'${svc.name}' declares no ports; add ports: [${spec.port}]`,
    );
    return undefined;
  }
  const protocols = [...new Set(covering.map((p) => p.protocol))];
  return protocols.map(one);
}
