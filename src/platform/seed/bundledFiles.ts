// The shipped rule library and samples as raw text. Only loadBundledSeed imports this module, and
// only dynamically, so the ~1.3 MB of seed text is one chunk fetched on a profile's first start.

/** Every JSON file under rules/ (rule files and pack manifests), keyed `/rules/...`. */
export const ruleLibrary: Record<string, string> = import.meta.glob<string>("/rules/**/*.json", {
  query: "?raw",
  import: "default",
  eager: true,
});

/** The sample dataset shown on first start and the schema of its records. */
export const sampleFiles: Record<string, string> = import.meta.glob<string>(
  ["/samples/distributors-300.json", "/samples/distributor.schema.json"],
  { query: "?raw", import: "default", eager: true },
);
