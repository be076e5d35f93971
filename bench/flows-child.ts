// One measured run of the flows bench, in a process of its own so its peak RSS is its own:
//   parse FILE      read the file and JSON.parse every line (the floor)
//   summarise FILE  the plain-format reader and the summary
import { performance } from "node:perf_hooks";
import { readFlowFiles } from "../action/src/adapters/flow-files.js";
import { FlowReader } from "../action/src/flows/read.js";

const [mode, file] = process.argv.slice(2) as [string, string];

/** The same streaming, line splitting and UTF-8 check, and only JSON.parse per line. */
async function parse(): Promise<number> {
  let n = 0;
  const sink = {
    limits: new FlowReader().limits,
    startFile: () => undefined,
    line: (text: string) => {
      JSON.parse(text);
      n++;
    },
  };
  await readFlowFiles([file], sink, { cwd: process.cwd() });
  return n;
}

async function summarise(): Promise<number> {
  const reader = new FlowReader({ format: "plain" });
  await readFlowFiles([file], reader, { cwd: process.cwd() });
  const summary = reader.finish();
  return summary.records * 1e6 + summary.flows.length;
}

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const result = mode === "parse" ? await parse() : await summarise();
const cpu = process.cpuUsage(cpu0);
const ms = performance.now() - t0;
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(`${JSON.stringify({ ms, cpuMs, result, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
