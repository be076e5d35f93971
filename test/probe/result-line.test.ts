import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseResultLine } from "../../action/src/probe/result-line.js";
import { probeScript } from "../../action/src/probe/pod.js";
import type { ProbeCheck } from "../../action/src/probe/types.js";

const check = (id: string, to: ProbeCheck["to"], protocol: ProbeCheck["protocol"] = "TCP"): ProbeCheck => ({
  id,
  kind: "declared",
  from: { namespace: "a", labels: {} },
  to,
  port: 8080,
  protocol,
  expect: "allowed",
  expectBefore: "allowed",
  changeDeclared: false,
  reason: "test",
});

describe("probe result lines", () => {
  it("map each result to its outcome", () => {
    const line = (result: string, detail = ""): unknown =>
      parseResultLine(JSON.stringify({ netpolProbe: 1, id: "c1", result, detail }))?.outcome;
    expect(line("connected")).toEqual({ outcome: "allowed", detail: "connected" });
    expect(line("refused")).toEqual({ outcome: "allowed", detail: "refused" });
    expect(line("timeout")).toEqual({ outcome: "blocked", detail: "timeout" });
    expect(line("dns-answered")).toEqual({ outcome: "allowed", detail: "connected" });
    expect(line("dns-timeout")).toMatchObject({ outcome: "dns-failure" });
    expect(line("other", "OTHER: network is unreachable")).toEqual({
      outcome: "cannot-check",
      evidence: "probe-error",
      message: "OTHER: network is unreachable",
    });
  });

  it("ignore anything else in the log", () => {
    expect(parseResultLine("I1130 starting")).toBeUndefined();
    expect(parseResultLine('{"id":"x","result":"connected"}')).toBeUndefined();
    expect(parseResultLine("{not json")).toBeUndefined();
  });

  it("come out of the pod's program, one per check, under a POSIX shell", () => {
    // Stand-ins for the image's binaries: agnhost connects to :8080 only, dig answers over UDP only.
    const script = probeScript(
      [
        check("ok", { namespace: "b", pod: "p", address: "127.0.0.1" }),
        check("v6", { ip: "::1" }),
        check("no-addr", { namespace: "b", pod: "p" }),
        check("dns-udp", { dns: "kubernetes.default", server: "10.96.0.10" }, "UDP"),
        check("dns-tcp", { dns: "kubernetes.default" }, "TCP"),
      ],
      3,
    )
      .replace(/\/agnhost connect/g, "agnhost_connect")
      .replace(/\bdig \+time/g, "fake_dig +time");
    const fakes = [
      'agnhost_connect() { case "$1" in 127.0.0.1:8080) return 0 ;; "[::1]:8080") echo TIMEOUT >&2; return 1 ;; esac; echo "OTHER: x" >&2; return 1; }',
      'fake_dig() { case "$*" in *+notcp*) echo ";; ->>HEADER<<- opcode: QUERY, status: NOERROR" ;; *) echo ";; connection timed out; no servers could be reached" ;; esac; }',
    ].join("\n");
    const out = execFileSync("/bin/sh", ["-c", `${fakes}\n${script}`], { encoding: "utf8" });
    const results = out
      .trim()
      .split("\n")
      .map((l) => parseResultLine(l))
      .filter((r) => r !== undefined);
    const byId = Object.fromEntries(results.map((r) => [r.id, r.outcome]));
    expect(Object.keys(byId).sort()).toEqual(["dns-tcp", "dns-udp", "no-addr", "ok", "v6"]);
    expect(byId["ok"]).toEqual({ outcome: "allowed", detail: "connected" });
    expect(byId["v6"]).toEqual({ outcome: "blocked", detail: "timeout" });
    expect(byId["dns-udp"]).toEqual({ outcome: "allowed", detail: "connected" });
    expect(byId["dns-tcp"]).toMatchObject({ outcome: "dns-failure" });
    expect(byId["no-addr"]).toMatchObject({ outcome: "cannot-check" });
  });
});
