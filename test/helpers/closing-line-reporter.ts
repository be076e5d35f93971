// Prints one plain closing line, "N passed, N failed[, N skipped]", after vitest's own
// summary, so any log reader can tell how many tests ran without parsing vitest's format.
// With NETPOL_TEST_TALLY set to a file path, the counts are also appended to that file as
// "passed failed skipped", so a script running several tiers can print their total.
import { appendFileSync } from "node:fs";
import type { Reporter, TestModule } from "vitest/node";

export default class ClosingLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
    const tally = process.env["NETPOL_TEST_TALLY"];
    if (tally) appendFileSync(tally, `${passed} ${failed} ${skipped}\n`);
  }
}
