/** What the bundles of src/devtools/build.ts and buildRuntime.ts share. */
import { fileURLToPath } from "node:url";
import type { BuildOptions } from "esbuild";

/** The repository root. */
export const root = fileURLToPath(new URL("../..", import.meta.url));

/** esbuild options shared by the CLI and the runtime bundles: ES modules for Node 20. */
export const nodeBundle: BuildOptions = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  // ES module builds first: jsonc-parser's `main` is a UMD build whose inner requires esbuild cannot see.
  mainFields: ["module", "main"],
  sourcemap: "linked",
  legalComments: "linked",
  logLevel: "warning",
  absWorkingDir: root,
};
