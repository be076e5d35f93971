import { createRequire as __nrCreateRequire } from "node:module";
const require = __nrCreateRequire(import.meta.url);

import {
  escapeMarkdown,
  escapePre,
  require_mod
} from "./chunk-7G6QWUD4.js";
import {
  __toESM
} from "./chunk-JYXQAFTB.js";

// action/src/intent/environment-names.ts
var import_fastest_levenshtein = __toESM(require_mod(), 1);
function suggestEnvironment(name, available) {
  if (available.length === 0) return void 0;
  const prefixed = available.filter((a) => a.startsWith(name) || name.startsWith(a));
  if (prefixed.length === 1) return prefixed[0];
  const candidate = (0, import_fastest_levenshtein.closest)(name, [...available]);
  return (0, import_fastest_levenshtein.distance)(name, candidate) <= Math.max(2, Math.floor(name.length / 3)) ? candidate : void 0;
}
function unknownEnvironmentMessage(name, available) {
  if (available.length === 0) return `unknown environment '${name}': the intent declares no environments`;
  const suggestion = suggestEnvironment(name, available);
  return `unknown environment '${name}'; environments: ${available.join(", ")}` + (suggestion !== void 0 ? ` (did you mean '${suggestion}'?)` : "");
}

// action/src/report/scrub.ts
var REDACTED = "***";
var MIN_SECRET_LENGTH = 4;
function createScrubber(secrets) {
  const values = /* @__PURE__ */ new Set();
  for (const secret of secrets) {
    if (typeof secret !== "string") continue;
    for (const value of [secret, secret.trim(), ...secret.split(/\r?\n/).map((l) => l.trim())]) {
      if (value.length >= MIN_SECRET_LENGTH) values.add(value);
    }
  }
  const forms = /* @__PURE__ */ new Set();
  for (const value of values) for (const form of formsOf(value)) forms.add(form);
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  const pattern = ordered.length > 0 ? new RegExp(ordered.map(escapeRegExp).join("|"), "g") : void 0;
  const scrub = (text) => pattern ? text.replace(pattern, REDACTED) : text;
  const scrubDeep = (value) => pattern ? mapStrings(value, scrub) : value;
  return {
    scrub,
    scrubDeep,
    leaks: (text) => pattern ? new RegExp(pattern.source).test(text) : false,
    size: values.size
  };
}
var NO_SECRETS = createScrubber([]);
function formsOf(value) {
  const forms = [value, escapeMarkdown(value), escapePre(value), JSON.stringify(value).slice(1, -1)];
  try {
    forms.push(encodeURIComponent(value));
  } catch {
  }
  forms.push(...base64Forms(value));
  return forms.filter((f) => f.length >= MIN_SECRET_LENGTH);
}
function base64Forms(value) {
  const bytes = Buffer.from(value, "utf8");
  const forms = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const encoded = padded.toString("base64").replace(/=+$/, "");
    const start = offset === 0 ? 0 : Math.ceil(offset * 8 / 6);
    const end = Math.floor((offset + bytes.length) * 8 / 6);
    const form = encoded.slice(start, end);
    if (form.length >= 8) forms.push(form);
  }
  return forms;
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
function mapStrings(value, fn) {
  if (typeof value === "string") return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value instanceof Date || value === null || typeof value !== "object") return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    Object.defineProperty(out, k, {
      value: mapStrings(v, fn),
      enumerable: true,
      writable: true,
      configurable: true
    });
  }
  return out;
}

export {
  unknownEnvironmentMessage,
  createScrubber
};
