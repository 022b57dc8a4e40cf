import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { MANIFESTS, SAMPLE_CSV, compareRows, compile, duckRows, loadCase, reference } from "./harness";

describe("SQL target in DuckDB: the sample packs over the sample dataset", () => {
  for (const manifest of [...MANIFESTS, "tests/engine/sql/fixtures/errors/errors.manifest.json"]) {
    it(`${manifest} gives crw eval's results`, async () => {
      const c = await loadCase(manifest);
      const compiled = compile(
        c,
        "duckdb",
        undefined,
        `read_csv('${resolve(SAMPLE_CSV)}', header = true, all_varchar = true)`,
      );
      expect(compiled.refusals).toEqual([]);
      const rows = await duckRows(compiled.sql!);
      const result = compareRows(rows, await reference(c, SAMPLE_CSV));
      expect(result.compared).toBe(300);
    }, 60_000);
  }
});
