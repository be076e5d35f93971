/**
 * Endpoints of observed flows, interned: a pod side is its namespace and its labels, without
 * the labels Kubernetes sets per pod or per rollout, so every pod of one workload (and every
 * rollout of it) is one endpoint. The number of distinct endpoints is bounded.
 */
import { dns1123LabelProblem, labelKeyProblem, labelValueProblem } from "../intent/names.js";
import { parseIp } from "../k8s/ip.js";
import type { FlowSide } from "./model.js";

/**
 * Labels that differ between pods of one workload or between its rollouts; none of them
 * names a service (kubernetes.io/docs/reference/labels-annotations-taints/).
 */
export const PER_POD_LABELS: ReadonlySet<string> = new Set([
  "pod-template-hash",
  "controller-revision-hash",
  "pod-template-generation",
  "statefulset.kubernetes.io/pod-name",
  "apps.kubernetes.io/pod-index",
  "controller-uid",
  "batch.kubernetes.io/controller-uid",
  // A CronJob's Jobs get a new name every run.
  "job-name",
  "batch.kubernetes.io/job-name",
  "batch.kubernetes.io/job-completion-index",
]);

/** Why an endpoint is refused, or undefined. */
export type Problem = string | undefined;

export interface Endpoint {
  id: number;
  side: FlowSide;
  /** What reports show: "shop/app=api", "node", "203.0.113.5". */
  label: string;
}

/** Checks a namespace name as the API server would. */
export function namespaceProblem(namespace: string): Problem {
  const p = dns1123LabelProblem(namespace);
  return p ? `namespace "${namespace}" ${p}` : undefined;
}

/** The labels that name a workload: per-pod ones dropped, the rest checked and sorted. */
export function workloadLabels(
  raw: Record<string, string>,
  maxLabels: number,
): { labels: Record<string, string> } | { problem: string } {
  const keys = Object.keys(raw);
  if (keys.length > maxLabels) return { problem: `${keys.length} labels; at most ${maxLabels}` };
  const kept: string[] = [];
  for (const key of keys) {
    const value = raw[key];
    if (typeof value !== "string") return { problem: `label "${key}" must be a string` };
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) return { problem: `label key "${key}": ${keyProblem}` };
    const valueProblem = labelValueProblem(value);
    if (valueProblem) return { problem: `label "${key}" value "${value}" ${valueProblem}` };
    if (!PER_POD_LABELS.has(key)) kept.push(key);
  }
  kept.sort();
  const labels: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const key of kept) labels[key] = raw[key] as string;
  return { labels };
}

/** The identity of a side: equal for every pod one selector on these labels would pick alike. */
export function sideKey(side: FlowSide): string {
  switch (side.kind) {
    case "pod": {
      let key = `pod:${side.namespace}`;
      for (const k in side.labels) key += `\u0000${k}=${side.labels[k]}`;
      return key;
    }
    case "node":
      return "node";
    case "address":
      return side.ip !== undefined ? `ip:${side.ip}` : `net:${side.name ?? "unknown"}`;
  }
}

/** What reports show for a side. */
export function sideLabel(side: FlowSide): string {
  switch (side.kind) {
    case "pod": {
      const labels = Object.entries(side.labels).map(([k, v]) => `${k}=${v}`);
      return `${side.namespace}/${labels.length > 0 ? labels.join(",") : "*"}`;
    }
    case "node":
      return "node";
    case "address":
      return side.ip ?? `${side.name ?? "unknown"} (address not given)`;
  }
}

/** Checks an IP address and returns its canonical text. */
export function canonicalIp(text: string): { ip: string } | { problem: string } {
  const ip = parseIp(text);
  if (!ip) return { problem: `"${text}" is not an IP address` };
  return { ip: ip.text };
}

/** A node of a SideTrie: the endpoint of the path so far, and the steps after it. */
export interface TrieNode {
  endpoint?: Endpoint;
  next?: Map<unknown, TrieNode>;
}

/**
 * Raw sides as paths (namespace, then each label key and value as written): a reader finds a
 * side it has seen by a few map lookups on the strings JSON.parse made, without building a
 * key. Bounded: past `max` nodes a step returns undefined.
 */
export class SideTrie {
  readonly root: TrieNode = {};
  private nodes = 0;

  constructor(private readonly max: number) {}

  step(node: TrieNode, key: unknown): TrieNode | undefined {
    let next = node.next;
    if (!next) node.next = next = new Map();
    let child = next.get(key);
    if (!child) {
      if (this.nodes >= this.max) return undefined;
      this.nodes++;
      child = {};
      next.set(key, child);
    }
    return child;
  }
}

/**
 * Endpoints by identity. `intern` takes a cheap key a reader built from the record as given
 * (the same workload may be written with its labels in another order: two raw keys, one
 * endpoint) and builds the side only the first time it sees that key.
 */
export class EndpointTable {
  private readonly byRaw = new Map<string, Endpoint>();
  private readonly byKey = new Map<string, Endpoint>();
  readonly list: Endpoint[] = [];
  /** Pod sides without and with a workload name, for readers that walk labels (SideTrie). */
  readonly pods: SideTrie;
  readonly podsOfWorkloads: SideTrie;

  constructor(private readonly max: number) {
    this.pods = new SideTrie(max * 16);
    this.podsOfWorkloads = new SideTrie(max * 16);
  }

  /** Too many distinct sides (the trie is full). */
  get full(): string {
    return `more than ${this.max} distinct endpoints (namespace and labels, or address): the input is not flows of one cluster, or too wide a window`;
  }

  /** The endpoint a raw key was interned as, if it was. */
  get(raw: string): Endpoint | undefined {
    return this.byRaw.get(raw);
  }

  /** The endpoint of `raw`, building it with `build` when new; a string is why it is refused. */
  intern(raw: string, build: () => FlowSide | string): Endpoint | string {
    const known = this.byRaw.get(raw);
    if (known) return known;
    const side = build();
    if (typeof side === "string") return side;
    return this.add(raw, side);
  }

  /** Interns a side built for `raw`. */
  add(raw: string, side: FlowSide): Endpoint | string {
    const key = sideKey(side);
    let endpoint = this.byKey.get(key);
    if (!endpoint) {
      if (this.list.length >= this.max) return this.full;
      endpoint = { id: this.list.length, side, label: sideLabel(side) };
      this.byKey.set(key, endpoint);
      this.list.push(endpoint);
    }
    // Raw spellings are bounded too: one endpoint written a million ways is refused.
    if (this.byRaw.size >= this.max * 4)
      return `more than ${this.max * 4} distinct ways of writing ${this.max} endpoints`;
    this.byRaw.set(raw, endpoint);
    return endpoint;
  }
}
