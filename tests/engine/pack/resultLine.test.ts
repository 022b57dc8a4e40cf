import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resultLine, resultObject, type RecordResult } from "../../../src/engine";

const value = fc.oneof(
  fc.double(),
  fc.constantFrom(-0, NaN, Infinity, -Infinity, undefined, null),
  fc.string(),
  fc.boolean(),
  fc.integer(),
);
const values = fc.dictionary(fc.string(), value);
const result: fc.Arbitrary<RecordResult> = fc.record({
  id: fc.oneof(value, fc.object({ maxDepth: 2 })),
  out: values,
  pop: values,
  errors: fc.array(
    fc.record(
      {
        rule: fc.string(),
        code: fc.string(),
        message: fc.record({ en: fc.string(), "zh-CN": fc.string() }),
        line: fc.nat(),
        column: fc.nat(),
      },
      { requiredKeys: ["code", "message"] },
    ),
    { maxLength: 3 },
  ),
});

describe("crw eval result lines", () => {
  it("give the same line as JSON.stringify of the object form, and the object form JSON.parse gives", () => {
    fc.assert(
      fc.property(result, (r) => {
        const text = resultLine(r);
        expect(JSON.stringify(resultObject(r))).toBe(text);
        expect(resultObject(r)).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it("write non-finite numbers as null, -0 as 0, leave undefined members and a missing id out", () => {
    const r: RecordResult = {
      id: undefined,
      out: { a: NaN, b: -0, c: undefined, d: 1.5 },
      pop: { rank: Infinity },
      errors: [{ code: "rule/evaluation", rule: "a", message: { en: "boom", "zh-CN": "出错" } }],
    };
    expect(resultLine(r)).toBe(
      '{"out":{"a":null,"b":0,"d":1.5},"pop":{"rank":null},"errors":[{"rule":"a","code":"rule/evaluation","message":"boom"}]}',
    );
    expect(Object.is(resultObject(r).out.b, 0)).toBe(true);
    expect("id" in resultObject(r)).toBe(false);
  });
});
