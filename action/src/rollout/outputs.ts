/**
 * The stack outputs: what the Pulumi program returns after a deploy and what the Action
 * reads back from the engine, one type for both (see pulumi/README.md, "Stack outputs").
 */
import { parseRecordedBundle } from "./recorded.js";
import type { RecordedBundle } from "./recorded.js";
import type { StageCounts } from "./rollout-plan.js";
import { DEPLOY_STAGES } from "./stages.js";
import type { DeployStage } from "./stages.js";

/** The stack outputs. Nothing secret: policy objects, names, a commit, digests and a uid. */
export interface StackOutputs extends PlannedOutputs {
  /**
   * The cluster deployed to: the uid of its kube-system namespace, read through the
   * program's Kubernetes provider. An address names a way to reach a cluster, which may be
   * one of several; this names the cluster.
   */
  clusterUid: string;
}

/** The outputs known before anything is registered: all but the cluster read while deploying. */
export interface PlannedOutputs {
  environment: string;
  stage: DeployStage;
  /** The git commit deployed, or null when it was not given. */
  revision: string | null;
  /** bundleDigest of what this deploy registered (for stage allow: the allow objects only). */
  digest: string;
  /** bundleDigest of the full bundle before stage selection: the same for both stages of one revision. */
  sourceDigest: string;
  /** What was deployed, as `netpol-rollout:bundleFile` reads it back for a rollback. */
  bundle: RecordedBundle;
  /** Per namespace, the objects deployed per stage. */
  counts: Record<string, StageCounts>;
  /** intent: compiled from policies/; recorded: read from netpol-rollout:bundleFile. */
  from: "intent" | "recorded";
  /** Logical names of the guard resources registered. */
  guards: string[];
}

/** The outputs the engine returned are not what the program writes; every problem is listed. */
export class StackOutputsError extends Error {
  override name = "StackOutputsError";
  constructor(readonly problems: string[]) {
    super(`the stack outputs are not what netpol-rollout's program writes: ${problems.join("; ")}`);
  }
}

/**
 * Reads the stack outputs as the engine returns them (plain JSON values by output name).
 * Throws StackOutputsError naming every output that is missing or of the wrong shape.
 */
export function readStackOutputs(raw: Readonly<Record<string, unknown>>): StackOutputs {
  const problems: string[] = [];
  const string = (name: string): string => {
    const value = raw[name];
    if (typeof value === "string" && value !== "") return value;
    problems.push(`${name} must be a non-empty string`);
    return "";
  };
  const environment = string("environment");
  const stage = DEPLOY_STAGES.find((s) => s === raw.stage);
  if (stage === undefined) problems.push(`stage must be one of ${DEPLOY_STAGES.join(", ")}`);
  const revision = raw.revision;
  if (revision !== null && typeof revision !== "string") problems.push("revision must be a string or null");
  const digest = string("digest");
  const clusterUid = string("clusterUid");
  const sourceDigest = string("sourceDigest");
  const from = raw.from === "intent" || raw.from === "recorded" ? raw.from : undefined;
  if (from === undefined) problems.push("from must be intent or recorded");
  const counts = countsOf(raw.counts, problems);
  const guards = raw.guards;
  const guardList = Array.isArray(guards) && guards.every((g) => typeof g === "string") ? guards : undefined;
  if (guardList === undefined) problems.push("guards must be a list of strings");
  let bundle: RecordedBundle | undefined;
  if (raw.bundle === undefined) problems.push("bundle is missing");
  else {
    // The same reader a rollback uses for the saved output: what is read here can be redeployed.
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
    clusterUid,
  };
}

/**
 * The cluster a run of the program would deploy to, as its stack outputs name it: the
 * `clusterUid` output of a preview, where the program read kube-system through its provider.
 */
export function clusterUidOf(raw: Readonly<Record<string, unknown>>): string | undefined {
  const uid = raw.clusterUid;
  return typeof uid === "string" && uid !== "" ? uid : undefined;
}

function countsOf(value: unknown, problems: string[]): Record<string, StageCounts> {
  const out: Record<string, StageCounts> = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push("counts must be an object of namespaces");
    return out;
  }
  for (const [namespace, c] of Object.entries(value)) {
    const allow = (c as { allow?: unknown } | null)?.allow;
    const deny = (c as { deny?: unknown } | null)?.deny;
    if (typeof allow === "number" && typeof deny === "number") out[namespace] = { allow, deny };
    else problems.push(`counts.${namespace} must be { allow, deny } numbers`);
  }
  return out;
}
