import { describe, expect, it } from "vitest";
import { applyReference, compile } from "../../../src/engine";
import { outcome, sameOutcome, show } from "./arbitraries";

const evaluators = {
  reference: (logic: unknown, data: unknown) => applyReference(logic, data),
  codegen: (logic: unknown, data: unknown) => compile(logic)(data),
  closure: (logic: unknown, data: unknown) => compile(logic, { codegen: false })(data),
};

const THROWS = Symbol("throws");

// json-logic-js 2.0.5 behaviour that surprises people; every evaluator must reproduce it exactly.
const cases: [string, unknown, unknown, unknown][] = [
  ["extra operands of - are ignored", { "-": [10, 2, 3] }, {}, 8],
  ["unary minus of null is -0", { "-": [null] }, {}, -0],
  ["- coerces null to 0", { "-": [null, 1] }, {}, -1],
  ["+ uses parseFloat: null is NaN", { "+": [null, 1] }, {}, NaN],
  ["+ parses leading numbers", { "+": ["3 apples", "2.5e1"] }, {}, 28],
  ["+ of nothing is 0", { "+": [] }, {}, 0],
  ["+ of -0 is 0", { "+": [-0] }, {}, 0],
  ["* of one operand returns it untouched", { "*": ["5"] }, {}, "5"],
  ["* of nothing throws", { "*": [] }, {}, THROWS],
  ["* normalises -0 between factors", { "*": [-1, 0, 5] }, {}, 0],
  ["* keeps -0 as the final product", { "*": [-1, 0] }, {}, -0],
  ["/ by zero", { "/": [1, 0] }, {}, Infinity],
  ["% keeps the dividend's sign", { "%": [-7, 3] }, {}, -1],
  ["min of nothing", { min: [] }, {}, Infinity],
  ["max of nothing", { max: [] }, {}, -Infinity],
  ["min coerces", { min: ["3", null, true] }, {}, 0],
  ["and of nothing is undefined", { and: [] }, {}, undefined],
  ["or returns the operand", { or: [0, "", "x"] }, {}, "x"],
  ["and returns the first falsy operand", { and: [1, [], 2] }, {}, []],
  ["an empty array is falsy", { "!!": [[]] }, {}, false],
  ["a non-empty string is truthy", { "!!": ["0"] }, {}, true],
  ["== is loose", { "==": [1, "1"] }, {}, true],
  ["== null and 0", { "==": [null, 0] }, {}, false],
  ["< between", { "<": [1, 2, 3] }, {}, true],
  ["< between fails", { "<": [1, 3, 2] }, {}, false],
  ["strings compare by code unit", { "<": ["10", "9"] }, {}, true],
  ["in with a number on a string", { in: [1, "a1"] }, {}, true],
  ["in on a non-indexable is false", { in: [1, 5] }, {}, false],
  ["cat renders null as nothing and arrays with commas", { cat: [null, [1, 2], true] }, {}, "1,2true"],
  ["substr negative start and length", { substr: ["jsonlogic", -5, -2] }, {}, "log"],
  // "-1" < 0 holds, then 5 + "-1" is the string "5-1", a NaN length: the empty string.
  ["substr with a negative length as a string", { substr: ["abcdef", 1, "-1"] }, {}, ""],
  ["merge flattens one level", { merge: [1, [2, [3]], []] }, {}, [1, 2, [3]]],
  ["var default applies to missing keys only", { var: ["a", 5] }, { a: null }, null],
  ["var default for missing", { var: ["b", 5] }, { a: null }, 5],
  ["var of the whole data", { var: "" }, 7, 7],
  ["var indexes strings", { var: "s.1" }, { s: "abc" }, "b"],
  ["var computed path", { var: { cat: ["a", ".b"] } }, { a: { b: 2 } }, 2],
  ["if without else", { if: [false, 1] }, {}, null],
  ["if with one operand", { if: ["x"] }, {}, "x"],
  ["if of nothing", { if: [] }, {}, null],
  ["?: is if", { "?:": [0, 1, 0, 2, 3] }, {}, 3],
  [
    "missing counts null and empty string",
    { missing: ["a", "b", "c"] },
    { a: null, b: "", c: 0 },
    ["a", "b"],
  ],
  ["missing takes one array", { missing: [["a", "x"]] }, { a: 1 }, ["x"]],
  ["missing_some satisfied", { missing_some: [1, ["a", "b"]] }, { a: 1 }, []],
  ["missing_some unmet", { missing_some: [2, ["a", "b", "c"]] }, { a: 1 }, ["b", "c"]],
  ["missing_some with a string counts its length", { missing_some: [1, "abc"] }, {}, []],
  ["map on a non-array", { map: [5, { var: "" }] }, {}, []],
  ["all of empty is false", { all: [[], true] }, {}, false],
  ["none of empty is true", { none: [[], true] }, {}, true],
  ["some", { some: [[0, 1], { var: "" }] }, {}, true],
  ["filter", { filter: [[1, 2, 3], { "%": [{ var: "" }, 2] }] }, {}, [1, 3]],
  // The accumulator starts as null and parseFloat(null) is NaN, so the sum is lost.
  [
    "reduce without initial starts from null",
    { reduce: [[1, 2], { "+": [{ var: "current" }, { var: "accumulator" }] }] },
    {},
    NaN,
  ],
  ["reduce on a non-array returns the initial", { reduce: [5, { var: "current" }, 9] }, {}, 9],
  ["no outer scope inside map", { map: [[1], { var: "x" }] }, { x: 1 }, [null]],
  ["multi-key objects are literals", { if: [true, { a: 1, b: 2 }] }, {}, { a: 1, b: 2 }],
  ["unary sugar", { "!": true }, {}, false],
  ["an operand that throws is evaluated even where ignored", { "-": [1, 2, { "*": [] }] }, {}, THROWS],
  ["var's default is evaluated even when found", { var: ["a", { "*": [] }] }, { a: 1 }, THROWS],
  ["in throws on an object whose indexOf is not a function", { in: [1, { indexOf: 5, x: 1 }] }, {}, THROWS],
];

describe.each(Object.entries(evaluators))("json-logic-js quirks: %s", (_name, evaluate) => {
  it.each(cases)("%s", (_title, logic, data, expected) => {
    const got = outcome(() => evaluate(logic, data));
    const want =
      expected === THROWS ? ({ threw: true } as const) : ({ threw: false, value: expected } as const);
    expect(sameOutcome(got, want), `${show(logic)} gave ${got.threw ? "an error" : show(got.value)}`).toBe(
      true,
    );
  });
});
