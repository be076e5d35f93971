/**
 * The last-known-good record of an environment and its bounded history, serialised to one
 * ConfigMap per environment in the cluster, so the next job (on another runner) finds it.
 * Pure: building, trimming, encoding and decoding; the cluster port stores the object.
 *
 * Layout of the ConfigMap `netpol-rollout-lkg-<environment>`:
 * - `data.history.json`: the entries, newest first, without bundles: readable with
 *   `kubectl get configmap -o jsonpath='{.data.history\.json}'` (the audit trail);
 * - `data.current`: the revision and digest of the last-known-good, for people;
 * - `data.entry-<seq>.json.gz.b64`: per proven entry, its bundle, its intent and the ids of
 *   the checks that passed and failed, gzip-compressed and base64-encoded (a 200-service
 *   bundle is about 400 KiB of JSON and about 20 KiB here). Text in `data` rather than
 *   `binaryData`, so any client that reads ConfigMap data reads it;
 * - `data.running`, `data.running.json.gz.b64`: what the environment runs now (running.ts);
 * - `data.mac`: with a record key, the HMAC of everything above (record-key.ts).
 *
 * A ConfigMap holds at most 1 MiB (the API server's limit on the object); entries are
 * dropped, oldest first, until the keys and values fit in SIZE_BUDGET_BYTES, and the newest
 * proven entry and the running record are never dropped. Reading decompresses at most
 * MAX_DECOMPRESSED_BYTES in all, and with a key nothing before the MAC is verified.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { ENVIRONMENT_LABEL, MANAGED_BY_LABEL, MANAGED_BY_VALUE } from "../compile/types.js";
import type { RecordedBundle } from "./recorded.js";
import { checkMac, MAC_DATA_KEY, recordMac, type RecordKey } from "./record-key.js";
import { describeRunning, PROVENANCES, type RecordedIntent, type RunningRecord } from "./running.js";

/** A bundle as recorded (what `netpol-rollout:bundleFile` reads back): the one type, from recorded.ts. */
export type { RecordedBundle } from "./recorded.js";

/** The history keeps at most this many entries by default. */
export const DEFAULT_HISTORY_LIMIT = 10;
/** Below the API server's 1 MiB (1,048,576 bytes) limit, with room for metadata and JSON framing. */
export const SIZE_BUDGET_BYTES = 900 * 1024;
export const LKG_CONFIGMAP_PREFIX = "netpol-rollout-lkg-";
/**
 * What reading one record may decompress, all blobs together. A full record of a
 * 200-service environment decompresses to about 5 MiB; a few hundred KiB of gzip can
 * otherwise expand to gigabytes (a record is data anyone who may edit the namespace writes).
 */
export const MAX_DECOMPRESSED_BYTES = 32 * 1024 * 1024;

/** The rollback target that names the newest proven revision. */
export const LAST_KNOWN_GOOD = "last-known-good";
/** Labels the ConfigMap carries besides managed-by and environment. */
export const LKG_COMPONENT_LABEL = "app.kubernetes.io/component";
export const LKG_COMPONENT_VALUE = "last-known-good";

/** Who and what produced an entry (from the GitHub run). */
export interface RunInfo {
  /** GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT. */
  id?: string;
  attempt?: string;
  /** Link to the run. */
  url?: string;
  /** GITHUB_ACTOR: who triggered it. */
  actor?: string;
  /** GITHUB_EVENT_NAME. */
  event?: string;
}

export interface ProbeTally {
  passed: number;
  failed: number;
  inconclusive: number;
}

/** One deploy or rollback of an environment, as the history records it. */
export interface HistoryEntry {
  /** Increasing per environment; names the entry's bundle in the ConfigMap's data. */
  seq: number;
  environment: string;
  action: "deploy" | "rollback";
  /** True when the final probe passed: only proven entries are last-known-good. */
  proven: boolean;
  /** The git commit deployed, or null when unknown. */
  revision: string | null;
  /** bundleDigest of the bundle. */
  digest: string;
  /** ISO 8601, UTC. */
  recordedAt: string;
  run: RunInfo;
  /** For a rollback: why (the dispatch form's reason), and what was live before. */
  reason?: string;
  from?: { revision: string | null; digest: string };
  probe: ProbeTally;
  /** When `probe` was taken, if later than recordedAt (a drift probe of the same revision). */
  probedAt?: string;
}

/** A proven entry with what a rollback and the next rollback decision need. */
export interface ProvenEntry extends HistoryEntry {
  proven: true;
  bundle: RecordedBundle;
  /** The revision's intent, to plan the probes of a rollback to it; absent in records of earlier versions. */
  intent?: RecordedIntent;
  /** Ids of the checks that passed at this revision's last probe. */
  passedChecks: string[];
  /** Ids of the checks that failed at this revision's last probe (reported deviations it lives with). */
  failedChecks: string[];
}

/**
 * How far a record read back is trusted:
 * - `none`: nothing was recorded yet;
 * - `verified`: its MAC checked with the record key `keyId`;
 * - `unkeyed`: no record key was given: trusted as written (`signed`: it carries a MAC this run cannot check);
 * - `unsigned`: a record key was given and the record has no MAC (written by an earlier
 *   version, or stripped of it): no running record and no intent are read from it, its
 *   failed checks are dropped (nothing counts as inherited), and each bundle must match its
 *   revision compiled from the repository before it is used.
 */
export type RecordAuthentication =
  | { state: "none" }
  | { state: "verified"; keyId: string }
  | { state: "unkeyed"; signed: boolean }
  | { state: "unsigned" };

export interface History {
  environment: string;
  /** Newest first. Unproven entries carry no bundle. */
  entries: (HistoryEntry | ProvenEntry)[];
  /** What the environment runs (running.ts); undefined before a run of this version changed it. */
  running?: RunningRecord;
  authentication: RecordAuthentication;
}

/** The subset of core/v1 ConfigMap the record uses. */
export interface ConfigMapObject {
  apiVersion: "v1";
  kind: "ConfigMap";
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    resourceVersion?: string;
  };
  data?: Record<string, string>;
}

/** The stored history cannot be read; says what is wrong and where. */
export class HistoryFormatError extends Error {
  override name = "HistoryFormatError";
}

/** The record failed authentication: nothing it says may decide anything. */
export class RecordRejectedError extends HistoryFormatError {
  override name = "RecordRejectedError";
}

export function emptyHistory(environment: string): History {
  return { environment, entries: [], authentication: { state: "none" } };
}

export function configMapName(environment: string): string {
  return `${LKG_CONFIGMAP_PREFIX}${environment.toLowerCase()}`;
}

/** The newest proven entry: the last-known-good, or undefined before the first proven deploy. */
export function lastKnownGood(history: History): ProvenEntry | undefined {
  return history.entries.find(isProven);
}

export function isProven(entry: HistoryEntry | ProvenEntry): entry is ProvenEntry {
  return entry.proven && "bundle" in entry;
}

/** Proven entries, newest first: the revisions a rollback may target. */
export function provenEntries(history: History): ProvenEntry[] {
  return history.entries.filter(isProven);
}

/**
 * Finds a proven entry by revision (a full commit or a prefix of at least 7 characters),
 * digest (`sha256:…` or a prefix of it), or `#<seq>`. Newest match first.
 */
export function findEntry(history: History, target: string): ProvenEntry | undefined {
  const wanted = target.trim();
  if (wanted === "") return undefined;
  return provenEntries(history).find((e) => {
    if (wanted.startsWith("#")) return String(e.seq) === wanted.slice(1);
    if (wanted.startsWith("sha256:")) return wanted.length >= 14 && e.digest.startsWith(wanted);
    return e.revision !== null && wanted.length >= 7 && e.revision.startsWith(wanted);
  });
}

export type NewEntry = (Omit<HistoryEntry, "seq" | "proven"> & { proven: false }) | Omit<ProvenEntry, "seq">;

/** The history with `entry` added as the newest, trimmed to `limit` entries (the newest proven one always kept). */
export function appendEntry(history: History, entry: NewEntry, limit = DEFAULT_HISTORY_LIMIT): History {
  if (entry.environment !== history.environment) {
    throw new Error(
      `internal: an entry of ${entry.environment} cannot go in the history of ${history.environment}`,
    );
  }
  const seq = Math.max(0, ...history.entries.map((e) => e.seq)) + 1;
  const entries = [{ ...entry, seq } as HistoryEntry | ProvenEntry, ...history.entries];
  return { ...history, entries: keepWithin(entries, limit) };
}

function keepWithin(entries: (HistoryEntry | ProvenEntry)[], limit: number): (HistoryEntry | ProvenEntry)[] {
  const lkg = entries.find(isProven);
  const kept = entries.slice(0, Math.max(1, limit));
  if (lkg !== undefined && !kept.includes(lkg)) kept[kept.length - 1] = lkg;
  return kept;
}

// --- the ConfigMap -----------------------------------------------------------------------

const HISTORY_KEY = "history.json";
const CURRENT_KEY = "current";
const RUNNING_KEY = "running";
const RUNNING_BLOB_KEY = "running.json.gz.b64";
const ENTRY_KEY = /^entry-(\d+)\.json\.gz\.b64$/;

function entryKey(seq: number): string {
  return `entry-${seq}.json.gz.b64`;
}

export interface EncodeOptions {
  /** Bytes the data may take; default SIZE_BUDGET_BYTES. */
  budget?: number;
  /** Signs the record (the first record key); without it the record carries no MAC. */
  key?: RecordKey;
}

/**
 * The ConfigMap holding `history`, in `namespace`. Entries are dropped oldest first (the
 * last-known-good never) until it fits the budget; throws when even the last-known-good
 * and the running record alone do not fit.
 */
export function toConfigMap(
  history: History,
  namespace: string,
  options: EncodeOptions = {},
): ConfigMapObject {
  const budget = options.budget ?? SIZE_BUDGET_BYTES;
  let entries = [...history.entries];
  for (;;) {
    const map = encode(history, entries, namespace, options.key);
    const size = configMapSize(map);
    if (size <= budget) return map;
    const lkg = entries.find(isProven);
    const droppable = [...entries].reverse().find((e) => e !== lkg);
    if (droppable === undefined) {
      throw new HistoryFormatError(
        `the last-known-good record of ${history.environment} takes ${size} bytes, more than the ${budget} a ConfigMap may hold here`,
      );
    }
    entries = entries.filter((e) => e !== droppable);
  }
}

/** Bytes of a ConfigMap's keys and values (the bulk of what the API server's 1 MiB limit counts). */
export function configMapSize(map: ConfigMapObject): number {
  let size = 0;
  for (const [k, v] of Object.entries(map.data ?? {})) size += Buffer.byteLength(k) + Buffer.byteLength(v);
  return size;
}

function compress(value: unknown): string {
  return gzipSync(Buffer.from(JSON.stringify(value), "utf8"), { level: 9 }).toString("base64");
}

function encode(
  history: History,
  entries: (HistoryEntry | ProvenEntry)[],
  namespace: string,
  key: RecordKey | undefined,
): ConfigMapObject {
  const environment = history.environment;
  const lkg = entries.find(isProven);
  const blobs: Record<string, string> = {};
  const summaries: HistoryEntry[] = [];
  for (const entry of entries) {
    if (isProven(entry)) {
      const { bundle, passedChecks, failedChecks, intent, ...summary } = entry;
      blobs[entryKey(entry.seq)] = compress({ bundle, passedChecks, failedChecks, intent });
      summaries.push(summary);
    } else {
      summaries.push(entry);
    }
  }
  const running = history.running;
  const data: Record<string, string> = {
    [CURRENT_KEY]: lkg === undefined ? "none" : `${lkg.revision ?? "(unknown revision)"} ${lkg.digest}`,
    [HISTORY_KEY]: `${JSON.stringify({ environment, entries: summaries }, null, 2)}\n`,
    ...blobs,
    ...(running === undefined
      ? {}
      : { [RUNNING_KEY]: describeRunning(running), [RUNNING_BLOB_KEY]: compress(running) }),
  };
  if (key !== undefined) data[MAC_DATA_KEY] = recordMac(key, configMapName(environment), environment, data);
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: {
      name: configMapName(environment),
      namespace,
      labels: {
        [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
        [ENVIRONMENT_LABEL]: environment,
        [LKG_COMPONENT_LABEL]: LKG_COMPONENT_VALUE,
      },
    },
    data,
  };
}

/**
 * Reads the history back from its ConfigMap. With `keys`, the MAC is checked before
 * anything is decompressed or parsed. Throws RecordRejectedError when it does not verify,
 * HistoryFormatError saying what is wrong otherwise.
 */
export function fromConfigMap(
  map: ConfigMapObject,
  environment: string,
  keys: readonly RecordKey[] = [],
): History {
  const where = `ConfigMap ${map.metadata.namespace ?? ""}/${map.metadata.name}`;
  const data = map.data ?? {};
  const authentication = authenticate(where, environment, data, keys);
  const text = data[HISTORY_KEY];
  if (text === undefined) throw new HistoryFormatError(`${where}: data.${HISTORY_KEY} is missing`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new HistoryFormatError(`${where}: data.${HISTORY_KEY} is not JSON (${(error as Error).message})`);
  }
  if (!isRecord(parsed) || !Array.isArray(parsed["entries"])) {
    throw new HistoryFormatError(`${where}: data.${HISTORY_KEY} must be an object with an entries list`);
  }
  if (parsed["environment"] !== environment) {
    throw new HistoryFormatError(
      `${where}: records environment ${String(parsed["environment"])}, expected ${environment}`,
    );
  }
  const blobs = new Map<number, string>();
  for (const [key, value] of Object.entries(data)) {
    const m = ENTRY_KEY.exec(key);
    if (m) blobs.set(Number(m[1]), value);
  }
  const unsigned = authentication.state === "unsigned";
  const inflate = inflater(where);
  const entries = (parsed["entries"] as unknown[]).map((raw, index) => {
    const entry = checkEntry(raw, `${where}: data.${HISTORY_KEY} entries[${index}]`);
    if (!entry.proven) return entry;
    const key = entryKey(entry.seq);
    const blob = blobs.get(entry.seq);
    if (blob === undefined) {
      throw new HistoryFormatError(`${where}: data.${key} is missing for a proven entry`);
    }
    const body = inflate(key, blob);
    if (!isRecord(body) || !isRecord(body["bundle"]) || !Array.isArray(body["passedChecks"])) {
      throw new HistoryFormatError(`${where}: data.${key} must hold a bundle and passedChecks`);
    }
    const bundle = body["bundle"] as unknown as RecordedBundle;
    if (bundle.environment !== environment || !Array.isArray(bundle.objects)) {
      throw new HistoryFormatError(`${where}: data.${key} holds no bundle of ${environment}`);
    }
    const proven: ProvenEntry = {
      ...entry,
      proven: true,
      bundle,
      passedChecks: strings(body["passedChecks"]),
      // Unauthenticated failures would excuse regressions as inherited: none are read.
      failedChecks: unsigned ? [] : strings(body["failedChecks"]),
      ...(isRecord(body["intent"]) && !unsigned
        ? { intent: body["intent"] as unknown as RecordedIntent }
        : {}),
    };
    return proven;
  });
  const runningBlob = data[RUNNING_BLOB_KEY];
  const running =
    runningBlob === undefined || unsigned
      ? undefined
      : checkRunning(
          inflate(RUNNING_BLOB_KEY, runningBlob),
          environment,
          `${where}: data.${RUNNING_BLOB_KEY}`,
        );
  return { environment, entries, ...(running === undefined ? {} : { running }), authentication };
}

function authenticate(
  where: string,
  environment: string,
  data: Readonly<Record<string, string>>,
  keys: readonly RecordKey[],
): RecordAuthentication {
  if (keys.length === 0) return { state: "unkeyed", signed: data[MAC_DATA_KEY] !== undefined };
  const check = checkMac(keys, configMapName(environment), environment, data);
  if (check.ok) return { state: "verified", keyId: check.keyId };
  if (check.missing) return { state: "unsigned" };
  throw new RecordRejectedError(`${where} fails authentication: ${check.problem}`);
}

/** Decompresses and parses blobs, MAX_DECOMPRESSED_BYTES for all of them together. */
function inflater(where: string): (key: string, blob: string) => unknown {
  let left = MAX_DECOMPRESSED_BYTES;
  return (key, blob) => {
    let bytes: Buffer;
    try {
      bytes = gunzipSync(Buffer.from(blob, "base64"), { maxOutputLength: Math.max(1, left) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
        throw new HistoryFormatError(
          `${where}: data.${key} decompresses to more than the ${MAX_DECOMPRESSED_BYTES} bytes a whole record may hold: refused, nothing of it is read`,
        );
      }
      throw new HistoryFormatError(
        `${where}: data.${key} is not gzip-compressed JSON (${(error as Error).message})`,
      );
    }
    left -= bytes.length;
    try {
      return JSON.parse(bytes.toString("utf8"));
    } catch (error) {
      throw new HistoryFormatError(
        `${where}: data.${key} is not gzip-compressed JSON (${(error as Error).message})`,
      );
    }
  };
}

function checkRunning(raw: unknown, environment: string, where: string): RunningRecord {
  const problems: string[] = [];
  if (!isRecord(raw)) throw new HistoryFormatError(`${where}: must be an object`);
  if (raw["environment"] !== environment) problems.push(`environment must be ${environment}`);
  if (!PROVENANCES.includes(raw["provenance"] as RunningRecord["provenance"]))
    problems.push(`provenance must be one of ${PROVENANCES.join(", ")}`);
  if (raw["revision"] !== null && typeof raw["revision"] !== "string")
    problems.push("revision must be a string or null");
  if (typeof raw["digest"] !== "string") problems.push("digest must be a string");
  const bundle = raw["bundle"];
  if (!isRecord(bundle) || bundle["environment"] !== environment || !Array.isArray(bundle["objects"]))
    problems.push(`bundle must be a bundle of ${environment}`);
  if (!isRecord(raw["intent"])) problems.push("intent must be an object");
  if (typeof raw["proven"] !== "boolean") problems.push("proven must be true or false");
  if (raw["action"] !== "deploy" && raw["action"] !== "rollback")
    problems.push("action must be deploy or rollback");
  if (problems.length > 0) throw new HistoryFormatError(`${where}: ${problems.join("; ")}`);
  return raw as unknown as RunningRecord;
}

function checkEntry(raw: unknown, where: string): HistoryEntry {
  if (!isRecord(raw)) throw new HistoryFormatError(`${where}: must be an object`);
  const problems: string[] = [];
  const num = (key: string) => typeof raw[key] === "number" || problems.push(`${key} must be a number`);
  const str = (key: string) => typeof raw[key] === "string" || problems.push(`${key} must be a string`);
  num("seq");
  str("environment");
  str("digest");
  str("recordedAt");
  if (raw["action"] !== "deploy" && raw["action"] !== "rollback")
    problems.push("action must be deploy or rollback");
  if (typeof raw["proven"] !== "boolean") problems.push("proven must be true or false");
  if (raw["revision"] !== null && typeof raw["revision"] !== "string")
    problems.push("revision must be a string or null");
  const probe = raw["probe"];
  if (!isRecord(probe) || !["passed", "failed", "inconclusive"].every((k) => typeof probe[k] === "number")) {
    problems.push("probe must hold passed, failed and inconclusive counts");
  }
  if (!isRecord(raw["run"])) problems.push("run must be an object");
  if (problems.length > 0) throw new HistoryFormatError(`${where}: ${problems.join("; ")}`);
  return raw as unknown as HistoryEntry;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((k): k is string => typeof k === "string") : [];
}

/** The last probe of a proven entry, as the rollback decision compares with it. */
export function baselineOf(entry: ProvenEntry): { passed: string[]; failed: string[] } {
  return { passed: entry.passedChecks, failed: entry.failedChecks };
}

/**
 * The entry with a newer probe of the same revision (the drift watch probing what is
 * deployed): the decision compares with the last-known-good's LAST probe.
 */
export function withProbe(
  entry: ProvenEntry,
  probe: ProbeTally,
  passedChecks: string[],
  failedChecks: string[],
  at: string,
): ProvenEntry {
  return { ...entry, probe, passedChecks, failedChecks, probedAt: at };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
