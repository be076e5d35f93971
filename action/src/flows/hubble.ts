/**
 * Hubble flows, as Cilium documents them (api/v1/flow/flow.proto, "Flow"; JSON as protojson
 * writes it, under proto or lowerCamelCase names):
 *
 * - `hubble observe -o jsonpb` and the flow exporter's files (hubble-export-file-path,
 *   docs.cilium.io "Configuring Hubble exporter") write one GetFlowsResponse per line:
 *   `{"flow": {...}, "node_name": ..., "time": ...}`, or `lost_events` / `node_status`;
 *   `hubble observe -o json` writes the Flow itself. Both are read.
 * - Without --follow, `hubble observe` returns only what each node's ring buffer still holds;
 *   a window of traffic comes from the exporter's files.
 * - A flow is one packet event, seen at several observation points (the source's egress, the
 *   destination's ingress, a policy verdict) and in both directions. Replies (`is_reply`, or
 *   SYN+ACK) are dropped; a TCP connection is counted once, by its SYN (the same 5-tuple seen
 *   again within two minutes is the same connection), and counted denied when any point
 *   dropped it by policy; other TCP packets mark the flow seen without a new connection.
 * - `reserved:world` is an outside address, `reserved:host` and `reserved:remote-node` a node,
 *   `reserved:health` Cilium's own health checks (not counted).
 */
import type { Protocol } from "../k8s/types.js";
import { canonicalIp, namespaceProblem, workloadLabels, type Endpoint } from "./endpoints.js";
import type { FlowSide, FlowVerdict } from "./model.js";
import { field, int64, isObject, labelList, parseTime, type RecordSink } from "./record.js";

/** Whether a parsed line is a Hubble record (for detection). */
export function isHubbleRecord(value: Record<string, unknown>): boolean {
  if (
    isObject(value["flow"]) ||
    "lost_events" in value ||
    "lostEvents" in value ||
    "node_status" in value ||
    "nodeStatus" in value
  )
    return true;
  return "verdict" in value && ("IP" in value || "l4" in value || "source" in value || "Type" in value);
}

/** Connections are the same when their 5-tuple comes back within this long. */
const SAME_CONNECTION_MS = 120_000;

/** Drop reasons that are a policy's verdict (flow.proto DropReason). */
const POLICY_DROPS = new Set<unknown>(["POLICY_DENIED", "POLICY_DENY", 133, 181]);
const VERDICTS: Record<string, FlowVerdict | "dropped" | undefined> = {
  FORWARDED: "allowed",
  REDIRECTED: "allowed",
  TRACED: "allowed",
  TRANSLATED: "allowed",
  DROPPED: "dropped",
  AUDIT: "audit",
  "1": "allowed",
  "2": "dropped",
  "4": "audit",
  "5": "allowed",
  "6": "allowed",
  "7": "allowed",
};
/** Cilium's monitor message type of a policy verdict event (always a connection's first packet). */
const POLICY_VERDICT_EVENT = 5;

interface Seen {
  from: Endpoint;
  to: Endpoint;
  verdict: FlowVerdict;
  at: number;
}

/** Reads Hubble records; one instance per run, so a SYN seen in two nodes' files counts once. */
export class HubbleReader {
  private readonly recent = new Map<string, Seen>();

  constructor(private readonly sink: RecordSink) {}

  read(value: unknown): string | undefined {
    if (!isObject(value)) return "expected a JSON object (one Hubble flow per line)";
    let flow: unknown = value;
    let outerTime: unknown;
    if ("flow" in value) {
      flow = value["flow"];
      outerTime = value["time"];
    } else {
      const lost = field(value, "lost_events", "lostEvents");
      if (lost !== undefined) {
        const n = isObject(lost) ? int64(field(lost, "num_events_lost", "numEventsLost")) : undefined;
        if (n === undefined) return "lost_events.num_events_lost: expected a count";
        this.sink.lost(n);
        return undefined;
      }
      if (field(value, "node_status", "nodeStatus") !== undefined) {
        this.sink.skip("node status event");
        return undefined;
      }
    }
    if (!isObject(flow)) return "flow: expected an object";
    return this.flow(flow, outerTime);
  }

  private flow(flow: Record<string, unknown>, outerTime: unknown): string | undefined {
    const sink = this.sink;
    const type = flow["Type"] ?? flow["type"];
    if (type === "L7" || type === 2)
      return sink.skip("L7 record (its connection is counted from its L3/L4 record)");
    if (type === "SOCK" || type === 3) return sink.skip("socket translation event");
    const isReply = field(flow, "is_reply", "isReply");
    if (isReply === true || flow["reply"] === true) return sink.skip("reply packet");
    const time = parseTime(flow["time"] ?? outerTime);
    if (typeof time === "string") return `time: ${time}`;

    const rawVerdict = VERDICTS[String(flow["verdict"])];
    if (rawVerdict === undefined) return sink.skip(`verdict ${String(flow["verdict"])}`);
    let verdict: FlowVerdict;
    if (rawVerdict === "dropped") {
      const reason =
        field(flow, "drop_reason_desc", "dropReasonDesc") ?? field(flow, "drop_reason", "dropReason");
      if (!POLICY_DROPS.has(reason))
        return sink.skip(`dropped for a reason other than policy (${String(reason)})`);
      verdict = "denied";
    } else verdict = rawVerdict;

    const l4 = flow["l4"];
    if (!isObject(l4)) return sink.skip("no layer-4 header");
    let protocol: Protocol;
    let ports: Record<string, unknown>;
    if (isObject(l4["TCP"])) [protocol, ports] = ["TCP", l4["TCP"]];
    else if (isObject(l4["UDP"])) [protocol, ports] = ["UDP", l4["UDP"]];
    else if (isObject(l4["SCTP"])) [protocol, ports] = ["SCTP", l4["SCTP"]];
    else if ("ICMPv4" in l4 || "ICMPv6" in l4) return sink.skip("ICMP (NetworkPolicy has no ICMP rules)");
    else return sink.skip("no TCP, UDP or SCTP header");
    const port = int64(field(ports, "destination_port", "destinationPort"));
    const sourcePort = int64(field(ports, "source_port", "sourcePort"));
    if (port === undefined || port < 1 || port > 65535) return "l4: destination_port must be 1-65535";

    // Which packets open a connection. A policy verdict or a drop is judged on the first
    // packet; other events need is_reply to know the direction.
    let opens: boolean;
    if (protocol === "TCP") {
      const flags = ports["flags"];
      const syn = isObject(flags) && flags["SYN"] === true;
      const ack = isObject(flags) && flags["ACK"] === true;
      if (syn && ack) return sink.skip("reply packet");
      opens = syn;
    } else opens = true;
    const eventType = field(flow, "event_type", "eventType");
    const known =
      isReply === false ||
      verdict !== "allowed" ||
      (isObject(eventType) && eventType["type"] === POLICY_VERDICT_EVENT) ||
      (protocol === "TCP" && opens);
    if (!known) return sink.skip("packet of unknown direction (no is_reply)");

    const ip = flow["IP"] ?? flow["ip"];
    const srcIp = isObject(ip) && typeof ip["source"] === "string" ? ip["source"] : undefined;
    const dstIp = isObject(ip) && typeof ip["destination"] === "string" ? ip["destination"] : undefined;
    const from = this.side(flow["source"], srcIp, "source");
    if (typeof from === "string") return from;
    if (from === null) return sink.skip("Cilium health check");
    const to = this.side(flow["destination"], dstIp, "destination");
    if (typeof to === "string") return to;
    if (to === null) return sink.skip("Cilium health check");

    const record = {
      from: from.endpoint.side,
      to: to.endpoint.side,
      port,
      protocol,
      verdict,
      connections: 0,
      start: time,
      end: time,
      ...(from.pod ? { fromPod: from.pod } : {}),
      ...(to.pod ? { toPod: to.pod } : {}),
      ...(srcIp ? { fromIp: srcIp } : {}),
      ...(dstIp ? { toIp: dstIp } : {}),
    };
    if (!opens) return sink.record(record, from.endpoint, to.endpoint);

    // One connection, wherever it was seen: the 5-tuple.
    const tuple = `${protocol} ${srcIp ?? from.endpoint.id}:${sourcePort ?? 0} ${dstIp ?? to.endpoint.id}:${port}`;
    const seen = this.recent.get(tuple);
    if (
      seen &&
      Math.abs(time - seen.at) <= SAME_CONNECTION_MS &&
      seen.from === from.endpoint &&
      seen.to === to.endpoint
    ) {
      if (seen.verdict !== verdict && verdict !== "allowed") {
        sink.recount(seen.from, seen.to, port, protocol, seen.verdict, verdict);
        seen.verdict = verdict;
      }
      return sink.record(record, from.endpoint, to.endpoint);
    }
    if (seen) this.recent.delete(tuple);
    if (this.recent.size >= sink.limits.maxRecentConnections) {
      const oldest = this.recent.keys().next();
      if (!oldest.done) this.recent.delete(oldest.value);
    }
    this.recent.set(tuple, { from: from.endpoint, to: to.endpoint, verdict, at: time });
    return sink.record({ ...record, connections: 1 }, from.endpoint, to.endpoint);
  }

  /** A Hubble Endpoint as a side; null for Cilium's own health endpoint. */
  private side(
    value: unknown,
    ip: string | undefined,
    where: string,
  ): { endpoint: Endpoint; pod?: string } | string | null {
    const sink = this.sink;
    const endpoint = isObject(value) ? value : {};
    const rawLabels = endpoint["labels"];
    if (rawLabels !== undefined && !Array.isArray(rawLabels))
      return `${where}.labels: expected a list of "source:key=value"`;
    const reserved = Array.isArray(rawLabels)
      ? (rawLabels.find((l) => typeof l === "string" && l.startsWith("reserved:")) as string | undefined)
      : undefined;
    const namespace = endpoint["namespace"];
    const podName = field(endpoint, "pod_name", "podName");
    const pod = typeof podName === "string" && podName !== "" ? podName : undefined;
    if (reserved === "reserved:health") return null;
    if (reserved === "reserved:host" || reserved === "reserved:remote-node") {
      const e = sink.endpoint("n", () => ({ kind: "node" }));
      return typeof e === "string" ? e : { endpoint: e };
    }
    if (typeof namespace === "string" && namespace !== "" && reserved === undefined) {
      const workloads = endpoint["workloads"];
      const first = Array.isArray(workloads) && isObject(workloads[0]) ? workloads[0] : undefined;
      const workload =
        first && typeof first["kind"] === "string" && typeof first["name"] === "string"
          ? `${first["kind"]}/${first["name"]}`
          : "";
      const raw = `p${namespace}\u0000${workload}\u0000${Array.isArray(rawLabels) ? rawLabels.join("\u0000") : ""}`;
      const e = sink.endpoint(raw, () => {
        const nsProblem = namespaceProblem(namespace);
        if (nsProblem) return `${where}: ${nsProblem}`;
        const labels = labelList(rawLabels, podLabel);
        if (typeof labels === "string") return `${where}.${labels}`;
        const checked = workloadLabels(labels, sink.limits.maxLabels);
        if ("problem" in checked) return `${where}.labels: ${checked.problem}`;
        return {
          kind: "pod",
          namespace,
          labels: checked.labels,
          ...(workload ? { workload } : {}),
        } satisfies FlowSide;
      });
      return typeof e === "string" ? e : { endpoint: e, ...(pod ? { pod } : {}) };
    }
    // The world, the API server, a CIDR identity, an endpoint Cilium does not manage.
    if (ip === undefined) return `${where}: an endpoint outside the cluster needs IP.${where}`;
    const e = sink.endpoint(`a${ip}`, () => {
      const checked = canonicalIp(ip);
      if ("problem" in checked) return `IP.${where}: ${checked.problem}`;
      return { kind: "address", ip: checked.ip };
    });
    return typeof e === "string" ? e : { endpoint: e };
  }
}

/**
 * A Cilium label as a pod label: only Kubernetes pod labels ("k8s:app=api"), without the
 * ones Cilium derives (namespace, service account, namespace labels, cluster).
 */
function podLabel(entry: string): string | undefined {
  if (!entry.startsWith("k8s:")) return undefined;
  const label = entry.slice(4);
  if (label.startsWith("io.kubernetes.pod.namespace=") || label.startsWith("io.cilium.")) return undefined;
  return label;
}
