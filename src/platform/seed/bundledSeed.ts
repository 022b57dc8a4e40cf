import type { SeedBundle, SeedFile } from "./prepareSeed";

/** The sample datasets of the bundle: data file and record schema, as repository paths. */
export const bundledDatasets = [
  { data: "samples/distributors-300.json", schema: "samples/distributor.schema.json" },
] as const;

/**
 * Reads the seed files built into the app: the rule library under rules/ and the samples. Vite
 * keys them by `/`-rooted paths; the bundle names them as the repository does (`rules/...`).
 */
export async function loadBundledSeed(): Promise<SeedBundle> {
  const { ruleLibrary, sampleFiles } = await import("./bundledFiles");
  const file = (path: string, text: string): SeedFile => ({ path: path.replace(/^\//, ""), text });
  const sample = (path: string): SeedFile => {
    const text = sampleFiles[`/${path}`];
    if (text === undefined) throw new Error(`The sample ${path} is missing from the build.`);
    return file(path, text);
  };
  return {
    documents: Object.entries(ruleLibrary).map(([path, text]) => file(path, text)),
    datasets: bundledDatasets.map((d) => ({ data: sample(d.data), schema: sample(d.schema) })),
  };
}
