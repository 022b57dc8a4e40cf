/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

/**
 * The Content-Security-Policy `npm start` and the end-to-end server send with every response: nothing
 * may be loaded from or sent to another origin, no inline or evaluated script runs, so no data can
 * leave the tab and a hostile file cannot run code. Styles allow 'unsafe-inline' because Monaco
 * writes its theme and decorations into <style> elements at run time. Workers are same-origin module
 * scripts and get the same policy (no 'unsafe-eval': the engine's closure evaluator runs instead).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

// One config for the app build and for Vitest. End-to-end tests run under Playwright
// (tests/e2e/playwright.config.ts) against the production build, never here.
export default defineConfig({
  plugins: [react()],
  build: {
    // dist/ also holds the crw and runtime bundles (npm run build:cli, build:runtime), which a build
    // emptying all of dist/ would delete.
    outDir: "dist/app",
    target: "es2022",
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
  },
  worker: { format: "es" },
  preview: {
    headers: {
      "Content-Security-Policy": contentSecurityPolicy,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    },
  },
  test: {
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    projects: [
      {
        extends: true,
        test: {
          name: "engine",
          // The engine must not need a DOM: its tests run in plain Node.
          environment: "node",
          include: ["tests/engine/**/*.test.ts", "tests/base/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "cli",
          environment: "node",
          // The CLI tests run the prebuilt bundle (dist/cli/crw.mjs): build it from the current sources.
          globalSetup: ["tests/cli/globalSetup.ts"],
          include: [
            "tests/cli/**/*.test.ts",
            "tests/runtime/**/*.test.ts",
            "tests/rules/**/*.test.ts",
            "tests/samples/**/*.test.ts",
            "tests/devtools/**/*.test.ts",
            "tests/e2e/**/*.test.ts",
            "tests/generator/**/*.test.ts",
          ],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "app",
          environment: "node",
          include: [
            "tests/platform/**/*.test.ts",
            "tests/machines/**/*.test.ts",
            "tests/workbench/**/*.test.ts",
            "tests/workbench/**/*.test.tsx",
          ],
        },
      },
    ],
  },
});
