/**
 * Calico flows. Both kinds are aggregated (one record per workload pair, port, action and
 * interval) and reported by each end that Calico runs on (`reporter`: src or dst): the
 * summary counts a connection both ends report once (see FlowCounter.finish).
 *
 * - Open source, 3.30+: the flow logs API (Goldmane; docs.tigera.io/calico/latest/
 *   observability/flow-logs-api, schema goldmane/proto/api.proto), a `Flow` or a
 *   `FlowResult` ({id, flow}) per line, as `grpcurl … goldmane.Flows/Stream | jq -c .`
 *   writes them. Sources are aggregated names ("api-7d9f8-*") with the labels all their pods
 *   share; outside addresses are "pub"/"pvt" or a NetworkSet, without an IP. Staged
 *   policies' verdicts are in `policies.pending`: a flow allowed now that the pending policies
 *   end in Deny is counted as audit.
 * - Enterprise and Cloud flow logs (docs.tigera.io/calico-enterprise/latest/observability/
 *   elastic/flow/datatypes), one JSON document per line as fluentd writes flows.log: the IP
 *   when not aggregated away, `num_flows_started` connections.
 */
import type { Protocol } from "../k8s/types.js";
import { canonicalIp, namespaceProblem, workloadLabels, type Endpoint } from "./endpoints.js";
import type { FlowRecord, FlowSide, FlowVerdict, Reporter } from "./model.js";
import { field, int64, isObject, labelList, parseTime, type RecordSink } from "./record.js";

function goldmaneKey(value: Record<string, unknown>): Record<string, unknown> | undefined {
  const flow = isObject(value["flow"]) ? value["flow"] : value;
  const key = flow["Key"] ?? flow["key"];
  return isObject(key) ? key : undefined;
}

/** Whether a parsed line is a Goldmane Flow or FlowResult (for detection). */
export function isGoldmaneRecord(value: Record<string, unknown>): boolean {
  return goldmaneKey(value) !== undefined;
}

/** Whether a parsed line is an Enterprise flow log (for detection). */
export function isEnterpriseRecord(value: Record<string, unknown>): boolean {
  return "reporter" in value && ("num_flows_started" in value || "source_name_aggr" in value);
}

const PROTOCOL_NUMBERS: Record<string, Protocol> = { "6": "TCP", "17": "UDP", "132": "SCTP" };

function protocolOf(value: unknown): Protocol | "other" | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  const text = String(value).toUpperCase();
  if (text === "TCP" || text === "UDP" || text === "SCTP") return text;
  return PROTOCOL_NUMBERS[text] ?? "other";
}

const GOLDMANE_TYPES: Record<string, "pod" | "node" | "set" | "net"> = {
  WorkloadEndpoint: "pod",
  HostEndpoint: "node",
  NetworkSet: "set",
  Network: "net",
  "1": "pod",
  "2": "node",
  "3": "set",
  "4": "net",
};
const ENTERPRISE_TYPES: Record<string, "pod" | "node" | "set" | "net"> = {
  wep: "pod",
  hep: "node",
  ns: "set",
  net: "net",
};
const REPORTERS: Record<string, Reporter> = {
  Src: "source",
  Dst: "destination",
  src: "source",
  dst: "destination",
  "1": "source",
  "2": "destination",
};
const ACTIONS: Record<string, FlowVerdict | "pass"> = {
  Allow: "allowed",
  Deny: "denied",
  Pass: "pass",
  allow: "allowed",
  deny: "denied",
  "1": "allowed",
  "2": "denied",
  "3": "pass",
};

interface SideInput {
  type: "pod" | "node" | "set" | "net" | undefined;
  namespace: unknown;
  name: unknown;
  labels: Record<string, string> | string;
  ip?: unknown;
}

function side(sink: RecordSink, input: SideInput, where: string): Endpoint | string {
  switch (input.type) {
    case undefined:
      return `${where}_type: expected WorkloadEndpoint, HostEndpoint, NetworkSet or Network`;
    case "node":
      return sink.endpoint("n", () => ({ kind: "node" }));
    case "pod": {
      const namespace = input.namespace;
      if (typeof namespace !== "string") return `${where}_namespace: expected the pod's namespace`;
      const labels = input.labels;
      if (typeof labels === "string") return `${where}_${labels}`;
      let raw = `p${namespace}`;
      for (const k in labels) raw += `\u0000${k}=${labels[k]}`;
      return sink.endpoint(raw, () => {
        const nsProblem = namespaceProblem(namespace);
        if (nsProblem) return `${where}_namespace: ${nsProblem}`;
        const checked = workloadLabels(labels, sink.limits.maxLabels);
        if ("problem" in checked) return `${where}_labels: ${checked.problem}`;
        return { kind: "pod", namespace, labels: checked.labels } satisfies FlowSide;
      });
    }
    case "set":
    case "net": {
      const ip = typeof input.ip === "string" && input.ip !== "" ? input.ip : undefined;
      if (ip !== undefined) {
        return sink.endpoint(`a${ip}`, () => {
          const checked = canonicalIp(ip);
          if ("problem" in checked) return `${where}_ip: ${checked.problem}`;
          return { kind: "address", ip: checked.ip };
        });
      }
      const name = typeof input.name === "string" && input.name !== "" ? input.name : "unknown";
      const qualified =
        typeof input.namespace === "string" && input.namespace !== "" && input.namespace !== "-"
          ? `${input.namespace}/${name}`
          : name;
      if (qualified.length > 253) return `${where}_name: longer than 253 characters`;
      return sink.endpoint(`s${qualified}`, () => ({ kind: "address", name: qualified }));
    }
  }
}

function count(
  sink: RecordSink,
  record: FlowRecord,
  from: Endpoint | string,
  to: Endpoint | string,
): string | undefined {
  if (typeof from === "string") return from;
  if (typeof to === "string") return to;
  return sink.record(record, from, to);
}

/** Reads one Goldmane Flow or FlowResult. */
export function readGoldmaneRecord(value: unknown, sink: RecordSink): string | undefined {
  if (!isObject(value)) return "expected a JSON object (one Goldmane flow per line)";
  const flow = isObject(value["flow"]) ? value["flow"] : value;
  const key = goldmaneKey(value);
  if (!key) return "expected a Goldmane Flow (with Key)";
  const protocol = protocolOf(key["proto"]);
  if (protocol === undefined) return "Key.proto: expected TCP, UDP or SCTP";
  if (protocol === "other")
    return sink.skip(`protocol ${String(key["proto"])} (NetworkPolicy has no rules for it)`);
  const action = ACTIONS[String(key["action"])];
  if (action === undefined) return "Key.action: expected Allow or Deny";
  if (action === "pass") return sink.skip("action Pass (not a final verdict)");
  const reporter = REPORTERS[String(key["reporter"])];
  if (reporter === undefined) return "Key.reporter: expected Src or Dst";
  const port = int64(field(key, "dest_port", "destPort"));
  if (port === undefined || port < 1 || port > 65535) return "Key.dest_port: expected 1-65535";
  const start = parseTime(field(flow, "start_time", "startTime"));
  if (typeof start === "string") return `start_time: ${start}`;
  const end = parseTime(field(flow, "end_time", "endTime") ?? field(flow, "start_time", "startTime"));
  if (typeof end === "string") return `end_time: ${end}`;
  const connections = int64(field(flow, "num_connections_started", "numConnectionsStarted"));
  if (connections === undefined) return "num_connections_started: expected a count";
  let verdict: FlowVerdict = action;
  const pending = isObject(key["policies"]) ? key["policies"]["pending"] : undefined;
  if (verdict === "allowed" && Array.isArray(pending)) {
    const last: unknown = pending[pending.length - 1];
    if (isObject(last) && ACTIONS[String(last["action"])] === "denied") verdict = "audit";
  }
  const from = side(
    sink,
    {
      type: GOLDMANE_TYPES[String(field(key, "source_type", "sourceType"))],
      namespace: field(key, "source_namespace", "sourceNamespace"),
      name: field(key, "source_name", "sourceName"),
      labels: labelList(field(flow, "source_labels", "sourceLabels"), (l) => l),
    },
    "source",
  );
  const to = side(
    sink,
    {
      type: GOLDMANE_TYPES[String(field(key, "dest_type", "destType"))],
      namespace: field(key, "dest_namespace", "destNamespace"),
      name: field(key, "dest_name", "destName"),
      labels: labelList(field(flow, "dest_labels", "destLabels"), (l) => l),
    },
    "dest",
  );
  const fromName = field(key, "source_name", "sourceName");
  const toName = field(key, "dest_name", "destName");
  return count(
    sink,
    {
      from: typeof from === "string" ? { kind: "node" } : from.side,
      to: typeof to === "string" ? { kind: "node" } : to.side,
      port,
      protocol,
      verdict,
      connections,
      start,
      end: Math.max(start, end),
      reporter,
      ...(typeof fromName === "string" && typeof from !== "string" && from.side.kind === "pod"
        ? { fromPod: fromName }
        : {}),
      ...(typeof toName === "string" && typeof to !== "string" && to.side.kind === "pod"
        ? { toPod: toName }
        : {}),
    },
    from,
    to,
  );
}

/** Enterprise labels: {"labels": ["k=v"]} as Elasticsearch stores them, or the bare list. */
function enterpriseLabels(value: unknown): Record<string, string> | string {
  const list = isObject(value) ? value["labels"] : value;
  return labelList(list, (l) => l);
}

/** Reads one Enterprise flow log document. */
export function readEnterpriseRecord(value: unknown, sink: RecordSink): string | undefined {
  if (!isObject(value)) return "expected a JSON object (one flow log per line)";
  const protocol = protocolOf(value["proto"]);
  if (protocol === undefined) return "proto: expected tcp, udp or sctp";
  if (protocol === "other")
    return sink.skip(`protocol ${String(value["proto"])} (NetworkPolicy has no rules for it)`);
  const action = ACTIONS[String(value["action"])];
  if (action === undefined || action === "pass") return "action: expected allow or deny";
  const reporter = REPORTERS[String(value["reporter"])];
  if (reporter === undefined) return "reporter: expected src or dst";
  const port = int64(value["dest_port"]);
  if (port === undefined || port < 1 || port > 65535) return "dest_port: expected 1-65535";
  const start = parseTime(value["start_time"]);
  if (typeof start === "string") return `start_time: ${start}`;
  const end = parseTime(value["end_time"] ?? value["start_time"]);
  if (typeof end === "string") return `end_time: ${end}`;
  const connections = int64(value["num_flows_started"]);
  if (connections === undefined) return "num_flows_started: expected a count";
  const name = (prefix: string) => {
    const n = value[`${prefix}_name`];
    return typeof n === "string" && n !== "-" ? n : value[`${prefix}_name_aggr`];
  };
  const from = side(
    sink,
    {
      type: ENTERPRISE_TYPES[String(value["source_type"])],
      namespace: value["source_namespace"],
      name: name("source"),
      labels: enterpriseLabels(value["source_labels"]),
      ip: value["source_ip"],
    },
    "source",
  );
  const to = side(
    sink,
    {
      type: ENTERPRISE_TYPES[String(value["dest_type"])],
      namespace: value["dest_namespace"],
      name: name("dest"),
      labels: enterpriseLabels(value["dest_labels"]),
      ip: value["dest_ip"],
    },
    "dest",
  );
  const fromPod = name("source");
  const toPod = name("dest");
  const fromIp = value["source_ip"];
  const toIp = value["dest_ip"];
  return count(
    sink,
    {
      from: typeof from === "string" ? { kind: "node" } : from.side,
      to: typeof to === "string" ? { kind: "node" } : to.side,
      port,
      protocol,
      verdict: action,
      connections,
      start,
      end: Math.max(start, end),
      reporter,
      ...(typeof fromPod === "string" && typeof from !== "string" && from.side.kind === "pod"
        ? { fromPod }
        : {}),
      ...(typeof toPod === "string" && typeof to !== "string" && to.side.kind === "pod" ? { toPod } : {}),
      ...(typeof fromIp === "string" && fromIp !== "" ? { fromIp } : {}),
      ...(typeof toIp === "string" && toIp !== "" ? { toIp } : {}),
    },
    from,
    to,
  );
}
