/**
 * The addresses of the synthetic inventory, outside the cluster: one representative address
 * per declared CIDR (outside its `except` ranges) and per `except` range, per node CIDR, one
 * "internet" address no CIDR holds (and one for IPv6 when a CIDR is IPv6), and each declared
 * name (FQDN) at the internet address. Two CIDRs with the same representative address are
 * one endpoint standing for both.
 */
import { cidrContains, parseCidr, parseIp, representativeAddress, type Cidr } from "../k8s/ip.js";
import { endpointKey, type EndpointList, type Sides, type SyntheticEndpoint } from "./synthetic-endpoints.js";
import type { PortSet } from "./synthetic-ports.js";

const INTERNET_V4 = ["203.0.113.77", "192.0.2.77", "198.18.0.77", "100.64.0.77", "8.8.4.77"];
const INTERNET_V6 = ["2001:db8:ffff::77", "3fff::77", "2001:4860::77", "fc00::77"];

interface DeclaredCidr {
  /** "10.0.0.0/8", "10.0.0.0/8 except 10.96.0.0/12". */
  label: string;
  cidr: Cidr;
  except: Cidr[];
  /** Its flow key (see endpointKey). */
  key: string;
}

/**
 * The CIDRs the flows, node CIDRs and hand-written ipBlocks (`blocks`: [cidr, except]) declare,
 * once each, by label; and the declared names.
 */
function declaredAddresses(
  sides: Sides,
  blocks: readonly [string, string[]][],
): { cidrs: DeclaredCidr[]; fqdns: Map<string, string> } {
  const cidrs: DeclaredCidr[] = [];
  const seen = new Set<string>();
  const addCidr = (cidrText: string, except: string[], key: string): void => {
    const cidr = parseCidr(cidrText);
    if (!cidr) return;
    const label = except.length > 0 ? `${cidrText} except ${[...except].sort().join(", ")}` : cidrText;
    if (seen.has(label)) return;
    seen.add(label);
    cidrs.push({
      label,
      cidr,
      except: except.map(parseCidr).filter((c): c is Cidr => c !== undefined),
      key,
    });
  };
  const fqdns = new Map<string, string>();
  for (const [, env] of sides) {
    for (const flow of env.flows) {
      for (const e of [flow.from, flow.to]) {
        if (e.kind === "cidr") addCidr(e.cidr, e.except, endpointKey(e));
        if (e.kind === "fqdn") fqdns.set(e.fqdn.toLowerCase(), endpointKey(e));
      }
    }
    for (const c of env.nodeCidrs) addCidr(c, [], `cidr:${c}`);
  }
  for (const [cidr, except] of blocks) addCidr(cidr, except, `cidr:${cidr}`);
  cidrs.sort((a, b) => a.label.localeCompare(b.label));
  return { cidrs, fqdns };
}

/** Adds the address endpoints, probed on `externalPorts`; `blocks` are the hand-written ipBlocks. */
export function addressEndpoints(
  endpoints: EndpointList,
  sides: Sides,
  externalPorts: PortSet,
  blocks: readonly [string, string[]][] = [],
): void {
  const exists = { base: sides.some(([s]) => s === "base"), head: sides.some(([s]) => s === "head") };
  const { cidrs, fqdns } = declaredAddresses(sides, blocks);
  const usedIps = new Set<string>();
  const addAddress = (
    label: string,
    ip: string,
    flowKeys: string[],
    description: string,
    kind: SyntheticEndpoint["kind"],
  ): void => {
    if (usedIps.has(ip)) {
      const same = endpoints.list.find((e) => e.ip === ip);
      if (same) for (const k of flowKeys) if (!same.flowKeys.includes(k)) same.flowKeys.push(k);
      return;
    }
    usedIps.add(ip);
    endpoints.add({
      label,
      kind,
      pods: {},
      ip,
      exists: { ...exists },
      flowKeys,
      ports: externalPorts.list(),
      description,
    });
  };
  for (const d of cidrs) {
    const rep = representativeAddress(d.cidr, d.except);
    if (rep) addAddress(d.label, rep.text, [d.key], `an address in ${d.label} (${rep.text})`, "external");
    for (const e of d.except) {
      const inner = representativeAddress(e);
      if (inner)
        addAddress(
          e.text,
          inner.text,
          [],
          `an address in ${e.text}, excepted from ${d.cidr.text} (${inner.text})`,
          "external",
        );
    }
  }
  const covered = (ip: string): boolean => {
    const parsed = parseIp(ip);
    return parsed !== undefined && cidrs.some((d) => cidrContains(d.cidr, parsed));
  };
  const internet4 = INTERNET_V4.find((ip) => !covered(ip)) ?? (INTERNET_V4[0] as string);
  addAddress("internet", internet4, [], `any address the intent does not declare (${internet4})`, "internet");
  if (cidrs.some((d) => d.cidr.family === 6)) {
    const internet6 = INTERNET_V6.find((ip) => !covered(ip)) ?? (INTERNET_V6[0] as string);
    addAddress(
      "internet (IPv6)",
      internet6,
      [],
      `any IPv6 address the intent does not declare (${internet6})`,
      "internet",
    );
  }
  for (const fqdn of [...fqdns.keys()].sort()) {
    endpoints.add({
      label: fqdn,
      kind: "fqdn",
      pods: {},
      ip: internet4,
      // A name the pattern covers: "*.example.com" stands for "wildcard.example.com".
      fqdn: fqdn.replace(/\*/g, "wildcard"),
      exists: { ...exists },
      flowKeys: [fqdns.get(fqdn) as string],
      ports: externalPorts.list(),
      description: `the addresses of ${fqdn}`,
    });
  }
}
