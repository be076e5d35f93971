/**
 * Counting observed traffic: one entry per distinct (source, destination, port, protocol),
 * whatever the number of records, so memory follows distinct flows. Both caps (flows and
 * endpoints) are errors at the record that passes them, never a silent cut.
 */
import type { Protocol } from "../k8s/types.js";
import { EndpointTable, type Endpoint } from "./endpoints.js";
import type { FlowRecord, FlowSide, FlowVerdict, Reporter } from "./model.js";

/** Connections of one flow by verdict. */
export interface VerdictCounts {
  allowed: number;
  denied: number;
  audit: number;
}

export interface ObservedFlow {
  from: Endpoint;
  to: Endpoint;
  port: number;
  protocol: Protocol;
  /** New connections by verdict (reports from both ends counted once). */
  connections: VerdictCounts;
  /**
   * Whether traffic of a connection opened before the window went through (a record of no
   * new connection). A new connection counts in `connections` only: a SYN forwarded by the
   * source and dropped by the destination did not go through.
   */
  passed: boolean;
  /** Whether any record said a policy dropped it. */
  dropped: boolean;
  records: number;
  /** Milliseconds since the epoch. */
  firstSeen: number;
  lastSeen: number;
  /** A few pod names and addresses on each side, for a person debugging (never in a PR by default). */
  examples: { fromPods: string[]; toPods: string[]; fromIps: string[]; toIps: string[] };
}

export interface FlowSummary {
  flows: ObservedFlow[];
  endpoints: Endpoint[];
  /** Records counted. */
  records: number;
  /** Records read but not counted, by reason ("reply packet", "ICMP"…). */
  skipped: Map<string, number>;
  /** Events the source says it lost (Hubble `lost_events`): counts are then lower bounds. */
  lost: number;
  /** Milliseconds since the epoch; undefined when no record was counted. */
  firstSeen?: number;
  lastSeen?: number;
  /** Per file: its format and records counted. */
  files: { file: string; format: string; records: number }[];
}

const PROTOCOLS: readonly Protocol[] = ["TCP", "UDP", "SCTP"];
const EXAMPLES = 3;

/** A flow and its connection counts by who reported them and the verdict. */
interface Entry {
  flow: ObservedFlow;
  /** Unreported (one record per connection, or per connection counted once already). */
  allowed: number;
  denied: number;
  audit: number;
  /** Reported by the source, then by the destination (Calico): allowed, denied, audit. */
  byReporter?: Float64Array;
}

const VERDICT_INDEX: Record<FlowVerdict, number> = { allowed: 0, denied: 1, audit: 2 };
const REPORTER_INDEX: Record<Reporter, number> = { source: 0, destination: 1 };

export class FlowCounter {
  readonly endpoints: EndpointTable;
  /** By source and destination ids (from * 32768 + to), then by port * 4 + protocol: small integers hash fast. */
  private readonly entries = new Map<number, Map<number, Entry>>();
  private size = 0;
  private records = 0;
  private firstSeen = Infinity;
  private lastSeen = -Infinity;
  readonly skipped = new Map<string, number>();
  lost = 0;
  readonly files: { file: string; format: string; records: number }[] = [];

  constructor(
    private readonly maxFlows: number,
    maxEndpoints: number,
  ) {
    // Flow keys are numbers: endpoint ids must fit in 15 bits for the key to stay exact.
    if (maxEndpoints > 32_768) throw new RangeError("at most 32,768 endpoints");
    this.endpoints = new EndpointTable(maxEndpoints);
  }

  skip(reason: string): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }

  /** Interns a side; a string is why it is refused. */
  endpoint(raw: string, build: () => FlowSide | string): Endpoint | string {
    return this.endpoints.intern(raw, build);
  }

  /** Counts one record; returns why it cannot be counted (a cap), or undefined. */
  add(record: FlowRecord, from: Endpoint, to: Endpoint): string | undefined {
    const pair = from.id * 32_768 + to.id;
    let byPort = this.entries.get(pair);
    if (!byPort) {
      byPort = new Map();
      this.entries.set(pair, byPort);
    }
    const key = record.port * 4 + PROTOCOLS.indexOf(record.protocol);
    let entry = byPort.get(key);
    if (!entry) {
      if (this.size >= this.maxFlows)
        return `more than ${this.maxFlows} distinct flows (source, destination, port, protocol): narrow the window or the namespaces`;
      entry = {
        flow: {
          from,
          to,
          port: record.port,
          protocol: record.protocol,
          connections: { allowed: 0, denied: 0, audit: 0 },
          passed: false,
          dropped: false,
          records: 0,
          firstSeen: record.start,
          lastSeen: record.end,
          examples: { fromPods: [], toPods: [], fromIps: [], toIps: [] },
        },
        allowed: 0,
        denied: 0,
        audit: 0,
      };
      byPort.set(key, entry);
      this.size++;
    }
    const flow = entry.flow;
    flow.records++;
    if (record.verdict === "denied") flow.dropped = true;
    else if (record.connections === 0) flow.passed = true;
    if (record.reporter === undefined) entry[record.verdict] += record.connections;
    else {
      const counts = (entry.byReporter ??= new Float64Array(6));
      const slot = REPORTER_INDEX[record.reporter] * 3 + VERDICT_INDEX[record.verdict];
      counts[slot] = (counts[slot] ?? 0) + record.connections;
    }
    if (record.start < flow.firstSeen) flow.firstSeen = record.start;
    if (record.end > flow.lastSeen) flow.lastSeen = record.end;
    if (record.start < this.firstSeen) this.firstSeen = record.start;
    if (record.end > this.lastSeen) this.lastSeen = record.end;
    const ex = flow.examples;
    if (
      record.fromPod !== undefined &&
      ex.fromPods.length < EXAMPLES &&
      !ex.fromPods.includes(record.fromPod)
    )
      ex.fromPods.push(record.fromPod);
    if (record.toPod !== undefined && ex.toPods.length < EXAMPLES && !ex.toPods.includes(record.toPod))
      ex.toPods.push(record.toPod);
    if (record.fromIp !== undefined && ex.fromIps.length < EXAMPLES && !ex.fromIps.includes(record.fromIp))
      ex.fromIps.push(record.fromIp);
    if (record.toIp !== undefined && ex.toIps.length < EXAMPLES && !ex.toIps.includes(record.toIp))
      ex.toIps.push(record.toIp);
    this.records++;
    return undefined;
  }

  /** Moves one connection already counted from one verdict to another (seen dropped further on). */
  recount(
    from: Endpoint,
    to: Endpoint,
    port: number,
    protocol: Protocol,
    was: FlowVerdict,
    now: FlowVerdict,
  ): void {
    const entry = this.entries.get(from.id * 32_768 + to.id)?.get(port * 4 + PROTOCOLS.indexOf(protocol));
    if (!entry) return;
    entry[was] = Math.max(0, entry[was] - 1);
    entry[now] += 1;
    if (now === "denied") entry.flow.dropped = true;
  }

  /** The summary: connections reported by both ends counted once. */
  finish(): FlowSummary {
    const flows: ObservedFlow[] = [];
    for (const entry of [...this.entries.values()].flatMap((m) => [...m.values()])) {
      const { flow } = entry;
      const c = entry.byReporter;
      const at = (i: number) => c?.[i] ?? 0;
      // A connection both ends report: the source counts it allowed when its egress let it
      // out, the destination allowed or denied at ingress. Denials add up (a connection is
      // denied at one end only); allowed ones are the larger of the two ends' views.
      const srcAllowed = at(0);
      const srcDenied = at(1);
      const dstAllowed = at(3);
      const dstDenied = at(4);
      flow.connections = {
        allowed: entry.allowed + Math.max(srcAllowed - dstDenied, dstAllowed, 0),
        denied: entry.denied + srcDenied + dstDenied,
        audit: entry.audit + Math.max(at(2), at(5)),
      };
      flows.push(flow);
    }
    flows.sort(
      (a, b) =>
        a.from.label.localeCompare(b.from.label) ||
        a.to.label.localeCompare(b.to.label) ||
        a.port - b.port ||
        a.protocol.localeCompare(b.protocol),
    );
    return {
      flows,
      endpoints: this.endpoints.list,
      records: this.records,
      skipped: this.skipped,
      lost: this.lost,
      ...(this.records > 0 ? { firstSeen: this.firstSeen, lastSeen: this.lastSeen } : {}),
      files: this.files,
    };
  }
}
