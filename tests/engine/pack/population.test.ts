import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { computePopulation, type PopulationRow } from "../../../src/engine/pack/population";
import type { PopulationOp } from "../../../src/engine/pack/model";

const base = { id: "x", out: "pop.x", measure: "m" } as const;
const rows = (measures: unknown[], partitions?: unknown[]): PopulationRow[] =>
  measures.map((measure, i) => ({
    measure,
    id: `D-${String(i + 1).padStart(2, "0")}`,
    partition: partitions?.[i],
  }));
type OpSpec = PopulationOp extends infer T
  ? T extends PopulationOp
    ? Omit<T, "id" | "out" | "measure">
    : never
  : never;
const run = (op: OpSpec, input: PopulationRow[]) => computePopulation({ ...base, ...op }, input);

describe("rank", () => {
  it("gives competition ranks, descending by default", () => {
    expect(run({ op: "rank" }, rows([10, 30, 20, 20, 5]))).toEqual([4, 1, 2, 2, 5]);
  });
  it("ranks ascending on request", () => {
    expect(run({ op: "rank", order: "asc" }, rows([10, 30, 20, 20, 5]))).toEqual([2, 5, 3, 3, 1]);
  });
  it("ranks inside each partition; missing partition values form their own group", () => {
    const input = rows([1, 2, 3, 4, 5], ["N", "S", "N", undefined, null]);
    expect(run({ op: "rank" }, input)).toEqual([2, 1, 1, 2, 1]);
  });
  it("gives null to non-finite measures and leaves them out", () => {
    expect(run({ op: "rank" }, rows([5, NaN, "7", null, Infinity, 3]))).toEqual([
      1,
      null,
      null,
      null,
      null,
      2,
    ]);
  });
  it("keeps string and number partition values apart", () => {
    expect(run({ op: "rank" }, rows([1, 2], ["1", 1]))).toEqual([1, 1]);
  });
});

describe("percentile", () => {
  it("is CUME_DIST ascending, ties sharing the last position", () => {
    expect(run({ op: "percentile" }, rows([10, 20, 20, 40]))).toEqual([0.25, 0.75, 0.75, 1]);
  });
  it("descending counts records at or above", () => {
    expect(run({ op: "percentile", order: "desc" }, rows([10, 20, 20, 40]))).toEqual([1, 0.75, 0.75, 0.25]);
  });
});

// channel-rules-domain.md §5.2 E4: ten distributors (万元), breaks 0.8 / 0.95.
const e4Sales = [1800, 1000, 400, 250, 180, 120, 90, 70, 50, 40];

describe("cumulative_share_class", () => {
  it("reproduces the E4 worked table: the crossing record stays in the upper class", () => {
    // Shuffle so the operator has to sort; ids keep the table's rank.
    const order = [6, 2, 9, 0, 4, 8, 1, 3, 7, 5];
    const input = order.map((r) => ({ measure: e4Sales[r], id: `D-${String(r + 1).padStart(2, "0")}` }));
    const classes = run(
      { op: "cumulative_share_class", breaks: [0.8, 0.95], labels: ["A", "B", "C"] },
      input,
    );
    const byRank = order.map((r, i) => [r + 1, classes[i]] as const).sort((a, b) => a[0] - b[0]);
    expect(byRank.map(([, c]) => c)).toEqual(["A", "A", "A", "B", "B", "B", "B", "C", "C", "C"]);
  });
  it("gives null when the partition total is not positive", () => {
    expect(run({ op: "cumulative_share_class", breaks: [0.5], labels: ["A", "B"] }, rows([0, 0]))).toEqual([
      null,
      null,
    ]);
  });
});

describe("cumulative_share", () => {
  it("matches the E4 c column", () => {
    const shares = run({ op: "cumulative_share" }, rows(e4Sales));
    expect(shares.map((s) => Math.round((s as number) * 10000) / 100)).toEqual([
      45, 70, 80, 86.25, 90.75, 93.75, 96, 97.75, 99, 100,
    ]);
  });
  it("breaks ties by record id ascending, not input order", () => {
    const input = [
      { measure: 50, id: "D-2" },
      { measure: 50, id: "D-1" },
    ];
    expect(run({ op: "cumulative_share" }, input)).toEqual([1, 0.5]);
  });
  it("is null when the partition total is not positive", () => {
    expect(run({ op: "cumulative_share" }, rows([5, -5]))).toEqual([null, null]);
  });
});

describe("group_stat", () => {
  const input = rows([1, 2, 3, 10, "x"], ["a", "a", "a", "b", "b"]);
  it.each([
    ["sum", [6, 6, 6, 10, null]],
    ["mean", [2, 2, 2, 10, null]],
    ["min", [1, 1, 1, 10, null]],
    ["max", [3, 3, 3, 10, null]],
    ["count", [3, 3, 3, 1, null]],
  ] as const)("%s per partition", (stat, expected) => {
    expect(run({ op: "group_stat", stat }, input)).toEqual(expected);
  });
  it("sums in input order", () => {
    // 0.1 + 0.2 + 0.3 in input order is 0.6000000000000001; sorted descending it would be 0.6.
    expect(run({ op: "group_stat", stat: "sum" }, rows([0.1, 0.2, 0.3]))[0]).toBe(0.1 + 0.2 + 0.3);
    expect(0.1 + 0.2 + 0.3).not.toBe(0.3 + 0.2 + 0.1);
  });
});

describe("normalize_to_max", () => {
  it("scales to the partition maximum × 100", () => {
    expect(run({ op: "normalize_to_max" }, rows([50, 200, 100]))).toEqual([25, 100, 50]);
  });
  it("is null when the maximum is not positive", () => {
    expect(run({ op: "normalize_to_max" }, rows([-1, 0]))).toEqual([null, null]);
  });
});

describe("budget_factor", () => {
  const withBudget = (budget: unknown, measures: number[]) => rows(measures).map((r) => ({ ...r, budget }));
  it("is min(1, budget ÷ sum)", () => {
    expect(run({ op: "budget_factor", budget: 0 }, withBudget(300, [100, 300]))).toEqual([0.75, 0.75]);
    expect(run({ op: "budget_factor", budget: 0 }, withBudget(1000, [100, 300]))).toEqual([1, 1]);
  });
  it("is 1 when the sum is not positive, null without a finite budget", () => {
    expect(run({ op: "budget_factor", budget: 0 }, withBudget(10, [0, 0]))).toEqual([1, 1]);
    expect(run({ op: "budget_factor", budget: 0 }, withBudget(null, [1]))).toEqual([null]);
  });
});

describe("rank and percentile count in a sorted copy of the measures", () => {
  /** The definitions by counting: 1 + records strictly before; share at or before (pack-format.md §5). */
  function byCounting(op: "rank" | "percentile", order: "asc" | "desc", input: PopulationRow[]) {
    return input.map((row) => {
      const m = row.measure;
      if (typeof m !== "number" || !Number.isFinite(m)) return null;
      const peers = input.filter(
        (r) =>
          typeof r.measure === "number" &&
          Number.isFinite(r.measure) &&
          (r.partition ?? null) === (row.partition ?? null),
      );
      const before = (x: number) => (order === "desc" ? x > m : x < m);
      if (op === "rank") return 1 + peers.filter((r) => before(r.measure as number)).length;
      return peers.filter((r) => before(r.measure as number) || r.measure === m).length / peers.length;
    });
  }

  it("equal the counting definitions on random measures with many ties, -0 and 0, and partitions", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom(0, -0, 1, 2.5, -3, NaN, null),
              fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
            ),
            fc.constantFrom("N", "S", undefined),
          ),
          { maxLength: 60 },
        ),
        fc.constantFrom<"asc" | "desc">("asc", "desc"),
        (pairs, order) => {
          const input = rows(
            pairs.map((p) => p[0]),
            pairs.map((p) => p[1]),
          );
          expect(run({ op: "rank", order }, input)).toEqual(byCounting("rank", order, input));
          expect(run({ op: "percentile", order }, input)).toEqual(byCounting("percentile", order, input));
        },
      ),
      { numRuns: 300, seed: 20261204 },
    );
  });
});
