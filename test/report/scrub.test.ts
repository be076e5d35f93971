import { describe, expect, it } from "vitest";
import { createScrubber, NO_SECRETS, REDACTED } from "../../action/src/report/scrub.js";
import { escapeMarkdown } from "../../action/src/text/escape.js";

const TOKEN = "ghs_16C7e42F292c6912E7710c838347Ae178B4a";

describe("the scrubber", () => {
  it("replaces a secret as is, however often it appears", () => {
    const s = createScrubber([TOKEN]);
    expect(s.scrub(`a ${TOKEN} b ${TOKEN}`)).toBe(`a ${REDACTED} b ${REDACTED}`);
  });

  it("finds the markdown-escaped form the comment holds", () => {
    const s = createScrubber([TOKEN]);
    const comment = `| ${escapeMarkdown(`error: ${TOKEN}`)} |`;
    expect(comment).not.toContain(TOKEN);
    expect(s.scrub(comment)).toBe(`| error: ${REDACTED} |`);
  });

  it("finds the JSON-escaped and URI-encoded forms", () => {
    const secret = 'pa"ss\\word/é';
    const s = createScrubber([secret]);
    expect(s.scrub(JSON.stringify({ e: `x${secret}y` }))).toBe(`{"e":"x${REDACTED}y"}`);
    expect(s.scrub(`https://h/?p=${encodeURIComponent(secret)}`)).toBe(`https://h/?p=${REDACTED}`);
  });

  it("finds a secret base64-encoded inside a longer base64 text, at every alignment", () => {
    const secret = "-----BEGIN KEY----- s3cr3t-material";
    const s = createScrubber([secret]);
    for (const prefix of ["", "a", "ab", "abc"]) {
      const encoded = Buffer.from(`${prefix}${secret}!tail`).toString("base64");
      expect(s.scrub(`client-key-data: ${encoded}`)).toContain(REDACTED);
      expect(s.leaks(`client-key-data: ${encoded}`)).toBe(true);
    }
  });

  it("scrubs each line of a multi-line secret (a private key quoted line by line)", () => {
    const key = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----";
    const s = createScrubber([key]);
    expect(s.scrub("line: MIIEvQIBADANBgkqhkiG9w0BAQEFAASC")).toBe(`line: ${REDACTED}`);
  });

  it("replaces the longer of two overlapping secrets whole", () => {
    const s = createScrubber(["abcd", "abcdefgh"]);
    expect(s.scrub("xabcdefghx")).toBe(`x${REDACTED}x`);
  });

  it("ignores empty and very short values, which would garble every report", () => {
    const s = createScrubber(["", "ab", undefined]);
    expect(s.size).toBe(0);
    expect(s.scrub("ab cd")).toBe("ab cd");
    expect(NO_SECRETS.scrub("text")).toBe("text");
  });

  it("scrubs every string of a report, in arrays and nested objects, and keeps its shape", () => {
    const s = createScrubber([TOKEN]);
    const report = {
      environments: [{ name: "prod", engine: { status: "failed", error: `401 for ${TOKEN}` } }],
      n: 3,
    };
    expect(s.scrubDeep(report)).toEqual({
      environments: [{ name: "prod", engine: { status: "failed", error: `401 for ${REDACTED}` } }],
      n: 3,
    });
    expect(report.environments[0]?.engine.error).toContain(TOKEN);
  });

  it("treats regular-expression characters in a secret literally", () => {
    const s = createScrubber(["a.b*c+d?"]);
    expect(s.scrub("aXbbbcd a.b*c+d?")).toBe(`aXbbbcd ${REDACTED}`);
  });
});
