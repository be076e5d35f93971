/**
 * Observed traffic: what flow records (Hubble, Calico, the plain format) say happened, read
 * into one shape. Pure data; the readers and the summary live beside it.
 */
import type { Protocol } from "../k8s/types.js";

/**
 * allowed: the connection went through; denied: a policy dropped it; audit: it went through
 * only because the policy that would drop it is in audit mode (Cilium policy audit mode, a
 * Calico staged policy).
 */
export type FlowVerdict = "allowed" | "denied" | "audit";

/** One side of an observed connection. */
export type FlowSide =
  /** A pod: its namespace and labels (per-pod labels such as pod-template-hash removed). */
  | {
      kind: "pod";
      namespace: string;
      labels: Record<string, string>;
      /** The owning workload as the source names it ("Deployment/api"), when it does. */
      workload?: string;
    }
  /** A node (kubelet health checks, host-network pods): never a NetworkPolicy peer by labels. */
  | { kind: "node" }
  /** An address outside the pod network; `ip` absent when the source aggregated it away. */
  | { kind: "address"; ip?: string; name?: string };

/** Which end of the connection a record was written by (Calico reports from both ends). */
export type Reporter = "source" | "destination";

/** One record after parsing, before counting. */
export interface FlowRecord {
  from: FlowSide;
  to: FlowSide;
  port: number;
  protocol: Protocol;
  verdict: FlowVerdict;
  /** New connections this record stands for (0: traffic of a connection opened earlier). */
  connections: number;
  /** Milliseconds since the epoch: when the record starts and ends (equal for one packet). */
  start: number;
  end: number;
  reporter?: Reporter;
  /** Per-pod detail kept apart from the identity: pod names and IPs, for `--show-pods` only. */
  fromPod?: string;
  toPod?: string;
  fromIp?: string;
  toIp?: string;
}

/** Where a record is: a file as the user named it and its 1-based line. */
export interface FlowPosition {
  file: string;
  line: number;
}

/** A record or a file that cannot be read: where, and what was expected. */
export class FlowInputError extends Error {
  override name = "FlowInputError";
  constructor(
    readonly position: FlowPosition | { file: string; line?: undefined },
    readonly problem: string,
  ) {
    super(
      position.line === undefined
        ? `${position.file}: ${problem}`
        : `${position.file}:${position.line}: ${problem}`,
    );
  }
}

/**
 * The bounds every source is read under. A summary holds one entry per distinct flow, so
 * memory follows distinct flows, never records.
 */
export const FLOW_LIMITS = {
  /** Longest record: a Hubble flow with a few dozen labels is a few KB. */
  maxLineBytes: 1024 * 1024,
  /** All flow files of one run together. */
  maxTotalBytes: 4 * 1024 * 1024 * 1024,
  /** Files in one run. */
  maxFiles: 10_000,
  /** Distinct (source, destination, port, protocol). */
  maxFlows: 100_000,
  /** Distinct endpoints (namespace and labels, node, address). */
  maxEndpoints: 20_000,
  /** Labels on one endpoint (a Deployment's pods carry a handful). */
  maxLabels: 64,
  /** Recent connections remembered to count one connection seen at several points once. */
  maxRecentConnections: 200_000,
} as const;

export type FlowLimits = { -readonly [K in keyof typeof FLOW_LIMITS]: number };
