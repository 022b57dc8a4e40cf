import { describe, expect, it } from "vitest";
import { lintLogic, type JsonSchemaLike, type LintOptions } from "../../../../src/engine";

const codes = (logic: unknown, options?: LintOptions) =>
  lintLogic(logic, options).map((p) => [p.code, p.pointer]);

const schema: JsonSchemaLike = {
  type: "object",
  required: ["id", "sales"],
  properties: {
    id: { type: "string" },
    region: { type: "string" },
    sales: {
      type: "object",
      required: ["net_ytd"],
      properties: {
        net_ytd: { type: "number" },
        prior_ytd: { type: ["number", "null"] },
        monthly: { type: "array", items: { type: "number" } },
      },
    },
  },
};

describe("lintLogic: validation", () => {
  it("reports unknown operators and wrong arity, all at once", () => {
    expect(codes({ and: [{ toString: [] }, { "!": [1, 2] }, { in: ["a"] }, { "%": [1] }] })).toStrictEqual([
      ["logic/unknown-operator", "/and/0"],
      ["logic/arity", "/and/1"],
      ["logic/arity", "/and/2"],
      ["logic/arity", "/and/3"],
    ]);
  });

  it("reports limits", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 70; i++) deep = { "!": [deep] };
    expect(lintLogic(deep).filter((p) => p.code === "logic/too-deep")).toHaveLength(1);
  });

  it("checks params against the declared names, in English and Chinese", () => {
    const [problem] = lintLogic({ "*": [{ var: "params.rate" }, 2] }, { paramNames: ["gate"] });
    expect(problem).toMatchObject({ code: "logic/unknown-param", severity: "error", pointer: "/*/0" });
    expect(problem!.message.en).toContain('"rate"');
    expect(problem!.message["zh-CN"]).toContain("未知参数");
    expect(codes({ var: "params.gate" }, { paramNames: ["gate"] })).toStrictEqual([]);
  });

  it("checks var paths against the dataset schema, with the share of sample records missing them", () => {
    const sample = [
      { sales: { net_ytd: 1 } },
      { sales: { net_ytd: 2, nett: 1 } },
      { sales: {} },
      { id: "x" },
    ];
    const problems = lintLogic(
      { "+": [{ var: "sales.nett" }, { var: "sales.net_ytd" }, { var: "ctx.eval_month" }] },
      { datasetSchema: schema, sample },
    );
    // An unknown field reads as null, which also makes the sum NaN.
    expect(problems.map((p) => [p.code, p.severity, p.pointer])).toStrictEqual([
      ["lint/nullable-arithmetic", "warning", ""],
      ["lint/unknown-field", "warning", "/+/0"],
    ]);
    expect(problems[1]!.message.en).toContain("75.0 % of the sample records lack it");
  });

  it("without a schema, flags a field missing from every sample record", () => {
    expect(codes({ var: "sales.nett" }, { sample: [{ sales: { net: 1 } }] })).toStrictEqual([
      ["lint/unknown-field", ""],
    ]);
    expect(codes({ var: "sales.net" }, { sample: [{ sales: { net: 1 } }] })).toStrictEqual([]);
  });

  it("proves output type mismatches per result position", () => {
    expect(
      codes({ if: [{ var: "x" }, "none", { var: "y" }, { "<": [1, 2] }, 5] }, { outputType: "number" }),
    ).toStrictEqual([
      ["logic/output-type", "/if/1"],
      ["logic/output-type", "/if/3"],
    ]);
    expect(codes(1.5, { outputType: "integer" })).toStrictEqual([["logic/output-type", ""]]);
    expect(codes({ "*": [{ var: "x" }, 2] }, { outputType: "number" })).toStrictEqual([]);
    expect(codes({ var: "region" }, { outputType: "number" })).toStrictEqual([]);
  });
});

describe("lintLogic: portability warnings", () => {
  it.each([
    ["loose equality", { "==": [{ var: "a" }, 1] }, [["lint/loose-equality", ""]]],
    ["loose inequality", { "!=": [{ var: "a" }, 1] }, [["lint/loose-equality", ""]]],
    ["- with three operands", { "-": [10, 2, 3] }, [["lint/extra-operands", ""]]],
    ["/ with three operands", { "/": [10, 2, 3] }, [["lint/extra-operands", ""]]],
    ["+ on a literal null", { "+": [null, 1] }, [["lint/nullable-arithmetic", ""]]],
    ["* on an if without else", { "*": [{ if: [{ var: "a" }, 1] }, 2] }, [["lint/nullable-arithmetic", ""]]],
    ["* on a pop. read", { "*": [{ var: "pop.factor" }, 2] }, [["lint/nullable-arithmetic", ""]]],
    [
      "+ on a member of an out. value",
      { "+": [{ var: "out.rebate.x" }, 2] },
      [["lint/nullable-arithmetic", ""]],
    ],
    ["division by a var", { "/": [1, { var: "d" }] }, [["lint/unguarded-division", "/~1/1"]]],
    ["string comparison", { "<": [{ var: "ctx.as_of" }, "2026-01-01"] }, [["lint/string-comparison", ""]]],
    [
      "object literal",
      { if: [true, { a: 1, b: 2 }, {}] },
      [
        ["lint/object-literal", "/if/1"],
        ["lint/object-literal", "/if/2"],
      ],
    ],
    ["in with a number on a string", { in: [1, "a10"] }, [["lint/in-number-on-string", ""]]],
    [
      "reduce without initial",
      { reduce: [{ var: "m" }, { var: "current" }] },
      [["lint/reduce-without-initial", ""]],
    ],
    [
      "params inside map",
      { map: [{ var: "q" }, { "*": [{ var: "" }, { var: "params.rate" }] }] },
      [["lint/outer-scope-var", "/map/1/*/1"]],
    ],
    [
      "outer field inside reduce",
      { reduce: [{ var: "m" }, { "+": [{ var: "current" }, { var: "x" }] }, 0] },
      [["lint/outer-scope-var", "/reduce/1/+/1"]],
    ],
    ["computed var", { var: { cat: ["a", "b"] } }, [["lint/dynamic-var", ""]]],
  ])("%s", (_name, logic, expected) => {
    expect(codes(logic)).toStrictEqual(expected);
  });

  it("flags a record field read inside an array operator when the schema names it", () => {
    expect(
      codes(
        { filter: [{ var: "sales.monthly" }, { ">": [{ var: "region" }, 0] }] },
        { datasetSchema: schema },
      ),
    ).toStrictEqual([["lint/outer-scope-var", "/filter/1/>/0"]]);
  });

  it("uses the schema to tell nullable and string fields", () => {
    expect(codes({ "+": [{ var: "sales.prior_ytd" }, 1] }, { datasetSchema: schema })).toStrictEqual([
      ["lint/nullable-arithmetic", ""],
    ]);
    expect(codes({ "+": [{ var: "sales.net_ytd" }, 1] }, { datasetSchema: schema })).toStrictEqual([]);
    expect(codes({ "+": [{ var: ["sales.prior_ytd", 0] }, 1] }, { datasetSchema: schema })).toStrictEqual([]);
    expect(codes({ ">": [{ var: "region" }, "M"] }, { datasetSchema: schema })).toStrictEqual([
      ["lint/string-comparison", ""],
    ]);
  });

  it("accepts guarded divisions", () => {
    expect(codes({ if: [{ ">": [{ var: "d" }, 0] }, { "/": [1, { var: "d" }] }, 0] })).toStrictEqual([]);
    expect(codes({ and: [{ var: "d" }, { "/": [1, { var: "d" }] }] })).toStrictEqual([]);
    expect(codes({ "/": [1, { max: [{ var: "d" }, 1] }] })).toStrictEqual([]);
    expect(codes({ "/": [1, 4] })).toStrictEqual([]);
  });

  it("stays quiet on a clean catalogue rule", () => {
    const i1 = {
      if: [
        { "<": [{ var: "sales.attainment_ytd" }, { var: "params.attainment_gate" }] },
        0,
        { "*": [{ var: "sales.rebate_base_ytd" }, 0.015] },
      ],
    };
    expect(lintLogic(i1, { paramNames: ["attainment_gate"], outputType: "number" })).toStrictEqual([]);
  });
});

describe("lintLogic: what the pack guarantees", () => {
  it("does not flag arithmetic on out.<id>: a rule whose out read failed is not evaluated", () => {
    expect(codes({ "*": [{ var: "out.rebate" }, 2] })).toStrictEqual([]);
    expect(codes({ "+": [{ var: "out.rebate" }, { var: "out.bonus" }] })).toStrictEqual([]);
    // The pop. read next to it may still be null.
    expect(codes({ "*": [{ var: "out.rebate" }, { var: "pop.factor" }] })).toStrictEqual([
      ["lint/nullable-arithmetic", ""],
    ]);
  });

  const byNorm = { "/": [{ var: "vehicles" }, { var: "params.norm" }] };
  const warned = [["lint/unguarded-division", "/~1/1"]];

  it("accepts a division by a parameter declared with min > 0 or max < 0", () => {
    const paramDeclarations = {
      norm: { type: "number", min: 1 },
      negative: { type: "integer", max: -1 },
    };
    expect(codes(byNorm, { paramDeclarations })).toStrictEqual([]);
    expect(codes({ "/": [1, { var: ["params.norm", 0] }] }, { paramDeclarations })).toStrictEqual([]);
    expect(codes({ "/": [1, { var: "params.negative" }] }, { paramDeclarations })).toStrictEqual([]);
  });

  it("still flags a parameter division the declarations do not make safe, and without declarations", () => {
    expect(codes(byNorm)).toStrictEqual(warned);
    for (const norm of [
      { type: "number" },
      { type: "number", min: 0 },
      { type: "number", max: 0 },
      { type: "number", min: -1, max: 5 },
      { type: "string", min: 1 },
    ]) {
      expect(codes(byNorm, { paramDeclarations: { norm } }), JSON.stringify(norm)).toStrictEqual(warned);
    }
    const paramDeclarations = { norm: { type: "number", min: 1 } };
    expect(codes({ "/": [1, { var: "params.other" }] }, { paramDeclarations })).toStrictEqual(warned);
    expect(codes({ "/": [1, { var: "params.norm.x" }] }, { paramDeclarations })).toStrictEqual(warned);
    expect(codes({ "/": [1, { var: "norm" }] }, { paramDeclarations })).toStrictEqual(warned);
    expect(codes({ "/": [1, { var: "params.toString" }] }, { paramDeclarations })).toStrictEqual(warned);
  });
});

describe("lintLogic: positions", () => {
  it("prefixes pointers and gives the line and column in the source text", () => {
    const text = '{\n  "id": "r",\n  "logic": {\n    "==": [\n      { "var": "a" },\n      1\n    ]\n  }\n}';
    const logic = (JSON.parse(text) as { logic: unknown }).logic;
    expect(
      lintLogic(logic, { pointerPrefix: "/logic", sourceText: text, file: "r.rule.json" }),
    ).toStrictEqual([
      {
        code: "lint/loose-equality",
        severity: "warning",
        message: expect.objectContaining({ en: expect.stringContaining("===") }) as unknown,
        pointer: "/logic",
        file: "r.rule.json",
        line: 3,
        column: 3,
      },
    ]);
  });
});

describe("division guards through products", () => {
  const finance = (guard: unknown) => ({
    if: [guard, { "/": [{ var: "capital" }, { "*": [0.25, { var: "target" }] }] }, 100],
  });
  const codesOf = (logic: unknown) => lintLogic(logic).map((p) => p.code);

  it("accepts a product of a non-zero literal and a guarded value as divisor", () => {
    expect(codesOf(finance({ ">": [{ var: "target" }, 0] }))).toStrictEqual([]);
  });

  it("still warns when a factor is unguarded or a literal factor is zero", () => {
    expect(codesOf(finance({ ">": [{ var: "capital" }, 0] }))).toStrictEqual(["lint/unguarded-division"]);
    const zeroFactor = { if: [{ ">": [{ var: "t" }, 0] }, { "/": [1, { "*": [0, { var: "t" }] }] }, 1] };
    expect(codesOf(zeroFactor)).toStrictEqual(["lint/unguarded-division"]);
  });
});
