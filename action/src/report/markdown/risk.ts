/**
 * The changes to look at first, as markdown: risky flow changes with their reason, and
 * default-deny added or removed; counted for the overview and the headline.
 */
import { code, escapeMarkdown } from "../../text/escape.js";
import { plural } from "../../text/plural.js";
import { sortChanges, type RiskKind, type RiskyChange, type SortedChanges } from "../risk.js";
import type { EnvironmentPreview } from "../types.js";
import { table, type Detail } from "./detail.js";
import { CHANGE_MARK, flowCell, ruleCell, whyCell } from "./flows.js";
import { observedRisk, observedSection } from "./observed.js";

const RISK_LABEL: Record<RiskKind, string> = {
  "new-exposure": "⚠️ new exposure",
  "last-caller-closed": "⚠️ last caller closed",
  "differs-across-environments": "⚠️ environments differ",
};

const RISK_COUNT: Record<RiskKind, (n: number) => string> = {
  "new-exposure": (n) => plural(n, "new exposure", "new exposures"),
  "last-caller-closed": (n) => plural(n, "last caller closed", "last callers closed"),
  "differs-across-environments": (n) =>
    plural(n, "difference between environments", "differences between environments"),
};

/** The risky changes of every environment, sorted once per rendering. */
export function sortedOf(env: EnvironmentPreview, detail: Detail): SortedChanges {
  return sortChanges(env, detail.drift?.get(env.name));
}

/** "2 new exposure, 1 last caller closed, default-deny removed"; "" when nothing is risky. */
export function riskSummary(env: EnvironmentPreview, sorted: SortedChanges): string {
  const counts = new Map<RiskKind, number>();
  for (const r of sorted.risky) counts.set(r.risk, (counts.get(r.risk) ?? 0) + 1);
  const parts = [...counts].map(([kind, n]) => RISK_COUNT[kind](n));
  // Real traffic this change would cut comes first.
  const observed = observedRisk(env.observed);
  if (observed) parts.unshift(observed);
  if (env.defaultDeny?.removed.length) parts.push("default-deny removed");
  if (env.defaultDeny?.added.length) parts.push("default-deny added");
  return parts.join(", ");
}

export function riskCount(env: EnvironmentPreview, sorted: SortedChanges): number {
  return (
    (env.observed?.blocked.length ?? 0) +
    sorted.risky.length +
    (env.defaultDeny?.added.length ?? 0) +
    (env.defaultDeny?.removed.length ?? 0)
  );
}

/**
 * "**⚠️ Look at these first**": real traffic this change would block, default-deny changes,
 * then the risky flow changes; nothing when none.
 */
export function lookFirstLines(env: EnvironmentPreview, sorted: SortedChanges, detail: Detail): string[] {
  const risks = defaultDenyLines(env);
  const observed = env.observed !== undefined && env.observed.blocked.length > 0 ? env.observed : undefined;
  if (!observed && sorted.risky.length === 0 && risks.length === 0) return [];
  const lines = ["", "**⚠️ Look at these first**"];
  // Traffic in use that this change would cut ranks before any change on paper.
  if (observed) lines.push("", ...observedSection(observed, detail.maxRows));
  if (risks.length > 0) lines.push("", ...risks);
  if (sorted.risky.length > 0) {
    lines.push(
      "",
      ...table(
        ["risk", "change", "flow", "rule", "why"],
        riskRows(sorted.risky, detail),
        detail,
        "risky changes",
      ),
    );
  }
  return lines;
}

function riskRows(risky: RiskyChange[], detail: Detail): string[][] {
  return risky.map(({ change, risk, reason }) => [
    `${RISK_LABEL[risk]}: ${escapeMarkdown(reason)}`,
    CHANGE_MARK[change.change],
    flowCell(change),
    ruleCell(change, detail),
    whyCell(change, detail),
  ]);
}

function defaultDenyLines(env: EnvironmentPreview): string[] {
  const lines: string[] = [];
  const names = (list: string[]): string => list.map(code).join(", ");
  const removed = env.defaultDeny?.removed ?? [];
  const added = env.defaultDeny?.added ?? [];
  if (removed.length > 0) {
    lines.push(
      `- ⚠️ **default-deny removed** from ${names(removed)}: its pods accept and send any traffic no other policy restricts.`,
    );
  }
  if (added.length > 0) {
    lines.push(
      `- ⚠️ **default-deny added** to ${names(added)}: what is not declared is cut (it is applied last, after the allows).`,
    );
  }
  return lines;
}
