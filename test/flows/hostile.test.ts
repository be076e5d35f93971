/**
 * Hostile flow input gets one clear error naming file:line and nothing else: no summary, no
 * partial result, no unbounded memory.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FlowInputError } from "../../action/src/flows/model.js";
import { summarise } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "netpol-flows-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ok = (i = 0) =>
  JSON.stringify({
    time: "2026-01-05T10:00:00Z",
    from: { namespace: "shop", labels: { app: `web-${i}` } },
    to: { namespace: "shop", labels: { app: "api" } },
    port: 8080,
    verdict: "allowed",
  });

async function refusal(name: string, content: string | Buffer, options = {}): Promise<string> {
  writeFileSync(join(dir, name), content);
  try {
    await summarise([name], { cwd: dir, ...options });
  } catch (error) {
    if (error instanceof FlowInputError) return error.message;
    throw error;
  }
  throw new Error(`${name} was read`);
}

describe("hostile flow files", () => {
  it("a huge line is refused at its line without being held whole", async () => {
    const huge = `{"time":"2026-01-05T10:00:00Z","x":"${"a".repeat(3 * 1024 * 1024)}"}`;
    expect(await refusal("huge.jsonl", `${ok()}\n${huge}\n${ok()}\n`)).toBe(
      "huge.jsonl:2: a record longer than 1048576 bytes: one flow per line, at most 1048576 bytes each",
    );
    // A file of one line and no line break at all.
    expect(await refusal("huge2.jsonl", "x".repeat(6 * 1024 * 1024))).toMatch(
      /^huge2\.jsonl:1: a record longer than/,
    );
  });

  it("bad UTF-8 is refused at its line", async () => {
    const bad = Buffer.concat([
      Buffer.from(`${ok()}\n${ok()}\n`),
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]),
    ]);
    expect(await refusal("bad.jsonl", bad)).toBe("bad.jsonl:3: not UTF-8 text (save the flows as UTF-8)");
  });

  it("a million distinct labels: refused at the record past the endpoint cap", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 20_010; i++) lines.push(ok(i));
    const message = await refusal("labels.jsonl", `${lines.join("\n")}\n`);
    // Line 1 brings two endpoints (web-0 and api), each further line one.
    expect(message).toMatch(/^labels\.jsonl:20000: more than 20000 distinct endpoints/);
  });

  it("one record with a million labels is refused, not parsed", async () => {
    const labels = Array.from({ length: 1_000_000 }, (_, i) => `"k${i}":"v"`).join(",");
    const line = `{"time":"2026-01-05T10:00:00Z","from":{"namespace":"shop","labels":{${labels}}},"to":{"ip":"1.2.3.4"},"port":1,"verdict":"allowed"}`;
    expect(await refusal("many-labels.jsonl", `${line}\n`)).toMatch(
      /^many-labels\.jsonl:1: a record longer than/,
    );
    const some = Array.from({ length: 65 }, (_, i) => `"k${i}":"v"`).join(",");
    const smaller = `{"time":"2026-01-05T10:00:00Z","from":{"namespace":"shop","labels":{${some}}},"to":{"ip":"1.2.3.4"},"port":1,"verdict":"allowed"}`;
    expect(await refusal("65-labels.jsonl", `${smaller}\n`)).toBe(
      "65-labels.jsonl:1: from.labels: 65 labels; at most 64",
    );
  });

  it("distinct flows are capped", async () => {
    const lines: string[] = [];
    for (let port = 1; port <= 12; port++) lines.push(ok().replace('"port":8080', `"port":${port}`));
    expect(await refusal("flows.jsonl", `${lines.join("\n")}\n`, { limits: { maxFlows: 10 } })).toMatch(
      /^flows\.jsonl:11: more than 10 distinct flows/,
    );
  });

  it("a file of no known format is refused at its first record", async () => {
    expect(await refusal("other.jsonl", '{"hello":"world"}\n')).toMatch(
      /^other\.jsonl:1: not a flow record of a known format/,
    );
  });

  it("names the record and what was expected", async () => {
    const cases: [string, string][] = [
      [
        '{"time":"2026-01-05T10:00:00Z","from":{"namespace":"shop"},"to":{"ip":"1.2.3.4"},"port":80,"verdict":"allowed","prot":"TCP"}',
        'unknown key "prot"',
      ],
      [
        '{"time":"yesterday","from":{"namespace":"shop"},"to":{"ip":"1.2.3.4"},"port":80,"verdict":"allowed"}',
        "time: expected an RFC 3339 time",
      ],
      [
        '{"time":"2026-01-05T10:00:00Z","from":{"namespace":"Shop"},"to":{"ip":"1.2.3.4"},"port":80,"verdict":"allowed"}',
        'from: namespace "Shop" must be lowercase',
      ],
      [
        '{"time":"2026-01-05T10:00:00Z","from":{"namespace":"shop"},"to":{"ip":"1.2.3.400"},"port":80,"verdict":"allowed"}',
        'to.ip: "1.2.3.400" is not an IP address',
      ],
      [
        '{"time":"2026-01-05T10:00:00Z","from":{"namespace":"shop"},"to":{"ip":"1.2.3.4"},"port":0,"verdict":"allowed"}',
        "port: expected an integer 1-65535",
      ],
      [
        '{"time":"2026-01-05T10:00:00Z","from":{"namespace":"shop"},"to":{"ip":"1.2.3.4"},"port":80,"verdict":"maybe"}',
        "verdict: expected allowed, denied or audit",
      ],
      [
        '{"time":"2026-01-05T10:00:00Z","from":{"namespace":"shop","labels":{"app":"a b"}},"to":{"ip":"1.2.3.4"},"port":80,"verdict":"allowed"}',
        'from.labels: label "app" value "a b" must be',
      ],
      [
        '{"time":"2026-01-05T10:00:00Z","from":{"labels":{"app":"x"}},"to":{"ip":"1.2.3.4"},"port":80,"verdict":"allowed"}',
        "from: labels, workload and pod need a namespace",
      ],
      ["[1,2]", "expected a JSON object (one flow per line)"],
      ["{not json", "not JSON:"],
    ];
    for (const [i, [text, expected]] of cases.entries()) {
      const message = await refusal(`case-${i}.jsonl`, `${ok()}\n${text}\n`);
      expect(message.startsWith(`case-${i}.jsonl:2: `), message).toBe(true);
      expect(message).toContain(expected);
    }
  });

  it("never opens a FIFO, a directory, or a link leading outside the repository", async () => {
    execFileSync("mkfifo", [join(dir, "fifo.jsonl")]);
    await expect(summarise(["fifo.jsonl"], { cwd: dir })).rejects.toThrow(
      "fifo.jsonl: not read: not a regular file (a FIFO, a socket or a device)",
    );
    mkdirSync(join(dir, "sub"));
    await expect(summarise(["sub"], { cwd: dir })).rejects.toThrow("sub: a directory: name the flow files");
    const repo = join(dir, "repo");
    mkdirSync(repo);
    symlinkSync("/etc/passwd", join(repo, "out.jsonl"));
    await expect(summarise(["out.jsonl"], { cwd: repo })).rejects.toThrow(
      "out.jsonl: not read: a link to a place outside the repository",
    );
    await expect(summarise(["missing.jsonl"], { cwd: dir })).rejects.toThrow("missing.jsonl: no such file");
  });
});
