/**
 * The result lines probe pods write to their log (one JSON line per check, see pod.ts) and
 * what each means as an outcome.
 */
import type { ObservedOutcome } from "./types.js";

export interface ResultLine {
  id: string;
  outcome: ObservedOutcome;
}

/** Parses one log line; undefined for anything that is not a probe result line. */
export function parseResultLine(line: string): ResultLine | undefined {
  const text = line.trim();
  if (!text.startsWith("{")) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null) return undefined;
  const { netpolProbe, id, result, detail } = data as Record<string, unknown>;
  if (netpolProbe !== 1 || typeof id !== "string" || typeof result !== "string") return undefined;
  const message = typeof detail === "string" ? detail : "";
  return { id, outcome: outcomeOf(result, message) };
}

function outcomeOf(result: string, detail: string): ObservedOutcome {
  switch (result) {
    case "connected":
    case "dns-answered":
      return { outcome: "allowed", detail: "connected" };
    case "refused":
      return { outcome: "allowed", detail: "refused" };
    case "timeout":
      return { outcome: "blocked", detail: "timeout" };
    case "dns-timeout":
      return { outcome: "dns-failure", message: "DNS query timed out" };
    case "dns-error":
      return { outcome: "dns-failure", message: "the name did not resolve" };
    case "no-address":
      return { outcome: "cannot-check", evidence: "no-result-line", message: "the check had no address" };
    default:
      return {
        outcome: "cannot-check",
        evidence: "probe-error",
        message: detail !== "" ? detail : `probe reported '${result}'`,
      };
  }
}
