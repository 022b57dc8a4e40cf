/**
 * The bundles, built with esbuild:
 *
 * - `npm run build:cli` (also run by `npm install` / `npm ci` through `prepare`): the `crw` command
 *   line as plain JavaScript, so `npx crw` starts without compiling TypeScript. `src/cli/crw.js` (the
 *   `bin`) runs the bundle and falls back to the sources through tsx when the bundle is missing or
 *   older than a source it was built from. Each entry of {@link CLI_ENTRIES} becomes
 *   `dist/cli/<name>.mjs`, with every dependency inlined. A second entry, such as a worker thread's
 *   script, is one more line there; code that starts it finds it beside itself with
 *   `new URL("./<name>.mjs", import.meta.url)` in the bundle.
 * - `npm run build:runtime`: the embeddable runtime (src/runtime) as a publishable folder
 *   `dist/runtime/`: one ES module, its type declarations, `package.json`, README and the licenses of
 *   the bundled dependencies. See buildRuntime.ts.
 */
import { writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { nodeBundle, root } from "./bundleOptions";

/** Bundle name in `dist/cli/` → source entry, relative to the repository root. */
export const CLI_ENTRIES: Readonly<Record<string, string>> = {
  crw: "src/cli/main.ts",
  "read-worker": "src/cli/io/readWorker.ts",
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

/** `n` bytes as kB with one decimal. */
const kB = (n: number): string => `${(n / 1024).toFixed(1)} kB`;

const targets: Record<string, () => Promise<string>> = {
  async cli() {
    const { files, ms } = await buildCli();
    return `build cli: ${files.filter((f) => f.endsWith(".mjs")).join(", ")} in ${Math.round(ms)} ms`;
  },
  async runtime() {
    // Loaded only here: it brings the TypeScript compiler, which the CLI build does not need.
    const { buildRuntime, RUNTIME_DIR } = await import("./buildRuntime");
    const built = await buildRuntime();
    return (
      `build runtime: ${relative(root, RUNTIME_DIR)}/ in ${Math.round(built.ms)} ms; ` +
      `index.js ${kB(built.bytes)} (${built.bytes} bytes), gzip ${kB(built.gzipBytes)} (${built.gzipBytes} bytes)\n` +
      built.files.map((f) => `  ${f}`).join("\n")
    );
  },
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !(name in targets));
  if (names.length === 0 || unknown.length > 0) {
    process.stderr.write(`usage: tsx src/devtools/build.ts ${Object.keys(targets).join("|")} ...\n`);
    process.exit(2);
  }
  for (const name of names) console.log(await targets[name]!());
}
