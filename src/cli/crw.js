#!/usr/bin/env node
// The `crw` command (package.json `bin`). It runs the prebuilt bundle dist/cli/crw.mjs as plain
// JavaScript; `npm install` / `npm ci` build it (the `prepare` script), `npm run build:cli` rebuilds it.
// When the bundle is missing, or a source it was built from (listed in dist/cli/inputs.json) is newer,
// it says so on stderr and runs the TypeScript sources through tsx instead, so a development checkout
// never runs stale code. `npm run crw -- …` always runs the sources.
import { existsSync, readFileSync, statSync } from "node:fs";

const bundle = new URL("../../dist/cli/crw.mjs", import.meta.url);
const inputs = new URL("../../dist/cli/inputs.json", import.meta.url);
const root = new URL("../../", import.meta.url);

/** Why the bundle cannot be used, or undefined when it is up to date. */
function bundleProblem() {
  if (!existsSync(bundle) || !existsSync(inputs)) return "dist/cli/crw.mjs is not built";
  const builtAt = statSync(bundle).mtimeMs;
  let sources;
  try {
    sources = JSON.parse(readFileSync(inputs, "utf8")).sources;
  } catch {
    return "dist/cli/inputs.json is unreadable";
  }
  for (const source of sources) {
    const stat = statSync(new URL(source, root), { throwIfNoEntry: false });
    if (!stat) return `${source} is gone since dist/cli/crw.mjs was built`;
    if (stat.mtimeMs > builtAt) return `${source} changed after dist/cli/crw.mjs was built`;
  }
  return undefined;
}

const problem = bundleProblem();
if (problem === undefined) {
  await import(bundle.href);
} else {
  let register;
  try {
    ({ register } = await import("tsx/esm/api"));
  } catch {
    process.stderr.write(
      `crw: ${problem}, and tsx (a dev dependency) is not installed to run the sources.\n`,
    );
    process.stderr.write("crw: run `npm install` (or `npm run build:cli`) in the project to build it.\n");
    process.exit(2);
  }
  process.stderr.write(
    `crw: ${problem}; running the sources through tsx (slow start). npm run build:cli rebuilds it.\n`,
  );
  register();
  await import("./main.ts");
}
