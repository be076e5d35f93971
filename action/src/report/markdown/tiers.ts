/**
 * Degrading in tiers: render at each level of detail in turn and keep the first that fits
 * the budget; when even the shortest does not, cut it and say so.
 */
import { cutUtf16 } from "../../text/escape.js";

export type RenderTier = "full" | "reduced" | "summary";

export interface Attempt {
  tier: RenderTier;
  render: () => string;
}

export function firstFitting(
  attempts: Attempt[],
  fits: (s: string) => boolean,
  notice: string,
): { body: string; tier: RenderTier } {
  let last = "";
  for (const attempt of attempts) {
    last = attempt.render();
    if (fits(last)) return { body: last, tier: attempt.tier };
  }
  return { body: withinLast(last, fits, notice), tier: "summary" as const };
}

function withinLast(text: string, fits: (s: string) => boolean, notice: string): string {
  // Last resort (thousands of environments or errors): cut, and say so.
  let budget = text.length;
  let out = text;
  while (!fits(out) && budget > 0) {
    budget = Math.floor(budget * 0.9);
    out = `${cutUtf16(text, budget)}\n\n${notice}\n`;
  }
  return out;
}
