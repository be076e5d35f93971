/**
 * The stack's configuration: the `netpol-rollout:*` keys, as the Action writes them
 * (`stackConfig`) and as the program reads them (`parseStackConfig`), in one place. Every
 * problem is reported at once; an unknown `netpol-rollout:` key is an error (a typo such as
 * `netpol-rollout:stag` must not silently deploy the default stage). Pure: the entry reads
 * Pulumi config and hands the raw strings here.
 */
import { isAbsolute, resolve } from "node:path";
import { closest, distance } from "fastest-levenshtein";
import { DEPLOY_STAGES } from "./stages.js";
import type { DeployStage } from "./stages.js";

export const CONFIG_NAMESPACE = "netpol-rollout";

export type KyvernoAction = "Audit" | "Enforce";

export interface StackSettings {
  /** `netpol-rollout:environment` (required): the intent environment this stack deploys. */
  environment: string;
  /** `netpol-rollout:stage`: allow = DNS + service policies; enforce = also default-deny. Default enforce. */
  stage: DeployStage;
  /** `netpol-rollout:policiesDir`, absolute. Default `<repo>/policies`. */
  policiesDir: string;
  /** `netpol-rollout:bundleFile`, absolute: deploy this recorded bundle instead of compiling the intent. */
  bundleFile?: string;
  /** `netpol-rollout:revision`: the git commit being deployed, or null when unknown. */
  revision: string | null;
  monitoring: {
    /** `netpol-rollout:monitoring`. Default false. */
    enabled: boolean;
    /** `netpol-rollout:monitoringNamespace`: where the PrometheusRule goes. Default `monitoring`. */
    namespace: string;
    /** `netpol-rollout:monitoringLabels`: JSON object of labels the Prometheus ruleSelector needs. Default {}. */
    labels: Record<string, string>;
  };
  kyverno: {
    /** `netpol-rollout:kyverno`. Default false. */
    enabled: boolean;
    /** `netpol-rollout:kyvernoAction`: Audit or Enforce for the default-deny requirement. Default Audit. */
    action: KyvernoAction;
  };
}

/** Every key the program reads, with its default as documented in pulumi/README.md. */
export const CONFIG_KEYS = [
  "environment",
  "stage",
  "policiesDir",
  "bundleFile",
  "revision",
  "monitoring",
  "monitoringNamespace",
  "monitoringLabels",
  "kyverno",
  "kyvernoAction",
] as const;

export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** The full key of a setting in the stack's config, e.g. `netpol-rollout:stage`. */
export function configKey(key: ConfigKey): string {
  return `${CONFIG_NAMESPACE}:${key}`;
}

/** What a deploy of one stage sets in the stack's config. */
export interface DeployConfig {
  environment: string;
  stage: DeployStage;
  /** Relative to the repository root or absolute; unset: the program's default (`policies`). */
  policiesDir?: string;
  /** A recorded bundle (a `bundle` stack output saved as JSON) to deploy instead of the intent. */
  bundleFile?: string;
  /** The git commit being deployed. */
  revision?: string;
}

/**
 * The config a deploy writes, by full key; `undefined` marks a key to remove, so an earlier
 * deploy's bundle file or revision never leaks into this one.
 */
export function stackConfig(deploy: DeployConfig): Record<string, string | undefined> {
  const values: Partial<Record<ConfigKey, string | undefined>> = {
    environment: deploy.environment,
    stage: deploy.stage,
    policiesDir: deploy.policiesDir,
    bundleFile: deploy.bundleFile,
    revision: deploy.revision,
  };
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [configKey(k as ConfigKey), v]));
}

/** The placeholder a stack name template must contain. */
export const ENV_PLACEHOLDER = "{env}";

/** The stack name of an environment under the template (`{env}` → "production"). */
export function stackName(template: string, environment: string): string {
  return template.split(ENV_PLACEHOLDER).join(environment);
}

export type StackConfigResult = { ok: true; settings: StackSettings } | { ok: false; errors: string[] };

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Parses the `netpol-rollout:*` config values (keys without the namespace prefix).
 * Relative paths are resolved against `repoRoot`. `keyName` names a key in messages:
 * default its full config key; the Pulumi component names its arguments instead.
 */
export function parseStackConfig(
  raw: Readonly<Record<string, string | undefined>>,
  repoRoot: string,
  keyName: (key: string) => string = (k) => `${CONFIG_NAMESPACE}:${k}`,
): StackConfigResult {
  const errors: string[] = [];
  const key = keyName;
  const isConfig = key("environment") === configKey("environment");

  for (const name of Object.keys(raw).sort()) {
    if ((CONFIG_KEYS as readonly string[]).includes(name)) continue;
    const suggestion = closest(name, [...CONFIG_KEYS]);
    const hint = distance(name, suggestion) <= 3 ? ` (did you mean ${key(suggestion)}?)` : "";
    errors.push(
      `unknown ${isConfig ? "config key" : "argument"} ${key(name)}${hint}; known keys: ${CONFIG_KEYS.join(", ")}`,
    );
  }

  const environment = nonEmpty(raw.environment);
  if (environment === undefined) {
    const example = isConfig ? ` (e.g. \`pulumi config set ${key("environment")} production\`)` : "";
    errors.push(`${key("environment")} is required: the intent environment this stack deploys${example}`);
  }

  let stage: DeployStage = "enforce";
  const rawStage = nonEmpty(raw.stage);
  if (rawStage !== undefined) {
    const known = DEPLOY_STAGES.find((s) => s === rawStage);
    if (known !== undefined) stage = known;
    else errors.push(`${key("stage")} must be allow or enforce, not "${rawStage}"`);
  }

  const policiesDir = resolvePath(repoRoot, nonEmpty(raw.policiesDir) ?? "policies");
  const rawBundle = nonEmpty(raw.bundleFile);
  const bundleFile = rawBundle === undefined ? undefined : resolvePath(repoRoot, rawBundle);

  const rawRevision = nonEmpty(raw.revision);
  if (rawRevision !== undefined && /\s/.test(rawRevision)) {
    errors.push(`${key("revision")} must be a git commit or ref without spaces, not "${rawRevision}"`);
  }

  const monitoring = parseBoolean(raw.monitoring, key("monitoring"), errors);
  const monitoringNamespace = nonEmpty(raw.monitoringNamespace) ?? "monitoring";
  if (!DNS_LABEL.test(monitoringNamespace) || monitoringNamespace.length > 63) {
    errors.push(
      `${key("monitoringNamespace")} must be a namespace name (DNS label), not "${monitoringNamespace}"`,
    );
  }
  const monitoringLabels = parseLabels(raw.monitoringLabels, key("monitoringLabels"), errors);

  const kyverno = parseBoolean(raw.kyverno, key("kyverno"), errors);
  let kyvernoAction: KyvernoAction = "Audit";
  const rawAction = nonEmpty(raw.kyvernoAction);
  if (rawAction !== undefined) {
    const normalised = rawAction.toLowerCase();
    if (normalised === "audit") kyvernoAction = "Audit";
    else if (normalised === "enforce") kyvernoAction = "Enforce";
    else errors.push(`${key("kyvernoAction")} must be Audit or Enforce, not "${rawAction}"`);
  }

  if (errors.length > 0 || environment === undefined) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      environment,
      stage,
      policiesDir,
      ...(bundleFile === undefined ? {} : { bundleFile }),
      revision: rawRevision ?? null,
      monitoring: { enabled: monitoring, namespace: monitoringNamespace, labels: monitoringLabels },
      kyverno: { enabled: kyverno, action: kyvernoAction },
    },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === "" ? undefined : trimmed;
}

function resolvePath(root: string, path: string): string {
  return isAbsolute(path) ? path : resolve(root, path);
}

function parseBoolean(value: string | undefined, name: string, errors: string[]): boolean {
  const text = nonEmpty(value);
  if (text === undefined) return false;
  if (text === "true") return true;
  if (text === "false") return false;
  errors.push(`${name} must be true or false, not "${text}"`);
  return false;
}

function parseLabels(value: string | undefined, name: string, errors: string[]): Record<string, string> {
  const text = nonEmpty(value);
  if (text === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    errors.push(`${name} must be a JSON object of label names to values, e.g. {"release":"prometheus"}`);
    return {};
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    errors.push(`${name} must be a JSON object of label names to values, e.g. {"release":"prometheus"}`);
    return {};
  }
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (typeof v !== "string") errors.push(`${name}: the value of label ${k} must be a string`);
    else labels[k] = v;
  }
  return labels;
}
