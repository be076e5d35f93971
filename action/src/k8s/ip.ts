/**
 * IP addresses and CIDRs as numbers, for ipBlock matching that stays cheap on large
 * clusters: IPv4 as an unsigned 32-bit number, IPv6 as a bigint. Parsing goes through
 * ipaddr.js (which rejects malformed text); matching is plain arithmetic.
 */
import ipaddr from "ipaddr.js";

export type IpFamily = 4 | 6;

export interface Ip {
  family: IpFamily;
  /** IPv4: unsigned 32-bit value; IPv6: 128-bit value. */
  value: number | bigint;
  /** Canonical text (IPv6 in RFC 5952 form). */
  text: string;
}

export interface Cidr {
  family: IpFamily;
  /** The network address (host bits cleared, as the API server does with net.ParseCIDR). */
  base: number | bigint;
  prefix: number;
  /** The CIDR as written. */
  text: string;
  /** Whether the written address had host bits set ("10.0.0.5/24"). */
  hostBitsSet: boolean;
}

function fromBytes(bytes: number[]): number | bigint {
  if (bytes.length === 4) {
    return (
      (((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0)) >>> 0
    );
  }
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function toIp(addr: ipaddr.IPv4 | ipaddr.IPv6): Ip {
  if (addr.kind() === "ipv4")
    return { family: 4, value: fromBytes(addr.toByteArray()), text: addr.toString() };
  const v6 = addr as ipaddr.IPv6;
  return { family: 6, value: fromBytes(v6.toByteArray()), text: v6.toRFC5952String() };
}

/** Dotted-quad IPv4 without leading zeros (as Kubernetes validates it), or undefined. */
function parseIpv4Fast(t: string): Ip | undefined {
  let value = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  for (let i = 0; i <= t.length; i++) {
    const c = i < t.length ? t.charCodeAt(i) : 46; // a final "." closes the last part
    if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return undefined; // leading zero
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return undefined;
    } else if (c === 46) {
      if (digits === 0 || ++parts > 4) return undefined;
      value = value * 256 + part;
      part = 0;
      digits = 0;
    } else return undefined;
  }
  if (parts !== 4) return undefined;
  return { family: 4, value, text: t };
}

/** Parses an IPv4 address in dotted-quad form or an IPv6 address; undefined when invalid. */
export function parseIp(text: string): Ip | undefined {
  const t = text.trim();
  if (!t.includes(":")) return parseIpv4Fast(t);
  if (t.includes(":") && ipaddr.IPv6.isValid(t) && !t.includes("%")) return toIp(ipaddr.IPv6.parse(t));
  return undefined;
}

const V4_MASKS: number[] = Array.from({ length: 33 }, (_, p) =>
  p === 0 ? 0 : (0xffffffff << (32 - p)) >>> 0,
);
const V6_ALL = (1n << 128n) - 1n;

function maskOf(family: IpFamily, prefix: number): number | bigint {
  if (family === 4) return V4_MASKS[prefix] ?? 0;
  return prefix === 0 ? 0n : (V6_ALL >> BigInt(128 - prefix)) << BigInt(128 - prefix);
}

function applyMask(family: IpFamily, value: number | bigint, prefix: number): number | bigint {
  if (family === 4) return ((value as number) & (maskOf(4, prefix) as number)) >>> 0;
  return (value as bigint) & (maskOf(6, prefix) as bigint);
}

/** Parses "a.b.c.d/n" or "x::y/n"; undefined when invalid. Host bits are cleared (and flagged). */
export function parseCidr(text: string): Cidr | undefined {
  const t = text.trim();
  const slash = t.indexOf("/");
  if (slash < 0) return undefined;
  const ip = parseIp(t.slice(0, slash));
  const prefixText = t.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > (ip.family === 4 ? 32 : 128)) return undefined;
  const base = applyMask(ip.family, ip.value, prefix);
  return { family: ip.family, base, prefix, text: t, hostBitsSet: base !== ip.value };
}

export function cidrContains(cidr: Cidr, ip: Ip): boolean {
  if (cidr.family !== ip.family) return false;
  return applyMask(ip.family, ip.value, cidr.prefix) === cidr.base;
}

/** Whether `inner` lies inside `outer` (equal counts as inside). */
export function cidrWithin(inner: Cidr, outer: Cidr): boolean {
  if (inner.family !== outer.family || inner.prefix < outer.prefix) return false;
  return applyMask(inner.family, inner.base, outer.prefix) === outer.base;
}

/** Whether two CIDRs share at least one address. */
export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return cidrWithin(a, b) || cidrWithin(b, a);
}

export function formatIp(family: IpFamily, value: number | bigint): string {
  if (family === 4) {
    const v = value as number;
    return [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join(".");
  }
  const bytes: number[] = [];
  let v = value as bigint;
  for (let i = 0; i < 16; i++) {
    bytes.unshift(Number(v & 255n));
    v >>= 8n;
  }
  return (ipaddr.fromByteArray(bytes) as ipaddr.IPv6).toRFC5952String();
}

/** The number of addresses in a CIDR, as a bigint. */
export function cidrSize(cidr: Cidr): bigint {
  return 1n << BigInt((cidr.family === 4 ? 32 : 128) - cidr.prefix);
}

/**
 * An address inside `cidr` and outside every CIDR of `avoid`, preferring the first host
 * address (network + 1); undefined when `avoid` covers the whole range. Used to pick a
 * representative address for a declared CIDR.
 */
export function representativeAddress(cidr: Cidr, avoid: Cidr[] = []): Ip | undefined {
  const size = cidrSize(cidr);
  const base = BigInt(cidr.base);
  const inside = avoid.filter((a) => a.family === cidr.family && cidrOverlaps(a, cidr));
  const make = (offset: bigint): Ip => {
    const value = cidr.family === 4 ? Number(base + offset) : base + offset;
    return { family: cidr.family, value, text: formatIp(cidr.family, value) };
  };
  let offset = size > 1n ? 1n : 0n;
  // Jump past each avoided range that holds the candidate; each jump moves forward, so at
  // most one jump per avoided range.
  for (let jumps = 0; jumps <= inside.length; jumps++) {
    if (offset >= size) return undefined;
    const ip = make(offset);
    const hit = inside.find((a) => cidrContains(a, ip));
    if (!hit) return ip;
    offset = BigInt(hit.base) + cidrSize(hit) - base;
  }
  return undefined;
}
