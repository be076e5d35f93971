/**
 * One-line explanations of verdicts: which rule allowed each direction, or which isolation
 * denied it, with the intent line behind the rule when the policy carries one.
 */
import type { SourceRef } from "../intent/model.js";
import type { RuleRef } from "./contracts.js";
import type { DirectionVerdict, PolicyRef, Verdict } from "./evaluate.js";

export function formatSource(s: SourceRef): string {
  return `${s.file}:${s.line}:${s.column}`;
}

/** "ingress rule 1": rules are counted from 1 in every report (ruleIndex is 0-based). */
export function ruleName(r: Pick<RuleRef, "direction" | "ruleIndex">): string {
  return `${r.direction} rule ${r.ruleIndex + 1}`;
}

/** "production/api-ingress ingress rule 1 (policies/environments/production.yaml:12:5)" */
export function formatRule(r: RuleRef): string {
  return `${r.namespace}/${r.policy} ${ruleName(r)}${r.source ? ` (${formatSource(r.source)})` : ""}`;
}

export function formatPolicy(p: PolicyRef): string {
  return `${p.namespace}/${p.name}`;
}

/**
 * One direction: `subject` is the pod the direction is judged at, `peer` the other side.
 * e.g. "ingress at production/api-1 allowed by production/api-ingress ingress rule 1 (…)".
 */
export function explainDirection(
  d: DirectionVerdict,
  subject: string,
  peer: string,
  portText: string,
): string {
  const where = d.direction === "ingress" ? `ingress at ${subject}` : `egress at ${subject}`;
  switch (d.outcome) {
    case "external":
      return `${d.direction} not enforced (${subject} is outside the cluster)`;
    case "not-isolated":
      return `${where} not isolated (no NetworkPolicy selects it for ${d.direction})`;
    case "allowed":
      return `${where} allowed by ${d.allowedBy.map(formatRule).join(" and ")}`;
    case "denied": {
      const rules =
        d.direction === "ingress" ? `no ingress rule allows ${peer}` : `no egress rule allows ${peer}`;
      return `${where} isolated by ${d.isolatedBy.map(formatPolicy).join(", ")}; ${rules} on ${portText}`;
    }
  }
}

/** "allowed: egress at … ; ingress at …" or "blocked: ingress at … isolated by …". */
export function explainVerdict(v: Verdict): string {
  const portText = `${v.port}/${v.protocol}`;
  const egress = explainDirection(v.egress, v.from, v.to, portText);
  const ingress = explainDirection(v.ingress, v.to, v.from, portText);
  let text: string;
  if (v.allowed) text = `allowed: ${egress}; ${ingress}`;
  else {
    // Lead with the direction(s) that denied.
    const denied = [v.egress, v.ingress].filter((d) => !d.allowed);
    const parts = denied.map((d) => (d === v.egress ? egress : ingress));
    const other = v.egress.allowed ? egress : v.ingress.allowed ? ingress : undefined;
    text = `blocked: ${parts.join("; ")}${other ? ` (${other})` : ""}`;
  }
  if (v.notes.length > 0) text += ` [${v.notes.join("; ")}]`;
  return text;
}
