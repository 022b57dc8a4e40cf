/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

/**
 * Monaco's language features start their worker through `internal/common/workers.js`, which also
 * imports every editor feature for its side effects (about 2.5 MB of code this app does not use).
 * Redirects that one import to an equivalent without the side effects (see languageWorkers.ts).
 */
function monacoLanguageWorkers(): Plugin {
  const replacement = fileURLToPath(
    new URL("src/platform/monaco/runtime/languageWorkers.ts", import.meta.url),
  );
  return {
    name: "crw:monaco-language-workers",
    enforce: "pre",
    resolveId(source, importer) {
      const fromLanguageFeature = importer
        ?.replace(/\\/g, "/")
        .includes("monaco-editor/esm/vs/languages/features/");
      return fromLanguageFeature && source.endsWith("/internal/common/workers.js") ? replacement : null;
    },
  };
}

// One config for the app build and for Vitest. End-to-end tests run under Playwright
// (tests/e2e/playwright.config.ts) against the production build, never here.
export default defineConfig({
  plugins: [react(), monacoLanguageWorkers()],
  build: {
    target: "es2022",
    sourcemap: true,
    chunkSizeWarningLimit: 4096,
  },
  worker: { format: "es" },
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
          include: [
            "tests/cli/**/*.test.ts",
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
