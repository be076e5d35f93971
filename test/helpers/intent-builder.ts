/**
 * Builds `EnvironmentIntent` values in memory for tests and benchmarks, without the loader.
 *
 * The spec mirrors the intent format (policies/README.md) closely enough to read like it:
 *
 *   buildEnvironment({
 *     name: "production",
 *     cni: "cilium",
 *     namespaces: {
 *       production: { services: { frontend: { ports: [80] }, api: { ports: [8080] } } },
 *       "ingress-nginx": { managed: false, podLabels: { "app.kubernetes.io/name": "ingress-nginx" } },
 *     },
 *     flows: ["ingress-nginx -> frontend:80", "frontend -> api:8080", "api -> 198.51.100.0/24:443"],
 *   });
 *
 * Every declaration gets a synthetic SourceRef in `policies/environments/<name>.yaml`, one line
 * per declaration in the order given, so tests can assert on origins. Mistakes in a spec
 * (an unknown service, an undeclared port) throw: this is a test helper, not the loader.
 */
import type {
  DnsIntent,
  Endpoint,
  EnvironmentIntent,
  Flow,
  FlowPort,
  NamespaceIntent,
  Protocol,
  Service,
  ServicePort,
  SourceRef,
} from "../../action/src/intent/model.js";
import { CNI_PROFILES, type CniProfileName } from "../../action/src/cni/profiles.js";

export type PortSpec =
  | number
  /** "53/udp", "8000-8010", "8000-8010/tcp" */
  | string
  | { port: number; endPort?: number; name?: string; protocol?: Protocol };

export interface ServiceSpec {
  /** Default: { app: <service name> }. */
  labels?: Record<string, string>;
  ports?: PortSpec[];
}

export interface NamespaceSpec {
  /** Default true, except for kube-* and excluded namespaces (always false there). */
  managed?: boolean;
  /** Default: same as managed. */
  defaultDeny?: boolean;
  labels?: Record<string, string>;
  /** Pods a flow from/to this namespace selects (e.g. the ingress controller's pods). */
  podLabels?: Record<string, string>;
  services?: Record<string, ServiceSpec>;
}

export interface LongFlowSpec {
  from: string;
  to: string;
  except?: string[];
  ports?: PortSpec[];
}

export type FlowSpec = string | LongFlowSpec;

export interface EnvironmentSpec {
  /** Default "test". */
  name?: string;
  order?: number;
  /** Default "calico". */
  cni?: CniProfileName;
  dns?: Partial<DnsIntent>;
  nodeCidrs?: string[];
  excludedNamespaces?: string[];
  namespaces?: Record<string, NamespaceSpec>;
  flows?: FlowSpec[];
}

const METADATA_NAME = "kubernetes.io/metadata.name";

export function buildEnvironment(spec: EnvironmentSpec): EnvironmentIntent {
  const name = spec.name ?? "test";
  const file = `policies/environments/${name}.yaml`;
  let line = 1;
  const next = (column = 1): SourceRef => ({ file, line: ++line, column });
  const cni = spec.cni ?? "calico";
  const profile = CNI_PROFILES[cni];
  const excluded = spec.excludedNamespaces ?? [];

  const namespaces: NamespaceIntent[] = [];
  for (const [nsName, nsSpec] of Object.entries(spec.namespaces ?? {})) {
    const system = nsName.startsWith("kube-") || excluded.includes(nsName);
    const managed = system ? false : (nsSpec.managed ?? true);
    const nsSource = next();
    const services: Service[] = [];
    for (const [svcName, svcSpec] of Object.entries(nsSpec.services ?? {})) {
      const svcSource = next(3);
      services.push({
        name: svcName,
        namespace: nsName,
        labels: svcSpec.labels ?? { app: svcName },
        ports: (svcSpec.ports ?? []).map((p) => ({ ...parsePortSpec(p), source: svcSource })),
        source: svcSource,
      });
    }
    namespaces.push({
      name: nsName,
      managed,
      defaultDeny: managed && (nsSpec.defaultDeny ?? true),
      labels: { ...nsSpec.labels, [METADATA_NAME]: nsName },
      services,
      source: nsSource,
    });
  }

  const podLabelsOf = new Map(Object.entries(spec.namespaces ?? {}).map(([n, s]) => [n, s.podLabels]));
  const resolver = new Resolver(namespaces, podLabelsOf);
  const flows: Flow[] = (spec.flows ?? []).map((f) => resolver.flow(f, next()));

  return {
    name,
    order: spec.order ?? 1,
    cni,
    profile,
    dns: {
      namespace: spec.dns?.namespace ?? "kube-system",
      podLabels: spec.dns?.podLabels ?? { "k8s-app": "kube-dns" },
      mode: spec.dns?.mode ?? profile.dnsSelectorMode,
    },
    nodeCidrs: spec.nodeCidrs ?? [],
    excludedNamespaces: excluded,
    namespaces,
    flows,
    files: [file],
    source: { file, line: 1, column: 1 },
  };
}

type ParsedPort = Omit<ServicePort, "source">;

function parsePortSpec(p: PortSpec): ParsedPort {
  if (typeof p === "number") return { port: p, protocol: "TCP" };
  if (typeof p === "object") {
    return {
      port: p.port,
      protocol: p.protocol ?? "TCP",
      ...(p.endPort !== undefined ? { endPort: p.endPort } : {}),
      ...(p.name !== undefined ? { name: p.name } : {}),
    };
  }
  const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(p);
  if (!m) throw new Error(`builder: bad port "${p}"`);
  const port = Number(m[1]);
  return {
    port,
    protocol: (m[3]?.toUpperCase() ?? "TCP") as Protocol,
    ...(m[2] !== undefined ? { endPort: Number(m[2]) } : {}),
  };
}

function isCidr(token: string): boolean {
  return /^[0-9a-fA-F:.]+\/\d+$/.test(token) && (token.includes(".") || token.includes(":"));
}

class Resolver {
  constructor(
    private readonly namespaces: NamespaceIntent[],
    private readonly podLabelsOf: Map<string, Record<string, string> | undefined>,
  ) {}

  flow(spec: FlowSpec, source: SourceRef): Flow {
    if (typeof spec === "string") {
      const m = /^\s*(\S+)\s*->\s*(\S+)\s*$/.exec(spec);
      if (!m) throw new Error(`builder: bad flow "${spec}"`);
      const [destination, portText] = splitDestination(m[2] ?? "");
      const from = this.endpoint(m[1] ?? "", []);
      const to = this.endpoint(destination, []);
      const ports = this.ports(to, portText === undefined ? undefined : portText.split(","));
      return { from, to, ports, text: spec.trim(), source };
    }
    const from = this.endpoint(spec.from, []);
    const to = this.endpoint(spec.to, spec.except ?? []);
    const ports = this.ports(to, spec.ports);
    return { from, to, ports, text: `${spec.from} -> ${spec.to}`, source };
  }

  private endpoint(token: string, except: string[]): Endpoint {
    const bare = token.replace(/^\[(.*)\]$/, "$1");
    if (isCidr(bare)) return { kind: "cidr", cidr: bare, except: [...except] };
    if (token.includes("/")) {
      const [ns, svc] = token.split("/") as [string, string];
      if (!this.service(ns, svc)) throw new Error(`builder: unknown service ${token}`);
      return { kind: "service", namespace: ns, service: svc };
    }
    const matches = this.namespaces.flatMap((n) => n.services.filter((s) => s.name === token));
    if (matches.length > 1) throw new Error(`builder: ambiguous service ${token}; write namespace/service`);
    const only = matches[0];
    if (only) return { kind: "service", namespace: only.namespace, service: only.name };
    if (this.namespaces.some((n) => n.name === token)) {
      const podLabels = this.podLabelsOf.get(token);
      return { kind: "namespace", namespace: token, ...(podLabels ? { podLabels: { ...podLabels } } : {}) };
    }
    if (token.includes(".")) return { kind: "fqdn", fqdn: token };
    throw new Error(`builder: unknown endpoint ${token}`);
  }

  private service(ns: string, name: string): Service | undefined {
    return this.namespaces.find((n) => n.name === ns)?.services.find((s) => s.name === name);
  }

  private ports(to: Endpoint, specs: PortSpec[] | undefined): FlowPort[] {
    if (to.kind === "service") {
      const svc = this.service(to.namespace, to.service);
      if (!svc) throw new Error(`builder: unknown service ${to.namespace}/${to.service}`);
      const declared = svc.ports.map(({ source: _source, ...p }) => p);
      if (specs === undefined) return declared;
      return specs.map((spec) => {
        const byName = typeof spec === "string" ? declared.find((d) => d.name === spec) : undefined;
        if (byName) return { ...byName };
        const wanted = parsePortSpec(spec);
        const found = declared.find(
          (d) => d.port === wanted.port && d.protocol === wanted.protocol && d.endPort === wanted.endPort,
        );
        if (!found) throw new Error(`builder: ${to.service} does not declare port ${String(spec)}`);
        return { ...found };
      });
    }
    if (specs === undefined) return [{ protocol: "TCP" }];
    return specs.map((s) => parsePortSpec(s));
  }
}

/** "api:8080,8443" → ["api", "8080,8443"]; "[2001:db8::/32]:443" → ["2001:db8::/32", "443"]. */
function splitDestination(text: string): [string, string | undefined] {
  if (text.startsWith("[")) {
    const close = text.indexOf("]");
    const rest = text.slice(close + 1);
    return [text.slice(1, close), rest.startsWith(":") ? rest.slice(1) : undefined];
  }
  const colon = text.lastIndexOf(":");
  return colon < 0 ? [text, undefined] : [text.slice(0, colon), text.slice(colon + 1)];
}
