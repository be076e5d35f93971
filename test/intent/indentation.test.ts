import { describe, expect, it } from "vitest";
import { formatIntentError, parseIntent } from "../../action/src/intent/index.js";
import { BASE, edit, env } from "./cases.js";

/** Every error of an intent, as printed (file:line:col: message (hint)). */
function errorsOf(text: string): string[] {
  const result = parseIntent(env(text));
  return result.ok ? [] : result.errors.map(formatIntentError);
}

const F = "policies/environments/shop.yaml";

describe("indentation mistakes are said in words, at the line, once", () => {
  it("a flow indented one space more than the flows above it (valid YAML: read as the item before it)", () => {
    expect(errorsOf(edit("  - api -> database:5432\n", "   - api -> database:5432\n"))).toEqual([
      `${F}:13:4: this item is indented one space more than the items above it (line 12) (YAML reads it as the rest of the item on line 12; start it at column 3)`,
    ]);
  });

  it("a service indented one space more than the services above it", () => {
    expect(errorsOf(edit("      api: {", "       api: {"))).toEqual([
      `${F}:7:8: this key is indented one space more than the keys above it (line 6) (start it at column 7, like line 6)`,
    ]);
  });

  it("a service indented two spaces less than the services above it: one error, not one per line after it", () => {
    expect(errorsOf(edit("      api: {", "    api: {"))).toHaveLength(1);
    expect(errorsOf(edit("      api: {", "     api: {"))).toEqual([
      `${F}:7:6: this key is indented one space less than the keys above it (line 6) (start it at column 7 to stay in the same block, or at column 5 to close it)`,
    ]);
  });

  it("an un-indented block of services reports the empty key only, and the flows to them resolve", () => {
    const text = BASE.replace(/ {6}(frontend|api|database): /g, (_m, name: string) => `    ${name}: `);
    expect(errorsOf(text)).toEqual([
      `${F}:5:5: 'services:' is empty, and the keys below it (frontend, api, database; lines 6–8) start at its column, so YAML does not put them inside (indent lines 6–8 two spaces more than 'services:')`,
    ]);
  });

  it("a service's keys un-indented under it report the service only", () => {
    const text = edit(
      "      api: { labels: { app: api }, ports: [8080, { port: 9090, name: metrics }] }\n",
      "      api:\n      labels: { app: api }\n      ports: [8080, { port: 9090, name: metrics }]\n",
    );
    expect(errorsOf(text)).toEqual([
      `${F}:7:7: 'api:' is empty, and the keys below it (labels, ports; lines 8–9) start at its column, so YAML does not put them inside (indent lines 8–9 two spaces more than 'api:')`,
    ]);
  });

  it("a multi-line item that is not a list item stays valid", () => {
    expect(errorsOf(BASE.replace("  - api -> database:5432\n", "  - api ->\n    database:5432\n"))).toEqual(
      [],
    );
  });
});

describe("a typo in a service declaration", () => {
  it("is reported at the declaration when the flows use the other spelling", () => {
    expect(errorsOf(edit("      api: {", "      apii: {"))).toEqual([
      `${F}:7:7: service 'apii' is named by no flow, while 2 flows name 'api', which is not declared (lines 12, 13) (rename the service to 'api')`,
    ]);
  });

  it("is reported at each flow when the declared spelling is used by a flow too", () => {
    const errors = errorsOf(edit("  - api -> database:5432\n", "  - apii -> database:5432\n"));
    expect(errors).toEqual([
      `${F}:13:5: flow 'apii -> database:5432': unknown service or namespace 'apii' (did you mean 'api'?)`,
    ]);
  });
});
