/**
 * What a failed engine run means, as the ports' error classes: a locked stack (and who holds
 * it), a missing stack or CLI, a failed preview, a failed update naming each refused
 * resource with its intent line. Engine diagnostics become one clean line each.
 */
import type { EngineEvent } from "@pulumi/pulumi/automation/index.js";
import {
  PulumiCliMissingError,
  PulumiDeployError,
  PulumiEngineError,
  PulumiPreviewError,
  PulumiStackNotFoundError,
  StackLockedError,
} from "../ports/engine.js";
import { isRecord, resourceLabel, sourceOf } from "./pulumi-events.js";

/**
 * Classifies what the Automation API threw. `diagnostics` are the engine's error
 * diagnostics seen during the run; they explain a failure better than the raw stderr.
 * The SDK's error classes are recognised by the `name` each sets (ConcurrentUpdateError,
 * StackNotFoundError), so classifying does not load the SDK.
 */
export function classifyPulumiError(
  error: unknown,
  stack: string,
  diagnostics: readonly string[] = [],
): PulumiEngineError {
  if (error instanceof PulumiEngineError) return error;
  const name = error instanceof Error ? error.name : "";
  if (name === "ConcurrentUpdateError") {
    const holder = lockHolder(error);
    return new StackLockedError(
      `stack ${stack} is locked by another update${holder ? ` (${holder})` : ""}; re-run the job when it has finished`,
    );
  }
  if (name === "StackNotFoundError") return new PulumiStackNotFoundError(`stack ${stack} was not found`);
  if (isEnoent(error)) return new PulumiCliMissingError("the pulumi CLI could not be started (not found)");
  const summary = diagnostics.length > 0 ? diagnostics.join("; ") : stderrSummary(error);
  return new PulumiPreviewError(`pulumi preview of stack ${stack} failed: ${summary}`);
}

/**
 * Who holds a self-managed backend's lock, as the CLI names it ("…/<id>.json: created by
 * ci@runner-1 (pid 4242) at 2026-11-26T13:41:19Z"): "ci@runner-1, pid 4242, since …".
 * Undefined for Pulumi Cloud, whose 409 does not say.
 */
function lockHolder(error: unknown): string | undefined {
  const result = commandResultOf(error);
  const text = String(result ? (result.stderr ?? "") : error instanceof Error ? error.message : "");
  const m = /created by (\S+) \(pid (\d+)\) at (\S+)/.exec(text);
  return m ? `${m[1]}, pid ${m[2]}, since ${m[3]}` : undefined;
}

function isEnoent(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (code === "ENOENT") return true;
  const inner = commandResultOf(error)?.err;
  return typeof inner === "object" && inner !== null && (inner as { code?: unknown }).code === "ENOENT";
}

/**
 * The CLI run behind the SDK's CommandError (and its subclasses): the SDK keeps it in a
 * field its typings mark private. Undefined for any other error.
 */
function commandResultOf(error: unknown): { stderr?: unknown; err?: unknown } | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const result = (error as { commandResult?: unknown }).commandResult;
  return typeof result === "object" && result !== null
    ? (result as { stderr?: unknown; err?: unknown })
    : undefined;
}

/** The useful lines of a CommandError's stderr ("error: …"), else its first line, at most 500 characters. */
export function stderrSummary(error: unknown): string {
  const result = commandResultOf(error);
  const stderr = result ? (result.stderr ?? "") : error instanceof Error ? error.message : String(error);
  const lines = String(stderr)
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const errors = lines.filter((l) => /^error:/i.test(l));
  const text = (errors.length > 0 ? errors : lines.slice(0, 1)).join("; ") || "unknown error";
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}

/**
 * What a failed `pulumi up` means. A locked stack and a missing CLI keep their types; any
 * other failure becomes a PulumiDeployError whose message leads with each refused
 * resource, its intent line (`file:line`, from the resource's `netpol-rollout.io/source`
 * annotation in the engine events) and the engine's reason.
 */
export function classifyDeployError(
  error: unknown,
  stack: string,
  events: readonly EngineEvent[],
): PulumiEngineError {
  const classified = classifyPulumiError(error, stack, []);
  if (classified instanceof StackLockedError || classified instanceof PulumiCliMissingError)
    return classified;
  if (classified instanceof PulumiStackNotFoundError) return classified;
  const inputsByUrn = new Map<string, Record<string, unknown>>();
  for (const event of events) {
    const metadata = event.resourcePreEvent?.metadata ?? event.resOpFailedEvent?.metadata;
    const inputs = metadata?.new?.inputs ?? metadata?.old?.inputs;
    if (metadata && isRecord(inputs)) inputsByUrn.set(metadata.urn, inputs);
  }
  const failedUrns = new Set(
    events.flatMap((e) => (e.resOpFailedEvent ? [e.resOpFailedEvent.metadata.urn] : [])),
  );
  const messages: string[] = [];
  const sources: string[] = [];
  const described = new Set<string>();
  for (const event of events) {
    const d = event.diagnosticEvent;
    if (!d || d.severity !== "error" || d.ephemeral) continue;
    const text = oneLine(d.message);
    if (d.urn && inputsByUrn.has(d.urn) && !d.urn.includes("::pulumi:pulumi:Stack::")) {
      const inputs = inputsByUrn.get(d.urn) ?? {};
      const source = sourceOf(inputs);
      if (source) sources.push(source);
      described.add(d.urn);
      // The provider's message repeats the URN ("resource \"urn:…\" was not successfully created …").
      const reason = text.replace(/^resource "urn:[^"]*" /, "");
      const label = `${resourceLabel(inputs, d.urn)}${source ? ` (${source})` : ""}`;
      messages.push(reason === text ? `${label}: ${text}` : `${label} ${reason}`);
    } else {
      messages.push(text);
    }
  }
  // A failed resource without its own diagnostic is still named.
  for (const urn of failedUrns) {
    if (described.has(urn)) continue;
    const inputs = inputsByUrn.get(urn) ?? {};
    const source = sourceOf(inputs);
    if (source) sources.push(source);
    messages.unshift(`${resourceLabel(inputs, urn)}${source ? ` (${source})` : ""} failed`);
  }
  const summary = messages.length > 0 ? messages.join("; ") : stderrSummary(error);
  return new PulumiDeployError(`pulumi up of stack ${stack} failed: ${summary}`, [...new Set(sources)]);
}

/** ANSI colour sequences (ESC [ … m). */
const ANSI_SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

export function oneLine(message: string): string {
  // Engine diagnostics carry ANSI colour codes unless color is "never", trailing newlines,
  // and for a program's exception its JavaScript stack frames ("    at …"): dropped.
  const text = message
    .replace(ANSI_SGR, "")
    .split("\n")
    .filter((line) => !/^\s+at /.test(line))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > 1000 ? `${text.slice(0, 997)}...` : text;
}
