/**
 * The preview's section on observed traffic: "Real traffic this change would block", folded,
 * first among the changes to look at, saying how old the data is. Pure string builder.
 */
import type { ObservedPreview } from "../../flows/observed-preview.js";
import { formatDuration, formatTime } from "../../flows/render.js";
import { code, escapeMarkdown } from "../../text/escape.js";
import { plural } from "../../text/plural.js";

/** "10 records from 1 file, 2026-01-05 10:00:00 UTC to 10:09:00 UTC; the newest record is 3 h old" */
export function observedData(o: ObservedPreview): string {
  let text = `${plural(o.records, "record")} from ${plural(o.files, "file")}`;
  if (o.oldest !== undefined && o.newest !== undefined)
    text += `, ${formatTime(o.oldest)} to ${formatTime(o.newest)}; the newest record is ${formatDuration(o.at - o.newest)} old`;
  else text += "; no traffic in them";
  if (o.lost > 0) text += `; the source lost ${plural(o.lost, "event")}, so counts are lower bounds`;
  return text;
}

/** The age of the data in a few words: "data 3 h old". */
export function observedAge(o: ObservedPreview): string {
  return o.newest === undefined ? "no data in the window" : `data ${formatDuration(o.at - o.newest)} old`;
}

/** One line for the top table's "look first" column, or "" when nothing observed is blocked. */
export function observedRisk(o: ObservedPreview | undefined): string {
  if (!o || o.blocked.length === 0) return "";
  return `${plural(o.blocked.length, "observed flow")} blocked`;
}

/** The section's lines; `maxRows` rows at most, the rest counted. */
export function observedSection(o: ObservedPreview, maxRows: number): string[] {
  if (o.blocked.length === 0) {
    return [`Real traffic: this change blocks none of it (${escapeMarkdown(observedData(o))}).`];
  }
  const connections = o.blocked.reduce((n, b) => n + b.connections, 0);
  const lines = [
    `<details><summary>⚠️ Real traffic this change would block: ${plural(o.blocked.length, "flow")}, ${plural(connections, "connection")} (${escapeMarkdown(observedAge(o))})</summary>`,
    "",
    `Observed: ${escapeMarkdown(observedData(o))}.`,
    "",
    "| flow | connections | last seen | blocked by | to open it |",
    "| --- | ---: | --- | --- | --- |",
  ];
  for (const b of o.blocked.slice(0, maxRows)) {
    const flow = `${b.from} → ${b.to}:${b.port}/${b.protocol}`;
    lines.push(
      `| ${code(flow)} | ${b.connections} | ${escapeMarkdown(formatTime(b.lastSeen))} | ${b.blockedBy.map(escapeMarkdown).join("<br>")} | ${b.suggestion ? code(b.suggestion) : "—"} |`,
    );
  }
  if (o.blocked.length > maxRows)
    lines.push(
      "",
      `…and ${plural(o.blocked.length - maxRows, "more flow")}: \`netpol-rollout gap\` lists them all.`,
    );
  if (o.alreadyBlocked > 0)
    lines.push(
      "",
      `${plural(o.alreadyBlocked, "more observed flow")} ${o.alreadyBlocked === 1 ? "is" : "are"} blocked by the base intent already.`,
    );
  lines.push(
    "",
    o.detail === "services"
      ? "<sub>Sides as the intent names them, with counts: pod names and addresses are not shown here (`netpol-rollout gap --show-pods` shows them where you run it).</sub>"
      : "<sub>Sides as the intent names them; outside addresses as observed.</sub>",
    "",
    "</details>",
  );
  return lines;
}
