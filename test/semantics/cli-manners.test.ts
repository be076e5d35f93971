import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./cli-helpers.js";
import { suggestEnvironment, unknownEnvironmentMessage } from "../../action/src/intent/environment-names.js";

const COMMANDS = [
  "validate",
  "render",
  "analyze",
  "diff",
  "lint",
  "preview",
  "probe",
  "workloads",
  "gap",
  "import",
  "matrix",
];
/** Commands that choose an output format. */
const FORMATS = [
  "validate",
  "lint",
  "render",
  "analyze",
  "diff",
  "preview",
  "probe",
  "workloads",
  "gap",
  "import",
];

describe("the CLI's manners", () => {
  it.each(COMMANDS)("%s --help shows examples and exit codes", async (command) => {
    const r = await runCli([command, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\nExamples:\n {2}\$ /);
    expect(r.stdout).toMatch(/\nExit codes: 0 /);
    expect(r.stdout).toMatch(/\b2 usage error\b/);
  });

  it("the program's --help shows examples, the format option and the exit codes", async () => {
    const r = await runCli(["--help"]);
    expect(r.stdout).toContain("--format <format> (--output is the same option)");
    expect(r.stdout).toContain("Examples:");
    expect(r.stdout).toContain("Exit codes: 0 success, 1 invalid input or a failed check, 2 usage error");
  });

  it.each(FORMATS)(
    "%s takes --format, with --output as its alias, and refuses the two disagreeing",
    async (command) => {
      const help = (await runCli([command, "--help"])).stdout;
      expect(help).toContain("--format <format>");
      expect(help).toContain("(alias: --output)");
      // A value outside the command's choices is refused under either name.
      for (const flag of ["--format", "--output"]) {
        const r = await runCli([command, flag, "no-such-format"]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain("no-such-format");
      }
    },
  );

  it("--format and --output choose the same output; both disagreeing is a usage error", async () => {
    const byFormat = await runCli(["render", "--env", "staging", "--format", "json"]);
    const byOutput = await runCli(["render", "--env", "staging", "--output", "json"]);
    expect(byFormat.code).toBe(0);
    expect(byOutput.stdout).toBe(byFormat.stdout);
    expect(JSON.parse(byFormat.stdout)).toHaveProperty("kind", "List");
    const both = await runCli(["render", "--env", "staging", "--format", "json", "--output", "yaml"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--format json and --output yaml disagree");
  });

  it("validate and lint print JSON with --format json", async () => {
    const validate = await runCli(["validate", "--format", "json"]);
    expect(validate.code).toBe(0);
    const v = JSON.parse(validate.stdout) as {
      valid: boolean;
      environments: { name: string; cni: string }[];
    };
    expect(v.valid).toBe(true);
    expect(v.environments.map((e) => `${e.name}/${e.cni}`)).toEqual([
      "dev/generic",
      "staging/calico",
      "production/cilium",
    ]);
    const invalid = await runCli(["validate", "--format", "json", "--policies-dir", "test/no-such-dir"]);
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.stdout)).toMatchObject({ valid: false, errors: [{ line: 1, column: 1 }] });
    const lint = await runCli(["lint", "--format", "json"]);
    expect(lint.code).toBe(0);
    expect(JSON.parse(lint.stdout)).toEqual({ findings: [], errors: 0, warnings: 0 });
  });

  it("probe --plan takes --format as well as --output", async () => {
    const base = ["probe", "--env", "production", "--plan", "--cluster", "no-such-file.yaml"];
    // The file is missing either way: the option itself is accepted (exit 1, not 2).
    expect((await runCli([...base, "--format", "json"])).code).toBe(1);
    expect((await runCli([...base, "--output", "json"])).code).toBe(1);
  });

  it.each([
    ["render", ["render", "--env", "prod"]],
    ["workloads", ["workloads", "--env", "prod"]],
    ["lint", ["lint", "--env", "prod"]],
    [
      "probe",
      ["probe", "--env", "prod", "--plan", "--cluster", "test/semantics/fixtures/article-cluster.yaml"],
    ],
    ["preview", ["preview", "--env", "prod", "--no-base"]],
    ["diff", ["diff", "--env", "prod", "--base", "policies"]],
    ["matrix", ["matrix", "--env", "prod"]],
  ])("%s names an unknown environment in one wording, with the one meant", async (_name, args) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /unknown environment 'prod'; environments: (dev, staging, production|dev, production, staging) \(did you mean 'production'\?\)/,
    );
  });

  it("suggests an environment only when one is close", () => {
    expect(suggestEnvironment("prod", ["dev", "staging", "production"])).toBe("production");
    expect(suggestEnvironment("stagign", ["dev", "staging", "production"])).toBe("staging");
    expect(suggestEnvironment("qa", ["dev", "staging", "production"])).toBeUndefined();
    expect(unknownEnvironmentMessage("qa", [])).toBe(
      "unknown environment 'qa': the intent declares no environments",
    );
  });
});

describe("output into a reader that closes early", () => {
  it.each([
    ["validate", ["validate"]],
    ["render --help", ["render", "--help"]],
  ])(
    "%s ends quietly, as Unix tools do",
    async (_name, args) => {
      // The read end of stdout is closed before the CLI writes: every write meets EPIPE.
      const child = spawn(
        process.execPath,
        ["--import", "tsx", join(repoRoot, "action/src/cli/main.ts"), ...args],
        {
          cwd: repoRoot,
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      child.stdout.destroy();
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((done) => child.on("close", done));
      expect(stderr).toBe("");
      expect(code).toBe(0);
    },
    60_000,
  );
});
