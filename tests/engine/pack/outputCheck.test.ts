import { describe, expect, it } from "vitest";
import { checkOutput } from "../../../src/engine/pack/outputCheck";

describe("checkOutput", () => {
  it("rounds numbers with decimals before checking min and max", () => {
    expect(checkOutput(1.005, { type: "number", decimals: 2 })).toEqual({ ok: true, value: 1.01 });
    expect(checkOutput(4_225_945 * 0.015, { type: "number", decimals: 2 })).toEqual({
      ok: true,
      value: 63_389.18,
    });
    expect(checkOutput(10.004, { type: "number", decimals: 2, max: 10 })).toEqual({ ok: true, value: 10 });
    expect(checkOutput(10.006, { type: "number", decimals: 2, max: 10 })).toMatchObject({
      ok: false,
      error: { code: "output/max" },
    });
    expect(checkOutput(-1, { type: "number", min: 0 })).toMatchObject({
      ok: false,
      error: { code: "output/min" },
    });
  });

  it("refuses non-finite numbers and never coerces", () => {
    expect(checkOutput(NaN, { type: "number" })).toMatchObject({
      ok: false,
      error: { code: "output/not-finite" },
    });
    expect(checkOutput(Infinity, { type: "integer" })).toMatchObject({
      ok: false,
      error: { code: "output/not-finite" },
    });
    expect(checkOutput("12", { type: "number" })).toMatchObject({
      ok: false,
      error: { code: "output/type" },
    });
    expect(checkOutput(null, { type: "number" })).toMatchObject({
      ok: false,
      error: { code: "output/type" },
    });
  });

  it("checks integers, booleans, strings and enums", () => {
    expect(checkOutput(3, { type: "integer" })).toEqual({ ok: true, value: 3 });
    expect(checkOutput(3.5, { type: "integer" })).toMatchObject({
      ok: false,
      error: { code: "output/not-integer" },
    });
    expect(checkOutput(true, { type: "boolean" })).toEqual({ ok: true, value: true });
    expect(checkOutput(1, { type: "boolean" })).toMatchObject({ ok: false, error: { code: "output/type" } });
    expect(checkOutput("A", { type: "string", enum: ["A", "B"] })).toEqual({ ok: true, value: "A" });
    expect(checkOutput("D", { type: "string", enum: ["A", "B"] })).toMatchObject({
      ok: false,
      error: { code: "output/enum" },
    });
  });

  it("gives every message in English and Chinese", () => {
    const result = checkOutput("x", { type: "number" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message["zh-CN"]).toBeTruthy();
  });
});
