import { run } from "./run.js";

// A reader that closes early (`netpol-rollout analyze … | head`) ends the output, and the
// command with it, quietly, as Unix tools do: no EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
  });
}

try {
  process.exitCode = await run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  });
} catch (error) {
  // An unexpected failure: one line, no stack trace unless asked for.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`netpol-rollout: internal error: ${message}\n`);
  if (process.env["NETPOL_ROLLOUT_DEBUG"]) process.stderr.write(`${String((error as Error).stack)}\n`);
  process.exitCode = 70;
}
