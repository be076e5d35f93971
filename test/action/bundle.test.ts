/**
 * The Action bundle stays lean, and the stand-ins that keep it lean stay faithful to the
 * Pulumi SDK they replace (see scripts/pulumi-inline-stubs.mjs).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { PULUMI_INLINE_STUBS } from "../../scripts/pulumi-inline-stubs.mjs";

const repoRoot = join(import.meta.dirname, "../..");
const bundlePath = join(repoRoot, "dist/index.js");
const require = createRequire(import.meta.url);
const automationDir = join(require.resolve("@pulumi/pulumi/automation/index.js"), "..");

/**
 * Size budget for dist/index.js. Measured: ~3.1 MB, of which @grpc/grpc-js + protobufjs
 * (~1 MB: the Automation API receives engine events over gRPC), undici (~0.6 MB, the
 * proxy-aware fetch of @actions/github), Octokit, yaml, ajv and the project's own code.
 * It loads in ~0.1 s. The unbundled @pulumi/pulumi entry alone would be 16 MB.
 */
const BUNDLE_BUDGET_BYTES = 4 * 1024 * 1024;

describe("dist/index.js", () => {
  it("exists (npm run build)", () => {
    expect(existsSync(bundlePath)).toBe(true);
  });

  it("is under its size budget", () => {
    expect(statSync(bundlePath).size).toBeLessThan(BUNDLE_BUDGET_BYTES);
  });

  it("contains neither the TypeScript compiler nor the Kubernetes provider SDK", () => {
    const text = readFileSync(bundlePath, "utf8");
    // esbuild marks every bundled module with a `// node_modules/<path>` comment.
    expect(text).not.toContain("// node_modules/typescript/");
    expect(text).not.toContain("// node_modules/@pulumi/kubernetes/");
    expect(text).not.toContain("// node_modules/@npmcli/arborist/");
    expect(text).not.toMatch(/function createSourceFile\(/);
    // It does contain the Automation API.
    expect(text).toContain("// node_modules/@pulumi/pulumi/automation/localWorkspace.js");
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
