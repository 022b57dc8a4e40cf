import fc from "fast-check";
import jsonLogic from "json-logic-js";
import { afterAll, beforeAll, describe, it, vi } from "vitest";
import { applyReference, compile, operatorNames } from "../../../src/engine";
import {
  inheritedPaths,
  logicOver,
  numericLeaves,
  numericOperators,
  outcome,
  quietOperators,
  records,
  safePaths,
  sameOutcome,
  show,
  type Outcome,
} from "./arbitraries";

const runs = 4000;

function describeMismatch(logic: unknown, data: unknown, results: Record<string, Outcome>): string {
  const lines = Object.entries(results).map(([name, r]) => `  ${name}: ${r.threw ? "threw" : show(r.value)}`);
  return [`evaluators disagree`, `  logic: ${show(logic)}`, `  data:  ${show(data)}`, ...lines].join("\n");
}

describe("compiled evaluators equal the reference (differential, fast-check)", () => {
  const allPaths = [...safePaths, ...inheritedPaths];

  it.each(["codegen", "closure"] as const)("%s mode, every operator, random data", (mode) => {
    fc.assert(
      fc.property(logicOver(quietOperators, allPaths), records, (logic, data) => {
        const reference = outcome(() => applyReference(logic, data));
        const compiled = outcome(() => compile(logic, { codegen: mode === "codegen" })(data));
        if (!sameOutcome(reference, compiled)) {
          throw new Error(describeMismatch(logic, data, { reference, [mode]: compiled }));
        }
      }),
      { numRuns: runs },
    );
  });

  it.each(["codegen", "closure"] as const)(
    "%s mode, numeric operators with -0, NaN and number-like strings",
    (mode) => {
      fc.assert(
        fc.property(logicOver(numericOperators, allPaths, 5, numericLeaves), records, (logic, data) => {
          const reference = outcome(() => applyReference(logic, data));
          const compiled = outcome(() => compile(logic, { codegen: mode === "codegen" })(data));
          if (!sameOutcome(reference, compiled)) {
            throw new Error(describeMismatch(logic, data, { reference, [mode]: compiled }));
          }
        }),
        { numRuns: runs },
      );
    },
  );

  it.each(["codegen", "closure"] as const)(
    "%s mode, logic that repeats subexpressions (memoised by codegen)",
    (mode) => {
      const sub = logicOver(numericOperators, allPaths, 3, numericLeaves);
      const repeating = fc.tuple(sub, sub, fc.constantFrom(...numericOperators)).map(([x, y, op]) => ({
        if: [{ [op]: [x, y] }, x, { or: [{ "!": x }, { [op]: [x, y] }, y] }, { [op]: [y, x] }, x],
      }));
      fc.assert(
        fc.property(repeating, records, (logic, data) => {
          const reference = outcome(() => applyReference(logic, data));
          const compiled = outcome(() => compile(logic, { codegen: mode === "codegen" })(data));
          if (!sameOutcome(reference, compiled)) {
            throw new Error(describeMismatch(logic, data, { reference, [mode]: compiled }));
          }
        }),
        { numRuns: runs / 2 },
      );
    },
  );

  it("compiles once and agrees on many records (codegen and closure share no state between calls)", () => {
    fc.assert(
      fc.property(
        logicOver(quietOperators, allPaths),
        fc.array(records, { minLength: 2, maxLength: 6 }),
        (logic, rows) => {
          const codegen = outcome(() => compile(logic));
          const closure = outcome(() => compile(logic, { codegen: false }));
          for (const data of rows) {
            const reference = outcome(() => applyReference(logic, data));
            const a = codegen.threw
              ? codegen
              : outcome(() => (codegen.value as (d: unknown) => unknown)(data));
            const b = closure.threw
              ? closure
              : outcome(() => (closure.value as (d: unknown) => unknown)(data));
            if (!sameOutcome(reference, a) || !sameOutcome(reference, b)) {
              throw new Error(describeMismatch(logic, data, { reference, codegen: a, closure: b }));
            }
          }
        },
      ),
      { numRuns: runs / 4 },
    );
  });

  describe("log", () => {
    const spy = vi.spyOn(console, "log");
    beforeAll(() => spy.mockImplementation(() => undefined));
    afterAll(() => spy.mockRestore());
    it("logs and returns its operand identically in every evaluator", () => {
      fc.assert(
        fc.property(logicOver(operatorNames, safePaths, 3), records, (logic, data) => {
          const reference = outcome(() => applyReference(logic, data));
          const codegen = outcome(() => compile(logic)(data));
          const closure = outcome(() => compile(logic, { codegen: false })(data));
          if (!sameOutcome(reference, codegen) || !sameOutcome(reference, closure)) {
            throw new Error(describeMismatch(logic, data, { reference, codegen, closure }));
          }
        }),
        { numRuns: runs / 4 },
      );
    });
  });
});

describe("the hardened reference equals raw json-logic-js wherever the hardening does not apply", () => {
  it("agrees on random logic with own-property paths", () => {
    fc.assert(
      fc.property(logicOver(quietOperators, safePaths), records, (logic, data) => {
        const facade = outcome(() => applyReference(logic, data));
        const raw = outcome(() => jsonLogic.apply(logic as jsonLogic.RulesLogic, data) as unknown);
        if (!sameOutcome(facade, raw)) throw new Error(describeMismatch(logic, data, { facade, raw }));
      }),
      { numRuns: runs },
    );
  });
});
