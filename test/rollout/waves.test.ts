import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../action/src/cli/run.js";
import { formatIntentError, parseIntent, type EnvironmentIntent } from "../../action/src/intent/index.js";
import { clusterWaves } from "../../action/src/rollout/waves.js";
import { expectGolden } from "../helpers/golden.js";

const HEAD = "promotion: 1\ncni: calico\n";

function env(text: string): EnvironmentIntent {
  const r = parseIntent([{ path: "policies/environments/production.yaml", text: HEAD + text }]);
  if (!r.ok) throw new Error(r.errors.map(formatIntentError).join("\n"));
  return r.intent.environments[0]!;
}

const names = (e: EnvironmentIntent): string[][] =>
  clusterWaves(e).waves.map((w) => w.include.map((c) => c.cluster));

describe("cluster waves", () => {
  it("put the canaries first, then the others in listed order, waveSize at a time", () => {
    const e = env(`clusters:
  - { name: eu-2, context: eu-2 }
  - { name: eu-1, context: eu-1, canary: true }
  - { name: us-1, context: us-1 }
  - { name: us-2, context: us-2 }
  - { name: ap-1, context: ap-1, canary: true }
  - { name: ap-2, context: ap-2 }
  - { name: sa-1, context: sa-1 }
waveSize: 2
`);
    expect(names(e)).toEqual([["eu-1", "ap-1"], ["eu-2", "us-1"], ["us-2", "ap-2"], ["sa-1"]]);
    expect(clusterWaves(e).waves.map((w) => w.include.map((c) => c.wave))).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4],
    ]);
  });

  it("without waveSize deploy every other cluster in one wave after the canaries", () => {
    const e = env(`clusters:
  - { name: a, context: a, canary: true }
  - { name: b, context: b }
  - { name: c, context: c }
`);
    expect(names(e)).toEqual([["a"], ["b", "c"]]);
  });

  it("make one wave of one unnamed cluster for an environment without clusters", () => {
    expect(clusterWaves(env(""))).toEqual({
      environment: "production",
      waves: [
        {
          include: [
            {
              environment: "production",
              cluster: "",
              wave: 1,
              canary: false,
              kubeconfigSecret: "",
              context: "",
            },
          ],
        },
      ],
    });
  });

  it("give every entry the same keys, empty where the intent says nothing", () => {
    const e = env(`clusters:
  - { name: a, kubeconfigSecret: KUBE_A, canary: true }
  - { name: b, context: b }
`);
    for (const wave of clusterWaves(e).waves)
      for (const c of wave.include)
        expect(Object.keys(c).sort()).toEqual([
          "canary",
          "cluster",
          "context",
          "environment",
          "kubeconfigSecret",
          "wave",
        ]);
    expect(clusterWaves(e).waves[1]!.include[0]).toMatchObject({ kubeconfigSecret: "", context: "b" });
  });
});

describe("netpol-rollout matrix", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(args: string[], text: string) {
    dir = mkdtempSync(join(tmpdir(), "matrix-"));
    mkdirSync(join(dir, "policies/environments"), { recursive: true });
    writeFileSync(join(dir, "policies/environments/production.yaml"), HEAD + text);
    let stdout = "";
    let stderr = "";
    const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir });
    return { code, stdout, stderr };
  }

  const FLEET = `clusters:
  - { name: eu-1, kubeconfigSecret: KUBECONFIG_EU_1, canary: true }
  - { name: eu-2, kubeconfigSecret: KUBECONFIG_EU_2, context: eu-2-admin }
  - { name: us-1, kubeconfigSecret: KUBECONFIG_US_1 }
waveSize: 1
`;

  it("prints the waves as one line of JSON, the same every time", async () => {
    const first = await cli(["matrix", "--env", "production"], FLEET);
    expect(first.code).toBe(0);
    expect(first.stdout.split("\n")).toHaveLength(2);
    expectGolden("test/rollout/golden/matrix.json", first.stdout);
    expect((await cli(["matrix", "--env", "production"], FLEET)).stdout).toBe(first.stdout);
  });

  it("prints one wave as a matrix with --wave, and refuses a wave that does not exist", async () => {
    const second = await cli(["matrix", "--env", "production", "--wave", "2"], FLEET);
    expect(JSON.parse(second.stdout)).toEqual({
      include: [
        {
          environment: "production",
          cluster: "eu-2",
          wave: 2,
          canary: false,
          kubeconfigSecret: "KUBECONFIG_EU_2",
          context: "eu-2-admin",
        },
      ],
    });
    const none = await cli(["matrix", "--env", "production", "--wave", "4"], FLEET);
    expect(none).toMatchObject({ code: 2, stdout: "" });
    expect(none.stderr).toContain("production has 3 waves; there is no wave 4");
    expect((await cli(["matrix", "--env", "production", "--wave", "0"], FLEET)).code).toBe(2);
  });

  it("prints no matrix from an invalid intent, and names unknown environments", async () => {
    const bad = await cli(["matrix", "--env", "production"], "clusters:\n  - { name: a }\n");
    expect(bad).toMatchObject({ code: 1, stdout: "" });
    expect(bad.stderr).toContain(
      "policies/environments/production.yaml:4:5: cluster 'a' says nowhere how to reach it",
    );
    const unknown = await cli(["matrix", "--env", "prod"], FLEET);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown environment 'prod'");
  });
});
