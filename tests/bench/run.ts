/**
 * `npm run bench`: runs every benchmark section and prints its table. Sections are the default
 * exports of `*.bench.ts` files in this folder; `npm run bench -- <name>` runs the sections whose
 * file name contains <name>.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildCli } from "../../src/devtools/build";
import { formatSection, type BenchSection } from "./harness";

const here = fileURLToPath(new URL(".", import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts") && (!filter || f.includes(filter)))
  .sort();

// Sections that spawn `crw` run the prebuilt bundle: build it from the current sources first.
await buildCli();
console.log(`Channel Rules Workbench benchmarks · Node ${process.version} · ${new Date().toISOString()}\n`);
for (const file of files) {
  const mod = (await import(`./${file}`)) as { default: () => Promise<BenchSection | BenchSection[]> };
  const sections = await mod.default();
  for (const section of Array.isArray(sections) ? sections : [sections]) console.log(formatSection(section));
}
