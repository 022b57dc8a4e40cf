import { buildCli } from "../../src/devtools/build";

/**
 * Builds dist/cli/crw.mjs from the current sources once before the CLI tests, which run it as plain
 * `node` the way `npx crw` does. Always rebuilt (about a quarter of a second), so a test never runs a
 * bundle older than the code under test.
 */
export default async function setup(): Promise<void> {
  await buildCli();
}
