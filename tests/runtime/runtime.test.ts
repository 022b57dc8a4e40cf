/**
 * The runtime's API in-process, on a small pack built here: loading and refusing packs, parameters,
 * dates, bad records, cancellation, summaries and explanations. (tests/runtime/bundle.test.ts runs the
 * built bundle in a plain Node process against crw eval.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildPack, computeIntegrity, type Pack } from "../../src/engine";
import { loadPack, RuntimeError, type RuntimePack } from "../../src/runtime";
import { manifest, rule } from "../engine/pack/fixtures";

const rules = [
  rule(
    "base",
    { "*": [{ var: "sales" }, { var: "params.rate" }] },
    {
      output: { type: "number", decimals: 2 },
      tests: [{ name: "ten percent", data: { sales: 100, params: { rate: 0.1 } }, expect: 10 }],
    },
  ),
  rule("capped", { min: [{ var: "out.base" }, 50] }, { output: { type: "number", decimals: 2 } }),
  rule(
    "ranked",
    { if: [{ "<=": [{ var: "pop.base_rank" }, 1] }, "top", "rest"] },
    { output: { type: "string" } },
  ),
  rule("ratio", { "/": [1, { var: "divisor" }] }, { output: { type: "number", decimals: 4 } }),
  rule("doubled", { "*": [{ var: "out.ratio" }, 2] }, { output: { type: "number", decimals: 4 } }),
  rule("gate", { ">=": [{ var: "ctx.eval_month" }, 12] }, { output: { type: "boolean" } }),
];
const files = Object.fromEntries(rules.map((r) => [`${r.id}.rule.json`, JSON.stringify(r)]));
let packText: string;
let pack: RuntimePack;

const records = [
  { id: "a", sales: 1000, divisor: 4, as_of: "2024-12-31" },
  { id: "b", sales: 300, divisor: 0, as_of: "2024-12-31" },
  { id: "c", sales: 4_225_945, divisor: 8, as_of: "2024-11-30" },
];

beforeAll(async () => {
  const built = await buildPack(
    {
      file: "p.manifest.json",
      text: JSON.stringify(
        manifest({
          params: { rate: { type: "number", default: 0.015, min: 0 } },
          population: [{ id: "base-rank", op: "rank", out: "pop.base_rank", measure: "out.base" }],
          rules: Object.keys(files),
        }),
      ),
    },
    (path) => Promise.resolve(path in files ? { file: path, text: files[path]! } : { error: "missing" }),
    { createdAt: "2026-01-01T00:00:00Z" },
  );
  expect(built.problems.filter((p) => p.severity === "error")).toEqual([]);
  packText = JSON.stringify(built.pack, null, 2);
  pack = await loadPack(packText, { verify: true });
});

/** The pack with one change, its integrity recomputed so only the change itself can be refused. */
async function resealed(change: (pack: Pack) => void): Promise<string> {
  const copy = JSON.parse(packText) as Pack;
  change(copy);
  const { integrity: _old, ...content } = copy;
  copy.integrity = await computeIntegrity(content);
  return JSON.stringify(copy);
}

async function rejection(promise: Promise<unknown>): Promise<RuntimeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuntimeError);
  return error as RuntimeError;
}

describe("loadPack", () => {
  it("describes the pack: name, version, integrity, parameters and rules in evaluation order", () => {
    expect(pack).toMatchObject({
      name: "test-pack",
      version: "1.0.0",
      integrity: expect.stringMatching(/^sha256-/),
    });
    expect(pack.params.rate).toEqual({ type: "number", default: 0.015, min: 0 });
    expect(pack.rules.map((r) => r.id)).toEqual(["base", "capped", "ranked", "ratio", "doubled", "gate"]);
  });

  it("accepts the parsed document and its bytes as well as its text", async () => {
    expect((await loadPack(JSON.parse(packText) as object)).integrity).toBe(pack.integrity);
    expect((await loadPack(new TextEncoder().encode(packText))).integrity).toBe(pack.integrity);
  });

  it("refuses a pack changed after it was built, naming the integrity mismatch and where", async () => {
    const error = await rejection(
      loadPack(packText.replace('"default": 0.015', '"default": 0.02'), { name: "p.pack.json" }),
    );
    expect(error.code).toBe("pack/invalid");
    expect(error.problems).toContainEqual(
      expect.objectContaining({
        code: "pack/integrity-mismatch",
        where: expect.stringMatching(/^p\.pack\.json:\d+:\d+$/),
      }),
    );
    expect(error.message).toContain("p.pack.json");
  });

  it("refuses a pack whose embedded test fails when verifying, and loads it when told not to", async () => {
    const text = await resealed((p) => {
      p.rules[0]!.tests[0]!.expect = 11;
    });
    const error = await rejection(loadPack(text));
    expect(error.code).toBe("pack/tests-failed");
    expect(error.problems[0]?.message).toContain('base: test "ten percent" failed');
    await expect(loadPack(text, { verify: false })).resolves.toBeDefined();
  });

  it("refuses what is not a pack", async () => {
    expect((await rejection(loadPack("{"))).code).toBe("pack/invalid");
    expect((await rejection(loadPack({ rules: [] }))).code).toBe("pack/invalid");
  });
});

describe("evaluate", () => {
  it("returns crw eval lines in input order and leaves the records as they were", async () => {
    const input = structuredClone(records);
    const results = await pack.evaluate(input, { asOf: "2024-12-31" });
    expect(input).toEqual(records);
    expect(results.map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(results[2]).toEqual({
      id: "c",
      // 4,225,945 × 0.015 is the double 63389.174999999996: paid as the decimal product rounds.
      out: { base: 63389.18, capped: 50, ranked: "top", ratio: 0.125, doubled: 0.25, gate: true },
      pop: { base_rank: 1 },
      errors: [],
    });
    expect(results[1]?.out).toMatchObject({ ratio: null, doubled: null });
    expect(results[1]?.errors.map((e) => [e.rule, e.code])).toEqual([
      ["ratio", "output/not-finite"],
      ["doubled", "rule/upstream"],
    ]);
  });

  it("takes parameter overrides typed as declared and refuses unknown or out-of-range ones", async () => {
    const [a] = await pack.evaluate(records.slice(0, 1), { params: { rate: 0.1 } });
    expect(a?.out.base).toBe(100);
    expect((await rejection(pack.evaluate(records, { params: { rat: 1 } }))).code).toBe("params/invalid");
    const range = await rejection(pack.evaluate(records, { params: { rate: -1 } }));
    expect(range.problems[0]?.message).toContain("rate");
  });

  it("takes the date from asOf, else the first record, and refuses a bad one", async () => {
    const november = await pack.evaluate(records, { asOf: "2024-11-30" });
    expect(november.map((r) => r.out.gate)).toEqual([false, false, false]);
    const stream = pack.evaluateStream(records);
    const lines = [];
    for await (const line of stream) lines.push(line);
    expect(lines.map((r) => r.out.gate)).toEqual([true, true, true]);
    expect(stream.summary().asOf).toEqual({ date: "2024-12-31", source: "records", mismatches: 1 });
    expect((await rejection(pack.evaluate(records, { asOf: "2024-13-01" }))).code).toBe("as-of/invalid");
  });

  it("refuses records that are not objects or use a reserved field, naming the record", async () => {
    const notObject = await rejection(pack.evaluate([records[0], 42]));
    expect(notObject.code).toBe("dataset/invalid");
    expect(notObject.message).toContain("record 2");
    expect((await rejection(pack.evaluate([{ id: "x", out: {} }]))).code).toBe("dataset/invalid");
  });

  it("streams from an async source a chunk at a time, once, and stops when cancelled", async () => {
    async function* source() {
      for (let i = 0; i < 10; i++) {
        await Promise.resolve(); // a source that arrives over time, as a network stream would
        yield { id: `r${i}`, sales: i * 100, divisor: 1 };
      }
    }
    const stream = pack.evaluateStream(source(), { asOf: "2024-12-31", chunkSize: 3 });
    const ids = [];
    for await (const line of stream) ids.push(line.id);
    expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => `r${i}`));
    expect(
      (
        await rejection(
          (async () => {
            for await (const _ of stream) break;
          })(),
        )
      ).code,
    ).toBe("run/iterated");
    const controller = new AbortController();
    controller.abort();
    expect((await rejection(pack.evaluate(source(), { signal: controller.signal }))).code).toBe(
      "run/cancelled",
    );
  });
});

describe("summarize", () => {
  it("counts records and errors and totals each output exactly at its decimals", async () => {
    const summary = pack.summarize(await pack.evaluate(records, { asOf: "2024-12-31" }));
    expect(summary).toMatchObject({
      records: 3,
      withErrors: 1,
      errors: { "output/not-finite": 1, "rule/upstream": 1 },
    });
    expect(Object.keys(summary.outputs)).toEqual([
      "out.base",
      "pop.base_rank",
      "out.capped",
      "out.ranked",
      "out.ratio",
      "out.doubled",
      "out.gate",
    ]);
    expect(summary.outputs["out.base"]).toEqual({
      kind: "total",
      total: "63408.68",
      count: 3,
      nonzero: 3,
      nulls: 0,
    });
    expect(summary.outputs["out.ratio"]).toEqual({
      kind: "total",
      total: "0.3750",
      count: 2,
      nonzero: 2,
      nulls: 1,
    });
    expect(summary.outputs["out.ranked"]).toEqual({ kind: "counts", counts: { rest: 2, top: 1 } });
    expect(summary.outputs["out.gate"]).toEqual({ kind: "counts", counts: { true: 3 } });
    expect(summary.outputs["pop.base_rank"]).toEqual({
      kind: "stats",
      count: 3,
      min: 1,
      mean: 2,
      max: 3,
      nulls: 0,
    });
    expect(summary.asOf).toBeUndefined();
  });
});

describe("summarize: guardrails", () => {
  it("checks the pack's x-guardrails with the run's parameters, in summarize and in a stream's summary", async () => {
    const guarded = await loadPack(
      await resealed((p) => {
        p["x-guardrails"] = [
          { id: "cap", kind: "total", of: "out.base", max: 60000 },
          { id: "rate-bound", kind: "total", of: "out.ratio", max: "params.rate" },
          { id: "one-top", kind: "count", where: { "==": [{ var: "out.ranked" }, "top"] }, max: 1 },
        ];
      }),
    );
    const results = await guarded.evaluate(records, { asOf: "2024-12-31" });
    const [cap, rate, top] = guarded.summarize(results).guardrails;
    expect(cap).toMatchObject({ id: "cap", passed: false, actual: "63408.68", max: { value: "60000" } });
    expect(cap!.offending.map((o) => o.id)).toEqual(["c", "a", "b"]);
    // out.ratio totals 0.375 (record b failed): above the default rate 0.015, within an override of 0.5.
    expect(rate).toMatchObject({ passed: false, actual: "0.375" });
    expect(guarded.summarize(results, { params: { rate: 0.5 } }).guardrails[1]).toMatchObject({
      passed: true,
      max: { value: "0.5", param: "params.rate" },
    });
    expect(top).toMatchObject({ passed: true, matched: 1 });
    const stream = guarded.evaluateStream(records, { asOf: "2024-12-31" });
    for await (const _ of stream);
    expect(stream.summary().guardrails.map((g) => g.passed)).toEqual([false, false, true]);
    expect(pack.summarize(results).guardrails).toEqual([]);
  });
});

describe("explain", () => {
  it("traces a rule on the record alone when it needs no population operator", async () => {
    const why = await pack.explain(records[2], "base", { asOf: "2024-12-31" });
    expect(why.value).toBe(63389.18);
    expect(why.error).toBeUndefined();
    expect(why.trace).toMatchObject({ op: "*", evaluated: true, value: 4_225_945 * 0.015 });
    expect(why.trace?.args.map((a) => a.value)).toEqual([4_225_945, 0.015]);
    expect(why.context).toMatchObject({
      sales: 4_225_945,
      params: { rate: 0.015 },
      ctx: { as_of: "2024-12-31" },
    });
  });

  it("needs the record's result for a rule that depends on a population operator, and checks it is that record's", async () => {
    expect((await rejection(pack.explain(records[2], "ranked"))).code).toBe("explain/needs-result");
    const results = await pack.evaluate(records, { asOf: "2024-12-31" });
    const why = await pack.explain(records[2], "ranked", { result: results[2], asOf: "2024-12-31" });
    expect(why).toMatchObject({ value: "top", trace: { op: "if", value: "top" } });
    expect(why.trace?.args[0]).toMatchObject({ op: "<=", value: true });
    expect((await rejection(pack.explain(records[0], "ranked", { result: results[2] }))).code).toBe(
      "explain/wrong-result",
    );
  });

  it("gives the error and no trace for a rule not evaluated because a rule it reads failed", async () => {
    const failed = await pack.explain(records[1], "ratio");
    expect(failed).toMatchObject({
      value: null,
      error: { code: "output/not-finite" },
      trace: { value: Infinity },
    });
    const upstream = await pack.explain(records[1], "doubled");
    expect(upstream).toMatchObject({ value: null, error: { code: "rule/upstream" } });
    expect(upstream.trace).toBeUndefined();
    expect((await rejection(pack.explain(records[1], "nope"))).code).toBe("explain/unknown-rule");
  });
});
