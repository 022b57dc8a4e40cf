/**
 * The errors column quotes values as crw eval's messages do: numbers as JavaScript's String(x), strings
 * as JSON.stringify (cut past 60 characters). Here each text in DuckDB against JavaScript's own.
 */
import { describe, expect, it } from "vitest";
import { duckRows } from "./harness";
import { jsText, textDoubles, textQuery, textStrings } from "./errorText";

describe("values in error messages, as JavaScript writes them (DuckDB)", () => {
  it("numbers: every layout of Number::toString, -0, NaN and ±Infinity; strings: escapes and the cut", async () => {
    const doubles = textDoubles();
    const rows = await duckRows(textQuery("duckdb", doubles, textStrings));
    const want = jsText(doubles, textStrings);
    rows.forEach((row, i) =>
      expect({ i, x: doubles[i], text: row.t }).toEqual({ i, x: doubles[i], text: want[i] }),
    );
    expect(rows).toHaveLength(want.length);
  }, 60_000);
});
