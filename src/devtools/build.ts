/**
 * `npm run build:cli` (also run by `npm install` / `npm ci` through `prepare`): bundles the `crw`
 * command line into plain JavaScript with esbuild, so `npx crw` starts without compiling TypeScript.
 * `src/cli/crw.js` (the `bin`) runs the bundle and falls back to the sources through tsx when the
 * bundle is missing or older than a source it was built from.
 *
 * Each entry of {@link CLI_ENTRIES} becomes `dist/cli/<name>.mjs`, with every dependency inlined. A
 * second entry, such as a worker thread's script, is one more line there; code that starts it finds it
 * beside itself with `new URL("./<name>.mjs", import.meta.url)` in the bundle.
 */
import { writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildOptions } from "esbuild";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Bundle name in `dist/cli/` → source entry, relative to the repository root. */
export const CLI_ENTRIES: Readonly<Record<string, string>> = {
  crw: "src/cli/main.ts",
};

/** Where the CLI bundle goes, and the list of sources it was built from (read by src/cli/crw.js). */
export const CLI_DIR = resolve(root, "dist/cli");
export const CLI_INPUTS = resolve(CLI_DIR, "inputs.json");

/**
 * Bundled CommonJS dependencies (papaparse, ajv, …) may `require` Node built-ins; an ES module has no
 * `require`, so the bundle makes one.
 */
const REQUIRE_SHIM = `import { createRequire as __crwCreateRequire } from "node:module";
const require = __crwCreateRequire(import.meta.url);`;

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

/** Builds every CLI entry into `dist/cli/` and records the project sources it read. */
export async function buildCli(): Promise<{ files: string[]; ms: number }> {
  const start = performance.now();
  const result = await build({
    ...nodeBundle,
    entryPoints: Object.entries(CLI_ENTRIES).map(([out, input]) => ({ in: input, out })),
    outdir: CLI_DIR,
    outExtension: { ".js": ".mjs" },
    banner: { js: REQUIRE_SHIM },
    metafile: true,
  });
  const sources = Object.keys(result.metafile.inputs)
    .filter((input) => !input.includes("node_modules/"))
    .sort();
  await writeFile(CLI_INPUTS, JSON.stringify({ sources }, null, 2) + "\n");
  const files = Object.keys(result.metafile.outputs).map((f) => relative(root, resolve(root, f)));
  return { files, ms: performance.now() - start };
}

const targets: Record<string, () => Promise<{ files: string[]; ms: number }>> = { cli: buildCli };

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !(name in targets));
  if (names.length === 0 || unknown.length > 0) {
    process.stderr.write(`usage: tsx src/devtools/build.ts ${Object.keys(targets).join("|")} ...\n`);
    process.exit(2);
  }
  for (const name of names) {
    const { files, ms } = await targets[name]!();
    const main = files.filter((f) => f.endsWith(".mjs"));
    console.log(`build ${name}: ${main.join(", ")} in ${Math.round(ms)} ms`);
  }
}
