// Observed traffic: 1,000,000 plain-format records (about 200 MB, generated into a temporary
// directory) summarised, against the floor of reading the same file and JSON-parsing every
// line. Target: within 1.5x of the floor. Each run is a process of its own (median of 3,
// alternating); its peak RSS is printed, and a file of a quarter of the records with the same
// distinct flows shows memory follows distinct flows, not records.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync, openSync, closeSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const RECORDS = Number(process.env["FLOWS_RECORDS"] ?? 1_000_000);
const NAMESPACES = 20;
const WORKLOADS = 10;
const PORTS = [80, 443, 5432, 6379, 8080, 9090];

/** Writes `records` records: 200 workloads calling each other and a few outside addresses. */
export function generate(path: string, records: number): void {
  const fd = openSync(path, "w");
  let chunk = "";
  const base = Date.parse("2026-01-05T00:00:00Z");
  for (let i = 0; i < records; i++) {
    const ns = `team-${i % NAMESPACES}`;
    const w = Math.floor(i / NAMESPACES) % WORKLOADS;
    const to = Math.floor(i / (NAMESPACES * WORKLOADS)) % WORKLOADS;
    const port = PORTS[Math.floor(i / (NAMESPACES * WORKLOADS * WORKLOADS)) % PORTS.length];
    const pod = `svc-${w}-7d9f8c6b5-${(i % 997).toString(36).padStart(5, "x")}`;
    const dest =
      i % 50 === 0 ? `{"ip":"203.0.113.${i % 200}"}` : `{"namespace":"${ns}","labels":{"app":"svc-${to}"}}`;
    const time = new Date(base + i * 50).toISOString();
    chunk +=
      `{"time":"${time}","from":{"namespace":"${ns}","pod":"${pod}","labels":{"app":"svc-${w}","pod-template-hash":"7d9f8c6b5"}},` +
      `"to":${dest},"port":${port},"protocol":"TCP","verdict":"${i % 20 === 0 ? "denied" : "allowed"}"}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = "";
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

interface Run {
  ms: number;
  cpuMs: number;
  result: number;
  maxRssKiB: number;
}

function run(mode: string, file: string): Run {
  const out = execFileSync(process.execPath, ["--import", "tsx", join(here, "flows-child.ts"), mode, file], {
    encoding: "utf8",
  });
  return JSON.parse(out) as Run;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "netpol-flows-bench-"));
  try {
    const file = join(dir, "flows.jsonl");
    const quarter = join(dir, "quarter.jsonl");
    generate(file, RECORDS);
    generate(quarter, Math.floor(RECORDS / 4));
    writeFileSync(join(dir, "README"), "netpol-rollout flows bench scratch\n");
    const mb = statSync(file).size / 1e6;
    const parse: Run[] = [];
    const summarise: Run[] = [];
    for (let i = 0; i < 3; i++) {
      parse.push(run("parse", file));
      summarise.push(run("summarise", file));
    }
    const q = run("summarise", quarter);
    const floor = median(parse.map((r) => r.ms));
    const ours = median(summarise.map((r) => r.ms));
    const floorCpu = median(parse.map((r) => r.cpuMs));
    const oursCpu = median(summarise.map((r) => r.cpuMs));
    const records = Math.floor((summarise[0]?.result ?? 0) / 1e6);
    const flows = (summarise[0]?.result ?? 0) % 1e6;
    const ratio = ours / floor;
    console.log(
      `${RECORDS.toLocaleString("en")} plain records, ${mb.toFixed(0)} MB, ${flows} distinct flows (${records.toLocaleString("en")} records counted)`,
    );
    console.log(
      `  read + JSON.parse every line: median ${floor.toFixed(0)} ms (CPU ${floorCpu.toFixed(0)} ms), peak RSS ${(median(parse.map((r) => r.maxRssKiB)) / 1024).toFixed(0)} MiB`,
    );
    console.log(
      `  summarised (reader + summary): median ${ours.toFixed(0)} ms (CPU ${oursCpu.toFixed(0)} ms), peak RSS ${(median(summarise.map((r) => r.maxRssKiB)) / 1024).toFixed(0)} MiB`,
    );
    console.log(
      `  a quarter of the records, same distinct flows: ${q.ms.toFixed(0)} ms, peak RSS ${(q.maxRssKiB / 1024).toFixed(0)} MiB`,
    );
    console.log(
      `  ratio ${ratio.toFixed(2)}x wall, ${(oursCpu / floorCpu).toFixed(2)}x CPU (target ≤ 1.5x): ${ratio <= 1.5 ? "met" : "MISSED"}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
