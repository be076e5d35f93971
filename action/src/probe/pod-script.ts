/**
 * What a probe pod runs, and how its log is read back. Pure.
 *
 * The contract with the image (any image that honours it will do; the default agnhost
 * e2e image does): `/bin/sh` (POSIX), `sleep`, `printf`, `/agnhost connect HOST:PORT
 * --timeout=Ns --protocol=tcp|udp|sctp` (exit 0 when connected; on failure "TIMEOUT",
 * "REFUSED", "DNS" or "OTHER" on stderr, as upstream's NetworkPolicy tests read it), and
 * `dig` (exit 0 when the server answered, whatever the answer; 9 when it did not).
 *
 * The script runs every check of the pod concurrently, once per iteration, for ever (the
 * pod's activeDeadlineSeconds ends it): an iteration starts with a marker line, then each
 * check writes exactly one JSON line to stdout, the container log, read without `exec`:
 *
 *   {"i":1,"start":true}
 *   {"i":1,"check":"declared/shop/web->api:8080/TCP","result":"connected","exit":0}
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
  /** An IP for connects; for DNS the server, or "" for the pod's resolv.conf nameserver. */
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

/** Quotes a word for POSIX sh. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

const SAFE_HOST = /^[0-9A-Za-z.:_[\]-]*$/;

/**
 * The `sh -c` script of one probe pod. Check ids are JSON-encoded once here, so the log
 * lines are valid JSON whatever the id holds.
 */
export function probeScript(checks: readonly ScriptCheck[], timeoutSeconds: number): string {
  const t = Math.max(1, Math.round(timeoutSeconds));
  const lines = checks.map((c) => {
    if (!SAFE_HOST.test(c.host) || (c.name !== undefined && !SAFE_HOST.test(c.name))) {
      throw new Error(
        `probe check ${c.id}: host or name "${c.host} ${c.name ?? ""}" is not an address or DNS name`,
      );
    }
    const args = [shellQuote(JSON.stringify(c.id)), c.mode, shellQuote(c.host), String(c.port)];
    if (c.name !== undefined) args.push(shellQuote(c.name));
    return `  probe ${args.join(" ")} &`;
  });
  return [
    `T=${t}`,
    "probe() {",
    '  case "$2" in',
    "  dns-*)",
    '    if [ "$2" = dns-tcp ]; then m=+tcp; else m=+notcp; fi',
    '    if [ -n "$3" ]; then o=$(dig $m +time=$T +tries=1 -p "$4" @"$3" "$5" 2>&1); else o=$(dig $m +time=$T +tries=1 -p "$4" "$5" 2>&1); fi',
    "    c=$?",
    "    case $c in 0) r=answered ;; 9) r=timeout ;; *) r=other ;; esac ;;",
    "  *)",
    '    o=$(/agnhost connect "$3:$4" --timeout=${T}s --protocol="$2" 2>&1)',
    "    c=$?",
    "    if [ $c -eq 0 ]; then r=connected; else",
    '      case "$o" in *TIMEOUT*) r=timeout ;; *REFUSED*) r=refused ;; *DNS*) r=dns ;; *) r=other ;; esac',
    "    fi ;;",
    "  esac",
    `  printf '{"i":%s,"check":%s,"result":"%s","exit":%s}\\n' "$i" "$1" "$r" "$c"`,
    "}",
    "i=0",
    "while :; do",
    "  i=$((i+1))",
    `  printf '{"i":%s,"start":true}\\n' "$i"`,
    "  sleep $T &",
    ...lines,
    "  wait",
    "done",
    "",
  ].join("\n");
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

/** Reads a probe pod's log; lines that are not result lines (a runtime's noise) are skipped. */
export function parseProbeLog(log: string): ParsedLog {
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
    if (typeof o.check !== "string" || !RESULTS.has(o.result as ScriptResult)) continue;
    let m = results.get(o.i);
    if (!m) results.set(o.i, (m = new Map()));
    m.set(o.check, {
      iteration: o.i,
      check: o.check,
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
      return { outcome: "allowed", detail: "refused" };
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
