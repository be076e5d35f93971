/**
 * Authenticating the rollout record: an HMAC-SHA256 over everything the record's ConfigMap
 * holds, keyed with a secret kept in CI (the `record-key` input), never in the cluster.
 *
 * Why a MAC: the only reader of a record is a later run of the same workflows, which also
 * writes it, so both ends hold the key; a signature would add a key pair and buy nothing.
 * Anyone who may edit the state namespace can still delete or replace the record, but not
 * write one a run accepts. Several keys may be given for a rotation: the first one signs,
 * each one verifies.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { canonicalJson } from "../compile/canonical.js";

/** Random bytes in a key; a shorter key is refused. */
export const RECORD_KEY_BYTES = 32;
/** The ConfigMap data key that holds the MAC of every other key. */
export const MAC_DATA_KEY = "mac";
const MAC_SCHEME = "hmac-sha256";

export interface RecordKey {
  /** Names the key without revealing it (a hash of it), so a record says which key wrote it. */
  id: string;
  secret: Buffer;
}

/** `record-key` is not a usable key; the message never quotes the key. */
export class RecordKeyError extends Error {
  override name = "RecordKeyError";
}

/** A new key as `record-key` takes it: 32 random bytes, base64 (what `openssl rand -base64 32` prints). */
export function generateRecordKey(): string {
  return randomBytes(RECORD_KEY_BYTES).toString("base64");
}

/**
 * The keys in `text`, separated by whitespace or commas: each the base64 of at least 32
 * random bytes. Empty text: no key. The first key signs; every key verifies.
 */
export function parseRecordKeys(text: string): RecordKey[] {
  const words = text.split(/[\s,]+/).filter((w) => w !== "");
  return words.map((word, i) => {
    const where = words.length === 1 ? "record-key" : `record-key (key ${i + 1} of ${words.length})`;
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(word)) {
      throw new RecordKeyError(
        `${where} is not base64; generate a key with \`openssl rand -base64 ${RECORD_KEY_BYTES}\``,
      );
    }
    const secret = Buffer.from(word.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (secret.length < RECORD_KEY_BYTES) {
      throw new RecordKeyError(
        `${where} holds ${secret.length} bytes, fewer than the ${RECORD_KEY_BYTES} random bytes a key needs; generate one with \`openssl rand -base64 ${RECORD_KEY_BYTES}\``,
      );
    }
    return { id: keyId(secret), secret };
  });
}

function keyId(secret: Buffer): string {
  return createHash("sha256").update("netpol-rollout record key\0").update(secret).digest("hex").slice(0, 16);
}

/** What a ConfigMap's MAC covers: its name, the environment, and every data key but the MAC's own. */
function message(name: string, environment: string, data: Readonly<Record<string, string>>): string {
  const covered = Object.fromEntries(Object.entries(data).filter(([k]) => k !== MAC_DATA_KEY));
  return canonicalJson({ format: "netpol-rollout record 2", configMap: name, environment, data: covered });
}

function hmac(key: RecordKey, text: string): Buffer {
  return createHmac("sha256", key.secret).update(text, "utf8").digest();
}

/** The MAC data value for this content: `hmac-sha256 <key id> <hex>`. */
export function recordMac(
  key: RecordKey,
  name: string,
  environment: string,
  data: Readonly<Record<string, string>>,
): string {
  return `${MAC_SCHEME} ${key.id} ${hmac(key, message(name, environment, data)).toString("hex")}`;
}

export type MacCheck =
  | { ok: true; keyId: string }
  /** There is no MAC at all (a record written before records were authenticated, or one stripped of it). */
  | { ok: false; missing: true }
  | { ok: false; missing: false; problem: string };

/** Checks the MAC a ConfigMap's data carries against `keys`. */
export function checkMac(
  keys: readonly RecordKey[],
  name: string,
  environment: string,
  data: Readonly<Record<string, string>>,
): MacCheck {
  const value = data[MAC_DATA_KEY];
  if (value === undefined) return { ok: false, missing: true };
  const m = /^hmac-sha256 ([0-9a-f]{16}) ([0-9a-f]{64})$/.exec(value);
  if (m === null)
    return { ok: false, missing: false, problem: `data.${MAC_DATA_KEY} is not a MAC this tool writes` };
  const [, id, hex] = m as unknown as [string, string, string];
  const key = keys.find((k) => k.id === id);
  if (key === undefined) {
    return {
      ok: false,
      missing: false,
      problem:
        `it was authenticated with key ${id}, and this run has ${keys.map((k) => k.id).join(", ")}; ` +
        `after a key rotation give the new key first and the old one after it in record-key until every environment was deployed once`,
    };
  }
  const expected = hmac(key, message(name, environment, data));
  if (!timingSafeEqual(expected, Buffer.from(hex, "hex"))) {
    return {
      ok: false,
      missing: false,
      problem: `its MAC does not match its content: it was changed after netpol-rollout wrote it`,
    };
  }
  return { ok: true, keyId: id };
}
