import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { applyReference, compile } from "../../../src/engine";

// The official JsonLogic suite (provenance: tests/engine/conformance/README.md): [logic, data, expected]
// triples, with bare strings as section comments.
const file = fileURLToPath(new URL("../conformance/jsonlogic-tests.json", import.meta.url));
const entries = JSON.parse(readFileSync(file, "utf8")) as unknown[];
const cases = entries.filter((e): e is [unknown, unknown, unknown] => Array.isArray(e));

describe("official JsonLogic conformance suite", () => {
  it("holds the 277 published cases", () => {
    expect(cases).toHaveLength(277);
  });

  const evaluators = {
    reference: (logic: unknown, data: unknown) => applyReference(logic, data),
    codegen: (logic: unknown, data: unknown) => {
      const fn = compile(logic);
      expect(fn.mode).toBe("codegen");
      return fn(data);
    },
    closure: (logic: unknown, data: unknown) => compile(logic, { codegen: false })(data),
  };

  for (const [name, evaluate] of Object.entries(evaluators)) {
    it.each(cases.map((c, i) => [i, ...c] as const))(`${name} #%i`, (_i, logic, data, expected) => {
      expect(evaluate(logic, data)).toStrictEqual(expected);
    });
  }
});
