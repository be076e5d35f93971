/**
 * The Action bundle stays lean, and the stand-ins that keep it lean stay faithful to the
 * Pulumi SDK they replace (see scripts/pulumi-inline-stubs.mjs).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { PULUMI_INLINE_STUBS } from "../../scripts/pulumi-inline-stubs.mjs";

const repoRoot = join(import.meta.dirname, "../..");
const dist = join(repoRoot, "dist");
const require = createRequire(import.meta.url);
const automationDir = join(require.resolve("@pulumi/pulumi/automation/index.js"), "..");

/** dist/index.js and the chunks it loads, statically (at start) or on first use. */
function actionFiles(): { file: string; atStart: boolean }[] {
  const files = new Map<string, boolean>();
  const visit = (file: string, atStart: boolean) => {
    if (files.get(file) === true || (files.has(file) && !atStart)) return;
    files.set(file, atStart);
    const text = readFileSync(join(dist, file), "utf8");
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*"(\.\.?\/[^"]+)"/g)) {
      const target = relative(dist, join(dist, dirname(file), m[1] ?? ""));
      visit(target, atStart && !m[0].startsWith("import("));
    }
  };
  visit("index.js", true);
  return [...files].map(([file, atStart]) => ({ file, atStart }));
}

/**
 * Size budgets, measured on the bundle: what the Action parses at start is ~2.0 MB
 * (index.js ~0.8 MB: the project, yaml, ajv, @actions/core; plus undici ~0.8 MB, which
 * @actions/core's HTTP client imports). Loaded on first use: Octokit (~0.2 MB) when a
 * comment is posted, the Automation API (~1.4 MB, mostly gRPC and protobuf for the engine
 * events) when the engine part runs, and @kubernetes/client-node with its dependencies
 * (~5 MB) when `deploy`, `rollback` or `probe` reach a cluster: never on a preview. The
 * unbundled @pulumi/pulumi entry alone is 16 MB.
 */
const START_BUDGET_BYTES = 2 * 1024 * 1024;
const TOTAL_BUDGET_BYTES = 9 * 1024 * 1024;

describe("the Action bundle", () => {
  it("exists (npm run build)", () => {
    expect(existsSync(join(dist, "index.js"))).toBe(true);
  });

  it("parses at most its start-up budget at start, and its total budget in all", () => {
    const files = actionFiles();
    const size = (f: { file: string }) => statSync(join(dist, f.file)).size;
    const atStart = files.filter((f) => f.atStart).reduce((n, f) => n + size(f), 0);
    const total = files.reduce((n, f) => n + size(f), 0);
    expect(atStart).toBeLessThan(START_BUDGET_BYTES);
    expect(total).toBeLessThan(TOTAL_BUDGET_BYTES);
  });

  it("loads the Automation API, Octokit and the Kubernetes client only on first use", () => {
    const files = actionFiles();
    const lazy = files.filter((f) => !f.atStart);
    const text = (file: string) => readFileSync(join(dist, file), "utf8");
    expect(lazy.some((f) => text(f.file).includes("// node_modules/@kubernetes/client-node/"))).toBe(true);
    expect(
      files
        .filter((f) => f.atStart)
        .some((f) => text(f.file).includes("// node_modules/@kubernetes/client-node/")),
    ).toBe(false);
    expect(
      lazy.some((f) => text(f.file).includes("// node_modules/@pulumi/pulumi/automation/localWorkspace.js")),
    ).toBe(true);
    expect(lazy.some((f) => text(f.file).includes("// node_modules/@octokit/core/"))).toBe(true);
  });

  it("contains neither the TypeScript compiler nor the Kubernetes provider SDK", () => {
    for (const { file } of actionFiles()) {
      const text = readFileSync(join(dist, file), "utf8");
      // esbuild marks every bundled module with a `// node_modules/<path>` comment.
      expect(text, file).not.toContain("// node_modules/typescript/");
      expect(text, file).not.toContain("// node_modules/@pulumi/kubernetes/");
      expect(text, file).not.toContain("// node_modules/@npmcli/arborist/");
      expect(text, file).not.toMatch(/function createSourceFile\(/);
    }
  });
});

describe("the Automation API stand-ins", () => {
  const load = (code: string): Record<string, unknown> => {
    const exports: Record<string, unknown> = {};
    runInNewContext(code, { exports, console, Promise });
    return exports;
  };

  it("give the same gRPC channel options as the SDK's runtime/settings.js", () => {
    const real = require(join(automationDir, "../runtime/settings.js")) as { grpcChannelOptions: unknown };
    expect(load(PULUMI_INLINE_STUBS["../runtime"] ?? "").grpcChannelOptions).toEqual(real.grpcChannelOptions);
  });

  it("cover every member automation/stack.js uses from the replaced modules", () => {
    const stack = readFileSync(join(automationDir, "stack.js"), "utf8");
    const bindings: Record<string, string> = {
      "../runtime": "runtime_1",
      "../log": "log",
      "./server": "server_1",
      "../proto/language_grpc_pb": "langrpc",
    };
    for (const [specifier, binding] of Object.entries(bindings)) {
      // The binding is what stack.js calls the module…
      expect(stack).toMatch(
        new RegExp(`const ${binding} = .*require\\("${specifier.replace(/[./]/g, "\\$&")}"\\)`),
      );
      // …and every member it reads is provided by the stand-in.
      const used = new Set([...stack.matchAll(new RegExp(`\\b${binding}\\.(\\w+)`, "g"))].map((m) => m[1]));
      const provided = Object.keys(load(PULUMI_INLINE_STUBS[specifier] ?? ""));
      expect(
        [...used].filter((m) => m !== undefined && !provided.includes(m)),
        specifier,
      ).toEqual([]);
    }
  });

  it("stand in only for modules stack.js imports", () => {
    const stack = readFileSync(join(automationDir, "stack.js"), "utf8");
    for (const specifier of Object.keys(PULUMI_INLINE_STUBS))
      expect(stack).toContain(`require("${specifier}")`);
  });
});
