import { describe, expect, it } from "vitest";
import type { NodeLocator } from "../../../src/engine/pack/graph";
import type { PackContent } from "../../../src/engine/pack/model";
import {
  DatasetError,
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
  records: unknown[],
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
      ["payable", "output/not-finite"], // null × null is NaN in json-logic-js
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
    expect(progress.map((p) => `${p.phase}:${p.pass}/${p.passes}`)).toEqual([
      "read:0/4",
      "population:1/4",
      "rules:2/4",
      "population:3/4",
      "rules:4/4",
    ]);
  });
});
