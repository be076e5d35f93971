import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/e2e/**", "test/package/**", "node_modules/**"],
    testTimeout: 20_000,
    reporters: ["default", "./test/helpers/closing-line-reporter.ts"],
  },
});
