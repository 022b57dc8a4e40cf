import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  applyReference,
  compile,
  isOperatorName,
  operatorNames,
  operatorSpecs,
  type OperatorName,
} from "../../../src/engine";
import { sameValue, show } from "./arbitraries";

const entries = Object.entries(operatorSpecs) as [OperatorName, (typeof operatorSpecs)[OperatorName]][];

describe("operatorSpecs", () => {
  const spy = vi.spyOn(console, "log");
  beforeAll(() => spy.mockImplementation(() => undefined));
  afterAll(() => spy.mockRestore());

  it("describes exactly the allow-listed operators", () => {
    expect(Object.keys(operatorSpecs).sort()).toStrictEqual([...operatorNames].sort());
    expect(isOperatorName("method")).toBe(false);
  });

  it.each(entries)(
    "%s: the example evaluates to its stated result on the reference and both compiled modes",
    (_op, spec) => {
      const { logic, data, result } = spec.example;
      for (const value of [
        applyReference(logic, data),
        compile(logic)(data),
        compile(logic, { codegen: false })(data),
      ]) {
        expect(sameValue(value, result), `${show(logic)} gave ${show(value)}`).toBe(true);
      }
    },
  );

  it.each(entries)("%s: the snippet is that operation once its placeholders are filled", (op, spec) => {
    const filled = spec.snippet.replace(/\$\{\d+:[^}]*\}/g, (placeholder, offset: number, text: string) =>
      text[offset - 1] === '"' ? "x" : placeholder.includes(":0}") || placeholder.includes(":1}") ? "1" : "0",
    );
    expect(Object.keys(JSON.parse(filled) as object)).toStrictEqual([op]);
  });

  it.each(entries)("%s: has both languages, a category and a sane arity", (_op, spec) => {
    expect(spec.label.en && spec.label["zh-CN"] && spec.docs.en && spec.docs["zh-CN"]).toBeTruthy();
    const arity = spec.arity as { min: number; max?: number };
    expect(arity.max === undefined || arity.max >= arity.min).toBe(true);
  });
});
