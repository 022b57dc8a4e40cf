import { describe, expect, it } from "vitest";
import type { NodeLocator } from "../../../src/engine/pack/graph";
import type { PackContent } from "../../../src/engine/pack/model";
import {
  DatasetError,
  RecordBatches,
  RejectedRecord,
  RunCancelled,
  runPack,
  type RecordResult,
  type RunOptions,
  type RunProgress,
} from "../../../src/engine/pack/pipeline";
import { preparePack } from "../../../src/engine/pack/prepare";
import { makeRunContext, resolveParams } from "../../../src/engine/pack/context";
import { content, rule } from "./fixtures";

const locate: NodeLocator = (_node, pointer, code, message, severity = "error") => ({
  code,
  severity,
  message,
  pointer,
});
const made = makeRunContext("2027-06-30");
if (!made.ok) throw new Error("bad date");
const ctx = made;

function prepare(c: PackContent) {
  const { pack, problems } = preparePack(c, locate);
  if (!pack) throw new Error(JSON.stringify(problems));
  return pack;
}

async function collect(
  c: PackContent,
  records: unknown[] | RecordBatches,
  options: Partial<RunOptions> = {},
): Promise<RecordResult[]> {
  const results: RecordResult[] = [];
  const params = resolveParams(c.params, {});
  if (!params.ok) throw new Error("bad params");
  for await (const chunk of runPack(prepare(c), records, {
    params: params.value,
    ctx: ctx.value,
    ...options,
  })) {
    results.push(...chunk);
  }
  return results;
}

const rebatePack = content(
  [
    rule(
      "raw-rebate",
      { "*": [{ var: "sales" }, { var: "params.rate" }] },
      { output: { type: "number", decimals: 2 } },
    ),
    rule(
      "payable",
      { "*": [{ var: "out.raw-rebate" }, { var: "pop.factor" }] },
      { output: { type: "number", decimals: 2 } },
    ),
    rule("month", { var: "ctx.eval_month" }, { output: { type: "integer" } }),
  ],
  {
    params: { rate: { type: "number", default: 0.1 }, budget: { type: "number", default: 30 } },
    population: [
      {
        id: "factor",
        op: "budget_factor",
        measure: "out.raw-rebate",
        budget: "params.budget",
        out: "pop.factor",
      },
      { id: "rank", op: "rank", measure: "sales", partitionBy: "region", out: "pop.rank" },
    ],
  },
);

describe("runPack", () => {
  const records = [
    { id: "A", sales: 100, region: "N" },
    { id: "B", sales: 200.05, region: "S" },
    { id: "C", sales: "oops", region: "N" },
    { id: "D", sales: 300, region: "N" },
  ];

  it("evaluates rules and population operators in order, in input order, with per-record errors", async () => {
    const results = await collect(rebatePack, records, { chunkSize: 3 });
    expect(results.map((r) => r.id)).toEqual(["A", "B", "C", "D"]);
    // raw: 10, 20.01 (20.005 rounded half away from zero), error, 30 → sum 60.01, budget 30.
    const factor = 30 / (10 + 20.01 + 30); // summed in input order
    expect(results[0]).toEqual({
      id: "A",
      out: { "raw-rebate": 10, month: 6, payable: Math.round(10 * factor * 100) / 100 },
      pop: { factor, rank: 2 },
      errors: [],
    });
    expect(results[1]!.out["raw-rebate"]).toBe(20.01);
    expect(results[2]!.out["raw-rebate"]).toBeNull();
    expect(results[2]!.pop).toEqual({ factor: null, rank: null });
    expect(results[2]!.errors.map((e) => [e.rule, e.code])).toEqual([
      ["raw-rebate", "output/not-finite"],
      // payable reads out.raw-rebate, which failed: it is not evaluated (it would compute NaN).
      ["payable", "rule/upstream"],
    ]);
    expect(results[3]!.pop.rank).toBe(1);
  });

  it("applies parameter overrides", () => {
    const params = resolveParams(rebatePack.params, { rate: 0.2 });
    expect(params.ok && params.value).toEqual({ rate: 0.2, budget: 30 });
    expect(resolveParams(rebatePack.params, { nope: 1 }).ok).toBe(false);
    expect(resolveParams(rebatePack.params, { rate: "x" }).ok).toBe(false);
  });

  it("streams packs without population operators chunk by chunk", async () => {
    const c = content([rule("double", { "*": [{ var: "v" }, 2] })]);
    const seen: number[] = [];
    async function* source() {
      for (let i = 0; i < 5; i++) {
        seen.push(i);
        yield await Promise.resolve({ id: i, v: i });
      }
    }
    const chunks: number[][] = [];
    for await (const chunk of runPack(prepare(c), source(), { params: {}, ctx: ctx.value, chunkSize: 2 })) {
      // The first chunk arrives before the source is exhausted.
      chunks.push(chunk.map((r) => r.out.double as number));
      if (chunks.length === 1) expect(seen).toEqual([0, 1]);
    }
    expect(chunks).toEqual([[0, 2], [4, 6], [8]]);
  });

  it("rejects a record with a reserved key, naming its index, id and key", async () => {
    const error = await collect(rebatePack, [{ id: "A" }, { id: "B", out: 1 }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).message).toContain('record 2 (id "B")');
    expect((error as DatasetError).message).toContain('"out"');
  });

  it("passes rejected records through with their errors, outside population operators", async () => {
    const rejected = new RejectedRecord([{ code: "data/csv", message: { en: "bad cell" }, line: 3 }], {
      id: "X",
    });
    const results = await collect(rebatePack, [records[0], rejected]);
    expect(results[1]).toEqual({ id: "X", out: {}, pop: {}, errors: [rejected.errors[0]] });
    expect(results[0]!.pop.rank).toBe(1);
  });

  it("reports progress and stops between chunks when cancelled", async () => {
    const controller = new AbortController();
    const progress: RunProgress[] = [];
    const many = Array.from({ length: 10 }, (_, i) => ({ id: i, sales: i, region: "N" }));
    const run = collect(rebatePack, many, {
      chunkSize: 4,
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p);
        if (p.done >= 8) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(RunCancelled);
    expect(progress.map((p) => [p.phase, p.done])).toEqual([
      ["read", 4],
      ["read", 8],
    ]);
  });

  it("reports every phase for a full run", async () => {
    const progress: RunProgress[] = [];
    await collect(rebatePack, records, { onProgress: (p) => progress.push(p) });
    // raw-rebate and month need no operator, so they run while reading even though the order puts
    // the rank operator first; payable needs pop.factor and waits for the last pass.
    expect(progress.map((p) => `${p.phase}:${p.pass}/${p.passes}`)).toEqual([
      "read:1/4",
      "population:2/4",
      "population:3/4",
      "rules:4/4",
    ]);
  });

  it("keeps the pack's order in out, pop and errors when rules run before an operator they follow", async () => {
    // Order: the rank operator, then a (needs pop.rank), then b (needs nothing), so b runs early.
    const c = content(
      [rule("a", { "/": [{ var: "pop.rank" }, { var: "zero" }] }), rule("b", { "/": [1, { var: "zero" }] })],
      { population: [{ id: "rank", op: "rank", measure: "sales", out: "pop.rank" }] },
    );
    const [result] = await collect(c, [{ id: "A", sales: 1, zero: 0 }]);
    expect(JSON.stringify(result)).toBe(
      JSON.stringify({
        id: "A",
        out: { a: null, b: null },
        pop: { rank: 1 },
        errors: [
          { code: "output/not-finite", message: result!.errors[0]!.message, rule: "a" },
          { code: "output/not-finite", message: result!.errors[1]!.message, rule: "b" },
        ],
      }),
    );
  });

  it("runs strictly in order when a step reads a computed path", async () => {
    const c = content(
      [rule("a", { "+": [{ var: "pop.rank" }, 1] }), rule("b", { var: { cat: ["out.", "a"] } })],
      { population: [{ id: "rank", op: "rank", measure: "sales", out: "pop.rank" }] },
    );
    const progress: RunProgress[] = [];
    const [result] = await collect(c, [{ id: "A", sales: 1 }], { onProgress: (p) => progress.push(p) });
    expect(progress.map((p) => `${p.phase}:${p.pass}/${p.passes}`)).toEqual([
      "read:0/2",
      "population:1/2",
      "rules:2/2",
    ]);
    expect(result!.out).toEqual({ a: 2, b: 2 });
  });

  it("gives the same results for batches, reused records and records one by one", async () => {
    const many = Array.from({ length: 9 }, (_, i) => ({
      id: `R${i}`,
      sales: (i * 37) % 11,
      region: "NS"[i % 2],
    }));
    const copy = () => many.map((r) => ({ ...r }));
    const plain = await collect(rebatePack, copy(), { chunkSize: 4 });
    const batched = await collect(rebatePack, new RecordBatches([copy().slice(0, 5), [], copy().slice(5)]), {
      chunkSize: 4,
    });
    const reused = await collect(rebatePack, copy(), { chunkSize: 4, reuseRecords: true });
    expect(JSON.stringify(batched)).toBe(JSON.stringify(plain));
    expect(JSON.stringify(reused)).toBe(JSON.stringify(plain));
  });

  it("leaves the caller's records untouched unless told to reuse them", async () => {
    const mine = [{ id: "A", sales: 1, region: "N" }];
    await collect(rebatePack, mine);
    expect(mine).toEqual([{ id: "A", sales: 1, region: "N" }]);
  });
});

describe("runPack: errors propagate to rules that read a failed out", () => {
  // base fails its max check when amount > 100; double and quad depend on it (quad through double),
  // independent does not, mixed reads both base and independent. late needs pop.rank, so it runs in
  // a pass after the read phase, while base ran during it.
  const propagation = content(
    [
      rule("base", { var: "amount" }, { output: { type: "number", max: 100 } }),
      rule("double", { "*": [{ var: "out.base" }, 2] }),
      rule("quad", { "+": [{ var: "out.double" }, { var: "out.double" }] }),
      rule("independent", { "*": [{ var: "amount" }, 3] }),
      rule("mixed", { "-": [{ var: "out.independent" }, { var: "out.base" }] }),
      rule("late", { "+": [{ var: "out.base" }, { var: "pop.rank" }] }),
    ],
    { population: [{ id: "rank", op: "rank", measure: "out.independent", out: "pop.rank" }] },
  );
  const data = [
    { id: "ok", amount: 10 },
    { id: "big", amount: 500 },
  ];

  it("does not evaluate dependents of a failed rule and names the failed read", async () => {
    const [ok, big] = await collect(propagation, data);
    expect(ok).toEqual({
      id: "ok",
      out: { base: 10, double: 20, quad: 40, independent: 30, mixed: 20, late: 12 },
      pop: { rank: 2 },
      errors: [],
    });
    expect(big!.out).toEqual({
      base: null,
      double: null,
      quad: null,
      independent: 1500,
      mixed: null,
      late: null,
    });
    expect(big!.pop).toEqual({ rank: 1 });
    expect(big!.errors.map((e) => [e.rule, e.code, e.message.en])).toEqual([
      ["base", "output/max", "The result 500 is above the maximum 100."],
      ["double", "rule/upstream", "Not evaluated: out.base failed for this record."],
      ["quad", "rule/upstream", "Not evaluated: out.double failed for this record."],
      ["mixed", "rule/upstream", "Not evaluated: out.base failed for this record."],
      ["late", "rule/upstream", "Not evaluated: out.base failed for this record."],
    ]);
    expect(big!.errors[1]!.message["zh-CN"]).toBe("未计算：本记录的 out.base 出错。");
  });

  it("counts the propagated errors like any other record error", async () => {
    const results = await collect(propagation, [...data, { id: "big2", amount: 101 }]);
    const counts: Record<string, number> = {};
    for (const e of results.flatMap((r) => r.errors)) counts[e.code] = (counts[e.code] ?? 0) + 1;
    expect(counts).toEqual({ "output/max": 2, "rule/upstream": 8 });
    expect(results.filter((r) => r.errors.length > 0).map((r) => r.id)).toEqual(["big", "big2"]);
  });

  it("names every failed read of a rule that reads several", async () => {
    const c = content([
      rule("a", { var: "x" }),
      rule("b", { var: "y" }),
      rule("sum", { "+": [{ var: "out.b" }, { var: "out.a" }, { var: "out.a" }] }),
    ]);
    const [result] = await collect(c, [{ id: "R" }]);
    expect(result!.errors.map((e) => e.code)).toEqual(["output/type", "output/type", "rule/upstream"]);
    expect(result!.errors[2]!.message).toEqual({
      en: "Not evaluated: out.b, out.a failed for this record.",
      "zh-CN": "未计算：本记录的 out.b、out.a 出错。",
    });
  });

  it("still evaluates a dependent when the record's errors come from rules it does not read", async () => {
    const c = content([rule("a", { var: "x" }), rule("b", { var: "y" }), rule("c", { var: "out.b" })]);
    const [result] = await collect(c, [{ id: "R", y: 4 }]);
    expect(result!.out).toEqual({ a: null, b: 4, c: 4 });
    expect(result!.errors.map((e) => [e.rule, e.code])).toEqual([["a", "output/type"]]);
  });
});
