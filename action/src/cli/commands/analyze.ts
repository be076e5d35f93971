import type { Command } from "commander";
import type { CliContext } from "../context.js";

// Placeholder until the command is built; replaced by its real registration.
export function register(program: Command, ctx: CliContext): void {
  program
    .command("analyze")
    .description("(not built yet)")
    .action(() => {
      ctx.io.stderr("netpol-rollout analyze: not built yet\n");
      ctx.exitCode = 2;
    });
}
