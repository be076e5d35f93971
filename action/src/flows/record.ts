/** What every reader shares: where parsed records go, and small field readers. */
import type { Protocol } from "../k8s/types.js";
import type { Endpoint, EndpointTable } from "./endpoints.js";
import type { FlowLimits, FlowRecord, FlowSide, FlowVerdict } from "./model.js";

/** Where a reader sends what it parsed. Each method returns why it refuses, or undefined. */
export interface RecordSink {
  readonly limits: FlowLimits;
  endpoint(raw: string, build: () => FlowSide | string): Endpoint | string;
  /** The endpoint of a raw key already seen (no side built), if any. */
  known(raw: string): Endpoint | undefined;
  /** The endpoints themselves, for readers that find sides by walking their labels. */
  readonly endpoints: EndpointTable;
  record(record: FlowRecord, from: Endpoint, to: Endpoint): string | undefined;
  /** One connection counted earlier turned out to have another verdict. */
  recount(
    from: Endpoint,
    to: Endpoint,
    port: number,
    protocol: Protocol,
    was: FlowVerdict,
    now: FlowVerdict,
  ): void;
  /** Counts a record read but not counted, by reason. */
  skip(reason: string): undefined;
  lost(events: number): void;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
/** The last whole second parsed ("2026-01-05T10:00:00"): records come in time order, mostly. */
let lastSecond = "";
let lastSecondMs = 0;

/**
 * A time: RFC 3339 text with a zone ("2026-01-05T10:00:00Z"), or seconds since the epoch
 * (a number, or digits as protobuf's JSON writes 64-bit integers). Milliseconds, or why not.
 */
export function parseTime(value: unknown): number | string {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0 || value > 32503680000) return "expected seconds since 1970";
    return value * 1000;
  }
  if (typeof value !== "string")
    return `expected an RFC 3339 time ("2026-01-05T10:00:00Z") or seconds since 1970, got ${JSON.stringify(value)}`;
  const fast = fastUtc(value);
  if (fast !== undefined) return fast;
  if (/^\d{1,11}$/.test(value)) return parseTime(Number(value));
  if (!RFC3339.test(value))
    return `expected an RFC 3339 time with a zone ("2026-01-05T10:00:00Z"), got ${JSON.stringify(value)}`;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return `not a valid time: ${JSON.stringify(value)}`;
  return ms;
}

/**
 * "YYYY-MM-DDTHH:MM:SS[.fff…]Z" whose second is the one parsed last: the fraction added by
 * hand. Anything else (another second, another zone) takes the full parse.
 */
function fastUtc(value: string): number | undefined {
  const n = value.length;
  if (
    n < 20 ||
    value.charCodeAt(n - 1) !== 90 /* Z */ ||
    !value.startsWith(lastSecond) ||
    lastSecond === ""
  ) {
    return n >= 20 && value.charCodeAt(n - 1) === 90 ? remember(value) : undefined;
  }
  if (n === 20) return lastSecondMs;
  if (value.charCodeAt(19) !== 46 /* . */ || n < 22 || n > 30) return undefined;
  let ms = 0;
  let scale = 100;
  for (let i = 20; i < n - 1; i++) {
    const d = value.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    ms += d * scale;
    scale /= 10;
  }
  return lastSecondMs + Math.floor(ms);
}

function remember(value: string): number | undefined {
  if (!RFC3339.test(value)) return undefined;
  const second = value.slice(0, 19);
  const ms = Date.parse(`${second}Z`);
  if (Number.isNaN(ms)) return undefined;
  lastSecond = second;
  lastSecondMs = ms;
  return fastUtc(value);
}

/** A field under its protobuf name or its JSON (lowerCamelCase) name: protojson writes either. */
export function field(obj: Record<string, unknown>, snake: string, camel: string): unknown {
  const v = obj[snake];
  return v !== undefined ? v : obj[camel];
}

/** A 64-bit integer as protobuf's JSON writes it (a number, or digits in a string). */
export function int64(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value === "string" && /^\d{1,15}$/.test(value)) return Number(value);
  if (value === undefined || value === null) return 0;
  return undefined;
}

/** "key=value" label strings (Hubble, Calico) as a record; the prefix up to ':' dropped where asked. */
export function labelList(
  list: unknown,
  keep: (entry: string) => string | undefined,
): Record<string, string> | string {
  if (list === undefined || list === null) return {};
  if (!Array.isArray(list)) return 'labels: expected a list of "key=value"';
  const labels: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const item of list) {
    if (typeof item !== "string") return 'labels: expected a list of "key=value"';
    const entry = keep(item);
    if (entry === undefined) continue;
    const eq = entry.indexOf("=");
    if (eq <= 0) labels[entry] = "";
    else labels[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return labels;
}
