/**
 * Shape and meaning checks for the Kubernetes objects the analyzer reads, following the API
 * server's validation (networking/v1 ValidateNetworkPolicySpec, metav1 label selectors, core/v1
 * container ports): what the API server would reject is reported with the path to the
 * offending field, so the reader can point at file:line:column.
 */
import { cidrWithin, parseCidr, parseIp } from "./ip.js";

export type Path = (string | number)[];

export interface Problem {
  path: Path;
  message: string;
}

type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** IANA service name: ≤15 chars, lowercase letters, digits and '-', at least one letter, no '--' or edge '-'. */
const IANA_SVC_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9]|-(?!-))*$/;

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${JSON.stringify(v)}`;
}

export function labelKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) {
    return `label key "${key}": the prefix must be a DNS subdomain`;
  }
  if (name.length === 0 || name.length > 63 || !LABEL_NAME.test(name)) {
    return `label key "${key}": the name must be 1-63 characters of [A-Za-z0-9-_.], alphanumeric at both ends`;
  }
  return undefined;
}

export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63 || (value !== "" && !LABEL_NAME.test(value))) {
    return `label value "${value}" must be at most 63 characters of [A-Za-z0-9-_.], alphanumeric at both ends`;
  }
  return undefined;
}

export function checkLabels(v: unknown, path: Path, out: Problem[]): void {
  if (v === undefined || v === null) return;
  if (!isObject(v)) {
    out.push({ path, message: `expected a mapping of labels, got ${describe(v)}` });
    return;
  }
  for (const [k, val] of Object.entries(v)) {
    const kp = labelKeyProblem(k);
    if (kp) out.push({ path: [...path, k], message: kp });
    if (typeof val !== "string") {
      out.push({
        path: [...path, k],
        message: `label "${k}" must be a string, got ${describe(val)} (quote it)`,
      });
      continue;
    }
    const vp = labelValueProblem(val);
    if (vp) out.push({ path: [...path, k], message: vp });
  }
}

export function checkSelector(v: unknown, path: Path, out: Problem[]): void {
  if (!isObject(v)) {
    out.push({
      path,
      message: `expected a label selector (matchLabels / matchExpressions), got ${describe(v)}`,
    });
    return;
  }
  for (const k of Object.keys(v)) {
    if (k !== "matchLabels" && k !== "matchExpressions")
      out.push({ path: [...path, k], message: `unknown field "${k}" in a label selector` });
  }
  checkLabels(v["matchLabels"], [...path, "matchLabels"], out);
  const exprs = v["matchExpressions"];
  if (exprs === undefined || exprs === null) return;
  if (!Array.isArray(exprs)) {
    out.push({ path: [...path, "matchExpressions"], message: `expected a list, got ${describe(exprs)}` });
    return;
  }
  exprs.forEach((e, i) => {
    const p = [...path, "matchExpressions", i];
    if (!isObject(e)) {
      out.push({ path: p, message: `expected {key, operator, values}, got ${describe(e)}` });
      return;
    }
    if (typeof e["key"] !== "string") out.push({ path: p, message: "matchExpressions entry needs a key" });
    else {
      const kp = labelKeyProblem(e["key"]);
      if (kp) out.push({ path: [...p, "key"], message: kp });
    }
    const op = e["operator"];
    const values = e["values"];
    if (op !== "In" && op !== "NotIn" && op !== "Exists" && op !== "DoesNotExist") {
      out.push({
        path: [...p, "operator"],
        message: `operator must be In, NotIn, Exists or DoesNotExist, got ${describe(op)}`,
      });
      return;
    }
    const list = Array.isArray(values) ? values : values === undefined || values === null ? [] : undefined;
    if (!list) {
      out.push({
        path: [...p, "values"],
        message: `values must be a list of strings, got ${describe(values)}`,
      });
      return;
    }
    if ((op === "In" || op === "NotIn") && list.length === 0) {
      out.push({ path: p, message: `operator ${op} needs at least one value` });
    }
    if ((op === "Exists" || op === "DoesNotExist") && list.length > 0) {
      out.push({ path: [...p, "values"], message: `operator ${op} takes no values` });
    }
    list.forEach((x, j) => {
      if (typeof x !== "string")
        out.push({
          path: [...p, "values", j],
          message: `values must be strings, got ${describe(x)} (quote it)`,
        });
    });
  });
}

function checkPort(v: unknown, path: Path, out: Problem[]): void {
  if (!isObject(v)) {
    out.push({ path, message: `expected a port entry {protocol, port, endPort}, got ${describe(v)}` });
    return;
  }
  const protocol = v["protocol"];
  if (protocol !== undefined && protocol !== "TCP" && protocol !== "UDP" && protocol !== "SCTP") {
    const hint =
      typeof protocol === "string" && ["TCP", "UDP", "SCTP"].includes(protocol.toUpperCase())
        ? ` (write ${protocol.toUpperCase()})`
        : "";
    out.push({
      path: [...path, "protocol"],
      message: `protocol must be TCP, UDP or SCTP, got ${describe(protocol)}${hint}`,
    });
  }
  const port = v["port"];
  const endPort = v["endPort"];
  if (port !== undefined && port !== null) {
    if (typeof port === "number") {
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        out.push({ path: [...path, "port"], message: `port must be 1-65535, got ${port}` });
    } else if (typeof port === "string") {
      if (port.length > 15 || !IANA_SVC_NAME.test(port)) {
        out.push({
          path: [...path, "port"],
          message: `named port "${port}" must be an IANA service name (at most 15 lowercase letters, digits and '-', with a letter${/^\d+$/.test(port) ? "; a number is written without quotes" : ""})`,
        });
      }
    } else
      out.push({
        path: [...path, "port"],
        message: `port must be a number or a port name, got ${describe(port)}`,
      });
  }
  if (endPort !== undefined && endPort !== null) {
    if (typeof endPort !== "number" || !Number.isInteger(endPort) || endPort < 1 || endPort > 65535) {
      out.push({ path: [...path, "endPort"], message: `endPort must be 1-65535, got ${describe(endPort)}` });
    } else if (typeof port !== "number") {
      out.push({
        path: [...path, "endPort"],
        message: "endPort needs a numeric port (not a named port, not absent)",
      });
    } else if (endPort < port) {
      out.push({
        path: [...path, "endPort"],
        message: `endPort ${endPort} must be greater than or equal to port ${port}`,
      });
    }
  }
}

function checkIpBlock(v: unknown, path: Path, out: Problem[]): void {
  if (!isObject(v)) {
    out.push({ path, message: `expected {cidr, except}, got ${describe(v)}` });
    return;
  }
  const cidrText = v["cidr"];
  const cidr = typeof cidrText === "string" ? parseCidr(cidrText) : undefined;
  if (!cidr) {
    const hint =
      typeof cidrText === "string" && parseIp(cidrText)
        ? ` (did you mean ${cidrText}/${cidrText.includes(":") ? 128 : 32}?)`
        : "";
    out.push({
      path: [...path, "cidr"],
      message: `ipBlock.cidr must be a CIDR like 10.0.0.0/8, got ${describe(cidrText)}${hint}`,
    });
  }
  const except = v["except"];
  if (except === undefined || except === null) return;
  if (!Array.isArray(except)) {
    out.push({
      path: [...path, "except"],
      message: `except must be a list of CIDRs, got ${describe(except)}`,
    });
    return;
  }
  except.forEach((e, i) => {
    const c = typeof e === "string" ? parseCidr(e) : undefined;
    if (!c)
      out.push({ path: [...path, "except", i], message: `except entries must be CIDRs, got ${describe(e)}` });
    else if (cidr && (!cidrWithin(c, cidr) || c.prefix <= cidr.prefix)) {
      out.push({
        path: [...path, "except", i],
        message: `except ${e} must be a strict subset of cidr ${String(cidrText)}`,
      });
    }
  });
}

function checkPeer(v: unknown, path: Path, out: Problem[]): void {
  if (!isObject(v)) {
    out.push({
      path,
      message: `expected a peer {podSelector, namespaceSelector} or {ipBlock}, got ${describe(v)}`,
    });
    return;
  }
  for (const k of Object.keys(v)) {
    if (!["podSelector", "namespaceSelector", "ipBlock"].includes(k))
      out.push({ path: [...path, k], message: `unknown field "${k}" in a peer` });
  }
  const hasSel = v["podSelector"] !== undefined || v["namespaceSelector"] !== undefined;
  const hasIp = v["ipBlock"] !== undefined;
  if (!hasSel && !hasIp)
    out.push({ path, message: "a peer must set podSelector, namespaceSelector or ipBlock" });
  if (hasSel && hasIp)
    out.push({ path, message: "a peer with ipBlock may not also set podSelector or namespaceSelector" });
  if (v["podSelector"] !== undefined) checkSelector(v["podSelector"], [...path, "podSelector"], out);
  if (v["namespaceSelector"] !== undefined)
    checkSelector(v["namespaceSelector"], [...path, "namespaceSelector"], out);
  if (hasIp) checkIpBlock(v["ipBlock"], [...path, "ipBlock"], out);
}

function checkRules(v: unknown, path: Path, peersKey: "from" | "to", out: Problem[]): void {
  if (v === undefined || v === null) return;
  if (!Array.isArray(v)) {
    out.push({ path, message: `expected a list of rules, got ${describe(v)}` });
    return;
  }
  v.forEach((rule, i) => {
    const p = [...path, i];
    if (rule === null) return; // "- {}" written as "-": an empty rule
    if (!isObject(rule)) {
      out.push({ path: p, message: `expected a rule {${peersKey}, ports}, got ${describe(rule)}` });
      return;
    }
    for (const k of Object.keys(rule)) {
      if (k !== peersKey && k !== "ports") {
        const hint =
          k === "from" || k === "to"
            ? ` (${peersKey === "from" ? "ingress rules use from" : "egress rules use to"})`
            : "";
        out.push({ path: [...p, k], message: `unknown field "${k}" in a rule${hint}` });
      }
    }
    const peers = rule[peersKey];
    if (peers !== undefined && peers !== null) {
      if (!Array.isArray(peers))
        out.push({ path: [...p, peersKey], message: `expected a list of peers, got ${describe(peers)}` });
      else peers.forEach((peer, j) => checkPeer(peer, [...p, peersKey, j], out));
    }
    const ports = rule["ports"];
    if (ports !== undefined && ports !== null) {
      if (!Array.isArray(ports))
        out.push({ path: [...p, "ports"], message: `expected a list of ports, got ${describe(ports)}` });
      else ports.forEach((port, j) => checkPort(port, [...p, "ports", j], out));
    }
  });
}

/**
 * `names`: hold the name and namespace to the API server's rules (a NetworkPolicy's; other
 * kinds keep theirs as given, so that what a hostile name does to output stays testable).
 */
export function checkMetadata(
  v: unknown,
  path: Path,
  out: Problem[],
  namespaced: boolean,
  names = false,
): void {
  if (!isObject(v)) {
    out.push({ path, message: "metadata with a name is required" });
    return;
  }
  const name = v["name"];
  if (typeof name !== "string" || name === "") out.push({ path, message: "metadata.name is required" });
  // The API server's name rules: a namespace's name is a DNS-1123 label, other objects' a subdomain.
  else if (
    names &&
    (namespaced ? name.length > 253 || !DNS_SUBDOMAIN.test(name) : name.length > 63 || !DNS_LABEL.test(name))
  )
    out.push({
      path: [...path, "name"],
      message: `metadata.name ${JSON.stringify(name)} must be ${namespaced ? "a DNS-1123 subdomain (at most 253 lowercase letters, digits, '-' and '.')" : "a DNS-1123 label (at most 63 lowercase letters, digits and '-')"}`,
    });
  const namespace = v["namespace"];
  if (namespaced && namespace !== undefined && typeof namespace !== "string") {
    out.push({
      path: [...path, "namespace"],
      message: `metadata.namespace must be a string, got ${describe(namespace)}`,
    });
  } else if (
    names &&
    typeof namespace === "string" &&
    namespace !== "" &&
    (namespace.length > 63 || !DNS_LABEL.test(namespace))
  ) {
    out.push({
      path: [...path, "namespace"],
      message: `metadata.namespace ${JSON.stringify(namespace)} must be a DNS-1123 label (at most 63 lowercase letters, digits and '-')`,
    });
  }
  checkLabels(v["labels"], [...path, "labels"], out);
}

/** Problems of a networking.k8s.io/v1 NetworkPolicy object (paths relative to the object). */
export function validateNetworkPolicy(obj: Json): Problem[] {
  const out: Problem[] = [];
  checkMetadata(obj["metadata"], ["metadata"], out, true, true);
  const spec = obj["spec"];
  if (!isObject(spec)) {
    out.push({ path: ["spec"], message: "spec is required (with at least podSelector: {})" });
    return out;
  }
  for (const k of Object.keys(spec)) {
    if (!["podSelector", "policyTypes", "ingress", "egress"].includes(k))
      out.push({ path: ["spec", k], message: `unknown field "${k}" in spec` });
  }
  if (spec["podSelector"] === undefined || spec["podSelector"] === null) {
    out.push({
      path: ["spec"],
      message: "spec.podSelector is required (podSelector: {} selects every pod of the namespace)",
    });
  } else checkSelector(spec["podSelector"], ["spec", "podSelector"], out);
  const types = spec["policyTypes"];
  if (types !== undefined && types !== null) {
    if (!Array.isArray(types))
      out.push({
        path: ["spec", "policyTypes"],
        message: `expected a list (Ingress, Egress), got ${describe(types)}`,
      });
    else {
      types.forEach((t, i) => {
        if (t !== "Ingress" && t !== "Egress")
          out.push({
            path: ["spec", "policyTypes", i],
            message: `policyTypes entries must be Ingress or Egress, got ${describe(t)}`,
          });
      });
      if (new Set(types).size !== types.length)
        out.push({ path: ["spec", "policyTypes"], message: "policyTypes lists a type twice" });
    }
  }
  checkRules(spec["ingress"], ["spec", "ingress"], "from", out);
  checkRules(spec["egress"], ["spec", "egress"], "to", out);
  return out;
}

/** A Deployment, StatefulSet, DaemonSet or ReplicaSet: its metadata and spec.selector. */
export function validateWorkload(obj: Json): Problem[] {
  const out: Problem[] = [];
  checkMetadata(obj["metadata"], ["metadata"], out, true);
  const spec = obj["spec"];
  if (!isObject(spec)) out.push({ path: ["spec"], message: "spec with a selector is required" });
  else if (!isObject(spec["selector"])) out.push({ path: ["spec"], message: "spec.selector is required" });
  else checkSelector(spec["selector"], ["spec", "selector"], out);
  return out;
}

export function validateNamespace(obj: Json): Problem[] {
  const out: Problem[] = [];
  checkMetadata(obj["metadata"], ["metadata"], out, false);
  return out;
}

export function validatePod(obj: Json): Problem[] {
  const out: Problem[] = [];
  checkMetadata(obj["metadata"], ["metadata"], out, true);
  const spec = obj["spec"];
  if (spec !== undefined && spec !== null) {
    if (!isObject(spec)) out.push({ path: ["spec"], message: `expected a mapping, got ${describe(spec)}` });
    else {
      const containers = spec["containers"];
      if (containers !== undefined && !Array.isArray(containers))
        out.push({ path: ["spec", "containers"], message: `expected a list, got ${describe(containers)}` });
      (Array.isArray(containers) ? containers : []).forEach((c, i) => {
        const p = ["spec", "containers", i];
        if (!isObject(c)) {
          out.push({ path: p, message: `expected a container, got ${describe(c)}` });
          return;
        }
        const ports = c["ports"];
        if (ports === undefined || ports === null) return;
        if (!Array.isArray(ports)) {
          out.push({ path: [...p, "ports"], message: `expected a list of ports, got ${describe(ports)}` });
          return;
        }
        ports.forEach((port, j) => {
          const pp = [...p, "ports", j];
          if (!isObject(port)) {
            out.push({
              path: pp,
              message: `expected {containerPort, name, protocol}, got ${describe(port)}`,
            });
            return;
          }
          const n = port["containerPort"];
          if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 65535) {
            out.push({
              path: [...pp, "containerPort"],
              message: `containerPort must be 1-65535, got ${describe(n)}`,
            });
          }
          const proto = port["protocol"];
          if (proto !== undefined && proto !== "TCP" && proto !== "UDP" && proto !== "SCTP") {
            out.push({
              path: [...pp, "protocol"],
              message: `protocol must be TCP, UDP or SCTP, got ${describe(proto)}`,
            });
          }
          if (port["name"] !== undefined && typeof port["name"] !== "string") {
            out.push({
              path: [...pp, "name"],
              message: `name must be a string, got ${describe(port["name"])}`,
            });
          }
        });
      });
    }
  }
  const status = obj["status"];
  if (isObject(status)) {
    const ip = status["podIP"];
    if (ip !== undefined && ip !== null && ip !== "" && (typeof ip !== "string" || !parseIp(ip))) {
      out.push({ path: ["status", "podIP"], message: `podIP must be an IP address, got ${describe(ip)}` });
    }
    const ips = status["podIPs"];
    if (ips !== undefined && ips !== null) {
      if (!Array.isArray(ips))
        out.push({ path: ["status", "podIPs"], message: `expected a list of {ip}, got ${describe(ips)}` });
      else
        ips.forEach((e, i) => {
          const v = isObject(e) ? e["ip"] : undefined;
          if (typeof v !== "string" || !parseIp(v))
            out.push({
              path: ["status", "podIPs", i],
              message: `expected {ip: <address>}, got ${describe(e)}`,
            });
        });
    }
  }
  return out;
}

export function validateService(obj: Json): Problem[] {
  const out: Problem[] = [];
  checkMetadata(obj["metadata"], ["metadata"], out, true);
  const spec = obj["spec"];
  if (!isObject(spec)) return out;
  checkLabels(spec["selector"], ["spec", "selector"], out);
  const ports = spec["ports"];
  if (ports !== undefined && ports !== null && !Array.isArray(ports))
    out.push({ path: ["spec", "ports"], message: `expected a list, got ${describe(ports)}` });
  (Array.isArray(ports) ? ports : []).forEach((p, i) => {
    if (!isObject(p) || typeof p["port"] !== "number")
      out.push({ path: ["spec", "ports", i], message: "a Service port needs a numeric port" });
  });
  return out;
}
