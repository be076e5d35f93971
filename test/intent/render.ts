/** A compact, reviewable text form of a loaded intent, for golden files and assertions. */
import type { Endpoint, EnvironmentIntent, FlowPort, Intent } from "../../action/src/intent/index.js";

export function endpointText(e: Endpoint): string {
  switch (e.kind) {
    case "service":
      return `service ${e.namespace}/${e.service}`;
    case "namespace":
      return `namespace ${e.namespace}${e.podLabels ? ` pods ${labelsText(e.podLabels)}` : ""}`;
    case "cidr":
      return `cidr ${e.cidr}${e.except.length > 0 ? ` except ${e.except.join(",")}` : ""}`;
    case "fqdn":
      return `fqdn ${e.fqdn}`;
  }
}

export function portText(p: FlowPort): string {
  const range = p.port === undefined ? "*" : p.endPort !== undefined ? `${p.port}-${p.endPort}` : `${p.port}`;
  return `${p.protocol}/${range}${p.name ? `(${p.name})` : ""}`;
}

export function labelsText(labels: Record<string, string>): string {
  return `{${Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(",")}}`;
}

/** One line per flow: "from -> to [ports]". */
export function flowSummary(env: EnvironmentIntent): string[] {
  return env.flows.map(
    (f) => `${endpointText(f.from)} -> ${endpointText(f.to)} [${f.ports.map(portText).join(" ") || "all"}]`,
  );
}

export function renderIntent(intent: Intent): string {
  const out: string[] = [];
  for (const env of intent.environments) {
    out.push(`environment ${env.name} (order ${env.order}, cni ${env.cni}) from ${env.files.join(", ")}`);
    out.push(`  dns: ${env.dns.namespace} ${labelsText(env.dns.podLabels)} ${env.dns.mode}`);
    if (env.nodeCidrs.length > 0) out.push(`  nodeCidrs: ${env.nodeCidrs.join(", ")}`);
    if (env.excludedNamespaces.length > 0) out.push(`  excluded: ${env.excludedNamespaces.join(", ")}`);
    for (const ns of env.namespaces) {
      const mode = ns.managed ? (ns.defaultDeny ? "managed, default-deny" : "managed") : "unmanaged";
      out.push(
        `  namespace ${ns.name} (${mode}) ${labelsText(ns.labels)}  @${ns.source.file}:${ns.source.line}:${ns.source.column}`,
      );
      for (const s of ns.services) {
        const ports = s.ports.map((p) => portText(p)).join(" ");
        out.push(
          `    service ${s.name} ${labelsText(s.labels)} [${ports}]  @${s.source.file}:${s.source.line}:${s.source.column}`,
        );
      }
    }
    for (const f of env.flows) {
      out.push(
        `  flow "${f.text}": ${endpointText(f.from)} -> ${endpointText(f.to)} [${f.ports.map(portText).join(" ") || "all"}]  @${f.source.file}:${f.source.line}:${f.source.column}`,
      );
    }
  }
  return `${out.join("\n")}\n`;
}
