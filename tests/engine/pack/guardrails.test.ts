import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  compareDecimal,
  evaluateGuardrails,
  guardrailProblems,
  type Guardrail,
  type GuardrailLine,
} from "../../../src/engine/pack/guardrails";
import { validateSchema } from "../../../src/engine/pack/schemaValidation";
import { content, rule } from "./fixtures";

const line = (
  id: string,
  out: Record<string, unknown>,
  pop: Record<string, unknown> = {},
): GuardrailLine => ({
  id,
  out,
  pop,
});

// Paid amounts chosen so a float sum drifts: 0.1 + 0.2 + 0.7 is 0.9999999999999999 in doubles.
const results = [
  line("D-1", { paid: 0.1, segment: "keep" }),
  line("D-2", { paid: 0.2, segment: "eliminate" }),
  line("D-3", { paid: 0.7, segment: "keep" }),
  line("D-4", { paid: 0, segment: "eliminate" }),
  line("D-5", { paid: null, segment: "keep" }),
];

const budget: Guardrail = { id: "budget", kind: "total", of: "out.paid", max: "params.budget" };
const paidEliminated: Guardrail = {
  id: "paid-eliminated",
  kind: "none",
  where: { and: [{ ">": [{ var: "out.paid" }, 0] }, { "==": [{ var: "out.segment" }, "eliminate"] }] },
};
const eliminatedShare = (max: number): Guardrail => ({
  id: "eliminated-share",
  kind: "share",
  where: { "==": [{ var: "out.segment" }, "eliminate"] },
  max,
});

describe("evaluateGuardrails", () => {
  it("totals exactly at decimal value: 0.1 + 0.2 + 0.7 is 1, within a budget of 1", () => {
    const [r] = evaluateGuardrails([budget], results, { budget: 1 });
    expect(r).toMatchObject({ passed: true, actual: "1", max: { value: "1", param: "params.budget" } });
    expect(r!.matched).toBe(4); // the null does not count
    expect(r!.offending).toEqual([]);
  });

  it("a total over its maximum fails and names the largest contributors first", () => {
    const [r] = evaluateGuardrails([budget], results, { budget: 0.99 });
    expect(r!.passed).toBe(false);
    expect(r!.offending.map((o) => o.id)).toEqual(["D-3", "D-2", "D-1"]);
    expect(r!.offending[0]!.values).toEqual({ "out.paid": 0.7 });
    expect(r!.message.en).toBe("Total of out.paid is 1; it must be at most 0.99 (params.budget): failed.");
    expect(r!.message["zh-CN"]).toBe("out.paid 合计 1，应不超过 0.99 (params.budget)：未通过。");
  });

  it("a total of several paths adds them per record; a minimum below fails", () => {
    const [r] = evaluateGuardrails(
      [{ id: "floor", kind: "total", of: ["out.paid", "out.extra"], min: 2 }],
      [line("a", { paid: 1, extra: 0.5 }), line("b", { paid: 0.25, extra: null })],
      {},
    );
    expect(r).toMatchObject({ passed: false, actual: "1.75", min: { value: "2" } });
  });

  it("none: lists every record matching, with the values the condition read", () => {
    const [r] = evaluateGuardrails([paidEliminated], results, {});
    expect(r).toMatchObject({ passed: false, actual: "1", matched: 1, offendingCount: 1 });
    expect(r!.offending).toEqual([{ id: "D-2", values: { "out.paid": 0.2, "out.segment": "eliminate" } }]);
    expect(r!.message.en).toBe("1 of 5 records match the condition; none may.");
  });

  it("share: 2 of 5 is 0.4, compared exactly (0.4 passes a 0.4 bound, 0.39 fails)", () => {
    const [atBound] = evaluateGuardrails([eliminatedShare(0.4)], results, {});
    expect(atBound).toMatchObject({ passed: true, actual: "0.4", matched: 2, offending: [] });
    const [below] = evaluateGuardrails([eliminatedShare(0.39)], results, {});
    expect(below!.passed).toBe(false);
    expect(below!.offending.map((o) => o.id)).toEqual(["D-2", "D-4"]);
    expect(below!.message["zh-CN"]).toContain("5 条记录中 2 条（40.0 %）满足条件");
  });

  it("count with a parameter bound; a bound parameter that is missing fails the guardrail", () => {
    const g: Guardrail = { id: "c", kind: "count", where: { var: "out.segment" }, max: "params.n" };
    expect(evaluateGuardrails([g], results, { n: 5 })[0]!.passed).toBe(true);
    expect(evaluateGuardrails([g], results, { n: 4 })[0]!.passed).toBe(false);
    expect(evaluateGuardrails([g], results, {})[0]!.passed).toBe(false);
  });

  it("an empty run passes a none and has share 0", () => {
    const [n, s] = evaluateGuardrails([paidEliminated, eliminatedShare(0)], [], {});
    expect(n!.passed).toBe(true);
    expect(s).toMatchObject({ passed: true, actual: "0" });
  });
});

describe("compareDecimal", () => {
  it("compares at any scale and sign", () => {
    expect(compareDecimal("1", "1.00")).toBe(0);
    expect(compareDecimal("49999999.95", "50000000")).toBe(-1);
    expect(compareDecimal("-0.5", "-0.25")).toBe(-1);
    expect(compareDecimal("10.01", "10.001")).toBe(1);
  });
});

describe("guardrailProblems", () => {
  const c = content([rule("paid", 1), rule("segment", "keep", { output: { type: "string" } })], {
    params: { budget: { type: "number", default: 1 }, label: { type: "string", default: "x" } },
  });

  it("accepts references to numeric outputs and numeric parameters", () => {
    expect(guardrailProblems([budget, paidEliminated, eliminatedShare(0.1)], c)).toEqual([]);
  });

  it("names a non-numeric or unknown path, a non-numeric parameter, bad logic and reads of inputs", () => {
    const problems = guardrailProblems(
      [
        { id: "a", kind: "total", of: ["out.segment", "out.nope"], max: "params.label" },
        { id: "b", kind: "none", where: { frobnicate: [1] } },
        { id: "c", kind: "share", where: { ">": [{ var: "sales.net_ytd" }, 0] }, max: 0.1 },
        { id: "c", kind: "count", where: true },
      ],
      c,
    );
    expect(problems.map((p) => p.pointer)).toEqual([
      "/x-guardrails/0/of/0",
      "/x-guardrails/0/of/1",
      "/x-guardrails/0/max",
      "/x-guardrails/1/where",
      "/x-guardrails/2/where",
      "/x-guardrails/3/id",
      "/x-guardrails/3/kind",
    ]);
    expect(problems[2]!.message.en).toContain('"params.label" is not a numeric parameter');
    expect(problems[4]!.message["zh-CN"]).toContain("护栏只能读取");
  });
});

describe("the manifest schema's x-guardrails", () => {
  const base = { name: "p", version: "1.0.0", title: { en: "P" }, rules: [] };
  const valid = (g: unknown) => validateSchema("manifest", { ...base, "x-guardrails": g }).length === 0;

  it("accepts the four kinds and refuses mixed or incomplete ones", () => {
    expect(valid([budget, paidEliminated, eliminatedShare(0.05)])).toBe(true);
    expect(valid([{ id: "x", kind: "total", of: "out.a" }])).toBe(false); // no bound
    expect(valid([{ id: "x", kind: "none", where: true, max: 1 }])).toBe(false);
    expect(valid([{ id: "x", kind: "share", where: true }])).toBe(false);
    expect(valid([{ id: "x", kind: "total", where: true, max: 1 }])).toBe(false);
    expect(valid([{ id: "x", kind: "total", of: "sales.net", max: 1 }])).toBe(false);
    expect(valid([{ id: "x", kind: "total", of: "out.a", max: "budget" }])).toBe(false);
  });

  it("both sample manifests declare guardrails that pass the schema and refer to their own outputs", () => {
    for (const v of ["1.0.0", "1.1.0"]) {
      const text = readFileSync(`rules/manifests/dealer-program-${v}.manifest.json`, "utf8");
      const m = JSON.parse(text) as Record<string, unknown>;
      expect(validateSchema("manifest", m)).toEqual([]);
      expect((m["x-guardrails"] as unknown[]).length).toBeGreaterThanOrEqual(4);
    }
  });
});
