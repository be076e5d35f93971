/**
 * CIDR parsing with fix-its. The NetworkPolicy ipBlock takes a network in CIDR notation;
 * a bare address or a network with host bits set is almost always a typo, so both are
 * errors that say what was probably meant.
 */
import ipaddr from "ipaddr.js";

export interface Cidr {
  family: 4 | 6;
  /** Canonical text: dotted quad or RFC 5952 IPv6, then /prefix. */
  text: string;
  bytes: number[];
  prefix: number;
}

export type CidrResult = { ok: true; cidr: Cidr } | { ok: false; message: string; hint?: string };

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function parseAddress(text: string): { family: 4 | 6; bytes: number[] } | undefined {
  if (IPV4.test(text)) return { family: 4, bytes: ipaddr.IPv4.parse(text).toByteArray() };
  if (text.includes(":") && ipaddr.IPv6.isValid(text) && !text.includes("%")) {
    return { family: 6, bytes: ipaddr.IPv6.parse(text).toByteArray() };
  }
  return undefined;
}

function format(family: 4 | 6, bytes: number[]): string {
  const addr = ipaddr.fromByteArray(bytes);
  return family === 6 && addr.kind() === "ipv6" ? (addr as ipaddr.IPv6).toRFC5952String() : addr.toString();
}

/** Whether `text` is an IP address or CIDR at all (to tell a CIDR endpoint from a name). */
export function looksLikeIp(text: string): boolean {
  const slash = text.indexOf("/");
  const addr = slash >= 0 ? text.slice(0, slash) : text;
  return /^\d+(\.\d+){0,3}$/.test(addr) || (addr.includes(":") && /^[0-9A-Fa-f:.]+$/.test(addr));
}

export function parseCidr(text: string): CidrResult {
  const slash = text.indexOf("/");
  if (slash < 0) {
    const addr = parseAddress(text);
    if (addr) {
      const bits = addr.family === 4 ? 32 : 128;
      return {
        ok: false,
        message: `'${text}' is an address, not a CIDR: the prefix length is missing`,
        hint: `did you mean ${format(addr.family, addr.bytes)}/${bits}?`,
      };
    }
    return {
      ok: false,
      message: `'${text}' is not a valid CIDR`,
      hint: "write ADDRESS/PREFIX, e.g. 10.0.0.0/16",
    };
  }
  const addrText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const addr = parseAddress(addrText);
  if (!addr) {
    const leadingZero = /^\d+(\.\d+){3}$/.test(addrText) && addrText.split(".").some((o) => /^0\d/.test(o));
    return {
      ok: false,
      message: `'${addrText}' in '${text}' is not a valid IP address`,
      ...(leadingZero
        ? {
            hint: `leading zeros are ambiguous; write ${addrText
              .split(".")
              .map((o) => String(Number(o)))
              .join(".")}`,
          }
        : {}),
    };
  }
  const bits = addr.family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) {
    return { ok: false, message: `prefix length '${prefixText}' in '${text}' must be 0-${bits}` };
  }
  const prefix = Number(prefixText);
  const network = addr.bytes.map((b, i) => {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    return b & ((0xff << (8 - keep)) & 0xff);
  });
  const canonical = `${format(addr.family, network)}/${prefix}`;
  if (network.some((b, i) => b !== addr.bytes[i])) {
    return {
      ok: false,
      message: `'${text}' has host bits set`,
      hint: `did you mean ${canonical}? For the single address write ${format(addr.family, addr.bytes)}/${bits}`,
    };
  }
  return { ok: true, cidr: { family: addr.family, text: canonical, bytes: network, prefix } };
}

/** Whether `inner` lies inside `outer` and is strictly smaller (the ipBlock.except rule). */
export function isStrictSubnet(inner: Cidr, outer: Cidr): boolean {
  if (inner.family !== outer.family || inner.prefix <= outer.prefix) return false;
  for (let bit = 0; bit < outer.prefix; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((inner.bytes[byte] ?? 0) & mask) !== ((outer.bytes[byte] ?? 0) & mask)) return false;
  }
  return true;
}
