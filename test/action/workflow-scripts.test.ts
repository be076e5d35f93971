/**
 * The shipped workflows never expand an expression inside a script: a value GitHub pastes
 * into `run:` is shell code, and outputs may carry data read from the cluster. Outputs and
 * inputs reach the shell through `env:`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import jsyaml from "js-yaml";
import { expect, it } from "vitest";

const dir = join(import.meta.dirname, "../../.github/workflows");

it("no workflow step puts ${{ }} inside run:", () => {
  const scripts: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".yml"))) {
    const workflow = jsyaml.load(readFileSync(join(dir, file), "utf8")) as {
      jobs: Record<string, { steps?: { name?: string; run?: string }[] }>;
    };
    for (const [id, job] of Object.entries(workflow.jobs)) {
      for (const step of job.steps ?? []) {
        if (step.run?.includes("${{")) scripts.push(`${file} ${id}: ${step.name ?? step.run.slice(0, 40)}`);
      }
    }
  }
  expect(scripts).toEqual([]);
});
