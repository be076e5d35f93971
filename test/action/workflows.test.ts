/**
 * The shipped workflows and GitHub's concurrency groups: a group keeps one running and one
 * waiting job, and cancels the waiting one when another is queued. So no drift job may share
 * a group with a deploy or a rollback, no rollback may wait in a group at all, nothing
 * cancels a running job, and drift runs without the deploy environment's reviewers.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import jsyaml from "js-yaml";
import { describe, expect, it } from "vitest";

const dir = join(import.meta.dirname, "../../.github/workflows");

interface Job {
  environment?: string;
  concurrency?: string | { group: string; "cancel-in-progress"?: boolean | string };
  strategy?: { matrix?: { environment?: string[] } };
}

function jobs(file: string): Record<string, Job> {
  return (jsyaml.load(readFileSync(join(dir, file), "utf8")) as { jobs: Record<string, Job> }).jobs;
}

/** Every concurrency group a workflow's jobs may join, with matrix values and choices spelled out. */
function groups(file: string, environments = ["dev", "staging", "production"]): string[] {
  const out: string[] = [];
  for (const job of Object.values(jobs(file))) {
    const c = job.concurrency;
    if (c === undefined) continue;
    const group = typeof c === "string" ? c : c.group;
    const expanded = /\$\{\{\s*(matrix|inputs)\.environment\s*\}\}/.test(group)
      ? environments.map((e) => group.replace(/\$\{\{[^}]*\}\}/, e))
      : [group];
    out.push(...expanded.map((g) => g.toLowerCase())); // group names are case-insensitive
  }
  return out;
}

describe("the shipped workflows", () => {
  it("never put drift in a group with a deploy or a rollback", () => {
    const drift = new Set(groups("drift.yml"));
    expect(drift.size).toBe(3);
    for (const g of [...groups("deploy.yml"), ...groups("rollback.yml")]) expect(drift.has(g)).toBe(false);
  });

  it("never let a rollback wait in a group, where a queued job would cancel it", () => {
    expect(groups("rollback.yml")).toEqual([]);
  });

  it("never cancel a running job", () => {
    for (const file of ["deploy.yml", "rollback.yml", "drift.yml"]) {
      for (const job of Object.values(jobs(file))) {
        const c = job.concurrency;
        if (c !== undefined && typeof c !== "string") expect(c["cancel-in-progress"]).toBe(false);
      }
    }
  });

  it("run drift under an environment of its own, not the deploy environment with its reviewers", () => {
    const envs = Object.values(jobs("drift.yml")).map((j) => j.environment);
    expect(envs).toEqual(["${{ matrix.environment }}-drift"]);
    const deployEnvs = Object.values(jobs("deploy.yml")).map((j) => j.environment);
    expect(deployEnvs).toEqual(["dev", "staging", "production"]);
  });
});
