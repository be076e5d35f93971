/**
 * Removes secret values from text before it is written or posted anywhere: the pull
 * request comment, the job summary, the JSON report, log lines, cluster and engine errors,
 * kubeconfig credentials quoted in an error. The runner masks secrets in the log only;
 * everything else the Action writes passes through a `Scrubber`.
 *
 * A secret is looked for in the forms it takes on its way into a report: as is, line by
 * line (a multi-line key), JSON-escaped (the JSON report), markdown- and HTML-escaped (the
 * comment), URI-encoded (a URL), and base64-encoded at each of the three alignments it can
 * have inside a longer base64 string (a kubeconfig's `client-key-data`, a basic-auth
 * header), as the runner's own masker does.
 */
import { escapeMarkdown, escapePre } from "../text/escape.js";

/** What a secret is replaced with: the runner's own mask. */
export const REDACTED = "***";

/**
 * Values shorter than this are not scrubbed: a 1–3 character value cannot be told apart
 * from ordinary text, and replacing it would garble every report.
 */
export const MIN_SECRET_LENGTH = 4;

export interface Scrubber {
  /** `text` with every form of every secret replaced by `***`. */
  scrub(text: string): string;
  /** A copy of `value` with every string inside it (keys left alone) scrubbed. */
  scrubDeep<T>(value: T): T;
  /** True when `text` holds a form of a secret. */
  leaks(text: string): boolean;
  /** The number of secret values known (not of their forms). */
  readonly size: number;
}

/** A scrubber for these secret values; empty and too-short values are ignored. */
export function createScrubber(secrets: Iterable<string | undefined>): Scrubber {
  const values = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== "string") continue;
    for (const value of [secret, secret.trim(), ...secret.split(/\r?\n/).map((l) => l.trim())]) {
      if (value.length >= MIN_SECRET_LENGTH) values.add(value);
    }
  }
  const forms = new Set<string>();
  for (const value of values) for (const form of formsOf(value)) forms.add(form);
  // Longest first, so a secret that contains another is replaced whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  const pattern = ordered.length > 0 ? new RegExp(ordered.map(escapeRegExp).join("|"), "g") : undefined;

  const scrub = (text: string): string => (pattern ? text.replace(pattern, REDACTED) : text);
  const scrubDeep = <T>(value: T): T => (pattern ? (mapStrings(value, scrub) as T) : value);
  return {
    scrub,
    scrubDeep,
    leaks: (text) => (pattern ? new RegExp(pattern.source).test(text) : false),
    size: values.size,
  };
}

/** A scrubber that knows no secret: returns text unchanged. */
export const NO_SECRETS: Scrubber = createScrubber([]);

/** The forms a secret value can take in what the Action writes. */
function formsOf(value: string): string[] {
  const forms = [value, escapeMarkdown(value), escapePre(value), JSON.stringify(value).slice(1, -1)];
  try {
    forms.push(encodeURIComponent(value));
  } catch {
    // A lone surrogate cannot be URI-encoded, so it cannot appear URI-encoded either.
  }
  forms.push(...base64Forms(value));
  return forms.filter((f) => f.length >= MIN_SECRET_LENGTH);
}

/**
 * The base64 text that encodes `value` wherever it sits in a longer encoded string: for
 * each of the three byte offsets, the characters fully determined by the value's bytes
 * (the partial first and last characters depend on the neighbours and are left out).
 */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, "utf8");
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const encoded = padded.toString("base64").replace(/=+$/, "");
    // Characters covering the `offset` leading filler bytes are not the secret's own.
    const start = offset === 0 ? 0 : Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    const form = encoded.slice(start, end);
    // Too short a run of base64 text would match by chance.
    if (form.length >= 8) forms.push(form);
  }
  return forms;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}

function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === "string") return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value instanceof Date || value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    Object.defineProperty(out, k, {
      value: mapStrings(v, fn),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
