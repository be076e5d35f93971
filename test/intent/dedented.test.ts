/**
 * A key written too far left is reported at its own line, with the fix that puts it where
 * it was meant: applying the hint gives a file that loads. And a port number in quotes
 * reads like the number, in every place a port map takes one.
 */
import { describe, expect, it } from "vitest";
import { formatIntentError, parseIntent } from "../../action/src/intent/index.js";
import { compileEnvironment } from "../../action/src/compile/index.js";
import { bundleDigest } from "../../action/src/compile/bundle.js";

const FILE = "policies/environments/shop.yaml";

function errors(text: string): string[] {
  const result = parseIntent([{ path: FILE, text }]);
  return result.ok ? [] : result.errors.map(formatIntentError);
}

/** The file with line `line` moved right by the spaces the hint asks for. */
function applyHint(text: string, error: string): string {
  const m = /^[^:]+:(\d+):\d+: .*\(indent it (\d+) spaces? more/.exec(error);
  if (!m) throw new Error(`no indentation hint in ${error}`);
  const lines = text.split("\n");
  lines[Number(m[1]) - 1] = " ".repeat(Number(m[2])) + lines[Number(m[1]) - 1];
  return lines.join("\n");
}

const HEAD = "promotion: 1\ncni: calico\nnamespaces:\n  shop:\n    services:\n";

describe("a dedented key", () => {
  it.each([
    [
      "among the services, read as a service",
      `${HEAD}      api:\n        labels: { app: api }\n      ports: [8080]\n`,
      `${FILE}:8:7: 'ports' is indented as a key of 'services', but reads as belonging to 'api' above it (line 6) (indent it 2 spaces more, to column 9, under 'api')`,
    ],
    [
      "among the namespace's keys, unknown there",
      `${HEAD}      api:\n        labels: { app: api }\n    ports: [8080]\n`,
      `${FILE}:8:5: 'ports' is indented as a key of 'shop', but reads as belonging to 'api' above it (line 6) (indent it 4 spaces more, to column 9, under 'api')`,
    ],
    [
      "a label among the service's keys",
      `${HEAD}      api:\n        labels:\n          app: api\n        tier: web\n        ports: [8080]\n`,
      `${FILE}:9:9: 'tier' is indented as a key of 'api', but reads as belonging to 'labels' above it (line 7) (indent it 2 spaces more, to column 11, under 'labels')`,
    ],
  ])("%s: said at its line, and the fix loads", (_name, text, expected) => {
    expect(errors(text)).toEqual([expected]);
    expect(errors(applyHint(text, expected))).toEqual([]);
  });

  it("a key that fits nowhere above keeps the schema's message", () => {
    expect(errors(`${HEAD}      api:\n        labels: { app: api }\n    colour: blue\n`)).toEqual([
      `${FILE}:8:5: unknown key 'colour' in 'shop' (expected one of: managed, defaultDeny, labels, podLabels, services, policies)`,
    ]);
  });
});

describe("a port in quotes", () => {
  it("reads like the number in a service's port map and a flow's", () => {
    const quoted = `${HEAD}      api: { labels: { app: api }, ports: ["8080", { port: "9090", name: metrics }] }\n      web: { labels: { app: web } }\nflows:\n  - web -> api:8080\n  - from: web\n    to: api\n    ports: [{ port: "9090" }]\n`;
    const plain = quoted
      .replace('"8080"', "8080")
      .replace('port: "9090", name', "port: 9090, name")
      .replace('{ port: "9090" }', "{ port: 9090 }");
    const load = (text: string) => {
      const r = parseIntent([{ path: FILE, text }]);
      if (!r.ok) throw new Error(r.errors.map(formatIntentError).join("\n"));
      return r.intent.environments[0]!;
    };
    expect(bundleDigest(compileEnvironment(load(quoted)))).toBe(
      bundleDigest(compileEnvironment(load(plain))),
    );
    expect(errors(quoted.replace('"9090", name', '"90a0", name'))).toEqual([
      `${FILE}:6:60: expected a port number (1-65535), got '90a0'`,
    ]);
  });
});
