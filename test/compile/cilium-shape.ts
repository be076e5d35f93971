/**
 * A shape check for the CiliumNetworkPolicy fields the compiler uses. No maintained model
 * package with the cilium.io/v2 CRD schema is available to this project (kubernetes-models
 * only ships the upstream API groups), so the rules below transcribe the parts of the CRD's
 * OpenAPI schema (ciliumnetworkpolicies.yaml, cilium.io/v2) that apply to what we emit:
 * - spec.endpointSelector: a LabelSelector; matchLabels values are label values;
 * - spec.egress[]: toEndpoints / toFQDNs / toPorts; toFQDNs may not share a rule with
 *   another L3 selector (toEndpoints);
 * - toFQDNs[]: exactly one of matchName (^([-a-zA-Z0-9_]+[.]?)+$) or matchPattern
 *   (^([-a-zA-Z0-9_*]+[.]?)+$), at most 255 characters;
 * - toPorts[].ports[]: port a string (number 0-65535 or a port name), required; endPort an
 *   integer 0-65535; protocol one of TCP, UDP, SCTP, ANY; at most 40 ports per PortRule;
 * - toPorts[].rules.dns[]: matchName or matchPattern, same patterns.
 * Anything else in the object is reported, so a new field forces this check to grow.
 */

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const MATCH_NAME = /^([-a-zA-Z0-9_]+[.]?)+$/;
const MATCH_PATTERN = /^([-a-zA-Z0-9_*]+[.]?)+$/;
const PORT =
  /^(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4})$|^([a-zA-Z0-9]-?)*[a-zA-Z](-?[a-zA-Z0-9])*$/;
const PROTOCOLS = new Set(["TCP", "UDP", "SCTP", "ANY"]);

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function ciliumShapeProblems(obj: unknown): string[] {
  const problems: string[] = [];
  const bad = (path: string, what: string) => problems.push(`${path}: ${what}`);
  const onlyKeys = (path: string, v: Json, allowed: string[]) => {
    for (const k of Object.keys(v))
      if (!allowed.includes(k)) bad(`${path}.${k}`, "field not used by the compiler");
  };
  const selector = (path: string, v: unknown) => {
    if (!isRecord(v)) return bad(path, "must be an object");
    onlyKeys(path, v, ["matchLabels"]);
    if (v["matchLabels"] === undefined) return;
    if (!isRecord(v["matchLabels"])) return bad(`${path}.matchLabels`, "must be an object");
    for (const [k, val] of Object.entries(v["matchLabels"])) {
      if (typeof val !== "string" || val.length > 63 || !LABEL_VALUE.test(val)) {
        bad(`${path}.matchLabels.${k}`, "must be a label value");
      }
    }
  };
  const dnsSelector = (path: string, v: unknown) => {
    if (!isRecord(v)) return bad(path, "must be an object");
    const keys = Object.keys(v);
    if (keys.length !== 1) return bad(path, "needs exactly one of matchName, matchPattern");
    const name = v["matchName"];
    const pattern = v["matchPattern"];
    if (name !== undefined && (typeof name !== "string" || name.length > 255 || !MATCH_NAME.test(name))) {
      bad(`${path}.matchName`, "invalid");
    }
    if (
      pattern !== undefined &&
      (typeof pattern !== "string" || pattern.length > 255 || !MATCH_PATTERN.test(pattern))
    ) {
      bad(`${path}.matchPattern`, "invalid");
    }
    if (name === undefined && pattern === undefined) bad(path, "needs matchName or matchPattern");
  };

  if (!isRecord(obj)) return ["object: must be an object"];
  if (obj["apiVersion"] !== "cilium.io/v2") bad("apiVersion", "must be cilium.io/v2");
  if (obj["kind"] !== "CiliumNetworkPolicy") bad("kind", "must be CiliumNetworkPolicy");
  const meta = obj["metadata"];
  if (!isRecord(meta) || typeof meta["name"] !== "string" || typeof meta["namespace"] !== "string") {
    bad("metadata", "needs name and namespace");
  }
  const spec = obj["spec"];
  if (!isRecord(spec)) return [...problems, "spec: must be an object"];
  onlyKeys("spec", spec, ["endpointSelector", "egress"]);
  selector("spec.endpointSelector", spec["endpointSelector"]);
  const egress = spec["egress"];
  if (!Array.isArray(egress) || egress.length === 0)
    return [...problems, "spec.egress: must be a non-empty list"];
  egress.forEach((rule: unknown, i) => {
    const path = `spec.egress[${i}]`;
    if (!isRecord(rule)) return bad(path, "must be an object");
    onlyKeys(path, rule, ["toEndpoints", "toFQDNs", "toPorts"]);
    if (rule["toFQDNs"] !== undefined && rule["toEndpoints"] !== undefined) {
      bad(path, "toFQDNs cannot be combined with another L3 selector in one rule");
    }
    if (rule["toEndpoints"] !== undefined) {
      if (!Array.isArray(rule["toEndpoints"])) bad(`${path}.toEndpoints`, "must be a list");
      else rule["toEndpoints"].forEach((s: unknown, j) => selector(`${path}.toEndpoints[${j}]`, s));
    }
    if (rule["toFQDNs"] !== undefined) {
      if (!Array.isArray(rule["toFQDNs"]) || rule["toFQDNs"].length === 0)
        bad(`${path}.toFQDNs`, "must be a list");
      else rule["toFQDNs"].forEach((s: unknown, j) => dnsSelector(`${path}.toFQDNs[${j}]`, s));
    }
    if (rule["toPorts"] === undefined) return;
    if (!Array.isArray(rule["toPorts"])) return bad(`${path}.toPorts`, "must be a list");
    rule["toPorts"].forEach((pr: unknown, j) => {
      const prPath = `${path}.toPorts[${j}]`;
      if (!isRecord(pr)) return bad(prPath, "must be an object");
      onlyKeys(prPath, pr, ["ports", "rules"]);
      const ports = pr["ports"];
      if (!Array.isArray(ports) || ports.length === 0)
        return bad(`${prPath}.ports`, "must be a non-empty list");
      if (ports.length > 40) bad(`${prPath}.ports`, "at most 40 items");
      ports.forEach((p: unknown, k) => {
        const pPath = `${prPath}.ports[${k}]`;
        if (!isRecord(p)) return bad(pPath, "must be an object");
        onlyKeys(pPath, p, ["port", "endPort", "protocol"]);
        if (typeof p["port"] !== "string" || !PORT.test(p["port"]))
          bad(`${pPath}.port`, "must be a port string");
        const end = p["endPort"];
        if (end !== undefined && (!Number.isInteger(end) || (end as number) < 0 || (end as number) > 65535)) {
          bad(`${pPath}.endPort`, "must be an integer 0-65535");
        }
        if (p["protocol"] !== undefined && !PROTOCOLS.has(p["protocol"] as string)) {
          bad(`${pPath}.protocol`, "must be TCP, UDP, SCTP or ANY");
        }
      });
      const rules = pr["rules"];
      if (rules === undefined) return;
      if (!isRecord(rules)) return bad(`${prPath}.rules`, "must be an object");
      onlyKeys(`${prPath}.rules`, rules, ["dns"]);
      if (!Array.isArray(rules["dns"])) return bad(`${prPath}.rules.dns`, "must be a list");
      rules["dns"].forEach((s: unknown, k) => dnsSelector(`${prPath}.rules.dns[${k}]`, s));
    });
  });
  return problems;
}
