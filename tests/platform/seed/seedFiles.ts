import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { SeedBundle } from "../../../src/platform";

/** Repository root. */
export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

const read = (path: string) => ({ path, text: readFileSync(join(ROOT, path), "utf8") });

/** The shipped seed files read from disk, as the browser build bundles them. */
export function diskSeedBundle(): SeedBundle {
  const documents = readdirSync(join(ROOT, "rules"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => read(relative(ROOT, join(entry.parentPath, entry.name)).split("\\").join("/")));
  return {
    documents,
    datasets: [
      { data: read("samples/distributors-300.json"), schema: read("samples/distributor.schema.json") },
    ],
  };
}
