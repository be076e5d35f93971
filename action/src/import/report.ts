/**
 * What `netpol-rollout import` prints: what became of each policy (flows, the namespace's
 * default-deny or DNS rule, a hand-written policy and why, left in the cluster and why), the
 * files written, and the proof: every connection whose verdict differs, with both
 * explanations. Pure string builders.
 */
import { plural } from "../text/plural.js";
import { visible } from "../text/escape.js";
import type { ImportResult } from "./index.js";

type Done = Extract<ImportResult, { ok: true }>;

export function renderImportText(result: Done, dryRun: boolean): string {
  const lines: string[] = [];
  const { plan, proof, environment } = result;
  const at = (o: { source?: { file: string; line: number } }): string =>
    o.source ? ` (${o.source.file}:${o.source.line})` : "";
  lines.push(
    `import ${environment.name} (cni ${environment.cni}): ${plural(plan.outcomes.length, "policy", "policies")}`,
  );
  const groups: [string, typeof plan.outcomes][] = [
    ["replaced by flows", plan.outcomes.filter((o) => o.fate.kind === "flows")],
    ["replaced by the namespace's default-deny", plan.outcomes.filter((o) => o.fate.kind === "default-deny")],
    ["replaced by the built-in DNS rule", plan.outcomes.filter((o) => o.fate.kind === "dns")],
    [
      "kept as hand-written policies (the intent has no words for them)",
      plan.outcomes.filter((o) => o.fate.kind === "hand-written"),
    ],
    ["left in the cluster, not imported", plan.outcomes.filter((o) => o.fate.kind === "kept")],
  ];
  for (const [title, list] of groups) {
    if (list.length === 0) continue;
    lines.push("", `${title} (${list.length}):`);
    for (const { original, fate } of list) {
      const head = `  ${original.label}${at(original)}`;
      if (fate.kind === "flows")
        lines.push(`${head} → ${fate.flows.join(", ") || "nothing (its flows are declared already)"}`);
      else if (fate.kind === "hand-written" || fate.kind === "kept") lines.push(`${head}: ${fate.reason}`);
      else lines.push(head);
    }
  }
  lines.push("");
  if (result.files.length === 0) lines.push("nothing to write: the intent has all of it already");
  else lines.push(dryRun ? "would write (--dry-run):" : "wrote:");
  for (const f of result.files) lines.push(`  ${f.path}${f.created ? " (new)" : ""}`);
  const w = result.write;
  if (w.added.length > 0) lines.push(`  added: ${tally(w.added)}`);
  if (w.present.length > 0) lines.push(`  already in the intent: ${tally(w.present)}`);
  for (const r of w.renamed) lines.push(`  renamed: ${r}`);
  for (const s of w.skipped) lines.push(`  not written: ${s.item}: ${s.reason}`);

  lines.push("");
  const scope = `${plural(proof.pods, "pod")} (${proof.standIns} stand-in${proof.standIns === 1 ? "" : "s"} for selectors), ${plural(proof.compared, "connection")} compared`;
  if (proof.differences.length === 0) {
    lines.push(`proven: the compiled import allows exactly what the cluster's policies allow, on ${scope}`);
  } else {
    lines.push(`NOT exact: ${plural(proof.differences.length, "connection")} differ, on ${scope}:`);
    for (const d of proof.differences) {
      lines.push(
        `  ${d.change === "opened" ? "opened" : "closed"}: ${d.from} -> ${d.to} ${d.port}/${d.protocol}${d.standIn ? " (stand-in pods)" : ""}`,
        `      cluster: ${d.before}`,
        `      import:  ${d.after}`,
      );
    }
  }
  return `${lines.map(visible).join("\n")}\n`;
}

/** "3 services, 4 flows": the report's items by their first word. */
function tally(items: string[]): string {
  const counts = new Map<string, number>();
  for (const item of items) {
    const kind = item.startsWith("replaces:") ? "replaces" : (item.split(" ")[0] ?? "");
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const names: Record<string, [string, string]> = {
    namespace: ["namespace", "namespaces"],
    service: ["service", "services"],
    flow: ["flow", "flows"],
    policy: ["hand-written policy", "hand-written policies"],
    template: ["template include", "template includes"],
    replaces: ["replaces key", "replaces keys"],
  };
  return [...counts].map(([k, n]) => plural(n, names[k]?.[0] ?? k, names[k]?.[1] ?? `${k}s`)).join(", ");
}

export function renderImportJson(result: Done, dryRun: boolean): string {
  const { plan, proof, environment } = result;
  return `${JSON.stringify(
    {
      environment: environment.name,
      cni: environment.cni,
      dryRun,
      policies: plan.outcomes.map(({ original, fate }) => ({
        object: original.label,
        ...(original.source ? { source: `${original.source.file}:${original.source.line}` } : {}),
        fate: fate.kind,
        ...(fate.kind === "flows" ? { flows: fate.flows } : {}),
        ...(fate.kind === "hand-written" || fate.kind === "kept" ? { reason: fate.reason } : {}),
      })),
      files: result.files.map((f) => ({ path: f.path, created: f.created })),
      write: result.write,
      proof: {
        exact: proof.differences.length === 0,
        pods: proof.pods,
        standIns: proof.standIns,
        compared: proof.compared,
        differences: proof.differences,
      },
    },
    null,
    2,
  )}\n`;
}
