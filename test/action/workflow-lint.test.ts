/**
 * scripts/lint-workflows.sh, npm test's actionlint step: without actionlint built it skips
 * in one line, unless NETPOL_REQUIRE_ACTIONLINT=1 (.ci/run), where not running is a failure;
 * with it, a workflow actionlint rejects fails the step.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { actionlintBinary, actionlintRequired, repoRoot } from "../helpers/actionlint.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A repository holding the script, the tools' scripts (linked) and the given workflows. */
function scratch(workflows: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "netpol-lint-workflows-"));
  dirs.push(dir);
  mkdirSync(join(dir, "scripts"));
  cpSync(join(repoRoot, "scripts/lint-workflows.sh"), join(dir, "scripts/lint-workflows.sh"));
  symlinkSync(join(repoRoot, "test"), join(dir, "test"));
  mkdirSync(join(dir, ".github/workflows"), { recursive: true });
  for (const [name, text] of Object.entries(workflows))
    writeFileSync(join(dir, ".github/workflows", name), text);
  return dir;
}

function lint(dir: string, env: Record<string, string>) {
  const { NETPOL_REQUIRE_ACTIONLINT: _, ...inherited } = process.env;
  const r = spawnSync("bash", [join(dir, "scripts/lint-workflows.sh")], {
    encoding: "utf8",
    env: { ...inherited, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const GOOD = `name: ok
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo ok
`;
// An expression reading an unknown context, and a job needing one that does not exist.
const BAD = `name: bad
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    needs: nothere
    steps:
      - run: echo "\${{ nosuch.value }}"
`;

describe("lint-workflows.sh", () => {
  it("without actionlint built, skips in one line and succeeds locally", () => {
    const empty = mkdtempSync(join(tmpdir(), "netpol-no-tools-"));
    dirs.push(empty);
    const r = lint(scratch({ "ok.yml": GOOD }), { NETPOL_E2E_TOOLS: empty });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("actionlint skipped: not built (run test/e2e/tools/build.sh actionlint)\n");
  });

  it("without actionlint built, fails where it is required (.ci/run)", () => {
    const empty = mkdtempSync(join(tmpdir(), "netpol-no-tools-"));
    dirs.push(empty);
    const r = lint(scratch({ "ok.yml": GOOD }), { NETPOL_E2E_TOOLS: empty, NETPOL_REQUIRE_ACTIONLINT: "1" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^actionlint did not run: not built at .*\/bin\/actionlint/);
    expect(r.stdout).not.toMatch(/skipped/);
  });

  const bin = actionlintBinary();
  it.skipIf(bin === undefined && !actionlintRequired)(
    "with actionlint built, fails on a workflow it rejects",
    () => {
      expect(bin, "actionlint is required here (NETPOL_REQUIRE_ACTIONLINT=1) but not built").toBeDefined();
      const good = lint(scratch({ "ok.yml": GOOD }), { NETPOL_REQUIRE_ACTIONLINT: "1" });
      expect(good.status).toBe(0);
      expect(good.stdout).toMatch(/^actionlint v\d+\.\d+\.\d+: 1 workflow files clean\n$/);
      const bad = lint(scratch({ "ok.yml": GOOD, "bad.yml": BAD }), { NETPOL_REQUIRE_ACTIONLINT: "1" });
      expect(bad.status).not.toBe(0);
      expect(bad.stdout).toMatch(/bad\.yml:\d+:\d+: .*nothere/);
      expect(bad.stdout).toMatch(/bad\.yml:\d+:\d+: .*nosuch/);
    },
  );

  it(".ci/run builds actionlint when missing and requires it before npm test", () => {
    const run = readFileSync(join(repoRoot, ".ci/run"), "utf8").split("\n");
    const build = run.indexOf("bash test/e2e/tools/build.sh actionlint");
    const require = run.indexOf("export NETPOL_REQUIRE_ACTIONLINT=1");
    const test = run.indexOf("npm test");
    expect(build).toBeGreaterThan(-1);
    expect(require).toBeGreaterThan(build);
    expect(test).toBeGreaterThan(require);
  });
});
