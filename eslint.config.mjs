import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "drizzle/meta/**",
      "bench/results/**",
      // The widget bundles built from widget/ (scripts/build-widget.ts).
      "public/widget.js",
      "public/widget/**",
      "next-env.d.ts",
    ],
  },
  ...tseslint.configs.recommended,
  nextPlugin.configs["core-web-vitals"],
  reactHooks.configs.flat.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // The app logs through lib/logger.ts; scripts and tests print freely.
      "no-console": "error",
    },
  },
  {
    files: ["scripts/**", "e2e/**", "bench/**", "**/*.test.ts", "*.config.*"],
    rules: { "no-console": "off" },
  },
  {
    // Playwright fixtures take a `use` callback that is not React's `use` hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
);
