/** An environment's clusters in its preview section: bounded whatever their number. */
import { code } from "../../text/escape.js";
import type { ClusterPreview, ClusterVariantPreview } from "../types.js";
import type { Detail } from "./detail.js";

export function clustersLines(preview: ClusterPreview, detail: Detail): string[] {
  const n = preview.clusters.length;
  const names = preview.clusters.map((c) => (c.canary ? `${code(c.name)} (canary)` : code(c.name)));
  const lines = [
    "",
    `Reaches ${n} cluster${n === 1 ? "" : "s"}: ${capped(names, detail.maxRows)}.` +
      (preview.variants.length === 0 ? " Every cluster gets the same policies." : ""),
  ];
  const shown = preview.variants.slice(0, detail.maxRows);
  for (const variant of shown) lines.push("", variantLine(variant, detail));
  const rest = preview.variants.length - shown.length;
  if (rest > 0)
    lines.push(
      "",
      `… and ${rest} more group${rest === 1 ? "" : "s"} of clusters with policies of their own.`,
    );
  return lines;
}

function variantLine(v: ClusterVariantPreview, detail: Detail): string {
  const values = [
    ...(v.cni ? [`cni ${code(v.cni)}`] : []),
    ...(v.dnsMode ? [`DNS mode ${code(v.dnsMode)}`] : []),
    ...(v.nodeCidrs
      ? [`nodeCidrs ${v.nodeCidrs.length > 0 ? v.nodeCidrs.map(code).join(", ") : "none"}`]
      : []),
  ];
  const parts = [
    ...(v.added.length > 0 ? [`${v.added.length} more (${capped(v.added.map(code), detail.maxRows)})`] : []),
    ...(v.removed.length > 0
      ? [`${v.removed.length} fewer (${capped(v.removed.map(code), detail.maxRows)})`]
      : []),
    ...(v.changed.length > 0
      ? [`${v.changed.length} changed (${capped(v.changed.map(code), detail.maxRows)})`]
      : []),
  ];
  const clusters = capped(v.clusters.map(code), detail.maxRows);
  return `On ${clusters} (${values.join("; ")}) the policies differ from the environment's: ${parts.join(", ")}.`;
}

function capped(items: string[], max: number): string {
  const shown = items.slice(0, Math.max(max, 1));
  const rest = items.length - shown.length;
  return shown.join(", ") + (rest > 0 ? ` and ${rest} more` : "");
}
