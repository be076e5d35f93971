import { defineConfig } from "vitest/config";

/**
 * The package tier (`npm run test:package`): packs the npm package and uses it from a scratch
 * repository, as docs/getting-started.md tells a new user to. No registry is needed: the
 * package has no dependencies, so its tarball installs offline.
 */
export default defineConfig({
  test: {
    include: ["test/package/**/*.package.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    reporters: ["default", "./test/helpers/closing-line-reporter.ts"],
  },
});
