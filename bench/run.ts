// Runs every bench/*.bench.ts in name order. Each file prints its own figures.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const all = readdirSync(here).filter((f) => f.endsWith(".bench.ts"));
// An exact name runs that bench alone ("probe" is not also "probe-plan"); else a substring.
const files = (
  only && all.includes(`${only}.bench.ts`)
    ? [`${only}.bench.ts`]
    : all.filter((f) => !only || f.includes(only))
).sort();
for (const file of files) {
  console.log(`\n== ${file.replace(/\.bench\.ts$/, "")} ==`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { main?: () => Promise<void> };
  if (mod.main) await mod.main();
}
