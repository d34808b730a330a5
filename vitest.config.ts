import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["./lib/testing/vitest-global-setup.ts"],
    // Tests share one real database and own their rows; files run in parallel.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
