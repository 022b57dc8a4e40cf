/**
 * The results grid's order computed in slices: the same rows in the same order as the sort and
 * filter it replaces (Array.prototype.sort with localeCompare, ties in record order), pausing between
 * slices over a large table, and giving up when the grid asks for another order.
 */
import { describe, expect, it } from "vitest";
import {
  createSlicer,
  mergeSort,
  OrderCancelled,
  orderRows,
  type Slicer,
} from "../../../../src/workbench/parts/simulation/gridOrder";
import { text } from "../../../../src/workbench/parts/simulation/format";

/** The order as the grid computed it before, all at once. */
function reference(
  count: number,
  needle: string,
  filterColumns: readonly (readonly unknown[])[],
  sort: { column: readonly unknown[]; dir: 1 | -1 } | undefined,
  locale: string,
): number[] {
  let rows = Array.from({ length: count }, (_, i) => i);
  if (needle) rows = rows.filter((i) => filterColumns.some((c) => text(c[i]).toLowerCase().includes(needle)));
  if (sort) {
    const key = (v: unknown) => (v === undefined || v === null ? "" : v);
    rows.sort((a, b) => {
      const x = key(sort.column[a]);
      const y = key(sort.column[b]);
      const c =
        typeof x === "number" && typeof y === "number" ? x - y : text(x).localeCompare(text(y), locale);
      return c * sort.dir || a - b;
    });
  }
  return rows;
}

/** A pseudo-random table: ids, Chinese and Latin names, regions, amounts with gaps. */
function table(count: number) {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const names = ["华东经销", "Acme", "北方商贸", "acme", "Zeta", "西南", "Ω"];
  const regions = ["East", "West", "North", "South"];
  const ids = Array.from({ length: count }, (_, i) => `D-${String(i).padStart(6, "0")}`);
  const name = Array.from({ length: count }, () => names[Math.floor(next() * names.length)]!);
  const region = Array.from({ length: count }, () =>
    next() < 0.05 ? null : regions[Math.floor(next() * 4)]!,
  );
  const amount = Array.from({ length: count }, () => (next() < 0.1 ? null : Math.round(next() * 1000) / 10));
  return { ids, name, region, amount };
}

const never: Slicer = createSlicer(() => false, Infinity);

describe("orderRows", () => {
  it("is null (every record, in record order) with no filter and no sort", async () => {
    expect(await orderRows({ count: 10, needle: "", filterColumns: [], locale: "en" }, never)).toBeNull();
  });

  for (const locale of ["en", "zh-CN"])
    for (const dir of [1, -1] as const)
      it(`sorts and filters as the whole-array sort did (${locale}, ${dir === 1 ? "ascending" : "descending"})`, async () => {
        const t = table(3000);
        for (const column of [t.amount, t.name, t.region, t.ids])
          for (const needle of ["", "ac", "d-0001"]) {
            const filterColumns = [t.ids, t.name, t.region];
            const got = await orderRows(
              { count: 3000, needle, filterColumns, sort: { column, dir }, locale },
              never,
            );
            expect(Array.from(got!)).toEqual(reference(3000, needle, filterColumns, { column, dir }, locale));
          }
      });

  it("filters alone, keeping record order", async () => {
    const t = table(500);
    const got = await orderRows(
      { count: 500, needle: "west", filterColumns: [t.region], locale: "en" },
      never,
    );
    expect(Array.from(got!)).toEqual(reference(500, "west", [t.region], undefined, "en"));
    expect(got!.length).toBeGreaterThan(0);
  });

  it("pauses between slices over 200,000 rows and still gives the same order", async () => {
    const t = table(200_000);
    let pauses = 0;
    const slicer = createSlicer(() => false, 5);
    const counting: Slicer = { due: () => slicer.due(), pause: () => (pauses++, slicer.pause()) };
    const got = await orderRows(
      { count: 200_000, needle: "", filterColumns: [], sort: { column: t.amount, dir: -1 }, locale: "en" },
      counting,
    );
    expect(pauses).toBeGreaterThan(1);
    expect(Array.from(got!)).toEqual(reference(200_000, "", [], { column: t.amount, dir: -1 }, "en"));
  });

  it("gives up at the next pause once cancelled", async () => {
    const t = table(50_000);
    let cancelled = false;
    const slicer = createSlicer(() => cancelled, 0);
    const running = orderRows(
      { count: 50_000, needle: "", filterColumns: [], sort: { column: t.name, dir: 1 }, locale: "en" },
      slicer,
    );
    cancelled = true;
    await expect(running).rejects.toBeInstanceOf(OrderCancelled);
  });
});

describe("mergeSort", () => {
  it("is stable: equal keys keep their order", async () => {
    const keys = [3, 1, 2, 1, 3, 2, 1];
    const items = Uint32Array.from(keys.keys());
    const sorted = await mergeSort(items, (a, b) => keys[a]! - keys[b]!, never);
    expect(Array.from(sorted)).toEqual([1, 3, 6, 2, 5, 0, 4]);
  });
});
