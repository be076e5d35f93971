/**
 * The last-known-good record: a bounded history in one ConfigMap per environment.
 */
import { describe, expect, it } from "vitest";
import { bundleDigest, compileEnvironment } from "../../action/src/compile/index.js";
import type { CompiledBundle } from "../../action/src/compile/types.js";
import {
  appendEntry,
  configMapName,
  configMapSize,
  emptyHistory,
  findEntry,
  fromConfigMap,
  HistoryFormatError,
  lastKnownGood,
  provenEntries,
  toConfigMap,
  type History,
  type NewEntry,
} from "../../action/src/rollout/last-known-good.js";
import { buildEnvironment } from "../helpers/intent-builder.js";

function bundle(services = 3): CompiledBundle {
  const svc: Record<string, { ports: number[] }> = {};
  for (let i = 0; i < services; i++) svc[`svc-${i}`] = { ports: [8080, 9090] };
  const flows: string[] = [];
  for (let i = 0; i < services; i++) {
    flows.push(`svc-${i} -> svc-${(i + 1) % services}:8080`);
    flows.push(`svc-${i} -> svc-${(i + 2) % services}:9090`);
  }
  return compileEnvironment(
    buildEnvironment({ name: "production", namespaces: { shop: { services: svc } }, flows }),
  );
}

function proven(revision: string, b = bundle(), passedChecks = ["dns|shop|udp"]): NewEntry {
  return {
    environment: "production",
    action: "deploy",
    proven: true,
    revision,
    digest: bundleDigest(b),
    recordedAt: "2026-11-30T06:00:00Z",
    run: { id: "42", attempt: "1", actor: "alice", event: "push" },
    probe: { passed: passedChecks.length, failed: 0, inconclusive: 0 },
    bundle: b,
    passedChecks,
    failedChecks: [],
  };
}

function failedRollback(revision: string): NewEntry {
  return {
    environment: "production",
    action: "rollback",
    proven: false,
    revision,
    digest: "sha256:0000000000000000",
    recordedAt: "2026-11-30T07:00:00Z",
    run: { id: "43", actor: "bob", event: "workflow_dispatch" },
    reason: "checkout errors",
    from: { revision: "abc1234def", digest: "sha256:1111" },
    probe: { passed: 3, failed: 1, inconclusive: 0 },
  };
}

describe("last-known-good history", () => {
  it("the last-known-good is the newest proven entry, not a newer unproven one", () => {
    let history = appendEntry(emptyHistory("production"), proven("1111111aaaa"));
    history = appendEntry(history, failedRollback("2222222bbbb"));
    expect(lastKnownGood(history)?.revision).toBe("1111111aaaa");
    expect(history.entries.map((e) => e.seq)).toEqual([2, 1]);
  });

  it("there is no last-known-good before the first proven deploy", () => {
    expect(lastKnownGood(emptyHistory("production"))).toBeUndefined();
    expect(lastKnownGood(appendEntry(emptyHistory("production"), failedRollback("3333333")))).toBeUndefined();
  });

  it("keeps at most the limit of entries, newest first, and never drops the last-known-good", () => {
    let history = appendEntry(emptyHistory("production"), proven("0000000aaaa"));
    for (let i = 1; i <= 5; i++)
      history = appendEntry(history, failedRollback(`${i}${i}${i}${i}${i}${i}${i}`), 3);
    expect(history.entries).toHaveLength(3);
    expect(history.entries.map((e) => e.seq)).toEqual([6, 5, 1]);
    expect(lastKnownGood(history)?.revision).toBe("0000000aaaa");
  });

  it("finds a recorded revision by commit prefix, digest prefix or sequence number", () => {
    const b = bundle();
    let history = appendEntry(emptyHistory("production"), proven("1111111aaaa", b));
    history = appendEntry(history, proven("2222222bbbb", bundle(4)));
    expect(findEntry(history, "1111111")?.revision).toBe("1111111aaaa");
    expect(findEntry(history, bundleDigest(b).slice(0, 20))?.revision).toBe("1111111aaaa");
    expect(findEntry(history, "#2")?.revision).toBe("2222222bbbb");
  });

  it("does not match a commit prefix shorter than 7 characters or an unproven entry", () => {
    let history = appendEntry(emptyHistory("production"), proven("1111111aaaa"));
    history = appendEntry(history, failedRollback("9999999ffff"));
    expect(findEntry(history, "111")).toBeUndefined();
    expect(findEntry(history, "9999999")).toBeUndefined();
    expect(provenEntries(history).map((e) => e.revision)).toEqual(["1111111aaaa"]);
  });
});

describe("the ConfigMap", () => {
  it("round-trips the history with bundles and passed checks", () => {
    let history = appendEntry(emptyHistory("production"), proven("1111111aaaa"));
    history = appendEntry(history, failedRollback("2222222bbbb"));
    const map = toConfigMap(history, "netpol-rollout");
    expect(map.metadata).toMatchObject({ name: configMapName("production"), namespace: "netpol-rollout" });
    const back = fromConfigMap(JSON.parse(JSON.stringify(map)), "production");
    expect(back).toEqual({ ...history, authentication: { state: "unkeyed", signed: false } });
  });

  it("keeps the audit trail readable as plain JSON and bundles compressed", () => {
    const history = appendEntry(
      appendEntry(emptyHistory("production"), proven("1111111aaaa")),
      failedRollback("2"),
    );
    const map = toConfigMap(history, "netpol-rollout");
    const audit = JSON.parse(map.data!["history.json"]!);
    expect(audit.entries[0]).toMatchObject({ action: "rollback", reason: "checkout errors", proven: false });
    expect(audit.entries[1]).not.toHaveProperty("bundle");
    expect(map.data!["current"]).toBe(`1111111aaaa ${bundleDigest(bundle())}`);
    expect(Object.keys(map.data!).sort()).toEqual(["current", "entry-1.json.gz.b64", "history.json"]);
  });

  it("a 200-service environment's ten revisions fit under 1 MiB", () => {
    let history: History = emptyHistory("production");
    for (let i = 0; i < 10; i++)
      history = appendEntry(history, proven(`${i}`.repeat(7) + "abc", bundle(200 + i)));
    const map = toConfigMap(history, "netpol-rollout");
    expect(configMapSize(map)).toBeLessThan(1024 * 1024);
    expect(map.data!["history.json"]).toContain('"seq": 10');
  });

  it("drops the oldest entries until the ConfigMap fits, keeping the last-known-good", () => {
    let history: History = emptyHistory("production");
    for (let i = 1; i <= 4; i++) history = appendEntry(history, proven(`${i}`.repeat(7), bundle(50)));
    const full = configMapSize(toConfigMap(history, "ns"));
    const map = toConfigMap(history, "ns", { budget: Math.floor(full * 0.6) });
    const kept = fromConfigMap(map, "production").entries.map((e) => e.seq);
    expect(kept[0]).toBe(4);
    expect(kept.length).toBeLessThan(4);
    expect(kept).toEqual([...kept].sort((a, b) => b - a));
  });

  it("refuses when the last-known-good alone exceeds the budget", () => {
    const history = appendEntry(emptyHistory("production"), proven("1111111", bundle(50)));
    expect(() => toConfigMap(history, "ns", { budget: 1000 })).toThrow(HistoryFormatError);
  });

  it("names what is wrong in a damaged ConfigMap", () => {
    const map = toConfigMap(appendEntry(emptyHistory("production"), proven("1111111")), "ns");
    expect(() => fromConfigMap({ ...map, data: {} }, "production")).toThrow(/data\.history\.json is missing/);
    expect(() => fromConfigMap(map, "staging")).toThrow(/records environment production, expected staging/);
    const { "entry-1.json.gz.b64": blob, ...withoutBlob } = map.data!;
    expect(blob).toBeDefined();
    expect(() => fromConfigMap({ ...map, data: withoutBlob }, "production")).toThrow(
      /data\.entry-1\.json\.gz\.b64 is missing/,
    );
    expect(() =>
      fromConfigMap({ ...map, data: { ...map.data, "entry-1.json.gz.b64": "bm90IGd6aXA=" } }, "production"),
    ).toThrow(/not gzip-compressed JSON/);
    const broken = {
      ...map,
      data: { "history.json": '{"environment":"production","entries":[{"seq":"x"}]}' },
    };
    expect(() => fromConfigMap(broken, "production")).toThrow(/entries\[0\]: seq must be a number/);
  });
});
