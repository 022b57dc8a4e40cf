import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundHalfAwayFromZero, roundOnDigits } from "../../../src/engine/pack/decimal";
import { checkOutput } from "../../../src/engine/pack/outputCheck";

describe("roundHalfAwayFromZero", () => {
  it.each([
    [1.005, 2, 1.01],
    [1.045, 2, 1.05],
    [-2.5, 0, -3],
    [2.5, 0, 3],
    [-1.005, 2, -1.01],
    [0.125, 2, 0.13],
    [1.004999, 2, 1],
    [123456.785, 2, 123456.79],
    [1e-7, 2, 0],
    [5e-7, 6, 0.000001],
    [9.995, 2, 10],
    [1.5e21, 2, 1.5e21],
    [-0.4, 0, 0],
    [7, 3, 7],
  ])("rounds %d to %d decimals as %d", (x, d, expected) => {
    expect(roundHalfAwayFromZero(x, d)).toBe(expected);
  });

  it("never returns -0", () => {
    expect(Object.is(roundHalfAwayFromZero(-0.001, 2), 0)).toBe(true);
  });

  it("agrees with exact decimal rounding of the shortest representation", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10_000_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 3 }),
        (n, d) => {
          // n / 1000 has at most three decimals, so its shortest string is exact and rounding is easy to state.
          const x = n / 1000;
          const scaled = Math.abs(n) * 10 ** d; // units of 1/1000 × 10^d
          const q = Math.floor(scaled / 1000);
          const r = scaled % 1000;
          const magnitude = (r >= 500 ? q + 1 : q) / 10 ** d;
          const expected = n < 0 && magnitude !== 0 ? -magnitude : magnitude;
          expect(roundHalfAwayFromZero(x, d)).toBe(Number(expected.toFixed(d)));
        },
      ),
    );
  });
});

describe("roundHalfAwayFromZero's arithmetic shortcuts", () => {
  const same = (x: number, d: number): void => {
    expect(roundHalfAwayFromZero(x, d)).toBe(roundOnDigits(x, d));
  };

  it("agree with the digit-string definition on any double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), fc.integer({ min: 0, max: 15 }), (x, d) => {
        same(x, d);
      }),
      { numRuns: 20_000 },
    );
  });

  it("agree on products like rate × amount and on exact and near ties", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(0.015, 0.005, 1 / 7, 1.005e-3, 0.5, 1),
        fc.integer({ min: -2, max: 2 }),
        (n, d, rate, ulps) => {
          const x = n * rate;
          same(x, d);
          same(nextDouble(x), d);
          same(prevDouble(x), d);
          // The decimal tie one digit past the kept ones, and its neighbouring doubles.
          let tie = (Math.trunc(x * 10 ** d) * 10 + 5) / 10 ** (d + 1);
          for (let i = 0; i < Math.abs(ulps); i++) tie = ulps < 0 ? prevDouble(tie) : nextDouble(tie);
          same(tie, d);
        },
      ),
      { numRuns: 20_000 },
    );
  });
});

function nextDouble(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigInt64(0, view.getBigInt64(0) + (x >= 0 ? 1n : -1n));
  return view.getFloat64(0);
}

function prevDouble(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigInt64(0, view.getBigInt64(0) + (x > 0 ? -1n : 1n));
  return view.getFloat64(0);
}

describe("checkOutput", () => {
  it("rounds numbers with decimals before checking min and max", () => {
    expect(checkOutput(1.005, { type: "number", decimals: 2 })).toEqual({ ok: true, value: 1.01 });
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
