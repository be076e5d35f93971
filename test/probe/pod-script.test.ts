import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  outcomeOf,
  parseProbeLog,
  probeScript,
  type ScriptCheck,
} from "../../action/src/probe/pod-script.js";
import { parseScript } from "../fakes/probe-dataplane.js";

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

/** Runs the script for `ms` and returns its stdout; the process group is stopped by its PID. */
function run(script: string, dir: string, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("/bin/sh", ["-c", script.replaceAll("/agnhost", join(dir, "agnhost"))], {
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

describe("the probe pod's script", () => {
  it("runs every check concurrently each iteration and writes one JSON line per check", async () => {
    const script = probeScript(CHECKS, 1);
    const log = await run(script, stubs(), 2600);
    const parsed = parseProbeLog(log);
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
    expect(outcomeOf(line("refused"), false)).toEqual({ outcome: "allowed", detail: "refused" });
    expect(outcomeOf(line("timeout"), false)).toEqual({ outcome: "blocked", detail: "timeout" });
    expect(outcomeOf(line("timeout"), true).outcome).toBe("dns-failure");
    expect(outcomeOf(line("answered"), true)).toEqual({ outcome: "allowed", detail: "connected" });
    expect(outcomeOf(line("other"), false)).toMatchObject({
      outcome: "cannot-check",
      evidence: "probe-error",
    });
  });

  it("refuses a host that is not an address or a DNS name (nothing reaches the shell unquoted)", () => {
    expect(() => probeScript([{ id: "x", mode: "tcp", host: "1.2.3.4;reboot", port: 1 }], 3)).toThrow(
      /not an address/,
    );
  });

  it("is read back by the simulated dataplane exactly as written", () => {
    const parsed = parseScript(probeScript(CHECKS, 3));
    expect(parsed.timeoutSeconds).toBe(3);
    expect(parsed.checks.map((c) => JSON.parse(c.idJson) as string)).toEqual(CHECKS.map((c) => c.id));
    expect(parsed.checks[4]).toMatchObject({
      mode: "dns-udp",
      host: "10.96.0.10",
      port: 53,
      name: "kubernetes.default.svc.cluster.local",
    });
  });

  it("ignores log lines that are not result lines", () => {
    const parsed = parseProbeLog(
      'noise\n{"i":1,"start":true}\n{"broken\n{"i":1,"check":"a","result":"weird"}\n{"i":1,"check":"b","result":"timeout","exit":1}\n',
    );
    expect(parsed.started).toEqual([1]);
    expect([...(parsed.results.get(1)?.keys() ?? [])]).toEqual(["b"]);
  });
});
