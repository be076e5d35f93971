/**
 * One bench, several commits, one machine, one run: each commit is checked out into a
 * temporary worktree (sharing this tree's node_modules) with this tree's bench/ files laid
 * over its own, so every commit runs the same harness. Repetitions alternate between the
 * commits, so a change in the machine's load falls on all of them alike. Prints each
 * figure the bench prints as the median over the repetitions, one column per commit.
 *
 *   npx tsx bench/compare.ts preview 78f5196^ HEAD [--reps 7]
 *
 * Hold the bench lock while it runs: flock /work/locks/bench.lock npx tsx bench/compare.ts …
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const NUMBER = /-?\d+(?:\.\d+)?/g;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8" }).trim();
}

interface Checkout {
  ref: string;
  sha: string;
  dir: string;
  /** Per output line (its text with the numbers taken out): the numbers of each repetition. */
  figures: Map<string, number[][]>;
}

function parseArgs(argv: string[]): { bench: string; refs: string[]; reps: number } {
  const args = [...argv];
  let reps = 5;
  const at = args.indexOf("--reps");
  if (at >= 0) {
    reps = Number(args[at + 1]);
    args.splice(at, 2);
  }
  const [bench, ...refs] = args;
  if (!bench || refs.length === 0 || !Number.isInteger(reps) || reps < 1)
    throw new Error("usage: tsx bench/compare.ts BENCH COMMIT... [--reps N]");
  return { bench, refs, reps };
}

function record(checkout: Checkout, output: string): void {
  for (const line of output.split("\n")) {
    const numbers = (line.match(NUMBER) ?? []).map(Number);
    if (numbers.length === 0) continue;
    const template = line.replace(NUMBER, "#");
    const list = checkout.figures.get(template) ?? [];
    list.push(numbers);
    checkout.figures.set(template, list);
  }
}

function main(): void {
  const { bench, refs, reps } = parseArgs(process.argv.slice(2));
  const root = git(process.cwd(), "rev-parse", "--show-toplevel");
  const modules = join(root, "node_modules");
  const benchDir = join(root, "bench");
  const temp = mkdtempSync(join(tmpdir(), "netpol-compare-"));
  const checkouts: Checkout[] = refs.map((ref, i) => ({
    ref,
    sha: git(root, "rev-parse", "--short", `${ref}^{commit}`),
    dir: join(temp, String(i)),
    figures: new Map(),
  }));
  try {
    for (const c of checkouts) {
      git(root, "worktree", "add", "--detach", "--quiet", c.dir, c.sha);
      symlinkSync(modules, join(c.dir, "node_modules"));
      for (const file of readdirSync(benchDir).filter((f) => f.endsWith(".ts")))
        cpSync(join(benchDir, file), join(c.dir, "bench", file));
    }
    const tsx = resolve(modules, ".bin", "tsx");
    for (let rep = 1; rep <= reps; rep++) {
      for (const c of checkouts) {
        const output = execFileSync(tsx, ["bench/run.ts", bench], { cwd: c.dir, encoding: "utf8" });
        record(c, output);
        console.error(`rep ${rep}/${reps} ${c.ref} (${c.sha}) done`);
      }
    }
  } finally {
    for (const c of checkouts) if (existsSync(c.dir)) git(root, "worktree", "remove", "--force", c.dir);
    rmSync(temp, { recursive: true, force: true });
  }

  console.log(`${bench}: median of ${reps} runs per commit, alternating`);
  const templates = [...new Set(checkouts.flatMap((c) => [...c.figures.keys()]))];
  for (const template of templates) {
    console.log(`\n${template}`);
    for (const c of checkouts) {
      const runs = c.figures.get(template) ?? [];
      const width = Math.max(0, ...runs.map((r) => r.length));
      const medians = Array.from({ length: width }, (_, k) =>
        median(runs.flatMap((r) => (r[k] === undefined ? [] : [r[k]]))),
      );
      console.log(`  ${`${c.ref} (${c.sha})`.padEnd(24)} ${medians.map((m) => String(m)).join("  ")}`);
    }
  }
}

main();
