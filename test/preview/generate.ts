/**
 * Intent files generated in memory: `services` services spread over `namespaces`
 * namespaces, each calling the next two services, plus an ingress controller and an
 * external payment processor. For large-preview tests and the preview benchmark.
 */
import type { SourceFile } from "../../action/src/commands/preview-pipeline.js";

export interface GeneratedIntent {
  services: number;
  namespaces?: number;
  environment?: string;
  /** Extra flow lines appended to the flows list. */
  extraFlows?: string[];
  /** Indexes of generated flows to leave out. */
  dropFlows?: number[];
}

const svc = (i: number, namespaces: number): string => `ns-${i % namespaces}/svc-${i}`;

/** The generated flow lines, in order (index i*2 and i*2+1 start at service i). */
export function generatedFlows(services: number, namespaces = 10): string[] {
  const flows: string[] = [];
  for (let i = 0; i < services; i++) {
    flows.push(`${svc(i, namespaces)} -> ${svc((i + 1) % services, namespaces)}:8080`);
    flows.push(`${svc(i, namespaces)} -> ${svc((i + 2) % services, namespaces)}:9090`);
  }
  return flows;
}

export function generateIntent(spec: GeneratedIntent): SourceFile[] {
  const namespaces = spec.namespaces ?? 10;
  const name = spec.environment ?? "production";
  const lines = [
    "# yaml-language-server: $schema=../schema.json",
    "promotion: 1",
    "cni: calico",
    "namespaces:",
    "  ingress-nginx: { managed: false }",
  ];
  for (let n = 0; n < namespaces; n++) {
    lines.push(`  ns-${n}:`, "    services:");
    for (let i = n; i < spec.services; i += namespaces) {
      lines.push(`      svc-${i}: { labels: { app: svc-${i} }, ports: [8080, 9090] }`);
    }
  }
  const dropped = new Set(spec.dropFlows ?? []);
  lines.push(
    "flows:",
    `  - ingress-nginx -> ${svc(0, namespaces)}:8080`,
    `  - ${svc(1, namespaces)} -> 198.51.100.0/24:443`,
  );
  generatedFlows(spec.services, namespaces).forEach((flow, index) => {
    if (!dropped.has(index)) lines.push(`  - ${flow}`);
  });
  for (const flow of spec.extraFlows ?? []) lines.push(`  - ${flow}`);
  return [{ path: `policies/environments/${name}.yaml`, text: `${lines.join("\n")}\n` }];
}
