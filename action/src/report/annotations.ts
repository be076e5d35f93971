/**
 * Workflow annotations from intent errors and lint findings.
 *
 * GitHub shows at most 10 error and 10 warning annotations per step (and 50 per job);
 * the rest are dropped silently. So the most important ones are chosen here: errors
 * before warnings, intent errors before lint findings, then in file order; at most
 * `limit` of each type are emitted, followed by one notice saying how many were left out.
 */
import type { IntentError, SourceRef } from "../intent/model.js";
import type { LintFinding } from "../semantics/contracts.js";

/** Where annotations go: `@actions/core`'s error/warning/notice in the Action, an array in tests. */
export interface AnnotationSink {
  error(message: string, props: AnnotationProps): void;
  warning(message: string, props: AnnotationProps): void;
  notice(message: string): void;
}

export interface AnnotationProps {
  title: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

/** GitHub's per-step cap for each annotation type. */
export const ANNOTATIONS_PER_TYPE = 10;

export interface Annotation {
  level: "error" | "warning";
  message: string;
  title: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

export interface AnnotationPlan {
  annotations: Annotation[];
  /** How many of each level were left out, and the notice saying so (absent when none). */
  omitted: { error: number; warning: number };
  notice?: string;
}

interface Candidate {
  annotation: Annotation;
  /** 0 for intent errors, 1 for lint findings. */
  origin: number;
  source?: SourceRef;
  seq: number;
}

/**
 * Chooses the annotations to emit. `intentErrors` are always errors; lint findings keep
 * their severity. Findings without a source position come after those with one.
 */
export function planAnnotations(
  intentErrors: readonly IntentError[],
  lint: readonly LintFinding[],
  limit = ANNOTATIONS_PER_TYPE,
): AnnotationPlan {
  const candidates: Candidate[] = [];
  let seq = 0;
  for (const e of intentErrors) {
    const source = { file: e.file, line: e.line, column: e.column };
    candidates.push({
      annotation: {
        level: "error",
        title: "Invalid intent",
        message: e.hint ? `${e.message} (${e.hint})` : e.message,
        ...position(source),
      },
      origin: 0,
      source,
      seq: seq++,
    });
  }
  for (const f of lint) {
    const title = f.environment ? `${f.environment}: ${f.code}` : f.code;
    const candidate: Candidate = {
      annotation: { level: f.severity, title, message: f.message, ...position(f.source) },
      origin: 1,
      seq: seq++,
    };
    if (f.source) candidate.source = f.source;
    candidates.push(candidate);
  }
  candidates.sort(compareCandidates);

  const annotations: Annotation[] = [];
  const omitted = { error: 0, warning: 0 };
  const shown = { error: 0, warning: 0 };
  const seen = new Set<string>();
  for (const { annotation } of candidates) {
    // The same finding reported for several environments at one place is one annotation.
    const key = JSON.stringify([
      annotation.level,
      annotation.file,
      annotation.startLine,
      annotation.startColumn,
      annotation.message,
    ]);
    if (seen.has(key)) continue;
    seen.add(key);
    if (shown[annotation.level] < limit) {
      shown[annotation.level]++;
      annotations.push(annotation);
    } else {
      omitted[annotation.level]++;
    }
  }
  const plan: AnnotationPlan = { annotations, omitted };
  const parts: string[] = [];
  if (omitted.error > 0) parts.push(`${omitted.error} more ${omitted.error === 1 ? "error" : "errors"}`);
  if (omitted.warning > 0)
    parts.push(`${omitted.warning} more ${omitted.warning === 1 ? "warning" : "warnings"}`);
  if (parts.length > 0) plan.notice = `${parts.join(" and ")} — see the job summary`;
  return plan;
}

/** Emits a plan: errors first, then warnings, then the notice. */
export function emitAnnotations(plan: AnnotationPlan, sink: AnnotationSink): void {
  for (const a of plan.annotations) {
    const props: AnnotationProps = { title: a.title };
    if (a.file !== undefined) props.file = a.file;
    if (a.startLine !== undefined) props.startLine = a.startLine;
    if (a.startColumn !== undefined) props.startColumn = a.startColumn;
    if (a.level === "error") sink.error(a.message, props);
    else sink.warning(a.message, props);
  }
  if (plan.notice) sink.notice(plan.notice);
}

function position(source: SourceRef | undefined): Pick<Annotation, "file" | "startLine" | "startColumn"> {
  if (!source) return {};
  return { file: source.file, startLine: source.line, startColumn: source.column };
}

function compareCandidates(a: Candidate, b: Candidate): number {
  const level = (c: Candidate) => (c.annotation.level === "error" ? 0 : 1);
  if (level(a) !== level(b)) return level(a) - level(b);
  if (a.origin !== b.origin) return a.origin - b.origin;
  if (a.source && !b.source) return -1;
  if (!a.source && b.source) return 1;
  if (a.source && b.source) {
    if (a.source.file !== b.source.file) return a.source.file < b.source.file ? -1 : 1;
    if (a.source.line !== b.source.line) return a.source.line - b.source.line;
    if (a.source.column !== b.source.column) return a.source.column - b.source.column;
  }
  return a.seq - b.seq;
}
