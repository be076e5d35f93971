import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CHECK_ARGUMENT_PATTERN,
  outcomeOf,
  parseProbeLog,
  PROBE_COMMAND,
  PROBE_SCRIPT,
  probeArguments,
  type ScriptCheck,
} from "../../action/src/probe/pod-script.js";
import { parseArguments } from "../fakes/probe-dataplane.js";

/** Stand-ins for the image's agnhost and dig, answering by address as a dataplane would. */
function stubs(): string {
  const dir = mkdtempSync(join(tmpdir(), "probe-bin-"));
  writeFileSync(
    join(dir, "agnhost"),
    [
      "#!/bin/sh",
      'case "$2" in',
      "  10.0.0.1:*) exit 0 ;;",
      "  10.0.0.2:*) echo 'REFUSED: connection refused' >&2; exit 1 ;;",
      "  10.0.0.3:*) sleep 1; echo 'TIMEOUT' >&2; exit 1 ;;",
      "  *) echo 'OTHER: no route' >&2; exit 1 ;;",
      "esac",
      "",
    ].join("\n"),
  );
  writeFileSync(
    join(dir, "dig"),
    ["#!/bin/sh", 'case "$*" in *@10.96.0.10*) exit 0 ;; *) exit 9 ;; esac', ""].join("\n"),
  );
  chmodSync(join(dir, "agnhost"), 0o755);
  chmodSync(join(dir, "dig"), 0o755);
  return dir;
}

/**
 * Runs the probe command with `args` for `ms` and returns its stdout; the process group is
 * stopped by its PID. The stub agnhost stands where the image has it.
 */
function run(args: string[], dir: string, ms: number): Promise<string> {
  const [sh, c, script, name] = PROBE_COMMAND as [string, string, string, string];
  return new Promise((resolve, reject) => {
    const child = spawn(sh, [c, script.replaceAll("/agnhost", join(dir, "agnhost")), name, ...args], {
      env: { PATH: `${dir}:/usr/bin:/bin` },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", () => resolve(out));
    setTimeout(() => process.kill(-(child.pid as number), "SIGKILL"), ms);
  });
}

const CHECKS: ScriptCheck[] = [
  { id: "declared/shop/web->api:8080/TCP", mode: "tcp", host: "10.0.0.1", port: 8080 },
  { id: `an id with 'quotes', "double" and \\ backslash`, mode: "tcp", host: "10.0.0.2", port: 81 },
  { id: "negative/timeout", mode: "tcp", host: "10.0.0.3", port: 82 },
  { id: "odd", mode: "udp", host: "10.0.0.4", port: 83 },
  {
    id: "dns/udp",
    mode: "dns-udp",
    host: "10.96.0.10",
    port: 53,
    name: "kubernetes.default.svc.cluster.local",
  },
  {
    id: "dns/tcp-no-answer",
    mode: "dns-tcp",
    host: "10.96.0.99",
    port: 53,
    name: "kubernetes.default.svc.cluster.local",
  },
];

const IDS = CHECKS.map((c) => c.id);

describe("the probe pod's script", () => {
  it("runs every check concurrently each iteration and writes one JSON line per check", async () => {
    const log = await run(probeArguments(CHECKS, 1), stubs(), 2600);
    const parsed = parseProbeLog(log, IDS);
    expect(parsed.started.slice(0, 2)).toEqual([1, 2]);
    for (const iteration of [1, 2]) {
      const results = parsed.results.get(iteration);
      expect(new Map([...(results ?? new Map()).entries()].map(([k, v]) => [k, v.result]))).toEqual(
        new Map([
          ["declared/shop/web->api:8080/TCP", "connected"],
          [`an id with 'quotes', "double" and \\ backslash`, "refused"],
          ["negative/timeout", "timeout"],
          ["odd", "other"],
          ["dns/udp", "answered"],
          ["dns/tcp-no-answer", "timeout"],
        ]),
      );
    }
    // Concurrent: a 1 s timeout check does not delay the others of its iteration, and an
    // iteration lasts about one timeout, so two finished within 2.6 s.
    expect(log.split("\n").filter((l) => l.startsWith('{"i":1,"check"')).length).toBe(CHECKS.length);
  });

  it("maps results to typed outcomes, a DNS timeout being a DNS failure", () => {
    const line = (result: "connected" | "refused" | "timeout" | "answered" | "other") => ({
      iteration: 1,
      check: "c",
      result,
      exit: 0,
    });
    expect(outcomeOf(line("connected"), false)).toEqual({ outcome: "allowed", detail: "connected" });
    expect(outcomeOf(line("refused"), false)).toEqual({ outcome: "refused" });
    expect(outcomeOf(line("timeout"), false)).toEqual({ outcome: "blocked", detail: "timeout" });
    expect(outcomeOf(line("timeout"), true).outcome).toBe("dns-failure");
    expect(outcomeOf(line("answered"), true)).toEqual({ outcome: "allowed", detail: "connected" });
    expect(outcomeOf(line("other"), false)).toMatchObject({
      outcome: "cannot-check",
      evidence: "probe-error",
    });
  });

  it("takes only arguments of the fixed patterns: nothing can be read as code or as an option", () => {
    expect(() => probeArguments([{ id: "x", mode: "tcp", host: "1.2.3.4;reboot", port: 1 }], 3)).toThrow(
      /is not MODE,ADDRESS,PORT/,
    );
    const hostile: ScriptCheck[] = [
      { id: "a", mode: "tcp", host: "$(reboot)", port: 1 },
      { id: "b", mode: "tcp", host: "-h", port: 1 },
      { id: "c", mode: "dns-udp", host: "", port: 53, name: "+short" },
      { id: "d", mode: "dns-udp", host: "", port: 53, name: "a b" },
      { id: "e", mode: "dns-tcp", host: "10.0.0.1,x", port: 53, name: "x" },
      { id: "f", mode: "udp", host: "", port: 53 },
    ];
    for (const c of hostile) expect(() => probeArguments([c], 3), c.id).toThrow(/is not/);
    const pattern = new RegExp(CHECK_ARGUMENT_PATTERN);
    for (const arg of probeArguments(CHECKS, 3).slice(1)) expect(arg).toMatch(pattern);
    expect(probeArguments([{ id: "v6", mode: "tcp", host: "[fd00::1]", port: 80 }], 3)).toEqual([
      "3",
      "tcp,[fd00::1],80",
    ]);
  });

  it("is one constant program: a pod's checks change its arguments, never its command", () => {
    expect(PROBE_COMMAND).toEqual(["/bin/sh", "-c", PROBE_SCRIPT, "netpol-probe"]);
    expect(PROBE_SCRIPT).not.toMatch(/10\.0\.0\.1/);
  });

  it("is read back by the simulated dataplane exactly as written", () => {
    const parsed = parseArguments({ command: [...PROBE_COMMAND], args: probeArguments(CHECKS, 3) });
    expect(parsed?.timeoutSeconds).toBe(3);
    expect(parsed?.checks.map((c) => c.n)).toEqual(CHECKS.map((_, i) => i + 1));
    expect(parsed?.checks[4]).toMatchObject({
      mode: "dns-udp",
      host: "10.96.0.10",
      port: 53,
      name: "kubernetes.default.svc.cluster.local",
    });
  });

  it("ignores log lines that are not result lines", () => {
    const parsed = parseProbeLog(
      'noise\n{"i":1,"start":true}\n{"broken\n{"i":1,"check":1,"result":"weird"}\n{"i":1,"check":2,"result":"timeout","exit":1}\n{"i":1,"check":9,"result":"connected","exit":0}\n{"i":1,"check":"a","result":"connected","exit":0}\n',
      ["a", "b"],
    );
    expect(parsed.started).toEqual([1]);
    expect([...(parsed.results.get(1)?.keys() ?? [])]).toEqual(["b"]);
  });
});
