/**
 * The authenticated record: every field that decides anything is covered by an HMAC with a
 * key the cluster does not hold; a record that fails it is refused; one without a MAC is
 * read only for what cannot be forged to advantage; decompression is bounded.
 */
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { bundleDigest, compileEnvironment } from "../../action/src/compile/index.js";
import {
  appendEntry,
  emptyHistory,
  fromConfigMap,
  HistoryFormatError,
  MAX_DECOMPRESSED_BYTES,
  RecordRejectedError,
  toConfigMap,
  type ConfigMapObject,
  type History,
  type ProvenEntry,
} from "../../action/src/rollout/last-known-good.js";
import { generateRecordKey, parseRecordKeys, RecordKeyError } from "../../action/src/rollout/record-key.js";
import { intentOf, recordIntent, type RunningRecord } from "../../action/src/rollout/running.js";
import { production, REV_A, REV_B } from "../helpers/rollout-scenario.js";

const [KEY] = parseRecordKeys(generateRecordKey());
const [OTHER] = parseRecordKeys(generateRecordKey());

function history(): History {
  const env = production();
  const bundle = { ...compileEnvironment(env), excludedNamespaces: [] };
  const running: RunningRecord = {
    environment: "production",
    provenance: "deploy",
    revision: REV_A,
    digest: bundleDigest(bundle),
    bundle,
    intent: recordIntent(env),
    proven: true,
    recordedAt: "2026-11-30T06:00:00Z",
    action: "deploy",
    run: { id: "1" },
  };
  const h = appendEntry(emptyHistory("production"), {
    environment: "production",
    action: "deploy",
    proven: true,
    revision: REV_A,
    digest: bundleDigest(bundle),
    recordedAt: "2026-11-30T06:00:00Z",
    run: { id: "1" },
    probe: { passed: 1, failed: 1, inconclusive: 0 },
    bundle,
    intent: recordIntent(env),
    passedChecks: ["declared|shop|app=frontend|shop/api|8080/TCP"],
    failedChecks: ["negative|shop|app=api|shop/frontend|8080/TCP"],
  });
  return { ...h, running };
}

const signed = () => toConfigMap(history(), "netpol-rollout", { key: KEY! });
const read = (map: ConfigMapObject, keys = [KEY!]) => fromConfigMap(structuredClone(map), "production", keys);
const blob = (value: unknown) => gzipSync(Buffer.from(JSON.stringify(value))).toString("base64");
const entryOf = (h: History) => h.entries[0] as ProvenEntry;

describe("record keys", () => {
  it("a generated key is 32 random bytes in base64, and parses", () => {
    const text = generateRecordKey();
    expect(Buffer.from(text, "base64")).toHaveLength(32);
    expect(parseRecordKeys(text)).toHaveLength(1);
    expect(parseRecordKeys(text)[0]?.id).toMatch(/^[0-9a-f]{16}$/);
    expect(parseRecordKeys("")).toEqual([]);
  });

  it("refuses a short or non-base64 key without quoting it", () => {
    expect(() => parseRecordKeys("hunter2hunter2")).toThrow(/10 bytes, fewer than the 32/);
    expect(() => parseRecordKeys("not a key!")).toThrow(RecordKeyError);
    expect(() => parseRecordKeys("sekrit!sekrit!sekrit!sekrit!sekrit!sekrit!")).not.toThrow(/sekrit/);
  });
});

describe("an authenticated record", () => {
  it("reads back what was written, verified, the running record and intents included", () => {
    const back = read(signed());
    expect(back.authentication).toEqual({ state: "verified", keyId: KEY!.id });
    expect(back.running?.revision).toBe(REV_A);
    expect(intentOf(back.running!.intent, "production").flows.map((f) => f.text)).toEqual(
      production().flows.map((f) => f.text),
    );
    expect(entryOf(back).failedChecks).toEqual(["negative|shop|app=api|shop/frontend|8080/TCP"]);
  });

  it("refuses every forged field, a recomputed digest included, before decompressing anything", () => {
    const map = signed();
    const data = map.data!;
    const env = production(["ingress-nginx -> frontend:80"]);
    const open = { ...compileEnvironment(env), excludedNamespaces: [] };
    const forgeries: Record<string, string>[] = [
      // A bundle without a default-deny, with the digest recomputed to match it.
      {
        "entry-1.json.gz.b64": blob({ bundle: open, passedChecks: [], failedChecks: [] }),
        "history.json": data["history.json"]!.replace(/sha256:[0-9a-f]{64}/, bundleDigest(open)),
      },
      // Every failure "inherited": regressions would not roll back.
      {
        "entry-1.json.gz.b64": blob({
          ...JSON.parse(JSON.stringify({ bundle: entryOf(history()).bundle })),
          passedChecks: [],
          failedChecks: ["declared|shop|app=frontend|shop/api|8080/TCP"],
        }),
      },
      { "history.json": data["history.json"]!.replace(REV_A, REV_B) },
      { "running.json.gz.b64": blob({ ...history().running, bundle: open }) },
      { "entry-9.json.gz.b64": blob({}) },
      // A gzip bomb under a forged MAC is never inflated.
      { "entry-1.json.gz.b64": gzipSync(Buffer.alloc(MAX_DECOMPRESSED_BYTES + 1)).toString("base64") },
    ];
    for (const forged of forgeries) {
      expect(() => read({ ...map, data: { ...data, ...forged } })).toThrow(RecordRejectedError);
    }
    const mac = data["mac"]!;
    const flipped = `${mac.slice(0, -1)}${mac.endsWith("0") ? "1" : "0"}`;
    expect(() => read({ ...map, data: { ...data, mac: flipped } })).toThrow(/does not match its content/);
    // The same content under another environment's name does not verify either.
    expect(() =>
      fromConfigMap(
        { ...map, metadata: { ...map.metadata, name: "netpol-rollout-lkg-staging" } },
        "staging",
        [KEY!],
      ),
    ).toThrow(HistoryFormatError);
  });

  it("refuses a record written with another key, saying how to rotate", () => {
    expect(() => read(signed(), [OTHER!])).toThrow(
      /authenticated with key [0-9a-f]{16}.*give the new key first/,
    );
    // Rotation: the new key first, the old one after it; the next write is signed with the new one.
    const rotated = read(signed(), [OTHER!, KEY!]);
    expect(rotated.authentication).toEqual({ state: "verified", keyId: KEY!.id });
    const rewritten = toConfigMap(rotated, "netpol-rollout", { key: OTHER! });
    expect(read(rewritten, [OTHER!]).authentication).toEqual({ state: "verified", keyId: OTHER!.id });
  });

  it("a record stripped of its MAC is unsigned: no running record, no intent, no failed checks", () => {
    const { mac: _mac, ...data } = signed().data!;
    const back = read({ ...signed(), data });
    expect(back.authentication).toEqual({ state: "unsigned" });
    expect(back.running).toBeUndefined();
    expect(entryOf(back).intent).toBeUndefined();
    expect(entryOf(back).failedChecks).toEqual([]);
    expect(entryOf(back).passedChecks).toHaveLength(1);
  });

  it("without a key the record is read as written, and says whether it carried a MAC", () => {
    expect(fromConfigMap(signed(), "production").authentication).toEqual({ state: "unkeyed", signed: true });
    const plain = toConfigMap(history(), "netpol-rollout");
    expect(plain.data).not.toHaveProperty("mac");
    expect(fromConfigMap(plain, "production").authentication).toEqual({ state: "unkeyed", signed: false });
  });
});

describe("decompression is bounded", () => {
  it("a small entry that inflates past the bound is refused with a clear message", () => {
    const map = toConfigMap(history(), "netpol-rollout");
    // 40 MiB of zeros gzip to about 40 KiB: a ConfigMap carries many of them.
    const bomb = gzipSync(Buffer.alloc(40 * 1024 * 1024)).toString("base64");
    expect(bomb.length).toBeLessThan(100 * 1024);
    const before = process.memoryUsage().rss;
    expect(() =>
      fromConfigMap({ ...map, data: { ...map.data, "entry-1.json.gz.b64": bomb } }, "production"),
    ).toThrow(/decompresses to more than the 33554432 bytes a whole record may hold: refused/);
    expect(process.memoryUsage().rss - before).toBeLessThan(MAX_DECOMPRESSED_BYTES * 2);
  });

  it("the bound holds for all blobs together", () => {
    const map = toConfigMap(history(), "netpol-rollout");
    // Two valid blobs, each over half the bound (JSON padded with spaces).
    const padded = (key: string) => {
      const text = gunzipSync(Buffer.from(map.data![key]!, "base64")).toString();
      return gzipSync(Buffer.from(" ".repeat(MAX_DECOMPRESSED_BYTES / 2) + text)).toString("base64");
    };
    const one = { ...map.data, "entry-1.json.gz.b64": padded("entry-1.json.gz.b64") };
    expect(fromConfigMap({ ...map, data: one }, "production").entries).toHaveLength(1);
    expect(() =>
      fromConfigMap(
        { ...map, data: { ...one, "running.json.gz.b64": padded("running.json.gz.b64") } },
        "production",
      ),
    ).toThrow(/data\.running\.json\.gz\.b64 decompresses to more than/);
  });
});
