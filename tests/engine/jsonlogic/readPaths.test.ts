import { describe, expect, it } from "vitest";
import { readPaths } from "../../../src/engine";

describe("readPaths", () => {
  it("lists outer var reads in string, number and array form with pointers", () => {
    const logic = {
      if: [
        { "<": [{ var: "sales.attainment_ytd" }, { var: "params.attainment_gate" }] },
        0,
        { "*": [{ var: ["sales.rebate_base_ytd", 0] }, { var: 1 }] },
      ],
    };
    expect(readPaths(logic)).toStrictEqual([
      { path: "sales.attainment_ytd", pointer: "/if/0/</0" },
      { path: "params.attainment_gate", pointer: "/if/0/</1" },
      { path: "sales.rebate_base_ytd", pointer: "/if/2/*/0" },
      { path: "1", pointer: "/if/2/*/1" },
    ]);
  });

  it("prefixes pointers and escapes operator names per RFC 6901", () => {
    expect(readPaths({ "/": [{ var: "a" }, 2] }, "/logic")).toStrictEqual([
      { path: "a", pointer: "/logic/~1/0" },
    ]);
  });

  it("includes missing and missing_some keys", () => {
    expect(
      readPaths({ or: [{ missing: ["a", "b.c"] }, { missing_some: [1, ["x", "y"]] }, { missing: "z" }] }),
    ).toStrictEqual([
      { path: "a", pointer: "/or/0/missing/0" },
      { path: "b.c", pointer: "/or/0/missing/1" },
      { path: "x", pointer: "/or/1/missing_some/1/0" },
      { path: "y", pointer: "/or/1/missing_some/1/1" },
      { path: "z", pointer: "/or/2/missing" },
    ]);
  });

  it("excludes element-relative reads inside array operator bodies but keeps their array and initial value", () => {
    const logic = {
      "+": [
        {
          reduce: [
            { var: "sales.monthly" },
            { "+": [{ var: "current" }, { var: "accumulator" }] },
            { var: "params.base" },
          ],
        },
        { map: [{ var: "lines" }, { var: "params.rate" }] },
        { all: [{ var: "q" }, { ">": [{ var: "" }, 0] }] },
      ],
    };
    expect(readPaths(logic).map((r) => r.path)).toStrictEqual(["sales.monthly", "params.base", "lines", "q"]);
  });

  it("flags computed paths as dynamic and still lists the reads that compute them", () => {
    expect(readPaths({ var: { cat: ["out.", { var: "which" }] } })).toStrictEqual([
      { path: "", pointer: "/var", dynamic: true },
      { path: "which", pointer: "/var/cat/1" },
    ]);
  });

  it("reports whole-context reads as the empty path", () => {
    expect(readPaths({ var: "" })).toStrictEqual([{ path: "", pointer: "" }]);
    expect(readPaths({ var: [] })).toStrictEqual([{ path: "", pointer: "" }]);
  });

  it("ignores operands json-logic-js never evaluates and literal objects", () => {
    expect(readPaths({ map: [[1], { var: "x" }, { var: "never" }] })).toStrictEqual([]);
    expect(readPaths({ a: { var: "x" }, b: 1 })).toStrictEqual([]);
  });
});
