import { isAbsolute, relative, resolve, sep } from "node:path";
import { Option, type Command } from "commander";
import { addOutputOption } from "../options.js";
import { EXIT_INVALID, EXIT_OK, UsageError, type CliContext } from "../context.js";
import { CNI_PROFILES, isCniProfileName, type CniProfileName } from "../../cni/profiles.js";
import { formatInputError } from "../../manifests/input-error.js";
import { parseKubeObjects, type KubeObjects } from "../../manifests/parse.js";
import { compileEnvironment, CompileError } from "../../compile/index.js";
import { discoverIntent, RefusedFlowError, type WorkloadInfo } from "../../flows/discover.js";
import { checkDiscovery } from "../../flows/discover-check.js";
import { renderDiscoverJson, renderDiscoverText } from "../../flows/discover-report.js";
import { writerProposal } from "../../flows/discover-write.js";
import { FLOW_FORMATS, type FlowFormat } from "../../flows/read.js";
import { formatTime } from "../../flows/render.js";
import { plural } from "../../text/plural.js";
import { parseEnvironments } from "../../intent/load.js";
import { writeIntent } from "../../intent/write/index.js";
import { visible } from "../../text/escape.js";
import { InputMissing, readInputs } from "./analyze.js";
import { readFlows } from "./gap.js";

interface DiscoverOptions {
  env: string;
  flows: string[];
  cluster?: string;
  cni?: string;
  policiesDir: string;
  templates: boolean;
  dryRun?: boolean;
  flowsFormat: FlowFormat | "auto";
  output: "text" | "json";
}

const EXAMPLES = `
Proposes intent for the traffic observed (flow files as gap reads them: plain, Hubble,
Goldmane, Calico Enterprise), through the same writer as import:
  - a service per workload, its labels the workload's selector (from --cluster; never
    pod-template-hash), its ports the ones traffic reached;
  - a flow per observed connection between them, commented with its connections and when it
    was first and last seen; templates where they fit;
  - DNS and kubelet health checks counted as the built-ins they are, never written as flows;
  - outside addresses grouped into /24 (IPv4) and /64 (IPv6) networks, each commented with the
    addresses seen, to narrow.
A flow naming a kube-* namespace (other than DNS) is refused: opening one is a person's call.
Writing into an existing environment adds only what is new, as whole lines, and never changes
a line already there.

Then the semantics engine checks it: every observed flow that went through is allowed by the
compiled environment (else nothing is written, exit 1), and the report says what else it
opens.

Examples:
  $ kubectl get ns,pods,deployments,statefulsets,daemonsets,replicasets -A -o yaml > cluster.yaml
  $ netpol-rollout discover --env production --flows flows/*.jsonl --cluster cluster.yaml --cni calico
  $ netpol-rollout discover --env staging --flows hubble/events.log --cluster cluster.yaml --dry-run

Exit codes: 0 written (or would be, --dry-run) and checked, 1 invalid input (file:line), a
refused flow, or an observed flow the proposal would block, 2 usage error.
`;

export function register(program: Command, ctx: CliContext): void {
  const command = program
    .command("discover")
    .description(
      "Propose intent from observed traffic: services from workloads, flows with counts, checked by the semantics engine.",
    )
    .requiredOption("--env <name>", "the environment to write (new, or one to add to)")
    .requiredOption(
      "--flows <files...>",
      "flow files (JSON lines: plain, Hubble, Goldmane, Calico Enterprise)",
    )
    .option(
      "--cluster <file>",
      "a cluster dump (kubectl get ns,pods,deployments,statefulsets,daemonsets,replicasets -A -o yaml): services take their workloads' selectors",
    )
    .addOption(
      new Option("--cni <profile>", "CNI profile (needed for a new environment)").choices(
        Object.keys(CNI_PROFILES),
      ),
    )
    .option("--policies-dir <dir>", "policies directory, relative to the current directory", "policies")
    .option("--no-templates", "write services and flows out, even where a template fits")
    .addOption(
      new Option("--flows-format <format>", "the flow files' format")
        .choices(["auto", ...FLOW_FORMATS])
        .default("auto"),
    )
    .option("--dry-run", "write nothing; print what would be written");
  addOutputOption(command, ["text", "json"], "text")
    .addHelpText("after", EXAMPLES)
    .action(async (options: DiscoverOptions) => {
      ctx.exitCode = await runDiscover(options, ctx);
    });
}

async function runDiscover(options: DiscoverOptions, ctx: CliContext): Promise<number> {
  const { io, adapters } = ctx;
  if (options.cni !== undefined && !isCniProfileName(options.cni))
    throw new UsageError(`unknown CNI profile '${options.cni}'`);
  const fail = (message: string): number => {
    io.stderr(`${message.split("\n").map(visible).join("\n")}\nnetpol-rollout discover: nothing written\n`);
    return EXIT_INVALID;
  };

  let cluster: KubeObjects | undefined;
  if (options.cluster !== undefined) {
    try {
      cluster = parseKubeObjects(await readInputs(ctx, options.cluster, "--cluster"), { workloads: true });
    } catch (error) {
      if (!(error instanceof InputMissing)) throw error;
      return fail(error.message);
    }
    if (cluster.errors.length > 0) return fail(cluster.errors.map(formatInputError).join("\n"));
  }

  const root = resolve(io.cwd);
  const base = resolve(root, options.policiesDir);
  const intentFiles = await adapters.readIntentFiles(root, base);
  const refused = intentFiles.filter((f) => f.problem !== undefined);
  if (refused.length > 0) return fail(refused.map((f) => `${f.path}: ${f.problem ?? ""}`).join("\n"));
  const rel = (abs: string): string => relative(root, abs).split(sep).join("/");
  const files = intentFiles.map((f) => ({ path: isAbsolute(f.path) ? rel(f.path) : f.path, text: f.text }));
  const policiesDir = rel(base);
  const existing = parseEnvironments(files, { policiesDir }).environments.find(
    (e) => e.name === options.env,
  )?.intent;
  const cni = existing?.cni ?? (options.cni as CniProfileName | undefined);
  if (cni === undefined)
    throw new UsageError(
      `environment ${options.env} is new: say its CNI with --cni (${Object.keys(CNI_PROFILES).join(", ")})`,
    );

  const summary = await readFlows(ctx, options.flows, options.flowsFormat, "discover");
  if (!summary) return EXIT_INVALID;

  let discovery;
  try {
    discovery = discoverIntent(summary, {
      workloads: cluster ? workloadsOf(cluster) : [],
      dns: existing?.dns ?? { namespace: "kube-system", podLabels: { "k8s-app": "kube-dns" } },
      excludedNamespaces: existing?.excludedNamespaces ?? [],
    });
  } catch (error) {
    if (!(error instanceof RefusedFlowError)) throw error;
    return fail(
      [
        `netpol-rollout discover: ${error.message}:`,
        ...error.flows.slice(0, 20).map((f) => `  ${f.from.label} -> ${f.to.label}:${f.port}/${f.protocol}`),
        ...(error.flows.length > 20 ? [`  and ${error.flows.length - 20} more`] : []),
      ].join("\n"),
    );
  }

  const written = writeIntent(
    writerProposal(discovery, {
      environment: options.env,
      cni,
      source: `${plural(summary.records, "record")}${summary.firstSeen !== undefined && summary.lastSeen !== undefined ? `, ${formatTime(summary.firstSeen)} to ${formatTime(summary.lastSeen)}` : ""}`,
    }),
    {
      files,
      policiesDir,
      templates: options.templates,
      // Editors find the schema in the package when the repository does not hold one.
      ...((await adapters.pathKind(resolve(base, "schema.json"))) !== "missing"
        ? {}
        : { schema: "../../node_modules/netpol-rollout/policies/schema.json" }),
    },
  );
  if (!written.ok) return fail(written.errors.join("\n"));
  // Only the files whose text changes are written (and listed).
  const before = new Map(files.map((f) => [f.path, f.text]));
  const changed = { ...written, files: written.files.filter((f) => before.get(f.path) !== f.text) };
  let bundle;
  try {
    bundle = compileEnvironment(written.environment);
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    return fail(`netpol-rollout discover: ${error.message}`);
  }
  const check = checkDiscovery(written.environment, bundle, summary, discovery);
  const dryRun = options.dryRun === true || check.blocked.length > 0;
  if (!dryRun) {
    for (const f of changed.files) await adapters.replaceFile(resolve(root, f.path), f.text);
  }
  const report = {
    discovery,
    written: changed,
    check,
    summary,
    dryRun: options.dryRun === true,
    now: Date.now(),
  };
  io.stdout(options.output === "json" ? renderDiscoverJson(report) : renderDiscoverText(report));
  if (check.blocked.length > 0) {
    io.stderr(
      `netpol-rollout discover: the proposal would block ${check.blocked.length} observed flow${check.blocked.length === 1 ? "" : "s"}; nothing written\n`,
    );
    return EXIT_INVALID;
  }
  return EXIT_OK;
}

/**
 * The dump's workloads whose selector has matchLabels (one with matchExpressions only selects
 * no service); a Deployment before the ReplicaSets it owns, whose selectors add pod-template-hash.
 */
function workloadsOf(cluster: KubeObjects): WorkloadInfo[] {
  const owned = (w: { kind: string }) => (w.kind === "ReplicaSet" ? 1 : 0);
  return [...cluster.workloads]
    .sort((a, b) => owned(a) - owned(b))
    .flatMap((w) => {
      const selector = w.spec.selector.matchLabels ?? {};
      if (Object.keys(selector).length === 0) return [];
      return [{ namespace: w.metadata.namespace, kind: w.kind, name: w.metadata.name, selector }];
    });
}
