/**
 * actionlint for tests: the binary test/e2e/tools/build.sh builds (undefined when it is not
 * built), and whether this run must have it (.ci/run sets NETPOL_REQUIRE_ACTIONLINT=1, so a
 * test that would skip for want of it fails there instead).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export const repoRoot = join(import.meta.dirname, "../..");

export const actionlintRequired = process.env["NETPOL_REQUIRE_ACTIONLINT"] === "1";

export function actionlintBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = execFileSync("bash", [join(repoRoot, "test/e2e/tools/build.sh"), "--print-cluster-dir"], {
    encoding: "utf8",
    env,
  }).trim();
  const bin = join(dir, "bin", "actionlint");
  return existsSync(bin) ? bin : undefined;
}
