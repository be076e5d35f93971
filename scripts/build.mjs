// Bundles the CLI and the Action into dist/ with esbuild. `--check` rebuilds into a
// temporary directory and fails when the committed dist/ differs (dist/ must be fresh).
// `--sizes` prints what each bundle is made of, by package.
import { build } from "esbuild";
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, existsSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { tmpdir } from "node:os";
import { PULUMI_INLINE_STUBS } from "./pulumi-inline-stubs.mjs";

const check = process.argv.includes("--check");
const showSizes = process.argv.includes("--sizes");
const outRoot = check ? mkdtempSync(join(tmpdir(), "netpol-dist-")) : "dist";

/**
 * Packages a bundle must never contain. The Action starts on every pull request: the
 * TypeScript compiler (9 MB, pulled in by @pulumi/pulumi's closure serialisation) and the
 * Kubernetes provider SDK are dead weight there, and a bundle that grows them fails here.
 */
const ACTION_FORBIDDEN = [
  "node_modules/typescript/",
  "node_modules/@pulumi/kubernetes/",
  "node_modules/@npmcli/",
];

// Every bundle: an ESM file for Node 20+, CommonJS dependencies given a real `require`.
const entries = [
  { in: "action/src/cli/main.ts", out: "cli.js", shebang: true, forbidden: ACTION_FORBIDDEN },
  // The npm package's library (`import … from "netpol-rollout"`): self-contained, like the CLI.
  { in: "action/src/lib.ts", out: "lib.js", forbidden: ACTION_FORBIDDEN },
  // Split: what only some runs need (the Automation API with gRPC, Octokit) goes to chunks
  // that are loaded on first use, so the Action parses less on every start.
  { in: "action/src/index.ts", out: "index.js", forbidden: ACTION_FORBIDDEN, split: true },
  // The Pulumi program (run through pulumi/main.mjs); @pulumi/* stay external so the
  // Pulumi runtime and the program share one @pulumi/pulumi instance.
  { in: "pulumi/index.ts", out: "pulumi/index.js", external: ["@pulumi/*"] },
].filter((e) => existsSync(e.in));

const CHUNKS_DIR = "chunks";

const banner = (shebang) =>
  (shebang ? "#!/usr/bin/env node\n" : "") +
  'import { createRequire as __nrCreateRequire } from "node:module";\n' +
  "const require = __nrCreateRequire(import.meta.url);\n";

// See scripts/pulumi-inline-stubs.mjs: keeps the inline-program runtime out of the bundles.
const leanPulumiAutomation = {
  name: "lean-pulumi-automation",
  setup(b) {
    const filter = new RegExp(
      `^(${Object.keys(PULUMI_INLINE_STUBS)
        .map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"))
        .join("|")})$`,
    );
    b.onResolve({ filter }, (args) => {
      if (!/[\\/]@pulumi[\\/]pulumi[\\/]automation[\\/]stack\.js$/.test(args.importer)) return undefined;
      return { path: args.path, namespace: "pulumi-inline-stub" };
    });
    b.onLoad({ filter: /.*/, namespace: "pulumi-inline-stub" }, (args) => ({
      contents: PULUMI_INLINE_STUBS[args.path],
      loader: "js",
    }));
  },
};

function packageOf(input) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return m ? m[1] : "(project)";
}

// Chunks are named by content hash: clear the old ones so none linger in dist/.
if (!check) rmSync(join(outRoot, CHUNKS_DIR), { recursive: true, force: true });

for (const entry of entries) {
  const outfile = join(outRoot, entry.out);
  const result = await build({
    ...(entry.split
      ? {
          entryPoints: { [entry.out.replace(/\.js$/, "")]: entry.in },
          outdir: outRoot,
          splitting: true,
          chunkNames: `${CHUNKS_DIR}/[name]-[hash]`,
        }
      : { entryPoints: [entry.in], outfile }),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    banner: { js: banner(entry.shebang) },
    external: entry.external ?? [],
    plugins: [leanPulumiAutomation],
    legalComments: "none",
    // node_modules may be a symlink (a git worktree sharing another checkout's): keep the
    // paths esbuild writes into the bundles relative to this checkout, so they match a build
    // made anywhere else.
    preserveSymlinks: true,
    logLevel: "warning",
    metafile: true,
  });
  if (entry.shebang) chmodSync(outfile, 0o755);

  const inputs = Object.keys(result.metafile.inputs);
  const bad = (entry.forbidden ?? []).filter((f) => inputs.some((i) => i.includes(f)));
  if (bad.length > 0) {
    console.error(`${entry.out} must not contain ${bad.join(", ")}: find the import that pulls it in.`);
    process.exit(1);
  }
  if (!check) {
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      console.log(`${relative(outRoot, file)}: ${(output.bytes / 1024).toFixed(0)} KiB`);
      if (!showSizes) continue;
      const byPackage = new Map();
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
      }
      for (const [pkg, size] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
        if (size > 0) console.log(`  ${(size / 1024).toFixed(0).padStart(6)} KiB  ${pkg}`);
      }
    }
  }
}

if (check) {
  const list = (dir) =>
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => statSync(join(dir, f)).isFile())
      .sort();
  const fresh = list(outRoot);
  const committed = existsSync("dist") ? list("dist") : [];
  const stale = [
    ...fresh.filter(
      (f) => !committed.includes(f) || !readFileSync(join(outRoot, f)).equals(readFileSync(join("dist", f))),
    ),
    ...committed.filter((f) => !fresh.includes(f)),
  ];
  rmSync(outRoot, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(`dist/ is stale (${stale.join(", ")}): run \`npm run build\` and commit dist/.`);
    process.exit(1);
  }
  console.log(`dist/ is fresh (${fresh.length} files, ${relative(".", "dist")}).`);
}
