/**
 * Who a check runs as: one identity per caller, the caller's namespace and exactly its
 * labels (a service's labels, or the pod labels a namespace endpoint names), so every policy
 * selects the probe pod as it selects the caller. Callers with the same namespace and labels
 * share an identity; its pod name is short, stable for a run, and distinct per identity.
 */
import type { EnvironmentIntent, Endpoint, Service } from "../intent/model.js";
import { compareStrings as cmp } from "../compile/canonical.js";
import type { ProbeIdentity } from "./pod.js";
import type { CheckSource } from "./types.js";

export interface Identity extends ProbeIdentity {
  /** What reports and diffs call it: "ns/service" or "ns:namespace". */
  label: string;
  service?: string;
}

/** "a=1,b=2": labels in key order, as one text. */
export function labelsText(labels: Record<string, string>): string {
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(",");
}

/** FNV-1a, 32 bits, as 8 hex digits: short stable names. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

export class Identities {
  private readonly byKey = new Map<string, Identity>();
  private readonly services = new Map<string, Service>();
  private readonly byService = new Map<Service, Identity>();

  constructor(
    private readonly runId: string,
    env: EnvironmentIntent,
  ) {
    for (const ns of env.namespaces)
      for (const s of ns.services) this.services.set(`${ns.name}/${s.name}`, s);
  }

  get(namespace: string, labels: Record<string, string>, label: string, service?: string): Identity {
    const key = `${namespace}\u0000${labelsText(labels)}`;
    let id = this.byKey.get(key);
    if (!id) {
      const slug = (service ?? namespace)
        .replace(/[^a-z0-9-]/g, "-")
        .slice(0, 24)
        .replace(/-+$/, "");
      const pod = `np-probe-${slug}-${hash(`${this.runId}\u0000${key}`)}`;
      id = { namespace, labels, pod, label, ...(service !== undefined ? { service } : {}) };
      this.byKey.set(key, id);
    }
    return id;
  }

  /** The identity of a declared service. */
  ofService(namespace: string, service: Service): Identity {
    let id = this.byService.get(service);
    if (!id) {
      id = this.get(namespace, service.labels, `${namespace}/${service.name}`, service.name);
      this.byService.set(service, id);
    }
    return id;
  }

  /** The declared service "namespace/name", if the intent has it. */
  service(key: string): Service | undefined {
    return this.services.get(key);
  }

  /** The identity a flow endpoint calls from; none for an address outside the cluster. */
  ofEndpoint(e: Endpoint): Identity | undefined {
    if (e.kind === "service") {
      const svc = this.services.get(`${e.namespace}/${e.service}`);
      return svc ? this.ofService(e.namespace, svc) : undefined;
    }
    if (e.kind === "namespace") return this.get(e.namespace, e.podLabels ?? {}, `ns:${e.namespace}`);
    return undefined;
  }

  /** Every identity so far, by namespace and pod name. */
  all(): Identity[] {
    return [...this.byKey.values()].sort((a, b) => cmp(a.namespace, b.namespace) || cmp(a.pod, b.pod));
  }
}

/** The source of a check run by the identity's probe pod. */
export function sourceOf(id: Identity): CheckSource {
  const source: CheckSource = { namespace: id.namespace, labels: id.labels, pod: id.pod };
  if (id.service !== undefined) source.service = id.service;
  return source;
}
