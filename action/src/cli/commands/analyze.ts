import { visible } from "../../text/escape.js";
import { Option, type Command } from "commander";
import { addOutputOption } from "../options.js";
import { EXIT_INVALID, EXIT_OK, UsageError, type CliContext, type CliIo } from "../context.js";
import { CNI_PROFILES, isCniProfileName } from "../../cni/profiles.js";
import { formatInputError, type InputError } from "../../manifests/input-error.js";
import {
  parseExpectations,
  parseKubeObjects,
  parseProbes,
  type ExpectedVerdict,
  type InputFile,
  type ProbeInput,
} from "../../manifests/parse.js";
import { buildModel, type Model } from "../../semantics/model.js";
import { evaluate, EndpointError, type Verdict } from "../../semantics/evaluate.js";
import { reachabilityMatrix, type Matrix } from "../../semantics/matrix.js";
import {
  renderAnalysisJson,
  renderAnalysisMarkdown,
  renderAnalysisText,
  renderMatrixMarkdown,
  renderMatrixText,
} from "../../semantics/render.js";
import type { Protocol } from "../../k8s/types.js";
import { explainVerdict } from "../../semantics/explain.js";

export type OutputFormat = "text" | "json" | "markdown";

interface AnalyzeOptions {
  cluster: string;
  policies: string;
  probes?: string;
  expect?: string;
  failOnBlocked?: boolean;
  cni: string;
  output: OutputFormat;
  matrix: "auto" | "pods" | "groups";
}

/** Above this many pods, matrices are drawn over groups (pods every policy treats alike). */
const POD_MATRIX_LIMIT = 40;
/** Without --probes, JSON lists every pod pair; past this many results it asks for probes. */
const MAX_DEFAULT_RESULTS = 1_000_000;

const EXAMPLES = `
Inputs:
  --cluster   Namespaces and Pods as \`kubectl get ns,pods -A -o yaml\` prints them (a List, or
              multi-document YAML/JSON). Pod IPs come from status.podIP(s); namespaces get
              kubernetes.io/metadata.name when it is missing.
  --policies  NetworkPolicy objects: a YAML/JSON file, or a directory of them (searched
              recursively). Other kinds are skipped with a note.
  --probes    {"probes": [{"from": "ns/pod", "to": "ns/pod" or an IP, "port": 80, "protocol": "TCP"}]}
              Without it: every pod pair on every container port of the destination.
  --expect    A YAML (or JSON) list of connections with the verdict they must have:
                - { from: production/frontend-7d9f8-abcde, to: production/api-5c6b7-fghij, port: 8080, expect: allowed }
                - { from: tools/debug, to: production/database-0, port: 5432, expect: blocked }
              protocol defaults to TCP. Judged like --probes (both may be given).

Examples:
  $ kubectl get ns,pods -A -o yaml > cluster.yaml
  $ netpol-rollout render --env production > policies.yaml
  $ netpol-rollout analyze --cluster cluster.yaml --policies policies.yaml --cni cilium
      reachability matrices, one per port and protocol
  $ netpol-rollout analyze --cluster cluster.yaml --policies policies.yaml --probes probes.json --format json
      one verdict per probe, with the rule that allowed it or the isolation that denied it
  $ netpol-rollout analyze --cluster cluster.yaml --policies policies.yaml --expect expect.yaml
      a CI gate: exit 1, listing each connection whose verdict is not the expected one
  $ netpol-rollout analyze --cluster cluster.yaml --policies policies.yaml --probes probes.json --fail-on-blocked
      a CI gate: exit 1 when any of the probes is blocked

Exit codes: 0 analyzed (and every expected verdict holds), 1 invalid input (errors as
file:line:col) or a verdict other than expected, 2 usage error.
`;

export function register(program: Command, ctx: CliContext): void {
  const command = program
    .command("analyze")
    .description(
      "Judge connections between pods (and outside addresses) against NetworkPolicies, with the reason for each verdict.",
    )
    .requiredOption(
      "--cluster <file>",
      "namespaces and pods (YAML or JSON, e.g. kubectl get ns,pods -A -o yaml)",
    )
    .requiredOption("--policies <path>", "NetworkPolicy YAML/JSON: a file or a directory")
    .option(
      "--probes <file>",
      "JSON list of connections to judge (default: every pod pair on its container ports)",
    )
    .option(
      "--expect <file>",
      "YAML list of connections with the verdict each must have (allowed|blocked); exit 1 when one differs",
    )
    .option("--fail-on-blocked", "exit 1 when any connection of --probes is blocked")
    .addOption(
      new Option("--cni <profile>", "CNI profile: how ipBlock, endPort and SCTP behave")
        .choices(Object.keys(CNI_PROFILES))
        .default("generic"),
    );
  addOutputOption(command, ["text", "json", "markdown"], "text")
    .addOption(
      new Option("--matrix <level>", "matrix rows without --probes: pods, groups, or auto (pods up to 40)")
        .choices(["auto", "pods", "groups"])
        .default("auto"),
    )
    .addHelpText("after", EXAMPLES)
    .action(async (options: AnalyzeOptions) => {
      ctx.exitCode = await analyze(options, ctx);
    });
}

/**
 * Reads a file, or every *.yaml/*.yml/*.json under a directory (sorted), under the reading
 * rules: no link leaving the working directory (the repository, as for every command but
 * preview), regular files only, sizes bounded. A file that breaks a rule fails the command,
 * naming the file.
 */
export async function readInputs(ctx: CliContext, path: string, what: string): Promise<InputFile[]> {
  const tree = await ctx.adapters.readInputFiles(path);
  if (!tree.exists) throw new InputMissing(`${what} ${path}: no such file or directory`);
  const refused = tree.files.filter((f) => f.problem !== undefined);
  if (refused.length > 0) {
    throw new InputMissing(refused.map((f) => visible(`${what} ${f.path}: ${f.problem ?? ""}`)).join("\n"));
  }
  if (tree.files.length === 0) {
    throw new InputMissing(`${what} ${path}: no .yaml, .yml or .json files in the directory`);
  }
  return tree.files;
}

/** A named input that does not exist: reported like an invalid input (exit 1). */
export class InputMissing extends Error {
  override name = "InputMissing";
}

function printErrors(io: CliIo, errors: InputError[], what: string): number {
  for (const e of errors) io.stderr(`${formatInputError(e)}\n`);
  io.stderr(`${errors.length} error${errors.length === 1 ? "" : "s"} in ${what}; nothing analyzed\n`);
  return EXIT_INVALID;
}

function skippedNote(io: CliIo, skipped: { kind: string }[], where: string): void {
  if (skipped.length === 0) return;
  const counts = new Map<string, number>();
  for (const s of skipped) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  const list = [...counts].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join(", ");
  io.stderr(
    `note: skipped ${skipped.length} object${skipped.length === 1 ? "" : "s"} of other kinds in ${where} (${list})\n`,
  );
}

async function analyze(options: AnalyzeOptions, ctx: CliContext): Promise<number> {
  const { io } = ctx;
  if (!isCniProfileName(options.cni)) throw new UsageError(`unknown CNI profile '${options.cni}'`);
  const profile = CNI_PROFILES[options.cni];
  let clusterFiles: InputFile[];
  let policyFiles: InputFile[];
  let probeFiles: InputFile[] = [];
  let expectFiles: InputFile[] = [];
  if (options.failOnBlocked === true && options.probes === undefined)
    throw new UsageError("--fail-on-blocked judges the connections of --probes: give --probes FILE");
  try {
    clusterFiles = await readInputs(ctx, options.cluster, "--cluster");
    policyFiles = await readInputs(ctx, options.policies, "--policies");
    if (options.probes !== undefined) probeFiles = await readInputs(ctx, options.probes, "--probes");
    if (options.expect !== undefined) expectFiles = await readInputs(ctx, options.expect, "--expect");
  } catch (error) {
    if (!(error instanceof InputMissing)) throw error;
    io.stderr(`netpol-rollout analyze: ${error.message}\n`);
    return EXIT_INVALID;
  }

  const cluster = parseKubeObjects(clusterFiles);
  const policies = parseKubeObjects(policyFiles);
  const errors = [...cluster.errors, ...policies.errors];
  let probes: Judged[] | undefined;
  if (probeFiles[0]) {
    const parsed = parseProbes(probeFiles[0]);
    errors.push(...parsed.errors);
    // --fail-on-blocked: every probe must be allowed.
    probes = parsed.probes.map((probe) => ({
      probe,
      ...(options.failOnBlocked ? { expect: "allowed" } : {}),
    }));
  }
  if (expectFiles[0]) {
    const parsed = parseExpectations(expectFiles[0]);
    errors.push(...parsed.errors);
    probes = [...(probes ?? []), ...parsed.expectations.map((e) => ({ probe: e, expect: e.expect }))];
  }
  if (errors.length > 0) return printErrors(io, errors, "the input");

  const clusterSkipped = [
    ...cluster.skipped,
    ...cluster.policies.map(() => ({ kind: "NetworkPolicy" })),
    ...cluster.ciliumPolicies.map(() => ({ kind: "CiliumNetworkPolicy" })),
  ];
  skippedNote(io, clusterSkipped, options.cluster);
  if (cluster.policies.length > 0)
    io.stderr("note: NetworkPolicies in --cluster are ignored; pass them with --policies\n");
  const policySkipped = [
    ...policies.skipped,
    ...policies.pods.map(() => ({ kind: "Pod" })),
    ...policies.namespaces.map(() => ({ kind: "Namespace" })),
    ...policies.services.map(() => ({ kind: "Service" })),
    ...(profile.name === "cilium"
      ? []
      : policies.ciliumPolicies.map(() => ({ kind: "CiliumNetworkPolicy" }))),
  ];
  skippedNote(io, policySkipped, options.policies);

  const model = buildModel({
    pods: cluster.pods,
    namespaces: cluster.namespaces,
    policies: policies.policies,
    ...(profile.name === "cilium"
      ? { ciliumPolicies: policies.ciliumPolicies.map((policy) => ({ policy })) }
      : {}),
    profile,
  });
  for (const p of model.problems) io.stderr(`note: ${p.object}: ${p.message}\n`);

  if (probes) {
    const verdicts: Verdict[] = [];
    const probeErrors: InputError[] = [];
    for (const { probe } of probes) {
      try {
        verdicts.push(evaluate(model, probe));
      } catch (error) {
        if (!(error instanceof EndpointError)) throw error;
        probeErrors.push({ ...probe.source, message: error.message });
      }
    }
    if (probeErrors.length > 0)
      return printErrors(io, probeErrors, [options.probes, options.expect].filter(Boolean).join(" and "));
    const expected = probes.map((p) => p.expect);
    io.stdout(render(options.output, verdicts, expected));
    return gate(io, probes, verdicts);
  }
  return analyzeAll(model, options, io);
}

/** A connection to judge, and the verdict it must have when one is expected. */
interface Judged {
  probe: ProbeInput;
  expect?: ExpectedVerdict;
}

/**
 * The CI gate: every connection with an expected verdict must have it. Lists each one that
 * does not (where it was declared, what was expected, the verdict and why) on stderr.
 */
function gate(io: CliIo, judged: Judged[], verdicts: Verdict[]): number {
  const withExpectation = judged.filter((j) => j.expect !== undefined).length;
  if (withExpectation === 0) return EXIT_OK;
  const wrong: string[] = [];
  let count = 0;
  judged.forEach(({ probe, expect }, i) => {
    const verdict = verdicts[i];
    if (expect === undefined || verdict === undefined) return;
    const actual: ExpectedVerdict = verdict.allowed ? "allowed" : "blocked";
    if (actual === expect) return;
    count++;
    const where = `${probe.source.file}:${probe.source.line}:${probe.source.column}`;
    const what = `${verdict.from} -> ${verdict.to} ${verdict.port}/${verdict.protocol}`;
    const option = "expect" in probe ? "" : " (--fail-on-blocked)";
    wrong.push(`  ${visible(`${where}: ${what}: expected ${expect}, is ${actual}${option}`)}`);
    wrong.push(`      ${visible(explainVerdict(verdict))}`);
  });
  if (count === 0) {
    io.stderr(`all ${withExpectation} expected verdicts hold\n`);
    return EXIT_OK;
  }
  io.stderr(
    `netpol-rollout analyze: ${count} of ${withExpectation} connections ${count === 1 ? "does" : "do"} not have the expected verdict:\n${wrong.join("\n")}\n`,
  );
  return EXIT_INVALID;
}

function render(
  output: OutputFormat,
  verdicts: Verdict[],
  expected: (ExpectedVerdict | undefined)[],
): string {
  switch (output) {
    case "json":
      return renderAnalysisJson(verdicts, expected);
    case "markdown":
      return renderAnalysisMarkdown(verdicts, expected);
    case "text":
      return renderAnalysisText(verdicts, expected);
  }
}

/** Every pod pair on every container port of the destination. */
function analyzeAll(model: Model, options: AnalyzeOptions, io: CliIo): number {
  const ports = new Map<string, { port: number; protocol: Protocol }>();
  for (const pod of model.pods) {
    for (const cp of pod.ports) {
      const protocol = cp.protocol ?? "TCP";
      ports.set(`${cp.containerPort}/${protocol}`, { port: cp.containerPort, protocol });
    }
  }
  const portList = [...ports.values()].sort((a, b) => a.port - b.port || (a.protocol < b.protocol ? -1 : 1));
  if (options.output === "json") {
    const destPorts = model.pods.map((p) => uniquePorts(p.ports));
    const total = model.pods.length * destPorts.reduce((n, l) => n + l.length, 0);
    if (total > MAX_DEFAULT_RESULTS) {
      io.stderr(
        `netpol-rollout analyze: ${total} pod pairs and ports is too many to list; pass --probes, or use --format text for grouped matrices\n`,
      );
      return EXIT_INVALID;
    }
    const verdicts: Verdict[] = [];
    for (const src of model.pods) {
      model.pods.forEach((dst, j) => {
        for (const p of destPorts[j] ?? [])
          verdicts.push(evaluate(model, { from: src.key, to: dst.key, port: p.port, protocol: p.protocol }));
      });
    }
    io.stdout(renderAnalysisJson(verdicts));
    return EXIT_OK;
  }
  const level =
    options.matrix === "auto" ? (model.pods.length <= POD_MATRIX_LIMIT ? "pods" : "groups") : options.matrix;
  const matrices: Matrix[] = portList.map((p) =>
    reachabilityMatrix(model, p.port, p.protocol, { level, declaredOnly: true }),
  );
  const header =
    level === "groups"
      ? `${model.pods.length} pods in ${model.groups.length} groups (pods that every policy treats alike share a row), ${model.policies.length} policies, CNI profile ${model.profile.name}`
      : `${model.pods.length} pods, ${model.policies.length} policies, CNI profile ${model.profile.name}`;
  if (matrices.length === 0) {
    io.stdout(`${header}\nno pod declares a container port: pass --probes to judge specific connections\n`);
    return EXIT_OK;
  }
  const body =
    options.output === "markdown"
      ? matrices.map(renderMatrixMarkdown).join("\n")
      : matrices.map(renderMatrixText).join("\n");
  io.stdout(`${header}\n\n${body}`);
  return EXIT_OK;
}

function uniquePorts(
  ports: { containerPort: number; protocol?: Protocol }[],
): { port: number; protocol: Protocol }[] {
  const seen = new Map<string, { port: number; protocol: Protocol }>();
  for (const cp of ports) {
    const protocol = cp.protocol ?? "TCP";
    seen.set(`${cp.containerPort}/${protocol}`, { port: cp.containerPort, protocol });
  }
  return [...seen.values()];
}
