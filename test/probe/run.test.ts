import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsyaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { runProbes } from "../../action/src/probe/run.js";
import { systemClock } from "../../action/src/adapters/clock.js";
import {
  CHECKS_ANNOTATION,
  PROBE_COMMAND,
  checkArgument,
  scriptCheck,
} from "../../action/src/probe/pod-script.js";
import type { ObservedOutcome, ProbeCheck, ProbeRequest, Prober } from "../../action/src/probe/types.js";
import {
  probeExitCode,
  renderProbeJson,
  renderProbeText,
  reproduceCommand,
} from "../../action/src/report/probe-result.js";
import { fixturePlan } from "../helpers/probe-fixture.js";

const blocked: ObservedOutcome = { outcome: "blocked", detail: "timeout" };

/** A prober that answers from a script of rounds: round n → outcome per check index. */
function scripted(
  answers: (round: number, index: number) => ObservedOutcome,
): Prober & { rounds: ProbeRequest[] } {
  const rounds: ProbeRequest[] = [];
  return {
    name: "scripted",
    rounds,
    probe(request) {
      rounds.push(request);
      const ids = request.checkIds ?? request.plan.checks.map((c) => c.id);
      const outcomes = new Map(
        ids.map(
          (id) =>
            [
              id,
              answers(
                request.round,
                request.plan.checks.findIndex((c) => c.id === id),
              ),
            ] as const,
        ),
      );
      return Promise.resolve({ outcomes, warnings: [] });
    },
    close: () => Promise.resolve(),
  };
}

const plan = () => {
  const p = fixturePlan([
    { from: { namespace: "a", labels: { app: "x" } }, to: { ip: "10.0.0.1" }, port: 80, expect: "allowed" },
    { from: { namespace: "a", labels: { app: "x" } }, to: { ip: "10.0.0.2" }, port: 80, expect: "blocked" },
  ]);
  p.reprobe = { deadlineSeconds: 5, settleSeconds: 1, failAfter: 2 };
  return p;
};

describe("the probe report", () => {
  it("lists wrong cells first, each with a reproduction, and the JSON carries it too", async () => {
    const p = plan();
    const result = await runProbes(
      scripted(() => blocked),
      { ...p, reprobe: { ...p.reprobe, settleSeconds: 0 } },
      { clock: systemClock },
    );
    const manifests = new Map(p.pods.map((pod) => [pod.metadata.name, pod]));
    const text = renderProbeText(result, { manifests, timeoutSeconds: 1 });
    const lines = text.split("\n");
    expect(lines[0]).toBe("probe test: 1 passed, 1 failed, 0 inconclusive (2 rounds)");
    expect(probeExitCode(result)).toBe(1);
    expect(lines[2]).toBe("WRONG");
    expect(lines[3]).toMatch(
      /^ {2}deviation .* a\/\{app=x\} -> 10\.0\.0\.1:80\/TCP {2}expected allowed, observed blocked \(timeout\)/,
    );
    expect(lines[4]).toBe("    reproduce:");
    expect(text.indexOf("OK")).toBeGreaterThan(text.indexOf("reproduce:"));
    const json = JSON.parse(renderProbeJson(result, { manifests, timeoutSeconds: 1 })) as {
      results: { classification: string; reproduce?: string }[];
    };
    expect(json.results.map((r) => [r.classification, r.reproduce !== undefined])).toEqual([
      ["deviation", true],
      ["as-expected", false],
    ]);
  });

  it("the reproduction pastes into a shell: a ConfigMap owner first, then the same pod with that one check", () => {
    const p = fixturePlan([
      {
        from: { namespace: "shop", labels: { app: "web" } },
        to: { namespace: "shop", pod: "api-1", address: "10.1.0.1" },
        port: 8080,
        expect: "allowed",
      },
      {
        from: { namespace: "shop", labels: { app: "web" } },
        to: { ip: "10.1.0.9" },
        port: 9,
        expect: "blocked",
      },
    ]);
    const check = p.checks[0] as ProbeCheck;
    const command = reproduceCommand(check, p.pods[0] as never, 3) as string;
    const dir = mkdtempSync(join(tmpdir(), "repro-"));
    // A kubectl stand-in: records what it is given and answers the ConfigMap's uid.
    writeFileSync(
      join(dir, "kubectl"),
      [
        "#!/bin/sh",
        `echo "$*" >> ${dir}/calls`,
        'case "$*" in *"create configmap"*) printf 5f0c-uid ;; *"create -f -"*) cat > ' +
          dir +
          "/pod.yaml ;; esac",
        "",
      ].join("\n"),
    );
    chmodSync(join(dir, "kubectl"), 0o755);
    execFileSync("/bin/sh", ["-c", command], { env: { PATH: `${dir}:/usr/bin:/bin` } });
    const pod = jsyaml.load(readFileSync(join(dir, "pod.yaml"), "utf8")) as {
      metadata: {
        name: string;
        labels: Record<string, string>;
        annotations: Record<string, string>;
        ownerReferences: { uid: string; name: string; controller: boolean }[];
      };
      spec: { containers: { command: string[]; args: string[] }[] };
    };
    expect(pod.metadata.ownerReferences).toEqual([
      { apiVersion: "v1", kind: "ConfigMap", name: "probe-0-repro", uid: "5f0c-uid", controller: true },
    ]);
    expect(pod.metadata.labels).toEqual(p.pods[0]?.metadata.labels);
    expect(pod.spec.containers[0]?.command).toEqual([...PROBE_COMMAND]);
    expect(pod.spec.containers[0]?.args).toEqual(["3", checkArgument(scriptCheck(check)!)]);
    expect(pod.metadata.annotations[CHECKS_ANNOTATION]).toBe(JSON.stringify([check.id]));
    expect(readFileSync(join(dir, "calls"), "utf8").split("\n")[0]).toBe(
      "-n shop create configmap probe-0-repro -o jsonpath={.metadata.uid}",
    );
  });
});
