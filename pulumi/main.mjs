// The file the Pulumi Node.js runtime runs (Pulumi.yaml `main`). The program itself is
// TypeScript (pulumi/index.ts) bundled by `npm run build` into dist/pulumi/index.js with
// @pulumi/* left external, so the runtime and the program share one @pulumi/pulumi.
// The root package.json has "type": "module", so the runtime imports this file as ESM and
// calls its default export; what the program returns becomes the stack outputs.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { RunError } from "@pulumi/pulumi";

const bundle = new URL("../dist/pulumi/index.js", import.meta.url);

export default async function program() {
  if (!existsSync(fileURLToPath(bundle))) {
    const error = new RunError(
      `netpol-rollout: the program bundle ${fileURLToPath(bundle)} does not exist; run \`npm ci && npm run build\` in the repository root first`,
    );
    // No stack: the runtime would otherwise format it in a way that takes ~15 s (see index.ts).
    error.stack = "";
    throw error;
  }
  const { default: main } = await import(bundle.href);
  return main();
}
