// Bundles the CLI and the Action into dist/ with esbuild. `--check` rebuilds into a
// temporary directory and fails when the committed dist/ differs (dist/ must be fresh).
import { build } from "esbuild";
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, existsSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { tmpdir } from "node:os";

const check = process.argv.includes("--check");
const outRoot = check ? mkdtempSync(join(tmpdir(), "netpol-dist-")) : "dist";

// Every bundle: an ESM file for Node 20+, CommonJS dependencies given a real `require`.
const entries = [
  { in: "action/src/cli/main.ts", out: "cli.js", shebang: true },
  { in: "action/src/index.ts", out: "index.js" },
].filter((e) => existsSync(e.in));

const banner = (shebang) =>
  (shebang ? "#!/usr/bin/env node\n" : "") +
  'import { createRequire as __nrCreateRequire } from "node:module";\n' +
  "const require = __nrCreateRequire(import.meta.url);\n";

for (const entry of entries) {
  await build({
    entryPoints: [entry.in],
    outfile: join(outRoot, entry.out),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    banner: { js: banner(entry.shebang) },
    external: entry.external ?? [],
    legalComments: "none",
    logLevel: "warning",
  });
  if (entry.shebang) chmodSync(join(outRoot, entry.out), 0o755);
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
