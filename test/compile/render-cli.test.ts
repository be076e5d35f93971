import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync,
  existsSync,
  cpSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseAllDocuments } from "yaml";
import { run } from "../../action/src/cli/run.js";
import { compileEnvironment } from "../../action/src/compile/compile.js";
import { renderYaml } from "../../action/src/compile/bundle.js";
import { loadIntentFromDir } from "../../action/src/adapters/files/intent.js";
import { expectGolden } from "../helpers/golden.js";

// Only `render` is under test: the other commands are stubbed so that their own
// dependencies do not decide whether this file runs.
vi.mock("../../action/src/cli/commands/validate.js", () => ({ register: () => undefined }));
vi.mock("../../action/src/cli/commands/analyze.js", () => ({ register: () => undefined }));
vi.mock("../../action/src/cli/commands/diff.js", () => ({ register: () => undefined }));
vi.mock("../../action/src/cli/commands/lint.js", () => ({ register: () => undefined }));
vi.mock("../../action/src/cli/commands/preview.js", () => ({ register: () => undefined }));

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

async function cli(
  args: string[],
  cwd = repoRoot,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "netpol-render-"));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) =>
      d.isDirectory() ? listFiles(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
    )
    .sort();
}

describe("netpol-rollout render", () => {
  it("prints the production policies as YAML, as in the golden file", async () => {
    const { code, stdout, stderr } = await cli(["render", "--env", "production"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expectGolden("test/compile/golden/production.yaml", stdout);
  });

  it("prints exactly what the compiler produces for every shipped environment", async () => {
    const result = await loadIntentFromDir("policies", repoRoot);
    if (!result.ok) throw new Error(result.errors.map((e) => e.message).join("\n"));
    expect(result.intent.environments.map((e) => e.name)).toEqual(["dev", "staging", "production"]);
    for (const env of result.intent.environments) {
      const { code, stdout } = await cli(["render", "--env", env.name]);
      expect(code).toBe(0);
      expect(stdout).toBe(renderYaml(compileEnvironment(env)));
    }
  });

  it("prints a v1 List with --format json", async () => {
    const { code, stdout } = await cli(["render", "--env", "staging", "--format", "json"]);
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as { kind: string; items: { metadata: { namespace: string } }[] };
    expect(list.kind).toBe("List");
    expect(list.items.length).toBeGreaterThan(0);
    expect(new Set(list.items.map((i) => i.metadata.namespace))).toEqual(new Set(["staging"]));
  });

  it("writes one file per object with --out and says so on stderr", async () => {
    const out = tempDir();
    const { code, stdout, stderr } = await cli(["render", "--env", "production", "--out", out]);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^production: wrote 7 objects in 1 namespace to .+\/\n$/);
    expect(listFiles(out)).toEqual([
      ".netpol-rollout-render",
      "production/networkpolicy-allow-dns.yaml",
      "production/networkpolicy-api-egress.yaml",
      "production/networkpolicy-api-ingress.yaml",
      "production/networkpolicy-database-ingress.yaml",
      "production/networkpolicy-default-deny-all.yaml",
      "production/networkpolicy-frontend-egress.yaml",
      "production/networkpolicy-frontend-ingress.yaml",
    ]);
    // Together the files hold the same documents as the printed YAML.
    const printed = parseAllDocuments((await cli(["render", "--env", "production"])).stdout).map((d) =>
      Array.isArray(d) ? null : (d.toJS() as { metadata: { name: string } }),
    );
    for (const doc of printed) {
      const file = join(out, "production", `networkpolicy-${doc?.metadata.name}.yaml`);
      expect(
        parseAllDocuments(readFileSync(file, "utf8")).map((d) => (Array.isArray(d) ? null : d.toJS())),
      ).toEqual([doc]);
    }
  });

  it("writes JSON files with --out --format json", async () => {
    const out = tempDir();
    const { code } = await cli(["render", "--env", "dev", "--out", out, "--format", "json"]);
    expect(code).toBe(0);
    const files = listFiles(out).filter((f) => f !== ".netpol-rollout-render");
    expect(files.every((f) => f.startsWith("dev/networkpolicy-") && f.endsWith(".json"))).toBe(true);
    const deny = JSON.parse(readFileSync(join(out, "dev/networkpolicy-default-deny-all.json"), "utf8")) as {
      spec: unknown;
    };
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
  });

  describe("--out owns its directory", () => {
    /** A repository holding a copy of the shipped intent, and a directory to render into. */
    function repoWithIntent(): string {
      const repo = tempDir();
      cpSync(join(repoRoot, "policies"), join(repo, "policies"), { recursive: true });
      return repo;
    }
    const dev = (repo: string) => join(repo, "policies/environments/dev.yaml");

    it("removes the file of a policy that no longer exists, so kubectl apply cannot re-open a closed flow", async () => {
      const repo = repoWithIntent();
      expect((await cli(["render", "--env", "dev", "--out", "out"], repo)).code).toBe(0);
      const before = listFiles(join(repo, "out"));
      expect(before).toContain("dev/networkpolicy-worker-egress.yaml");
      expect(before).toContain(".netpol-rollout-render");
      // The worker's only flow is closed: its egress policy is no longer rendered.
      writeFileSync(dev(repo), readFileSync(dev(repo), "utf8").replace("  - worker -> api:8080\n", ""));
      const again = await cli(["render", "--env", "dev", "--out", "out"], repo);
      expect(again.code).toBe(0);
      expect(again.stderr).toContain("removed out/dev/networkpolicy-worker-egress.yaml (no longer rendered)");
      const after = listFiles(join(repo, "out"));
      expect(after).not.toContain("dev/networkpolicy-worker-egress.yaml");
      // What is left is exactly what a rendering into an empty directory holds.
      expect((await cli(["render", "--env", "dev", "--out", "fresh"], repo)).code).toBe(0);
      expect(after).toEqual(listFiles(join(repo, "fresh")));
      expect(readFileSync(join(repo, "out/.netpol-rollout-render"), "utf8")).not.toContain("worker-egress");
    });

    it("replaces the YAML files with JSON files when the format changes, and removes emptied directories", async () => {
      const repo = repoWithIntent();
      expect((await cli(["render", "--env", "dev", "--out", "out"], repo)).code).toBe(0);
      mkdirSync(join(repo, "out/dev/nested"));
      expect((await cli(["render", "--env", "dev", "--out", "out", "--format", "json"], repo)).code).toBe(0);
      const files = listFiles(join(repo, "out")).filter((f) => f !== ".netpol-rollout-render");
      expect(files.length).toBeGreaterThan(0);
      expect(files.every((f) => f.endsWith(".json"))).toBe(true);
      expect(existsSync(join(repo, "out/dev/nested"))).toBe(false);
    });

    it("refuses a non-empty directory it did not write, and writes nothing there", async () => {
      const repo = repoWithIntent();
      mkdirSync(join(repo, "out/dev"), { recursive: true });
      writeFileSync(join(repo, "out/dev/allow-all.yaml"), "kind: NetworkPolicy\n");
      const r = await cli(["render", "--env", "dev", "--out", "out"], repo);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        "netpol-rollout render: out is not empty and was not written by render (no .netpol-rollout-render in it): dev/allow-all.yaml",
      );
      expect(r.stderr).toContain("nothing written");
      expect(listFiles(join(repo, "out"))).toEqual(["dev/allow-all.yaml"]);
    });

    it("refuses a file added beside its own, and another environment's rendering", async () => {
      const repo = repoWithIntent();
      expect((await cli(["render", "--env", "dev", "--out", "out"], repo)).code).toBe(0);
      const other = await cli(["render", "--env", "staging", "--out", "out"], repo);
      expect(other.code).toBe(1);
      expect(other.stderr).toContain("out holds the rendering of environment 'dev'");
      writeFileSync(join(repo, "out/dev/extra.yaml"), "kind: NetworkPolicy\n");
      const added = await cli(["render", "--env", "dev", "--out", "out"], repo);
      expect(added.code).toBe(1);
      expect(added.stderr).toContain("out holds files render did not write: dev/extra.yaml");
      expect(existsSync(join(repo, "out/dev/extra.yaml"))).toBe(true);
    });

    it("never follows a link and never removes a file outside its directory", async () => {
      const repo = repoWithIntent();
      expect((await cli(["render", "--env", "dev", "--out", "out"], repo)).code).toBe(0);
      writeFileSync(join(repo, "keep.yaml"), "mine\n");
      // A manifest naming a path outside the directory is not one render wrote.
      const manifest = join(repo, "out/.netpol-rollout-render");
      writeFileSync(manifest, `${readFileSync(manifest, "utf8")}../keep.yaml\n`);
      const tampered = await cli(["render", "--env", "dev", "--out", "out"], repo);
      expect(tampered.code).toBe(1);
      expect(tampered.stderr).toContain("is not a manifest render wrote (../keep.yaml)");
      expect(readFileSync(join(repo, "keep.yaml"), "utf8")).toBe("mine\n");
      // A link in place of a rendered file is refused, not written through.
      const linked = repoWithIntent();
      expect((await cli(["render", "--env", "dev", "--out", "out"], linked)).code).toBe(0);
      const target = join(linked, "out/dev/networkpolicy-allow-dns.yaml");
      rmSync(target);
      symlinkSync(join(linked, "keep.yaml"), target);
      writeFileSync(join(linked, "keep.yaml"), "mine\n");
      const r = await cli(["render", "--env", "dev", "--out", "out"], linked);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        "links or special files render never writes: dev/networkpolicy-allow-dns.yaml",
      );
      expect(readFileSync(join(linked, "keep.yaml"), "utf8")).toBe("mine\n");
    });
  });

  it("reports invalid intent as file:line:col, exits 1 and writes nothing", async () => {
    const repo = tempDir();
    mkdirSync(join(repo, "policies/environments"), { recursive: true });
    writeFileSync(
      join(repo, "policies/environments/broken.yaml"),
      "promotion: 1\ncni: calico\nnamespaces:\n  app:\n    services:\n      web: { labels: { app: web }, ports: [80] }\nflows:\n  - web -> nowhere:80\n",
    );
    const { code, stdout, stderr } = await cli(["render", "--env", "broken", "--out", "out"], repo);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^policies\/environments\/broken\.yaml:8:\d+: /m);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(repo, "out"))).toBe(false);
  });

  it("an unknown environment exits 2 with the list of environments and a suggestion", async () => {
    const { code, stdout, stderr } = await cli(["render", "--env", "prod"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("unknown environment 'prod'; environments: dev, staging, production");
    expect(stderr).toContain("did you mean 'production'?");
  });

  it("suggests an environment only when one is close", async () => {
    expect((await cli(["render", "--env", "stagin"])).stderr).toContain("did you mean 'staging'?");
    const far = await cli(["render", "--env", "qa"]);
    expect(far.code).toBe(2);
    expect(far.stderr).toContain("environments: dev, staging, production");
    expect(far.stderr).not.toContain("did you mean");
  });

  it("usage errors exit 2: missing --env, unknown format", async () => {
    expect((await cli(["render"])).code).toBe(2);
    const badFormat = await cli(["render", "--env", "dev", "--format", "xml"]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/xml/);
  });

  it("--help shows the options and examples", async () => {
    const { code, stdout } = await cli(["render", "--help"]);
    expect(code).toBe(0);
    for (const text of [
      "--env <name>",
      "--policies-dir <dir>",
      "--out <dir>",
      "--format <format>",
      "alias: --output",
      "Examples:",
    ]) {
      expect(stdout).toContain(text);
    }
  });
});
