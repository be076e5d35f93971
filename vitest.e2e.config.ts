import { defineConfig } from "vitest/config";

/** The e2e tier (`npm run test:e2e`): real engine, real API server; one file at a time, in one process. */
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.test.ts"],
    // Prints every real component's version (and what is skipped) before any test; then
    // starts the real cluster once for every file (stopped after the last one).
    globalSetup: ["./test/e2e/versions.setup.ts", "./test/e2e/cluster.setup.ts"],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    sequence: { concurrent: false },
    reporters: ["default", "./test/helpers/closing-line-reporter.ts"],
  },
});
