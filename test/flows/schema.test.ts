/** The shipped JSON Schema and the plain-format reader agree, record by record. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import schema from "../../schemas/flows.schema.json" with { type: "json" };
import { FlowReader } from "../../action/src/flows/read.js";
import { FlowInputError } from "../../action/src/flows/model.js";
import { fixtures } from "./helpers.js";

const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

function readerAccepts(text: string): boolean {
  const reader = new FlowReader({ format: "plain" });
  reader.startFile("x.jsonl");
  try {
    reader.line(text, 1);
    return true;
  } catch (error) {
    if (error instanceof FlowInputError) return false;
    throw error;
  }
}

const base = {
  time: "2026-01-05T10:00:00Z",
  from: { namespace: "shop", labels: { app: "web" } },
  to: { namespace: "shop", labels: { app: "api" } },
  port: 8080,
  verdict: "allowed",
};

const records: [string, unknown][] = [
  ["the base record", base],
  ["seconds since 1970", { ...base, time: 1767607200 }],
  ["a node", { ...base, from: { node: "worker-1", ip: "192.168.0.10" } }],
  ["an address", { ...base, to: { ip: "2001:db8::1" } }],
  ["count 0", { ...base, count: 0 }],
  ["UDP", { ...base, protocol: "udp" }],
  ["no verdict", { ...base, verdict: undefined }],
  ["port 0", { ...base, port: 0 }],
  ["port 65536", { ...base, port: 65536 }],
  ["a fraction of a port", { ...base, port: 80.5 }],
  ["an unknown key", { ...base, extra: 1 }],
  ["an unknown side key", { ...base, from: { namespace: "shop", name: "web" } }],
  ["ICMP", { ...base, protocol: "ICMP" }],
  ["a time without a zone", { ...base, time: "2026-01-05T10:00:00" }],
  ["an upper-case namespace", { ...base, from: { namespace: "Shop" } }],
  ["a label value too long", { ...base, from: { namespace: "shop", labels: { app: "x".repeat(64) } } }],
  ["a label key with a bad prefix", { ...base, from: { namespace: "shop", labels: { "Bad_/app": "x" } } }],
  ["a number as label value", { ...base, from: { namespace: "shop", labels: { app: 1 } } }],
  ["a negative count", { ...base, count: -1 }],
  ["a side that is a string", { ...base, to: "api" }],
];

describe("schemas/flows.schema.json", () => {
  it("accepts every record of the fixture", () => {
    const lines = readFileSync(join(fixtures, "plain.jsonl"), "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "");
    for (const l of lines) expect(validate(JSON.parse(l)), JSON.stringify(validate.errors)).toBe(true);
  });

  it("and the reader agree on each record", () => {
    for (const [name, record] of records) {
      const text = JSON.stringify(record);
      expect(readerAccepts(text), name).toBe(validate(record));
    }
  });
});
