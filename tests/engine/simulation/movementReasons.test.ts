/**
 * The reasons of a comparison's movement matrix: for a record whose segment or elimination status
 * changed, the rule that decided it on each side, with the inputs it read, its sentence and the value
 * that would flip it, each side explained with its own parameters.
 */
import { describe, expect, it } from "vitest";
import {
  compareRuns,
  decidingOutputs,
  errorsByIndex,
  makeRunContext,
  moverReasons,
  packVocabulary,
  prepareForReasons,
  readReportSpec,
  resolveParams,
  resultAt,
  runPack,
  RunTableBuilder,
  tableFieldPaths,
  type CompareSide,
  type PackContent,
  type ReasonSide,
  type RecordResult,
} from "../../../src/engine";
import { RECORDS, X_REPORT, title } from "./fixtures";

/** One rule: eliminate below the floor, a parameter both sides set differently. */
const content = (floor: number): PackContent => ({
  params: { floor: { type: "number", default: floor, title: { en: "Score floor", "zh-CN": "分数下限" } } },
  population: [
    { id: "sales-rank", op: "rank", measure: "sales", out: "pop.sales_rank", order: "desc", title },
  ],
  rules: [
    {
      id: "segment",
      kind: "elimination",
      version: "1.0.0",
      title: { en: "Segment", "zh-CN": "分群" },
      output: { type: "string", enum: ["keep", "eliminate"] },
      logic: { if: [{ "<": [{ var: "score" }, { var: "params.floor" }] }, "eliminate", "keep"] },
      tests: [],
    },
  ],
});

const report = { ...X_REPORT, components: [], gates: [], classes: ["out.segment", "pop.sales_rank"] };

async function run(floor: number) {
  const c = content(floor);
  const prepared = prepareForReasons(c);
  const params = resolveParams(c.params, {});
  const ctx = makeRunContext("2024-12-31");
  if (!params.ok || !ctx.ok) throw new Error("setup");
  const { spec } = readReportSpec(c, report);
  const builder = new RunTableBuilder(tableFieldPaths(spec, c));
  const results: RecordResult[] = [];
  for await (const chunk of runPack(prepared, RECORDS, { params: params.value, ctx: ctx.value }))
    results.push(...chunk);
  builder.add(RECORDS, results);
  const side: CompareSide = { table: builder.finish(), spec, content: c };
  const reasons: ReasonSide = {
    prepared,
    spec,
    params: params.value,
    ctx: ctx.value,
    vocabulary: packVocabulary(c, undefined),
  };
  return { side, reasons };
}

describe("moverReasons", async () => {
  const base = await run(50);
  const candidate = await run(85);
  const comparison = compareRuns(base.side, candidate.side);
  const moved = (output: string) => {
    const m = comparison.movements.find((x) => x.output === output)!;
    return m.moved.map((x) => ({
      output,
      index: x.index,
      record: RECORDS[x.index]!,
      base: resultAt(base.side.table, x.index, errorsByIndex(base.side.table).get(x.index)),
      candidate: resultAt(candidate.side.table, x.index, errorsByIndex(candidate.side.table).get(x.index)),
    }));
  };

  it("explains D1 (score 80) kept under floor 50 and eliminated under floor 85, with the flip on each side", () => {
    const segment = moved("out.segment");
    expect(segment.map((m) => m.record.id)).toEqual(["D1"]);
    const r = moverReasons(segment[0]!, base.reasons, candidate.reasons);
    expect(r).toMatchObject({ output: "out.segment", index: 0 });
    expect(r.base).toHaveLength(1);
    expect(r.base[0]).toMatchObject({ source: "segment", kind: "rule", value: "keep" });
    expect(r.candidate[0]).toMatchObject({ source: "segment", kind: "rule", value: "eliminate" });
    // Inputs read, each side with its own parameters.
    const inputs = (side: typeof r.base) => Object.fromEntries(side[0]!.inputs.map((i) => [i.path, i.value]));
    expect(inputs(r.base)).toEqual({ score: 80, "params.floor": 50 });
    expect(inputs(r.candidate)).toEqual({ score: 80, "params.floor": 85 });
    // What would flip it: below 50 in the baseline, at least 85 in the candidate.
    expect(r.base[0]!.flips).toMatchObject([
      { path: "score", held: false, current: 80, op: "<", threshold: 50 },
    ]);
    expect(r.candidate[0]!.flips).toMatchObject([
      { path: "score", held: true, current: 80, op: ">=", threshold: 85 },
    ]);
    expect(r.candidate[0]!.flips[0]!.text.en).toContain("≥");
    expect(r.candidate[0]!.flips[0]!.text["zh-CN"]).toContain("当前");
    expect(r.base[0]!.sentence.en).toMatch(/^Segment keep/);
    expect(r.candidate[0]!.sentence["zh-CN"]).toMatch(/^分群 eliminate/);
  });

  it("the elimination movement is explained by the elimination output that eliminates on either side", () => {
    const elimination = moved("elimination");
    expect(elimination.map((m) => m.record.id)).toEqual(["D1"]);
    expect(decidingOutputs(elimination[0]!, base.side.spec, candidate.side.spec)).toEqual(["out.segment"]);
    const r = moverReasons(elimination[0]!, base.reasons, candidate.reasons);
    expect(r.base.map((x) => x.value)).toEqual(["keep"]);
    expect(r.candidate.map((x) => x.value)).toEqual(["eliminate"]);
  });

  it("a population class is explained by its operator and the measure it ranked", () => {
    const record = RECORDS[3]!;
    const r = moverReasons(
      {
        output: "pop.sales_rank",
        index: 3,
        record,
        base: resultAt(base.side.table, 3),
        candidate: resultAt(candidate.side.table, 3),
      },
      base.reasons,
      candidate.reasons,
    );
    expect(r.base[0]).toMatchObject({ source: "sales-rank", kind: "population", value: 1 });
    expect(r.base[0]!.inputs).toEqual([{ path: "sales", value: 4000 }]);
    expect(r.base[0]!.sentence.en).toContain("4,000");
    expect(r.base[0]!.sentence["zh-CN"]).toContain("4,000");
  });
});
