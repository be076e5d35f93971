/**
 * Is a compiled object something the API server would accept? NetworkPolicies are checked
 * against the Kubernetes OpenAPI schema (kubernetes-models), plus the object-name and label
 * rules the schema does not carry; CiliumNetworkPolicies against the CRD fields we use.
 */
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1";
import type { CompiledObject } from "../../action/src/compile/types.js";
import { ciliumShapeProblems } from "./cilium-shape.js";

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export function objectProblems(obj: CompiledObject): string[] {
  const problems: string[] = [];
  const { metadata } = obj.manifest;
  if (metadata.name.length > 253 || !DNS1123_SUBDOMAIN.test(metadata.name)) {
    problems.push(`metadata.name ${metadata.name} is not a DNS-1123 subdomain`);
  }
  const ns = metadata.namespace ?? "";
  if (ns.length > 63 || !DNS1123_LABEL.test(ns)) problems.push(`metadata.namespace ${ns} is not a DNS label`);
  for (const [k, v] of Object.entries(metadata.labels ?? {})) {
    if (v.length > 63 || !LABEL_VALUE.test(v)) problems.push(`label ${k}=${v} has an invalid value`);
  }
  if (obj.manifest.kind === "NetworkPolicy") {
    try {
      new NetworkPolicy(obj.manifest).validate();
    } catch (error) {
      problems.push(`schema: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    problems.push(...ciliumShapeProblems(obj.manifest));
  }
  return problems.map((p) => `${obj.manifest.kind}/${ns}/${metadata.name}: ${p}`);
}
