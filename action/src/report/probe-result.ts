/**
 * The result of a probe run for people: per check expected, observed and classification,
 * wrong cells first, and for every wrong cell a command to paste that reproduces it with
 * the same pod manifest (one check), owned by a ConfigMap so no controller adopts it and
 * never Ready so it joins no Service. Pure string builders.
 */
import jsyaml from "js-yaml";
import type {
  CheckResult,
  Classification,
  ObservedOutcome,
  ProbeCheck,
  ProbeRunResult,
} from "../probe/types.js";
import { isDnsTarget, isIpTarget } from "../probe/types.js";
import { CHECKS_ANNOTATION, PROBE_COMMAND, probeArguments, scriptCheck } from "../probe/pod-script.js";
import { terminalSafe } from "./text.js";
import { code, escapeMarkdown } from "../text/escape.js";

/** Order of a report: what is wrong first. */
const ORDER: Classification[] = [
  "deviation",
  "surprise",
  "inconclusive",
  "intended-change",
  "as-expected",
  "not-checked",
];

/** Cells a person must look at. */
export function isWrong(c: Classification): boolean {
  return c === "deviation" || c === "surprise" || c === "inconclusive";
}

export function sortedResults(result: ProbeRunResult): CheckResult[] {
  return [...result.results].sort(
    (a, b) => ORDER.indexOf(a.classification) - ORDER.indexOf(b.classification),
  );
}

export function observedText(o: ObservedOutcome, reading?: string): string {
  switch (o.outcome) {
    case "allowed":
      return "allowed (connected)";
    case "refused":
      return reading ?? "refused";
    case "blocked":
      return "blocked (timeout)";
    case "dns-failure":
      return `DNS failure (${o.message})`;
    case "cannot-check":
      return `cannot-check (${o.evidence}: ${o.message})`;
  }
}

export function sourceText(check: ProbeCheck): string {
  const labels = Object.entries(check.from.labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
  return `${check.from.namespace}/{${labels}}`;
}

export function targetText(check: ProbeCheck): string {
  const t = check.to;
  if (isDnsTarget(t)) return `DNS ${t.dns}${t.server ? ` @${t.server}` : ""}`;
  if (isIpTarget(t)) return t.cidr ? `${t.ip} (${t.cidr})` : t.ip;
  return `${t.namespace}/${t.pod}${t.address ? ` (${t.address})` : ""}`;
}

/** A pod manifest as the live prober created it (or as planned). */
export interface ReproManifest {
  metadata: {
    name: string;
    namespace: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec: Record<string, unknown>;
}

/**
 * A shell command that re-creates the check's probe pod with this one check, owned by a
 * ConfigMap created first (deleting it deletes the pod), then follows its log.
 */
export function reproduceCommand(
  check: ProbeCheck,
  manifest: ReproManifest,
  timeoutSeconds: number,
): string | undefined {
  const one = scriptCheck(check);
  if (!one) return undefined;
  const { namespace } = manifest.metadata;
  const name = `${manifest.metadata.name.slice(0, 50).replace(/[-.]+$/, "")}-repro`;
  const spec = structuredClone(manifest.spec);
  for (const c of (spec.containers ?? []) as { command?: string[]; args?: string[] }[]) {
    if (c.command?.join("\0") === PROBE_COMMAND.join("\0")) c.args = probeArguments([one], timeoutSeconds);
  }
  const labels = { ...(manifest.metadata.labels ?? {}) };
  const annotations = {
    ...(manifest.metadata.annotations ?? {}),
    [CHECKS_ANNOTATION]: JSON.stringify([one.id]),
  };
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace,
      labels,
      annotations,
      ownerReferences: [
        { apiVersion: "v1", kind: "ConfigMap", name, uid: "__OWNER_UID__", controller: true },
      ],
    },
    spec,
  };
  // An unquoted here-document expands $(...) and ${...}: escape the manifest's own.
  const yaml = jsyaml
    .dump(pod, { lineWidth: -1, noRefs: true })
    .replace(/[\\$`]/g, (c) => `\\${c}`)
    .replace("__OWNER_UID__", "${OWNER_UID}");
  const ns = shellWord(namespace);
  return [
    `OWNER_UID=$(kubectl -n ${ns} create configmap ${shellWord(name)} -o jsonpath='{.metadata.uid}')`,
    "kubectl create -f - <<EOF",
    yaml.trimEnd(),
    "EOF",
    `kubectl -n ${ns} logs -f ${shellWord(name)}   # one JSON line per iteration; Ctrl-C to stop`,
    `kubectl -n ${ns} delete configmap ${shellWord(name)}   # deletes the pod too`,
  ].join("\n");
}

function shellWord(s: string): string {
  return /^[A-Za-z0-9._-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export interface ProbeReportOptions {
  /** The pod manifests the run created, by plan pod name. */
  manifests: Map<string, ReproManifest>;
  timeoutSeconds: number;
}

function reproOf(r: CheckResult, options: ProbeReportOptions): string | undefined {
  if (!isWrong(r.classification) || !r.check.from.pod) return undefined;
  if (r.observed.outcome === "cannot-check" && r.observed.evidence === "planned") return undefined;
  const manifest = options.manifests.get(r.check.from.pod);
  return manifest ? reproduceCommand(r.check, manifest, options.timeoutSeconds) : undefined;
}

export function probeHeadline(result: ProbeRunResult): string {
  const c = result.counts;
  return (
    `probe ${result.environment}: ${c.passed} passed, ${c.failed} failed, ${c.inconclusive} inconclusive` +
    `${c.notChecked > 0 ? `, ${c.notChecked} not checked` : ""} (${result.rounds} round${result.rounds === 1 ? "" : "s"})`
  );
}

export function renderProbeText(result: ProbeRunResult, options: ProbeReportOptions): string {
  const lines = [terminalSafe(probeHeadline(result))];
  for (const w of result.warnings) lines.push(`warning: ${terminalSafe(w)}`);
  for (const n of result.coverage) lines.push(`coverage: ${terminalSafe(n)}`);
  let section: string | undefined;
  for (const r of sortedResults(result)) {
    const s = isWrong(r.classification) ? "wrong" : "as expected or intended";
    if (s !== section) {
      lines.push("", s === "wrong" ? "WRONG" : "OK");
      section = s;
    }
    const c = r.check;
    lines.push(
      terminalSafe(
        `  ${r.classification.padEnd(15)} ${c.kind.padEnd(8)} ${sourceText(c)} -> ${targetText(c)}:${c.port}/${c.protocol}` +
          `  expected ${c.expect}${c.expectBefore !== c.expect ? ` (before: ${c.expectBefore})` : ""}, observed ${observedText(r.observed, r.reading)}` +
          (c.because ? `  [${c.because}]` : ""),
      ),
    );
    const repro = reproOf(r, options);
    if (repro) lines.push("    reproduce:", ...repro.split("\n").map((l) => `      ${l}`));
  }
  return lines.join("\n") + "\n";
}

export function renderProbeMarkdown(result: ProbeRunResult, options: ProbeReportOptions): string {
  const out = [`### ${escapeMarkdown(probeHeadline(result))}`, ""];
  for (const w of result.warnings) out.push(`> [!WARNING]\n> ${escapeMarkdown(w)}`, "");
  for (const n of result.coverage) out.push(`> ${escapeMarkdown(n)}`, "");
  out.push(
    "| classification | check | from | to | expected | observed |",
    "| --- | --- | --- | --- | --- | --- |",
  );
  for (const r of sortedResults(result)) {
    const c = r.check;
    out.push(
      `| ${isWrong(r.classification) ? "**" + r.classification + "**" : r.classification} | ${code(c.id)} | ${escapeMarkdown(sourceText(c))} | ` +
        `${escapeMarkdown(`${targetText(c)}:${c.port}/${c.protocol}`)} | ${c.expect} | ${escapeMarkdown(observedText(r.observed, r.reading))} |`,
    );
  }
  const repros = sortedResults(result)
    .map((r) => ({ r, repro: reproOf(r, options) }))
    .filter((x) => x.repro !== undefined);
  if (repros.length > 0) {
    out.push("", "<details><summary>Reproduce the wrong cells</summary>", "");
    for (const { r, repro } of repros)
      out.push(`${code(r.check.id)}`, "", "```sh", repro as string, "```", "");
    out.push("</details>");
  }
  return out.join("\n") + "\n";
}

export function renderProbeJson(result: ProbeRunResult, options: ProbeReportOptions): string {
  return (
    JSON.stringify(
      {
        environment: result.environment,
        counts: result.counts,
        rounds: result.rounds,
        warnings: result.warnings,
        coverage: result.coverage,
        ...(result.timing ? { timing: result.timing } : {}),
        results: sortedResults(result).map((r) => {
          const repro = reproOf(r, options);
          return {
            ...r.check,
            observed: r.observed,
            classification: r.classification,
            attempts: r.attempts,
            ...(repro ? { reproduce: repro } : {}),
          };
        }),
      },
      null,
      2,
    ) + "\n"
  );
}

/** 0 all as expected, 1 a deviation or a surprise (also when inconclusive too), 3 inconclusive. */
export function probeExitCode(result: ProbeRunResult): 0 | 1 | 3 {
  if (result.counts.failed > 0) return 1;
  if (result.counts.inconclusive > 0) return 3;
  return 0;
}
