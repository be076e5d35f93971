/**
 * What a probe pod runs, and how its log is read back. Pure.
 *
 * The contract with the image (any image that honours it will do; the default agnhost
 * e2e image does): `/bin/sh` (POSIX), `sleep`, `printf`, `/agnhost connect HOST:PORT
 * --timeout=Ns --protocol=tcp|udp|sctp` (exit 0 when connected; on failure "TIMEOUT",
 * "REFUSED", "DNS" or "OTHER" on stderr, as upstream's NetworkPolicy tests read it), and
 * `dig` (exit 0 when the server answered, whatever the answer; 9 when it did not).
 *
 * The program is one constant script (PROBE_COMMAND): the admission policy admits exactly
 * it. What a pod checks comes as arguments, each matching a fixed pattern the policy checks
 * too: the timeout in seconds, then one `MODE,HOST,PORT[,NAME]` per check. The script runs
 * every check of the pod concurrently, once per iteration, for ever (the pod's
 * activeDeadlineSeconds ends it): an iteration starts with a marker line, then each check
 * writes exactly one JSON line to stdout, the container log, read without `exec`. A check
 * is named by its position among the arguments (1 for the first check); the pod's
 * CHECKS_ANNOTATION lists the check ids in that order:
 *
 *   {"i":1,"start":true}
 *   {"i":1,"check":1,"result":"connected","exit":0}
 *
 * `result` is connected | refused | timeout | dns | answered | other. An iteration lasts at
 * least the timeout (a `sleep` runs beside the checks), so a pod whose checks all connect
 * does not spin; re-probes read a later iteration instead of starting new pods. Nothing is
 * written to the file system (the root file system is read-only).
 */
import type { ObservedOutcome, ProbeCheck } from "./types.js";
import { isDnsTarget, isIpTarget, isPodTarget } from "./types.js";

/** The binaries the script calls, for the README's image contract. */
export const PROBE_BINARIES = ["/bin/sh", "sleep", "printf", "/agnhost", "dig"] as const;

/** One check as the script runs it. */
export interface ScriptCheck {
  id: string;
  /** tcp/udp/sctp: an agnhost connect; dns-udp/dns-tcp: a dig query. */
  mode: "tcp" | "udp" | "sctp" | "dns-udp" | "dns-tcp";
  /** An IP for connects (an IPv6 one in brackets); for DNS the server, or "" for the pod's resolv.conf nameserver. */
  host: string;
  port: number;
  /** The name a DNS check resolves. */
  name?: string;
}

/** How a plan's check is run, or undefined when it cannot be run (a planned cannot-check). */
export function scriptCheck(check: ProbeCheck): ScriptCheck | undefined {
  if (check.expect === "cannot-check") return undefined;
  const protocol = check.protocol.toLowerCase() as "tcp" | "udp" | "sctp";
  const t = check.to;
  if (isDnsTarget(t)) {
    return {
      id: check.id,
      mode: protocol === "tcp" ? "dns-tcp" : "dns-udp",
      host: t.server ?? "",
      port: check.port,
      name: t.dns,
    };
  }
  const host = isPodTarget(t) ? t.address : isIpTarget(t) ? t.ip : undefined;
  if (!host) return undefined;
  // agnhost connect takes HOST:PORT: an IPv6 address goes in brackets.
  return { id: check.id, mode: protocol, host: host.includes(":") ? `[${host}]` : host, port: check.port };
}

/**
 * The probe container's program, the same for every pod: `sh -c SCRIPT netpol-probe ARGS…`
 * ($0 is "netpol-probe"; the arguments follow as $1…). Every expansion is quoted and no
 * argument reaches a command where it could be read as an option: hosts and names start
 * with a letter, a digit or `[` (the argument patterns below).
 */
export const PROBE_SCRIPT = [
  'T="$1"',
  "shift",
  "probe() {",
  '  a="$2"',
  '  m="${a%%,*}"; a="${a#*,}"',
  '  h="${a%%,*}"; a="${a#*,}"',
  '  p="${a%%,*}"',
  '  case "$a" in *,*) n="${a#*,}" ;; *) n= ;; esac',
  '  case "$m" in',
  "  dns-udp|dns-tcp)",
  '    if [ "$m" = dns-tcp ]; then t=+tcp; else t=+notcp; fi',
  '    if [ -n "$h" ]; then o=$(dig "$t" "+time=$T" +tries=1 -p "$p" "@$h" "$n" 2>&1); else o=$(dig "$t" "+time=$T" +tries=1 -p "$p" "$n" 2>&1); fi',
  "    c=$?",
  '    case "$c" in 0) r=answered ;; 9) r=timeout ;; *) r=other ;; esac ;;',
  "  tcp|udp|sctp)",
  '    o=$(/agnhost connect "$h:$p" "--timeout=${T}s" "--protocol=$m" 2>&1)',
  "    c=$?",
  '    if [ "$c" -eq 0 ]; then r=connected; else',
  '      case "$o" in *TIMEOUT*) r=timeout ;; *REFUSED*) r=refused ;; *DNS*) r=dns ;; *) r=other ;; esac',
  "    fi ;;",
  "  *) c=2; r=other ;;",
  "  esac",
  `  printf '{"i":%s,"check":%s,"result":"%s","exit":%s}\\n' "$i" "$1" "$r" "$c"`,
  "}",
  "i=0",
  "while :; do",
  "  i=$((i+1))",
  `  printf '{"i":%s,"start":true}\\n' "$i"`,
  '  sleep "$T" &',
  "  k=0",
  '  for a in "$@"; do',
  "    k=$((k+1))",
  '    probe "$k" "$a" &',
  "  done",
  "  wait",
  "done",
  "",
].join("\n");

/** The probe container's command; its arguments are probeArguments(). */
export const PROBE_COMMAND: readonly string[] = ["/bin/sh", "-c", PROBE_SCRIPT, "netpol-probe"];

/** The first argument: the per-check timeout in whole seconds, 1 to 99. */
export const TIMEOUT_ARGUMENT_PATTERN = "^[1-9][0-9]?$";

/**
 * Every later argument: one check. RE2 and JavaScript read it alike (the admission policy
 * checks it with CEL's matches()). A connect names an IPv4 address or a bracketed IPv6 one;
 * a DNS query names its server (IPv4, IPv6, or none: the pod's nameserver) and the name.
 */
export const CHECK_ARGUMENT_PATTERN =
  "^(?:(?:tcp|udp|sctp),[0-9A-Fa-f.:\\[\\]]{2,47},[0-9]{1,5}|dns-(?:udp|tcp),[0-9A-Fa-f.:]{0,45},[0-9]{1,5},[A-Za-z0-9][A-Za-z0-9_.-]{0,252})$";

/** The most checks one pod runs (its arguments are bounded, so admission's cost is too). */
export const MAX_CHECKS_PER_POD = 256;

const TIMEOUT_ARGUMENT = new RegExp(TIMEOUT_ARGUMENT_PATTERN);
const CHECK_ARGUMENT = new RegExp(CHECK_ARGUMENT_PATTERN);

/** One check as its argument. Throws when the host or name is not an address or DNS name. */
export function checkArgument(c: ScriptCheck): string {
  const arg = [c.mode, c.host, String(c.port), ...(c.name !== undefined ? [c.name] : [])].join(",");
  if (!CHECK_ARGUMENT.test(arg)) {
    throw new Error(
      `probe check ${c.id}: "${arg}" is not MODE,ADDRESS,PORT (a connect) or dns-udp|dns-tcp,[SERVER],PORT,NAME (a DNS query)`,
    );
  }
  return arg;
}

/** The probe container's arguments: the timeout, then one argument per check. */
export function probeArguments(checks: readonly ScriptCheck[], timeoutSeconds: number): string[] {
  const t = String(Math.min(99, Math.max(1, Math.round(timeoutSeconds))));
  if (!TIMEOUT_ARGUMENT.test(t)) throw new Error(`probe timeout ${timeoutSeconds} s is not 1 to 99 seconds`);
  if (checks.length > MAX_CHECKS_PER_POD) {
    throw new Error(
      `a probe pod runs at most ${MAX_CHECKS_PER_POD} checks; ${checks.length} were planned for one`,
    );
  }
  return [t, ...checks.map(checkArgument)];
}

export type ScriptResult = "connected" | "refused" | "timeout" | "dns" | "answered" | "other";

export interface ResultLine {
  iteration: number;
  check: string;
  result: ScriptResult;
  exit: number;
}

export interface ParsedLog {
  /** Iterations whose start marker is in the log, ascending. */
  started: number[];
  /** Per iteration, the result of each check that has written its line. */
  results: Map<number, Map<string, ResultLine>>;
}

const RESULTS = new Set<ScriptResult>(["connected", "refused", "timeout", "dns", "answered", "other"]);

/**
 * Reads a probe pod's log. `checkIds` are the pod's check ids in argument order (its
 * CHECKS_ANNOTATION): a line's check number n is `checkIds[n - 1]`. Lines that are not
 * result lines (a runtime's noise) and numbers no check has are skipped.
 */
export function parseProbeLog(log: string, checkIds: readonly string[]): ParsedLog {
  const started: number[] = [];
  const results = new Map<number, Map<string, ResultLine>>();
  for (const raw of log.split("\n")) {
    const line = raw.trim();
    if (!line.startsWith("{")) continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      continue;
    }
    const o = v as Record<string, unknown>;
    if (typeof o.i !== "number") continue;
    if (o.start === true) {
      started.push(o.i);
      continue;
    }
    const id = typeof o.check === "number" && Number.isInteger(o.check) ? checkIds[o.check - 1] : undefined;
    if (id === undefined || !RESULTS.has(o.result as ScriptResult)) continue;
    let m = results.get(o.i);
    if (!m) results.set(o.i, (m = new Map()));
    m.set(id, {
      iteration: o.i,
      check: id,
      result: o.result as ScriptResult,
      exit: Number(o.exit),
    });
  }
  return { started: started.sort((a, b) => a - b), results };
}

/** The typed outcome of one result line. */
export function outcomeOf(line: ResultLine, dns: boolean): ObservedOutcome {
  switch (line.result) {
    case "connected":
    case "answered":
      return { outcome: "allowed", detail: "connected" };
    case "refused":
      return { outcome: "refused" };
    case "timeout":
      return dns
        ? { outcome: "dns-failure", message: "the DNS server did not answer before the timeout" }
        : { outcome: "blocked", detail: "timeout" };
    case "dns":
      return {
        outcome: "cannot-check",
        evidence: "probe-error",
        message: "the probe could not resolve its target (agnhost DNS)",
      };
    case "other":
      return {
        outcome: "cannot-check",
        evidence: "probe-error",
        message: `the probe failed for a reason that is not a verdict (exit ${line.exit})`,
      };
  }
}

/** The label every object of a probe run carries; its value is the run's id. */
export const PROBE_RUN_LABEL = "netpol-rollout.io/probe-run";

/** A probe pod's check ids, a JSON array in the order of its check arguments. */
export const CHECKS_ANNOTATION = "netpol-rollout.io/checks";

/** The check ids a probe pod's manifest lists; [] when the annotation is absent or malformed. */
export function checkIdsOf(pod: { metadata: { annotations?: Record<string, string> } }): string[] {
  const text = pod.metadata.annotations?.[CHECKS_ANNOTATION];
  if (text === undefined) return [];
  try {
    const ids: unknown = JSON.parse(text);
    return Array.isArray(ids) && ids.every((id) => typeof id === "string") ? ids : [];
  } catch {
    return [];
  }
}
