/**
 * Reading flow records line by line into one summary. Pure: the adapter streams the files
 * and hands each line here with its position; a record that cannot be read stops the run
 * with a FlowInputError naming file:line and what was expected.
 */
import type { Protocol } from "../k8s/types.js";
import { isEnterpriseRecord, isGoldmaneRecord, readEnterpriseRecord, readGoldmaneRecord } from "./calico.js";
import type { Endpoint, EndpointTable } from "./endpoints.js";
import { HubbleReader, isHubbleRecord } from "./hubble.js";
import {
  FLOW_LIMITS,
  FlowInputError,
  type FlowLimits,
  type FlowRecord,
  type FlowSide,
  type FlowVerdict,
} from "./model.js";
import { isPlainRecord, readPlainRecord } from "./plain.js";
import { isObject, type RecordSink } from "./record.js";
import { FlowCounter, type FlowSummary } from "./summary.js";

export const FLOW_FORMATS = ["plain", "hubble", "goldmane", "calico-enterprise"] as const;
export type FlowFormat = (typeof FLOW_FORMATS)[number];

export interface FlowReaderOptions {
  /** Default: told apart by each file's first record. */
  format?: FlowFormat;
  limits?: Partial<FlowLimits>;
}

function detect(value: unknown): FlowFormat | undefined {
  if (!isObject(value)) return undefined;
  if (isGoldmaneRecord(value)) return "goldmane";
  if (isHubbleRecord(value)) return "hubble";
  if (isEnterpriseRecord(value)) return "calico-enterprise";
  if (isPlainRecord(value)) return "plain";
  return undefined;
}

export class FlowReader implements RecordSink {
  readonly limits: FlowLimits;
  private readonly counter: FlowCounter;
  private readonly hubble: HubbleReader;
  private file = "";
  private format: FlowFormat | undefined;
  private fileEntry: { file: string; format: string; records: number } | undefined;

  constructor(private readonly options: FlowReaderOptions = {}) {
    this.limits = { ...FLOW_LIMITS, ...options.limits };
    this.counter = new FlowCounter(this.limits.maxFlows, this.limits.maxEndpoints);
    this.hubble = new HubbleReader(this);
  }

  /** Starts a file; lines that follow belong to it. */
  startFile(file: string): void {
    if (this.counter.files.length >= this.limits.maxFiles)
      throw new FlowInputError({ file }, `not read: more than ${this.limits.maxFiles} flow files`);
    this.file = file;
    this.format = this.options.format;
    this.fileEntry = { file, format: this.format ?? "empty", records: 0 };
    this.counter.files.push(this.fileEntry);
  }

  /** Reads one line (without its line break); throws FlowInputError when it cannot. */
  line(text: string, line: number): void {
    if (text.length === 0) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      if (/^\s*$/.test(text)) return;
      throw new FlowInputError(
        { file: this.file, line },
        `not JSON: ${(error as Error).message} (one JSON object per line)`,
      );
    }
    let format = this.format;
    if (format === undefined) {
      format = detect(value);
      if (format === undefined)
        throw new FlowInputError(
          { file: this.file, line },
          "not a flow record of a known format: expected the plain format ({time, from, to, port, protocol, verdict}), Hubble (a Flow, or {flow, node_name, time}), a Goldmane Flow (with Key) or a Calico Enterprise flow log",
        );
      this.format = format;
      if (this.fileEntry) this.fileEntry.format = format;
    }
    let problem: string | undefined;
    switch (format) {
      case "plain":
        problem = readPlainRecord(value, this);
        break;
      case "hubble":
        problem = this.hubble.read(value);
        break;
      case "goldmane":
        problem = readGoldmaneRecord(value, this);
        break;
      case "calico-enterprise":
        problem = readEnterpriseRecord(value, this);
        break;
    }
    if (problem !== undefined) throw new FlowInputError({ file: this.file, line }, problem);
  }

  finish(): FlowSummary {
    return this.counter.finish();
  }

  // RecordSink: what the format readers call.
  endpoint(raw: string, build: () => FlowSide | string): Endpoint | string {
    return this.counter.endpoint(raw, build);
  }
  get endpoints(): EndpointTable {
    return this.counter.endpoints;
  }
  known(raw: string): Endpoint | undefined {
    return this.counter.endpoints.get(raw);
  }
  record(record: FlowRecord, from: Endpoint, to: Endpoint): string | undefined {
    const problem = this.counter.add(record, from, to);
    if (problem === undefined && this.fileEntry) this.fileEntry.records++;
    return problem;
  }
  recount(
    from: Endpoint,
    to: Endpoint,
    port: number,
    protocol: Protocol,
    was: FlowVerdict,
    now: FlowVerdict,
  ): void {
    this.counter.recount(from, to, port, protocol, was, now);
  }
  skip(reason: string): undefined {
    this.counter.skip(reason);
    return undefined;
  }
  lost(events: number): void {
    this.counter.lost += events;
  }
}
