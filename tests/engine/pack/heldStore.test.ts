import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NodeLocator } from "../../../src/engine/pack/graph";
import type { PackContent } from "../../../src/engine/pack/model";
import {
  RecordBatches,
  RejectedRecord,
  runPack,
  runPackLines,
  type RunOptions,
} from "../../../src/engine/pack/pipeline";
import { preparePack } from "../../../src/engine/pack/prepare";
import { makeRunContext, resolveParams } from "../../../src/engine/pack/context";
import { resultLine } from "../../../src/engine/pack/resultLine";
import { content, rule } from "./fixtures";

// The columnar held store (heldStore.ts) must give exactly what holding one object per record gives:
// every result, in order, and every output line byte for byte, on messy records.

const locate: NodeLocator = (_node, pointer, code, message, severity = "error") => ({
  code,
  severity,
  message,
  pointer,
});
const made = makeRunContext("2027-06-30");
if (!made.ok) throw new Error("bad date");

const v = (path: string) => ({ var: path });
const pack: PackContent = content(
  [
    rule("score", { "+": [v("sales.net"), v("sales.extra")] }, { output: { type: "number", decimals: 2 } }),
    rule("tier", { if: [{ ">": [v("sales.net"), 50] }, "big", "small"] }, { output: { type: "string" } }),
    rule("flag", { "!": v("profile.closed") }, { output: { type: "boolean" } }),
    rule(
      "after-rank",
      { "-": [v("pop.rank"), { "*": [v("out.score"), 0] }] },
      { output: { type: "integer" } },
    ),
    rule(
      "payable",
      { "*": [v("out.score"), v("pop.factor"), { if: [{ "==": [v("pop.abc"), "A"] }, 1, 0.5] }] },
      { output: { type: "number", decimals: 2 } },
    ),
    rule(
      "reads-later",
      { cat: [v("profile.region"), "/", v("profile.tags.0"), "/", v("pop.mean")] },
      {
        output: { type: "string" },
      },
    ),
    rule("whole-sales", { var: "sales" }, { output: { type: "number" } }),
  ],
  {
    params: { budget: { type: "number", default: 300 } },
    population: [
      { id: "rank", op: "rank", measure: "sales.net", partitionBy: "profile.region", out: "pop.rank" },
      {
        id: "mean",
        op: "group_stat",
        stat: "mean",
        measure: "out.score",
        partitionBy: "profile",
        out: "pop.mean",
      },
      {
        id: "abc",
        op: "cumulative_share_class",
        measure: "out.score",
        breaks: [0.5, 0.9],
        labels: ["A", "B", "C"],
        out: "pop.abc",
      },
      {
        id: "factor",
        op: "budget_factor",
        measure: "out.score",
        budget: "params.budget",
        partitionBy: "profile.region",
        out: "pop.factor",
      },
      { id: "pct", op: "percentile", measure: "pop.rank", out: "pop.pct" },
    ],
  },
);

const leaf = fc.oneof(
  { arbitrary: fc.integer({ min: -100, max: 100 }), weight: 5 },
  { arbitrary: fc.double({ noNaN: false }), weight: 1 },
  fc.constantFrom<unknown>(null, "", "12", "x", true, false, [], [1, 2], { a: 1 }),
);
const record = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(null)),
    sales: fc.oneof(
      { arbitrary: fc.record({ net: leaf, extra: leaf, other: leaf }, { requiredKeys: [] }), weight: 6 },
      { arbitrary: leaf, weight: 1 },
    ),
    profile: fc.oneof(
      {
        arbitrary: fc.record(
          {
            region: fc.oneof(fc.constantFrom("N", "S", 1, "1"), leaf),
            closed: leaf,
            tags: fc.oneof(fc.array(fc.constantFrom("t", "u"), { maxLength: 2 }), leaf),
          },
          { requiredKeys: [] },
        ),
        weight: 6,
      },
      { arbitrary: leaf, weight: 1 },
    ),
    noise: leaf,
  },
  { requiredKeys: [] },
);
const input = fc.array(
  fc.oneof(
    { arbitrary: record, weight: 12 },
    {
      arbitrary: fc.constant(
        new RejectedRecord([{ code: "data/invalid-json", message: { en: "bad line" }, line: 3, column: 1 }], {
          id: "R",
        }),
      ),
      weight: 1,
    },
  ),
  { maxLength: 40 },
);

/** Fresh copies of the records (the run writes into them with reuseRecords), rejected ones as they are. */
const copy = (records: readonly unknown[]) =>
  records.map((r) => (r instanceof RejectedRecord ? r : structuredClone(r)));

async function lines(records: unknown[], options: Partial<RunOptions>): Promise<string> {
  const prepared = preparePack(pack, locate).pack!;
  const params = resolveParams(pack.params, {});
  if (!params.ok) throw new Error("bad params");
  let text = "";
  const base = { params: params.value, ctx: made.ok ? made.value : undefined!, chunkSize: 7, ...options };
  for await (const chunk of runPackLines(prepared, new RecordBatches([copy(records)]), base))
    text += chunk.text;
  let viaResults = "";
  for await (const chunk of runPack(prepared, copy(records), base))
    for (const r of chunk) viaResults += resultLine(r) + "\n";
  expect(viaResults).toBe(text);
  return text;
}

describe("held records in columns", () => {
  it("gives the same output lines as held objects, on messy records", async () => {
    await fc.assert(
      fc.asyncProperty(input, async (records) => {
        const columnar = await lines(records, {});
        const objects = await lines(records, { columnar: false });
        expect(columnar).toBe(objects);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it("counts records and collects the errors of each record that has any, per chunk", async () => {
    const prepared = preparePack(pack, locate).pack!;
    const records = [
      { id: 1, sales: { net: 60, extra: 1 }, profile: { region: "N" } },
      new RejectedRecord([{ code: "data/x", message: { en: "x" } }]),
      { id: 2, sales: { net: 10, extra: 2 }, profile: { region: "S", tags: ["t"] } },
    ];
    const options = { params: { budget: 300 }, ctx: made.ok ? made.value : undefined!, chunkSize: 2 };
    const chunks = [];
    for await (const chunk of runPackLines(prepared, copy(records), options)) chunks.push(chunk);
    const results = [];
    for await (const chunk of runPack(prepared, copy(records), options)) results.push(...chunk);
    expect(chunks.map((c) => c.count)).toEqual([2, 1]);
    expect(chunks.flatMap((c) => c.errors)).toEqual(
      results.filter((r) => r.errors.length > 0).map((r) => r.errors),
    );
    expect(chunks[0]!.errors.some((errors) => errors.some((e) => e.code === "data/x"))).toBe(true);
  });
});
