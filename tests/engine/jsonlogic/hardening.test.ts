import fc from "fast-check";
import jsonLogic from "json-logic-js";
import { describe, expect, it, vi } from "vitest";
import { applyReference, compile, compiledSource, explain, LogicError, scanLogic } from "../../../src/engine";
import { outcome, sameOutcome, show } from "./arbitraries";

const evaluators = {
  reference: (logic: unknown, data: unknown) => applyReference(logic, data),
  codegen: (logic: unknown, data: unknown) => compile(logic)(data),
  closure: (logic: unknown, data: unknown) => compile(logic, { codegen: false })(data),
};

describe.each(Object.entries(evaluators))("hardening: %s", (_name, evaluate) => {
  it.each([
    [{ var: "toString" }, {}, null],
    [{ var: "__proto__" }, {}, null],
    [{ var: "constructor.name" }, {}, null],
    [{ var: ["constructor", "dflt"] }, {}, "dflt"],
    [{ var: "o.hasOwnProperty" }, { o: {} }, null],
    [{ var: "arr.map" }, { arr: [1] }, null],
    [{ var: "s.toUpperCase" }, { s: "abc" }, null],
    [{ var: "n.toFixed" }, { n: 3 }, null],
    [{ var: { cat: ["to", "String"] } }, {}, null],
    [{ missing: ["toString", "a"] }, { a: 1 }, ["toString"]],
    [{ missing_some: [1, ["valueOf", "constructor"]] }, {}, ["valueOf", "constructor"]],
    [{ map: [{ var: "arr" }, { var: "constructor" }] }, { arr: [1, "x", {}] }, [null, null, null]],
  ])("var never reaches inherited members: %j", (logic, data, expected) => {
    expect(evaluate(logic, data)).toStrictEqual(expected);
  });

  it("still reads own members that share a name with inherited ones", () => {
    const data = JSON.parse('{"toString": 1, "__proto__": {"x": 2}, "s": "abc"}') as unknown;
    expect(evaluate({ var: "toString" }, data)).toBe(1);
    expect(evaluate({ var: "__proto__.x" }, data)).toBe(2);
    expect(evaluate({ var: "s.length" }, data)).toBe(3);
  });

  it.each([
    "toString",
    "constructor",
    "__proto__",
    "hasOwnProperty",
    "method",
    "Math.max",
    "+.call",
    "valueOf",
  ])("refuses the operator %s before anything runs, even in an untaken branch", (op) => {
    const logic = JSON.parse(`{"if": [true, 1, {${JSON.stringify(op)}: [1, 2]}]}`) as unknown;
    expect(() => evaluate(logic, {})).toThrow(LogicError);
    try {
      evaluate(logic, {});
    } catch (e) {
      expect((e as LogicError).code).toBe("logic/unknown-operator");
      expect((e as LogicError).pointer).toBe("/if/2");
    }
  });

  it("refuses logic nested past the depth limit with a clear error", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200; i++) deep = { "+": [deep] };
    expect(() => evaluate(deep, {})).toThrow(/deeper than 64 levels/);
  });

  it("refuses oversized arrays", () => {
    const wide = { max: Array.from({ length: 10_001 }, (_, i) => i) };
    expect(() => evaluate(wide, {})).toThrow(/10001 operands \(limit 10000\)/);
  });
});

describe("limits", () => {
  it("reports every violation with its pointer", () => {
    const violations = scanLogic({ and: [{ foo: 1 }, { "+": [1, { bar: [] }] }] });
    expect(violations.map((v) => [v.code, v.pointer])).toStrictEqual([
      ["logic/unknown-operator", "/and/0"],
      ["logic/unknown-operator", "/and/1/+/1"],
    ]);
  });

  it("accepts custom limits", () => {
    const limits = { maxDepth: 2, maxArrayLength: 2, maxNodes: 100 };
    expect(() => applyReference({ "+": [{ "+": [{ "+": [1] }] }] }, {}, { limits })).toThrow(LogicError);
    expect(() => compile({ "+": [1, 2, 3] }, { limits })).toThrow(LogicError);
    expect(() => compile({ "+": [1, 2] }, { limits })).not.toThrow();
  });

  it("counts nodes", () => {
    const many = { "+": Array.from({ length: 50 }, () => ({ "+": [1, 2] })) };
    expect(scanLogic(many, { maxDepth: 10, maxArrayLength: 100, maxNodes: 100 })[0]?.code).toBe(
      "logic/too-large",
    );
  });
});

describe("codegen cannot be injected", () => {
  const hostile = fc.oneof(
    fc.constantFrom(
      '"); globalThis.pwned = 1; ("',
      "'); globalThis.pwned = 1; ('",
      "\\",
      '\\"',
      "\u2028",
      "\u2029",
      "</script><script>globalThis.pwned=1</script>",
      "${globalThis.pwned = 1}",
      "`",
      "*/ globalThis.pwned = 1; /*",
      "__proto__",
      "constructor",
      "prototype",
      "\0",
      "\ud800",
      "d",
      "K",
      "hop",
      "t1",
    ),
    fc.string({ unit: "binary", maxLength: 8 }),
  );
  const logicWith = (s: string) =>
    fc.constantFrom<unknown>(
      { var: s },
      { var: `${s}.${s}` },
      { var: [s, s] },
      { cat: [s, { var: s }] },
      { "==": [s, { var: s }] },
      { in: [s, [s, "x"]] },
      { missing: [s] },
      { if: [{ var: s }, s, { [s]: 1, two: 2 }] },
      { map: [{ var: "list" }, { var: s }] },
      { "+": [s, 1] },
    );

  it("hostile strings, keys and paths stay data in both compiled modes", () => {
    fc.assert(
      fc.property(
        hostile.chain((s) => fc.tuple(fc.constant(s), logicWith(s))),
        ([s, logic]) => {
          const data = { [s]: { [s]: s }, list: [{ [s]: 1 }] };
          const g = globalThis as { pwned?: number };
          const reference = outcome(() => applyReference(logic, data));
          for (const codegen of [true, false]) {
            const compiled = outcome(() => compile(logic, { codegen })(data));
            if (!sameOutcome(reference, compiled)) throw new Error(`mismatch on ${show(logic)}`);
          }
          expect(g.pwned).toBeUndefined();
          const source = compiledSource(logic);
          expect(source).not.toMatch(/[\u2028\u2029]|<\/script/i);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("uses codegen by default and closures when asked", () => {
    expect(compile({ var: "a" }).mode).toBe("codegen");
    expect(compile({ var: "a" }, { codegen: false }).mode).toBe("closure");
  });

  it("falls back to closures when the host forbids new Function", () => {
    const original = globalThis.Function;
    const forbidding = new Proxy(original, {
      construct() {
        throw new EvalError("Refused to evaluate a string as JavaScript (CSP)");
      },
    });
    globalThis.Function = forbidding;
    try {
      const fn = compile({ "+": [{ var: "a" }, 1] });
      expect(fn.mode).toBe("closure");
      expect(fn({ a: 2 })).toBe(3);
    } finally {
      globalThis.Function = original;
    }
  });
});

describe("the shared json-logic-js instance", () => {
  it("is never extended or changed by the engine", () => {
    const add = vi.spyOn(jsonLogic, "add_operation");
    const remove = vi.spyOn(jsonLogic, "rm_operation");
    const logic = {
      if: [{ in: [{ var: "t" }, ["a", "b"]] }, { cat: ["x", { var: "t" }] }, { merge: [[1], 2] }],
    };
    for (const data of [{ t: "a" }, { t: "z" }]) {
      applyReference(logic, data);
      compile(logic)(data);
      compile(logic, { codegen: false })(data);
      explain(logic, data);
    }
    expect(add).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();
    expect(() => jsonLogic.apply({ method: ["abc", "toUpperCase"] } as never) as unknown).toThrow(
      /Unrecognized operation method/,
    );
    add.mockRestore();
    remove.mockRestore();
  });
});
