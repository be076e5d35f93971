/**
 * The npm package's manifest and the release rules: what a user installs runs without
 * dependencies, every export points at a packed file, the Node.js versions stated are the
 * dependencies' own, and a release tag agrees with package.json, the CHANGELOG and every
 * `uses:` line. (The package tier, `npm run test:package`, installs the packed tarball.)
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../action/src/cli/run.js";
import { VERSION } from "../../action/src/cli/version.js";
import { majorTag, readDocs, releaseNotes, releaseProblems, staleUsesLines } from "../../scripts/release.js";

const root = join(import.meta.dirname, "../..");
const read = (path: string): string => readFileSync(join(root, path), "utf8");

interface Manifest {
  version: string;
  private?: boolean;
  bin: Record<string, string>;
  exports: Record<string, string | { types: string; default: string }>;
  files: string[];
  engines: { node: string };
  dependencies?: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  devDependencies: Record<string, string>;
}
const manifest = JSON.parse(read("package.json")) as Manifest;

/** Whether `path` (relative, `./` or not) is packed by the `files` list. */
function packed(path: string): boolean {
  const p = path.replace(/^\.\//, "");
  // npm always packs package.json, README.md and the license.
  if (p === "package.json") return true;
  return manifest.files.some((f) => (f.endsWith("/") ? p.startsWith(f) : p === f));
}

/** The lowest Node.js major a `>=N` range allows. */
function floor(range: string): number {
  const m = /^>=\s*(\d+)/.exec(range);
  if (!m?.[1]) throw new Error(`not a ">=N" range: ${range}`);
  return Number(m[1]);
}

describe("the npm package", () => {
  it("is publishable, with no runtime dependencies: the CLI and library are bundles", () => {
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it("puts every bin and export target in the packed files", () => {
    const targets = [
      ...Object.values(manifest.bin),
      ...Object.values(manifest.exports).flatMap((e) => (typeof e === "string" ? [e] : [e.types, e.default])),
    ];
    for (const target of targets) expect(packed(target), target).toBe(true);
    for (const target of targets.filter((t) => !t.includes("types/"))) {
      expect(existsSync(join(root, target)), target).toBe(true);
    }
    expect(manifest.files.some((f) => f.startsWith("test") || f === "dist/" || f.includes("chunks"))).toBe(
      false,
    );
  });

  it("asks for the Pulumi SDK only as optional peers, at the versions it is built and tested with", () => {
    for (const name of ["@pulumi/pulumi", "@pulumi/kubernetes"]) {
      expect(manifest.peerDependenciesMeta[name]?.optional).toBe(true);
      expect(manifest.peerDependencies[name]).toBe(`^${manifest.devDependencies[name]}`);
    }
  });

  it("states the Node.js floors the dependencies declare, in the README", () => {
    const pulumiEngines = (
      JSON.parse(read("node_modules/@pulumi/pulumi/package.json")) as { engines: { node: string } }
    ).engines.node;
    const readme = read("README.md").replace(/\s+/g, " ");
    expect(readme).toContain(`Node.js ${floor(manifest.engines.node)} or later`);
    expect(readme).toContain(`Node.js ${floor(pulumiEngines)} or later`);
    // The CLI's own bundled dependencies ask for no more than `engines` does.
    const commander = JSON.parse(read("node_modules/commander/package.json")) as {
      engines: { node: string };
    };
    expect(floor(commander.engines.node)).toBeLessThanOrEqual(floor(manifest.engines.node));
    // Where the Pulumi program runs, the workflows set up a Node.js the SDK supports.
    const preview = read(".github/workflows/preview.yml");
    const node = /node-version:\s*(\d+)/.exec(preview)?.[1];
    expect(Number(node)).toBeGreaterThanOrEqual(floor(pulumiEngines));
  });

  it("netpol-rollout --version prints the package version", async () => {
    let out = "";
    const code = await run(["--version"], { stdout: (t) => (out += t), stderr: () => {}, cwd: root });
    expect(code).toBe(0);
    expect(out.trim()).toBe(manifest.version);
    expect(VERSION).toBe(manifest.version);
  });
});

describe("releases", () => {
  const changelog = read("CHANGELOG.md");

  it("every `uses:` line in the README, docs and workflows names this version's major tag", () => {
    expect(staleUsesLines(readDocs(root), manifest.version)).toEqual([]);
    expect(majorTag(manifest.version)).toBe(`v${manifest.version.split(".")[0]}`);
  });

  it("the CHANGELOG has a section for the package version", () => {
    expect(releaseNotes(changelog, manifest.version)).toMatch(/\S/);
  });

  it("a tag is released only when it, package.json, the CHANGELOG and the docs agree", () => {
    const released = "# Changelog\n\n## 1.2.0 (2026-12-01)\n\n- Probes.\n\n## 1.1.0 (2026-11-01)\n\n- x\n";
    const docs = { "README.md": "- uses: netpol-rollout/netpol-rollout@v1\n" };
    expect(releaseProblems({ tag: "v1.2.0", version: "1.2.0", changelog: released, docs })).toEqual([]);
    expect(releaseNotes(released, "1.2.0")).toBe("- Probes.");
    expect(releaseProblems({ tag: "v1.2.1", version: "1.2.0", changelog: released, docs })).toEqual([
      "tag v1.2.1 does not match package.json version 1.2.0",
    ]);
    expect(
      releaseProblems({ tag: "v1.3.0", version: "1.3.0", changelog: "## 1.3.0 (unreleased)\n\n- y\n", docs }),
    ).toEqual(["CHANGELOG.md still calls 1.3.0 unreleased: give it the release date"]);
    expect(
      releaseProblems({ tag: "v2.0.0", version: "2.0.0", changelog: "## 2.0.0 (2027-01-01)\n\n- z\n", docs }),
    ).toEqual(["README.md: uses @v1, but this release is v2"]);
    expect(releaseProblems({ tag: "v1.2", version: "1.2.0", changelog: released, docs })).toEqual([
      "tag v1.2 is not vMAJOR.MINOR.PATCH",
    ]);
  });
});
