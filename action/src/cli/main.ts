import { run } from "./run.js";

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
