/**
 * The record key through the Action as the runner runs it: a record written by the version
 * before authenticated records (by this compiler or an earlier one) is adopted from a
 * one-commit checkout (its revision fetched by SHA and compiled) and rolled back to; a record changed in the cluster is refused and
 * nothing changes.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { bundleDigest } from "../../action/src/compile/bundle.js";
import type { CompiledBundle } from "../../action/src/compile/types.js";
import { fromConfigMap, type ConfigMapObject } from "../../action/src/rollout/last-known-good.js";
import { generateRecordKey, parseRecordKeys } from "../../action/src/rollout/record-key.js";
import { startFakeKube, type FakeKube, type Json } from "../fakes/kube-server.js";
import { probeDataplane, type ProbeDataplaneOptions } from "../fakes/probe-dataplane.js";
import {
  createWorkspace,
  policyNames,
  probeLeftovers,
  runActionOn,
  seedShop,
  shopIntent,
  type Workspace,
} from "../helpers/live-shop.js";

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), "../rollout/fixtures/legacy-record");
const KEY = generateRecordKey();

let fake: FakeKube | undefined;
let ws: Workspace | undefined;
afterEach(async () => {
  await fake?.close();
  ws?.cleanup();
  fake = undefined;
  ws = undefined;
  process.exitCode = undefined;
});

async function setup(dataplane: ProbeDataplaneOptions = {}) {
  fake = await startFakeKube({ podStartMs: 20, dataplane: probeDataplane(dataplane) });
  seedShop(fake);
  ws = createWorkspace(fake, { production: shopIntent("production", 1, "") });
  return { fake, ws };
}

const record = (f: FakeKube) =>
  f.get("configmaps", "netpol-rollout", "netpol-rollout-lkg-production") as unknown as ConfigMapObject;

/** Commits `text` as the production intent in `dir` the way the fixture's commit was made. */
function commit(dir: string, text: string, message: string): string {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "netpol",
    GIT_AUTHOR_EMAIL: "netpol@example.com",
    GIT_AUTHOR_DATE: "2026-11-30T08:00:00Z",
    GIT_COMMITTER_NAME: "netpol",
    GIT_COMMITTER_EMAIL: "netpol@example.com",
    GIT_COMMITTER_DATE: "2026-11-30T08:00:00Z",
  };
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "commit.gpgsign=false", ...args], { cwd: dir, env, encoding: "utf8" }).trim();
  mkdirSync(join(dir, "policies/environments"), { recursive: true });
  writeFileSync(join(dir, "policies/environments/production.yaml"), text);
  git("add", "policies");
  git("commit", "-q", "-m", message);
  return git("rev-parse", "HEAD");
}

type LegacyBundle = { objects: { manifest: Json }[] };

/**
 * An earlier compiler's objects for the same intent: the same policies, written otherwise
 * (no source annotation, DNS ports UDP first).
 */
function olderCompiler(bundle: LegacyBundle): LegacyBundle {
  const objects = bundle.objects.map((o) => {
    const manifest = structuredClone(o.manifest) as Json & { metadata: Json; spec: Json };
    delete manifest.metadata.annotations;
    for (const rule of (manifest.spec.egress as { ports?: Json[] }[] | undefined) ?? [])
      rule.ports?.reverse();
    return { ...o, manifest };
  });
  return { ...bundle, objects };
}

/** The fixture's ConfigMap with its one entry's bundle replaced, digests as that writer wrote them. */
function rewritten(legacy: Json, bundle: LegacyBundle): Json {
  const data = { ...(legacy.data as Record<string, string>) };
  const blob = "entry-1.json.gz.b64";
  const entry = JSON.parse(gunzipSync(Buffer.from(data[blob]!, "base64")).toString()) as Json;
  const before = (JSON.parse(data["history.json"]!) as { entries: { digest: string }[] }).entries[0]!.digest;
  const after = bundleDigest(bundle as unknown as CompiledBundle);
  data[blob] = gzipSync(JSON.stringify({ ...entry, bundle })).toString("base64");
  data["history.json"] = data["history.json"]!.replace(before, after);
  data["current"] = data["current"]!.replace(before, after);
  return { ...legacy, data };
}

describe("a record written before records were authenticated", () => {
  it.each([
    ["by this compiler", false],
    ["by an earlier compiler (its objects written otherwise)", true],
  ])(
    "written %s is adopted from a one-commit checkout: its revision fetched by SHA and compiled, rolled back to, then signed",
    async (_written, earlier) => {
      const dataplane: ProbeDataplaneOptions = {};
      const { fake, ws } = await setup(dataplane);
      // The repository: the fixture's commit A, then B adding worker -> ledger.
      const origin = join(ws.dir, "..", "origin");
      mkdirSync(origin);
      execFileSync("git", ["init", "-q", "-b", "main"], { cwd: origin });
      const a = commit(
        origin,
        readFileSync(join(FIXTURE, "production.yaml"), "utf8"),
        "production: the shop",
      );
      expect(a).toBe(readFileSync(join(FIXTURE, "commit.txt"), "utf8").trim());
      const b = commit(
        origin,
        shopIntent("production", 1, "", ["worker -> ledger:5432"]),
        "worker -> ledger",
      );
      // The checkout deploy.yml makes: B alone.
      execFileSync("git", ["init", "-q"], { cwd: ws.dir });
      execFileSync("git", ["remote", "add", "origin", `file://${origin}`], { cwd: ws.dir });
      execFileSync("git", ["fetch", "-q", "--depth=1", "origin", b], { cwd: ws.dir });
      execFileSync("git", ["reset", "-q", "--hard", "FETCH_HEAD"], { cwd: ws.dir });
      expect(() =>
        execFileSync("git", ["cat-file", "-e", `${a}^{commit}`], { cwd: ws.dir, stdio: "ignore" }),
      ).toThrow();

      // The cluster holds A as the earlier version deployed it, and its record.
      let legacy = JSON.parse(readFileSync(join(FIXTURE, "configmap.json"), "utf8")) as Json;
      const blob = (legacy.data as Record<string, string>)["entry-1.json.gz.b64"]!;
      const compiled = JSON.parse(gunzipSync(Buffer.from(blob, "base64")).toString()).bundle as LegacyBundle;
      const bundle = earlier ? olderCompiler(compiled) : compiled;
      if (earlier) legacy = rewritten(legacy, bundle);
      fake.seed(
        "networkpolicies",
        bundle.objects.map((o) => o.manifest),
      );
      fake.seed("configmaps", [legacy]);
      const proven = policyNames(fake);

      // B's new flow is dropped by the CNI: the deploy must go back to A.
      dataplane.deviateOn = {
        namespace: "billing",
        policy: "ledger-ingress",
        direction: "ingress",
        ruleIndex: 1,
      };
      const r = await runActionOn(ws, { command: "deploy", "record-key": KEY }, { GITHUB_SHA: b });
      expect(r.failure).toMatch(new RegExp(`rolled back to revision ${a.slice(0, 12)}.*re-probe passed`));
      expect(r.io.summary).toMatch(/carries no MAC \(written by an earlier version, or stripped of it\)/);
      expect(r.io.summary).toContain("its intent from the repository");
      expect(policyNames(fake)).toEqual(proven);
      // What runs is A as the repository compiles it today, whatever the ConfigMap held.
      const source = fake.get("networkpolicies", "billing", "ledger-ingress")?.metadata as Json;
      expect(source.annotations).toMatchObject({ "netpol-rollout.io/source": expect.any(String) });
      if (earlier)
        expect(r.io.summary).toMatch(/an earlier compiler wrote them.*the repository's are restored/);
      else expect(r.io.summary).not.toMatch(/an earlier compiler wrote them/);

      // The record is authenticated now, and says A runs, rolled back from B.
      const after = fromConfigMap(record(fake), "production", parseRecordKeys(KEY));
      expect(after.authentication.state).toBe("verified");
      expect(after.running).toMatchObject({
        provenance: "rollback",
        revision: a,
        from: { revision: b },
        proven: true,
        digest: bundleDigest(compiled as unknown as CompiledBundle),
      });
      expect(await probeLeftovers(fake)).toEqual([]);
    },
    90_000,
  );
});

describe("a record changed in the cluster", () => {
  it("is refused with the reason, and nothing is deployed or rolled back", async () => {
    const { fake, ws } = await setup();
    const first = await runActionOn(
      ws,
      { command: "deploy", "record-key": KEY },
      { GITHUB_SHA: "a1".repeat(20) },
    );
    expect(first.failure, first.io.summary).toBeUndefined();
    expect(first.io.summary).not.toContain("no record-key");
    // Someone who may edit the state namespace marks every check as failing at the last-known-good.
    const map = record(fake);
    const data = { ...map.data! };
    data["history.json"] = data["history.json"]!.replace('"failed": 0', '"failed": 9');
    fake.seed("configmaps", [{ ...map, data } as unknown as Json]);
    const before = policyNames(fake);

    ws.writeEnvironment("production", shopIntent("production", 1, "", ["worker -> ledger:5432"]));
    const deploy = await runActionOn(
      ws,
      { command: "deploy", "record-key": KEY },
      { GITHUB_SHA: "b2".repeat(20) },
    );
    expect(deploy.failure).toMatch(/fails authentication: its MAC does not match its content/);
    const rollback = await runActionOn(
      ws,
      { command: "rollback", environments: "production", reason: "test", "record-key": KEY },
      { GITHUB_EVENT_NAME: "workflow_dispatch" },
    );
    expect(rollback.failure).toMatch(/fails authentication/);
    expect(policyNames(fake)).toEqual(before);
    expect(JSON.stringify(record(fake))).toContain('\\"failed\\": 9');
  }, 90_000);

  it("without a key, the summary and the log say what is trusted", async () => {
    const { ws } = await setup();
    const r = await runActionOn(ws, { command: "deploy" }, { GITHUB_SHA: "a1".repeat(20) });
    expect(r.failure).toBeUndefined();
    const again = await runActionOn(ws, { command: "deploy" }, { GITHUB_SHA: "a1".repeat(20) });
    expect(again.io.summary).toMatch(
      /no record-key: ConfigMap netpol-rollout\/netpol-rollout-lkg-production is trusted as written/,
    );
    expect(again.stdout + again.io.infos.join("\n")).toMatch(/no record-key/);
  }, 90_000);
});
