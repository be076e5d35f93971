/**
 * The plain format: one JSON object per line (schema: flows.schema.json).
 *
 *   {"time":"2026-01-05T10:00:00Z","from":{"namespace":"shop","labels":{"app":"web"}},
 *    "to":{"namespace":"shop","labels":{"app":"api"}},"port":8080,"protocol":"TCP",
 *    "verdict":"allowed","count":3}
 *
 * A side is a pod ({namespace, labels, pod?, workload?, ip?}), a node ({node, ip?}) or an
 * address ({ip}). `count` is the connections the line stands for (default 1; 0 for traffic
 * of a connection opened before the window). Every key is checked: an unknown one is an
 * error, so a typo never drops a field silently.
 *
 * This reader is the hot path of a summary (a million lines and more): it builds nothing per
 * line that the summary does not keep, and checks a side's labels once per distinct side.
 */
import type { Protocol } from "../k8s/types.js";
import { canonicalIp, namespaceProblem, workloadLabels, type Endpoint } from "./endpoints.js";
import type { FlowRecord, FlowSide, FlowVerdict } from "./model.js";
import { parseTime, isObject, type RecordSink } from "./record.js";

const RECORD_KEYS = ["time", "from", "to", "port", "protocol", "verdict", "count"];
const SIDE_KEYS = ["namespace", "labels", "pod", "workload", "ip", "node"];
const VERDICTS: Record<string, FlowVerdict> = { allowed: "allowed", denied: "denied", audit: "audit" };
const PROTOCOLS: Record<string, Protocol> = { TCP: "TCP", UDP: "UDP", SCTP: "SCTP" };

/** Whether a parsed line looks like the plain format (for detection). */
export function isPlainRecord(value: Record<string, unknown>): boolean {
  return "from" in value && "to" in value && "verdict" in value && "port" in value;
}

/** Reads one plain record into the sink; returns why it is refused, or undefined. */
export function readPlainRecord(value: unknown, sink: RecordSink): string | undefined {
  if (!isObject(value)) return "expected a JSON object (one flow per line)";
  for (const key in value) {
    if (!RECORD_KEYS.includes(key)) return `unknown key "${key}" (expected ${RECORD_KEYS.join(", ")})`;
  }
  const time = parseTime(value["time"]);
  if (typeof time === "string") return `time: ${time}`;
  const port = value["port"];
  if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535)
    return `port: expected an integer 1-65535, got ${JSON.stringify(port)}`;
  const rawProtocol = value["protocol"] ?? "TCP";
  const protocol =
    typeof rawProtocol === "string"
      ? (PROTOCOLS[rawProtocol] ?? PROTOCOLS[rawProtocol.toUpperCase()])
      : undefined;
  if (!protocol) return `protocol: expected TCP, UDP or SCTP, got ${JSON.stringify(rawProtocol)}`;
  const verdict = typeof value["verdict"] === "string" ? VERDICTS[value["verdict"]] : undefined;
  if (!verdict) return `verdict: expected allowed, denied or audit, got ${JSON.stringify(value["verdict"])}`;
  const count = value["count"] ?? 1;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 0 || count > 1e12)
    return `count: expected a whole number of connections ≥ 0, got ${JSON.stringify(count)}`;
  const fromValue = value["from"];
  const toValue = value["to"];
  const from = side(fromValue, "from", sink);
  if (typeof from === "string") return from;
  const to = side(toValue, "to", sink);
  if (typeof to === "string") return to;
  const record: FlowRecord = {
    from: from.side,
    to: to.side,
    port,
    protocol,
    verdict,
    connections: count,
    start: time,
    end: time,
  };
  // Per-pod detail; `side` checked both already.
  const f = fromValue as Record<string, unknown>;
  const t = toValue as Record<string, unknown>;
  if (typeof f["pod"] === "string") record.fromPod = f["pod"];
  if (typeof t["pod"] === "string") record.toPod = t["pod"];
  if (typeof f["ip"] === "string" && from.side.kind === "pod") record.fromIp = f["ip"];
  if (typeof t["ip"] === "string" && to.side.kind === "pod") record.toIp = t["ip"];
  return sink.record(record, from, to);
}

function side(value: unknown, where: string, sink: RecordSink): Endpoint | string {
  if (!isObject(value)) return `${where}: expected an object ({namespace, labels} or {ip})`;
  for (const key in value) {
    if (!SIDE_KEYS.includes(key)) return `${where}: unknown key "${key}" (expected ${SIDE_KEYS.join(", ")})`;
  }
  const namespace = value["namespace"];
  const labels = value["labels"];
  const workload = value["workload"];
  const ipText = value["ip"];
  const pod = value["pod"];
  if (ipText !== undefined && typeof ipText !== "string") return `${where}.ip: expected a string`;
  if (pod !== undefined && (typeof pod !== "string" || pod.length === 0 || pod.length > 253))
    return `${where}.pod: expected a pod name`;
  if (typeof namespace === "string") {
    if (labels !== undefined && !isObject(labels)) return `${where}.labels: expected an object of strings`;
    // A pod side is found by its path: namespace (and workload), then each label as written.
    const table = sink.endpoints;
    let node =
      typeof workload === "string"
        ? table.podsOfWorkloads.step(table.podsOfWorkloads.root, namespace)
        : table.pods.step(table.pods.root, namespace);
    if (node && typeof workload === "string") node = table.podsOfWorkloads.step(node, workload);
    if (labels) {
      const trie = typeof workload === "string" ? table.podsOfWorkloads : table.pods;
      for (const k in labels) {
        if (node) node = trie.step(node, k);
        if (node) node = trie.step(node, labels[k]);
      }
    }
    if (!node) return table.full;
    // A pod's IP is checked on every line (the endpoint does not carry it).
    if (typeof ipText === "string" && "problem" in canonicalIp(ipText))
      return `${where}.ip: "${ipText}" is not an IP address`;
    if (node.endpoint) return node.endpoint;
    const built = build(value, where, sink);
    if (typeof built === "string") return built;
    const endpoint = table.add(`p${JSON.stringify(value)}`, built);
    if (typeof endpoint !== "string") node.endpoint = endpoint;
    return endpoint;
  }
  const raw = value["node"] !== undefined ? "n" : typeof ipText === "string" ? `a${ipText}` : "";
  const known = sink.known(raw);
  if (known) return known;
  const built = build(value, where, sink);
  if (typeof built === "string") return built;
  return sink.endpoint(raw, () => built);
}

/** Checks a side the first time its raw key is seen. */
function build(value: Record<string, unknown>, where: string, sink: RecordSink): FlowSide | string {
  const { namespace, labels, workload, node, ip: ipText } = value;
  const ip = typeof ipText === "string" ? canonicalIp(ipText) : undefined;
  if (ip && "problem" in ip) return `${where}.ip: ${ip.problem}`;
  if (namespace !== undefined) {
    if (typeof namespace !== "string") return `${where}.namespace: expected a string`;
    if (node !== undefined) return `${where}: a pod (namespace) or a node, not both`;
    if (workload !== undefined && typeof workload !== "string") return `${where}.workload: expected a string`;
    const nsProblem = namespaceProblem(namespace);
    if (nsProblem) return `${where}: ${nsProblem}`;
    const checked = workloadLabels((labels ?? {}) as Record<string, string>, sink.limits.maxLabels);
    if ("problem" in checked) return `${where}.labels: ${checked.problem}`;
    return {
      kind: "pod",
      namespace,
      labels: checked.labels,
      ...(typeof workload === "string" && workload !== "" ? { workload } : {}),
    };
  }
  if (labels !== undefined || workload !== undefined || value["pod"] !== undefined)
    return `${where}: labels, workload and pod need a namespace`;
  if (node !== undefined) {
    if (typeof node !== "string") return `${where}.node: expected the node's name`;
    return { kind: "node" };
  }
  if (!ip) return `${where}: expected a namespace (a pod), a node, or an ip`;
  return { kind: "address", ip: ip.ip };
}
